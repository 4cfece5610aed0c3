"""Reading real posting exports end to end: postings/s and what the parser finds versus the source's own columns.

    python -m benchmarks.bench_sources [--limit N]

Reads both public corpus files (../shared/corpus) through `etl.sources.read_source` with
the generic column detection (no corpus-specific code: the LinkedIn CSV's `description`,
`min_salary`/`max_salary`/`med_salary`, `pay_period`, `formatted_work_type`, `listed_time`
columns and the RemoteWLB JSONL's `description_md`, `title`, `company`, `apply_url`, `id`
map through the synonym table in etl/sources/vocab.toml), then parses every posting through
`etl.pipeline.parse_document`.

Each posting is parsed from its text alone first, so the figures say what the parser finds
in the text; the structured columns are then merged the way `parse_document` does, and
compared: LinkedIn's salary columns and work type, RemoteWLB's raw `header_pay` string and
its `skill_category` folder (read from the file, since neither is a Posting field).
Skips with a message when ../shared/corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from etl.config import PROJECT_DIR
from etl.model import Posting, Rejection, SourceDocument
from etl.pipeline import parse_document
from etl.sources import read_source
from etl.sources.reconcile import PAY_FIELDS, apply_known_fields, pay_agrees

CORPUS = PROJECT_DIR.parent / "shared" / "corpus"
LINKEDIN = CORPUS / "linkedin_arshkon_sample" / "postings.csv"
REMOTEWLB = CORPUS / "remotewlb_remote_jobs" / "postings.jsonl"

# A currency amount in a body: the text gives the parser a chance to find pay.
_AMOUNT_IN_TEXT = re.compile(r"(?:[$€£₹]|\b(?:USD|CAD|EUR|GBP)\s?)\s?\d")
_HEADER_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([kK])?")
# RemoteWLB files postings in folders by skill; these folders are programming languages.
_CATEGORY_LANGUAGE = {"Python": "Python", "Java": "Java", "Golang": "Go", "C#": "C#", "PHP": "PHP"}


@dataclass
class Tally:
    """What one corpus file produced."""

    name: str
    postings: int = 0
    rejections: Counter = field(default_factory=Counter)
    read_seconds: float = 0.0
    read_cpu: float = 0.0
    parse_seconds: float = 0.0
    parse_cpu: float = 0.0
    text_pay: int = 0
    text_team: int = 0
    text_languages: int = 0
    merged_pay: int = 0
    merged_team: int = 0
    disagreements: Counter = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)


def documents(path: Path, limit: int | None) -> tuple[list[SourceDocument], Counter, float, float]:
    """The file's postings (first `limit`), rejection reasons, wall and CPU seconds reading."""
    started, cpu = time.perf_counter(), time.process_time()
    docs: list[SourceDocument] = []
    rejected: Counter = Counter()
    for item in read_source(path):
        if isinstance(item, Rejection):
            rejected[_reason_kind(item.reason)] += 1
            continue
        docs.append(item)
        if limit and len(docs) >= limit:
            break
    return docs, rejected, time.perf_counter() - started, time.process_time() - cpu


def parsed_pairs(
    docs: list[SourceDocument], tally: Tally
) -> Iterator[tuple[SourceDocument, Posting, Posting]]:
    """(document, posting from the text alone, posting with the structured fields merged)."""
    for doc in docs:
        started, cpu = time.perf_counter(), time.process_time()
        text_only = parse_document(doc.model_copy(update={"known": {}}))
        merged = apply_known_fields(text_only.model_copy(deep=True), doc.known)
        tally.parse_seconds += time.perf_counter() - started
        tally.parse_cpu += time.process_time() - cpu
        yield doc, text_only, merged


def count_common(tally: Tally, text_only: Posting, merged: Posting) -> None:
    tally.postings += 1
    tally.text_pay += text_only.pay_min is not None
    tally.text_team += text_only.team is not None
    tally.text_languages += bool(text_only.languages)
    tally.merged_pay += merged.pay_min is not None
    tally.merged_team += merged.team is not None
    tally.disagreements.update(d.field for d in merged.disagreements)


def bench_linkedin(limit: int | None) -> Tally:
    tally = Tally("linkedin_arshkon_sample/postings.csv")
    docs, tally.rejections, tally.read_seconds, tally.read_cpu = documents(LINKEDIN, limit)
    structured = with_text_amount = found = found_where_stated = agree = 0
    work_types = work_type_agree = titles_agree = 0
    for doc, text_only, merged in parsed_pairs(docs, tally):
        count_common(tally, text_only, merged)
        titles_agree += _same(text_only.title, doc.known.get("title"))
        if doc.known.get("employment_type"):
            work_types += 1
            work_type_agree += text_only.employment_type == doc.known["employment_type"]
        if "pay_min" not in doc.known:
            continue
        structured += 1
        stated = bool(_AMOUNT_IN_TEXT.search(doc.text))
        with_text_amount += stated
        if text_only.pay_min is None:
            continue
        found += 1
        found_where_stated += stated
        known_pay = {f: doc.known.get(f) for f in PAY_FIELDS}
        agree += pay_agrees({f: getattr(text_only, f) for f in PAY_FIELDS}, known_pay)
    tally.lines += [
        f"structured pay (min/max/med_salary): {structured} postings; "
        f"{with_text_amount} of them state an amount in the text",
        f"  parser found pay in {found} of {structured} ({_pct(found, structured)}); "
        f"in {found_where_stated} of the {with_text_amount} that state one "
        f"({_pct(found_where_stated, with_text_amount)})",
        f"  parsed pay agrees with the salary columns (amounts within 1%, same period): "
        f"{agree} of {found} found ({_pct(agree, found)})",
        f"formatted_work_type mapped: {work_types}; parsed employment_type equal: "
        f"{work_type_agree} ({_pct(work_type_agree, work_types)})",
        f"parsed title equals the title column: {titles_agree} of {tally.postings} "
        f"({_pct(titles_agree, tally.postings)})",
    ]
    return tally


def bench_remotewlb(limit: int | None) -> Tally:
    tally = Tally("remotewlb_remote_jobs/postings.jsonl")
    raw = _raw_records(REMOTEWLB)
    docs, tally.rejections, tally.read_seconds, tally.read_cpu = documents(REMOTEWLB, limit)
    with_header_pay = found = agree = 0
    category_total = category_found = titles_agree = 0
    for doc, text_only, merged in parsed_pairs(docs, tally):
        count_common(tally, text_only, merged)
        record = raw.get(doc.external_id or "", {})
        titles_agree += _same(text_only.title, doc.known.get("title"))
        language = _CATEGORY_LANGUAGE.get(record.get("skill_category", ""))
        if language:
            category_total += 1
            category_found += language in text_only.languages
        header_numbers = _header_amounts(record.get("header_pay"))
        if not header_numbers:
            continue
        with_header_pay += 1
        if text_only.pay_min is None:
            continue
        found += 1
        agree += any(
            _close(amount, parsed)
            for amount in header_numbers
            for parsed in (text_only.pay_min, text_only.pay_max)
        )
    tally.lines += [
        f"header_pay with a number: {with_header_pay} postings (the board's raw string; "
        "not a Posting field, so compared here)",
        f"  parser found pay in {found} of them ({_pct(found, with_header_pay)}); "
        f"a parsed bound equals a header figure in {agree} ({_pct(agree, found)})",
        f"skill_category is a language ({', '.join(_CATEGORY_LANGUAGE)}): {category_total} "
        f"postings; parsed languages include it in {category_found} "
        f"({_pct(category_found, category_total)})",
        f"parsed title equals the title field: {titles_agree} of {tally.postings} "
        f"({_pct(titles_agree, tally.postings)})",
    ]
    return tally


def report(tally: Tally) -> None:
    n = tally.postings
    print(f"\n{tally.name}")
    # CPU seconds too: on a shared machine the wall clock also measures the neighbours.
    print(
        f"  read   {n} postings in {tally.read_seconds:.2f} s = {_rate(n, tally.read_seconds)} "
        f"postings/s ({_rate(n, tally.read_cpu)} per CPU-second)"
        f"; rejected {sum(tally.rejections.values())}"
        + "".join(
            f"\n           {count} x {reason}" for reason, count in tally.rejections.most_common()
        )
    )
    total = tally.read_seconds + tally.parse_seconds
    cpu = tally.read_cpu + tally.parse_cpu
    print(
        f"  read + parse_document: {total:.2f} s = {_rate(n, total)} postings/s "
        f"({_rate(n, cpu)} per CPU-second)"
    )
    print(
        f"  from the text alone: pay {tally.text_pay} ({_pct(tally.text_pay, n)}), "
        f"team {tally.text_team} ({_pct(tally.text_team, n)}), "
        f"languages {tally.text_languages} ({_pct(tally.text_languages, n)})"
    )
    print(
        f"  with structured fields merged: pay {tally.merged_pay} ({_pct(tally.merged_pay, n)}), "
        f"team {tally.merged_team} ({_pct(tally.merged_team, n)}); disagreements "
        + (", ".join(f"{f} {c}" for f, c in tally.disagreements.most_common()) or "none")
    )
    for line in tally.lines:
        print(f"  {line}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=None, help="postings per corpus file")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    missing = [p for p in (LINKEDIN, REMOTEWLB) if not p.exists()]
    if missing:
        print(f"bench_sources: skipped, corpus not found ({', '.join(map(str, missing))})")
        return
    for bench in (bench_linkedin, bench_remotewlb):
        report(bench(args.limit))


def _raw_records(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle) if "id" in record}


def _header_amounts(header_pay: str | None) -> list[float]:
    amounts = []
    for number, thousands in _HEADER_NUMBER.findall(header_pay or ""):
        value = float(number.replace(",", ""))
        value *= 1000 if thousands else 1
        if value > 0:
            amounts.append(value)
    return amounts


def _close(a: float, b: float | None) -> bool:
    return b is not None and abs(a - b) <= 0.01 * max(a, b)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _reason_kind(reason: str) -> str:
    # "line 17: empty description" -> "empty description": group by what, not where.
    return re.sub(r"^(?:CSV row \d+|line \d+)(?: onwards)?: ", "", reason)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "n/a"


if __name__ == "__main__":
    main()
