"""The RDF stage: the only module that mints IRIs and emits triples.

Input is a ``kg.resolve.ResolvedCorpus``; output is quads (subject, predicate,
object, graph) of rdflib terms, one named graph per source text plus a shared
graph and the reference graphs. The exact shape is docs/GRAPH.md. No blank
nodes anywhere, so serialisations are byte-stable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg import lexicon
from kg.checks import real_date
from kg.models import DocRef, Finding, LineageLink, Span
from kg.resolve import PlaceKey, ResolvedCorpus, ResolvedDocument, ResolvedSource, slug
from kg.store import _Converter, to_rdflib
from kg.vocab import BODIES, DEFAULT_BASE, DKG, DOCTYPES, ELI, OA, ORG, PROV, TOPICS

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]

# header field of DocumentFacts -> the property its evidence supports
HEADER_PROPERTY = {
    "type": ELI.type_document,
    "number": ELI.id_local,
    "date": DKG.date,
    "issuer": ELI.passed_by,
    "issuer_level": DKG.level,
    "issuer_kind": DKG.kind,
    "province": ELI.jurisdiction,
    "district": ELI.jurisdiction,
    "commune": ELI.jurisdiction,
    "signer": DKG.signer,
    "signer_title": DKG.signerTitle,
    "signature_mode": DKG.signatureMode,
    "subject": DKG.subject,
}
QUOTE_CONTEXT = 32


def span_iri(source: str, span: Span) -> str:
    """The IRI of a span of a source text."""
    return f"{source}/span/{span.start}-{span.end}"


@dataclass(frozen=True)
class IRIs:
    """Deterministic, readable IRIs under one base."""

    base: str = DEFAULT_BASE

    def _iri(self, *segments: str) -> URIRef:
        return URIRef(self.base + "/".join(segments))

    def doc(self, doc: ResolvedDocument) -> URIRef:
        return self._iri("doc", doc.segment)

    def body(self, segments: tuple[str, ...]) -> URIRef:
        return self._iri("body", *segments)

    def place(self, key: PlaceKey) -> URIRef:
        return self._iri("place", *key.path)

    @property
    def place_scheme(self) -> URIRef:
        """The skos:ConceptScheme of the administrative units."""
        return self._iri("place")

    def source(self, segment: str) -> URIRef:
        return self._iri("source", segment)

    def source_graph(self, segment: str) -> URIRef:
        return self._iri("graph", "source", segment)

    @property
    def source_graph_prefix(self) -> str:
        """Every source graph's IRI starts with this (to pick them out of a store)."""
        return str(self._iri("graph", "source", ""))

    def span(self, source: URIRef, span: Span) -> URIRef:
        return URIRef(span_iri(str(source), span))

    @property
    def shared_graph(self) -> URIRef:
        return self._iri("graph", "shared")

    @property
    def ontology_graph(self) -> URIRef:
        return self._iri("graph", "ontology")

    @property
    def lineage_graph(self) -> URIRef:
        return self._iri("graph", "lineage")

    @property
    def derived_graph(self) -> URIRef:
        """Closures precomputed for the queries (kg.derived)."""
        return self._iri("graph", "derived")

    def topic_level_tally(self, topic: str, level: str | None) -> URIRef:
        """graph/derived's count of the duties on one topic at one level (kg.derived)."""
        tail = (level or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or "unknown"
        return self._iri("tally", "topic-level", slug(topic.rsplit("/", 1)[-1]), slug(tail))

    def leadless_tally(self, doc: str, body: str) -> URIRef:
        """graph/derived's count of the duties of a body that leads none in a document."""
        key = hashlib.sha1(f"{doc} {body}".encode()).hexdigest()[:16]
        return self._iri("tally", "without-lead", key)

    @property
    def reorg_graph(self) -> URIRef:
        """Successor links of the 2025 reorganisation (kg.reorg)."""
        return self._iri("graph", "reorg")

    def change_event(self, body: str, day: str) -> URIRef:
        """The W3C ORG change event of one body on one day: ``{base}change/{body path}/{day}``."""
        prefix = self.base + "body/"
        tail = body[len(prefix) :] if body.startswith(prefix) else slug(body)
        return self._iri("change", tail, day)

    def reference_graph(self, name: str) -> URIRef:
        return self._iri("graph", "reference", name)


# ---------------------------------------------------------------- literals


def date_literal(value: str) -> Literal:
    """ISO date as precise as known: xsd:date, xsd:gYearMonth, xsd:gYear, else a string."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        # kg.checks turns impossible dates into findings; never mint an invalid xsd:date
        return Literal(value, datatype=XSD.date) if real_date(value) else Literal(value)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def month_day(value: str) -> Literal | None:
    """ "20/11" → "--11-20"^^xsd:gMonthDay; None when the text is not a day/month."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*", value)
    if not m:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31) or not real_date(f"2000-{month:02d}-{day:02d}"):
        return None  # 2000 is a leap year: "29/02" exists
    return Literal(f"--{month:02d}-{day:02d}", datatype=XSD.gMonthDay)


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def frequency_parts(value: str) -> tuple[URIRef | None, str | None]:
    """ "ad hoc (khó khăn, vướng mắc)" → (dkg:AdHoc, "khó khăn, vướng mắc")."""
    m = re.fullmatch(r"\s*([^()]*?)\s*(?:\((.*)\))?\s*", value, re.S)
    code = (m.group(1) if m else value).strip().lower()
    detail = m.group(2) if m else None
    return lexicon.encode("frequency", code), detail


# ---------------------------------------------------------------- pyoxigraph terms
#
# The emitter makes pyoxigraph terms, which the store takes as they are: rdflib terms
# cost microseconds each to make and again to convert, and a national build makes
# tens of millions. The public helpers above stay rdflib terms (tests, other stages).


class _Terms:
    """A vocabulary's terms as pyoxigraph nodes, each made on first use and kept."""

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = ox.NamedNode(str(getattr(self._ns, name)))  # the namespace checks the name
        setattr(self, name, node)
        return node


_RDF, _RDFS, _SKOS, _XSD = _Terms(RDF), _Terms(RDFS), _Terms(SKOS), _Terms(XSD)
_DKG, _ELI, _OA, _ORG, _PROV = _Terms(DKG), _Terms(ELI), _Terms(OA), _Terms(ORG), _Terms(PROV)
_NODES: dict[str, ox.NamedNode] = {}
_CONVERT = _Converter()
_TRUE = ox.Literal("true", datatype=_XSD.boolean)
_FALSE = ox.Literal("false", datatype=_XSD.boolean)


def _node(iri: URIRef | None) -> ox.NamedNode | None:
    """An rdflib IRI from the vocabularies, lexicon or IRIs as a pyoxigraph node."""
    if iri is None:
        return None
    node = _NODES.get(iri)
    if node is None:
        node = _NODES[iri] = ox.NamedNode(str(iri))
    return node


def _lit(value, datatype: ox.NamedNode | None = None) -> ox.Literal:
    """``Literal(value)`` as rdflib writes it, made directly."""
    if datatype is not None:
        return ox.Literal(value, datatype=datatype)
    if isinstance(value, str):
        return ox.Literal(value)
    if isinstance(value, bool):
        return _TRUE if value else _FALSE
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_XSD.integer)
    return _CONVERT.term(Literal(value))  # anything else: rdflib's lexical form


def _vi(text: str) -> ox.Literal:
    return ox.Literal(text, language="vi")


def _from_rdflib(lit: Literal | None) -> ox.Literal | None:
    return None if lit is None else _CONVERT.term(lit)


def _date(value: str) -> ox.Literal:
    return _from_rdflib(date_literal(value))


def _month_day(value: str) -> ox.Literal | None:
    return _from_rdflib(month_day(value))


def _code(kind: str, value: str | None) -> ox.NamedNode | None:
    return _node(lexicon.encode(kind, value))


def _ox_concept(ns, local: str) -> ox.NamedNode:
    return _node(_concept(ns, local))


# ---------------------------------------------------------------- emitter


class Emitter:
    def __init__(self, corpus: ResolvedCorpus, iris: IRIs) -> None:
        self.corpus = corpus
        self.iris = iris
        self.minted_types: dict[str, str] = {}
        # IRIs asked for again and again (a body in every plan): made once each
        self._docs: dict[str, ox.NamedNode] = {}
        self._bodies: dict[str, ox.NamedNode] = {}
        self._places: dict[PlaceKey, ox.NamedNode] = {}

    def doctype(self, label: str) -> ox.NamedNode:
        known = lexicon.doctype_iri(label)
        if known is not None:
            return _node(known)
        s = slug(label)
        self.minted_types.setdefault(s, label)
        return _node(DOCTYPES[s])

    def body_iri(self, key: str) -> ox.NamedNode:
        node = self._bodies.get(key)
        if node is None:
            node = self._bodies[key] = _node(self.iris.body(self.corpus.bodies[key].segments))
        return node

    def doc_iri(self, key: str) -> ox.NamedNode:
        node = self._docs.get(key)
        if node is None:
            node = self._docs[key] = _node(self.iris.doc(self.corpus.documents[key]))
        return node

    def place_iri(self, key: PlaceKey) -> ox.NamedNode:
        node = self._places.get(key)
        if node is None:
            node = self._places[key] = _node(self.iris.place(key))
        return node

    # -- one source graph

    def duty_iri(self, doc_key: str, n: int) -> ox.NamedNode:
        """The n-th duty (1-based, reading order) of a document."""
        return ox.NamedNode(f"{self.doc_iri(doc_key).value}/duty/{n}")

    def lineage_quads(self, links: Iterable[LineageLink]) -> Iterator[ox.Quad]:
        """kg.lineage's links as ``dkg:counterpartOf`` / ``dkg:droppedIn`` in graph/lineage."""
        g = _node(self.iris.lineage_graph)
        for link in links:
            parent = self.duty_iri(link.parent_doc, link.parent_duty)
            if link.child_duty is not None:
                child = self.duty_iri(link.child_doc, link.child_duty)
                yield ox.Quad(child, _DKG.counterpartOf, parent, g)
            else:
                yield ox.Quad(parent, _DKG.droppedIn, self.doc_iri(link.child_doc), g)

    def source_quads(self, src: ResolvedSource) -> Iterator[ox.Quad]:
        """Everything one source text says, in its own named graph."""
        w = _SourceGraph(self, src)
        for part in (w.source_node, w.document, w.links, w.assignments, w.reporting):
            yield from part()
        for part in (w.targets, w.recipients, w.findings):
            yield from part()

    def _reference(
        self, t, evidence, node: ox.NamedNode, doc: ox.NamedNode, ref: DocRef, key: str | None
    ):
        yield t(node, _RDF.type, _DKG.Reference)
        yield t(node, _DKG.citingDocument, doc)
        if key is not None:
            yield t(node, _DKG.citedDocument, self.doc_iri(key))
        yield t(node, _DKG.relation, _lit(ref.relation))
        yield t(node, _DKG.short, _lit(bool(ref.short)))
        if ref.number:
            yield t(node, _DKG.printedAs, _lit(ref.number))
        for prop, value in (
            (_DKG.statedType, ref.type),
            (_DKG.statedDate, ref.date),
            (_DKG.statedIssuer, ref.issuer),
        ):
            if value:
                yield t(node, prop, _lit(value))
        if ref.title:
            yield t(node, _DKG.subject, _vi(ref.title))
        yield from evidence(node, ref.span)

    def _document_meta(
        self,
        t,
        node: ox.NamedNode,
        *,
        ingested: bool,
        type_: str | None,
        number: str | None,
        date: str | None,
        issuer: str | None,
        issuer_body: str | None,
        level: str | None,
        kind: str | None,
        place: PlaceKey | None,
        subject: str | None,
    ) -> Iterator[ox.Quad]:
        """What a document node says of itself, the same for an ingested document (from
        its header, in its source graph) and a cited one (from citations, in graph/shared)."""
        yield t(node, _RDF.type, _ELI.LegalResource)
        yield t(node, _RDF.type, _DKG.Document)
        yield t(node, _DKG.ingested, _lit(ingested))
        yield t(node, _RDFS.label, _vi(_doc_label(type_, number, issuer, date)))
        if number:
            yield t(node, _ELI.id_local, _lit(number))
        if type_:
            yield t(node, _ELI.type_document, self.doctype(type_))
        if date:
            yield t(node, _DKG.date, _date(date))
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and real_date(date):
                yield t(node, _ELI.date_document, _lit(date, datatype=_XSD.date))
        if issuer:
            yield t(node, _DKG.issuerText, _lit(issuer))
        if issuer_body is not None:
            yield t(node, _ELI.passed_by, self.body_iri(issuer_body))
        if _code("level", level):
            yield t(node, _DKG.level, _code("level", level))
        if _code("kind", kind):
            yield t(node, _DKG.kind, _code("kind", kind))
        if place is not None:
            yield t(node, _ELI.jurisdiction, self.place_iri(place))
        if subject:
            yield t(node, _DKG.subject, _vi(subject))

    def _link(self, t, doc: ox.NamedNode, relation: str, key: str | None, own: str):
        """A reference's link to the document it cites; what implements what is
        ``_implements``'s (ResolvedSource.implementation_links)."""
        if key is None or key == own:
            return
        target = self.doc_iri(key)
        yield t(doc, _ELI.cites, target)
        if relation == "based_on":
            yield t(doc, _ELI.based_on, target)
        elif relation == "proposal":
            yield t(doc, _DKG.proposedBy, target)

    @staticmethod
    def _implements(t, child: ox.NamedNode, parent: ox.NamedNode, guidance: bool):
        yield t(child, _ELI.cites, parent)
        yield t(child, _ELI.ensures_implementation_of, parent)
        yield t(child, _DKG.cascadesFrom, parent)
        if guidance:
            yield t(child, _DKG.guidanceFor, parent)

    # -- the shared graph

    def shared_items(self) -> Iterator[tuple[ox.NamedNode, tuple, Callable[[], Iterator[ox.Quad]]]]:
        """graph/shared by subject, for kg.incremental.patch_items: (node, what its quads are
        made from, a function making them), minted document types last."""
        g = _node(self.iris.shared_graph)
        scheme = _node(self.iris.place_scheme)

        def t(s, p, o) -> ox.Quad:
            return ox.Quad(s, p, o, g)

        if self.corpus.places:
            yield scheme, ("scheme",), lambda: self._scheme_quads(t, scheme)
        for place in self.corpus.places.values():
            yield (
                self.place_iri(place.key),
                ("place", place.key, place.name, place.level),
                lambda place=place: self._place_quads(t, scheme, place),
            )
        bodies = self.corpus.bodies
        for body in bodies.values():
            parent = bodies[body.parent].segments if body.parent is not None else None
            yield (
                self.body_iri(body.key),
                ("body", body, parent),
                lambda body=body: self._body_quads(t, body),
            )
        for doc in self.corpus.documents.values():
            inputs: tuple = ("doc", doc.key, doc.segment, tuple(doc.printed), doc.ingested)
            if not doc.ingested:
                issuer = bodies[doc.issuer_body].segments if doc.issuer_body is not None else None
                inputs += (doc.type, doc.number, doc.date, doc.issuer, issuer, doc.level)
                inputs += (doc.kind, doc.place, doc.subject)
                if doc.type:
                    self.doctype(doc.type)  # minted whether or not its lines are made
            yield self.doc_iri(doc.key), inputs, lambda doc=doc: self._doc_quads(t, doc)
        for s, label in sorted(self.minted_types.items()):
            node = _node(DOCTYPES[s])
            yield (
                node,
                ("doctype", s, label),
                lambda node=node, label=label: iter(
                    (t(node, _RDF.type, _SKOS.Concept), t(node, _SKOS.prefLabel, _vi(label)))
                ),
            )

    @staticmethod
    def _scheme_quads(t, scheme: ox.NamedNode) -> Iterator[ox.Quad]:
        yield t(scheme, _RDF.type, _SKOS.ConceptScheme)
        yield t(scheme, _RDFS.label, _vi("Đơn vị hành chính"))

    def _place_quads(self, t, scheme: ox.NamedNode, place) -> Iterator[ox.Quad]:
        node = self.place_iri(place.key)
        yield t(node, _RDF.type, _DKG.AdminUnit)
        yield t(node, _SKOS.inScheme, scheme)
        yield t(node, _RDFS.label, _vi(place.name))
        yield t(node, _DKG.level, _code("level", place.level))
        parent = place.key.parent()
        if parent is not None:
            yield t(node, _SKOS.broader, self.place_iri(parent))

    def _body_quads(self, t, body) -> Iterator[ox.Quad]:
        node = self.body_iri(body.key)
        yield t(node, _RDF.type, _ORG.Organization)
        yield t(node, _RDF.type, _DKG.Body)
        yield t(node, _RDFS.label, _vi(body.name))
        yield t(node, _DKG.collective, _lit(body.collective))
        if body.type_id:
            yield t(node, _DKG.bodyType, _ox_concept(BODIES, body.type_id))
        if body.sector:
            yield t(node, _DKG.sector, _lit(body.sector))
        if _code("level", body.level):
            yield t(node, _DKG.level, _code("level", body.level))
        if _code("kind", body.kind):
            yield t(node, _DKG.kind, _code("kind", body.kind))
        if body.place is not None:
            yield t(node, _DKG.jurisdiction, self.place_iri(body.place))
        if body.parent is not None:
            yield t(node, _ORG.subOrganizationOf, self.body_iri(body.parent))

    def _doc_quads(self, t, doc: ResolvedDocument) -> Iterator[ox.Quad]:
        node = self.doc_iri(doc.key)
        for printed in doc.printed:
            yield t(node, _DKG.printedAs, _lit(printed))
        if doc.ingested:
            return
        yield from self._document_meta(
            t,
            node,
            ingested=False,
            type_=doc.type,
            number=doc.number,
            date=doc.date,
            issuer=doc.issuer,
            issuer_body=doc.issuer_body,
            level=doc.level,
            kind=doc.kind,
            place=doc.place,
            subject=doc.subject,
        )


class _SourceGraph:
    """The quads of one source graph, written part by part (Emitter.source_quads)."""

    def __init__(self, em: Emitter, src: ResolvedSource) -> None:
        self.em, self.src, self.rec = em, src, src.record
        self.g = _node(em.iris.source_graph(src.segment))
        self.source = _node(em.iris.source(src.segment))
        self.doc = em.doc_iri(src.doc)
        self.rdoc = em.corpus.documents[src.doc]
        self.text = src.record.source.text
        self.spans_done: set[Span] = set()

    def t(self, s: ox.NamedNode, p: ox.NamedNode, o) -> ox.Quad:
        return ox.Quad(s, p, o, self.g)

    def evidence(
        self, subject: ox.NamedNode, span: Span | None, prop: ox.NamedNode | None = None
    ) -> Iterator[ox.Quad]:
        """The evidence link of ``subject``, and the span's selectors the first time."""
        if span is None:
            return
        ev = ox.NamedNode(span_iri(self.source.value, span))
        yield self.t(subject, _DKG.evidence, ev)
        if prop is not None:
            yield self.t(ev, _DKG.forProperty, prop)
        if span in self.spans_done:
            return
        self.spans_done.add(span)
        pos, quote = ox.NamedNode(f"{ev.value}/position"), ox.NamedNode(f"{ev.value}/quote")
        yield self.t(ev, _RDF.type, _DKG.Evidence)
        yield self.t(ev, _RDF.type, _OA.SpecificResource)
        yield self.t(ev, _OA.hasSource, self.source)
        yield self.t(ev, _OA.hasSelector, pos)
        yield self.t(ev, _OA.hasSelector, quote)
        yield self.t(pos, _RDF.type, _OA.TextPositionSelector)
        yield self.t(pos, _OA.start, _lit(span.start))
        yield self.t(pos, _OA.end, _lit(span.end))
        yield self.t(quote, _RDF.type, _OA.TextQuoteSelector)
        yield self.t(quote, _OA.exact, _lit(self.text[span.start : span.end]))
        yield self.t(
            quote, _OA.prefix, _lit(self.text[max(0, span.start - QUOTE_CONTEXT) : span.start])
        )
        yield self.t(quote, _OA.suffix, _lit(self.text[span.end : span.end + QUOTE_CONTEXT]))

    def source_node(self) -> Iterator[ox.Quad]:
        """The source node: file name, checksum and the text itself."""
        rec = self.rec
        t = self.t
        yield t(self.source, _RDF.type, _DKG.Source)
        yield t(self.source, _RDF.type, _PROV.Entity)
        yield t(self.source, _DKG.sourceFile, _lit(rec.source.name))
        yield t(self.source, _DKG.checksum, _lit(rec.source.sha256))
        yield t(self.source, _DKG.sourceReader, _lit(rec.source.reader))
        if rec.source.encoding:
            yield t(self.source, _DKG.sourceEncoding, _lit(rec.source.encoding))
        yield t(self.source, _DKG.sourceText, _lit(self.text))

    def document(self) -> Iterator[ox.Quad]:
        """The document as this text states it, with the evidence of each header field."""
        em, src, d, doc = self.em, self.src, self.rec.document, self.doc
        t, evidence = self.t, self.evidence
        yield from em._document_meta(
            t,
            doc,
            ingested=True,
            type_=d.type,
            number=d.number,
            date=d.date,
            issuer=d.issuer,
            issuer_body=src.bodies.get(("issuer",)),
            level=d.issuer_level,
            kind=d.issuer_kind,
            place=self.rdoc.place,
            subject=d.subject,
        )
        yield t(doc, _PROV.wasDerivedFrom, self.source)
        if d.number:
            yield t(doc, _DKG.printedAs, _lit(d.number))
        if d.signer:
            yield t(doc, _DKG.signer, _lit(d.signer))
        if d.signer_title:
            yield t(doc, _DKG.signerTitle, _lit(d.signer_title))
        if d.signature_mode:
            yield t(doc, _DKG.signatureMode, _lit(d.signature_mode))
        for field_name, span in sorted(d.spans.items()):
            yield from evidence(doc, span, _node(HEADER_PROPERTY.get(field_name)))

    def links(self) -> Iterator[ox.Quad]:
        """Implements and reference links, and the mentions behind them."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, (ref, key) in enumerate(zip(rec.implements, src.implements, strict=True), 1):
            node = ox.NamedNode(f"{doc.value}/implements/{i}")
            yield from em._reference(t, evidence, node, doc, ref, key)
            yield t(node, _DKG.implementsRank, _lit(i))
        for i, (ref, key) in enumerate(zip(rec.references, src.references, strict=True), 1):
            node = ox.NamedNode(f"{doc.value}/ref/{i}")
            yield from em._reference(t, evidence, node, doc, ref, key)
            yield t(node, _DKG.order, _lit(i))
            yield from em._link(t, doc, ref.relation, key, src.doc)
        for child, parent, stated_type in src.implementation_links():
            guidance = slug(stated_type or "") == "huong-dan"
            yield from em._implements(t, em.doc_iri(child), em.doc_iri(parent), guidance)

    def assignments(self) -> Iterator[ox.Quad]:
        """Assignments and their duties."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        n = 0
        for i, a in enumerate(rec.assignments):
            node = ox.NamedNode(f"{doc.value}/assignment/{i + 1}")
            body = em.body_iri(src.bodies[("assignment", i)])
            mode = _code("mode", a.mode) or _DKG.Assigned
            yield t(doc, _DKG.assignment, node)
            yield t(node, _RDF.type, _DKG.Assignment)
            yield t(node, _DKG.body, body)
            yield t(node, _RDFS.label, _vi(a.body.name))  # the name this document gives the body
            yield t(node, _DKG.asWritten, _lit(a.body.as_written))
            yield t(node, _DKG.mode, mode)
            yield t(node, _DKG.order, _lit(i + 1))
            yield t(node, _DKG.inDocument, doc)
            yield from evidence(node, a.span or a.body.span)
            for j, duty in enumerate(a.duties):
                n += 1
                dn = em.duty_iri(src.doc, n)
                yield t(node, _DKG.duty, dn)
                yield t(dn, _RDF.type, _DKG.Duty)
                yield t(dn, _DKG.responsibleBody, body)
                yield t(dn, _DKG.role, _code("role", duty.role) or _DKG.Participant)
                yield t(dn, _DKG.mode, mode)
                yield t(dn, _DKG.text, _vi(duty.text))
                yield t(dn, _DKG.order, _lit(j + 1))
                yield t(dn, _DKG.inDocument, doc)
                if duty.section:
                    yield t(dn, _DKG.section, _lit(duty.section))
                if duty.deadline:
                    yield t(dn, _DKG.deadline, _date(duty.deadline))
                for topic in duty.topics:
                    yield t(dn, _DKG.topic, _ox_concept(TOPICS, topic))
                for k in range(len(duty.partners)):
                    yield t(dn, _DKG.partner, em.body_iri(src.bodies[("partner", i, j, k)]))
                yield from evidence(dn, duty.span)

    def reporting(self) -> Iterator[ox.Quad]:
        """Reporting obligations, with one link per body named."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, r in enumerate(rec.reporting):
            node = ox.NamedNode(f"{doc.value}/reporting/{i + 1}")
            yield t(node, _RDF.type, _DKG.ReportingObligation)
            yield t(node, _DKG.order, _lit(i + 1))
            yield t(node, _DKG.inDocument, doc)
            for prop, value in (
                (_DKG.reporterText, r.by),
                (_DKG.recipientText, r.to),
                (_DKG.viaText, r.via),
            ):
                if value:
                    yield t(node, prop, _lit(value))
            for role, prop, mentions in (
                ("reporter", _DKG.reporter, r.by_bodies),
                ("recipient", _DKG.recipient, r.to_bodies),
                ("via", _DKG.via, r.via_bodies),
            ):
                for k in range(len(mentions)):
                    yield t(node, prop, em.body_iri(src.bodies[(role, i, k)]))
            if r.frequency:
                freq, detail = frequency_parts(r.frequency)
                freq = _node(freq)
                if freq is not None:
                    yield t(node, _DKG.frequency, freq)
                    if detail:
                        yield t(node, _DKG.frequencyDetail, _lit(detail))
                else:
                    yield t(node, _DKG.frequencyDetail, _lit(r.frequency))
            if r.deadline:
                yield t(node, _DKG.deadline, _lit(r.deadline))
                md = _month_day(r.deadline)
                if md is not None:
                    yield t(node, _DKG.dueDate, md)
            yield from evidence(node, r.span)

    def targets(self) -> Iterator[ox.Quad]:
        """Numeric targets."""
        rec, doc = self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, target in enumerate(rec.targets):
            node = ox.NamedNode(f"{doc.value}/target/{i + 1}")
            yield t(node, _RDF.type, _DKG.Target)
            yield t(node, _DKG.order, _lit(i + 1))
            yield t(node, _DKG.inDocument, doc)
            yield t(node, _DKG.indicator, _vi(target.text))
            yield t(node, _DKG.targetValue, _lit(target.value))
            if target.year is not None:
                yield t(node, _DKG.targetYear, _lit(target.year))
            if target.owner:
                yield t(node, _DKG.ownerText, _lit(target.owner))
            yield from evidence(node, target.span)

    def recipients(self) -> Iterator[ox.Quad]:
        """Nơi nhận lines and the bodies each names."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, rcp in enumerate(rec.recipients):
            node = ox.NamedNode(f"{doc.value}/recipient/{i + 1}")
            yield t(doc, _DKG.recipientLine, node)
            yield t(node, _RDF.type, _DKG.RecipientLine)
            yield t(node, _DKG.text, _lit(rcp.text))
            yield t(node, _DKG.order, _lit(i + 1))
            for k in range(len(rcp.bodies)):
                yield t(node, _DKG.recipientBody, em.body_iri(src.bodies[("recipient-line", i, k)]))
            yield from evidence(node, rcp.span)

    def findings(self) -> Iterator[ox.Quad]:
        """Extraction findings (and a duplicate number)."""
        src, rec, d, doc = self.src, self.rec, self.rec.document, self.doc
        t, evidence = self.t, self.evidence
        findings = list(rec.findings)
        if src.duplicate_of:
            findings.append(
                Finding(
                    "duplicate-document",
                    f"the same document number as {src.duplicate_of}: kept as a separate node",
                    d.spans.get("number"),
                )
            )
        for i, f in enumerate(findings):
            node = ox.NamedNode(f"{doc.value}/finding/{i + 1}")
            yield t(node, _RDF.type, _DKG.Finding)
            yield t(node, _DKG.findingKind, _lit(f.kind))
            yield t(node, _DKG.message, _lit(f.message))
            yield t(node, _DKG.order, _lit(i + 1))
            yield t(node, _DKG.inDocument, doc)
            yield from evidence(node, f.span)


def _concept(ns, local: str) -> URIRef:
    """A concept IRI from an id the extractor gave (quoted if it is not a plain name)."""
    from urllib.parse import quote

    return URIRef(str(ns) + quote(local, safe="-_.~"))


def _doc_label(type_: str | None, number: str | None, issuer: str | None, date: str | None) -> str:
    if number:
        return f"{type_ or 'Văn bản'} {number}"
    parts = [type_ or "Văn bản", issuer or "", date or ""]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------- public API


def _rdflib_quad(q: ox.Quad) -> Quad:
    return (
        to_rdflib(q.subject),
        to_rdflib(q.predicate),
        to_rdflib(q.object),
        to_rdflib(q.graph_name),
    )  # type: ignore[return-value]


def source_quads(
    corpus: ResolvedCorpus, src: ResolvedSource, base: str = DEFAULT_BASE
) -> Iterator[Quad]:
    """One source graph as rdflib terms (the build stores Emitter's own terms)."""
    return map(_rdflib_quad, Emitter(corpus, IRIs(base)).source_quads(src))


def corpus_quads(corpus: ResolvedCorpus, base: str = DEFAULT_BASE) -> Iterator[Quad]:
    """Every source graph, then the shared graph (which needs the doc types minted on the
    way), as rdflib terms."""
    emitter = Emitter(corpus, IRIs(base))
    for src in corpus.sources:
        yield from map(_rdflib_quad, emitter.source_quads(src))
    for _, _, quads in emitter.shared_items():
        yield from map(_rdflib_quad, quads())


def to_dataset(quads: Iterable[Quad]):
    """An rdflib Dataset of quads (tests, small exports)."""
    from rdflib import Dataset

    ds = Dataset()
    for s, p, o, g in quads:
        ds.graph(g).add((s, p, o))
    return ds
