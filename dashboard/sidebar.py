"""The sidebar filters every page shares, kept in the URL query string.

Each widget's key is its URL key: a link such as `/skills?team=A&team=B&language=Go` opens
with those selections, every change adds a browser-history entry (so the back button undoes
it), and the page links carry the filters to the next page. Pages read the result with
`current_filters()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import polars as pl
import streamlit as st

from dashboard import urlstate
from dashboard.wording import md_escape
from warehouse.filters import Filters


@dataclass(frozen=True)
class FilterWidget:
    """One multiselect: the `Filters` field it fills, its URL key, and its label."""

    field: str
    key: str
    label: str
    placeholder: str
    help: str = ""
    shown: Callable[[str], str] = str  # how an option reads (the URL keeps the value itself)


def _words(value: str) -> str:
    """ "full_time" -> "Full time"."""
    return value.replace("_", " ").capitalize()


def _per(period: str) -> str:
    return f"Per {period}"


# Team and Language first: the two questions people come with.
FILTER_WIDGETS: tuple[FilterWidget, ...] = (
    FilterWidget("teams", "team", "Team", "All teams"),
    FilterWidget(
        "languages", "language", "Language", "All languages", "Postings naming any of them."
    ),
    FilterWidget("companies", "company", "Company", "All companies"),
    FilterWidget("seasons", "season", "Season", "All seasons"),
    FilterWidget("years", "year", "Year", "All years", "Year of the internship or start."),
    FilterWidget("degrees", "degree", "Degree", "All degrees"),
    FilterWidget("locations", "location", "Location", "All locations"),
    FilterWidget(
        "employment_types", "employment_type", "Employment type", "All types", shown=_words
    ),
    FilterWidget(
        "pay_periods",
        "pay_period",
        "Pay period",
        "All periods",
        "Pay stated per this period.",
        shown=_per,
    ),
)
REPOSTS_KEY = "reposts_once"
REPOSTS_LABEL = "Count reposts once"
REPOSTS_URL_KEY, EVERY_REPOST = "reposts", "all"  # ?reposts=all: the switch is off
URL_KEYS = tuple(w.key for w in FILTER_WIDGETS) + (REPOSTS_URL_KEY,)
URL_SCOPE = "filters"
MORE_FILTERS_FROM = 2  # widgets after Team and Language sit behind a "More filters" button
SEASON_ORDER = ("Spring", "Summer", "Fall", "Winter")


def options_by_field(frame: pl.DataFrame) -> dict[str, list[str]]:
    """`filter_options` rows (field, value, postings; most frequent first) as lists per field.

    Years read best newest first and seasons in calendar order; the rest stay by frequency.
    """
    options: dict[str, list[str]] = {w.field: [] for w in FILTER_WIDGETS}
    for field, value in frame.select("field", "value").iter_rows():
        options.setdefault(field, []).append(value)
    options["years"] = sorted(
        options["years"], key=lambda y: (-int(y), y) if y.isdigit() else (0, y)
    )
    options["seasons"] = sorted(
        options["seasons"], key=lambda s: SEASON_ORDER.index(s) if s in SEASON_ORDER else 99
    )
    return options


def render_filters(options: Mapping[str, Sequence[str]]) -> Filters:
    """Draw the filter widgets in the sidebar (options per `Filters` field) and return the choice.

    A URL that changed from outside (opened link, back/forward) sets the widgets first; the
    choice is then written back to the URL.
    """
    from_url = urlstate.changed_from_outside(URL_SCOPE, URL_KEYS)
    ignored = _adopt(from_url, options) if from_url is not None else []
    with st.sidebar:
        st.markdown("**Filters**")
        for widget in FILTER_WIDGETS[:MORE_FILTERS_FROM]:
            _multiselect(widget, options)
        more = FILTER_WIDGETS[MORE_FILTERS_FROM:]
        active = sum(1 for w in more if st.session_state.get(w.key))
        # A popover, not an expander: its widgets are only drawn when opened, which keeps
        # every page load lighter; the label says when some of them are set.
        label = f"More filters ({active} set)" if active else "More filters"
        with st.popover(label, width="stretch", icon=":material/tune:", key="more_filters"):
            for widget in more:
                _multiselect(widget, options)
        st.session_state.setdefault(REPOSTS_KEY, True)
        st.toggle(
            REPOSTS_LABEL,
            key=REPOSTS_KEY,
            help="Near-identical reposts of one job count as one posting.",
        )
        for note in ignored:
            st.caption(md_escape(note))  # the values came from a URL anyone can write
    filters = current_filters()
    urlstate.write(URL_SCOPE, url_params(filters))
    return filters


def url_params(filters: Filters) -> dict[str, list[str]]:
    """The filters as URL query parameters (repeated keys), e.g. for page links."""
    params = {w.key: [str(v) for v in getattr(filters, w.field)] for w in FILTER_WIDGETS}
    params[REPOSTS_URL_KEY] = [] if filters.dedupe else [EVERY_REPOST]
    return params


def current_filters(search: str = "") -> Filters:
    """The filters chosen in this run's sidebar (pages call this after the sidebar is drawn)."""
    values = {w.field: tuple(st.session_state.get(w.key) or ()) for w in FILTER_WIDGETS}
    return Filters(**values, dedupe=bool(st.session_state.get(REPOSTS_KEY, True)), search=search)


def select_team(team: str) -> None:
    """Narrow the Team filter to one team (a chart click); call from a widget callback."""
    st.session_state["team"] = [team]


def describe(filters: Filters) -> list[str]:
    """The active filters in words, in sidebar order ("Team: A, B")."""
    widgets = {w.field: w for w in FILTER_WIDGETS}
    parts = []
    for name, value in filters.active().items():
        if name == "dedupe":
            parts.append("every repost counted")
        elif name == "search":
            parts.append(f"search: “{value}”")
        else:
            parts.append(f"{widgets[name].label}: {_shown(widgets[name], value)}")
    return parts


def _shown(widget: FilterWidget, values: Sequence[object]) -> str:
    return ", ".join(widget.shown(str(v)) for v in values)


def emptying_filter(filters: Filters, count: Callable[[Filters], int]) -> str | None:
    """Name the filter that empties the view: add the active ones in sidebar order, stop at 0.

    Returns e.g. "Language: Rust (together with Team: A)", or None when nothing is active.
    """
    steps = [(w.field, w.label, w) for w in FILTER_WIDGETS if getattr(filters, w.field)]
    if filters.search:
        steps.append(("search", "Search", None))
    applied = Filters(dedupe=filters.dedupe)
    before: list[str] = []
    for field, label, widget in steps:
        applied = replace(applied, **{field: getattr(filters, field)})
        value = getattr(filters, field)
        shown = f"“{value}”" if widget is None else _shown(widget, value)
        if count(applied) == 0:
            where = f" (together with {'; '.join(before)})" if before else ""
            return f"{label}: {shown}{where}"
        before.append(f"{label}: {shown}")
    return None


def _adopt(url: urlstate.UrlValues, options: Mapping[str, Sequence[str]]) -> list[str]:
    """Put the URL's values into the widgets; return notes on values this warehouse lacks."""
    notes = []
    for widget in FILTER_WIDGETS:
        known = set(options.get(widget.field, ()))
        wanted = list(dict.fromkeys(url.get(widget.key, ())))
        st.session_state[widget.key] = [v for v in wanted if v in known]
        unknown = [v for v in wanted if v not in known]
        if unknown:
            notes.append(f"Not in this warehouse, ignored: {widget.label} {', '.join(unknown)}")
    st.session_state[REPOSTS_KEY] = url.get(REPOSTS_URL_KEY) != (EVERY_REPOST,)
    return notes


def _multiselect(widget: FilterWidget, options: Mapping[str, Sequence[str]]) -> None:
    choices = list(options.get(widget.field, ()))
    chosen = st.session_state.get(widget.key)
    if chosen and not set(chosen) <= set(choices):  # the warehouse changed under the session
        st.session_state[widget.key] = [v for v in chosen if v in choices]
    st.multiselect(
        widget.label,
        choices,
        key=widget.key,
        placeholder=widget.placeholder if choices else "None in the warehouse",
        help=widget.help or None,
        format_func=widget.shown,
    )
