"""Golden results of the canned queries on the seed graph (helpers for tests and the regen script).

Each canned query runs with the examples of its required parameters (optional ones
left out); the answer is stored as N-Triples terms in tests/data/queries/<name>.json
and compared order-insensitively (ties in ORDER BY are not fixed). Source paths are
reduced to file names so the files do not depend on where the package is installed.
Regenerate after an intended change with: .venv/bin/python scripts/regen_golden_queries.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox

from kg.queries import CannedQuery, canned_queries, run_query

GOLDEN_DIR = Path(__file__).parent / "data" / "queries"
_PATH_RE = re.compile(r'^"(/|[A-Za-z]:\\)[^"]*[/\\]([^/\\"]+\.(?:txt|md|docx|pdf|html?))"$')


def golden_params(q: CannedQuery) -> dict[str, str]:
    return {p.name: p.example for p in q.params if not p.optional}


def _term(t) -> str | None:
    if t is None:
        return None
    if isinstance(t, ox.Literal):
        value = t.value
        m = _PATH_RE.match(str(t))
        if m:
            value = m.group(2)
        elif " | " in value:  # GROUP_CONCAT has no order in SPARQL 1.1: sort its parts
            value = " | ".join(sorted(value.split(" | ")))
        return str(
            ox.Literal(value, language=t.language)
            if t.language
            else ox.Literal(value, datatype=t.datatype)
        )
    return str(t)


def snapshot(store, q: CannedQuery) -> dict:
    result = run_query(q, golden_params(q), store=store)
    return {
        "query": q.name,
        "params": golden_params(q),
        "variables": result.variables,
        "rows": [[_term(t) for t in row] for row in result.rows],
    }


def golden_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.json"


def write_all(store) -> list[Path]:
    written = []
    for q in canned_queries().values():
        path = golden_path(q.name)
        path.write_text(
            json.dumps(snapshot(store, q), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written


def rows_key(rows: list[list[str | None]]) -> list[tuple]:
    return sorted(tuple("" if v is None else v for v in row) for row in rows)
