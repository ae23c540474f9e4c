"""One body per tier where a body is named with the levels of two tiers of government.

Since the 2025 reform a province and its communes each have their own body of one kind, and
drafters name both at once with the kind printed once: "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh,
cấp xã", "Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã". That is two bodies, not one
collective (GUIDE: a heading naming several bodies gives one entry per body); the levels of one
tier ("Ủy ban nhân dân các xã, phường") stay one collective. The issuer's own tier is its one
body ("... tỉnh"); a lower tier printed with "cấp" is every body of that tier ("... cấp xã").
"""

from __future__ import annotations

from dataclasses import replace

from kg import lexicon
from kg.extract.bodies import LEVEL_OF_WORD, BodyMatch, Context


def per_tier(m: BodyMatch, ctx: Context) -> list[BodyMatch]:
    """``m`` as one match per tier of government it names, or [m]."""
    tiers = [LEVEL_OF_WORD.get(w) for w in m.levels]
    for i in range(1, len(tiers)):  # "cấp tỉnh, thành phố": the provinces and the centrally
        if (
            m.levels[i] in lexicon.city_words() and m.levels[i - 1] == "tinh"
        ):  # run cities, one tier
            tiers[i] = "province"
    if len(set(tiers)) < 2 or None in tiers or m.type.generic or m.type.collective:
        return [m]
    out: list[BodyMatch] = []
    seen: set[str | None] = set()
    for word, tier in zip(m.levels, tiers, strict=True):
        if tier in seen:
            return [m]  # "các tỉnh, thành phố, xã": a list of units, not one body per tier
        seen.add(tier)
        cap = m.cap and tier != ctx.level
        out.append(replace(m, levels=[word], plural=False, has_cac=False, cap=cap))
    return out


def partner_tiers(m: BodyMatch, ctx: Context) -> list[BodyMatch]:
    """``m`` named as a partner: one match per tier, and a kind of body named at every level
    ("phối hợp với Đoàn thanh niên các cấp") is the one the issuer's bodies work with, at the
    issuer's level (the seeds' convention: partners are specific bodies, GUIDE)."""
    if m.every_level:
        m = replace(m, every_level=False)
    return per_tier(m, ctx)
