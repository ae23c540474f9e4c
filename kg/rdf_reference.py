"""The ontology and the SKOS reference data as quads, each file in its own named graph
(kg.build adds them to every new store). Split from kg.rdf, whose IRIs it uses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, URIRef

from kg.rdf import IRIs, Quad
from kg.resources import ontology_dir as default_ontology_dir
from kg.vocab import DEFAULT_BASE

REFERENCE_FILES = {
    "bodies": "bodies.ttl",
    "topics": "topics.ttl",
    "doctypes": "doctypes.ttl",
    "reorg": "reorg.ttl",
}


def reference_quads(base: str = DEFAULT_BASE, ontology_dir: Path | None = None) -> Iterator[Quad]:
    """The ontology and the SKOS reference data, each in its own named graph."""
    iris = IRIs(base)
    folder = Path(ontology_dir or default_ontology_dir())
    files = [("ontology", folder / "dkg.ttl", iris.ontology_graph)]
    files += [(n, folder / f, iris.reference_graph(n)) for n, f in REFERENCE_FILES.items()]
    for _name, path, graph in files:
        if not path.exists():
            continue
        g = Graph().parse(path)
        g = _skolemise(g, str(graph))
        for s, p, o in g:
            yield (s, p, o, graph)  # type: ignore[misc]


def _skolemise(g: Graph, prefix: str) -> Graph:
    """Blank nodes (OWL lists and axioms) get stable IRIs so exports are byte-stable."""
    from rdflib import BNode
    from rdflib.compare import to_canonical_graph

    if not any(isinstance(x, BNode) for triple in g for x in triple):
        return g
    canon = to_canonical_graph(g)
    out = Graph()
    for triple in canon:
        out.add(tuple(URIRef(f"{prefix}/bnode/{x}") if isinstance(x, BNode) else x for x in triple))  # type: ignore[arg-type]
    return out
