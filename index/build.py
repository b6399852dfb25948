"""The indexing pipeline: files → articles → chunks → vectors → persisted index.

Incremental: unchanged files (same source key and byte hash) are not re-read, and a chunk
whose embedding input is unchanged reuses its stored vector, so only new text is
embedded; vectors embedded by an interrupted build are reused too (``index/store/pending``).
``rebuild=True`` starts from nothing but keeps the recorded folders and exclusions.

Folders are recorded by role (:mod:`index.sources`): uploads are always indexed, and a
damaged index is refused with the command that rebuilds it, never silently replaced.

Longer than most modules (about 320 lines): the build's steps (read, reuse, embed, publish)
share one state object and one failure path, which reads best in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from index.ingest.chunk import chunk_article, embedding_input
from index.ingest.dedup import near_duplicate_pairs
from index.ingest.examples import example_questions
from index.ingest.load import load_file
from index.sources import Roots
from index.store import IndexData, open_store
from index.store.base import make_manifest
from index.store.bm25 import BM25Index
from index.store.pending import PendingVectors
from index.store.vectors import build_backend
from partyqa.config import Config
from partyqa.errors import IndexMismatchError, IndexMissingError, ReadError
from partyqa.hashing import bytes_hash
from partyqa.records import Article, Chunk

Progress = Callable[[str, int, int], None]

# Bump when reading, cleaning or metadata extraction changes: articles of older builds are
# then read again instead of reused (their vectors are still reused where text is unchanged).
INGEST_VERSION = 56
#: Passages embedded between two saves of pending vectors.
EMBED_BLOCK = 256


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
        added / removed / unchanged: Source keys by what happened to them.
        embedded: Chunks whose vectors were computed in this build.
        reused: Chunks whose vectors were taken from the previous or an interrupted build.
        errors: Files that could not be read (or share a key), with the reason.
        duplicates: Identical or near-duplicate articles detected.
        data: The published index, in memory (publish it instead of loading it again).
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
    data: IndexData | None = field(default=None, repr=False)


def previous_index(config: Config, embedder: EmbedderLike, rebuild: bool = False) -> tuple[IndexData | None, dict | None]:
    """The live index if its vectors can be reused, and the manifest that records its folders.

    Returns:
        ``(data, manifest)``: both None when there is no index; ``data`` None with the
        recorded manifest for ``rebuild`` or an index of another model or format.

    Raises:
        IndexCorruptError: If the live index is damaged and ``rebuild`` is false.
    """
    store = open_store(config.index_dir, config.store)
    if rebuild:
        return None, store.salvage_manifest()
    try:
        data = store.load(embedder.name, embedder.fingerprint)
    except IndexMissingError:
        return None, None
    except IndexMismatchError:
        return None, store.salvage_manifest()
    return data, data.manifest


def build_index(
    paths: Iterable[Path] | Roots | None,
    config: Config,
    embedder: EmbedderLike,
    *,
    rebuild: bool = False,
    excluded: Iterable[str] | None = None,
    progress: Progress | None = None,
    previous: IndexData | None = None,
    fresh: Mapping[str, list[Article]] | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> BuildReport:
    """Index the supported files of the given folders and publish the result atomically.

    Args:
        paths: Folders (and files) to index, or their :class:`~index.sources.Roots`; None
            means the folders the index records (the articles folder on a first build).
            The uploads folder is always indexed.
        config: Settings (folders, chunk sizes, vector index threshold).
        embedder: The embedding model.
        rebuild: Ignore the previous index's articles and vectors and embed everything again.
        excluded: Source keys the user deleted from the knowledge base; defaults to the
            recorded list.
        progress: Called as ``progress(stage, done, total)``.
        previous: The live index already in memory (skips loading it from disk).
        fresh: Articles already read by the caller, by source key (a file may hold several;
            used while the file's bytes still have the same hash).
        vectors: Vectors already embedded by the caller, by embedding-input hash.

    Returns:
        A report of what changed, with the published index in ``data``.

    Raises:
        IndexCorruptError: If the live index is damaged (run with ``rebuild=True``).
    """
    progress = progress or (lambda *_: None)
    if previous is not None and not rebuild:
        prev, recorded = previous, previous.manifest
    else:
        prev, recorded = previous_index(config, embedder, rebuild)
    recorded_roots = Roots.from_manifest(recorded, config)
    if isinstance(paths, Roots):
        roots = paths
    elif paths is None:
        roots = recorded_roots or Roots()
    else:
        roots = Roots.from_paths(paths, config, recorded_roots)
    recorded_excluded = (recorded or {}).get("excluded", [])
    excluded_set = set(excluded if excluded is not None else recorded_excluded if isinstance(recorded_excluded, list) else [])
    same_ingest = prev is not None and prev.manifest.get("ingest_version") == INGEST_VERSION
    known: dict[str, list[Article]] = {}
    for old in prev.articles.values() if same_ingest else []:
        known.setdefault(old.source, []).append(old)
    report = BuildReport(index_path=config.index_dir)

    listed, report.errors = roots.files(config)
    files = [(key, path) for key, path in listed if key not in excluded_set]
    articles: dict[str, Article] = {}
    seen_sources: set[str] = set()
    for i, (source, path) in enumerate(files):
        progress("read", i, len(files))
        seen_sources.add(source)
        try:
            loaded = _reuse_or_load(path, source, known, fresh or {})
        except ReadError as exc:
            report.errors.append(f"{source}: {exc.reason}")
            continue
        old = known.get(source)
        (report.unchanged if old and old[0].file_hash == loaded[0].file_hash else report.added).append(source)
        for article in loaded:  # a file may hold several articles
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

    pending = PendingVectors(config.index_dir, embedder.name, embedder.fingerprint, embedder.dim)
    matrix = _embed(chunks, embedder, prev, report, progress, pending, vectors or {})
    progress("index", 0, 1)
    bm25 = BM25Index.build([c.search_text for c in chunks])
    ann = build_backend(matrix, config.exact_max_vectors)
    manifest = make_manifest(
        model=embedder.name,
        dim=embedder.dim,
        fingerprint=embedder.fingerprint,
        backend=getattr(embedder, "backend", "torch"),
        chunker={"min": config.chunk_min, "target": config.chunk_target, "max": config.chunk_max},
        ann=ann.describe(),
        articles=len(articles),
        chunks=len(chunks),
        roots=roots.to_manifest(config),
        excluded=sorted(excluded_set),
        duplicates=report.duplicates,
        ingest_version=INGEST_VERSION,
    )
    data = IndexData(manifest, articles, chunks, matrix, ann, bm25, example_questions(list(articles.values())))
    open_store(config.index_dir, config.store).save(data)
    pending.clear()
    report.index_path = data.path or config.index_dir
    report.data = data
    progress("index", 1, 1)
    report.articles, report.chunks = len(articles), len(chunks)
    return report


def read_articles(path: Path, source: str) -> list[Article]:
    """Read, clean and describe one file: its articles, with source key ``source``.

    Raises:
        ReadError: If it cannot be read, decoded or leaves no text.
    """
    articles = load_file(path)
    for article in articles:  # an e-paper page may hold several articles
        article.source = source
    return articles


def chunk_and_embed(articles: Iterable[Article], config: Config, embedder: EmbedderLike,
                    known: IndexData | None = None, progress: Progress | None = None) -> dict[str, np.ndarray]:
    """Embed the passages of ``articles`` that ``known`` has no vector for (used before a build).

    Returns:
        Vectors by embedding-input hash, to pass to :func:`build_index` as ``vectors``.
    """
    cache = {c.embed_hash for c in known.chunks} if known is not None else set()
    todo: dict[str, str] = {}
    for article in articles:
        for chunk in chunk_article(article, config.chunk_min, config.chunk_target, config.chunk_max):
            if chunk.embed_hash not in cache:
                todo.setdefault(chunk.embed_hash, embedding_input(chunk))
    pending = PendingVectors(config.index_dir, embedder.name, embedder.fingerprint, embedder.dim)
    kept = {key: vec for key, vec in pending.load().items() if key in todo} if todo else {}
    todo = {key: text for key, text in todo.items() if key not in kept}
    return {**kept, **_embed_texts(todo, embedder, progress or (lambda *_: None), pending)}


def _reuse_or_load(path: Path, source: str, known: Mapping[str, list[Article]],
                   fresh: Mapping[str, list[Article]]) -> list[Article]:
    """The articles of ``path``: those already read if the file's bytes are unchanged, else read now."""
    candidates = [a for a in (fresh.get(source), known.get(source)) if a]
    if candidates:
        try:
            digest = bytes_hash(path.read_bytes())
        except OSError as exc:
            raise ReadError(None, f"cannot read: {exc.strerror or type(exc).__name__}") from exc
        for articles in candidates:
            if articles[0].file_hash == digest:
                return articles
    try:
        return read_articles(path, source)
    except ReadError as exc:
        raise ReadError(None, exc.reason) from None


def _embed(
    chunks: list[Chunk], embedder: EmbedderLike, prev: IndexData | None, report: BuildReport,
    progress: Progress, pending: PendingVectors, given: Mapping[str, np.ndarray],
) -> np.ndarray:
    """Vectors for ``chunks``, reusing the previous build's, the caller's and pending ones."""
    cache: dict[str, np.ndarray] = dict(given)
    old_keys = {c.embed_hash for c in prev.chunks} if prev is not None else set()
    if prev is not None:
        for row, chunk in enumerate(prev.chunks):
            cache.setdefault(chunk.embed_hash, prev.vectors[row])
    todo: dict[str, str] = {}
    for chunk in chunks:
        if chunk.embed_hash not in cache:
            todo.setdefault(chunk.embed_hash, embedding_input(chunk))
    if todo:
        for key, vec in pending.load().items():
            if key in todo:
                cache[key] = vec
                del todo[key]
    cache.update(_embed_texts(todo, embedder, progress, pending))
    new = set(todo) | {c.embed_hash for c in chunks if c.embed_hash in given and c.embed_hash not in old_keys}
    report.embedded = len(new)
    report.reused = sum(1 for c in chunks if c.embed_hash not in new)
    if not chunks:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([cache[c.embed_hash] for c in chunks]).astype(np.float32)


def _embed_texts(todo: Mapping[str, str], embedder: EmbedderLike, progress: Progress,
                 pending: PendingVectors) -> dict[str, np.ndarray]:
    """Embed ``todo`` (hash → input) block by block, keeping each block as pending vectors."""
    out: dict[str, np.ndarray] = {}
    if not todo:
        return out
    keys, texts, total = list(todo), list(todo.values()), len(todo)
    progress("embed", 0, total)
    for start in range(0, total, EMBED_BLOCK):
        block_keys, block = keys[start:start + EMBED_BLOCK], texts[start:start + EMBED_BLOCK]
        fresh = embedder.encode_passages(block, progress=lambda n, s=start: progress("embed", s + n, total))
        pending.add(block_keys, fresh)
        out.update(zip(block_keys, np.asarray(fresh, dtype=np.float32)))
        progress("embed", min(start + EMBED_BLOCK, total), total)
    return out
