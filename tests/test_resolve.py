"""kg.resolve: one document, body or place however it is printed."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.extract import named
from kg.models import BodyMention, DocRef, DocumentFacts, DocumentRecord, SourceText, Span
from kg.numbers import number_key, parse_number, type_from_number
from kg.resolve import (
    PlaceKey,
    best_title,
    kebab,
    resolve,
    slug,
)


def _record(name: str, refs: list[DocRef], **facts) -> DocumentRecord:
    src = SourceText(Path(name), name, "x" * 200, "utf-8", "0" * 64)
    rec = DocumentRecord(src, DocumentFacts(**facts), references=refs)
    named.name_record_bodies(rec)  # what the pipeline does before resolve
    return rec


def _ref(number: str | None, date: str | None = None, issuer: str | None = None, **kw) -> DocRef:
    return DocRef(
        kw.pop("type", None),
        number,
        number,
        date,
        issuer,
        kw.pop("relation", "cites"),
        Span(0, 5),
        **kw,
    )


def test_printing_variants_have_one_key():
    assert number_key("28-CT/TW") == number_key("28-CT-TW") == number_key("28 - CT/TW")
    assert (
        number_key("06/2019/QĐ-TTg") == number_key("06/2019/QĐ-TTG") == number_key("6/2019/QĐ–TTg")
    )
    assert number_key("06/QĐ-TTG") != number_key("06/2019/QĐ-TTg")  # the year rule needs a date


def test_parse_number_parts():
    p = parse_number("13/2021/TT-BLĐTBXH")
    assert (p.num, p.year, p.code, p.local) == ("13", "2021", "TT-BLDTBXH", False)
    assert parse_number("64/KH-UBND").local and parse_number("68-HD/BTGTU").local
    assert not parse_number("28-CT/TW").local and not parse_number("121/2020/QH14").local
    assert parse_number("Số: ") is None and parse_number("2024") is None
    assert (
        type_from_number("06-CT/TU") == "Chỉ thị" and type_from_number("64/KH-UBND") == "Kế hoạch"
    )


def test_number_without_year_matches_by_date():
    a = _record(
        "a.txt", [_ref("06/QĐ-TTG", "2019-01-03", "Thủ tướng Chính phủ")], province="Nghệ An"
    )
    b = _record("b.txt", [_ref("06/2019/QĐ-TTg", "2019-01-03")], province="Hải Dương")
    c = _record("c.txt", [_ref("06/QĐ-TTg", "2020-05-01")])  # another year: another document
    corpus = resolve([a, b, c])
    assert corpus.sources[0].references[0] == corpus.sources[1].references[0]
    assert corpus.sources[2].references[0] != corpus.sources[0].references[0]


def test_one_number_printed_three_ways_in_one_text():
    refs = [
        _ref("41/2021/NQ-HĐND", "2023-12-14", "HĐND huyện"),
        _ref("41/NQ-HĐND", "2023-12-14"),
        _ref("41/NQ-HĐND"),
        _ref("41/2023/NQ-HĐND"),
    ]
    corpus = resolve(
        [
            _record(
                "a.txt", refs, province="Bình Phước", district="Hớn Quản", issuer_level="district"
            )
        ]
    )
    keys = set(corpus.sources[0].references)
    assert len(keys) == 1
    (doc,) = [corpus.documents[k] for k in keys]
    assert doc.printed == ["41/2021/NQ-HĐND", "41/2023/NQ-HĐND", "41/NQ-HĐND"]


def test_printings_with_d_or_dj_and_zero_padding_are_one_document():
    refs = [_ref("41/NQ-HĐND"), _ref("41/NQ-HDND"), _ref("041/nq-hđnd")]
    a = _record("a.txt", refs, province="Bình Phước", issuer_level="province")
    b = _record("b.txt", [_ref("06/2019/QĐ-TTg"), _ref("6/2019/QD-TTg")])
    corpus = resolve([a, b])
    assert len(set(corpus.sources[0].references)) == 1
    assert len(set(corpus.sources[1].references)) == 1


def test_local_numbers_are_qualified_by_place():
    a = _record("a.txt", [_ref("64/KH-UBND", issuer="UBND tỉnh Bình Phước")], province="Bình Phước")
    b = _record("b.txt", [_ref("64/KH-UBND", issuer="UBND tỉnh Nghệ An")], province="Nghệ An")
    corpus = resolve([a, b])
    assert corpus.sources[0].references[0] != corpus.sources[1].references[0]
    assert corpus.documents[corpus.sources[0].references[0]].place == PlaceKey("Bình Phước")


def test_mentions_of_one_number_in_one_text_share_the_issuer_place():
    refs = [_ref("68-HD/BTGTU", issuer="Ban Tuyên giáo Tỉnh ủy"), _ref("68-HD/BTGTU")]
    corpus = resolve(
        [_record("a.txt", refs, province="Nghệ An", district="Quế Phong", issuer_level="district")]
    )
    assert corpus.sources[0].references[0] == corpus.sources[0].references[1]


def test_unnumbered_documents_key_on_issuer_type_date_subject():
    kw = dict(
        type="Kế hoạch", issuer="Ủy ban nhân dân huyện Quế Phong", date="2024", province="Nghệ An"
    )
    a = _record("a.txt", [], subject="trẻ em", **kw)
    b = _record("b.txt", [], subject="người cao tuổi", **kw)
    corpus = resolve([a, b])
    assert corpus.sources[0].doc != corpus.sources[1].doc
    assert corpus.sources[0].doc.startswith("nonum:ke-hoach-uy-ban-nhan-dan-huyen-que-phong-2024-")
    assert resolve([a]).sources[0].doc == corpus.sources[0].doc


def test_bodies_merge_by_type_and_jurisdiction_across_documents():
    def body(as_written):
        return BodyMention(
            as_written,
            "Phòng Giáo dục và Đào tạo",
            Span(0, 3),
            type_id="PhongGDDT",
            level="district",
        )

    from kg.models import Assignment

    facts = dict(province="Nghệ An", district="Quế Phong", issuer_level="district")
    a = _record("a.txt", [], **facts)
    a.assignments = [Assignment(body("Phòng GD&ĐT"), "assigned")]
    b = _record("b.txt", [], **facts)
    b.assignments = [Assignment(body("Phòng Giáo dục và Đào tạo huyện"), "assigned")]
    c = _record("c.txt", [], province="Nghệ An", district="Kỳ Sơn", issuer_level="district")
    c.assignments = [Assignment(body("Phòng GD&ĐT"), "assigned")]
    corpus = resolve([a, b, c])
    keys = [s.bodies[("assignment", 0)] for s in corpus.sources]
    assert keys[0] == keys[1] == "phong-gddt@nghe-an/que-phong"
    assert keys[2] == "phong-gddt@nghe-an/ky-son"
    assert (
        PlaceKey("Nghệ An", "Quế Phong") in corpus.places and PlaceKey("Nghệ An") in corpus.places
    )


def test_a_lower_level_body_in_a_district_plan_sits_in_the_district():
    from kg.models import Assignment

    rec = _record("a.txt", [], province="Nghệ An", district="Quế Phong", issuer_level="district")
    communes = BodyMention("UBND các xã", "Ủy ban nhân dân các xã", Span(0, 3), type_id="UBNDCapXa",
                           level="commune", collective=True)  # fmt: skip
    rec.assignments = [Assignment(communes, "assigned")]
    corpus = resolve([rec])
    assert corpus.sources[0].bodies[("assignment", 0)] == "ubndcap-xa@nghe-an/que-phong"


def test_slugs():
    assert slug("Đắk Lắk") == "dak-lak" and slug("Ủy ban  nhân dân!") == "uy-ban-nhan-dan"
    assert kebab("PhongGDDT") == "phong-gddt"


def test_source_segments_come_from_the_path_as_given_not_from_the_other_inputs():
    corpus = resolve([_record("b/plan.txt", []), _record("a/plan.txt", [])])
    assert [s.segment for s in corpus.sources] == ["a-plan", "b-plan"]
    alone = resolve([_record("b/plan.txt", [])])
    assert [s.segment for s in alone.sources] == ["b-plan"]
    odd = resolve([_record("./x/../Kế hoạch 12.txt", []), _record("C:\\docs\\kh.md", [])])
    assert sorted(s.segment for s in odd.sources) == ["docs-kh", "x-ke-hoach-12"]


@given(st.text(max_size=60))
def test_slug_is_always_an_iri_segment(text):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(text))


@given(st.text(max_size=40))
def test_number_parsing_never_crashes(text):
    parse_number(text)
    number_key(text)


def test_cited_title_is_the_most_frequent_then_the_shortest_complete():
    loose = "trồng rừng trên địa bàn huyện X Thực hiện Chỉ thị số 9-CT/TW"
    a = _record("a.txt", [_ref("9-CT/TW", title=loose), _ref("9-CT/TW", title="trồng rừng")])
    b = _record("b.txt", [_ref("9-CT/TW", title="“Trồng rừng”")])
    c = _record("c.txt", [_ref("9-CT/TW", title="trồng rừng và")])  # cut mid-phrase
    corpus = resolve([a, b, c])
    assert corpus.documents[corpus.sources[0].references[0]].subject == "trồng rừng"
    corpus = resolve([c])
    assert corpus.documents[corpus.sources[0].references[0]].subject == "trồng rừng và"


def test_best_title_prefers_a_complete_title_over_a_shorter_cut_one():
    assert best_title(["phòng cháy rừng và", "phòng cháy rừng ở"]) == "phòng cháy rừng ở"
    assert best_title(["a b về", "a b c d"]) == "a b c d"
