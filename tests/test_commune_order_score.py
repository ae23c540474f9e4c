"""Convention C5 (tests/data/real/ours/README.md): a collective of communes is one body
whatever the printed order of its unit words; the scorer keys it in the law's order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.evaluate import body_key, score

_WORDS = ["xã", "phường", "thị trấn", "đặc khu"]


def _rec(agency: str, partner: str) -> dict:
    a = {"agency": agency, "mode": "assigned", "duties": 2, "leads": False}
    return {"file": "x.txt", "assignments": [{**a, "coordinates_with": [partner]}]}


def test_printed_order_of_commune_words_does_not_matter():
    assert body_key("Ủy ban nhân dân các phường, xã") == body_key("Ủy ban nhân dân các xã, phường")
    assert body_key("Công an phường, xã và đặc khu") == body_key("Công an xã, phường, đặc khu")
    assert body_key("UBND các thị trấn, xã") == body_key("UBND các xã, thị trấn")


def test_other_names_keep_their_order():
    # a district-level "thị xã" is no commune; other lists are not reordered
    assert body_key("Ủy ban nhân dân các thị xã, phường") != body_key(
        "Ủy ban nhân dân các phường, thị xã"
    )
    assert body_key("Ủy ban nhân dân các huyện, thành phố") != body_key(
        "Ủy ban nhân dân các thành phố, huyện"
    )
    assert body_key("Sở Y tế") == "sở y tế"
    assert body_key(None) is None


def test_scorer_pairs_agencies_and_partners_order_insensitively():
    pred = _rec("Ủy ban nhân dân các phường, xã", "Công an các phường, xã")
    gold = _rec("Ủy ban nhân dân các xã, phường", "Công an các xã, phường")
    rep = score([pred], [gold])
    assert rep.sets["agencies"].f1 == 1.0
    assert rep.sets["partners"].f1 == 1.0
    assert rep.agency["duties exact"].value == 1.0


@given(st.permutations(_WORDS), st.integers(min_value=2, max_value=4), st.booleans())
def test_any_order_gives_the_law_order(words, n, with_va):
    picked = words[:n]
    printed = ", ".join(picked[:-1]) + (" và " if with_va else ", ") + picked[-1]
    in_law_order = ", ".join(w for w in _WORDS if w in picked)
    assert body_key(f"Ủy ban nhân dân các {printed}") == f"ủy ban nhân dân các {in_law_order}"
