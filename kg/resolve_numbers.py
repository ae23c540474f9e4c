"""Document numbers across a corpus (kg.resolve): a printed number's parts and key, and
which mentions of one number are one document by their years and dates."""

from __future__ import annotations

from functools import lru_cache
from typing import TypeVar

from kg.numbers import NumberParts, number_key, parse_number

M = TypeVar("M")  # a mention: ``.parts`` (NumberParts) and ``.date`` (kg.resolve._Mention)


def year_of(date: str | None) -> str | None:
    """The year a date opens with (``^\\d{4}``: four decimal digits)."""
    return date[:4] if date and len(date) >= 4 and date[:4].isdecimal() else None


@lru_cache(maxsize=1 << 16)
def number_parts(number: str) -> tuple[NumberParts | None, str, bool]:
    """(parts, key, local issuer code) of a printed number: a national corpus prints the
    same few thousand numbers a hundred thousand times."""
    parts = parse_number(number)
    return parts, parts.key() if parts else number_key(number), bool(parts and parts.local)


def date_clusters(ms: list[M]) -> list[list[M]]:
    """The mentions of one number (digits, codes, place) grouped into documents: one year
    (printed in the number, else of the date beside it) or one full date is one document;
    mentions without either join the only dated one, if there is one. Each group in the
    order of its first mention, its mentions in their order."""
    if len(ms) == 1:
        return [ms]
    parent = list(range(len(ms)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    anchors: dict[str, int] = {}
    years = [m.parts.year or year_of(m.date) for m in ms]  # type: ignore[union-attr]
    for i, m in enumerate(ms):
        for anchor in (
            f"y{years[i]}" if years[i] else None,
            f"d{m.date}" if m.date and len(m.date) == 10 else None,
        ):
            if anchor is None:
                continue
            if anchor in anchors:
                union(anchors[anchor], i)
            else:
                anchors[anchor] = i
    dated = {find(i) for i in range(len(ms)) if years[i]}
    if len(dated) == 1:
        (rep,) = dated
        for i in range(len(ms)):
            if not years[i]:
                union(rep, i)
    clusters: dict[int, list[M]] = {}
    for i, m in enumerate(ms):
        clusters.setdefault(find(i), []).append(m)
    return list(clusters.values())
