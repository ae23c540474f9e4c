"""graph/derived: what the canned queries would otherwise compute with property paths.

pyoxigraph evaluates a path such as ``?b (org:changedBy/org:resultingOrganization)* ?x``
by walking it from every node it might start at; on a national store on disk that
takes minutes (body_successors: 112 s at 150 generated plans). The build computes the
closures once, in Python, from the edges (one pattern each), and writes them here:

- ``?b dkg:successorOrSelf ?x``: ``?x`` is ``?b`` or a body that took over its functions
  through a chain of W3C ORG change events (kg.reorg), for every body that changed.
- ``?b dkg:carriedNowBy ?x``: ``?x`` is a ``dkg:successorOrSelf`` of a changed body
  ``?b`` that did not change again (who carries ``?b``'s duties today), and
  ``?b dkg:functionsSplit true|false``: whether a step of that chain split functions.
- ``?d dkg:cascadeAncestor ?a``: ``?d dkg:cascadesFrom+ ?a`` (a plan, the document it
  implements, what that one implements, ...).
- ``?t a dkg:TopicLevelTally``: per topic and level of the handing-out document (none:
  no ``dkg:tallyLevel``), how many duties, bodies and documents (``dkg:dutyCount``,
  ``dkg:bodyCount``, ``dkg:documentCount``): what duties_by_topic_level counted over
  every duty of the store at each run (seconds at 2,000 plans; now a few rows).
- ``?t a dkg:LeadlessTally``: a body handed duties in a document but lead for none of them
  (``dkg:tallyDocument``, ``dkg:tallyBody``, ``dkg:dutyCount``), for bodies_without_lead,
  which grouped every duty of the store by document and body at each run.

The graph is recomputed whole by every build, after all other graphs (kg.build), so
it always agrees with them; its quads follow from the store alone. A build does not scan
the store for them (each row of a scan decodes its terms with lookups in the database:
17 s at 10,000 plans): each graph's lines that DerivedInputs reads (``facts_of``) are
summarised as the graph is emitted (``summarize``), and the summary kept with the graph's
digest for the next build, which merges the summaries (``summary_lines``) instead of
reading every graph's lines again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import pyoxigraph as ox

from kg.rdf import _DKG, _FALSE, _ORG, _RDF, _TRUE, _XSD, IRIs
from kg.store import Store


def _closure(edges: dict[str, set[str]], start: str) -> set[str]:
    """Every node reachable from ``start`` in one or more steps."""
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(edges.get(node, ()))
    return seen


def _pairs(raw: ox.Store, predicate: ox.NamedNode, skip: frozenset) -> Iterator[tuple[str, str]]:
    """(subject, object) IRIs of one predicate, in any graph but those in ``skip``."""
    for q in raw.quads_for_pattern(None, predicate, None, None):
        if q.graph_name not in skip and isinstance(q.object, ox.NamedNode):
            yield q.subject.value, q.object.value


class DerivedInputs:
    """The edges graph/derived is computed from: read from the store with one pattern scan
    per predicate (``skip``: graphs not to read), or from ``facts`` (N-Triples lines
    ``facts_of`` kept of every graph, which kg.build has without reading the store)."""

    def __init__(
        self,
        store: Store | ox.Store | None = None,
        skip: Iterable[str] = (),
        facts: bytes | None = None,
    ) -> None:
        read = _Facts(facts) if facts is not None else _Scans(store, skip)
        self._chains(
            read.pairs(_ORG.changedBy), read.pairs(_ORG.resultingOrganization), read.split()
        )
        self.cascades: dict[str, set[str]] = {}  # document -> what it cascades from
        for doc, parent in read.pairs(_DKG.cascadesFrom):
            self.cascades.setdefault(doc, set()).add(parent)
        duties = _Duties(read)
        self.tallies, self.leadless = duties.topic_levels(), duties.without_lead()

    def _chains(
        self,
        changed: Iterable[tuple[str, str]],
        results: Iterable[tuple[str, str]],
        split: set[str],
    ) -> None:
        """The change edges: (body, event) of org:changedBy, (event, body) of
        org:resultingOrganization, the events that split functions."""
        resulting: dict[str, set[str]] = {}
        for ev, nxt in results:
            resulting.setdefault(ev, set()).add(nxt)
        self.changes: dict[str, set[str]] = {}  # body -> the bodies its changes resulted in
        self.split: set[str] = set()  # bodies with a change that split their functions
        for body, ev in changed:
            self.changes.setdefault(body, set()).update(resulting.get(ev, ()))
            if ev in split:
                self.split.add(body)

    def quads(self, base: str) -> Iterator[ox.Quad]:
        g = ox.NamedNode(str(IRIs(base).derived_graph))
        for s, p, o in self._triples(base, _interner(), _count):
            yield ox.Quad(s, p, o, g)

    def lines(self, base: str) -> list[bytes]:
        """``quads`` as kg.graph_export.lines_of gives them (sorted, distinct N-Quads
        lines), written as text: no pyoxigraph term per node (the graph is remade by
        every build, incremental or not: ~100,000 quads at 2,000 plans)."""
        return _text_lines(self._triples(base, _iri_text, _count_text), base)

    def _triples(self, base: str, node, count) -> Iterator[tuple]:
        """(subject, predicate, object) of graph/derived: IRIs made by ``node`` (from the
        IRI's text), integers by ``count``; predicates and flags as pyoxigraph terms."""
        yield from self._chain_triples(node)
        yield from self._other_triples(base, node, count)

    def _chain_triples(self, node) -> Iterator[tuple]:
        """The closures of the change chains (successorOrSelf, carriedNowBy, functionsSplit)."""
        changes = self.changes
        for body in sorted(changes):
            chain = _closure(changes, body) | {body}
            for x in sorted(chain):
                yield node(body), _DKG.successorOrSelf, node(x)
            for x in sorted(x for x in chain if x not in changes):
                yield node(body), _DKG.carriedNowBy, node(x)
            flag = _TRUE if any(x in self.split for x in chain) else _FALSE
            yield node(body), _DKG.functionsSplit, flag

    def _other_triples(self, base: str, node, count) -> Iterator[tuple]:
        """The cascades' closures and the tallies: no predicate of ``_chain_triples``."""
        for doc in sorted(self.cascades):
            for ancestor in sorted(_closure(self.cascades, doc)):
                yield node(doc), _DKG.cascadeAncestor, node(ancestor)
        iris = IRIs(base)
        for (topic, level), (duties, bodies, docs) in sorted(
            self.tallies.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
        ):
            t = node(str(iris.topic_level_tally(topic, level)))
            yield t, _RDF.type, _DKG.TopicLevelTally
            yield t, _DKG.tallyTopic, node(topic)
            if level is not None:
                yield t, _DKG.tallyLevel, node(level)
            for p, n in (
                (_DKG.dutyCount, duties),
                (_DKG.bodyCount, bodies),
                (_DKG.documentCount, docs),
            ):
                yield t, p, count(n)
        for (doc, body), n in sorted(self.leadless.items()):
            t = node(str(iris.leadless_tally(doc, body)))
            yield t, _RDF.type, _DKG.LeadlessTally
            yield t, _DKG.tallyDocument, node(doc)
            yield t, _DKG.tallyBody, node(body)
            yield t, _DKG.dutyCount, count(n)


def _text_lines(triples: Iterable[tuple], base: str) -> list[bytes]:
    """Triples of ``DerivedInputs._triples`` (IRIs and counts as N-Triples text) as the
    sorted, distinct N-Quads lines of graph/derived."""
    g = str(ox.NamedNode(str(IRIs(base).derived_graph)))
    shown: dict = {}  # a constant term -> its N-Triples text

    def text(t) -> str:
        found = shown.get(t)
        if found is None:
            found = shown[t] = str(t)
        return found

    out = {f"{s} {text(p)} {o if type(o) is str else text(o)} {g} .\n" for s, p, o in triples}
    return sorted(line.encode() for line in out)


def _count(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_XSD.integer)


_INTEGER = f'"^^{_XSD.integer}'


def _count_text(n: int) -> str:
    """``_count(n)`` as N-Triples text."""
    return f'"{n}{_INTEGER}'


def _iri_text(iri: str) -> str:
    """``ox.NamedNode(iri)`` as N-Triples text (pyoxigraph prints an IRI as it is)."""
    return f"<{iri}>"


class _Duties:
    """Every duty's type, topics, documents, bodies and roles, and every document's levels:
    what the tallies count."""

    def __init__(self, read: _Scans | _Facts) -> None:
        self.duties = sorted(read.duties())

        def of(predicate: ox.NamedNode) -> dict[str, set[str]]:
            found: dict[str, set[str]] = {}
            for s, o in read.pairs(predicate):
                found.setdefault(s, set()).add(o)
            return found

        self.topics, self.docs = of(_DKG.topic), of(_DKG.inDocument)
        self.bodies, self.roles, self.levels = (
            of(_DKG.responsibleBody),
            of(_DKG.role),
            of(_DKG.level),
        )

    def topic_groups(self) -> dict[tuple[str, str | None], tuple[set, set, set]]:
        """(topic, level of the duty's document or None) -> (duties, bodies, documents), as
        duties_by_topic_level counted them: duties with a type, topic, document and body."""
        groups: dict[tuple[str, str | None], tuple[set, set, set]] = {}
        for duty in self.duties:
            for topic in self.topics.get(duty, ()):
                for doc in self.docs.get(duty, ()):
                    for level in self.levels.get(doc) or (None,):
                        for body in self.bodies.get(duty, ()):
                            d, b, c = groups.setdefault((topic, level), (set(), set(), set()))
                            d.add(duty)
                            b.add(body)
                            c.add(doc)
        return groups

    def topic_levels(self) -> dict[tuple[str, str | None], tuple[int, int, int]]:
        """``topic_groups`` counted."""
        return {k: (len(d), len(b), len(c)) for k, (d, b, c) in self.topic_groups().items()}

    def lead_groups(self) -> dict[tuple[str, str], tuple[int, bool]]:
        """(document, body) -> (its duties, whether it leads one), over the duties with a
        type, body, document and role."""
        duties: dict[tuple[str, str], set[str]] = {}
        leads: set[tuple[str, str]] = set()
        lead = _DKG.Lead.value
        for duty in self.duties:
            roles = self.roles.get(duty)
            if not roles:
                continue
            for doc in self.docs.get(duty, ()):
                for body in self.bodies.get(duty, ()):
                    duties.setdefault((doc, body), set()).add(duty)
                    if lead in roles:
                        leads.add((doc, body))
        return {k: (len(v), k in leads) for k, v in duties.items()}

    def without_lead(self) -> dict[tuple[str, str], int]:
        """(document, body) -> its duties, where the body leads none of them, as
        bodies_without_lead counted them: duties with a type, body, document and role."""
        return {k: n for k, (n, led) in self.lead_groups().items() if not led}


def derived_quads(
    store: Store | ox.Store | None, base: str, skip: Iterable[str] = (), facts: bytes | None = None
) -> Iterator[ox.Quad]:
    """The closures of the store's change chains and cascades, and the tallies of its
    duties, in graph/derived; ``facts``: every graph's ``facts_of`` joined, read instead
    of the store."""
    return DerivedInputs(store, skip, facts).quads(base)


class _Scans:
    """The inputs read from a store, one pattern scan per predicate. Each row decodes its
    terms with lookups in the database (tens of microseconds a row on disk: 17 s at
    10,000 plans), hence ``_Facts`` in a build."""

    def __init__(self, store: Store | ox.Store | None, skip: Iterable[str] = ()) -> None:
        self.raw = store.raw if isinstance(store, Store) else store
        self.skip = frozenset(ox.NamedNode(g) for g in skip)

    def pairs(self, predicate: ox.NamedNode) -> Iterator[tuple[str, str]]:
        return _pairs(self.raw, predicate, self.skip)

    def split(self) -> set[str]:
        found = self.raw.quads_for_pattern(None, _DKG.splitOfFunctions, _TRUE, None)
        return {q.subject.value for q in found if q.graph_name not in self.skip}

    def duties(self) -> set[str]:
        found = self.raw.quads_for_pattern(None, _RDF.type, _DKG.Duty, None)
        return {q.subject.value for q in found if q.graph_name not in self.skip}


# the predicates DerivedInputs reads, as they start an N-Quads line's second term;
# rdf:type only with the object dkg:Duty
_READ = {
    f"<{p.value}>".encode()
    for p in (
        _ORG.resultingOrganization,
        _ORG.changedBy,
        _DKG.splitOfFunctions,
        _DKG.cascadesFrom,
        _DKG.topic,
        _DKG.inDocument,
        _DKG.responsibleBody,
        _DKG.role,
        _DKG.level,
    )
}
_TYPE, _DUTY = f"<{_RDF.type.value}>".encode(), f"<{_DKG.Duty.value}> ".encode()


def facts_of(lines: Iterable[bytes], graph: str) -> bytes:
    """The lines of graph ``graph`` (N-Quads, as kg.graph_export writes them) that
    DerivedInputs reads, as N-Triples: what a build keeps of each graph for graph/derived
    (a few percent of the graph), so that graph/derived never scans the store."""
    suffix = f" <{graph}> .\n".encode()
    cut = len(suffix)
    read, typ, duty = _READ, _TYPE, _DUTY
    out = []
    for line in lines:  # every line of every graph: the test first, on the predicate alone
        _s, p, rest = line.split(b" ", 2)
        if (p in read or (p == typ and rest.startswith(duty))) and line.endswith(suffix):
            out.append(line[:-cut] + b" .\n")
    return b"".join(out)


class _Facts:
    """The inputs read from ``facts_of`` lines, split as bytes: N-Triples as pyoxigraph
    writes them (an IRI printed as it is, between angle brackets; a term without spaces
    but for literals, which come last)."""

    def __init__(self, facts: bytes) -> None:
        self.by: dict[bytes, list[tuple[bytes, bytes]]] = {}
        for line in facts.splitlines():
            s, p, o = line.split(b" ", 2)
            self.by.setdefault(p, []).append((s, o[:-2]))  # o: the object, then " ."

    def _of(self, predicate: ox.NamedNode) -> list[tuple[bytes, bytes]]:
        return self.by.get(str(predicate).encode(), [])

    def pairs(self, predicate: ox.NamedNode) -> Iterator[tuple[str, str]]:
        for s, o in self._of(predicate):
            if o[:1] == b"<":
                yield _value(s), o[1:-1].decode()

    def split(self) -> set[str]:
        true = str(_TRUE).encode()
        return {_value(s) for s, o in self._of(_DKG.splitOfFunctions) if o == true}

    def duties(self) -> set[str]:
        duty = str(_DKG.Duty).encode()
        return {_value(s) for s, o in self._of(_RDF.type) if o == duty}


def _value(term: bytes) -> str:
    """An IRI's or a blank node's ``.value`` from its N-Triples form."""
    return term[1:-1].decode() if term[:1] == b"<" else term[2:].decode()


def _interner():
    nodes: dict[str, ox.NamedNode] = {}

    def node(iri: str) -> ox.NamedNode:
        found = nodes.get(iri)
        if found is None:
            found = nodes[iri] = ox.NamedNode(iri)
        return found

    return node


# ---------------------------------------------------------------- per graph, for a build


class GraphSummary(NamedTuple):
    """What graph/derived takes from one graph (its ``facts_of`` lines, read alone): the
    change and cascade edges as they are, the duties already grouped. A build keeps one per
    graph under the graph's digest, so graph/derived after a change reads the summaries of
    the graphs that changed and merges the kept ones, instead of parsing every graph's
    lines again. Groups of different graphs add up: a duty and what is said of it (its
    topics, document, bodies, roles, and its document's level) live in its document's
    source graph, and its IRI is under that document's (no two graphs share a duty)."""

    changed: tuple[tuple[str, str], ...]  # (body, event): org:changedBy
    results: tuple[tuple[str, str], ...]  # (event, body): org:resultingOrganization
    split: tuple[str, ...]  # events that split functions
    cascades: tuple[tuple[str, str], ...]  # (document, parent): dkg:cascadesFrom
    topics: dict  # (topic, level) -> (duties, frozenset of bodies, frozenset of documents)
    leads: dict  # (document, body) -> (duties, whether the body leads one of them)

    @property
    def chains(self) -> bool:
        """Whether this graph says anything of change chains."""
        return bool(self.changed or self.results or self.split)


def summarize(facts: bytes) -> GraphSummary:
    """One graph's ``facts_of`` lines as a GraphSummary."""
    read = _Facts(facts)
    duties = _Duties(read)
    topics = {
        k: (len(d), frozenset(b), frozenset(c)) for k, (d, b, c) in duties.topic_groups().items()
    }
    return GraphSummary(
        tuple(read.pairs(_ORG.changedBy)),
        tuple(read.pairs(_ORG.resultingOrganization)),
        tuple(sorted(read.split())),
        tuple(read.pairs(_DKG.cascadesFrom)),
        topics,
        duties.lead_groups(),
    )


Chains = tuple[str, list[bytes]]  # (digest of the graphs with change edges, their lines)


def summary_lines(
    summaries: dict[str, tuple[str, GraphSummary]], base: str, chains: Chains | None = None
) -> tuple[list[bytes], Chains]:
    """graph/derived's lines (as ``DerivedInputs.lines``) from every graph's summary
    (graph -> (digest, summary)), and the lines of the change chains with the digest of
    the graphs they come from: given back as ``chains`` when those graphs are the same
    (graph/reorg at 10,000 plans: hundreds of thousands of lines), they are not
    computed again."""
    out = DerivedInputs.__new__(DerivedInputs)
    chained = sorted((g, d) for g, (d, s) in summaries.items() if s.chains)
    key = hashlib.sha256(repr(chained).encode()).hexdigest()
    if chains is None or chains[0] != key:
        parts = [summaries[g][1] for g, _ in chained]
        out._chains(
            (e for s in parts for e in s.changed),
            (e for s in parts for e in s.results),
            {e for s in parts for e in s.split},
        )
        chains = (key, _text_lines(out._chain_triples(_iri_text), base))
    out.cascades = {}
    groups: dict[tuple[str, str | None], tuple[int, set, set]] = {}
    leads: dict[tuple[str, str], tuple[int, bool]] = {}
    for _, s in summaries.values():
        for doc, parent in s.cascades:
            out.cascades.setdefault(doc, set()).add(parent)
        for k, (n, bodies, docs) in s.topics.items():
            found = groups.get(k)
            if found is None:
                groups[k] = (n, set(bodies), set(docs))
            else:
                found[1].update(bodies)
                found[2].update(docs)
                groups[k] = (found[0] + n, found[1], found[2])
        for k, (n, led) in s.leads.items():
            old = leads.get(k)
            leads[k] = (n, led) if old is None else (old[0] + n, old[1] or led)
    out.tallies = {k: (n, len(b), len(c)) for k, (n, b, c) in groups.items()}
    out.leadless = {k: n for k, (n, led) in leads.items() if not led}
    rest = _text_lines(out._other_triples(base, _iri_text, _count_text), base)
    # two sorted runs with no line in common (their predicates differ): a merge
    return sorted(chains[1] + rest), chains
