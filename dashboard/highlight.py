"""Posting text as safe HTML with each extracted value marked at its evidence span.

Posting text is hostile. Every piece of it (and every field name and value in a tooltip) goes
through `html.escape` here; the only markup in the output is the `<mark>`/`<div>` this module
writes itself. The result is shown with `st.html`, which sanitises again (DOMPurify, scripts
off) — a second fence, not the first.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.wording import field_label

# Field -> background colour of its marks (light, so the text stays readable).
FIELD_COLORS: dict[str, str] = {
    "company": "#ffe08a",
    "title": "#ffd0a8",
    "team": "#c6e6c3",
    "locations": "#cfe3ff",
    "employment_type": "#e6d3f5",
    "seasons": "#fbd0e0",
    "year": "#fbd0e0",
    "degree_levels": "#d9d9f7",
    "languages": "#a9e5dc",
    "skills": "#d4efe9",
    "pay": "#ffc9c0",
    "start_dates": "#f7e3b5",
    "duration_weeks": "#f7e3b5",
    "posted_date": "#e4e4e4",
}
DEFAULT_COLOR = "#eeeeee"


@dataclass(frozen=True)
class Span:
    """One highlighted stretch [start, end) of the text and what was extracted from it."""

    start: int
    end: int
    field: str
    value: str


def clean_spans(spans: Iterable[Span], text_length: int) -> list[Span]:
    """Spans inside the text, in order, without overlaps (an earlier, then longer, span wins)."""
    ordered = sorted(
        (s for s in spans if 0 <= s.start < s.end <= text_length),
        key=lambda s: (s.start, -(s.end - s.start), s.field),
    )
    kept: list[Span] = []
    for span in ordered:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def highlighted_html(text: str, spans: Iterable[Span]) -> str:
    """The whole text, escaped, with `<mark>` around each span; line breaks kept."""
    pieces: list[str] = []
    cursor = 0
    for span in clean_spans(spans, len(text)):
        pieces.append(html.escape(text[cursor : span.start]))
        color = FIELD_COLORS.get(span.field, DEFAULT_COLOR)
        tooltip = html.escape(f"{field_label(span.field)}: {span.value}", quote=True)
        pieces.append(
            f'<mark title="{tooltip}" style="background:{color};padding:0 2px;'
            f'border-radius:3px">{html.escape(text[span.start : span.end])}</mark>'
        )
        cursor = span.end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces)
    return (
        '<div class="jobdash-posting-text" style="white-space:pre-wrap;font-family:inherit;'
        "line-height:1.55;max-height:640px;overflow-y:auto;padding:12px 14px;"
        f'border:1px solid #ddd;border-radius:6px;background:#fcfcfc">{body}</div>'
    )


def legend_html(fields: Iterable[str]) -> str:
    """A row of colour chips naming the fields highlighted in the text."""
    chips = [
        f'<span style="background:{FIELD_COLORS.get(f, DEFAULT_COLOR)};padding:1px 6px;'
        f'border-radius:3px;font-size:0.85em">{html.escape(field_label(f))}</span>'
        for f in dict.fromkeys(fields)
    ]
    return f'<div style="display:flex;flex-wrap:wrap;gap:4px 6px">{"".join(chips)}</div>'
