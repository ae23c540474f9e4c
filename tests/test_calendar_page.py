"""kg.views.calendar_page: a calendar too long for one page is split by month into parts
whose boundaries do not move when a plan adds or takes out a row elsewhere."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from kg.calendar import Obligation
from kg.views import calendar_page
from kg.views.calendar_page import PAGE_ROWS, calendar_parts, calendar_rows, part_name
from kg.views.site import write_site
from tests.test_views_incremental import sample_model, tree

TODAY = date(2026, 3, 1)


def _ob(k: int, due: tuple[int, int] | None) -> Obligation:
    return Obligation(
        iri=f"https://example.org/doc/{k}/reporting/1",
        doc=f"https://example.org/doc/{k}",
        document=f"Kế hoạch {k}/KH-UBND",
        doc_date="2025-01-02",
        frequency="annual" if due else None,
        due=due,
        deadline=None,
        reporter="Ủy ban nhân dân xã",
        recipient="Ủy ban nhân dân tỉnh",
        via=None,
        evidence="Báo cáo kết quả thực hiện trước ngày nêu trên.",
    )


def _parts(obs: list[Obligation]) -> dict[str, list[str]]:
    dated, undated = calendar_rows(obs, TODAY)
    return {
        part_name(month, rows): [calendar_page._ob(r).iri for r in rows]
        for month, rows in calendar_parts(dated, undated)
    }


def test_an_added_row_changes_only_the_part_it_falls_in():
    rnd = random.Random(7)
    obs = [_ob(k, (rnd.randint(1, 12), rnd.randint(1, 28)) if k % 9 else None) for k in range(6000)]
    before = _parts(obs)
    assert all(len(rows) <= 2 * PAGE_ROWS for rows in before.values())
    assert sum(map(len, before.values())) == len(obs)
    months = [name.split("-")[2] for name in before if name.startswith("calendar-thang-")]
    assert months == sorted(months)  # parts in calendar order, each within one month
    for extra in (_ob(90001, (6, 15)), _ob(90002, None), _ob(90003, (1, 1))):
        after = _parts([*obs, extra])
        changed = {n for n in after if before.get(n) != after[n]}
        assert 1 <= len(changed) <= 2, changed  # its part (split in two when it ends one)
        assert extra.iri in {i for n in changed for i in after[n]}
        assert len(set(before) - set(after)) <= 1


def test_a_long_calendar_has_an_overview_and_parts_equal_when_made_again(tmp_path, monkeypatch):
    monkeypatch.setattr(calendar_page, "PAGE_ROWS", 1)  # every obligation a part of its own
    write_site(sample_model(without="xa-tien-noi"), tmp_path / "before")
    full = write_site(sample_model(), tmp_path / "full")
    inc = write_site(sample_model(), tmp_path / "inc", previous=tmp_path / "before")
    assert tree(tmp_path / "inc") == tree(tmp_path / "full") and inc.pages == full.pages
    overview = (tmp_path / "full" / "calendar.html").read_text(encoding="utf-8")
    parts = sorted(Path(tmp_path / "full").glob("calendar-*.html"))
    assert parts and 'id="calendar-months"' in overview
    for part in parts:
        assert f'href="{part.name}"' in overview
        text = part.read_text(encoding="utf-8")
        assert 'href="calendar.html"' in text and "calendar-dated" in text
