"""The project's own real-document annotations are well-formed and keep their split.

tests/data/real/ours/{tune,heldout,heldout2,heldout3,heldout4,heldout5,
heldout6,heldout7,heldout8,heldout9,heldout10,heldout11} hold hand annotations
of real texts (see their README.md). These checks need no extraction: every gold file has the
shape kg.evaluate.score reads, its text is in tests/data/real/docs, its counts add up, and no
document is in both sets (the held-out set must stay unseen by tuning).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

OURS = Path(__file__).parent / "data" / "real" / "ours"
DOCS = OURS.parent / "docs"
SETS = (
    "tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    "heldout8", "heldout9", "heldout10", "heldout11",
)  # fmt: skip
FILES = sorted(p for s in SETS for p in (OURS / s).glob("*.json"))

DOCUMENT_KEYS = [
    "type", "number", "date", "issuer", "issuer_level", "issuer_kind",
    "province", "district", "signer", "signer_title", "subject",
]  # fmt: skip
ASSIGNMENT_KEYS = [
    "agency", "as_written", "mode", "duties", "first_duty", "leads", "coordinates_with",
]  # fmt: skip


def test_the_sets_keep_their_sizes_and_do_not_overlap():
    names = {s: {p.name for p in (OURS / s).glob("*.json")} for s in SETS}
    assert len(names["tune"]) >= 8 and len(names["heldout"]) == 8
    assert len(names["heldout2"]) == 10 and len(names["heldout3"]) == 12
    assert len(names["heldout4"]) == 12
    assert len(names["heldout5"]) == 12
    assert len(names["heldout6"]) == 12
    assert len(names["heldout7"]) == 12
    assert len(names["heldout8"]) == 12
    assert len(names["heldout9"]) == 12
    assert len(names["heldout10"]) == 12
    assert len(names["heldout11"]) == 12
    for i, a in enumerate(SETS):
        for b in SETS[i + 1 :]:
            assert not names[a] & names[b], (a, b)
    given = {p.name for p in (OURS.parent / "gold").glob("*.json")}
    held = set().union(*(names[s] for s in SETS if s != "tune"))
    assert not given & held


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_file_is_well_formed(path: Path):
    raw = path.read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw), "gold text must be NFC"
    g = json.loads(raw)
    assert g["file"] == path.stem + ".txt"
    assert (DOCS / g["file"]).is_file(), g["file"]
    assert list(g["document"]) == DOCUMENT_KEYS
    assert g["document"]["issuer_level"] in {"central", "province", "district", "commune"}
    assert g["document"]["issuer_kind"] in {"party", "state", "mass-org"}
    for part in ("implements", "cites", "assignments", "reporting", "targets", "recipients"):
        assert isinstance(g[part], list), part
    agencies = [a["agency"] for a in g["assignments"]]
    assert len(agencies) == len(set(agencies)), "one entry per body"
    for a in g["assignments"]:
        assert list(a) == ASSIGNMENT_KEYS
        assert a["mode"] in {"assigned", "requested"}
        assert isinstance(a["duties"], int) and a["duties"] >= 1
        assert isinstance(a["leads"], bool)
    for r in g["reporting"]:
        assert set(r) == {"by", "to", "via", "frequency", "deadline"}
    for t in g["targets"]:
        assert set(t) == {"text", "value", "year", "owner"}
    assert g["notes"].strip()
