"""How a long library call says how far it has come, and how its problems are summed up.

The library never draws anything: build, push, validate and export call a ``Progress``
callback as they go (the CLI turns the calls into a progress bar on a terminal and one
line per stage elsewhere; tests record them). A stage is announced with ``done == 0``
and is over when ``done == total``; ``item`` names the file or graph just finished.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Progress = Callable[[str, int, int, str], None]  # (stage, done, total, item)


def report(progress: Progress | None, stage: str, done: int, total: int, item: str = "") -> None:
    """Call ``progress`` if there is one (the library's one way of reporting)."""
    if progress is not None:
        progress(stage, done, total, item)


class Step:
    """A stage with no countable items (resolve, exports, site): announced, then done.

    ``with Step(progress, "site"):`` reports (0, 1) on entry and (1, 1) on a normal exit.
    """

    def __init__(self, progress: Progress | None, stage: str, item: str = "") -> None:
        self.progress, self.stage, self.item = progress, stage, item

    def __enter__(self) -> Step:
        report(self.progress, self.stage, 0, 1, self.item)
        return self

    def __exit__(self, kind, value, tb) -> None:
        if kind is None:
            report(self.progress, self.stage, 1, 1, self.item)


# ---------------------------------------------------------------- problems, grouped

_DETAIL = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])")  # "(KeyError: 'x')", "[Violation]"
_IRI = re.compile(r"<?\b[a-z][a-z0-9+.-]*://\S*?>?(?=[\s:]|$)")
_EMPTY = re.compile(r"(:\s*)+:")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")


@dataclass
class ProblemGroup:
    """One kind of problem and the files that have it."""

    kind: str
    files: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)  # the first few lines as printed


def split_problem(line: str) -> tuple[str, str]:
    """'FILE: message' -> (file, message); a line without a file gives ('', line)."""
    head, sep, rest = line.partition(": ")
    if not sep or not ("/" in head or "." in head):
        return "", line
    return head, rest


def problem_kind(message: str) -> str:
    """What a message is about, without the case's details (numbers, quotes, the
    parenthesised cause): 'cannot turn into RDF (KeyError: x)' -> 'cannot turn into RDF'."""
    kind = _IRI.sub("", _DETAIL.sub("", message)) or message
    kind = _EMPTY.sub(":", _QUOTED.sub("…", kind))
    return " ".join(_NUMBER.sub("N", kind).split()).strip(" :") or message


def group_problems(lines: Iterable[str], examples: int = 3) -> list[ProblemGroup]:
    """Problems by kind, the most widespread first (then by name, for a stable order)."""
    groups: dict[str, ProblemGroup] = {}
    for line in lines:
        file, message = split_problem(line)
        group = groups.setdefault(problem_kind(message), ProblemGroup(problem_kind(message)))
        if file and file not in group.files:
            group.files.append(file)
        if len(group.examples) < examples:
            group.examples.append(line)
    return sorted(groups.values(), key=lambda g: (-max(len(g.files), 1), g.kind))
