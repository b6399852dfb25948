"""The indexing pipeline: files → articles → chunks → vectors → persisted index.

Incremental: unchanged files (same path and byte hash) are not re-read, and a chunk
whose embedding input is unchanged reuses its stored vector, so only new text is
embedded. ``rebuild=True`` starts from nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from index.ingest.chunk import chunk_article, embedding_input
from index.ingest.dedup import near_duplicate_pairs
from index.ingest.examples import example_questions
from index.ingest.files import find_files
from index.ingest.load import load_file
from index.store import IndexData, open_store
from index.store.base import make_manifest
from index.store.bm25 import BM25Index
from index.store.vectors import build_backend
from partyqa.config import Config
from partyqa.errors import IndexLoadError, ReadError
from partyqa.hashing import bytes_hash
from partyqa.records import Article, Chunk

Progress = Callable[[str, int, int], None]

# Bump when reading, cleaning or metadata extraction changes: articles of older builds are
# then read again instead of reused (their vectors are still reused where text is unchanged).
INGEST_VERSION = 3


class EmbedderLike(Protocol):
    """What the pipeline needs from an embedding model."""

    name: str
    dim: int
    fingerprint: str

    def encode_passages(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray: ...


@dataclass
class BuildReport:
    """What a build did.

    Attributes:
        index_path: The published build directory.
        articles: Articles in the index.
        chunks: Chunks in the index.
        added / removed / unchanged: Source files by what happened to them.
        embedded: Chunks whose vectors were computed in this build.
        reused: Chunks whose vectors were taken from the previous build.
        errors: Files that could not be read, with the reason.
        duplicates: Identical or near-duplicate articles detected.
    """

    index_path: Path
    articles: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    embedded: int = 0
    reused: int = 0
    errors: list[str] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)


def _previous(config: Config, embedder: EmbedderLike, rebuild: bool) -> IndexData | None:
    """The live index if it can be reused (same model, same format), else None."""
    if rebuild:
        return None
    try:
        return open_store(config.index_dir, config.store).load(embedder.name, embedder.fingerprint)
    except IndexLoadError:
        return None


def build_index(
    paths: Iterable[Path],
    config: Config,
    embedder: EmbedderLike,
    *,
    rebuild: bool = False,
    excluded: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Index the supported files under ``paths`` and publish the result atomically.

    Args:
        paths: Files and folders to index (folders recursively).
        config: Settings (index directory, chunk sizes, vector index threshold).
        embedder: The embedding model.
        rebuild: Ignore the previous index and embed everything again.
        excluded: Source paths the user deleted from the knowledge base; defaults to
            the previous build's list.
        progress: Called as ``progress(stage, done, total)``.

    Returns:
        A report of what changed.
    """
    progress = progress or (lambda *_: None)
    roots = [Path(p).resolve() for p in paths]
    prev = _previous(config, embedder, rebuild)
    excluded_set = set(excluded if excluded is not None else (prev.manifest.get("excluded", []) if prev else []))
    same_ingest = prev is not None and prev.manifest.get("ingest_version") == INGEST_VERSION
    prev_by_source: dict[str, list[Article]] = {}
    for old in prev.articles.values() if same_ingest else []:
        prev_by_source.setdefault(old.source, []).append(old)
    report = BuildReport(index_path=config.index_dir)

    files = [f for f in find_files(roots) if _source_name(f, roots) not in excluded_set]
    articles: dict[str, Article] = {}
    seen_sources: set[str] = set()
    for i, path in enumerate(files):
        progress("read", i, len(files))
        source = _source_name(path, roots)
        seen_sources.add(source)
        try:
            loaded = _reuse_or_load(path, source, prev_by_source)
        except ReadError as exc:
            report.errors.append(str(exc))
            continue
        old = prev_by_source.get(source)
        if old and old[0].file_hash == loaded[0].file_hash:
            report.unchanged.append(source)
        else:
            report.added.append(source)
        for article in loaded:  # an e-paper page may hold several articles
            if article.doc_id in articles:
                report.duplicates.append(
                    {"kind": "identical", "kept": articles[article.doc_id].source, "duplicate": source})
                continue
            articles[article.doc_id] = article
    progress("read", len(files), len(files))
    prev_sources = {a.source for a in prev.articles.values()} if prev else set()
    report.removed = sorted(prev_sources - seen_sources)

    by_id = {doc_id: a.text for doc_id, a in articles.items()}
    for kept, dup, sim in near_duplicate_pairs(by_id):
        report.duplicates.append(
            {"kind": "near", "kept": articles[kept].source, "duplicate": articles[dup].source, "similarity": round(sim, 3)}
        )

    chunks: list[Chunk] = []
    for article in articles.values():
        chunks.extend(chunk_article(article, config.chunk_min, config.chunk_target, config.chunk_max))

    vectors = _embed(chunks, embedder, prev, report, progress)
    progress("index", 0, 1)
    bm25 = BM25Index.build([c.search_text for c in chunks])
    ann = build_backend(vectors, config.exact_max_vectors)
    manifest = make_manifest(
        model=embedder.name,
        dim=embedder.dim,
        fingerprint=embedder.fingerprint,
        backend=getattr(embedder, "backend", "torch"),
        chunker={"min": config.chunk_min, "target": config.chunk_target, "max": config.chunk_max},
        ann=ann.describe(),
        articles=len(articles),
        chunks=len(chunks),
        roots=[str(r) for r in roots],
        excluded=sorted(excluded_set),
        duplicates=report.duplicates,
        ingest_version=INGEST_VERSION,
    )
    data = IndexData(manifest, articles, chunks, vectors, ann, bm25, example_questions(list(articles.values())))
    open_store(config.index_dir, config.store).save(data)
    report.index_path = data.path or config.index_dir
    progress("index", 1, 1)
    report.articles, report.chunks = len(articles), len(chunks)
    return report


def _source_name(path: Path, roots: list[Path]) -> str:
    """Display name of a file: its path relative to the root it was found under."""
    resolved = path.resolve()
    for root in roots:
        if root.is_dir() and resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return resolved.name


def _reuse_or_load(path: Path, source: str, prev_by_source: dict[str, list[Article]]) -> list[Article]:
    """Reuse the previous articles of a file if its bytes are unchanged, else read it."""
    old = prev_by_source.get(source)
    if old:
        try:
            if bytes_hash(path.read_bytes()) == old[0].file_hash:
                return old
        except OSError as exc:
            raise ReadError(path, f"cannot read: {exc}") from exc
    loaded = load_file(path)
    for article in loaded:
        article.source = source
    return loaded


def _embed(
    chunks: list[Chunk], embedder: EmbedderLike, prev: IndexData | None,
    report: BuildReport, progress: Progress,
) -> np.ndarray:
    """Vectors for ``chunks``, reusing the previous build's vectors of unchanged text."""
    cache: dict[str, np.ndarray] = {}
    if prev is not None:
        for row, chunk in enumerate(prev.chunks):
            cache[chunk.embed_hash] = prev.vectors[row]
    todo: dict[str, str] = {}
    for chunk in chunks:
        if chunk.embed_hash not in cache:
            todo.setdefault(chunk.embed_hash, embedding_input(chunk))
    if todo:
        total = len(todo)
        progress("embed", 0, total)
        fresh = embedder.encode_passages(list(todo.values()), progress=lambda n: progress("embed", n, total))
        cache.update(zip(todo.keys(), fresh))
        progress("embed", total, total)
    report.embedded = len(todo)
    report.reused = sum(1 for c in chunks if c.embed_hash not in todo)
    if not chunks:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([cache[c.embed_hash] for c in chunks]).astype(np.float32)
