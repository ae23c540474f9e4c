"""kg.graph_export: one sorted N-Quads file per named graph, carried over by hard link."""

from __future__ import annotations

import os

import pyoxigraph as ox

from kg import graph_export, outdir
from kg.build import build_records
from kg.store import memory_store

BASE = "https://example.org/id/"
G = BASE + "graph/source/a-b"
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _quads(g: str = G) -> list[ox.Quad]:
    s, p, gn = ox.NamedNode(BASE + "s"), ox.NamedNode(BASE + "p"), ox.NamedNode(g)
    objects = [
        ox.Literal('dòng một\ndòng "hai"'),
        ox.Literal("Sở Y tế", language="vi"),
        ox.Literal("12", datatype=XSD_INT),
        ox.NamedNode(BASE + "o"),
    ]
    return [ox.Quad(s, p, o, gn) for o in objects]


def test_file_names_follow_the_graph_iri():
    assert graph_export.graph_file(G, BASE) == "source/a-b.nq"
    assert graph_export.graph_file(BASE + "graph/reference/bodies", BASE) == "reference/bodies.nq"
    odd = graph_export.graph_file("urn:x:../../etc", BASE)
    assert odd.startswith("other/") and ".." not in odd


def test_lines_from_quads_and_from_the_store_are_the_same_bytes():
    quads = _quads()
    store = memory_store(quads, BASE)
    from_store = graph_export.graph_lines(store, G)
    assert from_store == graph_export.lines_of(quads + quads[:1])  # sorted, no duplicates
    assert from_store == sorted(from_store) and len(from_store) == 4
    assert b"".join(from_store) == store.nquads()


def test_unchanged_graphs_are_hard_links_and_changed_ones_new_files(tmp_path):
    store = memory_store(_quads() + _quads(BASE + "graph/shared"), BASE)
    graphs = {G: "d1", BASE + "graph/shared": "d2"}
    old, _ = graph_export.write_exports(store, tmp_path / "a", graphs, BASE)
    new, written = graph_export.write_exports(
        store, tmp_path / "b", {**graphs, G: "d1b"}, BASE, (tmp_path / "a", graphs)
    )
    assert written == 1  # graph G changed; the shared graph was linked
    shared_old, shared_new = old / "shared.nq", new / "shared.nq"
    assert os.stat(shared_old).st_ino == os.stat(shared_new).st_ino
    assert os.stat(old / "source/a-b.nq").st_ino != os.stat(new / "source/a-b.nq").st_ino
    assert graph_export.read_all(tmp_path / "b") == store.nquads()


def test_an_incremental_build_links_the_files_of_kept_graphs(tmp_path, sample_records):
    out = tmp_path / "out"
    build_records(sample_records[:2], [], out)
    first = outdir.current(out)
    build_records(sample_records, [], out)
    second = outdir.current(out)
    assert first != second
    linked = [
        f
        for f in graph_export.files(second / "exports")
        if (first / "exports" / f.relative_to(second / "exports")).is_file()
        and os.stat(f).st_ino
        == os.stat(first / "exports" / f.relative_to(second / "exports")).st_ino
    ]
    assert any("/source/" in f.as_posix() for f in linked)
    assert any("/reference/" in f.as_posix() for f in linked)


def test_kept_graphs_in_several_folders_are_linked_over_stale_files(tmp_path):
    """Each folder is made once for the files linked into it, and a file already at a
    link's place (a generation written in part) is replaced by the link."""
    names = [BASE + "graph/source/x", BASE + "graph/source/y", BASE + "graph/shared"]
    store = memory_store([q for g in names for q in _quads(g)], BASE)
    graphs = {g: f"d{i}" for i, g in enumerate(names)}
    old, _ = graph_export.write_exports(store, tmp_path / "a", graphs, BASE)
    stale = tmp_path / "b" / graph_export.GRAPHS / "source" / "y.nq"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"stale\n")
    new, written = graph_export.write_exports(
        store, tmp_path / "b", graphs, BASE, (tmp_path / "a", graphs)
    )
    assert written == 0
    for name in ("source/x.nq", "source/y.nq", "shared.nq"):
        assert os.stat(old / name).st_ino == os.stat(new / name).st_ino
    assert graph_export.read_all(tmp_path / "b") == store.nquads()
