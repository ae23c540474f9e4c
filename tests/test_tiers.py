"""A body named with the levels of two tiers of government is one body per tier (issue 10):
kg.extract.tiers. Synthetic snippets in the shape of 2025 two-tier documents."""

from __future__ import annotations

from snippets import duties_of, table

from kg.extract.bodies import Context, find_bodies
from kg.extract.tiers import per_tier
from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Bình Lâm", issuer_level="province", date="2025-11-20"
)


def test_two_tiers_are_two_bodies_named_as_the_issuer_sees_them() -> None:
    body = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã\n\n"
        "- Rà soát danh mục công trình phòng thủ dân sự.\n\n"
        "2. Sở Tài chính\n\n- Bố trí kinh phí.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [
        ("Ban Chỉ huy phòng thủ dân sự tỉnh", "assigned", 1),
        ("Ban Chỉ huy phòng thủ dân sự cấp xã", "assigned", 1),
        ("Sở Tài chính", "assigned", 1),
    ]


def test_levels_of_one_tier_stay_one_collective() -> None:
    ctx = Context.from_facts(FACTS)
    for text in ("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường, đặc khu"):
        (m,) = find_bodies(text)
        assert per_tier(m, ctx) == [m]


def test_the_departments_under_the_peoples_committee_are_one_catch_all() -> None:
    body = (
        "Điều 10. Trách nhiệm của các sở, cơ quan thuộc Ủy ban nhân dân tỉnh, Ủy ban nhân dân\n"
        "các xã, phường\n\n1. Phối hợp với Sở Tư pháp rà soát văn bản.\n\n"
        "2. Cung cấp tài liệu có liên quan.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [
        ("Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh", "assigned", 2),
        ("Ủy ban nhân dân các xã, phường", "assigned", 2),
    ]
