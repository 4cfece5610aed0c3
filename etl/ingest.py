"""Files in, warehouse out: read, hash, parse what changed, load, check, publish.

Incremental by content hash: an unchanged file is skipped without being read, an unchanged
record inside a changed file is not re-parsed, a changed record replaces its posting, and
documents last parsed by another parser version are re-parsed from the raw layer. Every run
builds a new warehouse version and publishes it atomically (`warehouse.publish`), so a failed
or killed run leaves the served warehouse as it was.

A run that finds nothing new (no document added, changed, removed or re-parsed, no rejection
changed) is still recorded and published, but keeps what cannot have changed: the repost
groups (unless the grouping rules changed), the marts and the checks over unchanged tables.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from etl.model import Posting, Rejection, SourceDocument
from etl.parse.version import PARSER_VERSION
from etl.pipeline import parse_document
from etl.sources import iter_posting_files, read_source
from warehouse.dedupe import DEDUPE_VERSION
from warehouse.load import (
    WarehouseWriter,
    content_hash,
    document_key,
    file_hash,
    rejection_key,
)
from warehouse.publish import Build, WarehouseLocked, new_version
from warehouse.schema import get_meta, set_meta

# Below this many documents a process pool costs more (worker start-up) than it saves.
PARALLEL_MIN_DOCUMENTS = 200
WRITE_BATCH = 1000
READ_BATCH = 2000
Parser = Callable[[SourceDocument], Posting]


@dataclass
class IngestSummary:
    """What one ingest run did. `ok` is False only when the run itself failed (nothing published)."""

    db_path: Path
    ok: bool = True
    run_id: int | None = None
    parser_version: str = PARSER_VERSION
    files: int = 0
    documents: int = 0  # documents read or confirmed unchanged
    parsed: int = 0  # new documents parsed
    replaced: int = 0  # changed documents whose posting was replaced
    reparsed: int = 0  # stored documents re-parsed for a new parser version
    unchanged: int = 0
    removed: int = 0  # documents their file no longer contains
    rejected: list[Rejection] = field(default_factory=list)
    postings_total: int = 0
    duplicate_groups: int = 0
    seconds: float = 0.0
    error: str | None = None
    content_changed: bool = True  # False: the run found nothing new and kept derived tables

    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "documents": self.documents,
            "parsed": self.parsed,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "reparsed": self.reparsed,
            "removed": self.removed,
            "rejected": len(self.rejected),
        }


def ingest_paths(
    paths: list[Path],
    db_path: Path,
    *,
    workers: int | None = None,
    progress: bool = True,
    columns: Mapping[str, str] | None = None,
) -> IngestSummary:
    """Ingest posting files and folders (recursively) into the warehouse at `db_path`.

    `columns` overrides the detected CSV/JSON column mapping (field -> header).
    """
    summary = IngestSummary(db_path=Path(db_path))
    started, started_at = time.perf_counter(), dt.datetime.now()
    missing = [p for p in paths if not Path(p).exists()]
    summary.rejected.extend(
        Rejection(source=str(p), reason="no such file or folder") for p in missing
    )
    # A file named twice (directly and inside a named folder) is read once.
    found = iter_posting_files(Path(p).resolve() for p in paths if Path(p).exists())
    files = list(dict.fromkeys(found))
    summary.files = len(files)
    try:
        with new_version(summary.db_path) as build:
            writer = WarehouseWriter(build.con)
            run_id = writer.start_run(PARSER_VERSION)
            summary.run_id = run_id
            documents, rejections = _read_changed_files(writer, files, run_id, summary, columns)
            summary.rejected.extend(rejections)
            _load_and_parse(writer, documents, run_id, summary, parse_document, workers, progress)
            _finish(build, writer, run_id, summary, started)
    except Exception as exc:  # the run failed as a whole; nothing was published
        _record_failure(summary, exc, started, started_at)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_documents(
    documents: list[SourceDocument],
    db_path: Path,
    *,
    parse: Parser = parse_document,
    progress: bool = False,
) -> IngestSummary:
    """Add postings read elsewhere (pasted text, uploads) through the same load and publish path."""
    summary = IngestSummary(db_path=Path(db_path))
    started, started_at = time.perf_counter(), dt.datetime.now()
    try:
        with new_version(summary.db_path, wait_seconds=30) as build:
            writer = WarehouseWriter(build.con)
            run_id = writer.start_run(PARSER_VERSION, note="documents added directly")
            summary.run_id = run_id
            _load_and_parse(writer, list(documents), run_id, summary, parse, 1, progress)
            _finish(build, writer, run_id, summary, started)
    except Exception as exc:  # the run failed as a whole; nothing was published
        _record_failure(summary, exc, started, started_at, note="documents added directly")
    summary.seconds = time.perf_counter() - started
    return summary


def _record_failure(
    summary: IngestSummary,
    exc: Exception,
    started: float,
    started_at: dt.datetime,
    note: str | None = None,
) -> None:
    """Mark the summary failed and log the run, status 'failed', in the served warehouse.

    The log entry is published as a copy of the served version with one more run row (its
    data untouched), so `jobdash status` and the run log show the failure. Best effort: when
    another writer holds the warehouse, or the log cannot be written either, only the
    summary reports it.
    """
    summary.ok = False
    summary.error = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, WarehouseLocked) or not summary.db_path.exists():
        return
    error = summary.error if note is None else f"{note}; {summary.error}"
    try:
        with new_version(summary.db_path, wait_seconds=5) as build:
            writer = WarehouseWriter(build.con)
            run_id = writer.start_run(PARSER_VERSION, started_at=started_at)
            writer.fail_run(run_id, summary.counts(), time.perf_counter() - started, error)
            build.only_bookkeeping = True
        summary.run_id = run_id
    except Exception:  # noqa: S110 - the summary already says the run failed, and why
        pass


def _read_changed_files(
    writer: WarehouseWriter,
    files: Sequence[Path],
    run_id: int,
    summary: IngestSummary,
    columns: Mapping[str, str] | None = None,
) -> tuple[list[SourceDocument], list[Rejection]]:
    """Read the files whose bytes changed since the last run; skip the others unread."""
    known = writer.known_file_hashes()
    unchanged_sources, seen_files = [], []
    documents: list[SourceDocument] = []
    rejections: list[Rejection] = []
    complete_sources: dict[str, set[str]] = {}
    for path in files:
        source = str(path)
        try:
            digest, size = file_hash(path)
        except OSError as exc:
            rejections.append(
                Rejection(source=source, reason=f"cannot read file: {exc.strerror or exc}")
            )
            continue
        if known.get(source) == digest:
            unchanged_sources.append(source)
            continue
        seen_files.append((source, digest, size))
        file_docs, file_rejections = [], []
        for item in read_source(path, columns=columns):
            (file_rejections if isinstance(item, Rejection) else file_docs).append(item)
        documents.extend(file_docs)
        rejections.extend(file_rejections)
        writer.clear_rejections(sources=[source])
        if not any(r.locator is None for r in file_rejections):
            # The file was read whole, so records it no longer has are gone.
            complete_sources[source] = {document_key(d) for d in file_docs}
    summary.unchanged += writer.touch_unchanged_sources(unchanged_sources, run_id)
    writer.record_files(seen_files, run_id)
    writer.record_rejections(rejections, run_id)
    stale = [
        doc_id
        for source, keys in complete_sources.items()
        for key, doc_id in writer.document_keys_of_sources([source]).items()
        if key not in keys
    ]
    writer.remove_documents(stale)
    summary.removed = len(stale)
    return documents, rejections


def _load_and_parse(
    writer: WarehouseWriter,
    documents: list[SourceDocument],
    run_id: int,
    summary: IngestSummary,
    parse: Parser,
    workers: int | None,
    progress: bool,
) -> None:
    """Store new and changed documents, then parse every document the current parser has not."""
    latest = {document_key(d): d for d in documents}  # a key seen twice: the last one wins
    stored = writer.stored_documents(latest)
    next_id = writer.next_document_id()
    to_write: list[tuple[int, SourceDocument, str]] = []
    new_ids: set[int] = set()
    replaced_ids: set[int] = set()
    seen_unchanged: list[int] = []
    for key, doc in latest.items():
        digest = content_hash(doc)
        previous = stored.get(key)
        if previous is not None and previous.content_hash == digest:
            seen_unchanged.append(previous.document_id)
            continue
        if previous is None:
            doc_id, next_id = next_id, next_id + 1
            new_ids.add(doc_id)
        else:
            doc_id = previous.document_id
            replaced_ids.add(doc_id)
        to_write.append((doc_id, doc, digest))
    writer.touch_documents(seen_unchanged, run_id)
    writer.write_documents(to_write, run_id)
    summary.unchanged += len(seen_unchanged)
    summary.documents = summary.unchanged + len(to_write)

    pending = writer.documents_to_reparse(PARSER_VERSION)
    summary.parsed = sum(1 for doc_id in pending if doc_id in new_ids)
    summary.replaced = sum(1 for doc_id in pending if doc_id in replaced_ids)
    summary.reparsed = len(pending) - summary.parsed - summary.replaced
    # Documents are read back from the raw layer a batch at a time, so a re-parse of a large
    # warehouse never holds every text at once.
    batches = (
        writer.load_documents(pending[i : i + READ_BATCH])
        for i in range(0, len(pending), READ_BATCH)
    )
    parse_failures: list[Rejection] = []
    batch: list[tuple[int, Posting]] = []
    done: list[int] = []
    parsed_keys: list[str] = []
    for doc_id, doc, result in _parse_all(batches, len(pending), parse, workers, progress):
        done.append(doc_id)
        if isinstance(result, str):
            parse_failures.append(Rejection(source=doc.source, locator=doc.locator, reason=result))
        else:
            batch.append((doc_id, result))
            parsed_keys.append(f"{doc.source}#{doc.locator or ''}")
        if len(batch) >= WRITE_BATCH:
            writer.write_postings(batch)
            batch = []
    writer.write_postings(batch)
    writer.mark_parsed(done, PARSER_VERSION)
    failed_keys = {rejection_key(r) for r in parse_failures}
    writer.clear_rejections(keys=[k for k in parsed_keys if k not in failed_keys])
    writer.record_rejections(parse_failures, run_id)
    summary.rejected.extend(parse_failures)


def _finish(
    build: Build, writer: WarehouseWriter, run_id: int, summary: IngestSummary, started: float
) -> None:
    """Regroup reposts when postings (or the grouping rules) changed, and record the run."""
    if writer.content_changed or get_meta(writer.con).get("dedupe_version") != DEDUPE_VERSION:
        writer.regroup_duplicates()
        set_meta(writer.con, "dedupe_version", DEDUPE_VERSION)
    summary.duplicate_groups = writer.count_duplicate_groups()
    summary.content_changed = writer.content_changed
    # From here on only the run log and warehouse facts are written.
    build.only_bookkeeping = not writer.content_changed
    writer.finish_run(run_id, summary.counts(), time.perf_counter() - started)
    set_meta(writer.con, "parser_version", PARSER_VERSION)
    set_meta(writer.con, "last_ingest_at", dt.datetime.now().isoformat(timespec="seconds"))
    summary.postings_total = writer.con.execute("SELECT count(*) FROM postings").fetchone()[0]


def _parse_safely(item: tuple[SourceDocument, Parser]) -> Posting | str:
    """A posting, or the reason (a string) the parser could not make one; never raises."""
    doc, parse = item
    try:
        return parse(doc)
    except Exception as exc:  # a parser bug must not lose the rest of the run
        return f"the parser failed on this posting ({type(exc).__name__}: {exc})"


def _parse_all(
    batches: Iterable[list[tuple[int, SourceDocument]]],
    total: int,
    parse: Parser,
    workers: int | None,
    progress: bool,
) -> Iterator[tuple[int, SourceDocument, Posting | str]]:
    """(id, document, posting or failure reason) in order; in a process pool when there are many."""
    workers = workers or os.cpu_count() or 1
    with _progress_bar(total, enabled=progress and total > 0) as advance:
        if workers > 1 and total >= PARALLEL_MIN_DOCUMENTS:
            # spawn: the parent holds a DuckDB connection and threads, which fork would copy.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                # The next batch is handed to the pool before this one is collected, so the
                # workers never wait while the results are written.
                ahead: tuple[list, Iterator[Posting | str]] | None = None
                for batch in batches:
                    results = pool.map(
                        _parse_safely, [(doc, parse) for _, doc in batch], chunksize=16
                    )
                    if ahead is not None:
                        yield from _collect(*ahead, advance)
                    ahead = (batch, results)
                if ahead is not None:
                    yield from _collect(*ahead, advance)
        else:
            for batch in batches:
                results = (_parse_safely((doc, parse)) for _, doc in batch)
                yield from _collect(batch, results, advance)


def _collect(
    batch: list[tuple[int, SourceDocument]],
    results: Iterable[Posting | str],
    advance: Callable[[], None],
) -> Iterator[tuple[int, SourceDocument, Posting | str]]:
    for (doc_id, doc), result in zip(batch, results, strict=True):
        advance()
        yield doc_id, doc, result


class _progress_bar:  # noqa: N801 - used like a function in a with statement
    def __init__(self, total: int, *, enabled: bool):
        self.total = total
        self.enabled = enabled
        self._progress: Progress | None = None

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        self._progress = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        task = self._progress.add_task("parse", total=self.total)
        return lambda: self._progress.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def print_summary(summary: IngestSummary, console: Console | None = None) -> None:
    """Tell a person what the run did, naming every rejected file and why."""
    console = console or Console()
    if not summary.ok:
        console.print(
            f"[bold red]Ingest failed; the warehouse's data was not changed.[/] {summary.error}"
        )
    table = Table(title=f"Ingest into {summary.db_path}", show_header=False, box=None)
    for label, value in (
        ("files", summary.files),
        ("parsed (new)", summary.parsed),
        ("replaced (changed)", summary.replaced),
        ("re-parsed (new parser)", summary.reparsed),
        ("unchanged", summary.unchanged),
        ("removed", summary.removed),
        ("rejected", len(summary.rejected)),
        ("postings in warehouse", summary.postings_total if summary.ok else "-"),
        ("repost groups", summary.duplicate_groups if summary.ok else "-"),
        ("seconds", f"{summary.seconds:.2f}"),
    ):
        table.add_row(label, str(value))
    console.print(table)
    for rejection in summary.rejected:
        where = f" ({rejection.locator})" if rejection.locator else ""
        console.print(
            f"  rejected: {rejection.source}{where}: {rejection.reason}",
            markup=False,
            highlight=False,
        )
