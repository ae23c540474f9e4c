"""SPARQL evaluation in worker processes that can be killed: the server's real time limit.

pyoxigraph cannot be interrupted inside one evaluation step (a cartesian COUNT
or ORDER BY yields no row until it is done), so a thread that checks a flag
between rows cannot stop it. Each query therefore runs in a worker process;
when its time is up the worker is killed (SIGKILL), which frees its CPU and
memory at once, and a fresh worker replaces it. A worker also:

- opens the store read-only itself (or loads a dump, for in-memory stores);
- has no network at all when the kernel allows it (its own empty network
  namespace), so even a query the checks missed cannot fetch other addresses;
- runs under an address-space limit, so a query that grows without bound
  dies alone instead of taking the machine's memory;
- refuses, by parsing the query into SPARQL algebra (rdflib), anything that is
  not a read-only query of this store: updates, LOAD and SERVICE in any
  spelling (the algebra has no spellings);
- dies alone when a pathological query crashes the parser or the engine: the
  server answers 400 and starts another worker.

Workers are forked from a fork server started before the HTTP threads, so they
start in milliseconds without inheriting threads or open databases.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import queue
import re
import resource
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from kg.sparql_answer import QueryRefused, evaluate

SLOW = 0.5  # seconds after which a query runs at low CPU priority (nice 15)
NICE = 3  # workers yield to the HTTP process, which answers pages and hands out queries
MAX_DEPTH = 40  # nesting of { ( [ a query may have (hand-written queries stay far below)
_CLONE_NEWNET = 0x40000000
_TOKENS = re.compile(
    r"""\#[^\n]*|'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^\s<>"{}|^`\\]*>|[{(\[]|[})\]]"""
)


def nesting_depth(query: str) -> int:
    """Deepest nesting of brackets outside strings, IRIs and comments (linear scan)."""
    depth = deepest = 0
    for m in _TOKENS.finditer(query):
        c = m.group()
        if c in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})]":
            depth -= 1
    return deepest


@dataclass
class PoolLimits:
    timeout: float = 10.0  # seconds per query, waiting for a worker included
    max_rows: int = 100_000  # solutions or triples per answer
    max_bytes: int = 64_000_000  # serialised answer
    workers: int = 4  # more than the cores: a runaway query must not hold them all
    memory: int = 3 << 30  # address space per worker, bytes


# ------------------------------------------------------------------ in the worker


def _algebra_names(node, seen: set[str], depth: int = 0) -> None:
    """Collect the names of every algebra node (rdflib CompValue) under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if depth > 10_000:
        return
    if isinstance(node, CompValue):
        seen.add(node.name)
        for v in node.values():
            _algebra_names(v, seen, depth + 1)
    elif isinstance(node, list | tuple):
        for v in node:
            _algebra_names(v, seen, depth + 1)


def check_query(query: str) -> None:
    """Refuse anything but a read-only, local query, judged on its parsed algebra."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(query)
    except RecursionError:
        raise QueryRefused(400, "query nested too deeply") from None
    except Exception as e:  # noqa: BLE001 - pyparsing raises many kinds
        try:
            parseUpdate(query)
        except Exception:  # noqa: BLE001
            raise QueryRefused(400, f"SPARQL syntax error: {_one_line(e)}") from None
        raise QueryRefused(403, "this endpoint is read-only: SPARQL updates are refused") from None
    try:
        algebra = translateQuery(parsed).algebra
    except RecursionError:
        raise QueryRefused(400, "query nested too deeply") from None
    except Exception as e:  # noqa: BLE001
        raise QueryRefused(400, f"SPARQL error: {_one_line(e)}") from None
    names: set[str] = set()
    _algebra_names(algebra, names)
    if "ServiceGraphPattern" in names:
        raise QueryRefused(403, "federated queries (SERVICE) are not allowed on this endpoint")


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())[:200]


def _isolate(memory: int) -> None:
    """No network and bounded memory for this process (best effort where not permitted)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.unshare(_CLONE_NEWNET)
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, NICE)
    sys.setrecursionlimit(20_000)  # the parser recurses per nesting level; MAX_DEPTH caps it


def _open(source: str | bytes):
    import pyoxigraph as ox

    if isinstance(source, bytes):
        store = ox.Store()
        store.load(source, format=ox.RdfFormat.N_QUADS)
        return store
    return ox.Store.read_only(str(Path(source) / "db"))


def worker_main(conn, source: str | bytes, limits: PoolLimits) -> None:
    """Serve jobs from ``conn`` until it closes: (query, accept, graphs, check) -> reply."""

    _isolate(limits.memory)
    store = _open(source)
    verdicts: OrderedDict[str, QueryRefused | None] = OrderedDict()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            query, accept, graphs, check = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if check:
                if query not in verdicts:
                    try:
                        check_query(query)
                        verdicts[query] = None
                    except QueryRefused as e:
                        verdicts[query] = e
                    if len(verdicts) > 2000:
                        verdicts.popitem(last=False)
                if verdicts[query] is not None:
                    raise verdicts[query]
            body, mtype = evaluate(store, query, accept, graphs, limits.max_rows, limits.max_bytes)
            reply = ("ok", body, mtype)
        except QueryRefused as e:
            reply = ("error", e.status, e.message)
        except MemoryError:
            reply = ("error", 413, "the query needs more memory than this endpoint allows")
        except Exception as e:  # noqa: BLE001 - reported, the worker lives on
            reply = ("error", 500, f"internal error ({type(e).__name__})")
        conn.send(reply)


# ------------------------------------------------------------------ in the server


_CONTEXT: mp.context.BaseContext | None = None


def context() -> mp.context.BaseContext:
    """The fork server context, started once (call before starting threads)."""
    global _CONTEXT
    if _CONTEXT is None:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["kg.sparql_pool", "kg.sparql_answer", "rdflib.plugins.sparql"])
        _CONTEXT = ctx
    return _CONTEXT


class _Worker:
    def __init__(self, source: str | bytes, limits: PoolLimits) -> None:
        ctx = context()
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=worker_main, args=(child, source, limits), name="dkg-sparql", daemon=True
        )
        self.proc.start()
        child.close()
        self.ready = False
        self.niced = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            try:
                self.ready = self.conn.recv()[0] == "ready"
            except (EOFError, OSError):
                return False
        return self.ready

    def kill(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            self.proc.kill()
        self.proc.join(timeout=5)
        with contextlib.suppress(OSError):
            self.conn.close()
        with contextlib.suppress(ValueError):
            self.proc.close()


def _renice(pid: int | None, niceness: int) -> bool:
    try:
        os.setpriority(os.PRIO_PROCESS, pid or 0, niceness)
    except (OSError, TypeError):
        return False
    return True


class QueryPool:
    """``workers`` worker processes over one store; ``run`` answers or raises QueryRefused."""

    def __init__(self, source: str | bytes, limits: PoolLimits | None = None) -> None:
        self.source = source
        self.limits = limits or PoolLimits()
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self.killed = 0  # workers killed at their time limit or lost (for tests and logs)
        self.verified: OrderedDict[str, None] = OrderedDict()  # texts a worker found safe
        self.lock = threading.Lock()
        for _ in range(self.limits.workers):
            self.idle.put(_Worker(source, self.limits))

    def run(
        self, query: str, accept: str, graphs: list[str] | None = None, check: bool = True
    ) -> tuple[bytes, str]:
        limit = self.limits.timeout
        if check and query in self.verified:
            check = False  # the same text parses to the same algebra: checked once is enough
        if check and nesting_depth(query) > MAX_DEPTH:
            raise QueryRefused(400, f"query nested more than {MAX_DEPTH} levels deep")
        deadline = time.monotonic() + limit
        try:
            worker = self.idle.get(timeout=limit)
        except queue.Empty:
            raise QueryRefused(503, "the server is busy with other queries; try again") from None
        try:
            if not worker.wait_ready(max(0.0, deadline - time.monotonic())):
                if worker.proc.is_alive():
                    self.idle.put(worker)  # still starting: the next request gets it
                    raise QueryRefused(503, "the server is busy starting workers; try again")
                raise EOFError("worker did not start")
            worker.conn.send((query, accept, graphs, check))
            reply = self._wait(worker, deadline)
            if reply is None:
                self._replace(worker)
                raise QueryRefused(503, f"query exceeded the time limit of {limit:g} s; stopped")
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise QueryRefused(
                400, "the query could not be evaluated (too complex or too large); simplify it"
            ) from None
        if worker.niced and not _renice(worker.proc.pid, NICE):
            self._replace(worker)  # cannot raise its priority again (not root): a fresh one
        else:
            worker.niced = False
            self._give_back(worker)
        if reply[0] == "ok":
            if check:
                with self.lock:
                    self.verified[query] = None
                    if len(self.verified) > 5000:
                        self.verified.popitem(last=False)
            return reply[1], reply[2]
        raise QueryRefused(reply[1], reply[2])

    def _wait(self, worker: _Worker, deadline: float):
        """The worker's reply, or None at the deadline. A query still running after
        ``SLOW`` seconds goes on at low CPU priority, so it takes only the CPU the
        other clients' queries leave."""
        if not worker.conn.poll(min(SLOW, max(0.0, deadline - time.monotonic()))):
            worker.niced = _renice(worker.proc.pid, 15)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                return None
        return worker.conn.recv()

    def _give_back(self, worker: _Worker) -> None:
        if self.closed:
            worker.kill()
        else:
            self.idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` (its CPU and memory come back now) and start another."""
        self.killed += 1
        worker.kill()
        if not self.closed:
            self.idle.put(_Worker(self.source, self.limits))

    def close(self) -> None:
        """Stop idle workers now; busy ones are stopped when they come back."""
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return

    def close_later(self, delay: float) -> None:
        timer = threading.Timer(delay, self.close)
        timer.daemon = True
        timer.start()
