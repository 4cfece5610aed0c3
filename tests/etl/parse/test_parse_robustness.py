"""The parser never raises, stays bounded on hostile input, and normalises Unicode."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.config import SAMPLES_DIR
from etl.model import Posting
from etl.parse import MAX_PARSE_CHARS, parse_posting
from etl.parse.text import clean_text, match_view

# Text built from the pieces real postings are made of, so Hypothesis reaches the patterns.
_PIECES = st.sampled_from(
    [
        "Responsibilities",
        "Minimum Qualifications",
        "Preferred Qualifications:",
        "Benefits",
        "$",
        "$45",
        "- $60",
        "/hr",
        "per year",
        "USD",
        "120,000",
        "k",
        "K",
        "Summer",
        "Fall 2026",
        "2026",
        "May 11th, 2026",
        "Posted: 2 days ago",
        "12-week",
        "3 months",
        "Python",
        "Go",
        "C/C++",
        "R&D",
        "(",
        ")",
        "Intern",
        "Engineer",
        " - ",
        ", ",
        "\n",
        "\n\n",
        "•",
        "·",
        "–",
        "San Jose, CA",
        "Remote - US",
        "About the Team: ",
        "We are the ",
        " team",
        "(CSP)",
        "\u00a0",
        "â€“",
        "Ã©",
        "“`html",
        "#",
        "**",
        "?",
        ":",
        ".",
        "Bachelor's",
        "BS/MS",
        "PhD",
    ]
)
_POSTINGISH = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), _POSTINGISH))
def test_never_raises_and_spans_stay_inside_the_text(text):
    posting = parse_posting(text)
    assert posting.warnings == [], posting.warnings  # no step failed
    size = len(posting.text)
    for ev in posting.evidence:
        assert 0 <= ev.start <= ev.end <= size
    for mention in posting.mentions:
        assert 0 <= mention.start < mention.end <= size
    for pay_range in posting.pay_ranges:
        assert pay_range.min <= pay_range.max
    # The record is valid against its own schema (it is what `parse --json` prints).
    Posting.model_validate(posting.model_dump())


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,  # 1 MB on one line
        "$" * 100_000,
        "$1" * 50_000,
        "Responsibilities\n" * 20_000,  # deeply repeated headings
        "ResponsibilitiesQualificationsBenefits" * 5_000,
        ("a " * 50_000) + "team",
        "(" * 50_000 + "CSP)",
        "1-" * 50_000 + "week",
        "Summer " * 30_000,
        "Python, " * 30_000,
        "Python, go, " * 30_000,  # lower-case names vouched for by their neighbours
        "Requirements\n" + "Scala, Spark, " * 30_000,  # word-like names listed together
        "High $70,000s to " * 20_000,
        "Engineer\nAcme\n" + "🌎 Remote, " * 30_000,
        "Seattle, WA\n" * 15_000,  # one place thousands of times
    ],
    ids=[
        "1MB-line",
        "dollars",
        "dollar-ones",
        "headings",
        "glued-headings",
        "long-team",
        "parens",
        "dashes",
        "seasons",
        "languages",
        "lower-case-list",
        "word-like-list",
        "pay-decades",
        "location-marks",
        "repeated-place",
    ],
)
def test_pathological_input_finishes(text):
    # Guarded by a generous timeout: this checks termination (no catastrophic backtracking),
    # not speed - benchmarks/bench_parse.py measures speed.
    posting = parse_posting(text)
    assert len(posting.text) <= MAX_PARSE_CHARS


def test_oversized_input_is_cut_and_says_so():
    posting = parse_posting("Python developer. " * 20_000)
    assert posting.warnings and "first part" in posting.warnings[0]
    assert "Python" in posting.languages


@pytest.mark.parametrize(
    ("raw", "clean", "view"),
    [
        ("Pay: $45\u00a0–\u00a0$60", "Pay: $45\u00a0–\u00a0$60", "Pay: $45 - $60"),
        ("Pay: $45 â€“ $60", "Pay: $45 – $60", "Pay: $45 - $60"),
        ("caf\u0065\u0301 “quoted”", "café “quoted”", 'café "quoted"'),
        ("line one\r\nline two\rthree", "line one\nline two\nthree", "line one\nline two\nthree"),
        ("zero\u200bwidth\ufeff", "zerowidth", "zerowidth"),
    ],
)
def test_unicode_normalisation(raw, clean, view):
    assert clean_text(raw) == clean
    assert match_view(clean_text(raw)) == view
    assert len(match_view(clean)) == len(clean)  # offsets in the view are offsets in the text


def test_mojibake_does_not_hide_pay():
    posting = parse_posting("Compensation\nThe hourly rate range is $45 â€“ $60.")
    assert (posting.pay_min, posting.pay_max, posting.pay_period) == (45, 60, "hour")


def _jobdash(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_parse_json_contract(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"")
    samples = sorted(SAMPLES_DIR.glob("*.txt"))[:2]
    result = _jobdash("parse", str(samples[0]), str(broken), str(samples[1]), "--json")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(samples[0]), str(broken), str(samples[1])]
    assert "error" in lines[1] and lines[1]["error"]
    required = {
        "source",
        "company",
        "title",
        "team",
        "locations",
        "employment_type",
        "seasons",
        "year",
        "degree_levels",
        "languages",
        "skills",
        "pay_min",
        "pay_max",
        "pay_currency",
        "pay_period",
        "start_dates",
        "duration_weeks",
        "posted_date",
        "parser_version",
        "mentions",
        "evidence",
    }
    assert required <= set(lines[0])
    assert "text" not in lines[0]  # the text only with --text


def test_cli_parse_as_of_resolves_relative_dates(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("Data Intern\nAcme\n\nPosted 3 days ago\n", encoding="utf-8")
    with_date = json.loads(
        _jobdash("parse", str(posting), "--json", "--as-of", "2025-11-21").stdout
    )
    without = json.loads(_jobdash("parse", str(posting), "--json").stdout)
    assert with_date["posted_date"] == "2025-11-18"
    assert without["posted_date"] is None


def test_cli_parse_misuse_is_an_error():
    result = _jobdash("parse", "--json")
    assert result.returncode != 0
    assert "PATHS" in result.stderr or "Missing" in result.stderr


def test_benchmark_smoke_run_prints_figures(capsys):
    from benchmarks.bench_parse import main

    assert main(["--smoke"]) == 0
    out = capsys.readouterr().out
    assert "postings/s" in out and "p50" in out and "p99" in out
