"""kg.endpoint: the read side (trace, audit, the site) from a SPARQL server gives what it
gives from the embedded store, on the Oxigraph server and on Virtuoso (``pushed_engine``)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.endpoint import parse_json_results


def _from_both(seed_store_dir: Path, eng, args: list[str]) -> tuple[str, str]:
    auth = ["--auth", eng.auth] if eng.auth else []
    here = CliRunner().invoke(main, args + ["--store", str(seed_store_dir)])
    there = CliRunner().invoke(main, args + ["--endpoint", eng.query_url] + auth)
    assert here.exit_code == 0, here.output
    assert there.exit_code == 0, there.output
    return here.stdout, there.stdout


def test_trace_from_the_endpoint(seed_store_dir: Path, pushed_engine) -> None:
    args = ["trace", "28-CT/TW", "--duties", "--format", "json"]
    here, there = _from_both(seed_store_dir, pushed_engine, args)
    assert '"children"' in here and here == there
    here, there = _from_both(seed_store_dir, pushed_engine, ["trace", "28-CT/TW"])
    assert here == there


def test_audit_from_the_endpoint(seed_store_dir: Path, pushed_engine) -> None:
    here, there = _from_both(seed_store_dir, pushed_engine, ["audit", "--format", "json"])
    assert len(here) > 100 and here == there


def test_site_from_the_endpoint(seed_store_dir: Path, pushed_engine, tmp_path: Path) -> None:
    a, b = tmp_path / "here", tmp_path / "there"
    _from_both(seed_store_dir, pushed_engine, ["site", "--out", str(a)])
    auth = ["--auth", pushed_engine.auth] if pushed_engine.auth else []
    args = ["site", "--out", str(b), "--endpoint", pushed_engine.query_url]
    assert CliRunner().invoke(main, args + auth).exit_code == 0
    pages = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    assert len(pages) > 20
    assert pages == sorted(p.relative_to(b) for p in b.rglob("*.html"))
    differ = [str(p) for p in pages if (a / p).read_bytes() != (b / p).read_bytes()]
    assert not differ, differ[:5]


def test_virtuoso_dialect_of_json_results() -> None:
    """Blank nodes named nodeID://..., the 2007 draft's typed-literal, booleans as 1/0."""
    body = b"""{ "head": { "link": [], "vars": ["x", "b", "n", "s", "u"] },
      "results": { "distinct": false, "ordered": true, "bindings": [
        { "x": { "type": "bnode", "value": "nodeID://b10003" },
          "b": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean",
                 "value": "1" },
          "n": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                 "value": "5" },
          "s": { "type": "literal", "xml:lang": "vi", "value": "\\u1EE6y ban" } },
        { "x": { "type": "bnode", "value": "nodeID://b10003" } } ] } }"""
    ans = parse_json_results(body)
    assert ans.variables == ["x", "b", "n", "s", "u"]
    first, second = ans.rows
    assert first[0] == second[0]  # the same blank node twice
    assert first[1].value == "true" and first[2].value == "5" and first[3].value == "Ủy ban"
    assert first[3].language == "vi" and first[4] is None
    assert parse_json_results(b'{"head": {}, "boolean": true}').boolean is True
