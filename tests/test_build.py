"""kg.build: safe, repeatable builds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import outdir, rdf
from kg.build import build, build_records
from kg.cli import main
from kg.errors import DkgError
from kg.graph_export import files, read_all
from kg.store import open_store

TESTS = Path(__file__).parent


def test_two_builds_give_identical_nquads(tmp_path, sample_records):
    a = build_records(sample_records, [], tmp_path / "a")
    b = build_records(list(reversed(sample_records)), [], tmp_path / "b")
    nq_a = read_all(tmp_path / "a" / "exports")
    assert nq_a == read_all(tmp_path / "b" / "exports")
    assert a.triples == b.triples > 500 and a.documents == 3
    # rebuilding in place gives the same bytes too
    build_records(sample_records, [], tmp_path / "a")
    assert read_all(tmp_path / "a" / "exports") == nq_a


def test_report_counts_and_progress(tmp_path, sample_records):
    seen = []
    report = build_records(
        sample_records, ["bad.txt: empty file"], tmp_path, progress=lambda *a: seen.append(a)
    )
    rdf = [s[1:3] for s in seen if s[0] == "rdf"]
    assert rdf == [(0, 3), (1, 3), (2, 3), (3, 3)]
    # every stage of the build is heard of, and each ends done == total
    stages = list(dict.fromkeys(s[0] for s in seen))
    assert stages == ["resolve", "lineage", "rdf", "reorg", "exports", "site"]
    assert all(any(s[0] == st and s[1] == s[2] for s in seen) for st in stages)
    assert report.errors == ["bad.txt: empty file"] and not report.ok
    store = open_store(tmp_path)
    assert len(store) == report.triples
    assert len(store.named_graphs()) == report.graphs
    assert store.meta["documents"] == 3


def test_a_crash_mid_build_leaves_the_previous_store(tmp_path, sample_records, monkeypatch):
    build_records(sample_records[:1], [], tmp_path)
    before = open_store(tmp_path).nquads()

    def boom(self):
        yield from ()
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rdf.Emitter, "shared_items", boom)
    with pytest.raises(RuntimeError):
        build_records(sample_records, [], tmp_path)
    assert open_store(tmp_path).nquads() == before
    assert _generations(tmp_path) == 1


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    from dataclasses import replace
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from data.sample_records import sample_records
    from kg.build import build_records

    out, marker = Path(sys.argv[1]), Path(sys.argv[2])
    records = []
    for i in range(40):
        for r in sample_records():
            r.source = replace(r.source, name=f"copy{{i}}/{{r.source.name}}")
            records.append(r)

    def progress(stage, done, total, name):
        if stage == "rdf" and done == 20:
            marker.write_text("half way")
            time.sleep(60)

    build_records(records, [], out, progress=progress)
    """
)


def test_a_killed_build_leaves_the_previous_store(tmp_path, sample_records):
    out, marker = tmp_path / "out", tmp_path / "marker"
    build_records(sample_records, [], out)
    before = open_store(out).nquads()
    script = tmp_path / "killed.py"
    script.write_text(KILLED_BUILD.format(tests=str(TESTS)))
    proc = subprocess.Popen([sys.executable, str(script), str(out), str(marker)])
    try:
        deadline = time.time() + 60
        while not marker.exists() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the build never got half way"
        assert _generations(out) == 2  # the live one and the one being written
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert open_store(out).nquads() == before
    build_records(sample_records[:1], [], out)  # and the next build still works
    assert open_store(out).meta["documents"] == 1


def _generations(out: Path) -> int:
    return len(list((out / outdir.GEN).iterdir()))


def test_bad_base_is_refused(tmp_path, sample_records):
    with pytest.raises(DkgError, match="base"):
        build_records(sample_records, [], tmp_path, base="not an iri")


def test_build_of_files_reports_bad_ones_and_goes_on(tmp_path, seed_paths):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    report = build([seed_paths[0], bad], tmp_path / "out")
    assert report.documents == 1 and len(report.errors) == 1 and "empty.txt" in report.errors[0]
    assert open_store(tmp_path / "out").meta["documents"] == 1


def test_cli_build_exits_nonzero_on_a_bad_file_but_writes_the_store(tmp_path, seed_paths):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    result = CliRunner().invoke(
        main, ["build", str(seed_paths[1]), str(bad), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "bin.txt" in result.output and "1 documents" in result.output
    assert files(tmp_path / "o" / "exports")


def test_the_same_document_read_twice_stays_two_valid_nodes(tmp_path, sample_records):
    from data.sample_records import plan_record

    from kg.validate import validate_store

    twin = plan_record()
    twin.source = replace(twin.source, name="samples/ky-son plan (scan).txt")
    report = build_records([*sample_records, twin], [], tmp_path)
    assert report.documents == 4
    store = open_store(tmp_path)
    rows = store.select("SELECT ?d WHERE { ?d eli:id_local '12/KH-UBND' } ORDER BY ?d")
    assert len(rows) == 2
    assert store.select(
        "SELECT ?m WHERE { ?f dkg:findingKind 'duplicate-document' ; dkg:message ?m }"
    )
    assert validate_store(store, owl=False).ok


def test_a_record_the_rdf_stage_cannot_express_is_reported_and_skipped(
    tmp_path, sample_records, monkeypatch
):
    from kg.models import Span

    sample_records[0].assignments[0].duties[0].span = Span(0, 10**9)  # beyond the text: fine
    real = rdf.Emitter.source_quads

    def fails_for_one(self, src):
        if "decision" in src.record.source.name:
            raise ValueError("unexpected shape")
        return real(self, src)

    monkeypatch.setattr(rdf.Emitter, "source_quads", fails_for_one)
    report = build_records(sample_records, [], tmp_path)
    assert report.documents == 2 and len(report.errors) == 1 and "decision" in report.errors[0]
    assert open_store(tmp_path).meta["documents"] == 2


def test_a_build_where_no_source_succeeded_keeps_the_previous_store(tmp_path, sample_records):
    build_records(sample_records[:1], [], tmp_path)
    before = open_store(tmp_path).nquads()
    with pytest.raises(DkgError, match="no document could be read; previous store kept"):
        build_records([], ["bad.txt: empty file"], tmp_path)
    assert open_store(tmp_path).nquads() == before
    assert _generations(tmp_path) == 1
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    with pytest.raises(DkgError, match="previous store kept"):
        build([bad], tmp_path)
    assert open_store(tmp_path).nquads() == before


def test_a_bug_in_lineage_aborts_the_build_and_keeps_the_previous_store(
    tmp_path, sample_records, monkeypatch
):
    from kg import lineage

    build_records(sample_records[:1], [], tmp_path)
    before = open_store(tmp_path).nquads()

    def bug(corpus, memo=None):
        raise KeyError("oops")

    monkeypatch.setattr(lineage, "compute_lineage", bug)
    with pytest.raises(KeyError):
        build_records(sample_records, [], tmp_path)
    assert open_store(tmp_path).nquads() == before


def test_a_build_leaves_no_object_frozen_out_of_the_collector(
    tmp_path, sample_records, monkeypatch
):
    """The build freezes what lives to its end (records, corpus, lineage) so that full
    collections skip it; every freeze is undone when it ends, also when it fails."""
    import gc

    from kg import lineage

    assert gc.get_freeze_count() == 0
    build_records(sample_records, [], tmp_path)
    assert gc.get_freeze_count() == 0

    def bug(corpus, memo=None):
        raise KeyError("oops")

    monkeypatch.setattr(lineage, "compute_lineage", bug)
    with pytest.raises(KeyError):
        build_records(sample_records, [], tmp_path)
    assert gc.get_freeze_count() == 0


def test_a_site_folder_that_cannot_be_written_is_a_warning(tmp_path, sample_records):
    (tmp_path / "site").write_text("a file where the site folder goes")
    report = build_records(sample_records, [], tmp_path)
    assert report.ok and open_store(tmp_path).meta["documents"] == 3
    assert len(report.warnings) == 1 and "not a link to the current build" in report.warnings[0]
    assert (outdir.current(tmp_path) / "site" / "index.html").is_file()


def test_exports_do_not_depend_on_where_the_package_is_installed(tmp_path, seed_paths):
    build([seed_paths[0]], tmp_path)
    [row] = open_store(tmp_path).select("SELECT ?f WHERE { ?s dkg:sourceFile ?f }")
    assert row["f"] == f"corpus/{seed_paths[0].name}"
    nq = read_all(tmp_path / "exports").decode("utf-8")
    assert str(seed_paths[0].parent) not in nq


def test_every_package_data_pattern_matches_a_bundled_file():
    import tomllib

    root = TESTS.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    for pattern in config["tool"]["setuptools"]["package-data"]["kg"]:
        assert list((root / "kg").glob(pattern)), f"package-data {pattern!r} matches nothing"
