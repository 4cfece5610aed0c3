"""Board and dataset spellings -> the Posting conventions (one row per spelling seen in the wild)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.sources.columns import parse_column_overrides
from etl.sources.normalize import (
    clean_str,
    pay_fields,
    to_currency,
    to_date,
    to_employment_type,
    to_identifier,
    to_locations,
    to_number,
    to_pay_period,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Full-time", "full_time"),
        ("FULL_TIME", "full_time"),
        ("fulltime", "full_time"),
        ("FullTime", "full_time"),  # Ashby
        ("Part-time", "part_time"),
        ("PartTime", "part_time"),
        ("Contract", "contract"),
        ("CONTRACTOR", "contract"),  # schema.org
        ("Intern", "internship"),
        ("INTERN", "internship"),
        ("Internship (Full-time)", "internship"),
        ("Co-op", "internship"),
        ("fulltime, parttime", "full_time"),  # JobSpy lists several; the first stated wins
        ("Temporary", None),
        ("Volunteer", None),
        ("International", None),  # "intern" only as a word
        ("", None),
        (None, None),
    ],
)
def test_employment_type(value, expected):
    assert to_employment_type(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("HOURLY", "hour"),
        ("hourly", "hour"),
        ("per-hour-wage", "hour"),  # Lever
        ("1 HOUR", "hour"),  # Ashby
        ("HOUR", "hour"),  # schema.org unitText
        ("daily", "day"),
        ("WEEKLY", "week"),
        ("per-month-salary", "month"),
        ("MONTHLY", "month"),
        ("YEARLY", "year"),
        ("per-year-salary", "year"),
        ("1 YEAR", "year"),
        ("annual", "year"),
        ("BIWEEKLY", None),
        ("semi-month-salary", None),
        (None, None),
    ],
)
def test_pay_period(value, expected):
    assert to_pay_period(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("usd", "USD"),
        ("CAD", "CAD"),
        ("$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("dollars", None),
        ("", None),
    ],
)
def test_currency(value, expected):
    assert to_currency(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-27", dt.date(2025, 10, 27)),
        ("2025-09-18T09:30:00-04:00", dt.date(2025, 9, 18)),
        ("2025-08-21T16:05:12.000+00:00", dt.date(2025, 8, 21)),
        (1713397508000, dt.date(2024, 4, 17)),  # epoch ms (LinkedIn, Lever)
        ("1713397508000.0", dt.date(2024, 4, 17)),  # same, from a float-typed CSV column
        (1713397508, dt.date(2024, 4, 17)),  # epoch seconds
        ("Oct 3, 2025", dt.date(2025, 10, 3)),
        ("0", None),
        ("not a date", None),
        ("", None),
    ],
)
def test_dates(value, expected):
    assert to_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (118000.0, 118000.0),
        ("134000.0", 134000.0),
        ("$120,000", 120000.0),
        ("85k", 85000.0),
        ("0", None),
        (-5, None),
        ("", None),
        (float("nan"), None),
        (True, None),
    ],
)
def test_numbers(value, expected):
    assert to_number(value) == expected


def test_pay_fields():
    assert pay_fields("24", "29", "USD", "HOURLY") == {
        "pay_min": 24.0,
        "pay_max": 29.0,
        "pay_currency": "USD",
        "pay_period": "hour",
    }
    # One stated figure; reversed bounds; no period -> the CONVENTIONS magnitude rule.
    assert pay_fields(None, None, "USD", "YEARLY", single="98000") == {
        "pay_min": 98000.0,
        "pay_max": 98000.0,
        "pay_currency": "USD",
        "pay_period": "year",
    }
    assert pay_fields(160000, 135000, "usd", None)["pay_min"] == 135000.0
    assert pay_fields(160000, 135000, "usd", None)["pay_period"] == "year"
    assert pay_fields(5000, 6000, "EUR", None)["pay_period"] is None
    assert pay_fields(2100, 2400, "USD", "biweekly") == {}
    assert pay_fields(None, "", "USD", "yearly") == {}


def test_placeholders_and_locations():
    assert clean_str("None") is None
    assert clean_str(" N/A ") is None
    assert clean_str("  Ledgerline\n Inc ") == "Ledgerline Inc"
    assert to_locations(
        ["Remote", "Berlin, Germany", "berlin, germany", "Berlin, Germany", None]
    ) == [
        "Berlin, Germany",
        "berlin, germany",
    ]
    assert to_locations("Remote - US") == ["Remote - US"]
    assert to_identifier(3901122334.0) == "3901122334"
    assert to_identifier("3901122334.0") == "3901122334"
    assert to_identifier("in-5e0c") == "in-5e0c"


def test_column_override_spec():
    assert parse_column_overrides("text=Posting Body, title=Role,id=Req") == {
        "text": "Posting Body",
        "title": "Role",
        "external_id": "Req",
    }
    assert parse_column_overrides(None) == {}
    with pytest.raises(ValueError, match="unknown field 'salary_range'"):
        parse_column_overrides("salary_range=Pay")
    with pytest.raises(ValueError, match="expected field=header"):
        parse_column_overrides("title")
