"""Safe publishing: every change is built in a new file and swapped in whole with `os.replace`.

The served file is never opened for writing, so read-only readers (the dashboard) never meet
DuckDB's write lock, and a failed or killed build leaves the served file exactly as it was.
The previous version stays beside it as `<db>.prev`. One writer at a time, by an advisory
lock on `<db>.lock` that the kernel releases when the writer dies.

A build whose writer changed only the run log (`Build.only_bookkeeping`: a re-ingest that found
nothing new) is still checked and published whole, but the work whose result cannot have
changed is skipped: the marts are kept, and only the checks over the run log run. Both are
done in full anyway when the copy was migrated, its marts are outdated, or the declared checks
changed since they last ran over everything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.checks import CHECKS_VERSION, run_checks
from warehouse.marts import marts_outdated, refresh_marts
from warehouse.schema import SCHEMA_VERSION, apply_migrations, get_meta, set_meta

# A build of a million postings must fit beside the dashboard on a small machine (issue 4:
# <= 1.5 GB RSS): past this DuckDB spills to a temporary folder next to the file instead of
# growing, and the rest of the process (Python, Polars, the writer's batches) takes ~300 MB.
# Measured at 1M synthetic postings: 2 GB gave a 2.2 GB peak, 1 GB a 1.25 GB one.
BUILD_CONFIG = {"memory_limit": "1GB", "preserve_insertion_order": True}
# An ingest build (issue 4: its RSS must not grow with the rows written). Its buffer pool caches
# the blocks each checkpoint wrote, so below the limit RSS grows with the rows (~5 MB a 1,000
# postings); it appends batch by batch and reads little back, so a lower limit costs little:
# past it DuckDB drops blocks that are already on disk. No vacuum tasks: a checkpoint's new
# rows stay row groups of their own, since merging them into the ones before rewrote every row
# so far at each checkpoint, and merging only at the last checkpoint rewrites them all at once
# (60,000 short texts in 2,000-row groups: +730 MB). A checkpoint every 64 MB of WAL, not 16,
# makes those row groups about four times larger (~2,000 postings each at 16 MB).
INGEST_BUILD_CONFIG = {
    **BUILD_CONFIG,
    "memory_limit": "512MB",
    "max_vacuum_tasks": "0",
    "checkpoint_threshold": "64MB",
}


# What a build that changed nothing else writes: the run log and warehouse facts (`meta`).
# Documents' seen dates change too, but no check or mart reads them.
BOOKKEEPING_TABLES = ("ingest_runs", "source_files", "meta")


class WarehouseLocked(RuntimeError):
    """Another process is writing this warehouse and did not finish in time."""


@dataclass
class Build:
    """The writable copy `new_version` yields.

    Set `only_bookkeeping` when the writer changed nothing but the run log, warehouse facts
    and documents' seen dates (no document's content, posting, child row, team, rejection or
    repost group): publishing then keeps the marts and checks only the run log.
    """

    con: duckdb.DuckDBPyConnection
    migrated: list[int]  # migrations applied to this copy (all of them for a new warehouse)
    only_bookkeeping: bool = False


def previous_version_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".prev")


def _lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _building_prefix(db_path: Path) -> str:
    return f".{db_path.name}.building-"


@contextlib.contextmanager
def writer_lock(db_path: Path, *, wait_seconds: float = 300.0) -> Iterator[None]:
    """Hold the one-writer lock of a warehouse; raise WarehouseLocked after `wait_seconds`."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(db_path), "a+") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseLocked(
                        f"another Jobdash process is writing {db_path}; try again when it finishes"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale_builds(db_path: Path) -> None:
    """Delete half-built files a killed writer left behind (safe: we hold the writer lock).

    Its DuckDB spill folder (`<build>.tmp`, present when the build outgrew its memory limit)
    goes too.
    """
    for leftover in db_path.parent.glob(_building_prefix(db_path) + "*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


@contextlib.contextmanager
def new_version(
    db_path: Path,
    *,
    start_empty: bool = False,
    wait_seconds: float = 300.0,
    config: Mapping[str, str | bool] = BUILD_CONFIG,
) -> Iterator[Build]:
    """A writable copy of the warehouse (migrated to the current schema); published on clean exit.

    On exit the declared checks run (a failure raises `CheckFailed` and nothing is published),
    the marts are refreshed, and the new file atomically replaces the served one. On any
    exception the copy is discarded and the served file is untouched. See `Build` for a
    build that changed only the run log.
    """
    db_path = Path(db_path)
    with writer_lock(db_path, wait_seconds=wait_seconds):
        _remove_stale_builds(db_path)
        building = db_path.with_name(f"{_building_prefix(db_path)}{os.getpid()}.duckdb")
        if db_path.exists() and not start_empty:
            shutil.copyfile(db_path, building)
        con = duckdb.connect(str(building), config=dict(config))
        try:
            build = Build(con, migrated=apply_migrations(con))
            yield build
            _check_and_derive(build)
            set_meta(con, "schema_version", SCHEMA_VERSION)
            set_meta(con, "published_at", dt.datetime.now().isoformat(timespec="seconds"))
            con.execute("CHECKPOINT")
            con.close()
            _publish(building, db_path)
        finally:
            con.close()
            for leftover in (building, building.with_name(building.name + ".wal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()


def _check_and_derive(build: Build) -> None:
    """Run the declared checks and refresh the marts, skipping what an unchanged build keeps."""
    con = build.con
    unchanged = build.only_bookkeeping and not build.migrated
    if unchanged and get_meta(con).get("checks_version") == CHECKS_VERSION:
        # Everything else passed these very checks when it was published.
        run_checks(con, tables=BOOKKEEPING_TABLES)
    else:
        run_checks(con)
        set_meta(con, "checks_version", CHECKS_VERSION)
    if not unchanged or marts_outdated(con):
        refresh_marts(con)


def _publish(building: Path, db_path: Path) -> None:
    """Make `building` the served file in one atomic rename; keep the old one as `.prev`."""
    _fsync(building)
    if db_path.exists():
        prev = previous_version_path(db_path)
        staged_prev = prev.with_name(prev.name + ".new")
        with contextlib.suppress(FileNotFoundError):
            staged_prev.unlink()
        try:
            os.link(db_path, staged_prev)  # a second name for the same bytes: no copy
        except OSError:
            shutil.copyfile(db_path, staged_prev)
        os.replace(staged_prev, prev)
    os.replace(building, db_path)
    _fsync_dir(db_path.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def upgrade(db_path: Path, *, wait_seconds: float = 300.0) -> None:
    """Bring an old published warehouse to the current schema and marts by publishing a copy."""
    with new_version(db_path, wait_seconds=wait_seconds):
        pass
