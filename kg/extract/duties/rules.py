"""The wording of assignments: cue patterns, body lists, roles and deadlines of a duty."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from kg import lexicon
from kg.extract.body_match import (
    _DISTRIBUTIVE,
    BodyMatch,
    _distributed,
    find_bodies,
    match_at,
)
from kg.extract.duties import (
    appositions,
    bound_list,
    catchall,
    heads,
    holders,
    localities,
    party_heads,
    semicolons,
    shared_level,
    subjects,
)
from kg.extract.duties.boilerplate import problems_only, undergoes_only
from kg.extract.places import committees_share_places, per_place
from kg.extract.topics import topics_of
from kg.models import BodyMention, Duty, Span
from kg.text import fold, fold_same_length

_HEADINGS = {"part", "article", "item", "point"}
_ORG_TITLE = re.compile(
    r"(?:^|[;,.]\s*|\s+va\s+)\W*(?:to chuc thuc hien|phan cong|trach nhiem(?: thuc hien| cua cac)?"
    r"|giao nhiem vu|nhiem vu cu the cua|nhiem vu cua (?:cac |thanh vien|co quan|don vi)"
    # "VI. TỔ CHỨC THEO DÕI, KIỂM TRA VÀ CHẾ ĐỘ BÁO CÁO": who monitors and inspects the plan
    r"|to chuc theo doi,? (?:va )?(?:kiem tra|giam sat|danh gia))"
    r"|^\W*nhiem vu cu the\W*$"  # "IV. NHIỆM VỤ CỤ THỂ" + "1.1. Sở Tài chính" headings
)
# a reporting part ("CHẾ ĐỘ BÁO CÁO", "4. Chế độ thông tin, báo cáo"): its bullets give
# reporting obligations (kg.extract.reporting), not duties (convention C1,
# tests/data/real/ours/README.md, as seed 003's "V. CHẾ ĐỘ BÁO CÁO")
REPORTING_PART = re.compile(r"\W*(?:[ivx]+|\d+(?:\.\d+)*)?\W*che do (?:thong tin,? )?bao cao\W*$")
_THEME_POINT = re.compile(r"^\W*phan cong(?:\s+(?:thuc hien|nhiem vu|trach nhiem))?\b")
_REQUEST = re.compile(r"\s*" + lexicon.phrase_alternation("hands-on-request") + r"\s+")
_ASSIGN = re.compile(
    r"\s*(?:giao(?:\s+cho)?|yeu\s+cau|phan\s+cong\s+cho|doi\s+voi|"
    r"(?:trach\s+nhiem(?:\s*(?:,|\s+va)\s*quyen\s+han)?|nhiem\s+vu)\s+cua|noi\s+dung)\s+"
)
# what a heading says of its body's part in the work below it: "Nội dung Sở X có trách nhiệm
# chủ trì" (each item is a task it leads), "Trách nhiệm của Sở X" (nothing more)
_HEAD_ROLE = re.compile(
    r"(?:(?:co|chiu)\s+trach\s+nhiem\s+)?(?:(chu\s+tri)|phoi\s+hop|thuc\s+hien)?"
    r"(?:\s+(?:thuc\s+hien|giai\s+quyet))?\W*"
)
# "Sở Y tế đề nghị / yêu cầu / giao X ...": the addressee is X
_HANDS_ON = re.compile(
    rf"\s*(?:({lexicon.phrase_alternation('hands-on-request')})"
    rf"|{lexicon.phrase_alternation('hands-on')})\s+"
)
# a task followed by who leads it: "Cơ quan chủ trì: ...; Cơ quan phối hợp: ...; Thời gian: ..."
# ("Cơ quan thực hiện: ..." names who carries the task out: its executors)
_CUE_BODY = r"(?:(?:co\s+quan|don\s+vi)(?:\s*[,/]\s*(?:co\s+quan|don\s+vi))?\s*)"
_CUE_LEAD = re.compile(
    rf"\W*(?:{_CUE_BODY}?(?P<lead>chu\s+tri)(?:\s+thuc\s+hien)?|{_CUE_BODY}thuc\s+hien)\s*:\s*"
)
_CUE_SUPPORT = re.compile(rf"\W*{_CUE_BODY}?phoi\s+hop(?:\s+thuc\s+hien)?\s*:\s*")
_CUE_TIME = re.compile(
    r"\W*(?:thoi\s+gian|thoi\s+han|tien\s+do)(?:\s+(?:thuc\s+hien|hoan\s+thanh))?\s*:\s*"
)
_SEGMENT = re.compile(r"(?:[^;\n.]|\.(?!\s))+")
_CUE_OTHER = re.compile(r"\W*(?:san\s+pham|ket\s+qua|kinh\s+phi|nguon\s+kinh\s+phi)\s*:")
_CLAUSE = re.compile(r"\s*(?:can cu|tren co so|theo|de|trong qua trinh|nham|sau khi)\b")


# a title naming the body after it by its head ("Giám đốc các sở", "Phó Chủ tịch UBND ..."); a
# web copy may wrap the line inside a title ("Trưởng" / "Ban")
_TITLE = re.compile(rf"\s*{heads.head_title()}\s+(?=\S)")
_UNITS = lexicon.unit_alternation(folded=True)  # ontology/units.ttl
_FILLER = re.compile(
    rf"\s*(?:\((?:[^()]{{0,80}})\)|tren\s+dia\s+ban(?:\s+(?:{_UNITS}))?|cac\s+cap|co\s+lien\s+quan|lien\s+quan"
    r"|truc\s+thuoc(?:\s+(?:tinh|thanh|huyen|thi|quan|dang)\s+uy)?"
    r"|cua\s+(?:tinh|thanh\s+pho|huyen|thi\s+xa|quan)(?=\s*[,;]))(?![a-z0-9])"
)
_SEP = re.compile(r"\s*(?:,\s*va|;\s*va|,|;|va|cung|voi)\s+|\s*[,;/]\s*|\s+-\s+")
_MEMBERS = re.compile(r"\s*cac\s+(?:co\s+quan\s+)?thanh\s+vien\s+(?=\S)")
_PREPOSITION = re.compile(r"(?:cua|voi|cho|ve|tai|den|qua|giup)\s*$")
_PARTNER_CUE = re.compile(r"phoi\s+hop(?:\s+chat\s+che)?(?:\s+voi)?\s+")
_LEAD = re.compile(r"(?<![a-z])(chu\s+tri|lam\s+dau\s+moi|la\s+co\s+quan\s+thuong\s+truc)(?![a-z])")
_SUPPORT = re.compile(r"(?<![a-z])phoi\s+hop(?![a-z])")
_DEADLINE = re.compile(
    r"(?:hoàn thành\s+)?trước ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|(?:trong\s+)?quý\s+[IV]+(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
    r"|(?:trong\s+)?tháng\s+\d{1,2}\s*/\s*\d{4}"
    r"|thời gian(?:\s+thực hiện|\s+hoàn thành)?\s*:\s*[^.;\n]{3,60}",
    re.IGNORECASE,
)
_GLUED = re.compile(r"(?<=[.;!?…])\s*[-–]\s+(?=[A-ZĐÀ-Ỹ])")
_CLOSING = re.compile(r"\W*(?:trong qua trinh|tren day la|qua trinh trien khai|neu co kho khan)")
# what is left of a heading after its bodies when it is only a place name ("Bến Tre")
_PLACE_ONLY = re.compile(r"(?:[A-ZĐÀ-Ỹ][^\W\d_]*)(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}")
# "... đề nghị các đơn vị thực hiện một số nội dung sau:" frames the numbered points as requests
# ("theo/xét đề nghị của Phòng X" cites a submission, it asks nothing)
_REQUEST_FRAME = re.compile(
    r"(?<![a-z])(?<!theo )(?<!xet )de\s+nghi(?!\s+cua)(?![a-z])(?:[^.;]*(?:sau|nhu\s+sau))?\s*:\s*$"
)
_RELATED = re.compile(r"\s*(?:co\s+)?lien\s+quan(?![a-z])")
_EXECUTORS = re.compile(r"(?:chiu|co)\s+trach\s+nhiem\s+(?:thi\s+hanh|to\s+chuc\s+thuc\s+hien)")
# the standard executors clause that closes a decision, a circular or a decree: "Chánh Văn
# phòng ..., Giám đốc các sở ... chịu trách nhiệm thi hành Quyết định này" names who carries
# the text out, it hands out no work of its own (GUIDE: not duties)
_EXECUTORS_TYPES = (
    r"(?:quyet\s+dinh|thong\s+tu(?:\s+lien\s+tich)?|nghi\s+dinh|nghi\s+quyet|chi\s+thi|quy\s+dinh"
    r"|quy\s+che|van\s+ban|ke\s+hoach)"
)
_EXECUTORS_ONLY = re.compile(
    rf"(?:chiu|co)\s+trach\s+nhiem\s+thi\s+hanh\s+{_EXECUTORS_TYPES}\s+nay"
    # from when ("kể từ ngày ký", "kể từ ngày 01 tháng 5 năm 2026": a decision that takes
    # effect later names the day in its executors clause)
    r"(?:\s+(?:ke\s+)?tu\s+ngay\s+(?:ky|ban\s+hanh"
    r"|\d{1,2}(?:\s+thang\s+|[/.-])\d{1,2}(?:\s+nam\s+|[/.-])\d{4}))?\W*$"
)
# its older form: "Chánh Văn phòng ..., Giám đốc Sở ... căn cứ Quyết định thi hành./."
_EXECUTORS_BASIS = re.compile(
    rf"(?<![a-z])can\s+cu\s+{_EXECUTORS_TYPES}(?:\s+nay)?\s+(?:de\s+)?thi\s+hanh\W*$"
)
# "(chịu trách nhiệm [trước X về việc]) (tổ chức) (triển khai) thực hiện (nghiêm túc) Thông tư
# này (trong phạm vi ...)": the executors clause, whoever it names (the closing article of a
# circular or a decision, the last clause of a Quy chế, an item of a plan's organisation part:
# "Các sở, ngành ... có trách nhiệm tổ chức triển khai thực hiện nghiêm túc Quy chế này"). It
# only binds them to carry the text out: no duty (convention C4, tests/data/real/ours/README.md;
# a clause naming a task beyond, "hướng dẫn, kiểm tra việc thực hiện", is one)
_EXECUTORS_CARRY = re.compile(
    # persons listed after the bodies ("và các cán bộ, công chức ... liên quan"), their scope
    # ("trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình")
    rf"(?P<persons>(?:(?:va\s+|,\s*)?(?:cac\s+)?{lexicon.phrase_alternation('executors-persons')}"
    r"(?:\s+(?:co\s+)?lien\s+quan)?[\s,]*)*)"
    r"(?:(?:trong\s+pham\s+vi\s+|theo\s+)?(?:chuc\s+nang,?\s+)?nhiem\s+vu,?\s+(?:va\s+)?quyen\s+han"
    r"(?:\s+(?:cua\s+minh|duoc\s+giao))?[\s,]*)?"
    r"(?:(?:chiu|co)\s+trach\s+nhiem\s+(?:truoc\s+[^.;]{1,80}?\s+ve\s+viec\s+)?)?"
    r"(?:"
    r"(?:(?:to\s+chuc|trien\s+khai|chi\s+dao)[\s,]+(?:va\s+)?)*thuc\s+hien"
    rf"(?:\s+(?:nghiem\s+tuc|dung|tot|cac\s+quy\s+dinh\s+(?:tai|cua)))*\s+{_EXECUTORS_TYPES}\s+nay"
    r"(?:\s+trong\s+pham\s+vi\s+[^.;]{0,80})?"
    # the document named first ("căn cứ nội dung Quyết định để triển khai thực hiện nghiêm túc,
    # đầy đủ, bảo đảm quyền lợi của người dân"): carrying it out, with the usual purpose
    rf"|can\s+cu\s+(?:noi\s+dung\s+)?{_EXECUTORS_TYPES}(?:\s+nay)?\s+de\s+"
    r"(?:(?:to\s+chuc|trien\s+khai)\s+)*thuc\s+hien"
    r"(?:[\s,]+(?:va\s+)?(?:nghiem\s+tuc|day\s+du|dung|tot|kip\s+thoi|hieu\s+qua))*"
    r"(?:\s*,?\s+(?:dam|bao)\s+(?:bao|dam)\s+[^.;]{0,120})?"
    r")\W*$"
)
# a point of a list a body's lead-in hands out ("Cục X có trách nhiệm:" + "a) ..."): the
# body's own task, not the clause that names who carries the text out
_POINT_OF_LIST = re.compile(r":\s*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[-+•])?\s*$")
_WORDS = re.compile(r"[^\W\d_]{2,}")
# a sentence ends: what follows is a sentence of its own
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


_ALIAS = re.compile(r"\(\s*sau\s+day\s+goi\s+(?:tat\s+)?la\s+([^()]{3,60}?)\s*\)")
# a place named after its unit word at the end of a name ("... trẻ em huyện Thoại Sơn")
_PLACE_AFTER_LEVEL = re.compile(
    rf"\s(?:{lexicon.unit_alternation()})\s+([A-ZĐÀ-Ỹ][^\s,;.]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*){{0,3}})$"
)
_NEW_SENTENCE = re.compile(r"(?:^|[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
# what only a body's own duty says of it: its standing role in the work
_STANDING_ROLE = re.compile(
    r"(?:la\s+co\s+quan\s+(?:thuong\s+truc|dau\s+moi)|co\s+trach\s+nhiem|chiu\s+trach\s+nhiem"
    r"|chu\s+tri)(?![a-z])"
)
_JUDICIAL = {"TAND", "VKSND"}  # reference-data types of the courts and procuracies


@dataclass
class _Duty:
    start: int  # clean offsets
    end: int
    section: str
    extra: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None  # the role its heading gives ("Nội dung Sở X có trách nhiệm chủ trì")
    context: list[tuple[int, int]] = field(default_factory=list)  # a heading naming partners
    # "Trong đó:" / "+ Sở X: <its share>": (key of the body, clean span) of each body's share,
    # whose partners are that body's in this duty
    shares: list[tuple[str, int, int]] = field(default_factory=list)

    def segments(self, key: str) -> list[tuple[int, int]]:
        """Where the partners of the body keyed ``key`` in this duty are named."""
        own = [(s, e) for k, s, e in self.shares if k == key]
        return [(self.start, self.end), *self.extra, *self.context, *own]

    def shown(self, clean: str) -> str:
        """The duty's text as its assignment shows it (``clean``: the clean text it indexes):
        its passages one after the other, white space squeezed."""
        return " ".join(
            "\n".join(clean[s:e] for s, e in [(self.start, self.end), *self.extra]).split()
        )


@dataclass
class _Lead:
    bodies: list[BodyMatch]
    mode: str
    rest_start: int  # offset in the string parsed
    rest: str
    explicit: bool = False  # the mode was printed: "Đề nghị", "Giao", "Yêu cầu"


@dataclass
class _Draft:
    key: str
    body: BodyMention
    mode: str
    span: Span
    duties: list[_Duty] = field(default_factory=list)


# ---------------------------------------------------------------- body lists


def shared_head_at(text: str, pos: int) -> list[BodyMatch]:
    """The bodies of a list sharing one head word that opens at ``pos`` ("Các Bộ: Quốc
    phòng, Công an ...") or of the places a collective lists (kg.extract.places), or []
    when none opens there."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    folded = fold_same_length(text)
    d = _DISTRIBUTIVE.match(folded, pos)
    if d:
        return _distributed(text, folded, d)
    m = match_at(text, pos)  # "Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái": one per place
    return per_place(text, m, lambda name: match_at(name, 0)) if m else []


def parse_list(text: str, pos: int, *, list_mode: bool = False) -> tuple[list[BodyMatch], int]:
    """Bodies named one after another from ``pos`` ("A, B và C", "Giám đốc các sở ...")."""
    folded = fold_same_length(text)
    bodies: list[BodyMatch] = []
    end = pos
    while True:
        shared = shared_head_at(text, pos)  # "các Bộ: Quốc phòng, Công an": one per body
        m = shared[-1] if shared else match_at(text, pos, list_mode=list_mode)
        if m is None:  # "Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh": one collective
            m = heads.shared_heads_at(text, pos)
        if m is None:  # "..., Cơ quan Thuế tỉnh, Kho bạc Nhà nước": the body after the noun
            m = _after_body_noun(text, folded, pos, list_mode)
        addressed = None  # "Bí thư, Chủ tịch UBND các tỉnh ...": the provinces' Tỉnh ủy too
        if m is None:
            t = (
                heads.joined_heads(folded, pos)
                or _TITLE.match(folded, pos)
                or _MEMBERS.match(folded, pos)
            )
            if t:
                shared = shared_head_at(text, t.end())
                m = shared[-1] if shared else match_at(text, t.end(), list_mode=list_mode)
                if m is not None and not shared:
                    addressed = party_heads.committees_addressed(
                        folded[t.start() : t.end()], m, lambda name: match_at(name, 0)
                    )
        if m is None:
            break
        if len(shared) > 1:  # "Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: A, B": A's, B's
            bodies = committees_share_places(bodies, shared, lambda name: match_at(name, 0))
        bodies.extend([addressed] if addressed else [])
        bodies.extend(shared or [m])
        pos = end = m.end
        while True:
            f = _FILLER.match(folded, pos)
            if not f or f.end() == pos:
                break
            pos = end = f.end()
        hat = appositions.second_office_end(text, folded, pos)
        if hat is not None:  # "Bộ trưởng Bộ Tài chính - Phó Trưởng ban ... Ban Chỉ đạo": one man
            pos = end = hat
        s = _SEP.match(folded, pos)
        if not s:
            more, stop = _units_after_centre(text, folded, pos, bodies[-1])
            bodies.extend(more)
            end = stop if more else end
            break
        pos = s.end()
    return shared_level.share_units(text, bodies), end  # "HĐND, UBND các xã": the communes'


_BODY_NOUN = re.compile(r"[ \t]*" + lexicon.phrase_alternation("body-nouns") + r"[ \t]*\n?[ \t]*")


def _after_body_noun(text: str, folded: str, pos: int, list_mode: bool) -> BodyMatch | None:
    """The body named right after a common noun (phrases:body-nouns) printed with its
    capital, as part of the name, at ``pos``: "Cơ quan Thuế tỉnh" is "Thuế tỉnh"; a catch-all
    after it ("Cơ quan chức năng") is not, nor is a noun in running text ("thì cơ quan Công
    an có trách nhiệm ...": the kind of authority, not a body named)."""
    n = _BODY_NOUN.match(folded, pos)
    if n is None or not text[n.end() : n.end() + 1].isupper():
        return None
    if not text[pos : n.end()].lstrip()[:1].isupper():
        return None
    m = match_at(text, n.end(), list_mode=list_mode)
    return m if m is not None and not m.type.generic else None


_PLURAL_UNITS = re.compile(r"[ \t]+(?=cac[ \t]+(?:tinh|thanh[ \t]+pho)[ \t]+)")


def _units_after_centre(
    text: str, folded: str, pos: int, last: BodyMatch
) -> tuple[list[BodyMatch], int]:
    """Localities listed right after a body of the centre with their comma lost ("Bộ Xây
    dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên ... đôn đốc ..."): a ministry has no
    provinces of its own, so they are addressees of their own, each one's People's
    Committee (kg.extract.duties.subjects)."""
    gap = _PLURAL_UNITS.match(folded, pos)
    if last.type.level != "central" or gap is None:
        return [], pos
    return subjects.units_listed_at(text, gap.end())


def parse_list_past(
    text: str, found: list[BodyMatch], stop: int, unknown: re.Pattern, *, list_mode: bool = False
) -> tuple[list[BodyMatch], int]:
    """A body list read on past items the reference data does not know ("A, cơ quan X và
    B"): while ``unknown`` matches one such item at ``stop`` and bodies follow it."""
    folded = fold_same_length(text)
    while True:
        skip = unknown.match(folded, stop)
        more, end = parse_list(text, skip.end(), list_mode=list_mode) if skip else ([], stop)
        if not more:
            return found, stop
        found, stop = found + more, end


@cache
def _honorific() -> re.Pattern[str]:
    """ "các đồng chí " before an office (phrases:honorifics of ontology/phrases.ttl)."""
    return re.compile(r"\s*" + lexicon.phrase_alternation("honorifics") + r"\s+(?=\S)")


def lead_bodies(text: str, *, list_mode: bool = False, allow_clause: bool = False) -> _Lead | None:
    """The bodies a heading or sentence starts with, its mode and what follows."""
    if undergoes_only(text):  # "Tổ chức, cá nhân có thành tích ... được khen thưởng"
        return None
    folded = fold_same_length(text)
    pos = len(text) - len(text.lstrip(" \t*“\"'(-–•+"))
    mode = "assigned"
    explicit = False
    r = _REQUEST.match(folded, pos)
    if r:
        mode, pos, explicit = "requested", r.end(), True
    else:
        a = _ASSIGN.match(folded, pos)
        if a:
            pos = a.end()
            explicit = not re.match(r"\s*doi\s+voi", a.group(0))
    if explicit:  # "Đề nghị các đồng chí Bộ trưởng, ...": the honorific, then the offices
        h = _honorific().match(folded, pos)
        pos = h.end() if h else pos
    semi = None
    if explicit:  # "Đề nghị A thuộc X; B; các C, các D trực thuộc X; E: <work>"
        semi = semicolons.listed_to_colon(
            text, pos, lambda t, p: parse_list(t, p, list_mode=list_mode)
        )
    bodies, end = semi or parse_list(text, pos, list_mode=list_mode)
    if not bodies:  # "Trách nhiệm của Bên mua điện", "Cục Pháp chế chủ trì, ..."
        bodies, end = (holders.title_holder if _HOLDER_OF.match(folded) else holders.department_at)(
            text, pos
        )
    if not bodies and explicit:  # "Đề nghị tỉnh Nghệ An ...": the province's People's Committee
        bodies, end = holders.unit_at(text, pos)
    if not bodies:  # "Tỉnh Đắk Lắk cần ... sau:": the locality that must act, asked to
        bodies, end = localities.unit_subject(text, pos)
        if bodies and not localities.frames_list(text):
            return None  # "Tỉnh X cần nỗ lực hơn nữa ...": an exhortation, no task of its own
        mode = "requested" if bodies else mode
    if not bodies:  # "Tỉnh Lào Cai khẩn trương ...": the locality told what to do, no modal
        bodies, end = subjects.unit_subject_at(text, pos)
    if not bodies and allow_clause and _CLAUSE.match(folded, pos) and not problems_only(text):
        for m in find_bodies(text):
            before = folded[: m.start].rstrip()
            if before.endswith(",") and not _PREPOSITION.search(before[:-1]):
                bodies, end = parse_list(text, m.start, list_mode=list_mode)
                break
    if not bodies and not explicit:  # "Các Thuế cơ sở, UBND cấp xã ... có trách nhiệm ..."
        bodies, end = bound_list.read_on(text, pos, parse_list, first=True) or ([], pos)
    if not bodies:
        return None
    after = end
    while after < len(text) and text[after] in " \t,":
        after += 1
    h = _HANDS_ON.match(folded, after)
    if h:
        others, end2 = parse_list(text, h.end(), list_mode=list_mode)
        if others:
            bodies, end = others, end2
            mode = "requested" if h.group(1) else "assigned"
            explicit = True
    inc = _INCLUDES.match(folded, end) if all(b.type.generic for b in bodies) else None
    members = parse_list(text, inc.end(), list_mode=list_mode) if inc else ([], end)
    if members[0]:  # "Các cơ quan tham mưu (gồm các Sở: Xây dựng, Công Thương)": the members
        bodies = members[0]
        close = text.find(")", members[1])
        end = close + 1 if close >= 0 and not text[members[1] : close].strip(" \t\n.;,") else end
    holder = _HOLDER_OF.match(folded) and _holder_end(text, end, bodies)
    if holder:  # "Trách nhiệm của các cơ quan, tổ chức đặt hàng tư vấn": the whole phrase
        last = bodies[-1]
        bodies = [
            *bodies[:-1],
            replace(last, end=holder, as_written=text[last.start : holder], holder=True),
        ]
        end = len(text)  # what is left is a note in brackets
    elif bodies and (named := catchall.qualifier_end(text, bodies[-1], end)) is not None:
        last = bodies[-1]  # "Các cơ quan trực thuộc Bộ X": the words after it name it
        bodies = [
            *bodies[:-1],
            replace(last, end=named, as_written=text[last.start : named], holder=True),
        ]
        end = named
    elif bodies and (two := _compound(text, bodies[-1], end, list_mode)) is not None:
        bodies, end = [*bodies[:-1], *two[0]], two[1]  # "Các sở ... thuộc tỉnh và UBND các xã"
    more = bound_list.read_on(text, end, lambda t, p: parse_list(t, p, list_mode=list_mode))
    if more is not None:  # "A, B và các C, D có trách nhiệm ...": every body the list binds
        bodies, end = [*bodies, *more[0]], more[1]
    rest_start = end
    while rest_start < len(text) and text[rest_start] in " \t:,.;-–\n":
        rest_start += 1
    if _PLACE_ONLY.fullmatch(text[rest_start:].strip()):
        rest_start = len(text)  # "2. Báo X, Đài Phát thanh và Truyền hình Bến Tre": a place
    return _Lead(bodies, mode, rest_start, text[rest_start:].strip(), explicit)


def _compound(
    text: str, last: BodyMatch, end: int, list_mode: bool
) -> tuple[list[BodyMatch], int] | None:
    """A catch-all named by its words up to "và" and the bodies after it (kg.extract.duties.
    catchall.compound_end): the catch-all with its name, then those bodies, and their end."""
    two = catchall.compound_end(text, last, end)
    if two is None:
        return None
    named, nxt, work = two
    more, stop = parse_list(text, nxt, list_mode=list_mode)
    if not more or text[stop:work].strip():
        return None
    first = replace(last, end=named, as_written=text[last.start : named], holder=True)
    return [first, *more], stop


# "Các cơ quan tham mưu quản lý ngành (gồm các Sở: ...)": a catch-all and its members
_INCLUDES = re.compile(r"[^()\n.;:]{0,100}?\(\s*(?:bao\s+)?gom(?:\s+(?:co|ca)(?![a-z]))?\s*:?\s*")
# "Trách nhiệm của <holder>" heading a clause or article of a Quy chế / Quy định
_HOLDER_OF = re.compile(r"\W*(?:trach\s+nhiem|nhiem\s+vu)(?:\s*(?:,|\s+va)\s*quyen\s+han)?\s+cua\s")
_HOLDER_QUALIFIER = re.compile(r"[^\W\d_][^.;:!?()“”\"]{2,90}")


def _holder_end(text: str, end: int, bodies: list[BodyMatch]) -> int | None:
    """Where the holder named by a "Trách nhiệm của các cơ quan, tổ chức <qualifier>" heading
    ends, when it is a catch-all made specific by the words after it (they are its name);
    None when those words are no qualifier (a role, a sentence, another list)."""
    if not bodies or not bodies[-1].type.generic:
        return None
    q = _HOLDER_QUALIFIER.match(text, end + len(text[end:]) - len(text[end:].lstrip(" \t\n")))
    if q is None:
        return None
    tail = text[q.end() :]
    if not re.fullmatch(r"\s*(?:\([^()]{0,200}\))?\s*:?\s*", tail):
        return None  # the heading goes on: a duty, not a name
    if _HEAD_ROLE.fullmatch(fold_same_length(q.group(0)).strip()):
        return None  # "... có trách nhiệm chủ trì"
    return q.end() - (len(q.group(0)) - len(q.group(0).rstrip()))


# ---------------------------------------------------------------- the walk


@dataclass
class _TableDuty:
    text: str
    span: Span
    role: str
    section: str
    deadline: str | None
    partners: list[BodyMention]

    def shown(self, clean: str = "") -> str:
        """The duty's text as its assignment shows it, white space squeezed (as ``_Duty``'s)."""
        return " ".join(self.text.split())

    def to_duty(self) -> Duty:
        shown = self.shown()
        return Duty(
            text=shown,
            span=self.span,
            role=self.role,  # type: ignore[arg-type]
            partners=[p for p in self.partners if not _generic(p)],
            deadline=self.deadline,
            topics=topics_of(shown),
            section=self.section,
        )


def _own_document() -> str:
    """'<type> này' for every document type (ontology/doctypes): the text itself ("Công điện
    này", "Quyết định này"), folded."""
    names = {" ".join(fold(n).lower().split()) for n in lexicon.type_labels()}
    alts = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len)[::-1])
    return rf"(?:{alts})\s+nay"


_FORMULA = re.compile(
    r"(?:can\s+cu\b.{0,120}?(?:duoc\s+(?:phan\s+cong|giao)|phu\s+luc|ke\s+hoach\s+nay)\S*\s*,?\s*)?"
    r"(?:(?:chu\s+dong|nghiem\s+tuc|quyet\s+liet|quan\s+tam|khan\s+truong|tich\s+cuc|phoi\s+hop"
    r"|to\s+chuc)\s*,?\s+)*"
    r"(?:trien\s+khai(?:\s+thuc\s+hien)?|thuc\s+hien)"
    rf"(?:\s+(?:tot|nghiem\s+tuc|co\s+hieu\s+qua|hieu\s+qua|{_own_document()}"
    rf"|{lexicon.phrase_alternation('exhort-after')}|{lexicon.phrase_alternation('exhort-what')}"
    rf"|{lexicon.phrase_alternation('exhort-scope')}))*"
)
# what is left of the addressee list when only its first word was read as a body:
# "đề nghị các đơn vị, địa phương quan tâm, phối hợp thực hiện"
_ADDRESSEE_TAIL = re.compile(
    r"(?:(?:va\s+)?(?:cac\s+)?(?:dia\s+phuong|don\s+vi|co\s+quan|nganh|doan\s+the)\s*,?\s*)+"
)
_REPORT_CLAUSE = re.compile(r"(?:dinh\s+ky\s+)?(?:tong\s+hop,?\s+)?bao\s+cao(?![a-z])")
_CONTACT = re.compile(r"(?:moi\s+)?(?:thong\s+tin\s+chi\s+tiet|chi\s+tiet)?\s*(?:xin\s+)?lien\s+he")


def pro_forma(text: str, *, reports: bool = True) -> bool:
    """A catch-all addressee's sentence that gives no task of its own.

    Closings ("đề nghị các đơn vị quan tâm phối hợp thực hiện", "căn cứ nhiệm vụ được phân
    công tại Phụ lục chủ động triển khai thực hiện") and a report-back clause (recorded as a
    reporting obligation) are not duties; "các cơ quan, đơn vị" gets an assignment only when
    it is given something to do. ``reports=False``: a report-back is work (of the named
    bodies a plural stands for), only the closing formula is not.
    """
    folded = " ".join(fold_same_length(text).split())
    clauses = [c.strip(" ,-–:/") for c in re.split(r";|\.(?!\d)", folded)]
    clauses = [c for c in clauses if c and re.search(r"[a-z]", c)]
    if not clauses:
        return False
    for k, c in enumerate(clauses):
        if k == 0:
            tail = _ADDRESSEE_TAIL.match(c)
            c = c[tail.end() :] if tail else c
        if _CONTACT.match(c):
            return True  # "Thông tin chi tiết liên hệ: ..." ends the substance
        problems = k > 0 and problems_only(c)  # "Trường hợp có khó khăn, ... báo cáo Sở X"
        report = reports and _REPORT_CLAUSE.match(c)
        if not _FORMULA.fullmatch(c) and not report and not problems:
            return False
    return True


def _generic(b: BodyMention) -> bool:
    from kg.refdata import body_types

    t = body_types().get(b.type_id or "")
    return bool(t and t.generic)


def _listed_departments(text: str, pos: int) -> list[BodyMatch]:
    """'Giám đốc các Sở: Lao động - Thương binh và Xã hội, Y tế; ...' -> one Sở each."""
    m = re.match(r"\s*:\s*", text[pos:])
    if not m:
        return []
    pos += m.end()
    out: list[BodyMatch] = []
    while pos < len(text):
        probe = "Sở " + text[pos:]
        b = match_at(probe, 0)
        if b is None or b.type.level != "province":
            break
        b.start, b.end = pos, pos + b.end - 3
        b.as_written = "Sở " + text[b.start : b.end]
        out.append(b)
        sep = re.match(r"\s*(?:,\s*(?:và\s+)?|và\s+)", text[b.end :])
        if not sep:
            break
        pos = b.end + sep.end()
    return out


# ---------------------------------------------------------------- per-duty facts


# "chỉ đạo / giao / đề nghị / yêu cầu <Body> ...": what follows, to the end of the clause, is
# that body's work, so its "chủ trì, phối hợp với ..." says nothing about the directing body
_DIRECTS = re.compile(r"(?<![a-z])(?:chi\s+dao|" + lexicon.phrase_alternation("hands-on") + r")\s+")
_CLAUSE_END = re.compile(r";|\.(?!\d)|\n[ \t]*[-–+•]")


def directed_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the clauses in ``text`` that hand work to another body."""
    out: list[tuple[int, int]] = []
    for m in _DIRECTS.finditer(fold_same_length(text)):
        if out and m.start() < out[-1][1]:
            continue
        bodies, end = parse_list(text, m.end())
        if not bodies:
            continue
        stop = _CLAUSE_END.search(text, end)
        out.append((m.start(), stop.start() if stop else len(text)))
    return out


def _own_part(text: str) -> str:
    """``text`` with the clauses handed to other bodies blanked (same length)."""
    for s, e in directed_spans(text):
        text = text[:s] + " " * (e - s) + text[e:]
    return text


# "chủ trì" in the sense of chairing: "triệu tập, chủ trì ...", "chủ trì các cuộc họp"
_CHAIRS = re.compile(r"trieu\s+tap\s*(?:,|va)?\s*$")
_CHAIRS_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:cuoc\s+hop|phien\s+hop|hoi\s+nghi)(?![a-z])")


def role_of(text: str) -> str:
    """lead when the body chủ trì (not 'cơ quan chủ trì' of someone else, not the body it
    directs), support on 'phối hợp', else participant."""
    f = fold_same_length(_own_part(text))
    for m in _LEAD.finditer(f):
        before = f[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:co quan|don vi)\s+$", before) and not before.endswith("la co quan "):
            continue
        if re.search(r"duoc\s+(?:phan\s+cong|giao)\s+$", f[max(0, m.start() - 20) : m.start()]):
            continue  # "các sở được phân công chủ trì ... có trách nhiệm": who, not a role
        if _CHAIRS.search(f[max(0, m.start() - 12) : m.start()]) or _CHAIRS_AFTER.match(f, m.end()):
            continue  # "triệu tập, chủ trì các cuộc họp": chairing a meeting, not leading a task
        return "lead"
    if _SUPPORT.search(f):
        return "support"
    return "participant"


# what bodies did or are, not what they are to do: "Bộ Chính trị, Ban Bí thư, đứng đầu là đồng
# chí Tổng Bí thư, đã tập trung lãnh đạo; ...", "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch ..."
_NARRATIVE = re.compile(
    r"(?:(?:dung\s+dau\s+la|duoi\s+su|trong\s+thoi\s+gian\s+qua|thoi\s+gian\s+qua|vua\s+qua"
    r"|nam\s+qua|thoi\s+gian\s+vua\s+qua)[^;.:]{0,80}?)?(?<![a-z])(?:da|vua|tung)\s+(?!duoc\s+giao)"
)
# the issuer's own closing of a notice: "Văn phòng Chính phủ thông báo để các cơ quan ... biết"
# or only "Văn phòng Chính phủ trân trọng thông báo./."
_NOTICE = re.compile(
    r"(?:(?:xin\s+)?(?:thong\s+bao|tra\s+loi)\s+(?:de|cho)\s[^;.]*\bbiet"
    r"|(?:xin\s+)?tran\s+trong\s+thong\s+bao[\s./]*$)"
)
# "Cục Thuế trả lời (có ý kiến) để Thuế tỉnh X biết": a letter answering a query gives its opinion
REPLY = re.compile(
    r"(?<![a-z])(?:tra\s+loi|phuc\s+dap|co\s+y\s+kien)\s+(?:de|cho)\s[^;.]{0,120}?\bbiet"
)
# a passage quoted from another text ("... quy định: “Điều 257 ... ”") is that text's, not ours
_QUOTED = re.compile(r"(?<=:)\s*“[^“”]{1,20000}”")


def narrative(rest: str) -> bool:
    """Does the text after a body list tell what the body did (or announce), not its work?"""
    f = " ".join(fold_same_length(rest).split()).lstrip(" ,")
    return bool(_NARRATIVE.match(f) or _NOTICE.match(f))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the passages a text quotes after a colon (another text's provisions)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def notice_closing(text: str) -> bool:
    """'Văn phòng Chính phủ xin thông báo để ... biết, thực hiện': the closing of a notice."""
    f = " ".join(fold_same_length(text[:200]).split())
    return bool(re.match(r"[^;.]{0,80}?(?<![a-z])" + _NOTICE.pattern, f))


# a directive's closing demand, its executors clause: "(yêu cầu Thủ trưởng ...) tổ chức quán
# triệt, triển khai và chỉ đạo các cơ quan ... thực hiện nghiêm túc Chỉ thị này"
_DIRECTIVE_CLOSING = re.compile(
    r"(?:to\s+chuc\s+)?(?:(?:quan\s+triet|trien\s+khai|pho\s+bien|chi\s+dao)\W+(?:va\s+)?)+"
    r"[^.;]{0,160}?thuc\s+hien(?:\s+nghiem(?:\s+tuc)?)?\s+chi\s+thi\s+nay\W*"
    r"(?:(?:trong\s+qua\s+trinh|neu\s+co)\W[^;]*)?"  # + the usual "vướng mắc" sentence
)


def executors_only(text: str, subject: str = "") -> bool:
    """Is ``text`` the standard executors clause, naming who carries the text out and nothing
    more? ("Bộ trưởng Bộ Nội vụ chủ trì ... hướng dẫn, kiểm tra việc thi hành" is a duty.)
    ``subject``: the words before ``text`` when it is only what follows its bodies."""
    f = " ".join(fold_same_length(text).split())
    if _DIRECTIVE_CLOSING.fullmatch(f):
        return True
    m = _EXECUTORS_ONLY.search(f) or _EXECUTORS_BASIS.search(f)
    if m is not None:
        return not _LEAD.search(f[: m.start()]) and not _SUPPORT.search(f[: m.start()])
    rest = text
    if not subject:
        lead = lead_bodies(text)
        if lead is None:
            return False
        subject, rest = text[: lead.rest_start], lead.rest
    if _POINT_OF_LIST.search(subject) or subject and not _WORDS.search(subject):
        # a point of a body's list ("Cục X có trách nhiệm:" + "a) Tổ chức triển khai thực
        # hiện Thông tư này"), its body named before its paragraph: the body's own task
        return False
    folded = " ".join(fold_same_length(rest).split()).lstrip(" ,:").lower()
    # the problems clause may follow as its own sentence ("... thực hiện tốt Quy chế này.
    # Trong quá trình thực hiện, nếu có vướng mắc, ... phản ánh về Sở X"): reporting only
    end = _SENTENCE_END.search(folded)
    if (
        end is not None
        and folded[end.end() :].strip(" ./")
        and problems_only(" ".join(rest.split()).lstrip(" ,:")[end.end() :])
    ):
        folded = folded[: end.end()]
    return _EXECUTORS_CARRY.match(folded) is not None


def executors_duty(
    clean: str, d: _Duty | _TableDuty, text: str | None = None, *, notice: bool = False
) -> bool:
    """Is a duty (its text ``text``, else its clean span) the executors clause (or, with
    ``notice``, a notice's closing)? Its subject is the words of its paragraph before it."""
    if text is None:
        text = clean[d.start : d.end]
    subject = ""
    if not isinstance(d, _TableDuty):
        para = max(clean.rfind("\n\n", 0, d.start), clean.rfind(". ", 0, d.start))
        subject = clean[max(para, d.start - 600, 0) : d.start]
    return executors_only(text, subject) or notice and notice_closing(text)


def deadline_of(text: str) -> str | None:
    m = _DEADLINE.search(text)
    return " ".join(m.group(0).split()) if m else None
