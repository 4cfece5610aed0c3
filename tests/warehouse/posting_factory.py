"""Postings written here, with spans into their own text, loaded through the real ingest path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from etl.ingest import ingest_documents
from etl.model import Evidence, Mention, PayRange, Posting, SourceDocument

_BOILERPLATE = (
    "We build products used by millions of people. You will work with a friendly team, ship "
    "code every week, review designs with senior engineers, and present your project at the end "
    "of the program. We value curiosity, ownership and clear writing."
)


def make_posting(
    name: str,
    *,
    company: str | None = "TikTok",
    title: str | None = "Software Engineer Intern",
    team: str | None = None,
    languages: dict[str, str] | None = None,
    skills: dict[str, str] | None = None,
    pay: tuple[float, float, str | None, str | None] | None = None,
    extra_pay: list[tuple[float, float, str, str]] | None = None,
    start_dates: list[dt.date] | None = None,
    seasons: list[str] | None = None,
    year: int | None = None,
    degrees: list[str] | None = None,
    locations: list[str] | None = None,
    employment_type: str | None = "internship",
    duration_weeks: int | None = None,
    posted: dt.date | None = None,
    body: str | None = None,
) -> tuple[SourceDocument, Posting]:
    """A source document and the posting a parser would make of it, spans pointing into its text."""
    languages = languages or {}
    skills = skills or {}
    parts = [title or "", f"Team: {team}" if team else "", body or f"{name}. {_BOILERPLATE}"]
    mentions, evidence = [], []
    for names in (languages, skills):
        for skill, level in names.items():
            parts.append(f"{level.title()}: experience with {skill}.")
    text = "\n".join(p for p in parts if p)
    for names, category in ((languages, "language"), (skills, "tool")):
        for skill, level in names.items():
            start = text.index(f"with {skill}.") + 5
            mentions.append(
                Mention(
                    name=skill, category=category, level=level, start=start, end=start + len(skill)
                )
            )
    if title:
        evidence.append(Evidence(field="title", value=title, start=0, end=len(title)))
    pay_ranges = []
    if pay and pay[0] is not None:
        pay_ranges.append(
            PayRange(min=pay[0], max=pay[1], currency=pay[2], period=pay[3], start=0, end=1)
        )
    for lo, hi, currency, period in extra_pay or []:
        pay_ranges.append(
            PayRange(min=lo, max=hi, currency=currency, period=period, start=0, end=1, label="zone")
        )
    posting = Posting(
        source=name,
        parser_version="test-parser",
        company=company,
        title=title,
        team=team,
        locations=locations or [],
        employment_type=employment_type,
        season="/".join(seasons) if seasons else None,
        seasons=seasons or [],
        year=year,
        degree_levels=degrees or [],
        languages=list(languages),
        skills=list(skills),
        pay_min=pay[0] if pay else None,
        pay_max=pay[1] if pay else None,
        pay_currency=pay[2] if pay else None,
        pay_period=pay[3] if pay else None,
        start_dates=start_dates or [],
        duration_weeks=duration_weeks,
        posted_date=posted,
        mentions=mentions,
        pay_ranges=pay_ranges,
        evidence=evidence,
        text=text,
    )
    return SourceDocument(source=name, text=text, format="text"), posting


def sample_postings() -> list[tuple[SourceDocument, Posting]]:
    d = dt.date
    return [
        make_posting(
            "a.txt",
            team="User and Relation",
            languages={"Python": "required", "Go": "preferred"},
            skills={"SQL": "required"},
            pay=(40.0, 50.0, "USD", "hour"),
            start_dates=[d(2025, 5, 12), d(2025, 6, 9)],
            seasons=["Summer"],
            year=2025,
            degrees=["BS", "MS"],
            locations=["San Jose, CA"],
            duration_weeks=12,
            posted=d(2025, 1, 10),
        ),
        make_posting(
            "b.txt",
            team="TikTok User and Relation",
            languages={"Python": "required", "Java": "required"},
            pay=(100000.0, 120000.0, "USD", "year"),
            start_dates=[d(2025, 5, 12)],
            seasons=["Summer"],
            year=2025,
            degrees=["BS"],
            locations=["Seattle, WA"],
            posted=d(2025, 2, 1),
        ),
        make_posting(
            "c.txt",
            company="Amazon",
            title="SDE Intern",
            team="Growth",
            languages={"Java": "required", "Python": "preferred"},
            skills={"AWS": "preferred"},
            pay=(8000.0, 9000.0, "CAD", "month"),
            seasons=["Fall"],
            year=2026,
            degrees=["MS", "PhD"],
            locations=["Vancouver, BC"],
            duration_weeks=16,
            posted=d(2025, 3, 5),
        ),
        make_posting(
            "d.txt",
            company="Amazon",
            title="Data Engineer",
            team=None,
            languages={"Scala": "required"},
            skills={"SQL": "preferred"},
            employment_type="full_time",
            locations=["Seattle, WA"],
        ),
        # e and f: the same posting saved twice (a repost), one near-duplicate group.
        make_posting(
            "e.txt",
            company="Stripe",
            title="Backend Intern",
            team="Payments",
            languages={"Ruby": "required"},
            pay=(45.0, 55.0, "USD", "hour"),
            seasons=["Summer"],
            year=2025,
            locations=["San Francisco, CA"],
            posted=d(2025, 1, 20),
            body="Stripe payments internship. " + _BOILERPLATE * 2,
        ),
        make_posting(
            "f.txt",
            company="Stripe",
            title="Backend Intern",
            team="Payments",
            languages={"Ruby": "required"},
            pay=(45.0, 55.0, "USD", "hour"),
            seasons=["Summer"],
            year=2025,
            locations=["San Francisco, CA"],
            posted=d(2025, 1, 22),
            body="Stripe payments internship. " + _BOILERPLATE * 2 + " Apply today.",
        ),
        make_posting(
            "g.txt",
            company="O'Reilly Media",
            title='=HYPERLINK("http://evil") Editor Intern',
            team="Editorial",
            pay=(20.0, 25.0, "EUR", "hour"),
            locations=["Berlin, Germany"],
        ),
    ]


def build_warehouse(db_path: Path, pairs: list[tuple[SourceDocument, Posting]]):
    """Ingest hand-made postings through `ingest_documents`, with a parser that returns them."""
    by_source = {doc.source: posting for doc, posting in pairs}

    def parse(doc: SourceDocument) -> Posting:
        return by_source[doc.source].model_copy(deep=True)

    summary = ingest_documents([doc for doc, _ in pairs], db_path, parse=parse)
    assert summary.ok, summary.error
    return summary
