"""Abbreviations inside a body's name written in full (kg.extract.abbreviations; GUIDE:
"Abbreviations expanded"). Invented snippets, not copied from any document."""

from __future__ import annotations

import pytest
from snippets import named_bodies

from kg import lexicon
from kg.extract.abbreviations import expand
from kg.extract.body_match import find_bodies
from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Bình Lâm", issuer_level="province", date="2025-11-20"
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Các cơ sở KCB BHYT", "Các cơ sở khám bệnh, chữa bệnh bảo hiểm y tế"),
        ("Các đơn vị có TTHC", "Các đơn vị có thủ tục hành chính"),
        ("Trung tâm Chuyển đổi số VHTTDL", "Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch"),
        ("Trung tâm dịch vụ KH&CN", "Trung tâm dịch vụ Khoa học và Công nghệ"),
        ("HTX dịch vụ nông nghiệp", "Hợp tác xã dịch vụ nông nghiệp"),
        ("Phòng TCHC", "Phòng Tổ chức - Hành chính"),
        ("Các doanh nghiệp trong KCN, KKT", "Các doanh nghiệp trong khu công nghiệp, khu kinh tế"),
    ],
)  # fmt: skip
def test_an_abbreviation_is_written_in_full(printed: str, expected: str) -> None:
    assert expand(printed) == expected


@pytest.mark.parametrize(
    "printed",
    ["Công ty TNHH Minh Phát", "Các đơn vị KSTTHCX", "Các hộ kinh doanh", "Trường THCSX"],
)
def test_a_word_that_is_no_listed_abbreviation_stays_as_printed(printed: str) -> None:
    assert expand(printed) == printed


def test_every_abbreviation_is_printed_in_capitals() -> None:
    for short in lexicon.printed_abbreviations():
        assert short == short.upper(), short


def test_a_body_of_a_class_is_named_in_full_and_without_its_area() -> None:
    text = "3. Các cơ sở KCB BHYT trên địa bàn tỉnh có trách nhiệm:\n\n- Rà soát hồ sơ."
    assert ("Các cơ sở khám bệnh, chữa bệnh bảo hiểm y tế", "CacCoSo") in named_bodies(text, FACTS)


def test_a_body_printed_with_an_abbreviation_is_found_by_its_type() -> None:
    # the pairs also let every label of a type match abbreviated (kg.extract.body_match)
    assert [m.type.id for m in find_bodies("Hội đồng TĐKT tỉnh họp")] == ["HoiDongTDKT"]
