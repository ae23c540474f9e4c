"""Bodies listed after "cụ thể:" in a task handed to several of them (issue 10, bodies recall):
"Phân công các đồng chí Phó Thủ tướng ..., cụ thể: Phó Thủ tướng A tỉnh X, Phó Thủ tướng B tỉnh
Y và Phó Thủ tướng C tỉnh Z" gives each listed body the task; a list after "cụ thể" that no
hand-out verb introduces gives nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import DocumentFacts

CENTRE = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central")

TELEGRAM = """Thủ tướng Chính phủ yêu cầu:

1. Bộ Quốc phòng chỉ đạo các lực lượng hỗ trợ người dân.

2. {item}
"""

ITEM = (
    "Phân công các đồng chí Phó Thủ tướng Chính phủ trực tiếp chỉ đạo, đôn đốc công tác khắc "
    "phục hậu quả mưa lũ tại các địa phương, cụ thể: Phó Thủ tướng thường trực Chính phủ Nguyễn "
    "Hòa Bình tỉnh Đắk Lắk, Phó Thủ tướng Nguyễn Thành\nLong tỉnh Gia Lai và Phó Thủ tướng Mai "
    "Văn Chính tỉnh Lâm Đồng."
)


def _names(item: str) -> list[str]:
    return [n for n, _, _ in table(duties_of(TELEGRAM.format(item=item), CENTRE)[0])]


def test_each_body_listed_after_cu_the_gets_the_task() -> None:
    assert _names(ITEM) == [
        "Bộ Quốc phòng",
        "Phó Thủ tướng Chính phủ Nguyễn Hòa Bình",
        "Phó Thủ tướng Chính phủ Nguyễn Thành Long",
        "Phó Thủ tướng Chính phủ Mai Văn Chính",
    ]


def test_a_list_no_hand_out_verb_introduces_gives_nothing() -> None:
    item = (
        "Ghi nhận các bộ đã chủ động hỗ trợ các địa phương khắc phục hậu quả, cụ thể: Bộ Y tế "
        "lĩnh vực y tế, Bộ Xây dựng về nhà ở và Bộ Tài chính về kinh phí."
    )
    assert _names(item) == ["Bộ Quốc phòng"]


_MINISTERS = ["Bộ Y tế", "Bộ Xây dựng", "Bộ Tài chính", "Bộ Công Thương", "Bộ Tư pháp"]
_SHARES = ["", " lĩnh vực y tế", " tỉnh Gia Lai", " về nhà ở"]


@settings(deadline=None, max_examples=30)
@given(st.lists(st.sampled_from(_MINISTERS), min_size=2, max_size=4, unique=True), st.data())
def test_every_body_listed_with_its_share_gets_the_task(
    names: list[str], data: st.DataObject
) -> None:
    parts = [n + data.draw(st.sampled_from(_SHARES)) for n in names]
    listed = ", ".join(parts[:-1]) + " và " + parts[-1]
    item = f"Giao các bộ theo dõi, hướng dẫn các địa phương khắc phục hậu quả, cụ thể: {listed}."
    assert _names(item) == ["Bộ Quốc phòng", *names]
