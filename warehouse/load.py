"""Writing into a warehouse version being built: documents, parsed postings, rejections, runs.

`WarehouseWriter` wraps the writable connection `warehouse.publish.new_version` yields; the
ingest pipeline decides *what* to write and calls these methods, which hold all the SQL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from etl.model import Posting, Rejection, SourceDocument
from warehouse.dedupe import group_reposts, minhash_signature
from warehouse.schema import LOOKUP_INDEXES
from warehouse.teams import TeamMatcher

_POSTING_SCHEMA = {
    "posting_id": pl.Int64,
    "parser_version": pl.String,
    "source": pl.String,
    "locator": pl.String,
    "company": pl.String,
    "title": pl.String,
    "team": pl.String,
    "team_id": pl.Int32,
    "team_raw": pl.String,
    "team_aliases": pl.List(pl.String),
    "locations": pl.List(pl.String),
    "employment_type": pl.String,
    "season": pl.String,
    "seasons": pl.List(pl.String),
    "year": pl.Int32,
    "degree_levels": pl.List(pl.String),
    "languages": pl.List(pl.String),
    "skills": pl.List(pl.String),
    "pay_min": pl.Float64,
    "pay_max": pl.Float64,
    "pay_currency": pl.String,
    "pay_period": pl.String,
    "start_dates": pl.List(pl.Date),
    "duration_weeks": pl.Int32,
    "posted_date": pl.Date,
    "text": pl.String,
    "sections_json": pl.String,
    "disagreements_json": pl.String,
    "parsed_at": pl.Datetime("us"),
    "dup_group": pl.Int64,
    "dup_group_size": pl.Int32,
    "is_canonical": pl.Boolean,
}
_CHILD_TABLES = (
    "mentions",
    "posting_skills",
    "posting_locations",
    "posting_start_dates",
    "pay_ranges",
    "evidence",
    "posting_signatures",
)


def document_key(doc: SourceDocument) -> str:
    """A document's identity across runs: the source's own id when it has one, else where it lies."""
    if doc.external_id:
        # Ids are unique only within a source's own format (row ids 1..N in two CSVs collide).
        return f"ext:{doc.format}:{doc.external_id}"
    return f"{doc.source}#{doc.locator or ''}"


def rejection_key(rejection: Rejection) -> str:
    return f"{rejection.source}#{rejection.locator or ''}"


def content_hash(doc: SourceDocument) -> str:
    """What a document says (text and structured fields): equal hash = nothing to re-parse."""
    digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass"))
    extra = {"known": doc.known, "page_date": doc.page_date, "url": doc.url, "format": doc.format}
    digest.update(json.dumps(extra, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def file_hash(path: Path) -> tuple[str, int]:
    """(sha256, size) of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@dataclass(frozen=True)
class StoredDocument:
    document_id: int
    content_hash: str
    source: str
    last_run: int | None = None  # the last run that wrote it or found it unchanged


class WarehouseWriter:
    """All writes of one ingest into the version being built.

    `content_changed` turns True at the first write beyond the run log and seen dates (a
    document, posting, child row, team, rejection or repost group): until then the build
    holds the published content, and what is derived from it need not be rebuilt.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.now = dt.datetime.now()
        self._teams: TeamMatcher | None = None
        self.content_changed = False

    @contextlib.contextmanager
    def without_lookup_indexes(self) -> Iterator[None]:
        """Write with the lookup indexes dropped; they are rebuilt, in one pass, on a clean exit.

        DuckDB appends every insert into a table that has an index to its last row group, so
        each automatic checkpoint (one every couple of write batches) rewrote postings and
        documents whole: at 40,000 rows one took ~1 s and ~200 MB, and a run's memory and time
        grew with the rows written. Without the index a checkpoint writes only the new rows.
        After a failure the build is thrown away, so nothing is rebuilt.
        """
        for name in LOOKUP_INDEXES:
            self.con.execute(f"DROP INDEX IF EXISTS {name}")
        yield
        for create in LOOKUP_INDEXES.values():
            self.con.execute(create)

    # runs -----------------------------------------------------------------------------------
    def start_run(
        self, parser_version: str, note: str | None = None, started_at: dt.datetime | None = None
    ) -> int:
        run_id = self.con.execute(
            "SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs"
        ).fetchone()[0]
        self.con.execute(
            "INSERT INTO ingest_runs (run_id, started_at, status, parser_version, note)"
            " VALUES (?, ?, 'running', ?, ?)",
            [run_id, started_at or self.now, parser_version, note],
        )
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int], seconds: float) -> None:
        self.con.execute(
            """UPDATE ingest_runs SET finished_at = ?, status = 'succeeded', files = ?,
               documents = ?, parsed = ?, unchanged = ?, replaced = ?, reparsed = ?,
               removed = ?, rejected = ?, seconds = ? WHERE run_id = ?""",
            [
                dt.datetime.now(),
                *(
                    counts.get(k, 0)
                    for k in (
                        "files",
                        "documents",
                        "parsed",
                        "unchanged",
                        "replaced",
                        "reparsed",
                        "removed",
                        "rejected",
                    )
                ),
                seconds,
                run_id,
            ],
        )

    def fail_run(self, run_id: int, counts: dict[str, int], seconds: float, error: str) -> None:
        """Log a run that failed (its changes were discarded); the error is its note."""
        self.finish_run(run_id, counts, seconds)
        self.con.execute(
            "UPDATE ingest_runs SET status = 'failed', note = ? WHERE run_id = ?", [error, run_id]
        )

    # files ----------------------------------------------------------------------------------
    def known_file_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT source, content_hash FROM source_files").fetchall())

    def record_files(self, files: Sequence[tuple[str, str, int]], run_id: int) -> None:
        """Upsert (source, content hash, bytes) rows for files read this run."""
        if not files:
            return
        frame = pl.DataFrame(
            files,
            schema={"source": pl.String, "content_hash": pl.String, "bytes": pl.Int64},
            orient="row",
        )
        self.con.register("_files", frame)
        try:
            self.con.execute(
                """INSERT INTO source_files (source, content_hash, bytes, first_seen, last_seen, last_run)
                   SELECT source, content_hash, bytes, $now, $now, $run FROM _files
                   ON CONFLICT (source) DO UPDATE SET content_hash = excluded.content_hash,
                       bytes = excluded.bytes, last_seen = excluded.last_seen,
                       last_run = excluded.last_run""",
                {"now": self.now, "run": run_id},
            )
        finally:
            self.con.unregister("_files")

    def touch_unchanged_sources(self, sources: Sequence[str], run_id: int) -> int:
        """Mark unchanged files and their documents as seen this run; returns how many documents."""
        if not sources:
            return 0
        self.con.execute(
            "UPDATE source_files SET last_seen = ?, last_run = ? WHERE source IN (SELECT unnest(?::VARCHAR[]))",
            [self.now, run_id, list(sources)],
        )
        return self.con.execute(
            "UPDATE documents SET last_seen = ?, last_run = ? WHERE source IN (SELECT unnest(?::VARCHAR[]))",
            [self.now, run_id, list(sources)],
        ).fetchone()[0]

    def touch_documents(self, document_ids: Sequence[int], run_id: int) -> None:
        """Mark documents found unchanged inside a changed file as seen this run."""
        if document_ids:
            self.con.execute(
                "UPDATE documents SET last_seen = ?, last_run = ? WHERE document_id IN (SELECT unnest(?::BIGINT[]))",
                [self.now, run_id, list(document_ids)],
            )

    # documents ------------------------------------------------------------------------------
    def stored_documents(self, keys: Iterable[str]) -> dict[str, StoredDocument]:
        rows = self.con.execute(
            "SELECT doc_key, document_id, content_hash, source, last_run FROM documents"
            " WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))",
            [list(keys)],
        ).fetchall()
        return {key: StoredDocument(*row) for key, *row in rows}

    def documents_not_seen(self, sources: Iterable[str], run_id: int) -> list[int]:
        """Ids of these sources' documents that run `run_id` neither wrote nor found unchanged."""
        return [
            doc_id
            for (doc_id,) in self.con.execute(
                """SELECT document_id FROM documents
                   WHERE source IN (SELECT unnest(?::VARCHAR[])) AND last_run IS DISTINCT FROM ?
                   ORDER BY document_id""",
                [list(sources), run_id],
            ).fetchall()
        ]

    def next_document_id(self) -> int:
        return self.con.execute(
            "SELECT coalesce(max(document_id), 0) + 1 FROM documents"
        ).fetchone()[0]

    def write_documents(self, rows: Sequence[tuple[int, SourceDocument, str]], run_id: int) -> None:
        """Insert or replace raw documents: (document_id, document, content hash)."""
        if not rows:
            return
        self.content_changed = True
        frame = pl.DataFrame(
            [
                {
                    "document_id": doc_id,
                    "doc_key": document_key(doc),
                    "content_hash": digest,
                    "source": doc.source,
                    "locator": doc.locator,
                    "external_id": doc.external_id,
                    "url": doc.url,
                    "format": doc.format,
                    "bytes": len(doc.text.encode("utf-8", "surrogatepass")),
                    "text": doc.text,
                    "known_json": json.dumps(doc.known, sort_keys=True, default=str)
                    if doc.known
                    else None,
                    "page_date": doc.page_date,
                }
                for doc_id, doc, digest in rows
            ],
            schema={
                "document_id": pl.Int64,
                "doc_key": pl.String,
                "content_hash": pl.String,
                "source": pl.String,
                "locator": pl.String,
                "external_id": pl.String,
                "url": pl.String,
                "format": pl.String,
                "bytes": pl.Int64,
                "text": pl.String,
                "known_json": pl.String,
                "page_date": pl.Date,
            },
        )
        self.con.register("_docs", frame)
        try:
            # first_seen survives a replacement: the posting has been known since then.
            self.con.execute(
                """CREATE TEMP TABLE _first_seen AS
                   SELECT d.document_id, d.first_seen, d.first_run FROM documents d
                   SEMI JOIN _docs n ON n.document_id = d.document_id"""
            )
            self.con.execute(
                "DELETE FROM documents WHERE document_id IN (SELECT document_id FROM _docs)"
            )
            self.con.execute(
                """INSERT INTO documents BY NAME
                   SELECT n.*, NULL AS parsed_version,
                          coalesce(f.first_seen, $now) AS first_seen, $now AS last_seen,
                          coalesce(f.first_run, $run) AS first_run, $run AS last_run
                   FROM _docs n LEFT JOIN _first_seen f USING (document_id)""",
                {"now": self.now, "run": run_id},
            )
        finally:
            self.con.execute("DROP TABLE IF EXISTS _first_seen")
            self.con.unregister("_docs")

    def remove_documents(self, document_ids: Sequence[int]) -> None:
        """Drop documents (and their postings) that their file no longer contains."""
        if not document_ids:
            return
        self.content_changed = True
        self.delete_postings(document_ids)
        self.con.execute(
            """DELETE FROM rejected WHERE rejection_key IN (
                   SELECT source || '#' || coalesce(locator, '') FROM documents
                   WHERE document_id IN (SELECT unnest($ids::BIGINT[])))""",
            {"ids": list(document_ids)},
        )
        self.con.execute(
            "DELETE FROM documents WHERE document_id IN (SELECT unnest(?::BIGINT[]))",
            [list(document_ids)],
        )

    def documents_to_reparse(self, parser_version: str) -> list[int]:
        """Ids of the stored documents last parsed by another parser version (or never), in order."""
        return [
            doc_id
            for (doc_id,) in self.con.execute(
                """SELECT document_id FROM documents
                   WHERE parsed_version IS DISTINCT FROM ? AND format <> 'synthetic'
                   ORDER BY document_id""",
                [parser_version],
            ).fetchall()
        ]

    def load_documents(self, document_ids: Sequence[int]) -> list[tuple[int, SourceDocument]]:
        """Stored documents rebuilt from the raw layer (no file needed), in id order."""
        rows = self.con.execute(
            """SELECT document_id, source, text, format, locator, external_id, url, known_json, page_date
               FROM documents WHERE document_id IN (SELECT unnest(?::BIGINT[]))
               ORDER BY document_id""",
            [list(document_ids)],
        ).fetchall()
        return [
            (
                doc_id,
                SourceDocument(
                    source=source,
                    text=text,
                    format=fmt,
                    locator=locator,
                    external_id=external_id,
                    url=url,
                    known=json.loads(known) if known else {},
                    page_date=page_date,
                ),
            )
            for doc_id, source, text, fmt, locator, external_id, url, known, page_date in rows
        ]

    def mark_parsed(self, document_ids: Sequence[int], parser_version: str) -> None:
        if document_ids:
            self.content_changed = True
            self.con.execute(
                "UPDATE documents SET parsed_version = ? WHERE document_id IN (SELECT unnest(?::BIGINT[]))",
                [parser_version, list(document_ids)],
            )

    # postings -------------------------------------------------------------------------------
    def _team_matcher(self) -> TeamMatcher:
        if self._teams is None:
            teams = self.con.execute("SELECT team_id, name, normalized FROM teams").fetchall()
            companies = [
                c
                for (c,) in self.con.execute("SELECT DISTINCT company FROM postings").fetchall()
                if c
            ]
            self._teams = TeamMatcher(teams, companies)
        return self._teams

    def delete_postings(self, posting_ids: Sequence[int]) -> None:
        ids = list(posting_ids)
        if not ids:
            return
        self.content_changed = True
        for table in ("postings", *_CHILD_TABLES):
            self.con.execute(
                f"DELETE FROM {table} WHERE posting_id IN (SELECT unnest(?::BIGINT[]))",  # noqa: S608 - constant table names
                [ids],
            )

    def write_postings(self, pairs: Sequence[tuple[int, Posting]]) -> None:
        """Insert or replace parsed postings (posting_id = document_id) with their child rows."""
        if not pairs:
            return
        self.content_changed = True
        self.delete_postings([pid for pid, _ in pairs])
        matcher = self._team_matcher()
        matcher.add_companies(p.company for _, p in pairs)
        postings, mentions, locations, starts, pays, evidence, signatures = (
            [],
            [],
            [],
            [],
            [],
            [],
            [],
        )
        skills: dict[tuple[int, str], list] = {}
        for posting_id, p in pairs:
            team = matcher.match(p.team, p.company)
            for alias in p.team_aliases:
                if team is not None:
                    matcher.new_aliases.setdefault(alias.strip(), team[0])
            postings.append(
                {
                    "posting_id": posting_id,
                    "parser_version": p.parser_version,
                    "source": p.source,
                    "locator": p.locator,
                    "company": p.company,
                    "title": p.title,
                    "team": team[1] if team else None,
                    "team_id": team[0] if team else None,
                    "team_raw": p.team,
                    "team_aliases": p.team_aliases,
                    "locations": p.locations,
                    "employment_type": p.employment_type,
                    "season": p.season,
                    "seasons": list(p.seasons),
                    "year": p.year,
                    "degree_levels": list(p.degree_levels),
                    "languages": p.languages,
                    "skills": p.skills,
                    "pay_min": p.pay_min,
                    "pay_max": p.pay_max,
                    "pay_currency": p.pay_currency,
                    "pay_period": p.pay_period,
                    "start_dates": p.start_dates,
                    "duration_weeks": p.duration_weeks,
                    "posted_date": p.posted_date,
                    "text": p.text,
                    "sections_json": json.dumps([s.model_dump() for s in p.sections])
                    if p.sections
                    else None,
                    "disagreements_json": (
                        json.dumps([d.model_dump() for d in p.disagreements])
                        if p.disagreements
                        else None
                    ),
                    "parsed_at": self.now,
                    "dup_group": posting_id,
                    "dup_group_size": 1,
                    "is_canonical": True,
                }
            )
            for m in p.mentions:
                mentions.append((posting_id, m.name, m.category, m.level, m.start, m.end))
                key = (posting_id, m.name)
                if key not in skills:
                    skills[key] = [posting_id, m.name, m.category, m.level]
                elif m.level == "required":
                    skills[key][3] = "required"
            # Names listed without a span (e.g. from the source's structured fields) still count.
            for name, category in [(n, "language") for n in p.languages] + [
                (n, "skill") for n in p.skills
            ]:
                skills.setdefault((posting_id, name), [posting_id, name, category, "required"])
            locations.extend((posting_id, i, loc) for i, loc in enumerate(p.locations))
            starts.extend((posting_id, d) for d in sorted(set(p.start_dates)))
            pays.extend(
                (posting_id, i, r.min, r.max, r.currency, r.period, r.label, r.start, r.end)
                for i, r in enumerate(p.pay_ranges)
            )
            evidence.extend((posting_id, e.field, e.value, e.start, e.end) for e in p.evidence)
            signatures.append(
                (posting_id, [int(x) for x in minhash_signature(p.text, p.company, p.title)])
            )
        self._insert("postings", pl.DataFrame(postings, schema=_POSTING_SCHEMA))
        self._insert_rows(
            "mentions",
            mentions,
            {
                "posting_id": pl.Int64,
                "name": pl.String,
                "category": pl.String,
                "level": pl.String,
                "span_start": pl.Int32,
                "span_end": pl.Int32,
            },
        )
        self._insert_rows(
            "posting_skills",
            list(skills.values()),
            {"posting_id": pl.Int64, "name": pl.String, "category": pl.String, "level": pl.String},
        )
        self._insert_rows(
            "posting_locations",
            locations,
            {"posting_id": pl.Int64, "position": pl.Int32, "location": pl.String},
        )
        self._insert_rows(
            "posting_start_dates", starts, {"posting_id": pl.Int64, "start_date": pl.Date}
        )
        self._insert_rows(
            "pay_ranges",
            pays,
            {
                "posting_id": pl.Int64,
                "position": pl.Int32,
                "pay_min": pl.Float64,
                "pay_max": pl.Float64,
                "currency": pl.String,
                "period": pl.String,
                "label": pl.String,
                "span_start": pl.Int32,
                "span_end": pl.Int32,
            },
        )
        self._insert_rows(
            "evidence",
            evidence,
            {
                "posting_id": pl.Int64,
                "field": pl.String,
                "value": pl.String,
                "span_start": pl.Int32,
                "span_end": pl.Int32,
            },
        )
        self._insert_rows(
            "posting_signatures",
            signatures,
            {"posting_id": pl.Int64, "minhash": pl.List(pl.UInt64)},
        )
        self._save_new_teams(matcher)

    def _save_new_teams(self, matcher: TeamMatcher) -> None:
        if matcher.new_teams:
            self._insert_rows(
                "teams",
                matcher.new_teams,
                {"team_id": pl.Int32, "name": pl.String, "normalized": pl.String},
            )
            matcher.new_teams = []
        if matcher.new_aliases:
            self.con.execute(
                "INSERT INTO team_aliases SELECT * FROM (SELECT unnest(?::VARCHAR[]) AS alias,"
                " unnest(?::INTEGER[]) AS team_id) n WHERE alias NOT IN (SELECT alias FROM team_aliases)",
                [list(matcher.new_aliases), list(matcher.new_aliases.values())],
            )
            matcher.new_aliases = {}

    def _insert_rows(self, table: str, rows: list, schema: dict) -> None:
        if rows:
            self._insert(table, pl.DataFrame(rows, schema=schema, orient="row"))

    def _insert(self, table: str, frame: pl.DataFrame) -> None:
        self.con.register("_rows", frame)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")  # noqa: S608 - constant table names
        finally:
            self.con.unregister("_rows")

    # rejections -----------------------------------------------------------------------------
    def clear_rejections(self, *, sources: Sequence[str] = (), keys: Sequence[str] = ()) -> None:
        """Forget rejections of files being re-read and of documents that now parse.

        A stored document the current parser failed on keeps its rejection when its file is
        re-read: it is not parsed again unless it changes.
        """
        if not sources and not keys:
            return
        deleted = self.con.execute(
            """DELETE FROM rejected
               WHERE (source IN (SELECT unnest($sources::VARCHAR[]))
                      AND rejection_key NOT IN (
                          SELECT d.source || '#' || coalesce(d.locator, '') FROM documents d
                          WHERE d.parsed_version IS NOT NULL
                            AND d.document_id NOT IN (SELECT posting_id FROM postings)))
                  OR rejection_key IN (SELECT unnest($keys::VARCHAR[]))""",
            {"sources": list(sources), "keys": list(keys)},
        ).fetchone()[0]
        self.content_changed |= deleted > 0

    def record_rejections(self, rejections: Sequence[Rejection], run_id: int) -> None:
        if not rejections:
            return
        self.content_changed = True
        latest = {rejection_key(r): r for r in rejections}
        rows = [(key, r.source, r.locator, r.reason) for key, r in latest.items()]
        frame = pl.DataFrame(
            rows,
            schema={
                "rejection_key": pl.String,
                "source": pl.String,
                "locator": pl.String,
                "reason": pl.String,
            },
            orient="row",
        )
        self.con.register("_rej", frame)
        try:
            self.con.execute(
                """CREATE TEMP TABLE _rej_first AS SELECT rejection_key, first_seen FROM rejected
                   SEMI JOIN _rej USING (rejection_key)"""
            )
            self.con.execute(
                "DELETE FROM rejected WHERE rejection_key IN (SELECT rejection_key FROM _rej)"
            )
            self.con.execute(
                """INSERT INTO rejected BY NAME
                   SELECT n.*, coalesce(f.first_seen, $now) AS first_seen, $now AS last_seen,
                          $run AS last_run
                   FROM _rej n LEFT JOIN _rej_first f USING (rejection_key)""",
                {"now": self.now, "run": run_id},
            )
        finally:
            self.con.execute("DROP TABLE IF EXISTS _rej_first")
            self.con.unregister("_rej")

    # near-duplicates ------------------------------------------------------------------------
    def regroup_duplicates(self) -> int:
        """Recompute near-duplicate groups over every posting with a signature; returns #groups > 1."""
        if not self.con.execute("SELECT count(*) FROM posting_signatures").fetchone()[0]:
            return 0
        self.content_changed = True
        try:
            groups = group_reposts(self.con)
            # Every other posting with a signature is a group of its own; rows already right
            # are left alone.
            self.con.execute(
                """UPDATE postings SET dup_group = x.dup_group, dup_group_size = x.dup_group_size,
                       is_canonical = (postings.posting_id = x.dup_group)
                   FROM (SELECT posting_id, dup_group, count(*) OVER (PARTITION BY dup_group) AS dup_group_size
                         FROM (SELECT s.posting_id, coalesce(g.dup_group, s.posting_id) AS dup_group
                               FROM posting_signatures s LEFT JOIN _repost_groups g USING (posting_id))) x
                   WHERE postings.posting_id = x.posting_id
                     AND (postings.dup_group IS DISTINCT FROM x.dup_group
                          OR postings.dup_group_size IS DISTINCT FROM x.dup_group_size
                          OR postings.is_canonical IS DISTINCT FROM (postings.posting_id = x.dup_group))"""
            )
        finally:
            self.con.execute("DROP TABLE IF EXISTS _repost_groups")
        return groups

    def count_duplicate_groups(self) -> int:
        """Repost groups of more than one posting, as they stand (without regrouping)."""
        return self.con.execute(
            "SELECT count(*) FROM postings WHERE dup_group_size > 1 AND is_canonical"
        ).fetchone()[0]
