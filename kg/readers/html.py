"""Web pages of legal portals: the document's own text, not the page around it.

A saved page carries menus, banners, search boxes, "related documents" lists and
footers around the document. They go in two steps: elements that are never
content (script, nav, forms, ...) or are named as page furniture in their
class/id are dropped; then, from the body down, we follow the child that holds
most of the remaining non-link text until no child holds most of it -- the
container of the document itself. Link lists (menus, related documents) weigh
nothing there because their text is link text. Tables keep rows and cells
(kg.readers.layout). Segments give each run's character offset in the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kg.readers.layout import Cell, Layout, Piece

_DROP = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "option", "iframe", "svg", "canvas", "head", "title", "menu", "object",
}  # fmt: skip
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "source", "area", "base"}
_BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "table", "tr", "body", "html",
    "address", "figure", "figcaption",
}  # fmt: skip
# class/id words that name page furniture on portals (menus, banners, share bars, lists of
# related or newest documents, comments, ads)
_FURNITURE = re.compile(
    r"(?i)(?:^|[-_\s])(?:nav|navbar|menu|banner|breadcrumbs?|footer|header|sidebar|side|"
    r"related|lienquan|vbl?q|share|social|comment|comments|advert|ads|quangcao|login|search|"
    r"tabs?|toolbar|popup|modal|cookie)(?:$|[-_\s\d])"
)
# tags a new one of which closes an open one (HTML's implied end tags)
_CLOSES = {"p": {"p"}, "li": {"li"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"}}  # fmt: skip


@dataclass
class _El:
    tag: str
    attrs: dict[str, str]
    children: list[_El | _Text] = field(default_factory=list)


@dataclass
class _Text:
    text: str
    offset: int


class _Tree(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _El("#root", {})
        self.stack = [self.root]
        starts = [0]
        for m in re.finditer("\n", page):
            starts.append(m.end())
        self._starts = starts

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = _CLOSES.get(tag)
        if closes:
            for k in range(len(self.stack) - 1, 0, -1):
                t = self.stack[k].tag
                if t in closes:
                    del self.stack[k:]
                    break
                if t in ("table", "ul", "ol", "div") or t == tag:
                    break
        el = _El(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_El(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(_Text(data, self._offset()))


def _furniture(el: _El) -> bool:
    if el.tag in _DROP:
        return True
    if "hidden" in el.attrs or el.attrs.get("aria-hidden") == "true":
        return True
    style = el.attrs.get("style", "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    names = f"{el.attrs.get('class', '')} {el.attrs.get('id', '')} {el.attrs.get('role', '')}"
    return bool(_FURNITURE.search(names))


def _prune(el: _El) -> None:
    el.children = [c for c in el.children if isinstance(c, _Text) or not _furniture(c)]
    for c in el.children:
        if isinstance(c, _El):
            _prune(c)


def _weight(node: _El | _Text, in_link: bool = False) -> int:
    """Non-link letters under a node."""
    if isinstance(node, _Text):
        return 0 if in_link else sum(ch.isalnum() for ch in node.text)
    link = in_link or node.tag == "a"
    return sum(_weight(c, link) for c in node.children)


def _main(root: _El) -> _El:
    """Follow the child holding most of the text until none holds most of it."""
    node = root
    while True:
        total = _weight(node)
        kids = [c for c in node.children if isinstance(c, _El)]
        if not kids or total == 0:
            return node
        best = max(kids, key=_weight)
        if best.tag in ("table", "tr", "tbody", "td", "p") or _weight(best) < 0.7 * total:
            return node
        node = best


class _Render:
    """Walk the content container into a Layout."""

    def __init__(self) -> None:
        self.out = Layout()
        self.pieces: list[Piece] = []

    def flush(self) -> None:
        if self.pieces:
            self.out.line(self.pieces)
            self.pieces = []

    def walk(self, el: _El, pre: bool = False) -> None:
        for c in el.children:
            if isinstance(c, _Text):
                if pre:
                    for k, part in enumerate(c.text.split("\n")):
                        if k:
                            self.flush()
                        self.pieces.append(Piece(part, "page", c.offset))
                else:
                    self.pieces.append(Piece(c.text, "page", c.offset))
            elif c.tag == "br":
                self.flush()
            elif c.tag == "table":
                self.flush()
                self.out.table(self.rows(c))
            elif c.tag in _BLOCK:
                self.flush()
                if c.tag == "ol":
                    self.ordered(c)
                else:
                    self.walk(c, pre or c.tag == "pre")
                self.flush()
            else:
                self.walk(c, pre)

    def ordered(self, ol: _El) -> None:
        start = ol.attrs.get("start", "1")
        n = int(start) if start.isdigit() else 1
        for c in ol.children:
            if isinstance(c, _El) and c.tag == "li":
                self.pieces.append(Piece(f"{n}. ", ""))
                self.walk(c)
                self.flush()
                n += 1
            elif isinstance(c, _El):
                self.walk(c)

    def rows(self, table: _El) -> list[list[Cell]]:
        rows: list[list[Cell]] = []

        def visit(el: _El) -> None:
            for c in el.children:
                if not isinstance(c, _El) or c.tag == "table":
                    continue  # a nested table's cells belong to its own cell
                if c.tag == "tr":
                    rows.append([self.cell(td) for td in c.children if _is_cell(td)])
                else:
                    visit(c)

        visit(table)
        return [r for r in rows if r]

    def cell(self, td: _El) -> Cell:
        sub = _Render()
        sub.walk(td)
        sub.flush()
        cell = Cell()
        text = sub.out.text()
        # rebuild the cell's lines with their sources from the sub-layout's segments
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            pieces = [
                Piece(text[max(s.start, pos) : min(s.end, end)], s.where, s.offset)
                for s in sub.out.segments
                if s.start < end and s.end > pos
            ]
            if line.strip():
                cell.lines.append(pieces or [Piece(line, "")])
            pos = end + 1
        return cell


def _is_cell(node: _El | _Text) -> bool:
    return isinstance(node, _El) and node.tag in ("td", "th")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and ("<body" in head or "<head" in head)
    )


def charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset=...>)."""
    m = re.search(rb"""(?i)<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def layout_page(page: str) -> Layout:
    """The document text of an HTML page, laid out."""
    tree = _Tree(page)
    tree.feed(page)
    tree.close()
    _prune(tree.root)
    r = _Render()
    r.walk(_main(tree.root))
    r.flush()
    return r.out
