"""Bodies of Party documents and of plans addressed to Party committees (issue 10): the
committees of the two-tier system named by the body they sit in or by their place, one body
per place when a collective lists its communes, the Party's collective addressees."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.extract import admin
from kg.models import DocumentFacts
from kg.text import fold

PARTY = DocumentFacts(
    issuer="Tỉnh ủy Hà Giang", issuer_level="province", issuer_kind="party", province="Hà Giang"
)

COMMITTEES = """III. TỔ CHỨC THỰC HIỆN
1. Đảng ủy Ủy ban nhân dân tỉnh
- Lãnh đạo cơ quan hành chính triển khai nghị quyết.
2. Đảng ủy các cơ quan Đảng tỉnh
- Quán triệt đến chi bộ trực thuộc.
3. Đảng ủy Quân sự tỉnh, Đảng ủy Công an tỉnh
- Lãnh đạo lực lượng vũ trang thực hiện.
4. Trường Chính trị tỉnh
- Đưa nội dung nghị quyết vào chương trình bồi dưỡng.
5. Các cấp ủy, tổ chức đảng
- Tổ chức học tập, quán triệt.
"""


def test_the_committees_of_a_province_are_named_by_the_body_they_sit_in() -> None:
    assert table(duties_of(COMMITTEES, PARTY)[0]) == [
        ("Đảng ủy Ủy ban nhân dân tỉnh", "assigned", 1),
        ("Đảng ủy các cơ quan Đảng tỉnh", "assigned", 1),
        ("Đảng ủy Quân sự tỉnh", "assigned", 1),
        ("Đảng ủy Công an tỉnh", "assigned", 1),
        ("Trường Chính trị tỉnh", "assigned", 1),
        ("Các cấp ủy, tổ chức đảng", "assigned", 1),
    ]


PLACES = """III. TỔ CHỨC THỰC HIỆN
1. Đảng ủy các xã: Tân Lập, Tân Thành
- Xây dựng kế hoạch thực hiện.
2. Ủy ban nhân dân các xã: Tân Lập, Tân Thành chủ động sơ tán dân cư.
3. Đảng ủy xã Tân Lập
- Tổng kết mô hình.
"""


def test_one_body_per_commune_a_collective_lists_and_a_commune_s_committee_keeps_its_place() -> (
    None
):
    assert table(duties_of(PLACES, PARTY)[0]) == [
        ("Đảng ủy xã Tân Lập", "assigned", 2),
        ("Đảng ủy xã Tân Thành", "assigned", 1),
        ("Ủy ban nhân dân xã Tân Lập", "assigned", 1),
        ("Ủy ban nhân dân xã Tân Thành", "assigned", 1),
    ]


def test_a_collective_of_two_kinds_of_commune_stays_one_body() -> None:
    # "các xã, phường" does not say which place is a xã and which a phường
    text = "III. TỔ CHỨC THỰC HIỆN\n1. Đảng ủy các xã, phường: Tân Lập, Tân Thành báo cáo.\n"
    names = [a.body.name for a in duties_of(text, PARTY)[0]]
    assert names == ["Đảng ủy các xã, phường"]


def test_a_colon_before_names_that_are_no_communes_keeps_the_collective() -> None:
    text = "III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các xã: Chủ động bố trí kinh phí.\n"
    assert table(duties_of(text, PARTY)[0]) == [("Ủy ban nhân dân các xã", "assigned", 1)]


_COMMUNES = sorted(
    {
        e[0]
        for entries in admin._tables().communes_2025.values()
        for e in entries
        if len(e[0].split()) == 2 and all(w[:1].isupper() and w.isalpha() for w in e[0].split())
    }
)[:300]


@settings(max_examples=30, deadline=None)
@given(
    places=st.lists(st.sampled_from(_COMMUNES), min_size=2, max_size=4, unique_by=fold)
)  # names that differ only by their accents ("Bình Gia", "Bình Giã") are one key of the reader
def test_every_commune_listed_after_the_collective_gets_its_own_body(places: list[str]) -> None:
    text = f"III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các xã: {', '.join(places)} chủ động.\n"
    names = [a.body.name for a in duties_of(text, PARTY)[0]]
    assert names == [f"Ủy ban nhân dân xã {p}" for p in places]
