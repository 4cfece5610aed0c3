"""Repost grouping at scale: time and peak RSS of regrouping N postings' signatures.

    python -m benchmarks.bench_dedupe --postings 1000000
    python -m benchmarks.bench_dedupe --postings 1000000 --repost-share 0.1

Every ingest that changed postings ends by regrouping near-duplicate reposts over the whole
warehouse (`WarehouseWriter.regroup_duplicates`), so at a million postings this step sets the
run's peak memory. Ingesting a million files to get there takes an hour; this builds the same
`postings` and `posting_signatures` rows directly: the MinHash signatures of the corpus texts
(else the bundled samples), cycled. With `--repost-share 1` (the default) every cycled copy
is an exact repost, as in `bench_ingest --synthetic-rows`: every posting is a candidate, the
worst case. A lower share makes the other copies distinct postings.

The regroup runs in a fresh process on the built file, with the ingest build's DuckDB
settings, so its peak RSS is the regroup's own. Target (issue 4): <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import polars as pl

from benchmarks.bench_ingest import DEFAULT_CORPUS, RSS_TARGET_MB, realistic_records
from warehouse.dedupe import minhash_signature
from warehouse.load import WarehouseWriter
from warehouse.publish import INGEST_BUILD_CONFIG
from warehouse.schema import apply_migrations


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--repost-share", type=float, default=1.0, metavar="SHARE")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", type=Path, help="build here (default: a temporary folder)")
    parser.add_argument(
        "--regroup-only", action="store_true", help="regroup an existing --db (the child run)"
    )
    args = parser.parse_args(argv)
    if args.regroup_only:
        regroup(args.db)
        return
    with tempfile.TemporaryDirectory(prefix="jobdash-bench-dedupe-") as tmp:
        db = args.db or Path(tmp) / "dedupe.duckdb"
        started = time.perf_counter()
        base = build(db, args.postings, args.repost_share, args.corpus)
        print(
            f"built {args.postings:,} postings from {base:,} distinct texts "
            f"(repost share {args.repost_share:.0%}) in {time.perf_counter() - started:.1f} s"
        )
        child = [sys.executable, "-m", "benchmarks.bench_dedupe", "--regroup-only", "--db", db]
        figures = json.loads(subprocess.run(child, check=True, capture_output=True).stdout)
    print(
        f"regroup: {figures['seconds']:.1f} s, {figures['groups']:,} groups of 2 or more, "
        f"{figures['grouped']:,} postings in them"
    )
    print(
        f"peak RSS of the regrouping process: {figures['peak_mb']:,.0f} MB "
        f"(target <= {RSS_TARGET_MB:,} MB)"
    )


def build(db: Path, postings: int, repost_share: float, corpus: Path) -> int:
    """Write `postings` rows of postings/posting_signatures into a new warehouse; returns #texts."""
    base = [
        (number, company or None, title or None, minhash_signature(text, company, title).tolist())
        for number, (title, company, _, text) in enumerate(realistic_records(corpus))
    ]
    frame = pl.DataFrame(
        base,
        schema={
            "k": pl.Int64,
            "company": pl.String,
            "title": pl.String,
            "minhash": pl.List(pl.UInt64),
        },
        orient="row",
    )
    con = duckdb.connect(str(db))
    try:
        apply_migrations(con)
        con.register("_base", frame)
        # Copy c of text k is posting c * K + k; a copy that is not a repost gets values of its
        # own in every position (hashes of the posting id), so it shares no band bucket.
        con.execute(
            """CREATE TEMP TABLE _rows AS
               SELECT i AS posting_id, b.company, b.title,
                      CASE WHEN i < $k OR hash(i, 'repost') % 10000 < $share * 10000
                           THEN b.minhash
                           ELSE list_transform(b.minhash, (v, j) -> hash(i, j)) END AS minhash
               FROM range($n) r(i) JOIN _base b ON b.k = i % $k""",
            {"n": postings, "k": len(base), "share": repost_share},
        )
        con.execute(
            """INSERT INTO postings (posting_id, parser_version, company, title)
               SELECT posting_id, 'bench_dedupe', company, title FROM _rows"""
        )
        con.execute("INSERT INTO posting_signatures SELECT posting_id, minhash FROM _rows")
        con.execute("DROP TABLE _rows")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return len(base)


def regroup(db: Path) -> None:
    """Regroup the reposts of `db` as an ingest build does; print figures as JSON."""
    con = duckdb.connect(str(db), config=dict(INGEST_BUILD_CONFIG))
    try:
        started = time.perf_counter()
        groups = WarehouseWriter(con).regroup_duplicates()
        seconds = time.perf_counter() - started
        (grouped,) = con.execute(
            "SELECT count(*) FROM postings WHERE dup_group_size > 1"
        ).fetchone()
    finally:
        con.close()
    print(
        json.dumps(
            {"seconds": seconds, "groups": groups, "grouped": grouped, "peak_mb": _peak_rss_mb()}
        )
    )


def _peak_rss_mb() -> float:
    """This process's own peak RSS. Linux keeps ru_maxrss across fork and exec, so in a child
    it would be the parent's when that was higher; VmHWM belongs to this program alone."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
