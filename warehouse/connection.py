"""Read-only access to a published warehouse, for the dashboard and the CLI.

`Warehouse(path)` is cheap to create and safe to cache (e.g. `st.cache_resource`); each query
takes a fresh cursor. `version` is a token that changes when a new warehouse version is
published, so result caches can be keyed on it; the next cursor after a publish reads the new
file. The served file is only ever replaced whole (see `warehouse.publish`), never written in
place, so a reader never meets DuckDB's write lock.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb

from warehouse.marts import marts_outdated, refresh_marts
from warehouse.schema import SCHEMA_VERSION, WarehouseTooNew, apply_migrations, schema_version

MISSING_VERSION = "missing"
# The dashboard's queries return aggregates; this bounds the file cache a reader keeps.
READER_MEMORY_LIMIT = "1GB"
# An old file (older schema, or marts built before this release's definitions) is upgraded by
# publishing a migrated copy with rebuilt marts; a reader waits this long for a running
# ingest to finish first (which also upgrades it).
UPGRADE_WAIT_SECONDS = 30.0


def file_version(path: Path) -> str:
    """A token naming the published file now at `path` (inode, mtime, size); cheap to compute."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return MISSING_VERSION
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


def _sql_literal(text: str) -> str:
    # ATTACH takes no bound parameters; a path is quoted as a SQL string literal.
    return "'" + text.replace("'", "''") + "'"


def open_read_only(path: Path, *, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB with the file attached read-only as `wh`.

    Attaching (rather than `duckdb.connect(path)`) gives each opened version its own handle:
    DuckDB's per-process instance cache would otherwise hand back the replaced file.
    """
    config: dict[str, object] = {"memory_limit": READER_MEMORY_LIMIT}
    if threads:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    con.execute(f"ATTACH {_sql_literal(str(path))} AS wh (READ_ONLY)")
    con.execute("USE wh")
    return con


def _empty_warehouse() -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with the current schema and no rows (before the first ingest)."""
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ':memory:' AS wh")
    con.execute("USE wh")
    apply_migrations(con)
    refresh_marts(con)
    return con


class Warehouse:
    """A published warehouse file opened read-only; reopens itself when a new version appears."""

    def __init__(self, path: Path | str, *, threads: int | None = None):
        self.path = Path(path)
        self._threads = threads
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._con_version: str | None = None

    @property
    def version(self) -> str:
        """Changes whenever a new version of the warehouse is published ('missing' before any)."""
        return file_version(self.path)

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            current = self.version
            if self._con is None or current != self._con_version:
                self._con = self._open(current)
                self._con_version = current
            return self._con

    def _open(self, version: str) -> duckdb.DuckDBPyConnection:
        if version == MISSING_VERSION:
            return _empty_warehouse()
        con = open_read_only(self.path, threads=self._threads)
        found = schema_version(con)
        if found > SCHEMA_VERSION:
            con.close()
            raise WarehouseTooNew(
                f"{self.path} was written by a newer Jobdash (schema {found} > {SCHEMA_VERSION})"
            )
        # Checked in this order: an older schema may not even have the table marts are
        # versioned in.
        if found < SCHEMA_VERSION or marts_outdated(con):
            # An older release's file: publish a migrated copy with current marts, then read that.
            from warehouse.publish import upgrade

            con.close()
            upgrade(self.path, wait_seconds=UPGRADE_WAIT_SECONDS)
            con = open_read_only(self.path, threads=self._threads)
        return con

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the newest published version; use one per query (they are not thread-safe)."""
        cur = self._connection().cursor()
        try:
            cur.execute("USE wh")
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con = None
            self._con_version = None
