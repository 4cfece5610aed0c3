"""Start dates: every stated start date on a timeline by team, seasons per year, durations;
one tab at a time, so a page load draws one chart."""

import streamlit as st

from dashboard import charts, data, ui
from warehouse import queries

GRAINS = {"Day": "day", "Week": "week", "Month": "month"}
AUTO = "Auto"
# Dots a browser draws quickly; beyond this the timeline groups dates more coarsely.
MOST_DOTS = 1500
TIMELINE, SEASONS, DURATIONS = "Timeline", "Seasons by year", "Durations"

filters, actions = ui.page_start(
    "Start dates",
    "When the jobs in view start. Each dot is a start date stated by a team's postings; the "
    "bigger the dot, the more postings start then.",
)
view, tab = ui.open_tab([TIMELINE, SEASONS, DURATIONS], key="start_dates_view")

with tab:
    if view == TIMELINE:
        choice = st.segmented_control(
            "Group start dates by",
            [AUTO, *GRAINS],
            default=AUTO,
            key="grain",
            help=f"Auto shows each day when that makes at most {MOST_DOTS:,} dots, else weeks "
            "or months.",
            persist_state="page",  # kept while another tab is open
        )
        weeks = data.fetch(queries.start_date_cohorts, filters, grain="week")
        if choice in GRAINS:
            grain = GRAINS[choice]
        elif weeks.height * 7 <= MOST_DOTS:  # a week's dots split into at most 7 days
            grain = "day"
        else:
            grain = "week" if weeks.height <= MOST_DOTS else "month"
        cohorts = (
            weeks
            if grain == "week"
            else data.fetch(queries.start_date_cohorts, filters, grain=grain)
        )
        with actions:
            ui.download_csv(
                "start dates",
                "start_dates.csv",
                data.deferred(queries.start_date_cohorts, filters, grain=grain),
                key="dl_start_dates",
            )
        if choice == AUTO and grain != "day":
            st.caption(
                f"Too many start dates to show each day: grouped per {grain}. "
                "Narrow the filters or pick Day."
            )
        ui.chart(
            charts.start_date_chart(
                cohorts,
                title=f"Start dates by team (postings per {grain})",
                colors=ui.team_colors(),
            ),
            key="start_cohorts",
        )

    elif view == SEASONS:
        with actions:
            ui.download_csv(
                "seasons by year",
                "seasons_by_year.csv",
                data.deferred(queries.season_years, filters),
                key="dl_start_dates",
            )
        ui.chart(charts.season_year_chart(data.fetch(queries.season_years, filters)), key="seasons")

    else:
        with actions:
            ui.download_csv(
                "durations",
                "durations.csv",
                data.deferred(queries.durations, filters),
                key="dl_start_dates",
            )
        ui.chart(charts.durations_chart(data.fetch(queries.durations, filters)), key="durations")
