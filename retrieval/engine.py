"""The engine: one loaded model and index shared by the CLI, the HTTP API and the chat UI."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index import store
from index.build import BuildReport, build_index
from index.normalize import normalize
from index.readers import SUPPORTED_SUFFIXES
from partyqa.config import Config
from retrieval.answer import Answerer, AnswerParams
from retrieval.filters import Filters
from retrieval.followup import resolve
from retrieval.records import Answer, Hit
from retrieval.search import FusionParams, QueryError, Searcher, check_query

_ABOUT_ARTICLE = re.compile(r"(?:发布|刊发|印发|发表)(?:日期|时间|于)?|哪天(?:发|印)|信息来源|来源|哪家(?:报|媒体)|记者|作者|通讯员|第几期|哪一期")
_SAFE_NAME = re.compile(r"^[^/\\\x00]{1,200}$")


class DocumentError(ValueError):
    """A knowledge-base change was refused (bad file name, type, size or unknown id)."""


@dataclass
class _State:
    """An immutable snapshot: searches keep using it while a rebuild replaces it."""

    data: store.IndexData
    searcher: Searcher
    answerer: Answerer


class Engine:
    """Search and answer over the configured index, and manage its documents.

    Reads are lock-free on a snapshot; index changes are serialized by a lock and
    published by swapping the snapshot.
    """

    def __init__(self, config: Config, embedder, fusion: FusionParams | None = None,
                 answer_params: AnswerParams | None = None):
        self.config = config
        self.embedder = embedder
        self.fusion = fusion or FusionParams()
        self.answer_params = answer_params or AnswerParams()
        self._lock = threading.Lock()
        self._state: _State | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def open(cls, config: Config, embedder=None, build_if_missing: bool = False,
             progress: Callable[[str, int, int], None] | None = None) -> Engine:
        """Load the model and the index, building the index from ``articles_dir`` if asked.

        Raises:
            store.IndexMissingError: If there is no index and ``build_if_missing`` is false.
            store.IndexMismatchError: If the index was built by another model.
        """
        if embedder is None:
            from index.embedder import get_embedder

            embedder = get_embedder(config.model, config.models_dir, device=config.device,
                                    batch_size=config.batch_size, threads=config.threads, backend=config.backend)
        engine = cls(config, embedder)
        try:
            engine.reload()
        except store.IndexMissingError:
            if not build_if_missing:
                raise
            engine.reindex([config.articles_dir], progress=progress)
        return engine

    def reload(self) -> None:
        """(Re)load the live index from disk."""
        data = store.load(self.config.index_dir, self.embedder.name, self.embedder.fingerprint)
        self._publish(data)

    def _publish(self, data: store.IndexData) -> None:
        idf = {term: float(data.bm25.idf[col]) for term, col in data.bm25.vocab.items()}
        self._state = _State(
            data=data,
            searcher=Searcher(data, self.embedder, self.fusion, self.config.max_question_chars),
            answerer=Answerer(idf, self.answer_params),
        )

    @property
    def state(self) -> _State:
        """The current snapshot."""
        if self._state is None:
            raise store.IndexMissingError("the index is not loaded")
        return self._state

    # ------------------------------------------------------------------ queries
    def search(self, query: str, top_k: int = 5, filters: dict | None = None, method: str | None = None) -> list[Hit]:
        """Hybrid search; see :meth:`retrieval.search.Searcher.search`."""
        return self.state.searcher.search(query, top_k=top_k, filters=filters, method=method)

    def ask(self, question: str, history=(), filters: dict | None = None, top_k: int = 5) -> Answer:
        """Answer a question with citations, resolving follow-ups against ``history``.

        Raises:
            QueryError: If the question is empty or too long.
            FilterError: If a filter is unknown or malformed.
        """
        question = check_query(question, self.config.max_question_chars)
        flt = Filters.parse(filters)
        resolved = resolve(question, _check_history(history))
        state = self.state
        hits = state.searcher.search(resolved, top_k=max(top_k, state.answerer.params.passages), filters=flt)
        if hits and _ABOUT_ARTICLE.search(normalize(resolved)):
            # "这篇报道的发布日期/来源/记者/第几期": the answer is in the article's header.
            lead = state.searcher.lead_hit(hits[0].doc_id, hits[0].score)
            if lead is not None and lead.chunk_id not in {h.chunk_id for h in hits}:
                hits.insert(0, lead)
        extractive = state.answerer.answer(question, resolved, hits)
        if self.config.llm_base_url and extractive.found:
            from retrieval.generate import generate_answer

            return generate_answer(self.config, question, resolved, hits, extractive)
        return extractive

    # ------------------------------------------------------------------ documents
    def documents(self) -> list[dict]:
        """Articles in the index with metadata and chunk counts, ordered by source name."""
        data = self.state.data
        counts: dict[str, int] = {}
        for chunk in data.chunks:
            counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
        docs = [
            {"doc_id": a.doc_id, "source": a.source, "title": a.title, "date": a.date,
             "publisher": a.publisher, "places": a.places[:5], "chunks": counts.get(a.doc_id, 0),
             "characters": len(a.text), "encoding": a.encoding,
             "sections": [s.heading for s in a.sections]}
            for a in data.articles.values()
        ]
        return sorted(docs, key=lambda d: d["source"])

    def article(self, doc_id: str):
        """The article with ``doc_id``, or None."""
        return self.state.data.articles.get(doc_id)

    @property
    def uploads_dir(self) -> Path:
        """Folder where uploaded files are kept."""
        return self.config.data_dir / "uploads"

    def roots(self) -> list[Path]:
        """Folders indexed: those of the live index, else the bundled articles."""
        roots = []
        if self._state is not None:
            roots = [Path(r) for r in self._state.data.manifest.get("roots", [])]
        return roots or [self.config.articles_dir]

    def reindex(self, paths: list[Path] | None = None, rebuild: bool = False, excluded=None,
                progress: Callable[[str, int, int], None] | None = None) -> BuildReport:
        """Bring the index up to date with ``paths`` (default: the current roots) and reload it."""
        with self._lock:
            report = build_index(paths or self.roots(), self.config, self.embedder, rebuild=rebuild,
                                 excluded=excluded, progress=progress)
            self.reload()
            return report

    def add_files(self, files: list[tuple[str, bytes]],
                  progress: Callable[[str, int, int], None] | None = None) -> BuildReport:
        """Save uploaded files into the uploads folder and index them incrementally.

        Each file is validated (name, type, size) before anything is written; if the
        index update fails, the files written by this call are removed again.

        Raises:
            DocumentError: If a file name, type or size is not acceptable.
        """
        checked = [(_safe_name(name), content) for name, content in files]
        for name, content in checked:
            if len(content) > self.config.max_upload_bytes:
                raise DocumentError(f"{name} is too large ({len(content)} bytes; limit {self.config.max_upload_bytes})")
            if not content.strip():
                raise DocumentError(f"{name} is empty")
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        written = []
        try:
            for name, content in checked:
                target = self.uploads_dir / name
                tmp = target.with_name(f".{name}.part")
                tmp.write_bytes(content)
                tmp.replace(target)
                written.append(target)
            roots = self.roots()
            if self.uploads_dir.resolve() not in [r.resolve() for r in roots]:
                roots = roots + [self.uploads_dir]
            report = self.reindex(roots, progress=progress)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return report

    def delete_document(self, doc_id: str, progress=None) -> BuildReport:
        """Remove an article from the knowledge base.

        Uploaded files are deleted; files of other folders are excluded from later builds.

        Raises:
            DocumentError: If no article has ``doc_id``.
        """
        article = self.article(doc_id)
        if article is None:
            raise DocumentError(f"no document with id {doc_id!r}")
        excluded = set(self.state.data.manifest.get("excluded", []))
        upload = self.uploads_dir / article.source
        if upload.is_file() and upload.resolve().parent == self.uploads_dir.resolve():
            upload.unlink()
        else:
            excluded.add(article.source)
        return self.reindex(self.roots(), excluded=sorted(excluded), progress=progress)


def _safe_name(name: str) -> str:
    """Validate an uploaded file name: no directories, no tricks, a supported type."""
    if not isinstance(name, str) or not _SAFE_NAME.match(name) or name in (".", "..") or name.startswith("."):
        raise DocumentError(f"unacceptable file name {name!r}")
    if Path(name).name != name:
        raise DocumentError(f"unacceptable file name {name!r}")
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"unsupported file type {Path(name).suffix or '(none)'}; allowed: {', '.join(SUPPORTED_SUFFIXES)}")
    return name


def _check_history(history) -> list[dict]:
    """Validate a conversation history: a list of ``{"question", "answer"}`` objects."""
    out = []
    for turn in history or ():
        if isinstance(turn, dict):
            q, a = turn.get("question", ""), turn.get("answer", "")
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            q, a = turn
        else:
            raise QueryError("history must be a list of {question, answer} objects")
        if not isinstance(q, str) or not isinstance(a, str):
            raise QueryError("history questions and answers must be text")
        out.append({"question": q[:2000], "answer": a[:4000]})
    return out[-5:]
