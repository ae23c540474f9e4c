"""Bodies named by their heads in a plan's or a Party document's organisation part ("Giám đốc
các sở", "Chủ tịch Ủy ban nhân dân các xã, phường"): the head titles are data
(ontology/titles.ttl, titles:heads) and the duty falls to the body the title heads."""

from __future__ import annotations

from snippets import duties_of, table

from kg import lexicon
from kg.models import DocumentFacts

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Hà Giang",
    issuer_level="province",
    issuer_kind="state",
    province="Hà Giang",
)


def test_head_titles_are_data_longest_first() -> None:
    heads = lexicon.head_titles()
    assert {"Giám đốc", "Chủ tịch", "Bí thư", "Thủ trưởng", "Chánh"} <= set(heads)
    assert heads.index("Tổng Giám đốc") < heads.index("Giám đốc")
    assert "Phó" in lexicon.title_prefixes()


def test_a_head_title_gives_the_duty_to_the_body_it_heads() -> None:
    text = """III. TỔ CHỨC THỰC HIỆN
1. Chủ tịch Ủy ban nhân dân các xã, phường
- Tổ chức thực hiện tại địa phương.
- Báo cáo kết quả về Sở Nội vụ.
2. Chánh Văn phòng Ủy ban nhân dân tỉnh
- Theo dõi, đôn đốc.
3. Phó Giám đốc Công an tỉnh
- Bảo đảm an ninh, trật tự.
"""
    assert table(duties_of(text, PROVINCE)[0]) == [
        ("Ủy ban nhân dân các xã, phường", "assigned", 2),
        ("Văn phòng Ủy ban nhân dân tỉnh", "assigned", 1),
        ("Công an tỉnh", "assigned", 1),
    ]


def test_heads_of_boards_divisions_courts_and_commissions() -> None:
    text = """III. TỔ CHỨC THỰC HIỆN
1. Trưởng Ban Dân tộc tỉnh
- Theo dõi tình hình vùng đồng bào dân tộc thiểu số.
2. Trưởng phòng Văn hóa - Xã hội các xã, phường
- Tuyên truyền tại cơ sở.
3. Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy
- Kiểm tra việc thực hiện.
4. Đề nghị Chánh án Tòa án nhân dân tỉnh, Viện trưởng Viện kiểm sát nhân dân tỉnh
- Phối hợp xử lý vi phạm.
"""
    assert table(duties_of(text, PROVINCE)[0]) == [
        ("Ban Dân tộc tỉnh", "assigned", 1),
        ("Phòng Văn hóa - Xã hội các xã, phường", "assigned", 1),
        ("Ủy ban Kiểm tra Tỉnh ủy", "requested", 1),  # a Party organ: asked (GUIDE)
        ("Tòa án nhân dân tỉnh", "requested", 1),
        ("Viện kiểm sát nhân dân tỉnh", "requested", 1),
    ]
