"""The staff site in a real browser: Debian's Chromium driven by Playwright.

Every page is opened from disk (file://); any page error, console error or request
that would leave the machine fails the test. Clicks on duties, graph nodes and edges
must highlight the source sentence; the script payloads in the sample must stay text.
Screenshots go to a temporary folder and are checked not to be blank.
"""

from __future__ import annotations

import os
import struct
import threading
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.views.site import build_site, write_site

CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
ID = "https://w3id.org/dkg/id/"

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)"
)


# ---------------------------------------------------------------- PNG check (stdlib only)


def png_colours(data: bytes, step: int = 3) -> int:
    """Distinct colours in an 8-bit RGB/RGBA PNG (every ``step``-th pixel of every ``step``-th row)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        if y % step == 0:
            for x in range(0, width, step):
                colours.add(bytes(line[x * bpp : x * bpp + 3]))
        prev = line
    return len(colours)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    return s


@pytest.fixture(scope="module")
def site(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(store, out)
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("DKG_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


class Watched:
    """A page whose errors and outgoing requests are recorded."""

    def __init__(self, browser, allowed_prefix: str = "file://") -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.problems: list[str] = []
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
            ),
        )
        self.page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(allowed_prefix)
                else self.problems.append(f"request: {r.url}")
            ),
        )

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_function("window.dkgReady === true", timeout=30_000)

    def check(self) -> None:
        assert self.page.evaluate("window.__pwned") is None, "a payload ran"
        assert not self.problems, self.problems

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def graph_point(w: Watched, fn: str, item: str) -> tuple[float, float]:
    """Page coordinates of a node (fn='nodeDOM') or edge midpoint (fn='edgeDOM'), in view."""
    w.page.locator("#graph").scroll_into_view_if_needed()
    pos = w.page.evaluate(f"id => window.dkg.{fn}(id)", item)
    assert pos, item
    box = w.page.locator("#graph").bounding_box()
    return box["x"] + pos["x"], box["y"] + pos["y"]


def click_node(w: Watched, node_id: str) -> None:
    w.page.mouse.click(*graph_point(w, "nodeDOM", node_id))


# ---------------------------------------------------------------- tests


def test_every_page_opens_cleanly_offline(site, watched, shots):
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 24  # with calendar.html and workbench.html
    for page in pages:
        watched.open(page.as_uri())
        watched.check()
        if page.name.startswith(("index", "doc-12", "cascade-28", "body-so-gddt")):
            png = watched.page.screenshot(path=str(shots / f"{page.stem}.png"))
            assert png_colours(png) > 20, f"{page.name} looks blank"


def test_search_folds_diacritics(site, watched):
    watched.open((site / "index.html").as_uri())
    rows = watched.page.locator("#bodies tbody tr")
    for query in ("phong giao duc", "Phòng Giáo dục", "PHONG GIAO DUC"):
        watched.page.fill("#search", query)
        shown = [r for r in rows.all() if r.is_visible()]
        assert [r.locator("td").first.inner_text() for r in shown] == ["Phòng Giáo dục và Đào tạo"]
    watched.page.fill("#search", "duy tien")
    assert len([r for r in rows.all() if r.is_visible()]) == 5  # district and commune bodies
    watched.page.fill("#search", "")
    assert all(r.is_visible() for r in rows.all())
    watched.check()


def test_browser_fold_matches_python(site, watched):
    from kg.views.common import fold

    samples = [
        "Phòng Giáo dục và Đào tạo",
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "Uỷ ban / Ủy ban, hoá / hóa",
        "Thương binh – Xã hội; Đoàn TNCS Hồ Chí Minh",
        "Phu\u0323 nư\u0303 (decomposed)",
    ]
    watched.open((site / "index.html").as_uri())
    assert watched.page.evaluate("xs => xs.map(window.dkg.fold)", samples) == [
        fold(x) for x in samples
    ]
    watched.check()


def test_duty_click_highlights_its_sentence(site, watched):
    watched.open((site / "doc-12-kh-ubnd.html").as_uri())
    duty = watched.page.locator("li.duty").nth(0)
    duty.click()
    mark = watched.page.locator("#source-text mark")
    assert mark.inner_text() == duty.locator(".duty-text").inner_text()
    assert mark.is_visible()
    # the third duty sits after an astral-plane character and carries a script payload
    third = watched.page.locator("li.duty").nth(2)
    third.click()
    text = third.locator(".duty-text").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert mark.inner_text() == text
    watched.check()


def test_header_fact_shows_its_evidence(site, watched):
    watched.open((site / "doc-12-kh-ubnd.html").as_uri())
    watched.page.locator("table.meta tr", has_text="Số hiệu").click()
    assert watched.page.locator("#source-text mark").inner_text() == "12/KH-UBND"
    target = watched.page.locator("table.targets tbody tr").first
    assert "Trẻ em <b>biết bơi</b> an toàn" in target.inner_text()
    target.click()
    assert watched.page.locator("#source-text mark").inner_text() == "90%"
    watched.check()


def test_payloads_are_visible_text(site, watched):
    watched.open((site / "doc-12-kh-ubnd.html").as_uri())
    heading = watched.page.locator(".body-group h3").nth(1)
    assert (
        '<script>window.__pwned=1</script> Sở Y tế "><svg onload="window.__pwned=2">'
        in heading.inner_text()
    )
    assert heading.is_visible()
    assert watched.page.locator("main svg").count() == 0
    assert '<img src=x onerror="window.__pwned=3">' in watched.page.locator(".subject").inner_text()
    # hovering the payload node shows a text tooltip, not markup
    x, y = graph_point(watched, "nodeDOM", "b:" + ID + "body/so-y-te/ha-nam")
    watched.page.mouse.move(x - 200, y - 200)
    watched.page.mouse.move(x, y, steps=8)
    tip = watched.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    assert "<script>window.__pwned=1</script>" in tip.inner_text()
    assert tip.locator("svg, img, script").count() == 0
    watched.check()


def test_graph_node_and_edge_show_evidence(site, watched, shots):
    watched.open((site / "doc-12-kh-ubnd.html").as_uri())
    click_node(watched, "b:" + ID + "body/so-gddt/ha-nam")
    assert watched.page.locator("#source-text mark").inner_text() == "Sở Giáo dục và Đào tạo"
    # an edge: the "Thực hiện" link to the directive, clicked at its midpoint
    edge = watched.page.evaluate(
        """target => { const edges = window.dkg.network.body.data.edges;
           return edges.getIds().find(id => edges.get(id).to === target); }""",
        "d:" + ID + "doc/28-ct-tw",
    )
    watched.page.mouse.click(*graph_point(watched, "edgeDOM", edge))
    assert (
        watched.page.locator("#source-text mark")
        .inner_text()
        .startswith("Thực hiện Chỉ thị số 28-CT/TW")
    )
    png = watched.page.locator("#graph").screenshot(path=str(shots / "doc-graph.png"))
    assert png_colours(png, step=2) > 8, "graph canvas looks blank"
    watched.check()


def test_cascade_is_top_down_and_nodes_open_documents(site, watched):
    watched.open((site / "cascade-28-ct-tw.html").as_uri())
    y = watched.page.evaluate(
        "() => { const p = window.dkg.network.getPositions(); const o = {}; "
        "for (const k in p) o[k.split('/').pop()] = p[k].y; return o; }"
    )
    assert (
        y["28-ct-tw"]
        < y["12-kh-ubnd"]
        < y["5-kh-ubnd"]
        < y["ke-hoach-uy-ban-nhan-dan-xa-tien-noi-2024-04-1a2b3c4d"]
    )
    click_node(watched, "d:" + ID + "doc/12-kh-ubnd")
    watched.page.wait_for_url("**/doc-12-kh-ubnd.html")
    watched.page.wait_for_function("window.dkgReady === true")
    watched.check()


def test_body_page_links_to_highlighted_evidence(site, watched):
    watched.open((site / "body-so-gddt-ha-nam.html").as_uri())
    first = watched.page.locator("li.duty").first
    assert first.locator(".role").inner_text() == "Chủ trì"
    first.locator("summary").click()
    assert first.locator("blockquote mark").inner_text().startswith("Chủ trì, phối hợp với Sở Y tế")
    first.get_by_text("Xem trong văn bản gốc").click()
    watched.page.wait_for_function("window.dkgReady === true")
    assert (
        watched.page.locator("#source-text mark")
        .inner_text()
        .startswith("Chủ trì, phối hợp với Sở Y tế")
    )
    watched.check()


def test_each_graph_says_in_vietnamese_what_it_shows(site, watched):
    """Issue 13: a caption under every graph: what it shows, its nodes, edges, colours
    (a swatch per level, in the colours the graph uses) and, for cascades, shapes."""
    from kg.views.common import LEVEL_COLOUR, LEVEL_VI

    for page, words in (
        ("doc-12-kh-ubnd.html", "giao nhiệm vụ cho những cơ quan nào"),
        ("body-so-gddt-ha-nam.html", "cùng thực hiện nhiệm vụ với những cơ quan nào"),
        ("cascade-28-ct-tw.html", "được triển khai xuống các cấp"),
    ):
        watched.open((site / page).as_uri())
        caption = watched.page.locator(".graph-caption")
        assert caption.is_visible(), page
        text = caption.inner_text()
        assert "Sơ đồ này cho biết" in text and words in text, page
        assert "Nút:" in text and "Cạnh:" in text and "Màu theo cấp:" in text
        assert watched.page.locator("#graph").get_attribute("aria-describedby") == "graph-caption"
        swatches = caption.locator(".swatch-item")
        assert [swatches.nth(i).inner_text() for i in range(swatches.count())] == list(
            LEVEL_VI.values()
        )
        colours = watched.page.evaluate(
            "() => [...document.querySelectorAll('.graph-caption .swatch')].map(s => getComputedStyle(s).backgroundColor)"
        )
        want = [LEVEL_COLOUR[lv] for lv in LEVEL_VI]
        assert colours == [
            "rgb({}, {}, {})".format(*(int(c[i : i + 2], 16) for i in (1, 3, 5))) for c in want
        ]
        if page.startswith("cascade"):
            assert "Hình bầu dục: văn bản của Đảng" in text
        watched.check()


def test_english_label_switch(site, watched):
    """The header's switch shows English labels (captions, headings, roles, levels) and
    back; the choice survives a reload; no request leaves the machine; documents' own
    words stay as printed and payloads stay text."""
    page = watched.page
    watched.open((site / "doc-12-kh-ubnd.html").as_uri())
    page.evaluate("() => localStorage.removeItem('dkg-lang')")
    switch = page.locator("#lang-switch")
    assert switch.inner_text() == "English" and switch.get_attribute("aria-pressed") == "false"
    vietnamese = page.locator("main").inner_text()
    duty = page.locator("li.duty .duty-text").first.inner_text()
    switch.click()
    caption = page.locator(".graph-caption").inner_text()
    assert "What this graph shows" in caption and "Nodes:" in caption and "Edges:" in caption
    assert "Colour by level:" in caption and "Province" in caption and "Sơ đồ này" not in caption
    assert page.locator("h2", has_text="Duties by body").is_visible()
    assert page.locator("li.duty .role").first.inner_text() in ("Lead", "Support", "Participant")
    assert page.locator("li.duty .duty-text").first.inner_text() == duty  # not translated
    assert switch.inner_text() == "Tiếng Việt" and switch.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.documentElement.dataset.lang") == "en"
    assert page.locator("main svg, main script").count() == 0  # labels became no markup
    # the choice is kept on the next page
    watched.open((site / "body-so-gddt-ha-nam.html").as_uri())
    assert "What this graph shows" in page.locator(".graph-caption").inner_text()
    assert page.locator("h2", has_text="Works with").is_visible()
    # and switched back, the Vietnamese is exactly as written
    watched.open((site / "doc-12-kh-ubnd.html").as_uri())
    page.locator("#lang-switch").click()
    assert page.locator("main").inner_text() == vietnamese
    assert page.locator("#lang-switch").inner_text() == "English"
    watched.check()


def test_big_cascade_is_grouped_and_opens_by_province(browser, tmp_path, shots):
    from test_views import national

    data = national(40, 100)  # 4,001 plans
    out = tmp_path / "site"
    write_site(data, out)
    w = Watched(browser)
    try:
        w.open((out / "cascade-1-ct-tw.html").as_uri())
        assert w.page.evaluate("window.dkg.network.body.data.nodes.length") == 41
        w.page.screenshot(path=str(shots / "big-cascade.png"))
        click_node(w, "p:Tỉnh 7")  # the province's own cascade page
        w.page.wait_for_url("**/cascade-1-ct-tw--tinh-7.html")
        w.page.wait_for_function("window.dkgReady === true")
        assert w.page.evaluate("window.dkg.network.body.data.nodes.length") == 101
        w.check()
        # the index of 4,001 documents draws only the rows that match
        w.open((out / "index.html").as_uri())
        assert w.page.locator("#docs tbody tr").count() == 301  # 300 rows and "… còn 3701 dòng"
        w.page.fill("#search", "17/kh-ubnd")
        w.page.wait_for_function(
            "document.getElementById('search-count').textContent === '41 kết quả'"
        )
        assert w.page.locator("#docs tbody tr").count() == 41
        w.page.locator("#docs tbody tr a").first.click()
        w.page.wait_for_function("window.dkgReady === true")
        assert "17/KH-UBND" in w.page.locator("h1").inner_text()
        w.check()
    finally:
        w.close()


def test_site_through_the_server(store, site, browser):
    server_mod = pytest.importorskip("kg.server")
    server = server_mod.make_server(store, "127.0.0.1", 0, site_dir=site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    origin = f"http://{host}:{port}/"
    w = Watched(browser, allowed_prefix=origin)
    try:
        for name in (
            "",
            "doc-12-kh-ubnd.html",
            "cascade-28-ct-tw.html",
            "body-so-y-te-ha-nam.html",
        ):
            w.open(origin + name)
            w.check()
        w.page.locator("li.duty").first.click()
        w.check()
    finally:
        w.close()
        server.shutdown()
