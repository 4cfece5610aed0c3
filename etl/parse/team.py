"""The team or org the job sits in, without the company prefix, plus other spellings seen.

Where teams are named, strongest first: the title ("(Social)", "- TikTok User and Relation -",
", Ads Creative & Ecosystem"), an "About the Team: X" heading, a "Team:"/"Department:"
label, an abbreviated proper name ("The TikTok Customer Service Platform (CSP) is ..."),
and "we are the X team" / "join the X team" sentences. Industry tags and lists of example
teams are not a team.
"""

from __future__ import annotations

import re
from functools import cache

from etl.parse.doc import LABEL_COLON, Doc, Found
from etl.parse.mentions import term_names
from etl.parse.places import is_place_line, is_place_name
from etl.parse.text import initials
from etl.parse.vocab import load, team_heading_suffixes

_TITLE_SPLIT = re.compile(r"\s+[-–—|:]\s+|\s*[|]\s*")
_PARENS = re.compile(r"\(([^()]{2,60})\)")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NOT_TEAM = re.compile(
    r"(?i)^(?:(?:summer|fall|spring|winter|autumn)(?:\s*[/&,]\s*(?:summer|fall|spring|winter|autumn))*\s*(?:20\d{2})?"
    r"(?:\s+(?:co-?op|intern(?:ship)?|term|program))?|"
    r"20\d{2}(?:\s*(?:summer|fall|spring|winter|start|intake))*(?:\s*\(.*\))?|"
    # A start month: "Placement Student - September 2026", "(Jan-Apr 2026)".
    rf"{_MONTH}(?:\s*(?:[-–/]|to)\s*{_MONTH})?,?\s+20\d{{2}}(?:\s+(?:intake|start|cohort|class))?|"
    rf"{_MONTH}\s*(?:[-–/]|to)\s*{_MONTH}|"  # a co-op's term, "(Jan–Apr)"
    r"(?:bs|ms|ba|phd|ph\.d\.?|bachelor'?s|master'?s|undergrad\w*|graduate|mba)(?:\s*[/,&]\s*(?:bs|ms|ba|phd|ph\.d\.?|mba|masters?|bachelors?))*|"
    r"remote|hybrid|on-?site|in[- ]office|full[- ]?time|part[- ]?time|contract|temporary|temp|intern(?:ship)?|co-?op|"
    # "... - Hybrid in Hartford, CT": how and where the work is done.
    r"(?:hybrid|on-?site|onsite|in[- ]office)\b.*|"
    # "W2 or C2C", "W2/1099": how a contractor is paid, alone or several.
    r"(?:w-?2|c2c|corp[- ]to[- ]corp|1099)(?:\s*(?:/|,|&|\bor\b|\band\b)\s*(?:w-?2|c2c|corp[- ]to[- ]corp|1099))*"
    r"(?:\s+(?:only|role|position|contract))?|contract[- ]to[- ]hire|"
    # Shifts and schedules: "Patient Transport Aide (Evenings)".
    r"(?:day|evening|night|weekend|overnight|swing|rotating)s?(?:\s+shifts?)?|prn|per diem|casual|seasonal|on-?call|"
    # "Middle C# Engineer (with Visual Basic)": what the job uses, not who does it.
    r"(?:with|w/|using|incl\.?|including|plus)\s.*|"
    r"teams?|(?:active\s+)?pooling|talent pool|evergreen|(?:un)?paid|volunteer|stipend|"
    r"(?:fixed[- ](?:term|project)\s+)?contract(?:or|ors)?(?:\s+(?:role|position|only))?|.*\bfocus(?:ed)?|.*\bremote\b.*|"
    r"(?:new (?:college )?grad(?:uate)?|university grad(?:uate)?|entry[- ]level|early career)(?:\s+20\d{2})?|experienced|"
    r"(?:phd|ph\.d\.?|masters?|ms|bs|undergraduate|graduate)\s+grad(?:uate)?s?(?:\s+20\d{2})?|graduates?\s+20\d{2}|"
    # What kind of hire, in other countries' words: "Software Engineer - Fresher", "Praktikum",
    # "Year in Industry", "(2025/2026 Batch)".
    r"freshers?|praktikum|werkstudent(?:in)?|stage|stagiaire|alternance|trainee(?:ship)?|apprentice(?:ship)?|"
    r"(?:industrial |sandwich |summer )?placement(?: year)?|year in industry|(?:20\d{2}\s*/\s*)?20\d{2} batch|"
    # "UX Research Assistant (Student)": who may apply, not a team.
    r"(?:working |university |college |graduate )?students?|"
    r"senior|junior|staff|principal|lead|mid[- ]level|associate|[ivx]{1,4}|l\d|level \d|all genders|"
    r"[mwfdhxe](?:\s*[/-]\s*[mwfdhxe])+(?:\s*/\s*(?:div|diverse|x|d))?|f/m/div|h/f|f/h|m/w/d|w/m/d|"
    r".*\b(?:affirmative|diversity|women|veterans?|disabilit\w*)\b.*|"
    # "(Secret Clearance Required)", "(Visa Sponsorship Available)": the job's terms.
    r".*\b(?:clearance|sponsorship|relocation|visa|citizenship|polygraph|ts/sci)\b.*|"
    r"backend|back[- ]end|frontend|front[- ]end|full[- ]?stack|fullstack|"
    # "Director, Software Engineering": the discipline, not a team.
    r"(?:software\s+)?(?:engineering|development)|"
    r"us|usa|u\.s\.|united states|canada|uk|emea|apac|latam|americas|europe|north america|worldwide|anywhere|"
    # "(Pittsburgh, $44-52/hr)": where and for how much, not who.
    r"[\w .'-]+,\s*[A-Z]{2}(?:,\s*\w+)?|\d+.*|.*\b(?:start|starts|starting)\b.*|.*[$€£].*)$"
)
# A field of work, not a team: what a title's dash part often names beside a body's team.
_DISCIPLINE = re.compile(
    r"(?i)(?:(?:data|software|hardware|firmware|mechanical|electrical|computer|computational|systems?|quantitative|"
    r"application|embedded|embedded software)\s+)?"
    r"(?:engineering|science|analytics|development|research)$|"
    r"(?:(?:scientific|applied|statistical)\s+)?(?:machine learning|ml|ai|artificial intelligence|"
    r"data|marketing|finance|accounting|actuarial|design|product management|business analytics)$"
)
_ROLEISH = re.compile(
    r"(?i)\b(?:engineer\w*|developer|intern\w*|scientist|analyst|manager|designer|architect|specialist|"
    r"consultant|coordinator|associate|director|researcher|programmer|technician|executive|"
    r"representative|officer|assistant|administrator)\b"
)
_SEASON_YEAR = re.compile(r"(?i)\b(?:summer|fall|autumn|winter|spring)\s*'?(?:20)?\d{2}\b")
# "About The TeamOur Mobile team ships": a glued heading's last word before the name.
_GLUED_TEAM_HEADING = re.compile(r"(?:Team|Teams|Group)(?:Our|The) ")
# "join our Account Executive team": a role, not a team ("Audio Engineering" is a team).
_ENDS_IN_ROLE = re.compile(
    r"(?i)\b(?:engineer|developer|intern|scientist|analyst|manager|designer|architect|specialist|"
    r"consultant|coordinator|associate|director|researcher|programmer|technician|executive|"
    r"representative|officer|assistant|administrator)s?$"
)
_LABEL_WORDS = (
    "team",
    "department",
    "dept",
    "org",
    "group",
    "business unit",
    "division",
    "line of business",
)
_TEAM_LABEL = re.compile(
    r"(?im)^[\s*#>-]*(?:team|department|dept\.?|org(?:anization)?|group|business unit|division|line of business)\s*[:：]\s*(?P<value>[^\n]{2,60})$"
)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which)[ \t]+$")
# The verb of a team sentence that says the team hires: "The X team is looking for".
_SEEKS = re.compile(r"\b(?:is|are) (?:looking for|seeking|hiring|recruiting)\b|\bseeks\b")
_REQUISITION_SUFFIX = re.compile(r"(?<=[)\w])[ \t]*[-–][ \t]*\d{5,}[ \t]*$")
_FIELD_BAR = re.compile(r"[ \t]+[|*][ \t]+(?=[A-Z][\w ]{1,25}:)")
# A table's row, with or without its outer bars: "| **Team** | Execution Technology |",
# "Team | Execution Technology".
_TABLE_ROW_LABEL = re.compile(
    r"(?im)^[ \t]*\|?[ \t]*[*_]*(?:team|department|dept\.?|group|division)[*_]*[ \t]*\|[ \t]*[*_]*"
    r"(?P<value>[^|*_\n]{2,60}?)[*_]*[ \t]*(?:\||$)"
)
_ABOUT_TEAM = re.compile(r"(?i)^about (?:the|our) team\s*[:：-]\s*(?P<value>.+)$")


@cache
def _about_named_team() -> re.Pattern:
    """ "About the Care Platform team": the heading names it ("About the Role & Team" does
    not). Its last words are those that make an "About" heading the team's (headings.toml)."""
    last = "|".join(re.escape(suffix.strip()) for suffix in team_heading_suffixes())
    return re.compile(
        r"(?i)^(?:about|meet) (?:the|our) (?!(?:role|job|position|opportunity)\b)"
        rf"(?P<value>[^:]*?\w) (?:{last})\s*:?$"
    )


# What an abbreviated name may be besides a team: a law, a scheme, a credential.
_NOT_A_UNIT = re.compile(
    r"(?i)\b(?:program|programme|act|policy|plan|scheme|agreement|regulations?|standards?|"
    r"certification|certificate|exam(?:ination)?|license|licence|test|assessment|award)$"
)
_THING_AFTER = re.compile(
    r"\s+(?:platforms?|tools?|systems?|dashboards?|software|products?|apps?|applications?|"
    r"models?|data|reports?|solutions?|services?|stack|pipelines?)\b"
)
_ABBREVIATED = re.compile(
    # "The"/"Our" is matched before the word-boundary look back so the engine can skip ahead to
    # those letters; "proper" is the empty group the team patterns share.
    r"(?:The|the|Our|our)(?<!\w...)\s+(?P<name>(?:[A-Z][\w&'-]*\s+){1,6}?[A-Z][\w&'-]*)\s+\((?P<abbr>[A-Z][A-Za-z&]{1,8})\)(?P<proper>)"
)
# "We are the messaging team" names a team in lower case; other phrasings need a proper name.
# Both are matched where their first word stands (see _WE_ARE_TRIGGERS).
_WE_ARE_TEAM = re.compile(
    r"(?i:we are|we're)\s+the\s+(?P<name>[A-Za-z][\w&'/-]*(?:\s+[A-Za-z&][\w&'/-]*){0,4}?)\s+team\b"
    # "on the **Motion Control team**": Markdown's bold may open the name.
    r"|(?i:join|joins|in|on|within|as part of|part of|member of|reporting to|report to|reports to|growing|expanding|into|home to|sits? with|"
    r"internship with|co-op with|position with|role with|placement with)\s+(?i:the|our|its|their)\s+(?:\*\*?)?(?P<proper>[A-Z][\w&'/-]*(?:\s+[A-Z&][\w&'/-]*){0,4}?)"
    # "the Detection & Response engineering team": a discipline word may stand before "team".
    r"(?:\s+(?:engineering|software|data|analytics|product|research|platform|design|security|infrastructure|technology|tech))?"
    r"\s+(?i:team|group|organization|org|department|division|practice|squad|pod|desk)\b(?!\s+of\b)"  # not "group of companies"
)
# "You will sit with Trading Systems & Infrastructure, the group that builds our gateways":
# a proper name the sentence itself calls a team or group.
_CALLED_A_TEAM = re.compile(
    r"(?i:sit with|sit within|within|inside|work with|join|part of|into|is for)\s+(?:the\s+)?(?:\*\*)?"
    r"(?P<name>[A-Z][\w&'/-]*(?:\s+[A-Z&][\w&'/-]*){0,4})(?:\*\*)?(?:\s+(?i:group|team))?,\s+"
    # "..., the design pod responsible for": a word may say what kind of team it is.
    r"(?i:the|a|our)\s+(?:[a-z]+\s+)?(?i:team|group|pod|squad)\s+"
    r"(?i:that|which|who|responsible|of|behind)\b(?P<proper>)"
)


def _units_at_the_company(doc: Doc, company: str | None) -> list[re.Match]:
    """ "Flight Software at Aphelion owns every line of code that runs on Kestrel": a unit
    named at its sentence's start, the employer after "at", then what the unit does."""
    if not company:
        return []
    # The employer as named, or by its first word ("Aphelion" for "Aphelion Orbital").
    employer = company.lower()
    at = doc.lower.find(" at " + employer)
    if at == -1:
        employer = employer.split(" ", 1)[0]
        if len(employer) < 4:
            return []
        at = doc.lower.find(" at " + employer)
    found = []
    while at != -1:
        # The sentence's start within the line, found at C speed (no sentence index needed).
        line_start = doc.line_at(at)[0]
        stop = max(doc.view.rfind(". ", line_start, at), doc.view.rfind("! ", line_start, at))
        m = _UNIT_AT.match(doc.view, stop + 2 if stop != -1 else line_start)
        if (
            m is not None
            and m.group("employer").lower() == employer
            and not _PEOPLE.search(m.group("name"))  # "Engineers at Brambleworks build ..."
        ):
            found.append(m)
        at = doc.lower.find(" at " + employer, at + 1)
    return found


_PEOPLE = re.compile(
    r"(?i)\b(?:engineers|developers|interns|co-?ops|students|scientists|analysts|researchers|"
    r"designers|people|employees|teams|everyone|we|working|life|careers|interning|joining)\b"
)
_CLIENTS_TEAM = re.compile(
    r"client['’]s\s+(?P<proper>[A-Z][\w&'/-]*(?:\s+[A-Z&][\w&'/-]*){0,4}?)"
    r"\s+(?i:team|group|squad|department|division)\b(?P<name>)"
)
_WE_ARE_TRIGGERS = (
    "we are the",
    "we're the",
    "join the",
    "in the",
    "on the",
    "within the",
    "as part of the",
    "join our",
    "join its",
    "join their",
    "in our",
    "on our",
    "within our",
    "as part of our",
    "part of the",
    "part of our",
    "member of the",
    "member of our",
    "reporting to the",
    "report to the",
    "reports to the",
    "growing our",
    "growing the",
    "expanding our",
    "expanding the",
    "into our",
    "into the",
    "home to the",
    "home to our",
    "joins the",
    "joins our",
    "sits with the",
    "sit with the",
    "internship with the",
    "co-op with the",
    "position with the",
    "role with the",
    "placement with the",
    "internship with our",
    "position with our",
    "role with our",
)
# "... team ships": the part of _TEAM_POSSESSIVE a window must hold (see _possessive_windows).
_POSSESSIVE_VERB = (
    r"(?:'s|’s)?\s+"
    r"(?:mission|is|works|builds|owns|focuses|ships|develops|maintains|runs|designs|delivers|hires|"
    r"writes|creates|powers|supports|operates|keeps|partners|brings|makes|turns|helps|manages|leads|"
    r"drives|enables|provides|handles|serves|protects|connects|solves|tackles|collaborates|"
    r"trains|studies|researches|applies|analy[sz]es|investigates|sits|looks after|oversees|"
    r"characteri[sz]es|tests|validates|verifies|measures|evaluates|integrates|hosts|gives|"
    r"shapes|defines|puts|conducts|performs|monitors|plans|produces|reviews|tracks|uses|qualifies)\b"
)
# "The Data Platform team (7 engineers) owns", "The Camera Firmware team, part of Quince's
# Hardware group, writes": a note in brackets, or where the team sits, may stand before the verb.
_POSSESSIVE_TAIL = (
    # "Our Post-Silicon Validation team in Kanata is looking for": where the team sits, too.
    r"(?:team|[Gg]roup|department|division|desk|practice|[Ll]ab)(?:[ \t]+\([^()\n]{1,60}\)|,[ \t]+(?:part of|within|inside)[ \t][^,\n]{1,60},"
    # "... Group within the Computational Sciences Division is seeking".
    # "The Motion Control Firmware team at Tessellate Robotics writes".
    r"|[ \t]+(?:in|within|inside|at)[ \t]+(?:the[ \t]+)?[A-Z][\w'’&-]*(?:[ \t][A-Z&][\w'’&-]*){0,5}"
    r"(?:,[ \t]+[A-Z]{2})?)?"  # "Our Power Conversion Test Lab in Nashua, NH qualifies"
    + _POSSESSIVE_VERB
)


_POSSESSIVE_TAIL_AT = re.compile(_POSSESSIVE_TAIL)
_UNIT_AT = re.compile(
    # "The Developer Experience Team at Opendoor is": the name between the article and the
    # capitalised "Team"; the employer's name is checked by the caller.
    r"[ \t]*(?:(?:The|Our)[ \t]+)?"
    r"(?P<name>[A-Z][\w&'/-]*(?:[ \t]+[A-Z&][\w&'/-]*){0,4}?)(?:[ \t]+(?:Team|Group))?"
    r"[ \t]+at[ \t]+(?P<employer>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,3}?)"
    rf"{_POSSESSIVE_VERB}(?P<proper>)"
)
_ABBREVIATION_ONLY = re.compile(r"\([A-Z][A-Za-z&]{1,8}\)")  # the "(CSP)" every _ABBREVIATED has
_TEAM_POSSESSIVE = re.compile(
    # The first letter comes before the word-boundary look back (see _ABBREVIATED).
    # A capital may follow a glued heading's last letter ("About the teamThe Compiler group").
    r"[A-Zot](?<!\w[ot])(?<![A-Z0-9_][A-Z])(?:(?<=[Tt])he|(?<=[Oo])ur|(?<=[A-Z])[\w&.-]*(?:'s|’s|(?<=s)'|(?<=s)’))\s+(?P<name>[A-Z][\w&'/-]*(?:[ \t]+(?:[A-Z&]|\d+[A-Z])[\w&'/-]*){0,5})"
    rf"\s+{_POSSESSIVE_TAIL}(?P<proper>)"
)
# "The Data Platform team" standing as a line of its own: a heading naming the team.
_TEAM_LINE = re.compile(
    r"(?m)^[ \t#*]*(?:About )?(?:[Tt]he|[Oo]ur)\s+(?P<name>[A-Z][\w&'/-]*(?:\s+[A-Z&][\w&'/-]*){0,5})"
    r"\s+[Tt]eam[ \t*:]*$(?P<proper>)"
)
# The end every _TEAM_LINE match has: "eam" is a literal the engine skips to at C speed.
_TEAM_LINE_END = re.compile(r"(?m)eam[ \t*:]*$")
# "About The Role & Team": two headings joined, no name.
_JOINED_HEADING = re.compile(r"(?:\s(?:&|and)|\bRole)$")
_GENERIC_TEAM_WORDS = frozenset(
    {
        "a",
        "an",
        "our",
        "the",
        "this",
        "that",
        "your",
        "whole",
        "entire",
        "same",
        "right",
        "great",
        "amazing",
        "global",
        "growing",
        "dynamic",
        "talented",
        "small",
        "large",
        "engineering",
        "product",
        "core",
        "cross-functional",
        "broader",
        "wider",
        "larger",
        "local",
        "hiring",
        "recruiting",
        "tiktok",
        "company",
        "best",
        "world-class",
        "diverse",
        "scrum",
        "agile",
        "it",  # "Our IT team supports 1,900 clinicians": a department, as "engineering" is
    }
)


def extract_team(
    doc: Doc, title: Found | None, company: str | None, places: tuple[str, ...] = ()
) -> tuple[Found | None, list[str]]:
    """(primary team, other spellings seen). `places`: the posting's locations, never a team."""
    candidates: list[Found] = []
    if title is not None:
        cities = {p.split(",")[0].strip().lower() for p in places} | {p.lower() for p in places}
        candidates.extend(
            c for c in _teams_in_title(doc, title, company) if str(c.value).lower() not in cities
        )
    from_title = len(candidates)

    for block in doc.blocks:
        m = _ABOUT_TEAM.match(block.heading or "")
        if m is None and block.kind == "about_team":
            m = _about_named_team().match(block.heading)
            if m and _is_generic(m.group("value")):
                m = None  # "About the Engineering Team": a discipline, not a team's name
        if m:
            start = block.start + m.start("value")
            candidates.append(_trimmed(doc, start, block.start + m.end("value")))
    broad_labels: list[Found] = []  # "Organization: Client Silicon Group": a unit over teams
    if " /\n" in doc.view[: doc.title_zone[1] + 400]:
        # Lever's "ENGINEERING – AUTONOMY /": a unit the body may place its team in ("The
        # Perception team within Autonomy turns ...").
        lever = _lever_team_lines(doc)
        candidates.extend(lever)
        broad_labels.extend(lever)
    label_windows = _team_label_windows(doc)
    for m in doc.search_near(_TEAM_LABEL, label_windows, 12, 80, needs=LABEL_COLON):
        if company and company.lower() in m.group("value").lower():
            continue  # "Organization: Northwind Rail Inc." at Northwind: the employer's name
        if not doc.is_boilerplate(m.start()):
            # A run of fields: "Team: Product Analytics | Location: New York, NY (Hybrid)".
            bar = _FIELD_BAR.search(doc.view, m.start("value"), m.end("value"))
            value_end = bar.start() if bar else m.end("value")
            candidates.append(_trimmed(doc, m.start("value"), value_end))
            if candidates[-1] is not None and not m.group(0).lstrip(" \t*#>-").lower().startswith(
                "team"
            ):
                broad_labels.append(candidates[-1])
    if "|" in doc.text:  # a markdown table's row: "| **Team** | Execution Technology |"
        for m in doc.search_near(_TABLE_ROW_LABEL, doc.find_all(*_LABEL_WORDS), 8, 80):
            if not doc.is_boilerplate(m.start()):
                candidates.append(_trimmed(doc, m.start("value"), m.end("value")))
    if "\t" in doc.text:  # a table row's label needs its tab (see _tab_label_value)
        for pos in doc.find_all(*_LABEL_WORDS, word_start=True):
            value = _tab_label_value(doc, pos)
            if value is not None and not doc.is_boilerplate(pos):
                candidates.append(value)
    team_words = doc.find_all(" team")
    group_words = doc.find_all(" group")
    joins: list[Found | None] = []  # teams the body says the hire joins ("You'll join the X team")
    matches = [
        *doc.search_near(
            _ABBREVIATED, _abbreviation_windows(doc), 100, 12, needs=_ABBREVIATION_ONLY
        ),
        *(
            m
            for m in doc.search_near(_TEAM_LINE, team_words, 70, 12, needs=_TEAM_LINE_END)
            # Under the title such a line names the employer ("The Moorhead Team").
            if m.start() > doc.lines[:3][-1][1] and not _JOINED_HEADING.search(m.group("name"))
        ),
        *doc.search_near(
            _TEAM_POSSESSIVE,
            _possessive_windows(doc, team_words, group_words),  # each holds a "team builds"
            90,
            100,  # past a note before the verb
        ),
        # A staffing agency's "supports the client's Enterprise Network Operations team".
        *doc.match_at(_CLIENTS_TEAM, doc.find_all("client's ", "client’s ")),
        *_units_at_the_company(doc, company),
        *doc.search_near(
            _CALLED_A_TEAM,
            doc.find_all(", the team", ", the group", ", a team", ", a group", " pod ", " squad "),
            90,
            30,
        ),
        *(
            doc.match_at(_WE_ARE_TEAM, doc.trigger_starts("we_are_team", _WE_ARE_TRIGGERS))
            if team_words
            or group_words
            or doc.find_all(
                " organization",
                " org",
                " department",
                " division",
                " practice",
                " squad",
                " pod",
                " desk",
            )
            else ()
        ),
    ]
    for m in matches:
        if doc.is_boilerplate(m.start()):
            continue
        group = "name" if m.group("name") else "proper"
        name = m.group(group)
        start = m.start(group)
        glued = _GLUED_TEAM_HEADING.match(name)
        if glued:  # "About The TeamOur Mobile team ships": the heading ends at the capital
            name, start = name[glued.end() :], start + glued.end()
        if m.re is _ABBREVIATED and (
            _NOT_A_UNIT.search(name) or _THING_AFTER.match(doc.view, m.end())
        ):
            # "registration under the Controlled Goods Program (CGP)", "optimising the Business
            # Intelligence (BI) platform": a scheme, a thing.
            continue
        joined = m.re is _WE_ARE_TEAM or m.re is _CALLED_A_TEAM
        possessive = m.re is _TEAM_POSSESSIVE
        if _is_generic(name) or _in_list_of_teams(
            doc, m.start(), m.end(), joined=joined, possessive=possessive
        ):
            continue
        if _ENDS_IN_ROLE.search(name) or name.endswith(("'s", "’s")):
            continue  # "join our Account Executive team", "Join Our Client's Team"
        if possessive and _RELATIVE_BEFORE.search(doc.view, max(0, m.start() - 7), m.start()):
            continue  # "internal tools that our Go To Market team uses": another team's use
        if "abbr" in m.groupdict() and m.group("abbr"):
            offset = _abbreviation_offset(name, m.group("abbr"))
            if offset:
                candidates.append(_trimmed(doc, start + offset, m.end(group)))
        candidates.append(_trimmed(doc, start, m.end(group)))
        if m.re is _WE_ARE_TEAM and _HIRE_JOINS.search(doc.view, max(0, start - 90), start):
            joins.append(candidates[-1])
        elif possessive and _SEEKS.search(doc.view, m.end() - 6, m.end() + 16):
            joins.append(candidates[-1])  # "The Clinical Applications team is looking for a co-op"
    candidates = [c for c in candidates if c is not None]
    if not candidates:
        return None, []
    first_join = next((c for c in joins if c is not None), None)
    if from_title == 0 and first_join is not None and candidates[0] not in broad_labels:
        # "Our Information Services department supports 250 applications. The Clinical
        # Applications team is looking for a co-op": the team that hires, before the others;
        # spelt out where the page spells it ("co-op on the DCG team" below "The Datacenter
        # Connectivity Group (DCG) builds").
        first_join = next(
            (c for c in candidates if initials(str(c.value)) == str(first_join.value)),
            first_join,
        )
        candidates = [first_join, *(c for c in candidates if c is not first_join)]
    if candidates[0] in broad_labels:
        candidates = _inside_the_labelled_unit(doc, candidates)
    elif from_title > 1 and _DISCIPLINE.match(str(candidates[0].value)):
        # "Co-op - Embedded Software Engineering, Electrified Propulsion": the field, then the
        # team, both in the title.
        titled = candidates[:from_title]
        named = [c for c in titled if not _DISCIPLINE.match(str(c.value))]
        candidates = [*named, *(c for c in titled if c not in named), *candidates[from_title:]]
        if not named and from_title < len(candidates):
            candidates = [*candidates[from_title:], *titled]
    elif 0 < from_title < len(candidates) and _DISCIPLINE.match(str(candidates[0].value)):
        # "2026 Summer Intern – Data Engineering" over "you will sit on the Claims Data
        # Platform team": the title names the field of work, the body the team.
        candidates = [*candidates[from_title:], *candidates[:from_title]]
    elif 0 < from_title < len(candidates):
        candidates = _the_team_the_hire_joins(candidates, from_title, joins, company)
    if company:
        # "Join the Snowflake team" at Snowflake names the company, not a team; so does the
        # body's "Hazel team" at Hazel Health. A title's part may share a word with the
        # company ("Senior Engineer, Robotics" at Collaborative Robotics).
        employer = company.lower()
        titled = candidates[:from_title]
        # "The Medical Device Innovation Consortium (MDIC)" at MDIC: the employer, spelt out.
        candidates = [c for c in candidates if initials(str(c.value)).lower() != employer]
        candidates = [
            c
            for c in candidates
            if str(c.value).strip().lower() != employer
            and (
                c in titled
                or len(str(c.value)) < 3
                or f" {str(c.value).strip().lower()} " not in f" {employer} "
            )
        ]
        if not candidates:
            return None, []
    names: list[str] = []
    spellings: list[str] = []
    for c in candidates:
        raw = str(c.value)
        stripped = _strip_company(raw, company)
        if stripped and stripped not in names:
            names.append(stripped)
        for spelling in (raw, stripped):
            if spelling and spelling not in spellings:
                spellings.append(spelling)
    primary = candidates[0]
    primary_name = names[0]
    start = primary.start + str(primary.value).find(primary_name)
    aliases = [s for s in spellings if s != primary_name]
    return Found(primary_name, start, start + len(primary_name)), aliases


# Lever's meta block under the title: "Data & Analytics - Risk Analytics /", "Intern /",
# "Hybrid": the department, its team after the dash.
_LEVER_TEAM_LINE = re.compile(
    r"[ \t]*(?P<department>[A-Z][^\n/]{1,50}?)[ \t]+[-–—][ \t]+(?P<value>[A-Z][^\n/]{1,50}?)[ \t]*/[ \t]*\n"
    r"[ \t]*[A-Z][^\n/]{1,30}?[ \t]*/[ \t]*(?:\n|$)"
)


def _lever_team_lines(doc: Doc) -> list[Found]:
    found = []
    for start, _ in doc.lines_within(0, doc.title_zone[1] + 400):
        m = _LEVER_TEAM_LINE.match(doc.view, start)
        if m:
            # "Data & Analytics – Data Science /": the team's name is the field of the role;
            # the department names the unit.
            group = "department" if _DISCIPLINE.match(m.group("value")) else "value"
            value = _trimmed(doc, m.start(group), m.end(group))
            if value is not None and not _is_generic(str(value.value)):
                found.append(value)
    return found


def _the_team_the_hire_joins(
    candidates: list[Found], from_title: int, joins: list[Found | None], company: str | None
) -> list[Found]:
    """ "Perception Intern (Autonomous Driving)" over "You will join the Mapping & Localization
    group": the body says which team the hire joins, the title's part names a field. When the
    joined team is the title's own ("join the BMS Firmware team" under "BMS Firmware
    Engineering", "join the BMS Software team" under "Battery Management Systems"), the
    title's spelling stays first; so does a team that only describes itself ("We are the
    messaging team" under "(Social)")."""
    titled = [str(c.value).lower() for c in candidates[:from_title]]
    if any(str(c.value).lower() in titled for c in candidates[from_title:] if c not in joins):
        return candidates  # "About the Visual Editor Team:" names the title's team too
    for joined in joins:
        if joined is None:
            continue
        name = str(joined.value).lower()
        if any(name in t or t in name or initials(t) == name.split()[0] for t in titled):
            return candidates
        if company and (name in company.lower() or company.lower() in name):
            continue  # "When you join the Latitude team" at Latitude AI: the company
        return [joined, *(c for c in candidates if c is not joined)]
    return candidates


def _inside_the_labelled_unit(doc: Doc, candidates: list[Found]) -> list[Found]:
    """Taleo's "Organization: Client Silicon Group" below "The Memory Subsystem Validation
    team, part of the Client Silicon Group, is looking for interns": the team the body places
    inside the labelled unit is the hire's, first."""
    unit = str(candidates[0].value).lower()
    for c in candidates[1:]:
        sentence_start, sentence_end = doc.sentence_at(c.start)
        if unit in doc.lower[sentence_start:sentence_end] and str(c.value).lower() != unit:
            return [c, *(other for other in candidates if other is not c)]
    return candidates


def _team_label_windows(doc: Doc) -> list[int]:
    """The label words whose _TEAM_LABEL window (12 before, 80 after) can hold a match.

    A match's label opens its line (after bullets and space), so a window holds one only
    when a label word that does so lies inside it: most postings have none, and their
    windows are spared the pattern, which tries every position of them."""
    view = doc.view
    line_openers = [
        pos
        for pos in doc.trigger_starts("team_label_words", _LABEL_WORDS)
        if _opens_line(view, pos)
    ]
    if not line_openers:
        return []
    return [
        pos
        for pos in doc.find_all(*_LABEL_WORDS, word_start=True)
        if any(pos - 12 <= opener < pos + 80 for opener in line_openers)
    ]


def _possessive_windows(doc: Doc, team_words: list[int], group_words: list[int]) -> list[int]:
    """The " team"/" group" whose _TEAM_POSSESSIVE window (90 before, 30 after) can hold a
    match: one with "team" or "group" before a verb ("team builds") inside it."""
    view = doc.view
    # "practice" and "lab" with the space before them: bare, they stand inside "practices",
    # "available", "collaborate" on most pages.
    practice_or_lab = doc.find_all(" practice", " lab")
    unit_starts = doc.find_all("team", "group", "department", "division", "desk") + [
        pos + 1 for pos in practice_or_lab
    ]
    tails = [pos for pos in unit_starts if _POSSESSIVE_TAIL_AT.match(view, pos)]
    if not tails:
        return []
    # "Our Programs & Impact department is", "The Data & Graphics desk is".
    unit_words = doc.find_all(" department", " division", " desk") + practice_or_lab
    return [
        pos
        for pos in sorted(team_words + group_words + unit_words)
        if any(pos - 90 <= tail < pos + 30 for tail in tails)
    ]


def _opens_line(view: str, pos: int) -> bool:
    """Whether only space and bullets (what _TEAM_LABEL allows) stand before `pos` on its line.
    Read back from `pos`: most label words have a letter two characters before them."""
    i = pos
    while i > 0:
        char = view[i - 1]
        if char == "\n":
            return True
        if char not in "*#>-" and not char.isspace():
            return False
        i -= 1
    return True


def _abbreviation_windows(doc: Doc) -> list[int]:
    """The "(" whose _ABBREVIATED window (100 before, 12 after) can hold a match: one with a
    "(" before a capital ("(CSP)") inside it. Most "(" open lower case or digits."""
    view = doc.view
    parens = doc.find_all("(")
    capitals = [pos for pos in parens if "A" <= view[pos + 1 : pos + 2] <= "Z"]
    if not capitals:
        return []
    return [pos for pos in parens if any(pos - 100 <= c < pos + 12 for c in capitals)]


_COMMA_PART = re.compile(r"[^,]+")


def _teams_in_title(doc: Doc, title: Found, company: str | None) -> list[Found]:
    text = doc.view[title.start : title.end]
    if text[-1:].isdigit():  # Taleo appends the requisition's number: "... (Summer 2026)-2500841"
        text = _REQUISITION_SUFFIX.sub(lambda m: " " * len(m.group(0)), text)
    found: list[Found] = []
    for m in _PARENS.finditer(text):
        inner = m.group(1).strip()
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue  # "Développeur(se)": a word's ending, not a team
        if _abbreviates(inner, text[: m.start()]):
            continue  # "Sales Development Representative (SDR)"
        if text[: m.start()].rstrip().lower().endswith("trainee"):
            continue  # USAJOBS' "Student Trainee (Information Technology)": the job series
        if _is_team_like(inner, company):
            found.append(
                Found(
                    doc.text[title.start + m.start(1) : title.start + m.end(1)],
                    title.start + m.start(1),
                    title.start + m.end(1),
                )
            )
    unparenthesised = _PARENS.sub(lambda m: " " * len(m.group(0)), text)
    # Dash/pipe segments after the role; then ", Team" after a role.
    segments = []
    pieces = _TITLE_SPLIT.split(unparenthesised)
    if len(pieces) > 1:
        offset = 0
        for piece in pieces:
            pos = unparenthesised.find(piece, offset)
            offset = pos + len(piece)
            segments.append((pos, pos + len(piece)))
        segments = segments[1:]
    # The first piece ends where the separator before the next begins.
    first_role_end = len(pieces[0]) if segments else len(unparenthesised)
    comma = unparenthesised.find(",", 0, first_role_end)
    if comma > 0 and _ROLEISH.search(unparenthesised[:comma]):
        segments.insert(0, (comma + 1, first_role_end))
    for seg_start, seg_end in segments:
        if is_place_line(unparenthesised[seg_start:seg_end].strip()):
            continue  # "... - Nashville, TN": where, as a whole; not a team in its parts
        for piece in _COMMA_PART.finditer(unparenthesised[seg_start:seg_end]):
            value = piece.group(0).strip()
            if value and (is_place_name(value) or _WORK_MODE_LEAD.match(value)):
                # "Nashville, TN ...", "Hybrid in Hartford, CT": the parts after a city are its
                # state's, not a team.
                break
            if not value or not _is_team_like(value, company):
                continue
            start = title.start + seg_start + piece.start() + piece.group(0).find(value)
            found.append(Found(doc.text[start : start + len(value)], start, start + len(value)))
            if not _DISCIPLINE.match(value):
                break  # a field of work goes on to the team after it: "Embedded Software
                # Engineering, Electrified Propulsion"
    return [_without_team_word(doc, f) for f in found]


_WORK_MODE_LEAD = re.compile(r"(?i)(?:hybrid|remote|on-?site|onsite|in[- ]office)\b")
_TRAILING_TEAM_WORD = re.compile(r"(?i)\s+team$")
_NAMED_BY_TEAM = frozenset({"red", "blue", "purple", "tiger", "a", "b"})


def _without_team_word(doc: Doc, found: Found) -> Found:
    """ "Software Engineer, Learn Team", "(Mission Control team)": the team is "Learn"."""
    m = _TRAILING_TEAM_WORD.search(str(found.value))
    if m is None or m.start() < 2 or str(found.value)[: m.start()].lower() in _NAMED_BY_TEAM:
        return found  # "Red Team" is the name
    end = found.start + m.start()
    return Found(doc.text[found.start : end], found.start, end)


_INITIAL_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _abbreviates(inner: str, before: str) -> bool:
    """True when "(SDR)" spells the initials of the words just before it."""
    if not (inner.isupper() and inner.isalpha() and 2 <= len(inner) <= 6):
        return False
    words = [
        w
        for w in _INITIAL_WORD.findall(before)
        if w.lower() not in ("of", "and", "the", "for", "&")
    ]
    initials = "".join(w[0].upper() for w in words[-len(inner) :])
    return initials == inner


_VALUE_PARTS = re.compile(r"\s+[-–|]\s+|,\s*|\s*/\s*|\s+&\s+")


def _is_team_like(value: str, company: str | None) -> bool:
    value = value.strip(" ,.;")
    if len(value) < 2 or _NOT_TEAM.match(value) or value.endswith(("'s", "’s")):
        return False  # "Join Our Client's Team": someone else's team
    if _SEASON_YEAR.search(value):
        return False  # "(Summer 2026, Seattle)": when and where, not who
    if _is_place(value):
        return False  # "Software Engineer - India", "(Remote, Sweden)"
    pieces = [p.strip() for p in _VALUE_PARTS.split(value) if p.strip()]
    if len(pieces) > 1 and all(_NOT_TEAM.match(p) or _is_technology(p) for p in pieces):
        return False  # "(Summer 2026 - US)", "(C++ / Angular)"
    if _is_technology(value) or _is_tech_list(value):
        return False  # "Senior Backend Engineer (Go)", "(C++ Angular)": technologies, not a team
    if _names_a_role(value) and not (company and value.lower().startswith(company.lower())):
        return False
    stripped = _strip_company(value, company)
    return bool(stripped) and not _NOT_TEAM.match(stripped)


def _names_a_role(value: str) -> bool:
    """ "Software Developer", "Citrix Engineer I": a role names its role noun; "Developer
    Experience" or "Platform Engineering" names what a team serves or does."""
    words = _NAME_WORD.findall(value.lower())
    for i, word in enumerate(words):
        if word in _role_nouns() and not (
            word.startswith("developer") and words[i + 1 : i + 2] and words[i + 1] in _served()
        ):
            return True
    return False


@cache
def _role_nouns() -> frozenset[str]:
    return frozenset(load("roles")["team_role_nouns"])


@cache
def _served() -> frozenset[str]:
    return frozenset(load("roles")["developer_team_nouns"])


_NAME_WORD = re.compile(r"[\w'-]+")


def _abbreviation_offset(name: str, abbr: str) -> int:
    """Where the words that "(CSP)" abbreviates begin: "Acme Customer Service Platform" -> "Customer ..."."""
    words = list(_NAME_WORD.finditer(name))
    significant = [w for w in words if w.group(0).lower() not in ("of", "and", "the", "for")]
    for i in range(len(significant)):
        initials = "".join(w.group(0)[0] for w in significant[i:]).upper()
        if initials == abbr.upper().replace("&", ""):
            return significant[i].start()
    return 0


_PLACE_NOISE = re.compile(
    r"(?i)\b(?:remote|hybrid|on-?site|based|within|in|only|anywhere in)\b|[(),-]"
)
_PLACE_PARTS = re.compile(r"\s*(?:/|,|\bor\b|&)\s*")


def _is_place(value: str) -> bool:
    bare = _PLACE_NOISE.sub(" ", value)
    bare = " ".join(bare.split())
    return (
        not bare
        or is_place_name(bare)
        or all(is_place_name(p.strip()) for p in _PLACE_PARTS.split(bare) if p.strip())
    )


_TECH_SEPARATORS = re.compile(r"[\s,/&]+")


def _is_tech_list(value: str) -> bool:
    tokens = [t for t in _TECH_SEPARATORS.split(value) if t]
    return len(tokens) > 1 and sum(_is_technology(t) for t in tokens) * 2 >= len(tokens)


def _is_technology(value: str) -> bool:
    return value.lower() in term_names()


_AFTER_COMPANY = re.compile(r"(?:'s)?[\s\-–:/]+")


def _strip_company(value: str, company: str | None) -> str:
    value = value.strip(" ,.;:-")
    # A literal prefix test, not a pattern built from the name: every company would compile
    # (and evict from re's cache) a pattern of its own.
    if company and value[: len(company)].lower() == company.lower():
        m = _AFTER_COMPANY.match(value, len(company))
        if m and len(value) > m.end():
            value = value[m.end() :]
    return value.strip(" ,.;:-")


_TAB_LABEL = re.compile(r"(?i)(?:team|department|dept\.?|org(?:anization)?|group|business unit)\t+")


def _tab_label_value(doc: Doc, pos: int) -> Found | None:
    """ "Team<TAB>Payments Risk": a row of a metadata table copied from a page. Tabs read as
    spaces in the matching view, so the label is checked in the text itself."""
    m = _TAB_LABEL.match(doc.text, pos)
    if m is None:
        return None
    line_start, line_end = doc.line_at(pos)
    if doc.text[line_start:pos].strip(" *-"):
        return None
    return _trimmed(doc, m.end(), line_end)


def _trimmed(doc: Doc, start: int, end: int) -> Found | None:
    while start < end and doc.view[start] in " \t*_-:":
        start += 1
    while end > start and doc.view[end - 1] in " \t*_.:;,":
        end -= 1
    if end - start < 2 or end - start > 80:
        return None
    return Found(doc.text[start:end], start, end)


def _is_generic(name: str) -> bool:
    words = name.lower().split()
    return (
        not words
        or all(w in _GENERIC_TEAM_WORDS for w in words)
        or words[0] in ("a", "an", "your", "this", "that")
        or _RECRUITERS.fullmatch(name) is not None
    )


# The recruiters who run the hiring, not the team hired into: "Parcelon's Student Programs team
# runs the intern experience".
_RECRUITERS = re.compile(
    r"(?i)(?:student|university|campus|early[- ]careers?|early talent|emerging talent)\s+"
    r"(?:programs?|recruiting|relations|talent)|talent acquisition|"
    r"(?:university |campus |technical )?recruiting|recruitment"
)


# The words before a team the hire joins: "You'll join the", "you'll be part of our", "The
# intern will join the", "As an intern on the", "you will sit on the".
_HIRE_JOINS = re.compile(
    r"(?i)(?:\b(?:you(?:'ll|’ll| will)?|interns? will) (?:join|be (?:a )?part of|sit (?:on|in|within))"
    r"|\bas an? (?:[\w-]+ ){0,3}(?:intern|co-op|student)s? on"
    # "is seeking Associate Software Engineers to join our": the hire, named, joins it.
    r"|\b(?:seeking|hiring|looking for|recruiting) (?:an? )?(?:[\w&/-]+ ){0,5}?to join)"
    r"\s+(?:the|our|its|their)\s+(?:\*\*?)?$"
)
# A few words and a comma before a sentence's subject: "Each term,", "Since 2019,".
_SENTENCE_OPENER = re.compile(r"[A-Za-z0-9 ]{1,25},")
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}")


def _in_list_of_teams(
    doc: Doc, start: int, end: int, *, joined: bool = False, possessive: bool = False
) -> bool:
    """'teams such as Search, Ads and Maps' lists examples, not the job's team.

    `joined`: the match says the hire joins the team ("be part of the Data Platform team"), so
    only commas before it can make a list; what follows describes the team.
    """
    sentence_start, sentence_end = doc.sentence_at(start)
    sentence = doc.lower[sentence_start:sentence_end]
    # "The Compiler & Runtime group turns graphs into code — lowering, scheduling, planning":
    # the sentence's subject; what follows it describes its work.
    before = doc.view[sentence_start:start].strip(" \t*-•")
    joined = (
        joined
        or not before
        or before == doc.sections.at(start).heading  # a glued heading
        or _SENTENCE_OPENER.fullmatch(before) is not None  # "Each term, Ashgrove's X division"
        # The rest of the owner's name: "Fernhollow" of "Fernhollow Foods' Demand Planning team".
        or (possessive and _CAPITALISED_WORDS.fullmatch(before) is not None)
    )
    if joined:
        # "You'll join our Technology division and rotate through areas such as ...": examples
        # after the team the hire joins are of what it does.
        before = doc.lower[sentence_start:start]
        return "such as" in before or "including" in before or before.count(",") >= 3
    if "such as" in sentence or "including" in sentence:
        return True
    # Not the commas of the match's own note ("The Camera team, part of the Devices group, ...").
    return sentence.count(",") - doc.lower[start:end].count(",") >= 3
