"""Query latency at scale: build a synthetic warehouse, time every query, print p50/p95 and RSS.

    python -m benchmarks.bench_warehouse                    # 100k postings (quick)
    python -m benchmarks.bench_warehouse --postings 1000000 # the issue's target scale

Targets (issue 4): every query <= 200 ms p95 warm, <= 1.5 GB RSS, at 1M postings: both the
build (`jobdash synth`, run in a child process, so its peak is measured on its own) and this
query process (whose peak RSS is then the reader's alone).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

from warehouse import queries as q
from warehouse.connection import Warehouse
from warehouse.filters import Filters

TARGET_P95_MS = 200.0
TARGET_RSS_MB = 1536.0

QUERIES: list[tuple[str, Callable[[Warehouse, Filters], object]]] = [
    ("filter_options", q.filter_options),
    ("count_postings", q.count_postings),
    ("overview", q.overview),
    ("warehouse_info", lambda wh, f: q.warehouse_info(wh)),
    ("newest_postings", q.newest_postings),
    ("skills_demand", q.skills_demand),
    ("skills_demand[language]", lambda wh, f: q.skills_demand(wh, f, kind="language")),
    ("skill_cooccurrence", q.skill_cooccurrence),
    ("skills_by_team", q.skills_by_team),
    ("pay_ranges[year]", lambda wh, f: q.pay_ranges(wh, f, normalize_to="year")),
    ("pay_by_team", q.pay_by_team),
    ("pay_distribution", q.pay_distribution),
    ("pay_coverage", q.pay_coverage),
    ("start_date_cohorts", q.start_date_cohorts),
    ("season_years", q.season_years),
    ("durations", q.durations),
    ("team_distribution", q.team_distribution),
    ("team_language_matrix", q.team_language_matrix),
    ("postings_list", q.postings_list),
    (
        "postings_list[pay_min asc, page 20]",
        lambda wh, f: q.postings_list(wh, f, sort="pay_min", descending=False, offset=1000),
    ),
    ("postings_extract[first 10k]", lambda wh, f: q.postings_extract(wh, f, limit=10_000)),
    ("posting_detail", lambda wh, f: q.posting_detail(wh, 4242)),
    ("missing_fields", q.missing_fields),
    ("postings_missing_fields", q.postings_missing_fields),
    ("rejected_documents", lambda wh, f: q.rejected_documents(wh)),
    ("duplicate_groups", q.duplicate_groups),
]

FILTER_SETS = {
    # What a person typically narrows to: a language and a season, reposts counted once.
    "typical": Filters(languages=("Python",), seasons=("Summer",)),
    # Everything, every repost: the most rows any query touches.
    "broadest": Filters(dedupe=False),
    # A narrow team + search: the selective end.
    "narrow": Filters(teams=("User and Relation",), search="intern"),
}


def _rows(result: object) -> int:
    if isinstance(result, pl.DataFrame):
        return result.height
    return 0 if result is None else 1


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0


def build(db: Path, postings: int, seed: int) -> dict:
    """Build the synthetic warehouse in a child process; returns its figures and peak RSS."""
    started = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl.cli",
            "synth",
            "--postings",
            str(postings),
            "--db",
            str(db),
            "--seed",
            str(seed),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["wall_seconds"] = round(time.perf_counter() - started, 2)
    figures["build_peak_rss_mb"] = round(_peak_rss_mb(resource.RUSAGE_CHILDREN), 1)
    return figures


def time_queries(wh: Warehouse, repeat: int) -> list[dict]:
    results = []
    for filter_name, filters in FILTER_SETS.items():
        for name, query in QUERIES:
            query(wh, filters)  # warm-up
            timings = []
            rows = 0
            for _ in range(repeat):
                started = time.perf_counter()
                result = query(wh, filters)
                timings.append((time.perf_counter() - started) * 1000)
                rows = _rows(result)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            results.append(
                {
                    "filters": filter_name,
                    "query": name,
                    "p50_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(p95, 1),
                    "rows": rows,
                }
            )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=20, help="timed runs per query and filter set"
    )
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep this warehouse file")
    parser.add_argument("--skip-build", action="store_true", help="time queries on --db as it is")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="jobdash-bench-") as tmp:
        db = args.db or Path(tmp) / "synthetic.duckdb"
        if args.skip_build:
            print(f"warehouse: {db} (not rebuilt)")
        else:
            figures = build(db, args.postings, args.seed)
            print(
                f"build: {figures['postings']:,} postings in {figures['seconds']:.1f} s "
                f"({figures['postings'] / max(figures['seconds'], 1e-9):,.0f} postings/s), "
                f"file {figures['bytes'] / 2**20:,.0f} MB"
            )
            print(
                f"build process peak RSS: {figures['build_peak_rss_mb']:,.0f} MB "
                f"(target <= {TARGET_RSS_MB:,.0f} MB)"
            )
        wh = Warehouse(db)
        started = time.perf_counter()
        count = q.count_postings(wh, Filters(dedupe=False))["matching"][0]
        print(
            f"open + first query: {(time.perf_counter() - started) * 1000:.0f} ms; {count:,} postings"
        )
        results = time_queries(wh, args.repeat)
        wh.close()

    frame = pl.DataFrame(results)
    with pl.Config(tbl_rows=200, tbl_width_chars=140, tbl_hide_dataframe_shape=True):
        print(frame.sort("filters", "query"))
    worst = frame.sort("p95_ms", descending=True).row(0, named=True)
    over = frame.filter(pl.col("p95_ms") > TARGET_P95_MS)
    rss = _peak_rss_mb()
    print(f"worst p95: {worst['p95_ms']} ms ({worst['query']}, {worst['filters']} filters)")
    print(f"queries over {TARGET_P95_MS:.0f} ms p95: {over.height} of {frame.height}")
    print(f"query process peak RSS: {rss:,.0f} MB (target <= {TARGET_RSS_MB:,.0f} MB)")


if __name__ == "__main__":
    main()
