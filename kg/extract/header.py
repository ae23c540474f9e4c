"""Facts about the document itself: type, number, date, issuer, signer, subject, recipients.

Rules follow NĐ 30/2020/NĐ-CP (state) and the Party's drafting rules: the
issuer block sits top left ("ỦY BAN NHÂN DÂN / HUYỆN X", "ĐẢNG BỘ TỈNH ... /
HUYỆN ỦY ..."), then "Số: 12/KH-UBND", the place and date line, the type line
(KẾ HOẠCH), the trích yếu, the opening, and at the end "Nơi nhận:" beside the
signature (TM./KT./T/M, title, name). PDF extractions often lose the header;
the issuer is then read from the opening ("Ủy ban nhân dân huyện X ban hành Kế
hoạch") and the signature ("TM. ỦY BAN NHÂN DÂN"), and the place name from
the rest of the text, checked against the administrative-unit reference data.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from kg.extract import admin
from kg.extract.refs import DOC_TYPES, NUMBER_RE, type_from_code
from kg.models import CleanText, DocRef, DocumentFacts, Recipient, Span, Structure
from kg.text import normalize_key

# ---------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int  # clean offsets
    end: int
    text: str  # stripped

    @property
    def columns(self) -> list[str]:
        return [c.strip() for c in re.split(r"\t| {3,}", self.text) if c.strip()]


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(" \t*_#>|")
        lead = len(raw) - len(raw.lstrip(" \t*_#>|"))
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _upper(s: str) -> str:
    return unicodedata.normalize("NFC", s).upper()


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _fold(s: str) -> str:
    return normalize_key(s)


# ---------------------------------------------------------------- type line

_TYPE_LINE_RE = re.compile(
    r"^(?P<type>" + "|".join(re.escape(t.upper()) for t in DOC_TYPES) + r")(?:\s+[^\s].{0,40})?$"
)


def _type_line(lines: list[_Line], limit: int) -> tuple[int, str] | None:
    for i, ln in enumerate(lines[:limit]):
        col = ln.columns[-1] if ln.columns else ""
        if not col or not _is_caps(col) or len(col.split()) > 6:
            continue
        m = _TYPE_LINE_RE.match(_upper(col))
        if m:
            t = m["type"]
            return i, next(x for x in DOC_TYPES if x.upper() == t)
    return None


# ---------------------------------------------------------------- names and casing

_CENTRAL = {
    "bộ chính trị": "Bộ Chính trị",
    "ban bí thư": "Ban Bí thư",
    "ban chấp hành trung ương": "Ban Chấp hành Trung ương",
    "thủ tướng chính phủ": "Thủ tướng Chính phủ",
    "thủ tướng": "Thủ tướng Chính phủ",
    "chính phủ": "Chính phủ",
    "quốc hội": "Quốc hội",
    "ủy ban thường vụ quốc hội": "Ủy ban Thường vụ Quốc hội",
}
_ORGANS = [  # printed (folded) -> canonical
    *sorted(_CENTRAL.items(), key=lambda kv: -len(kv[0])),
    ("ủy ban nhân dân", "Ủy ban nhân dân"),
    ("ubnd", "Ủy ban nhân dân"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("hđnd", "Hội đồng nhân dân"),
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban tuyên giáo và dân vận", "Ban Tuyên giáo và Dân vận"),
    ("ban tuyên giáo", "Ban Tuyên giáo"),
    ("ban dân vận", "Ban Dân vận"),
    ("ban tổ chức", "Ban Tổ chức"),
    ("ban nội chính", "Ban Nội chính"),
    ("ủy ban kiểm tra", "Ủy ban Kiểm tra"),
    ("ủy ban mặt trận tổ quốc việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("ủy ban mttq việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("hội liên hiệp phụ nữ", "Hội Liên hiệp Phụ nữ"),
    ("hội nông dân", "Hội Nông dân"),
    ("hội cựu chiến binh", "Hội Cựu chiến binh"),
    ("liên đoàn lao động", "Liên đoàn Lao động"),
    ("đoàn tncs hồ chí minh", "Đoàn TNCS Hồ Chí Minh"),
]
_COMMITTEES = {  # Party committee word -> (unit type it governs, level when not a city)
    "tỉnh ủy": ("tỉnh", "province"),
    "thành ủy": ("thành phố", "district"),
    "huyện ủy": ("huyện", "district"),
    "quận ủy": ("quận", "district"),
    "thị ủy": ("thị xã", "district"),
    "đảng ủy": ("xã", "commune"),
}
_UNIT_TYPES = ["thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "xã", "phường", "tp."]
_UNIT_LEVEL = {
    "tỉnh": "province",
    "thành phố": "district",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
}
_MASS = (
    "mặt trận",
    "đoàn tncs",
    "hội liên hiệp",
    "hội nông dân",
    "hội cựu chiến binh",
    "liên đoàn lao động",
    "đoàn thanh niên",
)
_PARTY = (
    "ủy",
    "ban thường vụ",
    "ban chấp hành",
    "ban tuyên giáo",
    "ban dân vận",
    "ban tổ chức",
    "ban nội chính",
    "ủy ban kiểm tra",
    "bộ chính trị",
    "ban bí thư",
    "đảng",
)


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


_NAME = r"(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"


def _parse_org(text: str) -> _Issuer | None:
    """Read one issuer phrase ("ỦY BAN NHÂN DÂN HUYỆN QUẾ PHONG", "Thành ủy Vinh")."""
    flat = " ".join(text.split()).strip(" ,.;:")
    low = _fold(flat)
    iss = _Issuer()
    for printed, canon in _ORGANS:
        if low.startswith(printed):
            iss.organ = canon
            low = low[len(printed) :].strip()
            flat = flat[len(flat) - len(low) :] if low else ""
            break
    else:
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
                if _fold(name).startswith(ut + " "):
                    iss.unit_type = "thành phố" if ut == "tp." else ut
                    name = name[len(ut) :].strip()
                    break
            iss.unit_name = _title_name(name) if name and _is_caps(name) else (name or None)
            return iss
    if iss.organ is None and low.startswith("đảng bộ "):  # "ĐẢNG BỘ TỈNH X": the parent unit
        low = low[len("đảng bộ ") :]
        flat = flat[len(flat) - len(low) :]
    for ut in _UNIT_TYPES:
        if low == ut or low.startswith(ut + " "):
            iss.unit_type = "thành phố" if ut == "tp." else ut
            name = flat[len(ut) :].strip()
            iss.unit_name = (_title_name(name) if _is_caps(name) else name) or None
            return iss
    if iss.organ is None:
        return None
    return iss


# ---------------------------------------------------------------- signature


_MODE_RE = re.compile(
    r"^(?P<mode>TM|T/M|T\.M|KT|K/T|K\.T|TL|T/L|TUQ|Q)\s*[.:]?\s+(?P<who>[A-ZĐÀ-Ỹ].*)$"
)
_TITLE_WORDS = [
    ("bí thư", "Bí thư"),
    ("thường trực", "Thường trực"),
    ("chủ tịch", "Chủ tịch"),
    ("giám đốc", "Giám đốc"),
    ("trưởng ban", "Trưởng ban"),
    ("trưởng phòng", "Trưởng phòng"),
    ("bộ trưởng", "Bộ trưởng"),
    ("thứ trưởng", "Thứ trưởng"),
    ("thủ tướng", "Thủ tướng"),
    ("chánh văn phòng", "Chánh Văn phòng"),
    ("trưởng", "Trưởng"),
    ("phó", "Phó"),
]
# Names of the Central Highlands peoples are printed "Y Ngông Niê", "H' Xuân Êban".
_PERSON_RE = re.compile(
    r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ]+'?)(?:\s+(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ]+'?)){1,5}$"
)


def _title_case_role(s: str) -> str:
    low = _fold(s)
    out = []
    while low:
        for printed, canon in _TITLE_WORDS:
            if low.startswith(printed) and (len(low) == len(printed) or low[len(printed)] == " "):
                out.append(canon)
                low = low[len(printed) :].strip()
                break
        else:
            word, _, low = low.partition(" ")
            out.append(word)
    return " ".join(out)


@dataclass
class _Signature:
    mode: str | None = None
    organ_line: str | None = None  # "ỦY BAN NHÂN DÂN" of "TM. ỦY BAN NHÂN DÂN"
    title: str | None = None
    title_span: tuple[int, int] | None = None
    signer: str | None = None
    signer_span: tuple[int, int] | None = None
    mode_span: tuple[int, int] | None = None


def _column_spans(line: _Line, text: str) -> list[tuple[int, int, str]]:
    out = []
    for col in line.columns:
        idx = text.find(col, line.start, line.end + 1)
        idx = idx if idx >= 0 else line.start
        out.append((idx, idx + len(col), col))
    return out


def _looks_like_person(cell: str) -> bool:
    if not _PERSON_RE.match(cell) or cell.startswith("Nơi"):
        return False
    up = _upper(cell)
    if any(up.startswith(t.upper()) for t in DOC_TYPES) or _fold(cell) in {"đã ký", "ký tên"}:
        return False
    return not any(_fold(cell).startswith(p) for p, _ in _TITLE_WORDS)


def _signature(lines: list[_Line], text: str, first_closing: int) -> _Signature:
    """TM./KT./T/M line, the signer's title below it, then the first name-like line.

    Only a few lines after the signing mode are read, so an appendix printed
    after the signature cannot be mistaken for it.
    """
    sig = _Signature()
    last_anchor: int | None = None
    for i, ln in enumerate(lines[first_closing:], start=first_closing):
        if last_anchor is not None and i - last_anchor > 14:
            break
        for s, e, cell in _column_spans(ln, text):
            if cell.startswith(("-", "+", "•")):
                continue
            m = _MODE_RE.match(cell)
            if m:
                last_anchor = i
                if sig.mode is None:
                    sig.mode = m["mode"].replace("/", "").replace(".", "") + "."
                    sig.mode_span = (s, e)
                if m["mode"].upper().replace("/", "").replace(".", "") == "TM":
                    sig.organ_line = sig.organ_line or m["who"]
                else:
                    sig.title, sig.title_span = m["who"], (s, e)
                continue
            low = _fold(cell)
            if (
                _is_caps(cell)
                and len(cell.split()) <= 6
                and (any(low.startswith(p) for p, _ in _TITLE_WORDS) or "trưởng" in low)
            ):
                # a title alone also signs: HĐND resolutions print just "CHỦ TỊCH"
                sig.title, sig.title_span = cell, (s, e)
                last_anchor = i
                continue
            if last_anchor is None:
                continue
            if _looks_like_person(cell):
                sig.signer = _title_name(cell) if _is_caps(cell) else cell
                sig.signer_span = (s, e)
                return sig
    return sig


# ---------------------------------------------------------------- recipients


_RECIPIENT_HEAD = re.compile(r"^N[ơo]i\s+nh[ậa]n\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)


def extract_recipients(clean: CleanText) -> list[Recipient]:
    """The 'Nơi nhận:' list as printed, one entry per dash line."""
    text = clean.text
    lines = _lines(text)
    head = None
    for i in range(len(lines) - 1, -1, -1):
        cols = lines[i].columns
        if cols and _RECIPIENT_HEAD.match(cols[0]):
            head = i
            break
    if head is None:
        return []
    items: list[list] = []  # [start, end, text]
    first = _RECIPIENT_HEAD.match(lines[head].columns[0])
    pending = []
    if first and first["rest"].strip(" -"):
        pending.append((lines[head], first["rest"]))
    blank_run = 0
    for ln in lines[head + 1 :]:
        if not ln.text:
            blank_run += 1
            if blank_run > 3 and items:
                break
            continue
        blank_run = 0
        pending.append((ln, ln.text))
    for ln, body in pending:
        cells = re.split(r"\t| {3,}", body)
        cell = cells[0].strip()
        extra = [c.strip() for c in cells[1:] if c.strip()]
        bullet = re.match(r"^[-+•–]\s*", cell)
        if not bullet:
            if items and cell and cell[:1].islower():
                items[-1][1] = ln.start + len(body)
                items[-1][2] += " " + cell
                continue
            break
        value = cell[bullet.end() :].strip()
        # a short note in the next column ("| để b/c") belongs to this line
        for c in extra:
            if re.fullmatch(r"\(?(?:để\s+)?(?:b/c|báo cáo|t/h|thực hiện|p/h)\)?", c, re.IGNORECASE):
                value = re.sub(r"[;,.]\s*$", "", value) + f" ({c.strip('()')})"
        start = text.find(value.split(" (")[0][:10], ln.start) if value else ln.start
        items.append([max(start, ln.start), ln.start + len(cell), value])
    out: list[Recipient] = []
    for s, e, value in items:
        value = re.sub(r"[;,.]\s*(\([^)]*\))\s*$", r" \1", value.strip())
        value = value.rstrip(" ;,.").strip()
        if value:
            out.append(Recipient(value, clean.to_original(s, max(s + 1, e))))
    return out


# ---------------------------------------------------------------- the facts


_DATE_LINE_RE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^\n\t,]{1,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?"
    r"[\s.…_]*năm\s*(?P<y>(?:19|20)\d{2})"
)
_DATE_LINE_NUM_RE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^\n\t,]{1,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
)
_NUMBER_LINE_RE = re.compile(
    r"(?:^|\t| {2,})S[ốỐ]\s*(?:hiệu)?\s*:?\s*(?P<rest>[^\t\n]*)", re.MULTILINE
)
_OPENING_TRIGGER = re.compile(
    r"^(?:Thực hiện|Triển khai|Căn cứ|Xét|Theo|Kính gửi|Để|Nhằm|Trên cơ sở)\b"
)
_ISSUING_RE = re.compile(
    r"(?P<who>(?:(?:Ban Thường vụ|Ban Chấp hành|Thường trực)\s+)?"
    r"(?:(?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND|(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[uủ]ỷ?y?)"
    r"(?:\s+(?:tỉnh|thành phố|Thành phố|huyện|quận|thị xã|xã|phường|thị trấn))?"
    r"(?:\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})?)"
    r"\s+(?:ban\s+hành|xây\s+dựng)\b"
)
_YEAR_RE = re.compile(r"(?P<lead>\S+\s+\S+\s+)?(?P<nam>năm\s+(?P<y>(?:19|20)\d{2}))\b")
_NOT_OWN_YEAR = ("đến", "vào", "tới", "từ", "đoạn", "nhìn", "trước", "sau", "cuối", "đầu", "hết")
_DEADLINE_RE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<y>(?:19|20)\d{2})"
)


def _span(clean: CleanText, s: int, e: int) -> Span:
    return clean.to_original(s, max(e, s + 1)) if e > s else clean.to_original(s, s)


def _closing_start(lines: list[_Line]) -> int:
    for i in range(len(lines) - 1, -1, -1):
        cols = lines[i].columns
        if cols and _RECIPIENT_HEAD.match(cols[0]):
            return i
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        for col in lines[i].columns:
            if _MODE_RE.match(col):
                return i
    return max(0, len(lines) - 25)


def _infer_year(text: str, refs: list[DocRef]) -> tuple[str, tuple[int, int]] | None:
    """A year the text itself states for this document when no date line survived.

    Only years the plan states for its own activity count ("công tác trẻ em
    năm 2024", a deadline "trước ngày 07/5/2024"), never horizons ("đến năm
    2030", "giai đoạn 2021 - 2025"); and no earlier than the latest document it
    implements, which it must post-date. Returns the year and where it is first stated.
    """
    floor = max(
        (int(r.date[:4]) for r in refs if r.relation == "implements" and r.date), default=None
    )
    years: Counter[int] = Counter()
    first: dict[int, tuple[int, int]] = {}
    for m in _YEAR_RE.finditer(text):
        lead = (m["lead"] or "").split()
        if lead and lead[-1].lower() in _NOT_OWN_YEAR:
            continue
        years[int(m["y"])] += 1
        first.setdefault(int(m["y"]), (m.start("nam"), m.end("nam")))
    for m in _DEADLINE_RE.finditer(text):
        years[int(m["y"])] += 1
        first.setdefault(int(m["y"]), (m.start(), m.end()))
    good = [(n, y) for y, n in years.items() if floor is None or y >= floor]
    if not good:
        return None
    year = max(good)[1]
    return str(year), first[year]


def _place_names(text: str) -> tuple[set[str], Counter]:
    """Provinces named in the text, and names following each unit word."""
    provinces: set[str] = set()
    named: Counter = Counter()
    for m in re.finditer(
        r"(?i:(tỉnh|thành phố|tp\.|huyện|quận|thị xã|xã|phường|thị trấn|thành ủy|thành uỷ|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|quận ủy|thị ủy|thành đoàn|huyện đoàn))\s+"
        + _NAME,
        text,
    ):
        word = _fold(m[1]).replace("thành đoàn", "thành phố").replace("huyện đoàn", "huyện")
        name = m["name"]
        # drop a trailing word that begins the next phrase ("Hải Dương Xây ...")
        if word == "tỉnh" or word == "tỉnh ủy":
            p = admin.province_named(name) or admin.province_named(" ".join(name.split()[:2]))
            if p:
                provinces.add(p)
            continue
        unit = {
            "thành ủy": "thành phố",
            "huyện ủy": "huyện",
            "quận ủy": "quận",
            "thị ủy": "thị xã",
            "tp.": "thành phố",
        }.get(word, word)
        words = name.split()
        for n in range(len(words), 0, -1):
            named[(unit, " ".join(words[:n]))] += 1
    return provinces, named


def _best_unit_name(
    unit_type: str, named: Counter, provinces: set[str]
) -> tuple[str, str | None] | None:
    """Most frequent name after ``unit_type`` that is a real unit of that type."""
    cands = [(n, name) for (ut, name), n in named.items() if ut == unit_type]
    for _, name in sorted(cands, key=lambda x: (-x[0], -len(x[1]))):
        if unit_type in ("huyện", "quận", "thị xã", "thành phố"):
            d = admin.district_named(name, provinces)
            if d:
                return d.name, d.province
            if unit_type == "thành phố" and admin.is_central_city(name):
                return admin.province_named(name) or name, admin.province_named(name)
        elif unit_type in ("xã", "phường", "thị trấn"):
            return name, admin.commune_province(name, provinces)
    return None


def extract_header(
    clean: CleanText, structure: Structure | None = None, refs: list[DocRef] | None = None
) -> DocumentFacts:
    """The document's own facts, each with the span it was read from."""
    text = clean.text
    lines = _lines(text)
    refs = refs or []
    facts = DocumentFacts()
    spans: dict[str, Span] = {}
    limit = min(len(lines), 60)
    tl = _type_line(lines, limit)
    type_idx = tl[0] if tl else None
    head_end_line = type_idx if type_idx is not None else min(limit, 12)
    head_end = lines[head_end_line].start if head_end_line < len(lines) else len(text)
    head = text[:head_end]

    # number
    own_number = None
    m = _NUMBER_LINE_RE.search(head)
    if m:
        rest = m["rest"].strip()
        nm = NUMBER_RE.match(rest)
        if nm:
            own_number = re.sub(r"\s+", "", nm.group(0)).replace("–", "-")
            s = m.start("rest") + (len(m["rest"]) - len(m["rest"].lstrip()))
            spans["number"] = _span(clean, s, s + len(nm.group(0)))
        else:
            spans["number"] = _span(clean, m.start(), m.end())
    facts.number = own_number

    # type
    if tl:
        facts.type = tl[1]
        spans["type"] = _span(clean, lines[type_idx].start, lines[type_idx].end)
    else:
        vv = re.search(r"(?m)(?:^|\t)V/v\b", head + text[head_end : head_end + 400])
        if vv:
            facts.type = "Công văn"
        elif own_number:
            facts.type = type_from_code(own_number)

    # date
    dm = _DATE_LINE_NUM_RE.search(head) or _DATE_LINE_RE.search(head)
    if dm:
        y, mo, d = dm["y"], dm["m"], dm["d"]
        if mo and d:
            facts.date = f"{y}-{int(mo):02d}-{int(d):02d}"
        elif mo:
            facts.date = f"{y}-{int(mo):02d}"
        else:
            facts.date = y
        spans["date"] = _span(clean, dm.start(), dm.end())
    else:
        inferred = _infer_year(text, refs)
        if inferred:
            facts.date = inferred[0]
            spans["date"] = _span(clean, *inferred[1])

    # subject (trích yếu)
    subj = _subject(lines, type_idx)
    if subj:
        s, e, value = subj
        facts.subject = value
        spans["subject"] = _span(clean, s, e)

    # signature
    closing = _closing_start(lines)
    sig = _signature(lines, text, closing)
    facts.signature_mode = sig.mode
    if sig.signer:
        facts.signer = sig.signer
        spans["signer"] = _span(clean, *sig.signer_span)
    if sig.title:
        facts.signer_title = _title_case_role(sig.title)
        if facts.signer_title:
            facts.signer_title = facts.signer_title[:1].upper() + facts.signer_title[1:]
        spans["signer_title"] = _span(clean, *sig.title_span)

    # issuer
    _issuer(facts, spans, clean, lines, head_end_line, sig)
    facts.spans = spans
    return facts


def _subject(lines: list[_Line], type_idx: int | None) -> tuple[int, int, str] | None:
    """The trích yếu: the lines under the type line, up to where the opening starts."""
    if type_idx is None:
        for ln in lines[:40]:
            m = re.match(r"^(?:.*\t)?V/v\s+(?P<s>.+)$", ln.text)
            if m:
                return ln.start, ln.end, " ".join(m["s"].split())
        return None
    picked: list[_Line] = []
    for ln in lines[type_idx + 1 : type_idx + 12]:
        if not ln.text:
            continue
        if not picked and re.match(r"^(?:CỦA|Của)\s", ln.text) and _is_caps(ln.text[4:]):
            continue  # "CHỈ THỊ / CỦA BAN BÍ THƯ / về ...": the issuer, not the subject
        if picked and (
            picked[-1].text.endswith((".", ":"))
            or re.match(r"^Ngày\s+\d", ln.text)
            or _OPENING_TRIGGER.match(ln.text)
            or (_is_caps(ln.text) and len(ln.text) > 3)
            or re.match(r"^(?:[IVX]+|\d+)\s*[.\-–)]\s", ln.text)
            or re.fullmatch(r"[-_=*.]{3,}", ln.text)
        ):
            break
        if not picked and re.fullmatch(r"[-_=*.]{3,}", ln.text):
            continue
        picked.append(ln)
        if len(picked) >= 6 or ln.text.endswith(":"):
            break
    if not picked:
        return None
    value = " ".join(" ".join(ln.text for ln in picked).split()).strip(" *_")
    value = re.sub(r"^(?:V/v|Về việc)\s+", "", value)
    return picked[0].start, picked[-1].end, value


def _issuer(
    facts: DocumentFacts,
    spans: dict[str, Span],
    clean: CleanText,
    lines: list[_Line],
    head_end_line: int,
    sig: _Signature,
) -> None:
    text = clean.text
    provinces, named = _place_names(text)
    party_header = bool(re.search(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", text[:2000]))

    # 1. the issuer block of the header (caps lines before the number line)
    block: list[_Line] = []
    for ln in lines[:head_end_line]:
        col = ln.columns[0] if ln.columns else ""
        if not col or not _is_caps(col):
            continue
        up = _upper(col)
        if any(
            w in up for w in ("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP", "ĐẢNG CỘNG SẢN")
        ) or up.startswith("SỐ"):
            continue
        block.append(ln)
    names: list[str] = []
    for ln in block:
        col = ln.columns[0]
        if names and (
            _upper(col).startswith(("VÀ ", "- ", "– "))
            or names[-1].endswith(("-", "–", ",", " VÀ"))
        ):
            names[-1] += " " + col  # "SỞ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI": one name
        else:
            names.append(col)
    header_orgs = [o for o in (_parse_org(n) for n in names) if o is not None]
    iss: _Issuer | None = None
    evidence: tuple[int, int] | None = None
    if block and header_orgs:
        # "ỦY BAN NHÂN DÂN" + "HUYỆN X" are one name; "UBND TỈNH X" + "SỞ Y" a parent and child
        merged: list[_Issuer] = []
        for org in header_orgs:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.organ
                and not (prev.unit_type or prev.committee)
                and org.organ is None
            ):
                _merge(prev, org)  # "ỦY BAN NHÂN DÂN" + "HUYỆN X": one name on two lines
            else:
                merged.append(org)
        iss = merged[-1]
        if len(merged) > 1:
            iss.parent = merged[-2]
        evidence = (block[0].start, block[-1].end)

    # 2. the opening: "Ủy ban nhân dân huyện X ban hành Kế hoạch ..."
    opening = text[: min(len(text), (lines[min(len(lines) - 1, head_end_line + 40)].end))]
    om = _ISSUING_RE.search(opening)
    if om:
        from_opening = _parse_org(om["who"])
        if from_opening and (iss is None or not (iss.unit_name or iss.committee)):
            iss = _merge(iss, from_opening)
            evidence = evidence or (om.start("who"), om.end("who"))
    if iss is None and sig.organ_line:
        iss = _parse_org(sig.organ_line)
        if sig.mode_span:
            evidence = sig.mode_span
    if iss is None and sig.title and "chủ tịch" in _fold(sig.title):
        iss = _Issuer(organ="Ủy ban nhân dân")
    if iss is None:
        return

    # a committee's standing board signs "T/M BAN THƯỜNG VỤ"
    if sig.organ_line and _fold(sig.organ_line).startswith("ban thường vụ") and iss.committee:
        iss.organ = "Ban Thường vụ"
    # "T/M BỘ CHÍNH TRỊ" under a "BAN CHẤP HÀNH TRUNG ƯƠNG" header: the signing organ issues
    signing = _parse_org(sig.organ_line) if sig.organ_line else None
    if signing and signing.organ in _CENTRAL.values():
        iss = signing

    # fill the place
    province: str | None = None
    if iss.committee and not iss.unit_type:
        iss.unit_type = _COMMITTEES[_fold(iss.committee)][0]
    parent_unit = iss.parent.unit_name if iss.parent else None
    if (
        iss.parent
        and parent_unit
        and iss.parent.unit_type == "tỉnh"
        and admin.province_named(parent_unit)
    ):
        provinces.add(admin.province_named(parent_unit))
    if iss.parent and not iss.unit_type:
        iss.unit_type, iss.unit_name = iss.parent.unit_type, iss.parent.unit_name
        if not iss.committee and iss.parent.committee:
            iss.committee = iss.parent.committee
            iss.unit_type = _COMMITTEES[_fold(iss.parent.committee)][0]
    if iss.unit_type and not iss.unit_name:
        found = _best_unit_name(iss.unit_type, named, provinces)
        if found:
            iss.unit_name = found[0]
    level = None
    district = None
    if iss.unit_type == "tỉnh" or (iss.committee and _fold(iss.committee) == "tỉnh ủy"):
        level = "province"
        province = admin.province_named(iss.unit_name or "") or iss.unit_name
        if province is None and len(provinces) == 1:
            province = next(iter(provinces))
    elif iss.unit_type in ("thành phố", "huyện", "quận", "thị xã"):
        if iss.unit_name and admin.is_central_city(iss.unit_name) and iss.unit_type == "thành phố":
            level = "province"
            province = admin.province_named(iss.unit_name)
        else:
            level = "district"
            d = admin.district_named(iss.unit_name, provinces) if iss.unit_name else None
            if d:
                iss.unit_name, province = d.name, d.province
            elif len(provinces) == 1:
                province = next(iter(provinces))
            district = iss.unit_name
    elif iss.unit_type in ("xã", "phường", "thị trấn"):
        level = "commune"
        facts.commune = iss.unit_name
        parent = iss.parent
        if (
            parent
            and parent.unit_type in ("huyện", "quận", "thị xã", "thành phố")
            and parent.unit_name
        ):
            d = admin.district_named(parent.unit_name, provinces)
            district = d.name if d else parent.unit_name
            province = d.province if d else None
        elif parent and parent.unit_type == "tỉnh":
            province = admin.province_named(parent.unit_name or "")
        if district is None and iss.unit_name and not _after_2025_reform(facts.date):
            named_districts = {
                n for (ut, n) in named if ut in ("huyện", "quận", "thị xã", "thành phố")
            }
            d = admin.commune_district(iss.unit_name, named_districts, provinces)
            if d:
                district, province = d.name, province or d.province
            else:  # the one district the text names ("UBND huyện X") wins over a look-alike
                whole = {
                    n
                    for n in named_districts
                    if not any(o.startswith(n + " ") for o in named_districts)
                }
                found = {admin.district_named(n, provinces) for n in whole} - {None}
                if len(found) == 1:
                    nd = found.pop()
                    assert nd is not None
                    district, province = nd.name, province or nd.province
        if province is None and iss.unit_name:
            province = admin.commune_province(iss.unit_name, provinces)
        if province is None and len(provinces) == 1:
            province = next(iter(provinces))
    elif iss.organ and (iss.organ in _CENTRAL.values() or re.match(r"Bộ\s", iss.organ)):
        level = "central"

    facts.issuer = _compose(iss)
    facts.issuer_level = level  # type: ignore[assignment]
    facts.province = province if level != "central" else None
    facts.district = district if level in ("district", "commune") else None
    low = _fold(facts.issuer or "")
    if any(w in low for w in _MASS):
        facts.issuer_kind = "mass-org"
    elif iss.committee or party_header or any(low.startswith(w) for w in _PARTY[1:]):
        facts.issuer_kind = "party"
    else:
        facts.issuer_kind = "state"
    if evidence:
        spans["issuer"] = _span(clean, *evidence)
        # level, kind and places are read off the issuer's name: same evidence
        for name in ("issuer_level", "issuer_kind", "province", "district"):
            if getattr(facts, name) is not None:
                spans[name] = spans["issuer"]


def _after_2025_reform(date: str | None) -> bool:
    """Districts were abolished on 1 July 2025: a later commune document has none."""
    if not date:
        return False
    year, _, month = date.partition("-")
    return int(year) > 2025 or (int(year) == 2025 and int(month[:2] or 0) >= 7)


def _merge(a: _Issuer | None, b: _Issuer) -> _Issuer:
    if a is None:
        return b
    for attr in ("organ", "committee", "unit_type", "unit_name"):
        if getattr(a, attr) is None:
            setattr(a, attr, getattr(b, attr))
    return a


def _compose(iss: _Issuer) -> str | None:
    place = ""
    if iss.committee and _fold(iss.committee) == "đảng ủy" and iss.unit_type:
        place = f"{iss.committee} {iss.unit_type}" + (f" {iss.unit_name}" if iss.unit_name else "")
    elif iss.committee:
        place = iss.committee + (f" {iss.unit_name}" if iss.unit_name else "")
    elif iss.unit_type:
        place = iss.unit_type + (f" {iss.unit_name}" if iss.unit_name else "")
    organ = iss.organ
    if organ and place:
        return f"{organ} {place}"
    return organ or place or None
