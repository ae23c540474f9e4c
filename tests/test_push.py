"""dkg push: the store's named graphs onto the Oxigraph server (Graph Store Protocol), then
every canned query gives the same answer there as on the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.push import push
from kg.queries import canned_queries, run_query
from kg.store import open_store

PARAMS = {
    "cascade": {"doc": "28-CT/TW"},
    "body_duties": {"body": "lao dong"},
    "topic_roles": {"topic": "tre em"},
}


@pytest.fixture
def oxigraph_server(tmp_path: Path):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "server")]
        + ["--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _count(base: str) -> int:
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    return int(run_query(q, endpoint=base + "/query").rows[0][0].value)


def test_push_then_every_canned_query_agrees(seed_store_dir: Path, oxigraph_server: str) -> None:
    report = push(seed_store_dir, oxigraph_server + "/store")
    store = open_store(seed_store_dir)
    try:
        assert report.graphs == len(store.named_graphs())
        assert _count(oxigraph_server) == len(store)
        again = CliRunner().invoke(
            main, ["push", "--store", str(seed_store_dir), "--endpoint", oxigraph_server + "/store"]
        )
        assert again.exit_code == 0, again.output
        assert _count(oxigraph_server) == len(store)  # a PUT replaces: pushing twice is harmless
        for name, q in canned_queries().items():
            local = run_query(q, PARAMS.get(name, {}), store=store)
            remote = run_query(q, PARAMS.get(name, {}), endpoint=oxigraph_server + "/query")
            assert sorted(map(str, local.rows)) == sorted(map(str, remote.rows)), name
    finally:
        store.close()


def test_unreachable_server_is_one_line(seed_store_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["push", "--store", str(seed_store_dir), "--endpoint", "http://127.0.0.1:9/store"]
    )
    assert result.exit_code != 0
    assert "cannot reach" in result.output
