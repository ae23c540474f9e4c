"""Vietnamese administrative units: which province a district or commune lies in.

Plans often name only their own district ("Ủy ban nhân dân huyện Quế Phong");
the province comes from the reference data of the ``vietnamadminunits``
package (63 provinces with districts and wards before the 2025 reform, 34
provinces with wards after it). Its own parser pulls numpy and shapely, so we
read only its bundled JSON tables, once, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.models import AdminUnit
from kg.resources import adminunits_table
from kg.text import fold, normalize_key


def unit_key(name: str) -> str:
    """Lookup key: no accents, case or spaces (the package's own key style)."""
    return "".join(fold(name).split())


def _accent_key(name: str) -> str:
    """Key that keeps the accents: tells "Đức Lập" from "Đức Lạp"."""
    return "".join(normalize_key(name).split())


@dataclass(frozen=True)
class District:
    name: str  # "Quế Phong"
    type: str  # "Huyện", "Thành phố", "Thị xã", "Quận"
    province: str  # "Nghệ An"


@dataclass(frozen=True)
class _Tables:
    provinces: dict[str, str]  # unit_key -> short name (both eras)
    central_cities: frozenset[str]  # unit_key of centrally-run cities
    districts: dict[str, list[District]]  # unit_key(short) -> candidates
    communes_2025: dict[str, list[tuple[str, str]]]  # unit_key(short) -> (name, province)
    communes_legacy: dict[str, list[tuple[str, str, str]]]  # -> (name, district, province)


def _printed(name: object) -> str:
    """The name as documents print it: the package tells homonyms in one province apart
    with "(Huyện)" / "(Thành phố)", which the unit's type already says."""
    return re.sub(r"\s*\([^)]*\)$", "", str(name))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    legacy = adminunits_table("parser_legacy.json")
    modern = adminunits_table("parser_from_2025.json")
    provinces: dict[str, str] = {}
    central: set[str] = set()
    for table in (legacy["DICT_PROVINCE"], modern["DICT_PROVINCE"]):
        for info in table.values():
            short = info["provinceShort"]
            provinces[unit_key(short)] = short
            if info["province"].startswith("Thành phố"):
                central.add(unit_key(short))
    districts: dict[str, list[District]] = {}
    for pkey, dists in legacy["DICT_PROVINCE_DISTRICT"].items():
        pname = legacy["DICT_PROVINCE"][pkey]["provinceShort"]
        for info in dists.values():
            d = District(_printed(info["districtShort"]), info["districtType"], pname)
            districts.setdefault(unit_key(d.name), []).append(d)
    # the NO_ACCENTED tables keep one of two wards whose names differ only by accents
    # ("Lộc Thành", "Lộc Thạnh" of Lộc Ninh); the ACCENTED ones hold the other
    communes: dict[str, list[tuple[str, str]]] = {}
    for table in ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED"):
        for pkey, wards in modern[table].items():
            pname = modern["DICT_PROVINCE"][pkey]["provinceShort"]
            for info in wards.values():
                entry = (str(info["wardShort"]), pname)
                same = communes.setdefault(unit_key(entry[0]), [])
                if entry not in same:
                    same.append(entry)
    old_communes: dict[str, list[tuple[str, str, str]]] = {}
    for table in (
        "DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED",
        "DICT_PROVINCE_DISTRICT_WARD_ACCENTED",
    ):
        for pkey, dists in legacy[table].items():
            pname = legacy["DICT_PROVINCE"][pkey]["provinceShort"]
            for dkey, wards in dists.items():
                dinfo = legacy["DICT_PROVINCE_DISTRICT"].get(pkey, {}).get(dkey)
                if dinfo is None:
                    continue
                for info in wards.values():
                    old = (_printed(info["wardShort"]), _printed(dinfo["districtShort"]), pname)
                    same = old_communes.setdefault(unit_key(old[0]), [])
                    if old not in same:
                        same.append(old)
    return _Tables(provinces, frozenset(central), districts, communes, old_communes)


# a unit named by a number: "Quận 12", "Phường 14", "Phường IV" (printed "QUẬN 12", read as
# the unit word and "12"); the reference data lists some with their word, some bare
_NUMBER = re.compile(r"\d+|[IVXL]+")


def by_number(name: str) -> bool:
    """A unit's name that is a number ("12", "IV"): it only means something with its word."""
    return bool(_NUMBER.fullmatch(name.strip()))


def _entries(table: dict[str, list], name: str, words: tuple[str, ...]) -> list:
    """The table's entries for ``name``; a number is also looked up with its unit words."""
    found = table.get(unit_key(name), [])
    if by_number(name):
        for w in words:  # "Phường 14", not "Phương Vĩ" for "VI"
            full = _accent_key(f"{w} {name}")
            found = found + [
                e for e in table.get(unit_key(full), []) if _accent_key(_name_of(e)) == full
            ]
    return found


def _name_of(entry: object) -> str:
    return entry.name if isinstance(entry, District) else entry[0]  # type: ignore[index]


def province_named(name: str) -> str | None:
    """The province's canonical short name if ``name`` is one ("Đắk Lắk")."""
    return _tables().provinces.get(unit_key(name))


def is_central_city(name: str) -> bool:
    """Hà Nội, Hải Phòng, Đà Nẵng, TP Hồ Chí Minh, Cần Thơ, Huế: province-level cities."""
    return unit_key(name) in _tables().central_cities


def _pick(cands: list, accented: str, prefer: set[str], prov_of) -> object | None:
    if not cands:
        return None
    exact = [c for c in cands if _accent_key(c[0] if isinstance(c, tuple) else c.name) == accented]
    pool = exact or cands
    preferred = [c for c in pool if unit_key(prov_of(c)) in prefer]
    if preferred:
        return preferred[0]
    return pool[0] if len(pool) == 1 else None


def district_named(
    name: str,
    prefer_provinces: set[str] | frozenset[str] = frozenset(),
    unit_type: str | None = None,
) -> District | None:
    """The district called ``name``; ambiguous names need a province named in the text."""
    cands = _entries(_tables().districts, name, (unit_type or "quận",))
    if unit_type:
        typed = [d for d in cands if unit_key(d.type) == unit_key(unit_type)]
        cands = typed or cands
    prefer = {unit_key(p) for p in prefer_provinces}
    found = _pick(cands, _accent_key(name), prefer, lambda d: d.province)
    return found if isinstance(found, District) else None


def one_district(
    names: set[str], prefer_provinces: set[str] | frozenset[str] = frozenset()
) -> tuple[str | None, str | None]:
    """(district, province) when the text names one district ("UBND huyện X", the plan a
    commune's plan implements): a name several provinces share ("Châu Thành") keeps no
    province, for kg.resolve to find from the plan it implements."""
    whole = {n for n in names if not any(o.startswith(n + " ") for o in names)}
    found = {district_named(n, prefer_provinces) for n in whole} - {None}
    if len(found) == 1:
        d = found.pop()
        return d.name, d.province  # type: ignore[union-attr]
    shared = [n for n in whole if _entries(_tables().districts, n, ("quận",))]
    if not found and len(shared) == 1:
        return shared[0], None
    return None, None


def commune_province(
    name: str, prefer_provinces: set[str] | frozenset[str] = frozenset()
) -> str | None:
    """Province of a post-2025 commune or ward, when the name settles it."""
    cands = _entries(_tables().communes_2025, name, ("phường",))
    prefer = {unit_key(p) for p in prefer_provinces}
    found = _pick(cands, _accent_key(name), prefer, lambda c: c[1])
    return found[1] if isinstance(found, tuple) else None


def commune_named(name: str) -> str | None:
    """``name`` when the unit data knows it, accents and all, as a commune or ward (after or
    before the 2025 reform), else None. A one-word name is not taken: commune names of one
    word are rare and many words of running text are one ("Chủ")."""
    if len(name.split()) < 2:
        return None
    t = _tables()
    key = _accent_key(name)
    for table in (t.communes_2025, t.communes_legacy):
        if any(_accent_key(_name_of(e)) == key for e in _entries(table, name, ("phường",))):
            return name
    return None


def district_short(name: str) -> str | None:
    """``name`` when the unit data knows it as a district (before the 2025 reform)."""
    return name if _entries(_tables().districts, name, ("quận",)) else None


def commune_district(
    name: str,
    prefer_districts: set[str] | frozenset[str] = frozenset(),
    prefer_provinces: set[str] | frozenset[str] = frozenset(),
) -> District | None:
    """District and province of a commune before the 2025 reform (when districts existed).

    Commune names repeat across the country, so a candidate must sit in a district
    or province the text names, unless the name is unique.
    """
    cands = _entries(_tables().communes_legacy, name, ("phường",))
    exact = [
        c for c in cands if _accent_key(c[0]) in (_accent_key(name), _accent_key(f"phường {name}"))
    ]
    accented = exact or cands
    dkeys = {unit_key(f"quận {d}" if by_number(d) else d) for d in prefer_districts}
    pkeys = {unit_key(p) for p in prefer_provinces}
    for pool in (
        [c for c in accented if unit_key(c[1]) in dkeys],
        [c for c in accented if unit_key(c[2]) in pkeys],
    ):
        if len({(c[1], c[2]) for c in pool}) == 1:
            return District(pool[0][1], "", pool[0][2])
    if not exact and (dkeys or pkeys):
        return None  # "Hải Lăng" is not "Hải Lạng" elsewhere when the text names its own place
    if len({(c[1], c[2]) for c in accented}) == 1:
        return District(accented[0][1], "", accented[0][2])
    return None


def admin_unit(
    name: str, level: str, prefer_provinces: set[str] | frozenset[str] = frozenset()
) -> AdminUnit:
    """An AdminUnit with its province filled in from the reference data when known."""
    if level == "province":
        return AdminUnit(
            name=province_named(name) or name,
            level="province",
            province=province_named(name) or name,
        )
    if level == "district":
        d = district_named(name, prefer_provinces)
        return AdminUnit(
            name=d.name if d else name, level="district", province=d.province if d else None
        )
    return AdminUnit(name=name, level="commune", province=commune_province(name, prefer_provinces))


_NEXT_LINE_TOKEN = re.compile(r"[ \t]*\n[ \t]*([A-ZĐÀ-Ỹ][^\W\d_]*)")


def _place_named(name: str) -> bool:
    """Whether the unit data knows ``name`` as a province, a district or a commune."""
    return bool(province_named(name) or district_named(name) or commune_named(name))


def wrapped_place(text: str, pos: int, tokens: list[str]) -> re.Match[str] | None:
    """The first word of the next line when it completes the name of a place cut by the
    web copy's wrap ("Ủy ban nhân dân tỉnh Thanh" / "Hóa phối hợp ...", "Cảng vụ Hàng hải
    Nha" / "Trang từ chối ..."): a capital at a line's start usually opens a sentence, but
    not when it finishes the name of a province, a district or a commune the words before it
    began."""
    m = _NEXT_LINE_TOKEN.match(text, pos)
    if m and _place_named(" ".join([*tokens, m.group(1)])) and not _place_named(" ".join(tokens)):
        return m
    return None
