"""Cross-document identity: which mentions name the same document, body or place.

Runs between extraction and RDF. Extraction resolves what one text says about
itself ("Chỉ thị số 28" → 28-CT/TW); this stage merges across texts:

- documents: a number is keyed by its normalised form (separators, case, dash
  variants). Numbers whose issuer code is local (UBND, HĐND, TU, …) are reused by
  every province, so their key is qualified by the issuer's place. A number
  printed without its year ("06/QĐ-TTG" of 03/01/2019) takes the year from its
  date and then matches "06/2019/QĐ-TTg"; two printings with the same full date
  are one document even when one year is a typo. Documents without a number are
  keyed by issuer + type + date + a hash of the subject.
- bodies: one body per body type (or canonical name when unmatched) × jurisdiction.
- places: provinces, districts and communes by name, as a path.

Dataclasses in, dataclasses out; no IRIs here (kg.rdf makes them from the keys).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from kg import body_keys
from kg.models import BodyMention, DocRef, DocumentRecord, Level
from kg.numbers import NumberParts, parse_number, type_from_number
from kg.placechain import chain_places
from kg.refdata import BodyType, body_types
from kg.resolve_numbers import date_clusters, number_parts, year_of
from kg.text import fold

LEVELS: tuple[Level, ...] = ("central", "province", "district", "commune")


# ---------------------------------------------------------------- text helpers


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """ASCII, lower case, hyphen-separated: readable IRI segments (names repeat a lot:
    the same body and place names in every plan, hence the cache)."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s or "x"


def kebab(type_id: str) -> str:
    """``PhongGDDT`` → ``phong-gddt``: body-type ids as IRI segments."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", type_id)
    return slug(s)


# ---------------------------------------------------------------- places


@dataclass(frozen=True, order=True)
class PlaceKey:
    """(province, district, commune) names; None where unknown or above the level."""

    province: str | None = None
    district: str | None = None
    commune: str | None = None

    @property
    def level(self) -> Level | None:
        if self.commune:
            return "commune"
        if self.district:
            return "district"
        if self.province:
            return "province"
        return None

    @property
    def path(self) -> tuple[str, ...]:
        """IRI path segments; "-" for an unknown parent."""
        return _place_path(self.province, self.district, self.commune)

    def truncate(self, level: Level | None) -> PlaceKey:
        """The unit at ``level`` (or above, when that is all we know)."""
        if level == "central":
            return PlaceKey()
        if level == "province":
            return PlaceKey(self.province)
        if level == "district":
            return PlaceKey(self.province, self.district)
        return self

    def parent(self) -> PlaceKey | None:
        if self.commune and (self.province or self.district):
            return PlaceKey(self.province, self.district)
        if self.district and self.province:
            return PlaceKey(self.province)
        return None

    @property
    def name(self) -> str:
        return self.commune or self.district or self.province or ""

    def key_parts(self) -> tuple[str | None, str | None, str | None]:
        return (self.province, self.district, self.commune)


@lru_cache(maxsize=1 << 16)
def _place_path(*names: str | None) -> tuple[str, ...]:
    """PlaceKey.path, once per place: asked once per mention, for the same few thousand
    places (a cached_property cost more, since every mention makes a new PlaceKey)."""
    parts = list(names)
    while parts and parts[-1] is None:
        parts.pop()
    return tuple(slug(p) if p else "-" for p in parts)


# ---------------------------------------------------------------- resolved records


@dataclass
class ResolvedPlace:
    key: PlaceKey
    name: str
    level: Level


@dataclass
class ResolvedBody:
    key: str  # "phong-gddt@nghe-an/que-phong"
    segments: tuple[str, ...]  # IRI path: ("phong-gddt", "nghe-an", "que-phong")
    name: str
    type_id: str | None = None
    sector: str | None = None
    level: Level | None = None
    kind: str | None = None
    collective: bool = False
    place: PlaceKey | None = None
    parent: str | None = None  # ResolvedBody.key of the body it is part of (Phòng -> UBND huyện)


@dataclass
class ResolvedDocument:
    """One document across the corpus: ingested, or only cited."""

    key: str  # number key ("28-CT/TW", "64/KH-UBND@binh-phuoc") or "nonum:..."
    segment: str  # IRI segment
    ingested: bool = False
    number: str | None = None  # the number as printed (own header, else the fullest printing)
    printed: list[str] = field(default_factory=list)  # every printed form, sorted
    type: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_body: str | None = None  # ResolvedBody.key
    level: Level | None = None
    kind: str | None = None
    place: PlaceKey | None = None
    subject: str | None = None
    source_index: int | None = None  # index into ResolvedCorpus.sources when ingested


@dataclass
class ResolvedSource:
    """One source record with the identities of everything it mentions."""

    record: DocumentRecord
    segment: str  # unique slug of the file's path as given
    doc: str  # ResolvedDocument.key of the record itself
    references: list[str | None] = field(default_factory=list)  # per record.references
    implements: list[str | None] = field(default_factory=list)  # per record.implements
    ref_implements: dict[int, list[str]] = field(
        default_factory=dict
    )  # ref index -> keys it implements
    # body keys: ("issuer",), ("assignment", i), ("partner", i, j, k),
    # ("reporter"|"recipient"|"via", i), ("owner", i)
    bodies: dict[tuple, str] = field(default_factory=dict)
    duplicate_of: str | None = None  # file name of another source with the same document key

    def implementation_links(self) -> Iterator[tuple[str, str, str | None]]:
        """(implementing document, implemented document, the implementing one's stated
        type) for what this source says implements what: its implements list and its
        references of relation 'implements' (its own document), and what a cited
        document is said to implement ('Kế hoạch số 10/KH-UBND thực hiện Chỉ thị
        9-CT/TW'). The one home of the rule: kg.rdf writes these links
        (eli:ensures_implementation_of), kg.lineage matches duties along them."""
        own_type = self.record.document.type
        for key in self.implements:
            if key is not None and key != self.doc:
                yield self.doc, key, own_type
        refs = self.record.references
        for i, (ref, key) in enumerate(zip(refs, self.references, strict=True)):
            if key is None:
                continue
            if ref.relation == "implements" and key != self.doc:
                yield self.doc, key, own_type
            for target in self.ref_implements.get(i, []):
                if target is not None and target != key:
                    yield key, target, ref.type


@dataclass
class ResolvedCorpus:
    sources: list[ResolvedSource] = field(default_factory=list)
    documents: dict[str, ResolvedDocument] = field(default_factory=dict)
    bodies: dict[str, ResolvedBody] = field(default_factory=dict)
    places: dict[PlaceKey, ResolvedPlace] = field(default_factory=dict)


# ---------------------------------------------------------------- resolution


@dataclass
class _Mention:
    parts: NumberParts | None
    raw_key: str
    qualifier: tuple[str, ...]
    date: str | None
    printed: str | None
    type: str | None
    issuer: str | None
    level: Level | None
    place: PlaceKey
    own: bool = False  # the document's own header
    title: str | None = None
    issuer_body: BodyMention | None = None  # the printed issuer, matched by extraction

    @property
    def base_key(self) -> str:
        q = "@" + "/".join(self.qualifier) if self.qualifier else ""
        return self.raw_key + q


def _title_key(title: str) -> str:
    return " ".join(title.replace("“", "").replace("”", "").replace('"', "").casefold().split())


def _complete(title: str) -> bool:
    """A title cut mid-phrase ends on a linking word or leaves a quote open."""
    last = title.rstrip().rsplit(" ", 1)[-1].casefold()
    dangling = last in {"về", "và", "của", "các", "với", "cho", "trong", "việc", "ngày", "số"}
    return not dangling and title.count("“") <= title.count("”")


def best_title(titles: list[str]) -> str:
    """The title several citations agree on: the most frequent, then the shortest complete.

    Why not the first seen: one loose citation (a title run on into the next clause)
    would otherwise name the document for the whole graph.
    """
    keys = [_title_key(t) for t in titles]
    counts = Counter(keys)
    best = min(
        range(len(titles)),
        key=lambda i: (-counts[keys[i]], not _complete(titles[i]), len(titles[i]), i),
    )
    return titles[best]


def _mention_for_ref(ref: DocRef, doc_place: PlaceKey) -> _Mention | None:
    number = ref.number or ref.key
    if not number:
        return None
    parts, key, local = number_parts(number)
    level = ref.issuer_level
    place = PlaceKey(*ref.issuer_place) if level is not None and ref.issuer_place else doc_place
    qualifier = place.path if local else ()
    return _Mention(
        parts,
        key,
        qualifier,
        ref.date,
        ref.number,
        ref.type,
        ref.issuer,
        level,
        place,
        title=ref.title,
        issuer_body=ref.issuer_body,
    )


def _own_mention(record: DocumentRecord, place: PlaceKey) -> _Mention | None:
    d = record.document
    if not d.number:
        return None
    parts, key, local = number_parts(d.number)
    qualifier = place.path if local else ()
    return _Mention(
        parts,
        key,
        qualifier,
        d.date,
        d.number,
        d.type,
        d.issuer,
        d.issuer_level,
        place,
        own=True,
        title=d.subject,
    )


def _share_qualifiers(mentions: list[_Mention]) -> None:
    """Within one text, one number is one document: mentions that name no issuer
    take the place of a mention of the same number that does."""
    informed: dict[str, _Mention] = {}
    for m in mentions:
        if m.level is not None and m.raw_key not in informed:
            informed[m.raw_key] = m
    for m in mentions:
        src = informed.get(m.raw_key)
        if m.level is None and src is not None:
            m.level, m.place, m.qualifier = src.level, src.place, src.qualifier


def _complete_places(mentions: list[_Mention]) -> None:
    """A local number whose issuer's place is known only in part is the document of that
    number placed where its known parts say, when exactly one such place is known for it
    (from a header or another citation) with the same year and full date. District and
    commune names recur across provinces: "Kế hoạch số 164/KH-UBND của UBND huyện Châu
    Thành" in a commune plan that does not name its province, or a district's own header
    without its province, must not join a namesake elsewhere nor stay apart from its
    own citations. Indexed by number: linear in the mentions."""
    known: dict[tuple, dict[tuple[str, ...], list[_Mention]]] = {}
    for m in mentions:
        if m.parts is not None and m.qualifier and "-" not in m.qualifier:
            known.setdefault((m.parts.num, m.parts.code), {}).setdefault(m.qualifier, []).append(m)
    for m in mentions:
        if m.parts is None or "-" not in m.qualifier:
            continue
        found = [
            ms[0]
            for q, ms in known.get((m.parts.num, m.parts.code), {}).items()
            if len(q) == len(m.qualifier)
            and all(a in ("-", b) for a, b in zip(m.qualifier, q, strict=True))
            and any(_same_dating(m, o) for o in ms)
        ]
        if len(found) == 1:
            m.qualifier, m.place = found[0].qualifier, found[0].place


def _same_dating(a: _Mention, b: _Mention) -> bool:
    """Two mentions of one number that may be one document: no year or date disagrees."""
    ya, yb = a.parts.year or year_of(a.date), b.parts.year or year_of(b.date)  # type: ignore[union-attr]
    full = a.date and b.date and len(a.date) == len(b.date) == 10
    return (not ya or not yb or ya == yb) and (not full or a.date == b.date)


def _unnumbered_key(record: DocumentRecord) -> str:
    d = record.document
    digest = hashlib.sha1((d.subject or record.source.name).encode("utf-8")).hexdigest()[:8]
    parts = [slug(d.type or "van-ban"), slug(d.issuer or "khong-ro"), d.date or "x", digest]
    return "nonum:" + "-".join(parts)


def _merge_numbers(mentions: list[_Mention]) -> dict[int, str]:
    """id(mention) -> document key.

    Mentions of one number (same digits, codes and place) are one document when
    their years agree — the year printed in the number or, failing that, the
    year of the date printed beside it — or when they give the same full date
    (one year is then a typo). A mention with neither joins the only document
    of its number, if there is only one. The key carries the printed year
    ("6/2019/QĐ-TTG"); a number never printed with a year keeps none
    ("28/CT-TW") unless two documents share it, then "#year" tells them apart.
    """
    out: dict[int, str] = {}
    groups: dict[tuple, list[_Mention]] = {}
    for m in mentions:
        if m.parts is None:
            out[id(m)] = m.base_key
        else:
            groups.setdefault((m.parts.num, m.parts.code, m.qualifier), []).append(m)
    for (num, code, qual), ms in groups.items():
        clusters = date_clusters(ms)
        q = "@" + "/".join(qual) if qual else ""
        for members in clusters:
            printed_years = sorted(m.parts.year for m in members if m.parts.year)  # type: ignore[union-attr]
            if printed_years:
                year = max(set(printed_years), key=lambda y: (printed_years.count(y), y))
                key = f"{num}/{year}/{code}{q}"
            else:
                key = f"{num}/{code}{q}"
                years = sorted({y for m in members if (y := year_of(m.date))})
                if len(clusters) > 1 and years:
                    key += f"#{years[0]}"
            for m in members:
                out[id(m)] = key
    return out


class Resolver:
    """Collects records, then resolves identities across all of them at once."""

    def __init__(self, memo: dict | None = None) -> None:
        """``memo``: each record's bodies' placements (``_placements``) by file name, content
        hash, place and level, kept from the last build (kg.incremental.PairMemo: it also
        takes what this build computes), or None (records made by hand, whose content
        their hash does not tell)."""
        self.corpus = ResolvedCorpus()
        self.memo = memo
        self._placed: dict[int, list[tuple]] = {}  # id(record) -> _placements
        self._titles: dict[str, list[str]] = {}  # document key -> every title cited for it
        self._places: dict[int, PlaceKey] = {}  # id(record) -> its place (kg.placechain)
        self._named: dict[tuple[str, PlaceKey], list[str]] = {}  # bodies keyed by name

    # -- places and bodies

    def place(self, key: PlaceKey | None) -> PlaceKey | None:
        places = self.corpus.places
        # a place already there has its parents there too (added in the same walk)
        while key is not None and key not in places and key.level is not None:
            places[key] = ResolvedPlace(key, key.name, key.level)
            key = key.parent()
        return None

    def body(
        self,
        mention: BodyMention,
        doc_place: PlaceKey,
        doc_level: Level | None,
        placed: tuple[PlaceKey, str | None] | None = None,
    ) -> str:
        """The key of the body ``mention`` names in a document at ``doc_place``; ``placed``:
        what ``placed`` returned for these arguments (kept from the last build)."""
        place, type_seg = placed or self.placed(mention, doc_place, doc_level)
        if type_seg is None:
            type_seg = self._name_segment(mention, place)
        segments = (type_seg, *place.path)
        key = type_seg + ("@" + "/".join(place.path) if place.path else "")
        if key not in self.corpus.bodies:
            self.corpus.bodies[key] = ResolvedBody(
                key,
                segments,
                mention.name,
                mention.type_id,
                mention.sector,
                mention.level or place.level,
                mention.kind,
                mention.collective,
                place if place.level else None,
            )
            self.place(place)
        return key

    @staticmethod
    def placed(
        mention: BodyMention, doc_place: PlaceKey, doc_level: Level | None
    ) -> tuple[PlaceKey, str | None]:
        """The place of the body ``mention`` names in a document at ``doc_place``, and its
        type's IRI segment (None: it is keyed by its name, ``_name_segment``): a function of
        its arguments alone (the rest of ``body`` depends on the bodies seen before)."""
        level = mention.level
        if mention.jurisdiction is not None:
            j = mention.jurisdiction
            prov = j.province or doc_place.province
            if j.level == "province":
                place = PlaceKey(j.name)
            elif j.level == "district":
                place = PlaceKey(prov, j.name)
            elif j.level == "commune":
                place = PlaceKey(prov, doc_place.district, j.name)
            else:
                place = PlaceKey()
        elif level == "central":
            place = PlaceKey()
        else:
            # a body named without a place sits in the document's place at the
            # body's level, or the document's own when the body is lower (UBND các xã)
            rank = LEVELS.index(level) if level else 99
            doc_rank = LEVELS.index(doc_level) if doc_level else 99
            place = doc_place.truncate(level) if rank <= doc_rank else doc_place
        names = (place.province, place.district, place.commune)
        if not mention.type_id or body_keys.named_apart(mention, place.level, names):
            return place, None
        return place, kebab(mention.type_id)

    def _name_segment(self, mention: BodyMention, place: PlaceKey) -> str:
        """A body keyed by its name: its slug, with "-2", "-3" ... for a name that differs
        from another at the same place only by its marks ("Phù Mỹ", "Phú Mỹ")."""
        seg, name = slug(mention.name), body_keys.name_key(mention)
        taken = self._named.setdefault((seg, place), [])
        if name not in taken:
            taken.append(name)
        i = taken.index(name)
        return seg if i == 0 else f"{seg}-{i + 1}"

    # -- documents

    def resolve(self, records: list[DocumentRecord]) -> ResolvedCorpus:
        records = sorted(records, key=lambda r: r.source.name)
        # a place its own text leaves open comes from the plan it implements (kg.placechain)
        self._places = {k: PlaceKey(*p) for k, p in chain_places(records).items()}
        mentions: list[_Mention] = []
        per_record = []
        for rec in records:
            place = self._places[id(rec)]
            own = _own_mention(rec, place)
            refs = [_mention_for_ref(r, place) for r in rec.references]
            impl = [_mention_for_ref(r, place) for r in rec.implements]
            # a chained key is shown as the text printed it, never as the key itself
            printed: dict[str, str] = {}
            for r in (*rec.references, *rec.implements):
                if r.key and r.number:
                    printed.setdefault(r.key, r.number)
            extra = {
                i: [
                    _mention_for_ref(
                        DocRef(None, printed.get(k, k), k, None, None, "implements", r.span), place
                    )
                    for k in r.implements
                ]
                for i, r in enumerate(rec.references)
                if r.implements
            }
            flat_extra = [m for ms in extra.values() for m in ms]
            _share_qualifiers([m for m in (*refs, *impl, *flat_extra) if m is not None])
            per_record.append((own, refs, impl, extra))
            mentions += [m for m in (own, *refs, *impl, *flat_extra) if m is not None]
        _complete_places(mentions)
        merged = _merge_numbers(mentions)

        def doc_key(m: _Mention | None) -> str | None:
            return merged[id(m)] if m is not None else None

        stems: dict[str, int] = {}
        ingested: dict[str, str] = {}
        for rec, (own, refs, impl, _extra) in zip(records, per_record, strict=True):
            seg = _path_segment(rec.source.name)
            stems[seg] = stems.get(seg, 0) + 1
            if stems[seg] > 1:  # "a b/x.txt" beside "a-b/x.txt", or one file named twice
                seg = f"{seg}-{stems[seg]}"
            key = doc_key(own) or _unnumbered_key(rec)
            duplicate_of = None
            if key in ingested:
                # the same document read twice (a .docx and a .pdf of one plan): keep both,
                # as distinct nodes, and say so
                duplicate_of = ingested[key]
                n = 2
                while f"{key}~{n}" in ingested:
                    n += 1
                key = f"{key}~{n}"
            ingested[key] = rec.source.name
            src = ResolvedSource(rec, seg, key, duplicate_of=duplicate_of)
            src.references = [doc_key(m) for m in refs]
            src.implements = [doc_key(m) for m in impl]
            self.corpus.sources.append(src)
            self._ingested(src, own)
        for src, (_own, refs, impl, extra) in zip(self.corpus.sources, per_record, strict=True):
            for m in refs:
                if m is not None:
                    self._cited(m, merged[id(m)])
            for i, ms in extra.items():
                keys = [merged[id(em)] for em in ms if em is not None]
                for em in ms:
                    if em is not None:
                        self._cited(em, merged[id(em)])
                if refs[i] is not None:
                    src.ref_implements[i] = keys
            for m in impl:
                if m is not None:  # the same mentions as in refs: their titles are counted there
                    self._cited(m, merged[id(m)], count_title=False)
            self._bodies(src)
        for key, titles in self._titles.items():
            self.corpus.documents[key].subject = best_title(titles)
        for doc in self.corpus.documents.values():
            doc.printed = sorted(set(doc.printed))
            if doc.type is None and doc.number:
                doc.type = type_from_number(doc.number)
        _link_parents(self.corpus.bodies)
        return self.corpus

    def _ingested(self, src: ResolvedSource, own: _Mention | None) -> None:
        rec, d = src.record, src.record.document
        place = self._places[id(rec)]
        doc = self.corpus.documents.get(src.doc)
        if doc is None:
            doc = self.corpus.documents[src.doc] = ResolvedDocument(src.doc, _doc_segment(src.doc))
        doc.ingested = True
        doc.source_index = len(self.corpus.sources) - 1
        doc.number = d.number
        if d.number:
            doc.printed.append(d.number)
        doc.type, doc.date, doc.issuer, doc.subject = d.type, d.date, d.issuer, d.subject
        doc.level, doc.kind = d.issuer_level, d.issuer_kind
        doc.place = place if place.level else None
        self.place(place)
        if d.issuer and d.issuer_body is not None:
            slot, _, placed = self._placements(rec)[0]
            doc.issuer_body = self.body(d.issuer_body, place, d.issuer_level, placed)
            src.bodies[slot] = doc.issuer_body

    def _cited(self, m: _Mention, key: str, count_title: bool = True) -> None:
        doc = self.corpus.documents.get(key)
        if doc is None:
            doc = self.corpus.documents[key] = ResolvedDocument(key, _doc_segment(key))
        if m.printed:
            doc.printed.append(m.printed)
        if doc.ingested:
            return
        # first citation (in source order) wins; a printing with its year is preferred as the number
        if m.printed and (
            doc.number is None or (_has_year(m.printed) and not _has_year(doc.number))
        ):
            doc.number = m.printed
        doc.type = doc.type or m.type
        doc.date = _better_date(doc.date, m.date)
        if m.title and count_title:  # the subject: best_title of them all, once at the end
            self._titles.setdefault(key, []).append(m.title)
        elif key not in self._titles:
            doc.subject = doc.subject or m.title
        if m.issuer and not doc.issuer:
            doc.issuer = m.issuer
            doc.level = m.level
            place = m.place.truncate(m.level) if m.level else m.place
            doc.place = place if place.level else None
            if m.issuer_body is not None:
                doc.issuer_body = self.body(m.issuer_body, place, m.level)
                # kind belongs to the body type; level only from the text
                doc.kind = doc.kind or self.corpus.bodies[doc.issuer_body].kind

    def _bodies(self, src: ResolvedSource) -> None:
        rec = src.record
        place, level = self._places[id(rec)], rec.document.issuer_level
        for slot, mention, placed in self._placements(rec):
            if slot != ("issuer",):  # resolved with the document (_ingested)
                src.bodies[slot] = self.body(mention, place, level, placed)

    def _placements(self, rec: DocumentRecord) -> list[tuple[tuple, BodyMention, tuple]]:
        """(slot, mention, ``Resolver.placed``) of each body ``rec`` names (``_body_slots``),
        from what the last build kept for the same record at the same place (``memo``) or
        computed (and then kept in ``memo`` for the next build)."""
        found = self._placed.get(id(rec))
        if found is not None:
            return found
        place, level = self._places[id(rec)], rec.document.issuer_level
        slots = _body_slots(rec)
        key = (rec.source.name, rec.source.sha256, place, level)
        old = self.memo.get(key) if self.memo is not None else None
        if old is not None and len(old) == len(slots):
            placed = [(PlaceKey(p, d, c), seg) for p, d, c, seg in old]
        else:
            placed = [self.placed(m, place, level) for _, m in slots]
            if self.memo is not None:
                self.memo[key] = [(*pl.key_parts(), seg) for pl, seg in placed]
        found = [(slot, m, pl) for (slot, m), pl in zip(slots, placed, strict=True)]
        self._placed[id(rec)] = found
        return found


def _body_slots(rec: DocumentRecord) -> list[tuple[tuple, BodyMention]]:
    """Every body ``rec`` names, in the order kg.resolve meets them, with its slot (the key
    of ``ResolvedSource.bodies``)."""
    out: list[tuple[tuple, BodyMention]] = []
    add = out.append
    if rec.document.issuer and rec.document.issuer_body is not None:
        add((("issuer",), rec.document.issuer_body))
    for i, a in enumerate(rec.assignments):
        add((("assignment", i), a.body))
        for j, duty in enumerate(a.duties):
            for k, p in enumerate(duty.partners):
                add((("partner", i, j, k), p))
    for i, r in enumerate(rec.reporting):
        for role, mentions in (
            ("reporter", r.by_bodies),
            ("recipient", r.to_bodies),
            ("via", r.via_bodies),
        ):
            for k, m in enumerate(mentions):
                add(((role, i, k), m))
    for i, line in enumerate(rec.recipients):
        for k, m in enumerate(line.bodies):
            add((("recipient-line", i, k), m))
    return out


def _doc_segment(key: str) -> str:
    return slug(key.removeprefix("nonum:"))


# Which body a type of body is part of, by the group it belongs to in the body
# types: a Sở is a department of the provincial People's Committee, a Phòng an
# office of the district's.
_STATE_PARENT: dict[str, Level] = {"ProvincialDepartment": "province", "DistrictOffice": "district"}


def _link_parents(bodies: dict[str, ResolvedBody]) -> None:
    """Set ``parent`` where the body types imply one.

    A Sở or Phòng is linked only to a People's Committee already in the graph at
    its place. An organ of a Party committee names its committee ("Ban Tuyên giáo
    Tỉnh ủy"), so the committee of its place is minted when no text named it.
    """
    types = body_types()
    committees = [t for t in types.values() if "PartyCommittee" in t.groups]
    for body in list(bodies.values()):
        bt = types.get(body.type_id or "")
        if bt is None or body.place is None or body.collective:
            continue
        path = "/".join(body.place.path)
        state_level = next((lv for g, lv in _STATE_PARENT.items() if g in bt.groups), None)
        if state_level is not None:
            if body.place.level == state_level and f"ubnd@{path}" in bodies:
                body.parent = f"ubnd@{path}"
        elif bt.party_organ:
            committee = _committee_named(body.name, committees)
            if committee is None:
                continue
            seg = kebab(committee.id)
            key = f"{seg}@{path}"
            if key not in bodies:
                bodies[key] = ResolvedBody(
                    key,
                    (seg, *body.place.path),
                    committee.pref,
                    committee.id,
                    committee.sector,
                    body.level,
                    committee.kind,
                    place=body.place,
                )
            body.parent = key


def _committee_named(organ: str, committees: list[BodyType]) -> BodyType | None:
    """The Party committee an organ's name ends with: "Ban Dân vận Huyện ủy" -> HuyenUy."""
    tail = fold(organ)
    found = [
        c
        for c in committees
        for label in c.labels
        if tail.endswith(" " + fold(label)) and fold(label) != fold(organ)
    ]
    return found[0] if len({c.id for c in found}) == 1 else None


def _has_year(number: str) -> bool:
    p = parse_number(number)
    return bool(p and p.year)


def _better_date(old: str | None, new: str | None) -> str | None:
    """Keep the first date unless a later citation is more precise and agrees."""
    if not old:
        return new
    if new and len(new) > len(old) and new.startswith(old):
        return new
    return old


def _path_segment(name: str) -> str:
    """The source's IRI segment: its path as the user gave it, slugified.

    Not the bare stem: a/plan.txt and b/plan.txt must keep their IRIs whichever
    other files are built with them. "./" and "../" steps and the root are dropped.
    """
    parts = [p for p in re.split(r"[\\/]", name) if p not in ("", ".", "..")]
    if parts and re.fullmatch(r"[A-Za-z]:", parts[0]):
        parts = parts[1:]
    if parts and "." in parts[-1]:
        parts[-1] = parts[-1].rsplit(".", 1)[0]
    return slug("-".join(parts))


def resolve(records: list[DocumentRecord], memo: dict | None = None) -> ResolvedCorpus:
    """Resolve identities across ``records`` (sorted by file name: results do not
    depend on the order files were given). ``memo``: see ``Resolver``."""
    return Resolver(memo).resolve(records)
