"""Numeric targets (chỉ tiêu): indicator, value, year and the body that owns them.

Drafters write targets as "Tỷ lệ X đạt 99% vào năm 2025, phấn đấu 100% vào năm
2030", "Đảm bảo 100% trẻ em ...", "mỗi xã có ít nhất 01 điểm vui chơi". The
owner is the body whose section the sentence sits in.
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.extract.bodies import Context
from kg.extract.passages import ANY_YEAR, owner_of, plan_year, sentences_in
from kg.models import Assignment, DocumentFacts, Structure, Target
from kg.text import fold_same_length

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"  # "2.000" thousands, "8,5" decimal
# the words of ontology/phrases.ttl a target is measured and bounded in
_BOUNDS = lexicon.phrase_alternation("target-bounds", printed=True)  # "trên", "không quá"
_MINIMUMS = lexicon.phrase_alternation("target-minimums", printed=True)  # "ít nhất"
_POPULATIONS = lexicon.phrase_alternation("rate-populations", printed=True)  # "trẻ em"
_PERIODS = lexicon.phrase_alternation("rate-periods", printed=True)  # "năm", "tháng"
_DURATIONS = lexicon.phrase_alternation("duration-words", printed=True)  # "nhiệm kỳ"
# A commitment qualifier stays in the value ("ít nhất 2.000", "dưới 22%"); "trên"/"dưới" only
# before a percentage, because "trên 7.800 trẻ em", "dưới 5 tuổi" count or describe people.
# a rate per thousand people ("dưới 4/100.000 trẻ em"): the denominator is a round power of ten,
# so a date ("10/12") never matches; the counted population stays in the value
_RATE = (
    rf"(?:(?:{_BOUNDS}|{_MINIMUMS})\s+)?\d+(?:,\d+)?\s*/\s*"
    r"(?:1\.?000|10\.?000|100\.?000)(?!\d)"
    rf"(?:\s+{_POPULATIONS})?"
)
_RANGE = rf"(?:{_NUM})\s*[-–]\s*(?:{_NUM})\s*%"  # "8,3 - 8,5%": one target, a range
_VALUE = re.compile(
    rf"(?<![\w/.])(?:{_RATE}|{_RANGE}"
    rf"|{_BOUNDS}\s+(?:{_NUM})\s*%"
    rf"|{_MINIMUMS}\s+(?:{_NUM})(?:\s*%)?(?![\d\s]*/)"
    rf"|(?:{_NUM})\s*%)",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"^(?:[^.;%]{0,30}?|[^.;%]{0,120}?(?:vào|đến|trong|tới)\s+)năm\s+(\d{4})", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(r"(?:đến|tới)\s+năm\s+(\d{4})\s*,?\s*[^.;%]{0,60}$", re.IGNORECASE)
# "Năm 2026, cắt giảm 100% ...": a year heading the sentence is the year of its goals
# "Trong giai đoạn 2026 - 2030, ...": the period heading the sentence, its goals due by its end
_YEAR_LEAD = re.compile(
    r"(?i)^\s*(?:[-+•]\s*)?(?:trong\s+|đến\s+|tới\s+)?"
    r"(?:năm|giai\s+đoạn\s+\d{4}\s*[-–]\s*)\s*(\d{4})\s*,"
)
_VERB_BEFORE = re.compile(
    r"\s*(?:phải\s+)?(?:đạt|đạt được|đạt trên|đạt ít nhất|là|có)\s*$", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"(?:^|[:;.]\s*|cụ thể\s*:\s*)([^:;.]*)$", re.IGNORECASE)
_ASPIRE = re.compile(r"(?:,\s*)?(?:phấn đấu|và)\s*$", re.IGNORECASE)
# "giảm xuống dưới 22%", "xuống còn 8,5%": the movement is not part of the indicator
_DOWN_TO = re.compile(r"(?i)\s+(?:giảm\s+)?(?:xuống(?:\s+còn)?|còn)$")
# "tặng quà cho ít nhất 2.000 trẻ em ...": what is counted comes after the figure
_OBJECT_NEXT = re.compile(r"(?i)\s(?:cho|của|với|đối với|tại)$")
# "Phấn đấu đến năm 2025, có ít nhất 50% ...": the aspiration and its year introduce the
# target; they are not what is measured
_LEAD_IN = re.compile(
    r"(?i)^(?:(?:phấn đấu|đảm bảo|bảo đảm)(?:\s+|$))?(?:(?:đến|tới|vào|trong)\s+năm\s+\d{4}\s*,?\s*)?"
)
_TAIL_YEAR = re.compile(r"(?i)\s+(?:trong|vào|đến|tới)\s+năm\s+\d{4}\s*$")
_PAST = re.compile(r"danh gia|tinh hinh|ket qua thuc hien|thuc trang|nhung ket qua")
_NOT_TARGET = re.compile(r"lãi suất|thuế|(?<!miễn )phí", re.IGNORECASE)  # "miễn phí" is free
# a rate per period ("6,24%/năm", "0,52%/tháng") is a price or an interest rate, not a goal
_PER_PERIOD = re.compile(rf"\s*/\s*{_PERIODS}\b", re.IGNORECASE)
# "giảm từ 9,0% xuống 7,8%": the level moved from is not a target
_FROM = re.compile(r"(?i)\btừ\s*$")
_MOVED_TO = re.compile(r"(?i)^[^;:.]{0,40}?\b(?:xuống|lên|sang)\b")
# A figure is a goal only where the drafting says so: the clause aims at it ("phấn đấu",
# "đạt", "mục tiêu", "chỉ tiêu", "bảo đảm cắt giảm tối thiểu 30%"), a heading above is the
# plan's objectives ("Mục tiêu cụ thể", "Chỉ tiêu"), or the sentence gives the year to reach
# it ("đến năm 2030"); raising a level is aiming at it ("nâng tỷ lệ ... tối thiểu 80%", "đưa
# tỷ lệ ... lên 80%"). Otherwise a percentage is a rate, a fee, a share or a standard that
# the text lays down ("Mức bồi thường bằng 50%", "là 7% trên tổng kinh phí", "tối đa 10%").
_GOAL_WORDS = re.compile(
    rf"(?i)(?<!\w)(?:{lexicon.phrase_alternation('goal-words', printed=True)}"
    r"|(?:bảo đảm|đảm bảo)\s+(?:cắt\s+)?(?:giảm|tăng|tỷ lệ|tỉ lệ))(?!\w)"
)
_RAISED_TO = re.compile(r"(?i)(?<!\w)lên(?:\s+mức)?\s*$")
# "Đảm bảo 100% trẻ em ...", ", đảm bảo mỗi xã có ít nhất 01 điểm ...": a clause that opens
# on ensuring and counts what it ensures; not "đảm bảo 100%, tiếp nhận" (nothing counted) nor
# "giờ giảng dạy phải đảm bảo tối thiểu 50% định mức" (a requirement inside a rule)
_ENSURE = re.compile(r"(?i)(?:^\s*|[,;:.]\s*)(?:bảo đảm|đảm bảo)\s+[^;:.]{0,100}$")
_COUNTED = re.compile(r"^\s*[^\W\d_]")
# a heading that is the objectives ("II. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2030",
# "Các chỉ tiêu chủ yếu"), not an article on a fund's "Mục tiêu, chức năng hoạt động"
_GOAL_HEADING = re.compile(
    r"^\W*(?:[ivxlc\d]+\W+)*(?:(?:cac|nhung)\s+)?(?:muc tieu|chi tieu)"
    r"(?:\s*$|\s*[:.(]|\s+(?:cu the|chung|chu yeu|tong quat|den|nam|giai doan|va|,))"
)
# "Hiện nay ... khoảng 61%", "đã đạt 95%": a level reached is not a goal
_REACHED = re.compile(
    rf"(?i)(?<!\w){lexicon.phrase_alternation('reached-words', printed=True)}(?!\w)"
)
# "ít nhất 01 nhiệm kỳ (60 tháng)", "ít nhất 02 năm": a minimum duration is a condition
_DURATION = re.compile(rf"(?i)^\s*{_DURATIONS}\b")


def _heading_year(titles: tuple[str, ...]) -> int | None:
    """A year in the nearest heading above ("II. CHỈ TIÊU NĂM 2024", "Mục tiêu đến năm 2030")."""
    for t in reversed(titles):
        m = ANY_YEAR.search(t)
        if m:
            return int(m.group(1))
    return None


def extract_targets(
    structure: Structure,
    ctx: Context,
    assignments: list[Assignment],
    facts: DocumentFacts | None = None,
) -> list[Target]:
    """Every numeric target stated in the body.

    The year is the one the sentence names, else the one its heading names, else the year of
    an annual plan (its subject's "năm 2024"): drafters state it once for a whole list.
    """
    out: list[Target] = []
    seen: set[tuple] = set()
    default_year = plan_year(facts)
    for base, sent, titles in sentences_in(structure):
        if any(_PAST.search(fold_same_length(t)) for t in titles):
            continue  # figures describing the past, not targets
        section_year = _heading_year(titles) or default_year
        last_indicator: str | None = None
        sentence_year: int | None = None
        for m in _VALUE.finditer(sent):
            value = " ".join(m.group(0).split())
            before, after = sent[: m.start()], sent[m.end() :]
            if _NOT_TARGET.search(before[-20:]) or not _is_goal(m, before, after):
                continue
            y = _YEAR.match(after)
            if y and re.search(r"(?i)so với", after[: y.end()]):
                y = None  # "so với năm 2023" is the baseline, not the target year
            yb = (_YEAR_BEFORE.search(before) or _YEAR_LEAD.match(before)) if not y else None
            stated = int(y.group(1)) if y else (int(yb.group(1)) if yb else None)
            # a second goal of the sentence shares the year the first one states
            if not _aimed_at(before, after, titles, stated or sentence_year):
                continue
            year = stated or sentence_year or section_year
            sentence_year = stated or sentence_year
            head = _VERB_BEFORE.sub("", before)
            aspire = bool(_ASPIRE.search(head)) and last_indicator is not None
            if aspire:
                indicator = f"{last_indicator} (phấn đấu)"
            else:
                c = _CLAUSE_START.search(head)
                indicator = (c.group(1) if c else head).strip(" ,-–")
                indicator = _DOWN_TO.sub("", indicator)
                indicator = indicator[_LEAD_IN.match(indicator).end() :]  # type: ignore[union-attr]
                if len(indicator) < 8 or _OBJECT_NEXT.search(indicator):
                    tail = re.split(r"[;.](?!\d)", after, maxsplit=1)[0]
                    tail = _TAIL_YEAR.sub("", tail)
                    indicator = (indicator + " " + tail).strip(" ,")
                    indicator = re.sub(r"(?i)^(?:đảm bảo|bảo đảm|phấn đấu)\s+", "", indicator)
                else:
                    last_indicator = indicator
            indicator = " ".join(indicator.split())
            if not indicator:
                continue
            start = base + m.start()
            span = structure.clean.to_original(start, base + m.end())
            key = (value, year, indicator)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Target(
                    text=indicator[:1].upper() + indicator[1:],
                    value=value,
                    year=year,
                    owner=_owner_name(span, assignments),
                    span=span,
                )
            )
    return out


def _is_goal(m: re.Match[str], before: str, after: str) -> bool:
    """Not a rate per period, a level moved from, a minimum duration, or a count that only
    qualifies a percentage target of the same clause ("100% khu ... có tối thiểu 1 trạm")."""
    if _PER_PERIOD.match(after) or (_FROM.search(before) and _MOVED_TO.match(after)):
        return False
    if _DURATION.match(after) and not m.group(0).rstrip().endswith("%"):
        return False
    if not m.group(0).rstrip().endswith("%"):
        clause = re.split(r"[;:.](?!\d)", before)[-1]
        if _VALUE.search(clause) and "%" in clause:
            return False
    return True


def _aimed_at(before: str, after: str, titles: tuple[str, ...], stated: int | None) -> bool:
    """The drafting marks the figure as a goal (see _GOAL_WORDS)."""
    if _REACHED.search(re.split(r"[;:.](?!\d)", before)[-1]):
        return False
    if stated is not None or _GOAL_WORDS.search(before) or _RAISED_TO.search(before):
        return True
    if _ENSURE.search(before) and _COUNTED.match(after):
        return True
    return any(_GOAL_HEADING.search(fold_same_length(t)) for t in titles)


def _owner_name(span, assignments: list[Assignment]) -> str | None:
    owner = owner_of(span, assignments)
    return owner.body.name if owner else None
