"""Chinese word segmentation for keyword search (jieba), with stopwords removed."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from partyqa.resources import data_lines
from partyqa.text.normalize import normalize

# Function words, question words and generic news words that carry no search signal.
STOPWORDS = frozenset(
    ["的", "了", "和", "与", "及", "以及", "或", "等", "是", "在", "对", "为", "把", "被", "将", "从", "向", "于", "也", "都", "还", "就", "又", "并", "而", "其", "之", "这", "那", "这个", "那个", "这些", "那些", "一个", "一些", "有", "没有", "着", "过", "个", "中", "上", "下", "里", "内", "外", "后", "前", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "哪", "哪些", "哪个", "哪里", "什么", "多少", "几", "几个", "怎么", "怎样", "如何", "为什么", "谁", "请问", "请", "一下", "是否", "有没有", "是不是", "请问一下", "你", "我", "我们", "他们", "它", "他", "她", "们", "该", "此", "各", "每", "所", "以", "让", "使", "给", "由", "到", "能", "会", "要", "可以", "已", "已经", "目前", "通过", "进行", "开展", "工作", "方面"]
)

_TOKEN_OK = re.compile(r"[0-9a-zA-Z\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def _jieba():
    """Return an initialized jieba module (dictionary loaded once, quietly)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for line in data_lines("jieba_user_dict.txt"):
        word, *tag = line.split()
        jieba.add_word(word, tag=tag[0] if tag else None)
    return jieba


@lru_cache(maxsize=1)
def posseg():
    """jieba's part-of-speech tagger, with the project's dictionary loaded."""
    _jieba()
    from jieba import posseg as tagger

    return tagger


@lru_cache(maxsize=4096)
def pos_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's tagged words of ``text`` as ``(start, end, tag)`` (cached)."""
    out, at = [], 0
    for token in posseg().lcut(text):
        out.append((at, at + len(token.word), token.flag))
        at += len(token.word)
    return tuple(out)


def tokenize(text: str, normalized: bool = False) -> list[str]:
    """Segment text into search terms.

    Uses jieba's search mode (long words plus their parts), lower-cases Latin
    letters, and drops punctuation, whitespace and stopwords. Numbers are kept whole.

    Args:
        text: Text in either script.
        normalized: True if ``text`` is already normalized (simplified, half-width).

    Returns:
        Terms in order of appearance (repeats kept, for term frequencies).
    """
    if not normalized:
        text = normalize(text)
    terms = []
    for tok in _jieba().cut_for_search(text):
        tok = tok.strip().lower()
        if not tok or tok in STOPWORDS or not _TOKEN_OK.search(tok):
            continue
        terms.append(tok)
    return terms


def numbers(text: str) -> set[str]:
    """Return the numbers written in ``text`` (e.g. ``{"416", "64.7"}``)."""
    return set(_NUMBER.findall(normalize(text)))


def words(text: str) -> list[str]:
    """jieba's precise segmentation of normalized ``text`` (no stopwords removed, no overlaps)."""
    return [w for w in _jieba().lcut(normalize(text)) if w.strip()]
