"""graph/derived: what it precomputes equals what the queries computed over the store."""

from __future__ import annotations

import pytest

from kg.queries import get_query, open_store_dir, parse_query_text, run_query

# duties_by_topic_level as it was before the counts were precomputed (kg.derived)
COUNTED = """# param: topic [name, optional] = đuối nước — topic
# param: level [name, optional] = district — level
PREFIX dkg: <https://w3id.org/dkg/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?topic_label ?doc_level (COUNT(DISTINCT ?duty) AS ?duties) (COUNT(DISTINCT ?b) AS ?bodies)
       (COUNT(DISTINCT ?doc) AS ?documents) ?topic_node
WHERE {
  ?duty a dkg:Duty ; dkg:topic ?topic_node ; dkg:inDocument ?doc ; dkg:responsibleBody ?b .
  ?topic_node skos:prefLabel ?topic_label . FILTER(LANG(?topic_label) = "vi")
  OPTIONAL { ?doc dkg:level ?levelNode }
  BIND(COALESCE(LCASE(STRAFTER(STR(?levelNode), "#")), "unknown") AS ?doc_level)
  FILTER(!BOUND(?topic) || EXISTS { ?topic_node skos:prefLabel|skos:altLabel ?tl . FILTER(REGEX(?tl, ?topic, "i")) })
  FILTER(!BOUND(?level) || REGEX(?doc_level, ?level, "i")
         || (BOUND(?levelNode) && EXISTS { ?levelNode rdfs:label ?ll . FILTER(REGEX(?ll, ?level, "i")) }))
}
GROUP BY ?topic_node ?topic_label ?doc_level
ORDER BY ?topic_label ?doc_level
"""


def _rows(result) -> list[list[str | None]]:
    return [[None if t is None else str(t) for t in row] for row in result.rows]


@pytest.mark.parametrize(
    "params", [{}, {"level": "district"}, {"level": "tỉnh"}, {"topic": "tuyên truyền"}]
)
def test_topic_level_tallies_equal_the_counts_over_every_duty(seed_store_dir, params):
    store = open_store_dir(seed_store_dir)
    try:
        counted = run_query(parse_query_text(COUNTED, "counted"), params, store=store)
        tallied = run_query(get_query("duties_by_topic_level"), params, store=store)
        assert counted.rows or params, "the seeds hand out duties on topics"
        assert tallied.variables == counted.variables
        assert _rows(tallied) == _rows(counted)
    finally:
        store.close()


# bodies_without_lead as it was before the groups were precomputed (kg.derived)
GROUPED = """# param: plan [name, optional] = huyện — part of the document's label or issuer
PREFIX dkg: <https://w3id.org/dkg/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?document ?body_name ?place_name ?duties ?doc ?b
WHERE {
  { SELECT ?doc ?b (COUNT(DISTINCT ?duty) AS ?duties) (SUM(IF(?roleNode = dkg:Lead, 1, 0)) AS ?leads)
    WHERE { ?duty a dkg:Duty ; dkg:responsibleBody ?b ; dkg:inDocument ?doc ; dkg:role ?roleNode }
    GROUP BY ?doc ?b }
  FILTER(?leads = 0)
  ?b rdfs:label ?body_name .
  OPTIONAL { ?b dkg:jurisdiction/rdfs:label ?place_name }
  OPTIONAL { ?doc rdfs:label ?document }
  OPTIONAL { ?doc dkg:issuerText ?issuer }
  FILTER(!BOUND(?plan) || REGEX(?document, ?plan, "i") || REGEX(?issuer, ?plan, "i"))
}
ORDER BY ?document ?body_name ?place_name
"""


@pytest.mark.parametrize("params", [{}, {"plan": "huyện"}])
def test_leadless_tallies_equal_the_groups_over_every_duty(seed_store_dir, params):
    store = open_store_dir(seed_store_dir)
    try:
        grouped = run_query(parse_query_text(GROUPED, "grouped"), params, store=store)
        tallied = run_query(get_query("bodies_without_lead"), params, store=store)
        assert grouped.rows, "some seed bodies are handed duties but lead none"
        assert tallied.variables == grouped.variables
        assert sorted(map(repr, _rows(tallied))) == sorted(map(repr, _rows(grouped)))
    finally:
        store.close()


def test_graph_derived_of_a_build_equals_one_read_from_its_store(seed_store_dir):
    """kg.build computes graph/derived from the facts each graph's lines give
    (kg.derived.facts_of), never scanning the store: the same quads as the scans."""
    from kg.derived import derived_quads
    from kg.graph_export import graph_lines
    from kg.rdf import IRIs

    store = open_store_dir(seed_store_dir)
    derived = str(IRIs(store.base).derived_graph)
    scanned = sorted(str(q) for q in derived_quads(store, store.base, skip=[derived]))
    built = graph_lines(store, derived)
    assert scanned and len(scanned) == len(built)
    assert sorted(line.decode().rstrip("\n").rstrip(" .") for line in built) == [
        q.rstrip(" .") for q in scanned
    ]


def test_derived_lines_are_the_quads_as_graph_export_writes_them(seed_store_dir):
    """kg.build writes graph/derived from ``DerivedInputs.lines`` (text, no pyoxigraph
    term per node): the same bytes as serialising ``quads`` (kg.graph_export.lines_of)."""
    from kg.derived import DerivedInputs
    from kg.graph_export import lines_of
    from kg.rdf import IRIs

    store = open_store_dir(seed_store_dir)
    try:
        inputs = DerivedInputs(store, skip=[str(IRIs(store.base).derived_graph)])
        lines = inputs.lines(store.base)
        assert lines and lines == lines_of(inputs.quads(store.base))
        assert any(b"XMLSchema#integer" in line for line in lines)
        assert any(b"XMLSchema#boolean" in line for line in lines)
    finally:
        store.close()


def test_graph_derived_from_per_graph_summaries_equals_the_whole_reading(tmp_path):
    """kg.build merges one GraphSummary per graph (kg.derived.summarize) into graph/derived:
    on a generated national corpus (cascades, tallies, change chains) the same lines as
    reading every graph's facts at once, and as scanning its store."""
    from kg.build import build
    from kg.derived import DerivedInputs, facts_of, summarize, summary_lines
    from kg.graph_export import graph_lines
    from kg.rdf import IRIs
    from tests.generated import generate_corpus

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 40, 3)
    build([corpus], tmp_path / "out")
    store = open_store_dir(tmp_path / "out")
    try:
        derived = str(IRIs(store.base).derived_graph)
        graphs = [g for g in store.named_graphs() if g != derived]
        facts = {g: facts_of(graph_lines(store, g), g) for g in graphs}
        whole = DerivedInputs(facts=b"".join(facts[g] for g in sorted(facts))).lines(store.base)
        summaries = {g: ("d", summarize(f)) for g, f in facts.items()}
        merged, chains = summary_lines(summaries, store.base)
        assert merged == whole == graph_lines(store, derived)
        assert any(b"cascadeAncestor" in line for line in merged)
        again, _ = summary_lines(summaries, store.base, (chains[0], []))  # chains kept
        assert again == [line for line in merged if line not in set(chains[1])]
    finally:
        store.close()
