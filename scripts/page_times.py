"""How long the heaviest pages of a built site take to open: loaded and drawn in Chromium.

    .venv/bin/python scripts/page_times.py SITE_DIR [--top 3] [--repeat 3] [--budget 2.0]
        [--json FILE]

SITE_DIR is a site folder (``dkg build --out DIR`` writes DIR/site). The pages timed are the
heaviest of each kind by file size (index.html, cascade-*, doc-*, body-*, calendar.html), as
the browser tests open them: Debian's Chromium through Playwright, from file://, with the
same flags. A page counts as open when site.js sets ``window.dkgReady`` (after vis-network's
first ``afterDrawing``, or at once on a page without a graph). Each figure is the median of
--repeat cold opens (a new browser page each time), also given as a ratio to the lightest
document page timed in the same run, so figures from different machines compare. Exit
status 1 when a page takes longer than --budget seconds (the issue's bar: 2 s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
KINDS = ("index", "cascade-", "doc-", "body-", "calendar")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def heaviest(site: Path, top: int) -> list[Path]:
    """The ``top`` largest pages of each kind, and the lightest document page (the baseline)."""
    pages = sorted(site.glob("*.html"), key=lambda p: -p.stat().st_size)
    chosen: list[Path] = []
    for kind in KINDS:
        chosen += [p for p in pages if p.name.startswith(kind)][:top]
    docs = [p for p in pages if p.name.startswith("doc-")]
    if docs:
        chosen.append(docs[-1])
    return list(dict.fromkeys(chosen))


def open_time(browser, page_path: Path, timeout: float) -> float:
    """Seconds from navigation to window.dkgReady on a fresh page; raises on a page error."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        started = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.dkgReady === true", timeout=timeout * 1000)
        seconds = time.perf_counter() - started
    finally:
        page.close()
    if errors:
        raise RuntimeError(f"{page_path.name}: {errors[0]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--top", type=int, default=3, help="pages of each kind (largest first)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--budget", type=float, default=2.0, help="seconds a page may take")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--json", type=Path, help="write the figures here as well")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no index.html there (give the site folder)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    pages = heaviest(args.site, args.top)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            open_time(browser, pages[-1], args.timeout)  # warm the browser's caches once
            for path in pages:
                times = [open_time(browser, path, args.timeout) for _ in range(args.repeat)]
                rows.append(
                    {"page": path.name, "bytes": path.stat().st_size, "s": statistics.median(times)}
                )
        finally:
            browser.close()
    base = rows[-1]["s"] or 1e-9
    print(f"{'page':60s} {'KB':>8s} {'s':>7s} {'ratio':>7s}")
    for row in rows:
        row["ratio"] = row["s"] / base
        print(
            f"{row['page'][:60]:60s} {row['bytes'] / 1024:8.0f} {row['s']:7.2f} {row['ratio']:7.1f}"
        )
    slowest = max(rows, key=lambda r: r["s"])
    print(f"slowest: {slowest['page']} {slowest['s']:.2f} s (budget {args.budget:g} s)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 1 if slowest["s"] > args.budget else 0


if __name__ == "__main__":
    sys.exit(main())
