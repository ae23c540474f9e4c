"""The year of a document whose copy lost its date line (kg.extract.header).

A web copy that starts at "Kính gửi" or at the trích yếu prints no "…, ngày … tháng … năm …"
of its own. The year it was issued can still be bounded from what it says: it is no earlier
than any document it cites (a text cites only what was issued before it), and the years it
states for its own activity ("công tác trẻ em năm 2024", a deadline "trước ngày 07/5/2024")
are near it. Only a year printed alone ("năm 2024") names such a period. A full date ("ngày 20
tháng 11 năm 2025", "trước ngày 15/12/2025") is the day of an event: a cited document's date,
a deadline, the day a rule starts or stops applying, which the text may set months before or
after it is signed; and a year in what a cited document is about ("Công văn số 383-CV/BTCTU
... về việc đánh giá cán bộ năm 2025") is that document's. Neither is the text's own year.
Horizons ("đến năm 2030", "giai đoạn 2021 - 2025") are not either. Only a year is inferred,
never a day, and none when the text states no year of its own (the gold's "null when
unknown"): the record says no more than the text.
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
# "ngày 01 tháng 01 " or "01/01/" just before the year: a full date, the day of an event
_FULL_DATE_BEFORE = re.compile(
    r"(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)$"
)
# where what a cited document is about ends: the end of its clause or paragraph
_CLAUSE_END = re.compile(r"[;\n]|\.\s")


def _bound(text: str, nam: int, lead: list[str]) -> bool:
    """Is the year at ``nam`` a horizon ("đến năm 2030") or part of a full date (the day of
    an event, not a period the text states for itself)?"""
    if lead and lead[-1].lower() in _NOT_OWN_YEAR:
        return True
    return bool(_FULL_DATE_BEFORE.search(text, max(0, nam - 30), nam))


def _cited_clauses(text: str, refs: list[DocRef]) -> list[tuple[int, int]]:
    """The clause of each cited document, from its mention to the end of its clause: its
    date and what it is about."""
    out = []
    for r in refs:
        end = _CLAUSE_END.search(text, r.span.end)
        out.append((r.span.start, end.start() if end else len(text)))
    return out


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
    cited = _cited_clauses(text, refs)
    for m in _YEAR_RE.finditer(text):
        nam = m.start("nam")
        if _bound(text, nam, (m["lead"] or "").split()) or any(a <= nam < b for a, b in cited):
            continue
        years[int(m["y"])] += 1
        first.setdefault(int(m["y"]), (nam, m.end("nam")))
    good = [(n, y) for y, n in years.items() if latest is None or y >= latest]
    if latest is not None:  # nor years long after: horizons and effective dates ("năm 2032")
        good = [(n, y) for n, y in good if y <= latest + 1] or good
    if not good:
        return None  # unknown (GUIDE): a lower bound is no date
    year = max(good)[1]
    return str(year), first[year]
