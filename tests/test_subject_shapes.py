"""How a subject or an addressee is printed (issue 10, bodies recall): a heading a web copy
wrapped after "và", two addressees joined by "và" where the first is a catch-all narrowed by
its own words, a catch-all listing several kinds of bodies."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.extract.duties.rules import lead_bodies
from kg.models import DocumentFacts
from kg.structure import parse
from kg.text import clean_text

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Gia Lai", issuer_level="province", province="Gia Lai"
)

WRAPPED = """VI. TỔ CHỨC THỰC HIỆN

1. Đề nghị Ban Tuyên giáo và
Dân vận Tỉnh ủy: Ban hành văn bản chỉ đạo, đôn đốc công tác thông tin, tuyên truyền.

2. Sở Văn hóa, Thể thao và
Du lịch: Tiếp tục chỉ đạo các cơ quan truyền thông của tỉnh đẩy mạnh công tác tuyên truyền.

3. Sở Nội vụ: Tham mưu Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.
"""


def test_a_heading_wrapped_after_va_goes_on_with_the_name() -> None:
    st_ = parse(clean_text(WRAPPED))
    items = [n for n in st_.body[0].children if n.kind == "item"]
    assert [n.title.split(":")[0] for n in items[:2]] == [
        "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]
    assert all(not n.children for n in items)
    got = table(duties_of(WRAPPED, PROVINCE)[0])
    assert got == [
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "requested", 1),
        ("Sở Văn hóa, Thể thao và Du lịch", "assigned", 1),
        ("Sở Nội vụ", "assigned", 1),
    ]


def test_a_short_heading_with_no_dangling_word_still_ends_its_line() -> None:
    text = "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp\nChủ trì, phối hợp với các sở rà soát văn bản.\n"
    item = parse(clean_text(text)).body[0].children[0]
    assert item.title == "Sở Tư pháp"
    assert [c.kind for c in item.children] == ["paragraph"]


ARTICLE = """Điều 14. Tổ chức thực hiện

1. Sở Tài chính chủ trì phổ biến, triển khai Quyết định này đến các cơ quan, tổ chức, đơn vị.

2. Các Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân
tỉnh và Ủy ban nhân dân các xã, phường có trách nhiệm tổ chức thực hiện quản
lý, sử dụng tài sản công đúng quy định.
"""


def test_a_named_catch_all_and_a_body_joined_by_va_are_two_addressees() -> None:
    got = table(duties_of(ARTICLE, PROVINCE)[0])
    assert ("Các Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh", "assigned", 1) in got
    assert ("Ủy ban nhân dân các xã, phường", "assigned", 1) in got
    assert len(got) == 3


def test_a_named_catch_all_alone_keeps_its_whole_name() -> None:
    lead = lead_bodies("Các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh có trách nhiệm thực hiện.")
    assert lead is not None
    assert [b.as_written for b in lead.bodies] == ["Các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh"]


def test_a_list_of_bodies_is_not_read_as_a_named_catch_all() -> None:
    lead = lead_bodies("Các sở, ngành, Công an tỉnh và Ủy ban nhân dân các xã có trách nhiệm x.")
    assert lead is not None
    assert "thuộc" not in " ".join(b.as_written for b in lead.bodies)


def test_mass_associations_listed_among_kinds_are_one_addressee() -> None:
    lead = lead_bodies(
        "Các cơ quan, đơn vị, doanh nghiệp, tổ chức chính trị - xã hội, hội quần chúng có "
        "trách nhiệm quán triệt, phổ biến Quy chế này."
    )
    assert lead is not None
    assert [b.as_written for b in lead.bodies] == [
        "Các cơ quan, đơn vị, doanh nghiệp, tổ chức chính trị - xã hội, hội quần chúng"
    ]


_QUALIFIERS = ["thuộc Ủy ban nhân dân tỉnh", "trực thuộc Sở Y tế", "sử dụng vốn ngân sách nhà nước"]
_SECOND = ["Ủy ban nhân dân các xã, phường", "Công an tỉnh", "Sở Tài chính"]
_WORK = ["có trách nhiệm triển khai thực hiện", "chịu trách nhiệm tổ chức thực hiện"]


@settings(deadline=None)
@given(st.sampled_from(_QUALIFIERS), st.sampled_from(_SECOND), st.sampled_from(_WORK))
def test_catch_all_and_body_by_va_give_both(q: str, second: str, work: str) -> None:
    lead = lead_bodies(f"Các cơ quan, đơn vị {q} và {second} {work} Quyết định này.")
    assert lead is not None
    assert [b.as_written for b in lead.bodies] == [f"Các cơ quan, đơn vị {q}", second]
    assert lead.rest.startswith(work.split()[0])


REPLY = """BỘ TÀI CHÍNH
CỤC HẢI QUAN
--------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 1234/CHQ-GSQL
V/v thủ tục hải quan

Hà Nội, ngày 25 tháng 11 năm 2025

Kính gửi: Tổng Công ty
Vận tải và Thương mại Sông Hồng - CTCP.
(Đ/c: số 1 phố Lý Thường Kiệt, Hà Nội)
Trả lời công văn số 12/VTSH của Tổng Công ty Vận tải và Thương mại Sông Hồng - CTCP về
thủ tục khai bổ sung, Cục Hải quan có ý kiến như sau:
Căn cứ quy định tại Điều 20 Thông tư số 38/2015/TT-BTC thì người khai hải quan được khai
bổ sung hồ sơ hải quan trong các trường hợp luật định.
Đề nghị {noun} căn cứ quy định nêu trên, đối chiếu với hồ sơ, chứng từ có liên quan
để thực hiện.
Cục Hải quan có ý kiến để Tổng Công ty Vận tải và Thương mại Sông Hồng - CTCP được biết./.

Nơi nhận:
- Như trên;
- Lưu: VT, GSQL.

TL. CỤC TRƯỞNG
PHÓ TRƯỞNG BAN
Nguyễn Văn A
"""


@settings(deadline=None)
@given(st.sampled_from(["doanh nghiệp", "Tổng Công ty", "Quý cơ quan", "Công ty"]))
def test_a_letter_request_to_its_addressee_named_back_by_its_kind(noun: str) -> None:
    from snippets import agencies

    got = agencies(REPLY.format(noun=noun))
    assert list(got) == [
        "tổng công ty vận tải và thương mại sông hồng - ctcp",
    ], got
    one = next(iter(got.values()))
    assert one["mode"] == "requested" and one["duties"] == 1
    assert one["first_duty"].startswith("căn cứ quy định nêu trên")


def test_a_noun_of_another_kind_is_not_the_addressee() -> None:
    from snippets import agencies

    assert agencies(REPLY.format(noun="cơ quan hải quan")) == {}


def test_the_addressee_name_wrapped_in_the_header_is_one_line() -> None:
    from snippets import source

    from kg.text import clean

    st_ = parse(clean(source(REPLY.format(noun="doanh nghiệp"))))
    names = [h.text for h in st_.header if h.role == "addressee"]
    assert names == ["Tổng Công ty Vận tải và Thương mại Sông Hồng - CTCP"]


POINTS = """IV. TỔ CHỨC THỰC HIỆN

1. Sở Xây dựng có trách nhiệm:

a) Tổ chức thực hiện quản lý nhà nước về quy hoạch tại địa phương.

b) Trong quá trình triển khai lập các quy hoạch liên quan, cơ quan tổ chức lập quy
hoạch phải bảo đảm khả năng tích hợp đồng bộ với quy hoạch tỉnh.

c) Trong quá trình thực hiện nhiệm vụ, Sở Xây dựng được làm việc với các sở, ngành.

d) Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo Ủy ban nhân dân tỉnh.
"""


def test_a_point_opening_on_its_circumstances_that_obliges_is_a_task() -> None:
    got = table(duties_of(POINTS, PROVINCE)[0])
    assert got == [("Sở Xây dựng", "assigned", 2)]


OPINION = """VĂN PHÒNG CHÍNH PHỦ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 1234/VPCP-CN
V/v triển khai Kết luận về dự án đường cao tốc

Hà Nội, ngày 26 tháng 11 năm 2025

Kính gửi: Bộ trưởng Bộ Xây dựng.
Về Kết luận của Ủy ban Thường vụ Quốc hội tại Thông báo số 4387/TB-VPQH ngày 14 tháng 11
năm 2025 của Văn phòng Quốc hội về dự án đường cao tốc, Phó Thủ tướng có ý kiến như sau:
Trên cơ sở Báo cáo số 1052/BC-CP ngày 12/11/2025 của Chính phủ, Bộ Xây dựng làm việc với
các cơ quan của Quốc hội để bổ sung các văn bản cần thiết, bảo đảm tiến độ hoàn thành Dự án.
Văn phòng Chính phủ xin thông báo để Bộ Xây dựng và các cơ quan liên quan biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, CN.

KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn B
"""


def test_after_a_letters_lead_in_the_grounds_and_bodies_are_its_answer() -> None:
    from snippets import agencies, record

    got = agencies(OPINION)
    assert list(got) == ["bộ xây dựng"]
    assert got["bộ xây dựng"]["duties"] == 1
    rec = record(OPINION)
    assert rec["document"]["date"] == "2025-11-26"
    assert "1052/BC-CP" in rec["cites"] and not rec["implements"]


def test_grounds_after_an_opinion_lead_in_are_cited_not_implemented() -> None:
    from snippets import record

    text = REPLY.format(noun="doanh nghiệp").replace(
        "Căn cứ quy định tại Điều 20", "Căn cứ Điều 20"
    )
    rec = record(text)
    assert rec["implements"] == []
    assert "38/2015/TT-BTC" in rec["cites"]


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 999/CĐ-TTg

Hà Nội, ngày 26 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc chủ động ứng phó bão

THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng,
Quảng Ngãi, Gia Lai{more};
- Bộ trưởng các Bộ: Quốc phòng, Công an.
Để chủ động ứng phó bão, Thủ tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Gia Lai tổ chức
theo dõi sát diễn biến của bão, chủ động chỉ đạo các biện pháp ứng phó.
2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ chức theo dõi sát tình hình, trong đó:
(1) Tập trung kêu gọi tàu thuyền về nơi tránh trú an toàn.
(2) Rà soát kỹ các phương án sơ tán dân cư khỏi khu vực nguy hiểm.
3. Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị sẵn sàng hỗ trợ địa phương.

Nơi nhận:
- Như trên;
- Lưu: VT, NN.

THỦ TƯỚNG
Nguyễn Văn C
"""


@settings(deadline=None)
@given(st.sampled_from(["", ", Đắk Lắk", ", Khánh Hòa, Lâm Đồng"]))
def test_a_telegram_sent_to_named_provinces_speaks_of_those_alone(more: str) -> None:
    from snippets import agencies

    got = agencies(TELEGRAM.format(more=more))
    names = [a for a in got if a.startswith("ủy ban nhân dân")]
    assert names == ["ủy ban nhân dân các tỉnh, thành phố ven biển từ đà nẵng đến gia lai"]
    assert got[names[0]]["duties"] == 3


def test_a_telegram_sent_to_every_province_keeps_both_collectives() -> None:
    from snippets import agencies

    text = TELEGRAM.format(more="").replace(
        ": Đà Nẵng,\nQuảng Ngãi, Gia Lai;", " trực thuộc Trung ương;"
    )
    got = agencies(text)
    names = [a for a in got if a.startswith("ủy ban nhân dân")]
    assert len(names) == 2


def test_provinces_after_a_ministry_that_lost_its_comma_are_addressees() -> None:
    lead = lead_bodies(
        "Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình,\nHưng Yên, Đồng Nai đôn đốc chủ đầu tư."
    )
    assert lead is not None
    assert [b.as_written for b in lead.bodies][:2] == ["Bộ Xây dựng", "Bộ Quốc phòng"]
    assert [b.place for b in lead.bodies[2:]] == ["Ninh Bình", "Hưng Yên", "Đồng Nai"]
    assert lead.rest.startswith("đôn đốc")


def test_a_central_body_keeps_its_regional_unit() -> None:
    from kg.extract.bodies import find_bodies

    got = [b.as_written for b in find_bodies("Kho bạc nhà nước khu vực XI, Kiểm toán nhà nước")]
    assert got[0] == "Kho bạc nhà nước khu vực XI"


ITEM_PARAGRAPHS = """Điều 2. Tổ chức thực hiện

1. Sở Tư pháp chịu trách nhiệm đăng tải công khai Danh mục thủ tục hành chính.

2. Ủy ban nhân dân các xã, phường chịu trách nhiệm tiếp nhận và trả kết quả giải quyết
thủ tục hành chính theo Quy trình nội bộ được phê duyệt tại Quyết định này.
Đối với hồ sơ đã được cung cấp dịch vụ công trực tuyến, Trung tâm Phục vụ hành chính công
tỉnh, Trung tâm Phục vụ hành chính công cấp xã thực hiện hướng dẫn tổ chức, cá nhân nộp
hồ sơ trực tuyến.

Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
"""


def test_a_later_paragraph_of_an_item_opening_on_its_matter_is_the_next_bodies_share() -> None:
    got = table(duties_of(ITEM_PARAGRAPHS, PROVINCE)[0])
    assert ("Trung tâm Phục vụ hành chính công tỉnh", "assigned", 1) in got
    assert ("Trung tâm Phục vụ hành chính công cấp xã", "assigned", 1) in got
    assert ("Ủy ban nhân dân các xã, phường", "assigned", 1) in got


def test_a_comma_in_brackets_ends_no_preface() -> None:
    from kg.extract.duties.preface import preface_end

    text = "Đối với cán bộ trong lực lượng vũ trang (quân đội, công an), Bộ Chính trị quyết định."
    q = preface_end(text, 0, matter=True)
    assert q is not None and text[q:].startswith("Bộ Chính trị")
    assert preface_end(text, 0) is None  # "Đối với" is a matter only where asked for
