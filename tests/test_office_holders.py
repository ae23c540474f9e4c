"""Deputy Prime Ministers given one item's work one after another (issue 10): each clause after
a semicolon opening with the next holder, or the holders listed after "cụ thể:" each with his
province; a holder one reports to is given nothing. An office holder named with his name is a
body like any other: the general readers give them their work (kg.extract.duties.later_subjects
for the clauses, kg.extract.duties.namely for the list), no reader of their own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import DocumentFacts

PM = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")

CLAUSES = """Thủ tướng Chính phủ yêu cầu:

1. Bộ Y tế khẩn trương hỗ trợ thuốc, vật tư cho các địa phương.

2. Giao Phó Thủ tướng Chính phủ Trần Văn An đi
kiểm tra, đôn đốc công tác khắc phục hậu quả mưa lũ tại tỉnh
Gia Lai; Phó Thủ tướng Chính phủ Lê Thị Bình đi kiểm tra, đôn đốc công
tác khắc phục hậu quả tại tỉnh Đắk Lắk; Phó Thủ tướng Chính phủ
Phạm Quốc Cường đi kiểm tra tại các tỉnh: Khánh Hòa và Lâm Đồng.

3. Văn phòng Chính phủ theo dõi, đôn đốc; kịp thời báo cáo Thủ tướng Chính phủ, Phó Thủ
tướng Chính phủ Trần Văn An những vấn đề phát sinh./.
"""

LISTED = """Thủ tướng Chính phủ yêu cầu:

1. Bộ Y tế khẩn trương hỗ trợ thuốc, vật tư cho các địa phương.

2. Phân công các đồng chí Phó Thủ tướng Chính phủ
tiếp tục theo dõi thường xuyên tình hình, trực tiếp chỉ đạo công tác khắc phục hậu quả
mưa lũ tại các địa phương, cụ thể: Phó Thủ tướng
thường trực Chính phủ Trần Văn An tỉnh Đắk Lắk, Phó Thủ tướng Lê Thị
Bình tỉnh Gia Lai và Phó Thủ tướng Phạm Quốc Cường tỉnh Khánh Hòa.
"""

_NAMES = ("Trần Văn An", "Lê Thị Bình", "Phạm Quốc Cường")


def _entries(text: str) -> dict[str, tuple[str, int]]:
    return {name: (mode, n) for name, mode, n in table(duties_of(text, PM)[0])}


def test_each_clause_after_a_semicolon_is_its_holders_duty() -> None:
    assignments = duties_of(CLAUSES, PM)[0]
    got = {a.body.name: a for a in assignments}
    for name in _NAMES:
        a = got[f"Phó Thủ tướng Chính phủ {name}"]
        assert (a.mode, len(a.duties)) == ("assigned", 1)
    first = got["Phó Thủ tướng Chính phủ Trần Văn An"].duties[0].text
    assert "Gia Lai" in first and "Đắk Lắk" not in first  # his clause only
    assert got["Phó Thủ tướng Chính phủ Lê Thị Bình"].duties[0].text.startswith("đi kiểm tra")
    last = got["Phó Thủ tướng Chính phủ Phạm Quốc Cường"].duties[0].text
    assert last.startswith("đi kiểm tra") and "Lâm Đồng" in last


def test_holders_listed_after_a_colon_each_get_the_item() -> None:
    got = _entries(LISTED)
    for name in _NAMES:
        assert got[f"Phó Thủ tướng Chính phủ {name}"] == ("assigned", 1)


def test_a_holder_one_reports_to_is_given_nothing() -> None:
    text = "Thủ tướng Chính phủ yêu cầu:\n\n1. Văn phòng Chính phủ theo dõi; kịp thời báo cáo "
    text += "Phó Thủ tướng Chính phủ Trần Văn An.\n"
    assert list(_entries(text)) == ["Văn phòng Chính phủ"]
    got = _entries(CLAUSES)
    assert got["Văn phòng Chính phủ"] == ("assigned", 1)


_PROVINCES = ("Gia Lai", "Đắk Lắk", "Khánh Hòa", "Lâm Đồng", "Quảng Ngãi")


@given(
    st.lists(st.sampled_from(_NAMES), min_size=1, max_size=3, unique=True),
    st.sampled_from([", ", ",\n", "; "]),
    st.booleans(),
)
def test_every_listed_holder_is_one_entry(names: list[str], sep: str, last_va: bool) -> None:
    parts = [f"Phó Thủ tướng {n} tỉnh {p}" for n, p in zip(names, _PROVINCES, strict=False)]
    listed = sep.join(parts[:-1]) + (" và " if last_va and len(parts) > 1 else sep) + parts[-1]
    if len(parts) == 1:
        listed = parts[0]
    text = "Thủ tướng Chính phủ yêu cầu:\n\n1. Bộ Y tế hỗ trợ thuốc.\n\n2. Phân công các đồng chí "
    text += "Phó Thủ tướng Chính phủ chỉ đạo khắc phục, cụ thể: " + listed + ".\n"
    got = [n for n in _entries(text) if n.startswith("Phó Thủ tướng")]
    assert got == ([f"Phó Thủ tướng Chính phủ {n}" for n in names] if len(names) > 1 else [])


NOTICE = """Phó Thủ tướng Chính phủ có ý kiến như sau:

1. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường
trực Ban Chỉ đạo 389 quốc gia tập trung lãnh đạo, chỉ đạo các đơn vị liên quan
khẩn trương thực hiện một số nhiệm vụ sau:

1.1. Hoàn thiện Kế hoạch cao điểm chống buôn lậu dịp Tết.

1.2. Khẩn trương sơ kết 6 tháng việc thực hiện Chỉ thị.

2. Bộ Công Thương - Bộ Y tế phối hợp kiểm tra thị trường.
"""


def test_a_ministers_second_office_after_a_dash_is_no_second_addressee() -> None:
    got = _entries(NOTICE)
    assert got["Bộ Tài chính"] == ("assigned", 2)
    assert not any("Ban Chỉ đạo" in name for name in got)
    assert got["Bộ Công Thương"] == got["Bộ Y tế"] == ("assigned", 1)  # two bodies, a dash
