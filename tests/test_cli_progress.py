"""Progress and feedback of long commands (issue 13): a bar on a terminal (tested under a
pseudo-terminal), one plain line per stage elsewhere, nothing but errors with --quiet,
and warnings summed up by kind at the end."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli_render import Feedback, problem_summary
from kg.progress import group_problems, problem_kind

PLAN = """ỦY BAN NHÂN DÂN
HUYỆN {place}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {n}/KH-UBND
{place}, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Triển khai công tác phòng, chống thiên tai năm 2024

I. TỔ CHỨC THỰC HIỆN
1. Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Tư pháp tham mưu kế hoạch.
2. Phòng Văn hóa và Thông tin chủ trì tuyên truyền; báo cáo Ủy ban nhân dân huyện.
"""


def _corpus(folder: Path, plans: int, headerless: int = 0) -> Path:
    """Small generated plans (and texts with no header, which are warnings)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(plans):
        text = PLAN.format(place=f"Mường {i}", n=i + 1)
        (folder / f"plan{i:03d}.txt").write_text(text, encoding="utf-8")
    for i in range(headerless):
        (folder / f"hello{i}.txt").write_text("Xin chào\n", encoding="utf-8")
    return folder


def _under_pty(args: list[str], cwd: Path, timeout: float = 300) -> tuple[int, str]:
    """Run ``python -m kg ARGS`` with a pseudo-terminal as its stdout and stderr."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    out = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            proc.kill()
            pytest.fail("no output from the build under the pseudo-terminal")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=60), out.decode("utf-8", "replace")


def test_a_build_of_hundreds_of_files_shows_a_bar_on_a_terminal(tmp_path):
    docs = _corpus(tmp_path / "docs", 200, headerless=2)
    code, out = _under_pty(["build", str(docs), "--out", str(tmp_path / "out"),
                            "-j", "2", "--no-validate"], tmp_path)  # fmt: skip
    assert code == 0, out
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)  # colours and cursor moves
    assert "━" in screen  # rich's bar
    assert "202/202" in screen  # counts: every file read and extracted
    assert re.search(r"extracting\s.*━", screen)
    assert "left" in screen and re.search(r"\d:\d\d:\d\d", screen)  # elapsed, time left
    # warnings are summed up at the end, and no plain stage lines are mixed in
    assert "warnings: 2 in 2 files" in screen
    assert "no document header found" in screen
    assert "[extract]" not in screen
    assert "built " in screen and "202 documents" in screen


def test_without_a_terminal_each_stage_is_one_plain_line(tmp_path):
    docs = _corpus(tmp_path / "docs", 30)
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    stages = [ln.split("]")[0][1:] for ln in lines if re.match(r"\[\w+\] ", ln)]
    assert stages == [
        "read", "extract", "resolve", "lineage", "rdf", "reorg", "exports", "site", "shacl"
    ]  # fmt: skip
    assert "[read] 30 files" in result.stderr and "[rdf] 30 documents" in result.stderr
    assert "━" not in result.stderr and "\x1b[" not in result.stderr
    # more than a screenful of files: how they were read is counted, not listed
    assert "dkg: read 30 files:" in lines and not any("plan001" in ln for ln in lines)


@pytest.mark.parametrize("where", ["group", "command"])
def test_quiet_prints_nothing_but_errors(tmp_path, where):
    docs = _corpus(tmp_path / "docs", 3, headerless=1)
    (docs / "empty.txt").write_text("")
    out = str(tmp_path / "o")
    args = ["build", str(docs), "--out", out, "--no-validate"]
    args = ["--quiet", *args] if where == "group" else [*args, "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1  # the empty file
    assert result.stderr.splitlines() == [f"dkg: {docs / 'empty.txt'}: empty file"] or all(
        ln.startswith("dkg: ") and "empty.txt" in ln for ln in result.stderr.splitlines()
    ), result.stderr
    assert len(result.stderr.splitlines()) == 1
    # a quiet export writes its file and says nothing either
    result = CliRunner().invoke(
        main, ["-q", "export", "--store", out, "--format", "nq", "--out", str(tmp_path / "x.nq")]
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert (tmp_path / "x.nq").stat().st_size > 0


def test_validate_and_export_report_their_stages(tmp_path):
    docs = _corpus(tmp_path / "docs", 3)
    out = str(tmp_path / "o")
    CliRunner().invoke(main, ["build", str(docs), "--out", out, "--no-validate"])
    result = CliRunner().invoke(main, ["validate", "--store", out, "--no-owl"])
    assert result.exit_code == 0 and re.search(r"^\[shacl\] 3 graphs", result.stderr, re.M)
    result = CliRunner().invoke(main, ["export", "--store", out, "--format", "ttl"])
    assert re.search(r"^\[export\] done, ", result.stderr, re.M)


def test_feedback_renders_the_library_calls():
    import io

    stream = io.StringIO()
    with Feedback(stream=stream, terminal=False) as progress:
        for i in range(4):
            progress("push", i, 3, f"g{i}")
        progress("push", 3, 3, "again")  # a finished stage stays finished
    assert re.fullmatch(r"\[push\] 3 graphs, \d+\.\d s\n", stream.getvalue())
    quiet = io.StringIO()
    with Feedback(quiet=True, stream=quiet, terminal=True) as progress:
        progress("rdf", 1, 1, "x")
    assert quiet.getvalue() == ""


def test_problems_are_grouped_by_kind_not_by_case():
    lines = [
        "a/1.txt: no document header found",
        "a/2.txt: no document header found",
        "b.pdf: cannot turn into RDF (KeyError: 'x')",
        "c.pdf: cannot turn into RDF (ValueError: bad)",
        "c.pdf: '29/2/2023' is not a calendar date",
        "SHACL: [Violation] https://x/g: https://x/d dkg:citedDocument: Value is wrong",
    ]
    groups = group_problems(lines)
    kinds = {g.kind: g.files for g in groups}
    assert kinds["no document header found"] == ["a/1.txt", "a/2.txt"]
    assert kinds["cannot turn into RDF"] == ["b.pdf", "c.pdf"]
    assert kinds["… is not a calendar date"] == ["c.pdf"]
    assert kinds["SHACL: dkg:citedDocument: Value is wrong"] == []
    assert problem_kind("3 more violations (see `dkg validate`)") == "N more violations"
    summary = problem_summary(lines, "warnings")
    assert summary[0] == "warnings: 6 in 4 files"
    assert summary[1].split() == ["2", "files", "cannot", "turn", "into", "RDF"]
