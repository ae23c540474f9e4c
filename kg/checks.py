"""Facts checked before they become RDF: a value the text prints but the calendar
does not have ("ngày 31/02/2024", "29/02/2023") becomes a finding on the document,
never an invalid typed literal.

The extractors read what is printed; this stage, between facts and RDF, is the one
place that judges whether a printed date exists. The impossible date keeps what is
known for sure (year and month, as ``xsd:gYearMonth``) and the finding quotes the
printed text with its span, so an auditor sees exactly what the document says.
"""

from __future__ import annotations

import re
from datetime import date

from kg.models import DocumentRecord, Finding, Span

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def real_date(value: str | None) -> bool:
    """False only for an ISO yyyy-mm-dd that names no calendar day."""
    m = _ISO.fullmatch(value or "")
    if not m:
        return True
    try:
        date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return False
    return True


def _printed(value: str) -> str:
    y, mo, d = value.split("-")
    return f"{int(d)}/{int(mo)}/{y}"


def check_record(record: DocumentRecord) -> None:
    """Replace impossible dates by what is certain and add one finding for each; say
    so when a text without line breaks gave no duties (its structure is unreadable)."""
    text = record.source.text
    _check_line_breaks(record)
    facts = record.document

    def finding(what: str, value: str, span: Span | None) -> None:
        shown = text[span.start : span.end] if span is not None else _printed(value)
        record.findings.append(
            Finding(
                "impossible-date",
                f"{what} '{' '.join(shown.split())}' is not a calendar date; kept as printed",
                span,
            )
        )

    if not real_date(facts.date):
        finding("the document's date", facts.date, facts.spans.get("date"))
        facts.date = facts.date[:7]
    for ref in record.references:
        if not real_date(ref.date):
            cited = f"{ref.type or 'a cited document'} {ref.number or ''}".rstrip()
            finding(f"the date of {cited},", ref.date, None)  # the span is the citation's
            ref.date = ref.date[:7]
    for assignment in record.assignments:
        for duty in assignment.duties:
            if not real_date(duty.deadline):
                finding("a deadline", duty.deadline, duty.span)
                duty.deadline = _printed(duty.deadline)  # free text, as printed


def _check_line_breaks(record: DocumentRecord) -> None:
    """A document's lists, headings and header live on separate lines; a text whose
    line breaks were lost (a copy from a web page, a bad conversion) cannot be read
    for duties. Not silently: a finding, which the CLI shows as a warning."""
    text = record.source.text
    breaks = text.count("\n")
    if len(text) < 2000 or breaks * 400 > len(text) or record.assignments:
        return
    record.findings.append(
        Finding(
            "no-line-breaks",
            f"the text has {breaks} line breaks in {len(text)} characters: its lists and "
            "headings cannot be told apart, so no duties were read; "
            "give a copy that keeps its lines",
        )
    )
