"""The endpoint under abuse: every refusal with the exact request, and the server still answers."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import urllib.parse

import pytest

from kg.server import Limits, make_server
from kg.sparql_pool import MAX_DEPTH, nesting_depth

OK = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def srv():
    import pyoxigraph as ox
    from conftest import DATA

    store = ox.Store()
    store.load(path=str(DATA / "queries" / "mini.trig"), format=ox.RdfFormat.TRIG)
    server = make_server(store, limits=Limits(timeout=1.5, max_rows=1000, workers=2))
    server.read_timeout = 1.0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def raw(server, request: bytes, timeout: float = 10) -> tuple[int, bytes]:
    """Send bytes as they are; (status, body) of the answer (0 when the server closed)."""
    with socket.create_connection(server.server_address[:2], timeout=timeout) as s:
        # the server may answer (413) before reading it all: read that answer
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            s.sendall(request)
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except ConnectionResetError:
            pass
    if not data:
        return 0, b""
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def get(server, query: str, **extra: str) -> tuple[int, bytes]:
    qs = urllib.parse.urlencode({"query": query, **extra})
    return raw(server, f"GET /sparql?{qs} HTTP/1.0\r\n\r\n".encode())


def post(server, body: bytes, ctype: str, length: str | None = None) -> tuple[int, bytes]:
    n = str(len(body)) if length is None else length
    head = f"POST /sparql HTTP/1.0\r\nContent-Type: {ctype}\r\nContent-Length: {n}\r\n\r\n"
    return raw(server, head.encode() + body)


def still_answers(server) -> None:
    status, body = get(server, OK)
    assert status == 200 and b'"n"' in body, body


SERVICE_SPELLINGS = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SeRvIcE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE<http://127.0.0.1:9/>{?s ?p ?o} }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE e:x\\#y { ?s ?p ?o } }",
    "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE e:a\\'b { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://127.0.0.1:9/> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "#comment\nSELECT * WHERE {\n  SERVICE # x\n <http://127.0.0.1:9/> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", SERVICE_SPELLINGS)
def test_service_in_any_spelling_is_refused(srv, query):
    for status, body in (get(srv, query), post(srv, query.encode(), "application/sparql-query")):
        assert status == 403 and b"SERVICE" in body, (status, body)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } LIMIT 1',
        "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1 # SERVICE <http://x/>",
        "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    ],
)
def test_the_word_service_elsewhere_is_fine(srv, query):
    assert get(srv, query)[0] == 200


UPDATES = [
    "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "delete { ?s ?p ?o } where { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "LOAD SILENT <http://127.0.0.1:9/data.ttl> INTO GRAPH <http://x/g>",
    "CLEAR ALL",
    "DROP SILENT GRAPH <http://x/g>",
    "CREATE GRAPH <http://x/g>",
    "COPY DEFAULT TO <http://x/g>",
    "PREFIX e: <http://x/> INSERT { ?s e:p 1 } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_however_sent(srv, update):
    assert get(srv, update)[0] == 403
    assert post(srv, update.encode(), "application/sparql-query")[0] == 403
    assert post(srv, update.encode(), "application/sparql-update")[0] == 403
    form = urllib.parse.urlencode({"update": update}).encode()
    assert post(srv, form, "application/x-www-form-urlencoded")[0] == 403
    still_answers(srv)


@pytest.mark.parametrize(
    ("length", "status"), [("abc", 400), ("-5", 400), ("1e3", 400), ("99999999999", 413)]
)
def test_bad_content_length_is_4xx(srv, length, status):
    assert post(srv, b"query=x", "application/x-www-form-urlencoded", length)[0] == status


def test_a_body_shorter_than_announced_is_cut_off(srv):
    started = time.monotonic()
    status, _ = post(srv, b"query=", "application/x-www-form-urlencoded", "100")
    assert status in (0, 400) and time.monotonic() - started < 5


def test_a_ten_megabyte_query_is_413(srv):
    q = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 10_000_000).encode()
    assert post(srv, q, "application/sparql-query")[0] == 413
    long_get = "GET /sparql?query=" + "x" * 100_000 + " HTTP/1.0\r\n\r\n"
    assert raw(srv, long_get.encode())[0] == 414
    assert raw(srv, b"GET / HTTP/1.0\r\nX: " + b"y" * 100_000 + b"\r\n\r\n")[0] == 431


def test_deep_nesting_is_refused_and_the_server_lives(srv):
    deep = "SELECT * WHERE " + "{ " * 4800 + "?s ?p ?o " + "} " * 4800
    assert nesting_depth(deep) == 4800
    status, body = get(srv, deep)
    assert status == 400 and b"nested" in body
    parens = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 4800 + "1" + ")" * 4800 + ") }"
    assert post(srv, parens.encode(), "application/sparql-query")[0] == 400
    ok_depth = "SELECT * WHERE " + "{ " * (MAX_DEPTH - 1) + "?s ?p ?o " + "} " * (MAX_DEPTH - 1)
    assert get(srv, ok_depth + " LIMIT 1")[0] == 200
    still_answers(srv)


def test_pathological_queries_are_answered_or_refused(srv):
    values = "SELECT * WHERE { VALUES ?x { " + " ".join(map(str, range(60_000))) + " } } LIMIT 1"
    assert post(srv, values.encode(), "application/sparql-query")[0] in (200, 413, 503)
    path = "SELECT * WHERE { ?s " + "/".join(["(<http://x/p>|^<http://x/q>)*"] * 300) + " ?o }"
    assert post(srv, path.encode(), "application/sparql-query")[0] in (200, 400, 413, 503)
    assert get(srv, "SELEC * {")[0] == 400
    assert get(srv, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": "not an iri"})[0] == 400
    still_answers(srv)


def test_runaway_queries_are_stopped_and_do_not_block_the_endpoint(srv):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    pool = srv.engine.pool
    killed = pool.killed
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(get(srv, runaway)[0])) for _ in range(2)
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [503, 503] and time.monotonic() - started < 6
    assert pool.killed >= killed + 2
    for _ in range(3):  # the two-request denial of service of before: later queries still run
        still_answers(srv)
    workers = [w.proc.pid for w in list(pool.idle.queue)]
    assert all(os.path.exists(f"/proc/{pid}") for pid in workers)


def test_slow_clients_are_cut_off_and_do_not_hold_the_server(srv):
    slow = []
    for _ in range(10):
        s = socket.create_connection(srv.server_address[:2])
        s.sendall(b"GET /sparql?query=")  # and then one byte now and then
        slow.append(s)
    try:
        still_answers(srv)
        time.sleep(0.6)
        for s in slow:
            s.sendall(b"x")
        time.sleep(1.5)  # past read_timeout: the reaper closed them
        for s in slow:
            s.settimeout(2)
            with contextlib.suppress(ConnectionResetError):
                assert s.recv(100) == b""
        still_answers(srv)
    finally:
        for s in slow:
            s.close()


def test_too_many_connections_get_503_not_a_thread_each(srv):
    srv.slots = threading.BoundedSemaphore(5)
    idle = [socket.create_connection(srv.server_address[:2]) for _ in range(5)]
    try:
        time.sleep(0.2)
        status, body = raw(srv, b"GET / HTTP/1.0\r\n\r\n")
        assert status == 503 and b"too many connections" in body
    finally:
        for s in idle:
            s.close()
    time.sleep(1.6)  # the reaper frees their slots
    still_answers(srv)
