"""A body's head word must be printed as that word, not as another word it folds to.

Bodies are found on a fold of the text without diacritics, so a head word matches every
word spelled with the same letters: "Trưởng Công an xã" (the head of the commune police)
folds like "Trường" (a school) + "Công", "Số" like "Sở", "Bản" (a village) like "Ban".
Vietnamese spells these as different words, and a drafter prints the marks: the first word
of a name is accepted when, printed, it is the head word of one of the type's labels
(case and tone placement aside: "Uỷ" is "Ủy"), or when it is printed with no marks at all
(an abbreviation such as "UBND", or a text typed without diacritics, where the marks cannot
tell the words apart).
"""

from __future__ import annotations

import re
from functools import cache

from kg import lexicon
from kg.refdata import body_types
from kg.text import fold, normalize_key

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _heads(type_id: str) -> frozenset[str]:
    """The head words of a type's labels, as spelled ("trường", "ủy"), "các" skipped."""
    out: set[str] = set()
    for label in body_types()[type_id].labels:
        words = _WORD.findall(normalize_key(label))
        if words and fold(words[0]) == "cac":
            words = words[1:]
        if words:
            out.add(words[0])
    return frozenset(out)


def printed_as_head(text: str, start: int, type_id: str) -> bool:
    """Is the name of type ``type_id`` that starts at ``start`` of ``text`` printed with its
    own head word (not a word that only folds to it)?"""
    words = _WORD.finditer(text, start, min(len(text), start + 40))
    word = next(words, None)
    if word is None:
        return True
    w = normalize_key(word.group(0))
    if fold(w) == "cac":
        nxt = next(words, None)
        if nxt is None:
            return True
        w = normalize_key(nxt.group(0))
    if fold(w) == w:  # no marks printed: "UBND", or a text typed without diacritics
        return True
    heads = _heads(type_id)
    return not heads or w in heads or fold(w) not in {fold(h) for h in heads}


def capitalised(text: str, start: int) -> bool:
    """Is the name at ``start`` of ``text`` printed with a capital head word ("các" skipped)?
    Some bodies share their words with an activity ("Kiểm dịch y tế" and "công tác kiểm dịch
    y tế"): only the capital says the body is meant."""
    words = _WORD.finditer(text, start, min(len(text), start + 40))
    word = next(words, None)
    if word is not None and fold(word.group(0).lower()) == "cac":
        word = next(words, None)
    return word is None or word.group(0)[0].isupper()


@cache
def _unit_words() -> re.Pattern[str]:
    words = sorted(
        {normalize_key(x) for w in lexicon.unit_words() for x in (w.label, *w.variants)},
        key=len,
        reverse=True,
    )
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})\s+$")


def after_unit_word(text: str, start: int) -> bool:
    """Is the name at ``start`` printed right after an administrative unit word, so that it
    is the unit's own name ("phường Trường Thi", "xã Bệnh Viện"), not a body's head?"""
    return bool(_unit_words().search(normalize_key(text[max(0, start - 20) : start]) + " "))
