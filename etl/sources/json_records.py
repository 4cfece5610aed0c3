"""JSON and JSON Lines files -> postings: one object, an array, `{"jobs": [...]}` or one per line.

Each job object is recognised by its keys: a board payload (Greenhouse, Lever, Ashby) or a
generic record mapped by column names (JobSpy's JSON, dataset dumps such as a board's
`description_md` export).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from etl.model import Rejection, SourceDocument
from etl.sources.boards import board_document, kind_of_record
from etl.sources.columns import map_columns, record_document
from etl.sources.decode import UnreadableSource

# Keys under which APIs and scrapers wrap their list of jobs, in the order they are tried.
_WRAPPER_KEYS = ("jobs", "postings", "results", "data", "items", "hits")


def read_json_text(
    text: str, *, source: str, overrides: Mapping[str, str] | None = None
) -> Iterator[SourceDocument | Rejection]:
    """Every posting in a JSON document (or a .json file that is really JSON Lines)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if _looks_like_json_lines(text):
            yield from read_json_lines(text.split("\n"), source=source, overrides=overrides)
            return
        yield Rejection(source=source, reason=f"not valid JSON ({_describe(exc)})")
        return
    records = list(_records(data, None))
    if not records:
        yield Rejection(source=source, reason="JSON holds no job objects")
        return
    for locator, record in records:
        yield _record_or_rejection(
            record,
            source=source,
            locator=locator,
            where=locator or "JSON object",
            overrides=overrides,
        )


def read_json_lines(
    lines: Iterable[str], *, source: str, overrides: Mapping[str, str] | None = None
) -> Iterator[SourceDocument | Rejection]:
    """Every posting in a JSON Lines stream; a broken line is refused on its own."""
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"line {number}"
        try:
            data = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield Rejection(
                source=source,
                reason=f"{where}: not valid JSON ({_describe(exc, in_line=True)})",
                locator=where,
            )
            continue
        for inner, record in _records(data, None):
            locator = where if inner is None else f"{where} {inner}"
            yield _record_or_rejection(
                record, source=source, locator=locator, where=locator, overrides=overrides
            )
    if not seen_any:
        yield Rejection(source=source, reason="empty file (no JSON lines)")


def _records(data: Any, path: str | None) -> Iterator[tuple[str | None, Any]]:
    """(locator, object) for each job object, following arrays and wrapper keys."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _records(item, f"{path or ''}[{index}]")
        return
    if isinstance(data, dict) and kind_of_record(data) is None:
        for key in _WRAPPER_KEYS:
            inner = data.get(key)
            if inner == []:
                return  # an empty board: nothing to read, and not itself a job
            if isinstance(inner, list) and all(isinstance(i, dict) for i in inner):
                # Lever's ?group=team answer nests postings in {"title", "postings"} groups.
                yield from _records(inner, f"{path}.{key}" if path else key)
                return
    yield path, data


def _record_or_rejection(
    record: Any,
    *,
    source: str,
    locator: str | None,
    where: str,
    overrides: Mapping[str, str] | None = None,
) -> SourceDocument | Rejection:
    try:
        if not isinstance(record, dict):
            raise UnreadableSource(f"{where}: a {type(record).__name__}, not a job object")
        kind = kind_of_record(record)
        if kind is not None:
            return board_document(record, kind, source=source, locator=locator, where=where)
        columns = map_columns(list(record), overrides, default_format="json")
        return record_document(record, columns, source=source, locator=locator, where=where)
    except UnreadableSource as exc:
        reason = str(exc)
        if not reason.startswith(where):
            reason = f"{where}: {reason}"
        return Rejection(source=source, reason=reason, locator=locator)


def _looks_like_json_lines(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and all(line.startswith("{") for line in lines[:5])


def _describe(exc: json.JSONDecodeError, *, in_line: bool = False) -> str:
    message = exc.msg.removesuffix(" at").removesuffix(":").lower()
    where = f"column {exc.colno}" if in_line else f"line {exc.lineno}, column {exc.colno}"
    return f"{message} at {where}"
