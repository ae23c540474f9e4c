"""Loading the read model: the SELECT queries of docs/GRAPH.md, run through the one runner.

Every query runs through ``kg.queries.select_values`` (rows of plain Python values, IRIs as
strings, parameters bound as RDF terms by kg/sparql.py). Each kind of record has its own
small reader; ``load_model`` calls them in dependency order (places before documents and
bodies, evidence before everything that points at it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from kg import lexicon
from kg.queries import select_values
from kg.read.model import (
    Act,
    Assignment,
    Body,
    DocLink,
    Document,
    Duty,
    Evidence,
    ReadModel,
    Report,
    Succession,
    Target,
)
from kg.store import Store

Row = dict[str, Any]

_ELI = "http://data.europa.eu/eli/ontology#"
_DKG = "https://w3id.org/dkg/ns#"
_PROV = "http://www.w3.org/ns/prov#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def value_of(iri: str | None) -> str | None:
    """A level / kind / role / mode / frequency IRI as the model's value (kg.lexicon)."""
    return lexicon.decode(iri)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def document_of(iri: str, fields: dict[str, Any], doc_type: str | None, **more: Any) -> Document:
    """A Document from its fields as read (named as in _DOC_FIELDS): one home for how each
    field's value becomes the model's (the whole model and a cascade's both read them)."""
    return Document(
        iri=iri,
        label=fields.get("label"),
        type=doc_type,
        number=fields.get("number"),
        date=fields.get("date"),
        subject=fields.get("subject"),
        issuer=fields.get("issuer"),
        issuer_name=fields.get("issuer_name"),
        level=value_of(fields.get("level")),
        kind=value_of(fields.get("kind")),
        signer=fields.get("signer"),
        signer_title=fields.get("signer_title"),
        ingested=_bool(fields.get("ingested")),
        **more,
    )


def _bool(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def _gmonthday(value: str | None) -> str | None:
    """xsd:gMonthDay '--11-20' -> '20/11' (how the documents print it)."""
    if not value:
        return None
    if value.startswith("--") and len(value) >= 7:
        return f"{value[5:7]}/{value[2:4]}"
    return value


def _first(rows: Iterable[Row], key: str) -> dict[str, Row]:
    """One row per ``key``: where a record has several (a property with two values), the
    least by ``_canonical``, so the model does not depend on the order rows come in."""
    out: dict[str, Row] = {}
    for row in rows:
        k = row.get(key)
        if k is None:
            continue
        seen = out.get(k)
        if seen is None or _canonical(row) < _canonical(seen):
            out[k] = row
    return out


def _canonical(row: Row) -> tuple[str, ...]:
    """A total order on rows: every value as text, columns by name."""
    return tuple("" if row[k] is None else str(row[k]) for k in sorted(row))


def _ordered(rows: Iterable[Row], *keys: str) -> list[Row]:
    """Rows sorted by the given keys; ``order``-like keys sort as integers."""

    numeric = [(k, "order" in k or k == "rank") for k in keys]

    def key(r: Row) -> tuple:
        get = r.get
        return tuple([(_int(get(k)) or 0) if n else str(get(k) or "") for k, n in numeric])

    return sorted(rows, key=key)


# ---------------------------------------------------------------- the queries (docs/GRAPH.md)

Q_DOCS = """SELECT ?doc ?p ?o WHERE {
  ?doc a dkg:Document .
  VALUES ?p { eli:id_local dkg:date dkg:subject eli:passed_by dkg:issuerText dkg:level dkg:kind
              dkg:signer dkg:signerTitle dkg:ingested eli:jurisdiction prov:wasDerivedFrom rdfs:label }
  ?doc ?p ?o .
}"""

Q_PRINTED = (
    """SELECT DISTINCT ?doc ?printed WHERE { ?doc a dkg:Document ; dkg:printedAs ?printed }"""
)

Q_DOC_TYPES = """SELECT ?doc ?label WHERE {
  ?doc a dkg:Document ; eli:type_document ?t .
  ?t skos:prefLabel ?label .
  FILTER (lang(?label) = "vi" || lang(?label) = "")
}"""

Q_SOURCES = """SELECT ?src ?file ?reader ?encoding WHERE {
  ?src dkg:sourceFile ?file
  OPTIONAL { ?src dkg:sourceReader ?reader }
  OPTIONAL { ?src dkg:sourceEncoding ?encoding }
}"""

_READERS = {
    "text": "văn bản thuần",
    "html": "trang web",
    "docx": "Word .docx",
    "doc": "Word .doc (LibreOffice)",
    "pdf": "PDF (lớp chữ)",
    "ocr": "ảnh quét (OCR)",
    "pdf+ocr": "PDF (lớp chữ và OCR)",
}


def _read_as(row: dict | None) -> str | None:
    """How the source file was read, for people: "PDF (lớp chữ)", "văn bản thuần, tcvn3"."""
    if not row or not row.get("reader"):
        return None
    what = _READERS.get(row["reader"], row["reader"])
    return f"{what}, {row['encoding']}" if row.get("encoding") else what


Q_TEXT = (
    """SELECT ?text WHERE { ?doc prov:wasDerivedFrom ?src . ?src dkg:sourceText ?text } LIMIT 1"""
)

Q_PLACES = """SELECT ?place ?label ?level ?broader WHERE {
  ?place a dkg:AdminUnit .
  OPTIONAL { ?place rdfs:label ?label }
  OPTIONAL { ?place dkg:level ?level }
  OPTIONAL { ?place skos:broader ?broader }
}"""

Q_BODIES = """SELECT ?body ?label ?level ?kind ?place ?collective WHERE {
  ?body a dkg:Body .
  OPTIONAL { ?body rdfs:label ?label }
  OPTIONAL { ?body dkg:level ?level }
  OPTIONAL { ?body dkg:kind ?kind }
  OPTIONAL { ?body dkg:jurisdiction ?place }
  OPTIONAL { ?body dkg:collective ?collective }
}"""

# Evidence in two flat queries joined here: one join with a nested OPTIONAL over every span
# of a national corpus took twice as long on the on-disk store as the two together.
Q_EVIDENCE = """SELECT ?ev ?src ?start ?end WHERE {
  ?ev a dkg:Evidence ; oa:hasSource ?src ; oa:hasSelector ?pos .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}"""

Q_QUOTES = """SELECT ?ev ?exact ?prefix ?suffix WHERE {
  ?ev oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  OPTIONAL { ?q oa:prefix ?prefix }
  OPTIONAL { ?q oa:suffix ?suffix }
}"""

Q_REFERENCES = """SELECT ?ref ?citing ?cited ?relation ?printed ?ev ?order ?rank WHERE {
  ?ref a dkg:Reference ; dkg:citingDocument ?citing ; dkg:citedDocument ?cited ; dkg:relation ?relation .
  OPTIONAL { ?ref dkg:printedAs ?printed }
  OPTIONAL { ?ref dkg:evidence ?ev }
  OPTIONAL { ?ref dkg:order ?order }
  OPTIONAL { ?ref dkg:implementsRank ?rank }
}"""

Q_LINKS = """SELECT ?citing ?p ?cited WHERE {
  VALUES ?p { eli:ensures_implementation_of dkg:guidanceFor eli:based_on dkg:proposedBy }
  ?citing ?p ?cited .
}"""

Q_ASSIGNMENTS = """SELECT ?a ?doc ?body ?mode ?ev ?order WHERE {
  ?a a dkg:Assignment ; dkg:inDocument ?doc ; dkg:body ?body .
  OPTIONAL { ?a dkg:mode ?mode }
  OPTIONAL { ?a dkg:evidence ?ev }
  OPTIONAL { ?a dkg:order ?order }
}"""

Q_DUTIES = """SELECT ?duty ?doc ?body ?role ?mode ?text ?section ?deadline ?ev ?order ?a ?aorder WHERE {
  ?duty a dkg:Duty ; dkg:inDocument ?doc ; dkg:responsibleBody ?body .
  OPTIONAL { ?duty dkg:role ?role }
  OPTIONAL { ?duty dkg:mode ?mode }
  OPTIONAL { ?duty dkg:text ?text }
  OPTIONAL { ?duty dkg:section ?section }
  OPTIONAL { ?duty dkg:deadline ?deadline }
  OPTIONAL { ?duty dkg:evidence ?ev }
  OPTIONAL { ?duty dkg:order ?order }
  OPTIONAL { ?a dkg:duty ?duty . OPTIONAL { ?a dkg:order ?aorder } }
}"""

Q_HEADER_EVIDENCE = """SELECT ?doc ?p ?ev WHERE { ?doc a dkg:Document ; dkg:evidence ?ev . ?ev dkg:forProperty ?p }"""

Q_LINEAGE = """SELECT ?duty ?p ?o WHERE {
  VALUES ?p { dkg:counterpartOf dkg:droppedIn }
  ?duty a dkg:Duty ; ?p ?o .
}"""

Q_PARTNERS = """SELECT ?duty ?partner WHERE { ?duty a dkg:Duty ; dkg:partner ?partner }"""

Q_REPORTS = """SELECT ?r ?doc ?reporter ?reporterText ?recipient ?recipientText ?via ?viaText
       ?frequency ?due ?ev ?order WHERE {
  ?r a dkg:ReportingObligation ; dkg:inDocument ?doc .
  OPTIONAL { ?r dkg:reporter ?reporter }
  OPTIONAL { ?r dkg:reporterText ?reporterText }
  OPTIONAL { ?r dkg:recipient ?recipient }
  OPTIONAL { ?r dkg:recipientText ?recipientText }
  OPTIONAL { ?r dkg:via ?via }
  OPTIONAL { ?r dkg:viaText ?viaText }
  OPTIONAL { ?r dkg:frequency ?frequency }
  OPTIONAL { ?r dkg:dueDate ?due }
  OPTIONAL { ?r dkg:evidence ?ev }
  OPTIONAL { ?r dkg:order ?order }
}"""

Q_TARGETS = """SELECT ?t ?doc ?indicator ?value ?year ?owner ?ownerText ?ev ?order WHERE {
  ?t a dkg:Target ; dkg:inDocument ?doc .
  OPTIONAL { ?t dkg:indicator ?indicator }
  OPTIONAL { ?t dkg:targetValue ?value }
  OPTIONAL { ?t dkg:targetYear ?year }
  OPTIONAL { ?t dkg:owner ?owner }
  OPTIONAL { ?t dkg:ownerText ?ownerText }
  OPTIONAL { ?t dkg:evidence ?ev }
  OPTIONAL { ?t dkg:order ?order }
}"""

Q_CHANGES = """SELECT ?ev ?body ?date ?split ?uncertain ?note ?successor ?functions WHERE {
  ?ev a org:ChangeEvent ; org:originalOrganization ?body ; org:resultingOrganization ?successor .
  OPTIONAL { ?ev dkg:effectiveDate ?date }
  OPTIONAL { ?ev dkg:splitOfFunctions ?split }
  OPTIONAL { ?ev dkg:uncertain ?uncertain }
  OPTIONAL { ?ev skos:note ?note }
  OPTIONAL { ?successor prov:qualifiedGeneration ?gen . ?gen prov:activity ?ev ; dkg:functions ?functions }
}"""

Q_CHANGE_ACTS = """SELECT ?ev ?act ?number ?title ?date ?uncertain WHERE {
  ?ev a org:ChangeEvent ; dkg:legalBasis ?act .
  OPTIONAL { ?act eli:id_local ?number }
  OPTIONAL { ?act rdfs:label ?title }
  OPTIONAL { ?act eli:date_document ?date }
  OPTIONAL { ?act dkg:uncertain ?uncertain }
}"""

_DOC_FIELDS = {
    _ELI + "id_local": "number",
    _DKG + "date": "date",
    _DKG + "subject": "subject",
    _ELI + "passed_by": "issuer",
    _DKG + "issuerText": "issuer_name",
    _DKG + "level": "level",
    _DKG + "kind": "kind",
    _DKG + "signer": "signer",
    _DKG + "signerTitle": "signer_title",
    _DKG + "ingested": "ingested",
    _ELI + "jurisdiction": "jurisdiction",
    _PROV + "wasDerivedFrom": "source",
    _RDFS + "label": "label",
}
_HEADER_FIELD = {
    _ELI + "type_document": "type",
    _ELI + "id_local": "number",
    _DKG + "date": "date",
    _ELI + "passed_by": "issuer",
    _DKG + "level": "level",
    _ELI + "jurisdiction": "place",
    _DKG + "signer": "signer",
    _DKG + "signerTitle": "signer",
    _DKG + "subject": "subject",
}
_LINK_RELATION = {
    _ELI + "ensures_implementation_of": "implements",
    _DKG + "guidanceFor": "guides",
    _ELI + "based_on": "based_on",
    _DKG + "proposedBy": "proposal",
}


# rows in this order, so that of two values of one property the least comes first
_CHANGE_ORDER = ("ev", "successor", "date", "split", "uncertain", "note", "functions", "body")
_REFERENCE_ORDER = ("citing", "rank", "order", "ref", "cited", "relation", "printed", "ev")

# ---------------------------------------------------------------- the readers


class _Loader:
    """One load of the read model from one source (a kg Store or a pyoxigraph Store)."""

    def __init__(self, source: Any) -> None:
        self.source = source
        self.model = ReadModel()
        self.place_label: dict[str, str] = {}
        self.place_name: dict[str, str | None] = {}
        self.place_province: dict[str, str | None] = {}
        self.doc_of_source: dict[str, str] = {}
        self.evidence: dict[str, Evidence] = {}

    def rows(self, query: str, **bindings: Any) -> list[Row]:
        return select_values(self.source, query, bindings or None)

    def ev_of(self, row: Row) -> Evidence | None:
        return self.evidence.get(row.get("ev") or "")

    def run(self) -> ReadModel:
        self.places()
        self.documents()
        self.bodies()
        self.changes()
        self.read_evidence()
        self.header_evidence()
        self.doc_links()
        self.assignments()
        self.duties()
        self.lineage()
        self.reports()
        self.targets()
        self.unnamed_bodies()
        self.model.texts = Texts(self.source)
        return self.model

    def places(self) -> None:
        """Each admin unit's readable path ("Quế Phong, Nghệ An"), own name and province."""
        info = _first(self.rows(Q_PLACES), "place")
        for place, own in info.items():
            names: list[str] = []
            province: str | None = None
            node: str | None = place
            seen: set[str] = set()
            while node is not None and node in info and node not in seen:
                seen.add(node)
                row = info[node]
                if row.get("label"):
                    names.append(row["label"])
                if value_of(row.get("level")) == "province":
                    province = row.get("label")
                node = row.get("broader")
            self.place_label[place] = ", ".join(n for n in names if n)
            self.place_name[place] = own.get("label")
            self.place_province[place] = province

    def documents(self) -> None:
        fields: dict[str, dict[str, Any]] = {}
        for row in _ordered(self.rows(Q_DOCS), "doc", "p", "o"):  # a field's least value
            name = _DOC_FIELDS.get(row["p"] or "")
            if row["doc"] is not None and name and row["o"] is not None:
                fields.setdefault(row["doc"], {}).setdefault(name, row["o"])
        types = {r["doc"]: r["label"] for r in _first(self.rows(Q_DOC_TYPES), "doc").values()}
        sources = _first(self.rows(Q_SOURCES), "src")
        source_file = {src: r["file"] for src, r in sources.items()}
        for doc, f in sorted(fields.items()):
            src, place = f.get("source"), f.get("jurisdiction")
            if src:
                self.doc_of_source.setdefault(src, doc)
            self.model.docs[doc] = document_of(
                doc,
                f,
                types.get(doc),
                province=self.place_province.get(place) if place else None,
                source_file=source_file.get(src) if src else None,
                source_read=_read_as(sources.get(src)) if src else None,
            )
        for row in self.rows(Q_PRINTED):
            doc = self.model.docs.get(row["doc"])
            if doc is not None and row["printed"] not in doc.printed_as:
                doc.printed_as.append(row["printed"])
        for doc in self.model.docs.values():
            doc.printed_as.sort()

    def bodies(self) -> None:
        # by IRI: pages list bodies whose names tie in this order, whatever the rows' order
        for body, row in sorted(_first(self.rows(Q_BODIES), "body").items()):
            place = row.get("place")
            self.model.bodies[body] = Body(
                iri=body,
                name=row.get("label") or body.rsplit("/", 1)[-1],
                level=value_of(row.get("level")),
                kind=value_of(row.get("kind")),
                place=self.place_label.get(place) if place else None,
                place_name=self.place_name.get(place) if place else None,
                province=self.place_province.get(place) if place else None,
                collective=_bool(row.get("collective")),
            )

    def changes(self) -> None:
        """The 2025 reorganisation's change events (graph/reorg), by the body they changed."""
        acts: dict[str, list[Act]] = {}
        for row in _ordered(
            self.rows(Q_CHANGE_ACTS), "ev", "date", "number", "act", "title", "uncertain"
        ):
            act = Act(row["act"], row.get("number"), row.get("title"), _text(row.get("date")),
                      _bool(row.get("uncertain")))  # fmt: skip
            if act not in acts.setdefault(row["ev"], []):
                acts[row["ev"]].append(act)
        events: dict[str, Succession] = {}
        for row in _ordered(self.rows(Q_CHANGES), *_CHANGE_ORDER):
            ev = events.get(row["ev"])
            if ev is None:
                ev = events[row["ev"]] = Succession(
                    row["ev"], row["body"], _text(row.get("date")) or "",
                    acts=acts.get(row["ev"], []), split=_bool(row.get("split")),
                    uncertain=_bool(row.get("uncertain")), note=row.get("note"),
                )  # fmt: skip
            if all(s != row["successor"] for s, _ in ev.successors):
                ev.successors.append((row["successor"], row.get("functions")))
        for ev in events.values():
            self.model.changes.setdefault(ev.body, []).append(ev)
        for changes in self.model.changes.values():
            changes.sort(key=lambda c: (c.date, c.event))

    def read_evidence(self) -> None:
        quotes = _first(self.rows(Q_QUOTES), "ev")
        for row in _first(self.rows(Q_EVIDENCE), "ev").values():
            ev, doc = row["ev"], self.doc_of_source.get(row["src"] or "")
            start, end = _int(row.get("start")), _int(row.get("end"))
            if ev is None or doc is None or start is None or end is None or end < start:
                continue
            quote = quotes.get(ev, {})
            self.evidence.setdefault(
                ev,
                Evidence(
                    doc, start, end, quote.get("exact"), quote.get("prefix"), quote.get("suffix")
                ),
            )

    def header_evidence(self) -> None:
        for row in _ordered(self.rows(Q_HEADER_EVIDENCE), "doc", "ev", "p"):
            name = _HEADER_FIELD.get(row["p"] or "")
            ev = self.ev_of(row)
            if name and ev and row["doc"] in self.model.docs:
                self.model.docs[row["doc"]].header_evidence.setdefault(name, ev)

    def doc_links(self) -> None:
        """Each printed mention, first in printed order wins; then links the texts assert
        without a mention of their own (a cited plan that itself implements another)."""
        seen: set[tuple[str, str, str]] = set()
        links = self.model.links
        for row in _ordered(self.rows(Q_REFERENCES), *_REFERENCE_ORDER):
            key = (row["citing"], row["cited"], row["relation"])
            if None in key or key in seen:
                continue
            seen.add(key)
            links.append(DocLink(*key, self.ev_of(row), row.get("printed")))
        self.references = len(links)  # the printed references come first (kg.read.patch)
        for row in _ordered(self.rows(Q_LINKS), "citing", "cited", "p"):
            key = (row["citing"], row["cited"], _LINK_RELATION.get(row["p"] or ""))
            if None in key or key in seen:
                continue
            seen.add(key)
            links.append(DocLink(*key))
        for link in links:  # a cited document never seen as a node still needs a page
            for iri in (link.citing, link.cited):
                number = link.printed if iri == link.cited else None
                self.model.docs.setdefault(iri, Document(iri, number=number))

    def assignments(self) -> None:
        for row in _ordered(self.rows(Q_ASSIGNMENTS), "doc", "order", "a", "body", "mode", "ev"):
            if row["doc"] and row["body"]:
                mode = value_of(row.get("mode")) or "assigned"
                self.model.assignments.append(
                    Assignment(row["doc"], row["body"], mode, self.ev_of(row))
                )

    def duties(self) -> None:
        partners: dict[str, list[str]] = {}
        for row in _ordered(self.rows(Q_PARTNERS), "duty", "partner"):
            if row["duty"] and row["partner"]:
                partners.setdefault(row["duty"], []).append(row["partner"])
        rows = _first(self.rows(Q_DUTIES), "duty").values()
        for row in _ordered(rows, "doc", "aorder", "order", "duty"):
            self.model.duties.append(
                Duty(
                    iri=row["duty"] or "",
                    doc=row["doc"] or "",
                    body=row["body"] or "",
                    text=row.get("text") or "",
                    role=value_of(row.get("role")) or "participant",
                    mode=value_of(row.get("mode")) or "assigned",
                    section=row.get("section"),
                    deadline=row.get("deadline"),
                    partners=partners.get(row["duty"] or "", []),
                    evidence=self.ev_of(row),
                    order=_int(row.get("order")) or 0,
                    assignment=_int(row.get("aorder")) or 0,
                )
            )

    def lineage(self) -> None:
        by_iri = self.model.duty_by_iri
        for row in _ordered(self.rows(Q_LINEAGE), "duty", "p", "o"):
            duty = by_iri.get(row["duty"] or "")
            if duty is None or not row["o"]:
                continue
            if row["p"] == _DKG + "counterpartOf":
                duty.counterpart_of.append(row["o"])
            else:
                duty.dropped_in.append(row["o"])

    def reports(self) -> None:
        rows = _first(self.rows(Q_REPORTS), "r").values()
        for row in _ordered(rows, "doc", "order", "r"):
            self.model.reports.append(
                Report(
                    iri=row["r"] or "",
                    doc=row["doc"] or "",
                    reporter=row.get("reporter"),
                    reporter_text=row.get("reporterText"),
                    recipient=row.get("recipient"),
                    recipient_text=row.get("recipientText"),
                    via=row.get("via"),
                    via_text=row.get("viaText"),
                    frequency=value_of(row.get("frequency")),
                    due=_gmonthday(row.get("due")),
                    evidence=self.ev_of(row),
                )
            )

    def targets(self) -> None:
        rows = _first(self.rows(Q_TARGETS), "t").values()
        for row in _ordered(rows, "doc", "order", "t"):
            self.model.targets.append(
                Target(
                    iri=row["t"] or "",
                    doc=row["doc"] or "",
                    indicator=row.get("indicator") or "",
                    value=_text(row.get("value")),
                    year=_text(row.get("year")),
                    owner=row.get("owner"),
                    owner_text=row.get("ownerText"),
                    evidence=self.ev_of(row),
                )
            )

    def unnamed_bodies(self) -> None:
        """Bodies the duties name that have no node of their own still get a record."""
        model = self.model
        named = {b for d in model.duties for b in [d.body, *d.partners]}
        for iri in sorted(named | {a.body for a in model.assignments}):
            model.bodies.setdefault(iri, Body(iri, iri.rsplit("/", 1)[-1]))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


Q_NAMES = """SELECT ?doc ?label ?number WHERE {
  ?doc a dkg:Document .
  OPTIONAL { ?doc rdfs:label ?label }
  OPTIONAL { ?doc eli:id_local ?number }
}"""


def document_names(source: Any) -> dict[str, str]:
    """Each document's name as ``Document.name`` gives it (label, else number, else the
    IRI's tail), without the rest of the model: what audit needs (the whole model of a
    national corpus took minutes to read)."""
    if isinstance(source, ReadModel):
        return {iri: d.name for iri, d in source.docs.items()}
    docs: dict[str, Document] = {}
    for row in select_values(source, Q_NAMES):
        doc = docs.setdefault(row["doc"], Document(row["doc"]))
        doc.label = doc.label or row.get("label")
        doc.number = doc.number or row.get("number")
    return {iri: d.name for iri, d in docs.items()}


def sparql_model(source: Any) -> ReadModel:
    """Read the model through the SPARQL joins above (the default graph is the union of
    all graphs): how an endpoint is read; ``kg.read.scan.load_model`` reads an embedded
    store by scans instead and gives the same model."""
    if isinstance(source, ReadModel):
        return source
    return _Loader(source).run()


class Texts:
    """Document IRI -> its source text, read from the store on demand (a national corpus's
    texts are not all kept in memory)."""

    def __init__(self, source: Any) -> None:
        self.source = source

    def __call__(self, doc: str) -> str | None:
        return text_of(self.source, doc)

    def reopen(self) -> None:
        """In a forked process: read through a handle of its own on a store on disk (the
        parent's is not shared across a fork); an in-memory store is read as inherited."""
        from kg.store import open_store_folder

        if isinstance(self.source, Store) and self.source.path is not None:
            self.source = open_store_folder(self.source.path)


def text_of(source: Any, doc: str) -> str | None:
    """The source text of document ``doc`` (bound as an IRI, never pasted into the query)."""
    rows = select_values(source, Q_TEXT, {"doc": ox.NamedNode(doc)})
    return rows[0]["text"] if rows else None
