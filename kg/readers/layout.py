"""Lay out structured documents (web pages, Word files) as the text the stages parse.

Paragraphs become lines. Tables follow how Vietnamese documents use them:
- a table of one or two columns is layout (the header's issuer | motto, number |
  place and date; the signature's recipients | signer): its cells are read one
  after the other, each on its own lines, as a person reads the page;
- a wider table is data (the task appendix: TT | content | lead | partners | time):
  one line per row, cells separated by a tab, the form the structure stage reads
  as table rows. A cell's own line breaks become spaces; an empty cell between
  others is written "-" so the columns after it keep their place.
Each piece of text keeps a ``Segment`` saying where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.models import Segment

_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[^\S\t]+")
EMPTY_CELL = "-"


@dataclass
class Piece:
    """A run of text and where it came from in the original."""

    text: str
    where: str
    offset: int | None = None


@dataclass
class Cell:
    """A table cell as lines of pieces (one list per paragraph of the cell)."""

    lines: list[list[Piece]] = field(default_factory=list)

    def flat(self) -> str:
        return " ".join(_WS.sub(" ", "".join(p.text for p in line)).strip() for line in self.lines)


class Layout:
    """Text being built line by line, with segments back to the original."""

    def __init__(self) -> None:
        self._out: list[str] = []
        self._len = 0
        self.segments: list[Segment] = []

    def _put(self, text: str, where: str = "", offset: int | None = None) -> None:
        if not text:
            return
        if where:
            self.segments.append(Segment(self._len, self._len + len(text), where, offset))
        self._out.append(text)
        self._len += len(text)

    def line(self, pieces: list[Piece], keep_tabs: bool = False) -> None:
        """One line from pieces: white space inside collapsed (tabs kept when they are
        column gaps), edges trimmed."""
        ws = _SPACES if keep_tabs else _WS
        texts = [ws.sub(" ", p.text) for p in pieces]
        joined = "".join(texts)
        lead = len(joined) - len(joined.lstrip())
        total = len(joined.rstrip())
        pos = 0
        for p, t in zip(pieces, texts, strict=True):
            s, e = max(pos, lead), min(pos + len(t), total)
            if e > s:
                self._put(joined[s:e], p.where, p.offset)
            pos += len(t)
        if total > lead:
            self._put("\n")

    def blank(self) -> None:
        """An empty line, unless the text already ends with one."""
        if self._out and not "".join(self._out[-2:]).endswith("\n\n"):
            self._put("\n" if self._out[-1].endswith("\n") else "\n\n")

    def table(self, rows: list[list[Cell]]) -> None:
        width = max((len(r) for r in rows), default=0)
        self.blank()
        if width <= 2:
            for row in rows:
                for cell in row:
                    for ln in cell.lines:
                        self.line(ln)
                    self.blank()
            return
        for row in rows:
            texts = [c.flat() for c in row]
            last = max((i for i, t in enumerate(texts) if t), default=-1)
            if last < 0:
                continue
            for i, (cell, t) in enumerate(zip(row[: last + 1], texts, strict=False)):
                if i:
                    self._put("\t")
                first = next((p for ln in cell.lines for p in ln if p.text.strip()), None)
                if t:
                    self._put(t, first.where if first else "", first.offset if first else None)
                else:
                    self._put(EMPTY_CELL)
            self._put("\n")
        self.blank()

    def text(self) -> str:
        return "".join(self._out)
