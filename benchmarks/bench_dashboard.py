"""Dashboard speed in a real browser: every page's time to "filters ready", bytes per rerun,
and the server's memory, on a synthetic warehouse.

    python -m benchmarks.bench_dashboard                       # 100k postings (quick)
    python -m benchmarks.bench_dashboard --postings 1000000    # the issue's target scale
    python -m benchmarks.bench_dashboard --db FILE             # an existing warehouse

Targets (issue 5), at 1M postings: each page ready in <= 2 s p95, <= 5 MB sent per rerun,
server <= 1.5 GB RSS.

"Ready" is measured inside the page, from navigation start (or from the click, for a rerun)
until the script run is over, the sidebar's Team/Language filters and page links are drawn,
and every chart the page shows is rendered on screen. Pages with several charts (/skills,
/pay, /start-dates) put them in tabs and draw only the open one, so a load draws one chart;
"rerun: tab clicked" times a click on the second tab of /skills and /pay until that tab's
chart is drawn. "Sent per rerun" is what the server wrote on the app's websocket during that
time (the page's own data; Streamlit's and Plotly's scripts are static files the browser
caches). The server is a real `jobdash serve` subprocess; its peak RSS is read from /proc.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tests.browser.browser_support import CHROMIUM_ARGS, start_server, stop_server
from warehouse import queries
from warehouse.connection import Warehouse
from warehouse.filters import Filters

TARGET_P95_MS = 2000.0
TARGET_MB_PER_RERUN = 5.0
TARGET_RSS_MB = 1536.0
# URL path -> Plotly charts the page draws (must all be rendered for the page to be ready).
# /skills, /pay and /start-dates draw the chart of their open tab only.
PAGES = {
    "": 0,
    "skills": 1,
    "pay": 1,
    "start-dates": 1,
    "teams": 2,
    "postings": 0,
    "quality": 1,
    "add": 0,
}
# URL path -> (second tab, words of its chart's title): the tab clicks timed in a session.
TAB_CLICKS = {
    "skills": ("Named together", "named together"),
    "pay": ("Per posting", "Pay range per posting"),
}
READY_JS = """
([charts, title]) => {
  const app = document.querySelector("[data-testid=stApp]");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  const side = document.querySelector("[data-testid=stSidebar]");
  if (!side || side.querySelectorAll("[data-testid=stMultiSelect]").length < 2) return false;
  if (!side.querySelector("[data-testid=stPageLink]")) return false;
  if (!side.querySelector("[data-testid=stCheckbox]")) return false;
  if (document.querySelector("[data-stale=true]")) return false;
  // Charts on screen (a closed tab's are not), drawn; with a title, one must carry it.
  const drawn = [...document.querySelectorAll(".js-plotly-plot")]
    .filter((plot) => plot.getClientRects().length > 0 && plot.querySelector(".main-svg"));
  if (title && !drawn.some((plot) => plot.querySelector(".gtitle")?.textContent.includes(title)))
    return false;
  return drawn.length >= charts;
}
"""


@dataclass
class Sample:
    page: str
    scenario: str
    ms: float
    mb: float


@dataclass
class Socket:
    """Bytes the server sent on the app's websocket, counted through the DevTools protocol."""

    received: int = 0
    frames: list[int] = field(default_factory=list)

    def on_frame(self, event: dict) -> None:
        payload = event["response"]["payloadData"]
        binary = event["response"].get("opcode") == 2  # protobuf frames come base64-encoded
        size = len(payload) * 3 // 4 if binary else len(payload.encode())
        self.received += size


@contextlib.contextmanager
def serve(db: Path, log_dir: Path) -> Iterator[tuple[str, int]]:
    """A real `jobdash serve` on a free port (the browser tests' harness); yields (url, pid)."""
    server = start_server(db, log_dir / "serve.log")
    try:
        yield server.url, server.process.pid
    finally:
        stop_server(server.process)


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def load(page: Page, sock: Socket, url: str, charts: int) -> tuple[float, float]:
    """Open a URL in a fresh app session; (ms from navigation start to ready, MB received)."""
    sock.received = 0
    page.goto(url)
    page.wait_for_function(READY_JS, arg=[charts, None], timeout=60_000, polling=25)
    return page.evaluate("performance.now()"), sock.received / 2**20


WATCH_RUN_JS = """
() => {
  window.__runSeen = false;
  // Any change of the script state means a run started: a fast run can be over before the
  // observer's callback could read "running", so the change itself counts. The whole page is
  // watched because a page change may mount a new app element.
  new MutationObserver(() => { window.__runSeen = true; })
    .observe(document.body, { attributes: true, subtree: true,
                              attributeFilter: ["data-test-script-state"] });
}
"""


# What a person sees change after a click: the page title, the sidebar's "N of M postings"
# and the charts' titles. A run short enough to fit in one React render never shows the
# "running" state, so a changed view is the other proof that the click was answered.
SNAPSHOT_JS = """
() => [
  document.querySelector("h1")?.textContent ?? "",
  ...[...document.querySelectorAll("[data-testid=stSidebar] strong")].map((e) => e.textContent),
  ...[...document.querySelectorAll(".js-plotly-plot .gtitle")].map((e) => e.textContent),
].join("|")
"""


def rerun(
    page: Page, sock: Socket, action, charts: int, title: str | None = None
) -> tuple[float, float]:
    """Time an in-session rerun (a click) from the click to ready (with a chart titled `title`,
    when given); (ms, MB received)."""
    page.evaluate(WATCH_RUN_JS)
    sock.received = 0
    before = page.evaluate(SNAPSHOT_JS)
    started = page.evaluate("performance.now()")
    action()
    page.wait_for_function(
        f"(before) => window.__runSeen === true || ({SNAPSHOT_JS})() !== before",
        arg=before,
        timeout=10_000,
        polling=5,
    )
    page.wait_for_function(READY_JS, arg=[charts, title], timeout=60_000, polling=25)
    return page.evaluate("performance.now()") - started, sock.received / 2**20


def choose_team(page: Page, team: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Team")
    box.first.locator("input").click()
    page.get_by_role("option", name=team, exact=True).click()
    page.keyboard.press("Escape")


def build_warehouse(db: Path, postings: int) -> None:
    jobdash = Path(sys.executable).with_name("jobdash")
    command = [str(jobdash)] if jobdash.exists() else [sys.executable, "-m", "etl.cli"]
    print(f"building a synthetic warehouse of {postings:,} postings …", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [*command, "synth", "--postings", str(postings), "--db", str(db)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"  built in {time.perf_counter() - started:.0f} s ({db.stat().st_size / 2**20:,.0f} MB)")


def measure(db: Path, repeat: int, scratch: Path) -> tuple[list[Sample], tuple[float, float]]:
    wh = Warehouse(db)
    top_team = queries.team_distribution(wh, Filters())["team"][0]
    second_team = queries.team_distribution(wh, Filters())["team"][1]
    language = queries.skills_demand(wh, Filters(), kind="language", limit=1)["name"][0]
    filtered = f"?team={top_team}&language={language}"
    samples: list[Sample] = []
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    with serve(db, scratch) as (url, pid), sync_playwright() as pw:
        browser = pw.chromium.launch(
            headless=True,
            args=CHROMIUM_ARGS,
            **({"executable_path": executable} if executable else {}),
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        sock = Socket()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", sock.on_frame)
        # Warm the browser's HTTP cache (Streamlit's and Plotly's scripts), as for any return
        # visitor; the queries behind this page are not the ones measured below.
        load(page, sock, f"{url}/teams?team={second_team}", PAGES["teams"])
        for round_ in range(repeat):
            for path, charts in PAGES.items():
                for scenario, query in (("all", ""), ("filtered", filtered)):
                    ms, mb = load(page, sock, f"{url}/{path}{query}", charts)
                    samples.append(Sample(path or "/", f"load {scenario}", ms, mb))
            # In-session reruns: a filter chosen by clicking, then a page change by link (and on
            # /skills and /pay a click on their second tab).
            load(page, sock, f"{url}/skills", PAGES["skills"])
            team = top_team if round_ % 2 == 0 else second_team
            ms, mb = rerun(page, sock, lambda t=team: choose_team(page, t), PAGES["skills"])
            samples.append(Sample("skills", "rerun: Team clicked", ms, mb))
            for path, charts in PAGES.items():
                title = {"": "Overview", "start-dates": "Start dates", "quality": "Data quality",
                         "add": "Add postings"}.get(path, path.capitalize())  # fmt: skip
                link = page.get_by_test_id("stSidebar").get_by_text(title, exact=True)
                ms, mb = rerun(page, sock, link.click, charts)
                samples.append(Sample(path or "/", "rerun: page link", ms, mb))
                if path in TAB_CLICKS:  # the page opened on its first tab; open the second
                    label, words = TAB_CLICKS[path]
                    tab = page.get_by_role("tab", name=label, exact=True)
                    ms, mb = rerun(page, sock, tab.click, charts, title=words)
                    samples.append(Sample(path, "rerun: tab clicked", ms, mb))
        browser.close()
        memory = rss_mb(pid)
    return samples, memory


def report(samples: list[Sample], memory: tuple[float, float], postings: int) -> None:
    print(f"\nDashboard at {postings:,} postings (ms from navigation/click to filters ready)")
    print(f"{'page':<13}{'scenario':<22}{'n':>3}{'p50 ms':>9}{'p95 ms':>9}{'max MB':>9}")
    worst_p95, worst_mb = 0.0, 0.0
    keys = sorted({(s.page, s.scenario) for s in samples}, key=lambda k: (k[1], k[0]))
    for page, scenario in keys:
        times = [s.ms for s in samples if (s.page, s.scenario) == (page, scenario)]
        sizes = [s.mb for s in samples if (s.page, s.scenario) == (page, scenario)]
        p95 = _p95(times)
        worst_p95, worst_mb = max(worst_p95, p95), max(worst_mb, max(sizes))
        print(
            f"{page:<13}{scenario:<22}{len(times):>3}{statistics.median(times):>9.0f}"
            f"{p95:>9.0f}{max(sizes):>9.2f}"
        )
    current, peak = memory
    print(
        f"\nworst page p95 {worst_p95:,.0f} ms (target <= {TARGET_P95_MS:,.0f}): "
        f"{'ok' if worst_p95 <= TARGET_P95_MS else 'OVER'}"
    )
    print(
        f"most sent in one rerun {worst_mb:.2f} MB (target <= {TARGET_MB_PER_RERUN:.0f}): "
        f"{'ok' if worst_mb <= TARGET_MB_PER_RERUN else 'OVER'}"
    )
    print(
        f"server RSS {current:,.0f} MB now, {peak:,.0f} MB peak (target <= {TARGET_RSS_MB:,.0f}): "
        f"{'ok' if peak <= TARGET_RSS_MB else 'OVER'}"
    )
    print(json.dumps({"postings": postings, "worst_p95_ms": round(worst_p95),
                      "max_mb_per_rerun": round(worst_mb, 2), "server_peak_rss_mb": round(peak)}))  # fmt: skip


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="measure this warehouse instead of building one")
    parser.add_argument("--repeat", type=int, default=5, help="rounds over every page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "synthetic.duckdb"
            build_warehouse(db, args.postings)
        postings = int(queries.count_postings(Warehouse(db), Filters(dedupe=False))["total"][0])
        samples, memory = measure(db, args.repeat, Path(scratch))
    report(samples, memory, postings)


if __name__ == "__main__":
    main()
