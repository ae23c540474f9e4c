"""dkg push: the store's named graphs onto a real server (the Oxigraph server and Virtuoso,
started by the ``engine`` fixture), then every canned query gives the same answer there as
on the embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.endpoint import Endpoint, comparable
from kg.errors import DkgError
from kg.push import push
from kg.queries import canned_queries, run_query
from kg.store import open_store

PARAMS = {
    "cascade": {"doc": "28-CT/TW"},
    "body_duties": {"body": "lao dong"},
    "topic_roles": {"topic": "tre em"},
}


def _count(endpoint: Endpoint, base: str) -> int:
    """Triples in our named graphs (Virtuoso keeps system graphs of its own)."""
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?base)) }"
    return int(endpoint.select(q, {"base": base})[0]["n"])


def test_push_then_every_canned_query_agrees(seed_store_dir: Path, pushed_engine) -> None:
    eng = pushed_engine
    remote = Endpoint(eng.query_url, auth=eng.auth)
    store = open_store(seed_store_dir)
    try:
        assert _count(remote, store.base) == len(store)
        args = ["push", "--store", str(seed_store_dir), "--endpoint", eng.store_url]
        again = CliRunner().invoke(main, args + (["--auth", eng.auth] if eng.auth else []))
        assert again.exit_code == 0, again.output
        assert _count(remote, store.base) == len(store)  # a PUT replaces: pushing twice is harmless
        for name, q in canned_queries().items():
            here = run_query(q, PARAMS.get(name, {}), store=store)
            there = run_query(q, PARAMS.get(name, {}), store=remote)
            assert here.variables == there.variables, name
            assert comparable(here.variables, here.rows) == comparable(
                there.variables, there.rows
            ), name
    finally:
        store.close()


def test_query_command_reads_the_endpoint(seed_store_dir: Path, pushed_engine) -> None:
    eng = pushed_engine
    auth = ["--auth", eng.auth] if eng.auth else []
    args = ["query", "cascade", "--param", "doc=28-CT/TW", "--format", "csv"]
    here = CliRunner().invoke(main, args + ["--store", str(seed_store_dir)])
    there = CliRunner().invoke(main, args + ["--endpoint", eng.query_url] + auth)
    assert here.exit_code == 0 and there.exit_code == 0, there.output
    plans = [sorted(line.split(",")[1] for line in r.output.splitlines()) for r in (here, there)]
    assert plans[0] == plans[1] and len(plans[0]) > 3  # Virtuoso writes 1 for true: see comparable


def test_wrong_password_is_one_line(seed_store_dir: Path, pushed_engine) -> None:
    eng = pushed_engine
    if not eng.auth:
        pytest.skip(f"{eng.name} asks for no login")
    with pytest.raises(DkgError, match="HTTP 401"):
        push(seed_store_dir, eng.store_url, auth="dba:wrong", full=True)
    with pytest.raises(DkgError, match="HTTP 401"):
        Endpoint(eng.query_url, auth="dba:wrong").select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")


def test_unreachable_server_is_one_line(seed_store_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["push", "--store", str(seed_store_dir), "--endpoint", "http://127.0.0.1:9/store"]
    )
    assert result.exit_code != 0
    assert "cannot reach" in result.output


def test_push_sends_only_changed_graphs(seed_store_dir: Path, tmp_path: Path) -> None:
    """A second push sends nothing; a changed graph is sent alone; a graph gone from the
    store (a removed source) is deleted on the server; --full sends everything again."""
    from kg import engines

    if engines.oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
    import shutil

    import pyoxigraph as ox

    out = tmp_path / "out"
    shutil.copytree(seed_store_dir, out, symlinks=True)
    with engines.start_oxigraph(tmp_path / "server") as eng:
        remote = Endpoint(eng.query_url)
        first = push(out, eng.store_url)
        store = open_store(out)
        names, base, size = store.named_graphs(), store.base, len(store)
        store.close()
        assert first.graphs == len(names) and first.unchanged == 0
        assert push(out, eng.store_url).graphs == 0

        changed, gone = names[0], names[-1]
        store = open_store(out, read_only=False)
        extra = ox.Quad(ox.NamedNode(base + "x"), ox.NamedNode(base + "p"), ox.Literal("y"))
        store.raw.add(ox.Quad(extra.subject, extra.predicate, extra.object, ox.NamedNode(changed)))
        gone_size = len(list(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(gone))))
        store.raw.remove_graph(ox.NamedNode(gone))
        store.close()
        second = push(out, eng.store_url)
        assert (second.graphs, second.removed, second.unchanged) == (1, 1, len(names) - 2)
        assert _count(remote, base) == size + 1 - gone_size
        assert push(out, eng.store_url, full=True).graphs == len(names) - 1
