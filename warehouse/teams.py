"""The team dimension: one team however a posting spells it ("TikTok User and Relation" = "User and Relation")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

# Two normalised names this similar are one team spelled twice ("Data Platform" vs
# "Data-Platforms"); lower would merge genuinely different teams ("Search" vs "Research").
FUZZY_SAME_TEAM = 92
_NOISE_SUFFIXES = ("team", "teams", "org", "organization", "group", "department")
_NON_WORD = re.compile(r"[^\w&+#]+")


def normalize_team(name: str, companies: Iterable[str] = ()) -> str:
    """Lower-case words without punctuation, a leading company name or a trailing 'team'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = _NON_WORD.sub(" ", text).split()
    for company in sorted({_words(c) for c in companies if c}, key=len, reverse=True):
        if company and len(words) > len(company) and tuple(words[: len(company)]) == company:
            words = words[len(company) :]
            break
    while len(words) > 1 and words[-1] in _NOISE_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


class TeamMatcher:
    """Assigns team ids: exact normalised match first, then a close fuzzy match, else a new team."""

    def __init__(self, teams: Iterable[tuple[int, str, str]], companies: Iterable[str] = ()):
        self._by_norm: dict[str, int] = {}
        self._names: dict[int, str] = {}
        for team_id, name, norm in teams:
            self._by_norm[norm] = team_id
            self._names[team_id] = name
        self._companies = {c for c in companies if c}
        self._next_id = max(self._names, default=0) + 1
        self.new_teams: list[tuple[int, str, str]] = []
        self.new_aliases: dict[str, int] = {}

    def add_companies(self, companies: Iterable[str | None]) -> None:
        self._companies.update(c for c in companies if c)

    def match(self, raw: str | None, company: str | None = None) -> tuple[int, str] | None:
        """(team_id, canonical name) for a spelling, creating the team when it is new."""
        if not raw or not raw.strip():
            return None
        companies = self._companies | ({company} if company else set())
        norm = normalize_team(raw, companies)
        if not norm:
            return None
        team_id = self._by_norm.get(norm)
        if team_id is None and self._by_norm:
            best = process.extractOne(norm, self._by_norm.keys(), scorer=fuzz.ratio)
            if best is not None and best[1] >= FUZZY_SAME_TEAM:
                team_id = self._by_norm[best[0]]
                self._by_norm[norm] = team_id
        if team_id is None:
            team_id = self._next_id
            self._next_id += 1
            name = raw.strip()
            self._by_norm[norm] = team_id
            self._names[team_id] = name
            self.new_teams.append((team_id, name, norm))
        self.new_aliases.setdefault(raw.strip(), team_id)
        return team_id, self._names[team_id]
