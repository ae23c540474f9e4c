"""Bodies of one kind of unit printed bare before the one that names their units.

Drafters name the organs of the same units once, putting the unit words after the last of
them: "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường và đặc khu", "Ủy ban Mặt trận Tổ
quốc, Ủy ban nhân dân các huyện". Each organ that every unit has one of (bodies:one-per-unit
in ontology/bodies.ttl) and that is printed bare, with no level word or place of its own and
only a comma before the next such organ, belongs to the units the next one lists: the
councils of the communes, not the issuer's own council (GUIDE: one entry per body, collectives
keep their plural form).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from kg.extract.bodies import BodyMatch
from kg.refdata import collection


@cache
def _one_per_unit() -> frozenset[str]:
    return frozenset(collection("one-per-unit"))


def _bare(m: BodyMatch) -> bool:
    return not (m.levels or m.place or m.plural or m.name_extra or m.every_level or m.same_level)


def share_units(text: str, bodies: list[BodyMatch]) -> list[BodyMatch]:
    """``bodies`` with each bare organ that only a comma separates from a following organ
    of the same kind of unit, printed in the plural with its unit words, given those units."""
    kinds = _one_per_unit()
    out = list(bodies)
    for k in range(len(out) - 2, -1, -1):
        cur, nxt = out[k], out[k + 1]
        if cur.type.id not in kinds or nxt.type.id not in kinds or cur.type.id == nxt.type.id:
            continue
        if not _bare(cur) or not (nxt.plural and nxt.levels):
            continue
        if text[cur.end : nxt.start].strip() != ",":
            continue
        out[k] = replace(
            cur, levels=list(nxt.levels), plural=True, has_cac=nxt.has_cac, span_of=nxt.span_of
        )
    return out
