"""Bodies that open a later clause of another body's task, each with its own work.

An item often hands one task to several bodies in turn, one clause or sentence each,
separated by semicolons or full stops, each clause opening with its body and the work that body does: "Giao Sở Y tế
chủ trì tổ chức tập huấn; Sở Tài chính bố trí kinh phí; Ủy ban nhân dân các xã phối hợp tuyên
truyền", "Giao Phó Thủ tướng Chính phủ A đi kiểm tra ... tại tỉnh X; Phó Thủ tướng Chính phủ B
đi kiểm tra ... tại tỉnh Y", "Bộ Nông nghiệp và Môi trường ... báo cáo Chính phủ. Bộ Tài
chính khẩn trương xem xét ...", "... Giao Bộ Quốc phòng, Bộ Công an chỉ đạo ...". The body the item opens with is read by the walker; each later
clause that opens with a named body and then the work (a verb of ontology/phrases.ttl's
phrases:item-work, or "Đề nghị/Giao ..." again) is that body's share (GUIDE: one entry per
body, its duties where it is named): its duty is the work after its name, and the task of the
body the item opens with ends before the first clause handed on. An office holder named with
his name ("Phó Thủ tướng Chính phủ B") is such a body. Catch-alls ("các sở, ngành liên quan
phối hợp") name a kind of body and are left to the partner reading; the issuer names itself,
not a duty; the executors clause ("...; Thủ trưởng các sở ...; Chủ tịch ... chịu trách nhiệm
thi hành") hands out no work.
"""

from __future__ import annotations

import re
from typing import Any

from kg import lexicon
from kg.extract.bodies import is_issuer, mention
from kg.extract.duties.rules import _Duty, _TableDuty, executors_only, lead_bodies
from kg.text import PrintedWords, normalize_key

# the work a clause gives, opening right after its bodies (ontology/phrases.ttl)
_WORK = PrintedWords(lexicon.phrases("item-work"), lead=r"[ \t\n]*,?[ \t\n]*")


def _clauses(text: str) -> list[tuple[int, int]]:
    """Offsets of the clauses of ``text`` between semicolons, or sentence ends, outside
    brackets."""
    out: list[tuple[int, int]] = []
    depth = start = 0
    for k, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and (ch == ";" or ch == "." and _SENTENCE.match(text, k + 1)):
            out.append((start, k))
            start = k + 1
    out.append((start, len(text)))
    return out


# a full stop that ends a sentence: the next one opens with a capital
_SENTENCE = re.compile(r"[ \t]*\n?[ \t]*[A-ZĐÀ-Ỹ]")


def _overlaps(w: Any, key: str, start: int, end: int) -> bool:
    d = w.drafts.get(key)
    return d is not None and any(x.start < end and start < x.end for x in d.duties)


def hand_on(w: Any) -> None:
    """Give each body that opens a later clause of a task that clause (``w``: the walker,
    kg.extract.duties.walker; typed loosely to keep imports one-way)."""
    for key in list(w.order):
        draft = w.drafts[key]
        for d in list(draft.duties):
            if isinstance(d, _TableDuty):
                continue
            text = w.clean.text[d.start : d.end]
            if executors_only(text):
                continue  # "...; Thủ trưởng các sở ...; Chủ tịch ... chịu trách nhiệm thi hành"
            first: int | None = None  # where the first clause handed on starts
            for s, e in _clauses(text)[1:]:
                while s < e and text[s] in " \t\n":
                    s += 1
                lead = lead_bodies(text[s:e])
                if lead is None or not (lead.explicit or _WORK.opens(text[s:e][_after(lead) :])):
                    continue
                work = s + lead.rest_start  # the clause's work, after its bodies
                for b in lead.bodies:
                    bm = mention(b, w.ctx, base=d.start + s, clean=w.clean)
                    own = normalize_key(bm.name)
                    if b.type.generic or own == key or is_issuer(bm.name, w.ctx):
                        continue
                    if _overlaps(w, own, d.start + s, d.start + e):
                        continue  # already read there (a "Giao X" clause)
                    w.add(
                        b, d.start + s, lead.mode, [_Duty(d.start + work, d.start + e, d.section)]
                    )
                    first = s if first is None else first
            if first is not None and not d.extra:  # the task's own body keeps its own clauses
                d.end = d.start + len(text[:first].rstrip(" \t\n;,."))


def _after(lead: Any) -> int:
    """Where the bodies a clause opens with end (their last one's end)."""
    return lead.bodies[-1].end if lead.bodies else 0
