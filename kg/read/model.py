"""The read model: the graph as typed records, for trace, audit, the site and export.

Readers never see RDF terms: ``kg.read.load`` runs the SELECT queries of docs/GRAPH.md
through the one runner (kg.queries.select_values) and returns these records, so pages,
trees and tables stay independent of the graph's shape and can be tested with records
built by hand. Value-set members (level, kind, role, mode, frequency) arrive decoded to
the model's values (kg.models), e.g. ``mass-org``, ``ad hoc``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

LEVELS = ("central", "province", "district", "commune")
LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}


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
class Document:
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
    source_read: str | None = None  # how the file was read (dkg:sourceReader, dkg:sourceEncoding)
    source_text: str | None = None  # filled on demand (ReadModel.text_of): texts can be large
    header_evidence: dict[str, Evidence] = field(default_factory=dict)  # field name -> span
    printed_as: list[str] = field(default_factory=list)  # every printing of its number, sorted

    @property
    def name(self) -> str:
        """How a terminal names it: the label, else the number, else the IRI's tail."""
        return self.label or self.number or self.iri.rsplit("/", 1)[-1]


@dataclass
class Body:
    iri: str
    name: str
    level: str | None = None
    kind: str | None = None
    place: str | None = None  # jurisdiction as a path: "Quế Phong, Nghệ An"
    place_name: str | None = None  # the jurisdiction's own name: "Quế Phong"
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
class Duty:
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
    order: int = 0  # its number within its assignment
    assignment: int = 0  # the number of its assignment within the document
    counterpart_of: list[str] = field(default_factory=list)  # parent duties it carries out
    dropped_in: list[str] = field(default_factory=list)  # child documents with no counterpart


@dataclass
class Assignment:
    doc: str
    body: str
    mode: str = "assigned"
    evidence: Evidence | None = None


@dataclass
class Report:
    iri: str
    doc: str
    reporter: str | None = None  # body IRI when the text names a known body
    reporter_text: str | None = None
    recipient: str | None = None
    recipient_text: str | None = None
    via: str | None = None
    via_text: str | None = None
    frequency: str | None = None  # annual | ... | ad hoc | review milestones (kg.models)
    due: str | None = None  # "dd/mm"
    evidence: Evidence | None = None


@dataclass
class Target:
    iri: str
    doc: str
    indicator: str
    value: str | None = None
    year: str | None = None
    owner: str | None = None  # body IRI when resolved
    owner_text: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Act:
    """A legal act a change of 2025 cites (ontology/reorg.ttl)."""

    iri: str
    number: str | None = None
    title: str | None = None
    date: str | None = None
    uncertain: bool = False  # its number or date could not be confirmed

    @property
    def name(self) -> str:
        return self.number or self.title or self.iri.rsplit("/", 1)[-1]


@dataclass
class Succession:
    """What a body became in the 2025 reorganisation (one org:ChangeEvent, kg.reorg).

    ``split``: its functions were shared among the successors, so none of them alone
    carries the body's duties and the graph does not choose one.
    """

    event: str
    body: str  # the body before the change
    date: str  # in force from (yyyy-mm-dd)
    successors: list[tuple[str, str | None]] = field(default_factory=list)  # body, functions
    acts: list[Act] = field(default_factory=list)
    split: bool = False
    uncertain: bool = False  # the rule's successor is not confirmed (ontology note)
    note: str | None = None


@dataclass
class ReadModel:
    docs: dict[str, Document] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    links: list[DocLink] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    changes: dict[str, list[Succession]] = field(default_factory=dict)  # body -> its changes
    texts: Callable[[str], str | None] | None = None  # document IRI -> its source text
    found: dict[str, list[str]] = field(default_factory=dict)  # what a loader looked up -> docs

    def text_of(self, doc: str) -> str | None:
        info = self.docs.get(doc)
        if info is not None and info.source_text is not None:
            return info.source_text
        return self.texts(doc) if self.texts else None

    # indexes, built on first use (after loading): pages are written per document and
    # per body, and scanning every duty for each of 10,000 plans would be quadratic

    @cached_property
    def duties_by_doc(self) -> dict[str, list[Duty]]:
        out: dict[str, list[Duty]] = defaultdict(list)
        for duty in self.duties:
            out[duty.doc].append(duty)
        return out

    @cached_property
    def duties_by_body(self) -> dict[str, list[Duty]]:
        out: dict[str, list[Duty]] = defaultdict(list)
        for duty in self.duties:
            out[duty.body].append(duty)
        return out

    @cached_property
    def duties_with_partner(self) -> dict[str, list[Duty]]:
        """Body -> duties of other bodies that name it as a partner."""
        out: dict[str, list[Duty]] = defaultdict(list)
        for duty in self.duties:
            for partner in set(duty.partners):
                if partner != duty.body:
                    out[partner].append(duty)
        return out

    @cached_property
    def assignments_by_doc(self) -> dict[str, list[Assignment]]:
        out: dict[str, list[Assignment]] = defaultdict(list)
        for a in self.assignments:
            out[a.doc].append(a)
        return out

    @cached_property
    def duty_by_iri(self) -> dict[str, Duty]:
        return {d.iri: d for d in self.duties}

    def duties_of_doc(self, doc: str) -> list[Duty]:
        return self.duties_by_doc.get(doc, [])

    def partners_of(self, body: str) -> dict[str, list[Duty]]:
        """Bodies that share duties with ``body`` (either names the other as partner)."""
        out: dict[str, list[Duty]] = defaultdict(list)
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
        out: dict[str, dict[str, None]] = {}  # kids in first-seen order, without repeats
        for link in self.links:
            if link.relation in ("implements", "guides") and link.cited != link.citing:
                out.setdefault(link.cited, {})[link.citing] = None
        return {parent: list(kids) for parent, kids in out.items()}

    # ------------------------------------------------------------ the 2025 reorganisation

    @cached_property
    def origins(self) -> dict[str, list[Succession]]:
        """Body -> the changes it resulted from (a successor's "formed from")."""
        out: dict[str, list[Succession]] = defaultdict(list)
        for changes in self.changes.values():
            for change in changes:
                for successor, _ in change.successors:
                    out[successor].append(change)
        return out

    def chain(self, body: str) -> list[Succession]:
        """Every change from ``body`` on, step by step (March 2025, then July 2025)."""
        out: list[Succession] = []
        todo, seen = [body], {body}
        while todo:
            current = todo.pop(0)
            for change in self.changes.get(current, []):
                out.append(change)
                for successor, _ in change.successors:
                    if successor not in seen:
                        seen.add(successor)
                        todo.append(successor)
        return out

    def carried_by_now(self, body: str) -> tuple[list[str], bool]:
        """The bodies that exist today at the end of ``body``'s chain, and whether that is
        ambiguous (functions were split on the way: all are listed, none chosen).
        A body that never changed carries its own duties: ([body], False)."""
        steps = self.chain(body)
        if not steps:
            return [body], False
        ends = []
        for change in steps:
            for successor, _ in change.successors:
                if successor not in self.changes and successor not in ends:
                    ends.append(successor)
        ambiguous = len(ends) > 1 or any(c.split for c in steps)
        return ends, ambiguous
