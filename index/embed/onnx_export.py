"""int8 ONNX Runtime backend for sentence-transformers models.

The model's transformer is exported to ONNX and dynamically quantized to int8 once, then
run by ONNX Runtime on the CPU; tokenization (``tokenizers``), pooling and normalization
are done here in numpy. At run time neither torch nor sentence-transformers is imported.

**Why not sentence-transformers' own ONNX path.** ``SentenceTransformer(...,
backend="onnx")`` and ``export_dynamic_quantized_onnx_model`` are built on Optimum's
``ORTModelForFeatureExtraction`` and ``ORTQuantizer``, which now live in the
``optimum-onnx`` package (the ``sentence-transformers[onnx]`` extra). Its only release,
0.1.0, requires ``transformers<4.58`` and ``optimum~=2.1``, while the installed
sentence-transformers 6.x requires ``transformers>=5``, so the extra cannot be installed
next to it. This module reproduces that path with the libraries underneath it:

* export: ``torch.onnx.export`` (TorchScript exporter) of the model's ``AutoModel``,
  output ``last_hidden_state``, dynamic batch and sequence axes - what Optimum's
  ``feature-extraction`` export produces, except that the only input is ``input_ids``:
  texts are never padded here (see "running" below), so there is no attention mask;
* quantization: ``onnxruntime.quantization.quantize_dynamic`` with the settings Optimum's
  ``AutoQuantizationConfig`` presets share (QOperator format, IntegerOps mode, every
  integer-op type, uint8 asymmetric activations, symmetric per-channel weights) and the
  weight type of its ``avx512``/``avx512_vnni``/``arm64`` presets, int8, with
  ``reduce_range=True``: ONNX Runtime's advice for uint8 x int8 products on AVX2 without
  VNNI, whose ``vpmaddubsw`` can saturate at full range. Measured on this project's
  2-core AVX2 machine with multilingual-e5-small, this runs ~20 % faster than the
  ``avx2`` preset (uint8 weights) at the same cosine to float32 (>= 0.994);
* outlier channels: before quantizing, each FFN down-projection ``y = x @ W`` (a MatMul
  whose constant weight has more rows than columns) is rewritten as
  ``(x * mask) @ W + x[..., idx] @ W[idx]``, where ``idx`` are the
  :data:`OUTLIER_CHANNELS` input channels with the largest activations on a few
  calibration texts; the small second product stays float32. Transformer FFN activations
  carry a handful of channels ~10x larger than the rest (33, 14, 12, ..., 65 against <= 5
  in multilingual-e5-small), and one per-tensor dynamic scale over such a tensor wastes
  most of the 8 bits. Measured on the bundled eval set, plain int8 loses 1-3 questions of
  hybrid hit@1 (fp32 0.926 -> 0.904-0.919, depending on batch size); with the split it
  scores 0.919-0.934, for ~8 % of the speed (keeping the whole down-projections float32
  instead costs ~23 %). See ``bench/RESULTS-embed.md``;
* activation: an exact (erf) GELU is exported as its tanh approximation (``gelu_new``,
  the form of the original BERT code), which ONNX Runtime runs as one ``FastGelu``
  kernel; the two differ by < 1e-3 and the embeddings' cosine to float32 is unchanged;
* running: one single-threaded session; every text is its own forward pass, without
  padding, and passes run concurrently, one per core, on Python threads (``run`` releases
  the GIL). A text's vector therefore does not depend on the texts batched with it
  (dynamic quantization scales are computed per pass), and one text per pass measured as
  fast as 2-3 per pass and 10-20 % faster than 6-13. Denormal floats are flushed to zero
  and ONNX Runtime's ``SkipLayerNormalization`` fusion is turned off; both were measured,
  see :func:`make_session`;
* file: ``<model dir>/onnx/model_qint8_avx2.onnx``, named like sentence-transformers'
  exports (``model_{weights dtype}_{target}.onnx``).

The quantized file is built in a temporary folder beside its destination and renamed into
place, so a crash never leaves a half-written model. It carries a ``partyqa_source``
metadata entry describing the weights it was made from; a stale file is rebuilt.

Longer than most modules (about 320 lines): export, graph clean-up and quantisation are one
build step whose parts only make sense together; the runtime lives in its own module.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from index.embed.onnx_model import (
    CALIBRATION_TEXTS,
    OPSET,
    OUTLIER_CHANNELS,
    QUANT_FILENAME,
    SOURCE_KEY,
    TANH_GELU,
    ModelLayout,
    OnnxBackendError,
    quantized_path,
    read_json,
)
from index.embed.onnx_runtime import load_tokenizer

log = logging.getLogger(__name__)


def export_fp32(transformer_dir: Path, dest: Path) -> None:
    """Export a Hugging Face encoder to an fp32 ONNX file (imports torch lazily).

    The graph has no attention-mask input: texts are always run alone and unpadded
    (:class:`OnnxEncoder`), so masking would only add zeros to every attention score.

    Args:
        transformer_dir: Directory with ``config.json`` and the weights.
        dest: The ``.onnx`` file to write.
    """
    import torch
    from transformers import AutoModel

    config = read_json(transformer_dir / "config.json") or {}
    overrides = {}
    if config.get("hidden_act") in TANH_GELU:
        overrides["hidden_act"] = TANH_GELU[config["hidden_act"]]
    model = AutoModel.from_pretrained(str(transformer_dir), attn_implementation="eager", **overrides).eval()

    class _Hidden(torch.nn.Module):
        """Returns only the last hidden state, as Optimum's feature-extraction export does."""

        def __init__(self, inner: torch.nn.Module):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=input_ids).last_hidden_state

    ids = torch.tensor([[0, 10, 11, 12, 2]], dtype=torch.long)
    axes = {0: "batch_size", 1: "sequence_length"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Hidden(model), (ids,), str(dest),
            input_names=["input_ids"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "last_hidden_state": axes},
            opset_version=OPSET, do_constant_folding=True, dynamo=False,
        )


def down_projections(model: Any) -> list[Any]:
    """The MatMul nodes of an ONNX model whose constant weight has more rows than columns.

    In a BERT-style encoder these are the FFN down-projections (e.g. 1536 -> 384).
    """
    weights = {t.name: tuple(t.dims) for t in model.graph.initializer}
    found = []
    for node in model.graph.node:
        dims = weights.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if dims is not None and len(dims) == 2 and dims[0] > dims[1]:
            found.append(node)
    return found


def calibrate(model: Any, tensors: list[str], layout: ModelLayout, workdir: Path) -> dict[str, np.ndarray]:
    """Largest absolute activation per channel of some tensors, over :data:`CALIBRATION_TEXTS`.

    Args:
        model: The fp32 ``onnx.ModelProto`` (left unchanged).
        tensors: Names of the tensors to observe.
        layout: The model layout (for the tokenizer).
        workdir: Folder for a temporary copy of the model with the tensors as outputs.

    Returns:
        ``{tensor name: (channels,) float32}``.
    """
    import onnx
    import onnxruntime as ort

    probe_path = workdir / "probe.onnx"
    extra = [onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None) for name in tensors]
    model.graph.output.extend(extra)
    try:
        onnx.save(model, str(probe_path))
    finally:
        for _ in extra:
            model.graph.output.pop()
    session = ort.InferenceSession(str(probe_path), providers=["CPUExecutionProvider"])
    tokenizer = load_tokenizer(layout)
    peaks: dict[str, np.ndarray] = {}
    for text in CALIBRATION_TEXTS:  # one at a time and unpadded, as the encoder runs them
        ids = np.asarray([tokenizer.encode(text).ids], dtype=np.int64)
        for name, value in zip(tensors, session.run(tensors, {"input_ids": ids})):
            peak = np.abs(value[0]).max(axis=0)
            peaks[name] = np.maximum(peaks[name], peak) if name in peaks else peak
    del session
    probe_path.unlink()
    return peaks


def split_outlier_channels(model: Any, peaks: dict[str, np.ndarray], count: int = OUTLIER_CHANNELS) -> list[str]:
    """Move the largest input channels of each FFN down-projection to a float32 side product.

    ``y = x @ W`` becomes ``y = (x * mask) @ W + Gather(x, idx) @ W[idx]``; the first
    product is quantized, the second (``count`` channels) is not.

    Args:
        model: The fp32 ``onnx.ModelProto``, rewritten in place.
        peaks: Largest absolute activation per channel of each down-projection's input
            (see :func:`calibrate`); projections without an entry are left alone.
        count: Channels per projection to keep in float32.

    Returns:
        Names of the float32 side products, to exclude from quantization.
    """
    from onnx import helper, numpy_helper

    nodes = [n for n in down_projections(model) if n.input[0] in peaks]
    if count <= 0:
        return []
    weights = {t.name: t for t in model.graph.initializer}
    excluded = []
    for i, node in enumerate(nodes):
        w = numpy_helper.to_array(weights[node.input[1]])
        k = min(count, w.shape[0] // 8)
        if k == 0:
            continue
        idx = np.sort(np.argsort(peaks[node.input[0]])[::-1][:k]).astype(np.int64)
        keep = np.ones(w.shape[0], dtype=w.dtype)
        keep[idx] = 0
        base = f"{node.name or f'down_projection_{i}'}/outliers"
        model.graph.initializer.extend([
            numpy_helper.from_array(keep, f"{base}/keep"),
            numpy_helper.from_array(idx, f"{base}/index"),
            numpy_helper.from_array(np.ascontiguousarray(w[idx]), f"{base}/weight"),
        ])
        x, y = node.input[0], node.output[0]
        node.input[0], node.output[0] = f"{base}/x_main", f"{base}/y_main"
        before = [helper.make_node("Mul", [x, f"{base}/keep"], [f"{base}/x_main"], name=f"{base}/mask"),
                  helper.make_node("Gather", [x, f"{base}/index"], [f"{base}/x_out"], name=f"{base}/gather", axis=-1)]
        after = [helper.make_node("MatMul", [f"{base}/x_out", f"{base}/weight"], [f"{base}/y_out"], name=f"{base}/fp32"),
                 helper.make_node("Add", [f"{base}/y_main", f"{base}/y_out"], [y], name=f"{base}/sum")]
        _insert_around(model.graph.node, node, before, after)
        excluded.append(f"{base}/fp32")
    return excluded


def _insert_around(nodes: Any, node: Any, before: list[Any], after: list[Any]) -> None:
    """Insert ``before`` just before ``node`` and ``after`` just after it (keeps topological order)."""
    position = next(i for i, n in enumerate(nodes) if n == node)
    for offset, new in enumerate(after):
        nodes.insert(position + 1 + offset, new)
    for offset, new in enumerate(before):
        nodes.insert(position + offset, new)


class _DropRecordsFrom(logging.Filter):
    """Drops log records emitted from files under a package directory."""

    def __init__(self, package: str):
        super().__init__()
        self._part = f"{os.sep}{package}{os.sep}"

    def filter(self, record: logging.LogRecord) -> bool:
        return self._part not in record.pathname


def quantize_int8(src: Path, dest: Path, stamp: str, exclude: list[str] | None = None) -> None:
    """Dynamically quantize an fp32 ONNX file to int8 (uint8 activations, int8 weights).

    Args:
        src: The fp32 model.
        dest: The int8 model to write.
        stamp: Stored in the model's metadata under ``partyqa_source``.
        exclude: Names of nodes to leave in float32.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quiet = _DropRecordsFrom("onnxruntime")
    logging.getLogger().addFilter(quiet)  # the quantizer logs per-tensor notes on the root logger
    try:
        quantize_dynamic(
            str(src), str(dest),
            per_channel=True, reduce_range=True, weight_type=QuantType.QInt8, nodes_to_exclude=exclude or [],
            extra_options={"WeightSymmetric": True, "ActivationSymmetric": False,
                           "EnableSubgraph": False, "ForceSymmetric": False},
        )
    finally:
        logging.getLogger().removeFilter(quiet)
    model = onnx.load(str(dest))
    entry = model.metadata_props.add()
    entry.key, entry.value = SOURCE_KEY, stamp
    onnx.save(model, str(dest))


def _prepare_for_quantization(path: Path, layout: ModelLayout, workdir: Path) -> list[str]:
    """Split the outlier channels of ``path`` in place; return the nodes to keep float32."""
    import onnx

    model = onnx.load(str(path))
    inputs = [n.input[0] for n in down_projections(model)]
    exclude = split_outlier_channels(model, calibrate(model, inputs, layout, workdir)) if inputs else []
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return exclude


def build_quantized(layout: ModelLayout, stamp: str) -> Path:
    """Export and quantize the model into ``<model dir>/onnx/``, atomically.

    Args:
        layout: The model layout.
        stamp: See :func:`source_stamp`.

    Returns:
        The path of the int8 model.

    Raises:
        OnnxBackendError: If the export or quantization fails.
    """
    target = quantized_path(layout.root)
    log.warning("building the int8 ONNX model %s (one-time, about a minute)", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    except OSError as exc:
        raise OnnxBackendError(f"cannot write {target.parent}: {exc}") from exc
    try:
        export_fp32(layout.transformer_dir, tmp / "model.onnx")
        exclude = _prepare_for_quantization(tmp / "model.onnx", layout, tmp)
        quantize_int8(tmp / "model.onnx", tmp / QUANT_FILENAME, stamp, exclude)
        (tmp / QUANT_FILENAME).chmod(0o644)
        os.replace(tmp / QUANT_FILENAME, target)
    except OnnxBackendError:
        raise
    except Exception as exc:  # export/quantization failures of any kind mean "not available"
        raise OnnxBackendError(f"ONNX export failed: {type(exc).__name__}: {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
