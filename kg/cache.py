"""Extraction cache: a source whose bytes and extractor are unchanged is not read again.

``dkg build --out DIR`` keeps ``DIR/cache/records/<key>.pickle``, one per source,
where the key hashes the source's bytes (``SourceText.sha256``) together with a
digest of the extractor itself (every file of the kg package and its ontology), so
a new dkg version or an edited rule re-extracts everything. Entries of sources no
longer in the build are dropped. The cache is the user's own output folder: a
damaged entry is ignored and rebuilt.

A source is not even read again when it is the file the last build read, by its
``os.stat`` (``DIR/cache/sources.pickle``: size, modification and change times, inode,
device; as git's index, an entry is kept only for a file last changed well before the
build that saw it, so a file rewritten within the same clock tick is read again): a +1
build of 10,000 plans read and decoded every unchanged source only to find its key.

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
import stat
import time
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kg.models import DocumentRecord, SourceText

CACHE = "cache"
RECORDS = "records"
SOURCES = "sources.pickle"  # in DIR/cache: path -> (its stat when read, its entry's key)
RACY_NS = 2_000_000_000  # a file changed this close to its reading is not trusted by stat


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


def _stamp(st: os.stat_result) -> tuple[int, ...]:
    """What tells that a file is the one read before (git's index keeps the same)."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class RecordCache:
    def __init__(self, out_dir: Path) -> None:
        self.folder = Path(out_dir) / CACHE / RECORDS
        self.used: set[str] = set()
        self.hits = 0
        self.started = time.time_ns()
        self._known: dict[str, tuple] | None = None  # the last build's SOURCES
        self.seen: dict[str, tuple] = {}  # this build's: path -> (stamp, key)

    def _index(self) -> dict[str, tuple]:
        if self._known is None:
            try:
                data = pickle.loads((self.folder.parent / SOURCES).read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
                data = None
            ok = isinstance(data, dict) and data.get("digest") == extractor_digest()
            files = data.get("files") if ok else None
            self._known = files if isinstance(files, dict) else {}
        return self._known

    def stat(self, path: Path) -> os.stat_result | None:
        """The file's stat before it is read (``note`` keeps it with its entry's key)."""
        try:
            return os.stat(path)
        except OSError:
            return None

    def unchanged(self, path: Path, name: str, st: os.stat_result | None, max_bytes: int):
        """The record of ``path`` without reading it, when it is the file the last build
        read (same stat, not changed within ``RACY_NS`` of that reading) under the same name
        and path, and its entry is still there; else None (the file is read)."""
        key = self.known(path, st, max_bytes)
        return None if key is None else self.take(path, name, st, key)

    def known(self, path: Path, st: os.stat_result | None, max_bytes: int) -> str | None:
        """The key of ``path``'s entry when the file is the one the last build read (same
        stat), found in the index alone (``take`` loads the entry): a build can start
        extracting the files that changed before it loads the records of those that did not
        (kg.pipeline)."""
        if st is None or not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return None
        found = self._index().get(str(path))
        if not found or found[0] != _stamp(st):
            return None
        return found[1]

    def take(self, path: Path, name: str, st: os.stat_result, key: str):
        """The record of entry ``key`` that ``known`` found for ``path``, if it is still there
        and is the record of that file under that name; else None (the file is read)."""
        try:
            record = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        src = getattr(record, "source", None)
        if not isinstance(record, DocumentRecord) or src.name != name or src.path != path:
            return None
        self.used.add(key)
        self.seen[str(path)] = (_stamp(st), key)
        self.hits += 1
        return record

    def note(self, path: Path, st: os.stat_result | None, src: SourceText) -> None:
        """``path`` (stat ``st`` before it was read) gave ``src``, whose record is now kept:
        the next build may take it by stat, unless the file changed too close to now."""
        if st is None or self.started - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
            return
        self.seen[str(path)] = (_stamp(st), _entry_key(src))

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
        """Drop the entries of sources this build did not have; keep the files' stats."""
        if not self.folder.is_dir():
            return
        index = self.folder.parent / SOURCES
        try:
            tmp = index.with_name(f"{SOURCES}.{os.getpid()}.tmp")
            data = {"digest": extractor_digest(), "files": self.seen}
            tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, index)
        except OSError:
            index.unlink(missing_ok=True)  # a stale index must not stay
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
