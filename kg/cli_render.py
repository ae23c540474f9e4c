"""Text and JSON for the terminal: how `dkg query`, `dkg queries`, `dkg trace` and
`dkg audit` print their answers.

The library returns typed records (kg.queries.QueryResult, kg.trace.TraceNode,
kg.audit.AuditFinding); only this module turns them into lines for people. Machine
formats of query results (csv, tsv, json) are kg.queries.format_result's, shared with
the server.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict

from kg.audit import AUDIT_KINDS, AuditFinding, short
from kg.queries import CannedQuery, QueryResult, format_result, plain
from kg.read import Document, Duty, ReadModel
from kg.trace import TraceNode

ROLE_ORDER = {"lead": 0, "support": 1, "participant": 2}


# ---------------------------------------------------------------- queries


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: QueryResult, max_width: int = 70) -> str:
    if result.form == "ASK":
        return "yes\n" if result.boolean else "no\n"
    if result.form != "SELECT":
        return format_result(result, "ntriples")  # N-Triples whatever the format
    cols = result.variables
    body = [[_cell(plain(t, short=True), max_width) for t in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines) + "\n"


def query_text(result: QueryResult, fmt: str) -> str:
    """A query's answer as `dkg query --format` asks: the table, or a machine format."""
    return format_table(result) if fmt == "table" else format_result(result, fmt)


def describe_queries(queries: Mapping[str, CannedQuery]) -> str:
    """The `dkg queries` listing: name, title, and parameters with examples."""
    if not queries:
        return "no canned queries found\n"
    width = max(len(n) for n in queries)
    lines = []
    for name, q in queries.items():
        lines.append(f"{name.ljust(width)}  {q.title}")
        for p in q.params:
            opt = ", optional" if p.optional else ""
            lines.append(
                f"{'':{width}}    --param {p.name}={p.example}  ({p.type}{opt}) {p.meaning}"
            )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- trace


def _doc_line(d: Document) -> str:
    bits = [d.name]
    if d.number and d.number not in d.name:
        bits.append(d.number)
    meta = [x for x in (d.issuer_name, d.level, d.kind, d.date) if x]
    if not d.ingested:
        meta.append("not in corpus")
    return " — ".join(bits) + (f"  [{'; '.join(meta)}]" if meta else "")


def _body_of(model: ReadModel, duty: Duty) -> tuple[str, str | None]:
    body = model.bodies.get(duty.body)
    return (body.name, body.place_name) if body else (duty.body.rsplit("/", 1)[-1], None)


def trace_text(trees: list[TraceNode], model: ReadModel) -> str:
    lines: list[str] = []
    for tree in trees:
        lines.append(_doc_line(tree.doc))
        names = {n.doc.iri: n.doc.name for n in tree.walk()}
        _render_children(tree, "", lines, names, model)
        total = len({n.doc.iri for n in tree.walk()}) - 1
        in_corpus = len({n.doc.iri for n in tree.walk() if n.doc.ingested and n is not tree})
        lines.append(f"({total} documents carry it out, {in_corpus} of them in the corpus)")
        lines.append("")
    return "\n".join(lines)


def _render_children(
    node: TraceNode, prefix: str, lines: list[str], names: dict[str, str], model: ReadModel
) -> None:
    for i, child in enumerate(node.children):
        last = i == len(node.children) - 1
        branch, cont = ("└── ", "    ") if last else ("├── ", "│   ")
        text = _doc_line(child.doc)
        if child.repeated:
            text += f"  (in full under {names.get(child.shown_under or '', '?')})"
        lines.append(prefix + branch + text)
        inner = prefix + cont
        for body, role_counts, items in _duties_by_body(child.duties or [], model):
            roles = ", ".join(f"{r} {n}" for r, n in role_counts)
            lines.append(f"{inner}│ • {body} ({roles})")
            for d in items:
                lines.append(f"{inner}│     - [{d.role or '?'}] {short(d.text, 90)}")
        _render_children(child, inner, lines, names, model)


def _duties_by_body(
    duties: list[Duty], model: ReadModel
) -> Iterator[tuple[str, list[tuple[str, int]], list[Duty]]]:
    groups: dict[str, list[Duty]] = defaultdict(list)
    for d in duties:
        name, place = _body_of(model, d)
        groups[name + (f" ({place})" if place else "")].append(d)
    for body, items in groups.items():
        counts = Counter(d.role or "?" for d in items)
        yield body, sorted(counts.items(), key=lambda kv: ROLE_ORDER.get(kv[0], 9)), items


def _doc_json(d: Document) -> dict:
    return {
        "iri": d.iri,
        "label": d.label,
        "number": d.number,
        "type": d.type,
        "issuer": d.issuer_name,
        "level": d.level,
        "kind": d.kind,
        "date": d.date,
        "in_corpus": d.ingested,
        "printed_as": d.printed_as,
    }


def _duty_json(d: Duty, model: ReadModel) -> dict:
    body, place = _body_of(model, d)
    return {
        "duty": d.iri,
        "body": body,
        "place": place,
        "role": d.role,
        "mode": d.mode,
        "section": d.section,
        "text": d.text,
        "order": d.order,
    }


def trace_json(trees: list[TraceNode], model: ReadModel) -> str:
    def node(n: TraceNode) -> dict:
        out = {
            **_doc_json(n.doc),
            "depth": n.depth,
            "carries_out": n.via,
            "repeated": n.repeated,
            "shown_under": n.shown_under,
        }
        if n.duties is not None:
            out["duties"] = [_duty_json(d, model) for d in n.duties]
        out["children"] = [node(c) for c in n.children]
        return out

    return json.dumps([node(t) for t in trees], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- audit


def audit_table(findings: Iterable[AuditFinding]) -> str:
    findings = list(findings)
    if not findings:
        return "no findings\n"
    lines = []
    counts = Counter(f.kind for f in findings)
    for kind in [*AUDIT_KINDS, *sorted(set(counts) - set(AUDIT_KINDS))]:
        if kind not in counts:
            continue
        lines.append(f"== {kind} ({counts[kind]})")
        for f in findings:
            if f.kind == kind:
                lines.append(f"  [{f.severity}] {f.message}")
        lines.append("")
    lines.append("summary: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    return "\n".join(lines) + "\n"


def audit_json(findings: Iterable[AuditFinding]) -> str:
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"
