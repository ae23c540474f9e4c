"""Reading only the documents of one cascade, for ``dkg trace`` at national scale.

``load_model`` reads the whole graph (documents, bodies, evidence, duties ...): at 10,000
plans on the on-disk store that took over two minutes before a trace could start. A trace
without duties needs only the documents under the directive and the implements / guides
links between them; graph/derived already holds the cascade (``?d dkg:cascadeAncestor ?a``,
kg.derived), so the documents are found with one lookup per root and read with a few
queries bound to the root, never over the whole store.

``cascade_model`` gives a ReadModel with those documents and links only; kg.trace walks it
exactly as it walks the whole model. Where the roots cannot be found by number among the
documents (an IRI, a name, no match), or the store has no graph/derived, it returns the
whole model, so trace answers (and fails) exactly as before.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from kg.endpoint import Endpoint
from kg.numbers import number_key
from kg.queries import select_values
from kg.read.load import _DOC_FIELDS, document_of
from kg.read.model import DocLink, ReadModel
from kg.read.scan import load_model
from kg.sparql import packed_select

# every printing of every document's number (documents only: references print numbers too),
# each property in its own sub-SELECT, joined by hashing (10,000 plans: 0.31 -> 0.14 s)
Q_NUMBERS = """SELECT DISTINCT ?doc ?printed WHERE {
  { SELECT ?doc WHERE { ?doc a dkg:Document } }
  { { SELECT ?doc ?printed WHERE { ?doc dkg:printedAs ?printed } }
    UNION { SELECT ?doc ?printed WHERE { ?doc eli:id_local ?printed } } }
}"""

Q_HAS_DERIVED = """SELECT ?doc WHERE { ?doc dkg:cascadeAncestor ?root } LIMIT 1"""
Q_MEMBERS = """SELECT ?doc WHERE { ?doc dkg:cascadeAncestor ?root }"""

# Each runs with ?doc bound (the root), with UNDER (the documents under ?root) or with
# nothing (every document, read in order and kept where it is under the root: for a
# national cascade, four times faster than a lookup per document). Each property is read
# in its own sub-SELECT, which pyoxigraph joins to UNDER by hashing, where a plain pattern
# would be looked up on disk once per document (kg.queries).
UNDER = "{ SELECT ?doc WHERE { ?doc dkg:cascadeAncestor ?root } }"
Q_FIELD = """SELECT ?doc ?o WHERE { %s { SELECT ?doc ?o WHERE { ?doc ?p ?o } } }"""
Q_PRINTED = """SELECT DISTINCT ?doc ?printed WHERE { %s
  { SELECT ?doc ?printed WHERE { ?doc dkg:printedAs ?printed } }
}"""
Q_TYPES = """SELECT ?doc ?label WHERE { %s
  { SELECT ?doc ?t WHERE { ?doc eli:type_document ?t } }
  ?t skos:prefLabel ?label .
  FILTER (lang(?label) = "vi" || lang(?label) = "")
}"""
# the implements / guides links (kg.read.load's Q_LINKS): kg.rdf writes dkg:cascadesFrom
# with each eli:ensures_implementation_of, and dkg:guidanceFor only along with them
Q_LINKS = """SELECT ?doc ?cited WHERE { %s
  { SELECT ?doc ?cited WHERE { ?doc dkg:cascadesFrom ?cited } }
}"""

# the fields of kg.read.load's Q_DOCS that a trace shows; the first four are written for
# documents only (a scan reads little else), the others for bodies and places too
_SCANNED = ("id_local", "date", "issuerText", "ingested")
_LOOKED_UP = ("level", "kind", "label")


def find_roots(source: Any, doc: str) -> list[str]:
    """Documents whose number, in any printing, is ``doc`` (kg.trace.find_documents's
    number rule); empty when ``doc`` is no number or no document prints it."""
    key = number_key(doc.strip()) if any(c.isdigit() for c in doc) else None
    if not key or "://" in doc:
        return []
    return sorted({r["doc"] for r in _rows(source, Q_NUMBERS) if number_key(r["printed"]) == key})


def cascade_model(source: Any, doc: str) -> ReadModel:
    """The documents of the cascade under ``doc`` and their links, as a ReadModel (or the
    whole model where the cascade cannot be read on its own: see the module's docstring)."""
    if isinstance(source, ReadModel):
        return source
    roots = find_roots(source, doc)
    if not roots or not select_values(source, Q_HAS_DERIVED):
        return load_model(source)
    model = ReadModel()
    fields: dict[str, dict[str, Any]] = {}
    printed: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    links: set[tuple[str, str]] = set()
    for root in roots:
        node = ox.NamedNode(root)
        under = {r["doc"] for r in _rows(source, Q_MEMBERS, {"root": node})}
        fields.setdefault(root, {})
        # the root itself, then the documents under it: by lookup, or where there are many
        # (a scan of every document costs about 1,000 lookups), by scanning what can be
        for reading in (
            _Reading(source, "", {"doc": node}, None),
            _Reading(source, UNDER, {"root": node}, under if len(under) > 1000 else None),
        ):
            for iri, name in _DOC_FIELDS.items():
                field = iri.rsplit("#", 1)[-1]
                if field in _SCANNED or field in _LOOKED_UP:
                    rows = reading.rows(Q_FIELD, {"p": ox.NamedNode(iri)}, field in _SCANNED)
                    for r in rows:
                        if r["o"] is not None:
                            fields.setdefault(r["doc"], {}).setdefault(name, r["o"])
            for r in reading.rows(Q_PRINTED, None, False):  # references print too: no scan
                printed.setdefault(r["doc"], set()).add(r["printed"])
            for r in reading.rows(Q_TYPES):
                types.setdefault(r["doc"], r["label"])
            if reading.where:
                links.update((r["doc"], r["cited"]) for r in reading.rows(Q_LINKS))
    model.links.extend(DocLink(citing, cited, "implements") for citing, cited in sorted(links))
    model.found[doc] = roots
    for iri in sorted({*fields, *printed}):
        model.docs[iri] = document_of(
            iri, fields.get(iri, {}), types.get(iri), printed_as=sorted(printed.get(iri, ()))
        )
    return model


class _Reading:
    """One way of reading rows for a set of documents: ``where`` restricts ``?doc`` (with
    ``bound``); with ``keep``, a query that may scan does so and keeps those documents."""

    def __init__(self, source: Any, where: str, bound: dict, keep: set[str] | None) -> None:
        self.source, self.where, self.bound, self.keep = source, where, bound, keep

    def rows(self, query: str, extra: dict | None = None, scan: bool = True) -> list[dict]:
        keep = self.keep if scan else None
        where, bound = ("", {}) if keep is not None else (self.where, self.bound)
        got = _rows(self.source, query % where, {**bound, **(extra or {})} or None)
        return got if keep is None else [r for r in got if r["doc"] in keep]


# A row's values joined by US and the rows by RS, in one string: what the engine reads from
# disk is the same, but the embedded store hands Python one value instead of thousands of
# rows (3,000 plans: a document IRI read in a row costs 15 us, packed 3 us)
_US, _RS = "\x1f", "\x1e"
_PROJECTION = re.compile(r"^\s*SELECT\s+(?:DISTINCT\s+)?((?:\?\w+\s+)+)WHERE", re.IGNORECASE)


def _rows(source: Any, query: str, bindings: dict | None = None) -> list[dict[str, str]]:
    """``select_values(source, query, bindings)`` for a query whose every column is bound in
    every row (an IRI or a literal), read as one packed value on the embedded store. The
    values come as strings (a boolean as "true" / "false", as kg.read.load reads it either
    way); a remote endpoint, or a value that holds a separator, gets the rows as they are."""
    names = _PROJECTION.match(query)
    if isinstance(source, Endpoint) or names is None:
        return select_values(source, query, bindings)
    cols = [v[1:] for v in names.group(1).split()]
    found = select_values(source, packed_select(query, cols), bindings)
    packed = found[0]["packed"] if found else None
    if packed is None:  # an error in a row (a blank node has no STR): read them as they are
        return select_values(source, query, bindings)
    if packed == "":
        return []
    rows = [rec.split(_US) for rec in packed.split(_RS)]
    if any(len(r) != len(cols) for r in rows):
        return select_values(source, query, bindings)
    return [dict(zip(cols, r, strict=True)) for r in rows]
