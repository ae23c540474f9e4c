"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations


class DkgError(Exception):
    """A problem the user can act on; the CLI prints it and exits non-zero."""


class SourceError(DkgError):
    """A source file that cannot be read: names the file and the problem."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem

    def __reduce__(self):  # travels to and from worker processes intact
        return (SourceError, (self.name, self.problem))
