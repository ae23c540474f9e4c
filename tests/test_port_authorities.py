"""The State at a port, a border gate and in the armed forces, and the central agencies of
the 2025 reorganisation: bodies named in regulations of a port or a border area (Bộ luật Hàng
hải 2015, Luật Biên phòng Việt Nam 2020, Luật Hải quan 2014) and in the Ministry of Finance's
letters, as reference data (ontology/bodies.ttl), not rules for one text (issue 10)."""

from __future__ import annotations

import pytest
from snippets import duties_of, named_bodies, record, table

from kg.extract.bodies import Context, speaks_as_issuer
from kg.models import DocumentFacts

MINISTRY = DocumentFacts(issuer="Bộ Quốc phòng", issuer_level="central", issuer_kind="state")
PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Quảng Ninh", issuer_level="province", province="Quảng Ninh"
)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Cảng vụ Hàng hải Hòn Gai", "Cảng vụ Hàng hải Hòn Gai"),
        ("Cơ quan Hải quan", "Cơ quan Hải quan"),
        ("Cục Hải quan", "Cục Hải quan"),
        ("Tổng cục Thuế", "Tổng cục Thuế"),
        ("Cục Thuế", "Cục Thuế"),
        ("Bộ đội Biên phòng", "Bộ đội Biên phòng"),
        ("Bộ Tư lệnh Bộ đội Biên phòng", "Bộ Tư lệnh Bộ đội Biên phòng"),
        ("Ban Chỉ huy Bộ đội Biên phòng thành phố", "Ban Chỉ huy Bộ đội Biên phòng thành phố"),
        ("Đồn Biên phòng Hòn Gai", "Đồn Biên phòng Hòn Gai"),
        ("Kiểm dịch y tế", "Kiểm dịch y tế"),
        ("Kiểm dịch thực vật", "Kiểm dịch thực vật"),
        ("Quân chủng Hải quân", "Quân chủng Hải quân"),
        ("Ban Cơ yếu Chính phủ", "Ban Cơ yếu Chính phủ"),
        ("Ủy ban Chứng khoán Nhà nước", "Ủy ban Chứng khoán Nhà nước"),
        ("Báo Quân đội nhân dân", "Báo Quân đội nhân dân"),
        ("Đoàn ĐBQH tỉnh", "Đoàn đại biểu Quốc hội tỉnh"),
        ("Các Thuế cơ sở", "Các Thuế cơ sở"),
        ("Cơ quan Thuế tỉnh", "Thuế tỉnh"),
        ("Chi cục Kiểm lâm tỉnh Lào Cai", "Chi cục Kiểm lâm"),
        ("Chi cục Trồng trọt và Bảo vệ thực vật", "Chi cục Trồng trọt và Bảo vệ thực vật"),
        ("Chi cục Biển đảo và Thủy sản", "Chi cục Biển đảo và Thủy sản"),
        ("Trung tâm Hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"),
        ("Cục Hàng hải Việt Nam", "Cục Hàng hải Việt Nam"),
        ("Cục Quản lý khám, chữa bệnh", "Cục Quản lý khám, chữa bệnh"),
        ("Hội Sinh viên Việt Nam tỉnh", "Hội Sinh viên tỉnh"),
    ],
)
def test_the_bodies_of_a_port_and_the_2025_agencies_are_known(printed: str, name: str) -> None:
    assert [n for n, _t in named_bodies(f"{printed} phối hợp thực hiện.", PROVINCE)] == [name]


@pytest.mark.parametrize(
    "running",
    [
        "Tăng cường công tác kiểm dịch y tế tại cửa khẩu.",
        "bảo đảm kiểm dịch động vật, kiểm dịch thực vật đúng quy định.",
    ],
)
def test_an_activity_printed_in_lower_case_is_no_body(running: str) -> None:
    assert named_bodies(running, PROVINCE) == []


def test_each_authority_of_a_port_gets_the_duty_of_their_shared_sentence() -> None:
    text = """Điều 20. Trách nhiệm của cơ quan liên quan

Cơ quan Hải quan, Bộ đội Biên phòng, Cảng vụ hàng hải, Kiểm dịch y tế, Kiểm dịch
thực vật có trách nhiệm phối hợp với doanh nghiệp cảng khi bố trí lực lượng tại
khu vực cửa khẩu.
"""
    got = {b for b, _m, _n in table(duties_of(text, MINISTRY)[0])}
    assert {
        "Cơ quan Hải quan",
        "Bộ đội Biên phòng",
        "Cảng vụ hàng hải",
        "Kiểm dịch y tế",
        "Kiểm dịch thực vật",
    } <= got


def test_the_body_whose_head_enacts_speaks_as_the_issuer() -> None:
    ctx = Context.from_facts(
        DocumentFacts(issuer="Cục trưởng Cục Hải quan", issuer_level="central")
    )
    assert speaks_as_issuer("Cục Hải quan", ctx)
    assert not speaks_as_issuer("Cục Thuế", ctx)


LETTER = """BỘ TÀI CHÍNH
CỤC THUẾ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 4321/CT-CS
V/v chính sách thuế

Hà Nội, ngày 12 tháng 11 năm 2025

Kính gửi: Thuế tỉnh Lào Cai.

Cục Thuế nhận được công văn số 88/LCA-QLDN của Thuế tỉnh Lào Cai hỏi về chính sách
thuế. Về vấn đề này, Cục Thuế có ý kiến như sau:

Đề nghị Thuế tỉnh Lào Cai căn cứ quy định nêu trên và hồ sơ thực tế để xử lý theo
đúng quy định.

Cục Thuế sẽ tổng hợp vướng mắc để báo cáo Bộ Tài chính.

Cục Thuế có ý kiến để Thuế tỉnh Lào Cai được biết./.

Nơi nhận:
- Như trên;
- Lưu: VT, CS.

KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG

Nguyễn Văn An
"""


def test_a_letter_gives_no_work_to_the_department_that_writes_it() -> None:
    rec = record(LETTER)
    assert rec["document"]["issuer"] == "Cục Thuế"
    assert [a["agency"] for a in rec["assignments"]] == ["Thuế tỉnh Lào Cai"]


def test_the_ministry_of_defence_directing_a_service_hands_it_the_task() -> None:
    text = """Điều 28. Trách nhiệm của Bộ Quốc phòng

1. Chỉ đạo Quân chủng Hải quân chủ trì, phối hợp với Ủy ban nhân dân tỉnh tổ chức
triển lãm hàng hải trong khu vực cảng.

2. Kiểm tra việc thực hiện Quy chế.
"""
    got = table(duties_of(text, PROVINCE)[0])
    assert ("Quân chủng Hải quân", "assigned", 1) in got
    assert ("Bộ Quốc phòng", "assigned", 2) in got
