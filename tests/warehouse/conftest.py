"""A small warehouse of postings written here (see posting_factory), shared by the query tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from posting_factory import build_warehouse, sample_postings

from warehouse.connection import Warehouse


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "sample.duckdb"
    build_warehouse(db, sample_postings())
    return db


@pytest.fixture
def wh(sample_db) -> Warehouse:
    warehouse = Warehouse(sample_db)
    yield warehouse
    warehouse.close()
