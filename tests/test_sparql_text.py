"""No SPARQL text in kg/ is built by pasting a value into it (issue 9).

Values reach a query only as RDF terms bound by kg/sparql.py (a VALUES block checked by
parsing it back). This test reads every module of the package and fails on query text
made with ``%``, an f-string with a placeholder, or ``.format`` — the ways a value gets
pasted. kg/sparql.py itself writes the checked VALUES block and is the one exception.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kg

PACKAGE = Path(kg.__file__).parent
ALLOWED = {"sparql.py"}  # writes the VALUES block from RDF terms and parses it back
# query text: a query form or a WHERE group (a lone PREFIX line names a namespace, no value)
SPARQL = re.compile(
    r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b[\s\S]*\{|\bWHERE\s*\{|\b(INSERT|DELETE)\s+(DATA|WHERE)\b"
)


def _text(node: ast.AST) -> str:
    """The literal parts of a string expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(v) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _text(node.left) + _text(node.right)
    return ""


def _names(tree: ast.AST) -> dict[str, str]:
    """Module-level names bound to SPARQL text (``Q_TEXT = "SELECT ..."``)."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and SPARQL.search(_text(node.value)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = _text(node.value)
    return out


def pasted(source: str) -> list[tuple[int, str]]:
    """(line, how) for every SPARQL text built by pasting a value."""
    tree = ast.parse(source)
    named = _names(tree)

    def is_query(node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in named
        return bool(SPARQL.search(_text(node)))

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and is_query(node):
            if any(isinstance(v, ast.FormattedValue) for v in node.values):
                found.append((node.lineno, "f-string"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and is_query(node.left):
            found.append((node.lineno, "%"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and is_query(node.func.value)
        ):
            found.append((node.lineno, ".format"))
    return found


def test_the_check_catches_each_way_of_pasting():
    assert pasted('q = "SELECT ?t WHERE { <%s> ?p ?t }" % iri') == [(1, "%")]
    assert pasted('Q = "SELECT ?t WHERE { <%s> ?p ?t }"\nq = Q % iri') == [(2, "%")]
    assert pasted('q = f"SELECT ?t WHERE {{ <{iri}> ?p ?t }}"') == [(1, "f-string")]
    assert pasted('q = "ASK {{ <{}> ?p ?o }}".format(iri)') == [(1, ".format")]
    assert pasted('q = "SELECT ?t WHERE { ?d ?p ?t }"\nrows = run(q, {"d": iri})') == []
    assert pasted('msg = f"{name}: SPARQL syntax error"') == []


def test_no_module_pastes_values_into_sparql_text():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} ({how})"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in ALLOWED
        for line, how in pasted(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "bind values with kg/sparql.py instead: " + ", ".join(offenders)
