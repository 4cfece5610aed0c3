"""One posting shown whole: its fields as a table and its text with every value highlighted.

Used by the postings page (a posting from the warehouse, via `posting_from_detail`) and the
add page (a posting just parsed); both show an `etl.model.Posting`.
"""

from __future__ import annotations

import json

import polars as pl
import streamlit as st

from dashboard.highlight import Span, highlighted_html, legend_html
from dashboard.wording import NOT_STATED, md_escape, pay_text
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


WRAPPED_AS_CODE = ("Source", "Link")  # field rows shown as code under the table


def field_rows(posting: Posting, url: str | None = None) -> list[dict[str, str]]:
    """Every field as label/value text: lists joined with "; ", languages and skills with the
    level the posting asks for them at, every stated pay range, absent values "not stated"."""
    rows = []
    for label, name in FIELDS:
        if name == "team_aliases" and not posting.team_aliases:
            continue  # only worth a row when there are other spellings
        value = _pay_text(posting) if name == "pay" else getattr(posting, name)
        if name in ("languages", "skills"):
            value = _with_levels(value, posting.mentions)
        elif name == "employment_type" and value:
            value = str(value).replace("_", " ")
        elif name == "source" and posting.locator:
            value = f"{posting.source} ({posting.locator})"
        rows.append({"Field": label, "Value": _text(value)})
        if name == "pay" and len(posting.pay_ranges) > 1:
            rows.append({"Field": "Every stated pay range", "Value": _pay_ranges(posting)})
        if name == "source" and url:
            rows.append({"Field": "Link", "Value": url})
    for disagreement in posting.disagreements:
        rows.append(
            {
                "Field": f"{disagreement.field} (source says)",
                "Value": f"{disagreement.structured}; the text says {disagreement.parsed}",
            }
        )
    return rows


# The parsed postings' CSV (add page): the columns of the postings extract a parse can fill.
PARSED_SCHEMA: dict[str, pl.DataType] = {
    "source": pl.String, "locator": pl.String, "company": pl.String, "title": pl.String,
    "team": pl.String, "team_aliases": pl.List(pl.String), "locations": pl.List(pl.String),
    "employment_type": pl.String, "season": pl.String, "seasons": pl.List(pl.String),
    "year": pl.Int64, "degree_levels": pl.List(pl.String), "languages": pl.List(pl.String),
    "required_languages": pl.List(pl.String), "preferred_languages": pl.List(pl.String),
    "skills": pl.List(pl.String), "pay_min": pl.Float64, "pay_max": pl.Float64,
    "pay_currency": pl.String, "pay_period": pl.String, "start_dates": pl.List(pl.Date),
    "duration_weeks": pl.Int64, "posted_date": pl.Date, "parser_version": pl.String,
}  # fmt: skip


def parsed_frame(postings: list[Posting]) -> pl.DataFrame:
    """Postings just parsed as rows in the postings extract's shape (one row each)."""
    rows = []
    for posting in postings:
        row = {name: getattr(posting, name, None) for name in PARSED_SCHEMA}
        required = {m.name for m in posting.languages_detail if m.level == "required"}
        preferred = {m.name for m in posting.languages_detail} - required  # strongest level
        row["required_languages"] = [n for n in posting.languages if n in required]
        row["preferred_languages"] = [n for n in posting.languages if n in preferred]
        rows.append(row)
    return pl.DataFrame(rows, schema=PARSED_SCHEMA)


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


def show_posting(posting: Posting, url: str | None = None) -> None:
    """The field table beside the highlighted text (escaped; see dashboard.highlight)."""
    fields, text = st.columns([2, 3])
    rows = field_rows(posting, url)
    with fields:
        # A static table wraps long values (a grid would cut them off); its cells are
        # markdown, so every value is escaped first (posting text is untrusted). Paths and
        # links have no spaces to wrap at: they go below, as code that wraps and copies.
        st.table(
            [
                {key: md_escape(cell) for key, cell in row.items()}
                for row in rows
                if row["Field"] not in WRAPPED_AS_CODE
            ],
            hide_index=True,
            border="horizontal",
        )
        for row in rows:
            if row["Field"] in WRAPPED_AS_CODE:
                st.caption(row["Field"])
                st.code(row["Value"], language=None, wrap_lines=True)
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


def _with_levels(names: list[str], mentions: list[Mention]) -> list[str]:
    """ "Python (required)": each name with its strongest stated level, when the text says."""
    levels: dict[str, str] = {}
    for mention in mentions:
        if levels.get(mention.name) != "required":
            levels[mention.name] = mention.level
    return [f"{name} ({levels[name]})" if name in levels else name for name in names]


def _pay_ranges(posting: Posting) -> str:
    """Every stated range, with the zone or level it is for when the posting names one."""
    parts = []
    for pay in posting.pay_ranges:
        text = pay_text(pay.min, pay.max, pay.currency, pay.period) or ""
        parts.append(f"{text} ({pay.label})" if pay.label else text)
    return "; ".join(parts)


def _text(value: object) -> str:
    if value is None or value == [] or value == "":
        return NOT_STATED
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
