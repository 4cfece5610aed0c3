"""Team spellings become one team; reposts become one group; different postings stay apart."""

from __future__ import annotations

import subprocess
import sys

from warehouse.dedupe import group_near_duplicates, minhash_signature
from warehouse.teams import TeamMatcher, normalize_team


def test_team_names_normalise_without_company_prefix_punctuation_or_team_suffix():
    assert normalize_team("TikTok User and Relation", ["TikTok"]) == "user and relation"
    assert normalize_team("User & Relation Team") == "user & relation"
    assert normalize_team("TikTok-PGC-UCP", ["TikTok"]) == "pgc ucp"
    assert normalize_team("Growth") == "growth"


def test_matcher_merges_spellings_and_keeps_different_teams_apart():
    matcher = TeamMatcher([], companies=["TikTok"])
    first = matcher.match("User and Relation", "TikTok")
    assert matcher.match("TikTok User and Relation", "TikTok") == first
    assert matcher.match("User and Relations", "TikTok") == first  # fuzzy: a typo-level difference
    assert matcher.match("Search", None) != matcher.match("Research", None)
    assert matcher.match(None) is None and matcher.match("  ") is None
    assert {name for _, name, _ in matcher.new_teams} == {"User and Relation", "Search", "Research"}
    assert set(matcher.new_aliases) >= {"TikTok User and Relation", "User and Relations"}


_BODY = (
    "We are looking for a backend engineering intern to join our payments team in Seattle. "
    "You will design APIs, write Go and Python services, and work with product managers. "
    "Requirements: currently pursuing a BS or MS in computer science, experience with SQL, "
    "strong communication skills. Pay: $45 to $55 per hour. Apply by March 1."
)


def test_a_repost_with_small_edits_is_grouped_and_other_postings_are_not():
    repost = _BODY.replace("Apply by March 1.", "Apply by March 15. Reposted.")
    other = (
        "Data science intern for the ads ranking team in New York. Build models in Python and "
        "Spark, analyse experiments, present findings. PhD preferred. $60 per hour."
    )
    same_text_other_company = _BODY
    ids = [1, 2, 3, 4]
    signatures = [
        minhash_signature(_BODY, "Stripe", "Backend Intern"),
        minhash_signature(repost, "Stripe", "Backend Intern"),
        minhash_signature(other, "Stripe", "Data Science Intern"),
        minhash_signature(same_text_other_company, "Lyft", "Backend Intern"),
    ]
    groups = group_near_duplicates(ids, signatures, ["Stripe", "Stripe", "Stripe", "Lyft"])
    assert groups == {1: 1, 2: 1, 3: 3, 4: 4}


def test_signatures_are_the_same_in_another_process():
    # Stored signatures are compared with new ones in later runs: no per-process hashing.
    code = "from warehouse.dedupe import minhash_signature as m; print(m('same words here', 'Co', 'T').tolist())"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == str(minhash_signature("same words here", "Co", "T").tolist())
    assert len(minhash_signature("")) == 64


def test_the_same_boilerplate_under_different_job_titles_is_not_a_repost():
    titles = [
        "Senior Backend Engineer (Node.js/Typescript)",
        "Backend Engineer (Node.js/Typescript)",
        "Senior Backend Engineer (Node.js/TypeScript) - Remote",
        None,
        "Software Engineer II",
        "Software Engineer III",
    ]
    ids = [1, 2, 3, 4, 5, 6]
    signatures = [minhash_signature(_BODY, "Deel", "x")] * 6
    groups = group_near_duplicates(ids, signatures, ["Deel"] * 6, titles)
    assert groups[5] == 5 and groups[6] == 6
    assert groups[1] == groups[3] == 1  # the same job, reposted as "Remote"
    assert groups[2] == 2  # not senior: another job
    assert groups[4] == 4  # an untitled copy would otherwise chain the two jobs together


def _edited(signature: list[int], positions: range) -> list[int]:
    """`signature` with new minima at `positions`, as a small edit of the text gives."""
    return [value + 1 if n in positions else value for n, value in enumerate(signature)]


def test_a_chain_of_small_edits_is_one_group_named_by_its_smallest_id():
    # Each repost edits the one before it a little (8 of 64 minima: similarity 0.875); the
    # first and the third are only 0.75 alike, so they are one group through the second.
    chain = [list(minhash_signature(_BODY, "Stripe", "Backend Intern"))]
    for step in range(11):
        first = 8 * step % 64
        chain.append(_edited(chain[-1], range(first, first + 8)))
    ids = [10 * (12 - n) for n in range(12)]  # the newest repost has the smallest id
    groups = group_near_duplicates(ids, chain, ["Stripe"] * 12, ["Backend Intern"] * 12)
    assert groups == dict.fromkeys(ids, 10)


def test_many_copies_of_one_posting_are_one_group():
    # More copies than a band bucket compares pairwise: each is compared with the first.
    signature = minhash_signature(_BODY, "Stripe", "Backend Intern")
    ids = list(range(100, 140))
    other = minhash_signature("A different posting about cooking pasta.", "Stripe", "Chef")
    groups = group_near_duplicates(
        [*ids, 7], [signature] * 40 + [other], ["Stripe"] * 41, ["Backend Intern"] * 40 + ["Chef"]
    )
    assert groups == {**dict.fromkeys(ids, 100), 7: 7}


def test_dedupe_benchmark_smoke_run_prints_figures(tmp_path, capsys):
    from benchmarks.bench_dedupe import main

    # No corpus: the bundled samples, cycled; every copy a repost.
    main(["--postings", "500", "--corpus", str(tmp_path / "no-corpus")])
    out = capsys.readouterr().out
    assert "built 500 postings from 5 distinct texts" in out
    assert "5 groups of 2 or more, 500 postings in them" in out
    assert "peak RSS of the regrouping process:" in out
