"""Character shingles and set similarities: how much two texts repeat each other.

Used at index time (near-duplicate articles) and at query time (a reprinted passage is
shown once; an answer does not quote the same sentence twice). The thresholds live here so
that every stage agrees on what "the same text" means.
"""

from __future__ import annotations

import re
import zlib

from partyqa.text.normalize import normalize

#: Estimated Jaccard similarity above which two articles are near-duplicates (reprints).
NEAR_DUPLICATE_ARTICLE = 0.8
#: Share of the smaller passage contained in a kept one above which a hit is a repeat.
REPEATED_PASSAGE = 0.8
#: Jaccard similarity above which two answer sentences say the same thing.
REPEATED_SENTENCE = 0.5

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def shingles(text: str, size: int = 4) -> set[int]:
    """Hashes of the character ``size``-grams of normalized ``text`` (punctuation and spaces dropped)."""
    clean = _NOISE.sub("", normalize(text))
    if len(clean) <= size:
        return {zlib.crc32(clean.encode("utf-8"))} if clean else set()
    return {zlib.crc32(clean[i : i + size].encode("utf-8")) for i in range(len(clean) - size + 1)}


def jaccard(a: set[int], b: set[int]) -> float:
    """Jaccard similarity of two shingle sets (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set contained in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
