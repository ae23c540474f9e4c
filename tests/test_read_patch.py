"""kg.read.patch: the read model a +1 patches from the last build's equals a scan of the
new facts, records and order alike, and the site built from it equals a full build's."""

from __future__ import annotations

from dataclasses import fields

from kg import outdir
from kg.build import build
from kg.read import patch
from kg.read.facts_cache import FILE as FACTS
from kg.read.facts_cache import load as load_facts
from kg.read.model import ReadModel
from tests.generated import generate_corpus


def same(a: ReadModel, b: ReadModel) -> None:
    for f in fields(ReadModel):
        if f.name == "texts":
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, dict):
            assert list(x.items()) == list(y.items()), f.name  # dict order too
        else:
            assert x == y, f.name


def _check(out, patched: list) -> None:
    gen = outdir.current(out)
    kept = patch.load(gen / patch.FILE)
    assert kept is not None
    scanned = patch.scan_kept(None, load_facts(gen / FACTS))
    same(kept.model, scanned.model)
    assert kept.read == scanned.read and kept.references == scanned.references
    assert patched and patched[-1] is not None  # the patched path was taken


def test_a_patched_model_equals_a_scan_after_an_add_and_a_remove(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 40, 3)
    files = sorted(corpus.glob("*.txt"))
    patched: list = []
    real = patch.patched_model
    monkeypatch.setattr(patch, "patched_model", lambda *a: patched.append(real(*a)) or patched[-1])
    out = tmp_path / "out"
    build(files[:-1], out)
    assert not patched  # a full build scans
    build(files, out)  # one plan added
    _check(out, patched)
    build(files[:-3] + files[-2:], out)  # another taken out
    _check(out, patched)
