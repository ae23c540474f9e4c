"""Bodies whose name ends with the word of the unit they serve ("Thuế tỉnh", "Thuế thành
phố", "Ban Dân tộc tỉnh"), and the unit's name printed after it.

After the 2025 reform the provincial tax office is named by its province alone ("Thuế tỉnh
Đắk Lắk", "Thuế thành phố Hà Nội"): a central letter (Cục Thuế, Bộ Tài chính) addresses one
of them with its place, and the place is part of the body, not the first word of its duty.
The unit word that ends such a label is data (ontology/units.ttl via kg.lexicon), so every
label of that shape in ontology/bodies.ttl reads the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Protocol

from kg import lexicon
from kg.extract import admin
from kg.refdata import BodyType
from kg.text import fold


class _Match(Protocol):
    """What this module reads of a kg.extract.body_match.BodyMatch."""

    start: int
    type: BodyType
    as_written: str
    levels: list[str]
    plural: bool
    place: str | None
    label_end: int


@cache
def _unit_words() -> tuple[str, ...]:
    """Folded words of administrative units, longest first ("thanh pho", "tinh" ...)."""
    words = {fold(x).lower() for w in lexicon.unit_words(levels=False) for x in (w.label,)}
    return tuple(sorted(words, key=len, reverse=True))


def unit_word_of(t: BodyType, key: str) -> str | None:
    """The unit word a printed label (folded ``key``) of a one-level body ends with, when the
    label names the body by that unit ("thue thanh pho" -> "thanh pho"); None otherwise."""
    if t.collective or t.level not in ("province", "district", "commune"):
        return None
    key = " ".join(key.split())
    for w in _unit_words():
        if key.endswith(" " + w):
            return w
    return None


def with_place(name: str, m: _Match, ctx_level: str | None) -> str:
    """The canonical name of such a body: with its place when it is one specific unit of
    another level than the issuer's (GUIDE: "Ủy ban nhân dân huyện Chư Prông"), as printed
    ("Thuế thành phố Hà Nội"); else ``name`` (the issuer's own province's "Thuế tỉnh")."""
    t, place = m.type, m.place
    if not place or m.levels or m.plural or not ctx_level or ctx_level == t.level:
        return name
    printed = m.as_written[: m.label_end - m.start] if m.label_end > m.start else ""
    if unit_word_of(t, fold(printed).lower()) is None:
        return name
    label = re.sub(r"\s+", " ", printed).strip()
    if label[:1].islower():
        label = label[:1].upper() + label[1:]
    return f"{label} {place}"


_LINE_TOKENS = re.compile(r"[ \t]*\n[ \t]*((?:[A-ZĐÀ-Ỹ][^\W\d_]*[ \t]+){0,3}[A-ZĐÀ-Ỹ][^\W\d_]*)")


def place_at(
    text: str, pos: int, take: Callable[[str, int], tuple[str | None, int]]
) -> tuple[str | None, int]:
    """The unit's name after such a label (``take`` reads it on the same line), also when the
    web copy's wrap put it at the next line's start ("Thuế tỉnh" / "Gia Lai báo cáo ..."):
    there the longest run of capitalised words that names a province."""
    place, end = take(text, pos)
    if place:
        return place, end
    m = _LINE_TOKENS.match(text, pos)
    if not m:
        return None, pos
    words = list(re.finditer(r"\S+", m.group(1)))
    for n in range(len(words), 0, -1):
        name = " ".join(w[0] for w in words[:n])
        if admin.province_named(name):
            return name, m.start(1) + words[n - 1].end()
    return None, pos
