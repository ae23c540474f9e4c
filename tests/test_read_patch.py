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


def test_the_reorganisation_is_read_again_only_when_a_changed_line_is_about_it():
    import pyoxigraph as ox

    from kg.read.facts_cache import Changed
    from kg.read.model import Act, Succession
    from kg.read.scan import _RDF_TYPE, CLASSES, Facts
    from kg.vocab import DKG

    f = Facts()
    ev, body, succ, act, doc = (f"https://x.test/{n}" for n in ("ev", "b", "s", "act", "doc"))
    f.add(ox.NamedNode(ev), _RDF_TYPE, ox.NamedNode(CLASSES["ChangeEvent"]))
    f.add(ox.NamedNode(ev), str(DKG.legalBasis), ox.NamedNode(act))
    old = ReadModel()
    old.changes = {body: [Succession(ev, body, "2025-07-01", [(succ, None)], [Act(act)])]}
    label = "http://www.w3.org/2000/01/rdf-schema#label"

    def line(s: str, p: str, o: str) -> bytes:
        return f"<{s}> <{p}> {o} <https://x.test/g> .\n".encode()

    def unchanged(gone: bytes = b"", added: bytes = b"", model: ReadModel = old) -> bool:
        return patch._reorganisation_unchanged(Changed(patch=(gone, added)), f, model)

    assert unchanged(added=line(doc, label, '"a plan"') + line(succ, label, '"a body"'))
    assert not unchanged(
        added=line(ev, "http://www.w3.org/2004/02/skos/core#note", '"note"')
    )  # about the event
    assert not unchanged(gone=line(act, label, '"act"'))  # about an act it cites
    gen = "https://x.test/gen"
    qualified = "http://www.w3.org/ns/prov#qualifiedGeneration"
    assert not unchanged(added=line(succ, qualified, f"<{gen}>"))  # a successor's link
    new_event = line("https://x.test/ev3", _RDF_TYPE, f"<{CLASSES['ChangeEvent']}>")
    assert not unchanged(added=new_event)
    gone = ReadModel()  # an event only the kept model had
    gone.changes = {body: [Succession("https://x.test/ev2", body, "2025-07-01")]}
    assert not unchanged(gone=line("https://x.test/ev2", label, '"x"'), model=gone)
