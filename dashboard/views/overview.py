"""Overview: how many postings, companies and teams are in view, pay coverage, the newest ones."""

import streamlit as st

from dashboard import data, ui, wording
from warehouse import queries

filters, actions = ui.page_start(
    "Overview", "The postings in view at a glance. Narrow them with the filters in the sidebar."
)
with actions:
    ui.download_csv(
        "postings",
        "postings.csv",
        data.deferred(queries.postings_extract, filters),
        key="dl_overview",
    )

summary = data.fetch(queries.overview, filters).row(0, named=True)
postings, companies, teams, pay = st.columns(4)
postings.metric("Postings", f"{summary['postings']:,}")
companies.metric("Companies", f"{summary['companies']:,}")
teams.metric("Teams", f"{summary['teams']:,}")
pay.metric(
    "Pay stated",
    f"{summary['with_pay']:,} of {summary['postings']:,}",
    help=f"{summary['with_pay'] / max(summary['postings'], 1):.0%} of the postings in view "
    "state a pay figure or range.",
)
st.caption(wording.overview_sentence(summary))

st.subheader("Newest postings")
newest = wording.with_pay_text(data.fetch(queries.newest_postings, filters, limit=10))
ui.table(
    newest,
    column_config=ui.POSTING_COLUMNS,
    column_order=["posted_date", "company", "title", "team", "locations", "pay"],
)

st.subheader("What the warehouse holds")
st.markdown(wording.warehouse_sentence(data.fetch(queries.warehouse_info).row(0, named=True)))
