"""Bodies a People's Committee is told to direct, named at the start of its task.

A council's resolution, and a plan or notice that gives a People's Committee its share,
often hands it work that others will carry out, each task opening with "Chỉ đạo" and the
bodies it must direct: "1. Giao Ủy ban nhân dân Thành phố: ... c) Chỉ đạo Ủy ban nhân dân
cấp xã: Rà soát ...; g) Chỉ đạo Công an Thành phố, Sở Xây dựng chủ trì, tham mưu ...". The
Law on the Organisation of Local Government makes the Committee the one that directs its
departments and the committees below it, so a task printed this way names who does it: each
body named there gets the task as well, with the role the task gives it ("chủ trì"), while
the Committee keeps it as its own (it must direct).

Only a task that opens with "Chỉ đạo" and the names is read this way ("Bộ Công Thương chỉ
đạo EVN ..." inside a sentence stays the subject's work); catch-alls ("các sở, ban, ngành")
name a kind of body, not one, and get no entry; bodies after a verb ("hướng dẫn Ủy ban nhân
dân cấp xã ...") are the object of the work, not its doers.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.duties.rules import _Duty, _TableDuty, parse_list
from kg.refdata import collection
from kg.text import fold_same_length

# a task opening with "Chỉ đạo" and the bodies directed (not "Chỉ đạo, điều hành ...")
_OPENS = re.compile(r"[\W\d]*(?:[a-zđ]\)\s*)?chi\s+dao\s+(?=\S)(?!cac\s+cap)")


def hand_on(w: Any) -> None:
    """Give the bodies a People's Committee's tasks open by directing those tasks too
    (``w``: the walker, kg.extract.duties.walker; typed loosely to keep imports one-way)."""
    # the kinds of body that direct the bodies named after "Chỉ đạo" on their tasks
    # (bodies:directors in ontology/bodies.ttl)
    directors = collection("directors")
    for key in list(w.order):
        draft = w.drafts[key]
        if draft.body.type_id not in directors:
            continue
        for d in list(draft.duties):
            if isinstance(d, _TableDuty):
                continue
            text = w.clean.text[d.start : d.end]
            m = _OPENS.match(fold_same_length(text))
            if m is None:
                continue
            bodies, end = parse_list(text, m.end())
            if not text[end:].strip(" \t\n:;,."):
                continue  # no work follows the names
            named = [b for b in bodies if not b.type.generic]
            if not named:
                continue
            first = bodies[0].start
            for b in named:
                share = _Duty(d.start + first, d.end, d.section, extra=list(d.extra))
                w.add(b, d.start, draft.mode, [share])
