"""Helpers for the browser layer: starting `jobdash serve`, waiting on Streamlit, screenshots,
and the hostile posting every browser test session serves."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 90

# Every trick a rendered posting could play, written here (not copied from anywhere). Each
# payload sets window.__pwned or opens a dialog, so a test can prove that nothing ran.
HOSTILE_TITLE = "Security Intern <script>window.__pwned=1</script>"
HOSTILE_TEAM = "Red <img src=x onerror=\"window.__pwned=1;alert('img')\">"
HOSTILE_BODY = """<script>window.__pwned = 1; alert("script")</script>
<img src=x onerror="window.__pwned=1;alert('body img')">
<a href="javascript:window.__pwned=1">click me</a> [md link](javascript:window.__pwned=1)
<iframe src="javascript:window.__pwned=1"></iframe><svg onload="window.__pwned=1"></svg>
**not bold** :red[not red] $x^2$ =HYPERLINK("http://example.invalid","csv")"""


@dataclass(frozen=True)
class Server:
    url: str
    db: Path
    process: subprocess.Popen


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def jobdash_command() -> list[str]:
    """The installed `jobdash` script of this venv (what a person runs)."""
    script = Path(sys.executable).with_name("jobdash")
    return [str(script)] if script.exists() else [sys.executable, "-m", "etl.cli"]


def start_server(db: Path, log: Path, port: int | None = None) -> Server:
    """`jobdash serve --db DB --port PORT` as a subprocess, returned once /_stcore/health is ok."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            [*jobdash_command(), "serve", "--db", str(db), "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_healthy(url, process, log)
    except BaseException:
        stop_server(process)
        raise
    return Server(url=url, db=db, process=process)


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"jobdash serve exited with {process.returncode}:\n{log.read_text()}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"jobdash serve not healthy after {SERVER_START_SECONDS}s:\n{log.read_text()}"
    )


# Streamlit loads each widget's code lazily: the run can be over before the sidebar's widgets
# have appeared. A page is ready when these are on screen too.
SIDEBAR_READY = (
    "[data-testid='stSidebar'] [data-testid='stPageLink']",
    "[data-testid='stSidebar'] [data-testid='stMultiSelect'] >> nth=1",
    "[data-testid='stSidebar'] [data-testid='stCheckbox']",
)


def wait_for_app(page: Page, timeout: float = 30_000) -> None:
    """Wait until the script run started by the last action is over and the filters are drawn."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout
    )
    page.wait_for_timeout(150)  # let a rerun triggered by the last action start
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout
    )
    for selector in SIDEBAR_READY:
        page.locator(selector).first.wait_for(state="visible", timeout=timeout)


def full_page_screenshot(page: Page, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main pane, so grow the viewport to fit it."""
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate(
        "() => document.querySelector('[data-testid=stMain]')?.scrollHeight ?? 0"
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(400)  # charts re-lay out to the new size
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
