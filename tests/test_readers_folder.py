"""A mixed folder builds all that can be read and names the rest, one line each."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote

from click.testing import CliRunner
from test_readers_formats import _tabled_docx, _tabled_html, _tabled_pdf

from kg.cli import main
from kg.readers import ocr


def test_mixed_folder_builds_what_it_can(tmp_path: Path, seed_paths: list[Path]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed_paths[0], docs / "plan.txt")
    _tabled_html(docs / "page.html")
    _tabled_docx(docs / "plan.docx")
    pdf = _tabled_pdf(docs / "plan.pdf")
    scan = ocr.available() and shutil.which("pdftoppm") is not None
    if scan:
        subprocess.run(
            ["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(docs / "scan")],
            check=True, capture_output=True,
        )  # fmt: skip
    (docs / "broken.pdf").write_bytes(pdf.read_bytes()[:400])
    with zipfile.ZipFile(docs / "tasks.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    (docs / "notes.json").write_text("{}")  # not a document format: not looked at

    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1  # some files were refused
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    read = {ln.split(": ")[1] for ln in lines if ln.startswith("dkg: read ")}
    want = {"plan.txt", "page.html", "plan.docx", "plan.pdf"} | ({"scan.png"} if scan else set())
    assert {Path(x).name for x in read} == want
    how = {Path(ln.split(": ")[1]).name: ln.split(": ", 2)[2] for ln in lines if "dkg: read" in ln}
    assert how["plan.txt"].startswith("text (utf-8)")
    assert how["page.html"].startswith("web page")
    assert how["plan.docx"].startswith("Word .docx")
    assert how["plan.pdf"].startswith("PDF text layer")
    if scan:
        assert how["scan.png"].startswith("OCR")
    refused = [
        ln
        for ln in lines
        if ln.startswith("dkg: ") and not ln.startswith(("dkg: read", "dkg: warning"))
    ]
    assert len(refused) == 2
    assert any("broken.pdf: is a damaged PDF" in ln for ln in refused)
    assert any("tasks.xlsx: is an Excel workbook" in ln for ln in refused)
    assert f"{len(want)} documents" in result.stderr
    # the site's document pages say how each source was read
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html"))
    assert "đọc như: Word .docx" in pages and "đọc như: PDF (lớp chữ)" in pages
    assert "đọc như: trang web, utf-8" in pages
    # ... and link the original file as given, copied byte for byte beside the pages
    site = tmp_path / "out" / "current" / "site"
    hrefs = re.findall(r'class="original" href="([^"]+)"', pages)
    copied = {Path(unquote(h)).name: (site / unquote(h)).read_bytes() for h in hrefs}
    assert set(copied) == want
    assert all(copied[name] == (docs / name).read_bytes() for name in want)
