"""What every page does the same way: the header, the empty state, charts and CSV buttons."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import charts, data, sidebar, urlstate
from dashboard.wording import NOT_STATED, md_escape
from warehouse import queries
from warehouse.csv_export import frame_to_csv_bytes
from warehouse.filters import Filters

PAY_FORMAT = "localized"  # 42.5 and 120,000 both read naturally
# How posting tables look everywhere: ids hidden, lists as chips, pay as plain numbers.
POSTING_COLUMNS: dict[str, Any] = {
    "posting_id": None,
    "company": "Company",
    "title": st.column_config.TextColumn("Title", width="medium"),
    "team": "Team",
    "locations": st.column_config.ListColumn("Locations"),
    "employment_type": "Type",
    "season": "Season",
    "year": st.column_config.NumberColumn("Year", format="%d"),
    "degree_levels": st.column_config.ListColumn("Degrees"),
    "languages": st.column_config.ListColumn("Languages"),
    "pay": st.column_config.TextColumn("Pay"),
    "pay_min": st.column_config.NumberColumn("Pay from", format=PAY_FORMAT),
    "pay_max": st.column_config.NumberColumn("Pay to", format=PAY_FORMAT),
    "pay_currency": "Currency",
    "pay_period": "Per",
    "start_dates": st.column_config.ListColumn("Start dates"),
    "duration_weeks": st.column_config.NumberColumn("Weeks", format="%d"),
    "posted_date": st.column_config.DateColumn("Posted"),
    "reposts": st.column_config.NumberColumn("Copies", format="%d", help="Near-identical reposts"),
    "source": "Source",
}
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
TAB_URL_KEY = "view"  # ?view=Distribution opens that tab; the first tab leaves the key out


def page_start(title: str, lead: str) -> tuple[Filters, DeltaGenerator]:
    """Title the page; return its filters and the header's action slot (for the CSV button).

    Stops the page with a clear message when there is no warehouse or nothing matches.
    """
    actions = page_title(title, lead)
    return page_filters(), actions


def page_title(title: str, lead: str) -> DeltaGenerator:
    """The page's title and lead, and an empty slot at the right of the title for actions."""
    heading, actions = st.columns([5, 2], vertical_alignment="bottom")
    heading.title(title)
    st.caption(lead)
    if not data.warehouse_exists():
        st.info(
            f"There is no warehouse at `{data.db_path()}` yet. Load postings with "
            "`jobdash ingest PATH…`, or paste one on the **Add postings** page."
        )
        st.stop()
    return actions


def page_filters(search: str = "") -> Filters:
    """The sidebar's filters (plus the page's search); stops the page when they match nothing."""
    filters = sidebar.current_filters(search=search)
    if matching(filters) == 0:
        show_empty_state(filters)
        st.stop()
    return filters


def matching(filters: Filters) -> int:
    """How many postings the filters keep."""
    return int(data.fetch(queries.count_postings, filters)["matching"][0])


def team_colors() -> dict[str, str]:
    """Each team's colour, from the whole warehouse's team ranking (same under every filter)."""
    options = data.fetch(queries.filter_options, Filters())
    teams = options.filter(pl.col("field") == "teams")["value"].to_list()
    return charts.team_colors(teams)


def show_empty_state(filters: Filters) -> None:
    """Say which filter emptied the view, so the person knows what to undo."""
    if not filters.active():
        st.info("The warehouse holds no postings yet. Add some on the **Add postings** page.")
        return
    culprit = sidebar.emptying_filter(filters, matching)
    if culprit:
        st.warning(f"No postings match. The filter that leaves none: {md_escape(culprit)}.")
    else:
        described = "; ".join(sidebar.describe(filters))
        st.warning(f"No postings match these filters: {md_escape(described)}")


def heading_html(text: str) -> str:
    """A section heading for data text (a posting title), escaped, for `st.html`."""
    return f'<h3 style="margin:0.4em 0 0.2em">{html.escape(text)}</h3>'


def chart(fig: go.Figure, *, key: str, **kwargs: Any) -> Any:
    """Draw a Plotly figure at full width (kwargs go to `st.plotly_chart`, e.g. on_select)."""
    return st.plotly_chart(
        fig, width="stretch", config=PLOTLY_CONFIG, key=key, theme=None, **kwargs
    )


def open_tab(labels: Sequence[str], *, key: str) -> tuple[str, DeltaGenerator]:
    """Tabs that run lazily: returns the open tab's label and container; fill only that one.

    The open tab lives in the URL (`?view=Per posting`) the way the filters do (see
    `urlstate`): a link opens that tab and the back button returns to the previous one. Not
    `bind="query-params"`: a bound key may not be written through `st.query_params`, which
    the sidebar does on every filter change (keeping other keys), so it would raise there.
    """
    from_url = urlstate.changed_from_outside(key, [TAB_URL_KEY])
    if from_url is None and key not in st.session_state:
        from_url = urlstate.read([TAB_URL_KEY])  # back from another page, which forgot the tab
    if from_url is not None:  # first visit, a link, back/forward: the URL decides
        wanted = from_url.get(TAB_URL_KEY, ())
        st.session_state[key] = wanted[0] if wanted and wanted[0] in labels else labels[0]
    tabs = st.tabs(labels, key=key, on_change="rerun")
    label, container = next((lb, t) for lb, t in zip(labels, tabs, strict=True) if t.open)
    urlstate.write(key, {TAB_URL_KEY: [] if label == labels[0] else [label]})
    return label, container


def download_csv(what: str, file_name: str, rows: Callable[[], pl.DataFrame], *, key: str) -> None:
    """A "Download <what> CSV" button; the rows are queried and encoded only when clicked."""
    st.download_button(
        f"Download {what} CSV",
        data=lambda: frame_to_csv_bytes(rows()),
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def table(frame: pl.DataFrame, *, placeholder: str = NOT_STATED, **kwargs: Any) -> Any:
    """A read-only table without the index column; a missing value reads "not stated"
    (Streamlit would print "None")."""
    return st.dataframe(frame, hide_index=True, width="stretch", placeholder=placeholder, **kwargs)
