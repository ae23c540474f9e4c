"""The project a bare "Chủ đầu tư" / "Nhà đầu tư" is the owner of.

A Government notice of a leader's site visit, or a provincial letter on several projects,
orders its items by project ("1. Về Dự án Nhà máy điện X", "2. Dự án đường cao tốc Y:") and
under each writes only "Chủ đầu tư ..." for that project's owner: a different body in each
item. Named with its project ("Chủ đầu tư dự án Nhà máy điện X"), each is its own duty
holder; named bare, the owners of every project would merge into one. A qualified class
("Các chủ đầu tư xây dựng hạ tầng khu công nghiệp", "Chủ đầu tư các dự án đầu tư công")
keeps the name it is printed with.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.actor_classes import owner_words
from kg.extract.body_match import BodyMatch
from kg.models import Node, Structure
from kg.refdata import collection
from kg.text import fold_same_length

# an item's heading that names one project: "Về Dự án ...", "Dự án ...:"
_PROJECT = re.compile(r"\s*(?:ve\s+)?(du\s+an\s+[^\s:;][^:;]{2,160}?)\s*[:.]?\s*")
# an item that names its project before the colon of its own text: "Về dự án X: ..."
_ABOUT_PROJECT = re.compile(r"\s*ve\s+(du\s+an\s+[^\s:;][^:;]{2,160}?)\s*:")
_BARE = re.compile(owner_words())


def _heading(structure: Structure, node: Node, pos: int) -> str:
    """An item's heading: its own text and the lines a web copy wrapped off it (unmarked
    paragraphs before its first marked child), when ``pos`` lies past them."""
    marked = [c.clean_start for c in node.children if c.marker and c.kind != "paragraph"]
    end = min(marked, default=node.clean_end)
    text = structure.clean.text[node.text_start : end] if pos >= end else node.text
    return " ".join(text.split())


def project_of(structure: Structure, pos: int) -> str | None:
    """The project ("dự án Nhà máy điện X") the innermost numbered item holding clean offset
    ``pos`` is about, when its heading names one project and nothing else; else None."""
    found: str | None = None
    nodes = structure.body
    while True:
        holder = next((n for n in nodes if _holds(n, pos)), None)
        if holder is None:
            return found
        own_end = holder.text_start + len(holder.text)
        if holder.marker and holder.kind != "paragraph" and not holder.clean_start <= pos < own_end:
            title = _heading(structure, holder, pos)
            m = _PROJECT.fullmatch(fold_same_length(title))
            found = title[m.start(1) : m.end(1)] if m else found
        elif holder.marker and holder.kind != "paragraph":
            # "2. Về dự án Nhà máy điện X: Chủ đầu tư khẩn trương ...": the item's own matter
            m = _ABOUT_PROJECT.match(fold_same_length(holder.text))
            if m and holder.text_start + m.end() <= pos:
                found = " ".join(holder.text[m.start(1) : m.end(1)].split())
        nodes = holder.children


def _holds(node: Node, pos: int) -> bool:
    """Does the node or one of its children cover clean offset ``pos``?"""
    if node.clean_start <= pos < node.clean_end:
        return True
    return any(_holds(c, pos) for c in node.children)


def owns_projects(type_id: str | None) -> bool:
    """Is a body type a project's owner or investor (ontology/bodies.ttl,
    bodies:project-owners)?"""
    return type_id in collection("project-owners")


def owner_name(name: str, type_id: str, project: str | None) -> str:
    """A bare project owner's name with its project ("Chủ đầu tư dự án X"), else ``name``."""
    if project is None or not owns_projects(type_id):
        return name
    if not _BARE.fullmatch(" ".join(fold_same_length(name).lower().split())):
        return name
    return f"{name} {project[:1].lower()}{project[1:]}"


# the owner's head word as printed, with a plural "các" before it or before the projects
_OWNER = re.compile(r"(cac\s+)?(" + owner_words() + r")(\s+cac(?=\s))?")
# where one project of a list ends and the next begins
_NEXT = re.compile(r"\s*,\s*(?:va\s+)?|\s+va\s+")


def per_project(as_written: str) -> list[tuple[int, int, str]] | None:
    """The owners a plural owners' name gives, one per project it lists ("các chủ đầu tư nhà
    máy điện X 1, nhà máy điện X 2", "chủ đầu tư các dự án nhà máy điện X 1 và X 2": the
    README's one owner per project): (start, end, name) of each in ``as_written``, the first
    from the head word on; None when the name lists no two projects by proper name."""
    folded = fold_same_length(as_written)
    owner = _OWNER.match(folded)
    if owner is None or not (owner.group(1) or owner.group(3)):
        return None
    head = as_written[owner.start(2) : owner.end(2)]
    head = head[:1].upper() + head[1:]
    parts: list[tuple[int, int]] = []
    pos = owner.end()
    while pos < len(as_written) and as_written[pos].isspace():
        pos += 1
    for sep in _NEXT.finditer(folded, pos):
        parts.append((pos, sep.start()))
        pos = sep.end()
    parts.append((pos, len(as_written.rstrip())))
    if len(parts) < 2:
        return None
    first = as_written[parts[0][0] : parts[0][1]]
    proper = next((w for w in re.finditer(r"\S+", first) if w.group(0)[:1].isupper()), None)
    if proper is None or proper.start() == 0:
        return None
    kind = " ".join(first[: proper.start()].split())
    kind_f = fold_same_length(kind)
    out: list[tuple[int, int, str]] = []
    for k, (s, e) in enumerate(parts):
        part = " ".join(as_written[s:e].split())
        if fold_same_length(part).startswith(kind_f + " "):
            project = part
        elif part[:1].isupper() or part[:1].isdigit():
            project = f"{kind} {part}"  # "... X 1 và X 2": the kind printed once
        else:
            return None
        out.append((0 if k == 0 else s, e, f"{head} {project}"))
    return out


def owners(m: BodyMatch) -> list[tuple[BodyMatch, str | None]] | None:
    """A plural owners' match as one match per project it lists, each with its owner's name
    (``per_project``); None when it lists no two projects."""
    found = per_project(m.as_written) if owns_projects(m.type.id) else None
    if not found:
        return None
    out: list[tuple[BodyMatch, str | None]] = []
    for s, e, name in found:
        one = replace(m, start=m.start + s, end=m.start + e, label_end=m.start + e)
        one.as_written = m.as_written[s:e]
        out.append((one, name))
    return out
