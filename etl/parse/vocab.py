"""Load the reviewed vocabularies (etl/vocab/*.toml) once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file `etl/vocab/<name>.toml`."""
    with (VOCAB_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def heading_kinds() -> dict[str, str]:
    """Lower-case heading phrase -> section kind."""
    kinds: dict[str, str] = {}
    for kind, phrases in load("headings")["kinds"].items():
        for phrase in phrases:
            kinds.setdefault(phrase.lower(), kind)
    return kinds


@cache
def name_labels() -> frozenset[str]:
    """Lower-case labels ("Company:") whose short value names the employer."""
    return frozenset(label.lower() for label in load("headings")["name_labels"]["labels"])


@cache
def link_phrases() -> frozenset[str]:
    """Related-kind headings that are a page's links ("View all jobs", "Show more"): in the
    header they are among the title's meta lines, not a list of other jobs."""
    return frozenset(phrase.lower() for phrase in load("headings")["link_phrases"]["phrases"])


@cache
def field_labels() -> frozenset[str]:
    """Lower-case labels of any field ("Location:", "Employer:"): what a title line never opens with."""
    return name_labels() | frozenset(
        label.lower() for label in load("headings")["field_labels"]["labels"]
    )


@cache
def team_heading_suffixes() -> tuple[str, ...]:
    """Last words that make a prefix heading ("About the Clinical Insights team") about the team."""
    return tuple(" " + word.lower() for word in load("headings")["team_suffixes"]["suffixes"])


@cache
def job_heading_suffixes() -> tuple[str, ...]:
    """Last words that make a prefix heading ("About the co-op term") about the job."""
    return tuple(" " + word.lower() for word in load("headings")["job_suffixes"]["suffixes"])


@cache
def heading_prefixes() -> tuple[tuple[str, str], ...]:
    """(lower-case prefix, kind), longest first."""
    pairs = [
        (prefix.lower(), kind)
        for kind, prefixes in load("headings").get("prefixes", {}).items()
        for prefix in prefixes
    ]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))
