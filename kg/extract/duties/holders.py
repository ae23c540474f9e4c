"""Bodies named where a regulation hands them work, when the reference data cannot name them.

A Thông tư or a ministry's decision gives work to the ministry's own departments, printed
in sentence case ("Cục Pháp chế", "Vụ Tổ chức cán bộ", "Văn phòng Bộ", "Cục Kiểm tra văn
bản và Quản lý xử lý vi phạm hành chính"). No list holds them all, and where a name in
sentence case ends in running text cannot be told; but two places bound it:

- an article's or item's title "Trách nhiệm (và quyền hạn) của <X>": the title is X's name;
- an item of the organisation part that opens with a department's head word and its role
  ("1. Cục Pháp chế chủ trì, ...", "Vụ Tổ chức cán bộ có trách nhiệm ..."): the name ends
  where the role begins.

The head words are data (ontology/bodies.ttl, bodies:DonViThuocBo skos:hiddenLabel).
Holders a title names with no such head word ("Trách nhiệm của Bên mua điện") are not read:
a web copy often cuts such a title inside a longer name, and held-out plans lost partners.

A unit named alone after "Giao / Đề nghị" ("Đề nghị tỉnh Nghệ An ...") is read here too.
"""

from __future__ import annotations

import re
from functools import cache

from kg import lexicon
from kg.extract.bodies import BodyMatch, match_at, take_name
from kg.refdata import BodyType, body_types
from kg.text import fold_same_length

_DEPARTMENT = "DonViThuocBo"
_MAX_WORDS = 14
# the role that follows a department's name at an item's start
_ROLE = re.compile(
    r"\s*(?::|\(|,?\s*(?:(?:co|chiu)\s+trach\s+nhiem|chu\s+tri|phoi\s+hop|thuc\s+hien"
    r"|la\s+co\s+quan)(?![a-z]))"
)
# a separator in a list of bodies
_SEP = re.compile(r"\s*[,;]\s*(?:va\s+)?|\s+va\s+")
# words no department's name holds: a clause goes on ("Cục Hải quan trả lời để ...")
_STOP = re.compile(
    r"(?:để|theo|tại|về|với|cho|trả\s+lời|nhận\s+được|đã|đang|sẽ|được|trên|thì|nếu)(?!\w)"
)
# words of a sentence, not of a name: "Trách nhiệm của Bên mua điện là ..."
_SAYS = re.compile(r"\s(?:la|phai|duoc|chiu|thuc\s+hien|co\s+trach\s+nhiem|gom)\s")
# a title that is a name: capital first, no sentence punctuation inside
_NAME = re.compile(r"[A-ZĐÀ-Ỹ][^.;:!?()“”\"\n]*")


@cache
def _heads() -> tuple[str, ...]:
    """Folded head words of a ministry's departments, longest first ("tong cuc", "cuc")."""
    words = {
        " ".join(fold_same_length(w).lower().split()) for w in body_types()[_DEPARTMENT].head_words
    }
    return tuple(sorted(words, key=len, reverse=True))


def _type(type_id: str) -> BodyType:
    return body_types()[type_id]


def _head_at(text: str, folded: str, pos: int) -> str | None:
    """The head word a department's name opens with at ``pos``, a capitalised word after it
    (on the next line when a web copy wrapped the line right after the head word: "5. Cục" /
    "Di sản văn hóa: ...")."""
    for h in _heads():
        if not folded.startswith(h, pos):
            continue
        gap = re.match(r"[ \t]+|[ \t]*\n[ \t]*", text[pos + len(h) :])
        if gap is None:
            continue
        at = pos + len(h) + gap.end()
        if text[at : at + 1].isupper() or _ministry_at(text, at):
            return h
    return None


def _ministry_at(text: str, pos: int) -> bool:
    """Does the name of a ministry or ministry-level body begin at ``pos``, however a copy cased
    it ("Thanh tra ngân hàng Nhà nước": the department's head word and its ministry)?"""
    m = match_at(text, pos)
    return m is not None and m.start == pos and "Ministry" in m.type.groups


def _match(text: str, start: int, end: int, type_id: str) -> BodyMatch:
    name = " ".join(text[start:end].split())
    return BodyMatch(start, end, _type(type_id), name, label_end=end, name_extra=name)


def title_holder(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """The department a title "Trách nhiệm của <X>" names, ``pos`` at X: the rest of the
    title when it is a department's name (its head word, a capital, short, no sentence
    inside); ([], pos) otherwise."""
    rest = text[pos:]
    lead = len(rest) - len(rest.lstrip())
    m = _NAME.fullmatch(rest.strip().rstrip(" :."))
    if m is None or len(m.group(0).split()) > _MAX_WORDS or _SAYS.search(fold_same_length(rest)):
        return [], pos
    start = pos + lead
    end = start + len(m.group(0).rstrip())
    if _cut_short(text[start:end]):
        return [], pos
    if _head_at(text, fold_same_length(text), start) is None:
        return [], pos  # no department's head word: such a title is often cut by a web copy
    return [_match(text, start, end, _DEPARTMENT)], end


@cache
def _labels() -> tuple[str, ...]:
    return tuple(
        " ".join(fold_same_length(x).lower().split())
        for t in body_types().values()
        for x in t.labels
    )


def _cut_short(name: str) -> bool:
    """A title a web copy cut inside a name the data knows ("Trách nhiệm của Ủy ban nhân" /
    "dân tỉnh"), or a person's office ("Trưởng ban ..."), is no holder's name."""
    key = " ".join(fold_same_length(name).lower().split())
    if len(key.split()) < 2 or name.rstrip().endswith(",") or lexicon.office_title_at(name):
        return True
    return any(label == key or label.startswith(key + " ") for label in _labels())


def _department(
    text: str, folded: str, pos: int, whole: bool = False
) -> tuple[BodyMatch | None, int]:
    """One department at ``pos`` and where its name ends: before its role, or before a
    separator that another body or a lower-case word follows (a list, a clause); with
    ``whole``, at the end of ``text`` too (a heading that is only names)."""
    head = _head_at(text, folded, pos)
    if head is None:
        return None, pos
    words = list(re.finditer(r"[^\s,:(]+", text[pos : pos + 300]))
    first = len(head.split()) + 1  # the head word(s), then at least one word of the name
    # the name may end at the last word read ("Vụ Pháp chế:" at a heading's end)
    for k in range(first, min(len(words), first + _MAX_WORDS - 1) + 1):
        cut = pos + words[k - 1].end()
        nxt = pos + words[k].start() if k < len(words) else len(text)
        if _ROLE.match(folded, cut):
            return _match(text, pos, cut, _DEPARTMENT), cut
        if _SEP.match(folded, cut) and _next_is_body(text, folded, nxt):
            return _match(text, pos, cut, _DEPARTMENT), cut
        if _STOP.match(text, nxt) or text[nxt : nxt + 1].isupper() and match_at(text, nxt):
            return None, pos  # "Cục Hải quan trả lời để Công ty X biết": a clause
        if words[k - 1].group(0).endswith((".", ";")):
            break
    else:  # a heading that is only the name ("3. Vụ Kế hoạch, Tài chính" + its bullets)
        if not whole:
            return None, pos
        end = pos + words[-1].end() if words else pos
        last = " ".join(folded[pos + words[-1].start() : end].split()) if words else ""
        if (
            first <= len(words) <= first + _MAX_WORDS - 1
            and not text[end:].strip()
            and not any(h == last or h.endswith(" " + last) for h in _heads())
        ):  # (not "Cục Thuế, Cục" cut at the line's end: another department goes on)
            return _match(text, pos, end, _DEPARTMENT), end
    return None, pos


def cell_department(cell: str) -> BodyMatch | None:
    """The department a table cell names whole ("Cục Tiền lương và Bảo hiểm xã hội", "Vụ
    Kế hoạch - Tài chính"): the cell opens with a head word and a capital, is short, and
    holds no list (no separator; no "và" that another department's head word follows)."""
    text = cell.strip()
    folded = fold_same_length(text)
    if _head_at(text, folded, 0) is None or re.search(r"[,;:()]", text):
        return None
    if len(text.split()) > _MAX_WORDS or _STOP.search(text) or _cut_short(text):
        return None
    for m in re.finditer(r"\s+va\s+", folded):
        if _head_at(text, folded, m.end()):
            return None
    start = len(cell) - len(cell.lstrip())
    return _match(cell, start, start + len(text.rstrip(" .")), _DEPARTMENT)


def _next_is_body(text: str, folded: str, pos: int) -> bool:
    return bool(_head_at(text, folded, pos) or match_at(text, pos))


def department_at(text: str, pos: int, whole: bool = False) -> tuple[list[BodyMatch], int]:
    """Departments an item opens with ("Cục Pháp chế chủ trì, ...", "Cục Thuế, Cục Hải
    quan, Kho bạc Nhà nước thực hiện ..."), each name ending where the list's separator or
    its role begins; ([], pos) when no role follows the list. ``whole``: the text is a
    heading whose work is below it ("3. Vụ Kế hoạch, Tài chính" + its bullets), and its end
    bounds the last name."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    folded = fold_same_length(text)
    found: list[BodyMatch] = []
    cur = end = pos
    while True:
        one, e = _department(text, folded, cur, whole)
        if one is None and found:
            known = match_at(text, cur)
            one, e = (known, known.end) if known else (None, cur)
        if one is None:
            break
        found.append(one)
        end = e
        sep = _SEP.match(folded, end)
        if not sep or not _next_is_body(text, folded, sep.end()) or text[sep.end()].islower():
            break
        cur = sep.end()
    if (
        found
        and _head_at(text, folded, pos)
        and (_ROLE.match(folded, end) or whole and not text[end:].strip())
    ):
        return found, end
    return [], pos


@cache
def _unit_words() -> re.Pattern[str]:
    """Words of administrative units as printed, longest first ("thành phố", "tỉnh" ...)."""
    return re.compile(r"(?i:" + lexicon.unit_alternation() + r")(?=[ \t])")


def unit_at(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """A unit named alone after "Giao / Đề nghị / Yêu cầu" ("Đề nghị tỉnh Nghệ An chủ động
    ...", "giao thành phố Hải Phòng ..."): the text means its People's Committee, the body
    that acts for it (NĐ 30/2020 addresses a locality's work to its Ủy ban nhân dân);
    ([], pos) when no unit word and name stand there."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    u = _unit_words().match(text, pos)
    if u is None:
        return [], pos
    place, end = take_name(text, u.end())
    if not place:
        return [], pos
    level = " ".join(fold_same_length(u.group(0)).lower().split())
    ubnd = _type("UBND")
    m = BodyMatch(pos, end, ubnd, text[pos:end], levels=[level], place=place, label_end=pos)
    return [m], end
