"""Every canned query is standard SPARQL that rdflib answers as the embedded store does
(scripts/bench_national.py measures the speed-up against rdflib, so rdflib must answer at
all: cited_not_in_corpus once stopped it with NotBoundError on an aggregate over an
unbound value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.endpoint import Answer, Endpoint, comparable, parse_json_results
from kg.graph_export import files
from kg.queries import canned_queries, run_query
from kg.store import open_store

PARAMS = {
    "cascade": {"doc": "28-CT/TW"},
    "body_duties": {"body": "lao dong"},
    "topic_roles": {"topic": "tre em"},
}


class _Rdflib(Endpoint):
    """rdflib over a build's N-Quads, behind kg.endpoint.Endpoint's interface (as
    scripts/bench_national.py's RdflibSource)."""

    def __init__(self, exports: Path) -> None:
        from rdflib import Dataset

        super().__init__("rdflib:")
        self.ds = Dataset(default_union=True)
        for part in files(exports):
            self.ds.parse(str(part), format="nquads")

    def answer(self, text: str) -> Answer:
        return parse_json_results(self.ds.query(self._prologue + text).serialize(format="json"))


@pytest.fixture(scope="module")
def rdflib_source(seed_store_dir: Path) -> _Rdflib:
    return _Rdflib(seed_store_dir / "exports")


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_rdflib_answers_every_canned_query_alike(seed_store_dir, rdflib_source, name) -> None:
    q = canned_queries()[name]
    params = PARAMS.get(name, {p.name: p.example for p in q.params if not p.optional})
    store = open_store(seed_store_dir, read_only=True)
    try:
        here = run_query(q, params, store=store)
    finally:
        store.close()
    there = run_query(q, params, store=rdflib_source)
    assert here.variables == there.variables
    assert comparable(here.variables, here.rows) == comparable(there.variables, there.rows)
