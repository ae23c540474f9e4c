"""Two revisions' full builds back to back on one generated corpus: time, build/bulk, same output.

On a shared machine a build's seconds say little across runs; a change is judged by
builds of the code before and after it on the same corpus, one after the other, in
alternating rounds (best of ``--rounds``), each against a bulk load of its own
N-Quads measured right after it (issue 12's build/bulk). Each revision's ``kg`` and
``ontology`` are taken with ``git archive`` into the work folder and imported from
there (PYTHONPATH), so the worktree may change meanwhile. The outputs of the first
round are compared: the store (digest of its sorted N-Quads), ``exports/`` byte for
byte and ``site/`` byte for byte but for the build time an .ics file stamps
(DTSTAMP lines).

    nice .venv/bin/python scripts/bench_revs.py --plans 2000 --revs main~1 main --work /tmp/w

Prints one JSON line per build and a table: per revision, the best round's build
seconds, its phases, bulk load, build/bulk and peak memory of the build process.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
from kg.build import build
corpus, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
started = time.perf_counter()
report = build([corpus], out, jobs=jobs)
total = time.perf_counter() - started
print(json.dumps({
    "build_s": round(total, 2),
    "extract_s": round(report.seconds - sum(report.phases.values()), 2),
    **{k + "_s": round(v, 2) for k, v in report.phases.items()},
    "quads": report.triples, "errors": len(report.errors),
    "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "load_avg": round(os.getloadavg()[0], 1),
}))
"""

_BULK = r"""
import shutil, sys, time
import pyoxigraph as ox
started = time.perf_counter()
store = ox.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
store.flush()
del store
print(round(time.perf_counter() - started, 2))
"""


def checkout(rev: str, work: Path) -> Path:
    """``kg`` and ``ontology`` of ``rev`` under ``work/src-<commit>``."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    src = work / f"src-{commit}"
    if not (src / "kg").is_dir():
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", commit, "kg", "ontology"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    return src


def corpus(plans: int, seed: int, work: Path) -> Path:
    folder = work / f"corpus{plans}"
    if not (folder / "expected.json").exists():
        cmd = [sys.executable, str(ROOT / "scripts" / "national_corpus.py"), "--plans", str(plans)]
        subprocess.run([*cmd, "--seed", str(seed), "--out", str(folder)], check=True)
    return folder


def one_build(src: Path, texts: Path, out: Path, jobs: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-c", _CHILD, str(texts), str(out), str(jobs)]
    res = subprocess.run(cmd, env=env, cwd=out.parent, check=True, capture_output=True, text=True)
    row = json.loads(res.stdout.strip().splitlines()[-1])
    row["bulk_s"] = bulk(out)
    row["build_over_bulk"] = round(row["build_s"] / row["bulk_s"], 2)
    return row


def bulk(out: Path) -> float:
    """A bulk load of the build's exported N-Quads into a new store, in its own process."""
    nq, db = out.with_name(out.name + ".nq"), out.with_name(out.name + ".bulk")
    with open(nq, "wb") as fh:
        for part in sorted((out / "current" / "exports" / "graphs").rglob("*.nq")):
            fh.write(part.read_bytes())
    shutil.rmtree(db, ignore_errors=True)
    try:
        res = subprocess.run(
            [sys.executable, "-c", _BULK, str(nq), str(db)],
            check=True,
            capture_output=True,
            text=True,
        )
        return float(res.stdout.strip().splitlines()[-1])
    finally:
        nq.unlink(missing_ok=True)
        shutil.rmtree(db, ignore_errors=True)


def store_digest(out: Path) -> str:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "current" / "store" / "db"))
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    return hashlib.sha256(b"".join(sorted(data.splitlines()))).hexdigest()


_STAMP = re.compile(rb"^DTSTAMP:[0-9TZ]+\r?$", re.MULTILINE)


def differences(a: Path, b: Path) -> list[str]:
    """Files of ``a`` and ``b`` (two builds' live generations) that differ or are missing,
    an .ics file's DTSTAMP lines aside."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, rel: str) -> None:
        out.extend(f"{rel}{n}: only in one" for n in cmp.left_only + cmp.right_only)
        for name in cmp.common_files:
            x, y = Path(cmp.left) / name, Path(cmp.right) / name
            if x.read_bytes() == y.read_bytes():
                continue
            if name.endswith(".ics") and _STAMP.sub(b"", x.read_bytes()) == _STAMP.sub(
                b"", y.read_bytes()
            ):
                continue
            out.append(f"{rel}{name}")
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")

    for part in ("exports", "site"):
        walk(filecmp.dircmp(a / part, b / part, ignore=[]), f"{part}/")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--revs", nargs=2, default=["HEAD~1", "HEAD"], metavar=("BEFORE", "AFTER"))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, required=True, help="corpus, sources and builds")
    args = ap.parse_args(argv)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    texts = corpus(args.plans, args.seed, work)
    srcs = {rev: checkout(rev, work) for rev in args.revs}
    rows: dict[str, list[dict]] = {rev: [] for rev in args.revs}
    for k in range(1, args.rounds + 1):
        for rev in args.revs:
            out = work / f"out-{srcs[rev].name[4:]}-{k}"
            started = time.strftime("%H:%M:%S", time.gmtime())
            row = {
                "rev": rev,
                "round": k,
                "started": started,
                **one_build(srcs[rev], texts, out, args.jobs),
            }
            print(json.dumps(row), flush=True)
            rows[rev].append(row)
    a, b = (work / f"out-{srcs[rev].name[4:]}-1" for rev in args.revs)
    same_store = store_digest(a) == store_digest(b)
    diff = differences(a / "current", b / "current")
    print(f"\n{args.plans} plans, best of {args.rounds} (by build time), jobs {args.jobs}")
    for rev in args.revs:
        best = min(rows[rev], key=lambda r: r["build_s"])
        phases = {
            k[:-2]: v
            for k, v in best.items()
            if k.endswith("_s") and k not in ("build_s", "bulk_s")
        }
        print(
            f"  {rev}: build {best['build_s']} s, bulk {best['bulk_s']} s, "
            f"build/bulk {best['build_over_bulk']}, peak {best['peak_mb']} MB, "
            f"load {best['load_avg']}\n    {phases}"
        )
    print(f"  store the same: {same_store}; files of exports/ and site/ that differ: {len(diff)}")
    for line in diff[:10]:
        print(f"    {line}")


if __name__ == "__main__":
    main()
