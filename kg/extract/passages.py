"""What reporting and targets both read: the body's sentences, who owns a passage, the plan's year.

Kept apart so neither extractor imports the other (they used to import each other).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.models import Assignment, DocumentFacts, Node, Span, Structure

_SENTENCE = re.compile(r"(?:[^.!?]|(?<=\d)\.(?=\d))+(?:[.!?]+|$)")  # "2.000" is one number
ANY_YEAR = re.compile(r"(?<![\w/])năm\s+(\d{4})(?!\d)", re.IGNORECASE)


def sentences(structure: Structure) -> Iterator[tuple[int, str]]:
    """(clean offset, sentence) for every sentence of the body, in order."""
    for base, sent, _titles in sentences_in(structure):
        yield base, sent


def sentences_in(structure: Structure) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(clean offset, sentence, titles of the headings above it) for the whole body."""
    clean = structure.clean.text

    def visit(n: Node, titles: tuple[str, ...]) -> Iterator[tuple[int, str, tuple[str, ...]]]:
        for base, sent in _node_sentences(clean, n):
            yield base, sent, titles
        inner = (
            (*titles, n.title or "") if n.kind in ("part", "article", "item", "point") else titles
        )
        for c in n.children:
            yield from visit(c, inner)

    for top in structure.body:
        yield from visit(top, ())


def _node_sentences(clean: str, n: Node) -> Iterator[tuple[int, str]]:
    text = clean[n.clean_start : n.clean_end]
    for m in _SENTENCE.finditer(text):
        s = m.group(0)
        if s.strip():
            yield n.clean_start + m.start(), s


def owner_of(span: Span, assignments: list[Assignment]) -> Assignment | None:
    """The assignment whose duty holds this passage (a sentence inside a body's section)."""
    for a in assignments:
        for d in a.duties:
            if d.span.start < span.end and span.start < d.span.end:
                return a
    return None


def plan_year(facts: DocumentFacts | None) -> int | None:
    """The year an annual plan is for: "... năm 2024" in its subject, near its issue year.

    A subject may also name an older document's year ("Luật Trẻ em năm 2016"), so the year
    must be within one of the issue date when the date is known.
    """
    if facts is None or not facts.subject:
        return None
    # a trích yếu is one phrase: a year after a sentence end belongs to text that ran into it
    subject = re.split(r"[.;]\s+(?=[A-ZĐÀ-Ỹ])", facts.subject, maxsplit=1)[0]
    years = [int(m.group(1)) for m in ANY_YEAR.finditer(subject)]
    issued = int(facts.date[:4]) if facts.date and facts.date[:4].isdigit() else None
    if issued is not None:
        years = [y for y in years if abs(y - issued) <= 1]
    return years[-1] if years else None
