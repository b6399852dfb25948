"""The int8 ONNX model of a sentence-transformers directory: its layout, file and settings.

Shared by the build step (:mod:`index.embed.onnx_export`) and the runtime
(:mod:`index.embed.onnx_runtime`); see the export module for why and how the model is built.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partyqa.errors import ModelError

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


class OnnxBackendError(ModelError):
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


def read_json(path: Path) -> Any:
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
    modules = read_json(root / "modules.json")
    if not modules:
        raise OnnxBackendError(f"{root} has no modules.json (not a sentence-transformers directory)")
    kinds = [_module_type(m) for m in modules]
    if len(modules) not in (2, 3) or not kinds[0].startswith(_TRANSFORMER_TYPES) or kinds[1] not in _POOLING_TYPES:
        raise OnnxBackendError(f"modules {kinds} are not supported by the ONNX backend (Transformer, Pooling[, Normalize])")
    if len(modules) == 3 and kinds[2] not in _NORMALIZE_TYPES:
        raise OnnxBackendError(f"module {kinds[2]} is not supported by the ONNX backend")
    transformer_dir = root / modules[0].get("path", "")
    pooling = read_json(root / modules[1].get("path", "") / "config.json") or {}
    st_config = read_json(transformer_dir / "sentence_bert_config.json") or {}
    hf_config = read_json(transformer_dir / "config.json") or {}
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
        prompts=dict((read_json(root / "config_sentence_transformers.json") or {}).get("prompts") or {}),
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
