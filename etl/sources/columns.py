"""Dataset records (CSV rows, generic JSON objects) -> postings, by mapping columns to fields.

Which column holds which field is detected from the headers with the synonym table in
`vocab.toml` (`[columns]`) and can be overridden (`--columns text=Body,title=Role`). A file
without a description column is refused as a whole; a row without a description is refused
on its own and the rest of the file still comes through.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from etl.model import Rejection, SourceDocument
from etl.sources.clean import clean_text
from etl.sources.decode import UnreadableSource
from etl.sources.normalize import (
    clean_str,
    drop_empty,
    pay_fields,
    to_date,
    to_employment_type,
    to_identifier,
    to_locations,
    vocab,
)

# Field names accepted on the left of `--columns`, beyond the ones in vocab.toml.
_FIELD_ALIASES = {
    "description": "text",
    "body": "text",
    "id": "external_id",
    "location": "locations",
    "pay_mid": "pay_single",
    "salary": "pay_single",
    "currency": "pay_currency",
    "period": "pay_period",
    "date": "posted_date",
}
_HEADER_SEPARATORS = re.compile(r"[\s\-.]+")
# Rows whose reading fails (csv.Error) before the file is given up as not really CSV.
_MAX_MALFORMED_ROWS = 100
# Huge description cells are normal in dataset dumps; the csv module's default is 128 KiB.
_CSV_FIELD_LIMIT = 1 << 30


def field_names() -> tuple[str, ...]:
    """The fields a column can be mapped to (text, title, company, ..., url)."""
    return tuple(vocab()["columns"])


def header_key(header: str) -> str:
    """A header compared loosely: "Job Title " -> "job_title", "descriptionPlain" -> "descriptionplain"."""
    return _HEADER_SEPARATORS.sub("_", str(header).strip().lower()).strip("_")


def parse_column_overrides(spec: str | None) -> dict[str, str]:
    """`"text=Body,title=Job Title"` -> {"text": "Body", "title": "Job Title"}; raises ValueError."""
    overrides: dict[str, str] = {}
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        name, sep, header = item.partition("=")
        name = name.strip().lower()
        name = _FIELD_ALIASES.get(name, name)
        if not sep or not header.strip():
            raise ValueError(f"expected field=header, got {item.strip()!r}")
        if name not in field_names():
            raise ValueError(f"unknown field {name!r}; known fields: {', '.join(field_names())}")
        overrides[name] = header.strip()
    return overrides


@dataclass(frozen=True)
class ColumnMap:
    """Which header of a file holds each field, and what kind of export the file is."""

    headers: dict[str, str]
    markdown_text: bool
    format: str


def map_columns(
    headers: Sequence[str], overrides: Mapping[str, str] | None = None, *, default_format: str
) -> ColumnMap:
    """Match a file's headers to fields; raises UnreadableSource without a description column."""
    return _map_columns(
        tuple(str(h) for h in headers), tuple(sorted((overrides or {}).items())), default_format
    )


@cache
def _map_columns(
    headers: tuple[str, ...], overrides: tuple[tuple[str, str], ...], default_format: str
) -> ColumnMap:
    by_key: dict[str, str] = {}
    for header in headers:
        by_key.setdefault(header_key(header), header)
    mapping: dict[str, str] = {}
    for field, synonyms in vocab()["columns"].items():
        found = next((by_key[key] for key in synonyms if key in by_key), None)
        if found is not None:
            mapping[field] = found
    for field, header in overrides:
        found = header if header in headers else by_key.get(header_key(header))
        if found is None:
            raise UnreadableSource(
                f"column {header!r} (given for {field}) is not in the file; "
                f"headers: {_listing(headers)}"
            )
        mapping[field] = found
    if "text" not in mapping:
        raise UnreadableSource(
            f"no description column among the headers ({_listing(headers)}); "
            "name it with --columns text=HEADER"
        )
    records = vocab()["records"]
    signature = set(records["jobspy_signature"])
    return ColumnMap(
        headers=mapping,
        markdown_text=header_key(mapping["text"]) in records["markdown_text_headers"],
        format="jobspy" if signature <= set(by_key) else default_format,
    )


def _listing(headers: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(str(h) for h in headers[:limit])
    return shown + (f", … ({len(headers)} in all)" if len(headers) > limit else "") or "none"


def record_document(
    record: Mapping[str, Any], columns: ColumnMap, *, source: str, locator: str, where: str
) -> SourceDocument:
    """One record as a posting; `where` names it in messages ("CSV row 17", "line 4")."""

    def cell(field: str) -> Any:
        header = columns.headers.get(field)
        value = record.get(header) if header is not None else None
        # Nested objects in a generic record are not a field value we understand.
        return None if isinstance(value, dict) else value

    body = cell("text")
    if not isinstance(body, str) or not body.strip():
        raise UnreadableSource(f"{where}: empty description")
    title = clean_str(cell("title"))
    text = clean_text(body, markdown=True if columns.markdown_text else None)
    if not text:
        raise UnreadableSource(f"{where}: description is empty after cleaning")
    text = with_title_line(text, title)
    known = {
        "title": title,
        "company": clean_str(cell("company")),
        "team": clean_str(cell("team")),
        "locations": to_locations(cell("locations")),
        "employment_type": to_employment_type(cell("employment_type")),
        "posted_date": to_date(cell("posted_date")),
        **pay_fields(
            cell("pay_min"),
            cell("pay_max"),
            cell("pay_currency"),
            cell("pay_period"),
            single=cell("pay_single"),
        ),
    }
    return SourceDocument(
        source=source,
        text=text,
        format=columns.format,
        locator=locator,
        external_id=to_identifier(cell("external_id")),
        url=clean_str(cell("url")),
        known=drop_empty(known),
    )


def with_title_line(text: str, title: str | None) -> str:
    """The text led by the record's title, unless its first line already names it.

    Dataset and board descriptions usually omit the title the record states separately; the
    parser reads titles from the first lines, so the source's own title goes there.
    """
    if not title:
        return text
    first_line = text.split("\n", 1)[0]
    if title.casefold() in first_line.casefold():
        return text
    return f"{title}\n{text}"


def read_csv(
    lines: Iterable[str],
    *,
    source: str,
    overrides: Mapping[str, str] | None = None,
    delimiter: str | None = None,
) -> Iterator[SourceDocument | Rejection]:
    """Every posting in CSV text lines: one per row; rows counted as a spreadsheet shows them."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    lines = iter(lines)
    first = next((line for line in lines if line.strip()), "")
    if not first:
        yield Rejection(source=source, reason="empty CSV file (no header row)")
        return
    reader = csv.reader(
        itertools.chain([first], lines), delimiter=delimiter or _sniff_delimiter(first)
    )
    try:
        headers = next(reader)
    except csv.Error as exc:
        yield Rejection(source=source, reason=f"malformed CSV header row ({exc})")
        return
    try:
        columns = map_columns(headers, overrides, default_format="csv")
    except UnreadableSource as exc:
        yield Rejection(source=source, reason=str(exc))
        return
    yield from _csv_rows(reader, headers, columns, source)


def _csv_rows(
    reader: Iterator[list[str]], headers: list[str], columns: ColumnMap, source: str
) -> Iterator[SourceDocument | Rejection]:
    row_number = 1  # the header is row 1, as in a spreadsheet
    malformed = 0
    while True:
        row_number += 1
        where = f"CSV row {row_number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            malformed += 1
            yield Rejection(
                source=source, reason=f"{where}: malformed CSV ({exc})", locator=f"row {row_number}"
            )
            if malformed >= _MAX_MALFORMED_ROWS:
                yield Rejection(source=source, reason=f"stopped after {malformed} malformed rows")
                return
            continue
        except UnicodeDecodeError as exc:
            yield Rejection(
                source=source,
                reason=f"{where} onwards: not valid {exc.encoding}; the rest of the file is unread",
                locator=f"row {row_number}",
            )
            return
        if not any(cell.strip() for cell in row):
            continue  # trailing empty rows a spreadsheet leaves behind
        try:
            yield record_document(
                dict(zip(headers, row, strict=False)),
                columns,
                source=source,
                locator=f"row {row_number}",
                where=where,
            )
        except UnreadableSource as exc:
            yield Rejection(source=source, reason=str(exc), locator=f"row {row_number}")


def _sniff_delimiter(header_line: str) -> str:
    # The header row tells: European spreadsheets export with ";", some tools with tabs.
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
