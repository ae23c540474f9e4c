"""DocumentRecord -> the gold-file shape (../shared/gold/SCHEMA.md), JSON and a terminal table.

The JSON shape is the yardstick's: ``dkg extract --format json`` and ``dkg
export --format json`` both print these dicts, and kg.evaluate scores them.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from kg.models import Assignment, DocRef, DocumentRecord

# The gold's "document" fields (SCHEMA.md): what records show and evaluate scores.
DOCUMENT_FIELDS = (
    "type",
    "number",
    "date",
    "issuer",
    "issuer_level",
    "issuer_kind",
    "province",
    "district",
    "signer",
    "signer_title",
    "subject",
)


def gold_implements(record: DocumentRecord) -> list[DocRef]:
    """What the gold's "implements" lists: documents carried out (Thực hiện /
    Triển khai) and, per SCHEMA.md, those the opening rests on (Căn cứ)."""
    out = [r for r in record.implements if r.number]  # the gold lists numbered documents
    seen = {r.key for r in out}
    for r in record.references:
        if r.relation == "based_on" and r.number and not r.short and r.key not in seen:
            seen.add(r.key)
            out.append(r)
    return out


def gold_cites(record: DocumentRecord) -> list[str]:
    """Every other number as printed, once each, in reading order."""
    skip = {r.key for r in gold_implements(record)}
    out: list[str] = []
    for r in record.references:
        if r.short or not r.number or r.key in skip:
            continue
        if r.number not in out:
            out.append(r.number)
    return out


REF_FIELDS = ("number", "type", "date", "issuer")
ASSIGNMENT_FIELDS = (
    "agency",
    "as_written",
    "mode",
    "duties",
    "first_duty",
    "leads",
    "coordinates_with",
)
REPORTING_FIELDS = ("by", "to", "via", "frequency", "deadline")
TARGET_FIELDS = ("text", "value", "year", "owner")


def first_duty(text: str) -> str:
    """How the gold shows an assignment's first duty: one line, at most 60 characters."""
    return " ".join(text.split())[:60]


def gold_dict(
    file: str,
    document: Mapping[str, Any],
    implements: Iterable[Mapping[str, Any]],
    cites: Iterable[str],
    assignments: Iterable[Mapping[str, Any]],
    reporting: Iterable[Mapping[str, Any]],
    targets: Iterable[Mapping[str, Any]],
    recipients: Iterable[str],
    notes: str,
) -> dict[str, Any]:
    """The one writer of the gold shape (SCHEMA.md), for extraction (``to_gold_dict``) and
    for the graph (kg.export.gold_records): each part gets exactly the schema's keys, in
    the schema's order, so the two can never drift apart."""

    def only(fields: tuple[str, ...], items: Iterable[Mapping[str, Any]]) -> list[dict]:
        return [{f: item.get(f) for f in fields} for item in items]

    return {
        "file": file,
        "document": {f: document.get(f) for f in DOCUMENT_FIELDS},
        "implements": only(REF_FIELDS, implements),
        "cites": list(cites),
        "assignments": only(ASSIGNMENT_FIELDS, assignments),
        "reporting": only(REPORTING_FIELDS, reporting),
        "targets": only(TARGET_FIELDS, targets),
        "recipients": list(recipients),
        "notes": notes,
    }


def _assignment_dict(a: Assignment) -> dict[str, Any]:
    partners: list[str] = []
    for d in a.duties:
        for p in d.partners:
            if p.name not in partners:
                partners.append(p.name)
    return {
        "agency": a.body.name,
        "as_written": a.body.as_written,
        "mode": a.mode,
        "duties": len(a.duties),
        "first_duty": first_duty(a.duties[0].text if a.duties else ""),
        "leads": a.leads,
        "coordinates_with": partners,
    }


def to_gold_dict(record: DocumentRecord) -> dict[str, Any]:
    """The record in exactly the SCHEMA.md shape; "file" is the path as given."""
    doc = record.document
    return gold_dict(
        file=record.source.name,
        document={f: getattr(doc, f) for f in DOCUMENT_FIELDS},
        implements=[vars(r) for r in gold_implements(record)],
        cites=gold_cites(record),
        assignments=[_assignment_dict(a) for a in record.assignments],
        reporting=[vars(r) for r in record.reporting],
        targets=[vars(t) for t in record.targets],
        recipients=[r.text for r in record.recipients],
        notes="; ".join(f.message for f in record.findings),
    )


def records_json(records: list[DocumentRecord]) -> str:
    """A JSON list, one gold-shaped dict per source file, Vietnamese kept readable."""
    return json.dumps([to_gold_dict(r) for r in records], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- table

_WIDTH = 100


def _wrap(label: str, value: str, indent: int = 16) -> list[str]:
    lines = textwrap.wrap(value, width=_WIDTH - indent) or [""]
    out = [f"  {label:<{indent - 2}}{lines[0]}"]
    out += [" " * indent + ln for ln in lines[1:]]
    return out


def _ref_line(r: DocRef) -> str:
    bits = [r.type or "?", r.number or "(no number)"]
    if r.date:
        bits.append(r.date)
    if r.issuer:
        bits.append(f"of {r.issuer}")
    return " ".join(bits)


def document_table(record: DocumentRecord) -> list[str]:
    """Header facts, implements, cites and recipients of one record."""
    doc = record.document
    out = [f"== {record.source.name}"]
    for f in DOCUMENT_FIELDS:
        value = getattr(doc, f)
        out += _wrap(f, "—" if value is None else str(value))
    impl = gold_implements(record)
    out.append(f"  implements ({len(impl)})")
    out += [f"    - {_ref_line(r)}" for r in impl]
    cites = gold_cites(record)
    out += _wrap(f"cites ({len(cites)})", ", ".join(cites) or "—")
    out.append(f"  recipients ({len(record.recipients)})")
    out += [f"    - {r.text}" for r in record.recipients]
    return out


def assignments_table(record: DocumentRecord) -> list[str]:
    """Per body: its duties with role, partners and deadline (issue 3's records)."""
    if not record.assignments:
        return []
    out = [f"  assignments ({len(record.assignments)})"]
    for a in record.assignments:
        lead = " [lead]" if a.leads else ""
        out.append(f"    * {a.body.name} ({a.mode}{lead}, {len(a.duties)} duties)")
        for d in a.duties:
            text = " ".join(d.text.split())
            text = text if len(text) <= 70 else text[:69] + "…"
            extra = []
            if d.partners:
                extra.append("with " + ", ".join(p.name for p in d.partners))
            if d.deadline:
                extra.append(f"by {d.deadline}")
            suffix = f"  ({'; '.join(extra)})" if extra else ""
            out.append(f"        - {d.role:<11} {text}{suffix}")
    if record.reporting:
        out.append(f"  reporting ({len(record.reporting)})")
        for r in record.reporting:
            out.append(
                f"    - {r.by or '?'} -> {r.to or '?'}"
                + (f" via {r.via}" if r.via else "")
                + f"  [{r.frequency or '?'}{', ' + r.deadline if r.deadline else ''}]"
            )
    if record.targets:
        out.append(f"  targets ({len(record.targets)})")
        out += [f"    - {t.text}: {t.value} ({t.year or '—'})" for t in record.targets]
    return out


def records_table(records: list[DocumentRecord]) -> str:
    """What a person reads in a terminal: one block per document."""
    blocks = ["\n".join(document_table(r) + assignments_table(r)) for r in records]
    return "\n\n".join(blocks) + "\n"
