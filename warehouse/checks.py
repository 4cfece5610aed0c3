"""Declared data checks run before every publish: unique keys, not null, accepted values, ranges.

Each check is a query returning the rows that break it (empty = passes), like dbt's schema
tests. A failing check aborts the publish and `CheckFailed` names the check and the rows.
Each check also names the tables it reads, so a publish that changed only some tables (a
re-ingest that found nothing new changes only the run log) can run just the checks over those;
`CHECKS_VERSION` fingerprints the declarations, so checks added by a new release still run
over everything once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass

import duckdb

EMPLOYMENT_TYPES = ("internship", "full_time", "part_time", "contract")
PAY_PERIODS = ("hour", "day", "week", "month", "year")
SEASONS = ("Spring", "Summer", "Fall", "Winter")
DEGREE_LEVELS = ("BS", "MS", "PhD")
LEVELS = ("required", "preferred")
# A failed run is logged afterwards in a copy of the version it could not replace.
RUN_STATUSES = ("running", "succeeded", "failed")


@dataclass(frozen=True)
class Check:
    name: str
    offending_rows: str  # a query selecting the rows that break the rule
    tables: tuple[str, ...]  # every table the query reads


def _unique(table: str, key: str) -> Check:
    return Check(
        f"{table}.{key} is unique",
        f"SELECT {key}, count(*) AS copies FROM {table} GROUP BY {key} HAVING count(*) > 1",  # noqa: S608 - constant identifiers
        (table,),
    )


def _not_null(table: str, column: str, show: str) -> Check:
    return Check(
        f"{table}.{column} is not null",
        f"SELECT {show} FROM {table} WHERE {column} IS NULL",  # noqa: S608 - constant identifiers
        (table,),
    )


def _accepted(table: str, column: str, values: tuple[str, ...], show: str) -> Check:
    listed = ", ".join(f"'{v}'" for v in values)
    return Check(
        f"{table}.{column} in ({', '.join(values)})",
        f"SELECT {show}, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} NOT IN ({listed})",  # noqa: S608 - constant identifiers and values
        (table,),
    )


def _accepted_in_list(table: str, column: str, values: tuple[str, ...], show: str) -> Check:
    listed = ", ".join(f"'{v}'" for v in values)
    return Check(
        f"every {table}.{column} value in ({', '.join(values)})",
        f"SELECT {show}, {column} FROM {table} "  # noqa: S608 - constant identifiers and values
        f"WHERE len(list_filter({column}, x -> x NOT IN ({listed}))) > 0",
        (table,),
    )


_POSTING = "posting_id, source, locator"

CHECKS: tuple[Check, ...] = (
    _unique("documents", "document_id"),
    _unique("documents", "doc_key"),
    _unique("postings", "posting_id"),
    _unique("teams", "team_id"),
    _unique("teams", "normalized"),
    _unique("team_aliases", "alias"),
    _unique("rejected", "rejection_key"),
    _unique("ingest_runs", "run_id"),
    _unique("posting_signatures", "posting_id"),
    _not_null("postings", "parser_version", _POSTING),
    _not_null("postings", "dup_group", _POSTING),
    _not_null("postings", "is_canonical", _POSTING),
    _not_null("documents", "content_hash", "document_id, source, locator"),
    _accepted("postings", "employment_type", EMPLOYMENT_TYPES, _POSTING),
    _accepted("postings", "pay_period", PAY_PERIODS, _POSTING),
    _accepted("pay_ranges", "period", PAY_PERIODS, "posting_id"),
    _accepted("mentions", "level", LEVELS, "posting_id, name"),
    _accepted("posting_skills", "level", LEVELS, "posting_id, name"),
    _accepted("ingest_runs", "status", RUN_STATUSES, "run_id"),
    _accepted_in_list("postings", "seasons", SEASONS, _POSTING),
    _accepted_in_list("postings", "degree_levels", DEGREE_LEVELS, _POSTING),
    Check(
        "postings.pay_min <= postings.pay_max",
        "SELECT posting_id, source, locator, pay_min, pay_max FROM postings WHERE pay_min > pay_max",
        ("postings",),
    ),
    Check(
        "pay_ranges.pay_min <= pay_ranges.pay_max",
        "SELECT posting_id, pay_min, pay_max FROM pay_ranges WHERE pay_min > pay_max",
        ("pay_ranges",),
    ),
    Check(
        "every posting has its document",
        "SELECT p.posting_id, p.source FROM postings p ANTI JOIN documents d ON d.document_id = p.posting_id",
        ("postings", "documents"),
    ),
    Check(
        "every posting's team is in the team dimension",
        "SELECT p.posting_id, p.team FROM postings p ANTI JOIN teams t ON t.team_id = p.team_id "
        "WHERE p.team_id IS NOT NULL",
        ("postings", "teams"),
    ),
    Check(
        "every group has exactly one canonical posting",
        "SELECT dup_group, count(*) FILTER (WHERE is_canonical) AS canonical FROM postings "
        "GROUP BY dup_group HAVING count(*) FILTER (WHERE is_canonical) <> 1",
        ("postings",),
    ),
    Check(
        "mention spans lie inside the posting text",
        "SELECT m.posting_id, m.name, m.span_start, m.span_end FROM mentions m "
        "JOIN postings p USING (posting_id) "
        "WHERE m.span_start > m.span_end OR (p.text IS NOT NULL AND m.span_end > length(p.text))",
        ("mentions", "postings"),
    ),
)

_SHOW_ROWS = 5
CHECKS_VERSION = hashlib.sha256(
    "\n".join(f"{c.name}\t{c.offending_rows}" for c in CHECKS).encode()
).hexdigest()[:12]


class CheckFailed(RuntimeError):
    """A declared check found rows that break it; nothing was published."""

    def __init__(self, failures: list[tuple[str, int, list[tuple]]]):
        self.failures = failures  # (check name, rows breaking it, the first of those rows)
        lines = []
        for name, count, rows in failures:
            shown = f", the first {len(rows)} shown" if count > len(rows) else ""
            lines.append(f"check failed: {name}: {count} row(s) break it{shown}")
            lines.extend(f"  {row}" for row in rows)
        super().__init__("\n".join(lines))


def run_checks(con: duckdb.DuckDBPyConnection, tables: Collection[str] | None = None) -> None:
    """Run the declared checks; raise CheckFailed naming each failing check and its rows.

    `tables` limits them to the checks reading any of those tables (None: every check).
    """
    failures = []
    for check in CHECKS:
        if tables is not None and not set(check.tables) & set(tables):
            continue
        rows = con.execute(f"{check.offending_rows} LIMIT {_SHOW_ROWS}").fetchall()  # noqa: S608 - declared constant queries
        if rows:
            count = len(rows)
            if count == _SHOW_ROWS:
                count = con.execute(f"SELECT count(*) FROM ({check.offending_rows})").fetchone()[0]  # noqa: S608 - declared constant queries
            failures.append((check.name, count, rows))
    if failures:
        raise CheckFailed(failures)
