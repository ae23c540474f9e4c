"""kg.outdir: one build at a time per output folder; store, exports and site published together."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from kg import outdir
from kg.build import build_records
from kg.errors import DkgError
from kg.graph_export import read_all
from kg.store import open_store

TESTS = Path(__file__).parent

# A build of the sample records into argv[1], tagged argv[2] (the title of every document
# carries the tag, so the store, the export and the site each say which build they are from).
TAGGED_BUILD = """
import sys
from dataclasses import replace
sys.path.insert(0, {tests!r})
from data.sample_records import sample_records
from kg.build import build_records
from kg.errors import DkgError

out, tag = sys.argv[1], sys.argv[2]
records = []
for i in range({copies}):
    for r in sample_records():
        r.source = replace(r.source, name=f"{{tag}}/{{i}}/{{r.source.name}}")
        records.append(r)
try:
    build_records(records, [], out, wait=float(sys.argv[3]) if len(sys.argv) > 3 else 0)
except DkgError as e:
    print(f"dkg: {{e}}", file=sys.stderr)
    sys.exit(2)
"""


def tagged_build_script(tmp_path: Path, copies: int = 1) -> Path:
    script = tmp_path / "tagged_build.py"
    script.write_text(TAGGED_BUILD.format(tests=str(TESTS), copies=copies), encoding="utf-8")
    return script


def build_tag(out: Path) -> dict[str, str]:
    """Which build the store, the export and the site of ``out`` come from."""
    store = open_store(out)
    tags = {s.split("/")[0] for s in store.meta["sources"]}
    store.close()
    nq = read_all(out / "exports").decode("utf-8")
    nq_tags = {t for t in ("A", "B", "C") if f'"{t}/' in nq}
    site = (out / "site").resolve().parent / "store" / "build.json"
    site_tags = {s.split("/")[0] for s in json.loads(site.read_text())["sources"]}
    assert (out / "site" / "index.html").is_file()
    return {"store": ",".join(sorted(tags)), "nq": ",".join(sorted(nq_tags)),
            "site": ",".join(sorted(site_tags))}  # fmt: skip


def test_a_second_build_is_refused_with_the_holder_named(tmp_path, sample_records):
    with outdir.build_lock(tmp_path):
        with pytest.raises(DkgError, match=rf"another build is writing here \(pid {os.getpid()}"):
            build_records(sample_records, [], tmp_path)
        assert not (tmp_path / outdir.CURRENT).exists()
    build_records(sample_records, [], tmp_path)  # released: the next build goes ahead


def test_a_second_build_can_wait_for_the_first(tmp_path, sample_records):
    held = threading.Event()

    def hold() -> None:
        with outdir.build_lock(tmp_path):
            held.set()
            time.sleep(1.0)

    t = threading.Thread(target=hold)
    t.start()
    held.wait()
    started = time.monotonic()
    build_records(sample_records, [], tmp_path, wait=30)
    assert time.monotonic() - started >= 0.5
    t.join()


def test_the_lock_of_a_killed_build_is_taken_over(tmp_path, sample_records):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from kg import outdir\n"
         "with outdir.build_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)",
         str(tmp_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DkgError, match=f"pid {holder.pid}"):
            build_records(sample_records, [], tmp_path)
    finally:
        holder.kill()
        holder.wait()
    build_records(sample_records, [], tmp_path)  # the dead holder's lock file is still there
    assert open_store(tmp_path).meta["documents"] == 3


def test_concurrent_builds_never_damage_the_output(tmp_path):
    """Two builds started together into one folder: one builds, the other refuses in one
    line (or waits); the result is always one whole build. (20 trials: scripts/stress_outdir.py)"""
    script = tagged_build_script(tmp_path)
    out = tmp_path / "out"
    for trial in range(3):
        procs = [
            subprocess.Popen(
                [sys.executable, str(script), str(out), tag, *(["30"] if trial == 2 else [])],
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            for tag in ("A", "B")
        ]
        results = [(p.wait(), p.stderr.read()) for p in procs]
        for p in procs:
            p.stderr.close()
        assert all("Traceback" not in err for _, err in results), results
        assert any(code == 0 for code, _ in results), results
        for code, err in results:
            assert code == 0 or (code == 2 and "another build is writing here" in err), err
        tags = build_tag(out)
        assert len(set(tags.values())) == 1 and tags["store"] in ("A", "B"), tags


def test_kill_9_at_any_moment_leaves_one_whole_build(tmp_path):
    script = tagged_build_script(tmp_path, copies=8)
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(script), str(out), "A"], check=True)
    for i, delay in enumerate((0.3, 0.9, 1.5, 2.4)):
        proc = subprocess.Popen([sys.executable, str(script), str(out), "BC"[i % 2]])
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        tags = build_tag(out)
        assert len(set(tags.values())) == 1, (delay, tags)
    gens = list((out / outdir.GEN).iterdir())
    subprocess.run([sys.executable, str(script), str(out), "C"], check=True)
    assert build_tag(out)["store"] == "C"
    assert len(list((out / outdir.GEN).iterdir())) <= max(outdir.KEEP, len(gens))


def test_the_server_follows_a_new_build_without_dropping_requests(tmp_path, sample_records):
    from kg.server import Follower, Limits, make_server

    build_records(sample_records[:1], [], tmp_path)
    first = outdir.current(tmp_path)
    srv = make_server(open_store(tmp_path), site_dir=first / "site")
    follower = Follower(tmp_path, srv, Limits())
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    host, port = srv.server_address[:2]
    eli = "http://data.europa.eu/eli/ontology#LegalResource"
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{eli}> }}"
    url = f"http://{host}:{port}/sparql?query=" + urllib.request.quote(q)

    def count() -> int:
        with urllib.request.urlopen(url, timeout=10) as r:
            return int(json.load(r)["results"]["bindings"][0]["n"]["value"])

    try:
        before = count()
        assert (first / outdir.READERS / str(os.getpid())).exists()
        build_records(sample_records, [], tmp_path)
        build_records(sample_records, [], tmp_path)
        assert first.exists(), "a served generation was deleted"
        assert count() == before  # still the generation it opened
        assert follower.check()
        assert count() > before
        build_records(sample_records, [], tmp_path)
        assert not first.exists() or not follower.lease  # no longer leased: collectable
    finally:
        follower.close()
        srv.shutdown()
        srv.server_close()
