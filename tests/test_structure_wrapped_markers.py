"""Markers a web copy printed alone on their line (issue 10): "1.2." then the heading, "Điều"
then "10. Trách nhiệm ...", "+ Sở" then the rest of the body's name."""

from __future__ import annotations

from kg.structure import parse
from kg.structure.parser import format_tree
from kg.text import clean_text

TEXT = """IV. NHIỆM VỤ CỤ THỂ

1.
Nhiệm vụ của các thành viên

1.1.
Sở Tài chính

-
Tham mưu kế hoạch kiểm kê tài sản.

- Tổng hợp kết quả kiểm kê.

1.2.
Các sở chuyên ngành

+ Sở
Xây dựng: hướng dẫn kiểm kê đường bộ.

+ Sở
Công Thương: hướng dẫn kiểm kê chợ.

Chương III

TỔ CHỨC THỰC HIỆN

Điều
10. Trách nhiệm của các xã

1. Lập danh sách tài sản.
"""


def test_a_marker_alone_on_its_line_opens_the_unit_of_the_next_line() -> None:
    tree = format_tree(parse(clean_text(TEXT)))
    lines = [" ".join(x.split()) for x in tree.splitlines()]
    assert "item 1 Nhiệm vụ của các thành viên" in lines
    assert "item 1.1 Sở Tài chính" in lines
    assert "bullet - Tham mưu kế hoạch kiểm kê tài sản" in lines
    assert "bullet + Sở Xây dựng: hướng dẫn kiểm kê đường bộ" in lines
    assert "article Điều 10 Trách nhiệm của các xã" in lines
    assert not any(x.startswith("paragraph 1.1") for x in lines)


def test_a_part_title_in_capitals_wrapped_onto_the_next_line_is_one_title() -> None:
    tree = format_tree(parse(clean_text("V. TỔ CHỨC\nTHỰC HIỆN\n\n1. Sở Y tế chủ trì kiểm tra.\n")))
    assert "part V TỔ CHỨC THỰC HIỆN" in [" ".join(x.split()) for x in tree.splitlines()]
