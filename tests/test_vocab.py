"""kg.vocab: the DKG namespace fails on unknown terms."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.vocab import DKG, DKG_NS


def test_known_terms_are_iris():
    assert DKG.Duty == URIRef(DKG_NS + "Duty")
    assert DKG.responsibleBody == URIRef(DKG_NS + "responsibleBody")


def test_typos_fail():
    with pytest.raises(AttributeError):
        DKG.Dutty  # noqa: B018


def test_canned_queries_use_only_defined_terms():
    """The graph contract (docs/GRAPH.md): a query naming a term we never emit is a bug."""
    import re

    from kg.resources import queries_dir

    defined = set(DKG.__annotations__)
    for path in sorted(queries_dir().glob("*.rq")):
        used = set(re.findall(r"\bdkg:([A-Za-z_]\w*)", path.read_text(encoding="utf-8")))
        assert used <= defined, f"{path.name}: {sorted(used - defined)}"
