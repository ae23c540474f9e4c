"""A central body's own units given work in a circular (issue 10): departments named in a
responsibility article ("1. Vụ Chính sách tiền tệ:" + its points), the State Bank's regional
branches and its Sở Giao dịch, and a responsibility article an amending circular rewrites
whole ("1. Sửa đổi, bổ sung Điều 20 như sau: “Điều 20. Trách nhiệm của các đơn vị thuộc Ngân
hàng Nhà nước ..."). Short synthetic texts in the shape NĐ 30/2020 gives amending texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, named_bodies, table

from kg.extract.duties import holders
from kg.models import DocumentFacts

SBV = DocumentFacts(
    issuer="Thống đốc Ngân hàng Nhà nước Việt Nam",
    issuer_level="central",
    issuer_kind="state",
    date="2025-11-20",
)

# (department as printed, its work); a department's name ends at the colon of its clause
UNITS = [
    ("Vụ Chính sách tiền tệ", ["Theo dõi, tổng hợp tình hình thực hiện;", "Xử lý vướng mắc."]),
    ("Vụ Pháp chế", ["Rà soát văn bản quy phạm pháp luật liên quan."]),
    ("Cục Quản lý ngoại hối", ["Hướng dẫn tổ chức tín dụng thực hiện;", "Kiểm tra định kỳ."]),
    ("Thanh tra Ngân hàng Nhà nước", ["Thanh tra việc chấp hành quy định."]),
    ("Văn phòng Ngân hàng Nhà nước", ["Công bố thông tin theo quy định."]),
    ("Sở Giao dịch Ngân hàng Nhà nước", ["Thực hiện giao dịch theo quy định."]),
]


def _article(units: list[tuple[str, list[str]]], title: str) -> str:
    out = [f"Điều 20. {title}", ""]
    for k, (name, work) in enumerate(units, 1):
        out += [f"{k}. {name}:", ""]
        out += [f"{'abcdefgh'[j]}) {w}" for j, w in enumerate(work)] + [""]
    return "\n".join(out)


def _amending(article: str, inline: bool = False) -> str:
    """The amending circular; ``inline``: the copy keeps the quoted title on the line of the
    clause that announces the change ("... như sau: “Điều 20. ...")."""
    gap = " " if inline else "\n\n"
    return (
        "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 12/2024/TT-NHNN\n\n"
        f"1. Sửa đổi, bổ sung Điều 8 như sau:{gap}“Điều 8. Chính sách hỗ trợ\n\n"
        "1. Vụ Tín dụng các ngành kinh tế: hỗ trợ lãi suất theo quy định.”\n\n"
        f"2. Sửa đổi, bổ sung Điều 20 như sau:{gap}“" + article.rstrip() + "”\n\n"
        "3. Bãi bỏ khoản 2 Điều 21.\n\n"
        "Điều 2. Điều khoản thi hành\n\n"
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026.\n\n"
        "2. Chánh Văn phòng, Vụ trưởng Vụ Chính sách tiền tệ, Thủ trưởng các đơn vị thuộc "
        "Ngân hàng Nhà nước chịu trách nhiệm tổ chức thực hiện Thông tư này./.\n"
    )


def test_a_department_named_before_the_colon_of_its_clause() -> None:
    """ "Vụ Pháp chế:" ends its clause's heading: the name is every word up to the colon,
    the last one included."""
    for text, name in [("Vụ Pháp chế:", "Vụ Pháp chế"), ("Vụ Chính sách tiền tệ:", None)]:
        found, _end = holders.department_at(text, 0)
        assert [m.name_extra for m in found] == [name or text[:-1]]


def test_the_state_banks_units_are_bodies_of_their_own() -> None:
    """A regional branch keeps its number (one kind of unit), an abbreviation is expanded,
    and neither is the State Bank itself nor gets the issuer's level word."""
    got = named_bodies(
        "Ngân hàng Nhà nước chi nhánh Khu vực 2, NHNN chi nhánh khu vực 5 và Sở Giao dịch "
        "Ngân hàng Nhà nước thực hiện",
        SBV,
    )
    assert got == [
        ("Ngân hàng Nhà nước chi nhánh khu vực 2", "NHNNChiNhanhKhuVuc"),
        ("Ngân hàng Nhà nước chi nhánh khu vực 5", "NHNNChiNhanhKhuVuc"),
        ("Sở Giao dịch Ngân hàng Nhà nước", "SoGiaoDichNHNN"),
    ]


@settings(deadline=None, max_examples=40)
@given(
    picked=st.lists(st.sampled_from(range(len(UNITS))), min_size=1, max_size=4, unique=True),
    title=st.sampled_from(
        [
            "Trách nhiệm của các đơn vị thuộc Ngân hàng Nhà nước",
            "Tổ chức thực hiện",
            "Trách nhiệm thực hiện",
        ]
    ),
    inline=st.booleans(),
)
def test_a_rewritten_responsibility_article_gives_its_units_their_work(
    picked: list[int], title: str, inline: bool
) -> None:
    """Whatever units the rewritten article lists, each gets its own points, as in the same
    article printed on its own; a rewritten article that lays down a rule ("Chính sách hỗ
    trợ"), a repeal and the executors clause give no work."""
    units = [UNITS[k] for k in picked]
    want = [(name, "assigned", len(work)) for name, work in units]
    article = _article(units, title)
    assert table(duties_of(article, SBV)[0]) == want
    assert table(duties_of(_amending(article, inline), SBV)[0]) == want


def _titled(article: str) -> str:
    """The amending circular whose article announces the change in its own title ("Điều 13.
    Sửa đổi, bổ sung Điều 20" over the quoted article), as a Thông tư prints one change per
    article."""
    return (
        "Điều 12. Sửa đổi, bổ sung khoản 5 Điều 19\n\n"
        "“5. Tổ chức tín dụng gửi thông tin trước ngày 10 hàng tháng.”\n\n"
        "Điều 13. Sửa đổi, bổ sung Điều 20\n\n“" + article.rstrip() + "”\n\n"
        "Điều 14. Hiệu lực thi hành\n\n"
        "Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026./.\n"
    )


def _by_clause(units: list[tuple[str, list[str]]], inline: bool, added: bool) -> str:
    """The amending circular that rewrites (or adds, ``added``) one clause of a responsibility
    article at a time: "N. Sửa đổi, bổ sung khoản N Điều 20 như sau:" / "“N. <unit>:" / "a) ..."."""
    gap = " " if inline else "\n\n"
    out = ["Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 12/2024/TT-NHNN", ""]
    out += [
        "1. Sửa đổi, bổ sung khoản 1 Điều 8 như sau:",
        "",
        "“1. Vụ Chính sách tiền tệ là đơn vị đầu mối theo dõi thực hiện.”",
        "",
    ]
    for k, (name, work) in enumerate(units, 2):
        verb = f"Bổ sung khoản {k} vào Điều 20" if added else f"Sửa đổi, bổ sung khoản {k} Điều 20"
        out += [f"{k}. {verb} như sau:{gap}“{k}. {name}:", ""]
        out += [f"{'abcdefgh'[j]}) {w}" for j, w in enumerate(work)]
        out[-1] += "”."
        out += [""]
    out += [
        "Điều 2. Điều khoản thi hành",
        "",
        "Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026./.",
    ]
    return "\n".join(out) + "\n"


@settings(deadline=None, max_examples=30)
@given(
    picked=st.lists(st.sampled_from(range(len(UNITS))), min_size=1, max_size=4, unique=True),
    inline=st.booleans(),
    added=st.booleans(),
)
def test_a_rewritten_clause_gives_the_unit_it_names_its_points(
    picked: list[int], inline: bool, added: bool
) -> None:
    """Whatever units the rewritten or added clauses name in their quoted heading, each gets
    the clause's points; a rewritten clause that only designates a unit ("Vụ X là đơn vị đầu
    mối") gives none."""
    units = [UNITS[k] for k in picked]
    want = [(name, "assigned", len(work)) for name, work in units]
    assert table(duties_of(_by_clause(units, inline, added), SBV)[0]) == want


def test_an_article_that_announces_its_change_in_its_title() -> None:
    """ "Điều 13. Sửa đổi, bổ sung Điều 20" over the quoted responsibility article: its units
    get their work, the rewritten rule above gives none."""
    units = UNITS[:3]
    want = [(name, "assigned", len(work)) for name, work in units]
    article = _article(units, "Trách nhiệm tổ chức thực hiện")
    assert table(duties_of(_titled(article), SBV)[0]) == want


def test_a_departments_head_word_before_its_ministry_in_lower_case() -> None:
    """ "Thanh tra ngân hàng Nhà nước" (the copy lower-cased the ministry's name): the head
    word and the ministry it belongs to are one department; a head word before a lower-case
    word that names no ministry is none ("Vụ việc ...")."""
    found, _end = holders.department_at("Thanh tra ngân hàng Nhà nước chịu trách nhiệm", 0)
    assert [m.name_extra for m in found] == ["Thanh tra ngân hàng Nhà nước"]
    assert holders.department_at("Vụ việc này chịu trách nhiệm", 0) == ([], 0)
