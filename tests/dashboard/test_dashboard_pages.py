"""Every page through AppTest on the known warehouse: filters change what the charts hold,
URL query parameters apply filters, and each CSV holds exactly the rows behind the page.
Pages with several charts show one tab at a time: only the open tab's query runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import polars as pl
import pytest
from factories import load_postings, make_posting

from dashboard import charts, data
from dashboard.app import PAGES
from warehouse import queries
from warehouse.connection import Warehouse
from warehouse.csv_export import frame_to_csv_bytes
from warehouse.filters import Filters

URL_PATHS = [url_path for _file, _title, url_path, _icon in PAGES]
CHARTS_PER_PAGE = {"": 0, "skills": 1, "pay": 1, "start-dates": 1, "teams": 2, "postings": 0,
                   "quality": 1, "add": 0}  # fmt: skip
# Pages with tabs: the session-state key of their tabs, and each tab (the first opens by
# default) with the query only it reads and words of its chart's title.
TAB_KEYS = {"skills": "skills_view", "pay": "pay_view", "start-dates": "start_dates_view"}
TABS = {
    "skills": {"Demand": ("skills_demand", "postings naming each"),
               "Named together": ("skill_cooccurrence", "named together"),
               "By team": ("skills_by_team", "languages by team")},
    "pay": {"By team": ("pay_by_team", "per team"),
            "Per posting": ("pay_ranges", "per posting"),
            "Distribution": ("pay_distribution", "Distribution of pay")},
    "start-dates": {"Timeline": ("start_date_cohorts", "Start dates by team"),
                    "Seasons by year": ("season_years", "Seasons by year"),
                    "Durations": ("durations", "Stated durations")},
}  # fmt: skip
ALL_TABS = [(path, tab) for path, tabs in TABS.items() for tab in tabs]


@pytest.mark.parametrize("path", URL_PATHS)
def test_every_page_renders_with_its_filters_and_csv_button(open_app, path):
    at = open_app(path)
    assert at.title, "page has a title"
    assert [w.label for w in at.sidebar.multiselect][:2] == ["Team", "Language"]
    assert at.sidebar.toggle[0].label == "Count reposts once"
    assert _counter(at) == "7 of 7 postings"
    assert len(at.get("plotly_chart")) == CHARTS_PER_PAGE[path]
    if path != "add":
        labels = [b.proto.label for b in at.get("download_button")]
        assert labels and all(lb.startswith("Download ") and lb.endswith(" CSV") for lb in labels)


def test_overview_counts_follow_the_team_filter_from_the_url(open_app):
    at = open_app("", team="Growth")
    metrics = {m.label: m.value for m in at.metric}
    # Growth: Initech's frontend posting (no pay) and Hooli's data posting (pay stated).
    # Coverage reads as a count ("pay stated in 1 of 2"), its share in the metric's help.
    assert metrics == {"Postings": "2", "Companies": "2", "Teams": "1", "Pay stated": "1 of 2"}
    assert "50%" in next(m for m in at.metric if m.label == "Pay stated").help
    assert "pay stated in 1 of 2" in at.caption[1].value
    assert _counter(at) == "2 of 7 postings"
    assert at.sidebar.multiselect(key="team").value == ["Growth"]


def test_repeated_url_keys_select_several_values(open_app):
    at = open_app("", team=["Growth", "Search"], language="Go")
    assert at.sidebar.multiselect(key="team").value == ["Growth", "Search"]
    assert at.sidebar.multiselect(key="language").value == ["Go"]
    assert _counter(at) == "1 of 7 postings"  # only Globex Search names Go


def test_choosing_a_language_changes_the_skills_chart_and_the_url(open_app):
    at = open_app("skills")
    assert _bars(_chart(at, "postings naming each"))["Python"] == {"Required": 2, "Preferred": 3}
    at.sidebar.multiselect(key="language").set_value(["Go"]).run()
    # The one posting naming Go also names Python, as preferred.
    assert _bars(_chart(at, "postings naming each")) == {
        "Go": {"Required": 1, "Preferred": 0},
        "Python": {"Required": 0, "Preferred": 1},
    }
    assert _url(at, "language") == ["Go"]


def test_skills_by_category_and_their_csv_are_the_same_rows(open_app, download, known_warehouse):
    at = open_app("skills")
    at.segmented_control(key="skills_scope").set_value("Other skills").run()
    category = at.selectbox(key="skills_category_skill")
    assert category.options == ["All categories", "cloud", "data", "database", "framework"]
    category.set_value("framework").run()
    chart = _chart(at, "framework: postings naming each")
    # ROS (two Acme postings, one a repost counted once) and React (Initech), as preferred.
    assert _bars(chart) == {
        "ROS": {"Required": 0, "Preferred": 1},
        "React": {"Required": 0, "Preferred": 1},
    }
    rows = _csv_frame(download(at, "dl_skills"))
    assert sorted(rows["name"].to_list()) == ["ROS", "React"]
    assert set(rows["category"]) == {"framework"}


def test_count_reposts_once_switch_counts_the_repost(open_app):
    at = open_app("teams")
    assert _team_bars(at)["Perception"] == 1
    at.sidebar.toggle(key="reposts_once").set_value(False).run()
    assert _team_bars(at)["Perception"] == 2
    assert _counter(at) == "8 of 8 postings"
    assert _url(at, "reposts") == ["all"]
    assert _counter(open_app("teams", reposts="all")) == "8 of 8 postings"


def test_coded_filter_values_read_as_words_and_stay_codes_in_the_url(open_app):
    at = open_app("", employment_type="full_time", pay_period="year")
    kind = at.sidebar.multiselect(key="employment_type")
    assert kind.options == ["Internship", "Full time"]
    assert kind.value == ["full_time"]
    assert at.sidebar.multiselect(key="pay_period").options[0].startswith("Per ")
    assert _counter(at) == "1 of 7 postings"  # Globex payments
    assert _url(at, "employment_type") == ["full_time"]
    # The empty state names the filter the way the sidebar shows it.
    at = open_app("", employment_type="full_time", pay_period="hour")
    assert "Pay period: Per hour (together with Employment type: Full time)" in (
        at.warning[0].value.replace("\\", "")
    )


def test_a_link_with_values_the_warehouse_lacks_says_so_and_keeps_the_rest(open_app):
    at = open_app("", team=["Growth", "Nonexistent"])
    assert at.sidebar.multiselect(key="team").value == ["Growth"]
    assert any("Nonexistent" in c.value for c in at.sidebar.caption)
    assert _counter(at) == "2 of 7 postings"


def test_pay_shows_one_currency_and_period_at_a_time_and_normalises_on_request(open_app):
    at = open_app("pay")
    unit = at.selectbox(key="pay_unit_None")
    assert unit.options == [
        "USD per hour (2 postings)",  # Perception and Planning (the repost counts once)
        "CAD per hour (1 posting)",
        "USD per month (1 posting)",
        "USD per year (1 posting)",
    ]
    chart = _chart(at, "per team")
    assert [a["text"] for a in chart["layout"]["annotations"]] == ["USD per hour"]
    assert set(_bar_bases(chart)) == {"Perception (1)", "Planning (1)"}
    _open_tab(at, "pay", "Per posting")
    per_posting = _chart(at, "per posting")
    assert _bar_bases(per_posting) == {
        "Acme Robotics · Motion Planning Intern": 45,
        "Acme Robotics · Perception Intern": 40,
    }

    _open_tab(at, "pay", "By team")
    at.selectbox(key="pay_unit_None").set_value("CAD per hour (1 posting)").run()
    chart = _chart(at, "per team")
    assert [a["text"] for a in chart["layout"]["annotations"]] == ["CAD per hour"]
    assert _bar_bases(chart) == {"Search (1)": 35}

    at.segmented_control(key="pay_basis").set_value("Yearly").run()
    assert at.selectbox(key="pay_unit_year").options == [
        "USD per year (4 postings)",
        "CAD per year (1 posting)",
    ]
    chart = _chart(at, "per team")
    assert "2,080" in chart["layout"]["title"]["subtitle"]["text"]
    assert [a["text"] for a in chart["layout"]["annotations"]] == ["USD per year"]
    assert _bar_bases(chart)["Perception (1)"] == 40 * 2080  # 40 USD an hour, its lowest
    # Per posting, every USD posting converted to a year, monthly pay included (x 12).
    _open_tab(at, "pay", "Per posting")
    assert _bar_bases(_chart(at, "per posting")) == {
        "Globex · Backend Engineer, Payments": 90_000,
        "Acme Robotics · Motion Planning Intern": 45 * 2080,
        "Acme Robotics · Perception Intern": 40 * 2080,
        "Hooli · Data Engineering Intern": 6_000 * 12,
    }


def test_pay_csv_holds_exactly_the_rows_of_the_open_tab_and_unit(
    open_app, download, known_warehouse
):
    wh = Warehouse(known_warehouse)
    usd_hourly = {"normalize_to": None, "currency": "USD", "period": "hour"}
    at = open_app("pay")  # the per-team ranges first
    assert _download_label(at, "dl_pay") == "Download pay by team CSV"
    by_team = queries.pay_by_team(wh, Filters(), **usd_hourly)
    assert download(at, "dl_pay") == frame_to_csv_bytes(by_team)
    assert sorted(_csv_frame(download(at, "dl_pay"))["team"]) == ["Perception", "Planning"]

    _open_tab(at, "pay", "Per posting")
    assert _download_label(at, "dl_pay") == "Download pay per posting CSV"
    usd_hourly_rows = queries.pay_ranges(wh, Filters(), **usd_hourly, limit=None)
    assert download(at, "dl_pay") == frame_to_csv_bytes(usd_hourly_rows)
    rows = _csv_frame(download(at, "dl_pay"))
    assert sorted(rows["title"]) == ["Motion Planning Intern", "Perception Intern"]
    assert set(zip(rows["currency"], rows["period"], strict=True)) == {("USD", "hour")}

    at.selectbox(key="pay_unit_None").set_value("CAD per hour (1 posting)").run()
    rows = _csv_frame(download(at, "dl_pay"))
    assert rows.select("company", "title", "currency", "period").rows() == [
        ("Globex", "Search Infrastructure Intern", "CAD", "hour")
    ]

    at.segmented_control(key="pay_basis").set_value("Yearly").run()  # first unit: USD per year
    assert _download_label(at, "dl_pay") == "Download pay per posting CSV"  # the tab stays
    rows = _csv_frame(download(at, "dl_pay"))
    assert rows.height == 4  # every USD posting, whatever period it states
    assert set(zip(rows["currency"], rows["period"], strict=True)) == {("USD", "year")}
    assert sorted(float(v) for v in rows["pay_min"]) == sorted(
        [6_000 * 12, 40 * 2080, 45 * 2080, 90_000]
    )


def test_pay_per_posting_shows_the_top_of_the_unit_chosen(tmp_path, monkeypatch, app_on_env):
    # 45 USD and 42 CAD hourly postings: CAD sorts first, USD (more postings) is shown first.
    made = [
        make_posting(
            f"usd-{n}.txt",
            company=f"Usco {n}",
            team="Payments",
            pay=(20 + n, 30 + n, "USD", "hour"),
        )
        for n in range(45)
    ] + [
        make_posting(
            f"cad-{n}.txt", company=f"Canco {n}", team="Search", pay=(10 + n, 15 + n, "CAD", "hour")
        )
        for n in range(42)
    ]
    db = tmp_path / "many-units.duckdb"
    load_postings(db, made)
    monkeypatch.setenv("JOBDASH_DB", str(db))
    at = app_on_env("pay", view="Per posting")
    assert at.selectbox(key="pay_unit_None").value == "USD per hour (45 postings)"
    chart = _chart(at, "per posting")
    assert "the 40 paying most of 45" in chart["layout"]["title"]["text"]
    bases = _bar_bases(chart)
    assert len(bases) == 40
    assert sorted(bases.values()) == [20 + n for n in range(5, 45)]  # the 40 highest, in USD
    at.selectbox(key="pay_unit_None").set_value("CAD per hour (42 postings)").run()
    chart = _chart(at, "per posting")
    assert "of 42" in chart["layout"]["title"]["text"]
    assert sorted(_bar_bases(chart).values()) == [10 + n for n in range(2, 42)]


def test_start_dates_page_puts_each_start_date_on_the_timeline(open_app, download, known_warehouse):
    at = open_app("start-dates", team="Perception")
    (perception,) = _chart(at, "Start dates by team (postings per day)")["data"]
    assert perception["name"] == "Perception"
    assert sorted(perception["x"]) == ["2025-05-12", "2025-06-02"]
    # Grouped per month on request; the CSV follows what the chart shows.
    at.segmented_control(key="grain").set_value("Month").run()
    (perception,) = _chart(at, "postings per month")["data"]
    assert sorted(perception["x"]) == ["2025-05-01", "2025-06-01"]
    per_month = queries.start_date_cohorts(
        Warehouse(known_warehouse), Filters(teams=("Perception",)), grain="month"
    )
    assert download(at, "dl_start_dates") == frame_to_csv_bytes(per_month)


# --- tabs: one chart at a time, only its query runs, the URL names the open tab --------------


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The names of the queries pages ask `data.fetch` for (cached or not), in order."""
    names: list[str] = []
    real = data.fetch

    def recording(query, filters=None, **kwargs):
        names.append(query.__name__)
        return real(query, filters, **kwargs)

    monkeypatch.setattr(data, "fetch", recording)
    return names


@pytest.mark.parametrize(("path", "tab"), ALL_TABS)
def test_only_the_open_tab_is_drawn_and_queried(open_app, asked, path, tab):
    at = open_app(path)
    asked.clear()
    _open_tab(at, path, tab)
    query, words = TABS[path][tab]
    (chart,) = at.get("plotly_chart")
    assert words in json.loads(chart.proto.spec)["layout"]["title"]["text"]
    assert query in asked
    others = {q for t, (q, _words) in TABS[path].items() if t != tab}
    assert others.isdisjoint(asked), f"{tab!r} also ran {others & set(asked)}"


# For each tab that is not the first: what its chart holds on the whole known warehouse and
# with Team = Growth (Initech's frontend posting and Hooli's data posting).
def _pairs(spec: dict) -> dict[tuple[str, str], int]:
    (heat,) = spec["data"]
    return {(x, y): n for y, row in zip(heat["y"], heat["z"], strict=True)
            for x, n in zip(heat["x"], row, strict=True) if n}  # fmt: skip


def _rows_of_heatmap(spec: dict) -> set[str]:
    return set(spec["data"][0]["y"])


def _panel_postings(spec: dict) -> int:
    return sum(sum(trace["y"]) for trace in spec["data"])


def _season_bars(spec: dict) -> dict[tuple[str, str], int]:
    return {(year, trace["name"]): n for trace in spec["data"]
            for year, n in zip(trace["x"], trace["y"], strict=True) if n}  # fmt: skip


def _duration_bars(spec: dict) -> dict[str, int]:
    (bar,) = spec["data"]
    return dict(zip(bar["x"], bar["y"], strict=True))


FILTERED_TABS = [
    ("skills", "Named together", _pairs,
     # C++ and Python: Acme's perception (once, its repost too) and planning postings.
     lambda everything: everything[("C++", "Python")] == 2,
     {("JavaScript", "TypeScript"): 1, ("TypeScript", "JavaScript"): 1,
      ("Python", "Scala"): 1, ("Scala", "Python"): 1}),
    ("skills", "By team", _rows_of_heatmap,
     lambda everything: everything == {"Perception", "Planning", "Payments", "Search", "Growth"},
     {"Growth"}),
    # USD per hour: Perception and Planning; with Growth only Hooli's monthly pay is left.
    ("pay", "Distribution", _panel_postings, lambda everything: everything == 2, 1),
    ("start-dates", "Seasons by year", _season_bars,
     lambda everything: everything == {("2025", "Summer"): 3, ("2025", "Fall"): 2,
                                       ("2026", "Summer"): 2, ("(no year)", "Not stated"): 1},
     {("2025", "Fall"): 1, ("2026", "Summer"): 1}),
    ("start-dates", "Durations", _duration_bars,
     lambda everything: everything == {"12": 3, "16": 1, "24": 1}, {"12": 1}),
]  # fmt: skip


@pytest.mark.parametrize(("path", "tab", "read", "unfiltered", "growth"), FILTERED_TABS)
def test_a_tab_chart_follows_the_filters(open_app, path, tab, read, unfiltered, growth):
    at = open_app(path)
    _open_tab(at, path, tab)
    words = TABS[path][tab][1]
    assert unfiltered(read(_chart(at, words)))
    at.sidebar.multiselect(key="team").set_value(["Growth"]).run()
    assert read(_chart(at, words)) == growth
    assert at.session_state[TAB_KEYS[path]] == tab, "a filter change keeps the tab open"
    assert _url(at, "view") == [tab] and _url(at, "team") == ["Growth"]


def test_a_link_opens_its_tab_and_the_first_tab_keeps_the_url_clean(open_app):
    at = open_app("start-dates", view="Durations", team="Search")
    assert at.session_state["start_dates_view"] == "Durations"
    assert _duration_bars(_chart(at, "Stated durations")) == {"16": 1}
    assert _download_label(at, "dl_start_dates") == "Download durations CSV"
    _open_tab(at, "start-dates", "Timeline")
    assert _chart(at, "Start dates by team")
    assert _url(at, "view") == [] and _url(at, "team") == ["Search"]
    # A tab name the page does not have opens the first tab and leaves the URL.
    at = open_app("pay", view="<b>Nope</b>")
    assert at.session_state["pay_view"] == "By team"
    assert _chart(at, "per team")
    assert _url(at, "view") == []


def test_controls_inside_a_tab_keep_their_value_while_another_tab_is_open(open_app):
    at = open_app("start-dates", team="Perception")
    at.segmented_control(key="grain").set_value("Month").run()
    _open_tab(at, "start-dates", "Durations")
    _open_tab(at, "start-dates", "Timeline")
    assert at.segmented_control(key="grain").value == "Month"
    (perception,) = _chart(at, "postings per month")["data"]
    assert sorted(perception["x"]) == ["2025-05-01", "2025-06-01"]

    at = open_app("skills")
    at.segmented_control(key="skills_scope").set_value("Other skills").run()
    at.selectbox(key="skills_category_skill").set_value("framework").run()
    at.toggle(key="skills_show_all").set_value(True).run()
    _open_tab(at, "skills", "By team")
    assert _chart(at, "Other skills by team")  # the scope above the tabs applies to every tab
    _open_tab(at, "skills", "Demand")
    assert at.selectbox(key="skills_category_skill").value == "framework"
    assert at.toggle(key="skills_show_all").value is True
    assert _chart(at, "framework: postings naming each (all)")


def test_empty_view_names_the_filter_that_emptied_it(open_app):
    at = open_app("skills", team="Perception", language="Go")
    (warning,) = at.warning
    assert "Language: Go" in warning.value.replace("\\", "")
    assert "Team: Perception" in warning.value.replace("\\", "")  # applied before it
    assert not at.get("plotly_chart")


def test_postings_search_narrows_the_list_and_lives_in_the_url(open_app):
    at = open_app("postings")
    at.text_input(key="q").set_value("globex").run()
    assert sorted(at.dataframe[0].value["company"].tolist()) == ["Globex", "Globex"]
    assert _url(at, "q") == ["globex"]
    assert open_app("postings", q="initech").dataframe[0].value["company"].tolist() == [
        "Initech",
        "Initech",
    ]


def test_posting_detail_highlights_every_value_at_its_span(open_app, known_warehouse):
    planning = _posting_id(known_warehouse, "known/acme-planning.txt")
    at = open_app("postings", posting=str(planning))
    (text,) = [h.proto.body for h in at.get("html") if "jobdash-posting-text" in h.proto.body]
    for value in ("Motion Planning Intern", "Acme Robotics", "Planning", "C++", "Python",
                  "Pittsburgh, PA", "45 to 55 USD per hour"):  # fmt: skip
        assert f">{value}</mark>" in text
    fields = _field_table(at)
    assert fields["Pay"] == "45–55 USD per hour"
    assert fields["Degree"] == "MS; PhD"
    assert fields["Languages"] == "C++ (required); Python (preferred)"
    assert fields["Skills"] == "not stated"
    assert fields["Posted"] == "2025-02-03"
    assert "Team also written as" not in fields  # no other spelling: no row
    # The source path has nowhere to wrap in a table cell: it is code below the table.
    assert "Source" not in fields
    assert [c.value for c in at.code] == ["known/acme-planning.txt"]


@pytest.mark.parametrize(("path", "column"), [("", "team"), ("postings", "team"),
                                             ("postings", "posted_date")])  # fmt: skip
def test_tables_say_not_stated_where_a_posting_states_nothing(open_app, path, column):
    at = open_app(path)
    listing = at.dataframe[0]
    # Initech's tools posting names no team and no posted date: the cell would read "None".
    assert listing.value[column].isna().any()
    assert listing.proto.placeholder == "not stated"


def test_posting_detail_lists_its_reposts(open_app, known_warehouse):
    original = _posting_id(known_warehouse, "known/acme-perception.txt")
    at = open_app("postings", posting=str(original))
    reposts = at.dataframe[-1].value
    assert reposts["source"].tolist() == ["known/acme-perception-repost.txt"]


def test_quality_lists_the_filtered_postings_with_the_most_gaps(open_app, known_warehouse):
    at = open_app("quality", team="Growth")
    expected = queries.postings_missing_fields(
        Warehouse(known_warehouse), Filters(teams=("Growth",))
    )
    assert expected.height > 0, "the filter leaves postings with gaps"
    table = next(df.value for df in at.dataframe if "missing_fields" in df.value.columns)
    assert table["posting_id"].tolist() == expected["posting_id"].to_list()
    # Each row links to its posting on the Postings page (relative: any base path).
    assert table["link"].tolist() == [f"postings?posting={i}" for i in expected["posting_id"]]
    shown = [list(v) for v in table["missing_fields"]]
    wanted = [[charts.FIELD_LABELS[f] for f in fields] for fields in expected["missing_fields"]]
    assert shown == wanted  # readable labels ("Degree"), not column names ("degree_levels")


# --- downloads: exactly the rows behind the page under the current filters ------------------

TWO_TEAMS = Filters(teams=("Perception", "Growth"))


LANGUAGES = {"kind": "language"}
USD_HOURLY = {"normalize_to": None, "currency": "USD", "period": "hour"}


@pytest.mark.parametrize(
    ("path", "view", "key", "label", "query", "kwargs"),
    [
        ("", None, "dl_overview", "postings", queries.postings_extract, {}),
        ("skills", None, "dl_skills", "skills", queries.skills_demand,
         {**LANGUAGES, "limit": None}),
        ("skills", "Named together", "dl_skills", "skill pairs", queries.skill_cooccurrence,
         {**LANGUAGES, "top": 15}),
        ("skills", "By team", "dl_skills", "skills by team", queries.skills_by_team,
         {**LANGUAGES, "top_teams": 12, "top_skills": 15}),
        # The pay page shows one unit, first the one with most postings (here a tie, broken
        # by name: USD per hour before USD per month).
        ("pay", None, "dl_pay", "pay by team", queries.pay_by_team, USD_HOURLY),
        ("pay", "Per posting", "dl_pay", "pay per posting", queries.pay_ranges,
         {**USD_HOURLY, "limit": None}),
        ("pay", "Distribution", "dl_pay", "pay distribution", queries.pay_distribution,
         USD_HOURLY),
        ("start-dates", None, "dl_start_dates", "start dates", queries.start_date_cohorts,
         {"grain": "day"}),
        ("start-dates", "Seasons by year", "dl_start_dates", "seasons by year",
         queries.season_years, {}),
        ("start-dates", "Durations", "dl_start_dates", "durations", queries.durations, {}),
        ("teams", None, "dl_teams", "teams", queries.team_distribution, {}),
        ("postings", None, "dl_postings", "postings", queries.postings_extract, {}),
        ("quality", None, "dl_missing", "missing fields", queries.missing_fields, {}),
        ("quality", None, "dl_groups", "repost groups", queries.duplicate_groups, {}),
        ("quality", None, "dl_gaps", "postings with gaps", queries.postings_missing_fields,
         {"limit": None}),
    ],
)  # fmt: skip
def test_each_download_is_the_query_behind_the_page(
    open_app, download, known_warehouse, path, view, key, label, query, kwargs
):
    at = open_app(path, team=["Perception", "Growth"], **({"view": view} if view else {}))
    frame = query(Warehouse(known_warehouse), TWO_TEAMS, **kwargs)
    if key == "dl_skills" and view is None:  # the chart shows the top 20 of every category
        frame = charts.pick_skills(frame, category=None, top=20)
    expected = frame_to_csv_bytes(frame)
    assert expected.count(b"\r\n") >= 2, "the filters leave rows to compare"
    assert _download_label(at, key) == f"Download {label} CSV"
    assert download(at, key) == expected


def test_postings_csv_holds_one_row_per_filtered_posting(open_app, download, known_postings):
    at = open_app("postings", language="Python")
    rows = _csv_frame(download(at, "dl_postings"))
    naming_python = {p.source for p in known_postings if "Python" in p.languages}
    # The repost of the Acme perception posting counts once, as everywhere else.
    assert set(rows["source"]) == naming_python - {"known/acme-perception-repost.txt"}
    assert rows.height == len(naming_python) - 1
    hooli = rows.filter(pl.col("source") == "known/hooli-data.txt").row(0, named=True)
    assert hooli["languages"] == "Python; Scala"


def test_jobdash_export_writes_the_same_file_as_the_postings_download(
    open_app, download, known_warehouse, tmp_path
):
    from click.testing import CliRunner

    from etl.cli import main

    at = open_app("postings", team=["Perception", "Growth"], language="Python")
    out = tmp_path / "extract.csv"
    args = ["export", "--db", str(known_warehouse), "--team", "Perception", "--team", "Growth",
            "--language", "Python", "--out", str(out)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == download(at, "dl_postings")
    assert set(_csv_frame(out.read_bytes())["team"]) == {"Perception", "Growth"}


def test_csv_is_built_when_clicked_not_on_every_rerun(open_app, download, monkeypatch):
    calls: list[int] = []
    original = queries.postings_extract

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(queries, "postings_extract", counting)
    at = open_app("postings")
    at.run()
    assert calls == []
    download(at, "dl_postings")
    assert calls == [1]


def test_teams_matrix_follows_the_language_filter_and_has_its_own_csv(
    open_app, download, known_warehouse
):
    at = open_app("teams")
    title = "Languages named per team"
    assert "Payments" in _rows_of_heatmap(_chart(at, title))
    at.sidebar.multiselect(key="language").set_value(["C++"]).run()
    assert _rows_of_heatmap(_chart(at, title)) == {"Perception", "Planning"}
    expected = queries.team_language_matrix(
        Warehouse(known_warehouse), Filters(languages=("C++",)), top_teams=15, top_languages=12
    )
    assert _download_label(at, "dl_team_languages") == "Download team × language CSV"
    assert download(at, "dl_team_languages") == frame_to_csv_bytes(expected)
    rows = _csv_frame(download(at, "dl_team_languages"))
    assert set(rows["team"]) == {"Perception", "Planning"}


def test_teams_chart_title_only_claims_a_cut_when_there_is_one(
    open_app, tmp_path, monkeypatch, app_on_env, download
):
    at = open_app("teams")
    assert _chart(at, "Postings per team")["layout"]["title"]["text"] == "Postings per team"
    assert "largest" not in _chart(at, "Languages named per team")["layout"]["title"]["text"]

    made = [
        make_posting(f"team-{n}.txt", company="Manyco", team=f"Team {n:02d}",
                     languages={"Go": "required"})
        for n in range(32)
    ]  # fmt: skip
    db = tmp_path / "many-teams.duckdb"
    load_postings(db, made)
    monkeypatch.setenv("JOBDASH_DB", str(db))
    at = app_on_env("teams")
    chart = _chart(at, "Postings per team")
    assert chart["layout"]["title"]["text"] == "Postings per team (the 30 largest)"
    assert len(chart["data"][0]["y"]) == 30
    assert _csv_frame(download(at, "dl_teams")).height == 30  # the rows of the chart
    matrix = _chart(at, "Languages named per team")
    assert "the 15 largest teams" in matrix["layout"]["title"]["text"]
    assert len(_rows_of_heatmap(matrix)) == 15


# --- adding postings ---------------------------------------------------------------------------

PASTED = """Compiler Engineering Intern
Zorblax Systems is hiring a compiler intern for Summer 2026.
You will write C++ and Python every day. Pay: $48 - $52 per hour.
"""


def test_pasted_posting_is_shown_at_once_and_added_on_request(writable_warehouse, add_page):
    at = add_page()
    at.text_area(key="add_text").set_value(PASTED).run()
    assert not at.exception
    assert any("Compiler Engineering Intern" in h.proto.body for h in at.get("html"))
    assert _total(writable_warehouse) == 8  # shown, not yet saved
    at.button(key="add_button").click().run()
    assert not at.exception
    assert "Added: 1 new" in at.success[0].value
    assert _total(writable_warehouse) == 9
    assert _counter(at.run()) == "8 of 8 postings"  # the sidebar reads the new version


def test_the_parsed_postings_download_holds_what_the_page_shows(
    writable_warehouse, add_page, download
):
    at = add_page()
    at.text_area(key="add_text").set_value(PASTED).run()
    assert _download_label(at, "dl_parsed") == "Download parsed postings CSV"
    (row,) = _csv_frame(download(at, "dl_parsed")).iter_rows(named=True)
    shown = _field_table(at)
    assert row["title"] == shown["Title"] == "Compiler Engineering Intern"
    assert row["languages"] == "C++; Python"
    assert row["pay_min"] == "48.0" and row["pay_currency"] == "USD"
    assert _total(writable_warehouse) == 8  # downloading saves nothing


def test_uploads_are_read_and_bad_files_get_a_clear_message(writable_warehouse, add_page):
    at = add_page()
    at.file_uploader(key="add_files").set_value(
        [
            ("good.md", b"# Data Intern\nWe use **Go** at Quuxly.\n", "text/markdown"),
            ("empty.txt", b"   \n", "text/plain"),
            ("binary.txt", b"\x00\x01\x02\xff" * 64, "text/plain"),
        ]
    ).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 2
    assert any("empty" in e for e in errors) and any("binary" in e for e in errors)
    assert at.button(key="add_button").label == "Add 1 posting to the warehouse"
    assert _total(writable_warehouse) == 8


def test_a_warehouse_published_before_a_mart_existed_still_shows_the_skills_page(
    known_warehouse, writable_warehouse, monkeypatch, app_on_env
):
    con = duckdb.connect(str(writable_warehouse))
    con.execute("DROP TABLE mart_skill_pairs")  # as a release before that mart left the file
    con.execute("DELETE FROM meta WHERE key = 'marts_version'")
    con.close()
    # start_app fails the test on any exception the page raises
    at = app_on_env("skills", view="Named together")
    pairs = _chart(at, "named together")
    monkeypatch.setenv("JOBDASH_DB", str(known_warehouse))
    reference = _chart(app_on_env("skills", view="Named together"), "named together")
    assert pairs["data"] == reference["data"]
    assert pairs["data"][0]["z"], "the heatmap has cells"


def test_without_a_warehouse_pages_say_how_to_get_one(tmp_path, monkeypatch, app_on_env):
    monkeypatch.setenv("JOBDASH_DB", str(tmp_path / "not-yet.duckdb"))
    at = app_on_env("skills")
    assert "jobdash ingest" in at.info[0].value
    assert _counter_or_none(at) is None
    assert not at.get("plotly_chart")


# --- helpers -------------------------------------------------------------------------------


def _open_tab(at, path: str, tab: str) -> None:
    """Open a tab as a click does: the tabs' widget value is the open tab's label."""
    at.session_state[TAB_KEYS[path]] = tab
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[TAB_KEYS[path]] == tab


def _field_table(at) -> dict[str, str]:
    """The detail view's field table as label -> value, markdown escapes removed."""
    (table,) = [t for t in at.table if list(t.value.columns) == ["Field", "Value"]]
    unescaped = table.value.map(lambda cell: re.sub(r"\\(.)", r"\1", cell))
    return dict(zip(unescaped["Field"], unescaped["Value"], strict=True))


def _download_label(at, key: str) -> str:
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith(key)]
    return button.proto.label


def _counter(at) -> str:
    return next(m.value for m in at.sidebar.markdown if "postings" in m.value).strip("*")


def _url(at, key: str) -> list[str]:
    """A URL query parameter as the list of its values (AppTest gives one value as a str)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _counter_or_none(at) -> str | None:
    return next((m.value for m in at.sidebar.markdown if "postings" in m.value), None)


def _chart(at, words: str) -> dict:
    """The chart whose title contains `words`, as its Plotly JSON."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    found = [s for s in specs if words in (s["layout"].get("title", {}).get("text") or "")]
    assert len(found) == 1, f"{len(found)} charts titled with {words!r}"
    return found[0]


def _bars(spec: dict) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for trace in spec["data"]:
        for name, x in zip(trace["y"], trace["x"], strict=True):
            out.setdefault(name, {})[trace["name"]] = x
    return out


def _bar_bases(spec: dict) -> dict[str, float]:
    """Where each floating bar starts, by its axis label."""
    return {
        label: base
        for trace in spec["data"]
        if trace["type"] == "bar"
        for label, base in zip(trace["y"], trace["base"], strict=True)
    }


def _team_bars(at) -> dict[str, int]:
    (trace,) = _chart(at, "Postings per team")["data"]
    return dict(zip(trace["y"], trace["x"], strict=True))


def _csv_frame(data: bytes) -> pl.DataFrame:
    assert data.startswith("\ufeff".encode()), "CSV starts with a UTF-8 byte-order mark"
    return pl.read_csv(data[3:], infer_schema=False)


def _posting_id(db: Path, source: str) -> int:
    listing = queries.postings_list(Warehouse(db), Filters(dedupe=False), limit=100)
    return listing.filter(pl.col("source") == source)["posting_id"][0]


def _total(db: Path) -> int:
    return int(queries.count_postings(Warehouse(db), Filters(dedupe=False))["total"][0])


def test_the_first_posting_can_be_pasted_before_any_warehouse_exists(
    tmp_path, monkeypatch, app_on_env
):
    db = tmp_path / "new" / "warehouse.duckdb"
    monkeypatch.setenv("JOBDASH_DB", str(db))
    at = app_on_env("add")
    at.text_area(key="add_text").set_value(PASTED).run()
    at.button(key="add_button").click().run()
    assert not at.exception
    assert "Added: 1 new" in at.success[0].value
    assert db.is_file() and _total(db) == 1
    assert _counter(at.run()) == "1 of 1 postings"
