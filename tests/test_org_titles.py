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


def test_an_article_for_a_catch_all_keeps_its_items_when_one_names_its_heads() -> None:
    """ "Điều 9. Trách nhiệm của các cơ quan, đơn vị có liên quan" + "1. Thủ trưởng các cơ
    quan, đơn vị chịu trách nhiệm ...", "2. ...": the article's items are that catch-all's, not
    a part organised by body below."""
    body = (
        "Điều 8. Trách nhiệm của Sở Tài chính\n\nBố trí kinh phí thực hiện Quy chế.\n\n"
        "Điều 9. Trách nhiệm của các cơ quan, đơn vị có liên quan\n\n"
        "1. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Ủy ban nhân dân tỉnh về "
        "việc thực hiện Quy chế này.\n\n"
        "2. Tuyên truyền, phổ biến Quy chế cho cán bộ, công chức.\n\n"
        "3. Cập nhật danh bạ thư điện tử của đơn vị.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    names = [a.body.name for a in assigned]
    assert names[0] == "Sở Tài chính"
    assert "Các cơ quan, đơn vị có liên quan" in names
    held = next(a for a in assigned if a.body.name == "Các cơ quan, đơn vị có liên quan")
    assert len(held.duties) >= 2
