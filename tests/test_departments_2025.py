"""Provincial departments as the 2025 reorganisation left them (issue 10): a province that
keeps tourism apart has a Sở Văn hóa và Thể thao and a Sở Du lịch, other bodies than the Sở Văn
hóa, Thể thao và Du lịch; a ministry's text names both kinds at once, with a slash."""

from __future__ import annotations

from snippets import duties_of, named_bodies, table

from kg.models import DocumentFacts

HUE = DocumentFacts(
    issuer="Ủy ban nhân dân thành phố Huế",
    issuer_level="province",
    issuer_kind="state",
    province="Huế",
)
MINISTRY = DocumentFacts(
    issuer="Bộ Văn hóa, Thể thao và Du lịch", issuer_level="central", issuer_kind="state"
)


def test_culture_and_sports_is_not_culture_sports_and_tourism() -> None:
    names = [n for n, _ in named_bodies("Sở Văn hóa và Thể thao, Sở Du lịch phối hợp", HUE)]
    assert names == ["Sở Văn hóa và Thể thao", "Sở Du lịch"]
    names = [n for n, _ in named_bodies("Sở Văn hóa, Thể thao và Du lịch chủ trì", HUE)]
    assert names == ["Sở Văn hóa, Thể thao và Du lịch"]


ARTICLE = """Điều 3. Tổ chức thực hiện

1. Các cơ quan trực thuộc Bộ tổ chức thực hiện Quyết định này.

2. Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung
ương:

- Tổ chức thực hiện quản lý nhà nước về văn hóa, thể thao tại địa phương.

- Báo cáo kết quả thực hiện về Bộ Văn hóa, Thể thao và Du lịch.
"""


def test_two_departments_joined_by_a_slash_are_two_entries() -> None:
    got = {name: (mode, n) for name, mode, n in table(duties_of(ARTICLE, MINISTRY)[0])}
    assert got["Sở Văn hóa, Thể thao và Du lịch"] == ("assigned", 2)
    assert got["Sở Văn hóa và Thể thao"] == ("assigned", 2)
