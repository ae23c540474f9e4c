"""Canned queries: headers, safe parameter binding, formats, and results on a small graph."""

from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli_render import describe_queries, format_table
from kg.errors import DkgError
from kg.queries import (
    bind_params,
    canned_queries,
    check_query,
    format_result,
    get_query,
    make_term,
    name_pattern,
    number_pattern,
    parse_param_args,
    parse_query_text,
    run_query,
)
from kg.sparql import bind_query, values_block
from kg.text import fold

REQUIRED_TOPICS = {
    "documents",
    "cascade",
    "body_duties",
    "duties_by_topic_level",
    "topic_roles",
    "coordination_pairs",
    "reporting_calendar",
    "targets",
    "cited_not_in_corpus",
    "inconsistent_citations",
    "bodies_without_lead",
    "duty_evidence",
}

PROBE = parse_query_text(
    """# title: probe
# param: label = x — a label
SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(STR(?l) = ?label) }
""",
    "probe",
)


def test_canned_queries_have_headers_and_parse():
    queries = canned_queries()
    assert len(queries) >= 12
    assert set(queries) >= REQUIRED_TOPICS
    for q in queries.values():
        assert q.title and q.title != q.name, q.name
        assert q.description, q.name
        for p in q.params:
            assert p.example and p.meaning, (q.name, p.name)
        check_query(q)


def test_header_parsing():
    q = parse_query_text(
        "# title: T\n# description: one\n# description: two\n"
        "# param: month [integer, optional] = 11 — month number\n"
        "# param: body [name] = Phòng Tư pháp -- the body\nSELECT * WHERE { ?s ?p ?o }\n",
        "t",
    )
    assert q.title == "T" and q.description == "one two"
    month, body = q.params
    assert (month.type, month.optional, month.example, month.meaning) == (
        "integer",
        True,
        "11",
        "month number",
    )
    assert (body.type, body.optional, body.example) == ("name", False, "Phòng Tư pháp")
    with pytest.raises(DkgError, match="unknown parameter option"):
        parse_query_text("# param: x [colour] = 1 — y\nSELECT * {}", "bad")


def test_missing_and_unknown_parameters_are_clear_errors():
    q = get_query("cascade")
    with pytest.raises(DkgError, match=r"missing required parameter.*doc"):
        bind_params(q, {})
    with pytest.raises(DkgError, match=r"unknown parameter.*nope"):
        bind_params(q, {"doc": "28-CT/TW", "nope": "1"})
    with pytest.raises(DkgError, match="bad integer"):
        bind_params(get_query("reporting_calendar"), {"month": "eleven"})
    with pytest.raises(DkgError, match="unknown query"):
        get_query("no_such_query")
    with pytest.raises(DkgError, match="NAME=VALUE"):
        parse_param_args(["month"])


INJECTIONS = [
    'x" } ; DROP ALL ; #',
    "x' } ; DROP ALL ; #",
    "<x> } INSERT DATA { <a> <b> <c> } #",
    '"""} INSERT { ?s ?p ?o } WHERE { ?s ?p ?o } #',
    'x\\" } UNION { ?s ?p ?o } #',
    "x\n} ; CLEAR ALL ; SELECT * { ",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_are_inert(mini_store, value):
    before = len(mini_store)
    result = run_query(PROBE, {"label": value}, store=mini_store)
    assert result.rows == []  # matched as one (absent) literal, not as query text
    assert len(mini_store) == before
    bound = bind_query(PROBE.text, bind_params(PROBE, {"label": value}))
    assert bound.count("VALUES") == 1
    # the bound value, read back by a SPARQL parser, is exactly the literal given
    rows = list(
        ox.Store().query(f"SELECT * WHERE {{ {values_block({'label': ox.Literal(value)})} }}")
    )
    assert rows[0]["label"] == ox.Literal(value)


def test_injection_value_is_matched_literally(mini_store):
    evil = 'x" } ; DROP ALL ; #'
    mini_store.add(
        ox.Quad(
            ox.NamedNode("http://example.org/evil"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal(evil),
            ox.DefaultGraph(),
        )
    )
    rows = run_query(PROBE, {"label": evil}, store=mini_store).records()
    assert rows == [{"s": "http://example.org/evil", "label": evil}]


def test_iri_parameters_are_validated():
    iri_param = get_query("duty_evidence").param("duty")
    with pytest.raises(DkgError, match="bad iri"):
        make_term(iri_param, "http://x/a> } INSERT DATA { <a> <b> <c> } #")
    assert make_term(iri_param, "https://w3id.org/dkg/id/doc/x/duty/1") == ox.NamedNode(
        "https://w3id.org/dkg/id/doc/x/duty/1"
    )


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_string_binds_as_one_literal(value):
    import unicodedata

    term = make_term(PROBE.param("label"), value)
    assert term == ox.Literal(unicodedata.normalize("NFC", value))
    block = values_block({"label": term})
    rows = list(ox.Store().query(f"SELECT * WHERE {{ {block} }}"))
    assert len(rows) == 1 and rows[0]["label"] == term


VI_WORDS = st.sampled_from(
    ["Phòng", "Tư", "pháp", "Văn", "hoá", "hóa", "Thông", "tin", "Ủy", "Uỷ", "ban", "Đoàn",
     "Lao", "động", "–", "-", "Giáo", "dục", "Đào", "tạo", "Công", "an", "huyện", "(", ")", "."]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(VI_WORDS, min_size=1, max_size=6))
def test_name_pattern_matches_with_or_without_diacritics(words):
    text = " ".join(words)
    for typed in (text, fold(text), text.upper(), text.replace("hoá", "hóa").replace("Uỷ", "Ủy")):
        assert re.search(name_pattern(typed), text, re.IGNORECASE), (typed, text)


def test_name_pattern_is_not_a_wildcard():
    assert not re.search(name_pattern("Tư pháp"), "Phòng Tài chính", re.IGNORECASE)
    assert not re.search(name_pattern(".*"), "Phòng Tư pháp")


def test_number_pattern_variants():
    p = number_pattern("28-CT-TW")
    assert all(re.search(p, s, re.I) for s in ["28-CT/TW", "28-CT-TW", "28 - CT/TW", "28-ct/tw"])
    assert not re.search(p, "128-CT/TW", re.I)
    assert re.search(number_pattern("06/QD-TTG"), "06/QĐ-TTg", re.I)


def test_cascade_reaches_through_intermediate_documents(mini_store):
    rows = run_query(get_query("cascade"), {"doc": "9-CT-TW"}, store=mini_store).records()
    by_plan = {r["plan"].rsplit("/", 1)[-1]: r for r in rows}
    assert set(by_plan) == {
        "15-hd-btgtu",
        "10-kh-ubnd",
        "ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d",
    }
    district = by_plan["ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d"]
    assert district["direct"] == "false" and district["issuer_level"] == "district"
    assert set(district["carries_out"].split(" | ")) == {
        "Kế hoạch 10/KH-UBND",
        "Hướng dẫn 15-HD/BTGTU",
    }


def test_optional_parameters_filter_or_not(mini_store):
    q = get_query("reporting_calendar")
    assert len(run_query(q, {}, store=mini_store).rows) == 1
    assert len(run_query(q, {"month": "11"}, store=mini_store).rows) == 1
    assert run_query(q, {"month": "5"}, store=mini_store).rows == []
    docs = get_query("documents")
    assert len(run_query(docs, {}, store=mini_store).rows) == 5
    assert len(run_query(docs, {"ingested": "true"}, store=mini_store).rows) == 2
    assert len(run_query(docs, {"level": "huyện"}, store=mini_store).rows) == 1


def test_body_duties_without_diacritics(mini_store):
    rows = run_query(get_query("body_duties"), {"body": "so lao dong"}, store=mini_store).records()
    assert [r["role"] for r in rows] == ["lead", "participant"]


def test_formats_round_trip(mini_store):
    result = run_query(get_query("coordination_pairs"), {}, store=mini_store)
    js = format_result(result, "json")
    back = ox.parse_query_results(js, ox.QueryResultsFormat.JSON)
    assert [[s[v] for v in result.variables] for s in back] == result.rows
    tsv = format_result(result, "tsv")
    back = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    assert [[s[v] for v in result.variables] for s in back] == result.rows
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == result.variables and len(rows) == len(result.rows) + 1
    table = format_table(result)
    assert "Sở Lao động - Thương binh và Xã hội" in table and "(3 rows)" in table
    assert json.loads(js)["head"]["vars"] == result.variables


def test_construct_and_ask(mini_store):
    ask = run_query("ASK { ?d a <https://w3id.org/dkg/ns#Duty> }", store=mini_store)
    assert ask.boolean is True and format_table(ask) == "yes\n"
    q = parse_query_text(
        "# param: body [name] = Công an — b\n"
        "CONSTRUCT { ?b <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
        "WHERE { ?b a <https://w3id.org/dkg/ns#Body> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l "
        'FILTER(REGEX(STR(?l), ?body, "i")) }',
        "c",
    )
    result = run_query(q, {"body": "cong an"}, store=mini_store)
    assert len(result.triples) == 1
    assert format_table(result).endswith(" .\n")


def test_describe_queries_lists_titles():
    text = describe_queries(canned_queries())
    assert "cascade" in text and "Cascade of a directive" in text and "--param doc=28-CT/TW" in text


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_golden_results_on_the_seed_graph(seed_store_dir, name):
    from query_golden import golden_path, rows_key, snapshot

    from kg.queries import open_store_dir

    path = golden_path(name)
    assert path.exists(), f"no golden for {name}: run scripts/regen_golden_queries.py"
    golden = json.loads(path.read_text(encoding="utf-8"))
    got = snapshot(open_store_dir(seed_store_dir), get_query(name))
    hint = "if the change is intended, run scripts/regen_golden_queries.py and review the diff"
    assert got["variables"] == golden["variables"], hint
    assert rows_key(got["rows"]) == rows_key(golden["rows"]), hint


def test_cli_query_and_queries(seed_store_dir):
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["queries"])
    assert result.exit_code == 0 and "cascade" in result.output
    args = ["query", "cascade", "--param", "doc=28-CT-TW", "--store", str(seed_store_dir)]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"]
    result = runner.invoke(main, ["query", "cascade", "--store", str(seed_store_dir)])
    assert result.exit_code == 1 and "missing required parameter" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["query", "nope.rq", "--store", str(seed_store_dir)])
    assert result.exit_code == 1 and "no such query file" in result.output


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(sorted(canned_queries())), st.text(max_size=30))
def test_any_value_for_any_canned_parameter_is_safe(mini_store, name, value):
    """Whatever a user types, a canned query either runs or says which parameter is bad."""
    q = get_query(name)
    params = {p.name: value for p in q.params}
    before = len(mini_store)
    try:
        run_query(q, params, store=mini_store)
    except DkgError as e:
        assert "parameter" in str(e)
    assert len(mini_store) == before


def test_pages_are_slices_of_the_whole_answer(mini_store):
    """--limit / --offset (kg.queries.page): pages in the query's order, that add up to it."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.queries import page

    query = get_query("documents")
    whole = run_query(query, {}, store=mini_store).rows
    assert len(whole) >= 3
    pages = [run_query(query, {}, store=mini_store, limit=2, offset=o).rows for o in (0, 2, 4)]
    assert [r for p in pages for r in p] == whole[:6]
    assert run_query(query, {}, store=mini_store, offset=1).rows == whole[1:]
    with pytest.raises(DkgError, match="own LIMIT"):
        page("SELECT * WHERE { ?s ?p ?o } LIMIT 5", 1)
    result = CliRunner().invoke(main, ["query", "documents", "--limit", "-1"])
    assert result.exit_code == 2 and "--limit" in result.output


REGEX_PROBE = parse_query_text(
    """# title: regex probe
# param: pat = x — a pattern
# param: name [name, optional] = x — a name
SELECT ?s ?l WHERE {
  ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l
  FILTER(REGEX(?l, ?pat, "i") && (!BOUND(?name) || REGEX(STR(?l), ?name)))
} ORDER BY ?s
""",
    "regex_probe",
)


@pytest.mark.parametrize(
    "values",
    [
        {"pat": "phối hợp"},
        {"pat": "^THAM", "name": "tham gia"},
        {"pat": 'x" ) ) } ; DROP ALL ; #'},
        {"pat": 'a\\" , "i")) } INSERT DATA { <a:b> <a:b> <a:b> } #'},
        {"pat": "(", "name": ") }"},
    ],
)
def test_regex_patterns_are_written_as_terms(mini_store, values, monkeypatch):
    """A bound parameter used as a REGEX pattern is written there as its literal (compiled
    once, not per row): the same rows as with the VALUES block alone, any value one term."""
    import kg.sparql

    before = len(mini_store)
    bound = bind_query(REGEX_PROBE.text, bind_params(REGEX_PROBE, values))
    assert bound.count("REGEX(?l, ?pat") == 0 and "BOUND(?name)" in bound
    inlined = run_query(REGEX_PROBE, values, store=mini_store).rows
    monkeypatch.setattr(kg.sparql, "_regex_patterns", lambda *a: [])
    assert "REGEX(?l, ?pat" in bind_query(REGEX_PROBE.text, bind_params(REGEX_PROBE, values))
    assert inlined == run_query(REGEX_PROBE, values, store=mini_store).rows
    assert len(mini_store) == before
    if values["pat"] == "phối hợp":
        assert inlined, "the probe matches something"


@pytest.mark.parametrize("name", ["topic_roles", "duties_carried_now", "documents"])
def test_a_query_runs_once_on_the_store(mini_store, name, monkeypatch):
    """run_query learns the variables (are the ORDER BY keys projected?) from an empty store:
    pyoxigraph evaluates a grouped query when it starts, so running it on the store for its
    names cost the whole query twice. Once on the store, the same rows as ever."""
    import kg.queries

    query = get_query(name)
    params = {p.name: p.example for p in query.params if not p.optional}
    runs: list = []
    real = kg.queries.execute

    def counted(store, text):
        runs.append(store)
        return real(store, text)

    expected = run_query(query, params, store=mini_store).rows
    monkeypatch.setattr(kg.queries, "execute", counted)
    assert run_query(query, params, store=mini_store).rows == expected
    assert sum(1 for s in runs if s is mini_store) == 1
