"""The hiring company as the posting names it: votes from its labels ("Company:"), the lines
beside the title, a careers site's own header, a Hacker News line, the "About X" heading and
the sentences that name an employer ("X is an equal opportunity employer", "Join X").

The page's own parts (furniture, zone lines, a board's top card) are read as the title step
reads them: see `etl.parse.header`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from etl.parse.doc import Doc, Found
from etl.parse.header import (
    DATE_ONLY,
    FAQ_HEADING,
    GLUED_LABEL,
    LABEL_WITHOUT_COLON,
    WORD_TOKEN,
    glued_top_card,
    is_breadcrumb,
    is_faq_page,
    near_a_label_colon,
    role_words,
    zone_lines,
)
from etl.parse.places import is_place_line
from etl.parse.text import initials
from etl.parse.vocab import field_labels, heading_kinds, load

_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Inc|Co|Corp|Ltd|LLC|N\.A|S\.A|P\.C|L\.P|Bros|Assn)\.|\b[A-Z]\.)$"
)

_SEASON_OR_YEAR = re.compile(r"(?i)^(?:spring|summer|fall|autumn|winter)\b.*\d|\b(?:19|20)\d{2}\b")

_META_SEPARATOR = re.compile(r"\s+[*|]\s+")  # "·" and "•" read as "*" in the view

# "3Cloud", "10up", "1Password", "23andMe": names that open with digits glued to letters; not
# "2nd shift", "401k", "12hrs".
_DIGIT_NAME = re.compile(
    r"^\d+-?(?!(?:st|nd|rd|th|hrs?|am|pm|yrs?|years?|days?|weeks?|months?|mins?)\b)[A-Za-z]{2,}"
)

_CITY_STATE = re.compile(r"^[A-Z][A-Za-z .'-]+,\s*[A-Z]{2}\b")

# A connector ("Bank of America", "Procter & Gamble") only between capitalised words: "Pécs and
# Szeged and is looking for" names places, not a company.
_NAME = r"[A-Z][\w&'.-]*(?: (?:(?:&|of|and|de|la) )?[A-Z][\w&'.-]*)*"

# The same name where a word starts. Its first capital comes before the look back at what
# precedes it, so the regex engine skips ahead to capitals instead of trying every position
# of the window (about 5x faster). Not after a letter, digit or dot; after an underscore yes:
# "_Spring Health is proud to be ..." is Markdown emphasis around the name.
_WORD_NAME = r"(?P<name>[A-Z](?<![^\W_][A-Z])(?<!\.[A-Z])[\w&'.-]*(?: (?:(?:&|of|and|de|la) )?[A-Z][\w&'.-]*)*)"

_BLURB_OPENING = re.compile(
    rf"\s*(?P<name>{_NAME})(?:,| is| was| has| helps| builds| makes| powers| runs| provides| offers| operates| designs| develops| creates| serves| delivers)\b"
)


_COMPANY_LABEL = re.compile(
    # A staffing agency's "Client: Harborview Mutual Insurance" names who hires.
    r"(?im)^[\s*#>-]*(?:company(?:\s+name)?|employer|hiring\s+(?:company|organi[sz]ation)|organi[sz]ation|client)"
    r"\s*[:：]\s*(?P<value>[^\n]{2,80})$"
)

# The last letters of its labels ("company", "employer", "organization", "client"), in any case.
_COMPANY_LABEL_ENDS = frozenset("yYeErRnNtT")

_FACT_OF_ITS_OWN = re.compile(rf"{_WORD_NAME} (?:is headquartered|was founded) in\b")
_COMMITTED_EQUAL = re.compile(
    rf"{_WORD_NAME} is (?:committed to|proud to)[^.\n]{{0,120}}?\b(?:[Ee]qual (?:[Oo]pportunity|[Ee]mployment)|[Aa]ffirmative [Aa]ction)"
)

# What "<Name> is a ... company" needs in its window: most windows around " company" lack it,
# and the name pattern backtracks at every capital before failing (checked first: 8x faster).
_IS_A = re.compile(" is an? ")

# ... and what "join <Name>", "careers at <Name>", "to <Name> jobs" need: a capital after "in ",
# "at " or "to " (a literal space first: the engine skips to spaces at C speed, where the
# phrase's own pattern, opening with a word boundary, is tried at every character).
_NAME_AFTER_AT_OR_JOIN = re.compile(r" [A-Z](?<=at [A-Z]|in [A-Z])")

_NAME_AFTER_AT_TO_OR_JOIN = re.compile(r" [A-Z](?<=at [A-Z]|to [A-Z]|in [A-Z])")

# ... and what "Intern at <Name>" needs: " at " right after one of its words.
_INTERN_AT = re.compile(
    r" at (?:(?<=ntern at )|(?<=nterns at )|(?<=nternship at )|(?<=nternships at )"
    r"|(?<=oop at )|(?<=o-op at )|(?<=rogram at ))"
)

# How far past its trigger a phrase's window reaches: a few characters when the name stands
# before the trigger ("Acme is an equal ..."), a whole name when it follows ("Careers at ...";
# a window that ended inside the name would cut it: "Halvorsen Ene").
_NAME_BEFORE_TRIGGER = 24

_NAME_AFTER_TRIGGER = 90

# (literal triggers, pattern around them, weight, what a window must hold for the pattern to
# match there or None, window past the trigger): each match votes for the name in "name".
_COMPANY_PHRASES = (
    (
        ("is an equal", "is an e-verify", "is an affirmative", "is a equal"),
        re.compile(
            rf"{_WORD_NAME} is an? (?:[Ee]qual (?:[Oo]pportunity|[Ee]mployment)|[Ee]-[Vv]erify|[Aa]ffirmative)"
        ),
        3.0,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        ("is committed to",),
        re.compile(rf"{_WORD_NAME} is committed to"),
        1.5,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        (". at ", "\nat ", "! at ", "? at "),
        re.compile(rf"(?:^|[.!?] +|\n)At (?P<name>{_NAME}),"),
        2.0,
        None,
        _NAME_AFTER_TRIGGER,
    ),
    (
        ("join ", "working at ", "work at ", "careers at ", "life at "),
        re.compile(
            rf"\b(?:[Jj]oin|[Ww]orking at|[Ww]ork at|[Cc]areers at|[Ll]ife at) (?P<name>{_NAME})(?=[\s.,!:;*_)]|$)"
        ),
        1.0,
        _NAME_AFTER_AT_OR_JOIN,
        _NAME_AFTER_TRIGGER,
    ),
    (
        (
            "'s mission",
            "'s vision",
            "'s culture",
            "'s global",
            "'s product",
            "'s platform",
            "'s team",
        ),
        re.compile(rf"{_WORD_NAME}'s (?:mission|vision|culture|global|products?|platform|teams?)"),
        1.0,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        (
            " is the world",
            " is the leading",
            " is a leading",
            " is the global",
            " is a global",
            " is the premier",
            " is a premier",
            " is an industry",
            " is the fast",
            " is a fast",
            " has been a",
            " has been the",
            # "Tulpa is Europe's fastest-growing marketplace".
            " is europe's",
            " is america's",
            " is asia's",
            " is canada's",
            " is india's",
            " is africa's",
            " is australia's",
            " is the uk's",
        ),
        re.compile(
            rf"{_WORD_NAME} (?:is|has been) (?:(?:the|a|an) (?:world's |global |leading |premier |fast|industry)"
            r"|(?:Europe|America|Asia|Canada|India|Africa|Australia|the UK)'s )"
        ),
        1.5,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        # "Questions about Halvorsen Aerial Systems' hiring program": an FAQ names its company
        # as the owner of the programme it answers for.
        (
            "'s internship",
            "' internship",
            "'s intern ",
            "'s hiring",
            "' hiring",
            "'s new grad",
            "' new grad",
            "'s early career",
            "' early career",
            "'s co-op",
            "'s graduate program",
            "' graduate program",
            "'s campus",
            "' campus",
        ),
        re.compile(
            rf"{_WORD_NAME}(?:'s|') (?:internship|intern|hiring|new grad|early career|co-op|"
            r"graduate program|campus)"
        ),
        2.0,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        # An FAQ about one posting: "The position is offered by Aldergate, a trading firm",
        # "The role is with Harborcart, the online marketplace".
        ("offered by ", " is with "),
        re.compile(
            rf"\b(?:position|role|job|internship|program(?:me)?|opportunity) is (?:offered by|with) "
            rf"(?P<name>{_NAME})(?=[\s.,;:)]|$)"
        ),
        2.0,
        None,
        _NAME_AFTER_TRIGGER,
    ),
    (
        ("and its affiliates",),
        re.compile(rf"{_WORD_NAME} and its affiliates"),
        1.5,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        (" is looking for", " is seeking", " is hiring", " seeks "),
        re.compile(rf"{_WORD_NAME} (?:is (?:looking for|seeking|hiring)|seeks) "),
        2.0,
        None,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        (" company", " firm", " startup", " organization", " organisation", " agency"),
        re.compile(
            rf"{_WORD_NAME} is an? (?:[\w-]+ ){{0,4}}(?:company|firm|startup|"
            r"organi[sz]ation|agency)\b"
        ),
        1.0,
        _IS_A,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        (" at ",),
        re.compile(
            rf"[IiCcPp](?<!\w[IiCcPp])(?:(?<=[Ii])ntern(?:ship)?s?|(?<=[Cc])o-?op|(?<=[Pp])rogram) at (?P<name>{_NAME})[ \t]*(?:$|\n|[(|·,-])",
            re.M,
        ),
        2.0,
        _INTERN_AT,
        _NAME_AFTER_TRIGGER,
    ),
    (
        # "Internships at Sableport give students ownership", "Our internship at Acme runs";
        # not a candidate's "previous internship at Google" or "an internship at Meta".
        ("internships at ", "internship at "),
        re.compile(
            r"(?<![Pp]revious )(?<![Pp]rior )(?<![Pp]ast )(?<!\ban )(?<!\bor )"
            rf"\b[Ii]nternships? at (?P<name>{_NAME})"
        ),
        2.0,
        None,
        _NAME_AFTER_TRIGGER,
    ),
    (
        (" internship", " jobs", " careers", "?"),
        re.compile(rf"\b(?:at|to|join) (?P<name>{_NAME})(?: internships?| jobs| careers|\?)"),
        1.0,
        _NAME_AFTER_AT_TO_OR_JOIN,
        _NAME_BEFORE_TRIGGER,
    ),
    (
        # A recruiter's email: "I'm a university recruiter at Pellucid Systems", and the
        # signature's "Campus Recruiting | Harrow & Lindqvist".
        ("recruiter at ", "recruiter with ", "recruiter for ", "recruiting | ", "recruitment | "),
        re.compile(
            # The sender speaks ("I'm a ... recruiter at"): not a fraud warning's "someone
            # claiming to be a recruiter with The Athletic".
            r"(?i:(?:I'm|I am)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}recruiter (?:at|with|for)"
            rf"|recruiting \||recruitment \|) (?P<name>{_NAME})(?=[\s.,!:;)]|$)"
        ),
        2.0,
        None,
        _NAME_AFTER_TRIGGER,
    ),
)

# Every literal extract_company looks for, by group: the label's, the equal-opportunity
# sentence's, then each phrase's.
_COMPANY_TRIGGER_GROUPS = (
    ("company", "employer", "organi", "client"),
    ("is committed to", "is proud to"),
    (" is headquartered in", " was founded in"),
    *(triggers for triggers, *_ in _COMPANY_PHRASES),
)


@cache
def _company_triggers() -> dict[str, tuple[int, tuple[int, ...]]]:
    """Each trigger -> (its length less one, the indices of the groups that look for it)."""
    owners: dict[str, list[int]] = defaultdict(list)
    for index, triggers in enumerate(_COMPANY_TRIGGER_GROUPS):
        for trigger in triggers:
            owners[trigger].append(index)
    return {trigger: (len(trigger) - 1, tuple(groups)) for trigger, groups in owners.items()}


def _company_trigger_positions(doc: Doc) -> list[list[int]]:
    """Per group, what `doc.find_all(*triggers)` gives: every trigger's start, sorted.

    Read from the Doc's one shared pass as a vocabulary: a find_all per group costs more.
    """
    positions: list[list[int]] = [[] for _ in _COMPANY_TRIGGER_GROUPS]
    for end, (back, groups) in doc.vocabulary_hits("company_triggers", _company_triggers):
        for group in groups:
            positions[group].append(end - back)
    for group in _groups_to_sort():
        positions[group].sort()
    return positions


@cache
def _groups_to_sort() -> tuple[int, ...]:
    """The groups whose hits may come out of order: hits come by where they end, so a later
    one starts earlier only when its trigger holds another of its group (none does today)."""
    return tuple(
        index
        for index, triggers in enumerate(_COMPANY_TRIGGER_GROUPS)
        if any(a != b and a in b for a in triggers for b in triggers)
    )


@cache
def _not_company() -> frozenset[str]:
    return frozenset(load("roles")["not_company"])


@cache
def _not_company_names() -> frozenset[str]:
    return frozenset(load("roles")["not_company_names"])


@cache
def _not_company_last() -> frozenset[str]:
    return frozenset(load("roles")["not_company_last"])


# A note in brackets after a company's name: "Lumenfold (YC W24)", "Acme (remote-first)".
_PAREN_NOTE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


def extract_company(doc: Doc, title: Found | None) -> Found | None:
    """The hiring company as the text names it, or None."""
    votes: dict[str, float] = defaultdict(float)
    first_seen: dict[str, Found] = {}
    said_in_prose: set[str] = set()  # names an "About" block opens with; "X is headquartered"

    # As the view writes it (dashes and quotes made plain), like the lines voted for below.
    title_text = doc.view[title.start : title.end].lower() if title is not None else ""

    def vote(raw: str, start: int, weight: float) -> None:
        name = _clean_name(raw)
        if not name:
            return
        if title_text.startswith(name.lower()) and len(name) >= 0.6 * len(title_text):
            return  # the title repeated ("**Job Title: Knowledge Engineer**") names no company
        start += max(raw.find(name), 0)  # cleaning drops leading marks ("** webAI")
        key = name.lower()
        votes[key] += weight
        if key not in first_seen:
            first_seen[key] = Found(doc.text[start : start + len(name)], start, start + len(name))

    label_hits, committed_hits, phrase_of_facts, *phrase_hits = _company_trigger_positions(doc)
    label_hits = [p for p in label_hits if p < 5000]
    label_hits = near_a_label_colon(doc.view, label_hits, 24, 100, _COMPANY_LABEL_ENDS)
    for m in doc.search_near(_COMPANY_LABEL, label_hits, 24, 100):
        # "Client: Harborview Mutual Insurance (Fortune 500 property & casualty insurer)".
        value = _PAREN_NOTE_AFTER.sub("", m.group("value").strip())
        cut = GLUED_LABEL.search(value)
        # Taleo's "Organization: Network Engineering & Operations" names a unit of the
        # employer as often as the employer: it counts less than a site's own header.
        unit = m.group(0).lstrip(" \t\n*#>-").lower().startswith("organi")
        if "/" in value and m.group(0).lstrip(" \t\n*#>-").lower().startswith("client"):
            continue  # a stack's "Client : Angular / Struts2" (client side), not a client firm
        vote(value[: cut.start()] if cut else value, m.start("value"), 2.5 if unit else 5.0)
    for start, end in _name_lines_near_title(doc, title):
        vote(doc.view[start:end].strip(), start, 3.0)
    if title is None and is_faq_page(doc):
        # A programme's FAQ page, which has no title line, often opens with its owner's name:
        # "Westbrook University\nInformation Technology Services".
        for start, end in zone_lines(doc, 2)[:1]:
            line = doc.view[start:end].strip()
            if _looks_like_name_line(line) and not FAQ_HEADING.match(line):
                vote(line, start, 2.0)
    card_title, card_company = glued_top_card(doc)
    if card_company is not None and card_title is not None and card_title == title:
        vote(str(card_company.value), card_company.start, 3.0)
    # A careers site's own header line: "Jobs at Pinnacle Robotics", "TALLOWAY POWER & LIGHT -
    # EMPLOYMENT OPPORTUNITIES".
    for start, end in doc.lines[:3]:
        m = (
            _JOBS_AT.match(doc.view, start, end)
            or _SITE_HEADER.match(doc.view, start, end)
            or _SITE_MENU_HEADER.match(doc.view, start, end)
        )
        if m:
            vote(m.group("name"), m.start("name"), 3.0)
    # "Lumenfold (YC W24) | New Grad Software Engineer | Toronto, ON": the company first.
    if title is not None:
        line_start, _ = doc.line_at(title.start)
        if line_start < title.start and doc.view[title.start - 3 : title.start] == " | ":
            first_end = doc.view.find(" | ", line_start, title.start)
            name = _PAREN_NOTE_AFTER.sub("", doc.view[line_start:first_end]).strip()
            if name and _looks_like_name_line(name):
                vote(name, line_start + doc.view[line_start:first_end].find(name), 4.0)
    # "Data Analyst Intern - Bluefin Health - Nashville, TN": role, company, place.
    if title is not None:
        parts = list(_TITLE_PARTS.finditer(doc.view, title.start, title.end))
        if len(parts) == 3 and is_place_line(parts[2].group(0).strip()):
            name = parts[1].group(0).strip()
            if _looks_like_name_line(name):
                vote(name, parts[1].start() + parts[1].group(0).find(name), 2.0)
    for block in doc.blocks:
        if block.kind != "about_company":
            continue
        heading = block.heading or ""
        if heading.lower().startswith("about "):
            named = heading[6:].strip()
            named = named[4:] if named.lower().startswith("the ") else named
            if named[:1].isupper() or named[:1].isdigit():  # "About the placement" names none
                vote(heading[6:], block.start + 6, 2.5)
        # "About the Company\nShopwave powers online stores ...": the blurb opens with it.
        m = _BLURB_OPENING.match(doc.view, block.body_start, min(block.end, block.body_start + 80))
        if m:
            vote(m.group("name"), m.start("name"), 0.5)
            said_in_prose.add(_clean_name(m.group("name")).lower())
    for (_, pattern, weight, needs, after), positions in zip(
        _COMPANY_PHRASES, phrase_hits, strict=True
    ):
        if not positions:
            continue  # most phrases' triggers are absent: no search to set up
        for m in doc.search_near(pattern, positions, 70, after, needs=needs):
            name, at = m.group("name"), m.start("name")
            if name[2:4] == ". " and name[:2].isupper():
                # "... Vancouver, WA. Brightwater is an equal opportunity employer": the
                # sentence before ended at the state's code.
                name, at = name[4:], at + 4
            vote(name, at, weight)
    # "Tessellate Silicon is headquartered in San Jose, CA", "Saltmarsh was founded in 2016":
    # the company's own facts, said in prose; they name it only when nothing else does.
    facts = [] if votes else list(doc.search_near(_FACT_OF_ITS_OWN, phrase_of_facts, 70, 20))
    # "Kestrel is committed to a diverse workplace and proud to be an equal opportunity
    # employer": the equal-opportunity sentence names the employer from further away.
    for m in doc.search_near(_COMMITTED_EQUAL, committed_hits, 70, 160):
        vote(m.group("name"), m.start("name"), 2.0)
    if doc.view.startswith("At "):
        m = _COMPANY_PHRASES[2][1].match(doc.view)
        if m:
            vote(m.group("name"), m.start("name"), 1.5)
    if not votes:
        for m in facts:
            vote(m.group("name"), m.start("name"), 0.5)
            said_in_prose.add(_clean_name(m.group("name")).lower())
    if not votes:
        return None
    if len(votes) == 1:
        best = next(iter(votes))  # no rival: no need to count its mentions over the text
    else:
        # A name voted for by several kinds of evidence beats one strong but lone guess.
        mentions = {key: _count_mentions(doc, key) for key in votes}
        best = max(votes, key=lambda k: (votes[k] + min(mentions[k], 5) * 0.3, mentions[k]))
    if votes[best] < 2.0:
        # "Corvane" in "Corvane's engineers" outnumbers "This role is with Corvane Cloud": one
        # company, named in full where a strong vote names it.
        full = [k for k in votes if k.startswith(best + " ") and votes[k] >= 2.0]
        if full:
            return first_seen[full[0]]
    # With no rival, the name opening the company's blurb (or stating its facts) names it when
    # the text names it again ("About the Company\nBrambleworks Games is an independent studio"
    # below "Platform Engineering at Brambleworks Games builds"): a page with no header says so
    # only in its prose.
    if votes[best] < 2.0 and not (
        len(votes) == 1 and best in said_in_prose and _count_mentions(doc, best) >= 2
    ):
        return None
    if best.isalpha() and len(best) <= 5 and first_seen[best].value.isupper():
        # "RGNL Careers | Rio Grande National Laboratory": the name the initials stand for.
        spelled = [k for k in votes if initials(k) == best]
        if spelled:
            return first_seen[spelled[0]]
    return first_seen[best]


def _name_lines_near_title(doc: Doc, title: Found | None) -> list[tuple[int, int]]:
    """Short name-like lines in the header next to the title (the company line of a job board)."""
    if title is None:
        return []
    # Menus and "Sign In" between the company line and the title do not count as distance.
    lines = zone_lines(doc, max_lines=12)
    out = []
    title_index = next((i for i, (s, e) in enumerate(lines) if s <= title.start < e), None)
    if title_index is None:
        return []
    view = doc.view
    # Only the three lines either side of the title.
    for start, end in lines[max(title_index - 3, 0) : title_index + 4]:
        if start <= title.start < end:
            continue  # the title's own line
        # Trim markdown marks/bullets so "### Acme" is "Acme".
        while start < end and view[start] in " \t*#>-•|_":
            start += 1
        # A board's meta line "Acme Analytics · Austin, TX (On-site)": the name comes first.
        separator = _meta_separator(view, start, end)
        if separator and ":" in view[start : separator.start()]:
            # "Job ID: 3012774 | Amazon Web Services, Inc.": a label first, the name after it.
            start = separator.end()
            separator = _meta_separator(view, start, end)
        if separator:
            end = separator.start()
        line = view[start:end].strip()
        if _looks_like_name_line(line):
            out.append((start, start + len(line)))
    return out


def _meta_separator(view: str, start: int, end: int) -> re.Match | None:
    """The first " * " or " | " parting a meta line in view[start:end], or None."""
    # Most lines hold neither mark: two C-speed finds spare the regex a try at every space.
    if view.find("*", start, end) == -1 and view.find("|", start, end) == -1:
        return None
    return _META_SEPARATOR.search(view, start, end)


def _looks_like_name_line(line: str) -> bool:
    # Most lines near a title pass every test, so each test is made cheap rather than
    # reordered: C-speed looks decide whether a regex can match at all, and the place lookup,
    # the costliest, comes last.
    if not 2 <= len(line) <= 60 or len(line.split()) > 6:
        return False
    if line.endswith(("?", "!", ":")) or (
        line.endswith(".") and not _ABBREVIATION_END.search(line)
    ):
        return False
    digit_name = line[0].isdecimal() and _DIGIT_NAME.match(line) is not None
    if (
        not line[0].isupper()
        and not (len(line.split()) <= 2 and line[0].isalpha())
        and not digit_name
    ):
        return False  # "dLocal", "octoenergy" are names; a lower-case sentence is not
    words = line.split()
    if len(words) >= 4 and sum(word[0].isupper() for word in words) * 2 < len(words):
        return False  # a startup card's tagline: "Grid-edge software for community solar"
    # A season or year, and a date, hold a digit; few names do.
    has_digit = _DIGIT.search(line) is not None
    if has_digit and _SEASON_OR_YEAR.search(line):
        return False
    lower = line.lower()
    if lower in heading_kinds() or lower.split()[0] in _not_company():
        return False
    if line.strip()[:1] in _LABEL_FIRST_CHARACTERS and LABEL_WITHOUT_COLON.fullmatch(line.strip()):
        return False  # Workday's "time type" / "posted on" label lines
    words = WORD_TOKEN.findall(lower)
    if words and not digit_name and _department_words().issuperset(words):
        return False  # "Software and Services", "Engineering – Internship": departments, not names
    if (
        (has_digit and DATE_ONLY.match(line))
        or ("," in line and _CITY_STATE.match(line))
        or (line[0].isdigit() and not digit_name)
    ):
        return False
    if lower.startswith(("posted", "reposted", "updated", "apply", "save", "share", "job ")):
        return False
    if "   " in line and line.split("   ", 1)[0].strip().lower() in field_labels():
        return False  # a field and its value set apart by a wide gap: "Status        Open"
    if not _WORK_MODE_WORDS.isdisjoint(words):
        return False
    if _TERMS_LINE.fullmatch(lower):
        return False  # Workday's "time type" value: "Full time"
    # Lever's "Engineering – Internship /", "Cupertino, California, United States"
    return not (line.endswith("/") or is_place_line(line))


_DIGIT = re.compile(r"\d")

# What a `LABEL_WITHOUT_COLON` label can open with, in any case ("ſ" is an "s" to IGNORECASE).
_LABEL_FIRST_CHARACTERS = frozenset("jJrRcCtTeElLpPdDsSſwW#")

_WORK_MODE_WORDS = frozenset({"remote", "hybrid", "onsite", "full-time", "part-time"})


@cache
def _department_words() -> frozenset[str]:
    return role_words() | _not_company()


def _clean_name(name: str) -> str:
    name = name.strip(" \t*#>-•|_.,:;\"'")
    if name.count("(") != name.count(")"):
        name = name.strip(" ()")  # a stray bracket, not "Creative Staffing (CFS)"
    # Both patterns match at most once, at the end or the start: a look at that character
    # spares most names the regex.
    if name[-1:] in _SITE_SUFFIX_LAST_CHARACTERS:
        # "Halcyon Careers" is Halcyon's careers site; so is "Borealis Communications - Careers".
        name = _SITE_SUFFIX.sub("", name).rstrip(" -–—|:")
    if name[:1] in "tT":
        name = _LEADING_THE.sub("", name)
    if not name or len(name) > 60 or ":" in name or is_breadcrumb(name):
        return ""  # "State Role Title: 19034" is a label line, not a name
    words = name.lower().split()
    if (
        words[0] in _not_company()
        or name.lower() in _not_company()
        or name.lower() in _not_company_names()
    ):
        return ""
    if words[-1] in _not_company_last():
        return ""
    if name.lower() in heading_kinds():
        return ""
    if "." in name and _SITE_DOMAIN.fullmatch(name):
        return ""  # "naukri.com" atop the page: the board's logo, not the employer
    return name


_LEADING_THE = re.compile(r"(?i)^(?:the)\s+")

_SITE_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z]{2,6}){1,2}")

_TERMS_LINE = re.compile(
    r"(?:full|part)[- ]?time|permanent|temporary|regular|seasonal|internship|contract(?:or)?"
)

_JOBS_AT = re.compile(
    r"[ \t#*]*(?:[Jj]obs|[Cc]areers|[Oo]penings|[Oo]pen [Rr]oles|[Oo]pen [Pp]ositions) at "
    rf"(?P<name>{_NAME})[ \t*]*$"
)

_SITE_HEADER = re.compile(
    rf"[ \t#*]*(?P<name>{_NAME})[ \t]+(?:[-–|][ \t]+)?"
    r"(?:(?i:(?:employment|career|job)[ \t]+opportunities|job[ \t]+openings)|Careers)[ \t*]*$"
)

# A site's header run into its menu: "Aldercrest Bank | Careers | Students & Graduates".
# "Corvane Careers  |  Students & Graduates  |  FAQ", "Aldermoor Careers   Students   FAQ": the
# same, the site's name first.
_SITE_MENU_HEADER = re.compile(
    rf"[ \t#*]*(?P<name>{_NAME})(?:[ \t]+\|)?[ \t]+(?:Careers|Jobs)(?:[ \t]+\||[ \t]{{3,}}\S)"
)

# The parts of a title line between " - ", " – ", " | ".
_TITLE_PARTS = re.compile(r"[^|–—-]+(?:-(?! )[^|–—-]*)*")

_SITE_SUFFIX = re.compile(r"(?i)\s+(?:careers?|jobs)(?:\s+(?:site|portal|page|home))?$")

# The last characters of its words in any case ("ſ" is an "s" to IGNORECASE), and the newline
# `$` may stand before.
_SITE_SUFFIX_LAST_CHARACTERS = frozenset("rRsSſeElL\n")


def _count_mentions(doc: Doc, key: str) -> int:
    if len(key) < 2:
        return 0
    return doc.lower.count(key)
