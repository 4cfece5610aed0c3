"""Ingest throughput on the real corpus: first ingest (postings/s, 2 cores) and re-ingest time.

    python -m benchmarks.bench_ingest                 # every posting file under ../shared/corpus
    python -m benchmarks.bench_ingest --workers 1     # one process, for comparison
    python -m benchmarks.bench_ingest --synthetic-rows 100000   # one large CSV export

Target (issue 4): re-ingesting an unchanged corpus takes <= 5% of the first ingest's time.
Prints a note and returns when the corpus is not there (it is never part of the project).

`--synthetic-rows N` writes one CSV export of N postings to a temporary folder (the corpus
texts over and over, else the bundled samples; each row its own id) and times its first
ingest. Target: peak RSS <= 1.5 GB however many rows. Records are streamed in batches; on
2026-12-03 the peak was 1,005 MB at 100,000 rows, 1,098 MB at 200,000 and 1,075 MB at
500,000: RSS levels off near 1 GB once DuckDB's buffer pool reaches the build's limit
(1,528 MB at 100,000 before ingest builds stopped rewriting postings and documents at every
checkpoint, 4.9 GB before the Markdown renderer's leak was fixed); see etl/ingest.py.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from etl.config import SAMPLES_DIR
from etl.ingest import IngestSummary, ingest_paths
from etl.sources import iter_posting_files

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus"
REINGEST_TARGET = 0.05
RSS_TARGET_MB = 1536
EXPORT_HEADER = ["job_id", "title", "company_name", "location", "description"]


def corpus_files(corpus: Path) -> list[Path]:
    """The posting files of the corpus, leaving out each source's SOURCE.md description."""
    return [p for p in iter_posting_files([corpus]) if p.name != "SOURCE.md"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--workers", type=int, default=None, help="parser processes (default: all cores)"
    )
    parser.add_argument(
        "--synthetic-rows",
        type=int,
        metavar="N",
        help="ingest one generated CSV export of N postings instead of the corpus files",
    )
    args = parser.parse_args(argv)
    if args.synthetic_rows:
        bench_synthetic_export(args.synthetic_rows, args.corpus, args.workers)
        return
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return
    files = corpus_files(args.corpus)
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    print(f"corpus: {len(files)} files, {size_mb:,.1f} MB under {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="jobdash-bench-ingest-") as tmp:
        db = Path(tmp) / "corpus.duckdb"
        first = first_ingest(files, db, args.workers)
        if first is None:
            return
        again = ingest_paths(files, db, workers=args.workers, progress=False)
        share = again.seconds / first.seconds if first.seconds else 0.0
        print(
            f"re-ingest (unchanged): {again.seconds:.2f} s = {share:.1%} of the first "
            f"(target <= {REINGEST_TARGET:.0%}); parsed {again.parsed}, unchanged {again.unchanged:,}"
        )
        print(f"warehouse file: {db.stat().st_size / 2**20:,.1f} MB")
    print_peak_rss()


def first_ingest(
    files: list[Path], db: Path, workers: int | None, *, groups_note: str = ""
) -> IngestSummary | None:
    """Ingest `files` into a new warehouse and print its rate; None (and why) if it failed."""
    first = ingest_paths(files, db, workers=workers, progress=False)
    if not first.ok:
        print(f"first ingest failed: {first.error}")
        return None
    rate = first.parsed / first.seconds if first.seconds else 0.0
    print(
        f"first ingest: {first.parsed:,} postings parsed, {len(first.rejected):,} rejected, "
        f"{first.seconds:.1f} s -> {rate:,.1f} postings/s ({workers or 'all'} worker(s)); "
        f"{first.duplicate_groups:,} repost groups{groups_note}"
    )
    return first


def print_peak_rss() -> None:
    """Peak RSS of this process and of the largest parser process (ru_maxrss is in KB on Linux)."""
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {main_mb:,.0f} MB (target <= {RSS_TARGET_MB:,} MB)")
    print(
        "peak RSS of parser processes (the largest one): "
        f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:,.0f} MB"
    )


def bench_synthetic_export(rows: int, corpus: Path, workers: int | None) -> None:
    """Write a CSV export of `rows` realistic postings, ingest it once, print rate and peak RSS."""
    origin = f"corpus texts under {corpus}" if corpus.is_dir() else "the bundled samples"
    with tempfile.TemporaryDirectory(prefix="jobdash-bench-export-") as tmp:
        export, db = Path(tmp) / "export.csv", Path(tmp) / "export.duckdb"
        started = time.perf_counter()
        write_export(export, rows, corpus)
        print(
            f"export: {rows:,} rows ({origin}, cycled), {export.stat().st_size / 2**20:,.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        if first_ingest([export], db, workers, groups_note=" (the texts repeat)") is None:
            return
        print(f"warehouse file: {db.stat().st_size / 2**20:,.1f} MB")
    print_peak_rss()


def write_export(path: Path, rows: int, corpus: Path) -> None:
    """A CSV in the shape of a dataset dump: one posting a row, a unique id, raw descriptions."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(EXPORT_HEADER)
        records = itertools.islice(_cycled(lambda: realistic_records(corpus)), rows)
        for number, record in enumerate(records):
            out.writerow([f"synthetic-{number}", *record])


def _cycled(records: Callable[[], Iterator[list[str]]]) -> Iterator[list[str]]:
    """The records over and over, re-read each time (holding them would count in the RSS)."""
    while True:
        empty = True
        for record in records():
            empty = False
            yield record
        if empty:
            raise SystemExit("no postings to build an export from")


def realistic_records(corpus: Path) -> Iterator[list[str]]:
    """[title, company, location, description] of every corpus posting, else of the samples."""
    linkedin = corpus / "linkedin_arshkon_sample" / "postings.csv"
    remote = corpus / "remotewlb_remote_jobs" / "postings.jsonl"
    if not linkedin.exists() and not remote.exists():
        for sample in sorted(SAMPLES_DIR.glob("*.txt")):
            yield ["", "", "", sample.read_text(encoding="utf-8")]
        return
    if linkedin.exists():
        csv.field_size_limit(1 << 30)
        with linkedin.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield [row["title"], row["company_name"], row["location"], row["description"]]
    if remote.exists():
        with remote.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                location = row.get("header_location") or ""
                yield [row["title"], row.get("company") or "", location, row["description_md"]]


if __name__ == "__main__":
    main()
