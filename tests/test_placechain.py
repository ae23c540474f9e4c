"""kg.placechain (through kg.resolve): a district's or commune's plan that does not name its
province is placed by the plan it implements, never by a namesake elsewhere."""

from __future__ import annotations

from pathlib import Path

from kg.extract import admin
from kg.models import SourceText
from kg.pipeline import extract_source
from kg.resolve import PlaceKey, resolve


def _plan(name: str, left: str, number: str, date: str, town: str, body: str) -> SourceText:
    d, m, y = date.split("/")
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            left,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            f"Số: {number}",
            f"{town}, ngày {d} tháng {m} năm {y}",
            "KẾ HOẠCH",
            body,
            "I. MỤC ĐÍCH, YÊU CẦU",
            "- Xác định rõ nội dung công việc và trách nhiệm thực hiện.",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Trạm Y tế",
            "- Tổ chức tuyên truyền, phổ biến nội dung Kế hoạch đến Nhân dân.",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Nguyễn Văn An",
        ]
    )
    return SourceText(Path(name), name, text + "\n", "utf-8", "0" * 64)


def _implementing(number: str, date: str, issuer: str) -> str:
    return (
        f"Thực hiện Kế hoạch số {number} ngày {date} của {issuer} về việc thực hiện "
        "Chỉ thị số 28-CT/TW ngày 02/03/2023 của Ban Bí thư"
    )


def _corpus() -> list[SourceText]:
    """Two provinces, each with a "huyện Châu Thành" whose plan is 60/KH-UBND (other
    dates), and a commune of each that names only its district."""
    out = []
    for i, (province, day) in enumerate((("Hậu Giang", "14/09/2023"), ("Đồng Tháp", "20/9/2023"))):
        out.append(
            _plan(
                f"{i}a_district.txt",
                "HUYỆN CHÂU THÀNH",
                "60/KH-UBND",
                day,
                "Châu Thành",
                _implementing("12/KH-UBND", "01/8/2023", f"Ủy ban nhân dân tỉnh {province}"),
            )
        )
        out.append(
            _plan(
                f"{i}b_commune.txt",
                "XÃ AN HIỆP" if i else "XÃ PHÚ TÂN",
                f"{100 + i}/KH-UBND",
                "10/10/2023",
                "An Hiệp" if i else "Phú Tân",
                _implementing("60/KH-UBND", day, "Ủy ban nhân dân huyện Châu Thành"),
            )
        )
    return out


def test_same_named_districts_are_told_apart_by_the_plan_implemented() -> None:
    # the premise: neither the district nor the communes' names settle the province
    assert admin.district_named("Châu Thành") is None
    assert admin.commune_district("An Hiệp", {"Châu Thành"}) is None
    records = [extract_source(s) for s in _corpus()]
    assert records[1].document.province is None  # the commune's text never names it
    corpus = resolve(records)
    by_file = {s.record.source.name: s for s in corpus.sources}
    for i, province in enumerate(("Hậu Giang", "Đồng Tháp")):
        district, commune = by_file[f"{i}a_district.txt"], by_file[f"{i}b_commune.txt"]
        place = corpus.documents[commune.doc].place
        assert place is not None and (place.province, place.district) == (province, "Châu Thành")
        # its plan cascades from its own district's plan, not the namesake's
        assert commune.implements[0] == district.doc
        # and its duties go to bodies of its own place
        body = corpus.bodies[commune.bodies[("assignment", 0)]]
        assert body.place is not None and body.place.province == province


def test_a_commune_of_a_namesake_province_plan_stays_open_when_two_plans_fit() -> None:
    """Two Châu Thành plans of one number and date: the chain does not settle it, and no
    namesake is guessed."""
    sources = _corpus()
    sources[2] = _plan(
        "1a_district.txt",
        "HUYỆN CHÂU THÀNH",
        "60/KH-UBND",
        "14/09/2023",
        "Châu Thành",
        _implementing("12/KH-UBND", "01/8/2023", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    )
    corpus = resolve([extract_source(s) for s in sources])
    commune = next(s for s in corpus.sources if s.record.source.name == "0b_commune.txt")
    place = corpus.documents[commune.doc].place
    assert place is not None and place.province is None


def test_numbered_units_are_found_with_their_word() -> None:
    assert admin.district_named("12") == admin.district_named("Quận 12")
    assert admin.district_named("12").province == "Hồ Chí Minh"  # type: ignore[union-attr]
    assert admin.commune_district("14", {"Quận 10"}).province == "Hồ Chí Minh"  # type: ignore[union-attr]
    assert admin.commune_district("V", {"Vị Thanh"}).province == "Hậu Giang"  # type: ignore[union-attr]
    assert admin.commune_district("VI", set(), {"Hậu Giang"}) is None  # not "Phương Vĩ"
    assert PlaceKey("Hồ Chí Minh", "Quận 12").level == "district"
