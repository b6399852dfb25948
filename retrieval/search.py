"""Hybrid search: dense (FAISS) and keyword (BM25) candidates fused into one ranking."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import get_args

import numpy as np

from index.store.plainfiles import IndexData
from partyqa.config import FusionMethod
from partyqa.errors import InputError
from partyqa.records import Chunk, Hit
from partyqa.text.normalize import normalize
from partyqa.text.shingles import REPEATED_PASSAGE, containment, shingles
from retrieval.filters import Filters

FUSION_METHODS = get_args(FusionMethod)


@dataclass(frozen=True)
class FusionParams:
    """How dense and keyword scores are combined.

    The fused score is ``alpha * dense + (1 - alpha) * keyword``, where each component is
    standardized over the candidate set (minus its mean, divided by its standard deviation). A
    candidate one retriever did not return gets that retriever's lowest score (dense: the lowest
    cosine among its candidates; keyword: 0). Standardizing weighs a component by how its scores
    spread, not by its two extremes: the cosines of a small model crowd within a few hundredths, so
    a range taken from the best and the worst of 50 candidates moved with one outlier (measured
    on the eight labelled sets, see bench/RESULTS-fusion.md). The fused scores are then mapped
    onto [0, 1] over the candidates (best 1, worst 0).

    Attributes:
        method: ``convex`` (weighted sum of rescaled scores), ``rrf``, ``dense`` or ``bm25``.
        alpha: Weight of the dense score in ``convex``.
        rrf_k: Constant of reciprocal-rank fusion.
        candidates: Candidates taken from each retriever before fusion.
    """

    method: FusionMethod = "convex"
    alpha: float = 0.5
    rrf_k: int = 60
    candidates: int = 50

    def __post_init__(self) -> None:
        check_method(self.method)


def check_method(method: str) -> str:
    """Return ``method`` if it is a known fusion method.

    Raises:
        InputError: For any other value (never silently treated as ``convex``).
    """
    if method not in FUSION_METHODS:
        raise InputError(f"unknown retrieval method {method!r}; use one of {', '.join(FUSION_METHODS)}")
    return method


class Searcher:
    """Searches one loaded index with one embedding model."""

    def __init__(self, data: IndexData, embedder, fusion: FusionParams | None = None):
        self.data = data
        self.embedder = embedder
        self.fusion = fusion or FusionParams()
        self._shingles: dict[int, set[int]] = {}
        # Rows of each article's passages in order, for passage lookups by offset.
        self._rows: dict[str, list[int]] = {}
        for row, c in enumerate(data.chunks):
            self._rows.setdefault(c.doc_id, []).append(row)
        for rows in self._rows.values():
            rows.sort(key=lambda r: data.chunks[r].ordinal)
        self._vectors: dict[tuple[str, bool], np.ndarray] = {}

    @property
    def chunks(self) -> list[Chunk]:
        """Chunks in row order."""
        return self.data.chunks

    def search(self, query: str, top_k: int = 5, filters: Filters | None = None,
               method: str | None = None) -> list[Hit]:
        """Find the passages that best answer ``query`` (checked by the caller, see :mod:`retrieval.inputs`).

        Args:
            query: Question or keywords, in simplified or traditional script.
            top_k: Number of hits.
            filters: Parsed filters (see :class:`retrieval.filters.Filters`).
            method: Override the fusion method (``convex``, ``rrf``, ``dense``, ``bm25``).

        Returns:
            Hits, best first, with no two near-duplicate passages.

        Raises:
            InputError: If ``method`` is unknown.
        """
        text = query
        flt = filters or Filters()
        if not self.chunks:
            return []
        allowed = self._allowed_rows(flt)
        if allowed is not None and not len(allowed):
            return []
        ranked = self.rank(text, allowed, check_method(method or self.fusion.method))
        return self._dedup_hits(ranked, top_k)

    def rank(self, query: str, allowed: np.ndarray | None, method: str) -> list[tuple[int, float, float, float]]:
        """Candidates as ``(row, fused, dense, keyword)`` sorted by fused score."""
        norm = normalize(query)
        n_cand = self.fusion.candidates
        dense = self._dense(norm, allowed, n_cand) if method != "bm25" else {}
        keyword = self._keyword(norm, allowed, n_cand) if method != "dense" else {}
        rows = set(dense) | set(keyword)
        if not rows:
            return []
        fused = self._fuse(rows, dense, keyword, method)
        order = sorted(rows, key=lambda r: (-fused[r], r))
        return [(r, fused[r], dense.get(r, 0.0), keyword.get(r, 0.0)) for r in order]

    def _fuse(self, rows: set[int], dense: dict[int, float], keyword: dict[int, float], method: str) -> dict[int, float]:
        """Combine component scores into one score per row."""
        if method == "dense":
            return {r: dense.get(r, 0.0) for r in rows}
        if method == "bm25":
            return {r: keyword.get(r, 0.0) for r in rows}
        if method == "rrf":
            k = self.fusion.rrf_k
            rank_d = {r: i for i, r in enumerate(sorted(dense, key=lambda r: -dense[r]))}
            rank_k = {r: i for i, r in enumerate(sorted(keyword, key=lambda r: -keyword[r]))}
            return {
                r: (1 / (k + rank_d[r] + 1) if r in rank_d else 0.0) + (1 / (k + rank_k[r] + 1) if r in rank_k else 0.0)
                for r in rows
            }
        alpha = self.fusion.alpha
        d_scale = _standard(dense.values())
        k_scale = _standard(keyword.values())
        d_missing = min(dense.values(), default=0.0)
        fused = {r: alpha * d_scale(dense.get(r, d_missing)) + (1 - alpha) * k_scale(keyword.get(r, 0.0))
                 for r in rows}
        # Reported on [0, 1] (the best candidate 1, the worst 0), as API clients and thresholds expect.
        lo, hi = min(fused.values()), max(fused.values())
        return {r: (f - lo) / (hi - lo) if hi > lo else 1.0 for r, f in fused.items()}

    def _allowed_rows(self, flt: Filters) -> np.ndarray | None:
        """Rows passing the filters, or None when no filter is set."""
        if not flt.active:
            return None
        return np.asarray([i for i, c in enumerate(self.chunks) if flt.accepts(c)], dtype=np.int64)

    def query_vector(self, norm_query: str) -> np.ndarray:
        """Embed a normalized query (cached)."""
        return self.embed([norm_query], query=True)[0]

    def embed(self, texts: list[str], query: bool = False) -> np.ndarray:
        """Vectors of texts as queries or passages, cached per text (sentences recur across questions)."""
        todo = list(dict.fromkeys(t for t in texts if (t, query) not in self._vectors))
        if todo:
            encode = self.embedder.encode_queries if query else self.embedder.encode_passages
            for text, vec in zip(todo, np.asarray(encode(todo), dtype=np.float32)):
                if len(self._vectors) > 50_000:
                    self._vectors.clear()
                self._vectors[(text, query)] = vec
        return np.stack([self._vectors[(t, query)] for t in texts]) if texts else np.zeros((0, 0), np.float32)

    def _dense(self, norm: str, allowed: np.ndarray | None, k: int) -> dict[int, float]:
        """Top-``k`` rows by cosine similarity (exact over the allowed rows when filtered)."""
        qv = self.query_vector(norm)
        if allowed is not None:
            sims = self.data.vectors[allowed] @ qv
            top = np.argsort(-sims)[:k]
            return {int(allowed[i]): float(sims[i]) for i in top}
        scores, ids = self.data.ann.search(qv[None, :], k)
        return {int(i): float(s) for s, i in zip(scores[0], ids[0]) if i >= 0}

    def _keyword(self, norm: str, allowed: np.ndarray | None, k: int) -> dict[int, float]:
        """Top-``k`` rows by BM25 (only rows with a positive score)."""
        scores = self.data.bm25.scores(norm)
        if allowed is not None:
            mask = np.zeros_like(scores, dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores)[:k]
        return {int(i): float(scores[i]) for i in top if scores[i] > 0}

    def lead_hit(self, doc_id: str, score: float) -> Hit | None:
        """The first passage of an article (its headline and publication lines) as a hit."""
        rows = self._rows.get(doc_id)
        return make_hit(self.chunks[rows[0]], score) if rows else None

    def hit_at(self, doc_id: str, offset: int, score: float = 0.0) -> Hit | None:
        """The passage of an article that holds character ``offset`` of its text, as a hit."""
        for row in self._rows.get(doc_id, ()):
            chunk = self.chunks[row]
            if chunk.start <= offset < chunk.end:
                return make_hit(chunk, score)
        return None

    def following(self, hit: Hit) -> Hit | None:
        """The passage after ``hit`` in its article, or None."""
        rows = self._rows.get(hit.doc_id, ())
        for i, row in enumerate(rows):
            if self.chunks[row].id == hit.chunk_id and i + 1 < len(rows):
                return make_hit(self.chunks[rows[i + 1]], hit.score)
        return None

    def _shingle(self, row: int) -> set[int]:
        """Cached shingles of a chunk."""
        if row not in self._shingles:
            self._shingles[row] = shingles(self.chunks[row].search_text)
        return self._shingles[row]

    def _dedup_hits(self, ranked, top_k: int) -> list[Hit]:
        """Turn ranked rows into hits, skipping passages that nearly repeat a kept one."""
        hits: list[Hit] = []
        kept: list[int] = []
        for row, fused, dense, kw in ranked:
            sh = self._shingle(row)
            if any(containment(sh, self._shingle(k)) >= REPEATED_PASSAGE for k in kept):
                continue
            kept.append(row)
            hits.append(make_hit(self.chunks[row], fused, dense, kw))
            if len(hits) >= top_k:
                break
        return hits


def _standard(values) -> typing.Callable[[float], float]:
    """``x -> (x - mean) / std`` of ``values`` (std 1 when they do not spread)."""
    arr = np.fromiter(values, dtype=np.float64)
    if not arr.size:
        return lambda x: 0.0
    mean, std = float(arr.mean()), float(arr.std())
    std = std if std > 1e-9 else 1.0
    return lambda x: (x - mean) / std


def make_hit(chunk: Chunk, score: float, dense: float = 0.0, keyword: float = 0.0) -> Hit:
    """Build a :class:`Hit` from a chunk and its scores."""
    return Hit(
        chunk_id=chunk.id, doc_id=chunk.doc_id, title=chunk.title, publisher=chunk.publisher,
        date=chunk.date, section=chunk.section, text=chunk.text, score=round(float(score), 6),
        start=chunk.start, end=chunk.end, district=chunk.district, source=chunk.source,
        dense_score=round(float(dense), 6), keyword_score=round(float(keyword), 6), page=chunk.page,
    )
