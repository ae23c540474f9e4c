"""Which bodies a document gives work to, on short texts written for each drafting shape
(issue 10: bodies recall on real documents)."""

from __future__ import annotations

from snippets import duties_of, table

from kg.models import Assignment, DocumentFacts

CENTRAL = DocumentFacts(
    issuer="Văn phòng Chính phủ",
    issuer_level="central",
    issuer_kind="state",
)


def run(body: str, facts: DocumentFacts = CENTRAL) -> list[Assignment]:
    return duties_of(body, facts)[0]


def test_a_list_sharing_one_head_word_gives_each_body_the_item() -> None:
    text = """Thủ tướng Chính phủ yêu cầu:
1. Bộ Xây dựng rà soát các tuyến đường bị ngập.
2. Các Bộ: Quốc phòng, Công an bố trí lực lượng hỗ trợ người dân.
3. Các Bộ: Y tế, Giáo dục và Đào tạo theo chức năng hướng dẫn các địa phương.
"""
    assert table(run(text)) == [
        ("Bộ Xây dựng", "assigned", 1),
        ("Bộ Quốc phòng", "assigned", 1),
        ("Bộ Công an", "assigned", 1),
        ("Bộ Y tế", "assigned", 1),
        ("Bộ Giáo dục và Đào tạo", "assigned", 1),
    ]


CONCLUSION = """I. Ý KIẾN KẾT LUẬN
1. Về đề nghị bổ sung vốn cho dự án cầu cảng: giao Bộ Tài chính chủ trì, phối hợp với \
Bộ Xây dựng xem xét, báo cáo trong tháng 12.
2. Về phủ sóng các thôn vùng cao: đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, \
Công nghiệp - Viễn thông Quân đội hoàn thành lắp trạm trong quý I; Bộ Khoa học và \
Công nghệ hướng dẫn các Tập đoàn nêu trên.
3. Về tuyến đường ven biển của Tỉnh: Bộ Xây dựng khẩn trương thẩm định hồ sơ.
Văn phòng Chính phủ trân trọng thông báo./.
"""


def test_items_about_a_matter_give_each_clause_to_its_own_bodies() -> None:
    assert table(run(CONCLUSION)) == [
        ("Bộ Tài chính", "assigned", 1),
        ("Tập đoàn Bưu chính Viễn thông Việt Nam", "requested", 1),
        ("Tập đoàn Công nghiệp - Viễn thông Quân đội", "requested", 1),
        ("Bộ Khoa học và Công nghệ", "assigned", 1),
        ("Bộ Xây dựng", "assigned", 1),
    ]


def test_the_words_naming_the_matter_hand_out_no_work() -> None:
    text = """II. KIẾN NGHỊ
1. Về đề nghị Chính phủ chỉ đạo Bộ Công Thương bổ sung quy hoạch: giao Bộ Tài chính \
nghiên cứu, báo cáo.
"""
    assert table(run(text)) == [("Bộ Tài chính", "assigned", 1)]


def test_a_request_outside_the_parts_organised_by_body_is_read_a_closing_call_is_not() -> None:
    text = """I. NHIỆM VỤ TRỌNG TÂM
Đề nghị Thường trực Tỉnh ủy Hà Giang tập trung lãnh đạo việc sắp xếp bộ máy.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: Hướng dẫn các xã sắp xếp bộ máy.
2. Sở Tài chính: Bố trí kinh phí.
Yêu cầu các sở, ngành, Ủy ban nhân dân các xã thực hiện nghiêm túc./.
"""
    facts = DocumentFacts(
        issuer="Ủy ban nhân dân tỉnh Hà Giang",
        issuer_level="province",
        issuer_kind="state",
        province="Hà Giang",
    )
    assert table(run(text, facts)) == [
        ("Sở Nội vụ", "assigned", 1),
        ("Sở Tài chính", "assigned", 1),
        ("Thường trực Tỉnh ủy", "requested", 1),
    ]


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 12/CĐ-TTg
Hà Nội, ngày 2 tháng 3 năm 2025
CÔNG ĐIỆN
Về việc phòng, chống hạn hán
THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ;
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Để bảo đảm nước cho sản xuất, Thủ tướng Chính phủ yêu cầu:
1. Rà soát nguồn nước, lập phương án cấp nước cho dân.
2. Kiểm tra các công trình thủy lợi trước mùa khô.
3. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này./.
"""


def test_a_telegram_gives_its_unled_points_to_the_bodies_it_is_sent_to() -> None:
    facts = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")
    assert sorted(table(run(TELEGRAM, facts))) == [
        ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "assigned", 2),
        ("Văn phòng Chính phủ", "assigned", 1),
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "assigned", 2),
    ]


LETTER = """BỘ TÀI CHÍNH
-------
Số: 100/BTC-CT
V/v phổ biến tài liệu hướng dẫn
Hà Nội, ngày 5 tháng 3 năm 2025
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Bộ Tài chính đã biên soạn tài liệu hướng dẫn nghiệp vụ cho công chức cấp xã.
Để tài liệu đến đúng người dùng, Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh quan tâm chỉ đạo:
1. Phổ biến tài liệu đến các xã, phường.
2. Tổ chức tập huấn cho công chức cấp xã.
Bộ Tài chính gửi kèm tài liệu điện tử để các địa phương sử dụng./.
"""


def test_a_letter_gives_its_points_to_the_addressee_not_to_its_issuer() -> None:
    facts = DocumentFacts(issuer="Bộ Tài chính", issuer_level="central", issuer_kind="state")
    assert table(run(LETTER, facts)) == [
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "requested", 2),
    ]


PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Hà Giang",
    issuer_level="province",
    issuer_kind="state",
    province="Hà Giang",
)

RULES = """Chương III
TỔ CHỨC THỰC HIỆN
Điều 10. Trách nhiệm của cơ quan, tổ chức đặt hàng khảo sát xã hội học
1. Cung cấp tài liệu cho đơn vị khảo sát.
2. Bố trí kinh phí theo hợp đồng.
Điều 11. Trách nhiệm của các cơ quan quản lý cấp trên (kể cả cơ quan chủ quản):
1. Đôn đốc đơn vị cấp dưới thực hiện.
Điều 12. Trách nhiệm của Sở Nội vụ
1. Hướng dẫn, kiểm tra việc thực hiện Quy chế này.
"""


def test_a_catch_all_made_specific_by_its_heading_is_named_by_all_of_it() -> None:
    assert table(run(RULES, PROVINCE)) == [
        ("Các cơ quan, tổ chức đặt hàng khảo sát xã hội học", "assigned", 2),
        ("Các cơ quan quản lý cấp trên", "assigned", 1),
        ("Sở Nội vụ", "assigned", 1),
    ]


MEMBERS = """IV. NHIỆM VỤ CỤ THỂ
1. Sở Tài chính
- Hướng dẫn kiểm kê tài sản.
2. Các cơ quan tham mưu quản lý ngành (gồm các Sở: Xây dựng, Công Thương)
- Hướng dẫn kiểm kê tài sản hạ tầng của ngành.
- Cử công chức tham gia tổ công tác.
"""


def test_a_catch_all_followed_by_its_members_gives_the_work_to_each_member() -> None:
    assert table(run(MEMBERS, PROVINCE)) == [
        ("Sở Tài chính", "assigned", 1),
        ("Sở Xây dựng", "assigned", 2),
        ("Sở Công Thương", "assigned", 2),
    ]


def test_a_heading_body_that_leads_the_tasks_listed_below_it() -> None:
    text = """V. TỔ CHỨC
THỰC HIỆN
1. Sở Y tế chủ trì, phối hợp với Sở Tài chính:
- Tập huấn cho cán bộ y tế xã.
- Kiểm tra các trạm y tế.
2. Các sở, ban, ngành của tỉnh, Ủy ban nhân dân các xã rà soát các trạm y tế trên địa bàn.
"""
    got = run(text, PROVINCE)
    assert table(got) == [
        ("Sở Y tế", "assigned", 2),
        ("Các sở, ban, ngành tỉnh", "assigned", 1),
        ("Ủy ban nhân dân các xã", "assigned", 1),
    ]
    assert all(d.role == "lead" for d in got[0].duties)


STORM = """THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 20/CĐ-TTg
Hà Nội, ngày 9 tháng 10 năm 2025
CÔNG ĐIỆN
Về việc ứng phó bão
THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Ninh Bình;
- Các Bộ: Quốc phòng, Công an.
Để chủ động ứng phó với bão, Thủ tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Ninh đến Ninh Bình:
a) Sơ tán dân khỏi khu vực nguy hiểm.
b) Cấm tàu thuyền ra khơi.
2. Các Bộ: Quốc phòng, Công an bố trí lực lượng cứu hộ.
3. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt
Nam, Thông tấn xã Việt Nam đưa tin kịp thời về diễn biến của bão.
"""


def test_a_telegram_s_addressees_and_the_range_naming_the_provinces() -> None:
    facts = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")
    assert table(run(STORM, facts)) == [
        ("Ủy ban nhân dân các tỉnh, thành phố từ Quảng Ninh đến Ninh Bình", "assigned", 2),
        ("Bộ Quốc phòng", "assigned", 1),
        ("Bộ Công an", "assigned", 1),
        ("Đài Truyền hình Việt Nam", "assigned", 1),
        ("Đài Tiếng nói Việt Nam", "assigned", 1),
        ("Thông tấn xã Việt Nam", "assigned", 1),
    ]
