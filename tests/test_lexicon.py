"""The lexicon (kg.lexicon over ontology/): one home for types, codes, unit words, value sets.

Each test here failed before the lexicon existed, when five modules kept their own tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import lexicon, numbers, resolve
from kg.cli_render import trace_json
from kg.extract import header, refs
from kg.extract.header import extract_header
from kg.read import load_model
from kg.structure import parse
from kg.text import clean_text
from kg.trace import trace
from kg.vocab import DKG

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"


def test_phuong_an_header_is_a_type():
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN QUẾ PHONG\nSố: 12/PA-UBND\n"
        "Quế Phong, ngày 3 tháng 4 năm 2024\n\nPHƯƠNG ÁN\n"
        "Phòng, chống thiên tai năm 2024\n\nI. MỤC ĐÍCH\n1. Chủ động phòng, chống.\n"
    )
    facts = extract_header(parse(clean_text(text)))
    assert facts.type == "Phương án"


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("QC", "Quy chế"),
        ("QĐi", "Quy định"),
        ("QyĐ", "Quy định"),
        ("CĐ", "Công điện"),
        ("PL", "Pháp lệnh"),
        ("TTr", "Tờ trình"),
        ("ĐA", "Đề án"),
        ("KH", "Kế hoạch"),
    ],
)
def test_codes_resolve_the_same_way_everywhere(code, label):
    number = f"12/{code}-UBND"
    assert numbers.type_from_number(number) == label
    # the header's fallback and the resolve stage read the same function
    assert header.type_from_number is numbers.type_from_number
    assert resolve.type_from_number is numbers.type_from_number
    assert refs.type_from_number is numbers.type_from_number


def test_every_code_of_the_data_is_one_type():
    for t in lexicon.doc_types():
        for code in t.codes:
            assert lexicon.doc_type_of_code(code) == t.label
            assert numbers.type_from_number(f"5/{code}-UBND") == t.label


def test_no_module_keeps_its_own_type_table():
    for module in (refs, resolve, header):
        for name in ("DOC_TYPES", "CODE_TYPES", "TYPE_CODES"):
            assert not hasattr(module, name), f"{module.__name__}.{name}"
    from kg import structure

    assert not hasattr(structure, "DOC_TYPES")


def test_value_sets_both_directions():
    assert lexicon.encode("kind", "mass-org") == DKG.MassOrganisation
    assert lexicon.decode(DKG.MassOrganisation) == "mass-org"
    assert lexicon.decode(str(DKG.AdHoc)) == "ad hoc"
    assert lexicon.decode(DKG.ReviewMilestone) == "review milestones"
    for name in lexicon.VALUE_SETS:
        for value, iri in lexicon.values(name).items():
            assert lexicon.decode(iri) == value


def _store_with_mass_org_and_ad_hoc() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    doc = ox.NamedNode("https://w3id.org/dkg/id/doc/test-mass-org")
    dkg = "https://w3id.org/dkg/ns#"
    r = ox.NamedNode("https://w3id.org/dkg/id/doc/test-mass-org/report/1")
    for s, p, o in [
        (doc, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), dkg + "Document"),
        (doc, ox.NamedNode(dkg + "kind"), dkg + "MassOrganisation"),
        (
            r,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            dkg + "ReportingObligation",
        ),
        (r, ox.NamedNode(dkg + "inDocument"), doc),
        (r, ox.NamedNode(dkg + "frequency"), dkg + "AdHoc"),
    ]:
        store.add(ox.Quad(s, p, o if isinstance(o, ox.NamedNode) else ox.NamedNode(o)))
    return store


def test_kind_and_frequency_decode_to_the_model_values_in_every_reader():
    store = _store_with_mass_org_and_ad_hoc()
    doc = "https://w3id.org/dkg/id/doc/test-mass-org"
    data = model = load_model(store)  # the one read model: trace, audit, site and export
    assert data.docs[doc].kind == "mass-org"
    (tree,) = trace(model, doc)
    assert json.loads(trace_json([tree], model))[0]["kind"] == "mass-org"
    assert [r.frequency for r in data.reports if r.doc == doc] == ["ad hoc"]


def test_unit_words_come_from_the_data():
    words = {w.label: w.level for w in lexicon.unit_words()}
    assert words["thị trấn"] == "commune" and words["đặc khu"] == "commune"
    assert words["tỉnh"] == "province" and words["huyện"] == "district"
    committees = {w.label: w.unit for w in lexicon.committee_words()}
    assert committees["Huyện ủy"] == "huyện" and committees["Đảng ủy"] == "xã"


def test_organ_words_come_from_the_data():
    """The organ words an issuer block opens with live in ontology/organs.ttl, not in
    kg.extract.organs: longest first, abbreviations to the organ's name, the central ones
    marked."""
    words = lexicon.organ_words()
    assert [len(w.key) for w in words] == sorted((len(w.key) for w in words), reverse=True)
    by_key = {w.key: w for w in words}
    assert by_key["ubnd"].label == "Ủy ban nhân dân" and not by_key["ubnd"].central
    assert by_key["thủ tướng"].label == "Thủ tướng Chính phủ" and by_key["thủ tướng"].central
    assert by_key["ủy ban mttq việt nam"].label == "Ủy ban Mặt trận Tổ quốc Việt Nam"
    code = Path(header.__file__).with_name("organs.py").read_text(encoding="utf-8")
    assert "hội liên hiệp phụ nữ" not in code and "ban tuyên giáo" not in code


@pytest.mark.parametrize(
    ("block", "issuer"),
    [
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN\nTỈNH ỦY NGHỆ AN", "Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An"),
        ("UBND\nHUYỆN QUẾ PHONG", "Ủy ban nhân dân huyện Quế Phong"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
    ],
)
def test_issuer_blocks_read_with_the_organ_data(block, issuer):
    text = (
        f"{block}\nSố: 12/KH-UBND\nNghệ An, ngày 3 tháng 4 năm 2024\n\nKẾ HOẠCH\n"
        "Phòng, chống thiên tai năm 2024\n\nI. MỤC ĐÍCH\n1. Chủ động phòng, chống.\n"
    )
    assert extract_header(parse(clean_text(text))).issuer == issuer


def test_reader_phrases_come_from_the_data():
    """The verbs and clause words the duty readers match are data (ontology/phrases.ttl), not
    Python lists: each class is there, printed with its marks, longest first."""
    work = lexicon.phrases("item-work")
    assert "khẩn trương" in work and "chịu trách nhiệm" in work
    assert list(work) == sorted(work, key=lambda w: (-len(w), w))
    assert "phan\\s+anh" in lexicon.phrase_alternation("problems-tell")
    for name in (
        "problems-if", "problems", "undergoes", "undergoes-work", "scope-words", "time-words",
        "dangling",
    ):  # fmt: skip
        assert lexicon.phrases(name)
    with pytest.raises(KeyError, match="phrases:no-such-class"):
        lexicon.phrases("no-such-class")
    assert lexicon.city_words() == {"thanh pho", "tp"}


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về Sở Nội vụ.", True),
        ("Trường hợp phát sinh vướng mắc, các đơn vị kịp thời báo cáo Ủy ban nhân dân tỉnh.", True),
        ("Nếu có khó khăn, báo cáo Sở Y tế; Sở Y tế theo dõi, đôn đốc việc thực hiện.", False),
        ("Chủ trì xây dựng kế hoạch, báo cáo kết quả trước ngày 15/12.", False),
    ],
)
def test_problems_clause_words_read_from_the_data(text, problems):
    from kg.extract.duties.boilerplate import problems_only

    assert problems_only(text) is problems


def test_project_owner_types_are_a_collection_of_the_body_data():
    from kg.extract.duties.projects import owns_projects
    from kg.refdata import collection

    assert collection("project-owners") == {"CacChuDauTu", "CacNhaDauTu"}
    assert owns_projects("CacChuDauTu") and not owns_projects("UBND")
    with pytest.raises(KeyError, match="bodies:no-such"):
        collection("no-such")


def test_body_type_sets_of_the_readers_are_collections_of_the_body_data():
    """The sets of body types the body readers treat alike are skos:Collections of
    ontology/bodies.ttl, and every member is a body type or a group of types there."""
    from kg.extract import bodies, body_match
    from kg.refdata import body_types, collection, group_ids

    known = set(body_types()) | group_ids()
    names = (
        "committee-organs", "no-level-groups", "one-per-unit", "level-named-groups",
        "needs-committee", "needs-level", "needs-name", "keeps-name", "attached-organs",
        "zone-named", "directors",
    )  # fmt: skip
    for name in names:
        assert collection(name) and collection(name) <= known, name
    assert collection("one-per-unit") == bodies._PLURAL_GOV and "UBND" in bodies._PLURAL_GOV
    assert body_match.KEEPS_NAME >= body_match._NEEDS_NAME
    assert "UBND" in collection("directors")  # kg.extract.duties.directed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Tỷ suất tử vong trẻ em dưới 1 tuổi dưới 12/1.000 trẻ đẻ sống.",
            "dưới 12/1.000 trẻ đẻ sống",
        ),
        ("Tỷ lệ hộ nghèo giảm còn không quá  3% vào năm 2026.", "không quá 3%"),
        ("Mỗi xã có ít nhất 01 điểm vui chơi cho trẻ em.", "ít nhất 01"),
    ],
)
def test_target_words_come_from_the_data(text, value):
    """The words a target is measured and bounded in are data (ontology/phrases.ttl), matched
    as printed, longest first ("trẻ đẻ sống" before "trẻ"), spacing aside; a rate per period
    and a minimum duration are still no targets."""
    from kg.extract import targets

    for name in ("rate-populations", "rate-periods", "duration-words", "target-bounds",
                 "target-minimums"):  # fmt: skip
        assert lexicon.phrases(name)
    assert " ".join(targets._VALUE.search(text).group(0).split()) == value
    assert targets._PER_PERIOD.match("/tháng") and targets._DURATION.match(" nhiệm kỳ (60 tháng)")
    alt = lexicon.phrase_alternation("rate-populations", printed=True)
    assert alt.index("trẻ\\s+đẻ") < alt.index("|trẻ)")


def test_structure_and_reference_words_come_from_the_data():
    """Column names, mottos, law-name stops, the web page's labels and the closing call's words
    are phrases.ttl classes, read as the readers compare them."""
    from kg.extract import refs, webmeta
    from kg.extract.duties.boilerplate import exhortation
    from kg.structure import lines

    assert (
        "cơ quan chủ trì" in lines._COLUMN_NAMES and "độc lập - tự do - hạnh phúc" in lines._MOTTOS
    )
    assert "năm" in refs._LAW_STOP and "sư" in refs._NOT_A_LAW
    assert webmeta._LABELS["ngày ban hành"] == "date" and "đang cập nhật" in webmeta._UNKNOWN
    for name in ("exhort-asks", "exhort-before", "exhort-after", "exhort-this", "report-contents"):
        assert lexicon.phrases(name)
    assert exhortation("Yêu cầu các sở, ban, ngành nghiêm túc thực hiện Kế hoạch này./.")
    assert not exhortation("Yêu cầu các sở, ban, ngành báo cáo kết quả trước ngày 15/12.")


@pytest.mark.parametrize(
    "printed, type_id",
    [
        ("Ban HĐND tỉnh", "CacBanHDND"),
        ("UBND các xã, thị trấn", "UBNDCapXa"),
        ("Ngành GD&ĐT", "PhongGDDT"),
    ],
)
def test_abbreviations_inside_body_names_come_from_the_data(printed, type_id):
    """The abbreviations a label also matches with are phrases:name-abbreviations, folded:
    these names are matched only through them (the body data prints them in full)."""
    from kg.extract.bodies import find_bodies

    assert ("uy ban nhan dan", "ubnd") in lexicon.name_abbreviations()
    assert all(full != short for full, short in lexicon.name_abbreviations())
    assert [m.type.id for m in find_bodies(printed)] == [type_id]


def test_level_organ_and_list_words_of_the_readers_come_from_the_data():
    """The provinces' level words, the organs of local state power, the enacting words, the
    Youth Union committees, the list head words, the school levels and the list-only addressee
    are data (units.ttl, organs.ttl, phrases.ttl, bodies.ttl), read as the readers compare
    them."""
    from kg.extract import body_match, places

    assert {"tinh", "thanh pho"} <= places._PROVINCE_LEVELS
    assert header._LOCAL_ORGANS == ("Hội đồng nhân dân", "Ủy ban nhân dân")
    assert header._ENACTING_TYPE == {
        "quyết định": "Quyết định",
        "quyết nghị": "Nghị quyết",
        "chỉ thị": "Chỉ thị",
    }
    assert body_match.IMPLIED_LEVEL["tinh doan"] == "tinh"
    assert body_match.IMPLIED_LEVEL["doan xa"] == "xa"
    assert set(body_match._HEADS) == {"bo", "so", "tap doan", "phong"}
    pattern, addressee = body_match._list_only()
    assert addressee.id == "DiaPhuong" and pattern.search("cac so, nganh; dia phuong")


@pytest.mark.parametrize(
    "printed, type_id, extra",
    [
        ("Tỉnh đoàn", "DoanTNCS", None),
        ("Các trường Mầm non, Tiểu học, THCS trên địa bàn", "TruongHoc", "mầm non, tiểu học, THCS"),
        ("các Sở: Y tế, Nội vụ", "SoYTe", None),
    ],
)
def test_bodies_named_through_the_moved_words(printed, type_id, extra):
    from kg.extract.bodies import find_bodies

    first = find_bodies(printed)[0]
    assert first.type.id == type_id
    assert extra is None or first.name_extra == extra
