"""Second, blind generalisation check on six documents the rules never saw.

tests/data/holdout was used to tune the rules, so it no longer measures generalisation.
tests/data/holdout2 holds six documents written and annotated without reading kg/ or the
first holdout's texts, and frozen before the extractor first ran on them: a Huyện ủy
Chương trình hành động, a provincial plan with a flattened appendix table, a Chủ tịch
UBND tỉnh's Chỉ thị, a district Quyết định setting up a Ban Chỉ đạo, a post-2025 ward
plan and a Sở's Công văn. Failures found there are kept as xfail with their cause, so the
bars stay where the issues set them and a fix shows up as XPASS.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kg.evaluate import Report, load_gold, score
from kg.pipeline import extract_paths
from kg.records import to_gold_dict

HOLDOUT = Path(__file__).parent / "data" / "holdout2"
GOLD = load_gold(HOLDOUT / "gold")
NAMES = [g["file"] for g in GOLD]

# The floor issue 3 sets for unseen documents.
AGENCIES_F1_FLOOR = 0.7


def _key(name: str) -> str:
    """Compare names case- and tone-placement-insensitively (hoá/hóa, uỷ/ủy)."""
    s = unicodedata.normalize("NFC", name).casefold()
    for old, new in (("oá", "óa"), ("oà", "òa"), ("uỷ", "ủy"), ("uý", "úy"), ("–", "-")):
        s = s.replace(old, new)
    return " ".join(s.split())


@pytest.fixture(scope="module")
def predicted() -> dict[str, dict]:
    """Gold-shaped records for every holdout text, keyed by file name (extracted once)."""
    records, errors = extract_paths([HOLDOUT / "texts" / name for name in NAMES])
    assert not errors, errors
    out = {}
    for rec in records:
        d = to_gold_dict(rec)
        out[Path(d["file"]).name] = d
    return out


@pytest.fixture(scope="module")
def report(predicted) -> Report:
    return score(list(predicted.values()), GOLD)


def _agencies(predicted: dict[str, dict], name: str) -> dict[str, dict]:
    return {_key(a["agency"]): a for a in predicted[name]["assignments"]}


def test_every_gold_file_names_an_existing_text():
    assert len(GOLD) == 6
    for g in GOLD:
        assert (HOLDOUT / "texts" / g["file"]).is_file(), g["file"]
        assert {"document", "implements", "cites", "assignments", "reporting"} <= g.keys()


@pytest.mark.parametrize("name", NAMES)
def test_extraction_does_not_crash(name):
    """Each document alone yields one record with a document part and a list of assignments."""
    records, errors = extract_paths([HOLDOUT / "texts" / name])
    assert not errors, errors
    assert len(records) == 1
    d = to_gold_dict(records[0])
    assert d["document"]["type"]
    assert isinstance(d["assignments"], list)
    json.dumps(d, ensure_ascii=False)  # the record serialises


def test_agencies_f1_meets_the_floor_for_unseen_documents(report):
    f1 = report.sets["agencies"].f1
    assert f1 >= AGENCIES_F1_FLOOR, report.table(show_misses=True)


def test_header_and_references_hold_on_unseen_documents(report):
    """The issue-2 bars (document fields, implements, references, recipients) also hold here."""
    assert report.passed(2), report.table(show_misses=True)


def test_targets_f1_on_unseen_documents(report):
    assert report.sets["targets"].f1 >= 0.8, report.table(show_misses=True)


# Concrete failures found on this set, most important first; each names its likely cause.


def test_directive_implements_what_it_says_it_carries_out(predicted):
    d = predicted["03_chairman_directive.txt"]
    assert "18/CT-TTg" in [i["number"] for i in d["implements"]]
    assert "18/CT-TTg" not in d["cites"]


def test_directive_subject_stops_at_the_trich_yeu(predicted):
    subject = predicted["03_chairman_directive.txt"]["document"]["subject"]
    assert subject.rstrip(" .").endswith("tỉnh Kon Tum")


def test_ward_unit_names_with_commas_stay_whole(predicted):
    names = _agencies(predicted, "05_ward_plan.txt")
    assert _key("Phòng Kinh tế, Hạ tầng và Đô thị") in names
    schools = [a for k, a in names.items() if k.startswith("các trường")]
    assert schools and not schools[0]["first_duty"].startswith("Tiểu học")


def test_ward_residential_groups_are_a_body(predicted):
    assert _key("Các tổ dân phố") in _agencies(predicted, "05_ward_plan.txt")


def test_courtesy_closing_gives_no_body(predicted):
    names = _agencies(predicted, "06_department_letter.txt")
    assert _key("Các cơ quan, đơn vị") not in names


def test_directing_body_is_not_the_lead(predicted):
    ubnd = _agencies(predicted, "01_party_program.txt")[_key("Ủy ban nhân dân huyện")]
    assert not ubnd["leads"]
    assert ubnd["coordinates_with"] == []


def test_rate_target_is_found(predicted):
    values = [t["value"] for t in predicted["02_appendix_plan.txt"]["targets"]]
    assert any("4/100.000" in v for v in values), values


def test_target_year_not_taken_from_a_past_statistic(predicted):
    years = [t["year"] for t in predicted["03_chairman_directive.txt"]["targets"]]
    assert 2023 not in years, years


def test_closing_reporting_sentence_keeps_its_own_reporters(predicted):
    reports = predicted["05_ward_plan.txt"]["reporting"]
    by = [_key(r["by"] or "") for r in reports if r["deadline"] in ("05/6", "30/11")]
    assert by and all("mặt trận" not in b for b in by), by
