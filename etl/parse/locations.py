"""Where the job is done, as written: "San Jose, CA", "Mountain View, CA, USA", "US" for remote.

Places come from a "Location:" label, a location line in the header, the title, or a
sentence that says where the role is based. Company blurbs (HQ and office lists), legal
notices (Los Angeles County) and pay-zone city lists are not job locations; the word
"Remote" alone is not a location, but the region of a remote role is.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from etl.parse.doc import TABLE_RULE, Doc, Found
from etl.parse.header import SEARCH_BUTTONS
from etl.parse.places import (
    CITY,
    JOB_NOUN,
    LABELLED_PLACE,
    UPPER_LETTER,
    WORKDAY_PLACE,
    cities_in,
    city_code_country,
    city_state_pattern,
    continues_a_list,
    country_state_city,
    distinct_places,
    gazetteer,
    is_city,
    is_region,
    labelled_place,
    lists_cities,
    may_name_a_city,
    names_a_place,
    town_list,
    workday_place,
)
from etl.parse.vocab import heading_kinds

# Matched where "location" stands; _opens_a_label checks it opens a line (or a glued label).
_LOCATION_LABEL = re.compile(
    # "Location: …", "Location - …", and a copied table's "Location<TAB>…" or "Location US-TX-Austin".
    # A board's two-column panel sets the value apart by a wide gap: "Location       London".
    r"(?i)locations?(?:\s*\(s\))?[ \t]*(?:[:：]|-(?=\s)|\t|(?=[ \t]+[A-Z]{2}-[A-Z]{2}-[A-Z])"
    r"|(?<=[ \t]{2})(?=[A-Z]))[ \t]*"
    r"(?P<value>[^\n]{2,200})"
)
# A line of labels one after another: it opens with "Position:", "Job Title:", "Role:".
_LABEL_RUN = re.compile(r"[\s*#>-]*(?:[A-Z][a-z]+(?: [A-Z]?[a-z]+)?)\s?:\s*\S")
_LABEL_PREFIX = re.compile(
    r"(?i)[\s*#>-]*(?:(?:job|work|office|primary|other|additional|secondary|internship)\s+)?"
)
# "Job location:", "Internship location:" say whose place it is: such a label counts in a
# section read as the company's too (a flyer's two columns run the label into "Who we are").
_JOB_LABEL_PREFIX = re.compile(r"(?i)[\s*#>-]*(?:job|work|internship)\s+")
_BASED_IN = re.compile(
    # The look-ahead holds the phrases' first letters: the engine tries case-insensitive
    # alternatives one by one, so a word that starts none of them is passed with one check.
    r"(?i)\b(?=[abchijlopprsw])(?:based (?:in|out of|at our)|located (?:in|at)|(?:position|role|internship|job|program) is in|"
    # "Fall 2026 placements are in Toronto, ON and Montréal, QC"
    r"(?:placements|positions|roles|internships) are in|"
    r"office in|offices in|campus in|"
    # "Lattice Bio is hiring a Machine Learning Intern in Boston, MA"
    r"(?:hiring|seeking) an? (?:[A-Z][\w&/+.-]* ){1,5}(?:in|at)|"
    # "All roles are on-site at our engineering campus in Seattle, WA".
    # "This is a full-time, on-site position in Pittsburgh, PA"
    r"on[- ]?site (?:(?:position|role|job|internship|co-op) )?(?:in|at)|in-office (?:in|at)|work(?:ing)? (?:from|in|at) our|relocate to|"
    r"report(?:ing)? to our|sits? (?:in|at)(?: either)?(?: our)?|hired into (?:our|the)|"
    # "Explorers work in person at either our Seattle, WA headquarters or our Vancouver office"
    r"in[- ]person (?:at|in|from)(?: either)?(?: our)?|"
    r"(?:are|be|is) placed (?:at|in))\s+(?P<value>[^.;\n]{3,120})"
)
# "Share your preferred working location from the following: Austin, TX, USA; Boston, MA, USA":
# the places the job may be done in, wherever the page sets the note.
_PREFERRED_LOCATIONS = re.compile(
    r"(?i)preferred (?:work(?:ing)? |office )?locations? (?:from|among|out of) "
    r"(?:the following|these)(?: locations| options)?\s*:\s*(?P<value>[^\n]{3,300})"
)
_BASED_IN_TRIGGERS = (
    "based ",
    "located ",
    "position is in",
    "role is in",
    "internship is in",
    "job is in",
    "program is in",
    "placements are in",
    "positions are in",
    "roles are in",
    "internships are in",
    "hiring a",
    "seeking a",
    "office in",
    "campus in",
    "offices in",
    "site in",
    "site at",
    "office at",
    "work from our",
    "working from our",
    "work in our",
    "working in our",
    "relocate to",
    "report to our",
    "reporting to our",
    "work at our",
    "working at our",
    "placed at",
    "placed in",
    "sit in",
    "sits in",
    "sit at",
    "sits at",
    "hired into",
    "in person at",
    "in-person at",
    "in person in",
    "in-person in",
    "in person from",
    "in-person from",
    "site position in",
    "site role in",
    "site job in",
    "site internship in",
    "site co-op in",
)
# How far before its trigger a _BASED_IN match may start: "on-site in" ("site in"), "are
# placed at" ("placed at"); what each such start holds (lower-case): "onsite", "are", "be".
_BASED_IN_LEAD = (4, 3, 2)
_BASED_IN_LEAD_LETTERS = "abio"
_REMOTE_REGION = re.compile(
    # One "\b" before both alternatives (not one in each) and a look-ahead with their first
    # letters (see _BASED_IN): most positions fail a single check.
    r"(?i)\b(?=[abcegilmru])(?:remote(?:ly[ \t]+|\s*)(?:[-–,:(]|\bin\b|\bwithin\b|\bfrom\b|\bbased in\b"
    # "fully remote for candidates located in the US", "work remotely and must reside in the US"
    r"|\bfor (?:candidates|applicants|interns|people|those) (?:located|based|living) in\b"
    r"|\band must (?:reside|live|be located|be based) in\b)"
    r"\s*(?:the\s+)?(?P<region>[A-Z][\w .'-]{1,40}?)(?=\s*(?:[),;|/*(\n]|$|\bor\b|\bonly\b)|\.\s|\s(?:during|while|throughout)\b)"
    r"|(?P<region2>US|USA|U\.S\.|Canada|UK|EMEA|APAC|LATAM|Europe|India|Mexico|Brazil|Germany)\s*[-–]?\s*\(?remote\)?)"
)
_MORE_REGIONS = re.compile(
    r"[ \t]*(?:,|/|\bor\b|\band\b|&)[ \t]*(?:the[ \t]+)?([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}?)(?=[ \t]*(?:[),;|/\n]|$|\bor\b|\band\b))"
)
# A board's location mark in its meta line: "🌎 remote,India", "📍 Austin, TX"; the value
# runs to the line's end or the next mark ("💰 $120k 🌎 Remote - US").
_LOCATION_MARKS = ("🌎", "🌍", "🌏", "📍")
_LOCATION_MARK = re.compile(r"[🌎🌍🌏📍]\ufe0f?[ \t]*(?P<value>[^\n🌎🌍🌏📍💰💵💲⏰]{2,120})")
# Header lines read for a bare region ("United States (Remote)", "Remote Poland"): the
# first few after the title, where a board puts its meta lines.
_REGION_LINES = 6
# What a location label's value says besides the place: "Toronto (Hybrid)", "US Remote".
# A note in brackets goes when it says how the job is done, not where: "Toronto (Hybrid)",
# but "Remote (U.S.)".
_LABEL_NOISE = re.compile(
    r"(?i)\((?=[^()]*\b(?:remote|hybrid|on-?site|office|days?|weeks?|flexible|preferred)\b)[^()]*\)"
    # The look-ahead holds the words' first letters (see _BASED_IN).
    r"|\b(?=[1bfhimopr])(?:(?:fully|100%|partially|mostly)\s+)?(?:remote|hybrid|on-?site|in[- ]office|only|based)\b"
)
_MODE_TAIL = re.compile(
    r"(?i)\s[-–—]\s*(?:(?:fully|partially|mostly)\s+)?(?:remote|hybrid|on-?site|in[- ]office)\b.*"
)
# Greenhouse writes a region before the city: "Canada - Toronto", "Massachusetts - Boston".
_REGION_DASH_PLACE = re.compile(r"(?P<region>.+?) - (?P<place>.+)")
_PAREN_NOTE = re.compile(r"\([^()\n]{0,60}\)")  # "(Hybrid, 3 days in office)" after a place
# What separates a line's parts ("·" and "•" read as "*" in the view); found by
# _part_separators, which gives this pattern's matches.
_PART_SEPARATOR = re.compile(r"\s+[*|/]\s+|;\s*")
_PART_MARKS = ("*", "|", "/", ";")


def extract_locations(doc: Doc, title: Found | None) -> list[Found]:
    """Every distinct job location, in order of appearance."""
    found: list[Found] = []
    zone_start, zone_end = doc.title_zone
    header_end = doc.blocks[0].end if doc.blocks and doc.blocks[0].heading is None else zone_end
    for m in doc.match_at(_LOCATION_LABEL, doc.find_all("location")):
        # A two-column page's right column ("About Veltrane      Location: Burnaby, BC"): the
        # label opens its column, and the left column's section says nothing of it (another
        # job's card still keeps its labels to itself).
        column = _COLUMN_GAP.search(doc.view, doc.line_at(m.start())[0], m.start()) is not None
        if not (column or _opens_a_label(doc, m.start())):
            continue
        if _SEARCH_FORM.match(doc.view, doc.line_at(m.start())[0]):
            continue  # a board's search form: 'Search jobs: cloud security   Location: Charlotte, NC'

        if (
            _excluded(doc, m.start())
            and not _names_the_job(doc, m.start())
            and (not column or doc.kind_at(m.start()) == "related")
        ):
            continue
        # In a column (or a menu set out in wide gaps: "Benefits   Locations   Search Jobs")
        # only a value the place patterns know is a place.
        # A glued heading ends the value: "Location: Remote - USAbout the TeamThe ...".
        value_end = min(m.end("value"), doc.sections.at(m.start("value")).end)
        found.extend(_places_in(doc, m.start("value"), value_end, labelled=not column))
    for m in doc.match_at(_PREFERRED_LOCATIONS, doc.find_all("preferred")):
        found.extend(_places_in(doc, m.start("value"), m.end("value"), labelled=True))
    for start, end in _location_heading_values(doc, title):
        found.extend(_places_in(doc, start, end, labelled=True))
    found.extend(_city_and_state_labels(doc))
    for start, end in _table_location_cells(doc):
        found.extend(_places_in(doc, start, end, labelled=True))
    # Only in the header, before the first heading: pages also dress headings and their
    # lines with the globe ("🌎 About Us").
    first_heading = next((b.start for b in doc.blocks if b.heading is not None), len(doc.view))
    marks = [p for p in doc.find_all(*_LOCATION_MARKS) if p < min(zone_end, first_heading, 3000)]
    for m in doc.match_at(_LOCATION_MARK, marks):
        found.extend(_places_in(doc, m.start("value"), m.end("value"), labelled=True))
    if title is not None:
        in_title = _places_in(doc, title.start, title.end, labelled=False)
        found.extend(in_title)
        if not _title_names_region(doc, title, in_title):
            # "Data Engineer (Remote, EU)" over "Remote · Europe": one region, said twice.
            found.extend(_header_regions(doc, title))
    headquartered = doc.find_all("headquartered")
    header_limit = max(header_end, zone_end) + 1
    city_starts = _city_starts(doc)
    # Above a forwarded posting, the sender's note and signature ("Chicago | Milwaukee |
    # Minneapolis"): the firm's offices, not the job's.
    forwarded = doc.find_all("forwarded", "original message")
    forward_line = _FORWARD_MARKER.search(doc.view, 0, forwarded[0] + 40) if forwarded else None
    search_box = bool(doc.find_all("where\n"))
    employer_card = doc.find_all("employees")
    for start, end in doc.lines:
        if forward_line is not None and end <= forward_line.start():
            continue
        if end > header_limit and (
            end - start > 90 or doc.view.find(", ", start, end) == -1 or _excluded(doc, start)
        ):
            continue  # below the header only a line that is just a place counts ("Seattle, WA, USA")
        if headquartered and any(start <= p < end for p in headquartered):
            continue  # where the company sits (see _office_list)
        if end > header_limit and doc.view[end - 7 : end].endswith((" Office", " HQ")):
            continue  # a board's card of the company's offices: "Ledgerline Chicago, IL Office"
        if search_box and _in_search_box(doc, start, end):
            continue  # Indeed's "Where\nBoston, MA\nFind jobs": the searcher's place
        if (
            employer_card
            and _has_start_in(employer_card, start, end)
            and _EMPLOYER_CARD.search(doc.view, start, end)
        ):
            continue  # the employer's card: "Sports Analytics · Boston, MA · 51-200 employees"
        # A line with no "word, Capital" names no city: most lines, spared _places_in's work.
        places = (
            _places_in(doc, start, end, labelled=False, whole_line=True)
            if may_name_a_city(doc.view, start, end)
            else []
        )
        if end <= header_limit and _has_start_in(city_starts, start, end):
            # "New York, NY | Chicago, IL | London | Hong Kong": a bare city beside the others.
            places = (
                _with_bare_cities(doc, start, end, places)
                if places
                else _bare_cities(doc, start, end)
            )
        if not places and _CODED_PLACE_START.match(doc.view, start, end):
            places = _coded_place_line(doc, start, end)
        if not places and end <= header_limit and _UPPER_CITY_COMMA.search(doc.view, start, end):
            places = _upper_case_cities(doc, start, end)
        if not places and end <= header_limit and doc.view.endswith(" /", start, end):
            places = _lever_place_in_capitals(doc, start, end)
        found.extend(places)
    for pos in doc.find_all(*_MODE_WORDS):
        if not _excluded(doc, pos):
            found.extend(_mode_place(doc, pos))
    for m in _based_in_matches(doc):
        if (
            not _excluded(doc, m.start())
            or _THE_JOB_IS.search(doc.lower, m.start() - 30, m.start())
        ) and not _office_list(doc, m):
            places = _places_in(
                doc, m.start("value"), _value_list_end(doc, m), labelled=False, in_prose=True
            )
            found.extend(f for f in places if not _NOT_HERE.match(doc.view, f.end))
    for m in doc.search_near(_TEAM_IN_HIRING, doc.find_all("team in "), 0, 120):
        if not _excluded(doc, m.start()):
            found.extend(
                _places_in(doc, m.start("value"), m.end("value"), labelled=False, in_prose=True)
            )
    for m in doc.search_near(_REMOTE_REGION, doc.find_all("remote"), 60, 60):
        if m.start() >= header_limit and _excluded(doc, m.start()):
            continue  # the header's lines are the posting's own, as for places above
        if doc.view[m.start() - 1 : m.start()] in _QUOTES:
            continue  # a form cited: 'Jobs posted with location as "Remote - United States"'
        group = "region" if m.group("region") else "region2"
        region = m.group(group).strip(" .")
        after = m.start(group) + len(region)
        if doc.view[after : after + 1] == "." and not is_region(region) and is_region(region + "."):
            region += "."  # "Remote in the U.S. We ship ...": the stop is the abbreviation's
        # Lever's header in capitals: "REMOTE - UNITED STATES".
        if is_region(region) or (
            region.isupper() and len(region) > 3 and is_region(region.title())
        ):
            found.append(
                Found(
                    doc.text[m.start(group) : m.start(group) + len(region)],
                    m.start(group),
                    m.start(group) + len(region),
                )
            )
            found.extend(_more_regions(doc, m.start(group) + len(region)))
    if any(f.start > zone_end for f in found):
        found = _outside_job_lists(doc, found, zone_end)
    if title is not None and found:
        found = _outside_role_list(doc, found, title)
    if not found and title is not None:
        # Only when nothing else says where: "(Summer 2026 - US)" beside "Seattle, WA, USA"
        # adds nothing, "Data Engineer - India" alone is the place.
        found.extend(_title_segment_places(doc, title))
    return distinct_places(found)


_QUOTES = frozenset("\"“‘'")
# "Work arrangement: Hybrid – Kitchener, ON (three days a week on-site)": how the job is done,
# a dash, then where.
_MODE_WORDS = ("hybrid", "on-site", "onsite", "in-office")
_MODE_DASH = re.compile(r"(?i)(?:hybrid|on-?site|in-office)[ \t]*[-–—][ \t]*")


def _mode_place(doc: Doc, pos: int) -> list[Found]:
    """The city and state right after "Hybrid –", "On-site -": "Hybrid – Kitchener, ON"."""
    dash = _MODE_DASH.match(doc.view, pos)
    if dash is None or (pos > 0 and doc.view[pos - 1].isalnum()):
        return []
    m = city_state_pattern().match(doc.view, dash.end(), min(len(doc.view), dash.end() + 80))
    if m is None or not is_city(*m.group("loc").split(",")[:2]):
        return []
    return [Found(doc.text[m.start("loc") : m.end("loc")], m.start("loc"), m.end("loc"))]


def _based_in_matches(doc: Doc):
    """What `doc.search_near(_BASED_IN, <trigger hits>, 4, 150)` yields, trying the pattern
    only where a match can start: at a trigger hit or a few characters before it.

    Every match holds a trigger, so in a window of ASCII text (where the pattern's
    IGNORECASE and `doc.lower` agree) no other start can match; searching tries the
    pattern at each of the window's ~150 characters, and most hits ("based on") start none.
    """
    hits = doc.find_all(*_BASED_IN_TRIGGERS)
    view, lower = doc.view, doc.lower

    def search(lo: int, hi: int) -> re.Match | None:
        if not view.isascii() and not view[lo:hi].isascii():
            return _BASED_IN.search(view, lo, hi)
        i = bisect.bisect_left(hits, lo)
        starts = set()
        while i < len(hits) and hits[i] < hi:
            hit = hits[i]
            i += 1
            starts.add(hit)
            for lead in _BASED_IN_LEAD:
                if hit - lead >= lo and lower[hit - lead] in _BASED_IN_LEAD_LETTERS:
                    starts.add(hit - lead)
        for start in sorted(starts):  # the leftmost match, as a search finds
            m = _BASED_IN.match(view, start, hi)
            if m is not None:
                return m
        return None

    # The window walk of Doc.search_near.
    seen = -1
    size = len(view)
    for pos in hits:
        lo = max(pos - 4, seen + 1, 0)
        hi = min(size, pos + 150)
        m = search(lo, hi)
        while m is not None and m.start() <= pos + 150:
            if m.start() > seen:
                seen = m.start()
                yield m
            m = search(m.end(), hi) if m.end() > m.start() else None


# The parts of a title between " | ", " - ", " – " separators.
_TITLE_PART = re.compile(r"(?:^|\s[|–—-]\s|\s?\|\s?)([^|–—]+?)(?=\s[|–—-]\s|\s?\|\s?|$)")


def _title_segment_places(doc: Doc, title: Found) -> list[Found]:
    """A title part that is only a place: "Software Engineer Intern | Summer 2026 | New York",
    "Data Engineer - India"."""
    out = []
    for m in _TITLE_PART.finditer(str(title.value)):
        value = m.group(1).strip(" ()")
        if value and m.start(1) > 0 and (is_region(value) or workday_place(value)):
            at = title.start + m.start(1) + m.group(1).find(value)
            out.append(Found(doc.text[at : at + len(value)], at, at + len(value)))
    if not out and "(" in str(title.value):
        # "Senior Backend Engineer (Brazil)", "Solution Engineer (Remote, Minnesota)".
        for m in _PAREN_NOTE.finditer(doc.view, title.start, title.end):
            inner = doc.view[m.start() + 1 : m.end() - 1]
            value = _LABEL_NOISE.sub(" ", inner).strip(" ,-–:/")
            if value and is_region(value):
                at = m.start() + 1 + inner.find(value)
                out.append(Found(doc.text[at : at + len(value)], at, at + len(value)))
    return out


def _title_names_region(doc: Doc, title: Found, in_title: list[Found]) -> bool:
    if any(is_region(str(f.value)) for f in in_title):
        return True
    m = _REMOTE_REGION.search(doc.view, title.start, title.end)
    return m is not None and is_region((m.group("region") or m.group("region2")).strip(" ."))


def _header_regions(doc: Doc, title: Found) -> list[Found]:
    """A meta line under the title that is only a place: "Canada", "United States (Remote)",
    Workday's "US, CA, Santa Clara", "Brisbane QLD, Australia · Hybrid"."""
    out = []
    _, zone_end = doc.title_zone
    after_title = doc.lines_within(title.end, zone_end + 1)
    for start, end in after_title[:_REGION_LINES]:
        line = doc.view[start:end]
        if len(line) > 80:
            continue
        # "Sydney NSW 2000  |  Internship  |  Technology": the place is one of the line's parts.
        # LinkedIn's "United States · Reposted 1 week ago" (the view writes "·" as "*").
        split = "  " in line or "|" in line or " * " in line
        for part in _META_PARTS.split(line) if split else (line,):
            value = _LABEL_NOISE.sub(" ", part).strip(" ,-–:/*|#()")
            if value and (is_region(value) or workday_place(value) or city_code_country(value)):
                at = start + line.find(value)
                out.append(Found(doc.text[at : at + len(value)], at, at + len(value)))
                break
    return out


_META_PARTS = re.compile(r"[ \t]+[|·*][ \t]+|[ \t]{2,}")


_LOCATION_HEADINGS = frozenset(
    {"location", "locations", "job location", "job locations", "work location"}
    | {"primary location", "additional locations", "additional location", "other locations"}
)


# An address's street line: "Rotterdamseweg 183", "1 Market Street, Suite 400".
_STREET_LINE = re.compile(
    rf"[ \t]*(?:\d{{1,5}}[A-Za-z]?[ \t]+{UPPER_LETTER}[^\n]{{2,60}}"
    rf"|{UPPER_LETTER}[\w.'’-]+(?:[ \t]{UPPER_LETTER}[\w.'’-]+)*[ \t]+\d{{1,5}}[A-Za-z]?(?:[ \t]*[,-][^\n]{{0,40}})?)"
    r"[ \t]*(?:\n|$)"
)


def _location_heading_values(doc: Doc, title: Found | None) -> list[tuple[int, int]]:
    """A "Location" label standing as a heading, its value after it on the same or the next line
    (a copied table: "Job Locations<TAB>US-TX-Austin | US-OR-Hillsboro", "Location\nAlder Grove, CA").

    Above the title a bare "Locations" is a careers site's menu item ("Teams", "Locations",
    "Military"): there its value counts only when it names a place."""
    spans = []
    for block in doc.blocks:
        if not block.heading:
            continue
        label = block.heading.lower().strip(" :")
        if label not in _LOCATION_HEADINGS:
            continue
        in_menu = (
            title is not None and block.start < title.start and label not in _JOB_LOCATION_HEADINGS
        )
        line_start, _ = doc.line_at(block.start)
        glued = block.start > line_start and (
            doc.view[block.start - 1].isalnum() or doc.view[block.start - 1] in ")."
        )
        if doc.view[line_start : block.start].strip(" \t*#>-_") and not glued:
            # "US office locations: ..." inside a sentence is not the job's label; a glued
            # run's "Job InformationLocationChicago, IL (Hybrid)Job Type..." is.
            continue
        start = block.body_start
        while start < block.end and doc.view[start] in " \t\n":
            start += 1
        end = doc.view.find("\n", start)
        end = block.end if end == -1 else min(end, block.end)
        if glued:  # the next label glued on: "Chicago, IL (Hybrid)Job TypeFull-time"
            end = doc.glued_label_start(start + 1, end)
        value = doc.view[start:end].strip()
        if (in_menu and not names_a_place(value)) or _table_header_row(value):
            continue
        if not names_a_place(value) and _STREET_LINE.match(doc.view, end + 1, block.end):
            continue  # an address's first line, the office's name: "Acme BV\nMain Street 183"
        cut = _first_sentence_end(doc.view, start, end)
        if cut < end:
            value = doc.view[start:cut].strip()
            if not (names_a_place(value) or any(cities_in(value))):
                continue  # a sentence, not a place and a note after it
            end = cut
        if start < end and len(value) <= 80 and not value.endswith("."):  # a value, not a sentence
            spans.append((start, end))
            if label == "locations":
                spans.extend(_more_location_lines(doc, end, block.end))
    return spans + _location_label_lines(doc)


def _more_location_lines(doc: Doc, pos: int, limit: int) -> list[tuple[int, int]]:
    """Workday's "locations" label lists one place a line: "California - San Francisco",
    "Washington - Seattle", "New York - New York", until its next label ("time type")."""
    spans = []
    for start, end in doc.lines_within(pos + 1, limit)[:10]:
        value = doc.view[start:end].strip()
        if (
            start > pos + 1
            or value.endswith(
                (" Office", " HQ")
            )  # Built In's card: "Ledgerline Chicago, IL Office"
            or not (names_a_place(value) or _STATE_DASH_CITY.fullmatch(value))
        ):
            break  # a blank line, an office's card, or a line that is no place ends the list
        spans.append((start, end))
        pos = end
    return spans


# Workday's newer form: the state, a dash, the city.
_STATE_DASH_CITY = re.compile(rf"{CITY} - {CITY}")


# Where a sentence stops: after a word of three letters or a bracket ("St. Louis", "D.C." go on).
# "... or New York, NY. We work in the office ...": a state's code may end the sentence too.
_SENTENCE_STOP = re.compile(r"(?:(?<=[a-z]{3})|(?<=\))|(?<=, [A-Z]{2}))\.(?=\s+[A-Z])")


def _first_sentence_end(view: str, start: int, end: int) -> int:
    """Where a heading's value ends when a note follows it: "San Francisco, CA; New York, NY;
    or Remote (US). Interns in San Francisco work from the office on Tuesdays." ends at "(US)"."""
    m = _SENTENCE_STOP.search(view, start, end)
    return m.start() if m else end


# A line opening with Workday's coded place: "US, WA, Seattle", "US-TX-Austin".
_CODED_PLACE_START = re.compile(
    r"[ \t*-]*[A-Z]{2}(?:, |-)[A-Z](?:[A-Z]\b|[a-z]+(?: [A-Z][a-z]+)*, )"
)


def _coded_place_line(doc: Doc, start: int, end: int) -> list[Found]:
    """A line that is only Workday's coded place, as its "Job details" list them: "US, MA,
    North Reading". A pay table's "USA, MA, North Reading - 52.30 - 92.60 USD" is no such line."""
    line = doc.view[start:end].strip(" \t*-")
    m = WORKDAY_PLACE.fullmatch(line)
    if m is None:
        return []
    code = m.group("code") or m.group("code2")
    if not (code in gazetteer()["states"] if code else is_region(m.group("state"))):
        return []
    at = doc.view.find(line, start, end)
    return [Found(doc.text[at : at + len(line)], at, at + len(line))]


# A line that opens another job's card list: "Similar Jobs (5)", "More jobs at Acme".
_COUNT_NOTE = re.compile(r"\s*[(\[]?\d+\+?[)\]]?\s*$")


@cache
def _job_list_headings() -> frozenset[str]:
    """The related-section headings (etl/vocab/headings.toml) that open a list of jobs, not a
    button ("Share this job", "Show more")."""
    return frozenset(
        phrase
        for phrase, kind in heading_kinds().items()
        if kind == "related"
        and _JOB_LIST_WORDS.search(phrase)
        and not phrase.startswith(("back ", "view "))
    )


_JOB_LIST_WORDS = re.compile(r"\b(?:jobs|positions|roles|openings|viewed|like)$")


def _outside_job_lists(doc: Doc, found: list[Found], zone_end: int) -> list[Found]:
    """The places that are not in a list of other jobs after the posting ("Similar Jobs (5)",
    then cards of a title, "locations", "US, TX, Austin"): the list runs until a section of
    the posting's own (responsibilities, qualifications) opens."""
    headings = _job_list_headings()
    list_starts = []
    triggers = sorted({phrase.split(" ")[0] for phrase in headings})
    for pos in doc.find_all(*triggers, word_start=True):
        line_start, line_end = doc.line_at(pos)
        if pos != line_start and doc.view[line_start:pos].strip(" \t*#>-_"):
            continue
        line = _COUNT_NOTE.sub("", doc.lower[pos:line_end]).strip(" \t:*_#")
        if line in headings or line.startswith(_JOB_LIST_PREFIXES):
            list_starts.append(line_end)
    if not list_starts:
        return found
    kept = []
    for f in found:
        i = bisect.bisect_right(list_starts, f.start) - 1
        if (
            f.start <= zone_end
            or i < 0
            or any(
                list_starts[i] < b.start <= f.start and b.kind not in _JOB_LIST_KINDS
                for b in doc.blocks
            )
        ):
            kept.append(f)
    return kept


def _outside_role_list(doc: Doc, found: list[Found], title: Found) -> list[Found]:
    """A careers page that lists its open roles (a title line, a place line) before one role's
    full details, the title the role whose line stands again further down: up to that repeat,
    only the places on the title's own card count, not the other roles'. A page with places
    of two roles above its title and its title said again further down (not in a list of
    similar jobs) is such a list."""
    view = doc.view
    line_start, line_end = doc.line_at(title.start)
    if len({doc.line_at(f.start) for f in found if f.start < line_start}) < 2:
        return found
    repeat = view.find("\n" + view[line_start:line_end] + "\n", line_end)
    if repeat == -1 or _excluded(doc, repeat + 1):
        return found
    card_end = view.find("\n\n", line_end)  # the title's card ends at a blank line
    card_end = repeat if card_end == -1 else min(card_end, repeat)
    return [f for f in found if f.start > repeat or line_start <= f.start < card_end]


_JOB_LIST_PREFIXES = ("similar jobs", "related jobs", "more jobs at ", "other jobs at ")
# What a card of another job reads as: its "locations" label a meta heading.
_JOB_LIST_KINDS = frozenset({"title_meta", "related", "other"})


# An export's address fields, one label a line: "Job - City: Waterloo", "Province / State:
# Ontario". The label may name what it belongs to first ("Job - ", "Work ").
_FIELD_OWNER = r"(?:(?:job|work|office|position|employment)[ \t]*[-–]?[ \t]*)?"
_CITY_FIELD = re.compile(
    rf"(?i)[ \t*#>-]*{_FIELD_OWNER}city[ \t]*[:：][ \t]*(?P<value>[^\n]{{2,60}})"
)
_STATE_FIELD = re.compile(
    rf"(?i)[ \t*#>-]*{_FIELD_OWNER}(?:state|province)(?:[ \t]*/[ \t]*(?:state|province))?"
    r"[ \t]*[:：][ \t]*(?P<value>[^\n]{2,40})"
)


def _city_and_state_labels(doc: Doc) -> list[Found]:
    """A "City:" field with a "State:"/"Province:" field on one of the next two lines: the place
    is the two together ("Waterloo, Ontario"), its evidence the span from city to state."""
    found = []
    view = doc.view
    for pos in doc.find_all("city", word_start=True):
        line_start, line_end = doc.line_at(pos)
        city = _CITY_FIELD.fullmatch(view, line_start, line_end)
        if city is None:
            continue
        city_name = city.group("value").strip()
        if not (LABELLED_PLACE.fullmatch(city_name) and is_city(city_name)):
            continue
        # The state's field below the city's, or (a co-op portal's "Country / Province / City"
        # order) above it.
        below = doc.lines_within(line_end + 1, line_end + 200)[:2]
        above = doc.lines_within(max(0, line_start - 200), line_start)[-2:]
        for next_start, next_end in [*below, *reversed(above)]:
            state = _STATE_FIELD.fullmatch(view, next_start, next_end)
            if state is None:
                continue
            state_name = state.group("value").strip()
            if is_region(state_name) or state_name in gazetteer()["states"]:
                start = min(city.start("value"), state.start("value"))
                end = max(city.end("value"), state.start("value") + len(state_name))
                found.append(Found(f"{city_name}, {state_name}", start, end))
            break
    return found


_CELL_BREAK = re.compile(r"<\s*/?\s*br\s*/?\s*>", re.IGNORECASE)  # "Pittsburgh, PA</br>Boston, MA"
# A table of more rows lists many jobs (a README of openings), not this one's places.
_TABLE_ROWS = 3


def _table_location_cells(doc: Doc) -> list[tuple[int, int]]:
    """The places in a Markdown table's "Location" column, one span per place in a cell
    ("Pittsburgh, PA</br>Boston, MA" is two), when the table has a row or few."""
    spans: list[tuple[int, int]] = []
    view = doc.view
    for pos in doc.find_all("location"):
        line_start, line_end = doc.line_at(pos)
        if not view.startswith("|", line_start) or line_end + 1 >= len(view):
            continue
        cells = _cells(view, line_start, line_end)
        column = next(
            (
                i
                for i, (s, e) in enumerate(cells)
                if view[s:e].strip(" \t*_").lower() in _LOCATION_HEADINGS
            ),
            None,
        )
        rule_end = view.find("\n", line_end + 1)
        rule_end = len(view) if rule_end == -1 else rule_end
        if column is None or not TABLE_RULE.fullmatch(view, line_end + 1, rule_end):
            continue
        rows = []
        row_start = rule_end + 1
        while row_start < len(view) and view.startswith("|", row_start):
            row_end = view.find("\n", row_start)
            row_end = len(view) if row_end == -1 else row_end
            rows.append((row_start, row_end))
            row_start = row_end + 1
        if not rows or len(rows) > _TABLE_ROWS:
            continue
        for row in rows:
            row_cells = _cells(view, *row)
            if column >= len(row_cells):
                continue
            cell_start, cell_end = row_cells[column]
            for m in _CELL_BREAK.finditer(view, cell_start, cell_end):
                spans.append((cell_start, m.start()))
                cell_start = m.end()
            spans.append((cell_start, cell_end))
    return spans


def _cells(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a "| a | b |" line's cells."""
    cells = []
    bar = view.find("|", start, end)
    while bar != -1:
        nxt = view.find("|", bar + 1, end)
        if nxt == -1:
            if view[bar + 1 : end].strip():
                cells.append((bar + 1, end))  # a row whose last bar is missing
            break
        cells.append((bar + 1, nxt))
        bar = nxt
    return cells


# Marks a page sets before a heading of its own: "■ Work location", "【Location】".
_HEADING_MARKS = "■□●◆◇▶►▪【】[]"
# Labels that name the job's place in so many words: on a line alone they are never a menu's.
_JOB_LOCATION_HEADINGS = frozenset(
    {"job location", "job locations", "work location", "work locations", "internship location"}
)


def _location_label_lines(doc: Doc) -> list[tuple[int, int]]:
    """A line that is only a location label the segmenter did not read as a heading, its
    value on the next line: "■ Work location\nShibuya, Tokyo or Kyoto", Workday's "Primary
    Location:\nUS, Oregon, Hillsboro". A bare "Locations" line counts only with a heading's mark
    or a colon: a site's menu lists "Jobs", "Locations", "Teams"."""
    spans = []
    view = doc.view
    for pos in doc.find_all("location"):
        line_start, line_end = doc.line_at(pos)
        line = view[line_start:line_end]
        label = line.strip(f" \t*#>-_:：{_HEADING_MARKS}").lower()
        if label not in _LOCATION_HEADINGS or (
            label not in _JOB_LOCATION_HEADINGS
            and not any(c in _HEADING_MARKS for c in line)
            and not line.rstrip().endswith((":", "："))  # a form's "Primary Location:", no menu's
        ):
            continue
        start = line_end
        while start < len(view) and view[start] in " \t\n":
            start += 1
        end = view.find("\n", start)
        end = len(view) if end == -1 else end
        value = view[start:end].strip()
        if (
            start < end
            and len(value) <= 80
            and not value.endswith(".")
            and not _table_header_row(value)
        ):
            spans.append((start, end))
    return spans


def _table_header_row(value: str) -> bool:
    """A table's header row under a "Locations" heading ("| Location | Work mode | Notes |", or
    with its bars between cells only once Markdown is read): its cells are column names, not
    places; the rows below it are read as lines or by _table_location_cells."""
    if value.startswith("|"):
        return True
    return "|" in value and any(
        cell.strip(" \t*_").lower() in _LOCATION_HEADINGS for cell in value.split("|")
    )


_PERK_WORDS = re.compile(
    r"fitness|gym|cafeteria|caf[eé]|childcare|daycare|clinic|wellness|lounge|free (?:lunch|food|meals)"
)


# An office that is the company's, not a workplace: "our support office", "its head office".
_COMPANY_OFFICE = re.compile(
    r"\b(?:support|corporate|head|regional|registered|sales|main|global|administrative) office\b"
)

# "This role is based at our corporate office in Dallas": the job is there after all.
_WORKS_THERE = re.compile(r"\b(?:based|located|work|works|working|report|reporting|placed)\b")


# "Our liaison office in Washington, DC does not host interns": a place the job is not in.
_NOT_HERE = re.compile(
    r"(?i)[ \t,]*(?:(?:office|offices|campus|site|lab)[ \t]+)?"
    r"(?:(?:does|do|is|are|will)[ \t]+not|doesn't|don't|isn't|aren't|won't|hosts?[ \t]+no)\b"
)


def _value_list_end(doc: Doc, m: re.Match) -> int:
    """Where a "based in" value ends: at its ";", unless places follow it to the sentence's
    end ("placed in one of our offices: Austin, TX; Raleigh, NC; or Denver, CO")."""
    end = m.end("value")
    # "on-site at our Cincinnati headquarters, with occasional day trips to ... Louisville, KY":
    # where the work is, then where it sometimes travels.
    trip = _TRAVEL_AFTER.search(doc.view, m.start("value"), end)
    if trip:
        return trip.start()
    if doc.view[end : end + 1] != ";":
        return end
    limit = doc.line_at(end)[1]
    stop = _LIST_STOP.search(doc.view, end, min(limit, end + 160))
    return stop.start() if stop else min(limit, end + 160)


_TRAVEL_AFTER = re.compile(
    r"(?i),?\s+(?:with (?:occasional|some|regular|periodic)\b|(?:day )?trips? to\b|visits? to\b|"
    r"travel(?:l?ing)? to\b)"
)


# A sentence's stop after a list of places, whose last may end in capitals ("Denver, CO.").
_LIST_STOP = re.compile(r"(?<!\bSt)(?<!\bFt)(?<!\bMt)\.(?=\s|$)")


_MANY_OF_US = re.compile(
    r"(?i)\bour\s+(?:[\w&-]+\s+){0,3}(?:teams|offices|labs|sites|employees|people)\s+(?:are\s+)?$"
)


_TOWNS_BEFORE_LAST = re.compile(rf"{CITY}(?:, {CITY})*,? (?:and|or|&) {CITY}, [A-Z]{{2}}\b")


def _office_list(doc: Doc, m: re.Match) -> bool:
    """ "Headquartered in Redmond, WA, with offices in New York, NY; Boulder, CO; ...", "offices
    in Austin, Texas, Denver, Colorado": where the company sits, not where the job is done
    ("placed at our headquarters in Houston" is)."""
    sentence_start, sentence_end = doc.sentence_at(m.start())
    sentence = doc.lower[sentence_start:sentence_end]
    # "On-site fitness center at the Home Office in Columbia, Missouri": a perk at the head office.
    perk = "home office in" in sentence and _PERK_WORDS.search(sentence) is not None
    said = m.group(0).lower()
    # "with our support office in Dublin, OH": the company's office, named by its trigger
    # alone; "interns work from our offices in New York, NY or Chicago, IL" are the job's.
    company_office = (
        said.startswith("office")
        and _COMPANY_OFFICE.search(doc.lower, max(sentence_start, m.start() - 20), m.start() + 6)
        and not _WORKS_THERE.search(doc.lower, sentence_start, m.start())
    )
    # "Our R&D teams are based in South San Francisco and Cambridge, MA": the company's
    # teams, many, where the hire's ("our team is based in Austin") is one.
    many_teams = _MANY_OF_US.search(doc.view, sentence_start, m.start()) is not None
    return (
        "headquartered" in sentence
        or many_teams
        or perk
        or bool(company_office)
        or (
            said.startswith("offices in")
            and (
                doc.view[m.end("value") : m.end("value") + 1] == ";"
                or len(list(cities_in(m.group("value")))) > 1
                # "offices in Charlotte, Raleigh and Greenville, SC": bare towns before the last
                or _TOWNS_BEFORE_LAST.match(m.group("value")) is not None
            )
        )
    )


def _more_regions(doc: Doc, pos: int) -> list[Found]:
    """The rest of "Remote (US or Canada)", "Remote - UK, Ireland": regions listed after one."""
    out = []
    while (m := _MORE_REGIONS.match(doc.view, pos)) and is_region(m.group(1)):
        end = m.end(1)
        if doc.view[end - 1] == "." and doc.view[end - 3] != ".":
            end -= 1  # "United States or Canada.": the sentence's stop; "U.S." keeps its own
        out.append(Found(doc.text[m.start(1) : end], m.start(1), end))
        pos = m.end(1)
    return out


_FORWARD_MARKER = re.compile(
    r"(?im)^[ \t>]*(?:-{3,}[ \t]*(?:forwarded|original)[ \t]+(?:message|posting|email)|begin forwarded message)"
)
_COLUMN_GAP = re.compile(r"\S[ \t]{3,}$")


# The job itself the sentence's subject: "This internship is located at our lab in
# Pittsburgh, PA" says where the job is, whatever section the sentence stands in.
_THE_JOB_IS = re.compile(
    r"\b(?:this|the) (?:internship|co-op|role|position|job|opportunity) (?:is|will be) $"
)


def _names_the_job(doc: Doc, pos: int) -> bool:
    """ "Internship location:" in a section read as the company's: the job's place still. So
    is Taleo's "Primary Location:" (and the "Other Locations:" beside it) in a job-details
    footer that the section above swallowed; never a label in another job's card."""
    line_start, _ = doc.line_at(pos)
    kind = doc.kind_at(pos)
    if kind == "about_company" and _JOB_LABEL_PREFIX.fullmatch(doc.view, line_start, pos):
        return True
    if kind == "related":
        return False
    prefix = doc.lower[line_start:pos]
    if _PRIMARY_LABEL_PREFIX.fullmatch(prefix):
        return True
    return bool(_OTHER_LABEL_PREFIX.fullmatch(prefix)) and (
        "primary location" in doc.lower[max(0, line_start - 120) : line_start]
    )


_PRIMARY_LABEL_PREFIX = re.compile(r"[\s*#>-]*primary\s+")
_OTHER_LABEL_PREFIX = re.compile(r"[\s*#>-]*(?:other|additional|secondary)\s+")


def _opens_a_label(doc: Doc, pos: int) -> bool:
    """ "Location:" starts its line (after bullets or "Job "), or is glued on ("...DeveloperLocation:",
    a one-line paste's "...salary.Location:" and "The details• Location:")."""
    line_start, _ = doc.line_at(pos)
    before = doc.view[line_start:pos]
    if _LABEL_PREFIX.fullmatch(before):
        return True
    stem = before.rstrip()
    if _LABEL_RUN.match(before) and stem != before:
        return True  # "Position: SRE support role Location: Chicago, IL": labels in a row
    return (
        bool(stem)
        and (stem[-1].islower() or stem[-1].isdigit() or stem[-1] in ").")
        and stem == before
    ) or (stem.endswith("*") and len(stem) > 1 and not stem[-2].isspace())


def _excluded(doc: Doc, pos: int) -> bool:
    return doc.kind_at(pos) in (
        "about_company",
        "legal",
        "benefits",
        "related",
        "application",
        "compensation",
    )


# A label's value may go on with a sentence: "Location: Singapore (one-north office). Our
# office in Kuala Lumpur is not hiring." A stop after a word of three letters or a bracket
# ends it; "St. Louis" and "D.C." go on.
_LABEL_VALUE_SEPARATOR = re.compile(
    r"\s*(?:;|\||\*| or |\n| / |(?:(?<=[a-z]{3})|(?<=\)))\.\s+(?=[A-Z]))\s*"
)


_ENDS_IN_STATE_CODE = re.compile(r", ?[A-Z]{2}$")


def _places_in(
    doc: Doc,
    start: int,
    end: int,
    *,
    labelled: bool,
    whole_line: bool = False,
    in_prose: bool = False,
) -> list[Found]:
    """The places in `doc.view[start:end]`: a label's value, a title, a line, or (`in_prose`)
    what a sentence says after "based in", where a list of cities is an office list."""
    text = doc.view[start:end]
    out = [
        Found(doc.text[start + m.start("loc") : start + m.end("loc")], start + m.start("loc"),
              start + m.end("loc"))
        for m in cities_in(text)
        if is_city(*m.group("loc").split(",")[:2])
        # "offices in Austin, Texas, Denver, Colorado": a list; "Austin, TX, Raleigh, NC": places.
        and not (
            in_prose
            and not _ENDS_IN_STATE_CODE.search(m.group("loc"))
            and continues_a_list(text, m.end("loc"))
        )
        and not lists_cities(m.group("loc"))
    ]  # fmt: skip
    if labelled and not out and not any(c.islower() for c in text):
        # A label's value in capitals: "WORK LOCATION: KNOXVILLE, TN - OPERATIONS CENTER".
        out = _upper_case_places(doc, start, end)
    if out or not labelled:
        if whole_line and out:
            # A line (or one "·"-separated part of it) that is only a place; not a sentence.
            kept = []
            for f in out:
                before = _part_separators(doc.view, start, f.start)
                part_start = before[-1][1] if before else start
                after = _part_separators(doc.view, f.end, end)
                part_end = after[0][0] if after else end
                if _BOARD_AGE_TAIL.match(doc.view, f.end, part_end):
                    part_end = f.end  # "Lima, OH - Reposted 2 days ago - Over 100 applicants"
                notes = sum(  # a note beside the place, not one the place sits in
                    len(m.group(0))
                    for m in _PAREN_NOTE.finditer(doc.view, part_start, part_end)
                    if m.end() <= f.start or m.start() >= f.end
                )
                extra = (part_end - part_start) - (f.end - f.start) - notes
                if extra <= 25:
                    kept.append(f)
            return kept
        return out
    # A label with plain values: "Location: Remote - US; Toronto" / "Locations: US Remote".
    pieces = _LABEL_VALUE_SEPARATOR.split(text)
    offset = 0
    for piece in pieces:
        pos = text.find(piece, offset)
        offset = pos + len(piece)
        # "London, UK – hybrid, 3 days a week in our office": how the job is done, after a dash.
        value = _MODE_TAIL.sub("", piece)
        # A long value is a sentence, unless what made it long is that note.
        short = len(text) <= 80 or len(value) < len(piece)
        value = _LABEL_NOISE.sub("", value).strip(" ,-–:/()").lstrip(". ")
        if value[-2:-1].islower() and value.endswith("."):
            value = value[:-1]  # "Fully remote. US or Canada.": a sentence's stop, not "D.C."
        # An unknown name counts only in a short value: a long one is a sentence, not a place.
        # "US-CA-San Jose" is how Workday writes country, state and city.
        parts = value.split(", ")
        # "Remote - United States, Canada": two regions, not a town and its county;
        # "Locations: New York, London, Singapore": three towns, none the others' region.
        if (len(parts) > 1 and all(is_region(p) for p in parts)) or town_list(parts):
            for part in parts:
                at = start + pos + piece.find(part)
                out.append(Found(doc.text[at : at + len(part)], at, at + len(part)))
            continue
        dashed = _REGION_DASH_PLACE.fullmatch(value)
        if value and (
            is_region(value)
            or (short and labelled_place(value))
            or workday_place(value)
            or country_state_city(value)
            or (
                dashed
                and is_region(dashed.group("region"))
                and labelled_place(dashed.group("place"))
            )
        ):
            value_start = start + pos + piece.find(value)
            out.append(
                Found(
                    doc.text[value_start : value_start + len(value)],
                    value_start,
                    value_start + len(value),
                )
            )
    return out


# The hiring team and where it sits: "The Flight Software Engineering team in Huntsville, AL
# and Cape Canaveral, FL is looking for undergraduate interns".
_TEAM_IN_HIRING = re.compile(
    r"team in (?P<value>[A-Z][^.;\n]{2,80}?) (?:is|are) (?:looking for|seeking|hiring)\b"
)
_EMPLOYER_CARD = re.compile(r"(?i)\b\d[\d,]*(?:[ \t]*[-–][ \t]*\d[\d,]*|\+)?[ \t]+employees\b")


def _in_search_box(doc: Doc, start: int, end: int) -> bool:
    """A line between a search box's "Where" label and its button ("Find jobs")."""
    if start < 2 or end + 1 >= len(doc.view):
        return False
    above_start, above_end = doc.line_at(start - 2)
    if doc.lower[above_start:above_end].strip(" :") != "where":
        return False
    below_start, below_end = doc.line_at(end + 1)
    return doc.lower[below_start:below_end].strip() in SEARCH_BUTTONS


_SEARCH_FORM = re.compile(r"(?i)[ \t]*search(?:[ \t]+\w+)?[ \t]*:")
# A job board's top card after its place, set off by a dash: the posting's age, then how many
# applied (LinkedIn's "Saskatoon, Saskatchewan, Canada - 1 week ago - 87 applicants").
_BOARD_AGE_TAIL = re.compile(
    # ... or by a wide gap, where a PDF print lost the dots: "Hartford, CT  2 weeks ago".
    r"(?i)(?:[ \t]+[-–—][ \t]+|[ \t]{2,})(?:(?:re)?posted[ \t]+)?(?:\d{1,3}|an?|one)\+?[ \t]+"
    r"(?:minute|hour|day|week|month)s?[ \t]+ago\b"
)


def _part_separators(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `_PART_SEPARATOR.finditer(view, start, end)`, found from their marks.

    The pattern opens with whitespace, so the regex engine tries it at every character of
    the line; the marks are found with str.find at C speed, and most lines have none.
    """
    marks = []
    for mark in _PART_MARKS:
        i = view.find(mark, start, end)
        while i != -1:
            marks.append(i)
            i = view.find(mark, i + 1, end)
    if not marks:
        return []
    marks.sort()
    spans = []
    pos = start  # where the pattern's scan goes on: separators do not overlap
    for at in marks:
        if at < pos:
            continue
        if view[at] == ";":
            sep_start = at
        elif at - 1 >= pos and at + 1 < end and view[at - 1].isspace() and view[at + 1].isspace():
            sep_start = at - 1  # the whitespace before the mark, from where the scan stands
            while sep_start > pos and view[sep_start - 1].isspace():
                sep_start -= 1
        else:
            continue  # "and/or": a mark needs whitespace on both sides
        sep_end = at + 1
        while sep_end < end and view[sep_end].isspace():
            sep_end += 1
        spans.append((sep_start, sep_end))
        pos = sep_end
    return spans


def _city_starts(doc: Doc) -> list[int]:
    """Where a known city's name may stand (found lower-case in the Doc's shared pass, so
    "chrome" holds "rome"): _bare_cities needs one in the line."""
    hits = doc.vocabulary_hits("bare_cities", _city_needles)
    return sorted(end - back for end, back in hits)


def _city_needles() -> dict[str, int]:
    return {city.lower(): len(city) - 1 for city in gazetteer()["cities"]}


def _has_start_in(starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _bare_cities(doc: Doc, start: int, end: int) -> list[Found]:
    """A header line's parts that are each a known city alone: "San Francisco / Remote (US)"."""
    cities = gazetteer()["cities"]
    found = []
    part_start = start
    for sep_start, sep_end in [*_part_separators(doc.view, start, end), (end, end)]:
        part = doc.view[part_start:sep_start]
        if "(" in part:
            part = _PAREN_NOTE.sub("", part)
        part = part.strip(" \t*-•·,")
        if part in cities:
            at = doc.view.find(part, part_start, sep_start)
            found.append(Found(doc.text[at : at + len(part)], at, at + len(part)))
        part_start = sep_end
    return found or _city_list(doc, start, end)


def _with_bare_cities(doc: Doc, start: int, end: int, places: list[Found]) -> list[Found]:
    """A header line of places, some a known city alone: "New York, NY | Chicago, IL | London".
    Every part must be a place; a sentence listing offices gains nothing."""
    cities = _bare_cities(doc, start, end)
    if not cities:
        return places
    part_start = start
    for sep_start, sep_end in [*_part_separators(doc.view, start, end), (end, end)]:
        if not any(part_start <= f.start and f.end <= sep_start for f in (*places, *cities)):
            return places
        part_start = sep_end
    return places + cities


def _city_list(doc: Doc, start: int, end: int) -> list[Found]:
    """ "Seattle, San Francisco, New York, or Remote in the US": a header line that lists known
    cities, with a remote option beside them (read by _REMOTE_REGION), and nothing else."""
    if end - start > 100 or (
        doc.view.find(",", start, end) == -1 and doc.view.find(" or ", start, end) == -1
    ):
        return []  # a longer line is a sentence; a shorter one lists with commas or "or"
    cities = gazetteer()["cities"]
    found = []
    item_start = start
    separators = _LIST_SEPARATOR.finditer(doc.view, start, end)
    while item_start < end:
        sep = next(separators, None)
        item_end = sep.start() if sep else end
        item = doc.view[item_start:item_end].strip()
        if item in cities:
            at = doc.view.find(item, item_start, item_end)
            found.append(Found(doc.text[at : at + len(item)], at, at + len(item)))
        elif item and not item.lower().startswith("remote"):
            return []  # a sentence, or a list of other things
        item_start = sep.end() if sep else end
    return found if len(found) >= 2 or (found and "emote" in doc.view[start:end]) else []


# Lever's meta line in capitals: "SAN FRANCISCO, CA / ENGINEERING / FULL-TIME".
_UPPER_CITY_COMMA = re.compile(r"[A-Z], [A-Z]{2}\b")
# A city in capitals and its state's code, whole words: not "...AVENUE, DA" of "AVENUE, DAYTON",
# nor "HANOVER OR LANSDALE" (two towns).
_UPPER_WORD = r"(?!(?:OR|AND) )[A-Z][A-Z.'’-]+"
_UPPER_PLACE = re.compile(
    rf"(?<![\w.'’-]){_UPPER_WORD}(?: {_UPPER_WORD}){{0,3}}, (?P<code>[A-Z]{{2}})(?![A-Za-z])"
)


def _is_upper_case_city(m: re.Match) -> bool:
    """Whether an _UPPER_PLACE match is a city and a real state's code ("KNOXVILLE, TN")."""
    return m.group("code") in gazetteer()["states"] and is_city(m.group(0).split(",")[0].title())


def _lever_place_in_capitals(doc: Doc, start: int, end: int) -> list[Found]:
    """Lever's meta line in capitals with the province or country spelt out: "TORONTO,
    ONTARIO, CANADA /" (read as "Toronto, Ontario, Canada", kept as written)."""
    line = doc.view[start:end].rstrip(" /")
    if not line.isupper() or "," not in line or len(line) > 60:
        return []
    m = next(cities_in(line.title()), None)
    if m is None or m.start("loc") != 0 or m.end("loc") != len(line):
        return []
    return [Found(doc.text[start : start + len(line)], start, start + len(line))]


def _upper_case_cities(doc: Doc, start: int, end: int) -> list[Found]:
    """A header meta line that opens with a city and its state's code in capitals, its other
    parts after separators: "SAN FRANCISCO, CA / ENGINEERING – PAYMENTS / FULL-TIME". A
    capitals line that is only "CITY, ST" may be an employer ("HOUSTON CANCER INSTITUTE, PA")."""
    separators = _part_separators(doc.view, start, end)
    if not separators:
        # Lever's header puts each meta on its own line in capitals: "BOSTON, MA" under the
        # title, or "NEW YORK, NY /" with the slash that ends each of its lines. A name of
        # three words at most, and no institution's word, is the city.
        part = doc.view[start:end].strip(" \t*-•·/")
        m = _UPPER_PLACE.fullmatch(part)
        if (
            m
            and len(part.split()) <= 4
            and not _INSTITUTION_WORD.search(part)
            and _is_upper_case_city(m)
            and _just_below_a_title(doc, start)
        ):
            at = doc.view.find(part, start, end)
            return [Found(doc.text[at : at + len(part)], at, at + len(part))]
        return []
    part = doc.view[start : separators[0][0]].strip(" \t*-•·")
    m = _UPPER_PLACE.fullmatch(part)
    if m and _is_upper_case_city(m):
        at = doc.view.find(part, start, separators[0][0])
        return [Found(doc.text[at : at + len(part)], at, at + len(part))]
    return []


_INSTITUTION_WORD = re.compile(
    r"\b(?:INSTITUTE|CENTER|CENTRE|HOSPITAL|UNIVERSITY|COLLEGE|COMPANY|INC|LLC|GROUP|BANK|CLINIC|SCHOOL)\b"
)


def _just_below_a_title(doc: Doc, start: int) -> bool:
    """Whether the line above the one at `start` names a job ("... Intern — Summer 2026")."""
    if start == 0:
        return False
    above_start, above_end = doc.line_at(start - 1)
    return JOB_NOUN.search(doc.view, above_start, above_end) is not None


def _upper_case_places(doc: Doc, start: int, end: int) -> list[Found]:
    """The cities and their states' codes in capitals in `doc.view[start:end]`: "KNOXVILLE, TN"."""
    return [
        Found(doc.text[m.start() : m.end()], m.start(), m.end())
        for m in _UPPER_PLACE.finditer(doc.view, start, end)
        if _is_upper_case_city(m)
    ]


# What parts a list of places: "Seattle, San Francisco, New York, or Remote in the US".
_LIST_SEPARATOR = re.compile(r"[ \t]*[,;][ \t]*(?:(?:or|and)[ \t]+)?|[ \t]+(?:or|and)[ \t]+")
