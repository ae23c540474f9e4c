"""Writing one page: the template, the context, the page count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment

from kg.views.common import Site


class Write:
    """Renders a template into ``out_dir/name``; page kinds call it once per page."""

    def __init__(
        self, env: Environment, site: Site, out_dir: Path, limit: int, index_rows: int
    ) -> None:
        self.env, self.site, self.out_dir = env, site, out_dir
        self.limit = limit  # most nodes a graph may show at once
        self.index_rows = index_rows  # beyond this many rows the index is drawn by site.js
        self.pages = 0

    def __call__(self, name: str, template: str, **context: Any) -> None:
        text = self.env.get_template(template).render(site=self.site, **context)
        (self.out_dir / name).write_text(text, encoding="utf-8")
        self.pages += 1
