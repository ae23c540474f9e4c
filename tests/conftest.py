"""Shared fixtures: the bundled seeds and the gold annotations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.resources import corpus_files

DATA = Path(__file__).parent / "data"
GOLD_DIR = DATA / "gold"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return corpus_files()


@pytest.fixture
def seeds(tmp_path, seed_paths) -> Path:
    """The seed files in a folder of their own (tests that add, change and remove files)."""
    folder = tmp_path / "src"
    folder.mkdir()
    for p in seed_paths:
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR


@pytest.fixture()
def mini_store():
    """A small hand-written graph in the shape of docs/GRAPH.md (fresh per test: some tests add lineage)."""
    import pyoxigraph as ox

    from kg.derived import derived_quads
    from kg.store import Store

    store = ox.Store()
    store.load(path=str(DATA / "queries" / "mini.trig"), format=ox.RdfFormat.TRIG)
    wrapped = Store(store)  # plus graph/derived, as a build computes it (kg.derived)
    wrapped.add_quads(list(derived_quads(wrapped, wrapped.base)))
    return store


@pytest.fixture()
def mini_store_with_lineage(mini_store):
    """mini_store plus the lineage a build computes for it: the district plan carries out
    duties 1 (Sở LĐTBXH -> Phòng LĐTBXH) and 3 (Sở GDĐT -> Phòng GDĐT) of the province
    plan and drops duty 2 (the drowning-prevention model)."""
    import pyoxigraph as ox

    dkg, ident = "https://w3id.org/dkg/ns#", "https://w3id.org/dkg/id/"
    province, district = (
        ident + "doc/10-kh-ubnd",
        ident + "doc/ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d",
    )
    graph = ox.NamedNode(ident + "graph/lineage")
    for s, p, o in [
        (district + "/duty/1", "counterpartOf", province + "/duty/1"),
        (district + "/duty/2", "counterpartOf", province + "/duty/3"),
        (province + "/duty/2", "droppedIn", district),
    ]:
        mini_store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(dkg + p), ox.NamedNode(o), graph))
    return mini_store


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


@pytest.fixture(scope="session", params=["oxigraph", "virtuoso"])
def engine(request, tmp_path_factory):
    """A private SPARQL server (kg.engines), started once per session per engine: the
    Oxigraph server (PyPI 'oxigraph') and Virtuoso (Debian 'virtuoso-opensource')."""
    from kg import engines

    if request.param == "oxigraph":
        if engines.oxigraph_binary() is None:
            pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
        eng = engines.start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    else:
        if engines.virtuoso_binary() is None:
            pytest.skip("virtuoso-t is not installed (Debian package virtuoso-opensource)")
        eng = engines.start_virtuoso(tmp_path_factory.mktemp("virtuoso"), buffers=10_000)
    yield eng
    eng.stop()


@pytest.fixture(scope="session")
def pushed_engine(engine, seed_store_dir):
    """``engine`` holding the seed build, pushed with `kg.push.push`."""
    from kg.push import push

    push(seed_store_dir, engine.store_url, auth=engine.auth)
    return engine
