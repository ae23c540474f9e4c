"""Cut a cleaned document into header, opening, body tree and closing.

Vietnamese administrative documents follow a fixed drafting pattern (NĐ
30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for Party bodies):

- header: issuer block and national motto (often side by side, flattened into
  one line with a wide gap), "Số: ...", place and date, the document type in
  capitals, the subject (trích yếu);
- opening: "Thực hiện ... / Căn cứ ... / Xét đề nghị ..." paragraphs and the
  "... ban hành Kế hoạch ... như sau:" sentence;
- body: parts (I., II-, PHẦN I), articles (Điều 1.), items (1., 2-, 4.1.),
  points (a), b)), bullets (-, +, •), paragraphs and appendix table rows;
- closing: "Nơi nhận:" list and the signature block (TM./KT./T/M, title, name),
  sometimes followed by an appendix or an attached plan.

Layout is recovered from the clean text's lines; every Node and HeaderLine
keeps its span in original offsets. Run ``python -m kg.structure FILE`` to see
the tree.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg import lexicon
from kg.models import CleanText, HeaderLine, Node, Span, Structure
from kg.text import is_heading_caps, normalize_key

# ---------------------------------------------------------------- vocabulary

_MOTTOS = {
    "cộng hòa xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc",
    "đảng cộng sản việt nam",
    "đoàn tncs hồ chí minh",
    "đoàn thanh niên cộng sản hồ chí minh",
}
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

_SIG_MODE = re.compile(
    r"^(?:T\.?M|T/M|K\.?T|K/T|T\.?L|T/L|TUQ|T\.UQ|Q|UQ|THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)"
    r"\s*[.:/]?\s+\S"
)
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


_COLUMN_NAMES = {
    "tt", "stt", "số tt", "nội dung", "nội dung công việc", "nội dung nhiệm vụ", "nhiệm vụ",
    "nhiệm vụ cụ thể", "tên nhiệm vụ", "hoạt động", "cơ quan chủ trì", "đơn vị chủ trì", "chủ trì",
    "cơ quan chủ trì thực hiện", "đơn vị thực hiện", "cơ quan thực hiện", "cơ quan phối hợp",
    "đơn vị phối hợp", "phối hợp", "cơ quan phối hợp thực hiện", "đơn vị phối hợp thực hiện",
    "thời gian", "thời gian thực hiện", "thời gian hoàn thành", "thời hạn", "thời hạn hoàn thành",
    "tiến độ", "sản phẩm", "sản phẩm đầu ra", "kết quả", "ghi chú", "kinh phí", "nguồn kinh phí",
    "lộ trình", "chỉ tiêu", "mục tiêu",
}  # fmt: skip
_ROW_NO = re.compile(r"^(?:\d{1,3}|[IVX]{1,5})\.?$")


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
            style = ("bullet", {"–": "-", "—": "-"}.get(marker, marker))
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


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, clean: CleanText) -> None:
        self.clean = clean
        self.text = clean.text
        self.lines = _lines(clean.text)
        self.widths = _Widths(clean)
        self.header: list[HeaderLine] = []
        self.closing: list[HeaderLine] = []

    def span(self, s: int, e: int) -> Span:
        return self.clean.to_original(s, e)

    def hl(self, role: str, text: str, s: int, e: int) -> HeaderLine:
        return HeaderLine(role=role, text=text.strip(), span=self.span(s, e))

    # ------------------------------------------------------------ header

    def _doc_type_index(self) -> int | None:
        for i, ln in enumerate(self.lines[:60]):
            for text, _s, _e in _cells(ln):
                t = text.strip().rstrip(".")
                if is_heading_caps(t) and lexicon.is_type_line(t):
                    return i
        # "KẾ HOẠCH TRIỂN KHAI THÁNG HÀNH ĐỘNG ...": type and subject on one line
        for i, ln in enumerate(self.lines[:30]):
            t = ln.text.replace("\t", " ").strip()
            if is_heading_caps(t) and _type_prefix(t) and not match_marker(t):
                return i
        return None

    def _classify_header_cell(self, text: str) -> str | None:
        key = normalize_key(text)
        if key.strip(" -") in _MOTTOS or key.replace("–", "-") in _MOTTOS:
            return "motto"
        if _NUMBER.match(text):
            return "number"
        if _PLACE_DATE.search(text):
            return "place_date"
        if _VV.match(text):
            return "subject"
        if _KINH_GUI.match(text):
            return "addressee"
        if is_heading_caps(text) or text.strip() == "*":
            return "issuer"
        return None

    def parse_header(self) -> int:
        """Header lines; returns the index of the first line after the header."""
        lines = self.lines
        t = self._doc_type_index()
        limit = t if t is not None else min(len(lines), 15)
        i = 0
        last_role = None
        subject_open = False  # "V/v ..." wraps onto the next line(s) of its column
        while i < limit:
            ln = lines[i]
            cells = _split_glued(_cells(ln))
            roles = []
            for k, (text, _s, _e) in enumerate(cells):
                role = self._classify_header_cell(text)
                if role is None and k == 0 and subject_open and text[:1].islower():
                    role = "subject"
                elif role is None and last_role in ("subject", "addressee") and text[:1].islower():
                    role = last_role
                elif role is None and last_role == "addressee" and text.startswith(("-", "+", "•")):
                    role = "addressee"
                roles.append(role)
                last_role = role or last_role
            subject_open = "subject" in roles
            flat = ln.text.replace("\t", " ")
            if t is None and (
                roles[0] is None
                or roles[0] != "addressee"
                and match_marker(flat)
                or _OPENING.match(flat)
                or _RECIPIENTS.match(flat)
                or _SIG_MODE.match(flat)
            ):
                break
            for (text, s, e), role in zip(cells, roles, strict=True):
                if role is None:
                    role = "other"
                if role == "issuer" and text.strip() == "*":
                    continue
                if role == "addressee":
                    text = _KINH_GUI.sub("", text).strip(" -+;,.")
                    if not text:
                        last_role = role
                        continue
                self.header.append(self.hl(role, text, s, e))
                last_role = role
            i += 1
        if t is None:
            return i
        # the type line itself
        n_subject = 0
        for text, s, e in _split_glued(_cells(lines[t])):
            role = self._classify_header_cell(text)
            t_key = normalize_key(text.strip().rstrip("."))
            is_type = lexicon.is_type_line(t_key)
            cut = _type_prefix(text) if not is_type and is_heading_caps(text) else 0
            if cut:
                self.header.append(self.hl("doc_type", text[:cut], s, s + cut))
                rest = len(text) - len(text[cut:].lstrip())
                self.header.append(self.hl("subject", text[rest:], s + rest, e))
                n_subject = 1
                continue
            self.header.append(self.hl("doc_type" if is_type else (role or "other"), text, s, e))
        i = t + 1
        while i < len(lines):
            ln = lines[i]
            text = ln.text.replace("\t", " ").strip()
            if n_subject and (
                ln.blank_before or len(self.header) and _ends_sentence(self.header[-1].text)
            ):
                break
            if match_marker(text) and not text.startswith(("(", "-")) or _RECIPIENTS.match(text):
                break
            if n_subject and (_OPENING.match(text) or _SUBJECT_END.match(text)):
                break
            if n_subject >= 8:
                break
            if is_heading_caps(text) and n_subject:
                prev = self.header[-1].text
                if not (
                    is_heading_caps(prev) and not ln.blank_before and not _AUTHORITY.match(text)
                ):
                    break  # a subject printed in capitals may wrap; an authority line ends it
            role = "subject"
            if not n_subject and is_heading_caps(text) and text.startswith("CỦA "):
                # "CHỈ THỊ / CỦA BAN BÍ THƯ / về ...": who speaks, not what about
                self.header.append(self.hl("authority", text, ln.start, ln.end))
                i += 1
                continue
            if text.startswith("(") and n_subject:
                role = "subject_note"  # "(Ban hành kèm theo Quyết định số ...)"
            self.header.append(self.hl(role, text, ln.start, ln.end))
            n_subject += 1
            i += 1
        # an authority line in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), a note in brackets
        while i < len(lines):
            text = lines[i].text.replace("\t", " ").strip()
            if is_heading_caps(text) and not match_marker(text) and not _ENACTING.match(text):
                self.header.append(self.hl("authority", text, lines[i].start, lines[i].end))
                i += 1
            elif text.startswith("(") and text.endswith(")"):
                self.header.append(self.hl("subject_note", text, lines[i].start, lines[i].end))
                i += 1
            else:
                break
        return i

    # ------------------------------------------------------------ units

    def _unit_for_line(self, idx: int) -> _Unit:
        ln = self.lines[idx]
        text = ln.text
        mk = match_marker(text)
        flat = text.replace("\t", " ")
        if mk:
            kind, rank, marker, title, style = mk
            text_start = ln.start + (len(flat) - len(title)) if title else ln.end
            unit = _Unit(kind, marker, rank, style, idx, idx, text_start)
            # a marker line whose text is still in columns is a table row ("1.\tNội dung\t...")
            if kind in ("item", "point"):
                cells = _cells(ln, merge_lower=False)
                if "\t" not in text[text_start - ln.start :]:
                    cells = self._narrow_table(idx) or []
                if len(cells) >= 3:
                    unit = _Unit("table_row", marker, 9, ("table",), idx, idx, ln.start, cells)
            return unit
        cells = _cells(ln)
        if len(cells) < 2 and "\t" not in text:
            cells = self._narrow_table(idx) or cells
        if len(cells) >= 2:
            marker = (
                cells[0][0].strip().rstrip(".") if cells[0][0].strip().rstrip(".").isdigit() else ""
            )
            return _Unit("table_row", marker, 9, ("table",), idx, idx, ln.start, cells)
        return _Unit("paragraph", "", 9, ("paragraph",), idx, idx, ln.start)

    def _continues(self, unit: _Unit, idx: int) -> bool:
        """Does line ``idx`` (no marker of its own) continue ``unit``?"""
        if unit.kind == "table_row":
            return False
        prev = self.lines[idx - 1]
        ln = self.lines[idx]
        if "\t" in ln.text and len(_cells(ln)) >= 2 or self._narrow_table(idx):
            return False
        prev_text = prev.text.rstrip()
        if is_heading_caps(prev_text) or is_heading_caps(ln.text):
            return False
        short = self.widths.short(prev.end)
        if _ends_sentence(prev_text) and (_BASIS.match(ln.text) or _CLOSING_FORMULA.match(ln.text)):
            return False  # one "Căn cứ ...;" per legal basis; "Trên đây là ..." stands alone
        colon_head = prev_text.endswith(":") and not _INLINE_LIST.search(prev_text)
        if _ends_sentence(prev_text) and (short or ln.blank_before or colon_head):
            return False
        if (
            unit.kind != "paragraph"
            and short
            and not prev_text.endswith(",")
            and not re.search(r"[.;:!?](?:\s|$)", self.text[unit.text_start : prev.end])
        ):
            return False  # a heading (maybe wrapped): "1. Phòng Tư pháp" then its paragraph
        return not (ln.blank_before and short and unit.first == idx - 1)

    def _wrapped_dash(self, unit: _Unit, idx: int) -> bool:
        """A dash line right after a full-width line that stops mid-sentence
        continues that line (the dash is "Lao động - Thương binh")."""
        ln, prev = self.lines[idx], self.lines[idx - 1]
        prev_text = prev.text.rstrip()
        offs, w = self.clean.offsets, self.widths
        return (
            unit.kind != "table_row"
            and w.line_of(offs[prev.end - 1]) != w.line_of(offs[ln.start])  # not split by clean
            and ln.text[:1] in "-–"
            and not ln.blank_before
            and "\t" not in prev.text
            and not _ends_sentence(prev_text)
            and not prev_text.endswith(",")
            and not is_heading_caps(prev_text)
            and self.widths.last_segment(prev.end) >= 0.88 * self.widths.width
        )

    def units(self, lo: int, hi: int) -> list[_Unit]:
        out: list[_Unit] = []
        table: _Table | None = None
        idx = lo
        while idx < hi:
            per_line = self._cell_per_line_table(idx, hi)
            if per_line:
                rows, idx = per_line
                out.extend(rows)
                table = None
                continue
            text = self.lines[idx].text
            mk = match_marker(text)
            if (
                table is not None
                and out
                and out[-1].kind == "table_row"
                and not (mk and mk[0] in ("part", "article"))
                and self._table_line(table, out, idx)
            ):
                idx += 1
                continue
            if mk and mk[0] == "bullet" and out and self._wrapped_dash(out[-1], idx):
                mk = None  # "Sở Lao động\n- Thương binh và Xã hội": a wrap, not a bullet
            if out and not mk and self._continues(out[-1], idx):
                out[-1].last = idx
                idx += 1
                continue
            u = self._unit_for_line(idx)
            table = self._new_table(u) if u.kind == "table_row" else None
            out.append(u)
            idx += 1
            if u.rank == -1:
                idx = self._absorb_title(u, idx, hi)
        return out

    def _absorb_title(self, u: _Unit, idx: int, hi: int) -> int:
        """An appendix heading's title and "(Kèm theo ...)" note lines join the heading."""
        while idx < hi and idx <= u.first + 3:
            t = self.lines[idx].text.replace("\t", " ").strip()
            if "\t" in self.lines[idx].text or match_marker(t) or normalize_key(t) in _COLUMN_NAMES:
                break
            if not (is_heading_caps(t) or (t.startswith("(") and t.endswith(")"))):
                break
            u.last = idx
            idx += 1
        return idx

    # ------------------------------------------------------------ tables

    def _aligned(self, idx: int) -> bool:
        raw = self.widths.raw_line(self.lines[idx].start)
        return "\t" not in raw and "|" not in raw

    def _intervals(self, cells: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
        return [(self.widths.col(s), self.widths.col(max(s, e - 1)) + 1) for _t, s, e in cells]

    def _new_table(self, u: _Unit) -> _Table:
        if self._aligned(u.first):
            u.cells = self._table_cells(u.first)
            u.grid = [[c[0].strip()] for c in u.cells]
            return _Table(self._intervals(u.cells))
        u.grid = [[c[0].strip()] for c in u.cells]
        return _Table(None)

    def _place(self, table: _Table, cells: list[tuple[str, int, int]]) -> list[list[str]]:
        """Put each cell in the table column it overlaps most."""
        assert table.cols is not None
        grid: list[list[str]] = [[] for _ in table.cols]
        starts = [c[0] for c in table.cols] + [10**9]
        for (text, _s, _e), (a, b) in zip(cells, self._intervals(cells), strict=True):
            best = max(
                range(len(table.cols)),
                key=lambda k: (min(b, starts[k + 1]) - max(a, starts[k]), -abs(a - starts[k])),
            )
            grid[best].append(text.strip())
        return grid

    def _wide_gap(self, i: int) -> bool:
        """Clean space ``i`` stands for two or more spaces on the same original line."""
        if self.text[i] != " ":
            return False
        a, b = self.clean.offsets[i], self.clean.offsets[i + 1]
        return b - a >= 2 and not self.clean.source.text[a:b].strip(" \t\u00a0")

    def _table_cells(self, idx: int) -> list[tuple[str, int, int]]:
        """Cells of an aligned table line: tab gaps, and also two-space gaps in the
        original (tight columns), which the clean text shows as one space."""
        ln = self.lines[idx]
        out: list[tuple[str, int, int]] = []
        for _text, s, e in _cells(ln, merge_lower=False):
            start = s
            for i in range(s, e):
                if self._wide_gap(i):
                    out.append((self.text[start:i], start, i))
                    start = i + 1
            out.append((self.text[start:e], start, e))
        return [c for c in out if c[0].strip()]

    def _narrow_table(self, idx: int) -> list[tuple[str, int, int]] | None:
        """Cells of a table row whose columns are only two spaces apart. Justified
        prose also has double spaces, but between single words; table cells are
        mostly several words long."""
        cells = self._narrow_cells(idx)
        if cells is None:
            return None
        starts = {self.widths.col(s) for _t, s, _e in cells[1:]}
        for j in (idx - 1, idx + 1):
            other = self._narrow_cells(j) if 0 <= j < len(self.lines) else None
            if other is None:
                continue
            near = {self.widths.col(s) for _t, s, _e in other[1:]}
            if sum(1 for a in starts if any(abs(a - b) <= 2 for b in near)) >= 2:
                return cells  # columns line up with the row above or below
        return None

    def _narrow_cells(self, idx: int) -> list[tuple[str, int, int]] | None:
        ln = self.lines[idx]
        if self.widths.line_of(self.clean.offsets[ln.start]) != (
            self.widths.line_of(self.clean.offsets[ln.end - 1])
        ):
            return None  # a re-joined paragraph is prose
        cells = self._table_cells(idx)
        if len(cells) < 3:
            return None
        segs = [c[0].strip() for c in cells]
        body = segs[1:] if _ROW_NO.match(segs[0]) else segs
        multi = sum(1 for x in body if len(x.split()) >= 2)
        return cells if len(body) >= 2 and multi * 2 >= len(body) else None

    def _table_line(self, table: _Table, out: list[_Unit], idx: int) -> bool:
        """Read line ``idx`` as a new row or as the continuation of wrapped cells of
        the last row; False when the table has ended."""
        ln = self.lines[idx]
        if table.cols is None or not self._aligned(idx):
            return False
        cells = self._table_cells(idx)
        last = out[-1]
        if len(cells) > len(table.cols):
            return False  # a wider row: start a new table layout
        grid = self._place(table, cells)
        if len(cells) == len(table.cols) and grid[0] and any(len(g) != 1 for g in grid):
            grid = [[c[0].strip()] for c in cells]  # a full row, columns not lined up
        col0 = grid[0]
        if (
            len(cells) == 1
            and self.widths.col(ln.start) <= table.cols[0][0] + 1
            and not (_ROW_NO.match(cells[0][0].strip()) or cells[0][0][:1].islower())
        ):
            return False  # back at the left margin: text after the table
        if col0 and (_ROW_NO.match(col0[0]) or len(cells) >= max(2, (len(table.cols) + 1) // 2)):
            marker = col0[0].rstrip(".") if _ROW_NO.match(col0[0]) else ""
            out.append(_Unit("table_row", marker, 9, ("table",), idx, idx, ln.start, cells, grid))
            return True
        assert last.grid is not None
        for k, frags in enumerate(grid):
            if k < len(last.grid):
                last.grid[k].extend(frags)
        last.last = idx
        return True

    def _cell_per_line_table(self, idx: int, hi: int) -> tuple[list[_Unit], int] | None:
        """Tables extracted one cell per line: a run of >= 3 column names
        (TT / Nội dung / Cơ quan chủ trì ...) then rows that each start with a
        bare row number."""
        j = idx
        while j < hi and "\t" not in self.lines[j].text:
            key = normalize_key(self.lines[j].text).rstrip(" :.")
            if key not in _COLUMN_NAMES:
                break
            j += 1
        n = j - idx
        if n < 3 or j >= hi or not _ROW_NO.match(self.lines[j].text.strip()):
            return None
        head = self.lines[idx]
        rows = [
            _Unit(
                "table_row", "", 9, ("table",), idx, j - 1, head.start,
                grid=[[self.lines[k].text.strip()] for k in range(idx, j)],
            )
        ]  # fmt: skip
        while j < hi and _ROW_NO.match(self.lines[j].text.strip()):
            k = j + 1
            while k < hi:
                t = self.lines[k].text
                mk = match_marker(t)
                if _ROW_NO.match(t.strip()) or (mk and mk[1] <= 1) or _RECIPIENTS.match(t):
                    break
                k += 1
            cells = [[self.lines[m].text.replace("\t", " ").strip()] for m in range(j, k)]
            marker = cells[0][0].rstrip(".")
            rows.append(
                _Unit("table_row", marker, 9, ("table",), j, k - 1, self.lines[j].start, grid=cells)
            )
            j = k
        return rows, j

    def node(self, u: _Unit) -> Node:
        start = self.lines[u.first].start
        end = self.lines[u.last].end
        if u.kind == "table_row":
            if u.grid is not None:
                cells = [" ".join(frags).strip() for frags in u.grid]
            else:
                cells = [c[0].strip() for c in u.cells]
            numbered = bool(u.marker and cells and cells[0].rstrip(".") == u.marker)
            body = cells[1:] if numbered else cells
            text = " | ".join(cells)
            title = body[0] if body else text
        else:
            text = self.text[u.text_start : end].replace("\n", " ").replace("\t", " ")
            title = _first_sentence(text)
        return Node(
            kind=u.kind,  # type: ignore[arg-type]
            marker=u.marker,
            title=title,
            text=text,
            span=self.span(start, end),
            clean_start=start,
            clean_end=end,
            text_start=u.text_start,
        )

    # ------------------------------------------------------------ closing

    def _closing_follows(self, idx: int) -> bool:
        """Do the next few lines look like a signature block or a recipients list?"""
        for ln in self.lines[idx : idx + 4]:
            if match_marker(ln.text) and not _RECIPIENTS.match(ln.text):
                return False  # the body goes on
            for text, _s, _e in _cells(ln, merge_lower=False):
                t = text.strip()
                if _RECIPIENTS.match(t) or _SIG_NOTE.match(t):
                    return True
                if is_heading_caps(t) and (_SIG_MODE.match(t) or _TITLE_WORDS.search(t)):
                    return True
        return False

    def _closing_start(self, lo: int) -> int:
        for idx in range(lo, len(self.lines)):
            cells = _cells(self.lines[idx], merge_lower=False)
            first = cells[0][0].strip() if cells else ""
            if _RECIPIENTS.match(first):
                return idx
            if any(_SIG_MODE.match(c[0].strip()) and is_heading_caps(c[0]) for c in cells):
                return idx
            if self.lines[idx].text.rstrip().endswith("./.") and self._closing_follows(idx + 1):
                return idx + 1
        # no "Nơi nhận", no TM./KT.: a bare "CHỦ TỊCH" + name at the very end
        n = len(self.lines)
        for idx in range(max(lo, n - 10), n):
            t = self.lines[idx].text.replace("\t", " ").strip()
            if (
                is_heading_caps(t)
                and _TITLE_WORDS.search(t)
                and not match_marker(t)
                and any(
                    self._name_like(self.lines[j].text.strip())
                    for j in range(idx + 1, min(n, idx + 5))
                )
            ):
                return idx
        return n

    def parse_closing(self, lo: int) -> int:
        """Closing block from line ``lo``; returns the index where an appendix or an
        attached document starts (or len(lines)).

        The recipients list and the signature block are often side by side
        (two columns flattened into one line), so each cell is classified on its
        own; a signature cell in the right-hand column does not end the list.
        """
        in_recipients = seen_heading = seen_mode = False
        title: HeaderLine | None = None
        signer: HeaderLine | None = None
        recipients: list[HeaderLine] = []
        idx = lo
        while idx < len(self.lines):
            ln = self.lines[idx]
            flat = ln.text.replace("\t", " ").strip()
            signed = title is not None or signer is not None
            if (_APPENDIX.match(flat) and (signed or seen_heading)) or (
                signed and is_heading_caps(flat) and lexicon.is_type_line(flat.rstrip("."))
            ):
                return idx
            for text, s, e in self._closing_cells(ln):
                text = text.strip()
                left = s == ln.start
                m = _RECIPIENTS.match(text)
                if m:
                    in_recipients = seen_heading = True
                    head = text[: m.end()].strip()
                    self.closing.append(self.hl("recipients_heading", head, s, s + m.end()))
                    rest = text[m.end() :].strip()
                    if rest:
                        recipients.append(self._recipient(rest, s + m.end(), e))
                    continue
                bullet = text[:1] in "-+•"
                if bullet and in_recipients:
                    recipients.append(self._recipient(text, s, e))
                    continue
                if _SIG_NOTE.match(text):
                    self.closing.append(self.hl("signature_note", text, s, e))
                    continue
                if in_recipients and recipients and (_ANNOTATION.match(text) or text[:1].islower()):
                    self._annotate(recipients[-1], text, e)
                    continue
                if signer is not None:
                    self.closing.append(self.hl("other", text, s, e))
                    continue
                caps = is_heading_caps(text)
                if caps and _SIG_MODE.match(text):
                    self.closing.append(self.hl("signature_mode", text, s, e))
                    seen_mode = True
                    in_recipients = in_recipients and not left
                    continue
                name_like = self._name_like(text) and not (caps and _TITLE_WORDS.search(text))
                if name_like and (title is not None or seen_mode):
                    signer = self.hl("signer", text, s, e)
                    self.closing.append(signer)
                    in_recipients = in_recipients and not left
                    continue
                if caps and not bullet:
                    if title is not None and self.closing[-1] is title:
                        title.text = f"{title.text} {text}"  # a title printed on two lines
                        title.span = Span(title.span.start, self.span(s, e).end)
                        continue
                    title = self.hl("signer_title", text, s, e)
                    self.closing.append(title)
                    in_recipients = in_recipients and not left
                    continue
                if in_recipients:
                    recipients.append(self._recipient(text, s, e))
                    continue
                self.closing.append(self.hl("other", text, s, e))
            idx += 1
        return idx

    def _closing_cells(self, ln: _Line) -> list[tuple[str, int, int]]:
        """Cells of a closing line; a two-space gap also separates the signature
        column when what follows is a signature line ("Nơi nhận:  KT. CHỦ TỊCH")."""
        out: list[tuple[str, int, int]] = []
        for _text, s, e in _cells(ln, merge_lower=False):
            start = s
            for i in range(s, e):
                if self._wide_gap(i):
                    right = self.text[i + 1 : e].strip()
                    if (
                        is_heading_caps(right)
                        and (_SIG_MODE.match(right) or _TITLE_WORDS.search(right))
                        or _SIG_NOTE.match(right)
                    ):
                        out.append((self.text[start:i], start, i))
                        start = i + 1
                        break
            out.append((self.text[start:e], start, e))
        return [c for c in out if c[0].strip()]

    @staticmethod
    def _name_like(text: str) -> bool:
        words = text.replace("\u00a0", " ").split()
        return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)

    def _recipient(self, text: str, s: int, e: int) -> HeaderLine:
        lead = len(text) - len(text.lstrip("-+• "))
        body = _tidy_recipient(text[lead:])
        h = self.hl("recipient", body, s + lead, e)
        self.closing.append(h)
        return h

    def _annotate(self, h: HeaderLine, note: str, e: int) -> None:
        note = note.strip().rstrip(";,.")
        if not note.startswith("("):
            note = f"({note})"
        h.text = _tidy_recipient(f"{h.text} {note}")
        h.span = Span(h.span.start, max(h.span.end, self.span(e - 1, e).end))

    # ------------------------------------------------------------ whole document

    def parse(self) -> Structure:
        lines = self.lines
        body_lo = self.parse_header()
        close = self._closing_start(body_lo)
        units = self.units(body_lo, close)
        opening: list[Node] = []
        k = 0
        while k < len(units):
            u = units[k]
            first = lines[u.first].text.strip()
            if u.kind == "bullet" and _OPENING.match(self.node(u).text):
                opening.append(self.node(u))  # "- Căn cứ Luật ...;" listed as bullets
                k += 1
                continue
            if u.kind != "paragraph":
                break
            if _ENACTING.match(first):
                self.header.append(
                    self.hl("enacting", first, lines[u.first].start, lines[u.last].end)
                )
                k += 1
                continue
            if is_heading_caps(first):
                self.header.append(
                    self.hl("authority", first, lines[u.first].start, lines[u.last].end)
                )
                k += 1
                continue
            node = self.node(u)
            if _OPENING.match(first) or _OPENING_TAIL.search(node.text):
                opening.append(node)
                k += 1
                continue
            break
        after = self.parse_closing(close) if close < len(lines) else len(lines)
        body_units = units[k:]
        while after < len(lines):  # appendices / attached documents, each maybe signed again
            more, end = self._appendix_units(after)
            body_units += more
            after = self.parse_closing(end) if end < len(lines) else len(lines)
            if after <= end:
                break
        body = self._nest(body_units)
        return Structure(
            clean=self.clean, header=self.header, opening=opening, body=body, closing=self.closing
        )

    def _appendix_units(self, lo: int) -> tuple[list[_Unit], int]:
        """An appendix or a plan attached after the signature becomes a top-level part."""
        ln = self.lines[lo]
        flat = ln.text.replace("\t", " ").strip()
        mk = match_marker(flat)
        if mk and mk[0] == "part" and mk[1] == -1:
            head = self._unit_for_line(lo)
        else:
            head = _Unit("part", flat, -1, ("appendix",), lo, lo, ln.end)
        # subject lines of the attached document / appendix title go into the heading
        j = lo + 1
        while j < len(self.lines) and j < lo + 6:
            t = self.lines[j].text.replace("\t", " ").strip()
            if match_marker(t) or _OPENING.match(t) or "\t" in self.lines[j].text:
                break
            if j > lo + 1 and self.lines[j].blank_before and not t.startswith("("):
                break
            head.last = j
            j += 1
        end = self._closing_start(j)
        return [head, *self.units(j, end)], end

    def _nest(self, units: list[_Unit]) -> list[Node]:
        roots: list[Node] = []
        stack: list[tuple[_Unit, Node]] = []
        for u in units:
            node = self.node(u)
            if u.kind in ("paragraph", "table_row"):
                if u.kind == "paragraph" and (
                    _CLOSING_FORMULA.match(node.text) or node.text.rstrip().endswith("./.")
                ):
                    stack.clear()  # "Trên đây là ...", or the paragraph that ends the text
                (stack[-1][1].children if stack else roots).append(node)
                continue
            same = [
                i for i, (su, _n) in enumerate(stack) if su.rank == u.rank and su.style == u.style
            ]
            if same:
                del stack[same[-1] :]
            else:
                while stack and stack[-1][0].rank > u.rank:
                    stack.pop()
            (stack[-1][1].children if stack else roots).append(node)
            stack.append((u, node))
        return roots


def _tidy_recipient(text: str) -> str:
    """Recipients as printed, minus list punctuation: "X; (b/c)" -> "X (b/c)"."""
    text = re.sub(r"\s+", " ", text.replace("\t", " ")).strip()
    text = re.sub(r"[;,.]\s*(\([^()]*\))$", r" \1", text)
    return text.rstrip(" ;,.")


def parse(clean: CleanText) -> Structure:
    """Cut ``clean`` into header, opening, body tree and closing (see module doc)."""
    return _Parser(clean).parse()


# ---------------------------------------------------------------- debugging aid


def format_tree(st: Structure) -> str:
    """A readable dump: header and closing roles, opening and the body tree."""
    out: list[str] = []
    for h in st.header:
        out.append(f"[header] {h.role:<15} {h.text[:90]}")
    for n in st.opening:
        out.append(f"[opening] {n.text[:100]}")

    def walk(n: Node, depth: int) -> None:
        out.append(f"{'  ' * depth}{n.kind:<9} {n.marker:<6} {n.title[:70]}")
        for c in n.children:
            walk(c, depth + 1)

    for n in st.body:
        walk(n, 0)
    for h in st.closing:
        out.append(f"[closing] {h.role:<18} {h.text[:90]}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from kg.errors import SourceError
    from kg.readers import read_source
    from kg.text import clean

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m kg.structure FILE...", file=sys.stderr)
        return 2
    status = 0
    for a in args:
        try:
            st = parse(clean(read_source(Path(a), a)))
        except SourceError as e:
            print(f"dkg: {e}", file=sys.stderr)
            status = 1
            continue
        print(f"=== {a}")
        print(format_tree(st))
    return status


if __name__ == "__main__":
    sys.exit(main())
