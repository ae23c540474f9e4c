"""Loading the read model without SPARQL joins: one scan per predicate, joined in Python.

On the on-disk store every triple pattern of every result row of a join is a RocksDB
read (and every long term another one to decode it), so the ~20 joins of kg.read.load
took minutes at national scale. Here each predicate the model uses is read once, as a
single-pattern scan of the store or as the lines of the generation's exported N-Quads
(kg.build writes them before the site), into ``Facts``: subject -> object, strings
interned. ``_ScanLoader`` then answers each query of kg.read.load from those maps with
the rows SPARQL would give (same variables, unbound as None), so the model is built by
the one set of readers either way; an endpoint is still read through SPARQL.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS

from kg.cache import collector_paused
from kg.read import load as L
from kg.read.model import ReadModel
from kg.sparql import bind_query
from kg.store import Store, to_python
from kg.vocab import DKG, DKG_NS, ELI, OA

Row = dict[str, Any]

_RDF_TYPE = str(RDF.type)
_RDFS = str(RDFS)
_ELI = str(ELI)
_DKG = DKG_NS
_PROV = str(PROV)
_OA = str(OA)
_ORG = str(ORG)
_SKOS = str(SKOS)

# the classes the queries of kg.read.load ask for (``?x a C``)
CLASSES = {
    name: iri
    for name, iri in (
        ("Document", _DKG + "Document"),
        ("AdminUnit", _DKG + "AdminUnit"),
        ("Body", _DKG + "Body"),
        ("Evidence", _DKG + "Evidence"),
        ("Position", _OA + "TextPositionSelector"),
        ("Quote", _OA + "TextQuoteSelector"),
        ("Reference", _DKG + "Reference"),
        ("Assignment", _DKG + "Assignment"),
        ("Duty", _DKG + "Duty"),
        ("Report", _DKG + "ReportingObligation"),
        ("Target", _DKG + "Target"),
        ("ChangeEvent", _ORG + "ChangeEvent"),
    )
}

_DKG_TERMS = """date subject issuerText level kind signer signerTitle ingested printedAs sourceFile
    sourceReader sourceEncoding jurisdiction collective citingDocument citedDocument relation
    evidence order implementsRank guidanceFor proposedBy inDocument body mode responsibleBody
    role text section deadline duty forProperty counterpartOf droppedIn partner reporter
    reporterText recipient recipientText via viaText frequency dueDate indicator targetValue
    targetYear owner ownerText effectiveDate splitOfFunctions uncertain functions legalBasis"""

# every predicate the queries of kg.read.load read (besides rdf:type)
PREDICATES = frozenset(
    [str(getattr(DKG, t)) for t in _DKG_TERMS.split()]  # a misspelt term fails here
    + [_RDFS + "label", _SKOS + "prefLabel", _SKOS + "broader", _SKOS + "note"]
    + [
        _ELI + t
        for t in ["id_local", "passed_by", "jurisdiction", "type_document", "date_document"]
    ]
    + [_ELI + t for t in ["ensures_implementation_of", "based_on"]]
    + [_PROV + t for t in ["wasDerivedFrom", "qualifiedGeneration", "activity"]]
    + [_OA + t for t in ["hasSource", "hasSelector", "start", "end", "exact", "prefix", "suffix"]]
    + [_ORG + t for t in ["originalOrganization", "resultingOrganization"]]
)
_LANG_TAGGED = _SKOS + "prefLabel"  # Q_DOC_TYPES filters on its language


class Facts:
    """The triples of ``PREDICATES`` and the typed subjects of ``CLASSES``, deduplicated
    (the default graph is the union of the named graphs: a triple in two graphs counts
    once). A subject's values come sorted, so the model does not depend on scan order."""

    def __init__(self) -> None:
        self.one: dict[str, dict[str, Any]] = {p: {} for p in PREDICATES}
        self.more: dict[tuple[str, str], list[Any]] = {}
        self.types: dict[str, set[str]] = {iri: set() for iri in CLASSES.values()}
        self._inverse: dict[str, dict[str, list[str]]] = {}
        self._sorted: dict[str, dict[str, list[Any]]] | None = None  # p -> s -> values, sorted
        self.changed: Any = None  # kg.read.facts_cache.Changed when patched from the last build's

    def _typed(self, o: Any) -> set[str] | None:
        """The subjects of class ``o`` kept (None: a class the model does not read)."""
        return self.types.get(o.value) if isinstance(o, ox.NamedNode) else None

    def add(self, s: ox.NamedNode | ox.BlankNode, p: str, o: Any) -> None:
        subject = sys.intern(to_python(s))
        if p == _RDF_TYPE:
            typed = self._typed(o)
            if typed is not None:
                typed.add(subject)
            return
        value = _value(p, o)
        values = self.one[p]
        first = values.setdefault(subject, value)
        if first is not value and first != value:
            extra = self.more.setdefault((p, subject), [])
            if value not in extra:
                extra.append(value)
                self._sorted = None

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """``add`` each quad whose predicate is read (as ``wanted_lines`` keeps lines):
        the facts of a graph from the quads that made it, without parsing its file."""
        wanted, add = PREDICATES, self.add
        for q in quads:
            p = q.predicate.value
            if p in wanted or p == _RDF_TYPE:
                add(q.subject, p, q.object)

    def _keep(self, p: str, subject: str, value: Any) -> None:
        """One more value of ``p`` for ``subject`` (``add`` past the parsing)."""
        first = self.one[p].setdefault(subject, value)
        if first is not value and first != value:
            extra = self.more.setdefault((p, subject), [])
            if value not in extra:
                extra.append(value)

    def merge(self, one: dict, more: dict, types: dict) -> None:
        """Add the facts of other files (another ``Facts``'s ``one``, ``more``, ``types``):
        the same facts as adding their triples one by one. Subjects minted in one source
        graph are seldom in another: those dicts are taken over whole, the rest value by
        value."""
        for p, values in one.items():
            mine = self.one[p]
            common = values.keys() & mine.keys()
            if not common:
                mine.update(values)
                continue
            for subject, value in values.items():
                if subject in common:
                    self._keep(p, subject, value)
                else:
                    mine[subject] = value
        for (p, subject), extra in more.items():
            for value in extra:
                self._keep(p, subject, value)
        for cls, subjects in types.items():
            self.types[cls] |= subjects
        self._inverse.clear()
        self._sorted = None

    def remove(self, s: ox.NamedNode | ox.BlankNode, p: str, o: Any) -> None:
        """Take one triple out again (kg.read.facts_cache: a graph that changed)."""
        subject = to_python(s)
        if p == _RDF_TYPE:
            typed = self._typed(o)
            if typed is not None:
                typed.discard(subject)
            return
        value = _value(p, o)
        values = self.one[p]
        if subject not in values:
            return
        extra = self.more.get((p, subject))
        if values[subject] == value:
            if extra:
                values[subject] = extra.pop(0)
            else:
                del values[subject]
        elif extra and value in extra:
            extra.remove(value)
        if extra is not None and not extra:
            del self.more[(p, subject)]
        self._inverse.clear()
        self._sorted = None

    def of(self, p: str, s: str | None) -> list[Any]:
        """The values of ``s`` for ``p``, sorted (empty when it has none). Called millions
        of times by the model's joins: the subjects with several values are sorted once."""
        first = self.one[p].get(s) if s is not None else None
        if first is None:
            return []
        many = self.several(p)
        values = many.get(s) if many is not None else None
        return [first] if values is None else list(values)

    def several(self, p: str) -> dict[str, list[Any]] | None:
        """The subjects with more than one value of ``p``, each with its values sorted
        (None when there are none)."""
        many = self._sorted
        if many is None:
            many = self._sorted = {}
            for (q, subject), extra in self.more.items():
                values = [self.one[q][subject], *extra]
                many.setdefault(q, {})[subject] = sorted(values, key=_sort_key)
        return many.get(p)

    def first(self, p: str, s: str | None) -> Any:
        values = self.of(p, s)
        return values[0] if values else None

    def typed(self, name: str) -> list[str]:
        return sorted(self.types[CLASSES[name]])

    def subjects(self, p: str) -> list[str]:
        return sorted(self.one[p])

    def inverse(self, p: str) -> dict[str, list[str]]:
        """Object -> subjects of ``p`` (``?a dkg:duty ?duty`` read from the duty)."""
        if p not in self._inverse:
            out: dict[str, list[str]] = {}
            for s in self.one[p]:
                for o in self.of(p, s):
                    out.setdefault(o, []).append(s)
            self._inverse[p] = {o: sorted(subjects) for o, subjects in out.items()}
        return self._inverse[p]


def _value(p: str, o: Any) -> Any:
    """How ``Facts`` keeps an object: an IRI as an interned str, a language-tagged label
    as (text, language), any other literal as its Python value."""
    if p == _LANG_TAGGED:
        return (o.value, o.language or "") if isinstance(o, ox.Literal) else None
    if isinstance(o, ox.NamedNode):
        return sys.intern(o.value)
    return to_python(o)


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, str(value))


# ---------------------------------------------------------------- reading the facts


def facts_from_store(store: Any) -> Facts:
    """Each predicate (and each class) as one single-pattern scan of the store: a SELECT
    of one triple pattern, the predicate bound by kg/sparql.py (half the cost of
    ``quads_for_pattern``, which builds a Quad with its graph for every row)."""
    raw = store.raw if isinstance(store, Store) else store
    facts = Facts()
    for iri in sorted(CLASSES.values()):
        query = bind_query(_TYPED, {"c": ox.NamedNode(iri)})
        for row in raw.query(query, **_UNION):
            facts.add(row[0], _RDF_TYPE, ox.NamedNode(iri))
    for p in sorted(PREDICATES):
        for row in raw.query(bind_query(_PAIRS, {"p": ox.NamedNode(p)}), **_UNION):
            facts.add(row[0], p, row[1])
    return facts


_TYPED = "SELECT ?s WHERE { ?s a ?c }"
_PAIRS = "SELECT ?s ?o WHERE { ?s ?p ?o }"
_UNION = {"use_default_graph_as_union": True}


_WANTED = frozenset(f"<{p}>".encode() for p in PREDICATES)
_TYPE = f"<{_RDF_TYPE}>".encode()
_WANTED_TYPES = frozenset(f"<{iri}>".encode() for iri in CLASSES.values())


def facts_from_nquads(files: Iterable[Path]) -> Facts:
    """The same facts from N-Quads files (a generation's exports/graphs): lines whose
    predicate is not wanted are dropped before parsing, so only what is kept is parsed."""
    facts = Facts()
    for path in files:
        with open(path, "rb") as fh:
            kept = wanted_lines(fh)
        for q in parse_lines(kept):
            facts.add(q.subject, q.predicate.value, q.object)
    return facts


def wanted_lines(lines: Iterable[bytes]) -> list[bytes]:
    """The N-Quads lines ``Facts`` reads (by predicate, or rdf:type of a wanted class),
    each ending in a newline; the others are dropped before they are parsed."""
    kept: list[bytes] = []
    for line in lines:
        parts = line.split(b" ", 3)
        if len(parts) < 3:
            continue
        if parts[1] in _WANTED or (parts[1] == _TYPE and parts[2] in _WANTED_TYPES):
            kept.append(line if line.endswith(b"\n") else line + b"\n")
    return kept


def parse_lines(lines: list[bytes]) -> Iterable[ox.Quad]:
    if not lines:
        return ()
    return ox.parse(input=b"".join(lines), format=ox.RdfFormat.N_QUADS)


def nquads_files(folder: Path) -> list[Path]:
    """Every N-Quads file of an exports folder, in a fixed order."""
    return sorted(Path(folder).rglob("*.nq"))


# ---------------------------------------------------------------- the queries, answered


def _join(
    f: Facts,
    subjects: Iterable[str],
    key: str,
    required: Iterable[tuple[str, str]] = (),
    optional: Iterable[tuple[str, str]] = (),
) -> Iterator[Row]:
    """``?key p1 ?v1 ; p2 ?v2 . OPTIONAL { ?key p3 ?v3 } ...``: one row per combination
    (most subjects have one value of each: one row, made once)."""
    # each predicate's maps looked up once, not once a row (``Facts.of``, inlined)
    req = [(var, f.one[p], f.several(p) or {}) for var, p in required]
    opt = [(var, f.one[p], f.several(p) or {}) for var, p in optional]
    for s in subjects:
        row: Row = {key: s}
        multi: list[tuple[str, list[Any]]] = []  # variables with several values, in order
        for var, one, many in req:
            value = one.get(s)
            if value is None:
                break
            values = many.get(s) if many else None
            if values is None:
                row[var] = value
            else:
                row[var] = values[0]
                multi.append((var, values))
        else:
            for var, one, many in opt:
                value = one.get(s)
                values = many.get(s) if many and value is not None else None
                if values is None:
                    row[var] = value
                else:
                    row[var] = values[0]
                    multi.append((var, values))
            if not multi:
                yield row
                continue
            names = [var for var, _ in multi]
            for combo in itertools.product(*(values for _, values in multi)):
                yield {**row, **dict(zip(names, combo, strict=True))}


def _p(*pairs: str) -> list[tuple[str, str]]:
    """("var", predicate, "var", predicate, ...) as (variable, predicate) pairs."""
    return [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]


def _values(f: Facts, cls: str, key: str, p: str, var: str) -> Iterator[Row]:
    """``?key a cls ; p ?var``: one row per value."""
    for s in f.typed(cls):
        for o in f.of(p, s):
            yield {key: s, var: o}


def _docs(f: Facts) -> Iterator[Row]:
    for doc in f.typed("Document"):
        for p in L._DOC_FIELDS:
            for o in f.of(p, doc):
                yield {"doc": doc, "p": p, "o": o}


def _printed(f: Facts) -> Iterator[Row]:
    return _values(f, "Document", "doc", _DKG + "printedAs", "printed")


def _doc_types(f: Facts) -> Iterator[Row]:
    for doc in f.typed("Document"):
        for t in f.of(_ELI + "type_document", doc):
            for label, lang in f.of(_SKOS + "prefLabel", t):
                if lang in ("vi", ""):
                    yield {"doc": doc, "label": label}


def _sources(f: Facts) -> Iterator[Row]:
    opt = [("reader", _DKG + "sourceReader"), ("encoding", _DKG + "sourceEncoding")]
    return _join(f, f.subjects(_DKG + "sourceFile"), "src", [("file", _DKG + "sourceFile")], opt)


def _places(f: Facts) -> Iterator[Row]:
    opt = [("label", _RDFS + "label"), ("level", _DKG + "level"), ("broader", _SKOS + "broader")]
    return _join(f, f.typed("AdminUnit"), "place", (), opt)


def _bodies(f: Facts) -> Iterator[Row]:
    opt = [
        ("label", _RDFS + "label"),
        ("level", _DKG + "level"),
        ("kind", _DKG + "kind"),
        ("place", _DKG + "jurisdiction"),
        ("collective", _DKG + "collective"),
    ]
    return _join(f, f.typed("Body"), "body", (), opt)


def _evidence(f: Facts) -> Iterator[Row]:
    positions = f.types[CLASSES["Position"]]
    for ev in f.typed("Evidence"):
        for src in f.of(_OA + "hasSource", ev):
            for pos in f.of(_OA + "hasSelector", ev):
                if pos not in positions:
                    continue
                for start in f.of(_OA + "start", pos):
                    for end in f.of(_OA + "end", pos):
                        yield {"ev": ev, "src": src, "start": start, "end": end}


def _quotes(f: Facts) -> Iterator[Row]:
    quotes = f.types[CLASSES["Quote"]]
    opt = [("prefix", _OA + "prefix"), ("suffix", _OA + "suffix")]
    selected = [
        (ev, q)
        for ev in f.subjects(_OA + "hasSelector")
        for q in f.of(_OA + "hasSelector", ev)
        if q in quotes
    ]
    rows: dict[str, list[Row]] = {}  # one join for every quote, not one per quote
    for row in _join(f, sorted({q for _, q in selected}), "q", [("exact", _OA + "exact")], opt):
        rows.setdefault(row.pop("q"), []).append(row)
    for ev, q in selected:
        for row in rows.get(q, ()):
            yield {"ev": ev, **row}


def _references(f: Facts) -> Iterator[Row]:
    req = _p("citing", _DKG + "citingDocument", "cited", _DKG + "citedDocument")
    req += [("relation", _DKG + "relation")]
    opt = _p("printed", _DKG + "printedAs", "ev", _DKG + "evidence", "order", _DKG + "order")
    opt += [("rank", _DKG + "implementsRank")]
    return _join(f, f.typed("Reference"), "ref", req, opt)


def _links(f: Facts) -> Iterator[Row]:
    for p in L._LINK_RELATION:
        for citing in f.subjects(p):
            for cited in f.of(p, citing):
                yield {"citing": citing, "p": p, "cited": cited}


def _assignments(f: Facts) -> Iterator[Row]:
    req = [("doc", _DKG + "inDocument"), ("body", _DKG + "body")]
    opt = _p("mode", _DKG + "mode", "ev", _DKG + "evidence", "order", _DKG + "order")
    return _join(f, f.typed("Assignment"), "a", req, opt)


def _duties(f: Facts) -> Iterator[Row]:
    req = [("doc", _DKG + "inDocument"), ("body", _DKG + "responsibleBody")]
    opt = _p("role", _DKG + "role", "mode", _DKG + "mode", "text", _DKG + "text")
    opt += _p("section", _DKG + "section", "deadline", _DKG + "deadline")
    opt += _p("ev", _DKG + "evidence", "order", _DKG + "order")
    holders = f.inverse(_DKG + "duty")
    for row in _join(f, f.typed("Duty"), "duty", req, opt):
        # each holder with each of its orders, or unordered (SPARQL's nested OPTIONAL)
        pairs = [
            (a, aorder)
            for a in holders.get(row["duty"], [])
            for aorder in (f.of(_DKG + "order", a) or [None])
        ] or [(None, None)]
        for a, aorder in pairs:
            yield {**row, "a": a, "aorder": aorder}


def _header_evidence(f: Facts) -> Iterator[Row]:
    for doc in f.typed("Document"):
        for ev in f.of(_DKG + "evidence", doc):
            for p in f.of(_DKG + "forProperty", ev):
                yield {"doc": doc, "p": p, "ev": ev}


def _lineage(f: Facts) -> Iterator[Row]:
    for duty in f.typed("Duty"):
        for p in (_DKG + "counterpartOf", _DKG + "droppedIn"):
            for o in f.of(p, duty):
                yield {"duty": duty, "p": p, "o": o}


def _partners(f: Facts) -> Iterator[Row]:
    return _values(f, "Duty", "duty", _DKG + "partner", "partner")


def _reports(f: Facts) -> Iterator[Row]:
    names = [
        "reporter",
        "reporterText",
        "recipient",
        "recipientText",
        "via",
        "viaText",
        "frequency",
    ]
    opt = [(n, _DKG + n) for n in names]
    opt += _p("due", _DKG + "dueDate", "ev", _DKG + "evidence", "order", _DKG + "order")
    return _join(f, f.typed("Report"), "r", [("doc", _DKG + "inDocument")], opt)


def _targets(f: Facts) -> Iterator[Row]:
    opt = _p("indicator", _DKG + "indicator", "value", _DKG + "targetValue")
    opt += _p("year", _DKG + "targetYear", "owner", _DKG + "owner")
    opt += _p("ownerText", _DKG + "ownerText", "ev", _DKG + "evidence")
    opt += [("order", _DKG + "order")]
    return _join(f, f.typed("Target"), "t", [("doc", _DKG + "inDocument")], opt)


def _changes(f: Facts) -> Iterator[Row]:
    req = [("body", _ORG + "originalOrganization"), ("successor", _ORG + "resultingOrganization")]
    opt = _p("date", _DKG + "effectiveDate", "split", _DKG + "splitOfFunctions")
    opt += _p("uncertain", _DKG + "uncertain", "note", _SKOS + "note")
    for row in _join(f, f.typed("ChangeEvent"), "ev", req, opt):
        functions = [
            fn
            for gen in f.of(_PROV + "qualifiedGeneration", row["successor"])
            if row["ev"] in f.of(_PROV + "activity", gen)
            for fn in f.of(_DKG + "functions", gen)
        ]
        for fn in functions or [None]:
            yield {**row, "functions": fn}


def _change_acts(f: Facts) -> Iterator[Row]:
    opt = _p("number", _ELI + "id_local", "title", _RDFS + "label")
    opt += _p("date", _ELI + "date_document", "uncertain", _DKG + "uncertain")
    for ev in f.typed("ChangeEvent"):
        for act in f.of(_DKG + "legalBasis", ev):
            for row in _join(f, [act], "act", (), opt):
                yield {"ev": ev, **row}


ANSWERS: dict[str, Callable[[Facts], Iterable[Row]]] = {
    L.Q_DOCS: _docs,
    L.Q_PRINTED: _printed,
    L.Q_DOC_TYPES: _doc_types,
    L.Q_SOURCES: _sources,
    L.Q_PLACES: _places,
    L.Q_BODIES: _bodies,
    L.Q_EVIDENCE: _evidence,
    L.Q_QUOTES: _quotes,
    L.Q_REFERENCES: _references,
    L.Q_LINKS: _links,
    L.Q_ASSIGNMENTS: _assignments,
    L.Q_DUTIES: _duties,
    L.Q_HEADER_EVIDENCE: _header_evidence,
    L.Q_LINEAGE: _lineage,
    L.Q_PARTNERS: _partners,
    L.Q_REPORTS: _reports,
    L.Q_TARGETS: _targets,
    L.Q_CHANGES: _changes,
    L.Q_CHANGE_ACTS: _change_acts,
}


class _ScanLoader(L._Loader):
    """kg.read.load's readers, fed from ``Facts`` instead of SPARQL."""

    def __init__(self, source: Any, facts: Facts) -> None:
        super().__init__(source)
        self.facts = facts

    def rows(self, query: str, **bindings: Any) -> list[Row]:
        return list(ANSWERS[query](self.facts))

    def run(self) -> ReadModel:
        model = super().run()
        sources = {d.iri: f for d in model.docs.values() for f in [self._source_of(d.iri)] if f}
        model.texts = SourceTexts(self.source, sources)
        self.facts = Facts()  # the maps go before the pages are written
        return model

    def _source_of(self, doc: str) -> str | None:
        return self.facts.first(_PROV + "wasDerivedFrom", doc)


class SourceTexts(L.Texts):
    """Document -> its source text, one single-pattern read of the store per document
    (the source's IRI known from the load), instead of a two-pattern join."""

    def __init__(self, source: Any, sources: dict[str, str]) -> None:
        super().__init__(source)
        self.sources = sources

    def __call__(self, doc: str) -> str | None:
        src = self.sources.get(doc)
        raw = self.source.raw if isinstance(self.source, Store) else self.source
        if src is None or not isinstance(raw, ox.Store):
            return super().__call__(doc)
        text = sorted(
            q.object.value
            for q in raw.quads_for_pattern(ox.NamedNode(src), _SOURCE_TEXT, None, None)
        )
        return text[0] if text else None


_SOURCE_TEXT = ox.NamedNode(_DKG + "sourceText")


def load_model(source: Any) -> ReadModel:
    """The read model of ``source``: an embedded store (kg.store.Store or pyoxigraph) by
    scans, a remote endpoint by kg.read.load's SPARQL joins; a ReadModel as it is."""
    if isinstance(source, Store | ox.Store):
        return scan_model(source)
    return L.sparql_model(source)


def scan_model(source: Any, nquads: Path | None = None, facts: Facts | None = None) -> ReadModel:
    """The read model of an embedded store by scans (kg.read.load's SPARQL joins answered
    in Python); ``nquads``: the same content as exported N-Quads, read instead of the store;
    ``facts``: already read (kg.read.facts_cache)."""
    with collector_paused():
        if facts is None:
            facts = facts_from_nquads(nquads_files(nquads)) if nquads else facts_from_store(source)
        return _ScanLoader(source, facts).run()
