"""``dkg push``: copy the built store to a SPARQL server, one named graph at a time.

Scale-out goes onto existing engines (Oxigraph server, Virtuoso, ...), not our own:
each named graph is written with the SPARQL 1.1 Graph Store Protocol as one
``PUT ?graph=G`` of N-Triples, which replaces the graph whole, so pushing twice
leaves the same server state (idempotent) and a failed push can simply be
re-run. Queries then run there: ``dkg query NAME --endpoint URL`` (the endpoint's
default graph must be the union of its named graphs, e.g. ``oxigraph serve
--union-default-graph``; Virtuoso does so by default).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.endpoint import Client
from kg.errors import DkgError
from kg.store import open_store


@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"pushed {self.graphs} graphs ({self.triples} triples, {self.bytes / 1e6:.1f} MB) "
            f"to {self.endpoint} in {self.seconds:.1f} s"
        )


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol address of one named graph (``?graph=`` indirect naming)."""
    joiner = "&" if "?" in endpoint else "?"
    return endpoint + joiner + urllib.parse.urlencode({"graph": graph})


def put_graph(client: Client, endpoint: str, graph: str, data: bytes, timeout: float) -> None:
    req = urllib.request.Request(
        graph_url(endpoint, graph),
        data=data,
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    try:
        client.open(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise DkgError(
            f"{endpoint}: PUT of graph {graph} refused: HTTP {e.code} "
            f"{detail[0] if detail else e.reason}"
        ) from None
    except (urllib.error.URLError, OSError) as e:
        raise DkgError(f"{endpoint}: cannot reach the server ({e})") from None


def push(
    out_dir: Path | str,
    endpoint: str,
    auth: str | None = None,
    graphs: Iterable[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    timeout: float = 300.0,
) -> PushReport:
    """PUT every named graph of the store in ``out_dir`` (or only ``graphs``) to ``endpoint``
    (a Graph Store Protocol address such as http://host:7878/store)."""
    started = time.perf_counter()
    report = PushReport(endpoint)
    client = Client(endpoint, auth)
    store = open_store(Path(out_dir))
    try:
        names = list(graphs) if graphs is not None else store.named_graphs()
        for i, g in enumerate(names, 1):
            data = store.raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
            put_graph(client, endpoint, g, data, timeout)
            report.graphs += 1
            report.triples += data.count(b"\n")
            report.bytes += len(data)
            if progress is not None:
                progress(i, len(names), g)
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report
