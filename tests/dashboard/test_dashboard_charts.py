"""Chart builders: frames built here in, figures out; what a reader sees is what we assert."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard import charts


def test_skills_demand_stacks_required_and_preferred_with_the_most_demanded_on_top():
    frame = pl.DataFrame(
        {
            "name": ["Python", "Python", "Go", "SQL"],
            "category": ["language", "language", "language", "database"],
            "level": ["required", "preferred", "required", "preferred"],
            "postings": [5, 2, 4, 1],
        }
    )
    fig = charts.skills_demand_chart(frame)
    required, preferred = fig.data
    assert (required.name, preferred.name) == ("Required", "Preferred")
    assert fig.layout.barmode == "stack"
    # Horizontal bars draw bottom-up: the biggest total is the last category.
    assert list(required.y) == ["SQL", "Go", "Python"]
    assert list(required.x) == [0, 4, 5]
    assert list(preferred.x) == [1, 0, 2]
    assert fig.layout.title.text == "Skills in demand"
    assert "Postings" in fig.layout.xaxis.title.text


def test_empty_frames_give_a_titled_figure_that_says_why():
    empty = pl.DataFrame(schema={"name": pl.String, "level": pl.String, "postings": pl.Int64})
    fig = charts.skills_demand_chart(empty, title="Languages")
    assert fig.layout.title.text == "Languages"
    assert not fig.data
    assert "No posting in view names one" in fig.layout.annotations[0].text


def test_team_colour_follows_the_warehouse_ranking_not_the_filtered_chart():
    colors = charts.team_colors(["Growth", "Search", "Maps"])
    assert len(set(colors.values())) == 3  # the biggest teams never share a colour
    both = pl.DataFrame({"team": ["Growth", "Search"], "postings": [3, 1]})
    alone = pl.DataFrame({"team": ["Search"], "postings": [1]})

    def colour_of(frame, team):
        (bar,) = charts.team_distribution_chart(frame, colors=colors).data
        return dict(zip(bar.y, bar.marker.color, strict=True))[team]

    assert colour_of(both, "Search") == colour_of(alone, "Search") == colors["Search"]
    # A team outside the mapping still gets a stable colour; "no team" is grey.
    assert charts.team_color("Unlisted", colors) == charts.team_color("Unlisted")
    assert charts.team_color(None) == charts.team_color(charts.NO_TEAM) == charts.NEUTRAL


def test_team_distribution_sums_rows_per_team_and_lumps_the_tail_into_other():
    frame = pl.DataFrame(
        {
            "team": ["A", "A", "B", "C", "D", None],
            "company": ["X", "Y", "X", "X", "X", "X"],
            "postings": [2, 3, 4, 1, 1, 6],
        }
    )
    bar = charts.team_distribution_chart(frame, top=3).data[0]
    counts = dict(zip(bar.y, bar.x, strict=True))
    # Three real teams kept; "No team" is not a team and is never lumped in.
    assert counts == {charts.NO_TEAM: 6, "A": 5, "B": 4, "C": 1, charts.OTHER: 1}
    # Clicking a bar filters by its team; "Other" and "no team" are not teams to filter by.
    clickable = dict(zip(bar.y, bar.customdata, strict=True))
    assert (
        clickable["A"] == "A" and clickable[charts.OTHER] == "" and clickable[charts.NO_TEAM] == ""
    )


def test_pay_ranges_never_share_an_axis_across_currencies_or_periods():
    frame = pl.DataFrame(
        {
            "posting_id": [1, 2, 3],
            "company": ["Acme", "Acme", "Acme"],
            "title": ["Intern A", "Intern B", "Intern C"],
            "team": ["Growth", "Growth", "Maps"],
            "currency": ["USD", "CAD", "USD"],
            "period": ["hour", "hour", "year"],
            "pay_min": [40.0, 30.0, 100_000.0],
            "pay_max": [50.0, 35.0, 120_000.0],
        }
    )
    fig = charts.pay_ranges_chart(frame, normalize_to=None)
    panels = {a.text for a in fig.layout.annotations}
    assert {"USD per hour", "CAD per hour", "USD per year"} <= panels
    axes = {trace.xaxis for trace in fig.data}
    assert len(axes) == 3
    # Each panel's own axis says what its numbers are in.
    titles = {fig.layout[f"xaxis{a[1:]}"].title.text for a in axes}
    assert titles == {"Pay (USD per hour)", "Pay (CAD per hour)", "Pay (USD per year)"}
    for trace in fig.data:
        # Floating bar: starts at pay_min, length pay_max - pay_min.
        for base, length, (lo, hi) in zip(trace.base, trace.x, trace.customdata, strict=True):
            assert base == lo and base + length == hi


def test_the_team_legend_of_pay_per_posting_reads_in_the_order_of_the_bars():
    frame = pl.DataFrame(
        {
            "posting_id": [1, 2, 3],
            "company": ["Acme"] * 3,
            "title": ["Low", "Middle", "High"],
            "team": ["Maps", "Growth", "Search"],
            "currency": ["USD"] * 3,
            "period": ["hour"] * 3,
            "pay_min": [10.0, 20.0, 30.0],
            "pay_max": [15.0, 25.0, 35.0],
        }
    )
    fig = charts.pay_ranges_chart(frame, normalize_to=None)
    top_down = list(reversed(fig.layout.yaxis.categoryarray))  # a y axis lists bottom-up
    assert top_down == ["Acme · High", "Acme · Middle", "Acme · Low"]
    names = [t.name for t in fig.data]
    legend = names[::-1] if fig.layout.legend.traceorder == "reversed" else names
    assert legend == ["Search", "Growth", "Maps"]


def test_normalised_pay_states_the_hours_per_year_assumption_on_the_chart():
    frame = pl.DataFrame(
        {
            "posting_id": [1],
            "company": ["Acme"],
            "title": ["Intern"],
            "team": ["Growth"],
            "currency": ["USD"],
            "period": ["year"],
            "pay_min": [83_200.0],
            "pay_max": [104_000.0],
        }
    )
    fig = charts.pay_ranges_chart(frame, normalize_to="year")
    note = fig.layout.title.subtitle.text
    assert "2,080" in note and "per year" in note
    assert [a.text for a in fig.layout.annotations] == ["USD per year"]  # the panel's unit
    as_stated = charts.pay_ranges_chart(frame, normalize_to=None).layout.title.subtitle.text
    assert "2,080" not in as_stated and "as the postings state it" in as_stated


def test_pay_by_team_labels_each_bar_with_its_posting_count_and_marks_the_median():
    frame = pl.DataFrame(
        {
            "team": ["Growth", None],
            "currency": ["USD", "USD"],
            "period": ["hour", "hour"],
            "postings": [4, 1],
            "pay_min": [30.0, 20.0],
            "pay_max": [60.0, 25.0],
            "median": [45.0, 22.5],
        }
    )
    fig = charts.pay_by_team_chart(frame, normalize_to="hour")
    bars = [t for t in fig.data if t.type == "bar"]
    medians = [t for t in fig.data if t.type == "scatter"]
    assert {y for t in bars for y in t.y} == {"Growth (4)", f"{charts.NO_TEAM} (1)"}
    assert sorted(x for t in medians for x in t.x) == [22.5, 45.0]


def test_pay_distribution_draws_the_warehouse_bins_as_they_are():
    frame = pl.DataFrame(
        {
            "currency": ["USD", "USD"],
            "period": ["hour", "hour"],
            "bin_start": [20.0, 30.0],
            "bin_end": [30.0, 40.0],
            "postings": [7, 3],
        }
    )
    fig = charts.pay_distribution_chart(frame, normalize_to=None)
    (trace,) = fig.data
    assert list(trace.x) == [25.0, 35.0]
    assert list(trace.y) == [7, 3]
    assert fig.layout.xaxis.title.text == "Midpoint of the stated range (USD per hour)"
    assert fig.layout.yaxis.title.text == "Postings"


def test_pay_by_team_axis_names_the_unit_and_escapes_a_currency_from_the_text():
    frame = pl.DataFrame(
        {
            "team": ["Growth"],
            "currency": ["<b>X</b>"],
            "period": ["year"],
            "postings": [2],
            "pay_min": [1.0],
            "pay_max": [2.0],
            "median": [1.5],
        }
    )
    fig = charts.pay_by_team_chart(frame, normalize_to=None)
    assert fig.layout.xaxis.title.text == "Pay (&lt;b&gt;X&lt;/b&gt; per year)"


def test_start_dates_put_each_team_on_its_own_row_of_the_timeline():
    frame = pl.DataFrame(
        {
            "start": [dt.date(2025, 5, 12), dt.date(2025, 5, 12), dt.date(2025, 6, 2)],
            "team": ["Growth", "Maps", "Growth"],
            "postings": [3, 1, 2],
        }
    )
    colors = charts.team_colors(["Maps", "Growth"])
    fig = charts.start_date_chart(frame, colors=colors)
    by_team = {
        t.name: dict(zip(t.x.tolist(), t.marker.size.tolist(), strict=True)) for t in fig.data
    }
    assert by_team["Growth"] == {dt.date(2025, 5, 12): 3, dt.date(2025, 6, 2): 2}
    assert by_team["Maps"] == {dt.date(2025, 5, 12): 1}
    assert {t.name: t.marker.color for t in fig.data} == {
        "Growth": colors["Growth"],
        "Maps": colors["Maps"],
    }
    assert fig.layout.xaxis.type == "date"
    # Biggest team on top: categories are listed bottom-up.
    assert list(fig.layout.yaxis.categoryarray) == ["Maps", "Growth"]
    # Dots for nearby dates overlap on a long axis: each stays visible through the others.
    assert all(t.marker.opacity < 1 and t.marker.line.width > 0 for t in fig.data)


def test_season_year_chart_groups_seasons_per_year_in_calendar_order():
    frame = pl.DataFrame(
        {
            "year": [2025, 2025, 2026, None, 2025],
            "season": ["Fall", "Summer", "Summer", "Summer", "Not stated"],
            "postings": [1, 4, 2, 1, 3],
        }
    )
    fig = charts.season_year_chart(frame)
    assert [t.name for t in fig.data] == ["Summer", "Fall", "Not stated"]
    summer = dict(zip(fig.data[0].x, fig.data[0].y, strict=True))
    assert summer == {"2025": 4, "2026": 2, "(no year)": 1}
    assert fig.data[2].marker.color == charts.NEUTRAL


@pytest.mark.parametrize("builder", ["cooccurrence", "matrix"])
def test_heatmaps_put_the_biggest_rows_first_and_leave_absent_pairs_blank(builder):
    if builder == "cooccurrence":
        frame = pl.DataFrame(
            {"skill_a": ["Python", "Python"], "skill_b": ["SQL", "Go"], "postings": [4, 1]}
        )
        fig = charts.cooccurrence_heatmap(frame)
        heat = fig.data[0]
        assert list(heat.x) == ["Python", "SQL", "Go"]
        z = {(a, b): heat.z[j][i] for i, a in enumerate(heat.x) for j, b in enumerate(heat.y)}
        assert z[("Python", "SQL")] == z[("SQL", "Python")] == 4
        assert z[("SQL", "Go")] is None
    else:
        frame = pl.DataFrame(
            {"team": ["A", "B", "B"], "language": ["Go", "Go", "Java"], "postings": [1, 2, 5]}
        )
        fig = charts.matrix_heatmap(
            frame,
            row="team",
            column="language",
            title="t",
            row_label="Team",
            column_label="Language",
        )
        heat = fig.data[0]
        assert list(heat.y) == ["B", "A"] and list(heat.x) == ["Java", "Go"]
        assert heat.z[1][0] is None and heat.z[0][0] == 5


def test_missing_fields_chart_shows_shares_of_the_postings_in_view():
    frame = pl.DataFrame({"field": ["pay", "team"], "missing": [3, 1]})
    (bar,) = charts.missing_fields_chart(frame, total=4).data
    assert dict(zip(bar.y, bar.x, strict=True)) == {"Team": 25.0, "Pay": 75.0}


def test_posting_labels_are_unique_even_when_titles_repeat():
    frame = pl.DataFrame(
        {
            "posting_id": [7, 8, 9],
            "company": ["Acme", "Acme", None],
            "title": ["Intern", "Intern", "Intern"],
        }
    )
    assert charts.posting_labels(frame) == [
        "Acme · Intern #7",
        "Acme · Intern #8",
        "Company not stated · Intern",
    ]


def test_text_from_postings_reaches_plotly_escaped():
    hostile = '<a href="javascript:alert(1)">Red</a><img src=x onerror=alert(1)>'
    teams = charts.team_distribution_chart(pl.DataFrame({"team": [hostile], "postings": [1]}))
    (bar,) = teams.data
    assert "<" not in bar.y[0] and "&lt;a href" in bar.y[0]
    # The click target keeps the real name, so filtering by it still matches the warehouse.
    assert bar.customdata[0] == hostile
    pay = charts.pay_ranges_chart(
        pl.DataFrame(
            {
                "posting_id": [1],
                "company": ["<b>Evil</b>"],
                "title": ["%{x}<script>"],
                "team": [hostile],
                "currency": ["USD"],
                "period": ["hour"],
                "pay_min": [1.0],
                "pay_max": [2.0],
            }
        ),
        normalize_to=None,
    )
    (trace,) = pay.data
    assert "<" not in trace.y[0] and "<" not in trace.name
    assert "%{fullData.name}" in trace.hovertemplate and hostile not in trace.hovertemplate


def test_pay_units_keep_currencies_apart_and_merge_periods_only_when_normalising():
    coverage = pl.DataFrame(
        {
            "currency": ["USD", "USD", "CAD", "USD", "unknown", "not stated"],
            "period": ["hour", "year", "hour", "not stated", "hour", "not stated"],
            "postings": [5, 3, 2, 1, 1, 9],
        }
    )
    assert charts.pay_units(coverage, None) == [
        (("USD", "hour"), 5),
        (("USD", "year"), 3),
        (("CAD", "hour"), 2),
        (("USD", None), 1),
        ((None, "hour"), 1),
    ]
    # Normalised, a currency's stated periods merge; pay with no period cannot be converted.
    assert charts.pay_units(coverage, "year") == [
        (("USD", "year"), 8),
        (("CAD", "year"), 2),
        ((None, "year"), 1),
    ]


def test_long_names_are_cut_on_axes_so_one_cannot_squeeze_the_plot():
    name = "A very long team name that goes on and on and on"
    (bar,) = charts.team_distribution_chart(pl.DataFrame({"team": [name], "postings": [1]})).data
    assert len(bar.y[0]) <= charts.NAME_WIDTH and bar.y[0].endswith("…")
    assert bar.customdata[0] == name  # the click still filters by the full name


def test_pick_skills_keeps_one_category_and_the_most_named():
    frame = pl.DataFrame(
        {
            "name": ["SQL", "SQL", "React", "Vue", "Postgres"],
            "category": ["database", "database", "framework", "framework", "database"],
            "level": ["required", "preferred", "required", "preferred", "required"],
            "postings": [3, 2, 4, 1, 2],
        }
    )
    top_one = charts.pick_skills(frame, category=None, top=1)
    assert set(top_one["name"]) == {"SQL"}  # 3 + 2 postings beat React's 4
    databases = charts.pick_skills(frame, category="database", top=None)
    assert sorted(set(databases["name"])) == ["Postgres", "SQL"]
