"""ontology/dkg.ttl: every vocabulary term defined, in Vietnamese and English."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.resources import ontology_dir
from kg.vocab import DKG, DKG_NS, ELI


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / "dkg.ttl")


def _defined(g: Graph) -> set[str]:
    return {str(s)[len(DKG_NS) :] for s in g.subjects(RDF.type, None) if str(s).startswith(DKG_NS)}


def test_vocab_and_ontology_define_the_same_terms(onto):
    vocab = {name for name in DKG.__annotations__}
    assert vocab - _defined(onto) == set(), "in kg/vocab.py but not in dkg.ttl"
    assert _defined(onto) - vocab == set(), "in dkg.ttl but not in kg/vocab.py"


def test_every_term_has_vi_and_en_labels_and_definitions(onto):
    for name in DKG.__annotations__:
        term = URIRef(DKG_NS + name)
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in onto.objects(term, prop)}
            assert {"vi", "en"} <= langs, f"dkg:{name} lacks {prop} in vi/en"


def test_reuse_and_own_axioms(onto):
    assert (DKG.Document, RDFS.subClassOf, ELI.LegalResource) in onto
    assert (DKG.Body, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in onto
    assert (DKG.cascadesFrom, RDF.type, OWL.TransitiveProperty) in onto
    assert (ELI.ensures_implementation_of, RDFS.subPropertyOf, DKG.cascadesFrom) in onto
    assert (DKG.guidanceFor, RDFS.subPropertyOf, DKG.cascadesFrom) in onto
    assert (DKG.dueDate, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#gMonthDay")) in onto
    assert (DKG.Evidence, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto
    assert (DKG.AdminUnit, RDFS.subClassOf, SKOS.Concept) in onto
    nonneg = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    for prop in ("start", "end"):
        assert (URIRef("http://www.w3.org/ns/oa#" + prop), RDFS.range, nonneg) in onto


def test_shapes_and_reference_files_parse():
    for name in ("shapes.ttl", "doctypes.ttl"):
        assert len(Graph().parse(ontology_dir() / name)) > 20


def test_ontology_version_is_the_package_version():
    """The version lives in kg/__init__.py; the ontology's owl:versionInfo must follow it."""
    import kg

    g = Graph().parse(ontology_dir() / "dkg.ttl")
    assert {str(v) for v in g.objects(None, OWL.versionInfo)} == {kg.__version__}
