"""kg.body_keys through kg.resolve: bodies that one type and one place do not tell apart
(two schools of a district, two names differing only by their marks) stay two bodies in the
graph; one body printed two ways (tone placement, case) stays one."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg import body_keys
from kg.models import Assignment, BodyMention, DocumentFacts, DocumentRecord, SourceText, Span
from kg.resolve import resolve
from kg.text import normalize_key

FACTS = dict(province="Bình Định", district="Phù Mỹ", issuer_level="district")


def _record(name: str, bodies: list[tuple[str, str | None]]) -> DocumentRecord:
    src = SourceText(Path(name), name, "x" * 200, "utf-8", "0" * 64)
    rec = DocumentRecord(src, DocumentFacts(**FACTS))
    rec.assignments = [
        Assignment(BodyMention(n, n, Span(0, 3), type_id=t, level="district"), "assigned")
        for n, t in bodies
    ]
    return rec


def _keys(*bodies: tuple[str, str | None]) -> list[str]:
    corpus = resolve([_record("a.txt", list(bodies))])
    return [corpus.sources[0].bodies[("assignment", i)] for i in range(len(bodies))]


def test_bodies_of_one_type_with_their_own_names_are_apart() -> None:
    keys = _keys(
        ("Trường Tiểu học Hòa Bình", "TruongHoc"),
        ("Trường Tiểu học Phú Mỹ", "TruongHoc"),
        ("Trường Trung học cơ sở Phú Mỹ", "TruongHoc"),
        ("Tổng công ty Điện lực miền Bắc", "TongCongTy"),
        ("Tổng công ty Điện lực miền Nam", "TongCongTy"),
    )
    assert len(set(keys)) == 5
    assert keys[0] == "truong-tieu-hoc-hoa-binh@binh-dinh/phu-my"


def test_a_body_named_by_its_type_level_and_place_keeps_its_type_key() -> None:
    keys = _keys(
        ("Phòng Tài chính - Kế hoạch", "PhongTCKH"),
        ("Ủy ban nhân dân huyện", "UBND"),
        ("Ủy ban nhân dân huyện Phù Mỹ", "UBND"),
    )
    assert keys == [
        "phong-tckh@binh-dinh/phu-my",
        "ubnd@binh-dinh/phu-my",
        "ubnd@binh-dinh/phu-my",
    ]


def test_names_differing_only_by_their_marks_are_two_bodies() -> None:
    a, b, c = _keys(
        ("Trường Tiểu học Phú Mỹ", "TruongHoc"),
        ("Trường Tiểu học Phù Mỹ", "TruongHoc"),
        ("Trường Tiểu học Phú mỹ", "TruongHoc"),  # the same name in another case
    )
    assert a != b and a == c
    untyped = _keys(("Hội Người cao tuổi Hoà An", None), ("Hội Người cao tuổi Hòa An", None))
    assert untyped[0] == untyped[1]  # old and new tone placement: one body
    assert _keys(("Hợp tác xã Tân An", None), ("Hợp tác xã Tân Ấn", None)) == [
        "hop-tac-xa-tan-an@binh-dinh/phu-my",
        "hop-tac-xa-tan-an-2@binh-dinh/phu-my",
    ]


_MARKS = {"a": "aáàảãạ", "o": "oóòỏõọ", "u": "uúùủũụ", "e": "eéèẻẽẹ", "i": "iíìỉĩị"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["a", "o", "u", "e", "i"]), min_size=1, max_size=3), st.data())
def test_two_names_are_one_body_exactly_when_their_normalised_forms_agree(vowels, data) -> None:
    def word(marks: list[str]) -> str:
        return "Tr" + "n".join(marks) + "ng"

    first = word([data.draw(st.sampled_from(_MARKS[v])) for v in vowels])
    second = word([data.draw(st.sampled_from(_MARKS[v])) for v in vowels])
    names = (f"Hội Nông dân {first}", f"Hội Nông dân {second}")
    a, b = _keys((names[0], None), (names[1], None))
    assert (a == b) == (normalize_key(names[0]) == normalize_key(names[1]))


def test_punctuation_does_not_make_two_bodies() -> None:
    a, b = _keys(
        ("Hội Sinh viên, Thanh niên Tân An", None), ("Hội Sinh viên Thanh niên Tân An", None)
    )
    assert a == b


def test_a_place_name_is_taken_out_as_whole_words_only() -> None:
    from kg.body_keys import _name_says_more

    # a one-letter place name ("A") is not the "a" inside "Nam": only level words are left
    assert not _name_says_more("CongAn", "Công an xã A Nam", ("A",))
    assert _name_says_more("CongAn", "Công an xã A Nam Bộ", ("A",))


# ---------------------------------------------------------------- place words, whole words

_WORDISH = st.text(alphabet="an bAN_-.1đĐ hòa Hoà", max_size=30)


@given(_WORDISH, _WORDISH)
def test_drop_words_is_the_whole_word_substitution(text, phrase):
    """body_keys.drop_words equals the regex it replaced, on texts made of the letters,
    marks, digits, underscores and punctuation of place names."""
    pattern = rf"(?<![^\W_]){re.escape(phrase)}(?![^\W_])"
    assert body_keys.drop_words(text, phrase) == re.sub(pattern, " ", text)


def test_drop_words_snippets():
    assert body_keys.drop_words("ban an an-x", "an") == "ban    -x"
    assert body_keys.drop_words("phú mỹ phù mỹ", "phù mỹ") == "phú mỹ  "
    assert body_keys.drop_words("anan an", "an") == "anan  "
