"""Office holders given work: the offices of a Ban Chỉ đạo (ontology/bodies.ttl,
bodies:CollegialOffice) and the heads of executive bodies.

A Quy chế of a Ban Chỉ đạo gives its head, deputies and members articles of their own
("Điều 5. Trách nhiệm của Trưởng Ban Chỉ đạo"): each office is recorded as the one that acts
(the annotation convention of tests/data/real/ours). A head addressed for the body he heads
("Bộ trưởng Bộ Y tế chỉ đạo ...") stays that body (CT_012 convention). "Chủ trì" in the
sense of chairing a meeting makes no lead. Snippets are written for the test, in the shape
of web copies (a heading's last words wrapped onto a line of their own).
"""

from __future__ import annotations

import snippets

from kg.extract.duties import role_of
from kg.text import normalize_key

QUY_CHE = """BAN CHỈ ĐẠO PHÁT TRIỂN DU LỊCH TỈNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/QĐ-BCĐ
Hà Tĩnh, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của Ban Chỉ đạo phát triển du lịch tỉnh

TRƯỞNG BAN CHỈ ĐẠO PHÁT TRIỂN DU LỊCH TỈNH

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

QUY CHẾ
HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO PHÁT TRIỂN DU LỊCH TỈNH

Điều 5. Trách nhiệm của Trưởng
Ban Chỉ đạo
1. Lãnh đạo, điều hành toàn bộ hoạt động của Ban Chỉ đạo.
2. Triệu tập, chủ trì các cuộc họp của Ban Chỉ đạo.
3. Phân công nhiệm vụ cho các thành viên Ban Chỉ đạo.

Điều 6. Trách nhiệm của Phó Trưởng Ban Chỉ đạo
1. Thay mặt Trưởng Ban Chỉ đạo triệu tập, chủ trì các cuộc họp khi được ủy quyền.
2. Giúp Trưởng Ban Chỉ đạo điều hành hoạt động của Ban Chỉ đạo.

Điều 7. Trách nhiệm của Ủy viên thường trực
1. Giúp lãnh đạo Ban Chỉ đạo điều hành công việc thường xuyên.
2. Chủ trì, phối hợp với Sở Tài chính xây dựng dự toán kinh phí hoạt động.

Điều 8. Trách nhiệm của các Ủy viên Ban Chỉ đạo
1. Tham gia đầy đủ các cuộc họp của Ban Chỉ đạo.
2. Thực hiện các nhiệm vụ được Trưởng Ban Chỉ đạo phân công.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TRƯỞNG BAN
Nguyễn Văn A
"""


def agencies(text: str) -> dict[str, dict]:
    return snippets.agencies(text, "quy_che.txt")


def test_each_office_with_an_article_is_recorded_as_the_one_that_acts():
    found = agencies(QUY_CHE)
    counts = {
        "Trưởng Ban Chỉ đạo": 3,
        "Phó Trưởng Ban Chỉ đạo": 2,
        "Ủy viên thường trực Ban Chỉ đạo": 2,
        "Các Ủy viên Ban Chỉ đạo": 2,
    }
    for office, n in counts.items():
        assert normalize_key(office) in found, sorted(found)
        assert found[normalize_key(office)]["duties"] == n


def test_chairing_a_meeting_is_no_lead_but_leading_a_task_is():
    found = agencies(QUY_CHE)
    assert not found[normalize_key("Trưởng Ban Chỉ đạo")]["leads"]
    assert not found[normalize_key("Phó Trưởng Ban Chỉ đạo")]["leads"]
    assert found[normalize_key("Ủy viên thường trực Ban Chỉ đạo")]["leads"]


def test_role_of_chairing():
    assert role_of("Triệu tập, chủ trì các cuộc họp của Ban Chỉ đạo.") == "participant"
    assert role_of("Chủ trì các phiên họp định kỳ.") == "participant"
    assert role_of("Chủ trì, phối hợp với Sở Y tế tổ chức hội nghị tổng kết.") == "lead"


def test_a_head_addressed_for_his_body_stays_the_body():
    text = QUY_CHE.replace(
        "Nơi nhận:",
        "Điều 9. Tổ chức thực hiện\n"
        "1. Giám đốc Sở Văn hóa, Thể thao và Du lịch chủ trì tổng hợp kết quả.\n"
        "2. Giám đốc Sở Tài chính bố trí kinh phí hoạt động.\n\nNơi nhận:",
    )
    found = agencies(text)
    assert normalize_key("Sở Văn hóa, Thể thao và Du lịch") in found


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 300/CĐ-TTg
Hà Nội, ngày 26 tháng 11 năm 2025

CÔNG ĐIỆN
V/v chủ động ứng phó bão
THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng, Quảng Ngãi;
- Bộ trưởng các Bộ: Quốc phòng, Công an.
Để chủ động ứng phó với bão, Thủ tướng Chính phủ yêu cầu:
1. Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị sẵn sàng lực lượng hỗ trợ
địa phương.
2. Theo dõi sát diễn biến của bão, chủ động triển khai các biện pháp ứng phó.
3. Giao Phó Thủ tướng Chính phủ Trần Văn B tiếp tục chỉ đạo các Bộ, ngành, địa phương
triển khai công tác ứng phó với bão.

Nơi nhận:
- Như trên;
- Lưu: VT.
THỦ TƯỚNG
Nguyễn Văn C
"""


def test_a_telegram_point_for_an_office_holder_is_not_the_addressees_work():
    found = agencies(TELEGRAM)
    # point 2 (no body of its own) is the addressees'; point 3 is the Deputy PM's
    assert found[normalize_key("Bộ Quốc phòng")]["duties"] == 2
    assert found[normalize_key("Bộ Công an")]["duties"] == 2
