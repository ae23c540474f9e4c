"""Which pages a change can reach, so that adding one plan models only the pages it reaches.

A page's key (kg.views.write) is a digest of its context and of the records it names, so
it tells whether a page came out the same only after its context was made: for every
page of a national site, on every build. Here each site keeps, beside it
(``<site>-reach.marshal``), per unit (the pages of one document, body or cascade) the files it
wrote and the records (documents, bodies, duties) its pages named, directly or through
those records (the same two steps as the keys). The next build learns from the facts
patch (kg.read.facts_cache.Changed) which records changed: every IRI of a changed source
graph (a document's records all live in its graph) and the subjects and objects of the
other graphs' changed lines (a place stands for the bodies under it). A unit none of
whose records changed is carried over (hard links) without its context being made; the
others are made and keyed as before. Anything this cannot place (a changed line about a
reorganisation event, a page whose inputs cannot be pickled, another code) makes every
unit again, so the site stays byte for byte a full build's.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib.namespace import PROV, SKOS

from kg.read.scan import CLASSES
from kg.views.common import KEYS
from kg.vocab import DKG

ALL = -1  # a unit whose records are not known: made again on every build

Files = list[str]


def path_of(site_dir: Path) -> Path:
    """Beside the site (gen/site-reach.marshal), outside it: not a page of it."""
    return Path(site_dir).with_name(Path(site_dir).name + "-reach.marshal")


@dataclass
class Reach:
    """The last site's units: name -> (its files, the ids in ``iris`` of the records they
    show, of the records whose referrers they gather, and of the records they show only
    through those, ``via``: a duty's document, a plan listed in a duty's ``dropped_in``),
    the names and links (``maps``) its pages were written with, and ``owns``: id -> the
    digest of a ``via`` record's own part (kg.views.common.Site._own), all a page's key
    covers of it."""

    iris: list[str]
    units: dict[str, tuple[tuple[str, ...], ...]]
    maps: dict[str, dict[str, Any]]
    owns: dict[int, bytes] = field(default_factory=dict)


def via(unit: tuple) -> Any:
    """A unit's ``via`` records (none in a unit kept before they were told apart)."""
    return unit[3] if len(unit) > 3 else ()


def _keys_digest(site_dir: Path) -> bytes | None:
    try:
        data = (Path(site_dir) / KEYS).read_bytes()
    except OSError:
        return None
    return hashlib.blake2b(data, digest_size=16).digest()


def load(site_dir: Path | None, code: str) -> Reach | None:
    """The reach kept beside ``site_dir`` by the same code, and for exactly that site
    (its page keys' digest): a site swapped in without it is not trusted."""
    if site_dir is None:
        return None
    try:
        kept = marshal.loads(path_of(site_dir).read_bytes())  # not marshal.load: 4x slower
        if kept["code"] != code or kept["keys"] != _keys_digest(site_dir):
            return None
        return Reach(kept["iris"], kept["units"], kept["maps"], kept["owns"])
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def save(
    site_dir: Path,
    code: str,
    units: dict[str, tuple[Files, Any, Any, Any]],
    last: Reach | None,
    maps: dict[str, dict[str, Any]],
    own_of: Callable[[str], bytes],
) -> None:
    """Write the reach of the site now in ``site_dir`` (beside, then renamed). A unit
    carried over keeps its ids: the IRI table only grows (a full build starts it anew).
    ``own_of``: a record's own digest, kept for the records units show ``via`` others."""
    iris = list(last.iris) if last is not None else []
    owns = dict(last.owns) if last is not None else {}
    index = {iri: i for i, iri in enumerate(iris)}

    def ids(records: Any) -> tuple[int, ...]:
        if isinstance(records, tuple):  # carried: ids of ``last``
            return records
        if records is None:
            return (ALL,)
        out = []
        for iri in records:
            i = index.get(iri)
            if i is None:
                i = index[iri] = len(iris)
                iris.append(iri)
            out.append(i)
        return tuple(sorted(out))

    out = {}
    for name, (files, shows, gathers, through) in units.items():
        out[name] = (tuple(files), ids(shows), ids(gathers), ids(through or ()))
        if isinstance(through, set):  # made in this build: its records' digests now
            for iri in through:
                owns[index[iri]] = own_of(iri)
    path = path_of(site_dir)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            marshal.dump(
                {
                    "code": code,
                    "keys": _keys_digest(site_dir),
                    "iris": iris,
                    "units": out,
                    "maps": maps,
                    "owns": owns,
                },
                fh,
            )
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()


@dataclass(frozen=True)
class Touched:
    """What changed since the last site, by record IRI: ``own`` records whose own facts
    changed (pages showing them change), ``named`` records something new or gone names
    (pages gathering what names them change: a body's duties, a plan's cascade),
    ``unknown`` changed subjects that are no record a page shows."""

    own: set[str]
    named: set[str]
    unknown: set[str]

    def any(self) -> bool:
        return bool(self.own or self.named or self.unknown)


def touched(changed: Any, facts: Any) -> Touched:
    """From kg.read.facts_cache.Changed and the patched facts: a place whose own facts
    changed stands for every body under it; a change event, its act or its generation
    for the bodies before and after it."""
    records = set().union(*(facts.types[CLASSES[n]] for n in ("Document", "Body", "Duty")))
    places = facts.types[CLASSES["AdminUnit"]]
    own = set(changed.source)
    unknown: set[str] = set()
    moved: list[str] = []
    for s, objects in changed.subjects.items():
        if s in records:
            own.add(s)
        elif s in places:
            moved.append(s)
        elif found := _owners(s, facts, records):
            own |= found | objects
        elif not _present(s, facts):  # gone: its lines name what showed it
            own |= objects
        else:
            unknown.add(s)
    if moved:
        below = facts.inverse(str(SKOS.broader))
        seen = set(moved)
        while moved:
            for place in below.get(moved.pop(), []):
                if place not in seen:
                    seen.add(place)
                    moved.append(place)
        seated = facts.inverse(str(DKG.jurisdiction))
        for place in seen:
            own.update(seated.get(place, []))
    return Touched(own, set(changed.objects), unknown)


def _owners(node: str, facts: Any, records: set[str]) -> set[str]:
    """The records a reorganisation node (an event, its act, a generation) is shown with:
    the bodies the event changed, found from the node in at most two steps."""
    heads = {node}
    for p in (str(DKG.legalBasis), str(PROV.qualifiedGeneration)):
        heads.update(facts.inverse(p).get(node, []))
    heads.update(facts.of(str(PROV.activity), node))
    found = {h for h in heads if h in records}
    for head in heads:
        for p in facts.one:
            found.update(v for v in facts.of(p, head) if isinstance(v, str) and v in records)
    return found


def _present(node: str, facts: Any) -> bool:
    return any(node in values for values in facts.one.values()) or any(
        node in typed for typed in facts.types.values()
    )


def redo(
    last: Reach,
    touched: Touched,
    maps: dict[str, dict],
    own_of: Callable[[str], bytes] | None = None,
) -> set[str] | None:
    """The units of ``last`` to make again (None: every one): those showing a record that
    changed or whose page name, link or shown name changed (``maps``), those showing it
    through another record when its own digest (``own_of``, all their keys cover of it)
    is not the one kept, and those gathering what names a record something new or gone
    names. A plan added under a province's plan changes the records of that plan's
    duties, which the central duties they carry out list: without ``own_of`` every
    province's plan page showing a central duty was made again."""
    known = set(last.iris)
    if touched.unknown - known:
        return None
    own = touched.own | touched.unknown
    for key, new in maps.items():
        old = last.maps.get(key)
        if old is None:
            return None
        if old != new:
            own.update(iri for iri in old.keys() | new.keys() if old.get(iri) != new.get(iri))
    shown = {i for i, iri in enumerate(last.iris) if iri in own}
    named = shown | {i for i, iri in enumerate(last.iris) if iri in touched.named}
    through = set(shown)
    if own_of is not None:
        through = {i for i in shown if i not in last.owns or last.owns[i] != own_of(last.iris[i])}
    shown.add(ALL)
    return {
        name
        for name, unit in last.units.items()
        if not shown.isdisjoint(unit[1])
        or not named.isdisjoint(unit[2])
        or not through.isdisjoint(via(unit))
    }
