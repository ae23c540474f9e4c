"""A second office of the holder just named, printed after a dash (issue 10).

A notice of the Government names a minister by both his offices, the second after a dash:
"Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung lãnh
đạo ...". One person acts, for the body he heads (GUIDE: a body addressed by its head is the
body); the office he holds in the steering committee (bodies:CollegialOffice) is no second
addressee. A dash between two bodies of other kinds still separates two addressees.
"""

from __future__ import annotations

import re

from kg.extract.bodies import match_at

_DASH = re.compile(r"\s+[-–]\s+")


def second_office_end(text: str, folded: str, pos: int) -> int | None:
    """Where an office held in a steering committee ends, printed after a dash at ``pos`` (the
    end of the holder's first office), or None when no such apposition follows."""
    dash = _DASH.match(folded, pos)
    office = match_at(text, dash.end()) if dash else None
    if office is None or "CollegialOffice" not in office.type.groups:
        return None
    return office.end
