"""Issue 3's hook for the pipeline: who must do what, reporting to whom, which targets.

``extract(structure, facts)`` is the one call the pipeline makes; each part lives
in its own module (duties, reporting, targets) so it can be tested on its own.
"""

from __future__ import annotations

from kg.extract import collectives, defined_names
from kg.extract.bodies import Context
from kg.extract.duties import extract_assignments
from kg.extract.reporting import extract_reporting
from kg.extract.targets import extract_targets
from kg.models import (
    Assignment,
    DocRef,
    DocumentFacts,
    Finding,
    Reporting,
    Structure,
    Target,
)


def extract(
    structure: Structure, facts: DocumentFacts, refs: list[DocRef] | None = None
) -> tuple[list[Assignment], list[Reporting], list[Target], list[Finding]]:
    """Assignments, reporting obligations, numeric targets and findings of one document
    (``refs``: the documents it cites, whose dates bound its own when its date line is lost)."""
    with defined_names.reading(structure.clean.text):  # "(sau đây gọi là Quỹ)"
        ctx = Context.from_facts(facts).learn_places(structure.clean.text)
        ctx.two_tier = collectives.two_tier(facts.date, [r.date for r in refs or ()])
        assignments, findings = extract_assignments(structure, ctx)
        reporting = extract_reporting(structure, ctx, assignments, facts)
        targets = extract_targets(structure, ctx, assignments, facts)
    return assignments, reporting, targets, findings
