"""Finding article files and decoding their bytes into text.

Chinese web pages and documents come in several encodings: UTF-8 (with or without a
byte-order mark), UTF-16 with a BOM, GB18030/GBK for simplified script and Big5 for
traditional script. Legacy encodings cannot be told apart reliably from the bytes alone
(almost any byte sequence is valid GB18030), so :func:`decode_bytes` decodes strictly with
every candidate and scores how *plausible* each result is as Chinese text: the share of
characters among the most common Chinese characters (simplified or traditional), minus
penalties for private-use, rare-extension and control characters. A file for which no
candidate is plausible is refused with :class:`ReadError` rather than decoded as garbage.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SKIPPED_NAMES = frozenset({"sources.md", "readme.md"})
MAX_FILE_BYTES = 20 * 1024 * 1024

# The ~500 most frequent Chinese characters (simplified, in frequency order), followed by
# the traditional forms (OpenCC s2t/s2tw/s2hk) of those that differ. Used only to score
# how plausible a decoding is: correct Chinese text has 70-80 % of its characters here.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器"
    "压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场"
    "身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温"
    "传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断"
    "深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值"
    "号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆"
    "包火住调满县局照参红细引听该铁价严龙飞"
)
_COMMON_TRADITIONAL_EXTRA = (
    "並亞來個們備傳價兒內兩別則劃動務勞勢區卻參員問喫單嚴國圓圖團報場壓學實寫將專對導"
    "層屬師帶幹幾廠廣張強後從復愛應戰採據數斷於時書會東條業極構標樣機權歷氣決沒況準溫"
    "滿漢濟為無熱爭爲爾狀現產當發眾確礦種稱積節紀約紅級細組結給統經維網線編縣總織羣義"
    "習聯聲職聽臺與舉華萬著處號衆術裏裝裡覆見規親觀計記設許話該認語說説調論證識議變讓"
    "資質車軍較轉辦農這連進遊運過達遠適選還邊鐵長門開間關陽隊階際隨離難電響須領頭題類"
    "風飛養馬驗體鬥魚麼黃點黨龍"
)
COMMON_CHARS = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL_EXTRA)

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


class ReadError(Exception):
    """A file that cannot be read or decoded as text.

    Attributes:
        path: The file concerned, or ``None`` when raised for bytes without a file.
        reason: What went wrong, without the file name.
    """

    def __init__(self, path: Path | str | None, reason: str) -> None:
        """Create the error.

        Args:
            path: The file concerned, or ``None``.
            reason: Human-readable cause.
        """
        self.path = Path(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)

    def __reduce__(self):
        """Support pickling (for worker processes) despite the two-argument constructor."""
        return type(self), (self.path, self.reason)


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Collect the supported article files under the given files and folders.

    Folders are searched recursively. Hidden files and folders (names starting with
    ``.``) below a given folder, ``README.md`` and ``SOURCES.md`` are skipped, as are
    files with an unsupported suffix and paths that do not exist.

    Args:
        paths: Files and folders to search.

    Returns:
        The files found, deduplicated (by resolved path) and sorted.
    """
    found: dict[Path, Path] = {}
    for root in paths:
        root = Path(root)
        candidates = _walk(root) if root.is_dir() else [root] if root.is_file() else []
        for path in candidates:
            if is_supported(path):
                found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=lambda p: str(p))


def _walk(folder: Path) -> list[Path]:
    """List the non-hidden files below ``folder`` (recursively).

    Args:
        folder: The folder to walk.

    Returns:
        The files found, in no particular order.
    """
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    return files


def is_supported(path: Path) -> bool:
    """Tell whether ``path`` names an article file this package reads.

    Args:
        path: A file path.

    Returns:
        True for a supported suffix (any case) that is not hidden, ``README.md`` or
        ``SOURCES.md``.
    """
    name = path.name
    if name.startswith(".") or name.lower() in SKIPPED_NAMES:
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, refusing files over :data:`MAX_FILE_BYTES`.

    Args:
        path: The file to read.

    Returns:
        The file's content.

    Raises:
        ReadError: If the file is missing, unreadable, not a regular file or too large.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReadError(path, "not a regular file")
        if size > MAX_FILE_BYTES:
            raise ReadError(path, f"file too large ({size} bytes, limit {MAX_FILE_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror or exc}") from exc


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
