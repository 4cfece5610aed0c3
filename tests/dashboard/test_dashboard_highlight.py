"""Highlighting posting text: escaped always, marks exactly at the evidence spans."""

from __future__ import annotations

import re

from dashboard.highlight import Span, clean_spans, highlighted_html, legend_html

HOSTILE = (
    "Intern <script>window.__pwned = 1</script> in Go. "
    '<img src=x onerror="window.__pwned=1"> Pay "$40" & more'
)


def _marks(markup: str) -> list[str]:
    return re.findall(r"<mark [^>]*>(.*?)</mark>", markup)


def test_every_mark_wraps_exactly_its_span():
    text = "We use Python and Go daily."
    spans = [Span(7, 13, "languages", "Python"), Span(18, 20, "languages", "Go")]
    assert _marks(highlighted_html(text, spans)) == ["Python", "Go"]


def test_hostile_text_comes_out_as_text_and_only_our_tags_remain():
    go_at = HOSTILE.index("Go")
    markup = highlighted_html(HOSTILE, [Span(go_at, go_at + 2, "languages", "<b>Go</b>")])
    assert "<script" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup and "onerror=&quot;" in markup
    assert set(re.findall(r"</?([a-z]+)", markup)) == {"div", "mark"}
    # The tooltip value is escaped too, so it cannot close the attribute.
    assert 'title="Languages: &lt;b&gt;Go&lt;/b&gt;"' in markup


def test_a_span_cutting_through_a_tag_is_still_escaped_on_both_sides():
    start = HOSTILE.index("<script>") + 3
    markup = highlighted_html(HOSTILE, [Span(start, start + 10, "skills", "x")])
    assert "<script" not in markup and "<scr" not in markup


def test_overlapping_and_out_of_range_spans_are_dropped_not_garbled():
    spans = [
        Span(0, 10, "title", "a"),
        Span(5, 8, "team", "b"),  # inside the first: dropped
        Span(12, 999, "pay", "c"),  # past the end: dropped
        Span(4, 4, "year", "d"),  # empty: dropped
    ]
    assert clean_spans(spans, text_length=20) == [Span(0, 10, "title", "a")]


def test_the_whole_text_survives_highlighting():
    text = "Line one\nLine two with Python"
    markup = highlighted_html(text, [Span(text.index("Python"), len(text), "languages", "Python")])
    visible = re.sub(r"<[^>]+>", "", markup)
    assert visible == text


def test_the_legend_and_tooltips_name_fields_as_people_do():
    legend = legend_html(["employment_type", "seasons", "degree_levels", "pay", "new_field"])
    chips = re.findall(r"<span [^>]*>(.*?)</span>", legend)
    assert chips == ["Employment type", "Season", "Degree", "Pay", "New field"]
    markup = highlighted_html("Summer 2026", [Span(0, 6, "seasons", "Summer")])
    assert 'title="Season: Summer"' in markup
