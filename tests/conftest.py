"""Shared fixtures: a small warehouse of postings whose every field is known.

The postings are written here (fictional companies), turned into `Posting` records with
spans into their own text, and loaded through the real ingest path
(`etl.ingest.ingest_documents` with a parser that returns the known record), so dashboard
tests can assert exact numbers while the real parser is still changing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from etl.model import Evidence, Mention, PayRange, Posting, SourceDocument

D = dt.date
SKILL_CATEGORIES = {"SQL": "database", "ROS": "framework", "React": "framework",
                    "Kubernetes": "cloud", "Spark": "data"}  # fmt: skip


def known_posting(
    source: str,
    *,
    company: str,
    title: str,
    team: str | None,
    languages: dict[str, str],
    skills: dict[str, str] | None = None,
    pay: tuple[float, float, str, str] | None = None,
    seasons: tuple[str, ...] = (),
    year: int | None = None,
    degrees: tuple[str, ...] = (),
    locations: tuple[str, ...] = (),
    employment_type: str | None = "internship",
    start_dates: tuple[dt.date, ...] = (),
    duration_weeks: int | None = None,
    posted: dt.date | None = None,
    extra: str = "",
) -> Posting:
    """A posting with its text written from its fields; every value has a span in the text."""
    skills = skills or {}
    lines = [
        title,
        f"{company} · Team: {team or 'to be decided'}",
        f"Location: {'; '.join(locations) or 'not said'}",
    ]
    lines += [f"We need {name} ({level})." for name, level in {**languages, **skills}.items()]
    if pay:
        lines.append(f"Pay: {pay[0]:g} to {pay[1]:g} {pay[2]} per {pay[3]}.")
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
    for name, level in {**languages, **skills}.items():
        start = text.index(f"We need {name} (") + len("We need ")
        category = "language" if name in languages else SKILL_CATEGORIES.get(name, "tool")
        mentions.append(
            Mention(name=name, category=category, level=level, start=start, end=start + len(name))
        )
    pay_ranges = []
    if pay:
        start = text.index("Pay: ") + len("Pay: ")
        end = text.index(".", text.index(f" per {pay[3]}", start))
        pay_ranges.append(
            PayRange(min=pay[0], max=pay[1], currency=pay[2], period=pay[3], start=start, end=end)
        )
    return Posting(
        source=source,
        parser_version="known-postings",
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


REQ, PREF = "required", "preferred"

# Eight postings over four companies and five teams; one is a repost of another.
KNOWN_POSTINGS: tuple[Posting, ...] = (
    known_posting(
        "known/acme-perception.txt",
        company="Acme Robotics",
        title="Perception Intern",
        team="Perception",
        languages={"Python": REQ, "C++": PREF},
        skills={"ROS": PREF},
        pay=(40, 50, "USD", "hour"),
        seasons=("Summer",),
        year=2025,
        degrees=("BS", "MS"),
        locations=("Seattle, WA",),
        start_dates=(D(2025, 5, 12), D(2025, 6, 2)),
        duration_weeks=12,
        posted=D(2025, 1, 10),
    ),
    known_posting(
        "known/acme-perception-repost.txt",
        company="Acme Robotics",
        title="Perception Intern",
        team="Perception",
        languages={"Python": REQ, "C++": PREF},
        skills={"ROS": PREF},
        pay=(40, 50, "USD", "hour"),
        seasons=("Summer",),
        year=2025,
        degrees=("BS", "MS"),
        locations=("Seattle, WA",),
        start_dates=(D(2025, 5, 12), D(2025, 6, 2)),
        duration_weeks=12,
        posted=D(2025, 1, 24),
    ),
    known_posting(
        "known/acme-planning.txt",
        company="Acme Robotics",
        title="Motion Planning Intern",
        team="Planning",
        languages={"C++": REQ, "Python": PREF},
        pay=(45, 55, "USD", "hour"),
        seasons=("Summer",),
        year=2025,
        degrees=("MS", "PhD"),
        locations=("Pittsburgh, PA",),
        start_dates=(D(2025, 5, 12),),
        duration_weeks=12,
        posted=D(2025, 2, 3),
    ),
    known_posting(
        "known/globex-payments.txt",
        company="Globex",
        title="Backend Engineer, Payments",
        team="Payments",
        languages={"Java": REQ, "Kotlin": PREF},
        skills={"SQL": REQ},
        pay=(90_000, 120_000, "USD", "year"),
        employment_type="full_time",
        locations=("New York, NY",),
        start_dates=(D(2025, 7, 7),),
        posted=D(2025, 2, 14),
    ),
    known_posting(
        "known/globex-search.txt",
        company="Globex",
        title="Search Infrastructure Intern",
        team="Search",
        languages={"Go": REQ, "Python": PREF},
        skills={"Kubernetes": PREF},
        pay=(35, 45, "CAD", "hour"),
        seasons=("Summer",),
        year=2026,
        degrees=("MS", "PhD"),
        locations=("Toronto, ON",),
        start_dates=(D(2026, 5, 4),),
        duration_weeks=16,
        posted=D(2025, 9, 1),
    ),
    known_posting(
        "known/initech-growth.txt",
        company="Initech",
        title="Frontend Intern, Growth",
        team="Growth",
        languages={"TypeScript": REQ, "JavaScript": REQ},
        skills={"React": PREF},
        seasons=("Fall",),
        year=2025,
        degrees=("BS",),
        locations=("Austin, TX",),
        posted=D(2025, 3, 3),
    ),
    known_posting(
        "known/initech-tools.txt",
        company="Initech",
        title="Developer Tools Intern",
        team=None,
        languages={"Rust": REQ, "Python": PREF},
        seasons=("Summer", "Fall"),
        year=2025,
        degrees=("BS",),
        locations=("Austin, TX",),
        duration_weeks=24,
    ),
    known_posting(
        "known/hooli-data.txt",
        company="Hooli",
        title="Data Engineering Intern",
        team="Growth",
        languages={"Python": REQ, "Scala": PREF},
        skills={"SQL": REQ, "Spark": PREF},
        pay=(6_000, 7_000, "USD", "month"),
        seasons=("Summer",),
        year=2026,
        degrees=("BS", "MS"),
        locations=("Mountain View, CA",),
        start_dates=(D(2026, 6, 1),),
        duration_weeks=12,
        posted=D(2025, 10, 1),
    ),
)


def load_known_postings(db_path: Path, postings: tuple[Posting, ...] = KNOWN_POSTINGS) -> None:
    """Load postings into the warehouse through the real ingest path, as their own parse result."""
    from etl.ingest import ingest_documents

    by_source = {p.source: p for p in postings}
    documents = [SourceDocument(source=p.source, text=p.text, format="text") for p in postings]
    summary = ingest_documents(documents, db_path, parse=known_parser(by_source))
    assert summary.ok, summary.error


def known_parser(by_source: dict[str, Posting]) -> Callable[[SourceDocument], Posting]:
    return lambda doc: by_source[doc.source].model_copy(deep=True)


@pytest.fixture(scope="session")
def known_postings() -> tuple[Posting, ...]:
    """The postings inside `known_warehouse`, to compute expected answers from."""
    return KNOWN_POSTINGS


@pytest.fixture(scope="session")
def known_warehouse(tmp_path_factory) -> Path:
    """A warehouse file holding exactly KNOWN_POSTINGS (build once; tests must not write to it)."""
    db = tmp_path_factory.mktemp("known") / "known.duckdb"
    load_known_postings(db)
    return db


@pytest.fixture(scope="session")
def make_known_posting() -> Callable[..., Posting]:
    """`known_posting`, for tests that need a posting of their own (e.g. hostile text)."""
    return known_posting


@pytest.fixture(scope="session")
def load_postings() -> Callable[..., None]:
    """`load_known_postings(db_path, postings)`: load records through the real ingest path."""
    return load_known_postings
