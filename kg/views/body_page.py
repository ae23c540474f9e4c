"""One page per body: its duties in every document (with the sentence they come from),
the bodies it works with, the reports it sends or receives, what it issued."""

from __future__ import annotations

import re

from kg.read import Body, Duty, Report
from kg.views.common import ROLE_ORDER, Site, fold, quote_html
from kg.views.graphs import body_graph
from kg.views.write import Write


def reports_for(site: Site, body: str, reports: list[Report]) -> list[dict]:
    """The body's reports with its part in each (sends, receives, passes on), by due date."""
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


def own_duties(site: Site, body: Body) -> list[Duty]:
    """The body's duties: those it leads first, then by the document's date."""
    docs = site.data.docs
    return sorted(
        site.data.duties_by_body.get(body.iri, []),
        key=lambda d: (
            ROLE_ORDER.get(d.role, 3),
            docs[d.doc].date or "" if d.doc in docs else "",
            d.iri,
        ),
    )


def excerpts(site: Site, duties: list[Duty]) -> dict[str, str]:
    """Duty IRI -> the quoted sentence it was read from, with the duty marked."""
    out = {}
    for duty in duties:
        if duty.evidence:
            doc = site.data.docs.get(duty.doc)
            quoted = quote_html(duty.evidence, doc.source_text if doc else None)
            if quoted:
                out[duty.iri] = quoted
    return out


def write_pages(site: Site, write: Write) -> None:
    for body in write.share(site.bodies):
        if write.unit(site.body_pages[body.iri], body.iri):
            continue
        own = own_duties(site, body)
        partners = {p: len(ds) for p, ds in site.data.partners_of(body.iri).items()}
        write(
            site.body_pages[body.iri],
            "body.html",
            body=body,
            duties=own,
            excerpts=excerpts(site, own),
            partners=sorted(partners.items(), key=lambda kv: (-kv[1], fold(site.body_name(kv[0])))),
            reports=reports_for(site, body.iri, site.reports_of_body.get(body.iri, [])),
            graph=body_graph(site, body.iri, write.limit),
            issued=site.issued.get(body.iri, []),
            steps=site.data.chain(body.iri),
            origins=site.data.origins.get(body.iri, []),
            title=body.name,
        )
