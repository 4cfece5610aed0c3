"""Markup -> parser text: what is removed, what stays, and that plain text stays as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.sources.clean import clean_html_fragment, clean_markdown, clean_text, strip_code_fences

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


@pytest.mark.parametrize(
    ("line", "is_fence"),
    [
        ("```html", True),
        ("```", True),
        ("“`html", True),  # smart-quote editors turn the first backtick into a quote
        ("“`", True),
        ("  ``` markdown", True),
        ("`Go` and `Rust`", False),
        ("Use `git` daily", False),
        ("“Quoted” text", False),
    ],
)
def test_fence_lines(line, is_fence):
    kept = strip_code_fences(f"before\n{line}\nafter")
    assert kept == ("before\nafter" if is_fence else f"before\n{line}\nafter")


def test_plain_text_is_kept_as_written():
    text = "Title line\n\n  • 4.5/5 rating\n- Python, C++ and C#\nPay: $40–$50/hr * 2 shifts\n"
    assert clean_text(text) == text.rstrip("\n")


def test_bundled_samples_only_lose_fences_and_trailing_blanks():
    for path in sorted(SAMPLES.glob("*.txt")):
        original = path.read_text("utf-8")
        kept = [line.rstrip() for line in original.split("\n") if "“`" not in line]
        assert clean_text(original) == "\n".join(kept).strip("\n"), path.name


def test_html_fragment_in_text_keeps_its_own_line_breaks():
    text = "Intro line\nResponsibilities<br>Ship features\n<ul><li>Own <b>APIs</b></li><li>Review code</li></ul>\nThanks"
    assert (
        clean_text(text)
        == "Intro line\nResponsibilities\nShip features\n- Own APIs\n- Review code\nThanks"
    )


def test_escaped_html_in_text_is_unescaped_then_cleaned():
    text = "&lt;p&gt;Build dashboards &amp;amp; reports&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;&lt;/ul&gt;"
    assert clean_text(text) == "Build dashboards & reports\n- SQL"


def test_html_blocks_lists_tables_and_entities():
    html = (
        "<h2>Pay&nbsp;ranges</h2><table><tr><th>Zone</th><th>Range</th></tr>"
        "<tr><td>A</td><td>$120,000&ndash;$140,000</td></tr></table>"
        "<ol start='3'><li>Third</li><li><p>Fourth</p></li></ol>"
        "<p>Line one<br>Line two<br><br>New paragraph</p>"
        "<script>alert(1)</script><style>p{}</style><!-- a comment -->"
    )
    assert clean_html_fragment(html) == (
        "Pay ranges\nZone | Range\nA | $120,000–$140,000\n3. Third\n4. Fourth\n"
        "Line one\nLine two\n\nNew paragraph"
    )


def test_preformatted_text_keeps_its_lines():
    assert (
        clean_html_fragment("<pre>make test\n  make run</pre><p>done</p>")
        == "make test\nmake run\ndone"
    )


def test_markdown_loses_syntax_but_keeps_words_and_lines():
    md = (
        "# Title\n\n**Bold** and _emphasis_ with a [link](https://example.org) and `code`.\n"
        "Second line \\- escaped\n\n1. first\n2. second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert clean_markdown(md) == (
        "Title\nBold and emphasis with a link and code.\nSecond line - escaped\n"
        "1. first\n2. second\na | b\n1 | 2"
    )


def test_markdown_is_detected_in_text_only_on_clear_signs():
    assert clean_text("## Stack\n\n**Go**, gRPC") == "Stack\nGo, gRPC"
    # A single heading-like line or list dashes are ordinary text conventions.
    assert clean_text("# of openings: 3\n- Python") == "# of openings: 3\n- Python"
