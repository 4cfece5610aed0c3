"""Dates: the page's own date, when the posting was posted, and when the job starts.

Dates are found by pattern ("May 11th, 2026", "Monday, May 12", "2026-05-11", "05/11/2026")
and read with dateutil. A start date is a date in a "Start Dates" section or after a start
word ("start", "begin", "first day") in its sentence; holidays in parentheses, end dates,
deadlines and graduation dates are not. A start date without a year takes the posting's
year. Relative posted dates ("Posted: 2 days ago") count back from the page's date, else
from the caller's as-of date.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from etl.parse.doc import Doc, Found

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
# A page stripped of its markup runs a list together: "Start Dates:May 18th, 2026June 1st,
# 2026August 24th, 2026". A capitalised month word may follow a year's last digit, and a year
# may end where such a word begins.
_DATE = re.compile(
    rf"(?i)(?:(?<![\w/])|(?<=\d)(?-i:(?=[A-Z][a-z])))(?:(?P<weekday>{_WEEKDAY}),?\s+)?"
    rf"(?:(?P<mname>{_MONTH})\.?\s+(?P<mday>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<myear>(?:19|20)\d{{2}})|\s?'\s?(?P<mshort>\d{{2}}))?"
    # Day first, and with dashes: "14-Oct-2025". Not a lower-case "may": "on July 6 may be".
    rf"|(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<dname>(?!(?-i:may)\b){_MONTH})\.?(?:(?:,?\s+|-)(?P<dyear>(?:19|20)\d{{2}})|(?:\s?'\s?|-)(?P<dshort>\d{{2}}))?"
    # Year first: ISO, and the slashes or dots of Japanese, Chinese and Korean pages.
    r"|(?P<iso>(?:19|20)\d{2}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,2})"
    r"|(?P<us>\d{1,2}/\d{1,2}/(?:19|20)?\d{2})"
    # Day first with dots or dashes and a full year: how German, French, Dutch, Indian...
    # pages write dates ("14.10.2025", "14-10-2025").
    r"|(?P<eu>\d{1,2}(?P<eusep>[.-])\d{1,2}(?P=eusep)(?:19|20)\d{2}))(?:(?![\w/])|(?<=(?:19|20)\d\d)(?-i:(?=[A-Z][a-z])))"
)
_START_CUE = re.compile(
    r"(?i)\b(?:start(?:s|ing)?|begin(?:s|ning)?|commenc\w*|first day|onboard\w*|kick(?:s)?[- ]?off|report(?:ing)? date|"
    # The US federal service's start date: "Projected entry on duty: June 1, 2026".
    r"entry on duty|eod date|"
    # India's word for the first day: "Joining Date: 12 January 2026", "Date of joining".
    r"joining date|date of joining|join(?:s|ing) on|"
    # "Fellows arrive Monday, June 1, 2026".
    r"(?:interns?|fellows?|co-?ops?|students?|participants?|cohorts?) arrive)\b"
    # A cohort's own label: "Cohort 1: Monday, June 1".
    r"|\bcohort(?:[ \t]+(?:\d{1,2}|[A-C]))?(?=[ \t]*:)"
)
_NOT_START_CUE = re.compile(
    # "graduating", "graduation", "graduates in May": not "our graduate programme begins on".
    r"(?i)\b(?:end(?:s|ing)?|through|until|thru|deadline|apply by|closes?|closing|due|posted|"
    # The period's other end: "begins on June 1 and concludes on August 7", "wraps up on",
    # "Final presentations: week of August 4".
    r"conclud\w*|finish(?:es|ing)?|wraps?[ \t]+up|wrapping[ \t]+up|(?:last|final)[ \t]+day|"
    r"final[ \t]+(?:presentations?|showcase|demos?)|showcase|demo[ \t]+day|"
    r"graduat(?:ion|ing|ed)\w*|graduates?[ \t]+(?:in|by|on|before|from)|"
    r"expire\w*|no later than|before|submit|interview\w*|offer|holiday|memorial|independence|labor day|"
    r"thanksgiving|christmas|juneteenth|closed|closure)\b"
)
# A line that labels its date as the start: "Start date:", "Internship start:", "Starting:".
_START_LABEL = re.compile(
    r"(?i)[ \t*-]*(?:[\w-]+[ \t]+){0,2}(?:start(?:ing)?(?:[ \t]+date)?|begin|commencement|"
    r"joining date|date of joining)[ \t]*:[ \t]*"
)
_WINDOW = re.compile(r"(?i)\bbetween\b|\b(?:any ?time|anywhere) (?:from|between|in)\b")
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
# Words that make a date range the job's own period (not an application window).
_JOB_PERIOD_CUE = re.compile(
    r"(?i)\b(?:intern\w*|co-?op|program(?:me)?|term|placement|assignment|session|cohort|"
    r"(?:work|employment) period|runs?|dates?|schedule|available|availability|duration)\b"
)
_NOT_JOB_PERIOD_CUE = re.compile(
    r"(?i)\b(?:apply|applications?|applicants?|accept\w*|open|submi\w*|interview\w*|recruit\w*|hiring|review\w*|event|"
    r"fair|webinar|info(?:rmation)? session|assessment)\b"
)
# Between a range's two dates; the first may carry its weekday ("January 13, 2026 (Tue) -").
_RANGE_END = re.compile(
    rf"(?i)^[ \t]*(?:\([ \t]*{_WEEKDAY}\.?[ \t]*\)[ \t]*)?(?:-|to|through|until|thru)[ \t]*$"
)
# "2 days ago", and boards' short forms: "5d ago", "3h ago", "2w ago", "1mo ago".
_AGE = (
    r"(?P<n>\d{1,3}|an?|one)\+?(?:\s+(?P<unit>minute|hour|day|week|month|year)s?"
    r"|\s?(?P<short>mins?|hrs?|h|d|wks?|w|mos?|yrs?|y)\+?)\s+ago"
)
_SHORT_UNITS = {
    "min": "minute",
    "hr": "hour",
    "h": "hour",
    "d": "day",
    "wk": "week",
    "w": "week",
    "mo": "month",
    "yr": "year",
    "y": "year",
}
# "Job Posting" is a date label only before a colon (Taleo's "Job Posting: Oct 21, 2025"); in
# a sentence it is the posting itself ("This job posting closes ..."). So is a status line's
# "Opened: 2025-10-02" ("the role opened in May" is no label).
_POSTED = re.compile(
    rf"(?i)\b(?:re)?posted(?:\s+(?:on|date))?\s*[:：]?\s*(?P<rel>{_AGE}"
    r"|today|yesterday|just now)|\b(?P<just>just posted)\b"
    # A glued meta line's label opens right after the last value: "R-26-0419Posted: 11/03/2025".
    r"|(?:\b|(?<=[a-z0-9])(?-i:(?=Posted\b)))(?:date\s+posted|posted\s+(?:on|date)|posting\s+date|published(?:\s+on)?|(?:re)?posted|"
    r"opening\s+date|date\s+opened|(?:job\s+posting(?:\s+date)?|opened|issued|announcement\s+date|publication\s+date|open\s+date|listed)(?=\s*[:：])|"
    # Taleo's field pairs, the date on the next line: "Job Posting\nOct 15, 2025, 9:00:00 AM".
    rf"job\s+posting(?:\s+date)?(?=[ \t]*\n[ \t]*(?:{_MONTH}\b|\d{{1,4}}[/.-]\d))|"
    # A board's "Added Oct 21, 2025  ·  Closes Jan 9, 2026" (not "added 3 offices").
    rf"added(?=\s+(?:on\s+)?(?:{_MONTH}\b|\d{{1,4}}[/.-]\d))|"
    # The day a posting opened: "Posting Open Date: Nov 24, 2025", and the first date of USAJOBS'
    # "Open & closing dates 11/17/2025 to 12/01/2025" (the close date is the deadline).
    r"(?:posting|job|position|vacancy|announcement)\s+open\s+date|"
    r"open(?:ing)?\s*(?:&|and|/)\s*clos(?:e|ing)\s+dates?)\s*[:：]?\s*(?P<abs>[^\n]{6,40})"
)
# A board's meta line that starts with the age of the posting: "1 week ago · Over 100 applicants".
# LinkedIn's top card puts it among other fields: "Pittsburgh, PA · 3 weeks ago · Over 100
# applicants" (the matching view writes "·" as "*").
_AGO_LINE = re.compile(
    rf"(?im)^(?:[^\n*|]{{0,80}}?(?:[*|]| - |[ \t]{{2}}))?[ \t*-]*(?:(?:re)?posted\s*|added\s*|listed\s*)?(?P<rel>{_AGE})"
)
_PAGE_DATE_LINE = re.compile(
    rf"(?i)^\s*(?:(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/(?:19|20)\d{2})\s*$"
)
# When a saved or printed page was taken: a browser's print header ("10/18/25, 2:14 PM  <page
# title>"), a note of the copy ("Copied from Handshake on Tue Nov 4 2025"), or the day an
# email bringing the posting was sent ("Date: Monday, November 17, 2025 at 8:02 AM").
# A print header that writes the month: "Jan 15, 2026, 11:20 AM      <page title>",
# "Tue, Jan 13, 2026        <page title>".
_MONTH_PRINT_HEADER = (
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}"
    # ... or set off by a bar: "Friday, November 14, 2025 | JobScout".
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:[ \t]{3,}|\t|[ \t]+\|[ \t]+)(?=\S)"
)
_ONE_LINE_PAGE = 1500  # characters on a first line that holds the whole page
_DATED_OPENING = re.compile(
    rf"(?i)\s*{_WEEKDAY},?\s+{_MONTH}\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b"
)
PAGE_DATE_NOTE = re.compile(
    r"(?i)^\s*(?:\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?!\w)"
    rf"|{_MONTH_PRINT_HEADER}"
    r"|(?:date|sent)[ \t]*:(?=[ \t]*\w)"
    r"|(?:copied|saved|printed|retrieved|accessed|captured|downloaded|clipped)\b[^\n]{0,60}?\b(?:on|at)\b"
    # "copied Mon, Nov 3, 2025 from LinkedIn saved jobs": the date right after the word.
    rf"|(?:copied|saved|printed|clipped)[ \t]+(?={_WEEKDAY}\b|{_MONTH}\b)"
    # A newsletter's issue line: "Issue #47 · Monday, November 17, 2025".
    r"|(?:issue|edition|volume|vol\.)[ \t]*(?:no\.?[ \t]*)?#?\d+[ \t]*[*|,—–-])"
)
# The same, alone, for the header's furniture test: "date:" and "copied on" lines are no furniture.
PRINT_HEADER_WITH_MONTH = re.compile(rf"(?i)^\s*{_MONTH_PRINT_HEADER}")
_HOLIDAY_PAREN = re.compile(r"\([^()]{0,60}$")
# What may stand before a date range on its line for the lines above to label it: nothing
# (bullets aside), or a short label of its own ("New York and Chicago:", "Cohort B:").
_RANGE_LINE_LABEL = re.compile(r"[ \t*-]*(?:[^\n.:;!?]{1,40}:[ \t]*)?")


_MONTH_TRIGGERS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_DIGIT = re.compile(r"\d")
_NUMERIC_DATE_HINT = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}")
# The hint's tail: a pattern that starts at a separator scans about 3x faster than one that
# starts at any digit, and a text without it has no numeric date at all.
_NUMERIC_DATE_TAIL = re.compile(r"[-/.]\d{1,2}[-/.]\d{2,4}")


def find_dates(doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, dict]]:
    """Every date-looking span in [start, end) with its parts."""
    end = len(doc.view) if end is None else end
    if end - start < 200:
        return [(m.start(), m.end(), m.groupdict()) for m in _DATE.finditer(doc.view, start, end)]
    positions = [p for p in _month_word_starts(doc) if start <= p < end]
    if _has_numeric_date_tail(doc, start, end):
        positions += [m.start() for m in _NUMERIC_DATE_HINT.finditer(doc.view, start, end)]
    positions.sort()
    return [
        (m.start(), m.end(), m.groupdict())
        # Every date form has a digit: a month word with none near it ("marketing", "you may")
        # starts no date.
        for m in doc.search_near(_DATE, positions, 16, 24, needs=_DIGIT)
        if start <= m.start() and m.end() <= end
    ]


def _month_word_starts(doc: Doc) -> list[int]:
    """Where a word starts with a month's first three letters: what
    `doc.find_all(*_MONTH_TRIGGERS, word_start=True)` gives, as one vocabulary's hits."""
    lower = doc.lower
    # Every key is three letters long, so the starts come in order, one per hit.
    starts = [end - 2 for end, _ in doc.vocabulary_hits("month_triggers", _month_keys)]
    view = doc.view
    return [
        i
        for i in starts
        if i == 0
        or not lower[i - 1].isalnum()
        # "2026June 1st": a run-together list's next date (see `_DATE`).
        or (lower[i - 1].isdigit() and view[i].isupper())
    ]


def _month_keys() -> dict[str, None]:
    return dict.fromkeys(_MONTH_TRIGGERS)


def _has_numeric_date_tail(doc: Doc, start: int, end: int) -> bool:
    """Whether view[start:end] holds a numeric date's tail ("/11/2026", "-05-11")."""
    view = doc.view
    if not view.isascii():
        return _NUMERIC_DATE_TAIL.search(view, start, end) is not None
    # A scan of the whole text costs ~30 us; in ASCII text (where \d is 0-9) a tail starts at a
    # separator and a digit, which the Doc's shared pass has found: try the pattern only there.
    for hit_end, _ in doc.vocabulary_hits("separator_digits", _separator_digits):
        tail_start = hit_end - 1
        if start <= tail_start < end and _NUMERIC_DATE_TAIL.match(view, tail_start, end):
            return True
    return False


def _separator_digits() -> dict[str, None]:
    """Where a numeric date's tail can start in ASCII text: a separator, then a digit."""
    return dict.fromkeys(f"{separator}{digit}" for separator in "-/." for digit in "0123456789")


def to_date(
    parts: dict, default_year: int | None, day_first: bool = False
) -> tuple[dt.date | None, bool]:
    """(date, year_was_stated). Missing year -> default_year; None when it cannot be read.
    `day_first` reads "05/01/2026" as 5 January (the page writes its dates that way)."""
    year_text = parts.get("myear") or parts.get("dyear")
    short_year = parts.get("mshort") or parts.get("dshort")  # "6th Nov'25", "May '26"
    if short_year:
        year_text = f"20{short_year}"
    try:
        if parts.get("iso"):
            return dt.date.fromisoformat(_pad_iso(parts["iso"])), True
        if parts.get("us"):
            parsed = date_parser.parse(parts["us"], dayfirst=day_first)
            return parsed.date(), True
        if parts.get("eu"):
            day, month, year = (int(x) for x in re.split(r"[.-]", parts["eu"]))
            if month > 12 >= day:
                day, month = month, day  # "10-14-2025": an American page's dashes
            return dt.date(year, month, day), True
        month = parts.get("mname") or parts.get("dname")
        day = parts.get("mday") or parts.get("dday")
        year = int(year_text) if year_text else default_year
        if year is None:
            return None, False
        parsed = date_parser.parse(f"{month} {day} {year}")
        return parsed.date(), bool(year_text)
    except (ValueError, OverflowError):
        return None, False


def _pad_iso(text: str) -> str:
    y, m, d = re.split(r"[-/.]", text)
    return f"{y}-{int(m):02d}-{int(d):02d}"


def extract_page_date(doc: Doc) -> Found | None:
    """The page's own date: a date alone on one of the first lines, or the print or copy note."""
    for index, (start, end) in enumerate(doc.lines[:6]):
        line = doc.view[start:end]
        # A date alone on its line ends in a digit: a C-speed test spares most lines the regex.
        alone = line.rstrip()[-1:].isdecimal() and _PAGE_DATE_LINE.match(line)
        # A page saved with its line breaks lost opens with its date all the same: "Friday,
        # November 7, 2025 Kestrel Ridge Partners Quantitative Research Intern - ...".
        one_line_page = index == 0 and end - start > _ONE_LINE_PAGE and _DATED_OPENING.match(line)
        if alone or one_line_page or PAGE_DATE_NOTE.match(line):
            for d_start, d_end, parts in find_dates(doc, start, end):
                value, _ = to_date(parts, None, bool(parts.get("us")) and _reads_day_first(doc))
                if value is not None:
                    return Found(value, d_start, d_end)
    return None


def extract_posted_date(doc: Doc, page_date: dt.date | None, as_of: dt.date | None) -> Found | None:
    """When the posting was posted: absolute, or relative to the page's date, else to as_of."""
    anchor = page_date or as_of
    hits = [
        p
        for p in doc.find_all(
            "posted",
            "published",
            "posting date",
            "opening date",
            "date opened",
            "opened",
            "issued",
            "announcement date",
            "publication date",
            "listed",
            "added",
            "job posting",
            "open date",
            "open & clos",
            "open and clos",
            "opening & clos",
            "opening and clos",
            "open/clos",
        )
        if p < 8000
    ]
    if anchor is not None:
        # A board's header may run long before its top card (LinkedIn's menus, banners).
        for start, end in doc.lines[:20]:
            m = _AGO_LINE.match(doc.view, start, end)
            if m:
                value = _resolve_relative(m, anchor)
                if value is not None:
                    return Found(value, m.start("rel"), m.end("rel"))
    for m in doc.search_near(_POSTED, hits, 16, 60):
        if doc.kind_at(m.start()) == "related":
            continue  # "Data Analytics Intern · Scioto Health · Posted 6 days ago": another job's
        if m.group("just"):
            if anchor is not None:  # Indeed's "Just posted": the day the page was seen
                return Found(anchor, m.start("just"), m.end("just"))
            continue
        if m.group("rel"):
            # "Posted 2 weeks ago (11/4/2025 9:12 AM)": the site gives the day in brackets.
            bracket = _BRACKETED_DATE.match(doc.view, m.end("rel"))
            if bracket:
                for d_start, d_end, parts in find_dates(doc, bracket.end(), bracket.end() + 30):
                    value, _ = to_date(parts, None)
                    if value is not None and d_start == bracket.end():
                        return Found(value, d_start, d_end)
            if anchor is None:
                continue
            value = _resolve_relative(m, anchor)
            if value is not None:
                return Found(value, m.start("rel"), m.end("rel"))
        elif m.group("abs"):
            base = m.start("abs")
            for d_start, d_end, parts in find_dates(doc, base, base + len(m.group("abs"))):
                day_first = bool(parts.get("us")) and _reads_day_first(doc)
                value, stated = to_date(parts, anchor.year if anchor else None, day_first)
                if value is not None and d_start - base < 6:
                    return Found(value, d_start, d_end)
    return _dated_header_field(doc)


_BRACKETED_DATE = re.compile(r"[ \t]*\(")
# SuccessFactors' job header: the title, then "Date: Nov 18, 2025", "Location: …".
_DATE_FIELD = re.compile(r"(?i)[ \t*]*date[ \t]*[:：][ \t]*(?=\S)")
_EMAIL_FIELD = re.compile(r"(?i)[ \t>*]*(?:from|to|cc|subject|sent|reply-to)[ \t]*:")


def _dated_header_field(doc: Doc) -> Found | None:
    """A bare "Date:" field among the header lines under the title: the day the job was
    posted. An email's "Date:" among its From/To/Subject lines is the day it was sent."""
    zone_start, zone_end = doc.title_zone
    if not any(zone_start <= p < zone_end for p in doc.find_all("date")):
        return None  # most headers have no "date" at all: no line to look at
    lines = doc.lines_within(zone_start, zone_end + 1)
    for i, (start, end) in enumerate(lines):
        m = _DATE_FIELD.match(doc.view, start, end)
        if m is None or i == 0:
            continue
        beside = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(_EMAIL_FIELD.match(doc.view, s, e) for s, e in beside):
            continue
        for d_start, d_end, parts in find_dates(doc, m.end(), end):
            value, _ = to_date(parts, None)
            if value is not None and d_start == m.end():
                return Found(value, d_start, d_end)
    return None


def _resolve_relative(m: re.Match, anchor: dt.date) -> dt.date | None:
    rel = m.group("rel").lower()
    if rel in ("today", "just now"):
        return anchor
    if rel == "yesterday":
        return anchor - dt.timedelta(days=1)
    if "+" in rel:
        return None  # "30+ days ago" is a bound, not a date
    count = m.group("n").lower()
    n = 1 if count in ("a", "an", "one") else int(count)
    if m.group("unit"):
        unit = m.group("unit").lower()
    else:
        short = m.group("short").lower()
        unit = _SHORT_UNITS[short[:-1] if short.endswith("s") else short]
    if unit in ("minute", "hour"):
        return anchor
    delta = {
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "month": relativedelta(months=n),
        "year": relativedelta(years=n),
    }[unit]
    return anchor - delta


def extract_start_dates(
    doc: Doc, posting_year: int | None, posted: dt.date | None = None
) -> list[Found]:
    """Every explicit start date (with a day), in order, without repeats.

    A date without a year takes the posting's year; else a year written near it; else, when
    the posting's own date is known, the first such day on or after it ("Start dates: May 19"
    on a page posted in November 2025 is May 2026).
    """
    found: list[Found] = []
    seen: set[dt.date] = set()
    dates = find_dates(doc)
    day_first: bool | None = None  # decided at the first numeric start date
    for i, (start, end, parts) in enumerate(dates):
        if not any(parts.get(k) for k in ("mday", "dday", "iso", "us", "eu")):
            continue
        if not _is_start_date(doc, start, end, dates, i):
            continue
        if parts.get("us") and day_first is None:
            day_first = _reads_day_first(doc, dates)
        value, stated = to_date(parts, posting_year or _nearby_year(doc, start), bool(day_first))
        if not stated and posting_year is None and posted is not None:
            value = _on_or_after(parts, posted, value)
        if value is None or value in seen:
            continue
        seen.add(value)
        found.append(Found(value, start, end))
    return found


def _reads_day_first(doc: Doc, dates: list[tuple[int, int, dict]] | None = None) -> bool:
    """Whether the page's slashed dates read day first: it writes one that can only be read so
    ("Last date to apply: 30/11/2025", as Indian and British pages write) and none that can
    only be read month first ("11/30/2025"); or, with none that decides, it is a page of a
    country that writes them so (its money is pounds, euros, rupees, or Australian, New Zealand
    or Singapore dollars). Decided once per page: page, posted and start dates all ask."""
    decided = doc.shared.get("day_first")
    if decided is None:
        day_first = month_first = False
        for _, _, parts in find_dates(doc) if dates is None else dates:
            if parts.get("us"):
                first, second = (int(x) for x in parts["us"].split("/")[:2])
                day_first |= first > 12 >= second
                month_first |= second > 12 >= first
        if day_first or month_first:
            decided = day_first and not month_first
        else:
            decided = _DAY_FIRST_MONEY.search(doc.view) is not None
        doc.shared["day_first"] = decided
    return bool(decided)


# Money that says the page is from a country that writes dates day first.
_DAY_FIRST_MONEY = re.compile(r"[£€₹]|\b(?:GBP|EUR|INR|AUD|NZD|SGD)\b|\b(?:A|AU|NZ|S)\$")


def _is_start_date(doc: Doc, start: int, end: int, dates: list, i: int) -> bool:
    if doc.is_boilerplate(start) and not _labelled_start_in_offer(doc, start):
        return False
    if doc.in_heading(start):
        # "Start dates: June 1, June 15 and July 6" heads its section and holds the dates; so
        # does a table's row, "Start dates | Monday, June 8 or Monday, June 22".
        block = doc.sections.at(start)
        label = doc.view[block.start : start]
        if not (block.kind == "start_dates" and (":" in label or "|" in label or "\t" in label)):
            return False
    line_start, _ = doc.line_at(start)
    prefix = doc.view[line_start:start]
    if _HOLIDAY_PAREN.search(prefix) and re.search(r"(?i)day|holiday", prefix[prefix.rfind("(") :]):
        return False  # "(Memorial Day May 26)"
    if i > 0 and _RANGE_END.match(doc.view[dates[i - 1][1] : start]):
        return False  # the end of "May 12 - August 8"
    if "|" in prefix:
        # A table's column says what its dates are: "| Start date |" over "| May 4, 2026 |".
        column = doc.table_column_header(start)
        if column is not None and _START_CUE.search(column):
            return not _NOT_START_CUE.search(column)  # not "| Start – end dates |"
    kind = doc.kind_at(start)
    heading = doc.sections.at(start).heading or ""
    if (
        kind == "start_dates"
        or re.search(r"(?i)start", heading)
        or _listed_under_start_label(doc, line_start, start, end)
    ):
        near = doc.lower[max(line_start, start - 40) : start]
        # Only this item of a list counts: "May 26 (after Memorial Day May 25), June 8".
        near = near[max(near.rfind(")"), near.rfind(","), near.rfind(";")) + 1 :]
        # Only what stands after its own start word: "whose term ends later may start on".
        own_cues = list(_START_CUE.finditer(near))
        return not _NOT_START_CUE.search(near[own_cues[-1].end() :] if own_cues else near)
    sentence_start, _ = doc.sentence_at(start)
    left = doc.view[max(sentence_start, start - 80) : start]
    cues = list(_START_CUE.finditer(left))
    if not cues:
        # "The internship runs from June 1 through August 14", "Term: Jan 4 to Apr 30": the
        # date opening the job's own date range is when it starts.
        opens_range = i + 1 < len(dates) and _RANGE_END.match(doc.view[end : dates[i + 1][0]])
        if opens_range and _is_labelled_from_above(doc, line_start, start):
            left = _lines_above(doc, line_start) + left
        # "The program runs 11 weeks from June 15, 2026": "from" a date, in the job's period.
        return bool(
            (opens_range or _FROM_BEFORE.search(left))
            and _JOB_PERIOD_CUE.search(left)
            and not _NOT_START_CUE.search(left)
            and not _NOT_JOB_PERIOD_CUE.search(left)
        )
    cue = cues[-1]  # the start word nearest the date
    # A note in brackets is about another date: "starts on Tuesday, May 26 (after Memorial Day
    # May 25) or Monday, June 8".
    between = _BRACKETED_NOTE.sub("", left[cue.end() :])
    # "can start between 6th Nov'25 and 11th Dec'25" is a window to start in, not a start date.
    return not _NOT_START_CUE.search(between) and not _WINDOW.search(between)


_BRACKETED_NOTE = re.compile(r"\([^()\n]*\)")
_DATE_LIST_ITEM = re.compile(r"[ \t]*(?:[*•·-]|\d{1,2}[.)])?[ \t]*")
_START_LIST_LABEL = re.compile(r"(?i)\bstart(?:ing)?[ \t]+dates?\b[^\n]{0,50}[:：][ \t]*$")
# What may follow a listed date on its line: "(the day after Memorial Day, May 25)".
_DATE_NOTE = re.compile(r"[ \t.,;]*(?:\([^()\n]*\))?[ \t.,;]*")


def _listed_under_start_label(doc: Doc, line_start: int, start: int, end: int) -> bool:
    """A date alone on its line, in a list of such lines under "Summer 2026 internship start
    dates:" (a label no heading list knows)."""
    if not _DATE_LIST_ITEM.fullmatch(doc.view, line_start, start):
        return False
    _, line_end = doc.line_at(start)
    if not _DATE_NOTE.fullmatch(doc.view, end, line_end):
        return False
    lines = doc.lines_within(max(0, line_start - 400), line_start)
    for above_start, above_end in reversed(lines):
        if _START_LIST_LABEL.search(doc.view, above_start, above_end):
            return True
        if not _DATE_ALONE.fullmatch(doc.view, above_start, above_end):
            return False
    return False


_DATE_ALONE = re.compile(
    r"[ \t]*(?:[*•·-]|\d{1,2}[.)])?[ \t]*[\w ,.']{4,30}?\d(?:st|nd|rd|th)?[ \t.,;]*(?:\([^()\n]*\))?[ \t.,;]*"
)


def _labelled_start_in_offer(doc: Doc, start: int) -> bool:
    """Whether the date at `start` is the value of a start label in a "What we offer" list
    ("• Internship start: 1 March 2026"): the job's own date among its perks; or among a
    board's application fields ("Application deadline: 2026-02-13\nExpected start date: ...")."""
    kind = doc.kind_at(start)
    if kind not in ("benefits", "application"):
        return False
    line_start, _ = doc.line_at(start)
    label = _START_LABEL.fullmatch(doc.view, line_start, start)
    return (
        label is not None
        and not _NOT_START_CUE.search(label.group())  # "Holiday start:"
        and not (kind == "application" and _PROCESS_START.search(label.group()))
    )


# What else starts in an application section: "Application window start date:".
_PROCESS_START = re.compile(r"(?i)appl|window|review|interview|event|session|portal|assessment")


def _is_labelled_from_above(doc: Doc, line_start: int, start: int) -> bool:
    """Whether the lines above say what the range opening at `start` is: a range alone on its
    line (a board's "Internship\nFull-time\nJan 12, 2026 - May 1, 2026", "Open & closing
    dates\n..."), or after a short label of its own that does not say it ("Internship dates:\n
    New York: June 15 - August 21\nLondon: June 22 - August 28"; not "Session A: ...")."""
    own = doc.view[line_start:start]
    if not own.strip(" \t*-"):
        return True
    return bool(
        _RANGE_LINE_LABEL.fullmatch(own)
        and not _JOB_PERIOD_CUE.search(own)
        and not _NOT_JOB_PERIOD_CUE.search(own)
    )


def _lines_above(doc: Doc, line_start: int) -> str:
    """The two lines above the one starting at `line_start`, up to a blank line, at most 80
    characters: where a board puts the label of a value on its own line."""
    above = doc.view[max(0, line_start - 80) : line_start]
    blank = above.rfind("\n\n")
    if blank != -1:
        above = above[blank + 2 :]
    return "\n".join(above.split("\n")[-3:])


def _on_or_after(parts: dict, posted: dt.date, guess: dt.date | None) -> dt.date | None:
    """The day `parts` names in the year of `guess` when that is not long before the posting
    (a year written nearby wins), else its first occurrence on or after `posted`."""
    if guess is not None and guess >= posted - dt.timedelta(days=31):
        return guess
    for year in (posted.year, posted.year + 1):
        value, _ = to_date(parts, year)
        if value is not None and value >= posted:
            return value
    return guess


def _nearby_year(doc: Doc, pos: int) -> int | None:
    window = doc.view[max(0, pos - 300) : pos + 100]
    years = re.findall(r"\b(20\d{2})\b", window)
    return int(years[-1]) if years else None
