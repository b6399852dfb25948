"""Near-duplicate detection with MinHash over character shingles of normalized text."""

from __future__ import annotations

import numpy as np

from partyqa.text.shingles import NEAR_DUPLICATE_ARTICLE, shingles

_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20240601)
_NUM_PERM = 64
_A = _RNG.integers(1, _PRIME, size=_NUM_PERM, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, size=_NUM_PERM, dtype=np.uint64)


def minhash(text: str) -> np.ndarray:
    """A 64-value MinHash signature of ``text``; similar texts agree in many positions."""
    sh = shingles(text)
    if not sh:
        return np.full(_NUM_PERM, _PRIME, dtype=np.uint64)
    values = np.fromiter(sh, dtype=np.uint64)
    hashed = (values[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    return hashed.min(axis=0)


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Jaccard similarity estimated from two MinHash signatures."""
    return float(np.mean(sig_a == sig_b))


def near_duplicate_pairs(texts: dict[str, str], threshold: float = NEAR_DUPLICATE_ARTICLE, bands: int = 16) -> list[tuple[str, str, float]]:
    """Find pairs of near-duplicate texts (e.g. the same story reprinted on two sites).

    Signatures are split into ``bands`` bands (LSH); only texts sharing a whole band are
    compared, so the cost grows with the number of texts, not with its square.

    Args:
        texts: Mapping of id to text.
        threshold: Minimum estimated Jaccard similarity of 4-character shingles.
        bands: Number of LSH bands (must divide the signature length, 64).

    Returns:
        ``(kept_id, duplicate_id, similarity)`` triples; the first id in mapping order is kept.
    """
    ids = list(texts)
    sigs = [minhash(texts[i]) for i in ids]
    rows = _NUM_PERM // bands
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for n, sig in enumerate(sigs):
        for b in range(bands):
            buckets.setdefault((b, sig[b * rows : (b + 1) * rows].tobytes()), []).append(n)
    candidates = {(i, j) for members in buckets.values() for k, i in enumerate(members) for j in members[k + 1 :]}
    pairs = []
    for i, j in sorted(candidates):
        sim = estimated_jaccard(sigs[i], sigs[j])
        if sim >= threshold:
            pairs.append((ids[i], ids[j], sim))
    return pairs
