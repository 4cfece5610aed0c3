"""Integrity of the reviewed vocabularies in etl/vocab/: skills.toml and places.toml.

These check the data the parser's matcher is built from, not the matcher: that every surface
form points at exactly one canonical term, that `language` stays strict, that the words
ordinary English also uses are flagged, and that the place lists are complete.
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import pytest

VOCAB_DIR = Path(__file__).resolve().parents[2] / "etl" / "vocab"
SKILLS_PATH = VOCAB_DIR / "skills.toml"
PLACES_PATH = VOCAB_DIR / "places.toml"

CATEGORIES = {
    "language",
    "query",
    "markup",
    "shell",
    "framework",
    "runtime",
    "library",
    "database",
    "cloud",
    "devops",
    "data",
    "ml",
    "mobile",
    "tool",
    "testing",
    "practice",
    "os",
    "hardware",
    "business",
    "security",
}
TERM_KEYS = {"name", "category", "aliases", "exact", "ambiguous"}

# The languages of ../shared/eval/CONVENTIONS.md, spelled as the hand labels spell them.
CONVENTION_LANGUAGES = [
    "Python",
    "Java",
    "Go",
    "C",
    "C++",
    "C#",
    "JavaScript",
    "TypeScript",
    "PHP",
    "Kotlin",
    "Ruby",
    "Scala",
    "R",
    "MATLAB",
]
# Named by the conventions as skills, never languages.
NOT_LANGUAGES = [
    "SQL",
    "T-SQL",
    "PL/SQL",
    "NoSQL",
    "HTML",
    "CSS",
    "Bash",
    "KornShell",
    "PowerShell",
    "React",
    "Vue",
    "Node.js",
    "Express",
    "Koa",
    "SAS",
    "Verilog",
]

# A form people write -> the canonical name it must resolve to. Adding a term adds a row here.
SURFACE_ROWS = [
    ("Ansys", "ANSYS"),
    ("Abaqus", "Abaqus"),
    ("COMSOL Multiphysics", "COMSOL"),
    ("RISC-V", "RISC-V"),
    ("PCI Express", "PCIe"),
    ("AUTOSAR", "AUTOSAR"),
    ("MLIR", "MLIR"),
    ("ZMQ", "ZeroMQ"),
    ("Golang", "Go"),
    ("GoLang", "Go"),
    ("golang", "Go"),
    ("JS", "JavaScript"),
    ("javascript", "JavaScript"),
    ("ES6", "JavaScript"),
    ("ECMAScript", "JavaScript"),
    ("Typescript", "TypeScript"),
    ("python", "Python"),
    ("c++", "C++"),
    ("Matlab", "MATLAB"),
    ("Objective C", "Objective-C"),
    ("sql", "SQL"),
    ("TSQL", "T-SQL"),
    ("PL/SQL", "PL/SQL"),
    ("HTML5", "HTML"),
    ("CSS3", "CSS"),
    ("bash", "Bash"),
    ("AWS", "AWS"),
    ("Amazon Web Services", "AWS"),
    ("GCP", "Google Cloud Platform"),
    ("Google Cloud", "Google Cloud Platform"),
    ("Azure", "Microsoft Azure"),
    ("React.js", "React"),
    ("ReactJS", "React"),
    ("Vue.js", "Vue"),
    ("VueJS", "Vue"),
    ("Node", "Node.js"),
    ("NodeJS", "Node.js"),
    ("Node JS", "Node.js"),
    ("node.js", "Node.js"),
    ("Express.js", "Express"),
    ("ExpressJS", "Express"),
    ("Koa.js", "Koa"),
    ("NextJS", "Next.js"),
    ("Rails", "Ruby on Rails"),
    ("SpringBoot", "Spring Boot"),
    ("dotnet", ".NET"),
    ("Postgres", "PostgreSQL"),
    ("SQL Server", "Microsoft SQL Server"),
    ("MSSQL", "Microsoft SQL Server"),
    ("Mongo", "MongoDB"),
    ("ElasticSearch", "Elasticsearch"),
    ("K8s", "Kubernetes"),
    ("k8s", "Kubernetes"),
    ("CICD", "CI/CD"),
    ("ArgoCD", "Argo CD"),
    ("Apache Kafka", "Kafka"),
    ("Apache Spark", "Spark"),
    ("AirFlow", "Airflow"),
    ("DBT", "dbt"),
    ("PowerBI", "Power BI"),
    ("MS Excel", "Excel"),
    ("ML", "Machine learning"),
    ("machine learning", "Machine learning"),
    ("AI", "Artificial intelligence"),
    ("GenAI", "Generative AI"),
    ("LLM", "LLMs"),
    ("sklearn", "scikit-learn"),
    ("Scikit-Learn", "scikit-learn"),
    ("RESTful", "REST"),
    ("micro-services", "Microservices"),
    ("A/B tests", "A/B testing"),
    ("UX/UI", "UI/UX"),
    ("TCP/IP", "TCP/IP"),
    ("OS X", "macOS"),
    ("SFDC", "Salesforce"),
    ("MS Office", "Microsoft Office"),
    ("Office 365", "Microsoft Office"),
    ("Word", "Microsoft Word"),
    ("VS Code", "Visual Studio Code"),
    ("Swagger", "OpenAPI"),
    ("OAuth2", "OAuth"),
    ("S/4HANA", "SAP S/4HANA"),
    ("Pub/Sub", "Pub/Sub"),
    ("CANbus", "CAN bus"),
    ("CloudSQL", "Cloud SQL"),
    ("Gherkin", "Cucumber"),
    ("SSL", "TLS"),
    ("MCU", "Microcontrollers"),
    ("HTTPS", "HTTP"),
]

# Forms that must NOT match anything: ordinary words or abbreviations that mostly mean
# something else in postings, or that a term only matches in its own capitalisation.
NON_FORMS = [
    "go",
    "GO",
    "c",
    "r",
    "D",
    "TS",
    "CPP",
    "EMR",
    "Next",
    "Play",
    "Access",
    "Teams",
    "Office",
    "Salt",
    "Shell",
    "Phoenix",
    "Aurora",
    "Delta",
    "Lightning",
    "ADA",
    "excel",
    "spring",
    "express",
    "rest",
    "Rest",
    "node",
    "ml",
    "mL",
    "latex",
    "markdown",
    "safe",
    "selenium",
    "http",
    "great expectations",
]

# Forms that are also ordinary English, letters, names, places or other abbreviations: the
# term that owns each must be flagged `ambiguous`. Adding such a term adds its form here.
AMBIGUOUS_FORMS = [
    "Go",
    "C",
    "R",
    "Swift",
    "Rust",
    "Scala",
    "Ruby",
    "Julia",
    "Dart",
    "Elixir",
    "Groovy",
    "Assembly",
    "Solidity",
    "Apex",
    "Ada",
    "Pascal",
    "Delphi",
    "Elm",
    "Express",
    "Koa",
    "Spring",
    "Rails",
    "Flask",
    "Hibernate",
    "Ember",
    "Backbone",
    "Gatsby",
    "React",
    "Angular",
    "Vue",
    "Node",
    "Bootstrap",
    "Electron",
    "Unity",
    "Unreal",
    "Gin",
    "Shiny",
    "pandas",
    "Celery",
    "Boost",
    "Oracle",
    "Cassandra",
    "Snowflake",
    "Lambda",
    "Glue",
    "Chef",
    "Puppet",
    "Jenkins",
    "Helm",
    "Bamboo",
    "Sentry",
    "Envoy",
    "Vagrant",
    "Rancher",
    "Spark",
    "Storm",
    "Hive",
    "Pig",
    "Beam",
    "Kafka",
    "Presto",
    "Airflow",
    "Parquet",
    "Looker",
    "Amplitude",
    "Prefect",
    "SAS",
    "Stata",
    "Excel",
    "DBT",
    "Ray",
    "JAX",
    "RAG",
    "Flutter",
    "Ionic",
    "Cordova",
    "Confluence",
    "Asana",
    "Slack",
    "Sketch",
    "Blender",
    "Postman",
    "Eclipse",
    "Babel",
    "Maven",
    "Storybook",
    "Selenium",
    "Cypress",
    "Jest",
    "Mocha",
    "Jasmine",
    "Playwright",
    "Puppeteer",
    "Cucumber",
    "SOAP",
    "Agile",
    "Windows",
    "SAP",
    "Workday",
    "Epic",
    "Word",
    "Outlook",
    "Markdown",
    "GCP",
    "AWS",
    "Vault",
    "Loki",
    "Honeycomb",
    "Pinecone",
    "Espresso",
    "ROS",
    "Great Expectations",
]

# Slash forms that are one thing (the matcher splits every other "a/b" into its parts).
ONE_THING_SLASH_FORMS = {"CI/CD", "A/B testing", "TCP/IP", "PL/SQL", "UI/UX"}


def _load(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def skills() -> dict:
    return _load(SKILLS_PATH)


@pytest.fixture(scope="module")
def terms(skills: dict) -> list[dict]:
    return skills["term"]


@pytest.fixture(scope="module")
def by_name(terms: list[dict]) -> dict[str, dict]:
    return {t["name"]: t for t in terms}


def _forms(term: dict) -> list[str]:
    return [term["name"], *term.get("aliases", [])]


def _resolve(terms: list[dict], text: str) -> list[str]:
    """Names of the terms a surface form matches, honouring `exact` (what the matcher will do)."""
    hits = []
    for term in terms:
        for form in _forms(term):
            same = form == text if term.get("exact") else form.casefold() == text.casefold()
            if same:
                hits.append(term["name"])
                break
    return hits


# --- skills.toml: shape -------------------------------------------------------------------


def test_skills_has_at_least_300_terms(terms: list[dict]) -> None:
    assert len(terms) >= 300


def test_every_term_has_only_known_keys_of_the_right_type(terms: list[dict]) -> None:
    for term in terms:
        assert set(term) <= TERM_KEYS, term
        assert isinstance(term["name"], str) and isinstance(term["category"], str), term
        assert isinstance(term.get("aliases", []), list), term
        assert all(isinstance(a, str) for a in term.get("aliases", [])), term
        assert isinstance(term.get("exact", False), bool), term
        assert isinstance(term.get("ambiguous", False), bool), term


def test_forms_are_clean_strings(terms: list[dict]) -> None:
    for term in terms:
        for form in _forms(term):
            assert form and form == form.strip() and "  " not in form, (term["name"], form)


def test_declared_categories_are_the_documented_set(skills: dict, terms: list[dict]) -> None:
    assert set(skills["categories"]) == CATEGORIES
    used = Counter(t["category"] for t in terms)
    assert set(used) <= CATEGORIES, set(used) - CATEGORIES
    unused = CATEGORIES - set(used)
    assert not unused, f"declared but unused categories: {unused}"


def test_canonical_names_are_unique(terms: list[dict]) -> None:
    dupes = [n for n, c in Counter(t["name"] for t in terms).items() if c > 1]
    assert not dupes


# --- skills.toml: one form, one term ---------------------------------------------------------


def test_no_form_repeats_within_a_term_unless_exact_case_variants(terms: list[dict]) -> None:
    for term in terms:
        forms = _forms(term)
        assert len(forms) == len(set(forms)), term["name"]
        if not term.get("exact"):
            folded = [f.casefold() for f in forms]
            assert len(folded) == len(set(folded)), f"{term['name']}: redundant case variants"


def test_each_case_folded_form_belongs_to_one_term(terms: list[dict]) -> None:
    claims: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for term in terms:
        for form in _forms(term):
            claims[form.casefold()].append((term["name"], form, bool(term.get("exact"))))
    clashes = []
    for folded, owners in claims.items():
        if len({name for name, _, _ in owners}) < 2:
            continue
        # The documented exception: every claimant exact, each with its own capitalisation.
        all_exact = all(exact for _, _, exact in owners)
        distinct = len({form for _, form, _ in owners}) == len(owners)
        if not (all_exact and distinct):
            clashes.append((folded, sorted({name for name, _, _ in owners})))
    assert not clashes


def test_no_alias_is_another_terms_name(terms: list[dict]) -> None:
    by_folded_name = {t["name"].casefold(): t for t in terms}
    for term in terms:
        for alias in term.get("aliases", []):
            other = by_folded_name.get(alias.casefold())
            if other is None or other is term:
                continue
            # Only the exact-case exception may share a name's letters, never its spelling.
            assert term.get("exact") and other.get("exact") and alias != other["name"], (
                term["name"],
                alias,
                other["name"],
            )


def test_slash_forms_are_single_things_not_combinations(terms: list[dict]) -> None:
    every_form = {f.casefold() for t in terms for f in _forms(t)}
    for term in terms:
        for form in _forms(term):
            if "/" not in form:
                continue
            parts = [p.strip().casefold() for p in form.split("/")]
            assert not all(p in every_form for p in parts), (term["name"], form)
    slash_forms = {f for t in terms for f in _forms(t) if "/" in f}
    assert slash_forms >= ONE_THING_SLASH_FORMS


@pytest.mark.parametrize(("form", "canonical"), SURFACE_ROWS)
def test_surface_form_resolves_to_its_canonical_term(
    terms: list[dict], form: str, canonical: str
) -> None:
    assert _resolve(terms, form) == [canonical]


@pytest.mark.parametrize("form", NON_FORMS)
def test_ordinary_words_are_not_forms(terms: list[dict], form: str) -> None:
    assert _resolve(terms, form) == []


# --- skills.toml: languages -------------------------------------------------------------------


@pytest.mark.parametrize("name", CONVENTION_LANGUAGES)
def test_convention_languages_are_languages(by_name: dict[str, dict], name: str) -> None:
    assert by_name[name]["category"] == "language"


@pytest.mark.parametrize("name", NOT_LANGUAGES)
def test_skills_named_by_the_conventions_are_not_languages(
    by_name: dict[str, dict], name: str
) -> None:
    assert by_name[name]["category"] != "language"


def test_language_category_holds_only_programming_languages(terms: list[dict]) -> None:
    languages = {t["name"] for t in terms if t["category"] == "language"}
    assert set(CONVENTION_LANGUAGES) <= languages
    assert not languages & set(NOT_LANGUAGES)
    # Query, markup, shell and hardware-description languages have their own categories.
    for word in ("SQL", "HTML", "CSS", "Shell", "Bash", "Verilog", "VHDL", "YAML", "JSON"):
        assert not any(word.casefold() in n.casefold().split() for n in languages), word


# --- skills.toml: ambiguity -------------------------------------------------------------------


@pytest.mark.parametrize("form", AMBIGUOUS_FORMS)
def test_terms_owning_ordinary_words_are_ambiguous(terms: list[dict], form: str) -> None:
    owners = _resolve(terms, form)
    assert len(owners) == 1, (form, owners)
    assert next(t for t in terms if t["name"] == owners[0]).get("ambiguous") is True, owners[0]


def test_single_letter_forms_are_exact_and_ambiguous(terms: list[dict]) -> None:
    for term in terms:
        if any(len(f) == 1 for f in _forms(term)):
            assert term.get("exact") and term.get("ambiguous"), term["name"]


def test_exact_terms_spell_out_a_capitalisation(terms: list[dict]) -> None:
    # An exact term must list the capitalisation that separates it from the word; a term that
    # is exact with nothing but lowercase forms could never be told apart from the word.
    for term in terms:
        if term.get("exact"):
            assert any(f != f.lower() for f in _forms(term)), term["name"]


# --- places.toml --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places() -> dict:
    return _load(PLACES_PATH)


def _subdivisions(places: dict, country: str, kind: str) -> list[dict]:
    return [s for s in places["subdivision"] if s["country"] == country and s["kind"] == kind]


def test_us_has_50_states_and_dc(places: dict) -> None:
    states = _subdivisions(places, "US", "state")
    assert len(states) == 50
    assert {s["code"] for s in _subdivisions(places, "US", "district")} == {"DC"}
    by_code = {s["code"]: s["name"] for s in states}
    assert by_code["CA"] == "California" and by_code["WA"] == "Washington"
    assert by_code["NY"] == "New York" and by_code["TX"] == "Texas"


def test_us_territories_are_separate_from_states(places: dict) -> None:
    codes = {s["code"] for s in _subdivisions(places, "US", "territory")}
    assert {"PR", "GU", "VI", "AS", "MP"} <= codes
    assert not codes & {s["code"] for s in _subdivisions(places, "US", "state")}


def test_canada_has_13_provinces_and_territories(places: dict) -> None:
    provinces = _subdivisions(places, "CA", "province")
    territories = _subdivisions(places, "CA", "territory")
    assert len(provinces) == 10 and len(territories) == 3
    by_code = {s["code"]: s["name"] for s in provinces + territories}
    assert by_code["ON"] == "Ontario" and by_code["BC"] == "British Columbia"
    assert by_code["QC"] == "Quebec" and by_code["NU"] == "Nunavut"


def test_india_and_australia_have_their_states_and_territories(places: dict) -> None:
    assert len(_subdivisions(places, "IN", "state")) == 28
    assert len(_subdivisions(places, "IN", "union territory")) == 8
    assert len(_subdivisions(places, "AU", "state")) == 6
    assert len(_subdivisions(places, "AU", "territory")) == 2
    # Indian ISO codes (KA, TN, MH) collide with US states and words: postings write names.
    assert not any("code" in s for s in places["subdivision"] if s["country"] == "IN")
    assert all(s.get("code") for s in places["subdivision"] if s["country"] != "IN")


def test_subdivision_codes_are_unique_two_letter_codes(places: dict) -> None:
    for country in ("US", "CA"):
        codes = [s["code"] for s in places["subdivision"] if s["country"] == country]
        assert len(codes) == len(set(codes)), country
        assert all(len(c) == 2 and c.isupper() for c in codes), country


def test_countries_have_unique_names_codes_and_aliases(places: dict) -> None:
    countries = places["country"]
    assert len(countries) >= 190
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isupper() for c in codes)
    forms = [f for c in countries for f in [c["name"], *c.get("aliases", [])]]
    dupes = [f for f, n in Counter(f.casefold() for f in forms).items() if n > 1]
    assert not dupes


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("USA", "United States"),
        ("US", "United States"),
        ("U.S.", "United States"),
        ("United States of America", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("Deutschland", "Germany"),
        ("Türkiye", "Turkey"),
        ("Czechia", "Czech Republic"),
    ],
)
def test_country_aliases_resolve(places: dict, form: str, country: str) -> None:
    owners = [c["name"] for c in places["country"] if form in [c["name"], *c.get("aliases", [])]]
    assert owners == [country]


def test_regions_remote_postings_name_are_listed(places: dict) -> None:
    forms = {f for r in places["region"] for f in [r["name"], *r.get("aliases", [])]}
    assert {"EMEA", "APAC", "LATAM", "Europe", "North America", "Worldwide"} <= forms
    names = [r["name"] for r in places["region"]]
    assert len(names) == len(set(names))


def test_names_shared_by_a_state_and_a_country_are_flagged(places: dict) -> None:
    # "Georgia" is a US state and a country: the country entry must say so, or a posting in
    # Atlanta, Georgia would be counted abroad.
    countries = {c["name"].casefold(): c for c in places["country"]}
    regions = {r["name"].casefold() for r in places["region"]}
    for sub in places["subdivision"]:
        clash = countries.get(sub["name"].casefold())
        if clash is not None:
            assert clash.get("ambiguous") is True, sub["name"]
        assert sub["name"].casefold() not in regions, sub["name"]


def test_cities_named_alone_are_unique_and_in_known_countries(places: dict) -> None:
    names = [city["name"] for city in places["city"]]
    assert len(names) == len(set(names)), "a city is listed twice"
    codes = {country["code"] for country in places["country"]}
    assert all(city["country"] in codes for city in places["city"])
    # A bare name counts as a place: none may be an ordinary word or a common first name.
    assert not {"Reading", "Mobile", "Phoenix", "Charlotte", "Madison"} & set(names)
