"""Incremental builds: keep the source graphs of the last build that would come out the same.

A source graph (kg.rdf ``Emitter.source_quads``) is a function of the source's record
and of the identities kg.resolve gave to what it mentions: its own document's key, the
keys of the documents it cites (a number printed without its year in one text takes
the year another text prints: "06/QĐ-TTg" of 2019 → 6/2019/QĐ-TTg), the keys of the
bodies it names, its IRI segment and the duplicate mark. ``signature`` hashes exactly
those inputs (and the code and ontology that turn them into quads), so a graph whose
signature is unchanged is byte for byte the graph the last build wrote: an
incremental build copies the last store (a RocksDB checkpoint: hard links, no copy),
drops the graphs of removed or changed sources, emits only new or changed ones, and
recomputes the cross-document graphs (shared, lineage, reorg, derived) whole (graph/reorg
only when its inputs changed: kg.reorg.shared_key, and its file is then the only time it
is read; graph/derived from one kept summary per graph, ``save_facts``). Its
store holds the same quads as a full build of the same sources
(tests/test_incremental.py).

Every build records in its build.json the digest of each named graph (``graphs``)
and which ones differ from the previous generation's (``changed_graphs``, with
``removed_graphs``): what a push to a remote store has to send.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import outdir
from kg.cache import CACHE, extractor_digest
from kg.graph_export import lines_of
from kg.resolve import ResolvedCorpus, ResolvedSource
from kg.store import DB, INPUTS, STORE, _read_meta

FORMAT = 2  # bump when the meaning of a signature changes


def build_digest(base: str) -> str:
    """What every graph depends on besides its own inputs: the code, the ontology, the base."""
    return hashlib.sha256(f"{FORMAT}:{extractor_digest()}:{base}".encode()).hexdigest()


def _record_repr(src: ResolvedSource) -> str:
    """The parts of a record kg.rdf reads (not the parse tree: it is not emitted)."""
    r, s = src.record, src.record.source
    parts = (
        s.name,
        s.sha256,
        s.reader,
        s.encoding,
        len(s.text),
        r.document,
        r.implements,
        r.references,
        r.recipients,
        r.assignments,
        r.reporting,
        r.targets,
        r.findings,
    )
    return repr(parts)


def signature(
    corpus: ResolvedCorpus, src: ResolvedSource, digest: str, extracted: bool = False
) -> str:
    """A digest of everything ``Emitter.source_quads(src)`` reads.

    ``extracted``: the record is what kg.pipeline extracted from the source's bytes, a
    function of those bytes, the reader and the extractor (in ``digest``), as the record
    cache already holds; the source's name and hash then stand for the record (the
    repr of 1,000 records took 2.5 s; a hand-made record is hashed whole)."""
    docs, bodies = corpus.documents, corpus.bodies

    def doc_seg(key: str | None) -> str | None:
        return None if key is None else docs[key].segment

    own = docs[src.doc]
    # a tuple in a fixed order, hashed by its repr (a dict through json.dumps with sorted
    # keys cost half as much again, for every source of every build)
    identities = (
        src.segment,
        (src.doc, own.segment, own.place.path if own.place else None),
        [doc_seg(k) for k in src.references],
        [doc_seg(k) for k in src.implements],
        sorted((i, [doc_seg(k) for k in ks]) for i, ks in src.ref_implements.items()),
        sorted((k, bodies[v].segments) for k, v in src.bodies.items()),
        src.duplicate_of,
    )
    h = hashlib.sha256(digest.encode())
    h.update(repr(identities).encode())
    s = src.record.source
    if extracted:
        suffix = Path(s.path).suffix.lower() if s.path else ""
        h.update(repr(("extracted", s.name, s.sha256, s.reader, s.encoding, suffix)).encode())
        return h.hexdigest()
    h.update(_record_repr(src).encode())
    h.update(hashlib.sha256(s.text.encode("utf-8", "surrogatepass")).digest())
    return h.hexdigest()


@dataclass
class Previous:
    """The live generation's store and what its build recorded about its graphs."""

    db: Path
    graphs: dict[str, str]  # graph IRI -> digest
    sizes: dict[str, int]  # graph IRI -> quads (empty when the build did not say)
    inputs_of: dict[str, str] = field(default_factory=dict)  # graph -> digest of its inputs

    @property
    def folder(self) -> Path:
        """The generation folder (its exports are beside the store)."""
        return self.db.parent.parent

    @property
    def inputs(self) -> Path:
        """Its store without graph/reorg and graph/derived (kg.build)."""
        return self.db.parent / INPUTS


def previous(out_dir: Path, digest: str) -> Previous | None:
    """The last build, if an incremental build may start from it (same code and base)."""
    gen = outdir.current(Path(out_dir))
    if gen is None:
        return None
    meta = _read_meta(gen / STORE)
    inc = meta.get("incremental") or {}
    if inc.get("digest") != digest or not isinstance(inc.get("graphs"), dict):
        return None
    db = gen / STORE / DB
    sizes = inc.get("sizes") if isinstance(inc.get("sizes"), dict) else {}
    ins = inc.get("inputs") if isinstance(inc.get("inputs"), dict) else {}
    return Previous(db, dict(inc["graphs"]), dict(sizes), dict(ins)) if db.is_dir() else None


def split(
    sources: list[ResolvedSource],
    signatures: dict[str, str],
    graph_of: dict[str, str],
    prev: Previous | None,
) -> tuple[list[ResolvedSource], list[ResolvedSource]]:
    """(sources whose graph the last build wrote as it would now be, sources to emit);
    ``signatures`` and ``graph_of`` are keyed by the source's file name."""
    old = prev.graphs if prev is not None else {}
    kept, emit = [], []
    for src in sources:
        name = src.record.source.name
        same = old.get(graph_of[name]) == signatures[name]
        (kept if same else emit).append(src)
    return kept, emit


def changes(old: dict[str, str], new: dict[str, str]) -> tuple[list[str], list[str]]:
    """(graphs added or whose content changed, graphs removed) between two builds."""
    changed = sorted(g for g, d in new.items() if old.get(g) != d)
    removed = sorted(set(old) - set(new))
    return changed, removed


# ---------------------------------------------------------------- lineage of unchanged pairs

LINEAGE_MEMO = "lineage.pickle"


class PairMemo(dict):
    """kg.lineage's links per (parent, child) pair: those of the last build (``old``) are
    served from it; what this build uses or computes is what the next one will get."""

    def __init__(self, old: dict | None = None) -> None:
        super().__init__()
        self.old = old or {}

    def get(self, key, default=None):  # type: ignore[override]
        if key in self:
            return self[key]
        found = self.old.get(key)
        if found is None:
            return default
        self[key] = found
        return found


def load_pair_memo(out_dir: Path) -> PairMemo:
    """The last build's lineage pairs (none when the code changed or the file is damaged)."""
    return PairMemo(_load_memo(out_dir, LINEAGE_MEMO))


def save_pair_memo(out_dir: Path, memo: PairMemo) -> None:
    _save_memo(out_dir, LINEAGE_MEMO, dict(memo))


# ---------------------------------------------------------------- resolve's placements kept

RESOLVE_MEMO = "resolve.pickle"


def load_placements(out_dir: Path) -> dict:
    """What kg.resolve kept of the last build: each record's bodies' placements, by file
    name, content hash, place and level (``Resolver.kept``; empty when the code changed)."""
    return _load_memo(out_dir, RESOLVE_MEMO)


def save_placements(out_dir: Path, kept: dict) -> None:
    _save_memo(out_dir, RESOLVE_MEMO, kept)


def _load_memo(out_dir: Path, name: str) -> dict:
    """A memo kept in DIR/cache by the last build of the same code, or an empty one."""
    path = Path(out_dir) / CACHE / name
    try:
        data = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("digest") != extractor_digest():
        return {}
    found = data.get("pairs")
    return found if isinstance(found, dict) else {}


def _save_memo(out_dir: Path, name: str, memo: dict) -> None:
    """Written atomically; a cache that cannot be written only costs time."""
    folder = Path(out_dir) / CACHE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = {"digest": extractor_digest(), "pairs": memo}
        _write(folder / name, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


# ---------------------------------------------------------------- graph summaries kept

FACTS = "facts.pickle"  # in the store folder: graph -> (digest, kg.derived.GraphSummary)
FACTS_DELTA = "facts-delta.pickle"  # the entries not in FACTS, and the chains' digest
CHAIN_LINES = "derived-chains.nq"  # the change chains' lines of graph/derived


@dataclass
class KeptFacts:
    """What a build kept for graph/derived beside its store (kg.build): each graph's summary
    in a base file that later builds share by a hard link while it stays mostly right, the
    entries written since in a small delta, and the lines of the change chains."""

    base: dict = field(default_factory=dict)
    delta: dict = field(default_factory=dict)
    chains_key: str | None = None
    folder: Path | None = None  # the store folder they were read from

    def get(self, graph: str):
        """Graph ``graph``'s entry, (digest, summary), or None."""
        found = self.delta.get(graph)
        return self.base.get(graph) if found is None else found

    def chains(self) -> tuple[str, list[bytes]] | None:
        """(digest of the graphs the chains come from, their lines), when kept."""
        if self.chains_key is None or self.folder is None:
            return None
        try:
            data = (self.folder / CHAIN_LINES).read_bytes()
        except OSError:
            return None
        return self.chains_key, data.splitlines(keepends=True)


def load_facts(folder: Path) -> KeptFacts:
    """The summaries kept in store folder ``folder`` (none when the base file is missing or
    damaged: the graphs are then read from the store)."""
    try:
        base = pickle.loads((folder / FACTS).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return KeptFacts()
    if not isinstance(base, dict):
        return KeptFacts()
    try:
        extra = pickle.loads((folder / FACTS_DELTA).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        extra = {}
    delta = extra.get("entries") if isinstance(extra, dict) else None
    key = extra.get("chains") if isinstance(extra, dict) else None
    return KeptFacts(
        base,
        delta if isinstance(delta, dict) else {},
        key if isinstance(key, str) else None,
        folder,
    )


def save_facts(
    folder: Path, kept: dict, chains: tuple[str, list[bytes]], old: KeptFacts | None
) -> None:
    """Keep ``kept`` (graph -> (digest, summary)) and ``chains`` in store folder ``folder``
    for the next build: the last base file is linked and only the entries that differ from
    it are written, until they are an eighth of all, when the base is written again. A
    file that cannot be written only costs time."""
    old = old or KeptFacts()
    delta = {g: e for g, e in kept.items() if old.base.get(g) is not e}
    try:
        linked = (
            old.folder is not None
            and len(delta) <= max(64, len(kept) // 8)
            and _link(old.folder / FACTS, folder / FACTS)
        )
        if not linked:
            _write(folder / FACTS, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
            delta = {}
        same = old.chains_key == chains[0] and old.folder is not None
        if not (same and _link(old.folder / CHAIN_LINES, folder / CHAIN_LINES)):
            _write(folder / CHAIN_LINES, b"".join(chains[1]))
        extra = {"entries": delta, "chains": chains[0]}
        _write(folder / FACTS_DELTA, pickle.dumps(extra, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        for name in (FACTS, FACTS_DELTA, CHAIN_LINES):
            (folder / name).unlink(missing_ok=True)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _link(old: Path, new: Path) -> bool:
    """``new`` becomes a hard link to ``old`` (never written in place: shared)."""
    tmp = new.with_name(new.name + ".tmp")
    try:
        tmp.unlink(missing_ok=True)
        os.link(old, tmp)
        os.replace(tmp, new)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True


# ---------------------------------------------------------------- graph/shared by subject

SUBJECTS = "subjects-{}.pickle"  # in the store folder: a graph's subjects' inputs (by name)

Item = tuple  # (ox.NamedNode, inputs tuple, () -> quads): kg.rdf ``Emitter.shared_items``


@dataclass
class Patched:
    """A graph's lines now, and what changed since the last build's (``patch_items``)."""

    lines: list[bytes]  # sorted, distinct
    gone: list[bytes]  # lines of the last build's graph that are not in it now
    new: list[bytes]  # lines now that were not in the last build's graph
    memo: dict[bytes, bytes]  # subject -> digest of its inputs (for the next build)


def patch_items(
    items: Iterable[Item], old: list[bytes] | None, old_memo: dict[bytes, bytes] | None
) -> Patched:
    """A graph made of items that each say everything about their own subject, from the
    last build's lines (``old``, sorted) and what its subjects were made from
    (``old_memo``): the quads of a subject whose inputs are the same are its lines of the
    last build (contiguous in the sorted file) and are not made again; only the changed,
    new and removed subjects' lines are. Without ``old`` or ``old_memo``: every item is
    made. The result is the lines a build of every item would give."""
    memo: dict[bytes, bytes] = {}
    makers: dict[bytes, list] = {}
    for node, inputs, quads in items:
        subject = str(node).encode("utf-8")
        d = hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).digest()
        if subject in memo:  # one subject, two items: never kept
            memo[subject] = b""
            makers[subject].append(quads)
        else:
            memo[subject] = d
            makers[subject] = [quads]
    if old is None or old_memo is None:
        old, old_memo = [], {}
    changed = {s for s, d in memo.items() if not d or old_memo.get(s) != d}
    made = lines_of(q for s in changed for quads in makers[s] for q in quads())
    if any(line[: line.index(b" ")] not in changed for line in made):
        raise ValueError("an item made a quad of another subject")  # a bug in kg.rdf
    ranges = []
    for s in changed | (old_memo.keys() - memo.keys()):
        lo = bisect.bisect_left(old, s + b" ")
        hi = bisect.bisect_left(old, s + b"!", lo)
        if hi > lo:
            ranges.append((lo, hi))
    ranges.sort()
    kept: list[bytes] = []
    gone: list[bytes] = []
    at = 0
    for lo, hi in ranges:
        kept += old[at:lo]
        gone += old[lo:hi]
        at = hi
    kept += old[at:]
    lines = sorted(kept + made)  # two sorted runs with no line in common
    made_set, gone_set = set(made), set(gone)
    return Patched(
        lines,
        [x for x in gone if x not in made_set],
        [x for x in made if x not in gone_set],
        memo,
    )


def subjects_file(folder: Path, iri: str) -> Path:
    """Where graph ``iri``'s subjects are kept in store folder ``folder``."""
    return folder / SUBJECTS.format(re.sub(r"[^A-Za-z0-9]+", "-", iri.rsplit("/", 1)[-1]))


def load_subjects(folder: Path, iri: str, digest: str | None) -> dict[bytes, bytes] | None:
    """The subjects' digests of graph ``iri`` kept in store folder ``folder`` when its
    content had digest ``digest`` (None when missing, damaged or for another content)."""
    try:
        data = pickle.loads(subjects_file(folder, iri).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    if not isinstance(data, dict) or digest is None or data.get("graph") != (iri, digest):
        return None
    subjects = data.get("subjects")
    return subjects if isinstance(subjects, dict) else None


def save_subjects(folder: Path, iri: str, digest: str, subjects: dict[bytes, bytes]) -> None:
    """Kept beside the store for the next build; a file that cannot be written only costs
    time."""
    data = {"graph": (iri, digest), "subjects": subjects}
    path = subjects_file(folder, iri)
    try:
        _write(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        path.unlink(missing_ok=True)
