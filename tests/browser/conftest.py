"""Browser layer fixtures: one real `jobdash serve` per session and a real headless Chromium.

The served warehouse holds the bundled samples (as the current parser reads them), the known
postings of tests/conftest.py and one hostile posting. With CI=true a browser test never
skips: a Chromium that cannot start fails the run, saying why.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    HOSTILE_BODY,
    HOSTILE_TEAM,
    HOSTILE_TITLE,
    Server,
    start_server,
    stop_server,
)
from playwright.sync_api import Browser, BrowserContext, Page

from etl.config import SAMPLES_DIR


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """The system Chromium (Debian's) when there is one, else Playwright's own download."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    args: dict = {"headless": True, "args": list(CHROMIUM_ARGS)}
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser(launch_browser) -> Iterator[Browser]:
    """Launch Chromium once; without one, skip locally but fail under CI=true."""
    try:
        launched = launch_browser()
    except Exception as exc:  # any launch failure means "no usable browser"
        message = (
            f"Chromium could not start ({type(exc).__name__}: {str(exc).splitlines()[0]}). "
            "Run `make browser` to install one."
        )
        if _ci():
            pytest.fail(f"CI=true and the browser tests cannot run: {message}", pytrace=False)
        pytest.skip(message)
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {
        **browser_context_args,
        "viewport": {"width": 1400, "height": 1000},
        "accept_downloads": True,
    }


@pytest.fixture(scope="session")
def context(browser: Browser, browser_context_args: dict) -> Iterator[BrowserContext]:
    """One browser context for the session: its HTTP cache keeps Streamlit's and Plotly's
    scripts between tests (each test still opens its own page and its own app session)."""
    shared = browser.new_context(**browser_context_args)
    yield shared
    shared.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A fresh tab per test; dialogs (alert/confirm) are recorded on `page.dialogs` and dismissed."""
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def server_warehouse(tmp_path_factory, load_postings, make_known_posting, known_postings) -> Path:
    """The bundled samples, the known postings and a hostile one, through the real ingest."""
    from etl.ingest import ingest_paths

    db = tmp_path_factory.mktemp("served") / "warehouse.duckdb"
    summary = ingest_paths([SAMPLES_DIR], db, workers=1, progress=False)
    assert summary.ok, summary.error
    hostile = make_known_posting(
        "known/hostile.txt",
        company="Pwnco <b>Inc</b>",
        title=HOSTILE_TITLE,
        team=HOSTILE_TEAM,
        languages={"Python": "required"},
        pay=(30, 35, "USD", "hour"),
        start_dates=(dt.date(2025, 6, 16),),
        locations=("Austin, TX",),
        extra=HOSTILE_BODY,
    )
    load_postings(db, (*known_postings, hostile))
    return db


@pytest.fixture(scope="session")
def server(tmp_path_factory, server_warehouse: Path) -> Iterator[Server]:
    """A real `jobdash serve` subprocess on a free port, stopped at the end of the session."""
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    running = start_server(server_warehouse, log)
    yield running
    stop_server(running.process)


@pytest.fixture(scope="session")
def screenshot_dir(pytestconfig) -> Path:
    """Where page screenshots go: `screenshots/` in the test output (pytest-playwright's
    --output, by default test-results/, git-ignored and emptied when a session starts)."""
    folder = Path(pytestconfig.getoption("--output")).absolute() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
