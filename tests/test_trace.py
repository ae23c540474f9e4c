"""Cascade tracing (kg.trace) and its terminal rendering (kg.cli_render)."""

from __future__ import annotations

import json

import pytest

from kg.cli_render import trace_json, trace_text
from kg.errors import DkgError
from kg.queries import get_query, run_query
from kg.read import load_model
from kg.trace import find_documents, trace

ID = "https://w3id.org/dkg/id/"
PROVINCE_PLAN = ID + "doc/10-kh-ubnd"
DISTRICT_PLAN = ID + "doc/ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d"


def render(store, *args, **kw):
    model = load_model(store)
    return trace_text(trace(model, *args, **kw), model)


@pytest.mark.parametrize(
    "doc", ["9-CT/TW", "9-CT-TW", "9 - ct/tw", ID + "doc/9-ct-tw", "Chỉ thị 9"]
)
def test_find_documents_accepts_any_printing(mini_store, doc):
    assert find_documents(doc, load_model(mini_store).docs) == [ID + "doc/9-ct-tw"]


def test_find_documents_unknown_is_a_clear_error(mini_store):
    with pytest.raises(DkgError, match=r"no document '99-CT/TW'.*10/KH-UBND"):
        find_documents("99-CT/TW", load_model(mini_store).docs)


def test_trace_reaches_plans_through_intermediate_documents(mini_store):
    (tree,) = trace(mini_store, "9-CT-TW")
    assert tree.doc.number == "9-CT/TW" and tree.depth == 0
    first = [c.doc.iri for c in tree.children]
    assert first == [PROVINCE_PLAN, ID + "doc/15-hd-btgtu"]  # province before the undated guidance
    province, guidance = tree.children
    assert [c.doc.iri for c in province.children] == [DISTRICT_PLAN]
    district = province.children[0]
    assert district.depth == 2 and not district.repeated
    assert set(district.via) == {PROVINCE_PLAN, ID + "doc/15-hd-btgtu"}
    (again,) = guidance.children
    assert again.repeated and again.shown_under == PROVINCE_PLAN and again.children == []
    assert {n.doc.iri for n in tree.walk()} == {
        ID + "doc/9-ct-tw",
        PROVINCE_PLAN,
        ID + "doc/15-hd-btgtu",
        DISTRICT_PLAN,
    }


def test_trace_depth_and_duties(mini_store):
    (tree,) = trace(mini_store, "9-CT/TW", depth=1, with_duties=True)
    assert all(c.children == [] for c in tree.children)
    province = tree.children[0]
    bodies = load_model(mini_store).bodies
    assert [(bodies[d.body].name, d.role) for d in province.duties] == [
        ("Sở Lao động - Thương binh và Xã hội", "lead"),
        ("Sở Lao động - Thương binh và Xã hội", "participant"),
        ("Sở Giáo dục và Đào tạo", "support"),
    ]
    text = render(mini_store, "9-CT/TW", with_duties=True)
    assert (
        "├── Kế hoạch 10/KH-UBND" in text
        and "Ủy ban nhân dân tỉnh An Bình; province; state; 2024-02-22" in text
    )
    assert "Công an (Đồng Xuân) (participant 1)" in text
    assert "(in full under Kế hoạch 10/KH-UBND)" in text
    assert "(3 documents carry it out, 2 of them in the corpus)" in text
    model = load_model(mini_store)
    data = json.loads(trace_json(trace(model, "9-CT/TW", with_duties=True), model))
    assert data[0]["children"][0]["duties"][0]["role"] == "lead"


def test_seed_trace_of_28_ct_tw(seed_store_dir):
    from kg.queries import open_store_dir

    store = open_store_dir(seed_store_dir)
    (tree,) = trace(store, "28-CT-TW")
    nodes = list(tree.walk())
    ingested = {n.doc.iri for n in nodes if n.doc.ingested}
    sources = {
        r["doc"]
        for r in run_query(get_query("documents"), {"ingested": "true"}, store=store).records()
    }
    # every seed plan that says it carries out 28-CT/TW (directly or through a guidance/plan)
    assert len(ingested) >= 4 and ingested <= sources
    numbers = {n.doc.number for n in nodes}
    assert {"68-HD/BTGTU", "144-KH/TU"} <= numbers
    via_guidance = [n for n in nodes if n.doc.number == "68-HD/BTGTU"]
    via_party_plan = [n for n in nodes if n.doc.number == "144-KH/TU"]
    assert any(c.doc.ingested for n in via_guidance for c in n.children)
    assert any(c.doc.ingested for n in via_party_plan for c in n.children)


def test_cli_trace_and_audit(seed_store_dir):
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["trace", "28-CT-TW", "--store", str(seed_store_dir), "--duties"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Chỉ thị 28-CT/TW") and "├── " in result.output
    result = runner.invoke(
        main,
        ["trace", "28-CT/TW", "--store", str(seed_store_dir), "--format", "json", "--depth", "1"],
    )
    assert result.exit_code == 0 and all(
        c["children"] == [] for c in json.loads(result.output)[0]["children"]
    )
    result = runner.invoke(main, ["audit", "--store", str(seed_store_dir), "--format", "json"])
    assert result.exit_code == 0
    kinds = {f["kind"] for f in json.loads(result.output)}
    assert {"several-numbers", "missing-number", "implemented-not-in-corpus"} <= kinds
    result = runner.invoke(main, ["audit", "--store", str(seed_store_dir / "nowhere")])
    assert result.exit_code == 1 and "no store here" in result.output


def test_a_number_issued_by_two_bodies_gives_two_trees(mini_store):
    import pyoxigraph as ox

    other = ox.NamedNode(ID + "doc/10-kh-ubnd-other-province")
    g = ox.NamedNode(ID + "graph/shared")
    for p, o in [
        (
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            ox.NamedNode("https://w3id.org/dkg/ns#Document"),
        ),
        ("http://data.europa.eu/eli/ontology#id_local", ox.Literal("10/KH-UBND")),
        ("https://w3id.org/dkg/ns#printedAs", ox.Literal("10/KH-UBND")),
    ]:
        mini_store.add(ox.Quad(other, ox.NamedNode(p), o, g))
    model = load_model(mini_store)
    trees = trace(model, "10/KH-UBND")
    assert sorted(t.doc.iri for t in trees) == [PROVINCE_PLAN, other.value]
    assert trace_text(trees, model).count("documents carry it out") == 2


def _every_cascade(model) -> list[str]:
    return sorted({model.docs[p].number for p in model.implemented_by() if model.docs[p].number})


def test_trace_reads_only_the_cascade_and_answers_as_the_whole_model(seed_store_dir, mini_store):
    """kg.read.cascade (what `dkg trace` reads without --duties) gives the trees, text and
    JSON of the whole read model, for every document with a cascade, and no other document."""
    from kg.queries import open_store_dir
    from kg.trace import trace_model

    for store in (open_store_dir(seed_store_dir), mini_store):
        full = load_model(store)
        numbers = _every_cascade(full)
        assert numbers
        for number in numbers:
            small = trace_model(store, number)
            assert len(small.docs) < len(full.docs) and not small.duties
            old, new = trace(full, number), trace(store, number)
            assert trace_text(new, small) == trace_text(old, full), number
            assert trace_json(new, small) == trace_json(old, full), number
            under = {n.doc.iri for t in old for n in t.walk()}
            assert set(small.docs) == under | {d for t in old for d in [t.doc.iri]}


def test_trace_without_graph_derived_reads_the_whole_model(mini_store):
    import pyoxigraph as ox

    from kg.trace import trace_model

    mini_store.clear_graph(ox.NamedNode(ID + "graph/derived"))
    assert trace_model(mini_store, "9-CT/TW").docs == load_model(mini_store).docs


def test_packed_rows_read_as_the_rows_are():
    """kg.read.cascade reads rows from the embedded store packed in one value: the same rows
    (values as strings), none for no match, and the rows as they are where a value holds a
    separator of the packing."""
    import pyoxigraph as ox

    from kg.queries import select_values
    from kg.read.cascade import _rows

    store = ox.Store()
    p = ox.NamedNode("https://w3id.org/dkg/ns#issuerText")
    for i, text in enumerate(["Ủy ban nhân dân xã Mường Lát", "Sở Tư pháp", ""]):
        store.add(ox.Quad(ox.NamedNode(f"{ID}doc/{i}"), p, ox.Literal(text)))
    q = "SELECT ?doc ?o WHERE { ?doc dkg:issuerText ?o }"
    want = sorted((r["doc"], r["o"]) for r in select_values(store, q))
    assert sorted((r["doc"], r["o"]) for r in _rows(store, q)) == want
    assert _rows(store, "SELECT ?doc ?o WHERE { ?doc dkg:noSuchThing ?o }") == []
    store.add(ox.Quad(ox.NamedNode(f"{ID}doc/9"), p, ox.Literal("a\x1fb\x1ec")))
    want = sorted((r["doc"], r["o"]) for r in select_values(store, q))
    assert sorted((r["doc"], r["o"]) for r in _rows(store, q)) == want
