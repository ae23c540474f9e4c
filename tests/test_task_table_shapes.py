"""Task tables as web copies print them: one cell per line, no blank line between cells.

- An appendix's title and its "(Ban hành kèm theo ...)" note wrap over lines; the table's
  column names (STT / NHIỆM VỤ ... / CHỦ TRÌ / PHỐI HỢP / THỜI GIAN) follow at once. The title
  ends where the column names begin: each row is then a duty of its lead (GUIDE), led, with
  the partners of its phối hợp cell.
- A row numbered in Roman numerals with its text in capitals heads a group of tasks: it names
  no lead, even where a web copy split its title over two cells ("GIẢI" / "PHÁP ... CÁC NGÀNH").
"""

from __future__ import annotations

from snippets import duties_of, table

from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Đồng Tháp", issuer_level="province", province="Đồng Tháp"
)

APPENDIX = """III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch.
PHỤ LỤC
NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN
(Ban hành kèm theo Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân
dân tỉnh)
STT
NHIỆM VỤ VÀ GIẢI PHÁP
CHỦ TRÌ
PHỐI HỢP
THỜI GIAN
I
NHÓM
GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH
1
Rà soát các cơ chế, chính sách khuyến khích xã hội hóa, thu hút đầu tư.
Sở Tài chính
Sở, ban, ngành có liên quan
Thường xuyên
2
Đề xuất giải pháp cải thiện môi trường đầu tư, kinh doanh.
Sở Tài chính
Sở Công Thương; Sở Tư pháp
2026
II
GIẢI
PHÁP TRONG CHUYỂN ĐỔI CÔNG NGHỆ TRONG CÁC NGÀNH
1
Triển khai công nghệ cao trong trồng trọt, thủy sản, chăn nuôi.
Sở Nông nghiệp và Môi trường
Sở Khoa học và Công nghệ
2026
"""


def test_a_task_table_right_after_a_wrapped_appendix_title_is_read():
    assignments, _ = duties_of(APPENDIX, FACTS)
    by_name = {a.body.name: a for a in assignments}
    assert sorted(table(assignments)) == [
        ("Sở Khoa học và Công nghệ", "assigned", 1),
        ("Sở Nông nghiệp và Môi trường", "assigned", 1),
        ("Sở Tài chính", "assigned", 2),
    ]
    finance = by_name["Sở Tài chính"]
    assert all(d.role == "lead" for d in finance.duties)
    assert sorted({p.name for d in finance.duties for p in d.partners}) == [
        "Sở Công Thương",
        "Sở Tư pháp",
    ]


def test_a_group_row_in_capitals_names_no_lead():
    assignments, _ = duties_of(APPENDIX, FACTS)
    names = [a.body.name for a in assignments]
    assert not any("ngành" in n.lower() for n in names)


BRACKETED_UNIT = """PHỤ LỤC
NHIỆM VỤ TRỌNG TÂM
STT
NHIỆM VỤ
CHỦ TRÌ
PHỐI HỢP
THỜI GIAN
1
Xây dựng kho dữ liệu dịch bệnh dùng chung của tỉnh.
Sở Y tế (Trung
tâm Kiểm soát bệnh tật)
Sở Tài chính
2026
2
Tập huấn kỹ năng số cho cán bộ cơ sở.
Các sở, ngành (Sở Nội vụ, Sở Khoa học và Công nghệ)
Sở Tài chính
2026
"""


def test_a_unit_in_brackets_after_its_body_is_not_a_second_lead():
    # "Sở Y tế (Trung tâm ...)": the bracket says who in the department does the row's work;
    # the row is one duty, the department's. A collective's brackets list its members, who
    # each lead.
    assignments, _ = duties_of(BRACKETED_UNIT, FACTS)
    names = {a.body.name for a in assignments}
    assert "Sở Y tế" in names
    assert not any("Kiểm soát bệnh tật" in n for n in names)
    assert {"Sở Nội vụ", "Sở Khoa học và Công nghệ"} <= names
