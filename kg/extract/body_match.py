"""Find bodies in text: the gazetteer of ontology/bodies.ttl and what a label's match takes
with it (level words, committee, place, a school's or a zone's name, a unit of the body).

Matching runs on a same-length fold of the text (no diacritics, lower case,
one dash), so a match's offsets are offsets into the text as printed.
"Phòng Văn hoá – Thông tin Thành phố" and "Phòng Văn hóa và Thông tin" are one
type; the connectors "," "-" "&" "và" between the words of a name are
interchangeable because drafters use all of them. Canonical names are made in
kg.extract.bodies.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import cache, partial

from kg import lexicon
from kg.extract import (
    actor_classes,
    admin,
    collectives,
    enterprises,
    head_members,
    headwords,
    organ_committee,
    persons,
    unit_named,
)
from kg.extract.labelindex import LabelIndex
from kg.refdata import BodyType, body_types, collection
from kg.text import fold, fold_same_length

# a body name that itself says its level ("Tỉnh đoàn": ontology/units.ttl)
IMPLIED_LEVEL = dict(lexicon.youth_committee_levels())
# types that are only a body when followed by what they belong to / are called
# (sets of body types: ontology/bodies.ttl collections)
_NEEDS_COMMITTEE = collection("needs-committee")
_NEEDS_LEVEL = collection("needs-level")  # also common nouns, or of other ranks
_NEEDS_NAME = collection("needs-name")
# types whose name is also an activity printed in lower case ("công tác kiểm dịch y tế")
_NEEDS_CAPITAL = collection("needs-capital")
# named as printed with what follows ("Báo và Phát thanh, Truyền hình Lai Châu" is a title)
KEEPS_NAME = collection("keeps-name")
_ATTACHED = collection("attached-organs")
_NEEDS_INNER = collection("needs-inner")
# groups whose bodies have a branch in each province, named with it ("VNPT Lào Cai")
_BRANCH_GROUPS = collection("province-branches")
# a province's authority of one named zone ("Ban Quản lý Khu kinh tế Đông Nam"): the zone's
# name is part of the body's, and a mention without it is that one zone's authority
ZONE_NAMED = collection("zone-named")
# a level word as printed with its accents (a folded match alone may be another word)
_ACCENTED_LEVELS = {
    x.lower() for w in lexicon.unit_words() if w.level != "central" for x in (w.label, *w.variants)
}

WORD_START = r"(?<![a-z0-9])"
WORD_END = r"(?![a-z0-9])"
_CONN = r"(?:\s*[,&\-]\s*|\s+va\s+)"
_LEVEL = (
    r"(?:cap\s+)?(?:thanh\s+pho|tp|thi\s+xa|thi\s+tran|tinh|huyen|quan|xa(?!\s+hoi)|phuong"
    r"|dac\s+khu|khu\s+vuc)"
    r"(?![a-z0-9])(?!\s+(?:uy|doan)(?![a-z]))"
)
_SUFFIX = re.compile(
    rf"(?:\s+(cac cap|cung cap)|(?:\s+(cac))?\s+({_LEVEL}(?:(?:\s*,\s*|\s+va\s+|\s+){_LEVEL})*){WORD_END})"
)
PARTY_COMMITTEE = r"(?:tinh uy|thanh uy|huyen uy|thi uy|quan uy|dang uy)"
_COMMITTEE = re.compile(
    rf"\s+(tinh uy|thanh uy|huyen uy|thi uy|quan uy|trung uong|dang uy(?:\s+(?:xa|phuong|thi tran))?){WORD_END}"
)
_COMMITTEES = re.compile(
    rf"\s+(cac\s+{PARTY_COMMITTEE}(?:(?:\s*,\s*|\s+va\s+){PARTY_COMMITTEE})*(?:\s+truc\s+thuoc(?:\s+{PARTY_COMMITTEE})?)?)"
    rf"(?:\s+{PARTY_COMMITTEE})?{WORD_END}"
)
_ABOVE = re.compile(rf"\s+({PARTY_COMMITTEE}|trung uong){WORD_END}")  # "... trực thuộc Tỉnh ủy"
# "các tỉnh, thành phố trực thuộc Trung ương": the provinces, as the centre names them
_UNDER_CENTRE = re.compile(rf"\s+truc\s+thuoc\s+trung\s+uong{WORD_END}")
LEVEL_WORD = re.compile(
    rf"{WORD_START}(cap\s+)?(thanh\s+pho|tp|thi\s+xa|thi\s+tran|tinh|huyen|quan|xa|phuong|dac\s+khu"
    rf"|khu\s+vuc){WORD_END}"
)
# a regional unit's designator after "khu vực" ("Kho bạc Nhà nước khu vực XI", "... khu vực 8")
_REGION = re.compile(r"[ \t]*\n?[ \t]*([IVXL]{1,6}|\d{1,2})(?![\w/.-])")
_VILLAGE = r"(?:thon|ban|khoi|xom|ap|buon|bon|to dan pho|khu pho|khu dan cu|phum|soc)"
_VILLAGES = re.compile(rf"(?:(?:\s*,\s*|\s+va\s+){_VILLAGE}(?![a-z0-9]))*")
_NAME_TOKEN = re.compile(r"[ \t]+([A-ZĐÀ-Ỹ][^\W\d_]*|\d+)")  # a name never wraps onto the next line
# a name wraps onto the next line only when that line's first word closes it: punctuation
# follows ("Ngãi;"), not more words (a capital there usually starts the next sentence)
_WRAPPED_TOKEN = re.compile(r"[ \t]*\n[ \t]*([A-ZĐÀ-Ỹ][^\W\d_]*)(?=[ \t]*[,;:.)]|[ \t]*$)", re.M)
# "Các trường Mầm non, Tiểu học, Trung học cơ sở": one plural head word, then the school
# levels it governs (ontology/phrases.ttl); a comma there does not start a new body
_SCHOOL_LEVEL = lexicon.phrase_alternation("school-levels")
_SCHOOL_LEVELS = re.compile(rf"(?:\s*,\s*|\s+va\s+)({_SCHOOL_LEVEL})(?![a-z0-9&])")
_FIRST_LEVEL = re.compile(rf"\s*:?\s*({_SCHOOL_LEVEL})(?![a-z0-9&])")


def _sep_key(folded: str) -> str:
    """A key on which the printed separators of a name no longer matter."""
    s = re.sub(r"\s*[,&\-]\s*|\s+va\s+", " ~ ", folded.strip())
    return re.sub(r"\s+", " ", s)


def _label_regex(folded: str) -> str:
    parts = re.split(r"(\s*[,&\-]\s*|\s+va\s+|\s+)", folded.strip())
    out = []
    for i, p in enumerate(parts):
        if i % 2:
            out.append(_CONN if p.strip() else r"\s+")
        else:
            out.append(re.escape(p))
    return "".join(out)


@dataclass
class _Gazetteer:
    index: LabelIndex  # every body label, longest first (kg.extract.labelindex)
    by_key: dict[str, str]  # separator-insensitive folded label -> type id
    by_label: dict[str, str]  # folded label (and its variants) -> type id


@cache
def _gazetteer() -> _Gazetteer:
    from kg.refdata import group_ids

    groups = group_ids()
    labels: dict[str, str] = {}
    for t in sorted(body_types().values(), key=lambda t: t.id):
        if t.id in groups or not t.labels:
            continue
        for label in t.labels:
            f = fold_same_length(label).strip()
            variants = {f}
            if f.startswith("cac ") and len(f.split()) >= 4:
                variants.add(f[4:])
            for long, short in lexicon.name_abbreviations():
                for v in list(variants):
                    if long in v:
                        variants.add(v.replace(long, short))
            for v in variants:
                labels.setdefault(v, t.id)
                if not v.startswith("cac "):
                    labels.setdefault("cac " + v, t.id)
    alts = sorted(labels, key=len, reverse=True)
    by_key = {_sep_key(k): v for k, v in labels.items()}
    regex = lambda ls: re.compile(rf"{WORD_START}(?:{'|'.join(map(_label_regex, ls))}){WORD_END}")  # noqa: E731
    return _Gazetteer(LabelIndex(alts, regex), by_key, labels)


# "các Bộ: Tài chính, Xây dựng", "các Tập đoàn: Bưu chính Viễn thông Việt Nam, ...": one head
# word printed once for a list of bodies of that kind
_HEADS = tuple(sorted({fold(w).lower() for w in lexicon.phrases("list-head-words")}))
_HEAD_ALT = "|".join(h.replace(" ", r"\s+") for h in _HEADS)
# ... also when the head word's kind is widened before the colon ("Các Bộ, cơ quan: Tài chính,
# Xây dựng, ..., Tập đoàn Điện lực Việt Nam": the ministries by their short names, then bodies
# named in full)
_DISTRIBUTIVE = re.compile(
    rf"{WORD_START}(?:cac\s+({_HEAD_ALT})\s*,\s*(?:co\s+quan|nganh)\s*:"
    rf"|cac\s+({_HEAD_ALT})\s*:?|({_HEAD_ALT})\s*:)\s*"
)
_ITEM_SEP = re.compile(r"\s*(?:,|;|\s+va\s)\s*")


@cache
def _head_gazetteers() -> dict[str, re.Pattern[str]]:
    """Per head word, the labels of its bodies without it ("tai chinh" for "bo tai chinh"),
    and every label of the bodies of the same groups ("vnpt", "mobifone" after "các Tập đoàn":
    kg.extract.head_members)."""
    rests: dict[str, list[str]] = {h: [] for h in _HEADS}
    for label in _gazetteer().by_label:
        for h in _HEADS:
            if label.startswith(h + " ") and len(label) > len(h) + 1:
                rests[h].append(label[len(h) + 1 :])
    for h, labels in head_members.printed_alone(_HEADS, _gazetteer().by_label).items():
        rests[h].extend(labels)
    return {
        h: re.compile(
            rf"(?:{'|'.join(_label_regex(r) for r in sorted(rs, key=len, reverse=True))}){WORD_END}"
        )
        for h, rs in rests.items()
        if rs
    }


def _distributed(text: str, folded: str, d: re.Match[str]) -> list[BodyMatch]:
    """The bodies of a list sharing one head word, or [] when the list is not one."""
    head = " ".join((d.group(1) or d.group(2) or d.group(3)).split())
    pattern = _head_gazetteers().get(head)
    out: list[BodyMatch] = []
    pos = d.end()
    while pattern is not None:
        it = pattern.match(folded, pos)
        item = folded[it.start() : it.end()] if it else ""
        type_id = (_type_of(f"{head} {item}") or _type_of(item)) if it else None
        bm = _complete(text, folded, it.start(), it.end(), type_id) if it and type_id else None
        if bm is None:
            break
        out.append(bm)
        sep = _ITEM_SEP.match(folded, bm.end)
        if not sep:
            break
        pos = sep.end()
    return out if len(out) >= 2 or (out and d.group(0).rstrip().endswith(":")) else []


@cache
def _list_only() -> tuple[re.Pattern[str], BodyType]:
    """The addressee named only inside a list of addressees ("Các sở, ngành tỉnh; địa
    phương"; collection bodies:list-only), with or without its "các"."""
    (type_id,) = collection("list-only")
    t = body_types()[type_id]
    words = re.sub(r"^cac\s+", "", fold_same_length(t.pref).strip())
    return re.compile(rf"{WORD_START}(?:cac\s+)?{_label_regex(words)}{WORD_END}"), t


# ---------------------------------------------------------------- matches


@dataclass
class BodyMatch:
    """A body found in a string: offsets into that string."""

    start: int
    end: int
    type: BodyType
    as_written: str
    levels: list[str] = field(default_factory=list)  # folded level words as printed
    plural: bool = False
    committee: str | None = None  # folded, as printed
    place: str | None = None
    name_extra: str | None = None  # what a school / Ban Chỉ đạo is called
    same_level: bool = False  # "Ủy ban nhân dân cùng cấp": the addressee's own level
    committee_list: str | None = None  # "các huyện ủy, thị ủy" after a Party organ
    inner: BodyMatch | None = None  # "Đảng đoàn [Hội đồng nhân dân tỉnh]"
    has_cac: bool = False
    label_end: int = 0  # where the reference-data label printed ends
    cap: bool = False  # the level word printed with "cấp" ("Ủy ban nhân dân cấp xã")
    region: str | None = None  # a regional unit's number ("khu vực XI")
    qualifier: str | None = None  # what narrows a catch-all ("khác", "có liên quan"), folded
    unit: str | None = None  # "Chi nhánh" of a body, "Văn phòng" of a Ban Chỉ đạo, as printed
    span_of: str | None = None  # "từ Hà Tĩnh đến Khánh Hòa": the units a collective covers
    holder: bool = False  # a catch-all named in full by a "Trách nhiệm của ..." heading
    every_level: bool = False  # "Công an các cấp": that kind of body at every level
    full: BodyMatch | None = None  # the body a short name the text defines stands for


def take_name(text: str, pos: int, max_tokens: int = 4) -> tuple[str | None, int]:
    """Capitalised words after ``pos`` (a place or a school's name)."""
    tokens = []
    end = pos
    while len(tokens) < max_tokens:
        m = _NAME_TOKEN.match(text, end)
        if not m and tokens:  # "Báo Quảng" / "Ngãi;", "tỉnh Thanh" / "Hóa phối hợp ..."
            m = _WRAPPED_TOKEN.match(text, end) or admin.wrapped_place(text, end, tokens)
        if not m:
            break
        tok = m.group(1)
        if not (tok[0].isupper() or tok.isdigit()):
            break
        if tok.isupper() and len(tok) > 1 and not tok.isdigit():
            break  # an abbreviation starts the next name
        if tokens and _YEAR.fullmatch(tok) and tokens[-1].lower() not in _TIME_WORDS:
            break  # "tỉnh Đồng Tháp" | "2026": a table's time cell after a place, no ward number
        tokens.append(tok)
        end = m.end()
    if len(tokens) > 1 and tokens[0].lower() in _TIME_WORDS and tokens[1][0].isdigit():
        # "Ban Tổ chức Thành ủy | Năm 2023": a table's deadline cell, not a place
        return None, pos
    return (" ".join(tokens) if tokens else None), end


_YEAR = re.compile(r"(?:19|20)\d\d")
# words that open a time, not a place, when a number follows ("Năm Căn" is a district;
# ontology/phrases.ttl)
_TIME_WORDS = frozenset(w.lower() for w in lexicon.phrases("time-words"))


def _complete(text: str, folded: str, start: int, end: int, type_id: str) -> BodyMatch | None:
    if not headwords.printed_as_head(text, start, type_id):
        return None  # "Trưởng Công an xã": not "Trường" (a school)
    if type_id in _NEEDS_NAME and headwords.after_unit_word(text, start):
        return None  # "phường Trường Thi": a ward, not a school
    if type_id in _NEEDS_CAPITAL and not headwords.capitalised(text, start):
        return None  # "công tác kiểm dịch y tế": the activity, not the service
    m = _complete_label(text, folded, start, end, type_id)
    if m is not None:  # "Chi nhánh Ngân hàng ...", "Văn phòng Ban Chỉ đạo ..."
        m.start, m.unit = collectives.unit_before(text, folded, start, type_id)
        m.as_written = text[m.start : m.end]
    return m


def _committee(m: BodyMatch, text: str, folded: str, end: int) -> bool:
    """Read the committee an organ's name ends with; False when it needs one and has none."""
    named = organ_committee.named_committee(text, end, match_at) if m.type.party_organ else None
    c = _COMMITTEE.match(folded, end)
    cs = _COMMITTEES.match(folded, end)
    if named is not None:  # "Ban Thường vụ [Đảng ủy các xã, phường]"
        m.inner, m.end = named, named.end
    elif cs:
        m.committee_list = " ".join(text[cs.start(1) : cs.end(1)].split())
        m.plural = True
        m.end = cs.end()
    elif c:
        m.committee = c.group(1).split()[0] + " " + c.group(1).split()[1]
        m.end = c.end()
    elif m.type.id in _NEEDS_COMMITTEE:
        return False
    return True


def _with_inner(m: BodyMatch, text: str) -> tuple[bool, BodyMatch | None]:
    """An organ named with the body it is attached to ("Đảng đoàn Hội Nông dân tỉnh"): (True,
    the whole match); (True, None) for an organ that is no body alone ("Ban Thường trực");
    (False, None) when the organ alone is read on."""
    inner = match_at(text, m.end)
    if inner is not None and inner.type.id not in _ATTACHED:
        m.inner = inner
        m.end = inner.end
        m.as_written = text[m.start : m.end]
        return True, m
    return m.type.id in _NEEDS_INNER, None


def _branch(m: BodyMatch, text: str) -> bool:
    """Extend ``m`` over the province printed after it ("Viettel Nghệ An": the group's branch
    in that province); False when no province's name follows."""
    name, e = take_name(text, m.end, 3)
    province = admin.province_named(name) if name else None
    if province:
        m.place, m.end = province, e
        m.as_written = text[m.start : m.end]
    return province is not None


def _complete_label(text: str, folded: str, start: int, end: int, type_id: str) -> BodyMatch | None:
    t = body_types()[type_id]
    m = BodyMatch(start, end, t, text[start:end], label_end=end)
    same = re.match(r"\s+cung\s+cap(?![a-z])", folded[end:])
    if same and text[end : end + same.end()].split()[0].lower() == "cùng":
        m.same_level = True
    key = folded[start:end]
    if t.qualified:  # "Các doanh nghiệp viễn thông": the class and which of its members
        return actor_classes.named(m, text, partial(match_at, text))
    if t.person_name:  # "Phó Thủ tướng Chính phủ Trần Hồng Hà": the office by its holder
        m.name_extra, m.end = persons.name_at(text, end, partial(match_at, text))
        m.as_written = text[start : m.end]
        return m if m.name_extra else None
    if t.proper_name:  # "Tổng công ty Điện lực miền Bắc"; its name stops where a body begins
        m.name_extra, m.end = enterprises.name_at(text, end, t.name_words, partial(match_at, text))
        m.as_written = text[start : m.end]
        return m if m.name_extra else None
    if (t.party_organ or type_id in {"BanThuongVu", "BanXayDungDang"}) and not _committee(
        m, text, folded, end
    ):
        return None
    if t.collective and key.endswith("truc thuoc"):
        above = _ABOVE.match(folded, m.end)  # the superior committee, when printed
        if above:
            m.committee = above.group(1)
            m.end = above.end()
    if type_id in _ATTACHED:
        done, attached = _with_inner(m, text)
        if done:
            return attached
    if type_id == "TruongThon" and text[start:end].split()[-1].lower() == "ban":
        return None  # "Trưởng ban": the head of a board, not of a village (bản)
    if type_id == "TruongThon":
        v = _VILLAGES.match(folded, m.end)
        m.end = max(m.end, v.end()) if v else m.end
    if type_id == "BanChiDao":
        m.name_extra, m.end = collectives.steers_at(text, folded, m.end, m.type.qualifier_stops)
    if type_id == "TruongHoc" and re.match(r"\s+hop(?![a-z])", folded[m.end : m.end + 8]):
        return None  # "các trường hợp": cases, not schools
    if type_id == "TruongHoc" and key.startswith("cac "):
        return _plural_schools(m, text, folded, key)
    if _BRANCH_GROUPS & m.type.groups and not key.startswith("cac ") and _branch(m, text):
        return m
    if type_id in ZONE_NAMED:
        name, e = take_name(text, m.end)
        if name and not admin.province_named(name):  # "Đông Nam", not the province's name
            m.name_extra = name
            m.end = e
    if type_id in _NEEDS_NAME or type_id in KEEPS_NAME:
        name, e = take_name(text, m.end)
        if name:
            m.name_extra = name
            m.end = e
        elif type_id in _NEEDS_NAME and key.split()[-1] in {"bao", "truong", "vien"}:
            return None
    implied = next((lw for k, lw in IMPLIED_LEVEL.items() if key.endswith(k)), None)
    if implied:
        m.levels = [implied]
    if t.generic:
        m.end = collectives.more_kinds_end(text, folded, m.end)
    if not m.committee and not implied:
        s = _SUFFIX.match(folded, collectives.of_unit_end(folded, m.end) if t.generic else m.end)
        if s and s.group(1) and s.group(1).startswith("cung") and not m.same_level:
            s = None  # "cung cấp" (to provide) is not "cùng cấp"
        if s:
            if s.group(1):
                m.end = s.end()
                m.every_level = s.group(1).startswith("cac")
            else:
                lv = []
                for w in LEVEL_WORD.finditer(folded, s.start(3), s.end(3)):
                    if (
                        " ".join(text[w.start(2) : w.end(2)].lower().split())
                        not in _ACCENTED_LEVELS
                    ):
                        break
                    lv.append(" ".join(w.group(2).split()))
                    m.cap = m.cap or (bool(w.group(1)) and not lv[1:])
                    last_end = w.end()
                if lv and t.level == "central" and any(w != "khu vuc" for w in lv):
                    pass  # "Bộ Quốc phòng các tỉnh Ninh Bình, ...": a ministry has no level
                    # (its regional units aside), the comma before the provinces was lost
                elif lv:
                    m.levels = lv
                    m.plural = bool(s.group(2)) or len(lv) > 1
                    m.has_cac = bool(s.group(2))
                    m.end = last_end
                    under = _UNDER_CENTRE.match(folded, m.end) if m.plural else None
                    if under:
                        m.end = under.end()
    if t.generic:
        m.qualifier, m.end = collectives.qualifier_at(folded, m.end, text)
    if m.levels[-1:] == ["khu vuc"] or (not m.levels and key.endswith("khu vuc")):
        r = _REGION.match(text, m.end)
        if r:
            m.region = r.group(1)
            m.end = r.end()
    own = not m.levels and unit_named.unit_word_of(t, key)  # "Thuế tỉnh" [Đắk Lắk]
    if (m.levels or m.committee or implied or own) and type_id not in KEEPS_NAME and not m.region:
        place, e = unit_named.place_at(text, m.end, take_name) if own else take_name(text, m.end)
        if place:
            m.place = place
            m.end = e
    _region_of_units(m)  # "các tỉnh khu vực Trung Bộ"
    if type_id in _NEEDS_LEVEL and not m.levels:
        return None
    if (m.plural or t.collective) and not m.span_of:  # "các tỉnh từ Hà Tĩnh đến Khánh Hòa"
        m.span_of, m.end = collectives.units_span_at(text, m.end)
    m.as_written = text[m.start : m.end]
    return m


def _region_of_units(m: BodyMatch) -> None:
    """A plural collective printed with "khu vực" and a name after its level words ("các tỉnh
    khu vực Trung Bộ") names the provinces of a region: the region is the units it covers
    (span_of), not a level and a place ("Kho bạc Nhà nước khu vực XI", a central body's
    regional unit, has its number as ``region`` and is left alone)."""
    if m.plural and len(m.levels) > 1 and m.levels[-1] == "khu vuc" and m.place and not m.region:
        m.levels, m.span_of, m.place = m.levels[:-1], f"khu vực {m.place}", None


def _plural_schools(m: BodyMatch, text: str, folded: str, key: str) -> BodyMatch:
    """ "các trường tiểu học, THCS", "Các Trường Đại học, Cao đẳng", "Các trường: Đại học, ...":
    the schools of the levels printed (phrases:school-levels)."""
    head = re.match(r"cac\s+truong\s+", key)
    levels = [text[m.start + (head.end() if head else 0) : m.end]]
    first = None if head else _FIRST_LEVEL.match(folded, m.end)
    if first:  # the first level after the bare plural head, or after a colon
        levels, m.end = [text[first.start(1) : first.end(1)]], first.end()
    lv = _SCHOOL_LEVELS.match(folded, m.end)
    while lv:
        levels.append(text[lv.start(1) : lv.end(1)])
        m.end = lv.end()
        lv = _SCHOOL_LEVELS.match(folded, m.end)
    m.plural = True
    m.name_extra = ", ".join(_school_level(x) for x in levels)
    m.as_written = text[m.start : m.end]
    return m


def _school_level(printed: str) -> str:
    """A school level as a common noun ("Tiểu học" -> "tiểu học"); abbreviations stay."""
    printed = " ".join(printed.split())
    return printed if printed.isupper() else printed.lower()


def find_bodies(text: str, *, list_mode: bool = False) -> list[BodyMatch]:
    """Every body named in ``text``, leftmost-longest, non-overlapping."""
    folded = fold_same_length(text)
    gz = _gazetteer()
    out: list[BodyMatch] = []
    pos = 0
    while True:
        m = gz.index.search(folded, pos)
        lo = _list_only()[0].search(folded, pos) if list_mode else None
        if lo and (m is None or lo.start() < m.start()):
            bt = _list_only()[1]
            out.append(BodyMatch(lo.start(), lo.end(), bt, text[lo.start() : lo.end()]))
            pos = lo.end()
            continue
        d = _DISTRIBUTIVE.search(folded, pos, m.end() + 4 if m else len(folded))  # its colon
        shared = (
            _distributed(text, folded, d) if d and (m is None or d.start() <= m.start()) else []
        )
        if shared:
            out += shared
            pos = shared[-1].end
            continue
        if m is None:
            break
        type_id = _type_of(folded[m.start() : m.end()])
        bm = _complete(text, folded, m.start(), m.end(), type_id) if type_id else None
        if bm is None:
            pos = m.start() + 1
            continue
        out.append(bm)
        pos = bm.end
    return _with_defined(text, folded, out) if DEFINED.get() else out


def match_at(text: str, pos: int, *, list_mode: bool = False) -> BodyMatch | None:
    """The body starting exactly at ``pos`` (after spaces), if any."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    folded = fold_same_length(text)
    gz = _gazetteer()
    unit = next((u for u in collectives.UNITS_OF if folded.startswith(u, pos)), None)
    for at in (pos, pos + len(unit)) if unit else (pos,):
        m = gz.index.match(folded, at)
        type_id = _type_of(folded[m.start() : m.end()]) if m else None
        bm = _complete(text, folded, m.start(), m.end(), type_id) if m and type_id else None
        if bm and (at == pos or bm.start == pos):  # after a unit word: as that body's unit
            short = _defined_at(text, folded, pos) if DEFINED.get() else None
            return short if short is not None and short.end >= bm.end else bm
    if DEFINED.get():
        short = _defined_at(text, folded, pos)
        if short is not None:
            return short
    if list_mode:
        lo = _list_only()[0].match(folded, pos)
        if lo:
            bt = _list_only()[1]
            return BodyMatch(lo.start(), lo.end(), bt, text[lo.start() : lo.end()])
    return None


def label_printed(m: BodyMatch) -> str | None:
    """The label of ``m``'s type, as the reference data spells it, that the text printed ("các
    cơ quan truyền thông, báo chí"), its separators and "các" aside; None when a variant of
    it (an abbreviation) was printed."""
    printed = fold_same_length(m.as_written[: m.label_end - m.start]).lower()
    key = re.sub(r"^cac ", "", _sep_key(printed))
    for label in m.type.labels:
        if re.sub(r"^cac ", "", _sep_key(fold_same_length(label).lower())) == key:
            return label
    return None


def _type_of(matched_folded: str) -> str | None:
    by_key = _gazetteer().by_key
    key = _sep_key(matched_folded)
    if key in by_key:
        return by_key[key]
    for prefix in ("cac ",):
        if key.startswith(prefix) and key[len(prefix) :] in by_key:
            return by_key[key[len(prefix) :]]
    return None


# ---------------------------------------------------------------- short names a text defines


@dataclass(frozen=True)
class Defined:
    """A short name one text defines for a body ("Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)"):
    where it is printed as defined, it names ``full`` (kg.extract.defined_names)."""

    pattern: re.Pattern[str]  # the short name, folded, word by word
    upper: bool  # printed with a capital, as defined
    full: BodyMatch  # the body named in full (offsets of no use)
    longer: re.Pattern[str] | None  # the full name, when it opens with the short one
    after: str | None  # then the word after the short one in the full name, folded


# the short names of the text being read (kg.extract.defined_names.reading sets them)
DEFINED: ContextVar[tuple[Defined, ...]] = ContextVar("defined_short_names", default=())


def _defined_at(text: str, folded: str, pos: int) -> BodyMatch | None:
    """The body a defined short name printed at ``pos`` names, if one is printed there."""
    for d in DEFINED.get():
        m = d.pattern.match(folded, pos)
        if m is None or text[pos].isupper() != d.upper:
            continue
        end = m.end()
        if d.longer is not None:
            whole = d.longer.match(folded, pos)
            if whole is not None:
                end = whole.end()  # the full name printed again
            elif d.after and folded[m.end() :].split(None, 1)[:1] == [d.after]:
                continue  # another body of the same head ("Quỹ nhà ở địa phương")
        return replace(d.full, start=pos, end=end, as_written=text[pos:end], full=d.full)
    return None


def _with_defined(text: str, folded: str, found: list[BodyMatch]) -> list[BodyMatch]:
    """``found`` with the defined short names printed in ``text``: a short name printed
    where the gazetteer read a body no longer than it names the defined body instead."""
    out = list(found)
    starts = {pos for d in DEFINED.get() for pos in (m.start() for m in d.pattern.finditer(folded))}
    for pos in sorted(starts):
        short = _defined_at(text, folded, pos)
        if short is None:
            continue
        over = [b for b in out if b.start < short.end and short.start < b.end]
        if any(b.start < short.start or b.end > short.end for b in over):
            continue  # inside a longer name
        out = [b for b in out if not any(b is o for o in over)] + [short]
    return sorted(out, key=lambda b: b.start)
