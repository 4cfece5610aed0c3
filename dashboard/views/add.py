"""Add postings: paste text or drop files, check what the parser finds, then load them."""

import streamlit as st

from dashboard import data, detail, intake, sidebar, ui, wording
from etl.ingest import ingest_documents
from etl.model import Posting, SourceDocument
from etl.pipeline import parse_document


@st.cache_data(show_spinner=False, max_entries=64)
def _parse(document_json: str) -> Posting:
    return parse_document(SourceDocument.model_validate_json(document_json))


st.title("Add postings")
st.caption(
    "Paste a posting or drop posting files. You see what the parser extracts before anything is "
    "saved; nothing is added until you press the button."
)
paste_tab, upload_tab = st.tabs(["Paste text", "Upload files"])
with paste_tab:
    text = st.text_area(
        "Posting text",
        height=260,
        max_chars=intake.MAX_PASTE_CHARS,
        key="add_text",
        placeholder="Paste the whole posting: title, company, description, pay…",
    )
with upload_tab:
    files = st.file_uploader(
        f"Posting files (.txt, .md, .html; up to {intake.MAX_UPLOAD_MB} MB each)",
        type=list(intake.UPLOAD_SUFFIXES),
        accept_multiple_files=True,
        max_upload_size=intake.MAX_UPLOAD_MB,
        key="add_files",
    )

received = intake.read_inputs(text, [(f.name, f.getvalue()) for f in files or []])
for rejection in received.rejections:
    st.error(f"{wording.md_escape(rejection.source)}: {wording.md_escape(rejection.reason)}")
if not received.documents:
    if not received.rejections:
        st.info("Nothing to read yet: paste a posting above or upload files.")
    st.stop()

postings = [_parse(doc.model_dump_json()) for doc in received.documents]
count = len(postings)
if st.button(
    f"Add {count} posting{'s' if count > 1 else ''} to the warehouse",
    type="primary",
    key="add_button",
):
    with st.spinner("Adding to the warehouse…"):
        summary = ingest_documents(received.documents, data.db_path())
    if summary.ok:
        st.success(
            f"Added: {summary.parsed} new, {summary.replaced} replaced, {summary.unchanged} "
            f"already there. The warehouse now holds {summary.postings_total:,} postings."
        )
        filters = sidebar.url_params(sidebar.current_filters())
        st.page_link(
            "views/postings.py",
            label="See them on the Postings page",
            icon=":material/list_alt:",
            query_params={key: values for key, values in filters.items() if values},
        )
    else:
        st.error(f"Nothing was added: {wording.md_escape(summary.error or 'the ingest failed')}")

heading, button = st.columns([5, 2], vertical_alignment="bottom")
heading.subheader("What the parser found")
with button:
    ui.download_csv(
        "parsed postings",
        "parsed_postings.csv",
        lambda: detail.parsed_frame(postings),
        key="dl_parsed",
    )
for posting in postings:
    with st.expander(wording.md_escape(posting.title or posting.source), expanded=count == 1):
        detail.show_posting(posting)
