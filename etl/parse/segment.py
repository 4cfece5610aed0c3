"""Split a posting into sections: title block, about, responsibilities, qualifications, pay, ...

Real postings mark sections in many ways: headings on their own line, markdown or bold
headings, FAQ questions, "Heading: text" lines, and headings glued to the text around them
("ResponsibilitiesWe are the messaging team", "...development.QualificationsMinimum
Qualifications Undergraduate"). All of them are found from one list of heading phrases
(etl/vocab/headings.toml) plus boundary rules, in one Aho-Corasick pass over the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from etl.parse.text import line_spans
from etl.parse.vocab import (
    heading_kinds,
    heading_prefixes,
    job_heading_suffixes,
    link_phrases,
    name_labels,
    team_heading_suffixes,
)

# Kinds whose text is boilerplate: no location, pay, duration or team comes from them.
BOILERPLATE_KINDS = frozenset({"about_company", "benefits", "legal", "application", "related"})
HEADER_KIND = "header"
OTHER_KIND = "other"

# A bullet, a list number, or an emoji a page opens its headings with ("🌱 About Ploughshare").
_BULLET = re.compile(
    r"^[\s>*#\-+•·●▪◦‣⁃|]*(?:\d{1,2}[.)]\s+|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s+)?[\s*_]*"
)
_NAME_WORDS = re.compile(r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}")
_MARKDOWN_HEADING = re.compile(r"\s{0,3}#{1,6}\s")
# What opens every line `_is_markup_heading` accepts: a markdown '#' heading, or bold.
_MARKUP_OPENING = re.compile(r"\s*(?:#|\*\*|__)")
_LETTER = re.compile(r"[^\W\d_]")
_TRAILER_CHARS = " \t*_:：#|"
_QUESTION_KINDS = (
    ("who can apply", "min_quals"),  # eligibility, before the "apply" of application questions
    ("eligib", "min_quals"),
    ("where will", "summary"),
    ("where is", "summary"),
    ("preferred", "preferred_quals"),
    ("nice to have", "preferred_quals"),
    ("bonus", "preferred_quals"),
    ("minimum qualification", "min_quals"),
    ("basic qualification", "min_quals"),
    ("required", "min_quals"),
    ("qualification", "min_quals"),
    ("requirement", "min_quals"),
    ("proficient", "min_quals"),
    ("programming language", "min_quals"),
    ("skills", "min_quals"),
    ("experience", "min_quals"),
    ("responsibilit", "responsibilities"),
    ("duties", "responsibilities"),
    ("what will", "responsibilities"),
    ("salary", "compensation"),
    ("compensation", "compensation"),
    ("pay ", "compensation"),
    ("hourly", "compensation"),
    ("benefit", "benefits"),
    ("perk", "benefits"),
    ("how long", "program"),
    ("duration", "program"),
    ("when does", "program"),
    ("start date", "start_dates"),
    ("apply", "application"),
    ("application", "application"),
    ("interview", "application"),
    ("work environment", "about_company"),
    ("culture", "about_company"),
    ("company", "about_company"),
    ("team", "about_team"),
    ("job title", "summary"),
    ("location", "summary"),
)
# Short single words that are headings only when clearly set apart, never glued to a
# capitalised word ("PayPal" is not the heading "Pay").
_MIN_GLUED_LEN = 6
# The longest line a prefix heading ("About <Name>") or a markdown/bold heading may be.
_MAX_HEADING_LINE = 80


@dataclass(frozen=True, slots=True)
class Block:
    """One section: its kind, heading text and span, and where its body text starts."""

    kind: str
    start: int
    body_start: int
    end: int
    heading: str | None = None


@dataclass(slots=True)  # not frozen: a frozen dataclass is ~4x slower to build, and none is changed
class _Heading:
    start: int
    end: int  # end of the heading words
    body_start: int  # after any colon/space that follows
    kind: str
    text: str


# One way a phrase can head a section: (phrase, kind, whether it is a prefix heading such as
# "About <Name>").
_Option = tuple[str, str, bool]


@cache
def _options() -> dict[str, tuple[_Option, ...]]:
    """Heading phrase -> its options, each plain heading before any prefix heading: the order
    `_glued_headings` tries them in."""
    options: dict[str, list[_Option]] = {}
    for phrase, kind in heading_kinds().items():
        options.setdefault(phrase, []).append((phrase, kind, False))
    for prefix, kind in heading_prefixes():
        stem = prefix.rstrip(": ")
        options.setdefault(stem, []).append((stem, kind, True))
    return {phrase: tuple(values) for phrase, values in options.items()}


@cache
def heading_entries() -> dict[str, tuple[int, frozenset[str], tuple[_Option, ...]]]:
    """Lower-case phrase -> (length - 1, its capitalised spellings, its options):
    the vocabulary `Doc` finds in its one pass over the lower-case text."""
    return {
        phrase: (len(phrase) - 1, frozenset(_capitalised(phrase)), values)
        for phrase, values in _options().items()
    }


@cache
def _automaton() -> ahocorasick.Automaton:
    """Capitalised spelling -> options, for `segment` called on a bare string."""
    # Headings are capitalised, so only the capitalised spellings count: the many lower-case
    # "experience"/"skills" in sentences are no headings.
    automaton = ahocorasick.Automaton()
    for phrase, values in _options().items():
        for spelling in _capitalised(phrase):
            automaton.add_word(spelling, values)
    automaton.make_automaton()
    return automaton


# A heading phrase found in the text: (start, minus its length less one, its options). Sorted,
# hits come by start and, at one start, the longer phrase first.
_Hit = tuple[int, int, tuple[_Option, ...]]


def _capitalised_hits(view: str, lower_hits) -> list[_Hit]:
    """Each phrase found in the lower-case text that the text writes capitalised: the same
    hits as the capitalised automaton run over the text itself."""
    # Every spelling opens with a capital (every phrase opens with a letter): testing that
    # first spares most hits, written in lower case, a slice and a set look-up.
    return [
        (start, -back, values)
        for end, (back, spellings, values) in lower_hits
        if view[(start := end - back)].isupper() and view[start : end + 1] in spellings
    ]


def _capitalised(phrase: str) -> set[str]:
    """ "what you'll do" -> "What you'll do", "What You'll Do", "WHAT YOU'LL DO"; and in
    headline case, small words kept small: "About the Role", "Terms of Employment"."""
    words = phrase.split(" ")
    title = " ".join(w[:1].upper() + w[1:] for w in words)
    headline = " ".join(
        w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
    return {phrase[:1].upper() + phrase[1:], title, headline, phrase.upper()}


# A title's small words, kept small in headline case (and not counted as a sentence's words).
SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "as"}
)


def segment(view: str, lines: list[tuple[int, int]] | None = None, phrase_hits=None) -> list[Block]:
    """Sections covering the whole text, in order; the first is the header (title block).

    `phrase_hits`: (end, entry) of every `heading_entries()` phrase in the lower-case text,
    when the caller has them from a pass it makes anyway (see `Doc`).
    """
    headings = _find_headings(view, line_spans(view) if lines is None else lines, phrase_hits)
    blocks: list[Block] = []
    if not headings or headings[0].start > 0:
        first_end = headings[0].start if headings else len(view)
        blocks.append(Block(HEADER_KIND, 0, 0, first_end))
    in_header = True  # no section of the posting's own has begun
    in_related = False  # inside a list of other jobs
    for i, h in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(view)
        kind = HEADER_KIND if _is_name_label(view, h) else h.kind
        if in_related and kind != "related" and _is_inline_label(view, h):
            # "Pay: $45/hr." in a related job's summary is that job's, not a section of ours.
            kind = "related"
        in_related = kind == "related"
        if in_header and kind == "related" and h.text.lower().strip(" .:*") in link_phrases():
            # "View all jobs" under the company's name: a link among the title's meta lines
            # ("Quarry Bay, Hong Kong SAR", "Internship"), not a list of other jobs.
            kind = "title_meta"
        if in_header and kind == "application" and _is_inline_label(view, h):
            # "Application deadline: February 15, 2026" among the title's meta lines: a field
            # of the header, not a section on applying that the description would run into.
            kind = "title_meta"
        in_header = in_header and kind in (HEADER_KIND, "title_meta")
        blocks.append(Block(kind, h.start, h.body_start, end, h.text))
    return blocks


def _is_inline_label(view: str, h: _Heading) -> bool:
    """A label with its value on its own line ("Pay: $45/hr."), not a heading over a section."""
    line_end = view.find("\n", h.body_start)
    return h.body_start < (len(view) if line_end == -1 else line_end) and view[
        h.end : h.body_start
    ].strip(" *_").startswith(":")


def _is_name_label(view: str, h: _Heading) -> bool:
    """ "Company: Maplewood Analytics Inc." - a header field naming the employer, not a blurb."""
    if h.kind != "about_company" or h.text.lower().strip() not in name_labels():
        return False
    line_end = view.find("\n", h.body_start)
    value = view[h.body_start : len(view) if line_end == -1 else line_end].strip()
    return 0 < len(value) <= 60 and ". " not in value


class SectionIndex:
    """Answer "which section is this offset in?" in O(log n)."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self._starts = [b.start for b in blocks]

    def at(self, pos: int) -> Block:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.blocks[max(i, 0)]

    def kind_at(self, pos: int) -> str:
        return self.at(pos).kind


def _find_headings(view: str, lines: list[tuple[int, int]], phrase_hits=None) -> list[_Heading]:
    faq = _is_faq(view, lines)
    # One pass over the whole text for heading phrases; lines then take their share.
    # Where a heading phrase starts in any case, to pass over lines without one; None: look
    # at every line (FAQ questions need none, and lower-casing may have shifted the offsets).
    phrase_starts = None
    if phrase_hits is None:
        found = [
            (i - len(values[0][0]) + 1, 1 - len(values[0][0]), values)
            for i, values in _automaton().iter(view)
        ]
    else:
        found = _capitalised_hits(view, phrase_hits)
        if not faq and _lowercase_keeps_offsets(view):
            phrase_starts = sorted([end - back for end, (back, _, _) in phrase_hits])
    hits = sorted(found)
    hit_starts = [h[0] for h in hits]
    longest = 200 if faq else 120
    found: list[_Heading] = []
    for start, end in lines:
        lo, hi = bisect.bisect_left(hit_starts, start), bisect.bisect_left(hit_starts, end)
        if lo == hi and (
            end - start > longest
            or (
                phrase_starts is not None
                and not _may_head_uncapitalised(view, start, end, phrase_starts)
            )
        ):
            # Too long to be a heading line, and no heading phrase glued inside it; or no
            # capitalised phrase for a glued heading, and nothing else a heading needs:
            # `_headings_in_line` would find nothing here.
            continue
        found.extend(_headings_in_line(view, start, end, faq, hits[lo:hi]))
    return found


def _may_head_uncapitalised(view: str, start: int, end: int, phrase_starts: list[int]) -> bool:
    """Whether a line with no capitalised heading phrase may still be a heading (outside an
    FAQ): a whole-line or prefix heading, whose phrase starts at the line's first letter (only
    bullets, numbering and markup go before it), or a markdown or bold heading."""
    i = bisect.bisect_left(phrase_starts, start)
    # A phrase opens with a letter: if a letter goes before the line's first phrase, none
    # starts at the first letter.
    if (
        i < len(phrase_starts)
        and phrase_starts[i] < end
        and _LETTER.search(view, start, phrase_starts[i]) is None
    ):
        return True
    return _MARKUP_OPENING.match(view, start, end) is not None


def _lowercase_keeps_offsets(view: str) -> bool:
    """Whether `view.lower()` has one character per character of `view` (so the lower-case
    hits' offsets are offsets in `view`)."""
    # Lower-casing never shortens a string, ASCII is lower-cased one for one, and of all
    # characters only "İ" lower-cases to two: a C-speed look for it spares lower-casing.
    return view.isascii() or "\u0130" not in view


def _is_faq(view: str, lines: list[tuple[int, int]]) -> bool:
    # Three questions need three "?": most postings have fewer, found by memchr-speed finds
    # (a count would read every character).
    pos = -1
    for _ in range(3):
        pos = view.find("?", pos + 1)
        if pos == -1:
            return False
    questions = sum(
        1 for s, e in lines if e - s < 200 and view[s:e].rstrip(_TRAILER_CHARS).endswith("?")
    )
    return questions >= 3


def _headings_in_line(
    view: str, start: int, end: int, faq: bool, hits: list[_Hit]
) -> list[_Heading]:
    line = view[start:end]
    if " > " in line and line.count(" > ") >= 2:
        return []  # a site's path: "About Us > Careers > Current Openings"
    # Most lines open with a letter: no bullet to skip, and no regex call to find that out.
    lead = 0 if line[0].isalpha() else _BULLET.match(line).end()
    core_start = start + lead
    stripped = line[lead:].rstrip(_TRAILER_CHARS)
    if not stripped:
        return []
    core_end = core_start + len(stripped)
    if len(stripped) > _MAX_HEADING_LINE and len(stripped.strip(" .*_")) > _longest_phrase():
        # Longer than any heading phrase, prefix heading or markup heading (lower-casing
        # never shortens a line): only a question or a glued heading is left to find.
        if faq and stripped.endswith("?") and len(stripped) < 200:
            kind = _question_kind(stripped.lower())
            return [_Heading(core_start, core_end, end, kind, stripped)]
        return _glued_headings(view, core_start, end, hits) if hits else []
    lower = stripped.lower()

    whole = _whole_line_kind(lower, line, lead)
    if whole is not None:
        return [_Heading(core_start, core_end, _skip_sep(view, core_end, end), whole, stripped)]
    if faq and stripped.endswith("?") and len(stripped) < 200:
        return [_Heading(core_start, core_end, end, _question_kind(lower), stripped)]
    if _is_markup_heading(line, lead, stripped):
        kind = _phrase_kind(lower) or OTHER_KIND
        return [_Heading(core_start, core_end, end, kind, stripped)]
    if not hits:
        return []
    return _glued_headings(view, core_start, end, hits)


@cache
def _longest_phrase() -> int:
    return max(map(len, heading_kinds()), default=0)


def _whole_line_kind(lower: str, line: str, lead: int) -> str | None:
    kind = _phrase_kind(lower)
    if kind is not None:
        return kind
    if lower.endswith(")") and " (" in lower:
        # A heading with a note: "Job description (from source)", "Similar Jobs (3)". Not
        # "Benefits (Full Time Roles)": a box of terms for some hires, where "100% remote
        # within the USA" stands among the perks.
        kind = _phrase_kind(lower[: lower.rindex(" (")])
        if kind is not None and kind != "benefits":
            return kind
    # "About TikTok", "Life at Acme", "Important Information for LA County Candidates"; never
    # a site menu set apart by wide gaps ("About   Culture   Careers   Contact").
    if len(lower) <= _MAX_HEADING_LINE and not lower.endswith(".") and "   " not in lower:
        first = lower.split(" ", 1)[0]
        for prefix, prefix_kind in _prefixes_by_first_word().get(first, ()):
            if lower.startswith(prefix) and len(lower.split()) <= 12:
                if prefix_kind == "about_company":
                    named = lower.rstrip(" :*_")
                    if named.endswith(team_heading_suffixes()):
                        return "about_team"
                    if named.endswith(job_heading_suffixes()):
                        return "summary"
                return prefix_kind
    return None


@cache
def _prefixes_by_first_word() -> dict[str, tuple[tuple[str, str], ...]]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for prefix, kind in heading_prefixes():
        grouped.setdefault(prefix.split(" ", 1)[0], []).append((prefix, kind))
    return {word: tuple(pairs) for word, pairs in grouped.items()}


def _phrase_kind(lower: str) -> str | None:
    # Not memoised: its argument is every short line of every posting, so a cache would grow
    # without bound over a large ingest.
    return heading_kinds().get(lower.strip(" .*_"))


def _is_markup_heading(line: str, lead: int, stripped: str) -> bool:
    """A markdown '#' heading or a line that is entirely bold, short enough to be a heading."""
    if len(stripped) > _MAX_HEADING_LINE or stripped.endswith((".", ",", ";")):
        return False
    body = line.strip()
    if body[:1] not in ("#", "*", "_"):
        return False  # neither a markdown heading nor bold
    if _MARKDOWN_HEADING.match(line):
        return True
    return body.startswith(("**", "__")) and body.rstrip(":").endswith(("**", "__"))


def _skip_sep(view: str, pos: int, end: int) -> int:
    while pos < end and view[pos] in " :：*_-|\t":
        pos += 1
    return pos


def _question_kind(lower: str) -> str:
    for needle, kind in _QUESTION_KINDS:
        if needle in lower:
            return kind
    return OTHER_KIND


def _glued_headings(view: str, start: int, end: int, hits: list[_Hit]) -> list[_Heading]:
    """Headings inside one line: at its start before a colon/capital, or glued after a sentence."""
    segment = view[start:end]
    found: list[_Heading] = []
    last_end = -1
    # Tried by start, the longer of two phrases at one start first, and a phrase's plain
    # heading before its prefix heading (see `_Hit`, `_options`). No hit starts in the line's
    # bullet or ends past it: a phrase opens with a letter and holds no newline.
    for pos, _, options in hits:
        rel = pos - start
        for phrase, kind, is_prefix in options:
            if rel < last_end:
                break
            rel_end = rel + len(phrase)
            strong = rel == 0 or rel == last_end  # at the line's start or right after a heading
            if is_prefix:
                if not (strong or _left_boundary(segment, rel)):
                    continue
                # The name after "About" must end at a repeat, a colon or the line end.
                name_end = _prefix_name_end(segment, rel_end)
                if name_end is None:
                    continue
                rel_end = name_end
            # The right boundary first: it rules out most phrases in a sentence.
            elif not (
                _right_boundary(segment, rel_end, phrase, strong)
                and (strong or _left_boundary(segment, rel))
            ):
                continue
            body = _skip_sep(view, start + rel_end, end)
            found.append(_Heading(start + rel, start + rel_end, body, kind, segment[rel:rel_end]))
            last_end = rel_end
    return found


def _left_boundary(segment: str, rel: int) -> bool:
    prev = segment[rel - 1]
    if prev.islower() or prev.isdigit():
        return True  # glued: "developmentQualifications"
    if prev.isupper() and segment[rel + 1 : rel + 2].islower():
        # Glued to a value that ends in an acronym: "Location: Remote - USAbout the Team".
        j = rel - 1
        while j >= 0 and segment[j].isupper():
            j -= 1
        return 2 <= rel - 1 - j <= 4 and (j < 0 or not segment[j].isalnum())
    j = rel - 1
    while j >= 0 and segment[j] == " ":
        j -= 1
    return j >= 0 and segment[j] in ".!?;)]" and (j == rel - 1 or segment[j] != ")")


def _right_boundary(segment: str, rel_end: int, phrase: str, strong: bool) -> bool:
    if rel_end >= len(segment):
        return True
    nxt = segment[rel_end]
    if nxt in ":：":
        return True
    if nxt.isupper():
        # "ResponsibilitiesWe ..." - but not "PayPal", "RoleModel".
        return len(phrase) >= _MIN_GLUED_LEN or " " in phrase
    if nxt == " " and strong and " " in phrase:
        # "Minimum Qualifications Undergraduate or ..." right after another heading.
        rest = segment[rel_end + 1 : rel_end + 2]
        return rest.isupper()
    return False


def _prefix_name_end(segment: str, rel_end: int) -> int | None:
    """End of "About <Name>": up to 4 capitalised words; "TikTokTikTok is" splits at the repeat."""
    if segment[rel_end : rel_end + 1] == " ":
        rel_end += 1
    m = _NAME_WORDS.match(segment, rel_end)
    if m is None:
        return None
    name = m.group(0)
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:]:
        return rel_end + half
    # "About TikTokTikTok is": the first word repeats with no space.
    first = name.split(" ")[0]
    for cut in range(2, len(first) - 1):
        head, tail = first[:cut], first[cut:]
        if tail.startswith(head) and head[0].isupper() and len(head) >= 3:
            return rel_end + cut
    if m.end() >= len(segment) or segment[m.end()] in ":：":
        return m.end()
    return None
