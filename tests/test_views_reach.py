"""kg.views.reach: an incremental build models only the pages its changed graphs reach,
and its site is still byte for byte a full build's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from kg.build import build
from kg.views import reach
from kg.views.site import write_site
from kg.views.write import Write
from tests.generated import generate_corpus
from tests.test_views_incremental import sample_model, tree

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _corpus(folder: Path, plans: int = 40) -> list[Path]:
    return sorted(generate_corpus(folder, plans, 2).glob("*.txt"))


def _later_day(path: Path) -> None:
    """The plan's own date one day later (its number and date are what its children cite)."""
    text = path.read_text(encoding="utf-8")

    def later(m: re.Match) -> str:
        day = int(m.group(1))
        return f"ngày {day - 1 if day > 27 else day + 1:02d} tháng"

    path.write_text(re.sub(r"ngày (\d+) tháng", later, text, count=1), encoding="utf-8")


def test_added_changed_and_removed_plans_model_only_the_pages_they_reach(tmp_path, monkeypatch):
    """Each step's site equals a full build's, and most units are carried over unmade."""
    src = tmp_path / "src"
    files = _corpus(src)
    extra = files[-1]
    moved = tmp_path / extra.name
    shutil.move(extra, moved)
    out = tmp_path / "out"
    build([src], out)
    made, carried = [], []
    real = Write.unit

    def unit(self, name, *gathers):
        done = real(self, name, *gathers)
        (carried if done else made).append(name)
        return done

    monkeypatch.setattr(Write, "unit", unit)
    parent = next(p for p in files if "ubnd" in p.name and p != extra)
    steps = {
        "added": lambda: shutil.move(moved, extra),
        "changed": lambda: _later_day(src / parent.name),
        "removed": lambda: (src / files[-3].name).unlink(),
    }
    for name, step in steps.items():
        step()
        made.clear()
        carried.clear()
        build([src], out)
        assert carried and len(made) < len(carried) / 2, (name, len(made), len(carried))
        assert any(".ics@" in unit for unit in carried), name  # a body's calendar file too
        mine = list(made)
        build([src], tmp_path / name)
        assert tree(out / "site") == tree(tmp_path / name / "site"), name
        assert len(mine) < len(made), name  # the full build made every unit


def _reach(units: dict, iris: list[str], maps: dict | None = None) -> reach.Reach:
    return reach.Reach(iris, units, maps if maps is not None else {"pages": {}})


def test_a_unit_is_made_again_when_a_record_it_shows_or_gathers_changes():
    iris = ["d1", "b1", "b2"]
    units = {
        "doc-1.html": (("doc-1.html",), (0, 1), (0,)),  # shows d1 and b1, gathers d1
        "body-1.html": (("body-1.html",), (1,), (1,)),
        "body-2.html": (("body-2.html",), (2,), (2,)),
    }
    last = _reach(units, iris)
    maps = {"pages": {}}
    redo = reach.redo(last, reach.Touched({"b1"}, set(), set()), maps)
    assert redo == {"doc-1.html", "body-1.html"}
    # something new names b2 (a duty): b2's page gathers it; no page shows a changed b2
    redo = reach.redo(last, reach.Touched(set(), {"b2"}, set()), maps)
    assert redo == {"body-2.html"}
    # b1's page name changed: the pages that link it are made again
    moved = _reach(units, iris, {"pages": {"b1": "old.html"}})
    assert reach.redo(moved, reach.Touched(set(), set(), set()), {"pages": {"b1": "new.html"}}) == {
        "doc-1.html",
        "body-1.html",
    }


def test_a_changed_subject_no_page_shows_makes_every_unit_again():
    last = _reach({"doc-1.html": (("doc-1.html",), (0,), (0,))}, ["d1"])
    touched = reach.Touched(set(), set(), {"https://w3id.org/dkg/id/change/x"})
    assert reach.redo(last, touched, {"pages": {}}) is None
    unknown_inputs = _reach({"doc-1.html": (("doc-1.html",), (reach.ALL,), ())}, ["d1"])
    assert reach.redo(unknown_inputs, reach.Touched(set(), set(), set()), {"pages": {}}) == {
        "doc-1.html"
    }


def test_the_reach_of_another_site_is_not_used(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_site(sample_model(without="xa-tien-noi"), a, keep_reach=True)
    write_site(sample_model(), b, keep_reach=True)
    kept = reach.path_of(a).read_bytes()
    assert reach.load(a, _code(a)) is not None
    reach.path_of(b).write_bytes(kept)  # b's pages are not the ones a's reach describes
    assert reach.load(b, _code(b)) is None


def _code(site: Path) -> str:
    import marshal

    return marshal.loads(reach.path_of(site).read_bytes())["code"]


def test_a_unit_showing_a_record_through_another_waits_for_its_own_part_to_change():
    """doc-1 shows d2 only through a record that names it (a duty listing the plans it
    was dropped in): its key covers d2's own digest, so a change to d2's duties leaves it."""
    iris = ["d1", "d2"]
    units = {
        "doc-1.html": (("doc-1.html",), (0,), (0,), (1,)),
        "doc-2.html": (("doc-2.html",), (1,), (1,), ()),
    }
    last = reach.Reach(iris, units, {"pages": {}}, {1: b"own of d2"})
    touched = reach.Touched({"d2"}, set(), set())
    same = reach.redo(last, touched, {"pages": {}}, lambda iri: b"own of d2")
    assert same == {"doc-2.html"}
    other = reach.redo(last, touched, {"pages": {}}, lambda iri: b"d2 renamed")
    assert other == {"doc-1.html", "doc-2.html"}
    assert reach.redo(last, touched, {"pages": {}}) == {"doc-1.html", "doc-2.html"}
