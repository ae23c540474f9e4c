"""Answering one SPARQL query: evaluate it on a pyoxigraph store and serialise the answer in
the media type the client asked for, within the result limits. Runs in the query workers
(kg.sparql_pool); the server (kg.server) only negotiates and forwards.
"""

from __future__ import annotations

import html

import pyoxigraph as ox

from kg import formats
from kg.queries import QueryResult, format_result


class QueryRefused(Exception):
    """A query this endpoint will not run or answer: ``status`` and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


SELECT_TYPES = formats.media_writers(formats.RESULTS)
GRAPH_TYPES = formats.media_writers(formats.GRAPH)


def negotiate(accept: str, choices: dict, default: str) -> str:
    """Pick the best media type of ``choices`` for an Accept header (q-values honoured)."""
    best, best_q = None, 0.0
    for i, part in enumerate(accept.split(",") if accept else []):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        q -= i * 1e-6  # earlier wins among equals
        if mtype in choices and q > best_q:
            best, best_q = mtype, q
        elif mtype in ("*/*", "application/*", "text/*") and q > best_q and best is None:
            best_q = q
    return best or default


def evaluate(
    store: ox.Store, query: str, accept: str, default_graphs, max_rows: int, max_bytes: int
) -> tuple[bytes, str]:
    """Run ``query`` and serialise the answer (in a worker process); raises QueryRefused."""
    kwargs: dict = {}
    try:
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        res = store.query(query, **kwargs)
    except SyntaxError as e:
        raise QueryRefused(400, f"SPARQL syntax error: {e}") from None
    except (ValueError, RuntimeError, OSError) as e:
        raise QueryRefused(400, f"query failed: {e}") from None
    too_many = f"the answer has more than {max_rows} results; add a LIMIT or narrow the query"
    if isinstance(res, ox.QueryBoolean):
        mtype = negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
        if SELECT_TYPES[mtype] in (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
            mtype = "application/sparql-results+json"
        return res.serialize(format=SELECT_TYPES[mtype]), mtype
    select = isinstance(res, ox.QuerySolutions)
    names = [v.value for v in res.variables] if select else []
    items: list = []
    try:
        for item in res:
            if len(items) >= max_rows:
                raise QueryRefused(413, too_many)
            items.append([item[v] for v in names] if select else item)
    except (ValueError, RuntimeError, OSError) as e:
        raise QueryRefused(400, f"query failed: {e}") from None
    if select:
        mtype = negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
        body = _serialize_solutions(QueryResult("SELECT", names, items), SELECT_TYPES[mtype])
    else:
        mtype = negotiate(accept, GRAPH_TYPES, "text/turtle")
        body = ox.serialize(items, format=GRAPH_TYPES[mtype]) or b""
    if len(body) > max_bytes:
        raise QueryRefused(413, f"the answer is over {max_bytes} bytes; add a LIMIT or narrow it")
    return body, mtype


def _serialize_solutions(result: QueryResult, fmt) -> bytes:
    """Serialise rows already read (pyoxigraph serialises only an unread iterator)."""
    if fmt == ox.QueryResultsFormat.JSON:
        return format_result(result, "json").encode("utf-8")
    if fmt == ox.QueryResultsFormat.CSV:
        return format_result(result, "csv").encode("utf-8")
    if fmt == ox.QueryResultsFormat.TSV:
        return format_result(result, "tsv").encode("utf-8")
    return _results_xml(result).encode("utf-8")


def _results_xml(result) -> str:
    esc = html.escape
    out = [
        '<?xml version="1.0"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>" + "".join(f'<variable name="{esc(v)}"/>' for v in result.variables) + "</head>",
        "<results>",
    ]
    for row in result.rows:
        out.append("<result>")
        for var, t in zip(result.variables, row, strict=True):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                val = f"<uri>{esc(t.value)}</uri>"
            elif isinstance(t, ox.BlankNode):
                val = f"<bnode>{esc(t.value)}</bnode>"
            elif t.language:
                val = f'<literal xml:lang="{esc(t.language)}">{esc(t.value)}</literal>'
            else:
                val = f'<literal datatype="{esc(t.datatype.value)}">{esc(t.value)}</literal>'
            out.append(f'<binding name="{esc(var)}">{val}</binding>')
        out.append("</result>")
    out.append("</results></sparql>")
    return "\n".join(out) + "\n"
