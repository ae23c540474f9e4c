"""Reporting calendars: iCalendar read back by icalendar and by an independent parser
(the ``ics`` package), recurrence rules checked with dateutil's own RRULE engine."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from kg.calendar import Obligation, calendar, first_due, obligations, store_calendar
from kg.store import open_store

TODAY = date(2026, 12, 6)


def ob(iri: str, freq: str | None, due: tuple[int, int] | None, doc_date="2024-02-22", **kw):
    return Obligation(
        iri=f"https://w3id.org/dkg/id/doc/x/reporting/{iri}",
        doc="https://w3id.org/dkg/id/doc/x",
        document=kw.pop("document", "Kế hoạch 1/KH-UBND"),
        doc_date=doc_date,
        frequency=freq,
        due=due,
        deadline=f"{due[1]}/{due[0]}" if due else None,
        reporter=kw.pop("reporter", "Phòng Tư pháp"),
        recipient=kw.pop("recipient", "Ủy ban nhân dân huyện"),
        via=None,
        evidence=kw.pop("evidence", "Phòng Tư pháp báo cáo trước ngày 15/12 hằng năm."),
    )


OBS = [
    ob("1", "annual", (12, 15)),
    ob("2", "semiannual", (6, 10)),
    ob("3", "quarterly", (3, 25)),
    ob("4", "monthly", (1, 20)),
    ob("5", "periodic", (11, 30)),
    ob("6", "ad hoc", None),
    ob("7", "annual", None),
]
EXPECTED_RRULE = {"1": "YEARLY", "2": "MONTHLY;6", "3": "MONTHLY;3", "4": "MONTHLY;1"}


def events(text: str) -> dict[str, object]:
    cal = Calendar.from_ical(text)
    return {str(e["url"]).rsplit("/", 1)[-1]: e for e in cal.walk("VEVENT")}


def test_every_dated_obligation_is_an_event_undated_are_listed():
    report = calendar(OBS, today=TODAY, stamp=datetime(2026, 1, 1))
    evs = events(report.text)
    assert sorted(evs) == ["1", "2", "3", "4", "5"]
    assert report.events == 5 and report.recurring == 4
    assert [o.iri[-1] for o in report.undated] == ["6", "7"]
    cal = Calendar.from_ical(report.text)
    undated = cal.get("X-DKG-UNDATED")
    assert len(undated) == 2 and all("Kế hoạch 1/KH-UBND" in str(u) for u in undated)


def test_recurrence_rules_match_frequencies():
    evs = events(calendar(OBS, today=TODAY).text)
    for key, expected in EXPECTED_RRULE.items():
        rule = evs[key]["rrule"]
        freq, _, interval = expected.partition(";")
        assert rule["FREQ"] == [freq]
        assert rule.get("INTERVAL", [1]) == [int(interval or 1)]
    assert "rrule" not in evs["5"]  # 'định kỳ' without a period: one event, no invented rule


def test_description_has_document_recipient_and_evidence():
    desc = str(events(calendar(OBS, today=TODAY).text)["1"]["description"])
    assert "Kế hoạch 1/KH-UBND" in desc
    assert "Ủy ban nhân dân huyện" in desc
    assert "trước ngày 15/12 hằng năm" in desc


def test_next_due_dates_with_dateutil():
    """dateutil's RRULE engine (independent of icalendar) gives the expected due days."""
    evs = events(calendar(OBS, today=TODAY).text)

    def nexts(key: str, n: int, after: date) -> list[date]:
        ev = evs[key]
        start = ev["dtstart"].dt
        rule = rrulestr(
            ev["rrule"].to_ical().decode(), dtstart=datetime.combine(start, datetime.min.time())
        )
        return [
            d.date() for d in rule.xafter(datetime.combine(after, datetime.min.time()), count=n)
        ]

    assert nexts("1", 2, TODAY) == [date(2026, 12, 15), date(2027, 12, 15)]
    assert nexts("2", 2, TODAY) == [date(2026, 12, 10), date(2027, 6, 10)]
    assert nexts("3", 3, TODAY) == [date(2026, 12, 25), date(2027, 3, 25), date(2027, 6, 25)]
    assert nexts("4", 2, TODAY) == [date(2026, 12, 20), date(2027, 1, 20)]


def test_first_due_follows_the_document_date():
    assert first_due(ob("a", "annual", (1, 10), doc_date="2024-02-22"), TODAY) == date(2025, 1, 10)
    assert first_due(ob("a", "annual", (3, 10), doc_date="2024"), TODAY) == date(2024, 3, 10)
    assert first_due(ob("a", "annual", (3, 10), doc_date=None), TODAY) == date(2027, 3, 10)
    assert first_due(ob("a", "annual", (2, 29), doc_date="2025-01-01"), TODAY) == date(2028, 2, 29)
    # quarterly keeps the printed month's phase: 25/3 -> Mar, Jun, Sep, Dec
    assert first_due(ob("a", "quarterly", (3, 25), doc_date="2024-04-01"), TODAY) == date(
        2024, 6, 25
    )


def test_independent_parser_reads_the_same_events():
    import ics

    text = calendar(OBS, today=TODAY).text
    parsed = ics.Calendar(text)
    assert len(parsed.events) == 5
    names = {e.name for e in parsed.events}
    assert "Báo cáo hằng năm: Phòng Tư pháp → Ủy ban nhân dân huyện" in names
    begins = sorted(e.begin.date() for e in parsed.events)
    assert begins[0] == date(2024, 3, 20)  # monthly on the 20th, after 22/02/2024
    rrules = [str(x) for e in parsed.events for x in e.extra if x.name == "RRULE"]
    assert len(rrules) == 4


def test_text_is_escaped_and_folded():
    hostile = ob("1", "annual", (1, 1), evidence="a, b; c\\ d\nline <b>", reporter="X, Y")
    text = calendar([hostile], today=TODAY).text
    assert all(len(line.encode()) <= 75 for line in text.splitlines())
    desc = str(events(text)["1"]["description"])
    assert "a, b; c\\ d\nline <b>" in desc


def test_seed_store_calendar(seed_store_dir):
    store = open_store(seed_store_dir)
    obs = obligations(store)
    report = store_calendar(store, today=TODAY)
    dated = [o for o in obs if o.due]
    assert report.events == len(dated) > 0
    assert len(report.undated) == len(obs) - len(dated)
    for ev in Calendar.from_ical(report.text).walk("VEVENT"):
        assert "Văn bản:" in str(ev["description"])
    one = store_calendar(store, body=dated[0].reporter or dated[0].recipient, today=TODAY)
    assert 0 < one.events <= report.events


def test_cli_export_ics(seed_store_dir, tmp_path):
    out = tmp_path / "r.ics"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "export",
            "--format",
            "ics",
            "--store",
            str(seed_store_dir),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "without a due day" in res.stderr
    assert Calendar.from_ical(out.read_text(encoding="utf-8")).walk("VEVENT")


def test_site_calendar_page_and_body_links(seed_store_dir):
    site = seed_store_dir / "site"
    page = (site / "calendar.html").read_text(encoding="utf-8")
    assert 'href="reporting.ics"' in page and "Không nêu ngày hạn" in page
    whole = Calendar.from_ical((site / "reporting.ics").read_text(encoding="utf-8"))
    linked = [p for p in site.glob("body-*.html") if 'class="ics"' in p.read_text(encoding="utf-8")]
    assert linked
    for p in linked:
        ics_file = site / "calendar" / (p.stem + ".ics")
        one = Calendar.from_ical(ics_file.read_text(encoding="utf-8"))
        assert 0 < len(one.walk("VEVENT")) <= len(whole.walk("VEVENT"))


def _one_calendar(obs, today, stamp) -> str:
    """The calendar as icalendar writes it with every event added to it (what kg.calendar
    did before it made each event's text once)."""
    from kg.calendar import _event, undated_line

    cal = Calendar()
    cal.add("prodid", "-//dkg//reporting calendar//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "dkg: lịch báo cáo")
    undated = []
    for o in obs:
        start = first_due(o, today)
        if start is None:
            undated.append(o)
        else:
            cal.add_component(_event(o, start, stamp))
    for o in undated:
        cal.add("x-dkg-undated", undated_line(o))
    return cal.to_ical().decode("utf-8")


def test_events_made_once_give_the_calendar_icalendar_writes(seed_store_dir):
    stamp = datetime(2026, 12, 7, 6, 39, 14, tzinfo=UTC)
    seeds = obligations(open_store(seed_store_dir))
    for obs in (OBS, seeds, OBS[:1], [], OBS + seeds):
        assert calendar(obs, today=TODAY, stamp=stamp).text == _one_calendar(obs, TODAY, stamp)
        again = calendar(obs, today=TODAY, stamp=datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC))
        assert "DTSTAMP:20270102T030405Z" in again.text or not again.events


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(
                st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)),
                max_size=120,
            ),
            st.sampled_from([None, "annual", "monthly", "quarterly", "semiannual", "ad hoc"]),
            st.one_of(st.none(), st.tuples(st.integers(1, 12), st.integers(1, 28))),
            st.one_of(st.none(), st.text(max_size=200)),
        ),
        max_size=6,
    )
)
def test_any_text_gives_the_calendar_icalendar_writes(rows):
    stamp = datetime(2026, 12, 7, 6, 39, 14, tzinfo=UTC)
    obs = [
        ob(str(i), freq, due, document=text or "x", reporter=text, evidence=evidence)
        for i, (text, freq, due, evidence) in enumerate(rows)
    ]
    assert calendar(obs, today=TODAY, stamp=stamp).text == _one_calendar(obs, TODAY, stamp)


def test_heads_and_stamps_kept_give_what_icalendar_writes_each_time():
    """The head (properties, undated lines) and the DTSTAMP line are kept per process
    (kg.calendar._head, _stamp_line): calendars of other undated sets, names and stamps,
    made one after another, are still each what icalendar writes (the same instant given
    in two zones too)."""
    from datetime import timedelta, timezone

    utc = datetime(2026, 12, 7, 6, 39, 14, tzinfo=UTC)
    plus7 = utc.astimezone(timezone(timedelta(hours=7)))
    assert utc == plus7
    sets = [OBS, OBS[:5], OBS[5:], OBS[6:], OBS[:1], [], OBS[::-1], OBS]
    for stamp in (utc, plus7, utc):
        for obs in sets:
            assert calendar(obs, today=TODAY, stamp=stamp).text == _one_calendar(obs, TODAY, stamp)
    assert "DTSTAMP:20261207T063914Z" in calendar(OBS, today=TODAY, stamp=utc).text
    named = calendar(OBS[5:], name="khác", today=TODAY, stamp=utc).text
    assert "X-WR-CALNAME:khác" in named and "lịch báo cáo" not in named


def test_events_made_in_processes_are_those_made_here(monkeypatch):
    """kg.calendar.make_events shares the events to make with forked workers: every
    dated obligation's event is then kept, and the calendar is what icalendar writes."""
    import kg.calendar as kc

    stamp = datetime(2026, 12, 7, 6, 39, 14, tzinfo=UTC)
    many = [
        ob(f"m{i}", ("annual", "monthly", "ad hoc", None)[i % 4], (1 + i % 12, 1 + i % 28))
        for i in range(40)
    ] + OBS
    monkeypatch.setattr(kc, "POOL_MIN_EVENTS", 1)
    monkeypatch.setattr(kc, "_EVENTS", {})
    assert kc.make_events(many, TODAY, jobs=3) == 45  # 40 + the 5 dated of OBS
    dated = [(o, s) for o in many if (s := first_due(o, TODAY)) is not None]
    assert {kc.event_key(o, s) for o, s in dated} == set(kc._EVENTS)
    for o, s in dated:
        assert kc._EVENTS[kc.event_key(o, s)] == kc._event(o, s, kc._NO_STAMP_AT).to_ical().decode()
    assert kc.make_events(many, TODAY, jobs=3) == 0  # all kept already
    assert calendar(many, today=TODAY, stamp=stamp).text == _one_calendar(many, TODAY, stamp)
