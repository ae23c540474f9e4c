"""Generate a national corpus of plan TEXTS implementing one directive, with what is known.

One directive of the Party centre is carried out by the Government's plan, each
province's People's Committee (UBND) and Party committee (Tỉnh ủy / Thành ủy),
provincial departments' guidance, district plans (before the July 2025 reform) and
commune plans, over the real administrative units of ``vietnamadminunits``
(``--era 2024``: 63 provinces, districts, communes; ``--era 2025``: 34 provinces
and their communes/wards, no districts). Each plan implements its parent by number
and date; its duties go to bodies that level really has; the texts vary in the
shapes real documents use (two-column or stacked headers, numbered sections,
lettered points, task tables, decisions issuing a plan, signature layouts).

``DIR/expected.json`` holds what is known by construction: every plan's file,
number, type, date, issuer, level and parent, the size of every cascade (plans
implementing each document directly or indirectly), duties per body, and the plans
whose number is printed more than one way: about 3 % of the citations of a parent plan
print its number another way that names the same document (28-CT-TW for 28-CT/TW,
QD for QĐ), as real plans do now and then (what inconsistent_citations reports).

    python scripts/national_corpus.py --plans 1000 --seed 1 --out /tmp/national
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from vietnamadminunits.database import query

TOPICS = [
    "tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em",
    "đẩy mạnh công tác phòng, chống ma túy trong tình hình mới",
    "tăng cường công tác bảo đảm trật tự, an toàn giao thông",
    "đẩy mạnh chuyển đổi số trong các cơ quan nhà nước",
    "tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "nâng cao hiệu quả công tác phổ biến, giáo dục pháp luật",
]

# Duties phrased without naming another body as their subject (a partner may be named).
DUTY_VERBS = [
    "Tổ chức tuyên truyền, phổ biến nội dung {ref} đến cán bộ, công chức và Nhân dân",
    "Rà soát, đánh giá thực trạng và đề xuất giải pháp thực hiện có hiệu quả {ref}",
    "Hướng dẫn, kiểm tra, đôn đốc việc triển khai các nhiệm vụ thuộc lĩnh vực phụ trách",
    "Bố trí nguồn lực, lồng ghép các chương trình, đề án để thực hiện các mục tiêu đề ra",
    "Theo dõi, tổng hợp kết quả thực hiện, định kỳ hằng năm báo cáo trước ngày 15 tháng 12",
    "Xây dựng và nhân rộng các mô hình điểm, cách làm hay trong lĩnh vực được giao",
    "Tăng cường công tác thanh tra, kiểm tra và xử lý nghiêm các vi phạm",
    "Nâng cao năng lực cho đội ngũ cán bộ làm công tác chuyên môn ở cơ sở",
]

# The share of citations that print their parent's number another way (inconsistent_citations)
MISPRINT = 0.03

# Bodies each level really has (ontology/bodies.ttl names them).
CENTRAL = ["Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Công an", "Bộ Tài chính", "Bộ Tư pháp"]
PROVINCE_2024 = [
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Thông tin và Truyền thông",
    "Công an tỉnh",
]
PROVINCE_2025 = [
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an tỉnh",
]
PARTY_ORGANS = ["Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]
DISTRICT = [
    "Phòng Giáo dục và Đào tạo",
    "Phòng Y tế",
    "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Tư pháp",
    "Phòng Văn hóa và Thông tin",
]
COMMUNE_2024 = [
    "Công chức Văn hóa - Xã hội",
    "Công chức Tư pháp - Hộ tịch",
    "Trạm Y tế",
    "Công an xã",
]
COMMUNE_2025 = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Trạm Y tế"]
# How the extractor names a body printed with a qualifier the name does not keep.
CANONICAL = {
    "Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố": "Phòng Giáo dục và Đào tạo",
}
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Sơn", "Tâm"]


@dataclass
class Plan:
    file: str
    type: str  # Kế hoạch, Quyết định, Hướng dẫn
    number: str
    date: tuple[int, int, int]  # day, month, year
    issuer: str  # as the extractor should name it
    level: str  # central, province, district, commune
    parent: str | None  # number of the document it implements (None: the directive)
    parent_key: str  # expected.json key of the parent
    duties: dict[str, int] = field(default_factory=dict)
    key: str = ""

    @property
    def iso(self) -> str:
        d, m, y = self.date
        return f"{y:04d}-{m:02d}-{d:02d}"


def _units(era: str) -> list[dict]:
    """Provinces with their districts (2024) or communes (2025), from the package's data."""
    if era == "2024":
        rows = query(
            "SELECT province, provinceShort, district, districtShort, districtType, ward, "
            "wardShort, wardType FROM admin_units_legacy ORDER BY provinceCode, districtCode, "
            "wardCode"
        )
    else:
        rows = query(
            "SELECT province, provinceShort, ward, wardShort, wardType FROM admin_units "
            "ORDER BY provinceCode, wardCode"
        )
    provinces: dict[str, dict] = {}
    for r in rows:
        p = provinces.setdefault(
            r["province"],
            {"name": r["province"], "short": _short(r["provinceShort"]), "children": {}},
        )
        if era == "2024":
            d = p["children"].setdefault(
                r["district"],
                {
                    "name": r["district"],
                    "short": _short(r["districtShort"]),
                    "type": r["districtType"],
                },
            )
            d.setdefault("communes", [])
            if r["ward"]:
                d["communes"].append(
                    {"name": r["ward"], "short": _short(r["wardShort"]), "type": r["wardType"]}
                )
        elif r["ward"]:
            p["children"][r["ward"]] = {
                "name": r["ward"],
                "short": _short(r["wardShort"]),
                "type": r["wardType"],
            }
    return list(provinces.values())


def _short(name: str) -> str:
    """The package tells homonyms apart with "(Huyện)"; documents never print that."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()


_ROMAN = re.compile(r"[IVXL]+")


def _by_number(unit: dict) -> bool:
    """A ward named by a number alone: "6" of "Phường 6", "IV" of "Phường IV"."""
    return unit["short"].isdigit() or bool(_ROMAN.fullmatch(unit["short"]))


def _unit_name(unit: dict) -> str:
    """ "xã Tân Lập", but "Phường 6", "Phường IV", "Quận 1" (a numbered unit keeps its word)."""
    if unit["short"].lower().startswith(unit["type"].lower()) or _by_number(unit):
        return unit["name"]
    return f"{unit['type'].lower()} {unit['short']}"


def _town(unit: dict) -> str:
    """The place of a dateline (NĐ 30/2020, Phụ lục I): a unit named by a number is
    written in full ("Phường IV, ngày ..."; never "IV, ngày ...")."""
    return unit["name"] if _by_number(unit) else unit["short"]


def _size(province: dict) -> int:
    return sum(len(c.get("communes", [1])) for c in province["children"].values())


def _city(province: dict) -> bool:
    return province["name"].startswith("Thành phố")


class Generator:
    def __init__(self, plans: int, seed: int, era: str, provinces: list[str] | None = None) -> None:
        self.n = plans
        self.only = provinces  # short names: a corpus of these provinces alone
        self.rng = random.Random(seed)
        self.era = era
        self.year = 2024 if era == "2024" else 2025
        self.plans: list[Plan] = []
        self.texts: dict[str, str] = {}
        self.counters: dict[tuple[str, str], int] = {}
        # citations of a parent printed another way now and then, drawn apart from ``rng`` so
        # that the rest of the corpus does not depend on them: the cited plan's file -> the
        # forms printed (plans of different provinces can share a number)
        self.misprint = random.Random(f"misprint-{seed}")
        self.printed: dict[str, set[str]] = {}
        topic = self.rng.choice(TOPICS)
        self.topic = topic
        num = self.rng.randint(20, 60)
        self.directive = {
            "number": f"{num}-CT/TW",
            "date": (
                self.rng.randint(2, 27),
                self.rng.randint(1, 4),
                self.year - 1 + (era == "2025"),
            ),
            "issuer": self.rng.choice(["Ban Bí thư", "Bộ Chính trị"]),
        }

    # -------------------------------------------------------------- helpers

    def _number(self, issuer_key: str, code: str, year: int | None = None) -> str:
        k = (issuer_key, code)
        n = self.counters.get(k) or self.rng.randint(10, 200)
        self.counters[k] = n + self.rng.randint(1, 9)
        return f"{n}/{year}/{code}" if year else f"{n}/{code}"

    def _date_after(self, d: tuple[int, int, int]) -> tuple[int, int, int]:
        day, month, year = d
        month += self.rng.randint(1, 2)
        if month > 12:
            month, year = month - 12, year + 1
        return (self.rng.randint(1, 28), month, year)

    def _person(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    @staticmethod
    def _dmy(d: tuple[int, int, int], style: int) -> str:
        day, month, year = d
        return f"{day:02d}/{month:02d}/{year}" if style else f"{day}/{month}/{year}"

    def _ref(self, plan: Plan | None) -> str:
        """How a child cites its parent: type, number, date, issuer, subject."""
        dv = self.directive
        directive = (
            f"Chỉ thị số {dv['number']} ngày {self._dmy(dv['date'], 1)} của {dv['issuer']} "
            f"về {self.topic}"
        )
        if plan is None:
            return directive
        what = "Kế hoạch" if plan.type != "Quyết định" else "Quyết định"
        return (
            f"{what} số {self._cited_number(plan)} ngày {self._dmy(plan.date, self.rng.randint(0, 1))} "
            f"của {plan.issuer} về việc thực hiện Chỉ thị số {dv['number']}"
        )

    def _cited_number(self, plan: Plan) -> str:
        """The parent's number as a child prints it: now and then (MISPRINT of citations)
        another way that names the same document (kg.numbers.number_key), as real plans do:
        the hyphen of 28-CT-TW for a slash, or Đ without its bar."""
        number = plan.number
        forms = self.printed.setdefault(plan.file, {number})
        if self.misprint.random() >= MISPRINT:
            return number
        other = number.replace("Đ", "D") if "Đ" in number else number.replace("/", "-", 1)
        forms.add(other)
        return other

    # -------------------------------------------------------------- the tree

    def run(self) -> None:
        gov = self._plan_gov()
        budget = self.n - 1
        provinces = _units(self.era)
        if self.only:
            provinces = [p for p in provinces if p["short"] in self.only]
        self.rng.shuffle(provinces)
        if self.n > 2000:  # most of the country: small provinces first, large ones absorb the rest
            provinces.sort(key=_size)
        for i, p in enumerate(provinces):
            if budget <= 0:
                break
            quota = max(4, budget // (len(provinces) - i))  # a province short of units
            budget -= self._province(p, gov, min(quota, budget))  # leaves more to the rest

    def _add(self, plan: Plan, text: str) -> Plan:
        plan.key = plan.file
        self.plans.append(plan)
        self.texts[plan.file] = text
        return plan

    def _plan_gov(self) -> Plan:
        date = self._date_after(self.directive["date"])
        number = self._number("ttg", "QĐ-TTg")
        plan = Plan(
            "00000_chinh-phu.txt",
            "Quyết định",
            number,
            date,
            "Thủ tướng Chính phủ",
            "central",
            None,
            self.directive["number"],
        )
        bodies = CENTRAL + ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
        return self._add(plan, self._text(plan, None, bodies, decision=True))

    def _province(self, p: dict, gov: Plan, quota: int) -> int:
        short = p["short"]
        city = _city(p)
        unit = "thành phố" if city else "tỉnh"
        used = 0
        idx = len(self.plans)
        # the People's Committee's plan
        ubnd = Plan(
            f"{idx:05d}_{_ascii(short)}_ubnd.txt",
            "Kế hoạch",
            self._number(p["name"], "KH-UBND"),
            self._date_after(gov.date),
            f"Ủy ban nhân dân {unit} {short}",
            "province",
            gov.number,
            gov.key,
        )
        depts = PROVINCE_2024 if self.era == "2024" else PROVINCE_2025
        chosen = self.rng.sample(depts, self.rng.randint(4, len(depts)))
        lower = (
            "Ủy ban nhân dân các huyện, thị xã, thành phố"
            if self.era == "2024"
            else "Ủy ban nhân dân các xã, phường"
        )
        self._add(ubnd, self._text(ubnd, gov, chosen + [lower], place=(p, None)))
        used += 1
        # the Party committee's plan (implements the directive directly)
        if quota - used > 1:
            party = "Thành ủy" if city else "Tỉnh ủy"
            tu = Plan(
                f"{idx + 1:05d}_{_ascii(short)}_tu.txt",
                "Kế hoạch",
                self._number(p["name"], "KH/TU").replace("/KH", "-KH"),
                self._date_after(self.directive["date"]),
                ("Ban Thường vụ " if self.rng.random() < 0.7 else "") + f"{party} {short}",
                "province",
                self.directive["number"],
                self.directive["number"],
            )
            organs = [o.replace("Tỉnh ủy", party) for o in PARTY_ORGANS]
            self._add(tu, self._text(tu, None, organs, place=(p, None), party=True))
            used += 1
        # a department's guidance
        if quota - used > 2:
            sgd = Plan(
                f"{idx + 2:05d}_{_ascii(short)}_sgddt.txt",
                "Hướng dẫn",
                self._number(p["name"] + "sgd", "HD-SGDĐT"),
                self._date_after(ubnd.date),
                f"Sở Giáo dục và Đào tạo {unit} {short}",
                "province",
                ubnd.number,
                ubnd.key,
            )
            bodies = [
                "Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố",
                "Các cơ sở giáo dục",
            ]
            if self.era == "2025":
                bodies = ["Các cơ sở giáo dục", "Ủy ban nhân dân các xã, phường"]
            self._add(sgd, self._text(sgd, ubnd, bodies, place=(p, None), guidance=True))
            used += 1
        children = list(p["children"].values())
        self.rng.shuffle(children)
        for i, child in enumerate(children):
            if used >= quota:
                break
            if self.era == "2024":
                share = -(-(quota - used) // (len(children) - i))  # spread over the districts
                share = min(quota - used, max(2, share))  # a district plan and its communes
                used += self._district(p, child, ubnd, share)
            else:
                self._commune(p, None, child, ubnd)
                used += 1
        return used

    def _district(self, p: dict, d: dict, parent: Plan, quota: int) -> int:
        dtype = d["type"]
        plan = Plan(
            f"{len(self.plans):05d}_{_ascii(p['short'])}_{_ascii(d['short'])}.txt",
            "Kế hoạch",
            self._number(d["name"] + p["name"], "KH-UBND"),
            self._date_after(parent.date),
            "Ủy ban nhân dân " + _unit_name(d),
            "district",
            parent.number,
            parent.key,
        )
        chosen = self.rng.sample(DISTRICT, self.rng.randint(3, len(DISTRICT)))
        police = f"Công an {dtype.lower()}"
        communes = "Ủy ban nhân dân các xã, thị trấn"
        self._add(plan, self._text(plan, parent, chosen + [police, communes], place=(p, d)))
        used = 1
        communes_list = list(d["communes"])
        self.rng.shuffle(communes_list)
        share = min(len(communes_list), quota - 1)
        for c in communes_list[:share]:
            self._commune(p, d, c, plan)
            used += 1
        return used

    def _commune(self, p: dict, d: dict | None, c: dict, parent: Plan) -> None:
        plan = Plan(
            f"{len(self.plans):05d}_{_ascii(p['short'])}_{_ascii(c['short'])}.txt",
            "Kế hoạch",
            self._number(c["name"] + (d or p)["name"], "KH-UBND"),
            self._date_after(parent.date),
            "Ủy ban nhân dân " + _unit_name(c),
            "commune",
            parent.number,
            parent.key,
        )
        bodies = COMMUNE_2024 if self.era == "2024" else COMMUNE_2025
        chosen = self.rng.sample(bodies, self.rng.randint(2, len(bodies)))
        self._add(plan, self._text(plan, parent, chosen, place=(p, d, c)))

    # -------------------------------------------------------------- texts

    def _text(
        self,
        plan: Plan,
        parent: Plan | None,
        bodies: list[str],
        place: tuple = (),
        decision: bool = False,
        party: bool = False,
        guidance: bool = False,
    ) -> str:
        r = self.rng
        header = self._header(plan, place, party)
        ref = self._ref(parent)
        dv = self.directive
        shape = r.choice(["sections", "points", "table"]) if not decision else "sections"
        duties: dict[str, int] = {}
        lines: list[str] = []
        short = f"Chỉ thị số {dv['number']}"
        for i, body in enumerate(bodies, 1):
            k = r.randint(1, 4)
            duties[CANONICAL.get(body, body)] = k
            tasks = [t.format(ref=short) for t in r.sample(DUTY_VERBS, k)]
            if shape == "table":
                continue
            lines.append(f"{i}. {body}" if shape == "sections" else f"{i}. {body}:")
            for j, t in enumerate(tasks):
                bullet = "-" if shape == "sections" else f"{'abcd'[j]})"
                lines.append(f"{bullet} {t}.")
        plan.duties = duties
        if shape == "table":
            rows = [
                "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện |",
                "|---|---|---|---|",
            ]
            n = 0
            for body, k in zip(bodies, duties.values(), strict=True):
                for t in r.sample(DUTY_VERBS, k):
                    n += 1
                    rows.append(f"| {n} | {t.format(ref=short)} | {body} | Năm {plan.date[2]} |")
            lines = ["Phân công nhiệm vụ cụ thể như sau:", "\n".join(rows)]
        kind = {"Hướng dẫn": "HƯỚNG DẪN"}.get(plan.type, "KẾ HOẠCH")
        title_line = f"Thực hiện {ref}"
        intro = (
            f"Căn cứ {ref}; để triển khai thực hiện có hiệu quả, {plan.issuer} "
            f"ban hành {plan.type.lower()} thực hiện như sau:"
        )
        body_text = [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            f"- Quán triệt sâu sắc mục tiêu, quan điểm của {short} về {self.topic}.",
            "2. Yêu cầu",
            "- Xác định rõ nội dung công việc, thời hạn hoàn thành và trách nhiệm thực hiện.",
            "II. NHIỆM VỤ TRỌNG TÂM",
            "1. Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền về công tác này.",
            "2. Hoàn thiện cơ chế, chính sách và bố trí nguồn lực bảo đảm thực hiện.",
            "III. TỔ CHỨC THỰC HIỆN",
            *lines,
            "",
            f"Trên đây là {plan.type} thực hiện {short}; trong quá trình thực hiện, nếu có "
            "khó khăn, vướng mắc, kịp thời phản ánh để xem xét, giải quyết.",
        ]
        if decision:
            return self._decision(plan, header, ref, body_text)
        sep = r.choice(["\n", "\n\n"])  # paragraphs one a line, or blank lines between
        return (
            sep.join([header, kind, title_line, intro, *body_text, self._signature(plan, party)])
            + "\n"
        )

    def _decision(self, plan: Plan, header: str, ref: str, body_text: list[str]) -> str:
        """A decision issuing the plan: the plan follows as its annex."""
        dv = self.directive
        parts = [
            header,
            "QUYẾT ĐỊNH",
            f"Ban hành Kế hoạch thực hiện {ref}",
            "THỦ TƯỚNG CHÍNH PHỦ",
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
            f"Căn cứ Chỉ thị số {dv['number']} ngày {self._dmy(dv['date'], 1)} của "
            f"{dv['issuer']} về {self.topic};",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện "
            f"Chỉ thị số {dv['number']}.",
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.",
            self._signature(plan, False),
            "KẾ HOẠCH",
            f"Thực hiện Chỉ thị số {dv['number']} ngày {self._dmy(dv['date'], 1)} của {dv['issuer']}",
            f"(Ban hành kèm theo Quyết định số {plan.number} ngày {self._dmy(plan.date, 1)} "
            "của Thủ tướng Chính phủ)",
            *body_text,
        ]
        return "\n\n".join(parts) + "\n"

    def _header(self, plan: Plan, place: tuple, party: bool) -> str:
        r = self.rng
        d, m, y = plan.date
        if plan.level == "central":
            left, town = ["THỦ TƯỚNG CHÍNH PHỦ"], "Hà Nội"
        else:
            p = place[0]
            town = _town(place[-1]) if place[-1] is not None else p["short"]
            if party:
                party_name = plan.issuer.removeprefix("Ban Thường vụ ")
                left = ["ĐẢNG BỘ " + p["name"].upper(), party_name.upper()]
            elif plan.type == "Hướng dẫn":
                left = ["UBND " + p["name"].upper(), "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
            else:
                left = ["ỦY BAN NHÂN DÂN", plan.issuer.removeprefix("Ủy ban nhân dân ").upper()]
        right = (
            ["ĐẢNG CỘNG SẢN VIỆT NAM"]
            if party
            else ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        )
        number = f"Số: {plan.number}"
        dateline = f"{town}, ngày {d:02d} tháng {m:02d} năm {y}"
        if r.random() < 0.5:  # two columns, as an HTML or Word table becomes text
            rows = [left + [number], right + [dateline]]
            width = max(len(rows[0]), len(rows[1]))
            rows = [x + [""] * (width - len(x)) for x in rows]
            return "\n".join(f"{a}\t{b}".rstrip() for a, b in zip(*rows, strict=True))
        return "\n".join([*left, *right, number, dateline])

    def _signature(self, plan: Plan, party: bool) -> str:
        r = self.rng
        name = self._person()
        if party:
            standing = plan.issuer.startswith("Ban Thường vụ")
            who = "BAN THƯỜNG VỤ" if standing else plan.issuer.split()[0].upper() + " ỦY"
            block = [f"T/M {who}", r.choice(["BÍ THƯ", "PHÓ BÍ THƯ"])]
        elif plan.level == "central":
            block = ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"]
        elif plan.type == "Hướng dẫn":
            block = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
        else:
            block = r.choice(
                [
                    ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                ]
            )
        recipients = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
        if r.random() < 0.5:
            rows = list(
                zip(recipients + ["", ""], block + ["(Đã ký)", name] + [""] * 3, strict=False)
            )
            return "\n".join(f"{a}\t{b}".rstrip() for a, b in rows)
        return "\n".join([*block, "", "(Đã ký)", "", name, "", *recipients])


def _ascii(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "".join(c if c.isalnum() else "-" for c in s).strip("-")


def expected(gen: Generator) -> dict:
    """What is known by construction, keyed by file."""
    children: dict[str, list[str]] = {}
    for p in gen.plans:
        children.setdefault(p.parent_key, []).append(p.key)

    def size(key: str) -> int:
        return sum(1 + size(c) for c in children.get(key, []))

    dv = gen.directive
    return {
        "era": gen.era,
        "directive": {**dv, "date": "{2:04d}-{1:02d}-{0:02d}".format(*dv["date"])},
        "plans": {
            p.file: {
                "type": p.type,
                "number": p.number,
                "date": p.iso,
                "issuer": p.issuer,
                "level": p.level,
                "parent": p.parent,
                "parent_file": p.parent_key if p.parent_key in gen.texts else None,
                "duties": p.duties,
            }
            for p in gen.plans
        },
        "cascades": {dv["number"]: size(dv["number"])}
        | {p.number + " @ " + p.file: size(p.key) for p in gen.plans if p.key in children},
        # plans (by file) whose number is printed more than one way (by itself and its children)
        "printed_as": {f: sorted(p) for f, p in sorted(gen.printed.items()) if len(p) > 1},
    }


def number_key(number: str | None) -> str:
    from kg.numbers import number_key as key

    return key(number or "")


def _fold(s: str | None) -> str:
    from kg.text import fold

    return fold(s or "")


def check_records(exp: dict, records: list) -> list[str]:
    """Mismatches between extracted records and expected.json, one line each."""
    problems: list[str] = []
    by_file = {Path(r.source.name).name: r for r in records}
    for file, want in exp["plans"].items():
        r = by_file.get(file)
        if r is None:
            problems.append(f"{file}: not extracted")
            continue
        d = r.document
        for name in ("number", "type", "date", "issuer"):
            got = getattr(d, name)
            if _fold(got) != _fold(want[name]):
                problems.append(f"{file}: {name} {got!r}, expected {want[name]!r}")
        implemented = {number_key(i.number) for i in r.implements}
        if want["parent"] and number_key(want["parent"]) not in implemented:
            problems.append(f"{file}: implements {sorted(implemented)}, not {want['parent']!r}")
        got_duties: dict[str, int] = {}
        for a in r.assignments:
            key = _fold(a.body.name)
            got_duties[key] = got_duties.get(key, 0) + len(a.duties)
        want_duties = {_fold(b): n for b, n in want["duties"].items()}
        if got_duties != want_duties:
            problems.append(f"{file}: duties {got_duties}, expected {want_duties}")
    return problems


CASCADE_SIZES = """
SELECT ?file (COUNT(DISTINCT ?plan) AS ?n) WHERE {
  GRAPH ?g { ?src dkg:sourceFile ?file . ?doc dkg:ingested true }
  OPTIONAL { ?plan dkg:cascadesFrom+ ?doc }
} GROUP BY ?file
"""
DIRECTIVE_CASCADE = """
SELECT (COUNT(DISTINCT ?plan) AS ?n) WHERE {
  ?root dkg:printedAs|eli:id_local ?printed FILTER(STR(?printed) = ?number)
  ?plan dkg:cascadesFrom+ ?root .
}
"""


PRINTED_AS = """
SELECT ?file (GROUP_CONCAT(DISTINCT ?printed; separator=" | ") AS ?forms) WHERE {
  GRAPH ?g { ?src dkg:sourceFile ?file . ?doc dkg:ingested true }
  ?doc dkg:printedAs ?printed
} GROUP BY ?file HAVING (COUNT(DISTINCT ?printed) > 1)
"""


def check_store(exp: dict, store) -> list[str]:
    """Cascade sizes and numbers printed more than one way in a built store against
    expected.json."""
    problems: list[str] = []
    if "printed_as" in exp:  # corpora generated before it was recorded have none
        got = {
            Path(r["file"]).name: sorted(r["forms"].split(" | ")) for r in store.select(PRINTED_AS)
        }
        files = sorted(exp["printed_as"].keys() | got.keys())
        wrong = [f for f in files if got.get(f) != exp["printed_as"].get(f)]
        problems += [
            f"{f}: printed as {got.get(f)}, expected {exp['printed_as'].get(f)}" for f in wrong[:20]
        ]
    sizes = {Path(r["file"]).name: r["n"] for r in store.select(CASCADE_SIZES)}
    want = {f: 0 for f in exp["plans"]}
    for key, n in exp["cascades"].items():
        if " @ " in key:
            want[key.split(" @ ", 1)[1]] = n
    for file, n in want.items():
        if sizes.get(file) != n:
            problems.append(f"{file}: cascade of {sizes.get(file)} plans, expected {n}")
    number = exp["directive"]["number"]
    got = store.select(DIRECTIVE_CASCADE, {"number": number})[0]["n"]
    if got != exp["cascades"][number]:
        problems.append(f"{number}: cascade of {got} plans, expected {exp['cascades'][number]}")
    return problems


def generate(
    plans: int, seed: int, out: Path, era: str = "2024", provinces: list[str] | None = None
) -> dict:
    gen = Generator(plans, seed, era, provinces)
    gen.run()
    out.mkdir(parents=True, exist_ok=True)
    for name, text in gen.texts.items():
        (out / name).write_text(text, encoding="utf-8")
    exp = expected(gen)
    (out / "expected.json").write_text(
        json.dumps(exp, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )
    return exp


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--plans", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--era", choices=["2024", "2025"], default="2024")
    ap.add_argument(
        "--provinces",
        help="only these provinces, by short name, comma-separated (e.g. the ones sharing "
        "a district's name: 'Hậu Giang,Đồng Tháp,Bến Tre')",
    )
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    only = [p.strip() for p in args.provinces.split(",")] if args.provinces else None
    exp = generate(args.plans, args.seed, args.out, args.era, only)
    print(f"{args.out}: {len(exp['plans'])} plans, era {args.era}")


if __name__ == "__main__":
    main()
