"""The ingest pipeline end to end on small folders of posting files written here."""

from __future__ import annotations

import io
import json
from pathlib import Path

import polars as pl
from click.testing import CliRunner
from rich.console import Console

import etl.ingest as ingest_module
from etl.cli import main
from etl.ingest import ingest_documents, ingest_paths, print_summary
from etl.model import Posting, SourceDocument
from warehouse import queries as q
from warehouse.connection import Warehouse
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


def test_parsing_in_a_process_pool_matches_parsing_in_process(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _write_postings(corpus, 6)
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_DOCUMENTS", 2)
    pooled = ingest_paths([corpus], tmp_path / "pooled.duckdb", workers=2, progress=False)
    single = ingest_paths([corpus], tmp_path / "single.duckdb", workers=1, progress=False)
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
