"""Bodies listed after "cụ thể:" in a task handed out to several of them.

A notice or a telegram often hands one task to a group and then says who takes which part:
"Phân công các đồng chí Phó Thủ tướng Chính phủ tiếp tục theo dõi, trực tiếp chỉ đạo ... tại
các địa phương, cụ thể: Phó Thủ tướng A tỉnh X, Phó Thủ tướng B tỉnh Y và Phó Thủ tướng C tỉnh
Z". Each body listed after "cụ thể" ("namely") is given the task (GUIDE: one entry per body the
task names); what follows a body's name up to the next separator (its province, its field) is
its share, not another body.

Read only where the words before "cụ thể" hand out work ("phân công", "giao", "đề nghị", "yêu
cầu"): elsewhere such a list names places or figures of a report. At least two named bodies
must be listed; catch-alls are left out.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.bodies import BodyMatch, match_at, mention
from kg.extract.duties.rules import _Duty, parse_list
from kg.text import fold_same_length, normalize_key

_NAMELY = re.compile(r"(?<![a-z])cu\s+the(?:\s+nhu\s+sau)?\s*:\s*")
_HANDS_OUT = re.compile(r"(?<![a-z])(?:phan\s+cong|giao|(de\s+nghi)|yeu\s+cau)(?![a-z])")
# where one listed body's share ends and the next body begins
_NEXT = re.compile(r"\s*(?:,\s*va|;\s*va|,|;|(?<![a-z])va)\s+")
_SHARE = 120  # the longest share printed after a body's name


def listed_after_namely(text: str, pos: int) -> list[BodyMatch]:
    """The bodies listed from ``pos``, each name followed by its share up to the separator
    before the next body."""
    folded = fold_same_length(text)
    out: list[BodyMatch] = []
    cur = pos
    while True:
        bodies, end = parse_list(text, cur)
        if not bodies:
            break
        out.extend(bodies)
        nxt = None
        for sep in _NEXT.finditer(folded, end, min(len(text), end + _SHARE)):
            if match_at(text, sep.end()) is not None:
                nxt = sep
                break
            if text[end : sep.start()].count(".") or text[end : sep.start()].count(":"):
                break
        if nxt is None:
            break
        cur = nxt.end()
    return out


def hand_on(w: Any) -> None:
    """Give each body listed after "cụ thể:" the task a node hands out (``w``: the walker,
    kg.extract.duties.walker; typed loosely to keep imports one-way)."""
    for top in w.s.body:
        for node in top.walk():
            cs, text = w.own(node)
            folded = fold_same_length(text)
            m = _NAMELY.search(folded)
            if m is None:
                continue
            verb = None
            for v in _HANDS_OUT.finditer(folded, 0, m.start()):
                verb = v
            if verb is None:
                continue
            named = [b for b in listed_after_namely(text, m.end()) if not b.type.generic]
            if len(named) < 2:
                continue
            mode = "requested" if verb.group(1) else "assigned"
            end = cs + len(text.rstrip())
            for b in named:
                key = normalize_key(mention(b, w.ctx, base=cs, clean=w.clean).name)
                d = w.drafts.get(key)
                if d is not None and any(x.start < end and cs < x.end for x in d.duties):
                    continue
                w.add(b, cs, mode, [_Duty(cs, end, node.marker or "")])
