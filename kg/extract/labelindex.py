"""Many labels searched at once, by the word they start with.

One regex of thousands of alternatives (kg.extract.body_match's gazetteer of body labels)
makes Python's engine try every alternative at every position of a text: on generated
plans, a sixth of extraction. Two labels can match at the same position only if their
first words start with the same letters and digits (a first word is printed as is, and
what follows it in a label, a separator or the end, is no letter or digit). So the
labels are grouped by that run, and a search looks only at the starts of words whose
run has a group, trying that group's regex there: the same matches, found faster.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

_RUN = re.compile(r"[a-z0-9]*")
_RUN_START = re.compile(r"(?<![a-z0-9])[a-z0-9]+")
_FIRST_WORD = re.compile(r"\s*[,&\-]\s*|\s+")


class LabelIndex:
    """``compile(labels)`` is a regex of the labels as alternatives (in that order), each
    starting with ``(?<![a-z0-9])``; ``alts`` are the folded labels in priority order."""

    def __init__(self, alts: list[str], compile: Callable[[list[str]], re.Pattern[str]]):
        self.alts, self._compile = alts, compile
        by_run: dict[str, list[str]] = {}
        for a in alts:  # in order: each group keeps the labels' order
            run = _RUN.match(_FIRST_WORD.split(a.strip(), maxsplit=1)[0]).group()
            by_run.setdefault(run, []).append(a)
        # a label starting with no letter or digit: the one regex is used
        self.groups = None if "" in by_run else by_run
        self._regex: dict[str, re.Pattern[str]] = {}  # each group's, compiled when first used

    def _group(self, run: str) -> re.Pattern[str] | None:
        found = self._regex.get(run)
        if found is None and self.groups is not None and run in self.groups:
            found = self._regex[run] = self._compile(self.groups[run])
        return found

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every label in one regex (compiled only when used: it takes a while)."""
        return self._compile(self.alts)

    def search(self, folded: str, pos: int = 0) -> re.Match[str] | None:
        """``pattern.search``: the leftmost match, the first label in order there."""
        if self.groups is None:
            return self.pattern.search(folded, pos)
        for w in _RUN_START.finditer(folded, pos):
            group = self._group(w.group())
            m = group.match(folded, w.start()) if group is not None else None
            if m is not None:
                return m
        return None

    def match(self, folded: str, pos: int) -> re.Match[str] | None:
        """``pattern.match``."""
        if self.groups is None:
            return self.pattern.match(folded, pos)
        group = self._group(_RUN.match(folded, pos).group())
        return group.match(folded, pos) if group is not None else None
