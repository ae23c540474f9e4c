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

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.rdf import _DKG, _FALSE, _ORG, _PROV, _RDF, _RDFS, _SKOS, _TRUE, _XSD, IRIs
from kg.resolve import PlaceKey, kebab
from kg.resources import adminunits_table
from kg.resources import ontology_dir as default_ontology_dir
from kg.store import Store
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


@lru_cache(maxsize=1 << 14)
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
    legacy = adminunits_table("parser_legacy.json")
    modern = adminunits_table("parser_from_2025.json")
    conv = adminunits_table("converter_2025.json")
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


def _raw(store) -> ox.Store:
    return store.raw if isinstance(store, Store) else store


def _objects(raw: ox.Store, predicate, skip: frozenset, obj=None) -> dict[str, list]:
    """subject IRI -> the objects of ``predicate`` (one pattern scan; blank subjects and
    the graphs in ``skip`` left out)."""
    out: dict[str, list] = {}
    for q in raw.quads_for_pattern(None, predicate, obj, None):
        if q.graph_name in skip or not isinstance(q.subject, ox.NamedNode):
            continue
        out.setdefault(q.subject.value, []).append(q.object)
    return out


def _true(values: list) -> bool:
    """An xsd:boolean property is true ("true" or "1"; compared as a literal, not as text)."""
    return any(
        isinstance(v, ox.Literal) and v.datatype == _XSD.boolean and v.value in ("true", "1")
        for v in values
    )


def _first(values: list | None) -> str | None:
    """One value of a property, the same whichever order the store gives them in."""
    return min(v.value for v in values) if values else None


def _place(p1: str, plevel: str, p2: str | None, p3: str | None) -> PlaceKey | None:
    level = plevel.rsplit("#", 1)[-1]
    if level == "Province":
        return PlaceKey(p1)
    if level == "District" and p2:
        return PlaceKey(p2, p1)
    if level == "Commune" and p2:
        return PlaceKey(p3 or p2, p2 if p3 else None, p1)
    return None


def graph_nodes(store, skip: Iterable[str] = ()) -> dict[str, Node]:
    """The store's bodies the rules can apply to (typed, with a place or central). A
    central body (a ministry) has no place: PlaceKey(). A collective ("UBND các xã") is
    left out: it names many bodies, none of which a rule can map it to alone (its
    ``dkg:collective`` is an xsd:boolean, read as one). Read with pattern scans and lookups,
    not a SPARQL join: on a national store that join took seconds.
    ``skip``: graphs not to read (the last build's graph/reorg, kept for the diff)."""
    raw = _raw(store)
    skipped = frozenset(ox.NamedNode(g) for g in skip)

    def values(s: ox.NamedNode, p: ox.NamedNode) -> list:
        return [
            q.object for q in raw.quads_for_pattern(s, p, None, None) if q.graph_name not in skipped
        ]

    bodies = _objects(raw, _RDF.type, skipped, _DKG.Body)
    types = _objects(raw, _DKG.bodyType, skipped)
    juris = _objects(raw, _DKG.jurisdiction, skipped)
    collective = {b for b, vs in _objects(raw, _DKG.collective, skipped).items() if _true(vs)}
    places: dict[str, tuple] = {}

    def place_facts(iri: str) -> tuple:
        """(label, level, broader places with a label) of a place, looked up once."""
        found = places.get(iri)
        if found is None:
            node = ox.NamedNode(iri)
            ups = [u.value for u in values(node, _SKOS.broader) if isinstance(u, ox.NamedNode)]
            found = places[iri] = (
                _first(values(node, _RDFS.label)),
                _first(values(node, _DKG.level)),
                sorted(u for u in ups if _first(values(ox.NamedNode(u), _RDFS.label))),
            )
        return found

    def up(place: str | None) -> str | None:
        return place_facts(place)[2][0] if place and place_facts(place)[2] else None

    out = {}
    for b in sorted(bodies):
        btype = _first(types.get(b))
        if btype is None or b in collective:
            continue
        place = None
        where = [
            j.value
            for j in juris.get(b, ())
            if isinstance(j, ox.NamedNode) and None not in place_facts(j.value)[:2]
        ]
        if where:
            j = min(where)
            up1 = up(j)
            up2 = up(up1)
            label, level, _ = place_facts(j)
            place = _place(
                label,
                level,
                place_facts(up1)[0] if up1 else None,
                place_facts(up2)[0] if up2 else None,
            )
        if place is None and (_first(values(ox.NamedNode(b), _DKG.level)) or "").endswith(
            "#Central"
        ):
            place = PlaceKey()
        if place is not None and btype:
            out[b] = Node(btype, place)
    return out


class _Emitter:
    """Mints successor bodies, places and events once each, under one base."""

    def __init__(self, base: str, rules: Rules, table: Units, existing: set[str]):
        self.iris, self.rules, self.table = IRIs(base), rules, table
        self.graph = ox.NamedNode(str(self.iris.reorg_graph))
        self.existing = set(existing)
        self.places: set[str] = set()
        self.events: set[str] = set()
        self.new_types = {t for t in rules.labels if t not in _bodies_ttl_types()}
        self._iris: dict[Node, ox.NamedNode] = {}

    def body_iri(self, node: Node) -> ox.NamedNode:
        iri = self._iris.get(node)
        if iri is None:
            t = node.type
            local = t[len(str(BODIES)) :] if t.startswith(str(BODIES)) else t
            iri = ox.NamedNode(str(self.iris.body((kebab(local), *node.place.path))))
            self._iris[node] = iri
        return iri

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

    def body(self, node: Node, since: str | None) -> Iterator[ox.Quad]:
        iri = self.body_iri(node)
        if iri.value in self.existing:
            return
        self.existing.add(iri.value)
        g, q = self.graph, ox.Quad
        yield q(iri, _RDF.type, _ORG.Organization, g)
        yield q(iri, _RDF.type, _DKG.Body, g)
        yield q(iri, _RDFS.label, ox.Literal(self.label(node), language="vi"), g)
        yield q(iri, _DKG.bodyType, ox.NamedNode(node.type), g)
        level = node.place.level or self.rules.levels.get(node.type) or "province"
        yield q(iri, _DKG.level, getattr(_DKG, level.capitalize()), g)
        yield q(iri, _DKG.kind, _DKG.State, g)
        if since and (node.place.commune or node.type in self.new_types):
            yield q(iri, _PROV.generatedAtTime, _when(since), g)
        if node.place.level is not None:  # a ministry has no jurisdiction of its own
            yield q(iri, _DKG.jurisdiction, self.place_iri(node.place), g)
            yield from self.place(node.place)

    def place_iri(self, key: PlaceKey) -> ox.NamedNode:
        return ox.NamedNode(str(self.iris.place(key)))

    def place(self, key: PlaceKey) -> Iterator[ox.Quad]:
        iri = self.place_iri(key)
        if iri.value in self.places or iri.value in self.existing:
            return
        self.places.add(iri.value)
        g, q = self.graph, ox.Quad
        yield q(iri, _RDF.type, _DKG.AdminUnit, g)
        yield q(iri, _RDFS.label, ox.Literal(key.commune or key.province or ""), g)
        yield q(iri, _SKOS.inScheme, ox.NamedNode(str(self.iris.place_scheme)), g)
        yield q(iri, _DKG.level, _DKG.Commune if key.commune else _DKG.Province, g)
        if key.commune:
            up = PlaceKey(key.province)
            yield q(iri, _SKOS.broader, self.place_iri(up), g)
            yield from self.place(up)

    def change(self, original: ox.NamedNode, change: Change) -> Iterator[ox.Quad]:
        g, q = self.graph, ox.Quad
        ev = ox.NamedNode(str(self.iris.change_event(original.value, change.date)))
        if ev.value in self.events:
            return
        self.events.add(ev.value)
        yield q(ev, _RDF.type, _ORG.ChangeEvent, g)
        yield q(ev, _ORG.originalOrganization, original, g)
        yield q(original, _ORG.changedBy, ev, g)
        yield q(ev, _DKG.effectiveDate, ox.Literal(change.date, datatype=_XSD.date), g)
        yield q(ev, _PROV.endedAtTime, _when(change.date), g)
        yield q(ev, _DKG.splitOfFunctions, _TRUE if change.split else _FALSE, g)
        if change.note == "uncertain":
            yield q(ev, _DKG.uncertain, _TRUE, g)
        elif change.note:
            yield q(ev, _SKOS.note, ox.Literal(change.note, language="en"), g)
        for act in change.acts:
            yield q(ev, _DKG.legalBasis, ox.NamedNode(act), g)
        names = []
        for i, (node, functions) in enumerate(change.results, 1):
            new = self.body_iri(node)
            names.append(self.display(node))
            yield from self.body(node, change.date)
            yield q(ev, _ORG.resultingOrganization, new, g)
            yield q(new, _ORG.resultedFrom, ev, g)
            if functions:
                gen = ox.NamedNode(f"{ev.value}/result/{i}")
                yield q(new, _PROV.qualifiedGeneration, gen, g)
                yield q(gen, _RDF.type, _PROV.Generation, g)
                yield q(gen, _PROV.activity, ev, g)
                yield q(gen, _DKG.functions, ox.Literal(functions, language="vi"), g)
        label = (
            f"{'Chia tách' if change.split else 'Sắp xếp'} ({_day_vi(change.date)}): "
            + "; ".join(names)
        )
        yield q(ev, _RDFS.label, ox.Literal(label, language="vi"), g)


def _when(day: str) -> ox.Literal:
    return ox.Literal(f"{day}T00:00:00+07:00", datatype=_XSD.dateTime)


def _day_vi(day: str) -> str:
    y, m, d = day.split("-")
    return f"{d}/{m}/{y}"


@lru_cache(maxsize=1)
def _bodies_ttl_types() -> frozenset[str]:
    g = Graph().parse(Path(default_ontology_dir()) / "bodies.ttl")
    return frozenset(str(c) for c in g.subjects(RDF.type, SKOS.Concept))


# the predicates graph_nodes reads (with rdf:type for dkg:Body and dkg:AdminUnit); in a
# build they come only from graph/shared and the reference graphs: a source graph (kg.rdf)
# labels the bodies it names (graph_nodes reads labels of places only) and types, levels
# and labels its own document, which is no body
_READ = tuple(
    f"<{p.value}>".encode()
    for p in (
        _RDF.type,
        _RDFS.label,
        _DKG.bodyType,
        _DKG.jurisdiction,
        _DKG.collective,
        _DKG.level,
        _SKOS.broader,
    )
)


def shared_key(shared_lines: list[bytes], build_digest: str) -> str:
    """What graph/reorg is a function of in a build, from graph/shared's sorted N-Quads lines
    (kg.build has them) instead of reading the store (``ReorgInputs``: seconds at national
    scale): its lines with a predicate graph_nodes reads, and ``build_digest`` (the code,
    the ontology the reference graphs come from, and the base). The same key, the same
    bodies and places, so the same graph/reorg; adding a plan seldom changes them."""
    h = hashlib.sha256(b"reorg:" + build_digest.encode())
    for line in shared_lines:
        if _read(line):
            h.update(line)
    return h.hexdigest()


def _read(line: bytes) -> bool:
    """An N-Quads line whose predicate graph_nodes reads (no IRI or blank node label
    holds a space: the predicate is the second field)."""
    return line.split(b" ", 2)[1] in _READ


def inputs_of_lines(lines: Iterable[bytes], base: str) -> ReorgInputs:
    """``ReorgInputs`` from N-Quads lines instead of the store: in a build the bodies and
    places graph_nodes reads are graph/shared's and the reference graphs' (see ``_READ``),
    whose lines kg.build has, so the lines it reads go to a small store in memory. The
    national store's pattern scans took 3.4 s of graph/reorg's 12.8 at 1,000 plans
    under load (from the lines: 0.8 s, the same nodes and graph), and they ran beside
    the full build's compaction of that store."""
    kept = [line for line in lines if _read(line)]
    mem = ox.Store()
    if kept:
        mem.bulk_extend(ox.parse(b"".join(kept), format=ox.RdfFormat.N_QUADS))
    return ReorgInputs(mem, base)


def reorg_quads(
    store, base: str, skip: Iterable[str] = (), inputs: ReorgInputs | None = None
) -> Iterator[ox.Quad]:
    """Change events for every body of ``store`` the 2025 rules reach (graph/reorg);
    ``skip``: graphs of the store not to read (kg.build keeps the last graph/reorg);
    ``inputs``: what the caller already read of the store for them."""
    return (inputs or ReorgInputs(store, base, skip)).quads()


class ReorgInputs:
    """What graph/reorg is computed from: the store's bodies the rules apply to and the
    IRIs already in the store (a successor or place already there is not minted again)."""

    def __init__(self, store, base: str, skip: Iterable[str] = ()) -> None:
        skip = list(skip)
        self.rules, self.table = load_rules(), units()
        self.nodes = graph_nodes(store, skip)
        skipped = frozenset(ox.NamedNode(g) for g in skip)
        places = _objects(_raw(store), _RDF.type, skipped, _DKG.AdminUnit)
        self.existing = set(self.nodes) | set(places)
        self.base = base

    def digest(self) -> str:
        """What ``quads`` is a function of (with the rules, in the build's code digest): the
        same digest, the same graph/reorg (kg.build then keeps the last build's)."""
        h = hashlib.sha256(self.base.encode())
        h.update(repr(sorted(self.nodes.items())).encode())
        h.update(repr(sorted(self.existing)).encode())
        return h.hexdigest()

    def quads(self) -> Iterator[ox.Quad]:
        rules, table, nodes = self.rules, self.table, self.nodes
        em = _Emitter(self.base, rules, table, self.existing)
        for iri in sorted(nodes):
            node = nodes[iri]
            for change in _changes(node, rules, table):
                if change.original == node:
                    original = ox.NamedNode(iri)
                else:
                    original = em.body_iri(change.original)
                yield from em.change(original, change)


_CHANGES: dict[tuple[int, int, Node], list[Change]] = {}


def _changes(node: Node, rules: Rules, table: Units) -> list[Change]:
    """``changes_of``, once per node type and place in a process (the same in every plan)."""
    key = (id(rules), id(table), node)
    found = _CHANGES.get(key)
    if found is None:
        if len(_CHANGES) > 1 << 18:
            _CHANGES.clear()
        found = _CHANGES[key] = changes_of(node, rules, table)
    return found
