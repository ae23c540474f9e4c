"""``dkg build``: sources → records → resolved corpus → RDF → store → exports (→ site).

A build never damages what the last one left: it holds the output folder's lock,
writes its store, exports and site into a new generation folder and publishes
the whole generation with one rename (kg.outdir); a failed or killed build
leaves the previous one live. One bad source file is reported and skipped.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import incremental, lineage, outdir, reorg
from kg.cache import RecordCache
from kg.derived import derived_quads
from kg.errors import DkgError, SourceError
from kg.models import DocumentRecord, LineageLink
from kg.pipeline import extract_paths, record_warnings
from kg.progress import Progress, Step
from kg.progress import report as tell
from kg.rdf import REFERENCE_FILES, Emitter, IRIs, reference_quads
from kg.readers import describe
from kg.resolve import ResolvedCorpus, ResolvedSource, resolve
from kg.store import Store, StoreWriter, open_store, open_store_folder
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
        report = _build_locked(records, errors, Path(out_dir), base, progress)
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
) -> BuildReport:
    """One generation: store, exports and site, published together (lock held)."""
    started = time.perf_counter()
    report = BuildReport(out_dir, errors=[str(e) for e in errors])
    report.read = [describe(r.source) for r in records]
    report.warnings += [w for r in records for w in record_warnings(r)]
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        report.phases[name] = report.phases.get(name, 0.0) + now - clock[0]
        clock[0] = now

    with Step(progress, "resolve"):
        corpus = resolve(records)
    lap("resolve")
    # a failure in lineage is a bug, not bad input: it aborts the build (the previous
    # generation stays live) instead of being hidden as a warning
    memo = incremental.load_pair_memo(out_dir)  # pairs of documents matched last time
    with Step(progress, "lineage"):
        links = lineage.compute_lineage(corpus, memo)
    lap("lineage")
    gen = outdir.new_generation(out_dir)
    try:
        _write_generation(gen, corpus, links, records, base, report, lap, progress)
        report.warnings += outdir.publish(out_dir, gen)
    except BaseException:
        outdir.discard(gen)
        raise
    incremental.save_pair_memo(out_dir, memo)
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
) -> None:
    """The store, then the exports and the site read from it, all inside ``gen``.

    The store starts from the last build's when the code and base are the same
    (kg.incremental): source graphs whose inputs did not change are kept as they are.
    """
    out_dir = gen.parent.parent
    digest = incremental.build_digest(base)
    prev = incremental.previous(out_dir, digest)
    iris = IRIs(base)
    graph_of = {s.record.source.name: str(iris.source_graph(s.segment)) for s in corpus.sources}
    sigs = {s.record.source.name: incremental.signature(corpus, s, digest) for s in corpus.sources}
    kept, emit = incremental.split(corpus.sources, sigs, graph_of, prev)
    writer = StoreWriter(out_dir, base, generation=gen, seed=prev.db if prev and kept else None)
    try:
        if not writer.seeded:
            kept, emit = [], list(corpus.sources)
        graphs = _reuse_or_reference(writer, kept, graph_of, sigs, digest, base)
        lap("reuse")
        emitter = Emitter(corpus, iris)
        built_docs = _emit_sources(writer, emitter, emit, graph_of, sigs, graphs, report, progress)
        built_docs |= {s.doc for s in kept}
        for src in kept:  # the doc types their graphs use, for the shared graph
            if src.record.document.type:
                emitter.doctype(src.record.document.type)
        if not built_docs:  # nothing new to show: the last good store stays live
            why = "; ".join(report.errors)
            raise DkgError(
                "no document could be read; previous store kept" + (f" ({why})" if why else "")
            )
        _add_graph(writer, graphs, str(iris.shared_graph), emitter.shared_quads())
        lineage_links = (link for link in links if {link.parent_doc, link.child_doc} <= built_docs)
        _add_graph(writer, graphs, str(iris.lineage_graph), emitter.lineage_quads(lineage_links))
        writer.flush()
        lap("rdf+store")
        with Step(progress, "reorg"):
            reorg_quads = reorg.reorg_quads(writer.store, base)
            _add_graph(writer, graphs, str(iris.reorg_graph), reorg_quads)
            writer.flush()
        lap("reorg")
        _add_graph(writer, graphs, str(iris.derived_graph), derived_quads(writer.store, base))
        writer.flush()
        lap("derived")
        report.documents = len(built_docs)
        report.triples = len(writer.store)
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
                "incremental": {"digest": digest, "graphs": graphs},
                "reused_graphs": report.reused,
                "changed_graphs": report.changed_graphs,
                "removed_graphs": report.removed_graphs,
            }
        )
        lap("swap")
    except BaseException:
        writer.abort()
        raise
    store = open_store_folder(gen / "store")
    try:
        with Step(progress, "exports"):
            report.exports.append(write_nquads(store, gen / "exports" / "dkg.nq"))
        lap("exports")
        with Step(progress, "site"):
            _site_hook(store, gen / "site", report, records)
        lap("site")
    finally:
        store.close()


def _reuse_or_reference(
    writer: StoreWriter,
    kept: list[ResolvedSource],
    graph_of: dict[str, str],
    sigs: dict[str, str],
    digest: str,
    base: str,
) -> dict[str, str]:
    """In a store seeded from the last build, drop every graph but the kept source graphs
    and the reference graphs; in a new one, add the reference graphs. Returns the digests
    of the graphs now in the store."""
    iris = IRIs(base)
    reference = {str(iris.ontology_graph)} | {str(iris.reference_graph(n)) for n in REFERENCE_FILES}
    graphs = {graph_of[s.record.source.name]: sigs[s.record.source.name] for s in kept}
    if writer.seeded:
        for g in writer.store.named_graphs():
            if g not in graphs and g not in reference:
                writer.store.remove_graph(g)
    else:
        writer.add(reference_quads(base))
        writer.flush()
    graphs.update({g: digest for g in writer.store.named_graphs() if g in reference})
    return graphs


def _emit_sources(
    writer: StoreWriter,
    emitter: Emitter,
    sources: list[ResolvedSource],
    graph_of: dict[str, str],
    sigs: dict[str, str],
    graphs: dict[str, str],
    report: BuildReport,
    progress: Progress | None,
) -> set[str]:
    """Each source's graph, all or nothing; returns the document keys written."""
    built_docs: set[str] = set()
    tell(progress, "rdf", 0, len(sources))
    for i, src in enumerate(sources, 1):
        name = src.record.source.name
        try:
            writer.add_all_or_nothing(emitter.source_quads(src))
            built_docs.add(src.doc)
            graphs[graph_of[name]] = sigs[name]
        except Exception as e:  # a record the RDF stage cannot express: report, go on
            report.errors.append(f"{name}: cannot turn into RDF ({type(e).__name__}: {e})")
        tell(progress, "rdf", i, len(sources), name)
    return built_docs


def _add_graph(writer: StoreWriter, graphs: dict[str, str], iri: str, quads: Iterable) -> None:
    """A cross-document graph, recomputed whole every build; its digest says if it changed."""
    quads = list(quads)
    graphs[iri] = incremental.quads_digest(quads)
    writer.add(quads)


def write_nquads(store: Store, path: Path) -> Path:
    """Sorted N-Quads, written atomically, in bounded memory (Store.write_nquads)."""
    return store.write_nquads(path)


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
    store: Store, site_dir: Path, report: BuildReport, records: list[DocumentRecord]
) -> None:
    """The static site, with each source file as given; the store is already committed,
    so a folder that cannot be written is a warning, while a bug in the site code still
    surfaces. The live generation's site lends the pages that come out the same."""
    live = outdir.current(site_dir.parent.parent.parent)  # DIR/gen/<id>/site -> DIR
    previous = live / "site" if live is not None and (live / "site").is_dir() else None
    try:
        written = site.build_site(
            store,
            site_dir,
            originals=[(r.source.name, r.source.path) for r in records],
            previous=previous,  # its unchanged pages are carried over (kg.views.write)
        )
        report.warnings += written.warnings
    except OSError as e:
        report.warnings.append(f"{site_dir}: site not written ({e.strerror or e})")
