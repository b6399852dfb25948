"""Where the time of one ``Engine.ask`` goes: search (question embedding, FAISS, BM25) vs answering.

:class:`Probe` wraps, for as long as it is installed, four methods of
:class:`retrieval.search.Searcher` *on the class* (so the bound ``searcher.embed`` the
answerer keeps from :meth:`retrieval.engine.Engine.publish` is wrapped too, provided the
probe is installed before the index is loaded) and the embedder's two encode methods:

* ``Searcher.search``: every search, outermost calls only (the answerer searches again
  for the later parts of a two-part question);
* ``Searcher.embed``: inside a search it is the question's embedding; outside it is the
  answerer embedding candidate sentences and the question parts;
* ``Searcher._dense`` (question embedding + FAISS) and ``Searcher._keyword`` (BM25);
* ``embedder.encode_queries`` / ``encode_passages``: the model itself (cache misses only),
  with the number of texts it embedded.

Nothing in ``retrieval/`` is changed; the probe only measures.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from contextlib import contextmanager

#: The phases of one ask, as reported (milliseconds).
PHASES = ("ask", "search", "query_embed", "faiss", "bm25", "search_other", "answer", "sentence_embed",
          "answer_other")


class Probe:
    """Accumulates seconds per measured method; :meth:`take` turns them into one ask's phases."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self._search_depth = 0

    def reset(self) -> None:
        """Forget what was measured so far (call before each ask)."""
        self.seconds.clear()
        self.counts.clear()

    def take(self, ask_seconds: float) -> dict[str, float]:
        """The phases of the ask just finished, in milliseconds, plus ``passages_embedded``."""
        s = self.seconds
        search, dense, bm25 = s["search"], s["dense"], s["bm25"]
        answer = max(ask_seconds - search, 0.0)
        out = {"ask": ask_seconds, "search": search, "query_embed": s["embed_in_search"],
               "faiss": max(dense - s["embed_in_search"], 0.0), "bm25": bm25,
               "search_other": max(search - dense - bm25, 0.0), "answer": answer,
               "sentence_embed": s["embed_outside_search"],
               "answer_other": max(answer - s["embed_outside_search"], 0.0)}
        out = {k: round(v * 1000.0, 3) for k, v in out.items()}
        out["passages_embedded"] = self.counts["model_passage_texts"]
        out["queries_embedded"] = self.counts["model_query_texts"]
        out["model_ms"] = round((s["model_query"] + s["model_passage"]) * 1000.0, 3)
        return out

    # ------------------------------------------------------------------ wrappers
    def _wrap_search(self, fn):
        @functools.wraps(fn)
        def search(*args, **kwargs):
            if self._search_depth:
                return fn(*args, **kwargs)
            self._search_depth += 1
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds["search"] += time.perf_counter() - t0
                self._search_depth -= 1
        return search

    def _wrap_embed(self, fn):
        @functools.wraps(fn)
        def embed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                key = "embed_in_search" if self._search_depth else "embed_outside_search"
                self.seconds[key] += time.perf_counter() - t0
        return embed

    def _wrap_simple(self, fn, key: str, count_key: str | None = None):
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[key] += time.perf_counter() - t0
                if count_key:
                    self.counts[count_key] += len(kwargs.get("texts", args[0] if args else ()))
        return timed

    @contextmanager
    def installed(self, embedder):
        """Wrap the searcher's methods and ``embedder``'s encode methods; undo on exit."""
        from retrieval.search import Searcher

        originals = {name: Searcher.__dict__[name] for name in ("search", "embed", "_dense", "_keyword")}
        Searcher.search = self._wrap_search(originals["search"])
        Searcher.embed = self._wrap_embed(originals["embed"])
        Searcher._dense = self._wrap_simple(originals["_dense"], "dense")
        Searcher._keyword = self._wrap_simple(originals["_keyword"], "bm25")
        own = {name: embedder.__dict__[name] for name in ("encode_queries", "encode_passages") if name in vars(embedder)}
        encoders = {name: getattr(embedder, name) for name in ("encode_queries", "encode_passages")}
        embedder.encode_queries = self._wrap_simple(encoders["encode_queries"], "model_query", "model_query_texts")
        embedder.encode_passages = self._wrap_simple(encoders["encode_passages"], "model_passage",
                                                     "model_passage_texts")
        try:
            yield self
        finally:
            for name, fn in originals.items():
                setattr(Searcher, name, fn)
            for name in encoders:
                if name in own:
                    setattr(embedder, name, own[name])
                else:
                    delattr(embedder, name)  # back to the class's method
