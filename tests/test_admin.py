"""Administrative units from the vietnamadminunits tables."""

from __future__ import annotations

import subprocess
import sys

from kg.extract import admin


def test_provinces_of_both_eras_and_central_cities():
    assert admin.province_named("NGHỆ AN") == "Nghệ An"
    assert admin.province_named("Dak Lak") == "Đắk Lắk"
    assert admin.province_named("Quế Phong") is None
    assert admin.is_central_city("Hà Nội") and not admin.is_central_city("Vinh")


def test_districts_and_ambiguity():
    d = admin.district_named("Buôn Ma Thuột")
    assert (d.name, d.type, d.province) == ("Buôn Ma Thuột", "Thành phố", "Đắk Lắk")
    assert admin.district_named("Châu Thành") is None  # in a dozen provinces
    assert admin.district_named("Châu Thành", {"Long An"}).province == "Long An"


def test_communes_before_and_after_2025():
    assert admin.commune_district("Ea Kao", {"Buôn Ma Thuột"}).province == "Đắk Lắk"
    assert admin.commune_province("Mường Xén") == "Nghệ An"
    assert admin.commune_province("Tân Lập") is None  # too common without a hint


def test_a_look_alike_commune_elsewhere_does_not_override_the_named_district():
    # only "Đại Tự" (Yên Lạc, Vĩnh Phúc) is in the tables; the text names huyện Đại Từ
    assert admin.commune_district("Đại Từ", {"Đại Từ"}) is None
    assert admin.commune_district("Đại Tự", {"Yên Lạc"}).province == "Vĩnh Phúc"


def test_the_tables_are_read_without_importing_the_package():
    """Its parsers take seconds to import (shapely ...): an incremental build extracting
    one plan paid that for two JSON files. A fresh interpreter, so that no other test
    has imported the package first."""
    code = (
        "import sys\n"
        "from kg.extract import admin\n"
        "from kg import reorg\n"
        "assert admin.province_named('Dak Lak') == 'Đắk Lắk'\n"
        "assert reorg.units()\n"
        "print(sorted(m for m in sys.modules if m.startswith('vietnamadminunits')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_place_name_cut_by_the_wrap_is_completed_by_the_next_line():
    # a web copy wraps inside a place's name: the next line's first word finishes it when the
    # words joined name a province, a district or a commune and the words before it did not
    from kg.extract.bodies import find_bodies

    def names(text: str) -> list[str]:
        return [" ".join(b.as_written.split()) for b in find_bodies(text)]

    assert names("Cảng vụ Hàng hải Vũng\nTàu chủ trì kiểm tra.") == ["Cảng vụ Hàng hải Vũng Tàu"]
    assert names("Ủy ban nhân dân tỉnh Thanh\nHóa phối hợp.") == ["Ủy ban nhân dân tỉnh Thanh Hóa"]
    # a name already whole does not take the next line's first word (a new sentence)
    assert names("Cảng vụ Hàng hải Quy Nhơn\nPhối hợp kiểm tra.") == ["Cảng vụ Hàng hải Quy Nhơn"]
