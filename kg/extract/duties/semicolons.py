"""Addressees listed one per semicolon before the colon that opens their work.

A letter or an item that asks several addressees at once often prints them as its Kính gửi
block does, separated by semicolons, each one a body or a catch-all narrowed by the words
printed after it, the list closed by a colon before the work: "Đề nghị các cơ quan chuyên
môn, cơ quan hành chính khác thuộc Ủy ban nhân dân Thành phố; Văn phòng Đoàn Đại biểu Quốc
hội và Hội đồng nhân dân Thành phố; các đơn vị sự nghiệp công lập, các doanh nghiệp nhà nước
trực thuộc Ủy ban nhân dân Thành phố; Hội đồng nhân dân, Ủy ban nhân dân các xã, phường và
đặc khu: tổ chức triển khai ...".

The semicolons bound each addressee, so a catch-all's narrowing words run up to its
semicolon, or up to the next "các ..." that opens another catch-all inside the same segment
(GUIDE: one entry per body a subject names; collectives are named as printed). The list is
read this way only when every segment names a body and the words left after a catch-all are
a name (no sentence punctuation, no word that opens work, no further body after a comma):
otherwise the caller reads the subject as before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.bodies import BodyMatch, match_at
from kg.extract.duties import catchall
from kg.text import fold_same_length

# the list may run over a web copy's wraps, never over a sentence's end or a blank line
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")
_MAX = 700
# another catch-all opening inside one segment: "các đơn vị sự nghiệp, các doanh nghiệp ..."
_NEXT_CATCHALL = re.compile(r"\s*(?:,\s*va|,|(?<![a-z])va)\s+(?=cac\s)")
_LEAD_JOIN = re.compile(r"\s*(?:va|cung)\s+")
# a catch-all whose printed label ends with the word that ties it to its owner ("các doanh
# nghiệp nhà nước trực thuộc" + "Ủy ban nhân dân Thành phố")
_OF = re.compile(r"(?<![a-z])thuoc\s*$")


def _catchall_named(text: str, last: BodyMatch, stop: int) -> BodyMatch | None:
    """``last`` (a catch-all) named by the words from its end to ``stop``, or None when those
    words are not a name (kg.extract.duties.catchall)."""
    if not (last.type.generic or last.type.collective):
        return None
    words = text[last.end : stop]
    if not words.strip():
        return last
    if not words[:1].isspace() and words[:1] not in ",":
        return None  # the match ended inside a word
    probe = text[: last.end] + words.rstrip()
    if _OF.search(fold_same_length(text[last.start : last.end])):
        owner = match_at(probe, last.end + len(words) - len(words.lstrip()))
        end = owner.end if owner is not None and owner.end == len(probe) else None
    else:  # "các cơ quan chuyên môn, cơ quan hành chính khác thuộc Ủy ban nhân dân Thành phố"
        end = catchall.qualifier_end(probe, last, last.end)
    if end is None:
        return None
    return replace(last, end=end, as_written=text[last.start : end], holder=True)


def _segment(text: str, start: int, stop: int, parse) -> list[BodyMatch] | None:
    """The bodies one segment names, or None when a part of it names none."""
    folded = fold_same_length(text)
    out: list[BodyMatch] = []
    pos = start
    while True:
        while pos < stop and text[pos] in " \t\n":
            pos += 1
        j = _LEAD_JOIN.match(folded, pos)
        if j and j.end() < stop:
            pos = j.end()
        if pos >= stop:
            return out or None
        bodies, end = parse(text[:stop], pos)
        if not bodies or end > stop:
            return None
        nxt = _NEXT_CATCHALL.search(folded, end, stop)
        bound = nxt.start() if nxt else stop
        if text[end:bound].strip(" \t\n,"):
            named = _catchall_named(text, bodies[-1], bound)
            if named is None:
                return None
            bodies[-1] = named
        out.extend(bodies)
        if nxt is None:
            return out
        pos = nxt.end()


def listed_to_colon(text: str, pos: int, parse) -> tuple[list[BodyMatch], int] | None:
    """The addressees listed from ``pos`` up to the colon that opens their work, one or more
    per semicolon (``parse``: kg.extract.duties.rules.parse_list), and the colon's offset;
    None when the subject is not such a list."""
    colon = text.find(":", pos)
    if colon < 0 or colon - pos > _MAX or _SENTENCE_END.search(text, pos, colon):
        return None
    cuts = [m.start() for m in re.finditer(";", text[pos:colon])]
    if not cuts:
        return None
    bounds = [pos, *(pos + c + 1 for c in cuts)]
    ends = [pos + c for c in cuts] + [colon]
    found: list[BodyMatch] = []
    for s, e in zip(bounds, ends, strict=True):
        one = _segment(text, s, e, parse)
        if one is None:
            return None
        found.extend(one)
    return found, colon
