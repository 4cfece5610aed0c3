"""Each posting format read from a small fixture: how many postings, their text, ids and fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.model import Rejection, SourceDocument
from etl.sources import read_source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"


def read(name: str) -> tuple[list[SourceDocument], list[Rejection]]:
    items = list(read_source(FIXTURES / name))
    docs = [i for i in items if isinstance(i, SourceDocument)]
    return docs, [i for i in items if isinstance(i, Rejection)]


# name, format, postings, rejected, locators
FILES = [
    ("plain_posting.txt", "text", 1, 0, [None]),
    ("fenced_fragment.txt", "text", 1, 0, [None]),
    ("posting.md", "markdown", 1, 0, [None]),
    ("job_page.html", "html", 1, 0, [None]),
    ("careers_page.htm", "html", 1, 0, [None]),
    ("greenhouse_board.json", "greenhouse", 2, 0, ["jobs[0]", "jobs[1]"]),
    ("lever_postings.json", "lever", 2, 0, ["[0]", "[1]"]),
    ("ashby_board.json", "ashby", 2, 0, ["jobs[0]", "jobs[1]"]),
    ("jobspy_jobs.json", "jobspy", 2, 0, ["[0]", "[1]"]),
    ("jobspy_jobs.csv", "jobspy", 3, 1, ["row 2", "row 3", "row 5"]),
    ("dataset_postings.csv", "csv", 3, 0, ["row 2", "row 3", "row 4"]),
    ("board_dump.jsonl", "json", 3, 2, ["line 1", "line 2", "line 5"]),
]


@pytest.mark.parametrize(("name", "fmt", "postings", "rejected", "locators"), FILES)
def test_each_format_yields_its_postings(name, fmt, postings, rejected, locators):
    docs, rejections = read(name)
    assert len(docs) == postings
    assert len(rejections) == rejected
    assert {d.format for d in docs} == {fmt}
    assert [d.locator for d in docs] == locators
    assert all(d.source == str(FIXTURES / name) for d in docs)


# name, index, words the text keeps, markup/boilerplate it must not contain
TEXTS = [
    (
        "fenced_fragment.txt",
        0,
        ["Junior Lab Data Analyst", "- Clean and reconcile"],
        ["<", "`", "“"],
    ),
    (
        "posting.md",
        0,
        ["Mobile Engineer, Payments (iOS)", "- Ship new payment flows in Swift"],
        ["**", "](", "#", "\\$"],
    ),
    (
        "job_page.html",
        0,
        [
            "Austin, TX or Denver, CO",
            "- Build and test batch jobs",
            "The hourly rate for this internship is $38–$46 per hour",
        ],
        [
            "cookie",
            "Similar jobs",
            "All rights reserved",
            "dataLayer",
            "Home",
            "Apply now",
            "font-family",
        ],
    ),
    (
        "careers_page.htm",
        0,
        ["- Own our Terraform modules", "Salary range: $135,000"],
        ["Privacy policy", "cookies", "Sign in"],
    ),
    (
        "greenhouse_board.json",
        0,
        ["What you’ll do", "- Own the appointment-reminder service"],
        ["&lt;", "<h2>", "&rsquo;"],
    ),
    (
        "lever_postings.json",
        0,
        ["What you'll do", "- Operate Kafka and Flink", "We sponsor visas"],
        ["<li>", "<div>"],
    ),
    ("ashby_board.json", 0, ["- Design onboarding experiments with our Growth engineers"], ["<p>"]),
    (
        "jobspy_jobs.csv",
        0,
        ["- Write firmware in C and C++ for ARM Cortex-M parts", "Pay: $118,000"],
        ["**", "\\+"],
    ),
    (
        "board_dump.jsonl",
        0,
        ["About Ledgerline", "- Design our settlement engine in Rust"],
        ["###", "**", "](https"],
    ),
]


@pytest.mark.parametrize(("name", "index", "kept", "dropped"), TEXTS)
def test_text_keeps_content_and_drops_markup(name, index, kept, dropped):
    text = read(name)[0][index].text
    for phrase in kept:
        assert phrase in text.split("\n") or any(
            line.startswith(phrase) for line in text.split("\n")
        ), f"{phrase!r} is not a line of the text"
    for junk in dropped:
        assert junk not in text


def test_text_keeps_line_structure_one_heading_or_bullet_per_line():
    lines = read("job_page.html")[0][0].text.split("\n")
    assert lines[0] == "Data Platform Engineering Intern (Summer 2026)"
    heading = lines.index("What you will do")
    assert lines[heading + 1].startswith("- Build and test batch jobs")
    assert lines[heading + 4] == "What we are looking for"


def test_board_and_dataset_texts_are_led_by_the_record_title():
    for name in (
        "greenhouse_board.json",
        "lever_postings.json",
        "dataset_postings.csv",
        "board_dump.jsonl",
    ):
        for doc in read(name)[0]:
            assert doc.text.split("\n", 1)[0] == doc.known["title"]


KNOWN = [
    (
        "job_page.html",
        0,
        {
            "title": "Data Platform Engineering Intern (Summer 2026)",
            "company": "Quillmark",
            "locations": ["Austin, TX, US", "Denver, CO, US"],
            "employment_type": "internship",
            "posted_date": dt.date(2025, 10, 14),
            "pay_min": 38.0,
            "pay_max": 46.0,
            "pay_currency": "USD",
            "pay_period": "hour",
        },
    ),
    (
        "greenhouse_board.json",
        0,
        {
            "title": "Senior Backend Engineer, Reminders",
            "company": "Tallowmere",
            "team": "Platform Engineering",
            "locations": ["Portland, OR"],
            "posted_date": dt.date(2025, 9, 18),
            # Two pay zones: min of all zones .. max of all zones.
            "pay_min": 128000.0,
            "pay_max": 168000.0,
            "pay_currency": "USD",
            "pay_period": "year",
        },
    ),
    # Placeholder company "None" and the bare "Remote" location are dropped.
    (
        "greenhouse_board.json",
        1,
        {
            "title": "Software Engineering Intern (Summer 2026)",
            "locations": ["Remote - US"],
            "posted_date": dt.date(2025, 10, 5),
        },
    ),
    (
        "lever_postings.json",
        0,
        {
            "title": "Data Infrastructure Engineer",
            "team": "Data Infrastructure",
            "locations": ["Berlin, Germany", "Munich, Germany"],
            "employment_type": "full_time",
            "posted_date": dt.date(2025, 9, 2),
            "pay_min": 72000.0,
            "pay_max": 88000.0,
            "pay_currency": "EUR",
            "pay_period": "year",
        },
    ),
    (
        "lever_postings.json",
        1,
        {
            "title": "Network Planning Intern",
            "team": "Network Planning",
            "locations": ["Rotterdam, Netherlands"],
            "employment_type": "internship",
            "posted_date": dt.date(2025, 9, 9),
            "pay_min": 1400.0,
            "pay_max": 1400.0,
            "pay_currency": "EUR",
            "pay_period": "month",
        },
    ),
    (
        "ashby_board.json",
        0,
        {
            "title": "Product Designer, Growth",
            "team": "Growth Design",
            "locations": ["New York, NY", "Remote - US"],
            "employment_type": "full_time",
            "posted_date": dt.date(2025, 8, 21),
            "pay_min": 135000.0,
            "pay_max": 160000.0,
            "pay_currency": "USD",
            "pay_period": "year",
        },
    ),
    (
        "ashby_board.json",
        1,
        {
            "title": "Support Specialist (Part-time)",
            "team": "Customer Experience",
            "employment_type": "part_time",
            "posted_date": dt.date(2025, 9, 30),
            "pay_min": 24.0,
            "pay_max": 24.0,
            "pay_currency": "USD",
            "pay_period": "hour",
        },
    ),
    (
        "jobspy_jobs.json",
        1,
        {
            "title": "Part-Time Math Tutor",
            "company": "Brightpath Learning",
            "locations": ["Austin, TX, US"],
            "employment_type": "part_time",
            "posted_date": dt.date(2025, 10, 20),
            "pay_min": 28.0,
            "pay_max": 35.0,
            "pay_currency": "USD",
            "pay_period": "hour",
        },
    ),
    (
        "jobspy_jobs.csv",
        0,
        {
            "title": "Embedded Firmware Engineer",
            "company": "Otterbrook Instruments",
            "locations": ["Boise, ID, US"],
            "employment_type": "full_time",
            "posted_date": dt.date(2025, 10, 27),
            "pay_min": 118000.0,
            "pay_max": 134000.0,
            "pay_currency": "USD",
            "pay_period": "year",
        },
    ),
    # Biweekly pay has no Posting period: the structured pay is left out, not mislabelled.
    (
        "jobspy_jobs.csv",
        2,
        {
            "title": "Bookkeeper (biweekly pay)",
            "company": "Fennel & Stone CPA",
            "employment_type": "contract",
            "posted_date": dt.date(2025, 10, 22),
        },
    ),
    (
        "dataset_postings.csv",
        0,
        {
            "title": "Dental Office Manager",
            "company": "Greywater Dental Group",
            "locations": ["Raleigh, NC"],
            "employment_type": "full_time",
            "posted_date": dt.date(2024, 4, 16),
            "pay_min": 24.0,
            "pay_max": 29.0,
            "pay_currency": "USD",
            "pay_period": "hour",
        },
    ),
    # A single stated figure (med_salary) is both ends of the range.
    (
        "dataset_postings.csv",
        1,
        {
            "title": "Controls Engineer",
            "company": "Northgate Robotics",
            "locations": ["Grand Rapids, MI"],
            "employment_type": "contract",
            "posted_date": dt.date(2024, 4, 17),
            "pay_min": 98000.0,
            "pay_max": 98000.0,
            "pay_currency": "USD",
            "pay_period": "year",
        },
    ),
    ("board_dump.jsonl", 1, {"title": "PHP Developer (Laravel)"}),
]


@pytest.mark.parametrize(("name", "index", "expected"), KNOWN)
def test_structured_fields_are_normalised(name, index, expected):
    assert read(name)[0][index].known == expected


IDS = [
    ("job_page.html", 0, "QM-4471", None),
    ("greenhouse_board.json", 0, "5012001", "https://boards.greenhouse.io/tallowmere/jobs/5012001"),
    (
        "lever_postings.json",
        1,
        "8a0e4d3b-1f22-4c5a-b7e9-6d3f2a1c0b98",
        "https://jobs.lever.co/kestrelfreight/8a0e4d3b-1f22-4c5a-b7e9-6d3f2a1c0b98",
    ),
    (
        "ashby_board.json",
        0,
        "c5a1e0f2-77d4-4b8e-9d0a-31f6b2e8a4c7",
        "https://jobs.ashbyhq.com/lumenpay/c5a1e0f2-77d4-4b8e-9d0a-31f6b2e8a4c7",
    ),
    ("jobspy_jobs.csv", 1, "gd-1009918273", "https://www.glassdoor.com/job-listing/1009918273"),
    # A float-typed id column ("3901122334.0" in some exports) still reads as the id.
    ("dataset_postings.csv", 0, "3901122334", "https://www.linkedin.com/jobs/view/3901122334/"),
    ("dataset_postings.csv", 2, "3901122777", None),
    (
        "board_dump.jsonl",
        2,
        "go-backend-engineer-tidewater",
        "https://example.org/apply/go-backend-engineer-tidewater",
    ),
]


@pytest.mark.parametrize(("name", "index", "external_id", "url"), IDS)
def test_source_ids_and_urls_are_kept(name, index, external_id, url):
    doc = read(name)[0][index]
    assert (doc.external_id, doc.url) == (external_id, url)


def test_record_rejections_name_the_record_and_the_rest_survives():
    docs, rejections = read("board_dump.jsonl")
    assert [(r.locator, r.reason) for r in rejections] == [
        ("line 3", "line 3: empty description"),
        ("line 4", "line 4: not valid JSON (unterminated string starting at column 97)"),
    ]
    assert docs[-1].known["company"] == "Tidewater Energy"
    docs, rejections = read("jobspy_jobs.csv")
    assert [(r.locator, r.reason) for r in rejections] == [
        ("row 4", "CSV row 4: empty description")
    ]


def test_a_page_date_on_the_first_line_is_the_page_date():
    assert read("plain_posting.txt")[0][0].page_date == dt.date(2025, 9, 1)
    assert read("posting.md")[0][0].page_date is None


def test_folder_documentation_is_not_a_posting(tmp_path):
    from etl.sources import iter_posting_files

    (tmp_path / "README.md").write_text(
        "# Exports\nThese are our saved postings.", encoding="utf-8"
    )
    (tmp_path / "SOURCE.md").write_text("Where the files came from.", encoding="utf-8")
    posting = tmp_path / "backend-intern.md"
    posting.write_text("# Backend Intern\n### Acme\n\nBuild APIs in Go.", encoding="utf-8")
    assert list(iter_posting_files([tmp_path])) == [posting]
    # Named directly, a README is still read (the person asked for it).
    assert list(iter_posting_files([tmp_path / "README.md"])) == [tmp_path / "README.md"]
