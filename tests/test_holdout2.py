"""Regression checks for the failures the blind holdout2 set first exposed.

Each names its cause; the set-wide scores are checked in test_holdout.py.
"""

from __future__ import annotations

import pytest
from test_holdout import predicted as _predicted

from kg.text import normalize_key as _key


@pytest.fixture(scope="module")
def predicted() -> dict[str, dict]:
    return _predicted("holdout2")


def _agencies(predicted: dict[str, dict], name: str) -> dict[str, dict]:
    return {_key(a["agency"]): a for a in predicted[name]["assignments"]}


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
