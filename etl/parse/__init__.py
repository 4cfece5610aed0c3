"""Posting text in, structured `Posting` out. Pure functions; never raises on any string.

`parse_posting` runs small steps over one prepared `Doc` (clean text, matching view,
sections): header (title, company, page date), mentions (languages and skills), terms
(employment type, seasons, year, degrees, duration), locations, pay, dates, team. Each
value keeps the span of text it came from. A step that fails is recorded in
`Posting.warnings` and the other fields still come out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from etl.model import Posting
from etl.parse.company import extract_company
from etl.parse.dates import extract_page_date, extract_posted_date, extract_start_dates
from etl.parse.doc import Doc, Found
from etl.parse.header import extract_title
from etl.parse.locations import extract_locations
from etl.parse.mentions import LANGUAGE, extract_mentions
from etl.parse.pay import extract_pay
from etl.parse.team import extract_team
from etl.parse.terms import (
    extract_degree_levels,
    extract_duration_weeks,
    extract_employment_type,
    extract_seasons,
    extract_year,
)
from etl.parse.version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "parse_posting"]

# Bigger inputs are not postings; parse the head so time stays bounded.
MAX_PARSE_CHARS = 200_000

T = TypeVar("T")


def parse_posting(
    text: str,
    *,
    source: str = "",
    as_of: dt.date | None = None,
    page_date: dt.date | None = None,
) -> Posting:
    """Parse one posting's text into every field, each value with the span it came from."""
    warnings: list[str] = []

    def step(name: str, func: Callable[[], T], default: T) -> T:
        try:
            return func()
        except Exception as exc:  # noqa: BLE001 - one field's bug must not lose the posting
            warnings.append(f"{name}: {type(exc).__name__}: {exc}")
            return default

    raw = text if isinstance(text, str) else str(text)
    if len(raw) > MAX_PARSE_CHARS:
        warnings.append(
            f"text longer than {MAX_PARSE_CHARS:,} characters: only the first part was parsed"
        )
        raw = raw[:MAX_PARSE_CHARS]
    doc = Doc.from_raw(raw, as_of=as_of, page_date=page_date)
    # The record is built as plain data and validated once at the end: setting fields on a
    # model one by one, or one model per value, costs more.
    posting: dict = {"source": source, "parser_version": PARSER_VERSION, "text": doc.text}
    evidence: list[dict] = []

    def keep(field: str, found: Found | None) -> Found | None:
        if found is not None:
            evidence.append(
                {"field": field, "value": str(found.value), "start": found.start, "end": found.end}
            )
        return found

    page = step("page_date", lambda: extract_page_date(doc), None)
    anchor_page = page_date or (page.value if page else None)

    title = keep("title", step("title", lambda: extract_title(doc), None))
    company = keep("company", step("company", lambda: extract_company(doc, title), None))
    posting["title"] = str(title.value) if title else None
    posting["company"] = str(company.value) if company else None

    mentions, occurrences = step("mentions", lambda: extract_mentions(doc), ([], []))
    posting["mentions"] = mentions
    posting["languages"] = [m.name for m in mentions if m.category == LANGUAGE]
    posting["skills"] = [m.name for m in mentions if m.category != LANGUAGE]
    evidence.extend(
        {"field": f, "value": name, "start": s, "end": e} for f, name, s, e in occurrences
    )

    employment = keep(
        "employment_type",
        step("employment_type", lambda: extract_employment_type(doc, title), None),
    )
    posting["employment_type"] = employment.value if employment else None

    seasons = step("seasons", lambda: extract_seasons(doc, title, posting["employment_type"]), [])
    for found in seasons:
        keep("seasons", found)
    posting["seasons"] = [f.value for f in seasons]
    posting["season"] = "/".join(posting["seasons"]) or None
    year = keep("year", step("year", lambda: extract_year(doc, title, seasons), None))

    degree_levels = posting["degree_levels"] = []
    for found in step("degree_levels", lambda: extract_degree_levels(doc, title), []):
        keep("degree_levels", found)
        degree_levels.append(found.value)

    locations = posting["locations"] = []
    for found in step("locations", lambda: extract_locations(doc, title), []):
        keep("locations", found)
        locations.append(str(found.value))
    places = tuple(locations)

    primary, ranges = step("pay", lambda: extract_pay(doc, places), (None, []))
    posting["pay_ranges"] = ranges
    if primary is not None:
        posting["pay_min"], posting["pay_max"] = primary.min, primary.max
        posting["pay_currency"], posting["pay_period"] = primary.currency, primary.period
        evidence.append(
            {
                "field": "pay",
                "value": _pay_label(primary),
                "start": primary.start,
                "end": primary.end,
            }
        )

    posted = keep(
        "posted_date",
        step("posted_date", lambda: extract_posted_date(doc, anchor_page, as_of), None),
    )
    posting["posted_date"] = posted.value if posted else None

    posting_year = year.value if year else None
    # A start date without a year is read forward from the posting's own date.
    own_date = posted.value if posted else anchor_page
    starts = step("start_dates", lambda: extract_start_dates(doc, posting_year, own_date), [])
    for found in starts:
        keep("start_dates", found)
    posting["start_dates"] = [f.value for f in starts]
    if year is None and starts:
        posting_year = starts[0].value.year
    posting["year"] = posting_year

    # A permanent job's "twelve months on Consumer Payments before rotating" is a rotation's,
    # not the job's, length; an apprenticeship's "24-month registered apprenticeship" is its own.
    apprenticeship = title is not None and "apprentice" in str(title.value).lower()
    duration = (
        keep(
            "duration_weeks",
            step("duration_weeks", lambda: extract_duration_weeks(doc, title), None),
        )
        if posting["employment_type"] != "full_time" or apprenticeship
        else None
    )
    posting["duration_weeks"] = duration.value if duration else None

    team, aliases = step(
        "team", lambda: extract_team(doc, title, posting["company"], places), (None, [])
    )
    keep("team", team)
    posting["team"] = str(team.value) if team else None
    posting["team_aliases"] = aliases

    posting["sections"] = [
        {"kind": b.kind, "heading": b.heading, "start": b.start, "end": b.end} for b in doc.blocks
    ]
    evidence.sort(key=lambda e: (e["start"], e["end"]))
    posting["evidence"] = evidence
    posting["warnings"] = warnings
    return _validated(posting)


def _validated(record: dict) -> Posting:
    """The record as a `Posting`; a field that breaks the contract is emptied and noted, so a
    parser bug loses one value, never the posting."""
    for _ in range(len(record)):
        try:
            return Posting.model_validate(record)
        except ValidationError as exc:
            broken = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            if not broken or not broken <= record.keys():
                raise
            for field in broken:
                record.pop(field)
                record["warnings"] = [
                    *record.get("warnings", []),
                    f"{field}: invalid value dropped",
                ]
    return Posting.model_validate(record)


def _pay_label(pay) -> str:
    amount = f"{pay.min:,.2f}".rstrip("0").rstrip(".")
    if pay.max != pay.min:
        amount += "–" + f"{pay.max:,.2f}".rstrip("0").rstrip(".")
    return f"{amount} {pay.currency or ''}/{pay.period or '?'}".strip()
