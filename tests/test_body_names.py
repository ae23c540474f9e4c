"""Naming classes of real documents (issue 10): a body named as the text names it.

A catch-all keeps its further kinds, its level and what narrows it; the communes of the
two-tier government in the law's order; a body's branch or office printed before it; a named
zone; a Ban Chỉ đạo of the issuing Ban; the central body of a type found at every level;
a collective's span of units. Short synthetic names, not copied.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from snippets import record

from kg.extract import collectives
from kg.extract.bodies import Context, canonical, find_bodies
from kg.models import DocumentFacts

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Hải Dương", issuer_level="province", date="2025-11-20"
)
CENTRAL = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", date="2025-11-20")


def names(text: str, facts: DocumentFacts = PROVINCE, learn: str = "") -> list[str]:
    ctx = Context.from_facts(facts).learn_places(learn or text)
    return [canonical(m, ctx)[0] for m in find_bodies(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các cơ quan, đơn vị, địa phương, doanh nghiệp:", "Các cơ quan, đơn vị, địa phương, doanh nghiệp"),
        ("các sở, ban, ngành, tổ chức chính trị - xã hội thực hiện", "Các sở, ban, ngành, tổ chức chính trị - xã hội"),
        ("các cơ quan, đơn vị khác thực hiện", "Các cơ quan, đơn vị khác"),
        ("các cơ quan, đơn vị, tổ chức có liên quan", "Các cơ quan, đơn vị, tổ chức có liên quan"),
        ("các cơ quan, tổ chức từ Trung ương đến cơ sở", "Các cơ quan, tổ chức từ Trung ương đến cơ sở"),
        ("Các Sở, ban, ngành của Thành phố:", "Các Sở, ban, ngành Thành phố"),
        ("các cơ quan, đơn vị sự nghiệp", "Các cơ quan, đơn vị"),  # a kind of unit, no list
    ],
)  # fmt: skip
def test_a_catch_all_is_named_as_printed(text: str, expected: str) -> None:
    assert names(text)[0] == expected


def test_a_catch_all_printed_with_its_level_somewhere_is_named_so_everywhere() -> None:
    text = "Giao các sở, ban, ngành rà soát.\n3. Các sở, ban, ngành tỉnh: báo cáo."
    assert names(text) == ["Các sở, ban, ngành tỉnh"] * 2


def test_two_catch_alls_of_one_kind_stay_two() -> None:
    got = names("Các cơ quan, đơn vị khác: ...; các cơ quan, đơn vị, địa phương: ...")
    assert got == ["Các cơ quan, đơn vị khác", "Các cơ quan, đơn vị, địa phương"]
    got = names("các sở, ngành: ...; các sở, ngành, tổ chức chính trị - xã hội: ...")
    assert got == ["Các sở, ngành", "Các sở, ngành, tổ chức chính trị - xã hội"]


def test_labels_of_one_catch_all_are_one_addressee() -> None:
    """The reference data's labels of one type name one addressee, as first printed."""
    assert (
        names("Các sở, ngành tỉnh: ...; các sở, ngành, đoàn thể thành phố: ...")
        == ["Các sở, ngành tỉnh"] * 2
    )


def test_the_communes_of_the_two_tier_government_in_the_laws_order() -> None:
    assert names("UBND các phường, xã, đặc khu") == ["Ủy ban nhân dân các xã, phường, đặc khu"]
    before = DocumentFacts(issuer="Ủy ban nhân dân thành phố Vinh", issuer_level="district")
    before.date = "2024-03-01"  # before the reform: as printed
    assert names("UBND các phường, xã", before) == ["Ủy ban nhân dân các phường, xã"]


LETTER = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI

V/v tăng cường quản lý quỹ bảo hiểm y tế

Kính gửi:
- Sở Y tế;
- UBND các phường, xã.

Thực hiện {cited} của Chính phủ, Ủy ban nhân dân Thành phố yêu cầu:

1. Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các phường, xã kiểm tra việc khám bệnh.

2. Ủy ban nhân dân các phường, xã tuyên truyền chính sách bảo hiểm y tế.
"""


def test_a_copy_without_its_date_is_of_the_two_tier_government_when_it_cites_a_later_text() -> None:
    """A web copy that lost its date line post-dates what it cites: a document cited with a
    date from 1 July 2025 on puts it under the two-tier government (communes in the law's
    order); one citing only older documents keeps the order as printed."""
    after = record(LETTER.format(cited="Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025"))
    assert [a["agency"] for a in after["assignments"]] == [
        "Sở Y tế",
        "Ủy ban nhân dân các xã, phường",
    ]
    before = record(LETTER.format(cited="Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018"))
    assert before["assignments"][1]["agency"] == "Ủy ban nhân dân các phường, xã"


@given(
    own=st.one_of(st.none(), st.sampled_from(["2024", "2025", "2026"]), st.dates().map(str)),
    cited=st.lists(st.one_of(st.none(), st.dates().map(str)), max_size=4),
)
def test_the_two_tier_era_from_the_own_date_else_from_the_cited(
    own: str | None, cited: list[str | None]
) -> None:
    """A full date of its own decides; without one, a later year of its own or a cited full
    date from the reform's effective date on."""
    got = collectives.two_tier(own, cited)
    if own and len(own) == 10:
        assert got == (own >= "2025-07-01")
    elif own == "2026":
        assert got
    else:
        assert got == any(c is not None and c >= "2025-07-01" for c in cited)


def test_a_branch_and_an_office_are_named_with_their_body() -> None:
    assert names("phối hợp Chi nhánh Ngân hàng Chính sách xã hội tỉnh") == [
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"
    ]
    assert names("Văn phòng Ban Chỉ đạo phòng thủ dân sự quốc gia theo dõi", CENTRAL) == [
        "Văn phòng Ban Chỉ đạo phòng thủ dân sự quốc gia"
    ]
    assert names("Văn phòng Ủy ban nhân dân tỉnh") == ["Văn phòng Ủy ban nhân dân tỉnh"]


def test_a_zones_authority_keeps_the_zones_name() -> None:
    text = "Ban Quản lý Khu kinh tế chủ trì; gửi Ban Quản lý Khu kinh tế Đông Nam."
    assert names(text) == ["Ban Quản lý Khu kinh tế Đông Nam"] * 2


def test_the_issuing_steering_committee() -> None:
    facts = DocumentFacts(issuer="Trưởng Ban Chỉ đạo quốc gia về du lịch", issuer_level="central")
    assert names("Ban Chỉ đạo có nhiệm vụ", facts) == ["Ban Chỉ đạo quốc gia về du lịch"]


def test_a_type_found_at_every_level_is_its_central_body_in_a_central_text() -> None:
    assert names("Công an chủ trì; Bảo hiểm xã hội phối hợp", CENTRAL) == [
        "Bộ Công an",
        "Bảo hiểm xã hội Việt Nam",
    ]
    assert names("Công an tỉnh chủ trì") == ["Công an tỉnh"]


def test_a_span_of_provinces() -> None:
    assert names("Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa chủ động") == [
        "Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"
    ]


def test_new_reference_bodies() -> None:
    assert names("Ban Chỉ huy phòng thủ dân sự cấp xã; Bộ Tư lệnh Thành phố") == [
        "Ban Chỉ huy phòng thủ dân sự cấp xã",
        "Bộ Tư lệnh thành phố",
    ]
    assert names("Bộ Tư lệnh Quân khu 4") == []  # a command of another rank
