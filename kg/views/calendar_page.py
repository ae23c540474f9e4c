"""The site's reporting calendar: calendar.html, reporting.ics and one .ics per body.

Built from the site's read model (kg.read.ReadModel.reports), so it needs no store of its own;
the events themselves come from kg.calendar, the one place that turns obligations into
iCalendar. A calendar longer than a page is an overview by month (calendar.html) and
parts of about PAGE_ROWS rows each (calendar-thang-MM-….html), cut where a row's IRI
hashes so (kg.views.common.stable_parts): adding a plan rewrites the parts its rows fall
in and the overview, not every page after the first row it adds, as numbered pages did.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from kg.calendar import (
    WRITTEN_FIELDS,
    Obligation,
    calendar,
    event_key,
    event_text,
    events_code,
    first_due,
    frequency_vi,
    make_events,
    remember_events,
)
from kg.views.common import part_tag, stable_parts, unique

ALL_ICS = "reporting.ics"
PAGE = "calendar.html"
PAGE_ROWS = 400  # obligations per calendar page, about: 25,000 rows on one page took seconds


def site_obligations(data, doc_title) -> list[Obligation]:
    """The site's reports as kg.calendar obligations (evidence from the quote selector)."""
    out = []
    for r in data.reports:
        doc = data.docs.get(r.doc)
        due = None
        if r.due:
            day, _, month = r.due.partition("/")
            if day.isdigit() and month.isdigit():
                due = (int(month), int(day))
        exact = r.evidence.exact if r.evidence else None
        out.append(
            Obligation(
                iri=r.iri,
                doc=r.doc,
                document=doc_title(doc) if doc else r.doc,
                doc_date=doc.date if doc else None,
                frequency=r.frequency,  # the model's value already (kg.lexicon)
                due=due,
                deadline=r.due,
                reporter=r.reporter_text,
                recipient=r.recipient_text,
                via=r.via_text,
                evidence=" ".join(exact.split()) if exact else None,
                bodies=tuple(sorted({b for b in (r.reporter, r.recipient, r.via) if b})),
            )
        )
    return out


def calendar_hrefs(obs: list[Obligation], body_pages: dict[str, str]) -> dict[str, str]:
    """body IRI -> its .ics file (only bodies named by an obligation that has a due day)."""
    dated = {b for o in obs if o.due for b in o.bodies}
    return {
        iri: "calendar/" + Path(page).with_suffix(".ics").name
        for iri, page in body_pages.items()
        if iri in dated
    }


Put = Callable[[str, Any, Callable[[], str]], None]
Unit = Callable[[str, str], bool]  # (unit name, the body it gathers) -> carried over


def _inputs(obs: list[Obligation], today: date) -> tuple:
    """What an .ics file is made of, in a stable form (a frozenset pickles in hash order)."""
    rows = [tuple(getattr(o, name) for name in WRITTEN_FIELDS) for o in obs]
    return ("ics", today.isoformat(), rows)


def write_calendars(
    obs: list[Obligation],
    hrefs: dict[str, str],
    out: Path,
    today: date | None = None,
    put: Put | None = None,
    unit: Unit | None = None,
    whole: Put | None = None,
) -> int:
    """Write reporting.ics and the per-body files; returns how many files were written.

    ``put(name, inputs, make)`` writes one file (the site's Write.file, which carries an
    unchanged one over from the previous site); by default each file is written here.
    ``unit(name, body)``: the site's Write.unit, each body's file being one unit of
    kg.views.reach (named with ``today``, whose first due dates it shows): adding one plan
    then neither keys nor writes the files of the bodies it does not reach.
    ``whole``: how reporting.ics is put (default ``put``): its inputs are all it shows.
    """
    today = today or date.today()

    def write_here(name: str, _inputs: Any, make: Callable[[], str]) -> None:
        (out / name).write_text(make(), encoding="utf-8")

    put = put or write_here
    (out / "calendar").mkdir(exist_ok=True)
    (whole or put)(ALL_ICS, _inputs(obs, today), lambda: calendar(obs, today=today).text)
    by_body: dict[str, list[Obligation]] = defaultdict(list)
    for o in obs:
        for b in o.bodies:
            by_body[b].append(o)
    for iri, href in hrefs.items():
        if unit is not None and unit(f"{href}@{today.isoformat()}", iri):
            continue
        mine = by_body[iri]
        put(href, _inputs(mine, today), lambda mine=mine: calendar(mine, today=today).text)
    return 1 + len(hrefs)


def calendar_rows(obs: list[Obligation], today: date | None = None) -> tuple[list, list]:
    """(dated rows sorted by month and day, undated obligations) for calendar.html."""
    today = today or date.today()
    dated = []
    for o in obs:
        if o.due:
            dated.append(
                {
                    "ob": o,
                    "month": o.due[0],
                    "day": o.due[1],
                    "first": first_due(o, today),
                    "freq": frequency_vi(o.frequency),
                    "recurring": o.rrule is not None,
                }
            )
    dated.sort(key=lambda r: (r["month"], r["day"], r["ob"].document, r["ob"].iri))
    return dated, [o for o in obs if not o.due]


def write_calendar_pages(site, out: Path, write, doc_title) -> None:
    """The site hook: sets ``site.calendar_hrefs`` (for body pages) and writes the files."""
    obs = site_obligations(site.data, doc_title)
    site.calendar_hrefs = calendar_hrefs(obs, site.body_pages)
    today = date.today()
    recall_events(write.previous)
    make_events(obs, today, write.jobs)  # the events not recalled, on every core
    whole = partial(write.file, complete=True)
    write_calendars(
        obs, site.calendar_hrefs, out, today=today, put=write.file, unit=write.unit, whole=whole
    )
    write.end_unit()  # the files below belong to no body
    keep_events(obs, today, whole)
    dated, undated = calendar_rows(obs, today)
    common = {"all_ics": ALL_ICS, "frequency_vi": frequency_vi}
    if len(dated) + len(undated) <= PAGE_ROWS:
        write(
            PAGE,
            "calendar.html",
            dated=dated,
            undated=undated,
            total_dated=len(dated),
            total_undated=len(undated),
            title="Lịch báo cáo",
            **common,
        )
        return
    parts = calendar_parts(dated, undated)
    names: list[str] = []
    for month, rows in parts:
        names.append(unique(part_name(month, rows).removesuffix(".html"), ".html", names))
    for k, ((month, rows), name) in enumerate(zip(parts, names, strict=True)):
        nav = {
            "up": PAGE,
            "prev": names[k - 1] if k else None,
            "next": names[k + 1] if k + 1 < len(names) else None,
            "month": month,
            "first": _day(rows[0]),
            "last": _day(rows[-1]),
        }
        links = {o.doc: site.doc_pages.get(o.doc) for o in map(_ob, rows)}
        context = {
            "dated": rows if month else [],
            "undated": [] if month else rows,
            "nav": nav,
            "title": _part_title(nav),
            **common,
        }
        shown = (nav, links, [_row_key(row) for row in rows])  # all the page shows
        write.pages += 1
        write.file(
            name,
            ("calendar-part", shown),
            lambda context=context: write.env.get_template("calendar.html").render(
                site=site, **context
            ),
            complete=True,
        )
    months: dict[int, list] = defaultdict(list)
    for (month, rows), name in zip(parts, names, strict=True):
        months[month].append(
            {"page": name, "first": _day(rows[0]), "last": _day(rows[-1]), "rows": len(rows)}
        )
    write(
        PAGE,
        "calendar.html",
        overview=[
            (m, months[m], sum(p["rows"] for p in months[m]))
            for m in sorted(months, key=lambda m: (m == 0, m))
        ],
        total_dated=len(dated),
        total_undated=len(undated),
        title="Lịch báo cáo",
        **common,
    )


def calendar_parts(dated: list[dict], undated: list[Obligation]) -> list[tuple[int, list]]:
    """The rows of a calendar too long for one page, as (month, rows) parts (month 0: the
    undated obligations), cut by kg.views.common.stable_parts within each month: a row
    added or taken out changes the part it is in, not where the others begin."""
    groups: dict[int, list] = defaultdict(list)
    for row in dated:
        groups[row["month"]].append(row)
    if undated:
        groups[0] = list(undated)
    return [
        (month, part)
        for month in sorted(groups, key=lambda m: (m == 0, m))
        for part in stable_parts(groups[month], lambda row: _ob(row).iri, PAGE_ROWS)
    ]


def part_name(month: int, rows: list) -> str:
    """calendar-thang-12-<its first row>.html, calendar-khong-han-<...>.html: a page keeps
    its name while rows come and go after its first."""
    tag = part_tag(_ob(rows[0]).iri)
    return f"calendar-thang-{month:02d}-{tag}.html" if month else f"calendar-khong-han-{tag}.html"


def _ob(row: Any) -> Obligation:
    return row["ob"] if isinstance(row, dict) else row


def _day(row: Any) -> tuple[int, int] | None:
    return (row["day"], row["month"]) if isinstance(row, dict) else None


def _row_key(row: Any) -> tuple:
    """What a row of calendar.html shows, as plain values."""
    o = _ob(row)
    fields = tuple(getattr(o, name) for name in WRITTEN_FIELDS)
    if isinstance(row, dict):
        first = row["first"].isoformat() if row["first"] else None
        return (fields, first, row["freq"], row["recurring"])
    return (fields,)


def _part_title(nav: dict) -> str:
    if not nav["month"]:
        return "Lịch báo cáo: không nêu ngày hạn"
    (d1, m1), (d2, m2) = nav["first"], nav["last"]
    return f"Lịch báo cáo tháng {nav['month']} ({d1:02d}/{m1:02d}–{d2:02d}/{m2:02d})"


EVENTS = ".ics-events.json"  # each event's text, for the next site (kg.calendar.event_text)


def recall_events(previous: Path | None) -> None:
    """The event texts the last site kept, when the same code made them: a site that adds
    one plan writes reporting.ics again, and icalendar takes milliseconds an event."""
    if previous is None:
        return
    try:
        kept = json.loads((previous / EVENTS).read_text(encoding="utf-8"))
        if kept["code"] == events_code():
            remember_events([(_key(k), text) for k, text in kept["events"]])
    except (OSError, ValueError, KeyError, TypeError):
        return


def _key(value: list) -> tuple:
    return tuple(tuple(v) if isinstance(v, list) else v for v in value)


def keep_events(obs: list[Obligation], today: date, put: Put) -> None:
    """The text of every dated obligation's event, as the site's ``EVENTS`` file."""
    starts = {event_key(o, s): (o, s) for o in obs if (s := first_due(o, today)) is not None}
    keys = sorted(starts, key=repr)
    put(
        EVENTS,
        ("ics-events", events_code(), keys),
        lambda: json.dumps(
            {"code": events_code(), "events": [[k, event_text(*starts[k])] for k in keys]},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    )
