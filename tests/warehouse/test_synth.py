"""The synthetic warehouse: realistic shapes, marked synthetic, reproducible, and a normal warehouse."""

from __future__ import annotations

import json

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner

from etl.cli import main
from etl.ingest import ingest_documents
from etl.model import Posting, SourceDocument
from warehouse import queries as q
from warehouse import synth
from warehouse.connection import Warehouse
from warehouse.status import warehouse_status
from warehouse.synth import build_synthetic_warehouse

N = 3000


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("synth") / "synthetic.duckdb"
    stats = build_synthetic_warehouse(db, N, seed=7)
    assert stats["postings"] == N
    return db


def test_it_is_marked_synthetic_and_counts_add_up(synthetic_db):
    status = warehouse_status(synthetic_db)
    assert status["synthetic"] is True
    assert (status["postings"], status["documents"], status["runs"]) == (N, N, 1)


def test_distributions_look_like_real_postings(synthetic_db):
    wh = Warehouse(synthetic_db)
    every = q.Filters(dedupe=False)
    coverage = q.pay_coverage(wh, every)
    by_currency = dict(coverage.group_by("currency").agg(pl.col("postings").sum()).iter_rows())
    assert by_currency["USD"] > 5 * (by_currency.get("CAD", 0) + by_currency.get("EUR", 0)) > 0
    assert 0.15 < by_currency["not stated"] / N < 0.45
    assert set(coverage["period"]) >= {"hour", "year", "month"}
    seasons = q.season_years(wh, every)
    summer = seasons.filter(pl.col("season") == "Summer")["postings"].sum()
    assert summer > seasons.filter(pl.col("season") == "Fall")["postings"].sum()
    demand = q.skills_demand(wh, every, kind="language")
    assert demand["name"][0] == "Python" and set(demand["level"]) == {"required", "preferred"}
    teams = q.team_distribution(wh, every)
    assert teams["postings"][0] > 3 * teams["postings"][-1]  # a few teams dominate
    groups = q.duplicate_groups(wh, every, limit=None)
    assert 0.02 < groups["postings"].sum() / N < 0.15
    deduped = q.count_postings(wh, q.Filters())["matching"][0]
    assert deduped == N - int(groups["postings"].sum()) + groups.height
    hourly = q.pay_ranges(wh, q.Filters(pay_periods=("hour",)), limit=None)
    assert hourly["pay_min"].min() >= 15 and hourly["pay_max"].max() < 150
    assert (hourly["pay_min"] <= hourly["pay_max"]).all()
    wh.close()


def test_spans_point_at_their_values(synthetic_db):
    wh = Warehouse(synthetic_db)
    for posting_id in (1, 2, 250, N):
        detail = q.posting_detail(wh, posting_id)
        assert detail is not None
        for row in detail.mentions.iter_rows(named=True):
            assert detail.text[row["span_start"] : row["span_end"]] == row["name"]
        for row in detail.evidence.iter_rows(named=True):
            assert detail.text[row["span_start"] : row["span_end"]] == row["value"]
    wh.close()


def test_the_same_seed_builds_the_same_warehouse(tmp_path):
    def extract(seed: int) -> pl.DataFrame:
        db = tmp_path / f"s{seed}-{len(list(tmp_path.iterdir()))}.duckdb"
        build_synthetic_warehouse(db, 300, seed=seed)
        wh = Warehouse(db)
        frame = q.postings_extract(wh, q.Filters(dedupe=False)).drop("parser_version")
        wh.close()
        return frame

    first, again, other = extract(1), extract(1), extract(2)
    assert first.equals(again)
    assert not first.equals(other)


def test_a_posting_added_to_a_synthetic_warehouse_parses_only_itself(tmp_path):
    db = tmp_path / "synthetic.duckdb"
    build_synthetic_warehouse(db, 200, seed=3)
    calls = []

    def parse(doc: SourceDocument) -> Posting:
        calls.append(doc.source)
        return Posting(source=doc.source, parser_version="t", company="Pasted Co", text=doc.text)

    doc = SourceDocument(source="pasted", text="Backend intern at Pasted Co.", format="text")
    summary = ingest_documents([doc], db, parse=parse)
    assert summary.ok, summary.error
    assert calls == ["pasted"]
    assert warehouse_status(db)["postings"] == 201


def test_building_in_chunks_gives_the_same_warehouse(tmp_path, monkeypatch):
    tables = ("postings", "documents", "mentions", "posting_skills", "posting_locations",
              "posting_start_dates", "pay_ranges", "evidence")  # fmt: skip
    # Build times differ between the two builds; everything else must not.
    stamps = {"postings": "parsed_at", "documents": "first_seen, last_seen"}

    def content(chunk: int) -> dict[str, list[tuple]]:
        monkeypatch.setattr(synth, "CHUNK", chunk)
        db = tmp_path / f"chunk-{chunk}.duckdb"
        build_synthetic_warehouse(db, 260, seed=5)
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {
                t: con.execute(
                    f"SELECT * EXCLUDE ({stamps[t]}) FROM {t} ORDER BY ALL"  # noqa: S608 - constant names
                    if t in stamps
                    else f"SELECT * FROM {t} ORDER BY ALL"  # noqa: S608 - constant names
                ).fetchall()
                for t in tables
            }
        finally:
            con.close()

    in_chunks, at_once = content(50), content(100_000)
    assert len(in_chunks["postings"]) == 260
    assert in_chunks == at_once


def test_the_synth_command_builds_a_marked_warehouse(tmp_path):
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(
        main, ["synth", "--postings", "250", "--db", str(db), "--seed", "4"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert (figures["postings"], figures["seed"], figures["db"]) == (250, 4, str(db))
    status = warehouse_status(db)
    assert (status["synthetic"], status["postings"], status["parser_version"]) == (
        True,
        250,
        "synthetic",
    )
