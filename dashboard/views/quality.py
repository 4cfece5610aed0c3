"""Data quality: which fields the parser could not fill, files it rejected, and repost groups."""

import streamlit as st

from dashboard import charts, data, ui, wording
from warehouse import queries

GROUP_COLUMNS = {
    "dup_group": st.column_config.NumberColumn("Group", format="%d"),
    "postings": st.column_config.NumberColumn("Copies", format="%d"),
    "company": "Company",
    "title": "Title",
    "first_posted": st.column_config.DateColumn("First posted"),
    "last_posted": st.column_config.DateColumn("Last posted"),
    "posting_ids": st.column_config.ListColumn("Posting ids"),
    "sources": st.column_config.ListColumn("Sources"),
}
GAPS_SHOWN = 50
GAP_COLUMNS = {
    "posting_id": None,
    "link": st.column_config.LinkColumn(
        "Posting", display_text=r"posting=(\d+)$", help="Opens the posting with its text"
    ),
    "company": "Company",
    "title": st.column_config.TextColumn("Title", width="medium"),
    "missing": st.column_config.NumberColumn("Empty fields", format="%d"),
    "missing_fields": st.column_config.ListColumn("Which", width="large"),
}
REJECTED_COLUMNS = {
    "source": "File",
    "locator": "Record",
    "reason": st.column_config.TextColumn("Why it was rejected", width="large"),
    "first_seen": st.column_config.DatetimeColumn("First seen", format="YYYY-MM-DD HH:mm"),
    "last_seen": st.column_config.DatetimeColumn("Last seen", format="YYYY-MM-DD HH:mm"),
    "last_run": None,
}

filters, actions = ui.page_start(
    "Data quality",
    "What the parser could not find in the postings in view, files that could not be read, "
    "and reposts grouped as one.",
)
with actions:
    ui.download_csv(
        "missing fields",
        "missing_fields.csv",
        data.deferred(queries.missing_fields, filters),
        key="dl_missing",
    )
missing = data.fetch(queries.missing_fields, filters)
total = int(missing["present"][0] + missing["missing"][0]) if missing.height else 0
ui.chart(
    charts.missing_fields_chart(missing, total=total, title="Fields the parser left empty"),
    key="quality_missing",
)

heading, button = st.columns([5, 2], vertical_alignment="bottom")
heading.subheader("Postings with the most gaps")
with button:
    ui.download_csv(
        "postings with gaps",
        "postings_with_gaps.csv",
        data.deferred(queries.postings_missing_fields, filters, limit=None),
        key="dl_gaps",
    )
gaps = data.fetch(queries.postings_missing_fields, filters, limit=GAPS_SHOWN)
if gaps.is_empty():
    st.caption("Every posting in view has every field filled in.")
else:
    st.caption(
        f"The {gaps.height:,} postings in view with the most empty fields "
        "(the CSV lists every posting with a gap). Click a posting's number to read its text."
    )
    ui.table(
        wording.with_posting_links(charts.readable_field_lists(gaps, "missing_fields")),
        column_config=GAP_COLUMNS,
        column_order=["link", *(c for c in GAP_COLUMNS if c not in ("posting_id", "link"))],
    )

heading, button = st.columns([5, 2], vertical_alignment="bottom")
heading.subheader("Rejected files")
with button:
    ui.download_csv(
        "rejected files",
        "rejected.csv",
        data.deferred(queries.rejected_documents),
        key="dl_rejected",
    )
rejected = data.fetch(queries.rejected_documents)
if rejected.is_empty():
    st.caption("Every file read so far became a posting.")
else:
    st.caption(f"{rejected.height:,} files or records could not become postings.")
    # A whole file that was rejected has no record inside it: its cell stays blank.
    ui.table(rejected, column_config=REJECTED_COLUMNS, placeholder="")

heading, button = st.columns([5, 2], vertical_alignment="bottom")
heading.subheader("Repost groups")
with button:
    ui.download_csv(
        "repost groups",
        "repost_groups.csv",
        data.deferred(queries.duplicate_groups, filters),
        key="dl_groups",
    )
groups = data.fetch(queries.duplicate_groups, filters)
if groups.is_empty():
    st.caption("No near-identical reposts among the postings in view.")
else:
    st.caption(
        "Near-identical postings grouped together. With “Count reposts once” on, each group "
        "counts as one posting everywhere."
    )
    ui.table(groups, column_config=GROUP_COLUMNS)
