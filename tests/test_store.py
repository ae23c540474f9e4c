"""kg.store: queries with bound parameters, atomic swap, recovery, stable dumps."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg import outdir
from kg.errors import DkgError
from kg.store import OLD, STORE, StoreWriter, memory_store, open_store

G = URIRef("http://x/g")
P = URIRef("http://x/p")


def _quads(n: int, tag: str = "v"):
    return [(URIRef(f"http://x/s{i}"), P, Literal(f"{tag}{i}"), G) for i in range(n)]


def test_select_returns_python_values_and_binds_parameters():
    store = memory_store(
        [
            (URIRef("http://x/a"), P, Literal(3), G),
            (URIRef("http://x/a"), URIRef("http://x/q"), Literal(True), G),
            (URIRef("http://x/b"), P, Literal("Phòng Y tế", lang="vi"), G),
        ]
    )
    rows = store.select("SELECT ?s ?o WHERE { ?s <http://x/p> ?o } ORDER BY ?s")
    assert rows == [{"s": "http://x/a", "o": 3}, {"s": "http://x/b", "o": "Phòng Y tế"}]
    rows = store.select("SELECT ?s WHERE { ?s <http://x/p> ?o }", {"o": 3})
    assert rows == [{"s": "http://x/a"}]
    assert store.ask("ASK { ?s <http://x/q> ?o }", {"s": URIRef("http://x/a")})


def test_a_bound_parameter_is_a_term_not_query_text():
    store = memory_store(_quads(3))
    evil = 'v1" } UNION { ?s ?p ?o'
    assert store.select("SELECT ?s WHERE { ?s <http://x/p> ?o }", {"o": evil}) == []


def test_prefixes_are_predeclared():
    store = memory_store(
        [(URIRef("http://x/a"), URIRef("https://w3id.org/dkg/ns#text"), Literal("t"), G)]
    )
    assert store.select("SELECT ?t WHERE { ?s dkg:text ?t }") == [{"t": "t"}]


def test_bad_sparql_is_a_dkg_error():
    with pytest.raises(DkgError, match="SPARQL"):
        memory_store().select("SELECT WHERE {")


def test_nquads_are_sorted_and_stable():
    a = memory_store(_quads(50)).nquads()
    b = memory_store(list(reversed(_quads(50)))).nquads()
    assert a == b
    lines = a.decode().splitlines()
    assert lines == sorted(lines) and len(lines) == 50


def test_open_store_without_a_build_says_so(tmp_path):
    with pytest.raises(DkgError, match="no store"):
        open_store(tmp_path)


def _write(out, quads, base="https://w3id.org/dkg/id/"):
    w = StoreWriter(out, base)
    w.add(quads)
    return w.commit({"documents": 1})


def test_writer_swaps_and_keeps_metadata(tmp_path):
    _write(tmp_path, _quads(5, "old"))
    live = _write(tmp_path, _quads(7, "new"), base="http://example.org/")
    assert live == outdir.current(tmp_path) / STORE
    assert (tmp_path / STORE).resolve() == live
    store = open_store(tmp_path)
    assert len(store) == 7 and store.base == "http://example.org/" and store.meta["documents"] == 1


def test_nquads_loaded_in_batches_give_the_store_of_one_load(tmp_path, monkeypatch):
    """Source graphs' N-Quads (kg.rdf_pool) and lines are spooled and bulk-loaded
    LINES_BATCH at a time, each batch in a thread while the next is spooled: batch by
    batch, the store holds what one load of all gives, and no spool is left behind."""
    from kg import store as store_module

    data = [f'<http://x/s{i}> <{P}> "x{i}" <{G}> .\n'.encode() for i in range(12)]
    stores = []
    for batch in (5, 10**9):
        monkeypatch.setattr(store_module, "LINES_BATCH", batch)
        loads = []

        class Counted(store_module._Load):
            def __init__(self, *args, n=loads, **kw) -> None:
                n.append(1)
                super().__init__(*args, **kw)

        monkeypatch.setattr(store_module, "_Load", Counted)
        w = StoreWriter(tmp_path / str(batch))
        for k in range(0, 8, 2):  # a worker's graphs, several lines at a time
            w.add_nquads(b"".join(data[k : k + 2]), 2)
        w.add_lines(data[8:])
        assert len(loads) == (2 if batch == 5 else 0)  # 6 lines, then 6: each handed over
        folder = w.commit({"documents": 1})
        assert len(loads) == (2 if batch == 5 else 1)  # nothing left for commit's flush
        assert not list(folder.glob(store_module.SPOOL + "*"))
        stores.append(open_store(tmp_path / str(batch)).nquads())
    assert stores[0] == stores[1] and stores[0].count(b"\n") == 12


def test_small_writes_go_in_a_transaction_and_give_the_same_store(tmp_path, monkeypatch):
    """A flush of fewer than SMALL quads (an incremental build's few changes) is written in
    one transaction instead of by the bulk loader, to the store and its mirror: both ways
    give the same stores."""
    from kg import store as store_module

    lines = [f'<http://x/s{i}> <{P}> "x{i}" <{G}> .\n'.encode() for i in range(6)]
    got = []
    for small in (0, 10**9):
        monkeypatch.setattr(store_module, "SMALL", small)
        out = tmp_path / str(small)
        seed = _write(out / "seed", _quads(3, "old")) / store_module.DB
        w = StoreWriter(out, seed=seed)
        assert w.mirror(seed, "m")
        w.add_lines(lines[:3])
        w.add(_quads(2, "new"))
        w.flush()
        w.remove(list(w.store.raw.quads_for_pattern(ox.NamedNode("http://x/s0"), None, None)))
        mirror = w.unmirror()
        both = (sorted(map(str, w.store.raw)), sorted(map(str, mirror.raw)))
        mirror.close()
        w.commit({"documents": 1})
        got.append(both)
    assert got[0] == got[1] and got[0][0] == got[0][1] and len(got[0][0]) == 3 + 3 + 2 - 3


def test_a_failed_load_in_its_thread_fails_the_flush(tmp_path, monkeypatch):
    """A spool that cannot be loaded raises in the writer's thread (at the next spool or
    the flush), and an abort while a load runs leaves no generation behind."""
    from kg import store as store_module

    monkeypatch.setattr(store_module, "LINES_BATCH", 1)
    w = StoreWriter(tmp_path)
    w.add_lines([b"<http://x/s> not n-quads\n"])
    with pytest.raises((SyntaxError, ValueError, OSError)):
        w.flush()
    w.add_lines([f'<http://x/s> <{P}> "x" <{G}> .\n'.encode()])
    w.abort()
    assert not (tmp_path / outdir.GEN).exists() or not list((tmp_path / outdir.GEN).iterdir())


def test_unfinished_write_leaves_the_old_store(tmp_path):
    _write(tmp_path, _quads(5, "old"))
    w = StoreWriter(tmp_path)
    w.add(_quads(9, "new"))  # never committed: a build that died
    assert len(open_store(tmp_path)) == 5
    w.abort()
    assert len(list((tmp_path / outdir.GEN).iterdir())) == 1


def test_the_older_layout_is_still_read_and_replaced(tmp_path):
    # a folder written before generations: DIR/store real, or DIR/store.old mid-swap
    legacy = _write(tmp_path / "x", _quads(5, "old"))
    shutil.copytree(legacy, tmp_path / OLD)
    assert len(open_store(tmp_path)) == 5
    shutil.move(tmp_path / OLD, tmp_path / STORE)
    assert len(open_store(tmp_path)) == 5
    _write(tmp_path, _quads(6, "new"))  # the next build takes the folder over
    assert len(open_store(tmp_path)) == 6 and (tmp_path / STORE).is_symlink()


def test_graph_and_dataset_convert_to_rdflib(tmp_path):
    store = memory_store(_quads(4))
    assert len(store.graph(str(G))) == 4
    assert store.named_graphs() == [str(G)]
    assert len(list(store.dataset().quads((None, None, None, None)))) == 4


def test_cascade_by_property_path_on_the_sample(sample_store_dir):
    store = open_store(sample_store_dir)
    rows = store.select(
        "SELECT DISTINCT ?plan WHERE { ?plan dkg:cascadesFrom+ ?d . ?d dkg:printedAs ?n }",
        {"n": "28-CT-TW"},
    )
    plans = {r["plan"].rsplit("/", 1)[-1] for r in rows}
    assert "12-kh-ubnd-nghe-an-ky-son" in plans and "15-hd-btgtu-nghe-an" in plans
    assert any(p.startswith("ke-hoach-uy-ban-nhan-dan-tinh-nghe-an") for p in plans)
    assert len(plans) == 3


def test_bindings_apply_before_aggregation():
    store = memory_store(
        _quads(5) + [(URIRef("http://x/t"), P, Literal("w"), URIRef("http://x/other"))]
    )
    q = "# counts {per graph}\nSELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert store.select(q, {"g": G}) == [{"n": 5}]
    assert store.select(q, {"g": URIRef("http://x/other")}) == [{"n": 1}]


def test_an_output_path_that_is_a_file_is_a_clear_error(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(DkgError, match="cannot write"):
        StoreWriter(target)
