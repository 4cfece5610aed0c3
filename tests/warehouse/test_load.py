"""What the writer stores for a posting: the parsed row, its child tables, the team dimension
and the repost groups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
from factories import PREF, REQ, load_postings, make_posting

from etl.model import Mention, PayRange
from warehouse.dedupe import group_near_duplicates


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_many_valued_fields_land_in_their_child_tables(tmp_path):
    posting = make_posting(
        "multi.txt",
        company="Acme",
        title="Robotics Intern",
        team="Acme Perception Team",
        languages={"Python": REQ, "C++": PREF},
        skills={"ROS": PREF},
        pay=(30.0, 40.0, "USD", "hour"),
        locations=["Seattle, WA", "Remote (US)"],
        start_dates=[dt.date(2025, 6, 2), dt.date(2025, 5, 12)],
        seasons=["Summer", "Fall"],
        year=2025,
    )
    # A second stated range (another location's pay) and a second mention of ROS, required.
    text = posting.text
    ros = text.index("ROS")
    posting = posting.model_copy(
        update={
            "pay_ranges": [
                *posting.pay_ranges,
                PayRange(min=35.0, max=45.0, currency="USD", period="hour", start=0, end=5),
            ],
            "mentions": [
                *posting.mentions,
                Mention(name="ROS", category="framework", level=REQ, start=ros, end=ros + 3),
            ],
            "team_aliases": ["Perception"],
        }
    )
    db = tmp_path / "wh.duckdb"
    load_postings(db, [posting])

    assert _rows(db, "SELECT posting_id, parser_version, company, team_raw FROM postings") == [
        (1, "test-postings", "Acme", "Acme Perception Team")
    ]
    assert _rows(db, "SELECT position, location FROM posting_locations ORDER BY position") == [
        (0, "Seattle, WA"),
        (1, "Remote (US)"),
    ]
    assert _rows(db, "SELECT start_date FROM posting_start_dates ORDER BY ALL") == [
        (dt.date(2025, 5, 12),),
        (dt.date(2025, 6, 2),),
    ]
    assert _rows(
        db, "SELECT position, pay_min, pay_max, currency, period FROM pay_ranges ORDER BY position"
    ) == [(0, 30.0, 40.0, "USD", "hour"), (1, 35.0, 45.0, "USD", "hour")]
    mentions = _rows(db, "SELECT name, category, level, span_start, span_end FROM mentions")
    assert ("Python", "language", REQ, text.index("Python"), text.index("Python") + 6) in mentions
    assert len(mentions) == 4
    # One row per skill at its strongest level: ROS was named preferred and required.
    assert _rows(db, "SELECT name, category, level FROM posting_skills ORDER BY name") == [
        ("C++", "language", PREF),
        ("Python", "language", REQ),
        ("ROS", "framework", REQ),
    ]
    teams = _rows(db, "SELECT team_id, name, normalized FROM teams")
    assert teams == [(teams[0][0], "Acme Perception Team", "perception")]
    assert ("Perception", teams[0][0]) in _rows(db, "SELECT alias, team_id FROM team_aliases")


_BOILERPLATE = (
    "We build tools used by millions of people every day. You will join a friendly team, ship "
    "code every week, review designs with senior engineers and present your work at the end."
)


def test_repost_groups_are_the_ones_grouping_every_posting_at_once_gives(tmp_path):
    postings = []
    for n in range(12):
        company = f"Company {n % 3}"
        title = "Backend Intern" if n % 2 else "Data Intern"
        # Same company boilerplate everywhere (candidates in many bands); a few exact reposts.
        body = f"{_BOILERPLATE} Posting {n // 4} of {company}. {_BOILERPLATE}"
        postings.append(make_posting(f"p{n:02d}.txt", company=company, title=title, extra=body))
    postings.append(make_posting("alone.txt", company="Solo", title="Chef", extra="Cook food."))
    db = tmp_path / "wh.duckdb"
    load_postings(db, postings)

    rows = _rows(
        db,
        """SELECT s.posting_id, s.minhash, p.company, p.title, p.dup_group, p.dup_group_size,
                  p.is_canonical
           FROM posting_signatures s JOIN postings p USING (posting_id) ORDER BY posting_id""",
    )
    ids = [r[0] for r in rows]
    expected = group_near_duplicates(
        ids, [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows]
    )
    stored = {r[0]: r[4] for r in rows}
    assert stored == expected
    assert len(set(expected.values())) < len(ids)  # some postings were grouped
    sizes = {g: list(expected.values()).count(g) for g in expected.values()}
    assert all(r[5] == sizes[r[4]] and r[6] == (r[0] == r[4]) for r in rows)
