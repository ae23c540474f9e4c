"""References: every mention of another document, with its relation to this one.

Vietnamese administrative texts cite documents as "<type> số <number>, ngày
<date> của <issuer> về <title>" (NĐ 30/2020/NĐ-CP, Party rules on "Số -KH/TU").
The number is the anchor: it is found first, then the type is read just before
it and the date, issuer and title just after. Numbers are printed in many ways
(28-CT/TW, 28-CT-TW, 06/QĐ-TTG, 1309/QĐ-<line break>TTg), so a ``key`` folds
those variants while ``number`` keeps what was printed.

The relation comes from where the mention stands: clauses of the opening that
begin "Thực hiện" / "Triển khai" give ``implements``, "Căn cứ" ``based_on``,
"Xét đề nghị" ``proposal``; everything else ``cites``. A directive (Chỉ thị, Công
văn, Thông báo) may describe the situation first: its "Thực hiện <document> ...,
<issuer> yêu cầu:" sentence before the first numbered demand is still its opening. A document an
implemented document itself implements ("Thực hiện Kế hoạch 144-KH/TU ... về
thực hiện Chỉ thị 28-CT/TW") is implemented by this one too, and the chain is
kept in ``DocRef.implements``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg import lexicon
from kg.models import CleanText, DocRef, Relation, Structure
from kg.numbers import NUMBER_RE, number_key, type_from_number
from kg.text import normalize_key

# Every type name (and "văn bản", which a citation uses for any type), longest first;
# a line break may split its words ("Tờ\ntrình").
_TYPE_ALT = lexicon.type_alternation(cited=True)
TYPE_BEFORE_RE = re.compile(
    r"(?P<type>" + _TYPE_ALT + r")\s*(?:số\s*(?:hiệu\s*)?)?[:.]?\s*$", re.IGNORECASE
)
SHORT_RE = re.compile(
    r"(?P<type>"
    + _TYPE_ALT
    + r")\s+(?:số\s+)?(?P<num>\d{1,4})(?![\d/\-–]|[ \t]?[/\-–][ \t]?[A-ZĐ])",
    re.IGNORECASE,
)
_DATE_NUM = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
_DATE_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
DATE_AFTER_RE = re.compile(
    r"^\s*(?:[A-Za-zÀ-ỹĐđ]+\s+){0,2}?[,;]?\s*(?:được\s+)?(?:ban\s+hành\s+)?ngày\s*"
    r"(?:" + _DATE_NUM + r"|" + _DATE_WORDS + r")",
    re.IGNORECASE,
)
ISSUER_AFTER_RE = re.compile(r"^\s*,?\s*của\s+(?P<issuer>[^;(“\"”:]{2,160})", re.IGNORECASE)
_ISSUER_STOP = re.compile(
    r"\s(?:về|v/v|ban\s+hành|thực\s+hiện|triển\s+khai|phê\s+duyệt|quy\s+định|hướng\s+dẫn|"
    r"tại|đã|đến|trên|nhằm|với|theo|sau|thông\s+qua|kèm\s+theo|số|và\s+(?:"
    + _TYPE_ALT
    + r"))\b|[,.](?:\s|$)",
    re.IGNORECASE,
)

_TRIGGERS = [
    (re.compile(r"(?:thực\s+hiện|triển\s+khai|tiếp\s+tục\s+thực\s+hiện)\b", re.I), "implements"),
    (re.compile(r"căn\s+cứ\b", re.I), "based_on"),
    (re.compile(r"(?:xét|theo)\s+(?:đề\s+nghị|tờ\s+trình|đề\s+xuất)\b", re.I), "proposal"),
]
# Where the body starts: the first part/article heading ends the opening.
_BODY_START_RE = re.compile(
    r"^[\s#*_>|]*(?:(?:PHẦN|Phần)\s+(?:I|THỨ\s+NHẤT|MỘT)\b|(?:I|1)\s*[.\-–/)]\s*\S|Điều\s+1\b)",
    re.MULTILINE,
)
_CARRY_OUT_RE = re.compile(r"(?:thực\s+hiện|triển\s+khai)\s+$", re.IGNORECASE)
# Lower case on purpose: "... về thực hiện Chỉ thị" chains, a new "Thực hiện ..." clause does not.
_CHAIN_END_RE = re.compile(r"(?:thực\s+hiện|triển\s+khai)\s*$")


def _iso(d: str | None, m: str | None, y: str | None) -> str | None:
    if not y:
        return None
    try:
        di, mi = int(d or 0), int(m or 0)
    except ValueError:
        return y
    if 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{y}-{mi:02d}-{di:02d}"
    return y


def _clean_issuer(raw: str) -> str | None:
    flat = " ".join(raw.split())
    m = _ISSUER_STOP.search(flat)
    if m:
        flat = flat[: m.start()]
    flat = flat.strip(" ,.;:-–*_")
    return flat or None


@dataclass
class _Mention:
    start: int  # clean offsets
    end: int
    number: str | None
    key: str | None
    type: str | None
    date: str | None
    issuer: str | None
    title: str | None
    short: bool = False
    digits: str = ""


def _is_own_number(text: str, start: int) -> bool:
    """'Số: 64/KH-UBND' at the head of a line is the document's own number."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    return bool(re.fullmatch(r"[\s#*_|]*S[ốỐ]\s*(?:hiệu)?\s*:?\s*", prefix))


def _after(text: str, end: int) -> tuple[str | None, str | None, str | None]:
    """Date, issuer and title printed right after a number."""
    window = text[end : end + 500]
    date = None
    pos = 0
    m = DATE_AFTER_RE.match(window)
    if m:
        date = _iso(m["d"], m["m"], m["y"]) if m["y"] else _iso(m["d2"], m["m2"], m["y2"])
        pos = m.end()
    issuer = None
    title_from = pos
    mi = ISSUER_AFTER_RE.match(window[pos:])
    if mi:
        issuer = _clean_issuer(mi["issuer"])
        raw = window[pos + mi.start("issuer") :]
        stop = _ISSUER_STOP.search(raw)
        title_from = pos + mi.start("issuer") + (stop.start() if stop else len(raw))
    title = _title(text[end + title_from : end + title_from + 1000], issuer)
    return date, issuer, title


_TITLE_START_RE = re.compile(
    r"\s*,?\s*(?P<q1>[“\"]\s*)?(?:về\s+việc|về|v/v)\s+(?P<q2>[“\"]\s*)?", re.IGNORECASE
)
# Where a cited title ends (drafting conventions): the clause or sentence ends, a
# parenthesis opens ("(sau đây gọi tắt là ...)"), a new paragraph starts (the opening
# "Thực hiện", a numbered point), the next document of a list begins (", Quyết định số"),
# or the citing text goes on with its own purpose or demand (", để ...", ", đề nghị ...").
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_TITLE_END_RE = re.compile(
    r";|\(|:|\.(?:\s|$)"
    r"|\n[ \t]*(?:\n[ \t]*)*(?=(?:Thực\s+hiện|Triển\s+khai|Tiếp\s+tục|Căn\s+cứ|Xét|Theo|Nhằm"
    r"|Để|Kính\s+gửi|Nay|[IVX]+\s*[.)]|\d+\s*[.)]|[a-zđ]\)|[-–•+*])(?!\w))"
    r"|,\s*(?:và\s+)?(?=(?:" + _TYPE_ALT + r")\s+(?:số\s+)?\d)"
    r"|,\s*(?=(?:để|nhằm|đề\s+nghị|yêu\s+cầu|giao|chỉ\s+đạo)\s)"
    r"|,\s*(?=[^,;:.]{0,80}\s(?:yêu\s+cầu|chỉ\s+thị|đề\s+nghị)\s*:)"
    # ", Ban Thường vụ ... xây dựng Chương trình như sau": the citing body takes over
    r"|,\s*(?=(?-i:["
    + _UPPER
    + r"])[^;:.“”]{0,150}?\s(?:như\s+sau|yêu\s+cầu|chỉ\s+thị|đề\s+nghị)\b)",
    re.IGNORECASE,
)
_UNIT = r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)"
# The citing plan's own place, said after the cited title ("... trên địa bàn huyện X").
_LOCALITY_TAIL_RE = re.compile(
    r"\s+(?:(?:trên|tại)\s+địa\s+bàn(?:\s+" + _UNIT + r"(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*)?"
    r"|tại\s+(?:các\s+)?địa\s+phương)\s*$",
    re.IGNORECASE,
)
_CENTRAL_ISSUER_RE = re.compile(
    r"Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Trung\s+ương|Chính\s+phủ|Quốc\s+hội|^Bộ\s", re.IGNORECASE
)
_PROVINCE_ISSUER_RE = re.compile(r"tỉnh|thành\s+phố\s+trực\s+thuộc", re.IGNORECASE)
_BELOW_PROVINCE_RE = re.compile(r"(?:huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\b", re.I)


def _title(raw: str, issuer: str | None) -> str | None:
    """The cited title: the "về ..." (or quoted) phrase right after number, date and issuer.

    A trailing "trên địa bàn <unit> X" / "tại địa phương" is dropped when it cannot be
    the cited document's own: a central issuer's title, or a unit below a province's.
    """
    ms = _TITLE_START_RE.match(raw)
    if not ms:
        return None
    body = raw[ms.end() :]
    if ms["q1"] or ms["q2"]:
        close = re.search(r"[”\"]", body)
        if close:
            body = body[: close.start()]
    m = _TITLE_END_RE.search(body)
    if m:
        body = body[: m.start()]
    title = " ".join(body.split()).strip(' .,;”"“*')
    if title.count("“") > title.count("”"):
        title += "”"  # a quoted inner title closes where the outer one ends
    tail = _LOCALITY_TAIL_RE.search(title)
    if tail and _foreign_locality(tail.group(0), issuer):
        title = title[: tail.start()].rstrip(" ,")
    return title if len(title) >= 3 else None


def _foreign_locality(tail: str, issuer: str | None) -> bool:
    if re.search(r"địa\s+phương|địa\s+bàn\s*$", tail, re.IGNORECASE):
        return True  # "tại địa phương", a bare "trên địa bàn": always the citing side's
    if not issuer:
        return False
    if _CENTRAL_ISSUER_RE.search(issuer):
        return True
    return bool(_PROVINCE_ISSUER_RE.search(issuer) and _BELOW_PROVINCE_RE.search(tail))


# "theo Mẫu số 05-PA", "Biểu mẫu số 02/BC", "Phụ lục 03/TNDN": a form's number, no document's;
# "QCVN 06:2022/BXD", "TCVN 13592:2022": a standard's designation (its number, a colon, its
# year), no document number either
_FORM_BEFORE = re.compile(
    rf"(?:(?<![^\W\d_]){lexicon.phrase_alternation('form-words', printed=True)}(?:\s+số)?\s*:?\s*"
    r"|\d:)$",
    re.IGNORECASE,
)


def _full_mentions(text: str) -> list[_Mention]:
    out: list[_Mention] = []
    for m in NUMBER_RE.finditer(text):
        if _is_own_number(text, m.start()) or _FORM_BEFORE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        number = re.sub(r"\s+", "", m.group(0)).replace("–", "-")
        before = text[max(0, m.start() - 40) : m.start()]
        tb = TYPE_BEFORE_RE.search(before)
        start = m.start()
        doc_type = type_from_number(number)
        if tb:
            printed = lexicon.canonical_type(tb["type"])
            # "văn bản" is generic: the number's own code says more
            doc_type = doc_type if lexicon.generic_type(printed) and doc_type else printed
            start = m.start() - (len(before) - tb.start())
        date, issuer, title = _after(text, m.end())
        out.append(
            _Mention(start, m.end(), number, number_key(number), doc_type, date, issuer, title)
        )
    return out


def _short_mentions(text: str, full: list[_Mention]) -> list[_Mention]:
    """'Chỉ thị số 28', 'Nghị quyết 41': kept only when a full mention resolves them."""
    out: list[_Mention] = []
    taken = [(f.start, f.end) for f in full]
    for m in SHORT_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        doc_type = lexicon.canonical_type(m["type"])
        digits = m["num"]
        candidates = [
            f
            for f in full
            if f.type == doc_type and f.number and re.match(re.escape(digits) + r"[-/]", f.number)
        ]
        if not candidates:
            continue
        best = Counter(f.key for f in candidates).most_common(1)[0][0]
        ref = next(f for f in candidates if f.key == best)
        out.append(
            _Mention(
                m.start(), m.end(), ref.number, ref.key, doc_type, None, None, None, True, digits
            )
        )
    return out


_LAW_RE = re.compile(r"(?<![\w])(?P<type>Bộ luật|Luật)\s+(?=[A-ZĐÀ-Ỹa-zà-ỹđ])")
_WORD_RE = re.compile(r"[\wÀ-ỹ]+")
# the words that end a law's name, and those that make "luật" a common noun (phrases.ttl)
_LAW_STOP = frozenset(w.lower() for w in lexicon.phrases("law-name-stops"))
_NOT_A_LAW = frozenset(w.lower() for w in lexicon.phrases("not-a-law"))


def _law_mentions(text: str, full: list[_Mention]) -> list[_Mention]:
    """Laws cited by name ("Luật Trẻ em năm 2016"): numberless, keyed by their name.

    When the number follows the name ("Luật Trẻ em số 102/2016/QH13") the numbered
    mention takes the type and the name instead.
    """
    out: list[_Mention] = []
    for m in _LAW_RE.finditer(text):
        words: list[str] = []
        end = m.end()
        pos = m.end()
        while len(words) < 8:
            w = _WORD_RE.match(text, pos)
            if not w or w[0].lower() in _LAW_STOP or w[0].isdigit():
                break
            words.append(w[0])
            end = w.end()
            gap = re.match(r"[ \t]*\n?[ \t]*", text[end:])
            pos = end + (gap.end() if gap else 0)
            if pos == end:
                break
        if not words or words[0].lower() in _NOT_A_LAW:
            continue
        name = " ".join(words)
        after = text[end : end + 40]
        nxt = next((f for f in full if end <= f.start <= end + 12), None)
        if nxt is not None:
            nxt.type = nxt.type or lexicon.canonical_type(m["type"])
            nxt.title = nxt.title or name
            continue
        if any(f.start <= m.start() < f.end for f in full):
            continue
        year = re.match(r"\s*(?:năm\s+)?((?:19|20)\d{2})\b", after)
        date = _after(text, end)[0] or (year[1] if year else None)
        out.append(
            _Mention(
                m.start(),
                end,
                None,
                f"{m['type'].lower()} {normalize_key(name)}",
                lexicon.canonical_type(m["type"]),
                date,
                None,
                name,
            )
        )
    return out


def opening_end(clean: CleanText, structure: Structure | None = None) -> int:
    """Clean offset where the body starts (the opening and header lie before it)."""
    if structure is not None and structure.body:
        first = structure.body[0]
        if first.clean_end > first.clean_start:
            return first.clean_start
    m = _BODY_START_RE.search(clean.text)
    return m.start() if m else min(len(clean.text), 3000)


# A directive (Chỉ thị, Công văn, Thông báo) names its type alone on a line, or says "V/v".
_DIRECTIVE_HEAD_RE = re.compile(
    r"^[\s#*_]*(?:(?:CHỈ\s+THỊ|CÔNG\s+VĂN|THÔNG\s+BÁO|CÔNG\s+ĐIỆN)[\s*_]*$|V/v\b)",
    re.MULTILINE | re.IGNORECASE,
)
_FIRST_DEMAND_RE = re.compile(r"^[\s*_]*(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s*\S", re.MULTILINE)
_LEAD_IN_RE = re.compile(
    r"(?:^|(?<=[.:]\s)|(?<=\n))[ \t*_]*(?:Thực\s+hiện|Triển\s+khai|Tiếp\s+tục\s+thực\s+hiện)\b",
    re.MULTILINE,
)
_DEMANDS_RE = re.compile(r"(?:yêu\s+cầu|chỉ\s+thị|đề\s+nghị)\s*:\s*$", re.IGNORECASE)


def _directive_lead_ins(text: str, head_end: int) -> list[tuple[int, int, Relation | None]]:
    """'Thực hiện <document> ..., <issuer> yêu cầu:' after a directive's situation paragraph.

    A Chỉ thị or Công văn often first describes the situation, then names what it
    carries out in the sentence leading into its demands; that sentence is the
    opening's "Thực hiện" clause even though it is not the first paragraph.
    """
    demand = _FIRST_DEMAND_RE.search(text, head_end)
    limit = demand.start() if demand else min(len(text), head_end + 4000)
    directive = bool(_DIRECTIVE_HEAD_RE.search(text, 0, min(head_end + 1, len(text))))
    out: list[tuple[int, int, Relation | None]] = []
    for m in _LEAD_IN_RE.finditer(text, head_end, limit):
        stop = re.compile(r"\.(?=\s)|:\s*(?:\n|$)").search(text, m.end(), limit)
        end = stop.end() if stop else limit
        leads_in = bool(_DEMANDS_RE.search(text[m.end() : end].rstrip()))
        if leads_in or (directive and demand is not None):
            out.append((m.start(), end, "implements"))
    return out


def _clauses(text: str, end: int) -> list[tuple[int, int, Relation | None]]:
    """Cut the opening into clauses and give each the relation of its leading verb.

    A clause after ';' or a broken line continues the relation before it; a clause
    after a full stop or ':' with no trigger of its own carries none.
    """
    out: list[tuple[int, int, Relation | None]] = []
    current: Relation | None = None
    pos = 0
    boundary = re.compile(r";|\.(?=\s)|:\s*\n|\n")
    while pos < end:
        m = boundary.search(text, pos, end)
        stop = m.end() if m else end
        seg = text[pos:stop]
        lead = seg.lstrip(' \t\n*_#-–“"')
        relation: Relation | None = None
        for rx, rel in _TRIGGERS:
            if rx.match(lead):
                relation = rel  # type: ignore[assignment]
                break
        if relation is None:
            relation = current
        out.append((pos, stop, relation))
        sep = m.group(0) if m else ""
        current = relation if sep.startswith(";") or sep.startswith("\n") else None
        pos = stop
    return out


def extract_refs(structure: Structure) -> list[DocRef]:
    """Every document mention in the text, in reading order, with its relation."""
    clean = structure.clean
    text = clean.text
    full = _full_mentions(text)
    mentions = sorted(
        full + _short_mentions(text, full) + _law_mentions(text, full), key=lambda x: x.start
    )
    head_end = opening_end(clean, structure)
    clauses = _clauses(text, head_end)

    lead_ins = _directive_lead_ins(text, head_end)

    def relation_at(pos: int) -> Relation:
        if pos >= head_end:
            inside = any(s <= pos < e for s, e, _ in lead_ins)
            return "implements" if inside else "cites"
        for s, e, rel in clauses:
            if s <= pos < e:
                if rel is None and _CARRY_OUT_RE.search(text[max(s, pos - 40) : pos]):
                    # "Ban hành Kế hoạch thực hiện Chỉ thị số 28": what the issued plan carries out
                    return "implements"
                return rel or "cites"
        return "cites"

    # a consolidated text's statement of the acts it restates (kg.structure): cited, the
    # preamble after it is the consolidated act's grounds
    restated = [h.span for h in structure.header if h.role == "consolidates"]
    refs: list[DocRef] = []
    for mn in mentions:
        span = clean.to_original(mn.start, mn.end)
        stated = any(r.start <= span.start < r.end for r in restated)
        refs.append(
            DocRef(
                type=mn.type,
                number=mn.number,
                key=mn.key,
                date=mn.date,
                issuer=mn.issuer,
                relation="cites" if stated else relation_at(mn.start),
                span=span,
                short=mn.short,
                title=mn.title,
            )
        )
    _link_chains(text, mentions, refs, clauses + lead_ins)
    _titles_cite(text, mentions, refs, head_end)
    return refs


# What an act's title says it does to another act ("... về việc thực hiện Nghị quyết số 57",
# "sửa đổi, bổ sung một số điều của Nghị định số 78", "kèm theo Quyết định số 3154",
# "về tiếp tục áp dụng Quyết định số 89"): the act named after it is part of the title
# ("X về thực hiện Y" is a chain, not a title: Y is carried out too, see _link_chains)
_TITLE_GOVERNS = re.compile(
    r"(?:thi\s+hành|áp\s+dụng|của|kèm\s+theo|thay\s+thế|bãi\s+bỏ|sửa\s+đổi|bổ\s+sung"
    r"|hướng\s+dẫn)(?:\s+việc)?\s*$",
    re.IGNORECASE,
)
# "Luật ... số 64/2025/QH15 được sửa đổi, bổ sung Luật số 87/2025/QH15", "(được sửa đổi, bổ sung
# tại Luật sửa đổi, bổ sung một số điều của Luật Xây dựng số 62/2020/QH14)": the amending act
# is a basis too
_AMENDED_BY = re.compile(r"được\s+sửa\s+đổi", re.I)
_LAW_NAME_BEFORE = re.compile(r"\s(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\b[^,;.]{0,80}?\s+số\s*$")
_COORDINATED = re.compile(r"(?:,|\bvà)\s*$", re.IGNORECASE)
_SEGMENT_END = re.compile(r";|\.(?=\s)|:\s*\n")


def _titles_cite(text: str, mentions: list[_Mention], refs: list[DocRef], head_end: int) -> None:
    """An act named only inside the title of the act a clause of the opening carries out or
    is based on is cited, not carried out: "Căn cứ Nghị định số 187/2025/NĐ-CP ... sửa đổi,
    bổ sung một số điều của Nghị định số 78/2025/NĐ-CP ... và Nghị định số 79/2025/NĐ-CP ...;"
    names 78 and 79 in 187's title; "Quyết định số 1899 ... ban hành Kế hoạch triển khai thi
    hành Nghị định số 200 ...". An act listed beside the clause's first one ("Căn cứ Nghị quyết
    số 01 và Nghị quyết số 02", "Thực hiện Công văn số 1 về ..., Công văn số 2 về ...") is not
    in its title. An act also carried out in a clause of its own stays carried out."""
    in_title = False
    prev: _Mention | None = None
    by_type: dict[str | None, bool] = {}  # in the title or not, the clause's last act of a type
    for mn, ref in zip(mentions, refs, strict=True):
        if mn.start >= head_end or ref.relation not in ("implements", "based_on"):
            prev, in_title = None, False
            continue
        between = text[prev.end : mn.start] if prev is not None else ""
        if prev is None or _SEGMENT_END.search(between):
            prev, in_title = mn, False  # the first act of a clause
            by_type = {mn.type: False}
            continue
        between = _LAW_NAME_BEFORE.sub(" ", between)  # "của Luật Đất đai số 31/2024/QH15"
        governed = bool(_TITLE_GOVERNS.search(between)) and not _AMENDED_BY.search(between)
        # "... của Nghị định số 78 ... và Nghị định số 79": listed with the last act of its
        # type, inside the title or not ("Căn cứ Nghị định số 78 ... hướng dẫn thi hành Luật
        # Ban hành văn bản ... và Nghị định số 187": 187 is listed with 78, not with the law)
        listed = bool(_COORDINATED.search(between)) and by_type.get(mn.type, in_title)
        in_title = governed or listed
        by_type[mn.type] = in_title
        if in_title:
            ref.relation = "cites"
        prev = mn


def _link_chains(
    text: str,
    mentions: list[_Mention],
    refs: list[DocRef],
    clauses: list[tuple[int, int, Relation | None]],
) -> None:
    """X '... về (việc) thực hiện' Y inside one implements clause: X implements Y."""
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if refs[i].relation != "implements" or refs[i + 1].relation != "implements":
            continue
        if a.key == b.key or not b.key:
            continue
        between = text[a.end : b.start]
        if re.search(r"[.;:](?:\s|$)", between) or not _CHAIN_END_RE.search(between):
            continue
        if b.key not in refs[i].implements:
            refs[i].implements.append(b.key)


def implemented(refs: list[DocRef]) -> list[DocRef]:
    """One DocRef per implemented document (first full mention, gaps filled from others)."""
    by_key: dict[str, DocRef] = {}
    order: list[str] = []
    for r in refs:
        if r.relation != "implements" or not r.key or r.short:
            continue
        if r.key not in by_key:
            by_key[r.key] = DocRef(
                type=r.type,
                number=r.number,
                key=r.key,
                date=r.date,
                issuer=r.issuer,
                relation="implements",
                span=r.span,
                title=r.title,
                implements=list(r.implements),
            )
            order.append(r.key)
        else:
            known = by_key[r.key]
            for attr in ("type", "date", "issuer", "title"):
                if getattr(known, attr) is None and getattr(r, attr) is not None:
                    setattr(known, attr, getattr(r, attr))
            for k in r.implements:
                if k not in known.implements:
                    known.implements.append(k)
    return [by_key[k] for k in order]


def page_trailer_start(structure: Structure, own_number: str) -> int | None:
    """Where a web copy's own text begins after the closing (original offset), if it does.

    Copies of a legal-document website carry the page after the signature: the page title
    "<Type> <own number> năm <year> ..." at the head of a line, then dates and numbers of
    other documents, notices and contact lines. None of it is the document's. A page title
    without the year ("Quyết định 97/2025/QĐ-UBND sửa đổi ...") is known by the website's
    own lines under it (phrases:page-trailer-lines), and those lines alone mark the page
    when its title is lost.
    """
    if not structure.closing:
        return None
    clean = structure.clean
    after = min(h.span.start for h in structure.closing)  # original offsets, as spans are
    own = number_key(own_number) if own_number else None
    line = re.compile(
        r"^[ \t]*(?:" + _TYPE_ALT + r")\s+(?P<num>\S+)\s+năm\s+(?:19|20)\d\d\b",
        re.IGNORECASE | re.MULTILINE,
    )
    for m in line.finditer(clean.text):
        start = clean.to_original(m.start(), m.end()).start
        if start > after and own is not None and number_key(m.group("num")) == own:
            return start
    return _page_lines_start(clean, after)


def _page_lines_start(clean: CleanText, after: int) -> int | None:
    """The first website line after the closing, or the page title right above it."""
    title = re.compile(r"^[ \t]*(?:" + _TYPE_ALT + r")\s+\S*\d", re.IGNORECASE)
    prev: tuple[int, str] | None = None
    for m in re.finditer(r"^[^\n]*$", clean.text, re.MULTILINE):
        text = m.group(0).strip()
        if not text:
            continue
        start = clean.to_original(m.start(), m.end()).start
        if start > after and text.rstrip(",.") in _PAGE_LINES:
            if prev is not None and prev[0] > after and title.match(prev[1]):
                return prev[0]
            return start
        prev = (start, text)
    return None


_PAGE_LINES = frozenset(lexicon.phrases("page-trailer-lines"))
