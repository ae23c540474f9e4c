"""A part title the web copy wrapped ("IV. TỔ CHỨC" / "THỰC HIỆN") still opens the
organisation part (issue 10): kg.extract.duties.scopes. Synthetic snippets."""

from __future__ import annotations

from snippets import duties_of, table

from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Bình Lâm", issuer_level="province", date="2025-11-20"
)


def test_a_wrapped_organisation_title_is_still_the_organisation_part() -> None:
    """ "IV. TỔ CHỨC" / "THỰC HIỆN" on two lines: the criteria part before it hands out no
    work, however its points start ("a) Đối với các sở, ban, ngành")."""
    body = (
        "III. TIÊU CHÍ\nTHI ĐUA\n\n"
        "a) Đối với các sở, ban, ngành\n\n- Hoàn thành nhiệm vụ được giao.\n\n"
        "IV. TỔ CHỨC\nTHỰC HIỆN\n\n1. Sở Nội vụ hướng dẫn, theo dõi phong trào thi đua.\n\n"
        "2. Sở Tài chính bố trí kinh phí thực hiện.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [("Sở Nội vụ", "assigned", 1), ("Sở Tài chính", "assigned", 1)]


def test_an_unwrapped_title_reads_the_same() -> None:
    body = (
        "III. TIÊU CHÍ THI ĐUA\n\na) Đối với các sở, ban, ngành\n\n- Hoàn thành nhiệm vụ.\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\n- Hướng dẫn, theo dõi phong trào.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [("Sở Nội vụ", "assigned", 1)]
