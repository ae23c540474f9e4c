"""Cascades: the documents that implement a directive, directly or through others.

``trace`` reads the read model (kg.read) and walks the implements / guides links
(``dkg:cascadesFrom``) with networkx into one tree per matching document, with
issuer, level and date, optionally with the duties each plan hands out. Rendering
for the terminal lives in kg.cli_render.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import DkgError
from kg.numbers import number_key
from kg.read import LEVEL_RANK, Document, Duty, ReadModel, load_model
from kg.read.cascade import cascade_model
from kg.text import fold


@dataclass
class TraceNode:
    doc: Document
    depth: int
    via: list[str] = field(default_factory=list)  # the parents in this cascade it carries out
    children: list[TraceNode] = field(default_factory=list)
    duties: list[Duty] | None = None
    repeated: bool = False  # already expanded elsewhere in the tree
    shown_under: str | None = None  # for a repeat: the parent under which it is expanded

    def walk(self) -> Iterator[TraceNode]:
        yield self
        for c in self.children:
            yield from c.walk()


def cascade_graph(model: ReadModel) -> nx.DiGraph:
    """Directed graph parent → child over the implements / guides links."""
    g = nx.DiGraph()
    for iri, info in model.docs.items():
        g.add_node(iri, info=info)
    for parent, kids in model.implemented_by().items():
        for child in kids:
            for n in (parent, child):
                if n not in g:
                    g.add_node(n, info=Document(iri=n))
            g.add_edge(parent, child)
    return g


def find_documents(doc: str, docs: dict[str, Document]) -> list[str]:
    """Documents a user means by ``doc``: an IRI, a number in any printing, or a name."""
    doc = doc.strip()
    if doc in docs:
        return [doc]
    key = number_key(doc) if re.search(r"\d", doc) else None
    if key:
        found = [
            iri
            for iri, d in docs.items()
            if any(number_key(p) == key for p in [*d.printed_as, *([d.number] if d.number else [])])
        ]
        if found:
            return sorted(found)
    wanted = fold(doc)
    found = [iri for iri, d in docs.items() if d.label and wanted and wanted in fold(d.label)]
    if found:
        return sorted(found)
    known = sorted({d.number for d in docs.values() if d.number})
    hint = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    raise DkgError(f"no document '{doc}' in the store (numbers known: {hint or 'none'})")


def trace_model(source: Any, doc: str, with_duties: bool = False) -> ReadModel:
    """What a trace of ``doc`` reads: without duties, only the documents of its cascade
    (kg.read.cascade; seconds, not minutes, at national scale); with them, the whole model."""
    return load_model(source) if with_duties else cascade_model(source, doc)


def _sort_key(g: nx.DiGraph, n: str) -> tuple:
    d: Document = g.nodes[n]["info"]
    return (LEVEL_RANK.get(d.level or "", 9), d.date or "9999", d.name, n)


def trace(
    source: Any, doc: str, depth: int | None = None, with_duties: bool = False
) -> list[TraceNode]:
    """The cascade under ``doc`` as one tree per matching document (normally one).

    ``source`` is a store or a ReadModel. A plan that carries out the directive along
    several paths (directly and through a provincial guidance) appears under each
    parent; its subtree is expanded once, at its first appearance, and marked
    ``repeated`` elsewhere.
    """
    model = trace_model(source, doc, with_duties)
    g = cascade_graph(model)
    roots = model.found.get(doc) or find_documents(doc, model.docs)
    duties = model.duties_by_doc if with_duties else {}
    return [_breadth_first_tree(g, r, depth, duties, with_duties) for r in roots]


def _breadth_first_tree(g: nx.DiGraph, root, depth, duties, with_duties) -> TraceNode:
    """Build the tree so that each document is expanded at its shallowest position.

    Reads ``g``'s adjacency directly, restricted to ``root`` and what lies under it (a view
    of that subgraph filtered every neighbour again: seconds for a national cascade)."""
    shortest = nx.single_source_shortest_path_length(g, root)  # exactly what lies under it
    key = {n: _sort_key(g, n) for n in shortest}
    preds = {
        n: sorted((p for p in g.pred[n] if p in shortest), key=key.__getitem__) for n in shortest
    }
    expand_parent: dict[str, str] = {}
    for n in sorted(shortest, key=lambda k: (shortest[k], key[k])):
        if n == root:
            continue
        parents = [p for p in preds[n] if shortest[p] == shortest[n] - 1]
        expand_parent[n] = parents[0]  # preds are sorted: the first is the smallest

    def make(n: str, level: int, parent: str | None) -> TraceNode:
        node = TraceNode(doc=g.nodes[n]["info"], depth=level, via=preds[n] if parent else [])
        if parent is not None and expand_parent.get(n) != parent:
            node.repeated = True
            node.shown_under = expand_parent.get(n)
            return node
        if with_duties:
            node.duties = list(duties.get(n, []))
        if depth is None or level < depth:
            kids = sorted(g.succ[n], key=key.__getitem__)
            node.children = [make(k, level + 1, n) for k in kids]
        return node

    return make(root, 0, None)
