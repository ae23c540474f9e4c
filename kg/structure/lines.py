"""The vocabulary of a document's layout and the line/cell helpers the parser reads it with."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from kg import lexicon
from kg.models import CleanText
from kg.text import is_heading_caps, normalize_key

# ---------------------------------------------------------------- vocabulary

# the motto and heading lines above the type line (ontology/phrases.ttl)
_MOTTOS = frozenset(normalize_key(w) for w in lexicon.phrases("mottos"))
_OPENING = re.compile(
    r"^(?:Thực hiện|Triển khai|Căn cứ|Xét đề nghị|Xét tờ trình|Xét|Theo đề nghị|Theo chỉ đạo|"
    r"Trên cơ sở|Thi hành|Tiếp tục thực hiện|Nhằm triển khai|Để triển khai|Để thực hiện|"
    r"Thực thi|Qua \d+ năm)\b"
)
_OPENING_TAIL = re.compile(
    r"(?:ban hành|xây dựng)\b.*(?:như sau|sau)\s*:?\s*$|như sau\s*:\s*$"
    r"|\bban hành\s+(?:kế hoạch|chương trình|hướng dẫn|quy chế|chỉ thị|quyết định|công văn)\b",
    re.I,
)
# an opening that is no "Thực hiện/Căn cứ" paragraph still ends the trích yếu
_SUBJECT_END = re.compile(r"^(?:Ngày\s+\d|(?:Kính gửi|Theo|Để|Nhằm)\b)|^[-_=*.]{3,}$")
_BASIS = re.compile(r"^(?:Căn cứ|Xét đề nghị|Xét tờ trình|Theo đề nghị)\b")
_INLINE_LIST = re.compile(r"\b(?:như|gồm|là|bao gồm|cụ thể|nhất là)\s*:$")  # "như: A, B, C"
_AUTHORITY = re.compile(
    r"^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN THƯỜNG VỤ|"
    r"BAN CHẤP HÀNH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|BỘ CHÍNH TRỊ|BAN BÍ THƯ|THƯỜNG TRỰC|"
    r"KHÓA|KHOÁ|KỲ HỌP)\b"
)
_ENACTING = re.compile(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|BAN HÀNH)\s*:\s*$")

# "Số: 12/KH-UBND"; some headers print the word in capitals ("SỐ: 12/KH-UBND")
_NUMBER = re.compile(r"^Số\b\s*:?|^SỐ\b(?:\s+HIỆU)?\s*:?\s*(?=[^\s:]*[\d/\-–])")
_PLACE_DATE = re.compile(
    r"(?:^[^,\d]{2,60},\s*ngày\b|^[Nn]gày\s+(?:\d{1,2}|\.+|…+)?\s*tháng\b|\bngày\b.{0,12}\btháng\b.{0,12}\bnăm\s+\d{4})"
)
_VV = re.compile(r"^(?:V/v|V/V|v/v|Về việc)\b")
_KINH_GUI = re.compile(r"^Kính gửi\s*:?")

# the signing modes of NĐ 30/2020 and the Party's (thay mặt, ký thay, thừa lệnh, thừa ủy
# quyền) as printed abbreviated; kg.extract.header reads the mode with the same alternation
SIGNING_MODES = r"T\.?M|T/M|K\.?T|K/T|T\.?L|T/L|TUQ|T\.UQ"
_SIG_MODE = re.compile(
    rf"^(?:{SIGNING_MODES}|Q|UQ|THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)"
    r"(?:\s*[.:/]\s*|\s+)[^\s.:/]"
)
# "TL." alone on its line: the web copy wrapped what it signs for onto the next line
_SIG_MODE_ALONE = re.compile(rf"^(?:{SIGNING_MODES})\s*[.:/]?$")
_TITLE_WORDS = re.compile(
    r"\b(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG|PHÓ|CHÁNH|THƯỜNG TRỰC|ỦY VIÊN|UỶ VIÊN|THỦ TƯỚNG|"
    r"BỘ TRƯỞNG|THỨ TRƯỞNG|TỔNG|CỤC|VIỆN|TƯ LỆNH|CHỈ HUY|HIỆU TRƯỞNG|KT\.|TM\.)"
)
_SIG_NOTE = re.compile(
    r"^[(\[]?\s*(?:đã ký|ký|đã ký và đóng dấu|ký tên(?:,| và)? đóng dấu|daky)\s*[)\]]?\.?$", re.I
)
# "H' Xuân Êban": names of the Central Highlands peoples keep an apostrophe
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\.?$|^[A-ZĐÀ-Ỹ]+'?$")
_RECIPIENTS = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\s*:?\s*")
_ANNOTATION = re.compile(
    r"^\(?\s*(?:để\s+)?(?:b/c|báo cáo|t/h|thực hiện|biết|phối hợp|p/h|chỉ đạo|theo dõi|đăng tải)\s*\)?[;,.]?$",
    re.I,
)
_CLOSING_FORMULA = re.compile(r"^Trên đây là\b")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b")

# ---------------------------------------------------------------- markers

_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_UPPER_START = r"[A-ZĐÀ-Ỹ\"“'‘(«]"
MARKERS: list[tuple[str, int, re.Pattern[str]]] = [
    # (kind, rank, pattern with groups m, t and optional sep)
    (
        "part",
        -1,
        re.compile(r"^(?P<m>PHỤ LỤC|Phụ lục)(?:\s+(?P<n>[IVX\d]+\b))?\s*[.:\-–]?\s*(?P<t>.*)$"),
    ),
    (
        "part",
        0,
        re.compile(
            rf"^(?P<m>(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:{_ROMAN}|\d+|THỨ \w+|thứ \w+))\b\s*[.:\-–]?\s*(?P<t>.*)$"
        ),
    ),
    (
        "part",
        0,
        re.compile(rf"^(?P<m>{_ROMAN})(?<!^)\s*(?P<sep>[.\-–:)])\s*(?P<t>{_UPPER_START}.*)$"),
    ),
    ("article", 1, re.compile(r"^(?P<m>Điều\s+\d+)\s*(?P<sep>[.:\-–])\s*(?P<t>.*)$")),
    (
        "item",
        2,
        re.compile(
            rf"^(?P<m>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})(?P<sep>\.?)\s+(?P<t>{_UPPER_START}.*)$"
        ),
    ),
    (
        "item",
        2,
        re.compile(
            rf"^(?P<m>\d{{1,2}})\s?(?P<sep>[.)]|\s?[-–])(?:\s*(?P<t>{_UPPER_START}.*)|\s+(?P<n>\d.*))$"
        ),
    ),
    # "(i)", "(ii)", "(iv)": sub-items of a lettered point in Government notices
    ("bullet", 4, re.compile(r"^\((?P<m>i{2,3}|iv|vi{0,3}|ix|x)\)\s*(?P<t>\S.*)$")),
    ("bullet", 4, re.compile(r"^\((?P<m>i)\)\s*(?P<t>\S.*)$")),
    ("point", 3, re.compile(r"^\(?(?P<m>[a-zđ])\s?(?P<sep>\))\s*(?P<t>\S.*)$")),
    ("point", 3, re.compile(rf"^(?P<m>[a-zđ])(?P<sep>[./])\s*(?P<t>{_UPPER_START}.*)$")),
    ("bullet", 4, re.compile(r"^(?P<m>[-–—+•*●▪◦○·➢►✓✔❖■□◆♦→⇒\ue000-\uf8ff])\s*(?P<t>\S.*)$")),
    ("bullet", 4, re.compile(rf"^(?P<m>o)\s+(?P<t>{_UPPER_START}.*)$")),
]
_NOT_ITEM_TITLE = re.compile(r"^[A-ZĐ]{1,8}[/\-]")  # "28-CT/TW" broken at the line start
_ALPHA_PART = re.compile(r"^(?P<m>[A-H])\s*(?P<sep>[.\-–)])\s*(?P<t>.+)$")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    blank_before: bool = False


@dataclass
class _Unit:
    kind: str
    marker: str
    rank: int
    style: tuple
    first: int  # line index
    last: int
    text_start: int  # clean offset where the node's own text begins
    cells: list[tuple[str, int, int]] = field(default_factory=list)
    grid: list[list[str]] | None = None  # table cells by column (fragments of wrapped cells)


@dataclass
class _Table:
    """Column layout of the table being read: (start, end) columns in the original
    lines when cells are aligned with spaces; None when separated by tabs/pipes."""

    cols: list[tuple[int, int]] | None


# a task table's column names, as keys (ontology/phrases.ttl)
_COLUMN_NAMES = frozenset(normalize_key(w) for w in lexicon.phrases("column-names"))
_ROW_NO = re.compile(r"^(?:\d{1,3}|[IVX]{1,5})\.?$")
# a row's number in a table copied one cell per line: also a sub-row's ("1.1", "I.2") and a
# group's letter ("A", "B": the parts a plan's annex table groups its rows in)
_CELL_ROW_NO = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVX]{1,5}(?:\.\d{1,3}){0,2}|[A-H])\.?$")


def match_marker(line: str) -> tuple[str, int, str, str, tuple] | None:
    """(kind, rank, marker, title text, style) if ``line`` opens a structural unit."""
    flat = line.replace("\t", " ")
    for kind, rank, pat in MARKERS:
        m = pat.match(flat)
        if not m:
            continue
        t = m.group("t")
        sep = m.groupdict().get("sep") or ""
        if t and t[0].isalpha() and t[0].islower() and kind != "bullet" and sep != ")":
            heading = rank == -1 and t.startswith("kèm theo") and t.rstrip()[-1] not in ".;,"
            if not heading:
                continue  # "5. đến năm 2025": a wrapped sentence, not an item
        if t is None:  # "1. 100% trẻ em ..." (a number after the marker needs a space)
            if sep not in (".", ")"):
                continue  # "2 - 3 năm" is a range, not an item
            t = m.group("n")
        marker = m.group("m")
        if kind == "part" and rank == -1:
            n = m.group("n")
            marker = f"{marker} {n}" if n else marker
            return kind, rank, marker, t, ("appendix",)
        if kind == "part" and marker.isupper() and not t and not marker.startswith(("PH", "CH")):
            continue
        if kind == "item" and _NOT_ITEM_TITLE.match(t):
            continue
        if kind == "bullet" and marker == "*" and t.startswith("*"):
            continue
        if (
            kind == "part"
            and rank == 0
            and not marker.upper().startswith(("PH", "CH"))
            and not (is_heading_caps(t.split(":")[0][:60]) or sep in ".-–")
        ):
            continue
        style: tuple = (kind, sep.strip() or "")
        if kind == "item":
            style = ("item", marker.count("."), sep.strip())
        elif kind == "bullet":
            roman = flat.startswith("(") and marker.isalpha()
            style = ("bullet", "(i)" if roman else {"–": "-", "—": "-"}.get(marker, marker))
        elif kind == "part" and marker.upper().startswith(("PH", "CH")):
            style = ("part", marker.split()[0].upper())
        return kind, rank, marker.strip(), t, style
    m = _ALPHA_PART.match(flat)
    if m and is_heading_caps(m.group("t")):
        return "part", 0, m.group("m"), m.group("t"), ("part", "alpha")
    return None


# ---------------------------------------------------------------- helpers


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    blank = False
    for raw in text.split("\n"):
        end = pos + len(raw)
        if raw.strip():
            out.append(_Line(pos, end, raw, blank))
            blank = False
        else:
            blank = True
        pos = end + 1
    return out


def _cells(line: _Line, merge_lower: bool = True) -> list[tuple[str, int, int]]:
    """Split a line on column gaps (tabs), re-merging gaps that are not columns:
    "Số\\t-KH/TU", "ngày\\ttháng\\tnăm 2024", or a lower-case continuation."""
    cells: list[tuple[str, int, int]] = []
    pos = line.start
    for part in line.text.split("\t"):
        s, e = pos, pos + len(part)
        pos = e + 1
        if not part.strip():
            continue
        if cells:
            prev, ps, _pe = cells[-1]
            last_word = prev.split()[-1].rstrip(":").lower() if prev.split() else ""
            if (
                last_word in {"số", "ngày", "tháng", "năm"}
                and re.match(r"[\d./…\-]|tháng|năm", part.strip())
                or part[0] in "-/"
                and re.match(r"^[-/][A-ZĐ]", part)
                or (merge_lower and part[0].islower() and not _ANNOTATION.match(part))
            ):
                cells[-1] = (prev + " " + part, ps, e)
                continue
        cells.append((part, s, e))
    return cells


_GLUED = re.compile(
    r"(?:CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
    r"|ĐẢNG CỘNG SẢN VIỆT NAM|(?<=\S )Số\s*:?\s*[\d/\-–]*[A-ZĐ]*[/\-–][A-ZĐ].*$"
)
_GLUED_DATE = re.compile(r"((?:\S+ ){0,4}[^\s,]+),\s*ngày\b")


def _place_date_cut(text: str) -> int | None:
    """Where a glued "Hải Dương, ngày ..." begins inside a header cell."""
    if _PLACE_DATE.match(text):
        return None
    m = _GLUED_DATE.search(text)
    if not m:
        return None
    start = m.start(1)
    words = m.group(1).split()
    # the place is Title case ("Hải Dương", "Thành phố Vinh"); capitals belong to the issuer
    while words and (is_heading_caps(words[0]) or words[0] in ("Số", "Số:")):
        start = text.index(words[0], start) + len(words[0])
        words.pop(0)
    if not words:
        return None
    start = text.index(words[0], start)
    return start if start > 0 else None


def _split_glued(cells: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Header columns glued with a single space by some extractors:
    "UBND TỈNH X CỘNG HÒA XÃ HỘI ...", "Số: 12/KH-UBND Hà Nội, ngày ..."."""
    out: list[tuple[str, int, int]] = []
    for text, s, _e in cells:
        cuts = {0, len(text)}
        for m in _GLUED.finditer(text):
            cuts.update((m.start(), m.end()))
        cut = _place_date_cut(text)
        if cut is not None:
            cuts.add(cut)
        bounds = sorted(cuts)
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = text[a:b]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append((piece.strip(), s + a + lead, s + a + lead + len(piece.strip())))
    return out


@cache
def _type_keys() -> tuple[str, ...]:
    """Type names as matching keys, longest first."""
    return tuple(normalize_key(n) for n in lexicon.type_labels())


def _type_prefix(text: str) -> int:
    """Length of a document type that starts ``text`` and is followed by more words."""
    key = normalize_key(text)
    for t in _type_keys():
        if key.startswith(t + " ") and len(key) > len(t) + 3:
            stripped = text.lstrip()
            lead = len(text) - len(stripped)
            if normalize_key(stripped[: len(t)]) == t:
                return lead + len(t)
    return 0


def _ends_sentence(s: str) -> bool:
    s = s.rstrip(' "”’»)*')
    return bool(s) and s[-1] in ".;:!?…"


class _Widths:
    """Lengths of the ORIGINAL physical lines, to tell a short (paragraph-final
    or heading) line from a full-width wrapped one."""

    def __init__(self, clean: CleanText) -> None:
        orig = clean.source.text
        self.clean = clean
        self.starts = [0]
        lengths = []
        for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", orig):
            if not m.group(0):
                break
            lengths.append(len(m.group(0).strip()))
            self.starts.append(m.end())
        self.lengths = lengths or [0]
        self.orig = orig
        long = sorted(n for n in lengths if n >= 25)
        self.width = long[int(len(long) * 0.8)] if long else 80

    def line_of(self, o: int) -> int:
        return min(bisect.bisect_right(self.starts, o) - 1, len(self.lengths) - 1)

    def col(self, clean_idx: int) -> int:
        """Column of a clean character in its original physical line."""
        o = self.clean.offsets[clean_idx]
        return o - self.starts[self.line_of(o)]

    def raw_line(self, clean_idx: int) -> str:
        o = self.clean.offsets[clean_idx]
        i = self.line_of(o)
        return self.orig[self.starts[i] : self.starts[i + 1] if i + 1 < len(self.starts) else None]

    def last_segment(self, clean_end: int) -> int:
        """Length of the original line holding the clean character before clean_end."""
        if clean_end <= 0:
            return 0
        return self.lengths[self.line_of(self.clean.offsets[clean_end - 1])]

    def short(self, clean_end: int) -> bool:
        return self.last_segment(clean_end) < 0.75 * self.width


def _first_sentence(text: str) -> str:
    text = re.sub(r"\s*\./\.\s*$", "", text)  # the end-of-text mark
    m = re.search(r"[.:!?](?=\s+[A-ZĐÀ-Ỹ\"“(]|\s*$)", text)
    t = text[: m.start() + 1] if m else text
    return t.rstrip(" :;.").strip()


# a marker alone on its line: "1.", "1.2.", "II.", "a)", "-", "+", "Điều", "Chương" (its
# number on the next line: "Chương" / "I", as web copies print a Quy chế's chapters)
_BARE_MARKER = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|[IVX]{1,5}\.|[a-zđ]\)|[-–+•]|(?P<article>Điều)"
    r"|(?P<chapter>Chương|CHƯƠNG|Phần|PHẦN))"
)


def bare_marker(
    lines: list[_Line], idx: int, hi: int, narrow_table: Callable[[int], object]
) -> tuple[str, str, int, tuple, int] | None:
    """A marker a web copy printed alone on line ``idx`` ("1.2." then "Sở Tài chính", "Điều"
    then "10. Trách nhiệm của ..."): (kind, marker, rank, style, clean offset of its text, on
    the next line), or None."""
    bare = _BARE_MARKER.fullmatch(lines[idx].text.strip()) if idx + 1 < hi else None
    if bare is None:
        return None
    nxt = lines[idx + 1]
    article = bool(bare.group("article"))
    chapter = bool(bare.group("chapter"))
    if chapter and not _ROW_NO.match(nxt.text.strip()):
        return None  # "Chương" / "trình ...": a word wrapped at the line's end
    if not (article or chapter) and (match_marker(nxt.text) or narrow_table(idx + 1)):
        return None
    if "\t" in nxt.text:
        return None
    mk = match_marker(f"{lines[idx].text.strip()} {nxt.text.replace(chr(9), ' ').lstrip()}")
    if mk is None or (mk[0] == "article") != article or (mk[0] == "part") != chapter:
        return None
    kind, rank, marker, title, style = mk
    return kind, marker, rank, style, nxt.start + (len(nxt.text) - len(title)) if title else nxt.end


def heading_goes_on(kind: str, own: str, nxt: _Line) -> bool:
    """Does the text of a unit opened on the line before go on on line ``nxt``: a marked line
    of one word ('+ Sở' / 'Xây dựng: ...'), a part's title in capitals ('V. TỔ CHỨC' /
    'THỰC HIỆN')?"""
    own = own.strip()
    if nxt.blank_before or not own:
        return False
    if kind == "part":
        return is_heading_caps(own) and is_heading_caps(nxt.text) and own[-1] not in ".:;)"
    return kind in ("bullet", "item", "point") and len(own.split()) == 1 and own[-1].isalpha()


def _column_name(key: str) -> bool:
    """Is a cell a column name: "Nội dung", "Nội dung/nhiệm vụ", "Sản phẩm dự kiến"?"""
    if key in _COLUMN_NAMES:
        return True
    parts = [p.strip() for p in re.split(r"[/,]", key) if p.strip()]
    if len(parts) > 1 and all(p in _COLUMN_NAMES for p in parts):
        return True
    return len(key.split()) <= 8 and any(
        " " in n and key.startswith(n) and not key[len(n)].isalnum()
        for n in _COLUMN_NAMES
        if len(key) > len(n)
    )


@cache
def _unit_columns() -> tuple[str, ...]:
    return tuple(normalize_key(w) for w in lexicon.phrases("table-unit-columns"))


@cache
def _unit_column_marks() -> tuple[str, ...]:
    return tuple(normalize_key(w) for w in lexicon.phrases("table-unit-column-marks"))


def _unit_column(key: str) -> bool:
    """Does a column name name the units that do a table's rows ("Đơn vị chủ trì", "Cơ quan
    thực hiện", "Trách nhiệm thực hiện"; ontology/phrases.ttl, phrases:table-unit-columns), or
    holds a word that marks one wherever it stands ("Đơn vị/cơ quan chủ trì";
    phrases:table-unit-column-marks)?"""
    return any(m in key for m in _unit_column_marks()) or any(
        key.startswith(n) and not key[len(n) : len(n) + 1].isalnum() for n in _unit_columns()
    )


def _other_column(raw: str, words: int = 6) -> bool:
    """Could a line be the name of a column the list of names lacks: a few words (at most
    ``words``) that begin with a capital, no row number, no sentence mark at its end?"""
    raw = raw.strip()
    return (
        bool(raw)
        and raw[0].isupper()
        and len(raw.split()) <= words
        and raw[-1] not in ".;:,"
        and not _CELL_ROW_NO.match(raw)
    )


_CODE = re.compile(r"^\(?([A-Z]|\d{1,2})\)?$")


def is_code_row(cells: list[str]) -> bool:
    """Is a row the column codes a statistical or reporting form prints under its header
    ("A / B / 1 / 2 / 3 / 4", "(1) / (2) / (3)"): at least three cells, each one letter or
    number, the letters from A and then the numbers from 1, each in column order?"""
    codes = [c.strip() for c in cells]
    if len(codes) < 3:
        return False
    letters = numbers = 0
    for c in codes:
        m = _CODE.match(c)
        if m is None:
            return False
        code = m.group(1)
        if code.isdigit():
            numbers += 1
            if int(code) != numbers:
                return False
        elif numbers or ord(code) - ord("A") != letters:
            return False
        else:
            letters += 1
    return True


def cell_per_line_table(lines: list[_Line], idx: int, hi: int) -> tuple[list[_Unit], int] | None:
    """Tables extracted one cell per line: a run of >= 3 column names (TT / Nội dung / Cơ
    quan chủ trì ...) then rows that each start with a bare row number. The run may hold up to
    three names the list lacks ("Kết quả đầu ra") when it names a column of units and two
    listed names; it starts with a listed one (a table's title before it is no column). Where the cells are
    paragraphs (a blank line between cells), a cell may wrap over lines ("Nội dung thực" /
    "hiện"; a task's text over three lines): the lines of one paragraph are one cell."""
    paras = idx + 1 < hi and lines[idx + 1].blank_before

    def cell_end(k: int, stop: int) -> int:
        while paras and k + 1 < stop and not lines[k + 1].blank_before:
            k += 1
        return k

    def text(a: int, b: int) -> str:
        return " ".join(lines[m].text.replace("\t", " ").strip() for m in range(a, b + 1))

    def scan(most: int, words: int = 6) -> tuple[list[tuple[int, int]], int, bool, int]:
        heads: list[tuple[int, int]] = []
        unknown = 0
        units = False
        j = idx
        while j < hi and "\t" not in lines[j].text:
            e = cell_end(j, hi)
            raw = text(j, e)
            key = normalize_key(raw).rstrip(" :.")
            if _column_name(key):
                units = units or _unit_column(key)
            elif heads and unknown < most and _other_column(raw, words):
                unknown += 1  # "Kết quả đầu ra", "Cấp ban hành": a column the list does not name
            else:
                break
            heads.append((j, e))
            j = e + 1
        return heads, unknown, units, j

    def code_row_after(heads: list[tuple[int, int]], j: int) -> bool:
        """Does the header run end in its column codes, one per column ("A / B / 1 / 2")?"""
        n = len(heads)
        codes = [text(m, m) for m in range(j, min(hi, j + n + 1))]
        return (
            len(codes) == n + 1
            and is_code_row(codes[:n])
            and not is_code_row(codes)
            and _CELL_ROW_NO.match(codes[n]) is not None
        )

    heads, unknown, units, j = scan(3)
    coded = j
    if len(heads) >= 3 and code_row_after(heads, j):
        coded = j + len(heads)
    elif len(heads) >= 3 and j < hi and _CELL_ROW_NO.match(lines[j].text.strip()):
        if unknown and not (units and len(heads) - unknown >= 2):
            return None
    else:
        # a statistical or reporting form names its columns in its own words ("Tên thông tin
        # thống kê", "Mức độ hoàn chỉnh của thông tin") and numbers them on the row under its
        # header: with that row, a run that names a column of units is a header
        heads, unknown, units, j = scan(len(lines), 12)
        if len(heads) < 3 or not units or not code_row_after(heads, j):
            return None
        coded = j + len(heads)
    rows = [
        _Unit(
            "table_row", "", 9, ("table",), idx, coded - 1, lines[idx].start,
            grid=[[text(a, b)] for a, b in heads],
        )
    ]  # fmt: skip
    j = coded
    while j < hi and _CELL_ROW_NO.match(lines[j].text.strip()):
        k = j + 1
        while k < hi:
            t = lines[k].text
            mk = match_marker(t)
            if _CELL_ROW_NO.match(t.strip()) or (mk and mk[1] <= 1) or _RECIPIENTS.match(t):
                break
            if paras and lines[k].blank_before and t.strip()[:1].islower():
                break  # a paragraph no cell opens: the table ended (a note, a web copy's cut)
            k += 1
        cells: list[list[str]] = []
        m = j
        while m < k:
            e = cell_end(m, k)
            cells.append([text(m, e)])
            m = e + 1
        marker = cells[0][0].rstrip(".")
        rows.append(_Unit("table_row", marker, 9, ("table",), j, k - 1, lines[j].start, grid=cells))
        j = k
    return rows, j
