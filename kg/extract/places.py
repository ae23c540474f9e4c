"""One body per place when a collective of local bodies is followed by the places it means.

A telegram or a letter of the Prime Minister or a ministry names the provinces it speaks to
after the collective, with a colon: "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh,
Quảng Trị, Huế, Đà Nẵng", "UBND các tỉnh: Lào Cai, Yên Bái". That names one body of each
place (GUIDE: a heading naming several bodies gives one entry per body), each at its own
level: a centrally-run city is a "thành phố", the others are "tỉnh" (the administrative-unit
data decides, kg.extract.admin). Each body is read by the body reader from its singular
name ("Ủy ban nhân dân" + "tỉnh" + place), so its canonical name is the one the same body
printed alone gets. Only names the unit data knows as provinces are taken: a colon followed
by anything else is left to the other readers.

A provincial plan or a Party committee's document names its communes the same way ("Đảng
ủy các xã: Tân Lập, Tân Thành", "Ủy ban nhân dân các phường: A, B"): one body per commune
(or district), when the collective names one unit word (which a place then takes: "các xã,
phường: A, B" does not say which is which and stays one collective) and the unit data knows
each name as a commune (or district) of that kind.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg import lexicon
from kg.extract import admin
from kg.text import fold, fold_same_length

if TYPE_CHECKING:
    from kg.extract.bodies import BodyMatch

_COLON = re.compile(r"[ \t]*:[ \t]*\n?[ \t]*")
_WORD = r"[A-ZĐÀ-Ỹ][^\W\d_]*"
# a place name: capitalised words, which a web copy may wrap ("Lâm" / "Đồng")
_PLACE = re.compile(rf"{_WORD}(?:(?:[ \t]+|[ \t]*\n[ \t]*){_WORD}){{0,3}}")
_SEP = re.compile(r"[ \t]*(?:[,;][ \t]*\n?[ \t]*(?:và[ \t]+)?|\n?[ \t]*và[ \t]+)")
# what follows the places when they head work: the colon before it, or the work itself
# ("...: Lào Cai, Yên Bái chủ động ..."); a list ending its line with ";" or "." only says
# whom a text is sent to
_GOES_ON = re.compile(r"[ \t]*(?::|\n?[ \t]*[a-zđà-ỹ])")
# the level words of a collective of provinces ("các tỉnh", "các tỉnh, thành phố"; ontology/
# units.ttl)
_PROVINCE_LEVELS = lexicon.province_words()


def _province_collective(m: BodyMatch) -> bool:
    """Is ``m`` a plural of the provinces' bodies ("Ủy ban nhân dân các tỉnh, thành phố")?"""
    if m.type.level != "province" and not set(m.levels) <= _PROVINCE_LEVELS:
        return False
    if m.levels:
        return m.plural and set(m.levels) <= _PROVINCE_LEVELS and not m.place
    return m.type.collective and not m.type.generic and not m.span_of


def _local_unit(m: BodyMatch) -> tuple[str, str] | None:
    """(unit word, level) of a plural of local bodies naming one commune or district unit
    word ("Đảng ủy các xã", "Ủy ban nhân dân các phường"; ontology/units.ttl), else None."""
    if not m.plural or m.place or len(m.levels) != 1:
        return None
    for w in lexicon.unit_words(levels=False):
        if w.level in ("commune", "district") and fold(w.label) == m.levels[0]:
            return w.label, w.level
    return None


def _places(text: str, pos: int, known=admin.province_named) -> list[tuple[int, int, str]]:
    """(start, end, place) of each place ``known`` knows named from ``pos`` on, separated by
    commas, semicolons or "và"; stops at the first name the unit data does not know."""
    out: list[tuple[int, int, str]] = []
    while True:
        p = _PLACE.match(text, pos)
        if not p:
            break
        words = p.group(0).split()
        place = None
        for n in range(len(words), 0, -1):  # "Thái Nguyên Tổ chức ...": the longest known
            place = known(" ".join(words[:n]))
            if place:
                break
        if not place:
            break
        end = p.start() + len(re.match(rf"(?:\s*{_WORD}){{{n}}}", text[p.start() :]).group(0))
        out.append((p.start(), end, place))
        s = _SEP.match(text, end)
        if not s:
            break
        pos = s.end()
    return out


def per_place(text: str, m: BodyMatch, read) -> list[BodyMatch]:
    """The bodies of each place a collective of provinces lists after a colon, or [] when
    ``m`` is no such collective or no province follows. ``read(name)`` reads one body's
    printed name (kg.extract.body_match.match_at)."""
    if not _province_collective(m):
        return _per_local_place(text, m, read)
    c = _COLON.match(text, m.end)
    places = _places(text, c.end()) if c else []
    if not places or not _GOES_ON.match(text, places[-1][1]):
        return []
    printed = text[m.start : m.end]
    cut = re.search(r"(?<!\w)các\s", printed, re.I) or re.search(
        r"(?<!\w)(?:tỉnh|thành phố)(?!\w)", printed, re.I
    )
    if cut is None:
        return []
    organ = " ".join(printed[: cut.start()].split())
    out = []
    for k, (s, e, place) in enumerate(places):
        unit = "thành phố" if admin.is_central_city(place) else "tỉnh"
        one = read(f"{organ} {unit} {place}")
        if one is None or fold_same_length(one.as_written) != fold_same_length(
            f"{organ} {unit} {place}"
        ):
            return []
        start = m.start if k == 0 else s
        out.append(replace(one, start=start, end=e, as_written=text[start:e]))
    return out


def _per_local_place(text: str, m: BodyMatch, read) -> list[BodyMatch]:
    """The bodies of each commune or district a plural of local bodies lists after a colon
    ("Đảng ủy các xã: Tân Lập, Tân Thành"), or []."""
    unit = _local_unit(m)
    c = _COLON.match(text, m.end) if unit else None
    if c is None:
        return []
    word, level = unit  # type: ignore[misc]
    known = admin.commune_named if level == "commune" else admin.district_short
    places = _places(text, c.end(), known)
    if not places or not (_GOES_ON.match(text, places[-1][1]) or not text[places[-1][1] :].strip()):
        return []
    printed = text[m.start : m.end]
    cut = re.search(r"(?<!\w)các\s", printed, re.I)
    if cut is None:
        return []
    organ = " ".join(printed[: cut.start()].split())
    out = []
    for k, (s, e, _place) in enumerate(places):
        name = f"{organ} {word} {' '.join(text[s:e].split())}"
        one = read(name)
        if one is None or fold_same_length(one.as_written) != fold_same_length(name):
            return []
        start = m.start if k == 0 else s
        out.append(replace(one, start=start, end=e, as_written=text[start:e]))
    return out


def committees_share_places(
    before: list[BodyMatch], shared: list[BodyMatch], read
) -> list[BodyMatch]:
    """The bodies ``before`` a collective of provinces that listed its places (``shared``, one
    body per place), with a province's Party committee printed with no place ("Bí thư tỉnh ủy
    và Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk") read as the committee of each of
    those places: the heads of both bodies of each province are addressed at once (a
    telegram of the Prime Minister), so the list names each province's committee too."""
    places = [s.place for s in shared if s.place]
    if len(places) != len(shared) or not before:
        return before
    out: list[BodyMatch] = []
    for b in before:
        if not _placeless_province_committee(b):
            out.append(b)
            continue
        each = [_committee_of(place, b, read) for place in places]
        if any(one is None for one in each):
            return before
        out.extend(replace(one, start=b.start, end=b.end, as_written=b.as_written) for one in each)  # type: ignore[arg-type]
    return out


def _placeless_province_committee(b: BodyMatch) -> bool:
    return (
        "PartyCommittee" in b.type.groups
        and b.type.level == "province"
        and not b.place
        and not b.plural
        and not b.levels
    )


def _committee_of(place: str, b: BodyMatch, read) -> BodyMatch | None:
    """The Party committee of the province ``place`` of the same type as ``b``: a
    centrally-run city's is its "Thành ủy", a province's its "Tỉnh ủy" (ontology/units.ttl)."""
    unit = "thành phố" if admin.is_central_city(place) else "tỉnh"
    for w in lexicon.committee_words():
        if fold(w.unit or "") == fold(unit):
            one = read(w.label)
            if one is not None and "PartyCommittee" in one.type.groups:
                return replace(one, place=place)
    return None
