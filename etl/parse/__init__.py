"""Posting text in, structured `Posting` out. Pure functions; never raises on any string."""

from __future__ import annotations

import datetime as dt

from etl.model import Posting
from etl.parse.version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "parse_posting"]


def parse_posting(
    text: str,
    *,
    source: str = "",
    as_of: dt.date | None = None,
    page_date: dt.date | None = None,
) -> Posting:
    """Parse one posting's text (skeleton: the parser issue fills the fields)."""
    return Posting(source=source, parser_version=PARSER_VERSION, text=text)
