"""kg.extract.duties.rules: the clauses of a duty handed on to another body. Snippets are
hand-written."""

from __future__ import annotations

import pytest

from kg.extract.duties.rules import directed_spans


@pytest.mark.parametrize(
    "verb", ["giao", "giao cho", "đề nghị", "kính đề nghị", "yêu cầu", "chỉ đạo"]
)
def test_a_clause_handing_work_on_is_the_other_body_s(verb: str) -> None:
    """What follows a verb of phrases:hands-on (or "chỉ đạo") and a body, to the end of the
    clause, is that body's work; the verb, courtesy included, opens the clause."""
    text = f"Chủ trì tổng hợp kết quả; {verb} Sở Tài chính bố trí kinh phí thực hiện."
    assert [text[s:e] for s, e in directed_spans(text)] == [
        f"{verb} Sở Tài chính bố trí kinh phí thực hiện"
    ]
