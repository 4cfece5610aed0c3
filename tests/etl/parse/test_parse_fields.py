"""Table tests per field: realistic variants of each pattern, and the look-alikes that are not."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_posting

D = dt.date


# --- title and company -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Data Engineer\n\n**Company:** Quillstone, Inc.\n\n**Location** : Austin, TX\n",
            "Quillstone, Inc",
        ),
        ("Data Engineer\nCompany: Fernbrook Labs\nLocation: Denver, CO\n", "Fernbrook Labs"),
    ],
)
def test_company_label_value_without_markup(text, want):
    assert parse_posting(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Questions about the 2026 Quant Research Internship at Pelican Capital\n\nWhat is it?\n",
            "Pelican Capital",
        ),
        (
            "Analyst Intern\n\nTidewater Logistics is a family-owned freight company.\nTidewater Logistics is looking for an intern.",
            "Tidewater Logistics",
        ),
        (
            "Knowledge Engineer\n\n# Job Title: Knowledge Engineer\n\nAt Prompt, we build software.\nPrompt is looking for a Knowledge Engineer.",
            "Prompt",
        ),
        ("Data Analyst\nState Role Title: 19034\n\nWe analyse data.", None),
        # One plain "X is hiring/seeking" sentence is enough to name the company ...
        (
            "Compiler Intern\n\nZorblax Systems is hiring a compiler intern for Summer 2026.",
            "Zorblax Systems",
        ),
        ("Data Intern\n\nBank of Arden is seeking a data intern.", "Bank of Arden"),
        # ... but a list of places before it names no company.
        (
            "IT Engineer\n\nThe company runs sites in Budapest, Debrecen, Pécs and Szeged and is "
            "looking for skilled IT professionals.",
            None,
        ),
        (
            "Lab Technician\nBridge Analyzers, Inc.\n\nBridge Analyzers, Inc. is a leading maker of gas analyzers.",
            "Bridge Analyzers, Inc",
        ),
        # The equal-opportunity sentence in title case, as most pages write it.
        (
            "Data Intern\n\nWe build grid software.\n\nNorthgate Power Systems is an Equal "
            "Opportunity Employer.",
            "Northgate Power Systems",
        ),
        # A long name after "Working at" is read whole, emphasis marks or not.
        (
            "Data Intern\n\n**Working at Pemberton Analytics**\n\nWe build grid software.\n"
            "**Working at Pemberton Analytics** means owning your work.",
            "Pemberton Analytics",
        ),
    ],
)
def test_company_named_in_sentences_not_in_labels_or_titles(text, want):
    assert parse_posting(text).company == want


def test_an_faq_page_heading_is_no_title_and_its_answers_still_count():
    text = (
        "Frequently asked questions about the Summer 2026 Software Engineering Internship\n\n"
        "Q: What will I work on?\nA: Payments.\n\nQ: How long is the internship?\nA: 12 weeks.\n\n"
        "Q: What does it pay?\nA: $55 per hour.\n"
    )
    p = parse_posting(text)
    assert p.title is None
    assert p.duration_weeks == 12
    assert (p.pay_min, p.pay_period) == (55, "hour")


def test_company_from_internships_at_and_the_blurb():
    text = (
        "Job Specifications\nResponsibilities\nBuild the risk console.\n"
        "Internships at Shopwave run for 10 weeks.\n"
        "About the Company\nShopwave powers online stores for 2 million merchants.\n"
    )
    assert parse_posting(text).company == "Shopwave"


def test_company_after_a_label_on_a_meta_line():
    text = "SDE Intern - AWS Lambda\nJob ID: 3012774 | Amazon Web Services, Inc.\n\nBuild things."
    assert parse_posting(text).company == "Amazon Web Services, Inc"


def test_a_breadcrumb_is_neither_title_nor_company():
    text = "Careers > Engineering > Internships\nData Intern (Summer 2026)\nAcme Robotics\n\nWe build robots."
    p = parse_posting(text)
    assert p.title == "Data Intern (Summer 2026)"
    assert p.company == "Acme Robotics"


@pytest.mark.parametrize(
    "heading", ["About the Engineering Team", "About the Project", "About the Organization"]
)
def test_about_the_team_or_project_does_not_name_the_company(heading):
    text = f"Senior Engineer\n\n{heading}\nWe build billing software for clinics.\n"
    assert parse_posting(text).company is None


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        (
            "Software Engineering Intern, BS, Summer 2026\nGoogle\nMountain View, CA, USA\n\nMinimum qualifications:\nPython",
            "Software Engineering Intern, BS, Summer 2026",
            "Google",
        ),
        (
            "Tuesday, October 28, 2025\nAcme\n\nData Analyst Intern (Finance)\n\nPosted: 2 days ago\n\nJob Description\n",
            "Data Analyst Intern (Finance)",
            "Acme",
        ),
        (
            "# Senior Backend Engineer - Payments\n### Lumen Pay\n\nWe build payment rails.",
            "Senior Backend Engineer - Payments",
            "Lumen Pay",
        ),
        (
            "Job Title: Python AI/ MLType: FulltimeLocation: Dallas, TX\nAt Northwind, we build tools.\nNorthwind is an equal opportunity employer.",
            "Python AI/ ML",
            "Northwind",
        ),
        (
            "Marketing Intern\nAcme Analytics · Austin, TX (On-site)\n1 week ago · Over 100 applicants\n",
            "Marketing Intern",
            "Acme Analytics",
        ),
        (
            "FAQs\nWhat is the job title?\nThe job title for this position is Hardware Engineer Intern - Sensors.\n"
            "Who is hiring?\nThe role is at Vexa.\nWhat is the work like at Vexa?\nGreat.\nVexa is an equal opportunity employer.",
            "Hardware Engineer Intern - Sensors",
            "Vexa",
        ),
        # A company whose name opens with digits, on the line under the title (a board's
        # Markdown header as its reader renders it).
        (
            "Lead Data Engineer\n4Sight\n🌎 Remote - US\n4Sight is looking for a data engineer.",
            "Lead Data Engineer",
            "4Sight",
        ),
        (
            "Senior Front End Engineer\n12up\nRemote\n\nWe build websites.",
            "Senior Front End Engineer",
            "12up",
        ),
        # A job name with a full stop typed after it is still the title line.
        (
            "Machine Learning Engineer - MLOps.\nKestrel Labs\n\nWe train models.",
            "Machine Learning Engineer - MLOps.",
            "Kestrel Labs",
        ),
        # A "Position:" label in the body restates the job: the page's own title line wins.
        (
            "Staff Systems Engineer-7731--Data Platform\nBrightwave Networks\n\nDescription\n"
            "Brightwave Networks builds switches for campuses and stadiums across the world.\n"
            "Position: Staff Systems Engineer-Data Platform (Python, Kafka)\nExperience: 8 to 12 years",
            "Staff Systems Engineer-7731--Data Platform",
            "Brightwave Networks",
        ),
        # The next label on the title's line ends the title, glued or after a space.
        (
            "Job Title: Azure Cloud Engineer Work Location: Hartford, CT\nCompany: Acme Cloud\n",
            "Azure Cloud Engineer",
            "Acme Cloud",
        ),
        # A careers site's header line names the company.
        (
            "Jobs at Pinnacle Robotics\nBack to all jobs\n\nEmbedded Software Intern (Fall 2026)\n"
            "Pittsburgh, PA\n\nPinnacle Robotics makes inspection robots.",
            "Embedded Software Intern (Fall 2026)",
            "Pinnacle Robotics",
        ),
        # Role, company and place on one title line; the title stays verbatim.
        (
            "Data Analyst Intern - Bluefin Health - Nashville, TN\nPosted 5 days ago\n\n"
            "Bluefin Health helps rural hospitals understand their data.",
            "Data Analyst Intern - Bluefin Health - Nashville, TN",
            "Bluefin Health",
        ),
        (
            "Software Engineer - Payments - Remote\nAcme\n\nWe build payment rails.",
            "Software Engineer - Payments - Remote",
            "Acme",
        ),
        # Workday's "time type" value is no company.
        (
            "Hardware Verification Intern - Summer 2026\nUS, CA, Santa Clara\ntime type\n"
            "Full time\nposted on\nPosted 3 Days Ago\n\nWe build GPUs.",
            "Hardware Verification Intern - Summer 2026",
            None,
        ),
    ],
)
def test_title_and_company(text, title, company):
    p = parse_posting(text)
    assert p.title == title
    assert p.company == company


@pytest.mark.parametrize("line", ["2nd Shift", "401k Match", "12hrs Shifts", "3 Openings"])
def test_a_number_led_line_under_the_title_is_no_company(line):
    assert parse_posting(f"Warehouse Associate\n{line}\n\nWe move boxes.").company is None


@pytest.mark.parametrize(
    "text",
    [
        "Job Specifications\nResponsibilities\nThe platform team builds tools for support agents.\n",
        "We are looking for someone who loves data. You will work with our analysts on reporting.",
        "Responsibilities\n- Build dashboards\n- Work with the Engineering Manager on planning",
    ],
)
def test_no_title_when_the_text_has_none(text):
    assert parse_posting(text).title is None


def test_board_placeholder_company_is_ignored():
    p = parse_posting(
        "# Platform Engineer\n### None\n\nAt Quillo, we ship fast.\nQuillo is an equal opportunity employer."
    )
    assert p.company == "Quillo"


# --- employment type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Software Engineer\nAcme\n\nAbout the role\nThis role is a 12-month fixed-term contract.",
            "contract",
        ),
        ("Analyst Program 2026\nAcme\n\nThe program is a paid 10-week internship.", "internship"),
        ("2026 Summer Analyst - Markets\nAcme\n", "internship"),
        ("Engineer\nAcme\nPosition type: Regular Full Time\n", "full_time"),
        ("Engineer\nAcme\n\nWork hours: 40 hours per week (full time).", "full_time"),
        # An internship named in passing is not this job's type.
        (
            "Software Engineer\nAcme\n\nBenefits\nMentoring: each engineer leads a 12-week internship.",
            None,
        ),
        (
            "Backend Engineer Project Intern\nAcme\n\nCommit to a 12-week full-time work period.",
            "internship",
        ),
        ("Software Engineer, Co-op (Fall 2026)\nAcme\n", "internship"),
        (
            "Senior Backend Engineer\nOrbit\nFull-Time · Remote (US)\n\nThe role\nBuild things.",
            "full_time",
        ),
        ("Data Analyst\nAcme\n\nJob Type: Part-time\nPay: $20/hr", "part_time"),
        ("Program Manager\nAcme\n\nThis is a 6-month contract role on W2.", "contract"),
        ("Account Executive\nAcme\n\nEmployment Type: Full-time\nSalary: $70K", "full_time"),
        ("Account Executive\nAcme\n\nWe sell software to hospitals.", None),
        ("Data Engineer\nAcme\n\nThis is a 6-month fixed-term contract.", "contract"),
        ("Data Engineer\nAcme\n\nW2 contract, 12 months, hybrid in Dallas.", "contract"),
        (
            "Graduate Software Engineer 2026\nAcme\n\nOur full time graduate programme starts in September.",
            "full_time",
        ),
        # A hospital's schedule line says the type too.
        (
            "Registered Nurse - Cardiac ICU\nSaint Brendan\nSchedule: Full Time, 36 hours/week, Nights",
            "full_time",
        ),
        ("Cashier\nAcme\n\nSchedule: Part-time, 20 hours a week.", "part_time"),
        ("Cashier\nAcme\n\nSchedule: Monday to Friday, 9 to 5.", None),
        # "Status:" labels the type too; an FLSA status is no type.
        ("Event Coordinator\nAcme\n\nStatus: Part Time with potential for Full Time", "part_time"),
        (
            "API Developer\nAcme\n\nEmployee Status : Full Time Employee\n\nShift : Day Job",
            "full_time",
        ),
        ("Payroll Analyst\nAcme\n\nFLSA Status: Exempt", None),
        # Terms the job is not offered on, and an office's initials, are no contract.
        ("Data Engineer\nAcme\n\nWe are not open to C2C at this time.", None),
        ("Data Engineer\nAcme\n\nUnfortunately we cannot do corp-to-corp or sponsor visas.", None),
        ("Policy Analyst\nState of Acme\n\nSupport the Cradle to Career (C2C) office.", None),
        ("Data Engineer\nAcme\n\nRate: $70/hr on C2C or W2.", "contract"),
        # A part-time basis that may grow into full time is part time.
        (
            "Occupational Therapist\nAcme\n\nJoin us on a part-time basis with the ability to"
            " grow to a full-time position.",
            "part_time",
        ),
        # The UK's placement student is an intern.
        (
            "Software Engineering Placement Student (12 months) - September 2026\nArkwright Ltd\n",
            "internship",
        ),
    ],
)
def test_employment_type(text, want):
    assert parse_posting(text).employment_type == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The job said to be part-time where it is offered or described.
        (
            "Junior Web Developer\nAcme Clinics\n\nAbout the job\nWe are looking\nfor a part-time "
            "web developer (15-20 hrs/week) to help our booking team.",
            "part_time",
        ),
        (
            "Bookkeeper\nAcme\n\nWe're seeking a Part-Time Bookkeeper for our Austin office.",
            "part_time",
        ),
        ("Choir Director\nAcme\n\nThe position is part-time, about 12 hours a week.", "part_time"),
        # Both offered, or part-time named for something else, is no type.
        ("Tutor\nAcme\n\nWe are hiring a part-time or full-time tutor.", None),
        ("Tutor\nAcme\n\nWe are hiring a part-time/full-time tutor.", None),
        ("Tutor\nAcme\n\nWe are seeking a part-time, full-time or seasonal tutor.", None),
        ("Analyst\nAcme\n\nIdeal for students going to school part-time in the evening.", None),
    ],
)
def test_employment_type_part_time_in_a_sentence(text, want):
    assert parse_posting(text).employment_type == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A category line of slash-separated parts, as Lever prints it.
        (
            "Backend Engineer, New Grad\nBOSTON, MA / ENGINEERING - CORE / FULL-TIME / REMOTE\n\n"
            "We build ledgers.",
            "full_time",
        ),
        ("Store Designer\nNEW YORK, NY / DESIGN / PART-TIME\n\nWe make lamps.", "part_time"),
        ("Engineer\nAcme\n\nWe hire full-time / part-time staff for our stores.", None),
    ],
)
def test_employment_type_in_a_slash_category_line(text, want):
    assert parse_posting(text).employment_type == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Lattice Bio is hiring a Machine Learning Intern in Boston, MA\n\nWe design proteins.",
            "internship",
        ),
        ("Acme is seeking a Photonics Layout Intern to join our technical team.", "internship"),
        ("We are looking for a bright and motivated intern to join our team.", "internship"),
        ("Acme is hiring a Senior Data Engineer in Boston, MA.", None),
    ],
)
def test_a_page_without_a_title_says_it_hires_an_intern(text, want):
    assert parse_posting(text).employment_type == want


# --- seasons and year ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seasons", "year"),
    [
        ("Software Engineering Intern (Summer/Fall 2026)\nAcme\n", ["Summer", "Fall"], 2026),
        ("Backend Intern - 2025 Summer (BS/MS)\nAcme\n", ["Summer"], 2025),
        ("Backend Engineer Intern (Social) 2026 Start (BS/MS)\nAcme\n", [], 2026),
        (
            "Job Specifications\nResponsibilities\nJoin us for an internship in 2026.\n"
            "Qualifications\nAble to commit to working for 12 weeks during the Summer of 2026.",
            ["Summer"],
            2026,
        ),
        (
            "Research Intern\nAcme\n\nPreferred Qualifications\nGraduating Fall 2025 or later.\n"
            "Internship dates: May or June 2026.",
            [],
            2026,
        ),
        ("Analyst\nAcme\n\nWe are hiring for our Winter 2027 co-op term.", ["Winter"], 2027),
        ("Quant Intern 2026\nAcme\n\nA 10-week summer internship in Chicago.", ["Summer"], 2026),
        # In an intern's posting "this summer" is the internship's, when nothing plainer says it.
        (
            "Quant Intern 2026\nAcme\n\nEnjoy the city this summer with your cohort.",
            ["Summer"],
            2026,
        ),
        (
            "Planning Intern\nAcme\n\nYou will support transit projects during the upcoming "
            "summer semester.",
            ["Summer"],
            None,
        ),
        (
            "Firmware Intern\nAcme\n\nWe are hiring an intern for 10-12 weeks this summer "
            "(Summer 2026).",
            ["Summer"],
            2026,
        ),
        ("Community Manager\nAcme\n\nWe host online events each month this winter.", [], None),
        ("Support Intern\nAcme\n\nDuration: 6 months (January - June 2026)", [], 2026),
        ("Support Intern\nAcme\n\nGraduating between May - June 2027 is required.", [], None),
        (
            "Software Engineer Intern\nAcme\n\nThis internship takes place during the summer of 2026.",
            ["Summer"],
            2026,
        ),
        (
            "Software Engineer Intern\nAcme\n\nWe are hiring interns for Summer '26.",
            ["Summer"],
            2026,
        ),
        ("Software Engineer Intern\nAcme\n\nGraduating in the spring of 2027.", [], None),
        # A comma after the year still names it.
        ("ML Intern\nAcme\n\nDetails\nSummer 2026, 12 weeks, in Boston.", ["Summer"], 2026),
        # The company's history is not the job's season.
        (
            "Software Engineer II\nAcme\n\nPerks\n* Focus Weeks: In Spring 2023, we held our "
            "first Focus Week and canceled all meetings.",
            [],
            None,
        ),
    ],
)
def test_seasons_and_year(text, seasons, year):
    p = parse_posting(text)
    assert p.seasons == seasons
    assert p.year == year


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2024-7224_QA Engineer II (Data-Actuarial)", None),
        ("Data Analyst Intern 2025-00417", None),
        ("Teaching Assistant Intern 2025-2026", 2025),
        ("Research Intern (2026-27)", 2026),
    ],
)
def test_a_requisition_number_in_the_title_is_no_year(title, year):
    assert parse_posting(f"{title}\nAcme\n\nAbout the role\nWe build tools.").year == year


def test_a_graduate_role_starting_in_a_year_is_that_years():
    p = parse_posting(
        "Graduate Software Engineer\nAcme\n\nAbout the role\nJoin as a graduate engineer "
        "starting February 2027.\n\nWhat you'll bring\nA degree completed by December 2026."
    )
    assert p.year == 2027


def test_graduation_years_are_not_the_internship_year():
    p = parse_posting(
        "Data Intern\nAcme\n\nQualifications\nExpected graduation December 2027; Class of 2028 welcome."
    )
    assert p.year is None


@pytest.mark.parametrize(
    ("text", "seasons"),
    [
        ("Software Engineer Intern\nAcme\n\nOpen to Fall 2026 graduates and current students.", []),
        (
            "Software Engineer Intern\nAcme\n\nThis internship is for Summer 2026. Open to Fall 2026 grads.",
            ["Summer"],
        ),
    ],
)
def test_a_graduation_term_is_no_season(text, seasons):
    assert parse_posting(text).seasons == seasons


@pytest.mark.parametrize(
    ("text", "seasons"),
    [
        # The employer's list of its other openings names their seasons, not this job's.
        (
            "Backend Engineer, New Grad (2026)\nAcme Pay\n\nAbout the role\nBuild our ledger.\n\n"
            "More roles at Acme Pay\n- Data Science Intern, Fall 2026 - Remote\n",
            [],
        ),
        (
            "Backend Engineer, New Grad\nAcme Pay\n\nAbout the role\nBuild our ledger.\n\n"
            "Other positions at Acme Pay\n- Backend Intern, Summer 2026 - Chicago, IL\n",
            [],
        ),
        (
            "Backend Intern\nAcme Pay\n\nAbout the role\nJoin our Winter 2027 internship cohort.\n\n"
            "More roles at Acme Pay\n- Data Science Intern, Summer 2026\n",
            ["Winter"],
        ),
    ],
)
def test_seasons_of_the_employers_other_roles(text, seasons):
    assert parse_posting(text).seasons == seasons


# --- degree levels ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Qualifications\nCurrently pursuing an Undergraduate/Graduate degree in CS.",
            ["BS", "MS"],
        ),
        (
            "Qualifications\nUndergraduate or Postgraduate with background in software.",
            ["BS", "MS"],
        ),
        ("Qualifications\nBachelor's degree or above in computer science.", ["BS"]),
        (
            "Software Engineer Intern (BS/MS)\nAcme\n\nQualifications\nPhD students are welcome too.",
            ["BS", "MS", "PhD"],
        ),
        ("Qualifications\nPursuing a B.S. or M.S. in Electrical Engineering.", ["BS", "MS"]),
        ("Qualifications\nJunior or senior standing preferred.", ["BS"]),
        ("Qualifications\nProficient in MS Office and MS Excel.", []),
        ("Qualifications\nYou know the ins and outs of MS-SQL and MS SQL Server.", []),
        # A pair of class years is a bachelor's student; a pair of seniorities is not.
        ("Requirements\n- Junior or senior pursuing a degree in Statistics", ["BS"]),
        ("Requirements\nJuniors and seniors majoring in Computer Science", ["BS"]),
        ("About us\nWe hire junior or senior engineers alike.", []),
        # Scrum masters, master electricians and master data are no degree; nor is Mississippi.
        (
            "Qualifications\nWork with Product Owners and Scrum Masters; Scrum Master certification.",
            [],
        ),
        ("Qualifications\nMaster Electrician license required; create master plans.", []),
        ("Qualifications\nStand up master data sets in Python.", []),
        ("We hire in Pittsburgh PA, and Gulfport, MS.\n\nLocation: Jackson, MS 39201", []),
        ("Qualifications\nA degree in Computer Science, MS preferred.", ["MS"]),
        ("Qualifications\nMaster's Data Science degree or similar.", ["MS"]),
        ("Qualifications\nProficient in Windows, Lotus/Excel and MS-Office software.", []),
        ("Qualifications\nMS in Computer Science; MS-SQL a plus.", ["MS"]),
        ("Qualifications\nPursuing a B.Tech / B.E. in Computer Science.", ["BS"]),
        ("Education\nBE/B.Tech or M.Tech in Mechanical Engineering.", ["BS", "MS"]),
        ("Qualifications\nBased in Austin; senior engineers mentor you; see our posting.", []),
        ("Qualifications\nCurrently pursuing a degree; recent graduates welcome.", []),
        ("Benefits\nTuition reimbursement for a Master's degree.", []),
        ("Qualifications\nBSEE with 3+ years of experience; MSEE desired.", ["BS", "MS"]),
        ("Qualifications\nBSCS required.", ["BS"]),
        # "MSE" is as often a mean squared error as a degree.
        ("Qualifications\nYou have minimised MSE and MAE on real forecasts.", []),
        # A graduate degree's program, but not the employer's own scheme for new graduates.
        ("Qualifications\nEnrolled in a graduate program in Statistics.", ["MS"]),
        (
            "About the role\nJoin our 2026 Graduate Program.\n\nAbout you\nA Bachelor's degree.",
            ["BS"],
        ),
        ("About the role\nThe Graduate Programme 2026 opens in February.", []),
    ],
)
def test_degree_levels(text, want):
    assert parse_posting(text).degree_levels == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A page stripped of its markup glues a heading to its body's first word.
        (
            "Analyst\nAcme\n\nQualificationsBachelor's degree in Economics or Finance3+ years "
            "of experience",
            ["BS"],
        ),
        (
            "Chemist\nAcme\n\nPosition RequirementsPh.D. in Chemistry with 0-3 years of experience",
            ["PhD"],
        ),
        ("Analyst\nAcme\n\nAbout AcmeMaster's programs in Finance are our core business.", []),
        ("Analyst\nAcme\n\nQualificationsBasic Excel skills", []),
        # A class year and those after it, when students are named.
        ("New internship drop\n🎓 juniors+ and masters students\n💻 C++ or Python", ["BS", "MS"]),
        ("Internship\nOpen to juniors and above pursuing a degree in Physics.", ["BS"]),
        ("Software Engineer\nAcme\n\nWe hire juniors and above; mentoring included.", []),
        # A board's summary paraphrases the employer's posting copied under it.
        (
            "Data Intern\nAcme\nBachelor's or Master's in related field\n89% GOOD MATCH\n\n"
            "Original Job Post\nData Intern\nWhat we look for:\n- Pursuing an MS or PhD in "
            "Statistics",
            ["MS", "PhD"],
        ),
        (
            "Data Intern\nAcme\n\nRequirements\nPursuing a Bachelor's degree\n\n"
            "Original posting (from company site)\nJoin our Data team for the summer.",
            ["BS"],
        ),
        (
            "Data Intern\nAcme\n\nRequirements\nPursuing a Bachelor's degree\n\n"
            "Original Posting Date: 4/17/2024\nA Master's degree is a plus.",
            ["BS", "MS"],
        ),
    ],
)
def test_degrees_after_glued_headings_class_years_and_copied_postings(text, want):
    assert parse_posting(text).degree_levels == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Named bachelor's and master's degrees by their initials.
        ("Requirements\n- Working toward a BASc in Mechatronics", ["BS"]),
        ("Requirements\n- Enrolled in a BFA program in Illustration", ["BS"]),
        ("Requirements\n- Currently in a BA programme in Economics", ["BS"]),
        ("Qualifications\nBBA or BCom students in Finance and Accounting.", ["BS"]),
        ("Qualifications\nActive RN license (BSN preferred).", ["BS"]),
        ("Qualifications\nMASc or PhD candidates in Robotics.", ["MS", "PhD"]),
        # An honours degree is a bachelor's (Ireland's "Level 8", the UK's "2:1 honours").
        ("Requirements\n- A 2:1 honours degree (Level 8) in Computer Science", ["BS"]),
        ("Requirements\n- An honors degree in Mathematics, or a Master's", ["BS", "MS"]),
        # Same letters, other things: multi-factor auth, miles an hour.
        ("Qualifications\nSet up MFA and SSO for every user.", []),
        ("Qualifications\nComfortable driving at 65 MPH on rural routes.", []),
        # "What we look for" heads the requirements, even after a company blurb.
        (
            "About us\nWe trade options across 40 venues.\n\n"
            "What we look for\n- BS, MS or PhD students in physics",
            ["BS", "MS", "PhD"],
        ),
    ],
)
def test_degree_initials_and_requirement_headings(text, want):
    assert parse_posting(text).degree_levels == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A master of fine arts beside another degree, or named as a degree.
        ("Requirements\n- Studying toward a BFA/MFA in Graphic Design", ["BS", "MS"]),
        ("Who we want\n- Enrolled in a BDes, BA, MFA or MDes course of study.", ["BS", "MS"]),
        ("Who we want\n- Current MFA students in Animation or Illustration.", ["MS"]),
        ("Requirements\n- MFA or BFA in Industrial Design", ["BS", "MS"]),
        # Multi-factor auth, even in a list of acronyms.
        ("Requirements\n- Hands-on with SAML, OIDC, MFA and SCIM.", []),
        ("Requirements\n- Enforce MFA, MDM and disk encryption on laptops.", []),
        ("Requirements\n- Configure SSO/MFA in Okta; a BS in IT is a plus.", ["BS"]),
    ],
)
def test_an_mfa_is_a_degree_only_beside_one(text, want):
    assert parse_posting(text).degree_levels == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # An FAQ's eligibility question heads the requirements, not a company blurb.
        (
            "Frequently asked questions\nWhat is Orbit?\nOrbit is our program for new engineers.\n"
            "When does it begin?\nEvery September.\n"
            "Who is eligible to apply?\nStudents finishing a bachelor's or master's degree.\n",
            ["BS", "MS"],
        ),
        # A degree sent to another posting is not asked for here.
        (
            "Qualifications\n- A bachelor's degree in Computer Science.\n"
            "- PhD students should apply to our Applied Scientist internship instead.",
            ["BS"],
        ),
        ("Qualifications\n- A master's or PhD in Statistics; apply via our portal.", ["MS", "PhD"]),
    ],
)
def test_eligibility_questions_and_degrees_sent_elsewhere(text, want):
    assert parse_posting(text).degree_levels == want


# --- duration -----------------------------------------------------------------------------------


def test_duration_in_a_boards_meta_line():
    text = "Backend Intern\nKestrel GmbH\nBerlin, Germany · Full-time internship · 6 months\n"
    assert parse_posting(text).duration_weeks == 26


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Program\nThe internship program is for at least 12 weeks during Summer 2025.", 12),
        ("Program\nThis is a 12-week program.", 12),
        ("Program\nInterns must commit to a maximum of 12 weeks.", 12),
        ("Program\nThe internship lasts 12 to 13 weeks.", 12),
        ("Program\nA 10-12 week internship.", 10),
        ("Program\nMust be able to commit to at least 3 months long internship period.", 13),
        ("Program\nThis co-op term runs 4 months.", 17),
        ("Program\nOur internships are twelve (12) to sixteen (16) weeks long.", 12),
        (
            "Program\nA 12-week program.\nApplication\nMust commit to at least a 3-month internship period.",
            12,
        ),
        ("Benefits\nPaid sick time (56 hours if hired in the first half of the year).", None),
        ("Benefits\nThree weeks paid vacation and 16 weeks parental leave.", None),
        ("Qualifications\n6 months of experience with Excel.", None),
        ("Qualifications\nAt least 6 months relevant internship experience.", None),
        ("Qualifications\nInternship experience of 3 months or more.", None),
        (
            "Acme is hiring a Design Intern to join our Patient Experience team for 10 weeks this summer.",
            10,
        ),
        ("Program\nThe internship runs May 12 - August 8, 2025.", None),
        ("Program\nYou will get feedback every 2 weeks during the 10-week program.", 10),
        ("Program\nRecharge: after 3 years, disconnect for 3 weeks.", None),
        # Years count only as a length label's value or naming the job's term.
        ("Details\nDuration: 1 year", 52),
        ("Role\nThis is a one-year placement starting September 2026.", 52),
        ("Role\nThis is a 2-year fixed-term contract.", 104),
        ("Qualifications\nThis role requires 2 years in a similar position.", None),
        ("About\nWe have run this program for 2 years.", None),
        ("Qualifications\nA 2-year degree program is required.", None),
        ("Program\nInterns must be available for a minimum of 10 consecutive weeks.", 10),
        ("Program\nThe co-op is 16 full weeks of paid work.", 16),
        # A hybrid rota splits the weeks; it is no length.
        (
            "Location - Abilene TX, hybrid scheduling (1 week in office 2 weeks WFH) based on "
            "performance and 12 months of tenure in role.",
            None,
        ),
        ("Contract: 12 month contract ~ Hybrid schedule: 1 week on-site, 1 week remote", 52),
        ("Who may apply\nStudents who can commit at least 6 months tenure.", 26),
    ],
)
def test_duration_weeks(text, want):
    assert parse_posting(text).duration_weeks == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The title's length counts even where a careers menu left the title in a blurb.
        (
            "Acme Energy\nJobs\nDepartments\nLife at Acme Energy\nPeople\n\n"
            "Grid Analytics Intern (6 months)\nAnalytics · Utrecht · Hybrid\n\n"
            "Acme Energy runs a virtual power plant of 40,000 home batteries.\n",
            26,
        ),
        # A blurb's length that names the internship itself is the job's.
        (
            "About us\nAcme is a market maker. Our 12-week summer internship puts you on a desk.",
            12,
        ),
        ("About us\nAcme was founded 5 years ago and works in 2-week sprints.", None),
        ("About us\nEvery new hire joins a 10-week bootcamp with our trainers.", None),
    ],
)
def test_duration_in_the_title_or_naming_the_internship(text, want):
    assert parse_posting(text).duration_weeks == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "within" before a length is a deadline; after it, it says where the job is.
        ("Role\nJoin us for an 8-12 week paid internship within the Risk team.", 8),
        ("Role\nA 12-week co-op within our Payments group.", 12),
        ("Role\nWe reply within 2 weeks of your application to this internship.", None),
        # An induction or orientation is a part of the program, not its length.
        (
            "Program\nA 24-month graduate program. It opens with a one-week induction for all "
            "graduates.",
            104,
        ),
        ("Program\nNew interns attend a 2-week orientation before the internship.", None),
        # A length said of the co-op itself is its length, whatever word follows; a rotation
        # alone is one part of a rotational program.
        ("Program\nThis is a six-month co-op rotation starting in July.", 26),
        ("Program\nGraduates complete three 8-month rotations across the bank.", None),
        # A length with its start date names the job's own period.
        ("Requirements\n- Able to work in Austin for 11 weeks beginning June 2, 2026", 11),
        ("Requirements\n- Available for 6 months starting in September", 26),
        ("Requirements\n- Mentoring for 6 months starting as soon as possible", None),
        # ... and being available for it is the time the job asks for.
        ("Requirements\n- Available for 6 months starting as soon as possible", 26),
        # A chat's line opens with an emoji where a board's has a bullet.
        ("New role posted\n📅 12 weeks, from mid June\n📍 Boston", 12),
        ("New role posted\n📅 12 weeks ago we shipped v2", None),
    ],
)
def test_duration_around_the_length(text, want):
    assert parse_posting(text).duration_weeks == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A suspended hyphen: the first number is the range's or the choice's lower bound.
        ("Program\nThis is a 12- to 16-week internship starting in June.", 12),
        ("Program\nWe offer 4- or 8-month co-op terms.", 17),
        ("Program\nThe placement can be a 6- or 12-month term.", 26),
        ("Program\nChoose a 10- and 12-week internship track.", 10),
        # A hyphenated number that ends a phrase is no range's start.
        ("Program\nInterns in cohort 2- join a 12-week internship.", 12),
    ],
)
def test_duration_after_a_suspended_hyphen(text, want):
    assert parse_posting(text).duration_weeks == want


# --- dates --------------------------------------------------------------------------------------


def test_start_dates_list_under_a_heading_with_year():
    text = "Summer Start Dates:\n- May 11th, 2026\n- May 18th, 2026\n- June 8th, 2026\n"
    assert parse_posting(text).start_dates == [D(2026, 5, 11), D(2026, 5, 18), D(2026, 6, 8)]


def test_a_closed_holiday_note_does_not_hide_the_next_start_date():
    text = "Data Intern - Summer 2026\nAcme\n\nStart dates: May 26 (after Memorial Day May 25), June 8\n"
    assert parse_posting(text).start_dates == [D(2026, 5, 26), D(2026, 6, 8)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A start label among the perks is the job's own start date.
        (
            "Working Student Analytics\nAcme GmbH\n\nWhat we offer\n- Earliest start: 15 April 2026\n"
            "- Flexible hours and a Deutschlandticket\n",
            [D(2026, 4, 15)],
        ),
        (
            "Data Intern\nAcme GmbH\n\nWhat we offer\n• Internship start: 1\u00a0October\u00a02026 "
            "(or later)\n• 1,900 EUR per month\n",
            [D(2026, 10, 1)],
        ),
        # Other dates among the perks, and start labels outside them, are not.
        (
            "Data Intern\nAcme GmbH\n\nWhat we offer\n- Holiday start: December 20, 2025\n"
            "- A bonus paid on March 1, 2026\n",
            [],
        ),
        ("Data Intern\nAcme GmbH\n\nAbout us\nCompany start: 1 March 2015\n", []),
    ],
)
def test_start_date_labelled_among_the_perks(text, want):
    assert parse_posting(text).start_dates == want


def test_start_date_without_year_takes_the_posting_year():
    text = "Engineering Intern - 2025 Summer\nAcme\n\nProgram\nThe program starts Monday, May 12 (Memorial Day May 26 is a holiday)."
    assert parse_posting(text).start_dates == [D(2025, 5, 12)]


@pytest.mark.parametrize(
    ("text", "as_of", "want"),
    [
        # Posted in November: the coming May and June.
        (
            "Operations Intern\nNorthwind\nPosted: November 20, 2025\n\nStart dates: May 19, June 2\n",
            None,
            [D(2026, 5, 19), D(2026, 6, 2)],
        ),
        (
            "Operations Intern\nNorthwind\nPosted 2 weeks ago\n\nStart dates: May 19, June 2\n",
            D(2026, 2, 1),
            [D(2026, 5, 19), D(2026, 6, 2)],
        ),
        # A year written beside the dates still wins.
        (
            "Operations Intern\nNorthwind\nPosted: November 20, 2025\n\n"
            "Start dates (2027 cohort): May 19, June 2\n",
            None,
            [D(2027, 5, 19), D(2027, 6, 2)],
        ),
        # Nothing to read a year from: no date at all rather than a guessed one.
        ("Operations Intern\nNorthwind\n\nStart dates: May 19, June 2\n", None, []),
    ],
)
def test_a_start_date_without_a_year_is_the_next_one_after_the_posting(text, as_of, want):
    assert parse_posting(text, as_of=as_of).start_dates == want


def test_a_window_to_start_in_holds_no_start_date():
    text = "Who can apply\n1. can start the internship between 6th Nov'25 and 11th Dec'25\n"
    assert parse_posting(text).start_dates == []


def test_a_short_year_after_an_apostrophe_is_read():
    text = "Program\nThe internship starts on 5th Jan'26 and runs 12 weeks."
    assert parse_posting(text).start_dates == [D(2026, 1, 5)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Program\nThe internship runs from May 12 through August 8, 2026.", [D(2026, 5, 12)]),
        ("Work term: January 4, 2027 to April 30, 2027 (4 months)", [D(2027, 1, 4)]),
        ("Join us for the Summer 2026 program (June 1 – August 14).", [D(2026, 6, 1)]),
        ("Applications are open from October 1 to November 15, 2026.", []),
        ("Our info session runs from 9 March to 13 March 2026.", []),
        ("Requirements:\n* Available May 18, 2026 through August 7, 2026", [D(2026, 5, 18)]),
        (
            "SCHEDULE: Monday - Friday, 40 hours per week, May 26, 2026 to August 7, 2026.",
            [D(2026, 5, 26)],
        ),
    ],
)
def test_the_date_opening_the_jobs_own_date_range_is_its_start(text, want):
    assert parse_posting(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The US federal service says "entry on duty" for the first day.
        ("Conditions\n- Projected entry on duty: Tuesday, September 8, 2026", [D(2026, 9, 8)]),
        ("Details\nEOD date: 09/08/2026 (tentative)", [D(2026, 9, 8)]),
        # A weekday in parentheses after the first date still makes a range.
        ("Cohort 1: July 6, 2026 (Mon) - August 14, 2026 (Fri)", [D(2026, 7, 6)]),
        ("Work term: 2 March 2026 (Monday) to 29 May 2026 (Friday)", [D(2026, 3, 2)]),
        # A range alone on its line takes its label from the lines above.
        (
            "Analytics Co-op\nAcme\n\nPaid\nCo-op\nFull-time\nSep 8, 2026 - Dec 18, 2026\n",
            [D(2026, 9, 8)],
        ),
        ("Internship dates\nJune 1, 2026 - August 14, 2026\n", [D(2026, 6, 1)]),
        ("Opening and closing dates\n03/02/2026 to 03/16/2026\n", []),
        ("Career fair\nOct 1, 2026 - Oct 3, 2026\n", []),
        # A blank line parts the range from what stands above it.
        ("Analytics Intern\nAcme\n\nInternship\n\nOct 1, 2026 - Oct 3, 2026\n", []),
    ],
)
def test_start_dates_in_board_and_federal_layouts(text, want):
    assert parse_posting(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Ranges per office under a heading that names them: each range's start counts.
        (
            "Internship dates:\nBoston and Denver: June 8 - August 14, 2026\n"
            "Toronto: June 15 - August 21, 2026\n",
            [D(2026, 6, 8), D(2026, 6, 15)],
        ),
        (
            "Program dates\n* Berlin office: 1 June 2026 - 7 August 2026\n",
            [D(2026, 6, 1)],
        ),
        # Labelled by what is no job period, above or on the line.
        ("Recruiting events:\nBoston: Sept 8 - Sept 10, 2025\n", []),
        ("Internship dates:\nInterviews: Oct 5 - Oct 9, 2025\n", []),
        # A long line is a sentence, not a label.
        (
            "Internship dates\nWe will host a hackathon for all applicants in our Boston office:"
            " Oct 5 - Oct 9, 2025\n",
            [],
        ),
    ],
)
def test_ranges_labelled_on_their_line_under_a_heading(text, want):
    assert parse_posting(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A list whose line breaks were lost with the page's markup.
        (
            "Start Dates:March 2nd, 2026April 6th, 2026May 4th, 2026Requirements",
            [D(2026, 3, 2), D(2026, 4, 6), D(2026, 5, 4)],
        ),
        ("Start dates: 11 May 2026June 8, 2026", [D(2026, 5, 11), D(2026, 6, 8)]),
        # India's word for the start: the joining date.
        ("Details\nJoining Date: 6 July 2026\nStipend: Rs 40,000 per month", [D(2026, 7, 6)]),
        ("Details\nDate of joining - 3rd August 2026", [D(2026, 8, 3)]),
        ("Details\nJoin us on October 2, 2025 for a campus info session.", []),
        # A page that writes a date day first ("30/11/2025") writes its start date so too.
        (
            "Details\nLast date to apply: 30/11/2025\nStart date: 05/01/2026\n",
            [D(2026, 1, 5)],
        ),
        ("Details\nApply by: 11/30/2025\nStart date: 05/01/2026\n", [D(2026, 5, 1)]),
        ("Details\nStart date: 05/01/2026\n", [D(2026, 5, 1)]),
    ],
)
def test_run_together_lists_joining_dates_and_day_first_pages(text, want):
    assert parse_posting(text).start_dates == want


@pytest.mark.parametrize(
    "text",
    [
        "Application\nApply by March 1, 2026; offers go out April 2, 2026.",
        "Program\nThe internship runs from May 12 through August 8, 2026.",
        "Qualifications\nGraduating by December 15, 2026.",
    ],
)
def test_dates_that_are_not_start_dates(text):
    p = parse_posting(text)
    assert D(2026, 3, 1) not in p.start_dates
    assert D(2026, 8, 8) not in p.start_dates
    assert D(2026, 12, 15) not in p.start_dates


@pytest.mark.parametrize(
    ("text", "as_of", "want"),
    [
        (
            "Tuesday, October 28, 2025\nAcme\n\nData Intern\n\nPosted: 2 days ago\n",
            None,
            D(2025, 10, 26),
        ),
        ("Data Intern\nAcme\n\nPosted 3 weeks ago\n", D(2025, 11, 21), D(2025, 10, 31)),
        ("Data Intern\nAcme\n\nPosted 3 weeks ago\n", None, None),
        ("Data Intern\nAcme\n1 week ago · Over 100 applicants\n", D(2025, 11, 21), D(2025, 11, 14)),
        ("Data Intern\nAcme\n\nDate posted: Oct 14, 2025\n", None, D(2025, 10, 14)),
        ("Data Intern\nAcme\n\nPosted: yesterday\n", D(2025, 11, 21), D(2025, 11, 20)),
        ("Data Intern\nAcme\n\nApplication deadline: Dec 1, 2025\n", D(2025, 11, 21), None),
        ("2025-10-28\nData Intern\nAcme\n\nPosted 1 day ago\n", None, D(2025, 10, 27)),
        ("10/28/2025\nData Intern\nAcme\n\nPosted 1 week ago\n", None, D(2025, 10, 21)),
        # Boards' short forms.
        ("Data Intern\nAcme\nJust posted\n", D(2025, 11, 21), D(2025, 11, 21)),
        ("Data Intern\nAcme\n\nPosted: 5d ago\n", D(2025, 11, 21), D(2025, 11, 16)),
        ("Data Intern\nAcme\n2w ago · 40 applicants\n", D(2025, 11, 21), D(2025, 11, 7)),
        ("Data Intern\nAcme\n\nPosted 1mo ago\n", D(2025, 11, 21), D(2025, 10, 21)),
        ("Data Intern\nAcme\n\nPosted 30d+ ago\n", D(2025, 11, 21), None),
        # Taleo's "Job Posting:" label, with a time after the date; in a sentence it is no label.
        ("Data Intern\nAcme\n\nJob Posting: Oct 21, 2025, 9:00:00 AM\n", None, D(2025, 10, 21)),
        ("Data Intern\nAcme\n\nThis job posting closes on Dec 1, 2025.\n", None, None),
        # The day the posting opened is its posted date; the close date is a deadline.
        ("Data Intern\nAcme\n\nPosting Open Date: Feb 3, 2026\n", None, D(2026, 2, 3)),
        (
            "Data Intern\nAcme\n\nOpen & closing dates\n01/05/2026 to 01/20/2026\n",
            None,
            D(2026, 1, 5),
        ),
        (
            "Data Intern\nAcme\n\nOpening and closing dates: 01/05/2026 - 01/20/2026\n",
            None,
            D(2026, 1, 5),
        ),
        ("Data Intern\nAcme\n\nVacancy open date: 2026-01-05\n", None, D(2026, 1, 5)),
        ("Data Intern\nAcme\n\nClosing date: 01/20/2026\n", None, None),
        ("Data Intern\nAcme\n\nThe lab is open; date of closing is 01/20/2026.\n", None, None),
        # A markdown status line's "Opened:" label; "opened" in a sentence is no label.
        (
            "ML Intern\n> **Status:** Open · **Opened:** 2025-10-02 · **Updated:** 2025-10-30\n",
            None,
            D(2025, 10, 2),
        ),
        ("ML Intern\nAcme\n\nOur Austin office opened on 2025-10-02.\n", None, None),
        # Year first, as Japanese, Chinese and Korean pages write it.
        ("Data Engineer\nAcme KK\n\nPosted: 2025/11/20\n", None, D(2025, 11, 20)),
        ("Data Engineer\nAcme KK\n\nPublished: 2025.11.20\n", None, D(2025, 11, 20)),
    ],
)
def test_posted_date(text, as_of, want):
    assert parse_posting(text, as_of=as_of).posted_date == want


def test_page_date_from_the_source_wins_over_as_of():
    text = "Data Intern\nAcme\n\nPosted 2 days ago\n"
    p = parse_posting(text, as_of=D(2030, 1, 1), page_date=D(2025, 6, 10))
    assert p.posted_date == D(2025, 6, 8)


# --- team ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Role\nYou will join our Applied Research group for the summer.", "Applied Research"),
        ("Role\nAs part of our Data Platform team you will build ETL jobs.", "Data Platform"),
        ("Role\nJoin Our Client's Team as a Data Engineer!", None),
        ("Role\nApply to join our Digital Account Executive team today.", None),
        ("About The TeamOur Mobile team ships the Android app every two weeks.", "Mobile"),
        ("Role\nVantage's Embedded Platforms group is hiring an intern.", "Embedded Platforms"),
        (
            "SDE Intern - Payments Risk (Summer 2026, Seattle)\nAmazon\n\nBuild things.",
            "Payments Risk",
        ),
        ("Intern, Software Engineering - Fall 2026 / Winter 2027 Co-op\nAcme\n\nWe build.", None),
    ],
)
def test_team_joined_by_name(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Backend Engineer Intern (Social) 2026 Start\nTikTok\n\nWe are the messaging team on TikTok.",
            "Social",
        ),
        (
            "Backend Engineer Intern - TikTok User and Relation - 2025 Summer\nTikTok\n",
            "User and Relation",
        ),
        (
            "Software Engineering Intern, Ads Creative & Ecosystem (Summer/Fall 2026)\nTikTok\n",
            "Ads Creative & Ecosystem",
        ),
        (
            "Senior Backend Engineer (Go)\nOrbit\n\nThe role\nYou'll join the Ledger team to run our books.",
            "Ledger",
        ),
        (
            "Job Specifications\nResponsibilities\nThe Acme Customer Service Platform (CSP) is responsible for support.",
            "Customer Service Platform",
        ),
        (
            "Data Engineer\nAcme\n\nAbout the Team: Acme Risk Analytics\nWe model risk.",
            "Risk Analytics",
        ),
        ("Data Engineer\nAcme\n\nTeam: Growth\n", "Growth"),
        ("Software Dev Engineer Intern (Summer 2026 - US)\nAmazon\n", None),
        ("Software Engineering Intern, BS, Summer 2026\nGoogle\n", None),
        (
            "Data Engineer\nAcme\n\nYou will partner with teams such as Search, Ads, Maps and Cloud.",
            None,
        ),
        ("Software Engineer - India\nAcme\n", None),
        ("Backend Engineer (Remote, Sweden)\nAcme\n", None),
        ("Backend Engineer (m/f/d)\nAcme\n", None),
        ("Développeur(se) Full Stack\nAcme\n", None),
        ("Sales Development Representative (SDR)\nAcme\n", None),
        ("Data Engineer Intern - Toronto\nAcme\n\nLocation: Toronto\n", None),
        ("Senior Software Engineer (C++ Angular)\nAcme\n", None),
        ("Cloud Architect (W2 Only)\nAcme\n", None),
        ("Staff Accountant (Contract to hire)\nAcme\n", None),
        ("Backend Developer (Active Pooling)\nAcme\n", None),
        ("Lead Software Engineer (Fixed Project Contractor)\nAcme\n", None),
        ("Full Stack Engineer (Heavy backend focus)\nAcme\n", None),
        ("Android Developer Intern (Unpaid)\nAcme\n", None),
        ("Analytics Engineer (H-F)\nAcme\n", None),
        ("QA Engineer (Affirmative for Women)\nAcme\n", None),
        ("Data Engineer (Team)\nAcme\n", None),
        # The word "team" after a team's name in a title is not part of the name.
        ("Software Engineer, Learn Team\nAcme\n", "Learn"),
        ("Java Engineer (Mission Control team)\nAcme\n", "Mission Control"),
        ("Security Engineer, Red Team\nAcme\n", "Red Team"),
        ("Senior Rails Engineer - Remote within the U.S. and Canada\nAcme\n", None),
        (
            "Solutions Engineer\nNorthwind\n\nJoin the Northwind team.\nNorthwind is an equal opportunity employer.",
            None,
        ),
        # A line that is only "The X team" heads the team's section.
        (
            "Senior Data Engineer\nTallyfox\nRemote\n\nTallyfox does bookkeeping.\n\n"
            "The Data Platform team\nWe own the warehouse.\n",
            "Data Platform",
        ),
        ("Staff Engineer\nAcme\n\n**About The Role & Team**\nWe are looking for you.", None),
        ("Sales Agent\nThe Moorhead Team\n\nThe Moorhead Team sells homes in Fargo.", None),
        (
            "Data Analytics Intern\nNorthwind Mobility\n\nDescription\nOur Data & Insights team "
            "turns ticketing data into decisions.",
            "Data & Insights",
        ),
        # A shift in the title's parentheses is no team; the department label is.
        (
            "Patient Transport Aide - Part Time (Evenings)\nSt. Aldric Medical Center\n"
            "Department: Patient Transport\n",
            "Patient Transport",
        ),
        ("Maintenance Technician (Night Shift)\nAcme Foods\n", None),
        # A start month after the title's dash is no team.
        ("Placement Student - September 2026\nArkwright Ltd\n", None),
        ("Research Intern - Jan-Apr 2026\nAcme\n", None),
        # What the job uses, in the title's brackets, is no team.
        ("Middle C# Engineer (with Visual Basic)\nMiratech\n", None),
        ("Field Engineer (PLUS UP TO 50% TRAVEL)\nAcme\n", None),
        # "Our ML team trains ...", "The Forecasting & Insights team analyzes ...".
        ("ML Intern\nLattice Bio\n\nOur ML team trains large models on assay data.", "ML"),
        (
            "Capacity Engineer\nAcme\n\nThe Forecasting & Insights team analyzes demand data.",
            "Forecasting & Insights",
        ),
        # A team that merely uses what we build is not ours.
        ("Engineer\nAcme\n\nWe build internal tools that our Go To Market team uses.", None),
        # The company between the role and the place is no team.
        (
            "Data Analyst Intern - Bluefin Health - Nashville, TN\n\nBluefin Health helps hospitals.",
            None,
        ),
        # A team named after what it serves or does, beside a role ...
        ("Software Engineer, New Grad 2026 - Developer Experience\nAcme\n", "Developer Experience"),
        ("Senior Site Reliability Engineer, Data Engineering\nAcme\n", "Data Engineering"),
        ("Graduate Engineer – Payments Core (September 2026 Intake)\nAcme\n", "Payments Core"),
        # ... not a discipline or a second role.
        ("Director, Software Engineering\nAcme\n", None),
        ("Systems Administrator - Citrix Engineer I\nAcme\n", None),
    ],
)
def test_team(text, want):
    assert parse_posting(text).team == want


# --- locations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Intern\nPrimary Location: US-CA-San Jose\n", ["US-CA-San Jose"]),
        # Taleo writes country, state and city by name, and labels the rest "Other Locations".
        (
            "Intern\nPrimary Location: United States-North Carolina-Winston-Salem\n"
            "Other Locations: Canada-Ontario-Toronto\n",
            ["United States-North Carolina-Winston-Salem", "Canada-Ontario-Toronto"],
        ),
        (
            "iOS Intern\nPixelfarm\nLos Angeles, CA (Hybrid, 3 days in office)\n",
            ["Los Angeles, CA"],
        ),
        (
            "Applied Scientist Intern\nWayfinder\nSan Mateo, CA / New York, NY / Remote (US)\n",
            ["San Mateo, CA", "New York, NY", "US"],
        ),
        # A board's meta line under the title, marked with a globe or a pin.
        ("Data Engineer\nAcme\n💰 $120k 🌎 remote,Portugal\n\nWe build.", ["Portugal"]),
        ("Data Engineer\nAcme\n🌎 Remote,Kraków, Poland\n", ["Kraków, Poland"]),
        ("Data Engineer\nAcme\n🌍 remote,Norway - Oslo\n", ["Norway - Oslo"]),
        # The US however written is "US", as the conventions write a remote role's region.
        ("Data Engineer\nAcme\n📍 Remote (U.S.)\n", ["US"]),
        ("Data Engineer\nAcme\n🌎 Remote - Chile, Peru\n", ["Chile", "Peru"]),
        ("Data Engineer\nAcme\n🌎 Remote,New York, NY\n", ["New York, NY"]),
        (
            "Data Engineer\nAcme\n🌎 Remote / Denver / Salt Lake City\n",
            ["Denver", "Salt Lake City"],
        ),
        ("Data Engineer\nAcme\n🌎 Remote,Leeds, UK\n", ["Leeds, UK"]),
        ("Data Engineer\nAcme\n🌎 Germany - Remote / Home Office\n", ["Germany"]),
        # A bare region on a meta line under the title.
        ("Data Engineer\nAcme\nUnited States (Remote)\n\nWe build.", ["US"]),
        ("Data Engineer\nAcme\nRemote Poland\n\nWe build.", ["Poland"]),
        # A globe that dresses a heading marks no place.
        ("Data Engineer\nAcme\n\nDescription\n🌎 About Us\nWe build tools.", []),
        ("Position: Data Engineer Location: Tulsa, OK (Hybrid)\nWe build.", ["Tulsa, OK"]),
        ("Location: Fully remote. US or Canada.", ["US", "Canada"]),
        # A title part that is only a place, when nothing else says where.
        ("Software Engineer Intern | Summer 2026 | New York\nAcme\n\nWe trade.", ["New York"]),
        ("Site Reliability Engineer - Brazil\nAcme\n\nWe run servers.", ["Brazil"]),
        ("Data Intern (Summer 2026 - US)\nAcme\nSeattle, WA, USA\n", ["Seattle, WA, USA"]),
        # A title with a state after the comma is a job, not a town.
        ("Partner Development Associate, Florida\nAcme\n\nWe sell.", []),
        ("Engineer\nAcme\nLead, SD\n", ["Lead, SD"]),
        # A region the vocabulary does not list, between city and country.
        (
            "Data Intern\nNorthwind\nAmsterdam, North Holland, Netherlands\nHybrid\n",
            ["Amsterdam, North Holland, Netherlands"],
        ),
        ("Engineer\nAcme\nMunich, Bavaria, Germany\n", ["Munich, Bavaria, Germany"]),
        # A label glued to the state code ends the place.
        ("Engineer\nAcme\nLocation: Waterloo, ONWork Term: January 2026\n", ["Waterloo, ON"]),
        ("Interpreter\nAcme\nLocation: Fontana, CAWorking hours: 9am-6pm\n", ["Fontana, CA"]),
        # A label's list of three towns is three places; two may be a town and its county.
        (
            "Engineer\nAcme\nLocations: Austin, Denver, Toronto, Remote\n",
            ["Austin", "Denver", "Toronto"],
        ),
        ("Engineer\nAcme\nLocation: Filton, Bristol\n", ["Filton, Bristol"]),
        # A known city named alone: in the header, or as one of a label's list.
        ("Engineer\nAcme\nSan Francisco / Remote (US)\n\nWe build.", ["San Francisco", "US"]),
        ("Engineer\nAcme\nBerlin · Full-time · Hybrid\n\nWe build.", ["Berlin"]),
        (
            "Engineer\nAcme\nLocations: New York, London, Singapore\n",
            ["New York", "London", "Singapore"],
        ),
        # Below the header a bare city is a word in the text, not the job's place.
        ("Engineer\nAcme\n\nAbout us\nWe started in a garage.\nLondon\n", []),
    ],
)
def test_location_forms(text, want):
    assert parse_posting(text).locations == want


def test_a_company_label_line_does_not_hide_the_location_under_it():
    text = "Software Developer Co-op\nCompany: Maplewood Analytics Inc.\nLocation: Waterloo, ON, Canada\n"
    assert parse_posting(text).locations == ["Waterloo, ON, Canada"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Backend Intern\nAcme\n4.5\nSan Jose, CA\n\nResponsibilities\nBuild.", ["San Jose, CA"]),
        (
            "Engineer\nAcme\nMountain View, CA, USA; New York, NY, USA\n",
            ["Mountain View, CA, USA", "New York, NY, USA"],
        ),
        ("Engineer\nAcme\nMenlo Park, CA • Seattle, WA\n", ["Menlo Park, CA", "Seattle, WA"]),
        ("Engineer\nAcme\n\n**Location:** Remote - Canada\n", ["Canada"]),
        ("Engineer\nAcme\nFull-Time · Remote (US)\n", ["US"]),
        (
            "Engineer\nAcme\n\nThis role is based in Austin, TX with two days in the office.",
            ["Austin, TX"],
        ),
        ("Engineer\nAcme\n\nLocation: Remote\n", []),
        (
            "Engineer\nAcme\n\nAbout Acme\nOur HQ is in Los Angeles, CA with offices in Austin, TX and London.",
            [],
        ),
        (
            "Engineer\nAcme\n\nImportant Information for Los Angeles County (unincorporated) Candidates:\nFair chance applies.",
            [],
        ),
        ("Engineer\nAcme\n\nWe hire in AZ, CA, CO, GA, FL and NV.", []),
        ("Engineer\nAcme\n\nLocation: We hire in Alaska, Hawaii and Montana.", []),
        ("Engineer\nAcme\nRemote, Canada\n", ["Canada"]),
        ("Engineer\nAcme\n\nLocation: Toronto\n", ["Toronto"]),
        ("Engineer\nAcme\n\nLocations: London | Remote\n", ["London"]),
        ("Engineer\nAcme\n\nLocation: Multiple Locations\n", []),
        ("Engineer\nAcme\nNew York, NY\n", ["New York, NY"]),
        ("Engineer\nAcme\nPosition-Software DeveloperLocation- Duluth, GA\n", ["Duluth, GA"]),
        # Workday's newer coded line, and a city with its state's code and the country.
        (
            "Verification Intern\nUS, CA, Santa Clara\ntime type\nFull time\n",
            ["US, CA, Santa Clara"],
        ),
        # Workday's form with the state written out, its value under a "Primary Location:"
        # label, below a "Benefits" section: a label with a colon is no menu item.
        (
            "Validation Intern\nAcme\n\nBenefits\nPaid holidays.\n\nPrimary Location:\n"
            "US, Oregon, Hillsboro\nAdditional Locations:\nUS, New Mexico, Rio Rancho\n",
            ["US, Oregon, Hillsboro", "US, New Mexico, Rio Rancho"],
        ),
        ("Validation Intern\nAcme\nUS, Oregon, Hillsboro\n", ["US, Oregon, Hillsboro"]),
        # Not a state in the middle: no such coded place.
        ("Validation Intern\nAcme\n\nBenefits\nUS, Bright Futures, Hillsboro\n", []),
        (
            "Graduate Engineer\nCoral Reef Analytics\nBrisbane QLD, Australia · Hybrid\n",
            ["Brisbane QLD, Australia"],
        ),
        # A list of known cities with a remote option.
        (
            "SRE\nHarborline\nSeattle, San Francisco, New York, or Remote in the US\n",
            ["Seattle", "San Francisco", "New York", "US"],
        ),
        ("Growth Engineer\nCleo\n\nLondon or remote (UK)\n", ["London", "UK"]),
        ("Engineer\nAcme\nSeattle, speed, and quality matter here\n", []),
        # A "placed in" list of places split by semicolons, up to the sentence's stop.
        (
            "Program FAQ\nInterns will be placed in one of our offices: Austin, TX; Raleigh, NC; "
            "or Denver, CO. Our headquarters in Portland, OR hosts no interns.",
            ["Austin, TX", "Raleigh, NC", "Denver, CO"],
        ),
        # Where the job is, said in a sentence.
        (
            "Where is it?\nThe internship is in Denver, CO. Interns work from the office.",
            ["Denver, CO"],
        ),
        (
            "Lattice Bio is hiring a Machine Learning Intern in Boston, MA\n\nWe design proteins.",
            ["Boston, MA"],
        ),
        ("Acme is hiring a Data Engineer to join our team in many cities.", []),
        # A region in the title's brackets, when nothing else says where.
        ("Senior Backend Software Engineer (Brazil)\nParade\n\nWe build software.", ["Brazil"]),
        ("Solution Engineer (Remote, Minnesota)\nAcme\n\nWe sell software.", ["Minnesota"]),
        ("Healthcare Software Engineer (remote US only)\nAcme\n\nWe build.", ["US"]),
        ("Data Engineer (Brazil)\nAcme\nSão Paulo, Brazil\n", ["São Paulo, Brazil"]),
        ("Engineer (Go)\nAcme\n\nWe build.", []),
        # A perk at the head office says nothing of where the job is done.
        (
            "Engineer\nAcme\n\nWhat we do\nWe build fleet software.\n* On-site fitness center at "
            "the Home Office in Columbia, Missouri, complete with machines",
            [],
        ),
        (
            "Engineer\nAcme\n\nThis role is based at our Home Office in Columbia, Missouri.",
            ["Columbia, Missouri"],
        ),
        # A title or a label listing cities with their states lists them all ...
        (
            "Associate Sales Representative - Chicago, IL, Columbus, Ohio or Pittsburgh, PA\nAcme\n",
            ["Chicago, IL", "Columbus, Ohio", "Pittsburgh, PA"],
        ),
        (
            "Application Engineer\nAcme\n\nLocation: Flexible: Falconer, NY, Lansdale, PA or"
            " Plymouth, MI all will be considered",
            ["Falconer, NY", "Lansdale, PA", "Plymouth, MI"],
        ),
        # ... also when copying lost the line breaks between them.
        (
            "Therapist\nAcme\n\nLocationsWoodbury, MNEagan, MNCoon Rapids, MN\nSchedule & Pay",
            ["Woodbury, MN", "Eagan, MN", "Coon Rapids, MN"],
        ),
        # ... but regions listed in a label are no town in a country.
        (
            "Engineer\nAcme\n\nLocation: Europe, including the Balkans, Ireland, Italy, Portugal, etc.",
            [],
        ),
        # A sentence's list of offices is still no location (see the HQ case above).
        ("Engineer\nAcme\n\nWe have offices in Austin, Texas, Denver, Colorado and Boise.", []),
        # Particles inside a city's name; "Virtual" is no city.
        (
            "Case Manager\nAcme\n\nThis role is primarily located in Coeur d'Alene, ID, with travel.",
            ["Coeur d'Alene, ID"],
        ),
        ("Data Analyst\nAcme\n\nLocation: Rio de Janeiro, Brazil", ["Rio de Janeiro, Brazil"]),
        ("Treasury Analyst\nAcme\n\nLOCATION -- Virtual, Ohio 00000", []),
    ],
)
def test_locations(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Indian states and union territories are written by name after the city.
        ("Backend Intern\nAcme\n📍 Bengaluru, Karnataka\n", ["Bengaluru, Karnataka"]),
        (
            "Backend Intern\nAcme\nHyderabad, Telangana, India\n",
            ["Hyderabad, Telangana, India"],
        ),
        (
            "Backend Intern\nAcme\n\nThis role is based in Pune, Maharashtra. Apply today.",
            ["Pune, Maharashtra"],
        ),
        ("Backend Intern\nAcme\n\nLocation: New Delhi, Delhi\n", ["New Delhi, Delhi"]),
        # Australian states by abbreviation or name.
        ("Graduate Engineer\nAcme\n\nLocation: Sydney, NSW\n", ["Sydney, NSW"]),
        (
            "Graduate Engineer\nAcme\nMelbourne, Victoria, Australia\n",
            ["Melbourne, Victoria, Australia"],
        ),
        # A state's name that is also a city's stays a city before a country.
        ("Engineer\nAcme\n\nLocation: New York, USA\n", ["New York, USA"]),
        ("Engineer\nAcme\n\nLocation: Delhi, India\n", ["Delhi, India"]),
        ("Engineer\nAcme\n\nLocation: Victoria, BC\n", ["Victoria, BC"]),
        # ... but a list of states is still no city.
        ("Engineer\nAcme\n\nWe hire in Karnataka, Kerala and Goa.", []),
    ],
)
def test_locations_in_india_and_australia(text, want):
    assert parse_posting(text).locations == want


# --- languages and skills -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Qualifications\nProficient in at least one of Python, Java, Go, PHP.",
            {"Python", "Java", "Go", "PHP"},
        ),
        ("Qualifications\nExperience with C/C++ and embedded Linux.", {"C", "C++"}),
        ("Qualifications\nWe write Golang and TypeScript.", {"Go", "TypeScript"}),
        ("Qualifications\nStrong R and SQL skills for statistical modelling.", {"R"}),
        ("Qualifications\nCoding in C#, JS and Kotlin.", {"C#", "JavaScript", "Kotlin"}),
        (
            "Qualifications\nExpertise in multiple programming languages (preferably Ruby or Go).",
            {"Ruby", "Go"},
        ),
        ("Go to our careers site to apply. Report to the C-suite on R&D strategy.", set()),
        (
            "Be the go-to person for the team; we react quickly and express interest in swift responses.",
            set(),
        ),
        (
            "Drivers need a Class C license. Vitamin C supplements are provided. Grade R.N. preferred.",
            set(),
        ),
        ("Spring 2026 internship. Apply in the Spring or Fall.", set()),
        ("Qualifications\nFamiliarity with React/Vue and Node.js; Express/Koa a plus.", set()),
        # A letter-name beside real languages is still no language when "&" or "-x" follows it.
        (
            "Qualifications\nPython and Java, used with our R&D team and C-suite leaders.",
            {"Python", "Java"},
        ),
        (
            "Qualifications\nPython, Kotlin and our Go-To-Market tooling.",
            {"Python", "Kotlin"},
        ),
        # Lower-case languages count as items of a list of named ones.
        ("Qualifications\nScripting languages such as Python, go, Bash.", {"Python", "Go"}),
        ("Qualifications\nScripting in python, go or ruby.", {"Python", "Go", "Ruby"}),
        ("Qualifications\nWe use Python and go beyond the usual tooling.", {"Python"}),
        # Names that are also words, listed side by side in a requirements section.
        ("Requirements\n- Scala, Spark", {"Scala"}),
        ("Requirements\n- Experience in R or SAS", {"R"}),
        # "to" after a listed language is a purpose, not "go to".
        ("Qualifications\nExperience using Python or Go to build services.", {"Python", "Go"}),
        # Two names that are also words vouch for each other in a clause about software work.
        ("Responsibilities\n- Write Spark jobs in Scala to process meter readings", {"Scala"}),
        ("Requirements\n- Familiarity with Rust and/or Go", {"Rust", "Go"}),
        # ... not in one about trucks.
        ("Responsibilities\n- Drive in Rust Belt towns and deliver to Express depots", set()),
    ],
)
def test_languages(text, want):
    assert set(parse_posting(text).languages) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A letter-name after a ";" still has the language named before it in company.
        (
            "Requirements\n- Some scripting (Python or Perl); familiarity with C is a plus",
            {"Python", "Perl", "C"},
        ),
        ("Requirements\n- Solid Java skills; knowledge of R is helpful", {"Java", "R"}),
        # ... not past a full stop.
        (
            "Requirements\n- Embeddings in Python. Experience using Ada models for search",
            {"Python"},
        ),
    ],
)
def test_a_letter_language_beside_a_language_past_a_semicolon(text, want):
    assert set(parse_posting(text).languages) == want


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Requirements\n- Work across the stack, from React to Node.js.", "React"),
        ("Requirements\n- We run Kubernetes on AWS to power our clusters.", "AWS"),
        ("Requirements\n- Stream processing: Storm, Kafka", "Storm"),
    ],
)
def test_a_name_followed_by_to_mid_sentence_is_still_the_name(text, skill):
    assert skill in parse_posting(text).skills


def test_a_lower_case_word_is_no_skill_even_in_a_list():
    skills = parse_posting("Requirements\n- Python, Kubernetes; an agile, safe-to-fail team").skills
    assert "SAFe" not in skills


def test_frameworks_and_query_languages_are_skills_not_languages():
    p = parse_posting(
        "Qualifications\nFamiliarity with React/Vue, Node.js, Express/Koa, SQL, HTML/CSS and Bash."
    )
    assert p.languages == []
    assert {"React", "Vue", "Node.js", "Express", "Koa", "SQL", "HTML", "CSS", "Bash"} <= set(
        p.skills
    )


def test_a_language_in_the_company_blurb_still_counts():
    p = parse_posting("Analyst\nAcme\n\nAbout Acme\nOur platform is written in Scala and Python.")
    assert {"Scala", "Python"} <= set(p.languages)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Minimum Qualifications\n- Experience with Kotlin.", "required"),
        ("Preferred Qualifications\n- Experience with Kotlin.", "preferred"),
        ("Requirements\n- Java; Kotlin is a plus.", "preferred"),
        ("Requirements\n- Kotlin (nice to have).", "preferred"),
    ],
)
def test_requirement_level(text, level):
    levels = {m.name: m.level for m in parse_posting(text).mentions}
    assert levels["Kotlin"] == level


# --- saved-page furniture and labels seen on other sites ---------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Skip to main content\nAcme Careers\n\nData Engineering Intern\nAustin, TX\n", "Data Engineering Intern"),
        ("Nimbus AI\nResearch  Products  Safety  Careers\n\nResearch Scientist Intern (PhD)\n", "Research Scientist Intern (PhD)"),
        ("Orbit Freight | Careers\n\nBackend Engineer - Java\nDenver, CO\n", "Backend Engineer - Java"),
        ("10/18/25, 2:14 PM\tPlatform Co-op | Careers at Pine Bank\n\nPlatform Co-op (Fall 2026)\n", "Platform Co-op (Fall 2026)"),
        # A title may hold a few " / " or " | " parts; a menu has more and names no job.
        ("Algo Trading Developer / Python / Backtrader / VectorBT\n\nWe trade.", "Algo Trading Developer / Python / Backtrader / VectorBT"),
    ],
)  # fmt: skip
def test_menus_print_headers_and_site_names_are_no_title(text, title):
    assert parse_posting(text).title == title


@pytest.mark.parametrize(
    ("text", "title", "locations"),
    [
        # Menu items that read as headings ("View All Jobs", "Life at ...", "Locations") stand
        # above the title line; the title and its meta line below them still count.
        (
            "Tarnwick Outdoor\nJob Openings\nView All Jobs\n\nPackaging Design Intern (Fall 2026)\n"
            "Creative Studio  Portland, OR\n\nApply for This Job\n\nTarnwick makes rain shells"
            " and has grown to 90 people since 2014.\n",
            "Packaging Design Intern (Fall 2026)",
            ["Portland, OR"],
        ),
        (
            "We use cookies on our career site. Read our cookie policy.\nAccept all   Decline\n\n"
            "Velmora\nJobs\nDepartments\nLocations\nLife at Velmora\nPeople\n"
            "Already working at Velmora?\nLet's find your next colleague together.\n\n"
            "Data Analyst, New Grad\nAnalytics · Chicago, IL · Hybrid\n\n"
            "Velmora builds scheduling software for clinics across the Midwest.\n",
            "Data Analyst, New Grad",
            ["Chicago, IL"],
        ),
        # Once the body has begun, a job named in it is no title; nor is a duty's bullet.
        (
            "Orrin Labs\nCareers\n\nAbout the role\nYou will pair with a Senior Data Engineer.\n",
            None,
            [],
        ),
        (
            "Orrin Labs\n\nJob Description\n  * Design, develop and test the billing service\n",
            None,
            [],
        ),
        # A board's tabs read as a section ("Overview") with short lines under them.
        (
            "Jobboard\nDiscover\nLog In\n\nPellucid\nBilling software for dental offices\n"
            "Seed\n\nOverview\nJobs 3\nFunding\n\nBackend Engineer, New Grad\n$100k – $120k\n",
            "Backend Engineer, New Grad",
            [],
        ),
        # A job board's search box kept in the copy: the query is no title.
        (
            "Find jobs\nWhat\nwarehouse analyst intern\nWhere\nDayton, OH\n\n"
            "Inventory Analytics Intern - Summer 2026\nPellston Foods\nDayton, OH\n",
            "Inventory Analytics Intern - Summer 2026",
            ["Dayton, OH"],
        ),
        # A menu whose items are not all short ("Best Places To Work") takes more lines.
        (
            "City Jobs Board\nJobs\nCompanies\nArticles\nSalaries\nBest Places To Work\n"
            "For Employers\nJoin   Log In\n\nOrvale\nFintech * Payments\n\n"
            "Software Engineer I, Ledger Platform\nPosted 5 Days Ago\nNew York, NY\n",
            "Software Engineer I, Ledger Platform",
            ["New York, NY"],
        ),
        # A board's own menu item ("Salary Estimator") names no job.
        (
            "JobHub\nFind Jobs\nSalary Estimator\nResume Builder\nSign In\n\n"
            "Part-Time Web Developer (Remote)\nQuillfeather Press\n",
            "Part-Time Web Developer (Remote)",
            [],
        ),
    ],
)
def test_a_title_below_a_careers_page_menu(text, title, locations):
    p = parse_posting(text)
    assert (p.title, p.locations) == (title, locations)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("indeed\nFind jobs   Company reviews   Sign in\n\nData Intern\nQuillfeather Labs\n3.9 ★ 12 reviews\n", "Quillfeather Labs"),
        ("Halcyon Careers\nSearch jobs   Teams   Locations\n\nSoftware Intern\n\nApply now\n", "Halcyon"),
        ("Skip to main content\nPine Bank Group\nCareers\nSearch for Jobs\nSign In\nPlatform Co-op\n", "Pine Bank Group"),
    ],
)  # fmt: skip
def test_job_boards_and_careers_sites_are_not_the_company(text, company):
    assert parse_posting(text).company == company


@pytest.mark.parametrize(
    ("text", "posted"),
    [
        ("10/18/25, 2:14 PM\tCo-op | Careers\n\nCo-op\nposted on\nPosted 5 Days Ago\n", dt.date(2025, 10, 13)),
        ("Copied from Handshake on Tue Nov 4 2025\n\nHelp Desk Assistant\nPosted 2 days ago\n", dt.date(2025, 11, 2)),
        ("Backend Intern – Berlin\nPublished 12.11.2025 · Engineering\n", dt.date(2025, 11, 12)),
        ("GIS Intern\nOpening Date\n11/10/2025\nClosing Date\n12/5/2025\n", dt.date(2025, 11, 10)),
        # The day an email bringing the posting was sent is the day the page was seen.
        ("From: Career Center <jobs@hawthorne.edu>\nDate: Monday, November 17, 2025 at 8:02 AM\nSubject: Quant Intern\n\nQuant Intern\nPosted 3 days ago\n", dt.date(2025, 11, 14)),
        ("From: Ana <ana@acme.com>\nSent: Tue, Nov 4, 2025 9:12 AM\nSubject: Fwd: Data Intern\n\nData Intern\nPosted 2 days ago\n", dt.date(2025, 11, 2)),
    ],
)  # fmt: skip
def test_page_dates_from_print_headers_and_copy_notes(text, posted):
    assert parse_posting(text).posted_date == posted


def test_day_first_dotted_dates_and_german_gross_pay():
    text = (
        "Backend Intern (m/w/d)\n\nWhat we offer\n- €2,000 brutto monatlich (gross per month)\n"
        "- Deutschlandticket (€58/month)\n\nStart date: 01.03.2026 or later\n"
    )
    p = parse_posting(text)
    assert (p.pay_min, p.pay_max, p.pay_currency, p.pay_period) == (2000, 2000, "EUR", "month")
    assert p.start_dates == [dt.date(2026, 3, 1)]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Software Engineering Industrial Placement 2026/27", "internship"),
        ("Finance Placement Year 2026", "internship"),
        ("Placement Coordinator", None),
    ],
)
def test_uk_placements_are_internships(title, kind):
    assert parse_posting(f"{title}\n\nContract type: Fixed Term (12 months)\n").employment_type in (
        (kind,) if kind else (None, "contract")
    )


def test_a_degree_ruled_out_is_not_asked_for():
    text = (
        "Research Intern\n\nMinimum qualifications\n- Enrolled in a PhD program (Master's and "
        "undergraduate students are not eligible for this role)\n"
    )
    assert parse_posting(text).degree_levels == ["PhD"]


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        # An office list is where the company sits ...
        ("Intern\n\nAcme is headquartered in Redmond, WA, with offices in New York, NY; Boulder, CO.\n", []),
        # ... but a headquarters the interns are placed at is where they work.
        ("Intern\n\nInterns are placed at our headquarters in Houston, TX or at our Denver, CO field office.\n", ["Houston, TX", "Denver, CO"]),
        # A label on its own line (or a tab) before its value.
        ("GIS Intern\n\nSalary\n$20.00 - $24.00 Hourly\nLocation\nAlder Grove, CA\n", ["Alder Grove, CA"]),
        ("Verification Intern\n\nJob Locations\tUS-TX-Austin | US-OR-Hillsboro\n", ["US-TX-Austin", "US-OR-Hillsboro"]),
        ("Placement\n\nLocation: Filton, Bristol\n", ["Filton, Bristol"]),
        # A street address ends in its city; "St." is a saint.
        ("Manager\n\nLocation: 2 East 15th Street, New York, NY 10003\n", ["New York, NY"]),
        ("Analyst\n\nLocation: St. Louis, MO\n", ["St. Louis, MO"]),
        # A company-wide sentence under a "Locations" label is not a job's location.
        ("Engineer\n\nUS office locations: Redwood City (HQ), San Francisco, Los Angeles, New York City.\n", []),
    ],
)  # fmt: skip
def test_office_lists_and_stacked_location_labels(text, locations):
    assert parse_posting(text).locations == locations


def test_more_jobs_at_the_company_are_no_locations():
    text = (
        "iOS Intern\nNew York, NY\n\nWe build apps.\n\nMore jobs at Tandem\n"
        "Senior iOS Engineer · New York, NY · Posted 2 weeks ago\n"
        "Design Intern – Summer 2026 · Lisbon, Portugal · Posted 5 days ago\n"
    )
    assert parse_posting(text).locations == ["New York, NY"]


def test_bold_faq_questions_are_headings_and_who_can_apply_is_eligibility():
    text = (
        "**Who can apply for the Summer Internship Program?**\nJunior or senior undergraduates.\n\n"
        "**How long is the program?**\nTen weeks.\n\n**Where will I work?**\n"
        "Interns are placed at our Denver, CO office.\n\n**Is it paid?**\nYes, $24 per hour.\n"
    )
    p = parse_posting(text)
    assert p.seasons == ["Summer"]
    assert p.locations == ["Denver, CO"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Intern\nAcme\n\nThe program runs 11 weeks from June 15, 2026.\n", [D(2026, 6, 15)]),
        # "from" a date in an application window, or in company history, starts no job.
        ("Intern\nAcme\n\nApplications are open from June 15, 2026.\n", []),
        ("Intern\nAcme\n\nWe have grown from March 3, 2020 to today.\n", []),
    ],
)
def test_a_job_period_from_a_date_starts_then(text, want):
    assert parse_posting(text).start_dates == want


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # A name's own bracketed initials stay whole; a stray bracket goes.
        ("Accounting Manager\nCreative Ledger Staffing (CLS)\n", "Creative Ledger Staffing (CLS)"),
        ("Accounting Manager\nCreative Ledger Staffing (\n", "Creative Ledger Staffing"),
        # An old applicant system's banner names the employer before its page's name.
        (
            "HALLORAN WATER & POWER - EMPLOYMENT OPPORTUNITIES\n-----\n\n"
            "JOB TITLE:   LINE TECHNICIAN CO-OP - FALL 2026\n",
            "HALLORAN WATER & POWER",
        ),
        ("Brightfield Labs | Job Openings\n\nData Analyst\n", "Brightfield Labs"),
        # An FAQ page with no title line: its site's banner still names the employer.
        (
            "Larchmont Careers\nStudents › Internship FAQ\n\nWhen does the internship start?\n",
            "Larchmont",
        ),
        # A job board heading the saved page is not the hiring company.
        ("Part-Time Tutor\nSimplyHired\nBrightpath Learning\n", "Brightpath Learning"),
    ],
)
def test_company_names_keep_their_brackets_and_skip_boards(text, company):
    assert parse_posting(text).company == company


def test_a_forwarded_emails_signature_is_no_title():
    text = (
        "From: Jonas Vell <jvell@northmere.edu>\nSubject: Fwd: Winter co-op at Quarry Labs\n\n"
        "Hi all,\n\nSharing a co-op a recruiter sent me; details below.\n\n"
        "Best regards,\nJonas\nJonas Vell\nCareer Coordinator, Faculty of Science\n"
        "Northmere University\n\n---------- Forwarded message ---------\n"
        "From: Ida Marr <ida@quarrylabs.com>\nSubject: Winter co-op\n\n"
        "Thanks,\nIda\n\n==========\n\nData Engineering Co-op (Winter 2027)\n"
        "Quarry Labs\nWaterloo, ON\n"
    )
    p = parse_posting(text)
    assert (p.title, p.employment_type) == ("Data Engineering Co-op (Winter 2027)", "internship")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A ZIP code or the country after a city and its state adds no place; a ZIP is the
        # address's, not the place's, whether or not the page writes the place without it.
        ("Field Technician\nAcme\nDayton, OH 45402\n\nLocation: Dayton, OH\n", ["Dayton, OH"]),
        ("Marketing Intern\nCedar Ridge\nBoise, ID 83702\nHybrid work\n", ["Boise, ID"]),
        ("Marketing Intern\nCedar Ridge\nBoise, ID 83702-1234\n", ["Boise, ID"]),
        ("Engineer\nAcme\nTrenton, NJ, US\n\nLocation: Trenton, NJ (Hybrid)\n", ["Trenton, NJ"]),
        (
            "Engineer\nAcme\nLocations: Dayton, OH; Akron, OH 44308\n",
            ["Dayton, OH", "Akron, OH"],
        ),
        # A label's value ends where a sentence after it begins.
        (
            "Engineer\nAcme\n\nLocation: Singapore (Tanjong Pagar office). Our Jakarta office is "
            "not hiring this year.\n",
            ["Singapore"],
        ),
        ("Engineer\nAcme\n\nLocation: St. Louis, MO. Hybrid three days.\n", ["St. Louis, MO"]),
        # "remotely in/from" names the region like "remote in"; the list's stop is no part of it.
        (
            "Engineer\nAcme\n\nAbout the role\nYou may work remotely from the US or Canada.\n",
            ["US", "Canada"],
        ),
        (
            "Engineer\nAcme\n\nAbout the role\nThe job can be done remotely within the United "
            "States or Canada.\n",
            ["US", "Canada"],
        ),
        (
            "Engineer\nAcme\n\nRequirements\n- Experience working remotely\n\nIn the United "
            "States, the pay range is $90,000 - $120,000.\n",
            [],
        ),
        # A remote region on the header's meta line counts whatever heading opens the page.
        (
            "Back to jobs\nAcme\n\nData Intern, Summer 2026\n\nAustin, TX; Remote (Canada)\n\n"
            "Apply\n\nAbout the role\nYou build.",
            ["Austin, TX", "Canada"],
        ),
    ],
)
def test_location_variants_sentences_and_remote_regions(text, want):
    assert parse_posting(text).locations == want


def _table_posting(rows: int) -> str:
    row = '| Motion | Denver, CO</br>Austin, TX | <a href="https://example.com/careers/jobs/77">Apply here</a> |\n'
    return (
        "Firmware Intern\nAcme Robotics\n\nAbout the role\nYou will write firmware for the drive "
        "modules of our warehouse robots.\n\nOpenings\n| Team | Location | Apply |\n"
        "| --- | --- | --- |\n" + row * rows + "\nRequirements\n- C and C++\n"
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The company's support or head office is no workplace, unless the job is based there.
        (
            "Engineer\nAcme\n\nOverview\nAcme runs 12 clinics across Iowa, with our support office "
            "in Ames, IA. We care for pets.\n",
            [],
        ),
        (
            "Engineer\nAcme\n\nThe role\nThis role is based at our corporate office in Dallas, TX.\n",
            ["Dallas, TX"],
        ),
        # Offices the hire works from are the job's places, however many.
        (
            "Trading Intern\nAcme\n\nWhere will I work?\nInterns work from our offices in Denver, "
            "CO or Austin, TX.\n",
            ["Denver, CO", "Austin, TX"],
        ),
        # A marked heading line the page did not set apart, its value on the next line.
        (
            "Engineer\nAcme\n\n■ Work location\nNagoya, Aichi or Sendai (Aoba office)\n\n"
            "■ Requirements\nC++\n",
            ["Nagoya, Aichi", "Sendai"],
        ),
        # Lever's meta line in capitals.
        (
            "Backend Engineer\nAcme\nAUSTIN, TX / PLATFORM / FULL-TIME\n\nWe build.\n",
            ["AUSTIN, TX"],
        ),
        ("Backend Engineer\nAcme\nHYBRID, NY / SALES\n\nWe build.\n", []),
        # A capitals line that is only "NAME, ST" may be the employer.
        ("EXERCISE PHYSIOLOGIST\nWESTLAKE SPINE INSTITUTE, PA\n\nWE TREAT PAIN.\n", []),
        ("ANALYST | HYBRID IN CHERRY HILL, NJ\nACME\n\nWE BUILD.\n", []),
        # An export's city and province fields are one place.
        (
            "Co-op Posting\nJob Title: Firmware Co-op\nJob - City: Kitchener\n"
            "Job - Province / State: Ontario\nJob - Country: Canada\n",
            ["Kitchener, Ontario"],
        ),
        ("Co-op Posting\nJob Title: Firmware Co-op\nCity: Springfield\nPhone: 555-0100\n", []),
        # A Markdown table's Location column, "</br>" between places; a long table lists
        # other jobs.
        (_table_posting(1), ["Denver, CO", "Austin, TX"]),
        (_table_posting(5), []),
        # "Internship location:" is the job's even where a flyer's columns run it into the
        # company's section; a plain office location there is not.
        (
            "TRADING INTERNSHIP\n\nWHO WE ARE\nAcme is a trading firm.\nInternship location: "
            "Chicago, IL\n",
            ["Chicago, IL"],
        ),
        (
            "TRADING INTERNSHIP\n\nWHO WE ARE\nAcme is a trading firm.\nOffice location: Chicago, IL\n",
            [],
        ),
    ],
)
def test_location_offices_fields_tables_and_marked_labels(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A careers site's menu above the title: "Locations" is a link, the next item no place.
        (
            "Brightpath Careers\nJobs\nTeams\nLocations\nStudent Programs\nSign in\n\n"
            "Data Engineering Intern\nDenver, CO\n\nAbout the role\nYou build pipelines.\n",
            ["Denver, CO"],
        ),
        (
            "Pinecrest jobs\nFind jobs\nLocations\nVeterans\nHelp\n\n"
            "Platform Engineer Intern\nJob ID: 4411\n\nAbout the role\nYou build.\n",
            [],
        ),
        # ... a place there is still one.
        (
            "Locations\nAustin, TX\n\nPlatform Engineer Intern\n\nAbout the role\nYou build.\n",
            ["Austin, TX"],
        ),
        # Workday's coded places listed alone under the job's details; a pay table's rows are
        # pay zones.
        (
            "Robotics Intern\nAcme\n\nAbout the role\nYou build.\n\n"
            "USA, CO, Boulder - 40.00 - 50.00 USD hourly\nUSA, NY, Albany - 38.00 - 47.00 USD hourly\n\n"
            "Job details\nUS, CO, Boulder\nUS, NY, Albany\nEngineering\n",
            ["US, CO, Boulder", "US, NY, Albany"],
        ),
        (
            "Robotics Intern\nAcme\n\nAbout the role\nYou build.\n\n"
            "USA, CO, Boulder - 40.00 - 50.00 USD hourly\n",
            [],
        ),
        # Another job's card after the posting ("Similar Jobs (4)") names that job's place.
        (
            "Compiler Intern - Summer 2026\nApply\nlocations\nUS, OR, Hillsboro\ntime type\nFull time\n\n"
            "What you'll be doing:\nWrite optimization passes.\n\nSimilar Jobs (4)\n"
            "GPU Tools Intern - Summer 2026\nlocations\nUS, TX, Dallas\nposted on\nPosted Today\n"
            "Kernel Intern - Fall 2026\nlocations\nUS, WA, Redmond\nposted on\nPosted Today\n",
            ["US, OR, Hillsboro"],
        ),
        # A header line of places, some a known city alone.
        (
            "Trading Systems Intern\nBoston, MA | Toronto | Singapore\nInternship\n\nWe trade.\n",
            ["Boston, MA", "Toronto", "Singapore"],
        ),
        (
            "Trading Systems Intern\nBoston, MA | Toronto office opening soon\n\nWe trade.\n",
            ["Boston, MA"],
        ),
    ],
)
def test_location_menus_coded_lines_job_cards_and_bare_cities(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A note listing the places a hire may choose from names them all, past a header that
        # shows only two ("+2 more").
        (
            "Storage Engineer, New Grad\nplace Austin, TX, USA; Boston, MA, USA; +2 more\n\n"
            "About the job\nAfter you apply you can pick your preferred work location from the "
            "following: Austin, TX, USA; Boston, MA, USA; Denver, CO, USA; Miami, FL, USA.\n",
            ["Austin, TX, USA", "Boston, MA, USA", "Denver, CO, USA", "Miami, FL, USA"],
        ),
        (
            "Storage Engineer, New Grad\nAustin, TX\n\nAbout the job\nPreferred qualifications "
            "from the following: Go, Rust.\n",
            ["Austin, TX"],
        ),
        # A company's possessive before a known city is not part of the city's name ...
        (
            "Data Intern\n\nWhere is the role?\nThe internship is based in Ridgeway's Boston, MA "
            "office.\n",
            ["Boston, MA"],
        ),
        # ... but a city's own possessive stays.
        (
            "Data Intern\n\nThe role\nThis role is based in Lee's Summit, MO.\n",
            ["Lee's Summit, MO"],
        ),
        # On-site at the company's campus or office in a city.
        (
            "Flight Software Engineer\n\nWhere is the job located?\nEvery hire works on-site at "
            "our test campus in Tucson, AZ.\n",
            ["Tucson, AZ"],
        ),
        (
            "Flight Software Engineer\n\nThe role\nYou will be on-site at customer plants most "
            "weeks.\n",
            [],
        ),
    ],
)
def test_location_choice_notes_owners_and_on_site_campuses(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A one-line paste glues the label to the sentence before it, or to a bullet.
        (
            "Quant Intern\n\nAbout usWe trade.CompensationThe monthly salary is $12,000.Location: "
            "Chicago, ILAbout AcmeAcme was founded in 2001.\n",
            ["Chicago, IL"],
        ),
        (
            "Product Intern Acme · Apply The details• Location: Leeds, UK – hybrid, two days a "
            "week in our Holbeck office• Start date: 5 October 2026• Salary: £30,000 per annum\n",
            ["Leeds, UK"],
        ),
        # A label whose long value is a sentence names no place.
        (
            "Product Intern\n\nThe details\n* Location: The Product Intern is a work-from-home "
            "role for our * Manila team * with quarterly visits.\n",
            [],
        ),
        # How the job is done, a dash, then where.
        (
            "Firmware Co-op\n\nThe role\nYou will test chargers.Work arrangement: Hybrid – "
            "Waterloo, ON (two days a week in our lab).Responsibilities: Write tests.\n",
            ["Waterloo, ON"],
        ),
        ("Firmware Co-op\n\nThe role\nHybrid – Flexible Hours, On Request.\n", []),
        # A "Location" heading's value with a note after it: the places before the note.
        (
            "Design Intern\nAcme\n\nAbout the role\nYou will design onboarding flows.\n\n"
            "Requirements\n- A portfolio\n\nLocation\nDenver, CO; Austin, TX; or Remote (US). "
            "Interns in Denver and Austin come in on Tuesdays, Wednesdays and Thursdays.\n",
            ["Denver, CO", "Austin, TX", "US"],
        ),
        (
            "Design Intern\n\nLocation\nOur **Design Interns** sit with the product team.\n",
            [],
        ),
    ],
)
def test_location_glued_labels_mode_dashes_and_heading_notes(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A city with its country's two-letter form; the company line's bare city is that one.
        (
            "Brightleaf\nPlant-care marketplace\nSeed stage · 30 employees · Manchester\n\n"
            "Junior Data Analyst\n\nFull-time\nOn-site · Manchester, UK\nPosted today\n\n"
            "About the role\nYou will build dashboards.\n",
            ["Manchester, UK"],
        ),
        # A discipline before the country is a title, not a town.
        ("Head of Platform Engineering, UK\nAcme\n\nWe build payment rails.\n", []),
        # Two known cities after a location mark are two places; a borough and its city one.
        (
            "Data Analyst Intern\nAcme Labs\n\n📍 Pune, Chennai\n\nAbout the internship\n"
            "You will clean data.\n",
            ["Pune", "Chennai"],
        ),
        (
            "Data Analyst Intern\nAcme Labs\n\nLocation: Brooklyn, New York\n\n"
            "About the internship\nYou will clean data.\n",
            ["Brooklyn, New York"],
        ),
        # A town, its nation and their country; two countries after a town are no such place.
        (
            "Acme Foundry\nWelding Apprentice\nLeeds, England, United Kingdom · 2 days ago · "
            "40 applicants\n\nAbout the job\nYou will weld.\n",
            ["Leeds, England, United Kingdom"],
        ),
        (
            "Acme Foundry\nWelding Apprentice\nLisbon, Portugal, Spain · 2 days ago\n\n"
            "About the job\nYou will weld.\n",
            [],
        ),
        # A location label's value in capitals, with a note or a street before it.
        (
            "ACME GRID - CAREERS\n\nJOB TITLE:       LINE TECHNICIAN APPRENTICE\n"
            "JOB LOCATION:    SPOKANE, WA - NORTH DISTRIBUTION YARD\nSCHEDULE:        FULL-TIME\n\n"
            "DUTIES:\nCLIMB POLES.\n",
            ["SPOKANE, WA"],
        ),
        (
            "Field Clerk\nAcme\n\nLOCATION: 410 HARBOR BOULEVARD, OAKLAND, CA 94607\n\n"
            "We ship things.\n",
            ["OAKLAND, CA"],
        ),
        (
            "Field Clerk\nAcme\n\nLOCATION: MAPLE GROVE OR EAGAN, MN\n\nWe ship things.\n",
            ["EAGAN, MN"],
        ),
        ("Field Clerk\nAcme\n\nLOCATION: TO BE DETERMINED\n\nWe ship things.\n", []),
        # A careers page lists its roles, each with a place line, then one role's details.
        (
            "Openings at Acme Rail (5)\n\nSignal Engineer\nDenver, CO · Full-time\n\n"
            "Track Inspector\nPueblo, CO · Full-time\n\nData Engineering Intern (Summer 2026)\n"
            "Omaha, NE · Internship\n\nStation Planner\nLincoln, NE · Full-time\n\n----\n\n"
            "Data Engineering Intern (Summer 2026)\nOmaha, NE · Internship · Posted 2 days ago\n\n"
            "The role\nYou will write data pipelines for our dispatch system.\n",
            ["Omaha, NE"],
        ),
        # A title said again in a list of similar jobs: the posting's own places stay.
        (
            "Jobs in Denver, CO\n\nData Engineering Intern\nAcme Rail\nDenver, CO\n\n"
            "The role\nYou will write pipelines.\nLocation: Denver, CO or Austin, TX\n\n"
            "Similar jobs\nData Engineering Intern\nBoise, ID\n",
            ["Denver, CO", "Austin, TX"],
        ),
        # A table's header row under a "Locations" heading names columns, not places.
        (
            "# Research Intern\n\n## Locations\n\n| Location | Schedule | Notes |\n|---|---|---|\n"
            "| Austin, TX | On-site | Lab access |\n| Remote (US) | Remote | US only |\n",
            ["Austin, TX", "US"],
        ),
        (
            "Research Intern\n\nLocations\nLocation | Schedule | Notes\nAustin, TX | On-site | "
            "Lab access\nRemote (US) | Remote | US only\n",
            ["Austin, TX", "US"],
        ),
        # A remote region before a "·" separator or a bracketed note.
        (
            "Backend Engineer (Contract)\nTidewater Mutual · Remote – Mexico · Contract\n"
            "Posted 2 days ago\n\nWe build claims systems.\n",
            ["Mexico"],
        ),
        (
            "Backend Engineer\nAcme\n\nThe roleWe build.Rate: $60/hr (W2 or 1099)Location: "
            "Remote – US (must live in the US; travel to Boston twice a year)Equipment: laptop\n",
            ["US"],
        ),
        # A form cited in quotes is the site's note, not this job's place.
        (
            "Backend Engineer\nAcme\n\nWhat you'll do\nBuild APIs.\n\nJobs listed as "
            '"Remote - Canada (Excludes: QC)" are not open in Quebec.\n',
            [],
        ),
    ],
)
def test_location_country_forms_capitals_role_lists_and_table_headers(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # How a contractor is paid, however many ways, is no team.
        ("Data Engineer (Scala) - W2 or C2C - Remote\nAcme\n\nWe build.", None),
        ("Data Engineer - W2/1099 - Onsite\nAcme\n\nWe build.", None),
        ("Data Engineer - Billing Platform - W2 only\nAcme\n\nWe build.", "Billing Platform"),
        # A division label names the team.
        ("Engineer\nAcme\n\nDivision: Consumer Robotics\n\nWe build.", "Consumer Robotics"),
        # A note in brackets between the team and what it does.
        (
            "Engineer\nAcme\n\nThe Billing Systems team (five engineers) owns our invoicing.",
            "Billing Systems",
        ),
        # Markdown's bold around the team's name.
        (
            "Engineer\nAcme\n\nAs an engineer on the **Payments Risk team**, you will tune models.",
            "Payments Risk",
        ),
        ("Engineer\nAcme\n\nAs an engineer on **the** team, you will tune models.", None),
    ],
)
def test_team_pay_terms_divisions_and_marked_names(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        # A top card pasted with its line breaks lost: the title ends at its bracket, the
        # company at the first "·".
        (
            "Firmware Engineering Intern (Summer 2026) Pellbrook · Austin, TX (On-site) 3 days ago"
            " · 40 applicants Internship $30/hr Easy Apply Save About the job We build batteries"
            " for e-bikes and want an intern to help our firmware team ship a new charger.",
            "Firmware Engineering Intern (Summer 2026)",
            "Pellbrook",
        ),
        # A long first line that is a sentence, not a card, gives neither.
        (
            "We are hiring a Data Analyst (Remote) to join our growing team · apply today and tell"
            " us why you care about clean data, good questions and better decisions for everyone.",
            None,
            None,
        ),
    ],
)
def test_a_top_card_pasted_on_one_line(text, title, company):
    p = parse_posting(text)
    assert (p.title, p.company) == (title, company)


def test_an_faq_names_its_company_as_the_owner_of_the_program():
    text = (
        "Frequently asked questions about Tarrow Bay Instruments' internship program\n\n"
        "Where will I work?\nInterns sit in our Boise, ID lab.\n"
    )
    assert parse_posting(text).company == "Tarrow Bay Instruments"


@pytest.mark.parametrize(
    ("text", "team"),
    [
        # Where the team sits, between the team and its verb.
        (
            "Camera Engineer\nAcme\n\nSummary\nThe Imaging team, part of Acme's Devices group,"
            " writes the firmware for every phone, tablet and headset we sell.",
            "Imaging",
        ),
        # Who may apply is no team.
        ("UX Research Assistant (Student)\nAcme\n", None),
        # Examples after the team the hire joins are of its work, not a list of teams ...
        (
            "Graduate Engineer\nAcme\n\nYou'll join our Technology & Digital division and rotate"
            " through areas such as Network Analytics and Cyber Security.",
            "Technology & Digital",
        ),
        # ... but teams given as examples still are no team.
        (
            "Graduate Engineer\nAcme\n\nYou'll rotate through teams such as Search, and join the"
            " Ads team for your final rotation.",
            None,
        ),
        # A board's "Full job description" opens the posting, after its benefits box.
        (
            "UX Researcher\nAcme\n\nBenefits\nPulled from the full job description\nDental\n\n"
            "Full job description\nYou'll join the Care Access Research team this spring.\n",
            "Care Access Research",
        ),
    ],
)
def test_team_past_notes_and_tags(text, team):
    assert parse_posting(text).team == team


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A careers page lists its open roles, then one role's full details under its name
        # again: that role is the posting's.
        (
            "Careers | Brightkeel\n\nOpen positions (3)\n\nPlatform Engineer II\nDenver, CO · $140k\n\n"
            "Data Analyst Intern (Summer 2026)\nDenver, CO · $30/hr\n\nSales Manager\nRemote\n\n"
            "----------\n\nData Analyst Intern (Summer 2026)\nDenver, CO · Internship\n\nThe role\n"
            "You'll join the Analytics team.\n",
            "Data Analyst Intern (Summer 2026)",
        ),
        # A form's header line ("... POSITION DESCRIPTION") is no title; the title below it is.
        (
            "Keelwater Optics Ltd.                       CO-OP POSITION DESCRIPTION\n"
            "Form HR-9 (rev. 2025-03-01)\n\nOptics Co-op Student - Winter 2027\nLens Design Group\n",
            "Optics Co-op Student - Winter 2027",
        ),
    ],
)
def test_a_title_among_other_job_lines(text, title):
    assert parse_posting(text).title == title


def test_a_chat_post_sharing_a_job():
    # A chat channel's post: the channel, its rules, the author's line and the poster's own
    # words are no title; the shared link's preview holds it.
    text = (
        "#jobs-board\nShare job links here. Keep questions in threads.\n\n"
        "sam_r — Today at 9:05 AM\nnew co-op posting just dropped\n"
        "Ferrowind (tiny battery startup in Austin) just opened their co-op app for fall 2026\n"
        "https://ferrowind.example/jobs/42\nFerrowind Careers\nBattery Test Co-op (Fall 2026)\n"
        "Austin, TX · On-site · Co-op\n"
    )
    p = parse_posting(text)
    assert (p.title, p.company) == ("Battery Test Co-op (Fall 2026)", "Ferrowind")


def test_a_lever_apply_button_above_the_description_hides_nothing():
    text = (
        "Data Intern (Fall 2026)\nRemote — US\n\nApply for this job\n\n"
        "The Risk Analytics group owns our credit models and the metrics layer.\n\n"
        "Apply for this job\n\nMore open roles\nField Technician · Dallas, TX · $27/hr\n"
    )
    p = parse_posting(text)
    assert (p.team, p.locations, p.pay_min) == ("Risk Analytics", ["US"], None)


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Product Intern\nAcme\n\nYou'll join the Pricing squad and ship every week.", "Pricing"),
        ("Product Intern\nAcme\n\nWe look for a squad of interns each summer.", None),
    ],
)
def test_a_squad_is_a_team(text, team):
    assert parse_posting(text).team == team


def test_a_one_step_path_is_no_title():
    text = (
        "Acme Careers\nStudents & New Grads › Internship FAQ\n\nWhen does the internship start?\n"
    )
    assert parse_posting(text).title is None


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        # Go in production is Go; R beside a statistics package is R.
        ("Engineer\nAcme\n\nPreferred\n- Experience with Go in a production environment.", ["Go"]),
        ("Scientist Intern\nAcme\n\nResponsibilities\n- Analyze results in JMP or R.", ["R"]),
        # "JMP Securities" is a bank, and vouches for nothing.
        ("Lead\nAcme\n\nNamed to JMP Securities' Hot 100. R&D is our core.", []),
    ],
)
def test_languages_beside_production_and_statistics_packages(text, languages):
    assert parse_posting(text).languages == languages
