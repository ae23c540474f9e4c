"""The SPARQL workbench in a real browser (Debian's Chromium via Playwright): opened from
the static site (file://) and from `dkg serve` (/workbench), a canned example and a typed
query give result rows, a share link reopens the same query, and no request leaves the
machine (only the page's own files and the local SPARQL endpoint)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kg.server import make_server
from kg.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def server(seed_store_dir):
    srv = make_server(open_store(seed_store_dir), "127.0.0.1", 0, site_dir=seed_store_dir / "site")
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    host, port = srv.server_address[:2]
    yield f"http://{host}:{port}"
    srv.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )  # fmt: skip
        yield b
        b.close()


class Page:
    """A page that records errors and every request that is not to ``allowed``."""

    def __init__(self, browser, allowed: tuple[str, ...]) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "request", lambda r: None if r.url.startswith(allowed) else self.outside.append(r.url)
        )

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_function("window.dkgReady === true && !!window.dkgWorkbench")

    def rows(self) -> int:
        self.page.wait_for_selector(".yasr table.dataTable tbody tr", timeout=30_000)
        return self.page.locator(".yasr table.dataTable tbody tr").count()

    def check(self) -> None:
        assert not self.outside, self.outside
        assert not self.errors, self.errors


def run_example(p: Page, name: str) -> int:
    p.page.locator(f'#examples li[data-name="{name}"] button').click()
    p.page.wait_for_function(
        "() => window.dkgWorkbench.getTab().getYasr().results !== undefined", timeout=30_000
    )
    return p.rows()


def type_and_run(p: Page, query: str) -> None:
    p.page.evaluate("q => { window.dkgWorkbench.getTab().setQuery(q); }", query)
    p.page.evaluate("() => { window.dkgWorkbench.getTab().query(); }")


def test_workbench_from_dkg_serve(server, browser):
    p = Page(browser, (server + "/",))
    try:
        p.open(server + "/workbench")
        endpoint = p.page.evaluate("() => window.dkgWorkbench.getTab().getEndpoint()")
        assert endpoint == server + "/sparql"
        assert p.page.locator("#examples li").count() >= 19
        # the canned "who carries it now" example, with its example parameters
        assert run_example(p, "duties_carried_now") >= 1
        assert "Sở Y tế" in p.page.locator(".yasr").inner_text()
        # a typed count query: table rows, then the chart
        type_and_run(
            p,
            "SELECT ?type (COUNT(?d) AS ?n) WHERE { ?d a dkg:Duty ; dkg:role ?type } GROUP BY ?type",
        )
        p.page.wait_for_function(
            "() => document.querySelector('.yasr').innerText.includes('Lead')", timeout=30_000
        )
        assert p.rows() >= 2
        p.page.locator(".yasr .select_chart").click()
        p.page.wait_for_selector(".dkg-chart svg rect.bar")
        assert p.page.locator(".dkg-chart svg rect.bar").count() >= 2
        # a share link reopens the same query
        p.page.locator("#share").click()
        link = p.page.locator("#share-link").input_value()
        assert link.startswith(server + "/workbench") and "query=" in link
        p.check()
        p.page.close()
        p = Page(browser, (server + "/",))
        p.open(link)
        assert "COUNT(?d)" in p.page.evaluate("() => window.dkgWorkbench.getTab().getQuery()")
        p.check()
    finally:
        p.page.close()


def test_workbench_from_the_static_site(seed_store_dir, server, browser):
    page = (seed_store_dir / "site" / "workbench.html").as_uri()
    p = Page(browser, ("file://", server + "/sparql"))
    try:
        p.open(page + "?endpoint=" + server + "/sparql")
        assert run_example(p, "body_successors") >= 3
        assert "Phòng Nội vụ" in p.page.locator(".yasr").inner_text()
        type_and_run(p, "SELECT ?b WHERE { ?b a org:ChangeEvent } LIMIT 5")
        p.page.wait_for_function(
            "() => document.querySelector('.yasr').innerText.includes('change/')", timeout=30_000
        )
        assert p.rows() == 5
        p.page.locator("#share").click()
        link = p.page.locator("#share-link").input_value()
        p.check()
        p.page.close()
        p = Page(browser, ("file://", server + "/sparql"))
        p.open(link)
        assert "org:ChangeEvent" in p.page.evaluate("() => window.dkgWorkbench.getTab().getQuery()")
        assert p.page.evaluate("() => window.dkgWorkbench.getTab().getEndpoint()") == (
            server + "/sparql"
        )
        # the site's pages link to the workbench
        index = (seed_store_dir / "site" / "index.html").read_text(encoding="utf-8")
        assert 'href="workbench.html"' in index
        p.check()
    finally:
        p.page.close()
