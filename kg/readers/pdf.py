"""PDF files: the text layer through pdfplumber, pages without one through OCR.

Chosen by measuring (scripts/compare_pdf_readers.py): on Vietnamese PDFs pypdf,
pdfminer.six and pdfplumber all get the diacritics right, but their ready-made
text differs in order. pypdf and pdfplumber glue the header's two columns into
one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."); pdfminer.six keeps them apart
but reads a task table column by column, so no row survives. pdfplumber gives
the pieces to do both: its words with positions (lines of words, a wide gap kept
as a tab, so columns stay apart) and its ruled-table finder (rows and cells, laid
out as kg.readers.layout lays out any table). It is the slowest (~0.15 s a page).

A page whose text layer is empty (a scan) or unusable (glyphs without a Unicode
map, read as "(cid:NN)") is read by OCR (kg.readers.ocr) when Tesseract is
installed; otherwise the file is refused with the line saying how to install it.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from kg.errors import SourceError
from kg.models import Finding, Segment
from kg.readers.layout import Cell, Layout, Piece

_CID = re.compile(r"\(cid:\d+\)")
MIN_LETTERS = 20  # fewer letters than this on a page: no usable text layer


@dataclass
class PdfText:
    text: str
    segments: list[Segment] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    ocr_pages: int = 0
    pages: int = 0


def text_pages(data: bytes, name: str) -> list[Layout]:
    """Each page's text layer laid out: lines of words in reading order, a wide gap
    between words kept as a tab (the header's two columns), ruled tables as rows and
    cells. An empty layout for a page without a text layer."""
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfminer.psparser import PSException
    except ImportError as e:  # pragma: no cover - a core dependency
        raise SourceError(name, "needs pdfplumber to read PDF: pip install pdfplumber") from e
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[Layout] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for n, page in enumerate(doc.pages, 1):
                pages.append(_page(page, f"page {n}"))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as e:
        raise SourceError(name, f"is a damaged PDF ({type(e).__name__}: {e})") from e
    except Exception as e:
        if type(e).__module__.split(".")[0] in ("pdfminer", "pdfplumber", "pypdfium2"):
            raise SourceError(name, f"is a damaged PDF ({type(e).__name__})") from e
        raise
    return pages


def _page(page, where: str) -> Layout:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(w: dict) -> bool:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    words = [w for w in page.extract_words(keep_blank_chars=False) if outside(w)]
    items: list[tuple[float, int, object]] = [(t.bbox[1], 1, t) for t in tables]
    items += [(line[0]["top"], 0, line) for line in _lines(words)]
    out = Layout()
    for _top, kind, item in sorted(items, key=lambda x: (x[0], x[1])):
        if kind:
            rows = [
                [Cell([[Piece(x, where)] for x in (c or "").split("\n") if x.strip()]) for c in row]
                for row in item.extract()
            ]
            out.table(rows)
        else:
            out.line([Piece(_join(item), where)], keep_tabs=True)
    return out


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words on the same baseline (within a third of their height), left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines:
            last = lines[-1][-1]
            if abs(w["top"] - last["top"]) <= (last["bottom"] - last["top"]) / 3:
                lines[-1].append(w)
                continue
        lines.append([w])
    return [sorted(ln, key=lambda w: w["x0"]) for ln in lines]


def _join(line: list[dict]) -> str:
    """A line's words; a gap wider than twice the text height is a column gap (a tab)."""
    out = [line[0]["text"]]
    for prev, w in zip(line, line[1:], strict=False):
        gap = w["x0"] - prev["x1"]
        out.append("\t" if gap > 2 * (w["bottom"] - w["top"]) else " ")
        out.append(w["text"])
    return "".join(out)


def usable(page: Layout) -> bool:
    """A text layer worth reading: enough letters, not glyph ids."""
    cleaned = _CID.sub("", page.text())
    return sum(ch.isalpha() for ch in cleaned) >= MIN_LETTERS


def read_pdf(data: bytes, name: str) -> PdfText:
    """The text of every page: the text layer where usable, else OCR."""
    pages = text_pages(data, name)
    if not pages:
        raise SourceError(name, "is a PDF without pages")
    missing = [i for i, p in enumerate(pages) if not usable(p)]
    ocr_text: dict[int, tuple[str, float]] = {}
    findings: list[Finding] = []
    if missing:
        from kg.readers import ocr

        if not ocr.available():
            raise SourceError(
                name,
                f"has {len(missing)} of {len(pages)} pages without a text layer (a scan): "
                f"{ocr.INSTALL}",
            )
        for i, (text, conf) in zip(missing, ocr.pdf_pages(data, name, missing), strict=True):
            ocr_text[i] = (text, conf)
            findings.extend(ocr.confidence_findings(i + 1, conf))
    out: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for i, page in enumerate(pages):
        if i:
            out.append("\f")  # a page break: the text stage reads it as a line break
            pos += 1
        if i in ocr_text:
            text = ocr_text[i][0].strip("\n") + "\n"
            conf = ocr_text[i][1]
            segments.append(Segment(pos, pos + len(text), f"page {i + 1} (OCR, {conf:.0f}%)"))
        else:
            text = page.text()
            segments.extend(
                Segment(s.start + pos, s.end + pos, s.where, s.offset) for s in page.segments
            )
        out.append(text)
        pos += len(text)
    return PdfText("".join(out), segments, findings, len(ocr_text), len(pages))
