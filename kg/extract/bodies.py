"""Find bodies in text and match them to the reference data (ontology/bodies.ttl).

Matching runs on a same-length fold of the text (no diacritics, lower case,
one dash), so a match's offsets are offsets into the text as printed.
"Phòng Văn hoá – Thông tin Thành phố" and "Phòng Văn hóa và Thông tin" are one
type; the connectors "," "-" "&" "và" between the words of a name are
interchangeable because drafters use all of them.

Canonical names drop the place. Types that exist at every level (Ủy ban nhân
dân, Công an, Mặt trận...) keep the level word, as printed or, when the text
omits it, the issuing body's ("Công an huyện", "Ủy ban Mặt trận Tổ quốc Việt
Nam tỉnh"); organs of a Party committee keep the committee ("Ban Tuyên giáo
Thành ủy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, partial

from kg import lexicon
from kg.extract import actor_classes, admin, collectives, enterprises, unit_named
from kg.extract.labelindex import LabelIndex
from kg.models import AdminUnit, BodyMention, CleanText, DocumentFacts, Span
from kg.refdata import BodyType, body_types
from kg.text import fold, fold_same_length

# unit and level words (ontology/units.ttl via kg.lexicon), keyed by their folded form
_WORDS = [(fold(x), w) for w in lexicon.unit_words() for x in (w.label, *w.variants)]
LEVEL_DISPLAY = {k: w.label for k, w in _WORDS}  # "tp" -> "thành phố"
LEVEL_OF_WORD = {k: w.level for k, w in _WORDS}  # "huyen" -> "district"
COMMITTEE_DISPLAY = {fold(w.label): w.label for w in lexicon.committee_words()}
COMMITTEE_LEVEL_WORD = {fold(w.label): fold(w.unit or "") for w in lexicon.committee_words()}
# a body name that itself says its level
IMPLIED_LEVEL = {
    "tinh doan": "tinh",
    "thanh doan": "thanh pho",
    "huyen doan": "huyen",
    "thi doan": "thi xa",
    "quan doan": "quan",
    "doan xa": "xa",
}
# printed abbreviations of words inside names: each label also matches with these
_ABBREV = [
    ("uy ban nhan dan", "ubnd"),
    ("hoi dong nhan dan", "hdnd"),
    ("thanh nien cong san", "tncs"),
    ("uy ban mat tran to quoc viet nam", "ubmttqvn"),
    ("uy ban mat tran to quoc viet nam", "ubmttq"),
    ("mat tran to quoc viet nam", "mttq"),
    ("lao dong - thuong binh va xa hoi", "ldtbxh"),
    ("lao dong - thuong binh va xa hoi", "ld-tb&xh"),
    ("lao dong - thuong binh va xa hoi", "ld-tbxh"),
    ("giao duc va dao tao", "gd&dt"),
    ("giao duc va dao tao", "gddt"),
]
# types that are only a body when followed by what they belong to / are called
_NEEDS_COMMITTEE = {"VanPhongCapUy", "ThuongTrucCapUy"}
_NEEDS_LEVEL = {"ThanhTra", "ThuVien", "BoTuLenh"}  # also common nouns, or of other ranks
_NEEDS_NAME = {"BaoDang", "TruongHoc", "BenhVien"}
# named as printed with what follows ("Báo và Phát thanh, Truyền hình Lai Châu" is a title)
_KEEPS_NAME = {"BaoDang", "TruongHoc", "BenhVien", "BaoPTTH"}
_ATTACHED = {"DangDoan", "BanCanSuDang", "DangUyXa"}
# a province's authority of one named zone ("Ban Quản lý Khu kinh tế Đông Nam"): the zone's
# name is part of the body's, and a mention without it is that one zone's authority
_ZONE_NAMED = {"BQLKKT"}
_ORGAN_COLLECTIVES = {"BanXayDungDang"}  # organs of a committee, named with that committee
_NO_LEVEL_GROUPS = {"PartyCommittee", "Collective", "CommuneOfficial", "CollegialOffice"}
_PLURAL_GOV = {"UBND", "HDND", "CongAn", "UBMTTQ", "DangUyXa", "DoanTNCS"}
# a level word as printed with its accents (a folded match alone may be another word)
_ACCENTED_LEVELS = {
    x.lower() for w in lexicon.unit_words() if w.level != "central" for x in (w.label, *w.variants)
}
# labels that name a body only inside a list of addressees ("Các sở, ngành tỉnh; địa phương")
LIST_ONLY = {"dia phuong": "DiaPhuong", "cac dia phuong": "DiaPhuong"}

_B = r"(?<![a-z0-9])"
_E = r"(?![a-z0-9])"
_CONN = r"(?:\s*[,&\-]\s*|\s+va\s+)"
_LEVEL = (
    r"(?:cap\s+)?(?:thanh\s+pho|tp|thi\s+xa|thi\s+tran|tinh|huyen|quan|xa(?!\s+hoi)|phuong"
    r"|dac\s+khu|khu\s+vuc)"
    r"(?![a-z0-9])(?!\s+(?:uy|doan)(?![a-z]))"
)
_SUFFIX = re.compile(
    rf"(?:\s+(cac cap|cung cap)|(?:\s+(cac))?\s+({_LEVEL}(?:(?:\s*,\s*|\s+va\s+|\s+){_LEVEL})*){_E})"
)
_CU = r"(?:tinh uy|thanh uy|huyen uy|thi uy|quan uy|dang uy)"
_COMMITTEE = re.compile(
    rf"\s+(tinh uy|thanh uy|huyen uy|thi uy|quan uy|trung uong|dang uy(?:\s+(?:xa|phuong|thi tran))?){_E}"
)
_COMMITTEES = re.compile(
    rf"\s+(cac\s+{_CU}(?:(?:\s*,\s*|\s+va\s+){_CU})*(?:\s+truc\s+thuoc(?:\s+{_CU})?)?)"
    rf"(?:\s+{_CU})?{_E}"
)
_ABOVE = re.compile(rf"\s+({_CU}|trung uong){_E}")  # "... trực thuộc Tỉnh ủy"
# "các tỉnh, thành phố trực thuộc Trung ương": the provinces, as the centre names them
_UNDER_CENTRE = re.compile(rf"\s+truc\s+thuoc\s+trung\s+uong{_E}")
_LEVEL_WORD = re.compile(
    rf"{_B}(cap\s+)?(thanh\s+pho|tp|thi\s+xa|thi\s+tran|tinh|huyen|quan|xa|phuong|dac\s+khu"
    rf"|khu\s+vuc){_E}"
)
# a regional unit's designator after "khu vực" ("Kho bạc Nhà nước khu vực XI", "... khu vực 8")
_REGION = re.compile(r"[ \t]*\n?[ \t]*([IVXL]{1,6}|\d{1,2})(?![\w/.-])")
# types whose name already says their level ("Sở Y tế", "Phòng Tư pháp"): the printed level
# word is dropped; other types of one level keep it as printed ("Bộ Chỉ huy Quân sự tỉnh")
_LEVEL_NAMED_GROUPS = {"ProvincialDepartment", "DistrictOffice", "Ministry"}
_VILLAGE = r"(?:thon|ban|khoi|xom|ap|buon|bon|to dan pho|khu pho|khu dan cu|phum|soc)"
_VILLAGES = re.compile(rf"(?:(?:\s*,\s*|\s+va\s+){_VILLAGE}(?![a-z0-9]))*")
_NAME_TOKEN = re.compile(r"[ \t]+([A-ZĐÀ-Ỹ][^\W\d_]*|\d+)")  # a name never wraps onto the next line
# a name wraps onto the next line only when that line's first word closes it: punctuation
# follows ("Ngãi;"), not more words (a capital there usually starts the next sentence)
_WRAPPED_TOKEN = re.compile(r"[ \t]*\n[ \t]*([A-ZĐÀ-Ỹ][^\W\d_]*)(?=[ \t]*[,;:.)]|[ \t]*$)", re.M)
# "Các trường Mầm non, Tiểu học, Trung học cơ sở": one plural head word, then the school
# levels it governs; a comma there does not start a new body
_SCHOOL_LEVEL = (
    r"(?:mam non|tieu hoc(?:\s+va\s+trung hoc co so)?|trung hoc co so|trung hoc pho thong"
    r"|pho thong dan toc (?:noi|ban) tru|th\s*&\s*thcs|thcs|thpt|ptdtnt|ptdtbt|mn|th)"
)
_SCHOOL_LEVELS = re.compile(rf"(?:\s*,\s*|\s+va\s+)({_SCHOOL_LEVEL})(?![a-z0-9&])")


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
            for long, short in _ABBREV:
                for v in list(variants):
                    if long in v:
                        variants.add(v.replace(long, short))
            for v in variants:
                labels.setdefault(v, t.id)
                if not v.startswith("cac "):
                    labels.setdefault("cac " + v, t.id)
    alts = sorted(labels, key=len, reverse=True)
    by_key = {_sep_key(k): v for k, v in labels.items()}
    regex = lambda ls: re.compile(rf"{_B}(?:{'|'.join(map(_label_regex, ls))}){_E}")  # noqa: E731
    return _Gazetteer(LabelIndex(alts, regex), by_key, labels)


# "các Bộ: Tài chính, Xây dựng", "các Tập đoàn: Bưu chính Viễn thông Việt Nam, ...": one head
# word printed once for a list of bodies of that kind
_HEADS = ("bo", "so", "tap doan", "phong")
_HEAD_ALT = "|".join(h.replace(" ", r"\s+") for h in _HEADS)
_DISTRIBUTIVE = re.compile(rf"{_B}(?:cac\s+({_HEAD_ALT})\s*:?|({_HEAD_ALT})\s*:)\s*")
_ITEM_SEP = re.compile(r"\s*(?:,|;|\s+va\s)\s*")


@cache
def _head_gazetteers() -> dict[str, re.Pattern[str]]:
    """Per head word, the labels of its bodies without it ("tai chinh" for "bo tai chinh")."""
    rests: dict[str, list[str]] = {h: [] for h in _HEADS}
    for label in _gazetteer().by_label:
        for h in _HEADS:
            if label.startswith(h + " ") and len(label) > len(h) + 1:
                rests[h].append(label[len(h) + 1 :])
    return {
        h: re.compile(
            rf"(?:{'|'.join(_label_regex(r) for r in sorted(rs, key=len, reverse=True))}){_E}"
        )
        for h, rs in rests.items()
        if rs
    }


def _distributed(text: str, folded: str, d: re.Match[str]) -> list[BodyMatch]:
    """The bodies of a list sharing one head word, or [] when the list is not one."""
    head = " ".join((d.group(1) or d.group(2)).split())
    pattern = _head_gazetteers().get(head)
    out: list[BodyMatch] = []
    pos = d.end()
    while pattern is not None:
        it = pattern.match(folded, pos)
        type_id = _type_of(f"{head} {folded[it.start() : it.end()]}") if it else None
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
def _list_only_pattern() -> re.Pattern[str]:
    return re.compile(rf"{_B}(?:cac\s+)?dia\s+phuong{_E}")


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

    def learn_places(self, text: str) -> Context:
        """Remember the local units ``text`` names with their place ("Thường trực Tỉnh ủy
        Thanh Hóa"), so that the same unit named later without it ("Đề nghị Thường trực
        Tỉnh ủy ...") is that one unit, not the issuer's own level (GUIDE); and the catch-alls
        it prints with their level, whose name that is wherever printed without it."""
        for m in find_bodies(text):
            if m.type.generic and collectives.has_level(m.as_written):
                key, printed = collectives.generic_key(
                    m.as_written, m.type.id, m.label_end - m.start
                )
                self.generic_printed.setdefault(key, printed)
            elif m.type.id in _ZONE_NAMED and m.name_extra:
                self.zones.setdefault(m.type.id, set()).add(m.name_extra)
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
        m = re.search(rf"{_B}(tinh uy|thanh uy|huyen uy|thi uy|quan uy|dang uy){_E}", f)
        if m:
            committee = m.group(1)
        lw = None
        m2 = _LEVEL_WORD.search(f)
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
            two_tier=(facts.date or "") >= collectives.REFORM_DATE,
        )


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


def take_name(text: str, pos: int, max_tokens: int = 4) -> tuple[str | None, int]:
    """Capitalised words after ``pos`` (a place or a school's name)."""
    tokens = []
    end = pos
    while len(tokens) < max_tokens:
        m = _NAME_TOKEN.match(text, end)
        if not m and tokens:  # "Báo Quảng" / "Ngãi;", "tỉnh Thanh" / "Hóa phối hợp ..."
            m = _WRAPPED_TOKEN.match(text, end) or admin.wrapped_province(text, end, tokens)
        if not m:
            break
        tok = m.group(1)
        if not (tok[0].isupper() or tok.isdigit()):
            break
        if tok.isupper() and len(tok) > 1 and not tok.isdigit():
            break  # an abbreviation starts the next name
        tokens.append(tok)
        end = m.end()
    if len(tokens) > 1 and tokens[0].lower() in _TIME_WORDS and tokens[1][0].isdigit():
        # "Ban Tổ chức Thành ủy | Năm 2023": a table's deadline cell, not a place
        return None, pos
    return (" ".join(tokens) if tokens else None), end


# words that open a time, not a place, when a number follows ("Năm Căn" is a district)
_TIME_WORDS = {"năm", "tháng", "quý", "ngày"}


def _complete(text: str, folded: str, start: int, end: int, type_id: str) -> BodyMatch | None:
    m = _complete_label(text, folded, start, end, type_id)
    if m is not None:  # "Chi nhánh Ngân hàng ...", "Văn phòng Ban Chỉ đạo ..."
        m.start, m.unit = collectives.unit_before(text, folded, start, type_id)
        m.as_written = text[m.start : m.end]
    return m


def _complete_label(text: str, folded: str, start: int, end: int, type_id: str) -> BodyMatch | None:
    t = body_types()[type_id]
    m = BodyMatch(start, end, t, text[start:end], label_end=end)
    same = re.match(r"\s+cung\s+cap(?![a-z])", folded[end:])
    if same and text[end : end + same.end()].split()[0].lower() == "cùng":
        m.same_level = True
    key = folded[start:end]
    if t.qualified:  # "Các doanh nghiệp viễn thông": the class and which of its members
        return actor_classes.named(m, text, partial(match_at, text))
    if t.proper_name:  # "Tổng công ty Điện lực miền Bắc"; its name stops where a body begins
        m.name_extra, m.end = enterprises.name_at(text, end, t.name_words, partial(match_at, text))
        m.as_written = text[start : m.end]
        return m if m.name_extra else None
    if t.party_organ or type_id in {"BanThuongVu", "BanXayDungDang"}:
        c = _COMMITTEE.match(folded, end)
        cs = _COMMITTEES.match(folded, end)
        if cs:
            m.committee_list = " ".join(text[cs.start(1) : cs.end(1)].split())
            m.plural = True
            m.end = cs.end()
        elif c:
            m.committee = c.group(1).split()[0] + " " + c.group(1).split()[1]
            m.end = c.end()
        elif type_id in _NEEDS_COMMITTEE:
            return None
    if t.collective and key.endswith("truc thuoc"):
        above = _ABOVE.match(folded, m.end)  # the superior committee, when printed
        if above:
            m.committee = above.group(1)
            m.end = above.end()
    if type_id in _ATTACHED:
        inner = match_at(text, m.end)
        if inner is not None and inner.type.id not in _ATTACHED:
            m.inner = inner
            m.end = inner.end
            m.as_written = text[m.start : m.end]
            return m
    if type_id == "TruongThon" and text[start:end].split()[-1].lower() == "ban":
        return None  # "Trưởng ban": the head of a board, not of a village (bản)
    if type_id == "TruongThon":
        v = _VILLAGES.match(folded, m.end)
        m.end = max(m.end, v.end()) if v else m.end
    if type_id == "BanChiDao":
        m.name_extra, m.end = collectives.steers_at(text, folded, m.end)
    if type_id == "TruongHoc" and re.match(r"\s+hop(?![a-z])", folded[m.end : m.end + 8]):
        return None  # "các trường hợp": cases, not schools
    if type_id == "TruongHoc" and key.startswith("cac "):
        head = re.match(r"cac\s+truong\s+", key)
        levels = [text[m.start + (head.end() if head else 0) : m.end]]
        lv = _SCHOOL_LEVELS.match(folded, m.end)
        while lv:
            levels.append(text[lv.start(1) : lv.end(1)])
            m.end = lv.end()
            lv = _SCHOOL_LEVELS.match(folded, m.end)
        m.plural = True
        m.name_extra = ", ".join(_school_level(x) for x in levels)
        m.as_written = text[m.start : m.end]
        return m
    if type_id in _ZONE_NAMED:
        name, e = take_name(text, m.end)
        if name and not admin.province_named(name):  # "Đông Nam", not the province's name
            m.name_extra = name
            m.end = e
    if type_id in _NEEDS_NAME or type_id in _KEEPS_NAME:
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
            else:
                lv = []
                for w in _LEVEL_WORD.finditer(folded, s.start(3), s.end(3)):
                    if (
                        " ".join(text[w.start(2) : w.end(2)].lower().split())
                        not in _ACCENTED_LEVELS
                    ):
                        break
                    lv.append(" ".join(w.group(2).split()))
                    m.cap = m.cap or (bool(w.group(1)) and not lv[1:])
                    last_end = w.end()
                if lv:
                    m.levels = lv
                    m.plural = bool(s.group(2)) or len(lv) > 1
                    m.has_cac = bool(s.group(2))
                    m.end = last_end
                    under = _UNDER_CENTRE.match(folded, m.end) if m.plural else None
                    if under:
                        m.end = under.end()
    if t.generic:
        m.qualifier, m.end = collectives.qualifier_at(folded, m.end)
    if m.levels[-1:] == ["khu vuc"] or (not m.levels and key.endswith("khu vuc")):
        r = _REGION.match(text, m.end)
        if r:
            m.region = r.group(1)
            m.end = r.end()
    own = not m.levels and unit_named.unit_word_of(t, key)  # "Thuế tỉnh" [Đắk Lắk]
    if (m.levels or m.committee or implied or own) and type_id not in _KEEPS_NAME and not m.region:
        place, e = unit_named.place_at(text, m.end, take_name) if own else take_name(text, m.end)
        if place:
            m.place = place
            m.end = e
    if type_id in _NEEDS_LEVEL and not m.levels:
        return None
    if m.plural or t.collective:  # "các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"
        m.span_of, m.end = collectives.units_span_at(text, m.end)
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
        lo = _list_only_pattern().search(folded, pos) if list_mode else None
        if lo and (m is None or lo.start() < m.start()):
            bt = body_types()["DiaPhuong"]
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
    return out


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
            return bm
    if list_mode:
        lo = _list_only_pattern().match(folded, pos)
        if lo:
            bt = body_types()["DiaPhuong"]
            return BodyMatch(lo.start(), lo.end(), bt, text[lo.start() : lo.end()])
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


# ---------------------------------------------------------------- canonical names


def _place_key(m: BodyMatch) -> str:
    return f"{m.type.id}|{m.committee or ''}|{m.levels[0] if m.levels else ''}"


def canonical(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool]:
    """(canonical name, type id, level, collective) of a match in a document."""
    name, type_id, level, collective = _canonical(m, ctx)
    name = unit_named.with_place(name, m, ctx.level)
    if m.unit:  # "Chi nhánh Ngân hàng Chính sách xã hội Thành phố"
        unit = m.unit[:1].upper() + m.unit[1:].lower()
        name = f"{unit} {name}"
    return name, type_id, level, collective


def _canonical(m: BodyMatch, ctx: Context) -> tuple[str, str, str | None, bool]:
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
    if m.span_of and t.collective and not t.generic:
        base = re.sub(r"\s+trực thuộc Trung ương$", "", t.pref, flags=re.I)
        return f"{base} {m.span_of}", type_id, level, True
    if m.region:  # "Kho bạc Nhà nước khu vực XI": one regional unit, named with its number
        printed = _squash(m.as_written[: m.label_end - m.start])
        base = printed if len(printed.split()) > 1 else t.pref  # as printed, unless abbreviated
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
        inner_name = canonical(m.inner, ctx)[0]
        return f"{t.pref} {inner_name}", type_id, m.inner.type.level or ctx.level, False
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
        # "Phòng LĐTBXH các huyện, thị xã, thành phố": one kind of office, the place dropped
        return t.pref, type_id, level, True
    if m.plural:
        cac = "các " if m.has_cac else ""
        return f"{t.pref} {cac}{', '.join(levels)}", type_id, level, True
    if t.id in _KEEPS_NAME or t.proper_name:
        return _squash(m.as_written), type_id, level or ctx.level, collective
    if t.id in _ZONE_NAMED and (m.name_extra or len(ctx.zones.get(t.id, ())) == 1):
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
        if ctx.level_word:
            return (
                f"{t.pref} {LEVEL_DISPLAY[ctx.level_word]}",
                type_id,
                ctx.level or LEVEL_OF_WORD.get(ctx.level_word),
                False,
            )
    if levels and t.level == "commune" and not t.collective and t.id not in _KEEPS_NAME:
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
    if _keeps_level_word(m):
        return f"{t.pref} {levels[0]}", type_id, level, False
    return t.pref, type_id, level, collective


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
        above = re.search(rf"truc thuoc\s+({_CU})$", fold_same_length(listed))
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
    if t.groups & _LEVEL_NAMED_GROUPS or t.id in _KEEPS_NAME or m.plural:
        return False
    return not fold(t.pref).endswith(" " + m.levels[0])


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


def display_name(name: str, ctx: Context) -> str:
    """The issuer's full name when ``name`` is the issuer, else ``name``."""
    return ctx.issuer if ctx.issuer and is_issuer(name, ctx) else name
