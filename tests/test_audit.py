"""Audit findings (kg.audit) and their terminal rendering (kg.cli_render)."""

from __future__ import annotations

import json

from kg.audit import audit
from kg.cli_render import audit_json, audit_table

ID = "https://w3id.org/dkg/id/"
PROVINCE_PLAN = ID + "doc/10-kh-ubnd"
DISTRICT_PLAN = ID + "doc/ke-hoach-uy-ban-nhan-dan-huyen-dong-xuan-x-0a1b2c3d"


def test_audit_findings_on_the_small_graph(mini_store_with_lineage):
    findings = audit(mini_store_with_lineage)
    kinds = {}
    for f in findings:
        kinds.setdefault(f.kind, []).append(f)
    assert [f.details["printed_as"] for f in kinds["several-numbers"]] == [["9-CT-TW", "9-CT/TW"]]
    assert "printing variants of one number" in kinds["several-numbers"][0].message
    assert kinds["extraction-finding"][0].details["finding_kind"] == "duplicate-passage"
    assert [f.document for f in kinds["missing-number"]] == [DISTRICT_PLAN]
    assert [f.document for f in kinds["missing-date"]] == [DISTRICT_PLAN]
    assert {f.document for f in kinds["implemented-not-in-corpus"]} == {
        ID + "doc/9-ct-tw",
        ID + "doc/15-hd-btgtu",
    }
    assert [f.document for f in kinds["cited-not-in-corpus"]] == [ID + "doc/77-2020-qh14"]
    no_lead = {f.document: f.details["bodies"] for f in kinds["no-lead"]}
    assert no_lead == {
        PROVINCE_PLAN: ["Sở Giáo dục và Đào tạo"],
        DISTRICT_PLAN: ["Công an", "Phòng Giáo dục và Đào tạo"],
    }
    assert len(kinds["reporting-without-deadline"]) == 1
    (lineage,) = kinds["lineage"]
    assert lineage.details["kept"] == 2 and len(lineage.details["dropped"]) == 1
    assert "carries out 2 of 3 duties of Kế hoạch 10/KH-UBND" in lineage.message
    table = audit_table(findings)
    assert "== lineage (1)" in table and "summary:" in table
    assert json.loads(audit_json(findings))[0]["kind"] == "several-numbers"


def test_audit_reads_document_names_only_and_says_the_same(seed_store_dir, mini_store_with_lineage):
    """audit names documents from kg.read.document_names, not the whole read model."""
    from kg.queries import open_store_dir
    from kg.read import document_names, load_model

    for store in (open_store_dir(seed_store_dir), mini_store_with_lineage):
        full = load_model(store)
        names = document_names(store)
        assert names == {i: d.name for i, d in full.docs.items() if i in names}
        assert audit(store) == audit(store, full)
