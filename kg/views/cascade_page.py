"""One page per document that others carry out: the cascade under it, as a tree (or
by level when very large) and as a graph top-down by administrative level.

A national cascade (more documents than a graph opens quickly) gets an overview page, the
central documents and one node and row per province, and one page per province with the
plans there: 10,000 plans on one page took seconds to open in Chromium. A province's page
shows only what lies in that province (its count, not the country's), so adding one plan
changes the overview and one province's page, and the others are carried over."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from kg.read import LEVELS, Document
from kg.views.common import (
    CASCADE_LIMIT,
    TREE_LIST_LIMIT,
    Site,
    doc_title,
    slug,
    stable_pickle,
)
from kg.views.graphs import (
    Members,
    cascade_graph,
    cascade_members,
    cascade_overview,
    cascade_provinces,
    cascade_rows,
)
from kg.views.write import Write


def by_level(docs: list[Document]) -> list[tuple[str | None, list[Document]]]:
    groups: dict[str | None, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[doc.level if doc.level in LEVELS else None].append(doc)
    return [(lvl, groups[lvl]) for lvl in (*LEVELS, None) if groups.get(lvl)]


def province_page(cascade_page: str, province: str) -> str:
    """cascade-56-ct-tw.html + Hà Nội -> cascade-56-ct-tw--ha-noi.html ("--" never occurs
    in a slug, so it cannot clash with another cascade's page)."""
    return f"{cascade_page.removesuffix('.html')}--{slug(province)}.html"


def write_pages(site: Site, write: Write) -> None:
    data = site.data
    limit = min(write.limit, CASCADE_LIMIT)
    for root in write.share(site.roots):
        main = site.cascade_pages[root]
        if write.unit(main, root):
            # nothing under it changed; a province page may show a record that did
            again = [name for name in write.kept_under(main) if not write.unit(name)]
            if again:
                _national(site, write, root, limit, cascade_members(data, root), set(again))
            continue
        order, pairs, _depth = cascade_members(data, root)
        write.gather(order)  # a new or gone plan under any of them changes the cascade
        root_doc = data.docs.get(root) or Document(root)
        if len(order) > limit:
            write.show(order)  # a plan's level or province: the counts by province
            _national(site, write, root, limit, (order, pairs, _depth))
            continue
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
            by_level=by_level([data.docs[i] for i in order if i in data.docs]),
            graph=cascade_graph(site, root, limit),
            title="Triển khai " + doc_title(root_doc),
        )


def _national(
    site: Site,
    write: Write,
    root: str,
    limit: int,
    members: Members,
    only: set[str] | None = None,
) -> None:
    """The overview page of a big cascade and one page per province, each province's a
    unit of kg.views.reach gathering its plans and what it draws: adding a plan makes
    the overview and its province's page, and carries the others. ``only``: the overview
    was carried, and of the province pages only these are made again."""
    data = site.data
    root_doc = data.docs.get(root) or Document(root)
    main = site.cascade_pages[root]
    groups = cascade_provinces(site, root, members)
    pages = {p: province_page(main, p) for p in groups}
    below = {m for g in groups.values() for m in g}
    central = [i for i in members[0] if i not in below]
    provinces = [
        {
            "name": "Không rõ tỉnh" if p == "?" else p,
            "page": pages[p],
            "count": len(group),
            "levels": [
                (lvl, len(ds))
                for lvl, ds in by_level([data.docs[i] for i in group if i in data.docs])
            ],
        }
        for p, group in sorted(groups.items(), key=lambda kv: (kv[0] == "?", kv[0]))
    ]
    total = sum(len(m) for m in groups.values()) + len(central)
    if only is None:
        levels = by_level([data.docs[i] for i in central if i in data.docs])
        graph = cascade_overview(site, root, pages, members)
        _overview(write, main, root_doc, total, levels, provinces, graph)
    for p, here in groups.items():
        page = pages[p]
        if only is not None and page not in only:
            continue
        # its plans and what it draws of them (the root and the central plans are drawn
        # too, but a plan added under the root elsewhere leaves this page as it is)
        gathers = [*here, _drawn(site, root, members, set(here))]
        last, redo = write.gathered(page), write.redo
        if last is not None and redo is not None and last != set(gathers):
            redo.add(page)  # its plans or their links are not those it drew: make it again
        if write.unit(page, *gathers, through=True):
            continue
        name = "Không rõ tỉnh" if p == "?" else p
        write(
            page,
            "cascade.html",
            doc=root_doc,  # not the national total: a plan added elsewhere leaves it as it is
            list_tree=False,
            by_level=by_level([data.docs[i] for i in here if i in data.docs]),
            province=name,
            here=len(here),
            overview=main,
            graph=cascade_graph(site, root, limit, only=set(here), members=members),
            title=f"Triển khai {doc_title(root_doc)} tại {name}",
        )
    write.end_unit()


def _overview(
    write: Write,
    main: str,
    root_doc: Document,
    total: int,
    levels: list,
    provinces: list[dict],
    graph: dict,
) -> None:
    write(
        main,
        "cascade.html",
        doc=root_doc,
        total=total,
        list_tree=False,
        by_level=levels,
        provinces=provinces,
        graph=graph,
        title="Triển khai " + doc_title(root_doc),
    )


def _drawn(site: Site, root: str, members: Members, only: set[str]) -> str:
    """A digest of what a province's page draws besides the documents' own records: the
    documents (root, central, the province's), each one's level and row, and the links
    between them, as kg.views.graphs.cascade_graph lays them out. A plan's page carries
    only when this is what it drew last."""
    order, pairs, depth = members
    adm, _rows = cascade_rows(site.data, order, pairs, depth)
    drawn = [(i, adm[i], depth[i]) for i in order if i == root or adm[i] == 0 or i in only]
    kept = {i for i, _a, _d in drawn}
    links = site.cascade_links
    edges = []
    for a, b in pairs:
        if a in kept and b in kept:
            link = links.get((a, b))
            ev = link.evidence if link else None
            where = (ev.doc, ev.start, ev.end) if ev else None
            edges.append(
                (a, b, link.relation if link else None, link.printed if link else None, where)
            )
    h = hashlib.blake2b(stable_pickle((drawn, edges)), digest_size=16)
    return "drawn:" + h.hexdigest()
