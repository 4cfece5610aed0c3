"""The warehouse schema, declared once as numbered migrations applied in order on open.

Layers: raw documents (what was read, so a new parser can re-parse without the files) ->
parsed postings (every field, list columns, `parser_version`) with child tables for the
many-valued fields -> marts the dashboard reads (derived, so not migrated: rebuilt whole at every publish by
`warehouse.marts`). Uniqueness, not-null and accepted values are declared next to the
tables in `warehouse.checks` and run before every publish: the big tables carry no index
constraints, because ART indexes on millions of rows cost memory and slow bulk loads.

A migration is never edited once released: add a new one with the next number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb


class WarehouseTooNew(RuntimeError):
    """The file was written by a newer Jobdash than this one."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_BASE = (
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE ingest_runs (
        run_id INTEGER PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,          -- running | succeeded (failed runs are never published)
        parser_version VARCHAR,
        files INTEGER, documents INTEGER, parsed INTEGER, unchanged INTEGER,
        replaced INTEGER, reparsed INTEGER, removed INTEGER, rejected INTEGER,
        seconds DOUBLE, note VARCHAR)""",
    # One row per file read: lets an unchanged file be skipped without reading its records.
    """CREATE TABLE source_files (
        source VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        bytes BIGINT NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        last_run INTEGER)""",
    # Raw layer: one row per posting document read from a source file.
    """CREATE TABLE documents (
        document_id BIGINT NOT NULL,
        doc_key VARCHAR NOT NULL,          -- 'ext:<format>:<external id>' or '<source>#<locator>'
        content_hash VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        locator VARCHAR,
        external_id VARCHAR,
        url VARCHAR,
        format VARCHAR NOT NULL,
        bytes BIGINT NOT NULL,
        text VARCHAR NOT NULL,
        known_json VARCHAR,
        page_date DATE,
        parsed_version VARCHAR,            -- parser version that last parsed it (even if it failed)
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        first_run INTEGER,
        last_run INTEGER)""",
    """CREATE TABLE teams (
        team_id INTEGER NOT NULL, name VARCHAR NOT NULL, normalized VARCHAR NOT NULL)""",
    "CREATE TABLE team_aliases (alias VARCHAR NOT NULL, team_id INTEGER NOT NULL)",
    # Parsed layer: one row per posting (posting_id = document_id), lists as list columns.
    """CREATE TABLE postings (
        posting_id BIGINT NOT NULL,
        parser_version VARCHAR NOT NULL,
        source VARCHAR,
        locator VARCHAR,
        company VARCHAR,
        title VARCHAR,
        team VARCHAR,                      -- canonical team name (teams.name)
        team_id INTEGER,
        team_raw VARCHAR,                  -- the spelling the parser found
        team_aliases VARCHAR[],
        locations VARCHAR[],
        employment_type VARCHAR,
        season VARCHAR,
        seasons VARCHAR[],
        year INTEGER,
        degree_levels VARCHAR[],
        languages VARCHAR[],
        skills VARCHAR[],
        pay_min DOUBLE,
        pay_max DOUBLE,
        pay_currency VARCHAR,
        pay_period VARCHAR,
        start_dates DATE[],
        duration_weeks INTEGER,
        posted_date DATE,
        text VARCHAR,                      -- the parsed text the spans point into
        sections_json VARCHAR,
        disagreements_json VARCHAR,
        parsed_at TIMESTAMP)""",
    """CREATE TABLE mentions (
        posting_id BIGINT NOT NULL, name VARCHAR NOT NULL, category VARCHAR NOT NULL,
        level VARCHAR NOT NULL, span_start INTEGER, span_end INTEGER)""",
    """CREATE TABLE posting_locations (
        posting_id BIGINT NOT NULL, position INTEGER NOT NULL, location VARCHAR NOT NULL)""",
    """CREATE TABLE posting_start_dates (
        posting_id BIGINT NOT NULL, start_date DATE NOT NULL)""",
    """CREATE TABLE pay_ranges (
        posting_id BIGINT NOT NULL, position INTEGER NOT NULL,
        pay_min DOUBLE NOT NULL, pay_max DOUBLE NOT NULL, currency VARCHAR, period VARCHAR,
        label VARCHAR, span_start INTEGER, span_end INTEGER)""",
    """CREATE TABLE evidence (
        posting_id BIGINT NOT NULL, field VARCHAR NOT NULL, value VARCHAR,
        span_start INTEGER, span_end INTEGER)""",
    """CREATE TABLE rejected (
        rejection_key VARCHAR NOT NULL,    -- '<source>#<locator>'
        source VARCHAR NOT NULL,
        locator VARCHAR,
        reason VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        last_run INTEGER)""",
)

_DUPLICATES_AND_SKILLS = (
    # Near-duplicate reposts: every posting belongs to a group (itself when alone); the
    # canonical member stands for the group when queries count each group once.
    "ALTER TABLE postings ADD COLUMN dup_group BIGINT",
    "ALTER TABLE postings ADD COLUMN dup_group_size INTEGER DEFAULT 1",
    "ALTER TABLE postings ADD COLUMN is_canonical BOOLEAN DEFAULT TRUE",
    "UPDATE postings SET dup_group = posting_id WHERE dup_group IS NULL",
    "CREATE TABLE posting_signatures (posting_id BIGINT NOT NULL, minhash UBIGINT[] NOT NULL)",
    # One row per posting and skill at its strongest level: what demand charts count.
    """CREATE TABLE posting_skills (
        posting_id BIGINT NOT NULL, name VARCHAR NOT NULL, category VARCHAR NOT NULL,
        level VARCHAR NOT NULL)""",
    """INSERT INTO posting_skills
        SELECT posting_id, name, any_value(category),
               CASE WHEN bool_or(level = 'required') THEN 'required' ELSE 'preferred' END
        FROM mentions GROUP BY posting_id, name""",
)

# Pages fetch a handful of postings by id out of a million: an index makes that a lookup.
# By name, so an ingest can drop them while it writes (`WarehouseWriter.without_lookup_indexes`).
LOOKUP_INDEXES = {
    "postings_by_id": "CREATE INDEX postings_by_id ON postings (posting_id)",
    "documents_by_id": "CREATE INDEX documents_by_id ON documents (document_id)",
}

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "raw documents, parsed postings, child tables, teams, rejections, runs", _BASE),
    Migration(2, "near-duplicate groups and per-posting skill levels", _DUPLICATES_AND_SKILLS),
    Migration(3, "indexes for fetching postings by id", tuple(LOOKUP_INDEXES.values())),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The newest migration applied to this database (0 for an empty file)."""
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        " AND table_catalog = current_database()"
    ).fetchone()[0]
    if not has_table:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def apply_migrations(con: duckdb.DuckDBPyConnection, *, upto: int | None = None) -> list[int]:
    """Bring a writable database up to `upto` (default: the newest schema); returns versions applied."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise WarehouseTooNew(
            f"this warehouse has schema version {current}, newer than this Jobdash "
            f"understands ({SCHEMA_VERSION}); upgrade Jobdash or rebuild the warehouse"
        )
    target = SCHEMA_VERSION if upto is None else upto
    applied = []
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            con.execute("BEGIN TRANSACTION")
            try:
                for statement in migration.statements:
                    con.execute(statement)
                con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [migration.version, migration.name, dt.datetime.now()],
                )
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            applied.append(migration.version)
    return applied


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: object) -> None:
    """Record one warehouse-level fact (parser version, synthetic flag, publish time)."""
    con.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, None if value is None else str(value)]
    )


def get_meta(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """Every warehouse-level fact as a dict."""
    return dict(con.execute("SELECT key, value FROM meta").fetchall())
