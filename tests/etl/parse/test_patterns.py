"""The built alternations match exactly what the plain alternations match, and refuse what
they cannot group."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.parse.patterns import alternation, literal_alternation, word_start_alternation

# (alternation, words it is written to find), like the ones the parser builds.
_ALTERNATIONS = [
    ("wage|wages|week|weekly", ["wage", "wages", "week", "weekly"]),
    (
        r"bonus(?:es)?|sign(?:ing|-on)|stipends?|reimburse\w*|401\s?\(?k|series [a-f]\b|fees?\b",
        ["bonus", "bonuses", "signing", "sign-on", "stipend", "reimbursed", "401 (k", "series b"],
    ),
    (
        r"jan(?:uary)?|june?|july?|mar(?:ch)?|may|sep(?:t(?:ember)?)?",
        ["jan", "january", "jun", "june", "july", "march", "may", "sept", "september"],
    ),
    (
        r"graduat\w*|class of|complete|completing|completion|©|founded",
        ["graduating", "class of", "complete", "completing", "completion", "©", "founded"],
    ),
    ("twenty-four|thirteen|twenty|twelve|three|two|ten", ["twenty-four", "thirteen", "two"]),
]
# Each alternative opens with a word character, as "\b" before it asks (no "©").
_WORD_START_ALTERNATIONS = [
    *(sample for sample in _ALTERNATIONS if "©" not in sample[0]),
    (
        r"intern|interns|internship|co-?op|summer (?:associate|analyst)s?|trainee(?:ship)?",
        ["intern", "interns", "internship", "coop", "co-op", "summer analysts", "traineeship"],
    ),
    ("(?<!scrum )masters?|msc?", ["master", "masters", "scrum master", "ms", "msc"]),
    (
        r"bachelor'?s?\b|b\.\s?[as]\.?|(?-i:BS(?:EE|CS)\b)|(?-i:BA\b)|undergrad(?:uate)?s?\b",
        ["bachelor's", "bachelors", "b. s.", "b.a", "BSEE", "BSCS", "BA", "ba", "undergrads"],
    ),
    (r"\d\d?|twenty-four|twenty|two|ten", ["7", "12", "123", "twenty-four", "two", "ten"]),
    ("commitment|schedule|status", ["commitment", "schedule", "status"]),
]
_PLACES = ["C++", "C#", "St. Louis", "St Paul", "San Jose", "Salt Lake City", "(Remote)", "a.b"]
_PLACES += ["New York", "New Jersey", "Newark", "Texas", "TX", "T"]

# What stands between and around words in a posting.
_GLUE = [" ", "", "-", ".", ",", "'", "/", "(", ")", "\n", "_", "1", "é", "scrum ", "web", "under"]
# The letters IGNORECASE also matches for "s", "k" and "i": the long s, the Kelvin sign, the
# dotless and the dotted i.
_OTHER_CASES = [str.maketrans({"s": "ſ", "k": "\u212a", "i": "ı"}), str.maketrans({"i": "İ"})]
_CASES = [str.lower, str.upper, str.title, str.swapcase]
_CASES += [lambda piece, table=table: piece.translate(table) for table in _OTHER_CASES]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    """Text made of `words`, their fragments and glue, each piece in a random case."""
    fragments = [w[:i] for w in words for i in range(1, len(w))] + [w[1:] for w in words]
    piece = st.sampled_from(words + fragments + _GLUE) | st.text(max_size=3)
    return st.lists(st.tuples(piece, st.sampled_from(_CASES)), max_size=30).map(
        lambda pieces: "".join(case(p) for p, case in pieces)
    )


def _matches(pattern: str, text: str, flags: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text, flags)]


# An alternation is equivalent only if it also backtracks into the same alternatives in the
# same order: a "\b" after it makes the engine try the next one ("wage" fails in "wages").
_ENDINGS = ["", r"\b"]


@pytest.mark.parametrize(("pattern", "words"), _ALTERNATIONS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("ending", _ENDINGS)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_alternation_matches_what_the_plain_alternation_matches(
    pattern, words, flags, ending, data
):
    text = data.draw(_texts(words))
    built = "(?:" + alternation(pattern) + ")" + ending
    assert _matches(built, text, flags) == _matches(f"(?:{pattern}){ending}", text, flags)


@pytest.mark.parametrize(("pattern", "words"), _WORD_START_ALTERNATIONS)
@pytest.mark.parametrize("ending", _ENDINGS)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_word_start_alternation_matches_what_the_plain_alternation_matches_at_a_word_start(
    pattern, words, ending, data
):
    text = data.draw(_texts(words))
    built = word_start_alternation(pattern) + ending
    plain = rf"\b(?:{pattern}){ending}"
    assert _matches(built, text, re.IGNORECASE) == _matches(plain, text, re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(words=st.permutations(_PLACES), data=st.data())
def test_literal_alternation_matches_the_escaped_words_in_any_order(words, data):
    text = data.draw(_texts(_PLACES))
    plain = "(?:" + "|".join(map(re.escape, words)) + ")"
    assert _matches(literal_alternation(words), text, 0) == _matches(plain, text, 0)


def test_literal_alternation_keeps_the_order_of_words_and_of_groups():
    words = ["Texas", "Ohio", "Tennessee"]
    assert literal_alternation(words) == "(?:T(?:exas|ennessee)|O(?:hio))"


# Alternatives that open with no plain character to group by (a class, a group, an escape, a
# capital), or with one a quantifier repeats.
_UNGROUPABLE = ["[ab]c", "(?:a|b)c", ".x", r"\wx", "Wage", "wage|[ab]c"]
_UNGROUPABLE += ["a?b", "a*b", "a+b", "a{2}b"]


@pytest.mark.parametrize("pattern", _UNGROUPABLE)
def test_alternation_refuses_an_alternative_it_cannot_group(pattern):
    with pytest.raises(ValueError, match="no plain first character"):
        alternation(pattern)


@pytest.mark.parametrize("pattern", [*_UNGROUPABLE, r"\d?x", "(?<!x)[ab]c", "(?-i:bs)"])
def test_word_start_alternation_refuses_an_alternative_it_cannot_group(pattern):
    with pytest.raises(ValueError, match="no plain first character"):
        word_start_alternation(pattern)
