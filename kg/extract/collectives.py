"""What is printed around a body's name and belongs to it (kg.extract.bodies reads the name).

A catch-all's further kinds and what narrows it ("các cơ quan, đơn vị, địa phương, doanh
nghiệp", "các cơ quan, đơn vị khác", "các sở, ngành có liên quan"); the units a collective
covers ("các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"); a body's unit printed before it
("Chi nhánh Ngân hàng Chính sách xã hội", "Văn phòng Ban Chỉ đạo ..."); the order the law
gives the communes of the two-tier local government. Offsets are into the text as printed;
matching runs on its same-length fold.
"""

from __future__ import annotations

import re
from functools import cache

from kg import lexicon
from kg.text import PrintedWords, fold, fold_same_length, normalize_key

# the communes of the two-tier local government in the order Luật Tổ chức chính quyền địa
# phương 2025 names them (Điều 2: "xã, phường, đặc khu"), from the reform's effective date
COMMUNE_ORDER = ["xa", "phuong", "thi tran", "dac khu"]
REFORM_DATE = "2025-07-01"


def two_tier(date: str | None, cited: list[str | None]) -> bool:
    """Was a text written under the two-tier local government? Its own full date says so;
    a copy that lost its date line (none, or only a year) post-dates every document it cites,
    so one cited with a full date from the reform's effective date on says so too."""
    if date and len(date) >= 10:
        return date >= REFORM_DATE
    if date and date[:4] > REFORM_DATE[:4]:  # only a year, after the reform's
        return True
    return any(d and len(d) >= 10 and d >= REFORM_DATE for d in cited)


# a level word, folded, "cấp" before it or not (ontology/units.ttl, abbreviations included)
_LEVEL = rf"(?:cap\s+)?(?:{lexicon.unit_alternation(folded=True, abbreviations=True)})(?![a-z])"
# a catch-all printed as a list of kinds ("các cơ quan, đơn vị, địa phương, doanh nghiệp",
# "các sở, ban, ngành, tổ chức chính trị - xã hội"): one addressee, its further kinds are part
# of its name; a kind is a bare noun (what follows it is no name: "ban quản lý" is a body)
_KIND = (
    r"(?:co quan|don vi|to chuc chinh tri\s*-\s*xa hoi|to chuc|dia phuong|doanh nghiep|nganh"
    r"|doan the|hoi quan chung|ca nhan)(?!\s+(?:nha nuoc|su nghiep|chinh tri|xa hoi)(?![a-z]))"
    r"|(?:so|ban|hoi)(?=\s*[,;:.)]|\s*$|\s+(?:va|co|lien|khac|cap|tinh|thanh|huyen|xa|tu"
    r"|thuoc|tren|cua|doan)(?![a-z]))"
)
_MORE_KINDS = re.compile(rf"(?:\s*,\s*|\s+va\s+)(?:cac\s+)?({_KIND})(?![a-z])", re.M)
# what narrows a catch-all, part of its name ("các cơ quan, đơn vị khác", "... có liên quan",
# "các cơ quan, tổ chức từ Trung ương đến cơ sở")
# ... and the part in the work a catch-all names its members by, when their duty follows
# ("các cơ quan, đơn vị được giao chủ trì có trách nhiệm ...", "các cơ quan phối hợp có trách
# nhiệm ...": the bodies that lead, the bodies that assist)
_QUALIFIER = re.compile(
    rf"\s+(co lien quan|lien quan|khac|co tham quyen|tu trung uong den (?:co so|dia phuong)"
    rf"|dong\s+tren\s+dia\s+ban(?:\s+{_LEVEL})?"  # "các cơ quan, đơn vị đóng trên địa bàn tỉnh"
    r"|(?:duoc\s+(?:giao|phan\s+cong)\s+)?(?:chu\s+tri|phoi\s+hop)"
    r"(?=\s+(?:co|chiu)\s+trach\s+nhiem))(?![a-z])"
)
# a space, or a web copy's line wrap ("các tỉnh, thành phố từ" / "Hà Tĩnh đến Khánh Hòa:")
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_PLACE_WORDS = rf"[A-ZĐÀ-Ỹ][^\W\d_]*(?:{_GAP}[A-ZĐÀ-Ỹ][^\W\d_]*){{0,3}}"
# where the units lie, printed before the range ("các tỉnh, thành phố ven biển từ Đà Nẵng đến
# Lâm Đồng"; ontology/units.ttl, units:where-words): part of the collective's name
_WHERE = "|".join(_GAP.join(map(re.escape, w.split())) for w in lexicon.where_words())
_SPAN_OF_UNITS = re.compile(
    rf"{_GAP}((?:(?i:{_WHERE}){_GAP}){{0,2}}từ{_GAP}{_PLACE_WORDS}{_GAP}đến{_GAP}{_PLACE_WORDS})"
)
_OF_UNIT = re.compile(rf"\s+cua(?=\s+{_LEVEL})")  # "các Sở, ban, ngành của Thành phố"
_OF_LEVEL = re.compile(rf"\s+của\s+(?=(?:{lexicon.unit_alternation()})(?!\w))", re.I)
_KEY_DROP = {"cac", "cap", "cua"}
# the level words as printed, accents and all ("quận", not the "quan" of "cơ quan"), never the
# "xã" of "xã hội"
_LEVEL_KEYS = sorted(
    {
        normalize_key(x)
        for w in lexicon.unit_words()
        if w.level != "central"
        for x in (w.label, *w.variants)
    },
    key=len,
    reverse=True,
)
_LEVEL_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, _LEVEL_KEYS))})(?!\w)(?!\s+hội)")

# a unit of a body, named with it: a branch of a bank or office in the province ("Chi nhánh
# Ngân hàng Chính sách xã hội Thành phố"), the office that serves a steering committee ("Văn
# phòng Ban Chỉ đạo phòng thủ dân sự quốc gia"), not the body itself (folded, with the space)
UNITS_OF: dict[str, set[str] | None] = {
    "chi nhanh ": None,
    "van phong ": {"BanChiDao", "BanCHPTDS"},
    "co quan thuong truc ": {"BanChiDao", "BanCHPTDS"},
}


_NAMED_LEAD = re.compile(r"(?<![a-z])(?:duoc\s+(?:giao|phan\s+cong)\s+)?chu\s+tri$")


def named_to_lead(name: str) -> bool:
    """Is a catch-all named by its part as the bodies that lead ("Các cơ quan, đơn vị được
    giao chủ trì")? Every duty it is given is then a lead's."""
    return bool(_NAMED_LEAD.search(" ".join(fold(name).split())))


def more_kinds_end(text: str, folded: str, end: int) -> int:
    """Where a catch-all ends that goes on with further kinds, printed in lower case."""
    more = _MORE_KINDS.match(folded, end)
    while more and text[more.start(1)].islower():
        end = more.end()
        more = _MORE_KINDS.match(folded, end)
    return end


def of_unit_end(folded: str, end: int) -> int:
    """Past "của" before a catch-all's level word ("các Sở, ban, ngành của Thành phố")."""
    of = _OF_UNIT.match(folded, end)
    return of.end() if of else end


def qualifier_at(folded: str, end: int, text: str = "") -> tuple[str | None, int]:
    """What narrows a catch-all printed at ``end`` (folded) and where it ends (past the place
    printed after its level word in ``text``: "... đóng trên địa bàn thành phố Hà Nội")."""
    q = _QUALIFIER.match(folded, end)
    if not q:
        return None, end
    place = _PLACE_AFTER.match(text, q.end()) if text and _LEVEL_END.search(q.group(1)) else None
    return q.group(1), place.end() if place else q.end()


_LEVEL_END = re.compile(rf"{_LEVEL}$")
_PLACE_AFTER = re.compile(r"[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*(?:[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}")


def units_span_at(text: str, end: int) -> tuple[str | None, int]:
    """ "từ Hà Tĩnh đến Khánh Hòa" printed at ``end``: which units a collective covers."""
    span = _SPAN_OF_UNITS.match(text, end)
    return (" ".join(span.group(1).split()), span.end()) if span else (None, end)


def unit_before(text: str, folded: str, start: int, type_id: str) -> tuple[int, str | None]:
    """(start, unit word as printed) when a unit of the body is printed before it."""
    for unit, of in UNITS_OF.items():
        if folded[max(0, start - len(unit)) : start] == unit:
            if of is None or type_id in of:
                return start - len(unit), text[start - len(unit) : start].strip()
            break
    return start, None


def has_level(as_written: str) -> bool:
    """Is a catch-all printed as an addressee ("các ...") with its level word?"""
    words = normalize_key(as_written)
    return fold(words).startswith("cac ") and _LEVEL_WORD.search(words) is not None


def generic_key(as_written: str, type_id: str, label_len: int) -> tuple[str, str]:
    """(key, name) of a catch-all: its name as printed, "các" in front, "của" before its level
    dropped ("Các sở, ban, ngành Thành phố"); its key is its type (the reference data's
    labels of one type are one addressee: "các sở, ngành", "các sở, ban, ngành, đoàn thể")
    and what the text adds but the level words, so that "các sở, ngành" and "các sở, ngành
    tỉnh" are one addressee, while "các cơ quan, đơn vị khác" and "các cơ quan, đơn vị, tổ
    chức chính trị - xã hội" are two."""
    printed = _OF_LEVEL.sub(" ", " ".join(as_written.split()))
    printed = _PLACE_TAIL.sub(r"\1", printed)  # "... đóng trên địa bàn tỉnh [Nghệ An]"
    if not fold_same_length(printed).startswith("cac "):
        printed = "các " + printed
    added = fold(_LEVEL_WORD.sub(" ", normalize_key(as_written[label_len:])))
    key = type_id + "|" + " ".join(w for w in added.split() if w not in _KEY_DROP)
    return key, printed[:1].upper() + printed[1:]


# what a Ban Chỉ đạo steers, printed after it in lower case ("Ban Chỉ đạo hoạt động hè"): part
# of its name, up to a word of its type's dkg:qualifierStop (ontology/bodies.ttl), which starts
# what it does
_DESCRIPTOR = re.compile(r"\s+([^\W\d_]+)")


@cache
def _stop_words(stops: frozenset[str]) -> PrintedWords:
    """The stop words, matched as printed ("tại" ends the name, the "tai" of "thiên tai"
    does not)."""
    return PrintedWords(stops)


# a steering committee known by a number, after the decision that set it up ("Ban Chỉ đạo 35")
_NUMBERED = re.compile(r"[ \t]+(\d{2,4})(?![\w/.,-])")
# inside what it steers, a comma or "và" joins words of one name ("phòng, chống tham nhũng,
# lãng phí, tiêu cực"; "phòng, chống thiên tai và tìm kiếm cứu nạn") when a word of that name
# follows it (lower case, no word that starts what the committee does)
_JOINED = re.compile(r"\s*,|\s+va(?![a-z])")


def steers_at(text: str, folded: str, end: int, stops: frozenset[str]) -> tuple[str | None, int]:
    """What a steering committee printed up to ``end`` steers, and where that ends (at a word
    of ``stops``, its type's dkg:qualifierStop)."""
    n = _NUMBERED.match(text, end)
    if n:
        return n.group(1), n.end()
    words = 0
    pos = end
    while words < 12:
        j = _JOINED.match(folded, pos) if words else None
        d = _DESCRIPTOR.match(folded, j.end() if j else pos)
        if (
            not d
            or _stop_words(stops).opens(text[d.start(1) : d.start(1) + 40])
            or text[d.start(1)].isupper()
        ):
            break
        words += 1
        pos = d.end()
    return (" ".join(text[end:pos].split()), pos) if words else (None, end)


def own_name(printed: str, holder: bool, pref: str) -> str | None:
    """A catch-all's name that is not its first printed form: the heads of its bodies printed
    for them ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, ..." -> the type's name), or the whole
    phrase a "Trách nhiệm của <catch-all> <qualifier>" heading gives it (``holder``)."""
    printed = " ".join(printed.split())
    folded = fold_same_length(printed)
    if re.match(r"(?:cac\s+)?(?:bo|thu)\s+truong(?![a-z])", folded):
        return pref
    if not holder:
        return None
    printed = printed if folded.startswith("cac ") else "các " + printed
    printed = _PLACE_TAIL.sub(r"\1", printed)  # "... trực thuộc thành phố [Hà Nội]"
    return printed[:1].upper() + printed[1:]


# the place a catch-all's qualifier ends on, after its level word ("các đơn vị trực thuộc thành
# phố Hà Nội"): as a single body's name drops its place ("Sở Nội vụ thành phố Hà Nội" -> "Sở
# Nội vụ"), the catch-all is named without it
_PLACE_TAIL = re.compile(
    rf"(\s(?:{lexicon.unit_alternation()}))"
    r"\s+[A-ZĐÀ-Ỹ][^\s,;.]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*){0,3}$"
)

# the area a class of actors is printed in ("các cơ sở ... trên địa bàn Thành phố", "... trên
# địa bàn tỉnh Nghệ An", "... trên địa bàn"): the issuer's own area, a place the name drops as a
# single body's does (GUIDE); "đóng trên địa bàn ..." stays, as it says which bodies a
# catch-all covers (those based in the area, not run by it)
_AREA_TAIL = re.compile(
    rf"(?<!\bđóng)\s+trên\s+địa\s+bàn(?:\s+(?:{lexicon.unit_alternation(abbreviations=True)})"
    r"(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*){0,3})?)?$",
    re.I,
)


def without_area(printed: str) -> str:
    """``printed`` (a class's name) without the area it ends on: "Các cơ sở y tế trên địa bàn
    tỉnh" -> "Các cơ sở y tế"."""
    return _AREA_TAIL.sub("", printed)


def own_unit(
    groups: frozenset[str] | set[str],
    place: str | None,
    plural: bool,
    level: str | None,
    at: str | None,
) -> bool:
    """Is a Party committee printed with its unit word and place ("Đảng ủy xã Tân Lập") one
    committee of another level than the issuer's (``at``)? Then its place is part of its name
    (GUIDE: canonical names), as for "Ủy ban nhân dân huyện Chư Prông"."""
    return bool(place) and not plural and "PartyCommittee" in groups and level not in (None, at)
