"""A telegram's items speak of the provinces it is sent to, not of every province.

A Công điện (NĐ 30/2020/NĐ-CP) sent to the chairs of some named provinces ("THỦ TƯỚNG CHÍNH
PHỦ điện: - Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng, Quảng Ngãi, ...") names
them once more in an item by what they share ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố
ven biển từ Đà Nẵng đến Lâm Đồng ...") and then, in a later item, only as "Chủ tịch Ủy ban nhân
dân các tỉnh, thành phố ...": the same provinces, since the telegram is sent to no other. Their
work is then one entry, the collective the items named (GUIDE: one entry per body, a body
named in several places sums its duties), not a second one for every province.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.bodies import BodyMatch

_PROVINCES = "UBNDCapTinh"  # the People's Committees of the provinces, as one collective


def all_provinces(m: BodyMatch) -> bool:
    """Is ``m`` the People's Committees of the provinces with nothing that narrows them?"""
    return m.type.id == _PROVINCES and not m.span_of and not m.place


def some_provinces(m: BodyMatch) -> bool:
    """Is ``m`` the People's Committees of some provinces, named by where they lie?"""
    return m.type.id == _PROVINCES and bool(m.span_of)


# the places a collective of provinces is sent to, after a colon ("...: Đà Nẵng, Quảng Ngãi")
_PLACES_AFTER = re.compile(r"[ \t]*:[ \t]*\n?[ \t]*[A-ZĐÀ-Ỹ]")


def named_provinces_only(addressed: list[tuple[str, BodyMatch]]) -> bool:
    """Is a telegram sent to named provinces, and not to the People's Committees of every
    province? ``addressed``: (text of the addressee line, body found in it) pairs."""
    provinces = [(t, m) for t, m in addressed if m.type.id in ("UBND", _PROVINCES)]
    return bool(provinces) and all(m.place or _PLACES_AFTER.match(t, m.end) for t, m in provinces)


def narrowing(drafts: dict[str, BodyMatch]) -> tuple[list[str], str] | None:
    """(keys of the bare collectives of provinces, key of the one collective the items
    narrowed by where its provinces lie) among a telegram's drafts, or None."""
    bare = [k for k, m in drafts.items() if all_provinces(m)]
    narrowed = [k for k, m in drafts.items() if some_provinces(m)]
    return (bare, narrowed[0]) if bare and len(narrowed) == 1 else None


def to_addressed_provinces(w: Any) -> None:
    """In the walk ``w`` (kg.extract.duties.walker._Walker) of a telegram sent to named provinces, put the work of an item's
    bare "Ủy ban nhân dân các tỉnh, thành phố" on the collective its items named."""
    sent = [
        (w.clean.text[n.clean_start : max(x.clean_end for x in n.walk())], m)
        for n, m in w.telegram_addressees()
    ]
    if not sent or not named_provinces_only(sent):
        return
    found = narrowing({k: w.matches[k] for k in w.drafts if k in w.matches})
    if found is None:
        return
    bare, narrowed = found
    for key in bare:
        w.drafts[narrowed].duties.extend(w.drafts.pop(key).duties)
        w.order.remove(key)
