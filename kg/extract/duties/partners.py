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

from kg.extract.bodies import BodyMatch, find_bodies
from kg.models import BodyMention
from kg.refdata import body_types
from kg.text import fold, normalize_key


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
