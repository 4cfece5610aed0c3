"""The title, and the page around it: what the posting calls itself.

The title is the posting's own title line, verbatim: a "Job Title:" label, an FAQ answer
("The job title for this position is ..."), or the first line near the top that reads like
a title (has a role word such as Engineer or Intern, and is not a sentence or a heading).
The header's lines around it (menus, cookie banners, print headers, a board's top card) are
told apart here too; `etl.parse.company` reads the employer from the same lines.
"""

from __future__ import annotations

import re
from functools import cache

from etl.parse.dates import PAGE_DATE_NOTE, PRINT_HEADER_WITH_MONTH
from etl.parse.doc import Doc, Found
from etl.parse.places import is_place_line
from etl.parse.segment import HEADER_KIND, SMALL_WORDS
from etl.parse.vocab import field_labels, heading_kinds, load

_TITLE_LABEL = re.compile(
    r"(?im)^[\s*#>-]*(?:job\s+title|position\s+title|title\s+of\s+position|job\s+name|title|position|role)"
    r"\s*[:：]\s*(?P<value>[^\n]{3,160})$"
)
# The last letters of its labels ("title", "position", "role", "job name"), in any case.
_TITLE_LABEL_ENDS = frozenset("eEnN")
# Its first letter comes before the look back for a word boundary, and outside IGNORECASE:
# the regex engine skips ahead to those letters instead of trying every position of the window.
_FAQ_TITLE = re.compile(
    r"[JjPpRr](?<!\w[JjPpRr])(?i:(?<=j)ob|(?<=p)osition|(?<=r)ole)"
    # "... position title is X.", "The position is titled X."
    r"(?i:\s+(?:title\b[^.\n?]{0,60}?\b(?:is|will be)|is\s+(?:titled|called|named))"
    r"\s*[:\"']?\s*(?P<value>[^\n]{3,200}?)"
    r"[\"']?\.(?=\s|$))"
)
# A value that runs into the next glued label: "Python AI/ MLType: Fulltime".
GLUED_LABEL = re.compile(
    r"(?<=[a-z0-9)\]])(?=[A-Z][a-z]+(?: [A-Z]?[a-z]+)?\s?:)"
    r"|(?<=\S) ?(?=(?:Job |Employment |Work |Position )?(?:Type|Location|Locations|Salary|Pay|Rate|Duration|"
    r"Start Date|Company|Department|Team|Date|Schedule|Hours|Experience|Term|Openings)\s?:)"
)
_OVERVIEW_KINDS = frozenset({"summary", "title_meta", "other"})
# A label block copied without its colons: "Type Intern (Temporary)", "Category Engineering".
LABEL_WITHOUT_COLON = re.compile(
    r"(?i)\s*(?:job\s+id|req(?:uisition)?(?:\s+id)?|category|type|job\s+type|employment\s+type|"
    r"locations?|posted(?:\s+(?:date|on))?|department|schedule|shift|status|level|#\s*of\s+openings|"
    # Workday's lower-case labels: "time type", "remote type", "job family", "job requisition id".
    r"(?:time|remote|worker|job)\s+(?:type|family|category|profile|requisition)|job\s+requisition\s+id)\b"
)
_SENTENCE_WORDS = re.compile(
    r"\b(?:is|are|was|were|will|would|we|you|your|our|my|please|click|apply|applying|"
    r"looking|seeking|hiring|join|must|should|can|have|has|this|that|these|who|which|their|they)\b"
)
WORD_TOKEN = re.compile(r"[^\W\d_][\w+#./-]*")
DATE_ONLY = re.compile(
    r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{0,4}$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$"
)
FAQ_HEADING = re.compile(r"(?i)\s*(?:frequently asked questions|faqs?)\b")
_FAQ_PART = re.compile(r"(?i)[-–—|:][ \t]*(?:frequently asked questions|faqs?)[ \t]*$")
_BREADCRUMB = re.compile(r"\S\s*(?:>|»|›)\s*\S.*?(?:>|»|›)")


@cache
def role_words() -> frozenset[str]:
    return frozenset(load("roles")["role_words"])


@cache
def _job_nouns() -> frozenset[str]:
    return role_words() - frozenset(load("roles")["field_words"])


@cache
def _furniture_words() -> tuple[str, ...]:
    return tuple(p.lower() for p in load("roles")["furniture_phrases"])


@cache
def _furniture_phrases() -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in load("roles")["furniture_phrases"])
    return re.compile(rf"(?i)\b(?:{phrases})\b")


# A site's menu: short items set apart by wide gaps, or four or more by " | ", " / ", " · "
# (a title may have three: "Tech Lead | Frontend | Payments").
_EMAIL_LINE = re.compile(
    r"(?i)^\s*(?:(?:from|to|cc|bcc|subject|date|sent|reply-to)\s*:|(?:hi|hello|dear|hey)\s+[\w .-]{1,40},\s*$"
    # ... or a job board's search box kept in the copy ("Search: data intern   Location: Austin")
    r"|(?:(?:job\s+)?search(?:\s+(?:roles|jobs|positions|openings))?|keywords?|what)\s*:"
    # A search form's fields copied as text: "[ quant developer ]   [ München ]".
    r"|.*\[[^\]\n]{1,40}\][^\[\n]*\[[^\]\n]{1,40}\])"
)
_CHAT_HEADER = re.compile(
    r"(?i)\s*\S.{0,40}?\s[—–-]\s(?:today|yesterday|\d{1,2}/\d{1,2}/\d{2,4})\s(?:at\s)?\d{1,2}:\d{2}"
)
_CHANNEL = re.compile(r"#[a-z0-9][a-z0-9_-]+\s*$")
_PAGE_NUMBER = re.compile(r"\b[Pp]age \d{1,3} of \d{1,3}\b")
_SITE_LANGUAGE = r"(?:[A-Z]{2}|English|Deutsch|Français|Español|Nederlands|Italiano|Português)"
_LANGUAGE_SWITCH = re.compile(rf"\s*{_SITE_LANGUAGE}(?:\s*[|/]\s*{_SITE_LANGUAGE})+\s*$")
_WIDE_GAP = re.compile(r"\s{2,}")
_ITEM_GAP = re.compile(r"\s{2,}|\s[|*/]\s")
_LETTERS = re.compile(r"[^\W\d_]+")
# A line whose first item (up to the first `_ITEM_GAP`) has four words or more: no menu.
_FOUR_WORD_ITEM = re.compile(r"\S+(?:\s(?!\s|[|*/]\s)\S+){3}")


def is_page_furniture(line: str, *, may_hold_phrase: bool = True) -> bool:
    """A navigation bar, a cookie banner, "Skip to main content": the page, not the posting.

    `may_hold_phrase=False`: the caller found no furniture phrase in the text around the line.
    """
    if (
        may_hold_phrase
        and _has_furniture_phrase(line.lower())
        and _furniture_phrases().search(line)
    ):
        return True
    if line[:1].isdigit() and PAGE_DATE_NOTE.match(line):
        return True  # a browser's print header ("10/18/25, 2:14 PM  <page title>")
    if (
        line[:1].isupper()
        and ("  " in line or "\t" in line)
        and PRINT_HEADER_WITH_MONTH.match(line)
    ):
        return True  # "Jan 15, 2026, 11:20 AM      <page title>"
    if (" at " in line or "/" in line) and _CHAT_HEADER.match(line):
        return True  # a chat message's author and time ("priya_k — Today at 2:14 PM")
    if "age " in line and _PAGE_NUMBER.search(line):
        return True  # a printed page's running header or footer ("... Page 1 of 2")
    if ("|" in line or "/" in line) and _LANGUAGE_SWITCH.match(line):
        return True  # a site's language switch ("DE | EN")
    if line[:1] == "#" and _CHANNEL.match(line):
        return True  # a chat channel's name ("#internships-and-jobs")
    # Every such line has a colon or a comma: two C-speed finds spare most lines the regex.
    if (":" in line or "," in line) and _EMAIL_LINE.match(line):
        return True  # a forwarded email's "Subject: Fwd: ..." and "Hi Alex,"
    # Finding one character runs at C speed; a two- or three-character find is slower on a
    # long line: each gap's mark is looked for alone first.
    if (
        "  " not in line
        and ("|" not in line or " | " not in line)
        and ("/" not in line or " / " not in line)
        and ("*" not in line or " * " not in line)
    ):
        return False  # no item gaps: not a menu
    line = line.strip()
    if _FOUR_WORD_ITEM.match(line):
        return False  # most lines with a gap are prose: no need to split them all up
    wide = [item for item in _WIDE_GAP.split(line) if item]
    items = [item for item in _ITEM_GAP.split(line) if item.strip()]
    # Four words at most in a menu of four wide-set items or more ("Internship Experience UK 2026").
    most_words = 4 if len(wide) >= 4 else 3
    short = all(len(item.split()) <= most_words for item in items)
    # Wide gaps set a menu apart ("Find a Doctor   Locations   Careers"); " / " and " | " may
    # also part a title, so those need four items and no job named
    # ("Algo Trading Developer / Python / Backtrader / VectorBT" is a title).
    return short and (len(wide) >= 3 or (len(items) >= 4 and not _names_a_job(line)))


def _has_furniture_phrase(lower: str) -> bool:
    """Whether lower-case text holds a furniture phrase anywhere, even inside a word."""
    return any(phrase in lower for phrase in _furniture_words())


def _names_a_job(title: str) -> bool:
    """Whether a title line names the job itself ("... Intern"), not only a field ("Data")."""
    lower = title.lower()
    return not _job_nouns().isdisjoint(_LETTERS.findall(lower)) or "co-op" in lower


def extract_title(doc: Doc) -> Found | None:
    """The posting's title line, verbatim, or None when the text has no title."""
    limit = min(len(doc.view), 4000)
    label_hits = [p for p in doc.find_all("title", "position", "role", "job name") if p < limit]
    label_hits = near_a_label_colon(doc.view, label_hits, 24, 180, _TITLE_LABEL_ENDS)
    for m in doc.search_near(_TITLE_LABEL, label_hits, 24, 180):
        found = _title_value(doc, m.start("value"), m.end("value"))
        if found is not None:
            # A "Position:" label down in the body restates the job; the page's own title
            # line above the body, when it names a job, is the title.
            if found.start >= doc.title_zone[1]:
                opening = _first_title_line(doc)
                if opening is not None:
                    return opening
            return found
    faq_hits = [p for p in doc.find_all("title") if p < 6000]
    for m in doc.search_near(_FAQ_TITLE, faq_hits, 12, 260):
        found = _title_value(doc, m.start("value"), m.end("value"), strict=False)
        if found is not None:
            return found
    if is_faq_page(doc):
        return None  # the programme's FAQ: a heading names the programme, no job's title line
    # The first header line naming a job ("... Intern") beats an earlier one naming only a
    # field ("Arclight AI", "Meridian Freight Logistics | Careers"); menus never count.
    found = (
        _first_title_line(doc)
        or _title_after_label_block(doc)
        or _title_past_menu(doc)
        or _first_title_line(doc, weaker_ok=True)
        or glued_top_card(doc)[0]
    )
    return _role_of_pipe_header(doc, found) if found is not None else None


def _pipe_parts(line: str) -> list[tuple[int, int]]:
    """The spans of a line's " | "-separated parts, each stripped of its spaces."""
    spans, at = [], 0
    for part in line.split(" | "):
        lead = len(part) - len(part.lstrip())
        spans.append((at + lead, at + len(part.rstrip())))
        at += len(part) + 3
    return spans


def _role_of_pipe_header(doc: Doc, found: Found) -> Found:
    """A Hacker News "Who is hiring" line, "Lumenfold (YC W24) | New Grad Software Engineer
    (Backend) | Toronto, ON | ONSITE | Full-time": company first, then the role, where, how.
    The title is the first part naming a job; a line whose first part names one
    ("Software Engineer Intern | Summer 2026 | New York") is a title as it stands."""
    line = doc.view[found.start : found.end]
    if line.count(" | ") < 2:
        return found
    parts = _pipe_parts(line)
    first_start, first_end = parts[0]
    if _names_a_job(line[first_start:first_end]):
        return found
    for start, end in parts[1:]:
        if _names_a_job(line[start:end]):
            at = found.start
            return Found(doc.text[at + start : at + end], at + start, at + end)
    return found


_FAQ_PAGE_LINES = 10
_FAQ_QUESTIONS = 3


def is_faq_page(doc: Doc) -> bool:
    """A page that opens as an FAQ ("Frequently Asked Questions" among its first lines) and
    goes on in questions: a programme's FAQ, not a job's posting with an FAQ at its end."""
    top = doc.lines[:_FAQ_PAGE_LINES]
    if not top or not any(p < top[-1][1] for p in doc.find_all("faq", "frequently asked")):
        return False  # no FAQ heading among the first lines: the usual page, at C speed
    first_heading = next((b.start for b in doc.blocks if b.heading), len(doc.view))
    for start, end in top:
        if start > first_heading:
            return False  # the posting's own sections come first: an FAQ at its end
        line = doc.view[start:end].lstrip(" \t#*>-")
        # "Frequently Asked Questions", "Explorer Internship Program — Frequently Asked Questions"
        if (line[:1] in "fF" and FAQ_HEADING.match(line)) or _FAQ_PART.search(line):
            questions = 0
            for q_start, q_end in doc.lines:
                if doc.view[q_start:q_end].rstrip(" *").endswith("?"):
                    questions += 1
                    if questions >= _FAQ_QUESTIONS:
                        return True
            return False
    return False


# A job board's top card pasted with its line breaks lost: "Android Engineering Intern (Spring
# 2026) Glimmerfox · United States (Remote) 2 weeks ago · ...". The title runs to the bracket
# that ends it, the company to the first "·" (read as "*" in the view).
_GLUED_TOP_CARD = re.compile(
    r"[ \t*#>-]*(?P<title>[^\n*|()]{5,100}\([^\n*|()]{2,50}\))[ \t]*"
    r"(?P<company>[A-Z][^\n*|()]{1,40}?)[ \t]+\*[ \t]"
)
_TOP_CARD_LINES = 3  # under a site's menu line or two


def glued_top_card(doc: Doc) -> tuple[Found | None, Found | None]:
    """The title and company of a first line that holds a whole top card (see _GLUED_TOP_CARD);
    read once per posting for both steps."""
    if "top_card" not in doc.shared:
        doc.shared["top_card"] = _read_glued_top_card(doc)
    return doc.shared["top_card"]


def _read_glued_top_card(doc: Doc) -> tuple[Found | None, Found | None]:
    for start, end in doc.lines[:_TOP_CARD_LINES]:
        if end - start <= _MAX_TITLE_CHARS:
            continue  # a line short enough to be a title was read as one already
        m = _GLUED_TOP_CARD.match(doc.view, start, end)
        if m is None or not _names_a_job(m.group("title")):
            return None, None
        title = _title_value(doc, m.start("title"), m.end("title"))
        # "... (2026 Start)New York, NY · Austin, TX": the card's next part is its place.
        company = (
            None
            if is_place_line(m.group("company").strip())
            else Found(
                doc.text[m.start("company") : m.end("company")],
                m.start("company"),
                m.end("company"),
            )
        )
        return title, company
    return None, None


# How far below a careers page's menu its title line may stand.
_PAST_MENU_LINES = 25
_PAST_MENU_CHARS = 3000
# Sections that may sit above the title: menu items read as headings ("View All Jobs" as
# related jobs, "Life at Acme" as the company's, "Locations" as a meta label).
_ABOVE_TITLE_KINDS = frozenset({HEADER_KIND, "title_meta", "related", "about_company", "other"})
# The title's meta lines ("Data Platform · Amsterdam · Hybrid") run to the first sentence.
_META_LINES_AFTER_TITLE = 4
_LEADING_LABEL = re.compile(r"[\w &/-]{1,30}:\s")
# A list item's mark, not markdown's bold ("**Data Intern**").
_BULLET = re.compile(r"\s*\\?[*•·-]\s")  # "\- " too: markdown's escaped dash


# A job board's search box kept in the copy: "What\nsupply chain intern\nWhere\nColumbus, OH".
_SEARCH_BOX_LABELS = frozenset(
    {"what", "keywords", "keyword", "search", "search jobs", "job title, keywords, or company"}
)


def _is_search_query(doc: Doc, start: int) -> bool:
    """Whether the line at `start` is what someone typed into a search box: the line above
    it is the box's label."""
    if start == 0:
        return False
    above_start, above_end = doc.line_at(start - 1)
    if doc.view[above_start:above_end].strip(" :").lower() not in _SEARCH_BOX_LABELS:
        return False
    # "data intern\nAustin, TX\nSearch": the search box's button, under its query, not its
    # label over one.
    if above_start == 0:
        return True
    query_start, query_end = doc.line_at(above_start - 1)
    query = doc.view[query_start:query_end].strip()
    return not (query.islower() or is_place_line(query))


def _title_cased(line: str) -> bool:
    """Most longer words capitalised, as a title line writes them ("Data Analyst, New Grad");
    a sentence's fragment is not ("De formation ingénieur spécialisé en développement")."""
    words = [word for word in _LETTERS.findall(line) if len(word) > 3]
    return sum(word[0].isupper() for word in words) * 2 >= len(words)


def _is_prose(line: str) -> bool:
    """A sentence, not a title, a label or a meta line."""
    return line.rstrip().endswith(".") or _SENTENCE_WORDS.search(line.lower()) is not None


def _title_past_menu(doc: Doc) -> Found | None:
    """A careers page whose menu items read as headings ("Job Openings", "View All Jobs",
    "Life at Acme") has its title line below them, where the title zone has already closed:
    the first short line naming a job among the page's first lines, before its body begins.
    The title zone is extended over it and its meta lines."""
    zone_end = doc.title_zone[1]
    view = doc.view
    lines = [
        line
        for line in doc.lines[:_PAST_MENU_LINES]
        if line[0] >= zone_end and line[1] <= _PAST_MENU_CHARS
    ]
    for i, (start, end) in enumerate(lines):
        line = view[start:end]
        if is_page_furniture(line):
            continue  # a cookie banner's sentences are the page's, not the posting's body
        if doc.kind_at(start) not in _ABOVE_TITLE_KINDS and _is_prose(line):
            # The posting's body has begun: a job named below is not the title. A board's
            # tab ("Overview", "Jobs 4") may read as a section heading with short lines under.
            return None
        if (
            len(line.split()) > 12
            or _BULLET.match(line)  # a duty ("* Design and test ...")
            or _LEADING_LABEL.match(line)  # "Shift: 2nd shift / Monday - Friday"
            or doc.in_heading(start)
        ):
            continue
        found = _title_value(doc, start, end)
        if found is None or not _names_a_job(str(found.value)) or not _title_cased(line):
            continue
        meta_end = end
        for meta_start, next_end in lines[i + 1 : i + 1 + _META_LINES_AFTER_TITLE]:
            if _is_prose(view[meta_start:next_end]):
                break
            meta_end = next_end
        doc.extend_title_zone(meta_end + 1)
        return found
    return None


def near_a_label_colon(
    view: str, positions: list[int], before: int, after: int, label_ends: frozenset[str]
) -> list[int]:
    """The positions whose window (as `Doc.search_near` reads it) holds a colon with, before it
    and only space between, a letter that ends a label (in any case): every "Label: value"
    match holds one.

    Found by C-speed finds: the label pattern opens with a line start, which the regex engine
    tries at every character of the window, and most windows around a label word have no
    colon, or one after some other word ("Role Overview ... Location: Austin").
    """
    kept = []
    for p in positions:
        lo, hi = max(p - before, 0), p + after
        for colon in (":", "："):
            c = view.find(colon, lo, hi)
            while c != -1 and view[lo:c].rstrip()[-1:] not in label_ends:
                c = view.find(colon, c + 1, hi)
            if c != -1:
                kept.append(p)
                break
    return kept


def _title_after_label_block(doc: Doc) -> Found | None:
    """iCIMS and Taleo open with an "Overview" of labels ("Job ID 2026-4417", "Type Intern"),
    the title on its own line under them: the first standalone job line of that first block."""
    if not doc.blocks or doc.title_zone[1] > 0 or doc.blocks[0].heading is None:
        return None
    first = doc.blocks[0]
    if first.kind not in _OVERVIEW_KINDS:
        return None  # a page that opens on its duties has no title line to find there
    for start, end in doc.lines:
        if start < first.body_start:
            continue
        if end > first.end:
            break
        line = doc.view[start:end]
        if LABEL_WITHOUT_COLON.match(line) or len(line.split()) > 12 or line[:1] in "-*•":
            continue
        found = _title_value(doc, start, end)
        if found is not None and _names_a_job(str(found.value)):
            return found
    return None


def _first_title_line(doc: Doc, *, weaker_ok: bool = False) -> Found | None:
    weaker = None
    # A line naming a job may stand below a menu the zone's first lines did not see as one
    # ("Built In NYC / Jobs / Companies / Best Places To Work / For Employers"); a line naming
    # none stands in for a title only near the top.
    jobs: list[Found] = []
    pasted_below = -1  # where a rule sets a pasted posting below someone's note ("---")
    for index, (start, end) in enumerate(zone_lines(doc, _MAX_ZONE_LINES)):
        if jobs and pasted_below < 0 and _RULE_LINE.fullmatch(doc.view, start, end):
            pasted_below = start
            continue
        found = _title_value(doc, start, end)
        if (
            found is None
            or _is_search_query(doc, start)
            or _BOARD_TAGLINE.search(str(found.value))
            or is_breadcrumb(str(found.value))
        ):
            continue
        if _names_a_job(str(found.value)):
            jobs.append(found)
            continue
        if weaker is None and index < _WEAKER_TITLE_LINES and not _BULLET.match(doc.view, start):
            weaker = found  # a page's name may stand in for a title; a list item may not
    if jobs:
        # A title has capitals; an all lower-case line ("new internship drop") is a chat's or a
        # search box's words, taken only when no other line names a job.
        # So is a note's "internship apps — week of Nov 10": a title opens with a capital.
        cased = [found for found in jobs if not _opens_lower_case(str(found.value))]
        chosen = _repeated_as_heading(doc, jobs) or (cased or jobs)[0]
        pasted = [f for f in cased if f.start > pasted_below] if pasted_below > 0 else []
        if pasted and chosen.start < pasted_below and _reads_as_a_sentence(str(chosen.value)):
            # A Reddit post's own title ("Kestrel just opened Summer 2026 SWE intern apps"),
            # then "---" and the posting it pastes: the posting's title line.
            chosen = pasted[0]
        later = [found for found in jobs if found.start > chosen.start]
        if (len(str(chosen.value)) > 60 and _reads_as_a_sentence(str(chosen.value))) or (
            _ENDS_A_SENTENCE.search(str(chosen.value))
        ):
            # A banner's sentence ("Become a sustaining member today — just $5 a month keeps
            # ...") or a note ("Drop-in advising: Mon–Thu, 1–4 PM, Kessler Hall 210.") above
            # the title line.
            plain = [f for f in later if f in cased and not _reads_as_a_sentence(str(f.value))]
            chosen = plain[0] if plain else chosen
            later = [found for found in jobs if found.start > chosen.start]
        if later and _PROGRAMME_BANNER.search(str(chosen.value)):
            # "SUMMER INTERNSHIP PROGRAMME 2026" over "Embedded Software Engineering Intern":
            # the programme's banner, then the role's title.
            return next((f for f in later if not _PROGRAMME_BANNER.search(str(f.value))), chosen)
        return chosen
    return weaker if weaker_ok else None


_ENDS_A_SENTENCE = re.compile(r"[a-z0-9]{2}\.\s*$")


def _reads_as_a_sentence(line: str) -> bool:
    """ "Kestrel just opened Summer 2026 SWE intern apps": lower-case words a title line has
    few of ("Software Engineering Intern – Autonomy Platform" has none)."""
    lower = [
        w for w in _LETTERS.findall(line) if w.islower() and len(w) > 1 and w not in SMALL_WORDS
    ]  # not a gender tag's letters: "(m/w/d)"
    return len(lower) >= 3


# A horizontal rule on its own line: Markdown's "---", "***", "___", or a row of dashes.
_RULE_LINE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,}|—{3,}|–{3,})[ \t]*")
# A programme's name, not a role's: "SUMMER INTERNSHIP PROGRAMME 2026", "Early Careers Program".
_PROGRAMME_BANNER = re.compile(
    r"(?i)^(?:[\w-]+\s+){0,3}(?:internship|graduate|early careers?|co-?op|student)\s+program(?:me)?s?\b"
)


# A site's banner that says what the site is: "NorthStack Jobs — Canada's tech internship
# board", "the student jobs site". It names jobs, but no one job.
_BOARD_TAGLINE = re.compile(
    r"(?i)\b(?:jobs?|careers?|internships?|co-?ops?|talent|hiring)\s+(?:board|site|portal|marketplace)\b"
    # "InternLoop - every internship, one feed", "every tech internship in one place"
    r"|\b(?:every|all(?: the)?)\s+(?:\w+\s+)?(?:jobs?|internships?|co-?ops?|roles|openings)\b"
    r"(?:,| in one place)"
    # "InternRank — Internships rated by interns", "Jobs reviewed by engineers".
    r"|\b(?:jobs|internships|co-?ops|companies|employers)\s+(?:rated|ranked|reviewed)\s+by\b"
)


def _opens_lower_case(line: str) -> bool:
    """ "new internship drop", "🚨 new internship drop 🚨", "internship apps — week of Nov 10";
    not a name written so ("iOS Engineer Intern", "eBay Analyst")."""
    at = next((i for i, char in enumerate(line) if char.isalpha()), None)
    if at is None or not line[at].islower():
        return False
    word = line[at:].split(" ", 1)[0]
    return not any(char.isupper() for char in word)


def _repeated_as_heading(doc: Doc, jobs: list[Found]) -> Found | None:
    """A careers page that lists its open roles before one role's full details names that
    role twice: the one job line that stands again as a line of its own further down."""
    if len(jobs) < 2:
        return None
    view = doc.view
    repeated = []
    for found in jobs:
        line = view[found.start : found.end]
        if (
            " " not in line.strip()  # "Internship": a badge, repeated in the details box
            or _LEADING_LABEL.match(line)
            or _BULLET.match(view, doc.line_at(found.start)[0])
            or not _title_cased(line)
        ):
            continue  # "Shift: 2nd (3PM - 11PM)", "- Operate and support ...": no role's name
        if view.find("\n" + line + "\n", found.end) != -1:
            repeated.append(found)
    return repeated[0] if len(repeated) == 1 else None


_WEAKER_TITLE_LINES = 8


# The most zone lines a step reads (the company's look around the title).
_MAX_ZONE_LINES = 12


def zone_lines(doc: Doc, max_lines: int = 8) -> list[tuple[int, int]]:
    """The first lines of the title zone that belong to the posting, not to the page around it.

    Page furniture (menus across or down the page, "Sign In", print headers, an email's
    From/Subject lines, a greeting) is skipped and does not count towards `max_lines`.
    """
    if max_lines > _MAX_ZONE_LINES:
        return _find_zone_lines(doc, max_lines)
    # Found once per posting for title and company: the first N of the first 12 are the
    # first N (the scan only ever appends, and stops once it has enough).
    lines = doc.shared.get("zone_lines")
    if lines is None:
        lines = doc.shared["zone_lines"] = _find_zone_lines(doc, _MAX_ZONE_LINES)
    return lines[:max_lines]


def _find_zone_lines(doc: Doc, max_lines: int) -> list[tuple[int, int]]:
    zone_start, zone_end = doc.title_zone
    if zone_end <= zone_start and doc.blocks and doc.blocks[0].kind == HEADER_KIND:
        zone_end = doc.blocks[0].end
    view = doc.view
    # A line's phrase is also the zone's: one look for the zone spares a look per line (most
    # zones have none).
    may_hold_phrase = _zone_has_furniture_phrase(doc, zone_start, max(zone_end, 0))
    kept: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # short lines that may be a menu written down the page
    signature_left = 0  # lines of an email's signature still to pass over
    for s, e in doc.lines_within(zone_start, max(zone_end, 0)):
        line = view[s:e].strip()
        if not line:
            continue
        if signature_left:
            if _RULE_OR_FORWARD.match(line):
                signature_left = 0  # the signature has ended: a forwarded message follows
            else:
                signature_left -= 1
            continue
        if line[:1] in _RULE_MARKS and _RULE_OR_FORWARD.match(line):
            continue  # "---------- Forwarded message ---------", "=========="
        if line[-1:] == "," and line[:-1].lower() in _SIGN_OFFS:
            # "Best,\nMarisol\nCareer Advisor, Experiential Learning": the sender's job, not
            # the posting's.
            signature_left = _SIGNATURE_LINES
            continue
        if line.lower() in SEARCH_BUTTONS:
            # "mechanical engineering co op\nDayton, OH\nSearch": a search box's query and
            # place, above its button, are the reader's, not the posting's.
            if run:
                kept.extend(_outside_menu(doc, run, may_hold_phrase))
                run = []
            while (
                kept
                and kept[-1][0] >= _line_start_before(doc, s, 3)
                and (
                    view[kept[-1][0] : kept[-1][1]].islower()
                    or is_place_line(view[kept[-1][0] : kept[-1][1]])
                )
            ):
                kept.pop()
            # The button itself goes on as a menu's item would.
        # Split no further than a third word: a long line need not be cut into all its words.
        if (
            len(line.split(maxsplit=2)) <= 2 and line[-1:].isalpha() and not _names_a_job(line)
        ) or (("|" in line or "/" in line) and _LANGUAGE_SWITCH.match(line)):
            run.append((s, e))  # a language switch ("EN | NL") is a menu's item too
            continue
        if run:
            kept.extend(_outside_menu(doc, run, may_hold_phrase))
            run = []
        if len(kept) >= max_lines:
            break
        if not is_page_furniture(line, may_hold_phrase=may_hold_phrase):
            kept.append((s, e))
    kept.extend(_outside_menu(doc, run, may_hold_phrase))
    return kept[:max_lines]


# A search box's button under its query (the locations step reads the box too).
SEARCH_BUTTONS = frozenset({"search", "search jobs", "find jobs", "go"})


def _line_start_before(doc: Doc, pos: int, count: int) -> int:
    """Where the line `count` lines above the one at `pos` starts (the text's first line's
    start when there are fewer)."""
    line_start, _ = doc.line_at(pos)
    above = doc.lines_within(0, line_start)
    return above[-count][0] if len(above) >= count else 0


_SIGN_OFFS = frozenset(
    {
        "best", "thanks", "thank you", "regards", "best regards", "kind regards", "cheers",
        "sincerely", "warm regards", "warmly", "all the best", "many thanks", "best wishes",
    }
)  # fmt: skip
_SIGNATURE_LINES = 4
_RULE_OR_FORWARD = re.compile(r"[-=_*~]{5,}|(?i:.*(?:original message|forwarded message))")
_RULE_MARKS = frozenset("-=_*~")


def _zone_has_furniture_phrase(doc: Doc, start: int, end: int) -> bool:
    """Whether view[start:end], lower-cased, holds a furniture phrase anywhere."""
    # Lower-casing goes character by character, so the phrases the Doc's shared pass found in
    # `lower` are the zone's: no look over the text at all.
    return any(
        start <= last - length + 1 and last < end
        for last, length in doc.vocabulary_hits("furniture_phrases", _furniture_lengths)
    )


def _furniture_lengths() -> dict[str, int]:
    return {phrase: len(phrase) for phrase in _furniture_words()}


def _outside_menu(
    doc: Doc, run: list[tuple[int, int]], may_hold_phrase: bool
) -> list[tuple[int, int]]:
    """A run of one- or two-word lines: a menu written down the page when five or more in a
    row ("Community", "Jobs", "Companies", "Salaries", "Sign In"); fewer may be a board's
    "Company / Job Details / Location" lines, and stay."""
    if len(run) >= 5:
        return _site_name_over_menu(doc, run)
    return [
        (s, e)
        for s, e in run
        if not is_page_furniture(doc.view[s:e], may_hold_phrase=may_hold_phrase)
    ]


def _site_name_over_menu(doc: Doc, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The page's first line, atop the menu that follows it: the site's name ("Dijkhof
    Instruments\nHome\nJobs\nAbout us\nContact"); or the line after the menu, set apart
    from it by a blank line, just above the title: a board's company line ("Sign in\n\n
    Grayhollow Trading\nQuantitative Research Intern"). Either only when it is a name of
    capitalised words that the posting names again; a menu's item ("Home", "Find Jobs") is
    no such name."""
    kept = []
    first_start, first_end = run[0]
    if doc.lines[0] == (first_start, first_end) and _names_the_site(doc, first_start, first_end):
        kept.append(run[0])
    (last_start, last_end), (_, before_end) = run[-1], run[-2]
    if doc.view.count("\n", before_end, last_start) >= 2 and _names_the_site(
        doc, last_start, last_end
    ):
        kept.append(run[-1])
    return kept


def _names_the_site(doc: Doc, start: int, end: int) -> bool:
    name = doc.view[start:end].strip()
    words = name.split()
    return (
        len(words) == 2
        and all(word[:1].isupper() for word in words)
        and doc.lower.count(name.lower()) >= 2
        and not is_page_furniture(name)
    )


def _title_value(doc: Doc, start: int, end: int, *, strict: bool = True) -> Found | None:
    view = doc.view
    raw = view[start:end]
    # Every glued label ends in a colon: no need to look past the last one (none: no search).
    colon = raw.rfind(":")
    if colon != -1:
        cut = GLUED_LABEL.search(raw, 0, colon + 1)
        if cut:
            end = start + cut.start()
    # Trim bullets/markdown marks and space from both ends, keeping offsets exact.
    while start < end and view[start] in " \t*#>-•|_":
        start += 1
    while end > start and view[end - 1] in " \t*|_:":
        end -= 1
    if not _looks_like_title(view[start:end], strict=strict):
        return None
    return Found(doc.text[start:end], start, end)


def _stray_stop(line: str) -> bool:
    """ "Software Engineer - MLOps.": a short job name with a full stop typed after it."""
    return len(line.split()) <= 8 and "." not in line[:-1] and _names_a_job(line)


def is_breadcrumb(line: str) -> bool:
    """A site's path ("Careers > Engineering > Internships")."""
    # The regex tries every position; most lines lack a separator, found at C speed.
    if "»" in line or "›" in line:
        return True  # marks a path uses and little else: "Students & New Grads › Internship FAQ"
    return ">" in line and (
        _BREADCRUMB.search(line) is not None or _SITE_ROOT_STEP.match(line) is not None
    )


# A path's first step from the site's root: "Jobs  >  Search results for ...".
_SITE_ROOT_STEP = re.compile(r"\s*(?:Home|Jobs|Careers|Search|All jobs)\s*>")


_BRACKETED = re.compile(r"\([^()]*\)?")
# A university's career office heading its portal's pages, set apart from the school's name.
_CAREER_OFFICE_LINE = re.compile(
    r"(?i)\b(?:university|college)\b[^*·|—–\n]*[*·|—–][^*·|—–\n]*\b(?:careers?|co-?op|experiential)\b"
    r"[^*·|—–\n]*\b(?:cent(?:er|re)|services|office|education|learning)\b"
)
_TWO_SENTENCES = re.compile(r"[a-z]{3}\. [A-Z]")
_DOCUMENT_KIND = re.compile(r"\b(?:position|job|role) description$")
_MAX_TITLE_WORDS = 22
_MAX_TITLE_CHARS = 160


def _looks_like_title(line: str, *, strict: bool = True) -> bool:
    line = line.strip()
    if not 3 <= len(line) <= _MAX_TITLE_CHARS or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    if is_breadcrumb(line):
        return False  # "Careers > Engineering > Internships" is the site's path, not the job
    colon = line.find(":")
    if 0 < colon <= 30 and line[:colon].strip(" *").lower() in field_labels():
        return False  # "Employer: Cartwheel Retail", "Program: 2026 New Grad": a field's value
    if line[0] in "fF" and FAQ_HEADING.match(line):
        return False  # "Frequently asked questions about ..." heads a page, it names no job
    if _FAQ_PART.search(line):
        return False  # "Engineering Internship Program — Frequently Asked Questions"
    lower = line.lower()
    if lower.rstrip(" :") in heading_kinds() or DATE_ONLY.match(line):
        return False
    if ("university" in lower or "college" in lower) and _CAREER_OFFICE_LINE.search(line):
        return False  # "Buckeye State University · Center for Career & Co-op Education": the portal
    if lower.endswith("description") and _DOCUMENT_KIND.search(lower):
        return False  # "Acme Photonics Inc.      CO-OP POSITION DESCRIPTION": a form's header
    if strict and (
        line.endswith(("?", "!"))
        or (line.endswith(".") and not line.endswith(("Sr.", "Jr.")) and not _stray_stop(line))
    ):
        return False
    if strict and _SENTENCE_WORDS.search(_BRACKETED.sub(" ", lower) if "(" in lower else lower):
        return False  # outside its brackets: "Intern (you will love it)" may still be a title
    if strict and ". " in line and _TWO_SENTENCES.search(line):
        return False  # "Post job links here. One post per listing": prose, not a name
    return not role_words().isdisjoint(WORD_TOKEN.findall(lower))
