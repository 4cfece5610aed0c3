"""Skills: which languages and skills the postings ask for, required vs preferred, by category,
and which are named together; one tab at a time, so a page load draws one chart."""

import streamlit as st

from dashboard import charts, data, ui
from warehouse import queries

SCOPES = {"Programming languages": "language", "Other skills": "skill", "Everything": None}
ALL_CATEGORIES = "All categories"
TOP = 20
DEMAND, PAIRS, BY_TEAM = "Demand", "Named together", "By team"
HEATMAP_SKILLS, HEATMAP_TEAMS = 15, 12  # the heatmaps' rows and columns

filters, actions = ui.page_start(
    "Skills and languages",
    "How many postings in view name each language or skill, stated as required or preferred.",
)
scope = st.segmented_control(
    "Show", list(SCOPES), default="Programming languages", key="skills_scope"
)
scope = scope or "Programming languages"
kind = SCOPES[scope]
view, tab = ui.open_tab([DEMAND, PAIRS, BY_TEAM], key="skills_view")

with tab:
    if view == DEMAND:
        demand = data.fetch(queries.skills_demand, filters, kind=kind, limit=None)
        categories = sorted(set(demand["category"].to_list()) - {"language"})
        controls = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
        category = None
        if kind != "language" and categories:
            picked = controls.selectbox(
                "Category",
                [ALL_CATEGORIES, *categories],
                key=f"skills_category_{kind}",
                width=320,
                persist_state="page",  # kept while another tab is open
            )
            category = None if picked == ALL_CATEGORIES else picked
        show_all = controls.toggle(
            "Show all",
            key="skills_show_all",
            help=f"Otherwise the top {TOP}.",
            persist_state="page",
        )
        top = None if show_all else TOP
        with actions:
            rows = data.deferred(queries.skills_demand, filters, kind=kind, limit=None)
            ui.download_csv(
                "skills",
                "skills.csv",
                lambda: charts.pick_skills(rows(), category=category, top=top),
                key="dl_skills",
            )
        title = f"{category or scope}: postings naming each ({'all' if show_all else f'top {TOP}'})"
        shown = charts.pick_skills(demand, category=category, top=top)
        ui.chart(charts.skills_demand_chart(shown, title=title), key="skills_demand")

    elif view == PAIRS:
        with actions:
            ui.download_csv(
                "skill pairs",
                "skill_pairs.csv",
                data.deferred(queries.skill_cooccurrence, filters, kind=kind, top=HEATMAP_SKILLS),
                key="dl_skills",
            )
        pairs = data.fetch(queries.skill_cooccurrence, filters, kind=kind, top=HEATMAP_SKILLS)
        title = f"{scope} named together (postings naming both; top {HEATMAP_SKILLS})"
        ui.chart(charts.cooccurrence_heatmap(pairs, title=title), key="skills_pairs")

    else:
        by_team_query = {"kind": kind, "top_teams": HEATMAP_TEAMS, "top_skills": HEATMAP_SKILLS}
        with actions:
            ui.download_csv(
                "skills by team",
                "skills_by_team.csv",
                data.deferred(queries.skills_by_team, filters, **by_team_query),
                key="dl_skills",
            )
        by_team = data.fetch(queries.skills_by_team, filters, **by_team_query)
        title = f"{scope} by team (postings; top {HEATMAP_TEAMS} teams × top {HEATMAP_SKILLS})"
        ui.chart(
            charts.matrix_heatmap(
                by_team,
                row="team",
                column="name",
                title=title,
                row_label="Team",
                column_label=scope,
            ),
            key="skills_by_team",
        )
