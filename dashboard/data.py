"""The dashboard's one way to the warehouse: a cached read handle and cached query results.

The handle lives for the server's life (`st.cache_resource`). Query results are cached
(`st.cache_data`) under the query's name, the plain filter values and the warehouse version,
so a new ingest invalidates them without a restart and two people with the same filters
share one computation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import polars as pl
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


# How the warehouse converts a stated period to a year (its docstring: 2,080 working hours,
# 260 days, 52 weeks, 12 months). Only `top_paid_postings` needs it, see there.
PER_YEAR = {"hour": queries.HOURS_PER_YEAR, "day": 260, "week": 52, "month": 12, "year": 1}
UNIT_ROWS_SCHEMA = {"posting_id": pl.Int64, "company": pl.String, "title": pl.String,
                    "team": pl.String, "pay_min": pl.Float64, "pay_max": pl.Float64,
                    "currency": pl.String}  # fmt: skip


def top_paid_postings(
    filters: Filters, *, currency: str | None, period: str | None, normalize_to: str | None,
    count: int = 40,
) -> pl.DataFrame:  # fmt: skip
    """The `count` postings paying most (by their maximum) in one currency and period.

    Columns as `pay_ranges` (posting_id, company, title, team, pay_min, pay_max, currency,
    period), pay converted when `normalize_to` is set. Interim: `pay_ranges` cannot yet be
    asked for one currency (warehouse/QUERY_REQUESTS.md, R2), so this reads `postings_list`
    sorted by pay: the first rows of a currency in a list sorted by pay are that currency's
    highest, whatever else the list holds.
    """
    stated = [period] if normalize_to is None else list(PER_YEAR)
    parts = []
    for stated_period in stated:
        rows = _top_in_unit(filters, currency, stated_period, count)
        if normalize_to is not None:
            factor = PER_YEAR[stated_period] / PER_YEAR[normalize_to]
            rows = rows.with_columns(pl.col("pay_min", "pay_max") * factor)
        parts.append(rows.with_columns(period=pl.lit(normalize_to or stated_period)))
    merged = pl.concat(parts, how="vertical_relaxed")
    return merged.sort(["pay_max", "posting_id"], descending=[True, False]).head(count)


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _top_in_unit_cached(
    path: str, token: str, filters: Filters, currency: str | None, period: str | None, count: int
) -> pl.DataFrame:
    del token  # part of the cache key only
    if period is not None:
        if filters.pay_periods and period not in filters.pay_periods:
            return pl.DataFrame(schema=UNIT_ROWS_SCHEMA)
        filters = replace(filters, pay_periods=(period,))
    limit = 400
    while True:
        listing = queries.postings_list(
            _reader(path), filters, sort="pay_max", descending=True, limit=limit
        )
        unit = listing.filter(
            pl.col("pay_max").is_not_null()
            & (
                pl.col("pay_currency").is_null()
                if currency is None
                else pl.col("pay_currency") == currency
            )
            & (pl.col("pay_period").is_null() if period is None else pl.col("pay_period") == period)
        )
        if unit.height >= count or listing.height < limit or limit >= 100_000:
            break
        limit *= 10
    return unit.head(count).select(
        "posting_id", "company", "title", "team", "pay_min", "pay_max",
        pl.col("pay_currency").alias("currency"),
    )  # fmt: skip


def _top_in_unit(
    filters: Filters, currency: str | None, period: str | None, count: int
) -> pl.DataFrame:
    return _top_in_unit_cached(str(db_path()), version(), filters, currency, period, count)
