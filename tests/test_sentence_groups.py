"""Work handed out in sentence groups (kg.extract.duties.groups, kg.extract.duties.preface).

Government notices of conclusions and the Prime Minister's conclusions write their work as
running text: a clause that opens with its purpose or condition before the body ("Để ...,
Ủy ban nhân dân tỉnh X phối hợp ..."), an item led by one body whose later paragraphs open
with other bodies, a lead-in naming its body before a numbered list. Each snippet below is
written for the test in the shape a web copy of such a notice takes (web line wraps kept).
"""

from __future__ import annotations

import snippets
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.duties.preface import preface_end
from kg.text import normalize_key

HEAD = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 900/TB-VPCP
Hà Nội, ngày 20 tháng 11 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI BUỔI LÀM VIỆC VỚI TỈNH HÀ TĨNH

Ngày 10 tháng 11 năm 2025, Thủ tướng Chính phủ đã làm việc với lãnh đạo tỉnh Hà Tĩnh.
Sau khi nghe báo cáo của Ủy ban nhân dân tỉnh Hà Tĩnh, ý kiến của các đại biểu, Thủ
tướng Chính phủ kết luận như sau:

"""

TAIL = """
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn A
"""


def record(body: str) -> dict:
    return snippets.record(HEAD + body + TAIL, "notice.txt")


def agencies(body: str) -> dict[str, dict]:
    return snippets.agencies(HEAD + body + TAIL, "notice.txt")


def entry(found: dict[str, dict], name: str) -> dict:
    assert normalize_key(name) in found, sorted(found)
    return found[normalize_key(name)]


PREFACED = """II. VỀ CÁC KIẾN NGHỊ CỦA TỈNH

1. Về đầu tư cảng tổng hợp: với vai trò là chủ đầu tư, Tập đoàn Điện lực Việt Nam chủ
động làm việc với các nhà đầu tư để triển khai các nội dung liên quan. Để xác định vị trí
cụ thể của dự án, Ủy ban nhân dân tỉnh Hà Tĩnh phối hợp với Bộ Công Thương và các cơ quan
liên quan rà soát kỹ các quy hoạch trên địa bàn, báo cáo Thủ tướng Chính phủ trong tháng
12 năm 2025.

2. Về tuyến đường ven biển: Bộ Xây dựng khẩn trương rà soát, báo cáo Thủ tướng Chính phủ.
"""


def test_a_clause_opening_with_its_purpose_or_capacity_is_its_bodys_duty():
    found = agencies(PREFACED)
    assert entry(found, "Tập đoàn Điện lực Việt Nam")["duties"] == 1
    ubnd = entry(found, "Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert ubnd["duties"] == 1
    assert ubnd["first_duty"].startswith("phối hợp với Bộ Công Thương")
    assert ubnd["coordinates_with"] == ["Bộ Công Thương"]
    assert entry(found, "Bộ Xây dựng")["duties"] == 1


def test_a_province_name_the_web_copy_wrapped_stays_whole():
    body = PREFACED.replace("tỉnh Hà Tĩnh phối hợp", "tỉnh Hà\nTĩnh phối hợp")
    found = agencies(body)
    assert normalize_key("Ủy ban nhân dân tỉnh Hà") not in found
    assert entry(found, "Ủy ban nhân dân tỉnh Hà Tĩnh")["duties"] == 1


LEAD_IN = """I. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI

Đề nghị Thường trực Tỉnh ủy Hà Tĩnh tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ,
giải pháp trong những tháng cuối năm, trong đó lưu ý một số nội dung trọng tâm sau:

1. Đổi mới tư duy phát triển, khai thác tối đa nguồn lực bên trong.

2. Đẩy mạnh phát triển kết cấu hạ tầng chiến lược; đẩy mạnh hợp tác công tư.

3. Chú trọng bảo vệ môi trường, phát triển bền vững.

II. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH

1. Về nâng cấp quốc lộ: giao Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính nghiên cứu,
xử lý theo quy định.
"""


def test_a_lead_in_naming_its_body_gives_it_each_listed_item():
    found = agencies(LEAD_IN)
    party = entry(found, "Thường trực Tỉnh ủy Hà Tĩnh")
    assert party["duties"] == 3  # the three items; the lead-in itself is none (GUIDE)
    assert party["mode"] == "requested"
    assert party["first_duty"].startswith("Đổi mới tư duy")
    assert entry(found, "Bộ Xây dựng")["leads"]


def test_items_with_bodies_of_their_own_are_not_the_lead_ins():
    body = LEAD_IN.replace("2. Đẩy mạnh", "2. Sở Xây dựng đẩy mạnh")
    found = agencies(body)
    assert entry(found, "Thường trực Tỉnh ủy Hà Tĩnh")["duties"] == 1


GROUPED = """1. Các địa phương phát động ngay chiến dịch hỗ trợ Nhân dân xây dựng lại nhà ở bị
sập đổ, hoàn thành trước ngày 31/12/2025.

Về kinh phí: Các địa phương chủ động bố trí các nguồn lực của địa phương, sử dụng hiệu quả
các khoản kinh phí đã được phân bổ.

Bộ Quốc phòng, Bộ Công an huy động lực lượng tối đa hỗ trợ Nhân dân.

Bộ Xây dựng
chỉ đạo Sở Xây dựng nghiên cứu đưa ra một số thiết kế nhà mẫu theo phong tục, tập quán
của người dân địa phương.

2. Bộ trưởng
Bộ Y tế chỉ đạo ngành y tế xử lý vệ sinh môi trường sau lũ.
"""


def test_paragraphs_of_an_item_that_open_with_other_bodies_are_theirs():
    found = agencies(GROUPED)
    assert entry(found, "Các địa phương")["duties"] >= 1  # "Về kinh phí: ..." goes on with it
    assert entry(found, "Bộ Quốc phòng")["duties"] == 1
    assert entry(found, "Bộ Công an")["duties"] == 1
    assert entry(found, "Bộ Xây dựng")["first_duty"].startswith("chỉ đạo Sở Xây dựng")
    assert entry(found, "Bộ Y tế")["duties"] == 1


def test_a_paragraph_that_only_goes_on_stays_with_its_item():
    body = GROUPED.split("Về kinh phí")[0] + "Việc sửa chữa phải bảo đảm an toàn.\n"
    found = agencies(body)
    assert entry(found, "Các địa phương")["duties"] == 1


def test_the_speaker_after_a_preface_is_no_body_with_work():
    found = agencies(PREFACED)
    assert normalize_key("Chính phủ") not in found


# ---------------------------------------------------------------- property

_WORDS = st.sampled_from(
    [
        "khẩn trương",
        "khắc phục",
        "hậu quả",
        "mưa lũ",
        "ổn định",
        "đời sống",
        "Nhân dân",
        "sản xuất",
        "dự án",
        "vị trí",
        "cụ thể",
        "thời gian",
        "tới",
        "bảo đảm",
    ]
)
_OPENERS = st.sampled_from(["Để", "Sau khi", "Trên cơ sở", "Trường hợp", "Trong thời gian"])
_BODIES = st.sampled_from(["Bộ Y tế", "Bộ Xây dựng", "Sở Tài chính", "Bộ Công an"])


@settings(max_examples=60, deadline=None)
@given(_OPENERS, st.lists(_WORDS, min_size=1, max_size=12), _BODIES)
def test_the_body_after_any_preface_is_found(opener, words, body):
    text = f"{opener} {' '.join(words)}, {body} chủ động triển khai thực hiện."
    q = preface_end(text, 0)
    assert q is not None and text[q:].startswith(body)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_preface_end_never_fails_and_stays_in_the_text(text):
    q = preface_end(text, 0)
    assert q is None or 0 < q <= len(text)
