"""A document's place, completed from the plan it implements.

District and commune names recur across provinces ("huyện Châu Thành" in ten of
them, "xã An Hiệp" in five), and a plan of a district or commune often names no
province: its header prints only "ỦY BAN NHÂN DÂN / XÃ AN HIỆP", and it implements
"Kế hoạch số 54/KH-UBND ngày 14/9/2023 của UBND huyện Châu Thành". A reader settles
the place by that chain: the plan of that number and date, issued by a Châu Thành,
is in the corpus, and its own text says which province it is in. Here the same: a
record whose own text leaves its province (or a commune's district) open takes it
from the one ingested document that it implements — same number, agreeing date,
an issuer above it whose place agrees with what the citation and the record name.
Chains are followed upwards (a commune under a district that itself learns its
province from the provincial plan). Kept apart from kg.resolve, which uses it.
"""

from __future__ import annotations

from kg.models import DocRef, DocumentRecord, Level
from kg.numbers import parse_number
from kg.text import fold

Place = tuple[str | None, str | None, str | None]  # (province, district, commune)
_RANK: dict[Level | None, int] = {"central": 0, "province": 1, "district": 2, "commune": 3}


def own_place(record: DocumentRecord) -> Place:
    d = record.document
    if d.issuer_level == "central":
        return (None, None, None)
    return (d.province, d.district, d.commune)


def _key(name: str | None) -> str | None:
    return "".join(fold(name).split()) if name else None


def _open(place: Place, level: Level | None) -> bool:
    """A district's or commune's place without its province, or a commune without its
    district (before the 2025 reform a commune had one; after it, the plan it implements
    is the province's, which then adds none)."""
    if level == "district":
        return place[0] is None and place[1] is not None
    if level == "commune":
        return place[2] is not None and (place[0] is None or place[1] is None)
    return False


def _agrees(a: Place, b: Place, upto: int) -> bool:
    """No part of the first ``upto`` (province, district, commune) that both name differs."""
    return all(
        x is None or y is None or _key(x) == _key(y)
        for x, y in zip(a[:upto], b[:upto], strict=True)
    )


def _dated_alike(ref: DocRef, date: str | None) -> bool:
    if not ref.date or not date:
        return True
    if len(ref.date) == len(date) == 10:
        return ref.date == date
    return ref.date[:4] == date[:4]


def chain_places(records: list[DocumentRecord]) -> dict[int, Place]:
    """id(record) -> its place, completed where its text leaves it open (linear in the
    records and their implemented plans, indexed by number)."""
    places = {id(r): own_place(r) for r in records}
    by_number: dict[tuple, list[DocumentRecord]] = {}
    for r in records:
        parts = parse_number(r.document.number) if r.document.number else None
        if parts is not None and parts.local:
            by_number.setdefault((parts.num, parts.code), []).append(r)
    pending = [r for r in records if _open(places[id(r)], r.document.issuer_level)]
    for _ in range(3):  # commune -> district -> province
        changed = False
        for r in pending:
            new = _from_parent(r, places, by_number)
            if new is not None and new != places[id(r)]:
                places[id(r)], changed = new, True
        if not changed:
            break
    return places


def _from_parent(
    r: DocumentRecord, places: dict[int, Place], by_number: dict[tuple, list[DocumentRecord]]
) -> Place | None:
    place, rank = places[id(r)], _RANK[r.document.issuer_level]
    found: set[Place] = set()
    for ref in r.implements:
        parts = parse_number(ref.number) if ref.number else None
        if parts is None or not parts.local:
            continue
        cited = ref.issuer_place or (None, None, None)
        for parent in by_number.get((parts.num, parts.code), []):
            level = parent.document.issuer_level
            up = places[id(parent)]
            if (
                parent is r
                or _RANK.get(level, 0) not in (1, 2)
                or _RANK[level] >= rank
                or up[0] is None
                or (_RANK[level] == 2 and up[1] is None)
                or not _dated_alike(ref, parent.document.date)
                or not _agrees(cited, up, _RANK[level])
                or not _agrees(place, up, _RANK[level])
            ):
                continue
            district = place[1] or (up[1] if rank == 3 else None)
            found.add((up[0], district, place[2]))
    return found.pop() if len(found) == 1 else None
