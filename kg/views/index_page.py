"""The index page: every document and body, searchable; the cascades at the top."""

from __future__ import annotations

from kg.read import Body, Document
from kg.views.common import (
    INDEX_SHOWN,
    KIND_VI,
    LEVEL_VI,
    Site,
    date_vi,
    part_tag,
    safe_json,
    sort_docs,
    stable_parts,
    unique,
)
from kg.views.write import Write

DATA_DIR = "index-data"  # the rows of a national index, in parts (site.js joins them)
PART_ROWS = 2000  # rows per part, about: adding one plan rewrites the few parts it reaches


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
        index_json=safe_json({"levels": {**LEVEL_VI, "none": "?"}, "shown": INDEX_SHOWN})
        if big
        else None,
        index_parts=_index_parts(site, write, docs, bodies) if big else None,
    )


def _index_parts(site: Site, write: Write, docs: list[Document], bodies: list[Body]) -> list[str]:
    """The index rows as data files: a national index is too big for the browser as HTML
    rows, so site.js shows only the rows matching the search (at most INDEX_SHOWN per
    table). Each table's rows, in the index's order, are cut into parts
    (kg.views.common.stable_parts), one script each: adding a plan rewrites the parts
    holding its rows and the rows of bodies it gives duties to, not the whole index."""

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

    def body_row(b: Body) -> list:
        return [
            b.name,
            b.level or "none",
            b.place or "",
            site.duty_count[b.iri],
            site.lead_count[b.iri],
            site.body_pages[b.iri],
        ]

    tables = (
        ("docs", [doc_row(d) for d in docs if d.ingested]),
        ("cited", [doc_row(d) for d in docs if not d.ingested]),
        ("bodies", [body_row(b) for b in bodies]),
    )
    (write.out_dir / DATA_DIR).mkdir(exist_ok=True)
    names: list[str] = []
    for table, rows in tables:
        for part in stable_parts(rows, lambda row: row[-1], PART_ROWS):  # by its page's name
            name = unique(f"{DATA_DIR}/{table}-{part_tag(part[0][-1])}", ".js", names)
            names.append(name)
            write.file(
                name,
                ("index-part", table, part),
                lambda table=table, part=part: (
                    f"(window.dkgIndex = window.dkgIndex || []).push([{safe_json(table)}, "
                    f"{safe_json(part)}]);\n"
                ),
                complete=True,
            )
    return names
