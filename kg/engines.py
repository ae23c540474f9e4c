"""Private local SPARQL servers to push to: the Oxigraph server and Virtuoso.

Tests, scripts/bench_national.py and a user trying scale-out on one machine start one
with ``start_oxigraph(folder)`` or ``start_virtuoso(folder)``: a new database in
``folder``, bound to 127.0.0.1 on free ports, stopped with ``Engine.stop()`` (or as a
context manager). Virtuoso gets its own ini (the Debian package's binds every interface
and caps results at 10,000 rows, silently); its dba password stays ``dba``, so the
server listens on the loopback address only.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DkgError

VIRTUOSO_VAD = Path("/usr/share/virtuoso-opensource-7/vad")
VIRTUOSO_VSP = Path("/var/lib/virtuoso-opensource-7/vsp")


@dataclass
class Engine:
    """A running server: where to push (Graph Store Protocol) and where to query."""

    name: str
    store_url: str  # dkg push --endpoint
    query_url: str  # dkg query/trace/audit/site --endpoint
    auth: str | None
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when the process that started it dies, so a test run
    or benchmark killed midway leaves no server behind on a shared machine."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The server binary of the PyPI package ``oxigraph`` (beside this Python), if any."""
    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else None


def virtuoso_binary() -> str | None:
    """``virtuoso-t`` of the Debian package virtuoso-opensource, if installed."""
    return shutil.which("virtuoso-t")


def _wait_until_up(proc: subprocess.Popen, url: str, name: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DkgError(f"{name} stopped while starting (exit status {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                resp.read()
            return
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise DkgError(f"{name} did not answer at {url} within {seconds:.0f} s")


def start_oxigraph(folder: Path) -> Engine:
    """``oxigraph serve`` on a new database in ``folder``, default graph = union of graphs."""
    binary = oxigraph_binary()
    if binary is None:
        raise DkgError("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
    base = f"http://127.0.0.1:{free_port()}"
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(folder / "db"), "--bind", base[7:]]
        + ["--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_die_with_parent,
    )
    _wait_until_up(proc, base + "/query?query=ASK%7B%7D", "oxigraph", 30)
    return Engine("oxigraph", base + "/store", base + "/query", None, proc)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {vad}
VADInstallDir = {vad}/
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 1G

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {vsp}
ServerThreads = 4
MaxClientConnections = 8
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 600
"""


def start_virtuoso(folder: Path, buffers: int = 20_000) -> Engine:
    """``virtuoso-t`` in the foreground on a new database in ``folder`` (about 8 s to
    create it). ``buffers`` are 8 kB pages of cache (20,000: 160 MB)."""
    binary = virtuoso_binary()
    if binary is None:
        raise DkgError("virtuoso-t (Debian package virtuoso-opensource) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(
            db=folder,
            sql_port=sql_port,
            http_port=http_port,
            vad=VIRTUOSO_VAD,
            vsp=VIRTUOSO_VSP,
            buffers=buffers,
            dirty=buffers * 3 // 4,
        ),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_die_with_parent,
    )
    base = f"http://127.0.0.1:{http_port}"
    _wait_until_up(proc, base + "/sparql?query=ASK%7B%7D", "virtuoso", 120)
    return Engine(
        "virtuoso", base + "/sparql-graph-crud-auth", base + "/sparql-auth", "dba:dba", proc
    )
