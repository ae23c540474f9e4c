"""Whole-string bodies (the issuer, cited issuers) matched in extraction, not in resolve."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.named import body_named, place_of_name, strip_place
from kg.models import DocumentFacts


def test_strip_place():
    place = ("Nghệ An", "Quế Phong", None)
    assert strip_place("Ủy ban nhân dân huyện Quế Phong", place) == "Ủy ban nhân dân"
    assert strip_place("Ban Thường vụ Thành ủy Vinh", ("Nghệ An", "Vinh", None)) == (
        "Ban Thường vụ Thành ủy"
    )


def test_place_of_name_reads_the_unit_words_of_the_lexicon():
    doc = ("Nghệ An", "Quế Phong", None)
    assert place_of_name("Ủy ban nhân dân tỉnh Bình Phước", doc) == (
        "province",
        ("Bình Phước", None, None),
    )
    assert place_of_name("Thành ủy Vinh", doc) == ("district", ("Nghệ An", "Vinh", None))
    assert place_of_name("Ủy ban nhân dân đặc khu Phú Quốc", ("Kiên Giang", None, None)) == (
        "commune",
        ("Kiên Giang", None, "Phú Quốc"),
    )
    assert place_of_name("Bộ Chính trị", doc) == ("central", (None, None, None))


def test_the_issuer_is_a_body_like_any_other():
    facts = DocumentFacts(
        issuer="Ủy ban nhân dân huyện Quế Phong",
        issuer_level="district",
        province="Nghệ An",
        district="Quế Phong",
    )
    b = body_named(facts.issuer, "district", None, ("Nghệ An", "Quế Phong", None))
    assert b.type_id == "UBND" and b.kind == "state" and b.level == "district"
    party = body_named("Bộ Chính trị", "central", None, (None, None, None))
    assert party.type_id and party.kind == "party" and party.level == "central"


@given(st.text(max_size=60), st.sampled_from([None, "province", "district", "commune"]))
def test_matching_an_issuer_name_to_a_body_never_crashes(name, level):
    # no blanket except around the matcher: any input must be handled by the matcher itself
    body_named(name, level, None, ("Nghệ An", "Con Cuông", None))
    body_named("Phòng Tư pháp " + name, level, None, (None, None, None))
