"""Extractive answers: the best 1–4 source sentences, each followed by its citation ``[n]``.

No language model is needed. Sentences of the top passages are scored against the
question (idf-weighted term overlap, the passage's search rank, a bonus for numbers when
the question asks for a quantity); redundant sentences are dropped; each distinct
passage gets one citation number. When the evidence is weak (too little of the question
is covered, or the question names a place or year the passage does not mention), the
answer says so and lists the closest passages instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partyqa.records import Answer, Citation, Hit
from partyqa.text.normalize import normalize
from partyqa.text.segment import tokenize
from partyqa.text.sentences import split_sentences
from partyqa.text.shingles import REPEATED_SENTENCE, jaccard, shingles
from retrieval.followup import places_in

_QUANTITY = re.compile(r"多少|几[个名家项次人条万亿年]|几|比例|比重|占比|百分|覆盖率|增长|总额|金额|面积|数量|规模|人数|投入|资金")
_YEAR = re.compile(r"(\d{4})\s*年")
_UNITS = "个|名|人次|人|户|处|件|次|本|项|家|间|所|条|位|天|分钟|小时|周|亿元|万元|元|平方米|㎡|亩|%|期|级|批|号线|岁"
_ASKED_UNIT = re.compile(rf"(?:多少|几)({_UNITS})")
# A counted number: digits (optionally with 余/多/万/亿) followed by a unit, not a date part.
_COUNTED = re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?\s*(?:{_UNITS}|[个名人户处件次本项家间])")
_MONEY = re.compile(r"资金|经费|钱|花费|投入|投资|补偿|拨款|基金|预算")
_AREA = re.compile(r"面积")
_SHARE = re.compile(r"比例|比重|占比|百分|覆盖率|多大比")
_EQUIVALENT = {"人": "人|名", "名": "名|人|位", "位": "位|名|人", "个": "个", "人次": "人次", "元": "元|万|亿"}
_NUMERAL = r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+)"


@dataclass
class AnswerParams:
    """Tunable knobs of the extractive answerer.

    Attributes:
        passages: How many top hits are mined for sentences.
        max_sentences: Most sentences in an answer.
        keep_ratio: A sentence is kept if its score is at least this share of the best.
        min_coverage: Least idf-weighted share of question terms that the best passage
            must contain for the answer to count as found.
        min_sentence_coverage: Least share of question terms in the best sentence.
    """

    passages: int = 5
    max_sentences: int = 3
    keep_ratio: float = 0.75
    min_coverage: float = 0.05
    min_sentence_coverage: float = 0.0


@dataclass
class _Scored:
    """A candidate sentence."""

    hit_rank: int
    start: int
    end: int
    score: float
    coverage: float


class Answerer:
    """Turns search hits into an :class:`Answer`."""

    def __init__(self, idf: dict[str, float], params: AnswerParams | None = None):
        self.idf = idf
        self.params = params or AnswerParams()
        self._max_idf = max(idf.values(), default=1.0)

    def weights(self, question: str) -> dict[str, float]:
        """Question terms with their idf weights (terms unseen in the corpus weigh most)."""
        return {t: self.idf.get(t, self._max_idf * 1.2) for t in set(tokenize(question))}

    def coverage(self, weights: dict[str, float], text: str) -> float:
        """idf-weighted share of the question terms present in ``text``."""
        total = sum(weights.values())
        if total <= 0:
            return 0.0
        norm = normalize(text)
        return sum(w for t, w in weights.items() if t in norm) / total

    def answer(self, question: str, resolved: str, hits: list[Hit]) -> Answer:
        """Build the answer to ``resolved`` (the question after follow-up resolution)."""
        weights = self.weights(resolved)
        hits = self._prefer_places(resolved, hits)
        if not hits or not weights:
            return self._not_found(question, resolved, hits)
        best = hits[0]
        context = " ".join([best.text, best.title, best.section, best.district])
        passage_cov = self.coverage(weights, context)
        if passage_cov < self.params.min_coverage or self._mismatch(resolved, best):
            return self._not_found(question, resolved, hits)
        # Only passages that support the question's places and years may contribute.
        usable = [h for h in hits if not self._mismatch(resolved, h)]
        sentences = self._candidates(resolved, weights, usable)
        unit = asked_unit(resolved)
        if unit is not None:
            sentences = [s for s in sentences if _has_quantity(usable[s.hit_rank].text[s.start : s.end], unit)]
        if not sentences:
            return self._not_found(question, resolved, hits)
        chosen = self._select(sentences, usable)
        if not chosen or chosen[0].coverage < self.params.min_sentence_coverage:
            return self._not_found(question, resolved, hits)
        return self._compose(question, resolved, usable, chosen)

    def _candidates(self, question: str, weights: dict[str, float], hits: list[Hit]) -> list[_Scored]:
        """Score every sentence of the top passages."""
        wants_number = bool(_QUANTITY.search(normalize(question)))
        top_score = max(max(h.score for h in hits), 1e-6)
        out = []
        for rank, hit in enumerate(hits[: self.params.passages]):
            prior = max(hit.score, 0.0) / top_score
            for span in split_sentences(hit.text):
                sentence = hit.text[span.start : span.end]
                if len(sentence) < 3:
                    continue
                cov = self.coverage(weights, sentence)
                score = 0.65 * cov + 0.35 * prior
                if wants_number and _COUNTED.search(normalize(sentence)):
                    score += 0.15
                out.append(_Scored(rank, span.start, span.end, score, cov))
        return sorted(out, key=lambda s: -s.score)

    def _select(self, sentences: list[_Scored], hits: list[Hit]) -> list[_Scored]:
        """The best sentence plus close runners-up that add something new."""
        best = sentences[0]
        chosen = [best]
        seen = [shingles(hits[best.hit_rank].text[best.start : best.end])]
        for cand in sentences[1:]:
            if len(chosen) >= self.params.max_sentences or cand.score < self.params.keep_ratio * best.score:
                break
            sh = shingles(hits[cand.hit_rank].text[cand.start : cand.end])
            if any(jaccard(sh, s) > REPEATED_SENTENCE for s in seen):
                continue
            chosen.append(cand)
            seen.append(sh)
        return chosen

    def _prefer_places(self, question: str, hits: list[Hit]) -> list[Hit]:
        """Move passages that mention every place of the question to the front (stable)."""
        places = places_in(question)
        if not places:
            return hits
        return sorted(hits, key=lambda h: not all(p in normalize(" ".join([h.text, h.section, h.district, h.title]))
                                                  for p in places))

    def _mismatch(self, question: str, hit: Hit) -> bool:
        """True if the question names a place or year that the passage does not support."""
        where = normalize(" ".join([hit.text, hit.section, hit.district, hit.title]))
        for place in places_in(question):
            if place not in where:
                return True
        years = _YEAR.findall(normalize(question))
        return any(y not in where and not hit.date.startswith(y) for y in years)

    def _compose(self, question: str, resolved: str, hits: list[Hit], chosen: list[_Scored]) -> Answer:
        """Assemble the answer text with one citation number per passage."""
        numbers: dict[int, int] = {}
        spans: dict[int, list[_Scored]] = {}
        parts = []
        for s in sorted(chosen, key=lambda c: (c.hit_rank, c.start)):
            n = numbers.setdefault(s.hit_rank, len(numbers) + 1)
            spans.setdefault(s.hit_rank, []).append(s)
            parts.append(f"{hits[s.hit_rank].text[s.start:s.end].strip()}[{n}]")
        citations = []
        for rank, n in sorted(numbers.items(), key=lambda kv: kv[1]):
            hit = hits[rank]
            group = spans[rank]
            citations.append(citation_for(n, hit, min(g.start for g in group), max(g.end for g in group)))
        return Answer(question=question, resolved_question=resolved, text="".join(parts), found=True,
                      citations=citations, hits=hits)

    def _not_found(self, question: str, resolved: str, hits: list[Hit]) -> Answer:
        """The refusal: say plainly that the articles do not contain it, list closest passages."""
        text = f"资料中没有找到关于“{resolved}”的内容。"
        if hits:
            lines = [f"{i}. 《{h.title}》{_where(h)}" for i, h in enumerate(hits[:3], 1)]
            text += "最接近的段落来自：\n" + "\n".join(lines)
        return Answer(question=question, resolved_question=resolved, text=text, found=False, hits=hits)


def asked_unit(question: str) -> str | None:
    """What kind of quantity a question asks for.

    Returns:
        A unit regex alternative (``"个"``, ``"名|人"``, ``"元"``, ``"%"`` …), ``""`` for a
        number of any unit, or None when the question does not ask for a quantity.
    """
    q = normalize(question)
    if _SHARE.search(q):
        return "%"
    if _MONEY.search(q) and re.search(r"多少|多大|几", q):
        return _EQUIVALENT["元"]
    if _AREA.search(q):
        return "平方米|㎡|亩"
    m = _ASKED_UNIT.search(q)
    if m:
        return _EQUIVALENT.get(m.group(1), m.group(1))
    if re.search(r"多少|几[^乎]", q):
        return ""
    return None


def _has_quantity(sentence: str, unit: str) -> bool:
    """True if ``sentence`` states a number of the asked ``unit`` (any unit when empty)."""
    norm = normalize(sentence)
    if not unit:
        return bool(_COUNTED.search(norm))
    return bool(re.search(rf"{_NUMERAL}\s*(?:余|多)?\s*(?:万|亿)?\s*(?:{unit})", norm))


def _where(hit: Hit) -> str:
    """``（publisher，date，section）`` for a hit, leaving out empty parts."""
    parts = [p for p in (hit.publisher, hit.date, hit.section or hit.district) if p]
    return f"（{'，'.join(parts)}）" if parts else ""


def citation_for(n: int, hit: Hit, start: int, end: int) -> Citation:
    """A citation of ``hit.text[start:end]``."""
    return Citation(
        n=n, doc_id=hit.doc_id, chunk_id=hit.chunk_id, title=hit.title, publisher=hit.publisher,
        date=hit.date, text=hit.text, start=start, end=end, section=hit.section,
        district=hit.district, source=hit.source, passage_start=hit.start, passage_end=hit.end, page=hit.page,
    )
