"""Running the int8 ONNX model: sessions, tokenizer, pooling and the encoder.

At run time neither torch nor sentence-transformers is imported. One single-threaded
session; every text is its own forward pass, without padding, and passes run concurrently,
one per core, on Python threads (see :mod:`index.embed.onnx_export` for the measurements).
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from index.embed.onnx_model import (
    DISABLED_OPTIMIZERS,
    SOURCE_KEY,
    ModelLayout,
    check_runtime,
    quantized_path,
    read_json,
    read_layout,
    source_stamp,
)

log = logging.getLogger(__name__)


def default_threads() -> int:
    """The number of CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def make_session(path: Path) -> Any:
    """Open a single-threaded ONNX Runtime CPU session.

    Cores are used by running several passes at once (:class:`OnnxEncoder`), not by
    splitting each operator across threads: a pass is ~400 small operators, and with
    intra-op threads every one of them ends in a synchronization. Measured on 2 AVX2
    cores, two concurrent single-threaded passes embed 6-10 % more passages per second
    than one two-threaded pass (``bench/RESULTS-embed.md``). ``run`` is thread-safe and
    releases the GIL, so one session serves all workers (and concurrent queries).

    The fusions in :data:`DISABLED_OPTIMIZERS` are turned off because they measured slower.

    Args:
        path: The ``.onnx`` file.

    Returns:
        The ``onnxruntime.InferenceSession``.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Denormal floats (e.g. softmax weights of ~1e-40) are computed as zero; without this
    # the passes ran ~25 % slower on the AVX2 machine. ONNX Runtime sets the flags on the
    # thread that calls ``run``; they only affect numbers below 1.2e-38.
    options.add_session_config_entry("session.set_denormal_as_zero", "1")
    return ort.InferenceSession(
        str(path), options, providers=["CPUExecutionProvider"], disabled_optimizers=list(DISABLED_OPTIMIZERS),
    )


def session_stamp(session: Any) -> str | None:
    """The ``partyqa_source`` metadata of an open session, if any."""
    return session.get_modelmeta().custom_metadata_map.get(SOURCE_KEY)


def load_tokenizer(layout: ModelLayout) -> Any:
    """Load the fast tokenizer with sentence-transformers' truncation.

    Texts are never padded: each one is its own forward pass (:class:`OnnxEncoder`).

    Args:
        layout: The model layout.

    Returns:
        A ``tokenizers.Tokenizer`` that truncates to ``max_seq_length`` as
        ``SentenceTransformer.encode`` does.
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(layout.transformer_dir / "tokenizer.json"))
    config = read_json(layout.transformer_dir / "tokenizer_config.json") or {}
    max_length = min(layout.max_seq_length, int(config.get("model_max_length") or layout.max_seq_length))
    tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
    tokenizer.no_padding()
    return tokenizer


def pool(hidden: np.ndarray, mode: str) -> np.ndarray:
    """Pool the token embeddings of unpadded texts into one vector per text.

    Args:
        hidden: ``(batch, tokens, dim)`` token embeddings, no padding.
        mode: ``mean``, ``cls`` or ``max``.

    Returns:
        ``(batch, dim)`` float32.
    """
    if mode == "cls":
        pooled = hidden[:, 0]
    elif mode == "max":
        pooled = hidden.max(axis=1)
    else:
        pooled = hidden.mean(axis=1)
    return pooled.astype(np.float32)


class OnnxEncoder:
    """An int8 ONNX model with the subset of ``SentenceTransformer``'s API the embedder uses."""

    backend = "onnx"

    def __init__(self, session: Any, tokenizer: Any, layout: ModelLayout, path: Path, workers: int = 1):
        """Wrap an open session.

        Args:
            session: Single-threaded ``onnxruntime.InferenceSession`` of the quantized model.
            tokenizer: The configured ``tokenizers.Tokenizer``.
            layout: The model layout.
            path: The ``.onnx`` file (for display).
            workers: Texts embedded at once (one core each); see :func:`make_session`.
        """
        self._session = session
        self._tokenizer = tokenizer
        self._layout = layout
        self.path = path
        self.workers = max(1, int(workers))
        self.max_seq_length = layout.max_seq_length
        self.prompts = dict(layout.prompts)

    def get_sentence_embedding_dimension(self) -> int:
        """Dimension of the embeddings."""
        return self._layout.dim

    def encode(
        self,
        sentences: list[str],
        prompt: str | None = None,
        batch_size: int = 32,
        convert_to_numpy: bool = True,
        normalize_embeddings: bool = False,
        show_progress_bar: bool = False,
    ) -> np.ndarray:
        """Embed texts like ``SentenceTransformer.encode`` (numpy output only).

        Args:
            sentences: Texts to embed.
            prompt: Text prepended to each one.
            batch_size: Texts per forward pass.
            convert_to_numpy: Accepted for compatibility; output is always numpy.
            normalize_embeddings: L2-normalize the rows (the model's own Normalize module
                already does when it has one).
            show_progress_bar: Ignored.

        Returns:
            float32 array ``(len(sentences), dim)`` in input order.
        """
        texts = [f"{prompt or ''}{s}" for s in sentences]
        if self._layout.do_lower_case:
            texts = [t.lower() for t in texts]
        out = np.zeros((len(texts), self._layout.dim), dtype=np.float32)
        for start in range(0, len(texts), max(1, batch_size)):
            out[start : start + batch_size] = self._run(texts[start : start + batch_size])
        if normalize_embeddings or self._layout.normalize:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    def _run(self, texts: list[str]) -> np.ndarray:
        """Tokenize one batch, then run the model on each text alone and pool.

        Texts run concurrently on :attr:`workers` threads, each writing its own row.
        """
        encodings = self._tokenizer.encode_batch(texts)
        out = np.zeros((len(texts), self._layout.dim), dtype=np.float32)

        def run_one(row: int) -> None:
            out[row] = self._forward(np.asarray([encodings[row].ids], dtype=np.int64))[0]

        if self.workers > 1 and len(texts) > 1:
            with ThreadPoolExecutor(min(self.workers, len(texts)), thread_name_prefix="partyqa-onnx") as pool:
                list(pool.map(run_one, range(len(texts))))  # list() re-raises a worker's exception
        else:
            for row in range(len(texts)):
                run_one(row)
        return out

    def _forward(self, ids: np.ndarray) -> np.ndarray:
        """Run the model on unpadded token ids ``(1, tokens)`` and pool."""
        return pool(self._session.run(None, {"input_ids": ids})[0], self._layout.pooling)

    def __repr__(self) -> str:
        return f"OnnxEncoder(path={str(self.path)!r})"


def load_encoder(model_dir: Path, fingerprint: str, threads: int = 0) -> OnnxEncoder:
    """Load the int8 ONNX model of a sentence-transformers directory, building it if needed.

    Args:
        model_dir: Local sentence-transformers directory.
        fingerprint: The embedder fingerprint (part of the staleness stamp).
        threads: Texts embedded at once, one core each; 0 means one per available core.

    Returns:
        A warm :class:`OnnxEncoder` (one short text already run through it).

    Raises:
        OnnxBackendError: If onnxruntime is missing, the model layout is unsupported, or
            the export fails.
    """
    check_runtime()
    layout = read_layout(Path(model_dir))
    stamp = source_stamp(layout, fingerprint)
    path = quantized_path(layout.root)
    session = _open_if_current(path, stamp)
    if session is None:
        from index.embed.onnx_export import build_quantized

        path = build_quantized(layout, stamp)
        session = make_session(path)
    workers = threads if threads > 0 else default_threads()
    encoder = OnnxEncoder(session, load_tokenizer(layout), layout, path, workers)
    encoder.encode(["warm-up"])
    return encoder


def _open_if_current(path: Path, stamp: str) -> Any | None:
    """Open ``path`` if it exists and was built from the current weights, else None."""
    if not path.is_file():
        return None
    try:
        session = make_session(path)
    except (RuntimeError, OSError, ValueError) as exc:  # a corrupt or foreign file is rebuilt
        log.warning("rebuilding %s: cannot open it (%s)", path, exc)
        return None
    if session_stamp(session) != stamp:
        log.warning("rebuilding %s: built from other weights or by another version", path)
        return None
    return session
