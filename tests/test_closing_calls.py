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


def test_a_letters_closing_call_on_the_points_above_and_its_problems_clause_give_no_entry() -> None:
    closing = (
        "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị khẩn trương, nghiêm túc triển khai thực "
        "hiện đầy đủ các nội dung chỉ đạo nêu trên theo thẩm quyền và quy định pháp luật. Trường "
        "hợp có khó khăn, vướng mắc trong quá trình thực hiện, đề nghị các cơ quan, đơn vị có văn "
        "bản báo cáo gửi Sở Xây dựng để tổng hợp, tham mưu, đề xuất./."
    )
    assert _names(closing) == ["Bộ Quốc phòng", "Bộ Công an"]
    # a task after the call is work
    worked = closing.replace(
        "Trường hợp có khó khăn", "Các cơ quan, đơn vị rà soát thiệt hại. Nếu có"
    )
    assert len(_names(worked)) == 3


@settings(deadline=None, max_examples=30)
@given(
    st.sampled_from(["Trong quá trình thực hiện,", "Trong quá trình thực hiện Quy định này", ""]),
    st.sampled_from(["phản ánh", "phản hồi", "báo cáo"]),
    st.booleans(),
)
def test_the_problems_clause_with_its_escalation_is_no_work(opening: str, tell: str, up: bool):
    from kg.extract.duties.boilerplate import problems_only

    text = (
        f"{opening} nếu có khó khăn, vướng mắc, các cơ quan, đơn vị có liên quan {tell} kịp thời "
        "về Sở Công Thương để hướng dẫn, giải quyết."
    ).strip()
    if up:
        text += (
            " Trường hợp vượt thẩm quyền, Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
        )
    assert problems_only(text)
    assert not problems_only(text + " Sở Công Thương kiểm tra các cơ sở trước ngày 30/11.")
