"""The dashboard in a real headless Chromium against a real `jobdash serve`.

What only a browser shows: each URL path opening, filters applied by clicking and by URL (and
undone with the back button), tabs opened by clicking and by URL, CSV files as a browser
downloads them, and hostile posting text staying text. Expected numbers come from the query
layer on the served warehouse.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import polars as pl
import pytest
from browser_support import HOSTILE_TEAM, HOSTILE_TITLE, full_page_screenshot, wait_for_app
from playwright.sync_api import Page, expect

from dashboard import charts, data
from dashboard.app import PAGES
from warehouse import queries
from warehouse.connection import Warehouse
from warehouse.csv_export import frame_to_csv_bytes
from warehouse.filters import Filters

pytestmark = pytest.mark.browser

COUNTER = re.compile(r"(\d[\d,]*) of (\d[\d,]*) postings")
# Each URL path's own heading: a path that opened another page would fail.
HEADINGS = {"": "Overview", "skills": "Skills and languages", "pay": "Pay",
            "start-dates": "Start dates", "teams": "Teams", "postings": "Postings",
            "quality": "Data quality", "add": "Add postings"}  # fmt: skip


def open_path(page: Page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)


def counter(page: Page) -> tuple[int, int]:
    text = page.get_by_test_id("stSidebar").inner_text()
    shown, total = COUNTER.search(text).groups()
    return int(shown.replace(",", "")), int(total.replace(",", ""))


def expected_counter(db: Path, filters: Filters) -> tuple[int, int]:
    row = queries.count_postings(Warehouse(db), filters).row(0, named=True)
    return row["matching"], row["total"]


def url_filters(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option in a sidebar multiselect the way a person does: open it, click the option."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)
    box.first.locator("input").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    wait_for_app(page)


@pytest.mark.parametrize(("file", "title", "path"), [(f, t, p) for f, t, p, _icon in PAGES])
def test_every_url_path_opens_and_is_screenshotted(page, server, screenshot_dir, file, title, path):
    open_path(page, server, path)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Team")
    assert counter(page) == expected_counter(server.db, Filters())
    assert page.locator("h1").first.inner_text().strip() == HEADINGS[path]
    if path not in ("", "postings", "add"):
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=20_000)
    full_page_screenshot(page, screenshot_dir / f"{file.removesuffix('.py')}.png")
    # The served warehouse holds a posting whose title, team and company are HTML/script
    # payloads; every page shows some of them (tables, chart labels, lists). Nothing may run.
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []


def test_clicking_team_then_language_filters_and_back_undoes_it(page, server):
    open_path(page, server, "skills")
    choose(page, "Team", "Growth")
    assert url_filters(page) == {"team": ["Growth"]}
    assert counter(page) == expected_counter(server.db, Filters(teams=("Growth",)))

    choose(page, "Language", "Python")
    assert url_filters(page) == {"team": ["Growth"], "language": ["Python"]}
    both = Filters(teams=("Growth",), languages=("Python",))
    assert counter(page) == expected_counter(server.db, both)
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_contain_text("Python")

    page.go_back()
    wait_for_app(page)
    assert url_filters(page) == {"team": ["Growth"]}
    assert counter(page) == expected_counter(server.db, Filters(teams=("Growth",)))
    language_box = page.get_by_test_id("stMultiSelect").filter(has_text="Language").first
    expect(language_box.locator("input")).to_have_attribute("placeholder", "All languages")


def test_filters_in_the_url_apply_and_survive_a_page_change(page, server):
    open_path(page, server, "teams?team=Growth&team=Search&language=Python")
    chosen = Filters(teams=("Growth", "Search"), languages=("Python",))
    assert counter(page) == expected_counter(server.db, chosen)
    team_box = page.get_by_test_id("stMultiSelect").filter(has_text="Team").first
    expect(team_box).to_contain_text("Growth")
    expect(team_box).to_contain_text("Search")

    page.get_by_test_id("stSidebar").get_by_text("Pay", exact=True).click()
    wait_for_app(page)
    assert urlparse(page.url).path.endswith("/pay")
    assert counter(page) == expected_counter(server.db, chosen)
    assert url_filters(page)["team"] == ["Growth", "Search"]


def test_clicking_a_team_bar_filters_every_page_to_that_team(page, server):
    open_path(page, server, "teams")
    chart = page.locator(".js-plotly-plot").first
    bars = chart.locator("g.point path")
    expect(bars.first).to_be_visible(timeout=20_000)
    # The top bar is the biggest team. Plotly listens on a layer above the bars, so click
    # where the bar is, as a person would.
    biggest = queries.team_distribution(Warehouse(server.db), Filters())["team"][0]
    box = bars.last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_app(page)
    assert url_filters(page).get("team") == [biggest]
    assert counter(page) == expected_counter(server.db, Filters(teams=(biggest,)))


# Tabs that are not the first of their page: (page file, url path, tab, words of its chart title).
OTHER_TABS = [
    ("skills", "skills", "Named together", "named together"),
    ("skills", "skills", "By team", "languages by team"),
    ("pay", "pay", "Per posting", "Pay range per posting"),
    ("pay", "pay", "Distribution", "Distribution of pay midpoints"),
    ("start_dates", "start-dates", "Seasons by year", "Seasons by year"),
    ("start_dates", "start-dates", "Durations", "Stated durations"),
]


def chart_titles(page: Page) -> list[str]:
    """The titles of the Plotly charts on screen (a closed tab's charts are not drawn)."""
    return [t.strip() for t in page.locator(".js-plotly-plot .gtitle").all_text_contents()]


def open_tab(page: Page) -> str:
    return page.get_by_role("tab", selected=True).inner_text().strip()


@pytest.mark.parametrize(("file", "path", "tab", "words"), OTHER_TABS)
def test_a_link_opens_its_tab_and_is_screenshotted(page, server, screenshot_dir, file, path, tab,
                                                   words):  # fmt: skip
    open_path(page, server, f"{path}?view={quote(tab)}")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert open_tab(page) == tab
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text(words, timeout=20_000)
    assert len(chart_titles(page)) == 1
    full_page_screenshot(page, screenshot_dir / f"{file}-{tab.lower().replace(' ', '_')}.png")
    assert page.evaluate("() => window.__pwned") is None


def test_clicking_a_tab_shows_its_chart_and_the_url_keeps_it_through_filters_and_back(page, server):
    open_path(page, server, "pay")
    assert open_tab(page) == "By team"
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("Pay range per team")
    page.get_by_role("tab", name="Per posting").click()
    wait_for_app(page)
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("Pay range per posting")
    assert len(chart_titles(page)) == 1
    assert url_filters(page) == {"view": ["Per posting"]}
    expect(page.get_by_role("button", name="Download pay per posting CSV")).to_be_visible()

    choose(page, "Team", "Perception")  # the sidebar rewrites the URL and keeps the tab
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert url_filters(page) == {"view": ["Per posting"], "team": ["Perception"]}
    assert open_tab(page) == "Per posting"
    chart = page.locator(".js-plotly-plot").first
    expect(chart.locator(".gtitle")).to_contain_text("Pay range per posting")
    expect(chart).to_contain_text("Perception Intern")
    expect(chart).not_to_contain_text("Motion Planning Intern")

    page.go_back()  # undoes the filter, the tab stays
    wait_for_app(page)
    assert url_filters(page) == {"view": ["Per posting"]}
    assert open_tab(page) == "Per posting"
    page.get_by_test_id("stSidebar").get_by_text("Skills", exact=True).click()
    wait_for_app(page)
    assert open_tab(page) == "Demand"  # another page opens on its first tab
    page.go_back()  # and coming back finds the tab the URL names
    wait_for_app(page)
    assert url_filters(page) == {"view": ["Per posting"]}
    assert open_tab(page) == "Per posting"
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("Pay range per posting")
    page.go_back()  # undoes the tab
    wait_for_app(page)
    assert url_filters(page) == {}
    assert open_tab(page) == "By team"
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("Pay range per team")


@pytest.mark.parametrize(
    ("path", "label", "query", "kwargs"),
    [
        ("postings?team=Growth&team=Perception", "Download postings CSV",
         queries.postings_extract, {}),
        ("pay?language=Python", "Download pay by team CSV", queries.pay_by_team,
         {"normalize_to": None}),
        ("pay?language=Python&view=Per+posting", "Download pay per posting CSV",
         queries.pay_ranges, {"normalize_to": None, "limit": None}),
    ],
)  # fmt: skip
def test_downloaded_csv_is_the_query_layer_rows(page, server, tmp_path, path, label, query, kwargs):
    open_path(page, server, path)
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    params = parse_qs(urlparse(f"/{path}").query)
    filters = Filters(
        teams=tuple(params.get("team", ())), languages=tuple(params.get("language", ()))
    )
    wh = Warehouse(server.db)
    pay = query in (queries.pay_by_team, queries.pay_ranges)
    if pay:  # the pay page exports the one unit it shows
        kwargs = {**kwargs, **_first_pay_unit(wh, filters)}
    expected = query(wh, filters, **kwargs)
    assert expected.height > 0
    if pay:
        assert expected.select("currency", "period").unique().height == 1
    assert saved.read_bytes() == frame_to_csv_bytes(expected)
    rows = pl.read_csv(saved.read_bytes()[3:], infer_schema=False)
    assert rows.height == expected.height


def _first_pay_unit(wh: Warehouse, filters: Filters) -> dict[str, str]:
    """`currency=`/`period=` of the unit the pay page opens on: the one with most postings."""
    (unit, _postings), *_ = charts.pay_units(queries.pay_coverage(wh, filters), None)
    return data.pay_unit(unit)


def test_hostile_posting_text_renders_as_text_and_runs_nothing(page, server, screenshot_dir):
    hostile = queries.postings_list(Warehouse(server.db), Filters(search="security intern"))
    (posting_id,) = hostile["posting_id"].to_list()
    open_path(page, server, f"postings?posting={posting_id}")
    text = page.locator(".jobdash-posting-text")
    expect(text).to_contain_text("<script>window.__pwned = 1;")
    expect(text).to_contain_text('<img src=x onerror="window.__pwned=1')
    expect(text.locator("mark").first).to_have_text(HOSTILE_TITLE)
    assert text.locator("script, img, iframe, svg, a").count() == 0
    heading = page.locator("h3").filter(has_text="Security Intern").first
    expect(heading).to_have_text(HOSTILE_TITLE)
    # The field table beside the text shows every value whole and as typed.
    fields = page.get_by_test_id("stTable").filter(has_text="Parser version")
    expect(fields).to_contain_text(HOSTILE_TITLE)
    expect(fields).to_contain_text(HOSTILE_TEAM)
    expect(fields).to_contain_text("Pwnco <b>Inc</b>")
    assert fields.locator("script, img, b, a").count() == 0
    page.wait_for_timeout(500)  # give any injected handler the chance to fire
    full_page_screenshot(page, screenshot_dir / "hostile_posting.png")
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []


def test_hostile_values_in_a_link_are_shown_as_text(page, server):
    # Filter values come from the URL, which anyone can write: unknown ones are named, inert.
    payload = "[x](javascript:window.__pwned=1)<img src=x onerror=window.__pwned=1>"
    open_path(page, server, f"?team=Growth&team={quote(payload)}")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text("Not in this warehouse, ignored: Team")
    expect(sidebar).to_contain_text("<img src=x onerror=window.__pwned=1>")
    assert sidebar.locator("a[href^='javascript'], img[src='x']").count() == 0
    assert counter(page) == expected_counter(server.db, Filters(teams=("Growth",)))
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []


PASTED = """Compiler Engineering Intern
Zorblax Systems is hiring a compiler intern for Summer 2026.
You will write C++ and Python every day. Pay: $48 - $52 per hour.
<img src=x onerror="window.__pwned=1">
"""


def test_a_pasted_posting_is_parsed_and_highlighted_at_once(page, server, screenshot_dir):
    open_path(page, server, "add")
    page.get_by_label("Posting text").fill(PASTED)
    page.keyboard.press("Control+Enter")  # what submits a Streamlit text area
    wait_for_app(page)
    text = page.locator(".jobdash-posting-text")
    expect(text).to_contain_text("Zorblax Systems is hiring")
    expect(text.locator("mark", has_text="Compiler Engineering Intern")).to_have_count(1)
    expect(text.locator("mark", has_text="C++")).to_have_count(1)
    expect(page.get_by_role("button", name="Add 1 posting to the warehouse")).to_be_visible()
    expect(page.get_by_role("button", name="Download parsed postings CSV")).to_be_visible()
    full_page_screenshot(page, screenshot_dir / "add-pasted.png")
    assert page.evaluate("() => window.__pwned") is None
    # Nothing is saved until the button is pressed.
    assert counter(page) == expected_counter(server.db, Filters())


def test_an_emptied_view_names_the_filter_that_emptied_it(page, server, screenshot_dir):
    open_path(page, server, "skills?team=Perception&language=Go")
    alert = page.get_by_test_id("stAlert")
    expect(alert).to_contain_text("No postings match")
    expect(alert).to_contain_text("Language: Go (together with Team: Perception)")
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    assert counter(page) == (0, expected_counter(server.db, Filters())[1])
    full_page_screenshot(page, screenshot_dir / "empty_state.png")


def test_normalised_pay_writes_its_assumption_on_the_chart(page, server, screenshot_dir):
    open_path(page, server, "pay")
    page.get_by_test_id("stButtonGroup").get_by_text("Yearly", exact=True).click()
    wait_for_app(page)
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_contain_text("2,080 paid hours a year")
    expect(chart).to_contain_text("Pay (USD per year)")
    full_page_screenshot(page, screenshot_dir / "pay-yearly.png")
