"""Near-duplicates and syndicated copies: MinHash over word shingles, LSH bands in the store.

The band keys live in an indexed table, so finding candidates is a lookup, not a scan; the
candidates are then checked by their estimated Jaccard similarity, or by containment so that a
trimmed copy (a reprint that cut the last paragraphs) still folds into its original.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from storyline.textutil import words

NUM_PERM = 128
BANDS, ROWS = 32, 4  # candidate threshold ≈ (1/32) ** (1/4) ≈ 0.42 Jaccard
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # stored signatures are only comparable under the scheme that made them
MIN_JACCARD = 0.6
MIN_CONTAINMENT = 0.8
MIN_SHINGLES = 15


def shingles(text: str) -> set[str]:
    tokens = [w.lower() for w in words(text)]
    if len(tokens) <= SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def signature(items: set[str]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in items])
    return mh


def band_keys(mh: MinHash) -> list[tuple[int, bytes]]:
    values = mh.hashvalues
    return [
        (b, hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest())
        for b in range(BANDS)
    ]


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME,
                   hashvalues=np.frombuffer(data, dtype=np.uint32))


def is_near_duplicate(a: MinHash, n_a: int, b: MinHash, n_b: int) -> bool:
    """Same text give or take light edits: high Jaccard, or one almost inside the other."""
    jaccard = a.jaccard(b)
    if jaccard >= MIN_JACCARD:
        return True
    smaller = min(n_a, n_b)
    if smaller < MIN_SHINGLES:
        return False
    shared = jaccard * (n_a + n_b) / (1.0 + jaccard)
    return shared / smaller >= MIN_CONTAINMENT
