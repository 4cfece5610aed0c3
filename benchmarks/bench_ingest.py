"""Ingest throughput on the real corpus: first ingest (postings/s, 2 cores) and re-ingest time.

    python -m benchmarks.bench_ingest                 # every posting file under ../shared/corpus
    python -m benchmarks.bench_ingest --workers 1     # one process, for comparison

Target (issue 4): re-ingesting an unchanged corpus takes <= 5% of the first ingest's time.
Prints a note and returns when the corpus is not there (it is never part of the project).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
from pathlib import Path

from etl.ingest import ingest_paths
from etl.sources import iter_posting_files

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus"
REINGEST_TARGET = 0.05


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
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return
    files = corpus_files(args.corpus)
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    print(f"corpus: {len(files)} files, {size_mb:,.1f} MB under {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="jobdash-bench-ingest-") as tmp:
        db = Path(tmp) / "corpus.duckdb"
        first = ingest_paths(files, db, workers=args.workers, progress=False)
        if not first.ok:
            print(f"first ingest failed: {first.error}")
            return
        rate = first.parsed / first.seconds if first.seconds else 0.0
        print(
            f"first ingest: {first.parsed:,} postings parsed, {len(first.rejected):,} rejected, "
            f"{first.seconds:.1f} s -> {rate:,.1f} postings/s "
            f"({args.workers or 'all'} worker(s)); {first.duplicate_groups:,} repost groups"
        )
        again = ingest_paths(files, db, workers=args.workers, progress=False)
        share = again.seconds / first.seconds if first.seconds else 0.0
        print(
            f"re-ingest (unchanged): {again.seconds:.2f} s = {share:.1%} of the first "
            f"(target <= {REINGEST_TARGET:.0%}); parsed {again.parsed}, unchanged {again.unchanged:,}"
        )
        print(f"warehouse file: {db.stat().st_size / 2**20:,.1f} MB")
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
    )
    print(
        "peak RSS of parser processes: "
        f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:,.0f} MB"
    )


if __name__ == "__main__":
    main()
