"""The SPARQL endpoint, exercised over real HTTP by SPARQLWrapper, rdflib's SPARQLStore and urllib."""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.server import Limits, make_server
from kg.sparql_answer import negotiate

DKG = "https://w3id.org/dkg/ns#"
COUNT_DUTIES = f"SELECT (COUNT(?d) AS ?n) WHERE {{ ?d a <{DKG}Duty> }}"


@pytest.fixture()
def server(mini_store, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><title>site</title>trang chủ", encoding="utf-8"
    )
    (tmp_path / "secret.txt").write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    srv = make_server(
        mini_store, "127.0.0.1", 0, site_dir=site, limits=Limits(timeout=8, max_rows=50)
    )
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    host, port = srv.server_address[:2]
    yield f"http://{host}:{port}"
    srv.shutdown()
    srv.server_close()


def http(
    url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None
):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_binds_localhost_by_default(mini_store):
    srv = make_server(mini_store)
    try:
        assert srv.server_address[0] == "127.0.0.1"
    finally:
        srv.server_close()


def test_sparqlwrapper_select_in_every_format(server):
    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery(COUNT_DUTIES)
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["results"]["bindings"][0]["n"]["value"] == "6"
    sw.setReturnFormat(XML)
    doc = sw.query().convert()  # xml.dom.minidom document
    assert doc.getElementsByTagName("literal")[0].firstChild.data == "6"
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode().splitlines() == ["n", "6"]
    sw.setMethod("POST")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["results"]["bindings"][0]["n"]["value"] == "6"


def test_sparqlwrapper_construct_as_turtle(server):
    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery(f"CONSTRUCT {{ ?d a <{DKG}Duty> }} WHERE {{ ?d a <{DKG}Duty> }}")
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) == 6


def test_rdflib_sparqlstore(server):
    store = SPARQLStore(server + "/sparql")
    g = Graph(store=store)
    rows = list(
        g.query(
            f"SELECT ?b ?l WHERE {{ ?b a <{DKG}Body> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
        )
    )
    assert ("Công an" in {str(r[1]) for r in rows}) and len(rows) == 8
    assert g.query(f"ASK {{ ?d a <{DKG}Duty> }}").askAnswer is True
    assert (None, None, URIRef(DKG + "Duty")) in g


def test_post_sparql_query_and_graph_formats(server):
    q = f"CONSTRUCT {{ ?d <{DKG}role> ?r }} WHERE {{ ?d <{DKG}role> ?r }}"
    for accept, fmt in [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ]:
        status, headers, body = http(
            server + "/sparql",
            q.encode(),
            {"Content-Type": "application/sparql-query", "Accept": accept},
        )
        assert status == 200 and headers["Content-Type"].startswith(accept)
        assert len(Graph().parse(data=body, format=fmt)) == 6
    status, headers, body = http(
        server + "/sparql?query=" + urllib.parse.quote(COUNT_DUTIES),
        headers={"Accept": "text/tab-separated-values"},
    )
    assert status == 200 and body.decode().splitlines()[0] == "?n"


def test_updates_are_refused(server, mini_store):
    before = len(mini_store)
    for data, headers in [
        (b"update=" + urllib.parse.quote_plus("INSERT DATA { <a:a> <a:b> <a:c> }").encode(),
         {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"INSERT DATA { <a:a> <a:b> <a:c> }", {"Content-Type": "application/sparql-update"}),
        (b"query=" + urllib.parse.quote_plus("DROP ALL").encode(),
         {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"CLEAR DEFAULT", {"Content-Type": "application/sparql-query"}),
    ]:  # fmt: skip
        status, _, body = http(server + "/sparql", data, headers)
        assert 400 <= status < 500, (status, body)
    assert len(mini_store) == before
    status, _, _ = http(server + "/sparql", b"x", method="PUT")
    assert status == 405


def test_service_is_refused(server):
    q = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    status, _, body = http(server + "/sparql?query=" + urllib.parse.quote(q))
    assert status == 403 and b"SERVICE" in body
    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery(q)
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        sw.query()


def test_syntax_error_is_400(server):
    status, _, body = http(server + "/sparql?query=" + urllib.parse.quote("SELEC * {"))
    assert status == 400 and b"syntax" in body.lower()


def test_result_size_limit(server):
    q = "SELECT * WHERE { ?s ?p ?o }"
    status, _, body = http(server + "/sparql?query=" + urllib.parse.quote(q))
    assert status == 413 and b"LIMIT" in body
    status, _, _ = http(server + "/sparql?query=" + urllib.parse.quote(q + " LIMIT 10"))
    assert status == 200


def test_time_limit(mini_store):
    # a big cross product: its worker process is killed at the limit
    srv = make_server(mini_store, limits=Limits(timeout=0.5, max_rows=10**9))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    host, port = srv.server_address[:2]
    try:
        q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        t0 = time.monotonic()
        status, _, body = http(f"http://{host}:{port}/sparql?query=" + urllib.parse.quote(q))
        assert status == 503 and b"time limit" in body
        assert time.monotonic() - t0 < 5
    finally:
        srv.shutdown()
        srv.server_close()


def test_cors_and_preflight(server):
    status, headers, _ = http(
        server + "/sparql", method="OPTIONS", headers={"Origin": "http://yasgui.example"}
    )
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    status, headers, _ = http(server + "/sparql?query=" + urllib.parse.quote(COUNT_DUTIES))
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_canned_queries_at_their_own_urls(server):
    status, _, body = http(server + "/queries")
    names = {q["name"] for q in json.loads(body)}
    assert status == 200 and {"cascade", "body_duties"} <= names
    status, headers, body = http(server + "/queries/cascade?doc=" + urllib.parse.quote("9-CT-TW"))
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert len(json.loads(body)["results"]["bindings"]) == 3
    status, headers, body = http(server + "/queries/body_duties?body=cong+an&_format=csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0].startswith("body_name,")
    status, _, body = http(server + "/queries/cascade")
    assert status == 400 and b"missing required parameter" in body
    injected = urllib.parse.quote('x" } ; DROP ALL ; #')
    status, _, body = http(server + "/queries/body_duties?body=" + injected)
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _, _ = http(server + "/queries/nope")
    assert status == 404
    status, headers, body = http(server + "/queries/cascade.rq")
    assert status == 200 and b"# title:" in body


def test_static_site_and_no_traversal(server):
    status, headers, body = http(server + "/")
    assert status == 200 and "trang chủ" in body.decode()
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]:
        status, _, body = http(server + path)
        assert status == 404 and b"TOP-SECRET-CONTENT" not in body


def test_negotiate():
    types = {"application/sparql-results+json": 1, "text/csv": 2}
    assert negotiate("text/csv;q=0.9, application/sparql-results+json", types, "x") == (
        "application/sparql-results+json"
    )
    assert negotiate("text/html, */*;q=0.1", types, "text/csv") == "text/csv"
    assert negotiate("", types, "text/csv") == "text/csv"


def test_query_command_against_the_endpoint(server, mini_store):
    from kg.queries import get_query, run_query

    local = run_query(get_query("cascade"), {"doc": "9-CT-TW"}, store=mini_store)
    remote = run_query(get_query("cascade"), {"doc": "9-CT-TW"}, endpoint=server + "/sparql")

    # the endpoint's workers load a copy of the in-memory store: GROUP_CONCAT order may differ
    def canon(rows):
        return sorted(
            str([sorted(str(getattr(t, "value", t)).split(" | ")) for t in r]) for r in rows
        )

    assert canon(local.rows) == canon(remote.rows)
    evil = run_query(
        get_query("body_duties"), {"body": 'x" } ; DROP ALL ; #'}, endpoint=server + "/sparql"
    )
    assert evil.rows == []
    assert (
        len(run_query("SELECT * WHERE { ?s ?p ?o } LIMIT 3", endpoint=server + "/sparql").rows) == 3
    )


def test_dkg_serve_in_a_subprocess(seed_store_dir):
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(seed_store_dir), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/sparql" in line, line
        sw = SPARQLWrapper(f"http://127.0.0.1:{port}/sparql")
        sw.setQuery(f"SELECT (COUNT(?d) AS ?n) WHERE {{ ?d a <{DKG}Document> }}")
        sw.setReturnFormat(JSON)
        assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) > 5
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_canned_queries_bound_for_a_third_party_endpoint(tmp_path, mini_store):
    """The same VALUES-bound text on Oxigraph's own server gives the embedded store's answer."""
    import shutil
    import socket
    import subprocess
    from pathlib import Path

    import pyoxigraph as ox

    from kg.queries import canned_queries, run_query

    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
    # the fixture's quads as the server gets them after a push: mini.trig + graph/derived
    data = tmp_path / "mini.nq"
    mini_store.dump(output=str(data), format=ox.RdfFormat.N_QUADS)
    subprocess.run(
        [binary, "load", "--location", str(tmp_path / "db"), "--file", str(data)],
        check=True,
        capture_output=True,
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            binary,
            "serve-read-only",
            "--location",
            str(tmp_path / "db"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        endpoint = f"http://127.0.0.1:{port}/query"
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint + "?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        params = {
            "cascade": {"doc": "9-CT-TW"},
            "body_duties": {"body": "lao dong"},
            "topic_roles": {"topic": "xam hai"},
            "body_successors": {"body": "lao dong"},
        }
        for name, q in canned_queries().items():
            local = run_query(q, params.get(name, {}), store=mini_store)
            remote = run_query(q, params.get(name, {}), endpoint=endpoint)
            assert sorted(map(str, local.rows)) == sorted(map(str, remote.rows)), name
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_served_workbench_is_a_site_page() -> None:
    """One layout (base.html): the header, its English switch and site.js, served statically."""
    from kg.views.workbench import static_file, workbench_html

    page = workbench_html()
    assert 'id="lang-switch"' in page and 'href="calendar.html"' in page
    assert '<script src="/workbench/static/site.js">' in page
    assert static_file("site.js") is not None
