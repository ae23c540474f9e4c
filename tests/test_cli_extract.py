"""`dkg extract` smoke tests: formats, and bad input beside good files."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main

PLAN = """KẾ HOẠCH
Thực hiện công tác trẻ em năm 2024
Thực hiện Kế hoạch số 64/KH-UBND ngày 22/02/2024 của UBND tỉnh Bình Phước. Ủy ban nhân dân huyện Hớn Quản ban hành Kế hoạch:
I. NHIỆM VỤ
1. Tuyên truyền.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _run(args):
    result = CliRunner().invoke(main, args)
    # click >= 8.2 keeps stderr apart; older versions need mix_stderr=False
    return result, result.stdout, result.stderr


def test_json_is_one_gold_shaped_record_per_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result, out, _ = _run(["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    [rec] = json.loads(out)
    assert rec["file"] == str(path)
    assert rec["document"]["issuer"] == "Ủy ban nhân dân huyện Hớn Quản"
    assert rec["implements"][0]["number"] == "64/KH-UBND"
    assert rec["assignments"] == [] or isinstance(rec["assignments"], list)
    assert set(rec) == {
        "file",
        "document",
        "implements",
        "cites",
        "assignments",
        "reporting",
        "targets",
        "recipients",
        "notes",
    }


def test_table_is_the_default(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result, out, _ = _run(["extract", str(path)])
    assert result.exit_code == 0
    assert "Ủy ban nhân dân huyện Hớn Quản" in out and "64/KH-UBND" in out


def test_bad_input_beside_good_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes("Façade — naïve ".encode()[:-3] + b"\xff\xfe\x00\x81" * 3 + b"abc")
    missing = tmp_path / "missing.txt"
    result, out, err = _run(
        [
            "extract",
            str(empty),
            str(good),
            str(binary),
            str(undecodable),
            str(missing),
            "--format",
            "json",
        ]
    )
    assert result.exit_code != 0
    assert [r["file"] for r in json.loads(out)] == [str(good)]
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("dkg: read ")]
    assert len(lines) == 4
    for bad, line in zip((empty, binary, undecodable, missing), lines, strict=True):
        assert str(bad) in line and line.startswith("dkg: ")
    assert "Traceback" not in err


def test_out_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for out in (tmp_path, blocker / "sub" / "x.json"):  # a folder; a path under a file
        result, _, err = _run(["extract", str(path), "--out", str(out)])
        assert result.exit_code == 1
        assert err.startswith(f"dkg: {out}: cannot write (") and err.count("\n") == 1
        assert "Traceback" not in err
