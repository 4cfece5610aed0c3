"""Run every `benchmarks/bench_*.py` module's `main()` with its defaults and print its figures.

`python -m benchmarks` runs them all; `python -m benchmarks warehouse ingest` runs the named
ones. For a module's own options run it directly, e.g.
`python -m benchmarks.bench_warehouse --postings 1000000`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def _bench_modules() -> list[str]:
    folder = Path(__file__).resolve().parent
    return sorted(
        info.name for info in pkgutil.iter_modules([str(folder)]) if info.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    wanted = argv if argv is not None else sys.argv[1:]
    names = _bench_modules()
    if wanted:
        chosen = [n for n in names if n in wanted or n.removeprefix("bench_") in wanted]
        unknown = set(wanted) - {n for n in names} - {n.removeprefix("bench_") for n in names}
        if unknown:
            print(f"unknown benchmark(s): {', '.join(sorted(unknown))}; have: {', '.join(names)}")
            return 2
        names = chosen
    failed = []
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        saved_argv = sys.argv
        sys.argv = [name]  # each benchmark runs with its own defaults
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            module.main()
        except Exception:
            traceback.print_exc()
            failed.append(name)
        finally:
            sys.argv = saved_argv
        print(f"--- {name}: {time.perf_counter() - started:.1f} s", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
