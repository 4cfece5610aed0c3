"""Every query on a small warehouse whose answers are known from the postings in conftest."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from posting_factory import build_warehouse, make_posting

from warehouse import queries as q
from warehouse.filters import Filters

ALL = Filters()
EVERY_REPOST = Filters(dedupe=False)


def _rows(frame: pl.DataFrame, *columns: str) -> list[tuple]:
    return [tuple(r) for r in frame.select(columns).iter_rows()]


def test_count_counts_a_repost_group_once_unless_asked(wh):
    assert q.count_postings(wh, ALL).row(0, named=True) == {"matching": 6, "total": 6}
    assert q.count_postings(wh, EVERY_REPOST).row(0, named=True) == {"matching": 7, "total": 7}
    assert q.count_postings(wh, Filters(companies=("Stripe",))).row(0)[0] == 1
    assert q.count_postings(wh, Filters(companies=("Stripe",), dedupe=False)).row(0)[0] == 2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(teams=("User and Relation",)), {1, 2}),
        (Filters(languages=("Java",)), {2, 3}),
        (Filters(languages=("Java", "Ruby")), {2, 3, 5}),
        (Filters(companies=("Amazon",)), {3, 4}),
        (Filters(seasons=("Fall",)), {3}),
        (Filters(years=(2025,)), {1, 2, 5}),
        (Filters(degrees=("PhD",)), {3}),
        (Filters(locations=("Seattle, WA",)), {2, 4}),
        (Filters(employment_types=("full_time",)), {4}),
        (Filters(pay_periods=("hour",)), {1, 5, 7}),
        (Filters(search="seattle"), {2, 4}),
        (Filters(search="Amazon  SEATTLE"), {4}),  # every word, each in any field
        (Filters(search="relation intern"), {1, 2}),
        (Filters(search="seattle nowhere"), set()),
        (Filters(teams=("User and Relation",), languages=("Java",)), {2}),
        (Filters(companies=("Nobody",)), set()),
    ],
)
def test_each_filter_narrows_the_postings(wh, filters, expected):
    listed = q.postings_list(wh, filters, limit=100)
    assert set(listed["posting_id"]) == expected
    assert q.count_postings(wh, filters)["matching"][0] == len(expected)


def test_values_are_bound_not_spliced_into_sql(wh):
    assert set(q.postings_list(wh, Filters(search="O'Reilly"))["posting_id"]) == {7}
    hostile = Filters(companies=("x') OR 1=1 --",), search="'; DROP TABLE postings; --")
    assert q.count_postings(wh, hostile)["matching"][0] == 0
    assert q.count_postings(wh, ALL)["matching"][0] == 6


def test_filter_options_list_every_value_most_frequent_first(wh):
    options = q.filter_options(wh, ALL)
    teams = options.filter(pl.col("field") == "teams")
    assert _rows(teams, "value", "postings")[0] == ("User and Relation", 2)
    assert set(teams["value"]) == {"User and Relation", "Growth", "Payments", "Editorial"}
    years = options.filter(pl.col("field") == "years")
    assert _rows(years, "value", "postings") == [("2025", 3), ("2026", 1)]
    assert set(options["field"]) == {
        "teams", "languages", "companies", "seasons", "years", "degrees", "locations",
        "employment_types", "pay_periods",
    }  # fmt: skip
    stripe_all = q.filter_options(wh, EVERY_REPOST).filter(pl.col("value") == "Stripe")
    assert stripe_all["postings"][0] == 2


def test_team_spellings_are_one_team_with_aliases(wh):
    teams = q.team_distribution(wh, ALL)
    first = teams.row(0, named=True)
    assert first["team"] == "User and Relation"
    assert first["postings"] == 2
    assert first["aliases"] == ["TikTok User and Relation"]
    assert teams["share"].sum() == pytest.approx(1.0)


def test_skills_demand_splits_required_and_preferred(wh):
    demand = q.skills_demand(wh, ALL)
    python = {
        r["level"]: r["postings"]
        for r in demand.filter(pl.col("name") == "Python").iter_rows(named=True)
    }
    assert python == {"required": 2, "preferred": 1}
    assert demand["name"][0] == "Python"  # most demanded first
    languages = q.skills_demand(wh, ALL, kind="language")
    assert set(languages["category"]) == {"language"}
    assert "SQL" not in set(languages["name"])
    others = q.skills_demand(wh, ALL, kind="skill")
    assert set(others["name"]) == {"SQL", "AWS"}
    assert q.skills_demand(wh, ALL, limit=1)["name"].unique().to_list() == ["Python"]


def test_skill_cooccurrence_counts_pairs_within_postings(wh):
    pairs = q.skill_cooccurrence(wh, ALL)
    assert _rows(pairs, "skill_a", "skill_b", "postings")[0] == ("Java", "Python", 2)
    assert (pairs["skill_a"] < pairs["skill_b"]).all()


def test_skills_by_team(wh):
    frame = q.skills_by_team(wh, ALL)
    row = frame.filter((pl.col("team") == "User and Relation") & (pl.col("name") == "Python")).row(
        0, named=True
    )
    assert (row["postings"], row["team_postings"], row["share"]) == (2, 2, 1.0)


def test_pay_ranges_keep_periods_or_normalise_them(wh):
    stated = q.pay_ranges(wh, ALL)
    assert stated["total"][0] == 5
    assert set(zip(stated["currency"], stated["period"], strict=True)) == {
        ("USD", "hour"), ("USD", "year"), ("CAD", "month"), ("EUR", "hour"),
    }  # fmt: skip
    yearly = q.pay_ranges(wh, ALL, normalize_to="year")
    assert set(yearly["period"]) == {"year"}
    tiktok_hourly = yearly.filter(pl.col("posting_id") == 1).row(0, named=True)
    assert (tiktok_hourly["pay_min"], tiktok_hourly["pay_max"]) == (40 * 2080, 50 * 2080)
    amazon = yearly.filter(pl.col("posting_id") == 3).row(0, named=True)
    assert (amazon["pay_min"], amazon["currency"]) == (8000 * 12, "CAD")
    hourly = q.pay_ranges(wh, ALL, normalize_to="hour")
    assert hourly.filter(pl.col("posting_id") == 2)["pay_min"][0] == pytest.approx(100000 / 2080)
    assert q.pay_ranges(wh, ALL, limit=2).height == 2


def test_pay_aggregates_never_mix_currencies(wh):
    by_team = q.pay_by_team(wh, ALL)
    assert by_team.filter(pl.col("team") == "Growth")["currency"].to_list() == ["CAD"]
    distribution = q.pay_distribution(wh, ALL, normalize_to="year", bins=4)
    per_currency = distribution.group_by("currency").agg(pl.col("postings").sum())
    assert dict(per_currency.iter_rows()) == {"USD": 3, "CAD": 1, "EUR": 1}
    assert (distribution["bin_start"] <= distribution["bin_end"]).all()
    coverage = q.pay_coverage(wh, ALL)
    assert coverage["postings"].sum() == 6
    assert ("not stated", "not stated", 1) in _rows(coverage, "currency", "period", "postings")


def test_time_queries(wh):
    cohorts = q.start_date_cohorts(wh, ALL)
    assert _rows(cohorts, "start", "team", "postings") == [
        (dt.date(2025, 5, 1), "User and Relation", 2),
        (dt.date(2025, 6, 1), "User and Relation", 1),
    ]
    daily = q.start_date_cohorts(wh, ALL, grain="day")
    assert dt.date(2025, 5, 12) in set(daily["start"])
    with pytest.raises(ValueError):
        q.start_date_cohorts(wh, ALL, grain="fortnight")
    assert _rows(q.season_years(wh, ALL), "year", "season", "postings") == [
        (2025, "Summer", 3),
        (2026, "Fall", 1),
        (None, "Not stated", 2),
    ]
    assert _rows(q.durations(wh, ALL), "duration_weeks", "postings") == [(12, 1), (16, 1)]


def test_team_language_matrix_includes_zeros(wh):
    matrix = q.team_language_matrix(wh, ALL)
    cell = matrix.filter((pl.col("team") == "Editorial") & (pl.col("language") == "Python"))
    assert cell["postings"].to_list() == [0]
    assert matrix.filter(pl.col("team") == "User and Relation")["postings"].sum() == 4


def test_postings_list_sorts_pages_and_refuses_unknown_columns(wh):
    by_pay = q.postings_list(wh, Filters(pay_periods=("hour",)), sort="pay_min", descending=False)
    assert by_pay["pay_min"].to_list() == [20.0, 40.0, 45.0]
    first, second = (
        q.postings_list(wh, ALL, sort="posting_id", descending=False, limit=3, offset=o)
        for o in (0, 3)
    )
    assert first["posting_id"].to_list() == [1, 2, 3]
    assert second["posting_id"].to_list() == [4, 5, 7]
    with pytest.raises(ValueError):
        q.postings_list(wh, ALL, sort="text; DROP TABLE postings")


def test_postings_extract_has_every_field_with_lists_as_lists(wh):
    extract = q.postings_extract(wh, ALL)
    assert extract.height == 6
    assert extract.schema["locations"] == pl.List(pl.String)
    row = extract.filter(pl.col("posting_id") == 1).row(0, named=True)
    assert row["required_languages"] == ["Python"]
    assert row["preferred_languages"] == ["Go"]
    assert row["start_dates"] == [dt.date(2025, 5, 12), dt.date(2025, 6, 9)]


def test_posting_detail_gives_text_and_spans_that_point_into_it(wh):
    detail = q.posting_detail(wh, 1)
    assert detail is not None
    assert detail.fields["company"][0] == "TikTok"
    for row in detail.mentions.iter_rows(named=True):
        assert detail.text[row["span_start"] : row["span_end"]] == row["name"]
    title = detail.evidence.filter(pl.col("field") == "title").row(0, named=True)
    assert detail.text[title["span_start"] : title["span_end"]] == "Software Engineer Intern"
    assert detail.pay_ranges["currency"].to_list() == ["USD"]
    repost = q.posting_detail(wh, 5)
    assert repost.duplicates["posting_id"].to_list() == [6]
    assert q.posting_detail(wh, 999) is None


def test_data_quality_queries(wh):
    missing = {r["field"]: r["missing"] for r in q.missing_fields(wh, ALL).iter_rows(named=True)}
    assert missing["team"] == 1
    assert missing["start_dates"] == 4
    assert missing["company"] == 0
    empty = q.missing_fields(wh, Filters(companies=("Nobody",)))
    assert empty["share_missing"].to_list() == [0.0] * empty.height
    groups = q.duplicate_groups(wh, ALL)
    assert groups.height == 1
    assert groups.row(0, named=True)["posting_ids"] == [5, 6]
    assert q.rejected_documents(wh).height == 0


def test_headline_queries(wh):
    info = q.warehouse_info(wh).row(0, named=True)
    assert (info["documents"], info["postings"], info["runs"], info["synthetic"]) == (
        7,
        7,
        1,
        False,
    )
    overview = q.overview(wh, ALL).row(0, named=True)
    assert overview["postings"] == 6
    assert overview["companies"] == 4
    assert overview["repost_groups"] == 1
    assert overview["latest_posted"] == dt.date(2025, 3, 5)
    newest = q.newest_postings(wh, ALL, limit=2)
    assert newest["posting_id"].to_list() == [3, 2]


def test_every_query_answers_on_a_warehouse_that_does_not_exist_yet(tmp_path):
    wh = q.Warehouse(tmp_path / "none.duckdb")
    assert wh.version == "missing"
    assert q.count_postings(wh, ALL).row(0) == (0, 0)
    assert q.skills_demand(wh, ALL).is_empty()
    assert q.pay_ranges(wh, ALL).is_empty()
    assert q.filter_options(wh, ALL).is_empty()
    assert q.posting_detail(wh, 1) is None
    assert q.warehouse_info(wh)["postings"][0] == 0


def test_more_values_than_a_bit_mask_holds_still_filter_and_pair_correctly(tmp_path):
    # 70 languages: the rarest ones get no bit in the 64-bit masks and take the list path.
    names = [f"Lang{i:02d}" for i in range(70)]
    pairs = []
    for i, name in enumerate(names):
        common = {"Python": "required"} if i % 2 == 0 else {}
        # Lang00 appears in 70 postings, Lang01 in 69, ... so frequency order = name order.
        for copy in range(70 - i):
            pairs.append(
                make_posting(
                    f"p{i}-{copy}.txt",
                    company=f"Co{copy}",
                    languages={name: "required", **common},
                    body=f"posting {i} copy {copy} " + "word " * (i + copy),
                )
            )
    db = tmp_path / "many.duckdb"
    build_warehouse(db, pairs)
    wh = q.Warehouse(db)
    rare = q.count_postings(wh, Filters(languages=("Lang69",), dedupe=False))["matching"][0]
    assert rare == 1
    both = q.count_postings(wh, Filters(languages=("Lang00", "Lang68"), dedupe=False))["matching"][
        0
    ]
    assert both == 70 + 2
    pairs_frame = q.skill_cooccurrence(
        wh, Filters(languages=("Lang66", "Lang68"), dedupe=False), top=3
    )
    assert _rows(pairs_frame, "skill_a", "skill_b", "postings") == [
        ("Lang66", "Python", 4),
        ("Lang68", "Python", 2),
    ]
    wh.close()


@pytest.mark.parametrize("dedupe", [True, False])
def test_precomputed_answers_equal_computed_ones(wh, dedupe):
    # No filter reads the marts built at publish; a filter keeping every posting computes.
    everything = Filters(companies=("TikTok", "Amazon", "Stripe", "O'Reilly Media"), dedupe=dedupe)
    nothing = Filters(dedupe=dedupe)
    assert q.overview(wh, nothing).equals(q.overview(wh, everything))
    assert q.skills_demand(wh, nothing).equals(q.skills_demand(wh, everything))
    for kind in (None, "language", "skill"):
        mart = q.skill_cooccurrence(wh, nothing, kind=kind)
        computed = q.skill_cooccurrence(wh, everything, kind=kind)
        assert mart.equals(computed), (kind, mart, computed)
