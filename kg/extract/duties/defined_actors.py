"""A class of regulated actors a short legal text names in its organisation article by the term
it uses throughout ("2. Tổ chức kiểm định có trách nhiệm kê khai, niêm yết ..." in a circular
whose scope article says who the "tổ chức kiểm định" are): the reference data knows no such
body, but the sentence's shape (a common noun phrase, then "có / chịu trách nhiệm") makes the
phrase its subject, and the text uses the term before. Named as printed (GUIDE: a class of
actors is named by its printed phrase)."""

from __future__ import annotations

import re

from kg.extract.body_match import BodyMatch, find_bodies
from kg.refdata import body_types
from kg.text import fold_same_length

# a capitalised common noun phrase of two to six words, then the responsibility it bears (not
# the executors formula, not to whom it answers)
_SUBJECT = re.compile(
    r"\s*([A-ZĐÀ-Ỹ][^\W\d_]*(?:[ \t]+[a-zđà-ỹ][^\W\d_]*){1,5}?)\s+(?:có|chịu)\s+trách\s+nhiệm"
    r"(?!\s+thi\s+hành)(?!\s+(?:toàn\s+diện\s+)?trước)"
)
_CLASS_TYPE = "CacToChucCaNhan"  # ontology/bodies.ttl: a class of non-state actors


def defined_actor(text: str, whole: str, at: int) -> tuple[BodyMatch, int] | None:
    """(the class, where its responsibility starts in ``text``) when ``text`` opens with a
    term for regulated actors that the document ``whole`` used before offset ``at``; None
    otherwise."""
    m = _SUBJECT.match(text)
    if m is None or find_bodies(m.group(1)):
        return None
    term = " ".join(fold_same_length(m.group(1)).lower().split())
    earlier = " ".join(fold_same_length(whole[:at]).lower().split())
    if not re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", earlier):
        return None  # a term the text never used before: maybe a verb phrase ("Tổ chức ...")
    t = body_types()[_CLASS_TYPE]
    bm = BodyMatch(m.start(1), m.end(1), t, m.group(1), label_end=m.end(1))
    return bm, m.end(1)
