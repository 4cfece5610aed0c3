"""Employment type, internship seasons and year, degree levels, and duration.

Each is decided as CONVENTIONS.md says: the title speaks first, then labelled lines
("Job Type: Full-time"), then sentences in the posting's own sections. Benefits, legal and
company boilerplate never count (sick-time hours are not a duration; "graduating Fall 2025"
is not a season).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from etl.parse.doc import LABEL_COLON, WRAPPED_BREAK, Doc, Found
from etl.parse.patterns import alternation, word_start_alternation

# --- employment type -------------------------------------------------------------------------

_INTERN_TITLE = re.compile(
    "(?i)"
    + word_start_alternation(
        # India's "Graduate Engineer Trainee" is a permanent job that starts with training.
        r"intern|interns|internship|co-?op|summer (?:associate|analyst)s?|"
        r"(?<!graduate engineer )(?<!graduate )trainee(?:ship)?|"
        # "Industrial Placement", "Placement Year", "Year in Industry": the UK's internships.
        r"industrial placement|industry placement|summer placement|work placement|"
        r"sandwich placement|placement year|placement student|placement students|year in industry"
    )
    + r"\b"
)
_INTERN_BODY = re.compile(
    r"(?i)(?:for an internship|this internship|the internship(?: program| period)?|internship program|"
    r"internships at|as an intern|our interns|interns will|intern will|co-op (?:term|program|position)|"
    # "This is a Summer 2026 internship based at our Montréal facility", "Interns start on ..."
    r"this is an? (?:[\w-]+ ){0,4}(?:internship|co-op)|interns (?:start|on the|are paid|receive)|"
    # "As a Hardware Test Engineering Intern this summer, you'll own ..."
    r"as an? (?:[A-Z][\w&/+.-]* ){1,5}(?:Intern|Co-op)|"
    # A page without a title line that opens "Lattice Bio is hiring a Machine Learning Intern".
    r"(?:is )?(?:hiring|seeking|looking for) an? (?:[A-Z][\w&/+.-]* ){0,5}(?:intern|co-?op)(?:ship)?)\b"
)
_INTERN_TRIGGERS = (
    "for an internship",
    "this internship",
    "the internship",
    "internship program",
    "internships at",
    "as an intern",
    "our interns",
    "interns will",
    "intern will",
    "this is a",
    "as a ",
    "interns start",
    "interns on the",
    "interns are paid",
    "interns receive",
    "co-op",
    "hiring a",
    "seeking a",
    "looking for a",
)
# A posting whose title names no type may still say what it is: "The Summer Analyst program
# is a 10-week internship."
_IS_AN_INTERNSHIP = re.compile(
    r"(?i)\b(?:(?:is|as) an?|this) (?:(?:paid|unpaid|full[- ]time|part[- ]time|summer|fall|spring|"
    r"winter|research|\d+[- ](?:week|month)) ){0,3}internship\b"
)
_TYPE_LABEL = re.compile(
    r"(?i)\b(?:employment|job|work|position|contract|role|engagement)?\s?types?\s*[:：]\s*"
    r"(?P<value>[a-z][a-z /,&()+-]{2,40})"
)
_GLUED_TYPE_LABELS = ("job ", "employment ", "position ")
_GLUED_NEXT = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TYPE_TABLE_LABEL = re.compile(
    r"(?i)[ \t]*(?:(?:employment|job|position|work)[ \t])?types?(?:\t|[ \t]{2,})[ \t]*"
    r"(?P<value>[a-z][a-z /,&()+-]{2,40})[ \t]*$",
    re.M,
)
# "Commitment: Full-time", a hospital's "Schedule: Full Time, 36 hours/week", and "Employee
# Status: Full Time" ("FLSA Status: Exempt" names no type and is passed over).
_COMMITMENT_LABEL = re.compile(
    "(?i)"
    + word_start_alternation("commitment|schedule|status")
    + r"\s*[:：]\s*(?P<value>[a-z][a-z -]{2,30})"
)
_TYPE_WORDS = (
    ("internship", re.compile(r"(?i)\b(?:intern(?:ship)?|co-?op)\b")),
    (
        "contract",
        re.compile(
            r"(?i)\b(?:contract(?:or)?|contract[- ]to[- ]hire|temporary|temp|c2c|1099|w-?2 contract|freelance|fixed[- ]term)\b"
        ),
    ),
    ("part_time", re.compile(r"(?i)\bpart[- ]?time\b")),
    ("full_time", re.compile(r"(?i)\bfull[- ]?time\b|\bfulltime\b|\bpermanent\b")),
)
_TYPE_WORD = dict(_TYPE_WORDS)
# The body patterns are matched where their trigger word stands (see extract_employment_type).
_CONTRACT_BODY = re.compile(
    r"(?i)(?:this is a (?:\d+[- ]month )?(?:fixed[- ]term )?contract|contract (?:role|position|assignment|opportunity|engagement)|"
    r"fixed[- ]term contract|contract[- ]to[- ]hire|on (?:a )?w-?2\b|w-?2 contract|c2c|corp[- ]to[- ]corp|"
    r"1099 (?:contract|position|role))"
)
_FULL_TIME_BODY = re.compile(
    r"(?i)(?:full[- ]time (?:role|position|job|employee|employment|opportunity|hire|permanent|salaried|exempt|"
    r"benefits|employee benefits|(?:graduate )?programme|(?:graduate )?program)|this is a full[- ]time|permanent,? full[- ]time)\b|^[ \t*-]*full[- ]?time[ \t]*$"
    r"|(?<=\()full[- ]time\)",  # "40 hours per week (full time)"
    re.MULTILINE,
)
# A job-board badge line: "Full-Time · Remote (US)", "$20/hr · Internship · Entry level", and
# Lever's category line "SAN FRANCISCO, CA / ENGINEERING / FULL-TIME / HYBRID".
_BADGE = re.compile(
    # A careers site's icon names run into the badge: "bar_chart Intern & Apprentice".
    r"(?i)(?:^|(?<=[*|])|(?<= /)|(?<=\S   ))[ \t*-]*(?:[a-z]+_[a-z_]+[ \t]+)?"
    r"(?P<kind>full[- ]?time|part[- ]?time|contract(?:or)?|temporary|internship|co-?op|intern & apprentice)"
    # "·" and "•" read as "*" in the view; a wide gap parts a meta line's fields too.
    r"[ \t]*(?=[*|(,]| /|$|   )",
    re.MULTILINE,
)
_BADGE_KIND = {
    "full": "full_time",
    "part": "part_time",
    "cont": "contract",
    "temp": "contract",
    "inte": "internship",
    "co-o": "internship",
    "coop": "internship",
}
# Every match of _FULL_TIME_BODY (above) or _PART_TIME_BODY (below) has "full[- ]?time" or
# "part[- ]?time" starting a word on its own line, so a "part" or "full" with no "t" after it
# ("part of the team", "fully") can start no match, nor can its line. Not "...time":
# IGNORECASE takes a dotless "ı" for the "i", and `Doc.lower` keeps it.
_PART_TIME_STARTS = ("part-t", "part t", "partt")
_FULL_TIME_STARTS = ("full-t", "full t", "fullt")
# Where each body pattern can match (see `_first_outside_boilerplate`), and the badge words.
_CONTRACT_TRIGGERS = ("this is a", "contract", "fixed", "on a w", "on w", "c2c", "corp", "1099")
_PART_TIME_TRIGGERS = ("this is a part", *_PART_TIME_STARTS)
_FULL_TIME_TRIGGERS = ("this is a full", *_FULL_TIME_STARTS, "permanent")
_BADGE_TRIGGERS = ("full", "part", "contract", "temporary", "intern", "co-op", "coop")
_PART_TIME_BODY = re.compile(
    r"(?i)(?:part[- ]time (?:role|position|job|employee|employment|opportunity|basis)|this is a part[- ]time)\b"
    r"|^[ \t*-]*part[- ]?time[ \t]*$"
    # "We're looking for a part-time front-end developer", "The position is part-time": the
    # job's own hours when the words before say so (`_hires_part_time`); "part-time or
    # full-time" offers both.
    r"|(?P<bare>part[- ]time\b(?![ \t]*(?:or\b|and\b|/|&|,[ \t]*(?:full|contract|temp|or\b|and\b))))",
    re.MULTILINE,
)
# What stands before a bare "part-time" that makes it the job's: a hire ("seeking a"), or the
# position said to be so ("This position is", "The role will be").
_PART_TIME_HIRE_BEFORE = re.compile(
    r"(?i)(?:\b(?:(?:looking|searching)\s+for|seeking|hiring|to\s+hire|recruiting)\s+an?"
    r"|\b(?:position|role|job)\s+(?:is|will\s+be))\s+$"
)


_CONTRACT_TITLE = re.compile(
    r"[\s*#>-]*(?P<word>[Cc]ontract(?:or)?|CONTRACT)[ \t]+(?!(?i:manager|specialist|administrator|"
    r"analyst|attorney|lawyer|negotiator|officer|coordinator|associate|assistant|clerk|"
    r"management|administration|compliance|review)\b)[A-Z]"
)


def extract_employment_type(doc: Doc, title: Found | None) -> Found | None:
    """internship | full_time | part_time | contract, or None when the text does not say."""
    if title is not None:
        m = _INTERN_TITLE.search(doc.view, title.start, title.end)
        if m:
            return Found("internship", m.start(), m.end())
        for kind in ("contract", "part_time", "full_time"):
            pattern = _TYPE_WORD[kind]
            m = pattern.search(doc.view, title.start, title.end)
            if (
                m
                and kind != "contract"
                or (
                    m
                    and re.search(
                        r"(?i)\(contract|contract\)|- contract", doc.view[title.start : title.end]
                    )
                )
            ):
                return Found(kind, m.start(), m.end())
        # "Contract Frontend Engineer": the title opens with the type; a "Contract Manager"
        # manages contracts.
        m = _CONTRACT_TITLE.match(doc.view, title.start, title.end)
        if m:
            return Found("contract", m.start("word"), m.end("word"))
    if title is None:
        intern_words = doc.trigger_starts("intern_body_words", _INTERN_TRIGGERS, word_start=True)
        m = _first_outside_boilerplate(doc, _INTERN_BODY, intern_words)
        if m:
            return Found("internship", m.start(), m.end())
    else:
        for m in doc.search_near(_IS_AN_INTERNSHIP, doc.find_all("internship"), 50, 12):
            if doc.kind_at(m.start()) not in _NOT_THE_JOB:
                return Found("internship", m.start(), m.end())
    zone_end = max(
        doc.title_zone[1], doc.blocks[0].end if doc.blocks and doc.blocks[0].heading is None else 0
    )
    badge_words = doc.trigger_starts("badge_words", _BADGE_TRIGGERS)
    near_top = badge_words[: bisect.bisect_left(badge_words, zone_end + 200)]
    for m in doc.search_near(_BADGE, near_top, 12, 30):
        key = m.group("kind").lower().replace(" ", "")[:4]
        return Found(_BADGE_KIND.get(key, "full_time"), m.start("kind"), m.end("kind"))
    for label, triggers in (
        (_TYPE_LABEL, ("type",)),
        (_COMMITMENT_LABEL, ("commitment", "schedule", "status")),
    ):
        for m in doc.search_near(label, doc.find_all(*triggers), 24, 64, needs=LABEL_COLON):
            # "Position type: Regular Full Time": the type after a "regular".
            value_start = _REGULAR.match(doc.view, m.start("value")).end()
            # A glued label ends the value: "Employment Type: Full-timeLocation: Remote".
            value_end = min(m.end("value"), doc.sections.at(value_start).end)
            for kind, pattern in _TYPE_WORDS:
                w = pattern.search(doc.view, value_start, value_end)
                if w and w.start() - value_start <= 2:
                    return Found(kind, w.start(), w.end())
    for pos in doc.find_all("type"):
        if doc.view[pos + 4 : pos + 5].isupper() and doc.lower[max(0, pos - 11) : pos].endswith(
            _GLUED_TYPE_LABELS
        ):
            # A label run glued together: "Job TypeFull-timeExperience LevelEntry level". In a
            # slice: glued on, the value has no word boundary before it.
            value = doc.view[pos + 4 : pos + 44]
            # A type is one word: any glued capital ends it, labelled or not
            # ("Full-timeDescription", "Full-timeExperience Level"); Doc.glued_label_start is
            # for values that may hold a capital of their own.
            glued_next = _GLUED_NEXT.search(value, 1)
            value = value[: glued_next.start()] if glued_next else value
            for kind, pattern in _TYPE_WORDS:
                w = pattern.match(value)
                if w:
                    return Found(kind, pos + 4 + w.start(), pos + 4 + w.end())
        # A copied field table, the value a wide gap away: iCIMS's "Type  Regular Full-Time".
        # Read in the text: the view writes a tab as a space.
        m = _TYPE_TABLE_LABEL.match(doc.text, doc.line_at(pos)[0])
        if m is not None and m.start("value") > pos:
            value_start = _REGULAR.match(doc.view, m.start("value")).end()
            for kind, pattern in _TYPE_WORDS:
                # "Position Type   Student Employee - Part-Time": the type may come last.
                w = pattern.search(doc.view, value_start, m.end("value"))
                if w:
                    return Found(kind, w.start(), w.end())
    for kind, pattern, triggers in (
        ("contract", _CONTRACT_BODY, _CONTRACT_TRIGGERS),
        ("part_time", _PART_TIME_BODY, _PART_TIME_TRIGGERS),
        ("full_time", _FULL_TIME_BODY, _FULL_TIME_TRIGGERS),
    ):
        positions = doc.trigger_starts(f"{kind}_words", triggers, word_start=True)
        m = _first_outside_boilerplate(
            doc,
            pattern,
            positions,
            allow_benefits=kind == "full_time",
            accept=_ACCEPT.get(kind),
        )
        if m:
            return Found(kind, m.start(), m.end())
    return None


# "We are not open to C2C", "unable to offer sponsorships or do corp-to-corp": the terms this
# job is not offered on. And "Cradle to Career (C2C)" spells out an office, not a contract.
_REFUSAL_BEFORE = re.compile(
    r"(?i)\b(?:no|not|unable|cannot|can't|won't|don't|do not|does not|doesn't)\b[^.\n]{0,40}$"
)


def _not_refused_contract(doc: Doc, m: re.Match) -> bool:
    view = doc.view
    start, end = m.start(), m.end()
    if view[start - 1 : start] == "(" and view[end : end + 1] == ")":
        return False
    return not _REFUSAL_BEFORE.search(view, max(0, start - 60), start)


def _hires_part_time(doc: Doc, m: re.Match) -> bool:
    if not m.group("bare"):
        return True
    start = m.start()
    return _PART_TIME_HIRE_BEFORE.search(doc.view, max(0, start - 40), start) is not None


_ACCEPT = {"contract": _not_refused_contract, "part_time": _hires_part_time}
_REGULAR = re.compile(r"(?i)(?:regular[ ,-]+)?")
# Sections whose words are not about this job's terms (benefits: except full-time benefits).
_NOT_THE_JOB = frozenset({"legal", "related", "about_company", "benefits"})


def _first_outside_boilerplate(
    doc: Doc,
    pattern: re.Pattern,
    positions: list[int],
    *,
    allow_benefits: bool = False,
    accept: Callable[[Doc, re.Match], bool] | None = None,
) -> re.Match | None:
    """The first match of `pattern` at a trigger word (`positions`, sorted) or at the start of
    its line, outside the sections not about the job (and that `accept` takes, if given)."""
    if not positions:
        return None  # no trigger word (most postings, for most patterns)
    # A line that is only the type ("Full-Time" badge) starts after its bullet marks.
    positions = sorted({*positions, *(doc.line_at(p)[0] for p in positions)})
    for m in doc.match_at(pattern, positions):
        kind = doc.kind_at(m.start())
        if kind in _NOT_THE_JOB and not (kind == "benefits" and allow_benefits):
            continue
        if accept is not None and not accept(doc, m):
            continue
        return m
    return None


# --- seasons and year -------------------------------------------------------------------------

_SEASON = re.compile(r"(?i)\b(spring|summer|fall|autumn|winter)\b")
_SEASON_OF_JOB = re.compile(r"(?i)[ -](?:intern\w*|co-?op|analyst|program(?:me)?|work term)\b")
# "20" first, what may not stand before it checked after (the same test as a look back before
# it): a pattern opening with a literal lets the regex engine skip to it.
_YEAR = re.compile(r"(20(?<![\d$#.,/-]20)[2-4]\d)(?![\d%]|,\d)")
_GRADUATION = re.compile(
    # Whole words: "undergraduate students to join us for a Fall 2026 term" is no graduation.
    r"(?i)(?<![a-z])(?:"
    + alternation(
        r"graduat\w*|class of|expected|degree|grad date|completion|complete|completing|"
        r"enrolled|returning|return to|deadline|apply by|posted|copyright|©|founded|since"
    )
    + r")[^.\n]{0,30}$"
)
_COHORT_GRADUATE = re.compile(r"(?i)graduates?[ \t]*(?:class[ \t]*(?:of[ \t]*)?)?[(\[]?")
_CLASS_OF = re.compile(r"class\s+of\s+20[2-4]\d")
_BATCH_AFTER = re.compile(r"(?i)(?:\s*/\s*(?:20)?\d{2})?\s+batch\b")
_NEW_GRAD_WORDS = (" new", " recent", " university", " college")
_GRADUATION_IN_TITLE = re.compile(
    r"(?i)(?:graduat(?:ing|ion|ed|es)|class of|expected|grad date)[^.\n]{0,30}$"
)
_GRADUATION_AFTER = re.compile(
    r"(?i)[^.\n]{0,12}\b(?:graduat\w*|grads?)\b"
)  # .match(text, pos): no "^"
_SEASON_CONTEXT = re.compile(
    "(?i)"
    + word_start_alternation(
        r"intern\w*|co-?op|program(?:me)?|term|semester|quarter|start\w*|cohort|session|class|"
        r"season|placement|during|this|next|upcoming"
    )
    + r"\b"
)
_MONTH_NAME = (
    "(?:"
    + alternation(
        r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    )
    + ")"
)
_PROGRAM_WORD = alternation(
    r"internships?|interns?|co-?ops?|program(?:me)?|cohort|class|start(?:ing|s)?|begin(?:ning|s)?"
)
_START_WORD = re.compile(r"(?i)start|begin")
_INTERN_YEAR = re.compile(
    rf"(?i)\b(?:{_PROGRAM_WORD})\b[^.\n]{{0,30}}?\b(20[2-4]\d)\b"
    r"|\b(20[2-4]\d)\s+(?:summer\s+|fall\s+|spring\s+|winter\s+)?(?:internship|intern|co-?op|start|cohort|class|program)\b"
    # "(January - June 2026)", "between July and September 2026": a span of months is the
    # job's own period.
    rf"|\b{_MONTH_NAME}\.?\s*(?:-|–|to|through|and)\s*{_MONTH_NAME}\.?,?\s+(20[2-4]\d)\b"
)


def extract_seasons(
    doc: Doc, title: Found | None, employment_type: str | None = None
) -> list[Found]:
    """Seasons of the internship, in order of appearance: the title's, else the body's (not
    for a job of another type: "enrolled for the Spring term" asks a part-timer's studies)."""
    # Found once: the title and each section take their share of the same positions.
    triggers = doc.find_all(*_SEASON_TRIGGERS, word_start=True)
    if not triggers:
        return []  # no season word anywhere (most postings)
    if title is not None:
        found = _seasons_in(doc, triggers, title.start, title.end, require_context=False)
        if found:
            return found
        if (
            _NOT_AN_INTERNSHIP_TITLE.search(doc.view, title.start, title.end)
            # Not "full_time": boards badge internships so ("Job type: Full-time, Internship").
            or employment_type in ("part_time", "contract")
        ) and not _INTERN_TITLE.search(doc.view, title.start, title.end):
            # "Software Engineer, New Grad": "later starts through summer 2026 are fine" is
            # when a permanent job may start, not an internship's season.
            return []
    found = _seasons_in_body(doc, triggers, internship=False)
    intern_title = title is not None and _INTERN_TITLE.search(doc.view, title.start, title.end)
    # A page with no title ("Job Specifications") that is an internship all the same.
    if not found and (intern_title or (title is None and employment_type == "internship")):
        # Only when nothing plainer names the season: "Summer 2026" carries the year too.
        found = _seasons_in_body(doc, triggers, internship=True)
    return found


# A title naming a permanent or part-time hire, not an internship.
_NOT_AN_INTERNSHIP_TITLE = re.compile(
    r"(?i)\b(?:new (?:college )?grad(?:uate)?s?|early career|entry[- ]level|full[- ]time|"
    r"part[- ]time|contract|fresher|graduate (?:software|engineer|developer|program)|"
    r"working student|werkstudent)\b"
)


def _seasons_in_body(doc: Doc, triggers: list[int], *, internship: bool) -> list[Found]:
    found: list[Found] = []
    for block in doc.blocks:
        if block.kind in ("legal", "related", "about_company", "benefits", "application"):
            continue
        found.extend(
            _seasons_in(
                doc, triggers, block.start, block.end, require_context=True, internship=internship
            )
        )
    return _unique_values(found)


# "the summer of 2026"; "Summer '26" (the year's last two digits).
_OF_YEAR = re.compile(r" of 20[2-4]\d\b")
_SHORT_YEAR = re.compile(r" ?['’]([2-4]\d)\b")
# A year run into more digits: "2024-7224_", "2025-00417" (a requisition), not "2025-2026" or
# "2025-26" (an academic year).
_REQUISITION_AFTER = re.compile(r"[-_/](?!20[2-4]\d\b)\d{3,}")
_PAST_EVENT_AFTER = re.compile(
    r"(?i) (?:of )?20[0-4]\d,? (?:we|our \w+|the company) (?:held|launched|hosted|ran|had|"
    r"opened|started|began|introduced|piloted|celebrated|welcomed|raised|won)\b"
)
_COMING_SEASON = re.compile(r"(?i)\b(?:this|next|(?:the )?(?:up)?coming)\s+$")
_SEASON_TRIGGERS = ("spring", "summer", "fall", "autumn", "winter")


def _seasons_in(
    doc: Doc,
    triggers: list[int],
    start: int,
    end: int,
    *,
    require_context: bool,
    internship: bool = False,
) -> list[Found]:
    """Seasons named in [start, end); `triggers` are the sorted season-word positions.

    In an internship's posting, "this summer" / "the upcoming summer semester" is its season."""
    out: list[Found] = []
    hits = triggers[bisect.bisect_left(triggers, start) : bisect.bisect_left(triggers, end)][:200]
    if not hits:
        return out  # most sections name no season
    for m in doc.search_near(_SEASON, hits, 0, 8):
        if (
            not doc.view[m.start()].isupper()
            and require_context
            and not _YEAR.match(doc.view, m.end() + 1, m.end() + 6)
            and not _OF_YEAR.match(doc.view, m.end())
            and not _SEASON_OF_JOB.match(doc.view, m.end(), m.end() + 16)
            and not (
                internship and _COMING_SEASON.search(doc.view, max(0, m.start() - 14), m.start())
            )
        ):
            continue  # "this summer" in prose; labels write Summer, "summer 2026", "summer internship"
        line_start = doc.line_at(m.start())[0]
        if doc.view.startswith("Select", line_start):
            continue  # an application form's drop-down: "Select... (Fall 2025 / Spring 2026)"
        left = _unwrapped(doc.view[max(0, m.start() - 40) : m.start()])
        # A title's "(Graduate) - Summer 2026" names the hire's level; "Graduating Summer 2026"
        # is still a graduation.
        graduation = _GRADUATION if require_context else _GRADUATION_IN_TITLE
        if graduation.search(left) or _GRADUATION_AFTER.match(doc.view, m.end(), m.end() + 20):
            continue
        if _PAST_EVENT_AFTER.match(doc.view, m.end(), m.end() + 40):
            continue  # "In Spring 2023, we held our first Focus Week": the company's history
        if require_context and not _season_context(doc, m.start(), m.end()):
            continue
        name = m.group(1).capitalize()
        out.append(Found("Fall" if name == "Autumn" else name, m.start(), m.end()))
    return _unique_values(out)


def _unwrapped(text: str) -> str:
    """The text with a hard-wrapped line's break inside a sentence made a space ("graduating\n
    in summer 2028")."""
    return WRAPPED_BREAK.sub(" ", text) if "\n" in text else text


def _season_context(doc: Doc, start: int, end: int) -> bool:
    near = doc.view[max(0, start - 25) : end + 25]
    if _YEAR.search(near):
        return True
    if (
        doc.kind_at(start) == "start_dates"
        or "start" in (doc.sections.at(start).heading or "").lower()
    ):
        return True
    return bool(_SEASON_CONTEXT.search(near))


def _unique_values(found: list[Found]) -> list[Found]:
    seen, out = set(), []
    for f in found:
        if f.value not in seen:
            seen.add(f.value)
            out.append(f)
    return out


def extract_year(doc: Doc, title: Found | None, seasons: list[Found]) -> Found | None:
    """The year of the internship/start: the title's, else one tied to a season or start."""
    if title is not None:
        for m in _YEAR.finditer(doc.view, title.start, title.end):
            if _REQUISITION_AFTER.match(doc.view, m.end()):
                continue  # "2024-7224_QA Engineer II": a requisition number
            if _BATCH_AFTER.match(doc.view, m.end(), title.end):
                continue  # "Fresher (2025/2026 Batch)": the years the hires graduate in
            before = doc.view[max(0, m.start() - 40) : m.start()]
            # "New Graduate – Billing Platform (2026)": the role, not someone's graduation.
            graduation = _GRADUATION.search(before)
            if (
                graduation is None
                or (" " + before[: graduation.start()]).rstrip().lower().endswith(_NEW_GRAD_WORDS)
                # "PhD Graduate 2026": the hire's cohort, named as a noun, not a graduation
                or _COHORT_GRADUATE.fullmatch(before, graduation.start())
            ):
                return Found(int(m.group(1)), m.start(), m.end())
    votes: Counter[int] = Counter()
    first: dict[int, Found] = {}
    for season in seasons:
        for m in _YEAR.finditer(doc.view, max(0, season.start - 12), season.end + 12):
            year = int(m.group(1))
            votes[year] += 2
            first.setdefault(year, Found(year, m.start(), m.end()))
        short = _SHORT_YEAR.match(doc.view, season.end)
        if short:
            year = 2000 + int(short.group(1))
            votes[year] += 2
            first.setdefault(year, Found(year, short.start(1), short.end(1)))
    for m in doc.search_near(_INTERN_YEAR, doc.find_all("202", "203", "204"), 40, 50):
        if doc.is_boilerplate(m.start()):
            continue
        group = next(g for g in (1, 2, 3) if m.group(g))
        # A start word says whose year it is ("a graduate engineer starting February 2027").
        starts = _START_WORD.match(doc.view, m.start())
        if not starts and _GRADUATION.search(doc.view[max(0, m.start() - 40) : m.start()]):
            continue
        # "Class of 2025 or 2026": the years the hires graduate ("our 2026 intern class" is
        # the employer's own intake, and reads the other way round).
        if m.group(1) and _CLASS_OF.match(doc.lower, m.start()):
            continue
        if _REQUISITION_AFTER.match(doc.view, m.end(group)):
            continue
        year = int(m.group(group))
        votes[year] += 1
        first.setdefault(year, Found(year, m.start(group), m.end(group)))
    if not votes:
        return None
    best = max(votes, key=lambda y: (votes[y], -first[y].start))
    return first[best]


# --- degree levels --------------------------------------------------------------------------

# Each pattern opens with a class of its words' first characters (`word_start_alternation`):
# most positions of a window are passed over at C speed.
_DEGREES = (
    (
        "BS",
        re.compile(
            "(?i)"
            + word_start_alternation(
                r"bachelor'?s?\b|bachelors\b|b\.\s?[as]\.?(?:c\.?)?(?=[\s,/;)]|$)|b\.?S\.?c?\b(?=[\s,/;)]|$)|"
                # "BSEE", "BSCS": a bachelor of science in a named field.
                r"(?-i:BS(?:EE|CS|CE|ME|IE|ECE|CpE|IS|ChE)\b)|"
                # Named bachelor's degrees: applied science, computer science, fine arts,
                # business, commerce, mathematics, nursing, design.
                r"(?-i:B(?:ASc|CS|FA|BA|Comm?|Math|SN|SBA|Des)\b)|"
                r"(?-i:BA\b(?=\s*[/,]|\s+(?:or|degree|in|program(?:me)?|students?)\b))|b\.?eng\b|b\.?\s?tech\b|(?-i:B\.E\.?)(?=[\s,/;)]|$)|"
                r"undergrad(?:uate)?s?\b|"
                # An honours degree is a bachelor's (UK, Ireland, Canada, Australia).
                r"honou?rs degree\b|"
                r"junior (?:standing|year)\b|senior (?:standing|year)\b|rising (?:junior|senior)s?\b|"
                # "Junior or senior pursuing a degree": class years, not seniority.
                r"juniors? (?:or|and|/) seniors? (?:pursuing|students?|majoring|in college)\b|"
                r"seniors? (?:or|and|/) juniors? (?:pursuing|students?|majoring|in college)\b|"
                # "juniors+ and masters students", "juniors and above pursuing a degree": a class
                # year and those after it, when students are named.
                r"juniors?(?:\+|[ \t]+(?:and|or)[ \t]+(?:above|up|higher)\b)(?=[^.\n]{0,40}?\b(?:students?|"
                r"undergrad\w*|master'?s|college|university|pursuing|degree)\b)|"
                r"four[- ]year (?:college |university )?degree\b|4[- ]year (?:college |university )?degree\b"
            )
        ),
    ),
    (
        "MS",
        re.compile(
            "(?i)"
            + word_start_alternation(
                # "Scrum Master", "Master Electrician", "master data" name no degree.
                r"master'(?:s\b)?|(?<!scrum )(?<!web)masters?\b(?!\s+(?:certifi\w+|data|scheduler|class|plan|"
                r"electrician|plumber|mechanic|technician|craftsman|carpenter|barber|stylist|gardener|cook|chef))|"
                r"m\.\s?s\.?(?:c\.?)?(?=[\s,/;)]|$)|"
                r"(?-i:MS(?:EE|CS|CE|ME|IE|ECE|CpE|IS|ChE)\b)|"
                # A master of applied science. "MPH" is miles an hour, and "MFA" mostly multi-factor
                # auth: a master of fine arts only beside another degree (`_is_degree_mfa`).
                r"(?-i:MASc\b)|(?-i:MFA\b)|"
                # Microsoft's products are no master's: "MS Office", "MS-SQL", "MS SQL Server".
                # "Gulfport, MS." / "Jackson, MS 39201": Mississippi, after a town's name.
                r"(?-i:MS(?:c)?\b(?!(?<=[a-z], MS)[ \t]*(?:\d{5}\b|[.;)]|$|,[ \t]*(?:USA?|United States)\b))(?![\s-]+(?:Office|Excel|Word|SQL|Teams|Access|Project|Visio|Dynamics|Azure|Outlook|PowerPoint|Windows|365|Power|Exchange|SharePoint|Intune|Fabric|DOS)))|"
                # India's master of computer applications: "B.Tech/B.E. or MCA".
                r"m\.?eng\b|m\.?\s?tech\b|(?-i:M\.E\.?)(?=[\s,/;)]|$)|mBA\b|(?-i:MCA\b)|post-?graduate\b|graduate (?:degree|student|studies|study|school|level|coursework)s?\b|"
                # Not the employer's own graduate scheme: "our 2026 Graduate Program" hires new grads.
                r"(?<!our )(?<!\d )graduate program(?:me)?s?\b(?!\s+20\d\d)|"
                # "Undergraduate/Graduate": the word first, then what stands before it, so that the
                # look back runs only where the word is (not at every position of a window).
                r"graduate\b(?<=undergraduate/graduate)|graduate\b(?<=undergraduate or graduate)|"
                r"grad\b(?<=undergrad/grad)"
            )
        ),
    ),
    (
        "PhD",
        re.compile(
            "(?i)" + word_start_alternation(r"ph\.?\s?d\.?(?=[\s,/;)s]|$)|doctorate\b|doctoral\b")
        ),
    ),
)
_DEGREE_EXCLUDE_LEFT = re.compile(
    r"(?i)(?:tuition|reimburse\w*|scholarship)[^.\n]{0,40}$"
    # A plan for later, not a degree held or pursued: "Interest in pursuing graduate school".
    r"|\b(?:interest(?:ed)? in|plan(?:s|ning)? (?:to|for|on)|consider\w*|prepar\w* for)"
    r"(?: (?:pursuing|attending|applying to|going to))? $"
)
# A count of the people a lab or team already has: "9 graduate students", "two PhD students".
_HEADCOUNT_BEFORE = re.compile(
    r"(?i)\b(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens of|several)[ \t]+$"
)
_STUDENTS_AFTER = re.compile(r"(?i)[ \t]+(?:students|researchers)\b")
# "(Master's and undergraduate students are not eligible for this role)": ruled out, not asked
# for; and sent elsewhere: "PhD candidates should apply to our Research Scientist roles instead".
# Sent elsewhere in other words too: "PhD students:** this role isn't for you", "should apply to
# the separate ... PhD posting rather than this one", "to our Research Internship, which has a
# different timeline".
_DEGREE_EXCLUDE_RIGHT = re.compile(
    r"(?i)(?:[ \t]+(?:students?|candidates?|applicants?))?[:*\s]{0,6}"
    r"[^.;:\n()]{0,60}?\b(?:not eligible|ineligible|(?:will|are) not be(?:ing)? considered"
    r"|not accepted|(?:is not|isn't|isn’t) for you"
    r"|(?:should|please|can|may) (?:apply (?:to|for|via|through)|look at|see|consider) [^.;:\n()]{0,80}?"
    r"\b(?:instead|rather than|separate(?:ly)?|different)\b)"
)


_DEGREE_TRIGGERS = (
    "bachelor",
    "master",
    "undergrad",
    "honours degree",
    "honors degree",
    "graduate",
    "post",
    "ph.",
    "phd",
    "ph d",
    "doctor",
    "b.s",
    "b. s",
    "b.a",
    "b. a",
    "bs",
    "ba",
    "bcs",
    "bba",
    "bfa",
    "bcom",
    "bmath",
    "bdes",
    "masc",
    "m.s",
    "m. s",
    "ms",
    "mba",
    "mfa",
    "b.eng",
    "beng",
    "m.eng",
    "meng",
    "b.tech",
    "btech",
    "b. tech",
    "b.e.",
    "m.tech",
    "mtech",
    "m. tech",
    "m.e.",
    "junior",
    "senior",
    "rising",
    "four-year",
    "four year",
    "4-year",
    "4 year",
)


def _may_name_degree(lower: str, pos: int) -> bool:
    """Cheap test before the degree patterns run: most "ba", "senior" and "post" that start a
    word are "based", "Senior Engineer" and "posting" (this halves the parser's degree time)."""
    if lower.startswith("ba", pos) and not lower.startswith(("bachelor", "basc"), pos):
        return not lower[pos + 2 : pos + 3].isalpha()  # "BA", "BA/BS", not "based"
    if lower.startswith(("senior", "junior"), pos):
        return (
            lower.startswith((" standing", " year"), pos + 6)
            or lower.endswith("rising ", 0, pos)
            or _CLASS_YEAR_PAIR.match(lower, pos) is not None
            or _JUNIORS_AND_UP.match(lower, pos) is not None
        )
    if lower.startswith("post", pos):
        return _POSTGRAD_START.match(lower, pos) is not None
    return True


_POSTGRAD_START = re.compile(r"post-?\s?grad")
_CLASS_YEAR_PAIR = re.compile(r"(?:junior|senior)s? (?:or|and|/) (?:junior|senior)")
_JUNIORS_AND_UP = re.compile(r"juniors?(?:\+|[ \t]+(?:and|or)[ \t]+(?:above|up|higher))")
# A board's page that copies the employer's own posting under its summary: "Original Job
# Post", "Original posting (from company site)". The board's digest above it paraphrases.
_ORIGINAL_POST = re.compile(
    r"(?im)^[ \t*#>-]*original[ \t]+(?:job[ \t]+)?post(?:ing)?(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*:?[ \t]*$"
)


def extract_degree_levels(doc: Doc, title: Found | None) -> list[Found]:
    """BS / MS / PhD named as what candidates hold or pursue, in the conventions' order.

    Where a board copies the employer's posting below its own summary, the posting's degrees
    answer when it names any."""
    lower = doc.lower
    positions = [
        p
        for p in doc.trigger_starts("degree_words", _DEGREE_TRIGGERS, word_start=True)
        if _may_name_degree(lower, p)
    ]
    glued = _glued_body_starts(doc)
    if not positions and not glued:
        return []
    original = doc.find_all("original post", "original job post")
    if original:
        m = _ORIGINAL_POST.search(doc.view, doc.line_at(original[0])[0])
        if m is not None:
            below = _degrees_found(
                doc,
                [p for p in positions if p >= m.end()],
                [p for p in glued if p >= m.end()],
            )
            if below:
                return below
    return _degrees_found(doc, positions, glued)


def _glued_body_starts(doc: Doc) -> list[int]:
    """Where a section's body starts glued to its heading with a degree word ("What You
    BringBachelor's degree in ..."), a page stripped of its markup: no word starts there."""
    view, lower = doc.view, doc.lower
    return [
        block.body_start
        for block in doc.blocks
        if block.heading is not None
        and 0 < block.body_start < len(view)
        and view[block.body_start - 1].isalnum()
        and lower.startswith(_DEGREE_TRIGGERS, block.body_start)
        and _may_name_degree(lower, block.body_start)
    ]


def _degrees_found(doc: Doc, positions: list[int], glued: list[int]) -> list[Found]:
    found: dict[str, Found] = {}
    view = doc.view
    for level, pattern in _DEGREES:
        sent_away: set[int] = set()  # sentences that send this level elsewhere
        for start, end, text in _degree_matches(doc, pattern, positions, glued):
            kind = doc.kind_at(start)
            if kind in ("benefits", "legal", "related", "about_company"):
                continue
            if _DEGREE_EXCLUDE_LEFT.search(view[max(0, start - 60) : start]):
                continue
            if _HEADCOUNT_BEFORE.search(view, max(0, start - 12), start) and (
                text.lower().endswith("students") or _STUDENTS_AFTER.match(view, end)
            ):
                continue  # "the lab includes 3 postdocs, 9 graduate students": who is there
            if _DEGREE_EXCLUDE_RIGHT.match(view, end):
                sent_away.add(doc.sentence_at(start)[0])
                continue
            if sent_away and doc.sentence_at(start)[0] in sent_away:
                continue  # "... should apply to the separate Intern, PhD posting rather than this one"
            if text == "MFA" and not _is_degree_mfa(doc, start, end):
                continue
            found.setdefault(level, Found(level, start, end))
            break
    return [found[level] for level in ("BS", "MS", "PhD") if level in found]


def _degree_matches(doc: Doc, pattern: re.Pattern, positions: list[int], glued: list[int]):
    """(start, end, text) of each match of `pattern` near `positions`, then at each glued body
    start (matched in a slice, whose start is a word start)."""
    for m in doc.search_near(pattern, positions, 16, 40):
        yield m.start(), m.end(), m.group()
    for pos in glued:
        m = pattern.match(doc.view[pos : pos + 80])
        if m is not None:
            yield pos + m.start(), pos + m.end(), m.group()


# "MFA degree", "MFA students", "MFA program": the degree, whatever stands around it.
_MFA_AS_DEGREE = re.compile(
    r"[ \t]+(?:degree|program(?:me)?|students?|candidates?|graduates?|holders?)\b", re.IGNORECASE
)
# A list's joint between two degrees: "BFA/MFA", "BS, MFA, or MDes", "BFA or MFA".
_DEGREE_JOINT = r"[ \t]*(?:/|&|,|\bor\b|\band\b)[ \t]*(?:(?:or|and)[ \t]+)?"
_WORD_BEFORE_JOINT = re.compile(rf"(?i)(?:^|(?<=[\s(]))([a-z][\w.']*){_DEGREE_JOINT}$")
_WORD_AFTER_JOINT = re.compile(rf"(?i){_DEGREE_JOINT}(?=[a-z])")


def _is_degree_mfa(doc: Doc, start: int, end: int) -> bool:
    """Whether the "MFA" at [start, end) is a master of fine arts: said so ("MFA degree"), or
    listed next to another degree ("BFA/MFA", "a BS, MFA or MDes"), not multi-factor auth."""
    view = doc.view
    if _MFA_AS_DEGREE.match(view, end):
        return True
    neighbours = []
    before = _WORD_BEFORE_JOINT.search(view, max(0, start - 24), start)
    if before:
        neighbours.append(before.start(1))
    after = _WORD_AFTER_JOINT.match(view, end)
    if after:
        neighbours.append(after.end())
    return any(
        pattern.match(view, pos) is not None and view[pos : pos + 3] != "MFA"
        for pos in neighbours
        for _, pattern in _DEGREES
    )


# --- duration -------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
}
_NUMBER_WORD_LIST = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_NUM = r"(?:\d{1,2}|" + alternation(_NUMBER_WORD_LIST) + ")"
# "\b" and the first number (\d{1,2} is \d\d?), opening with a class of first characters.
_FIRST_NUM = word_start_alternation(r"\d\d?|" + _NUMBER_WORD_LIST)
# A range's or alternative's second number: "10-12", "12 to 14", "4 or 8", and after a suspended
# hyphen "16- to 24-week", "4- or 8-month" (the first number is the lower bound).
_DURATION = re.compile(
    rf"(?i)(?P<n>{_FIRST_NUM})(?:\s*\(\d{{1,2}}\))?(?:\s*(?:-\s*(?:to|or|and)\b|-|to|or)\s*(?P<m>{_NUM})(?:\s*\(\d{{1,2}}\))?)?\+?[\s-]*"
    # "10 consecutive weeks", "12 full weeks": a word for how the weeks run may come between.
    r"(?:(?:consecutive|full|paid|working)\s+)?(?P<unit>weeks?|wks?|months?|years?)\b"
)
# A length in years is rarer than years of experience: only as a label's value ("Duration:
# 1 year") or naming the job's term ("a one-year placement", "2-year fixed-term contract").
_LENGTH_LABEL = re.compile(r"(?i)\b(?:duration|length|term)\s*[:：]\s*$")
_YEARS_CONTEXT = re.compile(
    r"(?i)(?:fixed[- ]term |paid |full[- ]time )?(?:contract|program(?:me)?|internship|placement|"
    r"apprenticeship|co-?op|secondment|assignment)\b"
)
_FREQUENCY = re.compile(
    "(?i)"
    + word_start_alternation(
        r"every\s+(?:other\s+|\d{1,2}\s+|two\s+|few\s+)?(?:days?|weeks?|months?)\b"
    )
)
_DURATION_CONTEXT = re.compile(
    "(?i)"
    + word_start_alternation(
        r"intern\w*|program(?:me)?|period|commit\w*|duration|assignment|contract|length|long|runs?|"
        r"lasting|lasts|terms? last|term|co-?op|placement|project|engagement|position|role|full[- ]time|session|"
        # "You are available for 5 to 6 months", "Ability to work on-site for 10 to 12 weeks":
        # the time the job asks for.
        r"available|availability|able to work|ability to work|"
        # "We're looking for a PhD student to spend 12 weeks with our team this summer".
        r"spend"
    )
    + r"\b"
)
_NOT_DURATION = re.compile(
    "(?i)"
    + word_start_alternation(
        r"leave|pto|vacation|paid time|time off(?!-)|notice|holiday|sick|parental|maternity|paternity|"
        r"bereavement|every|after|first|per year|a year|annually|probation\w*|training|"
        # "a two-week graduate induction": the program's first part, not its length.
        r"onboarding|induction|orientation|curriculum|course|bootcamp|boot camp|old|ago|prior|advance|deadline|response|hear back|review|process|bonus|"
        r"severance|benefit\w*|eligib\w*|waiting|rotation|on-call|ramp-?up|ramp|sprints?|(?<!off-)cycles?|"
        r"shifts?|of tenure"
    )
    + r"\b"
)
# "within 2 weeks" is a deadline; after the length ("a 10-week internship within our Data
# team") the word says where, not when.
_WITHIN_BEFORE = re.compile(r"(?i)\bwithin\b")
# "for 12 weeks beginning May 18", "10 weeks, starts June 8": a length with its start date.
_STARTS_AFTER = re.compile(
    rf"(?i)[ \t]*,?[ \t]*(?:begin(?:ning|s)?|start(?:ing|s)?|commenc(?:ing|es))"
    rf"(?:[ \t]+(?:on|in|from))?[ \t]+(?:{_MONTH_NAME}\b|\d)"
)


# A hybrid rota: "1 week in office 2 weeks WFH", "2 weeks on-site, 2 weeks remote".
_WORK_MODE_AT = (
    r"(?:in[- ](?:the )?office|on[- ]?site|wfh|(?:working |work )?from home|remote(?:ly)?)"
)
_WORK_MODE = re.compile(rf"(?i)\s*{_WORK_MODE_AT}\b")
_ROTA = re.compile(
    rf"(?i)\b\d+\s*weeks?\s+{_WORK_MODE_AT}[\s,;/&+]+(?:and\s+)?\d+\s*weeks?\s+{_WORK_MODE_AT}"
)
# "6 months of relevant experience", "experience of 3 months": a requirement, not a length; a
# team named "Patient Experience" before "for 10 weeks" is no such thing.
_FLOOR = re.compile(r"\D*\d+\s*\+")
_EXPERIENCE_AFTER = re.compile(r"(?i)\s*(?:of\s+)?(?:[\w-]+\s+){0,4}experience\b")
_EXPERIENCE_BEFORE = re.compile(
    "(?i)" + word_start_alternation(r"experience\s+(?:of|for)?\s*(?:at least|over|about)?\s*$")
)

# "(at least one 4-month term)", "completed a 4-month co-op": a past term asked for, not this one.
_PAST_TERM_BEFORE = re.compile(
    r"(?i)\b(?:at least one|previous|prior|completed|completion of)\s+(?:an?\s+)?$"
)


_INTERNSHIP_IS_A = re.compile(
    r"(?i)\b(?:internship|co-?op|placement|program(?:me)?)\s+(?:is|will be)\s+(?:an?\s+)?$"
)
# A line of the job's terms under "What we offer": "• Start: 01.03.2026, for at least 12 months".
_TERMS_LABEL = re.compile(
    r"(?i)[ \t*•·-]*(?:start(?:ing)?(?: date)?|duration|length|contract length|term|program(?:me)?)[ \t]*:"
    r"|[ \t*•·-]*(?:internship |contract |placement )?(?:duration|length) of\b"
)


# A length that names the internship itself ("our 10-week summer internship"): this job's own,
# even in a company blurb, where other lengths ("5 years ago", "a 12-week sprint") are not.
_LENGTH_OF_INTERNSHIP = re.compile(
    r"(?i)[ \t-]+(?:(?:paid|summer|fall|autumn|winter|spring|full[- ]time)[ \t]+){0,2}"
    r"(?:internships?|co-?ops?)\b"
)


def extract_duration_weeks(doc: Doc, title: Found | None = None) -> Found | None:
    """Stated length in weeks; months -> round(months x 52/12); explicit weeks win over months.

    A length in the title ("Data Intern (6 months)") counts wherever the title stands."""
    # The first length of each unit that passes; weeks win over months, months over years.
    # Cheap tests run first: most matches are "5+ years of experience", turned away by their
    # number alone (every test is a plain filter, so their order changes no answer).
    first: dict[str, Found] = {}
    for m in doc.search_near(_DURATION, doc.find_all("week", "wk", "month", "year"), 48, 10):
        unit = m.group("unit")[0].lower()  # "w", "m" or "y"
        if unit in first:
            continue  # an earlier length in this unit already answers for it
        low = _to_int(m.group("n"))
        weeks = _in_weeks(low, unit) if low else None
        if weeks is None:
            continue
        kind = doc.kind_at(m.start())
        if (
            kind in ("benefits", "legal", "related", "about_company")
            and not (title is not None and title.start <= m.start() < title.end)
            and not (kind == "about_company" and _LENGTH_OF_INTERNSHIP.match(doc.view, m.end()))
            # The job's terms as a labelled line under "What we offer" or SmartRecruiters'
            # "Additional Information" (read as legal text): "Program: The internship runs ...".
            and not (
                kind in ("benefits", "legal")
                and _TERMS_LABEL.match(doc.view, doc.line_at(m.start())[0])
            )
        ):
            continue
        if _names_job_length(doc, m, unit):
            first[unit] = Found(weeks, m.start(), m.end())
            if unit == "w":
                break  # nothing later can beat the first length in weeks
    for unit in ("w", "m", "y"):
        if unit in first:
            return first[unit]
    return None


def _in_weeks(low: int, unit: str) -> int | None:
    """A stated length in weeks, or None when the number is no length in that unit."""
    if unit == "w":
        return low if 1 <= low <= 104 else None
    if unit == "m":
        return round(low * 52 / 12) if 1 <= low <= 36 else None
    return low * 52 if low <= 2 else None


def _names_job_length(doc: Doc, m: re.Match, unit: str) -> bool:
    """Whether a "N weeks/months/years" match states how long the job lasts."""
    sentence_start, sentence_end = doc.sentence_at(m.start())
    sentence = doc.view[sentence_start:sentence_end]
    left = doc.view[max(sentence_start, m.start() - 40) : m.start()]
    # "feedback every 2 weeks during the 10-week program": a frequency is no cue against
    # the length after it.
    left = _FREQUENCY.sub(" ", left)
    right = doc.view[m.end() : min(sentence_end, m.end() + 30)]
    # "a six-month co-op rotation": a length said of the internship itself is its length,
    # whatever word follows ("rotation" alone is one of a rotational program's parts).
    of_internship = _LENGTH_OF_INTERNSHIP.match(doc.view, m.end(), sentence_end) or (
        _INTERNSHIP_IS_A.search(left)  # "The Winter/Spring 2027 co-op is a six-month rotation"
    )
    if (
        _NOT_DURATION.search(left)
        or (not of_internship and _NOT_DURATION.search(right))
        or _WITHIN_BEFORE.search(left)
    ):
        return False
    if (
        _EXPERIENCE_AFTER.match(doc.view, m.end(), sentence_end)
        or _EXPERIENCE_BEFORE.search(left)
        or _PAST_TERM_BEFORE.search(left)
    ):
        return False
    if "+" in m.group(0) and _FLOOR.match(m.group(0)):
        return False  # "6+ months of ...": a floor, not a job's length ("6-12+ months" is one)
    if _WORK_MODE.match(right) and _ROTA.search(sentence):
        return False  # "1 week in office 2 weeks WFH": how weeks are split, not how many
    if not (
        _DURATION_CONTEXT.search(sentence)
        or doc.kind_at(m.start()) == "program"  # "How long is the internship?" answered
        or _in_short_line_with_context(doc, m.start())
        or _STARTS_AFTER.match(doc.view, m.end(), sentence_end)
        or _TERMS_LABEL.match(doc.view, doc.line_at(m.start())[0])
    ):
        return False
    if unit != "y":
        return True
    return bool(
        _LENGTH_LABEL.search(left)
        or ("-" in m.group(0) and _YEARS_CONTEXT.match(right.lstrip(" ,")))
    )


def _in_short_line_with_context(doc: Doc, pos: int) -> bool:
    """A board's meta line ("Berlin, Germany · Full-time internship · 6 months"), or a short
    line that opens with the length ("- 4 months, starting September 8")."""
    line_start, line_end = doc.line_at(pos)
    if line_end - line_start > 120:
        return False
    # Bullets and emoji may open it: a chat's "🗓️ 10 weeks, starts June 8".
    opens_line = not any(char.isalnum() for char in doc.view[line_start:pos])
    return opens_line or bool(_DURATION_CONTEXT.search(doc.view, line_start, line_end))


def _to_int(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)
