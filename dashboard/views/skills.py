"""Skills: which languages and skills the postings ask for, required vs preferred, by category,
and which are named together."""

import streamlit as st

from dashboard import charts, data, ui
from warehouse import queries

SCOPES = {"Programming languages": "language", "Other skills": "skill", "Everything": None}
ALL_CATEGORIES = "All categories"
TOP = 20

filters, actions = ui.page_start(
    "Skills and languages",
    "How many postings in view name each language or skill, stated as required or preferred.",
)
scope_box, category_box, top_box = st.columns([3, 2, 1], vertical_alignment="bottom")
scope = scope_box.segmented_control(
    "Show", list(SCOPES), default="Programming languages", key="skills_scope"
)
kind = SCOPES[scope or "Programming languages"]
demand = data.fetch(queries.skills_demand, filters, kind=kind, limit=None)
categories = sorted(set(demand["category"].to_list()) - {"language"})
category = None
if kind != "language" and categories:
    picked = category_box.selectbox(
        "Category", [ALL_CATEGORIES, *categories], key=f"skills_category_{kind}"
    )
    category = None if picked == ALL_CATEGORIES else picked
show_all = top_box.toggle("Show all", key="skills_show_all", help=f"Otherwise the top {TOP}.")
top = None if show_all else TOP
with actions:
    rows = data.deferred(queries.skills_demand, filters, kind=kind, limit=None)
    ui.download_csv(
        "skills",
        "skills.csv",
        lambda: charts.pick_skills(rows(), category=category, top=top),
        key="dl_skills",
    )

what = category or scope or "Programming languages"
title = f"{what}: postings naming each ({'all' if show_all else f'top {TOP}'})"
shown = charts.pick_skills(demand, category=category, top=top)
ui.chart(charts.skills_demand_chart(shown, title=title), key="skills_demand")

left, right = st.columns(2)
with left:
    pairs = data.fetch(queries.skill_cooccurrence, filters, kind=kind, top=15)
    ui.chart(
        charts.cooccurrence_heatmap(pairs, title="Named together (postings naming both; top 15)"),
        key="skills_pairs",
    )
with right:
    by_team = data.fetch(queries.skills_by_team, filters, kind=kind, top_teams=12, top_skills=15)
    ui.chart(
        charts.matrix_heatmap(
            by_team,
            row="team",
            column="name",
            title="By team (postings; top 12 teams × top 15)",
            row_label="Team",
            column_label=scope or "Programming languages",
        ),
        key="skills_by_team",
    )
