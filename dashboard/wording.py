"""Sentences the pages show under their numbers: plain words built from query rows (pure)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import polars as pl

NOT_STATED = "not stated"
UNKNOWN_CURRENCY = "unknown"  # how `pay_coverage` marks pay that names no currency
# Field names as people read them (quality chart, highlight legend and tooltips).
FIELD_LABELS = {
    "company": "Company",
    "title": "Title",
    "team": "Team",
    "locations": "Locations",
    "employment_type": "Employment type",
    "seasons": "Season",
    "year": "Year",
    "degree_levels": "Degree",
    "languages": "Languages",
    "skills": "Skills",
    "pay": "Pay",
    "pay_period": "Pay period",
    "start_dates": "Start dates",
    "duration_weeks": "Duration",
    "posted_date": "Posted date",
}
MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|~:$=]")


def field_label(field: str) -> str:
    """ "degree_levels" -> "Degree"; a field without a label reads "Some field"."""
    return FIELD_LABELS.get(field) or field.replace("_", " ").capitalize()


def md_escape(text: object) -> str:
    """Data text made inert inside Streamlit markdown (no emphasis, links or directives)."""
    return MARKDOWN_SPECIAL.sub(r"\\\g<0>", str(text))


def postings(count: int) -> str:
    """ "1 posting", "2,345 postings"."""
    return f"{count:,} posting" + ("" if count == 1 else "s")


def overview_sentence(summary: Mapping[str, Any]) -> str:
    """One line on dates, start dates and reposts from an `overview` row."""
    parts = [f"pay stated in {summary.get('with_pay', 0):,} of {summary.get('postings', 0):,}"]
    if summary.get("earliest_posted") and summary.get("latest_posted"):
        parts.append(
            f"posted between {_day(summary['earliest_posted'])} and {_day(summary['latest_posted'])}"
        )
    parts.append(f"{summary.get('with_start_dates', 0):,} state a start date")
    parts.append(f"{summary.get('with_team', 0):,} name a team")
    if summary.get("repost_groups"):
        groups = summary["repost_groups"]
        parts.append(f"{groups:,} {'group' if groups == 1 else 'groups'} of near-identical reposts")
    return "Of these postings: " + "; ".join(parts) + "."


def warehouse_sentence(info: Mapping[str, Any]) -> str:
    """What the warehouse holds, from a `warehouse_info` row (markdown; values are our own)."""
    last = info.get("last_ingest_at")
    last_text = last.strftime("%Y-%m-%d %H:%M") if isinstance(last, dt.datetime) else "never"
    synthetic = " **Synthetic data** (built for benchmarks)." if info.get("synthetic") else ""
    return (
        f"{info['documents']:,} documents read, {info['postings']:,} postings, "
        f"{info['rejected']:,} files rejected (see **Data quality**), {info['runs']:,} ingest runs. "
        f"Last ingest: {last_text}. Parser version: `{info.get('parser_version') or 'unknown'}`."
        + synthetic
    )


def pay_coverage_sentence(coverage: pl.DataFrame) -> str:
    """ "Pay stated in 3 of 5 postings (USD per hour: 2, CAD per year: 1)" from `pay_coverage`."""
    total = int(coverage["postings"].sum()) if coverage.height else 0
    stated = coverage.filter(pl.col("currency") != NOT_STATED)
    count = int(stated["postings"].sum()) if stated.height else 0
    if count == 0:
        return f"No posting in view states pay ({total:,} postings)."
    units = ", ".join(
        f"{_unit(currency, period)}: {postings:,}"
        for currency, period, postings in stated.select(
            "currency", "period", "postings"
        ).iter_rows()
    )
    return f"Pay stated in **{count:,} of {total:,}** postings ({units})."


POSTING_LINK = "postings?posting={}"  # relative: works under any server base path


def with_posting_links(frame: pl.DataFrame) -> pl.DataFrame:
    """Add a "link" column opening each row's posting (posting_id) on the Postings page."""
    return frame.with_columns(link=pl.format(POSTING_LINK, pl.col("posting_id")))


def with_pay_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Add a "pay" column reading "40–50 USD per hour" (or "6,000 USD per month") to a frame
    with pay_min, pay_max, pay_currency and pay_period; null when no pay is stated."""
    rows = frame.select("pay_min", "pay_max", "pay_currency", "pay_period").iter_rows()
    return frame.with_columns(pl.Series("pay", [pay_text(*row) for row in rows], dtype=pl.String))


def pay_text(
    low: float | None, high: float | None, currency: str | None, period: str | None
) -> str | None:
    """A pay range in words: "40–50 USD per hour"; None when no pay is stated."""
    if low is None and high is None:
        return None
    amounts = _amount(low) if low == high or high is None else f"{_amount(low)}–{_amount(high)}"
    return f"{amounts} {currency or '(currency?)'}" + (f" per {period}" if period else "")


def _amount(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _unit(currency: str, period: str) -> str:
    """ "USD per hour", "CAD (period not stated)", "Currency not stated per year"."""
    money = "Currency not stated" if currency == UNKNOWN_CURRENCY else currency
    return f"{money} (period not stated)" if period == NOT_STATED else f"{money} per {period}"


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
