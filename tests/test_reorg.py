"""The 2025 reorganisation: rules as data (ontology/reorg.ttl), successor links built into
graph/reorg, the canned queries that follow them, and the SHACL shapes that cover them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from kg.queries import canned_queries, run_query
from kg.reorg import graph_nodes, load_rules, units
from kg.store import open_store
from kg.vocab import BODIES, DKG

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


@pytest.fixture(scope="module")
def store(seed_store_dir):
    return open_store(seed_store_dir)


def rows(store, name: str, **params) -> list[dict]:
    q = canned_queries()[name]
    res = run_query(q, params, store=store)
    return [
        {v: (None if t is None else t.value) for v, t in zip(res.variables, row, strict=True)}
        for row in res.rows
    ]


def test_rules_cite_acts_and_split_functions_say_so():
    rules = load_rules()
    ldtbxh = rules.by_type[str(BODIES.PhongLDTBXH)]
    assert ldtbxh.split and len(ldtbxh.shares) == 3
    assert {s.to_type for s in ldtbxh.shares} == {
        str(BODIES.PhongNoiVu),
        str(BODIES.PhongYTe),
        str(BODIES.PhongGDDT),
    }
    assert all(s.functions for s in ldtbxh.shares)
    khdt = rules.by_type[str(BODIES.SoKHDT)]
    assert not khdt.split and [s.to_type for s in khdt.shares] == [str(BODIES.SoTaiChinh)]
    for rule in rules.by_type.values():
        assert rule.acts and rule.date in ("2025-03-01", "2025-07-01")
    assert rules.district_acts and rules.province_acts


def test_units_follow_the_package_mapping():
    table = units()
    assert table.province_after["haiduong"] == "Hải Phòng"
    assert table.province_after["binhphuoc"] == "Đồng Nai"
    assert table.province_after["phuyen"] == "Đắk Lắk"
    assert table.province_after["nghean"] == "Nghệ An"
    communes = {u.commune for u in table.district_communes[("nghean", "quephong")]}
    assert "Tri Lễ" in communes and len(communes) >= 3


def test_every_act_cites_where_it_was_checked_or_says_it_was_not():
    """Issue 13: the act numbers were first written from memory; each now names the
    public copies it was checked against (rdfs:seeAlso), or is marked uncertain with a
    note saying what could not be confirmed."""
    from rdflib.namespace import RDFS, SKOS

    g = Graph().parse(ONTOLOGY / "reorg.ttl")
    eli = "http://data.europa.eu/eli/ontology#"
    acts = set(g.subjects(RDF.type, URIRef(eli + "LegalResource")))
    assert len(acts) >= 10
    for act in acts:
        sources = list(g.objects(act, RDFS.seeAlso))
        uncertain = g.value(act, DKG.uncertain) == Literal(True)
        assert all(str(s).startswith(("https://", "http://")) for s in sources)
        assert sources or uncertain, f"{act}: neither a source nor marked uncertain"
        if uncertain:
            assert g.value(act, SKOS.note), f"{act}: uncertain without saying why"
    checked = {str(g.value(a, URIRef(eli + "id_local"))) for a in acts if list(g.objects(a, RDFS.seeAlso))
               and g.value(a, DKG.uncertain) is None}  # fmt: skip
    assert {"176/2025/QH15", "190/2025/QH15", "45/2025/NĐ-CP", "202/2025/QH15"} <= checked
    # the ministries' own decrees back the shares of their functions
    rules = load_rules()
    assert any("act-55-2025-nd-cp" in a for a in rules.by_type[str(BODIES.BoTTTT)].acts)
    ldtbxh = rules.by_type[str(BODIES.BoLDTBXH)]
    assert (str(BODIES.BoNNMT), "giảm nghèo") in {(s.to_type, s.functions) for s in ldtbxh.shares}


def test_reorg_ttl_conforms_to_the_shapes():
    data = Graph().parse(ONTOLOGY / "reorg.ttl")
    ok, _, text = validate(data, shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"))
    assert ok, text


def test_shapes_catch_an_event_without_act():
    g = Graph()
    ev, old, new = URIRef("urn:x:ev"), URIRef("urn:x:old"), URIRef("urn:x:new")
    g.add((ev, RDF.type, ORG.ChangeEvent))
    g.add((old, RDF.type, ORG.Organization))
    g.add((new, RDF.type, ORG.Organization))
    g.add((ev, ORG.originalOrganization, old))
    g.add((ev, ORG.resultingOrganization, new))
    g.add((ev, DKG.splitOfFunctions, Literal(False)))
    ok, _, text = validate(g, shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"))
    assert not ok and "cites the act" in text


def test_every_merged_or_district_body_has_a_successor(store):
    rules = load_rules()
    changed = {r["b"] for r in store.select("SELECT DISTINCT ?b WHERE { ?b org:changedBy ?e }")}
    expected = set()
    for iri, node in graph_nodes(store).items():
        if node.type in rules.by_type or (
            node.place.district and node.place.commune is None and node.type in rules.district
        ):
            expected.add(iri)
    assert expected and expected <= changed
    for ev in store.select(
        "SELECT ?e WHERE { ?e a org:ChangeEvent . FILTER NOT EXISTS { ?e dkg:legalBasis ?a } }"
    ):
        pytest.fail(f"{ev} cites no act")


def test_who_carries_it_now_for_que_phong_labour_office(store):
    found = rows(
        store, "duties_carried_now", body="Phòng Lao động - Thương binh", place="Quế Phong"
    )
    assert found
    for row in found:
        assert row["ambiguous"] == "true"
        now = row["carried_by_now"]
        assert "Sở Y tế (Nghệ An)" in now and "Sở Nội vụ (Nghệ An)" in now
        assert "Phòng Văn hóa - Xã hội (Tri Lễ, Nghệ An)" in now
        assert "Quế Phong" not in now.replace("(Quế Phong, Nghệ An)", "")  # no district body


def test_successors_step_by_step_with_acts(store):
    found = rows(store, "body_successors", body="Phòng Lao động", place="Quế Phong")
    march = [r for r in found if r["since"] == "2025-03-01"]
    assert {r["successor_name"] for r in march} == {
        "Phòng Nội vụ",
        "Phòng Y tế",
        "Phòng Giáo dục và Đào tạo",
    }
    assert all("45/2025/NĐ-CP" in r["acts"] and r["current"] == "false" for r in march)
    july = [r for r in found if r["since"] == "2025-07-01"]
    assert july and all("72/2025/QH15" in r["acts"] and r["current"] == "true" for r in july)
    merged = rows(store, "body_successors", body="Sở Lao động", place="Hải Dương")
    assert {r["successor_place"] for r in merged if r["current"] == "true"} == {"Hải Phòng"}
    assert any("202/2025/QH15" in r["acts"] for r in merged)


def test_successor_iris_follow_the_base(tmp_path, sample_records):
    from kg.build import build_records

    base = "https://example.org/x/"
    build_records(sample_records, [], tmp_path, base=base)
    s = open_store(tmp_path)
    events = s.select("SELECT ?e WHERE { ?e a org:ChangeEvent }")
    assert events and all(str(r["e"]).startswith(base + "change/") for r in events)


def test_collective_bodies_get_no_successor():
    """dkg:collective is an xsd:boolean: "UBND các xã" (true) is left out of the rules'
    bodies, a single UBND (false) is kept; the flag read as a boolean, not as text."""
    import pyoxigraph as ox

    from kg.store import memory_store

    base = "http://example.org/kg/"
    place = ox.NamedNode(base + "place/nghe-an")
    dkg = str(DKG)
    xsd_bool = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    quads = [
        ox.Quad(place, ox.NamedNode(str(RDF.type)), ox.NamedNode(dkg + "AdminUnit")),
        ox.Quad(place, ox.NamedNode(str(RDFS.label)), ox.Literal("Nghệ An")),
        ox.Quad(place, ox.NamedNode(dkg + "level"), ox.NamedNode(dkg + "Province")),
    ]
    for name, flag in (("one", "false"), ("many", "true"), ("many1", "1")):
        b = ox.NamedNode(base + "body/" + name)
        quads += [
            ox.Quad(b, ox.NamedNode(str(RDF.type)), ox.NamedNode(dkg + "Body")),
            ox.Quad(b, ox.NamedNode(dkg + "bodyType"), ox.NamedNode(str(BODIES) + "X")),
            ox.Quad(b, ox.NamedNode(dkg + "jurisdiction"), place),
            ox.Quad(b, ox.NamedNode(dkg + "collective"), ox.Literal(flag, datatype=xsd_bool)),
        ]
    nodes = graph_nodes(memory_store(quads, base))
    assert set(nodes) == {base + "body/one"}


def test_inputs_from_shared_and_reference_lines_equal_the_stores(store):
    """kg.build reads graph/reorg's inputs from graph/shared's and the reference graphs'
    lines (kg.reorg.inputs_of_lines), not the store: the same bodies, places and quads."""
    from kg.build import _reference_graphs
    from kg.graph_export import graph_lines, lines_of
    from kg.rdf import IRIs
    from kg.reorg import ReorgInputs, inputs_of_lines

    iris = IRIs(store.base)
    skip = [str(iris.reorg_graph), str(iris.derived_graph)]
    scanned = ReorgInputs(store, store.base, skip)
    lines = []
    for g in [str(iris.shared_graph), *sorted(_reference_graphs(iris))]:
        lines += graph_lines(store, g)
    read = inputs_of_lines(lines, store.base)
    assert read.nodes and read.nodes == scanned.nodes
    assert read.existing == scanned.existing
    assert lines_of(read.quads()) == lines_of(scanned.quads())
