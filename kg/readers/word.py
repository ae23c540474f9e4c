"""Word files: .docx through python-docx, .doc (and .rtf) through LibreOffice when present.

Paragraphs and tables are read in document order. Word keeps automatic
numbering ("1.", "a)", "-") out of the paragraph text, in numbering.xml; it is
put back in front of the paragraph, because the structure stage reads the
document's parts, items and points from those markers. Tables keep rows and
cells (kg.readers.layout). Segments say "paragraph N" or "table T, row R, cell C".
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from kg.errors import SourceError
from kg.readers.layout import Cell, Layout, Piece

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LIBREOFFICE = ("soffice", "libreoffice")
INSTALL_LIBREOFFICE = "apt-get install libreoffice-writer-nogui"


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= v:
            out, n = out + s, n - v
    return out


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)


class _Numbering:
    """Labels of Word's automatic numbering, counted as the paragraphs come."""

    def __init__(self, doc) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.iter(f"{_W}abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in a.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lv[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[a.get(f"{_W}abstractNumId", "")] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{_W}numId", "")] = abstract.get(ref.get(f"{_W}val", ""), {})

    def label(self, paragraph) -> str:
        """The label Word draws before this paragraph ("" when it is not numbered)."""
        num_pr = _num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text:
                n = counts.get(k, levels.get(k, ("decimal", "", 1))[2])
                text = text.replace(f"%{k + 1}", _format(n, levels.get(k, (fmt,))[0]))
        return f"{text} " if text else ""


def _num_pr(paragraph) -> tuple[str, int] | None:
    """(numId, level) from the paragraph, else from its style."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        if ppr is None or ppr.numPr is None:
            continue
        num_id = ppr.numPr.numId
        ilvl = ppr.numPr.ilvl
        if num_id is None or num_id.val == 0:
            return None
        return str(num_id.val), int(ilvl.val) if ilvl is not None else 0
    return None


def layout_docx(data: bytes, name: str) -> Layout:
    """Paragraphs and tables of a .docx, in order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as e:  # pragma: no cover - a core dependency
        raise SourceError(name, "needs python-docx to read .docx: pip install python-docx") from e
    try:
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise SourceError(name, f"is a damaged Word file ({type(e).__name__}: {e})") from e
    numbering = _Numbering(doc)
    out = Layout()
    n_par = n_tab = 0
    for child in doc.element.body.iterchildren():
        if child.tag == f"{_W}p":
            n_par += 1
            p = Paragraph(child, doc)
            text = p.text
            if not text.strip():
                continue
            label = numbering.label(p)
            where = f"paragraph {n_par}"
            lines = text.split("\n")  # a manual line break inside the paragraph
            out.line([Piece(label, where), Piece(lines[0], where)])
            for more in lines[1:]:
                out.line([Piece(more, where)])
        elif child.tag == f"{_W}tbl":
            n_tab += 1
            out.table(_rows(Table(child, doc), n_tab, numbering))
    return out


def _rows(table, t: int, numbering: _Numbering) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for r, row in enumerate(table.rows, 1):
        cells: list[Cell] = []
        seen = None
        for c, cell in enumerate(row.cells, 1):
            if cell._tc is seen:  # a merged cell repeats across the columns it spans
                continue
            seen = cell._tc
            where = f"table {t}, row {r}, cell {c}"
            lines = [
                [Piece(numbering.label(p), where), Piece(ln, where)]
                for p in cell.paragraphs
                for ln in p.text.split("\n")
                if ln.strip()
            ]
            cells.append(Cell(lines))
        rows.append(cells)
    return rows


def convert_with_libreoffice(data: bytes, name: str, suffix: str) -> bytes:
    """An old Word (.doc) or RTF file as .docx bytes, through LibreOffice headless."""
    exe = next((shutil.which(x) for x in _LIBREOFFICE if shutil.which(x)), None)
    if exe is None:
        raise SourceError(
            name,
            f"is an old Word/RTF file ({suffix}): dkg reads it through LibreOffice, which is "
            f"not installed ({INSTALL_LIBREOFFICE}); or save it as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="dkg-doc-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        try:
            subprocess.run(
                [exe, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                 "--convert-to", "docx", "--outdir", tmp, str(src)],
                capture_output=True, timeout=120, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired as e:
            raise SourceError(name, "LibreOffice took over 120 s to convert it") from e
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise SourceError(name, f"LibreOffice could not convert this {suffix} file")
        return out.read_bytes()
