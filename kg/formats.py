"""The one registry of output formats: what ``dkg export`` writes, what ``dkg query``
prints and what the SPARQL server answers with.

Each format has its short name (``--format``, ``?format=``), its media type, the
other names and media types it answers to, and the pyoxigraph format that writes it
when one does. kg.export, kg.cli and kg.server read these tables instead of keeping
their own lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    name: str  # --format / ?format= name
    media_type: str
    title: str
    suffix: str = ""  # file-name suffix (exports)
    aliases: tuple[str, ...] = ()  # other ?format= names
    media_aliases: tuple[str, ...] = ()  # other media types that ask for it
    writer: Any = None  # the pyoxigraph format that writes it, if one does
    cli: bool = True  # offered by the command line
    server: bool = True  # offered by the SPARQL endpoint


# `dkg export`: the whole store
EXPORT: tuple[Format, ...] = (
    Format("ttl", "text/turtle", "Turtle (all graphs merged)", "ttl", writer=ox.RdfFormat.TURTLE),
    Format(
        "trig", "application/trig", "TriG (named graphs kept)", "trig", writer=ox.RdfFormat.TRIG
    ),
    Format("nq", "application/n-quads", "N-Quads, sorted", "nq", writer=ox.RdfFormat.N_QUADS),
    Format("jsonld", "application/ld+json", "JSON-LD", "jsonld", writer=ox.RdfFormat.JSON_LD),
    Format("json", "application/json", "gold-shaped JSON records", "json"),
    Format("csv", "text/csv", "one row per duty", "csv"),
    Format("graphml", "application/graphml+xml", "GraphML network (Gephi)", "graphml"),
    Format("ics", "text/calendar", "iCalendar reporting calendar", "ics"),
)

# SELECT / ASK answers: `dkg query --format`, the endpoint's ?format= and Accept
RESULTS: tuple[Format, ...] = (
    Format("table", "text/plain", "aligned text for people", server=False),
    Format(
        "json",
        "application/sparql-results+json",
        "SPARQL JSON results",
        aliases=("srj",),
        media_aliases=("application/json",),
        writer=ox.QueryResultsFormat.JSON,
    ),
    Format(
        "xml",
        "application/sparql-results+xml",
        "SPARQL XML results",
        aliases=("srx",),
        media_aliases=("application/xml", "text/xml"),
        writer=ox.QueryResultsFormat.XML,
        cli=False,
    ),
    Format("csv", "text/csv", "SPARQL CSV (values)", writer=ox.QueryResultsFormat.CSV),
    Format(
        "tsv", "text/tab-separated-values", "SPARQL TSV (terms)", writer=ox.QueryResultsFormat.TSV
    ),
)

# CONSTRUCT / DESCRIBE answers of the endpoint
GRAPH: tuple[Format, ...] = (
    Format(
        "ttl",
        "text/turtle",
        "Turtle",
        aliases=("turtle",),
        media_aliases=("application/x-turtle",),
        writer=ox.RdfFormat.TURTLE,
    ),
    Format(
        "nt",
        "application/n-triples",
        "N-Triples",
        aliases=("ntriples",),
        media_aliases=("text/plain",),
        writer=ox.RdfFormat.N_TRIPLES,
    ),
    Format("jsonld", "application/ld+json", "JSON-LD", writer=ox.RdfFormat.JSON_LD),
    Format("rdfxml", "application/rdf+xml", "RDF/XML", writer=ox.RdfFormat.RDF_XML),
)


def names(formats: Iterable[Format], *, cli: bool | None = None) -> tuple[str, ...]:
    """The short names, in registry order (only the command line's when ``cli``)."""
    return tuple(f.name for f in formats if cli is None or f.cli == cli)


def get(formats: Iterable[Format], name: str) -> Format | None:
    return next((f for f in formats if f.name == name), None)


def media_writers(formats: Iterable[Format]) -> dict[str, Any]:
    """Media type (and its aliases) -> pyoxigraph writer, for the endpoint's Accept."""
    out: dict[str, Any] = {}
    for f in formats:
        if f.server and f.writer is not None:
            for media in (f.media_type, *f.media_aliases):
                out[media] = f.writer
    return out


def short_names(*groups: Iterable[Format]) -> dict[str, str]:
    """?format= name (and aliases) -> media type, for the endpoint."""
    out: dict[str, str] = {}
    for formats in groups:
        for f in formats:
            if f.server:
                for name in (f.name, *f.aliases):
                    out.setdefault(name, f.media_type)
    return out
