"""``dkg export``: the store as Turtle, TriG, N-Quads, JSON-LD, gold-shaped JSON, a
duty table (CSV) or a GraphML network (Gephi).

The JSON export reads every field back from the graph with SPARQL, in the shape of
kg.records.to_gold_dict: scoring it against the gold files must give the same
figures as scoring ``dkg extract`` (the graph loses nothing). All outputs are
deterministic for the same store content.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import formats
from kg.errors import DkgError
from kg.read import load_model
from kg.records import first_duty, gold_dict
from kg.store import Store

FORMATS = formats.names(formats.EXPORT)
SUFFIX = {f.name: f.suffix for f in formats.EXPORT}
_RDF_FORMAT = {f.name: f.writer for f in formats.EXPORT if f.name in ("ttl", "trig", "jsonld")}


def export(store: Store, fmt: str) -> str:
    """The whole store in ``fmt`` (see FORMATS) as text."""
    if fmt == "nq":
        return store.nquads().decode("utf-8")
    if fmt in ("ttl", "trig", "jsonld"):
        return _rdf(store, fmt)
    if fmt == "json":
        return json.dumps(gold_records(store), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return duty_csv(store)
    if fmt == "graphml":
        return graphml(store)
    if fmt == "ics":
        from kg.calendar import store_calendar

        return store_calendar(store).text
    raise DkgError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def export_to(store: Store, fmt: str, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(export(store, fmt), encoding="utf-8")
    return out


def _sort_key(q: Any) -> tuple:
    g = getattr(q, "graph_name", None)
    return (str(g) if g is not None else "", str(q.subject), str(q.predicate), str(q.object))


def _rdf(store: Store, fmt: str) -> str:
    prefixes = store.prefixes()
    if fmt == "trig":
        quads = sorted(store.raw.quads_for_pattern(None, None, None, None), key=_sort_key)
        data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    else:
        triples = {
            (q.subject, q.predicate, q.object)
            for q in store.raw.quads_for_pattern(None, None, None, None)
        }
        ordered = sorted((ox.Triple(*t) for t in triples), key=_sort_key)
        kwargs = {"prefixes": prefixes} if fmt == "ttl" else {}
        data = ox.serialize(ordered, format=_RDF_FORMAT[fmt], **kwargs)
    return data.decode("utf-8")


# ---------------------------------------------------------------- gold-shaped JSON

_DOCS = """
SELECT ?doc ?file ?type ?number ?date ?issuer ?level ?kind ?signer ?title ?subject ?place WHERE {
  ?doc a dkg:Document ; dkg:ingested true ; prov:wasDerivedFrom ?src .
  ?src dkg:sourceFile ?file .
  OPTIONAL { ?doc eli:type_document ?t . ?t skos:prefLabel ?type FILTER(lang(?type) = "vi") }
  OPTIONAL { ?doc eli:id_local ?number }
  OPTIONAL { ?doc dkg:date ?date }
  OPTIONAL { ?doc dkg:issuerText ?issuer }
  OPTIONAL { ?doc dkg:level/skos:notation ?level }
  OPTIONAL { ?doc dkg:kind/skos:notation ?kind }
  OPTIONAL { ?doc dkg:signer ?signer }
  OPTIONAL { ?doc dkg:signerTitle ?title }
  OPTIONAL { ?doc dkg:subject ?subject }
  OPTIONAL { ?doc eli:jurisdiction ?place }
}
"""

_PLACES = """
SELECT ?place ?unit ?label ?level WHERE {
  ?place a dkg:AdminUnit ; skos:broader* ?unit .
  ?unit rdfs:label ?label ; dkg:level/skos:notation ?level .
}
"""

_REFS = """
SELECT ?doc ?ref ?order ?rank ?cited ?relation ?short ?printed ?type ?date ?issuer WHERE {
  ?ref a dkg:Reference ; dkg:citingDocument ?doc ; dkg:relation ?relation .
  OPTIONAL { ?ref dkg:order ?order }
  OPTIONAL { ?ref dkg:implementsRank ?rank }
  OPTIONAL { ?ref dkg:citedDocument ?cited }
  OPTIONAL { ?ref dkg:short ?short }
  OPTIONAL { ?ref dkg:printedAs ?printed }
  OPTIONAL { ?ref dkg:statedType ?type }
  OPTIONAL { ?ref dkg:statedDate ?date }
  OPTIONAL { ?ref dkg:statedIssuer ?issuer }
}
"""

_ASSIGNMENTS = """
SELECT ?doc ?a ?order ?agency ?written ?mode WHERE {
  ?doc dkg:assignment ?a .
  ?a dkg:order ?order ; dkg:asWritten ?written ; dkg:mode/skos:notation ?mode ; dkg:body ?body .
  OPTIONAL { ?a rdfs:label ?alabel }
  OPTIONAL { ?body rdfs:label ?blabel }
  BIND(COALESCE(?alabel, ?blabel) AS ?agency)
}
"""

_DUTIES = """
SELECT ?a ?duty ?order ?text ?role ?partner WHERE {
  ?a dkg:duty ?duty .
  ?duty dkg:order ?order ; dkg:text ?text ; dkg:role/skos:notation ?role .
  OPTIONAL { ?duty dkg:partner/rdfs:label ?partner }
}
"""

_REPORTING = """
SELECT ?doc ?order ?by ?to ?via ?freq ?detail ?deadline WHERE {
  ?r a dkg:ReportingObligation ; dkg:inDocument ?doc ; dkg:order ?order .
  OPTIONAL { ?r dkg:reporterText ?by }
  OPTIONAL { ?r dkg:recipientText ?to }
  OPTIONAL { ?r dkg:viaText ?via }
  OPTIONAL { ?r dkg:frequency/skos:notation ?freq }
  OPTIONAL { ?r dkg:frequencyDetail ?detail }
  OPTIONAL { ?r dkg:deadline ?deadline }
}
"""

_TARGETS = """
SELECT ?doc ?order ?text ?value ?year ?owner WHERE {
  ?t a dkg:Target ; dkg:inDocument ?doc ; dkg:order ?order ; dkg:indicator ?text ; dkg:targetValue ?value .
  OPTIONAL { ?t dkg:targetYear ?year }
  OPTIONAL { ?t dkg:ownerText ?owner }
}
"""

_RECIPIENTS = """
SELECT ?doc ?order ?text WHERE { ?doc dkg:recipientLine ?r . ?r dkg:order ?order ; dkg:text ?text . }
"""

_FINDINGS = """
SELECT ?doc ?order ?message WHERE {
  ?f a dkg:Finding ; dkg:inDocument ?doc ; dkg:order ?order ; dkg:message ?message .
}
"""


def _by(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    for v in out.values():
        v.sort(key=lambda r: (r.get("order") or 0, str(r)))
    return out


def _places(store: Store) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in store.select(_PLACES):
        out[r["place"]][r["level"]] = r["label"]
    return out


def gold_records(store: Store) -> list[dict[str, Any]]:
    """One gold-shaped dict per ingested document, ordered by file name."""
    places = _places(store)
    refs = _by(store.select(_REFS), "doc")
    assignments = _by(store.select(_ASSIGNMENTS), "doc")
    duties: dict[str, list[dict]] = defaultdict(list)
    for r in store.select(_DUTIES):
        duties[r["a"]].append(r)
    reporting = _by(store.select(_REPORTING), "doc")
    targets = _by(store.select(_TARGETS), "doc")
    recipients = _by(store.select(_RECIPIENTS), "doc")
    findings = _by(store.select(_FINDINGS), "doc")
    out = []
    for d in sorted(store.select(_DOCS), key=lambda r: r["file"]):
        doc = d["doc"]
        units = places.get(d["place"], {}) if d["place"] else {}
        out.append(
            gold_dict(
                file=d["file"],
                document={
                    "type": d["type"],
                    "number": d["number"],
                    "date": d["date"],
                    "issuer": d["issuer"],
                    "issuer_level": d["level"],
                    "issuer_kind": d["kind"],
                    "province": units.get("province"),
                    "district": units.get("district"),
                    "signer": d["signer"],
                    "signer_title": d["title"],
                    "subject": d["subject"],
                },
                implements=_implements(refs.get(doc, [])),
                cites=_cites(refs.get(doc, [])),
                assignments=[_assignment(a, duties[a["a"]]) for a in assignments.get(doc, [])],
                reporting=[_reporting(r) for r in reporting.get(doc, [])],
                targets=targets.get(doc, []),
                recipients=[r["text"] for r in recipients.get(doc, [])],
                notes="; ".join(f["message"] for f in findings.get(doc, [])),
            )
        )
    return out


def _entry(r: dict) -> dict[str, Any]:
    return {"number": r["printed"], "type": r["type"], "date": r["date"], "issuer": r["issuer"]}


def _implements(refs: list[dict]) -> list[dict]:
    """kg.records.gold_implements: the implements list, then Căn cứ bases not yet listed."""
    out, _ = _gold_implements(refs)
    return [_entry(r) for r in out]


def _gold_implements(refs: list[dict]) -> tuple[list[dict], set]:
    """The numbered entries of the implements list, then numbered Căn cứ mentions of
    other documents; and the documents they name."""
    listed = sorted((r for r in refs if r["rank"] is not None), key=lambda r: r["rank"])
    out = [r for r in listed if r["printed"]]
    seen = {r["cited"] for r in out}
    for r in sorted((r for r in refs if r["order"] is not None), key=lambda r: r["order"]):
        if (
            r["relation"] == "based_on"
            and r["printed"]
            and not r["short"]
            and r["cited"] not in seen
        ):
            seen.add(r["cited"])
            out.append(r)
    return out, seen


def _cites(refs: list[dict]) -> list[str]:
    """kg.records.gold_cites: every other printed number, once, in reading order."""
    _, skip = _gold_implements(refs)
    out: list[str] = []
    for r in sorted((r for r in refs if r["order"] is not None), key=lambda r: r["order"]):
        if r["short"] or not r["printed"] or r["cited"] in skip:
            continue
        if r["printed"] not in out:
            out.append(r["printed"])
    return out


def _assignment(a: dict, duty_rows: list[dict]) -> dict[str, Any]:
    by_duty: dict[str, dict] = {}
    partners: dict[str, list[str]] = defaultdict(list)
    for r in duty_rows:
        by_duty[r["duty"]] = r
        if r["partner"] and r["partner"] not in partners[r["duty"]]:
            partners[r["duty"]].append(r["partner"])
    ordered = sorted(by_duty.values(), key=lambda r: r["order"])
    names: list[str] = []
    for r in ordered:
        for p in sorted(partners[r["duty"]]):
            if p not in names:
                names.append(p)
    first = ordered[0]["text"] if ordered else ""
    return {
        "agency": a["agency"],
        "as_written": a["written"],
        "mode": a["mode"],
        "duties": len(ordered),
        "first_duty": first_duty(first),
        "leads": any(r["role"] == "lead" for r in ordered),
        "coordinates_with": names,
    }


def _reporting(r: dict) -> dict[str, Any]:
    freq = r["freq"]
    if freq and r["detail"]:
        freq = f"{freq} ({r['detail']})"
    elif not freq:
        freq = r["detail"]
    return {
        "by": r["by"],
        "to": r["to"],
        "via": r["via"],
        "frequency": freq,
        "deadline": r["deadline"],
    }


# ---------------------------------------------------------------- duty table

CSV_COLUMNS = [
    "document",
    "body",
    "role",
    "partners",
    "duty",
    "deadline",
    "mode",
    "section",
    "number",
    "file",
]


def duty_csv(store: Store) -> str:
    """One row per duty of a document in the corpus: what a spreadsheet user filters
    and sorts (read from the read model, kg.read)."""
    model = load_model(store)
    rows = []
    for duty in model.duties:
        doc = model.docs.get(duty.doc)
        body = model.bodies.get(duty.body)
        if doc is None or body is None or not doc.label or not doc.source_file:
            continue
        partners = sorted({model.bodies[p].name for p in duty.partners if p in model.bodies})
        rows.append((doc.source_file, duty.assignment, duty.order, doc, body, duty, partners))
    rows.sort(key=lambda r: r[:3])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for file, _, _, doc, body, duty, partners in rows:
        w.writerow(
            [
                doc.label,
                body.name,
                duty.role,
                "; ".join(partners),
                " ".join(duty.text.split()),
                duty.deadline or "",
                duty.mode,
                duty.section or "",
                doc.number or "",
                file,
            ]
        )
    return buf.getvalue()


# ---------------------------------------------------------------- GraphML

_G_DOCS = """
SELECT ?doc ?label ?ingested ?level ?kind ?type WHERE {
  ?doc a dkg:Document ; rdfs:label ?label ; dkg:ingested ?ingested .
  OPTIONAL { ?doc dkg:level/skos:notation ?level }
  OPTIONAL { ?doc dkg:kind/skos:notation ?kind }
  OPTIONAL { ?doc eli:type_document/skos:prefLabel ?type FILTER(lang(?type) = "vi") }
}
"""
_G_BODIES = """
SELECT ?body ?label ?level WHERE {
  ?body a dkg:Body ; rdfs:label ?label . OPTIONAL { ?body dkg:level/skos:notation ?level }
}
"""
_G_LINKS = """
SELECT DISTINCT ?s ?rel ?o WHERE {
  VALUES (?p ?rel) { (eli:ensures_implementation_of "implements") (eli:based_on "based_on")
                     (dkg:guidanceFor "guidance_for") (dkg:proposedBy "proposal") (eli:cites "cites") (eli:passed_by "issued_by") }
  ?s ?p ?o .
}
"""
_G_ASSIGN = """
SELECT ?doc ?body (COUNT(?duty) AS ?duties) (SUM(IF(?role = dkg:Lead, 1, 0)) AS ?leads) WHERE {
  ?doc dkg:assignment ?a . ?a dkg:body ?body ; dkg:duty ?duty . ?duty dkg:role ?role .
} GROUP BY ?doc ?body
"""
_G_PARTNERS = """
SELECT ?body ?partner (COUNT(?duty) AS ?n) WHERE {
  ?duty dkg:responsibleBody ?body ; dkg:partner ?partner . FILTER(?body != ?partner)
} GROUP BY ?body ?partner
"""


def network(store: Store):
    """A networkx MultiDiGraph of documents and bodies (for Gephi, layouts, metrics)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for r in store.select(_G_DOCS):
        g.add_node(
            r["doc"],
            label=r["label"],
            kind="document",
            ingested=bool(r["ingested"]),
            level=r["level"] or "",
            sector=r["kind"] or "",
            type=r["type"] or "",
        )
    for r in store.select(_G_BODIES):
        g.add_node(r["body"], label=r["label"], kind="body", level=r["level"] or "")
    for r in store.select(_G_LINKS):
        if r["s"] in g and r["o"] in g and r["rel"] != "cites":
            g.add_edge(r["s"], r["o"], key=r["rel"], relation=r["rel"], weight=1)
        elif r["s"] in g and r["o"] in g:
            g.add_edge(r["s"], r["o"], key="cites", relation="cites", weight=1)
    for r in store.select(_G_ASSIGN):
        g.add_edge(
            r["doc"],
            r["body"],
            key="assigns",
            relation="assigns",
            weight=int(r["duties"]),
            leads=int(r["leads"]),
        )
    for r in store.select(_G_PARTNERS):
        g.add_edge(
            r["body"], r["partner"], key="coordinates", relation="coordinates", weight=int(r["n"])
        )
    return g


def graphml(store: Store) -> str:
    import networkx as nx

    g = network(store)
    ordered = nx.MultiDiGraph()
    for n in sorted(g.nodes):
        ordered.add_node(n, **g.nodes[n])
    for u, v, k, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        ordered.add_edge(u, v, key=k, **data)
    buf = io.BytesIO()
    nx.write_graphml(ordered, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def default_name(fmt: str) -> str:
    return "dkg." + re.sub(r"[^a-z]", "", SUFFIX.get(fmt, fmt))
