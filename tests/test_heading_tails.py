"""A heading whose body's proper name wraps alone onto the next line ("2. Ban Quản lý Khu
kinh tế" / "Đông Nam"): the tail is the name's, not a duty."""

from __future__ import annotations

from snippets import duties_of, table

from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Nghệ An", issuer_level="province", province="Nghệ An"
)

PLAN = """IV. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

- Chủ trì hướng dẫn triển khai Kế hoạch.

2. Ban Quản lý Khu kinh tế
Đông Nam

- Đề xuất những khu công nghiệp cần ứng dụng công nghệ cao.

- Tạo điều kiện thuận lợi để các doanh nghiệp khảo sát vị trí lắp đặt trạm.
"""


def test_a_name_tail_on_its_own_line_is_no_duty() -> None:
    got = table(duties_of(PLAN, FACTS)[0])
    zone = [n for b, _m, n in got if b.startswith("Ban Quản lý Khu kinh tế")]
    assert zone == [2]
    assert ("Sở Khoa học và Công nghệ", "assigned", 1) in got
