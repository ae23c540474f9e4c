"""kg.read.facts_cache: the site's facts of an incremental build, patched from the last
build's by the graph files that changed, equal a scan of the new exports."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg import outdir
from kg.build import build
from kg.read import facts_cache
from kg.read.scan import Facts, facts_from_nquads, nquads_files


def _norm(facts: Facts) -> tuple:
    """Facts as plain sets: which value came first does not count."""
    values = {
        p: {s: sorted(facts.of(p, s), key=repr) for s in sorted(by_s)}
        for p, by_s in facts.one.items()
    }
    return values, {c: sorted(subjects) for c, subjects in facts.types.items()}


def _live(out: Path) -> Path:
    gen = outdir.current(out)
    assert gen is not None
    return gen


def _scanned(out: Path) -> Facts:
    return facts_from_nquads(nquads_files(_live(out) / "exports" / "graphs"))


def test_patched_facts_equal_a_scan_after_add_change_and_remove(tmp_path, seeds, monkeypatch):
    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    held = tmp_path / "held"
    held.mkdir()
    shutil.move(files[1], held / files[1].name)
    build([seeds], out)
    kept = facts_cache.load(_live(out) / facts_cache.FILE)
    assert kept is not None and _norm(kept) == _norm(_scanned(out))

    patched = []
    real = facts_cache.patched

    def spy(*args):
        facts = real(*args)
        patched.append(facts is not None)
        return facts

    monkeypatch.setattr(facts_cache, "patched", spy)
    shutil.move(held / files[1].name, files[1])  # added
    build([seeds], out)
    victim = files[-1]  # changed
    victim.write_text(victim.read_text(encoding="utf-8") + "\nNơi nhận:\n- Lưu: VT.\n")
    build([seeds], out)
    files[0].unlink()  # removed
    build([seeds], out)
    assert patched == [True, True, True]
    kept = facts_cache.load(_live(out) / facts_cache.FILE)
    assert kept is not None and _norm(kept) == _norm(_scanned(out))
    # not written again: the first build's file, with the three patches beside it
    path = _live(out) / facts_cache.FILE
    assert path.stat().st_nlink > 1 and len(facts_cache._chain(path) or []) == 3


def test_patches_too_long_are_written_whole_and_a_delta_for_another_file_is_not_used(
    tmp_path, seeds, monkeypatch
):
    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    build([seeds], out)
    files[0].unlink()
    monkeypatch.setattr(facts_cache, "MAX_DELTA", 0)  # patches too long: written whole
    build([seeds], out)
    path = _live(out) / facts_cache.FILE
    assert not facts_cache.delta_path(path).exists() and path.stat().st_nlink == 1
    kept = facts_cache.load(path)
    assert kept is not None and _norm(kept) == _norm(_scanned(out))
    monkeypatch.undo()
    files[1].unlink()
    build([seeds], out)
    path = _live(out) / facts_cache.FILE
    assert facts_cache.delta_path(path).is_file() and facts_cache.load(path) is not None
    shutil.copy(path, tmp_path / "copy")  # the file written anew: the delta is not its own
    path.unlink()
    shutil.copy(tmp_path / "copy", path)
    assert facts_cache.load(path) is None


def test_facts_kept_by_other_code_are_not_used(tmp_path, seeds, monkeypatch):
    out = tmp_path / "out"
    build([seeds], out)
    path = _live(out) / facts_cache.FILE
    assert facts_cache.load(path) is not None
    monkeypatch.setattr(facts_cache, "code_key", lambda: b"other code")
    assert facts_cache.load(path) is None
    path.write_bytes(b"other code\nnot marshal")
    assert facts_cache.load(path) is None


def test_a_removed_triple_still_in_another_graph_stays(tmp_path):
    import pyoxigraph as ox

    ex = "https://w3id.org/dkg/id/"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    old, new = tmp_path / "old" / "exports" / "graphs", tmp_path / "new"
    old.mkdir(parents=True)
    new.mkdir()
    line_a = f'<{ex}b1> <{label}> "A" <{ex}graph/a> .\n'.encode()
    line_b = f'<{ex}b1> <{label}> "A" <{ex}graph/b> .\n'.encode()
    line_c = f'<{ex}b2> <{label}> "C" <{ex}graph/a> .\n'.encode()
    (old / "a.nq").write_bytes(line_a + line_c)
    (new / "b.nq").write_bytes(line_b)
    facts_cache.save(facts_from_nquads(nquads_files(old)), tmp_path / "old" / facts_cache.FILE)
    store = ox.Store()
    store.load(input=line_b, format=ox.RdfFormat.N_QUADS)
    facts = facts_cache.patched(tmp_path / "old", new, store)
    assert facts is not None
    assert _norm(facts) == _norm(facts_from_nquads(nquads_files(new)))
    assert facts.of(label, f"{ex}b1") == ["A"] and facts.of(label, f"{ex}b2") == []


def test_facts_read_in_processes_equal_one_scan(tmp_path, monkeypatch):
    """Files shared out over processes and merged give the facts of one scan: a triple in
    two files counts once, a subject's values from several files all come, types join."""
    ex = "https://w3id.org/dkg/id/"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    typ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    doc = "https://w3id.org/dkg/ns#Document"
    folder = tmp_path / "graphs"
    folder.mkdir()
    for k in range(9):
        lines = [
            f'<{ex}b1> <{label}> "A{k % 3}" <{ex}graph/{k}> .',  # shared subject, 3 values
            f'<{ex}b{k + 2}> <{label}> "own {k}" <{ex}graph/{k}> .',
            f"<{ex}d{k % 2}> <{typ}> <{doc}> <{ex}graph/{k}> .",
            f'<{ex}d{k % 2}> <{label}> "doc" <{ex}graph/{k}> .',
        ]
        (folder / f"{k}.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    files = nquads_files(folder)
    monkeypatch.setattr(facts_cache, "POOL_MIN_BYTES", 0)
    for jobs in (2, 3):
        merged = facts_cache.facts_in_processes(files, jobs)
        assert _norm(merged) == _norm(facts_from_nquads(files))
    assert merged.of(label, f"{ex}b1") == ["A0", "A1", "A2"]
    assert merged.typed("Document") == [f"{ex}d0", f"{ex}d1"]


def test_a_build_reading_facts_in_processes_patches_them_next_time(tmp_path, seeds, monkeypatch):
    monkeypatch.setattr(facts_cache, "POOL_MIN_BYTES", 0)
    out = tmp_path / "out"
    files = sorted(seeds.iterdir())
    files[0].unlink()
    build([seeds], out, jobs=2)
    kept = facts_cache.load(_live(out) / facts_cache.FILE)
    assert kept is not None and _norm(kept) == _norm(_scanned(out))
    victim = files[-1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nNơi nhận:\n- Lưu: VT.\n")
    build([seeds], out, jobs=2)
    kept = facts_cache.load(_live(out) / facts_cache.FILE)
    assert kept is not None and _norm(kept) == _norm(_scanned(out))


def test_a_full_build_keeps_its_source_graphs_facts_as_emitted(tmp_path, seeds, monkeypatch):
    """The facts of the source graphs are kept as the graphs are emitted (kg.rdf_pool, a
    part per chunk of sources), in the pool and without it; merged with the rest they
    equal a scan, no source graph file is read for them, and nothing stays behind."""
    from kg import rdf_pool
    from kg.read import scan

    for jobs, pool_min in ((2, 0), (1, 200)):
        monkeypatch.setattr(rdf_pool, "CHUNK", 2)  # several parts
        monkeypatch.setattr(rdf_pool, "POOL_MIN", pool_min)
        taken = []
        real = facts_cache.EarlyFacts.take

        def spy(self, real=real, taken=taken):
            got = real(self)
            taken.append((got is not None, len(self.parts), len(self.files)))
            return got

        read = []
        real_scan = scan.facts_from_nquads

        def reading(files, read=read, real_scan=real_scan):
            files = list(files)
            read.extend(files)
            return real_scan(files)

        monkeypatch.setattr(facts_cache.EarlyFacts, "take", spy)
        monkeypatch.setattr(facts_cache, "facts_from_nquads", reading)
        out = tmp_path / f"out{jobs}"
        build([seeds], out, jobs=jobs)
        monkeypatch.undo()
        [(ok, parts, files)] = taken
        sources = len(list((_live(out) / "exports" / "graphs" / "source").glob("*.nq")))
        assert ok and files == sources and parts == (sources + 1) // 2
        assert not [f for f in read if "source" in f.parts]
        gen = _live(out)
        assert not list(gen.glob(facts_cache.EARLY + "*"))
        kept = facts_cache.load(gen / facts_cache.FILE)
        assert kept is not None and _norm(kept) == _norm(_scanned(out))
        assert not facts_cache._EARLY


def test_early_facts_of_a_failed_build_are_dropped(tmp_path, seeds, monkeypatch):
    import pytest

    from kg import build as build_module

    started = []
    real = facts_cache.EarlyFacts.__init__

    def spy(self, *args):
        real(self, *args)
        started.append(self)

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(facts_cache.EarlyFacts, "__init__", spy)
    monkeypatch.setattr(build_module, "_reorg_and_derived", fail)
    with pytest.raises(RuntimeError):
        build([seeds], tmp_path / "out", jobs=2)
    assert started and started[0].parts
    assert not started[0].folder.exists() and not facts_cache._EARLY


def test_a_lost_part_of_the_early_facts_means_a_scan_of_every_file(tmp_path, seeds, monkeypatch):
    """A part that cannot be read (gone, cut short) is no wrong site: every file is read."""
    from kg import rdf_pool

    monkeypatch.setattr(rdf_pool, "CHUNK", 2)
    real = facts_cache.EarlyFacts.take

    def lose(self):
        read, parts = real(self)
        parts[-1].write_bytes(parts[-1].read_bytes()[:10])
        return read, parts

    monkeypatch.setattr(facts_cache.EarlyFacts, "take", lose)
    out = tmp_path / "out"
    build([seeds], out, jobs=2)
    gen = _live(out)
    kept = facts_cache.load(gen / facts_cache.FILE)
    assert kept is not None and _norm(kept) == _norm(_scanned(out))
    assert not list(gen.glob(facts_cache.EARLY + "*")) and not facts_cache._EARLY
