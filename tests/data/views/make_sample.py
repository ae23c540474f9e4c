"""Writes sample.trig: a small hand-made graph in the shape of docs/GRAPH.md for the view tests.

Four ingested plans (province state, province party, district, commune without a number)
carrying out a cited Politburo directive, directly or through a cited guidance. Names,
duties and texts carry HTML/script payloads and an astral-plane character, so the tests
can check escaping and offset handling.

    python tests/data/views/make_sample.py   # rewrites tests/data/views/sample.trig
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.vocab import DKG, ELI, OA, ORG

BASE = "https://w3id.org/dkg/id/"
ID = Namespace(BASE)
DTYPE = Namespace("https://w3id.org/dkg/doctypes/")

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_ATTR = '"><svg onload="window.__pwned=2">'
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=3">'

PROVINCE_TEXT = f"""ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 12/KH-UBND
Hà Nam, ngày 01 tháng 02 năm 2024
KẾ HOẠCH
Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị {PAYLOAD_IMG}
Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Ban Bí thư về tăng cường công tác bảo vệ, chăm sóc trẻ em 🙂 (bản in lần hai).
IV. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo
- Chủ trì, phối hợp với Sở Y tế tổ chức phòng, chống đuối nước cho học sinh. Hoàn thành trước 30/6/2024.
- Chủ trì kiểm tra việc thực hiện tại các trường học.
2. Đề nghị {PAYLOAD_SCRIPT} Sở Y tế {PAYLOAD_ATTR}
- Phối hợp với Sở Giáo dục và Đào tạo khám sức khỏe cho trẻ em {PAYLOAD_SCRIPT}.
3. Định kỳ hằng năm (trước ngày 20/11), các sở báo cáo Ủy ban nhân dân tỉnh.
4. Phấn đấu đến năm 2025, 90% trẻ em <b>biết bơi</b> an toàn.
"""

PARTY_TEXT = """TỈNH ỦY HÀ NAM
Số 144-KH/TU
KẾ HOẠCH
Thực hiện Hướng dẫn số 68-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy về thực hiện Chỉ thị 28-CT/TW.
1. Ban Tuyên giáo Tỉnh ủy
- Chủ trì tuyên truyền, quán triệt Chỉ thị đến cán bộ, đảng viên.
"""

DISTRICT_TEXT = """ỦY BAN NHÂN DÂN
HUYỆN DUY TIÊN
Số: 5/KH-UBND
KẾ HOẠCH
Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh.
1. Phòng Giáo dục và Đào tạo
- Chủ trì, phối hợp với Phòng Y tế dạy bơi an toàn cho học sinh tiểu học.
2. Phòng Y tế
- Phối hợp với Phòng Giáo dục và Đào tạo sơ cứu đuối nước.
Báo cáo 6 tháng (trước ngày 10/5) gửi Ủy ban nhân dân huyện.
"""

COMMUNE_TEXT = """ỦY BAN NHÂN DÂN
XÃ TIÊN NỘI
Số:     /KH-UBND
KẾ HOẠCH
Thực hiện Kế hoạch số 5/KH-UBND của UBND huyện Duy Tiên.
1. Công an xã
- Chủ trì rà soát các điểm nước nguy hiểm.
"""


class Builder:
    def __init__(self) -> None:
        self.ds = Dataset()
        self.shared = self.ds.graph(ID["graph/shared"])

    def source(self, stem: str, file: str, text: str) -> tuple:
        g = self.ds.graph(ID[f"graph/source/{stem}"])
        src = ID[f"source/{stem}"]
        g.add((src, RDF.type, PROV.Entity))
        g.add((src, RDF.type, DKG.Source))
        g.add((src, DKG.sourceFile, Literal(file)))
        g.add((src, DKG.sourceText, Literal(text)))
        return g, src, text

    def evidence(self, ctx: tuple, needle: str, nth: int = 0) -> URIRef:
        g, src, text = ctx
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        end = start + len(needle)
        span = URIRef(f"{src}/span/{start}-{end}")
        pos, quote = URIRef(f"{span}/position"), URIRef(f"{span}/quote")
        g.add((span, RDF.type, DKG.Evidence))
        g.add((span, RDF.type, OA.SpecificResource))
        g.add((span, OA.hasSource, src))
        g.add((span, OA.hasSelector, pos))
        g.add((span, OA.hasSelector, quote))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(start)))
        g.add((pos, OA.end, Literal(end)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(text[start:end])))
        g.add((quote, OA.prefix, Literal(text[max(0, start - 32) : start])))
        g.add((quote, OA.suffix, Literal(text[end : end + 32])))
        return span

    def place(self, path: str, label: str, level, broader: str | None = None) -> URIRef:
        p = ID[f"place/{path}"]
        self.shared.add((p, RDF.type, DKG.AdminUnit))
        self.shared.add((p, RDFS.label, Literal(label, lang="vi")))
        self.shared.add((p, DKG.level, level))
        if broader:
            self.shared.add((p, SKOS.broader, ID[f"place/{broader}"]))
        return p

    def body(self, path: str, label: str, level, kind, place: URIRef | None = None) -> URIRef:
        b = ID[f"body/{path}"]
        for t in (ORG.Organization, DKG.Body):
            self.shared.add((b, RDF.type, t))
        self.shared.add((b, RDFS.label, Literal(label, lang="vi")))
        self.shared.add((b, DKG.level, level))
        self.shared.add((b, DKG.kind, kind))
        self.shared.add((b, DKG.collective, Literal(False)))
        if place is not None:
            self.shared.add((b, DKG.jurisdiction, place))
        return b

    def document(self, g, key: str, **p) -> URIRef:
        d = ID[f"doc/{key}"]
        g.add((d, RDF.type, ELI.LegalResource))
        g.add((d, RDF.type, DKG.Document))
        g.add((d, DKG.ingested, Literal(p.pop("ingested", True))))
        g.add((d, RDFS.label, Literal(p.pop("label"), lang="vi")))
        g.add((d, ELI.type_document, DTYPE[p.pop("dtype")]))
        if "number" in p:
            g.add((d, ELI.id_local, Literal(p["number"])))
            g.add((d, DKG.printedAs, Literal(p.pop("number"))))
        if "date" in p:
            g.add((d, DKG.date, Literal(p["date"], datatype=XSD.date)))
            g.add((d, ELI.date_document, Literal(p.pop("date"), datatype=XSD.date)))
        if "month" in p:
            g.add((d, DKG.date, Literal(p.pop("month"), datatype=XSD.gYearMonth)))
        g.add((d, ELI.passed_by, p.pop("issuer")))
        g.add((d, DKG.issuerText, Literal(p.pop("issuer_text"))))
        g.add((d, DKG.level, p.pop("level")))
        g.add((d, DKG.kind, p.pop("kind")))
        if "place" in p:
            g.add((d, ELI.jurisdiction, p.pop("place")))
        if "subject" in p:
            g.add((d, DKG.subject, Literal(p.pop("subject"), lang="vi")))
        if "source" in p:
            g.add((d, PROV.wasDerivedFrom, p.pop("source")))
        assert not p, p
        return d

    def mention(
        self,
        ctx,
        citing: URIRef,
        cited: URIRef,
        relation: str,
        printed: str,
        needle: str,
        i: int,
        nth: int = 0,
    ) -> None:
        g = ctx[0]
        kind = "implements" if relation == "implements" else "ref"
        r = URIRef(f"{citing}/{kind}/{i}")
        g.add((r, RDF.type, DKG.Reference))
        g.add((r, DKG.citingDocument, citing))
        g.add((r, DKG.citedDocument, cited))
        g.add((r, DKG.relation, Literal(relation)))
        g.add((r, DKG.printedAs, Literal(printed)))
        g.add((r, DKG.short, Literal(False)))
        g.add((r, DKG.implementsRank if kind == "implements" else DKG.order, Literal(i)))
        g.add((r, DKG.evidence, self.evidence(ctx, needle, nth)))
        g.add((citing, ELI.cites, cited))
        if relation == "implements":
            g.add((citing, ELI.ensures_implementation_of, cited))
            g.add((citing, DKG.cascadesFrom, cited))

    def assignment(
        self,
        ctx,
        doc: URIRef,
        i: int,
        body: URIRef,
        mode,
        heading: str,
        duties: list[dict],
        first_n: int,
        nth: int = 0,
    ) -> int:
        g = ctx[0]
        a = URIRef(f"{doc}/assignment/{i}")
        g.add((doc, DKG.assignment, a))
        g.add((a, RDF.type, DKG.Assignment))
        g.add((a, DKG.body, body))
        g.add((a, DKG.asWritten, Literal(heading)))
        g.add((a, DKG.mode, mode))
        g.add((a, DKG.order, Literal(i)))
        g.add((a, DKG.inDocument, doc))
        g.add((a, DKG.evidence, self.evidence(ctx, heading, nth)))
        n = first_n
        for order, duty in enumerate(duties, 1):
            d = URIRef(f"{doc}/duty/{n}")
            g.add((a, DKG.duty, d))
            g.add((d, RDF.type, DKG.Duty))
            g.add((d, DKG.responsibleBody, body))
            g.add((d, DKG.role, duty["role"]))
            g.add((d, DKG.mode, mode))
            g.add((d, DKG.text, Literal(duty["text"], lang="vi")))
            g.add((d, DKG.section, Literal(f"IV.{i}")))
            for partner in duty.get("partners", []):
                g.add((d, DKG.partner, partner))
            if "deadline" in duty:
                g.add((d, DKG.deadline, Literal(duty["deadline"], datatype=XSD.date)))
            g.add((d, DKG.order, Literal(order)))
            g.add((d, DKG.inDocument, doc))
            g.add((d, DKG.evidence, self.evidence(ctx, duty["text"])))
            n += 1
        return n

    def reporting(
        self,
        ctx,
        doc: URIRef,
        i: int,
        needle: str,
        freq,
        due: str,
        by_text: str,
        to: URIRef,
        to_text: str,
    ) -> None:
        g = ctx[0]
        r = URIRef(f"{doc}/reporting/{i}")
        g.add((r, RDF.type, DKG.ReportingObligation))
        g.add((r, DKG.reporterText, Literal(by_text)))
        g.add((r, DKG.recipient, to))
        g.add((r, DKG.recipientText, Literal(to_text)))
        g.add((r, DKG.frequency, freq))
        g.add((r, DKG.dueDate, Literal(due, datatype=XSD.gMonthDay)))
        g.add((r, DKG.order, Literal(i)))
        g.add((r, DKG.inDocument, doc))
        g.add((r, DKG.evidence, self.evidence(ctx, needle)))


def build() -> Dataset:
    b = Builder()
    ha_nam = b.place("ha-nam", "Hà Nam", DKG.Province)
    duy_tien = b.place("ha-nam/duy-tien", "Duy Tiên", DKG.District, "ha-nam")
    tien_noi = b.place("ha-nam/duy-tien/tien-noi", "Tiên Nội", DKG.Commune, "ha-nam/duy-tien")

    bct = b.body("bo-chinh-tri", "Bộ Chính trị", DKG.Central, DKG.Party)
    ubnd_t = b.body("uy-ban-nhan-dan/ha-nam", "Ủy ban nhân dân", DKG.Province, DKG.State, ha_nam)
    sgd = b.body("so-gddt/ha-nam", "Sở Giáo dục và Đào tạo", DKG.Province, DKG.State, ha_nam)
    syt = b.body(
        "so-y-te/ha-nam",
        f"{PAYLOAD_SCRIPT} Sở Y tế {PAYLOAD_ATTR}",
        DKG.Province,
        DKG.State,
        ha_nam,
    )
    tu = b.body("tinh-uy/ha-nam", "Tỉnh ủy", DKG.Province, DKG.Party, ha_nam)
    btg = b.body("ban-tuyen-giao/ha-nam", "Ban Tuyên giáo Tỉnh ủy", DKG.Province, DKG.Party, ha_nam)
    ubnd_h = b.body(
        "uy-ban-nhan-dan/ha-nam/duy-tien", "Ủy ban nhân dân", DKG.District, DKG.State, duy_tien
    )
    pgd = b.body(
        "phong-gddt/ha-nam/duy-tien", "Phòng Giáo dục và Đào tạo", DKG.District, DKG.State, duy_tien
    )
    pyt = b.body("phong-y-te/ha-nam/duy-tien", "Phòng Y tế", DKG.District, DKG.State, duy_tien)
    ubnd_x = b.body(
        "uy-ban-nhan-dan/ha-nam/duy-tien/tien-noi",
        "Ủy ban nhân dân",
        DKG.Commune,
        DKG.State,
        tien_noi,
    )
    ca = b.body(
        "cong-an-xa/ha-nam/duy-tien/tien-noi", "Công an xã", DKG.Commune, DKG.State, tien_noi
    )

    # cited only
    ct28 = ID["doc/28-ct-tw"]
    sh = b.shared
    for t in (ELI.LegalResource, DKG.Document):
        sh.add((ct28, RDF.type, t))
        sh.add((ID["doc/68-hd-btgtu"], RDF.type, t))
    sh.add((ct28, DKG.ingested, Literal(False)))
    sh.add((ct28, RDFS.label, Literal("Chỉ thị 28-CT/TW", lang="vi")))
    sh.add((ct28, ELI.id_local, Literal("28-CT/TW")))
    sh.add((ct28, ELI.type_document, DTYPE["chi-thi"]))
    sh.add((ct28, DKG.date, Literal("2023-12-25", datatype=XSD.date)))
    sh.add((ct28, ELI.passed_by, bct))
    sh.add((ct28, DKG.issuerText, Literal("Bộ Chính trị")))
    sh.add((ct28, DKG.level, DKG.Central))
    sh.add((ct28, DKG.kind, DKG.Party))
    hd68 = ID["doc/68-hd-btgtu"]
    sh.add((hd68, DKG.ingested, Literal(False)))
    sh.add((hd68, RDFS.label, Literal("Hướng dẫn 68-HD/BTGTU", lang="vi")))
    sh.add((hd68, ELI.id_local, Literal("68-HD/BTGTU")))
    sh.add((hd68, ELI.type_document, DTYPE["huong-dan"]))
    sh.add((hd68, ELI.passed_by, btg))
    sh.add((hd68, DKG.issuerText, Literal("Ban Tuyên giáo Tỉnh ủy Hà Nam")))
    sh.add((hd68, DKG.level, DKG.Province))
    sh.add((hd68, DKG.kind, DKG.Party))
    sh.add((hd68, ELI.jurisdiction, ha_nam))

    # province state plan
    ctx = b.source("tinh-ha-nam", "tinh-ha-nam.txt", PROVINCE_TEXT)
    p12 = b.document(
        ctx[0],
        "12-kh-ubnd",
        label="Kế hoạch 12/KH-UBND",
        dtype="ke-hoach",
        number="12/KH-UBND",
        date="2024-02-01",
        issuer=ubnd_t,
        issuer_text="Ủy ban nhân dân tỉnh Hà Nam",
        level=DKG.Province,
        kind=DKG.State,
        place=ha_nam,
        subject=f"Thực hiện Chỉ thị 28-CT/TW {PAYLOAD_IMG}",
        source=ctx[1],
    )
    number_ev = b.evidence(ctx, "12/KH-UBND")
    ctx[0].add((p12, DKG.evidence, number_ev))
    ctx[0].add((number_ev, DKG.forProperty, ELI.id_local))
    b.mention(
        ctx,
        p12,
        ct28,
        "implements",
        "28-CT/TW",
        "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị",
        1,
    )
    n = b.assignment(
        ctx,
        p12,
        1,
        sgd,
        DKG.Assigned,
        "Sở Giáo dục và Đào tạo",
        [
            {
                "role": DKG.Lead,
                "text": "Chủ trì, phối hợp với Sở Y tế tổ chức phòng, chống đuối nước cho học sinh. Hoàn thành trước 30/6/2024.",
                "partners": [syt],
                "deadline": "2024-06-30",
            },
            {"role": DKG.Lead, "text": "Chủ trì kiểm tra việc thực hiện tại các trường học."},
        ],
        1,
    )
    b.assignment(
        ctx,
        p12,
        2,
        syt,
        DKG.Requested,
        f"{PAYLOAD_SCRIPT} Sở Y tế {PAYLOAD_ATTR}",
        [
            {
                "role": DKG.Support,
                "text": f"Phối hợp với Sở Giáo dục và Đào tạo khám sức khỏe cho trẻ em {PAYLOAD_SCRIPT}.",
                "partners": [sgd],
            },
        ],
        n,
    )
    t = URIRef(f"{p12}/target/1")
    ctx[0].add((t, RDF.type, DKG.Target))
    ctx[0].add((t, DKG.indicator, Literal("Trẻ em <b>biết bơi</b> an toàn", lang="vi")))
    ctx[0].add((t, DKG.targetValue, Literal("90%")))
    ctx[0].add((t, DKG.targetYear, Literal(2025)))
    ctx[0].add((t, DKG.ownerText, Literal("Sở Giáo dục và Đào tạo")))
    ctx[0].add((t, DKG.owner, sgd))
    ctx[0].add((t, DKG.order, Literal(1)))
    ctx[0].add((t, DKG.inDocument, p12))
    ctx[0].add((t, DKG.evidence, b.evidence(ctx, "90%")))
    b.reporting(
        ctx,
        p12,
        1,
        "Định kỳ hằng năm (trước ngày 20/11), các sở báo cáo Ủy ban nhân dân tỉnh.",
        DKG.Annual,
        "--11-20",
        f"các sở {PAYLOAD_SCRIPT}",
        ubnd_t,
        "Ủy ban nhân dân tỉnh",
    )

    # province party plan, through a cited guidance
    ctx = b.source("tinh-uy-ha-nam", "tinh-uy-ha-nam.txt", PARTY_TEXT)
    p144 = b.document(
        ctx[0],
        "144-kh-tu",
        label="Kế hoạch 144-KH/TU",
        dtype="ke-hoach",
        number="144-KH/TU",
        month="2024-03",
        issuer=tu,
        issuer_text="Tỉnh ủy Hà Nam",
        level=DKG.Province,
        kind=DKG.Party,
        place=ha_nam,
        source=ctx[1],
    )
    b.mention(ctx, p144, hd68, "implements", "68-HD/BTGTU", "Thực hiện Hướng dẫn số 68-HD/BTGTU", 1)
    ctx[0].add((hd68, ELI.ensures_implementation_of, ct28))
    ctx[0].add((hd68, DKG.cascadesFrom, ct28))
    ctx[0].add((hd68, DKG.guidanceFor, ct28))
    b.assignment(
        ctx,
        p144,
        1,
        btg,
        DKG.Assigned,
        "Ban Tuyên giáo Tỉnh ủy",
        [
            {
                "role": DKG.Lead,
                "text": "Chủ trì tuyên truyền, quán triệt Chỉ thị đến cán bộ, đảng viên.",
            },
        ],
        1,
    )

    # district plan
    ctx = b.source("huyen-duy-tien", "huyen-duy-tien.txt", DISTRICT_TEXT)
    p5 = b.document(
        ctx[0],
        "5-kh-ubnd",
        label="Kế hoạch 5/KH-UBND",
        dtype="ke-hoach",
        number="5/KH-UBND",
        month="2024-03",
        issuer=ubnd_h,
        issuer_text="Ủy ban nhân dân huyện Duy Tiên",
        level=DKG.District,
        kind=DKG.State,
        place=duy_tien,
        subject="Phòng, chống đuối nước cho trẻ em",
        source=ctx[1],
    )
    b.mention(
        ctx,
        p5,
        p12,
        "implements",
        "12/KH-UBND",
        "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh.",
        1,
    )
    n = b.assignment(
        ctx,
        p5,
        1,
        pgd,
        DKG.Assigned,
        "Phòng Giáo dục và Đào tạo",
        [
            {
                "role": DKG.Lead,
                "text": "Chủ trì, phối hợp với Phòng Y tế dạy bơi an toàn cho học sinh tiểu học.",
                "partners": [pyt],
            },
        ],
        1,
    )
    b.assignment(
        ctx,
        p5,
        2,
        pyt,
        DKG.Assigned,
        "Phòng Y tế",
        [
            {
                "role": DKG.Support,
                "text": "Phối hợp với Phòng Giáo dục và Đào tạo sơ cứu đuối nước.",
                "partners": [pgd],
            },
        ],
        n,
        nth=1,
    )
    b.reporting(
        ctx,
        p5,
        1,
        "Báo cáo 6 tháng (trước ngày 10/5) gửi Ủy ban nhân dân huyện.",
        DKG.Semiannual,
        "--05-10",
        "các phòng",
        ubnd_h,
        "Ủy ban nhân dân huyện",
    )

    # commune plan without a number
    ctx = b.source("xa-tien-noi", "xa-tien-noi.txt", COMMUNE_TEXT)
    px = b.document(
        ctx[0],
        "ke-hoach-uy-ban-nhan-dan-xa-tien-noi-2024-04-1a2b3c4d",
        label="Kế hoạch của Ủy ban nhân dân xã Tiên Nội",
        dtype="ke-hoach",
        month="2024-04",
        issuer=ubnd_x,
        issuer_text="Ủy ban nhân dân xã Tiên Nội",
        level=DKG.Commune,
        kind=DKG.State,
        place=tien_noi,
        source=ctx[1],
    )
    b.mention(
        ctx,
        px,
        p5,
        "implements",
        "5/KH-UBND",
        "Thực hiện Kế hoạch số 5/KH-UBND của UBND huyện Duy Tiên.",
        1,
    )
    b.assignment(
        ctx,
        px,
        1,
        ca,
        DKG.Assigned,
        "Công an xã",
        [
            {"role": DKG.Lead, "text": "Chủ trì rà soát các điểm nước nguy hiểm."},
        ],
        1,
    )

    lineage = b.ds.graph(ID["graph/lineage"])
    lineage.add((URIRef(f"{p5}/duty/1"), DKG.counterpartOf, URIRef(f"{p12}/duty/1")))
    lineage.add((URIRef(f"{p12}/duty/2"), DKG.droppedIn, p5))

    dt = b.ds.graph(ID["graph/reference/doctypes"])
    for key, label in (
        ("chi-thi", "Chỉ thị"),
        ("ke-hoach", "Kế hoạch"),
        ("huong-dan", "Hướng dẫn"),
    ):
        dt.add((DTYPE[key], RDF.type, SKOS.Concept))
        dt.add((DTYPE[key], SKOS.prefLabel, Literal(label, lang="vi")))
        dt.add((DTYPE[key], SKOS.prefLabel, Literal(label + " (en)", lang="en")))
    return b.ds


if __name__ == "__main__":
    out = Path(__file__).with_name("sample.trig")
    out.write_text(build().serialize(format="trig"), encoding="utf-8")
    print(f"wrote {out}")
