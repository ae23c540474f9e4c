"""kg.read.scan: the read model built from one scan per predicate (of the store, or of the
exported N-Quads) is the model kg.read.load's SPARQL joins give, on the same store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.read import load as L
from kg.read.scan import nquads_files, scan_model
from kg.store import open_store
from kg.views.common import stable_pickle
from kg.views.site import build_site

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
DKG = "https://w3id.org/dkg/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ID = "https://w3id.org/dkg/id/"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def records(model) -> dict:
    """What a model holds (its texts are read on demand: compared separately), as pickled
    for the site's page keys: the order of every dict and list counts."""
    return {k: stable_pickle(v) for k, v in _records(model).items()}


def _records(model) -> dict:
    return {
        "docs": model.docs,
        "bodies": model.bodies,
        "links": model.links,
        "assignments": model.assignments,
        "duties": model.duties,
        "reports": model.reports,
        "targets": model.targets,
        "changes": model.changes,
        "order": (list(model.docs), list(model.bodies), list(model.changes)),  # pages list so
    }


def sparql_model(source):
    return L.sparql_model(source)


def test_the_scanned_model_of_the_seed_build_is_the_sparql_one(seed_store_dir):
    store = open_store(seed_store_dir)
    try:
        by_sparql = sparql_model(store)
        by_scan = scan_model(store)
        by_lines = scan_model(store, seed_store_dir / "current" / "exports" / "graphs")
        assert by_sparql.duties and by_sparql.docs and by_sparql.bodies
        assert records(by_scan) == records(by_sparql)
        assert records(by_lines) == records(by_sparql)
        for doc in list(by_sparql.docs)[:5]:
            assert by_lines.text_of(doc) == by_scan.text_of(doc) == by_sparql.text_of(doc)
    finally:
        store.close()


def test_the_scanned_model_of_the_sample_is_the_sparql_one(tmp_path):
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    (tmp_path / "nq").mkdir()
    store.dump(output=str(tmp_path / "nq" / "all.nq"), format=ox.RdfFormat.N_QUADS)
    assert nquads_files(tmp_path / "nq") == [tmp_path / "nq" / "all.nq"]
    by_sparql = sparql_model(store)
    assert records(scan_model(store)) == records(by_sparql)
    assert records(scan_model(store, tmp_path / "nq")) == records(by_sparql)


def test_a_property_with_two_values_gives_the_least_either_way(tmp_path):
    """Two graphs disagree on a body's kind (or one repeats a triple): the model takes the
    least value whichever way it is read, never the first a scan or a join meets."""
    body = ox.NamedNode(ID + "body/b")
    kind = ox.NamedNode(DKG + "kind")
    store = ox.Store()
    for graph, value in (("g/1", "state"), ("g/2", "party"), ("g/3", "party")):
        g = ox.NamedNode(ID + graph)
        store.add(ox.Quad(body, ox.NamedNode(RDF_TYPE), ox.NamedNode(DKG + "Body"), g))
        store.add(ox.Quad(body, kind, ox.NamedNode(ID + "kind/" + value), g))
        store.add(ox.Quad(body, ox.NamedNode(LABEL), ox.Literal("Ban " + value), g))
    (tmp_path / "nq").mkdir()
    store.dump(output=str(tmp_path / "nq" / "all.nq"), format=ox.RdfFormat.N_QUADS)
    models = [sparql_model(store), scan_model(store), scan_model(store, tmp_path / "nq")]
    assert [m.bodies[body.value].name for m in models] == ["Ban party"] * 3
    assert records(models[1]) == records(models[0]) == records(models[2])


def test_a_duty_held_with_and_without_an_order_reads_the_same_either_way(tmp_path):
    """Two assignments hold one duty, only one of them with a dkg:order: SPARQL's nested
    OPTIONAL keeps both, so the scan must too."""
    g = ox.NamedNode(ID + "g/1")
    node = {k: ox.NamedNode(ID + k) for k in ("doc", "body", "duty", "a1", "a2")}

    def add(s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        store.add(ox.Quad(node[s], ox.NamedNode(p), o, g))

    store = ox.Store()
    add("doc", RDF_TYPE, ox.NamedNode(DKG + "Document"))
    add("body", RDF_TYPE, ox.NamedNode(DKG + "Body"))
    add("body", LABEL, ox.Literal("Sở Y tế"))
    add("duty", RDF_TYPE, ox.NamedNode(DKG + "Duty"))
    add("duty", DKG + "inDocument", node["doc"])
    add("duty", DKG + "responsibleBody", node["body"])
    for a in ("a1", "a2"):
        add(a, RDF_TYPE, ox.NamedNode(DKG + "Assignment"))
        add(a, DKG + "inDocument", node["doc"])
        add(a, DKG + "body", node["body"])
        add(a, DKG + "duty", node["duty"])
    add("a2", DKG + "order", ox.Literal("1", datatype=ox.NamedNode(XSD_INTEGER)))
    (tmp_path / "nq").mkdir()
    store.dump(output=str(tmp_path / "nq" / "all.nq"), format=ox.RdfFormat.N_QUADS)
    models = [sparql_model(store), scan_model(store), scan_model(store, tmp_path / "nq")]
    assert records(models[1]) == records(models[0]) == records(models[2])


def test_a_site_from_the_exports_is_the_site_from_the_store(seed_store_dir, tmp_path):
    from test_views_incremental import tree

    store = open_store(seed_store_dir)
    try:
        exports = seed_store_dir / "current" / "exports" / "graphs"
        build_site(store, tmp_path / "lines", nquads=exports)
        build_site(sparql_model(store), tmp_path / "sparql")
    finally:
        store.close()
    assert tree(tmp_path / "lines") == tree(tmp_path / "sparql")  # page keys included


def _terms_of(query: str) -> tuple[set[str], set[str]]:
    """The (predicates, classes) a query reads, from rdflib's algebra of it: the predicate
    of every triple pattern and every IRI a VALUES block offers (``?s ?p ?o`` with ``?p``
    bound there), the object of every ``a C`` pattern."""
    from rdflib import RDF, URIRef
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    from kg.vocab import PREFIXES

    predicates: set[str] = set()
    classes: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, CompValue):
            for _s, p, o in node.triples if node.name == "BGP" else ():
                if p == RDF.type:
                    assert isinstance(o, URIRef), f"{query}: a type that is not an IRI"
                    classes.add(str(o))
                elif isinstance(p, URIRef):
                    predicates.add(str(p))
            if node.name == "values":  # VALUES blocks (a list of var -> term dicts)
                predicates.update(str(t) for row in node.res for t in row.values())
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(prepareQuery(query, initNs=PREFIXES).algebra)
    return predicates, classes


def test_the_scan_reads_every_term_the_sparql_queries_read():
    """Every predicate and class a query of kg.read.load names is one the scan collects:
    a term added to a query but not to PREDICATES / CLASSES would give the scan-built
    model silently less than the SPARQL-built one."""
    from kg.read.scan import ANSWERS, CLASSES, PREDICATES

    queries = {name: q for name, q in vars(L).items() if name.startswith("Q_")}
    # Q_TEXT (one source's text, read on demand) and Q_NAMES (audit's document names) are
    # asked of the store or endpoint directly, never answered from the scan
    assert set(ANSWERS) == {q for name, q in queries.items() if name not in {"Q_TEXT", "Q_NAMES"}}
    classes = set(CLASSES.values())
    seen_p: set[str] = set()
    seen_c: set[str] = set()
    for name, query in queries.items():
        if query not in ANSWERS:
            continue
        predicates, types = _terms_of(query)
        assert predicates, name  # the walk found the query's patterns
        assert predicates <= PREDICATES, (name, sorted(predicates - PREDICATES))
        assert types <= classes, (name, sorted(types - classes))
        seen_p |= predicates
        seen_c |= types
    # and the other way: the scan collects nothing the queries never ask for
    assert seen_p == PREDICATES, sorted(PREDICATES - seen_p)
    assert seen_c == classes, sorted(classes - seen_c)
