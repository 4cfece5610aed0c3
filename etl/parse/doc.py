"""The per-posting context every field extractor reads: text, matching view, sections, lines."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import ahocorasick

from etl.parse.segment import (
    BOILERPLATE_KINDS,
    HEADER_KIND,
    OTHER_KIND,
    Block,
    SectionIndex,
    heading_entries,
    segment,
)
from etl.parse.text import clean_text, line_spans, match_view
from etl.parse.vocab import field_labels

# Sentence ends (see `Doc._sentence_ends`), one pattern per character, each tried only when the
# text holds its character (a C-speed `in`): a pattern opening with a literal lets the regex
# engine skip to it, but at a few instructions per character of the text (memchr, behind `in`
# and str.find, takes a fraction of one), where one character class scans ~10x slower still.
_BULLET_IN_LINE = re.compile(r"\*(?<=[ \t]\*)(?=\s)")  # " * " run into a line
# Each alternative of `_STOPS` names what follows the stop; one scan per character classes all.
_STOP = r"(?P<stop>(?=[\s\"'(A-Z]|\Z))"  # a space, capital, quote or parenthesis, or the end
_BEFORE_NON_ASCII = r"(?P<before_non_ascii>(?=[^\x00-\x7f]))"  # an end if it is a capital
_STOPS = (
    re.compile(
        r"\.(?:"
        # Inside dotted initials ("U.S.", "U.K."): never a sentence end (no group).
        r"(?<=(?<![A-Za-z.])[A-Za-z]\.)(?=[A-Za-z]\.)"
        # Before a lower-case word ("across the U.S. is USD ...", "e.g. python"): an end only
        # when the word before it is no abbreviation (`_ABBREVIATION`).
        r"|(?P<before_lower>(?=[ \t]+[a-z]))"
        rf"|{_STOP}|{_BEFORE_NON_ASCII})"
    ),
    *(re.compile(re.escape(c) + rf"(?:{_STOP}|{_BEFORE_NON_ASCII})") for c in "!?"),
)
# Dotted initials ("U.S.", "e.g.", "a.m.") or a short word that is mostly abbreviated.
_ABBREVIATION = re.compile(
    r"(?:(?<![A-Za-z.])(?:[A-Za-z]\.){1,3}[A-Za-z]"
    r"|\b(?:etc|approx|incl|vs|Inc|Ltd|Corp|Co|Jr|Sr|St|Dept|Mr|Ms|Mrs|Dr|No|yrs|hrs|min|max))\Z"
)
_META_KINDS = frozenset({HEADER_KIND, "title_meta"})
# What every "Label: value" pattern needs in its window (see `Doc.search_near`).
LABEL_COLON = re.compile("[:：]")


def _same_length_lower(text: str) -> str:
    """`text.lower()` with every offset kept: "İ" lower-cases to two characters, so such a
    character is lowered on its own to its first one."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower()[0] for ch in text)


def _ends_after(text: str, char: str) -> list[int]:
    """Offsets just after each `char` in `text`: str.find between them costs less than a
    regex scan and a match object per hit."""
    ends = []
    pos = text.find(char)
    while pos != -1:
        pos += 1
        ends.append(pos)
        pos = text.find(char, pos)
    return ends


# A markdown table's rule under its header row: "| --- | :---: |" (its last bar may be missing).
TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?")


def _table_cells(view: str, start: int, end: int) -> int:
    """How many cells a table row holds ("a | b | c", "| a | b |"); 1 for any other line."""
    bars = view.count("|", start, end)
    if not bars:
        return 1
    line = view[start:end].strip()
    return bars + 1 - line.startswith("|") - line.endswith("|")


# A newline inside a sentence: after a lower-case letter, before one (an indent may go
# before it: "graduating\n   in summer 2028"); or after a comma or a word no sentence ends on,
# whatever follows ("All interns start together on\nMonday 29 June 2026", "May 18,\n2026").
# (One look back per length of word: the engine tries each at every newline.)
WRAPPED_BREAK = re.compile(
    r"\n(?:(?<=[a-z]\n)[ \t]*(?=[a-z])|(?<=,\n)|(?<=[ \t]a\n)|(?<=[ \t](?:on|in|at|of|an|to|by)\n)"
    r"|(?<=[ \t](?:the|for)\n)|(?<=[ \t](?:from|with)\n))[ \t]*"
)


def _stop_ends(view: str, stops: re.Pattern) -> list[int]:
    """Offsets just after each . ! or ? that ends a sentence (see `_STOPS`)."""
    ends = []
    for m in stops.finditer(view):
        follows = m.lastgroup
        if (
            follows == "stop"
            or (
                follows == "before_lower"
                and not _ABBREVIATION.search(view, max(0, m.start() - 8), m.start())
            )
            or (follows == "before_non_ascii" and view[m.end()].isupper())
        ):
            ends.append(m.end())
    return ends


# Characters of postings, most frequent first. pyahocorasick finds a node's child by scanning
# the node's children in the order they were added, once or more per character of the text:
# adding the keys in this order puts the likelier character first. The hits are the same in
# any order.
_COMMON_FIRST = " einatorslcdpumhgfyvwb,.kx-q:j0*/z')(12543&;!$8697"
_CHARACTER_RANK = {char: rank for rank, char in enumerate(_COMMON_FIRST)}


def _common_characters_first(key: str) -> list[int]:
    return [_CHARACTER_RANK.get(char, len(_COMMON_FIRST)) for char in key]


# How near the window's edge a match must end for the edge to have cut it: an optional tail
# (", 2026") may have been dropped whole.
_EDGE = 12


class _TriggerIndex:
    """Every literal any extractor looks for, found in one Aho-Corasick pass per posting.

    Extractors ask `Doc.find_all("week", "month")`; a needle seen for the first time is
    found with str.find and joins the automaton, which is rebuilt before the next posting.
    Whole vocabularies (the skills list) ride in the same pass: `Doc.vocabulary_hits`.
    The answer is the same either way; only the cost differs (one pass instead of ~150).
    """

    def __init__(self) -> None:
        self.needles: set[str] = set()
        self.vocabularies: dict[str, dict[str, object]] = {}
        self._snapshot: _TriggerSnapshot | None = None
        self._dirty = False

    def add(self, needle: str) -> None:
        self.needles.add(needle)
        self._dirty = True

    def add_vocabulary(self, name: str, entries: dict[str, object]) -> None:
        self.vocabularies[name] = entries
        self._dirty = True

    def snapshot(self) -> _TriggerSnapshot:
        """The current automaton and what it covers (later additions are not in it)."""
        if self._dirty or self._snapshot is None:
            self._snapshot = _TriggerSnapshot.build(self.needles, self.vocabularies)
            self._dirty = False
        return self._snapshot


@dataclass(frozen=True, slots=True)
class _TriggerSnapshot:
    automaton: ahocorasick.Automaton | None
    needles: frozenset[str]
    vocabularies: frozenset[str]

    @classmethod
    def build(cls, needles: set[str], vocabularies: dict[str, dict[str, object]]):
        # key -> (needle or None, offset from a hit's last character back to its first,
        #         ((vocabulary name, entry), ...))
        values: dict[str, tuple[str | None, int, tuple[tuple[str, object], ...]]] = {}
        for needle in needles:
            values[needle] = (needle, len(needle) - 1, ())
        for name, entries in vocabularies.items():
            for key, entry in entries.items():
                needle, back, found = values.get(key, (None, len(key) - 1, ()))
                values[key] = (needle, back, (*found, (name, entry)))
        if not values:
            return cls(None, frozenset(), frozenset())
        automaton = ahocorasick.Automaton()
        for key in sorted(values, key=_common_characters_first):
            automaton.add_word(key, values[key])
        automaton.make_automaton()
        return cls(automaton, frozenset(needles), frozenset(vocabularies))


def _trigger_pass(
    triggers: _TriggerSnapshot, lower: str
) -> tuple[dict[str, list[int]], dict[str, list[tuple[int, object]]]]:
    """Where each needle starts, and (end index, entry) of each vocabulary's hits, in `lower`."""
    # A defaultdict makes a needle's first list in C; `find_all` only reads it with .get.
    needle_hits: dict[str, list[int]] = defaultdict(list)
    if triggers.automaton is None:
        return needle_hits, {}
    # One list per vocabulary up front: this loop runs once per hit (~150 a posting).
    vocabulary_hits: dict[str, list[tuple[int, object]]] = {
        name: [] for name in triggers.vocabularies
    }
    for end, (needle, back, found) in triggers.automaton.iter(lower):
        if needle is not None:
            needle_hits[needle].append(end - back)
        for name, entry in found:
            vocabulary_hits[name].append((end, entry))
    return needle_hits, vocabulary_hits


_TRIGGERS = _TriggerIndex()
# A capital right after a lower-case letter or a bracket: where a glued label may begin.
_GLUED_CAPITAL = re.compile(r"(?<=[a-z)\]])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class Found:
    """An extracted value and the span of text it came from."""

    value: object
    start: int
    end: int


@dataclass
class Doc:
    """One posting prepared for extraction. Offsets are shared by `text`, `view` and `lower`."""

    text: str
    as_of: dt.date | None = None
    page_date: dt.date | None = None
    view: str = field(init=False)
    lower: str = field(init=False)
    lines: list[tuple[int, int]] = field(init=False)  # (start, end) of every non-empty line
    blocks: list[Block] = field(init=False)
    sections: SectionIndex = field(init=False)
    # What several steps derive alike, kept by the first to derive it (e.g. the title zone's
    # lines, read by both title and company); keyed by what it is.
    shared: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)
    # The shared pass (see `_TriggerIndex`): the automaton taken once per posting, so the hits
    # and what they cover agree, and its hits of needles and of vocabularies.
    _triggers: _TriggerSnapshot = field(init=False, repr=False, compare=False)
    _needle_hits: dict[str, list[int]] = field(init=False, repr=False, compare=False)
    _vocabulary_hits: dict[str, list[tuple[int, object]]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Every Doc needs its lines and the shared pass (the headings are among its
        # vocabularies): set here, not cached on first use, where each first read of a
        # cached_property takes a lock (Python 3.11).
        self.view = match_view(self.text)
        self.lower = _same_length_lower(self.view)
        self.lines = line_spans(self.view)
        self._triggers = _TRIGGERS.snapshot()
        self._needle_hits, self._vocabulary_hits = _trigger_pass(self._triggers, self.lower)
        self.blocks = segment(
            self.view, self.lines, self.vocabulary_hits("headings", heading_entries)
        )
        self.sections = SectionIndex(self.blocks)

    @classmethod
    def from_raw(cls, raw: str, **kwargs) -> Doc:
        return cls(clean_text(raw), **kwargs)

    # --- sections -----------------------------------------------------------------------

    def kind_at(self, pos: int) -> str:
        return self.sections.kind_at(pos)

    def is_boilerplate(self, pos: int) -> bool:
        return self.sections.kind_at(pos) in BOILERPLATE_KINDS

    def in_heading(self, pos: int) -> bool:
        block = self.sections.at(pos)
        return block.heading is not None and block.start <= pos < block.body_start

    @cached_property
    def title_zone(self) -> tuple[int, int]:
        """Where a title can be: the header and page furniture before the first real section."""
        end = 0
        for i, block in enumerate(self.blocks):
            # A markdown "# Title" opens many saved pages: a leading unknown heading belongs here.
            leading_markup = block.kind == OTHER_KIND and i < 3 and block.start < 400
            if block.kind not in _META_KINDS and not leading_markup:
                break
            end = block.end
        return 0, min(end, 3000)

    def extend_title_zone(self, end: int) -> None:
        """Let the title zone run to `end`: a careers page's menu items ("View All Jobs",
        "Life at Acme") read as headings and close the zone before the title line below them.
        Called by the title step, before any step reads the zone's lines."""
        self.__dict__["title_zone"] = (0, max(self.title_zone[1], end))
        self.shared.pop("zone_lines", None)

    # --- lines and sentences ------------------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    def lines_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The lines that lie wholly inside [start, end]."""
        # Lines are in order and do not overlap: only those starting in [start, end) qualify.
        lo = bisect.bisect_left(self._line_starts, start)
        hi = bisect.bisect_left(self._line_starts, end)
        return [(s, e) for s, e in self.lines[lo:hi] if e <= end]

    def line_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._line_starts, pos) - 1
        if i < 0:
            return 0, 0
        return self.lines[i]

    def glued_label_start(self, start: int, end: int) -> int:
        """Where the next field's label begins glued to a value in [start, end) ("Chicago, IL
        (Hybrid)Job Type", "Full-timeExperience Level"), else `end`; a capital inside a name
        ("MidTown Cleveland") begins none."""
        labels = field_labels()
        for m in _GLUED_CAPITAL.finditer(self.view, start, end):
            ahead = self.lower[m.start() : m.start() + 24]
            if any(ahead.startswith(label) for label in labels):
                return m.start()
        return end

    def table_column_header(self, pos: int) -> str | None:
        """The header cell above `pos` when `pos` lies in a table's body row: "Start date" for
        "May 4, 2026" in "| Toronto, ON | Summer 2026 | May 4, 2026 |". Markdown's rows (with
        their bars and a "|---|" row under the header) and rendered tables' ("Toronto, ON |
        Summer 2026 | May 4, 2026") alike: the header is the top row of the run of rows with
        as many cells."""
        view = self.view
        line_start, line_end = self.line_at(pos)
        cells = _table_cells(view, line_start, line_end)
        if cells < 2:
            return None
        lead = view[line_start:pos].lstrip()
        column = view.count("|", line_start, pos) - (lead[:1] == "|")
        i = bisect.bisect_right(self._line_starts, pos) - 1
        header = None
        while i > 0:
            start, end = self.lines[i - 1]
            if TABLE_RULE.fullmatch(view, start, end):
                i -= 1
                continue
            if _table_cells(view, start, end) != cells:
                break
            header = (start, end)
            i -= 1
        if header is None:
            return None  # the run's first row is the header itself
        parts = view[header[0] : header[1]].strip().strip("|").split("|")
        return parts[column].strip(" *_") if 0 <= column < len(parts) else None

    @cached_property
    def _sentence_ends(self) -> list[int]:
        """Offsets just after each sentence end: . ! ? before a space/capital, a newline, ';',
        or a " * " bullet run into the text (LinkedIn glues bullets into one line)."""
        view = self.view
        # A hard-wrapped line (a PDF's, an email's) goes on: "a placement starting\non Monday".
        ends = _ends_after(view, "\n")
        wrapped = {m.start() + 1 for m in WRAPPED_BREAK.finditer(view)}
        if wrapped:
            ends = [end for end in ends if end not in wrapped]
        ends += _ends_after(view, ";")
        if "*" in view:
            ends += [m.end() + 1 for m in _BULLET_IN_LINE.finditer(view)]  # after the space too
        for stop, stops in zip(".!?", _STOPS, strict=True):
            if stop in view:
                ends += _stop_ends(view, stops)
        ends.sort()
        return ends

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence (or bullet, or line) around `pos`."""
        ends = self._sentence_ends
        i = bisect.bisect_right(ends, pos)
        start = ends[i - 1] if i > 0 else 0
        end = ends[i] if i < len(ends) else len(self.view)
        return start, end

    def find_all(self, *needles: str, word_start: bool = False) -> list[int]:
        """Sorted offsets of every occurrence of each lower-case literal (C-speed prefilter).

        With `word_start`, only occurrences that begin a word (not preceded by a letter/digit).
        """
        lower = self.lower
        hits = self._needle_hits
        indexed = self._triggers.needles
        out: list[int] = []
        for needle in needles:
            positions = hits.get(needle)
            if positions is None:
                if needle in indexed:
                    continue  # covered by this posting's pass and absent
                positions = []
                i = lower.find(needle)
                while i != -1:
                    positions.append(i)
                    i = lower.find(needle, i + 1)
                _TRIGGERS.add(needle)
            if word_start:
                out.extend(i for i in positions if i == 0 or not lower[i - 1].isalnum())
            else:
                out.extend(positions)
        if len(needles) > 1:
            out.sort()  # one needle's positions are already in order
        return out

    def vocabulary_hits(self, name: str, entries: Callable[[], dict[str, object]]):
        """(end index, entry) of every occurrence in `lower` of each key of a vocabulary.

        `entries` builds the vocabulary (lower-case key -> entry) the first time it is asked
        for; from the next posting on, it is found in the shared pass.
        """
        if name in self._triggers.vocabularies:
            return self._vocabulary_hits.get(name, [])
        table = entries()
        _TRIGGERS.add_vocabulary(name, table)
        own = _TriggerSnapshot.build(set(), {name: table}).automaton
        if own is None:
            return []
        return [(end, entry) for end, (_, _, found) in own.iter(self.lower) for _, entry in found]

    def trigger_starts(
        self, name: str, words: tuple[str, ...], *, word_start: bool = False
    ) -> list[int]:
        """What `find_all(*words, word_start=word_start)` gives, read from the shared pass as
        the vocabulary `name` (one name per tuple of words).

        For a long list of words: one list of the words' hits, where find_all looks up each
        word in turn (~1,000 instructions a word, and most words of a long list are absent).
        """
        hits = self.vocabulary_hits(name, lambda: {word: len(word) - 1 for word in words})
        if not hits:
            return []  # most vocabularies, in most postings
        if word_start:
            lower = self.lower
            starts = [
                start
                for end, back in hits
                if (start := end - back) == 0 or not lower[start - 1].isalnum()
            ]
        else:
            starts = [end - back for end, back in hits]
        starts.sort()
        return starts

    def search_near(
        self,
        pattern: re.Pattern,
        positions: list[int],
        before: int,
        after: int,
        *,
        needs: re.Pattern | None = None,
    ):
        """Matches of `pattern` in windows around `positions`, in text order, without repeats.

        `needs` is a cheap pattern every match of `pattern` contains (a literal tail, a digit):
        a window without it is skipped before the costlier pattern is tried there.
        """
        seen = -1
        view = self.view
        size = len(view)
        for pos in positions:
            lo = max(pos - before, seen + 1, 0)
            hi = min(size, pos + after)
            if needs is not None and needs.search(view, lo, hi) is None:
                continue
            m = pattern.search(view, lo, hi)
            while m is not None and m.start() <= pos + after:
                if hi < size and m.end() > hi - _EDGE:
                    # The window's edge may have cut the match short ("June 2" of "June 22",
                    # "May 20" of "May 2026", "June 1" of "June 1, 20|26"): the match at that
                    # start as the whole text has it, or none there.
                    whole = pattern.match(view, m.start())
                    if whole is None:
                        m = pattern.search(view, m.start() + 1, hi)
                        continue
                    m = whole
                if m.start() > seen:
                    seen = m.start()
                    yield m
                m = pattern.search(view, m.end(), hi) if m.end() > m.start() else None

    def match_at(self, pattern: re.Pattern, positions: list[int]):
        """Matches of `pattern` anchored at each position (the trigger starts the pattern)."""
        view = self.view
        last_end = -1
        for pos in positions:
            if pos < last_end:
                continue
            m = pattern.match(view, pos)
            if m is not None:
                last_end = m.end()
                yield m
