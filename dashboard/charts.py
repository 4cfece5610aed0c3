"""Chart builders: a Polars frame from `warehouse.queries` in, a Plotly figure out.

Pure functions (no `st.*`), so they are tested without a server. They reshape only what a
chart needs (pivot, top-N + "Other"); counting and filtering happen in the warehouse.
Text that came from postings (team, skill, title) is HTML-escaped before it reaches Plotly,
which would otherwise read `<a href>` and friends in labels.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Mapping, Sequence

import plotly.graph_objects as go
import polars as pl

from dashboard.wording import FIELD_LABELS

HOURS_PER_YEAR = 2080
NORMALISATION_NOTE = (
    f"Hourly ↔ yearly assumes {HOURS_PER_YEAR:,} paid hours a year (40 h × 52 weeks)."
)
OTHER = "Other teams"
NO_TEAM = "No team"
NOT_STATED = "Not stated"
COVERAGE_NONE, COVERAGE_UNKNOWN = "not stated", "unknown"  # how pay_coverage marks absences

# Distinct hues (Tableau 10 and D3, greys left out: grey means "other" or "not stated").
TEAM_PALETTE: tuple[str, ...] = (
    "#4E79A7", "#F28E2B", "#E15759", "#59A14F", "#B07AA1", "#EDC948", "#76B7B2", "#FF9DA7",
    "#9C755F", "#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#8C564B", "#E377C2", "#BCBD22",
    "#17BECF", "#FF7F0E",
)  # fmt: skip
LEVEL_COLORS = {"required": "#1f4e79", "preferred": "#8fb8de"}
SEASON_ORDER = ("Spring", "Summer", "Fall", "Winter")
SEASON_COLORS = {"Spring": "#59a14f", "Summer": "#f28e2b", "Fall": "#b6532f", "Winter": "#4e79a7"}
NEUTRAL = "#9a9a9a"
BAR_COLOR = LEVEL_COLORS["required"]
PERIODS = ("hour", "day", "week", "month", "year")
FONT = '"Source Sans Pro", "Source Sans 3", sans-serif'  # Streamlit's own, so charts match
AXIS_STYLE = {"gridcolor": "#eeeeee", "linecolor": "#cccccc", "zeroline": False}
NAME_WIDTH = 32  # characters of a team or skill name shown on an axis or legend
# Between stacked panels: room for tick labels, the x axis title and the next panel's title.
PANEL_GAP_PX = 100

TeamColors = Mapping[str, str]


def team_colors(teams_by_size: Sequence[str]) -> dict[str, str]:
    """Colours for a warehouse's teams, biggest first, so the main teams never share a colour.

    Pass the whole warehouse's team list (not the filtered one): a team then keeps its colour
    on every page and under every filter.
    """
    return {team: TEAM_PALETTE[i] for i, team in enumerate(teams_by_size[: len(TEAM_PALETTE)])}


def team_color(team: str | None, colors: TeamColors | None = None) -> str:
    """A team's colour: from `colors` when listed, else derived from its name; grey for none/other."""
    if not team or team in (OTHER, NO_TEAM):
        return NEUTRAL
    if colors and team in colors:
        return colors[team]
    digest = hashlib.blake2b(team.casefold().encode(), digest_size=4).digest()
    return TEAM_PALETTE[int.from_bytes(digest, "big") % len(TEAM_PALETTE)]


def empty_figure(title: str, message: str) -> go.Figure:
    """A titled, axis-less figure that says why there is nothing to draw."""
    note = {"text": message, "showarrow": False, "font": {"size": 15, "color": "#666"}}
    layout = {"annotations": [note], "xaxis": {"visible": False}, "yaxis": {"visible": False}}
    return _figure([], title, {**layout, "height": 240})


# --- skills --------------------------------------------------------------------------------


def pick_skills(frame: pl.DataFrame, *, category: str | None, top: int | None) -> pl.DataFrame:
    """The `skills_demand` rows a chart shows: one category (None = all), the `top` most
    demanded names (None = all). The CSV of the chart is these same rows."""
    if category is not None:
        frame = frame.filter(pl.col("category") == category)
    if top is None:
        return frame
    ranked = (
        frame.group_by("name")
        .agg(pl.col("postings").sum())
        .sort(["postings", "name"], descending=[True, False])
    )
    return frame.filter(pl.col("name").is_in(ranked["name"].head(top).to_list()))


def skills_demand_chart(frame: pl.DataFrame, title: str = "Skills in demand") -> go.Figure:
    """Horizontal bars, one per skill, stacked required + preferred, most-demanded on top.

    Columns: name, level ('required' | 'preferred'), postings.
    """
    if frame.is_empty():
        return empty_figure(title, "No posting in view names one.")
    wide = _pivot(
        frame, index="name", on="level", values="postings", columns=("required", "preferred")
    )
    wide = wide.with_columns(total=pl.col("required") + pl.col("preferred")).sort(
        ["total", "name"], descending=[False, True]
    )
    names = _names(wide["name"])
    bars = [
        {
            "type": "bar",
            "y": names,
            "x": wide[level].to_list(),
            "name": level.capitalize(),
            "orientation": "h",
            "marker": {"color": LEVEL_COLORS[level]},
            "hovertemplate": "%{y}: %{x:,} postings (%{fullData.name})<extra></extra>",
        }
        for level in ("required", "preferred")
    ]
    layout = {
        "barmode": "stack",
        "xaxis": _count_axis(int(wide["total"].max()), title="Postings naming it"),
        "height": _bar_height(wide.height),
        "legend": {"title": {"text": "Stated as"}, "traceorder": "normal"},
    }
    return _figure(bars, title, layout)


def cooccurrence_heatmap(frame: pl.DataFrame, title: str = "Skills named together") -> go.Figure:
    """Symmetric heatmap of how many postings name both. Columns: skill_a, skill_b, postings."""
    if frame.is_empty():
        return empty_figure(title, "No two of them are named in the same posting.")
    both_ways = pl.concat(
        [
            frame.select("skill_a", "skill_b", "postings"),
            frame.select(
                pl.col("skill_b").alias("skill_a"), pl.col("skill_a").alias("skill_b"), "postings"
            ),
        ]
    ).unique(subset=["skill_a", "skill_b"], keep="first")
    order = _order_by_total(both_ways, "skill_a", "postings")
    lookup = {(a, b): n for a, b, n in both_ways.iter_rows()}
    z = [[lookup.get((a, b)) for a in order] for b in order]
    heat = _heatmap(_names(order), _names(order), z, "%{x} + %{y}")
    layout = {
        "height": max(380, 24 * len(order) + 170),
        "xaxis": {"tickangle": -45, "automargin": True},
        "yaxis": {"autorange": "reversed"},
    }
    return _figure([heat], title, layout)


def matrix_heatmap(
    frame: pl.DataFrame,
    *,
    row: str,
    column: str,
    title: str,
    row_label: str,
    column_label: str,
    value: str = "postings",
) -> go.Figure:
    """A rows × columns heatmap of posting counts (team × language, team × skill)."""
    if frame.is_empty():
        return empty_figure(title, "Nothing to cross-tabulate in the postings in view.")
    rows = _order_by_total(frame, row, value)
    columns = _order_by_total(frame, column, value)
    # A zero is drawn as an empty cell: the eye should find the pairs that do occur.
    lookup = {(r, c): n for r, c, n in frame.select(row, column, value).iter_rows() if n}
    z = [[lookup.get((r, c)) for c in columns] for r in rows]
    hover = f"{_safe(row_label)} %{{y}} × %{{x}}"
    heat = _heatmap(_names(columns), _names(_label(r) for r in rows), z, hover)
    layout = {
        "xaxis": {"title": {"text": column_label}, "tickangle": -45, "automargin": True},
        # The row names say what they are (teams); an axis title would sit on top of them.
        "yaxis": {"autorange": "reversed"},
        "height": max(320, 30 * len(rows) + 190),
    }
    return _figure([heat], title, layout)


# --- teams and time --------------------------------------------------------------------------


def team_distribution_chart(
    frame: pl.DataFrame,
    title: str = "Postings per team",
    *,
    colors: TeamColors | None = None,
    top: int = 30,
) -> go.Figure:
    """One horizontal bar per team, biggest on top, in the team's colour; a click selects it.

    Columns: team, postings (several rows per team are summed). The bar's customdata is the
    team's real name ("" for the 'Other teams' and 'No team' bars, which are not filters).
    """
    if frame.is_empty():
        return empty_figure(title, "No posting in view names a team.")
    per_team = _top_teams(frame.select("team", "postings"), top).sort(
        ["postings", "team"], descending=[False, True]
    )
    teams = per_team["team"].to_list()
    bar = {
        "type": "bar",
        "y": _names(teams),
        "x": per_team["postings"].to_list(),
        "orientation": "h",
        "marker": {"color": [team_color(t, colors) for t in teams]},
        "customdata": ["" if t in (NO_TEAM, OTHER) else t for t in teams],
        "hovertemplate": "%{y}: %{x:,} postings<extra>click to filter</extra>",
    }
    layout = {
        "xaxis": _count_axis(int(per_team["postings"].max()), title="Postings"),
        "height": _bar_height(len(teams)),
        "showlegend": False,
    }
    return _figure([bar], title, layout)


def start_date_chart(
    frame: pl.DataFrame,
    title: str = "Start dates by team",
    *,
    colors: TeamColors | None = None,
    top_teams: int = 12,
) -> go.Figure:
    """A timeline: one row per team, a dot on each start date sized by the postings starting then.

    Columns: start, team, postings. Teams beyond the `top_teams` biggest share one row.
    """
    if frame.is_empty():
        return empty_figure(title, "No posting in view states a start date.")
    data = _top_teams(frame.select("start", "team", "postings"), top_teams, keep=["start"])
    teams = _order_by_total(data, "team", "postings")
    teams = [t for t in teams if t not in (OTHER, NO_TEAM)] + [
        t for t in (OTHER, NO_TEAM) if t in teams
    ]
    biggest = int(data["postings"].max())
    dots = []
    for team in teams:
        part = data.filter(pl.col("team") == team).sort("start")
        # NumPy arrays: Plotly checks them as a whole, not point by point (10x faster at
        # thousands of dates), and sends numbers as compact typed arrays.
        dots.append(
            {
                "type": "scatter",
                "x": part["start"].to_numpy(),
                "y": pl.repeat(_name(team), part.height, eager=True).to_numpy(),
                "mode": "markers",
                "name": _name(team),
                "marker": {
                    "size": part["postings"].to_numpy(),
                    "sizemode": "area",
                    "sizeref": 2 * biggest / 34**2,
                    "sizemin": 6,
                    "color": team_color(team, colors),
                    # Start dates a week apart overlap when the axis spans a year: see-through
                    # dots with an outline keep each one visible.
                    "opacity": 0.75,
                    "line": {"width": 1, "color": "white"},
                },
                "hovertemplate": "%{x|%a %d %b %Y}: %{marker.size:,} postings start"
                "<extra>%{fullData.name}</extra>",
            }
        )
    layout = {
        "xaxis": {"title": {"text": "Start date"}, "type": "date"},
        "yaxis": {"categoryorder": "array", "categoryarray": _names(reversed(teams))},
        "height": 150 + 44 * len(teams),
        "showlegend": False,
    }
    return _figure(dots, title, layout)


def season_year_chart(frame: pl.DataFrame, title: str = "Seasons by year") -> go.Figure:
    """Grouped bars: for each year, postings per season. Columns: year, season, postings.

    A null year shows as "(no year)"; a season of "Not stated" (or null) is drawn in grey last.
    """
    if frame.is_empty():
        return empty_figure(title, "No postings in view.")
    data = frame.with_columns(
        year=pl.col("year").cast(pl.String).fill_null("(no year)"),
        season=pl.col("season").fill_null(NOT_STATED),
    )
    years = sorted(set(data["year"].to_list()), key=lambda y: (not y.isdigit(), y))
    present = set(data["season"].to_list())
    seasons = [s for s in SEASON_ORDER if s in present] + sorted(present - set(SEASON_ORDER))
    bars = []
    for season in seasons:
        counts = dict(
            data.filter(pl.col("season") == season).select("year", "postings").iter_rows()
        )
        bars.append(
            {
                "type": "bar",
                "x": years,
                "y": [counts.get(year, 0) for year in years],
                "name": _safe(season),
                "marker": {"color": SEASON_COLORS.get(season, NEUTRAL)},
                "hovertemplate": "%{x}: %{y:,} postings<extra>%{fullData.name}</extra>",
            }
        )
    layout = {
        "barmode": "group",
        "xaxis": {"title": {"text": "Year of the internship or start"}, "type": "category"},
        "yaxis": _count_axis(int(data["postings"].max()), title="Postings"),
        "legend": {"title": {"text": "Season"}},
        "height": 380,
    }
    return _figure(bars, title, layout)


def durations_chart(frame: pl.DataFrame, title: str = "Stated durations") -> go.Figure:
    """One bar per stated length in weeks. Columns: duration_weeks, postings."""
    data = frame.filter(pl.col("duration_weeks").is_not_null()).sort("duration_weeks")
    if data.is_empty():
        return empty_figure(title, "No posting in view states a duration.")
    bar = {
        "type": "bar",
        "x": [str(w) for w in data["duration_weeks"].to_list()],
        "y": data["postings"].to_list(),
        "marker": {"color": BAR_COLOR},
        "hovertemplate": "%{x} weeks: %{y:,} postings<extra></extra>",
    }
    layout = {
        "xaxis": {"title": {"text": "Duration (weeks)"}, "type": "category"},
        "yaxis": _count_axis(int(data["postings"].max()), title="Postings"),
        "height": 380,
    }
    return _figure([bar], title, layout)


# --- pay -------------------------------------------------------------------------------------


Unit = tuple[str | None, str | None]  # (currency, period); None where the posting does not say


def pay_units(coverage: pl.DataFrame, normalize_to: str | None) -> list[tuple[Unit, int]]:
    """The units a pay chart can show and their postings, most postings first.

    From `pay_coverage` rows (currency, period, postings; "not stated" where there is no pay,
    currency "unknown" where pay has no currency). As stated, each currency and period is a
    unit; normalised, all of a currency's postings that state a period become one unit.
    """
    totals: dict[Unit, int] = {}
    for currency, period, postings in coverage.select("currency", "period", "postings").rows():
        if currency == COVERAGE_NONE or (normalize_to and period == COVERAGE_NONE):
            continue
        unit = (
            None if currency == COVERAGE_UNKNOWN else currency,
            normalize_to or (None if period == COVERAGE_NONE else period),
        )
        totals[unit] = totals.get(unit, 0) + postings
    return sorted(totals.items(), key=lambda item: (-item[1], item[0][0] or "~", item[0][1] or "~"))


def unit_text(unit: Unit) -> str:
    """ "USD per hour", "CAD (period not stated)"."""
    return _axis_text(*unit)


def pay_ranges_chart(
    frame: pl.DataFrame,
    *,
    normalize_to: str | None,
    unit: Unit | None = None,
    title: str = "Pay range per posting",
    colors: TeamColors | None = None,
) -> go.Figure:
    """Floating min–max bars, one per posting, coloured by team.

    Columns: posting_id, company, title, team, currency, period, pay_min, pay_max. Each
    currency and period gets its own panel and axis: figures in different units never share
    a scale.
    """
    shown = frame if unit is None else _unit_rows(frame, *unit)
    if shown.is_empty() and not frame.is_empty():
        # The rows were cut to the highest-paid before the unit was chosen.
        return empty_figure(title, f"None of the postings listed is in {unit_text(unit)}.")
    return _floating_pay_bars(
        shown.with_columns(label=pl.Series(posting_labels(shown), dtype=pl.String)),
        normalize_to=normalize_to,
        title=title,
        colors=colors,
    )


def pay_by_team_chart(
    frame: pl.DataFrame,
    *,
    normalize_to: str | None,
    unit: Unit | None = None,
    title: str = "Pay range per team",
    colors: TeamColors | None = None,
) -> go.Figure:
    """Per team, a bar from the lowest stated minimum to the highest maximum, median marked.

    Columns: team, currency, period, postings, pay_min, pay_max, and optionally median.
    """
    frame = frame if unit is None else _unit_rows(frame, *unit)
    labels = [
        f"{_name(_label(team))} ({postings:,})"
        for team, postings in frame.select("team", "postings").iter_rows()
    ]
    return _floating_pay_bars(
        frame.with_columns(label=pl.Series(labels, dtype=pl.String)),
        normalize_to=normalize_to,
        title=title,
        colors=colors,
        median_column="median" if "median" in frame.columns else None,
    )


def pay_distribution_chart(
    frame: pl.DataFrame,
    *,
    normalize_to: str | None,
    unit: Unit | None = None,
    title: str = "Pay distribution",
) -> go.Figure:
    """Histogram of posting pay midpoints, binned by the warehouse; a panel per currency/period.

    Columns: currency, period, bin_start, bin_end, postings.
    """
    frame = frame if unit is None else _unit_rows(frame, *unit)
    if frame.is_empty():
        return empty_figure(title, "No posting in view states pay.")
    units = _units(frame)
    panels = Panels(units, [200] * len(units))
    bars = []
    for index, (currency, period) in enumerate(units):
        part = _unit_rows(frame, currency, period).sort("bin_start")
        starts, ends = part["bin_start"].to_list(), part["bin_end"].to_list()
        low, high = min(starts), max(ends)
        single = high - low < max(abs(high), 1.0) * 1e-6  # every posting states the same pay
        width = max(abs(high) * 0.03, 0.5) if single else None
        bars.append(
            {
                "type": "bar",
                "x": [(s + e) / 2 for s, e in zip(starts, ends, strict=True)],
                "y": part["postings"].to_list(),
                "width": [width or (e - s) * 0.92 for s, e in zip(starts, ends, strict=True)],
                "customdata": list(zip(starts, ends, strict=True)),
                "marker": {"color": BAR_COLOR},
                "hovertemplate": "%{customdata[0]:,.2f} – %{customdata[1]:,.2f}: %{y:,} postings"
                "<extra></extra>",
                "showlegend": False,
                **panels.axes_of(index),
            }
        )
        x_range = [low - 8 * width, high + 8 * width] if single else None
        x_title = {
            "title": {"text": f"Midpoint of the stated range ({_unit_label(currency, period)})"}
        }
        panels.set_axes(
            index,
            x={**x_title, "range": x_range} if x_range else x_title,
            y=_count_axis(int(part["postings"].max()), title="Postings"),
        )
    layout = {**panels.layout(), "bargap": 0}
    return _figure(bars, title, layout, note=_normalisation_note(normalize_to))


# --- quality ---------------------------------------------------------------------------------


def missing_fields_chart(
    frame: pl.DataFrame, *, total: int, title: str = "Fields missing"
) -> go.Figure:
    """Share of the postings in view where each field is empty. Columns: field, missing."""
    if frame.is_empty() or total == 0:
        return empty_figure(title, "No postings in view.")
    data = frame.sort(["missing", "field"], descending=[False, True])
    share = [100 * n / total for n in data["missing"].to_list()]
    bar = {
        "type": "bar",
        "y": [FIELD_LABELS.get(f, f) for f in data["field"].to_list()],
        "x": share,
        "customdata": data["missing"].to_list(),
        "orientation": "h",
        "marker": {"color": BAR_COLOR},
        "text": [f"{n:,}" for n in data["missing"].to_list()],
        "textposition": "outside",
        "hovertemplate": "%{y}: missing in %{customdata:,} postings (%{x:.0f}%)<extra></extra>",
    }
    layout = {
        "xaxis": {
            "title": {"text": f"Postings missing it (% of the {total:,} in view)"},
            "range": [0, 105],
        },
        "height": _bar_height(data.height),
    }
    return _figure([bar], title, layout)


def readable_field_lists(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """The frame with a list column of field names shown as labels ("degree_levels" -> "Degree")."""
    return frame.with_columns(
        pl.col(column).list.eval(pl.element().replace(FIELD_LABELS)).alias(column)
    )


def posting_labels(frame: pl.DataFrame, width: int = 44) -> list[str]:
    """One unique, escaped axis label per posting row: "Company · Title" (+ id when repeated)."""
    names = [
        _shorten(f"{company or 'Company not stated'} · {title or 'Untitled'}", width)
        for company, title in frame.select("company", "title").iter_rows()
    ]
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    ids = frame["posting_id"].to_list()
    return [
        _safe(f"{name} #{pid}" if seen[name] > 1 else name)
        for name, pid in zip(names, ids, strict=True)
    ]


# --- helpers -------------------------------------------------------------------------------


def _floating_pay_bars(
    frame: pl.DataFrame,
    *,
    normalize_to: str | None,
    title: str,
    colors: TeamColors | None,
    median_column: str | None = None,
) -> go.Figure:
    """Min–max bars per row in `label` order, a panel per (currency, period).

    With a median column (one bar per team) the axis already names each team, so a panel is
    one trace; without it (one bar per posting) each team is a trace, giving a team legend.
    """
    if frame.is_empty():
        return empty_figure(title, "No posting in view states pay.")
    units = _units(frame)
    parts = [_unit_rows(frame, c, p).sort(["pay_max", "pay_min"]) for c, p in units]
    panels = Panels(units, [60 + 30 * part.height for part in parts])
    traces: list[dict] = []
    in_legend: set[str] = set()
    for index, ((currency, period), part) in enumerate(zip(units, parts, strict=True)):
        axes = panels.axes_of(index)
        unit = _safe(_axis_text(currency, period)).replace("%", "%%")
        rows = part.select("label", "team", "pay_min", "pay_max").rows()
        groups: dict[str, list[tuple]] = {}
        for row in rows:
            key = "" if median_column else _label(row[1])
            groups.setdefault(key, []).append(row)
        for team, members in groups.items():
            traces.append(
                {
                    "type": "bar",
                    "y": [m[0] for m in members],
                    "x": [m[3] - m[2] for m in members],
                    "base": [m[2] for m in members],
                    "orientation": "h",
                    "marker": {"color": [team_color(_label(m[1]), colors) for m in members]},
                    "customdata": [(m[2], m[3]) for m in members],
                    "hovertemplate": "%{y}<br>%{customdata[0]:,.2f} – %{customdata[1]:,.2f} "
                    + unit
                    + ("<extra></extra>" if median_column else "<extra>%{fullData.name}</extra>"),
                    **(
                        {"showlegend": False}
                        if median_column
                        else {
                            "name": _name(team),
                            "legendgroup": _name(team),
                            "showlegend": team not in in_legend,
                        }
                    ),
                    **axes,
                }
            )
            in_legend.add(team)
        if median_column:
            traces.append(
                {
                    "type": "scatter",
                    "y": part["label"].to_list(),
                    "x": part[median_column].to_list(),
                    "mode": "markers",
                    "marker": {
                        "symbol": "line-ns",
                        "size": 18,
                        "line": {"width": 3, "color": "#222"},
                    },
                    "name": "Median of midpoints",
                    "legendgroup": "median",
                    "showlegend": index == 0,
                    "hovertemplate": "median %{x:,.2f}<extra></extra>",
                    **axes,
                }
            )
        panels.set_axes(
            index,
            x={
                "title": {"text": f"Pay ({_unit_label(currency, period)})"},
                "range": _padded_range(part["pay_min"].min(), part["pay_max"].max()),
            },
            y={"categoryorder": "array", "categoryarray": part["label"].to_list()},
        )
    layout = {
        **panels.layout(),
        "barmode": "overlay",
        "bargap": 0.25,
        # Traces are added bottom bar first; the legend lists them top first, like the bars.
        "legend": {"title": {"text": "" if median_column else "Team"}, "traceorder": "reversed"},
    }
    return _figure(traces, title, layout, note=_normalisation_note(normalize_to))


class Panels:
    """Panels stacked top to bottom, one per (currency, period), heights in pixels.

    Each panel has its own x and y axis and a title naming its unit ("USD per hour"). Laid out
    by hand: `make_subplots` costs more than the rest of the chart.
    """

    def __init__(self, units: list[tuple[str | None, str | None]], heights: list[int]):
        self.units, self.heights = units, heights
        self.plot_height = sum(heights) + PANEL_GAP_PX * (len(heights) - 1)
        self._axes: dict[str, dict] = {}
        self._titles: list[dict] = []

    def axes_of(self, index: int) -> dict[str, str]:
        """The trace keys placing a trace in panel `index` (0 = top)."""
        suffix = "" if index == 0 else str(index + 1)
        return {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}

    def set_axes(self, index: int, *, x: dict, y: dict) -> None:
        """Place panel `index`'s axes (with these extra settings) and title it with its unit."""
        suffix = "" if index == 0 else str(index + 1)
        top = self.plot_height - sum(self.heights[:index]) - PANEL_GAP_PX * index
        bottom = top - self.heights[index]
        self._axes[f"xaxis{suffix}"] = {**x, "anchor": f"y{suffix}", "domain": [0, 1]}
        self._axes[f"yaxis{suffix}"] = {
            **y,
            "anchor": f"x{suffix}",
            "domain": [bottom / self.plot_height, top / self.plot_height],
        }
        self._titles.append(
            {
                "text": _safe(_unit_text(*self.units[index])),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": top / self.plot_height,
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 15},
            }
        )

    def layout(self) -> dict:
        """Axes, panel titles, the figure height and margins (a title and subtitle on top,
        the bottom panel's axis title below)."""
        return {
            **self._axes,
            "annotations": self._titles,
            "height": self.plot_height + 110 + 80 + 30,
            "margin": {"l": 10, "r": 10, "t": 110, "b": 80},
        }


def _units(frame: pl.DataFrame) -> list[tuple[str | None, str | None]]:
    """The (currency, period) pairs present, most rows first: one panel and axis each."""
    counts = frame.group_by("currency", "period").agg(pl.col("currency").len().alias("n"))
    pairs = [(c, p, n) for c, p, n in counts.iter_rows()]
    pairs.sort(key=lambda t: (-t[2], t[0] or "~", PERIODS.index(t[1]) if t[1] in PERIODS else 9))
    return [(c, p) for c, p, _ in pairs]


def _unit_rows(frame: pl.DataFrame, currency: str | None, period: str | None) -> pl.DataFrame:
    return frame.filter(_is(pl.col("currency"), currency) & _is(pl.col("period"), period))


def _unit_text(currency: str | None, period: str | None) -> str:
    return _axis_text(currency, period)


def _axis_text(currency: str | None, period: str | None) -> str:
    money = currency or "Currency not stated"
    return f"{money} per {period}" if period in PERIODS else f"{money} (period not stated)"


def _unit_label(currency: str | None, period: str | None) -> str:
    """A pay unit as an axis title shows it (escaped: a currency is posting text)."""
    return _safe(_axis_text(currency, period))


def _normalisation_note(normalize_to: str | None) -> str:
    if normalize_to is None:
        return "Pay as the postings state it (no conversion between periods)."
    return f"Normalised to pay per {normalize_to}. {NORMALISATION_NOTE}"


def _padded_range(low: float, high: float) -> list[float]:
    """An x range around [low, high] with room either side; never below 0 for positive pay."""
    pad = (high - low) * 0.08 if high > low else max(abs(high) * 0.1, 1.0)
    start = low - pad
    return [max(start, 0.0) if low >= 0 else start, high + pad]


def _heatmap(x: list[str], y: list[str], z: list[list], hover: str) -> dict:
    cells = len(x) * len(y)
    largest = max((v for row in z for v in row if v is not None), default=1)
    colorbar: dict = {"title": {"text": "Postings"}, "tickformat": ",d"}
    if largest <= 10:
        colorbar["dtick"] = 1
    # The scale starts at 0, so a single posting is visibly blue, not white.
    return {
        "type": "heatmap",
        "x": x,
        "y": y,
        "z": z,
        "zmin": 0,
        "zmax": max(largest, 1),
        "colorscale": [[0.0, "#f4f8fc"], [0.15, "#c6dbef"], [1.0, "#08306b"]],
        "colorbar": colorbar,
        "texttemplate": "%{z:,}" if cells <= 150 else None,  # numbers in cells cost SVG nodes
        "hovertemplate": hover + ": %{z:,} postings<extra></extra>",
        "hoverongaps": False,
        "xgap": 1,
        "ygap": 1,
    }


def _count_axis(largest: int, *, title: str) -> dict:
    """An axis of posting counts: whole numbers only, no 0.5 ticks on small charts."""
    axis: dict = {"title": {"text": title}, "tickformat": ",d", "rangemode": "tozero"}
    if largest <= 10:
        axis["dtick"] = 1
    return axis


def _pivot(
    frame: pl.DataFrame, *, index: str, on: str, values: str, columns: Sequence[str]
) -> pl.DataFrame:
    wide = frame.pivot(on=on, index=index, values=values, aggregate_function="sum")
    for column in columns:
        if column not in wide.columns:
            wide = wide.with_columns(pl.lit(0, dtype=pl.Int64).alias(column))
    return wide.with_columns([pl.col(c).fill_null(0) for c in columns])


def _top_teams(frame: pl.DataFrame, top: int, keep: Sequence[str] = ()) -> pl.DataFrame:
    """Sum per team (and `keep` columns); teams beyond the `top` biggest become 'Other teams'."""
    named = frame.with_columns(team=pl.col("team").fill_null(NO_TEAM))
    ranked = [t for t in _order_by_total(named, "team", "postings") if t not in (OTHER, NO_TEAM)]
    if len(ranked) > top:
        kept = [*ranked[:top], NO_TEAM]
        named = named.with_columns(
            team=pl.when(pl.col("team").is_in(kept)).then("team").otherwise(pl.lit(OTHER))
        )
    return named.group_by(["team", *keep], maintain_order=True).agg(pl.col("postings").sum())


def _order_by_total(frame: pl.DataFrame, column: str, value: str) -> list:
    totals = frame.group_by(column).agg(pl.col(value).sum()).to_dicts()
    totals.sort(key=lambda r: (-r[value], r[column] is None, str(r[column])))
    return [r[column] for r in totals]


def _is(column: pl.Expr, value: object) -> pl.Expr:
    return column.is_null() if value is None else column == value


def _safe(text: object) -> str:
    """Plotly reads <b>, <a href> and friends in labels: data text is escaped before use."""
    return html.escape(str(text), quote=False)


def _safe_list(values: Iterable[object]) -> list[str]:
    return [_safe(v) for v in values]


def _name(text: object) -> str:
    """A team or skill name as a label: escaped, and cut so one long name cannot squeeze the
    plot (the full name is in the tables and the CSV)."""
    return _safe(_shorten(str(text), NAME_WIDTH))


def _names(values: Iterable[object]) -> list[str]:
    return [_name(v) for v in values]


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label(team: str | None) -> str:
    return NO_TEAM if team is None else team


def _bar_height(bars: int) -> int:
    return max(300, 28 * bars + 150)


def _figure(traces: list[dict], title: str, layout: dict, *, note: str | None = None) -> go.Figure:
    """Build the figure once from plain dicts (Plotly validates every update; one pass is fast).

    The look is set here, not by a Plotly template (validating one costs more than the chart)
    nor by Streamlit's chart theme (restyling in the browser slows every page load).
    """
    heading: dict = {
        "text": title,
        "font": {"size": 16, "weight": 600},
        "x": 0,
        "xanchor": "left",
    }
    if note:
        heading["subtitle"] = {"text": note, "font": {"size": 13, "color": "#555"}}
    style = {
        "title": heading,
        "font": {"size": 12, "family": FONT, "color": "#31333f"},
        "margin": {"l": 10, "r": 10, "b": 50, "t": 110 if note else 70},
        "hoverlabel": {"namelength": -1},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
    }
    merged = {**style, **layout}
    axes = {key for key in merged if key.startswith(("xaxis", "yaxis"))} | {"xaxis", "yaxis"}
    for name in axes:
        # Room for long category names on y; x labels are short unless a chart says so
        # (each automargin costs the browser another layout pass).
        own = {"automargin": True} if name.startswith("yaxis") else {}
        merged[name] = {**AXIS_STYLE, **own, **merged.get(name, {})}
    return go.Figure(data=traces, layout=merged)
