"""The SPARQL workbench: YASGUI (bundled in static/, nothing fetched) with the canned
queries as ready examples, a bar chart for counts and shareable links.

One page, written into the static site (``workbench.html``) and served by ``dkg serve``
at ``/workbench``. It works against any SPARQL 1.1 endpoint: the endpoint field, an
``?endpoint=`` in the address, or by default the server that serves the page
(``/sparql``), or ``http://127.0.0.1:8000/sparql`` when opened from disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.queries import bind_params, canned_queries
from kg.sparql import bind_query
from kg.views.common import STATIC_DIR, TEMPLATE_DIR, safe_json
from kg.views.i18n import t
from kg.vocab import PREFIXES

PAGE = "workbench.html"
DEFAULT_ENDPOINT = "http://127.0.0.1:8000/sparql"
STATIC_FILES = ("yasgui.min.js", "yasgui.min.css", "workbench.js", "LICENSE-yasgui.txt")
START = (
    "SELECT ?type (COUNT(?x) AS ?n) WHERE {\n  ?x a ?type .\n} GROUP BY ?type ORDER BY DESC(?n)\n"
)


def prefix_block() -> str:
    """docs/GRAPH.md's prefixes (kg.vocab.PREFIXES), for every new query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def examples() -> list[dict[str, Any]]:
    """Every canned query with each parameter bound to its example value."""
    out = []
    for q in canned_queries().values():
        values = {p.name: p.example for p in q.params if p.example}
        try:
            text = bind_query(q.text, bind_params(q, values))
        except Exception:  # noqa: BLE001 - an example that does not bind: show the query as is
            text = q.text
        out.append(
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "params": [
                    {"name": p.name, "example": p.example, "optional": p.optional,
                     "meaning": p.meaning}
                    for p in q.params
                ],
                "query": text,
            }
        )  # fmt: skip
    return out


def config(static: str = "static/") -> dict[str, Any]:
    return {
        "defaultEndpoint": DEFAULT_ENDPOINT,
        "prefixes": PREFIXES,
        "startQuery": prefix_block() + "\n" + START,
        "examples": examples(),
        "static": static,
    }


def page_context(static: str = "static/") -> dict[str, Any]:
    return {"workbench": config(static), "title": "Truy vấn SPARQL", "static": static}


def write_workbench(write) -> None:
    """The site hook: ``write(name, template, **context)`` of kg.views.site."""
    write(PAGE, "workbench.html", **page_context())


def workbench_html(static: str = "/workbench/static/") -> str:
    """The page as ``dkg serve`` sends it (static files under ``static``)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    )
    env.globals.update(safe_json=safe_json, t=t)
    return env.get_template("workbench.html").render(site=None, **page_context(static))


def static_file(name: str) -> Path | None:
    """A workbench static file from the package (for the server), or None."""
    if name not in STATIC_FILES + ("site.css", "site.js"):
        return None
    path = Path(STATIC_DIR) / name
    return path if path.is_file() else None
