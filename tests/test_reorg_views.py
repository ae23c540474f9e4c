"""Bodies that follow the 2025 reorganisation in the views (issue 13): the read model's
chains, a body's page (what it became, by which acts, since when; splits listed, not
chosen), a duty's "who carries it now", and `dkg trace --today`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.queries import open_store_dir
from kg.read import Act, Body, Document, Duty, ReadModel, Succession, load_model
from kg.views.site import build_site, write_site

ID = "https://w3id.org/dkg/id/body/"


def model_with_chain() -> ReadModel:
    """A split in March (A -> B, C), then B merged in July (B -> D); X never changed."""
    m = ReadModel()
    for k in "ABCDX":
        m.bodies[ID + k] = Body(ID + k, f"Cơ quan {k}")
    act = Act("urn:act", "1/2025/QH15", "Nghị quyết", "2025-02-18")
    m.changes[ID + "A"] = [
        Succession(
            "urn:e1",
            ID + "A",
            "2025-03-01",
            [(ID + "B", "việc b"), (ID + "C", None)],
            [act],
            split=True,
        )  # fmt: skip
    ]
    m.changes[ID + "B"] = [Succession("urn:e2", ID + "B", "2025-07-01", [(ID + "D", None)], [act])]
    return m


def test_the_read_model_follows_a_chain_to_todays_bodies():
    m = model_with_chain()
    assert [c.event for c in m.chain(ID + "A")] == ["urn:e1", "urn:e2"]
    assert m.carried_by_now(ID + "A") == ([ID + "C", ID + "D"], True)  # split: both, no choice
    assert m.carried_by_now(ID + "B") == ([ID + "D"], False)  # a plain merger
    assert m.carried_by_now(ID + "X") == ([ID + "X"], False)  # still exists
    assert [c.event for c in m.origins[ID + "D"]] == ["urn:e2"]
    m.changes[ID + "D"] = [Succession("urn:e3", ID + "D", "2025-08-01", [(ID + "A", None)])]
    assert len(m.chain(ID + "A")) == 3  # a cycle in bad data ends


@pytest.fixture(scope="module")
def seed_site(seed_store_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reorg-site") / "site"
    build_site(open_store_dir(seed_store_dir), out)
    return out


def text_of(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


def section(page: Path, ident: str) -> str:
    raw = page.read_text(encoding="utf-8")
    start = raw.index(f'id="{ident}"')
    return raw[start : raw.index("</section>", start)]


def test_a_body_page_says_what_the_body_became(seed_site):
    page = seed_site / "body-phong-ldtbxh-nghe-an-que-phong.html"
    part = section(page, "reorg")
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())
    assert "Sắp xếp bộ máy năm 2025" in words
    assert "Từ ngày 01/03/2025" in words and "Từ ngày 01/07/2025" in words
    assert "45/2025/NĐ-CP ngày 28/02/2025" in words and "72/2025/QH15" in words
    assert "Phòng Nội vụ (Quế Phong, Nghệ An) — lao động, việc làm" in words
    # today: every body at the end of the chain, the split said, none chosen
    assert "Nay (sau sắp xếp năm 2025) do" in words
    assert "Sở Nội vụ (Nghệ An)" in part and "Phòng Văn hóa - Xã hội (Tri Lễ, Nghệ An)" in part
    assert "không chọn một" in words
    assert "chưa đối chiếu được" in words  # an act whose number or date is not confirmed
    # successors link to their own pages, which say what they were formed from
    hrefs = re.findall(r'href="(body-[^"#]+\.html)"', part)
    assert "body-so-noi-vu-nghe-an.html" in hrefs
    assert all((seed_site / h).exists() for h in hrefs)
    back = text_of(seed_site / "body-so-noi-vu-nghe-an.html")
    assert "Hình thành từ" in back and "Phòng Nội vụ (Quế Phong, Nghệ An)" in back


def test_a_ministry_follows_the_decrees_on_its_functions(seed_site):
    words = " ".join(text_of(seed_site / "body-bo-ldtbxh.html").split())
    assert "Bộ Nông nghiệp và Môi trường — giảm nghèo" in words
    assert "Bộ Nội vụ — lao động, việc làm" in words and "176/2025/QH15" in words


def test_a_duty_shows_who_carries_it_now(seed_site):
    plan = next(seed_site.glob("doc-ke-hoach-uy-ban-nhan-dan-huyen-que-phong-*.html"))
    raw = plan.read_text(encoding="utf-8")
    group = raw[raw.index('href="body-phong-ldtbxh-nghe-an-que-phong.html"') :]
    now = group[group.index('class="now') : group.index("</div>", group.index('class="now'))]
    assert "Sở Y tế (Nghệ An)" in now and "không chọn một" in html.unescape(now)
    assert 'href="body-phong-ldtbxh-nghe-an-que-phong.html#reorg"' in now
    # a body that still exists has no such line
    unchanged = text_of(seed_site / "body-cong-an-nghe-an-que-phong.html")
    assert "Hình thành từ" not in unchanged or "Nay (sau sắp xếp" not in unchanged


def test_reorg_text_is_escaped(tmp_path):
    m = model_with_chain()
    evil = "<script>window.__pwned=1</script>"
    m.bodies[ID + "B"] = Body(ID + "B", evil)
    m.changes[ID + "A"][0].successors[0] = (ID + "B", '"><img src=x onerror=alert(1)>')
    m.docs["urn:d"] = Document("urn:d", label="Kế hoạch 1")
    m.duties.append(Duty("urn:duty", "urn:d", ID + "A", "Làm việc"))
    write_site(m, tmp_path / "site")
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").glob("*.html"))
    assert "<script>window.__pwned" not in pages and "<img src=x" not in pages
    assert "&lt;script&gt;window.__pwned" in pages


def test_trace_today_shows_todays_bodies(seed_store_dir):
    runner = CliRunner()
    args = ["trace", "28-CT/TW", "--store", str(seed_store_dir)]
    result = runner.invoke(main, [*args, "--today"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    i = next(
        i for i, ln in enumerate(lines) if "Phòng Lao động - Thương binh và Xã hội (Quế Phong" in ln
    )
    assert "→ now:" in lines[i + 1] and "Sở Nội vụ (Nghệ An)" in lines[i + 1]
    assert "none chosen" in lines[i + 1]
    assert any("issuer now: Ủy ban nhân dân thành phố Hải Phòng" in ln for ln in lines)
    plain = runner.invoke(main, [*args, "--duties"])
    assert "now:" not in plain.output  # only when asked
    as_json = runner.invoke(main, [*args, "--today", "--format", "json"])
    duties = []

    def walk(node: dict) -> None:
        duties.extend(node.get("duties") or [])
        for child in node["children"]:
            walk(child)

    for tree in json.loads(as_json.output):
        walk(tree)
    labour = [
        d for d in duties if d["body"].startswith("Phòng Lao động") and d["place"] == "Quế Phong"
    ]
    assert labour and all(d["ambiguous"] for d in labour)
    assert {"body": "Sở Nội vụ", "place": "Nghệ An"} in labour[0]["carried_by_now"]
    unchanged = [d for d in duties if not d["ambiguous"] and len(d["carried_by_now"]) == 1]
    assert unchanged  # a body that still exists carries its own duties


def test_seed_model_has_changes_with_acts(seed_store_dir):
    m = load_model(open_store_dir(seed_store_dir))
    assert m.changes and all(c.acts for cs in m.changes.values() for c in cs)
    assert all(c.date in ("2025-03-01", "2025-07-01") for cs in m.changes.values() for c in cs)
