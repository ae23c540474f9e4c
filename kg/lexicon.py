"""The lexicon: document types, unit words and value sets, read once from ontology/.

Every stage that needs to know what "Kế hoạch", "QĐi", "thị trấn" or dkg:AdHoc means
asks here; no module keeps its own table. The data lives in ontology/ as SKOS:

- doctypes.ttl: document types (prefLabel = the type a record gives; altLabel = longer
  type lines naming the same type; notation = codes printed inside numbers);
- units.ttl: unit and level words (with their dkg:level) and the Party committee words;
- organs.ttl: the organ words an issuer block opens with ("ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ");
- phrases.ttl: phrases the duty readers recognise (the verbs opening a task, the words of the
  problems clause);
- dkg.ttl: the value sets (dkg:Level, dkg:Kind, dkg:Role, dkg:Mode, dkg:Frequency),
  whose skos:notation is the value the models use ("mass-org", "ad hoc").

Both directions are given (value -> IRI for kg.rdf, IRI -> value for every reader),
plus the regex alternations the extractors build their patterns from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.resources import ontology_dir
from kg.text import fold, normalize_key
from kg.vocab import DKG, DOCTYPES

__all__ = [
    "DocType",
    "UnitWord",
    "VALUE_SETS",
    "code_key",
    "committee_words",
    "decode",
    "doc_type_of_code",
    "doc_type_of_line",
    "doc_types",
    "doctype_iri",
    "encode",
    "generic_type",
    "head_titles",
    "is_title_prefix",
    "is_title_qualifier",
    "is_type_line",
    "office_title_at",
    "office_title_prefix",
    "office_titles",
    "title_prefixes",
    "organ_words",
    "phrase_alternation",
    "name_abbreviations",
    "printed_abbreviations",
    "phrases",
    "canonical_type",
    "city_words",
    "type_alternation",
    "type_labels",
    "unit_alternation",
    "unit_words",
    "values",
    "where_words",
]

UNITS_NS = "https://w3id.org/dkg/units/"
VALUE_SETS = {
    "level": DKG.Level,
    "kind": DKG.Kind,
    "role": DKG.Role,
    "mode": DKG.Mode,
    "frequency": DKG.Frequency,
}


@cache
def _graph(name: str) -> Graph:
    g = Graph()
    g.parse(ontology_dir() / name, format="turtle")
    return g


def _vi(values) -> list[str]:
    return sorted(str(v) for v in values if isinstance(v, Literal) and v.language == "vi")


def _en(values) -> str | None:
    return next((str(v) for v in values if isinstance(v, Literal) and v.language == "en"), None)


# ---------------------------------------------------------------- value sets


@cache
def _value_sets() -> dict[str, dict[str, URIRef]]:
    g = _graph("dkg.ttl")
    out: dict[str, dict[str, URIRef]] = {}
    for name, cls in VALUE_SETS.items():
        table: dict[str, URIRef] = {}
        for s in sorted(g.subjects(RDF.type, cls)):
            notation = g.value(s, SKOS.notation)
            if isinstance(s, URIRef) and notation is not None:
                table[str(notation)] = s
        out[name] = table
    return out


@cache
def _decoded() -> dict[str, str]:
    return {str(iri): v for table in _value_sets().values() for v, iri in table.items()}


def values(value_set: str) -> dict[str, URIRef]:
    """value -> IRI of one value set ("level", "kind", "role", "mode", "frequency")."""
    return dict(_value_sets()[value_set])


def encode(value_set: str, value: str | None) -> URIRef | None:
    """The IRI of a model value ("mass-org" -> dkg:MassOrganisation); None if unknown."""
    return _value_sets()[value_set].get(value) if value else None


def decode(iri: str | URIRef | None) -> str | None:
    """The model value of a value-set IRI (dkg:AdHoc -> "ad hoc"); None if not one."""
    return _decoded().get(str(iri)) if iri else None


@cache
def _labels_vi() -> dict[str, str]:
    g = _graph("dkg.ttl")
    return {
        str(iri): (_vi(g.objects(iri, RDFS.label)) or [value])[0]
        for table in _value_sets().values()
        for value, iri in table.items()
    }


def label_vi(value_set: str, value: str | None) -> str | None:
    """How pages and calendars name a model value in Vietnamese ("ad hoc" -> "đột xuất"),
    from the ontology's rdfs:label; None for a value the set does not have."""
    iri = encode(value_set, value)
    return _labels_vi().get(str(iri)) if iri is not None else None


# ---------------------------------------------------------------- document types


@dataclass(frozen=True)
class DocType:
    """One document type: the label records use, the type lines and codes that mean it."""

    iri: URIRef
    label: str  # "Kế hoạch"
    en: str | None
    variants: tuple[str, ...]  # longer type lines: "Kế hoạch hành động"
    codes: tuple[str, ...]  # as printed in numbers: "KH"
    cited_only: bool  # "Văn bản": names a cited document, never a header's type line


@cache
def doc_types() -> tuple[DocType, ...]:
    """Every type of ontology/doctypes.ttl, in label order."""
    g = _graph("doctypes.ttl")
    cited = set(g.objects(None, SKOS.member))
    out = []
    for s in set(g.subjects(SKOS.inScheme, URIRef(str(DOCTYPES)))):
        prefs = list(g.objects(s, SKOS.prefLabel))
        vi = _vi(prefs)
        if not vi or not isinstance(s, URIRef):
            continue
        out.append(
            DocType(
                iri=s,
                label=vi[0],
                en=_en(prefs),
                variants=tuple(_vi(g.objects(s, SKOS.altLabel))),
                codes=tuple(sorted(str(n) for n in g.objects(s, SKOS.notation))),
                cited_only=s in cited,
            )
        )
    return tuple(sorted(out, key=lambda t: t.label))


def code_key(code: str) -> str:
    """A type code folded as numbers are compared: upper case, Đ as D ("QĐi" -> "QDI")."""
    return unicodedata.normalize("NFC", code).upper().replace("Đ", "D")


@cache
def _by_code() -> dict[str, DocType]:
    out: dict[str, DocType] = {}
    for t in doc_types():
        for c in t.codes:
            other = out.setdefault(code_key(c), t)
            if other is not t:
                raise ValueError(f"doctypes.ttl: code {c!r} is both {other.label} and {t.label}")
    return out


@cache
def _by_line() -> dict[str, DocType]:
    """normalize_key of every label and variant -> its type."""
    out: dict[str, DocType] = {}
    for t in doc_types():
        for name in (t.label, *t.variants):
            out[normalize_key(name)] = t
    return out


@cache
def _iri_by_label() -> dict[str, URIRef]:
    return {fold(t.label): t.iri for t in doc_types()}


def type_labels(*, cited: bool = False) -> tuple[str, ...]:
    """Every label and variant, longest first (for alternations); ``cited`` adds "Văn bản"."""
    names = {n for t in doc_types() if cited or not t.cited_only for n in (t.label, *t.variants)}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def type_alternation(*, cited: bool = False) -> str:
    """A regex alternation of the type names; a line break may split their words."""
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in type_labels(cited=cited))


def is_type_line(text: str) -> bool:
    """The whole line is a type name ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG")."""
    t = _by_line().get(normalize_key(text))
    return t is not None and not t.cited_only


def doc_type_of_line(text: str) -> str | None:
    """The type a type line states, also when more words follow ("KẾ HOẠCH Triển khai ...")."""
    key = normalize_key(text.rstrip("."))
    for name in type_labels():
        low = normalize_key(name)
        if key == low or key.startswith(low + " "):
            return _by_line()[low].label
    return None


def canonical_type(printed: str) -> str:
    """The record label of a printed type ("thông báo kết luận" -> "Thông báo")."""
    t = _by_line().get(normalize_key(printed))
    return t.label if t else " ".join(printed.split())


def generic_type(label: str) -> bool:
    """A word a citation uses for any type ("văn bản"): the number's code says more."""
    t = _by_line().get(normalize_key(label))
    return t is not None and t.cited_only


def doc_type_of_code(code: str) -> str | None:
    """The type a code in a number stands for ("QĐi" -> "Quy định")."""
    t = _by_code().get(code_key(code))
    return t.label if t else None


def doctype_iri(label: str) -> URIRef | None:
    """The concept of a type label (diacritics and case ignored); None if not in the data."""
    return _iri_by_label().get(fold(label))


# ---------------------------------------------------------------- unit words


@dataclass(frozen=True)
class UnitWord:
    """A word naming a unit or a level ("huyện"), or a unit's Party committee ("Huyện ủy")."""

    label: str  # as printed in running text: "thành phố", "Huyện ủy"
    variants: tuple[str, ...]  # abbreviations: "tp"
    level: str | None  # the level it implies: "district"
    unit: str | None = None  # for a committee: the unit word it governs ("huyện")
    is_unit: bool = True  # False for pure level words ("trung ương", "khu vực")


@cache
def _units() -> tuple[tuple[UnitWord, ...], tuple[UnitWord, ...]]:
    g = _graph("units.ttl")
    committees = set(g.objects(URIRef(UNITS_NS + "committees"), SKOS.member))
    level_only = set(g.objects(URIRef(UNITS_NS + "level-words"), SKOS.member))
    words: list[UnitWord] = []
    bosses: list[UnitWord] = []
    for s in set(g.subjects(SKOS.inScheme, URIRef(UNITS_NS))):
        vi = _vi(g.objects(s, SKOS.prefLabel))
        if not vi:
            continue
        alt = tuple(_vi(g.objects(s, SKOS.altLabel)))
        if s in committees:
            unit = g.value(s, SKOS.related)
            uw = _vi(g.objects(unit, SKOS.prefLabel))[0] if unit is not None else None
            lvl = decode(g.value(unit, DKG.level)) if unit is not None else None
            bosses.append(UnitWord(vi[0], alt, lvl, uw))
        else:
            level = decode(g.value(s, DKG.level))
            words.append(UnitWord(vi[0], alt, level, is_unit=s not in level_only))
    key = lambda w: (-len(w.label), w.label)  # noqa: E731 - longest first for alternations
    return tuple(sorted(words, key=key)), tuple(sorted(bosses, key=key))


@cache
def youth_committee_levels() -> tuple[tuple[str, str], ...]:
    """(folded name, folded unit word) of each Youth Union committee whose name says its
    unit's level ("tinh doan", "tinh"; ontology/units.ttl, units:youth-committees), longest
    first."""
    g = _graph("units.ttl")
    out = set()
    for m in g.objects(URIRef(UNITS_NS + "youth-committees"), SKOS.member):
        unit = g.value(m, SKOS.related)
        for name in _vi(g.objects(m, SKOS.prefLabel)):
            for word in _vi(g.objects(unit, SKOS.prefLabel)) if unit is not None else ():
                out.add((fold(name).lower(), fold(word).lower()))
    if not out:
        raise KeyError("ontology/units.ttl has no units:youth-committees")
    return tuple(sorted(out, key=lambda p: (-len(p[0]), p[0])))


@cache
def where_words() -> tuple[str, ...]:
    """Words that say where a collective's units lie ("ven biển", "miền núi", "Tây Nguyên";
    ontology/units.ttl, units:where-words), longest first."""
    g = _graph("units.ttl")
    members = g.objects(URIRef(UNITS_NS + "where-words"), SKOS.member)
    labels = {label for m in members for label in _vi(g.objects(m, SKOS.prefLabel))}
    return tuple(sorted(labels, key=lambda w: (-len(w), w)))


PHRASES_NS = "https://w3id.org/dkg/phrases/"


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The phrases of one class of ontology/phrases.ttl ("item-work": the verbs that open a
    task), as printed, longest first."""
    g = _graph("phrases.ttl")
    labels = _vi(g.objects(URIRef(PHRASES_NS + name), SKOS.altLabel))
    if not labels:
        raise KeyError(f"ontology/phrases.ttl has no phrases:{name}")
    return tuple(sorted(labels, key=lambda w: (-len(w), w)))


def phrase_alternation(name: str, *, printed: bool = False) -> str:
    """A regex alternation of the folded phrases of one class ("khó khăn" -> ``kho\\s+khan``),
    longest first, for readers that match folded text; ``printed`` keeps their marks and case
    as printed, for readers that match printed text (case aside)."""
    words = phrases(name) if printed else {fold(w).lower() for w in phrases(name)}
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


@cache
def enacting_words() -> dict[str, str]:
    """normalize_key of the word an enacting line prints ("quyết nghị") -> the type of the
    document it enacts ("Nghị quyết"; ontology/phrases.ttl, phrases:enacting-words)."""
    g = _graph("phrases.ttl")
    out: dict[str, str] = {}
    for concept in g.objects(URIRef(PHRASES_NS + "enacting-words"), SKOS.member):
        for doc_type in _vi(g.objects(concept, SKOS.prefLabel)):
            for word in _vi(g.objects(concept, SKOS.altLabel)):
                out[normalize_key(word)] = doc_type
    if not out:
        raise KeyError("ontology/phrases.ttl has no phrases:enacting-words")
    return out


@cache
def _abbreviation_pairs() -> tuple[tuple[str, str], ...]:
    """(words in full, their abbreviation) pairs as printed (ontology/phrases.ttl, the members
    of phrases:name-abbreviations: prefLabel and altLabel), in the order the graph gives."""
    g = _graph("phrases.ttl")
    pairs = [
        (full, short)
        for concept in g.objects(URIRef(PHRASES_NS + "name-abbreviations"), SKOS.member)
        for full in _vi(g.objects(concept, SKOS.prefLabel))
        for short in _vi(g.objects(concept, SKOS.altLabel))
    ]
    if not pairs:
        raise KeyError("ontology/phrases.ttl has no phrases:name-abbreviations")
    return tuple(pairs)


@cache
def name_abbreviations() -> tuple[tuple[str, str], ...]:
    """(words in full, their abbreviation) pairs, both folded and lower-case ("uy ban nhan
    dan", "ubnd"): the words drafters print abbreviated inside body names, in a fixed order."""
    return tuple(sorted({(fold(f).lower(), fold(s).lower()) for f, s in _abbreviation_pairs()}))


@cache
def printed_abbreviations() -> dict[str, str]:
    """Each abbreviation as printed inside a body name ("KH&CN") -> the words in full as a
    name prints them ("Khoa học và Công nghệ"): the same pairs ``name_abbreviations`` folds."""
    return {
        unicodedata.normalize("NFC", short): unicodedata.normalize("NFC", full)
        for full, short in _abbreviation_pairs()
    }


@cache
def city_words() -> frozenset[str]:
    """Unit words, folded with their abbreviations, that name a centrally-run city beside
    "tỉnh" ("cấp tỉnh, thành phố"; ontology/units.ttl, units:city-words)."""
    g = _graph("units.ttl")
    members = g.objects(URIRef(UNITS_NS + "city-words"), SKOS.member)
    labels = (
        x for m in members for p in (SKOS.prefLabel, SKOS.altLabel) for x in _vi(g.objects(m, p))
    )
    return frozenset(fold(x) for x in labels)


@cache
def province_words() -> frozenset[str]:
    """Unit words, folded with their abbreviations, that a collective of provinces is printed
    with ("các tỉnh", "các tỉnh, thành phố"): the province's own word (dkg:level province in
    ontology/units.ttl) and the words of a centrally-run city beside it (units:city-words)."""
    own = {fold(x) for w in unit_words() if w.level == "province" for x in (w.label, *w.variants)}
    return frozenset(own) | city_words()


def unit_words(*, levels: bool = True) -> tuple[UnitWord, ...]:
    """Unit words, longest first; ``levels=False`` leaves out pure level words (trung ương,
    khu vực), keeping only the words of administrative units."""
    words = _units()[0]
    if levels:
        return words
    return tuple(w for w in words if w.is_unit)


def committee_words() -> tuple[UnitWord, ...]:
    """Party committees of a unit ("Tỉnh ủy" of a tỉnh), longest first."""
    return _units()[1]


def unit_alternation(*, folded: bool = False, abbreviations: bool = False) -> str:
    """A regex alternation of the administrative-unit words, longest first ("thị trấn|...").

    ``folded`` gives them without diacritics (for matching on kg.text.fold keys).
    """
    names: list[str] = []
    for w in unit_words(levels=False):
        names.append(w.label)
        if abbreviations:
            names.extend(w.variants)
    if folded:
        names = [fold(n) for n in names]
    names = sorted(set(names), key=lambda n: (-len(n), n))
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)


# ---------------------------------------------------------------- organ words

ORGANS_NS = "https://w3id.org/dkg/organs/"


@dataclass(frozen=True)
class OrganWord:
    """An organ an issuer block names ("ỦY BAN NHÂN DÂN"), as one printed form of it."""

    key: str  # normalize_key of the printed form: "ubnd"
    label: str  # the organ's name as a record gives it: "Ủy ban nhân dân"
    central: bool  # a central body named as such ("Bộ Chính trị"): no unit follows it


@cache
def organ_words() -> tuple[OrganWord, ...]:
    """Every printed form of every organ word (ontology/organs.ttl), longest first, so that
    the first one a line opens with is the longest ("ban tuyên giáo và dân vận")."""
    g = _graph("organs.ttl")
    central = set(g.objects(URIRef(ORGANS_NS + "central"), SKOS.member))
    out: set[OrganWord] = set()
    for s in set(g.subjects(SKOS.inScheme, URIRef(ORGANS_NS))):
        vi = _vi(g.objects(s, SKOS.prefLabel))
        if not vi:
            continue
        for name in (vi[0], *_vi(g.objects(s, SKOS.altLabel))):
            out.add(OrganWord(normalize_key(name), vi[0], s in central))
    return tuple(sorted(out, key=lambda w: (-len(w.key), w.key)))


@cache
def local_state_organs() -> tuple[str, ...]:
    """The organs of local state power a unit has ("Hội đồng nhân dân", "Ủy ban nhân dân";
    ontology/organs.ttl, organs:local-state), as a record names them, in label order."""
    g = _graph("organs.ttl")
    members = g.objects(URIRef(ORGANS_NS + "local-state"), SKOS.member)
    labels = sorted(x for m in members for x in _vi(g.objects(m, SKOS.prefLabel))[:1])
    if not labels:
        raise KeyError("ontology/organs.ttl has no organs:local-state")
    return tuple(labels)


# ---------------------------------------------------------------- office titles

TITLES_NS = "https://w3id.org/dkg/titles/"


@cache
def office_titles() -> tuple[tuple[str, str], ...]:
    """(normalize_key, label) of every office title a signature prints (ontology/titles.ttl),
    longest first: "Phó Chủ tịch" is "Phó" + "Chủ tịch"."""
    g = _graph("titles.ttl")
    out: set[tuple[str, str]] = set()
    for s in set(g.subjects(SKOS.inScheme, URIRef(TITLES_NS))):
        vi = _vi(g.objects(s, SKOS.prefLabel))
        if not vi:
            continue
        for name in (vi[0], *_vi(g.objects(s, SKOS.altLabel))):
            out.add((normalize_key(name), vi[0]))
    return tuple(sorted(out, key=lambda kv: (-len(kv[0]), kv[0])))


def office_title_at(text: str) -> str | None:
    """The office title ``text`` opens with, as printed in the data ("PHÓ CHỦ TỊCH UBND" ->
    "Phó"); None when it opens with other words ("NHÂN DÂN", "BAN")."""
    key = normalize_key(text)
    for low, label in office_titles():
        if key == low or key.startswith(low + " ") or key.startswith(low + ","):
            return label
    return None


def office_title_prefix(text: str) -> bool:
    """Is ``text`` the first words of an office title, the rest wrapped away ("THỨ")?"""
    key = normalize_key(text).rstrip(" ,")
    return bool(key) and any(low.startswith(key + " ") for low, _ in office_titles())


@cache
def _qualifiers() -> frozenset[str]:
    g = _graph("titles.ttl")
    return frozenset(
        _vi(g.objects(s, SKOS.prefLabel))[0]
        for s in g.objects(URIRef(TITLES_NS + "qualifiers"), SKOS.member)
    )


def is_title_qualifier(label: str) -> bool:
    """A word that qualifies the title before it ("Phó Chủ tịch" + "Thường trực") rather
    than naming an office of its own (ontology/titles.ttl, titles:qualifiers)."""
    return label in _qualifiers()


def is_title_prefix(label: str) -> bool:
    """A title that only opens another ("Phó" of "Phó Chủ tịch"; titles:prefixes)."""
    g = _graph("titles.ttl")
    members = g.objects(URIRef(TITLES_NS + "prefixes"), SKOS.member)
    return any(label in _vi(g.objects(m, SKOS.prefLabel)) for m in members)


def _title_names(collection: str) -> tuple[str, ...]:
    """Every printed name (pref and alt labels) of the members of titles:<collection> in
    ontology/titles.ttl, longest first (so a regex alternation tries the longest)."""
    g = _graph("titles.ttl")
    out = {
        name
        for m in g.objects(URIRef(TITLES_NS + collection), SKOS.member)
        for name in (*_vi(g.objects(m, SKOS.prefLabel)), *_vi(g.objects(m, SKOS.altLabel)))
    }
    return tuple(sorted(out, key=lambda n: (-len(n), n)))


@cache
def head_titles() -> tuple[str, ...]:
    """The titles that name a body by its head in a list of bodies ("Giám đốc các Sở",
    "Chủ tịch Ủy ban nhân dân các xã"; ontology/titles.ttl, titles:heads), longest first."""
    return _title_names("heads")


@cache
def party_head_titles() -> tuple[str, ...]:
    """The titles of the head of a unit's Party committee ("Bí thư"; ontology/titles.ttl,
    titles:party-heads), longest first."""
    return _title_names("party-heads")


@cache
def ranks() -> tuple[str, ...]:
    """The military and police ranks an armed force's signature prints before the signer's
    name ("Thượng tướng"; ontology/titles.ttl, titles:ranks), longest first."""
    return _title_names("ranks")


def title_prefixes() -> tuple[str, ...]:
    """The words that only open a title ("Phó"; titles:prefixes)."""
    g = _graph("titles.ttl")
    members = g.objects(URIRef(TITLES_NS + "prefixes"), SKOS.member)
    return tuple(sorted(label for m in members for label in _vi(g.objects(m, SKOS.prefLabel))))
