"""Fields as applicant-tracking sites and pages outside the US write them (our own text).

Taleo's and SuccessFactors' label footers, Personio's and Recruitee's European pages, Workable's
Singapore allowance, Oracle's panels: each case holds the form and a near miss that must not
be read the same way.
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
        # Taleo's footer of labels, swallowed by the pay paragraph above it.
        (
            "Validation Intern\nAcme\n\nPay transparency: the hourly range is $30 - $40.\n"
            "Job: Engineering\nPrimary Location: United States-Texas-Austin\n"
            "Other Locations: United States-Oregon-Hillsboro\nOrganization: Client Group\n",
            ["United States-Texas-Austin", "United States-Oregon-Hillsboro"],
        ),
        # Another job's card keeps its labels to itself.
        (
            "Validation Intern\nAcme\nAustin, TX\n\nSimilar Jobs\nFirmware Intern\n"
            "Primary Location: United States-Oregon-Hillsboro\n",
            ["Austin, TX"],
        ),
        # The country written out in full, and Canada's code after a province's.
        (
            "Bio ML Intern\nAcme\nCambridge, Massachusetts, United States of America\n",
            ["Cambridge, Massachusetts, United States of America"],
        ),
        ("Hardware Co-op\nAcme\n\nLocation: Kanata, ON, CA, K2K 3J1\n", ["Kanata, ON, CA"]),
        ("Hardware Co-op\nAcme\n\nLocations: Seattle, WA, CA, NY\n", ["Seattle, WA"]),
        # A city-state written as its own city.
        ("Platform Intern\nAcme\nSingapore, Singapore\nInternship\n", ["Singapore, Singapore"]),
        # An address under "Location": the office's name is no place; the city below it is the
        # one the header names already.
        (
            "FPGA Intern\nAcme\nDelft, Zuid-Holland, Netherlands\n\nLocation\nAcme Instruments BV\n"
            "Rotterdamseweg 183\n2629 HD Delft, Netherlands\n",
            ["Delft, Zuid-Holland, Netherlands"],
        ),
        (
            "Analyst\nAcme\n\nLocations\nAnnapolis, MD\n\nAbout us\nOur office\nAnnapolis, Maryland\n",
            ["Annapolis, MD"],
        ),
        # The same city name in two states is two cities.
        ("Analyst\nAcme\nPortland, OR\nPortland, ME\n", ["Portland, OR", "Portland, ME"]),
    ],
)
def test_locations_in_site_forms(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A single figure with its period, alone on a bullet under "What we offer".
        (
            "Working Student Data\nAcme GmbH\n\nWhat we offer\n• €17.50 per hour\n"
            "• Subsidy of €30/month for your train ticket\n",
            (17.5, 17.5, "EUR", "hour"),
        ),
        ("Intern\nAcme\n\nWhat we offer\n• €30 per month\n", (None, None, None, None)),
        # A pay line's bullet is no range's dash: "$17.50/hour" and "- 50% discount".
        (
            "Marketing Intern\nAcme\n\nPay and perks\n- $17.50/hour\n- 50% employee discount\n",
            (17.5, 17.5, "USD", "hour"),
        ),
        # Singapore's "monthly allowance" is the intern's pay, even under "Benefits"...
        (
            "Platform Intern\nAcme Pte Ltd\n\nBenefits\n- Monthly allowance of SGD 1,600 – 2,200, "
            "depending on your year of study\n- Up to SGD 500 learning budget\n",
            (1600, 2200, "SGD", "month"),
        ),
        # ... but not one for a phone plan.
        (
            "Platform Intern\nAcme Pte Ltd\n\nBenefits\n- Monthly allowance of SGD 50 for your "
            "phone plan\n",
            (None, None, None, None),
        ),
        # The general range first, a state's own range after it.
        (
            "Validation Intern\nAcme\n\nPay transparency: The hourly pay range for this internship "
            "is $34.00 - $52.00. For roles performed in Washington State, the range is $37.00 - "
            "$56.00 per hour.",
            (34, 52, "USD", "hour"),
        ),
    ],
)
def test_pay_in_site_forms(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A term's length in a "Start:" line under "What we offer".
        (
            "Working Student\nAcme GmbH\n\nWhat we offer\n• Flexible hours\n"
            "• Start: 01.03.2026 or later, for at least 12 months\n",
            52,
        ),
        ("Working Student\nAcme GmbH\n\nWhat we offer\n• 6 months of free gym access\n", None),
        # "available for" is the time the job asks for.
        ("Thesis Intern\nAcme\n\nRequirements\n· You are available for 5 to 6 months\n", 22),
    ],
)
def test_duration_in_site_forms(text, want):
    assert parse_posting(text).duration_weeks == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # SuccessFactors: the title, then its "Date:" field.
        (
            "Acme Careers\n\nCo-op Student – Hardware Design\n\nDate: Nov 18, 2025\n"
            "Location: Kanata, ON, CA\n",
            dt.date(2025, 11, 18),
        ),
        # An email's "Date:" beside its From/Subject lines is the day it was sent.
        (
            "Fwd: an opening\n\nFrom: Ana <ana@acme.com>\nDate: Nov 18, 2025\nSubject: Data "
            "Intern\n\nData Intern\nAcme\n",
            None,
        ),
        ("Data Intern\nAcme\n\nKey dates\nDate: TBD\n", None),
    ],
)
def test_posted_date_from_a_header_date_field(text, want):
    assert parse_posting(text).posted_date == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A site's language switch is no company.
        (
            "Acme Energie GmbH\nAll jobs\nWebsite\nDE | EN\n\nWorking Student Data Engineering\n"
            "Berlin · Part-time\n",
            "Acme Energie GmbH",
        ),
        # The site's name atop its menu written down the page, named again in the posting.
        (
            "Dijkhof Instruments\nHome\nJobs\nAbout us\nContact\nEN | NL\n\n"
            "Graduation Internship – FPGA Test\nDelft, Netherlands\n\nJob description\n"
            "Dijkhof Instruments makes digitizers. At Dijkhof Instruments you test them.",
            "Dijkhof Instruments",
        ),
        # A menu's item is never the site's name.
        (
            "Find Jobs\nHome\nJobs\nAbout us\nContact\n\nGraduation Internship – FPGA Test\n"
            "Delft, Netherlands\n\nJob description\nFind jobs here. Find jobs there. Find jobs.",
            None,
        ),
    ],
)
def test_company_past_site_menus(text, want):
    assert parse_posting(text).company == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A long note in brackets before the verb, and "looks after".
        (
            "Working Student\nAcme\n\nJob description\nOur Data Platform team (five engineers and "
            "one very patient product manager) looks after the pipelines.",
            "Data Platform",
        ),
        ("Working Student\nAcme\n\nJob description\nOur team looks after the pipelines.", None),
    ],
)
def test_team_with_a_note_before_its_verb(text, want):
    assert parse_posting(text).team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A programme's FAQ: the heading under "Frequently Asked Questions" names the programme.
        (
            "Frequently Asked Questions\n2026 Software Engineering Internship\n\n"
            "What is the internship?\nA paid summer program.\nWhere will I be based?\nChicago.\n"
            "How much does it pay?\n$49 per hour.\n",
            None,
        ),
        # A posting with an FAQ at its end keeps its title.
        (
            "Software Engineering Intern\nAcme\n\nWhat you'll do\nBuild things.\n\nFAQ\n"
            "Is it paid?\nYes.\nIs it remote?\nNo.\nWhen does it start?\nJune.\n",
            "Software Engineering Intern",
        ),
        # A field's label opens the line: its value, not the title.
        ("Job Specifications\nEmployer: Cartwheel Retail Intelligence\nLocation: Remote\n", None),
        ("Job Specifications\nProgram: 2026 New Grad – Machine Learning\nSalary: TBD\n", None),
        (
            "Software Engineer: Payments\nAcme\n\nWhat you'll do\nBuild things.\n",
            "Software Engineer: Payments",
        ),
    ],
)
def test_title_of_faq_pages_and_field_lists(text, want):
    assert parse_posting(text).title == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "sit in" names the offices the interns sit in; an office that hosts none is not.
        (
            "Internship FAQ\nWhere will I be based?\nInterns sit in either our Chicago, IL office "
            "or our Austin, TX office.",
            ["Chicago, IL", "Austin, TX"],
        ),
        (
            "Internship FAQ\nWhere will I work?\nInterns are placed at the main campus in Los Lunas, "
            "NM. The liaison office in Washington, DC does not host interns.",
            ["Los Lunas, NM"],
        ),
        # The company's teams, many of them, are where the company is.
        (
            "Scientist Intern\nAcme Bio\nSouth San Francisco, CA\n\nJob description\nAcme is a "
            "biotech. Our R&D teams are based in South San Francisco and Cambridge, MA.",
            ["South San Francisco, CA"],
        ),
        (
            "Scientist Intern\nAcme Bio\n\nJob description\nOur team is based in Cambridge, MA.",
            ["Cambridge, MA"],
        ),
    ],
)
def test_locations_said_in_answers(text, want):
    assert parse_posting(text).locations == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The site's own estimate, under its heading or with its note, is not the employer's.
        (
            "Biology Intern\nAcme\n\nInternship details\nThe anticipated hourly rate for this "
            "internship is $48.00 to $56.00.\n\nSalary estimate\n$61K – $79K /yr\nThis estimate is "
            "calculated from similar jobs.\n",
            (48, 56, "USD", "hour"),
        ),
        (
            "Design Co-op\nAcme\n\nCompensation\nThis co-op pays $27/hour.\n\nSimilar jobs near "
            "Somerville, MA\n  Hardware Co-op · Brightmere · Waltham, MA · $25 – $29/hr\n",
            (27, 27, "USD", "hour"),
        ),
    ],
)
def test_pay_beside_a_boards_figures(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A proper name the sentence calls a group; a discipline word before "team".
        (
            "Quant Intern\nAcme\n\nThe team\nYou will sit with Trading Systems & Infrastructure, "
            "the group that builds our order gateways.",
            "Trading Systems & Infrastructure",
        ),
        (
            "Data Intern\nAcme\n\nThe role\nYou'll be part of the Live Ops & Monetisation analytics "
            "team, who help our game teams.",
            "Live Ops & Monetisation",
        ),
        # A headline-case heading glued to the blurb ends it: the team below is the job's.
        (
            "Physical Design Engineer, New College Grad – 2026 Start\nAcme\n\nJob DescriptionAbout "
            "UsFounded in 2009, Acme designs chips.About the RoleYou'll join the CPU Implementation "
            "group, the team that tapes out.ResponsibilitiesRun the flow.",
            "CPU Implementation",
        ),
    ],
)
def test_team_named_in_site_forms(text, want):
    assert parse_posting(text).team == want


def test_start_dates_in_a_table_row_heading():
    text = (
        "Quant Intern (Summer 2026)\nAcme\n\nProgram details\nLength | 10 weeks\n"
        "Start dates | Monday, June 8 or Monday, June 22\nLocation | New York, NY\n"
    )
    assert parse_posting(text).start_dates == [dt.date(2026, 6, 8), dt.date(2026, 6, 22)]


def test_about_the_co_op_is_the_role_not_the_company():
    text = (
        "Data Analyst Co-op\nAcme Health\n\nAbout the Co-op\nOur Population Health Analytics group "
        "turns claims data into dashboards. This is a 6-month co-op beginning Monday, July 6, 2026."
    )
    posting = parse_posting(text)
    assert (posting.team, posting.start_dates) == (
        "Population Health Analytics",
        [dt.date(2026, 7, 6)],
    )


@pytest.mark.parametrize(
    ("title", "want"),
    [
        # "New Graduate" names the role; the year beside it is the job's.
        ("Software Engineer, New Graduate – Billing Platform (2026)", 2026),
        ("Software Engineer (graduating 2026)", None),
    ],
)
def test_year_in_a_new_grad_title(title, want):
    assert parse_posting(f"{title}\nAcme\n\nWhat you'll do\nBuild billing.").year == want


def test_a_month_and_year_far_into_a_long_line_is_no_start_date():
    # A degree completed by "May 2026" deep in a long bullet: the search window around "May"
    # must not cut "2026" to a day.
    filler = "Mechanical Engineering, Civil Engineering, Architecture or a related field, " * 3
    text = (
        "Project Engineer – New Graduate\nAcme\n\nStart date: Monday, June 15, 2026.\n\n"
        f"Requirements\n* Bachelor's degree in {filler}completed by your start date "
        "(December 2025 and May 2026 graduates encouraged to apply)\n"
    )
    assert parse_posting(text).start_dates == [dt.date(2026, 6, 15)]


def test_offices_listed_with_bare_towns_are_the_companys():
    text = (
        "Assistant Project Engineer\nAcme\nCharlotte, NC, US\n\nJob Description\nAcme is a "
        "contractor founded in 1978. With offices in Charlotte, Raleigh and Greenville, SC and "
        "650 employees, we build HVAC systems."
    )
    assert parse_posting(text).locations == ["Charlotte, NC, US"]


def test_a_team_inside_the_labelled_organization_is_the_hires():
    text = (
        "Validation Intern\nAcme\n\nDescription\nThe Memory Subsystem Validation team, part of the "
        "Client Silicon Group, is looking for interns to bring up our controller.\n\n"
        "Job: Engineering\nOrganization: Client Silicon Group\nSchedule: Full-time\n"
    )
    assert parse_posting(text).team == "Memory Subsystem Validation"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Software Engineer Intern\nAcme\n\nQualifications\n- BS or MS in Computer Science\n"
            "PhD students should apply to the separate Software Engineering Intern, PhD posting "
            "rather than this one.",
            ["BS", "MS"],
        ),
        (
            "Quant Dev Intern\nAcme\n\nRequirements\n- Bachelor's or Master's in CS\n> **PhD "
            "students:** this role isn't for you - please apply to our research programme.",
            ["BS", "MS"],
        ),
        # Sent to a programme with the same door, not elsewhere: still asked for.
        (
            "Software Engineer Intern\nAcme\n\nQualifications\n- BS, MS or PhD in Computer Science\n"
            "PhD students should apply to this posting too.",
            ["BS", "MS", "PhD"],
        ),
    ],
)
def test_degrees_sent_to_another_posting(text, want):
    assert parse_posting(text).degree_levels == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A link under the company's name is one of the title's meta lines, not a job list.
        (
            "Jobsdb\n\nTechnology Summer Analyst Programme 2026\nSai Kung Partners Limited\n"
            "View all jobs\n\nQuarry Bay, Hong Kong SAR\nInternship\n\nAbout Sai Kung Partners\n"
            "We have offices in Hong Kong, Singapore and London.\n",
            ["Quarry Bay, Hong Kong SAR"],
        ),
        # A board's two-column panel, a city's postal district, a ward, a state and postcode.
        ("Intern\nAcme\n\nLocation       London\nSalary         £28,000 pa\n", ["London"]),
        ("Intern\nAcme\n\nLocation: Dublin 2, Ireland\n", ["Dublin 2, Ireland"]),
        ("Intern\nAcme\n\nLocation: Minato-ku, Tokyo, Japan\n", ["Minato-ku, Tokyo, Japan"]),
        ("Intern\nAcme\nSydney NSW 2000  |  Internship  |  Technology\n", ["Sydney NSW 2000"]),
        ("Intern\nAcme\nNSW 2000  |  Internship\n", []),
    ],
)
def test_locations_as_other_countries_write_them(text, want):
    assert parse_posting(text).locations == want


def test_a_bare_dollar_in_sydney_is_australian():
    text = "Software Intern\nAcme\nSydney NSW 2000  |  Internship\n\nPay\n$95,000 p.a. (pro rata) + super\n"
    assert pay(text) == (95_000, 95_000, "AUD", "year")


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("Quantitative Developer Intern – Summer 2026 (Dublin)", None),
        ("Software Engineer - Fresher (2025/2026 Batch)", None),
        (
            "Energy Trading Intern (Praktikum) – Short-Term Power Trading",
            "Short-Term Power Trading",
        ),
        ("Data Engineering Co-op Student – Winter 2027 (Jan–Apr)", None),
        ("Electronics Engineer – Year in Industry", None),
        ("Data Analyst Intern - Acme - Nashville, TN", None),
        ("Data Analyst Intern - Payments - Nashville, TN", "Payments"),
    ],
)
def test_title_parts_that_are_no_team(title, want):
    assert parse_posting(f"{title}\nAcme\n\nWhat you'll do\nAnalyse data.").team == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A hard-wrapped line goes on: the start word on one line, the date on the next.
        (
            "Placement\nAcme\n\nAbout the placement\nYou'll join for a 12-month placement starting\n"
            "on Monday 7th September 2026, working alongside engineers.",
            [dt.date(2026, 9, 7)],
        ),
        # British spelling of the programme's heading.
        (
            "Summer Analyst Programme 2026\nAcme\n\nAbout Acme\nAn investment bank.\n\nThe Programme\n"
            "A 10-week paid internship running from 8 June to 14 August 2026.",
            [dt.date(2026, 6, 8)],
        ),
    ],
)
def test_start_dates_in_wrapped_and_british_pages(text, want):
    assert parse_posting(text).start_dates == want


def test_internship_duration_listed_under_what_we_offer():
    text = "Praktikum\nAcme GmbH\n\nWhat we offer\n• Internship duration of 6 months, start on 01.04.2026\n"
    assert parse_posting(text).duration_weeks == 26


def test_a_member_of_the_team():
    text = "Software Intern\nAcme\n\nAbout the program\nYou'll spend 10 weeks as a member of our Trading Systems team."
    assert parse_posting(text).team == "Trading Systems"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The board's domain atop the page is its logo.
        ("naukri.com\nJobs   Companies   Services\n\nSoftware Engineer - Fresher\nTungabhadra Cloudworks\n3.9 ★\n", "Tungabhadra Cloudworks"),
        # A board's menu of wide-set items, one of four words, is no title.
        ("Bright Network\nOpportunities  Events  Advice  Bright Network Academy  Internship Experience UK 2026\nMy Dashboard   Messages (2)   Profile\n\n← Back to opportunities\n\nTECHNOLOGY\nTechnology Summer Internship 2026\nHalcyon Ledger\n\nAbout the role\nHalcyon Ledger builds payment rails. At Halcyon Ledger you ship code.\n", "Halcyon Ledger"),
    ],
)  # fmt: skip
def test_company_under_a_boards_logo_and_menu(text, want):
    assert parse_posting(text).company == want


def test_a_printed_pages_running_header_is_no_title():
    text = (
        "Veltrane Dynamics Inc. — Co-op & Internship Opportunities                 Page 1 of 2\n\n"
        "POWER ELECTRONICS HARDWARE CO-OP STUDENT (FALL 2026)\n"
        "Posting ref: VD-2611        Issued: November 4, 2025        Closes: December 1, 2025\n\n"
        "About Veltrane                                 Location: Burnaby, BC (on-site)\n"
        "Veltrane designs inverters.                    Work term: 4 months\n"
    )
    posting = parse_posting(text)
    assert (posting.title, posting.posted_date, posting.locations) == (
        "POWER ELECTRONICS HARDWARE CO-OP STUDENT (FALL 2026)",
        dt.date(2025, 11, 4),
        ["Burnaby, BC"],
    )


def test_a_location_label_in_another_jobs_card_column_stays_the_cards():
    text = (
        "Data Intern\nAcme\nAustin, TX\n\nSimilar jobs\n"
        "Firmware Intern                  Location: Boston, MA\n"
    )
    assert parse_posting(text).locations == ["Austin, TX"]


def test_a_university_portals_header_is_no_title():
    text = (
        "Buckeye State University · Center for Career & Co-op Education\n"
        "Employer Position Description — Posting ID 48213\nPage 1 of 2\n\n"
        "Supply Chain Analytics Co-op – Spring 2026\nGreyfield Foods, Inc.\n\nPosition summary\n"
        "Reporting to the Network Planning team, the co-op will support weekly planning.\n"
    )
    posting = parse_posting(text)
    assert (posting.title, posting.team) == (
        "Supply Chain Analytics Co-op – Spring 2026",
        "Network Planning",
    )


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("Contract Frontend Engineer — Fennick Health", "contract"),
        ("Contract Manager", None),
        ("Contracts Administrator", None),
    ],
)
def test_a_title_opening_with_contract(title, want):
    assert parse_posting(f"{title}\n\nWhat you'd do\nBuild things.").employment_type == want


def test_a_title_repeated_with_other_dashes_is_no_company():
    # The page's <title> and its <h1>: one en dash, one plain.
    text = (
        "Working Student (m/f/d) – Data Engineering\n← All jobs\n"
        "Working Student (m/f/d) - Data Engineering\nData Platform · Berlin, Germany\n"
    )
    assert parse_posting(text).company is None


def test_start_dates_listed_under_a_label_line():
    text = (
        "Job Specifications\nDate posted: Nov 4, 2025\nProfession: Software Engineering\n"
        "Location: Redmond, Washington, United States\nOverview\nA 12-week paid internship.\n"
        "Summer 2026 internship start dates:\nMay 18, 2026\nJune 1, 2026\nJune 15, 2026\n"
        "Applications are accepted until January 30, 2026.\n"
    )
    posting = parse_posting(text)
    assert posting.title is None
    assert posting.start_dates == [dt.date(2026, 5, 18), dt.date(2026, 6, 1), dt.date(2026, 6, 15)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A degree word in a product name far into a long line: the window's edge must not
        # cut the look-ahead that tells "MS Excel" from a master's.
        (
            "Clerk\nAcme\n\nRequirements\nProficient software skills utilizing various "
            "applications which include, but are not limited, to the following: MS Windows, "
            "MS Outlook, MS Word, MS Excel, health care databases.",
            [],
        ),
    ],
)
def test_degrees_in_long_lines(text, want):
    assert parse_posting(text).degree_levels == want


def test_a_phd_graduate_title_names_a_cohort_year_and_no_team():
    posting = parse_posting(
        "Deep Learning Compiler Engineer - PhD Graduate 2026\nParallax\n\nAbout the team\n"
        "We are the Accelerated Compilers team (ACT). We build the graph compiler."
    )
    assert (posting.year, posting.team) == (2026, "Accelerated Compilers")


def test_an_faq_names_its_company_and_its_graduate_programmes_start():
    text = (
        "What is the job?\nThe position is offered by Aldergate, a systematic trading firm.\n"
        "When does the role start?\nThe graduate programme begins on 7 September 2026 with a "
        "six-week training course.\nWhere is it?\nLondon.\n"
    )
    posting = parse_posting(text)
    assert (posting.company, posting.start_dates) == ("Aldergate", [dt.date(2026, 9, 7)])


def test_a_graduation_season_across_a_wrapped_line_is_not_the_jobs():
    text = (
        "Electronics Placement\nAcme\n\nAbout you\n • You'll be returning to university to complete "
        "your final year after the placement, graduating\n   in summer 2028\n"
    )
    assert parse_posting(text).seasons == []


def test_team_in_a_tables_row():
    text = (
        "Quant Dev Intern – Summer 2026\nKestrel Hill Capital\n\nAt a glance\n"
        "Location | London, UK\nTeam | Execution Technology\nProgramme length | 10 weeks\n"
    )
    assert parse_posting(text).team == "Execution Technology"


def test_a_top_card_glued_under_the_menu_gives_the_title_not_a_place_for_company():
    text = (
        "Tessellate Careers Home Teams Locations Benefits Students Search roles Sign in\n"
        "Software Engineer, New Grad (2026 Start)New York, NY · Austin, TXFull-timeEngineering"
        "Posted 5 days agoApply for this jobSave About TessellateTessellate makes the "
        "observability platform that 9,000 engineering teams use every day to find slow code.\n"
    )
    posting = parse_posting(text)
    assert posting.title == "Software Engineer, New Grad (2026 Start)"
    assert posting.company != "New York, NY"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("FPGA Intern\nAcme\n\nDuties\n* Write small bare-metal C drivers for the on-chip Arm cores\n", ["C"]),
        ("Red Team Co-op\nAcme\n\nRequirements\n- Scripting in Python; ability to read and modify C.\n", ["Python", "C"]),
        ("Planner\nCity of Acme\n\nLicense: A valid California Class C Driver License may be required.\n", []),
        ("Site Inspector Co-op\nAcme\n\nDuties\n• Complete inspections, including Go/No-Go checks before pours\n", []),
    ],
)  # fmt: skip
def test_letter_languages_by_what_is_done_with_them(text, want):
    assert parse_posting(text).languages == want


def test_city_and_province_fields_in_either_order():
    text = (
        "Mechanical Co-op\nAcme\n\nJob - Country:Canada\nJob - Province / State:Ontario\n"
        "Job - City:Burlington\nSalary: $24.00 - $27.00 per hour\n"
    )
    posting = parse_posting(text)
    assert (posting.locations, posting.pay_currency) == (["Burlington, Ontario"], "CAD")


def test_a_forwarders_signature_lists_no_job_locations():
    text = (
        "Hi all,\nHere's the posting.\n\nPriya\nCampus Recruiting | Halvorsen Pryce LLP\n"
        "Chicago | Milwaukee | Minneapolis | Indianapolis\n\n---------- Forwarded posting ----------\n\n"
        "Audit & Assurance Intern – Winter 2027\nHalvorsen Pryce LLP\nLocations: Chicago, IL; Milwaukee, WI\n"
        "Our interns start on Tuesday, January 5 (the firm is closed Monday, January 4).\n"
    )
    posting = parse_posting(text)
    assert posting.locations == ["Chicago, IL", "Milwaukee, WI"]
    assert posting.start_dates == [dt.date(2027, 1, 5)]


def test_more_openings_on_a_team_are_other_jobs():
    text = (
        "Perception Intern\nAcme\nPittsburgh, PA\n\nMore openings on the Autonomy team\n"
        "Perception Engineer II — Pittsburgh, PA / Boston, MA — $145,000–$175,000/yr\n"
        "Simulation Engineer — Remote (US) — $130,000–$160,000/yr\n"
    )
    assert parse_posting(text).locations == ["Pittsburgh, PA"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A glued "About the team" heading before the sentence's subject.
        (
            "ML Systems Intern\nAcme\n\nAbout the teamThe Compiler & Runtime group turns PyTorch "
            "graphs into code: graph lowering, kernel scheduling, memory planning and autotuning.",
            "Compiler & Runtime",
        ),
        # Hired into a group the sentence calls a team; a bold name, "a team of four".
        (
            "Offensive Security Co-op\nAcme\n\nThe role\nWe're hiring Spring 2027 co-ops into the "
            "Adversary Emulation group, the team that plans intrusion exercises.",
            "Adversary Emulation",
        ),
        (
            "Product Design Intern\nAcme\n\nThe role\nYou'll join **Growth Design**, a team of four "
            "designers inside the Growth tribe.",
            "Growth Design",
        ),
        # Examples after a subject that is no team stay examples.
        (
            "Intern\nAcme\n\nAbout\nOur teams, such as Search, Ads, Maps and Cloud, ship fast.",
            None,
        ),
    ],
)
def test_team_as_a_sentences_subject_or_object(text, want):
    assert parse_posting(text).team == want


def test_an_application_forms_drop_down_names_no_season():
    text = (
        "Physical Design Engineer, New College Grad\nAcme\n\nApply for this job\nGraduation term *\n"
        "Select...   (Fall 2025 / Spring 2026 / Summer 2026)\n"
    )
    assert parse_posting(text).seasons == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Graduate Engineer\nAcme\nSydney NSW 2000  |  Internship\nPosted 14-Oct-2025  |  Applications close 9 November 2025\n", dt.date(2025, 10, 14)),
        ("Teacher\nAcme School\n\nDetails\n\nPosted: 05-Feb-24\n\nType: Full Time\n", dt.date(2024, 2, 5)),
        ("Research Intern\nAcme Lab\n\nAnnouncement date: November 17, 2025\nApplication deadline: January 9, 2026\n", dt.date(2025, 11, 17)),
    ],
)  # fmt: skip
def test_posted_dates_written_with_dashes_and_announcements(text, want):
    assert parse_posting(text).posted_date == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Co-op\nAcme\n\nProgram\nThis is a 6-month Fall co-op. Co-op start dates for the Fall 2026 "
            "term:\n- Monday, August 24, 2026\n- Tuesday, September 8 (following Labor Day, September 7)\n",
            [dt.date(2026, 8, 24), dt.date(2026, 9, 8)],
        ),
        (
            "Job Specifications\nPlease note our 2026 start dates when listing your availability:\n"
            "Tuesday, May 26 (the day after Memorial Day, May 25)\nMonday, June 8\nMonday, June 22\n",
            [dt.date(2026, 5, 26), dt.date(2026, 6, 8), dt.date(2026, 6, 22)],
        ),
    ],
)
def test_start_dates_listed_with_notes_under_a_long_label(text, want):
    assert parse_posting(text).start_dates == want


def test_an_faq_says_whom_the_role_is_with():
    text = (
        "Frequently Asked Questions\n\nWhich company is hiring for this role?\nThe role is with "
        "Harborcart, the online marketplace.\n\nWhere is it?\nSeattle, WA.\n\nIs it paid?\nYes.\n"
    )
    assert parse_posting(text).company == "Harborcart"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A cookie banner between a careers menu and the title is no posting body.
        (
            "Skip to main content\nCorridan\nCareers\nSearch jobs\nLife at Corridan\nBenefits\nSign in\n\n"
            "We use cookies to improve your experience. By continuing, you agree to our use of "
            "cookies. Accept all  Reject non-essential\n\n< Back to search results\n\n"
            "Software Engineer Intern (Summer 2026)\nJob ID: 2025-118402\n\nOverview\nWe build.\n",
            "Software Engineer Intern (Summer 2026)",
        ),
        # A one-word badge repeated in the details box is no title.
        (
            "Handshake\nHome\nJobs\nEvents\n\nPlinth Health\nHealthcare · 51-200 employees\n\n"
            "UX Design Intern (Summer 2026)\nApply externally\n\nAt a glance\nPaid $30/hr\nInternship\n"
            "Remote (US)\n\nJob description\nDesign things.\n\nJob type\nInternship\n",
            "UX Design Intern (Summer 2026)",
        ),
        # A note's lower-case heading above the saved page.
        (
            "internship apps — week of Nov 10\nsaved this one from their careers site!!\n"
            "Fernleaf Careers\nProduct Design Intern (Summer 2026)\nDesign · Internship\n",
            "Product Design Intern (Summer 2026)",
        ),
    ],
)
def test_title_past_banners_badges_and_notes(text, want):
    assert parse_posting(text).title == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Tech Support\nAcme\n\nRequirements\n* 6+ months of help desk or tech support experience\n",
            None,
        ),
        (
            "Data Labeler\nAcme\n\nTerms\nWe ask for 40 hours per week for a duration of 6-12+ months.\n",
            26,
        ),
    ],
)
def test_a_floor_on_experience_is_no_length(text, want):
    assert parse_posting(text).duration_weeks == want


def test_zone_lines_naming_their_places_are_zones():
    text = (
        "SWE Intern\nAcme\n\nCompensation\nThe US base pay for this internship varies by zone:\n"
        "Zone A (Seattle, Sunnyvale, New York): $48.00/hr – $58.00/hr\nZone B: $44.00/hr – $53.00/hr\n"
        "Zone C: $42.00/hr – $50.00/hr\n"
    )
    assert pay(text) == (42, 58, "USD", "hour")


def test_hired_into_our_offices():
    text = (
        "Where would I work?\nTechnology Summer Analysts are hired into our New York, NY; Jersey "
        "City, NJ; and Charlotte, NC offices.\nIs it paid?\nYes.\nWho can apply?\nStudents.\n"
    )
    assert parse_posting(text).locations == ["New York, NY", "Jersey City, NJ", "Charlotte, NC"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Product Design Intern\nAcme\n\nAbout the team\nYou'll sit within Creator Tools, the "
            "design pod responsible for everything our community uses to publish.",
            "Creator Tools",
        ),
        (
            "Data Assistant (Part-Time)\nAcme Food Bank\n\nThe role\nOur Programs & Impact "
            "department is responsible for measuring what our pantries deliver.",
            "Programs & Impact",
        ),
    ],
)
def test_team_as_a_pod_or_department(text, want):
    assert parse_posting(text).team == want


def test_a_company_named_as_its_regions_leader():
    text = (
        "Data Science Intern – Pricing\nAmsterdam, Netherlands (Hybrid)\n\nApply\n\n"
        "Tulpa is Europe's fastest-growing marketplace for second-hand furniture.\n\n"
        "About the team\nTulpa's team of twelve owns price suggestions.\n"
    )
    assert parse_posting(text).company == "Tulpa"


def test_the_programs_length_under_additional_information():
    text = (
        "Gameplay Intern\nAcme Games\n\nQualifications\n- C++\n\nAdditional Information\n\n"
        "Program: The internship runs 10 to 12 weeks. Interns work on-site.\n\n"
        "Acme is an equal opportunity employer.\n"
    )
    assert parse_posting(text).duration_weeks == 10


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kestrelgate Careers\nSearch roles: [ quant developer ]   Location: [ All locations ▾ ]   "
            "Team: [ Technology ▾ ]\n\nQuantitative Developer Intern – Risk Technology (Summer 2026)\n",
            "Quantitative Developer Intern – Risk Technology (Summer 2026)",
        ),
        (
            "Veldmark Careers\nJob search: [ Werkstudent embedded ]   [ München ]   Search\n\n"
            "Working Student (m/f/d) Embedded Software – Battery Management Systems\n",
            "Working Student (m/f/d) Embedded Software – Battery Management Systems",
        ),
    ],
)
def test_a_search_forms_fields_are_no_title(text, want):
    assert parse_posting(text).title == want


def test_a_relative_age_with_its_day_in_brackets():
    text = "Data Intern\nAcme\n\nPosted Date\n2 weeks ago (11/4/2025 9:12 AM)\n"
    assert parse_posting(text).posted_date == dt.date(2025, 11, 4)


def test_canadas_dollar_sign_is_no_c():
    text = (
        "Quant Developer Intern\nAcme Capital\n\nAbout us\nAcme manages C$38 billion for pension "
        "plans.\n\nWhat you'll do\nWrite production code in C++ and Python for our risk engine.\n"
    )
    assert parse_posting(text).languages == ["C++", "Python"]


def test_british_programme_length_and_a_metro_areas_range():
    text = (
        "Quant Research Intern\nAcme\n\nThe internship\nIt is a 10-week programme running from Monday "
        "29 June 2026. Interns then spend nine weeks on a research project.\n\nPay\nThe typical base "
        "pay range across the U.S. is $48.00 – $62.00 per hour. In the San Francisco Bay Area and New "
        "York City metropolitan areas, the base pay range is $53.00 – $68.00 per hour.\n"
    )
    posting = parse_posting(text)
    assert (posting.duration_weeks, posting.pay_min, posting.pay_max) == (10, 48, 62)


def test_an_faq_page_title_ending_in_faq_is_no_title():
    text = (
        "# Engineering Internship Program — Frequently Asked Questions\n\nWho can apply?\nStudents.\n"
        "Is it paid?\nYes.\nWhere is it?\nArlington, VA.\n"
    )
    assert (parse_posting(text).title, parse_posting(text).team) == (None, None)


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        ("PM Intern\nAcme\n\nThe role\nYou'll be embedded in the Care Navigation product pod, with a designer.\n", "team", "Care Navigation"),
        ("Working Student\nAcme GmbH\nPublication date: 04.11.2025\n\nProfile\n- Availability of 16–20 hours per week, for a minimum of 6 months\n", "duration_weeks", 26),
        ("Working Student\nAcme GmbH\nPublication date: 04.11.2025\n\nProfile\n- Python\n", "posted_date", dt.date(2025, 11, 4)),
    ],
)  # fmt: skip
def test_pods_availability_and_publication_dates(text, field, want):
    assert getattr(parse_posting(text), field) == want
