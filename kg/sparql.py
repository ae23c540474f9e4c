"""Binding parameters into SPARQL text: the one way dkg binds values.

Each value is one RDF term; the terms go into a one-row ``VALUES`` block opening
the outermost WHERE group (and each sub-SELECT that mentions them), and the block
is parsed back on its own and must yield exactly those terms, so no value can
close the block or add a clause. Unlike pyoxigraph's ``substitutions`` (0.5),
this binds unprojected variables and the value is seen by BOUND() and BIND(),
and the same text runs on any SPARQL 1.1 endpoint.

One more place gets the term: where a parameter is the pattern of ``REGEX(text, ?param,
flags)``, the same verified literal is written there too, so the engine compiles the
pattern once (pyoxigraph compiles a pattern held in a variable again for every row).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from kg.errors import DkgError


def code_only(text: str) -> str:
    """The query's characters outside comments, strings and IRIs (for keyword checks)."""
    return "".join(c for _, c in _scan_code(text))


def _scan_code(text: str) -> list[tuple[int, str]]:
    """(offset, char) of the query's characters outside comments, strings and IRIs."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "'\"":
            quote = text[i : i + 3] if text[i : i + 3] in ("'''", '"""') else c
            j = i + len(quote)
            while j < n and text[j : j + len(quote)] != quote:
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i = text.index(">", i) + 1
            continue
        out.append((i, c))
        i += 1
    return out


def values_block(bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }``, verified to parse back to exactly these terms."""
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise DkgError(f"bad parameter name {n!r}")
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(bindings[n]) for n in names)}) }}"
    try:
        rows = list(ox.Store().query(f"SELECT * WHERE {{ {block} }}"))
    except SyntaxError as e:
        raise DkgError(f"cannot bind parameters ({e})") from None
    if len(rows) != 1 or any(rows[0][n] != bindings[n] for n in names):
        raise DkgError("cannot bind parameters: a value did not stay one RDF term")
    return block


def packed_select(text: str, columns: Sequence[str]) -> str:
    """``text``, a SELECT of ``columns``, wrapped so that its rows come back as one string
    (values joined by U+001F, rows by U+001E): pyoxigraph costs more per row handed to
    Python than per byte of one long literal (kg.read.cascade reads the trace this way).
    The columns are variable names of ``text``'s projection, not values."""
    for c in columns:
        if not re.fullmatch(r"\w+", c):
            raise DkgError(f"bad column name {c!r}")
    parts = ', "\\u001F", '.join(f"STR(?{c})" for c in columns)
    return (
        f'SELECT (GROUP_CONCAT(CONCAT({parts}); separator="\\u001E") AS ?packed) '
        f"WHERE {{ {{ {text} }} }}"
    )


def bind_query(text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with one-row VALUES blocks binding the parameters.

    The outermost WHERE group gets every parameter; each sub-SELECT's WHERE group
    gets the parameters it mentions, because a sub-SELECT does not see the outer
    group's bindings. So every occurrence of ``?name`` means the given value, as
    with SEP-0007 pre-binding, and a filter on a parameter inside a sub-SELECT is
    evaluated there (early) rather than after the outer joins.
    """
    if not bindings:
        return text
    code = _scan_code(text)
    flat = "".join(c for _, c in code)
    groups = [m.end() - 1 for m in re.finditer(r"\bWHERE\s*\{", flat, re.IGNORECASE)]
    if not groups:  # SELECT * { ... } and ASK { ... } may omit WHERE
        pos = flat.find("{")
        if pos < 0 or re.match(r"\s*(CONSTRUCT|DESCRIBE)", _strip_prologue(flat), re.IGNORECASE):
            raise DkgError("cannot find the WHERE clause to bind parameters into")
        groups = [pos]
    inserts: list[tuple[int, str]] = []
    for i, pos in enumerate(groups):
        if i == 0:
            names = list(bindings)
        else:
            inner = flat[pos : _matching_brace(flat, pos) + 1]
            names = [n for n in bindings if re.search(rf"[?$]{re.escape(n)}\b", inner)]
        if names:
            inserts.append((code[pos][0], values_block({n: bindings[n] for n in names})))
    edits = [(brace + 1, brace + 1, f" {block}") for brace, block in inserts]
    edits += _regex_patterns(code, flat, bindings)
    for start, end, insert in sorted(edits, reverse=True):
        text = f"{text[:start]}{insert}{text[end:]}"
    return text


_REGEX_CALL = re.compile(r"\bREGEX\s*\(", re.IGNORECASE)


def _regex_patterns(
    code: list[tuple[int, str]], flat: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]
) -> list[tuple[int, int, str]]:
    """Edits writing a bound literal in place of ``?param`` where it is the pattern of a
    ``REGEX(text, ?param, flags)``: pyoxigraph compiles a constant pattern once, a variable
    one again for every row (a name pattern over 22,000 body labels: 9.5 s against 1.1 s).
    The VALUES block still binds ``?param`` for BOUND() and every other use; the term is the
    one the block was verified with (pyoxigraph's N-Triples form, parsed back there)."""
    edits = []
    for m in _REGEX_CALL.finditer(flat):
        depth, i = 0, m.end()
        while i < len(flat) and not (depth == 0 and flat[i] in ",)"):
            depth += {"(": 1, ")": -1}.get(flat[i], 0)
            i += 1
        if i >= len(flat) or flat[i] != ",":
            continue
        arg = re.match(r"\s*[?$]([A-Za-z_][A-Za-z0-9_]*)\s*[,)]", flat[i + 1 :])
        term = bindings.get(arg.group(1)) if arg else None
        if not isinstance(term, ox.Literal):
            continue
        start = i + 1 + arg.start(1) - 1  # the ? or $
        end = i + 1 + arg.end(1)
        if code[end - 1][0] - code[start][0] != end - 1 - start:
            continue  # not one run of code characters (cannot happen for a variable)
        edits.append((code[start][0], code[end - 1][0] + 1, str(term)))
    return edits


def _matching_brace(flat: str, pos: int) -> int:
    depth = 0
    for i in range(pos, len(flat)):
        if flat[i] == "{":
            depth += 1
        elif flat[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(flat) - 1


def _strip_prologue(flat: str) -> str:
    return re.sub(r"^\s*((PREFIX\s+\S*:\s*|BASE\s*)\s*)*", "", flat, flags=re.IGNORECASE)
