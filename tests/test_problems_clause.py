"""The problems clause closing an organisation part is reporting, not a duty (GUIDE)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.extract.duties.boilerplate import problems_only
from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", issuer_level="province", province="Hà Tĩnh"
)

PLAN = """IV. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị triển khai Kế hoạch này.
2. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường căn cứ Kế hoạch xây dựng kế hoạch của đơn vị.
3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ban, ngành, Ủy ban nhân dân các xã, phường phản ánh về Sở Y tế để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết.
"""


def test_a_problems_item_adds_no_duty() -> None:
    got = dict((b, n) for b, _m, n in table(duties_of(PLAN, FACTS)[0]))
    assert got["Sở Y tế"] == 1
    assert got["Ủy ban nhân dân các xã, phường"] == 1  # item 2 only


@given(
    st.sampled_from(
        [
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ",
            "Trong quá trình tổ chức triển khai thực hiện, trường hợp phát sinh khó khăn, ",
            "Nếu có vướng mắc, ",
            "Quá trình thực hiện nếu có khó khăn, vướng mắc, ",
        ]
    ),
    st.sampled_from(["các cơ quan, đơn vị", "Sở Tài chính", "các tổ chức, cá nhân"]),
    st.sampled_from(["phản ánh về", "kịp thời báo cáo", "đề xuất với", "gửi văn bản về"]),
    st.sampled_from(["Sở Tư pháp", "Ủy ban nhân dân tỉnh (qua Văn phòng)"]),
)
def test_problems_clause_in_its_forms(cond: str, who: str, tell: str, to: str) -> None:
    assert problems_only(f"{cond}{who} {tell} {to} để tổng hợp, xem xét, giải quyết.")


def test_more_work_after_the_clause_is_a_duty() -> None:
    assert not problems_only(
        "Nếu có vướng mắc, các đơn vị báo cáo Sở Tư pháp. Sở Tư pháp hướng dẫn, kiểm tra."
    )
    assert not problems_only("Trong quá trình thực hiện, Sở Y tế chủ trì kiểm tra, đôn đốc.")
    assert not problems_only("Các cơ quan phản ánh kịp thời những khó khăn, vướng mắc.")


@given(
    st.sampled_from(["Yêu cầu", "Đề nghị"]),
    st.sampled_from(
        [
            "các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các đơn vị có liên quan",
            "các cơ quan, đơn vị",
            "Sở Y tế, Sở Tài chính",
        ]
    ),
    st.sampled_from(["thực hiện nghiêm túc", "nghiêm túc triển khai thực hiện Kế hoạch này"]),
)
def test_the_closing_call_after_the_clause_is_no_duty(ask: str, who: str, do: str) -> None:
    """ "... phản ánh về Sở Y tế để tổng hợp. Yêu cầu các sở, ban, ngành ... thực hiện nghiêm
    túc./.": the text's last words call on bodies to carry it out and give no task; a request
    with a task of its own after the clause ("Đề nghị Sở Tài chính bố trí kinh phí thực hiện")
    is still a duty."""
    clause = "Nếu có vướng mắc, các đơn vị phản ánh về Sở Y tế để tổng hợp, báo cáo. "
    assert problems_only(f"{clause}{ask} {who} {do}./.")
    assert not problems_only(f"{clause}{ask} {who} bố trí kinh phí thực hiện.")
