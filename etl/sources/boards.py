"""Job-board API payloads (Greenhouse, Lever, Ashby) -> postings with the board's own fields.

Each board is recognised by the keys its job objects carry (`kind_of_record`); everything
else with a description-like key goes through the generic column mapping (JobSpy, dataset
dumps). The posting text is the board's description rendered to lines, led by its title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from etl.model import SourceDocument
from etl.sources.clean import clean_html_fragment, clean_text
from etl.sources.columns import with_title_line
from etl.sources.decode import UnreadableSource
from etl.sources.normalize import (
    clean_str,
    drop_empty,
    pay_fields,
    to_date,
    to_employment_type,
    to_identifier,
    to_locations,
)

_PERIOD_WORDS = (
    (re.compile(r"\bhour", re.IGNORECASE), "hour"),
    (re.compile(r"\bmonth", re.IGNORECASE), "month"),
    (re.compile(r"\b(?:annual|year)", re.IGNORECASE), "year"),
)


def kind_of_record(record: Mapping[str, Any]) -> str | None:
    """ "greenhouse", "lever" or "ashby" when the keys say so; None for anything else."""
    if "content" in record and (
        {"absolute_url", "departments", "offices", "internal_job_id"} & record.keys()
    ):
        return "greenhouse"
    if "text" in record and (
        {"categories", "hostedUrl", "descriptionPlain", "lists"} & record.keys()
    ):
        return "lever"
    if "title" in record and ({"descriptionHtml", "descriptionPlain"} & record.keys()):
        return "ashby"
    return None


def board_document(
    record: Mapping[str, Any], kind: str, *, source: str, locator: str | None, where: str
) -> SourceDocument:
    """One board job object as a posting; raises UnreadableSource when it has no description."""
    read = {"greenhouse": _greenhouse, "lever": _lever, "ashby": _ashby}[kind]
    text, known, external_id, url = read(record)
    if not text.strip():
        raise UnreadableSource(f"{where}: {kind} job without a description")
    return SourceDocument(
        source=source,
        text=with_title_line(text, known.get("title")),
        format=kind,
        locator=locator,
        external_id=external_id,
        url=url,
        known=drop_empty(known),
    )


Parsed = tuple[str, dict[str, Any], str | None, str | None]


def _greenhouse(job: Mapping[str, Any]) -> Parsed:
    content = job.get("content")
    content = content if isinstance(content, str) else ""
    # The job board API escapes the HTML (&lt;p&gt;); some exports store it unescaped.
    if "&lt;" in content or not re.search(r"<[a-zA-Z/]", content):
        content = html.unescape(content)
    location = job.get("location")
    offices = [o.get("name") for o in _dicts(job.get("offices"))]
    known = {
        "title": clean_str(job.get("title")),
        "company": clean_str(job.get("company_name")),
        "team": _first_name(job.get("departments")),
        "locations": to_locations(location.get("name") if isinstance(location, dict) else location)
        or to_locations(offices),
        # first_published is when the job went up; the older API only has updated_at.
        "posted_date": to_date(job.get("first_published") or job.get("updated_at")),
        **_greenhouse_pay(job.get("pay_input_ranges")),
    }
    return (
        clean_html_fragment(content),
        known,
        to_identifier(job.get("id")),
        clean_str(job.get("absolute_url")),
    )


def _greenhouse_pay(ranges: Any) -> dict[str, Any]:
    ranges = _dicts(ranges)
    if not ranges:
        return {}
    currency = ranges[0].get("currency_type")
    same = [r for r in ranges if r.get("currency_type") == currency]
    lows = [r["min_cents"] / 100 for r in same if isinstance(r.get("min_cents"), int | float)]
    highs = [r["max_cents"] / 100 for r in same if isinstance(r.get("max_cents"), int | float)]
    # Pay zones A-D -> min of all zones .. max of all zones (CONVENTIONS.md).
    labels = " ".join(f"{r.get('title') or ''} {r.get('blurb') or ''}" for r in same)
    period = next((p for pattern, p in _PERIOD_WORDS if pattern.search(labels)), None)
    return pay_fields(min(lows, default=None), max(highs, default=None), currency, period)


def _lever(posting: Mapping[str, Any]) -> Parsed:
    categories = posting.get("categories")
    categories = categories if isinstance(categories, dict) else {}
    description = _html_or_plain(posting, "description", "descriptionPlain")
    if not description:
        description = _html_or_plain(posting, "opening", "openingPlain") + _html_or_plain(
            posting, "descriptionBody", "descriptionBodyPlain"
        )
    parts = [description]
    for section in _dicts(posting.get("lists")):
        parts.append(f"<h3>{html.escape(str(section.get('text') or ''))}</h3>")
        parts.append(f"<ul>{section.get('content') or ''}</ul>")
    parts.append(_html_or_plain(posting, "additional", "additionalPlain"))
    parts.append(_html_or_plain(posting, "salaryDescription", "salaryDescriptionPlain"))
    salary = posting.get("salaryRange")
    salary = salary if isinstance(salary, dict) else {}
    known = {
        "title": clean_str(posting.get("text")),
        "team": clean_str(categories.get("team")) or clean_str(categories.get("department")),
        "locations": to_locations(categories.get("allLocations"))
        or to_locations(categories.get("location")),
        "employment_type": to_employment_type(categories.get("commitment")),
        "posted_date": to_date(posting.get("createdAt")),
        **pay_fields(
            salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("interval")
        ),
    }
    return (
        clean_html_fragment("".join(parts)),
        known,
        to_identifier(posting.get("id")),
        clean_str(posting.get("hostedUrl")),
    )


def _ashby(job: Mapping[str, Any]) -> Parsed:
    description = job.get("descriptionHtml")
    if isinstance(description, str) and description.strip():
        text = clean_html_fragment(description)
    else:
        plain = job.get("descriptionPlain")
        text = clean_text(plain) if isinstance(plain, str) else ""
    secondary = [s.get("location") for s in _dicts(job.get("secondaryLocations"))]
    known = {
        "title": clean_str(job.get("title")),
        "team": clean_str(job.get("team")) or clean_str(job.get("department")),
        "locations": to_locations([job.get("location"), *secondary]),
        "employment_type": to_employment_type(job.get("employmentType")),
        "posted_date": to_date(job.get("publishedAt") or job.get("publishedDate")),
        **_ashby_pay(job.get("compensation")),
    }
    return text, known, to_identifier(job.get("id")), clean_str(job.get("jobUrl"))


def _ashby_pay(compensation: Any) -> dict[str, Any]:
    if not isinstance(compensation, dict):
        return {}
    components = _dicts(compensation.get("summaryComponents"))
    if not components:
        components = [
            c
            for tier in _dicts(compensation.get("compensationTiers"))
            for c in _dicts(tier.get("components"))
        ]
    salaries = [c for c in components if str(c.get("compensationType", "")).lower() == "salary"]
    if not salaries:
        return {}
    first = salaries[0]
    same = [
        c
        for c in salaries
        if (c.get("currencyCode"), c.get("interval"))
        == (first.get("currencyCode"), first.get("interval"))
    ]
    lows = [c["minValue"] for c in same if isinstance(c.get("minValue"), int | float)]
    highs = [c["maxValue"] for c in same if isinstance(c.get("maxValue"), int | float)]
    return pay_fields(
        min(lows, default=None),
        max(highs, default=None),
        first.get("currencyCode"),
        first.get("interval"),
    )


def _html_or_plain(record: Mapping[str, Any], html_key: str, plain_key: str) -> str:
    value = record.get(html_key)
    if isinstance(value, str) and value.strip():
        return value
    plain = record.get(plain_key)
    if isinstance(plain, str) and plain.strip():
        # Plain text keeps its lines when it joins the HTML the rest is rendered from.
        return "<p>" + html.escape(plain).replace("\n", "<br>") + "</p>"
    return ""


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _first_name(value: Any) -> str | None:
    names = [clean_str(item.get("name")) for item in _dicts(value)]
    return next((name for name in names if name), None)
