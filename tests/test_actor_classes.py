"""Classes of non-state actors as addressees (issue 10): kg.extract.actor_classes.

A plan gives work to "các doanh nghiệp viễn thông", "các chủ đầu tư ...", "các tổ chức, cá
nhân có liên quan": a head word of ontology/bodies.ttl (dkg:qualifiedClass) and the words that
say which members, named as printed. Short synthetic snippets, not copied from any document.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, named_bodies, table

from kg.extract.bodies import find_bodies
from kg.models import DocumentFacts
from kg.refdata import body_types

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Bình Lâm", issuer_level="province", date="2025-11-20"
)


def names(text: str) -> list[tuple[str, str]]:
    return named_bodies(text, FACTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Các doanh nghiệp bưu chính", "Các doanh nghiệp bưu chính"),
        ("Các doanh nghiệp bưu chính phối hợp với các đơn vị", "Các doanh nghiệp bưu chính"),
        ("Các nhà đầu tư hạ tầng cụm công nghiệp có trách nhiệm:", "Các nhà đầu tư hạ tầng cụm công nghiệp"),
        ("4. Các chủ đầu tư xây dựng và\nkinh doanh hạ tầng cảng cá\n\n- Phối hợp", "Các chủ đầu tư xây dựng và kinh doanh hạ tầng cảng cá"),
        ("Các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành", "Các tổ chức, cá nhân có liên quan"),
        ("Doanh nghiệp, nhà cung cấp dịch vụ bưu chính, nhà đầu tư bố trí kinh phí", "Doanh nghiệp, nhà cung cấp dịch vụ bưu chính, nhà đầu tư"),
    ],
)  # fmt: skip
def test_a_class_is_named_with_the_words_that_say_which_members(text: str, expected: str) -> None:
    name, type_id = names(text)[0]
    assert name == expected
    assert body_types()[type_id].qualified


def test_the_name_stops_where_another_body_begins() -> None:
    assert names("Các doanh nghiệp bưu chính và Sở Công Thương") == [
        ("Các doanh nghiệp bưu chính", "CacDoanhNghiep"),
        ("Sở Công Thương", "SoCongThuong"),
    ]


def test_a_class_is_a_catch_all_never_a_named_partner() -> None:
    assert body_types()["CacDoanhNghiep"].generic
    assigned, _ = duties_of(
        "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương\n\n- Chủ trì, phối hợp với các doanh "
        "nghiệp bưu chính và Sở Tài chính rà soát mạng lưới.\n",
        FACTS,
    )
    (a,) = assigned
    assert [p.name for d in a.duties for p in d.partners] == ["Sở Tài chính"]


def test_a_class_heading_in_the_organisation_part_gets_its_bullets() -> None:
    body = (
        "IV. TỔ CHỨC\nTHỰC HIỆN\n\n"
        "1. Sở Công Thương\n\n- Theo dõi, đôn đốc việc thực hiện Kế hoạch.\n\n"
        "2. Các doanh nghiệp bưu chính\n\n- Xây dựng phương án phát triển mạng lưới.\n\n"
        "- Định kỳ báo cáo kết quả về Sở Công Thương.\n\n"
        "3. Các chủ đầu tư hạ tầng\ncụm công nghiệp\n\n- Bố trí mặt bằng cho các trạm.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [
        ("Sở Công Thương", "assigned", 1),
        ("Các doanh nghiệp bưu chính", "assigned", 2),
        ("Các chủ đầu tư hạ tầng cụm công nghiệp", "assigned", 1),
    ]


_WORDS = st.sampled_from(
    ["viễn thông", "bưu chính", "hạ tầng", "khu", "công nghiệp", "thứ cấp", "trên", "địa bàn",
     "dịch vụ", "IoT", "và", "phối hợp", "có trách nhiệm", "Sở Y tế", ",", ";", ".", "\n", "\n\n"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    head=st.sampled_from(["các doanh nghiệp", "Chủ đầu tư", "các nhà đầu tư"]),
    rest=st.lists(_WORDS, max_size=12),
)
def test_a_class_name_is_a_printed_prefix_of_one_paragraph(head: str, rest: list[str]) -> None:
    """Whatever follows the head, the name is the text as printed from the head on, never runs
    over a blank line, a stop word or another body, and ends on a word."""
    text = "- " + head + " " + " ".join(rest)
    found = [m for m in find_bodies(text) if m.type.qualified]
    assert found and found[0].start == 2
    m = found[0]
    printed = text[m.start : m.end]
    assert "\n\n" not in printed and ";" not in printed
    assert "phối hợp" not in printed and "trách nhiệm" not in printed and "Sở Y tế" not in printed
    assert printed == printed.strip() and printed[-1] not in ",.\n"


NOTICE = "III. NHIỆM VỤ THỜI GIAN TỚI\n\n{items}\n"
# (the matter an item names before its colon, the owners as printed, the name they get)
MATTERS = [
    ("Về các dự án điện gió", "chủ đầu tư các dự án", "Chủ đầu tư các dự án"),
    ("Về các dự án nhà ở xã hội", "các chủ đầu tư", "Các chủ đầu tư"),
    (
        "Về dự án Nhà máy điện Quỳnh Lập",
        "Chủ đầu tư",
        "Chủ đầu tư dự án Nhà máy điện Quỳnh Lập",
    ),
    ("Về dự án đường ven biển", "chủ đầu tư", "Chủ đầu tư dự án đường ven biển"),
]


@settings(deadline=None, max_examples=30)
@given(picked=st.lists(st.sampled_from(range(len(MATTERS))), min_size=1, max_size=3, unique=True))
def test_a_projects_owners_get_the_work_an_item_on_the_project_gives_them(
    picked: list[int],
) -> None:
    """ "2. Về dự án X: Chủ đầu tư khẩn trương ...": running text gives the work of a project
    to its owners (no catch-all of the administration, which running text names in passing);
    a bare "Chủ đầu tư" is the owner of the project its item is about, one per project."""
    items = "\n\n".join(
        f"{k}. {MATTERS[i][0]}: {MATTERS[i][1]} khẩn trương hoàn thiện thủ tục đầu tư."
        for k, i in enumerate(picked, 1)
    )
    got = table(duties_of(NOTICE.format(items=items), FACTS)[0])
    assert got == [(MATTERS[i][2], "assigned", 1) for i in picked]


def test_a_catch_all_alone_in_running_text_still_gets_no_work() -> None:
    text = NOTICE.format(items="1. Về các dự án điện gió: các sở, ngành theo dõi tiến độ.")
    assert table(duties_of(text, FACTS)[0]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "4. Giao các chủ đầu tư nhà máy điện Sơn Mỹ 1, nhà máy điện Sơn Mỹ 2 thực hiện cập nhật hồ sơ.",
            [("Chủ đầu tư nhà máy điện Sơn Mỹ 1", "assigned", 1), ("Chủ đầu tư nhà máy điện Sơn Mỹ 2", "assigned", 1)],
        ),
        (
            "2. Chủ đầu tư các dự án khu công nghiệp Tân An và Phú Bình khẩn trương hoàn thành hồ sơ.",
            [("Chủ đầu tư dự án khu công nghiệp Tân An", "assigned", 1), ("Chủ đầu tư dự án khu công nghiệp Phú Bình", "assigned", 1)],
        ),
        (
            "3. Các nhà đầu tư dự án Cảng Bắc, dự án Cảng Nam và dự án Cảng Tây bố trí kinh phí.",
            [("Nhà đầu tư dự án Cảng Bắc", "assigned", 1), ("Nhà đầu tư dự án Cảng Nam", "assigned", 1), ("Nhà đầu tư dự án Cảng Tây", "assigned", 1)],
        ),
        # one project whose name holds "và": no plural, one owner
        (
            "2. Chủ đầu tư dự án đường nối Quốc lộ 1 và Quốc lộ 14 khẩn trương hoàn thành hồ sơ.",
            [("Chủ đầu tư dự án đường nối Quốc lộ 1 và Quốc lộ 14", "assigned", 1)],
        ),
        # a class, no project named: kept whole
        (
            "2. Các chủ đầu tư xây dựng và kinh doanh hạ tầng cảng cá khẩn trương hoàn thành hồ sơ.",
            [("Các chủ đầu tư xây dựng và kinh doanh hạ tầng cảng cá", "assigned", 1)],
        ),
    ],
)  # fmt: skip
def test_owners_of_listed_projects_are_one_per_project(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    """ "các chủ đầu tư <project 1>, <project 2>" and "chủ đầu tư các dự án <kind> X và Y" name
    one owner per project (README: the same printed word for two bodies gives two entries named
    with their project); the kind printed once goes to each."""
    assert table(duties_of(text, FACTS)[0]) == expected


@settings(deadline=None, max_examples=30)
@given(
    places=st.lists(
        st.sampled_from(["Sơn Mỹ 1", "Sơn Mỹ 2", "Tân An", "Phú Bình", "Long Sơn"]),
        min_size=2,
        max_size=3,
        unique=True,
    ),
    kind=st.sampled_from(["nhà máy điện", "dự án cảng", "khu công nghiệp"]),
    head=st.sampled_from(["các chủ đầu tư", "Các nhà đầu tư"]),
    repeat=st.booleans(),
)
def test_each_listed_project_has_its_owner(
    places: list[str], kind: str, head: str, repeat: bool
) -> None:
    """Whatever projects of one kind the list names, with the kind printed before each or once,
    each gets one owner named with its project."""
    names = [f"{kind} {p}" if repeat or k == 0 else p for k, p in enumerate(places)]
    listed = ", ".join(names[:-1]) + " và " + names[-1]
    word = head.split()[-3:]
    owner = " ".join(word)[:1].upper() + " ".join(word)[1:]
    got = table(duties_of(f"2. Giao {head} {listed} thực hiện cập nhật hồ sơ.", FACTS)[0])
    assert got == [(f"{owner} {kind} {p}", "assigned", 1) for p in places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the comma lists words of the qualifier: the sentence goes on to what binds the class
        ("2. Tổ chức, cá nhân thụ hưởng chính sách ưu đãi, miễn giảm, hỗ trợ có trách nhiệm:", "Tổ chức, cá nhân thụ hưởng chính sách ưu đãi, miễn giảm, hỗ trợ"),
        ("Các doanh nghiệp sản xuất, kinh doanh phân bón phải niêm yết giá", "Các doanh nghiệp sản xuất, kinh doanh phân bón"),
        # a heading that is only the class
        ("Điều 9. Trách nhiệm của tổ chức, cá nhân khi khảo sát, đo đạc địa hình\n\n1. Tổ", "Tổ chức, cá nhân khi khảo sát, đo đạc địa hình"),
        # the comma ends the name: the work follows, or an aside
        ("- Doanh nghiệp bưu chính, tổ\nchức bảo đảm kinh phí thực hiện", "Doanh nghiệp bưu chính"),
        ("Chủ đầu tư, trong phạm vi, trách nhiệm của mình, đẩy nhanh tiến độ", "Chủ đầu tư"),
        ("Các doanh nghiệp bưu chính, Sở Công Thương phối hợp", "Các doanh nghiệp bưu chính"),
    ],
)  # fmt: skip
def test_words_a_comma_lists_in_a_qualifier_belong_to_the_name(text: str, expected: str) -> None:
    assert names(text)[0][0] == expected
