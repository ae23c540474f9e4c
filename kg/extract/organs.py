"""Issuing organs as a header prints them: the issuer block's lines, organ and committee
words, unit words, and central organs read with the bodies data (ontology/bodies.ttl).

kg.extract.header reads the header with these; kept apart so each module stays small.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg import lexicon
from kg.extract import bodies
from kg.models import (
    CleanText,
    HeaderLine,
    Span,
    Structure,
)
from kg.text import fold, is_heading_caps, normalize_key

# ---------------------------------------------------------------- header lines


def _span(clean: CleanText, s: int, e: int) -> Span:
    return clean.to_original(s, max(e, s + 1)) if e > s else clean.to_original(s, s)


def _role(lines: list[HeaderLine], role: str) -> list[HeaderLine]:
    return [h for h in lines if h.role == role]


def _clean_at(clean: CleanText, h: HeaderLine) -> int:
    """Clean offset where the header line's text begins (its span is in original offsets)."""
    i = bisect.bisect_left(clean.offsets, h.span.start)
    found = clean.text.find(h.text, i)
    return found if found >= 0 else min(i, len(clean.text))


def _sub_span(clean: CleanText, h: HeaderLine, a: int, b: int) -> Span:
    """Span of ``h.text[a:b]``, for evidence narrower than the whole line."""
    at = _clean_at(clean, h)
    if clean.text[at : at + len(h.text)] != h.text:
        return h.span
    return _span(clean, at + a, at + b)


# ---------------------------------------------------------------- names and casing

# organ words, printed (normalize_key) -> canonical, longest first (ontology/organs.ttl via
# kg.lexicon); the central ones are bodies named as such
_ORGANS = [(w.key, w.label) for w in lexicon.organ_words()]
_CENTRAL = {w.key: w.label for w in lexicon.organ_words() if w.central}
# Party committee word -> (unit word it governs, level when not a city); unit words, longest
# first, with the "tp." abbreviation (ontology/units.ttl via kg.lexicon)
_COMMITTEES = {
    w.label.lower(): (w.unit, w.level) for w in lexicon.committee_words() if w.level != "central"
}
_UNIT_TYPES = [w.label for w in lexicon.unit_words(levels=False)] + ["tp."]
_UNIT_LEVEL = {w.label: w.level for w in lexicon.unit_words(levels=False)}


def _unit_level(unit_type: str | None) -> str | None:
    """The level of a unit word ("huyện" -> "district"); None when not a unit word."""
    return _UNIT_LEVEL.get(unit_type or "")


def _title_name(s: str) -> str:
    """Place or person name in Title Case ("QUẾ PHONG" -> "Quế Phong")."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


def _sector_case(s: str) -> str:
    """Agency name casing: capital after the start, ' - ', ', ' and ' và '."""
    words = s.lower().split()
    out = []
    cap = True
    for w in words:
        out.append(w[:1].upper() + w[1:] if cap else w)
        cap = w in {"-", "–", "và"} or w.endswith(",")
    return " ".join(out)


@dataclass
class _Issuer:
    organ: str | None = None  # "Ủy ban nhân dân", "Ban Thường vụ", "Sở Y tế" ...
    committee: str | None = None  # Party committee: "Thành ủy", "Huyện ủy" ...
    unit_type: str | None = None  # "huyện", "thành phố" ...
    unit_name: str | None = None  # "Quế Phong"
    parent: _Issuer | None = None
    central: str | None = None  # a central body named as such
    office: str | None = None  # the head's title the block opens with ("CHỦ TỊCH")


_NAME = r"(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"


def _parse_org(text: str) -> _Issuer | None:
    """Read one issuer phrase ("ỦY BAN NHÂN DÂN HUYỆN QUẾ PHONG", "Thành ủy Vinh")."""
    flat = " ".join(text.split()).strip(" ,.;:")
    low = normalize_key(flat)
    title = lexicon.office_title_at(flat)
    if title and not low.startswith(("thủ tướng", "chủ tịch", "ủy viên", "uỷ viên")):
        return _enacting_office(flat, title)  # "BỘ TRƯỞNG BỘ TÀI CHÍNH" names an office
    iss = _Issuer()
    for printed, canon in _ORGANS:
        if low.startswith(printed):
            iss.organ = canon
            low = low[len(printed) :].strip()
            flat = flat[len(flat) - len(low) :] if low else ""
            break
    else:
        lost = _lost_first_word(low)
        if lost:  # "BAN NHÂN DÂN", "TƯỚNG CHÍNH PHỦ": a web copy lost the block's first word
            return _parse_org(lost[1] + flat[len(lost[0]) :])
        m = re.match(r"(sở|phòng|bộ)\s+(.+)", low)
        if m:
            rest = flat[len(flat) - len(m[2]) :]
            iss.organ = m[1].capitalize() + " " + _sector_case(rest)
            return iss
    for word, _ in _COMMITTEES.items():
        if low.startswith(word):
            iss.committee = word[:1].upper() + word[1:]
            name = flat[len(word) :].strip()
            for ut in _UNIT_TYPES:  # "Đảng ủy xã X": the unit word is not part of the name
                if normalize_key(name).startswith(ut + " "):
                    iss.unit_type = "thành phố" if ut == "tp." else ut
                    name = name[len(ut) :].strip()
                    break
            iss.unit_name = _title_name(name) if name and is_heading_caps(name) else (name or None)
            return iss
    if iss.organ is None and low.startswith("đảng bộ "):  # "ĐẢNG BỘ TỈNH X": the parent unit
        low = low[len("đảng bộ ") :]
        flat = flat[len(flat) - len(low) :]
    for ut in _UNIT_TYPES:
        if low == ut or low.startswith(ut + " "):
            iss.unit_type = "thành phố" if ut == "tp." else ut
            name = flat[len(ut) :].strip()
            iss.unit_name = (_title_name(name) if is_heading_caps(name) else name) or None
            return iss
    if iss.organ is None:
        return None
    return iss


def _lost_first_word(low: str) -> tuple[str, str] | None:
    """(printed words, whole name) when ``low`` opens with an organ's name of three or more
    words less its first one ("ban nhân dân" of "ủy ban nhân dân")."""
    for printed, canon in _ORGANS:
        words = printed.split()
        rest = " ".join(words[1:])
        if len(words) >= 3 and (low == rest or low.startswith(rest + " ")):
            return rest, canon
    return None


# bodies set up for a task, whose head enacts in person (a Trưởng ban's decision is not the
# Ban's): the issuer is the office, as the enacting line prints it
_AD_HOC = re.compile(r"^(ban chỉ đạo|hội đồng|tổ công tác|ủy ban quốc gia|ban quản lý)\b")


def _enacting_office(flat: str, title: str) -> _Issuer | None:
    """The issuer an enacting line names by its head's office ("BỘ TRƯỞNG BỘ TÀI CHÍNH" ->
    Bộ Tài chính with the office "Bộ trưởng", "THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC" -> the bank and
    "Thống đốc": the head enacts (GUIDE); "TRƯỞNG BAN CHỈ ĐẠO ..." -> the office as one
    name, for a body set up for a task)."""
    if title in ("Phó", "Thường trực"):
        return None
    rest = flat[len(title) :].strip(" ,")
    if not rest:
        return None
    head, _, last = title.rpartition(" ")
    if head and _AD_HOC.match(normalize_key(f"{last} {rest}")):
        title, rest = head, f"{last} {rest}"  # "Trưởng ban" + "chỉ đạo ...": "Trưởng" + "Ban ..."
    m = _AD_HOC.match(normalize_key(rest))
    if m:
        name = m[1][:1].upper() + m[1][1:] + " " + rest[len(m[1]) :].strip().lower()
        office = f"{title[:1].upper()}{title[1:]} {name}"
        national = re.search(r"\b(?:quốc gia|nhà nước|trung ương)\b", name)
        return _Issuer(organ=office, central=office if national else None)
    body = _central_issuer([rest])
    if body is not None:
        body.office = title  # "Bộ trưởng" of Bộ Nội vụ enacts (GUIDE), as a chair does
        return body
    org = _parse_org(rest)
    if org is not None and (org.organ or org.committee):
        org.office = title
        return org
    found = bodies.find_bodies(rest)  # a body the data knows ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM")
    if found and found[0].start == 0:
        mention = bodies.mention(found[0], bodies.Context())
        name = mention.name
        tail = rest[found[0].end :].strip()
        if tail and is_heading_caps(tail) and normalize_key(name).endswith(tuple(_UNIT_TYPES)):
            name = f"{name} {_title_name(tail)}"  # "... THÀNH PHỐ" / "HÀ NỘI": the place's name
        office = title
        return _Issuer(
            organ=name, central=name if mention.level == "central" else None, office=office
        )
    return None


# a unit of a central body printed under it ("BỘ TÀI CHÍNH / CỤC HẢI QUAN")
_SUB_ORGAN = re.compile(
    r"^(tổng cục|cục|vụ|viện|văn phòng|thanh tra|trung tâm|ban|ủy ban|hội đồng|học viện"
    r"|kho bạc|bảo hiểm|kiểm toán)\s+\S"
)


_NATIONAL = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
)
_ORGAN_KEYS = [k for k, _ in _ORGANS] + list(_COMMITTEES)


def _issuer_lines(block: list[HeaderLine]) -> list[str]:
    """The issuer cell's lines without the national heading a web copy wraps into it
    ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN" / "VIỆT NAM")."""
    raw = _NATIONAL.sub("\n", "\n".join(h.text for h in block))
    return [ln.strip() for ln in raw.split("\n") if ln.strip()]


# the noun of a unit printed with no name ("VĂN PHÒNG" / "CHÍNH PHỦ", "SỞ" / "Y TẾ"): a web
# copy wrapped the issuer's name after it
_BARE_NOUN = re.compile(
    r"tổng cục|cục|vụ|viện|văn phòng|thanh tra|trung tâm|ban|ủy ban|hội đồng|học viện"
    r"|kho bạc|bảo hiểm|kiểm toán|sở|bộ"
)


def _wraps(prev: str, line: str) -> bool:
    """Does ``line`` finish an organ's name that ``prev`` began ("ỦY BAN NHÂN" / "DÂN",
    "VĂN PHÒNG" / "CHÍNH PHỦ")?"""
    p, joined = normalize_key(prev), normalize_key(prev + " " + line)
    if _BARE_NOUN.fullmatch(p):
        return True
    return any(k.startswith(p + " ") and joined.startswith(k) for k in _ORGAN_KEYS)


_CHAIR_SPEAKS = re.compile(
    r"\bChủ\s+tịch\s+(?:Ủy|Uỷ|UỶ|ỦY)?\s*(?:ban\s+nhân\s+dân|BAN\s+NHÂN\s+DÂN|UBND)\s+"
    r"(?!các\b)[^\n.;:]{0,40}?\b(?:yêu\s+cầu|chỉ\s+thị|có\s+ý\s+kiến|QUYẾT\s+ĐỊNH|quyết\s+định\s*:)"
)


def _office_enacts(
    st: Structure, clean: CleanText, issuer: str, enacting: str | None = None
) -> str | None:
    """The office that enacts the document in its head's name, as the issuer (GUIDE): the
    enacting line under the trích yếu names the head of the issuing body ("BỘ TRƯỞNG BỘ NỘI
    VỤ", "CỤC TRƯỞNG CỤC HẢI QUAN", "TỔNG KIỂM TOÁN NHÀ NƯỚC") or a Thông tư's enacting
    sentence (``enacting``) does ("Bộ trưởng Bộ Tài chính ban hành Thông tư"): a minister's decision is
    the minister's, as a chair's is the chair's. The signature block alone does not say so
    ("KT. BỘ TRƯỞNG" under a ministry's letter)."""
    if _chair_enacts(st, clean, issuer):
        return "Chủ tịch " + issuer
    lines = [" ".join(h.text for h in _role(st.header, "authority"))]
    if enacting:
        lines.append(enacting)
    for line in lines:
        office = _office_of(line, issuer)
        if office:
            return office
    return _unit_head_enacts(st, clean, lines[0], issuer)


def _unit_head_enacts(st: Structure, clean: CleanText, line: str, issuer: str) -> str | None:
    """The head of a unit under the header's parent enacts ("UBND THÀNH PHỐ HÀ NỘI" /
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" above "GIÁM ĐỐC TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG
    THÀNH PHỐ"): the decision is the Giám đốc's of that unit, not the parent's (GUIDE), of
    the parent's place when the parent is a People's Committee."""
    flat = _ENACTING_WORD.sub("", " ".join(line.split()).strip(" ,.;:"))
    title = lexicon.office_title_at(flat)
    if not title or normalize_key(title).startswith(("phó ", "chủ tịch", "thủ tướng")):
        return None
    rest = fold(flat[len(title) :].strip(" ,"))
    for h in _role(st.header, "issuer")[1:]:
        unit = " ".join(h.text.split()).strip(" ,.;:")
        key = fold(unit)
        if len(key.split()) < 2 or not (rest == key or rest.startswith(key + " ")):
            continue
        name = _as_printed(clean.text, unit)
        place = ""
        if normalize_key(issuer).startswith("ủy ban nhân dân "):
            place = " " + issuer[len("Ủy ban nhân dân ") :]
        return f"{title} {name}{place}"
    return None


def _as_printed(text: str, caps: str) -> str:
    """A header's capital name as the text prints it in running words, else sentence case."""
    words = caps.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if not is_heading_caps(m.group(0)):
            return " ".join(m.group(0).split())
    low = caps.lower()
    return low[:1].upper() + low[1:]


def _office_of(line: str, issuer: str) -> str | None:
    """ "<title> <issuer>" when ``line`` names the head of ``issuer`` ("BỘ TRƯỞNG BỘ NỘI VỤ"
    of "Bộ Nội vụ"; "TỔNG KIỂM TOÁN NHÀ NƯỚC" of "Kiểm toán Nhà nước": the title holds the
    body's first word)."""
    flat = _ENACTING_WORD.sub("", " ".join(line.split()).strip(" ,.;:"))
    title = lexicon.office_title_at(flat)
    if not title or title in ("Phó", "Thường trực", "Ủy viên", "Thủ tướng"):
        return None  # a deputy never enacts; the chair and the Prime Minister are read apart
    if normalize_key(title).startswith("phó "):
        return None
    rest = flat[len(title) :].strip(" ,")
    key, own = fold(rest), fold(issuer)
    if not key:
        return None
    words = issuer.split()
    if own == key or own.startswith(key + " "):
        return f"{title} {issuer}"  # "CỤC TRƯỞNG CỤC HẢI QUAN" of "Cục Hải quan khu vực II"
    n = len(key.split())
    if own.endswith(" " + key) and fold(title).endswith(" " + fold(" ".join(words[:-n]))):
        # "Tổng Kiểm toán" + "Nhà nước", "Trưởng ban" + "Tuyên giáo ...": the title's last
        # words are the body's first, printed as the body's name prints them
        head = title.split()[: len(title.split()) - (len(words) - n)]
        return f"{' '.join(head)} {issuer}"
    return None


# "... TRUNG ƯƠNG QUYẾT ĐỊNH": the enacting word printed on the authority's line
_ENACTING_WORD = re.compile(r"\s+(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|BAN HÀNH)\s*:?$")


# the enacting sentence of the preamble naming the Committee (Luật Ban hành văn bản quy phạm
# pháp luật 2025: "<organ> ban hành <type> ..."), whatever competences its articles give a chair
_COMMITTEE_ENACTS = re.compile(
    r"\W*(?:(?:ủy|uỷ) ban nhân dân|ubnd)\b[^.;:]{0,60}?\bban\s+hành\b", re.IGNORECASE
)


def _chair_enacts(st: Structure, clean: CleanText, issuer: str) -> bool:
    """Does the chair of the People's Committee enact the document (GUIDE: the enacting line
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" or the text's own "Chủ tịch UBND tỉnh yêu cầu"), not the
    Committee? A "KT. CHỦ TỊCH" signature alone does not say so."""
    if not normalize_key(issuer).startswith("ủy ban nhân dân"):
        return False
    authority = " ".join(h.text for h in _role(st.header, "authority"))  # may wrap over lines
    if re.search(r"(?:^| )chủ tịch (?:ủy ban nhân dân|ubnd)\b", normalize_key(authority)):
        return True
    if re.match(r"\W*(?:ủy ban nhân dân|ubnd)\b", normalize_key(authority)):
        return False  # "ỦY BAN NHÂN DÂN TỈNH ..." above "QUYẾT ĐỊNH:": the Committee enacts
    if any(_COMMITTEE_ENACTS.match(n.text) for n in st.opening):
        return False  # "Ủy ban nhân dân thành phố ban hành Quyết định ...": the Committee's act
    types = _role(st.header, "doc_type")
    start = _clean_at(clean, types[0]) if types else 0
    return bool(_CHAIR_SPEAKS.search(clean.text[start : start + 4000]))


def _central_issuer(lines: list[str]) -> _Issuer | None:
    """A central issuer the header prints in capitals, its name wrapped over lines
    ("VĂN PHÒNG CHÍNH" / "PHỦ", "BỘ" / "TÀI CHÍNH"), read with the bodies reference data.

    The issuer is the last body of the block; words printed after it that open with an
    organ word ("CỤC HẢI QUAN" under "BỘ TÀI CHÍNH") name a unit of it, which issues.
    """
    joined = " ".join(" ".join(lines).split())
    found = [m for m in bodies.find_bodies(joined) if m.type.level == "central"]
    if not found:
        return None
    last = found[-1]
    rest = joined[last.end :].strip(" -,")
    if rest and _SUB_ORGAN.match(normalize_key(rest)):
        word = _SUB_ORGAN.match(normalize_key(rest))[1]
        organ = word[:1].upper() + word[1:] + " " + _sector_case(rest[len(word) :].strip())
        parent = bodies.mention(last, bodies.Context(level="central")).name
        return _Issuer(organ=organ, central=organ, parent=_Issuer(organ=parent, central=parent))
    name = bodies.mention(last, bodies.Context(level="central")).name
    above = found[-2] if len(found) > 1 else None
    if (  # "BỘ TÀI CHÍNH" / "CỤC THUẾ": a unit the data knows, printed right under its parent
        above is not None
        and above.type.id != last.type.id
        and not joined[above.end : last.start].strip(" -,")
    ):
        parent = bodies.mention(above, bodies.Context(level="central")).name
        return _Issuer(organ=name, central=name, parent=_Issuer(organ=parent, central=parent))
    return _Issuer(organ=name, central=name)


def _block_office(names: list[str]) -> str | None:
    """The head's title an issuer block opens with, when the rest of its first name is the
    People's Committee ("CHỦ TỊCH ỦY BAN NHÂN DÂN" / "TỈNH GIA LAI"): printed as it enacts."""
    if not names:
        return None
    first = " ".join(names[0].split())
    title = lexicon.office_title_at(first)
    if title is None or normalize_key(title) != "chủ tịch":
        return None
    org = _parse_org(first[len(title) :])
    return (
        title if org is not None and org.organ in ("Ủy ban nhân dân", "Hội đồng nhân dân") else None
    )


def _merge(a: _Issuer | None, b: _Issuer) -> _Issuer:
    if a is None:
        return b
    for attr in ("organ", "committee", "unit_type", "unit_name"):
        if getattr(a, attr) is None:
            setattr(a, attr, getattr(b, attr))
    return a


def _compose(iss: _Issuer) -> str | None:
    place = ""
    if iss.committee and normalize_key(iss.committee) == "đảng ủy" and iss.unit_type:
        place = f"{iss.committee} {iss.unit_type}" + (f" {iss.unit_name}" if iss.unit_name else "")
    elif iss.committee:
        place = iss.committee + (f" {iss.unit_name}" if iss.unit_name else "")
    elif iss.unit_type:
        place = iss.unit_type + (f" {iss.unit_name}" if iss.unit_name else "")
    organ = iss.organ
    if organ and place and not fold(organ).endswith(" " + fold(place)):
        return f"{organ} {place}"
    return organ or place or None
