"""Normalise decoded text and undo PDF-extraction noise, keeping an offset map.

``clean`` produces NFC text in which wrapped lines are re-joined, page numbers,
running headers and markdown markup are gone and column gaps are a single tab,
while ``CleanText.offsets`` maps every clean character back to the original.
Every step is a substitution on a ``_Buf`` (text + parallel offsets), so the
map stays monotonic by construction: replacement characters take the original
offset of the first character they replace.

``normalize_key`` and ``fold`` are the matching helpers every later stage uses:
show text as printed, compare on keys.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.models import CleanText, SourceText

# ---------------------------------------------------------------- offset-keeping buffer


class _Buf:
    """Text plus ``offs`` (original offset per char, one sentinel at the end)."""

    def __init__(self, text: str, offs: list[int]) -> None:
        self.text = text
        self.offs = offs

    def sub(
        self, pattern: re.Pattern[str] | str, repl: str | Callable[[re.Match[str]], str]
    ) -> None:
        """Like re.sub, but carry offsets: new chars take the offset of the match start."""
        pat = re.compile(pattern) if isinstance(pattern, str) else pattern
        text, offs = self.text, self.offs
        out: list[str] = []
        new_offs: list[int] = []
        pos = 0
        changed = False
        for m in pat.finditer(text):
            s, e = m.span()
            r = repl(m) if callable(repl) else m.expand(repl)
            if r == m.group(0):
                continue
            changed = True
            out.append(text[pos:s])
            new_offs.extend(offs[pos:s])
            out.append(r)
            new_offs.extend([offs[s]] * len(r))
            pos = e
        if not changed:
            return
        out.append(text[pos:])
        new_offs.extend(offs[pos:])  # includes the sentinel
        self.text = "".join(out)
        self.offs = new_offs


# ---------------------------------------------------------------- character level

_INVISIBLE = re.compile(
    "[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e"
    "\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufff9-\ufffb\ufffe\uffff]"
)
_LINEBREAK = re.compile("\r\n|[\r\f\v\x85\u2028\u2029]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def _char_class(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


_COMBINING = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c)))
_NFC_CHANGES = "".join(
    chr(c)
    for c in range(0xA0, 0x10000)
    if not 0xD800 <= c < 0xE000 and unicodedata.normalize("NFC", chr(c)) != chr(c)
)
# a cluster that NFC may change: a starter with combining marks, a singleton, an astral char
_NFC_CLUSTER = re.compile(
    f"[^{_char_class(_COMBINING)}]?[{_char_class(_COMBINING)}]+"
    f"|[{_char_class(_NFC_CHANGES)}]|[\U00010000-\U0010ffff][{_char_class(_COMBINING)}]*"
)


def _nfc(buf: _Buf) -> None:
    """NFC per cluster (a starter and its combining marks) so offsets stay exact."""
    if not unicodedata.is_normalized("NFC", buf.text):
        buf.sub(_NFC_CLUSTER, lambda m: unicodedata.normalize("NFC", m.group(0)))


# ---------------------------------------------------------------- line level

_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_MD_STRONG = re.compile(r"\*{2,}|(?<!\w)__|__(?!\w)")
# a single * that hugs text is emphasis; "* " at line start is a bullet
_MD_EM = re.compile(r"(?m)(?<=\S)\*|^([ \t]*)\*(?=[^\s*])|(?<=\s)\*(?=[^\s*])")
_MD_TABLE_RULE = re.compile(
    r"(?m)^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$"
)
_MD_PIPE_EDGE = re.compile(r"(?m)^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$")
_MD_PIPE_INNER = re.compile(r"[ \t]+\|[ \t]+|(?<=\S)\|(?=\S)(?![^\n]*://)")
_MD_QUOTE = re.compile(r"(?m)^[ \t]*>[ \t]?")
_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])")

_EDGE_SPACE = re.compile(r"(?m)^[ \t]+|[ \t]+$")
_GAP = re.compile(r"[ \t]*\t[ \t]*| {3,}")  # a column gap
_DOUBLE_SPACE = re.compile(r" {2}")
# separator rules under a header column ("-------", "---o0o---", "* * *", "___\t____")
_DECORATIVE = re.compile(
    r"(?m)^(?:\*|(?=[^\n]*[-–—_=~*•·]{3})[-–—_=~*•·.oO0\t ]+|[-_=~*]( [-_=~*]){2,})$"
)
_PAGE_NO = re.compile(
    r"(?m)^(?:[-–—]\s*\d{1,3}\s*[-–—]|(?:Trang|trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?)$\n*"
)
_LONE_NUMBER = re.compile(r"(?m)^(\d{1,3})$\n*")
_TABLE_HEAD = re.compile(
    r"(?m)^(?:S?TT|Số TT|STT)\.?(?:\t|$)|^Nội dung(?: công việc| nhiệm vụ)?(?:\t|$)"
)
_MARKER_START = re.compile(
    r"^(?:[-–—+•*●▪◦○·]|\d+(?:\.\d+)*\s*[.)\-–]|[IVXLC]+\s*[.\-–)]|[a-zđ]\)|Điều\s+\d|PHẦN|Phần)"
)

_SENT_END = ".;:!?…"
# "… theo quy định.- Phối hợp …": a bullet glued to the end of the previous one
# Cyrillic capitals that look like Latin ones, typed into a code by a web copy ("66/NQ-СР",
# "16495/BТС-PTHT", "cơ quan thuộc CР"): read as the Latin letters they show, where they touch
# a code's Latin letters, digits or separators
_CYRILLIC = "АВЕКМНОРСТХ"
_HOMOGLYPH = re.compile(rf"(?<=[A-Z0-9/\-–])[{_CYRILLIC}]+|[{_CYRILLIC}]+(?=[A-Z0-9/\-–])")
_LATIN = str.maketrans(_CYRILLIC, "ABEKMHOPCTX")
# a web copy's reference to a footnote, glued to the word or mark it annotates ("Bộ Nội
# vụ[6]", "Điều 8[7].", "Điều 2.[2] Quyết định ..."): not part of the text (the footnote itself,
# "[6] Cụm từ ... được thay thế ...", opens a line at the end and stays)
_FOOTNOTE_REF = re.compile(r"(?<=[^\s\[(])\[\d{1,3}\](?=[\s,.;:)”\"]|$)", re.M)
_GLUED_BULLET = re.compile(r"(?<=[^\W\d_)][.;])(?=[-–] ?[A-ZĐÀ-Ỹ])")
# "... Đào tạo- Chỉ đạo các trường ...": a duty bullet (it opens with a verb) glued to a heading
_GLUED_DUTY = re.compile(
    r"(?<=[^\W\d_])(?=[-–] (?:Chủ trì|Phối hợp|Chỉ đạo|Tham mưu|Thực hiện|Tổ chức|Hướng dẫn|"
    r"Triển khai|Xây dựng|Theo dõi|Kiểm tra|Tăng cường|Đẩy mạnh|Rà soát|Bố trí|Tuyên truyền|"
    r"Báo cáo|Lồng ghép|Phát huy|Nâng cao|Đôn đốc|Tổng hợp)\b)"
)


def _strip_markdown(buf: _Buf) -> None:
    buf.sub(_MD_TABLE_RULE, "")
    buf.sub(_MD_HEADING, "")
    buf.sub(_MD_QUOTE, "")
    buf.sub(_MD_ESCAPE, "")
    buf.sub(_MD_STRONG, "")
    buf.sub(_MD_EM, lambda m: m.group(1) or "")
    buf.sub(_MD_PIPE_EDGE, "")
    buf.sub(_MD_PIPE_INNER, "\t")


def _lines_beside(text: str, spans: list[tuple[int, int]]) -> Counter[str]:
    """Keys of the non-blank lines just before and just after each span."""
    out: Counter[str] = Counter()
    for s, e in spans:
        before = text[:s].rstrip("\n").rsplit("\n", 1)[-1]
        after = text[e:].lstrip("\n").split("\n", 1)[0]
        for line in {before, after}:
            if line and "\t" not in line and len(line) <= 80:
                out[normalize_key(line)] += 1
    return out


# a web page's listing field ("Hiệu lực: Đã biết"): recurring verbatim, it is page chrome even
# where no page number shows the text was paged
_LISTING_FIELD = re.compile(r"^[^\s:]+(?: [^\s:]+){0,2}: \S")
_OPENING_CLAUSE = re.compile(r"(?:căn cứ|thực hiện|triển khai|xét đề nghị|theo đề nghị)\b")


def _drop_running_lines(buf: _Buf) -> None:
    """Drop page numbers and running headers/footers (a short line seen >= 3 times in a paged
    text, or twice beside page numbers).

    A web copy has no pages: a short line recurring there is a table cell ("Sở Y tế" in each
    row it leads), a heading of each attached document ("ỦY BAN NHÂN DÂN", "QUYẾT ĐỊNH") or
    the national motto, all text; only its listing fields ("Hiệu lực: Đã biết") are chrome.

    A number alone on a line is a page number unless a neighbouring lone number
    (within 15 lines) continues the count: then it is a table's TT column.
    """
    page_nos = [m.span() for m in _PAGE_NO.finditer(buf.text)]
    beside_page_no = _lines_beside(buf.text, page_nos)
    buf.sub(_PAGE_NO, "")
    newlines = [m.start() for m in re.finditer("\n", buf.text)]

    def line_no(pos: int) -> int:
        return bisect.bisect_left(newlines, pos)

    lone = [
        (line_no(m.start()), int(m.group(1)), m.start()) for m in _LONE_NUMBER.finditer(buf.text)
    ]
    heads = [line_no(m.start()) for m in _TABLE_HEAD.finditer(buf.text)]
    by_line = {ln: v for ln, v, _s in lone}
    keep: set[int] = set()
    last: tuple[int, int] | None = None  # (line, value) of the last row number kept
    for ln, v, s in lone:
        near_head = any(0 < ln - h <= 60 for h in heads[bisect.bisect_left(heads, ln - 60) :][:61])
        counted = any(by_line.get(ln + d) in (v - 1, v + 1) for d in range(-15, 16) if d)
        # a long table whose cells are paragraphs puts its row numbers far apart: a number
        # that goes on from the last row kept (or starts a group again at 1) is a row too
        goes_on = last is not None and ln - last[0] <= 40 and (v in (last[1] + 1, 1) or counted)
        first_row = v == 1 and any(0 < ln - h <= 30 for h in heads)
        if near_head and counted or goes_on or first_row:
            keep.add(s)
            last = (ln, v)
    buf.sub(_LONE_NUMBER, lambda m: m.group(0) if m.start() in keep else "")
    rows = {ln for ln, _v, s in lone if s in keep}  # a table's row numbers count rows, not pages
    paged = bool(page_nos) or _page_count([(ln, v) for ln, v, _s in lone], rows)
    counts = Counter(
        normalize_key(line)
        for line in buf.text.split("\n")
        if line and len(line) <= 80 and "\t" not in line
    )
    repeated = {
        k
        for k, c in counts.items()
        if (
            c >= 2
            and beside_page_no[k] >= 2
            or c >= 3
            and (paged or _LISTING_FIELD.match(k) is not None)
        )
        and k
        and not _MARKER_START.match(k)
        and k[-1] not in _SENT_END + ",)"
        and sum(ch.isalpha() for ch in k) >= 3
        # one word alone is a web copy's wrapped fragment ("KIỂM TOÁN NHÀ" / "NƯỚC"), which
        # recurs in a text about the State; running headers have a title of several words
        and " " in k
        # a wrapped opening clause ("Căn cứ Thông tư số" / "10/2022/TT-..."), printed alike
        # for each document it cites, is text, not a running header
        and not _OPENING_CLAUSE.match(k)
        and not k.endswith(" số")
    }
    if repeated:
        buf.sub(
            re.compile(r"(?m)^([^\n]+)$\n*"),
            lambda m: (
                m.group(0)
                if "\t" in m.group(1) or normalize_key(m.group(1)) not in repeated
                else ""
            ),
        )


def _page_count(numbers: list[tuple[int, int]], rows: set[int]) -> bool:
    """Do the lone numbers (line, value) count pages: one value, then the next some lines on,
    from 2 (NĐ 30/2020 numbers pages from the second)? A table's TT column counts from 1, and
    the numbers on ``rows`` are a table's rows (its count goes on after rows lost in a copy)."""
    first = None  # the value the current run of consecutive numbers started at
    for (la, a), (lb, b) in zip(numbers, numbers[1:], strict=False):
        first = first if first is not None else a
        if b != a + 1:
            first = None
        elif lb - la >= 4 and first >= 2 and not {la, lb} & rows:
            return True
    return False


def _collapse_double_spacing(buf: _Buf) -> None:
    """Some extractions put a blank line after every line; then one blank line is
    no paragraph break, so treat it as a plain line break (runs of >= 2 stay one
    blank line)."""
    lines = buf.text.split("\n")
    nonblank = sum(1 for ln in lines if ln)
    singles = len(re.findall(r"[^\n]\n\n(?=[^\n])", buf.text))
    lengths = sorted(len(ln) for ln in lines if len(ln) >= 25)
    unwrapped = bool(lengths) and lengths[int(len(lengths) * 0.8)] > 150  # markdown-like paragraphs
    if nonblank >= 6 and singles > 0.4 * nonblank and not unwrapped:
        buf.sub(re.compile(r"\n\n+"), lambda m: "\n" if len(m.group(0)) == 2 else "\n\n")
    else:
        buf.sub(re.compile(r"\n{3,}"), "\n\n")


_POINT_START = re.compile(r"^\(?[a-zđ]\s?[).](\s|$)")
_ITEM_START = re.compile(r"^(?:\d+(?:\.\d+)*\s*[.)\-–](?:\s|$)|\d+(?:\.\d+)+\s)")
_SPLIT_TOKEN_END = re.compile(r"(?:^|[\s(])[\w.]*[\dA-ZĐ][\w.]*(?:/[\w.]+)*[-/]$")
_ALLCAPS_MIN = 2
# a web copy's page furniture before the document: a notice, then a table of the page's
# own metadata ("Số hiệu:", "Loại văn bản:", ... "Tình trạng:" and its value); the
# document's header follows it and states the same facts
_PAGE_CHROME = re.compile(
    r"\A[\s\S]{0,3000}?^Số hiệu:[ \t]*\n[\s\S]{0,2000}?^Tình trạng:[^\n]*\n+[^\n]*\n", re.M
)
_NUMBER_LABEL = re.compile(r"^\s*(?:Số|SỐ)(?:\s+(?:hiệu|HIỆU))?\s*:?\s*$")
# a table's TT cell on its own line, a sub-row's too ("1.1", "I.2")
_BARE_NO = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVX]{1,5}\.\d{1,3}(?:\.\d{1,3})?)\.?$")


def is_heading_caps(line: str) -> bool:
    """A line whose letters are all upper case (a heading, type line, signature title)."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= _ALLCAPS_MIN and all(ch.isupper() for ch in letters)


def _first_word_lower(s: str) -> bool:
    s = s.lstrip("(\"“'‘")
    return bool(s) and s[0].isalpha() and s[0].islower()


def _join_decision(prev: str, gap: str, nxt: str) -> str | None:
    """How to join two lines across a break ("" / " "), or None to keep it.

    Only confident cases are joined here; upper-case continuations are left to
    the structure stage, which knows about headings and line widths.
    """
    if gap.count("\n") > 2 or not prev or not nxt:
        return None
    if "\t" in prev or "\t" in nxt:
        return None  # columns / table rows: leave the layout alone
    if _SPLIT_TOKEN_END.search(prev) and (nxt[0].isupper() or nxt[0].isdigit()):
        return ""  # "28-\nCT/TW", "1309/QĐ-\nTTg", "2021-\n2030"
    if _NUMBER_LABEL.match(prev) and nxt[0].isdigit():
        return " "  # "Số:\n02124/QĐ-UBND": the header's number cell wraps after its label
    if is_heading_caps(prev):
        return None
    ends_sentence = prev[-1] in _SENT_END
    if _first_word_lower(nxt) and not _POINT_START.match(nxt):
        if ends_sentence and nxt[0] in "([":
            return None  # "- Lưu: VT.\n(đã ký)": a note of its own
        return " "
    if (
        nxt[0].isdigit()
        and not ends_sentence
        and not _ITEM_START.match(nxt)
        and not _BARE_NO.match(nxt)
    ):
        return " "  # "ngày\n25/12/2023", "dưới\n5 tuổi"
    if (
        nxt[0] in "-–"
        and len(nxt) > 2
        and nxt[1] == " "
        and _first_word_lower(nxt[2:])
        and prev[-1] not in _SENT_END + ","
        and len(prev) >= 50  # short unpunctuated lines are list items: "- trẻ em dưới 6 tuổi"
    ):
        return " "  # "các ban, ngành\n- đoàn thể" is a wrapped line, not a bullet
    return None


def _join_wrapped(buf: _Buf) -> None:
    text = buf.text

    def repl(m: re.Match[str]) -> str:
        s, e = m.span()
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        prev = text[ls:s]
        nxt = text[e : le if le >= 0 else len(text)]
        how = _join_decision(prev, m.group(0), nxt)
        return m.group(0) if how is None else how

    buf.sub(re.compile(r"\n+"), repl)


def clean(source: SourceText) -> CleanText:
    """Normalise ``source.text`` for parsing; see the module docstring."""
    original = source.text
    buf = _Buf(original, list(range(len(original) + 1)))
    buf.sub(_LINEBREAK, "\n")
    buf.sub(_INVISIBLE, "")
    buf.sub(_SPACES, " ")
    _nfc(buf)
    buf.sub(_FOOTNOTE_REF, "")
    buf.sub(_HOMOGLYPH, lambda m: m.group(0).translate(_LATIN))
    buf.sub(_PAGE_CHROME, "")
    _strip_markdown(buf)
    buf.sub(_EDGE_SPACE, "")
    buf.sub(_GAP, "\t")
    buf.sub(_DOUBLE_SPACE, " ")
    buf.sub(_DECORATIVE, "")
    _drop_running_lines(buf)
    _collapse_double_spacing(buf)
    _join_wrapped(buf)
    buf.sub(_GLUED_BULLET, "\n")
    buf.sub(_GLUED_DUTY, "\n")
    buf.sub(re.compile(r"^\n+"), "")
    return CleanText(source=source, text=buf.text, offsets=buf.offs)


def clean_text(text: str, name: str = "<text>") -> CleanText:
    """Convenience for tests and callers holding a plain string."""
    src = SourceText(path=Path(name), name=name, text=text, encoding="utf-8", sha256="")
    return clean(src)


# ---------------------------------------------------------------- matching keys

_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_WS = re.compile(r"\s+")
# old-style tone placement (hoá, hoè, uỷ) -> tone on the first vowel (hóa, hòe, ủy)
_TONE_SHIFT = {
    "o": dict(zip("áàảãạ", "óòỏõọ", strict=True)) | dict(zip("éèẻẽẹ", "óòỏõọ", strict=True)),
    "u": dict(zip("ýỳỷỹỵ", "úùủũụ", strict=True)),
}
_BARE = dict(zip("áàảãạéèẻẽẹýỳỷỹỵ", "aaaaaeeeeeyyyyy", strict=True))
_OLD_TONE = re.compile(r"(?<!q)(?P<v>[ou])(?P<t>[áàảãạéèẻẽẹýỳỷỹỵ])(?![^\W\d_])")


def _shift_tone_safe(m: re.Match[str]) -> str:
    v, t = m.group("v"), m.group("t")
    table = _TONE_SHIFT[v]
    if t not in table:
        return m.group(0)
    return table[t] + _BARE[t]


@functools.lru_cache(maxsize=1 << 17)
def normalize_key(s: str) -> str:
    """Matching key: NFC, lower case, one tone placement, plain hyphens, single spaces.
    (Cached, as ``fold``: kg.resolve asks for the same body and place names thousands of
    times a build.)"""
    s = unicodedata.normalize("NFC", s).lower()
    s = _DASHES.sub("-", s)
    s = _OLD_TONE.sub(_shift_tone_safe, s)
    return _WS.sub(" ", s).strip()


@functools.lru_cache(maxsize=1 << 17)
def fold(s: str) -> str:
    """Search key without any diacritics (đ -> d), lower case: "Ủy ban" -> "uy ban"."""
    s = normalize_key(s).replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    return _WS.sub(" ", "".join(ch for ch in s if not unicodedata.combining(ch))).strip()


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        return "-"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch.lower()[:1] or " "


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = _fold_char(chr(codepoint))
        return folded


_FOLD_TABLE = _FoldTable()


@functools.lru_cache(maxsize=256)
def fold_same_length(s: str) -> str:
    """Lower case without diacritics, one char per char, so offsets carry over.

    "Ủy ban – Thành uỷ" -> "uy ban - thanh uy". Dashes become "-". Extractors ask
    for the fold of the same whole text once per lookup, so recent results are
    kept: each text is folded once (a per-call fold made a build quadratic).
    """
    return s.translate(_FOLD_TABLE)


class PrintedWords:
    """Words matched as printed (case, tone placement and spacing aside), not by their fold:
    "cần" (must) is not "cân" or "cán", "lập" (draw up) is not "lặp". Only a passage typed
    without any diacritics, where the marks cannot tell the words apart, is matched folded."""

    def __init__(self, words: Iterable[str], lead: str = "") -> None:
        printed = {normalize_key(w) for w in words}
        self._printed = re.compile(lead + _alternation(printed) + r"(?![^\W\d_])")
        self._folded = re.compile(lead + _alternation({fold(w) for w in printed}) + r"(?![a-z])")

    def opens(self, passage: str) -> bool:
        """Does ``passage`` (leading blanks aside) open with one of the words?"""
        key = normalize_key(passage)
        bare = fold(key)
        return bool(self._folded.match(bare) if bare == key else self._printed.match(key))


def _alternation(words: set[str]) -> str:
    alt = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w))
    )
    return f"(?:{alt})"
