"""Facts about the document itself: type, number, date, issuer, signer, subject, recipients.

Rules follow NĐ 30/2020/NĐ-CP (state) and the Party's drafting rules: the
issuer block sits top left ("ỦY BAN NHÂN DÂN / HUYỆN X", "ĐẢNG BỘ TỈNH ... /
HUYỆN ỦY ..."), then "Số: 12/KH-UBND", the place and date line, the type line
(KẾ HOẠCH), the trích yếu, the opening, and at the end "Nơi nhận:" beside the
signature (TM./KT./T/M, title, name). kg.structure finds and classifies
those lines; this module only turns them into normalised facts (canonical
type, number, date precision, title casing, issuer level, kind and place).
PDF extractions often lose the header; the issuer is then read from the
opening ("Ủy ban nhân dân huyện X ban hành Kế hoạch") and the signature ("TM.
ỦY BAN NHÂN DÂN"), and the place name from the rest of the text, checked
against the administrative-unit reference data.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kg import lexicon
from kg.extract import admin, bodies, named
from kg.extract.organs import (
    _CENTRAL,
    _COMMITTEES,
    _NAME,
    _SUB_ORGAN,
    _UNIT_TYPES,
    _block_office,
    _central_issuer,
    _clean_at,
    _compose,
    _Issuer,
    _issuer_lines,
    _merge,
    _office_enacts,
    _parse_org,
    _role,
    _span,
    _sub_span,
    _title_name,
    _unit_level,
    _wraps,
)
from kg.extract.own_year import infer_year
from kg.extract.webmeta import PageField, page_metadata
from kg.models import (
    BodyMention,
    CleanText,
    DocRef,
    DocumentFacts,
    HeaderLine,
    Recipient,
    Span,
    Structure,
)
from kg.numbers import NUMBER_RE, is_consolidated, type_from_number
from kg.structure.lines import SIGNING_MODES
from kg.text import is_heading_caps, normalize_key

# ---------------------------------------------------------------- signature


_MODE_RE = re.compile(rf"^(?P<mode>{SIGNING_MODES}|Q)(?:\s*[.:]\s*|\s+)(?P<who>[A-ZĐÀ-Ỹ].*)$")


def _title_case_role(s: str, *, office_only: bool = False) -> str:
    """A printed title in the data's casing ("PHÓ CỤC TRƯỞNG" -> "Phó Cục trưởng"); words
    that are no title (the unit's name) stay lower case (ontology/titles.ttl). ``office_only``:
    the office alone, without the name of the unit it heads that a signer's title may print
    after it, opening with the office's own unit word ("TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC
    TẾ" -> "Trưởng ban", "CỤC TRƯỞNG CỤC ..." -> "Cục trưởng")."""
    low = normalize_key(s)
    out: list[str] = []
    while low:
        label = lexicon.office_title_at(low)
        if label:
            out.append(label)
            low = low[len(label) :].strip()
        elif office_only and out and low.split()[0] in normalize_key(out[-1]).split():
            break
        else:
            word, _, low = low.partition(" ")
            out.append(word)
    return " ".join(out)


_DEPUTY_AFTER = re.compile(r"\S\s+(PHÓ\s+\S.*)$")


@dataclass
class _Signature:
    mode: str | None = None
    organ_line: str | None = None  # "ỦY BAN NHÂN DÂN" of "TM. ỦY BAN NHÂN DÂN"
    title: str | None = None
    title_span: Span | None = None
    signer: str | None = None
    signer_span: Span | None = None
    mode_span: Span | None = None


def _signature(clean: CleanText, closing: list[HeaderLine]) -> _Signature:
    """The first signature block of the closing, as the structure stage read it.

    The mode line (TM./KT./T/M) names the organ signed for, or the head's
    title for KT./TL.; the title under it and the signer's name follow.
    """
    sig = _Signature()
    for h in closing:
        if h.role == "signature_mode":
            m = _MODE_RE.match(h.text)
            if not m:
                continue
            if sig.mode is None:
                sig.mode = m["mode"].replace("/", "").replace(".", "") + "."
                sig.mode_span = h.span
            if m["mode"].upper().replace("/", "").replace(".", "") == "TM":
                sig.organ_line = sig.organ_line or m["who"]
            else:
                sig.title, sig.title_span = m["who"], h.span
                deputy = _DEPUTY_AFTER.search(m["who"])
                if deputy and m["mode"].upper().startswith("K"):
                    # "KT. TRƯỞNG BAN ... PHÓ TRƯỞNG BAN": the signer's title on the same line
                    a = len(h.text) - len(m["who"]) + deputy.start(1)
                    sig.title, sig.title_span = deputy[1], _sub_span(clean, h, a, len(h.text))
        elif h.role == "signer_title":
            sig.title, sig.title_span = h.text, h.span
        elif h.role == "signer":
            sig.signer = _title_name(h.text) if is_heading_caps(h.text) else h.text
            sig.signer_span = _sub_span(clean, h, 0, len(h.text))
            return sig
    return sig


# ---------------------------------------------------------------- recipients


def extract_recipients(structure: Structure, facts: DocumentFacts | None = None) -> list[Recipient]:
    """The document's 'Nơi nhận:' list as printed, one entry per line, with the bodies each
    names. The first list is the one under the document's own signature; later ones belong
    to the forms and models of its appendices ("- Như trên;" / "- Lưu: VT, …")."""
    closing = structure.closing
    heads = [i for i, h in enumerate(closing) if h.role == "recipients_heading"]
    if not heads:
        return []
    ctx = bodies.Context.from_facts(facts)
    out: list[Recipient] = []
    for h in closing[heads[0] + 1 :]:
        if h.role == "recipients_heading":
            break
        if h.role == "recipient" and h.text:
            out.append(Recipient(h.text, h.span, _line_bodies(structure.clean, h, ctx)))
    return out


def _line_bodies(clean: CleanText, h: HeaderLine, ctx: bodies.Context) -> list[BodyMention]:
    """Matched mentions of the bodies one Nơi nhận line names ("- UBND các xã, thị trấn;")."""
    at = _clean_at(clean, h)
    exact = clean.text[at : at + len(h.text)] == h.text
    out = []
    for m in bodies.find_bodies(h.text, list_mode=True):
        bm = bodies.mention(m, ctx, base=at, clean=clean)
        if not exact:
            bm.span = h.span
        out.append(bm)
    return out


# ---------------------------------------------------------------- the facts


_DATE_LINE_RE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^\n\t,]{1,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?"
    r"[\s.…_]*năm\s*(?P<y>(?:19|20)\d{2})"
)
_DATE_LINE_NUM_RE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^\n\t,]{1,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
)
# a web copy or a careless draft drops the comma: "Hà Nội ngày 01 tháng 12 năm 2025"; only
# a line that is nothing but place and date, so a "Căn cứ ... ngày ...;" clause never is
_DATE_LINE_BARE_RE = re.compile(
    r"^\s*(?P<place>[A-ZĐÀ-Ỹ][^\n\t,;:\d]{1,40}?)\s+ngày\s*(?P<d>\d{1,2})[\s.…_]*tháng\s*(?P<m>\d{1,2})"
    r"[\s.…_]*năm\s*(?P<y>(?:19|20)\d{2})\s*\.?\s*$"
)
_NUMBER_LINE_RE = re.compile(r"^S[ốỐ]\s*(?:hiệu)?\s*:?\s*")
_ISSUING_RE = re.compile(
    r"(?P<who>(?:(?:Ban Thường vụ|Ban Chấp hành|Thường trực)\s+)?"
    r"(?:(?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND|(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[uủ]ỷ?y?)"
    r"(?:\s+(?:tỉnh|thành phố|Thành phố|huyện|quận|thị xã|xã|phường|thị trấn))?"
    r"(?:\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})?)"
    r"\s+(?:ban\s+hành|xây\s+dựng)\b"
)


def _place_names(text: str) -> tuple[set[str], Counter]:
    """Provinces named in the text, and names following each unit word."""
    provinces: set[str] = set()
    named: Counter = Counter()
    for m in re.finditer(
        r"(?i:(tỉnh|thành phố|tp\.|huyện|quận|thị xã|xã|phường|thị trấn|thành ủy|thành uỷ|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|quận ủy|thị ủy|thành đoàn|huyện đoàn))\s+"
        + _NAME
        + r"|(?P<num>[Qq]uận|[Pp]hường)\s+(?P<n>\d+|[IVXL]+)\b",  # "Quận 12", "phường IV"
        text,
    ):
        if m["num"]:
            named[(m["num"].lower(), m["n"])] += 1
            continue
        word = normalize_key(m[1]).replace("thành đoàn", "thành phố").replace("huyện đoàn", "huyện")
        name = m["name"]
        # drop a trailing word that begins the next phrase ("Hải Dương Xây ...")
        if word == "tỉnh" or word == "tỉnh ủy":
            p = admin.province_named(name) or admin.province_named(" ".join(name.split()[:2]))
            if p:
                provinces.add(p)
            continue
        unit = {
            "thành ủy": "thành phố",
            "huyện ủy": "huyện",
            "quận ủy": "quận",
            "thị ủy": "thị xã",
            "tp.": "thành phố",
        }.get(word, word)
        words = name.split()
        for n in range(len(words), 0, -1):
            named[(unit, " ".join(words[:n]))] += 1
    return provinces, named


def _best_unit_name(
    unit_type: str, named: Counter, provinces: set[str]
) -> tuple[str, str | None] | None:
    """Most frequent name after ``unit_type`` that is a real unit of that type."""
    cands = [(n, name) for (ut, name), n in named.items() if ut == unit_type]
    for _, name in sorted(cands, key=lambda x: (-x[0], -len(x[1]))):
        if _unit_level(unit_type) == "district":
            d = admin.district_named(name, provinces)
            if d:
                return d.name, d.province
            if unit_type == "thành phố" and admin.is_central_city(name):
                return admin.province_named(name) or name, admin.province_named(name)
        elif _unit_level(unit_type) == "commune":
            return name, admin.commune_province(name, provinces)
    return None


def extract_header(structure: Structure, refs: list[DocRef] | None = None) -> DocumentFacts:
    """The document's own facts, each with the span it was read from.

    The header and closing lines come classified from the structure stage;
    here they are only normalised (type, number, date precision, casing) and
    the issuer is completed from the opening, the signature and the place names.
    """
    st = structure
    clean = st.clean
    header = st.header
    refs = refs or []
    facts = DocumentFacts()
    spans: dict[str, Span] = {}
    page = page_metadata(clean.source.text)  # a web copy's table: used where the header is lost

    # number
    for h in _role(header, "number")[:1]:
        rest = _NUMBER_LINE_RE.sub("", h.text)
        nm = NUMBER_RE.match(rest)
        if nm:
            facts.number = re.sub(r"\s+", "", nm.group(0)).replace("–", "-")
            a = len(h.text) - len(rest)
            spans["number"] = _sub_span(clean, h, a, a + len(nm.group(0)))
        else:
            spans["number"] = h.span

    # type
    type_lines = [h for h in _role(header, "doc_type") if lexicon.doc_type_of_line(h.text)]
    if type_lines:
        facts.type = lexicon.doc_type_of_line(type_lines[0].text)
        spans["type"] = type_lines[0].span
    elif any(re.match(r"V/v\b", h.text) for h in _role(header, "subject")) or (
        _role(header, "addressee") and not _role(header, "doc_type")
    ):
        # NĐ 30/2020: a letter has no type line; its header prints "V/v ..." and "Kính gửi"
        facts.type = "Công văn"
    elif facts.number:
        facts.type = type_from_number(facts.number)
    if facts.number is None and "number" in page:
        facts.number, spans["number"] = page["number"].value, page["number"].span
        facts.type = facts.type or type_from_number(facts.number)
    if facts.type is None and "type" in page:
        facts.type, spans["type"] = lexicon.canonical_type(page["type"].value), page["type"].span
    enacted = _enacted_type(clean, st) if facts.type is None else None
    if enacted:
        facts.type, spans["type"] = enacted

    # date
    for h in _role(header, "place_date"):
        dm = (
            _DATE_LINE_NUM_RE.search(h.text)
            or _DATE_LINE_RE.search(h.text)
            or _DATE_LINE_BARE_RE.search(h.text)
        )
        if not dm:
            continue
        y, mo, d = dm["y"], dm["m"], dm["d"]
        if mo and d:
            facts.date = f"{y}-{int(mo):02d}-{int(d):02d}"
        elif mo:
            facts.date = f"{y}-{int(mo):02d}"
        else:
            facts.date = y
        spans["date"] = _sub_span(clean, h, dm.start(), dm.end())
        break
    else:
        note = _attached_under(clean, facts) if facts.number is None else None
        if note is not None:  # "(Kèm theo Quyết định số 12/QĐ-BTC ngày ... của ...)"
            facts.number, spans["number"], facts.date, spans["date"] = note
        elif "date" in page:
            facts.date, spans["date"] = page["date"].value, page["date"].span
        elif type_lines and (inferred := infer_year(clean.text, refs)):
            # a text that prints its own name ("KẾ HOẠCH / Thực hiện công tác trẻ em năm
            # 2024") but no date line; a copy whose header was lost altogether (it starts at
            # "Kính gửi" or at the enacting line) gets no year made up from its body
            facts.date = inferred[0]
            spans["date"] = _span(clean, *inferred[1])

    # subject (trích yếu)
    subject = _role(header, "subject")
    if subject:
        value = " ".join(" ".join(h.text for h in subject).split()).strip(" *_")
        facts.subject = re.sub(r"^(?:V/v|Về việc)\s+", "", value)
        spans["subject"] = Span(subject[0].span.start, subject[-1].span.end)

    # signature
    sig = _signature(clean, st.closing)
    facts.signature_mode = sig.mode
    if sig.signer and sig.signer_span:
        facts.signer = sig.signer
        spans["signer"] = sig.signer_span
    elif "signer" in page:
        facts.signer, spans["signer"] = page["signer"].value, page["signer"].span
    if sig.title and sig.title_span:
        title = _title_case_role(sig.title, office_only=True)
        facts.signer_title = title[:1].upper() + title[1:] if title else title
        spans["signer_title"] = sig.title_span

    # issuer
    _issuer(facts, spans, clean, st, sig, page.get("issuer"))
    facts.spans = spans
    facts.issuer_body = named.issuer_body(facts)
    return facts


def _issuer(
    facts: DocumentFacts,
    spans: dict[str, Span],
    clean: CleanText,
    st: Structure,
    sig: _Signature,
    page_issuer: PageField | None = None,
) -> None:
    """The issuer, its level, kind and place: from the header block, else the opening or
    the signature; kind and level of a known organ come from bodies.ttl (kg.extract.named)."""
    text = clean.text
    provinces, named_units = _place_names(text)
    party_header = bool(re.search(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", text[:2000]))
    iss, evidence, names = _issuer_from_header(st)
    iss, evidence = _issuer_from_text(iss, evidence, names, clean, st, sig)
    if (iss is None or not (iss.organ or iss.committee)) and page_issuer:
        from_page = _page_issuer(page_issuer.value)
        if from_page is not None:
            iss, evidence = from_page, page_issuer.span
    if iss is None:
        return
    iss = _signing_organ(iss, sig)
    if iss.organ in _LOCAL_ORGANS and not (iss.unit_type or iss.committee or iss.parent):
        _own_province(iss, text)  # "TM. ỦY BAN NHÂN DÂN" of a copy without its header
    level, province, district = _issuer_place(iss, facts, named_units, provinces)
    facts.issuer = _compose(iss)
    if is_consolidated(facts.number):
        pass  # a consolidated text is the consolidating body's: the enacting lines are the act's
    elif facts.issuer and iss.office:
        facts.issuer = f"{iss.office} {facts.issuer}"
    elif facts.issuer:
        em = _enacts(clean, st)
        office = _office_enacts(st, clean, facts.issuer, em["who"] if em else None)
        facts.issuer = office or facts.issuer
    facts.issuer_level = level  # type: ignore[assignment]
    facts.province = province if level != "central" else None
    facts.district = district if level in ("district", "commune") else None
    facts.issuer_kind = _issuer_kind(facts, iss, party_header)  # type: ignore[assignment]
    if evidence:
        spans["issuer"] = evidence
        # level, kind and places are read off the issuer's name: same evidence
        for name in ("issuer_level", "issuer_kind", "province", "district"):
            if getattr(facts, name) is not None:
                spans[name] = spans["issuer"]


def _issuer_from_header(st: Structure) -> tuple[_Issuer | None, Span | None, list[str]]:
    """The issuer block of the header: one name per organ, a parent above its child;
    also the block's names, as read."""
    block = _role(st.header, "issuer")
    names: list[str] = []
    for line in _issuer_lines(block):
        up = line.upper()
        if (
            names
            and (
                up.startswith(("VÀ ", "- ", "– "))
                or names[-1].endswith(("-", "–", ",", " VÀ"))
                or _wraps(names[-1], line)
                or lexicon.office_title_at(names[-1])
                and not lexicon.office_title_at(line)
                and _parse_org(line) is None
                or (" " + normalize_key(names[-1])).endswith(tuple(" " + u for u in _UNIT_TYPES))
                and _parse_org(line) is None
                or _place_wraps(names[-1], line)
            )
        ):  # "... TỈNH" / "HÀ TĨNH": a unit's name wrapped onto the next line  # "TRƯỞNG BAN CHỈ ĐẠO ... NGÀNH CÔNG" / "NGHIỆP BÁN DẪN": the enacting office wraps
            names[-1] += " " + line  # "SỞ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI": one name
        else:
            names.append(line)
    office = _block_office(names)
    if office:  # "CHỦ TỊCH ỦY BAN" / "NHÂN DÂN" / "TỈNH GIA LAI": the office heads the block
        names[0] = " ".join(names[0].split()[len(office.split()) :])
    header_orgs = [o for o in (_parse_org(n) for n in names) if o is not None]
    if not (block and header_orgs):
        return None, None, names
    # "ỦY BAN NHÂN DÂN" + "HUYỆN X" are one name; "UBND TỈNH X" + "SỞ Y" a parent and child
    merged: list[_Issuer] = []
    for org in header_orgs:
        prev = merged[-1] if merged else None
        first_line_only = prev is not None and prev.organ and not (prev.unit_type or prev.committee)
        if first_line_only and org.organ is None:
            _merge(prev, org)  # "ỦY BAN NHÂN DÂN" + "HUYỆN X": one name on two lines
            continue
        merged.append(org)
    iss = merged[-1]
    if len(merged) > 1:
        iss.parent = merged[-2]
    if office:
        iss.office = office
    return iss, Span(block[0].span.start, block[-1].span.end), names


def _place_wraps(prev: str, line: str) -> bool:
    """Does ``line`` finish a province's name that ``prev`` ends with ("UBND THÀNH PHỐ HÀ" /
    "NỘI")? A web copy wraps the issuer cell anywhere."""
    words, more = prev.split(), line.split()
    if not words or not 1 <= len(more) <= 2:
        return False
    for n in (1, 2):
        head = " ".join(words[-n:])
        if admin.province_named(f"{head} {line}") and not admin.province_named(head):
            return True
    return False


def _issuer_from_text(
    iss: _Issuer | None,
    evidence: Span | None,
    names: list[str],
    clean: CleanText,
    st: Structure,
    sig: _Signature,
) -> tuple[_Issuer | None, Span | None]:
    """Completed or found elsewhere: the opening's "... ban hành", a central organ whose
    name wraps over the block's lines, else the signature."""
    text = clean.text
    om = _ISSUING_RE.search(text[: _opening_end(clean, st)])
    if om:
        from_opening = _parse_org(om["who"])
        if from_opening and (iss is None or not (iss.unit_name or iss.committee)):
            iss = _merge(iss, from_opening)
            evidence = evidence or _span(clean, om.start("who"), om.end("who"))
    central = _central_issuer(names) if names else None
    if central is not None and (
        iss is None
        or not iss.organ
        or (central.organ or "").startswith(iss.organ)
        and central.organ != iss.organ
        or central.parent is not None
        and normalize_key(central.parent.organ or "") == normalize_key(iss.organ)
    ):  # a wrapped name read whole ("BỘ CHÍNH" / "TRỊ"); a unit under its ministry
        block = _role(st.header, "issuer")
        iss, evidence = central, Span(block[0].span.start, block[-1].span.end)
    if iss is None:  # "TRƯỞNG BAN CHỈ ĐẠO ..." above "Căn cứ": who enacts, when the block fails
        for h in _role(st.header, "authority"):
            iss = _parse_org(h.text)
            if iss is not None:
                evidence = h.span
                break
    cm = _TELEGRAM.search(text[:400]) if iss is None else None
    if cm is not None:
        iss = _parse_org(cm["who"])
        evidence = _span(clean, cm.start("who"), cm.end("who")) if iss else evidence
    em = _enacts(clean, st) if iss is None else None
    if em is not None:  # "Bộ trưởng Bộ Công Thương ban hành Thông tư ..." of a copy without header
        iss = _parse_org(em["who"])
        evidence = _span(clean, em.start("who"), em.end("who")) if iss else evidence
    vm = _LETTER_VOICE.search(text[:2500]) if iss is None else None
    if vm is not None and _page_issuer(vm["who"]) is not None:
        # "Cục Thuế nhận được ...", "Sở Nội vụ đề nghị ...": a letter speaks as its issuer
        iss, evidence = _page_issuer(vm["who"]), _span(clean, vm.start("who"), vm.end("who"))
    if iss is None and sig.organ_line:
        iss = _parse_org(sig.organ_line)
        if sig.mode_span:
            evidence = sig.mode_span
    if iss is None and sig.title and "chủ tịch" in normalize_key(sig.title):
        iss = _Issuer(organ="Ủy ban nhân dân")
    return iss, evidence


# the first words of a letter's body in its issuer's voice (NĐ 30/2020: a Công văn speaks as
# the body that sends it); the organ words are those that head a unit or a department
_LETTER_VOICE = re.compile(
    r"(?:^|[.:;]\s+)(?P<who>(?:Sở|Cục|Tổng cục|Bộ|Văn phòng|Ban|Chi cục|Kho bạc|Thanh tra)"
    r"\s+[A-ZĐÀ-Ỹ][^.;:,\n]{1,60}?)\s+(?:nhận được|có ý kiến|đề nghị|trả lời|thông báo)\b",
    re.M,
)
_LOCAL_ORGANS = lexicon.local_state_organs()  # ontology/organs.ttl


def _own_province(iss: _Issuer, text: str) -> None:
    """A bare local organ (read from a signature) gets the province or centrally-run city the
    text most often names it with ("Ủy ban nhân dân thành phố Hà Nội"), if only one."""
    organ = r"\s+".join(iss.organ.split()[:1]) + r"\s+" + r"\s+".join(iss.organ.split()[1:])
    seen: Counter[str] = Counter()
    for m in re.finditer(rf"(?i:{organ})\s+(?P<u>tỉnh|thành phố|Thành phố)\s+" + _NAME, text):
        p = admin.province_named(m["name"]) or admin.province_named(" ".join(m["name"].split()[:2]))
        if p and (m["u"] == "tỉnh") != admin.is_central_city(p):
            seen[p] += 1
    if len(seen) == 1:
        iss.unit_name = next(iter(seen))
        iss.unit_type = "thành phố" if admin.is_central_city(iss.unit_name) else "tỉnh"


def _page_issuer(value: str) -> _Issuer | None:
    """The issuer a web page's table names ("Nơi ban hành: Cục Thuế"), when it is an organ
    and not only a place ("Thành phố Hà Nội"); a Cục or Tổng cục is a central department."""
    found = _central_issuer([value]) or _parse_org(value)
    if found is not None and (found.organ or found.committee):
        return found
    m = _SUB_ORGAN.match(normalize_key(value))
    if not m:
        return None
    organ = " ".join(value.split())
    return _Issuer(organ=organ, central=organ if m[1] in ("cục", "tổng cục") else None)


@cache
def _attached_re() -> re.Pattern[str]:
    """The note under an attached document's title naming the document that issues it."""
    return re.compile(
        r"\(\s*(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+(?P<type>"
        + lexicon.type_alternation()
        + r")\s+(?:số\s+)?(?P<num>\S+)\s+ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|/)(?P<m>\d{1,2})"
        r"(?:\s+năm\s+|/)(?P<y>(?:19|20)\d{2})"
    )


def _attached_under(clean: CleanText, facts: DocumentFacts) -> tuple[str, Span, str, Span] | None:
    """A copy that lost its header but kept what it issues: that attachment's note names
    this document's number and date ("(Kèm theo Quyết định số 3/QĐ-BNV ngày 2 tháng 12 năm
    2025 của Bộ Nội vụ)"), if its type is this document's."""
    for m in _attached_re().finditer(clean.text):
        nm = NUMBER_RE.match(m["num"])
        if not nm or lexicon.canonical_type(m["type"]) != facts.type:
            continue
        if facts.type is None:
            return None
        date = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
        num = re.sub(r"\s+", "", nm.group(0)).replace("–", "-")
        return (
            num,
            _span(clean, m.start("num"), m.start("num") + len(nm.group(0))),
            date,
            _span(clean, m.start("d"), m.end("y")),
        )
    return None


@cache
def _enacts_re() -> re.Pattern[str]:
    """ "<office> <body> ban hành <type> ...": the sentence that enacts a legal document."""
    titles = "|".join(re.escape(label) for _k, label in lexicon.office_titles() if " " in label)
    return re.compile(
        rf"(?:^|[.;]\s+)(?P<who>(?:{titles}|Chính phủ)\b[^.;:]{{0,90}}?)\s+ban\s+hành\s+"
        rf"(?P<type>{lexicon.type_alternation()})\b(?!\s+(?:số\s+)?\d)",  # not a citation
        re.M,
    )


def _enacts(clean: CleanText, st: Structure) -> re.Match[str] | None:
    return _enacts_re().search(clean.text[: _opening_end(clean, st)])


_ENACTING_TYPE = lexicon.enacting_words()  # ontology/phrases.ttl
_ENACTING_LINE = re.compile(r"^(?P<f>QUYẾT ĐỊNH|QUYẾT NGHỊ)\s*:\s*$", re.M)


def _enacted_type(clean: CleanText, st: Structure) -> tuple[str, Span] | None:
    """The type a copy without its header still says: its enacting line ("QUYẾT ĐỊNH:",
    "QUYẾT NGHỊ:") or sentence ("Thủ tướng Chính phủ ban hành Quyết định ...")."""
    for h in _role(st.header, "enacting"):
        t = _ENACTING_TYPE.get(normalize_key(h.text).rstrip(" :"))
        if t:
            return t, h.span
    fm = _ENACTING_LINE.search(clean.text[: _opening_end(clean, st)])
    if fm is not None:
        return _ENACTING_TYPE[normalize_key(fm["f"])], _span(clean, fm.start("f"), fm.end("f"))
    em = _enacts(clean, st)
    if em is not None:
        return lexicon.canonical_type(em["type"]), _span(clean, em.start("type"), em.end("type"))
    cm = _TELEGRAM.search(clean.text[:400])
    if cm is not None:
        return "Công điện", _span(clean, cm.start("t"), cm.end("t"))
    return None


# "THỦ TƯỚNG CHÍNH PHỦ điện:": a telegram's enacting formula, the header lost above it
_TELEGRAM = re.compile(r"^(?P<who>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,80}?)\s+(?P<t>điện)\s*:", re.M)


def _signing_organ(iss: _Issuer, sig: _Signature) -> _Issuer:
    """The organ the signature acts for, where it is the one that issues."""
    # a committee's standing board signs "T/M BAN THƯỜNG VỤ"
    if (
        sig.organ_line
        and normalize_key(sig.organ_line).startswith("ban thường vụ")
        and iss.committee
    ):
        iss.organ = "Ban Thường vụ"
    # "T/M BỘ CHÍNH TRỊ" under a "BAN CHẤP HÀNH TRUNG ƯƠNG" header: the signing organ issues
    signing = _parse_org(sig.organ_line) if sig.organ_line else None
    if signing and signing.organ in _CENTRAL.values():
        return signing
    return iss


def _issuer_place(
    iss: _Issuer, facts: DocumentFacts, named_units: Counter, provinces: set[str]
) -> tuple[str | None, str | None, str | None]:
    """(level, province, district) of the issuer; sets ``facts.commune`` for a commune."""
    if iss.committee and not iss.unit_type:
        iss.unit_type = _COMMITTEES[normalize_key(iss.committee)][0]
    parent_unit = iss.parent.unit_name if iss.parent else None
    if (
        iss.parent
        and parent_unit
        and iss.parent.unit_type == "tỉnh"
        and admin.province_named(parent_unit)
    ):
        provinces.add(admin.province_named(parent_unit))
    if (
        iss.parent
        and iss.parent.organ == "Ban Chấp hành Trung ương"
        and iss.organ
        and not iss.central
        and normalize_key(iss.organ).startswith(("ban ", "ủy ban kiểm tra", "văn phòng"))
    ):  # "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC": an organ of the Central Committee
        iss.organ = iss.central = f"{iss.organ} Trung ương"
    if iss.parent and not iss.unit_type:
        iss.unit_type, iss.unit_name = iss.parent.unit_type, iss.parent.unit_name
        if not iss.committee and iss.parent.committee:
            iss.committee = iss.parent.committee
            iss.unit_type = _COMMITTEES[normalize_key(iss.parent.committee)][0]
    if iss.unit_type and not iss.unit_name:
        found = _best_unit_name(iss.unit_type, named_units, provinces)
        if found:
            iss.unit_name = found[0]
    one = next(iter(provinces)) if len(provinces) == 1 else None
    level = _unit_level(iss.unit_type)
    if level == "province" or (iss.committee and normalize_key(iss.committee) == "tỉnh ủy"):
        province = admin.province_named(iss.unit_name or "") or iss.unit_name
        return "province", province or one, None
    if level == "district":
        if iss.unit_name and admin.is_central_city(iss.unit_name) and iss.unit_type == "thành phố":
            return "province", admin.province_named(iss.unit_name), None
        d = admin.district_named(iss.unit_name, provinces) if iss.unit_name else None
        if d:
            iss.unit_name = iss.unit_name if admin.by_number(iss.unit_name) else d.name
            return "district", d.province, d.name
        return "district", one, iss.unit_name
    if level == "commune":
        facts.commune = iss.unit_name
        province, district = _commune_place(iss, facts, named_units, provinces)
        return "commune", province, district
    if _central_organ(iss):
        return "central", None, None
    return None, None, None


def _commune_place(
    iss: _Issuer, facts: DocumentFacts, named_units: Counter, provinces: set[str]
) -> tuple[str | None, str | None]:
    """(province, district) of a commune issuer: its parent, else the units the text names."""
    province: str | None = None
    district: str | None = None
    parent = iss.parent
    if parent and _unit_level(parent.unit_type) == "district" and parent.unit_name:
        d = admin.district_named(parent.unit_name, provinces)
        district = d.name if d else parent.unit_name
        province = d.province if d else None
    elif parent and parent.unit_type == "tỉnh":
        province = admin.province_named(parent.unit_name or "")
    if district is None and iss.unit_name and not _after_2025_reform(facts.date):
        named_districts = {n for (ut, n) in named_units if _unit_level(ut) == "district"}
        d = admin.commune_district(iss.unit_name, named_districts, provinces)
        if d:
            district, province = d.name, province or d.province
        else:  # the one district the text names ("UBND huyện X") wins over a look-alike
            district, found = admin.one_district(named_districts, provinces)
            province = province or found
    if province is None and iss.unit_name and (not facts.date or _after_2025_reform(facts.date)):
        # post-reform communes: an earlier text's "An Hiệp" is not one merged elsewhere
        province = admin.commune_province(iss.unit_name, provinces)
    if province is None and len(provinces) == 1:
        province = next(iter(provinces))
    return province, district


def _central_organ(iss: _Issuer) -> bool:
    """A central organ: read as one, its body type sits at the central level (bodies.ttl),
    or a Bộ."""
    if iss.central:
        return True
    if not iss.organ:
        return False
    if iss.organ in _CENTRAL.values() or re.match(r"Bộ\s", iss.organ):
        return True
    body = named.body_named(iss.organ, None, None, (None, None, None))
    return bool(body.type_id) and body.level == "central"


def _issuer_kind(facts: DocumentFacts, iss: _Issuer, party_header: bool) -> str:
    """Party, state or mass organisation: the issuer's body type says (bodies.ttl); an organ
    the data does not know is the Party's under a Party header or committee, else the state's."""
    body = named.body_named(
        facts.issuer or "",
        facts.issuer_level,
        None,
        (facts.province, facts.district, facts.commune),
    )
    if body.type_id and body.kind:
        return body.kind
    return "party" if iss.committee or party_header else "state"


def _opening_end(clean: CleanText, st: Structure) -> int:
    """End of the 40 lines after the type line: where the "... ban hành" sentence may sit."""
    text = clean.text
    types = _role(st.header, "doc_type")
    pos = _clean_at(clean, types[0]) if types else 0
    pos = text.rfind("\n", 0, pos) + 1
    for _ in range(40 if types else 52):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _after_2025_reform(date: str | None) -> bool:
    """Districts were abolished on 1 July 2025: a later commune document has none."""
    if not date:
        return False
    year, _, month = date.partition("-")
    return int(year) > 2025 or (int(year) == 2025 and int(month[:2] or 0) >= 7)
