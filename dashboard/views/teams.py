"""Teams: how the postings in view spread over teams, and which languages each team names."""

import streamlit as st

from dashboard import charts, data, sidebar, ui
from warehouse import queries

TOP_TEAMS = 30  # bars in the distribution
MATRIX_TEAMS, MATRIX_LANGUAGES = 15, 12  # rows and columns of the team × language matrix


def _filter_by_clicked_team() -> None:
    points = st.session_state["teams_distribution"].selection.points
    team = points[0].get("customdata") if points else None
    if team:
        sidebar.select_team(team)


filters, actions = ui.page_start(
    "Teams", "Postings per team. Click a team's bar to filter every page to that team."
)
with actions:
    ui.download_csv(
        "teams",
        "teams.csv",
        data.deferred(queries.team_distribution, filters, limit=TOP_TEAMS),
        key="dl_teams",
    )
# One row more than the chart shows tells whether the chart leaves teams out.
distribution = data.fetch(queries.team_distribution, filters, limit=TOP_TEAMS + 1)
teams = distribution.height
title = "Postings per team" + (f" (the {TOP_TEAMS} largest)" if teams > TOP_TEAMS else "")
distribution = distribution.head(TOP_TEAMS)
ui.chart(
    charts.team_distribution_chart(
        distribution, title=title, colors=ui.team_colors(), top=TOP_TEAMS
    ),
    key="teams_distribution",
    on_select=_filter_by_clicked_team,
    selection_mode="points",
)

matrix_query = {"top_teams": MATRIX_TEAMS, "top_languages": MATRIX_LANGUAGES}
_, button = st.columns([5, 2])
with button:
    ui.download_csv(
        "team × language",
        "team_languages.csv",
        data.deferred(queries.team_language_matrix, filters, **matrix_query),
        key="dl_team_languages",
    )
matrix = data.fetch(queries.team_language_matrix, filters, **matrix_query)
cut = [f"the {MATRIX_TEAMS} largest teams"] if teams > MATRIX_TEAMS else []
if matrix["language"].n_unique() >= MATRIX_LANGUAGES:
    cut.append(f"the {MATRIX_LANGUAGES} most named languages")
ui.chart(
    charts.matrix_heatmap(
        matrix,
        row="team",
        column="language",
        title="; ".join(["Languages named per team (postings naming each", *cut]) + ")",
        row_label="Team",
        column_label="Programming language",
    ),
    key="teams_languages",
)
