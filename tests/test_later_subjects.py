"""Bodies that open a later clause of one item, each with its own work (issue 10, bodies
recall): "Giao Sở Y tế chủ trì ...; Sở Tài chính bố trí kinh phí; Ủy ban nhân dân các xã phối
hợp tuyên truyền", "Giao Phó Thủ tướng A đi kiểm tra ...; Phó Thủ tướng B đi kiểm tra ...".
A body named inside a clause's work, a catch-all and the issuer get nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import DocumentFacts

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Gia Lai", issuer_level="province", province="Gia Lai"
)
CENTRE = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central")

PLAN = """IV. TỔ CHỨC THỰC HIỆN

1. Giao Sở Y tế chủ trì tổ chức tập huấn cho cán bộ y tế; Sở Tài chính bố trí kinh phí
thực hiện; Ủy ban nhân dân các xã, phường phối hợp tuyên truyền; các sở, ngành liên quan phối
hợp thực hiện.

2. Sở Nội vụ theo dõi, đôn đốc; báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.
"""


def test_each_body_opening_a_later_clause_gets_that_clause() -> None:
    got = table(duties_of(PLAN, PROVINCE)[0])
    assert sorted(got) == [
        ("Sở Nội vụ", "assigned", 1),
        ("Sở Tài chính", "assigned", 1),
        ("Sở Y tế", "assigned", 1),
        ("Ủy ban nhân dân các xã, phường", "assigned", 1),
    ]


def test_deputy_prime_ministers_given_one_item_clause_by_clause() -> None:
    text = """Thủ tướng Chính phủ yêu cầu:

1. Bộ Quốc phòng chỉ đạo các lực lượng hỗ trợ người dân.

2. Giao Phó Thủ tướng Chính phủ Lê Thành Long đi kiểm tra, đôn đốc tại tỉnh Gia Lai; Phó Thủ
tướng Chính phủ Hồ Đức Phớc đi kiểm tra, đôn đốc tại tỉnh Đắk Lắk.
"""
    names = [name for name, _, _ in table(duties_of(text, CENTRE)[0])]
    assert names == [
        "Bộ Quốc phòng",
        "Phó Thủ tướng Chính phủ Lê Thành Long",
        "Phó Thủ tướng Chính phủ Hồ Đức Phớc",
    ]


def test_a_body_inside_a_clauses_work_is_not_its_subject() -> None:
    text = PLAN.replace("; Sở Tài chính bố trí kinh phí\nthực hiện", "; gửi Sở Tài chính thẩm định")
    names = [name for name, _, _ in table(duties_of(text, PROVINCE)[0])]
    assert "Sở Tài chính" not in names


_BODIES = [
    "Sở Tài chính",
    "Sở Xây dựng",
    "Công an tỉnh",
    "Sở Tư pháp",
    "Đài Phát thanh và Truyền hình tỉnh",
]
_WORK = ["bố trí kinh phí", "phối hợp kiểm tra", "chủ động rà soát", "tổ chức tuyên truyền"]


@settings(deadline=None, max_examples=30)
@given(st.lists(st.sampled_from(_BODIES), min_size=1, max_size=3, unique=True), st.data())
def test_every_later_clause_subject_gets_one_duty(bodies: list[str], data: st.DataObject) -> None:
    clauses = "; ".join(f"{b} {data.draw(st.sampled_from(_WORK))}" for b in bodies)
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\n1. Giao Sở Y tế chủ trì tổ chức tập huấn; {clauses}.\n"
    got = dict((name, n) for name, _, n in table(duties_of(text, PROVINCE)[0]))
    assert got.pop("Sở Y tế") == 1
    assert len(got) == len(bodies) and all(n == 1 for n in got.values())


def test_a_body_opening_a_later_sentence_of_an_item_gets_that_sentence() -> None:
    text = """Thủ tướng Chính phủ yêu cầu:

1. Bộ Quốc phòng chỉ đạo các đơn vị huy động lực lượng cứu hộ.

2. Bộ Nông nghiệp và Môi trường khẩn trương thống kê thiệt hại, báo cáo Thủ tướng Chính phủ. Bộ
Tài chính khẩn trương xuất cấp gạo dự trữ quốc gia. Giao Bộ Quốc phòng chỉ đạo tổ chức vận chuyển
gạo đến cho Nhân dân. Cán bộ địa phương phải chịu trách nhiệm nếu để xảy ra sự cố.
"""
    got = table(duties_of(text, CENTRE)[0])
    assert sorted(got) == [
        ("Bộ Nông nghiệp và Môi trường", "assigned", 1),
        ("Bộ Quốc phòng", "assigned", 2),
        ("Bộ Tài chính", "assigned", 1),
    ]
