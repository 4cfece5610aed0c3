"""Every declared check catches the rows that break it, names them, and stops the publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse.checks import CHECKS, CheckFailed, run_checks
from warehouse.publish import new_version
from warehouse.status import warehouse_status

# For every declared check, a statement that breaks it in a copy of the sample warehouse
# (posting 1 is a.txt, alone in its repost group). `None` after it: the schema itself refuses
# the statement (a primary key or NOT NULL), and the check is the second line of defence.
BREAKS: dict[str, tuple[str, type[Exception] | None]] = {
    "documents.document_id is unique": (
        "INSERT INTO documents SELECT * REPLACE ('copy:' || doc_key AS doc_key) FROM documents"
        " WHERE document_id = 1", None),
    "documents.doc_key is unique": (
        "INSERT INTO documents SELECT * REPLACE (999 AS document_id) FROM documents"
        " WHERE document_id = 1", None),
    "postings.posting_id is unique": (
        "INSERT INTO postings SELECT * FROM postings WHERE posting_id = 1", None),
    "teams.team_id is unique": (
        "INSERT INTO teams SELECT team_id, name || ' 2', normalized || ' 2' FROM teams"
        " ORDER BY team_id LIMIT 1", None),
    "teams.normalized is unique": (
        "INSERT INTO teams SELECT 999, name || ' 2', normalized FROM teams ORDER BY team_id LIMIT 1",
        None),
    "team_aliases.alias is unique": (
        "INSERT INTO team_aliases SELECT * FROM team_aliases ORDER BY alias LIMIT 1", None),
    "rejected.rejection_key is unique": (
        "INSERT INTO rejected VALUES ('x.txt#', 'x.txt', NULL, 'r', now(), now(), 1),"
        " ('x.txt#', 'x.txt', NULL, 'r', now(), now(), 1)", None),
    "ingest_runs.run_id is unique": (
        "INSERT INTO ingest_runs SELECT * FROM ingest_runs", duckdb.ConstraintException),
    "posting_signatures.posting_id is unique": (
        "INSERT INTO posting_signatures SELECT * FROM posting_signatures WHERE posting_id = 1",
        None),
    "postings.parser_version is not null": (
        "UPDATE postings SET parser_version = NULL WHERE posting_id = 1",
        duckdb.ConstraintException),
    "postings.dup_group is not null": (
        "UPDATE postings SET dup_group = NULL WHERE posting_id = 1", None),
    "postings.is_canonical is not null": (
        "UPDATE postings SET is_canonical = NULL WHERE posting_id = 1", None),
    "documents.content_hash is not null": (
        "UPDATE documents SET content_hash = NULL WHERE document_id = 1",
        duckdb.ConstraintException),
    "postings.employment_type in (internship, full_time, part_time, contract)": (
        "UPDATE postings SET employment_type = 'gig' WHERE posting_id = 1", None),
    "postings.pay_period in (hour, day, week, month, year)": (
        "UPDATE postings SET pay_period = 'fortnight' WHERE posting_id = 1", None),
    "pay_ranges.period in (hour, day, week, month, year)": (
        "UPDATE pay_ranges SET period = 'fortnight' WHERE posting_id = 1", None),
    "mentions.level in (required, preferred)": (
        "UPDATE mentions SET level = 'nice to have' WHERE posting_id = 1", None),
    "posting_skills.level in (required, preferred)": (
        "UPDATE posting_skills SET level = 'nice to have' WHERE posting_id = 1", None),
    "ingest_runs.status in (running, succeeded, failed)": (
        "UPDATE ingest_runs SET status = 'abandoned'", None),
    "every postings.seasons value in (Spring, Summer, Fall, Winter)": (
        "UPDATE postings SET seasons = ['Monsoon'] WHERE posting_id = 1", None),
    "every postings.degree_levels value in (BS, MS, PhD)": (
        "UPDATE postings SET degree_levels = ['MBA'] WHERE posting_id = 1", None),
    "postings.pay_min <= postings.pay_max": (
        "UPDATE postings SET pay_min = pay_max + 1 WHERE posting_id = 1", None),
    "pay_ranges.pay_min <= pay_ranges.pay_max": (
        "UPDATE pay_ranges SET pay_min = pay_max + 1 WHERE posting_id = 1", None),
    "every posting has its document": ("DELETE FROM documents WHERE document_id = 1", None),
    "every posting's team is in the team dimension": (
        "UPDATE postings SET team_id = 999 WHERE posting_id = 1", None),
    "every group has exactly one canonical posting": (
        "UPDATE postings SET is_canonical = false WHERE posting_id = 1", None),
    "mention spans lie inside the posting text": (
        "UPDATE mentions SET span_end = 100000 WHERE posting_id = 1", None),
}  # fmt: skip


def test_every_declared_check_has_a_case_that_breaks_it():
    assert set(BREAKS) == {check.name for check in CHECKS}


def _copy(sample_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "wh.duckdb"
    shutil.copyfile(sample_db, db)
    return db


def test_the_sample_warehouse_passes_every_check(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        run_checks(con)
    finally:
        con.close()


@pytest.mark.parametrize("name", list(BREAKS))
def test_a_broken_rule_fails_its_check_and_names_the_rows(sample_db, tmp_path, name):
    statement, refused_by_schema = BREAKS[name]
    con = duckdb.connect(str(_copy(sample_db, tmp_path)))
    try:
        if refused_by_schema is not None:
            with pytest.raises(refused_by_schema):
                con.execute(statement)
            return
        con.execute(statement)
        with pytest.raises(CheckFailed) as failed:
            run_checks(con)
    finally:
        con.close()
    rows = {check: shown for check, _, shown in failed.value.failures}
    assert name in rows and rows[name], failed.value.failures
    message = str(failed.value)
    assert f"check failed: {name}" in message
    assert all(str(row) in message for row in rows[name])  # the rows themselves, not a count


def test_the_message_counts_every_breaking_row_and_shows_the_first(sample_db, tmp_path):
    con = duckdb.connect(str(_copy(sample_db, tmp_path)))
    try:
        con.execute("UPDATE postings SET pay_min = pay_max + 1 WHERE pay_max IS NOT NULL")
        with pytest.raises(CheckFailed, match=r"6 row\(s\) break it, the first 5 shown"):
            run_checks(con)
        # Limited to other tables, the checks over postings do not run.
        run_checks(con, tables=("ingest_runs", "teams"))
    finally:
        con.close()


def test_a_failing_check_stops_the_publish_and_keeps_the_served_file(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    before = warehouse_status(db)
    with (
        pytest.raises(CheckFailed, match="every posting has its document"),
        new_version(db) as build,
    ):
        build.con.execute("DELETE FROM documents WHERE document_id = 1")
    after = warehouse_status(db)
    assert (after["documents"], after["published_at"]) == (
        before["documents"],
        before["published_at"],
    )
    assert not list(tmp_path.glob(".wh.duckdb.building-*"))
