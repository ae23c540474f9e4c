"""The staff site without a browser: page model from SPARQL, escaping, grouping, page files."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.read import (
    Assignment,
    Body,
    DocLink,
    Document,
    Duty,
    Evidence,
    ReadModel,
    Report,
    load_model,
)
from kg.views.common import (
    NODE_LIMIT,
    Site,
    fold,
    highlight_html,
    page_names,
    quote_html,
    safe_json,
    short_name,
)
from kg.views.graphs import cascade_graph, doc_graph
from kg.views.site import PAGE_KINDS, build_site, write_site

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
ID = "https://w3id.org/dkg/id/"
PAYLOADS = ("<script>window.__pwned", '"><svg onload=', "<img src=x onerror=")


def sample_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def sample_data() -> ReadModel:
    return load_model(sample_store())


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("views") / "site"
    build_site(sample_store(), out)
    return out


# ---------------------------------------------------------------- helpers


def test_fold_strips_marks_and_d():
    assert fold("Phòng Giáo dục và Đào tạo") == "phong giao duc va dao tao"
    assert fold("ĐOÀN THANH NIÊN") == "doan thanh nien"
    assert fold("hoá") == fold("hóa") == "hoa"


def test_safe_json_cannot_close_script():
    value = {"t": "</script><!--<script>&\u2028\u2029 Sở"}
    text = safe_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert "Sở" in text  # Vietnamese kept readable
    assert json.loads(text) == value


@given(st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_highlight_html_escapes_every_piece(text, a, b):
    start, end = min(a, b), max(a, b)
    out = highlight_html(text, start, end)
    assert out.count("<mark>") == 1 and out.count("</mark>") == 1
    before, rest = out.split("<mark>")
    marked, after = rest.split("</mark>")
    assert "<" not in before + marked + after
    s, e = min(start, len(text)), min(end, len(text))
    assert html.unescape(before) == text[:s]
    assert html.unescape(marked) == text[s:e]
    assert html.unescape(after) == text[e:]


def test_highlight_html_with_context_cuts_at_lines():
    text = "dòng một\n<b>Chủ trì</b> kiểm tra\ndòng ba"
    start = text.index("<b>")
    out = highlight_html(text, start, start + len("<b>Chủ trì</b>"), context=5)
    assert out.startswith("…<mark>&lt;b&gt;Chủ trì&lt;/b&gt;</mark> kiểm")


def test_quote_html_from_selector():
    ev = Evidence("d", 10, 20, exact="<x>", prefix="ạo a&", suffix='"b c')
    assert quote_html(ev) == "…a&amp;<mark>&lt;x&gt;</mark>&quot;b…"


def test_page_names_are_unique_and_safe():
    iris = [ID + "body/so-gddt/ha-nam", ID + "body/so-gddt/ha-nam/", ID + "body/sở gd/hà nam"]
    names = page_names(iris, "body")
    assert len(set(names.values())) == len(set(iris))
    assert all(re.fullmatch(r"body-[a-z0-9-]+\.html", n) for n in names.values())
    assert names == page_names(list(reversed(iris)), "body")


def test_short_name_abbreviates_and_wraps():
    assert short_name("Ủy ban nhân dân huyện") == "UBND huyện"
    label = short_name("Phòng Lao động - Thương binh và Xã hội và các cơ quan liên quan khác")
    assert "LĐTBXH" in label and all(len(line) <= 27 for line in label.split("\n"))


# ---------------------------------------------------------------- page model from the store


def test_load_model_reads_the_graph(sample_data):
    data = sample_data
    assert len(data.docs) == 6
    assert sum(d.ingested for d in data.docs.values()) == 4
    plan = data.docs[ID + "doc/12-kh-ubnd"]
    assert (plan.type, plan.number, plan.date, plan.level, plan.kind, plan.province) == (
        "Kế hoạch",
        "12/KH-UBND",
        "2024-02-01",
        "province",
        "state",
        "Hà Nam",
    )
    assert plan.source_file == "tinh-ha-nam.txt"
    assert len(data.bodies) == 11
    assert data.bodies[ID + "body/phong-y-te/ha-nam/duy-tien"].place == "Duy Tiên, Hà Nam"
    assert len(data.duties) == 7
    lead = data.duties[0]
    assert (lead.role, lead.mode, lead.deadline) == ("lead", "assigned", "2024-06-30")
    assert lead.partners == [ID + "body/so-y-te/ha-nam"]
    assert [r.due for r in data.reports] == ["20/11", "10/05"]
    assert data.reports[0].frequency == "annual"
    assert data.duty_by_iri[ID + "doc/5-kh-ubnd/duty/1"].counterpart_of == [
        ID + "doc/12-kh-ubnd/duty/1"
    ]
    assert data.duty_by_iri[ID + "doc/12-kh-ubnd/duty/2"].dropped_in == [ID + "doc/5-kh-ubnd"]
    number_ev = plan.header_evidence["number"]
    assert data.text_of(plan.iri)[number_ev.start : number_ev.end] == "12/KH-UBND"
    kids = data.implemented_by()
    assert set(kids[ID + "doc/28-ct-tw"]) == {ID + "doc/12-kh-ubnd", ID + "doc/68-hd-btgtu"}


def test_evidence_offsets_point_at_the_sentence(sample_data):
    data = sample_data
    checked = 0
    for duty in data.duties:
        text = data.text_of(duty.doc)
        assert text is not None and duty.evidence is not None
        assert text[duty.evidence.start : duty.evidence.end] == duty.text == duty.evidence.exact
        checked += 1
    assert checked == 7


# ---------------------------------------------------------------- the written site


def test_site_has_every_page(sample_site):
    names = sorted(p.name for p in sample_site.glob("*.html"))
    assert "index.html" in names
    assert sum(n.startswith("doc-") for n in names) == 6
    assert sum(n.startswith("body-") for n in names) == 11
    assert sum(n.startswith("cascade-") for n in names) == 4
    assert (sample_site / "static" / "vis-network.min.js").is_file()
    assert not list(sample_site.parent.glob("site.*"))  # the temporary folder was swapped in


def test_pages_are_escaped_offline_and_vietnamese(sample_site):
    for page in sample_site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert '<meta charset="utf-8">' in text
        for payload in PAYLOADS:
            assert payload not in text, (page.name, payload)
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), page.name
        for link in re.findall(r'(?:src|href)="([^"#]+)', text):
            assert link == "data:," or (sample_site / link).exists(), (page.name, link)
    doc = (sample_site / "doc-12-kh-ubnd.html").read_text(encoding="utf-8")
    for word in (
        "Nhiệm vụ theo cơ quan",
        "Chủ trì",
        "Phối hợp",
        "Thời hạn",
        "Báo cáo",
        "Văn bản gốc",
    ):
        assert word in doc
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; Sở Y tế" in doc
    assert "Không thấy trong" in doc
    district = (sample_site / "doc-5-kh-ubnd.html").read_text(encoding="utf-8")
    assert "Thực hiện nhiệm vụ của" in district and 'href="doc-12-kh-ubnd.html#ev-' in district


def test_graph_json_round_trips_payloads(sample_site):
    doc = (sample_site / "doc-12-kh-ubnd.html").read_text(encoding="utf-8")
    raw = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', doc, re.S
    ).group(1)
    graph = json.loads(raw)
    titles = " ".join(n.get("title", "") for n in graph["nodes"])
    assert "<script>window.__pwned=1</script>" in titles  # kept as data, shown as text by site.js
    assert graph["options"]["physics"]["enabled"] is True
    coordination = [e for e in graph["edges"] if e.get("dashes")]
    assert len(coordination) == 1  # Sở GD&ĐT and Sở Y tế name each other: one edge
    source = re.search(
        r'<script type="application/json" id="source-data">(.*?)</script>', doc, re.S
    )
    assert json.loads(source.group(1)).startswith("ỦY BAN NHÂN DÂN")


def test_cascade_is_layered_by_level(sample_data):
    site = Site(sample_data, page_names(list(sample_data.docs), "doc"), {}, {})
    graph = cascade_graph(site, ID + "doc/28-ct-tw")
    level = {n["id"][2:].rsplit("/", 1)[-1]: n["level"] for n in graph["nodes"]}
    assert (
        level["28-ct-tw"]
        < level["12-kh-ubnd"]
        < level["5-kh-ubnd"]
        < level["ke-hoach-uy-ban-nhan-dan-xa-tien-noi-2024-04-1a2b3c4d"]
    )
    assert (
        level["68-hd-btgtu"] < level["144-kh-tu"]
    )  # same admin level: the plan below its guidance
    assert graph["options"]["physics"]["enabled"] is False
    assert graph["options"]["layout"]["hierarchical"]["direction"] == "UD"
    shapes = {n["id"][2:].rsplit("/", 1)[-1]: n["shape"] for n in graph["nodes"]}
    assert shapes["144-kh-tu"] == "ellipse" and shapes["12-kh-ubnd"] == "box"
    assert not graph["clusters"]


# ---------------------------------------------------------------- large graphs


def national(provinces: int, per_province: int) -> ReadModel:
    """A directive carried out by a plan per province, each carried out by district plans."""
    data = ReadModel()
    root = ID + "doc/1-ct-tw"
    data.docs[root] = Document(
        root, type="Chỉ thị", number="1-CT/TW", level="central", kind="party"
    )
    for p in range(provinces):
        prov = ID + f"doc/p{p}"
        data.docs[prov] = Document(
            prov, number=f"{p}/KH-UBND", level="province", province=f"Tỉnh {p}", ingested=True
        )
        data.links.append(DocLink(prov, root, "implements"))
        for d in range(per_province - 1):
            dist = ID + f"doc/p{p}-d{d}"
            data.docs[dist] = Document(
                dist, number=f"{d}/KH-UBND", level="district", province=f"Tỉnh {p}", ingested=True
            )
            data.links.append(DocLink(dist, prov, "implements"))
    return data


def visible(graph: dict, expanded: set[str] = frozenset()) -> int:
    """What site.js shows: nodes whose groups are all expanded, plus one node per collapsed group."""
    shown = set()
    for node in graph["nodes"]:
        rep = next((g for g in node.get("groups", []) if g not in expanded), node["id"])
        shown.add(rep)
    return len(shown)


def test_big_cascade_is_grouped_by_province():
    data = national(40, 100)  # 4,001 documents
    site = Site(data, page_names(list(data.docs), "doc"), {}, {})
    graph = cascade_graph(site, ID + "doc/1-ct-tw")
    assert len(graph["nodes"]) == 4001
    assert len(graph["clusters"]) == 40
    assert visible(graph) == 41 <= NODE_LIMIT
    assert visible(graph, {"p:Tỉnh 3"}) == 140


def test_one_huge_province_is_grouped_again():
    data = national(2, 2000)
    site = Site(data, page_names(list(data.docs), "doc"), {}, {})
    graph = cascade_graph(site, ID + "doc/1-ct-tw", limit=1500)
    assert visible(graph) == 3
    opened = visible(graph, {"p:Tỉnh 0"})
    assert opened <= 1500
    assert all(info["size"] <= 2000 for info in graph["clusters"].values())


def test_doc_graph_never_exceeds_the_limit():
    data = ReadModel()
    doc = ID + "doc/x"
    data.docs[doc] = Document(doc, number="1/KH", ingested=True)
    for i in range(300):
        body = ID + f"body/b{i}"
        data.bodies[body] = Body(body, f"Cơ quan {i}")
        data.assignments.append(Assignment(doc, body))
        data.duties.append(
            Duty(f"{doc}/duty/{i}", doc, body, "Phối hợp", "support", partners=[ID + f"body/p{i}"])
        )
    site = Site(data, {doc: "doc-x.html"}, {}, {})
    graph = doc_graph(site, data.docs[doc], limit=100)
    assert len(graph["nodes"]) <= 100
    assert graph["truncated"] > 0


def test_write_site_replaces_the_previous_site(tmp_path):
    data = national(2, 3)
    out = tmp_path / "site"
    first = write_site(data, out)
    (out / "stale.html").write_text("x", encoding="utf-8")
    second = write_site(data, out)
    assert (
        first.pages == second.pages == 3 + 7 + 3
    )  # index, calendar, workbench, documents, cascades
    assert not (out / "stale.html").exists()


def test_big_cascade_page_lists_by_province(tmp_path):
    """A national cascade: an overview with a row and a node per province, and a page per
    province listing its plans by level, with a graph small enough to open at once."""
    out = tmp_path / "site"
    write_site(national(40, 100), out)
    page = (out / "cascade-1-ct-tw.html").read_text(encoding="utf-8")
    assert "4000 văn bản thực hiện" in page
    assert 'href="cascade-1-ct-tw--tinh-7.html">Tỉnh 7</a></td><td>100</td>' in page
    assert len(page) < 100_000
    graph = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    assert len(graph["nodes"]) == 41 and not graph["clusters"]
    assert {"id": "p:Tỉnh 7", "url": "cascade-1-ct-tw--tinh-7.html"}.items() <= next(
        n for n in graph["nodes"] if n["id"] == "p:Tỉnh 7"
    ).items()
    seven = (out / "cascade-1-ct-tw--tinh-7.html").read_text(encoding="utf-8")
    assert "<h3>Huyện (99)</h3>" in seven and "<h3>Tỉnh (1)</h3>" in seven
    assert 'href="cascade-1-ct-tw.html"' in seven
    # its own count, not the country's: a plan added in another province leaves it unchanged
    assert "100 văn bản tại Tỉnh 7 thực hiện" in seven and "4000" not in seven
    graph = json.loads(re.search(r'id="graph-data">(.*?)</script>', seven, re.S).group(1))
    assert len(graph["nodes"]) == 101
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="index-data"' in index and '<tr class="searchable' not in index
    assert len(index) < 1_000_000


def test_reporting_bodies_come_from_the_graph_not_from_names(seed_store_dir, tmp_path):
    """The pages show dkg:reporter / dkg:recipient links; a text-only name is not guessed."""
    from kg.queries import open_store_dir

    data = load_model(open_store_dir(seed_store_dir))
    linked = [r for r in data.reports if r.reporter and r.reporter_text]
    assert linked and all(r.reporter in data.bodies for r in linked)
    report = linked[0]
    site = tmp_path / "site"
    write_site(data, site)
    page = Site.of(data).body_pages[report.reporter]
    assert "Gửi báo cáo" in (site / page).read_text(encoding="utf-8")

    text_only = ReadModel()
    doc, phong = ID + "doc/a", ID + "body/phong-ldtbxh/x"
    text_only.docs[doc] = Document(doc)
    text_only.bodies[phong] = Body(phong, "Phòng Lao động - Thương binh và Xã hội")
    text_only.assignments.append(Assignment(doc, phong))
    text_only.reports.append(
        Report(doc + "/reporting/1", doc, reporter_text="Phòng Lao động - Thương binh và Xã hội")
    )
    out = tmp_path / "text-only"
    write_site(text_only, out)
    assert text_only.reports[0].reporter is None
    body_page = (out / Site.of(text_only).body_pages[phong]).read_text(encoding="utf-8")
    assert "Gửi báo cáo" not in body_page


def test_a_failed_build_keeps_the_previous_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site(national(2, 3), out)
    before = sorted(p.name for p in out.iterdir())
    (tmp_path / "site.new-999999").mkdir()  # left behind by a killed build

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("kg.views.cascade_page.cascade_graph", broken)
    with pytest.raises(RuntimeError):
        write_site(national(2, 3), out)
    assert sorted(p.name for p in out.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


names = st.lists(
    st.sampled_from([*"aăâđeêoơuưy ÁÀẢÃẠĐ<>&\"'/=-\n\u2028😀", *PAYLOADS]), max_size=12
).map("".join)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            names, names, st.sampled_from([None, "central", "province", "district", "commune"])
        ),
        min_size=1,
        max_size=6,
    ),
    st.lists(
        st.tuples(
            st.integers(0, 5),
            st.integers(0, 5),
            names,
            st.sampled_from(["lead", "support", "participant"]),
        ),
        max_size=12,
    ),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=6),
)
def test_any_data_renders_escaped(tmp_path, docs, duties, links):
    """Arbitrary names and texts (payloads, astral characters, missing fields) render, escaped."""
    data = ReadModel()
    iris = []
    for i, (number, subject, level) in enumerate(docs):
        iri = ID + f"doc/{i}"
        text = subject * 3
        data.docs[iri] = Document(
            iri,
            number=number or None,
            subject=subject,
            level=level,
            ingested=bool(i % 2),
            source_text=text if i % 2 else None,
        )
        data.bodies[ID + f"body/{i}"] = Body(
            ID + f"body/{i}", number or "?", level, place=subject or None
        )
        iris.append(iri)
    for n, (d, b, text, role) in enumerate(duties):
        doc = iris[d % len(iris)]
        body = ID + f"body/{b % len(iris)}"
        ev = Evidence(doc, 0, len(text), text, "", "")
        data.duties.append(
            Duty(
                f"{doc}/duty/{n}",
                doc,
                body,
                text,
                role,
                partners=[ID + f"body/{(b + 1) % len(iris)}"],
                evidence=ev,
            )
        )
    for a, b in links:
        data.links.append(DocLink(iris[a % len(iris)], iris[b % len(iris)], "implements"))
    out = tmp_path / "site"
    report = write_site(data, out)
    assert report.pages == len(list(out.glob("*.html")))
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for payload in PAYLOADS:
            assert payload not in text
        for blob in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', text, re.S):
            assert "\u2028" not in blob and "<" not in blob
            json.loads(blob)


def test_big_document_graph_has_a_fixed_layout():
    data = ReadModel()
    doc = ID + "doc/x"
    data.docs[doc] = Document(doc, number="1/KH", ingested=True)
    for i in range(400):
        data.assignments.append(Assignment(doc, ID + f"body/b{i}"))
    graph = doc_graph(Site(data, {doc: "doc-x.html"}, {}, {}), data.docs[doc])
    assert len(graph["nodes"]) == 401
    assert graph["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in graph["nodes"])
    assert len({(n["x"], n["y"]) for n in graph["nodes"]}) == 401


def test_the_site_is_a_table_of_page_kinds(tmp_path, sample_data):
    """One module per page kind; each page a kind writes is counted once."""
    assert [k.name for k in PAGE_KINDS] == [
        "calendar",
        "index",
        "document",
        "body",
        "cascade",
        "workbench",
    ]
    report = write_site(sample_data, tmp_path / "site")
    files = {p.name.split("-")[0].removesuffix(".html") for p in (tmp_path / "site").glob("*.html")}
    assert files == {"calendar", "index", "doc", "body", "cascade", "workbench"}
    assert report.pages == len(list((tmp_path / "site").glob("*.html")))


def test_labels_switch_to_english_without_becoming_markup():
    from kg.views.i18n import EN, t

    assert str(t("Nhiệm vụ")) == '<span class="i18n" data-en="Duties">Nhiệm vụ</span>'
    evil = str(t("<b>x</b>", '"><script>alert(1)</script>'))
    assert "<b>" not in evil and "<script>" not in evil
    assert "&lt;b&gt;x&lt;/b&gt;" in evil and 'data-en="&#34;&gt;&lt;script&gt;' in evil
    assert str(t("không có bản dịch")) == "không có bản dịch"  # no English: plain text
    assert all(v and k != v for k, v in EN.items())


def test_every_graph_has_a_vietnamese_caption_with_english(sample_site):
    from kg.views.i18n import CAPTIONS

    pages = [p for p in sample_site.glob("*.html") if 'id="graph"' in p.read_text("utf-8")]
    assert {p.name.split("-")[0] for p in pages} == {"doc", "body", "cascade"}
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        kind = page.name.split("-")[0]
        caption = raw[
            raw.index('id="graph-caption"') : raw.index("</div>", raw.index('id="graph-caption"'))
        ]
        cap = CAPTIONS[kind]
        assert html.escape(cap.what[0], quote=False) in caption, page.name
        assert f'data-en="{html.escape(cap.edges[1])}"' in caption, page.name
        assert caption.count('class="swatch"') == 4
