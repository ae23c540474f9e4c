"""Addressees printed as a list (issue 10, bodies recall): several addressees of one request
separated by semicolons before the colon that opens their work, each a body or a catch-all
narrowed by its own words; organs of one kind of unit printed bare before the one that names
the units ("Hội đồng nhân dân, Ủy ban nhân dân các xã, phường")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.extract.duties.rules import lead_bodies, parse_list
from kg.models import DocumentFacts

PROVINCE = DocumentFacts(
    issuer="Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", issuer_level="province", province="Gia Lai"
)

LETTER = """Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:

1. Về rà soát hồ sơ

Đề nghị các cơ quan chuyên môn thuộc Ủy ban
nhân dân tỉnh; Bảo hiểm xã hội tỉnh; các đơn vị sự nghiệp công lập,
các doanh nghiệp nhà nước trực thuộc Ủy ban nhân dân tỉnh; Hội đồng nhân dân, Ủy ban
nhân dân các xã, phường: rà soát hồ sơ, hoàn thành trước ngày 15 tháng 12 năm 2025.

2. Giao Sở Nội vụ

- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.
"""


def test_addressees_one_per_semicolon_before_the_colon_each_get_the_work() -> None:
    got = table(duties_of(LETTER, PROVINCE)[0])
    assert got == [
        ("Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", "requested", 1),
        ("Bảo hiểm xã hội tỉnh", "requested", 1),
        ("Các đơn vị sự nghiệp công lập", "requested", 1),
        ("Các doanh nghiệp nhà nước trực thuộc Ủy ban nhân dân tỉnh", "requested", 1),
        ("Hội đồng nhân dân các xã, phường", "requested", 1),
        ("Ủy ban nhân dân các xã, phường", "requested", 1),
        ("Sở Nội vụ", "assigned", 1),
    ]


def test_a_segment_that_holds_work_is_no_list_of_addressees() -> None:
    lead = lead_bodies("Đề nghị Sở Y tế chủ trì, phối hợp với Sở Tài chính; Sở Nội vụ: báo cáo.")
    assert lead is not None
    assert [b.as_written for b in lead.bodies] == ["Sở Y tế"]
    assert lead.rest.startswith("chủ trì")


def test_a_catch_all_whose_words_give_work_is_no_name() -> None:
    lead = lead_bodies("Đề nghị các sở, ngành tăng cường kiểm tra; Sở Nội vụ: báo cáo kết quả.")
    assert lead is not None
    assert "tăng cường" not in " ".join(b.as_written for b in lead.bodies)


_SEGMENTS = [
    ("Sở Tài chính", "Sở Tài chính"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("các đơn vị sự nghiệp công lập", "Các đơn vị sự nghiệp công lập"),
    ("Công an tỉnh", "Công an tỉnh"),
    (
        "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
        "Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
    ),
]


@settings(deadline=None, max_examples=40)
@given(st.lists(st.sampled_from(_SEGMENTS), min_size=2, max_size=4, unique=True))
def test_every_addressee_of_a_semicolon_list_gets_the_work(segs: list[tuple[str, str]]) -> None:
    text = "1. Về kiểm kê\n\nĐề nghị " + "; ".join(s for s, _ in segs) + ": kiểm kê tài sản.\n"
    got = table(duties_of(text, PROVINCE)[0])
    assert [(name, n) for name, _, n in got] == [(name, 1) for _, name in segs]


def test_organs_printed_bare_before_their_units_share_them() -> None:
    bodies, _ = parse_list("Hội đồng nhân dân, Ủy ban nhân dân các xã, phường thực hiện.", 0)
    assert [(b.type.id, b.levels) for b in bodies] == [
        ("HDND", ["xa", "phuong"]),
        ("UBND", ["xa", "phuong"]),
    ]


def test_an_organ_with_its_own_level_keeps_it() -> None:
    bodies, _ = parse_list("Hội đồng nhân dân tỉnh, Ủy ban nhân dân các xã thực hiện.", 0)
    assert [(b.type.id, b.levels) for b in bodies] == [("HDND", ["tinh"]), ("UBND", ["xa"])]


def test_a_body_printed_after_the_noun_co_quan_is_that_body() -> None:
    bodies, _ = parse_list(
        "Sở Tài chính, Cơ\nquan Thuế tỉnh, Bảo hiểm xã hội tỉnh và Ủy ban nhân dân các xã phối hợp.",
        0,
    )
    assert [b.type.id for b in bodies] == ["SoTaiChinh", "ThueTinh", "BHXH", "UBND"]
    lead = lead_bodies("Cơ quan Thuế tỉnh hướng dẫn người nộp thuế kê khai.")
    assert lead is not None and [b.type.id for b in lead.bodies] == ["ThueTinh"]
    assert lead.bodies[0].type.pref == "Thuế tỉnh"  # the name; "Cơ quan Thuế tỉnh" is a label


def test_the_noun_co_quan_in_running_text_or_before_no_body_names_none() -> None:
    assert lead_bodies("thì cơ quan Công an có trách nhiệm tổng hợp danh sách.") is None
    for words in ("Trung ương", "Nhà nước có thẩm quyền"):
        bodies, _ = parse_list(f"Sở Tài chính, Cơ quan {words} phối hợp.", 0)
        assert [b.type.id for b in bodies] == ["SoTaiChinh"]


def test_provinces_of_a_region_are_one_collective_named_with_it() -> None:
    from kg.extract.bodies import Context, canonical

    centre = Context.from_facts(DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central"))
    text = "Chủ tịch Ủy ban nhân dân các tỉnh khu\nvực Trung Bộ, nhất là các tỉnh: Gia Lai tiếp tục"
    bodies, _ = parse_list(text, 0)
    assert [canonical(b, centre)[0] for b in bodies][
        0
    ] == "Ủy ban nhân dân các tỉnh khu vực Trung Bộ"
    treasury, _ = parse_list("Kho bạc Nhà nước khu vực XI thực hiện.", 0)
    assert treasury[0].region == "XI"  # a central body's regional unit keeps its number


def test_an_industrial_parks_authority_is_not_an_economic_zones() -> None:
    """Issue 10 class 3: a body is never renamed to a neighbouring vocabulary entry."""
    bodies, _ = parse_list("Ban Quản lý các Khu công nghiệp tỉnh, Sở Tài chính thực hiện.", 0)
    assert [b.type.id for b in bodies][:1] == ["BQLKCN"]
    kkt, _ = parse_list("Ban Quản lý Khu kinh tế tỉnh, Sở Tài chính thực hiện.", 0)
    assert [b.type.id for b in kkt][:1] == ["BQLKKT"]


@settings(max_examples=9, deadline=None)
@given(unit=st.sampled_from(["tỉnh", "xã", "phường", "thị trấn", "đặc khu"]))
def test_a_list_goes_on_past_where_its_bodies_are(unit: str) -> None:
    """ "... các trạm y tế trên địa bàn <unit>, Công an tỉnh ...": where the bodies are is a
    filler between two bodies of the list for every unit word of ontology/units.ttl (the
    2025 đặc khu included; the list ended there)."""
    text = (
        f"Trung tâm Y tế khu vực, các trạm y tế trên địa bàn {unit}, Công an tỉnh phối hợp "
        "thực hiện."
    )
    assert [m.as_written for m in parse_list(text, 0)[0]][-1] == "Công an tỉnh"
