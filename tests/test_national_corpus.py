"""scripts/national_corpus.py: the build of a generated corpus reproduces what is known by
construction (numbers, issuers, parents, duties per body, every cascade's size)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg.build import build_records
from kg.pipeline import extract_paths
from kg.store import open_store
from kg.validate import validate_store
from tests.generated import generate_corpus

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))
import national_corpus  # noqa: E402


def _generate(tmp: Path, plans: int, seed: int, era: str) -> tuple[Path, dict]:
    out = generate_corpus(tmp / f"corpus-{era}", plans, seed, era)
    return out, json.loads((out / "expected.json").read_text(encoding="utf-8"))


def test_generated_corpus_builds_to_expected(tmp_path: Path) -> None:
    corpus, exp = _generate(tmp_path, 60, 1, "2024")
    assert len(exp["plans"]) == 60
    levels = {p["level"] for p in exp["plans"].values()}
    assert levels == {"central", "province", "district", "commune"}
    # a plan cited with its number printed another way (inconsistent_citations), checked
    # against the store by check_store
    assert exp["printed_as"]
    records, errors = extract_paths([corpus])
    assert not errors
    assert national_corpus.check_records(exp, records) == []
    report = build_records(records, errors, tmp_path / "out")
    assert report.documents == 60
    store = open_store(tmp_path / "out")
    try:
        assert national_corpus.check_store(exp, store) == []
        # the forms are checked per plan file: another file's forms are a mismatch
        file, forms = next(iter(exp["printed_as"].items()))
        moved = {**exp, "printed_as": {"elsewhere.txt": forms}}  # sorts after the corpus files
        assert national_corpus.check_store(moved, store) == [
            f"{file}: printed as {forms}, expected None",
            f"elsewhere.txt: printed as None, expected {forms}",
        ]
        # plans cite plans of other sources: each is checked in the graph describing it
        assert validate_store(store, owl=False, sample=10).violations == []
    finally:
        store.close()


@pytest.mark.parametrize("seed", [3])
def test_after_the_2025_reform_no_districts(tmp_path: Path, seed: int) -> None:
    corpus, exp = _generate(tmp_path, 30, seed, "2025")
    assert "district" not in {p["level"] for p in exp["plans"].values()}
    records, errors = extract_paths([corpus])
    assert not errors
    assert national_corpus.check_records(exp, records) == []


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    a = national_corpus.generate(20, 7, tmp_path / "a")
    b = national_corpus.generate(20, 7, tmp_path / "b")
    assert a == b
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()


def test_a_province_name_with_a_dash_is_whole() -> None:
    from kg.extract.named import place_of_name

    none = (None, None, None)
    assert place_of_name("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", none)[1][0] == (
        "Bà Rịa - Vũng Tàu"
    )
    assert place_of_name("UBND tỉnh Nghệ An - Sở Y tế", none)[1][0] == "Nghệ An"


def test_same_named_districts_in_several_provinces(tmp_path: Path) -> None:
    """Provinces that share district names (three "huyện Châu Thành") and Hồ Chí Minh's
    numbered districts: each commune's plan names only its district, and the build still
    places it, and cascades it, under its own province (kg.placechain)."""
    provinces = ["Hậu Giang", "Đồng Tháp", "Bến Tre", "Hồ Chí Minh"]
    exp = national_corpus.generate(60, 1, tmp_path / "c", provinces=provinces)
    districts = [p["issuer"] for p in exp["plans"].values() if p["level"] == "district"]
    assert districts.count("Ủy ban nhân dân huyện Châu Thành") >= 2
    assert any(d.startswith("Ủy ban nhân dân Quận ") for d in districts)
    records, errors = extract_paths([tmp_path / "c"])
    assert not errors
    assert national_corpus.check_records(exp, records) == []
    build_records(records, errors, tmp_path / "out")
    store = open_store(tmp_path / "out")
    try:
        assert national_corpus.check_store(exp, store) == []
    finally:
        store.close()


def test_a_unit_named_by_a_number_is_written_with_its_word() -> None:
    """NĐ 30/2020 (Phụ lục I): a dateline names a unit called by a number in full."""
    ward = {"name": "Phường IV", "short": "IV", "type": "Phường"}
    assert national_corpus._town(ward) == "Phường IV"
    assert national_corpus._unit_name(ward) == "Phường IV"
    district = {"name": "Quận 12", "short": "Quận 12", "type": "Quận"}
    assert national_corpus._unit_name(district) == "Quận 12"
    commune = {"name": "Xã Tân Lập", "short": "Tân Lập", "type": "Xã"}
    assert (national_corpus._town(commune), national_corpus._unit_name(commune)) == (
        "Tân Lập",
        "xã Tân Lập",
    )
