"""Benchmark the graph build: the seeds (baseline) and synthetic corpora of N copies.

Each copy of a seed record is moved to its own province and issuer, so nothing
merges across copies and the graph grows linearly, as a national corpus would.
Extraction runs once (it is measured by its own issue); this times resolve →
RDF → store → exports, then a cascade query and a per-body query on the
reopened store. Ratios are against the 1× run in the same process.

    .venv/bin/python scripts/bench_build.py [--copies 1 10 50] [--keep DIR]
"""

from __future__ import annotations

import argparse
import copy
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kg.build import build_records
from kg.models import DocumentRecord
from kg.pipeline import extract_paths
from kg.store import open_store

CASCADE = """
SELECT (COUNT(DISTINCT ?plan) AS ?n) WHERE { ?plan dkg:cascadesFrom+ ?d . ?d dkg:printedAs "28-CT/TW" }
"""
BODY_DUTIES = """
SELECT (COUNT(?duty) AS ?n) WHERE {
  ?duty dkg:responsibleBody ?b . ?b dkg:bodyType body:PhongGDDT ; dkg:jurisdiction/skos:broader* ?p .
  ?p rdfs:label ?label FILTER(STR(?label) = "Tỉnh 7")
}
"""


def synthetic(records: list[DocumentRecord], copies: int) -> list[DocumentRecord]:
    if copies == 1:
        return records
    out = []
    for k in range(copies):
        for r in records:
            c = copy.copy(r)
            c.source = replace(r.source, name=f"synthetic/{k:05d}/{Path(r.source.name).name}")
            province = f"Tỉnh {k}"
            c.document = replace(
                r.document,
                province=province,
                issuer=f"{r.document.issuer or 'Ủy ban nhân dân'} {province}",
            )
            for a in c.assignments:
                if a.body.jurisdiction is not None:
                    a.body = replace(
                        a.body, jurisdiction=replace(a.body.jurisdiction, province=province)
                    )
            out.append(c)
    return out


def timed(store, query: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        store.select(query)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 10, 50])
    ap.add_argument("--keep", type=Path, default=None, help="keep the largest store here")
    args = ap.parse_args()
    records, errors = extract_paths([])
    assert not errors, errors
    rows = []
    phases: list[tuple[int, dict[str, float]]] = []
    base_rate = None
    for n in args.copies:
        corpus = synthetic(records, n)
        tmp = Path(tempfile.mkdtemp(prefix="dkg-bench-"))
        try:
            t = time.perf_counter()
            report = build_records(corpus, [], tmp)
            seconds = time.perf_counter() - t
            t = time.perf_counter()
            store = open_store(tmp)
            reopen = time.perf_counter() - t
            cascade, body = timed(store, CASCADE), timed(store, BODY_DUTIES)
            store.close()
            rate = report.triples / seconds
            base_rate = base_rate or rate
            rows.append(
                (
                    n,
                    len(corpus),
                    report.triples,
                    seconds,
                    rate,
                    rate / base_rate,
                    reopen,
                    cascade,
                    body,
                )
            )
            phases.append((n, report.phases))
            if args.keep and n == max(args.copies):
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(tmp, args.keep)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{'copies':>6} {'docs':>6} {'triples':>9} {'build s':>8} {'triples/s':>10} {'ratio':>6} "
        f"{'reopen s':>8} {'cascade ms':>10} {'body ms':>8}"
    )
    for n, docs, triples, seconds, rate, ratio, reopen, cascade, body in rows:
        print(
            f"{n:>6} {docs:>6} {triples:>9} {seconds:>8.2f} {rate:>10.0f} {ratio:>6.2f} "
            f"{reopen:>8.3f} {cascade * 1000:>10.1f} {body * 1000:>8.1f}"
        )
    print("\nseconds per stage:")
    for n, ph in phases:
        print(f"{n:>6}x " + "  ".join(f"{k} {v:.2f}" for k, v in ph.items()))


if __name__ == "__main__":
    main()
