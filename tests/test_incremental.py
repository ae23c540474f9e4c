"""kg.incremental: a build into a folder that holds the last build keeps the source graphs
that would come out the same, and its store equals a full build's."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import reorg
from kg.build import build, build_records
from kg.graph_export import files, read_all
from kg.store import open_store

TESTS = Path(__file__).parent


def _nquads(out: Path) -> bytes:
    """The live store's sorted N-Quads (its export holds the same quads)."""
    store = open_store(out)
    try:
        data = store.nquads()
    finally:
        store.close()
    assert read_all(out / "exports") == data
    return data


def _exports(out: Path) -> dict[str, bytes]:
    """Each graph file of the live export, by its path."""
    folder = out / "exports"
    return {f.relative_to(folder).as_posix(): f.read_bytes() for f in files(folder)}


def _meta(out: Path) -> dict:
    return json.loads((out / "store" / "build.json").read_text(encoding="utf-8"))


def _copies(records, n: int, tag: str = "c"):
    out = []
    for i in range(n):
        for r in records:
            out.append(replace(r, source=replace(r.source, name=f"{tag}{i}/{r.source.name}")))
    return out


def _full(tmp_path: Path, paths, name: str) -> bytes:
    build(paths, tmp_path / name)
    return _nquads(tmp_path / name)


def test_an_added_file_is_the_only_graph_emitted(tmp_path, seeds):
    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build(files[:1] + files[2:], out)  # without the second seed
    report = build(files, out)
    assert report.reused >= len(files) - 2  # only the new file (and the texts citing it)
    assert report.reused < len(files)
    assert _nquads(out) == _full(tmp_path, files, "full")
    assert _exports(out) == _exports(tmp_path / "full")  # byte for byte, file by file
    store = open_store(out)
    assert report.triples == len(store)  # counted from the graphs' sizes, not the store
    store.close()
    new_graph = [g for g in report.changed_graphs if "/graph/source/" in g]
    assert any(files[1].stem.lower().replace("_", "-") in g for g in new_graph)
    assert _meta(out)["changed_graphs"] == report.changed_graphs


def test_a_changed_file_replaces_its_graph(tmp_path, seeds):
    out = tmp_path / "out"
    build([seeds], out)
    victim = sorted(seeds.iterdir())[-1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nNơi nhận:\n- Lưu: VT.\n")
    report = build([seeds], out)
    assert report.reused == len(list(seeds.iterdir())) - 1
    assert _nquads(out) == _full(tmp_path, [seeds], "full")
    assert _exports(out) == _exports(tmp_path / "full")


def test_a_removed_file_drops_its_graph(tmp_path, seeds):
    out = tmp_path / "out"
    first = build([seeds], out)
    gone = sorted(seeds.iterdir())[0]
    gone.unlink()
    report = build([seeds], out)
    assert report.documents == first.documents - 1
    assert len(report.removed_graphs) == 1
    assert report.removed_graphs[0] not in open_store(out).named_graphs()
    assert _nquads(out) == _full(tmp_path, [seeds], "full")
    assert _exports(out) == _exports(tmp_path / "full")


def test_a_source_whose_cited_identity_changes_is_emitted_again(tmp_path, seeds):
    """A number printed without its year takes the year another text prints: the text
    citing it changes although its bytes did not (measured on the seeds)."""
    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    for i in range(len(files)):  # leave each file out in turn, then add it back
        build(files[:i] + files[i + 1 :], out)
        build(files, out)
        assert _nquads(out) == _full(tmp_path, files, f"full{i}"), files[i].name


def test_an_unchanged_rebuild_reuses_every_graph(tmp_path, sample_records):
    out = tmp_path / "out"
    build_records(sample_records, [], out)
    before = _nquads(out)
    report = build_records(sample_records, [], out)
    assert report.reused == len(sample_records)
    assert [g for g in report.changed_graphs if "/graph/source/" in g] == []
    assert report.removed_graphs == []
    assert _nquads(out) == before


def test_a_different_base_is_a_full_build(tmp_path, sample_records):
    out = tmp_path / "out"
    build_records(sample_records, [], out)
    report = build_records(sample_records, [], out, base="https://example.org/x/")
    assert report.reused == 0
    assert "https://w3id.org/dkg/id/" not in _nquads(out).decode("utf-8")


def test_a_crash_in_an_incremental_build_keeps_the_last_store(
    tmp_path, sample_records, monkeypatch
):
    out = tmp_path / "out"
    build_records(sample_records[:2], [], out)
    before = _nquads(out)

    def boom(self):
        yield from ()
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(reorg.ReorgInputs, "quads", boom)
    with pytest.raises(RuntimeError):
        build_records(sample_records, [], out)
    assert _nquads(out) == before
    monkeypatch.undo()
    build_records(sample_records, [], out)  # and the next one starts from the last good one
    assert _nquads(out) == _full_records(tmp_path, sample_records)


def _full_records(tmp_path: Path, records) -> bytes:
    build_records(records, [], tmp_path / "full")
    return _nquads(tmp_path / "full")


KILLED_INCREMENTAL = textwrap.dedent(
    """
    import sys, time
    from dataclasses import replace
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from data.sample_records import sample_records
    from kg.build import build_records

    out, marker, copies = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    records = []
    for i in range(copies):
        for r in sample_records():
            r.source = replace(r.source, name=f"c{{i}}/{{r.source.name}}")
            records.append(r)

    def progress(stage, done, total, name):
        if marker.name != "none" and stage == "rdf" and done == 10:
            marker.write_text("half way")
            time.sleep(60)

    build_records(records, [], out, progress=progress)
    """
)


def test_an_incremental_build_killed_midway_leaves_the_last_store(tmp_path, sample_records):
    out, marker = tmp_path / "out", tmp_path / "marker"
    script = tmp_path / "killed.py"
    script.write_text(KILLED_INCREMENTAL.format(tests=str(TESTS)))
    subprocess.run([sys.executable, str(script), str(out), "none", "10"], check=True)
    before = _nquads(out)
    proc = subprocess.Popen([sys.executable, str(script), str(out), str(marker), "20"])
    try:
        deadline = time.time() + 300  # a loaded machine builds slowly; only a hang waits this long
        while not marker.exists() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the build never got half way"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert _nquads(out) == before  # the live store is the last build's, whole
    records = _copies(sample_records, 20)
    report = build_records(records, [], out)  # the next build starts from it
    assert report.reused > 0  # (copies of one document are numbered ~2, ~3... across copies)
    assert _nquads(out) == _full_records(tmp_path, records)


def test_graph_reorg_is_kept_when_its_inputs_are_the_same(tmp_path, sample_records, monkeypatch):
    """A build whose bodies and places are the last build's keeps graph/reorg as it was
    (kg.reorg.shared_key) instead of computing it again; the store is still a full build's."""
    out, full = tmp_path / "out", tmp_path / "full"
    build_records(sample_records, [], out)
    more = sample_records + _copies(sample_records[:1], 1)
    build_records(more, [], full)
    expected = _nquads(full)

    def again(*args, **kwargs):
        raise AssertionError("graph/reorg computed again")

    monkeypatch.setattr(reorg.ReorgInputs, "__init__", again)  # the store is not even read
    build_records(more, [], out)
    assert _nquads(out) == expected
    assert _meta(out)["incremental"]["inputs"] == _meta(full)["incremental"]["inputs"]


def test_graphs_emitted_in_worker_processes_equal_a_serial_build(tmp_path, seeds, monkeypatch):
    """kg.rdf_pool: the same store and export files, and an incremental build after it too."""
    from kg import rdf_pool

    files = sorted(seeds.iterdir())
    serial = _full(tmp_path, files, "serial")
    monkeypatch.setattr(rdf_pool, "POOL_MIN", 1)
    monkeypatch.setattr(rdf_pool, "CHUNK", 2)  # several tasks per worker
    monkeypatch.setattr(rdf_pool, "WINDOW", 2)  # more tasks than may be in flight
    out = tmp_path / "pooled"
    build(files, out, jobs=2)
    assert _nquads(out) == serial
    assert _exports(out) == _exports(tmp_path / "serial")
    build(files[:1] + files[2:], tmp_path / "less", jobs=2)
    build(files, tmp_path / "less", jobs=2)  # incremental on top of a pooled build
    assert _nquads(tmp_path / "less") == serial


def test_graph_reorg_is_computed_again_when_a_body_is_new(tmp_path, sample_records):
    """kg.reorg.shared_key changes with the bodies: an incremental build that adds bodies
    gives the full build's graph/reorg."""
    out, full = tmp_path / "out", tmp_path / "full"
    build_records(sample_records[:1], [], out)
    build_records(sample_records, [], out)
    build_records(sample_records, [], full)
    assert _nquads(out) == _nquads(full)
    assert _meta(out)["incremental"]["inputs"] == _meta(full)["incremental"]["inputs"]


def test_graph_reorg_kept_is_not_read_and_one_to_change_is_checked(
    tmp_path, sample_records, monkeypatch
):
    """graph/reorg carried over is read from the last export only when it has to change:
    kept, its file is not opened (the last build's is linked by its digest); to change,
    a file that is not what the last build wrote makes it written whole, and the store is
    the full build's either way."""
    from kg import graph_export
    from kg.rdf import IRIs
    from kg.vocab import DEFAULT_BASE

    out, full = tmp_path / "out", tmp_path / "full"
    build_records(sample_records, [], out)
    name = graph_export.graph_file(str(IRIs(DEFAULT_BASE).reorg_graph), DEFAULT_BASE)
    live = (out / "exports" / graph_export.GRAPHS / name).resolve()
    assert live.stat().st_size
    read = graph_export.read_lines

    def unread(folder, iri, base):
        assert iri != str(IRIs(DEFAULT_BASE).reorg_graph), "graph/reorg read though kept"
        return read(folder, iri, base)

    with monkeypatch.context() as m:
        m.setattr(graph_export, "read_lines", unread)
        build_records(sample_records, [], out)  # the same bodies: graph/reorg kept
    live = (out / "exports" / graph_export.GRAPHS / name).resolve()
    live.unlink()
    live.write_bytes(b"")  # damaged: not its digest (a diff against it would remove nothing)
    build_records(sample_records[:1], [], out)  # fewer bodies: graph/reorg has to change
    build_records(sample_records[:1], [], full)
    assert _nquads(out) == _nquads(full)
    assert _exports(out) == _exports(full)


def test_an_incremental_build_without_the_last_facts_reads_them_from_the_store(tmp_path, seeds):
    """graph/derived comes from each graph's summary (kg.derived.summarize) kept by the last
    build beside its store; when that file is gone, they are read from the store."""
    from kg.build import FACTS

    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build(files[:1] + files[2:], out)
    (out / "store" / FACTS).unlink()
    build(files, out)
    assert _nquads(out) == _full(tmp_path, files, "full")
    assert _exports(out) == _exports(tmp_path / "full")
    assert (out / "store" / FACTS).is_file()  # written again for the next build


def _tampered(path: Path, same_digest: bool) -> int:
    """Every source graph's entry in the last build's facts (graph -> (digest, its
    kg.derived.GraphSummary)) replaced by a wrong one: each document renamed, so
    graph/derived built from them would speak of nodes that do not exist. Returns how many
    entries were changed."""
    import pickle

    def stale(doc: str) -> str:
        return doc + "-stale"

    facts = pickle.loads(path.read_bytes())
    changed = 0
    for g, entry in facts.items():
        if "/graph/source/" not in g:
            continue
        digest, s = entry
        if not (s.leads or s.topics or s.cascades):
            continue
        wrong = s._replace(
            leads={(stale(d), b): v for (d, b), v in s.leads.items()},
            topics={k: (n, b, frozenset(map(stale, c))) for k, (n, b, c) in s.topics.items()},
            cascades=tuple((stale(d), p) for d, p in s.cascades),
        )
        facts[g] = (digest if same_digest else digest + "-old", wrong)
        changed += 1
    path.write_bytes(pickle.dumps(facts))
    return changed


def test_stale_facts_of_a_graph_with_another_digest_are_not_used(tmp_path, seeds):
    """The last build's facts of a graph count only under the digest the graph has now:
    facts kept under another digest (the same graph name) are read again from the store,
    and the build is the full build byte for byte."""
    from kg.build import FACTS

    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build(files[:1] + files[2:], out)
    assert _tampered(out / "store" / FACTS, same_digest=False) >= len(files) - 2
    build(files, out)
    assert _nquads(out) == _full(tmp_path, files, "full")
    assert _exports(out) == _exports(tmp_path / "full")


def test_the_facts_kept_under_the_same_digest_are_the_ones_used(tmp_path, seeds):
    """The control of the test above: the same wrong lines under the graphs' own digests
    are taken as they are (the file is trusted, not re-checked), so the tampering there
    would show if the digest were not compared."""
    from kg.build import FACTS

    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build(files[:1] + files[2:], out)
    assert _tampered(out / "store" / FACTS, same_digest=True) >= len(files) - 2
    build(files, out)
    full = tmp_path / "full"
    build(files, full)
    derived = [k for k in _exports(full) if "derived" in k]
    assert derived and any(_exports(out)[k] != _exports(full)[k] for k in derived)


def _site(out: Path) -> dict[str, bytes]:
    """Every file of the live site (an .ics without the time it was written)."""
    site = out / "site"
    return {
        str(p.relative_to(site)): re.sub(rb"(?m)^DTSTAMP:.*$", b"", p.read_bytes())
        if p.suffix == ".ics"
        else p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_an_incremental_site_equals_a_full_one_after_add_change_and_remove(tmp_path, seeds):
    """The site of each incremental step (its model read from the facts the last build
    kept, patched by the graph files that changed) is byte for byte a full build's."""
    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build(files[:1] + files[2:], out)
    changed = files[-1]
    steps = {
        "added": lambda: files,
        "changed": lambda: (
            changed.write_text(changed.read_text(encoding="utf-8") + "\nNơi nhận:\n- Lưu: VT.\n")
            and files
        ),
        "removed": lambda: files[1:],
    }
    for name, step in steps.items():
        paths = step()
        build(paths, out)
        build(paths, tmp_path / name)
        assert _site(out) == _site(tmp_path / name), name


def test_the_kept_summaries_are_linked_and_only_what_changed_is_written(tmp_path, seeds):
    """An incremental build keeps each graph's summary for graph/derived by linking the last
    base file and writing only the entries that differ (the changed source's graph, the
    cross-document ones); the change chains' lines are linked when the graphs they come
    from are the same. Its store and exports are the full build's."""
    from kg.incremental import CHAIN_LINES, FACTS, load_facts

    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build(files, out)
    first = (out / "store").resolve()
    base_inode = (first / FACTS).stat().st_ino
    chain_inode = (first / CHAIN_LINES).stat().st_ino
    with open(files[0], "a", encoding="utf-8") as f:
        f.write("\n")  # a new text: its graph is emitted again; no body, no chain changes
    build(files, out)
    kept = load_facts((out / "store").resolve())
    assert kept.folder != first
    assert (kept.folder / FACTS).stat().st_ino == base_inode
    assert (kept.folder / CHAIN_LINES).stat().st_ino == chain_inode
    changed = [g for g in kept.delta if "/graph/source/" in g]
    assert len(changed) == 1 and kept.delta[changed[0]] != kept.base[changed[0]]
    assert len(kept.delta) < len(kept.base)
    assert _nquads(out) == _full(tmp_path, files, "full")
    assert _exports(out) == _exports(tmp_path / "full")


# ---------------------------------------------------------------- graph/shared by subject


def test_graph_shared_is_patched_by_subject_and_equals_a_full_build(tmp_path, seeds, monkeypatch):
    """A +1 makes only the shared subjects whose inputs changed (the last build's subjects
    are kept beside its store), and its store and exports still equal a full build's."""
    from kg import incremental

    made: list[int] = []
    patch = incremental.patch_items

    def spy(items, old, memo):
        result = patch(items, old, memo)
        if memo is not None:
            made.append(len([s for s, d in result.memo.items() if memo.get(s) != d]))
        return result

    out = tmp_path / "out"
    files_ = sorted(seeds.iterdir())
    build(files_[:-1], out)
    for name in ("shared", "lineage"):
        assert (out / "store" / incremental.SUBJECTS.format(name)).is_file()
    monkeypatch.setattr(incremental, "patch_items", spy)
    build(files_, out)
    shared = next(g for g in _meta(out)["incremental"]["graphs"] if g.endswith("graph/shared"))
    kept = incremental.load_subjects(out / "store", shared, _shared(out))
    assert made and 0 < made[0] < len(kept)  # graph/shared (then graph/lineage)
    assert _nquads(out) == _full(tmp_path, files_, "full")
    assert _exports(out) == _exports(tmp_path / "full")
    build(files_[1:], out)  # a file removed: its subjects go
    assert _nquads(out) == _full(tmp_path, files_[1:], "full2")
    assert _exports(out) == _exports(tmp_path / "full2")


def _shared(out: Path) -> str:
    graphs = _meta(out)["incremental"]["graphs"]
    return next(d for g, d in graphs.items() if g.endswith("graph/shared"))


def _items(subjects: dict[str, list[str]]):
    """kg.rdf-like items from {subject: [objects]} (inputs: the objects)."""
    import pyoxigraph as ox

    g = ox.NamedNode("http://x/g")
    p = ox.NamedNode("http://x/p")
    for s, objs in subjects.items():
        node = ox.NamedNode(f"http://x/{s}")
        yield (
            node,
            tuple(objs),
            lambda node=node, objs=objs: (ox.Quad(node, p, ox.Literal(o), g) for o in objs),
        )


_GRAPHS = st.dictionaries(
    st.sampled_from(["a", "a-b", "ab", "b", "b/c", "c"]),
    st.lists(st.sampled_from(["1", "2", "3"]), max_size=3),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(_GRAPHS, _GRAPHS)
def test_patch_items_equals_making_every_item(before, after):
    from kg import incremental

    first = incremental.patch_items(_items(before), None, None)
    full = incremental.patch_items(_items(after), None, None)
    patched = incremental.patch_items(_items(after), first.lines, first.memo)
    assert patched.lines == full.lines
    assert patched.memo == full.memo
    assert set(patched.gone) == set(first.lines) - set(full.lines)
    assert set(patched.new) == set(full.lines) - set(first.lines)


def test_a_signature_follows_the_identities_of_what_its_source_names(sample_records):
    """kg.incremental.signature: the same for the same corpus resolved again; another for a
    source whose own, cited or named identities changed (a body's or a cited document's IRI
    segments, the duplicate mark)."""
    from data.sample_records import sample_records as make

    from kg import incremental
    from kg.resolve import resolve

    def sig(corpus, name: str) -> str:
        src = next(s for s in corpus.sources if s.record.source.name == name)
        return incremental.signature(corpus, src, "d", extracted=True)

    corpus = resolve(sample_records)
    src = next(s for s in corpus.sources if s.bodies and any(s.references))
    name = src.record.source.name
    before = sig(corpus, name)
    assert before == sig(resolve(make()), name)
    assert before != incremental.signature(corpus, src, "other code", extracted=True)
    cited = next(k for k in src.references if k is not None)
    corpus.documents[cited].segment += "-moved"
    assert sig(corpus, name) != before
    corpus = resolve(make())
    body = next(
        iter(next(s for s in corpus.sources if s.record.source.name == name).bodies.values())
    )
    corpus.bodies[body].segments += ("moved",)
    assert sig(corpus, name) != before
    corpus = resolve(make())
    next(s for s in corpus.sources if s.record.source.name == name).duplicate_of = "x.txt"
    assert sig(corpus, name) != before
