"""Postings written in the house styles of other companies and boards (fixtures are our own text).

Each fixture imitates how a site lays a posting out (Workday labels, Lever meta lines,
LinkedIn badges, Indeed job details, FAQ pages...). The parser has no rule for any site;
these guard that the general rules keep reading them right.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.pipeline import parse_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "postings"
AS_OF = dt.date(2025, 11, 1)

EXPECTED = {
    "google.txt": dict(
        company="Google",
        team=None,
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Mountain View, CA, USA", "New York, NY, USA", "Seattle, WA, USA"],
        degree_levels=["BS"],
        languages={"C", "C++", "Java", "JavaScript", "Python"},
        pay=(54, 61, "USD", "hour"),
        duration_weeks=12,
        start_dates=[],
        posted_date=None,
    ),
    "amazon.txt": dict(
        company="Amazon",
        team=None,
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Seattle, WA, USA"],
        degree_levels=["BS"],
        languages={"Java", "Python", "C++", "C#", "Go", "Rust", "TypeScript"},
        pay=(47.84, 96.15, "USD", "hour"),
        duration_weeks=12,
        start_dates=[],
        posted_date=dt.date(2025, 10, 14),
    ),
    "meta.txt": dict(
        company="Meta",
        team=None,
        employment_type="internship",
        seasons=[],
        year=None,
        locations=["Menlo Park, CA", "Seattle, WA", "New York, NY"],
        degree_levels=["BS"],
        languages={"C", "C++", "Java", "Python", "PHP", "Objective-C", "JavaScript"},
        pay=(7650, 12134, "USD", "month"),
        duration_weeks=12,
        start_dates=[],
        posted_date=None,
    ),
    "startup.md": dict(
        company="Stripe",
        team="Payments Infrastructure",
        employment_type="internship",
        seasons=["Fall"],
        year=2025,
        locations=["Canada"],
        degree_levels=["MS", "PhD"],
        languages={"Scala", "Python"},
        pay=(7800, 8400, "CAD", "month"),
        duration_weeks=16,
        start_dates=[dt.date(2025, 9, 8)],
        posted_date=dt.date(2025, 10, 11),
    ),
    "linkedin_style.txt": dict(
        company="Acme Analytics",
        team=None,
        employment_type="internship",
        seasons=["Spring"],
        year=2026,
        locations=["Austin, TX"],
        degree_levels=["BS"],
        languages=set(),
        pay=(20, 24, "USD", "hour"),
        duration_weeks=None,
        start_dates=[dt.date(2026, 1, 12)],
        posted_date=dt.date(2025, 10, 25),
    ),
    "fulltime.txt": dict(
        company="Orbit Labs",
        team="Ledger",
        employment_type="full_time",
        seasons=[],
        year=None,
        locations=["US"],
        degree_levels=[],
        languages={"Go", "Java"},
        pay=(165_000, 220_000, "USD", "year"),
        duration_weeks=None,
        start_dates=[],
        posted_date=None,
    ),
    "workday.txt": dict(
        company="Northwind Health",
        team="Clinical Data Platform",
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Austin, TX", "San Francisco, CA"],
        degree_levels=["BS", "MS"],
        languages={"Java", "Kotlin"},
        pay=(38, 45, "USD", "hour"),
        duration_weeks=12,
        start_dates=[dt.date(2026, 6, 1)],
        posted_date=dt.date(2025, 10, 27),
    ),
    "lever.txt": dict(
        company=None,
        team=None,
        employment_type="internship",
        seasons=["Fall"],
        year=2026,
        locations=["Santa Clara, CA"],
        degree_levels=["MS", "PhD"],
        languages={"Python", "C++"},
        pay=(9000, 10500, "USD", "month"),
        duration_weeks=26,
        start_dates=[],
        posted_date=None,
    ),
    "microsoft.txt": dict(
        company="Microsoft",
        team=None,
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Redmond, Washington, United States"],
        degree_levels=["BS", "MS"],
        languages={"C#", "Java", "C++"},
        pay=(6550, 12880, "USD", "month"),
        duration_weeks=12,
        start_dates=[],
        posted_date=dt.date(2025, 10, 1),
    ),
    "indeed.txt": dict(
        company="Blue Ridge Credit Union",
        team=None,
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Roanoke, VA 24011"],
        degree_levels=["BS"],
        languages=set(),
        pay=(18, 20, "USD", "hour"),
        duration_weeks=None,
        start_dates=[dt.date(2026, 5, 18)],
        posted_date=None,
    ),
    "apple.txt": dict(
        company="Apple",
        team="Camera Software",
        employment_type="internship",
        seasons=[],
        year=None,
        locations=["Cupertino, California, United States"],
        degree_levels=["BS", "MS", "PhD"],
        languages={"Objective-C", "Swift", "C++"},
        pay=(35, 60, "USD", "hour"),
        duration_weeks=None,
        start_dates=[],
        posted_date=dt.date(2025, 10, 20),
    ),
    # Greenhouse-style page: offices in the blurb, two start dates, a housing stipend.
    "greenhouse.txt": dict(
        company="Ledgerline",
        team="Payments Infrastructure",
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["San Francisco, CA", "New York, NY", "US"],
        degree_levels=["BS", "MS"],
        languages={"Go", "Ruby", "TypeScript", "Java", "Python"},
        pay=(52, 58, "USD", "hour"),
        duration_weeks=12,
        start_dates=[dt.date(2026, 5, 18), dt.date(2026, 6, 15)],
        posted_date=None,
    ),
    # Ashby-style: capitalised headings, a date range for the term, monthly pay, a relative date.
    "ashby.txt": dict(
        company="Northwind AI",
        team="Applied Research",
        employment_type="internship",
        seasons=["Fall"],
        year=2026,
        locations=["Boston, MA"],
        degree_levels=["MS", "PhD"],
        languages={"Python", "C++"},
        pay=(9_500, 11_000, "USD", "month"),
        duration_weeks=16,
        start_dates=[dt.date(2026, 9, 8)],
        posted_date=dt.date(2025, 10, 29),
    ),
    # A co-op board's label block ("Company:", "Location:"), CAD pay, a 4-month work term.
    "coop_canada.txt": dict(
        company="Maplewood Analytics Inc",
        team="Data Platform",
        employment_type="internship",
        seasons=["Winter"],
        year=2027,
        locations=["Waterloo, ON, Canada"],
        degree_levels=["BS"],
        languages={"Python", "Scala", "JavaScript", "Java"},
        pay=(28, 34, "CAD", "hour"),
        duration_weeks=17,
        start_dates=[dt.date(2027, 1, 4)],
        posted_date=dt.date(2026, 10, 2),
    ),
    # A bank's analyst program: never says "intern"; annualised salary beside a weekly figure.
    "bank_program.txt": dict(
        company="Harborview Bank",
        team="Technology",
        employment_type=None,
        seasons=["Summer"],
        year=2026,
        locations=["Jersey City, NJ", "Charlotte, NC", "Dallas, TX"],
        degree_levels=["BS"],
        languages={"Java", "C#", "Python", "JavaScript"},
        pay=(105_000, 105_000, "USD", "year"),
        duration_weeks=10,
        start_dates=[],
        posted_date=dt.date(2026, 10, 14),
    ),
    # A European page: "(m/f/d)", euro pay per month, the length in the meta line.
    "europe_internship.txt": dict(
        company="Kestrel Mobility GmbH",
        team=None,
        employment_type="internship",
        seasons=[],
        year=2026,
        locations=["Berlin, Germany"],
        degree_levels=["BS", "MS"],
        languages={"Kotlin", "Java"},
        pay=(1_800, 1_800, "EUR", "month"),
        duration_weeks=26,
        start_dates=[dt.date(2026, 3, 1)],
        posted_date=None,
    ),
    # A state agency on a campus board: the office in the title, a transit benefit, R.
    "state_agency.txt": dict(
        company="State of Colorado, Department of Transportation",
        team="Office of Transportation Analytics",
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Denver, CO"],
        degree_levels=["BS", "MS"],
        languages={"R", "Python"},
        pay=(22.5, 22.5, "USD", "hour"),
        duration_weeks=None,
        start_dates=[dt.date(2026, 6, 1)],
        posted_date=None,
    ),
    # Workday's label block in lower case ("locations", "posted on"), C/C++ and an hourly range.
    "workday_hardware.txt": dict(
        company="Silicore",
        team="Silicon Validation",
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["Austin, TX", "Santa Clara, CA"],
        degree_levels=["BS", "MS"],
        languages={"Python", "C", "C++"},
        pay=(38, 52, "USD", "hour"),
        duration_weeks=None,
        start_dates=[],
        posted_date=dt.date(2025, 10, 27),
    ),
    # SmartRecruiters-style sections; the company named only in sentences; a start date line.
    "smartrecruiters.txt": dict(
        company="Tidewater Logistics",
        team=None,
        employment_type="internship",
        seasons=[],
        year=2027,
        locations=["Savannah, GA"],
        degree_levels=["BS"],
        languages={"Python", "R"},
        pay=(20, 24, "USD", "hour"),
        duration_weeks=26,
        start_dates=[dt.date(2027, 1, 11)],
        posted_date=None,
    ),
    # LinkedIn's one-line body with every heading glued ("About The TeamOur Mobile team ...").
    "linkedin_glued.txt": dict(
        company="Lumen Health",
        team="Mobile",
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["New York, NY"],
        degree_levels=[],
        languages={"Kotlin", "Java"},
        pay=(45, 45, "USD", "hour"),
        duration_weeks=12,
        start_dates=[],
        posted_date=None,
    ),
    # A startup's markdown post: pay in the meta line, "Remote (US or Canada)", a bare length.
    "startup_fall.md": dict(
        company="Orbitly",
        team=None,
        employment_type="internship",
        seasons=["Fall"],
        year=2026,
        locations=["US", "Canada"],
        degree_levels=["BS", "MS"],
        languages={"TypeScript", "Go"},
        pay=(6_000, 8_000, "USD", "month"),
        duration_weeks=17,
        start_dates=[dt.date(2026, 9, 8)],
        posted_date=dt.date(2026, 10, 20),
    ),
    # A saved page that keeps the site's breadcrumb above the title; dates as a range.
    "breadcrumb_design.txt": dict(
        company="Brightpath Education",
        team="Learning Experience",
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["United States"],
        degree_levels=["BS"],
        languages={"Swift", "Kotlin"},
        pay=(35, 35, "USD", "hour"),
        duration_weeks=10,
        start_dates=[dt.date(2026, 6, 8)],
        posted_date=dt.date(2025, 10, 18),
    ),
    # A London trading firm: pounds per month, "29 June 2026", a closing date that is no start.
    "london_trading.txt": dict(
        company="Halcyon Trading LLC",
        team=None,
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        locations=["London, United Kingdom"],
        degree_levels=["BS", "MS"],
        languages={"C++", "Python", "OCaml"},
        pay=(6_500, 6_500, "GBP", "month"),
        duration_weeks=10,
        start_dates=[dt.date(2026, 6, 29)],
        posted_date=None,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_house_style(name):
    (posting,) = list(parse_path(FIXTURES / name, as_of=AS_OF))
    want = EXPECTED[name]
    assert posting.warnings == []
    assert posting.company == want["company"]
    assert posting.team == want["team"]
    assert posting.employment_type == want["employment_type"]
    assert posting.seasons == want["seasons"]
    assert posting.year == want["year"]
    assert posting.locations == want["locations"]
    assert posting.degree_levels == want["degree_levels"]
    assert set(posting.languages) == want["languages"]
    assert (posting.pay_min, posting.pay_max, posting.pay_currency, posting.pay_period) == want[
        "pay"
    ]
    assert posting.duration_weeks == want["duration_weeks"]
    assert posting.start_dates == want["start_dates"]
    assert posting.posted_date == want["posted_date"]
    assert posting.title  # every one of these pages has a title line
