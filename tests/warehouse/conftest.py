"""A small warehouse of postings written here (with tests/factories.py), shared by the query tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factories import load_postings, make_posting

from etl.model import Posting
from warehouse.connection import Warehouse

_BOILERPLATE = (
    "We build products used by millions of people. You will work with a friendly team, ship "
    "code every week, review designs with senior engineers, and present your project at the end "
    "of the program. We value curiosity, ownership and clear writing."
)


def sample_postings() -> list[Posting]:
    """Seven postings, ids 1-7 in this order; e and f are one posting saved twice."""
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
            extra="Stripe payments internship. " + _BOILERPLATE * 2,
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
            extra="Stripe payments internship. " + _BOILERPLATE * 2 + " Apply today.",
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


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "sample.duckdb"
    load_postings(db, sample_postings())
    return db


@pytest.fixture
def wh(sample_db) -> Warehouse:
    warehouse = Warehouse(sample_db)
    yield warehouse
    warehouse.close()
