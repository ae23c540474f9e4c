"""Shapes of real documents (web copies of NĐ 30/2020 documents) the extractor must read.

Each text here is written for the test in the shape real copies take: header cells on
their own lines, a number on the line after "Số:", five-digit numbers, a web page's
metadata table before the document, a letter with "Kính gửi" and no type line.
"""

from __future__ import annotations

from snippets import record

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


CENTRAL = """VĂN PHÒNG CHÍNH
PHỦ
-------

CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 623/TB-VPCP

Hà Nội, ngày 15 tháng 11 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC
"""

UNIT_OF_MINISTRY = CENTRAL.replace("VĂN PHÒNG CHÍNH\nPHỦ", "BỘ\nTÀI CHÍNH\nCỤC HẢI QUAN")


def test_a_central_issuer_wrapped_over_lines_is_read_whole():
    f = facts(CENTRAL)
    assert (f.issuer, f.issuer_level) == ("Văn phòng Chính phủ", "central")


def test_a_unit_printed_under_its_ministry_issues():
    f = facts(UNIT_OF_MINISTRY)
    assert (f.issuer, f.issuer_level) == ("Cục Hải quan", "central")


PARTY = """BAN CHẤP HÀNH
TRUNG ƯƠNG
BAN TỔ CHỨC
ĐẢNG CỘNG SẢN
VIỆT NAM
Số 45-HD/BTCTW
Hà Nội, ngày 21 tháng 11 năm 2025
HƯỚNG DẪN
MỘT SỐ NỘI DUNG VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ
"""


def test_an_organ_of_the_central_committee_and_the_party_heading_wrapped():
    f = facts(PARTY)
    assert (f.issuer, f.issuer_level, f.issuer_kind) == (
        "Ban Tổ chức Trung ương",
        "central",
        "party",
    )


def test_wrapped_people_committee_and_national_heading():
    text = SPLIT_HEADER.replace(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert facts(text).issuer == "Ủy ban nhân dân tỉnh Lai Châu"


def test_the_chair_enacts_when_the_text_says_so():
    chair = SPLIT_HEADER.replace(
        "Căn cứ Luật", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\\nCăn cứ Luật"
    ).replace("\\\\n", "\\n")
    assert facts(chair.replace("\\n", "\n")).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"
    says = SPLIT_HEADER + "\\nChủ tịch Ủy ban nhân dân tỉnh yêu cầu:\\n1. Sở Y tế: chủ trì.\\n"
    assert facts(says.replace("\\n", "\n")).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"


CONCLUSION = (
    CENTRAL
    + """
I. ĐÁNH GIÁ CHUNG
Tỉnh đã đạt nhiều kết quả quan trọng.
II. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH
1. Về đề nghị sửa đổi quy định về chuyển mục đích sử dụng rừng: giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Tài chính nghiên cứu, báo cáo Thủ tướng Chính phủ.
2. Về dự án nạo vét luồng tàu: Bộ Xây dựng khẩn trương rà soát, bàn giao dự án cho tỉnh.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
"""
)


def test_a_conclusion_hands_out_work_inside_its_items():
    rec = record(CONCLUSION)
    got = {a["agency"]: a for a in rec["assignments"]}
    assert got["Bộ Nông nghiệp và Môi trường"]["leads"]
    assert got["Bộ Nông nghiệp và Môi trường"]["coordinates_with"] == ["Bộ Tài chính"]
    assert "Bộ Xây dựng" in got


LETTER_HEADER = """VĂN PHÒNG CHÍNH
PHỦ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 11414/VPCP-CN
V/v đẩy nhanh tiến độ Dự án đường cao tốc
Bến Lức - Long Thành

Hà Nội, ngày 20
tháng 11 năm 2025

Kính gửi:

- Bộ Xây dựng;
- Ủy ban nhân dân tỉnh Đồng Nai.
"""


def test_a_letter_subject_wrapped_before_a_proper_noun_keeps_the_date_after_it():
    f = facts(LETTER_HEADER)
    assert (f.type, f.number, f.date) == ("Công văn", "11414/VPCP-CN", "2025-11-20")
    assert f.subject.endswith("Bến Lức - Long Thành")
