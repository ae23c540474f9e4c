"""Scans through OCR: a page rendered to an image (and to an image-only PDF) reads back
to its number, date, issuer and most of its bodies. Skipped, with the reason, when
Tesseract with Vietnamese data or pdftoppm is missing (.ci/run installs them)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from readers_common import nfc_lines
from writers import to_pdf

from kg.models import SourceText
from kg.pipeline import extract_source
from kg.readers import ocr, read_source

pytestmark = pytest.mark.skipif(
    not ocr.available() or shutil.which("pdftoppm") is None,
    reason=f"no Tesseract with Vietnamese data or no pdftoppm: {ocr.INSTALL}",
)
REAL = Path(__file__).parent / "data" / "real" / "docs" / "KH_1026-KH-UBND_0a97eb9c.txt"


def _record(src: SourceText) -> dict:
    rec = extract_source(src)
    d = rec.document
    return {
        "fields": (d.number, d.date, d.issuer),
        "bodies": {a.body.name for a in rec.assignments},
    }


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> tuple[list[Path], dict, dict]:
    """Pages 1 (the header) and 5 (duties of three bodies) of the real plan printed to a
    text-layer PDF, rendered at 300 dpi as a scanner would; and what the text layer of
    page 1 alone, and of pages 1 and 5, gives."""
    tmp = tmp_path_factory.mktemp("ocr")
    pdf = to_pdf(nfc_lines(REAL), tmp / "plan.pdf")
    pngs = []
    for n in (1, 5):
        subprocess.run(
            ["pdftoppm", "-r", "300", "-f", str(n), "-l", str(n), "-png", "-singlefile",
             str(pdf), str(tmp / f"p{n}")],
            check=True, capture_output=True,
        )  # fmt: skip
        pngs.append(tmp / f"p{n}.png")
    pages = read_source(pdf).text.split("\f")
    first = _record(SourceText(pdf, "p1", pages[0], "", ""))
    both = _record(SourceText(pdf, "p1+5", pages[0] + "\n" + pages[4], "", ""))
    assert first["fields"][0] and len(both["bodies"]) >= 3
    return pngs, first, both


def _check(src: SourceText, want: dict) -> None:
    got = _record(src)
    assert got["fields"] == want["fields"]
    if want["bodies"]:
        found = len(got["bodies"] & want["bodies"]) / len(want["bodies"])
        assert found >= 0.8, (found, want["bodies"] - got["bodies"])


def test_image_scan(scans) -> None:
    pngs, first, _both = scans
    src = read_source(pngs[0])
    assert src.reader == "ocr"
    assert "confidence" in src.segments[0].where
    _check(src, first)


def test_image_only_pdf(scans, tmp_path: Path) -> None:
    from fpdf import FPDF

    pngs, _first, both = scans
    pdf = FPDF(format="A4")
    for png in pngs:
        pdf.add_page()
        pdf.image(str(png), x=0, y=0, w=210, h=297)
    f = tmp_path / "scan.pdf"
    pdf.output(str(f))
    src = read_source(f)
    assert src.reader == "ocr"
    assert [s.where.split(" (")[0] for s in src.segments] == ["page 1", "page 2"]
    assert all("(OCR" in s.where for s in src.segments)
    _check(src, both)


def test_low_confidence_is_a_finding() -> None:
    assert ocr.confidence_findings(3, 55.0)[0].kind == "low-ocr-confidence"
    assert "page 3" in ocr.confidence_findings(3, 55.0)[0].message
    assert ocr.confidence_findings(3, 92.0) == []
