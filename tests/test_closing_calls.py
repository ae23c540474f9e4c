"""A closing call to a catch-all (issue 10, bodies precision): "Yêu cầu các Bộ, ngành, địa
phương nghiêm túc, quyết liệt triển khai thực hiện Công điện này" asks for the text itself to be
carried out and gives no task of its own; a catch-all given real work keeps its entry."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.extract.duties.rules import pro_forma
from kg.models import DocumentFacts

CENTRE = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central")

TELEGRAM = """1. Bộ Quốc phòng chỉ đạo các lực lượng sẵn sàng hỗ trợ người dân.

2. Bộ Công an bảo đảm an ninh trật tự tại các khu vực bị ảnh hưởng.

{closing}
"""


def _names(closing: str) -> list[str]:
    return [name for name, _, _ in table(duties_of(TELEGRAM.format(closing=closing), CENTRE)[0])]


def test_a_closing_call_to_carry_out_the_text_gives_no_entry() -> None:
    closing = "Yêu cầu các Bộ, ngành, địa phương nghiêm túc, quyết\nliệt triển khai thực hiện Công điện này./."
    assert _names(closing) == ["Bộ Quốc phòng", "Bộ Công an"]


def test_a_catch_all_given_work_keeps_its_entry() -> None:
    closing = "3. Các Bộ, ngành, địa phương rà soát thiệt hại, báo cáo Thủ tướng trước ngày 30/11."
    assert len(_names(closing)) == 3


@settings(deadline=None, max_examples=30)
@given(
    st.sampled_from(["Công điện", "Quyết định", "Chỉ thị", "Kế hoạch", "Nghị quyết", "Thông báo"]),
    st.lists(st.sampled_from(["nghiêm túc", "quyết liệt", "khẩn trương", "chủ động"]), max_size=2),
    st.sampled_from(["triển khai thực hiện", "thực hiện", "tổ chức thực hiện"]),
)
def test_carrying_out_the_text_itself_is_a_formula(
    kind: str, adverbs: list[str], verb: str
) -> None:
    words = ", ".join(adverbs)
    assert pro_forma(f"{words} {verb} {kind} này./.".strip())
    assert not pro_forma(f"{words} {verb} kiểm tra an toàn hồ đập trước mùa mưa.".strip())
