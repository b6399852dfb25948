"""Vector search backends over FAISS: exact inner product, or HNSW for large indexes.

Each backend is a small class behind the same interface; the kind and its parameters
are recorded in the index manifest. Row ids are the positions of chunks in
``chunks.jsonl``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

FAISS_FILE = "faiss.index"


def _faiss():
    """Import faiss lazily (it is large)."""
    import faiss

    return faiss


class VectorBackend:
    """Common interface: build from a matrix, search, save and load."""

    kind = "base"

    def __init__(self, index, params: dict | None = None):
        self.index = index
        self.params = params or {}

    @classmethod
    def build(cls, vectors: np.ndarray, **params) -> VectorBackend:
        """Build the backend over ``vectors`` (row i gets id i)."""
        raise NotImplementedError

    @property
    def size(self) -> int:
        """Number of vectors indexed."""
        return int(self.index.ntotal)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(scores, ids)`` of the ``k`` best rows for each query; missing ids are -1."""
        k = max(1, min(k, self.size)) if self.size else 1
        if not self.size:
            n = len(queries)
            return np.zeros((n, 0), np.float32), np.zeros((n, 0), np.int64)
        return self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def save(self, directory: Path) -> None:
        """Write the FAISS index file."""
        _faiss().write_index(self.index, str(directory / FAISS_FILE))

    def describe(self) -> dict:
        """Kind and parameters, for the manifest."""
        return {"kind": self.kind, **self.params}


class ExactBackend(VectorBackend):
    """Exact inner-product search with explicit ids (``IndexIDMap2(IndexFlatIP)``)."""

    kind = "flat"

    @classmethod
    def build(cls, vectors: np.ndarray, **params) -> ExactBackend:
        faiss = _faiss()
        dim = vectors.shape[1]
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        if len(vectors):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.arange(len(vectors), dtype=np.int64))
        return cls(index, {})

    def remove(self, ids: np.ndarray) -> int:
        """Remove rows by id; returns how many were removed."""
        return int(self.index.remove_ids(np.asarray(ids, dtype=np.int64)))


class HNSWBackend(VectorBackend):
    """Approximate search with an HNSW graph (inner product), for large indexes."""

    kind = "hnsw"

    @classmethod
    def build(cls, vectors: np.ndarray, m: int = 32, ef_construction: int = 80, ef_search: int = 256, **_) -> HNSWBackend:
        faiss = _faiss()
        dim = vectors.shape[1]
        index = faiss.IndexHNSWFlat(dim, m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = ef_construction
        index.hnsw.efSearch = ef_search
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index, {"m": m, "ef_construction": ef_construction, "ef_search": ef_search})


BACKENDS = {b.kind: b for b in (ExactBackend, HNSWBackend)}


def build_backend(vectors: np.ndarray, exact_max: int) -> VectorBackend:
    """Build the exact backend up to ``exact_max`` vectors, HNSW beyond."""
    cls = ExactBackend if len(vectors) <= exact_max else HNSWBackend
    return cls.build(vectors)


def load_backend(directory: Path, description: dict) -> VectorBackend:
    """Load the FAISS index of ``directory`` as the backend named in ``description``."""
    kind = description.get("kind", "flat")
    if kind not in BACKENDS:
        raise ValueError(f"unknown vector index kind {kind!r}")
    index = _faiss().read_index(str(directory / FAISS_FILE))
    params = {k: v for k, v in description.items() if k != "kind"}
    if kind == "hnsw" and "ef_search" in params:
        index.hnsw.efSearch = int(params["ef_search"])
    return BACKENDS[kind](index, params)
