"""Bodies a record names by a whole string: the issuer and the issuers of cited documents.

Assignees, partners and reporting bodies are matched where the text names them (kg.extract.
bodies via duties/reporting); the issuer and a cited document's issuer arrive as whole
strings ("Ủy ban nhân dân huyện Quế Phong", "Thành ủy Vinh"), so they are matched here, once,
against the same reference data (ontology/bodies.ttl): kg.resolve only merges the mentions.
A name the data does not know becomes an unmatched mention (its name minus its place).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from kg import lexicon
from kg.extract import admin, bodies
from kg.models import BodyMention, DocRef, DocumentFacts, DocumentRecord, Kind, Level, Span

Place = tuple[str | None, str | None, str | None]  # (province, district, commune)
_LEVELS: tuple[Level, ...] = ("central", "province", "district", "commune")
# a unit's name starts with a capital, accented ones included ("Bác Ái", "Ô Môn"); the
# numbered units of cities are named by their number ("Quận 1", "phường 14")
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_CAP = rf"[{_UPPER}][^\s,;()]*"
_UNIT_WORD = rf"(?:{_CAP}|\d+\b)"
_NUMBERED = r"(?:Quận|Phường)(?=\s+(?:\d+|[IVXL]+)\b)"  # "Ủy ban nhân dân Quận 12"


@cache
def _unit_name_re() -> re.Pattern[str]:
    return re.compile(
        rf"\b({lexicon.unit_alternation()}|{_NUMBERED})\s+"
        rf"({_UNIT_WORD}(?:(?:\s+-\s+|\s+){_UNIT_WORD})*)"
    )


@cache
def _committee_name_re() -> re.Pattern[str]:
    # "Thành ủy Vinh": a committee of a unit below the province, followed by the unit's name
    words = [w.label.lower() for w in lexicon.committee_words() if w.level == "district"]
    return re.compile(rf"\b({'|'.join(map(re.escape, words))})\s+({_CAP}(?:\s+{_CAP})*)", re.I)


def _unit_level(word: str) -> Level | None:
    for w in lexicon.unit_words():
        if w.label == word:
            return w.level  # type: ignore[return-value]
    return None


def truncate(place: Place, level: Level | None) -> Place:
    """The unit at ``level`` (or above, when that is all we know)."""
    p, d, c = place
    if level == "central":
        return (None, None, None)
    if level == "province":
        return (p, None, None)
    if level == "district":
        return (p, d, None)
    return place


def place_of_name(text: str, fallback: Place) -> tuple[Level | None, Place]:
    """Level and place an issuer's name implies ("UBND tỉnh Bình Phước", "Thành ủy Vinh").

    ``fallback`` is the citing document's place, for the parts the name leaves out.
    """
    t = unicodedata.normalize("NFC", text)
    low = t.lower().replace("uỷ", "ủy")
    m = _unit_name_re().search(t)
    if m:
        word, name = " ".join(m.group(1).lower().split()), m.group(2)
        # a dash ends the name unless a unit is named so ("Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm")
        if " -" in name and not (admin.province_named(name) or admin.district_named(name)):
            name = re.split(r"\s+-\s+", name)[0]
        level = _unit_level(word)
        if level == "province" or (word == "thành phố" and admin.is_central_city(name)):
            return "province", (name, None, None)
        if level == "commune":
            return "commune", (fallback[0], fallback[1], name)
        province = fallback[0]
        # as the district's own header names it ("Quận 12" for "quận 12"); a commune's plan
        # that does not name its province takes the province of a name no other bears
        known = admin.district_named(name, {province} if province else set(), unit_type=word)
        if known is not None and province in (None, known.province):
            name, province = known.name, known.province
        return "district", (province, name, None)
    m = _committee_name_re().search(t)
    if m and m.group(2)[:1].isupper():
        if m.group(1).lower() == "thành ủy" and admin.is_central_city(m.group(2)):
            return "province", (m.group(2), None, None)
        return "district", (fallback[0], m.group(2), None)
    if re.search(r"trung ương|bộ chính trị|ban bí thư|chính phủ|thủ tướng|quốc hội|\bbộ\b", low):
        return "central", (None, None, None)
    if re.search(r"tỉnh ủy|tỉnh\b|\bsở\b", low):
        return "province", truncate(fallback, "province")
    if re.search(r"thành ủy|huyện ủy|quận ủy|thị ủy|huyện|quận|thị xã|\bphòng\b", low):
        return "district", truncate(fallback, "district")
    if re.search(r"đảng ủy|\bxã\b|phường|thị trấn|đặc khu", low):
        return "commune", fallback
    return None, fallback


def strip_place(name: str, place: Place) -> str:
    """Canonical body name without its place: "Ủy ban nhân dân huyện Quế Phong" → "Ủy ban nhân dân"."""
    out = unicodedata.normalize("NFC", name).strip()
    words = [w.label for w in lexicon.unit_words(levels=False)]
    for p in (place[2], place[1], place[0]):
        if p and out.lower().endswith(p.lower()) and len(out) > len(p):
            out = out[: -len(p)].rstrip()
            for w in words:
                if out.lower().endswith(" " + w):
                    out = out[: -len(w)].rstrip()
                    break
    return out


def body_named(
    name: str, level: Level | None, kind: Kind | None, place: Place, span: Span | None = None
) -> BodyMention:
    """The body a whole name denotes: matched to bodies.ttl, else its name minus the place."""
    span = span or Span(0, 0)
    m = bodies.match_at(name, 0)
    if m is not None and not (len(name[m.end :].strip(" ,.;")) > 0 and not m.place):
        facts = DocumentFacts(
            issuer=name, issuer_level=level, province=place[0], district=place[1], commune=place[2]
        )
        found = bodies.mention(m, bodies.Context.from_facts(facts))
        found.span = span
        return found
    canonical = strip_place(name, place) or name
    return BodyMention(as_written=name, name=canonical, span=span, level=level, kind=kind)


def document_place(facts: DocumentFacts) -> Place:
    """Where the document's issuer sits (nowhere for a central issuer)."""
    if facts.issuer_level == "central":
        return (None, None, None)
    return (facts.province, facts.district, facts.commune)


def issuer_body(facts: DocumentFacts) -> BodyMention | None:
    """The issuer as a matched mention, with the span the header read it from."""
    if not facts.issuer:
        return None
    span = facts.spans.get("issuer")
    return body_named(
        facts.issuer, facts.issuer_level, facts.issuer_kind, document_place(facts), span
    )


def name_cited_issuers(refs: list[DocRef], facts: DocumentFacts) -> None:
    """Set each reference's issuer level, place and matched body (from its printed issuer)."""
    doc_place = document_place(facts)
    for ref in refs:
        level, place = place_of_name(ref.issuer or "", doc_place)
        ref.issuer_level = level
        ref.issuer_place = place if level is not None else None
        if ref.issuer:
            at = truncate(place, level) if level else place
            ref.issuer_body = body_named(ref.issuer, level, None, at, ref.span)


def name_record_bodies(record: DocumentRecord) -> None:
    """Match the record's whole-string bodies not matched yet: its issuer, its cited issuers.

    The pipeline's last naming step; also what a hand-made record goes through before
    kg.resolve, which only merges mentions.
    """
    facts = record.document
    if facts.issuer_body is None:
        facts.issuer_body = issuer_body(facts)
    refs = [r for r in (*record.references, *record.implements) if r.issuer_body is None]
    name_cited_issuers(refs, facts)
