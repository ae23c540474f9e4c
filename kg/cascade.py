"""Cascades, lineage and audit: what auditors ask of the graph, computed with networkx.

- ``trace``: the documents that implement a directive, directly or through others
  (``dkg:cascadesFrom``), as a tree with issuer, level and date, optionally with
  the duties each plan hands out.
- ``compute_lineage``: for each plan and each document it implements that is in
  the corpus too, which parent duties have a counterpart in the plan (a duty of
  a body of the same sector at the same or a lower level, with similar wording)
  and which were dropped. kg.build calls it on the new store; kg.rdf turns the
  links into ``dkg:counterpartOf`` / ``dkg:droppedIn`` triples.
- ``audit``: findings an auditor acts on, mostly from the canned queries.

All reads go through SPARQL on the store; nothing here mints IRIs or emits triples.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import networkx as nx

from kg import lexicon
from kg.errors import DkgError
from kg.models import LineageLink
from kg.numbers import number_key
from kg.queries import get_query, run_query, select_values
from kg.text import fold

DKG = "https://w3id.org/dkg/ns#"
LEVELS = ("central", "province", "district", "commune")
LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}


# ---------------------------------------------------------------- documents and the cascade


@dataclass
class DocInfo:
    iri: str
    label: str | None = None
    number: str | None = None
    type: str | None = None
    issuer: str | None = None
    level: str | None = None
    kind: str | None = None
    date: str | None = None
    in_corpus: bool = False
    printed_as: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.label or self.number or self.iri.rsplit("/", 1)[-1]


def documents(store) -> dict[str, DocInfo]:
    rows = select_values(
        store,
        """SELECT ?doc ?label ?number ?type ?issuer ?level ?kind ?date ?ingested ?printed WHERE {
          ?doc a dkg:Document .
          OPTIONAL { ?doc rdfs:label ?label }
          OPTIONAL { ?doc eli:id_local ?number }
          OPTIONAL { ?doc eli:type_document/skos:prefLabel ?type FILTER(LANGMATCHES(LANG(?type), "vi")) }
          OPTIONAL { ?doc dkg:issuerText ?issuer }
          OPTIONAL { ?doc dkg:level ?level }
          OPTIONAL { ?doc dkg:kind ?kind }
          OPTIONAL { ?doc dkg:date ?date }
          OPTIONAL { ?doc dkg:ingested ?ingested }
          OPTIONAL { ?doc dkg:printedAs ?printed }
        }""",
    )
    docs: dict[str, DocInfo] = {}
    for r in rows:
        d = docs.get(r["doc"])
        if d is None:
            d = docs[r["doc"]] = DocInfo(
                iri=r["doc"],
                label=r["label"],
                number=r["number"],
                type=r["type"],
                issuer=r["issuer"],
                level=lexicon.decode(r["level"]),
                kind=lexicon.decode(r["kind"]),
                date=r["date"],
                in_corpus=r["ingested"] == "true",
            )
        if r["ingested"] == "true":
            d.in_corpus = True
        if r["printed"] and r["printed"] not in d.printed_as:
            d.printed_as.append(r["printed"])
    for d in docs.values():
        d.printed_as.sort()
    return docs


def cascade_graph(store, docs: dict[str, DocInfo] | None = None) -> nx.DiGraph:
    """Directed graph parent → child over ``dkg:cascadesFrom`` (implements / guides)."""
    docs = docs if docs is not None else documents(store)
    g = nx.DiGraph()
    for iri, info in docs.items():
        g.add_node(iri, info=info)
    for r in select_values(
        store, "SELECT DISTINCT ?child ?parent WHERE { ?child dkg:cascadesFrom ?parent }"
    ):
        for n in (r["child"], r["parent"]):
            if n not in g:
                g.add_node(n, info=DocInfo(iri=n))
        if r["child"] != r["parent"]:
            g.add_edge(r["parent"], r["child"])
    return g


def find_documents(doc: str, docs: dict[str, DocInfo]) -> list[str]:
    """Documents a user means by ``doc``: an IRI, a number in any printing, or a name."""
    doc = doc.strip()
    if doc in docs:
        return [doc]
    key = number_key(doc) if re.search(r"\d", doc) else None
    if key:
        found = [
            iri
            for iri, d in docs.items()
            if any(number_key(p) == key for p in [*d.printed_as, *([d.number] if d.number else [])])
        ]
        if found:
            return sorted(found)
    wanted = fold(doc)
    found = [iri for iri, d in docs.items() if d.label and wanted and wanted in fold(d.label)]
    if found:
        return sorted(found)
    known = sorted({d.number for d in docs.values() if d.number})
    hint = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    raise DkgError(f"no document '{doc}' in the store (numbers known: {hint or 'none'})")


@dataclass
class DutyLine:
    duty: str
    body: str
    place: str | None
    role: str | None
    mode: str | None
    section: str | None
    text: str
    order: int = 0


def duties_by_document(store) -> dict[str, list[DutyLine]]:
    rows = select_values(
        store,
        """SELECT ?duty ?doc ?body ?place ?role ?mode ?section ?text ?order ?aorder WHERE {
          ?duty a dkg:Duty ; dkg:inDocument ?doc ; dkg:responsibleBody ?b ; dkg:text ?text .
          ?b rdfs:label ?body .
          OPTIONAL { ?b dkg:jurisdiction/rdfs:label ?place }
          OPTIONAL { ?duty dkg:role ?role }
          OPTIONAL { ?duty dkg:mode ?mode }
          OPTIONAL { ?duty dkg:section ?section }
          OPTIONAL { ?duty dkg:order ?order }
          OPTIONAL { ?a dkg:duty ?duty ; dkg:order ?aorder }
        }""",
    )
    out: dict[str, list[DutyLine]] = defaultdict(list)
    seen: set[str] = set()
    for r in sorted(rows, key=lambda r: (int(r["aorder"] or 0), int(r["order"] or 0), r["duty"])):
        if r["duty"] in seen:
            continue
        seen.add(r["duty"])
        out[r["doc"]].append(
            DutyLine(
                duty=r["duty"],
                body=r["body"],
                place=r["place"],
                role=lexicon.decode(r["role"]),
                mode=lexicon.decode(r["mode"]),
                section=r["section"],
                text=r["text"],
                order=int(r["order"] or 0),
            )
        )
    return dict(out)


@dataclass
class TraceNode:
    doc: DocInfo
    depth: int
    via: list[str] = field(
        default_factory=list
    )  # the parents in this cascade it directly carries out
    children: list[TraceNode] = field(default_factory=list)
    duties: list[DutyLine] | None = None
    repeated: bool = False  # already expanded elsewhere in the tree
    shown_under: str | None = None  # for a repeat: the parent under which it is expanded

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def _sort_key(g: nx.DiGraph, n: str) -> tuple:
    d: DocInfo = g.nodes[n]["info"]
    return (LEVEL_RANK.get(d.level or "", 9), d.date or "9999", d.name, n)


def trace(store, doc: str, depth: int | None = None, with_duties: bool = False) -> list[TraceNode]:
    """The cascade under ``doc`` as one tree per matching document (normally one).

    A plan that carries out the directive along several paths (directly and
    through a provincial guidance) appears under each parent; its subtree is
    expanded once, at its first appearance, and marked ``repeated`` elsewhere.
    """
    docs = documents(store)
    g = cascade_graph(store, docs)
    roots = find_documents(doc, docs)
    duties = duties_by_document(store) if with_duties else {}
    return [
        _breadth_first_tree(g.subgraph(nx.descendants(g, r) | {r}), r, depth, duties, with_duties)
        for r in roots
    ]


def _breadth_first_tree(sub, root, depth, duties, with_duties) -> TraceNode:
    """Build the tree so that each document is expanded at its shallowest position."""
    shortest = nx.single_source_shortest_path_length(sub, root)
    expand_parent: dict[str, str] = {}
    for n in sorted(sub.nodes, key=lambda k: (shortest.get(k, 1 << 30), _sort_key(sub, k))):
        if n == root:
            continue
        parents = [p for p in sub.predecessors(n) if shortest.get(p, 1 << 30) == shortest[n] - 1]
        expand_parent[n] = min(parents, key=lambda p: _sort_key(sub, p))

    def make(n: str, level: int, parent: str | None) -> TraceNode:
        node = TraceNode(
            doc=sub.nodes[n]["info"],
            depth=level,
            via=sorted(sub.predecessors(n), key=lambda p: _sort_key(sub, p)) if parent else [],
        )
        if parent is not None and expand_parent.get(n) != parent:
            node.repeated = True
            node.shown_under = expand_parent.get(n)
            return node
        if with_duties:
            node.duties = duties.get(n, [])
        if depth is None or level < depth:
            kids = sorted(sub.successors(n), key=lambda k: _sort_key(sub, k))
            node.children = [make(k, level + 1, n) for k in kids]
        return node

    return make(root, 0, None)


def _doc_line(d: DocInfo) -> str:
    bits = [d.name]
    if d.number and d.number not in d.name:
        bits.append(d.number)
    meta = [x for x in (d.issuer, d.level, d.kind, d.date) if x]
    if not d.in_corpus:
        meta.append("not in corpus")
    return " — ".join(bits) + (f"  [{'; '.join(meta)}]" if meta else "")


def trace_text(trees: list[TraceNode]) -> str:
    lines: list[str] = []
    for tree in trees:
        lines.append(_doc_line(tree.doc))
        names = {n.doc.iri: n.doc.name for n in tree.walk()}
        _render_children(tree, "", lines, names)
        total = len({n.doc.iri for n in tree.walk()}) - 1
        in_corpus = len({n.doc.iri for n in tree.walk() if n.doc.in_corpus and n is not tree})
        lines.append(f"({total} documents carry it out, {in_corpus} of them in the corpus)")
        lines.append("")
    return "\n".join(lines)


def _render_children(node: TraceNode, prefix: str, lines: list[str], names: dict[str, str]) -> None:
    for i, child in enumerate(node.children):
        last = i == len(node.children) - 1
        branch, cont = ("└── ", "    ") if last else ("├── ", "│   ")
        text = _doc_line(child.doc)
        if child.repeated:
            text += f"  (in full under {names.get(child.shown_under or '', '?')})"
        lines.append(prefix + branch + text)
        inner = prefix + cont
        if child.duties:
            for body, role_counts, items in _duties_by_body(child.duties):
                roles = ", ".join(f"{r} {n}" for r, n in role_counts)
                lines.append(f"{inner}│ • {body} ({roles})")
                for d in items:
                    lines.append(f"{inner}│     - [{d.role or '?'}] {_short(d.text, 90)}")
        _render_children(child, inner, lines, names)


def _duties_by_body(duties: list[DutyLine]):
    groups: dict[str, list[DutyLine]] = defaultdict(list)
    for d in duties:
        groups[d.body + (f" ({d.place})" if d.place else "")].append(d)
    order = {"lead": 0, "support": 1, "participant": 2}
    for body, items in groups.items():
        counts = Counter(d.role or "?" for d in items)
        yield body, sorted(counts.items(), key=lambda kv: order.get(kv[0], 9)), items


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def trace_json(trees: list[TraceNode]) -> str:
    def node(n: TraceNode) -> dict:
        out = {
            **asdict(n.doc),
            "depth": n.depth,
            "carries_out": n.via,
            "repeated": n.repeated,
            "shown_under": n.shown_under,
        }
        if n.duties is not None:
            out["duties"] = [asdict(d) for d in n.duties]
        out["children"] = [node(c) for c in n.children]
        return out

    return json.dumps([node(t) for t in trees], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- lineage

_STOP = set(
    fold(
        "các và của cho với trên tại theo để được có là những trong về từ đến này đó "
        "địa bàn tổ chức thực hiện triển khai chủ trì phối hợp tham mưu ủy ban nhân dân "
        "tỉnh huyện xã thành phố thị xã phường thị trấn cấp cơ quan đơn vị liên quan "
        "sở phòng ban ngành đoàn thể trẻ em chống công tác nhiệm vụ hoạt động tăng cường "
        "đẩy mạnh nâng cao hiệu quả"
    ).split()
)


def _tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"\w+", fold(text)) if t not in _STOP and not t.isdigit()]


def _grams(tokens: list[str], n: int = 3) -> Counter:
    s = " ".join(tokens)
    return Counter(s[i : i + n] for i in range(max(0, len(s) - n + 1)))


@dataclass(frozen=True)
class _Wording:
    """What ``similarity`` needs of a text, computed once per duty."""

    words: frozenset[str]
    grams: Counter
    norm: float

    @classmethod
    def of(cls, text: str) -> _Wording:
        tokens = _tokens(text)
        grams = _grams(tokens)
        return cls(frozenset(tokens), grams, math.sqrt(sum(v * v for v in grams.values())))


def _similar(a: _Wording, b: _Wording) -> float:
    if not a.words or not b.words:
        return 0.0
    dice = 2 * len(a.words & b.words) / (len(a.words) + len(b.words))
    small, big = (a.grams, b.grams) if len(a.grams) <= len(b.grams) else (b.grams, a.grams)
    dot = sum(v * big[k] for k, v in small.items())
    cosine = dot / (a.norm * b.norm) if a.norm and b.norm else 0.0
    return (dice + cosine) / 2


def similarity(a: str, b: str) -> float:
    """Wording similarity in [0, 1]: mean of content-word Dice and character-trigram cosine.

    Both run on folded text (no diacritics, one tone placement, lower case) without
    administrative filler words, so "tỉnh" vs "huyện" or "Sở" vs "Phòng" cost nothing.
    """
    return _similar(_Wording.of(a), _Wording.of(b))


@dataclass
class _LDuty:
    iri: str
    doc: str
    body: str
    sector: str | None
    level: str | None
    text: str
    collective: bool = False

    @property
    def wording(self) -> _Wording:
        w = self.__dict__.get("_wording")
        if w is None:
            w = self.__dict__["_wording"] = _Wording.of(self.text)
        return w


def _lineage_duties(store) -> dict[str, list[_LDuty]]:
    rows = select_values(
        store,
        """SELECT ?duty ?doc ?b ?sector ?level ?text ?collective WHERE {
          ?duty a dkg:Duty ; dkg:inDocument ?doc ; dkg:responsibleBody ?b ; dkg:text ?text .
          OPTIONAL { ?b dkg:sector ?sector }
          OPTIONAL { ?b dkg:level ?level }
          OPTIONAL { ?b dkg:collective ?collective }
        }""",
    )
    out: dict[str, dict[str, _LDuty]] = defaultdict(dict)
    for r in rows:
        out[r["doc"]].setdefault(
            r["duty"],
            _LDuty(
                r["duty"],
                r["doc"],
                r["b"],
                r["sector"],
                lexicon.decode(r["level"]),
                r["text"],
                r["collective"] == "true",
            ),
        )
    return {doc: sorted(ds.values(), key=lambda d: d.iri) for doc, ds in out.items()}


SAME_SECTOR_THRESHOLD = 0.4
TEXT_ONLY_THRESHOLD = 0.6


def _compatible(
    parent: _LDuty, child: _LDuty, child_level: str | None = None
) -> tuple[bool, float]:
    """Whether ``child`` may carry out ``parent``, and the similarity it must reach.

    ``child_level`` is the level of the child plan. A parent duty addressed to a
    collective at that level ("UBND các huyện", "các xã, thị trấn") is addressed
    to the child plan's issuer among others, which hands it to any of its
    bodies: the sector then does not constrain the match.
    """
    if (
        parent.level
        and child.level
        and LEVEL_RANK.get(child.level, 9) < LEVEL_RANK.get(parent.level, 9)
    ):
        return False, 1.0  # a plan does not hand a duty upwards
    if parent.collective and child_level and parent.level == child_level:
        return True, SAME_SECTOR_THRESHOLD
    if parent.sector and child.sector:
        if fold(parent.sector) != fold(child.sector):
            return False, 1.0
        return True, SAME_SECTOR_THRESHOLD
    return True, TEXT_ONLY_THRESHOLD


def lineage_pairs(store) -> list[tuple[str, str]]:
    """(parent, child) pairs: child implements parent and both have duties in the graph."""
    rows = select_values(
        store,
        """SELECT DISTINCT ?parent ?child WHERE {
          ?child dkg:ingested true ; eli:ensures_implementation_of|dkg:cascadesFrom ?parent .
          ?parent dkg:ingested true .
          FILTER(?parent != ?child)
        }""",
    )
    return sorted((r["parent"], r["child"]) for r in rows)


def compute_lineage(store) -> list[LineageLink]:
    """For each plan and each implemented document in the corpus: counterparts and drops.

    A parent duty's counterpart is the child duty of a body of the same sector at
    the same or a lower level whose wording is most similar, if similar enough
    (``SAME_SECTOR_THRESHOLD``); when either body has no known sector, only very
    similar wording counts (``TEXT_ONLY_THRESHOLD``). No counterpart: dropped.
    """
    duties = _lineage_duties(store)
    levels = {
        r["doc"]: lexicon.decode(r["level"])
        for r in select_values(
            store, "SELECT ?doc ?level WHERE { ?doc a dkg:Document ; dkg:level ?level }"
        )
    }
    links: list[LineageLink] = []
    for parent, child in lineage_pairs(store):
        p_duties, c_duties = duties.get(parent, []), duties.get(child, [])
        if not p_duties or not c_duties:
            continue
        for pd in p_duties:
            best, best_score = None, 0.0
            for cd in c_duties:
                ok, threshold = _compatible(pd, cd, levels.get(child))
                if not ok:
                    continue
                score = _similar(pd.wording, cd.wording)
                if score >= threshold and score > best_score:
                    best, best_score = cd, score
            links.append(
                LineageLink(
                    parent_duty=pd.iri,
                    child_document=child,
                    child_duty=best.iri if best else None,
                    score=round(best_score, 3) if best else None,
                )
            )
    return links


# ---------------------------------------------------------------- audit


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


def _rows(store, name: str, params: dict | None = None) -> list[dict[str, str | None]]:
    return run_query(get_query(name), params or {}, store=store).records()


def audit(store) -> list[AuditFinding]:
    """Every finding, in the order of AUDIT_KINDS, then by document."""
    out: list[AuditFinding] = []
    docs = documents(store)

    def label(iri: str | None) -> str | None:
        return docs[iri].name if iri in docs else iri

    for r in _rows(store, "inconsistent_citations"):
        forms = r["printed_as"].split(" | ")
        keys = {number_key(f) for f in forms}
        what = "printing variants of one number" if len(keys) == 1 else "different numbers"
        out.append(
            AuditFinding(
                "several-numbers",
                "warning",
                r["doc"],
                f"{label(r['doc'])} is printed under {len(forms)} numbers ({what}): {', '.join(forms)}",
                {"printed_as": forms, "printed_in": (r["printed_in"] or "").split(" | ")},
            )
        )
    for r in _rows(store, "findings"):
        where = f" at {r['start']}–{r['end']}" if r["start"] else ""
        message = r["message"] or ""
        quote = f': "{_short(r["exact"], 80)}"' if r["exact"] and "“" not in message else ""
        out.append(
            AuditFinding(
                "extraction-finding",
                "warning",
                None,
                f"{r['document'] or '?'}: {r['finding_kind']}{where} — {message}{quote}",
                {"finding_kind": r["finding_kind"], "start": r["start"], "end": r["end"]},
            )
        )
    for r in _rows(store, "plans_missing_number_or_date"):
        if r["missing_number"] == "true":
            out.append(
                AuditFinding(
                    "missing-number",
                    "info",
                    r["doc"],
                    f"{label(r['doc'])} ({r['source']}) has no number (the 'Số' line is blank or absent)",
                )
            )
        if r["missing_full_date"] == "true":
            known = f"only {r['date']} is known" if r["date"] else "no date at all"
            out.append(
                AuditFinding(
                    "missing-date",
                    "info",
                    r["doc"],
                    f"{label(r['doc'])} ({r['source']}) has no full date: {known}",
                )
            )
    implemented = {
        r["cited"]
        for r in select_values(
            store,
            "SELECT DISTINCT ?cited WHERE { ?c dkg:ingested true ; eli:ensures_implementation_of ?cited }",
        )
    }
    for r in _rows(store, "cited_not_in_corpus"):
        impl = r["doc"] in implemented
        out.append(
            AuditFinding(
                "implemented-not-in-corpus" if impl else "cited-not-in-corpus",
                "warning" if impl else "info",
                r["doc"],
                f"{r['label'] or r['doc']} is {'implemented' if impl else 'cited'} by "
                f"{r['citing_documents']} document(s) ({r['mentions']} mention(s)) but its text is not in the corpus"
                + ("; its duties cannot be traced to the plans" if impl else ""),
                {"mentions": int(r["mentions"]), "citing_documents": int(r["citing_documents"])},
            )
        )
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, "bodies_without_lead"):
        by_doc[r["doc"]].append(r)
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
    for r in _rows(store, "reporting_without_deadline"):
        out.append(
            AuditFinding(
                "reporting-without-deadline",
                "warning",
                None,
                f"{r['document']}: {r['frequency'] or 'regular'} report by {r['reporter'] or '?'} "
                f"to {r['recipient'] or '?'} has no due date",
                {"obligation": r["obligation"]},
            )
        )
    out.extend(_lineage_findings(store, label))
    return out


def _lineage_findings(store, label) -> list[AuditFinding]:
    pairs: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: {"kept": [], "dropped": []})
    for r in select_values(
        store,
        """SELECT ?parent ?child ?pd ?cd ?ptext ?body WHERE {
          { ?cd dkg:counterpartOf ?pd . ?cd dkg:inDocument ?child }
          UNION { ?pd dkg:droppedIn ?child }
          ?pd dkg:inDocument ?parent ; dkg:text ?ptext ; dkg:responsibleBody/rdfs:label ?body .
        }""",
    ):
        slot = "kept" if r["cd"] else "dropped"
        pairs[(r["parent"], r["child"])][slot].append(r)
    out = []
    for (parent, child), res in sorted(pairs.items()):
        kept = {r["pd"] for r in res["kept"]}
        dropped = sorted({(r["body"], r["ptext"]) for r in res["dropped"] if r["pd"] not in kept})
        total = len(kept) + len(dropped)
        msg = f"{label(child)} carries out {len(kept)} of {total} duties of {label(parent)}"
        if dropped:
            msg += "; dropped: " + "; ".join(f"{b}: {_short(t, 70)}" for b, t in dropped)
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


def trace_report(
    store_dir, doc: str, depth: int | None = None, duties: bool = False, fmt: str = "tree"
) -> str:
    """`dkg trace`: the cascade under DOC from the store in ``store_dir``, as a tree or JSON."""
    from kg.queries import open_store_dir

    trees = trace(open_store_dir(store_dir), doc, depth=depth, with_duties=duties)
    return trace_json(trees) if fmt == "json" else trace_text(trees)


def audit_report(store_dir, fmt: str = "table") -> str:
    """`dkg audit`: every finding on the store in ``store_dir``, as a table or JSON."""
    from kg.queries import open_store_dir

    findings = audit(open_store_dir(store_dir))
    return audit_json(findings) if fmt == "json" else audit_table(findings)
