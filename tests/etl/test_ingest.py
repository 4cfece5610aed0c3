"""The ingest pipeline end to end on small folders of posting files written here."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner
from rich.console import Console

import etl.ingest as ingest_module
import etl.sources as sources
import etl.sources.decode as decode
import warehouse.load as load_module
import warehouse.publish as publish_module
from etl.cli import main
from etl.ingest import ingest_documents, ingest_paths, print_summary
from etl.model import Posting, SourceDocument
from warehouse import queries as q
from warehouse.connection import Warehouse
from warehouse.marts import MART_TABLES, MARTS_VERSION, marts_version, refresh_marts
from warehouse.status import warehouse_status


def _write_postings(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"posting_{i:03d}.txt"
        path.write_text(
            f"Software Engineer Intern {i}\nExample Corp is hiring interns for team {i % 3}.\n"
            f"Requirements: Python and SQL. Posting number {i}, unique words {i * 7919}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _counts(db: Path) -> tuple[int, int, int]:
    status = warehouse_status(db)
    return status["documents"], status["postings"], status["rejected"]


def test_second_ingest_parses_nothing_and_changes_nothing(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_postings(corpus, 4)
    first = ingest_paths([corpus], db, progress=False)
    assert first.ok, first.error
    assert (first.files, first.parsed, first.unchanged) == (4, 4, 0)
    extract_before = q.postings_extract(Warehouse(db), q.Filters(dedupe=False))

    second = ingest_paths([corpus], db, progress=False)
    assert second.ok, second.error
    assert (second.parsed, second.replaced, second.reparsed, second.unchanged) == (0, 0, 0, 4)
    extract_after = q.postings_extract(Warehouse(db), q.Filters(dedupe=False))
    assert extract_after.equals(extract_before)
    assert _counts(db) == (4, 4, 0)
    assert warehouse_status(db)["runs"] == 2


def test_a_changed_file_replaces_its_posting(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    paths = _write_postings(corpus, 3)
    assert ingest_paths([corpus], db, progress=False).ok
    paths[1].write_text(
        "Data Engineer Intern\nRewritten posting text, nothing like before.\n", encoding="utf-8"
    )

    summary = ingest_paths([corpus], db, progress=False)
    assert (summary.parsed, summary.replaced, summary.unchanged) == (0, 1, 2)
    assert _counts(db)[:2] == (3, 3)
    wh = Warehouse(db)
    texts = [
        q.posting_detail(wh, pid).text
        for pid in q.postings_list(wh, q.Filters(dedupe=False))["posting_id"]
    ]
    assert sum("Rewritten posting text" in t for t in texts) == 1
    wh.close()
    # The raw layer: the replaced document keeps its id and when it was first seen.
    raw = _query(
        db,
        """SELECT source LIKE '%posting_001.txt', bytes, format, first_run, last_run,
                  first_seen < last_seen, content_hash IS NOT NULL FROM documents ORDER BY document_id""",
    )
    rewritten = len(b"Data Engineer Intern\nRewritten posting text, nothing like before.")
    assert raw[1] == (True, rewritten, "text", 1, 2, True, True)
    assert [row[3:5] for row in raw] == [(1, 2), (1, 2), (1, 2)]


def test_a_new_parser_version_reparses_stored_documents_without_the_files(tmp_path, monkeypatch):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    paths = _write_postings(corpus, 3)
    assert ingest_paths([corpus], db, progress=False).ok
    for path in paths:
        path.unlink()
    seen: list[str] = []

    def new_parser(doc: SourceDocument, **_: object) -> Posting:
        seen.append(doc.text)
        return Posting(
            source=doc.source, parser_version="v-next", company="Example Corp", text=doc.text
        )

    monkeypatch.setattr(ingest_module, "PARSER_VERSION", "v-next")
    monkeypatch.setattr(ingest_module, "parse_document", new_parser)
    monkeypatch.setattr(ingest_module, "READ_BATCH", 2)  # read back from the raw layer in batches
    summary = ingest_paths([], db, progress=False)
    assert summary.ok, summary.error
    assert (summary.reparsed, summary.parsed) == (3, 0)
    assert len(seen) == 3 and all("Software Engineer Intern" in text for text in seen)
    assert warehouse_status(db)["parser_version"] == "v-next"
    options = q.filter_options(Warehouse(db))
    assert options.filter(pl.col("field") == "companies")["value"].to_list() == ["Example Corp"]
    again = ingest_paths([], db, progress=False)
    assert again.reparsed == 0


def test_rejected_files_are_named_with_a_reason_and_not_counted_twice(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_postings(corpus, 2)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    summary = ingest_paths([corpus, tmp_path / "missing-folder"], db, progress=False)
    assert summary.ok
    reasons = {Path(r.source).name: r.reason for r in summary.rejected}
    assert set(reasons) == {"empty.txt", "missing-folder"}
    assert "no such file" in reasons["missing-folder"]
    out = io.StringIO()
    print_summary(summary, Console(file=out, width=200))
    printed = out.getvalue()
    assert "empty.txt" in printed and reasons["empty.txt"] in printed
    assert "missing-folder" in printed
    assert _counts(db) == (2, 2, 1)  # a path that does not exist is not a document of the warehouse

    ingest_paths([corpus], db, progress=False)
    assert _counts(db) == (2, 2, 1)
    (corpus / "empty.txt").write_text(
        "Now a real posting: Backend Intern at Example Corp.\n", encoding="utf-8"
    )
    fixed = ingest_paths([corpus], db, progress=False)
    assert fixed.parsed == 1
    assert _counts(db) == (3, 3, 0)


def test_records_a_file_no_longer_contains_are_removed(tmp_path, monkeypatch):
    db = tmp_path / "wh.duckdb"
    export = tmp_path / "export.jsonl"
    records = {"a": "Posting A text for a backend intern.", "b": "Posting B text, data engineer."}

    def read_records(path: Path, columns=None):
        for key, text in records.items():
            yield SourceDocument(
                source=str(path), text=text, format="jsonl", locator=f"id {key}", external_id=key
            )

    monkeypatch.setattr(ingest_module, "read_source", read_records)
    export.write_text("version 1", encoding="utf-8")
    assert ingest_paths([export], db, progress=False).parsed == 2
    del records["a"]
    records["c"] = "Posting C text, frontend intern."
    export.write_text("version 2", encoding="utf-8")
    summary = ingest_paths([export], db, progress=False)
    assert (summary.parsed, summary.removed, summary.unchanged) == (1, 1, 1)
    assert _counts(db)[:2] == (2, 2)


def test_the_same_external_id_from_another_file_replaces_rather_than_duplicates(tmp_path):
    db = tmp_path / "wh.duckdb"
    old = SourceDocument(
        source="board-a.json", text="Old text of job 42.", format="json", external_id="job-42"
    )
    new = SourceDocument(
        source="board-b.json", text="New text of job 42.", format="json", external_id="job-42"
    )
    assert ingest_documents([old], db).parsed == 1
    summary = ingest_documents([new], db)
    assert (summary.parsed, summary.replaced) == (0, 1)
    assert _counts(db)[:2] == (1, 1)


def test_a_parser_crash_rejects_that_posting_and_keeps_the_rest(tmp_path):
    db = tmp_path / "wh.duckdb"
    docs = [
        SourceDocument(source=f"paste-{i}", text=f"Posting {i} text.", format="text")
        for i in range(3)
    ]

    def flaky(doc: SourceDocument) -> Posting:
        if doc.source == "paste-1":
            raise RuntimeError("boom")
        return Posting(source=doc.source, parser_version="t", text=doc.text)

    summary = ingest_documents(docs, db, parse=flaky)
    assert summary.ok
    assert [r.source for r in summary.rejected] == ["paste-1"]
    assert "parser failed" in summary.rejected[0].reason and "boom" in summary.rejected[0].reason
    assert _counts(db) == (3, 2, 1)


def test_a_failing_check_aborts_the_publish_and_names_the_rows(tmp_path):
    db = tmp_path / "wh.duckdb"
    good = SourceDocument(source="good.txt", text="A fine posting.", format="text")
    assert ingest_documents([good], db).ok
    before = _counts(db)

    def inverted_pay(doc: SourceDocument) -> Posting:
        return Posting(
            source=doc.source, parser_version="t", pay_min=50.0, pay_max=20.0, text=doc.text
        )

    bad = SourceDocument(source="inverted-pay.txt", text="Pay $50 - $20 an hour.", format="text")
    summary = ingest_documents([bad], db, parse=inverted_pay)
    assert not summary.ok
    assert "pay_min <= postings.pay_max" in summary.error
    assert "inverted-pay.txt" in summary.error
    assert _counts(db) == before
    assert not list(tmp_path.glob(".wh.duckdb.building-*"))
    # The failed run is in the run log, with what stopped it.
    (run,) = _query(db, "SELECT run_id, status, finished_at IS NOT NULL, note FROM ingest_runs"
                        " WHERE run_id = 2")  # fmt: skip
    assert run[:3] == (2, "failed", True)
    assert "pay_min <= postings.pay_max" in run[3] and "documents added directly" in run[3]
    assert warehouse_status(db)["last_run_status"] == "failed"
    out = io.StringIO()
    print_summary(summary, Console(file=out, width=300))
    assert "Ingest failed" in out.getvalue() and "inverted-pay.txt" in out.getvalue()


def test_parsing_in_a_process_pool_matches_parsing_in_process(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _write_postings(corpus, 6)
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(ingest_module, "READ_BATCH", 4)  # two batches: one handed out ahead
    monkeypatch.setattr(ingest_module.os, "cpu_count", lambda: 2)
    pools: list[tuple[int, list[int]]] = []

    class CountingPool(ingest_module.ProcessPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            super().__init__(max_workers, **kwargs)
            pools.append((max_workers, []))

        def map(self, fn, items, **kwargs):
            items = list(items)
            pools[-1][1].append(len(items))
            return super().map(fn, items, **kwargs)

    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", CountingPool)
    pooled = ingest_paths([corpus], tmp_path / "pooled.duckdb", progress=False)  # every core
    assert pools == [(2, [4, 2])]  # one pool of both cores, fed a batch at a time
    single = ingest_paths([corpus], tmp_path / "single.duckdb", workers=1, progress=False)
    assert len(pools) == 1
    assert pooled.ok and single.ok, (pooled.error, single.error)
    columns = ["company", "title", "team", "languages", "pay_min", "source"]
    a = q.postings_extract(Warehouse(tmp_path / "pooled.duckdb"), q.Filters(dedupe=False)).select(
        columns
    )
    b = q.postings_extract(Warehouse(tmp_path / "single.duckdb"), q.Filters(dedupe=False)).select(
        columns
    )
    assert a.height == 6 and a.equals(b)


def test_cli_ingest_status_and_export(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_postings(corpus, 3)
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "parsed (new)" in result.output
    status = runner.invoke(main, ["status", "--db", str(db), "--json"])
    report = json.loads(status.output)
    assert report["parser_version"] == ingest_module.PARSER_VERSION
    assert {k: report[k] for k in ("documents", "postings", "rejected", "runs")} == {
        "documents": 3, "postings": 3, "rejected": 0, "runs": 1,
    }  # fmt: skip
    out = tmp_path / "out.csv"
    exported = runner.invoke(main, ["export", "--db", str(db), "--out", str(out), "--all-reposts"])
    assert exported.exit_code == 0, exported.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(out.read_text(encoding="utf-8-sig").strip().splitlines()) == 4


def test_a_record_the_parser_failed_on_stays_rejected_when_its_file_changes(tmp_path, monkeypatch):
    db = tmp_path / "wh.duckdb"
    export = tmp_path / "export.jsonl"
    records = {"a": "Posting A, fine.", "b": "Posting B, breaks the parser."}

    def read_records(path: Path, columns=None):
        for key, text in records.items():
            yield SourceDocument(source=str(path), text=text, format="jsonl", locator=key)

    def parse(doc: SourceDocument, **_: object) -> Posting:
        if "breaks" in doc.text:
            raise ValueError("unreadable pay table")
        return Posting(source=doc.source, parser_version="t", text=doc.text)

    monkeypatch.setattr(ingest_module, "read_source", read_records)
    monkeypatch.setattr(ingest_module, "parse_document", parse)
    export.write_text("v1", encoding="utf-8")
    first = ingest_paths([export, export], db, progress=False)  # named twice: read once
    assert (first.files, first.parsed, len(first.rejected)) == (1, 2, 1)
    assert _counts(db) == (2, 1, 1)
    records["c"] = "Posting C, new and fine."
    export.write_text("v2", encoding="utf-8")
    second = ingest_paths([export], db, progress=False)
    assert (second.parsed, second.unchanged) == (1, 2)
    assert _counts(db) == (3, 2, 1)  # B is still rejected, not silently dropped
    del records["b"]
    export.write_text("v3", encoding="utf-8")
    third = ingest_paths([export], db, progress=False)
    assert third.removed == 1
    assert _counts(db) == (2, 2, 0)


# --- a re-ingest that finds nothing new -------------------------------------------------------

# Everything a no-change run must leave exactly as it was (documents: all but the seen dates).
_CONTENT = (
    "postings", "mentions", "posting_skills", "posting_locations", "posting_start_dates",
    "pay_ranges", "evidence", "posting_signatures", "teams", "team_aliases", "rejected",
    *MART_TABLES,
)  # fmt: skip


def _query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _content(db: Path) -> dict[str, list[tuple]]:
    tables = {t: f"SELECT * FROM {t} ORDER BY ALL" for t in _CONTENT}  # noqa: S608 - constant names
    tables["documents"] = "SELECT * EXCLUDE (last_seen, last_run) FROM documents ORDER BY ALL"
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(sql).fetchall() for t, sql in tables.items()}
    finally:
        con.close()


def _board_export(path: Path, ids: list[str]) -> None:
    lines = [
        {"id": i, "title": "Data Intern", "company": "Board Co",
         "description": f"Data intern at Board Co, record {i}. Spark and SQL, words {len(i) * 31}."}
        for i in ids
    ]  # fmt: skip
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def _corpus_with_a_repost(folder: Path) -> None:
    """Six postings in five files: four text files, a copy of the first (a repost), and a
    board export of two records."""
    paths = _write_postings(folder, 4)
    shutil.copyfile(paths[0], folder / "posting_000_saved_again.txt")
    _board_export(folder / "board.jsonl", ["r1", "r22"])


class _Spy:
    """Counts what a publish did: mart refreshes, regroupings, and the tables checks ran over."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.marts = 0
        self.regroups = 0
        self.checks: list[tuple[str, ...] | None] = []
        real_refresh, real_checks = publish_module.refresh_marts, publish_module.run_checks
        real_regroup = load_module.WarehouseWriter.regroup_duplicates

        def refresh(con):
            self.marts += 1
            return real_refresh(con)

        def checks(con, tables=None):
            self.checks.append(None if tables is None else tuple(tables))
            return real_checks(con, tables)

        def regroup(writer):
            self.regroups += 1
            return real_regroup(writer)

        monkeypatch.setattr(publish_module, "refresh_marts", refresh)
        monkeypatch.setattr(publish_module, "run_checks", checks)
        monkeypatch.setattr(load_module.WarehouseWriter, "regroup_duplicates", regroup)


def test_a_re_ingest_that_finds_nothing_new_is_recorded_and_changes_no_posting(
    tmp_path, monkeypatch
):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _corpus_with_a_repost(corpus)
    first = ingest_paths([corpus], db, progress=False)
    assert first.ok, first.error
    assert (first.parsed, first.duplicate_groups) == (7, 1)
    before = _content(db)
    spy = _Spy(monkeypatch)

    def must_not_parse(doc: SourceDocument) -> Posting:
        raise AssertionError(f"parsed {doc.source} again")

    monkeypatch.setattr(ingest_module, "parse_document", must_not_parse)
    again = ingest_paths([corpus], db, progress=False)

    assert again.ok, again.error
    assert not again.content_changed
    assert (again.parsed, again.unchanged, again.duplicate_groups) == (0, 7, 1)
    # Skipped: nothing they read changed. Still done: the checks over the run log.
    assert (spy.marts, spy.regroups) == (0, 0)
    assert spy.checks == [publish_module.BOOKKEEPING_TABLES]
    assert _content(db) == before
    runs = _query(
        db,
        """SELECT run_id, status, started_at <= finished_at, parser_version, files, documents,
                  parsed, unchanged, replaced, reparsed, removed, rejected FROM ingest_runs
           ORDER BY run_id""",
    )
    assert runs[-1] == (2, "succeeded", True, ingest_module.PARSER_VERSION, 6, 7, 0, 7, 0, 0, 0, 0)
    assert _query(db, "SELECT DISTINCT first_run, last_run FROM documents") == [(1, 2)]
    assert _query(db, "SELECT DISTINCT last_run FROM source_files") == [(2,)]
    status = warehouse_status(db)
    assert (status["runs"], status["postings"], status["last_run_status"]) == (2, 7, "succeeded")
    wh = Warehouse(db)
    assert q.count_postings(wh, q.Filters()).row(0) == (6, 6)  # the repost still counted once
    wh.close()


def test_the_marts_a_no_change_run_keeps_equal_freshly_built_ones(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _corpus_with_a_repost(corpus)
    assert ingest_paths([corpus], db, progress=False).ok
    assert not ingest_paths([corpus], db, progress=False).content_changed
    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copyfile(db, rebuilt)
    con = duckdb.connect(str(rebuilt))
    refresh_marts(con)
    con.close()
    kept, fresh = _content(db), _content(rebuilt)
    assert {t: kept[t] for t in MART_TABLES} == {t: fresh[t] for t in MART_TABLES}


def _change_a_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus / "posting_000_saved_again.txt").write_text(
        "Rewritten: a different posting now, for a data engineering intern.\n", encoding="utf-8"
    )


def _add_a_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_postings(corpus, 1, start=50)


def _remove_a_record(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _board_export(corpus / "board.jsonl", ["r1"])


def _new_parser_version(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "PARSER_VERSION", "v-next")


def _new_grouping_rules(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "DEDUPE_VERSION", "other-rules")


def _marts_from_an_older_release(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = corpus.parent / "wh.duckdb"
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = ? WHERE key = 'marts_version'", [str(MARTS_VERSION - 1)])
    con.close()


_EVERY_CHECK = [None]
_RUN_LOG_CHECKS = [publish_module.BOOKKEEPING_TABLES]


@pytest.mark.parametrize(
    ("change", "regroups", "checks"),
    [
        (_change_a_file, 1, _EVERY_CHECK),
        (_add_a_file, 1, _EVERY_CHECK),
        (_remove_a_record, 1, _EVERY_CHECK),
        (_new_parser_version, 1, _EVERY_CHECK),
        (_new_grouping_rules, 1, _EVERY_CHECK),
        (_marts_from_an_older_release, 0, _RUN_LOG_CHECKS),  # the data itself did not change
    ],
)
def test_a_change_still_takes_the_full_path(tmp_path, monkeypatch, change, regroups, checks):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _corpus_with_a_repost(corpus)
    assert ingest_paths([corpus], db, progress=False).ok
    change(corpus, monkeypatch)
    spy = _Spy(monkeypatch)
    summary = ingest_paths([corpus], db, progress=False)
    assert summary.ok, summary.error
    assert (spy.marts, spy.regroups, spy.checks) == (1, regroups, checks)
    with duckdb.connect(str(db), read_only=True) as con:
        assert marts_version(con) == MARTS_VERSION


def test_a_changed_repost_leaves_its_group_and_the_marts_say_so(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _corpus_with_a_repost(corpus)
    assert ingest_paths([corpus], db, progress=False).ok
    wh = Warehouse(db)
    assert q.overview(wh, q.Filters())["repost_groups"][0] == 1
    _change_a_file(corpus, pytest.MonkeyPatch())
    summary = ingest_paths([corpus], db, progress=False)
    assert (summary.replaced, summary.duplicate_groups) == (1, 0)
    assert q.overview(wh, q.Filters())["repost_groups"][0] == 0  # from the rebuilt mart
    assert q.count_postings(wh, q.Filters()).row(0) == (7, 7)
    _remove_a_record(corpus, pytest.MonkeyPatch())
    assert ingest_paths([corpus], db, progress=False).removed == 1
    assert q.overview(wh, q.Filters())["postings"][0] == 6
    assert "Board Co" in q.filter_options(wh)["value"].to_list()
    wh.close()


def test_a_check_added_by_a_new_release_runs_over_unchanged_data(tmp_path, monkeypatch):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_postings(corpus, 3)
    assert ingest_paths([corpus], db, progress=False).ok
    # Rows no declared check looked at when they were published (as if written by a release
    # before the check existed): a no-change run trusts them, a new set of checks does not.
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO team_aliases VALUES ('Twice', 1), ('Twice', 2)")
    con.close()
    assert ingest_paths([corpus], db, progress=False).ok
    monkeypatch.setattr(publish_module, "CHECKS_VERSION", "a-newer-set")
    refused = ingest_paths([corpus], db, progress=False)
    assert not refused.ok
    assert "team_aliases.alias is unique" in refused.error and "Twice" in refused.error


def test_unreadable_files_are_stored_as_rejected_with_a_reason_a_person_understands(
    tmp_path, monkeypatch
):
    corpus, db = tmp_path / "corpus", tmp_path / "wh.duckdb"
    _write_postings(corpus, 1)
    (corpus / "shell.html").write_text(
        "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>",
        encoding="utf-8",
    )
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "latin.txt").write_bytes(b"Backend intern at Caf\x81 Co \x8d\x90, apply now.\n")
    (corpus / "huge.txt").write_text("Backend intern. " * 100, encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1024)  # huge.txt is 1.6 kB
    # No encoding detector recognises latin.txt (here: one that recognises nothing).
    monkeypatch.setattr(
        decode, "from_bytes", lambda data: type("R", (), {"best": lambda s: None})()
    )

    summary = ingest_paths([corpus], db, progress=False)

    assert summary.ok, summary.error
    expected = {
        "shell.html": "empty after HTML cleaning",
        "photo.txt": "binary file (PNG image)",
        "latin.txt": "not UTF-8 and no encoding detected",
        "huge.txt": "file larger than 0 MB (0.0 MB)",
    }
    assert {Path(r.source).name: r.reason for r in summary.rejected} == expected
    stored = q.rejected_documents(Warehouse(db))
    assert (
        dict(zip([Path(s).name for s in stored["source"]], stored["reason"], strict=True))
        == expected
    )
    assert _counts(db) == (1, 1, 4)  # the readable posting still went in


class _RecordingProgress:
    """Stands in for rich's Progress: records the bar's total and every step."""

    made: list[_RecordingProgress] = []

    def __init__(self, *columns, **kwargs):
        self.total, self.steps, self.running = None, 0, False
        _RecordingProgress.made.append(self)

    def start(self):
        self.running = True

    def stop(self):
        self.running = False

    def add_task(self, description, total):
        self.total = total
        return 0

    def update(self, task, total):
        self.total = total

    def advance(self, task):
        self.steps += 1


def test_a_progress_bar_follows_the_parsing_unless_asked_not_to(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _write_postings(corpus, 5)
    _RecordingProgress.made = []
    monkeypatch.setattr(ingest_module, "Progress", _RecordingProgress)
    assert ingest_paths([corpus], tmp_path / "quiet.duckdb", progress=False).ok
    assert _RecordingProgress.made == []
    assert ingest_paths([corpus], tmp_path / "shown.duckdb", progress=True).ok
    (bar,) = _RecordingProgress.made
    # Files are streamed, so the bar counts without a total: every posting, then closed.
    assert (bar.total, bar.steps, bar.running) == (None, 5, False)
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(tmp_path / "cli.duckdb")])
    assert result.exit_code == 0, result.output
    assert len(_RecordingProgress.made) == 2  # the CLI shows it by default (--quiet hides it)
    # Stored documents re-parsed for a new parser are counted up front: that bar has a total.
    monkeypatch.setattr(ingest_module, "PARSER_VERSION", "v-next")
    assert ingest_paths([], tmp_path / "shown.duckdb", workers=1, progress=True).reparsed == 5
    assert (_RecordingProgress.made[-1].total, _RecordingProgress.made[-1].steps) == (5, 5)


# --- streaming: what an ingest holds is bounded by the batch, not the corpus -----------------


def _write_export(path: Path, rows: Iterable[tuple[str, str]]) -> None:
    """A CSV export of (id, description) rows, the shape of the dataset dumps people bring."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "company", "description"])
        out.writerows([row_id, "Data Intern", "Export Co", text] for row_id, text in rows)


def _export_rows(count: int) -> list[tuple[str, str]]:
    return [
        (str(i), f"Data intern at Export Co, record {i}. Spark and SQL, words {i * 7919}.")
        for i in range(count)
    ]


class _Holdings:
    """Counts documents read from files, parsed, and written as postings, and the batch sizes
    the raw layer and the parser are given; `most_unparsed` and `most_unwritten` are the most
    documents ever read but not yet parsed, and read but not yet in the warehouse."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.read = self.parsed = self.written = 0
        self.most_unparsed = self.most_unwritten = 0
        self.stored_batches: list[int] = []
        self.posting_batches: list[int] = []
        real_read = ingest_module.read_source
        real_store = load_module.WarehouseWriter.write_documents
        real_write = load_module.WarehouseWriter.write_postings

        def read_source(path, columns=None):
            for item in real_read(path, columns=columns):
                if isinstance(item, SourceDocument):
                    self.read += 1
                    self.most_unparsed = max(self.most_unparsed, self.read - self.parsed)
                    self.most_unwritten = max(self.most_unwritten, self.read - self.written)
                yield item

        def write_documents(writer, rows, run_id):
            self.stored_batches.append(len(rows))
            return real_store(writer, rows, run_id)

        def write_postings(writer, pairs):
            self.posting_batches.append(len(pairs))
            self.written += len(pairs)
            return real_write(writer, pairs)

        monkeypatch.setattr(ingest_module, "read_source", read_source)
        monkeypatch.setattr(load_module.WarehouseWriter, "write_documents", write_documents)
        monkeypatch.setattr(load_module.WarehouseWriter, "write_postings", write_postings)


def test_a_large_export_is_stored_and_parsed_one_batch_at_a_time(tmp_path, monkeypatch):
    rows, batch, write_batch = 3000, 250, 100
    export, db = tmp_path / "export.csv", tmp_path / "wh.duckdb"
    _write_export(export, _export_rows(rows))
    monkeypatch.setattr(ingest_module, "READ_BATCH", batch)
    monkeypatch.setattr(ingest_module, "WRITE_BATCH", write_batch)
    held = _Holdings(monkeypatch)

    def parse(doc: SourceDocument) -> Posting:
        held.parsed += 1
        return Posting(source=doc.source, locator=doc.locator, parser_version="t", text=doc.text)

    monkeypatch.setattr(ingest_module, "parse_document", parse)
    summary = ingest_paths([export], db, workers=1, progress=False)

    assert summary.ok, summary.error
    assert (summary.parsed, held.read, held.parsed, held.written) == (rows, rows, rows, rows)
    # Never more than one batch read ahead of the parser (exactly one: batches, not one by
    # one), and parse results go to the warehouse WRITE_BATCH at a time.
    assert held.most_unparsed == batch
    assert held.most_unwritten <= batch + write_batch < rows
    assert held.stored_batches == [batch] * (rows // batch)
    assert max(held.posting_batches) == write_batch
    assert _counts(db) == (rows, rows, 0)


def test_each_checkpoint_of_an_ingest_adds_row_groups_and_rewrites_none(tmp_path, monkeypatch):
    # With an index on a table, or row groups merged at checkpoints, DuckDB rewrote postings and
    # documents whole at every checkpoint, so an ingest's memory grew with its rows (issue 4).
    rows, batch = 600, 200
    export, db = tmp_path / "export.csv", tmp_path / "wh.duckdb"
    _write_export(export, _export_rows(rows))
    monkeypatch.setattr(ingest_module, "READ_BATCH", batch)
    monkeypatch.setattr(ingest_module, "WRITE_BATCH", batch)
    monkeypatch.setitem(publish_module.INGEST_BUILD_CONFIG, "checkpoint_threshold", "1KB")

    def parse(doc: SourceDocument) -> Posting:
        return Posting(source=doc.source, locator=doc.locator, parser_version="t", text=doc.text)

    monkeypatch.setattr(ingest_module, "parse_document", parse)
    summary = ingest_paths([export], db, workers=1, progress=False)

    assert summary.ok, summary.error
    with duckdb.connect(str(db), read_only=True) as con:
        row_groups = {
            table: con.execute(
                "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info(?)", [table]
            ).fetchone()[0]
            for table in ("postings", "documents")
        }
        indexes = {
            name for (name,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
        }
    # A checkpoint after every batch wrote that batch as a row group of its own.
    assert row_groups == {"postings": rows // batch, "documents": rows // batch}
    # The lookup indexes dropped while writing are back in the published file.
    assert {"postings_by_id", "documents_by_id"} <= indexes


def test_a_large_export_parsed_in_the_pool_holds_two_batches_at_most(tmp_path, monkeypatch):
    rows, batch = 1000, 200
    export, db = tmp_path / "export.csv", tmp_path / "wh.duckdb"
    _write_export(export, _export_rows(rows))
    monkeypatch.setattr(ingest_module, "READ_BATCH", batch)
    monkeypatch.setattr(ingest_module.os, "cpu_count", lambda: 2)
    held = _Holdings(monkeypatch)
    handed: list[int] = []

    class CountingPool(ingest_module.ProcessPoolExecutor):
        def map(self, fn, items, **kwargs):
            handed.append(len(items))
            for result in super().map(fn, items, **kwargs):
                held.parsed += 1  # collected by the parent
                yield result

    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", CountingPool)
    summary = ingest_paths([export], db, progress=False)

    assert summary.ok, summary.error
    assert (summary.parsed, held.parsed) == (rows, rows)
    assert handed == [batch] * (rows // batch)
    # One batch parsing while the next is read, stored and handed out ahead.
    assert batch < held.most_unparsed <= 2 * batch
    assert _counts(db) == (rows, rows, 0)


def test_streamed_batches_keep_the_last_copy_replace_changes_and_drop_what_is_gone(
    tmp_path, monkeypatch
):
    export, db = tmp_path / "export.csv", tmp_path / "wh.duckdb"
    rows = _export_rows(30)
    monkeypatch.setattr(ingest_module, "READ_BATCH", 4)  # a key's two copies in other batches
    _write_export(export, [*rows, ("5", "Data intern at Export Co, the corrected record 5.")])

    first = ingest_paths([export], db, workers=1, progress=False)
    assert first.ok, first.error
    assert (first.parsed, first.replaced, first.unchanged, first.documents) == (30, 0, 0, 30)
    assert _counts(db) == (30, 30, 0)
    (text,) = _query(db, "SELECT text FROM postings WHERE text LIKE '%record 5%'")[0]
    assert "corrected" in text  # the last copy wins

    again = ingest_paths([export], db, workers=1, progress=False)
    assert (again.parsed, again.replaced, again.unchanged) == (0, 0, 30)
    rows[7] = ("7", "Data intern at Export Co, record 7 rewritten with new duties.")
    del rows[9]
    _write_export(export, rows)  # the corrected copy of 5 is gone too: 5 goes back
    changed = ingest_paths([export], db, workers=1, progress=False)
    assert (changed.parsed, changed.replaced, changed.unchanged) == (0, 2, 27)
    assert (changed.removed, changed.documents) == (1, 29)
    assert _counts(db) == (29, 29, 0)
    assert len(_query(db, "SELECT 1 FROM postings WHERE text LIKE '%rewritten%'")) == 1
