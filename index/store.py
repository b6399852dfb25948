"""The persisted index: one directory of plain files, written atomically.

Layout of ``<index_dir>``::

    CURRENT                 name of the live build directory (replaced atomically)
    build-<timestamp>/      manifest.json, articles.jsonl, chunks.jsonl, vectors.npy,
                            faiss.index, bm25_vocab.json, bm25_tf.npz

A build is written into a fresh ``build-*`` directory and only then published by
atomically replacing ``CURRENT``; a crash mid-build leaves the previous build live.
Nothing is pickled.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.bm25 import BM25Index
from index.records import Article, Chunk
from index.vectors import VectorBackend, load_backend
from partyqa import __version__

FORMAT_VERSION = 1
CURRENT_FILE = "CURRENT"
MANIFEST_FILE = "manifest.json"


class IndexLoadError(RuntimeError):
    """Base class for index loading errors."""


class IndexMissingError(IndexLoadError):
    """No index has been built yet."""


class IndexMismatchError(IndexLoadError):
    """The index was built by another model or format version."""


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
        path: Directory the data was loaded from (None if not yet saved).
    """

    manifest: dict
    articles: dict[str, Article]
    chunks: list[Chunk]
    vectors: np.ndarray
    ann: VectorBackend
    bm25: BM25Index
    path: Path | None = None


def make_manifest(
    *, model: str, dim: int, fingerprint: str, backend: str, chunker: dict, ann: dict,
    articles: int, chunks: int, roots: list[str], excluded: list[str], duplicates: list[dict],
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


def current_build(index_dir: Path) -> Path | None:
    """Return the live build directory, or None if there is none."""
    pointer = index_dir / CURRENT_FILE
    if not pointer.exists():
        return None
    build = index_dir / pointer.read_text(encoding="utf-8").strip()
    return build if (build / MANIFEST_FILE).exists() else None


def read_manifest(index_dir: Path) -> dict | None:
    """Return the manifest of the live build, or None."""
    build = current_build(index_dir)
    if build is None:
        return None
    return json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))


def save(data: IndexData, index_dir: Path) -> Path:
    """Write ``data`` as a new build and publish it atomically.

    Args:
        data: The index to write.
        index_dir: The index directory (created if missing).

    Returns:
        The new build directory.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = index_dir / f".{name}.partial"
    tmp.mkdir()
    try:
        _write_jsonl(tmp / "articles.jsonl", (a.to_dict() for a in data.articles.values()))
        _write_jsonl(tmp / "chunks.jsonl", (c.to_dict() for c in data.chunks))
        with open(tmp / "vectors.npy", "wb") as fh:
            np.save(fh, np.ascontiguousarray(data.vectors, dtype=np.float32), allow_pickle=False)
        data.ann.save(tmp)
        data.bm25.save(tmp)
        _write_text(tmp / MANIFEST_FILE, json.dumps(data.manifest, ensure_ascii=False, indent=2))
        _fsync_dir(tmp)
        final = index_dir / name
        os.rename(tmp, final)
        _write_text(index_dir / f".{CURRENT_FILE}.tmp", name)
        os.replace(index_dir / f".{CURRENT_FILE}.tmp", index_dir / CURRENT_FILE)
        _fsync_dir(index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    data.path = final
    _remove_stale(index_dir, keep={name})
    return final


def load(index_dir: Path, model: str | None = None, fingerprint: str | None = None) -> IndexData:
    """Load the live build of ``index_dir``.

    Args:
        index_dir: The index directory.
        model: If given, the model the caller will embed queries with; a different
            model in the manifest raises :class:`IndexMismatchError`.
        fingerprint: If given, the model fingerprint that must match the manifest.

    Returns:
        The loaded index.

    Raises:
        IndexMissingError: If no index was built in ``index_dir``.
        IndexMismatchError: If the index was built with another model or format.
    """
    build = current_build(index_dir)
    if build is None:
        raise IndexMissingError(
            f"no index in {index_dir}; build one with: partyqa index data/articles"
        )
    manifest = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    check_compatible(manifest, model, fingerprint)
    articles = {a["doc_id"]: Article.from_dict(a) for a in _read_jsonl(build / "articles.jsonl")}
    chunks = [Chunk.from_dict(c) for c in _read_jsonl(build / "chunks.jsonl")]
    vectors = np.load(build / "vectors.npy", allow_pickle=False)
    ann = load_backend(build, manifest["vector_index"])
    bm25 = BM25Index.load(build)
    if not (len(chunks) == len(vectors) == bm25.size == ann.size):
        raise IndexMismatchError(
            f"index in {build} is inconsistent ({len(chunks)} chunks, {len(vectors)} vectors); "
            "rebuild it with: partyqa index --rebuild data/articles"
        )
    return IndexData(manifest, articles, chunks, vectors, ann, bm25, build)


def check_compatible(manifest: dict, model: str | None, fingerprint: str | None) -> None:
    """Raise :class:`IndexMismatchError` unless the manifest fits this program and model."""
    how = "rebuild it with: partyqa index --rebuild data/articles (or your folder)"
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


def _remove_stale(index_dir: Path, keep: set[str]) -> None:
    """Delete old builds and leftovers of crashed builds."""
    for entry in index_dir.iterdir():
        if entry.name in keep or not entry.is_dir():
            continue
        if entry.name.startswith("build-") or (entry.name.startswith(".build-") and entry.name.endswith(".partial")):
            shutil.rmtree(entry, ignore_errors=True)


def _write_text(path: Path, text: str) -> None:
    """Write and fsync a text file."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _write_jsonl(path: Path, rows) -> None:
    """Write dicts as JSON lines and fsync."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        fh.flush()
        os.fsync(fh.fileno())


def _read_jsonl(path: Path) -> list[dict]:
    """Read JSON lines."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _fsync_dir(path: Path) -> None:
    """Flush a directory entry to disk (best effort)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
