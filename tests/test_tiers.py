"""A body named with the levels of two tiers of government is one body per tier (issue 10):
kg.extract.tiers. Synthetic snippets in the shape of 2025 two-tier documents."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF, RDFS
from snippets import duties_of, source, table

from kg.extract.bodies import Context, canonical, find_bodies
from kg.extract.tiers import per_tier
from kg.models import DocumentFacts
from kg.pipeline import extract_source
from kg.rdf import corpus_quads
from kg.resolve import resolve
from kg.vocab import DKG

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Bình Lâm", issuer_level="province", date="2025-11-20"
)


def test_two_tiers_are_two_bodies_named_as_the_issuer_sees_them() -> None:
    body = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã\n\n"
        "- Rà soát danh mục công trình phòng thủ dân sự.\n\n"
        "2. Sở Tài chính\n\n- Bố trí kinh phí.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [
        ("Ban Chỉ huy phòng thủ dân sự tỉnh", "assigned", 1),
        ("Ban Chỉ huy phòng thủ dân sự cấp xã", "assigned", 1),
        ("Sở Tài chính", "assigned", 1),
    ]


def test_levels_of_one_tier_stay_one_collective() -> None:
    ctx = Context.from_facts(FACTS)
    for text in ("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường, đặc khu"):
        (m,) = find_bodies(text)
        assert per_tier(m, ctx) == [m]


def test_the_departments_under_the_peoples_committee_are_one_catch_all() -> None:
    body = (
        "Điều 10. Trách nhiệm của các sở, cơ quan thuộc Ủy ban nhân dân tỉnh, Ủy ban nhân dân\n"
        "các xã, phường\n\n1. Phối hợp với Sở Tư pháp rà soát văn bản.\n\n"
        "2. Cung cấp tài liệu có liên quan.\n"
    )
    assigned, _ = duties_of(body, FACTS)
    assert table(assigned) == [
        ("Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh", "assigned", 2),
        ("Ủy ban nhân dân các xã, phường", "assigned", 2),
    ]


def test_a_kind_of_body_at_every_level_is_one_collective_named_with_cac_cap() -> None:
    ctx = Context.from_facts(FACTS)
    for printed, name in (
        ("Ủy ban Mặt trận Tổ quốc Việt Nam các cấp", "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp"),
        ("Công an các cấp", "Công an các cấp"),
        (
            "Hội đồng Thi đua - Khen thưởng các cấp phân công",
            "Hội đồng Thi đua - Khen thưởng các cấp",
        ),
    ):
        (m,) = find_bodies(printed)
        got_name, _, level, collective = canonical(m, ctx)
        assert (got_name, level, collective) == (name, None, True), printed
    # "cùng cấp" stays the addressee's own level; "các cấp học" is not a level of bodies
    (m,) = find_bodies("Ủy ban nhân dân cùng cấp")
    assert canonical(m, ctx)[0] == "Ủy ban nhân dân cùng cấp"


PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
--------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 12/KH-UBND

Nghệ An, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Phòng thủ dân sự năm 2026

IV. TỔ CHỨC THỰC HIỆN

1. Ủy ban nhân dân cấp tỉnh, cấp xã

- Kiện toàn Ban Chỉ huy Phòng thủ dân sự.

2. Công an tỉnh

- Bảo đảm an ninh, trật tự.

3. Công an các cấp

- Tuyên truyền trong nhân dân.

4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh

- Vận động nhân dân tham gia.

5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam các cấp

- Giám sát việc thực hiện.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


def test_each_tier_and_each_collective_is_its_own_body_in_the_graph() -> None:
    """record -> resolve -> RDF keeps one body node per assignment (GUIDE: one body per
    tier): the province's own body and the bodies of a tier under it, or of every level,
    share a type and a place but are not one body."""
    rec = extract_source(source(PLAN, "plan.txt"))
    names = [a.body.name for a in rec.assignments]
    assert names == [
        "Ủy ban nhân dân tỉnh",
        "Ủy ban nhân dân cấp xã",
        "Công an tỉnh",
        "Công an các cấp",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp",
    ]
    g = Graph()
    for s, p, o, _g in corpus_quads(resolve([rec]), "https://w3id.org/dkg/id/"):
        g.add((s, p, o))
    bodies = [
        next(g.objects(a, DKG.body))
        for a in sorted(
            g.subjects(RDF.type, DKG.Assignment), key=lambda a: int(str(a).rsplit("/", 1)[1])
        )
    ]
    assert len(set(bodies)) == len(names)
    labels = [str(next(g.objects(b, RDFS.label))) for b in bodies]
    assert labels == names


CENTRAL = DocumentFacts(
    issuer="Bộ Tài chính", issuer_level="central", issuer_kind="state", date="2025-08-01"
)


def test_provinces_and_cities_are_one_tier() -> None:
    """ "cấp tỉnh, thành phố": the provinces and the centrally run cities, one tier (not a
    provincial and a district-level body)."""
    ctx = Context.from_facts(CENTRAL)
    for printed, name in (
        ("Bảo hiểm xã hội cấp tỉnh, thành phố", "Bảo hiểm xã hội tỉnh, thành phố"),
        ("Thuế tỉnh, thành phố", "Thuế tỉnh, thành phố"),
    ):
        (m,) = find_bodies(printed)
        assert [canonical(x, ctx)[0] for x in per_tier(m, ctx)] == [name], printed
    body = (
        "Bộ Tài chính đề nghị UBND các tỉnh, thành phố quan tâm chỉ đạo:\n"
        "1. Phổ biến rộng rãi nội dung Cẩm nang.\n"
        "2. Chỉ đạo đầu mối phối hợp với Thuế tỉnh, thành phố để rà soát.\n"
    )
    (a,), _ = duties_of(body, CENTRAL)
    assert [p.name for p in a.duties[1].partners] == ["Thuế tỉnh, thành phố"]
