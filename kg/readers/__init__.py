"""Read source files in the formats documents arrive in: one reader per format.

``read_source`` is the one entry point: it checks the path, reads the bytes and
hands them to the reader the content calls for (told by the bytes first, the
file name second). Each reader returns a ``SourceText``: the text a person reads
in the original, ``segments`` mapping runs of it back to where they sit in the
original file, the detected encoding and the reader's name. What no reader can
take is refused with a one-line ``SourceError`` naming the file.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import SourceError
from kg.limits import read_file
from kg.models import Segment, SourceText
from kg.readers import html, ocr, pdf, word
from kg.readers.text import MAGIC, decode

# what a folder is searched for: files a reader takes, and document formats to name as refused
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp"}
READABLE = {".txt", ".md", ".docx", ".doc", ".rtf", ".odt", ".pdf"} | HTML_SUFFIXES | IMAGE_SUFFIXES
# page images by their magic numbers: PNG, JPEG, TIFF (both byte orders), GIF
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8")
REFUSED = {".xlsx", ".xls", ".ods", ".pptx", ".ppt", ".odp", ".zip"}
SUFFIXES = READABLE | REFUSED

_WHITE = " \t\r\n\f\v\u00a0\u200b\ufeff"

Reader = Callable[[bytes, str, Path], SourceText]


def read_text(data: bytes, name: str, path: Path) -> SourceText:
    """Plain text, or a web page (by its name or its first tags): decoded, and a page
    laid out to the document's own text."""
    page = path.suffix.lower() in HTML_SUFFIXES or html.looks_like_html(
        data[:2048].decode("latin-1")
    )
    text, encoding = _page_charset(data) if page else (None, "")
    if text is None:
        text, encoding = decode(data, name)
    if not text.strip(_WHITE):
        raise SourceError(name, "is empty (only white space)")
    if not page:
        return _source(path, name, data, text, encoding)
    layout = html.layout_page(text)
    body = layout.text()
    if not body.strip(_WHITE):
        raise SourceError(name, "is a web page with no document text in it")
    return _source(path, name, data, body, encoding, reader="html", segments=layout.segments)


def _page_charset(data: bytes) -> tuple[str | None, str]:
    """A page in the legacy charset it declares (<meta charset="windows-1258">)."""
    declared = html.charset(data)
    if not declared or declared.replace("_", "-").startswith(("utf-", "utf8")):
        return None, ""
    try:
        return data.decode(declared), declared
    except (LookupError, UnicodeDecodeError):
        return None, ""


def _source(path: Path, name: str, data: bytes, text: str, encoding: str, **kw) -> SourceText:
    return SourceText(
        path=path,
        name=name,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        **kw,
    )


def read_word(data: bytes, name: str, path: Path) -> SourceText:
    """A .docx file."""
    layout = word.layout_docx(data, name)
    return _laid_out(path, name, data, layout, "docx")


def read_old_word(data: bytes, name: str, path: Path) -> SourceText:
    """A .doc, .rtf or .odt file, converted to .docx by LibreOffice."""
    suffix = path.suffix.lower() or ".doc"
    converted = word.convert_with_libreoffice(data, name, suffix)
    layout = word.layout_docx(converted, name)
    return _laid_out(path, name, data, layout, "doc")


def read_pdf(data: bytes, name: str, path: Path) -> SourceText:
    """A PDF: its text layer, scanned pages through OCR."""
    got = pdf.read_pdf(data, name)
    if not got.text.strip(_WHITE + "\f"):
        raise SourceError(name, "is a PDF without text")
    reader = "pdf" if not got.ocr_pages else "ocr" if got.ocr_pages == got.pages else "pdf+ocr"
    return _source(
        path, name, data, got.text, "", reader=reader, segments=got.segments,
        findings=got.findings,
    )  # fmt: skip


def read_image(data: bytes, name: str, path: Path) -> SourceText:
    """An image of a page (a scan or a photo) through OCR."""
    text, conf = ocr.read_image(data, name, path.suffix.lower())
    if not text.strip():
        raise SourceError(name, "is an image in which OCR found no text")
    where = f"image (OCR, {conf:.0f}% confidence)"
    return _source(
        path, name, data, text + "\n", "", reader="ocr",
        segments=[Segment(0, len(text) + 1, where)],
        findings=ocr.confidence_findings(1, conf),
    )  # fmt: skip


def _laid_out(path: Path, name: str, data: bytes, layout, reader: str, **kw) -> SourceText:
    text = layout.text()
    if not text.strip(_WHITE):
        raise SourceError(name, f"has no text ({reader} file without words)")
    return _source(path, name, data, text, "", reader=reader, segments=layout.segments, **kw)


def _refuse(what: str) -> Reader:
    def refuse(data: bytes, name: str, path: Path) -> SourceText:
        raise SourceError(name, what)

    return refuse


_NOT_DOCUMENTS = "dkg reads documents (text, web pages, Word, PDF, scans), not {}"


def _zip_reader(data: bytes, path: Path) -> Reader:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return _refuse("is a damaged ZIP container (.docx/.xlsx?): it cannot be opened")
    if "word/document.xml" in names:
        return read_word
    if "xl/workbook.xml" in names:
        return _refuse("is an Excel workbook: " + _NOT_DOCUMENTS.format("spreadsheets"))
    if "ppt/presentation.xml" in names:
        return _refuse("is a PowerPoint file: " + _NOT_DOCUMENTS.format("slides"))
    if "content.xml" in names and b"opendocument.text" in data[:200]:
        return read_old_word
    return _refuse("is a ZIP archive: unpack it and name the files inside")


def pick_reader(data: bytes, path: Path) -> Reader:
    """The reader for these bytes: magic numbers decide, the suffix only breaks ties."""
    suffix = path.suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        return _zip_reader(data, path)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: .doc, .xls, .ppt
        if suffix in (".xls", ".ppt"):
            return _refuse(f"is an old Office {suffix} file: " + _NOT_DOCUMENTS.format("those"))
        return read_old_word
    if data.startswith(b"{\\rtf"):
        return read_old_word
    if data.startswith(b"%PDF"):
        return read_pdf
    if data.startswith(_IMAGES) or data[:2] == b"BM" and data[6:10] == b"\0\0\0\0":
        return read_image
    for magic, _what in MAGIC:
        if data.startswith(magic):
            return read_text  # refuses it, naming what it is
    return read_text


def read_bytes(data: bytes, path: Path, name: str) -> SourceText:
    """Read a file's bytes with the reader they call for; ``name`` is for messages."""
    if not data:
        raise SourceError(name, "is empty")
    return pick_reader(data, path)(data, name, path)


def read_source(path: Path | str, name: str | None = None) -> SourceText:
    """Read one file; ``name`` is how the user named it (for messages and records)."""
    path = Path(path)
    shown = name if name is not None else str(path)
    if not path.exists():
        raise SourceError(shown, "no such file or folder")
    if path.is_dir():
        raise SourceError(shown, "is a folder without documents dkg reads")
    data = read_file(path, shown)  # kg.limits: regular files only, size-limited
    return read_bytes(data, path, shown)


_READERS = {
    "text": "text",
    "html": "web page",
    "docx": "Word .docx",
    "doc": "old Word/RTF/ODT through LibreOffice",
    "pdf": "PDF text layer",
    "ocr": "OCR (Tesseract)",
    "pdf+ocr": "PDF text layer and OCR (Tesseract)",
}


def describe(src: SourceText) -> str:
    """One line saying how a file was read: "plan.pdf: PDF text layer, 3 pages"."""
    what = _READERS.get(src.reader, src.reader)
    if src.encoding:
        what += f" ({src.encoding})"
    pages = sorted({s.where.split(" (")[0] for s in src.segments if s.where.startswith("page ")})
    if pages:
        what += f", {len(pages)} page{'s' if len(pages) > 1 else ''}"
    conf = [s.where for s in src.segments if "OCR" in s.where and "%" in s.where]
    if conf:
        what += f", OCR confidence {_confidences(conf)}"
    return f"{src.name}: {what}"


def _confidences(wheres: list[str]) -> str:
    import re

    values = [int(m.group(1)) for w in wheres if (m := re.search(r"(\d+)%", w))]
    return f"{min(values)}%" if len(values) == 1 else f"{min(values)}-{max(values)}%"


def _expand(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str]]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = False
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    found = True
                    yield f, str(f)
            if not found:
                yield path, str(p)  # read_source reports the empty folder
        else:
            yield path, str(p)


def source_paths(paths: Iterable[Path | str]) -> list[tuple[Path, str]]:
    """(path, name as given) of each file named or found under a folder named, sorted:
    what ``iter_sources`` will read, counted before reading (progress needs the total)."""
    return list(_expand(paths))


def iter_sources(paths: Iterable[Path | str]) -> Iterator[SourceText | SourceError]:
    """Each file named, or found under each folder named (sorted).

    Errors are yielded, not raised, so one bad file never stops a batch.
    """
    for path, name in _expand(paths):
        try:
            yield read_source(path, name)
        except SourceError as e:
            yield e


__all__ = [
    "SUFFIXES",
    "decode",
    "describe",
    "iter_sources",
    "read_bytes",
    "read_source",
    "source_paths",
]
