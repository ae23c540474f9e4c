"""A silver check of records on real documents that have no gold annotation.

Reads what each header prints (the number after "Số", the first "ngày D tháng M năm Y",
the type line; "Kính gửi" with no type line makes a Công văn) with deliberately simple
patterns that share nothing with the extractor, and compares the record's fields. It also
counts issuer and signer coverage and the texts that hand out work ("chủ trì" printed) but
got no assignment. A port of ../shared/tools/real_check.py, so the figures are the same;
the rough patterns are its point: an independent second reading, not a better extractor.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PRINTED_TYPES = (
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "KẾT LUẬN",
    "NGHỊ QUYẾT",
    "THÔNG TƯ",
    "NGHỊ ĐỊNH",
    "LUẬT",
    "BÁO CÁO",
    "QUY ĐỊNH",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
    "QUY CHẾ",
    "TỜ TRÌNH",
)

_NUMBER = re.compile(r"Số\s*:?\s*\n?\s*(\d+[^\s,;]*(?:\s*/\s*[^\s,;]+)*)")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def _nfc(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "")


def _number_key(s: str | None) -> str:
    s = _nfc(s).upper().replace("Đ", "D").replace(" ", "")
    s = re.sub(r"[–—‐-]", "-", s)
    return re.sub(r"^0+", "", s)


@dataclass(frozen=True)
class Printed:
    """What a header prints, read naively."""

    number: str | None
    date: str | None
    type: str | None


def printed(text: str) -> Printed:
    """The number, ISO date and type a header prints (None where the pattern finds none)."""
    head = text[:3000]
    m = _NUMBER.search(head)
    num = m.group(1).strip() if m and "/" in m.group(1) else None
    d = _DATE.search(re.sub(r"\s+", " ", head))
    date = f"{int(d[3]):04d}-{int(d[2]):02d}-{int(d[1]):02d}" if d else None
    typ = None
    for line in head.split("\n")[:60]:
        if line.strip() in PRINTED_TYPES:
            typ = line.strip().capitalize()
            break
    if typ is None and re.search(r"Kính gửi", head):
        typ = "Công văn"
    return Printed(num, date, typ)


@dataclass
class SilverReport:
    """Counts of one silver check, overall and per printed document type."""

    counts: Counter = field(default_factory=Counter)
    by_type: dict[str, Counter] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, what is wrong)

    @staticmethod
    def rates(c: Counter) -> dict[str, float]:
        def r(a: str, b: str) -> float:
            return round(c[a] / max(1, c[b]), 3)

        return {
            "number_acc": r("num_ok", "num_printed"),
            "date_acc": r("date_ok", "date_printed"),
            "type_acc": r("type_ok", "type_printed"),
            "issuer_cov": r("issuer", "texts"),
            "signer_cov": r("signer", "texts"),
            "work_recall": round(1 - c["work_no_assign"] / max(1, c["work_texts"]), 3),
        }

    def summary(self) -> dict:
        keys = [
            "texts",
            "missing_record",
            "num_printed",
            "num_ok",
            "date_printed",
            "date_ok",
            "type_printed",
            "type_ok",
            "issuer",
            "signer",
            "work_texts",
            "work_no_assign",
            "assignments",
            "duties",
        ]
        return {**{k: self.counts[k] for k in keys}, **self.rates(self.counts)}


def _check_one(text: str, record: dict | None) -> tuple[Counter, list[str], str]:
    """Counts and problems for one text; the type it is grouped under."""
    c: Counter = Counter(texts=1)
    bad: list[str] = []
    p = printed(text)
    if record is None:
        c["missing_record"] += 1
        return c, ["no record"], p.type or "(none printed)"
    d = record.get("document") or {}
    if p.number:
        c["num_printed"] += 1
        if _number_key(d.get("number")) == _number_key(p.number):
            c["num_ok"] += 1
        else:
            bad.append(f"number {d.get('number')!r} vs printed {p.number!r}")
    if p.date:
        c["date_printed"] += 1
        if (d.get("date") or "") == p.date:
            c["date_ok"] += 1
        else:
            bad.append(f"date {d.get('date')!r} vs printed {p.date!r}")
    if p.type:
        c["type_printed"] += 1
        if _nfc(d.get("type")).lower() == p.type.lower():
            c["type_ok"] += 1
        else:
            bad.append(f"type {d.get('type')!r} vs printed {p.type!r}")
    c["issuer"] += bool(d.get("issuer"))
    c["signer"] += bool(d.get("signer"))
    a = record.get("assignments") or []
    c["assignments"] += len(a)
    c["duties"] += sum(x.get("duties") or 0 for x in a)
    if "chủ trì" in text:
        c["work_texts"] += 1
        if not a:
            c["work_no_assign"] += 1
            bad.append("prints 'chủ trì' but no assignment")
    return c, bad, p.type or "(none printed)"


def check(docs_dir: Path, records: list[dict]) -> SilverReport:
    """Silver-check gold-shaped records (paired by file basename) against the texts of a folder."""
    by_name = {Path(str(r.get("file", ""))).name: r for r in records}
    rep = SilverReport()
    for path in sorted(Path(docs_dir).glob("*.txt")):
        text = _nfc(path.read_text(encoding="utf-8"))
        c, bad, typ = _check_one(text, by_name.get(path.name))
        rep.counts.update(c)
        rep.by_type.setdefault(typ, Counter()).update(c)
        rep.problems += [(path.name, b) for b in bad]
    return rep
