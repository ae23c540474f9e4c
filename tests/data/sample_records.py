"""Hand-made DocumentRecords: small texts written for the graph tests (not the seeds).

Two plans and a decision, drafted the way district and provincial documents are:
a district plan implementing a Party directive (printed two ways) and a provincial
guidance, with assignments, partners, reporting and a target; a provincial plan
citing a Prime Minister's decision without its year; a decision citing it with it.

``python -m tests.data.sample_records OUT_DIR`` builds a store from them.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from kg.extract import named
from kg.models import (
    AdminUnit,
    Assignment,
    BodyMention,
    DocRef,
    DocumentFacts,
    DocumentRecord,
    Duty,
    Finding,
    Recipient,
    Reporting,
    SourceText,
    Span,
    Target,
)

PLAN_TEXT = """ỦY BAN NHÂN DÂN
HUYỆN KỲ SƠN
Số: 12/KH-UBND
Kỳ Sơn, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 28-CT/TW về bảo vệ trẻ em
Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị; Hướng dẫn số 15-HD/BTGTU ngày 13/3/2024 của Ban Tuyên giáo Tỉnh ủy về thực hiện Chỉ thị số 28-CT-TW; Căn cứ Luật Trẻ em số 102/2016/QH13;
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục và Đào tạo
- Chủ trì, phối hợp với Phòng Y tế tổ chức tuyên truyền phòng chống đuối nước cho học sinh, hoàn thành trước ngày 30/6/2024.
- Bảo đảm an toàn trường học <script>alert(1)</script>.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện
- Phối hợp với Phòng Giáo dục và Đào tạo vận động nhân dân.
3. Chế độ báo cáo: Các cơ quan, đơn vị báo cáo kết quả định kỳ hằng năm (trước ngày 20/11) gửi UBND huyện.
Phấn đấu đến năm 2025 tỷ lệ trẻ em được đăng ký khai sinh đạt 99%.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Bình
"""

PROVINCE_TEXT = """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Số: /KH-UBND
Nghệ An, ngày   tháng 02 năm 2024
KẾ HOẠCH
Thực hiện Chỉ thị số 28-CT-TW
Thực hiện Chỉ thị số 28-CT-TW ngày 25/12/2023 của Bộ Chính trị; Quyết định số 06/QĐ-TTG ngày 03/01/2019 của Thủ tướng Chính phủ;
1. Sở Giáo dục và Đào tạo
- Chủ trì triển khai các nhiệm vụ về giáo dục trẻ em.
"""

DECISION_TEXT = """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Số: 77/QĐ-UBND
Nghệ An, ngày 10 tháng 4 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Đề án
Căn cứ Quyết định số 06/2019/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ;
Điều 1. Giao Sở Lao động - Thương binh và Xã hội chủ trì tổ chức thực hiện.
"""


def span(text: str, needle: str, after: int = 0) -> Span:
    i = text.index(needle, after)
    return Span(i, i + len(needle))


def source(name: str, text: str) -> SourceText:
    return SourceText(
        path=Path(name),
        name=name,
        text=text,
        encoding="utf-8",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _district() -> AdminUnit:
    return AdminUnit("Kỳ Sơn", "district", province="Nghệ An")


def plan_record() -> DocumentRecord:
    t = PLAN_TEXT
    doc = DocumentFacts(
        type="Kế hoạch",
        number="12/KH-UBND",
        date="2024-03-05",
        issuer="Ủy ban nhân dân huyện Kỳ Sơn",
        issuer_level="district",
        issuer_kind="state",
        province="Nghệ An",
        district="Kỳ Sơn",
        signer="Lê Văn Bình",
        signer_title="Phó Chủ tịch",
        signature_mode="KT.",
        subject="Triển khai thực hiện Chỉ thị số 28-CT/TW về bảo vệ trẻ em",
        spans={
            "number": span(t, "12/KH-UBND"),
            "type": span(t, "KẾ HOẠCH"),
            "issuer": span(t, "ỦY BAN NHÂN DÂN\nHUYỆN KỲ SƠN"),
            "date": span(t, "Kỳ Sơn, ngày 05 tháng 3 năm 2024"),
            "signer": span(t, "Lê Văn Bình"),
            "subject": span(t, "Triển khai thực hiện Chỉ thị số 28-CT/TW về bảo vệ trẻ em"),
        },
    )
    opening = t.index("Thực hiện Chỉ thị")
    ct28 = DocRef(
        "Chỉ thị", "28-CT/TW", "28-CT/TW", "2023-12-25", "Bộ Chính trị", "implements",
        span(t, "Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị"),
    )  # fmt: skip
    hd15 = DocRef(
        "Hướng dẫn", "15-HD/BTGTU", "15-HD/BTGTU", "2024-03-13", "Ban Tuyên giáo Tỉnh ủy",
        "implements", span(t, "Hướng dẫn số 15-HD/BTGTU ngày 13/3/2024 của Ban Tuyên giáo Tỉnh ủy"),
        implements=["28-CT/TW"],
    )  # fmt: skip
    ct28b = DocRef(
        "Chỉ thị", "28-CT-TW", "28-CT/TW", None, None, "cites", span(t, "Chỉ thị số 28-CT-TW")
    )
    law = DocRef(
        "Luật", "102/2016/QH13", "102/2016/QH13", None, None, "based_on",
        span(t, "Luật Trẻ em số 102/2016/QH13"), title="Trẻ em",
    )  # fmt: skip
    subj = DocRef(
        "Chỉ thị", "28-CT/TW", "28-CT/TW", None, None, "cites", span(t, "Chỉ thị số 28-CT/TW", 0)
    )
    assert subj.span.start < opening
    gddt = BodyMention(
        "Phòng Giáo dục và Đào tạo",
        "Phòng Giáo dục và Đào tạo",
        span(t, "Phòng Giáo dục và Đào tạo"),
        type_id="PhongGDDT",
        sector="Giáo dục và Đào tạo",
        level="district",
        kind="state",
    )
    yte = BodyMention(
        "Phòng Y tế", "Phòng Y tế", span(t, "Phòng Y tế"), type_id="PhongYTe", level="district"
    )
    mttq = BodyMention(
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        span(t, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
        type_id="UBMTTQ",
        level="district",
        kind="mass-org",
        jurisdiction=_district(),
    )
    gddt_partner = BodyMention(
        "Phòng Giáo dục và Đào tạo",
        "Phòng Giáo dục và Đào tạo",
        span(t, "Phòng Giáo dục và Đào tạo", t.index("- Phối hợp")),
        type_id="PhongGDDT",
        level="district",
    )
    d1 = span(t, "- Chủ trì, phối hợp với Phòng Y tế tổ chức tuyên truyền")
    d1 = Span(d1.start, t.index("\n", d1.start))
    d2 = span(t, "- Bảo đảm an toàn trường học <script>alert(1)</script>.")
    d3 = span(t, "- Phối hợp với Phòng Giáo dục và Đào tạo vận động nhân dân.")
    assignments = [
        Assignment(
            gddt,
            "assigned",
            [
                Duty(
                    t[d1.start + 2 : d1.end],
                    d1,
                    role="lead",
                    partners=[yte],
                    deadline="2024-06-30",
                    topics=["InjuryDrowning"],
                    section="IV.1",
                ),
                Duty(t[d2.start + 2 : d2.end], d2, role="participant", section="IV.1"),
            ],
            span=span(t, "1. Phòng Giáo dục và Đào tạo"),
        ),
        Assignment(
            mttq,
            "requested",
            [
                Duty(
                    t[d3.start + 2 : d3.end],
                    d3,
                    role="support",
                    partners=[gddt_partner],
                    section="IV.2",
                )
            ],
            span=span(t, "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
        ),
    ]
    ubnd = BodyMention(
        "UBND huyện", "Ủy ban nhân dân", span(t, "UBND huyện"), type_id="UBND", level="district"
    )
    reporting = [
        Reporting(
            by="Các cơ quan, đơn vị",
            to="Ủy ban nhân dân huyện Kỳ Sơn",
            via=None,
            frequency="annual",
            deadline="20/11",
            span=span(
                t,
                "Các cơ quan, đơn vị báo cáo kết quả định kỳ hằng năm (trước ngày 20/11) gửi UBND huyện.",
            ),
            to_bodies=[ubnd],
        ),
        Reporting(
            by="Phòng Giáo dục và Đào tạo",
            to=None,
            via=None,
            frequency="ad hoc (khó khăn, vướng mắc)",
            deadline=None,
            span=span(t, "3. Chế độ báo cáo"),
        ),
    ]
    targets = [
        Target(
            "tỷ lệ trẻ em được đăng ký khai sinh",
            "99%",
            2025,
            None,
            span(t, "Phấn đấu đến năm 2025 tỷ lệ trẻ em được đăng ký khai sinh đạt 99%."),
        )
    ]
    recipients = [
        Recipient("UBND tỉnh", span(t, "UBND tỉnh")),
        Recipient("Lưu: VT", span(t, "Lưu: VT")),
    ]
    findings = [Finding("markup", "a duty contains markup", d2)]
    return DocumentRecord(
        source=source("samples/ky-son plan.txt", t),
        document=doc,
        implements=[ct28, hd15],
        references=[subj, ct28, hd15, ct28b, law],
        assignments=assignments,
        reporting=reporting,
        targets=targets,
        recipients=recipients,
        findings=findings,
    )


def province_record() -> DocumentRecord:
    t = PROVINCE_TEXT
    doc = DocumentFacts(
        type="Kế hoạch",
        number=None,
        date="2024-02",
        issuer="Ủy ban nhân dân tỉnh Nghệ An",
        issuer_level="province",
        issuer_kind="state",
        province="Nghệ An",
        subject="Thực hiện Chỉ thị số 28-CT-TW",
        spans={"issuer": span(t, "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")},
    )
    ct28 = DocRef(
        "Chỉ thị", "28-CT-TW", "28-CT/TW", "2023-12-25", "Bộ Chính trị", "implements",
        span(t, "Chỉ thị số 28-CT-TW ngày 25/12/2023 của Bộ Chính trị"),
    )  # fmt: skip
    qd06 = DocRef(
        "Quyết định", "06/QĐ-TTG", "06/QĐ-TTG", "2019-01-03", "Thủ tướng Chính phủ", "cites",
        span(t, "Quyết định số 06/QĐ-TTG ngày 03/01/2019 của Thủ tướng Chính phủ"),
    )  # fmt: skip
    so = BodyMention(
        "Sở Giáo dục và Đào tạo",
        "Sở Giáo dục và Đào tạo",
        span(t, "Sở Giáo dục và Đào tạo"),
        type_id="SoGDDT",
        level="province",
    )
    d = span(t, "- Chủ trì triển khai các nhiệm vụ về giáo dục trẻ em.")
    return DocumentRecord(
        source=source("samples/nghe-an plan.txt", t),
        document=doc,
        implements=[ct28],
        references=[ct28, qd06],
        assignments=[Assignment(so, "assigned", [Duty(t[d.start + 2 : d.end], d, role="lead")])],
    )


def decision_record() -> DocumentRecord:
    t = DECISION_TEXT
    doc = DocumentFacts(
        type="Quyết định",
        number="77/QĐ-UBND",
        date="2024-04-10",
        issuer="Ủy ban nhân dân tỉnh Nghệ An",
        issuer_level="province",
        issuer_kind="state",
        province="Nghệ An",
        subject="Ban hành Kế hoạch thực hiện Đề án",
    )
    qd06 = DocRef(
        "Quyết định", "06/2019/QĐ-TTg", "06/2019/QĐ-TTG", "2019-01-03", "Thủ tướng Chính phủ",
        "based_on", span(t, "Quyết định số 06/2019/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ"),
    )  # fmt: skip
    so = BodyMention(
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Lao động - Thương binh và Xã hội",
        span(t, "Sở Lao động - Thương binh và Xã hội"),
        type_id="SoLDTBXH",
        level="province",
    )
    d = span(t, "Giao Sở Lao động - Thương binh và Xã hội chủ trì tổ chức thực hiện.")
    return DocumentRecord(
        source=source("samples/nghe-an decision.txt", t),
        document=doc,
        references=[qd06],
        assignments=[
            Assignment(so, "assigned", [Duty(t[d.start : d.end], d, role="lead", section="Điều 1")])
        ],
    )


def sample_records() -> list[DocumentRecord]:
    records = [plan_record(), province_record(), decision_record()]
    for rec in records:
        named.name_record_bodies(rec)  # as the pipeline does: the issuers become mentions
    return records


if __name__ == "__main__":  # pragma: no cover - a helper for colleagues
    from kg.build import build_records

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "dkg-sample")
    report = build_records(sample_records(), [], out)
    print(report)
