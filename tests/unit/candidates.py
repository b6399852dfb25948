"""Shared helpers for the answer-rule tests: the scored candidates of one invented passage, and
a number span of a sentence."""

from __future__ import annotations

from partyqa.records import Hit
from retrieval.answer.evidence import Weights, score_candidates
from retrieval.answer.spans import Span, number_spans
from retrieval.question import analyze


def candidates_for(question: str, text: str, date: str = "2023-06-01") -> list:
    """Candidates of ``text`` (one passage, also the whole article) for the first part of ``question``."""
    part = analyze(question).parts[0]
    hit = Hit(chunk_id="c1", doc_id="d1", title="党建动态", publisher="南州日报", date=date,
              section="", text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")
    return score_candidates(part, question, [hit], Weights({}), 6, article_text=lambda _doc: text)


def span_in(sentence: str, figure: str) -> Span:
    """The number span of ``sentence`` written as ``figure``."""
    return next(s for s in number_spans(sentence) if s.text == figure)
