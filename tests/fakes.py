"""A deterministic stand-in embedder for unit tests of plumbing (never for quality tests)."""

from __future__ import annotations

import zlib

import numpy as np

from partyqa.text.normalize import normalize


class FakeEmbedder:
    """Hashes character bigrams into a small normalized vector; counts what it embeds."""

    def __init__(self, name: str = "fake-bigram", dim: int = 64):
        self.name = name
        self.dim = dim
        self.fingerprint = f"{name}-{dim}"
        self.backend = "fake"
        self.embedded: list[str] = []

    def _vec(self, text: str) -> np.ndarray:
        text = normalize(text)
        v = np.zeros(self.dim, dtype=np.float32)
        for i in range(len(text) - 1):
            v[zlib.crc32(text[i : i + 2].encode()) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode_passages(self, texts, progress=None):
        self.embedded.extend(texts)
        out = np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)
        if progress:
            progress(len(texts))
        return out

    def encode_queries(self, texts):
        return np.stack([self._vec(t) for t in texts])
