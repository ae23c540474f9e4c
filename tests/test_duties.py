"""Duty rules on small texts written for each drafting convention."""

from __future__ import annotations

from snippets import duties_of, table

from kg.extract.duties import deadline_of, pro_forma, role_of
from kg.models import Assignment, DocumentFacts, Finding
from kg.structure import parse
from kg.text import clean_text

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân huyện Quế Phong",
    issuer_level="district",
    issuer_kind="state",
    province="Nghệ An",
    district="Quế Phong",
)


def run(body: str, facts: DocumentFacts = FACTS) -> tuple[list[Assignment], list[Finding]]:
    return duties_of(body, facts)


HEADINGS = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục và Đào tạo
- Chủ trì, phối hợp với Phòng Y tế tổ chức dạy bơi cho học sinh, hoàn thành trước ngày 30/6/2024.
- Chỉ đạo các trường học xây dựng trường học an toàn.
2. Phòng Tư pháp: Tổ chức đăng ký khai sinh cho trẻ em đúng hạn.
3. Phòng Văn hóa và Thông tin, Đài Truyền thanh - Truyền hình
- Tuyên truyền phòng, chống xâm hại trẻ em.
4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể
Tuyên truyền, vận động hội viên tham gia bảo vệ trẻ em.
"""


def test_one_assignment_per_body_named_in_a_heading() -> None:
    assignments, _ = run(HEADINGS)
    assert table(assignments) == [
        ("Phòng Giáo dục và Đào tạo", "assigned", 2),
        ("Phòng Tư pháp", "assigned", 1),
        ("Phòng Văn hóa và Thông tin", "assigned", 1),
        ("Đài Truyền thanh - Truyền hình", "assigned", 1),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "requested", 1),
        ("Các đoàn thể", "requested", 1),
    ]


def test_duty_facts() -> None:
    assignments, _ = run(HEADINGS)
    first = assignments[0].duties[0]
    assert first.role == "lead" and assignments[0].leads
    assert [p.name for p in first.partners] == ["Phòng Y tế"]
    assert first.deadline == "hoàn thành trước ngày 30/6/2024"
    assert "InjuryDrowning" in first.topics
    assert first.section == "IV.1"
    assert assignments[1].duties[0].text.startswith("Tổ chức đăng ký khai sinh")
    assert "BirthRegistrationJustice" in assignments[1].duties[0].topics


def test_span_points_at_the_original_text() -> None:
    text = HEADINGS
    assignments, _ = run(text)
    d = assignments[1].duties[0]
    assert text[d.span.start : d.span.end].startswith("Tổ chức đăng ký khai sinh")
    b = assignments[0].body
    assert text[b.span.start : b.span.end] == "Phòng Giáo dục và Đào tạo"


def test_bodies_named_inline_and_in_bullets_get_their_own_duty() -> None:
    text = """III. TỔ CHỨC THỰC HIỆN
1. Các ban xây dựng Đảng Huyện ủy
- Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với các cơ quan liên quan kiểm tra việc thực hiện.
- Ban Tổ chức, Ban Dân vận Huyện ủy phối hợp với Ban Tuyên giáo Huyện ủy tham mưu triển khai.
2. Ủy ban nhân dân huyện chỉ đạo xây dựng kế hoạch thực hiện. Đồng thời chỉ đạo:
- Phòng Nội vụ chủ trì kiện toàn bộ máy làm công tác trẻ em.
- Phòng Y tế chỉ đạo nâng cao chất lượng khám, chữa bệnh cho trẻ em.
Phối hợp chỉ đạo Trung tâm Y tế huyện tăng cường tiêm chủng.
"""
    facts = DocumentFacts(issuer="Ban Thường vụ Huyện ủy Quế Phong", issuer_level="district")
    assignments, _ = run(text, facts)
    assert table(assignments) == [
        ("Ban Tuyên giáo Huyện ủy", "assigned", 1),
        ("Ban Tổ chức Huyện ủy", "assigned", 1),
        ("Ban Dân vận Huyện ủy", "assigned", 1),
        ("Ủy ban nhân dân huyện", "assigned", 1),
        ("Phòng Nội vụ", "assigned", 1),
        ("Phòng Y tế", "assigned", 1),
    ]
    assert assignments[1].duties[0].text.startswith("phối hợp với Ban Tuyên giáo")
    assert [p.name for p in assignments[1].duties[0].partners] == ["Ban Tuyên giáo Huyện ủy"]
    # the paragraph after the last bullet continues it; its object is no partner
    assert "Trung tâm Y tế" in assignments[-1].duties[0].text
    assert assignments[-1].duties[0].partners == []


def test_requested_bullet_inside_another_heading() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức thành viên
- Giám sát việc thực hiện chính sách đối với trẻ em.
- Đề nghị Đoàn TNCS Hồ Chí Minh huyện tổ chức tốt các hoạt động hè cho thiếu nhi.
"""
    assignments, _ = run(text)
    assert table(assignments) == [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "requested", 1),
        ("Các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam", "requested", 1),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện", "requested", 1),
    ]
    assert assignments[-1].duties[0].text.startswith("tổ chức tốt các hoạt động hè")


def test_counting_paragraphs_and_bullets() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Tài chính - Kế hoạch

Tham mưu bố trí kinh phí thực hiện Kế hoạch.

Hướng dẫn thanh quyết toán kinh phí theo quy định.

2. Phòng Lao động - Thương binh và Xã hội
- Theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp kết quả thực hiện của các
- đơn vị.
- Hướng dẫn các xã triển khai mô hình bảo vệ trẻ em:
+ Mô hình ngôi nhà an toàn;
+ Mô hình câu lạc bộ quyền trẻ em.
"""
    assignments, _ = run(text)
    assert table(assignments) == [
        ("Phòng Tài chính - Kế hoạch", "assigned", 2),
        ("Phòng Lao động - Thương binh và Xã hội", "assigned", 2),
    ]


def test_passage_printed_twice_counts_once() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Công an huyện
- Phối hợp với Phòng Lao động - Thương binh và Xã hội hỗ trợ trẻ em bị xâm hại.
- Điều tra, xử lý nghiêm các vụ xâm hại trẻ em theo quy định.- Phối hợp với Phòng Lao động - Thương binh và Xã hội hỗ trợ trẻ em bị xâm hại.
- Điều tra, xử lý nghiêm các vụ xâm hại trẻ em theo quy định.
"""
    assignments, findings = run(text)
    assert table(assignments) == [("Công an huyện", "assigned", 2)]
    assert findings and all(f.kind == "duplicate-passage" for f in findings)


def test_per_theme_assignment() -> None:
    text = """II. NHIỆM VỤ, GIẢI PHÁP; PHÂN CÔNG THỰC HIỆN
1. Nâng cao chất lượng dịch vụ bảo vệ trẻ em
a) Nhiệm vụ, giải pháp:
- Phát triển mạng lưới cộng tác viên bảo vệ trẻ em.
- Kiện toàn tổ chức bộ máy làm công tác trẻ em.
b) Phân công thực hiện: Các sở, ngành tỉnh; địa phương.
2. Truyền thông
a) Nhiệm vụ, giải pháp:
- Đẩy mạnh truyền thông về quyền trẻ em.
b) Phân công thực hiện:
- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, các cơ quan báo chí trên địa bàn tỉnh tham gia.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Nghệ An", issuer_level="province")
    assignments, _ = run(text, facts)
    assert table(assignments) == [
        ("Các sở, ngành tỉnh", "assigned", 2),
        ("Các địa phương", "assigned", 2),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "requested", 1),
        ("Các cơ quan báo chí", "requested", 1),  # the label printed (1f5b85d)
    ]


def test_decision_articles_and_executors() -> None:
    text = """QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống đuối nước trẻ em.
Điều 2. Giao Sở Lao động - Thương binh và Xã hội chủ trì theo dõi việc thực hiện.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Y tế, Giáo dục và Đào tạo; Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Quảng Trị", issuer_level="province")
    assignments, _ = run(text, facts)
    # the executors clause names who carries the decision out; it hands out no work (GUIDE)
    assert [a.body.name for a in assignments] == ["Sở Lao động - Thương binh và Xã hội"]
    assert assignments[0].leads


def test_work_handed_out_after_an_articles_first_sentence() -> None:
    text = """QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính nội bộ.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký. Giao Sở Y tế chủ trì, phối hợp
với Sở Tư pháp công khai thủ tục hành chính tại Điều 1.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Quảng Trị", issuer_level="province")
    assignments, _ = run(text, facts)
    assert table(assignments) == [("Sở Y tế", "assigned", 1)]
    duty = assignments[0].duties[0]
    assert (duty.role, duty.section, [p.name for p in duty.partners]) == (
        "lead",
        "Điều 2",
        ["Sở Tư pháp"],
    )


def test_responsibility_articles_of_a_regulation() -> None:
    """A Quy chế names each body's share in its articles' headings, often wrapped onto a line
    of their own by the web copy; an article "Trách nhiệm thi hành" hands work to the bodies
    its items begin with, and its executors item is no duty."""
    text = """QUY CHẾ PHỐI HỢP
Chương II
NỘI DUNG PHỐI HỢP
Điều 5. Nội dung Sở Y tế có trách nhiệm chủ trì
1. Xây dựng kế hoạch phòng, chống dịch bệnh.
2. Kiểm tra việc thực hiện các quy định về an toàn thực phẩm.
Điều 6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
1. Tuyên truyền, vận động Nhân dân chấp hành pháp luật.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 7.
Trách nhiệm của Sở Tư pháp

Sở Tư pháp là cơ quan thường trực, có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Quy chế.
Điều 8.
Trách nhiệm thi hành

1. Bộ trưởng Bộ Nội vụ chủ trì, phối hợp với Bộ trưởng Bộ Công an hướng dẫn, kiểm tra việc
thi hành Quy chế này.
2. Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Quảng Trị", issuer_level="province")
    assignments, _ = run(text, facts)
    assert sorted(table(assignments)) == [
        ("Bộ Nội vụ", "assigned", 1),
        ("Sở Tư pháp", "assigned", 1),
        ("Sở Y tế", "assigned", 2),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "requested", 1),
    ]
    by_name = {a.body.name: a for a in assignments}
    health = by_name["Sở Y tế"]
    assert all(d.role == "lead" for d in health.duties)  # the heading says chủ trì
    assert [d.section for d in health.duties] == ["Điều 5.1", "Điều 5.2"]
    assert not by_name["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"].leads


def test_appendix_table_rows() -> None:
    text = """PHỤ LỤC
PHÂN CÔNG NHIỆM VỤ
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Tập huấn kỹ năng an toàn cho trẻ em | Phòng Giáo dục và Đào tạo | Huyện đoàn | Quý III/2024 |
| 2 | Rà soát điểm nguy cơ đuối nước | UBND các xã, thị trấn | Các cơ quan, đơn vị liên quan | Thường xuyên |
"""
    assignments, _ = run(text)
    # GUIDE: a row is a duty of each body in its lead column; a body named only as a
    # partner gets no entry of its own, it is the partner of the lead's duty
    assert table(assignments) == [
        ("Phòng Giáo dục và Đào tạo", "assigned", 1),
        ("Ủy ban nhân dân các xã, thị trấn", "assigned", 1),
    ]
    lead = assignments[0].duties[0]
    assert (lead.role, lead.deadline) == ("lead", "Quý III/2024")
    assert [p.name for p in lead.partners] == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện"]


def test_roles() -> None:
    assert role_of("Chủ trì, phối hợp với Phòng Y tế") == "lead"
    assert role_of("Tham mưu ...; chủ trì tổ chức kiểm tra") == "lead"
    assert role_of("Phối hợp với cơ quan chủ trì thực hiện") == "support"
    assert role_of("Tuyên truyền về quyền trẻ em") == "participant"


def test_deadlines() -> None:
    assert deadline_of("Xây dựng kế hoạch, hoàn thành trước ngày 07/5/2024.") == (
        "hoàn thành trước ngày 07/5/2024"
    )
    assert deadline_of("Tổ chức trong Quý II/2024") == "trong Quý II/2024"
    assert deadline_of("Thời gian: tháng 6/2024.") == "Thời gian: tháng 6/2024"
    assert deadline_of("Thường xuyên") is None


def test_no_org_part_no_duties_from_general_tasks() -> None:
    text = """II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường công tác truyền thông
- Chính quyền các cấp tăng cường chỉ đạo công tác trẻ em.
- Các phòng, ban, ngành phối hợp chặt chẽ.
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Y tế
- Chỉ đạo tiêm chủng mở rộng.
"""
    assignments, _ = run(text)
    assert table(assignments) == [("Phòng Y tế", "assigned", 1)]


def test_task_with_lead_and_partner_lines() -> None:
    text = """II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tổ chức Tháng hành động vì trẻ em năm 2024
- Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.
- Cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch; các sở, ngành liên quan.
- Thời gian thực hiện: tháng 6/2024.
2. Kiểm tra các cơ sở trợ giúp trẻ em. Chủ trì: Sở Y tế; phối hợp: Công an tỉnh; thời gian: Quý III/2024.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Nghệ An", issuer_level="province")
    assignments, _ = run(text, facts)
    assert table(assignments) == [
        ("Sở Lao động - Thương binh và Xã hội", "assigned", 1),
        ("Sở Y tế", "assigned", 1),
    ]
    lead = assignments[0].duties[0]
    assert lead.text.startswith("Tổ chức Tháng hành động vì trẻ em")
    assert (lead.role, lead.deadline) == ("lead", "tháng 6/2024")
    assert [p.name for p in lead.partners] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert [p.name for p in assignments[1].duties[0].partners] == ["Công an tỉnh"]
    assert assignments[1].duties[0].deadline == "Quý III/2024"


def test_issuer_hands_the_work_to_the_body_it_names() -> None:
    text = """Sở Y tế đề nghị Trung tâm Y tế các huyện, thành phố triển khai tiêm chủng mở rộng cho trẻ em.
"""
    facts = DocumentFacts(issuer="Sở Y tế tỉnh Nghệ An", issuer_level="province")
    assignments, _ = run(text, facts)
    assert table(assignments) == [("Trung tâm Y tế các huyện, thành phố", "requested", 1)]
    assert assignments[0].duties[0].text.startswith("triển khai tiêm chủng")


def test_table_with_one_column_of_bodies() -> None:
    text = """III. TỔ CHỨC THỰC HIỆN
| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |
|---|---|---|---|
| 1 | Tuyên truyền phòng, chống tai nạn thương tích | Phòng Y tế - Trung tâm Y tế huyện | Quý II/2024 |
"""
    assignments, _ = run(text)
    assert table(assignments) == [
        ("Phòng Y tế", "assigned", 1),
        ("Trung tâm Y tế huyện", "assigned", 1),
    ]
    assert assignments[0].duties[0].role == "participant"


def test_heading_wrapped_onto_the_next_line() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN

1. Phòng Lao động –

Thương binh và Xã hội

- Chủ trì, phối hợp với Phòng Giáo dục và Đào tạo, Phòng Văn hóa và Thông

tin tổ chức triển khai Kế hoạch.

2. Đề nghị Ủy ban MTTQ Việt Nam huyện, Hội Liên hiệp phụ nữ huyện, Huyện

đoàn tuyên truyền, vận động hội viên tham gia.
"""
    assignments, _ = run(text)
    assert table(assignments) == [
        ("Phòng Lao động - Thương binh và Xã hội", "assigned", 1),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "requested", 1),
        ("Hội Liên hiệp Phụ nữ huyện", "requested", 1),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện", "requested", 1),
    ]
    assert [p.name for p in assignments[0].duties[0].partners] == [
        "Phòng Giáo dục và Đào tạo",
        "Phòng Văn hóa và Thông tin",
    ]


SO_FACTS = DocumentFacts(
    issuer="Sở Y tế tỉnh Hòa Bình",
    issuer_level="province",
    issuer_kind="state",
    province="Hòa Bình",
)


def test_points_under_a_request_frame_are_requested_unless_the_point_says_giao() -> None:
    body = """Sở Y tế đề nghị các đơn vị quan tâm, phối hợp thực hiện một số nội dung sau:
1. Đối với Phòng Y tế các huyện, thành phố
- Tham mưu UBND cấp huyện kiểm tra an toàn thực phẩm tại bếp ăn trường học.
2. Đề nghị Sở Giáo dục và Đào tạo chỉ đạo các trường tổ chức bữa ăn học đường đủ chất.
3. Giao Phòng Bảo vệ, chăm sóc trẻ em theo dõi, tổng hợp kết quả.

Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 20/12/2025. Chi tiết liên hệ: ông Lò Văn A.

Sở Y tế đề nghị các đơn vị quan tâm phối hợp thực hiện./.
"""
    got, _ = run(body, SO_FACTS)
    assert table(got) == [
        ("Phòng Y tế", "requested", 1),
        ("Sở Giáo dục và Đào tạo", "requested", 1),
        ("Phòng Bảo vệ, chăm sóc trẻ em", "assigned", 1),
    ]


def test_catch_all_addressees_get_an_assignment_only_for_a_real_task() -> None:
    body = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp chủ trì tổ chức đăng ký khai sinh lưu động.
2. Các cơ quan, đơn vị căn cứ nhiệm vụ được giao tại Phụ lục chủ động triển khai thực hiện; báo cáo kết quả về UBND huyện trước ngày 10/12.
3. Các cơ quan, đơn vị liên quan rà soát, bố trí điểm vui chơi cho trẻ em.
"""
    got, _ = run(body)
    assert table(got) == [
        ("Phòng Tư pháp", "assigned", 1),
        ("Các cơ quan, đơn vị liên quan", "assigned", 1),
    ]
    assert got[1].duties[0].text.startswith("rà soát")


def test_a_place_closing_a_heading_of_several_bodies_is_not_a_duty() -> None:
    body = """IV. TỔ CHỨC THỰC HIỆN
1. Báo Sơn La, Đài Phát thanh và Truyền hình Sơn La
- Mở chuyên mục về quyền trẻ em.
"""
    got, _ = run(body, SO_FACTS)
    assert table(got) == [
        ("Báo Sơn La", "assigned", 1),
        ("Đài Phát thanh và Truyền hình", "assigned", 1),
    ]


def test_a_state_issuer_only_requests_mass_organisations_even_in_a_table_or_list() -> None:
    body = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Huyện đoàn tổ chức trại hè.
2. Huyện đoàn, Hội Liên hiệp Phụ nữ huyện tuyên truyền phòng, chống đuối nước.
"""
    got, _ = run(body)
    assert table(got) == [
        ("Phòng Giáo dục và Đào tạo", "assigned", 1),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện", "requested", 1),
        ("Hội Liên hiệp Phụ nữ huyện", "requested", 1),
    ]


def test_a_closing_demand_after_the_last_item_is_nobody_s_duty() -> None:
    body = """V. TỔ CHỨC THỰC HIỆN
1. Trạm Y tế xã
- Tiêm chủng đầy đủ cho trẻ em.
2. Công an xã
- Bảo đảm an toàn cho trẻ em dịp hè.

Yêu cầu các ban, ngành, đoàn thể, thôn nghiêm túc triển khai thực hiện./.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân xã Tân Lập", issuer_level="commune")
    got, _ = run(body, facts)
    assert [(a.body.name, [d.text for d in a.duties]) for a in got] == [
        ("Trạm Y tế xã", ["Tiêm chủng đầy đủ cho trẻ em."]),
        ("Công an xã", ["Bảo đảm an toàn cho trẻ em dịp hè."]),
    ]


def test_a_cited_submission_is_not_a_request_frame() -> None:
    body = """Theo đề nghị của Phòng Y tế tại Tờ trình số 12/TTr-PYT, UBND huyện giao nhiệm vụ như sau:
1. Đối với Phòng Y tế
- Kiểm tra an toàn thực phẩm bếp ăn trường học.
"""
    got, _ = run(body)
    assert table(got) == [("Phòng Y tế", "assigned", 1)]


COMMUNE = DocumentFacts(
    issuer="Ủy ban nhân dân xã Tam Đa",
    issuer_level="commune",
    issuer_kind="state",
    province="Hưng Yên",
    commune="Tam Đa",
)


def test_villages_and_residential_groups_are_a_collective_addressee() -> None:
    body = """III. TỔ CHỨC THỰC HIỆN
1. Công an xã
- Nắm tình hình an ninh trật tự trên địa bàn.
2. Các tổ dân phố
Rà soát hộ gia đình có trẻ em dưới 6 tuổi; phối hợp với Công an xã cập nhật dữ liệu dân cư.
3. Trạm Y tế xã
- Phối hợp với tổ dân phố tổ chức tiêm chủng.
"""
    assignments, _ = run(body, COMMUNE)
    assert table(assignments) == [
        ("Công an xã", "assigned", 1),
        ("Các tổ dân phố", "assigned", 1),
        ("Trạm Y tế xã", "assigned", 1),
    ]
    assert assignments[1].body.collective
    assert [p.name for p in assignments[2].duties[0].partners] == ["Các tổ dân phố"]


def test_a_courtesy_closing_naming_several_catch_alls_gives_no_body() -> None:
    body = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp chủ trì tổ chức đăng ký khai sinh lưu động.
2. Trung tâm Y tế huyện tiêm chủng đầy đủ cho trẻ em.
Ủy ban nhân dân huyện đề nghị các cơ quan, địa phương quan tâm, phối hợp thực hiện./.
"""
    got, _ = run(body)
    assert [a.body.name for a in got] == ["Phòng Tư pháp", "Trung tâm Y tế huyện"]
    # what is left after "các đơn vị" was read as the body: the rest of the list, then a formula
    assert pro_forma("địa phương quan tâm, phối hợp thực hiện./.")
    assert not pro_forma("địa phương rà soát, cải tạo điểm vui chơi cho trẻ em.")


def test_the_role_and_partners_of_a_directed_body_are_not_the_directing_body_s() -> None:
    body = """IV. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân huyện
- Chỉ đạo Phòng Y tế chủ trì, phối hợp với Công an huyện, Huyện đoàn tổ chức dạy bơi; bố trí kinh phí.
- Chủ trì, phối hợp với Ban Tuyên giáo Huyện ủy sơ kết việc thực hiện.
"""
    facts = DocumentFacts(issuer="Ban Thường vụ Huyện ủy Mường Tè", issuer_level="district")
    ubnd, phong = run(body, facts)[0]
    directed, own = ubnd.duties
    assert directed.role == "participant" and directed.partners == []
    assert own.role == "lead" and [p.name for p in own.partners] == ["Ban Tuyên giáo Huyện ủy"]
    # the body the task opens by directing gets it, with its own role and partners
    # (kg.extract.duties.directed)
    assert phong.body.name == "Phòng Y tế" and [d.role for d in phong.duties] == ["lead"]
    assert [p.name for p in phong.duties[0].partners] == [
        "Công an huyện",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện",
    ]
    assert role_of("Giao Phòng Tư pháp chủ trì đăng ký khai sinh; chủ trì tổng hợp.") == "lead"


def test_a_state_issuer_only_requests_courts_and_procuracies_a_party_committee_assigns() -> None:
    body = """IV. TỔ CHỨC THỰC HIỆN
1. Công an huyện, Viện kiểm sát nhân dân huyện, Tòa án nhân dân huyện xử lý nghiêm các vụ xâm hại trẻ em.
"""
    assert table(run(body)[0]) == [
        ("Công an huyện", "assigned", 1),
        ("Viện kiểm sát nhân dân huyện", "requested", 1),
        ("Tòa án nhân dân huyện", "requested", 1),
    ]
    party = DocumentFacts(
        issuer="Ban Thường vụ Huyện ủy Kỳ Sơn", issuer_level="district", issuer_kind="party"
    )
    assert {m for _, m, _ in table(run(body, party)[0])} == {"assigned"}


def test_a_body_named_in_full_once_keeps_its_full_name_under_its_short_name() -> None:
    body = """QUYẾT ĐỊNH:
Điều 1. Thành lập Ban Chỉ đạo phòng, chống dịch bệnh huyện Kỳ Anh (sau đây gọi tắt là Ban Chỉ đạo), gồm:
1. Ông Nguyễn Văn A – Chủ tịch UBND huyện – Trưởng ban.
Điều 2. Nhiệm vụ của Ban Chỉ đạo
- Giúp Ủy ban nhân dân huyện chỉ đạo công tác phòng, chống dịch bệnh.
- Tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh.
"""
    names = [a.body.name for a in run(body)[0]]
    assert names == ["Ban Chỉ đạo phòng, chống dịch bệnh huyện"]


def test_a_sentence_giving_a_body_its_standing_role_after_the_bullets_is_that_body_s() -> None:
    body = """QUYẾT ĐỊNH:
Điều 2. Nhiệm vụ của Ban Chỉ đạo
- Chỉ đạo các xã triển khai các giải pháp phòng, chống đuối nước.
- Định kỳ báo cáo Ủy ban nhân dân huyện.
Các thành viên thực hiện nhiệm vụ do Trưởng ban phân công. Phòng Y tế là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm tổng hợp tình hình.
"""
    got = run(body)[0]
    assert [(a.body.name, len(a.duties)) for a in got] == [
        ("Phòng Y tế", 1),
        ("Ban Chỉ đạo huyện", 2),
    ]
    assert got[0].duties[0].text.startswith("là cơ quan thường trực")
    assert "Phòng Y tế" not in got[1].duties[1].text


def test_narrative_and_a_notices_closing_are_no_duties() -> None:
    """What bodies did ("... đã tập trung lãnh đạo") and the issuer's "xin thông báo để ...
    biết, thực hiện" hand out no work; the items after them do."""
    text = """Bộ Chính trị, Ban Bí thư, đứng đầu là đồng chí Tổng Bí thư đã tập trung lãnh đạo; Chính phủ chủ động chỉ đạo từ sớm.
1. Bộ Y tế chỉ đạo các cơ sở y tế xử lý vệ sinh môi trường sau lũ.
2. Ủy ban nhân dân tỉnh Gia Lai đã ban hành kế hoạch khắc phục hậu quả.
Văn phòng Chính phủ xin thông báo để các cơ quan, địa phương liên quan biết, thực hiện./.
"""
    facts = DocumentFacts(issuer="Văn phòng Chính phủ", issuer_level="central", issuer_kind="state")
    assignments, _ = run(text, facts)
    assert table(assignments) == [("Bộ Y tế", "assigned", 1)]


def test_a_reply_quotes_the_law_and_asks_in_its_own_words() -> None:
    """A letter answering a query quotes provisions ("... quy định: “d) Chính phủ quy định
    ...”") and gives its opinion; only its own "..., do đó đề nghị X ..." hands out work."""
    text = """Kính gửi: Sở Tài chính tỉnh Nghệ An.
Cục Thuế nhận được công văn số 12/STC của Sở Tài chính. Về vấn đề này, Cục Thuế có ý kiến như sau:
- Tại khoản 2 Điều 257 Luật Đất đai quy định:
“d) Chính phủ quy định về việc áp dụng phương pháp định giá đất;
đ) Ủy ban nhân dân cấp tỉnh quyết định giá đất cụ thể.”
- Căn cứ quy định trên, trường hợp nêu tại công văn đang được thanh tra, do đó đề nghị Sở Tài chính căn cứ hồ sơ cụ thể để xử lý theo thẩm quyền.
Cục Thuế trả lời để Sở Tài chính biết và thực hiện./.
"""
    facts = DocumentFacts(issuer="Cục Thuế", issuer_level="central", issuer_kind="state")
    assignments, _ = run(text, facts)
    assert table(assignments) == [("Sở Tài chính", "requested", 1)]
    assert assignments[0].duties[0].text.startswith("căn cứ hồ sơ cụ thể")


def test_a_heading_naming_its_body_and_a_conditional_standing_duty() -> None:
    """'16. Trách nhiệm của Sở X' (an item, as a web copy may print an article) gives its
    bullets to X; '..., nếu ... thì Giám đốc Sở Y có trách nhiệm chủ trì ...' in an article
    is Y's standing duty; 'Trách nhiệm của các đơn vị' is a part organised by body below."""
    text = """Điều 3. Hiệu lực thi hành
1. Quyết định này có hiệu lực thi hành kể từ ngày ký.
2. Trường hợp các văn bản dẫn chiếu được sửa đổi thì Giám đốc Sở Y tế có trách nhiệm chủ trì, phối hợp các cơ quan liên quan tham mưu sửa đổi cho phù hợp.
Điều 4. Tổ chức thực hiện
16. Trách nhiệm của Sở Tư pháp
- Hướng dẫn thực hiện Quy chế này.
- Kiểm tra định kỳ việc thực hiện.
17. Trách nhiệm của các đơn vị
a) Công an tỉnh bảo đảm an ninh, trật tự.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Đồng Nai", issuer_level="province")
    assignments, _ = run(text, facts)
    assert sorted(table(assignments)) == [
        ("Công an tỉnh", "assigned", 1),
        ("Sở Tư pháp", "assigned", 2),
        ("Sở Y tế", "assigned", 1),
    ]


def test_an_article_printed_as_a_bare_word_and_a_numbered_item() -> None:
    """'Điều' / '12. Trách nhiệm của Sở X' / '1.' '2.': a web copy's article whose clauses the
    structure sees as sibling items; '2. Bộ trưởng' / 'Bộ Y tế chỉ đạo ...' is Bộ Y tế's."""
    text = """Chương III
TỔ CHỨC THỰC HIỆN
Điều
12. Trách nhiệm của Sở Tư pháp

1. Hướng dẫn thực hiện Quy định này.

2. Chủ trì, phối hợp với Sở Nội vụ kiểm tra việc thực hiện.

Điều
13. Điều khoản thi hành

Quy định này có hiệu lực kể từ ngày ký.
"""
    facts = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Bắc Ninh", issuer_level="province")
    assignments, _ = run(text, facts)
    assert table(assignments) == [("Sở Tư pháp", "assigned", 2)]
    assert assignments[0].leads

    text = """1. Các địa phương khẩn trương sửa chữa nhà ở bị hư hỏng.
2. Bộ trưởng
Bộ Y tế chỉ đạo ngành y tế xử lý vệ sinh môi trường sau lũ.
"""
    facts = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")
    assignments, _ = run(text, facts)
    assert ("Bộ Y tế", "assigned", 1) in table(assignments)


PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Lào Cai", issuer_level="province", issuer_kind="state"
)


def test_an_executor_line_gives_each_clause_s_bodies_the_task() -> None:
    text = """II. NỘI DUNG
1. Phổ biến Luật Việc làm
- Nội dung thực hiện: Tổ chức phổ biến Luật bằng hình thức phù hợp.
- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu ban hành Kế hoạch; Sở Tư pháp, các hợp tác
xã và Ủy ban nhân dân các xã, phường chủ động tổ chức triển khai Luật.
- Thời gian thực hiện: Năm 2025.
2. Kiểm tra việc thi hành Luật
- Cơ quan thực hiện: Sở Nội vụ; Sở Tư pháp.
- Cơ quan phối hợp: Công an tỉnh; Ủy ban nhân dân các xã, phường.
"""
    assignments, _ = run(text, PROVINCE)
    assert table(assignments) == [
        ("Sở Nội vụ", "assigned", 2),
        ("Sở Tư pháp", "assigned", 2),
        ("Ủy ban nhân dân các xã, phường", "assigned", 1),
    ]
    by = {a.body.name: a for a in assignments}
    first, second = by["Sở Nội vụ"].duties
    assert first.text.startswith("Phổ biến Luật Việc làm") and first.role == "lead"
    assert first.deadline == "Năm 2025"
    # the executor line only says chủ trì of Sở Nội vụ; with a phối hợp line, all lead
    assert [d.role for d in by["Sở Tư pháp"].duties] == ["participant", "lead"]
    assert [p.name for p in second.partners] == [
        "Công an tỉnh",
        "Ủy ban nhân dân các xã, phường",
    ]
    assert by["Ủy ban nhân dân các xã, phường"].duties[0].role == "participant"


def test_a_clause_of_the_executor_line_names_only_its_subjects() -> None:
    text = """II. NỘI DUNG
1. Rà soát văn bản
- Cơ quan thực hiện: Sở Y tế rà soát văn bản thuộc thẩm quyền; các sở, ngành gửi kết quả về
Sở Tư pháp để tổng hợp.
"""
    assignments, _ = run(text, PROVINCE)
    assert [a.body.name for a in assignments] == ["Sở Y tế", "Các sở, ngành"]


def test_a_number_alone_on_its_line_opens_the_item_below() -> None:
    text = """II. NỘI DUNG
1.
Tập huấn nghiệp vụ cho cán bộ
- Cơ quan chủ trì: Sở Nội vụ.
2.
Kiểm tra việc thực hiện
- Cơ quan chủ trì: Thanh tra tỉnh.
"""
    st = parse(clean_text(text))
    items = st.body[0].children
    assert [(n.kind, n.marker, n.title) for n in items] == [
        ("item", "1", "Tập huấn nghiệp vụ cho cán bộ"),
        ("item", "2", "Kiểm tra việc thực hiện"),
    ]
    assignments, _ = run(text, PROVINCE)
    assert table(assignments) == [("Sở Nội vụ", "assigned", 1), ("Thanh tra tỉnh", "assigned", 1)]
    assert assignments[0].duties[0].text == "Tập huấn nghiệp vụ cho cán bộ"


def test_two_tasks_on_one_subject_under_two_headings_are_two_duties() -> None:
    text = """II. NỘI DUNG
1. Góp ý dự thảo
a) Nghị định về tiêu chuẩn
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
2. Triển khai văn bản
a) Nghị định về tiêu chuẩn
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
"""
    assignments, _ = run(text, PROVINCE)
    assert table(assignments) == [("Sở Khoa học và Công nghệ", "assigned", 2)]


def test_a_partner_named_across_a_web_copy_s_line_cut() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
- Chủ trì, phối hợp với Ban
Quản lý các khu công nghệ cao và khu công nghiệp, Sở Xây dựng tham mưu bố trí vốn.
"""
    assignments, _ = run(text, PROVINCE)
    assert [p.name for p in assignments[0].duties[0].partners] == [
        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
        "Sở Xây dựng",
    ]


def test_a_task_table_with_one_cell_per_paragraph() -> None:
    rows = "".join(
        f"""{i}

Tổ chức khảo sát hạ tầng viễn thông
đợt {i}

Ban Quản lý các khu công nghệ cao và khu công nghiệp

Sở Công Thương; Ủy ban nhân dân các xã, phường

Năm 2026

"""
        for i in range(1, 5)
    )
    text = f"""Bảng phân công nhiệm vụ của các cơ quan.

TT

Nội dung/nhiệm vụ

Cơ quan chủ trì

Cơ quan phối hợp

Thời gian hoàn
thành

{rows}"""
    assignments, _ = run(text, PROVINCE)
    # the lead cell printed in every row is a cell, not a running header; a wrapped cell
    # is one cell; the phối hợp bodies are partners only
    assert table(assignments) == [
        ("Ban Quản lý các khu công nghệ cao và khu công nghiệp", "assigned", 4)
    ]
    d = assignments[0].duties[0]
    assert (d.text, d.role, d.deadline) == (
        "Tổ chức khảo sát hạ tầng viễn thông đợt 1",
        "lead",
        "Năm 2026",
    )
    assert [p.name for p in d.partners] == ["Sở Công Thương", "Ủy ban nhân dân các xã, phường"]


def test_an_organisation_part_whose_capital_heading_wrapped() -> None:
    text = """IV. TỔ CHỨC
THỰC HIỆN
1. Giao Sở
Y tế là cơ quan đầu mối, tổ chức thực hiện các nhiệm vụ sau:
- Hướng dẫn các cơ sở y tế.
- Tổng hợp kết quả thực hiện.
2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế, Sở Tư pháp:
- Xây dựng tài liệu tập huấn.
- Tổ chức tập huấn cho giáo viên.
"""
    assignments, _ = run(text, PROVINCE)
    assert table(assignments) == [
        ("Sở Y tế", "assigned", 2),
        ("Sở Giáo dục và Đào tạo", "assigned", 2),
    ]
    assert assignments[0].duties[0].section == "IV.1"
    school = assignments[1].duties[1]
    assert school.role == "lead"
    assert [p.name for p in school.partners] == ["Sở Y tế", "Sở Tư pháp"]


def test_a_web_copy_s_wrap_after_a_full_stop_does_not_split_a_paragraph() -> None:
    filler = "".join(
        f"Nội dung {i}: bảo đảm thực hiện đúng quy định, tiết kiệm, hiệu quả theo kế hoạch.\n"
        for i in range(20)
    )
    text = f"""I. MỤC ĐÍCH
{filler}
II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ

Chủ trì tham mưu Ủy ban nhân dân tỉnh các giải pháp xây dựng hạ tầng số hiện đại.
Nghiên cứu ban hành quy chuẩn kỹ thuật về hạ tầng bảo mật trong tình hình mới.

2. Sở Nội vụ

Rà soát tổ chức bộ máy.
Tổng hợp báo cáo.
"""
    assignments, _ = run(text, PROVINCE)
    # the first paragraph's line fills the width: the break is a wrap; the second body's
    # short lines end printed paragraphs
    assert table(assignments) == [
        ("Sở Khoa học và Công nghệ", "assigned", 1),
        ("Sở Nội vụ", "assigned", 2),
    ]


def test_a_directive_s_closing_demand_is_its_executors_clause() -> None:
    text = """Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Sở Y tế
a) Tổ chức tiêm chủng mở rộng.
b) Kiểm tra các cơ sở y tế.
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tổ chức quán triệt, triển khai và chỉ đạo các cơ quan, đơn vị thực hiện nghiêm túc Chỉ thị này. Trong quá trình thực hiện, nếu có vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh.
"""
    assignments, _ = run(text, PROVINCE)
    assert table(assignments) == [("Sở Y tế", "assigned", 2)]


def test_a_qualifier_naming_the_leads_is_no_role() -> None:
    text = "các sở được phân công chủ trì thực hiện nhiệm vụ có trách nhiệm xây dựng kế hoạch"
    assert role_of(text) == "participant"
    assert role_of("Sở Y tế chủ trì thực hiện nhiệm vụ được phân công") == "lead"


def test_roman_sub_items_under_a_request_frame_are_requests_to_their_bodies() -> None:
    text = """1. Về Dự án Nhà máy điện
a) Đánh giá cao nỗ lực của Chủ đầu tư.
b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:
(i) Tập đoàn Điện lực Việt Nam báo cáo Thủ tướng Chính phủ về thời gian vận hành.
(ii) Ủy ban nhân dân tỉnh Đồng Nai chỉ đạo hoàn thành bàn giao mặt bằng.
(iii) Giao Bộ Công Thương nghiên cứu các đề xuất của Tập đoàn.
"""
    facts = DocumentFacts(issuer="Văn phòng Chính phủ", issuer_level="central", issuer_kind="state")
    st = parse(clean_text(text))
    point = st.body[0].children[1]
    assert [(c.kind, c.marker) for c in point.children] == [
        ("bullet", "i"),
        ("bullet", "ii"),
        ("bullet", "iii"),
    ]
    assignments, _ = run(text, facts)
    assert [(a.body.name, a.mode) for a in assignments] == [
        ("Tập đoàn Điện lực Việt Nam", "requested"),
        ("Ủy ban nhân dân tỉnh Đồng Nai", "requested"),
        ("Bộ Công Thương", "assigned"),
    ]


def test_partners_past_one_the_reference_data_does_not_know() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng chủ trì, phối hợp với Trung tâm Dữ liệu số, Công an tỉnh, Sở Tư pháp cập nhật dữ liệu.
Điều
"""
    assignments, _ = run(text, PROVINCE)
    assert table(assignments) == [("Sở Xây dựng", "assigned", 1)]  # "Điều" alone is no duty
    assert [p.name for p in assignments[0].duties[0].partners] == ["Công an tỉnh", "Sở Tư pháp"]


def test_a_special_zone_s_board_drops_its_place_as_a_district_s_does() -> None:
    """The canonical name of a board named in full once drops the place after its unit word
    for every unit word of ontology/units.ttl, the 2025 đặc khu included (its own list had
    none)."""
    body = """QUYẾT ĐỊNH:
Điều 1. Thành lập Ban Chỉ đạo phòng, chống dịch bệnh đặc khu Côn Đảo (sau đây gọi tắt là Ban Chỉ đạo), gồm:
1. Ông Nguyễn Văn A – Chủ tịch UBND đặc khu – Trưởng ban.
Điều 2. Nhiệm vụ của Ban Chỉ đạo
- Giúp Ủy ban nhân dân đặc khu chỉ đạo công tác phòng, chống dịch bệnh.
- Tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh.
"""
    names = [a.body.name for a in run(body)[0]]
    assert names == ["Ban Chỉ đạo phòng, chống dịch bệnh đặc khu"]
