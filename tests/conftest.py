"""Shared fixtures: the bundled seeds and the gold annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resources import corpus_files

DATA = Path(__file__).parent / "data"
GOLD_DIR = DATA / "gold"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return corpus_files()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR


@pytest.fixture()
def mini_store():
    """A small hand-written graph in the shape of docs/GRAPH.md (fresh per test: some tests add lineage)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(DATA / "queries" / "mini.trig"), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory, seed_paths) -> Path:
    """The bundled seeds built once per session with `kg.build.build` (read it, never write)."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seed-build")
    build(seed_paths, out)
    return out


@pytest.fixture()
def sample_records():
    """Hand-made DocumentRecords (tests/data/sample_records.py), fresh per test."""
    from data.sample_records import sample_records as make

    return make()


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory) -> Path:
    """The hand-made sample records built once per session (read it, never write)."""
    from data.sample_records import sample_records as make

    from kg.build import build_records

    out = tmp_path_factory.mktemp("sample-build")
    build_records(make(), [], out)
    return out
