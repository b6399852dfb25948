"""The engine: one loaded model and index, answering searches and questions.

It is deliberately thin: it checks inputs once (:mod:`retrieval.inputs`), holds an immutable
:class:`Snapshot` of the index, and hands the work to the searcher and the answerers. Adding
and deleting documents is :class:`retrieval.knowledge.KnowledgeBase`'s job; it publishes
new snapshots here.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from partyqa.config import Config
from partyqa.errors import IndexMissingError
from partyqa.records import Answer, Hit
from retrieval import conversation
from retrieval.answer.extractive import Answerer, AnswerParams
from retrieval.filters import Filters
from retrieval.followup import resolve
from retrieval.inputs import check_history, check_question, check_top_k
from retrieval.question import analyze
from retrieval.search import FusionParams, Searcher

AskMode = Literal["auto", "extractive", "generative"]


@dataclass(frozen=True)
class Snapshot:
    """An immutable view of one index: searches keep using it while a rebuild replaces it."""

    data: object  # index.store.IndexData
    searcher: Searcher
    answerer: Answerer


class Engine:
    """Search and answer over the configured index.

    Reads are lock-free on a snapshot; :class:`~retrieval.knowledge.KnowledgeBase` serializes
    changes with :attr:`write_lock` and publishes them with :meth:`publish`.
    """

    def __init__(self, config: Config, embedder, fusion: FusionParams | None = None,
                 answer_params: AnswerParams | None = None):
        self.config = config
        self.embedder = embedder
        self.fusion = fusion or FusionParams(method=config.fusion_method, alpha=config.fusion_alpha)
        self.answer_params = answer_params or AnswerParams()
        self.write_lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def open(cls, config: Config, embedder=None, build_if_missing: bool = False,
             progress: Callable[[str, int, int], None] | None = None) -> Engine:
        """Load the model and the index, building it from ``articles_dir`` and the uploads if there is none.

        Raises:
            IndexMissingError: If there is no index and ``build_if_missing`` is false.
            IndexLoadError: If the index is damaged or was built by another model.
        """
        if embedder is None:
            from index.embed import get_embedder

            embedder = get_embedder(config.model, config.models_dir, device=config.device,
                                    batch_size=config.batch_size, threads=config.threads, backend=config.backend)
        engine = cls(config, embedder)
        try:
            engine.reload()
        except IndexMissingError:
            if not build_if_missing:
                raise
            from retrieval.knowledge import KnowledgeBase

            KnowledgeBase(engine).reindex(progress=progress)  # the articles folder and any uploads
        return engine

    def reload(self) -> None:
        """(Re)load the live index from disk."""
        from index.store import open_store

        store = open_store(self.config.index_dir, self.config.store)
        self.publish(store.load(self.embedder.name, self.embedder.fingerprint))

    def publish(self, data) -> None:
        """Make ``data`` (an ``index.store.IndexData``) the index that answers from now on."""
        idf = {term: float(data.bm25.idf[col]) for term, col in data.bm25.vocab.items()}
        searcher = Searcher(data, self.embedder, self.fusion)
        answerer = Answerer(idf, self.answer_params, embed=searcher.embed, articles=data.articles,
                            hit_at=searcher.hit_at, following=searcher.following)
        self._snapshot = Snapshot(data=data, searcher=searcher, answerer=answerer)

    @property
    def snapshot(self) -> Snapshot:
        """The current snapshot.

        Raises:
            IndexMissingError: If no index is loaded.
        """
        if self._snapshot is None:
            raise IndexMissingError("the index is not loaded", user_message="索引尚未加载。")
        return self._snapshot

    @property
    def loaded(self) -> bool:
        """True once an index is loaded."""
        return self._snapshot is not None

    def info(self) -> dict:
        """Size, model and build time of the live index."""
        manifest = self.snapshot.data.manifest
        counts = manifest.get("counts", {})
        return {"articles": int(counts.get("articles", 0)), "chunks": int(counts.get("chunks", 0)),
                "model": manifest.get("model"), "index_built_at": manifest.get("built_at")}

    def article(self, doc_id: str):
        """The article with ``doc_id``, or None."""
        return self.snapshot.data.articles.get(doc_id)

    # ------------------------------------------------------------------ queries
    def search(self, query: str, top_k: int = 5, filters: dict | Filters | None = None,
               method: str | None = None) -> list[Hit]:
        """Hybrid search; see :meth:`retrieval.search.Searcher.search`.

        Raises:
            QueryError / TooLargeError: If the query or ``top_k`` is unusable.
            FilterError: If a filter is unknown or malformed.
        """
        text = check_question(query, self.config.max_question_chars, "query")
        flt = filters if isinstance(filters, Filters) else Filters.parse(filters)
        return self.snapshot.searcher.search(text, top_k=check_top_k(top_k), filters=flt, method=method)

    def ask(self, question: str, history=(), filters: dict | Filters | None = None, top_k: int = 5,
            mode: AskMode = "auto") -> Answer:
        """Answer a question with citations, resolving follow-ups against ``history``.

        Args:
            question: The question.
            history: Earlier turns, oldest first (``{"question", "answer"}``).
            filters: Search filters.
            top_k: Passages to search (at least those the answerer mines).
            mode: ``extractive`` quotes sentences; ``generative`` asks the configured chat
                endpoint; ``auto`` is generative when an endpoint is configured.

        Raises:
            QueryError / TooLargeError: If the question or history is unusable.
            FilterError: If a filter is unknown or malformed.
        """
        question = check_question(question, self.config.max_question_chars)
        turns = check_history(history)
        flt = filters if isinstance(filters, Filters) else Filters.parse(filters)
        if mode not in ("auto", "extractive", "generative"):
            raise ValueError(f"unknown answer mode {mode!r}")
        chat = conversation.classify(question)
        if chat:
            return self._chat(question, chat)
        asked = conversation.strip_greeting(question)
        resolved = resolve(asked, turns)
        snap = self.snapshot
        k = max(check_top_k(top_k), snap.answerer.params.passages)
        analysis = analyze(resolved)
        hits = snap.searcher.search(resolved, top_k=k, filters=flt)
        if hits and any(p.article_fact for p in analysis.parts):
            # "这篇报道的发布日期/来源/记者": the answer is in the article's header.
            lead = snap.searcher.lead_hit(hits[0].doc_id, hits[0].score)
            if lead is not None and lead.chunk_id not in {h.chunk_id for h in hits}:
                hits.insert(1, lead)

        def search(text: str) -> list[Hit]:
            return snap.searcher.search(text, top_k=k, filters=flt)

        extractive = snap.answerer.answer(question, resolved, hits, search=search, analysis=analysis)
        generative = mode == "generative" or (mode == "auto" and bool(self.config.llm_base_url))
        if generative and self.config.llm_base_url and extractive.found:
            from retrieval.answer.generative import generate_answer

            return generate_answer(self.config, question, resolved, hits, extractive)
        return extractive

    def _chat(self, question: str, kind: str) -> Answer:
        """A conversational reply (greeting, thanks, "what can you do"), never from the articles."""
        if self.loaded:
            articles = list(self.snapshot.data.articles.values())
            places = [p for p, _ in Counter(p for a in articles for p in a.places[:3]).most_common(8)]
            dates = sorted(a.date for a in articles if a.date)
            span = (dates[0], dates[-1]) if dates else None
        else:
            articles, places, span = [], [], None
        text = conversation.reply(kind, len(articles), places, span)
        return Answer(question=question, resolved_question=question, text=text, found=False, mode="chat",
                      confidence=1.0)
