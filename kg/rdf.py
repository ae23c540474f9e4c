"""The RDF stage: the only module that mints IRIs and emits triples.

Input is a ``kg.resolve.ResolvedCorpus``; output is quads (subject, predicate,
object, graph) of rdflib terms, one named graph per source text plus a shared
graph and the reference graphs. The exact shape is docs/GRAPH.md. No blank
nodes anywhere, so serialisations are byte-stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg import lexicon
from kg.checks import real_date
from kg.models import DocRef, Finding, LineageLink, Span
from kg.resolve import PlaceKey, ResolvedCorpus, ResolvedDocument, ResolvedSource, slug
from kg.resources import ontology_dir as default_ontology_dir
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
        return URIRef(f"{source}/span/{span.start}-{span.end}")

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


# ---------------------------------------------------------------- emitter


class Emitter:
    def __init__(self, corpus: ResolvedCorpus, iris: IRIs) -> None:
        self.corpus = corpus
        self.iris = iris
        self.minted_types: dict[str, str] = {}

    def doctype(self, label: str) -> URIRef:
        known = lexicon.doctype_iri(label)
        if known is not None:
            return known
        s = slug(label)
        self.minted_types.setdefault(s, label)
        return DOCTYPES[s]

    def body_iri(self, key: str) -> URIRef:
        return self.iris.body(self.corpus.bodies[key].segments)

    def doc_iri(self, key: str) -> URIRef:
        return self.iris.doc(self.corpus.documents[key])

    # -- one source graph

    def duty_iri(self, doc_key: str, n: int) -> URIRef:
        """The n-th duty (1-based, reading order) of a document."""
        return URIRef(f"{self.doc_iri(doc_key)}/duty/{n}")

    def lineage_quads(self, links: Iterable[LineageLink]) -> Iterator[Quad]:
        """kg.lineage's links as ``dkg:counterpartOf`` / ``dkg:droppedIn`` in graph/lineage."""
        g = self.iris.lineage_graph
        for link in links:
            parent = self.duty_iri(link.parent_doc, link.parent_duty)
            if link.child_duty is not None:
                yield (self.duty_iri(link.child_doc, link.child_duty), DKG.counterpartOf, parent, g)
            else:
                yield (parent, DKG.droppedIn, self.doc_iri(link.child_doc), g)

    def source_quads(self, src: ResolvedSource) -> Iterator[Quad]:
        """Everything one source text says, in its own named graph."""
        w = _SourceGraph(self, src)
        for part in (w.source_node, w.document, w.links, w.assignments, w.reporting):
            yield from part()
        for part in (w.targets, w.recipients, w.findings):
            yield from part()

    def _reference(self, t, evidence, node: URIRef, doc: URIRef, ref: DocRef, key: str | None):
        yield t(node, RDF.type, DKG.Reference)
        yield t(node, DKG.citingDocument, doc)
        if key is not None:
            yield t(node, DKG.citedDocument, self.doc_iri(key))
        yield t(node, DKG.relation, Literal(ref.relation))
        yield t(node, DKG.short, Literal(bool(ref.short)))
        if ref.number:
            yield t(node, DKG.printedAs, Literal(ref.number))
        for prop, value in (
            (DKG.statedType, ref.type),
            (DKG.statedDate, ref.date),
            (DKG.statedIssuer, ref.issuer),
        ):
            if value:
                yield t(node, prop, Literal(value))
        if ref.title:
            yield t(node, DKG.subject, vi(ref.title))
        yield from evidence(node, ref.span)

    def _document_meta(
        self,
        t,
        node: URIRef,
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
    ) -> Iterator[Quad]:
        """What a document node says of itself, the same for an ingested document (from
        its header, in its source graph) and a cited one (from citations, in graph/shared)."""
        yield t(node, RDF.type, ELI.LegalResource)
        yield t(node, RDF.type, DKG.Document)
        yield t(node, DKG.ingested, Literal(ingested))
        yield t(node, RDFS.label, vi(_doc_label(type_, number, issuer, date)))
        if number:
            yield t(node, ELI.id_local, Literal(number))
        if type_:
            yield t(node, ELI.type_document, self.doctype(type_))
        if date:
            yield t(node, DKG.date, date_literal(date))
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and real_date(date):
                yield t(node, ELI.date_document, Literal(date, datatype=XSD.date))
        if issuer:
            yield t(node, DKG.issuerText, Literal(issuer))
        if issuer_body is not None:
            yield t(node, ELI.passed_by, self.body_iri(issuer_body))
        if lexicon.encode("level", level):
            yield t(node, DKG.level, lexicon.encode("level", level))
        if lexicon.encode("kind", kind):
            yield t(node, DKG.kind, lexicon.encode("kind", kind))
        if place is not None:
            yield t(node, ELI.jurisdiction, self.iris.place(place))
        if subject:
            yield t(node, DKG.subject, vi(subject))

    def _link(self, t, doc: URIRef, relation: str, key: str | None, own: str, guidance: bool):
        if key is None or key == own:
            return
        target = self.doc_iri(key)
        yield t(doc, ELI.cites, target)
        if relation == "implements":
            yield t(doc, ELI.ensures_implementation_of, target)
            yield t(doc, DKG.cascadesFrom, target)
            if guidance:
                yield t(doc, DKG.guidanceFor, target)
        elif relation == "based_on":
            yield t(doc, ELI.based_on, target)
        elif relation == "proposal":
            yield t(doc, DKG.proposedBy, target)

    # -- the shared graph

    def shared_quads(self) -> Iterator[Quad]:
        g = self.iris.shared_graph

        def t(s, p, o) -> Quad:
            return (s, p, o, g)

        if self.corpus.places:
            yield t(self.iris.place_scheme, RDF.type, SKOS.ConceptScheme)
            yield t(self.iris.place_scheme, RDFS.label, vi("Đơn vị hành chính"))
        for place in self.corpus.places.values():
            node = self.iris.place(place.key)
            yield t(node, RDF.type, DKG.AdminUnit)
            yield t(node, SKOS.inScheme, self.iris.place_scheme)
            yield t(node, RDFS.label, vi(place.name))
            yield t(node, DKG.level, lexicon.encode("level", place.level))
            parent = place.key.parent()
            if parent is not None:
                yield t(node, SKOS.broader, self.iris.place(parent))
        for body in self.corpus.bodies.values():
            node = self.iris.body(body.segments)
            yield t(node, RDF.type, ORG.Organization)
            yield t(node, RDF.type, DKG.Body)
            yield t(node, RDFS.label, vi(body.name))
            yield t(node, DKG.collective, Literal(body.collective))
            if body.type_id:
                yield t(node, DKG.bodyType, _concept(BODIES, body.type_id))
            if body.sector:
                yield t(node, DKG.sector, Literal(body.sector))
            if lexicon.encode("level", body.level):
                yield t(node, DKG.level, lexicon.encode("level", body.level))
            if lexicon.encode("kind", body.kind):
                yield t(node, DKG.kind, lexicon.encode("kind", body.kind))
            if body.place is not None:
                yield t(node, DKG.jurisdiction, self.iris.place(body.place))
            if body.parent is not None:
                yield t(node, ORG.subOrganizationOf, self.body_iri(body.parent))
        for doc in self.corpus.documents.values():
            node = self.iris.doc(doc)
            for printed in doc.printed:
                yield t(node, DKG.printedAs, Literal(printed))
            if doc.ingested:
                continue
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
        for s, label in sorted(self.minted_types.items()):
            yield t(DOCTYPES[s], RDF.type, SKOS.Concept)
            yield t(DOCTYPES[s], SKOS.prefLabel, vi(label))


class _SourceGraph:
    """The quads of one source graph, written part by part (Emitter.source_quads)."""

    def __init__(self, em: Emitter, src: ResolvedSource) -> None:
        self.em, self.src, self.rec = em, src, src.record
        self.g = em.iris.source_graph(src.segment)
        self.source = em.iris.source(src.segment)
        self.doc = em.doc_iri(src.doc)
        self.rdoc = em.corpus.documents[src.doc]
        self.text = src.record.source.text
        self.spans_done: set[Span] = set()

    def t(self, s: URIRef, p: URIRef, o) -> Quad:
        return (s, p, o, self.g)

    def evidence(
        self, subject: URIRef, span: Span | None, prop: URIRef | None = None
    ) -> Iterator[Quad]:
        """The evidence link of ``subject``, and the span's selectors the first time."""
        if span is None:
            return
        ev = self.em.iris.span(self.source, span)
        yield self.t(subject, DKG.evidence, ev)
        if prop is not None:
            yield self.t(ev, DKG.forProperty, prop)
        if span in self.spans_done:
            return
        self.spans_done.add(span)
        pos, quote = URIRef(f"{ev}/position"), URIRef(f"{ev}/quote")
        yield self.t(ev, RDF.type, DKG.Evidence)
        yield self.t(ev, RDF.type, OA.SpecificResource)
        yield self.t(ev, OA.hasSource, self.source)
        yield self.t(ev, OA.hasSelector, pos)
        yield self.t(ev, OA.hasSelector, quote)
        yield self.t(pos, RDF.type, OA.TextPositionSelector)
        yield self.t(pos, OA.start, Literal(span.start))
        yield self.t(pos, OA.end, Literal(span.end))
        yield self.t(quote, RDF.type, OA.TextQuoteSelector)
        yield self.t(quote, OA.exact, Literal(self.text[span.start : span.end]))
        yield self.t(
            quote, OA.prefix, Literal(self.text[max(0, span.start - QUOTE_CONTEXT) : span.start])
        )
        yield self.t(quote, OA.suffix, Literal(self.text[span.end : span.end + QUOTE_CONTEXT]))

    def source_node(self) -> Iterator[Quad]:
        """The source node: file name, checksum and the text itself."""
        rec = self.rec
        t = self.t
        yield t(self.source, RDF.type, DKG.Source)
        yield t(self.source, RDF.type, PROV.Entity)
        yield t(self.source, DKG.sourceFile, Literal(rec.source.name))
        yield t(self.source, DKG.checksum, Literal(rec.source.sha256))
        yield t(self.source, DKG.sourceReader, Literal(rec.source.reader))
        if rec.source.encoding:
            yield t(self.source, DKG.sourceEncoding, Literal(rec.source.encoding))
        yield t(self.source, DKG.sourceText, Literal(self.text))

    def document(self) -> Iterator[Quad]:
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
        yield t(doc, PROV.wasDerivedFrom, self.source)
        if d.number:
            yield t(doc, DKG.printedAs, Literal(d.number))
        if d.signer:
            yield t(doc, DKG.signer, Literal(d.signer))
        if d.signer_title:
            yield t(doc, DKG.signerTitle, Literal(d.signer_title))
        if d.signature_mode:
            yield t(doc, DKG.signatureMode, Literal(d.signature_mode))
        for field_name, span in sorted(d.spans.items()):
            yield from evidence(doc, span, HEADER_PROPERTY.get(field_name))

    def links(self) -> Iterator[Quad]:
        """Implements and reference links, and the mentions behind them."""
        em, src, rec, d, doc = self.em, self.src, self.rec, self.rec.document, self.doc
        t, evidence = self.t, self.evidence
        is_guidance = slug(d.type or "") == "huong-dan"
        for i, (ref, key) in enumerate(zip(rec.implements, src.implements, strict=True), 1):
            node = URIRef(f"{doc}/implements/{i}")
            yield from em._reference(t, evidence, node, doc, ref, key)
            yield t(node, DKG.implementsRank, Literal(i))
            yield from em._link(t, doc, "implements", key, src.doc, is_guidance)
        for i, (ref, key) in enumerate(zip(rec.references, src.references, strict=True), 1):
            node = URIRef(f"{doc}/ref/{i}")
            yield from em._reference(t, evidence, node, doc, ref, key)
            yield t(node, DKG.order, Literal(i))
            yield from em._link(t, doc, ref.relation, key, src.doc, is_guidance)
            cited_guidance = slug(ref.type or "") == "huong-dan"
            for target in src.ref_implements.get(i - 1, []):
                if key is not None:
                    yield from em._link(
                        t, em.doc_iri(key), "implements", target, key, cited_guidance
                    )

    def assignments(self) -> Iterator[Quad]:
        """Assignments and their duties."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        n = 0
        for i, a in enumerate(rec.assignments):
            node = URIRef(f"{doc}/assignment/{i + 1}")
            body = em.body_iri(src.bodies[("assignment", i)])
            mode = lexicon.encode("mode", a.mode) or DKG.Assigned
            yield t(doc, DKG.assignment, node)
            yield t(node, RDF.type, DKG.Assignment)
            yield t(node, DKG.body, body)
            yield t(node, RDFS.label, vi(a.body.name))  # the name this document gives the body
            yield t(node, DKG.asWritten, Literal(a.body.as_written))
            yield t(node, DKG.mode, mode)
            yield t(node, DKG.order, Literal(i + 1))
            yield t(node, DKG.inDocument, doc)
            yield from evidence(node, a.span or a.body.span)
            for j, duty in enumerate(a.duties):
                n += 1
                dn = em.duty_iri(src.doc, n)
                yield t(node, DKG.duty, dn)
                yield t(dn, RDF.type, DKG.Duty)
                yield t(dn, DKG.responsibleBody, body)
                yield t(dn, DKG.role, lexicon.encode("role", duty.role) or DKG.Participant)
                yield t(dn, DKG.mode, mode)
                yield t(dn, DKG.text, vi(duty.text))
                yield t(dn, DKG.order, Literal(j + 1))
                yield t(dn, DKG.inDocument, doc)
                if duty.section:
                    yield t(dn, DKG.section, Literal(duty.section))
                if duty.deadline:
                    yield t(dn, DKG.deadline, date_literal(duty.deadline))
                for topic in duty.topics:
                    yield t(dn, DKG.topic, _concept(TOPICS, topic))
                for k in range(len(duty.partners)):
                    yield t(dn, DKG.partner, em.body_iri(src.bodies[("partner", i, j, k)]))
                yield from evidence(dn, duty.span)

    def reporting(self) -> Iterator[Quad]:
        """Reporting obligations, with one link per body named."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, r in enumerate(rec.reporting):
            node = URIRef(f"{doc}/reporting/{i + 1}")
            yield t(node, RDF.type, DKG.ReportingObligation)
            yield t(node, DKG.order, Literal(i + 1))
            yield t(node, DKG.inDocument, doc)
            for prop, value in (
                (DKG.reporterText, r.by),
                (DKG.recipientText, r.to),
                (DKG.viaText, r.via),
            ):
                if value:
                    yield t(node, prop, Literal(value))
            for role, prop, mentions in (
                ("reporter", DKG.reporter, r.by_bodies),
                ("recipient", DKG.recipient, r.to_bodies),
                ("via", DKG.via, r.via_bodies),
            ):
                for k in range(len(mentions)):
                    yield t(node, prop, em.body_iri(src.bodies[(role, i, k)]))
            if r.frequency:
                freq, detail = frequency_parts(r.frequency)
                if freq is not None:
                    yield t(node, DKG.frequency, freq)
                    if detail:
                        yield t(node, DKG.frequencyDetail, Literal(detail))
                else:
                    yield t(node, DKG.frequencyDetail, Literal(r.frequency))
            if r.deadline:
                yield t(node, DKG.deadline, Literal(r.deadline))
                md = month_day(r.deadline)
                if md is not None:
                    yield t(node, DKG.dueDate, md)
            yield from evidence(node, r.span)

    def targets(self) -> Iterator[Quad]:
        """Numeric targets."""
        rec, doc = self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, target in enumerate(rec.targets):
            node = URIRef(f"{doc}/target/{i + 1}")
            yield t(node, RDF.type, DKG.Target)
            yield t(node, DKG.order, Literal(i + 1))
            yield t(node, DKG.inDocument, doc)
            yield t(node, DKG.indicator, vi(target.text))
            yield t(node, DKG.targetValue, Literal(target.value))
            if target.year is not None:
                yield t(node, DKG.targetYear, Literal(target.year))
            if target.owner:
                yield t(node, DKG.ownerText, Literal(target.owner))
            yield from evidence(node, target.span)

    def recipients(self) -> Iterator[Quad]:
        """Nơi nhận lines and the bodies each names."""
        em, src, rec, doc = self.em, self.src, self.rec, self.doc
        t, evidence = self.t, self.evidence
        for i, rcp in enumerate(rec.recipients):
            node = URIRef(f"{doc}/recipient/{i + 1}")
            yield t(doc, DKG.recipientLine, node)
            yield t(node, RDF.type, DKG.RecipientLine)
            yield t(node, DKG.text, Literal(rcp.text))
            yield t(node, DKG.order, Literal(i + 1))
            for k in range(len(rcp.bodies)):
                yield t(node, DKG.recipientBody, em.body_iri(src.bodies[("recipient-line", i, k)]))
            yield from evidence(node, rcp.span)

    def findings(self) -> Iterator[Quad]:
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
            node = URIRef(f"{doc}/finding/{i + 1}")
            yield t(node, RDF.type, DKG.Finding)
            yield t(node, DKG.findingKind, Literal(f.kind))
            yield t(node, DKG.message, Literal(f.message))
            yield t(node, DKG.order, Literal(i + 1))
            yield t(node, DKG.inDocument, doc)
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


REFERENCE_FILES = {
    "bodies": "bodies.ttl",
    "topics": "topics.ttl",
    "doctypes": "doctypes.ttl",
    "reorg": "reorg.ttl",
}


def reference_quads(base: str = DEFAULT_BASE, ontology_dir: Path | None = None) -> Iterator[Quad]:
    """The ontology and the SKOS reference data, each in its own named graph."""
    iris = IRIs(base)
    folder = Path(ontology_dir or default_ontology_dir())
    files = [("ontology", folder / "dkg.ttl", iris.ontology_graph)]
    files += [(n, folder / f, iris.reference_graph(n)) for n, f in REFERENCE_FILES.items()]
    for _name, path, graph in files:
        if not path.exists():
            continue
        g = Graph().parse(path)
        g = _skolemise(g, str(graph))
        for s, p, o in g:
            yield (s, p, o, graph)  # type: ignore[misc]


def _skolemise(g: Graph, prefix: str) -> Graph:
    """Blank nodes (OWL lists and axioms) get stable IRIs so exports are byte-stable."""
    from rdflib import BNode
    from rdflib.compare import to_canonical_graph

    if not any(isinstance(x, BNode) for triple in g for x in triple):
        return g
    canon = to_canonical_graph(g)
    out = Graph()
    for triple in canon:
        out.add(tuple(URIRef(f"{prefix}/bnode/{x}") if isinstance(x, BNode) else x for x in triple))  # type: ignore[arg-type]
    return out


def source_quads(
    corpus: ResolvedCorpus, src: ResolvedSource, base: str = DEFAULT_BASE
) -> Iterator[Quad]:
    return Emitter(corpus, IRIs(base)).source_quads(src)


def corpus_quads(corpus: ResolvedCorpus, base: str = DEFAULT_BASE) -> Iterator[Quad]:
    """Every source graph, then the shared graph (which needs the doc types minted on the way)."""
    emitter = Emitter(corpus, IRIs(base))
    for src in corpus.sources:
        yield from emitter.source_quads(src)
    yield from emitter.shared_quads()


def to_dataset(quads: Iterable[Quad]):
    """An rdflib Dataset of quads (tests, small exports)."""
    from rdflib import Dataset

    ds = Dataset()
    for s, p, o, g in quads:
        ds.graph(g).add((s, p, o))
    return ds
