"""Fields as boards, careers sites and recruiters label them (our own text): glued label runs,
copied field tables, a staffing agency's "Client:", pay by degree, places said twice. Each
case holds the form and a near miss that must not be read the same way.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_posting


def parsed(text: str):
    return parse_posting(text, as_of=dt.date(2025, 12, 1))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A board's top card after the place, set off by dashes: the posting's age, applicants.
        (
            "Northgrain Software\nSoftware Developer Co-op - Summer 2026\n"
            "Saskatoon, Saskatchewan, Canada - 1 week ago - 87 applicants\n\nAbout the job\nBuild.\n",
            ["Saskatoon, Saskatchewan, Canada"],
        ),
        (
            "Tollefsen Industries\nControls Software Intern - Summer 2026\n"
            "Lima, OH - Reposted 2 days ago - Over 100 applicants\n\nAbout the job\nBuild.\n",
            ["Lima, OH"],
        ),
        # ... not a place beside a note that is no board's meta line.
        (
            "Tollefsen Industries\nControls Software Intern - Summer 2026\n"
            "Lima, OH - the plant that builds our presses and dies for customers\n\n"
            "About the job\nBuild.\n",
            [],
        ),
        # A label run glued together, a heading glued to a value ending in an acronym.
        (
            "Kestrel Ledger\n\nSecurity Engineer (New Grad 2026)\n\nJob Description\n\n"
            "Employment Type: Full-timeLocation: Remote - USAbout the TeamThe Detection team "
            "protects our payments.About the RoleThis is an early-career role.\n",
            ["US"],
        ),
        # The work arrangement said in a sentence: "on site in", "on-site position in".
        (
            "Offensive Security Intern\nNorthgate\n\nLocation\nThis internship is on site in "
            "Arlington, VA or Huntsville, AL. Remote work is not available.\n",
            ["Arlington, VA", "Huntsville, AL"],
        ),
        (
            "Electrical Engineer I\nSolvane Robotics\n\nAbout the role\nThis is a full-time, "
            "on-site position in Pittsburgh, PA, working in our hardware lab.\n",
            ["Pittsburgh, PA"],
        ),
        (
            "Firmware Co-op\nLumetra\n\nAbout the Co-op\nThis is a full-time, on-site co-op in "
            "Sunnyvale, CA for the Fall 2026 term.\n",
            ["Sunnyvale, CA"],
        ),
        # ... a position in a market is no place of work.
        (
            "Analyst Intern\nAcme\n\nAbout us\nWe hold a leading position in Chicago, IL markets.\n",
            [],
        ),
        # A list of offices the job may be in, each with its state's code.
        (
            "Explorer Intern\nCorvane\n\nWhere will I work?\nExplorers are placed on-site in our "
            "Austin, TX, Raleigh, NC or Redmond, WA offices.\n",
            ["Austin, TX", "Raleigh, NC", "Redmond, WA"],
        ),
        # A place said in full in its label and plainly in prose: the label's form.
        (
            "Analog Design Co-op\nCorvex\n\nLocation: Chandler, AZ, USA\n\nAbout the role\n"
            "You will work on-site in Chandler, AZ with the mixed-signal team.\n",
            ["Chandler, AZ, USA"],
        ),
        (
            "Protein ML Intern\nCorrigan\n\nAbout the role\n- On site in Cambridge, MA (four "
            "days per week)\n\nLocations\nCambridge, Massachusetts, United States of America\n",
            ["Cambridge, Massachusetts, United States of America"],
        ),
        # An address's ZIP and the country after it.
        (
            "Call Center Representative\nRadGov Inc.\n\nCall Center RepresentativeLocation: "
            "Golden, CO 80401, USADuration: 6 Months with possible extension\n",
            ["Golden, CO"],
        ),
    ],
)
def test_locations_in_labels_and_sentences(text, want):
    assert parsed(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Data Engineer\nAcme\n\nJob Type: Full-timePay: From $80,000.00 per year\n", "full_time"),
        # A copied field table: the value a wide gap away from its label.
        (
            "Operations Research Analyst I\nTidewater\n\nJob Locations  US-TN-Memphis\n"
            "Type  Regular Full-Time\n\nOverview\nWe move freight.\n",
            "full_time",
        ),
        (
            "Warehouse Associate\nAcme\n\nType\tPart-Time\n\nOverview\nWe move freight.\n",
            "part_time",
        ),
        # ... not a sentence that opens with "Type".
        (
            "Operations Analyst\nTidewater\n\nOverview\nType  of work varies: full-time staff "
            "and seasonal crews share the yard.\n",
            None,
        ),
    ],
)
def test_employment_type_in_labels(text, want):
    assert parsed(text).employment_type == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # One range per degree, a line each: lowest to highest, as pay zones.
        (
            "Compiler Intern\nCalderon\n\nPay Transparency\nThe hourly pay range depends on "
            "degree program:\nBachelor's: $38.00 - $46.00 per hour\nMaster's: $45.00 - $54.00 "
            "per hour\nPhD: $55.00 - $66.00 per hour\nInterns who relocate get a stipend.\n",
            (38.0, 66.0, "USD", "hour"),
        ),
        (
            "Research Intern\nCalderon\n\nCompensation\nUndergraduate students: $30 - $36/hr\n"
            "Graduate students: $40 - $48/hr\n",
            (30.0, 48.0, "USD", "hour"),
        ),
    ],
)
def test_pay_by_degree_spans_the_levels(text, want):
    p = parsed(text)
    assert (p.pay_min, p.pay_max, p.pay_currency, p.pay_period) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A title's note on the job's terms names no team.
        (
            "Associate Software Engineer (Secret Clearance Required)\nNorthgate\n\n"
            "About the role\nWrite flight software.\n",
            None,
        ),
        ("Cloud Engineer - U.S. Citizenship Required\nAcme\n\nAbout the role\nRun clouds.\n", None),
        ("Data Engineer (Visa Sponsorship Available)\nAcme\n\nAbout the role\nBuild.\n", None),
        # ... a title's team stays one.
        ("Software Engineer (Payments Risk)\nAcme\n\nAbout the role\nBuild.\n", "Payments Risk"),
        # A desk is a team: a newsroom's, a trading floor's.
        (
            "Data & Graphics Intern (Spring 2026)\nThe Lakeshore Media Group\n\nAbout the desk\n"
            "The Data & Graphics desk is a team of 14 reporters and developers.\n",
            "Data & Graphics",
        ),
        # A team the sentence calls "the team behind" something.
        (
            "Software Engineer, New Grad\nLedgerly\n\nWhat you'll do\nYou'll join Ledger Core, "
            "the team behind our double-entry ledger.\n",
            "Ledger Core",
        ),
    ],
)
def test_team_in_labels_and_sentences(text, want):
    assert parsed(text).team == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # The hire, named as the job seeks them, joins the team the body names.
        (
            "Northgate is seeking Associate Software Engineers to join our GN&C Software team "
            "in Huntsville.",
            "GN&C Software",
        ),
        (
            "We are looking for a talented Software Engineer to join the Flight Dynamics team.",
            "Flight Dynamics",
        ),
        # ... not when the body names the title's team too.
        (
            "About the Embedded GN&C Team:\nWe are looking for a Software Engineer to join the "
            "Experience group.",
            "Embedded GN&C",
        ),
        # ... nor a way of working.
        (
            "We are seeking a talented Software Engineer to join our Scrum team.",
            "Embedded GN&C",
        ),
    ],
)
def test_the_team_the_sought_hire_joins(body, want):
    text = f"Associate Software Engineer - Embedded GN&C\nNorthgate\n\nAbout the role\n{body}\n"
    assert parsed(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Research Intern\nLab\n\nRequirements\n- Current graduate student in robotics\n", ["MS"]),
        # A count of the people a lab has names none of the job's degrees.
        (
            "Research Intern\nLab\n\nPosition Summary\nThe lab includes 3 postdocs, 9 graduate "
            "students and a group of undergraduates.\n\nMinimum Qualifications\n- Current "
            "undergraduate student in engineering\n",
            ["BS"],
        ),
    ],
)
def test_degrees_not_a_labs_headcount(text, want):
    assert parsed(text).degree_levels == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A lower-case "may" after a date is a verb.
        (
            "Data Science Co-op (Summer/Fall 2026)\nHalvorsen\n\nAbout the role\nThis is a "
            "6-month co-op. Our Summer/Fall 2026 cohort starts on Monday, June 1, 2026 (a second "
            "start on July 6 may be offered for students on a trimester calendar).\n",
            [dt.date(2026, 6, 1), dt.date(2026, 7, 6)],
        ),
        # A board's application fields hold the start date too.
        (
            "Software Developer Co-op (Fall 2026)\nCorvid\n\nAbout the role\nBuild.\n\n"
            "Application deadline: 2026-02-13\nExpected start date: 2026-09-08\n",
            [dt.date(2026, 9, 8)],
        ),
        # ... not a step of the application.
        (
            "Software Developer Co-op (Fall 2026)\nCorvid\n\nAbout the role\nBuild.\n\n"
            "Application deadline: 2026-02-13\nApplication window start date: 2026-01-05\n",
            [],
        ),
        # Under a heading that asks about the start, what is said after its own start word.
        (
            "Corvane Explorer FAQ\n\nWho is eligible to apply?\nFirst-year students.\n\n"
            "Where will I work?\nIn Austin, TX.\n\nWhen does the program start?\nAll Explorers start "
            "together on Monday, June 8, 2026. Students whose term ends later may start on "
            "Monday, June 22, 2026.\n",
            [dt.date(2026, 6, 8), dt.date(2026, 6, 22)],
        ),
        (
            "Corvane Explorer FAQ\n\nWho is eligible to apply?\nFirst-year students.\n\n"
            "Where will I work?\nIn Austin, TX.\n\nWhen does the program start?\nAll Explorers start "
            "together on Monday, June 8, 2026. The program ends on Friday, August 28, 2026.\n",
            [dt.date(2026, 6, 8)],
        ),
    ],
)
def test_start_dates_in_labels_and_sentences(text, want):
    assert parsed(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Grid Analytics Intern\nRidgeline\n\nQualifications\n- Coursework in Python; "
            "exposure to Scala is a plus\n",
            ["Python", "Scala"],
        ),
        # ... not the opera house.
        (
            "Events Intern\nRidgeline\n\nAbout you\n- Exposure to Scala and other opera houses\n",
            [],
        ),
    ],
)
def test_languages_after_exposure_to(text, want):
    assert parsed(text).languages == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A careers site's name before its menu.
        (
            "Corvane Careers  |  Students & Graduates  |  FAQ\n\nFrequently Asked Questions\n\n"
            "What is the program?\nA summer internship.\n\nWhere will I work?\nIn Austin, TX.\n",
            "Corvane",
        ),
        # A page with no header: the internships' owner named as a sentence's subject.
        (
            "Job Specifications\nResponsibilities\nBuild developer tools.\nWe are looking for "
            "students for Summer 2026. Internships at Sableport give students ownership of a "
            "real project.\n",
            "Sableport",
        ),
        # A staffing agency's client is who hires.
        (
            "From: Priya <p@talentbridge.example>\nSubject: Junior Data Engineer\n\nHi there,\n"
            "I'm a technical recruiter with TalentBridge Partners.\n\nTitle: Junior Data "
            "Engineer\nClient: Harborview Mutual Insurance (Fortune 500 insurer)\n"
            "Location: Chicago, IL\n",
            "Harborview Mutual Insurance",
        ),
    ],
)
def test_company_in_labels_and_sentences(text, want):
    assert parsed(text).company == want


def test_a_stacks_client_side_is_no_client_firm():
    text = (
        "Développeur Full Stack\nSepteo\n\nLa stack :\n\nClient : Angular / Struts2 JQUERY\n\n"
        "Back : JAVA / Spring\n"
    )
    assert parsed(text).company == "Septeo"


def test_a_candidates_past_internship_names_no_company():
    text = (
        "Job Specifications\nResponsibilities\nBuild developer tools.\nA previous internship "
        "at Google or Meta is a plus.\n"
    )
    assert parsed(text).company is None


def test_recently_viewed_jobs_are_not_the_posting():
    text = (
        "Associate Software Engineer (New Grad)\nNorthgate\nFull-Time\n\nYour Opportunity\n"
        "Write flight software.\n\nSalary Range: $76,400 - $114,600\n\nRecently Viewed Jobs\n"
        "Software Engineering Intern - Summer 2026 (Huntsville, AL)\n"
    )
    p = parsed(text)
    assert (p.seasons, p.year) == ([], None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A page with no header names its company only in prose: the blurb's opening name,
        # named again elsewhere.
        (
            "Job Specifications\nResponsibilities\nPlatform Engineering at Brambleworks Games "
            "builds our build farms.\nQualifications\n- Linux\nAbout the Company\nBrambleworks "
            "Games is an independent studio behind the Hollowmere series.\n",
            "Brambleworks Games",
        ),
        # ... not a name the blurb opens with and no other line names.
        (
            "Job Specifications\nResponsibilities\nBuild our build farms.\nAbout the Company\n"
            "Hollowmere is our flagship series of tactics games.\n",
            None,
        ),
    ],
)
def test_company_of_a_page_with_no_header(text, want):
    assert parsed(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Data Analyst Co-op FAQ\n\nWhat is the role?\nA: Brightwater Mutual is hiring a co-op "
            "student to join its Claims Analytics team for the Fall 2026 work term.\n",
            "Claims Analytics",
        ),
        # A staffing agency's client, and a run of fields on one line.
        (
            "Network Engineer III\nKestrel Staffing\n\nAbout the role\nThis role supports the "
            "client's Enterprise Network Operations team during a data center move.\n",
            "Enterprise Network Operations",
        ),
        (
            "Product Analytics Intern (Fall 2026)\nTessellate Health\n\nTeam: Product Analytics "
            "| Location: New York, NY (Hybrid)\n",
            "Product Analytics",
        ),
        # A department's name is no team: "Our IT team supports 1,900 clinicians".
        (
            "IT Support Technician II\nCorvell Health\n\nOverview\nOur IT team supports more "
            "than 1,900 clinicians.\n",
            None,
        ),
        (
            "Summer Analyst\nMeridian Trust\n\nAbout the program\nThis posting is for Cash "
            "Management Technology, the group that builds our payment platforms.\n",
            "Cash Management Technology",
        ),
        # Taleo's requisition number after the title; a unit placed inside its division.
        (
            "Graduate Research Intern - Computational Science (Summer 2026)-2500841\nSnake River "
            "National Laboratory\n\nDescription\nThe Advanced Computing & Simulation Group within "
            "the Computational Sciences Division is seeking graduate students.\n",
            "Advanced Computing & Simulation",
        ),
        ("GCP Cloud Engineer - R-19409\nAcme\n\nAbout the role\nRun clouds.\n", None),
        # The team that hires comes before the others the body names, spelt out if it can be.
        (
            "IT Co-op\nHarbor Valley Health\n\nOverview\nOur Information Services department "
            "supports 250 applications.\n\nThe Clinical Applications team is looking for a co-op "
            "student to build integrations.\n",
            "Clinical Applications",
        ),
        (
            "Design Verification Co-op\nAcme\n\nThe role\nThe Datacenter Connectivity Group (DCG) "
            "builds PCIe retimers.\n\nAs a Design Verification co-op on the DCG team you will "
            "verify blocks.\n",
            "Datacenter Connectivity Group",
        ),
    ],
)
def test_team_in_more_labels_and_sentences(text, want):
    assert parsed(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A heading's value ending in a state's code, a note after it.
        (
            "Job Specifications\nResponsibilities\nRank products.\nLocation\nSan Francisco, CA or "
            "New York, NY. We work in the office Tuesday through Thursday.\n",
            ["San Francisco, CA", "New York, NY"],
        ),
        # Offices in a list of cities: "New York" is the next city, not San Francisco's state.
        (
            "Software Engineering Intern\nTessellate\nSan Francisco, CA\n\nWe are a Series D "
            "company with offices in San Francisco, New York, London and Toronto.\n",
            ["San Francisco, CA"],
        ),
        # Another listing under "Explore other jobs" is not the job's place.
        (
            "Hardware Test Co-op\nNorvane\nKanata, ON\n\nFull job description\nTest boards.\n\n"
            "Explore other jobs\nTest Engineer Co-op - Ottawa, ON\n",
            ["Kanata, ON"],
        ),
    ],
)
def test_locations_in_more_labels_and_sentences(text, want):
    assert parsed(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A start list with ordinals, under its own label.
        (
            "DevOps Intern (Summer 2026)\nBrambleworks\n\nAbout the role\nBuild pipelines.\n"
            "Summer 2026 Start Dates:\nJune 1st\nJune 15th\n",
            [dt.date(2026, 6, 1), dt.date(2026, 6, 15)],
        ),
        # A note in brackets between the start word and the second date.
        (
            "Software Engineering Intern (Summer 2026)\nAcme\n\nAbout the program\nOur 12-week "
            "program starts on Tuesday, May 26 (after Memorial Day May 25) or Monday, June 8.\n",
            [dt.date(2026, 5, 26), dt.date(2026, 6, 8)],
        ),
        # A board's copy of the employer's text under its own heading.
        (
            "Power Electronics Intern\nVoltaic\n\nCompany Overview\nVoltaic builds inverters.\n\n"
            "H1B Sponsorship\nVoltaic has sponsored H1B visas.\n\nOriginal description (from "
            "company site)\nOur Fall co-op runs 16 weeks. Start dates are Monday, August 24, 2026 "
            "or Tuesday, September 8, 2026.\n",
            [dt.date(2026, 8, 24), dt.date(2026, 9, 8)],
        ),
    ],
)
def test_start_dates_in_more_shapes(text, want):
    assert parsed(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "InternRank — Internships rated by interns\nBrowse   Companies\n\nAssociate Product "
            "Manager Intern (Summer 2026)\nFerro Analytics\nBoston, MA\n",
            "Associate Product Manager Intern (Summer 2026)",
        ),
        (
            "wellfound:\n\nLumenfold\nActive recruiter • Responds within a week\n\nProduct "
            "Manager, Growth\nNew York, NY • Full Time\n",
            "Product Manager, Growth",
        ),
    ],
)
def test_a_boards_banner_and_badges_are_no_title(text, want):
    assert parsed(text).title == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Associate Product Manager Intern\nFerro Analytics\nBoston, MA\nAdded Oct 21, 2025  ·  "
            "Closes Jan 9, 2026\n",
            dt.date(2025, 10, 21),
        ),
        # ... not what a company added.
        (
            "Associate Product Manager Intern\nFerro Analytics\n\nAbout us\nWe added 3 offices "
            "in 2024.\n",
            None,
        ),
        # A newsletter's issue line dates the page.
        (
            "New Grad Jobs Weekly\nIssue #47 · Monday, November 17, 2025\n\nFEATURED JOB\n\n"
            "Software Engineer, New Grad\nOrrin Labs · Denver, CO\nPosted 4 days ago\n",
            dt.date(2025, 11, 13),
        ),
    ],
)
def test_posted_date_in_more_shapes(text, want):
    assert parse_posting(text).posted_date == want


def test_a_newsletters_other_roles_are_not_the_featured_jobs_pay():
    text = (
        "New Grad Jobs Weekly\n\nFEATURED JOB\n\nSoftware Engineer, New Grad (2026 Start)\n"
        "Orrin Labs · Denver, CO\n$125,000 – $145,000 base\n\nMORE NEW GRAD ROLES THIS WEEK\n\n"
        "• IT Analyst — Pell Manufacturing — Grand Rapids, MI — $68K–$74K\n"
    )
    p = parsed(text)
    assert (p.pay_min, p.pay_max) == (125000, 145000)


def test_a_language_written_in_tooling():
    text = (
        "Software Engineer II\nQuillstone\n\nAbout the job\nAs a Software Engineer II, you "
        "will\n- Build services in Java\n- Write Go tooling for our ledger migration\n"
    )
    assert parsed(text).languages == ["Java", "Go"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # An owner's possessive name before the city.
        (
            "Data Science Intern\nMeridian\n\nWhere is the internship?\nThe internship is based "
            "in Meridian Freight Labs' Chicago, IL office.\n",
            ["Chicago, IL"],
        ),
        # Where the team sits.
        (
            "Hardware Co-op\nCorvane\n\nWhere will I work?\nCo-ops on this team sit at either our "
            "Austin, TX or Fort Collins, CO design center.\n",
            ["Austin, TX", "Fort Collins, CO"],
        ),
        (
            "Flight Software Intern\nCorvane Aerospace\n\nAbout the team\nThe Flight Software "
            "team in Huntsville, AL and Cape Canaveral, FL is looking for interns.\n",
            ["Huntsville, AL", "Cape Canaveral, FL"],
        ),
        # The job the sentence's subject, in whatever section.
        (
            "Firmware Intern\nAldergrove\n\nPay and Benefits\nThe hourly range is $38 - $46. "
            "This internship is located at our headquarters and lab in Pittsburgh, PA.\n",
            ["Pittsburgh, PA"],
        ),
        # ... not the company's offices there.
        (
            "Firmware Intern\nAldergrove\n\nPay and Benefits\nThe hourly range is $38 - $46. "
            "Our sales team is located in Pittsburgh, PA.\n",
            [],
        ),
        # A LinkedIn page printed to PDF: wide gaps where the dots were.
        (
            "Quillfeather Mutual\nData Science Intern - Summer 2026\nHartford, CT  2 weeks ago  "
            "87 applicants\nAbout the job\nModel claims.\n",
            ["Hartford, CT"],
        ),
        # A board's search form holds the searcher's place, not the job's.
        (
            "Dice\nSearch jobs: cloud security   Location: Charlotte, NC\n\nCloud Security "
            "Engineer\nRedline Staffing\nRaleigh, NC, USA • Hybrid\n",
            ["Raleigh, NC, USA"],
        ),
        # One place written twice: as labels write it.
        (
            "Data Engineering Intern\nKeystone\nHartford, Connecticut\n\nAbout the role\n"
            "Location: Hartford, CT (Hybrid)\n",
            ["Hartford, CT"],
        ),
        # The employer's card under its name; a recruiter's signature.
        (
            "Fieldline Analytics\nSports Analytics · Boston, MA · 51-200 employees\n\nPart-Time "
            "Data Analyst (Student)\nRemote (US)\n",
            ["US"],
        ),
        (
            "Software Engineer, New Grad\nNimbic\nToronto, ON\n\nThanks,\nPriya Raman | "
            "University Recruiting, Canada\n",
            ["Toronto, ON"],
        ),
        # Other listings under "Jobs you may be interested in".
        (
            "Hardware Test Co-op\nBramblewood\nWaterloo, ON\n\nFull job description\nTest.\n\n"
            "Jobs you may be interested in\nEmbedded Systems Co-op\nGrandview Robotics\n"
            "Kitchener, ON\n",
            ["Waterloo, ON"],
        ),
    ],
)
def test_locations_in_third_round_shapes(text, want):
    assert parsed(text).locations == want


def test_a_name_written_in_lower_case_is_still_a_title():
    text = (
        "iOS Engineer Intern, Checkout Experience — Summer 2026\n\nPebblecart\n\n4.2\n\n"
        "San Francisco, CA\n\n  Internship   Hybrid   Early Careers   ★ Top Company for Interns\n"
    )
    assert parsed(text).title == "iOS Engineer Intern, Checkout Experience — Summer 2026"


def test_a_page_on_one_line_dates_itself():
    body = "Apply Save About the firm We trade options on more than 20 exchanges. " * 30
    text = (
        "Friday, November 7, 2025 Kestrel Ridge Partners Quantitative Research Intern - Summer "
        f"2026 Chicago, IL Internship Posted 4 days ago {body}"
    )
    assert parse_posting(text).posted_date == dt.date(2025, 11, 3)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Research Assistant - Hydrology Lab\nCalder State\n\nPosition Type              "
            "Student Employee - Part-Time\n\nDuties\nClean data.\n\nQuestions\nAre you enrolled "
            "for the Spring term?\n",
            ("part_time", []),
        ),
        # ... an internship's season still counts.
        (
            "Research Intern\nCalder State\n\nAbout the role\nThis is a paid Spring 2026 "
            "internship in our hydrology lab.\n",
            ("internship", ["Spring"]),
        ),
    ],
)
def test_a_part_timers_term_is_no_season(text, want):
    p = parsed(text)
    assert (p.employment_type, p.seasons) == want


def test_a_plan_for_graduate_school_is_no_degree():
    text = (
        "Research Assistant\nCalder State\n\nQualifications\n- Currently enrolled undergraduate "
        "student\n- Interest in pursuing graduate school or research careers\n"
    )
    assert parsed(text).degree_levels == ["BS"]


def test_pay_zones_that_list_their_cities():
    text = (
        "Technology Consulting Summer Analyst\nBrightwater\n\nCompensation\nThe hourly rate "
        "varies by geographic pay zone:\n- Zone A (New York City, San Francisco Bay Area, "
        "Boston, Seattle): $44.00 per hour\n- Zone B (Chicago, Washington D.C., Los Angeles): "
        "$41.00 per hour\n- Zone C (Dallas, Atlanta, Denver, and all other U.S. locations): "
        "$37.50 per hour\n"
    )
    p = parsed(text)
    assert (p.pay_min, p.pay_max, p.pay_period) == (37.5, 44.0, "hour")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Summer Analyst (Intern)\nBrightwater Advisory\n\nThe opportunity\nOur Technology "
            "Consulting practice helps clients modernize legacy platforms.\n",
            "Technology Consulting",
        ),
        (
            "Hardware Test Co-op\nBramblewood\n\nAbout us\nWe design chargers.\n\nThe role\nOur "
            "Hardware Validation team puts every new power stage through endurance testing.\n",
            "Hardware Validation",
        ),
        # ... not a support team named in the perks.
        (
            "Senior Java Developer\nAcme\n\nThe role\nBuild services.\n\nPerks\nAdditionally, our "
            "Accounts Management team ensures a smooth start.\n",
            None,
        ),
    ],
)
def test_team_in_third_round_shapes(text, want):
    assert parsed(text).team == want


def test_an_faq_answer_that_names_the_title():
    text = (
        "Frequently Asked Questions about this role\n\nQ: What is the title of this position?\n"
        "A: The position is titled ASIC Design Verification Intern (Fall 2026).\n\nQ: Which "
        "team will I join?\nA: The Datacenter SoC Verification group.\n\nQ: Who is eligible?\n"
        "A: Master's students.\n"
    )
    assert parsed(text).title == "ASIC Design Verification Intern (Fall 2026)"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A page with no header states its company's own facts.
        (
            "Q: What will I work on?\nA: Verification of Tessellate Silicon's accelerators.\n\n"
            "Q: Where is the company?\nA: Tessellate Silicon is headquartered in San Jose, CA.\n",
            "Tessellate Silicon",
        ),
        # ... and says them only once: too little to name it.
        (
            "Q: What will I work on?\nA: Verification of network accelerators.\n\nQ: Where is "
            "the company?\nA: Tessellate Silicon is headquartered in San Jose, CA.\n",
            None,
        ),
    ],
)
def test_company_stated_in_its_own_facts(text, want):
    assert parsed(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A label run glued together with no colons.
        (
            "Application Security Engineer I (New Grad 2026)\nCobaltline\n\nCompensation\n$118,000 "
            "- $140,000 per year.Job InformationLocationChicago, IL (Hybrid)Job TypeFull-time"
            "Experience LevelEntry levelAbout CobaltlineWe build banking software.\n",
            (["Chicago, IL"], "full_time"),
        ),
        # ... a capital inside a name ends no value.
        (
            "Administrative Coordinator\nBook Bank\n\nOrganization: Book BankLocation: MidTown "
            "Cleveland, OHPosition Type: F/T\n",
            (["Cleveland, OH"], None),
        ),
    ],
)
def test_a_glued_label_run_without_colons(text, want):
    p = parsed(text)
    assert (p.locations, p.employment_type) == want


def test_a_range_said_not_to_apply_is_not_the_pay():
    text = (
        "Product Design Intern, Summer 2026\nKestrel Home\n\nCompensation\nThe hourly pay range "
        "for this internship is $34 - $42. Full-time product designers at Kestrel earn $105,000 "
        "- $140,000 per year; that range does not apply to this internship.\n"
    )
    p = parsed(text)
    assert (p.pay_min, p.pay_max, p.pay_period) == (34, 42, "hour")


def test_a_perks_credit_is_no_pay():
    text = (
        "Senior Engineer\nTeamSnap\n\nTotal Rewards\n• Unlimited PTO\n• A $50 credit on every "
        "work anniversary\n"
    )
    assert parsed(text).pay_min is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # An emoji opens a heading as a bullet would: the blurb's offices are the company's.
        (
            "Robotics Engineering Intern\nPloughshare\nFresno, CA\n\n🌱 About Ploughshare\nOur HQ "
            "is in Fresno; we also have a small software office in Yuma, AZ for winter season.\n",
            ["Fresno, CA"],
        ),
        # Indeed's search box: "Where" over the searcher's place, "Find jobs" under it.
        (
            "Skip to main content\nindeed\nHome\nCompany reviews\nSign in\n\nWhat\nelectrical "
            "engineering co-op\nWhere\nBoston, MA\nFind jobs\n\n"
            "Electrical Engineering Co-op (Spring 2026)\nBrightwater Energy\nLowell, MA\n",
            ["Lowell, MA"],
        ),
    ],
)
def test_locations_in_fourth_round_shapes(text, want):
    assert parsed(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Great Lakes Public Media\nBecome a sustaining member today — just $5 a month keeps "
            "independent journalism free for everyone.   Give Now\n\nAbout Us > Careers > Current "
            "Openings\n\nDigital Product Intern – Spring 2026 (Part-Time)\nLocation: Milwaukee, WI\n",
            "Digital Product Intern – Spring 2026 (Part-Time)",
        ),
        # A career centre's forward: a note ending in a stop above the pasted posting's title.
        (
            "Hi Engineers,\n\nThe full posting is copied below.\n\nDrop-in advising: Mon–Thu, 1–4 PM, "
            "Kessler Hall 210.\n\n=====================\n\nSummer Undergraduate Research Fellow – "
            "Battery Materials Informatics\n\nCorwin Laboratory | Energy Storage Group\n",
            "Summer Undergraduate Research Fellow – Battery Materials Informatics",
        ),
        # A gender tag's letters are no sentence's words.
        (
            "18.11.25, 09:42                Werkstudent (m/w/d) Softwareentwicklung | StepStone\n\n"
            "StepStone\n\nWerkstudent (m/w/d) Softwareentwicklung\nKestrelwerk GmbH\n\n📍 Stuttgart\n"
            "📄 Werkstudent\n",
            "Werkstudent (m/w/d) Softwareentwicklung",
        ),
    ],
)
def test_title_under_banners_and_notes(text, want):
    assert want in str(parsed(text).title)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Summer Undergraduate Research Fellow\nCorwin\n\nThe Opportunity\nThis paid summer "
            "research internship places you in the Energy Storage Group.\n\nDetails\n- 10-week, "
            "full-time program\n- Fellows arrive Monday, June 1, 2026; the program ends Friday, "
            "August 7, 2026\n",
            ("internship", [dt.date(2026, 6, 1)], 10),
        ),
        (
            "IT Operations & Cybersecurity Apprentice (2026 Cohort)\nColumbia Plateau Energy\n"
            "Spokane, WA · Full-time\n\nJob Description\nThe program is a 24-month registered "
            "apprenticeship. The 2026 cohort starts January 12, 2026.\n",
            ("full_time", [dt.date(2026, 1, 12)], 104),
        ),
        (
            "Computational Biology Intern (PhD), Summer 2026\nOrrin Bio\n\nAbout the role\nWe're "
            "looking for a PhD student to spend 12 weeks with our team this summer.\n",
            ("internship", [], 12),
        ),
    ],
)
def test_terms_in_fourth_round_shapes(text, want):
    p = parsed(text)
    assert (p.employment_type, p.start_dates, p.duration_weeks) == want


def test_a_federal_trainees_job_series_is_no_team():
    text = (
        "Student Trainee (Information Technology)\nNational Park Service\n\nDuties\nThis is a "
        "Pathways Internship Program position for Summer 2026.\n"
    )
    assert parsed(text).team is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A city's range for the interns based there is an exception, not a zone.
        (
            "iOS Intern\nPinecrest\n\nPay Transparency\nThe hourly pay range for this internship is "
            "$40–$52/hr. For interns based in our New York City office, the range is $46–$58/hr.\n",
            (40, 52),
        ),
    ],
)
def test_pay_for_interns_based_in_one_city(text, want):
    p = parsed(text)
    assert (p.pay_min, p.pay_max) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Security Intern FAQ\n\nWhere will I work?\nA: The internship is fully remote for "
            "candidates located in the US. We ship every intern a laptop.\n",
            ["US"],
        ),
        (
            "Data Intern\nAcme\n\nAbout the role\nThis role is remote in the U.S. We ship laptops.\n",
            ["US"],
        ),
        (
            "iOS Intern\nPinecrest\n\nDetails\nInterns who relocate get housing.LocationsBoston, MA "
            "New York, NYAbout Pinecrest HealthPinecrest Health builds patient apps.\n",
            ["Boston, MA", "New York, NY"],
        ),
        (
            "Aldermoor Careers   Students   Launchpad   FAQ   Apply\n\nLaunchpad FAQ\n\nWhere will "
            "I work?\nLaunchpad interns work in person from our Boston, MA or Toronto, ON office.\n",
            ["Boston, MA", "Toronto, ON"],
        ),
    ],
)
def test_locations_in_fifth_round_shapes(text, want):
    assert parsed(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Job Specifications\nResponsibilities\nThe Motion Control Firmware team at Tessellate "
            "Robotics writes the software inside every joint.\n",
            "Motion Control Firmware",
        ),
        (
            "Perception Software Co-op (Fall 2026)\nTessellate Robotics\nPITTSBURGH, PA /\n"
            "ENGINEERING – AUTONOMY /\nINTERNSHIP /\nON-SITE\n\nAbout the team\nThe Perception team "
            "within Autonomy turns raw lidar data into tracks.\n",
            "Perception",
        ),
        (
            "Grid Cyber Intern\nRio Grande Lab\n\nAbout the group\nThe Cyber-Physical Systems "
            "group in the Energy & Infrastructure Security Division conducts grid research.\n",
            "Cyber-Physical Systems",
        ),
        (
            "Data Science Intern\nParcelwise\n\nAbout the team\nOur Network Optimization team uses "
            "data science to route parcels.\n",
            "Network Optimization",
        ),
        # ... not a team in a relative clause about another thing.
        (
            "FullStack Software Engineer\nPodium\n\nAbout the role\nYou will build internal tools "
            "that our Go To Market team uses to help customers.\n",
            None,
        ),
    ],
)
def test_team_in_fifth_round_shapes(text, want):
    assert parsed(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Firmware Intern (Summer 2026)\nTessellate\n\nAbout the internship\nInterns will be "
            "placed in one of two cohorts:\nCohort 1: Monday, June 1\nCohort 2: Monday, June 15\n",
            [dt.date(2026, 6, 1), dt.date(2026, 6, 15)],
        ),
    ],
)
def test_a_cohorts_label_starts_it(text, want):
    assert parsed(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Friday, November 14, 2025 | JobScout\n\nML Infrastructure Engineer\n\nVantablue AI\n"
            "Seattle, WA\n\nPosted 2 weeks ago  ·  142 applicants\n",
            dt.date(2025, 10, 31),
        ),
        (
            "Data Engineering Co-op\nNorthbridge\n\nJob Posting\nOct 15, 2025, 9:00:00 AM\n"
            "Unposting Date\nNov 9, 2025, 11:59:00 PM\n",
            dt.date(2025, 10, 15),
        ),
    ],
)
def test_posted_date_in_fifth_round_shapes(text, want):
    assert parse_posting(text).posted_date == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "RGNL Careers | Rio Grande National Laboratory\n\nGrid Cyber Intern\nRio Grande "
            "National Laboratory\n\nAbout us\nRGNL is a national laboratory. RGNL is an equal "
            "opportunity employer.\n",
            "Rio Grande National Laboratory",
        ),
        (
            "Aldermoor Careers   Students   Launchpad   FAQ   Apply\n\nLaunchpad FAQ\n\nWhat is "
            "Launchpad?\nA summer internship.\n",
            "Aldermoor",
        ),
    ],
)
def test_company_in_fifth_round_shapes(text, want):
    assert parsed(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A unit named at its sentence's start, the employer after "at".
        (
            "Job Specifications\nResponsibilities\nPlatform Engineering at Brambleworks Games "
            "builds our build farms.\nAbout the Company\nBrambleworks Games is an independent "
            "studio.\n",
            "Platform Engineering",
        ),
        (
            "Flight Software Engineering Intern\nAphelion Orbital\n\nAbout the team\nFlight "
            "Software at Aphelion owns every line of code that flies.\n",
            "Flight Software",
        ),
        (
            "Senior Software Engineer\nOpendoor\n\nAbout the Team\nThe Developer Experience Team at "
            "Opendoor is dedicated to shaping our tools.\n",
            "Developer Experience",
        ),
        # ... not its people, nor what working there is.
        (
            "Software Engineer\nBrambleworks Games\n\nAbout us\nEngineers at Brambleworks Games "
            "build games for consoles.\n",
            None,
        ),
        (
            "Sales Associate\nPoshi\n\nOverview\nWe reward results. Working at Poshi is a chance "
            "to change how healthy food is sold.\n",
            None,
        ),
        # A name with a digit-led word.
        (
            "Computer Vision Intern\nSablewing\n\nAbout the team\nThe Sablewing 3D Perception team "
            "builds models of bridges.\n",
            "3D Perception",
        ),
    ],
)
def test_team_in_sixth_round_shapes(text, want):
    assert parsed(text).team == want


def test_a_short_name_gives_way_to_the_full_one_named_strongly():
    text = (
        "FAQs\nWhat is the job title?\nThe job title is Platform Engineering Intern.\nWhich company "
        "is hiring?\nThis role is with Corvane Cloud, a data infrastructure provider. Corvane is "
        "based in Austin.\nWhat will I do?\nWork on Corvane's platform team with Corvane "
        "engineers; Corvane interns present to Corvane leaders.\n"
    )
    assert parsed(text).company == "Corvane Cloud"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The application's deadline among the header's lines is no section on applying.
        (
            "Camden Polytechnic Institute\n\nUndergraduate Research Intern (Summer 2026)\n\n"
            "Posted: November 20, 2025\nApplication deadline: February 15, 2026\n\nWe are recruiting "
            "interns for a 10-week summer program on the CPI campus in Worcester, MA. The program "
            "runs from Monday, June 1, 2026 through Friday, August 7, 2026.\n",
            (["Worcester, MA"], [dt.date(2026, 6, 1)]),
        ),
        # Lever's header in capitals.
        (
            "Tidewell\n\nSoftware Engineer, New Grad 2026\nREMOTE - UNITED STATES\nFULL-TIME\n\n"
            "About the role\nBuild playback.\n",
            (["US"], []),
        ),
    ],
)
def test_places_and_starts_in_sixth_round_shapes(text, want):
    p = parsed(text)
    assert (p.locations, p.start_dates) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Tripwell\nSoftware Engineering Intern (Fall 2026)\nTORONTO, ONTARIO, CANADA /\n"
            "ENGINEERING – SEARCH /\nINTERN /\nHYBRID\n",
            ["TORONTO, ONTARIO, CANADA"],
        ),
        (
            "Climate Data Intern (Summer 2026) — Remote\nGroundwork\n\nAbout the internship\nInterns "
            "work remotely and must reside in the United States during the internship.\n",
            ["US"],
        ),
    ],
)
def test_locations_in_seventh_round_shapes(text, want):
    assert parsed(text).locations == want


def test_a_return_offers_salary_is_not_the_interns_pay():
    text = (
        "Are you applying to the internship?\nJob Description\n“`html\nQuant Research Intern (PhD) "
        "– Summer 2026\nKestrel Point is a quantitative investment firm.\nResponsibilities\n- Test "
        "hypotheses.\nCompensation and Benefits\nHourly Compensation:\n"
        "- The hourly rate for this internship is $115 – $135.\nAdditional:\n- Interns receive a "
        "$10,000 housing stipend.\n- Interns who receive a return offer for a full-time position "
        "will be offered a base salary in the range of $200,000 – $275,000 plus bonus.\n"
    )
    p = parsed(text)
    assert (p.pay_min, p.pay_max) == (115, 135)


def test_undergraduates_joining_for_a_term_name_its_season():
    text = (
        "Job Specifications\nResponsibilities\nWe are looking for undergraduate students to join "
        "us for a Fall 2026 co-op term.\n"
    )
    assert parsed(text).seasons == ["Fall"]


def test_a_copy_note_dates_the_page():
    text = (
        "copied Mon, Nov 3, 2025 from LinkedIn saved jobs\n\nSoftware Engineer I\nLedgerline\n"
        "New York, NY · 2 weeks ago · Over 100 applicants\n"
    )
    assert parse_posting(text).posted_date == dt.date(2025, 10, 20)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Research Intern FAQ\n\nHow long is the internship?\nBoth terms last 16 weeks "
            "(approximately four months).\n",
            16,
        ),
        # ... not "the last 12 months".
        (
            "Software Engineer Intern\nAcme\n\nAbout us\nWe grew from $0 to $3M ARR in the last "
            "12 months.\n",
            None,
        ),
    ],
)
def test_terms_that_last(text, want):
    assert parsed(text).duration_weeks == want


def test_a_lab_with_its_city_is_a_team():
    text = (
        "Hardware Test Co-op\nArdent Power Systems\n\nAbout the role\nOur Power Conversion Test Lab "
        "in Nashua, NH qualifies every new product before production.\n"
    )
    assert parsed(text).team == "Power Conversion Test"


def test_a_state_code_ends_the_sentence_before_the_company():
    text = (
        "Job Specifications\nResponsibilities\nAnalyze customer data.\nAbout the Company\nWe serve "
        "Oregon and Vancouver, WA. Brightwater is an equal opportunity employer.\n"
    )
    assert parsed(text).company == "Brightwater"
