"""Whatever bytes arrive, reading never raises and every outcome is a posting or a plain reason."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.model import Rejection, SourceDocument
from etl.sources import read_bytes, read_text

SUFFIXES = ["txt", "md", "html", "json", "jsonl", "csv", "tsv", "bin"]
# Fragments of the formats, so generated input gets past the first checks into the readers.
PIECES = st.sampled_from(
    [
        "<p>",
        "</li>",
        "<ul><li>",
        "<main>",
        "<!doctype html>",
        "```html",
        "“`",
        "**",
        "# ",
        '{"jobs": [',
        '{"title": "x", "description": "',
        '"content": "&lt;p&gt;',
        "]}",
        "}",
        "title,description\n",
        '"',
        ",",
        "\n",
        "\r\n",
        "\t",
        "\\",
        "\x00",
        "é",
        "€",
        "\ufeff",
        '{"text": "t", "categories": {"commitment": ',
        '"salaryRange": {"min": ',
        "null",
        '<script type="application/ld+json">{"@type": "JobPosting", "baseSalary": ',
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=30).map("".join)


def assert_outcomes(items: list) -> None:
    for item in items:
        assert isinstance(item, SourceDocument | Rejection)
        if isinstance(item, Rejection):
            # The safety net in read_source catches reader bugs; none may reach it.
            assert not item.reason.startswith("unexpected error"), item.reason
        else:
            assert item.text.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    suffix=st.sampled_from(SUFFIXES),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_read_bytes_never_raises(text, suffix, encoding):
    data = text.encode(encoding, errors="ignore")
    assert_outcomes(list(read_bytes(data, f"upload.{suffix}")))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300), suffix=st.sampled_from(SUFFIXES))
def test_read_bytes_on_random_bytes_never_raises(data, suffix):
    assert_outcomes(list(read_bytes(data, f"upload.{suffix}")))


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_read_text_never_raises(text):
    assert_outcomes([read_text(text)])
