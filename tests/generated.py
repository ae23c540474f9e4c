"""A generated national corpus for the tests, made as a user makes one: by running
scripts/national_corpus.py (issue 12), not by importing it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def generate_corpus(folder: Path, plans: int, seed: int, era: str | None = None) -> Path:
    """``plans`` plan texts (and expected.json) in ``folder``; the same seed, the same texts."""
    args = [sys.executable, str(SCRIPTS / "national_corpus.py"), "--plans", str(plans)]
    args += ["--seed", str(seed), "--out", str(folder)] + (["--era", era] if era else [])
    subprocess.run(args, check=True, capture_output=True)
    return folder
