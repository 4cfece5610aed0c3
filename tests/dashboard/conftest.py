"""AppTest helpers: the real app script on a warehouse built from known postings."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from dashboard.app import PAGES

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
RUN_SECONDS = 60  # the first run imports Plotly and opens DuckDB; later runs take well under 1 s
PAGE_FILES = {url_path: f"views/{file}" for file, _title, url_path, _icon in PAGES}


def start_app(path: str = "", **query: str | list[str]) -> AppTest:
    """Run the app script at a URL path ("" is the overview) with URL query parameters."""
    at = AppTest.from_file(str(APP), default_timeout=RUN_SECONDS)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if path:
        at.switch_page(PAGE_FILES[path]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def open_app(known_warehouse: Path, monkeypatch) -> Callable[..., AppTest]:
    """`start_app` on the known warehouse (read-only: tests that write use writable_warehouse)."""
    monkeypatch.setenv("JOBDASH_DB", str(known_warehouse))
    return start_app


@pytest.fixture
def app_on_env() -> Callable[..., AppTest]:
    """`start_app` on whatever warehouse $JOBDASH_DB names (set it with monkeypatch first)."""
    return start_app


@pytest.fixture
def add_page(writable_warehouse: Path) -> Callable[[], AppTest]:
    """The add page on a private, writable copy of the known warehouse."""
    return lambda: start_app("add")


@pytest.fixture
def writable_warehouse(known_warehouse: Path, tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the known warehouse, for tests that add postings."""
    copy = tmp_path / "writable.duckdb"
    shutil.copyfile(known_warehouse, copy)
    monkeypatch.setenv("JOBDASH_DB", str(copy))
    return copy


@pytest.fixture
def download(monkeypatch) -> Callable[[AppTest, str], bytes]:
    """Click a download button: run its deferred callable and return the file's bytes.

    AppTest's runtime only registers the callable; the bytes are made when a browser asks for
    them. This captures the media manager AppTest creates so the test can ask the same way.
    """
    managers: list = []
    real = app_test_module.MediaFileManager

    def capture(storage):
        manager = real(storage)
        managers.append((manager, storage))
        return manager

    monkeypatch.setattr(app_test_module, "MediaFileManager", capture)

    def fetch(at: AppTest, key: str) -> bytes:
        (button,) = [b for b in at.get("download_button") if b.proto.id.endswith(key)]
        manager, storage = managers[-1]
        url = manager.execute_deferred(button.proto.deferred_file_id)
        return storage.get_file(url.rsplit("/", 1)[-1]).content

    return fetch
