"""The site's data: the read model (kg.read) plus the views' one remaining guess.

The pages read ``kg.read.ReadModel``. Until the graph links every reporting obligation
to the bodies its text names (dkg:reporter / dkg:recipient / dkg:via), a report whose
reporter or recipient is text only is linked here to the document's issuer or a body
assigned in the same document when the text names it exactly.
"""

from __future__ import annotations

from typing import Any

from kg.read import ReadModel, load_model
from kg.text import fold


def load_site_data(source: Any) -> ReadModel:
    """The read model of ``source`` (a store, or a ready ReadModel) as the pages need it."""
    if isinstance(source, ReadModel):
        return source
    model = load_model(source)
    link_report_bodies(model)
    return model


def link_report_bodies(data: ReadModel) -> None:
    """Fallback while the graph leaves reporter / recipient as text only: a text that names,
    exactly, the document's issuer or a body assigned in the same document is that body.
    Nothing is guessed beyond exact (diacritic-folded) names from the same document."""
    for rep in data.reports:
        if rep.reporter and rep.recipient and (rep.via or not rep.via_text):
            continue
        names: dict[str, str] = {}
        doc = data.docs.get(rep.doc)
        if doc and doc.issuer and doc.issuer_name:
            names[fold(doc.issuer_name)] = doc.issuer
        for a in data.assignments_by_doc.get(rep.doc, []):
            body = data.bodies.get(a.body)
            if body and not body.collective:
                names.setdefault(fold(body.name), a.body)
        if rep.reporter is None and rep.reporter_text:
            rep.reporter = names.get(fold(rep.reporter_text))
        if rep.recipient is None and rep.recipient_text:
            rep.recipient = names.get(fold(rep.recipient_text))
        if rep.via is None and rep.via_text:
            rep.via = names.get(fold(rep.via_text))
