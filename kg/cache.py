"""Extraction cache: a source whose bytes and extractor are unchanged is not read again.

``dkg build --out DIR`` keeps ``DIR/cache/records/<key>.pickle``, one per source,
where the key hashes the source's bytes (``SourceText.sha256``) together with a
digest of the extractor itself (every file of the kg package and its ontology), so
a new dkg version or an edited rule re-extracts everything. Entries of sources no
longer in the build are dropped. The cache is the user's own output folder: a
damaged entry is ignored and rebuilt.

A cached record has no parse tree (``structure``): only extraction reads it, and it
was two thirds of a record's bytes and of the time to load it (1,000 generated plans:
28.7 MB, 3.1 s to unpickle one by one under load; without it 10.4 MB, 1.35 s).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kg.models import DocumentRecord, SourceText

CACHE = "cache"
RECORDS = "records"


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """What the records depend on besides the source: the package's code and data."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _entry_key(src: SourceText) -> str:
    """The entry of a source: its bytes and the extractor that reads them."""
    return hashlib.sha256(f"{extractor_digest()}:{src.sha256}".encode()).hexdigest()


class RecordCache:
    def __init__(self, out_dir: Path) -> None:
        self.folder = Path(out_dir) / CACHE / RECORDS
        self.used: set[str] = set()
        self.hits = 0

    def _key(self, src: SourceText) -> str:
        return _entry_key(src)

    def get(self, src: SourceText) -> DocumentRecord | None:
        key = self._key(src)
        self.used.add(key)
        try:
            record = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if not isinstance(record, DocumentRecord) or record.source.text != src.text:
            return None
        self.hits += 1
        return replace(record, source=src)  # the same bytes may come under another name

    def put(self, src: SourceText, record: DocumentRecord) -> None:
        key = self._key(src)
        self.used.add(key)
        keep(self.folder, src, record)

    def prune(self) -> None:
        """Drop the entries of sources this build did not have."""
        if not self.folder.is_dir():
            return
        for f in self.folder.iterdir():
            if f.stem not in self.used:
                with contextlib.suppress(OSError):
                    f.unlink()


def keep(folder: Path, src: SourceText, record: DocumentRecord) -> None:
    """Write ``record`` (slimmed) as the entry of ``src`` in the cache folder ``folder``:
    what ``RecordCache.put`` does, callable in a worker process that extracted it (the
    pool's workers write their own entries; the parent has marked them used when it
    looked them up)."""
    key = _entry_key(src)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{key}.{os.getpid()}.tmp"
        tmp.write_bytes(pickle.dumps(slim(record), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        pass  # a cache that cannot be written only costs time


def slim(record: DocumentRecord) -> DocumentRecord:
    """The record without its parse tree (what the build and the cache keep)."""
    return record if record.structure is None else replace(record, structure=None)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while many long-lived objects are made (records read
    from the cache or sent back by the workers): each collection walks every object
    made so far, so it grows with the square of the corpus (3,000 cached records: 16.3 s
    to load with it, 3.5 s without). Building them makes no cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
