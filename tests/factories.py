"""The one way tests make postings: a `Posting` whose text is written from its fields, every
value with a span into that text, loaded through the real ingest path.

`load_postings` ingests with a parser that returns each posting as it was made
(`etl.ingest.ingest_documents(..., parse=...)`), so tests can assert exact numbers while the
real parser changes. Used by the known postings (tests/conftest.py) and the warehouse's
sample postings (tests/warehouse/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from etl.ingest import IngestSummary, ingest_documents
from etl.model import Evidence, Mention, PayRange, Posting, SourceDocument

# Categories of the non-language skills tests name; any other skill is a "tool".
SKILL_CATEGORIES = {"SQL": "database", "ROS": "framework", "React": "framework",
                    "Kubernetes": "cloud", "Spark": "data"}  # fmt: skip
REQ, PREF = "required", "preferred"

Pay = tuple[float, float, str | None, str | None]  # min, max, currency, period


def make_posting(
    source: str,
    *,
    company: str = "TikTok",
    title: str = "Software Engineer Intern",
    team: str | None = None,
    languages: dict[str, str] | None = None,
    skills: dict[str, str] | None = None,
    pay: Pay | None = None,
    seasons: Sequence[str] = (),
    year: int | None = None,
    degrees: Sequence[str] = (),
    locations: Sequence[str] = (),
    employment_type: str | None = "internship",
    start_dates: Sequence[dt.date] = (),
    duration_weeks: int | None = None,
    posted: dt.date | None = None,
    extra: str = "",
) -> Posting:
    """A posting with its text written from its fields; every value has a span in the text.

    `extra` is free text ending the posting (default: a sentence naming the title and
    company); `pay` may leave its currency or period None (not stated).
    """
    languages = languages or {}
    skills = skills or {}
    named = {**languages, **skills}
    pay_text = ""
    if pay:
        low, high, currency, period = pay
        pay_text = f"{low:g} to {high:g}" + (f" {currency}" if currency else "")
        pay_text += f" per {period}" if period else ""
    lines = [
        title,
        f"{company} · Team: {team or 'to be decided'}",
        f"Location: {'; '.join(locations) or 'not said'}",
    ]
    lines += [f"We need {name} ({level})." for name, level in named.items()]
    if pay:
        lines.append(f"Pay: {pay_text}.")
    lines.append(
        extra or f"This is the {title} role at {company}; write clear code and learn fast."
    )
    text = "\n".join(lines)

    def span(field: str, value: str, after: str = "") -> Evidence:
        start = text.index(after + value) + len(after)
        return Evidence(field=field, value=value, start=start, end=start + len(value))

    evidence = [span("title", title), span("company", company, after="\n")]
    if team:
        evidence.append(span("team", team, after="Team: "))
    evidence += [span("locations", place) for place in locations]
    mentions = []
    for name, level in named.items():
        start = text.index(f"We need {name} (") + len("We need ")
        category = "language" if name in languages else SKILL_CATEGORIES.get(name, "tool")
        mentions.append(
            Mention(name=name, category=category, level=level, start=start, end=start + len(name))
        )
    pay_ranges = []
    if pay:
        start = text.index(f"Pay: {pay_text}.") + len("Pay: ")
        pay_ranges.append(
            PayRange(
                min=pay[0],
                max=pay[1],
                currency=pay[2],
                period=pay[3],
                start=start,
                end=start + len(pay_text),
            )
        )
    return Posting(
        source=source,
        parser_version="test-postings",
        company=company,
        title=title,
        team=team,
        locations=list(locations),
        employment_type=employment_type,
        season="/".join(seasons) or None,
        seasons=list(seasons),
        year=year,
        degree_levels=list(degrees),
        languages=list(languages),
        skills=list(skills),
        pay_min=pay[0] if pay else None,
        pay_max=pay[1] if pay else None,
        pay_currency=pay[2] if pay else None,
        pay_period=pay[3] if pay else None,
        start_dates=list(start_dates),
        duration_weeks=duration_weeks,
        posted_date=posted,
        mentions=mentions,
        pay_ranges=pay_ranges,
        evidence=evidence,
        text=text,
    )


def as_parsed(postings: Iterable[Posting]) -> Callable[[SourceDocument], Posting]:
    """A parser that returns each posting as made, found by its document's source."""
    by_source = {p.source: p for p in postings}
    return lambda doc: by_source[doc.source].model_copy(deep=True)


def load_postings(db_path: Path, postings: Sequence[Posting]) -> IngestSummary:
    """Load postings into the warehouse at `db_path` through the real ingest path."""
    documents = [SourceDocument(source=p.source, text=p.text, format="text") for p in postings]
    summary = ingest_documents(documents, db_path, parse=as_parsed(postings))
    assert summary.ok, summary.error
    return summary
