"""Typed records exchanged between pipeline stages.

source -> text -> structure -> facts -> resolve -> RDF. Each stage takes and
returns these dataclasses; no stage passes RDF to another, and only ``kg.rdf``
knows IRIs. Every fact carries a ``Span``: character offsets into the
*original* decoded text of its source, so any triple can be traced back to the
sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Level = Literal["central", "province", "district", "commune"]
Kind = Literal["party", "state", "mass-org"]
Role = Literal["lead", "support", "participant"]
Mode = Literal["assigned", "requested"]
Relation = Literal["implements", "based_on", "proposal", "cites"]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open [start, end) character offsets into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------- sources / text


@dataclass(frozen=True)
class Segment:
    """A run [start, end) of the read text and where a person finds it in the original file.

    ``where`` is what a reader of the original would look for ("page 2", "paragraph 14",
    "table 1, row 3, cell 2"); ``offset`` is the character offset of the run's start in the
    original when the original is itself text (an HTML page), else None.
    """

    start: int
    end: int
    where: str
    offset: int | None = None


@dataclass
class SourceText:
    """A read source file: the text as read (decoded, or laid out from a document format),
    before any clean-up. Spans of facts are offsets into ``text``; ``segments`` map them
    back to the original file (empty for plain text, where the text is the original).
    """

    path: Path
    name: str  # the path as the user gave it (what the JSON record's "file" shows)
    text: str
    encoding: str  # the detected character encoding ("utf-8", "tcvn3", ...; "" when binary)
    sha256: str
    reader: str = "text"  # which reader produced the text: text, html, docx, doc, pdf, ocr
    segments: list[Segment] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # what the reader cannot vouch for


@dataclass
class CleanText:
    """NFC-normalised, de-noised text with a map back to the original.

    ``offsets[i]`` is the original offset of clean character ``i``;
    ``offsets[len(text)]`` is ``len(original)`` so end offsets map too.
    """

    source: SourceText
    text: str
    offsets: list[int]

    def to_original(self, start: int, end: int) -> Span:
        """Map a clean-text [start, end) to a span of the original text."""
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return Span(o_start, max(o_start, o_end))


# ---------------------------------------------------------------- structure


NodeKind = Literal["part", "article", "item", "point", "bullet", "paragraph", "table_row"]


@dataclass
class Node:
    """One structural unit of the body: a part (I.), article (Điều 1), item (1.),
    point (a)), bullet (-, +, •), unnumbered paragraph or flattened table row.

    Nesting (kg.structure): part > article > item (4.1 under 4; "1)" under "1.")
    > point > bullet ("+" under "-"); paragraphs and table rows are leaves of the
    deepest open node, so an unbulleted paragraph after a bullet is that bullet's
    child. An appendix ("PHỤ LỤC ...") or a document attached after the signature
    is a top-level part whose marker is "PHỤ LỤC"/"Phụ lục II" or the attached
    type ("KẾ HOẠCH"). The closing "Trên đây là ..." paragraph is top-level.
    """

    kind: NodeKind
    marker: str  # "II", "4.1", "a", "-", "" for paragraphs
    title: str  # the line's text after the marker (heading or first sentence), clean text
    text: str  # full text of the node itself without children, clean text
    span: Span  # original offsets of the node itself (marker + own text)
    clean_start: int = 0  # offsets into CleanText.text, for stages working on clean text
    clean_end: int = 0
    children: list[Node] = field(default_factory=list)
    # clean offset where ``text`` begins (after the marker). For every kind but
    # table_row, text[i] == clean.text[text_start + i] with "\n"/"\t" shown as " ",
    # so a match inside ``text`` maps back with CleanText.to_original(text_start + i, ...).
    # table_row text is its cells joined by " | " (the span still covers the row).
    text_start: int = 0

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class HeaderLine:
    """A line of the header or closing block, with its role once recognised."""

    # issuer, number, place_date, doc_type, subject, motto, signature_mode, signer_title, signer, recipient ...
    role: str
    text: str
    span: Span


@dataclass
class Structure:
    """The document cut into header, opening, body and closing."""

    clean: CleanText
    header: list[HeaderLine] = field(default_factory=list)
    opening: list[Node] = field(default_factory=list)  # Thực hiện / Căn cứ / Xét đề nghị paragraphs
    body: list[Node] = field(default_factory=list)
    closing: list[HeaderLine] = field(default_factory=list)  # Nơi nhận list, signature block


# ---------------------------------------------------------------- facts


@dataclass
class DocRef:
    """A mention of another document in the text."""

    type: str | None  # "Chỉ thị", "Quyết định", ...
    number: str | None  # as printed, spacing normalised: "28-CT/TW", "06/QĐ-TTG"
    key: str | None  # identity key: canonical form used to merge printing variants
    date: str | None  # ISO, as precise as known
    issuer: str | None
    relation: Relation
    span: Span
    short: bool = False  # "Chỉ thị 28" resolved to a full mention in the same text
    title: str | None = None  # what the text says the document is about
    # keys this cited doc itself implements, per the text
    implements: list[str] = field(default_factory=list)
    # the printed issuer matched to bodies.ttl (kg.extract.named), the level and place
    # (province, district, commune) its name implies; None: the citing document's place
    issuer_body: BodyMention | None = None
    issuer_level: Level | None = None
    issuer_place: tuple[str | None, str | None, str | None] | None = None


@dataclass
class AdminUnit:
    name: str  # "Quế Phong"
    level: Level
    province: str | None = None
    code: str | None = None


@dataclass
class DocumentFacts:
    type: str | None = None
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_level: Level | None = None
    issuer_kind: Kind | None = None
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    signature_mode: str | None = None  # "TM.", "KT.", "T/M"
    subject: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)  # field name -> evidence
    # the issuer matched to bodies.ttl (kg.resolve keys bodies by it)
    issuer_body: BodyMention | None = None


@dataclass
class BodyMention:
    """A body as named in the text, matched to the reference data."""

    as_written: str
    name: str  # canonical name without the place: "Phòng Giáo dục và Đào tạo"
    span: Span
    type_id: str | None = None  # SKOS concept local name in ontology/bodies.ttl, e.g. "PhongGDDT"
    sector: str | None = None
    level: Level | None = None
    kind: Kind | None = None
    collective: bool = False  # "các sở, ngành", "UBND các xã, thị trấn"
    jurisdiction: AdminUnit | None = None


@dataclass
class Duty:
    text: str
    span: Span
    role: Role = "participant"
    partners: list[BodyMention] = field(default_factory=list)
    deadline: str | None = None  # ISO date or free text as printed
    topics: list[str] = field(default_factory=list)  # SKOS concept local names in topics.ttl
    section: str | None = None  # "IV.1"


@dataclass
class Assignment:
    body: BodyMention
    mode: Mode
    duties: list[Duty] = field(default_factory=list)
    span: Span | None = None  # the heading / sentence naming the body

    @property
    def leads(self) -> bool:
        return any(d.role == "lead" for d in self.duties)


@dataclass
class Reporting:
    by: str | None
    to: str | None
    via: str | None
    # annual | semiannual | quarterly | monthly | periodic | ad hoc (...) | review milestones (...)
    frequency: str | None
    deadline: str | None  # "dd/mm"
    span: Span
    # the bodies named as reporting, receiving and passing the report on (matched mentions)
    by_bodies: list[BodyMention] = field(default_factory=list)
    to_bodies: list[BodyMention] = field(default_factory=list)
    via_bodies: list[BodyMention] = field(default_factory=list)


@dataclass
class Target:
    text: str
    value: str
    year: int | None
    owner: str | None
    span: Span


@dataclass
class Finding:
    """Something an auditor should see: a duplicated passage, a blank number..."""

    kind: str
    message: str
    span: Span | None = None


@dataclass
class LineageLink:
    """A parent document's duty and its counterpart in a child plan (kg.lineage → kg.rdf).

    Documents are ResolvedDocument keys, duties their number in their document (1, 2, ...
    in reading order, as kg.rdf numbers them); ``child_duty`` None means the duty was
    dropped in ``child_doc``. kg.rdf turns them into IRIs.
    """

    parent_doc: str
    parent_duty: int
    child_doc: str
    child_duty: int | None = None
    score: float | None = None


@dataclass
class Recipient:
    text: str
    span: Span
    bodies: list[BodyMention] = field(default_factory=list)  # the bodies the line names


@dataclass
class DocumentRecord:
    """Everything extracted from one source file."""

    source: SourceText
    document: DocumentFacts
    implements: list[DocRef] = field(default_factory=list)
    references: list[DocRef] = field(default_factory=list)  # every mention, all relations
    assignments: list[Assignment] = field(default_factory=list)
    reporting: list[Reporting] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    structure: Structure | None = None

    @property
    def cites(self) -> list[DocRef]:
        """Mentions of documents other than those implemented (gold's "cites")."""
        implemented = {r.key for r in self.implements}
        return [r for r in self.references if r.key not in implemented and not r.short]
