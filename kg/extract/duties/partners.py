"""Which bodies named as partners are specific bodies (GUIDE: `coordinates_with` holds
"specific bodies named as partners ...; generic collectives are left out").

A collective whose kind has no level of its own and is printed with none ("phối hợp với các
tổ chức chính trị - xã hội, các cơ quan báo chí") names every body of a kind, anywhere: no
body a reader could contact. Printed with a level ("các tổ chức chính trị - xã hội tỉnh") or
of a kind that has one ("Thuế tỉnh, thành phố", "Ủy ban nhân dân các tỉnh, thành phố trực
thuộc Trung ương") it names the bodies of one tier, which the annotations keep. So does a
collective of mass organisations named by the Front or a mass organisation ("Mặt trận Tổ quốc
Việt Nam Thành phố chủ trì, phối hợp với các tổ chức chính trị - xã hội"): the organisations
of its own system at its own tier, its members.
"""

from __future__ import annotations

from kg.models import BodyMention
from kg.refdata import body_types


def specific(partner: BodyMention, holder: BodyMention) -> bool:
    """Is ``partner`` of ``holder``'s duty a body, or the bodies of one tier, rather than a
    kind of body?"""
    t = body_types().get(partner.type_id or "")
    if t is None or not t.collective:
        return True
    if holder.kind == "mass-org" and t.kind == "mass-org":
        return True
    return t.level is not None or partner.level is not None
