"""Base pay: every stated range with currency and period, and the primary one.

Steps: find money amounts (symbol or ISO code, "k" suffixes, "$40 - $45K", "93,000 to
$114,000"), pair them into ranges ("-", "to", "~", "between … and", "from … up to"), read
the period next to each ("/hr", "per month", "USD Annually", "hourly rate" before it), then
score each candidate by where it stands: a compensation section and pay words ("salary",
"pay range", "hourly rate") count for it; benefit and business words ("lifetime maximum",
"stipend", "bonus", "revenue", "funding") and boilerplate sections count against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.model import PayRange
from etl.parse.doc import Doc
from etl.parse.patterns import alternation

# "120,000", "120.000,00", "181 000" (a space between thousands, as much of Europe writes it).
# The first digit opens the pattern, what may not stand before it is checked after it (the same
# test as a look back before it): a pattern opening with a digit lets the regex engine skip to
# digits, one opening with a look back tries every position.
_NUMBER = re.compile(
    r"(\d(?<![\w.,]\d)"
    # "12,00,000": India groups lakhs in twos.
    r"(?:\d?(?:,\d{2})+,\d{3}(?![,.]?\d)|\d{0,2}(?:([,.])\d{3})+(?:[.,]\d{1,2})?"
    r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![.,]?\d)|\d*(?:\.\d{1,2})?))(?![\d])"
)
_SYMBOL_BEFORE = re.compile(
    r"(US\$|USD\s?\$|CAD\s?\$|C\$|CA\$|A\$|AU\$|NZ\$|S\$|SG\$|HK\$|R\$|\$|€|£|¥|₹|\bRs\.?|"
    r"\b(?:USD|CAD|AUD|NZD|SGD|HKD|EUR|GBP|INR|JPY|CNY|RMB|CHF|SEK|NOK|DKK|PLN|BRL|MXN|ZAR))\s?$"
)
_AFTER = re.compile(
    r"[ ]?(?P<suffix>[kK](?![a-zA-Z])|[kK](?=s(?![a-zA-Z]))|[kK](?=[A-Z])|MM\b|[mM](?![a-zA-Z])|\s?(?:million|mil|billion|bn)\b"
    # "₹6-8 LPA", "12 lakhs per annum": India counts pay in lakhs (100,000).
    r"|\s?(?i:lpa|lakhs?|lacs?)\b)?"
    r"(?P<plus>\+)?"
    r"(?:[ ]?(?P<code>USD|CAD|AUD|NZD|SGD|HKD|EUR|GBP|INR|JPY|CHF|PLN|SEK|NOK|DKK|CZK|HUF|RON|"
    r"BRL|MXN|ZAR|dollars?\b|euros?\b|€|£))?"
)
# "High $70,000s to Mid $80,000s": a figure's decade, placed low/mid/high within it. Tenths of
# the decade for each word; posters who typed both forms wrote "high 70s" as 77,000.
_DECADE_PLACE = re.compile(r"(?i)\b(low(?:er)?|mid(?:dle)?|high|upper)[- ]?$")
_DECADE_TENTHS = {"low": 0, "lower": 0, "mid": 5, "middle": 5, "high": 7, "upper": 7}
_SYMBOL_CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "USD$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "SG$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "RS": "INR",
    "RS.": "INR",
    "RMB": "CNY",
    "DOLLAR": "USD",
    "DOLLARS": "USD",
    "EURO": "EUR",
    "EUROS": "EUR",
}
_RANGE_GLUE = re.compile(
    # "US$109,047 **** to US$169,455": empty emphasis marks left from a page are no words.
    r"^\s*(?:[*_]+\s*)?(?:(?:USD|CAD|AUD|EUR|GBP)\s*)?"
    r"(?:(?:annually|hourly|monthly|yearly|per\s+(?:hour|year|annum|month)|/\s?(?:hrs?|hour|h|yr|year|y|mo|month)\.?"
    r"|an?\s+(?:hour|year))\s*)?"
    # "€117,420 \- €146,775": a Markdown escape kept from a page's source.
    r"(?:\\?-|to|~|and|through|thru|up\s+to)\s*(?:-\s*)?$",
    re.IGNORECASE,
)
_BETWEEN_SPAN = 40
_BULLET_AFTER_BREAK = re.compile(r"\n[ \t]*[-–•*]")
_PERIOD_AFTER = re.compile(
    # German pay words arrive in English postings from Germany ("€2,000 brutto monatlich").
    r"[\s.,)*]{0,3}(?:(?:USD|CAD|AUD|EUR|GBP|CHF|US)\s*)?(?:(?:gross|brutto|bruto|base|salary|pay|pre-tax|before tax|\(?doe\)?|"
    r"\(?depending on experience\)?|plus benefits|,)\s*){0,2}"
    r"-?(?:(?P<hour>/\s?(?:hr|hour|hrs|h)|per\s+hour|an\s+hour|p/?h|/?\s?hourly|ph|hr|hrs)"
    r"|(?P<year>/\s?(?:yr|year|annum|annual)|per\s+(?:year|annum)|a\s+year|/?\s?annually|/?\s?yearly|annuali[sz]ed|annual|p\.?a\.?|/\s?y|jährlich|pro\s+jahr|/\s?jahr|per\s+jaar)"
    r"|(?P<month>/\s?(?:mo|month)|per\s+month|a\s+month|/?\s?monthly|/\s?mth|monatlich|pro\s+monat|/\s?monat|per\s+maand)"
    r"|(?P<week>/\s?(?:wk|week)|per\s+week|a\s+week|/?\s?weekly)"
    r"|(?P<day>/\s?day|per\s+day|a\s+day|/?\s?daily))"
    # Glued text is common ("$21.16 - $34.04 per hourA list"): end at anything but a lower-case letter.
    r"(?-i:(?![a-z]))",
    re.IGNORECASE,
)
# Every period word _PERIOD_AFTER or _PERIOD_WORD knows has one of these letters ("hr", "yr",
# "p.a.", "mo", "wk", "day"); most ranges ("$100,000 - $120,000") have none, and this one
# scan spares them the costly pattern.
_PERIOD_LETTER = re.compile("[hyamwdHYAMWD]")
_PERIOD_WORD = re.compile(r"(?i)\b(hourly|annually|monthly)\b")
_PERIOD_BEFORE = (
    (
        "hour",
        re.compile(
            r"\bhourly\b|\bper hour\b|\bhour(?:ly)? (?:rate|pay|wage)|\brate per hour", re.I
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:annual(?:ized)?|yearly)\b(?: base)?(?: salary| pay| compensation| base| wage)?|\bper (?:year|annum)\b",
            re.I,
        ),
    ),
    ("month", re.compile(r"\bmonthly\b|\bper month\b", re.I)),
    ("week", re.compile(r"\bweekly\b|\bper week\b", re.I)),
)
# Cue words start at a word boundary or at a glued capital ("ImmediatePay Scale"), and end at
# one or before a glued capital ("base salaryAnnual bonus"); a short word such as "Pay" in
# "PayPal" does not end before a capital.
_B = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_E = r"(?:\b|(?-i:(?<=[a-z]{4})(?=[A-Z])))"
_PAY_CUES = re.compile(
    _B
    + "(?:"
    + alternation(
        r"salary|salaries|pay(?:\s+(?:range|rate|scale|band|zone|grade))?|compensation|wage|wages|"
        r"hourly rate|rate of pay|base|remuneration|earn(?:ing)?s?|pay range|start(?:s|ing)? at|"
        r"paid|make|hiring range|rate range|range|rate|pays?|paying"
    )
    + ")"
    + _E,
    re.I,
)
_STRONG_PAY_CUES = re.compile(
    _B
    + "(?:"
    + alternation(
        r"base salary|salary range|pay range|base pay|hourly rate|pay rate|hourly compensation|"
        r"compensation range|salary|wage|wage range|hiring range|annual salary|rate/salary|"
        r"pay scale|pay band|compensation|pay|total cash|target(?:ed)? cash|cash compensation|"
        # Europe pays interns an "internship allowance": their pay, not a benefit budget.
        r"internship allowance|intern allowance|trainee(?:ship)? allowance"
    )
    + ")"
    + _E,
    re.I,
)
# Money that is not base pay: benefits, allowances, company figures, other people's money.
_NOT_PAY_CUES = re.compile(
    _B
    + "(?:"
    + alternation(
        r"bonus(?:es)?|sign(?:ing|-on)|relocation|referral|stipends?|allowance|reimburse\w*|"
        r"budget|lifetime|maximum benefit|fertility|401\s?\(?k|matching|match|tuition|insurance|"
        r"premium|deductible|revenue|sales|funding|raised|valuation|valued|series [a-f]\b|"
        r"million|billion|arr\b|assets|aum|fund(?:s|ing)?\b|tips?\b|commissions?|projects?|"
        r"contracts? (?:worth|valued)|in size|worth|grants?|donat\w*|fees?\b|costs?\b|"
        r"price[sd]?|discount|per mile|mileage|equity|stock|rsus?|wellness|gym|learning|"
        r"development fund|home office|internet|phone|meal|lunch|transit|commuter|parking|"
        r"lease|leasing|vehicle|off a|"
        r"housing|childcare|gifts?|donors?|award|prize|scholarship|loan|debt|investment|"
        r"portfolio|compan(?:y|ies)|businesses|spend|per employee|per year for|annually for|"
        r"toward|ote|on-target|on target|uncapped|life insurance|coverage|contribution|raise|"
        r"increase|vouchers?|vales|despensa|subsid\w*|purchase|glasses|"
        r"professional development|education(?:al)? assistance|increments?|promotion|credits?|"
        r"swag|anniversary"
    )
    + r")\b",
    re.I,
)
_FULL_STOP = re.compile(r"\.(?!\d)")
# The pay of the job an intern may be offered later, not of this one.
_RETURN_OFFER = re.compile(r"(?i)\breturn offers?\b")
_DOES_NOT_APPLY = re.compile(r"(?i)\b(?:does not|doesn't|doesn’t|do not|don't|will not) apply\b")
# The reader's own pay, as a condition: "If you make less than $50,000 a month right now".
_READER_PAY = re.compile(
    r"(?i)\bif you(?:'re|\s+are)?\s+(?:currently\s+|now\s+)?(?:make|making|earn|earning)\b"
)
# Pay a person may reach later ("a predictable raise up to $105K base salary"), not pay now,
# even when a pay word names it.
_RAISE_CUES = re.compile(
    r"(?i)\b(?:raises?|increases?|increments?|promotions?|grow(?:s|ing)? to)\b"
)
_ZONE_CUES = re.compile(
    r"\b(?:zones?|tiers?|geo(?:graphic)?|locations?|markets?|areas?|regions?|levels?|bands?|states?|"
    r"cities|city|metro|junior|senior|entry|mid|principal|associates?|grade|step|[A-Z]{2}(?:, [A-Z]{2})+)\b",
    re.I,
)
# Who a figure is for when pay goes by degree or seniority ("(undergraduate)", "Master's students").
_LEVEL_WORD = re.compile(
    r"(?i)\b(?:undergrad\w*|graduate|grad|bachelor'?s?|master'?s?|ph\.?d|doctoral|mba|"
    r"freshm[ae]n|sophomores?|junior|senior|(?:first|second|third|1st|2nd|3rd)[- ]year|returning)\b"
)
# A zone/tier label right before an amount ("Zone 2 (all other locations): $20/hr").
_ZONE_LABEL_BEFORE = re.compile(
    # "Zone A (New York City, San Francisco Bay Area, Boston, Seattle): ": its places in brackets.
    r"(?i)\b(?:zone|tier|band|region|market)\s*[\w-]{0,3}\b(?:\s*\([^()\n]{0,100}\))?[^$\n;]{0,50}$"
)
# A pay line that only names its zone first: "* Zone A: $187,000 - $263,600".
_ZONE_LINE_LABEL = re.compile(
    # "Zone A (Seattle, Sunnyvale, New York): ": the zone's places in brackets.
    r"(?i)[ \t*•-]*(?:zone|tier|band|region|market|level|grade|step)[ \t]*[\w-]{1,3}"
    r"(?:[ \t]*\([^()\n]{1,80}\))?[ \t]*[:)-][ \t]*"
)
# A pay line that only names the degree or year it is for: "Bachelor's: $38.00 - $46.00 per
# hour", "PhD students: $55/hr".
_LEVEL_LINE_LABEL = re.compile(
    rf"[ \t*•-]*(?:{_LEVEL_WORD.pattern.removeprefix('(?i)')})[ \t\w'’()-]{{0,20}}[ \t]*[:)-][ \t]*",
    re.I,
)
# "McLean, VA: $54,000 - $54,000", "Plano,TX $45.67 Hourly": a line that opens with a place
# names that place's pay, a zone of its own (a list of them, with no general range, reads as
# zones do).
_PLACE_LABEL = re.compile(
    r"[ \t*•|-]*(?:[A-Z][\w.'’ -]{1,40}?,[ \t]?[A-Z]{2}|Remote[ \t]*\([^()\n]{2,20}\))[ \t]*[:|]?[ \t]*"
)  # a markdown table's row too: "| San Francisco, CA | $54/hr |", "| Remote (US) | $46 - $50/hr |"
_PAY_MARKS = ("💰", "💵", "💲")
# "$78,000 + superannuation": Australia states a salary with the pension paid on top of it.
_PLUS_SUPER = re.compile(r"(?i)[ \t+]*(?:plus[ \t]+)?super(?:annuation)?\b")
# What may share a pay line with the figure: "+ equity", "(pro rata)", ", 40 hours per week".
_EXTRAS = re.compile(
    r"(?i)\+?\s*(?:benefits|bonus|equity|and|plus|\(.*?\)|,?\s*\d{1,2}\s*hours?\s*(?:per|a|/)\s*week)"
)
_MONEY_SIGN = re.compile(r"[$€£¥₹]\s?\d")
# What comes on top of a stated pay: "+ equity + benefits", "plus bonus", "along with commission".
_ON_TOP = re.compile(r"(?i)[\s,]*(?:\+|plus\b|along with\b|as well as\b)")
# Geographic pay tiers named like insurance words: "National: $X - $Y; Premium: $Z - $W".
_TIER_LABEL = re.compile(r"(?i)\bpremium(?:\s+plus)?\s*:")
# Where "$" is not the US dollar: a place in one of these countries, as locations write it.
_DOLLAR_COUNTRIES = (
    (
        "CAD",
        re.compile(
            r"\bCanada\b|,\s*(?:ON|BC|QC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU)\b|\b(?:Ontario|Quebec|"
            r"British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick)\b"
        ),
    ),
    # "Sydney, NSW", with the postcode, "Sydney NSW 2000", or a meta line's "Melbourne VIC".
    (
        "AUD",
        re.compile(
            r"\bAustralia\b|,\s*(?:NSW|VIC|QLD)\b|\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT)\s+\d{4}\b|"
            r"[a-z] (?:NSW|VIC|QLD|TAS)$"
        ),
    ),
    ("NZD", re.compile(r"\bNew Zealand\b")),
    ("SGD", re.compile(r"\bSingapore\b")),
    ("HKD", re.compile(r"\bHong Kong\b")),
)
# Dollars a posting can name beside a bare "$" ("S$", "C$", "AUD"); see _restated_dollar.
_NAMED_DOLLARS = frozenset({"CAD", "AUD", "NZD", "SGD", "HKD"})
_DOLLAR_CODE = re.compile(r"\b(?:CAD|AUD|SGD|NZD)\b")
# "Stipend: ₹15,000 /month", or the role's own stipend in a sentence ("The monthly stipend for
# this role is $9,000"): an intern's pay. Other stipends (phone, housing) are perks.
_STIPEND_FIELD = re.compile(
    r"(?i)(?:(?:^|\n)[ \t*•-]*(?:monthly\s+)?stipend\s*[:：]"
    r"|\b(?:monthly|weekly|annual|hourly)?\s*stipend\s+for\s+(?:this|the)\s+"
    r"(?:role|position|internship|program(?:me)?)\s+is(?:\s+(?:approximately|about|around))?"
    r")\s*(?:INR|Rs\.?)?\s*$"
)
# A bullet's "Monthly allowance of SGD 1,600 – 2,200": Singapore's word for an intern's pay,
# listed under "Benefits" as often as not. The words after the amount still decide ("...
# of $100 for your phone plan" is a perk).
_ALLOWANCE_FIELD = re.compile(r"(?i)(?:^|\n)[ \t*•-]*monthly\s+allowance\s*(?:[:：]|of)\s*$")
_CLAUSE_BREAK = re.compile(r"(?i)[,;]|\s(?:and|while|with)\s")
# A job board's own guess at the pay ("$29 - $36 / hr (Glassdoor Est.)", "Glassdoor est. based on
# 6 salaries: $38 - $49"). "Employer est." is the employer's range as the board shows it: the pay.
_BOARD_ESTIMATE = re.compile(r"(?i)(?<!employer )(?<!employer's )(?<!employer’s )\best\.(?!\w)")
_BOARD_ESTIMATE_LINE = re.compile(
    r"(?i)\b(?:est(?:\.|imated?)[ \t]+)?based[ \t]+on[ \t]+[\d,]+[ \t]+(?:salaries|reports|profiles)\b"
)
# "Median $43 /hr": a statistic of what people were paid, not an offer.
_MEDIAN = re.compile(r"(?i)\bmedian\b[\s:]*$")
_GROSS = re.compile(r"(?i)\b(?:gross|brutto|bruto)\b")
_MIN_LABEL = re.compile(r"(?i)\b(?:min(?:imum)?)\b[^$\d]{0,24}$")
_MAX_LABEL = re.compile(r"(?i)\b(?:max(?:imum)?)\b[^$\d]{0,24}$")
_FROM_CUE = re.compile(
    r"(?:\bfrom|\bstart(?:s|ing)? (?:at|from)|\bminimum(?: of)?|\bmin\.?|\bbetween)\s*$", re.I
)
# "$144,500 in the lowest geographic market and up to $171,000 ... in our highest": a low end
# named after its figure.
_LOW_END_AFTER = re.compile(r"(?i)[ \t]*(?:in|for|at)[ \t]+(?:the|our)[ \t]+low(?:est|er)?\b")
_TO_CUE = re.compile(r"(?:\bup to|\bto|\bmaximum(?: of)?|\bmax\.?|\band)\s*$", re.I)
# Pay stated with no currency at all, right after its label ("Pay Range: 150K - 225K").
_BARE_FIGURE = r"\d{2,3}(?:,\d{3}(?:\.\d{2})?|[kK]|\.\d{2})"
_BARE_RANGE = re.compile(
    r"(?i)\b(?:salary|pay|compensation|wage|hourly rate)(?:\s+(?:range|rate|scale|band))?\s*[:：]?[\s*]*"
    rf"(?P<low>{_BARE_FIGURE})\s*(?:-|–|—|to)\s*(?P<high>{_BARE_FIGURE})(?![\d%])"
)
_TWO_DIGITS = re.compile(r"\d\d")
_BARE_RANGE_TRIGGERS = ("salary", "pay", "compensation", "wage", "hourly rate")
_PAY_LABEL_WORDS = r"(?:base |hourly |annual )?(?:pay|salary|compensation|wage)(?: range| rate| band)?\s*[:：]?\s*$"
_BARE_PAY_LABEL = re.compile(r"(?i)[\s*•-]*" + _PAY_LABEL_WORDS)
# "Colorado pay range:", "New York City salary range:": a range for one place.
_PLACED_PAY_LABEL = re.compile(r"[\s*•-]*(?:[A-Z][a-z]+\.?\s){1,3}(?i:" + _PAY_LABEL_WORDS + ")")
# A sentence that says its range is the exception: "There is a different range applicable to
# specific work locations ... the base pay range for this role in those locations is ...".
_SPECIFIC_RANGE = re.compile(
    r"(?i)\b(?:different|separate|specific)\b[^.$]{0,40}\b(?:range|locations?|markets?)\b"
    r"|\bin (?:those|these|the following|select) (?:locations|areas|markets|cities|states)\b"
    # "In the San Francisco Bay Area and New York City metropolitan areas, the range is ...".
    r"|\bmetro(?:politan)? areas?\b"
    # "For candidates based in the New York City metro area, the range is ...": the people of
    # one place (not of the whole country: "for candidates based in the U.S." is general).
    r"|\b(?:candidates|applicants|employees|individuals|those|hires|roles|positions|interns|"
    r"co-?ops|students)\s+"
    r"(?:who\s+(?:are\s+)?)?(?:based|located|living|working|residing|hired|live|work|reside|performed)\s+"
    r"(?:in|out\s+of)\s+(?!(?:the\s+)?(?:U\.?S\.?(?:A\.?)?|United\s+States|country|nation)(?!\w))"
    # "Returning Quillmark interns are paid $62–$70/hr": the rate of those who came back.
    r"|\breturning\b[^.$]{0,40}\b(?:interns?|co-?ops?|students?|hires)\b"
    # "For California-based roles, the base salary hiring range is ...".
    # (Not "For candidates based in the U.S.": the country is the general case.)
    r"|\b(?i:for) [^.$\n]{0,80}?(?:-based\b|[ )]based (?:hires|roles|positions|candidates|applicants|employees)\b)"
)
# "Rs" first, its word start checked after: a pattern opening with a literal lets the regex
# engine skip to it; one opening with \b tries every position of the text.
_RUPEES = re.compile(r"Rs(?<!\wRs)\.?\s?\d")
_MIN_PAY, _MAX_PAY = 5.0, 2_000_000.0
_MIN_YEARLY_PAY = 1_000.0
# Currencies with many units to the dollar (rounded; only the order of magnitude matters).
_UNITS_PER_DOLLAR = {"JPY": 150, "INR": 85, "HUF": 350, "CZK": 23, "MXN": 18, "ZAR": 18}
_LAKH = 100_000.0
_LEAST_SINGLE_FIGURE = {"month": 300.0, "year": _MIN_YEARLY_PAY}
_THRESHOLD = 1.5
_MAX_CURRENCY_HITS = 200
_PAY_SECTIONS = frozenset({"compensation"})
_WEAK_SECTIONS = frozenset({"benefits", "about_company", "related", "application"})


@dataclass(slots=True)
class _Money:
    value: float
    currency: str | None
    start: int
    end: int
    plus: bool = False
    big: bool = False  # "$4 million", "$13-17M": company figures, never pay
    scale: float = 1.0  # the suffix's multiplier: 1,000 for "45K", 100,000 for "8 LPA"


@dataclass(slots=True)
class _Candidate:
    low: float
    high: float
    currency: str | None
    period: str | None
    start: int
    end: int
    score: float = 0.0
    label: str | None = None
    # The period words right after the amount ("/hr", "per year"): found by `_period`, which
    # reads every candidate's period before `_score` weighs it (a costly match, done once).
    period_words: re.Match | None = field(default=None, compare=False, repr=False)


def extract_pay(doc: Doc, places: tuple[str, ...] = ()) -> tuple[PayRange | None, list[PayRange]]:
    """The primary pay range (or None) and every pay range stated, with spans.

    `places` are the job's locations: a bare "$" where every one of them is in Canada is CAD
    (and so for the other dollar countries, see _DOLLAR_COUNTRIES).
    """
    amounts = _find_amounts(doc)
    if not amounts:
        bare = _labelled_bare_range(doc)
        return (bare, [bare]) if bare else (None, [])
    candidates = _pair_ranges(doc, amounts, _local_dollar(places))
    for c in candidates:
        _score(doc, c)
    scored = [c for c in candidates if c.score > _THRESHOLD]
    scored = _with_continuations(doc, candidates, scored)
    if not scored:
        # A lone, clean range with a salary-sized magnitude ("$100,000 - $125,000") still counts.
        scored = [c for c in candidates if c.low != c.high and c.period and c.score >= 1.5]
        scored = _with_continuations(doc, candidates, scored)
    if not scored:
        return None, []
    ranges = [_to_range(c) for c in scored]
    primary = _primary(doc, scored)
    return (_to_range(primary) if primary else None), ranges


_CURRENCY_TRIGGERS = (
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "usd",
    "cad",
    "aud",
    "nzd",
    "sgd",
    "hkd",
    "eur",
    "gbp",
    "inr",
    "jpy",
    "cny",
    "rmb",
    "chf",
    "sek",
    "nok",
    "dkk",
    "pln",
    "brl",
    "mxn",
    "zar",
    "dollar",
    "euro",
)


def _find_amounts(doc: Doc) -> list[_Money]:
    view = doc.view
    found: list[_Money] = []
    hits = doc.trigger_starts("currency_words", _CURRENCY_TRIGGERS)
    # "Rs. 25,000": found by its own pattern, since "rs" ends countless words (and only where
    # "Rs" stands at all: `in` finds it faster than the pattern's own scan).
    rupees = [m.start() for m in _RUPEES.finditer(view)] if "Rs" in view else []
    if rupees:
        hits = sorted(hits + rupees)
    if not hits:
        return found  # no currency anywhere: no pay (most postings answer here)
    # A real posting states a handful of amounts; a page of thousands is a price list, not pay.
    spans = _merge_windows(hits[:_MAX_CURRENCY_HITS], 70, len(view))
    for lo, hi in spans:
        while hi < len(view) and (view[hi].isdigit() or view[hi] in ",."):
            hi += 1  # never cut a number in two at the window's edge
        while lo > 0 and (view[lo - 1].isdigit() or view[lo - 1] in ",."):
            lo -= 1
        found.extend(_amounts_in(view, lo, hi))
    return found


def _merge_windows(hits: list[int], radius: int, size: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pos in hits:
        lo, hi = max(0, pos - radius), min(size, pos + radius)
        if spans and lo <= spans[-1][1]:
            lo = spans[-1][0]
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def _amounts_in(view: str, lo: int, hi: int) -> list[_Money]:
    found: list[_Money] = []
    for m in _NUMBER.finditer(view, lo, hi):
        start, end = m.span()
        before = _SYMBOL_BEFORE.search(view, max(0, start - 6), start)
        after = _AFTER.match(view, end)
        code = after.group("code") if after else None
        if before is None and not code:
            # A bare number: kept only as the partner of a range ("93,000 to $114,000").
            suffix = after.group("suffix") if after else None
            scale = _multiplier(suffix)
            value = _number(m.group(1), None) * scale
            found.append(
                _Money(
                    value, None, start, after.end() if after else end, big=scale >= 1e6, scale=scale
                )
            )
            continue
        symbol = before.group(1).replace(" ", "").upper() if before else ""
        currency = _SYMBOL_CURRENCY.get(symbol, symbol[:3] if symbol[:3].isalpha() else None)
        if code:
            currency = (
                _SYMBOL_CURRENCY.get(code.upper(), code.upper())
                if code.isupper() or not currency
                else currency
            )
        suffix = after.group("suffix") if after else None
        scale = _multiplier(suffix)
        value = _number(m.group(1), currency) * scale
        money_start = before.start(1) if before else start
        money_end = after.end() if after else end
        big = scale >= 1e6
        plus = bool(after and after.group("plus"))
        if not big and _is_decade(view, money_end, value):
            place = _DECADE_PLACE.search(view, max(0, money_start - 8), money_start)
            if place:
                value += _decade_width(value) * _DECADE_TENTHS[place.group(1).lower()] / 10
                money_start = place.start(1)
            money_end += 1
        found.append(_Money(value, currency or "USD", money_start, money_end, plus, big, scale))
    return found


def _is_decade(view: str, end: int, value: float) -> bool:
    """ "$70,000s", "$80Ks": a round figure with a plural "s", not a word that follows it."""
    return (
        value >= 10
        and value % 10 == 0
        and view[end : end + 1] == "s"
        and not view[end + 1 : end + 2].isalpha()
    )


def _decade_width(value: float) -> float:
    width = 1.0
    while value % (width * 10) == 0:
        width *= 10
    return width


def _number(raw: str, currency: str | None) -> float:
    raw = raw.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in raw and "." in raw:
        # "1,234.56" or European "1.234,56"
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        head, _, tail = raw.rpartition(",")
        raw = raw.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
    elif raw.count(".") > 1 or (
        raw.count(".") == 1
        and len(raw.split(".")[1]) == 3
        and currency not in (None, "USD", "CAD", "AUD")
    ):
        raw = raw.replace(
            ".", ""
        )  # "50.000 €": dot as thousands separator outside dollar countries
    try:
        return float(raw)
    except ValueError:
        return 0.0


def _multiplier(suffix: str | None) -> float:
    if not suffix:
        return 1.0
    s = suffix.strip().lower()
    if s == "k":
        return 1_000.0
    if s.startswith("l"):  # lpa, lakh(s), lac(s)
        return _LAKH
    if s in ("m", "mm", "million", "mil"):
        return 1_000_000.0
    return 1_000_000_000.0


def _pair_ranges(doc: Doc, amounts: list[_Money], local_dollar: str | None) -> list[_Candidate]:
    view = doc.view
    out: list[_Candidate] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = amounts[i + 1] if i + 1 < len(amounts) else None
        if b is not None and (a.currency or b.currency) and b.start - a.end <= _BETWEEN_SPAN:
            glue = view[a.end : b.start]
            if "\n" in glue and _BULLET_AFTER_BREAK.search(glue):
                glue = ""  # "$17.50/hour\n- 50% discount": the next bullet, no range's dash
            if _RANGE_GLUE.match(glue) and (a.big or b.big):
                i += 2  # "$13-17M per year in research": both ends are millions
                continue
            if _RANGE_GLUE.match(glue):
                low, high = a.value, b.value
                # "$40 - $45K", "$200-400k", "₹6-8 LPA": one suffix for both ends.
                if a.scale == 1 and b.scale == _LAKH:
                    low *= _LAKH
                elif (
                    high >= 1000
                    and low < 1000
                    and low * 1000 <= high * 1.5
                    and high / 1000 >= low * 0.5
                ):
                    low *= 1000
                if 0 < low <= high and high <= low * 15:
                    cur = a.currency or b.currency
                    if b.currency and b.currency != "USD":
                        cur = b.currency
                    end, step = b.end, 2
                    # "$15.00 - $22.50 - $30.00": minimum, midpoint, maximum.
                    c = amounts[i + 2] if i + 2 < len(amounts) else None
                    if (
                        c is not None
                        and c.value >= high
                        and c.start - b.end <= 8
                        and _RANGE_GLUE.match(view[b.end : c.start])
                    ):
                        high, end, step = c.value, c.end, 3
                    out.append(_Candidate(low, high, cur, None, a.start, end))
                    i += step
                    continue
        if a.currency and not a.big:
            out.append(_Candidate(a.value, a.value, a.currency, None, a.start, a.end))
        i += 1
    out = _join_from_up_to(doc, out)
    # Dollars the amounts name themselves ("S$1,200", "1,200 SGD"), not guessed from words near.
    named: dict[tuple[float, float], str] = {}
    for c in out:
        c.period = _period(doc, c)
        if c.currency in _NAMED_DOLLARS:
            named[c.low, c.high] = c.currency
        c.currency = _currency_override(doc, c, local_dollar)
    if named:
        _restate_dollar(doc, out, named)
    return [c for c in out if _plausible(c)]


def _restate_dollar(
    doc: Doc, cands: list[_Candidate], named: dict[tuple[float, float], str]
) -> None:
    """A bare "$1,200 - $1,800" (a board's pay field) whose figures the posting also writes as
    "S$1,200 – S$1,800" is in that dollar; "USD $1,200" says its own."""
    for c in cands:
        if (
            c.currency == "USD"
            and doc.view[c.start] == "$"
            and (c.low, c.high) in named
            and "US" not in doc.view[max(0, c.start - 8) : c.start].upper()
        ):
            c.currency = named[c.low, c.high]


def _plausible(c: _Candidate) -> bool:
    """A figure a person could be paid: "€350 per year" for sport is a perk, not a salary, and
    a yen or rupee salary runs to millions."""
    most = _MAX_PAY * _UNITS_PER_DOLLAR.get(c.currency or "", 1)
    if not _MIN_PAY <= c.low <= c.high <= most:
        return False
    return c.period != "year" or c.high >= _MIN_YEARLY_PAY


def _join_from_up_to(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Two single amounts that state one range: "from $47.84/hr ... up to $96.15/hr" in one
    sentence, or "Min: $138,800 / Mid: ... / Max: $208,200" on nearby lines."""
    out: list[_Candidate] = []
    skip: set[int] = set()
    for i, a in enumerate(cands):
        if i in skip:
            continue
        if a.low == a.high:
            partner = _range_partner(doc, cands, i)
            if partner is not None:
                b = cands[partner]
                out.append(_Candidate(a.low, b.high, a.currency, None, a.start, b.end))
                skip.update(range(i + 1, partner + 1))
                continue
        out.append(a)
    return out


def _range_partner(doc: Doc, cands: list[_Candidate], i: int) -> int | None:
    a = cands[i]
    labelled_min = _MIN_LABEL.search(doc.view, max(0, a.start - 30), a.start)
    from_cue = _FROM_CUE.search(doc.view, max(0, a.start - 25), a.start) or _LOW_END_AFTER.match(
        doc.view, a.end
    )
    if not (labelled_min or from_cue):
        return None
    for j in range(i + 1, min(i + 3, len(cands))):
        b = cands[j]
        if b.low != b.high or not (a.low < b.low <= a.low * 5) or b.currency != a.currency:
            continue
        if (
            labelled_min
            and b.start - a.end < 160
            and _MAX_LABEL.search(doc.view, max(0, b.start - 30), b.start)
        ):
            return j
        same_sentence = doc.sentence_at(a.start) == doc.sentence_at(b.start)
        if (
            from_cue
            and same_sentence
            and j == i + 1
            and _TO_CUE.search(doc.view, max(0, b.start - 12), b.start)
        ):
            return j
    return None


def _period(doc: Doc, c: _Candidate) -> str | None:
    after = c.period_words = _PERIOD_AFTER.match(doc.view, c.end, min(len(doc.view), c.end + 40))
    if after:
        return next(k for k in ("hour", "year", "month", "week", "day") if after.group(k))
    # "$130,000.00 USD Annually - $150,000.00 USD Annually": the period may sit inside the range.
    inner = None
    if _PERIOD_LETTER.search(doc.view, c.start, c.end):
        inner = _PERIOD_AFTER.search(doc.view, c.start, c.end)
        if inner is None:
            inner = _PERIOD_WORD.search(doc.view[c.start : c.end])
    if inner is not None:
        word = inner.group(0).strip().lower()
        for key in ("hour", "year", "annu", "month", "week", "day"):
            if key in word:
                return "year" if key == "annu" else key
    line_start, _ = doc.line_at(c.start)
    left = doc.view[max(line_start, c.start - 70) : c.start]
    block = doc.sections.at(c.start)
    heading = (block.heading or "") if block.start < c.start else ""
    for period, pattern in _PERIOD_BEFORE:
        if pattern.search(left[-120:]) or pattern.search(heading):
            return period
    if re.search(r"(?i)base salary|salary range|annual", left[-80:]) and c.low >= 10_000:
        return "year"
    if c.high <= 200:
        return "hour"
    if c.low >= 20_000:
        return "year"
    return None


def _currency_override(doc: Doc, c: _Candidate, local_dollar: str | None) -> str | None:
    if c.currency != "USD":
        return c.currency
    s, e = doc.sentence_at(c.start)
    near = doc.view[max(s, c.start - 30) : min(e, c.end + 30)]
    code = _DOLLAR_CODE.search(near)  # a word: "ACADEMIC LEVEL" holds no CAD
    if code:
        return code.group(0)
    if doc.view[c.start] == "$":
        # "Canada (All figures cited below in CAD)" above a line that is only "* $152,000 - ...".
        line_start, _ = doc.line_at(c.start)
        if line_start and not doc.view[line_start : c.start].strip(" \t*•·-"):
            above_start, above_end = doc.line_at(line_start - 1)
            code = _DOLLAR_CODE.search(doc.view, above_start, above_end)
            if code:
                return code.group(0)
    if local_dollar and doc.view[c.start] == "$":  # "US$", "USD 120,000" say USD themselves
        return local_dollar
    return c.currency


def _local_dollar(places: tuple[str, ...]) -> str | None:
    """The dollar of the one country every place is in, when it is not the US dollar."""
    currencies = {
        next((code for code, pattern in _DOLLAR_COUNTRIES if pattern.search(place)), None)
        for place in places
    }
    return currencies.pop() if len(currencies) == 1 else None


def _score(doc: Doc, c: _Candidate) -> float:
    """How sure we are that this amount is the posting's base pay; > 0 means keep it."""
    kind = doc.kind_at(c.start)
    left = _left_context(doc, c.start)
    after = c.period_words
    sentence_start, sentence_end = doc.sentence_at(c.start)
    right = doc.view[after.end() if after else c.end : min(sentence_end, c.end + 60)]
    # "Similar jobs": other postings' pay lines, each as clean as this posting's own.
    if kind == "related" or _board_statistic(left, right):
        c.label = "not_pay"  # never pay, nor the continuation of pay above it
        c.score = 0.0
        return -_THRESHOLD
    block = doc.sections.at(c.start)
    heading = block.heading or ""
    # "$130,000 - $160,000 base salary": the label may follow the amount, before or inside
    # the period words ("$95,000 base salary annually").
    # "a $60,000/year salary plus commissions": a pay word right after the amount names it,
    # whatever words stand before it ("Commission package including a …").
    named_after = bool(
        _STRONG_PAY_CUES.match(right.lstrip(" +-,(:"))
        or (after and _STRONG_PAY_CUES.search(after.group(0)))
        or _PLUS_SUPER.match(doc.view, c.end)
    )
    # A board's pay mark in its meta line ("💰 $125,000 - $195,000 + bonus + equity"): its
    # pay field, worth a compensation section.
    marked = left.rstrip().endswith(_PAY_MARKS)
    # Pay words at the amount itself. A heading labels its whole section, benefit bullets
    # under "Compensation" too, so only these let the words after the amount pass.
    # "Stipend: ₹15,000 /month" as a field of its own (not a perk under benefits): an
    # internship's pay, not a budget.
    lower_left = left.lower()
    stipend_field = (
        kind not in _WEAK_SECTIONS
        and "stipend" in lower_left  # C speed; the pattern is tried at every character
        and bool(_STIPEND_FIELD.search(left))
    ) or (
        kind in ("benefits", "compensation", "other")
        and "allowance" in lower_left
        and bool(_ALLOWANCE_FIELD.search(left))
    )
    labelled_here = bool(
        named_after
        or marked
        or stipend_field
        or _STRONG_PAY_CUES.search(_own_line(left))
        # "€2,000 gross per month", "€2,000 brutto monatlich": gross pay, wherever it is listed.
        or (after and _GROSS.search(after.group(0)))
    )
    strong = labelled_here or bool(_STRONG_PAY_CUES.search(heading))
    weak_cue = strong or bool(_PAY_CUES.search(left) or _PAY_CUES.search(heading))
    score = 0.0
    if kind in _PAY_SECTIONS or marked:
        score += 3
    if strong:
        score += 3
    elif weak_cue:
        score += 1.5
    if after:
        score += 2.5
    elif c.period:
        score += 0.5
    if c.low != c.high:
        score += 1
    # "$162,000 + bonus": the amount's reader took the " +" as its own; what follows is on top.
    on_top = doc.view[c.end - 2 : c.end] == " +"
    # A stipend field's own label is no benefit word; what follows it still counts.
    cue_left, named = ("", False) if stipend_field else (left, labelled_here)
    not_pay = _is_not_pay(cue_left, right, named or on_top, named_after)
    if not_pay:
        # Only a heading vouches for it: the benefit word at the amount decides.
        score -= 4 if labelled_here else 6
    if not_pay and stipend_field:
        score -= 4  # "Stipend: $100/month for your phone plan": a perk after all
    if _RETURN_OFFER.search(doc.view, sentence_start, c.start):
        score -= 6  # "Interns who receive a return offer ... will be offered a base salary of"
    # The clause after a ";" still speaks of it; the next sentence speaks of its own.
    stop = _FULL_STOP.search(doc.view, c.end, min(doc.line_at(c.start)[1], c.end + 120))
    if _DOES_NOT_APPLY.search(doc.view, c.end, stop.start() if stop else c.end + 120):
        score -= 6  # "$105,000 - $140,000 per year; that range does not apply to this internship"
    if _alone_on_line(doc, c, after):
        # "$7,650/month to $12,134/month + benefits" on its own line: a board's pay line.
        score += 2.5
        strong = True
    if kind in _WEAK_SECTIONS and not strong:
        score -= 1 if weak_cue else 2.5
    if kind == "legal" and not weak_cue:
        score -= 1.5
    c.score = score
    return score - _THRESHOLD


def _with_continuations(
    doc: Doc, candidates: list[_Candidate], kept: list[_Candidate]
) -> list[_Candidate]:
    """ "Zone A: $X - $Y. Zone B: $Z - $W.": a range right after a kept one, alike in kind, is pay too."""
    if not kept:
        return kept
    out = list(kept)
    for c in sorted(candidates, key=lambda c: c.start):
        if c in out or c.label == "not_pay":
            continue
        previous = [k for k in out if k.end <= c.start and c.start - k.end <= 160]
        if not previous:
            continue
        last = max(previous, key=lambda k: k.end)
        if last.currency != c.currency or last.period != c.period:
            continue
        # A single figure (this one or the last) counts only as a zone's ("Zone 2: $20/hr"):
        # a costly search, so only for single figures alike in kind to the last.
        if (c.low == c.high or last.low == last.high) and not _names_a_zone(doc, c.start):
            continue
        gap = doc.view[last.end : c.start]
        if not _NOT_PAY_CUES.search(_TIER_LABEL.sub("", gap)):
            c.score = last.score - 1
            c.label = "continued"
            out.append(c)
    return sorted(out, key=lambda c: c.start)


def _alone_on_line(doc: Doc, c: _Candidate, after: re.Match | None) -> bool:
    # A single figure counts with its period only, and at a wage's size for it: "• €17.50 per
    # hour" under "What we offer" is pay, "• €30 per month" a perk.
    if c.low == c.high and (after is None or c.low < _LEAST_SINGLE_FIGURE.get(c.period, 0)):
        return False
    line_start, line_end = doc.line_at(c.start)
    end = after.end() if after else c.end
    if (line_end - line_start) - (end - c.start) > 120:
        return False  # a line with that much else on it is a sentence, not a pay line
    # "* Zone A: $187,000 - ...", "Master's: $45.00 - $54.00 per hour"
    label = _ZONE_LINE_LABEL.match(doc.view, line_start, c.start) or _LEVEL_LINE_LABEL.match(
        doc.view, line_start, c.start
    )
    label_end = label.end() if label else line_start
    rest = doc.view[label_end : c.start].strip(" *-•·:") + doc.view[end:line_end].strip()
    rest = _EXTRAS.sub("", rest).strip(" +,.")
    return len(rest) <= 3


def _names_a_zone(doc: Doc, pos: int) -> bool:
    """Whether the words before the amount at `pos` name a pay zone, tier or place."""
    if _ZONE_LABEL_BEFORE.search(doc.view, max(0, pos - 160), pos):
        return True
    line_start, _ = doc.line_at(pos)
    return _PLACE_LABEL.fullmatch(doc.view, line_start, pos) is not None


def _left_context(doc: Doc, pos: int) -> str:
    """The sentence before an amount; for an amount opening its line (or after only a place
    label: "McLean, VA: $54,000"), the label line above too."""
    sentence_start, _ = doc.sentence_at(pos)
    left = doc.view[max(sentence_start, pos - 90) : pos]
    line_start, _ = doc.line_at(pos)
    if left.strip(" *-:\t") and not _PLACE_LABEL.fullmatch(doc.view, line_start, pos):
        return left
    prev_line = doc.line_at(line_start - 1) if line_start > 0 else None
    # A label line ("Salary Range", "Compensation:"), not the bullet above with its own amount.
    if (
        prev_line
        and prev_line[1] - prev_line[0] < 80
        and not _MONEY_SIGN.search(doc.view, prev_line[0], prev_line[1])
    ):
        return doc.view[prev_line[0] : pos]
    return left


def _board_statistic(left: str, right: str) -> bool:
    """A job board's guess or a statistic of others' pay, not the employer's offer:
    "$29 - $36 / hr (Glassdoor Est.)", "Glassdoor est. based on 6 salaries: $38 - $49", "Median $43"."""
    if _BOARD_ESTIMATE.search(left[-12:]) or _BOARD_ESTIMATE.search(right[:30]):
        return True
    if "based" in left and _BOARD_ESTIMATE_LINE.search(left.rpartition("\n")[2]):
        return True
    return bool(_MEDIAN.search(left[-12:]))


def _own_line(left: str) -> str:
    """The words before an amount on its own line; the line above only when it labels the
    amount ("Relocation stipend:\n$5,000"), not when it is another line ("Pinecrest Learning
    Labs · Ann Arbor, MI", "* Competitive compensation and equity grants")."""
    newline = left.rfind("\n")
    if newline == -1 or left[:newline].rstrip().endswith(":"):
        return left
    return left[newline + 1 :]


def _is_not_pay(left: str, right: str, strong: bool, named_after: bool) -> bool:
    """Benefit/business words next to the amount, unless a pay word stands closer to it."""
    near_left = _own_line(left[-45:])
    if _READER_PAY.search(near_left):
        return True
    bad_left = [m.end() for m in _NOT_PAY_CUES.finditer(near_left)]
    if named_after and not _RAISE_CUES.search(near_left):
        bad_left = []  # "a Commission package including a $60,000/year salary"
    if bad_left:
        good_left = [m.end() for m in _STRONG_PAY_CUES.finditer(near_left)]
        if not good_left or bad_left[-1] > good_left[-1]:
            return True
    # "$80,000 - $125,000 along with commission", "$134,950 - $167,580 + equity + benefits":
    # words after a clearly labelled salary, or after a "+", describe what comes on top of it.
    if strong or _ON_TOP.match(right):
        return False
    return any(
        m.group(0).lower() not in ("company", "companies")
        for m in _NOT_PAY_CUES.finditer(_own_clause(right)[:35])
    )


def _own_clause(right: str) -> str:
    """The words after an amount that still speak of it: "$42 per hour and receive a housing
    stipend of $3,000" - the clause that leads to the next amount is about that amount."""
    next_money = _MONEY_SIGN.search(right)
    if next_money is None:
        return right
    lead_in = right[: next_money.start()]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(lead_in)]
    return lead_in[: breaks[-1]] if breaks else right


def _primary(doc: Doc, cands: list[_Candidate]) -> _Candidate | None:
    """The general range; pay zones or levels listed together become min of all .. max of all."""
    best = max(cands, key=lambda c: (c.score, -c.start))
    alike = [c for c in cands if c.currency == best.currency and c.period == best.period]
    peers = [
        c
        for c in alike
        if (c.score >= best.score - 1 or c.label == "continued") and c.low != c.high
    ]
    # "Zone 1: $22/hr; Zone 2: $20/hr": single figures per zone are listed together too.
    zoned = [c for c in alike if _names_a_zone(doc, c.start)]
    if len(zoned) >= 2 and any(c.low == c.high for c in zoned):
        return _spanning(zoned, best)
    # "$50/hour (undergraduate), $60/hour (master's)": one figure per degree level.
    figures = [c for c in alike if c.score >= best.score - 1 and c.low == c.high]
    if best.low == best.high and len(figures) >= 2 and _one_figure_per_level(doc, figures):
        return _spanning(figures, best)
    if _for_some_places(doc, best):
        # "The hourly range is $34 - $52. For roles performed in Washington State, the range is
        # $37 - $56 per hour": the exception says more (its period), the general range less.
        peers += [c for c in alike if c.low != c.high and c.score > _THRESHOLD and c not in peers]
    specific = [c for c in peers if _for_some_places(doc, c)]
    general = _general_among(doc, peers, specific)
    if general is not None:
        return general  # "Pay range: $41 - $55/hr" above "Colorado pay range: $43 - $57/hr"
    if len(peers) >= 2 and len(specific) == len(peers):
        # Only ranges for places ("For California-based roles ...", "For Washington-based
        # roles ..."), none general: zones by another name, min of all .. max of all.
        return _spanning(peers, best)
    if len(peers) >= 2 and best.low != best.high and _listed_together(doc, peers):
        return _spanning(peers, best)
    # The first strong statement is usually the general one; later ones are specific cases.
    strong = [c for c in cands if c.score >= best.score - 0.5]
    return min(strong, key=lambda c: c.start)


def _spanning(group: list[_Candidate], best: _Candidate) -> _Candidate:
    """One range from the lowest to the highest figure of zones or levels listed together."""
    return _Candidate(
        min(c.low for c in group),
        max(c.high for c in group),
        best.currency,
        best.period,
        min(c.start for c in group),
        max(c.end for c in group),
        best.score,
        "zones",
    )


def _one_figure_per_level(doc: Doc, figures: list[_Candidate]) -> bool:
    """Figures side by side (one sentence or a run of lines), each beside a degree or
    seniority word: "$7,500/month for Bachelor's students and $9,000/month for Master's"."""
    figures = sorted(figures, key=lambda c: c.start)
    if any(b.start - a.end > 120 for a, b in zip(figures, figures[1:], strict=False)):
        return False
    return all(
        _LEVEL_WORD.search(doc.view, max(0, c.start - 40), min(len(doc.view), c.end + 40))
        for c in figures
    )


def _for_some_places(doc: Doc, c: _Candidate) -> bool:
    """Whether the sentence of a range says it is for some places or people only."""
    return _SPECIFIC_RANGE.search(doc.view, *doc.sentence_at(c.start)) is not None


def _general_among(
    doc: Doc, peers: list[_Candidate], specific: list[_Candidate]
) -> _Candidate | None:
    """The one range under a bare pay label when every other names where it applies.
    `specific`: the peers whose sentences say they are for some places only."""
    if len(peers) < 2:
        return None
    labels = [doc.view[doc.line_at(c.start)[0] : c.start] for c in peers]
    bare = [c for c, label in zip(peers, labels, strict=True) if _BARE_PAY_LABEL.match(label)]
    placed = [label for label in labels if _PLACED_PAY_LABEL.match(label)]
    if len(bare) == 1 and len(placed) == len(peers) - 1:
        return bare[0]
    # "across the U.S. is $X - $Y. There is a different range ... in those locations is $Z":
    # the one range whose sentence claims no exception is the general one.
    general = [c for c in peers if c not in specific]
    if general and specific and len({(c.low, c.high) for c in general}) == 1:
        return general[0]  # one range, said once or twice (a header's badge and the text)
    return None


def _listed_together(doc: Doc, peers: list[_Candidate]) -> bool:
    """Zones/tiers/levels: zone words before the ranges, or a run of "Label: range" lines."""
    around = " ".join(doc.view[max(0, c.start - 60) : c.end + 40] for c in peers)
    if _ZONE_CUES.search(around):
        return True
    peers = sorted(peers, key=lambda c: c.start)
    close = all(b.start - a.end < 160 for a, b in zip(peers, peers[1:], strict=False))
    # Rows of one table, a range each: "| Calgary, AB | Winter 2026 | $28.00 – $34.00 |".
    if close and all(doc.table_column_header(c.start) is not None for c in peers):
        return True
    labelled = all(":" in doc.view[doc.line_at(c.start)[0] : c.start][-40:] for c in peers)
    distinct_labels = len({doc.view[max(0, c.start - 40) : c.start] for c in peers}) == len(peers)
    return labelled and close and distinct_labels


def _labelled_bare_range(doc: Doc) -> PayRange | None:
    """ "Salary Range: 70K – 80K" with no currency anywhere: the figures, currency unknown."""
    triggers = doc.find_all(*_BARE_RANGE_TRIGGERS)
    for m in doc.search_near(_BARE_RANGE, triggers, 0, 80, needs=_TWO_DIGITS):
        if doc.is_boilerplate(m.start()):
            continue
        low, high = (_bare_figure(m.group(g)) for g in ("low", "high"))
        if not 0 < low <= high <= low * 5:
            continue
        candidate = _Candidate(low, high, None, None, m.start("low"), m.end("high"))
        candidate.period = _period(doc, candidate)
        if _plausible(candidate):
            return _to_range(candidate)
    return None


def _bare_figure(text: str) -> float:
    if text[-1] in "kK":
        return float(text[:-1]) * 1_000
    return float(text.replace(",", ""))


def _to_range(c: _Candidate) -> PayRange:
    return PayRange(
        min=c.low,
        max=c.high,
        currency=c.currency,
        period=c.period,
        start=c.start,
        end=c.end,
        label=c.label,
    )
