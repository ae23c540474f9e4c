"""Statistical and reporting forms (issue 10, class a): a calendar attached after the
signature under its own title ("LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ ..." + "(Ban hành kèm theo
Quyết định số ...)"), columns named in the form's own words, a row of column codes under the
header ("A / B / 1 / 2 / 3 / 4", how statistical forms number their columns), merged cells
that leave rows of two or three cells, and a unit column naming a ministry's departments,
which no list holds ("Vụ Chính quyền địa phương", "Cục Việc làm"). Snippets are hand-written
in the shape of a web copy (one cell per paragraph)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

from kg.extract.duties.collect import cell_bodies
from kg.structure.lines import is_code_row

_HEAD = (
    "BỘ Y TẾ\n\nSố: 7/QĐ-BYT\n\nHà Nội, ngày 3 tháng 11 năm 2025\n\n"
    "QUYẾT ĐỊNH\nVề việc ban hành Lịch phổ biến thông tin thống kê năm 2026\n\n"
    "BỘ TRƯỞNG BỘ Y TẾ\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Lịch phổ biến thông tin thống kê năm 2026.\n\n"
    "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn B\n\n"
    "LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026\n(Ban\n"
    "hành kèm theo Quyết định số 7/QĐ-BYT ngày 03 tháng 11 năm 2025)\n\n"
)
_COLUMNS = (
    "STT\n\nTên thông tin thống kê\n\nMức độ hoàn chỉnh của thông tin\n\nThời gian phổ biến\n\n"
    "Hình thức phổ biến\n\nĐơn vị chịu trách nhiệm phổ biến\n\n"
)
_CODES = "A\n\nB\n\n1\n\n2\n\n3\n\n4\n\n"


def _rows() -> str:
    return (
        "1\n\nSố cơ sở khám bệnh\n\nChính thức\n\nTháng 6/2026\n\nCổng thông tin điện tử\n\n"
        "Vụ Kế hoạch - Tài chính\n\n"
        "2\n\nSố giường bệnh\n\nChính thức\n\n"  # merged: the unit of the row above
        "3\n\nSố người hành nghề\n\n"
        "4\n\nSố ca mắc bệnh truyền nhiễm\n\nSơ bộ\n\nTháng 3/2026\n\nCổng thông tin điện tử\n\n"
        "Cục Phòng bệnh\n\n"
    )


def test_a_statistics_calendar_with_column_codes_and_merged_cells() -> None:
    got = agencies(_HEAD + _COLUMNS + _CODES + _rows())
    assert {k: a["duties"] for k, a in got.items()} == {
        "vụ kế hoạch - tài chính": 3,
        "cục phòng bệnh": 1,
    }
    assert got["cục phòng bệnh"]["first_duty"].startswith("Số ca mắc bệnh")


def test_without_its_code_row_such_a_header_is_no_table() -> None:
    """Four columns the list does not name, and no code row: not read as a table."""
    assert agencies(_HEAD + _COLUMNS + _rows()) == {}


def test_what_a_code_row_is() -> None:
    assert is_code_row(["A", "B", "1", "2", "3", "4"])
    assert is_code_row(["(1)", "(2)", "(3)"])
    assert is_code_row(["A", "B", "C"])
    assert not is_code_row(["A", "B"])  # too short to tell
    assert not is_code_row(["1", "2", "4"])  # out of order
    assert not is_code_row(["1", "A", "B"])  # letters after numbers
    assert not is_code_row(["B", "C", "1"])  # letters from A
    assert not is_code_row(["1", "Số liệu", "3"])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4), st.integers(1, 6))
def test_letters_then_numbers_in_column_order_are_codes(letters: int, numbers: int) -> None:
    codes = [chr(ord("A") + i) for i in range(letters)] + [str(i + 1) for i in range(numbers)]
    assert is_code_row(codes) == (len(codes) >= 3)
    if len(codes) >= 3:
        assert not is_code_row([*codes, codes[-1]])  # a repeated code breaks the order


def test_a_unit_cell_names_departments_whole() -> None:
    def names(cell: str) -> list[str]:
        return [cell[b.start : b.end] for b in cell_bodies(cell)]

    assert names("Vụ Chính quyền địa phương") == ["Vụ Chính quyền địa phương"]
    assert names("Cục Tiền lương và Bảo hiểm xã hội") == ["Cục Tiền lương và Bảo hiểm xã hội"]
    assert names("Cục Việc làm; Vụ Pháp chế") == ["Cục Việc làm", "Vụ Pháp chế"]
    assert names("Sở Y tế") == ["Sở Y tế"]  # a body the data knows
    assert names("Văn phòng Chính phủ") == ["Văn phòng Chính phủ"]


def test_a_web_copys_tail_joined_to_the_last_row_is_no_unit() -> None:
    """The last row runs on into the page's tail ("Văn bản này chưa cập nhật ...", the
    document's title again): more cells than the header's columns, and no unit opening the
    unit cell; the row keeps the merged unit of the rows above it."""
    tail = (
        "5\n\nSố trạm y tế xã\n\nChính thức\n\nQuyết định 7/QĐ-BYT năm 2025 về Lịch phổ biến "
        "của Bộ Y tế\n\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n\nQuyết định 7/QĐ-BYT "
        "ngày 03/11/2025 của Bộ Y tế\n\nBan hành:\n\n08/10/2025\n\nCập nhật:\n\n10/10/2025\n"
    )
    got = agencies(_HEAD + _COLUMNS + _CODES + _rows() + tail)
    assert {k: a["duties"] for k, a in got.items()} == {
        "vụ kế hoạch - tài chính": 3,
        "cục phòng bệnh": 2,
    }
