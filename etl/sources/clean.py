"""Markup -> the plain posting text the parser reads, one heading, paragraph or bullet per line.

Every format ends here: HTML (pages, ATS fragments, fragments pasted into text), Markdown and
plain text. Only markup is removed; the words are the source's own. List items become
"- item" (or "3. item" in numbered lists) and table cells are joined with " | ", so the
structure the parser segments on survives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from etl.sources.markdown import markdown_to_html
from etl.sources.normalize import vocab

_CELL_TAGS = frozenset({"td", "th"})

# A line that is only a code fence, including the mangled "“`html" smart-quote editors
# leave behind: quote marks and at least one backtick, then an optional language word.
_FENCE_LINE = re.compile(r"^[ \t]*[`“”‘’„\"']*`[`“”‘’„\"']*[ \t]*([A-Za-z0-9_+-]*)[ \t]*$")
_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|i|u|a|table|tr|td|th|section|article|"
    r"header|footer|main|body|html|blockquote|pre|code|hr|dl|dt|dd)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_ESCAPED_TAG = re.compile(r"&lt;/?(?:p|div|br|li|ul|ol|h[1-6]|strong|b|em|span)\b", re.IGNORECASE)
_PAGE_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_MARKDOWN_SIGNS = re.compile(
    r"^#{1,6}[ \t]+\S"  # heading
    r"|\*\*[^*\n]+\*\*"  # bold
    r"|__[^_\n]+__"  # bold
    r"|\[[^\]\n]+\]\([^)\s]+\)"  # link
    r"|\\[-*_#.!()\[\]+`]"  # backslash escape
    r"|^[ \t]*[-*+][ \t]+\[[ x]\]",  # task list
    re.MULTILINE,
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")
_RUNS_OF_SPACE = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_NEWLINE_RUN = re.compile(r"(\n(?:[ \t]*\n)*)")


def normalize_newlines(text: str) -> str:
    """'\\n' line ends only (Windows and old-Mac files, Unicode line separators)."""
    return _LINE_BREAKS.sub("\n", text)


def looks_like_html_page(text: str) -> bool:
    """True for a whole saved page (doctype or <html> first), not a fragment."""
    return bool(_PAGE_START.match(text[:2000]))


def has_html_markup(text: str) -> bool:
    """True when text carries HTML tags (two or more), or escaped ones (&lt;p&gt;)."""
    return len(_TAG.findall(text, 0, 200_000)[:2]) >= 2 or bool(_ESCAPED_TAG.search(text))


def looks_like_markdown(text: str) -> bool:
    """True when text uses Markdown syntax that would otherwise end up in the parsed text."""
    return len(_MARKDOWN_SIGNS.findall(text, 0, 200_000)[:2]) >= 2


def strip_code_fences(text: str) -> str:
    """Drop lines that are only a code fence ("```html", "“`html", "```"); keep what they wrap."""
    if "`" not in text:
        return text
    return "\n".join(line for line in text.split("\n") if not _is_fence(line))


def _is_fence(line: str) -> bool:
    match = _FENCE_LINE.match(line)
    if match is None:
        return False
    marks = line.strip()[: len(line.strip()) - len(match.group(1))].strip()
    return len(marks) >= 2 or bool(match.group(1))


def clean_text(text: str, *, markdown: bool | None = None) -> str:
    """Text as people keep it -> parser text: fences dropped, HTML or Markdown rendered.

    `markdown=None` decides by looking; True/False force it (a `.md` file, a `*_md` column).
    """
    text = normalize_newlines(text)
    if looks_like_html_page(text):
        return clean_html_fragment(text)
    text = strip_code_fences(text)
    if has_html_markup(text):
        if _ESCAPED_TAG.search(text) and not _TAG.search(text):
            text = html.unescape(text)
        # Text with some tags keeps its own line breaks: it was written as lines.
        return clean_html_fragment(text, keep_newlines=True)
    if markdown or (markdown is None and looks_like_markdown(text)):
        return clean_markdown(text)
    return tidy_plain_text(text)


def tidy_plain_text(text: str) -> str:
    """Plain text as written, minus trailing spaces and runs of blank lines."""
    lines = [line.rstrip() for line in normalize_newlines(text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def clean_markdown(text: str) -> str:
    """Markdown -> plain lines: heading marks, emphasis, link targets and escapes removed."""
    return clean_html_fragment(markdown_to_html(strip_code_fences(normalize_newlines(text))))


def clean_html_fragment(markup: str, *, keep_newlines: bool = False) -> str:
    """HTML (a fragment or a page's chosen part) -> lines; scripts, styles and forms dropped."""
    tree = LexborHTMLParser(markup)
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return ""
    return render_lines(root, keep_newlines=keep_newlines)


def render_lines(root: LexborNode, *, keep_newlines: bool = False) -> str:
    """The text of an element tree with block elements, list items and <br> as line breaks."""
    writer = _LineWriter()
    skip = frozenset(vocab()["html"]["drop_tags"])
    blocks = frozenset(vocab()["html"]["block_tags"])
    # Iterative walk: hostile pages nest deeper than Python's recursion limit.
    stack: list[tuple[LexborNode, bool, bool, str]] = [(root, False, False, "")]
    while stack:
        node, leaving, in_pre, prefix = stack.pop()
        tag = node.tag
        if leaving:
            if tag in blocks:
                writer.end_line()
            continue
        if tag == "-text":
            writer.add(node.text_content or "", in_pre=in_pre, keep_newlines=keep_newlines)
            continue
        if tag in skip or not tag or tag.startswith("-"):
            continue
        if tag == "br":
            writer.line_break()
            continue
        if tag in blocks:
            writer.end_line()
        if tag == "li":
            writer.bullet(prefix or "- ")
        elif tag in _CELL_TAGS:
            writer.cell()
        stack.append((node, True, in_pre, ""))
        stack.extend(reversed(list(_children(node, in_pre or tag == "pre"))))
    writer.end_line()
    return writer.text()


def _children(node: LexborNode, in_pre: bool) -> Iterator[tuple[LexborNode, bool, bool, str]]:
    number = _list_start(node) if node.tag == "ol" else None
    for child in node.iter(include_text=True):
        prefix = ""
        if number is not None and child.tag == "li":
            prefix = f"{number}. "
            number += 1
        yield child, False, in_pre, prefix


def _list_start(node: LexborNode) -> int:
    start = (node.attributes.get("start") or "").strip()
    return int(start) if start.isdigit() else 1


class _LineWriter:
    """Collects text into lines: whitespace collapsed as a browser would, empty lines dropped.

    A blank line survives only where the source made a paragraph break itself: a run of
    blank lines in text that keeps its newlines, or <br><br>.
    """

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._parts: list[str] = []
        self._prefix = ""

    def add(self, text: str, *, in_pre: bool, keep_newlines: bool) -> None:
        if not (in_pre or keep_newlines):
            self._parts.append(text.replace("\n", " "))
            return
        for index, part in enumerate(_NEWLINE_RUN.split(text)):
            if index % 2 == 0:
                self._parts.append(part)
                continue
            self.end_line()
            if part.count("\n") >= 2:
                self.blank_line()

    def bullet(self, prefix: str) -> None:
        self._prefix = prefix

    def cell(self) -> None:
        if "".join(self._parts).strip():
            self._parts.append(" | ")

    def line_break(self) -> None:
        """<br>: ends the line; a second one in a row leaves a blank line."""
        if not self.end_line():
            self.blank_line()

    def end_line(self) -> bool:
        """Close the current line; False when it held no text."""
        line = _RUNS_OF_SPACE.sub(" ", "".join(self._parts)).strip()
        self._parts = []
        if not line:
            return False
        self._lines.append(self._prefix + line)
        self._prefix = ""
        return True

    def blank_line(self) -> None:
        if self._lines and self._lines[-1] != "":
            self._lines.append("")

    def text(self) -> str:
        return "\n".join(self._lines).strip("\n")


def heading_text(tree: LexborHTMLParser | LexborNode) -> str | None:
    """The first <h1> in a page or element (usually the job title), as one line."""
    node = tree.css_first("h1")
    if node is None:
        return None
    text = _RUNS_OF_SPACE.sub(" ", node.text(separator=" ")).strip()
    return text or None
