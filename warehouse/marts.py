"""Marts: tables derived from the parsed postings, rebuilt whole at every publish.

`mart_codes` is a dictionary: every team, company, language, skill, location, season, degree,
employment type, pay period, currency and year gets a small integer code, with how many
postings carry it (it doubles as the filter options). `posting_facts` is one narrow row per
posting holding only codes, bit masks and numbers, which is what keeps the queries fast at
a million postings: integer equality, bit tests and small-integer group-bys instead of
string lists.

Codes: teams, companies and titles are numbered alphabetically (so sorting by code sorts by
name); languages, skills and locations by frequency, most frequent first, so the 64 most
frequent fit a 64-bit mask (rarer ones are found through the code lists). Search matches
words against these dictionaries (companies, titles, teams, locations) rather than scanning
a million strings. Seasons and
degrees have fixed bits.
"""

from __future__ import annotations

import duckdb

from warehouse.schema import get_meta, set_meta

# Bump whenever a mart is added or its definition changes: a reader that opens a file whose
# marts are older (or missing one) has them rebuilt through the publish path before querying.
MARTS_VERSION = 2
MART_TABLES = ("mart_codes", "posting_facts", "mart_skill_demand", "mart_skill_pairs",
               "mart_overview", "mart_extract")  # fmt: skip
# How `mart_extract` writes a list field in one cell (the CSV's own separator).
EXTRACT_LIST_SEPARATOR = "; "
EXTRACT_LIST_FIELDS = ("team_aliases", "locations", "seasons", "degree_levels", "languages",
                       "skills", "start_dates")  # fmt: skip

SEASON_BITS = {"Spring": 1, "Summer": 2, "Fall": 4, "Winter": 8}
DEGREE_BITS = {"BS": 1, "MS": 2, "PhD": 4}
PAY_PERIOD_CODES = {"hour": 1, "day": 2, "week": 3, "month": 4, "year": 5}
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
MASK_BITS = 64
# Which bit of `posting_facts.present_mask` says a field is filled in.
PRESENT_BITS = {
    "company": "p.company IS NOT NULL",
    "title": "p.title IS NOT NULL",
    "team": "p.team IS NOT NULL",
    "locations": "len(p.locations) > 0",
    "employment_type": "p.employment_type IS NOT NULL",
    "seasons": "len(p.seasons) > 0",
    "year": "p.year IS NOT NULL",
    "degree_levels": "len(p.degree_levels) > 0",
    "languages": "len(p.languages) > 0",
    "skills": "len(p.skills) > 0",
    "pay": "p.pay_min IS NOT NULL",
    "pay_period": "p.pay_period IS NOT NULL",
    "start_dates": "len(p.start_dates) > 0",
    "duration_weeks": "p.duration_weeks IS NOT NULL",
    "posted_date": "p.posted_date IS NOT NULL",
}


# The overview's headline numbers over `posting_facts f` rows matching `{where}`; the mart
# keeps them for the unfiltered warehouse, the query computes them for any filter.
OVERVIEW_SQL = f"""SELECT count(*) AS postings,
      count(DISTINCT f.company_code) AS companies,
      count(DISTINCT f.team_code) AS teams,
      -- the 64 most frequent locations by bit, the rarer ones by their codes
      coalesce(bit_count(bit_or(f.location_mask)), 0)
        + (SELECT count(DISTINCT c) FROM (
             SELECT unnest(list_filter(f.location_codes, x -> x >= {MASK_BITS})) AS c
             FROM posting_facts f WHERE {{where}} AND list_max(f.location_codes) >= {MASK_BITS}))
        AS locations,
      count(*) FILTER (WHERE f.pay_min IS NOT NULL) AS with_pay,
      count(*) FILTER (WHERE len(f.start_dates) > 0) AS with_start_dates,
      count(*) FILTER (WHERE f.team_code IS NOT NULL) AS with_team,
      count(*) FILTER (WHERE f.employment_code = (SELECT code FROM mart_codes
          WHERE field = 'employment_types' AND value = 'internship')) AS internships,
      min(f.posted_date) AS earliest_posted,
      max(f.posted_date) AS latest_posted,
      count(*) FILTER (WHERE f.dup_group_size > 1 AND f.is_canonical) AS repost_groups
    FROM posting_facts f WHERE {{where}}"""  # noqa: S608 - constant fragments


def _fixed_codes(field: str, codes: dict[str, int]) -> str:
    rows = ", ".join(f"('{value}', {code})" for value, code in codes.items())
    return f"SELECT '{field}' AS field, value, code FROM (VALUES {rows}) v(value, code)"  # noqa: S608 - constant vocabulary


def _case(column: str, codes: dict[str, int], default: str = "NULL") -> str:
    branches = " ".join(f"WHEN '{value}' THEN {code}" for value, code in codes.items())
    return f"CASE {column} {branches} ELSE {default} END"


def marts_version(con: duckdb.DuckDBPyConnection) -> int:
    """The marts version recorded in `meta` (0 when none: marts built before it was recorded)."""
    recorded = get_meta(con).get("marts_version")
    try:
        return int(recorded or 0)
    except ValueError:
        return 0


def missing_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The marts this release reads that the database lacks."""
    present = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_catalog = current_database() AND list_contains($names, table_name)",
            {"names": list(MART_TABLES)},
        ).fetchall()
    }
    return [name for name in MART_TABLES if name not in present]


def marts_outdated(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the marts were built by an older release's definitions or one is missing.

    Marts from a newer release (a higher version, none missing) are not outdated: rebuilding
    them here would undo that release's work every time this one opened the file.
    """
    return marts_version(con) < MARTS_VERSION or bool(missing_marts(con))


def refresh_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every mart from the parsed layer (inside a build) and record MARTS_VERSION."""
    con.execute(
        f"""CREATE OR REPLACE TABLE mart_codes AS
        WITH one AS (
            SELECT 'teams' AS field, team AS value, is_canonical FROM postings
            UNION ALL SELECT 'companies', company, is_canonical FROM postings
            UNION ALL SELECT 'titles', title, is_canonical FROM postings
            UNION ALL SELECT 'employment_types', employment_type, is_canonical FROM postings
            UNION ALL SELECT 'pay_periods', pay_period, is_canonical FROM postings
            UNION ALL SELECT 'currencies', pay_currency, is_canonical FROM postings
            UNION ALL SELECT 'years', CAST(year AS VARCHAR), is_canonical FROM postings
            UNION ALL SELECT 'languages', unnest(languages), is_canonical FROM postings
            UNION ALL SELECT 'locations', unnest(locations), is_canonical FROM postings
            UNION ALL SELECT 'seasons', unnest(seasons), is_canonical FROM postings
            UNION ALL SELECT 'degrees', unnest(degree_levels), is_canonical FROM postings),
        counted AS (
            SELECT field, value, count(*) FILTER (WHERE is_canonical) AS postings,
                   count(*) AS postings_all, NULL::VARCHAR AS category
            FROM one WHERE value IS NOT NULL AND value <> '' GROUP BY field, value
            UNION ALL
            SELECT 'skills', s.name, count(*) FILTER (WHERE p.is_canonical), count(*),
                   any_value(s.category)
            FROM posting_skills s JOIN postings p USING (posting_id) GROUP BY s.name),
        fixed AS (
            {_fixed_codes("seasons", SEASON_BITS)}
            UNION ALL {_fixed_codes("degrees", DEGREE_BITS)}
            UNION ALL {_fixed_codes("pay_periods", PAY_PERIOD_CODES)})
        SELECT c.field, c.value,
            coalesce(
                x.code,
                CASE WHEN c.field IN ('teams', 'companies', 'titles', 'employment_types', 'currencies')
                     THEN row_number() OVER (PARTITION BY c.field ORDER BY c.value)
                     WHEN c.field = 'years' THEN TRY_CAST(c.value AS INTEGER)
                     ELSE row_number() OVER (PARTITION BY c.field
                                             ORDER BY c.postings_all DESC, c.value) - 1 END
            )::INTEGER AS code,
            c.category, c.postings, c.postings_all
        FROM counted c LEFT JOIN fixed x USING (field, value)"""  # noqa: S608 - constant fragments
    )
    present = " + ".join(
        f"(CASE WHEN {condition} THEN {1 << bit} ELSE 0 END)"
        for bit, condition in enumerate(PRESENT_BITS.values())
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE posting_facts AS
        WITH languages AS (
            SELECT x.posting_id, list(DISTINCT c.code)::USMALLINT[] AS codes,
                   bit_or(((c.code < {MASK_BITS})::UBIGINT) << least(c.code, {MASK_BITS - 1})) AS mask
            FROM (SELECT posting_id, unnest(languages) AS value FROM postings) x
            JOIN mart_codes c ON c.field = 'languages' AND c.value = x.value
            GROUP BY x.posting_id),
        locations AS (
            SELECT x.posting_id, list(DISTINCT c.code)::INTEGER[] AS codes,
                   bit_or(((c.code < {MASK_BITS})::UBIGINT) << least(c.code, {MASK_BITS - 1})) AS mask
            FROM (SELECT posting_id, unnest(locations) AS value FROM postings) x
            JOIN mart_codes c ON c.field = 'locations' AND c.value = x.value
            GROUP BY x.posting_id),
        skills AS (
            SELECT s.posting_id,
                   list(c.code * 2 + (s.level = 'required')::INTEGER)::USMALLINT[] AS codes,
                   bit_or(((c.code < {MASK_BITS})::UBIGINT) << least(c.code, {MASK_BITS - 1})) AS mask
            FROM posting_skills s JOIN mart_codes c ON c.field = 'skills' AND c.value = s.name
            GROUP BY s.posting_id)
        SELECT p.posting_id, p.is_canonical, p.dup_group, p.dup_group_size,
            tm.code AS team_code,
            co.code AS company_code,
            ti.code AS title_code,
            p.year::SMALLINT AS year,
            em.code::UTINYINT AS employment_code,
            ({_case("p.pay_period", PAY_PERIOD_CODES)})::UTINYINT AS period_code,
            cu.code::USMALLINT AS currency_code,
            coalesce(list_sum(list_transform(list_distinct(p.seasons), x -> {_case("x", SEASON_BITS, "0")})), 0)::UTINYINT
                AS season_mask,
            coalesce(list_sum(list_transform(list_distinct(p.degree_levels),
                x -> {_case("x", DEGREE_BITS, "0")})), 0)::UTINYINT AS degree_mask,
            coalesce(la.codes, [])::USMALLINT[] AS language_codes,
            coalesce(la.mask, 0)::UBIGINT AS language_mask,
            coalesce(lo.codes, [])::INTEGER[] AS location_codes,
            coalesce(lo.mask, 0)::UBIGINT AS location_mask,
            coalesce(sk.codes, [])::USMALLINT[] AS skill_codes,
            coalesce(sk.mask, 0)::UBIGINT AS skill_mask,
            p.pay_min, p.pay_max,
            ({_case("p.pay_period", PERIODS_PER_YEAR)})::DOUBLE AS per_year,
            p.start_dates, p.duration_weeks::SMALLINT AS duration_weeks, p.posted_date,
            ({present})::USMALLINT AS present_mask
        FROM postings p
        LEFT JOIN mart_codes tm ON tm.field = 'teams' AND tm.value = p.team
        LEFT JOIN mart_codes co ON co.field = 'companies' AND co.value = p.company
        LEFT JOIN mart_codes ti ON ti.field = 'titles' AND ti.value = p.title
        LEFT JOIN mart_codes em ON em.field = 'employment_types' AND em.value = p.employment_type
        LEFT JOIN mart_codes cu ON cu.field = 'currencies' AND cu.value = p.pay_currency
        LEFT JOIN languages la ON la.posting_id = p.posting_id
        LEFT JOIN locations lo ON lo.posting_id = p.posting_id
        LEFT JOIN skills sk ON sk.posting_id = p.posting_id
        ORDER BY p.posting_id"""  # noqa: S608 - constant fragments
    )
    # What every skills page asks first, before any filter: demand over all postings.
    con.execute(
        """CREATE OR REPLACE TABLE mart_skill_demand AS
        SELECT c // 2 AS code, c % 2 = 1 AS required,
               count(*) FILTER (WHERE is_canonical) AS postings, count(*) AS postings_all
        FROM (SELECT unnest(skill_codes) AS c, is_canonical FROM posting_facts)
        GROUP BY c"""
    )
    # Pairs of the 64 most frequent skills named by the same posting (skill co-occurrence).
    con.execute(
        f"""CREATE OR REPLACE TABLE mart_skill_pairs AS
        WITH named AS (
            SELECT posting_id, is_canonical, unnest(list_filter(list_transform(skill_codes, c -> c // 2),
                                                                c -> c < {MASK_BITS})) AS code
            FROM posting_facts)
        SELECT a.code AS a, b.code AS b, count(*) FILTER (WHERE a.is_canonical) AS postings,
               count(*) AS postings_all
        FROM named a JOIN named b ON a.posting_id = b.posting_id AND a.code < b.code
        GROUP BY ALL"""  # noqa: S608 - constant fragments
    )
    overview_canonical = OVERVIEW_SQL.replace("{where}", "f.is_canonical")
    overview_all = OVERVIEW_SQL.replace("{where}", "TRUE")
    con.execute(
        f"""CREATE OR REPLACE TABLE mart_overview AS
        SELECT true AS dedupe, * FROM ({overview_canonical})
        UNION ALL SELECT false, * FROM ({overview_all})"""  # noqa: S608 - constant fragments
    )
    _refresh_extract(con)
    set_meta(con, "marts_version", MARTS_VERSION)


def _refresh_extract(con: duckdb.DuckDBPyConnection) -> None:
    """`mart_extract`: one CSV-shaped row per posting, sorted by id, lists joined as text.

    The CSV download picks a few thousand ids spread over a million postings; decoding list
    columns for every row the scan passes over made that the slowest query (about 300 ms).
    Joined strings decode several times faster, and the language levels are computed here
    once instead of from `posting_skills` on every download.
    """
    joined = ",\n            ".join(
        f"array_to_string(p.{name}, '{EXTRACT_LIST_SEPARATOR}') AS {name}"
        for name in EXTRACT_LIST_FIELDS
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE mart_extract AS
        WITH levels AS (
            SELECT posting_id,
                   string_agg(name, '{EXTRACT_LIST_SEPARATOR}' ORDER BY name)
                       FILTER (WHERE level = 'required') AS required_languages,
                   string_agg(name, '{EXTRACT_LIST_SEPARATOR}' ORDER BY name)
                       FILTER (WHERE level = 'preferred') AS preferred_languages
            FROM posting_skills WHERE category = 'language' GROUP BY posting_id)
        SELECT p.posting_id, p.company, p.title, p.team, p.employment_type, p.season, p.year,
            {joined},
            coalesce(l.required_languages, '') AS required_languages,
            coalesce(l.preferred_languages, '') AS preferred_languages,
            p.pay_min, p.pay_max, p.pay_currency, p.pay_period, p.duration_weeks,
            p.posted_date, p.dup_group AS duplicate_group, p.dup_group_size AS reposts,
            d.url, p.source, p.locator, p.parser_version
        FROM postings p
        LEFT JOIN levels l USING (posting_id)
        LEFT JOIN documents d ON d.document_id = p.posting_id
        ORDER BY p.posting_id"""  # noqa: S608 - constant fragments
    )
