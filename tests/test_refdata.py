"""The SKOS reference data loads into plain lookups and says what extraction needs."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from kg import text
from kg.refdata import body_types, group_ids, topics
from kg.resources import ontology_dir
from kg.text import fold_same_length


def test_every_body_type_has_a_vietnamese_name_and_valid_level() -> None:
    types = body_types()
    assert len(types) > 100
    for t in types.values():
        assert t.pref and t.labels[0] == t.pref
        assert t.level in {None, "central", "province", "district", "commune"}
        assert t.kind in {None, "party", "state", "mass-org"}


def test_abbreviations_are_alternative_labels() -> None:
    labels = {label for t in body_types().values() for label in t.labels}
    for abbrev in (
        "UBND",
        "HĐND",
        "Sở LĐ-TB&XH",
        "Phòng GD&ĐT",
        "UBMTTQVN",
        "Đoàn TNCS Hồ Chí Minh",
    ):
        assert abbrev in labels


def test_level_bound_types_have_no_fixed_level() -> None:
    types = body_types()
    assert types["CongAn"].level is None  # Công an tỉnh / huyện / xã
    assert types["UBMTTQ"].level is None
    assert types["PhongGDDT"].level == "district"
    assert types["SoYTe"].level == "province"


def test_groups_and_catch_alls() -> None:
    types = body_types()
    assert types["CoQuanDonVi"].generic and types["CoQuanDonVi"].collective
    assert not types["ToChucCTXH"].generic and types["ToChucCTXH"].collective
    assert types["BanTuyenGiao"].party_organ
    assert "GenericAddressee" in group_ids()


def test_topics_have_keywords() -> None:
    ts = topics()
    for tid in ("AbuseViolence", "InjuryDrowning", "ChildLabour", "OnlineSafety", "Budget"):
        assert ts[tid].keywords


def test_turtle_is_skos() -> None:
    g = Graph()
    g.parse(ontology_dir() / "bodies.ttl")
    g.parse(ontology_dir() / "topics.ttl")
    assert len(list(g.subjects(RDF.type, SKOS.ConceptScheme))) == 2
    for c in g.subjects(RDF.type, SKOS.Concept):
        assert list(g.objects(c, SKOS.inScheme)), c


def test_fold_same_length_is_the_text_module_one() -> None:
    """Extractors import it from here; it lives in kg.text with the other keys."""
    assert fold_same_length is text.fold_same_length
