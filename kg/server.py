"""A read-only SPARQL 1.1 Protocol endpoint over the store, plus the static site.

Standard library HTTP (``http.server``), with SPARQL evaluated in worker
processes (kg.sparql_pool). Routes:

- ``/sparql`` — the SPARQL 1.1 Protocol: GET ``?query=``, POST form
  (``application/x-www-form-urlencoded``), POST ``application/sparql-query``.
  SELECT/ASK answers as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as
  Turtle, N-Triples, JSON-LD or RDF/XML — chosen by ``Accept`` (or
  ``?format=`` / ``?_format=``). The default graph is the union of all graphs
  unless ``default-graph-uri`` is given.
- ``/queries`` — the canned queries as JSON; ``/queries/<name>?param=value``
  runs one with its parameters bound as RDF terms (kg.queries), as Datasette does.
- ``/`` — ``DIR/site/`` (the static site) when it exists, else a short index page.
- ``/workbench`` — the SPARQL workbench (YASGUI, bundled), pointed at ``/sparql``.

Limits, and what exactly is enforced:

- read-only and local: update requests (``update=``, ``application/sparql-update``)
  get 403; every ad-hoc query is parsed into SPARQL algebra in the worker and
  refused (403) when it is an update or holds a SERVICE pattern, however it is
  spelled; workers have no network where the kernel allows it.
- time: a query still running at ``timeout`` seconds (waiting for a worker
  included) gets 503 and its worker process is killed, so its CPU and memory
  come back at once; ``workers`` queries run at once.
- size: more than ``max_rows`` solutions or triples, or an answer over
  ``max_bytes``, gives 413; request bodies over 1 MB get 413, request lines and
  headers over 64 KB 414/431; queries nested more than 40 levels deep get 400
  before any parser sees them; a query that crashes its worker gets 400 and the
  server carries on.
- connections: at most 500 at once, each with 5 s to send its request
  (DkgHTTPServer); log lines go through a queue, never blocking a handler.
- binds 127.0.0.1 unless told otherwise; CORS allows any origin (read-only data).
"""

from __future__ import annotations

import contextlib
import html
import json
import mimetypes
import queue
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from kg import __version__, formats, outdir, sparql_pool
from kg.errors import DkgError
from kg.queries import (
    CannedQuery,
    bind_params,
    canned_queries,
    oxigraph_store,
)
from kg.sparql import bind_query
from kg.sparql_answer import GRAPH_TYPES, SELECT_TYPES, QueryRefused
from kg.sparql_pool import PoolLimits, QueryPool
from kg.store import open_store_folder

MAX_BODY = 1_000_000

# ?format= / ?_format= short names
SHORT_FORMATS = formats.short_names(formats.RESULTS, formats.GRAPH)


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


Limits = PoolLimits  # timeout, max_rows, max_bytes, workers, memory


class Engine:
    """Runs queries on the store under the time, size and read-only limits (kg.sparql_pool)."""

    def __init__(self, store, limits: Limits) -> None:
        self.limits = limits
        self.pool = QueryPool(_source(store), limits)

    def run(
        self, query: str, accept: str, default_graphs: list[str] | None = None, check: bool = True
    ) -> tuple[bytes, str]:
        """Evaluate a query and serialise its answer; raises HttpError.

        ``check=False`` only for the canned queries (our text, parameters bound as terms).
        """
        try:
            return self.pool.run(query, accept, default_graphs, check)
        except QueryRefused as e:
            raise HttpError(e.status, e.message) from None

    def close(self) -> None:
        self.pool.close()


def _source(store) -> str | bytes:
    """What a worker process opens: the store folder, or a dump of an in-memory store."""
    path = getattr(store, "path", None)
    if path is not None:
        return str(path)
    raw = oxigraph_store(store)
    return raw.dump(format=ox.RdfFormat.N_QUADS) or b""


class Handler(BaseHTTPRequestHandler):
    server_version = f"dkg/{__version__}"
    engine: Engine
    site_dir: Path | None
    queries: dict[str, CannedQuery]
    quiet: bool = True

    # ------------------------------------------------------------ plumbing

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if not self.quiet:
            log_line(f"{self.address_string()} - [{self.log_date_time_string()}] {format % args}")

    def setup(self) -> None:
        super().setup()
        self.server.reading_started(self.request)  # type: ignore[attr-defined]

    def _read_done(self) -> None:
        """The request is in: from now on only the write timeout applies."""
        self.server.reading_done(self.request)  # type: ignore[attr-defined]

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype if "charset" in ctype else f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Content-Type")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain")

    def _query_fields(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)

    def _body(self) -> bytes:
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit() or not raw.isascii():
            self.close_connection = True
            raise HttpError(400, f"bad Content-Length '{raw[:40]}'")
        length = int(raw)
        if length > MAX_BODY:
            self.close_connection = True
            raise HttpError(413, f"request body over {MAX_BODY} bytes")
        data = self.rfile.read(length) if length else b""
        if len(data) < length:
            self.close_connection = True
            raise HttpError(400, "request body shorter than its Content-Length")
        self._read_done()
        return data

    def _accept(self, fields: dict[str, list[str]]) -> str:
        fmt = (fields.get("format") or fields.get("_format") or [""])[0].strip().lower()
        if fmt:
            if fmt in SHORT_FORMATS:
                return SHORT_FORMATS[fmt]
            if fmt in SELECT_TYPES or fmt in GRAPH_TYPES:
                return fmt
            raise HttpError(400, f"unknown format '{fmt}' ({', '.join(SHORT_FORMATS)})")
        return self.headers.get("Accept", "")

    def _dispatch(self, method: str) -> None:
        try:
            if method != "POST":
                self._read_done()
            path = urllib.parse.urlsplit(self.path).path
            if path.rstrip("/") == "/sparql":
                self._sparql(method)
            elif path.rstrip("/") == "/queries":
                self._list_queries()
            elif path.startswith("/queries/"):
                self._canned(path[len("/queries/") :], method)
            elif path.startswith("/workbench") and method in ("GET", "HEAD"):
                self._workbench(path)
            elif method in ("GET", "HEAD"):
                self._static(path)
            else:
                raise HttpError(405, f"{method} is not allowed on {path}")
        except HttpError as e:
            self._error(e.status, e.message)
        except DkgError as e:
            self._error(400, str(e))
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the client went away, or was too slow
        except (ValueError, UnicodeError) as e:  # a malformed request, not a server fault
            self._error(400, f"bad request ({type(e).__name__})")
        except Exception as e:  # noqa: BLE001 - one bad request must not kill the server
            self.log_error("internal error: %r", e)
            self._error(500, f"internal error ({type(e).__name__})")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._error(405, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    # ------------------------------------------------------------ routes

    def _sparql(self, method: str) -> None:
        fields = self._query_fields()
        query = None
        if method == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/sparql-update":
                raise HttpError(403, "this endpoint is read-only: SPARQL updates are refused")
            if ctype == "application/sparql-query":
                query = body.decode("utf-8", "replace")
            elif ctype in ("application/x-www-form-urlencoded", ""):
                form = urllib.parse.parse_qs(
                    body.decode("utf-8", "replace"), keep_blank_values=True
                )
                for k, v in form.items():
                    fields.setdefault(k, []).extend(v)
            else:
                raise HttpError(415, f"unsupported Content-Type '{ctype}'")
        if "update" in fields:
            raise HttpError(403, "this endpoint is read-only: SPARQL updates are refused")
        if query is None:
            queries = fields.get("query") or []
            if len(queries) != 1:
                if not queries and method in ("GET", "HEAD"):
                    return self._index(endpoint_only=True)
                raise HttpError(400, "give exactly one 'query' parameter")
            query = queries[0]
        graphs = fields.get("default-graph-uri") or None
        body, mtype = self.engine.run(query, self._accept(fields), graphs)
        self._send(200, body, mtype)

    def _list_queries(self) -> None:
        items = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "url": f"/queries/{q.name}",
                "params": [
                    {"name": p.name, "type": p.type, "optional": p.optional, "example": p.example,
                     "meaning": p.meaning}
                    for p in q.params
                ],
            }
            for q in self.queries.values()
        ]  # fmt: skip
        self._send(
            200, json.dumps(items, ensure_ascii=False, indent=2).encode(), "application/json"
        )

    def _canned(self, name: str, method: str) -> None:
        name = urllib.parse.unquote(name).strip("/")
        if name.endswith(".rq") and name[:-3] in self.queries:
            q = self.queries[name[:-3]]
            return self._send(200, q.text.encode("utf-8"), "application/sparql-query")
        if name not in self.queries:
            raise HttpError(404, f"no canned query '{name}' (see /queries)")
        q = self.queries[name]
        fields = self._query_fields()
        if method == "POST":
            form = urllib.parse.parse_qs(self._body().decode("utf-8", "replace"))
            for k, v in form.items():
                fields.setdefault(k, []).extend(v)
        accept = self._accept(fields)
        params = {}
        for k, v in fields.items():
            if k in ("format", "_format"):
                continue
            if len(v) != 1:
                raise HttpError(400, f"parameter '{k}' given {len(v)} times")
            if v[0] != "":
                params[k] = v[0]
        text = bind_query(q.text, bind_params(q, params))
        body, mtype = self.engine.run(text, accept, check=False)
        self._send(200, body, mtype)

    def _workbench(self, path: str) -> None:
        """The SPARQL workbench (kg.views.workbench), from the package: no site needed."""
        from kg.views import workbench

        if path.rstrip("/") in ("/workbench", "/workbench.html"):
            return self._send(200, workbench.workbench_html().encode("utf-8"), "text/html")
        name = path[len("/workbench/static/") :] if path.startswith("/workbench/static/") else ""
        file = workbench.static_file(name)
        if file is None:
            raise HttpError(404, f"not found: {path}")
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._send(200, file.read_bytes(), ctype)

    def _static(self, path: str) -> None:
        if self.site_dir is None or not self.site_dir.is_dir():
            if path in ("/", "/index.html"):
                return self._index()
            raise HttpError(404, f"not found: {path}")
        root = self.site_dir.resolve()
        rel = urllib.parse.unquote(path).lstrip("/")
        target = (root / rel).resolve()
        if target != root and root not in target.parents:
            raise HttpError(404, f"not found: {path}")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            raise HttpError(404, f"not found: {path}")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self._send(200, target.read_bytes(), ctype)

    def _index(self, endpoint_only: bool = False) -> None:
        esc = html.escape
        items = "".join(
            f'<li><a href="/queries/{esc(q.name)}?_format=json">{esc(q.name)}</a> — {esc(q.title)}</li>'
            for q in self.queries.values()
        )
        page = (
            '<!doctype html><meta charset="utf-8"><title>dkg SPARQL endpoint</title>'
            "<h1>dkg SPARQL endpoint</h1>"
            "<p>SPARQL 1.1 Protocol at <code>/sparql</code> (GET ?query=, POST form, "
            "POST application/sparql-query). Read-only. "
            '<a href="/workbench">SPARQL workbench</a>.</p>'
            f"<h2>Canned queries</h2><ul>{items}</ul>"
        )
        if endpoint_only:
            page += "<p>Give a <code>query</code> parameter.</p>"
        self._send(200, page.encode("utf-8"), "text/html")


class DkgHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that slow or idle clients cannot exhaust.

    At most ``max_connections`` connections are served at once (the next gets 503
    and is closed); a client has ``read_timeout`` seconds in all to send its
    request line, headers and body (a reaper closes connections past it, so a
    client sending a byte a second -- slowloris -- is cut off too); answers are
    written with ``write_timeout`` per send.

    Why the standard library and not an ASGI stack: measured on the seed site (50
    clients x 15 s, pages only, 2 shared cores) this server answered 1,411 pages/s
    at p99 0.05 s against 818/s at p99 0.32 s for Starlette on uvicorn; queries run
    in worker processes either way. uvicorn shrugs off idle connections better (1,000
    held open cost it nothing; here they take slots until the read deadline cuts
    them), which the connection cap and the reaper bound.
    """

    daemon_threads = True
    request_queue_size = 128
    max_connections = 500
    read_timeout = 5.0
    write_timeout = 30.0

    def __init__(self, address, handler, engine: Engine) -> None:
        super().__init__(address, handler)
        self.engine = engine
        self.slots = threading.BoundedSemaphore(self.max_connections)
        self._reading: dict = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        threading.Thread(target=self._reap, name="dkg-reaper", daemon=True).start()

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.reading_done(request)
            self.slots.release()

    def reading_started(self, sock) -> None:
        sock.settimeout(self.read_timeout)
        with self._lock:
            self._reading[sock] = time.monotonic() + self.read_timeout

    def reading_done(self, sock) -> None:
        with self._lock:
            self._reading.pop(sock, None)
        with contextlib.suppress(OSError):
            sock.settimeout(self.write_timeout)

    def _reap(self) -> None:
        while not self._stop.wait(0.5):
            now = time.monotonic()
            with self._lock:
                late = [s for s, deadline in self._reading.items() if deadline < now]
                for s in late:
                    del self._reading[s]
            for s in late:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        log_line(f"{client_address[0]}: connection error ({type(exc).__name__}: {exc})")

    def server_close(self) -> None:
        self._stop.set()
        super().server_close()
        self.engine.close()


_BUSY = (
    b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 32\r\nConnection: close\r\n\r\ntoo many connections; try again\n"
)

_LOG: queue.Queue[str] = queue.Queue(maxsize=10_000)
_LOG_STARTED = threading.Event()
_LOG_DROPPED = [0]


def log_line(line: str) -> None:
    """Queue a log line for stderr; never blocks a handler (a stalled terminal or a pipe
    nobody reads costs dropped lines, counted, instead of a stopped server)."""
    if not _LOG_STARTED.is_set():
        _LOG_STARTED.set()
        threading.Thread(target=_write_log, name="dkg-log", daemon=True).start()
    try:
        _LOG.put_nowait(line)
    except queue.Full:
        _LOG_DROPPED[0] += 1


def _write_log() -> None:
    while True:
        line = _LOG.get()
        dropped, _LOG_DROPPED[0] = _LOG_DROPPED[0], 0
        with contextlib.suppress(OSError, ValueError):
            if dropped:
                sys.stderr.write(f"dkg: {dropped} log lines dropped (stderr too slow)\n")
            sys.stderr.write(line + "\n")
            sys.stderr.flush()


def make_server(
    store,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    site_dir: Path | None = None,
    limits: Limits | None = None,
    queries: dict[str, CannedQuery] | None = None,
    quiet: bool = True,
) -> DkgHTTPServer:
    """A ready (not yet serving) server; port 0 picks a free port (see ``server_address``)."""
    sparql_pool.context()  # the fork server starts before any request thread
    engine = Engine(store, limits or Limits())
    handler = type(
        "DkgHandler",
        (Handler,),
        {
            "engine": engine,
            "site_dir": Path(site_dir) if site_dir else None,
            "queries": queries if queries is not None else canned_queries(),
            "quiet": quiet,
        },
    )
    try:
        return DkgHTTPServer((host, port), handler, engine)
    except BaseException:
        engine.close()
        raise


class Follower:
    """Keeps a server on the live generation of an output folder (kg.outdir).

    The server answers from the generation it opened; when a build publishes a new
    one, the next check opens it and swaps the handler's engine and site in one
    assignment each: requests already running finish on the old store (they hold
    it), new ones see the new build. A lease keeps builds from deleting the
    generation being served.
    """

    def __init__(self, out_dir: Path, server: ThreadingHTTPServer, limits: Limits) -> None:
        self.out_dir = Path(out_dir)
        self.server = server
        self.limits = limits
        self.gen = outdir.current(self.out_dir)
        self.lease = outdir.take_lease(self.gen) if self.gen else None
        self.stop = threading.Event()

    def check(self) -> bool:
        """Switch to a newer generation if there is one; True when it switched."""
        gen = outdir.current(self.out_dir)
        if gen is None or gen == self.gen:
            return False
        lease = outdir.take_lease(gen)
        try:
            store = open_store_folder(gen / "store")
        except DkgError:
            outdir.drop_lease(lease)
            return False  # not readable (yet): keep serving what we have
        handler = self.server.RequestHandlerClass
        engine, old_engine = Engine(store, self.limits), handler.engine  # type: ignore[attr-defined]
        store.close()  # the workers open it themselves
        handler.engine = self.server.engine = engine  # type: ignore[attr-defined]
        handler.site_dir = gen / "site"  # type: ignore[attr-defined]
        old_engine.pool.close_later(self.limits.timeout + 5)  # queries in flight finish
        old, self.gen, self.lease = self.lease, gen, lease
        outdir.drop_lease(old)
        return True

    def run(self, every: float = 1.0) -> None:
        while not self.stop.wait(every):
            with contextlib.suppress(OSError):  # a folder mid-change: try again next time
                self.check()

    def start(self) -> None:
        threading.Thread(target=self.run, name="dkg-follow", daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        outdir.drop_lease(self.lease)


def serve(
    store_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    limits: Limits | None = None,
    echo=print,
) -> None:
    """Open DIR's store read-only and serve it until interrupted, following new builds."""
    from kg.queries import open_store_dir

    limits = limits or Limits()
    store = open_store_dir(store_dir)
    store.close()  # opened only to fail early in one line: the workers open it themselves
    gen = outdir.current(Path(store_dir))
    site = (gen or Path(store_dir)) / "site"
    try:
        server = make_server(store, host, port, site_dir=site, limits=limits, quiet=False)
    except OSError as e:
        raise DkgError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
    follower = Follower(Path(store_dir), server, limits)
    follower.start()
    h, p = server.server_address[:2]
    echo(
        f"dkg: SPARQL endpoint at http://{h}:{p}/sparql"
        + (f", site at http://{h}:{p}/" if site.is_dir() else "")
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo(f"dkg: warning: listening on {host}, reachable from other machines")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        follower.close()
        server.server_close()
