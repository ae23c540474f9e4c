"""The SKOS reference data (ontology/bodies.ttl, topics.ttl) as plain Python lookups.

Extraction runs on every document, so the Turtle is parsed once (rdflib) and
cached as frozen dataclasses; stages never touch RDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg import lexicon
from kg.resources import ontology_dir
from kg.vocab import DKG

__all__ = ["BodyType", "Topic", "body_types", "group_ids", "topics"]

BODIES_NS = "https://w3id.org/dkg/bodies/"
TOPICS_NS = "https://w3id.org/dkg/topics/"


@dataclass(frozen=True)
class BodyType:
    """One type of body: canonical name, printed variants and where it sits."""

    id: str  # local name in the bodies scheme, e.g. "PhongGDDT"
    pref: str  # canonical Vietnamese name without the place
    en: str | None
    labels: tuple[str, ...]  # pref + alt labels (Vietnamese)
    sector: str | None
    level: str | None  # None: exists at every level, the name takes a level word
    kind: str | None
    collective: bool
    groups: frozenset[str]  # every broader concept, transitively
    central_body: str | None = None  # a type found at every level: its body at the centre
    proper_name: bool = False  # a body only with its own name after the head ("Tổng công ty X")
    name_words: frozenset[str] = frozenset()  # lower-case words inside that name ("miền")
    qualified: bool = False  # a class of actors named with its qualifier ("Các doanh nghiệp X")
    qualifier_stops: frozenset[str] = frozenset()  # words that end that qualifier (its work)
    head_words: tuple[str, ...] = ()  # skos:hiddenLabel: head words of names of this type ("Cục")
    person_name: bool = False  # an office given work by its holder's name ("Phó Thủ tướng X")

    @property
    def generic(self) -> bool:
        """A catch-all ("các cơ quan, đơn vị"): never recorded as a named partner."""
        return "GenericAddressee" in self.groups

    @property
    def party_organ(self) -> bool:
        return "PartyCommitteeOrgan" in self.groups


@dataclass(frozen=True)
class Topic:
    id: str
    pref: str
    en: str | None
    keywords: tuple[str, ...]


def _local(uri: URIRef, ns: str) -> str:
    return str(uri)[len(ns) :]


def _vi(values) -> list[str]:
    return [str(v) for v in values if isinstance(v, Literal) and v.language == "vi"]


def _en(values) -> str | None:
    for v in values:
        if isinstance(v, Literal) and v.language == "en":
            return str(v)
    return None


@cache
def _graph(name: str) -> Graph:
    g = Graph()
    g.parse(ontology_dir() / name, format="turtle")
    return g


@cache
def body_types() -> dict[str, BodyType]:
    """Every body type in ontology/bodies.ttl, by local name."""
    g = _graph("bodies.ttl")
    out: dict[str, BodyType] = {}
    for s in set(g.subjects(SKOS.inScheme, URIRef(BODIES_NS))):
        if not str(s).startswith(BODIES_NS):
            continue
        prefs = list(g.objects(s, SKOS.prefLabel))
        vi = _vi(prefs)
        if not vi:
            continue
        groups = frozenset(_local(b, BODIES_NS) for b in g.transitive_objects(s, SKOS.broader))
        groups = groups - {_local(s, BODIES_NS)}
        level = g.value(s, DKG.level)
        kind = g.value(s, DKG.kind)
        sector = g.value(s, DKG.sector)
        coll = g.value(s, DKG.collective)
        centre = g.value(s, DKG.centralBody)
        proper = g.value(s, DKG.properName)
        person = g.value(s, DKG.personName)
        qualified = g.value(s, DKG.qualifiedClass)
        stops = {
            str(w)
            for c in g.transitive_objects(s, SKOS.broader)
            for w in g.objects(c, DKG.qualifierStop)
        }
        out[_local(s, BODIES_NS)] = BodyType(
            id=_local(s, BODIES_NS),
            pref=vi[0],
            en=_en(prefs),
            labels=tuple(vi + sorted(_vi(g.objects(s, SKOS.altLabel)))),
            sector=str(sector) if sector is not None else None,
            level=lexicon.decode(level),
            kind=lexicon.decode(kind),
            collective=bool(coll.toPython()) if coll is not None else False,
            groups=groups,
            central_body=_local(centre, BODIES_NS) if isinstance(centre, URIRef) else None,
            proper_name=bool(proper.toPython()) if proper is not None else False,
            name_words=frozenset(str(w) for w in g.objects(s, DKG.nameWord)),
            qualified=bool(qualified.toPython()) if qualified is not None else False,
            qualifier_stops=frozenset(stops),
            head_words=tuple(sorted(_vi(g.objects(s, SKOS.hiddenLabel)))),
            person_name=bool(person.toPython()) if person is not None else False,
        )
    return out


@cache
def collection(name: str) -> frozenset[str]:
    """The body types a skos:Collection of ontology/bodies.ttl lists ("project-owners")."""
    g = _graph("bodies.ttl")
    members = frozenset(
        _local(m, BODIES_NS) for m in g.objects(URIRef(BODIES_NS + name), SKOS.member)
    )
    if not members:
        raise KeyError(f"ontology/bodies.ttl has no collection bodies:{name}")
    return members


@cache
def filed_under(type_id: str) -> frozenset[str]:
    """The groups a body type is filed under directly (its skos:broader, not their own)."""
    g = _graph("bodies.ttl")
    return frozenset(
        _local(b, BODIES_NS) for b in g.objects(URIRef(BODIES_NS + type_id), SKOS.broader)
    )


def group_ids() -> set[str]:
    """Concepts used only to group types (top concepts and their sub-groups)."""
    types = body_types()
    return {g for t in types.values() for g in t.groups}


@cache
def topics() -> dict[str, Topic]:
    """Every topic in ontology/topics.ttl, by local name."""
    g = _graph("topics.ttl")
    out: dict[str, Topic] = {}
    for s in set(g.subjects(SKOS.inScheme, URIRef(TOPICS_NS))):
        prefs = list(g.objects(s, SKOS.prefLabel))
        vi = _vi(prefs)
        if not vi:
            continue
        out[_local(s, TOPICS_NS)] = Topic(
            id=_local(s, TOPICS_NS),
            pref=vi[0],
            en=_en(prefs),
            keywords=tuple(sorted(_vi(g.objects(s, SKOS.altLabel)))),
        )
    return out
