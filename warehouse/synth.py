"""A synthetic warehouse of N realistic postings, built directly in SQL (not via the parser).

For benchmarks and demos at scale. Values follow skewed distributions like real data (a few
companies, teams, languages and cities dominate; most internships are in summer; most pay is
hourly USD for interns and yearly for full-time, some CAD/EUR and monthly), and about 6% of
postings are reposts of another one (same fields, slightly later date, another source), so
near-duplicate grouping has something to do. Every random draw is a hash of (posting, draw
number, seed): the same seed gives the same warehouse, whatever the thread count. The
warehouse is marked synthetic (`meta.synthetic = 'true'`), which status and the dashboard show.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import duckdb
import polars as pl

from warehouse.publish import new_version
from warehouse.schema import set_meta

# Postings are generated and written this many at a time, so the working tables stay small
# whatever N is (the build's memory stays flat). Two of DuckDB's 122,880-row groups at least,
# so both cores work on every statement; a multiple of 25, so a repost and the posting it
# repeats always fall in the same chunk.
CHUNK = 250_000

COMPANIES = [
    "TikTok", "ByteDance", "Amazon", "Google", "Meta", "Microsoft", "Apple", "Stripe", "Airbnb",
    "Uber", "Lyft", "Netflix", "Salesforce", "Oracle", "IBM", "Intel", "NVIDIA", "AMD", "Adobe",
    "Shopify", "Snowflake", "Databricks", "Datadog", "Cloudflare", "Atlassian", "Spotify",
    "Pinterest", "Snap", "Reddit", "Dropbox", "Square", "Robinhood", "Coinbase", "Palantir",
    "Twilio", "Zoom", "Slack", "DoorDash", "Instacart", "Roblox", "Epic Games", "EA", "Qualcomm",
    "Cisco", "VMware", "SAP", "Workday", "ServiceNow", "Intuit", "PayPal", "Visa", "Mastercard",
    "Capital One", "JPMorgan Chase", "Goldman Sachs", "Morgan Stanley", "Bloomberg", "Two Sigma",
    "Citadel", "Jane Street", "Hudson River Trading", "Tesla", "SpaceX", "Rivian", "Waymo",
    "Cruise", "Zillow", "Expedia", "Booking.com", "Wayfair", "eBay", "Etsy", "Yelp", "Indeed",
    "LinkedIn", "GitHub", "GitLab", "HashiCorp", "Elastic", "MongoDB", "Confluent", "Okta",
]  # fmt: skip
TEAMS = [
    "User and Relation", "Growth", "Ads Infrastructure", "Search", "Recommendation", "Payments",
    "Data Platform", "Machine Learning Platform", "Security", "Privacy", "Trust and Safety",
    "Developer Tools", "Cloud Infrastructure", "Storage", "Networking", "Mobile", "Web Platform",
    "Commerce", "Live", "Video Understanding", "Content Moderation", "Risk Control", "Identity",
    "Maps", "Messaging", "Creator Monetization", "Observability", "Compilers", "Kernel", "Graphics",
    "Audio", "Computer Vision", "Speech", "NLP Research", "Robotics", "Autonomy", "Quant Research",
    "Trading Systems", "Risk Engineering", "Fraud Detection", "Billing", "Marketplace", "Logistics",
    "Supply Chain", "Customer Experience", "Internal Tools", "Enterprise Apps", "Analytics",
    "Experimentation", "Privacy Engineering", "Site Reliability", "Database Engine",
    "Query Optimizer", "Streaming", "Edge Compute", "Hardware Design", "Firmware", "Verification",
    "PGC-UCP", "E-commerce Governance", "Global Payment", "Ads Ranking", "Feed", "Notifications",
]  # fmt: skip
LANGUAGES = [
    "Python", "Java", "C++", "Go", "JavaScript", "TypeScript", "C", "C#", "Kotlin", "Scala",
    "Rust", "Ruby", "PHP", "R", "MATLAB", "Swift",
]  # fmt: skip
SKILLS = [
    ("SQL", "database"), ("AWS", "cloud"), ("Docker", "tool"), ("Kubernetes", "tool"),
    ("React", "framework"), ("Git", "tool"), ("Linux", "platform"), ("Spark", "data"),
    ("TensorFlow", "ml"), ("PyTorch", "ml"), ("GCP", "cloud"), ("Azure", "cloud"),
    ("PostgreSQL", "database"), ("MySQL", "database"), ("Kafka", "data"), ("Redis", "database"),
    ("Node.js", "framework"), ("HTML/CSS", "web"), ("Hadoop", "data"), ("Airflow", "data"),
    ("Terraform", "tool"), ("GraphQL", "web"), ("Vue", "framework"), ("Django", "framework"),
    ("Flask", "framework"), ("Spring", "framework"), ("MongoDB", "database"), ("Tableau", "tool"),
    ("Pandas", "data"), ("NumPy", "data"), ("Jenkins", "tool"), ("CUDA", "platform"),
    ("Snowflake", "database"), ("dbt", "data"), ("Elasticsearch", "database"), ("gRPC", "web"),
    ("Bash", "tool"), ("Excel", "tool"), ("Figma", "tool"), ("LLVM", "tool"),
]  # fmt: skip
CITIES = [
    "San Jose, CA", "Seattle, WA", "Mountain View, CA", "San Francisco, CA", "New York, NY",
    "Austin, TX", "Sunnyvale, CA", "Los Angeles, CA", "Boston, MA", "Chicago, IL",
    "Redmond, WA", "Palo Alto, CA", "Menlo Park, CA", "Bellevue, WA", "Cupertino, CA",
    "Santa Clara, CA", "Denver, CO", "Atlanta, GA", "Washington, DC", "Pittsburgh, PA",
    "Toronto, ON", "Vancouver, BC", "Montreal, QC", "Waterloo, ON", "London, UK", "Berlin, Germany",
    "Dublin, Ireland", "Amsterdam, Netherlands", "Paris, France", "Munich, Germany", "US", "Canada",
    "Raleigh, NC", "Salt Lake City, UT", "Portland, OR", "San Diego, CA", "Irvine, CA",
    "Philadelphia, PA", "Miami, FL", "Dallas, TX", "Houston, TX", "Phoenix, AZ", "Minneapolis, MN",
    "Madison, WI", "Ann Arbor, MI", "Columbus, OH", "Nashville, TN", "Charlotte, NC",
]  # fmt: skip
INTERN_TITLES = [
    "Software Engineer Intern", "Software Development Engineer Intern", "Machine Learning Engineer Intern",
    "Data Scientist Intern", "Backend Engineer Intern", "Frontend Engineer Intern",
    "Research Scientist Intern", "Data Engineer Intern", "Security Engineer Intern",
    "Product Manager Intern", "Quantitative Research Intern", "Hardware Engineer Intern",
]  # fmt: skip
FULL_TIME_TITLES = [
    "Software Engineer", "Senior Software Engineer", "Machine Learning Engineer", "Data Scientist",
    "Backend Engineer", "Site Reliability Engineer", "Data Engineer", "Staff Software Engineer",
    "Research Scientist", "Product Manager", "Frontend Engineer", "Security Engineer",
]  # fmt: skip


def _dimension(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> None:
    con.register("_dim", frame.with_row_index("idx"))
    con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM _dim")  # noqa: S608 - constant names
    con.unregister("_dim")


def _macros(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    # u(n, k): a uniform draw in [0, 1) for posting n, draw k; pick(n, k, size, skew): an index
    # in [0, size) where small indices are more likely (skew > 1), like real popularity.
    con.execute(
        f"CREATE TEMP MACRO u(n, k) AS (hash(n, k, {int(seed)}) % 1000000007) / 1000000007.0"
    )
    con.execute(
        "CREATE TEMP MACRO pick(n, k, size, skew) AS least(floor(size * pow(u(n, k), skew)), size - 1)::INTEGER"
    )


def build_synthetic_warehouse(db_path: Path, n: int, *, seed: int = 0) -> dict:
    """Replace the warehouse at `db_path` with `n` synthetic postings; returns build figures."""
    if n < 0:
        raise ValueError("the number of postings cannot be negative")
    started = time.perf_counter()
    with new_version(Path(db_path), start_empty=True) as build:
        con = build.con
        _macros(con, seed)
        _dimension(con, "s_companies", pl.DataFrame({"name": COMPANIES}))
        _dimension(con, "s_teams", pl.DataFrame({"name": TEAMS}))
        _dimension(con, "s_languages", pl.DataFrame({"name": LANGUAGES}))
        _dimension(
            con,
            "s_skills",
            pl.DataFrame({"name": [s for s, _ in SKILLS], "category": [c for _, c in SKILLS]}),
        )
        _dimension(con, "s_cities", pl.DataFrame({"name": CITIES}))
        _dimension(con, "s_intern_titles", pl.DataFrame({"name": INTERN_TITLES}))
        _dimension(con, "s_full_titles", pl.DataFrame({"name": FULL_TIME_TITLES}))
        _build(con, n, seed)
        groups = con.execute(
            "SELECT count(*) FROM postings WHERE dup_group_size > 1 AND is_canonical"
        ).fetchone()[0]
    seconds = time.perf_counter() - started
    return {
        "db": str(db_path),
        "postings": n,
        "seed": seed,
        "repost_groups": groups,
        "seconds": round(seconds, 2),
        "bytes": Path(db_path).stat().st_size,
    }


def _build(con: duckdb.DuckDBPyConnection, n: int, seed: int) -> None:
    if CHUNK % 25:
        raise ValueError("CHUNK must be a multiple of 25")
    now = dt.datetime.now()
    for lo in range(0, n, CHUNK):
        _build_chunk(con, lo, min(n, lo + CHUNK), now)
    con.execute("INSERT INTO teams SELECT idx + 1, name, lower(name) FROM s_teams")
    con.execute(
        """INSERT INTO team_aliases
        SELECT name, idx + 1 FROM s_teams
        UNION ALL SELECT 'TikTok ' || name, idx + 1 FROM s_teams WHERE idx < 12"""
    )
    con.execute(
        """INSERT INTO ingest_runs (run_id, started_at, finished_at, status, parser_version,
               files, documents, parsed, unchanged, replaced, reparsed, removed, rejected, note)
        VALUES (1, $now, $now, 'succeeded', 'synthetic', 0, $n, $n, 0, 0, 0, 0, 0,
                'synthetic warehouse: ' || $n || ' postings, seed ' || $seed)""",
        {"now": now, "n": n, "seed": seed},
    )
    set_meta(con, "synthetic", "true")
    set_meta(con, "synthetic_seed", seed)
    set_meta(con, "parser_version", "synthetic")
    set_meta(con, "last_ingest_at", now.isoformat(timespec="seconds"))


def _build_chunk(con: duckdb.DuckDBPyConnection, lo: int, hi: int, now: dt.datetime) -> None:
    """Generate postings lo+1 .. hi (ids) with their documents and child rows."""
    chunk = {"first": lo + 1, "last": hi}
    lists = con.execute(
        """SELECT (SELECT list(name ORDER BY idx) FROM s_companies),
                  (SELECT list(name ORDER BY idx) FROM s_teams),
                  (SELECT list(name ORDER BY idx) FROM s_languages),
                  (SELECT list(name ORDER BY idx) FROM s_skills),
                  (SELECT list(category ORDER BY idx) FROM s_skills),
                  (SELECT list(name ORDER BY idx) FROM s_cities),
                  (SELECT list(name ORDER BY idx) FROM s_intern_titles),
                  (SELECT list(name ORDER BY idx) FROM s_full_titles)"""
    ).fetchone()
    (companies, teams, languages, skills, skill_categories, cities, intern_titles, full_titles) = (
        lists
    )
    # Reposts: within each block of 25 postings, #1 repeats #0 and half of the #2s repeat #0.
    con.execute(
        """CREATE TEMP TABLE s_base AS
           SELECT n, n + 1 AS posting_id,
                  CASE WHEN n % 25 = 1 THEN n - 1
                       WHEN n % 25 = 2 AND u(n, 1) < 0.5 THEN n - 2
                       ELSE n END AS src
           FROM range($lo, $hi) t(n)""",
        {"lo": lo, "hi": hi},
    )
    con.execute(
        """CREATE TEMP TABLE s_fields AS
        WITH f AS (
          SELECT b.n, b.posting_id, b.src, b.src + 1 AS dup_group, b.src = b.n AS is_canonical,
                 CASE WHEN u(src, 2) < 0.55 THEN 'internship' WHEN u(src, 2) < 0.90 THEN 'full_time'
                      WHEN u(src, 2) < 0.94 THEN 'part_time' ELSE 'contract' END AS employment_type,
                 pick(src, 3, len($companies), 2.2) AS company_idx,
                 $companies[1 + company_idx] AS company,
                 -- each company has its own dozen teams, a few of them much larger
                 CASE WHEN u(src, 4) < 0.82
                      THEN $teams[1 + (company_idx * 7 + pick(src, 5, 12, 1.8)) % len($teams)] END AS team,
                 u(src, 6) AS u_pay, u(src, 7) AS u_cur, u(src, 8) AS u_season, u(src, 9) AS u_year,
                 list_distinct([$cities[1 + pick(src, 20 + j, len($cities), 2.0)]
                                FOR j IN range(1 + floor(3 * pow(u(src, 19), 3))::INTEGER)]) AS locations,
                 list_distinct([$languages[1 + pick(src, 40 + j, len($languages), 1.7)]
                                FOR j IN range(floor(5 * pow(u(src, 39), 0.8))::INTEGER)]) AS languages,
                 list_distinct([$skills[1 + pick(src, 60 + j, len($skills), 1.8)]
                                FOR j IN range(floor(7 * pow(u(src, 59), 0.9))::INTEGER)]) AS skills,
                 DATE '2023-06-01' + floor(870 * pow(u(src, 11), 0.7))::INTEGER
                   + (CASE WHEN b.src = b.n THEN 0 ELSE 1 + (b.n - b.src) * 3 END)::INTEGER AS posted_date,
                 CASE WHEN u(src, 12) < 0.12 THEN NULL
                      WHEN u(src, 13) < 0.5 THEN ['BS'] WHEN u(src, 13) < 0.75 THEN ['BS', 'MS']
                      WHEN u(src, 13) < 0.9 THEN ['MS'] WHEN u(src, 13) < 0.97 THEN ['MS', 'PhD']
                      ELSE ['PhD'] END AS degree_levels
          FROM s_base b)
        SELECT f.*,
          CASE WHEN employment_type = 'internship'
               THEN $intern_titles[1 + pick(src, 14, len($intern_titles), 1.6)]
               ELSE $full_titles[1 + pick(src, 14, len($full_titles), 1.6)] END AS title,
          CASE WHEN employment_type <> 'internship' OR u_season < 0.06 THEN []
               WHEN u_season < 0.64 THEN ['Summer'] WHEN u_season < 0.79 THEN ['Fall']
               WHEN u_season < 0.89 THEN ['Spring'] WHEN u_season < 0.95 THEN ['Summer', 'Fall']
               ELSE ['Winter'] END AS seasons,
          CASE WHEN employment_type = 'internship' AND u_year < 0.92
               THEN 2024 + least(floor(4 * pow(u(src, 15), 1.3)), 3)::INTEGER END AS year,
          CASE WHEN u_pay < 0.30 THEN NULL
               WHEN u_cur < 0.88 THEN 'USD' WHEN u_cur < 0.96 THEN 'CAD' ELSE 'EUR' END AS pay_currency,
          CASE WHEN u_pay < 0.30 THEN NULL
               WHEN employment_type = 'internship' AND u(src, 16) < 0.85 THEN 'hour'
               WHEN employment_type = 'internship' THEN 'month'
               WHEN employment_type IN ('part_time', 'contract') AND u(src, 16) < 0.7 THEN 'hour'
               WHEN u(src, 16) < 0.03 THEN 'month' ELSE 'year' END AS pay_period,
          CASE WHEN employment_type = 'internship' AND u(src, 17) < 0.55
               THEN 10 + floor(7 * u(src, 18))::INTEGER END AS duration_weeks
        FROM f""",
        {
            "companies": companies,
            "teams": teams,
            "languages": languages,
            "skills": skills,
            "cities": cities,
            "intern_titles": intern_titles,
            "full_titles": full_titles,
        },
    )
    con.execute(
        """CREATE TEMP TABLE s_postings AS
        WITH p AS (
          SELECT *,
            CASE pay_period
              WHEN 'hour' THEN round(18 + 60 * pow(u(src, 30), 1.4))
              WHEN 'month' THEN round(4000 + 7000 * u(src, 30), -2)
              WHEN 'year' THEN round(70000 + 190000 * pow(u(src, 30), 1.5), -3) END AS pay_min_raw,
            CASE WHEN len(seasons) > 0 AND year IS NOT NULL AND u(src, 31) < 0.45
                 THEN list_distinct([make_date(year, CASE seasons[1] WHEN 'Summer' THEN 5
                                          WHEN 'Fall' THEN 8 WHEN 'Spring' THEN 1 ELSE 11 END
                                          + CASE WHEN j = 1 THEN 1 ELSE 0 END,
                                        1 + floor(27 * u(src, 32 + j))::INTEGER)
                                      FOR j IN range(1 + floor(2 * u(src, 34))::INTEGER)])
                 ELSE [] END AS start_dates,
            [CASE WHEN u(src, 70 + hash(l) % 97) < 0.7 THEN 'required' ELSE 'preferred' END
             FOR l IN languages] AS language_levels,
            [CASE WHEN u(src, 170 + hash(s) % 97) < 0.55 THEN 'required' ELSE 'preferred' END
             FOR s IN skills] AS skill_levels
          FROM s_fields)
        SELECT *,
          CASE WHEN pay_min_raw IS NOT NULL THEN pay_min_raw END AS pay_min,
          CASE WHEN pay_min_raw IS NOT NULL
               THEN pay_min_raw * (1 + 0.1 + 0.4 * u(src, 35)) END AS pay_max_unrounded
        FROM p"""
    )
    con.execute(
        """CREATE TEMP TABLE s_text AS
        SELECT posting_id,
          concat_ws(E'\\n',
            title,
            company || coalesce(' - ' || team, ''),
            'Locations: ' || array_to_string(locations, '; ') || '.',
            CASE WHEN len(seasons) > 0 THEN array_to_string(seasons, '/') || ' ' || coalesce(year::VARCHAR, '') || ' internship.' END,
            'Languages: ' || coalesce(nullif(array_to_string(languages, ', '), ''), 'none') || '.',
            'Skills: ' || coalesce(nullif(array_to_string(skills, ', '), ''), 'none') || '.',
            CASE WHEN pay_min IS NOT NULL THEN 'Pay: ' || pay_currency || ' ' || pay_min::VARCHAR
                 || ' per ' || pay_period || '.' END,
            'This posting is synthetic, generated for benchmarks.'
              || CASE WHEN posting_id - 1 <> src THEN ' Reposted.' ELSE '' END) AS text
        FROM s_postings"""
    )
    con.execute(
        """INSERT INTO postings BY NAME
        SELECT p.posting_id, 'synthetic' AS parser_version,
          'synthetic://' || p.posting_id AS source, NULL AS locator,
          p.company, p.title, p.team, t.idx + 1 AS team_id, p.team AS team_raw, [] AS team_aliases,
          p.locations, p.employment_type, array_to_string(p.seasons, '/') AS season, p.seasons,
          p.year, coalesce(p.degree_levels, []) AS degree_levels,
          p.languages, p.skills, p.pay_min,
          CASE WHEN p.pay_period = 'hour' THEN round(p.pay_max_unrounded)
               ELSE round(p.pay_max_unrounded, -2) END AS pay_max,
          p.pay_currency, p.pay_period, p.start_dates, p.duration_weeks, p.posted_date,
          x.text, NULL AS sections_json, NULL AS disagreements_json,
          $now AS parsed_at, p.dup_group,
          count(*) OVER (PARTITION BY p.dup_group) AS dup_group_size, p.is_canonical
        FROM s_postings p JOIN s_text x USING (posting_id)
        LEFT JOIN s_teams t ON t.name = p.team""",
        {"now": now},
    )
    con.execute(
        """INSERT INTO documents BY NAME
        SELECT posting_id AS document_id, 'synthetic:' || posting_id AS doc_key,
               md5(text) AS content_hash, source, NULL AS locator, NULL AS external_id,
               NULL AS url, 'synthetic' AS format, 0 AS bytes, '' AS text, NULL AS known_json,
               NULL AS page_date, 'synthetic' AS parsed_version, $now AS first_seen,
               $now AS last_seen, 1 AS first_run, 1 AS last_run
        FROM postings WHERE posting_id BETWEEN $first AND $last""",
        {"now": now, **chunk},
    )
    # Mentions with spans: names are listed in order after "Languages: " / "Skills: ",
    # separated by ", ", so each one's offset is the line start plus the names before it.
    con.execute(
        """INSERT INTO mentions BY NAME
        WITH lines AS (
          SELECT p.posting_id, p.languages, p.language_levels, p.skills, p.skill_levels,
                 strpos(x.text, 'Languages: ') + 10 AS language_start,
                 strpos(x.text, E'\\nSkills: ') + 8 AS skill_start
          FROM s_postings p JOIN s_text x USING (posting_id)),
        named AS (
          SELECT posting_id, 'language' AS kind, unnest(languages) AS name,
                 unnest(language_levels) AS level,
                 unnest([language_start + coalesce(list_sum([length(v) + 2 FOR v IN languages[1:j]]), 0)
                         FOR j IN range(len(languages))]) AS span_start
          FROM lines
          UNION ALL
          SELECT posting_id, 'skill', unnest(skills), unnest(skill_levels),
                 unnest([skill_start + coalesce(list_sum([length(v) + 2 FOR v IN skills[1:j]]), 0)
                         FOR j IN range(len(skills))])
          FROM lines)
        SELECT n.posting_id, n.name,
               CASE WHEN n.kind = 'language' THEN 'language' ELSE k.category END AS category,
               n.level, n.span_start, n.span_start + length(n.name) AS span_end
        FROM named n LEFT JOIN s_skills k ON k.name = n.name AND n.kind = 'skill'"""
    )
    con.execute(
        """INSERT INTO posting_skills
        SELECT posting_id, name, any_value(category),
               CASE WHEN bool_or(level = 'required') THEN 'required' ELSE 'preferred' END
        FROM mentions WHERE posting_id BETWEEN $first AND $last GROUP BY posting_id, name
        ORDER BY posting_id, name""",
        chunk,
    )
    con.execute(
        """INSERT INTO posting_locations
        SELECT posting_id, generate_subscripts(locations, 1) - 1, unnest(locations) FROM postings
        WHERE posting_id BETWEEN $first AND $last""",
        chunk,
    )
    con.execute(
        """INSERT INTO posting_start_dates
        SELECT posting_id, unnest(start_dates) FROM postings
        WHERE len(start_dates) > 0 AND posting_id BETWEEN $first AND $last""",
        chunk,
    )
    con.execute(
        """INSERT INTO pay_ranges
        SELECT posting_id, 0, pay_min, pay_max, pay_currency, pay_period, NULL,
               strpos(text, 'Pay: ') - 1, strpos(text, 'Pay: ') - 1 + strpos(substr(text, strpos(text, 'Pay: ')), '.')
        FROM postings WHERE pay_min IS NOT NULL AND posting_id BETWEEN $first AND $last""",
        chunk,
    )
    con.execute(
        """INSERT INTO evidence
        SELECT posting_id, 'title', title, 0, length(title) FROM postings
        WHERE posting_id BETWEEN $first AND $last
        UNION ALL
        SELECT posting_id, 'company', company, length(title) + 1, length(title) + 1 + length(company)
        FROM postings WHERE posting_id BETWEEN $first AND $last""",
        chunk,
    )
    for table in ("s_base", "s_fields", "s_postings", "s_text"):
        con.execute(f"DROP TABLE {table}")  # noqa: S608 - constant names
