"""kg.sparql_order: a canned query's final ORDER BY applied in Python on the embedded store.

The order must be the engine's: checked against pyoxigraph's own ORDER BY on random rows
(ties may come in any order, so the sorted key columns are compared), and every canned
query must answer the same rows in the same key order either way on the seed graph.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.queries import bind_params, bind_query, canned_queries, execute, from_oxigraph, run_query
from kg.sparql_order import project_keys, sort_rows, split_order, term_key

EX = "http://example.org/"
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def test_split_order_takes_the_final_clause_only():
    text = """SELECT ?a ?b WHERE {
  { SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?o LIMIT 3 }
  ?a <http://x/p> "ORDER BY ?z" .  # ORDER BY ?y in a comment
}
ORDER BY DESC(?b) ?a  ASC( ?c )
"""
    body, keys = split_order(text)
    assert keys == [("b", True), ("a", False), ("c", False)]
    assert body.rstrip().endswith("}") and "DESC" not in body
    assert "ORDER BY ?o LIMIT 3" in body and '"ORDER BY ?z"' in body


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?a WHERE { ?a ?p ?o }",
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY STR(?a)",
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 2",
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY (?a + 1)",
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY",
    ],
)
def test_split_order_leaves_what_it_cannot_sort_to_the_engine(text):
    assert split_order(text) is None


def test_project_keys_adds_group_keys_only():
    text = """SELECT ?a (COUNT(?x) AS ?n) WHERE { ?a ?p ?x . BIND(1 AS ?rank) }
GROUP BY ?a ?rank
"""
    assert project_keys(text, ["rank"]).startswith("SELECT ?rank ?a (COUNT")
    assert project_keys(text, ["x"]) is None  # not one value per row: rows would change
    assert project_keys("SELECT DISTINCT ?a WHERE { ?a ?p ?o }", ["o"]) is None


def test_project_keys_adds_any_variable_to_a_bag_of_rows():
    # no DISTINCT, no GROUP BY: a column more adds no row and takes none away
    got = project_keys("SELECT ?a ?b WHERE { ?a ?p ?b . ?a ?q ?o }", ["o"])
    assert got.startswith("SELECT ?o ?a ?b WHERE")
    assert project_keys("SELECT * WHERE { ?a ?p ?o }", ["o"]) is None
    assert project_keys("SELECT (COUNT(?a) AS ?n) WHERE { ?a ?p ?o }", ["o"]) is None


_strings = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ Đ1-", max_size=6)
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
# the kinds of term a column of a canned query's answer holds: one kind per column (a
# number never competes with a string for the same place)
_KINDS = {
    "string": _strings.map(ox.Literal),
    "integer": st.integers(-50, 50).map(lambda i: ox.Literal(str(i), datatype=XSD_INT)),
    "iri": _strings.map(lambda s: ox.NamedNode(EX + s.replace(" ", "_"))),
    "date": st.dates().map(lambda d: ox.Literal(d.isoformat(), datatype=XSD_DATE)),
    "lang": st.builds(
        lambda s, lang: ox.Literal(s, language=lang), _strings, st.sampled_from(["vi", "en"])
    ),
}


def _column(n: int):
    """``n`` values of one kind, some unbound."""
    return st.sampled_from(sorted(_KINDS)).flatmap(
        lambda kind: st.lists(st.one_of(st.none(), _KINDS[kind]), min_size=n, max_size=n)
    )


_rows = st.integers(1, 12).flatmap(
    lambda n: st.tuples(_column(n), _column(n)).map(lambda cols: list(zip(*cols, strict=True)))
)


@settings(max_examples=150, deadline=None)
@given(rows=_rows, desc=st.tuples(st.booleans(), st.booleans()))
def test_sort_rows_orders_as_pyoxigraph_does(rows, desc):
    store = ox.Store()
    for n, (a, b) in enumerate(rows):
        s = ox.NamedNode(f"{EX}row/{n}")
        store.add(ox.Quad(s, ox.NamedNode(EX + "row"), ox.Literal(str(n), datatype=XSD_INT)))
        for p, v in (("a", a), ("b", b)):
            if v is not None:
                store.add(ox.Quad(s, ox.NamedNode(EX + p), v))
    order = " ".join(f"DESC(?{v})" if d else f"?{v}" for v, d in zip("ab", desc, strict=True))
    text = f"""SELECT ?a ?b ?n WHERE {{ ?r <{EX}row> ?n .
      OPTIONAL {{ ?r <{EX}a> ?a }} OPTIONAL {{ ?r <{EX}b> ?b }} }} ORDER BY {order}"""
    engine = from_oxigraph(store.query(text), "SELECT")
    body, keys = split_order(text)
    ours = sort_rows(["a", "b", "n"], from_oxigraph(store.query(body), "SELECT").rows, keys)

    def key_columns(got):
        return [(term_key(r[0]), term_key(r[1])) for r in got]

    assert key_columns(ours) == key_columns(engine.rows)


def test_a_plain_string_and_a_tagged_one_with_the_same_text():
    values = [ox.Literal("a", language="vi"), ox.Literal("a"), ox.Literal("a", language="en")]
    store = ox.Store()
    for n, v in enumerate(values):
        store.add(ox.Quad(ox.NamedNode(f"{EX}row/{n}"), ox.NamedNode(EX + "a"), v))
    text = f"SELECT ?a WHERE {{ ?r <{EX}a> ?a }} ORDER BY ?a"
    engine = [r[0] for r in from_oxigraph(store.query(text), "SELECT").rows]
    assert sorted(values, key=term_key) == engine


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_canned_queries_sort_as_the_engine_does(seed_store_dir, name):
    from query_golden import golden_params

    from kg.store import open_store

    q = canned_queries()[name]
    store = open_store(seed_store_dir, read_only=True)
    try:
        text = bind_query(q.text, bind_params(q, golden_params(q)))
        engine = from_oxigraph(execute(store, text), q.form)
        ours = run_query(q, golden_params(q), store=store)
        split = split_order(text)
    finally:
        store.close()
    assert ours.variables == engine.variables
    assert sorted(map(repr, ours.rows)) == sorted(map(repr, engine.rows))
    if split is None:
        assert ours.rows == engine.rows
        return
    # the keys it shows come in the engine's order (a key it does not show, such as
    # topic_roles' rank, was projected to sort by and dropped)
    cols = [ours.variables.index(k) for k, _ in split[1] if k in ours.variables]
    assert [[term_key(r[c]) for c in cols] for r in ours.rows] == [
        [term_key(r[c]) for c in cols] for r in engine.rows
    ]


def test_project_keys_leaves_a_distinct_projection_alone():
    text = "SELECT DISTINCT ?a (COUNT(?x) AS ?n) WHERE { ?a ?p ?x } GROUP BY ?a ?rank"
    assert project_keys(text, ["rank"]) is None  # a column more could split DISTINCT rows
