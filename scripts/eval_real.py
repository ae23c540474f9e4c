#!/usr/bin/env python
"""Figures on real documents: the silver check of a folder and the gold scores, per type.

Extracts every text of DOCS (default ../shared/real/docs beside the repository, else the
bundled tests/data/real/docs) once, prints the silver check (kg.silver: number, date and
type against what each header prints, issuer/signer coverage, texts naming a lead body
with no assignment), then scores the hand annotations of each --gold folder (default
tests/data/real/gold and tests/data/real/ours/tune when present; --heldout adds the
held-out sets ours/heldout, ours/heldout2 ... (every ours/heldoutN), to be scored only at the end of a
tuning round; ours/README.md says which are still clean), overall and per document type. A gold
file's text is looked up in DOCS, then beside the gold folder (../docs, ../texts), then in
tests/data/real/docs.

Example:
    .venv/bin/python scripts/eval_real.py
    .venv/bin/python scripts/eval_real.py ../shared/real/docs --problems
    .venv/bin/python scripts/eval_real.py tests/data/real/docs --gold tests/data/real/gold --misses
    .venv/bin/python scripts/eval_real.py --gold tests/data/real/ours/heldout10
    .venv/bin/python scripts/eval_real.py --heldout
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from kg.evaluate import Report, load_gold, score
from kg.pipeline import extract_paths
from kg.records import to_gold_dict
from kg.silver import SilverReport, check

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "tests" / "data" / "real"


def default_docs() -> Path:
    shared = REPO.parent / "shared" / "real" / "docs"
    return shared if shared.is_dir() else REAL / "docs"


def default_gold() -> list[Path]:
    return [d for d in (REAL / "gold", REAL / "ours" / "tune") if d.is_dir()]


def heldout_gold() -> list[Path]:
    """The held-out sets (ours/heldout, ours/heldout2, ...), in the order they were written:
    not for tuning, score them only at the end of a round."""
    found = [d for d in (REAL / "ours").glob("heldout*") if re.fullmatch(r"heldout\d*", d.name)]
    return sorted((d for d in found if d.is_dir()), key=lambda d: int(d.name[7:] or 1))


def extract_folder(paths: list[Path]) -> dict[str, dict]:
    """Gold-shaped records keyed by file name; extraction errors go to stderr."""
    records, errors = extract_paths(paths)
    for err in errors:
        print(f"eval_real: {err}", file=sys.stderr)
    return {Path(d["file"]).name: d for d in map(to_gold_dict, records)}


def text_for(name: str, docs: Path, gold_dir: Path) -> Path | None:
    for folder in (docs, gold_dir.parent / "docs", gold_dir.parent / "texts", REAL / "docs"):
        if (folder / name).is_file():
            return folder / name
    return None


def silver_lines(rep: SilverReport, problems: bool) -> list[str]:
    out = []
    if problems:
        out += [f"{f}: {why}" for f, why in rep.problems]
        out.append("")
    out.append("silver check (what the headers print):")
    out.append(
        f"  {'type':<16}{'texts':>6}{'number':>8}{'date':>8}{'type':>8}"
        f"{'issuer':>8}{'signer':>8}{'work':>8}"
    )

    def row(label: str, c) -> str:
        r = SilverReport.rates(c)
        return (
            f"  {label:<16}{c['texts']:>6}{r['number_acc']:>8.3f}{r['date_acc']:>8.3f}"
            f"{r['type_acc']:>8.3f}{r['issuer_cov']:>8.3f}{r['signer_cov']:>8.3f}"
            f"{r['work_recall']:>8.3f}"
        )

    for typ in sorted(rep.by_type, key=lambda t: -rep.by_type[t]["texts"]):
        out.append(row(typ, rep.by_type[typ]))
    out.append(row("(all)", rep.counts))
    out.append(json.dumps(rep.summary(), ensure_ascii=False))
    return out


HEAD = ("fields", "bodies F1", "duties=", "leads", "partners", "refs F1", "impl F1")


def gold_row(label: str, n: int, r: Report) -> str:
    s, a = r.sets, r.agency
    vals = (
        r.field_average,
        s["agencies"].f1,
        a["duties exact"].value,
        a["leads"].value,
        s["partners"].f1,
        s["references"].f1,
        s["implements"].f1,
    )
    return f"  {label:<16}{n:>5}" + "".join(f"{v:>10.3f}" for v in vals)


def gold_lines(pred: dict[str, dict], gold: list[dict], misses: bool) -> list[str]:
    out = [f"  {'type':<16}{'docs':>5}" + "".join(f"{h:>10}" for h in HEAD)]
    groups: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        groups[(g.get("document") or {}).get("type") or "?"].append(g)
    for typ in sorted(groups, key=lambda t: -len(groups[t])):
        out.append(gold_row(typ, len(groups[typ]), score(list(pred.values()), groups[typ])))
    whole = score(list(pred.values()), gold)
    out.append(gold_row("(all)", len(gold), whole))
    out.append("")
    out += ["  " + ln for ln in whole.table(show_misses=misses).splitlines()]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("docs", type=Path, nargs="?", default=None, help="folder of real texts")
    ap.add_argument("--gold", type=Path, action="append", help="folder of gold JSON (repeatable)")
    ap.add_argument(
        "--heldout",
        action="store_true",
        help="also score the held-out sets ours/heldout, ours/heldout2 ... (every ours/heldoutN)",
    )
    ap.add_argument("--problems", action="store_true", help="list each silver-check problem")
    ap.add_argument("--misses", action="store_true", help="list each gold miss")
    ap.add_argument("--json", type=Path, default=None, help="also write the records here")
    args = ap.parse_args(argv)
    docs = args.docs or default_docs()
    if not docs.is_dir():
        print(f"eval_real: {docs}: not a folder", file=sys.stderr)
        return 2
    gold_dirs = (args.gold or default_gold()) + (heldout_gold() if args.heldout else [])
    golds = {d: load_gold(d) for d in gold_dirs}
    paths = sorted(docs.glob("*.txt"))
    extra = [text_for(g["file"], docs, d) for d, gs in golds.items() for g in gs]
    paths += sorted({p for p in extra if p is not None and p.parent != docs})
    pred = extract_folder(paths)
    if args.json:
        args.json.write_text(json.dumps(list(pred.values()), ensure_ascii=False, indent=1))
    print("\n".join(silver_lines(check(docs, list(pred.values())), args.problems)))
    for d, gs in golds.items():
        missing = [g["file"] for g in gs if text_for(g["file"], docs, d) is None]
        if missing:
            print(f"eval_real: {d}: no text for {', '.join(missing)}", file=sys.stderr)
        print(f"\ngold scores ({d}, {len(gs)} documents):")
        print("\n".join(gold_lines(pred, gs, args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
