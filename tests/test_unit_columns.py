"""Tables that hand out their rows by a column of units, whatever they are headed (issue 10):
a plan's annex ("Đơn vị thực hiện" / "Đơn vị phối hợp"), a reporting calendar ("Đơn vị chịu
trách nhiệm"), a list of tasks ("Trách nhiệm thực hiện"), with sub-rows ("1.1") under group rows
("A", "I") and merged unit cells printed once for the rows they cover. GUIDE: a row is one duty
of each unit in that column, with its partners and its time. A table of administrative
procedures has a "Cơ quan thực hiện" column too, and hands out nothing. Snippets are
hand-written in the shapes of web copies (one cell per line, or one per paragraph)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

from kg.extract.duties.collect import rejoin_dangling
from kg.extract.duties.columns import read_header

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 12/KH-UBND\n\nAn Giang, ngày 3 tháng 11 năm 2025\n\n"
    "KẾ HOẠCH\nPhát triển kinh tế số\n\n"
    "I. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n"
    "- Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.\n\n"
)
_SIGN = (
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
    "Nguyễn Văn A\n\n"
)
_ANNEX = "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 03/11/2025)\n\n"


def _doc(table: str) -> dict[str, tuple[int, bool, list[str]]]:
    got = agencies(_HEAD + _SIGN + _ANNEX + table)
    return {k: (a["duties"], a["leads"], a["coordinates_with"]) for k, a in got.items()}


def test_a_plan_annex_with_group_rows_and_sub_rows() -> None:
    """'Đơn vị thực hiện' beside 'Đơn vị phối hợp' is the chủ trì / phối hợp split; group rows
    ("A", "I") are no task; "1.1" rows are rows; a unit cut after "và" is one unit."""
    table = (
        "STT\n\nNhiệm vụ, giải\npháp\n\nĐơn vị thực hiện\n\nĐơn vị phối hợp\n\n"
        "Thời gian thực\nhiện\n\nSản phẩm đầu ra\n\n"
        "A\n\nPHÁT TRIỂN NỀN MÓNG CHO\nKINH TẾ SỐ\n\nI\n\nHoàn thiện thể chế\n\n"
        "1.1\n\nRà soát các quy định pháp luật về kinh tế số\n\nSở Tư pháp\n\n"
        "Sở Nội vụ; UBND các xã, phường\n\n2026 - 2030\n\nCác văn bản\n\n"
        "1.2\n\nTriển khai nền tảng số dùng chung\n\nSở Khoa học và\nCông nghệ\n\n"
        "Sở Tài chính\n\n2026\n\nNền tảng\n\n"
        "II\n\nPhát triển hạ tầng\n\n"
        "2.1\n\nPhát triển hạ tầng thương mại điện tử\n\nSở Công Thương\n\n"
        "Sở Tài chính\n\n2027\n\nKế hoạch\n\n"
    )
    got = _doc(table)
    assert got["sở tư pháp"] == (1, True, ["Sở Nội vụ", "Ủy ban nhân dân các xã, phường"])
    assert got["sở khoa học và công nghệ"] == (2, True, ["Sở Tài chính"])
    assert got["sở công thương"] == (1, True, ["Sở Tài chính"])
    assert "sở tài chính" not in got and "sở nội vụ" not in got  # partners only


def test_a_reporting_calendar_hands_each_report_to_its_unit() -> None:
    table = (
        "STT\nTên báo cáo\nĐơn vị chịu trách nhiệm\nThời hạn báo cáo\n"
        "1\nBáo cáo tình hình thu ngân sách\nSở Tài chính\nTrước ngày 15 hằng tháng\n"
        "2\nBáo cáo kết quả giải ngân vốn đầu tư công\nSở Tài chính\nTrước ngày 20 hằng tháng\n"
        "3\nBáo cáo tình hình xuất khẩu\nSở Công Thương\nHằng quý\n"
    )
    got = _doc(table)
    assert got["sở tài chính"] == (2, True, [])
    assert got["sở công thương"] == (1, True, [])


def test_a_merged_unit_cell_covers_the_rows_below_it() -> None:
    """A web copy prints a merged cell once: rows of the same level that come short of the
    header's columns take the unit (and the partners) of the row above, until the next unit."""
    table = (
        "TT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n"
        "1\nXây dựng kế hoạch chuyển đổi số\nSở Y tế\nSở Tài chính\nQuý I/2026\n"
        "2\nTriển khai bệnh án điện tử\nQuý II/2026\n"
        "3\nKết nối dữ liệu khám chữa bệnh\nQuý III/2026\n"
        "4\nTriển khai học bạ số\nSở Giáo dục và Đào tạo\nSở Nội vụ\n2026\n"
        "5\nSố hóa hồ sơ học sinh\n2027\n"
    )
    got = _doc(table)
    assert got["sở y tế"] == (3, True, ["Sở Tài chính"])
    assert got["sở giáo dục và đào tạo"] == (2, True, ["Sở Nội vụ"])


def test_a_single_column_of_units_that_carry_the_rows_out() -> None:
    """'Cơ quan thực hiện' with no phối hợp column: the units take part, no one leads."""
    table = (
        "TT\nNội dung\nCơ quan thực hiện\nThời gian\n"
        "1\nTuyên truyền về chuyển đổi số\nSở Văn hóa, Thể thao và Du lịch\n2026\n"
        "2\nTập huấn kỹ năng số\nSở Nội vụ\n2026\n"
    )
    got = _doc(table)
    assert got["sở văn hóa, thể thao và du lịch"] == (1, False, [])
    assert got["sở nội vụ"] == (1, False, [])


def test_a_table_of_administrative_procedures_hands_out_nothing() -> None:
    table = (
        "STT\nMã TTHC\nTên thủ tục hành chính\nCơ quan thực hiện\nCăn cứ pháp lý\n"
        "1\n1.014464\nCấp giấy chứng nhận lưu hành tự do\nSở Công Thương\n"
        "Nghị định 69/2018/NĐ-CP\n"
    )
    got = _doc(table)
    assert "sở công thương" not in got


def test_what_each_header_names() -> None:
    h = read_header(["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"])
    assert h is not None and (h.unit, h.task, h.leads) == (4, 1, True)
    h = read_header(["STT", "Nội dung", "Đơn vị chịu trách nhiệm cung cấp", "Thời hạn"])
    assert h is not None and (h.unit, h.task, h.time, h.leads) == (2, 1, 3, True)
    h = read_header(["TT", "Nhiệm vụ", "Trách nhiệm thực hiện", "Sản phẩm"])
    assert h is not None and (h.unit, h.partner, h.leads) == (2, None, False)
    h = read_header(["TT", "Nội dung", "Cơ quan thực hiện", "Cơ quan phối hợp", "Thời gian"])
    assert h is not None and (h.unit, h.partner, h.time, h.leads) == (2, 3, 4, True)
    assert read_header(["TT", "Nội dung", "Đơn vị tính", "Định mức"]) is None
    assert read_header(["Thứ tự công việc", "Nội dung công việc", "Đơn vị thực hiện"]) is None


_UNITS = ["Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Công an tỉnh", "Sở Xây dựng"]
_UNIT_COLUMNS = [
    "Đơn vị chủ trì",
    "Cơ quan chủ trì",
    "Đơn vị chịu trách nhiệm",
    "Cơ quan, đơn vị chủ trì",
    "Đơn vị phụ trách",
]


@given(
    column=st.sampled_from(_UNIT_COLUMNS),
    runs=st.lists(
        st.tuples(st.sampled_from(_UNITS), st.integers(1, 3), st.booleans()),
        min_size=1,
        max_size=5,
    ),
    paras=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_every_row_is_one_duty_of_the_unit_printed_on_it_or_above_it(
    column: str, runs: list[tuple[str, int, bool]], paras: bool
) -> None:
    """However the unit column is named and however many rows each merged unit cell covers,
    each unit gets one duty per row it covers (the time cell of a covered row is printed or
    merged too)."""
    sep = "\n\n" if paras else "\n"
    cells = ["TT", "Nội dung công việc", column, "Thời gian hoàn thành"]
    n = 0
    want: dict[str, int] = {}
    for unit, count, time_merged in runs:
        for k in range(count):
            n += 1
            row = [str(n), f"Thực hiện nhiệm vụ số {n} về chuyển đổi số"]
            if k == 0:
                row.append(unit)
            if k == 0 or not time_merged:
                row.append(f"Quý {1 + n % 4}/2026")
            cells += row
        want[unit.lower()] = want.get(unit.lower(), 0) + count
    got = _doc(sep.join(cells) + "\n")
    table_units = {k: v[0] for k, v in got.items() if k != "sở khoa học và công nghệ"}
    assert table_units == want


@given(
    st.lists(st.sampled_from(["Sở Y tế", "và", "Sở Nội vụ,", "Công an", "2026", ""]), max_size=6)
)
def test_rejoining_cut_cells_keeps_every_word_in_order(cells: list[str]) -> None:
    out = rejoin_dangling(["1", *cells])
    assert " ".join(x for x in out if x) == " ".join(x for x in ["1", *cells] if x)
    assert out[0] == "1"


def test_a_row_that_lost_a_cell_before_its_unit_is_read_from_the_right() -> None:
    """An indicator table whose unit column comes last ('Cơ quan chủ trì theo dõi, đánh giá'):
    a copy that joined the unit of measure and the value ("%" / "100%") leaves the row one
    cell short, its unit in the cell before; a merged unit cell whose row still prints the
    partners of the row above is the unit of the row above."""
    table = (
        "TT\n\nChỉ tiêu\n\nĐơn vị\n\nKết quả\n\nCơ quan chủ trì\ntheo dõi, đánh giá\n\n"
        "I\n\nGiai đoạn 2025-2027\n\n"
        "1\n\nTỉ lệ dịch vụ công trực tuyến toàn trình.\n\n%\n100%\n\nSở Khoa học và Công nghệ\n\n"
        "2\n\nTỉ lệ hồ sơ được số hóa.\n\n%\n\n90%\n\nSở Nội vụ\n\n"
    )
    got = _doc(table)
    assert got["sở khoa học và công nghệ"][0] == 2  # its own item and the first row
    assert got["sở nội vụ"] == (1, True, [])
    table = (
        "TT\nNội dung\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian\n"
        "1\nXây dựng kế hoạch chuyển đổi số\nSở Y tế\nSở Tài chính\n2026\n"
        "2\nTriển khai bệnh án điện tử\nSở Tài chính\n2027\n"
    )
    got = _doc(table)
    assert got["sở y tế"] == (2, True, ["Sở Tài chính"])
    assert "sở tài chính" not in got


def test_a_header_with_columns_the_list_does_not_name() -> None:
    """Up to three column names the list lacks ("Hình thức văn bản", "Cấp ban hành") do not hide
    a table whose header names its column of units; a table title before "TT" is no column."""
    table = (
        "DANH MỤC VĂN BẢN\nTT\nTên văn bản\nHình thức văn bản\nCấp ban hành\n"
        "Cơ quan chủ trì soạn thảo\nThời gian trình\n"
        "1\nQuy định về quản lý chợ\nQuyết định\nUBND tỉnh\nSở Công Thương\nQuý I/2026\n"
        "2\nQuy định về bảo vệ môi trường\nQuyết định\nUBND tỉnh\nSở Nông nghiệp và Môi trường"
        "\nQuý II/2026\n"
    )
    got = _doc(table)
    assert got["sở công thương"] == (1, True, [])
    assert got["sở nông nghiệp và môi trường"] == (1, True, [])


def test_a_unit_cell_naming_the_universities_and_colleges() -> None:
    """ "Các Trường Đại học, Cao đẳng trên địa bàn tỉnh" in a unit cell: the schools of those
    levels (phrases:school-levels), not "Các trường các trường"."""
    table = (
        "TT\nNội dung\nĐơn vị chủ trì\nThời gian\n"
        "1\nMở chuyên ngành đào tạo về chuyển đổi số\nCác Trường Đại học, Cao đẳng trên địa bàn"
        " tỉnh\n2026\n"
        "2\nĐào tạo kỹ năng số\nCác trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh\n2027\n"
    )
    got = _doc(table)
    assert got["các trường đại học, cao đẳng"][:2] == (1, True)
    assert got["các trường đại học, cao đẳng, trung cấp"][:2] == (1, True)
