"""The records that flow through the ETL: a source document in, a parsed posting out.

`Posting` is the contract of `jobdash parse --json` (see ../shared/eval/CONVENTIONS.md for
how each field is decided) and the shape the warehouse loads. Every extracted value keeps
the character span(s) of the posting text it came from (`evidence`, `mentions`,
`pay_ranges`), so the dashboard can highlight it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EmploymentType = Literal["internship", "full_time", "part_time", "contract"]
PayPeriod = Literal["hour", "day", "week", "month", "year"]
RequirementLevel = Literal["required", "preferred"]
Season = Literal["Spring", "Summer", "Fall", "Winter"]
DegreeLevel = Literal["BS", "MS", "PhD"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(_Record):
    """One extracted value and the half-open span [start, end) of the text it came from."""

    field: str
    value: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(_Record):
    """A programming language or skill named in the posting."""

    name: str
    category: str
    level: RequirementLevel
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class PayRange(_Record):
    """One stated pay range; a posting may state several (zones, levels, cities)."""

    min: float
    max: float
    currency: str | None = None
    period: PayPeriod | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str | None = None


class Section(_Record):
    """A segment of the posting text: what kind of content it holds and where it lies."""

    kind: str
    heading: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Disagreement(_Record):
    """A field where the source's structured value and the text disagree; both are kept."""

    field: str
    structured: str
    parsed: str


class Posting(_Record):
    """Every field the parser extracts from one posting, with provenance."""

    source: str = ""
    locator: str | None = None
    parser_version: str = ""
    company: str | None = None
    title: str | None = None
    team: str | None = None
    team_aliases: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    employment_type: EmploymentType | None = None
    season: str | None = None
    seasons: list[Season] = Field(default_factory=list)
    year: int | None = None
    degree_levels: list[DegreeLevel] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    pay_min: float | None = None
    pay_max: float | None = None
    pay_currency: str | None = None
    pay_period: PayPeriod | None = None
    start_dates: list[dt.date] = Field(default_factory=list)
    duration_weeks: int | None = None
    posted_date: dt.date | None = None
    mentions: list[Mention] = Field(default_factory=list)
    pay_ranges: list[PayRange] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    text: str = ""

    @property
    def languages_detail(self) -> list[Mention]:
        return [m for m in self.mentions if m.category == "language"]

    @property
    def skills_detail(self) -> list[Mention]:
        return [m for m in self.mentions if m.category != "language"]

    def to_json_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """The `jobdash parse --json` object: dates as ISO strings, text only on request."""
        exclude = None if with_text else {"text"}
        return self.model_dump(mode="json", exclude=exclude)


class SourceDocument(_Record):
    """One posting read from a file: its text plus whatever the source states as structured fields.

    `locator` names the posting inside a many-posting file ("row 12", "jobs[3]"); `external_id`
    and `url` are the source's own identifiers when it has them, so an updated export replaces
    rather than duplicates.
    """

    source: str
    text: str
    format: str
    locator: str | None = None
    external_id: str | None = None
    url: str | None = None
    known: dict[str, Any] = Field(default_factory=dict)
    page_date: dt.date | None = None


class Rejection(_Record):
    """A file (or a record in one) that could not become a posting, and why, in plain words."""

    source: str
    reason: str
    locator: str | None = None
