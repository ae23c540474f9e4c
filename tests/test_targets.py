"""Numeric targets: value, year, indicator, owner."""

from __future__ import annotations

from kg.extract.bodies import Context
from kg.extract.duties import extract_assignments
from kg.extract.targets import extract_targets
from kg.models import DocumentFacts, Target
from kg.structure import parse
from kg.text import clean_text

FACTS = DocumentFacts(issuer="Ủy ban nhân dân huyện Quế Phong", issuer_level="district")


def run(text: str) -> list[Target]:
    structure = parse(clean_text(text))
    ctx = Context.from_facts(FACTS)
    assignments, _ = extract_assignments(structure, ctx)
    return extract_targets(structure, ctx, assignments)


def test_target_then_aspiration_with_years_and_owner() -> None:
    text = """IV. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp
- Chủ trì thực hiện chỉ tiêu 14, cụ thể: Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đạt 98% vào năm 2025, phấn đấu 100% vào năm 2030.
"""
    ts = run(text)
    assert [(t.value, t.year, t.owner) for t in ts] == [
        ("98%", 2025, "Phòng Tư pháp"),
        ("100%", 2030, "Phòng Tư pháp"),
    ]
    assert ts[0].text == "Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh"
    assert ts[1].text.endswith("(phấn đấu)")


def test_value_first_and_at_least() -> None:
    text = """I. MỤC TIÊU
- Đảm bảo 100% trẻ em có hoàn cảnh đặc biệt được trợ giúp.
- Mỗi xã có ít nhất 01 điểm vui chơi cho trẻ em đến năm 2030.
"""
    ts = run(text)
    assert [(t.value, t.year) for t in ts] == [("100%", None), ("ít nhất 01", 2030)]
    assert ts[0].text.startswith("Trẻ em có hoàn cảnh đặc biệt")


def test_numbers_that_are_not_targets() -> None:
    assert run("Thực hiện Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ.") == []


def test_figures_about_the_past_are_not_targets() -> None:
    text = """I. ĐÁNH GIÁ TÌNH HÌNH
Năm 2023, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,5%.
II. MỤC TIÊU
- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 98% vào năm 2025.
- Số vụ tai nạn thương tích giảm 10% so với năm 2023.
"""
    assert [(t.value, t.year) for t in run(text)] == [("98%", 2025), ("10%", None)]
