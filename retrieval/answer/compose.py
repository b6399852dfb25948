"""Composing an answer: sentences with one ``[n]`` per passage group, citations, the refusal text.

The sentence that answers leads. Consecutive chosen sentences of one passage share one
marker at their end, so the same ``[n]`` never stands twice in a row; a passage cited again
later keeps its number. Each citation records the exact answer span when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partyqa.records import Answer, Citation, Hit


@dataclass
class Quote:
    """A stretch of one passage quoted in an answer, with the answer span inside it (if any)."""

    hit: Hit
    start: int
    end: int
    answer_start: int = -1
    answer_end: int = -1


@dataclass
class PartAnswer:
    """What one part of a question got: quotes, or nothing (with a reason)."""

    question: str
    quotes: list[Quote] = field(default_factory=list)
    confidence: float = 0.0
    lead: str = ""

    @property
    def found(self) -> bool:
        return bool(self.quotes)


def citation_for(n: int, hit: Hit, start: int, end: int, answer_start: int = -1, answer_end: int = -1) -> Citation:
    """A citation of ``hit.text[start:end]`` (offsets within the passage)."""
    return Citation(
        n=n, doc_id=hit.doc_id, chunk_id=hit.chunk_id, title=hit.title, publisher=hit.publisher,
        date=hit.date, text=hit.text, start=start, end=end, section=hit.section,
        district=hit.district, source=hit.source, passage_start=hit.start, passage_end=hit.end, page=hit.page,
        answer_start=answer_start, answer_end=answer_end,
    )


def compose(question: str, resolved: str, parts: list[PartAnswer], hits: list[Hit]) -> Answer:
    """Join the answered parts into one text; a part with no quotes says so in one clause."""
    numbers: dict[str, int] = {}
    ranges: dict[str, list[int]] = {}
    spans: dict[str, tuple[int, int]] = {}
    by_chunk: dict[str, Hit] = {}
    pieces: list[str] = []
    quoted: set[tuple[str, int, int]] = set()
    quoted_text: set[str] = set()
    for part in parts:
        if not part.found:
            pieces.append(f"关于“{part.question.rstrip('？?')}”，资料中没有找到。")
            continue
        if part.lead:
            pieces.append(part.lead)
        previous = None
        for quote in part.quotes:
            key = quote.hit.chunk_id
            said = re.sub(r"\s+", "", quote.hit.text[quote.start:quote.end])
            if (key, quote.start, quote.end) in quoted or said in quoted_text:
                # two parts answered by one stretch (a table row), or by one sentence that two
                # overlapping passages hold: quoted once
                continue
            quoted.add((key, quote.start, quote.end))
            quoted_text.add(said)
            by_chunk[key] = quote.hit
            n = numbers.setdefault(key, len(numbers) + 1)
            lo_hi = ranges.setdefault(key, [quote.start, quote.end])
            lo_hi[0], lo_hi[1] = min(lo_hi[0], quote.start), max(lo_hi[1], quote.end)
            if quote.answer_start >= 0 and key not in spans:
                spans[key] = (quote.answer_start, quote.answer_end)
            sentence = quote.hit.text[quote.start:quote.end].strip()
            if previous == key and pieces and pieces[-1].endswith(f"[{n}]"):
                before = pieces[-1][: -len(f"[{n}]")]
                # lines without end punctuation (a table's heading and rows) stay lines
                joiner = "" if re.search(r"[。！？!?；;：:，,、…”’」）)]$", before) else "\n"
                pieces[-1] = before + joiner + sentence + f"[{n}]"
            else:
                pieces.append(f"{sentence}[{n}]")
            previous = key
    citations = [citation_for(n, by_chunk[key], *ranges[key], *spans.get(key, (-1, -1)))
                 for key, n in sorted(numbers.items(), key=lambda kv: kv[1])]
    found = any(p.found for p in parts)
    confidence = sum(p.confidence if p.found else 0.0 for p in parts) / max(1, len(parts))
    if not found:
        return not_found(question, resolved, hits, max((p.confidence for p in parts), default=0.0))
    return Answer(question=question, resolved_question=resolved, text="".join(pieces), found=True,
                  citations=citations, hits=hits, confidence=round(confidence, 4))


def _where(hit: Hit) -> str:
    """``（publisher，date，section）`` for a hit, leaving out empty parts."""
    parts = [p for p in (hit.publisher, hit.date, hit.section or hit.district) if p]
    return f"（{'，'.join(parts)}）" if parts else ""


def not_found(question: str, resolved: str, hits: list[Hit], confidence: float = 0.0) -> Answer:
    """The refusal: say plainly that the articles do not contain it, list the closest passages."""
    text = f"资料中没有找到关于“{resolved.rstrip('？?')}”的内容。"
    if hits:
        lines = [f"{i}. 《{h.title}》{_where(h)}" for i, h in enumerate(hits[:3], 1)]
        text += "最接近的段落来自：\n" + "\n".join(lines)
    return Answer(question=question, resolved_question=resolved, text=text, found=False, hits=hits,
                  confidence=round(confidence, 4))
