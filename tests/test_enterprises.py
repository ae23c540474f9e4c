"""Enterprises and economic organisations as bodies (issue 10): kg.extract.enterprises.

Head words (ontology/bodies.ttl, dkg:properName) open a name that runs to the verb, the
separator or the next body. Short synthetic names, not copied from any document.
"""

from __future__ import annotations

import pytest
from snippets import duties_of, named_bodies

from kg.models import DocumentFacts
from kg.refdata import body_types

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Hà Giang", issuer_level="province", date="2025-11-20"
)


def names(text: str) -> list[tuple[str, str]]:
    return named_bodies(text, FACTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng công ty Điện lực miền Nam chủ trì thực hiện", ("Tổng công ty Điện lực miền Nam", "TongCongTy")),
        ("Công ty TNHH MTV Khai thác Thủy lợi Sông Lam thực hiện", ("Công ty TNHH MTV Khai thác Thủy lợi Sông Lam", "CongTy")),
        ("giao Công ty Cổ phần Cấp nước Hòa Bình, Sở Xây dựng", ("Công ty Cổ phần Cấp nước Hòa Bình", "CongTy")),
        ("Công ty Điện lực Bình Lâm kiểm tra lưới điện", ("Công ty Điện lực Bình Lâm", "CongTy")),
        ("Công ty TNHH Hải Cảng - Petro Bến Ngự phối hợp", ("Công ty TNHH Hải Cảng - Petro Bến Ngự", "CongTy")),
        ("Công ty TNHH Hải Cảng -\nPetro Bến Ngự xét", ("Công ty TNHH Hải Cảng - Petro Bến Ngự", "CongTy")),
        ("Ngân hàng TMCP Công Thương Việt Nam cho vay", ("Ngân hàng TMCP Công Thương Việt Nam", "NganHangTM")),
        ("Hợp tác xã Dịch vụ Nông nghiệp Tân An tham gia", ("Hợp tác xã Dịch vụ Nông nghiệp Tân An", "HopTacXa")),
        ("Quỹ Bảo vệ và Phát triển Rừng tỉnh bố trí", ("Quỹ Bảo vệ và Phát triển Rừng", "QuyTaiChinh")),
        ("Tập đoàn Than - Khoáng sản Việt Nam bảo đảm", ("Tập đoàn Than - Khoáng sản Việt Nam", "TapDoanKT")),
    ],
)  # fmt: skip
def test_a_named_enterprise_is_a_body_named_as_printed(
    text: str, expected: tuple[str, str]
) -> None:
    assert names(text)[0] == expected


def test_a_group_the_data_knows_keeps_its_own_type() -> None:
    assert names("Tập đoàn Điện lực Việt Nam bảo đảm cung ứng điện") == [
        ("Tập đoàn Điện lực Việt Nam", "EVN")
    ]
    assert names("Ngân hàng Nhà nước Việt Nam chỉ đạo")[0][1] == "NHNN"
    assert [t for _, t in names("Tập đoàn VNPT, Tập đoàn EVN")] == ["VNPT", "EVN"]


@pytest.mark.parametrize(
    "text",
    [
        "các công ty và các tập đoàn đa quốc gia",  # common nouns, no name
        "Tập đoàn nêu trên triển khai",
        "các ngân hàng thương mại cho vay",
        "hợp tác xã nông nghiệp kiểu mới",
        "Quỹ Bình ổn giá xăng dầu",  # sentence case: where the name ends is unknown
    ],
)
def test_a_head_word_without_a_proper_name_is_no_body(text: str) -> None:
    assert names(text) == []


def test_the_name_stops_where_another_body_begins() -> None:
    assert [n for n, _ in names("Công ty Điện lực Bình Lâm Sở Công Thương")] == [
        "Công ty Điện lực Bình Lâm",
        "Sở Công Thương",
    ]


def test_the_kinds_are_data() -> None:
    types = body_types()
    assert {"TapDoanKT", "TongCongTy", "CongTy", "NganHangTM", "HopTacXa", "QuyTaiChinh"} <= {
        k for k, t in types.items() if t.proper_name
    }
    assert "miền" in types["TongCongTy"].name_words
    assert not types["EVN"].proper_name


def test_an_enterprise_leads_a_task() -> None:
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Tổng công ty Điện lực miền Nam chủ trì, phối hợp với Sở Công Thương bảo đảm cung"
        " ứng điện.\n"
        "2. Hợp tác xã Dịch vụ Nông nghiệp Tân An tổ chức sản xuất vụ đông.\n"
    )
    assignments, _ = duties_of(body, FACTS)
    got = {a.body.name: a for a in assignments}
    lead = got["Tổng công ty Điện lực miền Nam"]
    assert lead.duties and lead.leads
    assert "Hợp tác xã Dịch vụ Nông nghiệp Tân An" in got
