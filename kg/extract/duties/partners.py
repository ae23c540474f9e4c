"""Which bodies named as partners are specific bodies (GUIDE: `coordinates_with` holds
"specific bodies named as partners ...; generic collectives are left out").

A collective whose kind has no level of its own and is printed with none ("phối hợp với các
tổ chức chính trị - xã hội, các cơ quan báo chí") names every body of a kind, anywhere: no
body a reader could contact. Printed with a level ("các tổ chức chính trị - xã hội tỉnh") or
of a kind that has one ("Thuế tỉnh, thành phố", "Ủy ban nhân dân các tỉnh, thành phố trực
thuộc Trung ương") it names the bodies of one tier, which the annotations keep. So does a
collective of mass organisations named by the Front or a mass organisation ("Mặt trận Tổ quốc
Việt Nam Thành phố chủ trì, phối hợp với các tổ chức chính trị - xã hội"): the organisations
of its own system at its own tier, its members.
"""

from __future__ import annotations

import re
from functools import cache

from kg import lexicon
from kg.extract.bodies import BodyMatch, find_bodies
from kg.models import BodyMention
from kg.refdata import body_types
from kg.text import fold, fold_same_length, normalize_key


def specific(partner: BodyMention, holder: BodyMention) -> bool:
    """Is ``partner`` of ``holder``'s duty a body, or the bodies of one tier, rather than a
    kind of body?"""
    t = body_types().get(partner.type_id or "")
    if t is None or not t.collective:
        return True
    if holder.kind == "mass-org" and t.kind == "mass-org":
        return True
    return t.level is not None or partner.level is not None


def as_named_holder(
    partner: BodyMention, holders: dict[str, BodyMention], level_word: str | None
) -> BodyMention:
    """``partner`` under the name the text's own entry for that body has, where the two differ
    only by the issuer's own level word printed after it ("Ban Quản lý khu Kinh tế tỉnh Đồng
    Tháp" as a partner, "Ban Quản lý khu Kinh tế" as the lead of a row: one body, GUIDE's
    canonical name drops the issuer's own place)."""
    if not level_word or partner.jurisdiction is None:
        return partner
    words = partner.name.split()
    n = len(level_word.split())
    if len(words) <= n or fold(" ".join(words[-n:])) != level_word:
        return partner
    holder = holders.get(normalize_key(" ".join(words[:-n])))
    if holder is None or holder.type_id != partner.type_id:
        return partner
    if holder.jurisdiction != partner.jurisdiction:
        return partner
    out = BodyMention(**{**vars(partner), "name": holder.name})
    return out


# "các nhà mạng (Viettel Nghệ An, VNPT Nghệ An)": the brackets right after a collective
_BRACKET = re.compile(r"[ \t]*\n?[ \t]*\(([^()]{3,240})\)")


def bracketed_members(text: str, collective: BodyMatch) -> list[BodyMatch]:
    """The bodies a collective partner's brackets list ("phối hợp với các nhà mạng (Viettel
    Nghệ An, VNPT Nghệ An)", "các tổ chức chính trị - xã hội (Hội Nông dân, Đoàn Thanh niên)"):
    the collective is generic, its members are the specific partners. Offsets into ``text``."""
    m = _BRACKET.match(text, collective.end)
    if m is None:
        return []
    inside = find_bodies(m[1], list_mode=True)
    if not inside or any(b.type.generic for b in inside):
        return []  # "(nếu có)", "(sau đây gọi là ...)": no list of members
    out = []
    for b in inside:
        b.start, b.end = b.start + m.start(1), b.end + m.start(1)
        out.append(b)
    return out


@cache
def _re(name: str, tail: str) -> re.Pattern[str]:
    return re.compile(r"\s*" + lexicon.phrase_alternation(name) + tail)


def owners_of_unit(text: str, pos: int, words: int = 4) -> list[BodyMatch]:
    """The bodies a partner unit belongs to: "cơ quan chức năng của Bộ Nông nghiệp và Môi
    trường" (a kind of unit, no body a reader could contact), "đầu mối quản trị của Sở Tư
    pháp" (a unit the reference data does not list): from ``pos``, up to ``words`` words with
    no mark between, then "của" and the body. Offsets into ``text``; [] when none follows."""
    from kg.extract.duties.rules import parse_list

    folded = fold_same_length(text)
    end = pos
    for _ in range(words + 1):
        m = _re("unit-of", r"\s+").match(folded, end)
        if m is not None:
            bodies, _ = parse_list(text, m.end())
            return [b for b in bodies if not b.type.generic]
        w = re.match(r"\s*[a-z]+", folded[end:])
        if not w:
            return []
        end += w.end()
    return []


def own_units_directed(folded_clause: str) -> bool:
    """Does a clause that directs others ("chỉ đạo các đơn vị chuyên môn trực thuộc", up to its
    "phối hợp") direct only the body's own subordinate units, whose partners are its own?"""
    if not _re("own-units-tail", r"\s*$").search(folded_clause):
        return False
    bodies = find_bodies(folded_clause, list_mode=True)
    return all(b.type.generic or b.type.collective for b in bodies)


def past_force_word(text: str, pos: int) -> int:
    """Where a partner list starts past "lực lượng" before a force named as one body, with its
    level or place ("phối hợp chặt chẽ lực lượng Công an thành phố"); "lực lượng Công an" alone
    names the police as a force, no body of the text's."""
    m = _re("force-words", r"\s+").match(fold_same_length(text), pos)
    if not m or m.end() >= len(text) or not text[m.end()].isupper():
        return pos
    found = find_bodies(text[m.end() :], list_mode=True)
    if found and found[0].start == 0 and (found[0].levels or found[0].place):
        return m.end()
    return pos


def cue_bodies(
    text: str, cue: re.Match[str], directed: list[tuple[int, int]], unknown: re.Pattern[str]
) -> list[BodyMatch] | None:
    """The bodies a partner cue ("phối hợp (với)") names in ``text``: a list read on past
    items the reference data does not know (``unknown``: "... với Trung tâm X, Công an Thành
    phố, Sở Y"), the members a collective's brackets list, the body a unit belongs to; None
    when the cue sits in a clause that directs another body (that body's partners), unless
    the body directs its own units."""
    from kg.extract.duties.rules import parse_list, parse_list_past

    folded = fold_same_length(text)
    if any(
        s <= cue.start() < e and not own_units_directed(folded[s : cue.start()])
        for s, e in directed
    ):
        return None
    at = past_force_word(text, cue.end())
    bodies, stop = parse_list(text, at)
    bodies, _ = parse_list_past(text, bodies, stop if bodies else at, unknown)
    bodies += [
        x for b in bodies if b.type.generic or b.type.collective for x in bracketed_members(text, b)
    ]
    # "cơ quan chức năng của Bộ X", "đầu mối quản trị của Sở Y": the unit's body
    bodies += [x for b in bodies if b.type.generic for x in owners_of_unit(text, b.end)]
    if not bodies and "voi" in cue.group(0):
        bodies = owners_of_unit(text, at)
    return bodies
