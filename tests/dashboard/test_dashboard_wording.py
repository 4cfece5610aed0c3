"""The sentences and table cells the pages build from query rows."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dashboard import wording


def test_pay_coverage_counts_stated_pay_per_currency_and_period():
    coverage = pl.DataFrame(
        {
            "currency": ["USD", "not stated", "CAD", "unknown"],
            "period": ["hour", "not stated", "not stated", "year"],
            "postings": [3, 2, 1, 1],
        }
    )
    sentence = wording.pay_coverage_sentence(coverage)
    assert "5 of 7" in sentence
    # The units read as the pay page's unit picker names them.
    assert "(USD per hour: 3, CAD (period not stated): 1, Currency not stated per year: 1)" in (
        sentence
    )


def test_pay_coverage_says_so_when_nobody_states_pay():
    coverage = pl.DataFrame({"currency": ["not stated"], "period": ["not stated"], "postings": [5]})
    assert wording.pay_coverage_sentence(coverage) == "No posting in view states pay (5 postings)."


def test_pay_text_reads_like_a_person_writes_it():
    frame = pl.DataFrame(
        {
            "pay_min": [40.0, 6000.0, 42.5, None],
            "pay_max": [50.0, 6000.0, 45.0, None],
            "pay_currency": ["USD", "USD", None, None],
            "pay_period": ["hour", "month", "hour", None],
        }
    )
    assert wording.with_pay_text(frame)["pay"].to_list() == [
        "40–50 USD per hour",
        "6,000 USD per month",
        "42.50–45 (currency?) per hour",
        None,
    ]


def test_overview_sentence_counts_in_words():
    summary = {
        "postings": 5,
        "with_pay": 3,
        "earliest_posted": dt.date(2025, 1, 10),
        "latest_posted": dt.date(2025, 3, 1),
        "with_start_dates": 4,
        "with_team": 1,
        "repost_groups": 1,
    }
    sentence = wording.overview_sentence(summary)
    assert "posted between 2025-01-10 and 2025-03-01" in sentence
    assert "1 group of near-identical reposts" in sentence
    assert sentence.startswith("Of these postings: pay stated in 3 of 5;")


def test_markdown_escape_leaves_nothing_for_markdown_to_act_on():
    hostile = "[click](javascript:alert(1)) **bold** <img src=x> :red[x] $x$ # head"
    escaped = wording.md_escape(hostile)
    for mark in "[]()*<>:$#":
        assert f"\\{mark}" in escaped  # every special character is backslash-escaped
    assert escaped.replace("\\", "") == hostile  # and nothing else changes
