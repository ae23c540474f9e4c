"""Benchmark national-scale builds on generated corpora (scripts/national_corpus.py).

One run prints the ratios issue 12 asks for at 1,000 plans (``--national`` adds the
10,000-plan corpus; ``--plans`` any sizes) and a summary against its targets.
For each size N (each build in its own process, for its peak memory):
the full `dkg build` (extraction in --jobs processes, graph, store, exports, site)
against bulk-loading the same N-Quads into pyoxigraph (how close the build is to
the cost of just storing its output); adding one plan to the corpus folder and
building again into the same output folder (kg.incremental: only the new plan is
extracted and emitted, the other source graphs are kept); every canned query on the
embedded store against rdflib over the same quads (rdflib only up to --rdflib-max
plans: it loads ~20k quads a second) and, at the --servers-at sizes, against the same
query on the Oxigraph server and on Virtuoso after a push (kg.engines starts private
ones; whether each answers as the embedded store does); peak memory of the build and
of its extraction workers; whether the build reproduces expected.json (cascades from
the store; issuers, parents and duties per body from the build's records). The
machine's load average is printed with each row: on a shared machine, wall-clock
ratios are only as good as it. Writes a CSV and, with matplotlib (the `bench` extra),
a plot.

    nice -n 10 .venv/bin/python scripts/bench_national.py --out /tmp/bench
    nice -n 10 .venv/bin/python scripts/bench_national.py --national --out /tmp/bench
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
PARAMS = {
    "cascade": {"doc": ""},
    "body_duties": {"body": "giao duc"},
    "topic_roles": {"topic": "tuyên truyền"},
}


def _one_build(corpus: Path, out: Path, jobs: int, incremental: bool = False) -> dict:
    """Run in a child process: build, then report times and peak memory as JSON.

    ``incremental``: ``out`` holds the build of ``corpus`` before one plan was added
    (kg.incremental keeps the graphs of the sources that did not change).
    """
    sys.path.insert(0, str(SCRIPTS))
    import national_corpus

    from kg.build import build
    from kg.cache import RecordCache
    from kg.pipeline import extract_paths
    from kg.store import open_store

    report = build([corpus], out, jobs=jobs)
    if incremental:
        return {
            "build_s": report.seconds,
            "quads": report.triples,
            "reused": report.reused,
            "phases": report.phases,
        }
    extract_s = report.seconds - sum(report.phases.values())  # what comes before the phases
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    records, _ = extract_paths([corpus], cache=RecordCache(out))  # the build's own records
    exp = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    problems = national_corpus.check_records(exp, records)
    store = open_store(out)
    try:
        problems += national_corpus.check_store(exp, store)
    finally:
        store.close()
    return {
        "build_s": report.seconds,
        "extract_s": extract_s,
        "phases": report.phases,
        "quads": report.triples,
        "peak_mb": peak_mb,
        "workers_peak_mb": workers_mb,
        "mismatches": len(problems),
        "first_mismatches": problems[:3],
    }


def _child(args: list[str]) -> dict:
    res = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def _plus_one(corpus: Path) -> None:
    """One more commune plan in the corpus folder (a copy of the last one under a new
    number), as a user adds a file to the folder they build."""
    last = sorted(corpus.glob("*.txt"))[-1]
    text = re.sub(r"Số: \d+/", "Số: 9999/", last.read_text(encoding="utf-8"), count=1)
    (corpus / "99999_extra.txt").write_text(text, encoding="utf-8")


def _nquads_file(out: Path) -> Path:
    """The build's N-Quads (one file per graph, kg.graph_export) as one file beside
    ``out``, made outside any timing: what a bulk load and rdflib read."""
    from kg.graph_export import files

    found = files(out / "exports")
    if not found:
        raise SystemExit(f"{out}: no exports/graphs/*.nq")
    nq = out.with_name(out.name + ".nq")
    with open(nq, "wb") as f:
        for part in found:
            f.write(part.read_bytes())
    return nq


def _bulk_load(nq: Path, tmp: Path) -> float:
    import pyoxigraph as ox

    t = time.perf_counter()
    store = ox.Store(str(tmp))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return time.perf_counter() - t


def _timed(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


RDFLIB_TIMEOUT = 30


def _rdflib_time(ds, text: str, limit: int) -> float | None:
    """Seconds rdflib takes, ``limit`` when it takes longer (the speed-up is then a lower
    bound), None when rdflib cannot run the query at all."""

    def stop(signum, frame):
        raise TimeoutError

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(limit)
    t = time.perf_counter()
    try:
        list(ds.query(text))
    except TimeoutError:
        return float(limit)
    except Exception:  # noqa: BLE001 - rdflib cannot run every query we can
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return time.perf_counter() - t


def _queries(out: Path, nq: Path, directive: str, with_rdflib: bool) -> dict[str, tuple]:
    from kg.queries import canned_queries, run_query
    from kg.store import open_store

    params = {**PARAMS, "cascade": {"doc": directive}}
    store = open_store(out)
    ds = None
    if with_rdflib:
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        ds.parse(str(nq), format="nquads")
    rows = {}
    try:
        for name, q in canned_queries().items():
            p = params.get(name, {})
            emb = _timed(lambda q=q, p=p: run_query(q, p, store=store))
            rdf = None
            if ds is not None:
                from kg.queries import bind_params
                from kg.sparql import bind_query

                text = bind_query(q.text, bind_params(q, p))
                rdf = _rdflib_time(ds, text, RDFLIB_TIMEOUT)
            rows[name] = (emb, rdf)
    finally:
        store.close()
    return rows


def _servers(out: Path, directive: str, tmp: Path) -> tuple[dict, dict]:
    """Each canned query on the Oxigraph server and on Virtuoso after `dkg push` of the
    build: (engine -> push seconds, (query, engine) -> (seconds, same answer as embedded))."""
    from kg import engines
    from kg.endpoint import Endpoint, comparable
    from kg.push import push
    from kg.queries import canned_queries, run_query
    from kg.store import open_store

    params = {**PARAMS, "cascade": {"doc": directive}}
    pushes, rows = {}, {}
    store = open_store(out)
    try:
        for name, start, found in [
            ("oxigraph", engines.start_oxigraph, engines.oxigraph_binary()),
            ("virtuoso", engines.start_virtuoso, engines.virtuoso_binary()),
        ]:
            if found is None:
                print(f"{name}: not installed, skipped", file=sys.stderr)
                continue
            with start(tmp / f"server-{name}") as eng:
                pushes[name] = push(out, eng.store_url, auth=eng.auth, full=True).seconds
                remote = Endpoint(eng.query_url, auth=eng.auth)
                for qname, q in canned_queries().items():
                    p = params.get(qname, {})
                    there = run_query(q, p, store=remote)  # also warms the server's cache
                    here = run_query(q, p, store=store)
                    same = comparable(here.variables, here.rows) == comparable(
                        there.variables, there.rows
                    )
                    secs = _timed(lambda q=q, p=p, r=remote: run_query(q, p, store=r))
                    rows[(qname, name)] = (secs, same)
    finally:
        store.close()
    return pushes, rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--plans", type=int, nargs="+", default=[1000])
    ap.add_argument("--national", action="store_true", help="add the 10,000-plan corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rdflib-max", type=int, default=1000)
    ap.add_argument(
        "--servers-at",
        type=int,
        nargs="*",
        default=[1000],
        help="sizes at which to push to the Oxigraph server and Virtuoso and time the queries",
    )
    ap.add_argument("--out", type=Path, default=Path("bench-national"))
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        corpus, out, jobs, mode = args.child
        print(json.dumps(_one_build(Path(corpus), Path(out), int(jobs), mode == "plus")))
        return
    if args.national and 10000 not in args.plans:
        args.plans.append(10000)
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(SCRIPTS))
    import national_corpus

    table, query_rows = [], []
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        for n in args.plans:
            corpus = tmp / f"c{n}"
            exp = national_corpus.generate(n, 1, corpus)
            full = _child(["--child", str(corpus), str(tmp / f"o{n}"), str(args.jobs), "full"])
            nq = _nquads_file(tmp / f"o{n}")
            load = _bulk_load(nq, tmp / f"bulk{n}")
            shutil.copytree(tmp / f"o{n}", tmp / f"o{n}+1", symlinks=True)
            _plus_one(corpus)
            more = _child(["--child", str(corpus), str(tmp / f"o{n}+1"), str(args.jobs), "plus"])
            row = {
                "plans": n,
                "quads": full["quads"],
                "build_s": round(full["build_s"], 2),
                "extract_s": round(full["extract_s"], 2),
                **{f"{k}_s": round(v, 2) for k, v in full["phases"].items()},
                "bulk_load_s": round(load, 2),
                "build_over_load": round(full["build_s"] / load, 1),
                "plus_one_s": round(more["build_s"], 2),
                "plus_one_over_full": round(more["build_s"] / full["build_s"], 2),
                "plus_one_reused": more["reused"],
                **{f"plus_one_{k}_s": round(v, 2) for k, v in more["phases"].items()},
                "peak_mb": round(full["peak_mb"]),
                "workers_peak_mb": round(full["workers_peak_mb"]),
                "mismatches": full["mismatches"],
                "load_avg": round(os.getloadavg()[0], 1),
            }
            table.append(row)
            print(json.dumps(row), flush=True)
            q = _queries(tmp / f"o{n}", nq, exp["directive"]["number"], n <= args.rdflib_max)
            pushes, served = {}, {}
            if n in args.servers_at:
                pushes, served = _servers(tmp / f"o{n}", exp["directive"]["number"], tmp)
                row.update({f"push_{k}_s": round(v, 2) for k, v in pushes.items()})
                print(json.dumps({"plans": n, "push_s": pushes}), flush=True)
            for name, (emb, rdf) in q.items():
                query_rows.append(
                    {
                        "plans": n,
                        "query": name,
                        "embedded_s": round(emb, 4),
                        "rdflib_s": None if rdf is None else round(rdf, 3),
                        "speedup": None if rdf is None else round(rdf / emb, 1),
                    }
                )
                for eng in pushes:
                    secs, same = served[(name, eng)]
                    query_rows[-1][f"{eng}_s"] = round(secs, 4)
                    query_rows[-1][f"{eng}_over_embedded"] = round(secs / emb, 2)
                    query_rows[-1][f"{eng}_same"] = same
                print(json.dumps(query_rows[-1]), flush=True)
    _write_csv(args.out / "builds.csv", table)
    _write_csv(args.out / "queries.csv", query_rows)
    _plot(args.out / "builds.png", table)
    print(_summary(table, query_rows))


TARGETS = (  # issue 12's bars: (label, column, test)
    ("build <= 5x bulk load", "build_over_load", lambda v: v <= 5),
    ("one added plan <= 2% of the build", "plus_one_over_full", lambda v: v <= 0.02),
    ("peak memory <= 4 GB", "peak_mb", lambda v: v <= 4096),
    ("equals expected.json", "mismatches", lambda v: v == 0),
)


def _summary(table: list[dict], query_rows: list[dict]) -> str:
    """One line per bar and corpus size: the figure and whether it meets the bar."""
    lines = []
    for row in table:
        n = row["plans"]
        for label, key, ok in TARGETS:
            lines.append(
                f"{n:>6} plans  {label:<48} {row[key]!s:>8}  {'ok' if ok(row[key]) else 'NOT MET'}"
            )
        if n >= 10000:
            ok = row["build_s"] <= 600
            lines.append(
                f"{n:>6} plans  {'build <= 10 minutes':<36} {row['build_s']:>8}  {'ok' if ok else 'NOT MET'}"
            )
        for q in (r for r in query_rows if r["plans"] == n):
            fast = q["embedded_s"] <= 1 and (q["speedup"] is None or q["speedup"] >= 20)
            label = f"query {q['query']} <= 1 s, >= 20x rdflib"
            figure = f"{q['embedded_s']}s/{q['speedup']}x"
            lines.append(f"{n:>6} plans  {label:<48} {figure:>8}  {'ok' if fast else 'NOT MET'}")
    return "\n".join(lines)


def _write_csv(path: Path, rows: list[dict]) -> None:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=keys)
        w.writeheader()
        w.writerows(rows)


def _plot(path: Path, rows: list[dict]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed (pip install 'dkg[bench]'): no plot", file=sys.stderr)
        return
    n = [r["plans"] for r in rows]
    fig, ax = plt.subplots(figsize=(6, 4))
    for key, label in [
        ("build_s", "full build"),
        ("extract_s", "extraction"),
        ("bulk_load_s", "bulk load of its N-Quads"),
    ]:
        ax.plot(n, [r[key] for r in rows], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("plans")
    ax.set_ylabel("seconds")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


if __name__ == "__main__":
    main()
