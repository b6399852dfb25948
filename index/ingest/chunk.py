"""Sentence-aware chunking of article text into passages with character offsets."""

from __future__ import annotations

import re

from partyqa.records import Article, Chunk, content_hash
from partyqa.text.normalize import normalize
from partyqa.text.sentences import Span, split_sentences


def _split_long(span: Span, max_chars: int) -> list[Span]:
    """Cut a sentence longer than ``max_chars`` at commas, else at fixed width."""
    pieces: list[Span] = []
    start = span.start
    while span.end - start > max_chars:
        cut = start + max_chars
        pieces.append(Span(start, cut))
        start = cut
    pieces.append(Span(start, span.end))
    return pieces


def _units(text: str, start: int, end: int, max_chars: int) -> list[Span]:
    """Sentences of a region, with over-long ones cut at clause boundaries."""
    units: list[Span] = []
    for span in split_sentences(text, start, end):
        if span.end - span.start <= max_chars:
            units.append(span)
            continue
        # Prefer clause boundaries (，、：) inside an over-long sentence.
        clause = re.compile(r"[，,、：:]")
        pos = span.start
        last_cut = span.start
        for m in clause.finditer(text, span.start, span.end):
            if m.end() - last_cut > max_chars and pos > last_cut:
                units.extend(_split_long(Span(last_cut, pos), max_chars))
                last_cut = pos
            pos = m.end()
        units.extend(_split_long(Span(last_cut, span.end), max_chars))
    return units


def pack(units: list[Span], target: int, max_chars: int, overlap: bool = True) -> list[Span]:
    """Group consecutive sentences into passages of about ``target`` characters.

    A passage is closed when adding the next sentence would exceed ``max_chars`` or once
    it has reached ``target``; the next passage starts with the last sentence of the
    previous one (one-sentence overlap) unless that sentence alone fills it.

    Args:
        units: Sentence spans in order.
        target: Preferred passage length in characters.
        max_chars: Hard maximum passage length (except for a single over-long unit).
        overlap: Repeat the last sentence of a passage at the start of the next.

    Returns:
        Passage spans covering all units.
    """
    passages: list[Span] = []
    i = 0
    n = len(units)
    while i < n:
        j = i
        start = units[i].start
        while j + 1 < n and units[j + 1].end - start <= max_chars and units[j].end - start < target:
            j += 1
        passages.append(Span(start, units[j].end))
        if j + 1 >= n:
            break
        # One-sentence overlap, but always make progress.
        i = j if overlap and j > i and units[j].end - units[j].start < target // 2 else j + 1
    return passages


def _merge_short_tail(passages: list[Span], min_chars: int, max_chars: int) -> list[Span]:
    """Merge a too-short last passage into the previous one when it fits."""
    if len(passages) >= 2:
        last, prev = passages[-1], passages[-2]
        if last.end - last.start < min_chars and last.end - prev.start <= max_chars:
            passages[-2:] = [Span(prev.start, last.end)]
    return passages


def chunk_article(
    article: Article, min_chars: int = 150, target: int = 260, max_chars: int = 350
) -> list[Chunk]:
    """Split an article into passages, section by section.

    Args:
        article: The cleaned article.
        min_chars: A trailing passage shorter than this is merged into the previous one.
        target: Preferred passage length.
        max_chars: Maximum passage length (a single sentence longer than this is cut).

    Returns:
        Chunks with offsets into ``article.text`` and the article's metadata.
    """
    text = article.text
    regions = _regions(article)
    chunks: list[Chunk] = []
    # A bulletin about several districts has no single main place; its sections carry theirs.
    main_place = article.places[0] if article.places and not article.sections else ""
    for start, end, heading, district in regions:
        units = _units(text, start, end, max_chars)
        spans = _merge_short_tail(pack(units, target, max_chars), min_chars, max_chars)
        for span in spans:
            passage = text[span.start : span.end]
            chunk = Chunk(
                    id=content_hash(f"{article.doc_id}\x00{span.start}\x00{passage}"),
                    doc_id=article.doc_id,
                    ordinal=len(chunks),
                    start=span.start,
                    end=span.end,
                    text=passage,
                    search_text=normalize(passage),
                    section=heading,
                    district=district or main_place,
                    title=article.title,
                    date=article.date,
                    publisher=article.publisher,
                    source=article.source,
                    places=list(article.places),
                    page=article.page_at(span.start),
                )
            chunk.embed_hash = content_hash(embedding_input(chunk))
            chunks.append(chunk)
    return chunks


def embedding_input(chunk: Chunk) -> str:
    """Text given to the embedding model for a chunk: title/section context plus passage."""
    context = chunk.section or chunk.title
    if context and not chunk.search_text.startswith(normalize(context)):
        return f"{normalize(context)}\n{chunk.search_text}"
    return chunk.search_text


def _regions(article: Article) -> list[tuple[int, int, str, str]]:
    """Split the article into (start, end, heading, district) regions by its sections."""
    text = article.text
    if not article.sections:
        return [(0, len(text), "", "")]
    regions: list[tuple[int, int, str, str]] = []
    first = min(s.start for s in article.sections)
    if text[:first].strip():
        regions.append((0, first, "", ""))
    for sec in sorted(article.sections, key=lambda s: s.start):
        regions.append((sec.start, sec.end, sec.heading, sec.district))
    return regions
