"""Per-format figures for the readers: same record as the .txt? seconds per page.

    python scripts/bench_readers.py

For a seed and a real plan, writes each as .html, .docx, text-layer .pdf (the tests'
writers) and in UTF-16, Windows-1258, TCVN3 and VNI, reads each back and prints whether
the document fields, bodies and duty counts equal the .txt's, and the reading time per
page (pages of the PDF version; best of 3) with its ratio to reading the .txt.
"""

from __future__ import annotations

import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from readers_common import legacy_bytes, nfc_lines, summary  # noqa: E402
from writers import to_docx, to_html, to_pdf  # noqa: E402

from kg.readers import read_source  # noqa: E402
from kg.readers.legacy import encode_table  # noqa: E402

DOCS = [
    ROOT / "kg" / "corpus" / "000_dffdb6c2e5c39a74.txt",
    ROOT / "tests" / "data" / "real" / "docs" / "KH_1026-KH-UBND_0a97eb9c.txt",
]


def _encoded(text: str, enc: str) -> bytes:
    if enc in ("tcvn3", "vni"):
        return legacy_bytes(text, encode_table(enc), lower_capitals=enc == "tcvn3")
    if enc == "cp1258":
        from test_readers_text import to_cp1258

        return to_cp1258(text)
    return text.encode(enc)


def _read_time(path: Path) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        read_source(path)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    print(f"{'document':<12} {'format':<8} {'fields':>6} {'bodies':>6} {'duties':>6} "
          f"{'s/page':>8} {'x txt':>7}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for txt in DOCS:
            want = summary(txt)
            lines = nfc_lines(txt)
            text = unicodedata.normalize("NFC", txt.read_text(encoding="utf-8"))
            pdf = to_pdf(lines, Path(tmp) / f"{txt.stem}.pdf")
            pages = read_source(pdf).text.count("\f") + 1
            files = {"txt": txt, "pdf": pdf}
            files["html"] = to_html(lines, Path(tmp) / f"{txt.stem}.html")
            files["docx"] = to_docx(lines, Path(tmp) / f"{txt.stem}.docx")
            for enc in ("utf-16", "cp1258", "tcvn3", "vni"):
                f = Path(tmp) / f"{txt.stem}.{enc}.txt"
                f.write_bytes(_encoded(text, enc))
                files[enc] = f
            base = _read_time(txt) / pages
            for fmt, f in files.items():
                got = summary(f)
                secs = _read_time(f) / pages
                same = [got[k] == want[k] for k in ("document", "bodies", "duties")]
                print(
                    f"{txt.stem[:12]:<12} {fmt:<8} "
                    + " ".join(f"{'yes' if s else 'NO':>6}" for s in same)
                    + f" {secs:8.4f} {secs / base:7.1f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
