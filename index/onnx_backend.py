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
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

ONNX_DIRNAME = "onnx"
QUANT_CONFIG = "avx2"
QUANT_FILENAME = f"model_qint8_{QUANT_CONFIG}.onnx"
#: Bump when the export or quantization changes, so cached files are rebuilt.
EXPORT_VERSION = 3
#: Exact (erf) GELU activations exported as their tanh approximation, which ONNX Runtime
#: fuses into one ``FastGelu`` kernel ~1.6x faster than its erf ``Gelu`` (see the module
#: docstring).
TANH_GELU = {"gelu": "gelu_new"}
#: ONNX Runtime graph fusions left out: its fused ``SkipLayerNormalization`` kernel took
#: ~4x as long as the ``Add`` + ``LayerNormalization`` it replaces (same result).
DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)
#: Input channels of each FFN down-projection kept in float32 (see the module docstring).
OUTLIER_CHANNELS = 4
#: Texts whose activations locate the outlier channels (they are a property of the model,
#: not of the input, so a few varied sentences suffice).
CALIBRATION_TEXTS = (
    "passage: 天桥区召开基层党建工作推进会，全区各级党组织开展“爱天桥、作贡献、转作风、争一流”活动。",
    "passage: 截至2023年底，已在非公企业中建立党组织186个，覆盖非公企业1200余家，党的组织覆盖率达到92.6%。",
    "query: 涧西区2023年新发展了多少名党员？",
    "passage: 社区开展“敲门行动”，走访困难党员和老党员共计2860户，登记实际困难132件，已协调解决118件。",
    "query: 荷塘區推行“紅色物業”的做法是什麼？",
    "passage: The committee met on Monday to review the budget and approved 23 new service centres.",
    "query: how many party members were recruited last year?",
    "中原区开展专题培训，全区218名社区书记参加，内容包括网格化管理、矛盾纠纷调解和党群服务中心运行规范。",
)
OPSET = 17
SOURCE_KEY = "partyqa_source"

_TRANSFORMER_TYPES = ("sentence_transformers.models.Transformer", "sentence_transformers.base.modules.transformer")
_POOLING_TYPES = ("sentence_transformers.models.Pooling",)
_NORMALIZE_TYPES = ("sentence_transformers.models.Normalize",)
_POOLING_MODES = {"pooling_mode_mean_tokens": "mean", "pooling_mode_cls_token": "cls", "pooling_mode_max_tokens": "max"}
_WEIGHT_SUFFIXES = (".safetensors", ".bin")


class OnnxBackendError(RuntimeError):
    """The ONNX backend cannot be used for this model here; the message says why."""


@dataclass(frozen=True)
class ModelLayout:
    """What the ONNX backend needs to know about a sentence-transformers directory.

    Attributes:
        root: The sentence-transformers model directory.
        transformer_dir: Directory of the Hugging Face transformer and its tokenizer.
        pooling: ``mean``, ``cls`` or ``max``.
        normalize: Whether the model ends with a Normalize module.
        max_seq_length: Longest input in tokens, special tokens included.
        do_lower_case: Whether texts are lower-cased before tokenization.
        dim: Embedding dimension.
        prompts: The model's named prompts (``config_sentence_transformers.json``).
    """

    root: Path
    transformer_dir: Path
    pooling: str
    normalize: bool
    max_seq_length: int
    do_lower_case: bool
    dim: int
    prompts: dict[str, str] = field(default_factory=dict)


def _read_json(path: Path) -> Any:
    """Parse a JSON file, or return None when it does not exist."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _module_type(entry: dict) -> str:
    """The class path of a modules.json entry."""
    return str(entry.get("type", ""))


def _pooling_mode(config: dict) -> str:
    """Return the single supported pooling mode enabled in a Pooling config."""
    enabled = [key for key, value in config.items() if key.startswith("pooling_mode_") and value]
    if len(enabled) != 1 or enabled[0] not in _POOLING_MODES:
        raise OnnxBackendError(f"pooling {enabled or 'none'} is not supported by the ONNX backend")
    if config.get("include_prompt") is False:
        raise OnnxBackendError("pooling that excludes the prompt is not supported by the ONNX backend")
    return _POOLING_MODES[enabled[0]]


def read_layout(model_dir: Path) -> ModelLayout:
    """Read a sentence-transformers directory made of Transformer, Pooling and Normalize.

    Args:
        model_dir: A local sentence-transformers model directory.

    Returns:
        The model's layout.

    Raises:
        OnnxBackendError: If the directory is missing files or holds other modules.
    """
    root = Path(model_dir)
    modules = _read_json(root / "modules.json")
    if not modules:
        raise OnnxBackendError(f"{root} has no modules.json (not a sentence-transformers directory)")
    kinds = [_module_type(m) for m in modules]
    if len(modules) not in (2, 3) or not kinds[0].startswith(_TRANSFORMER_TYPES) or kinds[1] not in _POOLING_TYPES:
        raise OnnxBackendError(f"modules {kinds} are not supported by the ONNX backend (Transformer, Pooling[, Normalize])")
    if len(modules) == 3 and kinds[2] not in _NORMALIZE_TYPES:
        raise OnnxBackendError(f"module {kinds[2]} is not supported by the ONNX backend")
    transformer_dir = root / modules[0].get("path", "")
    pooling = _read_json(root / modules[1].get("path", "") / "config.json") or {}
    st_config = _read_json(transformer_dir / "sentence_bert_config.json") or {}
    hf_config = _read_json(transformer_dir / "config.json") or {}
    if not (transformer_dir / "tokenizer.json").is_file():
        raise OnnxBackendError(f"{transformer_dir} has no tokenizer.json (a fast tokenizer is needed)")
    return ModelLayout(
        root=root,
        transformer_dir=transformer_dir,
        pooling=_pooling_mode(pooling),
        normalize=len(modules) == 3,
        max_seq_length=int(st_config.get("max_seq_length") or hf_config.get("max_position_embeddings", 514) - 2),
        do_lower_case=bool(st_config.get("do_lower_case", False)),
        dim=int(pooling.get("word_embedding_dimension") or hf_config.get("hidden_size")),
        prompts=dict((_read_json(root / "config_sentence_transformers.json") or {}).get("prompts") or {}),
    )


def check_runtime() -> None:
    """Check that onnxruntime can be imported.

    Raises:
        OnnxBackendError: If it cannot, with the reason.
    """
    try:
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        raise OnnxBackendError(f"onnxruntime is not installed ({exc}); pip install onnxruntime") from exc


def quantized_path(model_dir: Path) -> Path:
    """Where the int8 model of ``model_dir`` is cached."""
    return Path(model_dir) / ONNX_DIRNAME / QUANT_FILENAME


def source_stamp(layout: ModelLayout, fingerprint: str) -> str:
    """Describe the weights an ONNX file is made from; a different stamp means stale.

    Args:
        layout: The model layout.
        fingerprint: The embedder fingerprint of the model.

    Returns:
        A JSON string of the export version, quantization config, fingerprint and the
        size and modification time of each weight file.
    """
    weights = []
    for path in sorted(layout.transformer_dir.iterdir()):
        if path.is_file() and path.name.endswith(_WEIGHT_SUFFIXES):
            stat = path.stat()
            weights.append([path.name, stat.st_size, stat.st_mtime_ns])
    data = {"export_version": EXPORT_VERSION, "quantization": QUANT_CONFIG, "outlier_channels": OUTLIER_CHANNELS,
            "fingerprint": fingerprint, "weights": weights}
    return json.dumps(data, sort_keys=True)


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

    config = _read_json(transformer_dir / "config.json") or {}
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
    config = _read_json(layout.transformer_dir / "tokenizer_config.json") or {}
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
