"""``dkg build``: sources → records → resolved corpus → RDF → store → exports (→ site).

A build never damages what the last one left: it holds the output folder's lock,
writes its store, exports and site into a new generation folder and publishes
the whole generation with one rename (kg.outdir); a failed or killed build
leaves the previous one live. One bad source file is reported and skipped.
"""

from __future__ import annotations

import gc
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import graph_export, incremental, lineage, outdir, rdf_pool, reorg
from kg.cache import RecordCache
from kg.derived import GraphSummary, facts_of, summarize, summary_lines
from kg.errors import DkgError, SourceError
from kg.models import DocumentRecord, LineageLink
from kg.pipeline import extract_paths, record_warnings
from kg.progress import Progress, Step
from kg.progress import report as tell
from kg.rdf import Emitter, IRIs
from kg.rdf_reference import REFERENCE_FILES, reference_quads
from kg.read import facts_cache
from kg.readers import describe
from kg.resolve import ResolvedCorpus, ResolvedSource, resolve
from kg.store import INPUTS, STORE, Store, StoreWriter, open_store, open_store_folder
from kg.views import site
from kg.vocab import DEFAULT_BASE


@dataclass
class BuildReport:
    out_dir: Path
    documents: int = 0  # source documents in the store
    triples: int = 0  # quads in the store, all graphs
    graphs: int = 0  # named graphs
    errors: list[str] = field(default_factory=list)  # one line per bad source file
    warnings: list[str] = field(default_factory=list)  # kept records' problems, failed hooks
    seconds: float = 0.0
    exports: list[Path] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds per stage (benchmarks)
    read: list[str] = field(default_factory=list)  # per source: how it was read (kg.readers)
    reused: int = 0  # source graphs kept from the last build (kg.incremental)
    changed_graphs: list[str] = field(default_factory=list)  # new or changed since the last
    removed_graphs: list[str] = field(default_factory=list)  # in the last build, not in this

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"built {self.out_dir}: {self.documents} documents, {self.triples} triples, "
            f"{self.graphs} named graphs, {len(self.errors)} errors, {self.seconds:.1f} s"
        )


def build(
    paths: Iterable[Path | str] = (),
    out_dir: Path | str = "dkg-out",
    base: str = DEFAULT_BASE,
    progress: Progress | None = None,
    wait: float = 0.0,
    jobs: int = 1,
    dask: str | None = None,
    validate: bool = False,
) -> BuildReport:
    """Extract ``paths`` (default: the bundled seeds) and build the store in ``out_dir``.

    ``wait``: seconds to wait for another build writing ``out_dir`` before refusing;
    ``jobs`` / ``dask``: where extraction runs (kg.pipeline.extract_paths).
    ``validate``: check the new store against the SHACL shapes; each violation is an
    error of the build (it stays published: the report says what is wrong in it).
    """

    started = time.perf_counter()
    _check_base(base)
    with outdir.build_lock(Path(out_dir), wait):
        cache = RecordCache(Path(out_dir))  # only new or changed sources are extracted
        records, errors = extract_paths(
            list(paths), jobs=jobs, dask=dask, cache=cache, progress=progress
        )
        read = time.perf_counter() - started
        report = _build_locked(records, errors, Path(out_dir), base, progress, jobs, True)
        report.phases = {"extract": read, **report.phases}
        if validate:
            _validate_hook(Path(out_dir), report, progress)
    report.seconds = time.perf_counter() - started
    return report


def build_records(
    records: list[DocumentRecord],
    errors: Iterable[SourceError | str],
    out_dir: Path | str,
    base: str = DEFAULT_BASE,
    progress: Progress | None = None,
    wait: float = 0.0,
) -> BuildReport:
    """Build the store from records already extracted (tests use hand-made ones)."""
    _check_base(base)
    with outdir.build_lock(Path(out_dir), wait):
        return _build_locked(records, errors, Path(out_dir), base, progress)


def _build_locked(
    records: list[DocumentRecord],
    errors: Iterable[SourceError | str],
    out_dir: Path,
    base: str,
    progress: Progress | None,
    jobs: int = 1,
    extracted: bool = False,
) -> BuildReport:
    """One generation: store, exports and site, published together (lock held).

    ``extracted``: the records come from kg.pipeline (kg.incremental.signature)."""
    started = time.perf_counter()
    report = BuildReport(out_dir, errors=[str(e) for e in errors])
    report.read = [describe(r.source) for r in records]
    report.warnings += [w for r in records for w in record_warnings(r)]
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        report.phases[name] = report.phases.get(name, 0.0) + now - clock[0]
        clock[0] = now

    # the records are alive until the end: the collector need not walk them again and
    # again (on 1,000 plans it took half of resolve's time); unfrozen when done
    gc.freeze()
    try:
        return _build_frozen(
            records, report, out_dir, base, progress, lap, started, jobs, extracted
        )
    finally:
        gc.unfreeze()


def _build_frozen(
    records: list[DocumentRecord],
    report: BuildReport,
    out_dir: Path,
    base: str,
    progress: Progress | None,
    lap: Callable[[str], None],
    started: float,
    jobs: int = 1,
    extracted: bool = False,
) -> BuildReport:
    """``_build_locked``'s work, with the records out of the collector's way."""
    # records from kg.pipeline are told by their file's hash: what resolve worked out of
    # each the last time is taken back (kg.incremental), not hand-made ones
    placements = incremental.PairMemo(incremental.load_placements(out_dir)) if extracted else None
    with Step(progress, "resolve"):
        corpus = resolve(records, placements)
    # so do the corpus and (below) the links and the last build's lineage pairs: a full
    # collection walked them all, several times a build (on a +1 at 2,000 plans, 14 of
    # its 75 s); unfrozen with the records
    gc.freeze()
    lap("resolve")
    # a failure in lineage is a bug, not bad input: it aborts the build (the previous
    # generation stays live) instead of being hidden as a warning
    memo = incremental.load_pair_memo(out_dir)  # pairs of documents matched last time
    with Step(progress, "lineage"):
        links = lineage.compute_lineage(corpus, memo)
    gc.freeze()
    lap("lineage")
    gen = outdir.new_generation(out_dir)
    try:
        _write_generation(gen, corpus, links, records, base, report, lap, progress, jobs, extracted)
        report.warnings += outdir.publish(out_dir, gen)
    except BaseException:
        facts_cache.stop_early(gen)
        outdir.discard(gen)
        raise
    incremental.save_pair_memo(out_dir, memo)
    if placements is not None:
        incremental.save_placements(out_dir, dict(placements))
    report.seconds = time.perf_counter() - started
    return report


def _write_generation(
    gen: Path,
    corpus: ResolvedCorpus,
    links: list[LineageLink],
    records: list[DocumentRecord],
    base: str,
    report: BuildReport,
    lap: Callable[[str], None],
    progress: Progress | None,
    jobs: int = 1,
    extracted: bool = False,
) -> None:
    """The store, then the exports and the site read from it, all inside ``gen``.

    The store starts from the last build's when the code and base are the same
    (kg.incremental): source graphs whose inputs did not change are kept as they are,
    and the cross-document graphs are changed by their difference (_Graphs).
    """
    out_dir = gen.parent.parent
    digest = incremental.build_digest(base)
    prev = incremental.previous(out_dir, digest)
    iris = IRIs(base)
    graph_of = {s.record.source.name: str(iris.source_graph(s.segment)) for s in corpus.sources}
    sigs = {
        s.record.source.name: incremental.signature(corpus, s, digest, extracted)
        for s in corpus.sources
    }
    kept, emit = incremental.split(corpus.sources, sigs, graph_of, prev)
    writer = StoreWriter(out_dir, base, generation=gen, seed=prev.db if prev and kept else None)
    inputs: Store | None = None
    compaction: _Compaction | None = None
    try:
        if not writer.seeded:
            kept, emit = [], list(corpus.sources)
        # INPUTS: the store without graph/reorg and graph/derived (kg.reorg reads only its
        # reference graphs now, the bodies coming from graph/shared's lines); an incremental
        # build changes a checkpoint of the last one's along with the store
        mirrored = prev is not None and writer.seeded and writer.mirror(prev.inputs, INPUTS)
        cross = _Graphs(writer, base, prev if writer.seeded else None)
        graphs = _reuse_or_reference(writer, kept, graph_of, sigs, digest, base, cross, mirrored)
        lap("reuse")
        emitter = Emitter(corpus, iris)
        exported = gen / "exports"  # the source graphs' files, written as they are emitted
        built_docs = _emit_sources(
            writer, emitter, emit, graph_of, sigs, graphs, cross, report, progress, exported, jobs
        )
        built_docs |= {s.doc for s in kept}
        for src in kept:  # the doc types their graphs use, for the shared graph
            if src.record.document.type:
                emitter.doctype(src.record.document.type)
        if not built_docs:  # nothing new to show: the last good store stays live
            why = "; ".join(report.errors)
            raise DkgError(
                "no document could be read; previous store kept" + (f" ({why})" if why else "")
            )
        cross.replace_items(str(iris.shared_graph), emitter.shared_items())
        lineage_links = (link for link in links if {link.parent_doc, link.child_doc} <= built_docs)
        cross.replace_items(str(iris.lineage_graph), _lineage_items(emitter, lineage_links))
        writer.flush()
        if mirrored:
            inputs = writer.unmirror()
        elif writer.seeded:
            writer.snapshot(INPUTS)
        else:  # compact the bulk once, before the checkpoint shares it, in the background
            compaction = _Compaction(writer)
            cross.held = []  # graph/reorg and graph/derived wait for the checkpoint
        lap("rdf+store")
        _reorg_and_derived(writer, cross, iris, graphs, digest, inputs, progress, lap)
        if compaction is not None:
            compaction.wait()
            cross.release()
            writer.flush()
            lap("compact")
        graphs.update(cross.digests)
        report.documents = len(built_docs)
        report.triples = cross.total(graphs)
        report.graphs = len(writer.store.named_graphs())
        report.reused = len(kept)
        report.changed_graphs, report.removed_graphs = incremental.changes(
            prev.graphs if prev else {}, graphs
        )
        writer.commit(
            {
                "documents": report.documents,
                "triples": report.triples,
                "graphs": report.graphs,
                "errors": report.errors,
                "sources": sorted(r.source.name for r in records),
                "incremental": cross.record(digest, graphs),
                "reused_graphs": report.reused,
                "changed_graphs": report.changed_graphs,
                "removed_graphs": report.removed_graphs,
            },
            optimize=False,  # done before the snapshot; the rest is small
        )
        lap("swap")
    except BaseException:
        if compaction is not None:
            compaction.join()  # the store is not closed under it
        writer.abort()
        raise
    finally:
        if inputs is not None:
            inputs.close()
    store = open_store_folder(gen / "store")
    try:
        with Step(progress, "exports"):
            old = (prev.folder / "exports", prev.graphs) if prev and writer.seeded else None
            done = {graph_of[s.record.source.name] for s in emit}
            folder, _ = graph_export.write_exports(
                store, gen / "exports", graphs, base, old, cross.lines, done
            )
            report.exports.append(folder)
        cross.lines.clear()  # done with: not held through the site (memory, the collector)
        lap("exports")
        with Step(progress, "site"):
            _site_hook(store, gen / "site", report, records, jobs, cross.early)
        lap("site")
    finally:
        store.close()


def _reorg_and_derived(
    writer: StoreWriter,
    cross: _Graphs,
    iris: IRIs,
    graphs: dict[str, str],
    digest: str,
    inputs: Store | None,
    progress: Progress | None,
    lap: Callable[[str], None],
) -> None:
    """graph/reorg (from the store's bodies, or kept when its inputs are the same), then
    graph/derived (from every graph's facts)."""
    with Step(progress, "reorg"):
        key = reorg.shared_key(cross.lines[str(iris.shared_graph)], digest)
        if not cross.same_inputs(str(iris.reorg_graph), key):
            # read from graph/shared's lines in hand and the small reference graphs, not
            # by scanning the store (which a full build is compacting meanwhile)
            store = inputs or writer.store
            lines = list(cross.lines[str(iris.shared_graph)])
            for g in sorted(_reference_graphs(iris)):
                lines += graph_export.graph_lines(store, g)
            reorg_in = reorg.inputs_of_lines(lines, cross.base)
            del lines
            cross.replace(str(iris.reorg_graph), reorg_in.quads())
        writer.flush()
    lap("reorg")
    _derived(writer, cross, iris, graphs)
    writer.flush()
    lap("derived")


class _Compaction(threading.Thread):
    """A full build's ``optimize()`` (a third of a minute at 10,000 plans), then the INPUTS
    checkpoint, in a thread: pyoxigraph lets go of the interpreter while RocksDB compacts,
    so graph/reorg and graph/derived are computed meanwhile (reading the store is safe
    during a compaction); what they add waits for the checkpoint (``_Graphs.held``)."""

    def __init__(self, writer: StoreWriter) -> None:
        super().__init__(name="dkg-compaction", daemon=True)
        self.writer = writer
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.writer.store.raw.optimize()
            self.writer.snapshot(INPUTS)
        except BaseException as e:  # raised again in the build's thread (``wait``)
            self.error = e

    def wait(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


class _Graphs:
    """The cross-document graphs (shared, lineage, reorg, derived), recomputed whole by
    every build and written to the store by difference.

    In a store seeded from the last build, the last content of such a graph is read
    from the last generation's export of it (kg.graph_export); only the quads that
    went away are removed and only the new ones added (``remove_graph`` of the 149,000
    quads of graph/reorg at 1,000 plans took 11 s; one plan more changes a few hundred
    quads). A graph whose last content is unknown is dropped from the seeded store
    first and written whole.
    """

    def __init__(self, writer: StoreWriter, base: str, prev: incremental.Previous | None):
        self.writer, self.base, self.prev = writer, base, prev
        self.old: dict[str, list[bytes]] = {}  # graph -> its lines in the seeded store
        self.unread: set[str] = set()  # graphs carried whose lines are read when needed
        self.lines: dict[str, list[bytes]] = {}  # graph -> its lines now (for the exports)
        self.digests: dict[str, str] = {}
        self.sizes: dict[str, int] = {}  # graph -> its quads, for every graph of the store
        self.inputs: dict[str, str] = {}  # graph -> digest of what it is computed from
        self.facts: dict[str, tuple[str, GraphSummary]] = {}  # graph -> (digest, its summary)
        self.old_facts: incremental.KeptFacts | None = None  # what the last build kept
        self.held: list[str] | None = None  # graphs computed, not yet written (``release``)
        self.early: facts_cache.EarlyFacts | None = None  # the site's facts, kept as emitted

    def keep_size(self, iri: str) -> None:
        """Graph ``iri`` is kept as the last build wrote it: so is its size."""
        if self.prev is not None and iri in self.prev.sizes:
            self.sizes[iri] = self.prev.sizes[iri]

    def total(self, graphs: dict[str, str]) -> int:
        """The quads in the store: the sum of its graphs' sizes (counting the store walks
        all of it: seconds at national scale), or the count when a size is unknown."""
        if all(g in self.sizes for g in graphs):
            return sum(self.sizes[g] for g in graphs)
        return len(self.writer.store)

    def carry(self, iri: str, lazy: bool = False) -> bool:
        """Keep graph ``iri`` of the seeded store if its last content is known. ``lazy``: its
        file is read only if the graph changes (graph/reorg, mostly kept as it is: 45 MB
        at 2,000 plans), and the graph is written whole if the file is then not right."""
        if self.prev is None or iri not in self.prev.graphs:
            return False
        if lazy:
            name = graph_export.graph_file(iri, self.base)
            if not (self.prev.folder / "exports" / graph_export.GRAPHS / name).is_file():
                return False
            self.unread.add(iri)
            return True
        lines = self._last_lines(iri)
        if lines is None:
            return False
        self.old[iri] = lines
        return True

    def _last_lines(self, iri: str) -> list[bytes] | None:
        """Graph ``iri``'s lines in the last build's export, if its digest is right."""
        lines = graph_export.read_lines(self.prev.folder / "exports", iri, self.base)
        if lines is None or graph_export.digest_of(lines) != self.prev.graphs[iri]:
            return None
        return lines

    def record(self, digest: str, graphs: dict[str, str]) -> dict:
        """What build.json keeps for the next incremental build (kg.incremental.previous)."""
        return {"digest": digest, "graphs": graphs, "sizes": self.sizes, "inputs": self.inputs}

    def same_inputs(self, iri: str, inputs: str) -> bool:
        """Graph ``iri`` is computed from inputs with digest ``inputs``: if the last build's
        were the same and it carried the graph over, keep the graph as it is (True);
        otherwise the caller computes it (``replace``)."""
        self.inputs[iri] = inputs
        carried = iri in self.old or iri in self.unread
        if self.prev is None or self.prev.inputs_of.get(iri) != inputs or not carried:
            return False
        if iri in self.unread and iri in self.prev.sizes:  # its file is linked by digest
            self.unread.discard(iri)
            self.digests[iri], self.sizes[iri] = self.prev.graphs[iri], self.prev.sizes[iri]
            return True
        self.unread.discard(iri)
        lines = self.old.pop(iri, None) or self._last_lines(iri)
        if lines is None:  # a file that is not what the last build wrote: computed again
            self.writer.remove_graph(iri)
            return False
        self.lines[iri], self.digests[iri], self.sizes[iri] = (
            lines,
            self.prev.graphs[iri],
            len(lines),
        )
        return True

    def replace(self, iri: str, quads: Iterable) -> None:
        self.replace_lines(iri, graph_export.lines_of(self.writer.convert(quads)))

    def replace_items(self, iri: str, items: Iterable) -> None:
        """``replace`` for a graph given by subject (kg.rdf ``Emitter.shared_items``): when the
        last build's lines and subjects are known, only the subjects whose inputs changed
        are made and written (kg.incremental.patch_items); the subjects are kept for the
        next build beside the store."""
        old = self.old.get(iri)
        memo = None
        if old is not None and self.prev is not None:
            memo = incremental.load_subjects(self.prev.db.parent, iri, self.prev.graphs.get(iri))
        patched = incremental.patch_items(items, old, memo)
        if memo is None:
            self.replace_lines(iri, patched.lines)
        else:
            del self.old[iri]
            lines = patched.lines
            self.lines[iri], self.digests[iri] = lines, graph_export.digest_of(lines)
            self.sizes[iri] = len(lines)
            self.writer.remove(_parse(patched.gone))
            self.writer.add(_parse(patched.new))
        incremental.save_subjects(self.writer.folder, iri, self.digests[iri], patched.memo)

    def replace_lines(self, iri: str, lines: list[bytes]) -> None:
        """``replace`` with the graph's sorted, distinct N-Quads lines."""
        self.lines[iri], self.digests[iri] = lines, graph_export.digest_of(lines)
        self.sizes[iri] = len(lines)
        if self.held is not None:
            self.held.append(iri)
            return
        self._write(iri, lines)

    def release(self) -> None:
        """Write the graphs held back since ``held`` was set, and stop holding."""
        held, self.held = self.held or [], None
        for iri in held:
            self._write(iri, self.lines[iri])

    def _write(self, iri: str, lines: list[bytes]) -> None:
        old = self.old.pop(iri, None)
        if iri in self.unread:
            self.unread.discard(iri)
            old = self._last_lines(iri)
            if old is None:  # its last content is not known after all
                self.writer.remove_graph(iri)
        if old is None:
            self.writer.add_lines(lines)  # parsed in Rust: no Python object per quad
            return
        now, before = set(lines), set(old)
        gone = [line for line in old if line not in now]
        new = [line for line in lines if line not in before]
        self.writer.remove(_parse(gone))
        self.writer.add(_parse(new))


def _derived(
    writer: StoreWriter,
    cross: _Graphs,
    iris: IRIs,
    graphs: dict[str, str],
) -> None:
    """graph/derived from every graph's summary (kg.derived.summarize of its facts_of lines):
    those of the source and reference graphs (``facts``, kept for the next build), then the
    cross-document ones; the change chains' lines are kept too, under the digests of the
    graphs they come from."""
    facts = cross.facts
    derived_from = [str(iris.shared_graph), str(iris.lineage_graph), str(iris.reorg_graph)]
    for g in derived_from:  # graph/reorg is often kept as it was: so are its facts
        old = cross.old_facts.get(g) if cross.old_facts else None
        same = _summary(old) and old[0] == cross.digests[g]
        if not same:
            lines = cross.lines.get(g) or graph_export.graph_lines(writer.store, g)
            old = (cross.digests[g], summarize(facts_of(lines, g)))
        facts[g] = old
    for g in graphs.keys() - facts.keys():  # not known from this build or the last
        lines = graph_export.graph_lines(writer.store, g)
        facts[g] = (graphs[g], summarize(facts_of(lines, g)))
    kept = {g: facts[g] for g in set(graphs) | set(derived_from)}
    old = cross.old_facts
    lines, chains = summary_lines(kept, cross.base, old.chains() if old else None)
    cross.replace_lines(str(iris.derived_graph), lines)
    del lines
    incremental.save_facts(writer.folder, kept, chains, old)
    cross.facts, cross.old_facts = {}, None  # not kept for the site


FACTS = incremental.FACTS  # in the store folder: per graph, what graph/derived reads of it


def _summary(entry: object) -> bool:
    """A (digest, GraphSummary) entry of the kept facts."""
    return (
        isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], str)
        and isinstance(entry[1], GraphSummary)
    )


def _carry_facts(folder: Path, graphs: dict[str, str], cross: _Graphs) -> None:
    """The last build's summaries of the graphs kept as it wrote them (same digest); a
    graph whose summary is missing is read from the store instead (kg.build, derived)."""
    old = cross.old_facts = incremental.load_facts(folder)
    for g, d in graphs.items():
        found = old.get(g)
        if g not in cross.facts and _summary(found) and found[0] == d:
            cross.facts[g] = found


def _lineage_items(emitter: Emitter, links: Iterable[LineageLink]) -> Iterator[tuple]:
    """graph/lineage by subject (each duty's links, kg.rdf ``Emitter.lineage_quads``), as
    ``Emitter.shared_items`` gives graph/shared, for kg.incremental.patch_items."""
    by_subject: dict[tuple[str, int], list[LineageLink]] = {}
    for link in links:
        if link.child_duty is not None:
            key = (link.child_doc, link.child_duty)
        else:
            key = (link.parent_doc, link.parent_duty)
        by_subject.setdefault(key, []).append(link)
    docs = emitter.corpus.documents
    for (doc, n), found in by_subject.items():
        inputs = tuple(
            (docs[x.parent_doc].segment, x.parent_duty, docs[x.child_doc].segment, x.child_duty)
            for x in found
        )
        yield emitter.duty_iri(doc, n), inputs, lambda found=found: emitter.lineage_quads(found)


def _parse(lines: list[bytes]) -> list:
    if not lines:
        return []
    return list(ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS))


def _reference_graphs(iris: IRIs) -> set[str]:
    """The graphs of the ontology and the reference vocabularies (kg.rdf_reference)."""
    return {str(iris.ontology_graph)} | {str(iris.reference_graph(n)) for n in REFERENCE_FILES}


def _reuse_or_reference(
    writer: StoreWriter,
    kept: list[ResolvedSource],
    graph_of: dict[str, str],
    sigs: dict[str, str],
    digest: str,
    base: str,
    cross: _Graphs,
    mirrored: bool,
) -> dict[str, str]:
    """In a store seeded from the last build, drop every graph but the kept source graphs,
    the reference graphs and the cross-document graphs ``cross`` carries over; in a new
    one, add the reference graphs. Returns the digests of the graphs now in the store
    (the cross-document ones are added when they are written)."""
    iris = IRIs(base)
    reference = _reference_graphs(iris)
    graphs = {graph_of[s.record.source.name]: sigs[s.record.source.name] for s in kept}
    # graph/reorg and graph/derived are carried over only where kg.reorg can read a store
    # without them (``mirrored``: the last build's INPUTS); kg.derived reads change events
    # and cascades, not its own closures
    carried = {str(iris.shared_graph), str(iris.lineage_graph)}
    if mirrored:
        carried |= {str(iris.reorg_graph), str(iris.derived_graph)}
    if writer.seeded:
        for g in writer.store.named_graphs():
            if g in graphs or g in reference:
                cross.keep_size(g)
            elif not (g in carried and cross.carry(g, lazy=g == str(iris.reorg_graph))):
                writer.remove_graph(g)
    else:
        quads = set(writer.convert(reference_quads(base)))
        by_graph: dict[str, list] = {}
        for q in quads:
            by_graph.setdefault(q.graph_name.value, []).append(q)
        for g, found in by_graph.items():
            cross.sizes[g] = len(found)
            cross.facts[g] = (digest, summarize(facts_of(graph_export.lines_of(found), g)))
        writer.add(quads)
        writer.flush()
    graphs.update({g: digest for g in writer.store.named_graphs() if g in reference})
    if writer.seeded and cross.prev is not None:
        _carry_facts(cross.prev.folder / STORE, graphs, cross)
    return graphs


def _emit_sources(
    writer: StoreWriter,
    emitter: Emitter,
    sources: list[ResolvedSource],
    graph_of: dict[str, str],
    sigs: dict[str, str],
    graphs: dict[str, str],
    cross: _Graphs,
    report: BuildReport,
    progress: Progress | None,
    exports: Path,
    jobs: int = 1,
) -> set[str]:
    """Each source's graph, all or nothing; returns the document keys written.

    A graph is serialised once, in ``jobs`` processes (kg.rdf_pool): its sorted N-Quads
    lines go to the store (parsed in Rust) and, as they are, to its export file
    (kg.graph_export), so the exports never read the store back."""
    built_docs: set[str] = set()
    tell(progress, "rdf", 0, len(sources))
    iris = [graph_of[s.record.source.name] for s in sources]
    if cross.prev is None:  # a full build: the site's facts of these graphs, kept as made
        cross.early = facts_cache.EarlyFacts(exports.parent)
    for i, done in enumerate(
        rdf_pool.emit_sources(emitter, sources, iris, exports, cross.base, jobs, cross.early), 1
    ):
        src = sources[done.index]
        name = src.record.source.name
        if done.error is not None:
            report.errors.append(f"{name}: {done.error}")
        else:
            writer.add_nquads(done.data, done.lines)
            cross.sizes[iris[done.index]] = done.lines
            built_docs.add(src.doc)
            graphs[iris[done.index]] = sigs[name]
            cross.facts[iris[done.index]] = (sigs[name], summarize(done.facts))
        tell(progress, "rdf", i, len(sources), name)
    return built_docs


def _check_base(base: str) -> None:
    bad = re.search(r"[\s<>\"{}|\\^`]", base)
    if bad or not (
        base.startswith(("http://", "https://", "urn:")) and base.endswith(("/", "#", ":"))
    ):
        why = f" (it holds {bad.group()!r})" if bad else ""
        raise DkgError(f"--base {base!r}: give an absolute IRI ending in '/' or '#'{why}")


def _validate_hook(out_dir: Path, report: BuildReport, progress: Progress | None = None) -> None:
    """SHACL on every source graph of the new store (kg.validate; OWL is `dkg validate`'s)."""
    from kg.validate import validate_store

    started = time.perf_counter()
    store = open_store(out_dir)
    try:
        result = validate_store(store, owl=False, progress=progress)
    finally:
        store.close()
    report.phases["validate"] = time.perf_counter() - started
    violations = result.violations
    for f in violations[:20]:
        report.errors.append(f"SHACL: {f}")
    if len(violations) > 20:
        report.errors.append(f"SHACL: {len(violations) - 20} more violations (see `dkg validate`)")


def _site_hook(
    store: Store,
    site_dir: Path,
    report: BuildReport,
    records: list[DocumentRecord],
    jobs: int = 1,
    early: facts_cache.EarlyFacts | None = None,
) -> None:
    """The static site, with each source file as given; the store is already committed,
    so a folder that cannot be written is a warning, while a bug in the site code still
    surfaces. The live generation's site lends the pages that come out the same;
    ``early``: the facts of the source graphs, kept as they were emitted."""
    live = outdir.current(site_dir.parent.parent.parent)  # DIR/gen/<id>/site -> DIR
    previous = live / "site" if live is not None and (live / "site").is_dir() else None
    exports = site_dir.parent / "exports" / graph_export.GRAPHS
    try:
        written = site.build_site(
            store,
            site_dir,
            originals=[(r.source.name, r.source.path) for r in records],
            previous=previous,  # its unchanged pages are carried over (kg.views.write)
            jobs=jobs,  # pages rendered in this many processes
            nquads=exports if exports.is_dir() else None,  # the store's content, as lines
            facts=facts_cache.FactsCache(site_dir.parent / facts_cache.FILE, live, early),
        )
        report.warnings += written.warnings
    except OSError as e:
        report.warnings.append(f"{site_dir}: site not written ({e.strerror or e})")
    finally:
        if early is not None:
            early.close()
