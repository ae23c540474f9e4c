"""kg.validate: SHACL shapes and OWL consistency."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.cli import main
from kg.store import open_store
from kg.validate import owl_consistency, shacl, validate_store
from kg.vocab import DKG

X = "http://example.org/"


def _duty_graph(with_body: bool) -> Graph:
    g = Graph()
    doc, duty, ev, src = (URIRef(X + n) for n in ("doc", "duty", "ev", "src"))
    g.add((doc, RDF.type, DKG.Document))
    g.add((duty, RDF.type, DKG.Duty))
    g.add((duty, DKG.role, DKG.Lead))
    g.add((duty, DKG.mode, DKG.Assigned))
    g.add((duty, DKG.text, Literal("Chủ trì tuyên truyền", lang="vi")))
    g.add((duty, DKG.inDocument, doc))
    g.add((duty, DKG.evidence, ev))
    g.add((ev, RDF.type, DKG.Evidence))
    if with_body:
        body = URIRef(X + "body")
        g.add((body, RDF.type, DKG.Body))
        g.add((duty, DKG.responsibleBody, body))
    return g


def test_shacl_rejects_a_duty_without_a_body():
    findings = [f for f in shacl(_duty_graph(False), "g") if f.severity == "Violation"]
    assert any(
        f.path == "dkg:responsibleBody" and "responsible body" in f.message for f in findings
    )
    ok = [f for f in shacl(_duty_graph(True), "g") if "responsibleBody" in f.path]
    assert ok == []


def test_shacl_rejects_a_due_date_that_is_not_a_month_day():
    g = Graph()
    r = URIRef(X + "r")
    g.add((r, RDF.type, DKG.ReportingObligation))
    g.add((r, DKG.dueDate, Literal("20/11")))
    assert any(f.path == "dkg:dueDate" for f in shacl(g, "g"))


def test_the_sample_build_is_valid(sample_store_dir):
    report = validate_store(open_store(sample_store_dir))
    assert report.ok, report.summary()
    assert report.graphs == 4 and not report.violations


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_hermit_finds_a_node_that_is_both_a_duty_and_a_body():
    g = _duty_graph(True)
    g.add((URIRef(X + "body"), RDF.type, DKG.Duty))  # classes are disjoint
    consistent, message = owl_consistency(None, [], data=g)
    assert consistent is False, message
    consistent, message = owl_consistency(None, [], data=_duty_graph(True))
    assert consistent is True, message


def test_cli_validate(sample_store_dir):
    result = CliRunner().invoke(main, ["validate", "--store", str(sample_store_dir), "--no-owl"])
    assert result.exit_code == 0, result.output
    assert "0 violations" in result.output and "valid" in result.output


def test_a_sample_of_source_graphs(sample_store_dir):
    report = validate_store(open_store(sample_store_dir), owl=False, sample=2)
    assert report.sampled and report.graphs == 3 and report.ok  # 2 sources + the shared graph
    assert "(a sample)" in report.summary()


def test_source_graphs_are_found_under_any_base(tmp_path, sample_records):
    from kg.build import build_records
    from kg.rdf import IRIs

    base = "urn:example:dkg:"
    build_records(sample_records, [], tmp_path / "urn", base=base)
    build_records(sample_records, [], tmp_path / "default")
    assert IRIs(base).source_graph_prefix == "urn:example:dkg:graph/source/"
    report = validate_store(open_store(tmp_path / "urn"), owl=False)
    usual = validate_store(open_store(tmp_path / "default"), owl=False)
    assert report.graphs == usual.graphs == 3 + 1 and report.ok  # 3 sources and the shared graph
