"""When a body's type and place do not say which body it is, its name does.

kg.resolve keys a body by its type (ontology/bodies.ttl) and its place: "Sở Y tế" of a plan
of Nghệ An is one body whichever text names it. That key is too coarse for two kinds of
mention, which are keyed by their canonical name instead (GUIDE: one body per tier; one
entry per body):

- the bodies of a tier under the place, or of every level, of a kind found at every level:
  "Ủy ban nhân dân cấp xã", "Công an các xã, phường" or "Ủy ban Mặt trận Tổ quốc Việt Nam
  các cấp" in a provincial plan sit under the province, as "Ủy ban nhân dân tỉnh" does;
- a body whose name says more than its type, level and place: a school, a hospital or an
  enterprise by its own name ("Trường Tiểu học Phú Mỹ", "Tổng công ty Điện lực miền Bắc"), a
  steering committee by what it steers, a regional unit by its region, an organ by its named
  committee ("Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh"). Two schools of one district are
  two bodies, not one "Trường" of the district.

Names are compared on normalised forms (case and tone placement aside, kg.text.normalize_key):
"Hoà" is "Hòa", but "Phú Mỹ" is not "Phù Mỹ".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg import lexicon
from kg.models import BodyMention, Level
from kg.refdata import body_types
from kg.text import normalize_key

_WORD = re.compile(r"[^\W_]+")


@cache
def _plain_words() -> frozenset[str]:
    """Words that say a body's level or committee, never which body it is."""
    out: set[str] = set()
    for phrase in lexicon.phrases("scope-words"):  # "cấp", "các", "Việt Nam"
        out.update(_WORD.findall(normalize_key(phrase)))
    for w in (*lexicon.unit_words(), *lexicon.committee_words()):
        for label in (w.label, *w.variants):
            out.update(_WORD.findall(normalize_key(label)))
    return frozenset(out)


def _many_of_a_tier(mention: BodyMention, place_level: Level | None) -> bool:
    bt = body_types().get(mention.type_id or "")
    if bt is None or bt.level is not None or bt.collective or mention.jurisdiction is not None:
        return False
    lower = place_level is not None and mention.level not in (None, "central", place_level)
    return mention.collective or lower


@cache
def _heads(type_id: str) -> tuple[str, ...]:
    """The type's canonical name, then its labels, normalised."""
    bt = body_types()[type_id]
    return tuple(map(normalize_key, (bt.pref, *bt.labels)))


def _says_more(mention: BodyMention, place_names: tuple[str | None, ...]) -> bool:
    if mention.collective or mention.type_id not in body_types():
        return False
    own = mention.jurisdiction.name if mention.jurisdiction else None
    return _name_says_more(mention.type_id, mention.name, (own, *place_names))


@lru_cache(maxsize=1 << 16)
def _name_says_more(type_id: str, printed: str, places: tuple[str | None, ...]) -> bool:
    """(Cached: the same few thousand names and places come back in every plan.)"""
    name = normalize_key(printed)
    heads = [x for x in _heads(type_id) if name.startswith(x)]
    if not heads:  # "Chi nhánh Ngân hàng Chính sách xã hội": a unit of the type's body
        return True
    # the canonical head ("Trường" of "Trường Tiểu học Phú Mỹ"), else the longest label printed
    head = heads[0] if name.startswith(_heads(type_id)[0]) else max(heads, key=len)
    rest = name[len(head) :]
    for p in places:
        if p:
            rest = drop_words(rest, _place_key(p))
    return any(w not in _plain_words() for w in _WORD.findall(rest))


@lru_cache(maxsize=1 << 14)
def _place_key(place: str) -> str:
    return normalize_key(place)


def drop_words(text: str, phrase: str) -> str:
    r"""``text`` with each occurrence of ``phrase`` as whole words ("An" is not the "an" of
    "ban") replaced by a space, left to right, as ``re.sub`` of the phrase between
    ``(?<![^\W_])`` and ``(?![^\W_])`` would; without compiling a pattern per place (a
    national corpus names thousands of places: compiling them was a third of a +1's
    resolve)."""
    if not phrase:
        return re.sub(r"(?<![^\W_])(?![^\W_])", " ", text)
    out: list[str] = []
    start = pos = 0
    n, size = len(phrase), len(text)
    while True:
        i = text.find(phrase, pos)
        if i < 0:
            break
        end = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (end == size or not text[end].isalnum()):
            out += (text[start:i], " ")
            start = pos = end
        else:
            pos = i + 1
    if not out:
        return text
    out.append(text[start:])
    return "".join(out)


def named_apart(
    mention: BodyMention, place_level: Level | None, place_names: tuple[str | None, ...]
) -> bool:
    """Is ``mention`` keyed by its canonical name rather than by its type at the place it
    sits at (its level, and the names of the province, district and commune)?"""
    return _many_of_a_tier(mention, place_level) or _says_more(mention, place_names)


def name_key(mention: BodyMention) -> str:
    """What tells two names keyed apart from one another: the name's words as printed, case,
    tone placement and punctuation aside (an IRI segment drops the marks too, so "Phú Mỹ"
    and "Phù Mỹ" would be one)."""
    return " ".join(_WORD.findall(normalize_key(mention.name)))
