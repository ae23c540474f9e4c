"""Chapters of a Quy chế / Quy định: printed wrapped ("Chương" / "I"), general provisions
that hand out no work, and chapters of "Trách nhiệm của ..." articles."""

from __future__ import annotations

from snippets import duties_of, table

from kg.extract.duties.boilerplate import undergoes_only
from kg.extract.duties.chapters import general_part, holders_chapter
from kg.models import DocumentFacts
from kg.structure import parse
from kg.text import clean_text

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Bắc Ninh", issuer_level="province", province="Bắc Ninh"
)

# a web copy prints the chapter word and its number on lines of their own
RULES = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH

Số: 81/2025/QĐ-UBND

QUY ĐỊNH
Hoạt động tư vấn của Hội

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Chương
I

QUY ĐỊNH CHUNG

Điều
1. Phạm vi điều chỉnh

Quy định này quy định hoạt động tư vấn của Hội.

Điều
2. Trách nhiệm giao nhiệm vụ và thực hiện tư vấn

1. Chủ tịch Ủy ban nhân dân tỉnh có trách nhiệm giao nhiệm vụ tư vấn.

2. Sở Khoa học và Công nghệ có trách nhiệm tổ chức thực hiện nhiệm vụ tư vấn.

Chương
II

TỔ CHỨC THỰC HIỆN

Điều
3. Trách nhiệm của Sở Khoa học và Công nghệ

1. Chủ trì thẩm định đề xuất nhiệm vụ tư vấn hằng năm.

2. Theo dõi, tổng hợp kết quả thực hiện.

Điều
4. Khen thưởng và xử lý vi phạm

1. Tổ chức, cá nhân có thành tích trong hoạt động tư vấn sẽ được khen thưởng theo quy định.
"""


def test_a_wrapped_chapter_marker_opens_a_chapter() -> None:
    st = parse(clean_text(RULES))
    chapters = [n for n in st.body if n.kind == "part" and (n.marker or "").startswith("Chương")]
    assert [c.marker for c in chapters] == ["Chương I", "Chương II"]
    assert [a.marker for a in chapters[1].children if a.kind == "article"] == ["Điều 3", "Điều 4"]


def test_a_word_chuong_wrapped_in_a_sentence_is_no_chapter() -> None:
    text = "Điều 1. Phạm vi\n\nQuy định này áp dụng cho các\nChương\ntrình mục tiêu quốc gia.\n"
    assert not any(n.kind == "part" for n in parse(clean_text(text)).body)


def test_the_general_chapter_hands_out_no_work() -> None:
    got = table(duties_of(RULES, FACTS)[0])
    assert got == [("Sở Khoa học và Công nghệ", "assigned", 2)]


def test_chapter_titles() -> None:
    assert general_part("QUY ĐỊNH CHUNG") and general_part("Những quy định chung")
    assert not general_part("QUY ĐỊNH CỤ THỂ") and not general_part("TỔ CHỨC THỰC HIỆN")
    assert holders_chapter(["Trách nhiệm của Bộ Công an", "Trách nhiệm của Bộ Tài chính"])
    assert not holders_chapter(["Trách nhiệm của Bộ Công an", "Hiệu lực thi hành"])
    assert not holders_chapter([])


def test_reward_and_sanction_clauses_are_no_work() -> None:
    assert undergoes_only("Tổ chức, cá nhân có thành tích sẽ được khen thưởng theo quy định.")
    assert undergoes_only("Cơ quan, đơn vị vi phạm thì bị xử lý theo quy định của pháp luật.")
    assert not undergoes_only("Sở Nội vụ có trách nhiệm đề xuất khen thưởng, xử lý vi phạm.")
    assert not undergoes_only("Sở Nội vụ chủ trì tổng hợp; cá nhân vi phạm bị xử lý.")
