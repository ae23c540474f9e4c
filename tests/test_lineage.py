"""Duty lineage (kg.lineage): counterparts and drops between a plan and its parent."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.audit import audit
from kg.lineage import compute_lineage, similarity
from kg.pipeline import extract_paths
from kg.queries import get_query, run_query
from kg.resolve import resolve
from kg.trace import trace

ID = "https://w3id.org/dkg/id/"
PROVINCE_PLAN = ID + "doc/10-kh-ubnd"
DISTRICT_PLAN = ID + "doc/ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d"


LINEAGE_TEXTS = Path(__file__).parent / "data" / "queries" / "lineage"


def test_lineage_is_computed_on_the_resolved_corpus():
    """A province plan and a district plan carrying it out, written for this test."""
    records, errors = extract_paths([LINEAGE_TEXTS / "tinh.txt", LINEAGE_TEXTS / "huyen.txt"])
    corpus = resolve(records)
    assert not errors
    links = compute_lineage(corpus)
    doc_of = {Path(src.record.source.name).name: src.doc for src in corpus.sources}
    parent_doc, child_doc = doc_of["tinh.txt"], doc_of["huyen.txt"]
    assert {(link.parent_doc, link.child_doc) for link in links} == {(parent_doc, child_doc)}
    duties = {src.doc: src.record.assignments for src in corpus.sources}

    def body_of(doc: str, n: int) -> str:
        k = 0
        for a in duties[doc]:
            for _ in a.duties:
                k += 1
                if k == n:
                    return a.body.name
        raise AssertionError(n)

    kept = {
        (body_of(parent_doc, link.parent_duty), body_of(link.child_doc, link.child_duty))
        for link in links
        if link.child_duty is not None
    }
    assert kept == {
        ("Sở Lao động - Thương binh và Xã hội", "Phòng Lao động - Thương binh và Xã hội"),
        ("Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"),
    }
    assert sum(link.child_duty is None for link in links) == 3
    assert all(0.4 <= link.score <= 1 for link in links if link.score is not None)


def test_lineage_stored_and_queried(mini_store_with_lineage):
    rows = run_query(
        get_query("lineage"), {"parent": "10/KH-UBND"}, store=mini_store_with_lineage
    ).records()
    assert sorted(r["status"] for r in rows) == ["counterpart", "counterpart", "dropped"]
    dropped = next(r for r in rows if r["status"] == "dropped")
    assert dropped["parent_text"].startswith("Hướng dẫn các huyện xây dựng mô hình")


def test_lineage_ignores_upward_and_cross_sector_matches(mini_store):
    from kg.lineage import _compatible, _LDuty

    parent = _LDuty(1, "P", "b1", "Giáo dục và Đào tạo", "district", "x")
    assert not _compatible(parent, _LDuty(1, "C", "b2", "Giáo dục và Đào tạo", "province", "x"))[0]
    assert not _compatible(parent, _LDuty(1, "C", "b2", "Y tế", "commune", "x"))[0]
    assert _compatible(parent, _LDuty(1, "C", "b2", "Giáo dục và Đào tạo", "commune", "x"))[0]


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


def test_a_duty_for_all_lower_committees_may_go_to_any_body_of_the_child_plan():
    from kg.lineage import SAME_SECTOR_THRESHOLD, _compatible, _LDuty

    to_districts = _LDuty(1, "P", "ubnd-cac-huyen", "general", "district", "x", collective=True)
    phong = _LDuty(1, "C", "phong-gddt", "education", "district", "x")
    assert _compatible(to_districts, phong, "district") == (True, SAME_SECTOR_THRESHOLD)
    assert not _compatible(to_districts, phong, "commune")[0]  # not addressed to that level


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
