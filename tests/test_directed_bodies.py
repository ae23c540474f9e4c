"""Bodies a People's Committee is told to direct at the start of its task (issue 10, bodies
recall): "Giao Ủy ban nhân dân tỉnh: ... b) Chỉ đạo Sở X, Công an tỉnh chủ trì ..." gives the
named bodies the task too; a "chỉ đạo" inside a sentence, catch-alls and the bodies after a
verb do not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import DocumentFacts

COUNCIL = DocumentFacts(
    issuer="Hội đồng nhân dân tỉnh Gia Lai", issuer_level="province", province="Gia Lai"
)

RESOLUTION = """Điều 5. Tổ chức thực hiện

1. Giao Ủy ban nhân dân tỉnh:

a) Xây dựng kế hoạch triển khai thực hiện Nghị quyết này.

b) Chỉ đạo các sở, ban, ngành tỉnh, Ủy ban nhân dân cấp xã thực hiện nghiêm Nghị quyết này.

c) Chỉ đạo Sở Tài chính hướng dẫn Ủy ban nhân dân cấp xã lập dự toán kinh phí.

d) Chỉ đạo Công an tỉnh, Sở Y tế chủ trì, phối hợp với Sở Tư pháp kiểm tra việc thực hiện.

2. Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
"""


def _by_name(text: str) -> dict[str, tuple[str, int, bool]]:
    found = duties_of(text, COUNCIL)[0]
    return {
        a.body.name: (a.mode, len(a.duties), any(d.role == "lead" for d in a.duties)) for a in found
    }


def test_bodies_named_after_chi_dao_at_a_tasks_start_get_it_too() -> None:
    got = _by_name(RESOLUTION)
    assert got["Ủy ban nhân dân tỉnh"] == ("assigned", 4, False)
    assert got["Ủy ban nhân dân cấp xã"] == ("assigned", 1, False)  # b) only; c) is its object
    assert got["Sở Tài chính"] == ("assigned", 1, False)
    assert got["Công an tỉnh"] == ("assigned", 1, True)
    assert got["Sở Y tế"] == ("assigned", 1, True)
    assert "Sở Tư pháp" not in got  # a partner
    assert not any(name.lower().startswith("các sở") for name in got)  # a catch-all


def test_chi_dao_inside_a_sentence_stays_the_subjects_work() -> None:
    text = RESOLUTION.replace(
        "d) Chỉ đạo Công an tỉnh", "d) Tăng cường kiểm tra và chỉ đạo Công an tỉnh"
    )
    got = _by_name(text)
    assert "Công an tỉnh" not in got and "Sở Y tế" not in got


def test_a_body_other_than_a_peoples_committee_keeps_what_it_directs() -> None:
    text = """Điều 5. Tổ chức thực hiện

1. Giao Công an tỉnh:

a) Chỉ đạo Công an các xã, phường rà soát, cập nhật dữ liệu dân cư.

2. Giao Sở Tài chính bố trí kinh phí thực hiện.
"""
    got = table(duties_of(text, COUNCIL)[0])
    assert [name for name, _, _ in got] == ["Công an tỉnh", "Sở Tài chính"]


@settings(deadline=None, max_examples=25)
@given(
    st.lists(
        st.sampled_from(["Sở Xây dựng", "Sở Nội vụ", "Công an tỉnh", "Sở Tư pháp"]),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    st.sampled_from(["chủ trì, tham mưu", "hướng dẫn, kiểm tra", "tổ chức thực hiện"]),
)
def test_every_body_a_task_opens_by_directing_gets_it(names: list[str], work: str) -> None:
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
    text = RESOLUTION.replace(
        "d) Chỉ đạo Công an tỉnh, Sở Y tế chủ trì, phối hợp với Sở Tư pháp kiểm tra",
        f"d) Chỉ đạo {listed} {work}",
    )
    got = _by_name(text)
    for name in names:
        assert got[name][1] >= 1
        assert got[name][2] == work.startswith("chủ trì")
