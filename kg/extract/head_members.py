"""The members of a list that shares one plural head word, printed by abbreviation or brand.

Drafters print a list of bodies of one kind once with its head word ("các Bộ: Tài chính, Xây
dựng", "các Tập đoàn: Điện lực Việt Nam, ..."): each item is a name with the head word left
out. The State's economic groups and corporations are known by their abbreviations and brands,
and a list of them is printed with those instead ("các Tập đoàn VNPT, Viettel, MobiFone";
"Các Tập đoàn, TCT: EVN, VEC, ACV"), the head word naming the kind of the whole list loosely
(MobiFone is a Tổng công ty). So after a head word that opens the names of such a group's
members (the groups of collection bodies:brand-named in ontology/bodies.ttl), every label of
a member of that group names one item.
"""

from __future__ import annotations

from kg.refdata import body_types, collection, filed_under
from kg.text import fold_same_length


def printed_alone(heads: tuple[str, ...], labels: dict[str, str]) -> dict[str, list[str]]:
    """Per folded head word, the folded labels (from ``labels``: folded label -> type id) of
    the members of the brand-named groups its bodies belong to, printed whole after it."""
    types = body_types()
    brands = collection("brand-named")
    members = {tid: filed_under(tid) & brands for tid in types}
    members = {tid: gs for tid, gs in members.items() if gs}
    out: dict[str, list[str]] = {}
    for h in heads:
        kinds = {
            g
            for tid, gs in members.items()
            if any(fold_same_length(x).lower().startswith(h + " ") for x in types[tid].labels)
            for g in gs
        }
        out[h] = sorted(
            label
            for label, tid in labels.items()
            if not label.startswith(("cac ", h + " ")) and kinds & members.get(tid, frozenset())
        )
    return out
