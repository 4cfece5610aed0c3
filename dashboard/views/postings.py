"""Postings: the filtered list (search, sort, pages) and one posting in full with its evidence."""

import math

import streamlit as st

from dashboard import data, detail, ui, urlstate, wording
from warehouse import queries

PAGE_SIZE = 50
SORTS = {
    "Newest first": ("posted_date", True),
    "Oldest first": ("posted_date", False),
    "Company": ("company", False),
    "Title": ("title", False),
    "Team": ("team", False),
    "Highest pay figure (any unit)": ("pay_max", True),
}
LIST_COLUMNS = ["company", "title", "team", "locations", "languages", "pay", "start_dates",
                "posted_date", "reposts"]  # fmt: skip

actions = ui.page_title("Postings", "Every posting in view. Select a row to read it in full.")
search_box, sort_box, page_box = st.columns([3, 1, 1], vertical_alignment="bottom")
searched = urlstate.changed_from_outside("search", ["q"])
if searched is not None:
    st.session_state["q"] = " ".join(searched.get("q", ()))
search = search_box.text_input("Search", key="q", placeholder="Company, title, team or location")
urlstate.write("search", {"q": [search] if search.strip() else []})
filters = ui.page_filters(search=search.strip())
with actions:
    ui.download_csv(
        "postings",
        "postings.csv",
        data.deferred(queries.postings_extract, filters),
        key="dl_postings",
    )
sort, descending = SORTS[sort_box.selectbox("Sort by", list(SORTS), key="postings_sort")]
found = ui.matching(filters)
pages = max(1, math.ceil(found / PAGE_SIZE))
page = page_box.number_input(f"Page (of {pages:,})", 1, pages, 1, key="postings_page")
offset = (min(page, pages) - 1) * PAGE_SIZE

listing = wording.with_pay_text(
    data.fetch(
        queries.postings_list,
        filters,
        sort=sort,
        descending=descending,
        limit=PAGE_SIZE,
        offset=offset,
    )
)
st.caption(f"{found:,} postings; {offset + 1:,}–{offset + listing.height:,} shown.")
picked = ui.table(
    listing,
    key="postings_table",
    on_select="rerun",
    selection_mode="single-row",
    column_config=ui.POSTING_COLUMNS,
    column_order=LIST_COLUMNS,
).selection.rows
picked_id = str(listing["posting_id"][picked[0]]) if picked and picked[0] < listing.height else ""
# Only a new pick changes the URL: after "back" the table still shows the old pick, and
# writing it again would undo the back button.
if picked_id and picked_id != st.session_state.get("postings_picked"):
    st.query_params["posting"] = picked_id
st.session_state["postings_picked"] = picked_id

chosen = st.query_params.get("posting", "")
record = data.fetch(queries.posting_detail, posting_id=int(chosen)) if chosen.isdigit() else None
if record is not None:
    posting = detail.posting_from_detail(record)
    st.divider()
    st.html(ui.heading_html(posting.title or "Untitled posting"))
    detail.show_posting(posting, url=record.fields["url"][0])
    if not record.duplicates.is_empty():
        st.caption(
            "Near-identical reposts of this posting (counted once with “Count reposts once”):"
        )
        ui.table(record.duplicates, column_config=ui.POSTING_COLUMNS)
elif chosen:
    st.warning("That posting is not in this warehouse (it may have been replaced).")
else:
    st.info("Select a posting in the list to see all its fields and its highlighted text.")
