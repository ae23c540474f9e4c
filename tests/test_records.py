"""Records in the gold shape, as JSON and as a terminal table."""

from __future__ import annotations

import json
from pathlib import Path

from kg.models import (
    Assignment,
    BodyMention,
    DocRef,
    DocumentFacts,
    DocumentRecord,
    Duty,
    Recipient,
    Reporting,
    SourceText,
    Span,
    Target,
)
from kg.records import gold_cites, gold_implements, records_json, records_table, to_gold_dict

SPAN = Span(0, 1)


def _ref(number, key, relation, short=False):
    return DocRef("Chỉ thị", number, key, None, None, relation, SPAN, short=short)


def make_record() -> DocumentRecord:
    src = SourceText(Path("x/plan.txt"), "x/plan.txt", "t", "utf-8", "")
    impl = _ref("28-CT/TW", "28-CT/TW", "implements")
    refs = [
        impl,
        _ref("56/2017/NĐ-CP", "56/2017/ND-CP", "based_on"),
        _ref("28-CT-TW", "28-CT/TW", "cites"),
        _ref("41/NQ-HĐND", "41/NQ-HDND", "cites"),
        _ref("41/NQ-HĐND", "41/NQ-HDND", "cites", short=True),
        _ref("41/2021/NQ-HĐND", "41/2021/NQ-HDND", "cites"),
        _ref("41/NQ-HĐND", "41/NQ-HDND", "cites"),
    ]
    body = BodyMention("Phòng Tư pháp huyện", "Phòng Tư pháp", SPAN)
    partner = BodyMention("Phòng Nội vụ", "Phòng Nội vụ", SPAN)
    return DocumentRecord(
        source=src,
        document=DocumentFacts(type="Kế hoạch", issuer="Ủy ban nhân dân huyện A"),
        implements=[impl],
        references=refs,
        assignments=[
            Assignment(
                body,
                "assigned",
                [
                    Duty("Chủ trì, phối hợp với Phòng Nội vụ rà soát", SPAN, "lead", [partner]),
                    Duty("Báo cáo", SPAN),
                ],
            )
        ],
        reporting=[Reporting("Phòng Tư pháp", "UBND huyện", None, "annual", "20/11", SPAN)],
        targets=[Target("Tỷ lệ khai sinh", "99%", 2025, "Phòng Tư pháp", SPAN)],
        recipients=[Recipient("UBND tỉnh", SPAN)],
    )


def test_gold_lists_of_references():
    rec = make_record()
    assert [r.number for r in gold_implements(rec)] == ["28-CT/TW", "56/2017/NĐ-CP"]
    # printed variants of a cited document each listed once; implemented keys left out
    assert gold_cites(rec) == ["41/NQ-HĐND", "41/2021/NQ-HĐND"]


def test_to_gold_dict_has_the_schema_shape(gold_dir):
    d = to_gold_dict(make_record())
    gold = json.loads(next(gold_dir.glob("*.json")).read_text(encoding="utf-8"))
    assert set(d) == set(gold)
    assert set(d["document"]) == set(gold["document"])
    assert set(d["assignments"][0]) == set(gold["assignments"][0])
    assert set(d["reporting"][0]) == set(gold["reporting"][0])
    assert d["file"] == "x/plan.txt"
    a = d["assignments"][0]
    assert (a["agency"], a["duties"], a["leads"], a["coordinates_with"]) == (
        "Phòng Tư pháp",
        2,
        True,
        ["Phòng Nội vụ"],
    )
    assert d["targets"] == [
        {"text": "Tỷ lệ khai sinh", "value": "99%", "year": 2025, "owner": "Phòng Tư pháp"}
    ]


def test_json_keeps_vietnamese_readable():
    out = records_json([make_record()])
    assert "Ủy ban nhân dân huyện A" in out
    assert json.loads(out)[0]["recipients"] == ["UBND tỉnh"]


def test_table_shows_header_references_recipients_and_duties():
    out = records_table([make_record()])
    for piece in (
        "== x/plan.txt",
        "Ủy ban nhân dân huyện A",
        "28-CT/TW",
        "41/2021/NQ-HĐND",
        "UBND tỉnh",
    ):
        assert piece in out
    assert "Phòng Tư pháp (assigned [lead], 2 duties)" in out
    assert "with Phòng Nội vụ" in out
    assert all(len(line) <= 120 for line in out.splitlines())


def test_gold_dict_writes_exactly_the_schema_keys():
    """The one writer of the gold shape: extra keys are dropped, missing ones are None."""
    from kg.records import ASSIGNMENT_FIELDS, DOCUMENT_FIELDS, gold_dict

    d = gold_dict(
        "a.txt",
        {"type": "Kế hoạch", "order": 3},
        [{"number": "1/KH", "rank": 1}],
        ["2/KH"],
        [{"agency": "Sở Y tế"}],
        [{"by": "Sở Y tế", "order": 1}],
        [{"text": "100%", "doc": "x"}],
        ["Như trên"],
        "",
    )
    assert list(d) == [
        "file",
        "document",
        "implements",
        "cites",
        "assignments",
        "reporting",
        "targets",
        "recipients",
        "notes",
    ]
    assert list(d["document"]) == list(DOCUMENT_FIELDS) and d["document"]["number"] is None
    assert d["implements"] == [{"number": "1/KH", "type": None, "date": None, "issuer": None}]
    assert list(d["assignments"][0]) == list(ASSIGNMENT_FIELDS)
    assert "order" not in d["reporting"][0] and "doc" not in d["targets"][0]
