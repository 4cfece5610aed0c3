"""Safe publishing: a killed ingest loses nothing, readers see whole versions, old files migrate."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from warehouse import queries as q
from warehouse.connection import Warehouse, file_version
from warehouse.marts import MARTS_VERSION, marts_version, missing_marts
from warehouse.publish import WarehouseLocked, new_version, previous_version_path, writer_lock
from warehouse.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    WarehouseTooNew,
    apply_migrations,
    set_meta,
)
from warehouse.status import warehouse_status

PROJECT = Path(__file__).resolve().parents[2]


def _write_corpus(folder: Path, start: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"p{i:04d}.txt").write_text(
            f"Intern posting {i}\nTeam {i % 7} at Company {i % 5} wants Python, number {i * 104729}.\n",
            encoding="utf-8",
        )


def _ingest_process(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl.cli",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--quiet",
            "--workers",
            "1",
        ],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _postings(db: Path) -> int:
    wh = Warehouse(db)
    try:
        return int(q.count_postings(wh, q.Filters(dedupe=False))["total"][0])
    finally:
        wh.close()


def _building_files(db: Path) -> list[Path]:
    return list(db.parent.glob(f".{db.name}.building-*"))


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_the_previous_warehouse(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_corpus(corpus, 0, 20)
    subprocess.run(
        [sys.executable, "-m", "etl.cli", "ingest", str(corpus), "--db", str(db), "--quiet"],
        cwd=PROJECT, check=True, capture_output=True,
    )  # fmt: skip
    assert _postings(db) == 20
    _write_corpus(corpus, 20, 300)

    killed_mid_build = 0
    for delay in (0.0, 0.05, 0.3):
        proc = _ingest_process(corpus, db)
        deadline = time.monotonic() + 60
        while not _building_files(db) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(delay)
        was_building = bool(_building_files(db)) and proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        count = _postings(db)  # the served file opens, whatever moment the kill came
        if was_building and count == 20:
            killed_mid_build += 1
        assert count in (20, 320)
        if count == 320:
            break
    assert killed_mid_build >= 1, "no kill landed while the new version was being built"

    finished = subprocess.run(
        [sys.executable, "-m", "etl.cli", "ingest", str(corpus), "--db", str(db), "--quiet"],
        cwd=PROJECT, capture_output=True, text=True,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert _postings(db) == 320
    assert not _building_files(db)  # the killed builds' leftovers were cleaned up


@pytest.mark.slow
def test_readers_see_the_old_or_the_new_warehouse_whole_during_an_ingest(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_corpus(corpus, 0, 30)
    subprocess.run(
        [sys.executable, "-m", "etl.cli", "ingest", str(corpus), "--db", str(db), "--quiet"],
        cwd=PROJECT, check=True, capture_output=True,
    )  # fmt: skip
    _write_corpus(corpus, 30, 120)
    wh = Warehouse(db)
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    reads_during_the_build = 0

    def read_in_a_loop() -> None:
        nonlocal reads_during_the_build
        while not stop.is_set():
            try:
                building = bool(_building_files(db))
                # Each query reads one version whole; two queries may straddle a publish.
                matching, total = q.count_postings(wh, q.Filters(dedupe=False)).row(0)
                listed = q.postings_list(wh, q.Filters(dedupe=False), limit=1000).height
                seen.append((matching, total))
                seen.append((listed, listed))
                if building and _building_files(db):
                    reads_during_the_build += 1
            except BaseException as exc:  # any error reaching a reader fails the test
                errors.append(exc)
                return

    readers = [threading.Thread(target=read_in_a_loop) for _ in range(2)]
    for reader in readers:
        reader.start()
    proc = _ingest_process(corpus, db)
    assert proc.wait(timeout=120) == 0
    time.sleep(0.3)
    stop.set()
    for reader in readers:
        reader.join(timeout=30)
    assert not errors, errors
    assert reads_during_the_build > 0  # the readers did read while the new version was built
    assert set(seen) <= {(30, 30), (150, 150)}
    assert seen[-1] == (150, 150)  # the reader noticed the new version and reopened
    assert _postings(previous_version_path(db)) == 30  # the previous version is kept
    wh.close()


def test_leftovers_of_a_killed_build_are_cleared_by_the_next_one(tmp_path):
    db = tmp_path / "wh.duckdb"
    with new_version(db):
        pass
    # What a build killed while spilling to disk leaves: its file, WAL and spill folder.
    stale = db.with_name(f".{db.name}.building-99999.duckdb")
    stale.write_bytes(b"half a warehouse")
    stale.with_name(stale.name + ".wal").write_bytes(b"log")
    (spill := stale.with_name(stale.name + ".tmp")).mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled")
    with new_version(db) as build:
        build.con.execute("SELECT 1")
    assert _building_files(db) == []
    assert warehouse_status(db)["schema_version"] == SCHEMA_VERSION


def test_one_writer_at_a_time(tmp_path):
    db = tmp_path / "wh.duckdb"
    with writer_lock(db), pytest.raises(WarehouseLocked), new_version(db, wait_seconds=0.2):
        pass


def _v1_warehouse(path: Path) -> None:
    """A file as release 1 of the schema wrote it, with one posting."""
    con = duckdb.connect(str(path))
    apply_migrations(con, upto=1)
    con.execute(
        "INSERT INTO documents (document_id, doc_key, content_hash, source, format, bytes, text,"
        " first_seen, last_seen) VALUES (1, 'old.txt#', 'h', 'old.txt', 'text', 10, 'Go intern',"
        " now(), now())"
    )
    con.execute(
        "INSERT INTO postings (posting_id, parser_version, source, company, team, languages, text)"
        " VALUES (1, 'old', 'old.txt', 'OldCo', 'Growth', ['Go'], 'Go intern')"
    )
    con.execute("INSERT INTO mentions VALUES (1, 'Go', 'language', 'required', 0, 2)")
    con.execute(
        "INSERT INTO ingest_runs (run_id, started_at, status) VALUES (1, now(), 'succeeded')"
    )
    con.close()


def test_an_old_warehouse_file_opens_with_this_release(tmp_path):
    db = tmp_path / "old.duckdb"
    _v1_warehouse(db)
    wh = Warehouse(db)
    assert q.count_postings(wh, q.Filters())["matching"][0] == 1
    demand = q.skills_demand(wh, q.Filters())
    assert demand.select("name", "level", "postings").rows() == [("Go", "required", 1)]
    assert q.team_distribution(wh, q.Filters())["team"].to_list() == ["Growth"]
    wh.close()
    assert warehouse_status(db)["schema_version"] == SCHEMA_VERSION
    con = duckdb.connect(str(previous_version_path(db)), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 1
    con.close()


@pytest.mark.parametrize("upto", range(1, SCHEMA_VERSION))
def test_migrations_are_numbered_in_order_and_each_old_schema_reaches_the_current_one(
    tmp_path, upto
):
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    db = tmp_path / f"v{upto}.duckdb"
    con = duckdb.connect(str(db))
    assert apply_migrations(con, upto=upto) == list(range(1, upto + 1))
    con.close()
    with new_version(db) as build:
        assert build.migrated == list(range(upto + 1, SCHEMA_VERSION + 1))
    con = duckdb.connect(str(db), read_only=True)
    applied = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    con.close()
    assert [v for (v,) in applied] == list(range(1, SCHEMA_VERSION + 1))


def test_a_warehouse_from_a_newer_release_is_refused_clearly(tmp_path):
    db = tmp_path / "new.duckdb"
    con = duckdb.connect(str(db))
    apply_migrations(con)
    con.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [SCHEMA_VERSION + 1]
    )
    con.close()
    with pytest.raises(WarehouseTooNew, match="newer Jobdash"):
        q.count_postings(Warehouse(db), q.Filters())


# --- marts added or changed by a later release ---------------------------------------------------


def _edit(db: Path, *statements: str, marts_version_to: int | None = None) -> None:
    """Change a published file in place, as an older or newer release would have left it."""
    con = duckdb.connect(str(db))
    for statement in statements:
        con.execute(statement)
    if marts_version_to is not None:
        set_meta(con, "marts_version", marts_version_to)
    con.close()


def _marts_meta(db: Path) -> tuple[int, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return marts_version(con), missing_marts(con)
    finally:
        con.close()


def _copy(sample_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "published.duckdb"
    shutil.copyfile(sample_db, db)
    return db


def test_a_warehouse_published_before_a_mart_existed_gets_it_on_open(sample_db, tmp_path):
    reference = Warehouse(sample_db)
    expected = q.skill_cooccurrence(reference, q.Filters())
    reference.close()
    assert expected.height > 0
    db = _copy(sample_db, tmp_path)
    # As a release before `mart_skill_pairs` left it (the marts version was not recorded yet).
    _edit(db, "DROP TABLE mart_skill_pairs", "DELETE FROM meta WHERE key = 'marts_version'")
    assert _marts_meta(db) == (0, ["mart_skill_pairs"])

    wh = Warehouse(db)  # the handle the dashboard caches
    assert q.skill_cooccurrence(wh, q.Filters()).equals(expected)
    wh.close()
    assert _marts_meta(db) == (MARTS_VERSION, [])  # published, so every reader gets it
    assert _marts_meta(previous_version_path(db)) == (0, ["mart_skill_pairs"])


def test_marts_built_by_an_older_definition_are_rebuilt_on_open(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    # An older release's mart: present, but not what this release builds.
    _edit(db, "UPDATE mart_overview SET postings = 999", marts_version_to=MARTS_VERSION - 1)
    wh = Warehouse(db)
    assert q.overview(wh, q.Filters())["postings"][0] == 6
    assert q.count_postings(wh, q.Filters())["matching"][0] == 6
    wh.close()
    assert _marts_meta(db) == (MARTS_VERSION, [])


def test_marts_from_a_newer_release_are_read_as_they_are(sample_db, tmp_path):
    db = _copy(sample_db, tmp_path)
    _edit(db, marts_version_to=MARTS_VERSION + 1)
    published = file_version(db)
    wh = Warehouse(db)
    assert q.overview(wh, q.Filters())["postings"][0] == 6
    wh.close()
    assert file_version(db) == published  # not republished: this release must not undo them
    assert not previous_version_path(db).exists()
