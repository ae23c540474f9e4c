"""Namespaces: the reused vocabularies and our own, declared so typos fail.

Our own terms exist only where ELI, W3C ORG, PROV-O, Web Annotation, SKOS and
Dublin Core have none. ``DKG.Dutty`` raises AttributeError instead of minting
a silent new IRI. ontology/dkg.ttl defines every term listed here (a test
checks both directions).
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

BODIES = Namespace("https://w3id.org/dkg/bodies/")  # SKOS body types (ontology/bodies.ttl)
TOPICS = Namespace("https://w3id.org/dkg/topics/")  # SKOS topics (ontology/topics.ttl)
DOCTYPES = Namespace(
    "https://w3id.org/dkg/doctypes/"
)  # SKOS document types (ontology/doctypes.ttl)

DKG_NS = "https://w3id.org/dkg/ns#"
DEFAULT_BASE = "https://w3id.org/dkg/id/"


class DKG(DefinedNamespace):
    """The dkg ontology (ontology/dkg.ttl)."""

    _NS = Namespace(DKG_NS)
    _fail = True

    # classes
    Document: object  # a directive, decision, plan... (subclass of eli:LegalResource)
    Body: object  # an issuing or responsible body (subclass of org:Organization)
    AdminUnit: object  # a province, district or commune
    Assignment: object  # one body's share of a document's organisation part
    Duty: object  # one duty item handed to one body
    ReportingObligation: object
    Target: object  # a numeric target
    Reference: object  # one printed mention of a document in another
    Evidence: object  # an oa:SpecificResource pointing into a source text
    Finding: object  # an audit finding
    RecipientLine: object  # one line of the Nơi nhận list
    Source: object  # a source text (prov:Entity) that evidence points into
    Role: object
    Mode: object
    Frequency: object
    Level: object
    Kind: object

    # individuals
    Lead: object
    Support: object
    Participant: object
    Assigned: object
    Requested: object
    Annual: object
    Semiannual: object
    Quarterly: object
    Monthly: object
    Periodic: object
    AdHoc: object
    ReviewMilestone: object
    Central: object
    Province: object
    District: object
    Commune: object
    Party: object
    State: object
    MassOrganisation: object

    # documents
    date: object  # the date as precisely as known: xsd:date | xsd:gYearMonth | xsd:gYear
    issuerText: object  # the issuer in full, as the record gives it
    signatureMode: object  # "TM.", "KT.", "T/M"
    ingested: object  # xsd:boolean: the text is in the corpus (false: only cited)
    sourceFile: object  # file name of the source text
    sourceText: object  # the original text, on the source node
    subject: object  # trích yếu
    signer: object
    signerTitle: object
    level: object  # -> dkg:Level
    kind: object  # -> dkg:Kind
    cascadesFrom: object  # transitive: implements / guides, directly or through others
    guidanceFor: object  # a Hướng dẫn -> the document whose implementation it guides
    printedAs: object  # a number as printed, one per printing variant
    proposedBy: object  # Xét đề nghị: the submission behind the document

    # references
    citingDocument: object
    citedDocument: object
    relation: object  # literal: implements | based_on | proposal | cites
    short: object  # xsd:boolean: a short mention ("Chỉ thị số 28") resolved to a full one
    statedType: object  # what the citing text says the cited document is
    statedDate: object
    statedIssuer: object
    implementsRank: object  # position in the citing document's implements list

    # bodies
    bodyType: object  # -> skos:Concept in the bodies scheme
    sector: object
    jurisdiction: object  # -> dkg:AdminUnit
    collective: object  # xsd:boolean: "các sở, ngành" and the like
    centralBody: object  # body type -> the type of that body at the centre (bodies.ttl)
    properName: object  # xsd:boolean: a type that is a body only with a proper name
    nameWord: object  # a lower-case word allowed inside such a proper name
    personName: object  # xsd:boolean: an office given work by its holder's name
    qualifiedClass: object  # xsd:boolean: a class of actors named with its qualifier
    qualifierStop: object  # a word where that qualifier stops (the work given)
    asWritten: object

    # assignments and duties
    assignment: object  # document -> assignment
    body: object  # assignment -> body
    mode: object  # -> dkg:Mode
    duty: object  # assignment -> duty
    responsibleBody: object  # duty -> body
    role: object  # -> dkg:Role
    text: object  # the duty's text as printed
    section: object  # "IV.1"
    topic: object  # -> skos:Concept in the topics scheme
    partner: object  # duty -> body named as partner
    deadline: object
    inDocument: object  # duty/obligation/target/finding -> document
    counterpartOf: object  # child duty -> parent duty it carries out (lineage)
    droppedIn: object  # parent duty -> child document that has no counterpart
    successorOrSelf: object  # body -> itself and every body it became (graph/derived)
    cascadeAncestor: object  # document -> what it cascades from, directly or not (derived)
    carriedNowBy: object  # changed body -> a body at the end of its chain (derived)
    functionsSplit: object  # changed body -> whether a step of its chain split functions
    TopicLevelTally: object  # duties on one topic at one level, counted (graph/derived)
    tallyTopic: object  # tally -> the topic
    tallyLevel: object  # tally -> the level of the documents handing the duties out
    dutyCount: object  # tally -> xsd:integer
    bodyCount: object  # tally -> xsd:integer
    documentCount: object  # tally -> xsd:integer
    LeadlessTally: object  # a body's duties in a document that names it lead for none
    tallyDocument: object  # tally -> the document
    tallyBody: object  # tally -> the body

    # reporting
    reporter: object
    recipient: object
    via: object
    frequency: object  # -> dkg:Frequency
    frequencyDetail: object  # the "(...)" of "ad hoc (...)"
    dueDate: object  # xsd:gMonthDay
    reporterText: object
    recipientText: object
    viaText: object
    recipientBody: object  # recipient line -> a body it names

    # targets
    indicator: object
    targetValue: object
    targetYear: object
    owner: object
    ownerText: object

    # evidence and findings
    order: object  # position of an item in its list as printed
    checksum: object  # sha256 of the source file
    sourceReader: object  # which reader made the text (kg.readers): text, html, docx, pdf, ocr...
    sourceEncoding: object  # the detected character encoding of a text source
    message: object  # a finding's explanation
    evidence: object  # any fact -> dkg:Evidence
    forProperty: object  # evidence -> the property it supports (header facts)
    findingKind: object
    recipientLine: object  # document -> a Nơi nhận line as printed

    # the 2025 reorganisation (ontology/reorg.ttl; instances use W3C ORG change events)
    SuccessionRule: object  # which body types became which, by which act, from when
    fromType: object  # rule -> body type it applies to
    toType: object  # share -> body type that took the share
    share: object  # rule -> one successor's share of the functions
    functions: object  # the functions a share carries, as the act words them
    splitOfFunctions: object  # xsd:boolean: several successors each took a part
    legalBasis: object  # rule or change event -> the act that made the change
    effectiveDate: object  # xsd:date the change took effect
    mapping: object  # the district rule -> one entry per district office type
    communeType: object  # district entry -> the commune body type that took the work
    wardType: object  # district entry -> the ward body type, when it differs
    provinceType: object  # district entry -> the province department of the same field
    uncertain: object  # xsd:boolean: not checked against the official text


__all__ = [
    "BODIES",
    "DOCTYPES",
    "TOPICS",
    "DCTERMS",
    "DEFAULT_BASE",
    "DKG",
    "DKG_NS",
    "ELI",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "SPARQL_PREFIXES",
    "XSD",
]

# The prefixes every dkg SPARQL query may use (kg.store passes them to pyoxigraph;
# text sent elsewhere starts with SPARQL_PREFIXES).
PREFIXES: dict[str, str] = {
    "dkg": DKG_NS,
    "body": str(BODIES),
    "topic": str(TOPICS),
    "dtype": str(DOCTYPES),
    "eli": str(ELI),
    "org": str(ORG),
    "prov": str(PROV),
    "oa": str(OA),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
