"""The interactive graphs of the site's pages, as vis-network data (nodes, edges, options)
from pyvis; site.js draws them with the vis-network that pyvis ships, offline and escaped.

``doc_graph``: a document, the bodies it gives duties to, their partners and the
documents it carries out. ``body_graph``: a body and the bodies it works with.
``cascade_graph``: the tree of documents carrying out a directive, top-down by
administrative level, grouped by province when too big for the browser.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.read import LEVELS, Body, Document, Duty, ReadModel
from kg.views.common import (
    KIND_SHAPE,
    LEVEL_COLOUR,
    LEVEL_VI,
    MODE_VI,
    NODE_LIMIT,
    PHYSICS_LIMIT,
    RELATION_VI,
    ROLE_VI,
    Site,
    admin_index,
    date_vi,
    doc_label,
    doc_title,
    short_name,
)


def _graph_payload(nodes: list[dict], edges: list[dict], options: dict, **extra: Any) -> dict:
    """The data site.js hands to vis-network: pyvis's network data (nodes, edges, options).

    pyvis checks each new node and edge against lists of those already added, so a graph
    over NODE_LIMIT nodes (only a national cascade, which opens grouped) is passed on as
    built, in the same shape."""
    if len(nodes) <= NODE_LIMIT:
        net = Network(directed=True, cdn_resources="in_line")
        for node in nodes:
            attrs = dict(node)
            net.add_node(attrs.pop("id"), **attrs)
        for edge in edges:
            attrs = dict(edge)
            net.add_edge(attrs.pop("from"), attrs.pop("to"), **attrs)
        net.options = options
        nodes, edges, _heading, _height, _width, as_json = net.get_network_data()
        options = json.loads(as_json)
    payload = {"nodes": nodes, "edges": edges, "options": options}
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
    _partner_edges(site, duties, shown, nodes, edges, limit)
    _cited_docs(site, doc, nodes, edges, limit)
    return _graph_payload(nodes, edges, _settled(nodes), truncated=truncated)


def _partner_edges(
    site: Site,
    duties: list[Duty],
    shown: set[str],
    nodes: list[dict],
    edges: list[dict],
    limit: int,
) -> None:
    """Dashed edges between bodies that share a duty; partners not yet shown join as nodes."""
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


def _cited_docs(
    site: Site, doc: Document, nodes: list[dict], edges: list[dict], limit: int
) -> None:
    """The documents ``doc`` carries out or relies on, as nodes with an edge from it."""
    data, doc_id = site.data, "d:" + doc.iri
    ids = {n["id"] for n in nodes}
    for link in site.links_from[doc.iri]:
        if link.relation not in ("implements", "guides", "based_on"):
            continue
        cited = data.docs.get(link.cited)
        if cited is None or len(nodes) >= limit:
            continue
        node_id = "d:" + cited.iri
        if node_id not in ids:
            ids.add(node_id)
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
    options = _settled(nodes)
    return _graph_payload(nodes, edges, options, truncated=max(0, len(counts) - len(partners)))


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


def _province_of(data: ReadModel, doc: Document | None) -> str | None:
    """The province a document belongs to: its own, else its issuer's."""
    if doc is None:
        return None
    if doc.province:
        return doc.province
    issuer = data.bodies.get(doc.issuer) if doc.issuer else None
    return issuer.province if issuer else None


def cascade_rows(
    data: ReadModel, order: list[str], pairs: list[tuple[str, str]], depth: dict[str, int]
) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Each member's admin level (unknown levels take their parent's) and the rows of the
    drawing: admin level first, then depth, so a plan sits under the one it carries out.
    The last answer is kept for the same (unchanged) objects: a national cascade's
    overview and each of its province pages ask it of the whole cascade."""
    inputs = (data, order, pairs, depth)
    if _LAST_ROWS and all(a is b for a, b in zip(_LAST_ROWS[0], inputs, strict=True)):
        return _LAST_ROWS[1]
    _LAST_ROWS[:] = [inputs, _cascade_rows(*inputs)]
    return _LAST_ROWS[1]


_LAST_ROWS: list = []  # [inputs, answer] of the last cascade_rows call


def _cascade_rows(
    data: ReadModel, order: list[str], pairs: list[tuple[str, str]], depth: dict[str, int]
) -> tuple[dict[str, int], list[tuple[int, int]]]:
    adm: dict[str, int] = {}
    parents: dict[str, list[str]] = defaultdict(list)
    for parent, child in pairs:
        parents[child].append(parent)
    for iri in order:
        level = admin_index(data.docs[iri].level if iri in data.docs else None)
        if level is None:
            level = max((adm[p] for p in parents[iri] if p in adm), default=0)
        adm[iri] = level
    return adm, sorted({(adm[i], depth[i]) for i in order})


Members = tuple[list[str], list[tuple[str, str]], dict[str, int]]  # of cascade_members


def cascade_provinces(
    site: Site, root: str, members: Members | None = None
) -> dict[str, list[str]]:
    """Province -> the members of ``root``'s cascade below the central level there, in
    cascade order ("?" for those whose province is unknown)."""
    data = site.data
    order, pairs, depth = members or cascade_members(data, root)
    adm, _rows = cascade_rows(data, order, pairs, depth)
    out: dict[str, list[str]] = defaultdict(list)
    for iri in order:
        if iri != root and adm[iri] > 0:
            out[_province_of(data, data.docs.get(iri)) or "?"].append(iri)
    return dict(out)


def _cascade_node(site: Site, iri: str, level: str, row: int, root: str) -> dict:
    doc = site.data.docs.get(iri) or Document(iri)
    subject = f"\n{doc.subject}" if doc.subject else ""
    issuer = doc.issuer_name or site.body_name(doc.issuer)
    node = {
        "id": "d:" + iri,
        "label": doc_label(doc),
        "title": f"{doc_title(doc)}\n{issuer}\n{LEVEL_VI[level]}"
        + (f", {date_vi(doc.date)}" if doc.date else "")
        + subject,
        "shape": KIND_SHAPE.get(doc.kind, "box"),
        "level": row,
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
    return node


def cascade_overview(
    site: Site, root: str, pages: dict[str, str], members: Members | None = None
) -> dict:
    """A national cascade at a glance: the central documents, and one node per province
    (``pages``: province -> its page) that opens the province's own cascade page; a
    graph of every plan in the country is too big for a browser to open quickly."""
    data = site.data
    order, pairs, depth = members or cascade_members(data, root)
    adm, rows = cascade_rows(data, order, pairs, depth)
    row_of = {key: n for n, key in enumerate(rows)}
    rep: dict[str, str] = {}
    nodes: list[dict] = []
    grouped: dict[str, list[str]] = defaultdict(list)
    for iri in order:
        if iri == root or adm[iri] == 0:
            rep[iri] = "d:" + iri
            nodes.append(
                _cascade_node(site, iri, LEVELS[adm[iri]], row_of[(adm[iri], depth[iri])], root)
            )
        else:
            province = _province_of(data, data.docs.get(iri)) or "?"
            rep[iri] = "p:" + province
            grouped[province].append(iri)
    for province, group in grouped.items():
        name = "Không rõ tỉnh" if province == "?" else province
        nodes.append(
            {
                "id": "p:" + province,
                "label": f"{name}\n({len(group)} văn bản)",
                "title": f"{name}: {len(group)} văn bản. Bấm để mở trang triển khai tại đây.",
                "shape": "box",
                "borderWidth": 2,
                "color": {"background": "#d5d8dc", "border": "#566573"},
                "level": min(row_of[(adm[i], depth[i])] for i in group),
                "url": pages.get(province),
            }
        )
    edges, seen = [], set()
    cite_ev = site.cascade_links
    for parent, child in pairs:
        a, b = rep[parent], rep[child]
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        if b.startswith("p:") or a.startswith("p:"):
            edges.append({"from": a, "to": b, "dashes": True, "color": "#aab7b8"})
            continue
        link = cite_ev.get((parent, child))
        edges.append(
            {
                "from": a,
                "to": b,
                "title": RELATION_VI.get(link.relation if link else "implements", "")
                + (f": {link.printed}" if link and link.printed else ""),
                "href": site.ev_href(link.evidence) if link else None,
            }
        )
    payload = _graph_payload(nodes, edges, TREE_OPTIONS, clusters={}, limit=NODE_LIMIT)
    payload["height"] = max(320, min(720, 130 * len({n["level"] for n in nodes}) + 80))
    return payload


def cascade_graph(
    site: Site,
    root: str,
    limit: int = NODE_LIMIT,
    only: set[str] | None = None,
    members: Members | None = None,
) -> dict:
    """The tree of implementing documents, top-down by admin level; grouped when too big.

    ``only``: draw just these members (one province's plans), the root and the central
    documents above them; ``members``: cascade_members's answer, when already at hand."""
    data = site.data
    order, pairs, depth = members or cascade_members(data, root)
    adm, rows = cascade_rows(data, order, pairs, depth)
    if only is not None:
        order = [i for i in order if i == root or adm[i] == 0 or i in only]
        kept = set(order)
        pairs = [(a, b) for a, b in pairs if a in kept and b in kept]
        rows = sorted({(adm[i], depth[i]) for i in order})
    row_of = {key: n for n, key in enumerate(rows)}
    nodes = [
        _cascade_node(site, iri, LEVELS[adm[iri]], row_of[(adm[iri], depth[iri])], root)
        for iri in order
    ]

    edges = []
    cite_ev = site.cascade_links
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
            province = _province_of(data, data.docs.get(iri)) or "?"
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
    payload = _graph_payload(nodes, edges, TREE_OPTIONS, clusters=clusters, limit=limit)
    payload["height"] = max(320, min(720, 130 * len(rows) + 80))  # one band per row of the tree
    return payload


# ---------------------------------------------------------------- pages
