"""One posting shown whole: the field rows people read and the parsed postings' CSV rows."""

from __future__ import annotations

import datetime as dt

from dashboard import detail
from etl.model import Mention, PayRange, Posting
from warehouse.csv_export import frame_to_csv_bytes


def _posting() -> Posting:
    return Posting(
        source="upload zones.txt",
        company="Zorblax",
        title="Platform Engineer",
        employment_type="full_time",
        languages=["Go", "Python"],
        skills=["Kubernetes"],
        mentions=[
            Mention(name="Go", category="language", level="preferred", start=0, end=2),
            Mention(name="Go", category="language", level="required", start=10, end=12),
            Mention(name="Python", category="language", level="preferred", start=20, end=26),
            Mention(name="Kubernetes", category="cloud", level="required", start=30, end=40),
        ],
        pay_min=150_000,
        pay_max=180_000,
        pay_currency="USD",
        pay_period="year",
        pay_ranges=[
            PayRange(
                min=150_000,
                max=180_000,
                currency="USD",
                period="year",
                start=50,
                end=60,
                label="Zone A",
            ),
            PayRange(
                min=130_000,
                max=160_000,
                currency="USD",
                period="year",
                start=70,
                end=80,
                label="Zone B",
            ),
        ],  # fmt: skip
        start_dates=[dt.date(2026, 6, 1)],
    )


def test_field_rows_say_each_level_every_range_and_the_link():
    rows = detail.field_rows(_posting(), url="https://jobs.example/42")
    fields = {row["Field"]: row["Value"] for row in rows}
    # A language named as preferred in one place and required in another is required.
    assert fields["Languages"] == "Go (required); Python (preferred)"
    assert fields["Skills"] == "Kubernetes (required)"
    assert fields["Pay"] == "150,000–180,000 USD per year"
    assert fields["Every stated pay range"] == (
        "150,000–180,000 USD per year (Zone A); 130,000–160,000 USD per year (Zone B)"
    )
    assert fields["Employment type"] == "full time"
    assert fields["Link"] == "https://jobs.example/42"
    assert fields["Team"] == fields["Year"] == "not stated"
    assert "Team also written as" not in fields
    labels = [row["Field"] for row in rows]
    assert labels.index("Every stated pay range") == labels.index("Pay") + 1


def test_one_pay_range_and_no_link_add_no_rows():
    posting = _posting().model_copy(update={"pay_ranges": _posting().pay_ranges[:1]})
    labels = [row["Field"] for row in detail.field_rows(posting)]
    assert "Every stated pay range" not in labels and "Link" not in labels


def test_parsed_postings_become_extract_shaped_rows():
    frame = detail.parsed_frame([_posting(), Posting(source="pasted text 1")])
    assert frame.height == 2
    first = frame.row(0, named=True)
    assert first["required_languages"] == ["Go"]  # its strongest level only
    assert first["preferred_languages"] == ["Python"]
    assert first["start_dates"] == [dt.date(2026, 6, 1)]
    assert frame.row(1, named=True)["company"] is None
    csv = frame_to_csv_bytes(frame).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("source,locator,company,title,team")
