"""The metadata table a legal-document website prints above its copy of a document.

A web copy often begins with page furniture and a table of the page's own metadata, one
cell per line: "Số hiệu:" / "6316/BVHTTDL-VP", "Loại văn bản:" / "Công văn", "Nơi ban
hành:" / "Bộ Tài chính", "Người ký:" / a name, "Ngày ban hành:" / "21/11/2025". kg.text
drops that table from the clean text (the document's own header states the same facts),
but when the copy lost the header (it starts at "Kính gửi" or at the trích yếu) the table
is the only place that says them; kg.extract.header reads them from here then, with
spans into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import lexicon
from kg.models import Span
from kg.text import normalize_key

# the labels of the table, and the record field each gives; the values that say nothing
# (ontology/phrases.ttl)
_LABELS = {
    normalize_key(w): field
    for field in ("number", "type", "issuer", "signer", "date")
    for w in lexicon.phrases(f"page-{field}")
}
_CELL = re.compile(
    r"^(?P<label>[^\n:]{4,20}):[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<value>[^\n]+?)[ \t]*$", re.M
)
_TABLE_END = re.compile(r"^Tình trạng:", re.M)
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})$")
_UNKNOWN = frozenset(normalize_key(w) for w in lexicon.phrases("page-unknown"))


@dataclass
class PageField:
    value: str
    span: Span  # in the original text


def page_metadata(original: str) -> dict[str, PageField]:
    """The table's fields by record field name ("number", "type", "issuer", "signer",
    "date" as ISO); empty when the text has no such table before its document."""
    head = original[:6000]
    start = head.find("Số hiệu:")
    if start < 0:
        return {}
    end_m = _TABLE_END.search(head, start)
    end = end_m.start() if end_m else min(len(head), start + 1500)
    out: dict[str, PageField] = {}
    for m in _CELL.finditer(head, start, end):
        field = _LABELS.get(normalize_key(m["label"]))
        value = m["value"].strip()
        if field is None or field in out or normalize_key(value) in _UNKNOWN:
            continue
        if field == "date":
            dm = _DMY.match(value)
            if not dm:
                continue
            value = f"{dm[3]}-{int(dm[2]):02d}-{int(dm[1]):02d}"
        out[field] = PageField(value, Span(m.start("value"), m.end("value")))
    return out
