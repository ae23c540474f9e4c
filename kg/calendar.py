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

import functools
import hashlib
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

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
    # IRIs of the reporter, recipient and via bodies, sorted: a frozenset pickles in hash
    # order, which differs between processes, so a page showing it was never carried over
    bodies: tuple[str, ...] = ()

    @property
    def rrule(self) -> dict[str, object] | None:
        return RRULES.get(self.frequency or "")


# the fields an obligation's event and .ics files are made from (its bodies' IRIs are not
# written): named once, ``dataclasses.fields`` took a tenth of a site's calendar time
WRITTEN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Obligation) if f.name != "bodies")


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
            bodies=tuple(sorted({b for b in (row["reporter"], row["recipient"], row["via"]) if b})),
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
    """An iCalendar text of ``obs``: one VEVENT per dated obligation, the rest listed.

    Each event's text is made once (``event_text``) and put between the calendar's own
    lines: a site writes every obligation into reporting.ics and into the file of each
    body it names, and icalendar takes milliseconds an event."""
    today = today or date.today()
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    events: list[str] = []
    recurring = 0
    undated = []
    line = _stamp_line(stamp)
    for ob in obs:
        start = first_due(ob, today)
        if start is None:
            undated.append(ob)
            continue
        events.append(event_text(ob, start).replace("\r\n" + _NO_STAMP, "\r\n" + line, 1))
        recurring += ob.rrule is not None
    head = _head(name, tuple(undated_line(ob) for ob in undated))
    text = head + "".join(events) + _END
    return CalendarReport(text, len(events), recurring, undated)


_END = "END:VCALENDAR\r\n"
_HEADS: dict[tuple[str, tuple[str, ...]], str] = {}  # (name, undated lines) -> the head
_HEADS_MAX = 4096


def _head(name: str, undated: tuple[str, ...]) -> str:
    """The calendar's lines before its events (its properties, the undated lines), as
    icalendar writes them; kept per process: a site writes an .ics file for each of
    10,000 bodies at national scale, most with the same head, and icalendar took a
    millisecond to make one."""
    key = (name, undated)
    head = _HEADS.get(key)
    if head is None:
        from icalendar import Calendar

        cal = Calendar()
        cal.add("prodid", "-//dkg//reporting calendar//VI")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", name)
        for line in undated:
            cal.add("x-dkg-undated", line)
        text = cal.to_ical().decode("utf-8")  # the calendar's properties come before its events
        assert text.endswith(_END), text[-40:]
        if len(_HEADS) >= _HEADS_MAX:
            _HEADS.clear()
        head = _HEADS[key] = text[: -len(_END)]
    return head


_NO_STAMP_AT = datetime(1970, 1, 1, tzinfo=UTC)
_EVENTS: dict[tuple, str] = {}  # (obligation's fields, first day) -> its VEVENT, stamp apart
_EVENTS_MAX = 200_000


def _event(ob: Obligation, start: date, stamp: datetime) -> Any:
    from icalendar import Event, vRecur

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
    return ev


def _stamp_line(stamp: datetime) -> str:
    """The DTSTAMP line icalendar writes for ``stamp`` (with its line breaks); kept: a
    site's calendars share one stamp. Keyed by how the time is given, not only by the
    instant (equal times in two zones are equal datetimes)."""
    return _stamp_line_of(stamp, stamp.isoformat(), stamp.fold, repr(stamp.tzinfo))


@functools.lru_cache(maxsize=16)
def _stamp_line_of(stamp: datetime, *_key: object) -> str:
    from icalendar import Event

    ev = Event()
    ev.add("dtstamp", stamp)
    return next(cl for cl in ev.content_lines() if cl.startswith("DTSTAMP")) + "\r\n"


_NO_STAMP = ""  # the DTSTAMP line of _NO_STAMP_AT, made on first use


def event_key(ob: Obligation, start: date) -> tuple:
    """What an event's text is made from (the bodies' IRIs are not written into it)."""
    return (*(getattr(ob, name) for name in WRITTEN_FIELDS), start.isoformat())


def events_code() -> str:
    """The code that writes an event: texts kept by other code are not used again."""
    import icalendar

    from kg import __version__

    h = hashlib.blake2b(f"{__version__} {icalendar.__version__}".encode(), digest_size=16)
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()


def remember_events(pairs: list[tuple[tuple, str]]) -> None:
    """Texts made by an earlier process (the last site's, kg.views.calendar_page)."""
    if len(_EVENTS) + len(pairs) > _EVENTS_MAX:
        _EVENTS.clear()
    _EVENTS.update(pairs)


def event_text(ob: Obligation, start: date) -> str:
    """The VEVENT of ``ob`` starting on ``start`` as icalendar writes it, with the DTSTAMP
    line of a fixed time (``_NO_STAMP``) that ``calendar`` replaces; kept per process."""
    global _NO_STAMP
    if not _NO_STAMP:
        _NO_STAMP = _stamp_line(_NO_STAMP_AT)
    key = event_key(ob, start)
    text = _EVENTS.get(key)
    if text is None:
        if len(_EVENTS) >= _EVENTS_MAX:
            _EVENTS.clear()
        text = _EVENTS[key] = _event(ob, start, _NO_STAMP_AT).to_ical().decode("utf-8")
    return text


POOL_MIN_EVENTS = 400  # fewer events to make than this are made in one process
_SHARED: list[tuple[Obligation, date]] = []  # what forked workers make events of


def make_events(obs: list[Obligation], today: date, jobs: int = 1) -> int:
    """Make and keep (``event_text``) the event of every dated obligation of ``obs`` not
    kept yet, in ``jobs`` processes when there are enough: icalendar takes a millisecond
    an event, and a national site's reporting.ics has more than ten thousand. The
    workers are forked (they share ``obs``) and hand the texts back. Returns how many
    events were made."""
    from kg.shares import can_fork, in_shares

    global _SHARED
    todo = [(o, s) for o in obs if (s := first_due(o, today)) is not None]
    todo = [pair for pair in todo if event_key(*pair) not in _EVENTS]
    if jobs <= 1 or len(todo) < POOL_MIN_EVENTS or not can_fork():
        for pair in todo:
            event_text(*pair)
        return len(todo)
    _SHARED = todo
    try:
        shares = in_shares(_events_share, jobs)
    finally:
        _SHARED = []
    remember_events([kept for share in shares[1:] for kept in share])  # share 0 is kept here
    return len(todo)


def _events_share(number: int, of: int) -> list[tuple[tuple, str]]:
    """In a worker: the events of the ``number``-th of ``of`` shares (0: the parent's)."""
    return [(event_key(*pair), event_text(*pair)) for pair in _SHARED[number::of]]


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
