"""kg.views.write: a site built with the previous one at hand carries its unchanged pages
over, and is byte for byte the site a full build writes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.build import build
from kg.read import load_model
from kg.views.site import write_site
from kg.views.write import KEYS

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
ID = "https://w3id.org/dkg/id/"
STAMP = re.compile(rb"^DTSTAMP:.*$", re.M)  # when an .ics was written: carried over as is


def tree(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            out[str(path.relative_to(site))] = (
                STAMP.sub(b"", data) if path.suffix == ".ics" else data
            )
    return out


def sample_model(without: str | None = None):
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    if without:
        store.remove_graph(ox.NamedNode(ID + "graph/source/" + without))
    return load_model(store)


def test_an_incremental_site_equals_a_full_one(tmp_path):
    before = write_site(sample_model(without="xa-tien-noi"), tmp_path / "before")
    assert before.reused == 0 and (tmp_path / "before" / KEYS).is_file()
    full = write_site(sample_model(), tmp_path / "full")
    inc = write_site(sample_model(), tmp_path / "inc", previous=tmp_path / "before")
    assert tree(tmp_path / "inc") == tree(tmp_path / "full")
    assert 0 < inc.reused < inc.pages == full.pages  # some pages changed, most did not
    again = write_site(sample_model(), tmp_path / "again", previous=tmp_path / "inc")
    assert again.reused >= again.pages  # nothing changed: every page (and .ics) carried over
    assert tree(tmp_path / "again") == tree(tmp_path / "full")


def test_a_site_rebuilt_in_place_carries_its_own_pages(tmp_path):
    site = tmp_path / "site"
    write_site(sample_model(), site)
    first = tree(site)
    report = write_site(sample_model(), site, previous=site)
    assert report.reused >= report.pages
    assert tree(site) == first


def test_a_changed_template_renders_everything_again(tmp_path, monkeypatch):
    from kg.views import write

    write_site(sample_model(), tmp_path / "a")
    monkeypatch.setattr(write, "code_digest", lambda: "other code")
    report = write_site(sample_model(), tmp_path / "b", previous=tmp_path / "a")
    assert report.reused == 0
    assert tree(tmp_path / "b") == tree(tmp_path / "a") | {KEYS: tree(tmp_path / "b")[KEYS]}


def test_an_added_plan_rebuilds_only_the_pages_it_touches(tmp_path, seed_paths):
    src = tmp_path / "src"
    src.mkdir()
    for p in seed_paths:
        shutil.copy(p, src / p.name)
    files = sorted(src.iterdir())
    out = tmp_path / "out"
    build(files[:1] + files[2:], out)
    build(files, out)
    build(files, tmp_path / "full")
    assert tree(out / "site") == tree(tmp_path / "full" / "site")
    pages = list((out / "site").glob("*.html"))
    linked = [p for p in pages if p.stat().st_nlink > 1]
    assert 0 < len(linked) < len(pages)


def test_pages_rendered_in_processes_equal_those_rendered_in_one(tmp_path, monkeypatch):
    from kg.views import site

    monkeypatch.setattr(site, "POOL_MIN_PAGES", 0)
    one = write_site(sample_model(), tmp_path / "one")
    two = write_site(sample_model(), tmp_path / "two", jobs=2)
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert two.pages == one.pages
    write_site(sample_model(without="xa-tien-noi"), tmp_path / "before", jobs=3)
    inc = write_site(sample_model(), tmp_path / "inc", previous=tmp_path / "before", jobs=2)
    assert tree(tmp_path / "inc") == tree(tmp_path / "one")
    assert 0 < inc.reused < inc.pages == one.pages
    assert tree(tmp_path / "before") == tree(
        write_site(sample_model(without="xa-tien-noi"), tmp_path / "b1").path
    )


def test_a_build_renders_its_site_in_processes_reading_the_store_on_disk(
    tmp_path, seed_paths, monkeypatch
):
    from kg.views import site

    build(seed_paths, tmp_path / "one")
    monkeypatch.setattr(site, "POOL_MIN_PAGES", 0)
    build(seed_paths, tmp_path / "two", jobs=2)
    assert tree(tmp_path / "two" / "site") == tree(tmp_path / "one" / "site")


def test_a_plan_added_to_a_generated_corpus_carries_the_other_pages_over(tmp_path):
    """A national corpus, then one more commune plan: the site equals a full build's, and
    the pages the plan cannot reach are carried over (their keys do not depend on the
    order the store returns rows in, which changes as the store does)."""
    from tests.generated import generate_corpus

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 40, 2)
    files = sorted(corpus.glob("*.txt"))
    out = tmp_path / "out"
    build(files[:-1], out)
    build(files, out)
    build(files, tmp_path / "full")
    assert tree(out / "site") == tree(tmp_path / "full" / "site")
    pages = list((out / "site").glob("*.html"))
    linked = [p for p in pages if p.stat().st_nlink > 1]
    assert len(linked) > len(pages) * 0.8, (len(linked), len(pages))


def test_the_last_sites_event_texts_are_used_again(tmp_path, monkeypatch):
    """reporting.ics is written again when an obligation is added; the texts of the other
    events come from the last site's .ics-events.json (kg.calendar.event_text)."""
    from kg import calendar as cal
    from kg.views.calendar_page import EVENTS

    write_site(sample_model(without="xa-tien-noi"), tmp_path / "before")
    assert (tmp_path / "before" / EVENTS).is_file()
    made = []
    real = cal._event
    monkeypatch.setattr(cal, "_event", lambda *a: made.append(a[0].iri) or real(*a))
    counts = []
    for name, previous in (("inc", tmp_path / "before"), ("full", None)):
        monkeypatch.setattr(cal, "_EVENTS", {})  # a new process: nothing made yet
        made.clear()
        write_site(sample_model(), tmp_path / name, previous=previous)
        counts.append(len(made))
    assert tree(tmp_path / "inc") == tree(tmp_path / "full")
    assert counts[0] < counts[1]  # the incremental site made fewer events than a full one


def _raw(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_the_previous_site_is_linked_in_whole_and_left_as_it_was(tmp_path, monkeypatch):
    """The previous site is hard-linked into the new folder first (site.Prelink, `cp -al`):
    the pages made again replace their links without writing through them, the pages of a
    plan taken out are pruned, and without `cp` the pages are carried one by one."""
    from kg.views import site

    before = tmp_path / "before"
    write_site(sample_model(), before, originals=[("a/plan.txt", SAMPLE)])
    kept = _raw(before)
    full = tmp_path / "full"
    write_site(sample_model(without="xa-tien-noi"), full)
    inc = write_site(sample_model(without="xa-tien-noi"), tmp_path / "inc", previous=before)
    assert _raw(before) == kept  # nothing written through a link
    assert tree(tmp_path / "inc") == tree(full)  # the plan's pages and its original pruned
    assert 0 < inc.reused < inc.pages
    assert (tmp_path / "inc" / "index.html").stat().st_ino != (before / "index.html").stat().st_ino

    def no_cp(*args, **kwargs):
        raise OSError("no cp here")

    monkeypatch.setattr(site.subprocess, "Popen", no_cp)
    again = write_site(sample_model(without="xa-tien-noi"), tmp_path / "b", previous=before)
    assert tree(tmp_path / "b") == tree(full) and again.reused == inc.reused
    assert _raw(before) == kept


_SITE_IN_A_PROCESS = """
import sys
from tests.test_views_incremental import sample_model
from kg.views.site import write_site
previous = sys.argv[2] if len(sys.argv) > 2 else None
model = sample_model()
report = model.reports[0]  # an obligation of three bodies: reporter, recipient, via
others = [iri for iri in sorted(model.bodies) if iri != report.recipient]
report.reporter, report.via = others[:2]
report = write_site(model, sys.argv[1], previous=previous)
print(report.reused, report.pages)
"""


def test_calendar_pages_are_carried_by_a_site_made_in_another_process(tmp_path):
    """Two builds are two processes, whose str hashes differ (PYTHONHASHSEED): what keys a
    page must not depend on them. An obligation's bodies were a frozenset, pickled in hash
    order, so calendar.html was never carried over; they are a sorted tuple now."""
    import os
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    runs = []
    made = [("1", [tmp_path / "a"])]  # then three other processes carry its pages over
    made += [(seed, [tmp_path / seed, tmp_path / "a"]) for seed in ("2", "3", "4")]
    for seed, args in made:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-c", _SITE_IN_A_PROCESS, *map(str, args)],
            env=env, cwd=root, capture_output=True, text=True, check=True,
        )  # fmt: skip
        runs.append(done.stdout.split())
    for seed, (reused, pages) in zip("234", runs[1:], strict=True):
        assert int(reused) >= int(pages)  # nothing changed: every page carried, calendar too
        page = tmp_path / seed / "calendar.html"
        assert page.stat().st_ino == (tmp_path / "a" / "calendar.html").stat().st_ino
        assert tree(tmp_path / seed) == tree(tmp_path / "a")


def test_the_templates_compiled_code_is_kept_for_the_next_build(tmp_path, monkeypatch):
    """A build keeps its templates' compiled code beside its site (site.Compiled): the next
    one renders the same pages without compiling any; a changed template is compiled again."""
    from jinja2 import Environment

    from kg.views import site

    compiled = []
    real = Environment.compile
    monkeypatch.setattr(
        Environment, "compile", lambda self, *a, **k: compiled.append(1) or real(self, *a, **k)
    )
    write_site(sample_model(), tmp_path / "a", keep_reach=True)
    assert compiled and site.Compiled.path_of(tmp_path / "a").is_file()
    compiled.clear()
    write_site(sample_model(), tmp_path / "b", previous=tmp_path / "a", keep_reach=True)
    assert not compiled
    assert tree(tmp_path / "b") == tree(tmp_path / "a")
    broken = site.Compiled(tmp_path / "b")
    broken.kept = {k: b"j2 not what jinja wrote" for k in broken.kept}  # another version's
    broken.save(tmp_path / "c")
    write_site(sample_model(), tmp_path / "d", previous=tmp_path / "c")
    assert compiled
    assert tree(tmp_path / "d") == tree(tmp_path / "a")


def test_a_national_cascades_province_pages_are_units_of_their_own(tmp_path, monkeypatch):
    """A cascade grouped by province (more plans than CASCADE_LIMIT): a plan added in one
    province makes the overview and that province's page; the other provinces' pages are
    carried over without being made, and the site equals a full build's."""
    from kg.views import cascade_page
    from tests.generated import generate_corpus

    monkeypatch.setattr(cascade_page, "CASCADE_LIMIT", 5)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 40, 2)
    files = sorted(corpus.glob("*.txt"))
    out = tmp_path / "out"
    build(files[:-1], out)
    made = []
    real = cascade_page.cascade_graph
    monkeypatch.setattr(
        cascade_page, "cascade_graph", lambda *a, **k: made.append(1) or real(*a, **k)
    )
    build(files, out)
    graphs = len(made)  # the overview's and the province pages' made
    build(files, tmp_path / "full")
    assert tree(out / "site") == tree(tmp_path / "full" / "site")
    provinces = list((out / "site").glob("cascade-*--*.html"))
    assert len(provinces) > 2
    assert 0 < graphs < len(provinces)  # the province the plan is in, not the others
    linked = [p for p in provinces if p.stat().st_nlink > 1]
    assert len(linked) >= len(provinces) - 2
