"""Which communes a text means by "cấp xã": the collective it names them by in full.

Since the 2025 reform a province's communes are its xã, phường and, in a few provinces, đặc
khu. A text names their People's Committees once in full ("Ủy ban nhân dân các xã, phường,
đặc khu", often defined: "Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã)") and elsewhere
by the tier ("Ủy ban nhân dân cấp xã", "Chủ tịch Ủy ban nhân dân cấp xã"). Both name the one
addressee (GUIDE: one entry per body), and its name is the list the text defines it by.

Only a list printed in full counts: the Nơi nhận abbreviates ("UBND các xã, phường") and
says who gets a copy, not what "cấp xã" means. A text that prints two different lists and
defines neither as "cấp xã" is not read: its tier keeps "cấp xã".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from kg.extract.body_match import BodyMatch
from kg.extract.collectives import COMMUNE_ORDER
from kg.text import fold_same_length

# the tier the collective is the local government of: its People's Committee and Council
_GOVERNMENT = "GovernmentBody"
_FULL = re.compile(r"(?:chu\s+tich\s+)?(?:uy|hoi)\s+(?:ban|dong)\s+nhan\s+dan\s")
_DEFINED = re.compile(
    r"\s*\(\s*(?:sau\s+day\s+)?(?:goi\s+)?(?:tat|chung)?\s*(?:goi\s+)?la\s[^)]*cap\s+xa"
)


def _tier_of_communes(m: BodyMatch, commune_words: Iterable[str]) -> bool:
    words = set(commune_words)
    return bool(m.levels) and all(w in words for w in m.levels)


def defined_levels(text: str, found: Iterable[BodyMatch]) -> tuple[str, ...] | None:
    """The commune level words (folded, in the law's order) of the one collective of the
    communes' People's Committees ``text`` prints in full, or the one it defines as "cấp
    xã"; None when it prints none or several undefined."""
    folded = fold_same_length(text).lower()
    lists: set[tuple[str, ...]] = set()
    defined: set[tuple[str, ...]] = set()
    for m in found:
        if (
            _GOVERNMENT not in m.type.groups
            or m.cap
            or len(set(m.levels)) < 2
            or not _tier_of_communes(m, COMMUNE_ORDER)
            or not _FULL.match(folded, m.start)
        ):
            continue
        levels = tuple(sorted(set(m.levels), key=COMMUNE_ORDER.index))
        lists.add(levels)
        if _DEFINED.match(folded, m.end):
            defined.add(levels)
    if len(defined) == 1:
        return next(iter(defined))
    return next(iter(lists)) if len(lists) == 1 else None


def as_defined(m: BodyMatch, levels: tuple[str, ...] | None) -> BodyMatch:
    """A People's Committee (or Council) "cấp xã" read as the collective the text defines;
    ``m`` itself when the text defines none or ``m`` names another tier."""
    if (
        levels is None
        or not m.cap
        or m.plural
        or _GOVERNMENT not in m.type.groups
        or len(m.levels) != 1
        or m.levels[0] != COMMUNE_ORDER[0]
    ):
        return m
    return replace(m, levels=list(levels), plural=True, cap=False, has_cac=True)
