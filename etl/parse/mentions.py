"""Programming languages and skills named in a posting, each required or preferred.

One Aho-Corasick pass finds every spelling from etl/vocab/skills.toml; each hit must stand
as its own token ("C" is not the C of "C++", "Java" is not the Java of "JavaScript"), match
the term's case when the vocabulary says so ("Go", not "go"), and, for terms that are also
ordinary words ("Go", "C", "R", "Express", "Spring"), stand in technical company: another
unambiguous technology nearby, or a cue such as "programming" or "experience with". The
level comes from the section ("Preferred Qualifications") or the sentence ("... is a plus").
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import TypeAdapter

from etl.model import Mention
from etl.parse.doc import Doc
from etl.parse.vocab import load


class _Caseless:
    """A case-insensitive pattern, written in lower case, that runs fast on ASCII text.

    The regex engine skips ahead to a pattern's first letters only when it matches case by
    case: on a long sentence several times faster than (?i). On ASCII text the lower-case
    pattern finds in `doc.lower` what the (?i) one finds in `doc.view` (same offsets); other
    text keeps (?i), which also takes "ſ", "ı" and the Kelvin sign for s, i and k.
    """

    def __init__(self, pattern: str) -> None:
        if pattern != pattern.lower():
            raise ValueError(f"write the pattern in lower case: {pattern!r}")
        self._lower = re.compile(pattern)
        self._anycase = re.compile(pattern, re.IGNORECASE)

    def on(self, doc: Doc) -> tuple[re.Pattern, str]:
        """The pattern to run and the text to run it on (offsets are the view's either way)."""
        if doc.view.isascii():
            return self._lower, doc.lower
        return self._anycase, doc.view


LANGUAGE = "language"
_MENTIONS = TypeAdapter(list[Mention])
_PREFERRED_CUES = re.compile(
    r"(?i)\b(?:preferred|preferably|a plus|is a plus|are a plus|nice[- ]to[- ]have|bonus|ideally|desir(?:ed|able)|"
    r"advantage(?:ous)?|would be great|good to have|not required|optional|pluses)\b"
)
_PREFERRED_TRIGGERS = (
    "prefer",
    "a plus",
    "are a plus",
    "nice",
    "bonus",
    "ideally",
    "desir",
    "advantage",
    "would be great",
    "good to have",
    "not required",
    "optional",
    "pluses",
)
_CUE_BEFORE = _Caseless(
    r"(?:\b(?:programming|coding|code|languages?|proficien\w*|experience|expertise|skills?|knowledge|familiar\w*|"
    r"fluen\w*|written|develop\w*|write|writing|using|use|with|in|including|like|such as|e\.g\.,?|stack|"
    r"backend|back-end|services|frameworks?|librar(?:y|ies)|tools?|technologies|modify|"
    r"embedded|bare-metal|exposure\s+to)\s*(?:in|with|of|as|:|\()?\s*(?:the\s+)?)$"
)
_CUE_AFTER = _Caseless(
    r"^\s*(?:\(golang\)|programming|language|lang\b|developer|engineer|code|coding|scripts?|libraries|tooling|"
    r"framework|backend|services|microservices|applications?|apps?|stack|experience|skills?|"
    r"drivers?(?!['’]?s?\s+licen[cs]e)|firmware|/)"
)
# What follows a name and turns it into something else: "C-suite", "Go-live", "R&D", "R.N.",
# "Go's", "Go To Market". A hyphen only after a letter or two: "Scala-based", "RAG-ready" and
# "Excel-VBA" stay names; "R.Exemplify" is a sentence glued on. Used with .match(text, pos),
# so no "^" (it would only match at the text's very start).
_BAD_NEXT = re.compile(
    r"(?:&|\.(?:[a-z]|[A-Z](?![a-z]))|'s\b|’s\b|\s+(?:To|Ahead|Live|Back|Out)\b"
    # "Go/No-Go checks": a decision, not the language.
    r"|\s*/\s*(?i:no)[- ]?(?i:go)\b"
    # "C$38 billion": Canada's dollar.
    r"|\$)"
)
_MODEL_NEXT = re.compile(r"\s+(?i:models?|embeddings?)\b")
_BAD_HYPHEN = re.compile(
    r"-(?!(?i:based|first|native|powered|driven|centric|heavy|focused)\b)[A-Za-z]"
)
# A verb's company at the start of a sentence or bullet: "Go to our site", "React to feedback".
_BAD_NEXT_WORD = re.compile(r"\s+(?:to|ahead|live|get|for it|back|out)\b")
_NEARBY = 80
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
# Between two items of a list, and what may follow its last item.
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:or|and)?|/|\bor\b|\band\b|&)\s*")
_COMMA_GLUE = re.compile(r"\s*[,/]\s*")
_LIST_END = re.compile(r"\s*(?:[.;,)\n]|$)")
_TECHNICAL_SECTIONS = frozenset({"min_quals", "preferred_quals", "responsibilities", "skills"})
_MAX_OCCURRENCES = 25  # highlighted occurrences kept per term
_TECH_CLAUSE = _Caseless(
    r"program|cod(?:e|ing)|language|develop|software|engineer|framework|front-?end|back-?end|"
    r"full-?stack|stack|web|api|database|cloud|technolog|librar|production environment|microservice"
)
_SOFTWARE_WORK = _Caseless(
    r"\b(?:writ(?:e|es|ing|ten)|build(?:s|ing)?|debug\w*|implement\w*|deploy\w*|refactor\w*|compil\w*|"
    r"experience[sd]?|familiar\w*|knowledge|proficien\w*|expert\w*|tools?|platforms?|systems)\b"
)
_LANGUAGE_CLAUSE = _Caseless(
    r"\b(?:programming|coding|scripting|development|backend|back-end|systems)\s+languages?\b|\blanguages?\s*(?:such as|like|including|:|\()"
)
# A capital letter standing alone: the only way "C" or "R" can be a language. The letter comes
# first so the regex engine skips to it; a leading lookbehind would be tried at every offset.
_SINGLE_LETTER = r"{letter}(?<![\w.+#'’-]{letter})(?![\w+#'’])"


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    category: str
    exact: bool
    ambiguous: bool
    forms: tuple[str, ...]  # exact spellings (when `exact`)


@dataclass(slots=True)
class _Hit:
    term: Term
    start: int
    end: int
    distinctive: bool = False  # a form that needs no context even if the term's name does
    # An exact term written in lower case ("python, go, bash"): kept only beside a listed name.
    lowercase: bool = False


@cache
def terms() -> tuple[Term, ...]:
    out = []
    for entry in load("skills")["term"]:
        forms = (entry["name"], *entry.get("aliases", []))
        out.append(
            Term(
                name=entry["name"],
                category=entry["category"],
                exact=bool(entry.get("exact", False)),
                ambiguous=bool(entry.get("ambiguous", False)),
                forms=tuple(forms),
            )
        )
    return tuple(out)


@cache
def term_names() -> frozenset[str]:
    """Every spelling in the vocabulary, lower-cased (for "is this a technology?" checks)."""
    return frozenset(form.lower() for term in terms() for form in term.forms)


def _is_distinctive(form: str, term: Term) -> bool:
    """An alias of an ambiguous term that is no ordinary word: "Golang", "Express.js", "Ruby on Rails".

    The vocabulary flags whole terms; which of a term's spellings are themselves ambiguous is
    the matcher's call: the bare name is, a longer or punctuated alias is not.
    """
    if not form.isalpha():
        return True  # "Node.js", "Ruby on Rails", "Unity3D", "Express.js"
    return form != term.name and len(form) >= 5


@cache
def _forms() -> dict[str, tuple[int, tuple[Term, ...], bool]]:
    """Lower-case spelling -> (length, the terms it spells, whether it may be glued to text)."""
    by_form: dict[str, list[Term]] = {}
    for term in terms():
        for form in term.forms:
            by_form.setdefault(form.lower(), []).append(term)
    out = {}
    for form, owners in by_form.items():
        if len(form) > 1:  # single letters ("C", "R") are found by _SINGLE_LETTER instead
            glue_ok = len(form) >= 3 and not any(t.ambiguous for t in owners)
            out[form] = (len(form), tuple(owners), glue_ok)
    return out


@cache
def _single_letter_patterns() -> tuple[tuple[re.Pattern, Term], ...]:
    """(pattern, term) per capital letter of the vocabulary ("C", "R").

    A letter spelling several terms goes to the first listed: whether it stands as a token
    does not depend on the term.
    """
    owners: dict[str, Term] = {}
    for term in terms():
        for form in term.forms:
            if len(form) == 1 and form in string.ascii_uppercase:
                owners.setdefault(form, term)
    return tuple(
        (re.compile(_SINGLE_LETTER.format(letter=letter)), term) for letter, term in owners.items()
    )


def extract_mentions(doc: Doc) -> tuple[list[Mention], list[tuple[str, str, int, int]]]:
    """(one Mention per term, every accepted occurrence as (field, name, start, end))."""
    hits = _longest_hits(doc)
    if any(block.kind == "related" for block in doc.blocks):
        # Other jobs' summaries ("Related jobs", "Similar roles") name their own stacks.
        hits = [h for h in hits if doc.kind_at(h.start) != "related"]
    accepted = _accept(doc, hits)
    mentions: dict[str, dict] = {}  # plain records, validated together at the end
    occurrences: list[tuple[str, str, int, int]] = []
    seen: dict[str, int] = {}
    cues = _preferred_cue_positions(doc) if accepted else []
    for hit in accepted:
        term = hit.term
        seen[term.name] = seen.get(term.name, 0) + 1
        if seen[term.name] <= _MAX_OCCURRENCES:
            field = "languages" if term.category == LANGUAGE else "skills"
            occurrences.append((field, term.name, hit.start, hit.end))
        current = mentions.get(term.name)
        if current is None:
            mentions[term.name] = {
                "name": term.name,
                "category": term.category,
                "level": _level(doc, hit.start, hit.end, cues),
                "start": hit.start,
                "end": hit.end,
            }
        elif current["level"] == "preferred":  # a required term's later levels go unread
            current["level"] = _level(doc, hit.start, hit.end, cues)
    return _MENTIONS.validate_python(list(mentions.values())), occurrences


def _longest_hits(doc: Doc) -> list[_Hit]:
    """Hits that stand as tokens, longest first where they overlap."""
    view = doc.view
    size = len(view)
    # (start, -length, term, distinctive, lowercase): sorted as they are, longest first at a
    # start. No two share (start, -length), one spelling per span, so terms are never compared.
    raw: list[tuple[int, int, Term, bool, bool]] = []
    for last, (length, owners, glue_ok) in doc.vocabulary_hits("skills", _forms):
        start = last - length + 1
        # Most raw hits are letters inside longer words ("ai" of "maintain"), rejected here
        # before `end` is worked out. LinkedIn glues words ("SkillsPython"): a capital right
        # after a lower-case letter still starts a name (`glue_ok` forms only).
        if start:
            before = view[start - 1]
            if (before.isalnum() or before == "_") and not (
                glue_ok and before.islower() and view[start].isupper()
            ):
                continue
        end = last + 1
        if end < size:
            after = view[end]
            if (after.isalnum() or after == "_") and not (
                glue_ok and after.isupper() and view[end - 1].islower()
            ):
                continue
            if after in "+#." and _continues_past(view, end):  # a C-speed test first
                continue
        surface = view[start:end]
        for term in owners:
            lowercase = False
            if term.exact and surface not in term.forms and not _loose_alias(surface, term):
                # Lower case is heard only for languages listed with others ("python, go,
                # bash"): an exact name's lower case is an English word ("safe-to-fail").
                if not (surface.islower() and len(surface) >= 2 and term.category == LANGUAGE):
                    continue
                lowercase = True
            distinctive = term.ambiguous and _is_distinctive(surface, term) and not lowercase
            raw.append((start, -length, term, distinctive, lowercase))
            break
    for pattern, term in _single_letter_patterns():
        for m in pattern.finditer(view):
            if not _continues_past(view, m.end()):
                raw.append((m.start(), -1, term, False, False))
    raw.sort()
    out: list[_Hit] = []
    last_end = -1
    for start, negative_length, term, distinctive, lowercase in raw:
        if start < last_end:
            continue
        last_end = start - negative_length  # the hit's end
        out.append(_Hit(term, start, last_end, distinctive, lowercase))
    return out


def _loose_alias(surface: str, term: Term) -> bool:
    """An exact term's punctuated or multi-word alias matches in any case ("EMBER.JS", "go lang")."""
    lower = surface.lower()
    return any(
        form.lower() == lower and not form.isalpha() and form != term.name for form in term.forms
    )


def _continues_past(view: str, end: int) -> bool:
    """Whether a name's token runs on past `end` through punctuation: "C" of "C++"/"C#",
    "node" of "node.js", "php" of "php.ini" (not "PHP.Preferred": glued text after a sentence).

    The letters and digits on either side are checked before this (inline in
    `_longest_hits`, in the lookarounds of `_SINGLE_LETTER`): they need the hit's form.
    """
    if end >= len(view) or not view[end - 1].isalnum():
        return False
    after = view[end]
    if after == "+" or after == "#":
        return True
    return (
        after == "."
        and end + 1 < len(view)
        and (view[end + 1].islower() or view[end + 1].isdigit())
    )


class _Anchors:
    """Accepted hits by position, for "is there one near here" in log time: a page of 50,000
    listed names must not cost 50,000 x 50,000 comparisons."""

    def __init__(self, hits: list[_Hit]):
        """`hits` in text order, as `_longest_hits` leaves them: they do not overlap, so they
        are in order of their ends too."""
        self._by_start = list(hits)
        self._starts = [h.start for h in hits]
        self._by_end = list(hits)
        self._ends = [h.end for h in hits]
        self.languages = sum(h.term.category == LANGUAGE for h in hits)  # accepted languages

    def add(self, hit: _Hit) -> None:
        self.languages += hit.term.category == LANGUAGE
        i = bisect.bisect_right(self._starts, hit.start)
        self._starts.insert(i, hit.start)
        self._by_start.insert(i, hit)
        j = bisect.bisect_right(self._ends, hit.end)
        self._ends.insert(j, hit.end)
        self._by_end.insert(j, hit)

    def any_starting_in(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self._starts, lo)
        return i < len(self._starts) and self._starts[i] < hi

    def ending_in(self, lo: int, hi: int) -> list[_Hit]:
        i, j = bisect.bisect_left(self._ends, lo), bisect.bisect_right(self._ends, hi)
        return self._by_end[i:j]

    def starting_in(self, lo: int, hi: int) -> list[_Hit]:
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_right(self._starts, hi)
        return self._by_start[i:j]


# Rounds of "an accepted hit vouches for its neighbours": enough for "React/Vue/Svelte" chains,
# bounded so a page of names cannot loop over itself name by name.
_MAX_ROUNDS = 6


def _accept(doc: Doc, hits: list[_Hit]) -> list[_Hit]:
    """Unambiguous hits, then ambiguous ones in technical company; an accepted ambiguous hit
    vouches for its neighbours in turn ("React/Vue": the slash list makes both technical)."""
    pending = [h for h in hits if (h.term.ambiguous and not h.distinctive) or h.lowercase]
    if not pending:
        return hits  # every hit stands on its own, and `hits` are in text order
    taken = {id(h) for h in _listed_together(doc, pending)}
    pending = [h for h in pending if id(h) not in taken]
    waiting = {id(h) for h in pending}
    anchors = _Anchors([h for h in hits if id(h) not in waiting])
    names_pending = _Anchors([h for h in pending if not h.lowercase])
    for _ in range(_MAX_ROUNDS):
        if not pending:
            break
        newly = [
            h
            for h in pending
            if (
                _listed_beside(doc, h, anchors)
                if h.lowercase
                else _in_technical_company(doc, h, anchors, names_pending)
            )
        ]
        if not newly:
            break
        for h in newly:
            anchors.add(h)
            waiting.discard(id(h))
        pending = [h for h in pending if id(h) in waiting]
    return [h for h in hits if id(h) not in waiting]


def _listed_together(doc: Doc, pending: list[_Hit]) -> list[_Hit]:
    """ "Scala, Spark", "R or SAS": names that are also words vouch for each other when a
    requirements or duties section lists them side by side, correctly cased."""
    cased = [h for h in pending if not h.lowercase]
    out: list[_Hit] = []
    seen: set[int] = set()
    for a, b in zip(cased, cased[1:], strict=False):
        if (
            _LIST_GLUE.fullmatch(doc.view, a.end, b.start)
            and doc.kind_at(a.start) in _TECHNICAL_SECTIONS
            and not _bad_next(doc, b)
        ):
            for h in (a, b):
                if id(h) not in seen:
                    seen.add(id(h))
                    out.append(h)
    return out


def _listed_beside(doc: Doc, hit: _Hit, anchors: _Anchors) -> bool:
    """A name in lower case counts only as an item of a list of accepted names: "python, go,
    bash" (not "Python and go beyond", not "go to")."""
    if _bad_next(doc, hit) or _BAD_NEXT_WORD.match(doc.view, hit.end):
        return False
    for glue in _glues_to(doc, hit, anchors):
        if _COMMA_GLUE.fullmatch(glue):
            return True
        if _LIST_GLUE.fullmatch(glue) and _LIST_END.match(doc.view, hit.end):
            return True  # the last item: "python, go or ruby."
    return False


def _glues_to(doc: Doc, hit: _Hit, anchors: _Anchors) -> Iterator[str]:
    """The text between `hit` and each accepted name right beside it."""
    for anchor in anchors.ending_in(hit.start - 6, hit.start):
        yield doc.view[anchor.end : hit.start]
    for anchor in anchors.starting_in(hit.end, hit.end + 6):
        yield doc.view[hit.end : anchor.start]


def _bad_next(doc: Doc, hit: _Hit) -> bool:
    view, end = doc.view, hit.end
    limit = min(len(view), end + 12)
    if _BAD_NEXT.match(view, end, limit):
        return True
    if hit.term.category == LANGUAGE and _MODEL_NEXT.match(view, end, limit):
        return True  # "using Ada models": a model named like a language ("dbt models" stay)
    if hit.end - hit.start <= 2 and _BAD_HYPHEN.match(view, end, limit):
        return True
    if _BAD_NEXT_WORD.match(view, end, limit):
        line_start, _ = doc.line_at(hit.start)
        sentence_start, _ = doc.sentence_at(hit.start)
        opening = view[max(line_start, sentence_start) : hit.start].strip(" \t*-•·>#_")
        return not opening  # "Go to our site" opens its sentence; "within AWS to power" does not
    return False


def _in_technical_company(doc: Doc, hit: _Hit, anchors: _Anchors, names_pending: _Anchors) -> bool:
    if _bad_next(doc, hit):
        return False
    sentence_start, sentence_end = doc.sentence_at(hit.start)
    lo, hi = max(sentence_start, hit.start - _NEARBY), min(sentence_end, hit.end + _NEARBY)
    if anchors.any_starting_in(lo, hi):
        return True  # the hit itself is pending, never among the anchors
    cue_after, text = _CUE_AFTER.on(doc)
    if cue_after.match(text[hit.end : min(len(text), hit.end + 25)]):
        return True
    language_clause, text = _LANGUAGE_CLAUSE.on(doc)
    if hit.term.category == LANGUAGE and language_clause.search(
        text, max(sentence_start, hit.start - 120), hit.start
    ):
        return True  # "programming languages (preferably Ruby or Go)"
    # A cue word right before is enough only for letter-like terms in a list or a clause
    # that is clearly about code ("proficient in Go", "experience with R").
    cue_before, text = _CUE_BEFORE.on(doc)
    if not cue_before.search(text[max(sentence_start, hit.start - 40) : hit.start]):
        return False
    tech_clause, text = _TECH_CLAUSE.on(doc)
    if tech_clause.search(text, sentence_start, sentence_end):
        return True
    if (
        hit.term.category == LANGUAGE
        and anchors.languages
        and doc.kind_at(hit.start) in _TECHNICAL_SECTIONS
    ):
        return True  # "Bonus: experience with Go or with logistics" where the job names others
    # A language in the same sentence, past a ";" that ended the clause: "Scripting (Python or
    # MATLAB); familiarity with C is a plus" (not past a full stop: "... in Python. Embeddings
    # using Ada models").
    if hit.term.category == LANGUAGE:
        line_start, line_end = doc.line_at(hit.start)
        line_lo = max(line_start, hit.start - _NEARBY)
        for h in anchors.starting_in(line_lo, min(line_end, hit.end + _NEARBY)):
            gap = doc.view[min(h.end, hit.end) : max(h.start, hit.start)]
            if h.term.category == LANGUAGE and not _SENTENCE_STOP.search(gap):
                return True
    # Or another name of the vocabulary in a clause about making or knowing software: "Write
    # Spark jobs in Scala", "familiarity with Rust and/or Go" (not "Drive in Rust Belt towns
    # to Express depots").
    software_work, text = _SOFTWARE_WORK.on(doc)
    return bool(
        (names_pending.any_starting_in(lo, hit.start) or names_pending.any_starting_in(hit.end, hi))
        and software_work.search(text, sentence_start, sentence_end)
    )


def _level(doc: Doc, start: int, end: int, cues: list[int]) -> str:
    if doc.kind_at(start) == "preferred_quals":
        return "preferred"
    i = bisect.bisect_left(cues, start - 200)
    if i == len(cues) or cues[i] >= end + 200:
        return "required"  # no cue even in the widest window: the sentence need not be found
    sentence_start, sentence_end = doc.sentence_at(start)
    # Glued text can make one "sentence" of a whole posting: look at the clause around it.
    lo, hi = max(sentence_start, start - 200), min(sentence_end, end + 200)
    i = bisect.bisect_left(cues, lo)
    return "preferred" if i < len(cues) and cues[i] < hi else "required"


def _preferred_cue_positions(doc: Doc) -> list[int]:
    """Where "preferred", "a plus", "nice to have"... stand, found once per posting."""
    # From the shared pass: find_all would look up each of the 13 words in turn.
    triggers = doc.trigger_starts("preferred_cue_words", _PREFERRED_TRIGGERS)
    return [m.start() for m in doc.search_near(_PREFERRED_CUES, triggers, 0, 20)]
