"""Stress the output folder: concurrent builds into one --out, and kill -9 at random moments.

    python scripts/stress_outdir.py --trials 20 --kills 20

Each trial starts two ``dkg build`` runs on different inputs into one folder at
the same moment; each kill starts a build and kills it (SIGKILL) after a random
delay. After each, the folder must hold one whole build: the store opens, the
N-Quads export is byte-identical to the store's dump, the site exists, and all
three come from the same generation. Prints the counts and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg import outdir
from kg.graph_export import read_all
from kg.resources import corpus_files
from kg.store import open_store


def dkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def whole(out: Path) -> str | None:
    """None when ``out`` holds one whole build, else what is wrong."""
    gen = outdir.current(out)
    if gen is None:
        return "no current generation"
    for part in ("store", "exports", "site"):
        if (out / part).resolve().parent != gen:
            return f"{part} is not from the current generation"
    try:
        store = open_store(out)
    except Exception as e:  # noqa: BLE001 - the point is to find any failure
        return f"store does not open: {e}"
    try:
        if read_all(out / "exports") != store.nquads():
            return "export differs from the store"
    finally:
        store.close()
    if not (out / "site" / "index.html").is_file():
        return "no site"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    seeds = [str(p) for p in corpus_files()]
    inputs = [seeds[: len(seeds) // 2 or 1], seeds]
    failures, tracebacks, refused, built = [], 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        started = time.monotonic()
        for trial in range(args.trials):
            procs = [
                subprocess.Popen(dkg("build", *paths, "--out", str(out)), stderr=subprocess.PIPE)
                for paths in inputs
            ]
            for p in procs:
                err = p.communicate()[1].decode("utf-8", "replace")
                tracebacks += "Traceback" in err
                if p.returncode == 0:
                    built += 1
                elif "another build is writing here" in err:
                    refused += 1
                else:
                    failures.append(f"trial {trial}: exit {p.returncode}: {err.strip()[-300:]}")
            if problem := whole(out):
                failures.append(f"trial {trial}: {problem}")
        print(
            f"concurrent: {args.trials} trials, {built} builds, {refused} refused in one line, "
            f"{tracebacks} tracebacks, {len(failures)} failures ({time.monotonic() - started:.0f} s)"
        )
        kill_failures = 0
        for kill in range(args.kills):
            p = subprocess.Popen(
                dkg("build", *inputs[kill % 2], "--out", str(out)), stderr=subprocess.DEVNULL
            )
            time.sleep(rnd.uniform(0.2, 4.0))
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            if problem := whole(out):
                failures.append(f"kill {kill}: {problem}")
                kill_failures += 1
        print(f"kill -9: {args.kills} kills, {kill_failures} folders not whole")
    for f in failures:
        print("FAIL", f)
    return 1 if failures or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
