"""Partners (`coordinates_with`) in the shapes real plans print them.

- A board named in full once, then by its bare head in a task table's phối hợp column or a
  partner list ("Văn phòng Ban Chỉ huy; các sở, ban, ngành"): that board's office.
- A collective of a kind with no level, printed with none ("các tổ chức chính trị - xã hội",
  "các cơ quan báo chí"), names no body: not a partner (GUIDE: generic collectives are left
  out); printed with a level, it names one tier's bodies and stays.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of

from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Nghệ An", issuer_level="province", province="Nghệ An"
)

FULL = """III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành
Định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh qua Văn phòng Ban Chỉ huy Phòng thủ dân sự
tỉnh để tổng hợp.

PHỤ LỤC
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Ban hành quy chế phối hợp tìm kiếm cứu nạn | Sở Xây dựng | {cell} | 2025 |
"""


def partners_of(text: str) -> dict[str, list[str]]:
    assignments, _ = duties_of(text, FACTS)
    return {
        a.body.name: sorted({p.name for d in a.duties for p in d.partners}) for a in assignments
    }


def test_a_board_named_by_its_bare_head_in_a_table_cell_is_the_one_named_in_full():
    got = partners_of(FULL.format(cell="Văn phòng Ban Chỉ huy; các sở, ban, ngành"))
    assert got["Sở Xây dựng"] == ["Văn phòng Ban Chỉ huy phòng thủ dân sự tỉnh"]
    got = partners_of(FULL.format(cell="Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan"))
    assert got["Sở Xây dựng"] == ["Văn phòng Ban Chỉ huy phòng thủ dân sự tỉnh"]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["2025", "Thường xuyên", "Trước ngày 30/11/2025", "Quý IV"]))
def test_a_bare_head_whose_cell_a_web_copy_joined_to_the_time_cell(time):
    """A copy that prints each cell on its own line may join the partner cell's last line to
    the row's time cell ("Văn phòng Ban Chỉ" / "huy" / "2025"): the time ends the name."""
    got = partners_of(FULL.format(cell=f"Văn phòng Ban Chỉ huy {time}"))
    assert got["Sở Xây dựng"] == ["Văn phòng Ban Chỉ huy phòng thủ dân sự tỉnh"]
    assert partners_of(FULL.format(cell=f"Văn phòng Ban Chỉ huy khác {time}"))["Sở Xây dựng"] == []


def test_a_bare_head_in_a_partner_list_of_running_text():
    text = FULL.split("PHỤ LỤC")[0] + (
        "2. Sở Xây dựng\n"
        "Chủ trì, phối hợp với Văn phòng Ban Chỉ huy, Sở Tài chính rà soát quy chế phối hợp.\n"
    )
    assert partners_of(text)["Sở Xây dựng"] == [
        "Sở Tài chính",
        "Văn phòng Ban Chỉ huy phòng thủ dân sự tỉnh",
    ]


def test_a_bare_head_is_left_unread_when_two_boards_were_named_in_full():
    two = FULL.replace(
        "tỉnh để tổng hợp.",
        "tỉnh để tổng hợp; Ủy ban nhân dân cấp xã báo cáo qua Văn phòng Ban Chỉ huy Phòng thủ "
        "dân sự cấp xã.",
    )
    got = partners_of(two.format(cell="Văn phòng Ban Chỉ huy; các sở, ban, ngành"))
    assert got["Sở Xây dựng"] == []


def test_a_bare_head_that_is_not_an_item_of_the_list_is_no_partner():
    text = FULL.split("PHỤ LỤC")[0] + (
        "2. Sở Xây dựng\n"
        "Chủ trì, phối hợp với Sở Tài chính đánh giá nhiệm vụ của từng thành viên Văn phòng Ban "
        "Chỉ huy, báo cáo Ủy ban nhân dân tỉnh.\n"
    )
    assert partners_of(text)["Sở Xây dựng"] == ["Sở Tài chính"]


def test_a_collective_with_no_level_is_no_partner():
    text = """III. TỔ CHỨC THỰC HIỆN
1. Công an tỉnh
Chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã
hội, các cơ quan báo chí triển khai các hoạt động phòng ngừa.
2. Sở Y tế
Chủ trì, phối hợp với các tổ chức chính trị - xã hội tỉnh tuyên truyền phòng, chống ma túy.
"""
    got = partners_of(text)
    assert got["Công an tỉnh"] == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    # printed with a level: kept (its canonical name is kg.extract.bodies' to give)
    assert [n.startswith("Các tổ chức chính trị - xã hội") for n in got["Sở Y tế"]] == [True]


def test_the_front_works_with_the_mass_organisations_of_its_tier():
    text = """III. TỔ CHỨC THỰC HIỆN
1. Mặt trận Tổ quốc Việt Nam tỉnh chủ trì, phối hợp với các tổ chức chính trị - xã hội, các
cơ quan báo chí tuyên truyền, vận động nhân dân.
"""
    got = partners_of(text)
    assert got == {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": ["Các tổ chức chính trị - xã hội"]}


_NAMED = ["Sở Tài chính", "Sở Tư pháp", "Công an tỉnh", "Ủy ban nhân dân các xã, phường"]
_KINDS = ["các tổ chức chính trị - xã hội", "các cơ quan báo chí", "các cơ quan, đơn vị liên quan"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_NAMED + _KINDS), min_size=1, max_size=5, unique=True))
def test_partners_are_the_named_bodies_of_any_list(items):
    """Whatever the order and mix, the partners are the specific bodies listed, no kind."""
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\nChủ trì, phối hợp với "
        + ", ".join(items)
        + " tổ chức kiểm tra.\n"
    )
    got = set(partners_of(text).get("Sở Y tế", []))
    assert got <= set(_NAMED)
    assert not any(k in " ".join(got).lower() for k in ("báo chí", "chính trị - xã hội"))


STANDING = """Điều 6. Trách nhiệm của các Ủy viên Ban Chỉ đạo
1. Ủy viên có trách nhiệm phối hợp với cơ quan thường trực Ban Chỉ đạo tổ chức các cuộc
họp định kỳ của Ban Chỉ đạo.
Điều 7. Trách nhiệm của Cơ quan thường trực Ban Chỉ đạo
Bộ Khoa học và Công nghệ là Cơ quan thường trực Ban Chỉ đạo; có trách nhiệm tham mưu, giúp
việc Ban Chỉ đạo, cụ thể:
1. Chủ trì xây dựng chương trình công tác hằng năm của Ban Chỉ đạo.
2. Tổng hợp tình hình, báo cáo Trưởng Ban Chỉ đạo.
"""


def test_a_standing_role_names_the_body_the_text_says_holds_it():
    facts = DocumentFacts(
        issuer="Trưởng Ban Chỉ đạo quốc gia về phát triển ngành công nghiệp bán dẫn",
        issuer_level="central",
    )
    assignments, _ = duties_of(STANDING, facts)
    names = {a.body.name: a for a in assignments}
    assert "Bộ Khoa học và Công nghệ" in names
    assert not any(n.lower().startswith("cơ quan thường trực") for n in names)
    members = next(a for n, a in names.items() if "Ủy viên" in n)
    assert [p.name for d in members.duties for p in d.partners] == ["Bộ Khoa học và Công nghệ"]


def test_a_partner_printed_with_the_issuers_place_is_the_entry_of_that_body():
    text = """PHỤ LỤC
| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Đề xuất giải pháp cải thiện môi trường đầu tư | Sở Tài chính | Sở Công Thương; Ban Quản lý khu Kinh tế tỉnh Đồng Tháp 2026 | 2026 |
| 2 | Thu hút dự án công nghệ cao vào khu kinh tế | Ban Quản lý khu Kinh tế | Sở Tài chính | 2027 |
"""
    facts = DocumentFacts(
        issuer="Ủy ban nhân dân tỉnh Đồng Tháp", issuer_level="province", province="Đồng Tháp"
    )
    got = {
        a.body.name: sorted({p.name for d in a.duties for p in d.partners})
        for a in duties_of(text, facts)[0]
    }
    assert got["Sở Tài chính"] == ["Ban Quản lý Khu kinh tế", "Sở Công Thương"]


def test_a_body_set_beside_its_standing_role_is_one_entry():
    text = """III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo
- Chủ trì tổng hợp kết quả kiểm kê tài sản kết cấu hạ tầng.
- Hướng dẫn các cơ quan, đơn vị thực hiện kiểm kê.
2. Sở Xây dựng
- Phối hợp với Cơ quan thường trực Ban Chỉ đạo tổng hợp số liệu kiểm kê.
"""
    facts = DocumentFacts(
        issuer="Ủy ban nhân dân tỉnh Quảng Ngãi", issuer_level="province", province="Quảng Ngãi"
    )
    assignments, _ = duties_of(text, facts)
    assert [(a.body.name, len(a.duties)) for a in assignments] == [
        ("Sở Tài chính", 2),
        ("Sở Xây dựng", 1),
    ]
    assert [p.name for p in assignments[1].duties[0].partners] == ["Sở Tài chính"]


RUNNING = (
    FULL.split("PHỤ LỤC")[0]
    + "2. Sở Khoa học và Công nghệ\n- Phối hợp chặt chẽ với {partners} để triển khai trạm phát sóng 5G.\n"
)


def test_the_members_a_collective_partner_lists_in_brackets_are_the_partners():
    """GUIDE leaves a generic collective out; the specific bodies its brackets list stay, and a
    group's enterprise printed with a province is that province's branch."""
    text = RUNNING.format(partners="các nhà mạng (Viettel Nghệ\nAn, VNPT Nghệ An, MobiFone)")
    assert partners_of(text)["Sở Khoa học và Công nghệ"] == [
        "Tổng công ty Viễn thông MobiFone",  # a state group by its brand, no province printed
        "VNPT Nghệ An",
        "Viettel Nghệ An",
    ]
    text = RUNNING.format(partners="các tổ chức chính trị - xã hội (Hội Nông dân tỉnh)")
    assert partners_of(text)["Sở Khoa học và Công nghệ"] == ["Hội Nông dân tỉnh"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["nếu có", "sau đây gọi là các nhà mạng", "các sở, ngành", "gọi tắt"]))
def test_brackets_that_list_no_bodies_add_no_partner(inside):
    text = RUNNING.format(partners=f"các nhà mạng ({inside})")
    assert partners_of(text)["Sở Khoa học và Công nghệ"] == []
