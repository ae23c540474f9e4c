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

from kg.models import Node, Structure
from kg.refdata import collection
from kg.text import fold_same_length

# an item's heading that names one project: "Về Dự án ...", "Dự án ...:"
_PROJECT = re.compile(r"\s*(?:ve\s+)?(du\s+an\s+[^\s:;][^:;]{2,160}?)\s*[:.]?\s*")
# an item that names its project before the colon of its own text: "Về dự án X: ..."
_ABOUT_PROJECT = re.compile(r"\s*ve\s+(du\s+an\s+[^\s:;][^:;]{2,160}?)\s*:")
_BARE = re.compile(r"(?:chu|nha)\s+dau\s+tu")


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
