"""What every page kind of the staff site shares: labels, escaping helpers, page names
and ``Site``, the read model plus the indexes the page writers look things up in.

Safety: Jinja2 autoescapes every string; graph data goes into a
``<script type="application/json">`` element through ``safe_json`` (no ``<``,
``>`` or ``&`` survive, so neither ``</script>`` nor ``<!--`` can end it);
tooltips are turned into DOM text nodes by site.js, never parsed as HTML.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import json
import os
import pickle
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from kg import lexicon
from kg.read import LEVELS, Body, DocLink, Document, Evidence, ReadModel, Report, Target

HERE = Path(__file__).parent
KEYS = ".page-keys.json"  # in a site: page name -> key of what it was rendered from
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

NODE_LIMIT = 1500  # never ask the browser to lay out more nodes than this at once
CASCADE_LIMIT = 250  # beyond this many documents a cascade graph opens grouped by province:
# vis-network's hierarchical layout of a 1,000-plan cascade took 20 s to draw in Chromium
PHYSICS_LIMIT = 250  # above this many nodes a graph gets a precomputed layout, physics off
INDEX_ROW_LIMIT = 3000  # beyond this many documents + bodies the index rows are drawn by site.js
INDEX_SHOWN = 300  # rows per table site.js shows at once on such an index
TREE_LIST_LIMIT = 3000  # beyond this the cascade page lists documents by level, not as a tree

ROLE_VI = {"lead": "Chủ trì", "support": "Phối hợp", "participant": "Tham gia"}
MODE_VI = {"assigned": "Được giao", "requested": "Đề nghị"}
LEVEL_VI = {"central": "Trung ương", "province": "Tỉnh", "district": "Huyện", "commune": "Xã"}
KIND_VI = {"party": "Đảng", "state": "Nhà nước", "mass-org": "Đoàn thể"}
FREQ_VI = {  # the ontology's labels, capitalised to open a table cell
    v: label[:1].upper() + label[1:]
    for v in lexicon.values("frequency")
    if (label := lexicon.label_vi("frequency", v))
}
RELATION_VI = {
    "implements": "Thực hiện",
    "guides": "Hướng dẫn thực hiện",
    "based_on": "Căn cứ",
    "proposal": "Theo đề nghị",
    "cites": "Trích dẫn",
}
LEVEL_COLOUR = {
    "central": "#c0392b",
    "province": "#2471a3",
    "district": "#1e8449",
    "commune": "#ca6f1e",
    None: "#7f8c8d",
}
KIND_SHAPE = {"party": "ellipse", "state": "box", "mass-org": "diamond", None: "box"}
ROLE_ORDER = {"lead": 0, "support": 1, "participant": 2}

# Common administrative phrases and their usual abbreviations, for node labels only.
ABBREVIATIONS = [
    ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("Mặt trận Tổ quốc Việt Nam", "MTTQ"),
    ("Mặt trận Tổ quốc", "MTTQ"),
    ("Lao động - Thương binh và Xã hội", "LĐTBXH"),
    ("Lao động – Thương binh và Xã hội", "LĐTBXH"),
    ("Giáo dục và Đào tạo", "GD&ĐT"),
    ("Văn hóa, Thể thao và Du lịch", "VHTT&DL"),
    ("Văn hoá, Thể thao và Du lịch", "VHTT&DL"),
    ("Tài nguyên và Môi trường", "TN&MT"),
    ("Nông nghiệp và Phát triển nông thôn", "NN&PTNT"),
    ("Thông tin và Truyền thông", "TT&TT"),
    ("Kế hoạch và Đầu tư", "KH&ĐT"),
    ("Tài chính - Kế hoạch", "TC-KH"),
    ("Ban Chấp hành", "BCH"),
    ("Ban Thường vụ", "BTV"),
    ("Thành phố", "TP"),
    ("thành phố", "TP"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TN"),
]


# ---------------------------------------------------------------- small helpers


def fold(text: str) -> str:
    """Search key: NFD, combining marks removed, đ→d, lower case (site.js does the same)."""
    if text.isascii():  # an IRI, a number: nothing to decompose (every page name is one)
        return text.lower()
    return _fold(text)


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Kept per name: a national site sorts 100,000 bodies by a few thousand names."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def safe_json(obj: Any) -> str:
    """JSON that can sit inside <script>: no '<', '>', '&', U+2028 or U+2029 left raw."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def highlight_html(text: str, start: int, end: int, context: int | None = None) -> str:
    """The text with [start, end) in a <mark>: split at the offsets first, then escape each piece.

    With ``context`` only that many characters either side are kept (cut at a line
    break or space when one is near), marked with an ellipsis.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo, hi = 0, len(text)
    if context is not None:
        lo, hi = max(0, start - context), min(len(text), end + context)
        nl = text.rfind("\n", lo, start)
        lo = nl + 1 if nl >= 0 else lo
        nl = text.find("\n", end, hi)
        hi = nl if nl >= 0 else hi
    before, marked, after = text[lo:start], text[start:end], text[end:hi]
    return (
        ("…" if lo > 0 else "")
        + html.escape(before)
        + "<mark>"
        + html.escape(marked)
        + "</mark>"
        + html.escape(after)
        + ("…" if hi < len(text) else "")
    )


def short_name(name: str, width: int = 26) -> str:
    """A node label: usual abbreviations, cut to ``width`` and wrapped on two lines."""
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    name = re.sub(r"\s+", " ", name).strip()
    if len(name) > width * 2:
        name = name[: width * 2 - 1].rstrip() + "…"
    if len(name) > width:
        cut = name.rfind(" ", 0, width + 1)
        if cut > width // 3:
            name = name[:cut] + "\n" + name[cut + 1 :]
    return name


def date_vi(iso: str | None) -> str:
    """'2024-02-15' -> '15/02/2024'; '2024-02' -> '02/2024'; anything else as is."""
    if not iso:
        return ""
    parts = iso.split("-")
    if all(p.isdigit() for p in parts) and 1 <= len(parts) <= 3:
        return "/".join(reversed(parts))
    return iso


def doc_title(doc: Document) -> str:
    kind = doc.type or "Văn bản"
    if doc.number:
        return f"{kind} {doc.number}"
    if doc.label:
        return doc.label
    if doc.date:
        return f"{kind} ngày {date_vi(doc.date)}"
    return f"{kind} (chưa có số)"


def doc_label(doc: Document) -> str:
    if doc.number:
        return doc.number
    return short_name(doc_title(doc), 18)


def slug(tail: str) -> str:
    """A file-name part: folded, runs of other characters as one "-", at most 80 long."""
    tail = re.sub(r"[^a-z0-9]+", "-", fold(tail)).strip("-")
    return tail[-80:].strip("-") or "x"


def original_path(source_file: str) -> str:
    """Where the site keeps its copy of a source file as given, relative to the site root.

    One folder per source name (a short hash of it), so two files called plan.docx in
    different folders do not overwrite each other, and the file keeps its own name.
    """
    key = hashlib.sha1(source_file.encode()).hexdigest()[:12]
    name = re.split(r"[/\\]", source_file)[-1] or "source"
    return f"sources/{key}/{name}"


def page_names(iris: list[str], prefix: str) -> dict[str, str]:
    """Deterministic, file-system safe page names from the IRIs' distinctive part.

    The path the IRIs share (``.../id/body/``) is dropped; a short hash tells clashes apart.
    """
    unique = sorted(set(iris))
    common = os.path.commonprefix(unique) if len(unique) > 1 else (unique[0] if unique else "")
    cut = common.rfind("/") + 1
    by_slug: dict[str, list[str]] = defaultdict(list)
    for iri in unique:
        by_slug[slug(iri[cut:])].append(iri)
    out: dict[str, str] = {}
    for key, group in by_slug.items():
        for iri in group:
            suffix = ""
            if len(group) > 1:
                suffix = "-" + hashlib.sha1(iri.encode()).hexdigest()[:8]
            out[iri] = f"{prefix}-{key}{suffix}.html"
    return out


def stable_parts(items: list, name_of: Callable[[Any], str], size: int) -> list[list]:
    """``items`` in their order, cut after each item whose name hashes to 0 modulo ``size``
    (and after ``2 * size`` items at most): parts of about ``size`` whose boundaries do not
    move when an item is added or taken out elsewhere, as counting items would make them.
    A page (or data file) per part then changes only where the corpus did."""
    parts: list[list] = []
    part: list = []
    for item in items:
        part.append(item)
        if len(part) >= 2 * size or zlib.crc32(name_of(item).encode()) % size == 0:
            parts.append(part)
            part = []
    if part:
        parts.append(part)
    return parts


def part_tag(name: str) -> str:
    """A part's file-name tag, from the name of its first item (kept while others change)."""
    return f"{zlib.crc32(name.encode()):08x}"


def unique(stem: str, suffix: str, taken: list[str] | set[str]) -> str:
    """``stem + suffix``, or with "-2", "-3"… when two parts' tags clash."""
    name, k = stem + suffix, 1
    while name in taken:
        k += 1
        name = f"{stem}-{k}{suffix}"
    return name


def admin_index(level: str | None) -> int | None:
    return LEVELS.index(level) if level in LEVELS else None


def sort_docs(docs: list[Document]) -> list[Document]:
    """Central first, then province, district, commune; by date and number within."""
    return sorted(
        docs,
        key=lambda d: (
            admin_index(d.level) if d.level in LEVELS else 9,
            d.date or "",
            d.number or "",
            d.iri,
        ),
    )


def stable_pickle(obj: Any) -> bytes:
    """Pickle bytes that depend on values only, not on which objects happen to be shared
    (no memo): equal inputs in two builds give equal bytes. Raises on what cannot pickle."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True
    pickler.dump(obj)
    return buf.getvalue()


def pickled_strings(data: bytes, prefix: str) -> set[str]:
    """The strings starting with ``prefix`` in pickle bytes: protocol 5 frames each string
    with its length (SHORT_BINUNICODE: 0x8c and one byte; BINUNICODE: 'X' and four), so
    each occurrence of the prefix (found in C) is read back by the header before it;
    occurrences inside longer strings have no such header, or give a string that names
    no record."""
    head = prefix.encode()
    out = set()
    find = data.find
    at = find(head)
    while at >= 0:
        if at >= 2 and data[at - 2] == 0x8C:
            out.add(data[at : at + data[at - 1]].decode("utf-8", "replace"))
        elif at >= 5 and data[at - 5] == 0x58:
            size = int.from_bytes(data[at - 4 : at], "little")
            out.add(data[at : at + size].decode("utf-8", "replace"))
        at = find(head, at + 1)
    return out


WARM_SITE = ("records", "roots", "docs", "duty_count", "lead_count", "bodies", "links_from",
             "links_to", "cascade_links", "reports_of", "reports_of_body", "targets_of",
             "issued")  # fmt: skip
WARM_MODEL = ("duties_by_doc", "duties_by_body", "duties_with_partner", "assignments_by_doc",
              "duty_by_iri", "_implemented_by", "origins")  # fmt: skip


@dataclass(frozen=True)
class CarriedNow:
    """The bodies that carry a changed body's duties today (all of them when split)."""

    bodies: list[str]
    ambiguous: bool


@dataclass
class Site:
    """Everything the page writers need: the read model, page names and indexes.

    The indexes are built on first use: pages are written per document and per body,
    and scanning every duty or report for each of 10,000 plans would be quadratic.
    """

    data: ReadModel
    doc_pages: dict[str, str]
    body_pages: dict[str, str]
    cascade_pages: dict[str, str]
    shared_names: set[str] = field(default_factory=set)  # names several bodies carry
    calendar_hrefs: dict[str, str] = field(default_factory=dict)  # body IRI -> its .ics
    originals: dict[str, str] = field(default_factory=dict)  # source name -> copied file
    _digests: dict[str, bytes] = field(default_factory=dict, repr=False)
    _owns: dict[str, bytes] = field(default_factory=dict, repr=False)
    _named: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def records(self) -> tuple[frozenset[str], str]:
        """The IRIs of the documents, bodies and duties a template may look up, and the
        prefix they share (kg.views.write finds them in a page's pickled inputs by it)."""
        data = self.data
        iris = frozenset(data.docs) | frozenset(data.bodies) | frozenset(data.duty_by_iri)
        ordered = sorted(iris)
        prefix = os.path.commonprefix([ordered[0], ordered[-1]]) if ordered else ""
        return iris, prefix

    def refs(self, pickled: bytes) -> list[str]:
        """The records named in pickled inputs, sorted."""
        iris, prefix = self.records
        return sorted(iris.intersection(pickled_strings(pickled, prefix)))

    def _record(self, iri: str) -> tuple:
        """What a template can read about ``iri`` through this object (kg.views.write)."""
        data = self.data
        if iri in data.docs:
            doc = data.docs[iri]
            original = self.originals.get(doc.source_file) if doc.source_file else None
            return ("doc", self.doc_pages.get(iri), self.cascade_pages.get(iri), original, doc)
        if iri in data.bodies:
            href = self.calendar_hrefs.get(iri)
            return ("body", self.body_pages.get(iri), href, data.bodies[iri], self.carried_now(iri))
        return ("duty", data.duty_by_iri.get(iri))

    def _own(self, iri: str) -> bytes:
        """Digest of ``iri``'s record alone: a body named by thousands of duties is
        pickled once for all of them."""
        own = self._owns.get(iri)
        if own is None:
            own = hashlib.blake2b(stable_pickle(self._record(iri)), digest_size=16).digest()
            self._owns[iri] = own
        return own

    def record_digest(self, iri: str) -> bytes:
        """Digest of ``iri``'s record and of the records it names (a duty's document, a
        document's issuer, a changed body's successors): two steps, as the templates go."""
        digest = self._digests.get(iri)
        if digest is None:
            pickled = stable_pickle(self._record(iri))
            h = hashlib.blake2b(pickled, digest_size=16)
            named = [ref for ref in self.refs(pickled) if ref != iri]
            for ref in named:
                h.update(self._own(ref))
            self._named[iri] = named
            digest = self._digests[iri] = h.digest()
        return digest

    def record_refs(self, iri: str) -> list[str]:
        """The records ``iri``'s record names (what its digest covers besides itself)."""
        if iri not in self._named:
            self.record_digest(iri)
        return self._named[iri]

    def shown_maps(self) -> dict[str, dict]:
        """What a page shows of other records besides the records themselves: page names,
        links to originals and calendars, whether a body's name needs its place
        (kg.views.reach compares them with the last site's)."""
        data = self.data
        return {
            "doc_pages": self.doc_pages,
            "body_pages": self.body_pages,
            "cascade_pages": self.cascade_pages,
            "calendar_hrefs": self.calendar_hrefs,
            "originals": {
                iri: self.originals.get(d.source_file)
                for iri, d in data.docs.items()
                if d.source_file
            },
            "shared": {iri: 1 for iri, b in data.bodies.items() if b.name in self.shared_names},
        }

    def ev_local(self, ev: Evidence | None) -> list[int] | None:
        """Offsets for site.js on the page of the evidence's own document (code points)."""
        return None if ev is None else [ev.start, ev.end]

    def ev_href(self, ev: Evidence | None) -> str | None:
        """A link that opens the document page with this evidence highlighted."""
        if ev is None or ev.doc not in self.doc_pages:
            return None
        return f"{self.doc_pages[ev.doc]}#ev-{ev.start}-{ev.end}"

    def carried_now(self, iri: str) -> CarriedNow | None:
        """Who carries ``iri``'s duties today, if the 2025 reorganisation changed it."""
        if iri not in self.data.changes:
            return None
        bodies, ambiguous = self.data.carried_by_now(iri)
        return CarriedNow(bodies, ambiguous)

    def body_name(self, iri: str | None) -> str:
        if iri is None:
            return ""
        body = self.data.bodies.get(iri)
        return body.display if body else iri.rsplit("/", 1)[-1]

    @classmethod
    def of(cls, data: ReadModel) -> Site:
        roots = sorted(iri for iri, kids in data.implemented_by().items() if kids)
        name_count: dict[str, int] = defaultdict(int)
        for body in data.bodies.values():
            name_count[body.name] += 1
        return cls(
            data=data,
            doc_pages=page_names(list(data.docs), "doc"),
            body_pages=page_names(list(data.bodies), "body"),
            cascade_pages=page_names(roots, "cascade"),
            shared_names={name for name, n in name_count.items() if n > 1},
        )

    def warm(self) -> None:
        """Build every index now, once, before rendering is split over forked processes
        (each would otherwise build its own copy)."""
        for name in WARM_SITE:
            getattr(self, name)
        for name in WARM_MODEL:
            getattr(self.data, name)

    @cached_property
    def roots(self) -> list[str]:
        """Documents others carry out: each gets a cascade page."""
        return sorted(self.cascade_pages)

    @cached_property
    def docs(self) -> list[Document]:
        return sort_docs(list(self.data.docs.values()))

    @cached_property
    def duty_count(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for duty in self.data.duties:
            out[duty.body] += 1
        return out

    @cached_property
    def lead_count(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for duty in self.data.duties:
            out[duty.body] += duty.role == "lead"
        return out

    @cached_property
    def bodies(self) -> list[Body]:
        """Bodies with most duties first."""
        return sorted(
            self.data.bodies.values(), key=lambda b: (-self.duty_count[b.iri], fold(b.name))
        )

    @cached_property
    def links_from(self) -> dict[str, list[DocLink]]:
        out: dict[str, list[DocLink]] = defaultdict(list)
        for link in self.data.links:
            out[link.citing].append(link)
        return out

    @cached_property
    def links_to(self) -> dict[str, list[DocLink]]:
        out: dict[str, list[DocLink]] = defaultdict(list)
        for link in self.data.links:
            out[link.cited].append(link)
        return out

    @cached_property
    def cascade_links(self) -> dict[tuple[str, str], DocLink]:
        """(parent, child) -> the link by which the child carries the parent out (the last
        in data.links' order), built once for every cascade page."""
        out: dict[tuple[str, str], DocLink] = {}
        for link in self.data.links:
            if link.relation in ("implements", "guides"):
                out[(link.cited, link.citing)] = link
        return out

    @cached_property
    def reports_of(self) -> dict[str, list[Report]]:
        out: dict[str, list[Report]] = defaultdict(list)
        for rep in self.data.reports:
            out[rep.doc].append(rep)
        return out

    @cached_property
    def reports_of_body(self) -> dict[str, list[Report]]:
        """Body -> the reports it sends, receives or passes on (links from the graph)."""
        out: dict[str, list[Report]] = defaultdict(list)
        for rep in self.data.reports:
            for body in {rep.reporter, rep.recipient, rep.via} - {None}:
                out[body].append(rep)
        return out

    @cached_property
    def targets_of(self) -> dict[str, list[Target]]:
        out: dict[str, list[Target]] = defaultdict(list)
        for target in self.data.targets:
            out[target.doc].append(target)
        return out

    @cached_property
    def issued(self) -> dict[str, list[Document]]:
        out: dict[str, list[Document]] = defaultdict(list)
        for d in self.docs:
            if d.issuer:
                out[d.issuer].append(d)
        return out


def quote_html(ev: Evidence, text: str | None = None, context: int = 160) -> str | None:
    """The evidence sentence with its mark, from the full text when at hand, else from the quote selector."""
    if text is not None:
        return highlight_html(text, ev.start, ev.end, context)
    if ev.exact is None:
        return None
    prefix, suffix = ev.prefix or "", ev.suffix or ""
    cut = re.search(r"\s", prefix)  # the selector's context starts and ends mid-word
    prefix = prefix[cut.end() :] if cut else prefix
    cut = max(suffix.rfind(" "), suffix.rfind("\n"))
    suffix = suffix[:cut] if cut > 0 else suffix
    return (
        ("…" if prefix else "")
        + html.escape(prefix)
        + "<mark>"
        + html.escape(ev.exact)
        + "</mark>"
        + html.escape(suffix)
        + ("…" if suffix else "")
    )


def ev_attrs(ev: Evidence | None, extra_class: str = "") -> Markup:
    """Attributes that make an element show its evidence when clicked (offsets are ints)."""
    if ev is None:
        return Markup(f' class="{extra_class}"' if extra_class else "")
    return Markup(
        f' class="ev {extra_class}" data-ev="{int(ev.start)}-{int(ev.end)}" tabindex="0"'
        ' title="Bấm để xem câu văn gốc"'
    )
