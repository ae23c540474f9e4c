"""The name of a class of non-state actors: its head word and the words that say which members.

Plans and decisions give work to classes of actors the issuer regulates but does not run
("4. Các doanh nghiệp viễn thông" + its bullets, "Các tổ chức, cá nhân có liên quan có trách
nhiệm ..."). The head word alone ("doanh nghiệp") says too little: the lower-case words printed
after it narrow the class and are part of its name, as printed. A heading that is only the
class is named over its web copy's wrapped lines up to the blank line after it; in a sentence
the name stops at the first word that opens the work given (dkg:qualifierStop of
ontology/bodies.ttl: "phối hợp", "có trách nhiệm"), at punctuation, at a blank line and where
another body begins. Further class heads after a comma or "và" are kinds of the one addressee
("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư"), as a catch-all's kinds are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any, Protocol, TypeVar

from kg import lexicon
from kg.extract import collectives
from kg.refdata import body_types, collection
from kg.text import fold, fold_same_length


class _Match(Protocol):  # kg.extract.body_match.BodyMatch, which imports this module
    start: int
    end: int
    as_written: str
    type: Any


_M = TypeVar("_M", bound=_Match)

# one word on this line, or on the next when a web copy wrapped the line (not a blank line)
_WORD = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)([^\s,;:.()\"“”!?]+)")
_MAX_WORDS = 14
# words a name does not end on: what follows them was cut off ("các doanh nghiệp trong")
_DANGLING = frozenset(fold(w) for w in lexicon.phrases("dangling"))  # ontology/phrases.ttl
_JOIN = re.compile(r"[ \t]*(?:,|\n?[ \t]*va(?![a-z]))[ \t]*\n?[ \t]*(?:cac[ \t]+)?")


@cache
def _stops(stops: frozenset[str]) -> re.Pattern[str]:
    alts = sorted((" ".join(fold_same_length(s).split()) for s in stops), key=len, reverse=True)
    words = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?:{words})(?![a-z0-9])")


def class_end(
    text: str,
    end: int,
    stops: frozenset[str],
    starts_body: Callable[[int], object | None],
) -> int:
    """Where the name of a class whose head word ends at ``end`` ends; ``starts_body(pos)`` is
    the body printed at pos, if any (another class's head goes on with this name)."""

    def head_at(pos: int) -> int | None:
        b = starts_body(pos)
        return b.label_end if b is not None and _qualified(b) else None  # type: ignore[attr-defined]

    folded = fold_same_length(text)
    stop_at = _stops(stops)
    out = pos = end
    count = 0
    while count < _MAX_WORDS:
        w = _WORD.match(text, pos)
        if w is None:
            join = _JOIN.match(folded, pos)
            more = head_at(join.end()) if join else None
            if more is None and join is not None and text[pos : pos + 1] == ",":
                more = _listed_words_end(text, folded, pos + 1, stop_at, starts_body)
            if more is None:
                break
            out = pos = more
            continue
        ws = w.start(1)
        if stop_at.match(folded, ws) or _body_at(ws, starts_body):
            join = _JOIN.match(folded, pos)
            more = head_at(join.end()) if join and join.end() > pos else None
            if more is None:
                break
            out = pos = more
            continue
        count += 1
        pos = w.end()
        if folded[ws:pos] not in _DANGLING:
            out = pos
    return out


def _listed_words_end(
    text: str,
    folded: str,
    pos: int,
    stop_at: re.Pattern[str],
    starts_body: Callable[[int], object | None],
) -> int | None:
    """Where the words a comma at ``pos`` lists inside a class's qualifier end ("cơ quan, tổ
    chức, cá nhân hưởng cơ chế, chính sách, biện pháp ưu đãi, hỗ trợ có trách nhiệm ..."), or
    None when the comma ends the name. The listed words are part of the name only when the
    sentence goes on from them to what binds the class (phrases:obliges: "có trách nhiệm",
    "phải"), or a heading that is only the class ends with them: lower-case words and commas
    up to there, each comma followed by a word a name goes on with (not "trong", "của"), no
    other body, no capital, no other punctuation. Another word of dkg:qualifierStop ends the
    name at the comma ("Doanh nghiệp viễn thông, tổ chức bảo đảm kinh phí"), unless it is
    listed after a comma right before what binds the class ("..., hỗ trợ có trách nhiệm") or
    the end of a heading."""
    out = None
    count = 0
    after_comma = True
    while count < _MAX_WORDS:
        w = _WORD.match(text, pos)
        if w is None:
            if text[pos : pos + 1] == ",":
                pos, after_comma = pos + 1, True
                continue
            return out if _HEADING_END.match(text, pos) else None
        ws = w.start(1)
        if _OBLIGES.match(folded, ws):
            return out
        stop = stop_at.match(folded, ws)
        if stop:
            bound = _OBLIGES.match(folded, _past_spaces(text, stop.end()))
            ends = bound or _HEADING_END.match(text, stop.end())
            return stop.end() if after_comma and ends else None
        word = folded[ws : w.end()]
        if (
            not text[ws].islower()
            or (after_comma and word in _DANGLING)
            or starts_body(ws) is not None
        ):
            return None
        count += 1
        pos, after_comma = w.end(), False
        if word not in _DANGLING:
            out = pos
    return None


_OBLIGES = re.compile(rf"{lexicon.phrase_alternation('obliges')}(?![a-z0-9])")
_HEADING_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|$)")


def _past_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


@cache
def owner_words(space: str = r"\s+") -> str:
    """The head words a project's owner is printed with ("chủ đầu tư", "nhà đầu tư"), folded,
    as a regex alternation whose words ``space`` joins: the labels of the types of
    bodies:project-owners (ontology/bodies.ttl) without their plural "các"."""
    types = body_types()
    words = {
        re.sub(r"^cac\s+", "", fold(label))
        for t in collection("project-owners")
        for label in types[t].labels
    }
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(space.join(map(re.escape, w.split())) for w in ordered) + ")"


def _qualified(b: object) -> bool:
    return bool(getattr(getattr(b, "type", None), "qualified", False))


def _body_at(pos: int, starts_body: Callable[[int], object | None]) -> bool:
    b = starts_body(pos)
    return b is not None and not _qualified(b)


def named(m: _M, text: str, starts_body: Callable[[int], object | None]) -> _M:
    """``m`` (a class's head word matched in ``text``) stretched over the class's name; a
    project's owners go on over the further projects of the same kind listed after it ("các
    chủ đầu tư nhà máy điện X 1, nhà máy điện X 2")."""
    m.end = class_end(text, m.end, m.type.qualifier_stops, starts_body)
    if m.type.id in collection("project-owners"):
        m.end = _more_projects(text, m.end, m.type.qualifier_stops, starts_body)
    m.as_written = text[m.start : m.end]
    return m


def _more_projects(
    text: str, end: int, stops: frozenset[str], starts_body: Callable[[int], object | None]
) -> int:
    """Where a list of projects of one kind after an owner's name ends (``end``: where the
    first project's name ends). The kind is the lower-case words the first project's name
    opens with before its proper name ("nhà máy điện hạt nhân" before "Ninh Thuận 1"); a
    further project opens with the same words."""
    folded = fold_same_length(text)
    lo = max(0, end - 200)
    heads = list(re.finditer(owner_words(r"[ \t]+") + r"(?![a-z])", folded[lo:end]))
    head = heads[-1] if heads else None
    if head is None:
        return end
    words = [w for w in re.finditer(r"\S+", text[lo + head.end() : end])]
    kind: list[str] = []
    for w in words:
        if w.group(0)[:1].isupper() or w.group(0)[:1].isdigit():
            break
        if kind or fold_same_length(w.group(0)) != "cac":
            kind.append(fold_same_length(w.group(0)).lower())
    else:
        return end  # no proper name: a class ("chủ đầu tư các dự án đầu tư công")
    if not kind:
        return end
    lead = re.compile(r"[ \t]+".join(map(re.escape, kind[:2])) + r"(?![a-z])")
    while True:
        join = _JOIN.match(folded, end)
        if join is None or join.end() <= end:
            return end
        same = lead.match(folded, join.end())
        at = same.end() if same is not None else join.end()
        if same is None:  # "... X 1, X 2": the kind printed once, a proper name after it
            if not text[at : at + 1].isupper() or starts_body(at) is not None:
                return end
            while at > end and text[at - 1].isspace():
                at -= 1
        nxt = class_end(text, at, stops, starts_body)
        if nxt <= at:
            return end
        end = nxt


def class_name(as_written: str) -> str:
    """The class as printed, one line, its first letter capitalised, without the area it is
    printed in (kg.extract.collectives.without_area)."""
    printed = collectives.without_area(" ".join(as_written.split()))
    return printed[:1].upper() + printed[1:]
