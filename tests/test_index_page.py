"""kg.views.index_page: a national index keeps its rows in parts (index-data/*.js) that a
plan added elsewhere leaves as they were."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.read import DocLink, Document
from kg.views import index_page
from kg.views.common import Site
from kg.views.site import write_site
from tests.test_views import ID, national
from tests.test_views_incremental import tree


def _rows(site: Path) -> dict[str, list]:
    """The tables as site.js joins them: the parts in the order index.html loads them."""
    index = (site / "index.html").read_text(encoding="utf-8")
    out: dict[str, list] = {"docs": [], "cited": [], "bodies": []}
    for src in re.findall(r'<script src="(index-data/[^"]+)"></script>', index):
        text = (site / src).read_text(encoding="utf-8")
        table, rows = json.loads(re.fullmatch(r".*?push\((.*)\);\s*", text, re.S).group(1))
        out[table] += rows
    return out


def _plus_one(data):
    extra = ID + "doc/p3-extra"
    data.docs[extra] = Document(
        extra, number="9/KH-UBND", level="district", province="Tỉnh 3", ingested=True
    )
    data.links.append(DocLink(extra, ID + "doc/p3", "implements"))
    return data


def test_an_added_plan_rewrites_one_part_of_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(index_page, "PART_ROWS", 40)
    write_site(national(20, 50), tmp_path / "before", index_rows=100)
    full = tmp_path / "full"
    write_site(_plus_one(national(20, 50)), full, index_rows=100)
    write_site(
        _plus_one(national(20, 50)), tmp_path / "inc", index_rows=100, previous=tmp_path / "before"
    )
    assert tree(tmp_path / "inc") == tree(full)
    docs = _rows(full)["docs"]
    assert len(docs) == 20 * 50 + 1  # every document read, once, in the index's order
    site = Site.of(_plus_one(national(20, 50)))
    assert [r[-1] for r in docs] == [site.doc_pages[d.iri] for d in site.docs if d.ingested]
    before = {p.name: p.read_bytes() for p in (tmp_path / "before" / "index-data").iterdir()}
    after = {p.name: p.read_bytes() for p in (full / "index-data").iterdir()}
    assert len(after) > 20
    changed = {n for n in after if before.get(n) != after[n]}
    assert 1 <= len(changed) <= 2, changed  # the part the plan falls in (split when it ends one)
    kept = [p for p in (tmp_path / "inc" / "index-data").iterdir() if p.stat().st_nlink > 1]
    assert len(kept) >= len(after) - 2
