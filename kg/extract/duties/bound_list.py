"""A list of bodies bound by one responsibility clause, read past members the reference data
does not know ("Sở Nông nghiệp và Môi trường, Thuế Thành phố và các Thuế cơ sở, UBND cấp xã,
Văn phòng Đăng ký đất đai và các Chi nhánh trực thuộc có trách nhiệm tuân thủ ..."): decisions,
Quy chế and Quy định bind several bodies at once in one sentence whose subject is the whole
list and whose verb is "có trách nhiệm" / "chịu trách nhiệm". Every known body of the list is
bound; an unknown member (a name, or "các ..." in lower case) is passed over, not guessed."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.text import fold_same_length

# the clause's verb after its subject list (folded); "chịu trách nhiệm (toàn diện) trước ..."
# says to whom the bodies answer, not what they must do
_BOUND = re.compile(
    r"\s*(?:co|chiu)\s+trach\s+nhiem(?![a-z])(?!\s+(?:toan\s+dien\s+)?truoc(?![a-z]))"
)
# where the subject list can no longer go on: the sentence's end (a list may use ";" between
# its members: "Ủy ban Mặt trận Tổ quốc ...; các sở, ban, ngành; Ủy ban nhân dân các xã")
_CLAUSE_END = re.compile(r"[.:!?()]")
# what separates members of the list
_SEP = re.compile(r"\s*(?:,|;|(?<![a-z])va(?![a-z]))\s*")
_REACH = 240
_MEMBER_WORDS = 8


def read_on(
    text: str, end: int, parse: Callable[[str, int], tuple[list, int]], *, first: bool = False
) -> tuple[list, int] | None:
    """The further bodies of a subject list whose first bodies end at ``end`` and the offset of
    its verb, when the list goes on (after "," / ";" / "và") up to "có / chịu trách nhiệm" with
    only members in between; None otherwise. ``first``: the list starts at ``end`` with a
    member the reference data does not know ("Các Thuế cơ sở, Ủy ban nhân dân cấp xã ...").
    ``parse(text, pos)`` reads a list of known bodies at pos (kg.extract.duties.rules.
    parse_list)."""
    folded = fold_same_length(text)
    sep = _SEP.match(folded, end)
    if not first and (sep is None or sep.end() == end):
        return None
    limit = min(len(text), end + _REACH)
    stop = _CLAUSE_END.search(text, end, limit)
    verb = _BOUND.search(folded, end, stop.start() if stop else limit)
    if verb is None:
        return None
    found: list = []
    pos = end if first else sep.end()  # type: ignore[union-attr]
    while pos < verb.start():
        bodies, stop_at = parse(text, pos)
        if bodies and stop_at <= verb.start():
            found += bodies
            pos = stop_at
        else:  # one member the reference data does not know, up to the next separator
            nxt = _SEP.search(folded, pos, verb.start())
            member = text[pos : nxt.start() if nxt else verb.start()].strip()
            if not _member_like(member):
                return None
            pos = nxt.start() if nxt else verb.start()
        gap = _SEP.match(folded, pos)
        if gap is not None and gap.end() > pos:
            pos = gap.end()
        elif text[pos : verb.start()].strip():
            return None
    return found, verb.start()


def _member_like(member: str) -> bool:
    """Is a piece of the list a name (capitalised) or a class of bodies ("các ..."), short
    enough to be one member, not a clause?"""
    words = member.split()
    if not words or len(words) > _MEMBER_WORDS:
        return False
    return words[0][:1].isupper() or fold_same_length(words[0]).lower() == "cac"


def binds(rest: str) -> bool:
    """Does what follows a paragraph's bodies bind them ("có trách nhiệm ...", "chịu trách
    nhiệm ...")? Such a paragraph is its bodies' share, not the heading body's."""
    return bool(_BOUND.match(fold_same_length(rest)))
