"""A body's duties under its heading, theme points and task-table rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.bodies import BodyMatch, find_bodies, is_issuer, mention
from kg.extract.duties import bound_list
from kg.extract.duties.columns import Columns, procedure_header, read_header
from kg.extract.duties.holders import cell_department
from kg.extract.duties.rules import (
    _GLUED,
    _HEADINGS,
    _NEW_SENTENCE,
    _STANDING_ROLE,
    _THEME_POINT,
    _Draft,
    _Duty,
    _Lead,
    _TableDuty,
    lead_bodies,
)
from kg.extract.tiers import partner_tiers, per_tier
from kg.models import BodyMention, Node
from kg.text import fold_same_length, is_heading_caps, normalize_key

# a cell that stops on a word or mark that cannot end a name or a task ("Sở Khoa học và" /
# "Công nghệ"): a copy that lost the blank lines between cells cut one cell in two there
_DANGLING = re.compile(r"(?:(?<!\S)(?:và|của|các|cùng|với|về|tại|trên)|[,;&(-])$", re.I)


def rejoin_dangling(cells: list[str]) -> list[str]:
    """Cells cut after a word that cannot end them, joined back to the cell after."""
    out: list[str] = []
    for c in cells:
        if c and len(out) > 1 and _DANGLING.search(out[-1]):
            out[-1] = f"{out[-1]} {c}"
        else:
            out.append(c)
    return out


def rejoin_wrapped_task(cells: list[str], width: int, c_task: int | None, c_lead: int) -> list[str]:
    """A row of a table copied one cell per line whose task wrapped onto a line of its own has
    more cells than the header has columns, and every later cell sits one column too far left
    ("1" / "Rà soát ... (PPP, FDI," / "ODA) hỗ trợ ..." / "Sở Tài chính" / ...). Where the lead
    column then does not open with a body (a task's words may name one further on) but the
    cell as many places on does, the extra lines are the task's: they are joined back into it.
    A row whose lead cell opens with a body is left alone (a header that spans sub-columns also
    gives rows more cells than column names)."""
    extra = len(cells) - width
    if extra <= 0 or c_task is None or not c_task < c_lead or c_lead + extra >= len(cells):
        return cells
    if _opens_with_body(cells[c_lead]) or not _opens_with_body(cells[c_lead + extra]):
        return cells
    task = " ".join(cells[c_task : c_task + extra + 1])
    return [*cells[:c_task], task, *cells[c_task + extra + 1 :]]


def cell_bodies(cell: str) -> list[BodyMatch]:
    """The bodies a table's unit cell names. A cell bounds the names in it, so a ministry's
    departments, which no list holds ("Vụ Chính quyền địa phương", "Cục Việc làm"), are read
    whole when each name the cell lists opens with a department's head word
    (kg.extract.duties.holders.cell_department), and the words of their names are not read
    as other bodies ("Chính quyền địa phương"). A body the data knows that opens the cell is
    read as the data names it."""
    found = find_bodies(cell, list_mode=True)
    if found and not cell[: found[0].start].strip():  # then departments the data lacks
        more = _departments(cell, found[-1].end)  # ("Cục Việc làm; Vụ Pháp chế")
        return found + more if more else found
    return _departments(cell, 0) or found


def _departments(cell: str, start: int) -> list[BodyMatch]:
    """The departments the parts of ``cell`` from ``start`` name, or [] unless every part
    names one."""
    deps: list[BodyMatch] = []
    for part in re.finditer(r"[^,;]+", cell[start:]):
        if not part.group(0).strip():
            continue
        one = cell_department(part.group(0))
        if one is None:
            return []
        at = start + part.start()
        deps.append(
            replace(one, start=one.start + at, end=one.end + at, label_end=one.label_end + at)
        )
    return deps


def unit_cell_leads(cell: str) -> list[BodyMatch]:
    """The units a table's unit cell gives the row to. A single body printed with a unit of
    its own in brackets ("Bộ Công an (Trung tâm Dữ liệu quốc gia)", "Sở Y tế (Phòng Nghiệp
    vụ)") is one unit, the body: the bracket says who in it does the work, as the partner
    cell reads "Trung tâm X (Sở Y)" as one partner. A collective's brackets list its members
    ("Các sở (Sở Y tế, Sở Nội vụ)"), who each lead, so they stay."""
    found = cell_bodies(cell)
    if not found or found[0].type.collective or found[0].type.generic:
        return found
    return [
        b
        for i, b in enumerate(found)
        if i == 0 or cell[: b.start].count("(") <= cell[: b.start].count(")")
    ]


def _opens_with_body(cell: str) -> bool:
    found = cell_bodies(cell)
    return bool(found) and not cell[: found[0].start].strip(" -–:;,.")


@dataclass
class _Carry:
    """What a table row leaves to the rows its merged cells cover."""

    level: str  # the shape of its number ("9.9" for "1.2", "R" for "II")
    leads: list[BodyMatch]
    sups: list[BodyMatch]
    sup_mentions: list[BodyMention]


class _Collect:
    """Duty-collecting and table methods of the walker (kg.extract.duties.walker._Walker)."""

    def collect(self, children: list[Node], sec: str) -> tuple[list[_Duty], list[tuple[Node, str]]]:
        """The duty items among a heading's children, and the children led by other bodies."""
        duties: list[_Duty] = []
        subs: list[tuple[Node, str]] = []
        bullet_sym = next((c.marker for c in children if c.kind == "bullet"), None)
        last_bullet = False
        taken: set[int] = set()  # bullets another body's introduction owns
        for k, c in enumerate(children):
            if id(c) in taken:
                continue
            if c.kind in ("table_row", "article"):
                continue  # an article nested by a web copy's layout is a scope of its own
            if c.kind in _HEADINGS:
                c_sec = f"{sec}.{c.marker}" if c.marker else sec
                cs, text = self.own(c)
                if lead_bodies(self.heading_line(c)[0], allow_clause=False) is not None:
                    subs.append((c, sec))
                    last_bullet = False
                    continue
                bullets = [x for x in c.children if x.kind == "bullet"]
                listed = text.rstrip().endswith(":") and any(  # "1. Giúp Thủ tướng:" + a), b)
                    x.kind in _HEADINGS for x in c.children
                )
                if bullets or listed:
                    d, s = self.collect(c.children, c_sec)
                    if not d and not text.rstrip().endswith(":"):
                        d = [_Duty(cs, c.clean_end, c_sec)]  # its bullets were another's
                    duties.extend(d)
                    subs.extend(s)
                else:
                    d = _Duty(cs, c.clean_end, c_sec)
                    d.extra.extend((x.clean_start, x.clean_end) for x in c.children)
                    duties.append(d)
                last_bullet = False
                continue
            cs, text = self.own(c)
            lead = lead_bodies(text, allow_clause=False)
            if lead is not None and (lead.rest or c.children) and c.kind == "bullet":
                subs.append((c, sec))
                last_bullet = False
                continue
            if lead is not None and c.kind == "paragraph" and bound_list.binds(lead.rest):
                subs.append((c, sec))  # "Sở X, Thuế Y và UBND cấp xã có trách nhiệm ..."
                last_bullet = False
                continue
            if c.kind == "bullet" and (c.marker == bullet_sym or not duties):
                for piece in self.split_glued(cs, c.clean_end):
                    d = _Duty(piece[0], piece[1], sec)
                    duties.append(d)
                for x in c.children:
                    share = lead_bodies(self.own(x)[1]) if x.kind == "bullet" else None
                    if share is not None:  # "+ Sở X: hướng dẫn ...": that body's share
                        duties[-1].shares += [
                            (normalize_key(mention(b, self.ctx).name), x.clean_start, x.clean_end)
                            for b in share.bodies
                        ]
                        continue
                    cut = self.body_sentence(x, sec) if x.kind == "paragraph" else x.clean_end
                    if cut > x.clean_start:
                        duties[-1].extra.append((x.clean_start, cut))
                last_bullet = True
                continue
            if duties and (last_bullet or c.kind == "bullet"):
                cut = self.body_sentence(c, sec)
                if cut > c.clean_start:
                    duties[-1].extra.append((c.clean_start, cut))
                continue
            paras = self.paragraphs(c, sec)
            if (
                paras
                and text.rstrip().endswith(":")
                and any(x.kind in ("bullet", "point") for x in children[k + 1 :])
            ):
                if lead is not None and c.kind == "paragraph":
                    taken.update(self.introduced_by(lead, cs, children[k + 1 :], sec))
                continue  # an introduction to the bullets (or lettered points) below
            prev = children[k - 1] if k else None
            if (
                paras
                and duties
                and prev is not None
                and prev.kind == "paragraph"
                and self.one_break(prev.clean_end, c.clean_start)
                and self.full_line(prev.clean_end, prev.clean_start, prev.clean_end)
            ):  # a page break inside a paragraph (a PDF's form feed after a full line)
                duties[-1].extra.append((paras[0].start, paras[0].end))
                paras = paras[1:]
            duties.extend(paras)
        return duties, subs

    def introduced_by(self, lead: _Lead, cs: int, after: list[Node], sec: str) -> set[int]:
        """A paragraph among a body's items that opens with a body of its own and introduces
        the bullets after it ("Bộ Tài chính gửi kèm bộ Cẩm nang gồm:" / "- Cẩm nang ...";
        "Sở Y tế chủ trì các nội dung sau:" / "- ..."): those bullets are that body's, one
        duty each, not the heading body's; the issuer's own words give no duty at all.
        Returns the ids of the bullets taken."""
        bullets: list[Node] = []
        for x in after:
            if x.kind != "bullet" or (bullets and x.marker != bullets[0].marker):
                break
            bullets.append(x)
        if not bullets:
            return set()
        if not all(is_issuer(mention(b, self.ctx).name, self.ctx) for b in lead.bodies):
            own = []
            for x in bullets:
                d = _Duty(self.own(x)[0], x.clean_end, sec)
                d.extra.extend((y.clean_start, y.clean_end) for y in x.children)
                own.append(d)
            for b in lead.bodies:
                self.add(b, cs, lead.mode, own)  # type: ignore[attr-defined]
        return {id(x) for x in bullets}

    def body_sentence(self, c: Node, sec: str) -> int:
        """Where a paragraph after the bullets stops continuing the last one: at a sentence
        that gives a body its own standing role ("... . Phòng X là cơ quan thường trực, có
        trách nhiệm ..."), which is recorded as that body's duty. Returns the cut offset."""
        text = self.clean.text[c.clean_start : c.clean_end]
        for m in _NEW_SENTENCE.finditer(text):
            lead = lead_bodies(text[m.end() :])
            if lead is None or lead.bodies[0].start > 0 or lead.mode != "assigned":
                continue
            if not _STANDING_ROLE.match(fold_same_length(lead.rest)):
                continue
            start = c.clean_start + m.end()
            d = _Duty(start + lead.rest_start, c.clean_end, sec)
            for b in lead.bodies:
                self.add(b, start, "assigned", [d])
            return c.clean_start + m.start() + 1
        return c.clean_end

    def split_glued(self, start: int, end: int) -> list[tuple[int, int]]:
        """'... theo quy định.- Phối hợp ...': two bullets printed on one line."""
        text = self.clean.text[start:end]
        cuts = [m for m in _GLUED.finditer(text)]
        if not cuts:
            return [(start, end)]
        out = []
        pos = 0
        for m in cuts:
            out.append((start + pos, start + m.start()))
            pos = m.end()
        out.append((start + pos, end))
        return out

    def theme(self, n: Node, points: list[Node], sec: str) -> None:
        """'a) Nhiệm vụ, giải pháp' + 'b) Phân công thực hiện: A; B; Đề nghị C ...'."""
        tasks: list[Node] = [c for c in n.children if c not in points]
        duties: list[_Duty] = []
        for t in tasks:
            if t.kind == "point":
                d, _ = self.collect(t.children, f"{sec}.{t.marker}")
                if not d:
                    cs, _text = self.own(t)
                    d = [_Duty(cs, t.clean_end, f"{sec}.{t.marker}")]
                duties.extend(d)
            else:
                d, _ = self.collect([t], sec)
                duties.extend(d)
        for p in points:
            cs, text = self.own(p)
            f = fold_same_length(text)
            m = _THEME_POINT.match(f)
            lines: list[tuple[int, str]] = []
            after = m.end() if m else 0
            while after < len(text) and text[after] in " :.\t":
                after += 1
            if text[after:].strip():
                lines.append((cs + after, text[after:]))
            for c in p.children:
                lines.append(self.own(c))
            for base, line in lines:
                for part in re.finditer(r"[^;]+", line):
                    seg = part.group(0)
                    lead = lead_bodies(seg, list_mode=True)
                    if lead is None:
                        continue
                    for b in lead.bodies:
                        self.add(b, base + part.start(), lead.mode, list(duties))

    # -- appendix tables

    def tables(self) -> None:
        """Every table whose header row names a column of the units that do its rows
        (kg.extract.duties.columns), read row by row; a header that names none, or a table of
        administrative procedures, ends the table before it."""
        cols: Columns | None = None
        width = 0
        carry: _Carry | None = None
        for node in self.s.body:
            for r in node.walk():
                if r.kind != "table_row":
                    continue
                cells = [c.strip() for c in (r.text or "").split("|")]
                if not r.marker:
                    head = read_header(cells)
                    if head is not None or procedure_header(cells):
                        cols, width, carry = head, len(cells), None
                        continue
                if cols is None or len(cells) < 2:
                    continue
                carry = self.table_row(r, cells, cols, width, carry)

    def table_row(
        self, r: Node, cells: list[str], cols: Columns, width: int, carry: _Carry | None
    ) -> _Carry | None:
        """One row's duty for each unit of its unit column. A web copy prints a merged cell
        once, in the first row it covers: a row of the same level that comes short of the
        header's columns and names no unit where the unit column falls takes the units (and,
        short again, the partners) of the row above. Returns what the next row may carry."""
        c_task, c_sup, c_lead, c_time = cols.task, cols.partner, cols.unit, cols.time
        cells = rejoin_wrapped_task(rejoin_dangling(cells), width, c_task, c_lead)
        if all(is_heading_caps(c) for c in cells[1:] if c):
            return None  # "I" / "NHÓM GIẢI PHÁP VỀ CƠ CHẾ": a group's title row, no task
        task = cells[c_task] if c_task is not None and c_task < len(cells) else r.title
        if not task:
            return None
        level = re.sub(r"\d+", "9", re.sub(r"^[IVX]+(?![a-z])", "R", r.marker))
        short = width - len(cells)
        lead_cell = cells[c_lead] if c_lead < len(cells) else ""
        j = c_lead - short
        if (
            short > 0
            and not _opens_with_body(lead_cell)
            and (c_task is None or c_task < j)
            and j < len(cells)
            and _opens_with_body(cells[j])
        ):  # a cell before the unit column lost or joined to its neighbour: align on the right
            cells = [*cells[:j], *[""] * short, *cells[j:]]
            lead_cell = cells[c_lead]
        leads = [x for b in unit_cell_leads(lead_cell) for x in per_tier(b, self.ctx)]
        overran = len(cells) > width and not _opens_with_body(lead_cell)
        if overran:  # a row running past the header's columns (a web copy's tail joined to the
            # last row): the table ended inside it, its unit cell is the merged one above
            leads, cells = [], cells[: min(width, c_lead)]
        if (
            leads
            and short > 0
            and carry is not None
            and carry.level == level
            and c_sup is not None
            and c_lead < c_sup
            and not (c_lead + 1 < len(cells) and find_bodies(cells[c_lead + 1], list_mode=True))
            and {mention(b, self.ctx).name for b in leads} == {m.name for m in carry.sup_mentions}
        ):  # the row above's partners again, where its unit was, and no partner cell after
            # them: the unit cell was merged
            leads = []
        sups: list[BodyMatch] | None = None
        sup_mentions: list[BodyMention] = []
        if not leads and carry is not None and carry.level == level and len(cells) < width:
            leads = carry.leads  # the unit cell merged with the rows above
            cells = [*cells[:c_lead], "", *cells[c_lead:]]
            if c_sup is not None and len(cells) < width:
                sup_cell = cells[c_sup] if c_sup < len(cells) else ""
                if not find_bodies(sup_cell, list_mode=True):
                    cells = [*cells[:c_sup], "", *cells[c_sup:]]
                    sups, sup_mentions = carry.sups, carry.sup_mentions
        if not leads:
            return None
        if sups is None:
            sup_cell = cells[c_sup] if c_sup is not None and c_sup < len(cells) else ""
            sups = [  # "Trung tâm X (Sở Y)": the body in brackets is X's parent, no partner
                x
                for b in find_bodies(sup_cell, list_mode=True)
                if sup_cell[: b.start].rstrip()[-1:] != "("
                for x in partner_tiers(b, self.ctx)
            ]
            sup_mentions = [mention(b, self.ctx) for b in sups]
            sup_mentions += self.short_names().in_list(  # type: ignore[attr-defined]
                sup_cell, [(b.start, b.end) for b in sups], lambda s, e: r.span
            )
        deadline = cells[c_time] if c_time is not None and c_time < len(cells) else None
        sec = f"Phụ lục.{r.marker}" if r.marker else "Phụ lục"
        lead_mentions = [mention(b, self.ctx) for b in leads]
        # GUIDE: a row is one duty of each body in its lead column; the bodies of the phối
        # hợp column are that duty's partners and get no entry from the row
        for b, bm in zip(leads, lead_mentions, strict=True):
            bm.span = r.span
            role = "lead" if cols.leads else "participant"
            partners = [p for p in sup_mentions if p.name != bm.name]
            d = _TableDuty(task, r.span, role, sec, deadline or None, partners)
            self._add_table(b, bm, d)
        return _Carry(level, leads, sups, sup_mentions)

    def _add_table(self, b: BodyMatch, bm: BodyMention, d: _TableDuty) -> None:
        key = normalize_key(bm.name)
        draft = self.drafts.get(key)
        if draft is None:
            draft = _Draft(key, bm, "assigned", bm.span)
            self.drafts[key] = draft
            self.order.append(key)
        draft.duties.append(d)  # type: ignore[arg-type]

    # -- results
