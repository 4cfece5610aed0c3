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
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

NUM_HASHES = 64
BANDS = 16  # 16 bands x 4 rows: pairs above ~0.5 similarity become candidates
SHINGLE_WORDS = 5
SAME_POSTING_JACCARD = 0.8
_TITLE_NOISE = {"remote", "hybrid", "onsite", "on", "site", "in", "office", "fully", "100"}
_WORD = re.compile(r"\w+")
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
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


def same_title(a: str, b: str) -> bool:
    """Two normalised titles name the same job: the same words, in any order.

    One different word is another job ("Engineer II" / "III", "French" / "German"); an
    unknown title matches only an unknown one (else one untitled posting could chain two
    different jobs into a group).
    """
    return a == b


def group_near_duplicates(
    ids: Sequence[int],
    signatures: Sequence[Sequence[int]],
    companies: Sequence[str | None],
    titles: Sequence[str | None] | None = None,
) -> dict[int, int]:
    """posting id -> group id (the smallest id in its group) for every posting given.

    Two postings are one group when their texts are near-identical, their companies do not
    differ and their titles name the same job: a company's many postings share boilerplate,
    so similar text alone would merge different jobs ("Senior" vs not, "Dutch" vs "Danish").
    """
    sig = np.asarray(signatures, dtype=np.uint64).reshape(len(ids), NUM_HASHES)
    parent = {i: i for i in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rows = NUM_HASHES // BANDS
    company_of = {i: (c or "").casefold().strip() for i, c in zip(ids, companies, strict=True)}
    title_of = {
        i: normalized_title(t) for i, t in zip(ids, titles or [None] * len(ids), strict=True)
    }
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        chunk = np.ascontiguousarray(sig[:, band * rows : (band + 1) * rows])
        for index, key in enumerate(chunk):
            buckets[key.tobytes()].append(index)
        for members in buckets.values():
            # A huge bucket is boilerplate-only text; comparing it with its first member is enough.
            pairs = (
                ((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
                if len(members) <= 30
                else ((members[0], y) for y in members[1:])
            )
            for x, y in pairs:
                a, b = ids[x], ids[y]
                ra, rb = find(a), find(b)
                if ra == rb:
                    continue
                if company_of[a] and company_of[b] and company_of[a] != company_of[b]:
                    continue
                if not same_title(title_of[a], title_of[b]):
                    continue
                if float(np.mean(sig[x] == sig[y])) >= SAME_POSTING_JACCARD:
                    # The smaller id becomes the root, so a group's id is its smallest member.
                    parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}
