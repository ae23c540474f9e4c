"""The Party committee an organ's name ends with, when that is more than a committee word.

An organ of a Party committee is named with its committee: "Ban Thường vụ Tỉnh ủy", "Ủy ban
Kiểm tra Huyện ủy". Where the committee is itself a named body, not only the committee word
of a unit, the whole committee's name belongs to the organ's: "Ban Thường vụ Đảng ủy các xã,
phường" (the standing committees of every commune's Party committee), "Ban Thường vụ Đảng ủy
Khối các cơ quan tỉnh", "Ủy ban Kiểm tra Đảng ủy Ủy ban nhân dân tỉnh", "Ban Thường vụ Đảng
ủy xã Tân Lập". Read as the committee word alone, those names lose their tail.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from kg import lexicon
from kg.refdata import body_types
from kg.text import fold


@cache
def _committee_word_types() -> frozenset[str]:
    """Types whose name is only the committee word of a unit ("Tỉnh ủy", "Đảng ủy")."""
    words = {fold(w.label) for w in lexicon.committee_words()}
    return frozenset(t.id for t in body_types().values() if fold(t.pref) in words)


def named_committee(text: str, end: int, match_at: Callable[[str, int], Any]) -> Any:
    """The committee named at ``end`` of ``text`` after an organ's head, when its name says
    more than its committee word: a list of units, a bloc, an agency, a place with its unit
    word; else None (the organ reads its committee word as before). ``match_at`` is
    kg.extract.body_match's, passed in (it calls this module), and returns its BodyMatch."""
    inner = match_at(text, end)
    if inner is None or "PartyCommittee" not in inner.type.groups:
        return None
    if inner.type.id not in _committee_word_types():
        return inner  # "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy các cơ quan Đảng tỉnh"
    if inner.plural or inner.inner is not None:
        return inner  # "Đảng ủy các xã, phường", "Đảng ủy Ủy ban nhân dân tỉnh"
    if inner.place and inner.levels:
        return inner  # "Đảng ủy xã Tân Lập": the unit word is part of the name
    return None
