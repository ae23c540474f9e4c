"""Scans and images through OCR: Tesseract with its Vietnamese data.

An optional part: it needs the ``tesseract`` program with the ``vie`` language
(Debian: tesseract-ocr, tesseract-ocr-vie) and, for scanned PDFs, ``pdftoppm``
(poppler-utils) or the pypdfium2 package to render pages. Without them a scan is
refused with one line saying what to install. Tesseract's word confidences are
kept: a page below ``LOW_CONFIDENCE`` is flagged as a finding, so an auditor
checks it against the scan instead of trusting it silently.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from kg.errors import SourceError
from kg.models import Finding

INSTALL = (
    "OCR needs Tesseract with Vietnamese data: "
    "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"
)
LANG = "vie"
DPI = 300
LOW_CONFIDENCE = 75.0  # mean word confidence (0-100) under which a page is flagged
TIMEOUT = 300  # seconds per page


@cache
def available() -> bool:
    """Tesseract with the Vietnamese language is installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        langs = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANG in (langs.stdout + langs.stderr).split()


def ocr_image(image: Path, name: str) -> tuple[str, float]:
    """(text, mean word confidence 0-100) of one page image."""
    try:
        run = subprocess.run(
            ["tesseract", str(image), "stdout", "-l", LANG, "--psm", "3", "tsv"],
            capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as e:
        raise SourceError(name, f"OCR took over {TIMEOUT} s on one page") from e
    if run.returncode != 0:
        problem = (run.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise SourceError(name, f"OCR failed: {problem}")
    return _from_tsv(run.stdout)


def _from_tsv(tsv: str) -> tuple[str, float]:
    """Lines of words from Tesseract's TSV (block, paragraph, line) -- a gap wider than
    twice the words' height kept as a tab, so the header's columns and a table's cells
    stay apart -- and the confidence of the words weighted by their length."""
    lines: list[str] = []
    key = None
    line: list[tuple[str, int, int, int]] = []  # (word, left, right, height)
    weighted = total = 0.0
    prev_block = None
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":  # level 5: a word
            continue
        word, conf = cols[11], float(cols[10])
        if not word.strip():
            continue
        this = (cols[2], cols[3], cols[4])  # block, paragraph, line
        if this != key:
            if line:
                lines.append(_join(line))
            if prev_block is not None and cols[2] != prev_block:
                lines.append("")  # a new block (a column, a paragraph apart)
            line, key, prev_block = [], this, cols[2]
        left, width, height = int(cols[6]), int(cols[8]), int(cols[9])
        line.append((word, left, left + width, height))
        if conf >= 0:
            weighted += conf * len(word)
            total += len(word)
    if line:
        lines.append(_join(line))
    return _MARKER_COMMA.sub(r"\1.\2", "\n".join(lines)), (weighted / total if total else 0.0)


# An item number is printed "5." (NĐ 30/2020: Arabic numeral and a full stop); at 300 dpi
# Tesseract often reads that stop as a comma, which hides the item from the structure stage.
_MARKER_COMMA = re.compile(r"(?m)^(\d{1,2}(?:\.\d{1,2})*),(\s+[A-ZĐÀ-Ỹ])")


def _join(line: list[tuple[str, int, int, int]]) -> str:
    height = sorted(h for *_, h in line)[len(line) // 2]
    out = [line[0][0]]
    for prev, w in zip(line, line[1:], strict=False):
        out.append("\t" if w[1] - prev[2] > 2 * height else " ")
        out.append(w[0])
    return "".join(out)


def confidence_findings(page: int, conf: float) -> list[Finding]:
    if conf >= LOW_CONFIDENCE:
        return []
    return [
        Finding(
            "low-ocr-confidence",
            f"page {page} read by OCR with {conf:.0f}% confidence: check it against the scan",
        )
    ]


def _render(pdf: Path, page: int, out: Path) -> Path:
    """One PDF page (1-based) as a PNG: pdftoppm, else pypdfium2."""
    if shutil.which("pdftoppm"):
        stem = out / f"p{page}"
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png",
             "-singlefile", str(pdf), str(stem)],
            capture_output=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
        png = stem.with_suffix(".png")
        if png.exists():
            return png
    try:
        import pypdfium2
    except ImportError:
        raise SourceError(
            str(pdf), "rendering scanned pages needs pdftoppm (apt-get install poppler-utils)"
        ) from None
    doc = pypdfium2.PdfDocument(str(pdf))
    png = out / f"p{page}.png"
    doc[page - 1].render(scale=DPI / 72).to_pil().save(png)
    return png


def pdf_pages(data: bytes, name: str, pages: list[int]) -> list[tuple[str, float]]:
    """OCR of the given pages (0-based) of a PDF."""
    with tempfile.TemporaryDirectory(prefix="dkg-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        return [ocr_image(_render(pdf, i + 1, Path(tmp)), name) for i in pages]


def read_image(data: bytes, name: str, suffix: str) -> tuple[str, float]:
    """OCR of an image file (PNG, JPEG, TIFF, ...)."""
    if not available():
        raise SourceError(name, f"is an image (a scan): {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="dkg-ocr-") as tmp:
        img = Path(tmp) / f"in{suffix or '.png'}"
        img.write_bytes(data)
        return ocr_image(img, name)
