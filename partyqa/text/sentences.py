"""Sentence splitting with character offsets, shared by chunking and answering."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends after 。！？；… (plus closing quotes/brackets) or at a line break.
_SENT_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n+")


@dataclass(frozen=True)
class Span:
    """A sentence (or line) of the article: ``text[start:end]``."""

    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans with surrounding whitespace trimmed.

    Args:
        text: The full text.
        start: Offset where splitting starts.
        end: Offset where splitting ends (defaults to the end of ``text``).

    Returns:
        Non-empty spans in order; offsets refer to ``text``.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for match in _SENT_END.finditer(text, start, end):
        piece_end = match.start() if match.group().startswith("\n") else match.end()
        _add_trimmed(text, pos, piece_end, spans)
        pos = match.end()
    _add_trimmed(text, pos, end, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append ``text[start:end]`` without its leading/trailing whitespace, if not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


# A dateline that opens a news story's first sentence: "本报讯（记者 张三）", "新华社南昌8月2日电
# （记者 …）", "绵城网3月5日讯", "11月21日讯". It says who filed the story, not what happened: a
# month-day or a bracketed byline must stand with 电/讯 (回炉充电 is no dateline), or 报/网/刊 讯.
_DATELINE = re.compile(
    r"^[ \t\u3000]*(?:[^\s，。：:（(“”「」]{0,18}?\d{1,2}月\d{1,2}日(?:电|讯)"
    r"|[^\s，。：:（(“”「」]{0,18}?(?:电|讯)(?=[ \u3000]*[（(][^（）()]{0,40}(?:记者|通讯员|文|图|编辑|作者|特约|实习)[^（）()]{0,40}[）)])"
    r"|[^\s，。：:（(“”「」]{0,18}?(?:报|网|刊|台|社)讯)"
    r"(?:[ \u3000]*[（(][^（）()]{0,60}[）)])?[ \t\u3000]*"
)


def dateline_end(sentence: str) -> int:
    """Length of the dateline that opens ``sentence`` (0 if none)."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0

