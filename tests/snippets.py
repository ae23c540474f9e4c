"""Helpers for tests that extract short hand-written Vietnamese snippets (one home for the
duty-reader and whole-record calls the drafting-shape tests share)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.extract.bodies import Context, canonical, find_bodies
from kg.extract.duties import extract_assignments
from kg.models import Assignment, DocumentFacts, Finding, SourceText
from kg.pipeline import extract_source
from kg.records import to_gold_dict
from kg.structure import parse
from kg.text import clean_text, normalize_key


def duties_of(body: str, facts: DocumentFacts) -> tuple[list[Assignment], list[Finding]]:
    """The duty reader alone on ``body``, issued by ``facts``."""
    return extract_assignments(parse(clean_text(body)), Context.from_facts(facts))


def named_bodies(text: str, facts: DocumentFacts) -> list[tuple[str, str]]:
    """(canonical name, body type) of each body found in ``text``, as ``facts``' issuer sees it."""
    ctx = Context.from_facts(facts)
    return [(canonical(m, ctx)[0], m.type.id) for m in find_bodies(text)]


def table(assignments: list[Assignment]) -> list[tuple[str, str, int]]:
    """(body, mode, number of duties) of each assignment, in order."""
    return [(a.body.name, a.mode, len(a.duties)) for a in assignments]


def source(text: str, name: str = "x.txt") -> SourceText:
    """``text`` as a source file read from disk would be."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return SourceText(path=Path(name), name=name, text=text, encoding="utf-8", sha256=sha)


def record(text: str, name: str = "x.txt") -> dict:
    """The exported record (SCHEMA.md) of a whole document's text."""
    return to_gold_dict(extract_source(source(text, name)))


def agencies(text: str, name: str = "x.txt") -> dict[str, dict]:
    """A whole document's assignments by normalised body name."""
    return {normalize_key(a["agency"]): a for a in record(text, name)["assignments"]}
