"""Duties that sit in the articles of resolutions, regulations and circulars (issue 10).

Each snippet is written for the test in the shape such documents are drafted: a People's
Council resolution's "Điều N. Tổ chức thực hiện", a Government resolution's articles that
hand a ministry its work in running sentences, a circular's "Trách nhiệm thi hành".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.bodies import Context
from kg.extract.duties import extract_assignments
from kg.models import Assignment, DocumentFacts
from kg.structure import parse
from kg.text import clean_text

COUNCIL = DocumentFacts(
    issuer="Hội đồng nhân dân tỉnh Quảng Trị",
    issuer_level="province",
    issuer_kind="state",
    province="Quảng Trị",
)


def run(body: str, facts: DocumentFacts = COUNCIL) -> list[Assignment]:
    structure = parse(clean_text(body))
    return extract_assignments(structure, Context.from_facts(facts))[0]


def table(assignments: list[Assignment]) -> list[tuple[str, str, int]]:
    return [(a.body.name, a.mode, len(a.duties)) for a in assignments]


RESOLUTION = """QUYẾT NGHỊ:
Điều 1. Quy định mức hỗ trợ đối với người cao tuổi trên địa bàn tỉnh.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.
2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ
đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện
Nghị quyết.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát việc thực hiện Nghị quyết.
Điều 3. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.
"""


def test_council_resolution_hands_supervision_to_its_organs_and_deputies() -> None:
    assert table(run(RESOLUTION)) == [
        ("Ủy ban nhân dân tỉnh", "assigned", 1),
        ("Thường trực Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Các Ban của Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Các Tổ đại biểu Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Đại biểu Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "requested", 1),
    ]


def test_council_organs_named_once_with_the_level_at_the_end() -> None:
    text = RESOLUTION.replace(
        "Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ\n"
        "đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh",
        "Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, các Tổ đại biểu và các đại\n"
        "biểu Hội đồng nhân dân tỉnh",
    )
    names = [a.body.name for a in run(text)]
    assert names[1:5] == [
        "Thường trực Hội đồng nhân dân tỉnh",
        "Các Ban của Hội đồng nhân dân tỉnh",
        "Các Tổ đại biểu Hội đồng nhân dân tỉnh",
        "Đại biểu Hội đồng nhân dân tỉnh",
    ]


_BAN = ["Ban Kinh tế - Ngân sách", "Ban Pháp chế", "Ban Văn hóa - Xã hội", "Ban Dân tộc"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_BAN), min_size=1, max_size=4, unique=True))
def test_any_list_of_council_committees_gives_one_entry_each(bans: list[str]) -> None:
    names = ", ".join(f"{b} Hội đồng nhân dân tỉnh" for b in bans)
    text = (
        "Điều 3. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
        f"2. Giao {names} giám sát việc thực hiện Nghị quyết.\n"
    )
    got = [a.body.name for a in run(text)]
    assert got == ["Ủy ban nhân dân tỉnh", *(f"{b} Hội đồng nhân dân tỉnh" for b in bans)]
