"""The index page: every document and body, searchable; the cascades at the top."""

from __future__ import annotations

from kg.read import Body, Document
from kg.views.common import (
    INDEX_SHOWN,
    KIND_VI,
    LEVEL_VI,
    Site,
    date_vi,
    safe_json,
    sort_docs,
)
from kg.views.write import Write


def write_pages(site: Site, write: Write) -> None:
    data, docs, bodies = site.data, site.docs, site.bodies
    big = len(docs) + len(bodies) > write.index_rows
    write.whole(
        "index.html",
        "index.html",
        docs=docs,
        bodies=bodies,
        duty_count=site.duty_count,
        lead_count=site.lead_count,
        roots=sort_docs([data.docs[r] for r in site.roots if r in data.docs]),
        title="Văn bản và nhiệm vụ",
        index_json=_index_json(site, docs, bodies) if big else None,
    )


def _index_json(site: Site, docs: list[Document], bodies: list[Body]) -> str:
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
                    site.duty_count[b.iri],
                    site.lead_count[b.iri],
                    site.body_pages[b.iri],
                ]
                for b in bodies
            ],
        }
    )
