"""Parser throughput on real postings, one process: postings/s and p50/p99 ms per posting.

    python -m benchmarks.bench_parse [--limit N] [--smoke]

Reads the public corpus (../shared/corpus: LinkedIn descriptions and RemoteWLB markdown
posts) when it is there, else the bundled samples. `--smoke` parses the bundled samples a
few times (what `make test` runs). Text is handed straight to `parse_posting`, so the
figure is the parser alone, not file reading.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import statistics
import sys
import time
from collections.abc import Iterator

from etl.config import PROJECT_DIR, SAMPLES_DIR
from etl.parse import parse_posting

CORPUS = PROJECT_DIR.parent / "shared" / "corpus"


def corpus_texts(limit: int | None) -> Iterator[str]:
    """Posting texts from the public corpus, LinkedIn first, then RemoteWLB."""
    count = 0
    linkedin = CORPUS / "linkedin_arshkon_sample" / "postings.csv"
    remote = CORPUS / "remotewlb_remote_jobs" / "postings.jsonl"
    csv.field_size_limit(1 << 30)
    if linkedin.exists():
        with linkedin.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                yield f"{row['title']}\n{row['company_name']}\n\n{row['description']}"
                count += 1
                if limit and count >= limit:
                    return
    if remote.exists():
        with remote.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                yield f"{row['title']}\n{row.get('company') or ''}\n\n{row['description_md']}"
                count += 1
                if limit and count >= limit:
                    return


def sample_texts(repeat: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES_DIR.glob("*.txt"))]
    return texts * repeat


def measure(texts: list[str]) -> dict[str, float]:
    """Parse every text once after one warm-up pass over the first few; return the figures."""
    for text in texts[:5]:
        parse_posting(text)
    gc.collect()
    timings: list[float] = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        t0 = time.perf_counter()
        parse_posting(text)
        timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    timings.sort()
    return {
        "postings": len(texts),
        "seconds": elapsed,
        "postings_per_s": len(texts) / elapsed if elapsed else float("inf"),
        # CPU time of this process: the one-core figure even when other work shares the machine.
        "postings_per_cpu_s": len(texts) / cpu if cpu else float("inf"),
        "p50_ms": statistics.median(timings),
        "p99_ms": timings[min(len(timings) - 1, int(len(timings) * 0.99))],
        "max_ms": timings[-1],
        "mean_kb": sum(len(t) for t in texts) / len(texts) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--limit", type=int, default=None, help="parse at most N corpus postings")
    ap.add_argument("--smoke", action="store_true", help="a quick run on the bundled samples")
    args = ap.parse_args(argv)
    if args.smoke:
        texts, origin = sample_texts(repeat=4), "bundled samples x4"
    else:
        texts = list(corpus_texts(args.limit))
        origin = f"public corpus ({CORPUS})"
        if not texts:
            texts, origin = sample_texts(repeat=100), "bundled samples x100 (corpus not found)"
    figures = measure(texts)
    print(f"parser on {origin}: {figures['postings']} postings, mean {figures['mean_kb']:.1f} KB")
    print(
        f"  {figures['postings_per_s']:,.0f} postings/s wall, {figures['postings_per_cpu_s']:,.0f} "
        f"postings per CPU-second (one process)  p50 {figures['p50_ms']:.2f} ms  "
        f"p99 {figures['p99_ms']:.2f} ms  max {figures['max_ms']:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
