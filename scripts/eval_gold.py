#!/usr/bin/env python
"""Score extraction against the gold annotations and print per-field figures.

Runs the extractor over the texts the gold files name (found in --texts;
default ../shared/seeds beside the repository, else the bundled corpus), or
scores a JSON file of records given with --pred (e.g. `dkg export --format
json`). Exit status 0 when the bars of the chosen issues pass.

Example:
    .venv/bin/python scripts/eval_gold.py ../shared/gold
    .venv/bin/python scripts/eval_gold.py tests/data/gold --misses
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.evaluate import load_gold, score
from kg.pipeline import extract_paths
from kg.records import to_gold_dict
from kg.resources import corpus_dir

REPO = Path(__file__).resolve().parent.parent


def default_texts() -> Path:
    shared = REPO.parent / "shared" / "seeds"
    return shared if shared.is_dir() else corpus_dir()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold_dir", type=Path, help="folder of gold JSON files")
    ap.add_argument(
        "--texts", type=Path, default=None, help="folder holding the texts the gold names"
    )
    ap.add_argument(
        "--pred", type=Path, default=None, help="score this JSON list of records instead"
    )
    ap.add_argument("--misses", action="store_true", help="list each wrong document field")
    ap.add_argument(
        "--issue", type=int, action="append", help="exit non-zero unless these bars pass"
    )
    args = ap.parse_args(argv)

    gold = load_gold(args.gold_dir)
    if not gold:
        print(f"eval_gold: no gold JSON files in {args.gold_dir}", file=sys.stderr)
        return 2
    if args.pred:
        pred = json.loads(args.pred.read_text(encoding="utf-8"))
    else:
        texts = args.texts or default_texts()
        paths = [texts / g["file"] for g in gold]
        records, errors = extract_paths(paths)
        for err in errors:
            print(f"eval_gold: {err}", file=sys.stderr)
        pred = [to_gold_dict(r) for r in records]
    report = score(pred, gold)
    print(report.table(show_misses=args.misses), end="")
    issues = args.issue or []
    return 0 if all(report.passed(i) for i in issues) else 1


if __name__ == "__main__":
    sys.exit(main())
