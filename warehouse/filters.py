"""The one filter value every query and every dashboard page shares."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Filters:
    """What a person narrowed the postings down to. Empty tuple = no restriction.

    Within one field the values are alternatives (any of them); across fields they all
    apply. `languages` means "mentions any of the selected languages". `dedupe` counts a
    group of near-duplicate reposts once.
    """

    teams: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    seasons: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    degrees: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()
    pay_periods: tuple[str, ...] = ()
    dedupe: bool = True
    search: str = ""

    def active(self) -> dict[str, object]:
        """The fields that restrict anything, by name (for empty-state messages and cache keys)."""
        default = Filters()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(default, f.name)
        }
