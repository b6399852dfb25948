"""Text normalization shared by indexing and querying.

Search works on a normalized form of the text: traditional characters converted to
simplified (OpenCC ``t2s``), a few variant characters to the form t2s gives their traditional
character (垅 → 垄: ``partyqa/data/char_variants.txt``), full-width ASCII letters, digits and
punctuation converted to half-width, and ideographic spaces to plain spaces. The conversion is
character-for-character wherever OpenCC allows it, so offsets in the normalized text
line up with the original text in almost all cases; displayed text and stored offsets
always refer to the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_WS = re.compile(r"\s+")
#: One CJK unified ideograph, and a run of them.
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _t2s():
    """Return the OpenCC traditional→simplified converter (loaded once)."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese characters in ``text`` to simplified ones."""
    if not text:
        return text
    return _t2s().convert(text)


def half_width(text: str) -> str:
    """Convert full-width ASCII variants (``０-９``, ``Ａ-Ｚ``, ``％`` …) to half-width."""
    return text.translate(_FULLWIDTH)


def normalize(text: str) -> str:
    """Normalize ``text`` for search: NFC, half-width, simplified script.

    Short texts (questions, sentences, terms: the answerer normalizes the same few dozen
    strings hundreds of times per question) are remembered; long ones (whole articles) are not.
    """
    if len(text) <= _CACHED_LENGTH:
        return _normalize_short(text)
    return _normalize(text)


#: Longest text whose normalized form is cached.
_CACHED_LENGTH = 600


@lru_cache(maxsize=1)
def _variants() -> dict[int, int]:
    """Variant characters and the form they are read as (``partyqa/data/char_variants.txt``)."""
    from partyqa.resources import data_lines

    pairs = (line.split() for line in data_lines("char_variants.txt"))
    return {ord(variant): ord(form) for variant, form in pairs}


def _normalize(text: str) -> str:
    return to_simplified(half_width(unicodedata.normalize("NFC", text))).translate(_variants())


@lru_cache(maxsize=16384)
def _normalize_short(text: str) -> str:
    return _normalize(text)


def squash(text: str) -> str:
    """Normalize and drop all whitespace: the form used to test if a passage contains a key."""
    return _WS.sub("", normalize(text))
