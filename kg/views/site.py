"""The staff site: static HTML pages with interactive graphs, readable offline.

``build_site`` reads the read model of the store (kg.read, via kg.views.data), then writes
an index, one page per document, per body and per directive that others carry
out (its cascade). Pages work from file:// and behind ``dkg serve``: links are
relative, vis-network and the CSS are bundled in static/, nothing is fetched.

Safety: Jinja2 autoescapes every string; graph data goes into a
``<script type="application/json">`` element through ``safe_json`` (no ``<``,
``>`` or ``&`` survive, so neither ``</script>`` nor ``<!--`` can end it);
tooltips are turned into DOM text nodes by site.js, never parsed as HTML.
"""

from __future__ import annotations

import glob
import hashlib
import html
import json
import math
import os
import re
import shutil
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.read import LEVELS, Body, DocLink, Document, Duty, Evidence, ReadModel
from kg.views.calendar_page import write_calendar_pages
from kg.views.data import load_site_data

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

NODE_LIMIT = 1500  # never ask the browser to lay out more nodes than this at once
PHYSICS_LIMIT = 250  # above this many nodes a graph gets a precomputed layout, physics off
INDEX_ROW_LIMIT = 3000  # beyond this many documents + bodies the index rows are drawn by site.js
INDEX_SHOWN = 300  # rows per table site.js shows at once on such an index
TREE_LIST_LIMIT = 3000  # beyond this the cascade page lists documents by level, not as a tree

ROLE_VI = {"lead": "Chủ trì", "support": "Phối hợp", "participant": "Tham gia"}
MODE_VI = {"assigned": "Được giao", "requested": "Đề nghị"}
LEVEL_VI = {"central": "Trung ương", "province": "Tỉnh", "district": "Huyện", "commune": "Xã"}
KIND_VI = {"party": "Đảng", "state": "Nhà nước", "mass-org": "Đoàn thể"}
FREQ_VI = {
    "annual": "Hằng năm",
    "semiannual": "6 tháng",
    "quarterly": "Hằng quý",
    "monthly": "Hằng tháng",
    "periodic": "Định kỳ",
    "ad hoc": "Đột xuất",
    "review milestones": "Sơ kết, tổng kết",
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


def _slug(tail: str) -> str:
    tail = re.sub(r"[^a-z0-9]+", "-", fold(tail)).strip("-")
    return tail[-80:].strip("-") or "x"


def page_names(iris: list[str], prefix: str) -> dict[str, str]:
    """Deterministic, file-system safe page names from the IRIs' distinctive part.

    The path the IRIs share (``.../id/body/``) is dropped; a short hash tells clashes apart.
    """
    unique = sorted(set(iris))
    common = os.path.commonprefix(unique) if len(unique) > 1 else (unique[0] if unique else "")
    cut = common.rfind("/") + 1
    by_slug: dict[str, list[str]] = defaultdict(list)
    for iri in unique:
        by_slug[_slug(iri[cut:])].append(iri)
    out: dict[str, str] = {}
    for slug, group in by_slug.items():
        for iri in group:
            suffix = ""
            if len(group) > 1:
                suffix = "-" + hashlib.sha1(iri.encode()).hexdigest()[:8]
            out[iri] = f"{prefix}-{slug}{suffix}.html"
    return out


# ---------------------------------------------------------------- graphs


def _network(options: dict) -> Network:
    """A pyvis network used as the graph container; rendering is ours (offline, escaped)."""
    net = Network(directed=True, cdn_resources="in_line")
    net.options = options
    return net


def _graph_payload(net: Network, **extra: Any) -> dict:
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    payload = {"nodes": nodes, "edges": edges, "options": json.loads(options)}
    payload["height"] = 320 if len(nodes) <= 6 else 520
    payload.update(extra)
    return payload


PHYSICS_OPTIONS = {
    "physics": {
        "enabled": True,
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -8000, "springLength": 170, "avoidOverlap": 0.6},
        "stabilization": {"enabled": True, "iterations": 250},
    },
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "edges": {"smooth": False, "font": {"size": 11, "align": "middle"}},
    "nodes": {"font": {"size": 13}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}

TREE_OPTIONS = {
    "physics": {"enabled": False},
    "layout": {
        "hierarchical": {
            "enabled": True,
            "direction": "UD",
            "sortMethod": "directed",
            "levelSeparation": 130,
            "nodeSpacing": 170,
            "treeSpacing": 200,
        }
    },
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
    "nodes": {"font": {"size": 13}, "margin": 8},
    "interaction": {"hover": True, "tooltipDelay": 150},
}


@dataclass
class Site:
    """Everything the page writers need: the data plus page names."""

    data: ReadModel
    doc_pages: dict[str, str]
    body_pages: dict[str, str]
    cascade_pages: dict[str, str]
    shared_names: set[str] = field(default_factory=set)  # names several bodies carry
    calendar_hrefs: dict[str, str] = field(default_factory=dict)  # body IRI -> its .ics

    def ev_local(self, ev: Evidence | None) -> list[int] | None:
        """Offsets for site.js on the page of the evidence's own document (code points)."""
        return None if ev is None else [ev.start, ev.end]

    def ev_href(self, ev: Evidence | None) -> str | None:
        """A link that opens the document page with this evidence highlighted."""
        if ev is None or ev.doc not in self.doc_pages:
            return None
        return f"{self.doc_pages[ev.doc]}#ev-{ev.start}-{ev.end}"

    def body_name(self, iri: str | None) -> str:
        if iri is None:
            return ""
        body = self.data.bodies.get(iri)
        return body.display if body else iri.rsplit("/", 1)[-1]


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


def _settled(nodes: list[dict]) -> dict:
    """Options for a star-shaped graph: physics while small; beyond PHYSICS_LIMIT nodes the
    layout is computed here (rings around the first node) and physics is off, since
    settling hundreds of nodes takes tens of seconds in a software-rendered browser."""
    if len(nodes) <= PHYSICS_LIMIT:
        return PHYSICS_OPTIONS
    nodes[0].update(x=0, y=0)
    placed, ring = 1, 1
    while placed < len(nodes):
        radius = 220 * ring
        slots = max(8, int(2 * math.pi * radius / 110))
        members = nodes[placed : placed + slots]
        for i, node in enumerate(members):
            angle = 2 * math.pi * i / len(members)
            node.update(x=round(radius * math.cos(angle)), y=round(radius * math.sin(angle)))
        placed += len(members)
        ring += 1
    return {**PHYSICS_OPTIONS, "physics": {"enabled": False}}


def _body_node(site: Site, iri: str, **attrs: Any) -> dict:
    body = site.data.bodies.get(iri) or Body(iri, site.body_name(iri))
    title = body.display
    label = short_name(body.name)
    if body.place and body.name in site.shared_names:
        label += "\n" + body.place.split(",")[0]
    node = {
        "id": "b:" + iri,
        "label": label,
        "title": title,
        "shape": "ellipse",
        "color": {"background": "#fdebd0", "border": LEVEL_COLOUR.get(body.level, "#7f8c8d")},
        "url": site.body_pages.get(iri),
    }
    node.update(attrs)
    return node


def doc_graph(site: Site, doc: Document, limit: int = NODE_LIMIT) -> dict:
    """The document, the bodies it gives duties to, their partners and the documents it carries out."""
    data = site.data
    duties = data.duties_of_doc(doc.iri)
    per_body: dict[str, list[Duty]] = defaultdict(list)
    for duty in duties:
        per_body[duty.body].append(duty)
    own_assignments = data.assignments_by_doc.get(doc.iri, [])
    assignment_ev = {a.body: a.evidence for a in own_assignments}
    assignment_mode = {a.body: a.mode for a in own_assignments}
    bodies = sorted(
        set(per_body) | set(assignment_ev),
        key=lambda b: (-sum(d.role == "lead" for d in per_body[b]), -len(per_body[b]), b),
    )
    truncated = 0
    if len(bodies) > limit - 1:
        truncated = len(bodies) - (limit - 1)
        bodies = bodies[: limit - 1]
    shown = set(bodies)

    doc_id = "d:" + doc.iri
    nodes: list[dict] = [
        {
            "id": doc_id,
            "label": doc_label(doc),
            "title": doc_title(doc) + (f"\n{doc.subject}" if doc.subject else ""),
            "shape": "box",
            "color": {"background": LEVEL_COLOUR.get(doc.level), "border": "#333"},
            "font": {"color": "#fff", "size": 15},
        }
    ]
    edges: list[dict] = []
    for body in bodies:
        own = per_body[body]
        leads = sum(d.role == "lead" for d in own)
        first_ev = assignment_ev.get(body) or next((d.evidence for d in own if d.evidence), None)
        nodes.append(
            _body_node(
                site,
                body,
                ev=site.ev_local(first_ev),
                borderWidth=3 if leads else 1,
                title=f"{site.body_name(body)}\n{len(own)} nhiệm vụ, {leads} chủ trì",
            )
        )
        mode = assignment_mode.get(body, own[0].mode if own else "assigned")
        edges.append(
            {
                "from": doc_id,
                "to": "b:" + body,
                "label": ROLE_VI["lead"] if leads else MODE_VI.get(mode, ""),
                "title": f"{MODE_VI.get(mode, '')}: {len(own)} nhiệm vụ",
                "arrows": "to",
                "color": "#555" if leads else "#aaa",
                "width": 2 if leads else 1,
                "ev": site.ev_local(first_ev),
            }
        )
    pairs: dict[tuple[str, str], list[Duty]] = defaultdict(list)
    for duty in duties:
        if duty.body not in shown:
            continue
        for partner in duty.partners:
            if partner != duty.body:  # one edge per pair, whichever side names the other
                key = (
                    (duty.body, partner)
                    if (partner, duty.body) not in pairs
                    else (partner, duty.body)
                )
                pairs[key].append(duty)
    for (body, partner), with_duties in sorted(pairs.items()):
        if partner not in shown:
            if len(nodes) >= limit:
                continue
            shown.add(partner)
            nodes.append(
                _body_node(
                    site,
                    partner,
                    shapeProperties={"borderDashes": [4, 3]},
                    title=site.body_name(partner) + "\n(phối hợp)",
                )
            )
        ev = next((d.evidence for d in with_duties if d.evidence), None)
        edges.append(
            {
                "from": "b:" + body,
                "to": "b:" + partner,
                "title": f"{ROLE_VI['support']} ({len(with_duties)} nhiệm vụ): {with_duties[0].text[:200]}",
                "dashes": True,
                "color": "#8e44ad",
                "arrows": "",
                "ev": site.ev_local(ev),
            }
        )
    for link in data.links:
        if link.citing != doc.iri or link.relation not in ("implements", "guides", "based_on"):
            continue
        cited = data.docs.get(link.cited)
        if cited is None or len(nodes) >= limit:
            continue
        node_id = "d:" + cited.iri
        if all(n["id"] != node_id for n in nodes):
            nodes.append(
                {
                    "id": node_id,
                    "label": doc_label(cited),
                    "title": doc_title(cited) + (f"\n{cited.subject}" if cited.subject else ""),
                    "shape": "box",
                    "color": {"background": "#fff", "border": LEVEL_COLOUR.get(cited.level)},
                    "url": site.doc_pages.get(cited.iri),
                }
            )
        edges.append(
            {
                "from": doc_id,
                "to": node_id,
                "label": RELATION_VI.get(link.relation, link.relation),
                "title": RELATION_VI.get(link.relation, "")
                + ": "
                + (link.printed or doc_title(cited)),
                "arrows": "to",
                "color": "#999",
                "ev": site.ev_local(link.evidence),
            }
        )
    net = _network(_settled(nodes))
    net.nodes, net.edges = nodes, edges
    return _graph_payload(net, truncated=truncated)


def body_graph(site: Site, body: str, limit: int = NODE_LIMIT) -> dict:
    """The body and the bodies it coordinates with (either side naming the other as partner)."""
    counts = site.data.partners_of(body)
    partners = sorted(counts, key=lambda p: (-len(counts[p]), p))[: limit - 1]
    nodes = [
        _body_node(site, body, borderWidth=3, color={"background": "#f9e79f", "border": "#333"})
    ]
    edges = []
    for partner in partners:
        with_duties = counts[partner]
        nodes.append(_body_node(site, partner))
        ev = next((d.evidence for d in with_duties if d.evidence), None)
        edges.append(
            {
                "from": "b:" + body,
                "to": "b:" + partner,
                "label": str(len(with_duties)),
                "title": f"{len(with_duties)} nhiệm vụ cùng thực hiện: {with_duties[0].text[:200]}",
                "width": min(6, 1 + len(with_duties)),
                "color": "#8e44ad",
                "href": site.ev_href(ev),
            }
        )
    net = _network(_settled(nodes))
    net.nodes, net.edges = nodes, edges
    return _graph_payload(net, truncated=max(0, len(counts) - len(partners)))


def cascade_members(
    data: ReadModel, root: str
) -> tuple[list[str], list[tuple[str, str]], dict[str, int]]:
    """Documents that carry out ``root`` directly or through others, the edges, and depth.

    Depth is the longest chain from the root (so a plan sits below every plan it carries
    out, even when it also names the root itself); BFS depth if the links form a cycle.
    """
    kids = data.implemented_by()
    depth = {root: 0}
    order = [root]
    edges: list[tuple[str, str]] = []
    queue = [root]
    while queue:
        nxt = []
        for parent in queue:
            for child in sorted(kids.get(parent, [])):
                edges.append((parent, child))
                if child not in depth:
                    depth[child] = depth[parent] + 1
                    order.append(child)
                    nxt.append(child)
        queue = nxt
    graph = nx.DiGraph(edges)
    if edges and nx.is_directed_acyclic_graph(graph):
        for node in nx.topological_sort(graph):
            for child in graph.successors(node):
                depth[child] = max(depth[child], depth[node] + 1)
    return order, edges, depth


def _admin_index(level: str | None) -> int | None:
    return LEVELS.index(level) if level in LEVELS else None


def cascade_graph(site: Site, root: str, limit: int = NODE_LIMIT) -> dict:
    """The tree of implementing documents, top-down by admin level; grouped when too big."""
    data = site.data
    order, pairs, depth = cascade_members(data, root)
    # admin level of each node; unknown levels take their parent's
    adm: dict[str, int] = {}
    parents: dict[str, list[str]] = defaultdict(list)
    for parent, child in pairs:
        parents[child].append(parent)
    for iri in order:
        level = _admin_index(data.docs[iri].level if iri in data.docs else None)
        if level is None:
            level = max((adm[p] for p in parents[iri] if p in adm), default=0)
        adm[iri] = level
    # compact rows: admin level first, then depth, so a plan sits under the one it carries out
    rows = sorted({(adm[i], depth[i]) for i in order})
    row_of = {key: n for n, key in enumerate(rows)}

    def province_of(doc: Document | None) -> str | None:
        if doc is None:
            return None
        if doc.province:
            return doc.province
        issuer = data.bodies.get(doc.issuer) if doc.issuer else None
        return issuer.province if issuer else None

    nodes = []
    for iri in order:
        doc = data.docs.get(iri) or Document(iri)
        level = LEVELS[adm[iri]]
        subject = f"\n{doc.subject}" if doc.subject else ""
        issuer = doc.issuer_name or site.body_name(doc.issuer)
        node = {
            "id": "d:" + iri,
            "label": doc_label(doc),
            "title": f"{doc_title(doc)}\n{issuer}\n{LEVEL_VI[level]}"
            + (f", {date_vi(doc.date)}" if doc.date else "")
            + subject,
            "shape": KIND_SHAPE.get(doc.kind, "box"),
            "level": row_of[(adm[iri], depth[iri])],
            "color": {"background": LEVEL_COLOUR[level], "border": "#222"},
            "font": {"color": "#fff"},
            "url": site.doc_pages.get(iri),
        }
        if not doc.ingested:
            node["shapeProperties"] = {"borderDashes": [5, 4]}
            node["color"] = {"background": "#fff", "border": LEVEL_COLOUR[level]}
            node["font"] = {"color": "#222"}
        if iri == root:
            node["borderWidth"] = 3
        nodes.append(node)

    edges = []
    cite_ev = {
        (lk.cited, lk.citing): lk for lk in data.links if lk.relation in ("implements", "guides")
    }
    for parent, child in pairs:
        link = cite_ev.get((parent, child))
        edges.append(
            {
                "from": "d:" + parent,
                "to": "d:" + child,
                "title": RELATION_VI.get(link.relation if link else "implements", "")
                + (f": {link.printed}" if link and link.printed else ""),
                "href": site.ev_href(link.evidence) if link else None,
            }
        )

    clusters: dict[str, dict] = {}
    if len(nodes) > limit:
        by_province: dict[str, list[dict]] = defaultdict(list)
        for node, iri in zip(nodes, order, strict=True):
            if iri == root or adm[iri] == 0:
                continue
            province = province_of(data.docs.get(iri)) or "?"
            by_province[province].append(node)
            node["groups"] = ["p:" + province]
        for province, members in by_province.items():
            cid = "p:" + province
            name = "Không rõ tỉnh" if province == "?" else province
            clusters[cid] = {
                "label": f"{name}\n({len(members)} văn bản)",
                "title": f"{name}: {len(members)} văn bản. Bấm để mở rộng.",
                "level": min(m["level"] for m in members),
                "size": len(members),
            }
            if len(members) > limit:  # one province too big on its own: group it by level
                for member in members:
                    sub = "l:" + province + ":" + str(member["level"])
                    member["groups"].append(sub)
                    info = clusters.setdefault(
                        sub, {"level": member["level"], "size": 0, "parent": cid}
                    )
                    info["size"] += 1
                for info in clusters.values():
                    if info.get("parent") == cid:
                        row = rows[info["level"]]
                        label = f"{name} · {LEVEL_VI[LEVELS[row[0]]]}"
                        info["label"] = f"{label}\n({info['size']} văn bản)"
                        info["title"] = f"{label}: {info['size']} văn bản. Bấm để mở rộng."
    net = _network(TREE_OPTIONS)
    net.nodes, net.edges = nodes, edges
    payload = _graph_payload(net, clusters=clusters, limit=limit)
    payload["height"] = max(320, min(720, 130 * len(rows) + 80))  # one band per row of the tree
    return payload


# ---------------------------------------------------------------- pages


def ev_attrs(ev: Evidence | None, extra_class: str = "") -> Markup:
    """Attributes that make an element show its evidence when clicked (offsets are ints)."""
    if ev is None:
        return Markup(f' class="{extra_class}"' if extra_class else "")
    return Markup(
        f' class="ev {extra_class}" data-ev="{int(ev.start)}-{int(ev.end)}" tabindex="0"'
        ' title="Bấm để xem câu văn gốc"'
    )


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
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


def _sort_docs(docs: list[Document]) -> list[Document]:
    return sorted(
        docs,
        key=lambda d: (
            _admin_index(d.level) if d.level in LEVELS else 9,
            d.date or "",
            d.number or "",
            d.iri,
        ),
    )


RELATION_ORDER = {"implements": 0, "guides": 1, "based_on": 2, "proposal": 3, "cites": 4}


def _related(links: list[DocLink]) -> list[DocLink]:
    """The document's links, strongest first; a plain mention of a document already
    implemented or relied on is not listed again."""
    stronger = {lk.cited for lk in links if lk.relation != "cites"}
    kept = [lk for lk in links if lk.relation != "cites" or lk.cited not in stronger]
    return sorted(kept, key=lambda lk: RELATION_ORDER.get(lk.relation, 9))


def _by_level(docs: list[Document]) -> list[tuple[str | None, list[Document]]]:
    groups: dict[str | None, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[doc.level if doc.level in LEVELS else None].append(doc)
    return [(lvl, groups[lvl]) for lvl in (*LEVELS, None) if groups.get(lvl)]


def _reports_for(site: Site, body: str, reports: list) -> list[dict]:
    rows = []
    for rep in reports:
        role = (
            "Gửi báo cáo"
            if rep.reporter == body
            else ("Nhận báo cáo" if rep.recipient == body else "Tổng hợp, chuyển tiếp")
        )
        rows.append({"rep": rep, "role": role, "href": site.ev_href(rep.evidence)})

    def due_key(row: dict) -> tuple:
        due = row["rep"].due or ""
        m = re.match(r"(\d{1,2})/(\d{1,2})", due)
        return (int(m.group(2)), int(m.group(1))) if m else (99, 99)

    return sorted(rows, key=due_key)


def _index_json(site: Site, docs: list[Document], bodies: list[Body], duties, leads) -> str:
    """The index rows as data: a national index is too big for the browser as HTML rows,
    so site.js shows only the rows matching the search (at most INDEX_SHOWN per table)."""

    def doc_row(d: Document) -> list:
        return [
            d.issuer_name or site.body_name(d.issuer),
            d.level or "none",
            KIND_VI.get(d.kind or "", ""),
            d.type or "",
            d.number or "(chưa có số)",
            date_vi(d.date),
            d.subject or "",
            site.doc_pages[d.iri],
        ]

    return safe_json(
        {
            "levels": {**LEVEL_VI, "none": "?"},
            "shown": INDEX_SHOWN,
            "docs": [doc_row(d) for d in docs if d.ingested],
            "cited": [doc_row(d) for d in docs if not d.ingested],
            "bodies": [
                [
                    b.name,
                    b.level or "none",
                    b.place or "",
                    duties[b.iri],
                    leads[b.iri],
                    site.body_pages[b.iri],
                ]
                for b in bodies
            ],
        }
    )


def write_site(
    data: ReadModel, site_dir: Path, limit: int = NODE_LIMIT, index_rows: int = INDEX_ROW_LIMIT
) -> SiteReport:
    """Render every page of ``data`` into ``site_dir``, replacing the old site only once complete.

    The pages are written beside it (``site.new-PID``) and swapped in, so a failed or
    interrupted build leaves the previous site as it was.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in site_dir.parent.glob(glob.escape(site_dir.name) + ".*-*"):
        if (
            re.fullmatch(re.escape(site_dir.name) + r"\.(new|old)-\d+", stale.name)
            and stale.is_dir()
        ):
            shutil.rmtree(stale, ignore_errors=True)  # left by an interrupted build
    tmp = site_dir.with_name(site_dir.name + f".new-{os.getpid()}")
    tmp.mkdir()
    try:
        shutil.copytree(STATIC_DIR, tmp / "static")
        report = _render(data, tmp, limit, index_rows)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = site_dir.with_name(site_dir.name + f".old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)
    report.path = site_dir
    report.seconds = time.perf_counter() - started
    return report


def _render(data: ReadModel, tmp: Path, limit: int, index_rows: int) -> SiteReport:
    roots = sorted(iri for iri, kids in data.implemented_by().items() if kids)
    site = Site(
        data=data,
        doc_pages=page_names(list(data.docs), "doc"),
        body_pages=page_names(list(data.bodies), "body"),
        cascade_pages=page_names(roots, "cascade"),
    )
    name_count: dict[str, int] = defaultdict(int)
    for body in data.bodies.values():
        name_count[body.name] += 1
    site.shared_names = {name for name, n in name_count.items() if n > 1}
    env = _env()
    pages = 0

    def write(name: str, template: str, **context: Any) -> None:
        nonlocal pages
        text = env.get_template(template).render(site=site, **context)
        (tmp / name).write_text(text, encoding="utf-8")
        pages += 1

    write_calendar_pages(site, tmp, write, doc_title)
    docs = _sort_docs(list(data.docs.values()))
    duty_count: dict[str, int] = defaultdict(int)
    lead_count: dict[str, int] = defaultdict(int)
    for duty in data.duties:
        duty_count[duty.body] += 1
        lead_count[duty.body] += duty.role == "lead"
    bodies = sorted(data.bodies.values(), key=lambda b: (-duty_count[b.iri], fold(b.name)))
    write(
        "index.html",
        "index.html",
        docs=docs,
        bodies=bodies,
        duty_count=duty_count,
        lead_count=lead_count,
        roots=_sort_docs([data.docs[r] for r in roots if r in data.docs]),
        title="Văn bản và nhiệm vụ",
        index_json=_index_json(site, docs, bodies, duty_count, lead_count)
        if len(docs) + len(bodies) > index_rows
        else None,
    )

    links_from: dict[str, list] = defaultdict(list)
    links_to: dict[str, list] = defaultdict(list)
    for link in data.links:
        links_from[link.citing].append(link)
        links_to[link.cited].append(link)
    reports_of: dict[str, list] = defaultdict(list)
    targets_of: dict[str, list] = defaultdict(list)
    for target in data.targets:
        targets_of[target.doc].append(target)
    reports_of_body: dict[str, list] = defaultdict(list)
    for rep in data.reports:
        reports_of[rep.doc].append(rep)
        for body in {rep.reporter, rep.recipient, rep.via} - {None}:
            reports_of_body[body].append(rep)

    for doc in docs:
        text = data.text_of(doc.iri) if doc.ingested or doc.source_file else None
        duties = data.duties_of_doc(doc.iri)
        groups: dict[str, list[Duty]] = defaultdict(list)
        for duty in duties:
            groups[duty.body].append(duty)
        for a in data.assignments_by_doc.get(doc.iri, []):
            groups.setdefault(a.body, [])
        modes = {a.body: a.mode for a in data.assignments_by_doc.get(doc.iri, [])}
        ordered = sorted(
            groups.items(),
            key=lambda kv: (
                min((ROLE_ORDER.get(d.role, 3) for d in kv[1]), default=3),
                -len(kv[1]),
                fold(site.body_name(kv[0])),
            ),
        )
        write(
            site.doc_pages[doc.iri],
            "doc.html",
            doc=doc,
            groups=ordered,
            modes=modes,
            links_from=_related(links_from[doc.iri]),
            links_to=links_to[doc.iri],
            reports=reports_of[doc.iri],
            targets=targets_of[doc.iri],
            graph=doc_graph(site, doc, limit),
            source_json=safe_json(text) if text is not None else None,
            cascade_page=site.cascade_pages.get(doc.iri),
            title=doc_title(doc),
        )

    issued: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        if d.issuer:
            issued[d.issuer].append(d)
    for body in bodies:
        own = sorted(
            data.duties_by_body.get(body.iri, []),
            key=lambda d: (
                ROLE_ORDER.get(d.role, 3),
                data.docs[d.doc].date or "" if d.doc in data.docs else "",
                d.iri,
            ),
        )
        excerpts = {}
        for duty in own:
            if duty.evidence:
                doc = data.docs.get(duty.doc)
                quoted = quote_html(duty.evidence, doc.source_text if doc else None)
                if quoted:
                    excerpts[duty.iri] = quoted
        partners = {p: len(ds) for p, ds in data.partners_of(body.iri).items()}
        write(
            site.body_pages[body.iri],
            "body.html",
            body=body,
            duties=own,
            excerpts=excerpts,
            partners=sorted(partners.items(), key=lambda kv: (-kv[1], fold(site.body_name(kv[0])))),
            reports=_reports_for(site, body.iri, reports_of_body.get(body.iri, [])),
            graph=body_graph(site, body.iri, limit),
            issued=issued.get(body.iri, []),
            title=body.name,
        )

    for root in roots:
        order, pairs, depth = cascade_members(data, root)
        root_doc = data.docs.get(root) or Document(root)
        kids: dict[str, list[str]] = defaultdict(list)
        for parent, child in pairs:
            kids[parent].append(child)
        write(
            site.cascade_pages[root],
            "cascade.html",
            doc=root_doc,
            order=order,
            kids=kids,
            list_tree=len(order) <= TREE_LIST_LIMIT,
            by_level=_by_level([data.docs[i] for i in order if i in data.docs]),
            graph=cascade_graph(site, root, limit),
            title="Triển khai " + doc_title(root_doc),
        )

    return SiteReport(
        pages=pages,
        documents=len(docs),
        bodies=len(bodies),
        cascades=len(roots),
        seconds=0.0,
        path=tmp,
    )


def build_site(store: Any, out_dir: Path, limit: int = NODE_LIMIT) -> SiteReport:
    """Write the staff site for ``store`` into ``out_dir`` (DIR/site); the build's hook.

    ``store`` is a kg.store.Store, a pyoxigraph Store, or a ready
    ``ReadModel``.
    """
    data = load_site_data(store)
    return write_site(data, Path(out_dir), limit)
