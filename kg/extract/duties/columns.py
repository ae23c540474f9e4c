"""What each column of a table's header row holds: tasks, the units that do them, partners, time.

A plan's annex, a task list, a reporting or statistics calendar, a list of projects: a table
hands its rows out when one column names the units that carry them out ("Đơn vị chủ trì",
"Cơ quan thực hiện", "Đơn vị chịu trách nhiệm cung cấp", "Trách nhiệm thực hiện", "Cơ quan chủ
trì theo dõi, đánh giá"), whatever the table is headed. GUIDE: each row is one duty of each
unit in that column, with the partners of its phối hợp column and the time of its time column.
A table of administrative procedures (its codes, steps, legal grounds, fees) also has a "Cơ
quan thực hiện" column, which says who handles a procedure: no task handed out.

The column names are data: the phrases:table-* and phrases:procedure-columns classes of
ontology/phrases.ttl, matched at the start of the folded cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import lexicon
from kg.text import fold


@dataclass(frozen=True)
class Columns:
    """Indexes of a header row's columns (None: the table has none of that kind)."""

    unit: int
    task: int | None
    partner: int | None
    time: int | None
    leads: bool  # the unit column's units lead the rows


@cache
def _pattern(name: str, anywhere: bool = False) -> re.Pattern[str]:
    alt = lexicon.phrase_alternation(name)
    return re.compile((r"(?<![a-z])" if anywhere else r"^") + alt + r"(?![a-z])")


def _key(cell: str) -> str:
    return " ".join(fold(cell).replace("*", " ").split())


def procedure_header(cells: list[str]) -> bool:
    """Is a row the header of a table of administrative procedures?"""
    return any(_pattern("procedure-columns").match(_key(c)) for c in cells)


def read_header(cells: list[str]) -> Columns | None:
    """The columns of a header row whose cells are ``cells`` (as printed), or None when no
    column names the units that do the rows, or the table lists administrative procedures."""
    if procedure_header(cells):
        return None
    keys = [_key(c) for c in cells]
    partner = next(
        (i for i, k in enumerate(keys) if _pattern("table-partner-columns", True).search(k)), None
    )
    unit = next(
        (
            i
            for i, k in enumerate(keys)
            if i != partner
            and (_pattern("table-unit-columns").match(k) or re.search(r"(?<![a-z])chu tri", k))
        ),
        None,
    )
    if unit is None:
        return None
    time = next(
        (
            i
            for i, k in enumerate(keys)
            if i not in (unit, partner) and _pattern("table-time-columns", True).search(k)
        ),
        None,
    )
    task = next(
        (
            i
            for i, k in enumerate(keys)
            if i not in (unit, partner, time) and _pattern("table-task-columns", True).search(k)
        ),
        None,
    )
    leads = partner is not None or bool(_pattern("table-lead-words", True).search(keys[unit]))
    return Columns(unit, task, partner, time, leads)
