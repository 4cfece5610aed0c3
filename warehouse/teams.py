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


def normalize_team(name: str, companies: Iterable[str] | CompanyIndex = ()) -> str:
    """Lower-case words without punctuation, a leading company name or a trailing 'team'."""
    index = companies if isinstance(companies, CompanyIndex) else CompanyIndex(companies)
    words = list(_words(name))
    for company in index.starting_with(words[0] if words else ""):
        if len(words) > len(company) and tuple(words[: len(company)]) == company:
            words = words[len(company) :]
            break
    while len(words) > 1 and words[-1] in _NOISE_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


class CompanyIndex:
    """Company names as word tuples, by first word: stripping a company prefix stays O(1)
    however many companies the warehouse knows (it was a scan of all of them per team)."""

    def __init__(self, companies: Iterable[str] = ()):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._seen: set[str] = set()
        self.add(companies)

    def add(self, companies: Iterable[str | None]) -> None:
        for company in companies:
            if not company or company in self._seen:
                continue
            self._seen.add(company)
            words = _words(company)
            if words:
                group = self._by_first.setdefault(words[0], [])
                if words not in group:
                    group.append(words)
                    group.sort(key=len, reverse=True)  # the longest name wins

    def starting_with(self, word: str) -> list[tuple[str, ...]]:
        return self._by_first.get(word, [])


class TeamMatcher:
    """Assigns team ids: exact normalised match first, then a close fuzzy match, else a new team."""

    def __init__(self, teams: Iterable[tuple[int, str, str]], companies: Iterable[str] = ()):
        self._by_norm: dict[str, int] = {}
        self._names: dict[int, str] = {}
        for team_id, name, norm in teams:
            self._by_norm[norm] = team_id
            self._names[team_id] = name
        self._companies = CompanyIndex(companies)
        self._next_id = max(self._names, default=0) + 1
        self.new_teams: list[tuple[int, str, str]] = []
        self.new_aliases: dict[str, int] = {}

    def add_companies(self, companies: Iterable[str | None]) -> None:
        self._companies.add(companies)

    def match(self, raw: str | None, company: str | None = None) -> tuple[int, str] | None:
        """(team_id, canonical name) for a spelling, creating the team when it is new."""
        if not raw or not raw.strip():
            return None
        self._companies.add([company])
        norm = normalize_team(raw, self._companies)
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
