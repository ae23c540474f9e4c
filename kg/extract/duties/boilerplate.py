"""Clauses every plan, decision and Quy chế prints that name bodies but hand out no work.

The problems clause: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan,
đơn vị phản ánh về Sở X để tổng hợp, báo cáo Ủy ban nhân dân tỉnh". Plans, decisions and
Quy chế close their organisation part with it (NĐ 30/2020 gives no
form, but every province and ministry writes it alike). It names who reports problems to
whom, as they arise: a reporting obligation (kg.extract.reporting reads it), not work handed
out, so an item or paragraph that is only this clause gives no duty (GUIDE: "the standard
problems clause, recorded under reporting only").

The reward and sanction clause: "Tổ chức, cá nhân có thành tích ... được khen thưởng; vi
phạm ... bị xử lý theo quy định": what befalls the bodies named, no task of theirs.
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.extract.bodies import find_bodies
from kg.text import fold_same_length

_W = r"(?![a-z])"
# the condition: "(Trong quá trình [triển khai] [tổ chức] thực hiện [...],) nếu có / trường
# hợp có / khi phát sinh khó khăn, vướng mắc" (the words: ontology/phrases.ttl)
_CONDITION = re.compile(
    r"\W*(?:trong\s+qua\s+trinh[^,.;:]{0,80}?,?\s*)?"
    + lexicon.phrase_alternation("problems-if")
    + r"\s+(?:co\s+|phat\s+sinh\s+)?(?:cac\s+|nhung\s+)?"
    + lexicon.phrase_alternation("problems")
    + _W
)
# what the bodies are told to do with the problems: tell someone of them
_TELL = re.compile(lexicon.phrase_alternation("problems-tell") + _W)
# a second sentence after the clause hands out more work ("...; Sở Nội vụ theo dõi ...")
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def problems_only(text: str) -> bool:
    """Is ``text`` the problems clause and nothing more?"""
    f = " ".join(fold_same_length(text).split())
    m = _CONDITION.match(f)
    if m is None:
        return False
    rest = f[m.end() :]
    end = _SENTENCE_END.search(rest)
    if end is not None and rest[end.end() :].strip(" ./"):
        after = rest[end.end() :]
        if not exhortation(" ".join(text.split())[m.end() + end.end() :]) and not _escalation(
            after
        ):
            return False
        rest = rest[: end.end()]
    return _TELL.search(rest) is not None


# "Trường hợp vượt thẩm quyền, Sở X tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét": where the
# problems go when their receiver cannot settle them, the clause's own last sentence
_ESCALATES = re.compile(r"\W*" + lexicon.phrase_alternation("problems-if") + _W)


def _escalation(folded: str) -> bool:
    """Is ``folded`` one sentence that passes the problems on, under a condition of its own?"""
    end = _SENTENCE_END.search(folded)
    if end is not None and folded[end.end() :].strip(" ./"):
        return False
    return _ESCALATES.match(folded) is not None and _TELL.search(folded) is not None


# "(Yêu cầu|Đề nghị) <bodies> (nghiêm túc) (triển khai) thực hiện (nghiêm túc) (Kế hoạch này)"
# (the words: ontology/phrases.ttl)
_ASKS = re.compile(r"\W*" + lexicon.phrase_alternation("exhort-asks") + r"\s+")
_CARRY_OUT = re.compile(
    rf"(?:{lexicon.phrase_alternation('exhort-before')}\s+)*thuc\s+hien"
    rf"(?:\s+{lexicon.phrase_alternation('exhort-after')})?"
    rf"(?:\s+{lexicon.phrase_alternation('exhort-this')}\s+nay)?"
    r"[\s./]*$"
)
# what may join the bodies of the list: "A, B và C", "... có liên quan"
_JOINS = re.compile(r"(?:[\s,;]|(?<![a-z])(?:va|cung|co\s+lien\s+quan|lien\s+quan)(?![a-z]))*")


def exhortation(text: str) -> bool:
    """Is ``text`` only a call on bodies to carry the text out, with no task of its own ("Yêu
    cầu các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các đơn vị có liên quan thực
    hiện nghiêm túc./."), as plans end after their problems clause?"""
    f = fold_same_length(text)
    ask = _ASKS.match(f)
    carry = _CARRY_OUT.search(f, ask.end()) if ask else None
    if ask is None or carry is None:
        return False
    middle = list(f[ask.end() : carry.start()])
    bodies = find_bodies(text[ask.end() : carry.start()], list_mode=True)
    for m in bodies:
        middle[m.start : m.end] = " " * (m.end - m.start)
    return bool(bodies) and _JOINS.fullmatch("".join(middle)) is not None


# "(sẽ) được khen thưởng", "bị xử lý / xử phạt / kỷ luật / truy cứu": the body undergoes it
_UNDERGOES = re.compile(
    r"(?<![a-z])(?:se\s+)?(?:duoc|bi)\s+(?:xem\s+xet\s+(?:de\s+)?)?"
    + lexicon.phrase_alternation("undergoes")
    + _W
)
# what a body is told to do, before that verb ("... có trách nhiệm đề xuất được khen thưởng")
_WORK = re.compile(r"(?<![a-z])" + lexicon.phrase_alternation("undergoes-work") + _W)


def undergoes_only(text: str) -> bool:
    """Is the first sentence of ``text`` a reward or sanction its bodies undergo, no work?"""
    f = " ".join(fold_same_length(text).split())
    end = _SENTENCE_END.search(f)
    first = f[: end.start()] if end else f
    m = _UNDERGOES.search(first)
    return m is not None and not _WORK.search(first[: m.start()])
