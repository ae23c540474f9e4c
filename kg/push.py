"""``dkg push``: copy the built store to a SPARQL server, one named graph at a time.

Scale-out goes onto existing engines (Oxigraph server, Virtuoso, ...), not our own:
each named graph is written with the SPARQL 1.1 Graph Store Protocol as one
``PUT ?graph=G`` of N-Triples, which replaces the graph whole, so pushing twice
leaves the same server state (idempotent) and a failed push can simply be
re-run. Queries then run there: ``dkg query NAME --endpoint URL`` (the endpoint's
default graph must be the union of its named graphs, e.g. ``oxigraph serve
--union-default-graph``; Virtuoso does so by default).

Only what changed travels: the output folder keeps, per endpoint, the content hash of
every graph it last pushed there (``DIR/pushed.json``: SHA-256 of the graph's sorted
N-Triples). A push after an incremental build PUTs the graphs whose hash differs,
DELETEs the graphs it pushed before that the store no longer has (a removed source),
and leaves every other graph on the server alone. ``full=True`` (``--full``) pushes
everything, e.g. to a server whose database was replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.endpoint import Client
from kg.errors import DkgError
from kg.progress import Progress
from kg.progress import report as tell
from kg.store import open_store

MANIFEST = "pushed.json"


@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0  # PUT
    triples: int = 0
    bytes: int = 0
    unchanged: int = 0  # same hash as the last push to this endpoint: not sent
    removed: int = 0  # pushed before, gone from the store: deleted on the server
    seconds: float = 0.0

    def summary(self) -> str:
        rest = "".join(
            f", {n} {what}"
            for n, what in ((self.unchanged, "unchanged"), (self.removed, "removed"))
            if n
        )
        return (
            f"pushed {self.graphs} graphs ({self.triples} triples, {self.bytes / 1e6:.1f} MB)"
            f"{rest} to {self.endpoint} in {self.seconds:.1f} s"
        )


def content_hash(ntriples: bytes) -> str:
    """The same for the same triples, whatever order the store dumps them in."""
    lines = sorted(set(ntriples.splitlines()))
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def _manifest_path(out_dir: Path) -> Path:
    return Path(out_dir) / MANIFEST


def last_pushed(out_dir: Path | str, endpoint: str) -> dict[str, str]:
    """Graph -> content hash of the last push from ``out_dir`` to ``endpoint``."""
    try:
        data = json.loads(_manifest_path(Path(out_dir)).read_text(encoding="utf-8"))
        return dict(data.get(endpoint, {}))
    except (OSError, ValueError, AttributeError):
        return {}


def _record(out_dir: Path, endpoint: str, hashes: dict[str, str]) -> None:
    """Write the manifest atomically (a push killed midway keeps the one before)."""
    path = _manifest_path(out_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[endpoint] = dict(sorted(hashes.items()))
    tmp = path.with_name(f"{MANIFEST}.{os.getpid()}")
    with contextlib.suppress(OSError):
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol address of one named graph (``?graph=`` indirect naming)."""
    joiner = "&" if "?" in endpoint else "?"
    return endpoint + joiner + urllib.parse.urlencode({"graph": graph})


def put_graph(
    client: Client, endpoint: str, graph: str, data: bytes | None, timeout: float
) -> None:
    """PUT ``data`` (N-Triples) as graph ``graph``; ``data=None`` DELETEs the graph."""
    req = urllib.request.Request(
        graph_url(endpoint, graph),
        data=data,
        method="PUT" if data is not None else "DELETE",
        headers={"Content-Type": "application/n-triples"} if data is not None else {},
    )
    try:
        client.open(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        if data is None and e.code == 404:
            return  # already gone
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise DkgError(
            f"{endpoint}: {req.get_method()} of graph {graph} refused: HTTP {e.code} "
            f"{detail[0] if detail else e.reason}"
        ) from None
    except (urllib.error.URLError, OSError) as e:
        raise DkgError(f"{endpoint}: cannot reach the server ({e})") from None


def push(
    out_dir: Path | str,
    endpoint: str,
    auth: str | None = None,
    graphs: Iterable[str] | None = None,
    progress: Progress | None = None,
    timeout: float = 300.0,
    full: bool = False,
) -> PushReport:
    """PUT the named graphs of the store in ``out_dir`` that changed since the last push
    to ``endpoint`` (all of them with ``full``; only ``graphs`` if given), a Graph Store
    Protocol address such as http://host:7878/store, and delete the ones it dropped."""
    started = time.perf_counter()
    report = PushReport(endpoint)
    client = Client(endpoint, auth)
    last = {} if full else last_pushed(out_dir, endpoint)
    sent = dict(last)  # what the server holds from us, as far as we know
    store = open_store(Path(out_dir))
    try:
        names = list(graphs) if graphs is not None else store.named_graphs()
        tell(progress, "push", 0, len(names))
        for i, g in enumerate(names, 1):
            data = store.raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
            digest = content_hash(data)
            if last.get(g) == digest:
                report.unchanged += 1
            else:
                sent.pop(g, None)
                put_graph(client, endpoint, g, data, timeout)
                sent[g] = digest
                report.graphs += 1
                report.triples += data.count(b"\n")
                report.bytes += len(data)
            tell(progress, "push", i, len(names), g)
        if graphs is None:
            for g in sorted(set(last) - set(names)):
                put_graph(client, endpoint, g, None, timeout)
                sent.pop(g)
                report.removed += 1
    finally:
        store.close()
        _record(Path(out_dir), endpoint, sent)
    report.seconds = time.perf_counter() - started
    return report
