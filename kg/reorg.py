"""Bodies that follow the 2025 reorganisation: successor links as W3C ORG change events.

Since 1 March 2025 ministries and the agencies of provinces and districts were merged
or split; since 1 July 2025 the district level is gone, 63 provinces became 34 and the
communes were merged. Plans written before that hand duties to bodies that no longer
exist. ontology/reorg.ttl states the changes as rules on body types, with the acts that
made them; this module applies them, at build time, to the bodies of the graph:

    <old> org:changedBy <event> .
    <event> a org:ChangeEvent ; org:originalOrganization <old> ;
        org:resultingOrganization <new> ... ; dkg:legalBasis <act> ... ;
        prov:endedAtTime "2025-07-01T00:00:00"^^xsd:dateTime ; dkg:splitOfFunctions true .
    <new> org:resultedFrom <event> ; prov:generatedAtTime ... (bodies made by the change).

Changes chain (a district office merged in March, then its district was abolished in
July): who carries a duty now is the end of the chain (a body with no org:changedBy).
Where functions were split among several successors every one is listed, with the
functions it took, never one chosen. The old -> new units come from the
vietnamadminunits package's bundled tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.queries import select_values
from kg.rdf import IRIs
from kg.resolve import PlaceKey, kebab
from kg.resources import ontology_dir as default_ontology_dir
from kg.text import fold
from kg.vocab import BODIES, DKG

REORG = "https://w3id.org/dkg/reorg/"
DISTRICT_RULE = URIRef(REORG + "district-level")
PROVINCE_RULE = URIRef(REORG + "province-merger")
LEVEL_WORD = {"province": "tỉnh", "commune": "xã", "ward": "phường", "district": "huyện"}


# ---------------------------------------------------------------- the rules


@dataclass(frozen=True, order=True)
class Share:
    to_type: str  # body type IRI
    functions: str | None = None


@dataclass(frozen=True)
class Rule:
    iri: str
    from_types: frozenset[str]
    shares: tuple[Share, ...]
    acts: tuple[str, ...]
    date: str  # xsd:date
    split: bool
    note: str | None = None


@dataclass(frozen=True)
class DistrictEntry:
    from_type: str
    commune_type: str
    ward_type: str | None
    province_type: str | None
    uncertain: bool = False


@dataclass
class Rules:
    by_type: dict[str, Rule] = field(default_factory=dict)  # wave 1, per body type
    district: dict[str, DistrictEntry] = field(default_factory=dict)  # wave 2, per type
    district_acts: tuple[str, ...] = ()
    district_date: str = "2025-07-01"
    province_acts: tuple[str, ...] = ()
    province_date: str = "2025-07-01"
    labels: dict[str, str] = field(default_factory=dict)  # body type -> prefLabel@vi
    levels: dict[str, str] = field(default_factory=dict)  # body type -> level local name


def _vi(g: Graph, s, p) -> str | None:
    values = list(g.objects(s, p))
    for v in values:
        if getattr(v, "language", None) == "vi":
            return str(v)
    return str(values[0]) if values else None


@lru_cache(maxsize=2)
def load_rules(ontology_dir: str | None = None) -> Rules:
    """ontology/reorg.ttl (and the body types' labels from bodies.ttl)."""
    folder = Path(ontology_dir or default_ontology_dir())
    g = Graph().parse(folder / "reorg.ttl")
    types = Graph().parse(folder / "bodies.ttl") + g
    rules = Rules()
    for c in types.subjects(RDF.type, SKOS.Concept):
        label = _vi(types, c, SKOS.prefLabel)
        if label:
            rules.labels[str(c)] = label
        level = types.value(c, DKG.level)
        if level is not None:
            rules.levels[str(c)] = str(level).rsplit("#", 1)[-1].lower()
    for r in g.subjects(RDF.type, DKG.SuccessionRule):
        acts = tuple(sorted(str(a) for a in g.objects(r, DKG.legalBasis)))
        date = str(g.value(r, DKG.effectiveDate))
        split = bool(g.value(r, DKG.splitOfFunctions).toPython())
        if r == DISTRICT_RULE:
            rules.district_acts, rules.district_date = acts, date
            for m in g.objects(r, DKG.mapping):
                entry = DistrictEntry(
                    str(g.value(m, DKG.fromType)),
                    str(g.value(m, DKG.communeType)),
                    _str(g.value(m, DKG.wardType)),
                    _str(g.value(m, DKG.provinceType)),
                    bool(g.value(m, DKG.uncertain)),
                )
                rules.district[entry.from_type] = entry
            continue
        if r == PROVINCE_RULE:
            rules.province_acts, rules.province_date = acts, date
            continue
        shares = tuple(
            sorted(
                (Share(str(g.value(s, DKG.toType)), _str(g.value(s, DKG.functions))))
                for s in g.objects(r, DKG.share)
            )
        )
        rule = Rule(
            str(r),
            frozenset(str(t) for t in g.objects(r, DKG.fromType)),
            shares,
            acts,
            date,
            split,
            _str(g.value(r, SKOS.note)),
        )
        for t in rule.from_types:
            rules.by_type[t] = rule
    return rules


def _str(v) -> str | None:
    return None if v is None else str(v)


# ---------------------------------------------------------------- the units (vietnamadminunits)


@dataclass(frozen=True)
class NewUnit:
    province: str  # short name after 2025 ("Nghệ An", "Hải Phòng")
    commune: str | None = None  # "Tri Lễ"
    ward: bool = False  # a phường (its offices are named differently)


def _load(name: str) -> dict:
    path = resources.files("vietnamadminunits") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _key(name: str) -> str:
    return "".join(fold(name).split())


@dataclass(frozen=True)
class Units:
    province_after: dict[str, str]  # old province key(short) -> new province short name
    district_communes: dict[tuple[str, str], tuple[NewUnit, ...]]  # (prov, district) keys
    province_names: dict[str, str]  # new province key(short) -> full name ("Thành phố Huế")


@lru_cache(maxsize=1)
def units() -> Units:
    """The package's old -> new tables, keyed by folded short names."""
    legacy, modern = _load("parser_legacy.json"), _load("parser_from_2025.json")
    conv = _load("converter_2025.json")
    old_short = {k: v["provinceShort"] for k, v in legacy["DICT_PROVINCE"].items()}
    new_short = {k: v["provinceShort"] for k, v in modern["DICT_PROVINCE"].items()}
    province_after = {}
    for new, olds in conv["DICT_PROVINCE"].items():
        for old in olds:
            province_after[_key(old_short[old])] = new_short[new]
    district_short = {
        (pk, dk): info["districtShort"]
        for pk, dists in legacy["DICT_PROVINCE_DISTRICT"].items()
        for dk, info in dists.items()
    }
    found: dict[tuple[str, str], set[NewUnit]] = {}

    def add(new_pk: str, ward_key: str, old_full: str) -> None:
        pk, dk = old_full.split("_")[:2]
        info = modern["DICT_PROVINCE_WARD_NO_ACCENTED"].get(new_pk, {}).get(ward_key)
        if info is None or (pk, dk) not in district_short:
            return
        unit = NewUnit(new_short[new_pk], info["wardShort"], info["wardType"] == "Phường")
        key = (_key(old_short[pk]), _key(district_short[(pk, dk)]))
        found.setdefault(key, set()).add(unit)

    for new_pk, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, olds in wards.items():
            for old_full in olds:
                add(new_pk, ward_key, old_full)
    for new_pk, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_full, news in olds.items():
            for n in news:
                add(new_pk, n["newWardKey"], old_full)
    communes = {k: tuple(sorted(v, key=lambda u: fold(u.commune or ""))) for k, v in found.items()}
    full = {_key(v["provinceShort"]): v["province"] for v in modern["DICT_PROVINCE"].values()}
    return Units(province_after, communes, full)


# ---------------------------------------------------------------- applying the rules


@dataclass(frozen=True)
class Node:
    """A body as the rules see it: its type and where it sits."""

    type: str
    place: PlaceKey
    ward: bool = False


@dataclass
class Change:
    original: Node
    results: list[tuple[Node, str | None]]  # successor and the functions it took
    acts: tuple[str, ...]
    date: str
    split: bool
    note: str | None = None


def changes_of(node: Node, rules: Rules, table: Units) -> list[Change]:
    """The chain of changes starting at ``node`` (wave 1, then wave 2 for every result)."""
    out: list[Change] = []
    first = _wave1(node, rules)
    stage = [node]
    if first is not None:
        out.append(first)
        stage = [n for n, _ in first.results]
    for n in stage:
        second = _wave2(n, rules, table)
        if second is not None:
            out.append(second)
    return out


def _wave1(node: Node, rules: Rules) -> Change | None:
    rule = rules.by_type.get(node.type)
    if rule is None:
        return None
    results = [(Node(s.to_type, node.place), s.functions) for s in rule.shares]
    return Change(node, results, rule.acts, rule.date, rule.split, rule.note)


def _wave2(node: Node, rules: Rules, table: Units) -> Change | None:
    place = node.place
    if place.province is None:
        return None
    new_province = table.province_after.get(_key(place.province))
    if place.district and place.commune is None:
        entry = rules.district.get(node.type)
        communes = table.district_communes.get((_key(place.province), _key(place.district)))
        if entry is None or not communes:
            return None
        results: list[tuple[Node, str | None]] = []
        for unit in communes:
            kind = entry.ward_type if unit.ward and entry.ward_type else entry.commune_type
            results.append(
                (Node(kind, PlaceKey(unit.province, None, unit.commune), unit.ward), None)
            )
        if entry.province_type:
            prov = new_province or place.province
            results.append((Node(entry.province_type, PlaceKey(prov)), None))
        note = "uncertain" if entry.uncertain else None
        return Change(node, results, rules.district_acts, rules.district_date, True, note)
    if place.district is None and place.commune is None and new_province:
        if _key(new_province) == _key(place.province):
            return None  # the province kept its name: the same bodies go on
        if rules.levels.get(node.type) not in (None, "province"):
            return None
        successor = Node(node.type, PlaceKey(new_province))
        return Change(node, [(successor, None)], rules.province_acts, rules.province_date, False)
    return None


# ---------------------------------------------------------------- RDF (graph/reorg)

Q_BODIES = """
SELECT ?b ?type ?collective ?level ?label ?plevel ?p1 ?p2 ?p3 WHERE {
  ?b a dkg:Body ; dkg:bodyType ?type .
  OPTIONAL { ?b rdfs:label ?label }
  OPTIONAL { ?b dkg:collective ?collective }
  OPTIONAL { ?b dkg:level ?level }
  OPTIONAL {
    ?b dkg:jurisdiction ?place . ?place rdfs:label ?p1 ; dkg:level ?plevel .
    OPTIONAL { ?place skos:broader ?up . ?up rdfs:label ?p2 .
      OPTIONAL { ?up skos:broader ?up2 . ?up2 rdfs:label ?p3 } }
  }
}"""


def _place(row: dict) -> PlaceKey | None:
    level = (row.get("plevel") or "").rsplit("#", 1)[-1]
    if level == "Province":
        return PlaceKey(row["p1"])
    if level == "District" and row.get("p2"):
        return PlaceKey(row["p2"], row["p1"])
    if level == "Commune" and row.get("p2"):
        return PlaceKey(row["p3"] or row["p2"], row["p2"] if row["p3"] else None, row["p1"])
    return None


def graph_nodes(store) -> dict[str, Node]:
    """The store's bodies the rules can apply to (typed, with a place or central, not
    collectives). A central body (a ministry) has no place: PlaceKey()."""
    out = {}
    for row in select_values(store, Q_BODIES):
        if row["b"] in out or row.get("collective") == "true":
            continue
        place = _place(row)
        if place is None and str(row.get("level") or "").endswith("#Central"):
            place = PlaceKey()
        if place is not None and row["type"]:
            out[row["b"]] = Node(row["type"], place)
    return out


class _Emitter:
    """Mints successor bodies, places and events once each, under one base."""

    def __init__(self, base: str, rules: Rules, table: Units, existing: set[str]):
        self.iris, self.rules, self.table = IRIs(base), rules, table
        self.graph = self.iris.reorg_graph
        self.existing = set(existing)
        self.places: set[str] = set()
        self.events: set[str] = set()
        self.new_types = {t for t in rules.labels if t not in _bodies_ttl_types()}

    def body_iri(self, node: Node) -> URIRef:
        local = node.type[len(str(BODIES)) :] if node.type.startswith(str(BODIES)) else node.type
        return self.iris.body((kebab(local), *node.place.path))

    def label(self, node: Node) -> str:
        name = self.rules.labels.get(node.type, node.type.rsplit("/", 1)[-1])
        if self.rules.levels.get(node.type):
            return name
        if node.place.commune:
            return f"{name} {'phường' if node.ward else 'xã'} {node.place.commune}"
        full = self.table.province_names.get(_key(node.place.province or ""))
        return f"{name} {full[0].lower() + full[1:]}" if full else name

    def display(self, node: Node) -> str:
        """The label with its place, for event labels: 'Phòng Văn hóa - Xã hội (xã Tri Lễ)'."""
        label = self.label(node)
        if not self.rules.levels.get(node.type):
            return label
        p = node.place
        if p.commune:
            return f"{label} ({'phường' if node.ward else 'xã'} {p.commune})"
        if p.district:
            return f"{label} (huyện {p.district}, {p.province})"
        return f"{label} ({p.province})" if p.province else label

    def body(self, node: Node, since: str | None) -> Iterator[tuple]:
        iri = self.body_iri(node)
        if str(iri) in self.existing:
            return
        self.existing.add(str(iri))
        g = self.graph
        yield (iri, RDF.type, ORG.Organization, g)
        yield (iri, RDF.type, DKG.Body, g)
        yield (iri, RDFS.label, Literal(self.label(node), lang="vi"), g)
        yield (iri, DKG.bodyType, URIRef(node.type), g)
        level = node.place.level or self.rules.levels.get(node.type) or "province"
        yield (iri, DKG.level, DKG[level.capitalize()], g)
        yield (iri, DKG.kind, DKG.State, g)
        if since and (node.place.commune or node.type in self.new_types):
            yield (iri, PROV.generatedAtTime, _when(since), g)
        if node.place.level is not None:  # a ministry has no jurisdiction of its own
            yield (iri, DKG.jurisdiction, self.iris.place(node.place), g)
            yield from self.place(node.place)

    def place(self, key: PlaceKey) -> Iterator[tuple]:
        iri = self.iris.place(key)
        if str(iri) in self.places or str(iri) in self.existing:
            return
        self.places.add(str(iri))
        g = self.graph
        yield (iri, RDF.type, DKG.AdminUnit, g)
        yield (iri, RDFS.label, Literal(key.commune or key.province or ""), g)
        yield (iri, SKOS.inScheme, self.iris.place_scheme, g)
        yield (iri, DKG.level, DKG.Commune if key.commune else DKG.Province, g)
        if key.commune:
            up = PlaceKey(key.province)
            yield (iri, SKOS.broader, self.iris.place(up), g)
            yield from self.place(up)

    def change(self, original: URIRef, change: Change) -> Iterator[tuple]:
        g = self.graph
        ev = self.iris.change_event(str(original), change.date)
        if str(ev) in self.events:
            return
        self.events.add(str(ev))
        yield (ev, RDF.type, ORG.ChangeEvent, g)
        yield (ev, ORG.originalOrganization, original, g)
        yield (original, ORG.changedBy, ev, g)
        yield (ev, DKG.effectiveDate, Literal(change.date, datatype=XSD.date), g)
        yield (ev, PROV.endedAtTime, _when(change.date), g)
        yield (ev, DKG.splitOfFunctions, Literal(change.split), g)
        if change.note == "uncertain":
            yield (ev, DKG.uncertain, Literal(True), g)
        elif change.note:
            yield (ev, SKOS.note, Literal(change.note, lang="en"), g)
        for act in change.acts:
            yield (ev, DKG.legalBasis, URIRef(act), g)
        names = []
        for i, (node, functions) in enumerate(change.results, 1):
            new = self.body_iri(node)
            names.append(self.display(node))
            yield from self.body(node, change.date)
            yield (ev, ORG.resultingOrganization, new, g)
            yield (new, ORG.resultedFrom, ev, g)
            if functions:
                gen = URIRef(f"{ev}/result/{i}")
                yield (new, PROV.qualifiedGeneration, gen, g)
                yield (gen, RDF.type, PROV.Generation, g)
                yield (gen, PROV.activity, ev, g)
                yield (gen, DKG.functions, Literal(functions, lang="vi"), g)
        label = (
            f"{'Chia tách' if change.split else 'Sắp xếp'} ({_day_vi(change.date)}): "
            + "; ".join(names)
        )
        yield (ev, RDFS.label, Literal(label, lang="vi"), g)


def _when(day: str) -> Literal:
    return Literal(f"{day}T00:00:00+07:00", datatype=XSD.dateTime)


def _day_vi(day: str) -> str:
    y, m, d = day.split("-")
    return f"{d}/{m}/{y}"


@lru_cache(maxsize=1)
def _bodies_ttl_types() -> frozenset[str]:
    g = Graph().parse(Path(default_ontology_dir()) / "bodies.ttl")
    return frozenset(str(c) for c in g.subjects(RDF.type, SKOS.Concept))


def reorg_quads(store, base: str) -> Iterator[tuple]:
    """Change events for every body of ``store`` the 2025 rules reach (graph/reorg)."""
    rules, table = load_rules(), units()
    nodes = graph_nodes(store)
    places = {r["p"] for r in select_values(store, "SELECT ?p WHERE { ?p a dkg:AdminUnit }")}
    em = _Emitter(base, rules, table, set(nodes) | places)
    for iri in sorted(nodes):
        node = nodes[iri]
        chain = changes_of(node, rules, table)
        for change in chain:
            original = URIRef(iri) if change.original == node else em.body_iri(change.original)
            yield from em.change(original, change)
