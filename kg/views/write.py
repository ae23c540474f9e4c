"""Writing one page: the template, the context, the page count; pages carried over.

A national site has tens of thousands of pages and adding one plan changes few of them.
Each page gets a key: a digest of the code that renders it, its template, its context
and the records its template looks up through ``site`` (kg.views.common.Site.record_digest).
The keys are kept in the site (``KEYS``); a build given the previous site carries a page
whose key is unchanged over by a hard link (a copy across file systems) instead of
rendering it, so an incremental site is byte for byte the site a full build writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment

from kg.views import reach
from kg.views.common import HERE, KEYS, Site, stable_pickle


@cache
def code_digest() -> str:
    """The views' code and templates: a page rendered by other code is never carried over."""
    from kg import __version__

    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted([*HERE.glob("*.py"), *(HERE / "templates").glob("*.html")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def read_keys(site_dir: Path | None) -> dict[str, str]:
    if site_dir is None:
        return {}
    try:
        keys = json.loads((Path(site_dir) / KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def link_or_copy(src: Path, dest: Path) -> bool:
    """Hard-link ``src`` to ``dest`` (a copy across file systems); False if neither works."""
    try:
        os.link(src, dest)
        return True
    except OSError:
        pass
    try:
        shutil.copyfile(src, dest)
        return True
    except OSError:
        return False


class Write:
    """Renders a template into ``out_dir/name``; page kinds call it once per page."""

    def __init__(
        self,
        env: Environment,
        site: Site,
        out_dir: Path,
        limit: int,
        index_rows: int,
        previous: Path | None = None,
    ) -> None:
        self.env, self.site, self.out_dir = env, site, out_dir
        self.limit = limit  # most nodes a graph may show at once
        self.index_rows = index_rows  # beyond this many rows the index is drawn by site.js
        self.pages = 0
        self.reused = 0  # files carried over from ``previous``
        self.previous = Path(previous) if previous is not None else None
        self.before = read_keys(self.previous)
        self.keys: dict[str, str] = {}
        self._code = f"{code_digest()}:{limit}:{index_rows}"
        self.shard = (0, 1)  # (this process, processes): which items ``share`` yields
        self.jobs = 1  # processes the whole-site pages may use (the calendar's events)
        self._folders: set[str] = set()  # folders made for carried files
        self._from, self._to = os.fspath(self.previous or ""), os.fspath(out_dir)
        self.last = reach.load(self.previous, self._code)  # what its units named
        self.touched: reach.Touched | None = None  # what changed since ``previous``
        self._redo: set[str] | None = None
        self._planned = False
        self.quiet = False  # nothing changed since ``previous`` (known from its reach)
        # name -> its files, the records they show, gather, and show through those (via)
        self.units: dict[str, tuple[list[str], Any, Any, Any]] = {}
        self._unit: str | None = None  # the unit being written
        # ``out_dir`` already holds every file of ``previous``, hard-linked (kg.views.site
        # Prelink): a page carried over is there, a page made replaces its link (never
        # written through it: that would change the previous site), and ``prune`` takes
        # out what the new site does not have
        self.prelinked = False
        self.loose: set[str] = set()  # files written without a key (kept by ``prune``)
        self._linked: dict[str, set[str]] = {}  # prelinked folder -> the files in it
        self._under: dict[str, list[str]] | None = None  # see kept_under
        self._through: set[str] = set()  # units made with ``through`` (see unit)

    @property
    def redo(self) -> set[str] | None:
        """The units to make again (None: every one, when what changed is not known);
        the first call must come after the calendar (its links are among the maps)."""
        if not self._planned:
            self._planned = True
            if self.touched is not None and self.last is not None:
                maps = self.site.shown_maps()
                self._redo = reach.redo(self.last, self.touched, maps, self.site._own)
                self.quiet = not self.touched.any() and self.last.maps == maps
        return self._redo

    def whole(self, name: str, template: str, **context: Any) -> None:
        """A page made from every record (the index): its key would pickle them all and
        nearly any change changes it, so it is keyed by what it says once made. With the
        last site's reach at hand and nothing changed it is carried without being made."""
        self.pages += 1
        if self.redo is not None and self.quiet and name in self.before and self._carry(name):
            self.keys[name] = self.before[name]
            self.reused += 1
            return
        text = self.env.get_template(template).render(site=self.site, **context)
        h = hashlib.blake2b(text.encode(), digest_size=16, key=self._code.encode()[:64])
        key = self.keys[name] = "made:" + h.hexdigest()
        if self.before.get(name) == key and self._carry(name):
            self.reused += 1
            return
        self._put(name, text)

    def unit(self, name: str, *gathers: str, through: bool = False) -> bool:
        """Start the pages of one document, body or cascade (``name``: its first page),
        which gather what names ``gathers`` (kg.views.reach). True when they were carried
        over from the previous site without being made: nothing they show changed.
        ``through``: the pages show the records they name only as their keys cover them
        (their own digests, kg.views.common.Site._own), what else they show being among
        ``gathers`` (a digest of it): a record's other facts changing leaves them."""
        redo = self.redo
        if redo is not None and self.last is not None and name not in redo:
            kept = self.last.units.get(name)
            if kept is not None and self._carry_all(kept[0]):  # a national site: 100,000 times
                self.units[name] = kept if len(kept) > 3 else (*kept, reach.via(kept))
                before, keys = self.before, self.keys
                for file in kept[0]:
                    keys[file] = before[file]
                self.pages += len(kept[0])
                self.reused += len(kept[0])
                self._unit = None
                return True
        self.units[name] = ([], set(), set(gathers), set())
        self._unit = name
        if through:
            self._through.add(name)
        return False

    def gather(self, records: Iterable[str]) -> None:
        """The current unit's pages also gather what names these (a cascade's members)."""
        unit = self.units.get(self._unit) if self._unit is not None else None
        if unit is not None:
            unit[2].update(records)

    def show(self, records: Iterable[str]) -> None:
        """The current unit is made again when one of these records changes, though its
        pages do not name it (a cascade's overview counts the plans of each province by
        level; their pages, units of their own, list them)."""
        unit = self.units.get(self._unit) if self._unit is not None else None
        if unit is not None and unit[1] is not None:
            unit[1].update(records)

    def kept_under(self, name: str) -> list[str]:
        """The last site's units named ``<name without .html>--…`` (a cascade's province
        pages), found from one pass over its units."""
        if self._under is None:
            self._under = {}
            for unit in self.last.units if self.last is not None else ():
                head, sep, _tail = unit.partition("--")
                if sep:
                    self._under.setdefault(head, []).append(unit)
        return self._under.get(name.removesuffix(".html"), [])

    def gathered(self, name: str) -> set[str] | None:
        """What the last site's unit ``name`` gathered (None: no such unit)."""
        kept = self.last.units.get(name) if self.last is not None else None
        if kept is None:
            return None
        return {self.last.iris[i] for i in kept[2] if i >= 0}

    def end_unit(self) -> None:
        self._unit = None

    def _carry_all(self, files: Iterable[str]) -> bool:
        """Link every file of a unit from the previous site, or none of them."""
        before = self.before
        if not all(f in before for f in files):
            return False
        if self.prelinked and all(self._linked_in(f) for f in files):
            return True  # all there already
        done = []
        for file in files:
            if not self._carry(file):
                for made in done:
                    (self.out_dir / made).unlink(missing_ok=True)
                    self._unlinked(made)
                return False
            done.append(file)
        return True

    def share(self, items: Iterable[Any]) -> Iterator[Any]:
        """The items whose pages this process writes (every one unless rendering is split
        over processes, kg.views.site): one in ``n``, so heavy pages spread evenly."""
        mine, n = self.shard
        for k, item in enumerate(items):
            if k % n == mine:
                yield item

    def __call__(self, name: str, template: str, **context: Any) -> None:
        self.pages += 1
        self.file(
            name,
            (template, context),
            lambda: self.env.get_template(template).render(site=self.site, **context),
        )

    def file(self, name: str, inputs: Any, make: Callable[[], str], complete: bool = False) -> None:
        """Write ``make()`` to ``name``, or carry the previous site's file over when it was
        made from the same ``inputs`` (and the records they name) by the same code.
        ``complete``: the inputs hold all the file shows (it looks no record up), so the
        records they name are not digested: a file listing every report of the corpus
        digested every document's record on each build."""
        unit = self.units.get(self._unit) if self._unit is not None else None
        if unit is not None:
            unit[0].append(name)
        if complete:
            assert unit is None, "a unit's files name the records that make it again"
            key = self.key(inputs, refs=False)
        else:
            named: tuple = ()
            if unit is not None:  # a ``through`` unit's records are all shown through
                named = (unit[3] if self._unit in self._through else unit[1], unit[3])
            key = self.key(inputs, *named)
        if unit is not None and key is None:
            self.units[self._unit] = (unit[0], None, unit[2], None)  # what it shows: unknown
        if key is not None:
            self.keys[name] = key
            if self.before.get(name) == key and self._carry(name):
                self.reused += 1
                return
        else:
            self.loose.add(name)
        self._put(name, make())

    def _put(self, name: str, text: str) -> None:
        path = f"{self._to}/{name}"
        if self.prelinked:  # the previous site's file: replace the link, not its content
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)

    def key(
        self,
        inputs: Any,
        named: set[str] | None = None,
        via: set[str] | None = None,
        refs: bool = True,
    ) -> str | None:
        """Digest of the inputs and of every record they name (added to ``named``) and of
        the records those name (added to ``via``, else to ``named``: only their own part of
        the digest covers them, kg.views.reach); none with ``refs`` False. None if the
        inputs cannot be pickled."""
        try:
            pickled = stable_pickle(inputs)
        except Exception:  # a lambda, a recursive structure: render it every time
            return None
        h = hashlib.blake2b(pickled, digest_size=16, key=self._code.encode()[:64])
        if not refs:
            return h.hexdigest()
        site = self.site
        for iri in site.refs(pickled):
            h.update(site.record_digest(iri))
            if named is not None:
                named.add(iri)
                (named if via is None else via).update(site.record_refs(iri))
        return h.hexdigest()

    def _carry(self, name: str) -> bool:
        """Link the previous site's file (False when it has none: a folder is no file).
        Paths as strings: a national site carries over a hundred thousand files."""
        assert self.previous is not None
        if self.prelinked and self._linked_in(name):
            return True  # linked already
        folder = name.rpartition("/")[0]
        if folder not in self._folders:  # one mkdir per folder, not one per page
            (self.out_dir / folder).mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        src, dest = f"{self._from}/{name}", f"{self._to}/{name}"
        try:
            os.link(src, dest)
            return True
        except OSError:
            return link_or_copy(Path(src), Path(dest))

    def _in_folder(self, folder: str) -> set[str]:
        """The files of a prelinked folder, listed once: one stat per carried page cost
        seconds at national scale. Only this writer takes files out (``_unlinked``)."""
        names = self._linked.get(folder)
        if names is None:
            try:
                names = set(os.listdir(f"{self._to}/{folder}" if folder else self._to))
            except OSError:
                names = set()
            self._linked[folder] = names
        return names

    def _linked_in(self, name: str) -> bool:
        folder, _, base = name.rpartition("/")
        return base in self._in_folder(folder)

    def _unlinked(self, name: str) -> None:
        folder, _, base = name.rpartition("/")
        self._linked.get(folder, set()).discard(base)

    def save_keys(self) -> None:
        with contextlib.suppress(OSError):
            (self.out_dir / KEYS).unlink(missing_ok=True)  # maybe the previous site's, linked
            (self.out_dir / KEYS).write_text(
                json.dumps(self.keys, sort_keys=True, indent=0), encoding="utf-8"
            )

    def prune(self, keep: Iterable[str], skip: Iterable[str]) -> None:
        """Take the previous site's files the new one does not have out of a prelinked
        folder: every file that is neither a page of this site (``keys``, ``loose``) nor in
        ``keep``; the top folders in ``skip`` are left alone (made whole elsewhere)."""
        if not self.prelinked:
            return
        present = set(self.keys) | self.loose | set(keep)
        skipped = set(skip)
        for root, dirs, files in os.walk(self._to):
            rel = os.path.relpath(root, self._to)
            if rel == ".":
                dirs[:] = [d for d in dirs if d not in skipped]
            for file in files:
                name = file if rel == "." else f"{rel}/{file}"
                if name not in present:
                    os.unlink(f"{root}/{file}")
