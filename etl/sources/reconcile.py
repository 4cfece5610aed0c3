"""Merge the fields a source states outright (ATS JSON, dataset columns) into a parsed posting."""

from __future__ import annotations

from typing import Any

from etl.model import Posting


def apply_known_fields(posting: Posting, known: dict[str, Any]) -> Posting:
    """Fill fields the text left empty from the source's structured values."""
    for field, value in known.items():
        if value in (None, "", []):
            continue
        if getattr(posting, field, None) in (None, []):
            setattr(posting, field, value)
    return posting
