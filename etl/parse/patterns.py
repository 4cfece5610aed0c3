"""Building regex alternations that match exactly what the plain alternation matches, faster.

Wherever a pattern may start, the regex engine tries its alternatives one by one. Grouped by
first character, only the group of the character at hand is tried; opened with a class of the
first characters, the engine skips at C speed to where one of them stands.
"""

from __future__ import annotations

import re


def alternation(pattern: str) -> str:
    """The regex alternation `pattern` ("wage|wages|week") with the same matches, faster:
    grouped by first character ("w(?:age|ages|eek)").

    Each alternative opens with a lower-case ASCII letter or a character without case (a
    digit, "©"), with no quantifier after it. Alternatives that open with different such
    characters never match at the same place, even under IGNORECASE, so only the order within
    a group counts, and it is kept. Why: wherever the pattern may start, the regex engine
    tries each alternative in turn, and under IGNORECASE it has no quick test of the first
    character, so fifty words cost fifty tries at every word start; grouped, a few.
    """
    groups: dict[str, list[str]] = {}
    for alternative in _alternatives(pattern):
        first, rest = alternative[:1], alternative[1:]
        plain = "a" <= first <= "z" or (first != "" and first.lower() == first.upper())
        if not plain or first in _REGEX_SYNTAX or rest[:1] in _QUANTIFIERS:
            raise ValueError(f"no plain first character to group by: {alternative!r}")
        groups.setdefault(first, []).append(rest)
    return "|".join(
        first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
        for first, rests in groups.items()
    )


def word_start_alternation(pattern: str) -> str:
    """`\\b(?:pattern)` under IGNORECASE, with the same matches, opening with a class of the
    alternatives' first characters (and checking "\\b" after it).

    Why: a pattern that opens with "\\b" sends the regex engine into its full matcher at every
    position of a window, and under IGNORECASE each alternative is tried at every word start;
    a pattern that opens with a plain character class lets the engine skip at C speed to where
    one of those characters stands. Each alternative opens as `alternation()` asks, or with a
    case-sensitive letter ("(?-i:BS...)"), or with negative look-backs before that first
    character ("(?<!scrum )masters?"); "\\d" may open one too. Every first character is a word
    character, so "\\b" before it is "no word character before it": `(?<!\\w.)` once it is read.
    """
    groups: dict[str, list[str]] = {}
    for alternative in _alternatives(pattern):
        look_backs = ""
        while m := _LEADING_LOOK_BACK.match(alternative):
            # Read one character later: the first character is then behind, not ahead.
            look_backs += f"(?<!{m.group(1)}.)"
            alternative = alternative[m.end() :]
        if alternative.startswith("(?-i:") and alternative[5:6].isupper():
            first, rest = (
                alternative[5],
                look_backs + f"(?-i:(?<={alternative[5]})" + alternative[6:],
            )
        elif alternative.startswith("\\d") and alternative[2:3] not in _QUANTIFIERS:
            first, rest = "\\d", look_backs + alternative[2:]
        else:
            first, rest = alternative[:1], alternative[1:]
            plain = "a" <= first <= "z" or (first != "" and first.lower() == first.upper())
            if not plain or first in _REGEX_SYNTAX or rest[:1] in _QUANTIFIERS:
                raise ValueError(f"no plain first character to group by: {alternative!r}")
            rest = look_backs + rest
        groups.setdefault(first.lower(), []).append(rest)
    first_characters = "".join(_case_variants(first) for first in groups)
    return (
        f"(?-i:[{first_characters}])(?<!\\w.)(?:"
        + "|".join(
            f"(?-i:(?<=[{_case_variants(first)}]))"
            + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
            for first, rests in groups.items()
        )
        + ")"
    )


def literal_alternation(words: list[str]) -> str:
    """A group matching any of `words` as written, tried in their order, grouped by first
    character: ["Texas", "Ohio", "Tennessee"] -> "(?:T(?:exas|ennessee)|O(?:hio))".

    The regex engine steps into every alternative that starts with the character at hand (each
    "S" country at ", Seattle"); grouped, into one group. Matched case-sensitively, words in
    different groups cannot match at the same place, so the grouping changes no match.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return "(?:" + "|".join(branches) + ")"


def _case_variants(first: str) -> str:
    """What IGNORECASE matches for `first`: "s" also matches the long s "ſ"."""
    if not "a" <= first <= "z":
        return first if first == "\\d" else re.escape(first)
    return first + first.upper() + _OTHER_CASES.get(first, "")


# The only characters besides an ASCII letter's two cases that IGNORECASE matches for it.
_OTHER_CASES = {"i": "ıİ", "k": "\u212a", "s": "ſ"}
_LEADING_LOOK_BACK = re.compile(r"\(\?<!([^()]*)\)")


def _alternatives(pattern: str) -> list[str]:
    """The alternatives of `pattern`, split at the "|" that separate them."""
    alternatives: list[str] = []
    for piece in pattern.split("|"):
        # A piece that does not compile ends inside a group or a class ("sign(?:ing|-on)"):
        # that "|" separates no alternatives of `pattern`.
        if alternatives and not _compiles(alternatives[-1]):
            alternatives[-1] += "|" + piece
        else:
            alternatives.append(piece)
    return alternatives


_REGEX_SYNTAX = frozenset("\\^$.|?*+()[]{}")
_QUANTIFIERS = ("?", "*", "+", "{")


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True
