"""Reporting obligations: one per frequency, due day paired with its frequency."""

from __future__ import annotations

from kg.extract.bodies import Context
from kg.extract.duties import extract_assignments
from kg.extract.reporting import extract_reporting
from kg.models import DocumentFacts, Reporting
from kg.structure import parse
from kg.text import clean_text

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân huyện Hớn Quản",
    issuer_level="district",
    province="Bình Phước",
    district="Hớn Quản",
)


def run(text: str) -> list[Reporting]:
    structure = parse(clean_text(text))
    ctx = Context.from_facts(FACTS)
    assignments, _ = extract_assignments(structure, ctx)
    return extract_reporting(structure, ctx, assignments)


def rows(reps: list[Reporting]) -> list[tuple]:
    return [(r.frequency, r.deadline, r.to, r.via) for r in reps]


def test_several_frequencies_in_one_sentence() -> None:
    text = """V. CHẾ ĐỘ BÁO CÁO
- Các cơ quan, đơn vị và UBND các xã, thị trấn đột xuất, định kỳ 06 tháng (trước ngày 10/5) và cả năm (trước ngày 03/11) gửi báo cáo kết quả về UBND huyện (thông qua Phòng Lao động - Thương binh và Xã hội).
"""
    assert rows(run(text)) == [
        (
            "ad hoc (đột xuất)",
            None,
            "Ủy ban nhân dân huyện Hớn Quản",
            "Phòng Lao động - Thương binh và Xã hội",
        ),
        (
            "semiannual",
            "10/5",
            "Ủy ban nhân dân huyện Hớn Quản",
            "Phòng Lao động - Thương binh và Xã hội",
        ),
        (
            "annual",
            "03/11",
            "Ủy ban nhân dân huyện Hớn Quản",
            "Phòng Lao động - Thương binh và Xã hội",
        ),
    ]
    assert run(text)[0].by == "Các cơ quan, đơn vị và UBND các xã, thị trấn"


def test_due_day_before_the_frequency_it_belongs_to() -> None:
    text = """V. CHẾ ĐỘ BÁO CÁO
- Giao Phòng Lao động - Thương binh và Xã hội tổng hợp báo cáo Sở Lao động - Thương binh và Xã hội và UBND tỉnh trước ngày 14/5 (đối với báo cáo 6 tháng) và trước ngày 09/11 (đối với báo cáo năm).
"""
    reps = run(text)
    assert [(r.frequency, r.deadline) for r in reps] == [
        ("semiannual", "14/5"),
        ("annual", "09/11"),
    ]
    assert reps[0].to == "Sở Lao động - Thương binh và Xã hội; Ủy ban nhân dân tỉnh Bình Phước"
    assert reps[0].by == "Phòng Lao động - Thương binh và Xã hội"


def test_reporter_is_the_body_whose_section_it_is() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin
- Hằng quý báo cáo kết quả về Ủy ban nhân dân huyện.
- Báo cáo sơ kết, tổng kết việc thực hiện Kế hoạch theo quy định.
"""
    reps = run(text)
    assert [(r.by, r.frequency) for r in reps] == [
        ("Phòng Văn hóa và Thông tin", "quarterly"),
        ("Phòng Văn hóa và Thông tin", "review milestones (sơ kết, tổng kết)"),
    ]


def test_difficulties_passed_on_through_an_office() -> None:
    text = """Trong quá trình triển khai thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Phòng Lao động - Thương binh và Xã hội để tổng hợp, báo cáo UBND huyện xem xét./.
"""
    assert rows(run(text)) == [
        (
            "ad hoc (vướng mắc)",
            None,
            "Ủy ban nhân dân huyện Hớn Quản",
            "Phòng Lao động - Thương binh và Xã hội",
        )
    ]


def test_not_an_obligation() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp
- Thực hiện chế độ báo cáo theo quy định.
- Hằng năm kiểm tra, đánh giá việc thực hiện.
"""
    assert run(text) == []


def test_due_day_written_in_words_and_with_year() -> None:
    text = """Các xã, thị trấn báo cáo kết quả về UBND huyện trước ngày 15 tháng 12 hằng năm; báo cáo 6 tháng trước ngày 10/6/2024.
"""
    assert [(r.frequency, r.deadline) for r in run(text)] == [
        ("annual", "15/12"),
        ("semiannual", "10/6"),
    ]


def run_with(text: str, facts: DocumentFacts) -> list[Reporting]:
    structure = parse(clean_text(text))
    ctx = Context.from_facts(facts)
    assignments, _ = extract_assignments(structure, ctx)
    return extract_reporting(structure, ctx, assignments, facts)


ANNUAL = DocumentFacts(
    issuer="Ủy ban nhân dân huyện Lạc Sơn",
    issuer_level="district",
    issuer_kind="state",
    subject="Thực hiện công tác trẻ em năm 2025",
    date="2025-02-03",
)


def test_a_dated_report_without_frequency_is_once_or_the_annual_plan_s_year_report() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Y tế
- Báo cáo kết quả đợt cao điểm về UBND huyện trước ngày 20/6/2025.
- Tổng hợp, báo cáo kết quả thực hiện Kế hoạch về UBND huyện trước ngày 30/11/2025.
"""
    assert [(r.frequency, r.deadline) for r in run_with(text, ANNUAL)] == [
        ("once", "20/6"),
        ("annual", "30/11"),
    ]


def test_who_is_asked_to_report_and_who_reports_for_the_head() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Giao Văn phòng HĐND và UBND huyện theo dõi, tham mưu Chủ tịch UBND huyện báo cáo UBND tỉnh trước ngày 10/12/2025.
2. Trưởng các thôn, bản nắm tình hình, kịp thời báo cáo UBND xã khi phát hiện trẻ em bỏ học.

Trong quá trình thực hiện có vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Phòng Y tế.
"""
    reps = run_with(text, ANNUAL)
    assert [(r.by, r.frequency) for r in reps] == [
        ("Ủy ban nhân dân huyện Lạc Sơn", "annual"),
        ("Trưởng các thôn, bản", "ad hoc (khi phát hiện vụ việc)"),
        ("các cơ quan, đơn vị", "ad hoc (vướng mắc)"),
    ]


def test_a_closing_reporting_sentence_is_not_the_last_item_s() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp
- Đăng ký khai sinh cho trẻ em đúng hạn.
2. Đề nghị Hội Liên hiệp Phụ nữ huyện
Vận động hội viên chăm sóc trẻ em.
Các phòng, trường học, thôn báo cáo kết quả về UBND huyện trước ngày 20/11 hằng năm.
Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Phòng Tư pháp để tổng hợp, báo cáo UBND huyện.
Báo cáo của các xã, thị trấn gửi về Ủy ban nhân dân huyện (qua Phòng Tư pháp) trước ngày 10/6/2025.
"""
    reps = run(text)
    assert [(r.by, r.frequency, r.deadline, r.to) for r in reps] == [
        ("Các phòng, trường học, thôn", "annual", "20/11", "Ủy ban nhân dân huyện Hớn Quản"),
        ("các cơ quan, đơn vị", "ad hoc (vướng mắc)", None, "Ủy ban nhân dân huyện Hớn Quản"),
        ("các xã, thị trấn", "once", "10/6", "Ủy ban nhân dân huyện Hớn Quản"),
    ]
    assert reps[2].via == "Phòng Tư pháp"
