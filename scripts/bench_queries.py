"""Time every canned query on the seed graph and on a graph of many renamed copies of it.

    .venv/bin/python scripts/bench_queries.py [--copies 100] [--repeat 5] [--store DIR] [--json FILE]

The seed graph is built from the bundled seeds (or read from --store DIR). The
large graph holds the seed graph's source and shared graphs ``--copies`` times,
each copy's IRIs under its own prefix ({base}c{k}/...), so every copy is a
separate set of documents, bodies and duties with the same printed numbers and
names; reference data (ontology, SKOS schemes) is loaded once. It is written to
an on-disk store, as ``dkg build`` does, and queried there (``--memory``: in memory).

Each query's time is the median of --repeat runs of kg.queries.run_query
(binding, evaluation, reading every row), with its required parameters set to
their examples. Times are also given as ratios to a baseline query timed in the
same run, so figures from different machines compare. Exit status 1 when a
canned query takes more than a second on the seed graph.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.queries import canned_queries, oxigraph_store, parse_query_text, run_query

BASELINE = parse_query_text(
    "# title: baseline — count the documents\n"
    "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/dkg/ns#Document> }\n",
    "baseline",
)
LIMIT_SECONDS = 1.0


def seed_store(store_dir: Path | None, tmp: Path) -> tuple[ox.Store, str]:
    from kg.queries import open_store_dir

    if store_dir is None:
        from kg.build import build
        from kg.resources import corpus_files

        store_dir = tmp / "seeds"
        report = build(corpus_files(), store_dir)
        if report.errors:
            print("\n".join(report.errors), file=sys.stderr)
    store = open_store_dir(store_dir)
    return oxigraph_store(store), getattr(store, "base", "https://w3id.org/dkg/id/")


def copies_store(seed: ox.Store, base: str, copies: int, folder: Path | None) -> ox.Store:
    """``copies`` renamed copies of the seed's source and shared graphs, on disk (or in memory)."""
    reference = (base + "graph/ontology", base + "graph/reference/")
    quads = list(seed.quads_for_pattern(None, None, None, None))
    big = ox.Store(str(folder)) if folder else ox.Store()
    big.bulk_extend(q for q in quads if _is_reference(q.graph_name, reference))
    for k in range(copies):
        prefix = f"{base}c{k}/"

        def rename(t, prefix=prefix):
            if isinstance(t, ox.NamedNode) and t.value.startswith(base):
                return ox.NamedNode(prefix + t.value[len(base) :])
            return t

        # a triple about a non-renamed node (a document-type concept minted in the shared
        # graph) is the same in every copy: keep it once, as one national build would
        big.bulk_extend(
            ox.Quad(rename(q.subject), q.predicate, rename(q.object), rename(q.graph_name))
            for q in quads
            if not _is_reference(q.graph_name, reference)
            and (k == 0 or rename(q.subject) != q.subject or rename(q.object) != q.object)
        )
    big.flush()
    return big


def _is_reference(graph, reference: tuple[str, str]) -> bool:
    return isinstance(graph, ox.NamedNode) and (
        graph.value == reference[0] or graph.value.startswith(reference[1])
    )


def time_query(store, q, repeat: int) -> tuple[float, int]:
    params = {p.name: p.example for p in q.params if not p.optional}
    times, rows = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = run_query(q, params, store=store)
        times.append(time.perf_counter() - t0)
        rows = len(result.rows) if result.form == "SELECT" else len(result.triples)
    return statistics.median(times), rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--copies", type=int, default=100, help="copies of the seed graph in the large graph"
    )
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    ap.add_argument(
        "--store", type=Path, default=None, help="a built store folder instead of the seeds"
    )
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument(
        "--memory", action="store_true", help="keep the large graph in memory, not on disk"
    )
    args = ap.parse_args(argv)

    queries = canned_queries()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seed, base = seed_store(args.store, tmp)
        t0 = time.perf_counter()
        big = copies_store(seed, base, args.copies, None if args.memory else tmp / "big")
        load_s = time.perf_counter() - t0
        where = "in memory" if args.memory else "on disk"
        print(f"seed graph: {len(seed)} quads; large graph: {len(big)} quads {where} "
              f"({args.copies} copies, written in {load_s:.1f} s)")  # fmt: skip

        figures = {}
        for label, store, repeat in (
            ("seed", seed, args.repeat),
            ("large", big, max(1, args.repeat // 2)),
        ):
            base_t, _ = time_query(store, BASELINE, repeat)
            figures[label] = {"baseline_ms": base_t * 1000, "queries": {}}
            for name, q in queries.items():
                t, rows = time_query(store, q, repeat)
                figures[label]["queries"][name] = {
                    "ms": t * 1000,
                    "ratio": t / base_t,
                    "rows": rows,
                }

    seed_f, big_f = figures["seed"], figures["large"]
    head = f"{'query':30} {'seed ms':>9} {'×base':>8} {'rows':>6} {'large ms':>10} {'×base':>9} {'rows':>7} {'large/seed':>10}"
    print(head)
    print("-" * len(head))
    print(f"{'(baseline: count documents)':30} {seed_f['baseline_ms']:9.2f} {1:8.1f} {'':>6} "
          f"{big_f['baseline_ms']:10.2f} {1:9.1f}")  # fmt: skip
    slow = []
    for name in queries:
        s, b = seed_f["queries"][name], big_f["queries"][name]
        growth = b["ms"] / s["ms"] if s["ms"] else float("nan")
        print(f"{name:30} {s['ms']:9.2f} {s['ratio']:8.1f} {s['rows']:6d} "
              f"{b['ms']:10.2f} {b['ratio']:9.1f} {b['rows']:7d} {growth:10.1f}")  # fmt: skip
        if s["ms"] > LIMIT_SECONDS * 1000:
            slow.append(name)
    if args.json:
        args.json.write_text(
            json.dumps({"copies": args.copies, **figures}, indent=2), encoding="utf-8"
        )
    if slow:
        print(f"over {LIMIT_SECONDS:g} s on the seed graph: {', '.join(slow)}", file=sys.stderr)
        return 1
    print(f"every canned query under {LIMIT_SECONDS:g} s on the seed graph")
    return 0


if __name__ == "__main__":
    sys.exit(main())
