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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import SourceError
from kg.models import SourceText
from kg.readers.text import MAGIC, decode

# what a folder is searched for: files a reader takes, and document formats to name as refused
READABLE = {".txt", ".md", ".html", ".htm", ".xhtml"}
REFUSED = {".xlsx", ".xls", ".ods", ".pptx", ".ppt", ".odp", ".zip", ".rar", ".7z"}
SUFFIXES = READABLE | REFUSED

_WHITE = " \t\r\n\f\v\u00a0\u200b\ufeff"

Reader = Callable[[bytes, str, Path], SourceText]


def read_text(data: bytes, name: str, path: Path) -> SourceText:
    """Plain text (or a web page saved as text): decode, then lay out HTML if it is HTML."""
    text, encoding = decode(data, name)
    if not text.strip(_WHITE):
        raise SourceError(name, "is empty (only white space)")
    return _source(path, name, data, text, encoding)


def _source(path: Path, name: str, data: bytes, text: str, encoding: str, **kw) -> SourceText:
    return SourceText(
        path=path,
        name=name,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        **kw,
    )


def pick_reader(data: bytes, path: Path) -> Reader:
    """The reader for these bytes: magic numbers decide, the suffix only breaks ties."""
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
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(shown, f"cannot be read: {e.strerror or e}") from e
    return read_bytes(data, path, shown)


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
    """Each file named, or found under each folder named (sorted).

    Errors are yielded, not raised, so one bad file never stops a batch.
    """
    for path, name in _expand(paths):
        try:
            yield read_source(path, name)
        except SourceError as e:
            yield e


__all__ = ["SUFFIXES", "decode", "iter_sources", "read_bytes", "read_source"]
