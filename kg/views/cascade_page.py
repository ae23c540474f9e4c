"""One page per document that others carry out: the cascade under it, as a tree (or
by level when very large) and as a graph top-down by administrative level."""

from __future__ import annotations

from collections import defaultdict

from kg.read import LEVELS, Document
from kg.views.common import CASCADE_LIMIT, TREE_LIST_LIMIT, Site, doc_title
from kg.views.graphs import cascade_graph, cascade_members
from kg.views.write import Write


def by_level(docs: list[Document]) -> list[tuple[str | None, list[Document]]]:
    groups: dict[str | None, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[doc.level if doc.level in LEVELS else None].append(doc)
    return [(lvl, groups[lvl]) for lvl in (*LEVELS, None) if groups.get(lvl)]


def write_pages(site: Site, write: Write) -> None:
    data = site.data
    for root in write.share(site.roots):
        order, pairs, _depth = cascade_members(data, root)
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
            by_level=by_level([data.docs[i] for i in order if i in data.docs]),
            graph=cascade_graph(site, root, min(write.limit, CASCADE_LIMIT)),
            title="Triển khai " + doc_title(root_doc),
        )
