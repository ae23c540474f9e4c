"""Header facts on small documents written for each drafting convention."""

from __future__ import annotations

import pytest

from kg.extract.header import extract_header, extract_recipients
from kg.extract.refs import extract_refs
from kg.structure import parse
from kg.text import clean_text


def facts_of(text: str):
    clean = clean_text(text)
    return extract_header(parse(clean), extract_refs(parse(clean)))


STATE_DISTRICT = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CON CUÔNG\tĐộc lập - Tự do - Hạnh phúc
Số: 45/KH-UBND\tCon Cuông, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Phòng, chống đuối nước trẻ em năm 2024
Thực hiện Kế hoạch số 30/KH-UBND ngày 12/01/2024 của UBND tỉnh Nghệ An về phòng, chống tai nạn thương tích trẻ em, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Giảm số trẻ em bị đuối nước.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền.
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);\tKT. CHỦ TỊCH
- Các phòng, ban, ngành;\tPHÓ CHỦ TỊCH
- Lưu: VT.
Lê Thị Mai
"""


def test_state_district_header():
    f = facts_of(STATE_DISTRICT)
    assert f.type == "Kế hoạch"
    assert f.number == "45/KH-UBND"
    assert f.date == "2024-03-05"
    assert f.issuer == "Ủy ban nhân dân huyện Con Cuông"
    assert (f.issuer_level, f.issuer_kind) == ("district", "state")
    assert (f.province, f.district) == ("Nghệ An", "Con Cuông")
    assert (f.signer, f.signer_title, f.signature_mode) == ("Lê Thị Mai", "Phó Chủ tịch", "TM.")
    assert f.subject == "Phòng, chống đuối nước trẻ em năm 2024"


def test_every_fact_has_a_span_inside_the_text():
    f = facts_of(STATE_DISTRICT)
    for name in ("type", "number", "date", "issuer", "signer", "signer_title", "subject"):
        span = f.spans[name]
        assert 0 <= span.start < span.end <= len(STATE_DISTRICT), name
    s = f.spans["number"]
    assert STATE_DISTRICT[s.start : s.end] == "45/KH-UBND"
    s = f.spans["signer"]
    assert STATE_DISTRICT[s.start : s.end] == "Lê Thị Mai"


PARTY_DISTRICT = """ĐẢNG BỘ TỈNH NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY CON CUÔNG
*
Số 12-KH/HU\tCon Cuông, ngày 10 tháng 4 năm 2024
KẾ HOẠCH
thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị
Thực hiện Hướng dẫn số 70-HD/BTGTU ngày 20/3/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:
I- MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc Chỉ thị.
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (để b/c),
- Lưu Văn phòng Huyện ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Vi Văn Sơn
"""


def test_party_header_numbers_dates_and_standing_board():
    f = facts_of(PARTY_DISTRICT)
    assert f.number == "12-KH/HU"
    assert f.date == "2024-04-10"
    assert f.issuer == "Ban Thường vụ Huyện ủy Con Cuông"
    assert (f.issuer_level, f.issuer_kind) == ("district", "party")
    assert (f.province, f.district) == ("Nghệ An", "Con Cuông")
    assert f.signer_title == "Phó Bí thư Thường trực"
    assert f.signer == "Vi Văn Sơn"


def test_blank_number_and_day_follow_the_text():
    text = PARTY_DISTRICT.replace("Số 12-KH/HU", "Số    -KH/HU").replace(
        "ngày 10 tháng 4 năm 2024", "ngày    tháng 4 năm 2024"
    )
    f = facts_of(text)
    assert f.number is None
    assert f.date == "2024-04"
    f = facts_of(text.replace("tháng 4 năm", "tháng    năm"))
    assert f.date == "2024"


PROVINCE_DECISION = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG TRỊ\tĐộc lập - Tự do - Hạnh phúc
Số: 1234/QĐ-UBND\tQuảng Trị, ngày 12 tháng 5 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch thực hiện Chương trình hành động vì trẻ em
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 1183/QĐ-TTg ngày 14/10/2024 của Thủ tướng Chính phủ;
Xét đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 55/TTr-SLĐTBXH ngày 02/5/2024.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:\tKT. CHỦ TỊCH
- Như Điều 3;\tPHÓ CHỦ TỊCH
- Lưu: VT, VX.
Hoàng Nam
"""


def test_decision_with_articles():
    f = facts_of(PROVINCE_DECISION)
    assert f.type == "Quyết định"
    assert f.number == "1234/QĐ-UBND"
    assert f.date == "2024-05-12"
    # GUIDE: the enacting line "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" makes the Chủ tịch the issuer
    assert f.issuer == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị"
    assert (f.issuer_level, f.province, f.district) == ("province", "Quảng Trị", None)
    assert f.subject == "ban hành Kế hoạch thực hiện Chương trình hành động vì trẻ em"
    assert (f.signer, f.signer_title) == ("Hoàng Nam", "Phó Chủ tịch")


CONG_VAN = """UBND TỈNH BÌNH PHƯỚC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\tĐộc lập - Tự do - Hạnh phúc
Số: 321/SLĐTBXH-BVCSTE\tBình Phước, ngày 02 tháng 6 năm 2024
V/v triển khai Tháng hành động vì trẻ em năm 2024
Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.
Thực hiện Kế hoạch số 64/KH-UBND ngày 22/02/2024 của UBND tỉnh, Sở đề nghị các địa phương triển khai.
Nơi nhận:\tKT. GIÁM ĐỐC
- Như trên;\tPHÓ GIÁM ĐỐC
- Lưu: VT, BVCSTE.
Trần Văn Bình
"""


def test_cong_van_of_a_department():
    f = facts_of(CONG_VAN)
    assert f.type == "Công văn"
    assert f.number == "321/SLĐTBXH-BVCSTE"
    assert f.issuer == "Sở Lao động - Thương binh và Xã hội tỉnh Bình Phước"
    assert (f.issuer_level, f.issuer_kind, f.province) == ("province", "state", "Bình Phước")
    assert f.subject == "triển khai Tháng hành động vì trẻ em năm 2024"
    assert (f.signer, f.signer_title) == ("Trần Văn Bình", "Phó Giám đốc")


COMMUNE = """UBND HUYỆN CON CUÔNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND XÃ MÔN SƠN\tĐộc lập - Tự do - Hạnh phúc
Số: 08/KH-UBND\tMôn Sơn, ngày 15 tháng 3 năm 2024
KẾ HOẠCH
Tổ chức Tháng hành động vì trẻ em năm 2024
I. MỤC ĐÍCH
1. Bảo đảm an toàn cho trẻ em.
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- UBND huyện;\tCHỦ TỊCH
- Lưu: VP.
Lương Văn Tám
"""


def test_commune_plan_gets_district_and_province():
    f = facts_of(COMMUNE)
    assert f.issuer == "Ủy ban nhân dân xã Môn Sơn"
    assert (f.issuer_level, f.commune) == ("commune", "Môn Sơn")
    assert (f.district, f.province) == ("Con Cuông", "Nghệ An")
    assert f.signer_title == "Chủ tịch"


MERGED_2025 = """UBND TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND XÃ MƯỜNG XÉN\tĐộc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND\tMường Xén, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Bảo vệ trẻ em trên địa bàn xã sau sắp xếp đơn vị hành chính
I. MỤC ĐÍCH
1. Ổn định bộ máy.
"""


def test_post_2025_commune_sits_directly_under_the_province():
    f = facts_of(MERGED_2025)
    assert f.issuer == "Ủy ban nhân dân xã Mường Xén"
    assert (f.issuer_level, f.province, f.district) == ("commune", "Nghệ An", None)


NO_HEADER = """KẾ HOẠCH
Thực hiện công tác gia đình năm 2025
Thực hiện Kế hoạch số 10/KH-UBND ngày 05/01/2025 của UBND tỉnh Long An. Ủy ban nhân dân huyện Châu Thành ban hành Kế hoạch thực hiện công tác gia đình năm 2025 như sau:
I. MỤC TIÊU
1. Đến năm 2030, 90% hộ gia đình được tuyên truyền.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đỗ Văn Hòa
"""


def test_headerless_plan_reads_issuer_from_opening_and_year_from_text():
    f = facts_of(NO_HEADER)
    assert f.number is None
    assert f.date == "2025"  # the plan's own year, not the 2030 horizon
    s = f.spans["date"]
    assert NO_HEADER[s.start : s.end] == "năm 2025"
    # Châu Thành exists in many provinces: the province named in the text decides
    assert f.issuer == "Ủy ban nhân dân huyện Châu Thành"
    assert (f.province, f.district) == ("Long An", "Châu Thành")
    assert f.signer == "Đỗ Văn Hòa"


def test_no_year_is_guessed_from_horizons_alone():
    text = NO_HEADER.replace("công tác gia đình năm 2025", "công tác gia đình")
    assert facts_of(text).date is None


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
        ("CHỦ TỊCH", "Chủ tịch"),
        ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Phó Bí thư Thường trực"),
        ("BÍ THƯ", "Bí thư"),
        ("PHÓ GIÁM ĐỐC", "Phó Giám đốc"),
        ("PHÓ TRƯỞNG BAN", "Phó Trưởng ban"),
    ],
)
def test_signer_titles_in_title_case(printed, title):
    text = STATE_DISTRICT.replace("\tPHÓ CHỦ TỊCH", "\t" + printed)
    assert facts_of(text).signer_title == title


def test_subject_stops_where_the_opening_starts():
    text = STATE_DISTRICT.replace(
        "Thực hiện Kế hoạch số 30", "Ngày 12/01/2024, UBND tỉnh ban hành Kế hoạch số 30"
    )
    assert facts_of(text).subject == "Phòng, chống đuối nước trẻ em năm 2024"


def test_recipients_as_printed():
    text = """KẾ HOẠCH
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Thường trực Tỉnh ủy; | để b/c
- TTHU, TTHĐND huyện; (b/c)
- Sở LĐ-TB&XH;\tCHỦ TỊCH
- Lưu: VT, LĐTBXH (Giang).
Nguyễn Văn A
"""
    clean = clean_text(text)
    got = [r.text for r in extract_recipients(parse(clean))]
    assert got == [
        "Thường trực Tỉnh ủy (để b/c)",
        "TTHU, TTHĐND huyện (b/c)",
        "Sở LĐ-TB&XH",
        "Lưu: VT, LĐTBXH (Giang)",
    ]
    for r in extract_recipients(parse(clean)):
        assert text[r.span.start : r.span.end].startswith(r.text[:5])


PROVINCIAL_PARTY = """TỈNH ỦY BÌNH PHƯỚC\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 150-KH/TU\tĐồng Xoài, ngày 02 tháng 4 năm 2024
KẾ HOẠCH
thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị
Thực hiện Chỉ thị số 28-CT/TW, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau:
I- MỤC ĐÍCH, YÊU CẦU
1. Quán triệt.
Nơi nhận:
- Ban Bí thư Trung ương Đảng (để b/c),
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Mạnh Cường
"""


def test_provincial_party_committee():
    f = facts_of(PROVINCIAL_PARTY)
    assert f.issuer == "Ban Thường vụ Tỉnh ủy Bình Phước"
    assert (f.issuer_level, f.issuer_kind, f.province, f.district) == (
        "province",
        "party",
        "Bình Phước",
        None,
    )
    assert (f.number, f.date, f.signer_title) == ("150-KH/TU", "2024-04-02", "Bí thư")


GUIDANCE = """TỈNH ỦY NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM
BAN TUYÊN GIÁO
*
Số 70-HD/BTGTU\tNghệ An, ngày 20 tháng 3 năm 2024
HƯỚNG DẪN
tuyên truyền Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị
Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:
I- MỤC ĐÍCH
1. Tuyên truyền sâu rộng.
Nơi nhận:
- Các huyện, thành, thị ủy,
- Lưu BTG.
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Hồ Thị Lan
"""


def test_guidance_of_a_party_board():
    f = facts_of(GUIDANCE)
    assert f.type == "Hướng dẫn"
    assert f.issuer == "Ban Tuyên giáo Tỉnh ủy Nghệ An"
    assert (f.issuer_level, f.issuer_kind, f.province) == ("province", "party", "Nghệ An")
    assert (f.signer, f.signer_title, f.signature_mode) == ("Hồ Thị Lan", "Phó Trưởng ban", "KT.")


COMMUNE_PARTY_2025 = """ĐẢNG BỘ TỈNH NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ MƯỜNG XÉN
*
Số 05-KH/ĐU\tMường Xén, ngày 01 tháng 9 năm 2025
KẾ HOẠCH
chăm sóc, giáo dục và bảo vệ trẻ em
I- MỤC ĐÍCH
1. Nâng cao nhận thức.
T/M ĐẢNG ỦY
BÍ THƯ
Lữ Văn Hùng
"""


def test_commune_party_committee_after_the_2025_reform():
    f = facts_of(COMMUNE_PARTY_2025)
    assert f.issuer == "Đảng ủy xã Mường Xén"
    assert (f.issuer_level, f.issuer_kind, f.province, f.district) == (
        "commune",
        "party",
        "Nghệ An",
        None,
    )


DECISION_WITH_PLAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc
Số: 777/QĐ-UBND\tHà Tĩnh, ngày 03 tháng 4 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chỉ thị số 28-CT/TW
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 28-CT/TW.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Giám đốc các sở chịu trách nhiệm thi hành.
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Như Điều 3;\tCHỦ TỊCH
- Lưu: VT.
Võ Trọng Hải
KẾ HOẠCH
Thực hiện Chỉ thị số 28-CT/TW
(Ban hành kèm theo Quyết định số 777/QĐ-UBND ngày 03/4/2024 của UBND tỉnh)
I. MỤC ĐÍCH
1. Cụ thể hóa Chỉ thị.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y Tế
Chủ trì triển khai.
"""


def test_decision_with_an_attached_plan():
    f = facts_of(DECISION_WITH_PLAN)
    assert (f.type, f.number, f.date) == ("Quyết định", "777/QĐ-UBND", "2024-04-03")
    assert f.issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    # the name is read right below the signature, not from the appendix
    assert (f.signer, f.signer_title) == ("Võ Trọng Hải", "Chủ tịch")


def test_central_directive_signed_for_the_politburo():
    text = """BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 28-CT/TW\tHà Nội, ngày 25 tháng 12 năm 2023
CHỈ THỊ
CỦA BAN BÍ THƯ
về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em
I. Đánh giá
1. Nhận thức được nâng lên.
Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Lưu Văn phòng Trung ương Đảng.
T/M BỘ CHÍNH TRỊ
Trương Thị Mai
"""
    f = facts_of(text)
    assert (f.type, f.number, f.date) == ("Chỉ thị", "28-CT/TW", "2023-12-25")
    assert f.issuer == "Bộ Chính trị"
    assert (f.issuer_level, f.issuer_kind, f.province, f.district) == (
        "central",
        "party",
        None,
        None,
    )
    assert f.signer == "Trương Thị Mai"
    assert f.subject == "về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em"


def test_prime_minister_decision():
    text = """THỦ TƯỚNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 1183/QĐ-TTg\tHà Nội, ngày 14 tháng 10 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch triển khai thực hiện Chỉ thị số 28-CT/TW
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch.
Nơi nhận:\tKT. THỦ TƯỚNG
- Ban Bí thư Trung ương Đảng;\tPHÓ THỦ TƯỚNG
- Lưu: VT, KGVX.
Lê Thành Long
"""
    f = facts_of(text)
    assert f.issuer == "Thủ tướng Chính phủ"
    assert (f.issuer_level, f.issuer_kind, f.province) == ("central", "state", None)
    assert (f.signer, f.signer_title) == ("Lê Thành Long", "Phó Thủ tướng")


CONG_VAN_SPACED = """UBND TỈNH ĐẮK LẮK                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ LAO ĐỘNG - THƯƠNG BINH                     Độc lập - Tự do - Hạnh phúc
        VÀ XÃ HỘI
Số: 1520/SLĐTBXH-BTXH                  Đắk Lắk, ngày 15 tháng 5 năm 2024
V/v hướng dẫn tổ chức Tháng hành
động vì trẻ em năm 2024

                    Kính gửi:
                          - Ủy ban nhân dân các huyện, thị xã, thành phố;
                          - Các sở, ban, ngành liên quan.

Thực hiện Công văn số 1234/LĐTBXH-TE ngày 10/4/2024 của Bộ Lao động - Thương binh và Xã hội về việc tổ chức Tháng hành động vì trẻ em năm 2024; Kế hoạch số 55/KH-UBND ngày 20/4/2024 của UBND tỉnh, Sở Lao động - Thương binh và Xã hội hướng dẫn như sau:
1. Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo Phòng Lao động - Thương binh và Xã hội tham mưu tổ chức Lễ phát động.
2. Báo cáo kết quả về Sở trước ngày 15/7/2024.
Nơi nhận:                                                    KT. GIÁM ĐỐC
- Như trên;                                                  PHÓ GIÁM ĐỐC
- UBND tỉnh (b/c);
- Giám đốc Sở (b/c);
- Lưu: VT, BTXH.
                                                             Y Ngông Niê
"""


def test_department_name_wrapped_over_two_header_lines_and_highland_names():
    f = facts_of(CONG_VAN_SPACED)
    assert f.issuer == "Sở Lao động - Thương binh và Xã hội tỉnh Đắk Lắk"
    assert (f.type, f.number, f.date) == ("Công văn", "1520/SLĐTBXH-BTXH", "2024-05-15")
    assert f.subject == "hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2024"
    assert (f.signer, f.signer_title) == ("Y Ngông Niê", "Phó Giám đốc")


COMMUNE_NO_PARENT = """ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ EA KAO                       Độc lập - Tự do - Hạnh phúc
Số:    /KH-UBND                 Ea Kao, ngày     tháng 3 năm 2024

KẾ HOẠCH
Phòng, chống tai nạn thương tích, đuối nước trẻ em năm 2024

Căn cứ Kế hoạch số 101/KH-UBND ngày 01/3/2024 của UBND thành phố Buôn Ma Thuột về phòng, chống tai nạn thương tích trẻ em năm 2024;
UBND xã Ea Kao xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Giảm tỷ lệ trẻ em bị tai nạn.
II. TỔ CHỨC THỰC HIỆN
1. Công chức Văn hóa - Xã hội
- Chủ trì tham mưu.
Nơi nhận:                                     TM. ỦY BAN NHÂN DÂN
- UBND thành phố;                             KT. CHỦ TỊCH
- Lưu: VP.                                    PHÓ CHỦ TỊCH

                                               H' Xuân Êban
"""


def test_commune_district_from_the_pre_2025_tables_and_the_text():
    f = facts_of(COMMUNE_NO_PARENT)
    assert (f.issuer, f.issuer_level) == ("Ủy ban nhân dân xã Ea Kao", "commune")
    assert (f.district, f.province, f.date) == ("Buôn Ma Thuột", "Đắk Lắk", "2024-03")
    assert f.signer == "H' Xuân Êban"


def test_resolution_signed_by_a_title_alone():
    text = """HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH PHƯỚC\tĐộc lập - Tự do - Hạnh phúc
Số: 26/2021/NQ-HĐND\tBình Phước, ngày 07 tháng 12 năm 2021
NGHỊ QUYẾT
Thông qua Đề án tăng cường công tác bảo vệ trẻ em
HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH PHƯỚC
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT NGHỊ:
Điều 1. Thông qua Đề án.
Nơi nhận:\tCHỦ TỊCH
- Ủy ban Thường vụ Quốc hội;
- Lưu: VT.
Huỳnh Thị Hằng
"""
    f = facts_of(text)
    assert (f.type, f.issuer, f.issuer_level) == (
        "Nghị quyết",
        "Hội đồng nhân dân tỉnh Bình Phước",
        "province",
    )
    assert (f.signer, f.signer_title, f.signature_mode) == ("Huỳnh Thị Hằng", "Chủ tịch", None)


def test_front_committee_is_a_mass_organisation():
    text = """ỦY BAN MTTQ VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN HỚN QUẢN\tĐộc lập - Tự do - Hạnh phúc
Số: 05/KH-MTTQ-BTT\tHớn Quản, ngày 10 tháng 4 năm 2024
KẾ HOẠCH
Giám sát việc thực hiện chính sách trẻ em
I. MỤC ĐÍCH
Nơi nhận:\tTM. BAN THƯỜNG TRỰC
- Lưu.\tCHỦ TỊCH
Điểu Lên
"""
    f = facts_of(text)
    assert f.issuer == "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hớn Quản"
    assert (f.issuer_level, f.issuer_kind, f.province) == ("district", "mass-org", "Bình Phước")


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = [
    "ỦY BAN NHÂN DÂN\n",
    "HUYỆN CON CUÔNG\t",
    "Số: 12/KH-UBND",
    "ngày 05 tháng 3 năm 2024\n",
    "KẾ HOẠCH\n",
    "Nơi nhận:\n",
    "- UBND tỉnh;\n",
    "TM. ỦY BAN NHÂN DÂN\n",
    "T/M BAN THƯỜNG VỤ\n",
    "PHÓ CHỦ TỊCH\n",
    "Nguyễn Văn A\n",
    "Thành ủy Vinh ban hành ",
    "\n\n",
    "\t",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PIECES)), max_size=30))
def test_header_extraction_never_crashes_and_spans_lie_inside(parts):
    text = "".join(parts)
    clean = clean_text(text)
    f = extract_header(parse(clean), extract_refs(parse(clean)))
    for span in f.spans.values():
        assert 0 <= span.start <= span.end <= len(text)
    for r in extract_recipients(parse(clean)):
        assert 0 <= r.span.start <= r.span.end <= len(text)


def test_commune_town_placed_in_the_district_its_opening_names():
    text = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THỊ TRẤN ĐẠI TỪ\tĐộc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND\tĐại Từ, ngày 11 tháng 3 năm 2024
KẾ HOẠCH
Phòng, chống đuối nước trẻ em năm 2024
Thực hiện Kế hoạch số 40/KH-UBND ngày 20/02/2024 của UBND huyện Đại Từ về công tác trẻ em, UBND thị trấn ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Giảm số trẻ em bị đuối nước.
"""
    f = facts_of(text)
    assert (f.issuer_level, f.commune, f.district, f.province) == (
        "commune",
        "Đại Từ",
        "Đại Từ",
        "Thái Nguyên",
    )


def test_facts_follow_the_lines_the_structure_stage_classified():
    """One reading of the header: what kg.structure calls the signer is the signer."""
    clean = clean_text(STATE_DISTRICT)
    st_ = parse(clean)
    f = extract_header(st_)
    assert (f.signer, f.number) == ("Lê Thị Mai", "45/KH-UBND")
    assert [r.text for r in extract_recipients(st_)] == [
        h.text for h in st_.closing if h.role == "recipient"
    ]
    st_.closing = [h for h in st_.closing if h.role != "signer"]
    st_.header = [h for h in st_.header if h.role != "number"]
    f = extract_header(st_)
    assert (f.signer, f.number, f.signer_title) == (None, None, "Phó Chủ tịch")


def test_signature_beside_the_recipients_with_two_space_gaps():
    text = STATE_DISTRICT.replace("\tTM.", "  TM.").replace(";\tKT.", ";  KT.")
    text = text.replace(";\tPHÓ", ";  PHÓ")
    f = facts_of(text)
    assert (f.signer, f.signer_title, f.signature_mode) == ("Lê Thị Mai", "Phó Chủ tịch", "TM.")
    assert [r.text for r in extract_recipients(parse(clean_text(text)))] == [
        "UBND tỉnh (b/c)",
        "Các phòng, ban, ngành",
        "Lưu: VT",
    ]


def test_number_word_in_capitals():
    f = facts_of(STATE_DISTRICT.replace("Số: 45/KH-UBND", "SỐ: 45/KH-UBND"))
    assert (f.number, f.issuer, f.date) == (
        "45/KH-UBND",
        "Ủy ban nhân dân huyện Con Cuông",
        "2024-03-05",
    )


STACKED = """UBND TỈNH NGHỆ AN
--------

CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 45/KH-UBND

Vinh ngày 05
tháng 3 năm 2024

KẾ HOẠCH
Phòng, chống đuối nước trẻ em năm 2024
"""


def test_place_and_date_printed_without_the_comma():
    """A web copy drops the comma ("Hà Nội ngày 01 / tháng 12 năm 2025" over two lines); a
    cited document's "... ngày ... năm ...;" in a Căn cứ clause never becomes the date."""
    assert facts_of(STACKED).date == "2024-03-05"
    clause = "Căn cứ Luật Tổ chức\nChính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    assert facts_of(clause).date != "2025-02-18"


# ---- Nơi nhận as web copies print it (issue 10, class 4)


def _recipients(text: str) -> list[str]:
    return [r.text for r in extract_recipients(parse(clean_text(text)))]


def test_a_wrapped_recipient_line_is_one_entry() -> None:
    text = """QUYẾT ĐỊNH
Điều 1. Nội dung.
Nơi nhận:
- UBND các tỉnh, thành phố: Hồ Chí Minh, Hà Nội, Đà Nẵng,
Tuyên Quang, Thái Nguyên, Bắc
Ninh, Cà Mau;
- VPCP: BTCN, các PCN, các Vụ, Cục:
TH, KTTH, NN, PL;
- Các đơn vị điện lực trên địa bàn tỉnh
(Sở Công Thương gửi văn bản đến các đơn vị);
- VPUB: + CVP, các PCVP (đ/b);
+ Cổng TTĐT tỉnh (đưa tin);
- Lưu: VT, CN (2). nvv

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
"""
    assert _recipients(text) == [
        "UBND các tỉnh, thành phố: Hồ Chí Minh, Hà Nội, Đà Nẵng, Tuyên Quang, Thái Nguyên, "
        "Bắc Ninh, Cà Mau",
        "VPCP: BTCN, các PCN, các Vụ, Cục: TH, KTTH, NN, PL",
        "Các đơn vị điện lực trên địa bàn tỉnh (Sở Công Thương gửi văn bản đến các đơn vị)",
        "VPUB: + CVP, các PCVP (đ/b); + Cổng TTĐT tỉnh (đưa tin)",
        "Lưu: VT, CN (2). nvv",
    ]


def test_the_lưu_line_ends_the_list_and_a_form_list_is_not_the_documents() -> None:
    text = """QUYẾT ĐỊNH
Điều 1. Nội dung.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, QLĐĐ1.
05 bản, QĐ164.
Ký bởi: Hoàng Văn Lãng
Tungnt.QĐ/T11/2025

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thị Loan

PHỤ LỤC
Mẫu số 01
Nơi nhận:
- Như trên;
- Lưu: VT,…
"""
    assert _recipients(text) == ["Như Điều 3", "Lưu: VT, QLĐĐ1"]


@settings(max_examples=50, deadline=None)
@given(
    names=st.lists(
        st.sampled_from(["Sở Tài chính", "Bộ Tư pháp", "UBND các xã", "Công an tỉnh", "VP: CVP"]),
        min_size=1,
        max_size=5,
    ),
    cut=st.integers(min_value=1, max_value=3),
)
def test_cutting_an_ended_entry_never_merges_entries(names: list[str], cut: int) -> None:
    """However a web copy wraps one entry, the list keeps one entry per printed entry."""
    first = names[0].split()
    k = min(cut, len(first) - 1) or 1
    lines = (
        [f"- {' '.join(first[:k])}", " ".join(first[k:])] if len(first) > 1 else [f"- {names[0]}"]
    )
    lines = [ln for ln in lines if ln.strip()]
    lines[-1] += ";"
    lines += [f"- {n};" for n in names[1:]]
    text = "QUYẾT ĐỊNH\nĐiều 1. Nội dung.\nNơi nhận:\n" + "\n".join(lines) + "\n- Lưu: VT.\n"
    text += "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n"
    assert _recipients(text) == [*names, "Lưu: VT"]


# ---- the head of a unit under the header's parent enacts (issue 10, class 8)


@pytest.mark.parametrize("city", ["UBND THÀNH PHỐ HÀ NỘI\n", "UBND THÀNH PHỐ HÀ\nNỘI\n"])
def test_a_centre_directors_decision_is_the_directors(city: str) -> None:
    text = (
        city + "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\n-------\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 1610/QĐ-TTPVHCC\n\nHà Nội, ngày 25 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\n"
        "PHÊ DUYỆT PHƯƠNG ÁN THỬ\n\nGIÁM ĐỐC TRUNG TÂM PHỤC\nVỤ HÀNH CHÍNH CÔNG THÀNH PHỐ\n\n"
        "Căn cứ Quyết định số 12/QĐ-UBND của UBND Thành phố;\n\nQUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt Phương án.\nĐiều 2. Giám đốc Trung tâm Phục vụ hành chính công"
        " chịu trách nhiệm thi hành.\n\nGIÁM ĐỐC\nNguyễn Văn A\n"
    )
    facts = facts_of(text)
    assert facts.issuer == "Giám đốc Trung tâm Phục vụ hành chính công thành phố Hà Nội"
    assert facts.province == "Hà Nội"


# A consolidated text (văn bản hợp nhất): the consolidating ministry's header and number, the
# title of the circular it restates, the statement of that circular and its amendment, the
# circular's own preamble, and the authentication line above the signature.
CONSOLIDATED = """BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
-------\tĐộc lập - Tự do - Hạnh phúc
Số: 07/VBHN-BTC\tHà Nội, ngày 15 tháng 3 năm 2024
THÔNG TƯ
HƯỚNG DẪN QUẢN LÝ KINH PHÍ BẢO TRÌ KHO LƯU TRỮ
Thông tư số 41/2019/TT-BTC ngày 02 tháng 7 năm 2019 của Bộ trưởng Bộ Tài chính hướng dẫn quản \
lý kinh phí bảo trì kho lưu trữ, có hiệu lực kể từ ngày 15 tháng 8 năm 2019, được sửa đổi, bổ sung bởi:
1. Thông tư số 12/2023/TT-BTC ngày 20 tháng 2 năm 2023 của Bộ trưởng Bộ Tài chính sửa đổi, bổ \
sung một số điều của Thông tư số 41/2019/TT-BTC, có hiệu lực kể từ ngày 01 tháng 4 năm 2023.
Căn cứ Nghị định số 87/2017/NĐ-CP ngày 26 tháng 7 năm 2017 của Chính phủ quy định chức năng, \
nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài chính;
Theo đề nghị của Cục trưởng Cục Kế hoạch - Tài chính;
Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn quản lý kinh phí bảo trì kho lưu trữ.
Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn việc lập dự toán kinh phí bảo trì kho lưu trữ.
Điều 2. Tổ chức thực hiện
Cục Kế hoạch - Tài chính chủ trì hướng dẫn, kiểm tra việc thực hiện Thông tư này.
Nơi nhận:
- Lãnh đạo Bộ;
- Lưu: VT, KHTC.
XÁC THỰC VĂN
BẢN HỢP NHẤT
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
{name}
"""


@pytest.mark.parametrize(
    "printed",
    ["Nguyễn Văn An", "Trung tướng Nguyễn Văn An", "Đại\ntướng Nguyễn Văn An"],
)
def test_consolidated_text_is_the_consolidating_bodys(printed: str):
    """Issuer: the header's ministry, not the restated circular's enacting Bộ trưởng; signer:
    who authenticated the consolidation, under "XÁC THỰC VĂN BẢN HỢP NHẤT", without the rank
    an armed force prints before the name (maybe wrapped)."""
    f = facts_of(CONSOLIDATED.format(name=printed))
    assert (f.type, f.number, f.date) == ("Thông tư", "07/VBHN-BTC", "2024-03-15")
    assert f.issuer == "Bộ Tài chính"
    assert (f.signer, f.signer_title) == ("Nguyễn Văn An", "Thứ trưởng")
    assert f.subject == "HƯỚNG DẪN QUẢN LÝ KINH PHÍ BẢO TRÌ KHO LƯU TRỮ"


def test_a_signers_title_that_names_its_unit_over_two_lines():
    """ "TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ": the comma says the unit's name goes on,
    so the capitals under it are no signer's name; the title is the office alone."""
    text = """CỤC THUẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 812/CT-CS\tHà Nội, ngày 03 tháng 4 năm 2025
V/v chính sách thuế đối với hộ kinh doanh
Kính gửi: Thuế tỉnh Bình Định.
Cục Thuế nhận được công văn của Thuế tỉnh Bình Định. Về vấn đề này, Cục Thuế có ý kiến như sau:
Đề nghị Thuế tỉnh căn cứ quy định hiện hành để hướng dẫn người nộp thuế./.
Nơi nhận:
- Như trên;
- Lưu: VT, CS.
TL. CỤC TRƯỞNG
TRƯỞNG BAN BAN PHÁP CHẾ,
THANH TRA THUẾ
Lê Thị Thu Hà
"""
    f = facts_of(text)
    assert (f.signer, f.signer_title) == ("Lê Thị Thu Hà", "Trưởng ban")


def test_an_issuer_whose_noun_is_wrapped_from_its_name():
    """ "VĂN PHÒNG" / "CHÍNH PHỦ": a unit's noun alone on a line is the first part of the
    issuer's name, wrapped by a web copy; the letter is the Office's, not the Government's."""
    text = """VĂN PHÒNG
CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2104/VPCP-NN
V/v xử lý kiến nghị về thủy lợi
Hà Nội, ngày 14 tháng 3 năm 2025
Kính gửi: Bộ Nông nghiệp và Môi trường.
Xét đề nghị của Bộ Nông nghiệp và Môi trường, Phó Thủ tướng Chính phủ có ý kiến như sau:
Bộ Nông nghiệp và Môi trường chủ trì xử lý kiến nghị theo quy định./.
Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Trần Văn Sơn
"""
    f = facts_of(text)
    assert (f.issuer, f.issuer_level) == ("Văn phòng Chính phủ", "central")


def test_a_committees_normative_decision_whose_articles_empower_chairs():
    """The preamble's "Ủy ban nhân dân tỉnh ban hành Quyết định ..." makes it the Committee's
    act, though an article gives "Chủ tịch Ủy ban nhân dân cấp xã thẩm quyền quyết định:"."""
    text = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LẠNG SƠN\tĐộc lập - Tự do - Hạnh phúc
Số: 31/2025/QĐ-UBND\tLạng Sơn, ngày 10 tháng 9 năm 2025
QUYẾT ĐỊNH
PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH MUA SẮM TÀI SẢN CÔNG
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Theo đề nghị của Giám đốc Sở Tài chính;
Ủy ban nhân dân tỉnh ban hành Quyết định phân cấp thẩm quyền quyết định mua sắm tài sản công.
Điều 1. Phân cấp thẩm quyền
Phân cấp cho Chủ tịch Ủy ban nhân dân cấp xã thẩm quyền quyết định:
a) Mua sắm tài sản công có giá trị dưới 500 triệu đồng.
Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 20 tháng 9 năm 2025.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Nam
"""
    assert facts_of(text).issuer == "Ủy ban nhân dân tỉnh Lạng Sơn"
