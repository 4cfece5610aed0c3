"""Place names as text: the gazetteer (etl/vocab/places.toml) and what a string must be to
name a place ("San Jose, CA", "US-CA-San Jose", "Sydney NSW 2000", "Kraków, Poland").

These look at strings only; `etl.parse.locations` reads where a posting says the job is and
asks these whether what it found is a place. `distinct_places` keeps one of each.
"""

from __future__ import annotations

import re
from functools import cache

from etl.parse.doc import Found
from etl.parse.patterns import literal_alternation
from etl.parse.vocab import load

# Letters of place names, accented ones too: "Montréal", "Kraków", "Łódź", "Cesson-Sévigné".
UPPER_LETTER = "[A-ZÀ-ÖØ-ÞĀ-ž]"

_LOWER_NAME = "[a-zß-öø-ÿĀ-ž.'’-]"


# A labelled value that is just a place name we do not know: "Location: Toronto".
LABELLED_PLACE = re.compile(
    r"(?!(?:Multiple|Various|Flexible|Anywhere|Worldwide|Global|TBD|Negotiable|Nationwide|"
    r"Office|Home|About|Location|Locations|Headquarters|HQ)\b)"
    rf"{UPPER_LETTER}{_LOWER_NAME}+(?: {UPPER_LETTER}{_LOWER_NAME}+){{0,3}}(?:, {UPPER_LETTER}{_LOWER_NAME}+(?: {UPPER_LETTER}{_LOWER_NAME}+){{0,2}})?"
)  # "Toronto", "Filton, Bristol", "Kraków" (a town and its county or city)


# City words: "St. Louis", "Winston-Salem", "McAllen"; not glued runs like "DeveloperLocation".
# Not a street address's last word: "2 East 15th Street, New York, NY" is in New York, NY.
_STREET_WORD = r"(?:Street|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Suite|Ste|Floor|Parkway|Pkwy|Court|Ct|Plaza|Highway|Hwy)\b"

_NAME_PREFIXES = ("Mc", "Mac", "De", "La", "Le", "Du", "O'")  # "McAllen", "DeKalb", "O'Fallon"

# A city word's letters after its capital: one class, not "(?:lower|[.'’])", as a repeated class
# is matched in one step and a group one letter at a time; possessive ("++") because a word
# ends where its letters do, so giving letters back never lets the pattern go on.
_CITY_LETTERS = "[a-zß-öø-ÿĀ-ž.'’]"

# "Winston-Salem", and a Japanese or Korean ward's suffix: "Minato-ku", "Gangnam-gu".
_CITY_WORD_END = (
    rf"{_CITY_LETTERS}++(?:-{UPPER_LETTER}{_CITY_LETTERS}++|-(?:ku|shi|gu|si|dong|cho|machi)\b)?"
)

_CITY_WORD = rf"(?:{'|'.join(_NAME_PREFIXES)})?{UPPER_LETTER}{_CITY_WORD_END}"

# A city's later words may follow a particle: "Coeur d'Alene", "Rio de Janeiro", "São José dos
# Campos".
_NEXT_CITY_WORD = rf" (?:d'|d[aeo]s? |del )?{_CITY_WORD}"

CITY = rf"{_CITY_WORD}(?:{_NEXT_CITY_WORD}){{0,3}}"

# The same first word opening with its capital, so the regex engine can skip from capital to
# capital (a pattern opening with a look-behind is tried at every character); a name prefix
# is then read back from that capital: "M" + "c" + "Allen".
_BACK_PREFIXES = "|".join(f"(?<={p[0]}){re.escape(p[1:])}" for p in _NAME_PREFIXES)

# A list whose line breaks were lost glues each city to the state before it: "Woodbury,
# MNEagan, MNCoon Rapids, MN".
_FIRST_CITY_WORD = (
    rf"{UPPER_LETTER}(?:(?<!\w.)|(?<=[a-z.], [A-Z]{{2}}.))"
    rf"(?:(?:{_BACK_PREFIXES}){UPPER_LETTER})?{_CITY_WORD_END}"
)

_CITY_CODE_COUNTRY = re.compile(rf"{CITY} (?P<code>[A-Z]{{2,3}}), (?P<country>[A-Z][\w .]+)")

# Australia's way: the state's code and the postcode after the town, "Sydney NSW 2000", or
# the code alone, after a suburb too: "Melbourne VIC", "Docklands, Melbourne VIC".
_CITY_CODE_POSTCODE = re.compile(rf"(?:{CITY}, )?{CITY} (?P<code>[A-Z]{{2,3}})(?: \d{{4}})?")

_STREET_END = re.compile(rf"[^,]*\b{_STREET_WORD},")

# Workday's coded places: "US-CA-San Jose", its newer "US, CA, Santa Clara", and with the
# state written out, "US, Oregon, Hillsboro" (workday_place checks the state).
WORKDAY_PLACE = re.compile(
    rf"[A-Z]{{2}}-(?P<code>[A-Z]{{2}})-{CITY}"
    rf"|[A-Z]{{2}}, (?:(?P<code2>[A-Z]{{2}})|(?P<state>{CITY})), {CITY}"
)


def workday_place(value: str) -> bool:
    m = WORKDAY_PLACE.fullmatch(value)
    return m is not None and (m.group("state") is None or is_region(m.group("state")))


@cache
def gazetteer() -> dict[str, frozenset[str]]:
    """Place forms from etl/vocab/places.toml: subdivision codes and names, countries, regions.

    Names keep their case (the vocabulary matches case-sensitively: "US" is not "us").
    """
    data = load("places")
    codes, names, city_names, countries, regions = set(), set(), set(), set(), set()
    for sub in data.get("subdivision", []):
        if "code" in sub:
            codes.add(sub["code"])
        names.add(sub["name"])
        names.update(sub.get("aliases", []))
        if sub.get("also_city"):
            city_names.add(sub["name"])
    for country in data.get("country", []):
        countries.add(country["name"])
        countries.update(country.get("aliases", []))
    cities = {city["name"] for city in data.get("city", [])}
    for region in data.get("region", []):
        regions.add(region["name"])
        regions.update(region.get("aliases", []))
    return {
        "states": frozenset(codes),
        "state_names": frozenset(names),
        "city_names": frozenset(city_names),  # state names that are also cities' ("New York")
        "countries": frozenset(countries),
        "regions": frozenset(regions),
        "cities": frozenset(cities),  # named alone, with no state or country after them
        # What is_region looks a value up in: one set, not three.
        "region_names": frozenset(countries | regions | names),
    }


@cache
def city_state_pattern() -> re.Pattern:
    places = gazetteer()
    codes = literal_alternation(sorted(places["states"]))
    names = literal_alternation(sorted(places["state_names"], key=len, reverse=True))
    # A two-letter form only when the vocabulary does not mark it ambiguous: "London, UK", not
    # "US" ("JOIN US").
    countries = literal_alternation(
        [
            c
            for c in sorted(places["countries"], key=len, reverse=True)
            if len(c) > 2 or c not in _ambiguous_countries()
        ]
    )
    # The city and its comma are read once for both endings, a state or a country: a city
    # ends at its comma, so the tries come in the same order as with the city read twice.
    return re.compile(
        rf"(?P<loc>{_FIRST_CITY_WORD}(?:{_NEXT_CITY_WORD}){{0,3}},[ \t]*"
        # "Waterloo, ONWork Term: …": a label glued to the state code still ends it.
        rf"(?:(?:{codes}(?:\b|(?=[A-Z][a-z]))(?:[ \t]+\d{{5}})?|{names}\b)"
        # "Kanata, ON, CA": Canada's code after a province's (no state list: "WA, CA, NY").
        rf"(?:,[ \t]*(?:USA|US|U\.S\.A?\.?|United States of America|United States|Canada|"
        rf"CA(?!,[ \t]*[A-Z]{{2}}\b)|India|Australia)\b)?"
        # "Amsterdam, North Holland, Netherlands": a region the vocabulary does not list.
        rf"|{_CITY_WORD}(?: {_CITY_WORD}){{0,2}},[ \t]*{countries}\b"
        rf"|{countries}\b))"
    )


def names_a_place(value: str) -> bool:
    """A value that is a place in a form the vocabulary or the city patterns know: "Austin, TX",
    "Canada", "London", "US-CA-San Jose"."""
    return (
        is_region(value)
        or value in gazetteer()["cities"]
        or workday_place(value)
        or any(is_city(*m.group("loc").split(",")[:2]) for m in cities_in(value))
    )


JOB_NOUN = re.compile(
    r"\b(?:Engineer|Developer|Intern|Scientist|Analyst|Manager|Designer|Architect|Specialist|"
    r"Consultant|Coordinator|Associate|Director|Researcher|Programmer|Technician|Executive|"
    r"Representative|Officer|Assistant|Administrator|Nurse|Driver)s?\b"
    # A discipline ends a title as a job noun does: "Director of Software Engineering, UK".
    r"|\b(?:Engineering|Software|Operations|Marketing|Analytics|Infrastructure)\b"
    # A signature's unit: "Priya Raman | University Recruiting, Canada".
    r"|\b(?:Recruiting|Recruitment|Talent|Acquisition|Relations|Careers|Programs)\b"
)

_NOT_CITY = frozenset(
    {
        "Remote",
        "Hybrid",
        "Onsite",
        "On-site",
        "Virtual",
        "Location",
        "Locations",
        "Office",
        "Anywhere",
    }
)


def is_city(name: str, region: str = "") -> bool:
    """ "Austin" is a city; "AZ" in "AZ, CA, CO", "Alaska" in "Alaska, Hawaii" and "Remote" are not.

    A state's name is a city when a state code follows ("New York, NY"), not in a list of states.
    """
    name, region = name.strip(), region.strip().split(" ")[0]
    places = gazetteer()
    # "Singapore, Singapore", "Luxembourg, Luxembourg": a city-state written as its own city.
    named_like_a_state = (
        (name in places["state_names"] and name not in places["city_names"])
        or name in places["countries"]
    ) and name.split(" ")[0] != region
    return (
        len(name) > 2
        and name not in places["states"]
        and not (named_like_a_state and region not in places["states"])
        and name not in _NOT_CITY
        and not (name.isupper() and len(name) <= 3)
        and not JOB_NOUN.search(name)  # "Partner Development Associate, Florida" is a title
    )


# "Austin, Texas, Denver, Colorado and ...", "San Francisco, New York, London and Toronto".
_LIST_GOES_ON = re.compile(r",\s*[A-Z][a-z]+(?:,|\s+(?:and|or|&)\s+[A-Z])")


def continues_a_list(text: str, end: int) -> bool:
    """ "offices in Austin, Texas, Denver, Colorado and ...": a list of places, not one."""
    return bool(_LIST_GOES_ON.match(text[end : end + 40]))


def is_place_line(line: str) -> bool:
    """A short line that is only a place: "Cupertino, California, United States", "Remote - US"."""
    line = line.strip()
    if is_region(line):
        return True
    m = city_state_pattern().match(line)
    return bool(m) and len(line) - len(m.group("loc")) <= 12


def is_place_name(value: str) -> bool:
    """A country, region or state/province name, or a large job market's city ("Dublin"), as
    the vocabulary spells it."""
    return is_region(value) or value.strip() in gazetteer()["cities"]


_FIRST_WORD = re.compile(r"[^ ,]*")


def cities_in(text: str):
    """The city patterns' matches, left to right; a street address's last word is no city: in
    "2 East 15th Street, New York, NY 10003" the search goes on after "Street,"."""
    if not may_name_a_city(text):
        return
    pattern = city_state_pattern()
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if _STREET_END.match(m.group("loc")):
            pos = m.start("loc") + m.group("loc").index(",") + 1
            continue
        first = _FIRST_WORD.match(m.group("loc")).group(0)
        if first in _NOT_CITY:  # "Location New York, NY" read off "Location<TAB>New York, NY"
            pos = m.start("loc") + len(first)
            continue
        owner_end = _owner_end(m.group("loc"))
        if owner_end:  # "Acme's Denver, CO office", "Meridian Freight Labs' Chicago, IL office"
            pos = m.start("loc") + owner_end
            continue
        yield m
        pos = m.end()


def _owner_end(loc: str) -> int:
    """Where a known city starts after its owner's possessive name ("Corvella's Denver, CO",
    "Meridian Freight Labs' Chicago, IL"), else 0 ("Lee's Summit, MO" and "St. John's, NL" are
    cities of their own)."""
    city = loc[: loc.index(",")]
    if "'" not in city and "’" not in city:
        return 0
    words = city.split(" ")
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].endswith(("'s", "’s", "s'", "s’")):
            rest = " ".join(words[i:])
            return len(city) - len(rest) if rest in gazetteer()["cities"] else 0
    return 0


# A comma may_name_a_city looks at: after a letter or mark that may be lower case and before
# one that may be upper case. ASCII letters are decided here, other letters by str.islower
# and str.isupper. It opens with the comma so the engine can jump from comma to comma.
_CITY_COMMA = re.compile(r",(?<=[a-z.'\x80-\U0010ffff],)[ \t]*(?=[A-Z\x80-\U0010ffff])")


def may_name_a_city(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` has a "<lower-case letter>,<space>*<capital>" a city pattern
    needs.

    A cheap necessary condition: the city pattern is tried at every position of the text,
    and most lines with a comma are lists of words, not places.
    """
    for m in _CITY_COMMA.finditer(text, start, len(text) if end is None else end):
        if m.start() == start:
            continue  # the letter before the comma is outside `text[start:end]`
        before, after = text[m.start() - 1], text[m.end()]
        if (before.islower() or before in ".'’") and after.isupper():
            return True
    return False


def labelled_place(value: str) -> bool:
    """ "Toronto", "Filton, Bristol", "Basingstoke, UK": a town, with its county or country."""
    if LABELLED_PLACE.fullmatch(value):
        return True
    town, _, country = value.rpartition(", ")
    town = _POSTAL_DISTRICT.sub("", town)  # "Dublin 2, Ireland": the city's postal district
    return bool(town) and is_region(country) and bool(LABELLED_PLACE.fullmatch(town))


_POSTAL_DISTRICT = re.compile(r" \d{1,2}$")


def town_list(parts: list[str]) -> bool:
    """Three or more town names with no state, region or country among them (two could be a
    town and its county: "Filton, Bristol"); a city that is also a country ("Singapore") is a
    town here. Two known cities, neither a state's or country's name too, are two towns:
    "Bangalore, Hyderabad" (but "Brooklyn, New York" is one place)."""
    places = gazetteer()
    if len(parts) == 2:
        return all(part in places["cities"] and not is_region(part) for part in parts)
    return (
        len(parts) >= 3
        and all(LABELLED_PLACE.fullmatch(part) for part in parts)
        and not any(
            (is_region(part) or part in places["states"]) and part not in places["cities"]
            for part in parts
        )
    )


def lists_cities(loc: str) -> bool:
    """ "New York, London, Singapore": what reads as city, region, country is three cities;
    "the Balkans, Ireland, Italy" three regions (no town lies in one country within another);
    but "Bristol, England, United Kingdom" is a town, its nation and their country."""
    parts = [part.strip() for part in loc.split(",")]
    places = gazetteer()
    countries = _country_of()
    return len(parts) == 3 and (
        parts[1] in places["cities"]
        or (
            parts[1] in countries
            and parts[2] in countries
            and countries[parts[1]] != countries[parts[2]]
        )
    )


@cache
def _ambiguous_countries() -> frozenset[str]:
    """The forms of countries places.toml marks `ambiguous`: "US" ("JOIN US")."""
    return frozenset(
        name
        for country in load("places").get("country", [])
        if country.get("ambiguous")
        for name in (country["name"], *country.get("aliases", []))
    )


@cache
def _country_of() -> dict[str, str]:
    """Each country's name and alias -> its name: "England" and "UK" -> "United Kingdom"."""
    out = {}
    for country in load("places").get("country", []):
        for name in (country["name"], *country.get("aliases", [])):
            out[name] = country["name"]
    return out


def city_code_country(value: str) -> bool:
    """ "Brisbane QLD, Australia", "Toronto ON, Canada": a city, its state's code, the country;
    or "Sydney NSW 2000", "Docklands, Melbourne VIC": the city, its Australian state's code,
    the postcode if any."""
    m = _CITY_CODE_COUNTRY.fullmatch(value)
    if m is None:
        m = _CITY_CODE_POSTCODE.fullmatch(value)
        # A four-digit postcode is Australia's, so is the state's code ("Job ID 4471" is no
        # place in Idaho).
        return bool(m) and m.group("code") in _australian_state_codes()
    return m.group("code") in gazetteer()["states"] and is_region(m.group("country"))


@cache
def _australian_state_codes() -> frozenset[str]:
    return frozenset(
        sub["code"]
        for sub in load("places").get("subdivision", [])
        if sub.get("country") == "AU" and "code" in sub
    )


def country_state_city(value: str) -> bool:
    """ "United States-California-San Diego": how Taleo writes a place, largest part first."""
    parts = value.split("-", 2)
    return (
        len(parts) == 3
        and is_region(parts[0])
        and is_region(parts[1])
        and bool(LABELLED_PLACE.fullmatch(parts[2].replace("-", " ")))  # "Winston-Salem"
    )


def is_region(value: str) -> bool:
    """A country, region or state/province name: "U.S." keeps its dot, "Canada." not."""
    names = gazetteer()["region_names"]
    return value.strip(" ") in names or value.strip(" .") in names


_NON_WORD = re.compile(r"\W+")


def distinct_places(found: list[Found]) -> list[Found]:
    """One of each place; a place read inside a longer one ("New York" in "New York, NY") is
    that one, and a known city named alone is the same city named with its state or country."""
    inside = _inside_longer(found)
    # "London" beside "London, UK" elsewhere on the page: one city, said in full there.
    cities = gazetteer()["cities"]
    said_in_full = {str(f.value).split(",")[0] for f in found if "," in str(f.value)}
    seen: dict[str, int] = {}  # a place's key -> its index in `out`
    out: list[Found] = []
    for i, f in enumerate(found):
        if i in inside or (str(f.value) in said_in_full and str(f.value) in cities):
            continue
        value = str(f.value).strip()
        # "US" in the header, "United States" (or Lever's "UNITED STATES") in the Location line.
        country = _country_of().get(value) or (
            _country_of().get(value.title()) if value.isupper() else None
        )
        key = _NON_WORD.sub(" ", country or str(f.value)).strip().lower()
        if not key or key == "remote":
            continue
        # "Columbus, OH 43215" and "Hartford, CT, US" name the place "Columbus, OH" and
        # "Hartford, CT" name: one place, kept as first written ("Location: Chandler, AZ, USA"
        # above "on-site in Chandler, AZ": as the label writes it).
        place = _PLACE_TAIL.sub("", key)
        zip_code = _ZIP_AFTER_STATE.search(str(f.value))
        if zip_code:  # "Boise, ID 83702": the city and state are the place; the ZIP, its address
            f = Found(str(f.value)[: zip_code.start()], f.start, f.start + zip_code.start())
        elif country == "United States":
            # The region of a remote role, as the conventions write it: "US", whether the page
            # says "United States", "USA" or "U.S." (the span keeps what it says).
            f = Found("US", f.start, f.end)
        if place not in seen:
            seen[place] = len(out)
            out.append(f)
    # Readers run one after another; the posting's order is the places' own.
    return _one_per_city(sorted(out, key=lambda f: f.start))


def _one_per_city(found: list[Found]) -> list[Found]:
    """ "Delft, Netherlands" in an address below "Delft, Zuid-Holland, Netherlands", and
    "Annapolis, Maryland" beside "Annapolis, MD": one city, kept as first written. The same
    city name with another state ("Portland, OR", "Portland, ME") is another city."""
    out: list[Found] = []
    kept_parts: dict[str, list[frozenset[str]]] = {}  # a city -> the parts of each kept place
    kept_at: dict[frozenset[str], int] = {}  # the parts of a kept place -> its index in `out`
    for f in found:
        parts = _place_parts(str(f.value))
        same_city = kept_parts.setdefault(parts[0], [])
        whole = frozenset(parts)
        if len(parts) > 1:
            kept = next((k for k in same_city if whole <= k or k <= whole), None)
            if kept is not None:
                i = kept_at[kept]
                if _coded(str(out[i].value)) and not _coded(str(f.value)):
                    # Taleo's "Canada-Ontario-Toronto" or iCIMS's "US-CO-Fort Collins" above the
                    # text's "Toronto, ON": the place as the posting writes it for people.
                    out[i] = f
                elif (
                    whole == kept
                    and _WITH_STATE_CODE.search(str(f.value))
                    and not _WITH_STATE_CODE.search(str(out[i].value))
                ):
                    # "Hartford, Connecticut" in a board's header, "Location: Hartford, CT"
                    # below: one place, written as labels write it.
                    out[i] = f
                elif whole > kept and not _coded(str(f.value)):
                    # "On site in Cambridge, MA" above the Locations list's "Cambridge,
                    # Massachusetts, United States of America": the place in full.
                    out[i] = f
                    kept_parts[parts[0]] = [whole if k == kept else k for k in same_city]
                    kept_at[whole] = i
                continue
        same_city.append(whole)
        kept_at[whole] = len(out)
        out.append(f)
    # "remote within Alberta" beside "Calgary, Alberta, Canada": the province is the city's.
    states = gazetteer()["state_names"]
    within = {
        part for parts in kept_parts.values() for whole in parts if len(whole) > 1 for part in whole
    }
    return [f for f in out if not (str(f.value) in states and str(f.value).lower() in within)]


_WITH_STATE_CODE = re.compile(r", [A-Z]{2}\b")


def _coded(value: str) -> bool:
    """An ATS's coded place, largest part first: "Canada-Ontario-Toronto", "US-CO-Fort Collins"."""
    return country_state_city(value) or workday_place(value)


def _place_parts(value: str) -> list[str]:
    """A place's comma-separated parts, lower-case, with a state's code written as its name;
    Taleo's "Canada-Ontario-Toronto" read smallest part first, as "Toronto, ON, Canada" is."""
    names = _state_name_of_code()
    parts = value.split(",")
    if len(parts) == 1 and _coded(value):
        parts = value.split("-", 2)[::-1]  # "US-CO-Fort Collins" is "Fort Collins, CO, US"
    return [names.get(part.strip(), part.strip()).lower() for part in parts]


@cache
def _state_name_of_code() -> dict[str, str]:
    return {
        sub["code"]: sub["name"]
        for sub in load("places").get("subdivision", [])
        # US states' and Canadian provinces' codes never clash (Australia's WA and NT would).
        if "code" in sub and sub.get("country") in ("US", "CA")
    }


# What a place's key may add to a city and its state's code: the ZIP code, the country.
_PLACE_TAIL = re.compile(
    r"(?<= [a-z]{2})(?: \d{5}(?: \d{4})?)?(?: (?:usa?|u s a?|united states|canada))?$"
)


# "Boise, ID 83702", "Golden, CO 80401, USA": the address's ZIP and the country after it.
_ZIP_AFTER_STATE = re.compile(
    r"(?<=, [A-Z]{2}) \d{5}(?:-\d{4})?(?:,? (?:USA|US|U\.S\.A?\.?|United States(?: of America)?))?$"
)


def _inside_longer(found: list[Found]) -> set[int]:
    """Indexes of places whose span lies within a longer place's span: one sweep in start
    order (longest first), so a page listing a place thousands of times stays linear."""
    order = sorted(range(len(found)), key=lambda i: (found[i].start, -found[i].end))
    inside: set[int] = set()
    reach, reach_length = -1, 0  # the furthest end so far, and the length of its span
    for i in order:
        f = found[i]
        if f.end <= reach and f.end - f.start < reach_length:
            inside.add(i)
        elif f.end > reach:
            reach, reach_length = f.end, f.end - f.start
    return inside
