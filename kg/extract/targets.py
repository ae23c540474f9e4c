"""Numeric targets (chỉ tiêu): indicator, value, year and the body that owns them.

Drafters write targets as "Tỷ lệ X đạt 99% vào năm 2025, phấn đấu 100% vào năm
2030", "Đảm bảo 100% trẻ em ...", "mỗi xã có ít nhất 01 điểm vui chơi". The
owner is the body whose section the sentence sits in.
"""

from __future__ import annotations

import re

from kg.extract.bodies import Context
from kg.extract.reporting import _owner, sentences_in
from kg.models import Assignment, Structure, Target
from kg.refdata import fold_same_length

_VALUE = re.compile(
    r"(?<![\w/.])(\d{1,3}(?:[.,]\d+)?\s*%)|((?:ít nhất|tối thiểu|trên|không dưới)\s+\d+(?:[.,]\d+)?(?!\s*/))",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"^(?:[^.;%]{0,30}?|[^.;%]{0,120}?(?:vào|đến|trong|tới)\s+)năm\s+(\d{4})", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(r"(?:đến|tới)\s+năm\s+(\d{4})\s*,?\s*[^.;%]{0,60}$", re.IGNORECASE)
_VERB_BEFORE = re.compile(
    r"\s*(?:phải\s+)?(?:đạt|đạt được|đạt trên|đạt ít nhất|là|có)\s*$", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"(?:^|[:;.]\s*|cụ thể\s*:\s*)([^:;.]*)$", re.IGNORECASE)
_ASPIRE = re.compile(r"(?:,\s*)?(?:phấn đấu|và)\s*$", re.IGNORECASE)
_PAST = re.compile(r"danh gia|tinh hinh|ket qua thuc hien|thuc trang|nhung ket qua")
_NOT_TARGET = re.compile(r"lãi suất|thuế|phí", re.IGNORECASE)


def extract_targets(
    structure: Structure, ctx: Context, assignments: list[Assignment]
) -> list[Target]:
    """Every numeric target stated in the body."""
    out: list[Target] = []
    seen: set[tuple] = set()
    for base, sent, titles in sentences_in(structure):
        if any(_PAST.search(fold_same_length(t)) for t in titles):
            continue  # figures describing the past, not targets
        last_indicator: str | None = None
        for m in _VALUE.finditer(sent):
            value = " ".join(m.group(0).split())
            before, after = sent[: m.start()], sent[m.end() :]
            if _NOT_TARGET.search(before[-20:]):
                continue
            y = _YEAR.match(after)
            if y and re.search(r"(?i)so với", after[: y.end()]):
                y = None  # "so với năm 2023" is the baseline, not the target year
            yb = _YEAR_BEFORE.search(before) if not y else None
            year = int(y.group(1)) if y else (int(yb.group(1)) if yb else None)
            head = _VERB_BEFORE.sub("", before)
            aspire = bool(_ASPIRE.search(head)) and last_indicator is not None
            if aspire:
                indicator = f"{last_indicator} (phấn đấu)"
            else:
                c = _CLAUSE_START.search(head)
                indicator = (c.group(1) if c else head).strip(" ,-–")
                if len(indicator) < 8 or re.match(r"(?i)^(?:đảm bảo|bảo đảm|phấn đấu)$", indicator):
                    tail = re.split(r"[;.]", after, maxsplit=1)[0]
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
                    owner=_owner(span, assignments),
                    span=span,
                )
            )
    return out
