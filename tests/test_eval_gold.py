"""scripts/eval_gold.py on the bundled seeds: the bars of issue 2 hold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.resources import corpus_dir

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_gold.py"


@pytest.fixture(scope="module")
def eval_gold():
    spec = importlib.util.spec_from_file_location("eval_gold", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_issue2_bars_pass_on_the_seeds(eval_gold, gold_dir, capsys):
    code = eval_gold.main([str(gold_dir), "--texts", str(corpus_dir()), "--issue", "2"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "bars of issue 2: PASS" in out
    assert "implements" in out and "recipients" in out


def test_pred_file_is_scored_instead_of_extracting(eval_gold, gold_dir, tmp_path, capsys):
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert eval_gold.main([str(gold_dir), "--pred", str(pred), "--issue", "2", "--issue", "3"]) == 0
    assert "bars of issue 3: PASS" in capsys.readouterr().out


def test_empty_gold_folder_is_a_clear_error(eval_gold, tmp_path, capsys):
    assert eval_gold.main([str(tmp_path)]) == 2
    assert "no gold JSON files" in capsys.readouterr().err
