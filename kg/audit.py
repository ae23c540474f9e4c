"""Audit: findings an auditor acts on, mostly from the canned queries.

Each kind of finding has its own small reader over the store (canned queries and the
read model's document names); ``audit`` runs them in the order of AUDIT_KINDS.
Rendering for the terminal lives in kg.cli_render.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kg.numbers import number_key
from kg.queries import get_query, run_query, select_values
from kg.read import ReadModel, document_names


@dataclass
class AuditFinding:
    kind: str
    severity: str  # warning | info
    document: str | None
    message: str
    details: dict = field(default_factory=dict)


AUDIT_KINDS = (
    "several-numbers",
    "extraction-finding",
    "missing-number",
    "missing-date",
    "implemented-not-in-corpus",
    "cited-not-in-corpus",
    "no-lead",
    "reporting-without-deadline",
    "lineage",
)

Label = Callable[[str | None], str | None]


def short(text: str, width: int) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows(store, name: str) -> list[dict[str, str | None]]:
    return run_query(get_query(name), {}, store=store).records()


def audit(store: Any, model: ReadModel | None = None) -> list[AuditFinding]:
    """Every finding, in the order of AUDIT_KINDS, then by document."""
    names = document_names(model or store)  # not the whole model: minutes at national scale

    def label(iri: str | None) -> str | None:
        return names.get(iri, iri) if iri else iri

    out: list[AuditFinding] = []
    for finder in (
        _several_numbers,
        _extraction_findings,
        _missing_number_or_date,
        _not_in_corpus,
        _no_lead,
        _reporting_without_deadline,
        _lineage_findings,
    ):
        # sorted here, not by the queries' ORDER BY: engines collate strings differently
        out.extend(sorted(finder(store, label), key=lambda f: (f.document or "", f.message)))
    return out


def _several_numbers(store, label: Label) -> list[AuditFinding]:
    out = []
    for r in _rows(store, "inconsistent_citations"):
        forms = sorted(r["printed_as"].split(" | "))  # GROUP_CONCAT's order is the engine's
        keys = {number_key(f) for f in forms}
        what = "printing variants of one number" if len(keys) == 1 else "different numbers"
        out.append(
            AuditFinding(
                "several-numbers",
                "warning",
                r["doc"],
                f"{label(r['doc'])} is printed under {len(forms)} numbers ({what}): "
                + ", ".join(forms),
                {"printed_as": forms, "printed_in": sorted((r["printed_in"] or "").split(" | "))},
            )
        )
    return out


def _extraction_findings(store, label: Label) -> list[AuditFinding]:
    out = []
    for r in _rows(store, "findings"):
        where = f" at {r['start']}–{r['end']}" if r["start"] else ""
        message = r["message"] or ""
        quote = f': "{short(r["exact"], 80)}"' if r["exact"] and "“" not in message else ""
        out.append(
            AuditFinding(
                "extraction-finding",
                "warning",
                None,
                f"{r['document'] or '?'}: {r['finding_kind']}{where} — {message}{quote}",
                {"finding_kind": r["finding_kind"], "start": r["start"], "end": r["end"]},
            )
        )
    return out


def _true(value: str | None) -> bool:
    """A boolean column: Virtuoso answers a boolean BIND with 1 / 0."""
    return value in ("true", "1")


def _missing_number_or_date(store, label: Label) -> list[AuditFinding]:
    out = []
    for r in _rows(store, "plans_missing_number_or_date"):
        name = f"{label(r['doc'])} ({r['source']})"
        if _true(r["missing_number"]):
            out.append(
                AuditFinding(
                    "missing-number",
                    "info",
                    r["doc"],
                    f"{name} has no number (the 'Số' line is blank or absent)",
                )
            )
        if _true(r["missing_full_date"]):
            known = f"only {r['date']} is known" if r["date"] else "no date at all"
            out.append(
                AuditFinding("missing-date", "info", r["doc"], f"{name} has no full date: {known}")
            )
    return out


def _not_in_corpus(store, label: Label) -> list[AuditFinding]:
    implemented = {
        r["cited"]
        for r in select_values(
            store,
            "SELECT DISTINCT ?cited WHERE "
            "{ ?c dkg:ingested true ; eli:ensures_implementation_of ?cited }",
        )
    }
    out = []
    for r in _rows(store, "cited_not_in_corpus"):
        impl = r["doc"] in implemented
        out.append(
            AuditFinding(
                "implemented-not-in-corpus" if impl else "cited-not-in-corpus",
                "warning" if impl else "info",
                r["doc"],
                f"{r['label'] or r['doc']} is {'implemented' if impl else 'cited'} by "
                f"{r['citing_documents']} document(s) ({r['mentions']} mention(s)) "
                "but its text is not in the corpus"
                + ("; its duties cannot be traced to the plans" if impl else ""),
                {"mentions": int(r["mentions"]), "citing_documents": int(r["citing_documents"])},
            )
        )
    return out


def _no_lead(store, label: Label) -> list[AuditFinding]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, "bodies_without_lead"):
        by_doc[r["doc"]].append(r)
    out = []
    for doc, rows in by_doc.items():
        names = [f"{r['body_name']} ({r['duties']})" for r in rows]
        out.append(
            AuditFinding(
                "no-lead",
                "info",
                doc,
                f"{label(doc)}: {len(rows)} bod{'y has' if len(rows) == 1 else 'ies have'} duties "
                f"but lead none: {'; '.join(names)}",
                {"bodies": [r["body_name"] for r in rows]},
            )
        )
    return out


def _reporting_without_deadline(store, label: Label) -> list[AuditFinding]:
    return [
        AuditFinding(
            "reporting-without-deadline",
            "warning",
            None,
            f"{r['document']}: {r['frequency'] or 'regular'} report by {r['reporter'] or '?'} "
            f"to {r['recipient'] or '?'} has no due date",
            {"obligation": r["obligation"]},
        )
        for r in _rows(store, "reporting_without_deadline")
    ]


_LINEAGE = """SELECT ?parent ?child ?pd ?cd ?ptext ?body WHERE {
  { ?cd dkg:counterpartOf ?pd . ?cd dkg:inDocument ?child }
  UNION { ?pd dkg:droppedIn ?child }
  ?pd dkg:inDocument ?parent ; dkg:text ?ptext ; dkg:responsibleBody/rdfs:label ?body .
}"""


def _lineage_findings(store, label: Label) -> list[AuditFinding]:
    pairs: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: {"kept": [], "dropped": []})
    for r in select_values(store, _LINEAGE):
        pairs[(r["parent"], r["child"])]["kept" if r["cd"] else "dropped"].append(r)
    out = []
    for (parent, child), res in sorted(pairs.items()):
        kept = {r["pd"] for r in res["kept"]}
        dropped = sorted({(r["body"], r["ptext"]) for r in res["dropped"] if r["pd"] not in kept})
        total = len(kept) + len(dropped)
        msg = f"{label(child)} carries out {len(kept)} of {total} duties of {label(parent)}"
        if dropped:
            msg += "; dropped: " + "; ".join(f"{b}: {short(t, 70)}" for b, t in dropped)
        out.append(
            AuditFinding(
                "lineage",
                "warning" if dropped else "info",
                child,
                msg,
                {"parent": parent, "kept": len(kept), "dropped": [t for _, t in dropped]},
            )
        )
    return out
