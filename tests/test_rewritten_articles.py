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
