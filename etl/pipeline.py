"""One posting file in, parsed postings out: the code path the CLI, ingest and the dashboard share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from etl.model import Posting, Rejection, SourceDocument
from etl.parse import parse_posting
from etl.sources import read_source
from etl.sources.reconcile import apply_known_fields


def parse_document(doc: SourceDocument, *, as_of: dt.date | None = None) -> Posting:
    """Parse one source document and merge in the fields its source states outright."""
    posting = parse_posting(doc.text, source=doc.source, as_of=as_of, page_date=doc.page_date)
    posting.locator = doc.locator
    return apply_known_fields(posting, doc.known)


def parse_path(path: Path, *, as_of: dt.date | None = None) -> Iterator[Posting | dict[str, Any]]:
    """Every posting in one file, in order; a record that cannot be read yields an error dict."""
    for item in read_source(path):
        if isinstance(item, Rejection):
            yield rejection_record(item)
        else:
            yield parse_document(item, as_of=as_of)


def rejection_record(rejection: Rejection) -> dict[str, Any]:
    """The `parse --json` line for a file that could not be read."""
    record: dict[str, Any] = {"source": rejection.source, "error": rejection.reason}
    if rejection.locator:
        record["locator"] = rejection.locator
    return record
