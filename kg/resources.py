"""Where the bundled corpus, ontology and canned queries live once installed."""

from __future__ import annotations

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
