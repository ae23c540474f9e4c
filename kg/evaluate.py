"""Score extracted records against the gold annotations (../shared/gold/SCHEMA.md).

Works on plain dicts in the gold shape, so the same scoring applies to
``dkg extract --format json`` and to ``dkg export --format json`` (the graph
must lose nothing). Records are paired by file name (basename), so paths may
differ. Text comparisons use ``normalize_key`` (case, tone placement, dashes,
spacing); document numbers use the reference key (28-CT-TW = 28-CT/TW).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from kg.extract.collectives import COMMUNE_ORDER
from kg.numbers import number_key
from kg.records import DOCUMENT_FIELDS
from kg.text import fold_same_length, normalize_key


@dataclass
class PRF:
    """Micro-averaged counts over all documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)  # "file: + extra" / "file: - missed"

    def add(self, pred: Iterable[Any], gold: Iterable[Any], label: str = "") -> None:
        p, g = Counter(pred), Counter(gold)
        common = sum((p & g).values())
        self.tp += common
        self.fp += sum(p.values()) - common
        self.fn += sum(g.values()) - common
        if label:
            self.misses += [f"{label}: + {x}" for x in sorted((p - g).elements(), key=str)]
            self.misses += [f"{label}: - {x}" for x in sorted((g - p).elements(), key=str)]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, note: str = "") -> None:
        self.total += 1
        self.right += ok
        if not ok and note:
            self.misses.append(note)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Bar:
    issue: int
    name: str
    value: float
    threshold: float

    @property
    def ok(self) -> bool:
        return self.value >= self.threshold - 1e-9


@dataclass
class Report:
    documents: int = 0
    missing: list[str] = field(default_factory=list)  # gold files with no prediction
    fields: dict[str, Accuracy] = field(default_factory=dict)
    sets: dict[str, PRF] = field(default_factory=dict)
    agency: dict[str, Accuracy] = field(default_factory=dict)

    @property
    def field_average(self) -> float:
        vals = [a.value for a in self.fields.values()]
        return sum(vals) / len(vals) if vals else 0.0

    @property
    def field_minimum(self) -> float:
        return min((a.value for a in self.fields.values()), default=0.0)

    def bars(self) -> list[Bar]:
        s, a = self.sets, self.agency
        return [
            Bar(2, "document fields, average accuracy", self.field_average, 0.9),
            Bar(2, "document fields, lowest accuracy", self.field_minimum, 0.8),
            Bar(2, "implements F1", s["implements"].f1, 0.95),
            Bar(2, "all references F1", s["references"].f1, 0.95),
            Bar(2, "recipients F1", s["recipients"].f1, 0.8),
            Bar(3, "agencies F1", s["agencies"].f1, 0.9),
            Bar(3, "duty count exact", a["duties exact"].value, 0.8),
            Bar(3, "duty count within one", a["duties within one"].value, 0.9),
            Bar(3, "mode accuracy", a["mode"].value, 0.9),
            Bar(3, "leads accuracy", a["leads"].value, 0.85),
            # vacuous when no agency was matched: then it cannot pass
            Bar(3, "partners F1", s["partners"].f1 if a["mode"].total else 0.0, 0.7),
            Bar(3, "reporting deadlines F1", s["reporting deadlines"].f1, 0.9),
            Bar(3, "targets F1", s["targets"].f1, 0.8),
        ]

    def passed(self, issue: int) -> bool:
        return all(b.ok for b in self.bars() if b.issue == issue)

    def table(self, show_misses: bool = False) -> str:
        out = [f"documents scored: {self.documents}"]
        if self.missing:
            out.append(f"gold files without a record: {', '.join(self.missing)}")
        out.append("")
        out.append(f"{'document field':<22}{'accuracy':>9}  right/total")
        for name, acc in self.fields.items():
            out.append(f"{name:<22}{acc.value:>9.3f}  {acc.right}/{acc.total}")
            if show_misses:
                out += [f"{'':<24}✗ {m}" for m in acc.misses]
        out.append(f"{'(average)':<22}{self.field_average:>9.3f}")
        out.append("")
        out.append(f"{'set':<22}{'P':>7}{'R':>7}{'F1':>7}   tp  fp  fn")
        for name, prf in self.sets.items():
            out.append(
                f"{name:<22}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}"
                f"  {prf.tp:>3} {prf.fp:>3} {prf.fn:>3}"
            )
            if show_misses:
                out += [f"{'':<24}{m}" for m in prf.misses]
        out.append("")
        out.append(f"{'matched agencies':<22}{'accuracy':>9}  right/total")
        for name, acc in self.agency.items():
            out.append(f"{name:<22}{acc.value:>9.3f}  {acc.right}/{acc.total}")
            if show_misses:
                out += [f"{'':<24}✗ {m}" for m in acc.misses]
        out.append("")
        for issue in (2, 3):
            out.append(f"bars of issue {issue}: {'PASS' if self.passed(issue) else 'FAIL'}")
            for b in self.bars():
                if b.issue == issue:
                    mark = "ok  " if b.ok else "FAIL"
                    out.append(f"  {mark} {b.name:<36}{b.value:>7.3f} (≥ {b.threshold})")
        return "\n".join(out) + "\n"


# ---------------------------------------------------------------- comparisons


def _key(v: Any) -> str | None:
    if v is None:
        return None
    s = normalize_key(str(v)).strip(" .;,")
    return s or None


# a run of two or more commune unit words ("xã, phường", "phường, xã và đặc khu"; not the
# district-level "thị xã"), matched on the same-length fold of a normalised name
_COMMUNE_WORD = "|".join(w.replace(" ", r"\s") for w in COMMUNE_ORDER)
_COMMUNE_RUN = re.compile(
    rf"(?<![\w])(?<!thi )(?:{_COMMUNE_WORD})(?:\s*(?:,|\bva\b)\s*(?:{_COMMUNE_WORD}))+(?!\w)"
)
_COMMUNE_SEP = re.compile(r"\s*(?:,|\bva\b)\s*")


def body_key(v: Any) -> str | None:
    """A body's matching key: ``_key``, with a collective of communes keyed in the law's
    order whatever order its unit words are printed in (convention C5: "Ủy ban nhân dân các
    phường, xã" is "Ủy ban nhân dân các xã, phường"; "và" is a comma)."""
    s = _key(v)
    if s is None:
        return None
    folded = fold_same_length(s)
    out, at = [], 0
    for m in _COMMUNE_RUN.finditer(folded):
        words, pos = [], m.start()
        for sep in _COMMUNE_SEP.finditer(folded, m.start(), m.end()):
            words.append((folded[pos : sep.start()], s[pos : sep.start()]))
            pos = sep.end()
        words.append((folded[pos : m.end()], s[pos : m.end()]))
        words.sort(key=lambda w: COMMUNE_ORDER.index(re.sub(r"\s+", " ", w[0])))
        out += [s[at : m.start()], ", ".join(w[1] for w in words)]
        at = m.end()
    return "".join(out) + s[at:]


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s)


def subject_match(pred: str | None, gold: str | None) -> bool:
    """Same trích yếu: one contains the other (after normalising) or ≥ 80 % token overlap."""
    p, g = _key(pred), _key(gold)
    if p is None or g is None:
        return p == g
    p = " ".join(_tokens(p))
    g = " ".join(_tokens(g))
    if p in g or g in p:
        return True
    pt, gt = Counter(_tokens(p)), Counter(_tokens(g))
    overlap = sum((pt & gt).values())
    return overlap / max(sum(pt.values()), sum(gt.values())) >= 0.8


def _num_key(n: Any) -> str | None:
    return number_key(str(n)) if n else None


def _deadline_key(d: Any) -> str | None:
    if not d:
        return None
    m = re.match(r"\s*(\d{1,2})\s*/\s*(\d{1,2})", str(d))
    return f"{int(m[1])}/{int(m[2])}" if m else _key(d)


def _value_key(v: Any) -> str:
    return re.sub(r"\s+", "", normalize_key(str(v)))


def _basename(name: str) -> str:
    return PurePath(str(name).replace("\\", "/")).name


def _match_agencies(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Pair predicted and gold assignments by normalised agency name, in order."""
    pool: dict[str, list[dict]] = {}
    for p in pred:
        pool.setdefault(body_key(p.get("agency")) or "", []).append(p)
    pairs = []
    for g in gold:
        cands = pool.get(body_key(g.get("agency")) or "")
        if cands:
            pairs.append((cands.pop(0), g))
    return pairs


def load_gold(gold_dir) -> list[dict]:
    """Every gold JSON file of a folder, sorted by name."""
    import json
    from pathlib import Path

    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))
    ]


def score(pred_records: list[dict], gold_records: list[dict]) -> Report:
    """Score gold-shaped prediction dicts against gold dicts (paired by file basename)."""
    rep = Report()
    rep.fields = {f: Accuracy() for f in DOCUMENT_FIELDS}
    names = (
        "implements",
        "references",
        "recipients",
        "agencies",
        "partners",
        "reporting deadlines",
        "targets",
    )
    rep.sets = {n: PRF() for n in names}
    rep.agency = {n: Accuracy() for n in ("duties exact", "duties within one", "mode", "leads")}
    by_name = {_basename(p.get("file", "")): p for p in pred_records}
    for gold in gold_records:
        name = _basename(gold.get("file", ""))
        pred = by_name.get(name)
        if pred is None:
            rep.missing.append(name)
            pred = {}
        rep.documents += 1
        _score_one(rep, pred, gold, name)
    return rep


def _score_one(rep: Report, pred: dict, gold: dict, name: str) -> None:
    pd, gd = pred.get("document") or {}, gold.get("document") or {}
    for f in DOCUMENT_FIELDS:
        p, g = pd.get(f), gd.get(f)
        ok = subject_match(p, g) if f == "subject" else _key(p) == _key(g)
        rep.fields[f].add(ok, f"{name}: {p!r} ≠ {g!r}")

    def nums(rec: dict, part: str) -> list[str]:
        items = rec.get(part) or []
        raw = [i.get("number") if isinstance(i, dict) else i for i in items]
        return sorted({k for k in (_num_key(n) for n in raw) if k})

    p_impl, g_impl = nums(pred, "implements"), nums(gold, "implements")
    rep.sets["implements"].add(p_impl, g_impl, name)
    rep.sets["references"].add(
        set(p_impl) | set(nums(pred, "cites")), set(g_impl) | set(nums(gold, "cites")), name
    )
    rep.sets["recipients"].add(
        [_key(r) for r in pred.get("recipients") or []],
        [_key(r) for r in gold.get("recipients") or []],
        name,
    )
    pa, ga = pred.get("assignments") or [], gold.get("assignments") or []
    rep.sets["agencies"].add(
        [body_key(a.get("agency")) for a in pa],
        [body_key(a.get("agency")) for a in ga],
        name,
    )
    for p, g in _match_agencies(pa, ga):
        pn, gn = int(p.get("duties") or 0), int(g.get("duties") or 0)
        who = f"{name}: {g.get('agency')}"
        rep.agency["duties exact"].add(pn == gn, f"{who}: {pn} ≠ {gn}")
        rep.agency["duties within one"].add(abs(pn - gn) <= 1, f"{who}: {pn} ≠ {gn}")
        rep.agency["mode"].add(p.get("mode") == g.get("mode"), f"{who}: {p.get('mode')}")
        rep.agency["leads"].add(bool(p.get("leads")) == bool(g.get("leads")), f"{who}")
        rep.sets["partners"].add(
            {body_key(x) for x in p.get("coordinates_with") or []},
            {body_key(x) for x in g.get("coordinates_with") or []},
            who,
        )
    dl: Callable[[dict], list] = lambda rec: [  # noqa: E731
        k for k in (_deadline_key(r.get("deadline")) for r in rec.get("reporting") or []) if k
    ]
    rep.sets["reporting deadlines"].add(dl(pred), dl(gold), name)
    tg: Callable[[dict], list] = lambda rec: [  # noqa: E731
        (_value_key(t.get("value")), t.get("year")) for t in rec.get("targets") or []
    ]
    rep.sets["targets"].add(tg(pred), tg(gold), name)
