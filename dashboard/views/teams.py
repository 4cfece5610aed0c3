"""Teams: how the postings in view spread over teams, and which languages each team names."""

import streamlit as st

from dashboard import charts, data, sidebar, ui
from warehouse import queries


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
        "teams", "teams.csv", data.deferred(queries.team_distribution, filters), key="dl_teams"
    )
distribution = data.fetch(queries.team_distribution, filters)
ui.chart(
    charts.team_distribution_chart(
        distribution, title="Postings per team (the 30 largest)", colors=ui.team_colors()
    ),
    key="teams_distribution",
    on_select=_filter_by_clicked_team,
    selection_mode="points",
)
matrix = data.fetch(queries.team_language_matrix, filters)
ui.chart(
    charts.matrix_heatmap(
        matrix,
        row="team",
        column="language",
        title="Languages named per team (postings)",
        row_label="Team",
        column_label="Programming language",
    ),
    key="teams_languages",
)
