"""Near-duplicate reposts: MinHash signatures over normalised text, grouped by LSH banding.

A repost (the same posting saved from two sites, or reposted under a new id) has almost the
same words; two postings are one group when their estimated Jaccard similarity of 5-word
shingles is at least `SAME_POSTING_JACCARD`, their companies do not differ and their titles
name the same job.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Sequence
from pathlib import Path

import duckdb
import numpy as np
from duckdb.sqltypes import VARCHAR

NUM_HASHES = 64
BANDS = 16  # 16 bands x 4 rows: pairs above ~0.5 similarity become candidates
SHINGLE_WORDS = 5
SAME_POSTING_JACCARD = 0.8
_BAND_ROWS = NUM_HASHES // BANDS
_TITLE_NOISE = {"remote", "hybrid", "onsite", "on", "site", "in", "office", "fully", "100"}
_WORD = re.compile(r"\w+")
# Fingerprint of these grouping rules (this file): a warehouse grouped by other rules is
# regrouped on the next ingest even when no posting changed.
DEDUPE_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]

_rng = np.random.default_rng(20240607)  # fixed: signatures are stored and compared across runs
_MULTIPLIERS = _rng.integers(1, 2**63, NUM_HASHES, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_SEEDS = _rng.integers(0, 2**63, NUM_HASHES, dtype=np.uint64)
_SHINGLE_WEIGHTS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0x27D4EB2F165667C5,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)


def normalized_words(text: str) -> list[str]:
    """Case-folded word tokens (NFKC), the unit shingles are made of."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def minhash_signature(
    text: str, company: str | None = None, title: str | None = None
) -> np.ndarray:
    """`NUM_HASHES` unsigned 64-bit minima over the posting's word shingles (company/title included)."""
    words = normalized_words(" ".join(part for part in (company, title, text) if part))
    if not words:
        words = ["<empty>"]
    word_hashes = np.fromiter(
        (zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words)
    )
    if len(word_hashes) < SHINGLE_WORDS:
        word_hashes = np.pad(word_hashes, (0, SHINGLE_WORDS - len(word_hashes)))
    windows = np.lib.stride_tricks.sliding_window_view(word_hashes, SHINGLE_WORDS)
    with np.errstate(over="ignore"):
        shingles = (windows * _SHINGLE_WEIGHTS).sum(axis=1, dtype=np.uint64)
        mixed = (shingles[:, None] ^ _SEEDS[None, :]) * _MULTIPLIERS[None, :]
        mixed ^= mixed >> np.uint64(29)
    return mixed.min(axis=0)


def normalized_title(title: str | None) -> str:
    """Title words in a fixed order, without words that only say where or how ("remote")."""
    if not title:
        return ""
    return " ".join(sorted(w for w in normalized_words(title) if w not in _TITLE_NOISE))


def group_near_duplicates(
    ids: Sequence[int],
    signatures: Sequence[Sequence[int]],
    companies: Sequence[str | None],
    titles: Sequence[str | None] | None = None,
) -> dict[int, int]:
    """posting id -> group id (the smallest id in its group) for every posting given.

    The grouping of `group_reposts` over these postings alone, in a throwaway database.
    """
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE postings (posting_id BIGINT, company VARCHAR, title VARCHAR)")
        con.execute("CREATE TABLE posting_signatures (posting_id BIGINT, minhash UBIGINT[])")
        titles = titles or [None] * len(ids)
        con.executemany(
            "INSERT INTO postings VALUES (?, ?, ?)",
            list(zip(ids, companies, titles, strict=True)),
        )
        con.executemany(
            "INSERT INTO posting_signatures VALUES (?, ?)",
            [(i, [int(v) for v in sig]) for i, sig in zip(ids, signatures, strict=True)],
        )
        group_reposts(con)
        grouped = dict(con.execute("SELECT posting_id, dup_group FROM _repost_groups").fetchall())
    finally:
        con.close()
    return {i: grouped.get(i, i) for i in ids}


# A signature of the wrong length counts as all zeros: a candidate in every band.
_SIGNATURE = (
    f"CASE WHEN len(minhash) = {NUM_HASHES} THEN minhash "
    f"ELSE list_transform(range({NUM_HASHES}), x -> 0::UBIGINT) END"
)
# A bucket larger than this is boilerplate-only text: its members are compared with the
# first (smallest id) only, not with each other (a few thousand copies would be millions of
# pairs).
_ALL_PAIRS_UP_TO = 30


def group_reposts(con: duckdb.DuckDBPyConnection) -> int:
    """Group the near-duplicate reposts among `posting_signatures`; returns #groups of 2 or more.

    Leaves the temp table `_repost_groups (posting_id, dup_group)` with one row per posting in
    a group of two or more; the group id is its smallest posting id. Two postings sharing a
    band bucket are one group when their texts are near-identical (estimated Jaccard at least
    `SAME_POSTING_JACCARD`), their companies do not differ and their titles name the same job:
    a company's many postings share boilerplate, so similar text alone would merge different
    jobs ("Senior" vs not, "Dutch" vs "Danish"). Groups are the connected components of those
    links, so a chain of small edits is one group.

    All of it runs in DuckDB: at a million postings, every one a candidate (an export whose
    texts repeat), the signatures alone are 512 MB, and Python held them twice.
    """
    _candidate_pairs(con)
    _linked_pairs(con)
    return _connected_components(con)


def _candidate_pairs(con: duckdb.DuckDBPyConnection) -> None:
    """`_candidate_pairs (a, b)`, a < b: postings that share a bucket in some band."""
    con.execute("CREATE OR REPLACE TEMP TABLE _band_pairs (a BIGINT, b BIGINT)")
    for band in range(BANDS):
        con.execute(
            f"""INSERT INTO _band_pairs
                WITH keyed AS (
                    SELECT posting_id, ({_SIGNATURE})[$first:$last] AS bucket
                    FROM posting_signatures),
                shared AS (
                    SELECT posting_id, bucket, count(*) OVER bucket AS members,
                           min(posting_id) OVER bucket AS first
                    FROM keyed WINDOW bucket AS (PARTITION BY bucket) QUALIFY members > 1)
                SELECT x.posting_id, y.posting_id
                FROM shared x JOIN shared y ON x.bucket = y.bucket AND x.posting_id < y.posting_id
                WHERE x.members <= {_ALL_PAIRS_UP_TO}
                UNION ALL
                SELECT first, posting_id FROM shared
                WHERE members > {_ALL_PAIRS_UP_TO} AND posting_id <> first""",  # noqa: S608 - constants
            {"first": band * _BAND_ROWS + 1, "last": (band + 1) * _BAND_ROWS},
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _candidate_pairs AS SELECT DISTINCT a, b FROM _band_pairs"
    )
    con.execute("DROP TABLE _band_pairs")


def _linked_pairs(con: duckdb.DuckDBPyConnection) -> None:
    """`_links (a, b)`: the candidate pairs that are the same posting."""
    con.create_function("_jobdash_company_key", _company_key, [VARCHAR], VARCHAR)
    con.create_function("_jobdash_title_key", normalized_title, [VARCHAR], VARCHAR)
    try:
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _keys AS
               SELECT posting_id, coalesce(_jobdash_company_key(company), '') AS company,
                      coalesce(_jobdash_title_key(title), '') AS title
               FROM postings
               WHERE posting_id IN (SELECT a FROM _candidate_pairs UNION SELECT b FROM _candidate_pairs)"""
        )
    finally:
        con.remove_function("_jobdash_company_key")
        con.remove_function("_jobdash_title_key")
    # Titles match when they have the same words in any order: one different word is another
    # job ("Engineer II" / "III", "French" / "German"), and an unknown title matches only an
    # unknown one (else one untitled posting could chain two different jobs into a group).
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _links AS
            WITH same_job AS (
                SELECT p.a, p.b FROM _candidate_pairs p
                JOIN _keys ka ON ka.posting_id = p.a JOIN _keys kb ON kb.posting_id = p.b
                WHERE ka.title = kb.title
                  AND (ka.company = '' OR kb.company = '' OR ka.company = kb.company))
            SELECT j.a, j.b
            FROM same_job j
            JOIN (SELECT posting_id, {_SIGNATURE} AS minhash FROM posting_signatures) sa
              ON sa.posting_id = j.a
            JOIN (SELECT posting_id, {_SIGNATURE} AS minhash FROM posting_signatures) sb
              ON sb.posting_id = j.b
            WHERE len(list_filter(range(1, {NUM_HASHES} + 1), i -> sa.minhash[i] = sb.minhash[i]))
                  >= $jaccard * {NUM_HASHES}""",  # noqa: S608 - constants
        {"jaccard": SAME_POSTING_JACCARD},
    )
    con.execute("DROP TABLE _candidate_pairs")
    con.execute("DROP TABLE _keys")


def _connected_components(con: duckdb.DuckDBPyConnection) -> int:
    """`_repost_groups` from `_links` by min-label propagation; returns #groups."""
    con.execute(
        """CREATE OR REPLACE TEMP TABLE _edges AS
           SELECT a AS node, b AS other FROM _links UNION ALL SELECT b, a FROM _links"""
    )
    con.execute("DROP TABLE _links")
    con.execute(
        """CREATE OR REPLACE TEMP TABLE _repost_groups AS
           SELECT node AS posting_id, least(node, min(other)) AS dup_group FROM _edges GROUP BY node"""
    )
    while True:
        # Each node takes its neighbours' smallest label, then its label's label (a jump
        # along the chain): labels only fall, and stop at the component's smallest id.
        spread = con.execute(
            """UPDATE _repost_groups SET dup_group = n.dup_group
               FROM (SELECT e.node, min(g.dup_group) AS dup_group
                     FROM _edges e JOIN _repost_groups g ON g.posting_id = e.other
                     GROUP BY e.node) n
               WHERE _repost_groups.posting_id = n.node AND n.dup_group < _repost_groups.dup_group"""
        ).fetchone()[0]
        jumped = con.execute(
            """UPDATE _repost_groups SET dup_group = r.dup_group
               FROM _repost_groups r
               WHERE r.posting_id = _repost_groups.dup_group AND r.dup_group < _repost_groups.dup_group"""
        ).fetchone()[0]
        if not spread and not jumped:
            break
    con.execute("DROP TABLE _edges")
    return con.execute("SELECT count(DISTINCT dup_group) FROM _repost_groups").fetchone()[0]


def _company_key(company: str) -> str:
    """Companies compare case-folded and stripped ("ACME " is Acme)."""
    return company.casefold().strip()
