"""graph/derived: what the canned queries would otherwise compute with property paths.

pyoxigraph evaluates a path such as ``?b (org:changedBy/org:resultingOrganization)* ?x``
by walking it from every node it might start at; on a national store on disk that
takes minutes (body_successors: 112 s at 150 generated plans). The build computes the
closures once, in Python, from the edges (one pattern each), and writes them here:

- ``?b dkg:successorOrSelf ?x``: ``?x`` is ``?b`` or a body that took over its functions
  through a chain of W3C ORG change events (kg.reorg), for every body that changed.
- ``?d dkg:cascadeAncestor ?a``: ``?d dkg:cascadesFrom+ ?a`` (a plan, the document it
  implements, what that one implements, ...).

The graph is recomputed whole by every build, after all other graphs (kg.build), so
it always agrees with them; its quads follow from the store alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.rdf import IRIs
from kg.store import iter_rows
from kg.vocab import DKG

_CHANGES = """
SELECT ?b ?next WHERE { ?b org:changedBy ?ev . OPTIONAL { ?ev org:resultingOrganization ?next } }
"""
_CASCADES = "SELECT ?d ?parent WHERE { ?d dkg:cascadesFrom ?parent }"


def _closure(edges: dict[str, set[str]], start: str) -> set[str]:
    """Every node reachable from ``start`` in one or more steps."""
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(edges.get(node, ()))
    return seen


def _edges(store, query: str, a: str, b: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in iter_rows(store, query):
        targets = out.setdefault(row[a], set())
        if row[b] is not None:
            targets.add(row[b])
    return out


def derived_quads(store, base: str) -> Iterator[tuple]:
    """The closures of the store's change chains and cascades, in graph/derived."""
    from rdflib import URIRef

    g = IRIs(base).derived_graph
    changes = _edges(store, _CHANGES, "b", "next")
    for body in sorted(changes):
        for x in sorted(_closure(changes, body) | {body}):
            yield (URIRef(body), DKG.successorOrSelf, URIRef(x), g)
    cascades = _edges(store, _CASCADES, "d", "parent")
    for doc in sorted(cascades):
        for ancestor in sorted(_closure(cascades, doc)):
            yield (URIRef(doc), DKG.cascadeAncestor, URIRef(ancestor), g)
