"""Shapes of real documents (web copies of NĐ 30/2020 documents) the extractor must read.

Each text here is written for the test in the shape real copies take: header cells on
their own lines, a number on the line after "Số:", five-digit numbers, a web page's
metadata table before the document, a letter with "Kính gửi" and no type line.
"""

from __future__ import annotations

from kg.extract.header import extract_header
from kg.structure import parse
from kg.text import clean_text

SPLIT_HEADER = """ỦY BAN NHÂN
DÂN
TỈNH LAI CHÂU
--------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số:
02124/QĐ-UBND

Lai Châu, ngày
19 tháng 11 năm 2025

QUYẾT ĐỊNH
Về việc phê duyệt kế hoạch

Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;
"""


def facts(text: str):
    return extract_header(parse(clean_text(text)))


def test_number_on_the_line_after_so_and_five_digits():
    f = facts(SPLIT_HEADER)
    assert f.number == "02124/QĐ-UBND"
    assert f.date == "2025-11-19"
    assert f.type == "Quyết định"


def test_year_in_the_number():
    f = facts(SPLIT_HEADER.replace("02124/QĐ-UBND", "21/2025/NQ-HĐND"))
    assert f.number == "21/2025/NQ-HĐND"


CHROME = """Bản dịch này thuộc quyền sở hữu của trang.
X
Đang tải văn bản...
#
Số hiệu:

37691/TB-CHQ

Loại văn bản:

Thông báo

Ngày ban hành:

21/11/2025

Tình trạng:

Đã biết

"""


def test_web_page_metadata_before_the_header_is_not_the_header():
    f = facts(CHROME + SPLIT_HEADER)
    assert f.number == "02124/QĐ-UBND"
    assert f.type == "Quyết định"
    assert f.date == "2025-11-19"


LETTER = """Kính gửi:

- Sở Y tế;
- Ủy ban nhân dân các xã, phường.

Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, đề nghị các đơn vị triển khai.
"""


def test_a_letter_with_kinh_gui_and_no_type_line_is_a_cong_van():
    assert facts(LETTER).type == "Công văn"
