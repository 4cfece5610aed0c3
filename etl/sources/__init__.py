"""Turn files into postings: each reader yields one SourceDocument per posting, or a Rejection.

Entry points (one cleaning path behind all of them):
- `read_source(path)`: a file on disk (or every posting file under a folder);
- `read_bytes(data, name)`: an uploaded file;
- `read_text(text, name)`: pasted text.

Formats, chosen by file suffix and, without one, by content: plain text, Markdown, saved
HTML pages (with schema.org JobPosting fields), JSON and JSON Lines (Greenhouse, Lever, Ashby,
JobSpy, generic records), CSV/TSV (JobSpy, datasets with a description column). Nothing
raises for bad input: a bad file, or a bad record in a many-posting file, becomes a Rejection
saying why, and the rest still comes through.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from etl.model import Rejection, SourceDocument
from etl.sources.clean import clean_text, looks_like_html_page
from etl.sources.columns import parse_column_overrides, read_csv
from etl.sources.decode import (
    SAMPLE_BYTES,
    UnreadableSource,
    check_text_like,
    choose_encoding,
    decode_document,
)
from etl.sources.html_page import read_page
from etl.sources.json_records import read_json_lines, read_json_text
from etl.sources.normalize import to_date

__all__ = [
    "MAX_DATASET_BYTES",
    "MAX_FILE_BYTES",
    "MAX_JSON_BYTES",
    "POSTING_SUFFIXES",
    "iter_posting_files",
    "parse_column_overrides",
    "read_bytes",
    "read_source",
    "read_text",
]

# A single posting (text, Markdown, HTML page) is a few KB; 20 MB is not a posting.
MAX_FILE_BYTES = 20 * 1024 * 1024
# A JSON document is parsed whole, so it gets a limit of its own.
MAX_JSON_BYTES = 256 * 1024 * 1024
# CSV and JSON Lines are streamed record by record; the limit only catches accidents.
MAX_DATASET_BYTES = 4 * 1024 * 1024 * 1024

_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
POSTING_SUFFIXES = frozenset(_KIND_BY_SUFFIX)
_BARE_CR = re.compile(r"(?<=\r)(?!\n)(?=.)", re.DOTALL)
_STREAMED = frozenset({"csv", "tsv", "jsonl"})
_LIMITS = {
    "json": MAX_JSON_BYTES,
    "csv": MAX_DATASET_BYTES,
    "tsv": MAX_DATASET_BYTES,
    "jsonl": MAX_DATASET_BYTES,
}
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A first line that is only a date ("Tuesday, October 28, 2025", "2025-10-28") is the date
# the page was saved or printed: relative dates ("2 days ago") count back from it.
_PAGE_DATE_LINE = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.IGNORECASE,
)


# Files that describe a folder rather than hold a posting ("README.md" beside exports). They
# are skipped when walking a folder and still read when named directly.
FOLDER_DOCUMENTATION = frozenset(
    {"README", "SOURCE", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"}
)


def iter_posting_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files named directly, and posting files found recursively under folders, in a stable order.

    Folders are walked in sorted order without following links; hidden files and folders
    (".git", ".DS_Store") and folder documentation (README.md, SOURCE.md) are skipped. A file named twice is yielded once. A path that does
    not exist is yielded as given, so reading it reports the problem.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        candidates = _files_under(path) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate
            if key not in seen:
                seen.add(key)
                yield candidate


def _files_under(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".")
            and Path(name).suffix.lower() in POSTING_SUFFIXES
            and Path(name).stem.upper() not in FOLDER_DOCUMENTATION
        )
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_source(
    path: Path | str, columns: Mapping[str, str] | None = None
) -> Iterator[SourceDocument | Rejection]:
    """The postings in one file (or in every posting file under a folder), in order.

    `columns` overrides the detected column mapping of CSV and generic JSON records
    ({"text": "Body", "title": "Role"}; see `parse_column_overrides`).
    """
    path = Path(path)
    if path.is_dir():
        yield from _read_folder(path, columns)
        return
    yield from _guarded(_read_file(path, columns), str(path))


def _read_folder(
    path: Path, columns: Mapping[str, str] | None
) -> Iterator[SourceDocument | Rejection]:
    children = list(iter_posting_files([path]))
    if not children:
        kinds = ", ".join(sorted(POSTING_SUFFIXES))
        yield Rejection(source=str(path), reason=f"folder holds no posting files ({kinds})")
    for child in children:
        yield from read_source(child, columns)


def _read_file(
    path: Path, columns: Mapping[str, str] | None
) -> Iterator[SourceDocument | Rejection]:
    source = str(path)
    kind = _kind_of_name(path.name)
    try:
        size = path.stat().st_size
        limit = _LIMITS.get(kind or "", MAX_FILE_BYTES)
        if size > limit:
            yield Rejection(source=source, reason=_too_large(size, limit))
            return
        if kind in _STREAMED:
            with path.open("rb") as stream:
                yield from _read_stream(stream, kind, source, columns)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield Rejection(source=source, reason="no such file")
        return
    except OSError as exc:
        yield Rejection(source=source, reason=f"cannot read file: {exc.strerror or exc}")
        return
    yield from _read_data(data, source, columns)


def read_bytes(
    data: bytes, name: str, columns: Mapping[str, str] | None = None
) -> Iterator[SourceDocument | Rejection]:
    """The postings in an uploaded file's bytes; `name` gives the format (by suffix) and source."""
    yield from _guarded(_read_data(data, name, columns), name)


def _read_data(
    data: bytes, name: str, columns: Mapping[str, str] | None
) -> Iterator[SourceDocument | Rejection]:
    kind = _kind_of_name(name)
    limit = _LIMITS.get(kind or "", MAX_FILE_BYTES)
    if len(data) > limit:
        yield Rejection(source=name, reason=_too_large(len(data), limit))
        return
    if kind in _STREAMED:
        yield from _read_stream(io.BytesIO(data), kind, name, columns)
        return
    try:
        text = decode_document(data)
    except UnreadableSource as exc:
        yield Rejection(source=name, reason=str(exc))
        return
    if kind == "json" or (kind is None and text.lstrip()[:1] in ("{", "[")):
        yield from read_json_text(text, source=name, overrides=columns)
        return
    yield _document(text, kind, name)


def read_text(text: str, name: str = "pasted text") -> SourceDocument | Rejection:
    """One posting from pasted text (plain, Markdown or HTML; the name's suffix may say which)."""
    return next(_guarded(_one_document(text, name), name))


def _one_document(text: str, name: str) -> Iterator[SourceDocument | Rejection]:
    yield _document(text, _kind_of_name(name), name)


def _guarded(
    items: Iterator[SourceDocument | Rejection], source: str
) -> Iterator[SourceDocument | Rejection]:
    """Pass items through; a reader bug becomes a Rejection naming it instead of ending the run.

    Readers handle every bad input they know of with a plain-words reason; this is the net
    under them, so one unforeseen file cannot stop an ingest of thousands.
    """
    try:
        yield from items
    except (RecursionError, MemoryError) as exc:
        yield Rejection(
            source=source, reason=f"too deeply nested or too large to read ({type(exc).__name__})"
        )
    except Exception as exc:  # the contract: bad input never raises
        yield Rejection(
            source=source, reason=f"unexpected error while reading ({type(exc).__name__}: {exc})"
        )


def _document(text: str, kind: str | None, source: str) -> SourceDocument | Rejection:
    """One posting from a single-posting file's text."""
    if not text.strip():
        return Rejection(source=source, reason="empty file (only whitespace)")
    known: dict[str, Any] = {}
    external_id = url = None
    if kind == "html" or looks_like_html_page(text):
        page = read_page(text)
        body, fmt = page.text, "html"
        known, external_id, url = page.known, page.external_id, page.url
        if not body.strip():
            return Rejection(source=source, reason="empty after HTML cleaning")
    else:
        fmt = kind if kind in ("text", "markdown") else "text"
        body = clean_text(text, markdown=True if fmt == "markdown" else None)
        if not body.strip():
            return Rejection(source=source, reason="empty after removing markup")
    return SourceDocument(
        source=source,
        text=body,
        format=fmt,
        external_id=external_id,
        url=url,
        known=known,
        page_date=_page_date(body),
    )


def _read_stream(
    stream: BinaryIO, kind: str, source: str, columns: Mapping[str, str] | None
) -> Iterator[SourceDocument | Rejection]:
    head = stream.read(SAMPLE_BYTES)
    try:
        encoding = choose_encoding(head, complete=len(head) < SAMPLE_BYTES)
        check_text_like(head.decode(encoding, errors="ignore"))
    except UnreadableSource as exc:
        yield Rejection(source=source, reason=str(exc))
        return
    stream.seek(0)
    lines = _decoded_lines(stream, encoding)
    try:
        if kind == "jsonl":
            yield from read_json_lines(lines, source=source, overrides=columns)
        else:
            yield from read_csv(
                lines,
                source=source,
                overrides=columns,
                delimiter="\t" if kind == "tsv" else None,
            )
    except UnicodeDecodeError as exc:
        yield Rejection(
            source=source,
            reason=f"not valid {encoding} part-way through the file; the rest is unread ({exc.reason})",
        )
    finally:
        lines.close()  # now, while the byte stream is still open, not at garbage collection


def _decoded_lines(stream: BinaryIO, encoding: str) -> Iterator[str]:
    """The stream's lines as text, line endings kept; a bad byte raises at its own line.

    Decoding line by line (rather than in 8 KB blocks) means every record before a bad byte
    is read. UTF-16/32 cannot be split on the byte b"\n", so those go through TextIOWrapper.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
        try:
            # Not `yield from`: closing this generator would close the wrapper, and the stream.
            for line in wrapper:
                yield line
        finally:
            wrapper.detach()  # the caller owns (and closes) the byte stream
        return
    decoder = codecs.getincrementaldecoder(encoding)()
    for raw in stream:
        line = decoder.decode(raw)
        # Old Mac files end lines with a bare "\r", which the csv module only takes at a line end.
        yield from _BARE_CR.split(line) if "\r" in line[:-2] else (line,)
    yield decoder.decode(b"", final=True)


def _kind_of_name(name: str) -> str | None:
    return _KIND_BY_SUFFIX.get(Path(name).suffix.lower())


def _too_large(size: int, limit: int) -> str:
    return f"file larger than {limit // 2**20} MB ({size / 2**20:.1f} MB)"


def _page_date(text: str) -> dt.date | None:
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if len(first_line) > 40 or not _PAGE_DATE_LINE.match(first_line):
        return None
    return to_date(first_line)
