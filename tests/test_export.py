"""kg.export: every format parses back; the JSON export is the extracted records."""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from kg.export import FORMATS, export, gold_records
from kg.records import to_gold_dict
from kg.store import open_store


@pytest.fixture(scope="module")
def sample_store(sample_store_dir):
    return open_store(sample_store_dir)


def _normalise(records: list[dict]) -> list[dict]:
    """Partners are a set in the graph (and in the scorer): compare them sorted."""
    out = json.loads(json.dumps(sorted(records, key=lambda r: r["file"])))
    for rec in out:
        for a in rec["assignments"]:
            a["coordinates_with"] = sorted(a["coordinates_with"])
    return out


def test_json_export_is_the_records_read_back(sample_store, sample_records):
    assert _normalise(gold_records(sample_store)) == _normalise(
        [to_gold_dict(r) for r in sample_records]
    )


def test_json_export_of_the_seeds_scores_like_extraction(seed_store_dir, seed_paths):
    from kg.evaluate import load_gold, score
    from kg.pipeline import extract_paths

    records, errors = extract_paths(seed_paths)
    assert not errors
    extracted = [to_gold_dict(r) for r in records]
    exported = json.loads(export(open_store(seed_store_dir), "json"))
    assert _normalise(exported) == _normalise(extracted)
    from conftest import GOLD_DIR

    gold = load_gold(GOLD_DIR)
    assert str(score(exported, gold)) == str(score(extracted, gold))


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld"])
def test_rdf_formats_parse_back(sample_store, fmt):
    text = export(sample_store, fmt)
    if fmt in ("trig", "nq"):
        ds = Dataset()
        ds.parse(data=text, format={"trig": "trig", "nq": "nquads"}[fmt])
        assert sum(1 for _ in ds.quads((None, None, None, None))) == len(sample_store)
    else:
        g = Graph().parse(data=text, format={"ttl": "turtle", "jsonld": "json-ld"}[fmt])
        union = {(q.subject, q.predicate, q.object) for q in sample_store.raw}
        assert len(g) == len(union)


def test_exports_are_deterministic(sample_store):
    # an .ics says when it was written (DTSTAMP, RFC 5545): two calls may fall in different seconds
    def stable(text: str) -> str:
        return re.sub(r"(?m)^DTSTAMP:.*$", "DTSTAMP:", text)

    for fmt in FORMATS:
        assert stable(export(sample_store, fmt)) == stable(export(sample_store, fmt)), fmt


def test_csv_is_a_duty_table(sample_store):
    rows = list(csv.DictReader(io.StringIO(export(sample_store, "csv"))))
    assert len(rows) == 5
    first = rows[0]
    assert list(first)[:6] == ["document", "body", "role", "partners", "duty", "deadline"]
    assert first["body"] == "Phòng Giáo dục và Đào tạo" and first["role"] == "lead"
    assert first["partners"] == "Phòng Y tế" and first["deadline"] == "2024-06-30"
    assert any(
        "<script>" in r["duty"] for r in rows
    )  # data, as printed: escaping is the viewer's job


def test_graphml_opens_in_networkx(sample_store):
    g = nx.read_graphml(io.StringIO(export(sample_store, "graphml")))
    kinds = nx.get_node_attributes(g, "kind")
    assert {"document", "body"} <= set(kinds.values())
    relations = {d["relation"] for _u, _v, d in g.edges(data=True)}
    assert {"implements", "assigns", "coordinates", "guidance_for"} <= relations


def test_cli_export(sample_store_dir, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "d.csv"
    result = CliRunner().invoke(
        main, ["export", "--store", str(sample_store_dir), "--format", "csv", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("document,body,role")
