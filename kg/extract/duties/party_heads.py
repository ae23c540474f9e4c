"""The Party committees a telegram addresses through their secretaries (issue 10).

A telegram of the Prime Minister addresses the heads of both bodies of each province at once:
"Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh khu vực Trung Bộ tiếp tục tập trung chỉ đạo ...".
The secretary ("Bí thư", ontology/titles.ttl titles:party-heads) heads the Party committee of
the same units as the People's Committee printed after the heads, so the item names two
collectives: the People's Committees and the Party committees of those provinces ("Tỉnh ủy
các tỉnh khu vực Trung Bộ"), the latter asked, not commanded, by a State issuer (GUIDE).
Each province's unit word gives its committee's ("tỉnh": Tỉnh ủy, "thành phố": Thành ủy;
ontology/units.ttl). Where the provinces are listed by name, each province's committee is read
instead (kg.extract.places.committees_share_places).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from kg import lexicon
from kg.extract.bodies import LEVEL_DISPLAY, BodyMatch
from kg.text import fold


@cache
def _party_head() -> re.Pattern[str]:
    words = "|".join(
        r"\s+".join(map(re.escape, fold(t).split())) for t in lexicon.party_head_titles()
    )
    return re.compile(rf"(?<![a-z])(?:{words})(?![a-z])")


def committees_addressed(
    heads: str, body: BodyMatch, read: Callable[[str], BodyMatch | None]
) -> BodyMatch | None:
    """The Party committees of the provinces ``body`` (a People's Committees' collective)
    names, when the joined heads before it (``heads``, folded) include a Party secretary;
    spanning ``body`` as printed. None otherwise."""
    if body.type.id != "UBND" or not body.plural or body.place or not body.levels:
        return None
    if not set(body.levels) <= lexicon.province_words() or not _party_head().search(heads):
        return None
    committees = []
    for level in body.levels:
        unit = LEVEL_DISPLAY.get(level)
        word = next((w.label for w in lexicon.committee_words() if w.unit == unit), None)
        if word is None:
            return None
        committees.append(word)
    levels = ", ".join(LEVEL_DISPLAY[w] for w in body.levels)
    span = f" {body.span_of}" if body.span_of else ""
    one = read(f"{', '.join(dict.fromkeys(committees))} các {levels}{span}")
    if one is None or "PartyCommittee" not in one.type.groups:
        return None
    return replace(one, start=body.start, end=body.end, as_written=body.as_written)
