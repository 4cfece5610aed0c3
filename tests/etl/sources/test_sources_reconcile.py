"""Structured fields meet parsed ones: fill the gaps, record disagreements, pick a side per field."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.model import Disagreement, Posting
from etl.sources.reconcile import apply_known_fields


def merged(known: dict, **parsed) -> Posting:
    return apply_known_fields(Posting(source="x", **parsed), known)


def test_empty_fields_are_filled_without_disagreements():
    posting = merged(
        {
            "title": "Controls Engineer",
            "company": "Northgate Robotics",
            "locations": ["Grand Rapids, MI"],
            "employment_type": "contract",
            "posted_date": dt.date(2024, 4, 17),
        }
    )
    assert (posting.title, posting.company, posting.locations) == (
        "Controls Engineer",
        "Northgate Robotics",
        ["Grand Rapids, MI"],
    )
    assert (posting.employment_type, posting.posted_date) == ("contract", dt.date(2024, 4, 17))
    assert posting.disagreements == []


def test_agreeing_values_keep_the_parsed_one_silently():
    posting = merged(
        {
            "title": "Data Platform Engineering Intern",
            "company": "Quillmark, Inc.",
            "locations": ["Austin, TX, US"],
        },
        title="Data Platform Engineering Intern (Summer 2026)",
        company="Quillmark",
        locations=["Austin, TX"],
    )
    assert posting.title == "Data Platform Engineering Intern (Summer 2026)"
    assert posting.company == "Quillmark"
    assert posting.locations == ["Austin, TX"]
    assert posting.disagreements == []


@pytest.mark.parametrize(
    ("field", "structured", "parsed", "winner"),
    [
        ("title", "Site Reliability Engineer", "About the team", "Site Reliability Engineer"),
        ("company", "ByteDance", "TikTok", "ByteDance"),
        ("locations", ["Berlin, Germany"], ["Singapore"], ["Berlin, Germany"]),
        ("employment_type", "part_time", "full_time", "part_time"),
        # An intern role a board files as "Full-time" hours is still an internship.
        ("employment_type", "full_time", "internship", "internship"),
        ("posted_date", dt.date(2025, 9, 18), dt.date(2025, 9, 20), dt.date(2025, 9, 18)),
        # A board's department is coarser than the team the text names.
        ("team", "Engineering", "PGC-UCP", "PGC-UCP"),
    ],
)
def test_disagreements_are_recorded_and_one_side_wins(field, structured, parsed, winner):
    posting = merged({field: structured}, **{field: parsed})
    assert getattr(posting, field) == winner
    as_text = "; ".join(map(str, structured)) if isinstance(structured, list) else str(structured)
    parsed_text = "; ".join(map(str, parsed)) if isinstance(parsed, list) else str(parsed)
    assert posting.disagreements == [
        Disagreement(field=field, structured=as_text, parsed=parsed_text)
    ]


def test_structured_pay_wins_as_a_group_and_the_text_figure_is_kept_as_a_disagreement():
    posting = merged(
        {"pay_min": 128000.0, "pay_max": 168000.0, "pay_currency": "USD", "pay_period": "year"},
        pay_min=142000.0,
        pay_max=168000.0,
        pay_currency="USD",
        pay_period="year",
    )
    assert (posting.pay_min, posting.pay_max, posting.pay_currency, posting.pay_period) == (
        128000.0,
        168000.0,
        "USD",
        "year",
    )
    assert posting.disagreements == [
        Disagreement(
            field="pay", structured="128000-168000 USD/year", parsed="142000-168000 USD/year"
        )
    ]


def test_same_pay_figures_agree_and_fill_each_others_gaps():
    posting = merged(
        {"pay_min": 24.0, "pay_max": 29.0, "pay_currency": "USD", "pay_period": None},
        pay_min=24.0,
        pay_max=29.0,
        pay_currency=None,
        pay_period="hour",
    )
    assert (posting.pay_currency, posting.pay_period) == ("USD", "hour")
    assert posting.disagreements == []


def test_hourly_versus_yearly_is_a_disagreement():
    posting = merged(
        {"pay_min": 20.0, "pay_max": 20.0, "pay_currency": "USD", "pay_period": "hour"},
        pay_min=20.0,
        pay_max=20.0,
        pay_currency="USD",
        pay_period="year",
    )
    assert posting.pay_period == "hour"
    assert [d.field for d in posting.disagreements] == ["pay"]


def test_structured_pay_fills_a_posting_without_pay():
    posting = merged(
        {"pay_min": 38.0, "pay_max": 46.0, "pay_currency": "USD", "pay_period": "hour"}
    )
    assert (posting.pay_min, posting.pay_max, posting.pay_period) == (38.0, 46.0, "hour")


def test_placeholders_never_fill_or_win():
    posting = merged(
        {"company": "None", "title": "N/A", "locations": ["", "None"]}, company="Ledgerline"
    )
    assert posting.company == "Ledgerline"
    assert posting.title is None
    assert posting.locations == []
    assert posting.disagreements == []


def test_values_that_do_not_fit_a_field_are_ignored():
    posting = merged(
        {
            "employment_type": "volunteer",
            "posted_date": "not a date",
            "pay_period": "fortnight",
            "no_such_field": 1,
            "text": "replaced?",
            "year": "2026",
        },
        text="original",
    )
    assert posting.employment_type is None
    assert posting.posted_date is None
    assert posting.text == "original"
    assert posting.warnings == []
    assert posting.year == 2026  # a number given as text is still the number
    assert posting.disagreements == []


def test_a_string_location_is_one_location():
    assert merged({"locations": "Reno, NV"}).locations == ["Reno, NV"]
