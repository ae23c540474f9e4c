"""The year of a document whose copy lost its date line (kg.extract.header).

A web copy that starts at "Kính gửi" or at the trích yếu prints no "…, ngày … tháng … năm …"
of its own. The year it was issued can still be bounded from what it says: it is no earlier
than any document it cites (a text cites only what was issued before it), and the years it
states for its own activity ("công tác trẻ em năm 2024", a deadline "trước ngày 07/5/2024")
are near it. Horizons ("đến năm 2030", "giai đoạn 2021 - 2025") and the dates a rule starts or
stops applying ("áp dụng từ ngày 01 tháng 01 năm 2027", "đến hết ngày 28 tháng 02 năm 2027")
are not. Only a year is inferred, never a day, and none when the text states no year of its
own (the gold's "null when unknown"): the record says no more than the text.
"""

from __future__ import annotations

import re
from collections import Counter

from kg import lexicon
from kg.models import DocRef

_YEAR_RE = re.compile(r"(?P<lead>\S+\s+\S+\s+)?(?P<nam>năm\s+(?P<y>(?:19|20)\d{2}))\b")
# the word before a year (or before the "ngày" of a full date) that makes it a horizon or a
# bound, not a year of the document's own (ontology/phrases.ttl)
_NOT_OWN_YEAR = frozenset(w.lower() for w in lexicon.phrases("not-own-year"))
_DEADLINE_RE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<y>(?:19|20)\d{2})"
)
# "<word> ngày 01 tháng 01 " just before the "năm" of a full date
_FULL_DATE_BEFORE = re.compile(r"(?P<w>\S+)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+$")
# "... này có hiệu lực (thi hành) (kể) từ": the text's own entry into force, weeks after it
# is signed, so a year of its own (the day it stops applying is not)
_OWN_EFFECT = re.compile(r"hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+$")
_BOUND_OPENERS = frozenset(w.lower() for w in lexicon.phrases("date-bound"))


def _bound(text: str, nam: int, lead: list[str]) -> bool:
    """Is the year at ``nam`` a horizon ("đến năm 2030") or the day a rule starts or stops
    applying ("từ ngày 01 tháng 01 năm 2027", "đến hết ngày ..."), other than the text's own
    entry into force?"""
    if lead and lead[-1].lower() in _NOT_OWN_YEAR:
        return True
    full = _FULL_DATE_BEFORE.search(text, max(0, nam - 60), nam)
    if full is None or full["w"].lower() not in _BOUND_OPENERS:
        return False
    opening = text[max(0, full.start() - 40) : full.start()]
    return not (full["w"].lower() == "từ" and _OWN_EFFECT.search(opening))


def _cited_years(refs: list[DocRef]) -> list[int]:
    """The years of the documents the text cites: their dates and the years in their numbers."""
    return [int(r.date[:4]) for r in refs if r.date] + [
        int(y) for r in refs for y in re.findall(r"/((?:19|20)\d{2})/", r.number or "")
    ]


def infer_year(text: str, refs: list[DocRef]) -> tuple[str, tuple[int, int]] | None:
    """A year the text itself states for this document when no date line survived.

    Only years the text states for its own activity count, never horizons or the bounds of
    a rule's application; and none earlier than the latest document it cites, which it
    must post-date. When every year it states is earlier, or a bound, the year is unknown:
    the latest cited year is only a lower bound. Returns the year and where it is first printed.
    """
    latest = max(_cited_years(refs), default=None)  # what it cites was issued before it
    years: Counter[int] = Counter()
    first: dict[int, tuple[int, int]] = {}
    for m in _YEAR_RE.finditer(text):
        if _bound(text, m.start("nam"), (m["lead"] or "").split()):
            continue
        years[int(m["y"])] += 1
        first.setdefault(int(m["y"]), (m.start("nam"), m.end("nam")))
    for m in _DEADLINE_RE.finditer(text):
        years[int(m["y"])] += 1
        first.setdefault(int(m["y"]), (m.start(), m.end()))
    good = [(n, y) for y, n in years.items() if latest is None or y >= latest]
    if latest is not None:  # nor years long after: horizons and effective dates ("năm 2032")
        good = [(n, y) for n, y in good if y <= latest + 1] or good
    if not good:
        return None  # unknown (GUIDE): a lower bound is no date
    year = max(good)[1]
    return str(year), first[year]
