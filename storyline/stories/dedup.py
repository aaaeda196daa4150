"""Near-duplicates and syndicated copies: MinHash over word shingles, LSH bands in the store.

The band keys live in an indexed table, so finding candidates is a lookup, not a scan; the
candidates are then checked by their estimated Jaccard similarity, or by containment so that a
trimmed copy (a reprint that cut the last paragraphs) still folds into its original.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from storyline.store.base import Store
from storyline.textutil import words

NUM_PERM = 128
# Candidate threshold ≈ (1/64) ** (1/2) ≈ 0.13 Jaccard: low, so that a copy cut to half its
# original (Jaccard ≈ 0.45 or less once edited) still meets its original; every candidate is
# then checked against the signature, which is cheap.
BANDS, ROWS = 64, 2
LAYOUT = f"{BANDS}x{ROWS}"
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


def ensure_band_layout(store: Store) -> None:
    """Band keys depend on the band layout: a store written under another one is re-banded from
    the signatures it keeps, so copies of its older articles are still found."""
    if store.meta("lsh_layout") == LAYOUT:
        return
    with store.transaction():
        for article_id, (data, n_shingles) in store.minhashes(store.minhash_ids()).items():
            store.put_minhash(article_id, data, n_shingles, band_keys(from_bytes(data)))
        store.set_meta("lsh_layout", LAYOUT)


def band_keys(mh: MinHash) -> list[tuple[int, bytes]]:
    values = mh.hashvalues
    return [
        (b, hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest())
        for b in range(BANDS)
    ]


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def hash_values(data: bytes) -> np.ndarray:
    """A stored signature's hash values, as `is_near_duplicate` compares them."""
    return np.frombuffer(data, dtype=np.uint32)


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hash_values(data))


def is_near_duplicate(a: np.ndarray, n_a: int, b: np.ndarray, n_b: int) -> bool:
    """Same text give or take light edits: high Jaccard, or one almost inside the other.

    ``a`` and ``b`` are signatures' hash values (a stored one is read as such: building a
    MinHash object draws its permutations again, which costs more than the comparison)."""
    jaccard = float(np.count_nonzero(a == b)) / float(len(a))
    if jaccard >= MIN_JACCARD:
        return True
    smaller = min(n_a, n_b)
    if smaller < MIN_SHINGLES:
        return False
    shared = jaccard * (n_a + n_b) / (1.0 + jaccard)
    return shared / smaller >= MIN_CONTAINMENT


@dataclass
class Fingerprint:
    """What the store keeps of an article's text to find its copies later."""

    signature: MinHash
    n_shingles: int
    bands: list[tuple[int, bytes]]

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        items = shingles(text)
        mh = signature(items)
        return cls(mh, len(items), band_keys(mh))


def find_original(store: Store, article_id: str, fp: Fingerprint) -> str | None:
    """The earliest stored article that this one near-duplicates, following copies to their
    original; None when it is new."""
    candidates = store.lsh_candidates(fp.bands) - {article_id}
    roots = []
    own = fp.signature.hashvalues
    for candidate, (data, n_other) in store.minhashes(candidates).items():
        if is_near_duplicate(own, fp.n_shingles, hash_values(data), n_other):
            brief = store.article_brief(candidate)
            root = store.article_brief(brief["duplicate_of"]) if brief["duplicate_of"] else brief
            roots.append(root or brief)
    if not roots:
        return None
    return min(roots, key=lambda r: (r["published"] or "9999", r["seq"]))["id"]


def link_copy(store: Store, article_id: str, published: str | None, original: str
              ) -> str | None:
    """Record that a stored article copies ``original``; returns what it is a duplicate of.

    The earliest copy is the original: when the new one predates the one we had, the links turn
    around and the new article becomes the root (then None is returned).
    """
    root = store.article_brief(original)
    if _earlier(published, root["published"]):
        store.repoint_duplicates(original, article_id)
        store.set_duplicate_of(original, article_id)
        return None
    store.set_duplicate_of(article_id, original)
    return original


def _earlier(a: str | None, b: str | None) -> bool:
    return a is not None and (b is None or a[:10] < b[:10])
