"""The body: lines grouped into units (items, points, paragraphs, table rows) and nodes."""

from __future__ import annotations

import re

from kg.models import Node
from kg.structure.lines import (
    _BASIS,
    _CLOSING_FORMULA,
    _COLUMN_NAMES,
    _INLINE_LIST,
    _ROW_NO,
    _cells,
    _ends_sentence,
    _first_sentence,
    _Line,
    _Table,
    _Unit,
    bare_marker,
    cell_per_line_table,
    heading_goes_on,
    match_marker,
)
from kg.text import is_heading_caps, normalize_key

# a heading line cut where no heading ends: after a comma or a joining word ("3. Sở Văn hóa,
# Thể thao và" / "Du lịch: ...", "1. Đề nghị Ban Tuyên giáo và" / "Dân vận Tỉnh ủy: ..."), the
# web copy wrapped it early and the next line goes on with the same name
_DANGLING = re.compile(r"(?:,|(?<!\w)(?:và|của|với|thuộc))$")


def _absorb_title(lines: list[_Line], u: _Unit, idx: int, hi: int) -> int:
    """An appendix heading's title and "(Kèm theo ...)" note lines join the heading."""
    while idx < hi and idx <= u.first + 3:
        t = lines[idx].text.replace("\t", " ").strip()
        if "\t" in lines[idx].text or match_marker(t) or normalize_key(t) in _COLUMN_NAMES:
            break
        if not (is_heading_caps(t) or (t.startswith("(") and t.endswith(")"))):
            break
        u.last = idx
        idx += 1
    return idx


class _UnitParser:
    """Body-unit and table methods of the parser (kg.structure.parser._Parser)."""

    def _unit_for_line(self, idx: int) -> _Unit:
        ln = self.lines[idx]
        text = ln.text
        mk = match_marker(text)
        flat = text.replace("\t", " ")
        if mk:
            kind, rank, marker, title, style = mk
            text_start = ln.start + (len(flat) - len(title)) if title else ln.end
            unit = _Unit(kind, marker, rank, style, idx, idx, text_start)
            # a marker line whose text is still in columns is a table row ("1.\tNội dung\t...")
            if kind in ("item", "point"):
                cells = _cells(ln, merge_lower=False)
                if "\t" not in text[text_start - ln.start :]:
                    cells = self._narrow_table(idx) or []
                if len(cells) >= 3:
                    unit = _Unit("table_row", marker, 9, ("table",), idx, idx, ln.start, cells)
            return unit
        cells = _cells(ln)
        if len(cells) < 2 and "\t" not in text:
            cells = self._narrow_table(idx) or cells
        if len(cells) >= 2:
            marker = (
                cells[0][0].strip().rstrip(".") if cells[0][0].strip().rstrip(".").isdigit() else ""
            )
            return _Unit("table_row", marker, 9, ("table",), idx, idx, ln.start, cells)
        return _Unit("paragraph", "", 9, ("paragraph",), idx, idx, ln.start)

    def _continues(self, unit: _Unit, idx: int) -> bool:
        """Does line ``idx`` (no marker of its own) continue ``unit``?"""
        if unit.kind == "table_row":
            return False
        prev = self.lines[idx - 1]
        ln = self.lines[idx]
        if "\t" in ln.text and len(_cells(ln)) >= 2 or self._narrow_table(idx):
            return False
        prev_text = prev.text.rstrip()
        if unit.first == idx - 1 and heading_goes_on(
            unit.kind, self.text[unit.text_start : prev.end], ln
        ):
            return True
        if is_heading_caps(prev_text) or is_heading_caps(ln.text):
            return False
        short = self.widths.short(prev.end)
        if _ends_sentence(prev_text) and (_BASIS.match(ln.text) or _CLOSING_FORMULA.match(ln.text)):
            return False  # one "Căn cứ ...;" per legal basis; "Trên đây là ..." stands alone
        colon_head = prev_text.endswith(":") and not _INLINE_LIST.search(prev_text)
        if _ends_sentence(prev_text) and (short or ln.blank_before or colon_head):
            return False
        if (
            unit.kind != "paragraph"
            and short
            and not _DANGLING.search(prev_text)
            and not re.search(r"[.;:!?](?:\s|$)", self.text[unit.text_start : prev.end])
        ):
            return False  # a heading (maybe wrapped): "1. Phòng Tư pháp" then its paragraph
        return not (ln.blank_before and short and unit.first == idx - 1)

    def _wrapped_dash(self, unit: _Unit, idx: int) -> bool:
        """A dash line right after a full-width line that stops mid-sentence
        continues that line (the dash is "Lao động - Thương binh")."""
        ln, prev = self.lines[idx], self.lines[idx - 1]
        prev_text = prev.text.rstrip()
        offs, w = self.clean.offsets, self.widths
        return (
            unit.kind != "table_row"
            and w.line_of(offs[prev.end - 1]) != w.line_of(offs[ln.start])  # not split by clean
            and ln.text[:1] in "-–"
            and not ln.blank_before
            and "\t" not in prev.text
            and not _ends_sentence(prev_text)
            and not prev_text.endswith(",")
            and not is_heading_caps(prev_text)
            and self.widths.last_segment(prev.end) >= 0.88 * self.widths.width
        )

    def units(self, lo: int, hi: int) -> list[_Unit]:
        out: list[_Unit] = []
        table: _Table | None = None
        idx = lo
        while idx < hi:
            per_line = self._cell_per_line_table(idx, hi)
            if per_line:
                rows, idx = per_line
                out.extend(rows)
                table = None
                continue
            text = self.lines[idx].text
            mk = match_marker(text)
            if (
                table is not None
                and out
                and out[-1].kind == "table_row"
                and not (mk and mk[0] in ("part", "article"))
                and self._table_line(table, out, idx)
            ):
                idx += 1
                continue
            if mk and mk[0] == "bullet" and out and self._wrapped_dash(out[-1], idx):
                mk = None  # "Sở Lao động\n- Thương binh và Xã hội": a wrap, not a bullet
            bare = None if mk else bare_marker(self.lines, idx, hi, self._narrow_table)
            if bare is not None:  # "1.1." / "-" alone, its text on the next line
                u = _Unit(*bare[:4], idx, idx + 1, bare[4])
                out.append(u)
                idx, table = idx + 2, None
                idx = self._title_lines(u, idx, hi)
                continue
            if out and not mk and self._continues(out[-1], idx):
                out[-1].last = idx
                idx += 1
                continue
            u = self._unit_for_line(idx)
            table = self._new_table(u) if u.kind == "table_row" else None
            out.append(u)
            idx += 1
            if mk and mk[0] == "article" and not mk[3] and self._title_below(idx, hi):
                u.last, u.text_start = idx, self.lines[idx].start  # "Điều 12." / "Trách nhiệm ..."
                idx += 1
            if u.rank == -1:
                idx = _absorb_title(self.lines, u, idx, hi)
            else:
                idx = self._title_lines(u, idx, hi)
        return out

    def _title_lines(self, u: _Unit, idx: int, hi: int) -> int:
        """A chapter printed with its title on lines of its own ("Chương III" / "TỔ CHỨC" /
        "THỰC HIỆN", as web copies print a Quy chế's chapters): the title joins the heading."""
        if u.kind != "part" or u.text_start != self.lines[u.last].end:
            return idx
        first = idx
        idx = _absorb_title(self.lines, u, idx, min(hi, first + 3))
        if u.last >= first:
            u.text_start = self.lines[first].start
        return idx

    def _title_below(self, idx: int, hi: int) -> bool:
        """Is line ``idx`` the title of an article printed bare on the line before ("Điều
        12." / "Trách nhiệm của Cục Điện lực"), as web copies print it?"""
        if idx >= hi:
            return False
        t = self.lines[idx].text.strip()
        if "\t" in t or match_marker(t) or not t[:1].isupper() or t.endswith((",", ";", ".")):
            return False
        if idx + 1 >= hi:
            return True
        nxt = self.lines[idx + 1]  # a title ends its line; a sentence goes on in lower case
        return nxt.blank_before or bool(match_marker(nxt.text)) or nxt.text.strip()[:1].isupper()

    # ------------------------------------------------------------ tables

    def _aligned(self, idx: int) -> bool:
        raw = self.widths.raw_line(self.lines[idx].start)
        return "\t" not in raw and "|" not in raw

    def _intervals(self, cells: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
        return [(self.widths.col(s), self.widths.col(max(s, e - 1)) + 1) for _t, s, e in cells]

    def _new_table(self, u: _Unit) -> _Table:
        if self._aligned(u.first):
            u.cells = self._table_cells(u.first)
            u.grid = [[c[0].strip()] for c in u.cells]
            return _Table(self._intervals(u.cells))
        u.grid = [[c[0].strip()] for c in u.cells]
        return _Table(None)

    def _place(self, table: _Table, cells: list[tuple[str, int, int]]) -> list[list[str]]:
        """Put each cell in the table column it overlaps most."""
        assert table.cols is not None
        grid: list[list[str]] = [[] for _ in table.cols]
        starts = [c[0] for c in table.cols] + [10**9]
        for (text, _s, _e), (a, b) in zip(cells, self._intervals(cells), strict=True):
            best = max(
                range(len(table.cols)),
                key=lambda k: (min(b, starts[k + 1]) - max(a, starts[k]), -abs(a - starts[k])),
            )
            grid[best].append(text.strip())
        return grid

    def _wide_gap(self, i: int) -> bool:
        """Clean space ``i`` stands for two or more spaces on the same original line."""
        if self.text[i] != " ":
            return False
        a, b = self.clean.offsets[i], self.clean.offsets[i + 1]
        return b - a >= 2 and not self.clean.source.text[a:b].strip(" \t\u00a0")

    def _table_cells(self, idx: int) -> list[tuple[str, int, int]]:
        """Cells of an aligned table line: tab gaps, and also two-space gaps in the
        original (tight columns), which the clean text shows as one space."""
        ln = self.lines[idx]
        out: list[tuple[str, int, int]] = []
        for _text, s, e in _cells(ln, merge_lower=False):
            start = s
            for i in range(s, e):
                if self._wide_gap(i):
                    out.append((self.text[start:i], start, i))
                    start = i + 1
            out.append((self.text[start:e], start, e))
        return [c for c in out if c[0].strip()]

    def _narrow_table(self, idx: int) -> list[tuple[str, int, int]] | None:
        """Cells of a table row whose columns are only two spaces apart. Justified
        prose also has double spaces, but between single words; table cells are
        mostly several words long."""
        cells = self._narrow_cells(idx)
        if cells is None:
            return None
        starts = {self.widths.col(s) for _t, s, _e in cells[1:]}
        for j in (idx - 1, idx + 1):
            other = self._narrow_cells(j) if 0 <= j < len(self.lines) else None
            if other is None:
                continue
            near = {self.widths.col(s) for _t, s, _e in other[1:]}
            if sum(1 for a in starts if any(abs(a - b) <= 2 for b in near)) >= 2:
                return cells  # columns line up with the row above or below
        return None

    def _narrow_cells(self, idx: int) -> list[tuple[str, int, int]] | None:
        ln = self.lines[idx]
        if self.widths.line_of(self.clean.offsets[ln.start]) != (
            self.widths.line_of(self.clean.offsets[ln.end - 1])
        ):
            return None  # a re-joined paragraph is prose
        cells = self._table_cells(idx)
        if len(cells) < 3:
            return None
        segs = [c[0].strip() for c in cells]
        body = segs[1:] if _ROW_NO.match(segs[0]) else segs
        multi = sum(1 for x in body if len(x.split()) >= 2)
        return cells if len(body) >= 2 and multi * 2 >= len(body) else None

    def _table_line(self, table: _Table, out: list[_Unit], idx: int) -> bool:
        """Read line ``idx`` as a new row or as the continuation of wrapped cells of
        the last row; False when the table has ended."""
        ln = self.lines[idx]
        if table.cols is None or not self._aligned(idx):
            return False
        cells = self._table_cells(idx)
        last = out[-1]
        if len(cells) > len(table.cols):
            return False  # a wider row: start a new table layout
        grid = self._place(table, cells)
        if len(cells) == len(table.cols) and grid[0] and any(len(g) != 1 for g in grid):
            grid = [[c[0].strip()] for c in cells]  # a full row, columns not lined up
        col0 = grid[0]
        if (
            len(cells) == 1
            and self.widths.col(ln.start) <= table.cols[0][0] + 1
            and not (_ROW_NO.match(cells[0][0].strip()) or cells[0][0][:1].islower())
        ):
            return False  # back at the left margin: text after the table
        if col0 and (_ROW_NO.match(col0[0]) or len(cells) >= max(2, (len(table.cols) + 1) // 2)):
            marker = col0[0].rstrip(".") if _ROW_NO.match(col0[0]) else ""
            out.append(_Unit("table_row", marker, 9, ("table",), idx, idx, ln.start, cells, grid))
            return True
        assert last.grid is not None
        for k, frags in enumerate(grid):
            if k < len(last.grid):
                last.grid[k].extend(frags)
        last.last = idx
        return True

    def _cell_per_line_table(self, idx: int, hi: int) -> tuple[list[_Unit], int] | None:
        return cell_per_line_table(self.lines, idx, hi)

    def node(self, u: _Unit) -> Node:
        start = self.lines[u.first].start
        end = self.lines[u.last].end
        if u.kind == "table_row":
            if u.grid is not None:
                cells = [" ".join(frags).strip() for frags in u.grid]
            else:
                cells = [c[0].strip() for c in u.cells]
            numbered = bool(u.marker and cells and cells[0].rstrip(".") == u.marker)
            body = cells[1:] if numbered else cells
            text = " | ".join(cells)
            title = body[0] if body else text
        else:
            text = self.text[u.text_start : end].replace("\n", " ").replace("\t", " ")
            title = _first_sentence(text)
        return Node(
            kind=u.kind,  # type: ignore[arg-type]
            marker=u.marker,
            title=title,
            text=text,
            span=self.span(start, end),
            clean_start=start,
            clean_end=end,
            text_start=u.text_start,
        )

    # ------------------------------------------------------------ closing
