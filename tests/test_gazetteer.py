"""kg.extract.labelindex: the body gazetteer's search by leading word finds exactly what the one
regex of every label finds (it is only faster)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.body_match import _gazetteer

GZ = _gazetteer().index
LABELS = sorted(_gazetteer().by_label)
SEPS = [" ", "  ", ", ", " - ", " va ", "\n", ".", "x", "1", ": ", "(", ""]


def _spans(text: str) -> list[tuple[tuple[int, int] | None, tuple[int, int] | None]]:
    out = []
    for pos in range(len(text) + 1):
        a, b = GZ.pattern.search(text, pos), GZ.search(text, pos)
        out.append(((a and a.span()), (b and b.span())))
        a, b = GZ.pattern.match(text, pos), GZ.match(text, pos)
        out.append(((a and a.span()), (b and b.span())))
    return out


def test_the_labels_are_grouped():
    assert GZ.groups is not None and len(GZ.groups) > 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from(SEPS)), max_size=5))
def test_search_and_match_equal_the_one_regex(parts):
    text = "".join(label[: len(label) - i % 3] + sep for i, (label, sep) in enumerate(parts))
    for old, new in _spans(text):
        assert old == new
