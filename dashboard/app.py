"""Jobdash dashboard: the one entry point (`jobdash serve` runs `streamlit run` on this file).

Pages live in `dashboard/views/` (not `pages/`, which would switch Streamlit to its legacy
multipage mode). The sidebar filters are drawn here, before the page, so every page shares
them and they survive page changes.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import data, sidebar
from warehouse import queries
from warehouse.filters import Filters

VIEWS = Path(__file__).resolve().parent / "views"

# (file, title, url path, icon): the URL paths are part of the product (links are shared).
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("overview.py", "Overview", "", ":material/dashboard:"),
    ("skills.py", "Skills", "skills", ":material/code:"),
    ("pay.py", "Pay", "pay", ":material/payments:"),
    ("start_dates.py", "Start dates", "start-dates", ":material/event:"),
    ("teams.py", "Teams", "teams", ":material/groups:"),
    ("postings.py", "Postings", "postings", ":material/list_alt:"),
    ("quality.py", "Data quality", "quality", ":material/fact_check:"),
    ("add.py", "Add postings", "add", ":material/note_add:"),
)


def build_pages() -> list[st.Page]:
    return [
        st.Page(
            VIEWS / file,
            title=title,
            icon=icon,
            url_path=url_path or None,
            default=not url_path,
        )
        for file, title, url_path, icon in PAGES
    ]


def run() -> None:
    """Configure the app, draw the shared sidebar, and run the page the URL names."""
    st.set_page_config(page_title="Jobdash", page_icon="📊", layout="wide")
    pages = build_pages()
    # Our own page links (below) carry the filters to the next page; Streamlit's menu would
    # drop the query string on every page change.
    page = st.navigation(pages, position="hidden")
    links = st.sidebar.container()
    params: dict[str, list[str]] = {}
    if data.warehouse_exists():
        st.sidebar.divider()
        counter = st.sidebar.empty()  # above the filters, filled once they are known
        options = data.fetch(queries.filter_options, Filters())
        filters = sidebar.render_filters(sidebar.options_by_field(options))
        counts = data.fetch(queries.count_postings, filters).row(0, named=True)
        counter.markdown(f"**{counts['matching']:,} of {counts['total']:,} postings**")
        params = {key: values for key, values in sidebar.url_params(filters).items() if values}
    else:
        st.sidebar.caption("No warehouse loaded yet.")
    with links:
        for target in pages:
            st.page_link(target, label=target.title, icon=target.icon, query_params=params)
    page.run()


if __name__ == "__main__":
    run()
