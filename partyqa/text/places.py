"""Place names in text: a dictionary of China's divisions, anchored suffix rules below them.

Provinces, prefecture cities, districts and counties come from ``partyqa/data/places_cn.tsv``
(plus ``places_extra.tsv``): their full names (``樊城区``) are found anywhere, their short forms
(``樊城``, ``襄阳``, ``江西``) where the article supports them — a province's short form always,
a short form of three or more characters always, a two-character one only when a place of
the same chain (its province, city or a district under it) is named too. Streets, towns,
townships, communities and villages (``鹿鸣街道``, ``云栖镇``, ``白鹤岭村``) have no list: they are
found by suffix rules with jieba and count only in articles that name a dictionary place.

Longer than most modules (about 570 lines): the dictionary places, their short forms and the
suffix rules below them decide together which names count; they are tested as one unit.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from partyqa.resources import data_lines, data_words
from partyqa.text.normalize import CJK, CJK_RUN, normalize

PLACE_SUFFIXES = ("示范区", "新区", "街道", "社区", "区", "县", "市", "镇", "乡", "旗", "村")
DISTRICT_SUFFIXES = ("示范区", "新区", "区", "县", "市", "旗")
_ADMIN_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
                   "地区", "林区", "省", "市", "区", "县", "旗", "盟")
_COMBINABLE = ("高新区", "开发区", "经开区", "试验区", "保护区", "自贸区", "先行区", "示范区", "新区")
_STOP_POS = ("p", "c", "u", "d", "v", "r", "m", "f", "t", "x", "eng", "a", "zg", "y", "e", "o", "l", "i")
_STOP_POS_EXTENSION = tuple(pos for pos in _STOP_POS if pos != "a")
#: Function characters that never stand inside a place name read by the suffix rules.
_GLUE_CHARS = frozenset("由对从向把被将让给的了是")
_FUNCTION_CHARS = frozenset(
    "在对和与及为于由从向把被将让给到的了是各全本该每这那其此一个等或并且也都还又即就所有已要会能可以按据如若则而但至当"
)
#: Words that point at a thing; the character after one is a measure word (这条, 那篇), no name.
_DEMONSTRATIVES = frozenset(("这", "那", "该", "此", "本", "每", "哪", "某"))
_QUOTED = re.compile(r"“[^“”\n]{1,20}”|「[^「」\n]{1,20}」")
_SUFFIX_CHAR = re.compile(r"[区县市镇乡村]|街道|社区")  # banners (旗) are all in the dictionary
_MAX_PLACE_PREFIX = 5
_MAX_NAME_TOKEN = 3
_WINDOW_BEFORE, _WINDOW_AFTER = 10, 4
_MAX_NAME = 9
# Only this much of a text is searched for suffix-rule names (news articles are far shorter).
MAX_SEGMENTED_CHARS = 100_000


@dataclass(frozen=True)
class Division:
    """One division of the dictionary: its code, full name and parent code ("" for provinces)."""

    code: str
    name: str
    parent: str


@cache
def _generic_words() -> frozenset[str]:
    """Words ending in a place suffix that are not places (``全区``, ``社区``, ``空壳村`` …)."""
    return data_words("place_generic_words.txt")


@cache
def _divisions() -> dict[str, Division]:
    """Every division by code (dictionary plus extras)."""
    out: dict[str, Division] = {}
    generic = _generic_words()
    for line in data_lines("places_cn.tsv"):
        code, name = line.split("\t")
        if name in generic or len(name) < 2:
            continue
        if code.endswith("0000"):
            parent = ""
        elif code.endswith("00"):
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00"
        out[code] = Division(code, name, parent)
    for line in data_lines("places_extra.tsv"):
        parent, name = line.split("\t")
        code = f"x{len(out)}"
        out[code] = Division(code, name, parent)
    for div in list(out.values()):  # districts of municipalities hang under the province code
        if div.parent and div.parent not in out:
            out[div.code] = Division(div.code, div.name, div.parent[:2] + "0000")
    return out


def _short_form(name: str) -> str:
    """The name without its administrative suffix (``樊城区`` → ``樊城``), or "" when too short."""
    if name.endswith(_COMBINABLE):
        return ""
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


@cache
def _lookup() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Every full name and short form → (codes, is_full_name)."""
    table: dict[str, tuple[list[str], bool]] = {}
    generic = _generic_words()
    for div in _divisions().values():
        codes, _ = table.setdefault(div.name, ([], True))
        codes.append(div.code)
        short = _short_form(div.name)
        if short and short not in generic and (short not in table or not table[short][1]):
            table.setdefault(short, ([], False))[0].append(div.code)
    return {name: (tuple(codes), full) for name, (codes, full) in table.items()}


def _chain(code: str) -> list[str]:
    """The codes from the province down to ``code``."""
    divs = _divisions()
    chain = []
    while code in divs:
        chain.append(code)
        code = divs[code].parent
    return chain[::-1]


@cache
def _ambiguous_names() -> frozenset[str]:
    """Full names that also read as a common word before a suffix word (会同县委 = 会同 + 县委)."""
    return data_words("place_ambiguous.txt")


# A suffix character that begins a common word with the next one is no division's end:
# 振兴区域 is 振兴 + 区域, 合作市场 is 合作 + 市场.
_SUFFIX_WORDS = {"区": "域", "市": "场"}


@cache
def _word_frequencies() -> dict[str, int]:
    """jieba's dictionary: word → frequency (loaded once)."""
    import jieba

    _posseg()  # silences jieba's logging
    jieba.initialize()
    return jieba.dt.FREQ


def _word_across(text: str, i: int) -> bool:
    """True when the character before ``text[i]`` forms a common word with it, so a short
    form starting at ``i`` is the tail of that word (楼道里 is 楼道 + 里, not the district 道里) —
    unless that word is a place name itself (佛山南海: 山南 is a place, 南海 still counts)."""
    across = text[i - 1 : i + 1]
    return i > 0 and _word_frequencies().get(across, 0) >= 50 and across not in _lookup()


def _dictionary_mentions(text: str) -> list[tuple[int, str, tuple[str, ...], bool]]:
    """Longest dictionary matches ``(offset, name, codes, full)`` in simplified text, left to right."""
    table = _lookup()
    out = []
    i, n = 0, len(text)
    while i < n:
        if not CJK.match(text[i]):
            i += 1
            continue
        for length in range(min(_MAX_NAME, n - i), 1, -1):
            word = text[i : i + length]
            if word in table and text[i + length : i + length + 1] != _SUFFIX_WORDS.get(word[-1], "\0") \
                    and not (length == 2 and not table[word][1] and _word_across(text, i)):
                short = _city_before_own_district(text, i, word)
                if short:  # 青岛市南区 is 青岛 + 市南区, not 青岛市 + 南区
                    word, length = short, len(short)
                out.append((i, word, *table[word]))
                i += length
                break
        else:
            i += 1
    return out


def _city_before_own_district(text: str, i: int, word: str) -> str:
    """The city's short form when a city's full name at ``text[i]`` ends in the 市 that opens the
    full name of one of its own districts (``青岛市南区`` → ``青岛``, ``济南市中区`` → ``济南``), else ""."""
    table = _lookup()
    short = word[:-1]
    if not word.endswith("市") or short not in table:
        return ""
    cities = set(table[word][0])
    start = i + len(word) - 1
    for length in range(min(_MAX_NAME, len(text) - start), 2, -1):
        district = text[start : start + length]
        codes, full = table.get(district, ((), False))
        if full and text[start + length : start + length + 1] != _SUFFIX_WORDS.get(district[-1], "\0") \
                and any(_divisions()[code].parent in cities for code in codes):
            return short
    return ""


def _resolve(mentions) -> dict[str, tuple[str, int]]:
    """Keep supported mentions and pick one division per name: name → (code, first offset).

    A full name of three or more characters, a province's short form and a short form of
    three or more characters stand alone; a two-character name needs another place of its
    chain in the text (a city's short form right before its district's counts: 襄阳樊城). Among several divisions with one name, the one whose chain is
    supported wins.
    """
    strong_codes: set[str] = set()
    ambiguous = _ambiguous_names()
    for _, name, codes, full in mentions:
        if name in ambiguous:
            continue
        if len(codes) == 1 and (len(name) >= 3 or (not full and codes[0].endswith("0000"))):
            strong_codes.update(_chain(codes[0]))
    # A city's and a district's short forms written in a row (襄阳樊城) support each other.
    for (at, name, codes, _), (next_at, _, next_codes, _) in zip(mentions, mentions[1:]):
        if next_at == at + len(name) and len(codes) == 1 and len(next_codes) == 1:
            upper, lower = sorted((codes[0], next_codes[0]), key=lambda c: len(_chain(c)))
            if upper != lower and upper in _chain(lower):
                strong_codes.update(_chain(lower))
    kept: dict[str, tuple[str, int]] = {}
    for offset, name, codes, full in mentions:
        if name in kept:
            continue
        supported = [c for c in codes if set(_chain(c)) & strong_codes - {c} or _has_child(c, strong_codes)]
        if supported:
            kept[name] = (supported[0], offset)
        elif name in ambiguous:
            continue  # "县委组织部会同县委督查室": 会同县 only where its city or province is named
        elif len(codes) == 1 and (len(name) >= 3 or codes[0].endswith("0000")):
            kept[name] = (codes[0], offset)
        elif full and len(name) >= 3:
            kept[name] = ("", offset)  # a real name shared by several divisions: no chain
    return kept


def _has_child(code: str, codes: set[str]) -> bool:
    """Tell whether one of ``codes`` lies under ``code``."""
    return any(code in _chain(c)[:-1] for c in codes)


def extract_places(text: str, with_ancestors: bool = False) -> list[str]:
    """Find the provinces, cities, districts, streets, towns, communities and villages named in a text.

    Args:
        text: Article text (either script).
        with_ancestors: Article mode: dictionary places by their full names (``于都`` →
            ``于都县``), names below districts only in texts that name a dictionary place, and
            the province and city above the places found that the text does not name (an
            article about 樊城区 is about 襄阳市 and 湖北省 too). Without it (questions), names
            are returned as written, so each is a substring of the normalized text.

    Returns:
        Place names in simplified script, most frequent first (ties: first mention), then the
        ancestors when asked for.
    """
    simplified = normalize(text)
    quoted = [m.span() for m in _QUOTED.finditer(simplified)]
    quote_starts = [a for a, _ in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(quote_starts, pos) - 1
        return k >= 0 and pos < quoted[k][1]

    mentions = [m for m in _dictionary_mentions(simplified) if not in_quote(m[0])]
    kept = _resolve(mentions)
    divs = _divisions()
    first: dict[str, int] = {}
    counts: Counter = Counter()
    codes: dict[str, str] = {}
    for name, (code, offset) in sorted(kept.items(), key=lambda item: item[1][1]):
        canonical = divs[code].name if code and with_ancestors else name
        if canonical not in first:
            first[canonical] = offset
            codes[canonical] = code
        counts[canonical] += sum(1.0 if full else 0.5 for _, n, _, full in mentions if n == name)
    if kept or not with_ancestors:
        for start, name in _suffix_mentions(simplified[:MAX_SEGMENTED_CHARS]):
            if not in_quote(start) and name not in first and not _is_division_word(name):
                first[name] = start
                counts[name] = simplified.count(name)
    ranked = sorted(first, key=lambda name: (-counts[name], first[name]))
    if not with_ancestors:
        return ranked
    named = set(codes.values())
    above = []
    for name in ranked:
        for code in _chain(codes[name])[:-1] if codes.get(name) else []:
            if code not in named and divs[code].name not in above:
                above.append(divs[code].name)
    return ranked + [a for a in above if a not in ranked]


def _is_division_word(name: str) -> bool:
    """Tell whether a suffix-rule name is a district-level name missing from the dictionary (a guess)."""
    return name.endswith(("区", "县", "市", "旗")) and not name.endswith((*_COMBINABLE, "社区"))


def place_aliases(name: str, text: str | None = None) -> set[str]:
    """Short forms a place goes by (``樊城区`` → ``{樊城}``; ``襄阳市`` → ``{襄阳}``).

    ``株洲高新区`` also goes by ``高新区`` when ``text`` (the article) names no other ``…高新区``.

    Args:
        name: A place name (either script).
        text: The article, to decide whether a generic zone word is unambiguous in it.

    Returns:
        The aliases, without ``name`` itself (simplified script).
    """
    simple = normalize(name)
    aliases = set()
    short = _short_form(simple)
    if short and short not in _generic_words():
        aliases.add(short)
    zone = next((z for z in _COMBINABLE if simple.endswith(z) and len(simple) > len(z)), "")
    if zone and text is not None:
        others = {m.group() for m in re.finditer(rf"[\u4e00-\u9fff]{{2,4}}{zone}", normalize(text))}
        if all(o.endswith(simple) or simple.endswith(o) for o in others):
            aliases.add(zone)
    return aliases


def place_hierarchy(name: str, text: str | None = None) -> list[str]:
    """The chain of divisions down to a place: ``樊城区`` → ``[湖北省, 襄阳市, 樊城区]``.

    Args:
        name: A full name or short form (either script).
        text: The article, to choose among divisions that share a name (``和平区``).

    Returns:
        Full names from the province down; ``[name]`` (simplified) when unknown or ambiguous.
    """
    simple = normalize(name)
    codes = _lookup().get(simple, ((), False))[0]
    if text is not None and len(codes) > 1:
        mentions = [m for m in _dictionary_mentions(normalize(text)) if m[1] != simple]
        kept = _resolve(mentions + [(0, simple, codes, True)])
        codes = (kept[simple][0],) if simple in kept else codes
    if len(codes) != 1:
        return [simple]
    divs = _divisions()
    return [divs[c].name for c in _chain(codes[0])]


def strip_trailing_place(text: str) -> str:
    """Drop a place name that ends ``text`` (``新华社南昌`` → ``新华社``; ``绵城网`` unchanged)."""
    simple = normalize(text)
    table = _lookup()
    for k in range(max(0, len(simple) - _MAX_NAME), len(simple) - 1):
        if simple[k:] in table and k >= 2:
            return text[:k]
    return text


# ---------------------------------------------------------------------- suffix rules (below districts)
@lru_cache(maxsize=1)
def _posseg():
    """Return ``jieba.posseg`` with logging silenced (loaded once)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _suffix_mentions(text: str) -> list[tuple[int, str]]:
    """``(offset, name)`` of places found by suffix rules (streets, towns, villages, zones) in simplified text."""
    mentions = []
    for match in _SUFFIX_CHAR.finditer(text):
        end = match.end()
        tokens = _segment_window(text, end)
        index = next((k for k, (start, word, _) in enumerate(tokens) if start + len(word) == end), None)
        candidate = _place_candidate(tokens, index) if index is not None else None
        if candidate is not None:
            candidate = _without_document_locative(text, *candidate)
        if candidate is not None and _is_valid_place(candidate[1]):
            mentions.append(candidate)
    return mentions


def _without_document_locative(text: str, start: int, name: str) -> tuple[int, str]:
    """The name without a locative jieba glued to it from a document word before it
    ("调研报告/里漳晖/街道" → 漳晖街道), else unchanged."""
    if name[:1] in _DOCUMENT_LOCATIVES and len(name) >= 5 and text[:start].endswith(_document_words()):
        return start + 1, name[1:]
    return start, name


def _segment_window(text: str, end: int) -> list[tuple[int, str, str]]:
    """Segment the clause window around a suffix ending at ``end``: ``(offset, word, pos)`` triples."""
    start = end - 1
    while start > 0 and end - start < _WINDOW_BEFORE and CJK.match(text[start - 1]):
        start -= 1
    stop = end
    while stop < len(text) and stop - end < _WINDOW_AFTER and CJK.match(text[stop]):
        stop += 1
    tokens = []
    offset = start
    # "龙溪乡下湾村": jieba reads 乡下 as a word; cut after the town word first (see _TOWN_CUT).
    for piece in _cut_after_towns(text[start:stop]).split(" "):
        for pair in _posseg().cut(piece):
            tokens.append((offset, pair.word, pair.flag))
            offset += len(pair.word)
    return tokens


# A town or district word that a village or community name follows closely ends a name, and so
# does a district word that a street or town follows: "梨溪镇上坪村" is 梨溪镇 + 上坪村, not
# 梨溪 + 镇上 + 坪村; "莲池区凤仪街道" is 莲池区 + 凤仪街道, not 莲池 + 区凤仪 + 街道.
_TOWN_CUT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:(镇|乡|街道|区|县)(?=[\u4e00-\u9fff]{1,4}(?:村|社区))"
                       r"|(区|县|市)(?=[\u4e00-\u9fff]{1,4}(?:街道|镇|乡)))")


def _cut_after_towns(text: str) -> str:
    """``text`` with a space after each town or district word that ends a name (see _TOWN_CUT)."""
    return _TOWN_CUT.sub(r"\g<0> ", text)


def _place_candidate(tokens: list[tuple[int, str, str]], index: int) -> tuple[int, str] | None:
    """Build the place name that ends with token ``index`` if that token is a suffix: ``(offset, name)``."""
    start, word, flag = tokens[index]
    if word in PLACE_SUFFIXES or word in _COMBINABLE:
        prefix_tokens = _name_tokens_before(tokens, index)
        if not prefix_tokens:
            return None
        return prefix_tokens[0][0], "".join(t[1] for t in prefix_tokens) + word
    if len(word) >= 3 and word.endswith(PLACE_SUFFIXES) and flag.startswith(("ns", "n", "nr", "nt", "nz")):
        return start, word
    if len(word) == 2 and word[-1] in "村镇乡" and word not in _generic_words() and not flag.startswith("v"):
        prefix_tokens = _name_tokens_before(tokens, index)  # jieba's 白鹤/岭村
        if prefix_tokens and len(prefix_tokens[-1][1]) >= 2:
            return prefix_tokens[-1][0], prefix_tokens[-1][1] + word
    return None


def _name_tokens_before(tokens: list[tuple[int, str, str]], index: int) -> list[tuple[int, str, str]]:
    """The tokens forming a name right before a suffix token (one more when either is one character)."""
    if index < 1:
        return []
    last = tokens[index - 1]
    if last[1] in _former_marks():
        return []  # "利用原社区仓库": the former community, no name
    # a single character right before the suffix is part of a name even when tagged as an
    # adjective (槐/荫/社区); a longer adjective is not (美丽/乡村)
    stop = _STOP_POS_EXTENSION if len(last[1]) == 1 and last[1] not in _FUNCTION_CHARS else _STOP_POS
    if len(last[1]) > _MAX_NAME_TOKEN or not _is_name_token(last, stop):
        return []
    picked = [tokens[index - 1]]
    if index >= 2:
        before = tokens[index - 2]
        one_char = len(before[1]) == 1 or len(picked[0][1]) == 1
        if (
            one_char
            and len(before[1]) <= 3
            and before[1] not in _FUNCTION_CHARS
            and not (before[1] in _former_marks() and len(picked[0][1]) >= 2)  # 原/石桥/村 is 石桥村
            and not _measure_after_demonstrative(tokens, index - 2)
            # a rare character jieba tags as a bound morpheme (霁/vg 雪/n 街道) is a name's too
            and (_is_name_token(before, _STOP_POS_EXTENSION)
                 or (len(before[1]) == 1 and before[2].endswith("g") and _is_name_token(before, ())))
        ):
            picked.insert(0, before)
    return picked


def _measure_after_demonstrative(tokens: list[tuple[int, str, str]], k: int) -> bool:
    """True when ``tokens[k]`` is one character right after a demonstrative: a measure word
    (这/条 白石县, 這/篇 雲帆街道, 那/则 …), not the first character of a place's name."""
    return len(tokens[k][1]) == 1 and k >= 1 and tokens[k - 1][1] in _DEMONSTRATIVES


def _is_name_token(token: tuple[int, str, str], stop_pos: tuple[str, ...]) -> bool:
    """Tell whether a token can be part of a place name (Chinese, no stop tag, no suffix)."""
    _, word, flag = token
    return (
        bool(CJK_RUN.fullmatch(word)) and not flag.startswith(stop_pos)
        and not word.endswith(tuple(s for s in PLACE_SUFFIXES if s != "村"))  # 绿/东村/街道
    )


def _is_valid_place(name: str) -> bool:
    """Reject generic words and malformed names."""
    suffix = max((s for s in PLACE_SUFFIXES + _COMBINABLE if name.endswith(s)), key=len)
    prefix = name[: -len(suffix)]
    if not 2 <= len(prefix) <= _MAX_PLACE_PREFIX or not CJK_RUN.fullmatch(name):
        return False
    if prefix[0] in _FUNCTION_CHARS or prefix[-1] in "区县市镇乡" or any(c in _GLUE_CHARS for c in prefix):
        return False  # "村由乡党委书记": jieba glued 村 + 由 + 乡 into one word
    generic = _generic_words()
    if name in generic or prefix in generic or prefix in _generic_prefixes():
        return False  # "街道社区", "党员离乡": a generic word or description before the place word
    if len(suffix) > 1:
        return not any(name.endswith(g) for g in generic if len(g) > len(suffix))
    return not any(name.endswith(g) for g in generic)


_PLACE_TAIL = re.compile(r"(?:社区|村|街道|镇|乡|园区|产业园|工业园|科技园|开发区|高新区|新区|区|县|市|旗|州|盟|省)$")
# The place words a name may end in when read from segmentation: banners, prefectures,
# leagues and provinces all come from the dictionary ("流动红旗" and "党建联盟" are no places).
_RULE_TAIL = re.compile(r"(?:社区|村|街道|镇|乡|园区|产业园|工业园|科技园|开发区|高新区|新区|区|县|市)$")
_NAME_FLAGS = ("ns", "n", "nz", "nr", "j", "nt", "an", "ng")
_GENERIC_LOCAL = re.compile(
    r"^(?:全|本|该|各|每|农|乡|城|山|新|老|这|那|其|所在|所属|城乡|农村|城市|美丽|文明|和谐|示范|试点|重点|社|园|"
    r"小|辖|片|街|市|县|区|镇|村|两新|驻|进)$"
)


@lru_cache(maxsize=1)
def _generic_prefixes() -> frozenset[str]:
    return data_words("place_generic_prefixes.txt")


@cache
def _long_generic_words() -> tuple[str, ...]:
    """Generic words of four characters or more (美丽乡村, 和美乡村): no place is read inside one."""
    return tuple(w for w in _generic_words() if len(w) >= 4)


def without_leading_division(name: str) -> str:
    """``name`` without a division's name or unique short form it opens with (宁波昱衡 → 昱衡,
    椒江海帆 → 海帆), when two or more characters of its own remain; else ``name`` itself."""
    table = _lookup()
    for size in range(min(len(name) - 2, 6), 1, -1):
        entry = table.get(name[:size])
        if entry is not None and (entry[1] or len(entry[0]) == 1):
            return name[size:]
    return name


def _city_short_form(word: str) -> bool:
    """True for the short form of exactly one province or prefecture-level city (银川, 昆明)."""
    entry = _lookup().get(word)
    return entry is not None and not entry[1] and len(entry[0]) == 1 and entry[0][0].endswith("00")


@lru_cache(maxsize=1)
def _road_words() -> tuple[str, ...]:
    """Words a street name goes on with after a city's name (长春路, 南京东路): no place after it."""
    return tuple(data_words("place_road_words.txt"))


@lru_cache(maxsize=1)
def _former_marks() -> frozenset[str]:
    """Lone 原/现 before a place: the place as it was or is, not a piece of its name."""
    return data_words("place_former_marks.txt")


@lru_cache(maxsize=1)
def _land_chars() -> frozenset[str]:
    """Characters of the land village names are made of (湾, 塘, 坪): never a verb inside a name."""
    return data_words("place_name_chars.txt")


@lru_cache(maxsize=1)
def _leading_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that open southern village names (那, 弄): a name's syllable, not a
    demonstrative; and the one-character names they do not open (东, 新: 那东村 is 那 + 东村)."""
    lines = data_lines("place_leading_chars.txt")
    opening = " ".join(line for line in lines if not line.startswith("!")).split()
    not_before = " ".join(line[1:] for line in lines if line.startswith("!")).split()
    return frozenset(opening), frozenset(not_before)


@lru_cache(maxsize=1)
def _name_locatives() -> frozenset[str]:
    return data_words("place_name_locatives.txt")


#: Locatives that follow a document word (报告里, 文章中) and that jieba glues to the name after them.
_DOCUMENT_LOCATIVES = frozenset("里中内")


@lru_cache(maxsize=1)
def _document_words() -> tuple[str, ...]:
    """Words for a document (报告, 文章, 简报): a locative after one (报告里) is the document's."""
    return tuple(sorted(data_words("document_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _opening_locatives() -> frozenset[str]:
    """Locatives that open a village's two-character name (下窑村, 前营村)."""
    return data_words("place_opening_locatives.txt")


def question_places(text: str) -> list[str]:
    """Places a short text (cached; see :func:`_question_places`)."""
    return list(_question_places(text))


def _named_before(token: tuple[int, str, str], found: dict[str, int]) -> bool:
    """True when a token of two or more characters could be a place's own name (金山 of
    金山工业园区): a noun or name, not itself a place or a generic word."""
    _, word, flag = token
    return (len(word) >= 2 and CJK_RUN.fullmatch(word) is not None and flag.startswith(_NAME_FLAGS)
            and not _PLACE_TAIL.search(word) and word not in found and word not in _generic_prefixes()
            and word not in _generic_words())


def _generic_with_prefix(word: str) -> bool:
    """True for a generic place word behind a generic prefix (所在|城市, 各|乡镇)."""
    return any(word[:i] in _generic_prefixes() and word[i:] in _generic_words() for i in range(1, len(word) - 1))


@lru_cache(maxsize=8192)
def _question_places(text: str) -> tuple[str, ...]:
    """Places a short text (a question) names, in order of appearance.

    Districts and cities come from :func:`extract_places`; streets, towns, communities,
    villages and parks (``<name>街道/镇/社区/村/园区``) and districts it misses are read from
    jieba's segmentation: a run of one to three name-like tokens (nouns, place names) ending
    in a place word, never starting with a verb or function word.

    Args:
        text: A question or a sentence, either script.

    Returns:
        Place names in simplified script.
    """
    simplified = normalize(text)
    found: dict[str, int] = {p: simplified.find(p) for p in extract_places(simplified)}
    quoted = [m.span() for m in _QUOTED.finditer(simplified)]
    tokens = []
    offset = 0
    # "白鹤岭村党委": cut a place word from the organisation after it, so jieba sees the name.
    # "翠箐村村集体": jieba reads 村村 as one word; cut after the village's own place word too.
    segmented = re.sub(r"(村|社区|街道|镇|乡)(?=党|两委|村委|居委|委会|村(?:集体|民|干部|级|务|小组|里))",
                       r"\1 ", simplified)
    # "梨溪镇上坪村": jieba reads 镇上 as a word; cut after a town or district word that a
    # village or community name follows closely.
    segmented = _cut_after_towns(segmented)
    for pair in _posseg().cut(segmented):
        if len(pair.word) == 2 and pair.word[0] in "镇乡" and pair.flag.startswith("v") and tokens \
                and len(tokens[-1][1]) >= 2 and tokens[-1][2].startswith(_NAME_FLAGS):
            # "下溪/镇建/了": jieba glues the town word to the verb after it; cut it off again.
            tokens.append((offset, pair.word[0], "n"))
            tokens.append((offset + 1, pair.word[1], "v"))
        elif pair.word == "道" and tokens and len(tokens[-1][1]) >= 3 and tokens[-1][1].endswith("街") \
                and tokens[-1][2].startswith(_NAME_FLAGS):
            # "柳荫街/道": jieba reads the street word's first character into the name; give it back.
            at, name, name_flag = tokens.pop()
            tokens.append((at, name[:-1], name_flag))
            tokens.append((at + len(name) - 1, "街道", "n"))
        else:
            tokens.append((offset, pair.word, pair.flag))
        offset += len(pair.word)
    for i, (_, word, flag) in enumerate(tokens):
        tail = _RULE_TAIL.search(word)
        if not tail or not CJK_RUN.fullmatch(word):
            continue
        tail_text = tail.group()
        # "金山/工业园区", "白沙/经济/开发区": a generic park word (工业园区, 经济开发区) behind a
        # name is that name's park; the generic words are the place word.
        lead = i
        while lead > 0 and i - lead < 2 and tokens[lead - 1][1] in _generic_prefixes() and len(tokens[lead - 1][1]) >= 2:
            lead -= 1
        park = word if tail.start() >= 2 and word[: tail.start()] in _generic_prefixes() else (
            word if lead < i and word in _generic_words() and len(word) >= 3 else "")
        if (park and lead > 0 and not flag.startswith(("v", "p", "d", "c", "u", "r", "m", "q"))
                and (lead < i or word not in _generic_words()) and _named_before(tokens[lead - 1], found)):
            tail_text = "".join(t[1] for t in tokens[lead:i]) + word
            pieces, j = [], lead - 1
        elif tail.start() > 0 and (flag.startswith(("v", "p", "d", "c", "u", "r", "m", "q"))
                                   or word[: tail.start()] in _generic_prefixes() or word in _generic_words()
                                   or word[: tail.start()] in _generic_words()
                                   or _generic_with_prefix(word)):
            continue  # "进村", "乡村", "城市", "所在城市", "各乡镇": a verb, function or generic word
        else:
            pieces, j = ([] if tail.start() == 0 else [word[: tail.start()]]), i - 1
        while j >= 0 and len(pieces) < 3:
            _, prev, prev_flag = tokens[j]
            if not CJK_RUN.fullmatch(prev) or _PLACE_TAIL.search(prev) or prev in found:
                break
            whole = "".join(pieces) + tail_text
            if len(whole) >= 3 and _lookup().get(whole, ((), False))[1] and whole not in _ambiguous_names():
                break  # "国有企业/石嘴山/市": a division's full name is whole; the words before it are no part
            if len("".join(pieces)) >= 2 and _city_short_form(prev) and not pieces[0].startswith(_road_words()):
                found.setdefault(prev, tokens[j][0])
                break  # "银川枸杞里社区": the city's short form, then the community (长春路社区 is one name)
            if prev in _former_marks() and (not pieces or len("".join(pieces)) >= 2):
                break  # "在原石桥村": the former 石桥村 (原龙村 keeps its one-character name)
            single = len(prev) == 1 and prev not in _FUNCTION_CHARS
            if single and _measure_after_demonstrative(tokens, j):
                break
            # A rare name is split into single characters (鸢/飞/街道): a lone verb counts
            # only when the token before it is a single character too.
            lone_verb = single and prev_flag == "v" and j > 0 and len(tokens[j - 1][1]) == 1 \
                and tokens[j - 1][1] not in _FUNCTION_CHARS and CJK_RUN.fullmatch(tokens[j - 1][1])
            # "兰馨/里/社区", "坝/下/村": a locative right before a community or village word ends its name.
            name_end = single and j == i - 1 and tail.start() == 0 and tail_text in ("社区", "村", "居民区") \
                and prev in _name_locatives() and j > 0 and tokens[j - 1][2].startswith(_NAME_FLAGS)
            # "沙枣/湾/村": jieba reads a land character as a verb; it is the name's last syllable
            land = single and j == i - 1 and tail.start() == 0 and prev in _land_chars() and j > 0 \
                and tokens[j - 1][2].startswith(_NAME_FLAGS)
            # "那/涟村": a southern name's first syllable jieba reads as a demonstrative or verb
            leading = len("".join(pieces)) == 1 and prev in _leading_chars()[0] \
                and "".join(pieces) not in _leading_chars()[1]
            # "松映/街道": a word jieba's dictionary lacks, made up by its HMM and tagged as a verb,
            # is a rare name, not a verb (加强社区, 服务社区: dictionary verbs stay verbs)
            # — where a name may start: at the opening, after a mark or after another place
            # (河/涌穿/社区而过 is a river running through the community)
            coined = j == i - 1 and len(prev) >= 2 and prev_flag.startswith("v") and not _word_frequencies().get(prev) \
                and (j == 0 or not CJK_RUN.fullmatch(tokens[j - 1][1]) or tokens[j - 1][1] in found
                     or bool(_PLACE_TAIL.search(tokens[j - 1][1])))
            # "霁/松/街道" at the opening: the first of a rare name's single characters, read as a
            # verb too, where no other word can stand before it
            opening = single and prev_flag.startswith("v") and len(pieces) == 1 and len(pieces[0]) == 1 \
                and j == i - 2 and tail.start() == 0 and (j == 0 or not CJK_RUN.fullmatch(tokens[j - 1][1]))
            # "柏岘镇/下/窑/村": a locative jieba splits off opens a village's two-character name
            # right after the town, a mark or the opening (下窑村, 前营村)
            locative = single and prev in _opening_locatives() and len("".join(pieces)) == 1 \
                and tail_text in ("社区", "村") and (j == 0 or not CJK_RUN.fullmatch(tokens[j - 1][1])
                                                    or tokens[j - 1][1] in found or bool(_PLACE_TAIL.search(tokens[j - 1][1])))
            name_like = prev_flag.startswith(_NAME_FLAGS) or lone_verb or name_end or land or leading or coined \
                or opening or locative or (
                single and not prev_flag.startswith(("p", "c", "u", "d", "v", "r", "m", "f", "q")))
            if not name_like:
                break
            pieces.insert(0, prev)
            j -= 1
        name = "".join(pieces)
        full = name + tail_text
        if (len(name) < 2 or _GENERIC_LOCAL.match(name) or name in _generic_prefixes() or full in found
                or any(c in _GLUE_CHARS for c in name)
                or any(p in _generic_prefixes() for p in pieces if len(p) >= 2 or p is pieces[-1])
                or full in _generic_words()
                or (len(tail_text) == 1 and full[-2:] in _generic_words())  # 老牌商业街|区: a 街区
                or any(full in g and g in simplified for g in _long_generic_words())):
            continue
        start = tokens[j + 1][0]
        if any(a <= start < b for a, b in quoted):
            continue  # "是当地有名的“苹果村”": a nickname in quotation marks is no place
        if len(name) >= 3:
            start, full = _without_document_locative(simplified, start, full)  # 调研报告/里漳晖/街道
        found[full] = start
    # Drop names that only glue a known place to another ("樊城区鹿鸣街道" when both parts are known).
    names = sorted(found, key=lambda p: found[p])
    names = [n for n in names if not any(n != m and n.startswith(m) and n[len(m):] in found for m in names)]
    # A name found only ever inside a longer one is a piece of it (河湾街道 of 藉河湾街道) — unless
    # the longer one is a known place's name glued before it (晋江东溪社区 is 晋江 + 东溪社区).
    table = _lookup()

    def glued(longer: str, shorter: str) -> bool:
        return longer.endswith(shorter) and longer[: len(longer) - len(shorter)] in table

    inside = {n for n in names for m in names
              if n != m and n in m and simplified.count(n) == simplified.count(m) and not glued(m, n)}
    pieces_of = {m for n in names for m in names if n != m and n in m and glued(m, n)}
    return tuple(n for n in names if n not in inside and n not in pieces_of)
