"""Lineage: which duty of a parent document each plan that implements it carries out.

Computed on the resolved corpus, between resolve and RDF: for each plan and each
document it implements that is in the corpus too, a parent duty's counterpart is the
child duty of a body of the same sector at the same or a lower level with similar
wording; a parent duty with none was dropped. The links name documents by their
ResolvedDocument key and duties by their number in the document (kg.rdf numbers them
the same way), and kg.rdf emits them as ``dkg:counterpartOf`` / ``dkg:droppedIn`` in
the same pass as everything else.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.models import LineageLink
from kg.read import LEVEL_RANK
from kg.resolve import ResolvedCorpus, ResolvedSource
from kg.text import fold

_STOP = set(
    fold(
        "các và của cho với trên tại theo để được có là những trong về từ đến này đó "
        "địa bàn tổ chức thực hiện triển khai chủ trì phối hợp tham mưu ủy ban nhân dân "
        "tỉnh huyện xã thành phố thị xã phường thị trấn cấp cơ quan đơn vị liên quan "
        "sở phòng ban ngành đoàn thể trẻ em chống công tác nhiệm vụ hoạt động tăng cường "
        "đẩy mạnh nâng cao hiệu quả"
    ).split()
)


def _tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"\w+", fold(text)) if t not in _STOP and not t.isdigit()]


def _grams(tokens: list[str], n: int = 3) -> Counter:
    s = " ".join(tokens)
    return Counter(s[i : i + n] for i in range(max(0, len(s) - n + 1)))


@dataclass(frozen=True)
class _Wording:
    """What ``similarity`` needs of a text, computed once per duty."""

    words: frozenset[str]
    grams: Counter
    norm: float

    @classmethod
    def of(cls, text: str) -> _Wording:
        tokens = _tokens(text)
        grams = _grams(tokens)
        return cls(frozenset(tokens), grams, math.sqrt(sum(v * v for v in grams.values())))


def _similar(a: _Wording, b: _Wording) -> float:
    if not a.words or not b.words:
        return 0.0
    dice = 2 * len(a.words & b.words) / (len(a.words) + len(b.words))
    small, big = (a.grams, b.grams) if len(a.grams) <= len(b.grams) else (b.grams, a.grams)
    dot = sum(v * big[k] for k, v in small.items())
    cosine = dot / (a.norm * b.norm) if a.norm and b.norm else 0.0
    return (dice + cosine) / 2


def similarity(a: str, b: str) -> float:
    """Wording similarity in [0, 1]: mean of content-word Dice and character-trigram cosine.

    Both run on folded text (no diacritics, one tone placement, lower case) without
    administrative filler words, so "tỉnh" vs "huyện" or "Sở" vs "Phòng" cost nothing.
    """
    return _similar(_Wording.of(a), _Wording.of(b))


@dataclass
class _LDuty:
    """What matching needs of a duty: its number in its document and its body's place."""

    n: int
    doc: str
    body: str
    sector: str | None
    level: str | None
    text: str
    collective: bool = False

    @property
    def wording(self) -> _Wording:
        w = self.__dict__.get("_wording")
        if w is None:
            w = self.__dict__["_wording"] = _Wording.of(self.text)
        return w


def _source_duties(corpus: ResolvedCorpus, src: ResolvedSource) -> list[_LDuty]:
    """The duties of one source, numbered in reading order as kg.rdf numbers them."""
    out, n = [], 0
    for i, a in enumerate(src.record.assignments):
        key = src.bodies[("assignment", i)]
        body = corpus.bodies[key]
        for duty in a.duties:
            n += 1
            out.append(_LDuty(n, src.doc, key, body.sector, body.level, duty.text, body.collective))
    return sorted(out, key=lambda d: str(d.n))  # the order of their IRIs (.../duty/10 < /2)


SAME_SECTOR_THRESHOLD = 0.4
TEXT_ONLY_THRESHOLD = 0.6


def _compatible(
    parent: _LDuty, child: _LDuty, child_level: str | None = None
) -> tuple[bool, float]:
    """Whether ``child`` may carry out ``parent``, and the similarity it must reach.

    ``child_level`` is the level of the child plan. A parent duty addressed to a
    collective at that level ("UBND các huyện", "các xã, thị trấn") is addressed
    to the child plan's issuer among others, which hands it to any of its
    bodies: the sector then does not constrain the match.
    """
    if (
        parent.level
        and child.level
        and LEVEL_RANK.get(child.level, 9) < LEVEL_RANK.get(parent.level, 9)
    ):
        return False, 1.0  # a plan does not hand a duty upwards
    if parent.collective and child_level and parent.level == child_level:
        return True, SAME_SECTOR_THRESHOLD
    if parent.sector and child.sector:
        if _sector_key(parent.sector) != _sector_key(child.sector):
            return False, 1.0
        return True, SAME_SECTOR_THRESHOLD
    return True, TEXT_ONLY_THRESHOLD


@lru_cache(maxsize=1024)
def _sector_key(sector: str) -> str:
    """Sectors are a few names compared for every pair of duties: fold each once."""
    return fold(sector)


def lineage_pairs(corpus: ResolvedCorpus) -> list[tuple[str, str]]:
    """(parent, child) document keys: child says it implements parent, both in the corpus.

    The links kg.rdf writes as eli:ensures_implementation_of
    (``ResolvedSource.implementation_links``).
    """
    pairs = {
        (parent, child) for src in corpus.sources for child, parent, _ in src.implementation_links()
    }
    ingested = {src.doc for src in corpus.sources}
    return sorted((p, c) for p, c in pairs if p in ingested and c in ingested)


def compute_lineage(
    corpus: ResolvedCorpus, memo: dict[tuple, list[LineageLink]] | None = None
) -> list[LineageLink]:
    """For each plan and each implemented document in the corpus: counterparts and drops.

    A parent duty's counterpart is the child duty of a body of the same sector at
    the same or a lower level whose wording is most similar, if similar enough
    (``SAME_SECTOR_THRESHOLD``); when either body has no known sector, only very
    similar wording counts (``TEXT_ONLY_THRESHOLD``). No counterpart: dropped.

    ``memo``: the links of each (parent, child) pair from an earlier build, keyed by
    everything they depend on (both documents' duties, the child's level); pairs
    found there are not matched again, and the pairs matched now are added.
    """
    duties = {src.doc: _source_duties(corpus, src) for src in corpus.sources}
    levels = {src.doc: src.record.document.issuer_level for src in corpus.sources}
    digests: dict[str, str] = {}

    def digest(doc: str) -> str:
        if doc not in digests:
            digests[doc] = hashlib.sha256(repr(duties.get(doc, [])).encode()).hexdigest()
        return digests[doc]

    links: list[LineageLink] = []
    for parent, child in lineage_pairs(corpus):
        p_duties, c_duties = duties.get(parent, []), duties.get(child, [])
        if not p_duties or not c_duties:
            continue
        key = (digest(parent), digest(child), levels.get(child))
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = _pair_links(p_duties, c_duties, levels.get(child))
            if memo is not None:
                memo[key] = found
        links += found
    return links


def _pair_links(
    p_duties: list[_LDuty], c_duties: list[_LDuty], child_level: str | None
) -> list[LineageLink]:
    """Each parent duty's counterpart among the child's duties, or its drop."""
    links = []
    for pd in p_duties:
        best, best_score = None, 0.0
        for cd in c_duties:
            ok, threshold = _compatible(pd, cd, child_level)
            if not ok:
                continue
            score = _similar(pd.wording, cd.wording)
            if score >= threshold and score > best_score:
                best, best_score = cd, score
        links.append(
            LineageLink(
                parent_doc=pd.doc,
                parent_duty=pd.n,
                child_doc=c_duties[0].doc,
                child_duty=best.n if best else None,
                score=round(best_score, 3) if best else None,
            )
        )
    return links
