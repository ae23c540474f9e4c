"""The staff site: static HTML pages with interactive graphs, readable offline.

``build_site`` reads the read model of the store (kg.read), then
writes every page kind in ``PAGE_KINDS``: one module per kind (as Datasette's views/
has), each writing its pages through one ``Write``. Pages work from file:// and
behind ``dkg serve``: links are relative, vis-network and the CSS are bundled in
static/, nothing is fetched. Escaping: see kg.views.common.
"""

from __future__ import annotations

import contextlib
import glob
import marshal
import os
import re
import shutil
import stat
import subprocess
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, select_autoescape
from jinja2.bccache import Bucket

from kg.read import ReadModel, load_model, patch
from kg.read.facts_cache import FactsCache, read_facts
from kg.shares import can_fork, in_shares, wait_aside
from kg.views import body_page, cascade_page, doc_page, index_page, reach
from kg.views.calendar_page import write_calendar_pages
from kg.views.common import (
    FREQ_VI,
    INDEX_ROW_LIMIT,
    KEYS,
    KIND_VI,
    LEVEL_COLOUR,
    LEVEL_VI,
    MODE_VI,
    NODE_LIMIT,
    RELATION_VI,
    ROLE_VI,
    STATIC_DIR,
    TEMPLATE_DIR,
    Site,
    date_vi,
    doc_title,
    ev_attrs,
    fold,
    original_path,
    safe_json,
)
from kg.views.i18n import CAPTIONS, t
from kg.views.workbench import write_workbench
from kg.views.write import Write


def _calendar(site: Site, write: Write) -> None:
    write_calendar_pages(site, write.out_dir, write, doc_title)


def _workbench(site: Site, write: Write) -> None:
    write_workbench(write)


@dataclass(frozen=True)
class PageKind:
    name: str
    write_pages: Callable[[Site, Write], None]
    per_item: bool = False  # one page per document / body / cascade: split over processes


# The site's pages, in the order they are written (the calendar sets the .ics links the
# body pages show, so it comes first).
PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("calendar", _calendar),
    PageKind("index", index_page.write_pages),
    PageKind("document", doc_page.write_pages, per_item=True),
    PageKind("body", body_page.write_pages, per_item=True),
    PageKind("cascade", cascade_page.write_pages, per_item=True),
    PageKind("workbench", _workbench),
)


class Compiled(BytecodeCache):
    """The templates' compiled code, kept beside the site (``site-templates.marshal``):
    compiling them took a second of every build, even one that adds a single plan.
    Jinja checks each entry against its template's source and its own and Python's
    versions, so code kept by another revision is compiled again."""

    def __init__(self, previous: Path | None = None) -> None:
        self.kept: dict[str, bytes] = {}
        self.changed = False
        if previous is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                kept = marshal.loads(self.path_of(previous).read_bytes())
                if isinstance(kept, dict):
                    self.kept = kept

    @staticmethod
    def path_of(site_dir: Path) -> Path:
        """Beside the site, outside it: not a file of it."""
        return Path(site_dir).with_name(Path(site_dir).name + "-templates.marshal")

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.kept.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # left empty unless it is this source's code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()
        self.changed = True

    def save(self, site_dir: Path) -> None:
        """Write what was compiled (beside, then renamed) when the site is kept."""
        path = self.path_of(site_dir)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        try:
            tmp.write_bytes(marshal.dumps(self.kept))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _env(compiled: Compiled | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        bytecode_cache=compiled,
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one build: no stat of every template for every page
    )
    env.filters["date_vi"] = date_vi
    env.filters["fold"] = fold
    env.filters["basename"] = lambda path: re.split(r"[/\\]", path)[-1] if path else ""
    env.globals.update(
        ROLE_VI=ROLE_VI,
        MODE_VI=MODE_VI,
        LEVEL_VI=LEVEL_VI,
        KIND_VI=KIND_VI,
        FREQ_VI=FREQ_VI,
        RELATION_VI=RELATION_VI,
        LEVEL_COLOUR=LEVEL_COLOUR,
        doc_title=doc_title,
        safe_json=safe_json,
        ev_attrs=ev_attrs,
        t=t,
        CAPTIONS=CAPTIONS,
    )
    return env


@dataclass
class SiteReport:
    pages: int
    documents: int
    bodies: int
    cascades: int
    seconds: float
    path: Path
    warnings: list[str] = field(default_factory=list)  # originals that could not be copied
    reused: int = 0  # files carried over from the previous site unchanged


class Prelink:
    """The previous site hard-linked whole into the new one's folder by ``cp -al``, a
    process of its own that runs on the other core while this one reads the model: a
    national site carries over a hundred thousand pages, one ``os.link`` each, when adding
    one plan. The writer then replaces the pages it makes (kg.views.write.Write.prelinked)
    and prunes those the new site no longer has. Without ``cp`` (or when it fails) the
    folder is emptied and the pages are carried one by one as before."""

    def __init__(self, site_dir: Path, previous: Path) -> None:
        self.tmp = _staging(site_dir)
        try:
            self.process: subprocess.Popen | None = subprocess.Popen(
                ["cp", "-al", "--", f"{previous}/.", str(self.tmp)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.process = None

    def wait(self) -> bool:
        """True when every file of the previous site is linked in; else an empty folder."""
        done = self.process is not None and self.process.wait() == 0
        if not done:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp.mkdir()
        return done

    def close(self) -> None:
        """Stop ``cp`` and remove the folder (a build that failed before using it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _staging(site_dir: Path) -> Path:
    """A new empty folder beside ``site_dir`` for its next version (``site.new-PID``); the
    ones interrupted builds left are removed."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in site_dir.parent.glob(glob.escape(site_dir.name) + ".*-*"):
        if (
            re.fullmatch(re.escape(site_dir.name) + r"\.(new|old)-\d+", stale.name)
            and stale.is_dir()
        ):
            shutil.rmtree(stale, ignore_errors=True)  # left by an interrupted build
    tmp = site_dir.with_name(site_dir.name + f".new-{os.getpid()}")
    tmp.mkdir()
    return tmp


def write_site(
    data: ReadModel,
    site_dir: Path,
    limit: int = NODE_LIMIT,
    index_rows: int = INDEX_ROW_LIMIT,
    originals: Iterable[tuple[str, Path]] = (),
    previous: Path | None = None,
    jobs: int = 1,
    touched: reach.Touched | None = None,
    keep_reach: bool = False,
    prelink: Prelink | None = None,
) -> SiteReport:
    """Render every page of ``data`` into ``site_dir``, replacing the old site only once complete.

    The pages are written beside it (``site.new-PID``) and swapped in, so a failed or
    interrupted build leaves the previous site as it was. ``previous`` is the site of the
    last build (it may be ``site_dir`` itself): its pages whose inputs did not change are
    hard-linked instead of rendered again (kg.views.write). ``jobs``: processes that
    render the per-document, per-body and per-cascade pages. ``touched``: the records
    that changed since ``previous`` and the changed subjects that are none (kg.views.reach):
    then only the documents, bodies and cascades naming them are made at all.
    ``keep_reach``: keep what each page named, and the templates' compiled code
    (``Compiled``), beside the site for the next build.
    ``prelink``: the previous site being linked into the new one's folder (build_site
    starts it early); with ``previous`` and none, it is linked here.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    if prelink is None and previous is not None:
        prelink = Prelink(site_dir, Path(previous))
    tmp = prelink.tmp if prelink is not None else _staging(site_dir)
    try:
        prelinked = prelink is not None and prelink.wait()
        if prelinked:  # made again below: never written through a link into ``previous``
            shutil.rmtree(tmp / "static", ignore_errors=True)
        shutil.copytree(STATIC_DIR, tmp / "static")
        copied, problems = copy_originals(tmp, originals, previous)
        report, write = _render(
            data, tmp, limit, index_rows, copied, previous, jobs, touched, prelinked
        )
        report.warnings = problems
        write.prune({KEYS}, {"static", "sources"})
        if prelinked:
            _prune_sources(tmp, copied)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = site_dir.with_name(site_dir.name + f".old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)
    if keep_reach:
        site = write.site
        reach.save(site_dir, write._code, write.units, write.last, site.shown_maps(), site._own)
        write.env.bytecode_cache.save(site_dir)
    report.path = site_dir
    report.seconds = time.perf_counter() - started
    return report


def _prune_sources(tmp: Path, copied: dict[str, str]) -> None:
    """The previous site's originals of sources no longer given (one folder each)."""
    kept = {original_path(name).split("/")[1] for name in copied}
    with contextlib.suppress(OSError), os.scandir(tmp / "sources") as entries:
        for entry in entries:
            if entry.name not in kept:
                shutil.rmtree(entry.path, ignore_errors=True)


def _render(
    data: ReadModel,
    tmp: Path,
    limit: int,
    index_rows: int,
    originals: dict[str, str],
    previous: Path | None = None,
    jobs: int = 1,
    touched: reach.Touched | None = None,
    prelinked: bool = False,
) -> tuple[SiteReport, Write]:
    """Every page of every kind in ``PAGE_KINDS`` into ``tmp``; the single pages here, the
    per-item ones split over ``jobs`` processes when there are enough of them."""
    site = Site.of(data)
    site.originals = originals
    write = Write(_env(Compiled(previous)), site, tmp, limit, index_rows, previous)
    write.touched = touched
    write.prelinked = prelinked
    write.jobs = jobs
    for kind in PAGE_KINDS:
        if not kind.per_item:
            kind.write_pages(site, write)
            write.end_unit()
    redo = write.redo  # planned here, before the per-item pages are split over processes
    split = [kind for kind in PAGE_KINDS if kind.per_item]
    # the units to make (all when not known): a few, with every other unit hard-linked,
    # are done here sooner than a fork of the whole model could start
    items = len(site.docs) + len(site.bodies) + len(site.roots) if redo is None else len(redo)
    if jobs > 1 and items >= POOL_MIN_PAGES and can_fork():
        _in_processes(site, write, split, jobs)
    else:
        for kind in split:
            kind.write_pages(site, write)
            write.end_unit()
    write.save_keys()
    report = SiteReport(
        reused=write.reused,
        pages=write.pages,
        documents=len(site.docs),
        bodies=len(site.bodies),
        cascades=len(site.roots),
        seconds=0.0,
        path=tmp,
    )
    return report, write


POOL_MIN_PAGES = 400  # fewer pages than this are rendered in one process
_JOB: tuple[Site, Write, list[PageKind]] | None = None  # what forked workers render


def _shard(number: int, of: int) -> tuple[dict[str, str], int, int, dict, set[str]]:
    """Render the ``number``-th of ``of`` shares of the per-item pages (0: the parent)."""
    assert _JOB is not None
    site, write, kinds = _JOB
    if number:  # a forked worker: its own counts, and a store handle of its own
        write.keys, write.pages, write.reused, write.units = {}, 0, 0, {}
        write.loose = set()
        reopen = getattr(site.data.texts, "reopen", None)
        if reopen is not None:
            reopen()
    write.shard = (number, of)
    try:
        for kind in kinds:
            kind.write_pages(site, write)
            write.end_unit()
    finally:
        write.shard = (0, 1)
    return write.keys, write.pages, write.reused, write.units, write.loose


def _in_processes(site: Site, write: Write, kinds: list[PageKind], jobs: int) -> None:
    """The pages of ``kinds`` in ``jobs`` processes: this one and ``jobs - 1`` forked
    workers that share the read model and its indexes (built here first) copy-on-write."""
    global _JOB
    site.warm()
    _JOB = (site, write, kinds)
    try:
        shares = in_shares(_shard, jobs)
    finally:
        _JOB = None
    for keys, pages, reused, units, loose in shares[1:]:  # share 0 wrote into ``write``
        write.keys.update(keys)
        write.units.update(units)
        write.loose |= loose
        write.pages += pages
        write.reused += reused


def build_site(
    store: Any,
    out_dir: Path,
    limit: int = NODE_LIMIT,
    originals: Iterable[tuple[str, Path]] = (),
    previous: Path | None = None,
    jobs: int = 1,
    nquads: Path | None = None,
    facts: FactsCache | None = None,
) -> SiteReport:
    """Write the staff site for ``store`` into ``out_dir`` (DIR/site); the build's hook.

    ``store`` is a kg.store.Store, a pyoxigraph Store, or a ready ``ReadModel``;
    ``originals`` are (source name, file) pairs whose files the document pages link;
    ``previous`` is the last build's site, whose unchanged pages are carried over;
    ``nquads``: a folder of N-Quads files holding exactly the store's content (the
    generation's exports), from which the model is read faster than from the store;
    ``facts``: where the facts read from them are kept, and the last build's found
    (kg.read.facts_cache: then only the files that changed are read).
    """
    touched = None
    # the previous site's files are linked in meanwhile, on the other core
    prelink = Prelink(Path(out_dir), Path(previous)) if previous is not None else None
    try:
        if nquads is not None:
            found = read_facts(store, Path(nquads), facts, jobs)
            if found.changed is not None:
                touched = reach.touched(found.changed, found)
            model = patch.read_model(store, found, facts)
            del found
        else:
            model = load_model(store)
    except BaseException:
        wait_aside()
        if prelink is not None:
            prelink.close()
        raise
    try:
        return write_site(
            model,
            Path(out_dir),
            limit,
            originals=originals,
            previous=previous,
            jobs=jobs,
            touched=touched,
            keep_reach=facts is not None,  # a build's: the next one starts from it
            prelink=prelink,
        )
    finally:
        wait_aside()  # the model kept for the next build (kg.read.patch.save_aside)


def copy_originals(
    site_dir: Path, sources: Iterable[tuple[str, Path]], previous: Path | None = None
) -> tuple[dict[str, str], list[str]]:
    """Copy each source file, as the user gave it, beside the pages that will link it.

    A document page shows the text as read; the original (a PDF, a scan, a .docx) is
    what a reader checks it against. Returns source name -> link for the files copied,
    and one warning line per file that could not be. A copy in ``previous`` with the
    source's size and modification time is hard-linked instead.
    """
    copied: dict[str, str] = {}
    problems: list[str] = []
    root, before = os.fspath(site_dir), os.fspath(previous) if previous else None
    for name, path in sources:  # paths as strings: a national site has 10,000 originals
        try:
            st = os.stat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        rel = original_path(name)
        dest = f"{root}/{rel}"
        try:
            same = before is not None and _same_file(st, f"{before}/{rel}")
            if same and _same_file(st, dest):
                copied[name] = urllib.parse.quote(rel)  # linked with the previous site
                continue
            with contextlib.suppress(FileNotFoundError):
                os.unlink(dest)  # a link to the previous site's copy: never copied over
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            if not (same and _link(before, rel, dest)):
                shutil.copy2(path, dest)
        except OSError as e:
            problems.append(f"{name}: original not copied into the site ({e.strerror or e})")
        else:
            copied[name] = urllib.parse.quote(rel)
    return copied, problems


def _same_file(a: os.stat_result, copy: str) -> bool:
    """A copy made by copy2 from this very file: same size and modification time."""
    try:
        b = os.stat(copy)
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _link(before: str, rel: str, dest: str) -> bool:
    try:
        os.link(f"{before}/{rel}", dest)
    except OSError:
        return False
    return True
