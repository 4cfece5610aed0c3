"""One posting shown whole: its fields as a table and its text with every value highlighted.

Used by the postings page (a posting from the warehouse, via `posting_from_detail`) and the
add page (a posting just parsed); both show an `etl.model.Posting`.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.highlight import Span, highlighted_html, legend_html
from dashboard.wording import pay_text
from etl.model import Disagreement, Evidence, Mention, PayRange, Posting
from warehouse.queries import PostingDetail

# (label, Posting attribute) in reading order.
FIELDS: tuple[tuple[str, str], ...] = (
    ("Company", "company"),
    ("Title", "title"),
    ("Team", "team"),
    ("Team also written as", "team_aliases"),
    ("Locations", "locations"),
    ("Employment type", "employment_type"),
    ("Season", "seasons"),
    ("Year", "year"),
    ("Degree", "degree_levels"),
    ("Languages", "languages"),
    ("Skills", "skills"),
    ("Pay", "pay"),
    ("Start dates", "start_dates"),
    ("Duration (weeks)", "duration_weeks"),
    ("Posted", "posted_date"),
    ("Source", "source"),
    ("Parser version", "parser_version"),
)


def field_rows(posting: Posting) -> list[dict[str, str]]:
    """Every field as label/value text (lists joined with "; ", absent values shown as —)."""
    rows = []
    for label, name in FIELDS:
        value = _pay_text(posting) if name == "pay" else getattr(posting, name)
        if name == "source" and posting.locator:
            value = f"{posting.source} ({posting.locator})"
        rows.append({"Field": label, "Value": _text(value)})
    for disagreement in posting.disagreements:
        rows.append(
            {
                "Field": f"{disagreement.field} (source says)",
                "Value": f"{disagreement.structured}; the text says {disagreement.parsed}",
            }
        )
    return rows


def posting_spans(posting: Posting) -> list[Span]:
    """Where in the text each extracted value came from: evidence, mentions and pay ranges."""
    spans = [Span(e.start, e.end, e.field, e.value) for e in posting.evidence]
    spans += [
        Span(
            m.start,
            m.end,
            "languages" if m.category == "language" else "skills",
            f"{m.name} ({m.level})",
        )
        for m in posting.mentions
    ]
    spans += [
        Span(p.start, p.end, "pay", pay_text(p.min, p.max, p.currency, p.period) or "")
        for p in posting.pay_ranges
    ]
    return spans


def posting_from_detail(detail: PostingDetail) -> Posting:
    """The warehouse's view of one posting as the parser's record, spans included."""
    row = detail.fields.row(0, named=True)
    known = {
        name: row[name] for name in Posting.model_fields if name in row and row[name] is not None
    }
    disagreements = json.loads(row.get("disagreements_json") or "[]")
    return Posting(
        **known,
        text=detail.text,
        evidence=[
            Evidence(field=f, value=v or "", start=a, end=b)
            for f, v, a, b in _spans(detail.evidence, "field", "value")
        ],
        mentions=[
            Mention(name=n, category=c, level=lv, start=a, end=b)
            for n, c, lv, a, b in _spans(detail.mentions, "name", "category", "level")
        ],
        pay_ranges=[
            PayRange(min=lo, max=hi, currency=cur, period=per, label=lab, start=a, end=b)
            for lo, hi, cur, per, lab, a, b in _spans(
                detail.pay_ranges, "pay_min", "pay_max", "currency", "period", "label"
            )
        ],
        disagreements=[Disagreement(**d) for d in disagreements],
    )


def _spans(frame, *columns: str) -> list[tuple]:
    """Rows of `columns` + span_start, span_end, for rows whose span is known."""
    return [
        row
        for row in frame.select(*columns, "span_start", "span_end").iter_rows()
        if row[-2] is not None and row[-1] is not None
    ]


def show_posting(posting: Posting) -> None:
    """The field table beside the highlighted text (escaped; see dashboard.highlight)."""
    fields, text = st.columns([2, 3])
    with fields:
        st.dataframe(
            field_rows(posting),
            hide_index=True,
            width="stretch",
            height="content",
            column_config={
                "Field": st.column_config.TextColumn(width=150),
                "Value": st.column_config.TextColumn(width="large"),
            },
        )
    with text:
        spans = posting_spans(posting)
        if not posting.text:
            st.caption("The warehouse holds no text for this posting.")
            return
        st.caption("The text as read. Hover a highlight to see the value taken from it.")
        if spans:
            st.html(legend_html(sorted({s.field for s in spans})))
        st.html(highlighted_html(posting.text, spans))


def _pay_text(posting: Posting) -> str | None:
    return pay_text(posting.pay_min, posting.pay_max, posting.pay_currency, posting.pay_period)


def _text(value: object) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
