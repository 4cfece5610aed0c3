"""The shared per-posting machinery: one trigger pass, windowed searches and their shortcuts.

These shortcuts exist for speed only; each test checks that a shortcut gives exactly the
answer of the plain computation it replaces.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.parse import parse_posting
from etl.parse.company import _COMPANY_LABEL
from etl.parse.dates import _DATE, _DIGIT
from etl.parse.doc import LABEL_COLON, Doc
from etl.parse.header import _TITLE_LABEL
from etl.parse.team import (
    _ABBREVIATED,
    _ABBREVIATION_ONLY,
    _POSSESSIVE_TAIL_AT,
    _TEAM_LABEL,
    _TEAM_POSSESSIVE,
)

# Whole phrases the patterns below match, and near misses, mixed with noise.
_PIECES = st.sampled_from(
    [
        "The Search Infrastructure team ships ", "Our Ads group is ", "Acme's Data team works ",
        "the Ads team. ", "The Customer Service Platform (CSP) ", "Our Core Team (x) ", "the Dev Tools Group (DTG)",
        "\nTeam: Growth\n", "\nTitle: Data Intern\n", "\nCompany: Acme\n", "\n* Role： Intern\n",
        "May 12", "June 3, 2026", "12 March", "2026-05-04", "5/12/26", "marketing ", "you may ",
        " - ", "* ", "# ", ": ", "\n", "Q", "9",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join)

# (pattern, what every match must contain, window before, window after)
_SHORTCUTS = [
    (_DATE, _DIGIT, 16, 24),
    (_TEAM_POSSESSIVE, _POSSESSIVE_TAIL_AT, 90, 30),
    (_ABBREVIATED, _ABBREVIATION_ONLY, 100, 12),
    (_TEAM_LABEL, LABEL_COLON, 12, 80),
    (_TITLE_LABEL, LABEL_COLON, 24, 180),
    (_COMPANY_LABEL, LABEL_COLON, 24, 100),
]


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_a_window_without_the_needed_part_holds_no_match(text, data):
    doc = Doc(text)
    size = len(doc.view)
    positions = sorted(set(data.draw(st.lists(st.integers(0, max(size, 1)), max_size=6))))
    for pattern, needs, before, after in _SHORTCUTS:
        plain = [m.span() for m in doc.search_near(pattern, positions, before, after)]
        quick = [m.span() for m in doc.search_near(pattern, positions, before, after, needs=needs)]
        assert quick == plain, pattern.pattern[:40]


def test_search_near_finds_matches_in_windows_only_once():
    filler = "Nothing about teams here, only words to keep the sentences apart. " * 2
    doc = Doc(f"The Search Infrastructure team ships code. {filler}The Ads team is new.")
    team = doc.find_all(" team")
    found = [
        m.group("name")
        for m in doc.search_near(_TEAM_POSSESSIVE, team + team, 90, 30, needs=_POSSESSIVE_TAIL_AT)
    ]
    assert found == ["Search Infrastructure", "Ads"]


def test_trigger_pass_answers_like_str_find():
    text = "Week one: a 12-week program. WEEKLY sync; two weeks off. Weekend? Bi-weekly."
    first = Doc(text)
    fresh = first.find_all("week", "weekly", "bi-")  # new needles: found with str.find
    second = Doc(text)
    indexed = second.find_all("week", "weekly", "bi-")  # the same needles from the shared pass
    lower = text.lower()
    expected = sorted(
        m.start()
        for needle in ("week", "weekly", "bi-")
        for m in re.finditer(re.escape(needle), lower)
    )
    assert fresh == indexed == expected
    word_starts = [
        m.start()
        for m in re.finditer("week", lower)
        if m.start() == 0 or not lower[m.start() - 1].isalnum()
    ]
    assert second.find_all("week", word_start=True) == word_starts == [0, 15, 29, 46, 57, 69]


def test_vocabulary_hits_are_the_same_from_the_shared_pass():
    entries = {"python": "P", "go": "G", "c++": "C"}
    text = "Python, Go and C++; pythonic go-getters."
    first = Doc(text).vocabulary_hits("test-vocabulary", lambda: entries)
    again = Doc(text).vocabulary_hits("test-vocabulary", lambda: entries)
    expected = sorted(
        (m.end() - 1, entry)
        for key, entry in entries.items()
        for m in re.finditer(re.escape(key), text.lower())
    )
    assert sorted(first) == sorted(again) == expected


_HEADING_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Responsibilities", "RESPONSIBILITIES", "responsibilities", "Minimum Qualifications",
                "About Acme", "about the team", "What You'll Do", "Benefits:", "\n", ". ", "## ",
                "**", "Who can apply?", "QualificationsYou", "ResponsibilitiesWe ", "Salary",
            ]
        ),
        st.text(alphabet="abcXYZ .:\n", max_size=8),
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_HEADING_TEXT)
def test_headings_from_the_shared_pass_equal_the_own_pass(text):
    from etl.parse.segment import segment

    doc = Doc(text)  # sections found from the shared lower-case pass
    assert doc.blocks == segment(doc.view, doc.lines)  # ... and from the capitalised automaton


def test_a_letter_that_lowercases_to_two_keeps_every_later_offset():
    # "İ".lower() is two characters; every span after it must still point at its text.
    text = "İstanbul Office\nAcme\n\nSoftware Engineer Intern\nWe use Python and Go."
    posting = parse_posting(text)
    assert posting.languages == ["Python", "Go"]
    assert all(text[m.start : m.end] == m.name for m in posting.mentions)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "Pay across the U.S. is USD $7,210 a month. Other text.",
            "Pay across the U.S. is USD $7,210 a month.",
        ),
        ("Use tools, e.g. python daily. Then go.", "Use tools, e.g. python daily."),
        ("Acme Inc. is hiring now. Apply.", "Acme Inc. is hiring now."),
        ("Bitbucket / GitLab etc. is desirable. Other.", "Bitbucket / GitLab etc. is desirable."),
    ],
)
def test_an_abbreviation_does_not_end_the_sentence(text, sentence):
    doc = Doc.from_raw(text)
    start, end = doc.sentence_at(text.index(sentence) + 1)
    assert text[start:end].strip() == sentence


def test_a_period_before_a_capital_still_ends_the_sentence():
    text = "We are based in the U.S. Our team is small."
    doc = Doc.from_raw(text)
    start, end = doc.sentence_at(text.index("Our"))
    assert text[start:end].strip() == "Our team is small."
