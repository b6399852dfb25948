"""Finding article files and decoding their bytes into text.

Chinese web pages and documents come in several encodings: UTF-8 (with or without a
byte-order mark), UTF-16 with a BOM, GB18030/GBK for simplified script and Big5 for
traditional script. Legacy encodings cannot be told apart reliably from the bytes alone
(almost any byte sequence is valid GB18030), so :func:`decode_bytes` decodes strictly with
every candidate and scores how *plausible* each result is as Chinese text: the share of
characters among the most common Chinese characters (simplified or traditional), minus
penalties for private-use, rare-extension and control characters. A file for which no
candidate is plausible is refused with :class:`ReadError` rather than decoded as garbage.

Longer than most modules (about 310 lines) because finding files, the encoding candidates
and the plausibility score are one decision and are tested together.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from index.ingest.files import read_bytes
from partyqa.errors import ReadError
from partyqa.resources import data_lines

COMMON_CHARS = frozenset("".join(data_lines("common_chars.txt")))

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy candidates in order of preference; the first of each family that decodes
# strictly represents the family.
_LEGACY_FAMILIES = (("gbk", "gb18030"), ("big5", "cp950", "big5hkscs"))
_FAMILY_OF = {
    "gb2312": "gb",
    "gbk": "gb",
    "gb18030": "gb",
    "big5": "big5",
    "cp950": "big5",
    "big5hkscs": "big5",
}
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_MIN_PLAUSIBILITY = 0.3
_CLOSE_SCORES = 0.1


def read_file(path: Path) -> tuple[str, str]:
    """Read a file and decode it (see :func:`decode_bytes`).

    Args:
        path: The file to read.

    Returns:
        The decoded text and the name of the encoding used.

    Raises:
        ReadError: If the file cannot be read or no encoding gives plausible text; the
            error names the file.
    """
    data = read_bytes(path)
    try:
        return decode_bytes(data)
    except ReadError as exc:
        raise ReadError(path, exc.reason) from None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of Chinese text, detecting the encoding.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; an HTML
    ``<meta charset>`` declaration if it decodes strictly to plausible text; then strict
    GB (GBK/GB18030) and Big5 decodings, chosen by :func:`plausibility` with
    ``charset_normalizer`` breaking near-ties.

    Args:
        data: The raw bytes.

    Returns:
        The text and the encoding name (``utf-8``, ``utf-8-sig``, ``utf-16``, ``gbk``,
        ``gb18030``, ``big5`` …).

    Raises:
        ReadError: If no encoding yields plausible text (binary data, random bytes).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, name)
    text = _strict(data, "utf-8")
    if text is not None and _looks_like_text(text):
        return text, "utf-8"
    declared = declared_charset(data)
    if declared:
        text = _strict(data, declared)
        if text is not None and plausibility(text) >= _MIN_PLAUSIBILITY:
            return text, declared
    if b"\x00" in data:
        return _utf16_without_bom(data)
    return _best_legacy(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    """Decode data containing NUL bytes as UTF-16 without a byte-order mark, if plausible.

    Args:
        data: Raw bytes containing NUL bytes (which no legacy Chinese encoding produces).

    Returns:
        The text and ``utf-16-le`` or ``utf-16-be``.

    Raises:
        ReadError: If neither byte order gives plausible text (binary data).
    """
    for name in ("utf-16-le", "utf-16-be"):
        text = _strict(data, name) if len(data) % 2 == 0 else None
        if text is not None and _looks_like_text(text) and plausibility(text) >= _MIN_PLAUSIBILITY:
            return text, name
    raise ReadError(None, "binary data (contains NUL bytes), not text")


def _decode_with_bom(data: bytes, name: str) -> tuple[str, str]:
    """Decode data that starts with a byte-order mark.

    Args:
        data: The raw bytes, BOM included.
        name: The codec the BOM announces.

    Returns:
        The text (without BOM) and the codec name.

    Raises:
        ReadError: If the bytes are not valid in that encoding.
    """
    text = _strict(data, name)
    if text is None or not _looks_like_text(text):
        raise ReadError(None, f"invalid {name} data after byte-order mark")
    return text.lstrip("\ufeff"), name


def _best_legacy(data: bytes) -> tuple[str, str]:
    """Pick the most plausible legacy Chinese decoding of ``data``.

    Args:
        data: Bytes that are not valid UTF-8.

    Returns:
        The text and the encoding name.

    Raises:
        ReadError: If no candidate decodes strictly to plausible text.
    """
    scored = []
    for family in _LEGACY_FAMILIES:
        for name in family:
            text = _strict(data, name)
            if text is not None:
                scored.append((plausibility(text), name, text))
                break
    scored.sort(key=lambda item: item[0], reverse=True)
    scored = [item for item in scored if item[0] >= _MIN_PLAUSIBILITY]
    if not scored:
        raise ReadError(
            None, "cannot decode: not UTF-8, GB18030/GBK or Big5 Chinese text (binary or unknown encoding?)"
        )
    if len(scored) > 1 and scored[0][0] - scored[1][0] < _CLOSE_SCORES:
        hint = _charset_normalizer_family(data)
        for item in scored:
            if hint and _FAMILY_OF.get(item[1]) == hint:
                return item[2], item[1]
    return scored[0][2], scored[0][1]


def _charset_normalizer_family(data: bytes) -> str:
    """Ask ``charset_normalizer`` which legacy family it believes ``data`` uses.

    Args:
        data: The raw bytes.

    Returns:
        ``"gb"``, ``"big5"`` or "" when it has no usable answer.
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return ""
    best = from_bytes(data).best()
    if best is None:
        return ""
    return _FAMILY_OF.get(best.encoding.lower().replace("_", ""), "")


def declared_charset(data: bytes) -> str:
    """Return the charset declared by an HTML ``<meta>`` tag near the start of ``data``.

    Args:
        data: The raw bytes of a (possibly) HTML document.

    Returns:
        The Python codec name of the declared charset, or "" if none or unknown.
    """
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return ""
    label = match.group(1).decode("ascii", "ignore").lower()
    if label in ("gb2312", "x-gbk", "gb_2312-80", "euc-cn"):
        label = "gbk"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def _strict(data: bytes, encoding: str) -> str | None:
    """Decode strictly, returning ``None`` on any error.

    Args:
        data: The raw bytes.
        encoding: A Python codec name.

    Returns:
        The text, or ``None`` if the bytes are invalid in that encoding.
    """
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_like_text(text: str) -> bool:
    """Tell whether decoded text is text rather than binary data.

    Args:
        text: A decoded string.

    Returns:
        False if it contains NUL characters or more than 1% control characters.
    """
    if "\x00" in text:
        return False
    controls = sum(1 for ch in text if _is_control(ch))
    return controls <= max(1, len(text) // 100)


def _is_control(ch: str) -> bool:
    """Tell whether ``ch`` is a control character other than ordinary whitespace."""
    return ch not in "\t\n\r\f\v" and unicodedata.category(ch) in ("Cc", "Cs")


def plausibility(text: str) -> float:
    """Score how plausible ``text`` is as a correct decoding of Chinese text.

    The score is the share of common Chinese characters among all non-ASCII
    characters, minus penalties for characters a wrong decoding tends to produce:
    private-use and rare CJK extension characters (strong), control characters and the
    replacement character (strong), and kana, Hangul, Cyrillic or Greek letters (mild).
    Text that is ASCII only scores 1.0.

    Args:
        text: A decoded string.

    Returns:
        A score, at most 1.0; correct Chinese decodings score about 0.6–0.8, wrong ones
        below 0.3.
    """
    if "\x00" in text:
        return 0.0
    total = common = bad = odd = 0
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            if _is_control(ch):
                bad += 1
            continue
        total += 1
        if ch in COMMON_CHARS:
            common += 1
        elif _is_bad(code) or _is_control(ch):
            bad += 1
        elif _is_odd(code):
            odd += 1
    if total == 0:
        return 1.0 if bad == 0 else 0.0
    return (common - 3 * bad - 0.5 * odd) / total


def _is_bad(code: int) -> bool:
    """Tell whether a code point is typical of a wrong decoding (PUA, rare CJK, U+FFFD)."""
    return (
        0xE000 <= code <= 0xF8FF  # private use area
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x20000 <= code <= 0x3FFFF  # CJK extensions B and later
        or code >= 0xF0000  # supplementary private use
        or code == 0xFFFD
        or 0x80 <= code <= 0x9F  # C1 controls
    )


def _is_odd(code: int) -> bool:
    """Tell whether a code point is unusual in Chinese text (kana, Hangul, Cyrillic, Greek)."""
    return (
        0x0370 <= code <= 0x052F  # Greek, Cyrillic
        or 0x3040 <= code <= 0x30FF  # kana
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0x1100 <= code <= 0x11FF  # Hangul jamo
        or 0xFF61 <= code <= 0xFF9F  # half-width kana
    )
