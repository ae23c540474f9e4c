"""A catch-all addressee named in full by the words printed after it.

A heading or the subject of an item often names a catch-all together with what narrows it:
"2. Các cơ quan trực thuộc Bộ Văn hóa, Thể thao và Du lịch" (its work in the paragraphs
below), "3. Các cơ quan, đơn vị, địa phương thuộc tỉnh: Căn cứ ...", "Các cơ quan, tổ chức sử
dụng vốn ngân sách nhà nước để ... có trách nhiệm ...". The words between the catch-all and
where its work begins (the end of the heading, a colon, "có/chịu trách nhiệm") say which
bodies are meant and are its name, as the words after "Trách nhiệm của các cơ quan, tổ chức"
are (kg.extract.duties.rules). A web copy may wrap the line anywhere inside them.

They are a name only when nothing in them opens work: they do not start with a word of the
work given (dkg:qualifierStop of bodies:ActorClass in ontology/bodies.ttl: "phối hợp", "căn
cứ", "tổ chức thực hiện" ...), and, when the heading ends with them, hold no such word at all;
they hold no sentence punctuation and start no further body or "các ..." after a comma or "và".

A subject may name two addressees joined by "và", the first a catch-all narrowed by its words
("Các Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh và Ủy ban nhân dân các xã, phường có
trách nhiệm ..."): the catch-all's name runs up to the "và", and the bodies after it are
addressees of their own (GUIDE: one entry per body a heading names).
"""

from __future__ import annotations

import re
from functools import cache

from kg import lexicon
from kg.extract.actor_classes import _stops
from kg.extract.bodies import BodyMatch, find_bodies
from kg.refdata import body_types
from kg.text import fold_same_length

# where the work given begins, after the words that name the catch-all
_WORK_BEGINS = re.compile(
    r"[ \t]*:|\s+(?:co|chiu)\s+trach\s+nhiem(?![a-z])|\s+co\s+nhiem\s+vu(?![a-z])"
)
_NO_NAME = re.compile(r"[.;!?()“”\"]")
_MAX = 140
_AFTER_SEP = re.compile(r"(?:,|(?<![a-z])va)\s*$")
# "..., tổ chức và các cán bộ, công chức ...": the list goes on with another addressee
_NEXT_ADDRESSEE = re.compile(r"(?:,|(?<![a-z])va)\s+cac\s")


@cache
def _this_document() -> re.Pattern[str]:
    """A reference to the document itself that ends the words after a catch-all ("... được
    phân cấp tại Quyết định này", "... quy định tại Điều 2 Quy chế này"): where the bodies
    are found, not part of their name."""
    return re.compile(
        r"\s+(?:tại|theo|trong|của)\s+(?:(?:khoản\s+\d+\s+)?Điều\s+\d+[a-z]?\s+(?:của\s+)?)?"
        rf"(?:{lexicon.type_alternation()})\s+này\s*$",
        re.I,
    )


@cache
def _work_words() -> re.Pattern[str]:
    return _stops(body_types()["ActorClass"].qualifier_stops)


def _words_after(text: str, last: BodyMatch) -> tuple[str, int] | None:
    """(the folded text, where the first word after the catch-all ``last`` starts) when
    lower-case words follow it, as words that narrow a catch-all do; None otherwise."""
    if not last.type.generic:
        return None
    pos = last.end
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    if pos >= len(text) or not text[pos].islower():
        return None
    return fold_same_length(text), pos


def qualifier_end(text: str, last: BodyMatch, end: int) -> int | None:
    """Where the name of the catch-all ``last`` (its list read up to ``end``) ends when the
    words printed after it name it ("Các cơ quan trực thuộc Bộ X"); None when they do not, or
    when what was read up to ``end`` already covers them ("các sở, ngành có liên quan")."""
    after = _words_after(text, last)
    if after is None:
        return None
    folded, pos = after
    w = _WORK_BEGINS.search(folded, pos)
    at_end = w is None
    stop = len(text.rstrip(" \t\n")) if at_end else w.start()
    this = _this_document().search(text, pos, stop)
    stop = this.start() if this is not None else stop
    words = text[pos:stop]
    if stop <= end or not 2 <= len(words.strip()) <= _MAX or _NO_NAME.search(words):
        return None
    if _NEXT_ADDRESSEE.search(folded, pos, stop):
        return None
    work = _work_words()
    if work.match(folded, pos) and not _defining(folded, words, w):
        return None  # "Các cơ quan, đơn vị phối hợp ...": the work itself
    if at_end and any(
        work.match(folded, pos + m.start()) for m in re.finditer(r"(?<!\w)\w", folded[pos:stop])
    ):
        return None  # the heading is a sentence that gives work
    if _second_addressee(words) is not None:
        return None  # "Các sở, ngành thuộc tỉnh và Ủy ban nhân dân các huyện": two bodies
    return stop


# the predicate that gives the work: "có trách nhiệm", "chịu trách nhiệm", "có nhiệm vụ"
_DUTY_VERB = re.compile(r"\s+(?:co|chiu)\s+(?:trach\s+nhiem|nhiem\s+vu)")


def _defining(folded: str, words: str, w: re.Match[str] | None) -> bool:
    """Are the words after a catch-all, though they open with a word of work, the clause that
    says which bodies it means, because "có trách nhiệm" right after them gives the work ("Các
    cơ quan, tổ chức, đơn vị chủ trì quản lý tài sản có trách nhiệm ...")? Not when they are
    a list, a second predicate ("... phối hợp với X và có trách nhiệm ...") or name another
    body, whose work it is ("... chỉ đạo các cơ sở giáo dục chịu trách nhiệm ...")."""
    if w is None or not _DUTY_VERB.match(folded, w.start()):
        return False
    tail = fold_same_length(words).split()
    if "," in words or not 2 <= len(tail) <= 8 or tail[-1] == "va" or "cac" in tail:
        return False
    return not find_bodies(words)  # "... chỉ đạo các cơ sở giáo dục chịu trách nhiệm": theirs


def _second_addressee(words: str, catch_all: bool = False) -> int | None:
    """Offset in ``words`` (what follows a catch-all) of a further named body joined by a
    comma or "và", or None; ``catch_all``: a further catch-all printed as an addressee ("... và
    các cơ quan, đơn vị liên quan") counts too."""
    for m in find_bodies(words):
        further = not m.type.generic or (
            catch_all and fold_same_length(m.as_written).lower().startswith("cac ")
        )
        if further and _AFTER_SEP.search(fold_same_length(words[: m.start])):
            return m.start
    return None


_JOIN = re.compile(r"\s*(?:,\s*va|,|va)\s*$")


def compound_end(text: str, last: BodyMatch, end: int) -> tuple[int, int, int] | None:
    """(end of the catch-all's name, start of the next addressee, start of the work) when the words after the
    catch-all ``last`` name it up to a "và" and another body follows before the work begins
    ("Các Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh và Ủy ban nhân dân các xã ... có
    trách nhiệm"); None otherwise. The caller reads the bodies from the second offset; they
    must reach the third."""
    after = _words_after(text, last)
    if after is None:
        return None
    folded, pos = after
    w = _WORK_BEGINS.search(folded, pos)
    if w is None:
        return None  # only a subject followed by its work is read this way
    words = text[pos : w.start()]
    second = _second_addressee(words, catch_all=True)  # "... thuộc thành phố và các cơ quan ..."
    if second is None:
        return None
    join = _JOIN.search(fold_same_length(words[:second]))
    if join is None or not fold_same_length(words[join.start() : second]).strip().endswith("va"):
        return None  # "A, B": a list of bodies, not a named catch-all and one more
    name = words[: join.start()]
    if pos + len(name) <= end or not 2 <= len(name.strip()) <= _MAX or _NO_NAME.search(name):
        return None
    if _work_words().match(folded, pos) or _NEXT_ADDRESSEE.search(folded, pos, pos + len(name)):
        return None
    return pos + len(name.rstrip()), pos + second, w.start()
