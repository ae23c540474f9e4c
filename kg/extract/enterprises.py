"""The proper name after the head word of an enterprise or economic organisation.

A type marked dkg:properName in ontology/bodies.ttl ("Tổng công ty", "Công ty TNHH MTV",
"Hợp tác xã", "Quỹ") is a body only with its own name, and that name is how the body is known.
Vietnamese drafting capitalises the first syllable of each word of a name ("Điện lực Quảng
Trị", "Thủy lợi Sông Chu"), so a name runs over capitalised words, abbreviations and dashes,
lets one lower-case syllable follow a capitalised one (the rest of a word), the lower-case
dkg:nameWord of its type ("miền Bắc") and "và" between capitalised words ("Phân bón và Hóa
chất Dầu khí"), and ends on its last capitalised word: the verb that
follows ("chủ trì", "thực hiện") is left out. It stops at a separator, at the end of a line
and where another body begins. A single capitalised syllable followed by lower-case words
("Quỹ Bình ổn giá ...") is a name in sentence case whose end cannot be told: no body.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a dash ending a line joins the name across the wrap ("Tân Cảng -" / "Petro ...")
_TOKEN = re.compile(r"[ \t]+(?:([-–])(?:[ \t]+|[ \t]*\n[ \t]*))?([^\s,;:.()\"“”]+)")
_MAX_TOKENS = 12
# a web copy's line wrap inside a name: the next line goes on with it ("Tổng công ty Điện lực
# miền" / "Bắc", "Tổng công ty Điện lực Thành phố Hồ" / "Chí Minh, ...")
_WRAP_TOKEN = re.compile(r"[ \t]*\n[ \t]*()([^\s,;:.()\"“”]+)")
# the capitalised words that close a name on the line after a wrap: punctuation follows them
_CLOSES = re.compile(r"(?:[ \t]+[A-ZĐÀ-Ỹ][^\s,;:.()]*)*[ \t]*(?:[,;:.()]|$)", re.M)


def _cap(tok: str) -> bool:
    return tok[0].isupper()


def name_at(
    text: str, pos: int, name_words: frozenset[str], starts_body: Callable[[int], object]
) -> tuple[str | None, int]:
    """The proper name printed after ``pos`` and where it ends, or (None, pos)."""
    end = pos  # end of the last capitalised token taken
    count = caps = 0
    lower_run = 0  # lower-case syllables since the last capitalised token
    cur = pos
    after_word = False  # the last token was a lower-case name word ("miền"): a name follows
    while count < _MAX_TOKENS:
        m = _TOKEN.match(text, cur) or _wrapped(text, cur, after_word, caps)
        if not m:
            break
        tok = m.group(2)
        after_word = False
        if not tok[0].isalnum():
            break
        if _cap(tok) or tok[0].isdigit() and caps:
            if starts_body(m.start(2)):
                break  # "Công ty Điện lực Quảng Trị, Sở Công Thương" without its comma
            caps += 1
            lower_run = 0
            end = m.end()
        elif m.group(1):
            break  # a dash before a lower-case word: no longer the name
        elif tok.lower() in name_words and caps:
            lower_run = 0
            after_word = True
        elif tok == "và" and caps and _joins_capitals(text, m.end()):
            lower_run = 0  # "Phân bón và Hóa chất Dầu khí": "và" between two capitalised words
        elif lower_run == 0 and caps:
            lower_run = 1
        else:
            break
        count += 1
        cur = m.end()
    if not caps:
        return None, pos
    name = " ".join(text[pos:end].split())
    after = _TOKEN.match(text, end)
    if caps == 1 and after and after.group(2)[0].islower() and not name.isupper():
        return None, pos  # "Quỹ Bình ổn giá xăng dầu": sentence case, its end unknown
    return name, end


def _joins_capitals(text: str, pos: int) -> bool:
    """Does a capitalised word follow "và" at ``pos`` on the same line, inside the name?"""
    m = _TOKEN.match(text, pos)
    return m is not None and not m.group(1) and _cap(m.group(2)) and "\n" not in m.group(0)


def _wrapped(text: str, pos: int, after_word: bool, caps: int) -> re.Match[str] | None:
    """The first word of a name's next line when the name wraps there: after a name word
    ("miền" / "Bắc"), or when the capitalised words on that line close the name."""
    m = _WRAP_TOKEN.match(text, pos) if caps else None
    if m is None or not _cap(m.group(2)):
        return None
    return m if after_word or _CLOSES.match(text, m.end()) else None
