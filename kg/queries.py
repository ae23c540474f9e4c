"""Canned SPARQL queries: loading, safe parameter binding, running, formatting.

A canned query is one ``.rq`` file in ``queries/`` whose leading comment block
says what it is for::

    # title: Duties of a body across documents
    # description: Every duty handed to a body, with role and document.
    # param: body [name] = Phòng Tư pháp — the body's name, with or without diacritics
    # param: level [optional] = district — central | province | district | commune

A parameter line is ``name [type, optional] = example — meaning``; the type
(``string`` by default, or ``integer``, ``decimal``, ``boolean``, ``date``,
``iri``, ``lang``, ``name``, ``number``) decides which RDF term a command-line
value becomes. ``name`` gives a case-insensitive regular expression that
matches the name with or without diacritics and with either tone placement
(hoá / hóa, uỷ / ủy), for ``REGEX(?label, ?param, "i")`` (on the literal itself:
Virtuoso 7.2 fails to match non-ASCII case-insensitively inside ``STR()``); ``number``
gives an anchored one matching a document number printed with any separators
(28-CT/TW, 28-CT-TW, 28 - CT/TW).

Parameters are never pasted into the query text as strings. Each value
becomes one RDF term of the declared type (an IRI is checked by pyoxigraph,
a literal is escaped by pyoxigraph's N-Triples writer), and the terms go into
a one-row ``VALUES`` block opening the outermost WHERE group. That block is
then parsed back on its own and must yield exactly those terms, so no value
can close the block or add a clause. A sub-SELECT that mentions a parameter
gets its own block (it cannot see the outer group's bindings). The same bound
text runs on the embedded store and on any remote SPARQL 1.1 endpoint, with
standard semantics: FILTER, BIND and BOUND see the value; an optional
parameter left out is simply unbound. The one other place a term is written is the
pattern argument of ``REGEX(?text, ?param, "i")`` (kg/sparql.py): pyoxigraph compiles a
pattern in a variable again for every row, a written one once (body_duties at 2,000
plans: 9.4 s -> 2.5 s).

Writing fast canned queries for pyoxigraph (measured, see scripts/bench_queries.py):
put a selective FILTER on a parameter inside a sub-SELECT (a filter in the outer
group may run after the joins), keep each OPTIONAL to one triple pattern or
property path (larger ones are evaluated over the whole store), and use
DISTINCT / COUNT(DISTINCT): with the default graph as the union of all graphs,
a triple asserted in several source graphs is seen once per graph.

At national scale, where a query returns thousands of rows, what costs is reading the
disk once per row and pattern: pyoxigraph joins the patterns of one group by looking
each up for every row (10-40 us a lookup), but joins sub-SELECTs by hashing their
answers, and a sub-SELECT of one pattern is a sequential read of that property. So such
queries read each property in its own ``{ SELECT ?s ?o WHERE { ?s prop ?o } }`` block
(2,000 plans: bodies_without_lead 1.48 -> 0.44 s of CPU, topic_roles 3.3 -> 0.9 s). The
rows are the same: a join is a join, whichever way it is evaluated. And the final ORDER BY
is applied here, not by pyoxigraph, which reads both strings from disk for every
comparison (kg.sparql_order).

More that was measured at 10,000 plans: pyoxigraph evaluates a grouped or DISTINCT query
when it is started, not when it is read (so a query is never started twice to learn its
variables); an aggregate is cheaper grouped by the keys it depends on in a sub-SELECT and
joined to the other columns after (cascade: 3.6 -> 2.6 s of CPU); a pattern whose two ends
are bound is cheaper than an OPTIONAL holding a FILTER on an outer variable. Its optimizer
keeps a sub-SELECT first only when that is one group of patterns with a constant:
body_duties' ``?b a dkg:Body ; rdfs:label ?n`` reads the label of every body (the half of
its time that grows with bodies), but each rewrite that reads the labels first made it start
from every duty instead (2,000 plans: 0.8 -> 3 s). What stays over a second at 10,000 plans
answers thousands of rows, and each IRI or long string in a row is one read from disk
(about 5 us) when pyoxigraph decodes it; a page (``limit``) still costs the whole answer.

Why the four big answers stay over a second at 10,000 plans (measured at 2,000 plans, CPU
s, counting the rows / reading them): duty_evidence 1.50 / 2.84 (21,290 rows of 9 values),
lineage 0.50 / 1.64 (31,848 x 9), body_successors 2.27 / 3.52 (33,872 x 12),
duties_carried_now 1.50 / 1.74 (8,086 x 8). Reading costs one database read per IRI or
string over 15 bytes, per row (pyoxigraph shares no decoding between rows): 3-7 us a value,
so decoding alone is over 2 s for duty_evidence's 80,945 rows and over 4 s for lineage's
155,903 at 10,000 plans, however the graph is laid out. Flat precomputed rows (a subject
per row, a literal per column) take away the joins to other nodes, not the read per value
nor a scan-and-hash per column: 20,000 such rows of 8 strings on disk, 0.88 s to read (0.23 s
to count); one literal holding a whole row reads in 0.12 s, but splitting it with
STRBEFORE / STRAFTER costs 1.6 s, so only a client that unpacks it could use it. A filter
does not make these queries cheap either: each property is still scanned and joined whole
(duty_evidence with body=Công an: 3,980 rows in 1.23 s, the whole answer 2.55 s), so a
scoped answer under a second needs a text that looks rows up from the few that match.

Measured at 10,000 plans (CPU s, session of 2026-12-07): a group of patterns on a set of
a few thousand subjects (``?b a dkg:Body ; rdfs:label ?n ; org:changedBy ?e``) is evaluated
from the class, each of its 54,651 bodies looked up (body_successors: 1.3 s for 4,930 changed
bodies; one { SELECT } per property: 0.16 s); a NOT EXISTS or a VALUES of predicates is a
lookup per row, a MINUS or a UNION of sub-SELECTs a scan (reporting_without_deadline 1.8 ->
0.03 s, document_links 3.5 -> 2.4 s). Reading a row costs about 5 us per IRI or long string
(``SELECT ?s ?l { ?s rdfs:label ?l }``: 115,501 rows in 1.2 s), so lineage (155,903 rows of
9 values: 5.7 s to read once evaluated), duty_evidence (80,945 x 9: 5.4 s), document_links
(39,874 x 6: 0.8 s), body_successors (36,381 x 12: 1.5 s) and bodies_without_lead (21,812 x
6: 0.6 s) cannot answer whole in a second on the embedded store, whatever the query's shape.

Measured at 1,000 and 3,000 plans (CPU s, session of 2026-12-08): where the rows are few
against the property (a cascade's plans against every label of the store), an OPTIONAL around
a one-property { SELECT } costs more than the pattern looked up for each row (1,000 rows:
0.10 s against 0.03 s; cascade's six of them, 3,000 plans: 0.94 -> 0.75 s with the parents'
names below), and both more than an inner join of the { SELECT } (0.02 s); where the rows are
most of the property (duty_evidence's selectors and documents), looking up costs more (1,000
plans: 1.85 -> 2.1 s). A value that depends on a few nodes (a parent document's name) is made
once per node in a DISTINCT { SELECT } and joined, not once per row. A block only a parameter
needs (duties_carried_now's place chain) is still evaluated when the parameter is left out:
written as { SELECT } blocks it is hashed (0.28 -> 0.11 s at 1,000 plans); written as
EXISTS filters behind ``!BOUND(?place) ||``, it is cheap without the place and, with one,
took over 30 s (each EXISTS evaluated over the store). The trace's documents (kg.read.cascade)
cost the decoding of each document's IRI once per query that reads it (15 us a row at 3,000
plans): one wide query, a column per field, cost the same as one query per field (0.37 s),
so only fewer values read (a record per document, precomputed) would cut it further.

Why not pyoxigraph's ``substitutions`` (SEP-0007)? Measured with pyoxigraph
0.5: it refuses variables the SELECT does not project, and a substituted
variable is still unbound inside ``BOUND(?x)`` and ``BIND(?x AS ?y)``, so
``FILTER(!BOUND(?level) || ?l = ?level)`` silently ignores the value.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.endpoint import Endpoint
from kg.errors import DkgError
from kg.resources import queries_dir
from kg.sparql import bind_query
from kg.sparql_order import project_keys, sort_rows, split_order
from kg.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_TYPES = ("string", "name", "number", "integer", "decimal", "boolean", "date", "iri", "lang")

# Prefixes used to shorten IRIs in the table format only (csv/tsv/json keep full IRIs).
SHORT_PREFIXES = {
    "https://w3id.org/dkg/ns#": "dkg:",
    "https://w3id.org/dkg/id/": "id:",
    "http://data.europa.eu/eli/ontology#": "eli:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
}

_HEADER_RE = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?:\[(?P<opts>[^\]]*)\])?\s*"
    r"(?:=\s*(?P<example>.*?))?\s*"
    r"(?:(?:—|--|–)\s*(?P<meaning>.*))?$"
)
_FORM_RE = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    """One declared parameter of a canned query."""

    name: str
    example: str = ""
    meaning: str = ""
    type: str = "string"
    optional: bool = False


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None

    @property
    def form(self) -> str:
        """SELECT, CONSTRUCT, ASK or DESCRIBE (the first such keyword outside comments)."""
        m = _FORM_RE.search(_strip_comments(self.text))
        return m.group(1).upper() if m else "SELECT"

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def parse_query_text(text: str, name: str, path: Path | None = None) -> CannedQuery:
    """Read the ``# title / # description / # param`` header of a query."""
    title, description, params = "", [], []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break  # the header ends at the first line of SPARQL
        m = _HEADER_RE.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            params.append(_parse_param(value, name))
    return CannedQuery(
        name=name,
        title=title or name,
        description=" ".join(description),
        params=tuple(params),
        text=text,
        path=path,
    )


def _parse_param(spec: str, where: str) -> Param:
    m = _PARAM_RE.match(spec)
    if not m:
        raise DkgError(f"{where}: cannot read parameter line '# param: {spec}'")
    opts = [o.strip() for o in (m.group("opts") or "").split(",") if o.strip()]
    ptype = next((o for o in opts if o in PARAM_TYPES), "string")
    unknown = [o for o in opts if o not in PARAM_TYPES and o != "optional"]
    if unknown:
        raise DkgError(f"{where}: unknown parameter option(s) {unknown} in '# param: {spec}'")
    return Param(
        name=m.group("name"),
        example=(m.group("example") or "").strip(),
        meaning=(m.group("meaning") or "").strip(),
        type=ptype,
        optional="optional" in opts,
    )


def load_query(path: Path) -> CannedQuery:
    """Load one .rq file (``check_query`` verifies it parses and projects its parameters)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DkgError(f"{path}: cannot read query ({e.__class__.__name__}: {e})") from None
    return parse_query_text(text, path.stem, path)


def check_query(query: CannedQuery) -> None:
    """Raise DkgError unless the query, bound to its parameters' examples, parses."""
    bindings = bind_params(query, {p.name: p.example for p in query.params if p.example})
    try:
        execute(ox.Store(), bind_query(query.text, bindings))
    except DkgError as e:
        raise DkgError(f"{query.path or query.name}: {e}") from None


def canned_queries(directory: Path | None = None) -> dict[str, CannedQuery]:
    """All canned queries by name, sorted by name."""
    d = Path(directory) if directory else queries_dir()
    if not d.is_dir():
        return {}
    return {p.stem: load_query(p) for p in sorted(d.glob("*.rq"))}


def get_query(name_or_file: str | Path, directory: Path | None = None) -> CannedQuery:
    """A canned query by name, or any .rq file by path."""
    s = str(name_or_file)
    if s.endswith(".rq") or "/" in s or Path(s).is_file():
        p = Path(s)
        if not p.is_file():
            raise DkgError(f"{s}: no such query file")
        return load_query(p)
    queries = canned_queries(directory)
    if s not in queries:
        known = ", ".join(queries) or "none"
        raise DkgError(f"unknown query '{s}' (canned queries: {known}; see `dkg queries`)")
    return queries[s]


# ---------------------------------------------------------------- binding


def make_term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """Turn a user-supplied string into exactly one RDF term of the declared type."""
    value = unicodedata.normalize("NFC", value)
    t = param.type
    try:
        if t == "iri":
            value = value.strip()
            return ox.NamedNode(
                value[1:-1] if value.startswith("<") and value.endswith(">") else value
            )
        if t == "integer":
            return ox.Literal(str(int(value.strip())), datatype=ox.NamedNode(XSD + "integer"))
        if t == "decimal":
            float(value)
            return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "decimal"))
        if t == "boolean":
            v = value.strip().lower()
            if v not in {"true", "false", "1", "0"}:
                raise ValueError("expected true or false")
            return ox.Literal(v in {"true", "1"})
        if t == "date":
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
                raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
            return ox.Literal(value.strip())
        if t == "name":
            return ox.Literal(name_pattern(value))
        if t == "number":
            return ox.Literal(number_pattern(value))
        if t == "lang":
            return ox.Literal(value, language="vi")
        return ox.Literal(value)
    except (ValueError, TypeError) as e:
        raise DkgError(f"parameter '{param.name}': bad {t} value {value!r} ({e})") from None


_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_QUALITIES = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}


def _tone_class(quality: str) -> str:
    return "".join(unicodedata.normalize("NFC", quality + t) for t in _TONES)


def _strip_tone(ch: str) -> str:
    """ố -> ô, ằ -> ă: keep the vowel's quality, drop its tone mark."""
    keep = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
    d = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize(
        "NFC", "".join(c for c in d if c in keep or not unicodedata.combining(c))
    )


_REGEX_META = set("\\.^$|?*+()[]{}-/")


def name_pattern(value: str) -> str:
    """A regex matching ``value`` with or without diacritics and with either tone placement."""
    out: list[str] = []
    text = " ".join(unicodedata.normalize("NFC", value).split()).lower()
    for ch in re.sub(r"\s*[-–—‐]\s*", "-", text):
        if ch == " ":
            out.append("\\s+")
        elif ch in "-–—‐":
            out.append("\\s*[-–—‐]\\s*")
        elif ch in "dđ":
            out.append("[dđ]" if ch == "d" else "đ")
        else:
            bare = _strip_tone(ch)
            base = unicodedata.normalize("NFD", bare)[:1]
            if base in _QUALITIES:
                qualities = _QUALITIES[base] if bare == base else bare
                out.append("[" + "".join(_tone_class(q) for q in qualities) + "]")
            elif ch in _REGEX_META:
                out.append("\\" + ch)
            else:
                out.append(ch)
    return "".join(out)


def number_pattern(value: str) -> str:
    """An anchored regex for a document number printed with any separators and Đ/D."""
    tokens = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", value))
    if not tokens:
        raise ValueError("no letters or digits")
    parts = ["".join("[dđ]" if c in "dDđĐ" else c.lower() for c in tok) for tok in tokens]
    return "^\\s*" + "[\\s\\-–/.]*".join(parts) + "\\s*$"


def bind_params(
    query: CannedQuery, values: Mapping[str, str]
) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check the given values against the declared parameters and make terms."""
    declared = {p.name for p in query.params}
    unknown = sorted(set(values) - declared)
    if unknown:
        hint = ", ".join(sorted(declared)) or "none"
        raise DkgError(f"query '{query.name}': unknown parameter(s) {unknown} (declared: {hint})")
    missing = [p.name for p in query.params if not p.optional and p.name not in values]
    if missing:
        ex = " ".join(f"--param {n}={query.param(n).example!r}" for n in missing)
        raise DkgError(f"query '{query.name}': missing required parameter(s) {missing} (e.g. {ex})")
    return {p.name: make_term(p, values[p.name]) for p in query.params if p.name in values}


def parse_param_args(items: Iterable[str]) -> dict[str, str]:
    """``["k=v", ...]`` from the command line into a dict."""
    out: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise DkgError(f"--param {item!r}: expected NAME=VALUE")
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


# ---------------------------------------------------------------- running


@dataclass
class QueryResult:
    """A query's answer, in pyoxigraph terms whatever answered it."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    variables: list[str] = field(default_factory=list)
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def records(self) -> list[dict[str, str | None]]:
        """Rows as {variable: plain value} — handy in tests and scripts."""
        return [
            {v: (None if t is None else t.value) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]


def run_query(
    query: CannedQuery | str,
    params: Mapping[str, str] | None = None,
    *,
    store=None,
    endpoint: str | Endpoint | None = None,
    timeout: float = 60.0,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run a canned query (or query text) on a store or a remote SPARQL endpoint.

    ``store`` is a ``kg.store.Store`` or a bare ``pyoxigraph.Store``; an ``Endpoint`` given
    as the store is queried like ``endpoint``. ``limit`` / ``offset``: one page of the
    answer, in the query's ORDER BY (a national corpus answers some queries with 100,000
    rows; a page costs the engine's sort, not the rows' transfer and conversion).
    """
    if isinstance(store, Endpoint):
        store, endpoint = None, store
    if isinstance(query, str):
        query = parse_query_text(query, "query")
    if (store is None) == (endpoint is None):
        raise DkgError("give exactly one of a store or an endpoint")
    text = bind_query(query.text, bind_params(query, params or {}))
    paged = page(text, limit, offset)
    if store is None:
        return run_on_endpoint(endpoint, paged, timeout=timeout)
    split = split_order(text) if _form_of(text) == "SELECT" else None
    if split is not None:  # sorted here, not by the engine (kg.sparql_order)
        body, keys = split
        # the names from an empty store: pyoxigraph evaluates a grouped or DISTINCT query
        # when it is started, not when it is read, so running ``body`` on the store only to
        # learn them cost the whole query a second time where keys are missing
        # (duties_carried_now at 2,000 plans: 1.9 s of CPU)
        names = [v.value for v in execute(ox.Store(), body).variables]
        missing = [key for key, _ in keys if key not in names]
        res = execute(store, body) if not missing else None
        if missing:  # keys of the GROUP BY, not shown: projected, then dropped
            wider = project_keys(body, missing)
            res = execute(store, wider) if wider else None
        if res is not None:
            cols = [v.value for v in res.variables]
            rows = sort_rows(cols, [list(sol) for sol in res], keys)  # in ``cols`` order
            end = None if limit is None else offset + limit
            keep = [cols.index(n) for n in names]
            return QueryResult("SELECT", names, [[r[i] for i in keep] for r in rows[offset:end]])
    return from_oxigraph(execute(store, paged), _form_of(paged))


def page(text: str, limit: int | None, offset: int = 0) -> str:
    """``text`` with LIMIT / OFFSET solution modifiers added (a SELECT without its own)."""
    if limit is None and not offset:
        return text
    if (limit is not None and limit < 0) or offset < 0:
        raise DkgError("--limit and --offset must be 0 or more")
    if re.search(r"\b(LIMIT|OFFSET)\s+\d+\s*$", _strip_comments(text), re.IGNORECASE):
        raise DkgError("the query has its own LIMIT / OFFSET: page it there")
    return (
        text.rstrip()
        + (f"\nLIMIT {int(limit)}" if limit is not None else "")
        + (f"\nOFFSET {int(offset)}" if offset else "")
    )


def open_store_dir(path: Path):
    """The store a ``dkg build --out DIR`` wrote, opened read-only (a kg.store.Store)."""
    from kg.store import open_store

    return open_store(Path(path), read_only=True)


def oxigraph_store(store) -> ox.Store:
    """The pyoxigraph Store behind a kg.store.Store (or the argument itself)."""
    if isinstance(store, ox.Store):
        return store
    if isinstance(store, Store):
        return store.raw
    raise DkgError(f"not a store: {type(store).__name__}")


def execute(store, text: str):
    """Run query text with our conventions: default graph = union of all graphs, no updates."""
    try:
        return oxigraph_store(store).query(text, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise DkgError(f"SPARQL syntax error: {e}") from None
    except (RuntimeError, OSError, ValueError) as e:
        raise DkgError(f"query failed: {e}") from None


def select_values(
    source, sparql: str, bindings: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The one runner for library reads: SELECT rows of plain Python values.

    ``source`` is a kg.store.Store, a bare pyoxigraph Store or a remote
    ``kg.endpoint.Endpoint`` (the same rows from a SPARQL server). The shared dkg prefixes
    are declared; ``bindings`` (RDF terms, or str / int / bool for literals) are bound by
    kg/sparql.py, never pasted into the text. Values follow ``kg.store.to_python``: IRIs
    and strings as str, integers as int, booleans as bool, unbound as None.
    """
    if isinstance(source, Endpoint):
        return source.select(sparql, dict(bindings) if bindings else None)
    store = source if isinstance(source, Store) else Store(oxigraph_store(source))
    return store.select(sparql, dict(bindings) if bindings else None)


def _form_of(text: str) -> str:
    m = _FORM_RE.search(_strip_comments(text))
    return m.group(1).upper() if m else "SELECT"


def from_oxigraph(res, form: str) -> QueryResult:
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        # a solution iterates over its values in the order of ``res.variables``: reading
        # it whole is half the cost of one lookup by name per value (lineage, 2,000 plans,
        # 31,848 rows: 0.38 -> 0.21 s)
        return QueryResult("SELECT", names, [list(sol) for sol in res])
    return QueryResult(
        form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT", triples=list(res)
    )


def run_on_endpoint(endpoint: str | Endpoint, text: str, timeout: float = 60.0) -> QueryResult:
    """POST the (already bound) query to a SPARQL 1.1 Protocol endpoint (kg.endpoint)."""
    ep = endpoint if isinstance(endpoint, Endpoint) else Endpoint(endpoint, timeout=timeout)
    ans = ep.answer(text)
    return QueryResult(ans.form, ans.variables, ans.rows, ans.boolean, ans.triples)


# ---------------------------------------------------------------- formatting


def shorten(iri: str) -> str:
    for ns, prefix in SHORT_PREFIXES.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def plain(term, *, short: bool = False) -> str:
    """A term as a person reads it: the literal's text, the IRI (shortened if asked)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value) if short else term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def _to_solutions_json(result: QueryResult) -> dict:
    if result.form == "ASK":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = []
    for row in result.rows:
        b = {}
        for var, t in zip(result.variables, row, strict=True):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                b[var] = {"type": "uri", "value": t.value}
            elif isinstance(t, ox.BlankNode):
                b[var] = {"type": "bnode", "value": t.value}
            else:
                d = {"type": "literal", "value": t.value}
                if t.language:
                    d["xml:lang"] = t.language
                elif t.datatype.value != XSD + "string":
                    d["datatype"] = t.datatype.value
                b[var] = d
        bindings.append(b)
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def format_result(result: QueryResult, fmt: str) -> str:
    """csv (values), tsv (SPARQL TSV terms), json (SPARQL JSON results); the table for
    people is kg.cli_render.format_table.

    CONSTRUCT/DESCRIBE results are written as N-Triples whatever the format.
    """
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        return "".join(f"{t} .\n" for t in result.triples)
    if fmt == "json":
        return json.dumps(_to_solutions_json(result), ensure_ascii=False, indent=2) + "\n"
    if result.form == "ASK":
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(result.variables)
        w.writerows([[plain(t) for t in row] for row in result.rows])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    raise DkgError(f"unknown format '{fmt}' (csv, tsv, json)")


def open_source(
    store_dir: Path | None = None, endpoint: str | None = None, auth: str | None = None
):
    """What the read side reads: a SPARQL endpoint when one is given (``--endpoint URL
    [--auth USER:PASSWORD]``), else the store a build wrote in ``store_dir``."""
    if endpoint:
        return Endpoint(endpoint, auth=auth)
    return open_store_dir(store_dir or Path("dkg-out"))


def run_named(
    name_or_file: str,
    params: Iterable[str] = (),
    store_dir: Path | None = None,
    endpoint: str | None = None,
    auth: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """`dkg query`: a canned query or .rq file with NAME=VALUE parameters, run on a store
    folder or an endpoint (kg.cli_render prints the answer), whole or one page."""
    query = get_query(name_or_file)
    values = parse_param_args(params)
    source = open_source(store_dir, endpoint, auth)
    return run_query(query, values, store=source, limit=limit, offset=offset)
