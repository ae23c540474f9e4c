"""Extraction in a process pool or on a Dask cluster gives the serial results, in order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.graph_export import read_all
from kg.pipeline import extract_paths
from kg.records import records_json
from kg.resources import corpus_files


def _inputs(tmp_path: Path) -> list[Path]:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 not text")
    return [*corpus_files(), bad]


def _same(a, b) -> None:
    assert records_json(a[0]) == records_json(b[0])
    assert [str(e) for e in a[1]] == [str(e) for e in b[1]]
    assert len(a[1]) == 1


def test_process_pool_equals_serial(tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    _same(extract_paths(paths, jobs=2), extract_paths(paths))


def test_dask_cluster_equals_serial(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = _inputs(tmp_path)
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        on_dask = extract_paths(paths, dask=cluster.scheduler_address)
    _same(on_dask, extract_paths(paths))


def test_unreachable_scheduler_is_one_line() -> None:
    pytest.importorskip("distributed")
    from kg.errors import DkgError

    with pytest.raises(DkgError, match="cannot reach"):
        extract_paths(list(corpus_files())[:1], dask="tcp://127.0.0.1:9")


def test_cache_extracts_only_new_or_changed_sources(tmp_path: Path) -> None:
    from kg.cache import RecordCache

    src, files = _three_sources(tmp_path)
    fresh = extract_paths([src])
    first = RecordCache(tmp_path / "out")
    _same_records(extract_paths([src], cache=first), fresh)
    assert first.hits == 0
    again = RecordCache(tmp_path / "out")
    _same_records(extract_paths([src], cache=again), fresh)
    assert again.hits == 3
    changed = src / files[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một dòng.\n", "utf-8")
    (src / files[1].name).unlink()  # removed: its entry goes
    third = RecordCache(tmp_path / "out")
    records, _ = extract_paths([src], cache=third)
    assert third.hits == 1 and len(records) == 2
    assert len(list(third.folder.iterdir())) == 2


def _three_sources(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A folder with copies of three seed texts, and the seeds copied."""
    src = tmp_path / "src"
    src.mkdir()
    files = list(corpus_files())[:3]
    for f in files:
        (src / f.name).write_bytes(f.read_bytes())
    return src, files


def _same_records(a, b) -> None:
    assert records_json(a[0]) == records_json(b[0])


def test_rebuild_from_the_cache_gives_the_same_graph(tmp_path: Path) -> None:
    from kg.build import build

    out = tmp_path / "out"
    first = build([], out)
    nq = read_all(out / "exports")
    second = build([], out)
    assert read_all(out / "exports") == nq
    assert second.triples == first.triples
    assert len(list((out / "cache" / "records").iterdir())) == first.documents


def test_pool_workers_keep_the_cache_entries(tmp_path: Path) -> None:
    """In a pool, each worker writes the cache entry of what it extracted and sends the
    record back slim: the same records as serial, and a second run reads them all."""
    from kg.cache import RecordCache

    src = tmp_path / "src"
    src.mkdir()
    for f in list(corpus_files())[:4]:
        (src / f.name).write_bytes(f.read_bytes())
    fresh = extract_paths([src])
    first = RecordCache(tmp_path / "out")
    pooled = extract_paths([src], jobs=2, cache=first)
    _same_records(pooled, fresh)
    assert first.hits == 0 and all(r.structure is None for r in pooled[0])
    assert len(list(first.folder.glob("*.pickle"))) == 4
    assert not list(first.folder.glob("*.tmp"))
    again = RecordCache(tmp_path / "out")
    _same_records(extract_paths([src], cache=again), fresh)
    assert again.hits == 4


def test_cache_takes_unchanged_files_by_stat(tmp_path: Path, monkeypatch) -> None:
    """A file the last build read, unchanged by its stat, is not read again; a file changed
    (or changed too close to its reading: git's racy case) is read."""
    import kg.cache
    import kg.pipeline
    from kg.cache import RecordCache

    src, files = _three_sources(tmp_path)
    fresh = extract_paths([src])
    read: list[str] = []
    real = kg.pipeline.read_source

    def counted(path, name=None):
        read.append(Path(path).name)
        return real(path, name)

    monkeypatch.setattr(kg.pipeline, "read_source", counted)
    extract_paths([src], cache=RecordCache(tmp_path / "out"))  # just written: racy, not kept
    read.clear()
    _same_records(extract_paths([src], cache=RecordCache(tmp_path / "out")), fresh)
    assert len(read) == 3  # the files were changed within RACY_NS of the last reading
    monkeypatch.setattr(kg.cache, "RACY_NS", -(10**18))  # as if they were old
    extract_paths([src], cache=RecordCache(tmp_path / "out"))
    read.clear()
    again = RecordCache(tmp_path / "out")
    _same_records(extract_paths([src], cache=again), fresh)
    assert read == [] and again.hits == 3
    changed = src / files[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một dòng.\n", "utf-8")
    third = RecordCache(tmp_path / "out")
    records, _ = extract_paths([src], cache=third)
    assert read == [files[0].name] and len(records) == 3
    assert {r.source.sha256 for r in records} != {r.source.sha256 for r in fresh[0]}
    fourth = RecordCache(tmp_path / "out")
    read.clear()
    kept, _ = extract_paths([src], cache=fourth)
    assert [r.source for r in kept] == [r.source for r in records] and read == []


def test_new_sources_are_extracted_while_the_known_are_loaded(tmp_path: Path, monkeypatch) -> None:
    """With workers, the new and changed files are extracted in a forked worker started
    before the known files' records are loaded (kg.pipeline._Early); a known file whose
    entry is gone is read and extracted after them: the same records, in the same order,
    as a serial extraction without a cache."""
    import kg.cache
    import kg.pipeline
    from kg.cache import RecordCache

    monkeypatch.setattr(kg.cache, "RACY_NS", -(10**18))  # the files count as old
    src = tmp_path / "src"
    src.mkdir()
    files = list(corpus_files())[:5]
    for f in files[:3]:
        (src / f.name).write_bytes(f.read_bytes())
    extract_paths([src], cache=RecordCache(tmp_path / "out"))
    for f in files[3:]:  # two new files, one changed, one bad, one whose entry is gone
        (src / f.name).write_bytes(f.read_bytes())
    changed = src / files[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một dòng.\n", "utf-8")
    (src / "bad.txt").write_bytes(b"%PDF-1.4 not text")
    cache = RecordCache(tmp_path / "out")
    gone = cache.known(src / files[1].name, os.stat(src / files[1].name), 10**9)
    (cache.folder / f"{gone}.pickle").unlink()
    early: list[int] = []
    real = kg.pipeline._Early

    class Counted(real):
        def __init__(self, items, workers, keep):
            early.append(len(items))
            super().__init__(items, workers, keep)

    monkeypatch.setattr(kg.pipeline, "_Early", Counted)
    got = extract_paths([src], jobs=2, cache=cache)
    fresh = extract_paths([src])
    _same(got, fresh)
    assert early == [4]  # the changed file, the bad one, the two new ones
    assert cache.hits == 1  # files[2]; files[1] was extracted again, after the others
    again = RecordCache(tmp_path / "out")
    _same(extract_paths([src], jobs=2, cache=again), fresh)
    assert again.hits == 5
