"""Who enacts (GUIDE, issuer): the office an enacting line names, not the body it heads.

"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" above the preamble makes the chair the issuer; so does a
minister's, a department head's or the Auditor General's line; a signature alone ("KT. BỘ
TRƯỞNG" under a ministry's letter) does not. Shapes written for the test, not copied.
"""

from __future__ import annotations

from kg.extract.header import extract_header
from kg.structure import parse
from kg.text import clean_text


def facts(text: str):
    return extract_header(parse(clean_text(text)))


def decision(block: str, authority: str, subject: str = "BAN HÀNH QUY CHẾ LÀM VIỆC") -> str:
    return f"""{block}
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 12/QĐ-X

Hà Nội, ngày 02 tháng 12 năm 2025

QUYẾT ĐỊNH
{subject}
{authority}
Căn cứ Nghị định số 25/2025/NĐ-CP;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.

Nơi nhận:
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Minh
"""


def test_a_ministers_enacting_line_under_a_subject_in_capitals():
    f = facts(decision("BỘ NỘI VỤ", "BỘ TRƯỞNG BỘ NỘI VỤ"))
    assert (f.issuer, f.issuer_level) == ("Bộ trưởng Bộ Nội vụ", "central")


def test_a_department_heads_line_under_its_ministry():
    f = facts(decision("BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "CỤC TRƯỞNG CỤC HẢI QUAN"))
    assert f.issuer == "Cục trưởng Cục Hải quan"


def test_a_title_that_holds_the_bodys_first_word():
    f = facts(decision("KIỂM TOÁN NHÀ NƯỚC", "TỔNG KIỂM TOÁN NHÀ NƯỚC"))
    assert f.issuer == "Tổng Kiểm toán Nhà nước"


def test_a_party_organs_head_with_the_enacting_word_on_his_line():
    block = "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN"
    f = facts(decision(block, "TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG QUYẾT ĐỊNH"))
    assert f.issuer == "Trưởng Ban Tuyên giáo và Dân vận Trung ương"


def test_a_deputy_never_enacts():
    f = facts(decision("BỘ NỘI VỤ", "PHÓ BỘ TRƯỞNG BỘ NỘI VỤ"))
    assert f.issuer == "Bộ Nội vụ"


def test_a_subject_in_capitals_that_wraps_is_not_an_authority():
    f = facts(decision("BỘ NỘI VỤ", "", subject="VỀ VIỆC BỔ NHIỆM\nGIÁM ĐỐC TRUNG TÂM\nDỮ LIỆU"))
    assert f.issuer == "Bộ Nội vụ"


def test_a_ministers_letter_signed_for_him_stays_the_ministrys():
    text = """BỘ NỘI VỤ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/BNV-TCBC
V/v rà soát biên chế

Hà Nội, ngày 02 tháng 12 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.

Bộ Nội vụ đề nghị các địa phương rà soát biên chế năm 2026.

Nơi nhận:
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Minh
"""
    assert facts(text).issuer == "Bộ Nội vụ"


def test_a_chair_heading_the_issuer_block():
    """ "CHỦ TỊCH ỦY BAN" / "NHÂN DÂN" / "TỈNH GIA LAI": the office heads the block itself."""
    f = facts(decision("CHỦ TỊCH ỦY BAN\nNHÂN DÂN\nTỈNH GIA LAI", ""))
    assert (f.issuer, f.province) == ("Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "Gia Lai")


def test_a_circulars_enacting_sentence():
    text = decision("NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM", "").replace(
        "QUYẾT ĐỊNH:\n",
        "Thống đốc Ngân hàng Nhà nước Việt Nam ban hành Thông tư sửa đổi Thông tư số 1.\n",
    )
    assert facts(text).issuer == "Thống đốc Ngân hàng Nhà nước Việt Nam"
