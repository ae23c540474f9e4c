"""Rebuild the seed graph and rewrite the canned queries' golden results.

Run after an intended change to extraction, the graph or a query:

    .venv/bin/python scripts/regen_golden_queries.py

then review `git diff tests/data/queries/` before committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from query_golden import write_all  # noqa: E402

from kg.build import build  # noqa: E402
from kg.queries import open_store_dir  # noqa: E402
from kg.resources import corpus_files  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = build(corpus_files(), Path(tmp))
        if report.errors:
            print("\n".join(report.errors), file=sys.stderr)
            return 1
        store = open_store_dir(Path(tmp))
        for path in write_all(store):
            print(f"wrote {path.relative_to(ROOT)}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
