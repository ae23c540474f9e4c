"""The source graphs of a build, emitted in worker processes.

Turning a record into its graph is Python work per quad (a pyoxigraph term per node,
then serialising, sorting and de-duplicating the lines): at 10,000 plans, 7.4 million
quads and most of the build's "rdf+store" phase in one process. Each source graph
depends only on its record and the resolved corpus (kg.incremental), so forked
workers that share the corpus copy-on-write emit them side by side, each writing its
graph's export file (kg.graph_export) and handing back the N-Quads bytes, which the
parent bulk-loads (parsed in Rust, no Python object per quad in the parent). The
workers run kg.rdf's own Emitter: the RDF module stays the only one minting IRIs.
On a full build they also keep the site's facts of each chunk of graphs, from the
quads in hand (kg.read.facts_cache.EarlyFacts), so that nothing parses the files again.
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
from kg.read import facts_cache
from kg.read.scan import Facts
from kg.resolve import ResolvedSource
from kg.shares import can_fork

POOL_MIN = 200  # fewer sources than this are emitted here: forking costs more
CHUNK = 32  # sources per task: a few MB of N-Quads each
WINDOW = 24  # tasks in flight: what the workers make ahead while a load (kg.store) runs

_JOB: tuple | None = None  # (emitter, sources, graph IRIs, exports folder, base, early) in workers


@dataclass
class Emitted:
    """One source's graph: its sorted, distinct N-Quads lines joined, or why it failed."""

    index: int  # in the list of sources given
    data: bytes = b""
    lines: int = 0
    error: str | None = None
    facts: bytes = b""  # its lines graph/derived reads (kg.derived.facts_of)
    path: Path | None = None  # its export file


def _emit_one(
    emitter: Emitter,
    src: ResolvedSource,
    iri: str,
    exports: Path,
    base: str,
    index: int,
    site: Facts | None = None,
) -> Emitted:
    """One source's graph; ``site``: the site's facts, to which its quads are added."""
    try:
        quads = list(emitter.source_quads(src))
        lines = graph_export.lines_of(quads)
    except Exception as e:  # a record the RDF stage cannot express: reported, the build goes on
        return Emitted(index, error=f"cannot turn into RDF ({type(e).__name__}: {e})")
    path = graph_export.write_lines(exports, iri, base, lines)
    if site is not None:
        site.add_quads(quads)
    return Emitted(index, b"".join(lines), len(lines), facts=facts_of(lines, iri), path=path)


def _emit_chunk(
    emitter: Emitter,
    sources: list[ResolvedSource],
    iris: list[str],
    exports: Path,
    base: str,
    bounds: tuple[int, int],
    early: Path | None,
) -> tuple[list[Emitted], Path | None]:
    """The graphs of sources ``bounds``; with ``early`` (an EarlyFacts folder), the site's
    facts of those written, kept there as one part (its path, or None)."""
    site = Facts() if early is not None else None
    out = [_emit_one(emitter, sources[i], iris[i], exports, base, i, site) for i in range(*bounds)]
    part = None
    if early is not None and site is not None and any(e.path is not None for e in out):
        part = facts_cache.write_part(early, f"{bounds[0]:08d}", site)
    return out, part


def _chunk(bounds: tuple[int, int]) -> tuple[list[Emitted], Path | None, dict[str, str]]:
    """In a worker: ``_emit_chunk`` of sources ``bounds``, and the doc types minted."""
    assert _JOB is not None
    emitter, sources, iris, exports, base, early = _JOB
    out, part = _emit_chunk(emitter, sources, iris, exports, base, bounds, early)
    return out, part, dict(emitter.minted_types)


def _taken(
    done: list[Emitted], part: Path | None, early: facts_cache.EarlyFacts | None
) -> list[Emitted]:
    if early is not None and part is not None:
        early.add(part, [e.path for e in done if e.path is not None])
    return done


def emit_sources(
    emitter: Emitter,
    sources: list[ResolvedSource],
    iris: list[str],
    exports: Path,
    base: str,
    jobs: int = 1,
    early: facts_cache.EarlyFacts | None = None,
) -> Iterator[Emitted]:
    """Each source's graph (``iris[i]`` is the graph of ``sources[i]``), its export file
    written; in ``jobs`` forked processes when there are enough sources. The doc types
    the workers minted are added to ``emitter.minted_types`` (the shared graph lists them).
    ``early``: where the site's facts of the graphs written are kept, chunk by chunk."""
    global _JOB
    folder = early.folder if early is not None else None
    chunks = [(lo, min(lo + CHUNK, len(sources))) for lo in range(0, len(sources), CHUNK)]
    if jobs <= 1 or len(sources) < POOL_MIN or not can_fork():
        for b in chunks:
            yield from _taken(*_emit_chunk(emitter, sources, iris, exports, base, b, folder), early)
        return
    bounds = iter(chunks)
    _JOB = (emitter, sources, iris, exports, base, folder)
    try:
        with mp.get_context("fork").Pool(jobs, initializer=gc.freeze) as pool:
            # at most WINDOW chunks asked for and not yet taken: while this process loads
            # a batch into the store, the workers go on, but their output cannot pile up
            pending = deque(pool.apply_async(_chunk, (b,)) for b in islice(bounds, WINDOW))
            while pending:
                done, part, minted = pending.popleft().get()
                for b in islice(bounds, 1):
                    pending.append(pool.apply_async(_chunk, (b,)))
                for slug, label in minted.items():  # in source order: the first label wins
                    emitter.minted_types.setdefault(slug, label)
                yield from _taken(done, part, early)
    finally:
        _JOB = None
