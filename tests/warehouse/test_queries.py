"""Every query on a small warehouse whose answers are known from the postings in conftest."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from dataclasses import replace

import duckdb
import polars as pl
import pytest
from factories import load_postings, make_posting
from polars.testing import assert_frame_equal

from warehouse import queries as q
from warehouse.filters import Filters
from warehouse.marts import refresh_marts

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


def test_postings_extract_has_every_field_with_lists_joined_as_in_the_csv(wh):
    extract = q.postings_extract(wh, ALL)
    assert extract.height == 6
    assert extract.schema["locations"] == pl.String
    row = extract.filter(pl.col("posting_id") == 1).row(0, named=True)
    assert row["required_languages"] == "Python"
    assert row["preferred_languages"] == "Go"
    assert row["start_dates"] == "2025-05-12; 2025-06-09"
    listed = q.postings_list(wh, ALL).filter(pl.col("posting_id") == 1).row(0, named=True)
    assert row["locations"] == "; ".join(listed["locations"])


def test_postings_extract_limit_keeps_the_first_filtered_postings_in_id_order(wh):
    everything = q.postings_extract(wh, ALL)
    first_two = q.postings_extract(wh, ALL, limit=2)
    assert first_two.equals(everything.head(2))


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


def test_postings_missing_fields_name_each_gap_most_gaps_first(wh):
    gaps = q.postings_missing_fields(wh, ALL, limit=None)
    per_field = {r["field"]: r["missing"] for r in q.missing_fields(wh, ALL).iter_rows(named=True)}
    for field, missing in per_field.items():
        named = gaps.filter(pl.col("missing_fields").list.contains(field)).height
        assert named == missing, field  # the per-posting lists add up to the per-field counts
    assert gaps["missing"].to_list() == sorted(gaps["missing"].to_list(), reverse=True)
    assert gaps["missing"].to_list() == gaps["missing_fields"].list.len().to_list()
    assert 1 not in gaps["posting_id"].to_list()  # posting 1 has every field
    first = gaps.row(0, named=True)
    assert (first["company"], first["title"]) == ("Amazon", "Data Engineer")
    assert "team" in first["missing_fields"]
    assert q.postings_missing_fields(wh, ALL, limit=2).height == 2
    stripe = q.postings_missing_fields(wh, Filters(companies=("Stripe",), dedupe=False))
    assert set(stripe["posting_id"]) == {5, 6}


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
    postings = []
    for i, name in enumerate(names):
        common = {"Python": "required"} if i % 2 == 0 else {}
        # Lang00 appears in 70 postings, Lang01 in 69, ... so frequency order = name order.
        for copy in range(70 - i):
            postings.append(
                make_posting(
                    f"p{i}-{copy}.txt",
                    company=f"Co{copy}",
                    languages={name: "required", **common},
                    extra=f"posting {i} copy {copy} " + "word " * (i + copy),
                )
            )
    db = tmp_path / "many.duckdb"
    load_postings(db, postings)
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


# --- pay in one unit (currency and period) -----------------------------------------------------

# (currency, period, team, pay minima): pay_max is minimum + 10. CAD sorts before USD, so
# an unrestricted LIMIT would fill up with CAD rows first.
PAY_UNITS = [
    ("USD", "hour", "Alpha", [20, 35, 50]),
    ("USD", "hour", "Beta", [30, 45]),
    ("CAD", "hour", "Maple", [25, 40, 60]),
    ("CAD", "year", "Maple", [70_000, 80_000]),
    ("USD", "year", "Beta", [90_000, 110_000]),
    ("USD", None, "Alpha", [5_000]),
    (None, "hour", "Alpha", [15]),
]


@pytest.fixture(scope="module")
def units_wh(tmp_path_factory):
    postings = [
        make_posting(
            f"pay-{n}.txt",
            company=f"Payco {n}",  # no two share a company, so none is a repost of another
            title=f"Intern {n}",
            team=team,
            pay=(low, low + 10, currency, period),
        )
        for n, (currency, period, team, low) in enumerate(
            (c, p, t, low) for c, p, t, lows in PAY_UNITS for low in lows
        )
    ]
    postings.append(make_posting("no-pay.txt", company="Nopay", team="Alpha"))
    db = tmp_path_factory.mktemp("units") / "units.duckdb"
    load_postings(db, postings)
    wh = q.Warehouse(db)
    yield wh
    wh.close()


def _in_unit(frame: pl.DataFrame, currency: str | None, period: str | None) -> pl.DataFrame:
    def same(column: str, value: str | None) -> pl.Expr:
        return pl.col(column).is_null() if value is None else pl.col(column) == value

    return frame.filter(same("currency", currency) & same("period", period))


def test_pay_ranges_limit_takes_the_top_rows_of_the_chosen_unit(units_wh):
    everything = q.pay_ranges(units_wh, ALL, limit=None)
    assert set(q.pay_ranges(units_wh, ALL, limit=3)["currency"]) == {"CAD"}  # why R2 exists
    top = q.pay_ranges(units_wh, ALL, currency="USD", period="hour", limit=3)
    usd_hourly = _in_unit(everything, "USD", "hour").sort("pay_mid", descending=True)
    assert top["posting_id"].to_list() == usd_hourly["posting_id"].head(3).to_list()
    assert top["pay_min"].to_list() == [50, 45, 35]
    assert top["total"].to_list() == [5, 5, 5]  # the unit's postings, not every posting's
    assert set(zip(top["currency"], top["period"], strict=True)) == {("USD", "hour")}


@pytest.mark.parametrize(
    ("currency", "period", "expected"),
    [
        ("CAD", None, {("CAD", "hour"): 3, ("CAD", "year"): 2}),
        (None, "year", {("CAD", "year"): 2, ("USD", "year"): 2}),
        ("USD", q.NOT_STATED, {("USD", None): 1}),
        (q.NOT_STATED, "hour", {(None, "hour"): 1}),
        ("EUR", "hour", {}),  # a currency no posting states
        ("x' OR 1=1 --", None, {}),  # bound, never spliced into SQL
    ],
)
def test_pay_ranges_restrict_to_a_currency_and_a_stated_period(
    units_wh, currency, period, expected
):
    rows = q.pay_ranges(units_wh, ALL, currency=currency, period=period, limit=None)
    units = rows.group_by("currency", "period").len()
    assert {(c, p): n for c, p, n in units.iter_rows()} == expected
    assert set(rows["total"]) <= {sum(expected.values())}


def test_with_normalize_to_the_period_is_the_output_period(units_wh):
    usd_yearly = q.pay_ranges(units_wh, ALL, normalize_to="year", currency="USD", period="year")
    # Every USD posting that states a period, converted to a year; the undated one is left out.
    assert usd_yearly.height == usd_yearly["total"][0] == 7
    assert set(usd_yearly["period"]) == {"year"}
    # Highest midpoint first across the stated periods, so `limit` takes the top of the unit.
    assert usd_yearly["pay_min"].to_list() == [
        50 * 2080, 110_000, 45 * 2080, 90_000, 35 * 2080, 30 * 2080, 20 * 2080
    ]  # fmt: skip
    top = q.pay_ranges(units_wh, ALL, normalize_to="year", currency="USD", period="year", limit=2)
    assert top["posting_id"].to_list() == usd_yearly["posting_id"].head(2).to_list()
    open_period = q.pay_ranges(units_wh, ALL, normalize_to="year", currency="USD")
    assert open_period.equals(usd_yearly)
    for other in ("hour", "month", q.NOT_STATED):
        assert q.pay_ranges(units_wh, ALL, normalize_to="year", period=other).is_empty()
    # To restrict the stated period, filter: hourly USD pay, shown per year.
    stated_hourly = Filters(pay_periods=("hour",))
    converted = q.pay_ranges(units_wh, stated_hourly, normalize_to="year", currency="USD")
    assert sorted(converted["pay_min"].to_list()) == [w * 2080 for w in (20, 30, 35, 45, 50)]
    with pytest.raises(ValueError, match="period"):
        q.pay_ranges(units_wh, ALL, period="fortnight")


def test_pay_by_team_ranks_teams_within_the_chosen_unit(units_wh):
    # Maple states pay most often overall (5 CAD postings) but none in USD per hour.
    assert q.pay_by_team(units_wh, ALL, limit=1)["team"].to_list() == ["Maple"]
    top = q.pay_by_team(units_wh, ALL, normalize_to=None, currency="USD", period="hour", limit=1)
    assert _rows(top, "team", "currency", "period", "postings", "pay_min", "pay_max") == [
        ("Alpha", "USD", "hour", 3, 20, 60)
    ]
    every = q.pay_by_team(units_wh, ALL, normalize_to=None, currency="USD", period="hour")
    assert dict(_rows(every, "team", "postings")) == {"Alpha": 3, "Beta": 2}
    yearly = q.pay_by_team(units_wh, ALL, normalize_to="year", currency="CAD", period="year")
    assert _rows(yearly, "team", "postings", "pay_min") == [("Maple", 5, 25 * 2080)]


def test_pay_distribution_bins_only_the_chosen_unit(units_wh):
    usd_hourly = q.pay_distribution(
        units_wh, ALL, normalize_to=None, currency="USD", period="hour", bins=5
    )
    assert set(zip(usd_hourly["currency"], usd_hourly["period"], strict=True)) == {("USD", "hour")}
    assert usd_hourly["postings"].sum() == 5
    assert usd_hourly["bin_start"].min() == 25  # the lowest midpoint, 20-30
    # Pay that states no period is binned too, in a unit of its own.
    undated = q.pay_distribution(units_wh, ALL, normalize_to=None, period=q.NOT_STATED)
    assert _rows(undated, "currency", "period", "postings") == [("USD", None, 1)]
    stated = q.pay_distribution(units_wh, ALL, normalize_to=None)
    assert stated["postings"].sum() == sum(len(lows) for *_, lows in PAY_UNITS)
    cad_yearly = q.pay_distribution(units_wh, ALL, normalize_to="year", currency="CAD")
    assert cad_yearly["postings"].sum() == 5
    assert q.pay_distribution(units_wh, ALL, normalize_to="year", period="hour").is_empty()


# --- every query honours every filter ----------------------------------------------------------

# Each query as the pages call it; every one takes the Filters value (posting_detail, by id,
# and filter_options, whose options no filter narrows by design, are checked elsewhere).
_FILTERED_QUERIES = {
    "count_postings": lambda wh, f: q.count_postings(wh, f).select("matching"),
    "overview": q.overview,
    "newest_postings": q.newest_postings,
    "skills_demand": q.skills_demand,
    "skills_demand[language]": lambda wh, f: q.skills_demand(wh, f, kind="language"),
    "skill_cooccurrence": q.skill_cooccurrence,
    "skills_by_team": q.skills_by_team,
    "pay_ranges": q.pay_ranges,
    "pay_ranges[year]": lambda wh, f: q.pay_ranges(wh, f, normalize_to="year"),
    "pay_by_team": q.pay_by_team,
    "pay_by_team[stated]": lambda wh, f: q.pay_by_team(wh, f, normalize_to=None),
    "pay_distribution": q.pay_distribution,
    "pay_coverage": q.pay_coverage,
    "start_date_cohorts": q.start_date_cohorts,
    "season_years": q.season_years,
    "durations": q.durations,
    "team_distribution": q.team_distribution,
    "team_language_matrix": q.team_language_matrix,
    "postings_list": q.postings_list,
    "postings_extract": q.postings_extract,
    "missing_fields": q.missing_fields,
    "postings_missing_fields": q.postings_missing_fields,
    "duplicate_groups": q.duplicate_groups,
}
_SELECTIONS = [
    Filters(teams=("User and Relation",)),
    Filters(languages=("Java", "Ruby")),
    Filters(companies=("Amazon", "Stripe")),
    Filters(seasons=("Summer",)),
    Filters(years=(2025,)),
    Filters(degrees=("MS",)),
    Filters(locations=("Seattle, WA", "San Francisco, CA")),
    Filters(employment_types=("internship",)),
    Filters(pay_periods=("hour",)),
    Filters(search="intern"),
    Filters(teams=("Payments", "Growth"), pay_periods=("hour", "month")),
    Filters(companies=("Nobody",)),
]
_POSTING_TABLES = ("postings", "mentions", "posting_skills", "posting_locations",
                   "posting_start_dates", "pay_ranges", "evidence", "posting_signatures")  # fmt: skip


def _only(sample_db, tmp_path, keep: list[int]) -> q.Warehouse:
    """A copy of the sample warehouse holding only the postings `keep` (same ids and teams)."""
    db = tmp_path / f"only-{'-'.join(map(str, keep)) or 'none'}.duckdb"
    shutil.copyfile(sample_db, db)
    con = duckdb.connect(str(db))
    for table in _POSTING_TABLES:
        con.execute(
            f"DELETE FROM {table} WHERE NOT list_contains($keep, posting_id)",  # noqa: S608 - constant names
            {"keep": keep},
        )
    refresh_marts(con)
    con.close()
    return q.Warehouse(db)


@pytest.mark.parametrize("dedupe", [True, False])
@pytest.mark.parametrize("selection", _SELECTIONS, ids=lambda f: str(f.active()))
def test_every_query_answers_for_the_filtered_postings_alone(
    sample_db, wh, tmp_path, selection, dedupe
):
    # A filter must mean "ask the warehouse that holds only the postings it keeps".
    filters = replace(selection, dedupe=dedupe)
    keep = sorted(q.postings_list(wh, replace(filters, dedupe=False), limit=None)["posting_id"])
    narrowed = _only(sample_db, tmp_path, keep)
    try:
        for name, query in _FILTERED_QUERIES.items():
            expected = query(narrowed, Filters(dedupe=dedupe))
            try:
                assert_frame_equal(query(wh, filters), expected, check_dtypes=False)
            except AssertionError as exc:
                raise AssertionError(f"{name}: {exc}") from None
    finally:
        narrowed.close()


class _RecordingWarehouse(q.Warehouse):
    """A warehouse whose cursors remember every SQL text they were asked to run."""

    sql: list[str] = []

    @contextlib.contextmanager
    def cursor(self):
        with super().cursor() as cur:
            yield _RecordingCursor(cur, self.sql)


class _RecordingCursor:
    def __init__(self, cur, sql: list[str]):
        self._cur, self._sql = cur, sql

    def execute(self, sql, *args, **kwargs):
        self._sql.append(sql)
        return self._cur.execute(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._cur, name)


def test_no_filter_value_is_ever_written_into_the_sql(sample_db):
    marks = ("Zq1team", "Zq2lang", "Zq3company", "Zq4place", "zq5word")
    hostile = Filters(
        teams=("User and Relation", marks[0]),
        languages=("Python", marks[1]),
        companies=("TikTok", marks[2]),
        locations=("Seattle, WA", marks[3]),
        search=f"intern {marks[4]}",
        seasons=("Summer",),
        years=(2025,),
        degrees=("BS",),
        employment_types=("internship",),
        pay_periods=("hour",),
    )
    wh = _RecordingWarehouse(sample_db)
    _RecordingWarehouse.sql = []
    try:
        for query in (*_FILTERED_QUERIES.values(), q.filter_options):
            query(wh, hostile)
        q.posting_detail(wh, 1)
    finally:
        wh.close()
    executed = "\n".join(_RecordingWarehouse.sql).casefold()
    assert len(_RecordingWarehouse.sql) > len(_FILTERED_QUERIES)
    for value in (*marks, "user and relation", "seattle, wa", "tiktok", "2025"):
        assert value.casefold() not in executed, value
