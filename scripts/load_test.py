"""Load and abuse test of ``dkg serve`` on loopback.

    python scripts/load_test.py --store dkg-out --clients 50 --seconds 60 --abuse

Starts ``dkg serve`` on the store (or uses --url), runs N client threads for T
seconds, each sending one request after another (a new connection each) drawn
from a mix of canned queries, ad-hoc SELECT/ASK/CONSTRUCT by GET and POST and
site pages, and prints requests, errors, latency percentiles and the server's
peak memory (its own and its worker processes', VmHWM). With --abuse, beside
the clients: one client sending a runaway cartesian query in a loop, one a
query with a huge answer, one a 10 MB query, one malformed SPARQL, one a query
nested 4,800 levels deep, and 10 slow clients (slowloris: a byte a second).
Their answers are counted apart; the figures that matter are the normal
clients' errors and latency while they run. ``--server-cmd`` runs another
server (e.g. an older checkout) to compare.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

DKG = "https://w3id.org/dkg/ns#"
ELI = "http://data.europa.eu/eli/ontology#"
SELECTS = [
    f"SELECT (COUNT(?d) AS ?n) WHERE {{ ?d a <{DKG}Duty> }}",
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 100",
    f"SELECT ?doc ?t WHERE {{ ?doc a <{ELI}LegalResource> ; ?p ?t . FILTER(isLiteral(?t)) }} "
    "LIMIT 200",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 20",
]
ASKS = [f"ASK {{ ?d a <{DKG}Duty> }}"]
CONSTRUCTS = [f"CONSTRUCT {{ ?d ?p ?o }} WHERE {{ ?d a <{DKG}Duty> ; ?p ?o }} LIMIT 300"]
CANNED = [
    "/queries/cascade?doc=28-CT%2FTW",
    "/queries/body_duties?body=" + urllib.parse.quote("Phòng Tư pháp"),
    "/queries/documents",
    "/queries/findings",
    "/queries/reporting_calendar",
    "/queries/topic_roles?topic=" + urllib.parse.quote("xâm hại"),
]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
HUGE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


def request_mix(pages: list[str]) -> list[tuple[str, str, bytes | None, dict]]:
    """(method, path, body, headers) of the normal clients' requests."""
    q = urllib.parse.quote
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    direct = {"Content-Type": "application/sparql-query"}
    mix = [("GET", f"/sparql?query={q(s)}", None, {}) for s in SELECTS + ASKS]
    mix += [
        ("POST", "/sparql", urllib.parse.urlencode({"query": s}).encode(), form) for s in SELECTS
    ]
    mix += [("GET", f"/sparql?query={q(c)}", None, {"Accept": "text/turtle"}) for c in CONSTRUCTS]
    mix += [
        ("POST", "/sparql", c.encode(), {**direct, "Accept": "text/turtle"}) for c in CONSTRUCTS
    ]
    mix += [("GET", path, None, {"Accept": "application/sparql-results+json"}) for path in CANNED]
    mix += [("GET", p, None, {}) for p in pages]
    return mix


def once(host: str, port: int, method: str, path: str, body, headers, timeout: float = 60):
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def peak_memory_mb(pid: int) -> float:
    """VmHWM of the server and all its descendants (MB), summed."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        todo += [int(c) for c in children]
    return total / 1024


class Run:
    def __init__(self, host: str, port: int, seconds: float) -> None:
        self.host, self.port = host, port
        self.stop_at = time.monotonic() + seconds
        self.latencies: list[float] = []
        self.by_kind: dict[str, list[float]] = {}
        self.statuses: Counter = Counter()
        self.errors: Counter = Counter()
        self.abuse: Counter = Counter()
        self.lock = threading.Lock()

    def live(self) -> bool:
        return time.monotonic() < self.stop_at

    def client(self, mix, seed: int) -> None:
        rnd = random.Random(seed)
        while self.live():
            method, path, body, headers = rnd.choice(mix)
            t0 = time.monotonic()
            try:
                status = once(self.host, self.port, method, path, body, headers)
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
            dt = time.monotonic() - t0
            kind = "page" if not path.startswith(("/sparql", "/queries")) else path[1:7]
            with self.lock:
                self.latencies.append(dt)
                self.by_kind.setdefault(kind, []).append(dt)
                self.statuses[status] += 1
                if status != 200:
                    self.errors[f"{status} {path[:50]}"] += 1

    def abuser(self, name: str, method: str, path: str, body=None, headers=None) -> None:
        """Send one abusive request after another (a pause between them, except for the
        runaway query: a 10 MB body in a tight loop would measure loopback, not the server)."""
        first = True
        while self.live():
            if not first and name != "runaway":
                time.sleep(0.5)
            first = False
            try:
                status = once(self.host, self.port, method, path, body, headers or {}, 30)
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
            with self.lock:
                self.abuse[f"{name}: {status}"] += 1

    def slowloris(self) -> None:
        while self.live():
            try:
                s = socket.create_connection((self.host, self.port), timeout=5)
                s.sendall(b"GET /sparql?query=")
                while self.live():
                    time.sleep(1)
                    s.sendall(b"x")
            except OSError:
                with self.lock:
                    self.abuse["slow client: cut off"] += 1
                time.sleep(0.5)


def start_server(args) -> tuple[subprocess.Popen, str, int]:
    port = args.port or _free_port()
    cmd = shlex.split(args.server_cmd) if args.server_cmd else [sys.executable, "-m", "kg"]
    cmd += ["serve", "--store", str(args.store), "--port", str(port)]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=args.server_cwd
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if once("127.0.0.1", port, "GET", "/queries", None, {}, 5) == 200:
                return proc, "127.0.0.1", port
        except OSError:
            time.sleep(0.3)
    proc.kill()
    sys.exit("load_test: the server did not start")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_pages(store: Path | None) -> list[str]:
    site = (store / "site") if store else None
    if not site or not site.is_dir():
        return ["/"]
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return ["/"] + ["/" + urllib.parse.quote(p) for p in pages[:: max(1, len(pages) // 20)]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, default=Path("dkg-out"))
    ap.add_argument("--url", help="an already running server (http://host:port)")
    ap.add_argument("--server-cmd", help="command that runs dkg (default: this Python -m kg)")
    ap.add_argument("--server-cwd", help="working folder for --server-cmd")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--abuse", action="store_true", help="run the abuse cases alongside")
    ap.add_argument("--pages-only", action="store_true", help="only site pages (HTTP layer)")
    ap.add_argument("--idle", type=int, default=0, help="idle connections held open alongside")
    ap.add_argument("--slow", type=int, default=10, help="slow clients with --abuse")
    ap.add_argument(
        "--skip", action="append", default=[], help="leave out an abuse case (e.g. 'nested 4800')"
    )
    args = ap.parse_args()

    proc = None
    if args.url:
        u = urllib.parse.urlsplit(args.url)
        host, port = u.hostname, u.port
    else:
        proc, host, port = start_server(args)
    run = Run(host, port, args.seconds)
    mix = request_mix(site_pages(args.store))
    if args.pages_only:
        mix = [m for m in mix if not m[1].startswith(("/sparql", "/queries"))]
    idle = []
    for _ in range(args.idle):
        try:
            idle.append(socket.create_connection((host, port), timeout=5))
        except OSError:
            break
    threads = [
        threading.Thread(target=run.client, args=(mix, i), daemon=True) for i in range(args.clients)
    ]
    if args.abuse:
        q = urllib.parse.quote
        sq = {"Content-Type": "application/sparql-query"}
        deep = "SELECT * WHERE " + "{ " * 4800 + "?s ?p ?o " + "} " * 4800
        big = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 10_000_000).encode()
        threads += [
            threading.Thread(target=run.abuser, args=a, daemon=True)
            for a in [
                c
                for c in [
                    ("runaway", "GET", f"/sparql?query={q(RUNAWAY)}"),
                    ("huge result", "GET", f"/sparql?query={q(HUGE)}"),
                    ("10 MB query", "POST", "/sparql", big, sq),
                    ("malformed", "GET", f"/sparql?query={q('SELEC * WHERE { ?s')}"),
                    ("nested 4800", "POST", "/sparql", deep.encode(), sq),
                ]
                if c[0] not in args.skip
            ]
        ]
        threads += [threading.Thread(target=run.slowloris, daemon=True) for _ in range(args.slow)]
    started = time.monotonic()
    for t in threads:
        t.start()
    peak = 0.0
    while run.live():
        time.sleep(0.5)
        if proc is not None:
            peak = max(peak, peak_memory_mb(proc.pid))
    for t in threads[: args.clients]:
        t.join(timeout=90)
    elapsed = time.monotonic() - started
    for s in idle:
        s.close()
    alive = proc is None or proc.poll() is None
    if proc is not None:
        peak = max(peak, peak_memory_mb(proc.pid))
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    lat = run.latencies
    errors = sum(run.errors.values())
    print(
        f"clients={args.clients} seconds={args.seconds:g} abuse={'yes' if args.abuse else 'no'} "
        f"cpus={os.cpu_count()} loadavg={os.getloadavg()[0]:.1f}"
    )
    print(
        f"requests={len(lat)} ({len(lat) / elapsed:.0f}/s) errors={errors} "
        f"p50={percentile(lat, 50):.3f}s p95={percentile(lat, 95):.3f}s "
        f"p99={percentile(lat, 99):.3f}s max={max(lat, default=0):.3f}s"
    )
    print(f"server peak memory (server + workers, VmHWM) = {peak:.0f} MB; alive={alive}")
    if args.idle:
        print(f"  idle connections opened: {len(idle)}")
    for kind, values in sorted(run.by_kind.items()):
        print(
            f"  {kind:7s} n={len(values)} p50={percentile(values, 50):.3f}s "
            f"p99={percentile(values, 99):.3f}s"
        )
    for what, n in run.errors.most_common(8):
        print(f"  error {n} x {what}")
    for what, n in sorted(run.abuse.items()):
        print(f"  abuse {what}: {n}")
    return 0 if errors == 0 and alive else 1


if __name__ == "__main__":
    sys.exit(main())
