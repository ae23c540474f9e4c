"""Reporting obligations: who reports, to whom, through whom, how often, by which day.

Plans state reporting in one sentence per obligation group: "Các cơ quan ...
đột xuất, định kỳ 06 tháng (trước ngày 10/5) và cả năm (trước ngày 03/11) gửi
báo cáo ... về UBND huyện (thông qua Phòng ...)". One obligation is recorded per
frequency named; a due day sits in brackets after its frequency or before a
bracket naming it ("trước ngày 14/5 (đối với báo cáo 6 tháng)").
"""

from __future__ import annotations

import re

from kg.extract.bodies import Context, display_name, find_bodies, mention
from kg.extract.duties import lead_bodies, parse_list
from kg.extract.passages import owner_of, plan_year, sentences
from kg.models import Assignment, BodyMention, DocumentFacts, Reporting, Structure
from kg.text import fold_same_length

_TRIGGER = re.compile(r"(?<![a-z])(?:bao\s+cao|phan\s+anh)(?![a-z])")
_FREQS: list[tuple[str, re.Pattern[str]]] = [
    ("semiannual", re.compile(r"(?<![a-z0-9])(?:0?6|sau)\s+thang(?![a-z])")),
    ("quarterly", re.compile(r"(?<![a-z])(?:hang|moi)\s+quy(?![a-z])")),
    ("monthly", re.compile(r"(?<![a-z])(?:hang|moi)\s+thang(?![a-z])")),
    (
        "annual",
        re.compile(
            r"(?<![a-z])(?:hang\s+nam|ca\s+nam|cuoi\s+nam|(?:bao\s+cao|ket\s+qua)\s+nam"
            r"|nam(?=\s*\(\s*truoc))(?![a-z0-9 ]*\d{4})"
        ),
    ),
    ("ad hoc (đột xuất)", re.compile(r"(?<![a-z])dot\s+xuat(?![a-z])")),
    ("ad hoc (khó khăn, vướng mắc)", re.compile(r"(?<![a-z])kho\s+khan,?\s*(?:va\s+)?vuong\s+mac")),
    ("ad hoc (vướng mắc)", re.compile(r"(?<![a-z])vuong\s+mac(?![a-z])")),
    (
        "ad hoc (khi phát hiện vụ việc)",
        re.compile(r"(?<![a-z])khi\s+(?:phat\s+hien|xay\s+ra)(?![a-z])"),
    ),
    (
        "review milestones (sơ kết, tổng kết)",
        re.compile(r"(?<![a-z])so\s+ket,?\s*(?:va\s+)?tong\s+ket"),
    ),
]
_AND_YEAR = re.compile(r"thang\s*(?:,|va|hoac|/)\s*(?:ca\s+)?(nam)(?![a-z0-9]|\s+\d)")
_PERIODIC = re.compile(r"(?<![a-z])dinh\s+ky(?![a-z])")
_DATE = re.compile(
    r"truoc\s+ngay\s+(\d{1,2})\s*(?:/|-|\s+thang\s+)\s*(\d{1,2})(?!\d)"
    r"(?:\s*(?:/|-|\s+nam\s+)\s*\d{4})?"
)
_NAMED_IN_BRACKET = re.compile(r"\([^()]*$")
_TO_CUE = re.compile(r"(?<![a-z])(?:gui|ve|cho|len|bao\s+cao)\s+(?:ve\s+)?")
_VIA_CUE = re.compile(r"(?<![a-z])(?:thong\s+)?qua\s+")
_PASS_ON = re.compile(r"\s*(?:[^.;]{0,40}?\s)?(?:de\s+)?tong\s+hop")
_PLACE_TYPES = {"UBND", "HDND", "UBMTTQ"}
_FULL_DATE = re.compile(
    r"truoc\s+ngay\s+\d{1,2}\s*(?:/|-|\s+thang\s+)\s*(\d{1,2})\s*(?:/|-|\s+nam\s+)\s*(\d{4})"
)
# "tham mưu Giám đốc Sở báo cáo ...": the unit drafts, the issuer's head reports
_ADVISES_HEAD = re.compile(
    r"(?<![a-z])tham\s+muu\s+(?:cho\s+)?(?:giam\s+doc|chu\s+tich|thu\s+truong|lanh\s+dao|truong\s+ban)"
    r"[^.;]{0,40}?bao\s+cao"
)
_ASKS = re.compile(r"(?<![a-z])(?:de\s+nghi|yeu\s+cau)\s+")
# "Báo cáo của các đơn vị, địa phương gửi về ...": the reporters follow "của"
_REPORT_OF = re.compile(r"\W*bao\s+cao\s+cua\s+(.{3,80}?)\s+(?:gui|nop|ve)(?![a-z])")
# a sentence opening with a plural subject ("Các phòng, đơn vị, trường học báo cáo ..."): the
# reporters as printed, even when they are not all in the reference data
_PLURAL_SUBJECT = re.compile(
    r"\W*cac\s+[^.;:()]{2,80}?(?=\s+(?:dinh\s+ky\s+)?(?:gui\s+)?bao\s+cao)"
)
# a general closing ("Trong quá trình thực hiện, nếu có khó khăn ...") is nobody's item
_GENERAL = re.compile(
    r"\W*(?:trong\s+qua\s+trinh|qua\s+trinh\s+trien\s+khai|neu\s+co\s+kho\s+khan)"
)


def _freqs(f: str) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for label, pat in _FREQS:
        for m in pat.finditer(f):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if label == "ad hoc (vướng mắc)" and any(x[0].startswith("ad hoc (khó") for x in found):
                continue
            found.append((label, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    both = _AND_YEAR.search(f)  # "6 tháng, năm": the year report too
    if both and not any(x[0] == "annual" for x in found):
        found.append(("annual", both.start(1), both.end(1)))
    if not found and _PERIODIC.search(f):
        m = _PERIODIC.search(f)
        assert m is not None
        found.append(("periodic", m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def _pair_dates(f: str, freqs: list[tuple[str, int, int]]) -> dict[int, str]:
    """Index of frequency -> "dd/mm" printed for it."""
    dates = [(m.start(), m.end(), f"{m.group(1)}/{m.group(2)}") for m in _DATE.finditer(f)]
    out: dict[int, str] = {}
    used: set[int] = set()
    for i, (_label, s, e) in enumerate(freqs):
        inside = _NAMED_IN_BRACKET.search(f[:s])
        if inside:  # "trước ngày 14/5 (đối với báo cáo 6 tháng)": the date just before the bracket
            before = [j for j, d in enumerate(dates) if d[1] <= inside.start() and j not in used]
            if before and inside.start() - dates[before[-1]][1] < 6:
                out[i] = dates[before[-1]][2]
                used.add(before[-1])
                continue
        after = [j for j, d in enumerate(dates) if d[0] >= e and j not in used]
        if after and dates[after[0]][0] - e < 25:
            nxt = freqs[i + 1][1] if i + 1 < len(freqs) else len(f)
            if dates[after[0]][0] < nxt:
                out[i] = dates[after[0]][2]
                used.add(after[0])
                continue
        prev_end = freqs[i - 1][2] if i else 0
        before = [
            j for j, d in enumerate(dates) if prev_end <= d[0] and d[1] <= s and j not in used
        ]
        if before and s - dates[before[-1]][1] < 12:  # "trước ngày 15/12 hằng năm"
            out[i] = dates[before[-1]][2]
            used.add(before[-1])
    if len(freqs) == 1 and not out and len(dates) == 1:
        out[0] = dates[0][2]
    return out


def _names_end(
    text: str, pos: int, ctx: Context, clean_base: int, structure: Structure
) -> tuple[list[str], list[BodyMention], int]:
    """The bodies listed at ``pos``: display names, their matched mentions, where the list ends."""
    found, end = parse_list(text, pos)
    out: list[str] = []
    mentions: list[BodyMention] = []
    for b in found:
        bm = mention(b, ctx, base=clean_base, clean=structure.clean)
        name = display_name(bm.name, ctx)
        if name == bm.name and bm.type_id in _PLACE_TYPES and bm.jurisdiction and not b.place:
            name = f"{bm.name} {bm.jurisdiction.name}"
        if name not in out:
            out.append(name)
            mentions.append(bm)
    return out, mentions, end


def _bodies_in(
    sent: str, a: int, b: int, ctx: Context, clean_base: int, structure: Structure
) -> list[BodyMention]:
    """Matched mentions of the bodies printed in ``sent[a:b]``."""
    return [
        mention(m, ctx, base=clean_base + a, clean=structure.clean)
        for m in find_bodies(sent[a:b], list_mode=True)
    ]


def _reporters(sent: str, f: str, trigger: int) -> tuple[int, int] | None:
    """Where a reporting sentence names who reports (offsets in ``sent``), if it names anyone."""
    lead = lead_bodies(sent)
    if lead is not None and lead.bodies[0].start < 40:
        return lead.bodies[0].start, lead.bodies[-1].end
    of = _REPORT_OF.match(f)
    if of:
        return of.start(1), of.end(1)
    subject = _PLURAL_SUBJECT.match(f)
    if subject and subject.end() <= trigger + 1:
        start = len(sent) - len(sent.lstrip(" \t\n-–+•"))
        return start, subject.end()
    ask = _ASKS.search(f, 0, trigger)  # "..., đề nghị các cơ quan phản ánh về"
    if ask:
        asked, _end = parse_list(sent, ask.end())
        if asked:
            return asked[0].start, asked[-1].end
    # "Trong quá trình thực hiện, nếu có khó khăn, các cơ quan, đơn vị phản ánh về ..."
    for m in re.finditer(r",\s*", f[:trigger]):
        named, end = parse_list(sent, m.end(), list_mode=True)
        if named and not f[end:trigger].strip(" ,"):
            return named[0].start, named[-1].end
    return None


def _one_off(f: str, plan_year: int | None) -> str | None:
    """A report due on a full date with no frequency named: once, or the year's report.

    An annual plan asks for its year's results late in that year ("trước ngày 25/11/2024");
    any other dated report is a one-off.
    """
    d = _FULL_DATE.search(f)
    if d is None:
        return None
    if plan_year is not None and int(d.group(2)) == plan_year and int(d.group(1)) >= 10:
        return "annual"
    return "once"


def extract_reporting(
    structure: Structure,
    ctx: Context,
    assignments: list[Assignment],
    facts: DocumentFacts | None = None,
) -> list[Reporting]:
    """Every reporting obligation stated in the body, one per frequency."""
    year = plan_year(facts)
    out: list[Reporting] = []
    seen: set[tuple] = set()
    for base, sent in sentences(structure):
        f = fold_same_length(sent)
        trigger = _TRIGGER.search(f)
        if not trigger:
            continue
        freqs = _freqs(f)
        if not freqs and not _DATE.search(f):
            continue
        span = structure.clean.to_original(base, base + len(sent.rstrip()))
        via: list[str] = []
        to: list[str] = []
        via_bodies: list[BodyMention] = []
        to_bodies: list[BodyMention] = []
        via_zone: list[tuple[int, int]] = []
        for m in _VIA_CUE.finditer(f):
            names, mentions, _end = _names_end(sent, m.end(), ctx, base, structure)
            if names:
                for n, bm in zip(names, mentions, strict=True):
                    if n not in via:
                        via.append(n)
                        via_bodies.append(bm)
                via_zone.append((m.start(), m.end() + 80))
        for m in _TO_CUE.finditer(f):
            if any(s <= m.start() < e for s, e in via_zone):
                continue
            names, mentions, end = _names_end(sent, m.end(), ctx, base, structure)
            if not names:
                continue
            if to and not via:  # "về X để tổng hợp, báo cáo Y": X passes it on to Y
                via, to = to, names
                via_bodies, to_bodies = to_bodies, mentions
                break
            to, to_bodies = names, mentions
            if not _PASS_ON.match(f, end):
                break
        by: str | None = None
        by_bodies: list[BodyMention] = []
        where = _reporters(sent, f, trigger.start())
        if where is not None:
            by = " ".join(sent[where[0] : where[1]].split())
            by_bodies = _bodies_in(sent, *where, ctx, base, structure)
        elif not _GENERAL.match(f):
            owner = owner_of(span, assignments)
            if owner is not None:
                by, by_bodies = owner.body.name, [owner.body]
        if _ADVISES_HEAD.search(f) and ctx.issuer:
            by = ctx.issuer
            by_bodies = [facts.issuer_body] if facts and facts.issuer_body else []
        if not freqs:
            freqs = [(_one_off(f, year), 0, 0)]  # type: ignore[list-item]
        dates = _pair_dates(f, freqs) if freqs[0][2] else {}
        if not freqs[0][2]:
            d = _DATE.search(f)
            dates = {0: f"{d.group(1)}/{d.group(2)}"} if d else {}
        for i, (label, _s, _e) in enumerate(freqs):
            rec = Reporting(
                by=by,
                to="; ".join(to) or None,
                via="; ".join(via) or None,
                frequency=label,
                deadline=dates.get(i),
                span=span,
                by_bodies=list(by_bodies),
                to_bodies=list(to_bodies),
                via_bodies=list(via_bodies),
            )
            key = (rec.by, rec.to, rec.via, rec.frequency, rec.deadline)
            if key not in seen:
                seen.add(key)
                out.append(rec)
    return out
