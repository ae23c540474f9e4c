"""The +1 build's phases on one corpus size, run back to back (issue 12).

    .venv/bin/python scripts/bench_plus.py --plans 2000 --work /tmp/bw [--repeat 2] [--no-site] [--jobs 2]

Generates scripts/national_corpus.py --plans N --seed 1 under WORK (once), builds it in
full (once, kept), then REPEAT times: copies the full build, adds one plan (as
scripts/bench_national.py's ``plus`` stage does) and builds again, each in its own
process; prints the +1's total and phases per run and the best of each phase.
``--no-site``: the site phase is left out (another stage's work; the rest is compared).
``--jobs``: the builds' workers (default 2, as scripts/bench_national.py on this machine).
The ``kg`` imported is the one on PYTHONPATH (a revision's ``git archive``, as
scripts/bench_revs.py does), else this checkout's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

_CHILD = r"""
import json, sys
from pathlib import Path
import kg.build as b
if sys.argv[3] == "1":
    b._site_hook = lambda *a, **k: None
r = b.build([Path(sys.argv[1])], Path(sys.argv[2]), jobs=int(sys.argv[4]))
print(json.dumps({"s": r.seconds, "phases": r.phases, "reused": r.reused, "errors": r.errors[:3]}))
"""


def _run(corpus: Path, out: Path, no_site: bool, jobs: int = 2) -> dict:
    cmd = [sys.executable, "-c", _CHILD, str(corpus), str(out), "1" if no_site else "0", str(jobs)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode:
        raise SystemExit(res.stderr[-2000:])
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=2000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-site", action="store_true")
    ap.add_argument("--jobs", type=int, default=2, help="as scripts/bench_national.py's builds")
    ap.add_argument("--rebuild", action="store_true", help="build the full corpus again")
    args = ap.parse_args()
    import bench_national

    corpus = args.work / f"c{args.plans}"
    full = args.work / f"o{args.plans}"
    (corpus / bench_national.EXTRA).unlink(missing_ok=True)
    if not (corpus / "expected.json").exists():
        cmd = [sys.executable, str(SCRIPTS / "national_corpus.py"), "--plans", str(args.plans)]
        subprocess.run(cmd + ["--seed", "1", "--out", str(corpus)], check=True)
    if args.rebuild or not full.is_dir():
        shutil.rmtree(full, ignore_errors=True)
        t = time.perf_counter()
        r = _run(corpus, full, args.no_site, args.jobs)
        print(f"full: {time.perf_counter() - t:.1f} s {json.dumps(r['phases'])}", flush=True)
    best: dict[str, float] = {}
    for i in range(args.repeat):
        more = args.work / f"o{args.plans}+1"
        shutil.rmtree(more, ignore_errors=True)
        shutil.copytree(full, more, symlinks=True)
        bench_national._plus_one(corpus)
        try:
            r = _run(corpus, more, args.no_site, args.jobs)
        finally:
            (corpus / bench_national.EXTRA).unlink(missing_ok=True)
            shutil.rmtree(more, ignore_errors=True)
        phases = {k: round(v, 2) for k, v in r["phases"].items()}
        phases["total"] = round(r["s"], 2)
        print(f"+1 run {i + 1}: reused {r['reused']} {json.dumps(phases)}", flush=True)
        for k, v in phases.items():
            best[k] = min(best.get(k, v), v)
    print("best:", json.dumps(best), flush=True)


if __name__ == "__main__":
    main()
