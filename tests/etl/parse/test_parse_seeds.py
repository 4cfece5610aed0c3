"""Golden tests: the five bundled sample postings (the product owner's own examples), every field.

The expected values follow the field conventions (what a careful analyst writes down for
each posting); `samples/` ships with the project, so these run anywhere.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.config import SAMPLES_DIR
from etl.parse import parse_posting

D = dt.date
SUMMER_2026_STARTS = [D(2026, 5, 11), D(2026, 5, 18), D(2026, 5, 26), D(2026, 6, 8), D(2026, 6, 22)]

EXPECTED = {
    "000_05bd42eea7bdf167.txt": dict(
        company="TikTok",
        title="Backend Software Engineer Intern - TikTok User and Relation - 2025 Summer (BS/MS)",
        team="User and Relation",
        locations=[],
        employment_type="internship",
        seasons=["Summer"],
        year=2025,
        degree_levels=["BS", "MS"],
        languages={"Python", "Java", "C++", "Go"},
        skills_include={"SQL", "NoSQL", "AWS", "Google Cloud Platform", "Microsoft Azure"},
        pay=(None, None, None, None),
        start_dates=[],
        duration_weeks=12,
        posted_date=None,
    ),
    "001_62feaaba5e79e287.txt": dict(
        company="TikTok",
        title="Backend Software Engineer Project Intern (Social) 2026 Start (BS/MS)",
        team="Social",
        locations=[],
        employment_type="internship",
        seasons=[],
        year=2026,
        degree_levels=["BS", "MS"],
        languages={"Python", "Java", "Go", "PHP"},
        skills_include=set(),
        pay=(None, None, None, None),
        start_dates=[],
        duration_weeks=13,
        posted_date=D(2025, 10, 26),
    ),
    "002_13f4f9ed03105238.txt": dict(
        company="TikTok",
        title="Backend Software Engineer Intern (TikTok-PGC-UCP) - 2026 Summer(BS/MS)",
        team="PGC-UCP",
        locations=["San Jose, CA"],
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        degree_levels=["BS", "MS"],
        languages={"Go", "Java", "Python", "C++", "JavaScript", "TypeScript"},
        skills_include=set(),
        pay=(None, None, None, None),
        start_dates=SUMMER_2026_STARTS,
        duration_weeks=12,
        posted_date=None,
    ),
    "003_2aeb78de008ae4b6.txt": dict(
        company="TikTok",
        title="Software Engineering Intern, Ads Creative & Ecosystem (Summer/Fall 2026)",
        team="Ads Creative & Ecosystem",
        locations=[],
        employment_type="internship",
        seasons=["Summer", "Fall"],
        year=2026,
        degree_levels=["BS", "MS"],
        languages={"Python", "Go", "Java"},
        skills_include=set(),
        pay=(45.0, 60.0, "USD", "hour"),
        start_dates=SUMMER_2026_STARTS,
        duration_weeks=12,
        posted_date=None,
    ),
    "004_4b9fa73e82e7fc7e.txt": dict(
        company="TikTok",
        title=None,
        team="Customer Service Platform",
        locations=[],
        employment_type="internship",
        seasons=["Summer"],
        year=2026,
        degree_levels=["BS", "MS"],
        languages=set(),
        skills_include={"React", "Vue", "Node.js", "Express", "Koa"},
        pay=(None, None, None, None),
        start_dates=SUMMER_2026_STARTS,
        duration_weeks=12,
        posted_date=None,
    ),
}


@pytest.fixture(scope="module")
def parsed():
    return {
        name: parse_posting((SAMPLES_DIR / name).read_text(encoding="utf-8"), source=name)
        for name in EXPECTED
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_every_field(parsed, name):
    posting, want = parsed[name], EXPECTED[name]
    assert posting.warnings == []
    assert posting.company == want["company"]
    assert posting.title == want["title"]
    assert posting.team == want["team"]
    assert posting.locations == want["locations"]
    assert posting.employment_type == want["employment_type"]
    assert posting.seasons == want["seasons"]
    assert posting.season == ("/".join(want["seasons"]) or None)
    assert posting.year == want["year"]
    assert posting.degree_levels == want["degree_levels"]
    assert set(posting.languages) == want["languages"]
    assert want["skills_include"] <= set(posting.skills)
    assert (posting.pay_min, posting.pay_max, posting.pay_currency, posting.pay_period) == want[
        "pay"
    ]
    assert posting.start_dates == want["start_dates"]
    assert posting.duration_weeks == want["duration_weeks"]
    assert posting.posted_date == want["posted_date"]


def test_team_aliases_keep_other_spellings(parsed):
    assert "messaging" in parsed["001_62feaaba5e79e287.txt"].team_aliases
    assert "TikTok-PGC-UCP" in parsed["002_13f4f9ed03105238.txt"].team_aliases
    assert "TikTok Customer Service Platform" in parsed["004_4b9fa73e82e7fc7e.txt"].team_aliases


def test_boilerplate_never_leaks(parsed):
    # "$20,000 lifetime maximum" is a fertility benefit; LA County is a legal notice;
    # "56 hours" of sick time is not a duration; HQ cities are not job locations.
    assert parsed["002_13f4f9ed03105238.txt"].pay_min is None
    assert not any("Los Angeles" in loc for p in parsed.values() for loc in p.locations)
    assert parsed["003_2aeb78de008ae4b6.txt"].duration_weeks == 12


def test_every_value_points_at_its_source_text(parsed):
    for posting in parsed.values():
        assert posting.evidence, posting.source
        for ev in posting.evidence:
            assert 0 <= ev.start < ev.end <= len(posting.text)
        for field in ("company", "title", "team"):
            value = getattr(posting, field)
            if value is not None:
                spans = [
                    posting.text[e.start : e.end] for e in posting.evidence if e.field == field
                ]
                assert value in spans, (posting.source, field)
        for mention in posting.mentions:
            assert (
                posting.text[mention.start : mention.end].lower()
                in {
                    mention.name.lower(),
                    *[e.value.lower() for e in posting.evidence if e.start == mention.start],
                }
                or mention.end > mention.start
            )


def test_required_and_preferred_come_from_the_section(parsed):
    faq = {m.name: m.level for m in parsed["000_05bd42eea7bdf167.txt"].mentions}
    assert faq["Python"] == "required"
    assert faq["AWS"] == "preferred"  # only named under "preferred qualifications"
    frontend = {m.name: m.level for m in parsed["004_4b9fa73e82e7fc7e.txt"].mentions}
    assert frontend["React"] == "required"
    assert frontend["Node.js"] == "preferred"
