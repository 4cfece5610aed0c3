"""The per-posting context every field extractor reads: text, matching view, sections, lines."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

import ahocorasick

from etl.parse.segment import (
    BOILERPLATE_KINDS,
    HEADER_KIND,
    OTHER_KIND,
    Block,
    SectionIndex,
    segment,
)
from etl.parse.text import clean_text, line_spans, match_view

# A sentence ends at . ! ? followed by a space/capital, a newline, or a bullet.
_BOUNDARY_CHAR = re.compile(r"[.!?;\n*]")
_META_KINDS = frozenset({HEADER_KIND, "title_meta"})


class _TriggerIndex:
    """Every literal any extractor looks for, found in one Aho-Corasick pass per posting.

    Extractors ask `Doc.find_all("week", "month")`; a needle seen for the first time is
    found with str.find and joins the automaton, which is rebuilt before the next posting.
    The answer is the same either way; only the cost differs (one pass instead of ~150).
    """

    def __init__(self) -> None:
        self.needles: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self._dirty = False

    def add(self, needle: str) -> None:
        self.needles.add(needle)
        self._dirty = True

    def automaton(self) -> ahocorasick.Automaton | None:
        if self._dirty or self._automaton is None:
            if not self.needles:
                return None
            automaton = ahocorasick.Automaton()
            for needle in self.needles:
                automaton.add_word(needle, needle)
            automaton.make_automaton()
            self._automaton, self._dirty = automaton, False
        return self._automaton


_TRIGGERS = _TriggerIndex()


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
    blocks: list[Block] = field(init=False)
    sections: SectionIndex = field(init=False)

    def __post_init__(self) -> None:
        self.view = match_view(self.text)
        self.lower = self.view.lower()
        self.blocks = segment(self.view, self.lines)
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

    # --- lines and sentences ------------------------------------------------------------

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty line."""
        return line_spans(self.view)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    def line_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._line_starts, pos) - 1
        if i < 0:
            return 0, 0
        return self.lines[i]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        """Offsets just after each sentence end: . ! ? before a space/capital, a newline, ';',
        or a " * " bullet run into the text (LinkedIn glues bullets into one line)."""
        view = self.view
        size = len(view)
        ends: list[int] = []
        for m in _BOUNDARY_CHAR.finditer(view):
            i = m.start()
            ch = view[i]
            if ch in "\n;":
                ends.append(i + 1)
            elif ch == "*":
                if 0 < i < size - 1 and view[i - 1] in " \t" and view[i + 1].isspace():
                    ends.append(i + 2)
            else:
                nxt = view[i + 1] if i + 1 < size else " "
                if nxt.isspace() or nxt.isupper() or nxt in "\"'(":
                    ends.append(i + 1)
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
        hits = self._trigger_hits
        out: list[int] = []
        for needle in needles:
            positions = hits.get(needle)
            if positions is None and needle not in self._indexed:
                positions = []
                i = lower.find(needle)
                while i != -1:
                    positions.append(i)
                    i = lower.find(needle, i + 1)
                _TRIGGERS.add(needle)
            for i in positions or ():
                if not (word_start and i > 0 and lower[i - 1].isalnum()):
                    out.append(i)
        out.sort()
        return out

    @cached_property
    def _indexed(self) -> frozenset[str]:
        return frozenset(_TRIGGERS.needles) if _TRIGGERS.automaton() is not None else frozenset()

    @cached_property
    def _trigger_hits(self) -> dict[str, list[int]]:
        automaton = _TRIGGERS.automaton()
        self._indexed  # noqa: B018 - freeze which needles this pass covers
        hits: dict[str, list[int]] = {}
        if automaton is None:
            return hits
        for end, needle in automaton.iter(self.lower):
            hits.setdefault(needle, []).append(end - len(needle) + 1)
        return hits

    def search_near(self, pattern: re.Pattern, positions: list[int], before: int, after: int):
        """Matches of `pattern` in windows around `positions`, in text order, without repeats."""
        seen = -1
        view = self.view
        size = len(view)
        for pos in positions:
            lo = max(pos - before, seen + 1, 0)
            m = pattern.search(view, lo, min(size, pos + after))
            while m is not None and m.start() <= pos + after:
                if m.start() > seen:
                    seen = m.start()
                    yield m
                m = (
                    pattern.search(view, m.end(), min(size, pos + after))
                    if m.end() > m.start()
                    else None
                )

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
