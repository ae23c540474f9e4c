"""Headers of real web copies (issue 10): shapes written for the test, not copied.

A place-date line wrapped after the V/v line ("Hà" / "Nội, ngày ..."), a unit printed under
its ministry, a type line wrapped ("NGHỊ" / "ĐỊNH"), a copy that lost its header and
begins with the website's metadata table, or whose only type line is an attached
document's, and a bare "TM. ỦY BAN NHÂN DÂN" whose province the text names.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.header import extract_header
from kg.extract.webmeta import page_metadata
from kg.structure import parse
from kg.text import clean_text


def facts(text: str):
    return extract_header(parse(clean_text(text)))


LETTER = """BỘ XÂY DỰNG
CỤC ĐƯỜNG BỘ
--------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 812/CĐB-QLĐB
V/v bảo trì quốc lộ

Đà
Nẵng, ngày 04 tháng 12 năm 2025

Kính gửi: Sở Xây dựng các tỉnh.

Cục Đường bộ đề nghị các Sở rà soát kế hoạch bảo trì năm 2026.
"""


def test_place_date_wrapped_after_the_subject_line():
    f = facts(LETTER)
    assert (f.date, f.number, f.type) == ("2025-12-04", "812/CĐB-QLĐB", "Công văn")


def test_a_department_printed_under_its_ministry_on_one_line_each_issues():
    f = facts(LETTER)
    assert (f.issuer, f.issuer_level) == ("Cục Đường bộ", "central")


DECREE = """CHÍNH PHỦ
-------

Số: 41/2025/NĐ-CP

Hà Nội, ngày 10 tháng 10 năm 2025

NGHỊ
ĐỊNH

QUY
ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT THỦY LỢI

Căn cứ Luật Tổ chức Chính phủ;

Chương I

NHỮNG
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
"""


def test_a_type_line_wrapped_is_the_type_and_a_chapter_heading_is_not():
    f = facts(DECREE)
    assert f.type == "Nghị định"
    assert f.subject and f.subject.startswith("QUY ĐỊNH CHI TIẾT")


PAGE = """Trang này là bản sao của một trang web.
X
Đang tải văn bản...
#
Số hiệu:

4471/BNN-VP

Loại văn bản:

Công văn

Nơi ban hành:

Bộ Nông nghiệp và Môi trường

Người ký:

Hoàng Văn An

Ngày ban hành:

12/11/2025

Tình trạng:

Đã biết

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.

Bộ Nông nghiệp và Môi trường đề nghị các địa phương báo cáo tình hình thiệt hại.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Hoàng Văn An
"""


def test_the_page_table_gives_what_a_lost_header_would():
    f = facts(PAGE)
    assert (f.number, f.type, f.date) == ("4471/BNN-VP", "Công văn", "2025-11-12")
    assert (f.issuer, f.issuer_level) == ("Bộ Nông nghiệp và Môi trường", "central")
    assert f.signer == "Hoàng Văn An"
    # evidence points into the original text, where the table was printed
    assert PAGE[f.spans["number"].start : f.spans["number"].end] == "4471/BNN-VP"


def test_the_page_table_does_not_override_a_header():
    text = PAGE.replace("Kính gửi:", LETTER.split("Kính gửi:")[0] + "Kính gửi:", 1)
    f = facts(text)
    assert (f.number, f.date) == ("812/CĐB-QLĐB", "2025-12-04")


def test_a_place_alone_in_the_table_is_no_issuer():
    meta = page_metadata(PAGE.replace("Bộ Nông nghiệp và Môi trường\n", "Tỉnh Gia Lai\n", 1))
    assert meta["issuer"].value == "Tỉnh Gia Lai"
    text = PAGE.replace("Bộ Nông nghiệp và Môi trường\n\nNgười", "Tỉnh Gia Lai\n\nNgười", 1)
    text = text.replace("Bộ Nông nghiệp và Môi trường đề nghị", "Đề nghị", 1)
    assert facts(text).issuer is None


def test_no_table_no_page_fields():
    assert page_metadata(LETTER) == {}


ATTACHED = """BAN HÀNH QUY CHẾ LÀM VIỆC CỦA HỘI ĐỒNG

BỘ TRƯỞNG BỘ NỘI VỤ

Căn cứ Nghị định số 25/2025/NĐ-CP;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Hội đồng.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Minh

QUY CHẾ

LÀM VIỆC CỦA HỘI ĐỒNG

Chương I
"""


def test_the_type_line_of_an_attached_document_is_not_the_documents():
    f = facts(ATTACHED)
    assert f.type != "Quy chế"
    assert f.signer == "Trần Văn Minh"


SIGNED_ONLY = """Kính gửi: Các sở, ban, ngành.

Thời gian qua, Ủy ban nhân dân tỉnh Quảng Trị đã chỉ đạo quyết liệt; đề nghị Ủy ban nhân
dân các xã, phường thực hiện nghiêm.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hùng
"""


def test_a_bare_peoples_committee_signature_takes_the_province_the_text_names():
    f = facts(SIGNED_ONLY)
    assert (f.issuer, f.issuer_level, f.province) == (
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "province",
        "Quảng Trị",
    )


HEADLESS_DECISION = """HÀNH QUY CHẾ PHỐI HỢP CỦA BAN CHỈ ĐẠO QUỐC GIA VỀ
CHUYỂN ĐỔI SỐ NGÀNH NÔNG NGHIỆP

TRƯỞNG BAN CHỈ ĐẠO QUỐC GIA VỀ CHUYỂN ĐỔI SỐ NGÀNH NÔNG
NGHIỆP

Căn cứ Quyết định số 23/2023/QĐ-TTg ngày 18 tháng 9 năm 2023 của Thủ tướng Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TRƯỞNG BAN
PHÓ THỦ TƯỚNG
Đặng Quốc Khánh

QUY CHẾ

PHỐI HỢP CỦA BAN CHỈ ĐẠO

(Kèm theo Quyết định số 58/QĐ-BCĐCĐS ngày 12 tháng 11 năm 2025 của Trưởng Ban Chỉ đạo)

Chương I
"""


def test_a_decision_without_its_header_reads_its_enacting_line_and_its_attachment():
    f = facts(HEADLESS_DECISION)
    assert (f.type, f.number, f.date) == ("Quyết định", "58/QĐ-BCĐCĐS", "2025-11-12")
    assert f.issuer.lower() == "trưởng ban chỉ đạo quốc gia về chuyển đổi số ngành nông nghiệp"
    assert f.issuer_level == "central"
    # the signer's second office printed under the title is not part of it
    assert (f.signer, f.signer_title) == ("Đặng Quốc Khánh", "Trưởng ban")


def test_a_ministers_enacting_line_makes_the_minister_the_issuer():
    """GUIDE: the enacting line's office enacts ("Bộ trưởng Bộ Nội vụ"), as a chair's does."""
    text = HEADLESS_DECISION.replace(
        "TRƯỞNG BAN CHỈ ĐẠO QUỐC GIA VỀ CHUYỂN ĐỔI SỐ NGÀNH NÔNG\nNGHIỆP", "BỘ TRƯỞNG BỘ NỘI VỤ"
    )
    f = facts(text)
    assert (f.issuer, f.issuer_level) == ("Bộ trưởng Bộ Nội vụ", "central")


HEADLESS_CIRCULAR = """THÔNG TƯ

SỬA ĐỔI MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 12/2024/TT-BYT

Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;

Theo đề nghị của Cục trưởng Cục Quản lý Khám, chữa bệnh;

Bộ trưởng Bộ
Y tế ban hành Thông tư sửa đổi một số điều của Thông tư số 12/2024/TT-BYT.

Điều 1. Sửa đổi Điều 3.

Nơi nhận:
- Lưu: VT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Thuấn
"""


def test_a_circular_without_its_header_reads_the_enacting_sentence():
    f = facts(HEADLESS_CIRCULAR)
    assert (f.type, f.issuer, f.issuer_level) == ("Thông tư", "Bộ trưởng Bộ Y tế", "central")


def test_an_enactment_the_text_cites_is_not_its_own():
    text = HEADLESS_CIRCULAR.replace(
        "Bộ trưởng Bộ\nY tế ban hành Thông tư sửa đổi",
        "Thực hiện việc Thủ tướng Chính phủ ban hành Công điện số 220/CĐ-TTg, sửa đổi",
    )
    assert facts(text).issuer != "Thủ tướng Chính phủ"


LOST_FIRST_WORD = """BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 3120/UBND-KT
V/v chuẩn hóa dữ liệu

Điện Biên, ngày 20 tháng 11 năm 2025

Kính gửi: Sở Xây dựng.

Xét đề xuất của Sở Xây dựng, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:

1. Giao Sở Xây dựng chủ trì rà soát.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ
CHỦ TỊCH
Lò Văn Hùng
"""


def test_a_block_that_lost_its_first_word_and_a_chair_who_speaks():
    f = facts(LOST_FIRST_WORD)
    assert f.issuer == "Chủ tịch Ủy ban nhân dân tỉnh Điện Biên"
    assert (f.signer, f.signer_title) == ("Lò Văn Hùng", "Phó Chủ tịch")


def test_a_telegram_without_its_header_and_a_block_that_lost_thu():
    f = facts("THỦ TƯỚNG CHÍNH PHỦ điện:\n\n- Ủy ban nhân dân các tỉnh.\n\nĐể chủ động ứng phó.\n")
    assert (f.type, f.issuer) == ("Công điện", "Thủ tướng Chính phủ")
    text = "TƯỚNG CHÍNH PHỦ\n-------\n\nSố: 12/CĐ-TTg\n\nHà Nội, ngày 2 tháng 12 năm 2025\n\nCÔNG ĐIỆN\n"
    assert facts(text).issuer == "Thủ tướng Chính phủ"


def test_a_header_lost_year_is_never_before_what_the_text_cites():
    text = (
        "KẾ HOẠCH\nThực hiện công tác năm 2025\n\n"
        "Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025;\n\n"
        "Sửa đổi Thông tư số 06/2024/TT-BGDĐT về cuộc thi năm 2024, kết quả năm 2024 và năm 2024;\n"
        "áp dụng từ năm 2031 và năm 2032, năm 2032, năm 2032.\n"
    )
    from kg.extract.refs import extract_refs

    st = parse(clean_text(text))
    assert extract_header(st, extract_refs(st)).date == "2025"


def test_a_copy_whose_header_was_lost_gets_no_year_made_up_from_its_body():
    """A copy that starts at "Kính gửi" (or at the enacting line) lost its header: the years
    its body states are no date of its own; a text that prints its name but no date line
    keeps the year it states for its own work."""
    from kg.extract.refs import extract_refs

    body = (
        "Căn cứ Kế hoạch số 13-KH/TU ngày 17 tháng 11 năm 2025 của Ban Thường vụ Thành ủy;\n\n"
        "1. Về đánh giá, xếp loại chất lượng cá nhân năm 2025.\n\n"
        "Đề nghị các sở hoàn thành trong ngày 20 tháng 11 năm 2025.\n"
    )
    for start in ("Kính gửi: Các sở, ban, ngành.\n\n", "THỦ TƯỚNG CHÍNH PHỦ điện:\n\n"):
        st = parse(clean_text(start + body))
        assert extract_header(st, extract_refs(st)).date is None
    st = parse(clean_text("KẾ HOẠCH\nĐánh giá cán bộ\n\n" + body))
    assert extract_header(st, extract_refs(st)).date == "2025"
    # a cited document's date and what it is about, a deadline: no year of its own
    cited = body.replace("1. Về đánh giá, xếp loại chất lượng cá nhân năm 2025.", "")
    cited = cited.replace("Thành ủy;", "Thành ủy về đánh giá năm 2025;")
    st = parse(clean_text("KẾ HOẠCH\nĐánh giá cán bộ\n\n" + cited))
    assert extract_header(st, extract_refs(st)).date is None


def test_a_letter_without_its_header_speaks_as_its_issuer():
    text = (
        "Kính gửi: Công ty TNHH Minh Phát.\n\n"
        "Cục Thuế nhận được Công văn số 12/CV-MP của Công ty về chính sách thuế. Về vấn đề "
        "này, Cục Thuế có ý kiến như sau:\n\n1. Về hóa đơn điện tử.\n"
    )
    f = facts(text)
    assert (f.type, f.issuer, f.issuer_level) == ("Công văn", "Cục Thuế", "central")
    # a body it cites is not its voice
    cited = text.replace("Cục Thuế nhận được", "Theo đề nghị của Sở Tài chính, Công ty nhận được")
    assert facts(cited.replace("Cục Thuế có ý kiến", "ý kiến")).issuer is None


def test_an_enacting_chair_line_wrapped_and_a_unit_name_on_its_own_line():
    text = (
        "ỦY BAN NHÂN\nDÂN\nTỈNH\nHÀ GIANG\n-------\n\nSố: 77/QĐ-UBND\n\n"
        "Hà Giang, ngày 3 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\nCÔNG BỐ THỦ TỤC HÀNH CHÍNH\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN\nDÂN TỈNH\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm theo.\n"
    )
    f = facts(text)
    assert (f.issuer, f.province) == ("Chủ tịch Ủy ban nhân dân tỉnh Hà Giang", "Hà Giang")


def test_a_header_lost_year_is_no_earlier_than_a_law_it_cites_by_number():
    """A reply letter that cites a 2025 law, and states only the years of older documents, is
    of 2025 at the earliest: its year is unknown, never the older documents' year."""
    from kg.extract.refs import extract_refs

    text = (
        "KẾ HOẠCH\nVề thuế\n\nCục Thuế nhận được công văn của Công ty. Về vấn "
        "đề này, Cục Thuế có ý kiến như sau:\n\n- Tại Điều 4 Thông tư số 86/2024/TT-BTC ngày "
        "23 tháng 12 năm 2024 quy định về đăng ký thuế.\n\n- Luật Thuế thu nhập doanh nghiệp "
        "số 67/2025/QH15 quy định chi phí được trừ.\n"
    )
    st = parse(clean_text(text))
    assert extract_header(st, extract_refs(st)).date is None
    own = text.replace("nhận được công văn", "nhận được công văn năm 2025")
    st = parse(clean_text(own))
    assert extract_header(st, extract_refs(st)).date == "2025"


@pytest.mark.parametrize(
    "bound",
    [
        "có hiệu lực đến hết ngày 28 tháng 02 năm 2027",
        "áp dụng Mức 5 từ ngày 01 tháng 01 năm 2027",
        "áp dụng kể từ ngày 01 tháng 7 năm 2026",
    ],
)
def test_the_day_a_rule_starts_or_stops_applying_is_no_year_of_its_own(bound):
    from kg.extract.refs import extract_refs

    text = (
        "NGHỊ QUYẾT\n\nVỀ MỘT DỰ ÁN\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n\n"
        f"Điều 1. Nghị quyết {bound}.\n"
    )
    st = parse(clean_text(text))
    assert extract_header(st, extract_refs(st)).date is None
    # its own entry into force, a deadline: the day of an event, no year of its own
    for event in (
        "có hiệu lực thi hành kể từ ngày 04 tháng 12 năm 2025",
        "báo cáo trước ngày 15 tháng 12 năm 2025",
        "báo cáo trước ngày 15/12/2025",
    ):
        st = parse(clean_text(text.replace(bound, event)))
        assert extract_header(st, extract_refs(st)).date is None
    # the year it states for its own work is
    st = parse(clean_text(text.replace(bound, "thực hiện trong năm 2025")))
    assert extract_header(st, extract_refs(st)).date == "2025"


@settings(max_examples=40, deadline=None)
@given(
    cited=st.integers(2000, 2026),
    stated=st.lists(st.integers(1990, 2040), max_size=5),
    bounds=st.lists(st.integers(1990, 2040), max_size=3),
)
def test_an_inferred_year_is_one_the_text_states_and_never_before_what_it_cites(
    cited, stated, bounds
):
    from kg.extract.own_year import infer_year
    from kg.extract.refs import extract_refs

    text = f"Căn cứ Nghị định số 12/{cited}/NĐ-CP của Chính phủ;\n\n"
    text += "".join(f"Công tác năm {y} được tổng kết.\n" for y in stated)
    text += "".join(f"Áp dụng từ ngày 01 tháng 01 năm {y}.\n" for y in bounds)
    got = infer_year(text, extract_refs(parse(clean_text(text))))
    if got is None:
        assert all(y < cited for y in stated)
        return
    assert cited <= int(got[0]) and int(got[0]) in stated
    assert text[got[1][0] : got[1][1]] == f"năm {got[0]}"


@pytest.mark.parametrize(
    "enacting",
    [
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI",
        "UỶ BAN NHÂN DÂN TỈNH",
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG\nNAI",
    ],
)
def test_a_decision_the_committee_enacts_stays_the_committees(enacting):
    """The enacting line decides (GUIDE): "ỦY BAN NHÂN DÂN TỈNH ..." above "QUYẾT ĐỊNH:" makes
    the decision the Committee's, even where its body says what the Chủ tịch decides or a
    "KT. CHỦ TỊCH" signs it; "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." makes it the Chủ tịch's."""
    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\n-------\n\nSố: 77/QĐ-UBND\n\n"
        "Đồng Nai, ngày 3 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\n\n"
    )
    body = (
        "\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế. "
        "Trường hợp cần thiết, Chủ tịch Ủy ban nhân dân tỉnh quyết định: giao Sở Nội vụ.\n\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"
    )
    assert facts(head + enacting + body).issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    chair = "CHỦ TỊCH " + enacting
    assert facts(head + chair + body).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"
