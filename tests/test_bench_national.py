"""scripts/bench_national.py: its stage runner (caps, a stuck item, a failing child) and
its tables; the whole run is exercised by hand (it builds corpora: minutes)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bench_national.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_national", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _child(code: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, start_new_session=True
    )


def test_lines_are_read_until_the_child_ends(bench):
    proc = _child(
        "import json\n"
        "print('noise from a library')\n"
        "for i in range(3):\n"
        "    print(json.dumps({'start': f'q{i}', 'cap': 5}))\n"
        "    print(json.dumps({'item': f'q{i}', 's': i}), flush=True)\n"
    )
    lines, current, why = bench._read_lines(proc, cap=30, grace=1)
    proc.wait()
    assert why is None and current is None
    assert [m["item"] for m in lines] == ["q0", "q1", "q2"]


def test_an_item_past_its_cap_stops_the_child_and_is_named(bench):
    proc = _child(
        "import json, time\n"
        "print(json.dumps({'item': 'q0', 's': 0.1}))\n"
        "print(json.dumps({'start': 'slow', 'cap': 0.5}), flush=True)\n"
        "time.sleep(60)\n"
    )
    t = time.monotonic()
    lines, current, why = bench._read_lines(proc, cap=30, grace=0.5)
    bench._stop_group(proc)
    proc.wait()
    assert time.monotonic() - t < 10
    assert why == "item cap" and current == "slow"
    assert [m["item"] for m in lines] == ["q0"]


def test_the_stage_cap_stops_a_child_without_items(bench):
    proc = _child("import time\ntime.sleep(60)\n")
    lines, current, why = bench._read_lines(proc, cap=0.5, grace=None)
    bench._stop_group(proc)
    proc.wait()
    assert (lines, current, why) == ([], None, "stage cap")


def test_a_failing_stage_says_why_and_the_others_run(bench, tmp_path, capsys):
    args = bench.parse_args(["--plans", "10", "--skip", "generate", "--out", str(tmp_path)])
    size = bench.Size(10, args, tmp_path)
    size.run("bulk", size.bulk)  # no build in tmp_path: the stage fails, and says so
    size.run("pages", lambda: None)
    out = capsys.readouterr().out
    assert "[10] bulk: FAILED" in out and "no exports" in out
    assert "[10] pages: ok" in out
    assert "bulk_error" in size.row


def test_figures_ratios_and_bars(bench, tmp_path):
    assert bench._fig({"s": 0.12345}) == 0.1235
    assert bench._fig({"capped": 20}) == "> 20"
    assert bench._fig({"error": "NotBoundError"}) == "error: NotBoundError"
    assert bench._ratio({"s": 2.0}, {"s": 0.1}) == 20.0
    assert bench._ratio({"capped": 20}, {"s": 0.5}) == ">= 40.0"
    assert bench._ratio({"error": "x"}, {"s": 0.5}) is None
    args = bench.parse_args(["--plans", "10", "--out", str(tmp_path)])
    size = bench.Size(10, args, tmp_path)
    size.row.update(build_s=100.0, peak_mb=900, mismatches=0, build_over_load=6.0)
    size.queries = {
        "fast": {"embedded": {"s": 0.01, "digest": "a"}, "rdflib": {"capped": 2}},
        "slow": {"embedded": {"capped": 30}, "oxigraph": {"s": 1.0, "digest": "b"}},
        "trace": {"embedded": {"s": 0.5, "rows": 3}, "oxigraph": {"s": 0.6, "rows": 3}},
    }
    bench._finish_row(size)
    rows = bench.query_rows(size)
    text = bench.summary([size.row], rows)
    assert "fast >= 20x faster than rdflib" in text
    line = next(t for t in text.splitlines() if "fast >= 20x" in t)
    assert ">= 200.0" in line and line.endswith("ok")
    assert next(t for t in text.splitlines() if "slow <= 1 s" in t).endswith("NOT MET")
    assert next(t for t in text.splitlines() if "5x bulk load" in t).endswith("NOT MET")
    assert next(t for t in text.splitlines() if "trace same answer" in t).endswith("ok")
    assert size.row["queries_over_cap"] == "slow" and size.row["trace_s"] == 0.5
    bench._write_csv(tmp_path / "q.csv", rows)
    assert (tmp_path / "q.csv").read_text().startswith("plans,query,embedded_s")


def test_caps_are_checked(bench):
    assert bench._caps(["build=60", "rdflib=5"]) == {"build": 60.0, "rdflib": 5.0}
    with pytest.raises(SystemExit):
        bench._caps(["nothing=3"])


def test_rdflib_answers_through_the_endpoint_interface(bench, tmp_path):
    nq = tmp_path / "g.nq"
    nq.write_text(
        '<http://a> <http://www.w3.org/2000/01/rdf-schema#label> "x"@vi <http://g1> .\n'
        '<http://b> <http://www.w3.org/2000/01/rdf-schema#label> "y" <http://g2> .\n',
        encoding="utf-8",
    )
    from kg.queries import run_query

    source = bench._as_endpoint(bench.RdflibSource(nq))
    res = run_query("SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?s", store=source)
    assert [r["s"] for r in res.records()] == ["http://a", "http://b"]  # union of the graphs
    assert res.rows[0][1].language == "vi"
    assert bench._digest(res) == bench._digest(
        run_query("SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY DESC(?s)", store=source)
    )  # order-free, as the comparison with the embedded store needs
