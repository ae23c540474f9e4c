"""Where the bundled corpus, ontology and canned queries live once installed."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path


def _dir(name: str) -> Path:
    return Path(str(resources.files("kg") / name))


def corpus_dir() -> Path:
    """The bundled seed documents: the default corpus."""
    return _dir("corpus")


def ontology_dir() -> Path:
    return _dir("ontology")


def queries_dir() -> Path:
    return _dir("queries")


def corpus_files() -> list[Path]:
    return sorted(p for p in corpus_dir().iterdir() if p.suffix in {".txt", ".md"})


def adminunits_table(name: str) -> dict:
    """A table of the vietnamadminunits package (``data/name``), read without importing the
    package: its parsers take seconds to import, and kg needs only the tables (kg.extract.admin,
    kg.reorg; an incremental build that extracts one plan paid the import)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:  # not a plain folder on disk: let the package find its data
        data = (resources.files("vietnamadminunits") / "data" / name).read_text(encoding="utf-8")
    else:
        data = (Path(folders[0]) / "data" / name).read_text(encoding="utf-8")
    return json.loads(data)
