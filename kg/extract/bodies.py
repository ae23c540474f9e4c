"""Bodies of a document: their canonical names in the context of the issuer.

Bodies are found in text by kg.extract.body_match (re-exported here: most readers
want both). Canonical names drop the place. Types that exist at every level (Ủy ban nhân
dân, Công an, Mặt trận...) keep the level word, as printed or, when the text
omits it, the issuing body's ("Công an huyện", "Ủy ban Mặt trận Tổ quốc Việt
Nam tỉnh"); organs of a Party committee keep the committee ("Ban Tuyên giáo
Thành ủy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import lexicon
from kg.extract import abbreviations, actor_classes, admin, collectives, communes, unit_named
from kg.extract.body_match import (
    KEEPS_NAME,
    LEVEL_WORD,
    PARTY_COMMITTEE,
    WORD_END,
    WORD_START,
    ZONE_NAMED,
    BodyMatch,
    find_bodies,
    label_printed,
    match_at,
    take_name,
)
from kg.models import AdminUnit, BodyMention, CleanText, DocumentFacts, Span
from kg.refdata import BodyType, body_types, collection
from kg.text import fold, fold_same_length, normalize_key

__all__ = [
    "COMMITTEE_DISPLAY",
    "LEVEL_DISPLAY",
    "LEVEL_OF_WORD",
    "BodyMatch",
    "Context",
    "canonical",
    "display_name",
    "find_bodies",
    "is_issuer",
    "speaks_as_issuer",
    "match_at",
    "mention",
    "take_name",
]

# unit and level words (ontology/units.ttl via kg.lexicon), keyed by their folded form
_WORDS = [(fold(x), w) for w in lexicon.unit_words() for x in (w.label, *w.variants)]
LEVEL_DISPLAY = {k: w.label for k, w in _WORDS}  # "tp" -> "thành phố"
LEVEL_OF_WORD = {k: w.level for k, w in _WORDS}  # "huyen" -> "district"
COMMITTEE_DISPLAY = {fold(w.label): w.label for w in lexicon.committee_words()}
COMMITTEE_LEVEL_WORD = {fold(w.label): fold(w.unit or "") for w in lexicon.committee_words()}
# sets of body types and groups, by how texts name them (ontology/bodies.ttl collections)
_ORGAN_COLLECTIVES = collection("committee-organs")  # named with the committee they serve
_NO_LEVEL_GROUPS = collection("no-level-groups")
_PLURAL_GOV = collection("one-per-unit")  # "các Ủy ban nhân dân xã": one per unit
_ATTACHED_ORGANS = collection("attached-organs")  # named with the body they serve
_BRANCH_GROUPS = collection("province-branches")  # a branch in each province
# types whose name already says their level ("Sở Y tế", "Phòng Tư pháp"): the printed level
# word is dropped; other types of one level keep it as printed ("Bộ Chỉ huy Quân sự tỉnh")
_LEVEL_NAMED_GROUPS = collection("level-named-groups")
# types of no fixed level not one per unit ("Kho bạc Nhà nước"): no issuer's level word added
_NO_ISSUER_LEVEL = collection("no-issuer-level")
# collectives named by the label printed ("Các cơ quan truyền thông, báo chí"): which ones
_BY_LABEL = collection("named-by-label")


# ---------------------------------------------------------------- context


@dataclass
class Context:
    """What the issuing document tells us about where unnamed levels are."""

    level_word: str | None = None  # folded level word of the issuer: "huyen", "thanh pho"
    committee: str | None = None  # folded committee word: "thanh uy"
    level: str | None = None
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    issuer: str | None = None
    issuer_kind: str | None = None  # "state", "party", "mass-org"
    two_tier: bool = False  # dated after the 2025 reform: communes are "xã, phường, đặc khu"
    # a catch-all is one addressee per document (by generic_key), named as first printed
    generic_names: dict[str, str] = field(default_factory=dict)
    # local units of another level named somewhere with their place, by kind and level word
    placed: dict[str, set[str]] = field(default_factory=dict)
    # a catch-all's name where the text prints it with its level ("các sở, ban, ngành tỉnh"),
    # by generic_key: the one name of the addressee wherever it is printed without
    generic_printed: dict[str, str] = field(default_factory=dict)
    zones: dict[str, set[str]] = field(default_factory=dict)  # named zones' names, by type
    # the communes "cấp xã" means: the collective the text prints in full (folded level words)
    commune_levels: tuple[str, ...] | None = None
    # a collective named by the label printed (bodies:named-by-label): the fullest label the
    # text prints for it, by type ("các cơ quan báo chí, truyền thông" over "cơ quan báo chí")
    labels: dict[str, str] = field(default_factory=dict)

    def learn_places(self, text: str) -> Context:
        """Remember the local units ``text`` names with their place ("Thường trực Tỉnh ủy
        Thanh Hóa"), so that the same unit named later without it ("Đề nghị Thường trực
        Tỉnh ủy ...") is that one unit, not the issuer's own level (GUIDE); and the catch-alls
        it prints with their level, whose name that is wherever printed without it."""
        found = find_bodies(text)
        self.commune_levels = communes.defined_levels(text, found)
        for m in found:
            if m.type.generic and collectives.has_level(m.as_written):
                key, printed = collectives.generic_key(
                    m.as_written, m.type.id, m.label_end - m.start
                )
                self.generic_printed.setdefault(key, printed)
            elif m.type.id in ZONE_NAMED and m.name_extra:
                self.zones.setdefault(m.type.id, set()).add(m.name_extra)
            elif m.type.id in _BY_LABEL and (label := label_printed(m)):
                known = self.labels.get(m.type.id, "")
                self.labels[m.type.id] = max(known, label, key=lambda x: len(x.split()))
            if not self.level:
                continue
            if m.place and not m.plural and not m.type.generic and not m.type.collective:
                name, _, level, _ = canonical(m, self)
                if level != self.level and name.endswith(m.place):
                    self.placed.setdefault(_place_key(m), set()).add(m.place)
        return self

    @classmethod
    def from_facts(cls, facts: DocumentFacts | None) -> Context:
        if facts is None:
            return cls()
        issuer = facts.issuer or ""
        f = fold_same_length(issuer)
        committee = None
        m = re.search(
            rf"{WORD_START}(tinh uy|thanh uy|huyen uy|thi uy|quan uy|dang uy){WORD_END}", f
        )
        if m:
            committee = m.group(1)
        lw = None
        m2 = LEVEL_WORD.search(f)
        if m2:
            lw = " ".join(m2.group(2).split())
        elif committee:
            lw = COMMITTEE_LEVEL_WORD[committee]
        level = facts.issuer_level
        if level == "central":
            lw, committee = "trung uong", "trung uong"
        if lw is None and level:
            lw = {"province": "tinh", "district": "huyen", "commune": "xa"}.get(level)
        if committee is None and lw:
            committee = {
                "tinh": "tinh uy",
                "thanh pho": "thanh uy",
                "tp": "thanh uy",
                "huyen": "huyen uy",
                "thi xa": "thi uy",
                "quan": "quan uy",
            }.get(lw, "dang uy")
        return cls(
            level_word=lw,
            committee=committee,
            level=level or (LEVEL_OF_WORD.get(lw) if lw else None),
            province=facts.province,
            district=facts.district,
            commune=facts.commune,
            issuer=facts.issuer,
            issuer_kind=facts.issuer_kind,
            two_tier=collectives.two_tier(facts.date, []),
        )


# ---------------------------------------------------------------- canonical names


def _place_key(m: BodyMatch) -> str:
    return f"{m.type.id}|{m.committee or ''}|{m.levels[0] if m.levels else ''}"


def canonical(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool]:
    """(canonical name, type id, level, collective) of a match in a document."""
    if m.full is not None:  # a short name the text defines ("Quỹ"): the body named in full
        m = m.full
    m = communes.as_defined(m, ctx.commune_levels)  # "Ủy ban nhân dân cấp xã"
    name, type_id, level, collective = _canonical(m, ctx)
    name = _printed_level(name, m)
    name = unit_named.with_place(name, m, ctx.level)
    if m.unit and not normalize_key(name).startswith(normalize_key(m.unit) + " "):
        unit = m.unit[:1].upper() + m.unit[1:].lower()  # "Chi nhánh Ngân hàng Chính sách xã
        name = f"{unit} {name}"  # hội Thành phố"; a proper name as printed has it already
    # a name read from the text ("Các cơ sở KCB BHYT") has its abbreviations written in full
    return abbreviations.expand(name), type_id, level, collective


def _printed_level(name: str, m: BodyMatch) -> str:
    """A type whose name ends with a level word keeps the one printed: "Thuế Thành phố" (a
    centrally-run city's tax office) is not renamed "Thuế tỉnh", the label "Thuế thành phố"
    being only the vocabulary's other spelling of one type (issue 10: never rename a body)."""
    pref = m.type.pref
    if not name.startswith(pref) or m.label_end <= m.start:
        return name
    own, said = (
        _level_end(fold(pref)),
        _level_end(fold(_squash(m.as_written[: m.label_end - m.start]))),
    )
    if own is None or said is None or own[0] != said[0] or own[1] == said[1]:
        return name
    cut = len(pref) - len(own[1])  # fold keeps one char per char
    return pref[:cut] + LEVEL_DISPLAY[said[1]] + name[len(pref) :]


def _level_end(key: str) -> tuple[str, str] | None:
    """("thue ", "tinh") for "thue tinh": the words before a closing level word, and it."""
    for word in sorted(LEVEL_DISPLAY, key=len, reverse=True):
        if key.endswith(" " + word):
            return key[: len(key) - len(word)], word
    return None


def _canonical(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool]:
    named = _named_by_text(m, ctx)
    return named if named is not None else _canonical_by_type(m, ctx)


def _inner_level(t: BodyType) -> bool:
    """Is an organ of the level of the body it serves ("Ban Thường trực ... cấp xã")?"""
    return t.party_organ or t.id in _ATTACHED_ORGANS


def _named_by_text(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool] | None:
    """A name the text itself gives the body beside what its type says: a group's branch
    printed with its province ("Viettel Nghệ An")."""
    t = m.type
    if m.place and t.groups & _BRANCH_GROUPS:  # "Viettel Nghệ An": a branch, named as printed
        return _squash(m.as_written), t.id, "province", False
    if t.id in _BY_LABEL:  # "Các cơ quan truyền thông, báo chí": which outlets
        return _named_by_label(m, ctx)
    return None


def _of_region(levels: list[str], span_of: str | None) -> str:
    """The units of one region a plural names, as printed after its type ("Tỉnh ủy" + " các
    tỉnh khu vực Trung Bộ"), or "" when it names no region (all units of its levels)."""
    return f" các {', '.join(levels)} {span_of}" if span_of else ""


def _canonical_by_type(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool]:
    if not m.place and not m.plural and ctx.placed and (m.committee or m.levels):
        known = ctx.placed.get(_place_key(m), set())
        if len(known) == 1:  # the one unit of that kind the document names with its place
            m = BodyMatch(**{**m.__dict__, "place": next(iter(known))})
    t = m.type
    type_id, level, collective = t.id, t.level, t.collective
    levels = [LEVEL_DISPLAY[w] for w in m.levels]
    if m.levels:
        level = LEVEL_OF_WORD.get(m.levels[0], level) if t.level is None else t.level
        if m.levels[0] in ("thanh pho", "tp") and m.place and admin.is_central_city(m.place):
            level = "province"  # "thành phố Hà Nội" is a province
    if t.id == "DiaPhuong":
        return t.pref, type_id, level, True
    if m.same_level:
        return f"{t.pref} cùng cấp", type_id, None, True
    if m.every_level and not t.generic:
        return f"{t.pref} các cấp", type_id, None, True
    if m.span_of and t.collective and not t.generic:
        base = re.sub(r"\s+trực thuộc Trung ương$", "", t.pref, flags=re.I)
        return f"{base} {m.span_of}", type_id, level, True
    if m.region:  # "Kho bạc Nhà nước khu vực XI": one regional unit, named with its number
        base = _region_base(_squash(m.as_written[: m.label_end - m.start]), t.pref)
        base = re.sub(r"\s+khu vực$", "", base, flags=re.I)
        return f"{base} khu vực {m.region}", type_id, t.level or "province", False
    if t.qualified:
        return actor_classes.class_name(m.as_written), type_id, None, True
    if t.generic:
        # a catch-all is named as printed ("các sở, ban, ngành, đoàn thể cấp tỉnh"): its
        # wording is the only thing that says which bodies it covers
        own = collectives.own_name(m.as_written, m.holder, t.pref)
        if own:  # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ ...", "Các cơ quan quản lý cấp trên"
            return own, type_id, level, True
        key, printed = collectives.generic_key(m.as_written, t.id, m.label_end - m.start)
        name = ctx.generic_names.setdefault(key, ctx.generic_printed.get(key, printed))
        return name, type_id, level, True
    if m.inner is not None:
        inner_name, _, inner_level, plural = canonical(m.inner, ctx)
        level = inner_level if _inner_level(t) else m.inner.type.level or ctx.level
        return f"{t.pref} {inner_name}", type_id, level, plural and t.party_organ
    if t.collective and m.committee and fold_same_length(t.pref).endswith("truc thuoc"):
        return f"{t.pref} {COMMITTEE_DISPLAY[m.committee]}", type_id, level, True
    if t.party_organ or t.id in _ORGAN_COLLECTIVES:
        named = _organ_name(m, ctx, levels, level)
        if named is not None:
            return named
    if t.id == "TruongHoc" and m.plural and m.name_extra:
        return f"Các trường {m.name_extra}", type_id, level or ctx.level, True
    if m.plural and t.id in _PLURAL_GOV:
        # one collective, however its level words are ordered: named as first printed, or in
        # the law's order for the communes of the two-tier government ("xã, phường, đặc khu")
        key = f"{t.id}|{'|'.join(sorted(set(m.levels)))}|{m.span_of or ''}"
        order = collectives.COMMUNE_ORDER
        if ctx.two_tier and all(w in order for w in m.levels):
            levels = [LEVEL_DISPLAY[w] for w in sorted(m.levels, key=order.index)]
        span = f" {m.span_of}" if m.span_of else ""
        name = ctx.generic_names.setdefault(key, f"{t.pref} các {', '.join(levels)}{span}")
        if t.id == "UBND":
            if all(LEVEL_OF_WORD[w] == "commune" for w in m.levels):
                type_id = "UBNDCapXa"
            elif all(LEVEL_OF_WORD[w] == "district" for w in m.levels):
                type_id = "UBNDCapHuyen"
        return name, type_id, level, True
    if m.plural and t.level in ("district", "province") and not t.collective:
        # one kind of office, the place dropped ("Phòng LĐTBXH các huyện"), a region kept
        return t.pref + _of_region(levels, m.span_of), type_id, level, True
    if m.plural:
        cac = "các " if m.has_cac else ""
        return f"{t.pref} {cac}{', '.join(levels)}", type_id, level, True
    if t.id in KEEPS_NAME or t.proper_name or t.person_name:  # or an office by its holder
        name = f"{t.pref} {m.name_extra}" if t.person_name else _squash(m.as_written)
        return name, type_id, level or ctx.level, collective
    if t.id in ZONE_NAMED and (m.name_extra or len(ctx.zones.get(t.id, ())) == 1):
        zone = m.name_extra or next(iter(ctx.zones[t.id]))
        return f"{_squash(m.as_written[: m.label_end - m.start])} {zone}", type_id, level, False
    if t.id == "BanChiDao" and not m.name_extra and not levels and ctx.issuer:
        own = re.search(r"(?<![a-z])ban chi dao(?![a-z])", fold_same_length(ctx.issuer))
        if own:  # "Ban Chỉ đạo" in a decision of "Trưởng Ban Chỉ đạo Nhà nước về Du lịch"
            return ctx.issuer[own.start() :], type_id, ctx.level, False
    if t.id == "BanChiDao":
        name = t.pref + (f" {m.name_extra}" if m.name_extra else "")
        lw = levels[0] if levels else (LEVEL_DISPLAY.get(ctx.level_word or "") or None)
        if re.search(r"(?:quoc gia|trung uong|nha nuoc)(?![a-z])", fold(m.name_extra or "")):
            lw = None  # "Ban Chỉ đạo phòng thủ dân sự quốc gia": national by its name
        return (f"{name} {lw}" if lw else name), type_id, level or ctx.level, False
    if collectives.own_unit(t.groups, m.place, m.plural, level, ctx.level) and levels:
        return f"{t.pref} {levels[0]} {m.place}", type_id, level, False  # "Đảng ủy xã Tân Lập"
    if t.level is None and not (t.groups & _NO_LEVEL_GROUPS) and not t.collective:
        if levels and m.place and ctx.level and level != ctx.level:
            # one specific unit of another level than the issuer's keeps its place (GUIDE)
            return f"{t.pref} {levels[0]} {m.place}", type_id, level, False
        if levels:
            return f"{t.pref} {'cấp ' if m.cap else ''}{levels[0]}", type_id, level, False
        if ctx.level == "central" and t.central_body and not m.plural:
            centre = body_types()[t.central_body]  # "Công an" in a central notice: Bộ Công an
            return centre.pref, centre.id, "central", False
        if ctx.level_word and t.id not in _NO_ISSUER_LEVEL:
            return (
                f"{t.pref} {LEVEL_DISPLAY[ctx.level_word]}",
                type_id,
                ctx.level or LEVEL_OF_WORD.get(ctx.level_word),
                False,
            )
    if levels and t.level == "commune" and not t.collective and t.id not in KEEPS_NAME:
        return f"{t.pref} {levels[0]}", type_id, level, False  # "Trạm Y tế xã"
    if (
        levels
        and t.level in ("district", "province")
        and LEVEL_OF_WORD.get(m.levels[0]) == "commune"
        and not t.collective
        and m.label_end > m.start
    ):
        # "Đài Truyền thanh xã" is the commune's own station, not the district's
        # "Đài Truyền thanh - Truyền hình": the name stays as printed, with its level word
        label = _squash(m.as_written[: m.label_end - m.start])
        return f"{label} {levels[0]}", type_id, "commune", False
    if _keeps_level_word(m) or _collective_at_level(m):
        return f"{t.pref} {levels[0]}", type_id, level, collective
    return _listed_place(t.pref, m), type_id, level, collective


def _named_by_label(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool] | None:
    """A collective of bodies:named-by-label: one per text, named by the fullest label the
    text prints for it ("Các cơ quan truyền thông, báo chí"), with a level word printed."""
    label = label_printed(m)
    if label is None or len(m.levels) > 1:
        return None
    levels = [LEVEL_DISPLAY[w] for w in m.levels]
    level = LEVEL_OF_WORD.get(m.levels[0]) if m.levels else m.type.level
    label = ctx.labels.get(m.type.id, label)
    label = label if fold(label).startswith("cac ") else f"các {label}"
    label += f" {levels[0]}" if levels else ""  # "Các cơ quan báo chí tỉnh"
    return label[:1].upper() + label[1:], m.type.id, level, True


def _region_base(printed: str, pref: str) -> str:
    """A regional unit's name before its number: as printed, unless abbreviated ("KBNN",
    "NHNN chi nhánh khu vực": the type's own name)."""
    words = printed.split()
    return (
        printed if len(words) > 1 and not any(len(w) > 1 and w.isupper() for w in words) else pref
    )


def _listed_place(name: str, m: BodyMatch) -> str:
    """A province's Party committee given the place of a list it shares ("Bí thư tỉnh ủy và
    Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, ...": "Tỉnh ủy Gia Lai"), else ``name``."""
    t = m.type
    if m.place and not m.levels and t.level == "province" and "PartyCommittee" in t.groups:
        return f"{name} {m.place}"
    return name


def _organ_name(
    m: BodyMatch, ctx: Context, levels: list[str], level: str | None
) -> tuple[str, str, str | None, bool] | None:
    """The name of a Party committee's organ: with its committee, as printed or the issuer's."""
    t, type_id = m.type, m.type.id
    if t.id in _ORGAN_COLLECTIVES:
        # "các Ban Xây dựng Đảng [và Ủy ban Kiểm tra] Tỉnh ủy": the organs of one committee
        committee = m.committee or ctx.committee
        if committee:
            return f"{t.pref} {COMMITTEE_DISPLAY[committee]}", type_id, level or ctx.level, True
    if t.party_organ and m.committee_list:
        listed = " ".join(m.committee_list.split()).lower()
        above = re.search(rf"truc thuoc\s+({PARTY_COMMITTEE})$", fold_same_length(listed))
        if above:  # "... trực thuộc Tỉnh ủy" as printed
            listed = listed[: above.start(1)] + COMMITTEE_DISPLAY[above.group(1)]
        return f"{t.pref} {listed}", type_id, None, True
    if t.party_organ and not m.committee and m.plural and levels:
        return f"{t.pref} các {', '.join(levels)}", type_id, level, True
    if t.party_organ:
        committee = m.committee or ctx.committee
        name = t.pref
        if committee:
            name = f"{t.pref} {COMMITTEE_DISPLAY[committee]}"
            if t.level is None:
                level = LEVEL_OF_WORD.get(COMMITTEE_LEVEL_WORD[committee], ctx.level)
        if m.committee and m.place and ctx.level and level and level != ctx.level:
            name = f"{name} {m.place}"  # "Thường trực Tỉnh ủy Thanh Hóa" in a central notice
        return name, type_id, level or ctx.level, False
    return None


def _keeps_level_word(m: BodyMatch) -> bool:
    """A body of one fixed level keeps the level word printed after it ("Bộ Chỉ huy Quân sự
    tỉnh", "Trung tâm Dịch vụ việc làm Thành phố") unless its kind of name already says the
    level (a Sở, a Phòng) or the word is in the name itself ("Thuế tỉnh")."""
    t = m.type
    if not m.levels or t.collective or t.level not in ("district", "province"):
        return False
    if t.groups & _LEVEL_NAMED_GROUPS or t.id in KEEPS_NAME or m.plural:
        return False
    return not fold(t.pref).endswith(" " + m.levels[0])


def _collective_at_level(m: BodyMatch) -> bool:
    """ "các tổ chức chính trị - xã hội tỉnh": a collective printed with its level word keeps
    it, as a catch-all does ("các sở, ban, ngành tỉnh"): the wording says which ones."""
    return m.type.collective and len(m.levels) == 1 and not m.plural and not m.cap


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def mention(
    m: BodyMatch, ctx: Context, *, base: int = 0, clean: CleanText | None = None
) -> BodyMention:
    """A BodyMention for a match at ``base + m.start`` of ``clean.text``."""
    name, type_id, level, collective = canonical(m, ctx)
    start, end = base + m.start, base + m.end
    span = clean.to_original(start, end) if clean is not None else Span(start, end)
    return BodyMention(
        as_written=_squash(m.as_written),
        name=name,
        span=span,
        type_id=type_id,
        sector=m.type.sector,
        level=level,  # type: ignore[arg-type]
        kind=m.type.kind,  # type: ignore[arg-type]
        collective=collective,
        jurisdiction=_jurisdiction(m, level, ctx),
    )


def _jurisdiction(m: BodyMatch, level: str | None, ctx: Context) -> AdminUnit | None:
    if level is None or level == "central":
        return None
    if m.place and not m.plural:
        return AdminUnit(name=m.place, level=level, province=ctx.province)  # type: ignore[arg-type]
    if m.plural or m.type.collective:
        return None
    name = {"province": ctx.province, "district": ctx.district, "commune": ctx.commune}[level]
    if not name:
        return None
    return AdminUnit(name=name, level=level, province=ctx.province)  # type: ignore[arg-type]


def is_issuer(name: str, ctx: Context) -> bool:
    """Does a canonical name ("Ủy ban nhân dân huyện") denote the issuing body?"""
    if not ctx.issuer:
        return False
    return fold_same_length(ctx.issuer).startswith(fold_same_length(name))


def speaks_as_issuer(name: str, ctx: Context) -> bool:
    """Is the body ``name`` the issuer or the body whose head enacts ("Cục Hải quan" of a
    notice by the "Cục trưởng Cục Hải quan")? Its sentences are then the issuer's own voice."""
    if is_issuer(name, ctx):
        return True
    title = lexicon.office_title_at(ctx.issuer or "")
    if not title or not ctx.issuer:
        return False
    rest = ctx.issuer.split(None, len(title.split()))[-1]
    return fold_same_length(rest).startswith(fold_same_length(name))


def display_name(name: str, ctx: Context) -> str:
    """The issuer's full name when ``name`` is the issuer, else ``name``."""
    return ctx.issuer if ctx.issuer and is_issuer(name, ctx) else name
