"""Text and JSON for the terminal: how `dkg query`, `dkg queries`, `dkg trace` and
`dkg audit` print their answers, and how long commands show their progress (Feedback).

The library returns typed records (kg.queries.QueryResult, kg.trace.TraceNode,
kg.audit.AuditFinding); only this module turns them into lines for people. Machine
formats of query results (csv, tsv, json) are kg.queries.format_result's, shared with
the server.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import TextIO

from kg.audit import AUDIT_KINDS, AuditFinding, short
from kg.progress import group_problems, split_problem
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


def _now_text(model: ReadModel, body: str | None) -> str | None:
    """'now: A; B (functions split: all listed, none chosen)' for a body the 2025
    reorganisation changed; None for a body that still exists."""
    if not body or body not in model.changes:
        return None
    now, ambiguous = model.carried_by_now(body)
    names = "; ".join(model.bodies[b].display if b in model.bodies else b for b in now)
    return f"now: {names}" + (" (split: all listed, none chosen)" if ambiguous else "")


def trace_text(trees: list[TraceNode], model: ReadModel, today: bool = False) -> str:
    """The tree of documents; ``today``: each body the 2025 reorganisation changed is
    followed by the bodies that carry its duties now."""
    lines: list[str] = []
    for tree in trees:
        lines.append(_doc_line(tree.doc))
        names = {n.doc.iri: n.doc.name for n in tree.walk()}
        _render_children(tree, "", lines, names, model, today)
        total = len({n.doc.iri for n in tree.walk()}) - 1
        in_corpus = len({n.doc.iri for n in tree.walk() if n.doc.ingested and n is not tree})
        lines.append(f"({total} documents carry it out, {in_corpus} of them in the corpus)")
        lines.append("")
    return "\n".join(lines)


def _render_children(
    node: TraceNode,
    prefix: str,
    lines: list[str],
    names: dict[str, str],
    model: ReadModel,
    today: bool = False,
) -> None:
    for i, child in enumerate(node.children):
        last = i == len(node.children) - 1
        branch, cont = ("└── ", "    ") if last else ("├── ", "│   ")
        text = _doc_line(child.doc)
        if child.repeated:
            text += f"  (in full under {names.get(child.shown_under or '', '?')})"
        lines.append(prefix + branch + text)
        inner = prefix + cont
        now = _now_text(model, child.doc.issuer) if today else None
        if now:
            lines.append(f"{inner}│ issuer {now}")
        for body, role_counts, items in _duties_by_body(child.duties or [], model):
            roles = ", ".join(f"{r} {n}" for r, n in role_counts)
            lines.append(f"{inner}│ • {body} ({roles})")
            now = _now_text(model, items[0].body) if today else None
            if now:
                lines.append(f"{inner}│     → {now}")
            for d in items:
                lines.append(f"{inner}│     - [{d.role or '?'}] {short(d.text, 90)}")
        _render_children(child, inner, lines, names, model, today)


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
    now, ambiguous = model.carried_by_now(d.body)
    return {
        "carried_by_now": [
            {"body": model.bodies[b].name, "place": model.bodies[b].place_name}
            if b in model.bodies
            else {"body": b, "place": None}
            for b in now
        ],
        "ambiguous": ambiguous,
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


# ---------------------------------------------------------------- progress and problems

STAGES = {  # kg.progress stage -> (what the line says, what it counts)
    "read": ("reading files", "files"),
    "extract": ("extracting", "files"),
    "resolve": ("resolving bodies", ""),
    "lineage": ("lineage", ""),
    "rdf": ("writing RDF", "documents"),
    "reorg": ("2025 successors", ""),
    "exports": ("exports", ""),
    "site": ("site", ""),
    "shacl": ("SHACL", "graphs"),
    "owl": ("OWL consistency", ""),
    "push": ("pushing", "graphs"),
    "export": ("export", ""),
}
MANY = 20  # above this many lines of one sort, print them grouped


class Feedback:
    """Renders kg.progress calls while a command runs.

    On a terminal: a rich progress bar per stage (counts, elapsed, time left, the item
    just done). Elsewhere (CI logs, pipes): one plain line when a stage ends. Quiet:
    nothing. Use as the library's ``progress`` callback inside ``with Feedback(...)``.
    """

    def __init__(
        self, quiet: bool = False, stream: TextIO | None = None, terminal: bool | None = None
    ) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.bar = None
        self.tasks: dict[str, object] = {}
        self.started: dict[str, float] = {}
        self.finished: set[str] = set()

    def __enter__(self) -> Feedback:
        if not self.quiet and self.terminal:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                SpinnerColumn(finished_text="✓"),
                TextColumn("{task.description:<16}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[item]}", style="dim"),
                console=Console(file=self.stream, force_terminal=True),
            )
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __call__(self, stage: str, done: int, total: int, item: str = "") -> None:
        if self.quiet or stage in self.finished:
            return
        self.started.setdefault(stage, time.perf_counter())
        label, _ = STAGES.get(stage, (stage, ""))
        if self.bar is not None:
            shown = "" if done >= total else item if len(item) <= 40 else "…" + item[-39:]
            if stage not in self.tasks:
                self.tasks[stage] = self.bar.add_task(label, total=total, item="")
            self.bar.update(self.tasks[stage], completed=done, total=total, item=shown)
        if done >= total:
            self.finished.add(stage)
            if self.bar is None:
                self.stream.write(self.stage_line(stage, total) + "\n")
                self.stream.flush()

    def stage_line(self, stage: str, total: int) -> str:
        """'[extract] 300 files, 12.3 s': the line a finished stage leaves in a log."""
        label, unit = STAGES.get(stage, (stage, ""))
        seconds = time.perf_counter() - self.started.get(stage, time.perf_counter())
        what = f"{total} {unit}" if unit else "done"
        return f"[{stage}] {what}, {seconds:.1f} s"


def problem_summary(lines: list[str], what: str) -> list[str]:
    """'warnings: 45 in 40 files' and one line per kind of problem, the most files first."""
    if not lines:
        return []
    groups = group_problems(lines)
    files = {f for g in groups for f in g.files}
    where = f" in {len(files)} files" if files else ""
    out = [f"{what}: {len(lines)}{where}"]
    for g in groups:
        count = f"{len(g.files)} files" if g.files else "      "
        out.append(f"  {count:>9}  {g.kind}")
    return out


def many_lines(lines: list[str], prefix: str, what: str) -> list[str]:
    """'FILE: how' lines each with ``prefix`` when there are few; counted by how when many."""
    if len(lines) <= MANY:
        return [prefix + ln for ln in lines]
    counts = Counter(split_problem(ln)[1] for ln in lines)
    out = [f"{prefix}{len(lines)} {what}:"]
    out += [f"  {n:>5}  {how}" for how, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    return out
