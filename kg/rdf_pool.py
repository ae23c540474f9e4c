"""The source graphs of a build, emitted in worker processes.

Turning a record into its graph is Python work per quad (a pyoxigraph term per node,
then serialising, sorting and de-duplicating the lines): at 10,000 plans, 7.4 million
quads and most of the build's "rdf+store" phase in one process. Each source graph
depends only on its record and the resolved corpus (kg.incremental), so forked
workers that share the corpus copy-on-write emit them side by side, each writing its
graph's export file (kg.graph_export) and handing back the N-Quads bytes, which the
parent bulk-loads (parsed in Rust, no Python object per quad in the parent). The
workers run kg.rdf's own Emitter: the RDF module stays the only one minting IRIs.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from kg import graph_export
from kg.derived import facts_of
from kg.rdf import Emitter
from kg.resolve import ResolvedSource

POOL_MIN = 200  # fewer sources than this are emitted here: forking costs more
CHUNK = 32  # sources per task: a few MB of N-Quads each
WINDOW = 24  # tasks in flight: more than a store batch (kg.store.BATCH) of quads

_JOB: tuple | None = None  # (emitter, sources, graph IRIs, exports folder, base) in workers


@dataclass
class Emitted:
    """One source's graph: its sorted, distinct N-Quads lines joined, or why it failed."""

    index: int  # in the list of sources given
    data: bytes = b""
    lines: int = 0
    error: str | None = None
    facts: bytes = b""  # its lines graph/derived reads (kg.derived.facts_of)


def _emit_one(
    emitter: Emitter, src: ResolvedSource, iri: str, exports: Path, base: str, index: int
) -> Emitted:
    try:
        lines = graph_export.lines_of(emitter.source_quads(src))
    except Exception as e:  # a record the RDF stage cannot express: reported, the build goes on
        return Emitted(index, error=f"cannot turn into RDF ({type(e).__name__}: {e})")
    graph_export.write_lines(exports, iri, base, lines)
    return Emitted(index, b"".join(lines), len(lines), facts=facts_of(lines, iri))


def _chunk(bounds: tuple[int, int]) -> tuple[list[Emitted], dict[str, str]]:
    """In a worker: the graphs of sources ``bounds``, and the doc types minted on the way."""
    assert _JOB is not None
    emitter, sources, iris, exports, base = _JOB
    out = [_emit_one(emitter, sources[i], iris[i], exports, base, i) for i in range(*bounds)]
    return out, dict(emitter.minted_types)


def emit_sources(
    emitter: Emitter,
    sources: list[ResolvedSource],
    iris: list[str],
    exports: Path,
    base: str,
    jobs: int = 1,
) -> Iterator[Emitted]:
    """Each source's graph (``iris[i]`` is the graph of ``sources[i]``), its export file
    written; in ``jobs`` forked processes when there are enough sources. The doc types
    the workers minted are added to ``emitter.minted_types`` (the shared graph lists them)."""
    global _JOB
    if jobs <= 1 or len(sources) < POOL_MIN or "fork" not in mp.get_all_start_methods():
        for i, src in enumerate(sources):
            yield _emit_one(emitter, src, iris[i], exports, base, i)
        return
    bounds = iter([(lo, min(lo + CHUNK, len(sources))) for lo in range(0, len(sources), CHUNK)])
    _JOB = (emitter, sources, iris, exports, base)
    try:
        with mp.get_context("fork").Pool(jobs, initializer=gc.freeze) as pool:
            # at most WINDOW chunks asked for and not yet taken: while this process loads
            # a batch into the store, the workers go on, but their output cannot pile up
            pending = deque(pool.apply_async(_chunk, (b,)) for b in islice(bounds, WINDOW))
            while pending:
                done, minted = pending.popleft().get()
                for b in islice(bounds, 1):
                    pending.append(pool.apply_async(_chunk, (b,)))
                for slug, label in minted.items():  # in source order: the first label wins
                    emitter.minted_types.setdefault(slug, label)
                yield from done
    finally:
        _JOB = None
