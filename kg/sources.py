"""Read source files into ``SourceText``: decode bytes, refuse what is not text.

Vietnamese administrative texts arrive as UTF-8 (with or without BOM), UTF-16
(Word "Unicode text" exports) or Windows-1258 (legacy Vietnamese code page).
Decoding is tried in that order of strictness: UTF-8 is self-validating, UTF-16
is recognised by its BOM or its NUL-byte pattern, and cp1258 -- which decodes
almost any byte string -- is accepted only when the result reads like
Vietnamese. Anything else is refused with a one-line ``SourceError``.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import SourceError
from kg.models import SourceText

SUFFIXES = {".txt", ".md"}

# Magic numbers of binary formats people mistake for text extractions.
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF file, not a text extraction"),
    (b"PK\x03\x04", "a ZIP container (.docx/.xlsx/.zip?), not plain text"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office binary file (.doc/.xls), not plain text"),
    (b"{\\rtf", "an RTF file, not plain text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (b"\x7fELF", "an executable, not text"),
]

# Letters that only Vietnamese (among Latin-script languages) uses in quantity.
_VI_SPECIFIC = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-heavy text has NULs in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    n = len(even)
    if odd.count(0) > 0.3 * n and even.count(0) < 0.05 * n:
        return "utf-16-le"
    if even.count(0) > 0.3 * n and odd.count(0) < 0.05 * n:
        return "utf-16-be"
    return None


def _vietnamese_score(text: str) -> float:
    """Share of letters that carry Vietnamese marks (after decomposition).

    Vietnamese prose has a tone mark or a specific vowel on roughly a third to a
    half of its letters; a mis-decoded file of another encoding scores near 0
    or is full of symbols instead of letters.
    """
    decomposed = unicodedata.normalize("NFD", text)
    letters = marked = 0
    prev_letter = False
    for ch in decomposed:
        if ch in _TONES or ch in ("\u0302", "\u0306", "\u031b"):
            if prev_letter:
                marked += 1
            continue
        prev_letter = ch.isalpha()
        if prev_letter:
            letters += 1
            if ch in _VI_SPECIFIC:
                marked += 1
    return marked / letters if letters else 0.0


def _plausible_text(text: str) -> bool:
    """Few control characters and mostly letters, digits, spaces, punctuation."""
    bad = sum(
        1
        for ch in text
        if (unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\t\n\r\f\v")
    )
    return bad <= max(2, len(text) // 1000)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` to text; return (text, encoding name) or raise SourceError."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise SourceError(name, f"has a UTF-8 mark but invalid UTF-8 at byte {e.start}") from e
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(enc), "utf-16"
            except UnicodeDecodeError as e:
                raise SourceError(
                    name, f"has a UTF-16 mark but is not valid UTF-16: {e.reason}"
                ) from e
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(name, f"is {what}")
    guess = _utf16_guess(data)
    if guess:
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_text(text):
            return text, guess
    if b"\x00" in data:
        raise SourceError(name, "is binary (contains NUL bytes), not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    else:
        if not _plausible_text(text):
            raise SourceError(name, "is binary (control characters), not a text file")
        return text, "utf-8"
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_text(text) and _vietnamese_score(text) >= 0.12:
        return text, "cp1258"
    raise SourceError(
        name,
        f"cannot be decoded: not UTF-8 (bad byte {data[utf8_error.start]:#04x} at offset "
        f"{utf8_error.start}), UTF-16 or Windows-1258 Vietnamese",
    )


def read_source(path: Path, name: str | None = None) -> SourceText:
    """Read and decode one file; ``name`` is how the user named it (for messages)."""
    path = Path(path)
    shown = name if name is not None else str(path)
    if not path.exists():
        raise SourceError(shown, "no such file or folder")
    if path.is_dir():
        raise SourceError(shown, "is a folder without .txt or .md files")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(shown, f"cannot be read: {e.strerror or e}") from e
    if not data:
        raise SourceError(shown, "is empty")
    text, encoding = decode(data, shown)
    if not text.strip(" \t\r\n\f\v\u00a0\u200b\ufeff"):
        raise SourceError(shown, "is empty (only white space)")
    return SourceText(
        path=path,
        name=shown,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )


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


def iter_sources(paths: Iterable[Path | str]) -> Iterator[SourceText | SourceError]:
    """Each file named, or found under each folder named (.txt/.md, sorted).

    Errors are yielded, not raised, so one bad file never stops a batch.
    """
    for path, name in _expand(paths):
        try:
            yield read_source(path, name)
        except SourceError as e:
            yield e
