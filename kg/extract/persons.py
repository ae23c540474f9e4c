"""The name of the person who holds an office given work by name ("Phó Thủ tướng X").

A Vietnamese person's name is a family name, optional middle names and a given name: two to
four syllables, each capitalised ("Trần Hồng Hà", "Nguyễn Thị Kim Ngân"). Drafters print it
right after the office ("Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trực tiếp chỉ đạo ...") and
end it with the next word in lower case, a separator or a place ("Phó Thủ tướng Nguyễn Thành
Long tỉnh Gia Lai"); a web copy may wrap the line inside the name. An abbreviation ("CP") or
a capitalised word that begins a body is no part of a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SYLLABLE = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)([^\W\d_]+)(?![\w.])")
_MIN, _MAX = 2, 4


def name_at(text: str, pos: int, starts_body: Callable[[int], object]) -> tuple[str | None, int]:
    """The person's name printed after ``pos`` and where it ends, or (None, pos)."""
    end, count, cur = pos, 0, pos
    while count < _MAX:
        m = _SYLLABLE.match(text, cur)
        if m is None:
            break
        tok = m.group(1)
        if not tok[0].isupper() or tok[1:] != tok[1:].lower() or starts_body(m.start(1)):
            break  # a lower-case word, an abbreviation ("CP") or another body
        count += 1
        cur = end = m.end()
    if count < _MIN:
        return None, pos
    return " ".join(text[pos:end].split()), end
