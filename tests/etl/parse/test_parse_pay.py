"""Pay: every common written form, and the money that is not base pay."""

from __future__ import annotations

import pytest

from etl.parse import parse_posting


def pay(text: str):
    p = parse_posting(text)
    return p.pay_min, p.pay_max, p.pay_currency, p.pay_period


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Hourly Compensation:\n- The hourly rate range for this position is $45 – $60.",
            (45, 60, "USD", "hour"),
        ),
        ("Pay: $45-60/hr", (45, 60, "USD", "hour")),
        ("Salary: USD 120,000 - 150,000 annually", (120_000, 150_000, "USD", "year")),
        (
            "Monthly stipend for interns... no. Compensation: $8,000~$9,500 per month",
            (8_000, 9_500, "USD", "month"),
        ),
        (
            "The base pay for this position ranges from $47.84/hr in our lowest geographic market "
            "up to $96.15/hr in our highest geographic market.",
            (47.84, 96.15, "USD", "hour"),
        ),
        (
            "The base salary range for this role is $130,000 - $165,000.",
            (130_000, 165_000, "USD", "year"),
        ),
        ("Salary: $40 - $45K per year", (40_000, 45_000, "USD", "year")),
        ("Starting Salary: $65k to $75k", (65_000, 75_000, "USD", "year")),
        ("Salary Description\n93,000 to $114,000", (93_000, 114_000, "USD", "year")),
        (
            "Pay Range: $21.16 - $34.04 per hourA list of our benefit offerings is online",
            (21.16, 34.04, "USD", "hour"),
        ),
        ("Compensation: $102,000- $142,000 CAD", (102_000, 142_000, "CAD", "year")),
        ("The monthly salary for this role is CAD 7,800 – 8,400.", (7_800, 8_400, "CAD", "month")),
        ("Gehalt: €50.000 - €60.000 pro Jahr, annual", (50_000, 60_000, "EUR", "year")),
        ("Salary: £38,000 - £45,000", (38_000, 45_000, "GBP", "year")),
        ("Salary: $23.00/hr", (23, 23, "USD", "hour")),
        ("Pay Range: $15.00 - $22.50 - $30.00", (15, 30, "USD", "hour")),
        ("Min: $138,800\nMid: $156,000\nMax: $208,200 per year", (138_800, 208_200, "USD", "year")),
        (
            "Pay zones: Zone A: $185,000 - $220,000. Zone B: $165,000 - $198,000. Zone C: $150,000 - $180,000.",
            (150_000, 220_000, "USD", "year"),
        ),
        (
            "Salary: $130,000.00 USD Annually - $150,000.00 USD Annually",
            (130_000, 150_000, "USD", "year"),
        ),
        ("$7,650/month to $12,134/month + benefits", (7_650, 12_134, "USD", "month")),
        ("Rate/Salary: $60 to $70/hr on w2 (DOE)", (60, 70, "USD", "hour")),
        (
            "The hourly rate is **_$ 75/h. – $80/h._** Candidates will be paid",
            (75, 80, "USD", "hour"),
        ),
        ("The hourly rate is $75/hr. - $80/hr. on W-2.", (75, 80, "USD", "hour")),
        # A Markdown escape kept from the page's source between the two ends.
        (
            "In Germany, the base compensation range for this role is €117,420 \\- €146,775.",
            (117_420, 146_775, "EUR", "year"),
        ),
        ("Base compensation range: CAD 146,409\\- CAD 175,691.", (146_409, 175_691, "CAD", "year")),
        # What comes on top after a comma is still on top.
        (
            "The United States base range for this position is $122,716.00 - $175,308.00, plus "
            "equity. The benefits available for this position include health insurance.",
            (122_716, 175_308, "USD", "year"),
        ),
        # Geographic tiers named "Premium": tiers, not an insurance premium.
        (
            "The new-hire base salary range for this position is:\n\n* National: $121,000 - "
            "$162,000\n* Premium: $137,000 - $183,000\n* Premium Plus: $152,000 - $203,000",
            (121_000, 203_000, "USD", "year"),
        ),
        # The label glued to the next heading, after the amount: the label still counts.
        (
            "The Site Lead will be eligible for$95,000 - $120,000 base salaryQuarterly bonus plan",
            (95_000, 120_000, "USD", "year"),
        ),
        (
            "The Site Lead will be eligible for$95,000 - $120,000 base salaryAnnual bonus and equity",
            (95_000, 120_000, "USD", "year"),
        ),
        (
            "Why join us? This position starts at $72,500 and includes a pension.",
            (72_500, 72_500, "USD", "year"),
        ),
        (
            "Pay: starting at $20 an hour\nPay zone: Zone 1 (Denver, Boulder): $22/hr; "
            "Zone 2 (all other Colorado locations): $20/hr",
            (20, 22, "USD", "hour"),
        ),
        (
            "The target compensation is $136,000 USD base.\n* Zone 2: $136,000 USD\n"
            "* Zone 3: $102,000 USD\n* Zone 4: $68,000 USD",
            (68_000, 136_000, "USD", "year"),
        ),
        ("Salary Range: $24.00 - $38.00 Hourly", (24, 38, "USD", "hour")),
        ("Hourly rate: 28.50 - 33.00 USD", (28.5, 33, "USD", "hour")),
        ("Pay: CA$30–35/hour", (30, 35, "CAD", "hour")),
        # A decade placed low/mid/high within it.
        ("Salary range: high $60,000s to mid $70,000s DOE", (67_000, 75_000, "USD", "year")),
        ("Salary: Low $90Ks - Mid $90Ks", (90_000, 95_000, "USD", "year")),
        ("Pay: upper $50,000s", (57_000, 57_000, "USD", "year")),
        # A space between thousands, and currency codes after the amount.
        (
            "The expected salary range is between 190 000 and 240 000 PLN gross/year.",
            (190_000, 240_000, "PLN", "year"),
        ),
        (
            "Employment contract (14 500 - 17 000 PLN gross/monthly)",
            (14_500, 17_000, "PLN", "month"),
        ),
        ("Salary: 640,000 - 880,000 SEK per year", (640_000, 880_000, "SEK", "year")),
        ("Salary: 198,000 - 240,000 BRL", (198_000, 240_000, "BRL", "year")),
        # Empty emphasis left in a range by a page's markup.
        ("The annual pay range is US$98,500 **** to US$131,200.", (98_500, 131_200, "USD", "year")),
        # A board's pay mark is its pay field, whatever follows the figures.
        (
            "Platform Engineer\nAcme\n💰 $118,000 - $162,000 + bonus + equity 🌎 Remote\n"
            "Compensation\nPay range: $118,000 USD to $162,00 USD plus bonus.",
            (118_000, 162_000, "USD", "year"),
        ),
        # What follows a "+" or "plus" comes on top of the pay.
        (
            "Base salary ranges:\n\nZone A: $118,000 - $150,000 + equity + benefits\n\n"
            "Zone B: $131,000 - $166,000 + equity + benefits",
            (118_000, 166_000, "USD", "year"),
        ),
        (
            "The base salary, across levels, ranges between $170,000 to $290,000 plus benefits & equity.",
            (170_000, 290_000, "USD", "year"),
        ),
        (
            "Depending on experience, you can expect to make between $5,000 and $8,000 USD per month "
            "upon joining the company.",
            (5_000, 8_000, "USD", "month"),
        ),
        # Benefit bullets under a "Compensation" heading are not pay; the salary line is.
        (
            "Compensation: Includes annual salary between $150K - $210K depending on experience.\n"
            "  * $2,000 annual vacation bonus (we pay you to take a two week vacation)\n"
            "  * $4,000 annually for professional development and educational assistance",
            (150_000, 210_000, "USD", "year"),
        ),
        # A pay word right after the amount names it, whatever stands before it.
        (
            "Pay + commission plan including a $55,000/year base salary and uncapped "
            "commissions. Most reps earn over $90,000 per year by their second year.",
            (55_000, 55_000, "USD", "year"),
        ),
        # An intern's allowance is their pay, even listed under benefits.
        (
            "What we offer\n- Internship allowance of €2,200 gross per month\n"
            "- 30 days of vacation per year",
            (2_200, 2_200, "EUR", "month"),
        ),
        (
            "Benefits:\n* Trainee allowance: €1,500 per month\n* Free lunch",
            (1_500, 1_500, "EUR", "month"),
        ),
        ("Perks\n- Intern allowance of £1,800 a month", (1_800, 1_800, "GBP", "month")),
        ("If hired, you will make $20/hr.", (20, 20, "USD", "hour")),
        # India: lakhs, "LPA", two-digit grouping, "Rs."; a "Stipend:" field is the intern's pay.
        ("CTC: ₹6-8 LPA", (600_000, 800_000, "INR", "year")),
        (
            "The salary range for this role is 20 to 45 lakhs INR per annum (Gross)",
            (2_000_000, 4_500_000, "INR", "year"),
        ),
        ("Salary: INR 12,00,000 - 15,00,000 per annum", (1_200_000, 1_500_000, "INR", "year")),
        ("Salary: Rs. 25,000/month", (25_000, 25_000, "INR", "month")),
        (
            "Stipend: ₹ 15,000 - 20,000 /month\nApply By: 28 Nov' 25",
            (15_000, 20_000, "INR", "month"),
        ),
        ("Stipend: INR 25,000 per month", (25_000, 25_000, "INR", "month")),
        ("Salary: ¥6,000,000 - ¥8,000,000 per year", (6_000_000, 8_000_000, "JPY", "year")),
        # Europe writes the symbol after the figure, and its own words for gross and period.
        ("Salary: 30.000 - 40.000 € brutto/Jahr", (30_000, 40_000, "EUR", "year")),
        ("Salaire : 50-60K€ Brut/an", (50_000, 60_000, "EUR", "year")),
        ("Your starting salary will be 3000€ per month.", (3_000, 3_000, "EUR", "month")),
        ("Salaris: €3.200 - €4.100 bruto per maand", (3_200, 4_100, "EUR", "month")),
        # A benefit word leading to the next amount speaks of that amount, not this one.
        (
            "Program details\nInterns earn $42 per hour and receive a housing stipend of "
            "$3,000 per month.",
            (42, 42, "USD", "hour"),
        ),
        (
            "Compensation: $25/hr, with a $1,000 relocation bonus for those who move.",
            (25, 25, "USD", "hour"),
        ),
    ],
)
def test_pay_forms(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Comprehensive parental leave and fertility treatment with a $20,000 lifetime maximum.",
        "We have raised $300M in Series F funding, valuing the company at $3.6 Billion.",
        "Interns get a $150/month wellness budget and a $500 learning stipend.",
        "Relocation bonus of $5,000 for eligible hires.",
        "Manage projects ranging in size from $50,000 to $4 million.",
        "Basic Life Insurance up to $50,000.",
        "Employees can earn up to $600/year through the wellness program.",
        "A background check costs $30 (covered by the candidate).",
        "Our customers process over $13-17M per year through the platform.",
        "We are a fast-growing team. Apply today!",
        "Our top 50,000s of customers love us.",
        "We have 3 000 customers in 12 countries.",
        "Benefits: food vouchers of 2,900 MXN / month and a subsidy for glasses (250 PLN/year).",
        "Benefits\n- Home office allowance of €500 per year\n- Phone allowance of €30 per month",
        "Benefits\n* Stipend: $100/month for your phone plan",
        "Perks\n- Learning stipend: $500 per year",
        # Too little to be anyone's yearly pay: a perk.
        "Sport: 350€ per year paid by the company to take care of your health",
        "Treat Yourself Days: we'll pay you $100 per year to take a day off.",
        "We have 3 lakh users across India.",
        # The reader's current pay, not this job's.
        "If you make less than $50,000 a month right now and like real estate, apply.",
        "If you are currently earning $20/hr, you can double it here.",
        "If you're making $60k a year in retail, talk to us.",
    ],
)
def test_money_that_is_not_pay(text):
    assert pay(text) == (None, None, None, None)


def test_a_later_raise_is_not_the_starting_pay():
    text = (
        "Starting Salary: $62K - $70K starting base salary\n"
        "Compensation: salary + bonus + commission\n"
        "Expect a yearly increase, a predictable raise up to $98K base salary after three years."
    )
    assert pay(text) == (62_000, 70_000, "USD", "year")


def test_an_insurance_premium_after_the_pay_is_no_pay_tier():
    text = (
        "The new-hire base salary range for this position is:\n\n* National: $121,000 - $162,000"
        "\n\nBenefits\n* Insurance premium: $1,200 - $3,000 per year, paid by us"
    )
    assert pay(text) == (121_000, 162_000, "USD", "year")


def test_unlabelled_figure_gets_a_period_only_when_unambiguous():
    # 5,000 could be monthly or a one-off; 95,000 can only be a year; 42 only an hour.
    assert pay("Compensation: $5,000")[3] is None
    assert pay("Compensation: $95,000")[3] == "year"
    assert pay("Compensation: $42")[3] == "hour"


def test_every_stated_range_is_kept_with_its_span():
    text = "Pay zones: Zone A: $185,000 - $220,000. Zone B: $165,000 - $198,000."
    p = parse_posting(text)
    assert [(r.min, r.max) for r in p.pay_ranges] == [(185_000, 220_000), (165_000, 198_000)]
    for r in p.pay_ranges:
        assert text[r.start : r.end].startswith("$")


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Software Developer Co-op\nAcme\nToronto, ON\n\nPay: $26.50 - $30.00/hour", "CAD"),
        ("Data Analyst\nAcme\nRemote (Canada)\n\nSalary: $80,000 - $95,000 per year", "CAD"),
        (
            "Graduate Engineer\nAcme\nSydney, NSW, Australia\n\nSalary: $85,000 - $95,000 per year",
            "AUD",
        ),
        ("Graduate Engineer\nAcme\nSingapore\n\nSalary: $4,500 - $5,500 per month", "SGD"),
        # Places in two countries, or a currency written out, leave "$" as stated.
        (
            "Backend Engineer\nAcme\nSeattle, WA; Vancouver, BC\n\nSalary: $120,000 - $150,000 per year",
            "USD",
        ),
        ("Backend Engineer\nAcme\nToronto, ON\n\nSalary: US$90,000 - US$110,000 per year", "USD"),
        ("Backend Engineer\nAcme\nToronto, ON\n\nSalary: USD 90,000 - 110,000 per year", "USD"),
    ],
)
def test_a_bare_dollar_is_the_dollar_of_the_country_the_job_is_in(text, currency):
    assert parse_posting(text).pay_currency == currency


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Annual Salary Range: 98,000.00 - 147,000.00", (98_000, 147_000, None, "year")),
        ("Annualized Base Pay Range: 150K - 225K", (150_000, 225_000, None, "year")),
        ("Pay rate: 18.50 - 22.00 per hour", (18.5, 22, None, "hour")),
        # Figures after a pay word that are no pay.
        ("Pay: 20-25 years of experience is expected.", (None, None, None, None)),
        ("Compensation: 401k - 403b plans for everyone", (None, None, None, None)),
    ],
)
def test_pay_without_any_currency_keeps_its_figures(text, want):
    assert pay(text) == want


def test_benefit_amounts_under_a_pay_heading_are_no_pay_range():
    p = parse_posting(
        "Compensation\nPay range: $41.00 - $55.00 per hour\n"
        "Interns receive paid holidays and a $750 wellness reimbursement."
    )
    assert [(r.min, r.max) for r in p.pay_ranges] == [(41, 55)]


def test_geographic_tiers_named_national_and_premium_are_pay_zones():
    p = parse_posting(
        "The new-hire base salary range for this position is:\n* National: $121,000 - $162,000\n"
        "* Premium: $137,000 - $183,000\n* Premium Plus: $152,000 - $203,000"
    )
    assert (p.pay_min, p.pay_max) == (121_000, 203_000)
    assert len(p.pay_ranges) == 3


def test_a_general_range_is_primary_over_one_for_a_single_state():
    p = parse_posting(
        "Compensation\nPay range: $41.00 - $55.00 per hour\nColorado pay range: $43 - $57/hr"
    )
    assert (p.pay_min, p.pay_max) == (41, 55)
    assert len(p.pay_ranges) == 2


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The typical base pay range for this role across the U.S. is USD $7,210 - $12,030 per "
            "month. There is a different range applicable to specific work locations, within the "
            "San Francisco Bay area and New York City metropolitan area, and the base pay range "
            "for this role in those locations is USD $9,440 - $13,270 per month.",
            (7_210, 12_030),
        ),
        (
            "The typical base pay range for this role across the U.S. is: $115,000/year - "
            "$200,000/year + bonus. There is a different range applicable to specific work "
            "locations. For Colorado, the salary range is: $135,000 - $175,000 + bonus.",
            (115_000, 200_000),
        ),
    ],
)
def test_the_range_that_claims_no_exception_is_the_general_one(text, want):
    p = parse_posting(text)
    assert (p.pay_min, p.pay_max) == want
    assert len(p.pay_ranges) == 2


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Summer 2026, 12 weeks. The monthly stipend for this role is $9,000.",
            (9_000, 9_000, "USD", "month"),
        ),
        (
            "Stipend for the internship is approximately $3,500 per month.",
            (3_500, 3_500, "USD", "month"),
        ),
        (
            "Interns receive a $150 monthly stipend for phone and internet.",
            (None, None, None, None),
        ),
    ],
)
def test_the_roles_own_stipend_is_its_pay(text, want):
    assert pay(text) == want


def test_a_low_end_named_after_its_figure_opens_a_range():
    p = parse_posting(
        "The typical base pay range for this role across the U.S. is USD $144,500 in the lowest "
        "geographic market and up to $171,000 per year in our highest geographic market."
    )
    assert (p.pay_min, p.pay_max, p.pay_period) == (144_500, 171_000, "year")


def test_zones_in_us_dollars_stay_apart_from_a_range_in_canadian_dollars_below():
    p = parse_posting(
        "Compensation\n"
        "  * United States (all figures cited below in USD and pertain to workers in the US)\n"
        "      * Zone A: $187,000 - $263,600\n"
        "      * Zone B: $175,000 - $247,000\n"
        "      * Zone C: $164,000 - $231,500\n"
        "  * Canada (All figures cited below in CAD and pertain to workers in ON & BC, Canada)\n"
        "      * $212,000 - $299,000\n"
    )
    assert (p.pay_min, p.pay_max, p.pay_currency, p.pay_period) == (164_000, 263_600, "USD", "year")
    canadian = [r for r in p.pay_ranges if r.currency == "CAD"]
    assert [(r.min, r.max) for r in canadian] == [(212_000, 299_000)]


def test_ranges_that_each_name_a_place_are_zones():
    p = parse_posting(
        "Compensation\nCalifornia pay range: $50 - $60 per hour\nColorado pay range: $43 - $57/hr"
    )
    assert (p.pay_min, p.pay_max) == (43, 60)


def test_figures_listed_by_place_under_a_pay_label_are_zones():
    # A bank's list: each line opens with a place, each figure written as a range of one value.
    p = parse_posting(
        "Technology Intern\nAcme Bank\n\nThe following are the pay ranges for this role:\n"
        "McLean, VA: $54,000 - $54,000 for Technology Intern\n"
        "New York, NY: $58,000 - $58,000 for Technology Intern\n"
        "Richmond, VA: $48,000 - $48,000 for Technology Intern\n\n"
        "Candidates hired to work in other locations will be subject to the pay range associated "
        "with that location."
    )
    assert pay_of(p) == (48_000, 58_000, "USD", "year")
    assert len(p.pay_ranges) == 3


def test_hourly_figures_listed_by_place_without_colons_are_zones():
    # The same list as another bank's careers site writes it: "City,ST $X Hourly".
    p = parse_posting(
        "2026 Technology Analyst Program\nAcme Bank\n\nBase Pay/Salary\n"
        "Jersey City,NJ $48.08 Hourly\nPlano,TX $45.67 Hourly\nTampa,FL $45.67 Hourly\n\n"
        "About Us\nAcme Bank serves millions of customers."
    )
    assert pay_of(p) == (45.67, 48.08, "USD", "hour")


def test_a_markdown_pay_table_by_place_reads_as_zones():
    p = parse_posting(
        "ML Intern\nAcme\n\n## Compensation\n\n| Location | Hourly rate (USD) |\n|---|---|\n"
        "| Austin, TX | $48/hr |\n| Boston, MA | $52/hr |\n| Remote (US) | $40 – $44/hr |\n"
    )
    assert pay_of(p) == (40, 52, "USD", "hour")


def test_a_place_label_alone_does_not_make_a_figure_pay():
    p = parse_posting("Our offices\nMcLean, VA: $54,000 raised for the food bank last year.")
    assert pay_of(p) == (None, None, None, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("What's on offer\n$78,000 + superannuation", (78_000, 78_000, "USD", "year")),
        ("Package: $95,000 plus super and a laptop", (95_000, 95_000, "USD", "year")),
    ],
)
def test_a_salary_with_the_pension_on_top_is_pay(text, want):
    assert pay(text) == want


def pay_of(p):
    return p.pay_min, p.pay_max, p.pay_currency, p.pay_period


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Compensation\nIntern pay: $50/hour (undergraduate), $60/hour (master's)",
            (50, 60, "USD", "hour"),
        ),
        (
            "The pay for this internship is $7,500/month for Bachelor's students and $9,000/month "
            "for Master's students.",
            (7_500, 9_000, "USD", "month"),
        ),
        (
            "Compensation: Undergraduate interns $40/hr; Graduate interns $48/hr.",
            (40, 48, "USD", "hour"),
        ),
        # A bonus beside the rate is no second level.
        (
            "Pay rate: $22.50/hour. Returning interns may also receive a $500 end-of-summer bonus.",
            (22.5, 22.5, "USD", "hour"),
        ),
    ],
)
def test_one_figure_per_degree_level_spans_the_levels(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The board shows the employer's range as "Employer est." and its own guess below it.
        (
            "Warehouse Analytics Intern\nDenver, CO\n$31.00 - $37.00 Per Hour (Employer est.)\n"
            "Apply now\n\nWe move freight across the Rockies.\n\nSalary\n"
            "$31.00 - $37.00 /hr (Employer est.)\n"
            "Glassdoor est. based on 14 salaries: $24 - $30 /hr\nMedian $27 /hr\n",
            (31, 37, "USD", "hour"),
        ),
        (
            "Junior Designer\nAustin, TX\n$52,000 - $61,000 a year (Employer's est.)\n\n"
            "About the job\nYou will design packaging for our snack brands.",
            (52_000, 61_000, "USD", "year"),
        ),
        # The site's guess alone is no pay the employer stated.
        (
            "Junior Designer\nAustin, TX\n\nAbout the job\nYou will design packaging.\n\n"
            "Pay\nEstimated based on 22 salaries: $20 - $26 /hr\n",
            (None, None, None, None),
        ),
        (
            "Junior Designer\nAustin, TX\n\nAbout the job\nYou will design packaging.\n\n"
            "Salary\n$22 - $28 /hr (Indeed est.)\n",
            (None, None, None, None),
        ),
        (
            "Pay snapshot\nMedian $27 /hr for this title in Denver\n",
            (None, None, None, None),
        ),
    ],
)
def test_the_employers_estimate_is_pay_and_the_boards_estimate_is_not(text, want):
    assert pay(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Compensation\nThe salary range for this position across the US is $95,000 - $120,000 "
            "per year. For applicants located in the Seattle or Boston metro areas, the range is "
            "$108,000 - $135,000 per year.",
            (95_000, 120_000, "USD", "year"),
        ),
        (
            "Pay\nEmployees who work in Los Angeles are paid $30 - $36 per hour. Nationally, the "
            "hourly range for this role is $26 - $32 per hour.",
            (26, 32, "USD", "hour"),
        ),
        # The whole country is no one place: that sentence states the general range.
        (
            "Compensation\nFor candidates based in the U.S., the base salary range is $100,000 - "
            "$130,000 per year. For candidates based in the Denver metro, the base salary range "
            "is $95,000 - $120,000 per year.",
            (100_000, 130_000, "USD", "year"),
        ),
    ],
)
def test_a_range_for_the_people_of_one_place_is_no_general_range(text, want):
    assert pay(text) == want


def test_a_bare_dollar_pay_field_takes_the_dollar_the_body_restates_it_in():
    p = parse_posting(
        "Kelong Robotics Pte. Ltd.\nData Engineering Intern\nPosted 10 Oct 2025\n\nInternship\n"
        "Full Time\n$2,000to$2,600\nMonthly\n\nApply now\n\nAbout the role\n"
        "You will build pipelines for our warehouse robots.\n\nWhat we offer\n"
        "• Monthly allowance of S$2,000 – S$2,600 depending on year of study\n"
        "• Laptop provided\n"
    )
    assert pay_of(p) == (2_000, 2_600, "SGD", "month")


@pytest.mark.parametrize(
    "text",
    [
        # Other figures in another dollar leave the bare "$" alone.
        "Junior Accountant\nHarbourview Ltd.\nSalary: $58,000 - $64,000 per year\n\n"
        "Note: our Auckland team is paid NZ$70,000 - NZ$80,000 per year.\n",
        # The same figures in two currencies, each named: the first stays US dollars.
        "Cloud Engineer\nSalary: USD **$150,000 - $170,000** per year\n"
        "For our Vancouver office the range is C$150,000 - C$170,000 per year.\n",
    ],
)
def test_a_dollar_named_for_other_figures_leaves_us_dollars_alone(text):
    assert pay(text)[2] == "USD"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kelong Robotics Pte. Ltd.\nData Engineering Intern\n$2,000to$2,600\nMonthly\n\n"
            "About the role\nYou will build pipelines for our warehouse robots.\n\n"
            "Similar jobs\nQA Intern\nLumen Pay Pte. Ltd.\n$900to$1,300 Monthly\nPosted 3 days ago\n",
            [(2_000, 2_600)],
        ),
        (
            "Front Desk Associate\nGreenleaf Clinic\n\nAbout the job\nGreet patients and book "
            "visits.\n\nPay: $19 - $22 an hour\n\nSimilar jobs\nMedical Receptionist\n"
            "Pay Street Health\nAustin, TX\n$24 - $29 an hour\n",
            [(19, 22)],
        ),
    ],
)
def test_pay_of_similar_jobs_listed_below_is_not_this_postings(text, want):
    p = parse_posting(text)
    assert (p.pay_min, p.pay_max) == want[0]
    assert [(r.min, r.max) for r in p.pay_ranges] == want
