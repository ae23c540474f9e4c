"""The read model kept beside each generation, patched by the documents a +1 touches.

Scanning the whole model from the facts (kg.read.scan) is the site phase's largest part
at national scale (21 s at 10,000 plans), while adding one plan changes the records of a
few documents. Each build keeps its model in ``gen/site-model.pickle``; the next one,
given the patched facts and what changed (kg.read.facts_cache.Changed), makes again only:

- the records of the *touched* documents (a document, its duties with their lineage and
  partners, assignments, reports, targets, references and links, header evidence): those
  whose subjects are in a changed graph or are named by a changed line;
- the places, bodies and reorganisation events, in whole (a few tens of thousands of
  records, read cheaply);

and takes every other document's records from the kept model. Every list of the model is
ordered by its document first (kg.read.load), so the kept and the new blocks are merged by
document; the documents dict is laid out as the loader lays it out (documents read, by
IRI, then the documents only cited, in the links' order). When a changed subject cannot
be put to a document, or the places changed, the whole model is scanned instead.
Tests check the patched model equals a scan of the new facts, dict order included.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from dataclasses import dataclass, fields
from functools import cache, partial
from pathlib import Path
from typing import Any

from kg.cache import collector_paused
from kg.read import load as L
from kg.read.model import Document, Evidence, ReadModel
from kg.read.scan import (
    _ORG,
    _RDF_TYPE,
    ANSWERS,
    CLASSES,
    Facts,
    SourceTexts,
    _quotes,
    _ScanLoader,
    parse_lines,
)
from kg.read.scan import _evidence as rows_of
from kg.shares import aside

FILE = "site-model.pickle"

_DKG = L._DKG
_PROV = L._PROV
_IN_DOCUMENT = _DKG + "inDocument"
_CITING = _DKG + "citingDocument"
_DERIVED = L._PROV + "wasDerivedFrom"
_SOURCE_FILE = _DKG + "sourceFile"
_BY_DOCUMENT = ("Duty", "Assignment", "Report", "Target")  # ?x dkg:inDocument ?doc


@cache
def code_key() -> str:
    """The code that makes and reads the file: a model kept by other code is not used."""
    from kg import __version__

    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    h.update(str(pickle.HIGHEST_PROTOCOL).encode())
    for name in ("load.py", "scan.py", "model.py", "patch.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


@dataclass
class Kept:
    """A model as kept: the model (no texts, no indexes), the documents read (the others
    are only cited), how many of its links are printed references (they come first), and
    the places as the loader read them (a change there reaches documents: scan again)."""

    model: ReadModel
    read: list[str]
    references: int
    places: tuple[dict, dict, dict]


# ---------------------------------------------------------------- keeping it


def save(kept: Kept, path: Path) -> None:
    """Write ``kept`` to ``path`` (beside, then renamed: a reader never sees half)."""
    model = kept.model
    texts, model.texts = model.texts, None
    indexes = {k: v for k, v in vars(model).items() if k not in _FIELDS}
    for k in indexes:  # cached_property values: made again on use
        delattr(model, k)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        with collector_paused(), open(tmp, "wb") as fh:
            fh.write(code_key().encode() + b"\n")
            pickle.dump(kept, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    finally:
        model.texts = texts
        vars(model).update(indexes)


_FIELDS = frozenset(f.name for f in fields(ReadModel))


def load(path: Path) -> Kept | None:
    """The model kept in ``path`` by this code, or None."""
    try:
        with open(path, "rb") as fh:
            if fh.readline() != code_key().encode() + b"\n":
                return None
            data = fh.read()
        with collector_paused():
            kept = pickle.loads(data)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError):
        return None
    return kept if isinstance(kept, Kept) else None


# ---------------------------------------------------------------- which documents


def touched_documents(
    changed: Any, facts: Facts, old: ReadModel, places: set[str] = frozenset()
) -> set[str] | None:
    """The documents whose records may differ from the kept model's: those of every
    subject of a changed source graph and of every changed line elsewhere (in either
    version), and those seated in ``places`` (whose names changed). None when a changed
    subject still there belongs to no document, body, place or reorganisation event."""
    docs = facts.types[CLASSES["Document"]]
    owners: dict[str, set[str]] = {}
    for kind in (old.duties, old.reports, old.targets):
        for record in kind:
            owners.setdefault(record.iri, set()).add(record.doc)
    one_in, one_citing = facts.one[_IN_DOCUMENT], facts.one[_CITING]
    types = facts.types
    whole = types[_C("Body")] | types[_C("ChangeEvent")] | types[_C("AdminUnit")]
    whole |= set(old.bodies)
    events = [facts.one[p] for p in (_PROV + "activity", _DKG + "legalBasis")]
    made = [facts.inverse(p) for p in (_PROV + "qualifiedGeneration", _DKG + "legalBasis")]

    def docs_of(s: str) -> set[str]:
        found = set(owners.get(s, ()))
        if s in docs or s in old.docs:
            found.add(s)
        if s in one_in:
            found.update(facts.of(_IN_DOCUMENT, s))
        if s in one_citing:
            found.update(facts.of(_CITING, s))
        return found

    touched: set[str] = set()
    for s in changed.source:  # the graph's own document is among them
        touched |= docs_of(s)
    for s in changed.subjects:
        found = docs_of(s)
        if found:
            touched |= found
        elif s in whole or any(s in e for e in events) or any(s in m for m in made):
            continue  # places, bodies and the reorganisation are read whole
        elif any(s in facts.one[p] for p in facts.one) or any(s in t for t in types.values()):
            return None  # something not known here: scan
    seated = facts.inverse(L._ELI + "jurisdiction")
    for place in places:
        touched.update(d for d in seated.get(place, ()) if d in docs)
    return touched


# ---------------------------------------------------------------- the records, patched


class _Only:
    """``Facts`` seen through the touched documents: the typed subjects and the link
    subjects the per-document queries start from are those of these documents only."""

    def __init__(self, facts: Facts, docs: set[str]) -> None:
        self.facts = facts
        self.one, self.more, self.types = facts.one, facts.more, facts.types
        self.of, self.first, self.several = facts.of, facts.first, facts.several
        self.inverse = facts.inverse
        self._typed: dict[str, list[str]] = {"Document": sorted(docs & facts.types[_C("Document")])}
        by_doc = facts.inverse(_IN_DOCUMENT)
        for name in _BY_DOCUMENT:
            cls = facts.types[_C(name)]
            mine = {s for d in docs for s in by_doc.get(d, ()) if s in cls}
            self._typed[name] = sorted(mine)
        citing = facts.inverse(_CITING)
        refs = facts.types[_C("Reference")]
        self._typed["Reference"] = sorted({s for d in docs for s in citing.get(d, ()) if s in refs})
        self.docs = docs
        self.sources = {src for d in docs for src in facts.of(_DERIVED, d)}

    def typed(self, name: str) -> list[str]:
        found = self._typed.get(name)
        return found if found is not None else self.facts.typed(name)

    def subjects(self, p: str) -> list[str]:
        if p in L._LINK_RELATION:
            return sorted(d for d in self.docs if d in self.one[p])
        if p == _SOURCE_FILE:
            return sorted(s for s in self.sources if s in self.one[p])
        return self.facts.subjects(p)


def _C(name: str) -> str:
    return CLASSES[name]


class _PartLoader(_ScanLoader):
    """The loader's readers over the touched documents (evidence read as it is named)."""

    def __init__(self, source: Any, facts: Facts, docs: set[str]) -> None:
        super().__init__(source, facts)
        self.only = _Only(facts, docs)
        self.all = facts

    def rows(self, query: str, **bindings: Any) -> list[L.Row]:
        return list(ANSWERS[query](self.only))

    def ev_of(self, row: L.Row) -> Any:
        ev = row.get("ev")
        if not ev:
            return None
        if ev not in self.evidence:
            self.evidence[ev] = _evidence(self.all, ev, self._doc_of_source)
        return self.evidence[ev]

    def _doc_of_source(self, src: str) -> str | None:
        """The document the whole loader gives a source: of the documents whose least
        source it is, the least by IRI."""
        docs = self.all.types[_C("Document")]
        for doc in self.all.inverse(_DERIVED).get(src, ()):
            if doc in docs and _least(self.all.of(_DERIVED, doc)) == src:
                return doc
        return None


def _least(values: list[Any]) -> Any:
    return min(values, key=lambda v: "" if v is None else str(v)) if values else None


def _evidence(f: Facts, ev: str, doc_of: Any) -> Any:
    """One evidence node as ``_Loader.read_evidence`` makes it (or None)."""

    class _One:  # the two queries' scans, for this one node
        def __init__(self) -> None:
            self.one, self.more, self.types = f.one, f.more, f.types
            self.of, self.several, self.inverse = f.of, f.several, f.inverse

        def typed(self, name: str) -> list[str]:
            return [ev] if ev in f.types[_C(name)] else []

        def subjects(self, p: str) -> list[str]:
            return [ev] if ev in f.one[p] else []

    one = _One()
    quotes = L._first(_quotes(one), "ev")
    row = L._first(rows_of(one), "ev").get(ev)
    if row is None:
        return None
    doc = doc_of(row["src"]) if row["src"] else None
    start, end = L._int(row.get("start")), L._int(row.get("end"))
    if doc is None or start is None or end is None or end < start:
        return None
    quote = quotes.get(ev, {})
    return Evidence(doc, start, end, quote.get("exact"), quote.get("prefix"), quote.get("suffix"))


# what kg.read.load's ``changes`` reads besides the events' and acts' own lines
_REORG_LINKS = frozenset(
    [_ORG + t for t in ("originalOrganization", "resultingOrganization")]
    + [_DKG + t for t in ("effectiveDate", "splitOfFunctions", "functions", "legalBasis")]
    + [_PROV + t for t in ("qualifiedGeneration", "activity")]
)


def _reorganisation_unchanged(changed: Any, facts: Facts, old: ReadModel) -> bool:
    """True when no line the facts patch took out or added (``changed.patch``) is read by
    kg.read.load's ``changes``: a link of an event, a successor or a generation node
    (``_REORG_LINKS``), a ChangeEvent's type, or any line about an event or an act one
    cites (in the new facts or the kept model). Then the kept events are the new ones and
    are not read again (every event and act, for a +1 that touches none)."""
    event_class = _C("ChangeEvent")
    events = facts.types[event_class]
    acts = facts.inverse(_DKG + "legalBasis")
    kept: set[str] = set()
    for successions in old.changes.values():
        for ev in successions:
            kept.add(ev.event)
            kept.update(a.iri for a in ev.acts)
    for lines in changed.patch:
        for q in parse_lines([lines]):
            p, s = q.predicate.value, q.subject.value
            if p in _REORG_LINKS or s in events or s in acts or s in kept:
                return False
            if p == _RDF_TYPE and q.object.value == event_class:
                return False
    return True


def _by_doc(kept: list, new: list, touched: set[str], key: Any = None) -> list:
    """The kept records of untouched documents and the new ones, by document (stable:
    each document's records keep their order)."""
    key = key or (lambda r: r.doc)
    return sorted([r for r in kept if key(r) not in touched] + new, key=key)


def patched_model(source: Any, facts: Facts, kept: Kept, changed: Any) -> Kept | None:
    """The model of ``facts`` from ``kept`` (the last build's) and what ``changed``, or
    None when it cannot be patched (then scan)."""
    old = kept.model
    whole = _ScanLoader(source, facts)
    whole.places()
    places = (whole.place_label, whole.place_name, whole.place_province)
    moved = {
        place
        for now, before in zip(places, kept.places, strict=True)
        for place in now.keys() | before.keys()
        if now.get(place) != before.get(place)
    }
    touched = touched_documents(changed, facts, old, moved)
    if touched is None:
        return None
    part = _PartLoader(source, facts, touched)
    part.place_label, part.place_name, part.place_province = places
    part.documents()
    read_now = [d for d in part.model.docs]
    part.bodies()
    carried = _reorganisation_unchanged(changed, facts, old)
    if not carried:
        part.changes()
    part.header_evidence()
    part.doc_links()
    part.assignments()
    part.duties()
    part.lineage()
    part.reports()
    part.targets()
    new = part.model
    model = ReadModel()
    refs_new = new.links[: part.references]
    model.links = _by_doc(kept.model.links[: kept.references], refs_new, touched, _citing)
    references = len(model.links)
    model.links += _by_doc(
        kept.model.links[kept.references :], new.links[part.references :], touched, _citing
    )
    read = sorted({d for d in kept.read if d not in touched} | set(read_now))
    for doc in read:
        model.docs[doc] = new.docs[doc] if doc in touched else old.docs[doc]
    for link in model.links:  # as _Loader.doc_links: a cited document still needs a page
        for iri in (link.citing, link.cited):
            number = link.printed if iri == link.cited else None
            model.docs.setdefault(iri, Document(iri, number=number))
    model.bodies = new.bodies
    model.changes = old.changes if carried else new.changes
    model.assignments = _by_doc(old.assignments, new.assignments, touched)
    model.duties = _by_doc(old.duties, new.duties, touched)
    model.reports = _by_doc(old.reports, new.reports, touched)
    model.targets = _by_doc(old.targets, new.targets, touched)
    loader = L._Loader(source)
    loader.model = model
    loader.unnamed_bodies()
    sources = {d: s for d in model.docs for s in [facts.first(_DERIVED, d)] if s}
    model.texts = SourceTexts(source, sources)
    return Kept(model, read, references, places)


def _citing(link: Any) -> str:
    return link.citing


class _Keeping(_ScanLoader):
    """The whole scan, noting what ``Kept`` keeps besides the model."""

    read: list[str]

    def documents(self) -> None:
        super().documents()
        self.read = list(self.model.docs)


def scan_kept(source: Any, facts: Facts) -> Kept:
    loader = _Keeping(source, facts)
    model = loader.run()
    places = (loader.place_label, loader.place_name, loader.place_province)
    return Kept(model, loader.read, loader.references, places)


def read_model(source: Any, facts: Facts, where: Any = None) -> ReadModel:
    """The read model of ``facts``: patched from the model the previous generation kept
    when the facts were patched from its (``facts.changed``), else scanned whole; kept in
    ``where.save_to``'s folder for the next build (``where``: kg.read.facts_cache.FactsCache)."""
    with collector_paused():
        kept = None
        previous = getattr(where, "previous", None)
        if facts.changed is not None and previous is not None:
            old = load(Path(previous) / FILE)
            if old is not None:
                kept = patched_model(source, facts, old, facts.changed)
        if kept is None:
            kept = scan_kept(source, facts)
        save_to = getattr(where, "save_to", None)
        if save_to is not None:
            save_aside(kept, Path(save_to).with_name(FILE))
        return kept.model


def save_aside(kept: Kept, path: Path) -> None:
    """``save`` set aside in a forked process (kg.shares.aside) while this one renders the
    pages (pickling a national model takes seconds); kg.shares.wait_aside waits for it."""
    aside(partial(save, kept, path))
