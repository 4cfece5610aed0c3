"""The dashboard's one way to the warehouse: a cached read handle and cached query results.

The handle lives for the server's life (`st.cache_resource`). Query results are cached
(`st.cache_data`) under the query's name, the plain filter values and the warehouse version,
so a new ingest invalidates them without a restart and two people with the same filters
share one computation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from etl.config import default_db_path
from warehouse import queries
from warehouse.connection import Warehouse
from warehouse.filters import Filters

T = TypeVar("T")
CACHE_ENTRIES = 256  # query results kept; each is an aggregate of at most a few thousand rows


def db_path() -> Path:
    """The warehouse `jobdash serve` was started on ($JOBDASH_DB), else the default one."""
    return Path(os.environ.get("JOBDASH_DB") or default_db_path()).resolve()


def warehouse_exists() -> bool:
    return db_path().is_file()


@st.cache_resource(show_spinner=False)
def _reader(path: str) -> Warehouse:
    return Warehouse(Path(path))


def reader() -> Warehouse:
    """The shared read handle of this server's warehouse (it reopens after a publish)."""
    return _reader(str(db_path()))


def version() -> str:
    """Changes whenever the warehouse is republished (an ingest, a paste from this page)."""
    return reader().version


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _cached(name: str, path: str, token: str, filters: Filters | None, kwargs: tuple) -> Any:
    del token  # part of the cache key only
    query = getattr(queries, name)
    handle = _reader(path)
    if filters is None:
        return query(handle, **dict(kwargs))
    return query(handle, filters, **dict(kwargs))


def fetch(query: Callable[..., T], filters: Filters | None = None, **kwargs: Any) -> T:
    """Run a `warehouse.queries` function through the result cache."""
    return _cached(
        query.__name__, str(db_path()), version(), filters, tuple(sorted(kwargs.items()))
    )


def deferred(
    query: Callable[..., T], filters: Filters | None = None, **kwargs: Any
) -> Callable[[], T]:
    """The same query as a no-argument callable, run uncached when called (download buttons)."""
    handle = reader()

    def run() -> T:
        return query(handle, **kwargs) if filters is None else query(handle, filters, **kwargs)

    return run


def pay_unit(unit: tuple[str | None, str | None]) -> dict[str, str]:
    """The `currency=` and `period=` arguments that ask a pay query for one chart unit.

    A chart unit says None where postings state no currency or period; the queries call that
    `queries.NOT_STATED` (None there means "any").
    """
    currency, period = unit
    return {"currency": currency or queries.NOT_STATED, "period": period or queries.NOT_STATED}
