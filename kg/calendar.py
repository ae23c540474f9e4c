"""Reporting calendars: the graph's reporting obligations as iCalendar (RFC 5545).

Staff keep due dates in the calendar they already use, so every reporting obligation
with a known due day becomes an all-day event: recurring (RRULE) when the text gives a
regular frequency (monthly, quarterly, six-monthly, annual), a single event otherwise.
Obligations without a due day are never given an invented one: they are listed
(``undated``) and written into the calendar as ``X-DKG-UNDATED`` lines.

The first occurrence is the due day on or after the issuing document's date (the
document's year when only the year is known); without a document date, ``today``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kg import lexicon
from kg.queries import select_values
from kg.text import fold

# notation of the dkg frequency individual -> RRULE (None: one event, no recurrence)
RRULES: dict[str, dict[str, object] | None] = {
    "monthly": {"FREQ": "MONTHLY"},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3},
    "semiannual": {"FREQ": "MONTHLY", "INTERVAL": 6},
    "annual": {"FREQ": "YEARLY"},
}


def frequency_vi(frequency: str | None) -> str:
    """The frequency as the ontology names it in Vietnamese ("" when none is stated)."""
    return lexicon.label_vi("frequency", frequency) or (frequency or "")


Q_OBLIGATIONS = """
SELECT ?r ?doc ?document ?docDate ?frequency ?due ?deadline ?reporterText ?recipientText
       ?viaText ?reporter ?recipient ?via ?exact ?order WHERE {
  ?r a dkg:ReportingObligation ; dkg:inDocument ?doc .
  OPTIONAL { ?doc rdfs:label ?document }
  OPTIONAL { ?doc dkg:date ?docDate }
  OPTIONAL { ?r dkg:frequency/skos:notation ?frequency }
  OPTIONAL { ?r dkg:dueDate ?due }
  OPTIONAL { ?r dkg:deadline ?deadline }
  OPTIONAL { ?r dkg:reporterText ?reporterText }
  OPTIONAL { ?r dkg:recipientText ?recipientText }
  OPTIONAL { ?r dkg:viaText ?viaText }
  OPTIONAL { ?r dkg:reporter ?reporter }
  OPTIONAL { ?r dkg:recipient ?recipient }
  OPTIONAL { ?r dkg:via ?via }
  OPTIONAL { ?r dkg:evidence/oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?exact }
  OPTIONAL { ?r dkg:order ?order }
}"""


@dataclass(frozen=True)
class Obligation:
    """One reporting obligation as the calendar needs it (values as printed)."""

    iri: str
    doc: str
    document: str
    doc_date: str | None
    frequency: str | None
    due: tuple[int, int] | None  # (month, day)
    deadline: str | None
    reporter: str | None
    recipient: str | None
    via: str | None
    evidence: str | None
    bodies: frozenset[str] = frozenset()  # IRIs of the reporter, recipient and via bodies

    @property
    def rrule(self) -> dict[str, object] | None:
        return RRULES.get(self.frequency or "")


def _month_day(value: str | None) -> tuple[int, int] | None:
    if not value or not value.startswith("--"):
        return None
    try:
        month, day = int(value[2:4]), int(value[5:7])
    except ValueError:
        return None
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def obligations(store) -> list[Obligation]:
    """Every reporting obligation in the store, in document and printed order."""
    seen: dict[str, Obligation] = {}
    for row in select_values(store, Q_OBLIGATIONS):
        if row["r"] in seen:
            continue
        seen[row["r"]] = Obligation(
            iri=row["r"],
            doc=row["doc"],
            document=row["document"] or row["doc"],
            doc_date=row["docDate"],
            frequency=row["frequency"],
            due=_month_day(row["due"]),
            deadline=row["deadline"],
            reporter=row["reporterText"],
            recipient=row["recipientText"],
            via=row["viaText"],
            evidence=" ".join(row["exact"].split()) if row["exact"] else None,
            bodies=frozenset(b for b in (row["reporter"], row["recipient"], row["via"]) if b),
        )
    order = {iri: i for i, iri in enumerate(_orders(store))}
    return sorted(seen.values(), key=lambda o: (o.document, order.get(o.iri, 0), o.iri))


def _orders(store) -> list[str]:
    rows = select_values(
        store, "SELECT ?r WHERE { ?r a dkg:ReportingObligation ; dkg:order ?o } ORDER BY ?o ?r"
    )
    return [r["r"] for r in rows]


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def first_due(ob: Obligation, today: date) -> date | None:
    """The first due day on or after the document's date (or ``today`` without one)."""
    if ob.due is None:
        return None
    month, day = ob.due
    start = _doc_start(ob.doc_date) or today
    for year in range(start.year, start.year + 8):  # 29 February needs a leap year
        if ob.rrule and ob.rrule["FREQ"] == "MONTHLY":
            for m in range(1, 13):
                if (m - month) % int(ob.rrule.get("INTERVAL", 1)) == 0:
                    d = _valid(year, m, day)
                    if d and d >= start:
                        return d
        else:
            d = _valid(year, month, day)
            if d and d >= start:
                return d
    return None


def _doc_start(value: str | None) -> date | None:
    """dkg:date is an xsd:date, gYearMonth or gYear: its first day."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def describe(ob: Obligation) -> str:
    """The event description: document, who reports to whom, frequency, evidence sentence."""
    lines = [f"Văn bản: {ob.document}"]
    if ob.reporter:
        lines.append(f"Đơn vị báo cáo: {ob.reporter}")
    if ob.recipient:
        lines.append(f"Gửi: {ob.recipient}")
    if ob.via:
        lines.append(f"Qua: {ob.via}")
    if ob.frequency:
        lines.append(f"Tần suất: {frequency_vi(ob.frequency)}")
    if ob.deadline:
        lines.append(f"Thời hạn (như văn bản ghi): {ob.deadline}")
    if ob.evidence:
        lines.append(f"Câu văn gốc: “{ob.evidence}”")
    lines.append(f"Nguồn: {ob.iri}")
    return "\n".join(lines)


def summary_of(ob: Obligation) -> str:
    """'Báo cáo 6 tháng: X → Y' (the parts the text gives)."""
    head = " ".join(filter(None, ["Báo cáo", frequency_vi(ob.frequency)]))
    who = ob.reporter or ""
    to = f" → {ob.recipient}" if ob.recipient else ""
    return f"{head}: {who}{to}" if who or to else head


def undated_line(ob: Obligation) -> str:
    parts = [ob.document, frequency_vi(ob.frequency) or "không rõ"]
    parts.append(f"{ob.reporter or '?'} → {ob.recipient or '?'}")
    return " | ".join(parts + [ob.iri])


@dataclass
class CalendarReport:
    text: str
    events: int
    recurring: int
    undated: list[Obligation]

    def summary(self) -> str:
        return (
            f"{self.events} reporting events ({self.recurring} recurring), "
            f"{len(self.undated)} obligations without a due day (listed as X-DKG-UNDATED)"
        )


def calendar(
    obs: list[Obligation],
    name: str = "dkg: lịch báo cáo",
    today: date | None = None,
    stamp: datetime | None = None,
) -> CalendarReport:
    """An iCalendar text of ``obs``: one VEVENT per dated obligation, the rest listed."""
    from icalendar import Calendar, Event, vRecur

    today = today or date.today()
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//dkg//reporting calendar//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    events = recurring = 0
    undated = []
    for ob in obs:
        start = first_due(ob, today)
        if start is None:
            undated.append(ob)
            continue
        ev = Event()
        ev.add("uid", hashlib.sha1(ob.iri.encode()).hexdigest()[:20] + "@dkg")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", start)
        ev.add("summary", summary_of(ob))
        ev.add("description", describe(ob))
        ev.add("url", ob.iri)
        ev.add("transp", "TRANSPARENT")
        if ob.rrule:
            rule = dict(ob.rrule)
            if rule["FREQ"] == "MONTHLY":
                rule["BYMONTHDAY"] = start.day
            ev.add("rrule", vRecur(rule))
            recurring += 1
        cal.add_component(ev)
        events += 1
    for ob in undated:
        cal.add("x-dkg-undated", undated_line(ob))
    return CalendarReport(cal.to_ical().decode("utf-8"), events, recurring, undated)


def names_body(ob: Obligation, body: str) -> bool:
    """``body`` is a body IRI the obligation links, or part of a name it prints (any diacritics)."""
    if body in ob.bodies:
        return True
    key = fold(body)
    return any(key in fold(t) for t in (ob.reporter, ob.recipient, ob.via) if t)


def store_calendar(store, body: str | None = None, today: date | None = None) -> CalendarReport:
    """The calendar of the whole store, or of the obligations that name ``body``."""
    obs = obligations(store)
    if body:
        obs = [o for o in obs if names_body(o, body)]
    return calendar(obs, today=today)
