"""Cascade tracing, duty lineage and audit findings (kg.cascade)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cascade import (
    audit,
    audit_json,
    audit_table,
    compute_lineage,
    documents,
    find_documents,
    similarity,
    trace,
    trace_json,
    trace_text,
)
from kg.errors import DkgError
from kg.queries import get_query, run_query

ID = "https://w3id.org/dkg/id/"
PROVINCE_PLAN = ID + "doc/10-kh-ubnd"
DISTRICT_PLAN = ID + "doc/ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d"


def add_lineage(store, links):
    from kg.rdf import lineage_quads
    from kg.store import Store

    Store(store).add_quads(lineage_quads(links))


@pytest.mark.parametrize(
    "doc", ["9-CT/TW", "9-CT-TW", "9 - ct/tw", ID + "doc/9-ct-tw", "Chỉ thị 9"]
)
def test_find_documents_accepts_any_printing(mini_store, doc):
    assert find_documents(doc, documents(mini_store)) == [ID + "doc/9-ct-tw"]


def test_find_documents_unknown_is_a_clear_error(mini_store):
    with pytest.raises(DkgError, match=r"no document '99-CT/TW'.*10/KH-UBND"):
        find_documents("99-CT/TW", documents(mini_store))


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
    assert [(d.body, d.role) for d in province.duties] == [
        ("Sở Lao động - Thương binh và Xã hội", "lead"),
        ("Sở Lao động - Thương binh và Xã hội", "participant"),
        ("Sở Giáo dục và Đào tạo", "support"),
    ]
    text = trace_text(trace(mini_store, "9-CT/TW", with_duties=True))
    assert (
        "├── Kế hoạch 10/KH-UBND" in text
        and "Ủy ban nhân dân tỉnh An Bình; province; state; 2024-02-22" in text
    )
    assert "Công an (Đồng Xuân) (participant 1)" in text
    assert "(in full under Kế hoạch 10/KH-UBND)" in text
    assert "(3 documents carry it out, 2 of them in the corpus)" in text
    data = json.loads(trace_json(trace(mini_store, "9-CT/TW", with_duties=True)))
    assert data[0]["children"][0]["duties"][0]["role"] == "lead"


def test_lineage_counterparts_and_drops(mini_store):
    links = {link.parent_duty.rsplit("/", 1)[-1]: link for link in compute_lineage(mini_store)}
    assert set(links) == {"1", "2", "3"}
    assert all(link.child_document == DISTRICT_PLAN for link in links.values())
    assert (
        links["1"].child_duty == DISTRICT_PLAN + "/duty/1"
    )  # Sở LĐTBXH -> Phòng LĐTBXH, same wording
    assert links["3"].child_duty == DISTRICT_PLAN + "/duty/2"  # Sở GDĐT -> Phòng GDĐT
    assert links["2"].child_duty is None  # the drowning-model duty has no counterpart
    assert 0.4 <= links["1"].score <= 1


def test_lineage_stored_and_queried(mini_store):
    add_lineage(mini_store, compute_lineage(mini_store))
    rows = run_query(get_query("lineage"), {"parent": "10/KH-UBND"}, store=mini_store).records()
    assert sorted(r["status"] for r in rows) == ["counterpart", "counterpart", "dropped"]
    dropped = next(r for r in rows if r["status"] == "dropped")
    assert dropped["parent_text"].startswith("Hướng dẫn các huyện xây dựng mô hình")


def test_lineage_ignores_upward_and_cross_sector_matches(mini_store):
    from kg.cascade import _compatible, _LDuty

    parent = _LDuty("p", "P", "b1", "Giáo dục và Đào tạo", "district", "x")
    assert not _compatible(parent, _LDuty("c", "C", "b2", "Giáo dục và Đào tạo", "province", "x"))[
        0
    ]
    assert not _compatible(parent, _LDuty("c", "C", "b2", "Y tế", "commune", "x"))[0]
    assert _compatible(parent, _LDuty("c", "C", "b2", "Giáo dục và Đào tạo", "commune", "x"))[0]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_similarity_is_a_symmetric_score(a, b):
    s = similarity(a, b)
    assert 0.0 <= s <= 1.0 + 1e-9
    assert abs(s - similarity(b, a)) < 1e-9


def test_similarity_ignores_tone_placement_and_level_words():
    a = "Tổ chức tập huấn kỹ năng phòng, chống đuối nước cho giáo viên trên địa bàn tỉnh"
    b = "Tổ chức tập huấn kỹ năng phòng, chống đuối nước cho giáo viên trên địa bàn huyện"
    assert similarity(a, b) > 0.95
    assert similarity("Tuyên truyền về hoá chất", "Tuyên truyền về hóa chất") > 0.99
    assert similarity(a, "Điều tra, xử lý nghiêm các vụ xâm hại") < 0.2


def test_audit_findings_on_the_small_graph(mini_store):
    add_lineage(mini_store, compute_lineage(mini_store))
    findings = audit(mini_store)
    kinds = {}
    for f in findings:
        kinds.setdefault(f.kind, []).append(f)
    assert [f.details["printed_as"] for f in kinds["several-numbers"]] == [["9-CT-TW", "9-CT/TW"]]
    assert "printing variants of one number" in kinds["several-numbers"][0].message
    assert kinds["extraction-finding"][0].details["finding_kind"] == "duplicate-passage"
    assert [f.document for f in kinds["missing-number"]] == [DISTRICT_PLAN]
    assert [f.document for f in kinds["missing-date"]] == [DISTRICT_PLAN]
    assert {f.document for f in kinds["implemented-not-in-corpus"]} == {
        ID + "doc/9-ct-tw",
        ID + "doc/15-hd-btgtu",
    }
    assert [f.document for f in kinds["cited-not-in-corpus"]] == [ID + "doc/77-2020-qh14"]
    no_lead = {f.document: f.details["bodies"] for f in kinds["no-lead"]}
    assert no_lead == {
        PROVINCE_PLAN: ["Sở Giáo dục và Đào tạo"],
        DISTRICT_PLAN: ["Công an", "Phòng Giáo dục và Đào tạo"],
    }
    assert len(kinds["reporting-without-deadline"]) == 1
    (lineage,) = kinds["lineage"]
    assert lineage.details["kept"] == 2 and len(lineage.details["dropped"]) == 1
    assert "carries out 2 of 3 duties of Kế hoạch 10/KH-UBND" in lineage.message
    table = audit_table(findings)
    assert "== lineage (1)" in table and "summary:" in table
    assert json.loads(audit_json(findings))[0]["kind"] == "several-numbers"


def test_seed_trace_of_28_ct_tw(seed_store_dir):
    from kg.queries import open_store_dir

    store = open_store_dir(seed_store_dir)
    (tree,) = trace(store, "28-CT-TW")
    nodes = list(tree.walk())
    in_corpus = {n.doc.iri for n in nodes if n.doc.in_corpus}
    sources = {
        r["doc"]
        for r in run_query(get_query("documents"), {"ingested": "true"}, store=store).records()
    }
    # every seed plan that says it carries out 28-CT/TW (directly or through a guidance/plan)
    assert len(in_corpus) >= 4 and in_corpus <= sources
    numbers = {n.doc.number for n in nodes}
    assert {"68-HD/BTGTU", "144-KH/TU"} <= numbers
    via_guidance = [n for n in nodes if n.doc.number == "68-HD/BTGTU"]
    via_party_plan = [n for n in nodes if n.doc.number == "144-KH/TU"]
    assert any(c.doc.in_corpus for n in via_guidance for c in n.children)
    assert any(c.doc.in_corpus for n in via_party_plan for c in n.children)


def test_build_stores_lineage_between_a_plan_and_the_plan_it_implements(tmp_path):
    """End to end on two texts written for this test: a province plan and a district plan."""
    from pathlib import Path

    from kg.build import build
    from kg.queries import open_store_dir

    texts = Path(__file__).parent / "data" / "queries" / "lineage"
    report = build([texts / "tinh.txt", texts / "huyen.txt"], tmp_path)
    assert not report.errors and not report.warnings
    store = open_store_dir(tmp_path)
    rows = run_query(get_query("lineage"), {}, store=store).records()
    kept = {(r["parent_body"], r["child_body"]) for r in rows if r["status"] == "counterpart"}
    assert kept == {
        ("Sở Lao động - Thương binh và Xã hội", "Phòng Lao động - Thương binh và Xã hội"),
        ("Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"),
    }
    dropped = sorted(r["parent_text"][:25] for r in rows if r["status"] == "dropped")
    assert dropped == [
        "Hướng dẫn các huyện xây d",
        "Hướng dẫn sơ cứu, cấp cứu",
        "Kiểm tra an toàn cơ sở vậ",
    ]
    (finding,) = [f for f in audit(store) if f.kind == "lineage"]
    assert finding.details["kept"] == 2 and len(finding.details["dropped"]) == 3
    (tree,) = trace(store, "28-CT/TW")
    assert [n.doc.number for n in tree.walk()] == ["28-CT/TW", "45/KH-UBND", "12/KH-UBND"]


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
    trees = trace(mini_store, "10/KH-UBND")
    assert sorted(t.doc.iri for t in trees) == [PROVINCE_PLAN, other.value]
    assert trace_text(trees).count("documents carry it out") == 2


def test_a_duty_for_all_lower_committees_may_go_to_any_body_of_the_child_plan():
    from kg.cascade import SAME_SECTOR_THRESHOLD, _compatible, _LDuty

    to_districts = _LDuty("p", "P", "ubnd-cac-huyen", "general", "district", "x", collective=True)
    phong = _LDuty("c", "C", "phong-gddt", "education", "district", "x")
    assert _compatible(to_districts, phong, "district") == (True, SAME_SECTOR_THRESHOLD)
    assert not _compatible(to_districts, phong, "commune")[0]  # not addressed to that level
