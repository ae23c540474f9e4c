"""The site's ``Facts`` kept beside each generation, so the next build reads only what changed.

Reading the site's facts from a generation's exported N-Quads means going through every
line of them (1.85 GB at 10,000 plans; a third of the site phase), while adding one plan
changes a few graph files. Each build keeps its facts in ``gen/site-facts.marshal``; the
next one starts from the live generation's copy and applies the difference between the
live and the new exports, file by file (an unchanged graph's file is the same inode,
hard-linked by kg.graph_export): lines gone are taken out unless the new store still
holds the triple in another graph, new lines are added. ``Facts`` is a set of triples
(kg.read.scan), so the result equals a scan of the new exports; tests check that.
A patched build does not write its facts again (hundreds of MB at national scale): its
file is the last one's, hard-linked, with the patches applied since beside it
(``site-facts.delta``), replayed on load; past ``MAX_DELTA`` lines it is written whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import multiprocessing as mp
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.cache import collector_paused
from kg.read.scan import (
    Facts,
    facts_from_nquads,
    nquads_files,
    parse_lines,
    wanted_lines,
)
from kg.shares import can_fork
from kg.store import Store

FILE = "site-facts.marshal"
MAX_CHANGED = 400_000  # more changed lines than this: a full scan costs about the same


@dataclass(frozen=True)
class FactsCache:
    """Where a build keeps its facts (``save_to``) and the generation it may start from
    (``previous``: a folder with ``exports/graphs`` and ``FILE``); ``early``: the facts of
    some of the files, kept as their graphs were emitted (a full build's source graphs)."""

    save_to: Path | None = None
    previous: Path | None = None
    early: EarlyFacts | None = None


@cache
def code_key() -> bytes:
    """The code that makes and reads the file: facts kept by other code are not used."""
    from kg import __version__

    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    h.update(str(marshal.version).encode())
    for name in ("scan.py", "facts_cache.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest().encode()


def save(facts: Facts, path: Path) -> None:
    """Write ``facts`` to ``path`` (beside, then renamed: a reader never sees half). A
    delta left beside it names the file it was written for, so it no longer applies."""
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(code_key() + b"\n")
            marshal.dump((facts.one, facts.more, facts.types), fh)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    with contextlib.suppress(OSError):
        delta_path(path).unlink()


def load(path: Path) -> Facts | None:
    """The facts kept in ``path`` by this code, with the patches kept beside it, or None."""
    chain = _chain(path)
    if chain is None:
        return None
    try:
        with open(path, "rb") as fh:
            if fh.readline() != code_key() + b"\n":
                return None
            # from bytes: marshal.load on a file reads it object by object (4x slower)
            one, more, types = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    facts = Facts()
    if set(one) != set(facts.one) or set(types) != set(facts.types):
        return None
    facts.one, facts.more, facts.types = one, more, types
    for removed, added in chain:
        _apply(facts, removed, added)
    return facts


# ---------------------------------------------------------------- patches kept as a delta

MAX_DELTA = 200_000  # lines of patches kept beside a facts file; more: it is written whole


def delta_path(path: Path) -> Path:
    """Beside the facts file: the patches applied to it since (``site-facts.delta``)."""
    return path.with_suffix(".delta")


def _stamp(path: Path) -> list[int]:
    st = os.stat(path)
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _chain(path: Path) -> list[tuple[bytes, bytes]] | None:
    """The patches (lines removed, lines added) kept for the facts file ``path``: none when
    there is no delta, None when the delta is not this code's or not that file's."""
    try:
        data = delta_path(path).read_bytes()
    except FileNotFoundError:
        return []
    except OSError:
        return None
    try:
        kept = marshal.loads(data)
        if kept["code"] != code_key() or kept["base"] != _stamp(path):
            return None
        return [(bytes(r), bytes(a)) for r, a in kept["chain"]]
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def _apply(facts: Facts, removed: bytes, added: bytes) -> None:
    """One patch, as ``patched`` applied it: the triples taken out, then those added."""
    for q in parse_lines([removed]):
        facts.remove(q.subject, q.predicate.value, q.object)
    for q in parse_lines([added]):
        facts.add(q.subject, q.predicate.value, q.object)


def save_patched(facts: Facts, path: Path, previous: Path, patch: tuple[bytes, bytes]) -> None:
    """Keep patched ``facts`` as the previous build's file ``previous`` (a hard link: a
    national build's facts are hundreds of MB) and the patches applied since, ``patch``
    the last; written whole when the patches grow long or the link cannot be made."""
    chain = _chain(previous)
    if chain is not None:
        chain.append(patch)
        if sum(r.count(b"\n") + a.count(b"\n") for r, a in chain) <= MAX_DELTA:
            try:
                os.link(previous, path)
                _write_delta(path, chain)
                return
            except OSError:
                with contextlib.suppress(OSError):
                    path.unlink()
    save(facts, path)


def _write_delta(path: Path, chain: list[tuple[bytes, bytes]]) -> None:
    delta = delta_path(path)
    tmp = delta.with_name(delta.name + f".{os.getpid()}.tmp")
    try:
        tmp.write_bytes(marshal.dumps({"code": code_key(), "base": _stamp(path), "chain": chain}))
        os.replace(tmp, delta)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@dataclass
class Changed:
    """What the patch changed, for kg.views.reach (which pages it can reach): the subjects
    and IRI objects of every line of a source graph that changed, in either version (a
    document's records all live in its graph, their evidence too), and of the changed
    lines of the other graphs."""

    source: set[str] = field(default_factory=set)  # subjects in changed source graphs
    subjects: dict[str, set[str]] = field(default_factory=dict)  # other graphs: -> objects
    objects: set[str] = field(default_factory=set)  # IRIs named by any of those lines
    patch: tuple[bytes, bytes] = (b"", b"")  # the lines the patch took out and added

    def note(self, rel: Path, before: set[bytes], after: set[bytes], lines: list[bytes]) -> None:
        whole = rel.parts[0] == "source"
        for line in (before | after) if whole else lines:
            head, _, rest = line.partition(b" ")
            subject = head[1:-1].decode() if head.startswith(b"<") else "_:"
            objects = [m.decode() for m in _IRI.findall(rest)[1:-1]]
            self.objects.update(objects)
            if whole:
                self.source.add(subject)
            else:
                self.subjects.setdefault(subject, set()).update(objects)


_IRI = re.compile(rb"<([^<>\s\"]*)>")


def changed_lines(
    old: Path, new: Path, changed: Changed | None = None
) -> tuple[list[bytes], list[bytes]] | None:
    """(lines gone, lines new) of the wanted lines between two ``exports/graphs`` folders,
    or None when more than ``MAX_CHANGED`` changed; ``changed`` notes what they name."""
    old_files = {p.relative_to(old): p for p in nquads_files(old)}
    new_files = {p.relative_to(new): p for p in nquads_files(new)}
    gone: list[bytes] = []
    added: list[bytes] = []
    for rel in sorted(old_files.keys() | new_files.keys()):
        a, b = old_files.get(rel), new_files.get(rel)
        if a is not None and b is not None and _same_inode(a, b):
            continue
        before = _lines(a)
        after = _lines(b)
        if before == after:
            continue
        g0, a0 = len(gone), len(added)
        gone += wanted_lines(before.difference(after))
        added += wanted_lines(after.difference(before))
        if len(gone) + len(added) > MAX_CHANGED:
            return None
        if changed is not None:
            changed.note(rel, before, after, gone[g0:] + added[a0:])
    return sorted(gone), sorted(added)


def _same_inode(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _lines(path: Path | None) -> set[bytes]:
    if path is None:
        return set()
    with open(path, "rb") as fh:
        return set(fh.read().splitlines())


def patched(previous: Path, exports: Path, store: Any) -> Facts | None:
    """The facts of ``exports`` from the ones kept in ``previous`` and the lines that
    changed; ``store`` holds exactly the new exports' content. None when they cannot be."""
    raw = store.raw if isinstance(store, Store) else store
    old = previous / "exports" / "graphs"
    if not isinstance(raw, ox.Store) or not old.is_dir() or not exports.is_dir():
        return None
    facts = load(previous / FILE)
    if facts is None:
        return None
    changed = Changed()
    diff = changed_lines(old, exports, changed)
    if diff is None:
        return None
    gone, added = diff
    removed = []
    for line, q in zip(gone, parse_lines(gone), strict=True):  # one quad a line
        if next(iter(raw.quads_for_pattern(q.subject, q.predicate, q.object)), None) is not None:
            continue  # still in another graph: the union keeps it
        facts.remove(q.subject, q.predicate.value, q.object)
        removed.append(line)
    for q in parse_lines(added):
        facts.add(q.subject, q.predicate.value, q.object)
    changed.patch = (b"".join(removed), b"".join(added))
    facts.changed = changed
    return facts


def read_facts(store: Any, exports: Path, where: FactsCache | None, jobs: int = 1) -> Facts:
    """The site's facts of ``exports``: patched from the previous generation's when it
    kept them, else by a scan of every file (in ``jobs`` processes); kept for the next
    build in ``where.save_to``."""
    with collector_paused():
        facts = None
        early = where.early if where is not None else None
        if early is None and where is not None and where.previous is not None:
            facts = patched(where.previous, exports, store)
        if facts is None:
            facts = _scan(nquads_files(exports), jobs, early)
            if where is not None and where.save_to is not None:
                save(facts, where.save_to)
        elif where is not None and where.save_to is not None and where.previous is not None:
            save_patched(facts, where.save_to, where.previous / FILE, facts.changed.patch)
    return facts


POOL_MIN_BYTES = 50_000_000  # less N-Quads than this are read here: forking costs more


def facts_in_processes(files: list[Path], jobs: int = 1) -> Facts:
    """``facts_from_nquads(files)`` with the files shared out over ``jobs`` processes (this
    one and forked workers), by size; each worker's facts come back marshalled and are
    merged here. On a full build this scan is most of the site's serial work."""
    sizes = {f: _size(f) for f in files}
    if jobs <= 1 or sum(sizes.values()) < POOL_MIN_BYTES or not can_fork():
        return facts_from_nquads(files)
    shares: list[list[Path]] = [[] for _ in range(jobs)]
    loads = [0] * jobs
    for f in sorted(files, key=lambda f: -sizes[f]):  # the largest first, to the least loaded
        k = loads.index(min(loads))
        shares[k].append(f)
        loads[k] += sizes[f]
    with mp.get_context("fork").Pool(jobs - 1) as pool:
        pending = pool.map_async(_share_facts, [sorted(share) for share in shares[1:]])
        facts = facts_from_nquads(sorted(shares[0]))
        for blob in pending.get():
            facts.merge(*marshal.loads(blob))
            del blob
    return facts


def _share_facts(files: list[Path]) -> bytes:
    """In a worker: the facts of ``files``, marshalled (strings stay interned)."""
    with collector_paused():
        facts = facts_from_nquads(files)
        return marshal.dumps((facts.one, facts.more, facts.types))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _scan(files: list[Path], jobs: int, early: EarlyFacts | None) -> Facts:
    """The facts of ``files``: those ``early`` kept already merged with the others'."""
    if early is None:
        return facts_in_processes(files, jobs)
    try:
        read, parts = early.take()
        facts = facts_in_processes([f for f in files if f not in read], jobs)
        for part in parts:  # one at a time: at 10,000 plans they are 200 MB
            facts.merge(*marshal.loads(part.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError):  # a part gone or not whole: read all
        return facts_in_processes(files, jobs)
    finally:
        early.close()
    return facts


class EarlyFacts:
    """The facts of a full build's source graphs, taken from the quads that made them by
    whoever emitted them (kg.rdf_pool: its worker processes, a chunk of sources at a
    time) and kept in generation ``gen``'s ``EARLY`` folder, one file per chunk; the site
    then reads only the other files and merges these (``read_facts``). Nothing reads the
    source graphs' files again (a process that did so competed with graph/reorg for a
    core: at 10,000 plans, 7.4 million quads parsed again)."""

    def __init__(self, gen: Path) -> None:
        self.folder = gen / EARLY
        self.folder.mkdir(exist_ok=True)
        self.files: set[Path] = set()  # the graph files whose facts the parts hold
        self.parts: list[Path] = []
        _EARLY.append(self)

    def add(self, part: Path, files: Iterable[Path]) -> None:
        """``part`` (``write_part``) holds the facts of the graph files ``files``."""
        self.parts.append(part)
        self.files.update(files)

    def take(self) -> tuple[set[Path], list[Path]]:
        """(the files read, the parts holding their facts: each ``Facts.merge``'s arguments,
        marshalled); ``close`` once merged."""
        return self.files, list(self.parts)

    def close(self) -> None:
        """Remove what the parts left (a build that failed, or the facts taken)."""
        with contextlib.suppress(ValueError):
            _EARLY.remove(self)
        shutil.rmtree(self.folder, ignore_errors=True)


EARLY = "site-facts.early"  # in a generation while its site's facts are kept early
_EARLY: list[EarlyFacts] = []  # started, not yet closed


def write_part(folder: Path, name: str, facts: Facts) -> Path:
    """Write ``facts`` (of some graph files) into ``folder`` as one part of an
    ``EarlyFacts`` (beside, then renamed)."""
    path = folder / f"{name}.marshal"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(marshal.dumps((facts.one, facts.more, facts.types)))
    os.replace(tmp, path)
    return path


def stop_early(gen: Path) -> None:
    """Drop the early facts of generation ``gen`` (a build that failed)."""
    for early in [e for e in _EARLY if e.folder.parent == gen]:
        early.close()
