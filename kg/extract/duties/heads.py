"""Bodies named by several heads that share one printed list of bodies.

A directive or telegram often addresses the heads of a level's bodies rather than the bodies,
each head printed before the kind of body it heads, the kinds forming one collective:
"Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh" is the heads of "các sở, ban, ngành tỉnh"
(the Sở have a Giám đốc, the other departments a Thủ trưởng: NĐ 24/2014 and 2025 on the
provincial departments), one addressee as "Thủ trưởng các sở, ban, ngành tỉnh" is (GUIDE:
heads are read as the bodies they head). Likewise two heads printed together before one
body ("Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh ...", "Giám đốc, Thủ trưởng các cơ quan,
đơn vị"): the body printed is the one the text names. The head titles are data
(ontology/titles.ttl, titles:heads).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg import lexicon
from kg.extract.bodies import BodyMatch, match_at
from kg.text import fold, fold_same_length


@cache
def head_title() -> str:
    """A regex (folded) of a title naming the body after it by its head ("Giám đốc", "Phó
    Chủ tịch"; ontology/titles.ttl: titles:heads, with a prefix of titles:prefixes or not)."""

    def words(label: str) -> str:
        return r"\s+".join(map(re.escape, fold(label).split()))

    heads = "|".join(words(t) for t in lexicon.head_titles())
    prefixes = "|".join(words(t) for t in lexicon.title_prefixes())
    return rf"(?:(?:{prefixes})\s+)?(?:{heads})"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a head printed before "các", a run of heads printed together before one body)."""
    head = head_title()
    return (
        re.compile(rf"{head}\s+(?=cac\s)"),
        re.compile(rf"(?:{head}(?:\s*,\s*(?:va\s+)?|\s+va\s+))+{head}\s+(?=\S)"),
    )


_CAC = re.compile(r"cac\s+")


def joined_heads(folded: str, pos: int) -> re.Match[str] | None:
    """Heads printed together before the one body they share ("Bí thư, Chủ tịch Ủy ban nhân
    dân các tỉnh ...", "Giám đốc, Thủ trưởng các cơ quan, đơn vị"), ``folded`` at ``pos``: the
    body the text names is the one printed after the last head."""
    return _patterns()[1].match(folded, pos)


def shared_heads_at(text: str, pos: int) -> BodyMatch | None:
    """The one collective that heads printed one after another at ``pos``, each before the
    kind of body it heads, share; None when no such run opens there.

    "Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh", "Bộ trưởng các Bộ, Thủ trưởng cơ quan
    ngang Bộ, cơ quan thuộc Chính phủ": the later heads and their "các" are dropped and the
    kinds read as one collective ("các Sở, ban, ngành tỉnh"); a later head of another body
    ("... và Chủ tịch Ủy ban nhân dân các tỉnh") is left to that body. The match spans
    the text as printed, from the first "các" to the end of the collective."""
    folded = fold_same_length(text)
    before_cac = _patterns()[0]
    h = before_cac.match(folded, pos)
    if h is None:
        return None
    start = h.end()
    later = _later_head()
    cut: list[tuple[int, int]] = []  # the spans of the later heads and their "các"
    cur = _CAC.match(folded, start).end()
    while (nxt := later.search(folded, cur, cur + 60)) is not None:
        if not _KINDS.fullmatch(folded, cur, nxt.start()):
            break  # a word between that is no kind of body: another clause
        cut.append((nxt.start() + len(nxt.group(1)), nxt.end()))
        cur = nxt.end()
    while cut:
        merged, offsets = _without(text, start, cut)
        m = match_at(merged, 0)
        if m is not None and m.end > offsets[-1][0]:
            break
        cut.pop()  # the collective ends before the last head's kinds: that head heads another
    else:
        return None
    end = start + m.end + sum(b - a for a, b in cut)
    return replace(m, start=start, end=end, label_end=start + m.label_end, name_extra=None)


# the kind words printed after "các" ("sở", "ban, ngành, đoàn thể")
_KINDS = re.compile(r"[a-z]+(?:\s*,\s*[a-z]+|\s+[a-z]+)*")


@cache
def _later_head() -> re.Pattern[str]:
    """A later head and its "các" after a list separator (group 1: the separator); "các" may
    be left out after the first head ("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ")."""
    head = _patterns()[0].pattern.removesuffix(r"\s+(?=cac\s)")
    return re.compile(rf"(\s*,\s*(?:va\s+)?|\s+va\s+){head}\s+(?:cac\s+)?")


def _without(
    text: str, start: int, cut: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """The text from ``start`` with the ``cut`` spans removed, and each cut's place in it."""
    parts, places, pos, removed = [], [], start, 0
    for a, b in cut:
        parts.append(text[pos:a])
        places.append((a - start - removed, b - a))
        removed += b - a
        pos = b
    parts.append(text[pos:])
    return "".join(parts), places
