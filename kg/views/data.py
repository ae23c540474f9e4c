"""The page model of the staff site, read from the store with SPARQL.

The views never see RDF terms or IRIs beyond this module: ``load_site_data``
runs a handful of SELECT queries (the triple patterns of docs/GRAPH.md) and
returns plain records, so templates and graph builders stay independent of
the graph's shape and can be tested with records built by hand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from kg import lexicon
from kg.queries import select_values
from kg.text import fold

Row = dict[str, str | None]
# Runs SELECT text that uses the dkg prefixes (kg.vocab.PREFIXES) without declaring them.
Select = Callable[[str], list[Row]]

LEVELS = ("central", "province", "district", "commune")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: [start, end) code-point offsets into a document's source text.

    ``exact``/``prefix``/``suffix`` come from the oa:TextQuoteSelector, so a page can quote
    the sentence without loading the whole source text.
    """

    doc: str  # IRI of the document whose source text holds the span
    start: int
    end: int
    exact: str | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass
class DocInfo:
    iri: str
    label: str | None = None  # rdfs:label: type + number, or type + issuer + date
    type: str | None = None
    number: str | None = None
    date: str | None = None
    subject: str | None = None
    issuer: str | None = None  # body IRI
    issuer_name: str | None = None  # as the graph names the issuer (also for cited-only documents)
    level: str | None = None  # central | province | district | commune
    kind: str | None = None  # party | state | mass-org
    province: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    ingested: bool = False
    source_file: str | None = None
    source_text: str | None = None  # filled on demand (SiteData.text_of): texts can be large
    header_evidence: dict[str, Evidence] = field(default_factory=dict)  # field name -> span


@dataclass
class BodyInfo:
    iri: str
    name: str
    level: str | None = None
    kind: str | None = None
    place: str | None = None  # jurisdiction label: "Quế Phong", "Nghệ An"
    province: str | None = None
    collective: bool = False

    @property
    def display(self) -> str:
        """The name with its place: several bodies share a name ("Ủy ban nhân dân")."""
        return f"{self.name} ({self.place})" if self.place else self.name


@dataclass
class DocLink:
    """One printed mention of another document (Thực hiện / Căn cứ / cites)."""

    citing: str
    cited: str
    relation: str  # implements | based_on | proposal | cites | guides
    evidence: Evidence | None = None
    printed: str | None = None


@dataclass
class DutyInfo:
    iri: str
    doc: str
    body: str
    text: str
    role: str = "participant"  # lead | support | participant
    mode: str = "assigned"  # assigned | requested
    section: str | None = None
    deadline: str | None = None
    partners: list[str] = field(default_factory=list)  # body IRIs
    evidence: Evidence | None = None
    counterpart_of: list[str] = field(
        default_factory=list
    )  # parent duties it carries out (lineage)
    dropped_in: list[str] = field(default_factory=list)  # child documents with no counterpart


@dataclass
class AssignmentInfo:
    doc: str
    body: str
    mode: str = "assigned"
    evidence: Evidence | None = None


@dataclass
class ReportInfo:
    iri: str
    doc: str
    reporter: str | None = None  # body IRI when resolved
    reporter_text: str | None = None
    recipient: str | None = None
    recipient_text: str | None = None
    via: str | None = None
    via_text: str | None = None
    frequency: str | None = (
        None  # annual | semiannual | quarterly | monthly | periodic | ad hoc | review milestones
    )
    due: str | None = None  # "dd/mm"
    evidence: Evidence | None = None


@dataclass
class TargetInfo:
    iri: str
    doc: str
    indicator: str
    value: str | None = None
    year: str | None = None
    owner: str | None = None  # body IRI when resolved
    owner_text: str | None = None
    evidence: Evidence | None = None


@dataclass
class SiteData:
    docs: dict[str, DocInfo] = field(default_factory=dict)
    bodies: dict[str, BodyInfo] = field(default_factory=dict)
    links: list[DocLink] = field(default_factory=list)
    assignments: list[AssignmentInfo] = field(default_factory=list)
    duties: list[DutyInfo] = field(default_factory=list)
    reports: list[ReportInfo] = field(default_factory=list)
    targets: list[TargetInfo] = field(default_factory=list)
    texts: Callable[[str], str | None] | None = None  # document IRI -> its source text

    def text_of(self, doc: str) -> str | None:
        info = self.docs.get(doc)
        if info is not None and info.source_text is not None:
            return info.source_text
        return self.texts(doc) if self.texts else None

    # indexes, built on first use (after loading): pages are written per document and
    # per body, and scanning every duty for each of 10,000 plans would be quadratic

    @cached_property
    def duties_by_doc(self) -> dict[str, list[DutyInfo]]:
        out: dict[str, list[DutyInfo]] = defaultdict(list)
        for duty in self.duties:
            out[duty.doc].append(duty)
        return out

    @cached_property
    def duties_by_body(self) -> dict[str, list[DutyInfo]]:
        out: dict[str, list[DutyInfo]] = defaultdict(list)
        for duty in self.duties:
            out[duty.body].append(duty)
        return out

    @cached_property
    def duties_with_partner(self) -> dict[str, list[DutyInfo]]:
        """Body -> duties of other bodies that name it as a partner."""
        out: dict[str, list[DutyInfo]] = defaultdict(list)
        for duty in self.duties:
            for partner in set(duty.partners):
                if partner != duty.body:
                    out[partner].append(duty)
        return out

    @cached_property
    def assignments_by_doc(self) -> dict[str, list[AssignmentInfo]]:
        out: dict[str, list[AssignmentInfo]] = defaultdict(list)
        for a in self.assignments:
            out[a.doc].append(a)
        return out

    @cached_property
    def duty_by_iri(self) -> dict[str, DutyInfo]:
        return {d.iri: d for d in self.duties}

    def duties_of_doc(self, doc: str) -> list[DutyInfo]:
        return self.duties_by_doc.get(doc, [])

    def partners_of(self, body: str) -> dict[str, list[DutyInfo]]:
        """Bodies that share duties with ``body`` (either names the other as partner)."""
        out: dict[str, list[DutyInfo]] = defaultdict(list)
        for duty in self.duties_by_body.get(body, []):
            for partner in duty.partners:
                if partner != body:
                    out[partner].append(duty)
        for duty in self.duties_with_partner.get(body, []):
            out[duty.body].append(duty)
        return out

    def implemented_by(self) -> dict[str, list[str]]:
        """Parent document -> documents that say they carry it out (implements / guides)."""
        return self._implemented_by

    @cached_property
    def _implemented_by(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for link in self.links:
            if link.relation in ("implements", "guides") and link.cited != link.citing:
                kids = out.setdefault(link.cited, [])
                if link.citing not in kids:
                    kids.append(link.citing)
        return out


# ---------------------------------------------------------------- reading the store


def oxigraph_select(store) -> Select:
    """A ``Select`` over a kg.store.Store or pyoxigraph Store: rows of plain strings."""
    return lambda query: select_values(store, query)


def store_select(store) -> Select:
    """A ``Select`` over whatever the build hands us: a store or a callable."""
    return store if callable(store) else oxigraph_select(store)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _mapped(iri: str | None) -> str | None:
    """The model value of a value-set IRI (kg.lexicon: dkg:AdHoc -> "ad hoc")."""
    return lexicon.decode(iri)


def _gmonthday(value: str | None) -> str | None:
    """xsd:gMonthDay '--11-20' -> '20/11' (how the documents print it)."""
    if not value:
        return None
    if value.startswith("--") and len(value) >= 7:
        return f"{value[5:7]}/{value[2:4]}"
    return value


def _first(rows: Iterable[Row], key: str) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for row in rows:
        k = row.get(key)
        if k is not None and k not in out:
            out[k] = row
    return out


# ---------------------------------------------------------------- the queries (docs/GRAPH.md)

Q_DOCS = """SELECT ?doc ?p ?o WHERE {
  ?doc a dkg:Document .
  VALUES ?p { eli:id_local dkg:date dkg:subject eli:passed_by dkg:issuerText dkg:level dkg:kind
              dkg:signer dkg:signerTitle dkg:ingested eli:jurisdiction prov:wasDerivedFrom rdfs:label }
  ?doc ?p ?o .
}"""

Q_DOC_TYPES = """SELECT ?doc ?label WHERE {
  ?doc a dkg:Document ; eli:type_document ?t .
  ?t skos:prefLabel ?label .
  FILTER (lang(?label) = "vi" || lang(?label) = "")
}"""

Q_SOURCES = """SELECT ?src ?file WHERE { ?src dkg:sourceFile ?file }"""

Q_TEXT = (
    """SELECT ?text WHERE { <%s> prov:wasDerivedFrom ?src . ?src dkg:sourceText ?text } LIMIT 1"""
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

Q_EVIDENCE = """SELECT ?ev ?src ?start ?end ?exact ?prefix ?suffix WHERE {
  ?ev a dkg:Evidence ; oa:hasSource ?src ; oa:hasSelector ?pos .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  OPTIONAL {
    ?ev oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
    OPTIONAL { ?q oa:prefix ?prefix }
    OPTIONAL { ?q oa:suffix ?suffix }
  }
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

_ELI = "http://data.europa.eu/eli/ontology#"
_DKG = "https://w3id.org/dkg/ns#"
_PROV = "http://www.w3.org/ns/prov#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
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


def _place_labels(rows: list[Row]) -> tuple[dict[str, str], dict[str, str | None]]:
    """Each admin unit's readable path ("Quế Phong, Nghệ An") and its province's name."""
    info = _first(rows, "place")
    label: dict[str, str] = {}
    province: dict[str, str | None] = {}
    for place in info:
        names: list[str] = []
        prov: str | None = None
        node: str | None = place
        seen: set[str] = set()
        while node is not None and node in info and node not in seen:
            seen.add(node)
            row = info[node]
            if row.get("label"):
                names.append(row["label"] or "")
            if _mapped(row.get("level")) == "province":
                prov = row.get("label")
            node = row.get("broader")
        label[place] = ", ".join(n for n in names if n)
        province[place] = prov
    return label, province


def _q(select: Select, query: str) -> list[Row]:
    return select(query)


def load_site_data(select: Select) -> SiteData:
    """Read the page model from the store (the default graph is the union of all graphs)."""
    data = SiteData()
    place_label, place_province = _place_labels(_q(select, Q_PLACES))

    fields: dict[str, dict[str, str]] = {}
    for row in _q(select, Q_DOCS):
        doc, prop, value = row["doc"], row["p"], row["o"]
        if doc is None or prop is None or value is None:
            continue
        name = _DOC_FIELDS.get(prop)
        if name:
            fields.setdefault(doc, {}).setdefault(name, value)
    types = {r["doc"]: r["label"] for r in _q(select, Q_DOC_TYPES) if r["doc"]}
    source_file = {r["src"]: r["file"] for r in _q(select, Q_SOURCES) if r["src"]}
    doc_of_source: dict[str, str] = {}
    for doc, f in sorted(fields.items()):
        src = f.get("source")
        if src:
            doc_of_source.setdefault(src, doc)
        place = f.get("jurisdiction")
        data.docs[doc] = DocInfo(
            iri=doc,
            label=f.get("label"),
            type=types.get(doc),
            number=f.get("number"),
            date=f.get("date"),
            subject=f.get("subject"),
            issuer=f.get("issuer"),
            issuer_name=f.get("issuer_name"),
            level=_mapped(f.get("level")),
            kind=_mapped(f.get("kind")),
            province=place_province.get(place) if place else None,
            signer=f.get("signer"),
            signer_title=f.get("signer_title"),
            ingested=(f.get("ingested") or "").lower() in ("true", "1"),
            source_file=source_file.get(src) if src else None,
        )

    def text_of(doc: str) -> str | None:
        rows = select(Q_TEXT % doc.replace(">", "%3E"))
        return rows[0]["text"] if rows else None

    data.texts = text_of

    for row in _q(select, Q_BODIES):
        body = row["body"]
        if body is None or body in data.bodies:
            continue
        place = row.get("place")
        data.bodies[body] = BodyInfo(
            iri=body,
            name=row.get("label") or body.rsplit("/", 1)[-1],
            level=_mapped(row.get("level")),
            kind=_mapped(row.get("kind")),
            place=place_label.get(place) if place else None,
            province=place_province.get(place) if place else None,
            collective=(row.get("collective") or "").lower() in ("true", "1"),
        )

    evidence: dict[str, Evidence] = {}
    for row in _q(select, Q_EVIDENCE):
        ev, src = row["ev"], row["src"]
        start, end = _int(row.get("start")), _int(row.get("end"))
        doc = doc_of_source.get(src or "")
        if (
            ev is None
            or doc is None
            or start is None
            or end is None
            or end < start
            or ev in evidence
        ):
            continue
        evidence[ev] = Evidence(
            doc, start, end, row.get("exact"), row.get("prefix"), row.get("suffix")
        )

    def ev_of(row: Row) -> Evidence | None:
        return evidence.get(row.get("ev") or "")

    for row in sorted(_q(select, Q_HEADER_EVIDENCE), key=lambda r: (r["doc"] or "", r["ev"] or "")):
        name = _HEADER_FIELD.get(row["p"] or "")
        ev = ev_of(row)
        if name and ev and row["doc"] in data.docs:
            data.docs[row["doc"]].header_evidence.setdefault(name, ev)

    # document links: each printed mention, first in printed order wins; then links the
    # texts assert without a mention of their own (a cited plan that itself implements another)
    seen: set[tuple[str, str, str]] = set()
    refs = sorted(
        _q(select, Q_REFERENCES),
        key=lambda r: (
            r["citing"] or "",
            _int(r.get("rank")) or 0,
            _int(r.get("order")) or 0,
            r["ref"] or "",
        ),
    )
    for row in refs:
        citing, cited, relation = row["citing"], row["cited"], row["relation"]
        if not citing or not cited or not relation or (citing, cited, relation) in seen:
            continue
        seen.add((citing, cited, relation))
        data.links.append(DocLink(citing, cited, relation, ev_of(row), row.get("printed")))
    for row in sorted(
        _q(select, Q_LINKS), key=lambda r: (r["citing"] or "", r["cited"] or "", r["p"] or "")
    ):
        relation = _LINK_RELATION.get(row["p"] or "")
        citing, cited = row["citing"], row["cited"]
        if not relation or not citing or not cited or (citing, cited, relation) in seen:
            continue
        seen.add((citing, cited, relation))
        data.links.append(DocLink(citing, cited, relation))
    for link in data.links:  # a cited document never seen as a node still needs a page
        for iri in (link.citing, link.cited):
            data.docs.setdefault(
                iri, DocInfo(iri, number=link.printed if iri == link.cited else None)
            )

    for row in sorted(
        _q(select, Q_ASSIGNMENTS),
        key=lambda r: (r["doc"] or "", _int(r.get("order")) or 0, r["a"] or ""),
    ):
        if row["doc"] and row["body"]:
            data.assignments.append(
                AssignmentInfo(
                    row["doc"],
                    row["body"],
                    _mapped(row.get("mode")) or "assigned",
                    ev_of(row),
                )
            )

    partners: dict[str, list[str]] = {}
    for row in sorted(_q(select, Q_PARTNERS), key=lambda r: (r["duty"] or "", r["partner"] or "")):
        if row["duty"] and row["partner"]:
            partners.setdefault(row["duty"], []).append(row["partner"])
    duty_rows = _first(_q(select, Q_DUTIES), "duty").values()
    for row in sorted(
        duty_rows,
        key=lambda r: (
            r["doc"] or "",
            _int(r.get("aorder")) or 0,
            _int(r.get("order")) or 0,
            r["duty"] or "",
        ),
    ):
        data.duties.append(
            DutyInfo(
                iri=row["duty"] or "",
                doc=row["doc"] or "",
                body=row["body"] or "",
                text=row.get("text") or "",
                role=_mapped(row.get("role")) or "participant",
                mode=_mapped(row.get("mode")) or "assigned",
                section=row.get("section"),
                deadline=row.get("deadline"),
                partners=partners.get(row["duty"] or "", []),
                evidence=ev_of(row),
            )
        )

    by_iri = {d.iri: d for d in data.duties}
    for row in sorted(
        _q(select, Q_LINEAGE), key=lambda r: (r["duty"] or "", r["p"] or "", r["o"] or "")
    ):
        duty = by_iri.get(row["duty"] or "")
        if duty is None or not row["o"]:
            continue
        if row["p"] == _DKG + "counterpartOf":
            duty.counterpart_of.append(row["o"])
        else:
            duty.dropped_in.append(row["o"])

    report_rows = _first(_q(select, Q_REPORTS), "r").values()
    for row in sorted(
        report_rows, key=lambda r: (r["doc"] or "", _int(r.get("order")) or 0, r["r"] or "")
    ):
        data.reports.append(
            ReportInfo(
                iri=row["r"] or "",
                doc=row["doc"] or "",
                reporter=row.get("reporter"),
                reporter_text=row.get("reporterText"),
                recipient=row.get("recipient"),
                recipient_text=row.get("recipientText"),
                via=row.get("via"),
                via_text=row.get("viaText"),
                frequency=_mapped(row.get("frequency")),
                due=_gmonthday(row.get("due")),
                evidence=ev_of(row),
            )
        )
    for iri in {b for d in data.duties for b in [d.body, *d.partners]} | {
        a.body for a in data.assignments
    }:
        data.bodies.setdefault(iri, BodyInfo(iri, iri.rsplit("/", 1)[-1]))
    target_rows = _first(_q(select, Q_TARGETS), "t").values()
    for row in sorted(
        target_rows, key=lambda r: (r["doc"] or "", _int(r.get("order")) or 0, r["t"] or "")
    ):
        data.targets.append(
            TargetInfo(
                iri=row["t"] or "",
                doc=row["doc"] or "",
                indicator=row.get("indicator") or "",
                value=row.get("value"),
                year=row.get("year"),
                owner=row.get("owner"),
                owner_text=row.get("ownerText"),
                evidence=ev_of(row),
            )
        )
    _link_report_bodies(data)
    return data


def _link_report_bodies(data: SiteData) -> None:
    """Fallback while the graph leaves reporter / recipient as text only: a text that names,
    exactly, the document's issuer or a body assigned in the same document is that body.
    Nothing is guessed beyond exact (diacritic-folded) names from the same document."""
    for rep in data.reports:
        if rep.reporter and rep.recipient and (rep.via or not rep.via_text):
            continue
        names: dict[str, str] = {}
        doc = data.docs.get(rep.doc)
        if doc and doc.issuer and doc.issuer_name:
            names[fold(doc.issuer_name)] = doc.issuer
        for a in data.assignments_by_doc.get(rep.doc, []):
            body = data.bodies.get(a.body)
            if body and not body.collective:
                names.setdefault(fold(body.name), a.body)
        if rep.reporter is None and rep.reporter_text:
            rep.reporter = names.get(fold(rep.reporter_text))
        if rep.recipient is None and rep.recipient_text:
            rep.recipient = names.get(fold(rep.recipient_text))
        if rep.via is None and rep.via_text:
            rep.via = names.get(fold(rep.via_text))
