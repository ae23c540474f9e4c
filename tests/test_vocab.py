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
