"""Tasks that name who does them on cue lines of their own, as a task table does in columns.

Plans drafted after the Government's implementation plans list each task as a numbered item
(or lettered point) with its lines: "- Nội dung: ...", "- Cơ quan chủ trì: A; B" (or
"- Cơ quan thực hiện: A chủ trì ...; B, C chủ động ..."), "- Cơ quan phối hợp: D, E",
"- Thời gian thực hiện: ...". GUIDE: such a task is read as a table row: one duty for each
body on the lead (or executor) line, whose partners are the bodies of the phối hợp line; a
body named only as a partner gets no duty from the row. On an executor line a body leads
when the line says it chủ trì, or when the task also has a phối hợp line (the thực hiện /
phối hợp split is the chủ trì / phối hợp split); otherwise it only takes part.
"""

from __future__ import annotations

import re

from kg.extract.bodies import BodyMatch, find_bodies, mention
from kg.extract.duties.rules import (
    _CUE_LEAD,
    _CUE_OTHER,
    _CUE_SUPPORT,
    _CUE_TIME,
    _SEGMENT,
    _TableDuty,
    parse_list,
    parse_list_past,
)
from kg.extract.tiers import partner_tiers, per_tier
from kg.models import Node
from kg.text import fold_same_length

# one item of a list that is no known body, between two that are: ", <item> và "
_SKIP_ONE = re.compile(r"\s*(?:,|va)\s+[^,;.()]{1,40}?\s*(?:,\s*va|,|va)\s+")
_SAYS_LEAD = re.compile(r"[\s,]*(?:(?:khan\s+truong|truc\s+tiep)\s+)?chu\s+tri(?![a-z])")


class _Tasks:
    """Task-with-cue-lines methods of the walker (kg.extract.duties.walker._Walker)."""

    def cue_parts(self, n: Node) -> list[tuple[int, int]]:
        """Clean spans of a task's lines: the node's own text, then each child's, a child's
        paragraphs joined to it (a web copy may print "- Cơ quan chủ trì: Sở" / "Tài chính")."""
        cs, _ = self.own(n)  # type: ignore[attr-defined]
        parts = [(cs, n.clean_end)]
        for c in n.children:
            if c.kind == "table_row":
                continue
            s, _ = self.own(c)  # type: ignore[attr-defined]
            end = c.clean_end
            for g in c.children:
                if g.kind == "paragraph":
                    end = max(end, g.clean_end)
            parts.append((s, end))
        return parts

    def has_cues(self, n: Node) -> bool:
        for s, e in self.cue_parts(n):
            folded = fold_same_length(self.clean.text[s:e])  # type: ignore[attr-defined]
            for seg in _SEGMENT.finditer(folded.replace("\n", " ")):
                if _CUE_LEAD.match(seg.group(0)):
                    return True
        return False

    def task(self, n: Node, sec: str) -> None:
        """A task with its lead, partners and time given on cue lines."""
        text = self.clean.text  # type: ignore[attr-defined]
        task_bits: list[tuple[int, int]] = []
        leads: list[tuple[BodyMatch, int, bool]] = []  # body, base offset, says chủ trì
        sups: list[tuple[BodyMatch, int]] = []
        executor_only = True
        deadline = None
        for s, e in self.cue_parts(n):
            flat = text[s:e].replace("\n", " ")
            folded = fold_same_length(flat)
            cue: str | None = None
            for seg in _SEGMENT.finditer(flat):
                f = folded[seg.start() : seg.end()]
                lead = _CUE_LEAD.match(f)
                sup = None if lead else _CUE_SUPPORT.match(f)
                if lead or sup:
                    cue = "lead" if lead else "support"
                    if lead and lead.group("lead"):
                        executor_only = False
                    m = lead or sup
                    assert m is not None
                    self._cue_bodies(
                        flat, s, seg.start() + m.end(), seg.end(), cue, leads, sups, first=True
                    )
                    continue
                m = _CUE_TIME.match(f)
                if m:
                    cue = "time"
                    deadline = " ".join(seg.group(0)[m.end() :].split()).rstrip(".") or None
                    continue
                if _CUE_OTHER.match(f):
                    cue = "other"
                    continue
                if cue in ("lead", "support"):  # "...; Sở Tư pháp và các sở ... chủ động ..."
                    pos = seg.start() + len(seg.group(0)) - len(seg.group(0).lstrip(" ;,"))
                    self._cue_bodies(flat, s, pos, seg.end(), cue, leads, sups, first=False)
                    continue
                if cue is None and seg.group(0).strip(" .:-"):
                    task_bits.append((s + seg.start(), s + seg.end()))
        if not leads or not task_bits:
            return
        shown = " ".join(" ".join(text[a:b].split()) for a, b in task_bits).strip(" :")
        span = self.clean.to_original(task_bits[0][0], task_bits[-1][1])  # type: ignore[attr-defined]
        ctx = self.ctx  # type: ignore[attr-defined]
        sup_m = [mention(b, ctx, base=base, clean=self.clean) for b, base in sups]  # type: ignore[attr-defined]
        for b, base, says_lead in leads:
            bm = mention(b, ctx, base=base, clean=self.clean)  # type: ignore[attr-defined]
            role = "lead" if says_lead or not executor_only or sups else "participant"
            partners = [p for p in sup_m if p.name != bm.name]
            self._add_table(b, bm, _TableDuty(shown, span, role, sec, deadline, partners))  # type: ignore[attr-defined]

    def _cue_bodies(
        self,
        flat: str,
        base: int,
        start: int,
        end: int,
        cue: str,
        leads: list[tuple[BodyMatch, int, bool]],
        sups: list[tuple[BodyMatch, int]],
        *,
        first: bool,
    ) -> None:
        """Bodies of one clause of a cue line: the list it opens with ("Sở Nội vụ chủ trì
        ...", "Sở Tư pháp và các sở, ban, ngành ... chủ động ..."); the first clause of a
        line that is no list at its start gives every body it names."""
        found, stop = parse_list(flat, start, list_mode=True)
        if found and cue == "lead":  # "A, cơ quan thông tấn báo chí và B": one unknown item
            found, stop = parse_list_past(flat, found, stop, _SKIP_ONE, list_mode=True)
        if cue == "support" or not found and first:
            found = [
                b
                for b in find_bodies(flat[start:end], list_mode=True)
                if flat[: start + b.start].rstrip()[-1:] != "("
            ]
            for b in found:
                b.start, b.end = b.start + start, b.end + start
            stop = end
        says_lead = bool(_SAYS_LEAD.match(fold_same_length(flat[stop : stop + 40])))
        tiers = per_tier if cue == "lead" else partner_tiers
        for b in (x for f in found for x in tiers(f, self.ctx)):  # type: ignore[attr-defined]
            if cue == "lead":
                leads.append((b, base, says_lead))
            else:
                sups.append((b, base))
