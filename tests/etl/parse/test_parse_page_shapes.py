"""Fields as pages of other shapes write them (our own text): LinkedIn's top card, a co-op
portal's field blocks, a Notion page, a Hacker News comment, a PDF sheet with wrapped lines,
markdown tables, related jobs written out in full. Each case holds the form and a near miss
that must not be read the same way.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_posting


def pay(text: str):
    p = parse_posting(text)
    return p.pay_min, p.pay_max, p.pay_currency, p.pay_period


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A heading that names the team.
        (
            "Data Science Co-op\nBrightwater\n\nAbout the Clinical Insights team\n"
            "Clinical Insights is a team of eight analysts.\n\nRequirements\n- Python\n",
            "Clinical Insights",
        ),
        (
            "Software Engineer, New Grad\nHarborlight\n\n▸ About the Care Platform team\n"
            "Care Platform owns scheduling.\n\n▸ What you'll do\n- Ship code\n",
            "Care Platform",
        ),
        # ... not a discipline, and not the role.
        (
            "Backend Engineer\nAcme\n\n**About the Engineering Team**\nWe build.\n\nRequirements\n- Go\n",
            None,
        ),
        ("Staff Engineer\nAcme\n\n**About The Role & Team**\nWe are looking for you.\n", None),
        # A sentence's cue words before the team.
        (
            "Quant Developer Intern\nAcme\n\nAbout the role\nThe internship places you on the "
            "Systematic Equities technology team, where developers sit with researchers.\n",
            "Systematic Equities",
        ),
        (
            "Software Developer\nAcme\n\nAbout the role\nWe're growing our Field Operations "
            "product team and are hiring two new graduates.\n",
            "Field Operations",
        ),
        (
            "Software Engineer I\nAcme\n\nAbout the role\nWe're hiring new grads into our "
            "Platform Engineering org for a 2026 start.\n",
            "Platform Engineering",
        ),
        # A co-op portal's labelled field blocks.
        (
            "Embedded Co-op\nNorthwind\n\nJob Summary:\nWe build controllers.\n\n"
            "Application Information\nApplication Deadline:  Nov 12, 2025\n\n"
            "Organization Information\nOrganization:  Northwind Rail Inc.\n"
            "Division:  Signalling Systems\nWebsite:\n",
            "Signalling Systems",
        ),
        (
            "Technology Summer Analyst\nMeridian First\n\nLine of Business: Global Technology\n\n"
            "About the role\nWe build.\n",
            "Global Technology",
        ),
        # A credential's abbreviation names no team; a platform's does.
        (
            "Avionics Intern\nCorvid\n\nRequirements\n- You must be eligible for registration "
            "under the Controlled Goods Program (CGP).\n",
            None,
        ),
        (
            "Engineer\nAcme\n\nAbout the role\nThe Content Security Platform (CSP) is where "
            "you will work.\n",
            "Content Security Platform",
        ),
        # A trading desk is a team; a team named as its sentence's subject.
        (
            "Trading Intern\nThornbury\n\nAbout the role\nOur Summer 2026 interns sit on the "
            "Options Market Making desk for 10 weeks.\n",
            "Options Market Making",
        ),
        (
            "Test Intern\nBrightwater\n\nAbout the role\nOur Silicon Photonics Test team "
            "characterizes every new transceiver design.\n",
            "Silicon Photonics Test",
        ),
        # The team a role supports is not always its own.
        (
            "Marketing Manager\nAcme\n\nAbout the role\nRun campaigns that support our Sales "
            "Team in their business.\n",
            None,
        ),
        # Where and for how much, in the title's brackets, is no team.
        (
            "Kestrel Robotics SWE intern apps (Pittsburgh, $44-52/hr)\nr/csMajors\n\nWe build.\n",
            None,
        ),
    ],
)
def test_team_named_in_page_shapes(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # The title's dash part names the field of work; the body names the team.
        (
            "As a Data Engineering intern you will sit on the Claims Data Platform team.",
            "Claims Data Platform",
        ),
        # With no team in the body, the title's part stands.
        ("You will build pipelines for our pricing models.", "Data Engineering"),
    ],
)
def test_a_discipline_in_the_title_gives_way_to_the_bodys_team(body, want):
    text = (
        f"2026 Summer Intern – Data Engineering\nGranite Mutual\n\nWho You'll Work With\n{body}\n"
    )
    assert parse_posting(text).team == want


def test_a_team_in_the_title_that_is_no_discipline_stays_first():
    text = (
        "Backend Software Engineer Project Intern (Social) 2026 Start\nTikTok\n\n"
        "Responsibilities\nWe are the messaging team.\n"
    )
    p = parse_posting(text)
    assert (p.team, p.team_aliases) == ("Social", ["messaging"])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The period's other end is no start.
        (
            "Data Intern\nAcme\n\nProgram Details\nOur 10-week program begins on Monday, "
            "June 1, 2026 and concludes on Friday, August 7, 2026.\n",
            [dt.date(2026, 6, 1)],
        ),
        (
            "Data Intern\nAcme\n\nProgram Details\nInterns start on Monday, June 8, 2026 and "
            "finish on Friday, August 14, 2026.\n",
            [dt.date(2026, 6, 8)],
        ),
        (
            "Data Intern\nAcme\n\nProgram Details\nInterns start together on Monday, June 1, "
            "2026 and the program wraps up on Friday, August 14, 2026.\n",
            [dt.date(2026, 6, 1)],
        ),
        # A PDF's hard-wrapped line goes on after a word no sentence ends on.
        (
            "Embedded Intern\nAldermoor\n\nDates and duration\nThe programme runs for 10 "
            "weeks. All interns start together on\nMonday 29 June 2026 with an induction.\n",
            [dt.date(2026, 6, 29)],
        ),
        (
            "Embedded Intern\nAldermoor\n\nDates and duration\nThe programme runs for 10 "
            "weeks. Interns start together.\nMonday 29 June 2026 is the induction.\n",
            [],
        ),
        # A line that ends on a comma goes on.
        (
            "Perception Intern\nKettleby\n\nProgram\nInterns may begin on May 18,\n2026 or "
            "June 1, 2026.\n",
            [dt.date(2026, 5, 18), dt.date(2026, 6, 1)],
        ),
        # A duration's own date range.
        (
            "Gameplay Intern\nPinecroft\n\nThe details\n• Duration: 14 weeks, from May 4 to "
            "August 7, 2026\n",
            [dt.date(2026, 5, 4)],
        ),
        # A markdown table's column says what its dates are.
        (
            "Co-op\nBrightwell\n\n| Location | Term | Start date |\n|---|---|---|\n"
            "| Calgary, AB | Winter 2026 | January 5, 2026 |\n"
            "| Toronto, ON | Summer 2026 | May 4, 2026 |\n\n"
            "| Step | Date |\n|---|---|\n| Applications close | October 24, 2025 |\n",
            [dt.date(2026, 1, 5), dt.date(2026, 5, 4)],
        ),
        # ... and a table as the Markdown and HTML readers render it, without bars.
        (
            "Co-op\nBrightwell\n\nTerms\nLocation | Term | Start date\n"
            "Calgary, AB | Winter 2026 | January 5, 2026\nToronto, ON | Summer 2026 | May 4, 2026\n",
            [dt.date(2026, 1, 5), dt.date(2026, 5, 4)],
        ),
        (
            "Co-op\nBrightwell\n\nKey dates\nStep | Date\nApplications close | October 24, 2025\n"
            "Offers out | November 14, 2025\n",
            [],
        ),
    ],
)
def test_start_dates_in_page_shapes(text, want):
    assert parse_posting(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # LinkedIn's top card, its fields set apart by middle dots, under the page's date.
        (
            "Monday, November 3, 2025\nHalyard Robotics\nSoftware Intern - Summer 2026\n"
            "Pittsburgh, PA · 3 weeks ago · Over 100 applicants\n\nAbout the job\nWe build.\n",
            dt.date(2025, 10, 13),
        ),
        # No page date: the age has nothing to count back from.
        (
            "Halyard Robotics\nSoftware Intern - Summer 2026\n"
            "Pittsburgh, PA · 3 weeks ago · Over 100 applicants\n\nAbout the job\nWe build.\n",
            None,
        ),
        # A glued meta line's label opens right after the last value.
        (
            "ML Intern\nTidewater\nSeattle, WA | InternshipRequisition ID: R-26-0419Posted: "
            "11/03/2025\n\nAbout UsWe build.\n",
            dt.date(2025, 11, 3),
        ),
        ("ML Intern\nTidewater\nRequisition ID: R-26-0419Reposted\n\nWe build.\n", None),
    ],
)
def test_posted_date_in_page_shapes(text, want):
    assert parse_posting(text).posted_date == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The US however written is "US"; a ZIP is the address's, not the place's.
        (
            "Crestline Mutual\nData Science Intern – Summer 2026 (Remote)\n"
            "United States · Reposted 1 week ago · Over 100 people clicked apply\n\nAbout the job\n",
            ["US"],
        ),
        ("Marketing Intern\nCedar Ridge\nBoise, ID 83702\nHybrid work\n", ["Boise, ID"]),
        # The employer's other jobs, under Indeed's "Jobs from ...".
        (
            "Marketing Intern\nCedar Ridge\nBoise, ID\n\nFull job description\nWe lend.\n\n"
            "Jobs from Cedar Ridge Credit Union\nLending Intern - Summer 2026\nMeridian, ID\n",
            ["Boise, ID"],
        ),
        (
            "Gameplay Intern\nPinecroft\nMontréal, QC\n\nWe make games.\n\nRelated positions\n"
            "Technical Artist Intern · Guildford, UK\nSenior Programmer · Austin, TX\n",
            ["Montréal, QC"],
        ),
        # Where the interns work, said in a sentence.
        (
            "Explorer Intern\nKestrel\n\nWhere is the program located?\nExplorers work in person "
            "at either our Seattle, WA headquarters or our Vancouver, BC office.\n",
            ["Seattle, WA", "Vancouver, BC"],
        ),
        (
            "Avionics Intern\nCorvid\n\nThe details\nThis is a Summer 2026 internship based at "
            "our Montréal, QC facility.\n",
            ["Montréal, QC"],
        ),
        # "ID" is Idaho's code, but "Job ID 4471" is no place.
        (
            "Software Developer Co-op\nBrightwell\n\nJob ID 4471 | Engineering | Co-op | Multiple "
            "locations\n\nWe build.\n",
            [],
        ),
        ("Graduate Engineer\nAcme\nSydney NSW 2000\n\nWe build.\n", ["Sydney NSW 2000"]),
        # One region, said in the title and again on the meta line.
        (
            "Senior Data Engineer (Remote, EU)\nTallyfox\nRemote · Europe · Full-time\n\nWe build.\n",
            ["EU"],
        ),
    ],
)
def test_locations_in_page_shapes(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A board's banner says what the site is; it is no job's title.
        (
            "NorthStack Jobs — Canada's tech internship board\nBrowse  Co-op  New Grad\n\n"
            "Software Developer Co-op – Winter 2026\nPinecrest Energy Ltd.\nCalgary, AB\n\nWe build.\n",
            "Software Developer Co-op – Winter 2026",
        ),
        # A board's status badge is no title.
        (
            "wellfound\n\nTidewater Labs\nSeed · 11-50 Employees\nRecruiter recently active\n\n"
            "Software Engineer, New Grad\n$125k – $155k\n\nAbout the job\nWe build.\n",
            "Software Engineer, New Grad",
        ),
        # A programme's banner over the role's title.
        (
            "Aldermoor Systems Ltd\n\nSUMMER INTERNSHIP PROGRAMME 2026\n"
            "Embedded Software Engineering Intern\n\nThe role\nWe build.\n",
            "Embedded Software Engineering Intern",
        ),
        # With no role's line below it, the banner is the page's title line.
        (
            "SUMMER INTERNSHIP PROGRAMME 2026\nAldermoor Systems\n\nThe role\nWe build.\n",
            "SUMMER INTERNSHIP PROGRAMME 2026",
        ),
        # A Hacker News comment: company | role | place | ...
        (
            "Ask HN: Who is hiring? (November 2025)\n\nLumenfold (YC W24) | New Grad Software "
            "Engineer (Backend) | Toronto, ON | ONSITE | Full-time\n\nWe build ledgers.\n",
            "New Grad Software Engineer (Backend)",
        ),
        (
            "Software Engineer Intern | Summer 2026 | New York\nAcme\n\nWe build.\n",
            "Software Engineer Intern | Summer 2026 | New York",
        ),
        # A post's own title line, then a rule and the posting it pastes.
        (
            "r/csMajors\nu/badger\n\nKestrel just opened Summer 2026 SWE intern apps (Pittsburgh)\n\n"
            "Pasting the whole thing:\n\n---\n\nSoftware Engineering Intern – Autonomy Platform\n"
            "Kestrel Robotics · Pittsburgh, PA\n\nAbout Kestrel\nWe build trucks.\n",
            "Software Engineering Intern – Autonomy Platform",
        ),
        (
            "Software Engineering Intern – Autonomy Platform\nKestrel Robotics\n\n---\n\n"
            "Similar: Data Engineering Intern\n\nAbout Kestrel\nWe build trucks.\n",
            "Software Engineering Intern – Autonomy Platform",
        ),
        # A programme's FAQ page names no job's title, even under the programme's name.
        (
            "Kestrel Software\nCareers  Students\n\nExplorer Internship Program — Frequently Asked "
            "Questions\n\nWhat is Explorer?\nOur internship.\n\nWho can apply?\nStudents.\n\n"
            "Is it paid?\nYes.\n",
            None,
        ),
    ],
)
def test_title_in_page_shapes(text, want):
    assert parse_posting(text).title == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ask HN: Who is hiring? (November 2025)\n\nLumenfold (YC W24) | New Grad Software "
            "Engineer (Backend) | Toronto, ON | ONSITE | Full-time\n\nWe build ledgers.\n",
            "Lumenfold",
        ),
        # A site's header run into its menu.
        (
            "Aldercrest Bank | Careers | Students & Graduates | Technology Internship Program\n\n"
            "What is the program?\nA paid summer term.\n",
            "Aldercrest Bank",
        ),
        # A Notion page's properties are fields, not the company's name.
        (
            "🌊 Software Engineer, New Grad (2026)\n\nStatus        Open\nTeam          Care Platform\n\n"
            "▸ About Harborlight\nHarborlight builds care software.\n",
            "Harborlight",
        ),
    ],
)
def test_company_in_page_shapes(text, want):
    assert parse_posting(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A page with no title line says what it is in the body.
        (
            "...rigs in the lab.\n\nThe details\nThis is a Summer 2026 internship based here.\n",
            "internship",
        ),
        ("...rigs in the lab.\n\nThe details\nThis is a role based here.\n", None),
        (
            "...and the lab.\n\nAs a Hardware Test Engineering Intern this summer, you'll own "
            "a test flow.\n",
            "internship",
        ),
        ("...and the lab.\n\nAs a Hardware Test Engineer, you'll own a test flow.\n", None),
        # A programme's FAQ page.
        (
            "Kestrel\n\nExplorer Program — FAQ\n\nWhat is Explorer?\nExplorer is Kestrel's "
            "internship for first-year students. Interns receive a stipend.\n\nWho can apply?\n"
            "Students.\n\nIs it paid?\nYes.\n",
            "internship",
        ),
        # A meta line's fields set apart by wide gaps.
        (
            "Ferrovia — Jobs\n\nSoftware Engineer, New Grad – Routing\nDenver, CO\n"
            "Full-Time   Engineering – Routing   Hybrid\n\nWe build.\n",
            "full_time",
        ),
    ],
)
def test_employment_type_in_page_shapes(text, want):
    assert parse_posting(text).employment_type == want


@pytest.mark.parametrize(
    ("title", "want"),
    [
        # When a permanent job may start is no internship's season.
        ("Software Engineer, New Grad", []),
        ("Software Engineering Intern", ["Summer"]),
    ],
)
def test_a_start_window_names_a_season_only_for_an_internship(title, want):
    text = (
        f"{title}\nTidewater\n\nStart date\nOur next cohort starts Monday, January 12, 2026; "
        "later starts through summer 2026 are fine.\n"
    )
    assert parse_posting(text).seasons == want


def test_a_span_of_months_names_the_start_year():
    text = "Software Engineer, New Grad\nFerrovia\n\nStart dates between July and September 2026.\n"
    assert parse_posting(text).year == 2026


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Co-op experience in software (at least one 4-month term)", None),
        ("You have completed a 4-month co-op in embedded systems", None),
        ("This is a 4-month co-op term", 17),
    ],
)
def test_a_past_term_asked_for_is_no_length(text, want):
    posting = f"Software Developer Co-op\nAcme\n\nRequirements\n- {text}.\n"
    assert parse_posting(posting).duration_weeks == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A language after "experience with" in a software job's list of wishes.
        (
            "Engineer\nAcme\n\nRequirements\n- Python and TypeScript\n\nNice to have\n"
            "- Bonus: experience with Go or with logistics\n",
            ["Python", "TypeScript", "Go"],
        ),
        # Not where the job names no other language.
        ("Driver\nAcme\n\nNice to have\n- Bonus: experience with Go or with logistics\n", []),
        # A model named like a language.
        (
            "ML Engineer\nAcme\n\nRequirements\n- Python\n- Experience creating embeddings "
            "using Ada models\n",
            ["Python"],
        ),
        # Related jobs name their own stacks.
        (
            "Software Engineer, New Grad\nFerrovia\n\nWhat you'll do\n- Build Java services\n\n"
            "Related jobs\nData Scientist Intern – Boston\nForecast ridership using Python and R. "
            "Pay: $45/hr.\n",
            ["Java"],
        ),
    ],
)
def test_languages_in_page_shapes(text, want):
    assert parse_posting(text).languages == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # One range per city in a table: min of all .. max of all, in the places' dollar.
        (
            "Co-op\nBrightwell\n\n| Location | Term | Start date | Hourly pay (CAD) |\n|---|---|---|---|\n"
            "| Calgary, AB | Winter 2026 | January 5, 2026 | $28.00 – $34.00 |\n"
            "| Toronto, ON | Summer 2026 | May 4, 2026 | $30.00 – $36.00 |\n",
            (28.0, 36.0, "CAD", "hour"),
        ),
        # "ACADEMIC" holds the letters of CAD, not the word.
        (
            "Firmware Intern\nOstrander\nLOCATION: BOISE, ID\n\nCOMPENSATION\n"
            "HOURLY RATE: $34.00 - $41.00 PER HOUR, BASED ON ACADEMIC LEVEL.\n",
            (34.0, 41.0, "USD", "hour"),
        ),
        # A related job's pay, set on its own line, is that job's.
        (
            "Software Engineer, New Grad\nFerrovia\n\nCompensation\nThe base salary range is "
            "$118,000 – $132,000 per year.\n\nRelated jobs\nData Scientist Intern\n"
            "Pay: $45/hr.\nAndroid Engineer\nBase salary range: $165,000 – $190,000 per year.\n",
            (118000.0, 132000.0, "USD", "year"),
        ),
    ],
)
def test_pay_in_page_shapes(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A heading with a note still heads its kind of section.
        (
            "Data Engineering Intern\nInternPilot\n\nCompany snapshot\nOffices: Houston, TX\n\n"
            "Job description (from source)\nBrightwater Energy's Subsurface Data Platform team "
            "builds pipelines.\n",
            "Subsurface Data Platform",
        ),
        # "About ..." ending in a job word is about the job, not the company.
        (
            "Backend Intern\nMozilla\n\n**About this team and role:**\nThe Firefox team is a "
            "community of engineers.\n",
            "Firefox",
        ),
        (
            "Backend Intern\nMozilla\n\n**About Mozilla:**\nThe Firefox team is a community of "
            "engineers.\n",
            None,
        ),
        # A few words and a comma before the subject: the division is the sentence's own.
        (
            "Co-op\nAshgrove\n\nWhat is the program?\nEach term, Ashgrove's Enterprise Technology "
            "division hosts 140 students across software, data, cloud, security and IT risk.\n",
            "Enterprise Technology",
        ),
        (
            "Co-op\nAshgrove\n\nWhat is the program?\nWe place students on teams such as "
            "Payments, Fraud, Cloud and Data.\n",
            None,
        ),
        (
            "ASIC Intern\nVantora\n\nAbout the role\nOur Austin design center is home to the "
            "Digital Design & Verification team, which verifies our DSP blocks.\n",
            "Digital Design & Verification",
        ),
        (
            "Perception Intern\nTessellate\n\nAbout the job\nThe Perception team gives our "
            "robots eyes.\n",
            "Perception",
        ),
        # A research topic in the title gives way to the labelled group.
        (
            "Graduate Research Intern - Scientific Machine Learning (Summer 2026)\nCalder Ridge\n\n"
            "Group: Applied Mathematics and Simulation\n",
            "Applied Mathematics and Simulation",
        ),
    ],
)
def test_team_in_more_page_shapes(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Quant Intern\nAcme\n\nWhat we look for\n- Able to spend a full-time off-cycle term "
            "of 3 to 4 months with us\n",
            13,
        ),
        ("Quant Intern\nAcme\n\nBenefits\n- 3 weeks of paid time off\n", None),
        (
            "Research Intern\nAcme\n\nRequirements\n- Ability to work on-site for 10 to 12 weeks "
            "between May and August 2026\n",
            10,
        ),
    ],
)
def test_duration_in_more_page_shapes(text, want):
    assert parse_posting(text).duration_weeks == want


@pytest.mark.parametrize(
    ("title", "want"),
    [
        # The hire's level in the title's brackets is no graduation.
        ("Data Science Intern - Pricing (Graduate) - Summer 2026", ["Summer"]),
        ("Software Engineering Intern (Undergraduate), Summer 2026", ["Summer"]),
        ("Software Engineer, New Grad (Graduating Summer 2026)", []),
    ],
)
def test_seasons_in_titles_with_a_level(title, want):
    text = f"{title}\nAcme\n\nRequirements\n- Junior or senior standing in Fall 2026\n"
    assert parse_posting(text).seasons == want


def test_an_about_heading_ending_in_a_job_word_is_read_for_the_job():
    text = (
        "Software Developer Co-op (Fall 2026)\nKestrel Bay\n\nAbout the co-op term\nThis is a "
        "4-month co-op, starting Tuesday, September 8, 2026 (the day after Labour Day).\n"
    )
    p = parse_posting(text)
    assert (p.start_dates, p.duration_weeks) == ([dt.date(2026, 9, 8)], 17)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Co-op Program FAQ\n\nWhere are the placements?\nFall 2026 placements are in Toronto, "
            "ON and Montréal, QC.\n\nIs it paid?\nYes.\n\nWho can apply?\nStudents.\n",
            ["Toronto, ON", "Montréal, QC"],
        ),
        # A perks box for some hires still says where the work is done.
        (
            "Developer\nAcme\n\n**Benefits (Full Time Roles)**\n* 100% remote within the USA\n",
            ["US"],
        ),
    ],
)
def test_locations_in_more_page_shapes(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "From: Marisol <m@pellucid.io>\nSubject: New Grad role\n\nHi there,\nI'm a university "
            "recruiter at Pellucid Systems and came across your profile.\n",
            "Pellucid Systems",
        ),
        (
            "From: Priya <priya@harrowlindqvist.example>\nSubject: Summer 2026 Analyst opportunity\n\n"
            "Hi Jordan,\nIt was great meeting you at the fair. Our Summer Analyst program runs ten "
            "weeks.\n\nBest,\nPriya\nCampus Recruiting | Harrow & Lindqvist\n",
            "Harrow & Lindqvist",
        ),
        # A fraud warning's "recruiter with X" is not the sender speaking.
        (
            "Developer\n\nAbout Us\nWe build.\n\nIf someone claiming to be a recruiter with Acme "
            "Media contacts you, report it.\n",
            None,
        ),
    ],
)
def test_company_in_recruiters_emails(text, want):
    assert parse_posting(text).company == want


def test_an_open_date_label_is_the_posted_date():
    text = "Student Research Assistant\nBrightwater University\n\nOpen Date: 12/01/2025\nClose Date: 01/15/2026\n"
    assert parse_posting(text).posted_date == dt.date(2025, 12, 1)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # The body says which team the hire joins; the title's part names a field.
        (
            "You will join the Mapping & Localization group, which builds our maps.",
            "Mapping & Localization",
        ),
        ("The intern will join the Groups & Communities team at Murmur.", "Groups & Communities"),
        (
            "You'll be part of the Transmission Planning team in System Planning.",
            "Transmission Planning",
        ),
        # ... unless it is the title's own team, however spelt.
        ("You will join the Perception team, part of our Autonomy R&D group.", "Perception"),
        # ... or the company ("When you join the Latitude team").
        ("When you join the Latitude team, you'll work alongside experts.", "Perception"),
        # A team that describes itself says nothing of whom it hires.
        ("We are the Mapping team and we build maps.", "Perception"),
        ("Join the Mapping team.", "Perception"),
    ],
)
def test_the_team_the_hire_joins_outranks_the_titles_part(body, want):
    text = f"Software Engineering Intern (Perception)\nLatitude AI\n\nAbout the role\n{body}\n"
    assert parse_posting(text).team == want


def test_a_joined_team_written_with_the_titles_initials_is_the_titles():
    text = (
        "Working Student – Battery Management Systems\nVeldmark\n\nYour team\n"
        "You will join the BMS Software team in our E-Mobility division.\n"
    )
    assert parse_posting(text).team == "Battery Management Systems"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Day first with dashes, as Indian and Dutch pages write dates.
        ("Quant Intern\nAcme\nPosted on: 14-10-2025\n\nWe trade.\n", dt.date(2025, 10, 14)),
        ("Quant Intern\nAcme\nPosted on: 10-14-2025\n\nWe trade.\n", dt.date(2025, 10, 14)),
        # A slashed date that could go either way reads as the page's country writes it.
        (
            "Placement Year 2026/27\nAcme\nDate posted: 03/11/2025\n\nPay: £23,000 per annum.\n",
            dt.date(2025, 11, 3),
        ),
        (
            "Data Intern\nAcme\nDate posted: 03/11/2025\n\nPay: $23 per hour.\n",
            dt.date(2025, 3, 11),
        ),
        # Boards' other words for posted.
        (
            "17/11/2025, 09:42     Graduate Engineer | Bright Network\n\nGraduate Engineer\nAcme\n"
            "Added 12 days ago  ·  Deadline 15 December 2025\n\nWe build.\n",
            dt.date(2025, 11, 5),
        ),
        ("Summer Intern\nAcme\nListed: 2 September 2025\n\nWe build.\n", dt.date(2025, 9, 2)),
    ],
)
def test_posted_dates_as_other_countries_write_them(text, want):
    assert parse_posting(text).posted_date == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A rate on its own bullet, with the week's hours after it.
        (
            "Summer Intern\nAcme\nWellington, New Zealand\n\nWhat we offer\n"
            "- NZ$27.50 per hour, 40 hours per week\n- A $250 voucher\n",
            (27.5, 27.5, "NZD", "hour"),
        ),
        # Returning interns' rate is an exception to the general range.
        (
            "SWE Intern\nQuillmark\n$55 – $65 per hour\n\nCompensation\nThe base pay range for "
            "this role is $55–$65/hr. Returning Quillmark interns are paid $62–$70/hr.\n",
            (55.0, 65.0, "USD", "hour"),
        ),
        # A meta line's "Melbourne VIC" makes "$" Australian.
        (
            "2027 Graduate Program\nCoastline\nDocklands, Melbourne VIC\nFull time\n"
            "$82,000 - $86,000 + super\n\nWe insure.\n",
            (82000.0, 86000.0, "AUD", "year"),
        ),
        # Other jobs listed "on" the board are not this job.
        (
            "Backend Co-op\nKestrel\n\nPay\nHourly pay: $30–$36 CAD\n\nSimilar jobs on hireloop\n"
            "Developer Co-op · Vancouver, BC · CA$27–33/hr\n",
            (30.0, 36.0, "CAD", "hour"),
        ),
    ],
)
def test_pay_as_other_pages_write_it(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Lever's department line: the team after the dash, unless it is the role's field.
        (
            "Data Science Intern - Summer 2026\nNew York, NY\nData & Analytics - Risk Analytics /\n"
            "Intern /\nHybrid\n\nWe lend.\n",
            "Risk Analytics",
        ),
        (
            "Data Science Intern (Fall 2026)\nRemote — US\nData & Analytics – Data Science /\n"
            "Intern /\nRemote\n\nWe lend.\n",
            "Data & Analytics",
        ),
        # A Group, capitalised, that builds.
        (
            "Hardware Intern\nAldercrest\n\nAbout the role\nThe Signal Acquisition Group builds "
            "the analog front ends.\n",
            "Signal Acquisition",
        ),
        # Inside a unit the sentence calls a group.
        (
            "IT Intern\nHarborline\n\nThe program\nInterns join a scrum team inside Claims "
            "Technology, the group that builds our claims systems.\n",
            "Claims Technology",
        ),
        # A field of work, then the team, both in the title.
        (
            "Co-op - Embedded Software Engineering, Electrified Propulsion (Fall 2026)\nLakeshore\n\n"
            "We build cars.\n",
            "Electrified Propulsion",
        ),
        # The employer's own name is no team.
        ("Nurse\nHazel Health\n\nAbout the role\nJoin the Hazel team today.\n", None),
    ],
)
def test_team_as_more_pages_write_it(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Taleo's "Organization:" names a unit; the site's header names the employer.
        (
            "Borealis Communications - Careers\nJob Search | My Jobpage\n\nNetwork Co-op Student\n"
            "Organization: Network Engineering & Operations\nSchedule: Full-time\n\nWe connect.\n",
            "Borealis Communications",
        ),
        # A programme's FAQ page opens with its owner's name.
        (
            "Westbrook University\nInformation Technology Services\n\nITS Internship - Frequently "
            "Asked Questions\n\nWho runs it?\nITS.\n\nWho can apply?\nStudents.\n\nIs it paid?\nYes.\n",
            "Westbrook University",
        ),
    ],
)
def test_company_as_more_pages_write_it(text, want):
    assert parse_posting(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The same city coded by Taleo and written for people: one place, as people write it.
        (
            "Network Co-op\nBorealis\nPrimary Location: Canada-Ontario-Toronto\n\nAbout the role\n"
            "You will work from our Toronto, ON office.\n",
            ["Toronto, ON"],
        ),
        # A province the city's place already names.
        (
            "Co-op\nNorthern Shield\nCalgary, Alberta, Canada\n\nWork\nHybrid, two days remote "
            "within Alberta.\n",
            ["Calgary, Alberta, Canada"],
        ),
        ("Board Listing\nAcme\nJob ID 4471\n\nWe build.\n", []),
    ],
)
def test_locations_as_more_pages_write_them(text, want):
    assert parse_posting(text).locations == want


def test_a_board_banner_that_says_it_lists_every_internship_is_no_title():
    text = (
        "InternLoop - every internship, one feed\n\nData Engineering Intern, Streaming Analytics\n"
        "Tidewater Media\n\nAbout the role\nWe stream.\n"
    )
    assert parse_posting(text).title == "Data Engineering Intern, Streaming Analytics"


def test_a_degree_sent_to_another_programme_is_not_asked_for():
    text = (
        "ITS Intern\nWestbrook\n\nWho can apply?\nCurrent undergraduates in any major. Graduate "
        "students should look at the ITS Graduate Assistantship program instead.\n"
    )
    assert parse_posting(text).degree_levels == ["BS"]


@pytest.mark.parametrize(
    ("title", "want"),
    [
        # India's graduate engineer trainee is a permanent job; a student trainee is an intern.
        ("Graduate Engineer Trainee (GET) - 2025 Batch", "full_time"),
        ("Student Trainee (Engineering)", "internship"),
    ],
)
def test_a_trainee_title(title, want):
    assert parse_posting(f"{title}\nAcme\n\nJob type: Full-time\n").employment_type == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("- B.Tech/B.E. or MCA in Computer Science", ["BS", "MS"]),
        ("- Experience with MCA tools", []),
    ],
)
def test_indias_master_of_computer_applications(line, want):
    assert parse_posting(f"Trainee\nAcme\n\nEligibility\n{line}\n").degree_levels == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # A possessive owner of more than one word, and a list of products in the sentence.
        (
            "Fernhollow Foods' Demand Planning Analytics team sits within our Supply Chain "
            "organization and forecasts our products (cereal, granola, snack bars and waffles).",
            "Demand Planning Analytics",
        ),
        # "an internship with the X team".
        (
            "This is a programming internship with the Engine & Tools team at Pellucid Games.",
            "Engine & Tools",
        ),
        # A capitalised verb at a bullet's start is no owner's name.
        (
            "- Oversee the Business Intelligence (BI) platform, dashboards, models and alerts.",
            None,
        ),
    ],
)
def test_team_in_sentences_of_the_seeds_shapes(body, want):
    assert parse_posting(f"Analyst Intern\nAcme\n\nAbout the role\n{body}\n").team == want


def test_the_employer_spelt_out_beside_its_initials_is_no_team():
    text = (
        "Events Manager\nMDIC\n\nOverview\nThe Medical Device Innovation Consortium (MDIC) runs "
        "public-private partnerships.\n"
    )
    assert parse_posting(text).team is None


def test_a_final_presentation_in_a_list_of_dates_is_no_start():
    text = (
        "Technology Analyst Intern\nAldergrove Bank\n\nProgram dates:\n"
        "• Start date: Monday, June 2, 2025\n• Alternate start date: Monday, June 16, 2025\n"
        "• Final presentations: week of August 4, 2025\n"
    )
    assert parse_posting(text).start_dates == [dt.date(2025, 6, 2), dt.date(2025, 6, 16)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Only ranges for places, none general: zones by another name.
        (
            "Software Engineer, Early Career\nKestrel\n\nCompensation\nFor California-based roles, "
            "the base salary range is $128,000 to $176,000.\nFor Washington-based roles, the base "
            "salary range is $121,500 to $167,200.\n",
            (121500.0, 176000.0, "USD", "year"),
        ),
        (
            "Engineer\nAcme\n\nCompensation\n* For Colorado and Texas based hires: Estimated annual "
            "salary of $137,000 - $167,000\n* For Bay Area-based hires: Estimated annual salary of "
            "$162,000 - $198,000\n",
            (137000.0, 198000.0, "USD", "year"),
        ),
        # "For candidates based in the U.S." is the general case.
        (
            "Engineer\nAcme\n\nCompensation\nFor candidates based in the U.S., the base salary range "
            "is $100,000 - $120,000. For candidates based in New York City, the range is $110,000 - "
            "$130,000.\n",
            (100000.0, 120000.0, "USD", "year"),
        ),
    ],
)
def test_pay_given_only_by_place(text, want):
    assert pay(text) == want


def test_workdays_locations_label_lists_one_place_a_line():
    text = (
        "Software Engineer, Early Career\nApply\nlocations\nCalifornia - San Francisco\n"
        "Washington - Seattle\nNew York - New York\ntime type\nFull time\n\nWe build.\n"
    )
    assert parse_posting(text).locations == [
        "California - San Francisco",
        "Washington - Seattle",
        "New York - New York",
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # An icon's name run into a careers site's badge.
        (
            "Student Researcher, 2026\nQuillon\nbar_chart Intern & Apprentice\n\nWe research.\n",
            "internship",
        ),
        ("Student Researcher, 2026\nQuillon\nbar_chart Research\n\nWe research.\n", None),
    ],
)
def test_a_badge_after_an_icons_name(text, want):
    assert parse_posting(text).employment_type == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "This role sits with the Language Understanding team in Quillon Research.",
            "Language Understanding",
        ),
        # The recruiters who run the programme are not the team hired into.
        ("Parcelon's Student Programs team runs the intern experience across North America.", None),
    ],
)
def test_team_beside_big_tech_pages_programmes(body, want):
    assert parse_posting(f"Research Intern\nAcme\n\nAbout the job\n{body}\n").team == want


def test_a_year_after_interns_in_the_plural():
    text = (
        "Research Scientist Intern (PhD)\nLumenfold\n\nWe are looking for PhD interns for 2026.\n"
    )
    assert parse_posting(text).year == 2026


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Print headers that write the month: the page's date, and no title.
        (
            "Jan 15, 2026, 11:20 AM                  IT Co-op Student - Kitchener, ON - Indeed.com\n\n"
            "IT Co-op Student – Spring 2026\nGrand Valley\n\nWe serve.\n\nPosted 5 days ago\n",
            ("IT Co-op Student – Spring 2026", dt.date(2026, 1, 10)),
        ),
        (
            "Tue, Jan 13, 2026                       IT Intern Job in Fresno, CA | ZipRecruiter\n\n"
            "ZipRecruiter\nIT Help Desk Intern (Part-Time)\nSierra Foothills\nPosted 3 days ago\n\nWe heal.\n",
            ("IT Help Desk Intern (Part-Time)", dt.date(2026, 1, 10)),
        ),
        # A breadcrumb's first step from the site's root is no title.
        (
            'LinkedIn\n\nJobs  >  Search results for "new grad data analyst" in Toronto\n\n'
            "Northcove\nAssociate Data Analyst, New Grad 2026\nToronto, ON · 4 days ago\n\nAbout the job\n",
            ("Associate Data Analyst, New Grad 2026", None),
        ),
    ],
)
def test_board_headers_title_and_posted_date(text, want):
    p = parse_posting(text)
    assert (p.title, p.posted_date) == want


def test_a_top_card_far_below_a_boards_menus_still_dates_the_posting():
    menus = "".join(f"Menu item {i}\n" for i in range(14))
    text = (
        f"1/12/26, 8:15 PM\tIntern | Kestrel | LinkedIn\n{menus}Kestrel Motion\n"
        "Software Engineering Intern\nPittsburgh, PA · 1 week ago · Over 100 applicants\n\nAbout the job\n"
    )
    assert parse_posting(text).posted_date == dt.date(2026, 1, 5)


def test_another_jobs_age_in_people_also_viewed_is_not_this_ones():
    text = (
        "BA Intern\nAshgrove\n\nAbout\nWe sell.\n\nPosted 30+ days ago\n\nPeople also viewed\n"
        "Data Analytics Intern · Scioto Health · Columbus, OH · Posted 6 days ago\n"
    )
    assert parse_posting(text, page_date=dt.date(2026, 1, 13)).posted_date is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "Hybrid in Hartford, CT" says how and where, not who.
        (
            "Data Engineering Intern - 6 Month Contract - Hybrid in Hartford, CT\nKeystone\n\nWe staff.\n",
            None,
        ),
        ("Developer Intern - Hybrid in West Berlin, NJ\nAcme\n\nWe build.\n", None),
        # "you'll sit with the X team".
        (
            "Trading Intern\nLarkspur\n\nThe role\nAfter training you'll sit with the Index Options team.\n",
            "Index Options",
        ),
    ],
)
def test_team_in_board_titles(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Lever's capitals line ends with its slash.
        (
            "Tallyline\n\nSoftware Engineer Intern (Fall 2026)\nNEW YORK, NY /\nENGINEERING /\nINTERN /\n"
            "HYBRID\n\nWe pay.\n",
            ["NEW YORK, NY"],
        ),
        # iCIMS's coded place and the written one: one place, as written.
        (
            "Firmware Co-op\nKestrel\nJob Locations US-CO-Fort Collins\n\nThe role\nWe build.\n"
            "Location: Fort Collins, CO\n",
            ["Fort Collins, CO"],
        ),
    ],
)
def test_locations_on_more_ats_pages(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Where the work is, then where it sometimes travels.
        (
            "BA Co-op\nCorvane\n\nThe role\nCo-ops work on-site at our Cincinnati, OH headquarters, "
            "with occasional day trips to distribution centers in Louisville, KY and Indianapolis, IN.\n",
            ["Cincinnati, OH"],
        ),
        # Built In's "Locations" list ends at a blank line; its office cards are the company's.
        (
            "Software Engineer, New Grad\nLedgerline\n\nThe Role\nWe build.\n\nLocations\n"
            "Chicago, IL\nNew York, NY\n\nLedgerline Chicago, Illinois, USA Office\n"
            "River North, 333 W Hubbard St — our HQ\n",
            ["Chicago, IL", "New York, NY"],
        ),
    ],
)
def test_locations_beside_travel_and_office_cards(text, want):
    assert parse_posting(text).locations == want


def test_a_teams_place_between_it_and_its_verb():
    text = (
        "Hardware Validation Co-op\nNorvane\n\nThe role\nOur Post-Silicon Validation team in "
        "Kanata is looking for a co-op student for the Fall 2026 term.\n"
    )
    assert parse_posting(text).team == "Post-Silicon Validation"


def test_a_top_card_with_dashes_dates_the_posting():
    text = (
        "2/5/26, 10:02 AM  Controls Intern | LinkedIn\n\nTollefsen Industries\nControls Software Intern\n"
        "Saskatoon, Saskatchewan, Canada - 1 week ago - 87 applicants\n\nAbout the job\nWe build.\n"
    )
    assert parse_posting(text).posted_date == dt.date(2026, 1, 29)


def test_the_co_op_joins_the_team():
    text = (
        "Supply Chain Co-op\nTollbridge\n\nWhat will I do?\nThe co-op joins the Demand & Supply "
        "Planning team, which forecasts demand for 900 products.\n"
    )
    assert parse_posting(text).team == "Demand & Supply Planning"


@pytest.mark.parametrize(
    ("badge", "want"),
    [
        # A permanent job's months are a rotation's or training's, not the job's length.
        ("Full-time", None),
        ("Internship", 52),
    ],
)
def test_a_permanent_job_has_no_length(badge, want):
    text = (
        f"Associate Product Manager\nQuillstone\n{badge}\n\nAbout the role\nAPMs join a program, "
        "spending twelve months on Consumer Payments before rotating to a second product area.\n"
    )
    assert parse_posting(text).duration_weeks == want
