"""One page per document: its header, the bodies it gives duties to (by role), its
links to other documents, reporting and targets, its graph and its source text."""

from __future__ import annotations

from collections import defaultdict

from kg.read import DocLink, Document, Duty
from kg.views.common import ROLE_ORDER, Site, doc_title, fold, safe_json
from kg.views.graphs import doc_graph
from kg.views.write import Write

LINKS_SHOWN = 300  # documents citing this one listed on its page (a directive has 10,000)
RELATION_ORDER = {"implements": 0, "guides": 1, "based_on": 2, "proposal": 3, "cites": 4}


def related(links: list[DocLink]) -> list[DocLink]:
    """The document's links, strongest first; a plain mention of a document already
    implemented or relied on is not listed again."""
    stronger = {lk.cited for lk in links if lk.relation != "cites"}
    kept = [lk for lk in links if lk.relation != "cites" or lk.cited not in stronger]
    return sorted(kept, key=lambda lk: RELATION_ORDER.get(lk.relation, 9))


def duty_groups(site: Site, doc: Document) -> list[tuple[str, list[Duty]]]:
    """(body, its duties) for every body the document names, leads first."""
    groups: dict[str, list[Duty]] = defaultdict(list)
    for duty in site.data.duties_of_doc(doc.iri):
        groups[duty.body].append(duty)
    for a in site.data.assignments_by_doc.get(doc.iri, []):
        groups.setdefault(a.body, [])
    return sorted(
        groups.items(),
        key=lambda kv: (
            min((ROLE_ORDER.get(d.role, 3) for d in kv[1]), default=3),
            -len(kv[1]),
            fold(site.body_name(kv[0])),
        ),
    )


def write_pages(site: Site, write: Write) -> None:
    data = site.data
    for doc in write.share(site.docs):
        if write.unit(site.doc_pages[doc.iri], doc.iri):
            continue
        text = data.text_of(doc.iri) if doc.ingested or doc.source_file else None
        write(
            site.doc_pages[doc.iri],
            "doc.html",
            doc=doc,
            groups=duty_groups(site, doc),
            modes={a.body: a.mode for a in data.assignments_by_doc.get(doc.iri, [])},
            links_from=related(site.links_from[doc.iri]),
            links_to=site.links_to[doc.iri],
            links_shown=LINKS_SHOWN,
            reports=site.reports_of[doc.iri],
            targets=site.targets_of[doc.iri],
            graph=doc_graph(site, doc, write.limit),
            source_json=safe_json(text) if text is not None else None,
            cascade_page=site.cascade_pages.get(doc.iri),
            title=doc_title(doc),
        )
