"""Every question the dashboard asks, one named function each: (Warehouse, Filters) -> Polars frame.

Queries read the narrow `posting_facts` mart (codes, bit masks, numbers; see
`warehouse.marts`) and join names and display fields only for the rows they return. A
`Filters` value becomes a SQL condition over those codes: the selected names are looked up
in `mart_codes` on the same cursor (so codes and facts come from one warehouse version),
and every value is a bound parameter; the SQL text is assembled only from constant
fragments. With `Filters.dedupe` (the default) a group of near-duplicate reposts counts
once, through its canonical posting.

Pay is never mixed across currencies or periods: every aggregate is grouped by currency and
period. `normalize_to` converts periods with 2,080 working hours a year (8 h a day, 40 h a
week, 260 days, 52 weeks, 12 months); postings whose period is not stated are then left out.
The pay queries can also be asked for one pay unit (`currency=`, `period=`; see
`pay_ranges`), so a page showing one unit gets that unit's top rows and totals.
`limit=None` means every row (for downloads).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

import duckdb
import numpy as np
import polars as pl

from warehouse.connection import Warehouse
from warehouse.filters import Filters
from warehouse.marts import (
    DEGREE_BITS,
    MASK_BITS,
    OVERVIEW_SQL,
    PAY_PERIOD_CODES,
    PRESENT_BITS,
    SEASON_BITS,
)

__all__ = [
    "NOT_STATED",
    "Filters",
    "PostingDetail",
    "Warehouse",
    "count_postings",
    "duplicate_groups",
    "durations",
    "filter_options",
    "missing_fields",
    "newest_postings",
    "overview",
    "pay_by_team",
    "pay_coverage",
    "pay_distribution",
    "pay_ranges",
    "posting_detail",
    "postings_missing_fields",
    "postings_extract",
    "postings_list",
    "rejected_documents",
    "season_years",
    "skill_cooccurrence",
    "skills_by_team",
    "skills_demand",
    "start_date_cohorts",
    "team_distribution",
    "team_language_matrix",
    "warehouse_info",
]

PayBasis = Literal["hour", "year"] | None
SkillKind = Literal["language", "skill"] | None
HOURS_PER_YEAR = 2080
FILTER_FIELDS = (
    "teams",
    "languages",
    "companies",
    "seasons",
    "years",
    "degrees",
    "locations",
    "employment_types",
    "pay_periods",
)
_NO_CODE = -1  # a selected value the warehouse has never seen: matches nothing


# --- building blocks -------------------------------------------------------------------------


def _codes(cur: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, dict[str, int]]:
    """Codes of the selected teams, companies, languages, locations and employment types."""
    wanted = {
        "teams": f.teams,
        "companies": f.companies,
        "languages": f.languages,
        "locations": f.locations,
        "employment_types": f.employment_types,
    }
    keys = [f"{field}\x1f{value}" for field, values in wanted.items() for value in values]
    found: dict[str, dict[str, int]] = {field: {} for field in wanted}
    if keys:
        rows = cur.execute(
            "SELECT field, value, code FROM mart_codes"
            " WHERE list_contains($keys, field || chr(31) || value)",
            {"keys": keys},
        ).fetchall()
        for field, value, code in rows:
            found[field][value] = code
    return found


def _where(
    cur: duckdb.DuckDBPyConnection, f: Filters, alias: str = "f"
) -> tuple[str, dict[str, Any]]:
    """The SQL condition over `posting_facts` for a Filters value, and its bound parameters."""
    codes = _codes(cur, f)
    clauses: list[str] = []
    params: dict[str, Any] = {}

    def one_of(column: str, name: str, values: list[int]) -> None:
        names = [f"{name}_{i}" for i in range(len(values))]
        clauses.append(f"{alias}.{column} IN ({', '.join('$' + n for n in names)})")
        params.update(zip(names, values, strict=True))

    def any_in_list(column: str, name: str, values: list[int]) -> None:
        clauses.append(_any_in_list(f"{alias}.{column}", name, values, params))

    def any_bit(column: str, name: str, mask: int) -> None:
        clauses.append(f"({alias}.{column} & ${name}) <> 0")
        params[name] = mask

    def lookup(field: str, values: tuple[str, ...]) -> list[int]:
        return [codes[field].get(v, _NO_CODE) for v in values]

    if f.teams:
        one_of("team_code", "team", lookup("teams", f.teams))
    if f.companies:
        one_of("company_code", "company", lookup("companies", f.companies))
    if f.languages:
        language_codes = lookup("languages", f.languages)
        if all(0 <= c < MASK_BITS for c in language_codes):
            any_bit("language_mask", "languages", sum(1 << c for c in language_codes))
        else:
            any_in_list("language_codes", "language", language_codes)
    if f.locations:
        location_codes = lookup("locations", f.locations)
        if all(0 <= c < MASK_BITS for c in location_codes):
            any_bit("location_mask", "locations", sum(1 << c for c in location_codes))
        else:
            any_in_list("location_codes", "location", location_codes)
    if f.seasons:
        any_bit("season_mask", "seasons", sum(SEASON_BITS.get(s, 0) for s in set(f.seasons)))
    if f.degrees:
        any_bit("degree_mask", "degrees", sum(DEGREE_BITS.get(d, 0) for d in set(f.degrees)))
    if f.years:
        one_of("year", "year", [int(y) for y in f.years])
    if f.employment_types:
        one_of("employment_code", "employment", lookup("employment_types", f.employment_types))
    if f.pay_periods:
        one_of("period_code", "period", [PAY_PERIOD_CODES.get(p, _NO_CODE) for p in f.pay_periods])
    for number, word in enumerate(_search_words(f.search)):
        clauses.append(_search_clause(cur, word, f"word{number}", alias, params))
    if f.dedupe:
        clauses.append(f"{alias}.is_canonical")
    return (" AND ".join(clauses) or "TRUE"), params


def _any_in_list(column: str, name: str, values: list[int], params: dict[str, Any]) -> str:
    """SQL true when the list column holds any of `values` (bound as `$name_0`, `$name_1`, ...)."""
    names = [f"{name}_{i}" for i in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"len(list_filter({column}, c -> c IN ({', '.join('$' + n for n in names)}))) > 0"


def _search_words(search: str) -> list[str]:
    return search.casefold().split()[:8]


# Search looks words up in these dictionaries (a few thousand names) instead of scanning
# every posting's text: a word matches a posting when its company, title, team or one of
# its locations contains it; every word must match.
_SEARCHED = {"companies": "company_code", "titles": "title_code", "teams": "team_code"}
_IN_LIST_MAX = 64  # longer code lists are bound as one list parameter


def _search_clause(
    cur: duckdb.DuckDBPyConnection, word: str, name: str, alias: str, params: dict[str, Any]
) -> str:
    rows = cur.execute(
        """SELECT field, list(code ORDER BY code) FROM mart_codes
           WHERE field IN ('companies', 'titles', 'teams', 'locations')
             AND contains(lower(value), $word)
           GROUP BY field""",
        {"word": word},
    ).fetchall()
    tests = []
    for field, codes in rows:
        key = f"{name}_{field}"
        if field == "locations":
            masked = [c for c in codes if c < MASK_BITS]
            if masked:
                tests.append(f"({alias}.location_mask & ${key}_mask) <> 0")
                params[f"{key}_mask"] = sum(1 << c for c in masked)
            rest = [c for c in codes if c >= MASK_BITS]
            if rest:
                tests.append(_any_in_list(f"{alias}.location_codes", key, rest, params))
        elif len(codes) > _IN_LIST_MAX:
            tests.append(f"list_contains(${key}::INTEGER[], {alias}.{_SEARCHED[field]})")
            params[key] = codes
        else:
            names = [f"{key}_{i}" for i in range(len(codes))]
            params.update(zip(names, codes, strict=True))
            tests.append(f"{alias}.{_SEARCHED[field]} IN ({', '.join('$' + n for n in names)})")
    return f"({' OR '.join(tests)})" if tests else "FALSE"


def _in_list(name: str, values: list[Any], params: dict[str, Any]) -> str:
    """`($name_0, $name_1, ...)` with the values bound; `(NULL)` (matches nothing) when empty."""
    names = [f"{name}_{i}" for i in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"({', '.join('$' + n for n in names)})" if names else "(NULL)"


def _top_teams(
    cur: duckdb.DuckDBPyConnection,
    where: str,
    params: dict[str, Any],
    n: int,
    condition: str = "TRUE",
) -> list[tuple[int, int]]:
    """(team code, postings) of the `n` largest teams among the filtered postings."""
    sql = f"""SELECT f.team_code, count(*) AS n FROM posting_facts f
              WHERE {{where}} AND f.team_code IS NOT NULL AND {condition}
              GROUP BY f.team_code ORDER BY n DESC, f.team_code LIMIT $n"""  # noqa: S608
    return cur.execute(_sql(sql, where), {**params, "n": int(n)}).fetchall()


def _unfiltered(f: Filters) -> bool:
    """True when nothing narrows the postings (only the dedupe switch may be set)."""
    return set(f.active()) <= {"dedupe"} and not f.search.strip()


def _sql(template: str, where: str) -> str:
    # Only constant fragments are spliced: `where` comes from `_where`, values stay bound.
    return template.replace("{where}", where)


def _run(cur: duckdb.DuckDBPyConnection, template: str, f: Filters, **params: Any) -> pl.DataFrame:
    where, bound = _where(cur, f)
    return cur.execute(_sql(template, where), {**bound, **params}).pl()


def _query(wh: Warehouse, template: str, f: Filters, **params: Any) -> pl.DataFrame:
    with wh.cursor() as cur:
        return _run(cur, template, f, **params)


def _frame(wh: Warehouse, sql: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    with wh.cursor() as cur:
        return cur.execute(sql, params or {}).pl()


def _limit(limit: int | None) -> int:
    # DuckDB's LIMIT takes a bound number; "every row" is the largest one.
    return 2**62 if limit is None else max(int(limit), 0)


def _kind_clause(kind: SkillKind, alias: str = "k") -> str:
    if kind == "language":
        return f"{alias}.category = 'language'"
    if kind == "skill":
        return f"{alias}.category IS DISTINCT FROM 'language'"
    if kind is None:
        return "TRUE"
    raise ValueError(f"kind must be 'language', 'skill' or None, not {kind!r}")


def _pay(column: str, basis: PayBasis) -> str:
    """SQL for a pay amount of a facts row in `basis` units (its own period when None)."""
    if basis is None:
        return f"f.{column}"
    if basis == "year":
        return f"(f.{column} * f.per_year)"
    if basis == "hour":
        return f"(f.{column} * f.per_year / {HOURS_PER_YEAR})"
    raise ValueError(f"normalize_to must be None, 'hour' or 'year', not {basis!r}")


def _period_label(basis: PayBasis) -> tuple[str, dict[str, Any]]:
    """SQL naming the period rows come out in, and its bound parameter (when normalised)."""
    return ("pp.value", {}) if basis is None else ("$out_period", {"out_period": basis})


_PAY_NAMES = """LEFT JOIN mart_codes cc ON cc.field = 'currencies' AND cc.code = f.currency_code
               LEFT JOIN mart_codes pp ON pp.field = 'pay_periods' AND pp.code = f.period_code"""
_TEAM_NAME = "LEFT JOIN mart_codes tt ON tt.field = 'teams' AND tt.code = f.team_code"


# --- filters and headline numbers ------------------------------------------------------------


def filter_options(wh: Warehouse, filters: Filters | None = None) -> pl.DataFrame:
    """Values each filter can take, most frequent first.

    Columns: field (a `Filters` field name: teams, languages, companies, seasons, years,
    degrees, locations, employment_types, pay_periods), value (str; years as text), postings
    (count over the whole warehouse, each repost group once when `filters.dedupe`).
    Other filters do not narrow the options, so a selection never hides its alternatives.
    """
    column = "postings" if filters is None or filters.dedupe else "postings_all"
    return _frame(
        wh,
        f"""SELECT field, value, {column} AS postings FROM mart_codes
            WHERE list_contains($fields, field) AND {column} > 0
            ORDER BY field, postings DESC, value""",  # noqa: S608 - constant column name
        {"fields": list(FILTER_FIELDS)},
    )


def count_postings(wh: Warehouse, filters: Filters) -> pl.DataFrame:
    """One row: matching (postings the filters keep), total (all postings, same dedupe setting)."""
    return _query(
        wh,
        """SELECT (SELECT count(*) FROM posting_facts f WHERE {where}) AS matching,
                  (SELECT count(*) FROM posting_facts f WHERE $dedupe = false OR f.is_canonical)
                    AS total""",
        filters,
        dedupe=filters.dedupe,
    )


def overview(wh: Warehouse, filters: Filters) -> pl.DataFrame:
    """One row of headline numbers for the filtered postings.

    Columns: postings, companies, teams, locations, with_pay, with_start_dates, with_team,
    internships, earliest_posted, latest_posted, repost_groups (groups of more than one posting
    whose canonical posting matches).
    """
    if _unfiltered(filters):
        return _frame(
            wh,
            "SELECT * EXCLUDE (dedupe) FROM mart_overview WHERE dedupe = $dedupe",
            {"dedupe": filters.dedupe},
        )
    return _query(wh, OVERVIEW_SQL, filters)


def warehouse_info(wh: Warehouse) -> pl.DataFrame:
    """One row describing the warehouse itself.

    Columns: documents, postings, rejected, runs, parser_version, last_ingest_at,
    last_run_status, synthetic (bool), schema_version, published_at.
    """
    return _frame(
        wh,
        """SELECT (SELECT count(*) FROM documents) AS documents,
                  (SELECT count(*) FROM postings) AS postings,
                  (SELECT count(*) FROM rejected) AS rejected,
                  (SELECT count(*) FROM ingest_runs) AS runs,
                  (SELECT value FROM meta WHERE key = 'parser_version') AS parser_version,
                  (SELECT max(finished_at) FROM ingest_runs) AS last_ingest_at,
                  (SELECT status FROM ingest_runs ORDER BY run_id DESC LIMIT 1) AS last_run_status,
                  coalesce((SELECT value = 'true' FROM meta WHERE key = 'synthetic'), false) AS synthetic,
                  (SELECT max(version) FROM schema_migrations) AS schema_version,
                  (SELECT value FROM meta WHERE key = 'published_at') AS published_at""",
    )


def newest_postings(wh: Warehouse, filters: Filters, limit: int | None = 10) -> pl.DataFrame:
    """The most recently posted postings (undated last, then newest ingested).

    Columns: posting_id, posted_date, company, title, team, locations (list), pay_min,
    pay_max, pay_currency, pay_period.
    """
    return _query(
        wh,
        """WITH page AS (
               SELECT f.posting_id, f.posted_date FROM posting_facts f WHERE {where}
               ORDER BY f.posted_date DESC NULLS LAST, f.posting_id DESC LIMIT $limit)
           SELECT p.posting_id, p.posted_date, p.company, p.title, p.team, p.locations,
                  p.pay_min, p.pay_max, p.pay_currency, p.pay_period
           FROM page JOIN postings p USING (posting_id)
           ORDER BY p.posted_date DESC NULLS LAST, p.posting_id DESC""",
        filters,
        limit=_limit(limit),
    )


# --- skills ----------------------------------------------------------------------------------


def _skill_levels_sql(f: Filters, kind: SkillKind) -> str:
    """Per (skill, level) counts: from the precomputed mart when nothing narrows the postings."""
    if not _unfiltered(f):
        return _skill_counts_sql(kind)
    column = "postings" if f.dedupe else "postings_all"
    return f"""SELECT k.value AS name, k.category, k.code, d.required, d.{column} AS postings
               FROM mart_skill_demand d JOIN mart_codes k ON k.field = 'skills' AND k.code = d.code
               WHERE {_kind_clause(kind)} AND d.{column} > 0"""  # noqa: S608 - constant fragments


def _skill_counts_sql(kind: SkillKind) -> str:
    """Filtered postings per (skill code, level): one posting counts once per skill."""
    return f"""WITH coded AS (
                   SELECT unnest(f.skill_codes) AS c FROM posting_facts f WHERE {{where}}),
               counts AS (SELECT c // 2 AS code, c % 2 = 1 AS required, count(*) AS postings
                          FROM coded GROUP BY c)
               SELECT k.value AS name, k.category, k.code, counts.required, counts.postings
               FROM counts JOIN mart_codes k ON k.field = 'skills' AND k.code = counts.code
               WHERE {_kind_clause(kind)}"""  # noqa: S608 - constant fragments


def skills_demand(
    wh: Warehouse, filters: Filters, *, kind: SkillKind = None, limit: int | None = 30
) -> pl.DataFrame:
    """How many filtered postings ask for each language/skill, split by requirement level.

    `kind`: 'language' (programming languages), 'skill' (everything else) or None (both).
    Columns: name, category, level ('required' | 'preferred'), postings, total (postings
    naming it at either level; rows sorted by it, most demanded first). A posting counts
    once per skill, at its strongest level. The `limit` most demanded names are returned.
    """
    levels = _skill_levels_sql(filters, kind)
    sql = f"""WITH levels AS ({levels}),
              ranked AS (SELECT *, (sum(postings) OVER (PARTITION BY name))::BIGINT AS total FROM levels)
              SELECT name, category, CASE WHEN required THEN 'required' ELSE 'preferred' END AS level,
                     postings, total
              FROM ranked
              WHERE name IN (SELECT name FROM ranked GROUP BY name
                             ORDER BY any_value(total) DESC, name LIMIT $limit)
              ORDER BY total DESC, name, level DESC"""  # noqa: S608 - constant fragments
    return _query(wh, sql, filters, limit=_limit(limit))


def skill_cooccurrence(
    wh: Warehouse, filters: Filters, *, kind: SkillKind = None, top: int = 15
) -> pl.DataFrame:
    """How often two of the `top` most demanded skills appear in the same filtered posting.

    Columns: skill_a, skill_b (one row per unordered pair, skill_a < skill_b), postings
    (naming both), share_of_a (postings / postings naming skill_a). Pairs never seen together
    are left out.
    """
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        totals = cur.execute(
            _sql(
                f"""SELECT name, code, sum(postings)::BIGINT AS n FROM ({_skill_levels_sql(filters, kind)})
                    GROUP BY name, code ORDER BY n DESC, name LIMIT $top""",  # noqa: S608
                where,
            ),
            {**params, "top": int(top)},
        ).fetchall()
        if len(totals) < 2:
            return _empty_pairs()
        codes = [code for _, code, _ in totals]
        if _unfiltered(filters) and all(c < MASK_BITS for c in codes):
            pairs = cur.execute(
                f"""SELECT a, b, {"postings" if filters.dedupe else "postings_all"}
                    FROM mart_skill_pairs
                    WHERE list_contains($codes, a) AND list_contains($codes, b)""",  # noqa: S608
                {"codes": codes},
            ).fetchall()
            return _pairs_frame(totals, pairs)
        # Each posting reduced to which of the top skills it names (a bit mask when every one
        # has a bit, else a sorted list); then pairs are counted per combination.
        if all(c < MASK_BITS for c in codes):
            combo_sql = """SELECT f.skill_mask & $mask AS combo, count(*) AS postings
                           FROM posting_facts f WHERE {where} AND (f.skill_mask & $mask) <> 0
                           GROUP BY combo"""
            combo_params = {"mask": sum(1 << c for c in codes)}
        else:
            combo_sql = """SELECT list_sort(list_filter(list_transform(f.skill_codes, c -> c // 2),
                                                        c -> list_contains($codes, c))) AS combo,
                                  count(*) AS postings
                           FROM posting_facts f WHERE {where} GROUP BY combo"""
            combo_params = {"codes": codes}
        combos = cur.execute(_sql(combo_sql, where), {**params, **combo_params}).fetchall()
    index = {code: i for i, code in enumerate(codes)}
    naming = np.zeros((len(combos), len(codes)), dtype=np.float64)
    weights = np.zeros(len(combos), dtype=np.float64)
    for row, (combo, count) in enumerate(combos):
        named = [c for c in codes if (combo >> c) & 1] if isinstance(combo, int) else combo
        naming[row, [index[c] for c in named]] = 1.0
        weights[row] = count
    together = naming.T @ (naming * weights[:, None])
    pairs = [
        (codes[i], codes[j], together[i, j])
        for i in range(len(codes))
        for j in range(i + 1, len(codes))
    ]
    return _pairs_frame(totals, pairs)


def _pairs_frame(
    totals: list[tuple[str, int, int]], pairs: list[tuple[int, int, float]]
) -> pl.DataFrame:
    """Pair counts keyed by skill code as rows named so that skill_a < skill_b."""
    name = {code: n for n, code, _ in totals}
    total = {code: t for _, code, t in totals}
    rows = []
    for a, b, together in pairs:
        if together <= 0:
            continue
        first, second = (a, b) if name[a] < name[b] else (b, a)
        rows.append((name[first], name[second], int(together), together / total[first]))
    frame = pl.DataFrame(rows, schema=_PAIR_SCHEMA, orient="row")
    return frame.sort(["postings", "skill_a", "skill_b"], descending=[True, False, False])


_PAIR_SCHEMA = {
    "skill_a": pl.String,
    "skill_b": pl.String,
    "postings": pl.Int64,
    "share_of_a": pl.Float64,
}


def _empty_pairs() -> pl.DataFrame:
    return pl.DataFrame(schema=_PAIR_SCHEMA)


def skills_by_team(
    wh: Warehouse,
    filters: Filters,
    *,
    kind: SkillKind = None,
    top_teams: int = 10,
    top_skills: int = 15,
) -> pl.DataFrame:
    """Demand for the `top_skills` skills within each of the `top_teams` largest teams.

    Columns: team, name, category, postings (team postings naming it), team_postings,
    share (postings / team_postings).
    """
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        teams = _top_teams(cur, where, params, top_teams)
        bound = {**params, "codes": [t for t, _ in teams], "sizes": [n for _, n in teams]}
        in_teams = _in_list("team", [t for t, _ in teams], bound)
        sql = f"""WITH teams AS (SELECT unnest($codes::INTEGER[]) AS team_code,
                                        unnest($sizes::BIGINT[]) AS team_postings),
                  pairs AS (SELECT f.team_code, unnest(f.skill_codes) // 2 AS code
                            FROM posting_facts f WHERE {{where}} AND f.team_code IN {in_teams}),
                  counts AS (SELECT team_code, code, count(*) AS postings FROM pairs GROUP BY ALL),
                  named AS (SELECT counts.*, k.value AS name, k.category FROM counts
                            JOIN mart_codes k ON k.field = 'skills' AND k.code = counts.code
                            WHERE {_kind_clause(kind)}),
                  top_skills AS (SELECT code FROM named GROUP BY code
                                 ORDER BY sum(postings) DESC, any_value(name) LIMIT $top_skills)
                  SELECT tt.value AS team, n.name, n.category, n.postings, t.team_postings,
                         n.postings / t.team_postings AS share
                  FROM named n SEMI JOIN top_skills USING (code)
                  JOIN teams t USING (team_code)
                  JOIN mart_codes tt ON tt.field = 'teams' AND tt.code = n.team_code
                  ORDER BY t.team_postings DESC, team, n.postings DESC, n.name"""  # noqa: S608
        return cur.execute(_sql(sql, where), {**bound, "top_skills": int(top_skills)}).pl()


# --- pay -------------------------------------------------------------------------------------

# `currency=` / `period=` value asking for pay that names no currency / no period.
NOT_STATED = "not stated"


def _pay_filter(basis: PayBasis) -> str:
    return "f.pay_min IS NOT NULL" + ("" if basis is None else " AND f.per_year IS NOT NULL")


def _check_period(period: str | None) -> None:
    if period is not None and period != NOT_STATED and period not in PAY_PERIOD_CODES:
        raise ValueError(
            f"period must be None, {NOT_STATED!r} or one of {', '.join(PAY_PERIOD_CODES)},"
            f" not {period!r}"
        )


def _pay_unit(
    cur: duckdb.DuckDBPyConnection,
    basis: PayBasis,
    currency: str | None,
    period: str | None,
    params: dict[str, Any],
) -> str:
    """SQL true for facts rows stating pay usable in `basis`, in one currency and output period.

    None leaves that side open; NOT_STATED asks for pay without a currency (or period). The
    period is the one rows come out in: with `basis` set that is `basis` itself, so any other
    period selects nothing.
    """
    _check_period(period)
    clauses = [_pay_filter(basis)]
    if currency == NOT_STATED:
        clauses.append("f.currency_code IS NULL")
    elif currency is not None:
        found = cur.execute(
            "SELECT code FROM mart_codes WHERE field = 'currencies' AND value = $currency",
            {"currency": currency},
        ).fetchone()
        if found is None:  # a currency no posting states: nothing to show
            clauses.append("FALSE")
        else:
            clauses.append("f.currency_code = $pay_currency")
            params["pay_currency"] = found[0]
    if period is not None and basis is not None:
        if period != basis:
            clauses.append("FALSE")
    elif period == NOT_STATED:
        clauses.append("f.period_code IS NULL")
    elif period is not None:
        clauses.append("f.period_code = $pay_period")
        params["pay_period"] = PAY_PERIOD_CODES[period]
    return " AND ".join(clauses)


def pay_ranges(
    wh: Warehouse,
    filters: Filters,
    *,
    normalize_to: PayBasis = None,
    currency: str | None = None,
    period: str | None = None,
    limit: int | None = 500,
) -> pl.DataFrame:
    """One row per filtered posting that states pay, by currency, period, then midpoint (high first).

    `normalize_to` None keeps each posting's own period; 'hour' or 'year' converts (postings
    with no stated period are left out).

    `currency` and `period` restrict the rows to one pay unit, as the output shows it: only
    postings stating that currency, and only rows whose `period` column is that period.
    With `normalize_to` set every row's period is `normalize_to`, so `period` then selects
    everything (None or `normalize_to`) or nothing (any other period); to restrict the
    *stated* period use `Filters.pay_periods`. `NOT_STATED` selects pay that names no
    currency (or no period; nothing when normalising). None (default) leaves it open. An
    unknown period is a ValueError; a currency no posting states gives no rows.

    `limit` applies after the restriction, so it takes the top rows of the chosen unit.
    Columns: posting_id, company, title, team, pay_min, pay_max, pay_mid, currency, period,
    total (every matching posting with pay in the unit, before `limit`; the same on every row).
    """
    lo, hi = _pay("pay_min", normalize_to), _pay("pay_max", normalize_to)
    # Rows are ordered by the period they come out in: normalised, one period for all.
    out_period = "f.period_code" if normalize_to is None else "0"
    period_label, label_params = _period_label(normalize_to)
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        in_unit = _pay_unit(cur, normalize_to, currency, period, params)
        sql = f"""WITH page AS (
                      SELECT f.posting_id, f.currency_code, f.period_code,
                             {out_period} AS out_period, {lo} AS lo, {hi} AS hi,
                             ({lo} + {hi}) / 2 AS mid
                      FROM posting_facts f WHERE {{where}} AND {in_unit}
                      ORDER BY f.currency_code NULLS LAST, out_period, mid DESC, f.posting_id
                      LIMIT $limit)
                  SELECT page.posting_id, p.company, p.title, p.team, page.lo AS pay_min,
                         page.hi AS pay_max, page.mid AS pay_mid, cc.value AS currency,
                         {period_label} AS period,
                         (SELECT count(*) FROM posting_facts f WHERE {{where}} AND {in_unit})
                           AS total
                  FROM page JOIN postings p USING (posting_id)
                  LEFT JOIN mart_codes cc ON cc.field = 'currencies' AND cc.code = page.currency_code
                  LEFT JOIN mart_codes pp ON pp.field = 'pay_periods' AND pp.code = page.period_code
                  ORDER BY page.currency_code NULLS LAST, page.out_period, page.mid DESC,
                           page.posting_id"""  # noqa: S608 - constant fragments
        return cur.execute(
            _sql(sql, where), {**params, **label_params, "limit": _limit(limit)}
        ).pl()


def pay_by_team(
    wh: Warehouse,
    filters: Filters,
    *,
    normalize_to: PayBasis = "year",
    currency: str | None = None,
    period: str | None = None,
    limit: int | None = 30,
) -> pl.DataFrame:
    """Pay statistics per team, never mixing currencies or periods.

    `currency` and `period` restrict to one pay unit exactly as in `pay_ranges` (`period` is
    the output period: with `normalize_to` set, only None or `normalize_to` keep rows).
    Columns: team, currency, period, postings, pay_min (lowest stated minimum), p25,
    median, p75 (of midpoints), pay_max (highest stated maximum). The `limit` teams with
    most postings stating pay (in the unit, when one is chosen).
    """
    lo, hi = _pay("pay_min", normalize_to), _pay("pay_max", normalize_to)
    period_key = "f.period_code" if normalize_to is None else "0"
    period_label, label_params = _period_label(normalize_to)
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        in_unit = _pay_unit(cur, normalize_to, currency, period, params)
        teams = _top_teams(cur, where, params, _limit(limit), in_unit)
        in_teams = _in_list("team", [t for t, _ in teams], params)
        sql = f"""WITH stats AS (
                      SELECT f.team_code, f.currency_code, {period_key} AS period_code,
                             count(*) AS postings, min({lo}) AS pay_min,
                             quantile_cont(({lo} + {hi}) / 2, [0.25, 0.5, 0.75]) AS q,
                             max({hi}) AS pay_max
                      FROM posting_facts f
                      WHERE {{where}} AND {in_unit} AND f.team_code IN {in_teams}
                      GROUP BY ALL)
                  SELECT tt.value AS team, cc.value AS currency, {period_label} AS period,
                         s.postings, s.pay_min, s.q[1] AS p25, s.q[2] AS median, s.q[3] AS p75,
                         s.pay_max
                  FROM stats s
                  JOIN mart_codes tt ON tt.field = 'teams' AND tt.code = s.team_code
                  LEFT JOIN mart_codes cc ON cc.field = 'currencies' AND cc.code = s.currency_code
                  LEFT JOIN mart_codes pp ON pp.field = 'pay_periods' AND pp.code = s.period_code
                  ORDER BY currency NULLS LAST, period, median DESC, team"""  # noqa: S608
        return cur.execute(_sql(sql, where), {**params, **label_params}).pl()


def pay_distribution(
    wh: Warehouse,
    filters: Filters,
    *,
    normalize_to: PayBasis = "year",
    currency: str | None = None,
    period: str | None = None,
    bins: int = 30,
) -> pl.DataFrame:
    """A histogram of pay midpoints per currency and period (equal-width bins within each).

    `currency` and `period` restrict to one pay unit exactly as in `pay_ranges` (`period` is
    the output period: with `normalize_to` set, only None or `normalize_to` keep rows).
    Columns: currency, period, bin (0-based), bin_start, bin_end, postings. Empty bins are
    left out.
    """
    if bins < 1:
        raise ValueError("bins must be at least 1")
    lo, hi = _pay("pay_min", normalize_to), _pay("pay_max", normalize_to)
    mid = f"({lo} + {hi}) / 2"
    period_key = "f.period_code" if normalize_to is None else "0"
    period_label, label_params = _period_label(normalize_to)
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        in_unit = _pay_unit(cur, normalize_to, currency, period, params)
        # First the range of each (currency, period), then one pass that bins every posting.
        bounds = cur.execute(
            _sql(
                f"""SELECT f.currency_code, {period_key} AS period_code, min({mid}), max({mid})
                    FROM posting_facts f WHERE {{where}} AND {in_unit}
                    GROUP BY ALL""",  # noqa: S608
                where,
            ),
            params,
        ).fetchall()
        bound = {
            **params,
            **label_params,
            "bins": int(bins),
            "b_currency": [b[0] for b in bounds],
            "b_period": [b[1] for b in bounds],
            "b_lo": [b[2] for b in bounds],
            "b_width": [max(b[3] - b[2], 1e-9) / bins for b in bounds],
        }
        sql = f"""WITH bounds AS (
                      SELECT unnest($b_currency::INTEGER[]) AS currency_code,
                             unnest($b_period::INTEGER[]) AS period_code,
                             unnest($b_lo::DOUBLE[]) AS lo, unnest($b_width::DOUBLE[]) AS width),
                  binned AS (
                      SELECT b.currency_code, b.period_code,
                             least(floor(({mid} - b.lo) / b.width), $bins - 1)::INTEGER AS bin,
                             count(*) AS postings
                      FROM posting_facts f JOIN bounds b
                        ON b.currency_code IS NOT DISTINCT FROM f.currency_code
                       AND b.period_code IS NOT DISTINCT FROM {period_key}
                      WHERE {{where}} AND {in_unit}
                      GROUP BY ALL)
                  SELECT cc.value AS currency, {period_label} AS period, x.bin,
                         b.lo + x.bin * b.width AS bin_start, b.lo + (x.bin + 1) * b.width AS bin_end,
                         x.postings
                  FROM binned x JOIN bounds b
                    ON b.currency_code IS NOT DISTINCT FROM x.currency_code
                   AND b.period_code IS NOT DISTINCT FROM x.period_code
                  LEFT JOIN mart_codes cc ON cc.field = 'currencies' AND cc.code = x.currency_code
                  LEFT JOIN mart_codes pp ON pp.field = 'pay_periods' AND pp.code = x.period_code
                  ORDER BY currency NULLS LAST, period, x.bin"""  # noqa: S608
        return cur.execute(_sql(sql, where), bound).pl()


def pay_coverage(wh: Warehouse, filters: Filters) -> pl.DataFrame:
    """How many filtered postings state pay, by currency and period.

    Columns: currency ('not stated' when no pay; 'unknown' when pay has no currency), period
    ('not stated' when no pay or no period), postings, share (of filtered postings).
    """
    return _query(
        wh,
        f"""WITH counts AS (
                SELECT f.pay_min IS NOT NULL AS has_pay, f.currency_code, f.period_code,
                       count(*) AS postings
                FROM posting_facts f WHERE {{where}} GROUP BY ALL)
            SELECT CASE WHEN NOT has_pay THEN 'not stated' ELSE coalesce(cc.value, 'unknown') END AS currency,
                   CASE WHEN NOT has_pay THEN 'not stated' ELSE coalesce(pp.value, 'not stated') END AS period,
                   sum(f.postings)::BIGINT AS postings,
                   sum(f.postings) / sum(sum(f.postings)) OVER () AS share
            FROM counts f {_PAY_NAMES}
            GROUP BY ALL ORDER BY postings DESC, currency, period""",  # noqa: S608
        filters,
    )


# --- time ------------------------------------------------------------------------------------


def start_date_cohorts(
    wh: Warehouse,
    filters: Filters,
    *,
    grain: Literal["day", "week", "month"] = "month",
    top_teams: int = 10,
) -> pl.DataFrame:
    """Postings by stated start date (truncated to `grain`) and team.

    Columns: start (date), team ('Other teams' beyond the `top_teams` largest, 'No team'
    when none), postings. A posting with two start dates counts in both.
    """
    if grain not in ("day", "week", "month"):
        raise ValueError(f"grain must be day, week or month, not {grain!r}")
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        teams = _top_teams(cur, where, params, top_teams, "len(f.start_dates) > 0")
        in_teams = _in_list("team", [t for t, _ in teams], params)
        sql = f"""WITH starts AS (
                      SELECT date_trunc($grain, unnest(f.start_dates))::DATE AS start,
                             CASE WHEN f.team_code IS NULL THEN -1
                                  WHEN f.team_code IN {in_teams} THEN f.team_code
                                  ELSE -2 END AS team_code
                      FROM posting_facts f WHERE {{where}} AND len(f.start_dates) > 0),
                  counts AS (SELECT start, team_code, count(*) AS postings FROM starts GROUP BY ALL)
                  SELECT c.start,
                         CASE c.team_code WHEN -1 THEN 'No team' WHEN -2 THEN 'Other teams'
                              ELSE tt.value END AS team,
                         c.postings
                  FROM counts c LEFT JOIN mart_codes tt ON tt.field = 'teams' AND tt.code = c.team_code
                  ORDER BY c.start, c.postings DESC, team"""  # noqa: S608
        return cur.execute(_sql(sql, where), {**params, "grain": grain}).pl()


def season_years(wh: Warehouse, filters: Filters) -> pl.DataFrame:
    """Postings by internship year and season (a 'Summer/Fall' posting counts in both).

    Columns: year (null when not stated), season ('Not stated' when none), postings.
    """
    seasons = ", ".join(f"('{name}', {bit})" for name, bit in SEASON_BITS.items())
    return _query(
        wh,
        f"""WITH counts AS (SELECT f.year, f.season_mask, count(*) AS postings
                            FROM posting_facts f WHERE {{where}} GROUP BY ALL),
            seasons AS (SELECT * FROM (VALUES {seasons}, ('Not stated', 0)) s(season, bit))
            SELECT c.year::INTEGER AS year, s.season, sum(c.postings)::BIGINT AS postings
            FROM counts c JOIN seasons s
              ON (s.bit = 0 AND c.season_mask = 0) OR (c.season_mask & s.bit) <> 0
            GROUP BY ALL ORDER BY year NULLS LAST, season""",  # noqa: S608 - constant fragments
        filters,
    )


def durations(wh: Warehouse, filters: Filters) -> pl.DataFrame:
    """Postings by stated duration in weeks. Columns: duration_weeks, postings."""
    return _query(
        wh,
        """SELECT f.duration_weeks::INTEGER AS duration_weeks, count(*) AS postings
           FROM posting_facts f WHERE {where} AND f.duration_weeks IS NOT NULL
           GROUP BY ALL ORDER BY duration_weeks""",
        filters,
    )


# --- teams -----------------------------------------------------------------------------------


def team_distribution(wh: Warehouse, filters: Filters, *, limit: int | None = 30) -> pl.DataFrame:
    """The teams with most filtered postings.

    Columns: team, postings, companies (distinct companies hiring for it), share (of the
    filtered postings that name a team), aliases (other spellings seen, list).
    """
    return _query(
        wh,
        """WITH counts AS (
               SELECT f.team_code, count(*) AS postings, count(DISTINCT f.company_code) AS companies
               FROM posting_facts f WHERE {where} AND f.team_code IS NOT NULL GROUP BY f.team_code),
           top AS (SELECT *, postings / sum(postings) OVER () AS share FROM counts
                   ORDER BY postings DESC, team_code LIMIT $limit),
           aliases AS (
               SELECT t.name, list(a.alias ORDER BY a.alias) AS aliases
               FROM teams t JOIN team_aliases a USING (team_id)
               WHERE a.alias <> t.name GROUP BY t.name)
           SELECT tt.value AS team, top.postings, top.companies, top.share,
                  coalesce(aliases.aliases, []) AS aliases
           FROM top JOIN mart_codes tt ON tt.field = 'teams' AND tt.code = top.team_code
           LEFT JOIN aliases ON aliases.name = tt.value
           ORDER BY top.postings DESC, team""",
        filters,
        limit=_limit(limit),
    )


def team_language_matrix(
    wh: Warehouse, filters: Filters, *, top_teams: int = 15, top_languages: int = 12
) -> pl.DataFrame:
    """Postings per (team, language) for the largest teams and most named languages.

    Columns: team, language, postings (every pair of the two top lists, zeros included).
    """
    with wh.cursor() as cur:
        where, params = _where(cur, filters)
        teams = _top_teams(cur, where, params, top_teams)
        bound = {**params, "codes": [t for t, _ in teams], "top_languages": int(top_languages)}
        in_teams = _in_list("team", [t for t, _ in teams], bound)
        sql = f"""WITH teams AS (SELECT unnest($codes::INTEGER[]) AS team_code),
                  pairs AS (
                      SELECT f.team_code, unnest(f.language_codes) AS code
                      FROM posting_facts f WHERE {{where}} AND f.team_code IN {in_teams}),
                  counts AS (SELECT team_code, code, count(*) AS postings FROM pairs GROUP BY ALL),
                  langs AS (SELECT code FROM counts GROUP BY code
                            ORDER BY sum(postings) DESC, code LIMIT $top_languages)
                  SELECT tt.value AS team, ll.value AS language, coalesce(c.postings, 0) AS postings
                  FROM teams t CROSS JOIN langs l
                  LEFT JOIN counts c ON c.team_code = t.team_code AND c.code = l.code
                  JOIN mart_codes tt ON tt.field = 'teams' AND tt.code = t.team_code
                  JOIN mart_codes ll ON ll.field = 'languages' AND ll.code = l.code
                  ORDER BY team, language"""  # noqa: S608
        return cur.execute(_sql(sql, where), bound).pl()


# --- postings --------------------------------------------------------------------------------

# Sort keys in `posting_facts`: codes of teams, companies and titles follow alphabetical order.
_SORTABLE = {
    "posted_date": "f.posted_date",
    "company": "f.company_code",
    "title": "f.title_code",
    "team": "f.team_code",
    "pay_min": "f.pay_min",
    "pay_max": "f.pay_max",
    "year": "f.year",
    "duration_weeks": "f.duration_weeks",
    "posting_id": "f.posting_id",
}


def postings_list(
    wh: Warehouse,
    filters: Filters,
    *,
    sort: str = "posted_date",
    descending: bool = True,
    limit: int | None = 50,
    offset: int = 0,
) -> pl.DataFrame:
    """A page of filtered postings (search via `Filters.search`), sorted by a known column.

    `sort` is one of posted_date, company, title, team, pay_min, pay_max, year,
    duration_weeks, posting_id (empty values last either way). Columns: posting_id, company,
    title, team, locations (list), employment_type, season, seasons (list), year,
    degree_levels (list), languages (list), pay_min, pay_max, pay_currency, pay_period,
    start_dates (list), duration_weeks, posted_date, reposts (size of its near-duplicate
    group), source.
    """
    if sort not in _SORTABLE:
        raise ValueError(f"cannot sort postings by {sort!r}; choose one of {', '.join(_SORTABLE)}")
    order = f"{_SORTABLE[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, f.posting_id"
    return _query(
        wh,
        f"""WITH page AS (
                SELECT f.posting_id, row_number() OVER (ORDER BY {order}) AS position
                FROM (SELECT * FROM posting_facts f WHERE {{where}}
                      ORDER BY {order} LIMIT $limit OFFSET $offset) f)
            SELECT p.posting_id, p.company, p.title, p.team, p.locations, p.employment_type,
                   p.season, p.seasons, p.year, p.degree_levels, p.languages, p.pay_min, p.pay_max,
                   p.pay_currency, p.pay_period, p.start_dates, p.duration_weeks, p.posted_date,
                   p.dup_group_size AS reposts, p.source
            FROM page JOIN postings p USING (posting_id)
            ORDER BY page.position""",  # noqa: S608 - whitelisted sort column
        filters,
        limit=_limit(limit),
        offset=max(int(offset), 0),
    )


def postings_extract(wh: Warehouse, filters: Filters, *, limit: int | None = None) -> pl.DataFrame:
    """Every field of every filtered posting, one row each, in the CSV's shape (the download).

    Columns: posting_id, company, title, team, team_aliases, locations, employment_type,
    season, seasons, year, degree_levels, languages, required_languages, preferred_languages,
    skills, pay_min, pay_max, pay_currency, pay_period, start_dates, duration_weeks,
    posted_date, duplicate_group, reposts, url, source, locator, parser_version.
    List fields come as text joined with "; " (empty when there are none), as the CSV
    writes them; read them as lists from `postings_list` or `posting_detail`.
    """
    # The SEMI JOIN + ORDER BY ... LIMIT shape lets DuckDB fetch the wide columns for the
    # chosen rows only (late materialisation) instead of for every row the scan passes.
    return _query(
        wh,
        """WITH ids AS (SELECT f.posting_id FROM posting_facts f WHERE {where}
                        ORDER BY f.posting_id LIMIT $limit)
           SELECT m.posting_id, m.company, m.title, m.team, m.team_aliases, m.locations,
                  m.employment_type, m.season, m.seasons, m.year, m.degree_levels, m.languages,
                  m.required_languages, m.preferred_languages, m.skills, m.pay_min, m.pay_max,
                  m.pay_currency, m.pay_period, m.start_dates, m.duration_weeks, m.posted_date,
                  m.duplicate_group, m.reposts, m.url, m.source, m.locator, m.parser_version
           FROM mart_extract m SEMI JOIN ids USING (posting_id)
           ORDER BY m.posting_id LIMIT $limit""",
        filters,
        limit=_limit(limit),
    )


@dataclass(frozen=True)
class PostingDetail:
    """Everything about one posting: its fields, its text and where each value came from."""

    fields: (
        pl.DataFrame
    )  # one row: every postings column but the text, plus url, format, seen dates
    text: str  # the parsed text every span below points into
    evidence: pl.DataFrame  # field, value, span_start, span_end
    mentions: pl.DataFrame  # name, category, level, span_start, span_end
    pay_ranges: (
        pl.DataFrame
    )  # position, pay_min, pay_max, currency, period, label, span_start, span_end
    duplicates: (
        pl.DataFrame
    )  # posting_id, company, title, source, posted_date (other group members)


def posting_detail(wh: Warehouse, posting_id: int) -> PostingDetail | None:
    """One posting with its text, evidence spans and mentions for highlighting; None if absent."""
    params = {"id": int(posting_id)}
    with wh.cursor() as cur:
        fields = cur.execute(
            """SELECT p.* EXCLUDE (text, sections_json),
                      d.url, d.format, d.external_id, d.first_seen, d.last_seen
               FROM postings p LEFT JOIN documents d ON d.document_id = p.posting_id
               WHERE p.posting_id = $id""",
            params,
        ).pl()
        if fields.is_empty():
            return None
        text = cur.execute(
            "SELECT coalesce(text, '') FROM postings WHERE posting_id = $id", params
        ).fetchone()[0]
        evidence = cur.execute(
            """SELECT field, value, span_start, span_end FROM evidence WHERE posting_id = $id
               ORDER BY span_start, field""",
            params,
        ).pl()
        mentions = cur.execute(
            """SELECT name, category, level, span_start, span_end FROM mentions
               WHERE posting_id = $id ORDER BY span_start, name""",
            params,
        ).pl()
        pays = cur.execute(
            """SELECT position, pay_min, pay_max, currency, period, label, span_start, span_end
               FROM pay_ranges WHERE posting_id = $id ORDER BY position""",
            params,
        ).pl()
        duplicates = cur.execute(
            """SELECT o.posting_id, o.company, o.title, o.source, o.posted_date
               FROM postings o
               WHERE o.dup_group = (SELECT dup_group FROM postings WHERE posting_id = $id)
                 AND o.posting_id <> $id
               ORDER BY o.posting_id""",
            params,
        ).pl()
    return PostingDetail(fields, text, evidence, mentions, pays, duplicates)


# --- data quality ----------------------------------------------------------------------------


def missing_fields(wh: Warehouse, filters: Filters) -> pl.DataFrame:
    """For each field, how many filtered postings lack it.

    Columns: field, present, missing, share_missing (0..1; 0 when there are no postings).
    """
    combos = _query(
        wh,
        "SELECT f.present_mask, count(*) AS n FROM posting_facts f WHERE {where} GROUP BY ALL",
        filters,
    )
    total = int(combos["n"].sum()) if combos.height else 0
    masks = (
        combos["present_mask"].to_numpy().astype(np.int64)
        if combos.height
        else np.zeros(0, np.int64)
    )
    counts = combos["n"].to_numpy() if combos.height else np.zeros(0, np.int64)
    present = [int(counts[(masks >> bit) & 1 == 1].sum()) for bit in range(len(PRESENT_BITS))]
    return pl.DataFrame(
        {
            "field": list(PRESENT_BITS),
            "present": present,
            "missing": [total - n for n in present],
            "share_missing": [((total - n) / total) if total else 0.0 for n in present],
        },
        schema={
            "field": pl.String,
            "present": pl.Int64,
            "missing": pl.Int64,
            "share_missing": pl.Float64,
        },
    )


def postings_missing_fields(
    wh: Warehouse, filters: Filters, *, limit: int | None = 50
) -> pl.DataFrame:
    """The filtered postings the parser left gaps in, most gaps first (then by id).

    Columns: posting_id, company, title, missing (how many fields), missing_fields (their
    names, in the order of `missing_fields`). Postings with every field filled are left out.
    """
    names = list(PRESENT_BITS)
    every_bit = (1 << len(names)) - 1
    return _query(
        wh,
        """WITH gaps AS (
               SELECT f.posting_id, f.company_code, f.title_code,
                      bit_count(($every_bit & ~f.present_mask::INTEGER)::INTEGER) AS missing,
                      f.present_mask
               FROM posting_facts f WHERE {where}
                 AND (f.present_mask::INTEGER & $every_bit) <> $every_bit
               ORDER BY missing DESC, f.posting_id LIMIT $limit)
           SELECT g.posting_id, co.value AS company, ti.value AS title, g.missing,
                  list_filter($names::VARCHAR[],
                              (name, i) -> (g.present_mask::INTEGER >> (i - 1)) & 1 = 0)
                      AS missing_fields
           FROM gaps g
           LEFT JOIN mart_codes co ON co.field = 'companies' AND co.code = g.company_code
           LEFT JOIN mart_codes ti ON ti.field = 'titles' AND ti.code = g.title_code
           ORDER BY g.missing DESC, g.posting_id""",
        filters,
        every_bit=every_bit,
        names=names,
        limit=_limit(limit),
    )


def rejected_documents(wh: Warehouse, *, limit: int | None = 1000) -> pl.DataFrame:
    """Files (or records in them) that could not become postings, newest first.

    Columns: source, locator, reason, first_seen, last_seen, last_run.
    """
    return _frame(
        wh,
        """SELECT source, locator, reason, first_seen, last_seen, last_run FROM rejected
           ORDER BY last_seen DESC, source, locator LIMIT $limit""",
        {"limit": _limit(limit)},
    )


def duplicate_groups(wh: Warehouse, filters: Filters, *, limit: int | None = 100) -> pl.DataFrame:
    """Groups of near-duplicate reposts among the filtered postings, largest first.

    Columns: dup_group, postings (members), company, title (of the canonical posting),
    first_posted, last_posted, posting_ids (list), sources (list).
    Filters select groups through their canonical posting; `dedupe` does not apply here.
    """
    return _query(
        wh,
        """WITH groups AS (
               SELECT f.dup_group, f.dup_group_size FROM posting_facts f
               WHERE {where} AND f.dup_group_size > 1 AND f.is_canonical
               ORDER BY f.dup_group_size DESC, f.dup_group LIMIT $limit),
           members AS (
               SELECT m.dup_group, count(*) AS postings,
                      min(m.posted_date) AS first_posted, max(m.posted_date) AS last_posted,
                      list(m.posting_id ORDER BY m.posting_id) AS posting_ids
               FROM posting_facts m SEMI JOIN groups USING (dup_group) GROUP BY m.dup_group),
           sources AS (
               SELECT o.dup_group, list(o.source ORDER BY o.posting_id) AS sources
               FROM postings o SEMI JOIN (SELECT unnest(posting_ids) AS posting_id FROM members) m
                 ON m.posting_id = o.posting_id
               GROUP BY o.dup_group)
           SELECT g.dup_group, g.postings, p.company, p.title, g.first_posted, g.last_posted,
                  g.posting_ids, s.sources
           FROM members g JOIN postings p ON p.posting_id = g.dup_group
           LEFT JOIN sources s ON s.dup_group = g.dup_group
           ORDER BY g.postings DESC, g.dup_group""",
        replace(filters, dedupe=False),
        limit=_limit(limit),
    )
