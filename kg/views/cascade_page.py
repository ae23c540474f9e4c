"""One page per document that others carry out: the cascade under it, as a tree (or
by level when very large) and as a graph top-down by administrative level.

A national cascade (more documents than a graph opens quickly) gets an overview page, the
central documents and one node and row per province, and one page per province with the
plans there: 10,000 plans on one page took seconds to open in Chromium. A province's page
shows only what lies in that province (its count, not the country's), so adding one plan
changes the overview and one province's page, and the others are carried over."""

from __future__ import annotations

from collections import defaultdict

from kg.read import LEVELS, Document
from kg.views.common import CASCADE_LIMIT, TREE_LIST_LIMIT, Site, doc_title, slug
from kg.views.graphs import (
    Members,
    cascade_graph,
    cascade_members,
    cascade_overview,
    cascade_provinces,
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
        if write.unit(site.cascade_pages[root], root):
            continue
        order, pairs, _depth = cascade_members(data, root)
        write.gather(order)  # a new or gone plan under any of them changes the cascade
        root_doc = data.docs.get(root) or Document(root)
        if len(order) > limit:
            _national(site, write, root, root_doc, limit, (order, pairs, _depth))
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
    site: Site, write: Write, root: str, root_doc: Document, limit: int, members: Members
) -> None:
    """The overview page of a big cascade and one page per province."""
    data = site.data
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
    write(
        main,
        "cascade.html",
        doc=root_doc,
        total=total,
        list_tree=False,
        by_level=by_level([data.docs[i] for i in central if i in data.docs]),
        provinces=provinces,
        graph=cascade_overview(site, root, pages, members),
        title="Triển khai " + doc_title(root_doc),
    )
    for p, here in groups.items():
        name = "Không rõ tỉnh" if p == "?" else p
        write(
            pages[p],
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
