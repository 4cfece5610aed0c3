"""Files in, warehouse out: read, hash, parse what changed, load, check, publish.

Incremental by content hash: an unchanged file is skipped without being read, an unchanged
record inside a changed file is not re-parsed, a changed record replaces its posting, and
documents last parsed by another parser version are re-parsed from the raw layer. Every run
builds a new warehouse version and publishes it atomically (`warehouse.publish`), so a failed
or killed run leaves the served warehouse as it was.

Records are streamed: each batch of READ_BATCH documents is stored and parsed before the next
is read, so the Python side of a first ingest of a million-row export holds a few batches, not
the export. Peak RSS at 100,000 rows is ~1.0 GB (benchmarks/bench_ingest.py --synthetic-rows;
1.53 GB while every automatic checkpoint rewrote postings and documents whole, which the build
now avoids: `WarehouseWriter.without_lookup_indexes`, `INGEST_BUILD_CONFIG`; 4.9 GB before
etl/sources/markdown.py stopped cmarkgfm's leak). Inserts no longer spike. RSS still rises
slowly while rows are written, as DuckDB keeps the blocks it wrote cached, up to the build's
512 MB memory limit, and then levels off (peak 1,005 MB at 100,000 rows, 1,098 MB at 200,000,
1,075 MB at 500,000). The end of a run reads the whole
warehouse (repost groups, checks, marts); the repost grouping runs inside DuckDB (at a million
postings, every one a candidate: 760 MB peak, where holding the signatures in Python took
2.1 GB; benchmarks/bench_dedupe.py).

A run that finds nothing new (no document added, changed, removed or re-parsed, no rejection
changed) is still recorded and published, but keeps what cannot have changed: the repost
groups (unless the grouping rules changed), the marts and the checks over unchanged tables.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
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
)
from warehouse.publish import INGEST_BUILD_CONFIG, Build, WarehouseLocked, new_version
from warehouse.schema import get_meta, set_meta

# Below this many documents a process pool costs more (worker start-up) than it saves.
PARALLEL_MIN_DOCUMENTS = 200
# Documents read, stored and parsed together: an ingest holds a few batches (one parsing,
# one read ahead), whatever the size of its files. At ~50 KB a document in flight, 2,000 is
# ~100 MB a batch.
READ_BATCH = 2000
WRITE_BATCH = 1000  # parse results written to the warehouse together
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

    `columns` overrides the detected CSV/JSON column mapping (field -> header). Records are
    streamed: Python holds a few batches of documents, however large the files.
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
        with new_version(summary.db_path, config=INGEST_BUILD_CONFIG) as build:
            writer = WarehouseWriter(build.con)
            run_id = writer.start_run(PARSER_VERSION)
            summary.run_id = run_id
            read = _FilesRead()
            with writer.without_lookup_indexes():
                changed = _changed_files(writer, files, run_id, read, summary)
                with _Parsers(parse_document, workers, progress) as parsers:
                    documents = _read_files(changed, read, columns)
                    _load_and_parse(writer, documents, run_id, summary, parsers)
                    _record_files_read(writer, read, run_id, summary)
                    _reparse_stored(writer, run_id, summary, parsers)
            _finish(build, writer, run_id, summary, started)
    except Exception as exc:  # the run failed as a whole; nothing was published
        _record_failure(summary, exc, started, started_at)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_documents(
    documents: Iterable[SourceDocument],
    db_path: Path,
    *,
    parse: Parser = parse_document,
    progress: bool = False,
) -> IngestSummary:
    """Add postings read elsewhere (pasted text, uploads) through the same load and publish path."""
    summary = IngestSummary(db_path=Path(db_path))
    started, started_at = time.perf_counter(), dt.datetime.now()
    try:
        with new_version(summary.db_path, wait_seconds=30, config=INGEST_BUILD_CONFIG) as build:
            writer = WarehouseWriter(build.con)
            run_id = writer.start_run(PARSER_VERSION, note="documents added directly")
            summary.run_id = run_id
            with writer.without_lookup_indexes(), _Parsers(parse, 1, progress) as parsers:
                _load_and_parse(writer, documents, run_id, summary, parsers)
                _reparse_stored(writer, run_id, summary, parsers)
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


# --- reading files ----------------------------------------------------------------------------


@dataclass
class _FilesRead:
    """What reading the changed files found besides documents; recorded once those are stored."""

    files: list[tuple[str, str, int]] = field(default_factory=list)  # (source, hash, bytes)
    rejections: list[Rejection] = field(default_factory=list)
    complete: list[str] = field(default_factory=list)  # sources read whole


def _changed_files(
    writer: WarehouseWriter,
    files: Sequence[Path],
    run_id: int,
    read: _FilesRead,
    summary: IngestSummary,
) -> list[tuple[Path, str, int]]:
    """Hash every file: unchanged ones are marked seen unread; the changed ones are returned.

    Unchanged files are marked first, so a record of theirs met again in a changed file
    counts as a later copy (see `_store_batch`) rather than twice.
    """
    known = writer.known_file_hashes()
    unchanged: list[str] = []
    changed: list[tuple[Path, str, int]] = []
    for path in files:
        try:
            digest, size = file_hash(path)
        except OSError as exc:
            reason = f"cannot read file: {exc.strerror or exc}"
            read.rejections.append(Rejection(source=str(path), reason=reason))
            continue
        if known.get(str(path)) == digest:
            unchanged.append(str(path))
        else:
            changed.append((path, digest, size))
    summary.unchanged += writer.touch_unchanged_sources(unchanged, run_id)
    # Their old rejections give way to this reading; in one statement before any document is
    # stored (the statement looks at the documents table, which grows as the run goes on).
    writer.clear_rejections(sources=[str(path) for path, _, _ in changed])
    return changed


def _read_files(
    changed: Sequence[tuple[Path, str, int]],
    read: _FilesRead,
    columns: Mapping[str, str] | None,
) -> Iterator[SourceDocument]:
    """The changed files' documents one at a time; their rejections and completeness go to `read`."""
    for path, digest, size in changed:
        source = str(path)
        read.files.append((source, digest, size))
        whole = True
        for item in read_source(path, columns=columns):
            if isinstance(item, Rejection):
                read.rejections.append(item)
                # A rejection without a locator is the file's own: the reading stopped there.
                whole = whole and item.locator is not None
            else:
                yield item
        if whole:
            read.complete.append(source)


def _record_files_read(
    writer: WarehouseWriter, read: _FilesRead, run_id: int, summary: IngestSummary
) -> None:
    """Record the files read and their rejections; drop records a file read whole no longer has.

    Called once every document read is stored: a record is gone when no copy of it was
    written or found unchanged in this run.
    """
    writer.record_files(read.files, run_id)
    writer.record_rejections(read.rejections, run_id)
    summary.rejected.extend(read.rejections)
    stale = writer.documents_not_seen(read.complete, run_id)
    writer.remove_documents(stale)
    summary.removed = len(stale)


# --- storing and parsing, a batch at a time ----------------------------------------------------

Batch = list[tuple[int, SourceDocument]]  # (document id, document)


def _load_and_parse(
    writer: WarehouseWriter,
    documents: Iterable[SourceDocument],
    run_id: int,
    summary: IngestSummary,
    parsers: _Parsers,
) -> None:
    """Store new and changed documents and parse them, READ_BATCH documents at a time.

    Each batch is written to the raw layer and handed to the parser before the next is read,
    so Python holds a few batches (one parsing, one read ahead), not every document.
    """
    stored = (
        _store_batch(writer, batch, run_id, summary) for batch in _batched(documents, READ_BATCH)
    )
    to_parse = (batch for batch in stored if batch)  # a batch of unchanged records needs nothing
    _write_parsed(writer, parsers.parse_batches(to_parse), run_id, summary)
    summary.documents = summary.unchanged + summary.parsed + summary.replaced


def _store_batch(
    writer: WarehouseWriter, documents: list[SourceDocument], run_id: int, summary: IngestSummary
) -> Batch:
    """Write a batch's new and changed documents to the raw layer; returns them with their ids.

    A key seen twice, the last copy wins: within a batch by the dict below; across batches
    because a later copy finds the earlier one stored (`last_run` is this run) and replaces
    it when it differs. Either way the document counts once, as its first copy did.
    """
    latest = {document_key(d): d for d in documents}
    stored = writer.stored_documents(latest)
    next_id = writer.next_document_id()
    to_write: list[tuple[int, SourceDocument, str]] = []
    seen_unchanged: list[int] = []
    for key, doc in latest.items():
        digest = content_hash(doc)
        previous = stored.get(key)
        met_before = previous is not None and previous.last_run == run_id
        if previous is not None and previous.content_hash == digest:
            if not met_before:
                seen_unchanged.append(previous.document_id)
            continue
        if previous is None:
            doc_id, next_id = next_id, next_id + 1
            summary.parsed += 1
        else:
            doc_id = previous.document_id
            summary.replaced += not met_before
        to_write.append((doc_id, doc, digest))
    writer.touch_documents(seen_unchanged, run_id)
    writer.write_documents(to_write, run_id)
    summary.unchanged += len(seen_unchanged)
    return [(doc_id, doc) for doc_id, doc, _ in to_write]


def _reparse_stored(
    writer: WarehouseWriter, run_id: int, summary: IngestSummary, parsers: _Parsers
) -> None:
    """Re-parse the stored documents another parser version parsed (no file needed)."""
    pending = writer.documents_to_reparse(PARSER_VERSION)
    summary.reparsed = len(pending)
    # Read back from the raw layer a batch at a time, so a re-parse of a large warehouse
    # never holds every text at once.
    batches = (
        writer.load_documents(pending[i : i + READ_BATCH])
        for i in range(0, len(pending), READ_BATCH)
    )
    _write_parsed(writer, parsers.parse_batches(batches, total=len(pending)), run_id, summary)


def _write_parsed(
    writer: WarehouseWriter,
    results: Iterable[tuple[int, SourceDocument, Posting | str]],
    run_id: int,
    summary: IngestSummary,
) -> None:
    """Write postings and parser failures as they come, WRITE_BATCH results at a time."""
    parsed = _Parsed()
    for doc_id, doc, result in results:
        parsed.add(doc_id, doc, result)
        if len(parsed) >= WRITE_BATCH:
            parsed.write(writer, run_id, summary)
            parsed = _Parsed()
    parsed.write(writer, run_id, summary)


@dataclass
class _Parsed:
    """Parse results not yet written, by document id: (rejection key, posting) or a failure."""

    postings: dict[int, tuple[str, Posting]] = field(default_factory=dict)
    failures: dict[int, Rejection] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.postings) + len(self.failures)

    def add(self, doc_id: int, doc: SourceDocument, result: Posting | str) -> None:
        # A document parsed twice in a run (a later copy of its key) keeps its last result.
        if isinstance(result, str):
            self.postings.pop(doc_id, None)
            self.failures[doc_id] = Rejection(source=doc.source, locator=doc.locator, reason=result)
        else:
            self.failures.pop(doc_id, None)
            self.postings[doc_id] = (f"{doc.source}#{doc.locator or ''}", result)

    def write(self, writer: WarehouseWriter, run_id: int, summary: IngestSummary) -> None:
        writer.write_postings([(doc_id, posting) for doc_id, (_, posting) in self.postings.items()])
        writer.mark_parsed([*self.postings, *self.failures], PARSER_VERSION)
        # A document that parses now is no longer rejected.
        writer.clear_rejections(keys=[key for key, _ in self.postings.values()])
        failures = list(self.failures.values())
        writer.record_rejections(failures, run_id)
        summary.rejected.extend(failures)


def _batched(items: Iterable[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    """Lists of `size` items (the last one shorter); itertools.batched from Python 3.12 on."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


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


# --- the parser, in process or in a pool ------------------------------------------------------


def _parse_safely(item: tuple[SourceDocument, Parser]) -> Posting | str:
    """A posting, or the reason (a string) the parser could not make one; never raises."""
    doc, parse = item
    try:
        return parse(doc)
    except Exception as exc:  # a parser bug must not lose the rest of the run
        return f"the parser failed on this posting ({type(exc).__name__}: {exc})"


class _Parsers:
    """Parses streams of batches for one run, in a process pool once there are enough documents.

    The pool is made once and serves every stream of the run (files read, then stored
    documents re-parsed): starting its workers costs more than parsing a few postings.
    """

    def __init__(self, parse: Parser, workers: int | None, progress: bool):
        self.parse = parse
        self.workers = workers or os.cpu_count() or 1
        self.progress = _ParseProgress(enabled=progress)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Parsers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=exc[0] is not None)
        self.progress.close()

    def parse_batches(
        self, batches: Iterable[Batch], total: int | None = None
    ) -> Iterator[tuple[int, SourceDocument, Posting | str]]:
        """(id, document, posting or failure reason) in order. `total`: how many, when known."""
        if total:
            self.progress.expect(total)
        batches = iter(batches)
        # A stream's size is unknown until read: look at most PARALLEL_MIN_DOCUMENTS ahead.
        head = _take_documents(batches, PARALLEL_MIN_DOCUMENTS)
        stream = itertools.chain(head, batches)
        enough = sum(len(batch) for batch in head) >= PARALLEL_MIN_DOCUMENTS
        if self.workers > 1 and (enough or self._pool is not None):
            yield from self._in_pool(stream)
        else:
            for batch in stream:
                yield from self._collect(
                    batch, (_parse_safely((doc, self.parse)) for _, doc in batch)
                )

    def _in_pool(
        self, batches: Iterable[Batch]
    ) -> Iterator[tuple[int, SourceDocument, Posting | str]]:
        if self._pool is None:
            # spawn: the parent holds a DuckDB connection and threads, which fork would copy.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        # The next batch is read, stored and handed to the pool before this one is collected,
        # so the workers never wait while the results are written.
        ahead: tuple[Batch, Iterator[Posting | str]] | None = None
        for batch in batches:
            items = [(doc, self.parse) for _, doc in batch]
            results = self._pool.map(_parse_safely, items, chunksize=16)
            if ahead is not None:
                yield from self._collect(*ahead)
            ahead = (batch, results)
        if ahead is not None:
            yield from self._collect(*ahead)

    def _collect(
        self, batch: Batch, results: Iterable[Posting | str]
    ) -> Iterator[tuple[int, SourceDocument, Posting | str]]:
        for (doc_id, doc), result in zip(batch, results, strict=True):
            self.progress.advance()
            yield doc_id, doc, result


def _take_documents(batches: Iterator[Batch], at_least: int) -> list[Batch]:
    """The first batches, until they hold `at_least` documents or the stream ends."""
    head: list[Batch] = []
    count = 0
    while count < at_least and (batch := next(batches, None)) is not None:
        head.append(batch)
        count += len(batch)
    return head


class _ParseProgress:
    """A "parsing" bar on stderr, shown from the first posting parsed until the run ends.

    While files are streamed it counts without a total (a file's records are known only once
    read, and reading files twice to count them costs more than it tells); a re-parse of
    stored documents adds a known total.
    """

    def __init__(self, *, enabled: bool):
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._expected: int | None = None  # documents known to be coming, beyond those parsed
        self._done = 0

    def expect(self, count: int) -> None:
        self._expected = self._done + count
        if self._progress is not None:
            self._progress.update(self._task, total=self._expected)

    def advance(self) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            self._progress = Progress(
                TextColumn("parsing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("parse", total=self._expected)
        self._progress.advance(self._task)
        self._done += 1

    def close(self) -> None:
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
