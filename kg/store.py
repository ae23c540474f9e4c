"""The embedded store: pyoxigraph on disk, published as part of a whole build.

pyoxigraph reopens a million-triple store in under a second and answers
property-path cascades fast (TECH-NOTES); rdflib stays the API for parsing,
serialising and validation (``Store.graph`` / ``Store.dataset`` convert).

A build writes its store into a new generation folder of the output folder
(kg.outdir), beside its exports and site, and the generation becomes live with
one rename: ``DIR/current/store/db`` is the live database, ``build.json`` beside
it the base IRI and counts. A build killed at any point leaves the previous
generation live. Output folders of the older layout (``DIR/store`` a real
folder, ``DIR/store.old`` during a swap) are still read.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg import outdir
from kg.errors import DkgError
from kg.sparql import bind_query
from kg.vocab import DEFAULT_BASE, PREFIXES

STORE = "store"
OLD = "store.old"  # the older layout's swap leftover, still read
DB = "db"
INPUTS = "inputs"  # beside DB: the store without the graphs computed from it (kg.build)
META = "build.json"

_XSD_STRING = str(XSD.string)
_INT = {str(XSD.integer), str(XSD.int), str(XSD.long), str(XSD.short), str(XSD.nonNegativeInteger)}
_FLOAT = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_XSD_BOOLEAN = str(XSD.boolean)  # a constant: an rdflib namespace lookup per term is slow


# ---------------------------------------------------------------- term conversion


class _Converter:
    """rdflib terms → pyoxigraph terms, caching IRIs (they repeat a lot)."""

    def __init__(self) -> None:
        self.iris: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self.iris.get(value)
        if node is None:
            node = self.iris[value] = ox.NamedNode(value)
        return node

    def term(self, t: Any) -> Any:
        if isinstance(t, URIRef):
            return self.iri(str(t))
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            if t.datatype is not None and t.datatype != XSD.string:
                return ox.Literal(str(t), datatype=self.iri(str(t.datatype)))
            return ox.Literal(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        if isinstance(t, ox.NamedNode | ox.Literal | ox.BlankNode):
            return t
        raise TypeError(f"not an RDF term: {t!r}")

    def quad(self, q: tuple | ox.Quad) -> ox.Quad:
        if type(q) is ox.Quad:  # kg.rdf's own terms
            return q
        s, p, o, g = q
        return ox.Quad(self.term(s), self.term(p), self.term(o), self.term(g))


def to_rdflib(t: Any) -> Any:
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == _XSD_STRING:  # rdflib keeps plain and xsd:string apart
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    return t


def to_python(t: Any) -> Any:
    """A result term as a plain value: IRIs and strings as str, numbers, booleans."""
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Literal):
        dt = t.datatype.value if t.datatype else ""
        try:
            if dt in _INT:
                return int(t.value)
            if dt in _FLOAT:
                return float(t.value)
        except ValueError:
            return t.value
        if dt == _XSD_BOOLEAN:
            return t.value in ("true", "1")
        return t.value
    return t


def binding_term(value: Any) -> Any:
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    if isinstance(value, URIRef | Literal | BNode):
        return _Converter().term(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(str(XSD.boolean)))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    return ox.Literal(str(value))


# ---------------------------------------------------------------- the store


class Store:
    """A pyoxigraph store plus what the build recorded about it."""

    def __init__(
        self, ox_store: ox.Store, path: Path | None = None, meta: dict | None = None
    ) -> None:
        self.raw = ox_store
        self.path = path
        self.meta = meta or {}

    @property
    def base(self) -> str:
        return self.meta.get("base", DEFAULT_BASE)

    def __len__(self) -> int:
        return len(self.raw)

    def prefixes(self) -> dict[str, str]:
        return {**PREFIXES, "id": self.base}

    def query(self, sparql: str, bindings: dict[str, Any] | None = None, union: bool = True) -> Any:
        """Raw pyoxigraph result. Default graph = union of all graphs unless ``union=False``.

        ``bindings`` become RDF terms in a VALUES block (kg.sparql), never pasted text.
        """
        terms = {k: binding_term(v) for k, v in (bindings or {}).items()}
        try:
            return self.raw.query(
                bind_query(sparql, terms),
                use_default_graph_as_union=union,
                prefixes=self.prefixes(),
            )
        except SyntaxError as e:
            raise DkgError(f"SPARQL syntax error: {e}") from e

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of plain Python values, one dict per solution."""
        result = self.query(sparql, bindings)
        names = [v.value for v in result.variables]
        return [dict(zip(names, map(to_python, row), strict=True)) for row in result]

    def ask(self, sparql: str, bindings: dict[str, Any] | None = None) -> bool:
        return bool(self.query(sparql, bindings))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode))

    def remove_graph(self, iri: str) -> None:
        """Drop one named graph and its quads."""
        self.raw.remove_graph(ox.NamedNode(iri))

    def graph(self, iri: str) -> Graph:
        """One named graph as an rdflib Graph."""
        data = self.raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))
        return Graph().parse(data=data.decode("utf-8"), format="nt")

    def dataset(self) -> Dataset:
        ds = Dataset()
        ds.parse(data=self.nquads().decode("utf-8"), format="nquads")
        return ds

    def nquads(self) -> bytes:
        """The whole store as sorted N-Quads: byte-identical for identical content."""
        data = self.raw.dump(format=ox.RdfFormat.N_QUADS)
        lines = sorted(set(data.splitlines()))
        return b"\n".join(lines) + (b"\n" if lines else b"")

    def write_nquads(self, path: Path) -> Path:
        """``nquads()`` into ``path`` (written whole or not at all) in bounded memory.

        The dump goes to a file and the system's ``sort`` orders it in byte order on
        disk: held in Python, 10 million lines would take gigabytes. Where no ``sort``
        runs, the lines are sorted in memory.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        raw, tmp = path.with_name(path.name + ".raw"), path.with_name(path.name + ".tmp")
        try:
            self.raw.dump(output=str(raw), format=ox.RdfFormat.N_QUADS)
            if not _external_sort(raw, tmp):
                tmp.write_bytes(_sorted_lines(raw.read_bytes()))
            os.replace(tmp, path)
        finally:
            for f in (raw, tmp):
                f.unlink(missing_ok=True)
        return path

    def add_quads(self, quads: Iterable[tuple]) -> int:
        """Add quads now (``bulk_extend`` writes files per call: batch large loads with
        ``QuadBuffer``)."""
        conv = _Converter()
        batch = [conv.quad(q) for q in quads]
        if batch:
            self.raw.bulk_extend(batch)
        return len(batch)

    def close(self) -> None:
        """Release the database (pyoxigraph closes on garbage collection)."""
        if self.raw is not None:
            with contextlib.suppress(OSError, RuntimeError):  # read-only stores cannot flush
                self.raw.flush()
        raw, self.raw = self.raw, None  # type: ignore[assignment]
        # the last reference goes: the database closes now; only a handle still held
        # elsewhere (a cycle) needs the collector, which walks a national build's whole heap
        if raw is not None and sys.getrefcount(raw) > 2:
            del raw
            gc.collect()


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(data.splitlines()))
    return b"\n".join(lines) + (b"\n" if lines else b"")


SORT_MEMORY = "256M"


def _external_sort(src: Path, dest: Path) -> bool:
    """``sort -u`` in byte order (LC_ALL=C), in ``SORT_MEMORY`` and temporary files
    beside ``dest``; False when no usable ``sort`` is installed."""
    exe = shutil.which("sort")
    if exe is None:
        return False
    env = {**os.environ, "LC_ALL": "C"}
    cmd = [exe, "-u", "-S", SORT_MEMORY, "-T", str(dest.parent), "-o", str(dest), str(src)]
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, check=False)
    except OSError:
        return False
    return done.returncode == 0


def memory_store(quads: Iterable[tuple] = (), base: str = DEFAULT_BASE) -> Store:
    """An in-memory store (tests, small jobs)."""
    store = Store(ox.Store(), None, {"base": base})
    store.add_quads(quads)
    return store


def _read_meta(folder: Path) -> dict:
    try:
        return json.loads((folder / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def store_dir(out_dir: Path) -> Path:
    """The folder of the live store (resolved: a reader stays on the generation it
    opened while later builds publish new ones)."""
    out_dir = Path(out_dir)
    gen = outdir.current(out_dir)
    if gen is not None and (gen / STORE / DB).exists():
        return gen / STORE
    for folder in (out_dir / STORE, out_dir / OLD, out_dir):
        if (folder / DB).exists():
            return folder.resolve()
    raise DkgError(f"{out_dir}: no store here (run `dkg build --out {out_dir}` first)")


def open_store(out_dir: Path | str, read_only: bool = True) -> Store:
    """Open the store written by ``dkg build --out out_dir``.

    Read-only by default: queries, views and the server never write. A folder
    that holds something else than a dkg store gives one line saying so.
    """
    return open_store_folder(store_dir(Path(out_dir)), read_only, shown=out_dir)


def open_store_folder(
    folder: Path, read_only: bool = True, shown: Path | str | None = None
) -> Store:
    """Open one store folder (``db`` + ``build.json``) itself."""
    try:
        raw = ox.Store.read_only(str(folder / DB)) if read_only else ox.Store(str(folder / DB))
    except (OSError, RuntimeError, ValueError) as e:
        raise DkgError(_damaged(shown or folder, e)) from None
    return Store(raw, folder, _read_meta(folder))


def _damaged(out_dir: Path | str, e: Exception) -> str:
    why = " ".join(str(e).split())[:160]
    return (
        f"{out_dir}: the store is damaged or not a dkg store ({type(e).__name__}: {why}); "
        f"rebuild it with `dkg build --out {out_dir}`"
    )


BATCH = 500_000  # quads held as Python objects before a bulk_extend
# N-Quads lines spooled to a file before a bulk_load of it (kg.build's source graphs from
# kg.rdf_pool's workers), spooled to a file, not held in memory (about 250 bytes a line).
# The file is loaded in a thread (_Load) while the next one is written: half a million
# lines load on one core (pyoxigraph loads a million at a time per thread) beside the
# workers emitting the next graphs, instead of all of a small build's lines in one load
# after the last graph, when the workers are done and a core is idle
LINES_BATCH = 500_000
# fewer quads than this are written in one transaction, not by the bulk loader: each bulk
# write makes and ingests new files, a fixed cost of a tenth to half a second in a seeded
# national store, paid by every small change of an incremental build (one quad: 0.49 s)
SMALL = 20_000
SPOOL = "lines.nq.tmp"  # the spool, in the store folder while lines are pending


class _Load(threading.Thread):
    """One spool file loaded into the store (and its mirror) in a thread: pyoxigraph lets
    go of the interpreter while it loads. ``bulk``: by the bulk loader, else in one
    transaction (fewer than SMALL lines). The file is deleted when done."""

    def __init__(self, stores: list[ox.Store], path: Path, bulk: bool = True) -> None:
        super().__init__(name="dkg-load", daemon=True)
        self.stores, self.path, self.bulk = stores, path, bulk
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            for store in self.stores:
                load = store.bulk_load if self.bulk else store.load
                # lenient: the lines were written by pyoxigraph's own serialiser (kg.rdf_pool,
                # kg.graph_export) from terms it checked when they were made: not checked again
                load(path=str(self.path), format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as e:  # raised again in the writer's thread (``wait``)
            self.error = e
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    def wait(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


class StoreWriter:
    """Writes a new store; ``commit`` finishes it and, unless the caller publishes a
    whole generation itself (``generation=``), makes it live.

    ``add`` buffers: each pyoxigraph ``bulk_extend`` writes new files, so one call
    per source graph is many times slower than one per half a million quads.
    """

    def __init__(
        self,
        out_dir: Path,
        base: str = DEFAULT_BASE,
        generation: Path | None = None,
        seed: Path | None = None,
    ) -> None:
        """``seed``: the database of an earlier build to start from (kg.incremental); it is
        checkpointed (hard links to its immutable files), never written."""
        self.out_dir = Path(out_dir)
        self.own_generation = generation is None
        try:
            if self.out_dir.exists() and not self.out_dir.is_dir():
                raise NotADirectoryError(20, "Not a directory")
            self.generation = generation or outdir.new_generation(self.out_dir)
            self.folder = self.generation / STORE
            self.folder.mkdir()
            self.seeded = seed is not None and _checkpoint(seed, self.folder / DB)
            raw = ox.Store(str(self.folder / DB))
        except (OSError, DkgError) as e:
            why = getattr(e, "strerror", None) or e
            raise DkgError(f"{out_dir}: cannot write a store there ({why})") from None
        self.store = Store(raw, self.folder, {"base": base})
        self._conv = _Converter()
        self._mirror: ox.Store | None = None
        self._buffer: list[ox.Quad] = []
        self._spool: BinaryIO | None = None  # N-Quads lines, loaded by the Rust parser
        self._pending = 0  # quads in the spool
        self._load: _Load | None = None  # the last spool, loading in a thread
        self._loads = 0  # spools handed to a thread so far (their files' names)

    def add(self, quads: Iterable[tuple]) -> int:
        n = 0
        for q in quads:
            self._buffer.append(self._conv.quad(q))
            n += 1
            if len(self._buffer) >= BATCH:
                self.flush()
        return n

    def convert(self, quads: Iterable[tuple]) -> list[ox.Quad]:
        """Quads as pyoxigraph quads (rdflib terms converted, IRIs cached)."""
        return [self._conv.quad(q) for q in quads]

    def remove(self, quads: Iterable[ox.Quad]) -> None:
        """Remove quads now, one by one: for a few among many (removing a whole graph of
        150,000 quads with ``remove_graph`` takes seconds)."""
        self.flush()
        for q in quads:
            self.store.raw.remove(q)
            if self._mirror is not None:
                self._mirror.remove(q)

    def remove_graph(self, iri: str) -> None:
        self.flush()
        self.store.remove_graph(iri)
        if self._mirror is not None:
            self._mirror.remove_graph(ox.NamedNode(iri))

    def snapshot(self, name: str) -> Path:
        """A checkpoint of the store as it is now, beside it (``STORE/name``: hard links
        to the database's files, no copy)."""
        self.flush()
        target = self.folder / name
        self.store.raw.backup(str(target))
        return target

    def mirror(self, seed: Path, name: str) -> bool:
        """From now on, write every change to a second store too: a checkpoint of ``seed``
        at ``STORE/name``; False (and no mirror) when ``seed`` cannot be read."""
        if not _checkpoint(seed, self.folder / name):
            return False
        self._mirror = ox.Store(str(self.folder / name))
        return True

    def unmirror(self) -> Store:
        """Stop mirroring; the second store, flushed, to read from (close it)."""
        self.flush()
        raw, self._mirror = self._mirror, None
        assert raw is not None
        raw.flush()
        return Store(raw, None, {"base": self.store.base})

    def add_all_or_nothing(self, quads: Iterable[tuple]) -> int:
        """Add ``quads`` only if every one converts (one bad record must not leave half
        a graph behind); returns how many distinct quads that is."""
        converted = set(self._conv.quad(q) for q in quads)
        self._buffer.extend(converted)
        if len(self._buffer) >= BATCH:
            self.flush()
        return len(converted)

    def add_lines(self, lines: list[bytes]) -> None:
        """Add quads given as N-Quads lines (each ending in a newline): the build has them
        already for the exports, and parsing them in Rust costs less than handing over
        a Python object per quad."""
        self._spooled().writelines(lines)
        self._pending += len(lines)
        if self._pending >= LINES_BATCH:
            self._load_spool()

    def add_nquads(self, data: bytes, lines: int) -> None:
        """Add ``lines`` quads given as N-Quads text (whole lines): a source graph a
        worker process emitted (kg.rdf_pool)."""
        self._spooled().write(data)
        self._pending += lines
        if self._pending >= LINES_BATCH:
            self._load_spool()

    def _spooled(self) -> BinaryIO:
        if self._spool is None:
            self._spool = open(self.folder / SPOOL, "wb")  # noqa: SIM115 (closed by flush)
        return self._spool

    def _load_spool(self) -> None:
        """Hand the spool to a thread that loads it (after the last one's load is done, so
        at most one load and one spool are pending); the next lines go to a new spool."""
        if self._spool is None:
            return
        spool, pending = self._spool, self._pending
        self._spool, self._pending = None, 0
        spool.close()
        self._loads += 1
        path = self.folder / f"{SPOOL}.{self._loads}"
        os.replace(self.folder / SPOOL, path)
        self._wait_load()
        self._load = _Load(self._targets(), path, bulk=pending >= SMALL)

    def _wait_load(self) -> None:
        load, self._load = self._load, None
        if load is not None:
            load.wait()

    def flush(self) -> None:
        """Write what is buffered (before querying the new store)."""
        self._load_spool()
        self._wait_load()
        if self._buffer:
            small = len(self._buffer) < SMALL
            for raw in self._targets():
                (raw.extend if small else raw.bulk_extend)(self._buffer)
            self._buffer = []

    def _targets(self) -> list[ox.Store]:
        """The store, and its mirror while there is one."""
        return [self.store.raw] if self._mirror is None else [self.store.raw, self._mirror]

    def commit(self, meta: dict, optimize: bool = True) -> Path:
        """Finish the store (and publish it when the writer owns its generation).

        ``optimize``: compact the database (fewer files to read per query); it rewrites
        the whole store, so a build that changed little of a seeded store skips it and
        leaves the compaction of its few new files to RocksDB."""
        self.flush()
        self.store.meta = {**meta, "base": self.store.base}
        if optimize:
            self.store.raw.optimize()
        self.store.close()
        _write_json(self.folder / META, self.store.meta)
        if self.own_generation:
            outdir.publish(self.out_dir, self.generation)
        return self.folder

    def abort(self) -> None:
        if self._load is not None:
            self._load.join()  # the store is not closed under it; its error is the abort's
            self._load = None
        self._mirror = None
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self.store.raw is not None:
            self.store.close()
        if self.own_generation:
            outdir.discard(self.generation)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)


def _checkpoint(db: Path, target: Path) -> bool:
    """Copy the database ``db`` to ``target`` (hard links where it can); False, and nothing
    at ``target``, when it cannot be read (the caller then starts from an empty store)."""
    try:
        ox.Store.read_only(str(db)).backup(str(target))  # the handle closes as it goes
        return True
    except (OSError, RuntimeError, ValueError):
        shutil.rmtree(target, ignore_errors=True)
        return False


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def iter_rows(store: Store, sparql: str, bindings: dict[str, Any] | None = None) -> Iterator[dict]:
    """Like ``Store.select`` without building the whole list."""
    result = store.query(sparql, bindings)
    names = [v.value for v in result.variables]
    for row in result:
        yield {n: to_python(row[n]) for n in names}
