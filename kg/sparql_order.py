"""A query's final ORDER BY, applied in Python to the rows the embedded store gives.

pyoxigraph sorts by comparing terms, and every comparison of two IRIs or strings
reads both from the store on disk (its id-to-string table): n log n reads. At 2,000
generated plans, bodies_without_lead (5,801 rows) took 3.2 s with its ORDER BY and 1.0 s
without; sorting the same rows here costs milliseconds. So kg.queries runs a canned
query on the embedded store without its final ORDER BY and sorts the rows with
``sort_rows``, where every key of that ORDER BY is a variable (``?x``, ``ASC(?x)``,
``DESC(?x)``) that the query projects or groups by (``project_keys``: projected to sort
by, then dropped); otherwise the engine sorts, as before. A remote endpoint always gets
the query as written.

The order is SPARQL's (§15.1): unbound, then blank nodes, then IRIs, then literals;
numbers by value, other literals by their lexical form (code points, as Rust and
Python compare strings). Ties keep the engine's order (SPARQL leaves it open).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from kg.sparql import _scan_code

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {
    _XSD + t
    for t in [
        "integer",
        "decimal",
        "double",
        "float",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
}
_KEY_RE = re.compile(r"\s*(?:(ASC|DESC)\s*\(\s*\?(\w+)\s*\)|\?(\w+))", re.IGNORECASE)
_ORDER_RE = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_GROUP_RE = re.compile(r"\bGROUP\s+BY\b((?:\s*\?\w+)+)", re.IGNORECASE)
_WHERE_RE = re.compile(r"\bWHERE\b|\{", re.IGNORECASE)
_SELECT_RE = re.compile(r"\bSELECT\b(?:\s+(?:DISTINCT|REDUCED)\b)?", re.IGNORECASE)


def split_order(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """``text`` without its final ORDER BY and that clause's keys as (variable,
    descending), when the clause ends the query and every key is a plain variable;
    None otherwise (no clause, an expression, LIMIT / OFFSET after it)."""
    code = _scan_code(text)
    last = max((k for k, (_, c) in enumerate(code) if c == "}"), default=-1)
    if last < 0:
        return None
    tail = "".join(c for _, c in code[last + 1 :])
    m = _ORDER_RE.search(tail)
    if not m:
        return None
    keys, pos, clause = [], 0, tail[m.end() :]
    while pos < len(clause.rstrip()):
        k = _KEY_RE.match(clause, pos)
        if not k:
            return None
        keys.append((k.group(2) or k.group(3), (k.group(1) or "").upper() == "DESC"))
        pos = k.end()
    if not keys:
        return None
    start = code[last + 1 + m.start()][0]
    return text[:start].rstrip() + "\n", keys


def project_keys(text: str, missing: list[str]) -> str | None:
    """``text`` projecting ``missing`` too, where the rows stay the same with a column more
    (which the caller drops after sorting): a query without DISTINCT / REDUCED whose final
    GROUP BY holds each of ``missing`` (one value per group), or that has no GROUP BY and
    projects plain variables (a bag of rows: a column more adds none); None otherwise.
    topic_roles orders by a rank it does not show, duties_carried_now by a duty's order."""
    code = _scan_code(text)
    flat = "".join(c for _, c in code)
    select = _SELECT_RE.search(flat)
    if select is None or select.end() >= len(code) or select.group(0).split()[1:]:
        return None  # a DISTINCT / REDUCED row set would change with a column more
    group = _GROUP_RE.search(flat, flat.rfind("}") + 1)
    if group:
        if not set(missing) <= set(re.findall(r"\?(\w+)", group.group(1))):
            return None
    else:
        where = _WHERE_RE.search(flat, select.end())
        head = flat[select.end() : where.start()] if where else ""
        if not re.fullmatch(r"(\s*\?\w+)+\s*", head):
            return None  # an aggregate (one group of all rows) or SELECT *
    at = code[select.end()][0]
    return text[:at] + "".join(f" ?{v}" for v in missing) + text[at:]


def term_key(t: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> tuple:
    """A sort key putting terms in SPARQL's ORDER BY order."""
    if t is None:
        return (0,)
    if isinstance(t, ox.BlankNode):
        return (1, t.value)
    if isinstance(t, ox.NamedNode):
        return (2, t.value)
    if t.datatype.value in _NUMERIC:
        try:
            return (3, 0, float(t.value), t.value)
        except ValueError:
            pass
    # same text: language-tagged before plain, as pyoxigraph orders them
    return (3, 1, 0.0, t.value, 0 if t.language else 1, t.language or "", t.datatype.value)


def sort_rows(variables: Sequence[str], rows: list[list], keys: list[tuple[str, bool]]) -> list:
    """``rows`` sorted by ``keys`` (stable); each key must be one of ``variables``.

    A key is made once per distinct term of a column, not once per row and comparison:
    making one reads the term's datatype and value through pyoxigraph (a few microseconds),
    and a national answer repeats its terms (lineage at 2,000 plans: 6,907 distinct among
    95,544 values of three columns; 0.34 -> 0.11 s)."""
    index = {v: i for i, v in enumerate(variables)}
    order = list(range(len(rows)))
    for var, desc in reversed(keys):  # stable sorts, last key first
        i = index[var]
        made: dict = {}
        column = []
        for row in rows:
            t = row[i]
            k = made.get(t)
            if k is None:
                k = made[t] = term_key(t)
            column.append(k)
        order.sort(key=column.__getitem__, reverse=desc)
    return [rows[j] for j in order]
