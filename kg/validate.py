"""``dkg validate``: SHACL shapes (pySHACL) and OWL consistency (owlready2 + HermiT).

SHACL runs per source graph, with the types of the shared nodes that graph
points to, then on the shared graph — pySHACL slows down sharply on big graphs
(TECH-NOTES), and per-graph reports say which source is at fault. The OWL check
gives HermiT the ontology plus the data without the long literals and the
datatypes OWL 2 does not know (xsd:gMonthDay, xsd:gYear...), so it stays fast.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.progress import Progress, Step
from kg.progress import report as tell
from kg.rdf import IRIs
from kg.resources import ontology_dir
from kg.store import Store
from kg.vocab import DKG, OA

OWL2_UNKNOWN = {
    XSD.date,
    XSD.gMonthDay,
    XSD.gYear,
    XSD.gYearMonth,
    XSD.gDay,
    XSD.gMonth,
    XSD.duration,
}
SKIP_FOR_OWL = {DKG.sourceText, OA.exact, OA.prefix, OA.suffix}


@dataclass
class Finding:
    graph: str
    severity: str  # Violation | Warning | Info | OWL
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"[{self.severity}] {self.graph}: {self.focus}{where}: {self.message}"


@dataclass
class ValidationReport:
    graphs: int = 0
    triples: int = 0
    findings: list[Finding] = field(default_factory=list)
    owl_checked: bool = False
    owl_consistent: bool | None = None
    owl_message: str = ""
    sampled: bool = False  # only a sample of the source graphs was checked

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity in ("Violation", "OWL")]

    @property
    def ok(self) -> bool:
        return not self.violations and self.owl_consistent is not False

    def summary(self) -> str:
        warnings = len(self.findings) - len(self.violations)
        owl = {True: "consistent", False: "INCONSISTENT", None: "not checked"}[self.owl_consistent]
        if self.owl_message and self.owl_consistent is None:
            owl += f" ({self.owl_message})"
        lines = [str(f) for f in self.findings[:200]]
        if len(self.findings) > 200:
            lines.append(f"... and {len(self.findings) - 200} more")
        sampled = " (a sample)" if self.sampled else ""
        lines.append(
            f"SHACL{sampled}: {self.graphs} graphs, {self.triples} triples, {len(self.violations)} violations, "
            f"{warnings} warnings; OWL (HermiT): {owl}"
        )
        lines.append("valid" if self.ok else "NOT valid")
        return "\n".join(lines)


def shapes_graph() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


def ontology_graph() -> Graph:
    return Graph().parse(ontology_dir() / "dkg.ttl")


def shacl(data: Graph, graph_name: str, shapes: Graph | None = None) -> list[Finding]:
    """pySHACL findings for one data graph (no inference: the data is explicit)."""
    from pyshacl import validate as shacl_validate

    shapes = shapes if shapes is not None else shapes_graph()
    conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=False
    )
    if conforms:
        return []
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        sev = report.value(result, SH.resultSeverity)
        out.append(
            Finding(
                graph_name,
                str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                str(report.value(result, SH.focusNode)),
                _short(report.value(result, SH.resultPath)),
                str(report.value(result, SH.resultMessage) or ""),
            )
        )
    out.sort(key=lambda f: (f.severity, f.focus, f.path, f.message))
    return out


def _short(term) -> str:
    if term is None:
        return ""
    s = str(term)
    for ns, p in ((str(DKG._NS), "dkg:"), ("http://data.europa.eu/eli/ontology#", "eli:")):
        if s.startswith(ns):
            return p + s[len(ns) :]
    return s


def validate_store(
    store: Store,
    owl: bool = True,
    owl_max_triples: int = 300_000,
    batch: int = 1,
    sample: int | None = None,
    progress: Progress | None = None,
) -> ValidationReport:
    """SHACL on the source graphs, ``batch`` at a time (one is fastest: pySHACL grows
    faster than linearly with graph size), and on the shared graph, then OWL
    consistency. Findings name the source graph of their focus node. ``progress`` hears
    of each source graph checked ("shacl") and of the OWL check ("owl")."""
    report = ValidationReport()
    shapes = shapes_graph()
    iris = IRIs(store.base)
    shared = str(iris.shared_graph)
    data_graphs = [g for g in store.named_graphs() if g.startswith(iris.source_graph_prefix)]
    if sample and len(data_graphs) > sample:
        # an evenly spread, deterministic sample: national stores take ~0.2 s per graph
        stride = len(data_graphs) / sample
        data_graphs = [data_graphs[int(k * stride)] for k in range(sample)]
        report.sampled = True
    tell(progress, "shacl", 0, len(data_graphs))
    for i in range(0, len(data_graphs), batch):
        names = data_graphs[i : i + batch]
        g = Graph()
        owner: dict[str, str] = {}
        for name in names:
            part = graph_of(store, name)
            for subject in part.subjects():
                owner.setdefault(str(subject), name)
            g += part
        foreign: set[str] = set()
        g += _shared_closure(store, g, shared, foreign)
        report.graphs += len(names)
        report.triples += len(g)
        for f in shacl(g, "", shapes):
            if f.focus in foreign:
                continue  # checked with the graph that describes it
            f.graph = owner.get(f.focus, shared)
            report.findings.append(f)
        tell(progress, "shacl", min(i + batch, len(data_graphs)), len(data_graphs), names[-1])
    if shared in store.named_graphs():
        g = graph_of(store, shared)
        report.graphs += 1
        report.triples += len(g)
        report.findings += shacl(g, shared, shapes)
    reorg = str(iris.reorg_graph)  # the 2025 successor links (kg.reorg)
    if reorg in store.named_graphs():
        g = graph_of(store, reorg)
        g += _shared_closure(store, g, shared)
        g += graph_of(store, str(iris.reference_graph("reorg")))  # the acts it cites
        report.triples += len(g)
        report.findings += shacl(g, reorg, shapes)
    report.findings.sort(key=lambda f: (f.graph, f.severity, f.focus, f.path, f.message))
    if owl:
        with Step(progress, "owl"):
            consistent, message = owl_consistency(store, data_graphs + [shared], owl_max_triples)
        report.owl_checked = consistent is not None
        report.owl_consistent, report.owl_message = consistent, message
        if consistent is False:
            report.findings.append(Finding("ontology + data", "OWL", "", "", message))
    return report


def graph_of(store: Store, name: str) -> Graph:
    """One named graph as rdflib triples, converted term by term (faster than
    serialising and parsing it again)."""
    import pyoxigraph as ox

    from kg.store import to_rdflib

    g = Graph()
    cache: dict = {}

    def conv(t):
        if isinstance(t, ox.NamedNode):
            hit = cache.get(t.value)
            if hit is None:
                hit = cache[t.value] = URIRef(t.value)
            return hit
        return to_rdflib(t)

    for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(name)):
        g.add((conv(q.subject), conv(q.predicate), conv(q.object)))
    return g


def _shared_closure(
    store: Store, graph: Graph, shared: str, foreign: set[str] | None = None
) -> Graph:
    """What the shared graph says about the nodes ``graph`` points to, and about the
    nodes those point to (a body's place, the place's province...). With ``foreign``,
    also the types of nodes other source graphs describe, whose IRIs it collects."""
    import pyoxigraph as ox

    from kg.store import to_rdflib

    g_shared = ox.NamedNode(shared)
    rdf_type = ox.NamedNode(str(RDF.type))
    out = Graph()
    seen: set[str] = set()
    frontier = {str(o) for o in graph.objects() if isinstance(o, URIRef)}
    while frontier:
        iri = frontier.pop()
        if iri in seen:
            continue
        seen.add(iri)
        node = ox.NamedNode(iri)
        for q in store.raw.quads_for_pattern(node, None, None, g_shared):
            s, p, o = to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)
            out.add((s, p, o))
            if isinstance(o, URIRef) and str(o) not in seen:
                frontier.add(str(o))
        typed = (URIRef(iri), RDF.type, None)
        if foreign is not None and typed not in out and typed not in graph:
            # a node described in another source graph (an ingested document this one
            # cites): its types, so that sh:class holds; it is checked in its own graph
            for q in store.raw.quads_for_pattern(node, rdf_type, None, None):
                out.add((to_rdflib(q.subject), RDF.type, to_rdflib(q.object)))
                foreign.add(iri)
    return out


def owl_data(store: Store, graphs: list[str], max_triples: int) -> Graph:
    """The data HermiT sees: no long texts, no datatypes outside the OWL 2 map."""
    data = Graph()
    for name in graphs:
        if len(data) > max_triples:
            break
        for s, p, o in graph_of(store, name):
            if p in SKIP_FOR_OWL:
                continue
            if isinstance(o, Literal) and o.datatype in OWL2_UNKNOWN:
                continue
            data.add((s, p, o))
    return data


def owl_consistency(
    store: Store | None, graphs: list[str], max_triples: int = 300_000, data: Graph | None = None
):
    """(True/False, message) from HermiT; (None, why) when Java or owlready2 is missing."""
    if shutil.which("java") is None:
        return None, "no Java runtime on PATH (HermiT needs one)"
    try:
        import owlready2
    except ImportError:
        return None, "owlready2 is not installed"
    onto = ontology_graph()
    # datatypes OWL 2 lacks would stop HermiT before it reasons
    for s, p, o in list(onto.triples((None, None, None))):
        if o in OWL2_UNKNOWN:
            onto.remove((s, p, o))
    merged = onto
    if data is None and store is not None:
        data = owl_data(store, graphs, max_triples)
    if data is not None:
        merged = onto + data
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.nt"
        merged.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, "the ontology and the data are inconsistent (HermiT)"
        except Exception as e:  # Java failures, parse errors: say so, do not crash
            return None, f"HermiT could not run: {type(e).__name__}: {str(e).strip()[:300]}"
        finally:
            world.close()
    return True, f"consistent ({len(merged)} triples checked)"
