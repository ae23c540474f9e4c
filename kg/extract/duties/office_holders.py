"""Office holders given work by name one after another in one item (issue 10).

A Government telegram or notice shares one item among the Deputy Prime Ministers, each named
by office and name with his own province or task (Quy chế làm việc của Chính phủ: the Prime
Minister assigns each Deputy a field or a locality). Two shapes are printed:
- each clause after a semicolon opens with the next holder: "Giao Phó Thủ tướng Chính phủ A
  đi kiểm tra ... tại tỉnh Gia Lai; Phó Thủ tướng Chính phủ B đi kiểm tra ... tại tỉnh Đắk
  Lắk; ..." : each holder's duty is his clause;
- the office is given the work in the plural and its holders are listed after a colon, each
  with his province: "Phân công các đồng chí Phó Thủ tướng Chính phủ theo dõi ..., cụ thể: Phó
  Thủ tướng A tỉnh Đắk Lắk, Phó Thủ tướng B tỉnh Gia Lai và Phó Thủ tướng C tỉnh Khánh Hòa":
  each holder has the item's work.
Each holder is one body (GUIDE: one entry per body). A holder named inside a clause ("báo cáo
Phó Thủ tướng A", "theo chỉ đạo của Phó Thủ tướng B") is whom one reports to or obeys, not one
who acts: only a holder that opens a clause (after ";" or ":") or goes on a list of holders
that did (after "," or "và", with nothing but his province between) is given work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.bodies import BodyMatch, find_bodies
from kg.extract.duties.rules import _Duty, _Lead

# between two listed holders: the first one's province or task, then "," or "và"
_LISTED = re.compile(r"[^;:.]{0,80}?(?:,|\s+và)\s*$")


@dataclass
class Share:
    """One holder given work in an item: where his own clause runs (offsets in the item's
    text) and whether his work is the item's (a list after a colon) or his clause."""

    body: BodyMatch
    start: int
    end: int
    whole_item: bool


def holders_in(text: str, skip: tuple[int, ...] = ()) -> list[Share]:
    """The holders of a personally named office an item's ``text`` lists as the ones who act,
    after the first (whose starts are ``skip``: the item's lead)."""
    found = [m for m in find_bodies(text) if m.type.person_name and m.name_extra]
    out: list[Share] = []
    kind: str | None = None  # the run of holders going on: ";" (clauses) or ":" (a list)
    prev: BodyMatch | None = None
    for m in found:
        before = text[: m.start].rstrip()
        if before.endswith((";", ":")):
            kind = before[-1]
        elif not (kind and prev is not None and _LISTED.match(text, prev.end, m.start)):
            kind = None if m.start not in skip else ";"
            prev = m if m.start in skip else None
            continue
        prev = m
        if m.start not in skip:
            out.append(Share(m, m.end, len(text), kind == ":"))
    for one, nxt in zip(out, out[1:], strict=False):
        one.end = len(text[: nxt.body.start].rstrip(" \t\n;,")) if not one.whole_item else one.end
    return out


def clause_shares(
    text: str, cs: int, lead: _Lead, inline: _Duty, sec: str
) -> list[tuple[BodyMatch, _Duty]]:
    """The holders after an item's lead holder, each opening a clause of his own after a
    semicolon, with his clause as his duty; the lead's duty (``inline``) then ends before the
    first of them. ``text`` is the item's own text, starting at clean offset ``cs``."""
    if not any(b.type.person_name for b in lead.bodies):
        return []
    shares = [s for s in holders_in(text, tuple(b.start for b in lead.bodies)) if not s.whole_item]
    if not shares:
        return []
    inline.end = min(inline.end, cs + len(text[: shares[0].body.start].rstrip(" \t\n;,")))
    return [(s.body, _Duty(cs + s.start, cs + s.end, sec)) for s in shares]


def listed_shares(text: str, cs: int, end: int, sec: str) -> list[tuple[BodyMatch, _Duty]]:
    """The holders an item with no lead of its own lists after a colon ("..., cụ thể: Phó Thủ
    tướng A tỉnh X, Phó Thủ tướng B tỉnh Y"), each with the whole item (to ``end``) as duty."""
    return [(s.body, _Duty(cs, end, sec)) for s in holders_in(text) if s.whole_item]
