"""Shared fixtures: a small warehouse of postings whose every field is known.

The postings are written here (fictional companies) with the shared factory
(`tests/factories.py`: text written from the fields, spans into it) and loaded through the
real ingest path, so dashboard tests can assert exact numbers while the real parser is still
changing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import factories
import pytest
from factories import PREF, REQ, make_posting

from etl.model import Posting

D = dt.date

# Eight postings over four companies and five teams; one is a repost of another.
KNOWN_POSTINGS: tuple[Posting, ...] = (
    make_posting(
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
    make_posting(
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
    make_posting(
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
    make_posting(
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
    make_posting(
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
    make_posting(
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
    make_posting(
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
    make_posting(
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


@pytest.fixture(scope="session")
def known_postings() -> tuple[Posting, ...]:
    """The postings inside `known_warehouse`, to compute expected answers from."""
    return KNOWN_POSTINGS


@pytest.fixture(scope="session")
def known_warehouse(tmp_path_factory) -> Path:
    """A warehouse file holding exactly KNOWN_POSTINGS (build once; tests must not write to it)."""
    db = tmp_path_factory.mktemp("known") / "known.duckdb"
    factories.load_postings(db, KNOWN_POSTINGS)
    return db


@pytest.fixture(scope="session")
def make_known_posting() -> Callable[..., Posting]:
    """`factories.make_posting`, for tests that need a posting of their own (e.g. hostile text)."""
    return make_posting


@pytest.fixture(scope="session")
def load_postings() -> Callable[..., object]:
    """`factories.load_postings(db_path, postings)`: load postings through the real ingest path."""
    return factories.load_postings
