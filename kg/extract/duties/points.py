"""Points numbered in brackets in a body's work: "…, trong đó: (1) …; (2) …".

A plan, a telegram or a Party document often lists a body's tasks as "(1) … (2) … (3) …"
after a line that introduces them ("…, trong đó:", "…, cụ thể:", "… các nhiệm vụ sau:"), on
lines of their own or run together in one paragraph. The structure reader opens no unit at a
bracketed number (forms and footnotes print "(1)" too), so the duty reader splits the points
here: each point is one duty of the body that owns it, as each bullet is (GUIDE: counting),
and the introduction is no duty of its own, as the line before bullets is not. What the
introduction says of the body's part (chủ trì) and the partners it names carry over to
every point.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg import lexicon
from kg.extract.duties.rules import _Duty, role_of
from kg.text import fold_same_length

# the introduction ends with a colon right before "(1)"
_FIRST = re.compile(r":\s*(?=\(\s*1\s*\)\s*\S)")
_OPENS = re.compile(r"\s*\(\s*1\s*\)\s*\S")
# a later point opens a line or follows the end of the point before it
_NEXT = r"(?:(?<=[;.:!?…])|(?<=[;.:!?…]\s)|(?<=\n))\s*(?=\(\s*{n}\s*\)\s*\S)"
_TRIM = " \t\n;,"


def report_contents(intro: str) -> bool:
    """Does ``intro`` ask for a report and list what it must say ("… tổng hợp báo cáo cụ thể
    về một số nội dung sau:")? Its points are then the contents of that one report (figures
    to give), not tasks: the report is one duty, as sub-bullets that only continue a duty
    do not count again (GUIDE: counting)."""
    last = re.split(r"[.;]\s", fold_same_length(intro).rstrip())[-1]
    return bool(_CONTENTS.search(last))


# "báo cáo ... (về) (một số|các) nội dung / thông tin / số liệu sau:"
_CONTENTS = re.compile(
    r"\bbao\s+cao\b.{0,80}\b" + lexicon.phrase_alternation("report-contents") + r"(?:\s+chu\s+yeu)?"
    r"\s+(?:sau|nhu\s+sau|sau\s+day)\s*:$"
)


def _cuts(text: str, first: int) -> list[tuple[int, int]]:
    """(start, end) of each point of ``text`` from the "(1)" at ``first`` on: points
    numbered one after another; [] when fewer than two. Where one label is missing ("(4)"
    then "(6)"), the copy lost it: the numbering goes on, and the lost point is the line that
    opens a new sentence inside the point before, if one does."""
    starts = [first]
    pos = first + 1
    n = 2
    while n < 100:
        m = re.compile(_NEXT.format(n=n)).search(text, pos)
        if m is None:
            m = re.compile(_NEXT.format(n=n + 1)).search(text, pos)
            if m is None:
                break
            lost = _lost_point(text, starts[-1], m.start())
            if lost is not None:
                starts.append(lost)
            n += 1
        starts.append(m.end())
        pos = m.end() + 1
        n += 1
    if len(starts) < 2:
        return []
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def _lost_point(text: str, start: int, end: int) -> int | None:
    """Where a point whose label was lost begins between ``start`` and ``end``: the last line
    that opens with a capital after a line ending a sentence."""
    found = None
    for m in _LOST.finditer(text, start + 1, end):
        if text[m.end()].isupper():
            found = m.end()
    return found


# a line break after the end of a sentence, before a letter
_LOST = re.compile(r"(?<=[.;!?…])[ \t]*\n\s*(?=[^\W\d_])")


class _Joined:
    """The segments of one duty (its own text and the lines that continue it) read as one
    text, with the way back to clean offsets."""

    def __init__(self, clean: str, d: _Duty) -> None:
        self.segments = [(d.start, d.end), *d.extra]
        self.bases: list[int] = []
        parts: list[str] = []
        at = 0
        for s, e in self.segments:
            self.bases.append(at)
            parts.append(clean[s:e])
            at += e - s + 1
        self.text = "\n".join(parts)
        self.clean = clean

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clean spans of [start, end) of the joined text, trimmed, empty ones dropped."""
        out = []
        for (s, e), b in zip(self.segments, self.bases, strict=True):
            lo, hi = max(start, b), min(end, b + e - s)
            if lo >= hi:
                continue
            cs, ce = s + lo - b, s + hi - b
            while ce > cs and self.clean[ce - 1] in _TRIM:
                ce -= 1
            while cs < ce and self.clean[cs] in " \t\n":
                cs += 1
            if ce > cs:
                out.append((cs, ce))
        return out


def _split(clean: str, d: _Duty) -> list[_Duty] | None:
    """The points of ``d`` when its text introduces "(1) … (2) …", else None."""
    j = _Joined(clean, d)
    intro = _FIRST.search(j.text)
    if intro is None or report_contents(j.text[: intro.end()]):
        return None
    cuts = _cuts(j.text, intro.end())
    if not cuts:
        return None
    said = j.spans(0, intro.end())
    return _points(clean, d, [j.spans(s, e) for s, e in cuts], said)


def _points(
    clean: str, d: _Duty, pieces: list[list[tuple[int, int]]], intro: list[tuple[int, int]]
) -> list[_Duty]:
    """One duty per point, with what the introduction says of the body's part."""
    said = " ".join(clean[s:e] for s, e in intro)
    role = "lead" if said and role_of(said) == "lead" else d.role
    out = []
    for spans in pieces:
        if not spans:
            continue
        (s, e), rest = spans[0], spans[1:]
        out.append(replace(d, start=s, end=e, extra=rest, role=role, context=[*intro, *d.context]))
    return out


def _text(clean: str, d: _Duty) -> str:
    return _Joined(clean, d).text


def numbered_points(clean: str, duties: list) -> list:
    """``duties`` with every duty that introduces "(1) … (2) …" split into one duty per
    point; an introduction printed as a paragraph of its own before points printed as
    paragraphs of their own ("…, cụ thể:" / "(1) …" / "(2) …") is dropped, its role and
    partners given to the points (``clean`` is the clean text the duties index)."""
    out: list = []
    k = 0
    while k < len(duties):
        d = duties[k]
        k += 1
        if not isinstance(d, _Duty):
            out.append(d)
            continue
        parts = _split(clean, d)
        if parts:
            out.extend(parts)
            continue
        text = _text(clean, d).rstrip()
        run = []
        while text.endswith(":") and k + len(run) < len(duties):
            nxt = duties[k + len(run)]
            if not isinstance(nxt, _Duty) or not re.match(
                rf"\s*\(\s*{len(run) + 1}\s*\)\s*\S", _text(clean, nxt)
            ):
                break
            run.append(nxt)
        if len(run) < 2 or not _OPENS.match(_text(clean, run[0])) or report_contents(text):
            out.append(d)
            continue
        intro = _Joined(clean, d).spans(0, len(text))
        pieces = [[(p.start, p.end), *p.extra] for p in run]
        out.extend(_points(clean, d, pieces, intro))
        k += len(run)
    return out
