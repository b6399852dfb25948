"""What every storage engine of the index shares: the in-memory index, the manifest, the interface.

A storage engine keeps builds of the index and publishes a new one atomically. The
plain-file engine (:mod:`index.store.plainfiles`) is the default; another engine (a vector
database, say) implements :class:`IndexStore` and registers in :func:`index.store.open_store`.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.store.bm25 import BM25Index
from index.store.vectors import VectorBackend
from partyqa import __version__
from partyqa.errors import IndexMismatchError
from partyqa.records import Article, Chunk

FORMAT_VERSION = 2


@dataclass
class IndexData:
    """Everything an index holds, in memory.

    Attributes:
        manifest: The parsed ``manifest.json``.
        articles: Articles by doc id.
        chunks: Chunks in row order (row i ↔ vector i ↔ BM25 row i).
        vectors: Embedding matrix, float32, L2-normalized rows.
        ann: The FAISS backend over ``vectors``.
        bm25: Keyword index over ``chunks``.
        examples: Example questions mined from the articles at build time.
        path: Directory the data was loaded from (None if not yet saved).
    """

    manifest: dict
    articles: dict[str, Article]
    chunks: list[Chunk]
    vectors: np.ndarray
    ann: VectorBackend
    bm25: BM25Index
    examples: list[str] = field(default_factory=list)
    path: Path | None = None


def make_manifest(
    *, model: str, dim: int, fingerprint: str, backend: str, chunker: dict, ann: dict,
    articles: int, chunks: int, roots: dict, excluded: list[str], duplicates: list[dict],
    ingest_version: int,
) -> dict:
    """Assemble the manifest of a build (``ingest_version``: see ``index.build.INGEST_VERSION``)."""
    return {
        "format_version": FORMAT_VERSION,
        "package_version": __version__,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "model": model,
        "dimension": dim,
        "model_fingerprint": fingerprint,
        "embedding_backend": backend,
        "chunker": chunker,
        "vector_index": ann,
        "counts": {"articles": articles, "chunks": chunks, "vectors": chunks},
        "roots": roots,
        "excluded": excluded,
        "near_duplicates": duplicates,
        "ingest_version": ingest_version,
    }


def check_compatible(manifest: dict, model: str | None, fingerprint: str | None) -> None:
    """Raise :class:`IndexMismatchError` unless the manifest fits this program and model."""
    how = "rebuild it with: partyqa index --rebuild (it keeps the recorded folders, uploads and deletions)"
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexMismatchError(
            f"the index has format version {version}, this partyqa reads version {FORMAT_VERSION}; {how}"
        )
    if model is not None and manifest.get("model") != model:
        raise IndexMismatchError(
            f"the index was built with embedding model {manifest.get('model')!r} but the "
            f"configured model is {model!r}; {how}, or set PARTYQA_MODEL to the index's model"
        )
    if fingerprint is not None and manifest.get("model_fingerprint") != fingerprint:
        raise IndexMismatchError(
            f"the index was built with different weights of model {model!r} "
            f"(fingerprint {manifest.get('model_fingerprint')} ≠ {fingerprint}); {how}"
        )




class IndexStore(ABC):
    """Keeps the builds of one index and publishes new ones atomically."""

    #: Name of the engine, as chosen by :func:`index.store.open_store`.
    kind = "base"

    @abstractmethod
    def exists(self) -> bool:
        """True if a build has been published."""

    @abstractmethod
    def read_manifest(self) -> dict | None:
        """The manifest of the live build, or None when there is none."""

    @abstractmethod
    def load(self, model: str | None = None, fingerprint: str | None = None) -> IndexData:
        """Load the live build, refusing one of another model or format.

        Raises:
            IndexMissingError: If nothing was published.
            IndexMismatchError: If it was built with another model or format.
            IndexCorruptError: If a file of it is damaged.
        """

    def salvage_manifest(self) -> dict | None:
        """The newest readable manifest, even of a damaged or mismatched index (never raises).

        A rebuild takes the recorded folders and deletions from it, so that recovering from
        a damaged index loses no document. The default finds none.
        """
        try:
            return self.read_manifest()
        except Exception:  # a damaged index: nothing to salvage here
            return None

    @abstractmethod
    def save(self, data: IndexData) -> str:
        """Write ``data`` as a new build and publish it atomically; returns the build's name."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the index lives, for messages."""
