"""Extractive answers: the source sentences that answer each part of a question, each cited.

No language model is needed. For every part of the question (:mod:`retrieval.question`) the
sentences of the best passages are scored by :mod:`retrieval.answer.evidence`; the part is
answered only by a sentence that carries the expected answer type tied to the focus, names
the asked place and year, and reaches the confidence of the operating point
(:attr:`AnswerParams.min_confidence`, chosen from the precision/coverage curve of
``partyqa eval``). Otherwise the answer says plainly that the articles do not contain it.
Questions about the article itself are answered from its metadata
(:mod:`retrieval.answer.facts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from partyqa.records import Answer, Article, Hit
from partyqa.text.normalize import normalize
from partyqa.text.shingles import REPEATED_SENTENCE, jaccard, shingles
from retrieval.answer import spans as sp
from retrieval.answer.compose import PartAnswer, Quote, compose, not_found
from retrieval.answer.evidence import Candidate, Weights, score_candidates, verb_listing
from retrieval.answer.facts import answer_fact
from retrieval.answer.model import load_model
from retrieval.answer.sections import MAX_HEADING, heading_items, level
from retrieval.answer.tables import table_rows, to_passage
from retrieval.question import Analysis, Part, analyze

Search = Callable[[str], list[Hit]]


@dataclass(frozen=True)
class AnswerParams:
    """Tunable knobs of the extractive answerer.

    Attributes:
        passages: How many top hits are mined for sentences.
        max_sentences: Most sentences quoted for one part (lists may use ``list_sentences``).
        list_sentences: Most sentences gathered for a list question.
        keep_ratio: A runner-up sentence is quoted if its score is at least this share of the best.
        min_confidence: Operating point: parts answered with less confidence are refused
            (None: the threshold shipped with the answer model).
        semantic_sentences: How many of the most promising sentences are compared with the
            question by meaning (the embedding model is the costly part of answering) and
            checked for place; the others cannot answer.
    """

    passages: int = 6
    max_sentences: int = 2
    list_sentences: int = 6
    keep_ratio: float = 0.85
    min_confidence: float | None = None
    semantic_sentences: int = 6


def fits(c: Candidate) -> bool:
    """A sentence that carries the asked type, names the asked place and agrees with the asked year."""
    return c.typed and c.places_ok and c.year_ok


#: A near miss: the asked thing is written only next to another place or year, or with a figure
#: set aside as a plan, another period, a per-unit figure or a subset (the best sentence that
#: fits holds ELSEWHERE_GAP less of the asked focus than one of those) and the best fitting
#: sentence holds less than ELSEWHERE_FOCUS of it. On the labelled sets the place and year case
#: refuses 11 unanswerable questions and the set-aside case 4 more, and neither a correctly
#: answered one.
ELSEWHERE_GAP, ELSEWHERE_FOCUS = 0.5, 0.5
#: A list question: an enumerating sentence within this share of the best score goes first.
LIST_RATIO = 0.7


def listing_first(part: Part, best: Candidate, cands: list[Candidate]) -> Candidate:
    """The sentence a list answer starts from: the best, unless it enumerates nothing and a fitting
    sentence nearly as strong (``LIST_RATIO``) enumerates three or more items (…“红色驿站”里灯火
    通明… before …设有党员活动室、商户议事厅、法律咨询角和职工休息区). A best sentence that
    announces its items (主要做法有三条：) stays, and so does any for a counted name (“三个一”);
    a page's field line (时间：… 作者：… 编辑：…) is no list."""
    announces = best.features.get("enum_open", 0.0) or re.search(r"[：:]", best.text)
    counted_name = re.search(r"“[^”]*[一二两三四五六七八九十][^”]*”", part.text)
    if not verb_listing(part, best.text) and not announces:
        # the items written with the verb the question asks them with (课程内容涵盖哪些方面 →
        # 内容涵盖党组织规范化建设、党建与业务融合、发展党员工作流程等), in the best sentence's article
        by_verb = [c for c in cands if c is not best and fits(c) and not c.headline and c.hit_rank == best.hit_rank
                   and verb_listing(part, c.text)]
        if by_verb:
            return max(by_verb, key=lambda c: c.score)
    if best.features.get("items", 0.0) >= 1.0 or announces or counted_name:
        return best
    listing = [c for c in cands if c is not best and fits(c) and c.features.get("items", 0.0) >= 1.0
               and c.score >= LIST_RATIO * best.score and not c.headline and len(re.findall(r"[：:]", c.text)) < 2]
    return listing[0] if listing else best


def heading_line(c: Candidate, hit: Hit) -> bool:
    """True when the candidate is a numbered heading standing on its own line (三、长风乡：“三个一批”
    储备村级后备力量): it names a section, it lists nothing."""
    text = c.text.strip()
    return (level(text) > 0 and len(text) <= MAX_HEADING and not re.search(r"[。！？!?；;]$", text)
            and hit.text[c.end:c.end + 1] in ("", "\n"))


def section_listing(heading: Candidate, cands: list[Candidate], hit: Hit) -> Candidate | None:
    """The strongest fitting sentence under a heading, before the next one, that enumerates three
    or more items (长风乡通过“回引一批、培养一批、选派一批”的方式…), or None."""
    under = [c for c in cands if c.hit_rank == heading.hit_rank and c.start > heading.start and fits(c)
             and c.features.get("items", 0.0) >= 1.0 and not c.headline
             and not any(level(line) > 0 for line in hit.text[heading.end:c.start].split("\n")[1:])]
    return max(under, key=lambda c: c.score, default=None)


def written_short_at_asked_place(best: Candidate) -> bool:
    """True when a figure's sentence names the asked place and writes the asked thing short, in
    the asked unit, leaving out a word that goes without saying ("桦苑社区…社区完成改造96户" after
    "街道已完成适老化改造412户", 适老化 written in the title): the full name next to another
    place's figure is no near miss of it."""
    f = best.features
    return bool(f.get("t_number") and f.get("own_place") and f.get("modifier_miss") and f.get("modifier_implied")
                and f.get("unit_exact") and not best.headline
                and f.get("focus_elsewhere", 0.0) >= f.get("focus_demoted", 0.0))


def near_miss(best: Candidate) -> bool:
    """True when the best fitting candidate holds little of the asked thing, which another
    sentence states for another place or year, or as a plan, another period or a part."""
    if written_short_at_asked_place(best):
        return False
    gap = max(best.features.get("focus_elsewhere", 0.0), best.features.get("focus_demoted", 0.0))
    return gap >= ELSEWHERE_GAP and best.cov_focus < ELSEWHERE_FOCUS


def confidence(cands: list[Candidate]) -> float:
    """How sure the answerer is that the best candidate answers the part (0-1): the answer
    model's gate, given the best fitting candidate and its lead over the runner-up; 0 for a
    near miss (the asked thing stated only for another place or year)."""
    fitting = [c for c in cands if fits(c)]
    if not fitting:
        return 0.0
    if near_miss(fitting[0]):
        return 0.0
    # The gate judges the strongest fitting candidate: a list's announcing sentence or the
    # figure next to the asked thing may be put first although an item of the same list
    # scores higher, and that item is no rival.
    first = fitting[0]
    fitting.sort(key=lambda c: -c.score)
    runner_up = fitting[1].score if len(fitting) > 1 else 0.0
    conf = load_model().confidence(fitting[0].features, fitting[0].score, runner_up)
    if first.features.get("list_anchor") and not fitting[0].features.get("list_anchor"):
        # The sentence where the asked items stand (“五必访”：家有病人必访、…) is put first over a
        # higher-scoring one that names no item of the head (a section heading, an annex line):
        # the gate may judge the anchor too, against the other anchors only.
        rivals = [c.score for c in fitting if c is not first and c.features.get("list_anchor")]
        conf = max(conf, load_model().confidence(first.features, first.score, max(rivals, default=0.0)))
    return round(conf, 4)


class Answerer:
    """Turns search hits into an :class:`Answer`."""

    def __init__(self, idf: dict[str, float], params: AnswerParams | None = None, embed=None,
                 articles: dict[str, Article] | None = None, hit_at=None, following=None):
        """Create the answerer of one index snapshot.

        Args:
            idf: Inverse document frequencies of the terms (BM25 vocabulary).
            params: Knobs.
            embed: ``embed(texts, query=False)`` → vectors (sentence meaning); None to skip.
            articles: Articles by id (for questions about an article).
            hit_at: ``hit_at(doc_id, offset)`` → the passage holding that offset.
            following: ``following(hit)`` → the next passage of the same article, or None.
        """
        self.weights = Weights(idf)
        self.params = params or AnswerParams()
        self.embed = embed
        self.articles = articles or {}
        self.hit_at = hit_at or (lambda doc_id, offset: None)
        self.following = following or (lambda hit: None)

    def answer(self, question: str, resolved: str, hits: list[Hit], search: Search | None = None,
               analysis: Analysis | None = None) -> Answer:
        """Answer ``resolved`` (the question after follow-up resolution).

        Args:
            question: The question as asked.
            resolved: The self-contained question.
            hits: Passages found for ``resolved``.
            search: Finds passages for a sub-question of a multi-part question.
            analysis: The analysis of ``resolved`` (computed when omitted).
        """
        analysis = analysis or analyze(resolved)
        parts: list[PartAnswer] = []
        for i, part in enumerate(analysis.parts):
            part_hits = hits if (i == 0 and len(analysis.parts) == 1) or search is None else search(part.text)
            cited = next((q.hit.doc_id for p in reversed(parts) for q in p.quotes), "")
            if cited and part.subjectless:
                # "…组建时有多少名队员？现在发展到多少名？": a later part that names nothing of its own
                # asks about what the first part was answered from.
                same = [h for h in part_hits + hits if h.doc_id == cited]
                part_hits = list({h.chunk_id: h for h in same}.values()) or part_hits
            parts.append(self.answer_part(part, part_hits, cited))
        if not any(p.found for p in parts):
            return not_found(question, resolved, hits, max((p.confidence for p in parts), default=0.0))
        return compose(question, resolved, parts, hits)

    def answer_part(self, part: Part, hits: list[Hit], cited: str = "") -> PartAnswer:
        """The quotes answering one part, or an empty answer carrying the best rejected confidence
        (``cited``: the article an earlier part of the same question cited)."""
        if part.article_fact:
            answered = answer_fact(part, hits, self.articles, self.hit_at, cited)
            if answered.found or not hits or (part.answer_type == "person" and part.article_fact != "field") \
                    or part.article_fact in ("dateline", "copies", "signer"):
                # the page's people (记者, 编辑, 摄影) are read from its bylines and credit lines;
                # one it does not name is not found in a sentence about another role; a story with
                # no wire dateline is not given a place from its sentences, a page that prints no
                # 共印 line no copies from a figure of leaflets, a document with no signature no
                # 落款 from a body its sentences name; a field the page writes no line
                # for (联系人是谁) may still be named in a sentence
                return answered
        if not hits:
            return PartAnswer(part.text)
        cands = score_candidates(part, part.text, hits, self.weights, self.params.passages, self.embed,
                                 self._article_text, semantic_top=self.params.semantic_sentences)
        threshold = self.params.min_confidence if self.params.min_confidence is not None else load_model().threshold
        best = cands[0] if cands else None
        conf = confidence(cands) if cands else 0.0
        if part.answer_type == "list" and (section := self._section_list(part, hits, best)):
            # the items under the heading the question names (三、2024年工作打算 → （一）…（三）…)
            return PartAnswer(part.text, section, confidence=max(conf, threshold))
        if best is None:
            return PartAnswer(part.text)
        if not fits(best):
            return PartAnswer(part.text, confidence=conf)
        if part.answer_type == "list":
            best = listing_first(part, best, cands)
            if heading_line(best, hits[best.hit_rank]):
                # the heading names what is asked; the sentence under it lists the items
                best = section_listing(best, cands, hits[best.hit_rank]) or best
            quotes = self._gather_list(best, hits, part.focus[0] if part.focus else "")
            if conf < threshold and (_complete_announced([q.hit.text[q.start:q.end] for q in quotes])
                                     or counted_whole(part, best.text)):
                # "主要做法有三条：" and then 一是…二是…三是…, or 甲、乙和丙3块牌子 for 哪几块牌子:
                # the list the question asks for, whole
                conf = max(conf, threshold)
            if conf < threshold:
                return PartAnswer(part.text, confidence=conf)
        elif conf < threshold:
            return PartAnswer(part.text, confidence=conf)
        else:
            quotes = [self._quote(c, hits) for c in self._select(best, cands, part)]
        return PartAnswer(part.text, quotes, confidence=conf)

    def _section_list(self, part: Part, hits: list[Hit], best: Candidate | None) -> list[Quote]:
        """The items under the heading of a structured article that a list question names
        (``sections.heading_items``), in the article of the best sentence or of the first passage
        when it names every asked place — or [] when the best sentence already stands in that
        section (its own list is gathered as usual) or no heading is named."""
        docs = list(dict.fromkeys(([hits[best.hit_rank].doc_id] if best is not None else []) + [h.doc_id for h in hits[:1]]))
        for doc_id in docs:
            text = self._article_text(doc_id)
            article = self.articles.get(doc_id)
            named = normalize((article.title if article is not None else "") + text)
            if not text or not all(place in named for place in part.places):
                continue
            found = heading_items(part, text)
            if found is None:
                continue
            start, end, items = found
            if best is not None:
                best_hit = hits[best.hit_rank]
                if best_hit.doc_id == doc_id and start <= best_hit.start + best.start < end:
                    return []
                heading = normalize(text[start:text.find("\n", start) if "\n" in text[start:] else len(text)])
                if fits(best) and best.features.get("items_focus") and part.focus and part.focus[0] not in heading:
                    # the best sentence writes a run of items next to what is asked (内容涉及楼顶防水、
                    # 管网疏通、电动车充电等); a heading sharing only another word (一、党组织建在物业项目上)
                    # does not outweigh it
                    return []
            quotes = []
            for item_start, item_end in items[:self.params.list_sentences]:
                hit = self.hit_at(doc_id, item_start)
                if hit is None:
                    return []
                quotes.append(Quote(hit, item_start - hit.start, min(item_end, hit.end) - hit.start))
            return quotes
        return []

    def _article_text(self, doc_id: str) -> str:
        article = self.articles.get(doc_id)
        return article.text if article is not None else ""

    def _select(self, best: Candidate, cands: list[Candidate], part: Part) -> list[Candidate]:
        """The best sentence plus close, fitting runners-up that add something new."""
        chosen = [best]
        seen = [shingles(best.text)]
        limit = 1 if part.answer_type in ("person", "date", "org", "title") else self.params.max_sentences
        for cand in cands[1:]:
            if len(chosen) >= limit or cand.score < self.params.keep_ratio * best.score:
                break
            if not (cand.typed and cand.places_ok and cand.year_ok) or cand.headline:
                continue
            sh = shingles(cand.text)
            if any(jaccard(sh, s) > REPEATED_SENTENCE for s in seen):
                continue
            chosen.append(cand)
            seen.append(sh)
        return chosen

    def _gather_list(self, best: Candidate, hits: list[Hit], head: str = "") -> list[Quote]:
        """A list answer: the best sentence and the items around it, across a passage boundary.

        Items are sentences that start with an ordinal (一是, 二是, （三）…), and the clauses
        that follow a colon up to the full stop that closes the list (``三带：带学习…；带致富…；
        带治理…。``). A sentence introducing the items (ending with a colon) is kept in front.
        """
        hit = hits[best.hit_rank]
        sentences = _sentences(hit)
        index = next((i for i, (start, _, _) in enumerate(sentences) if start == best.start), None)
        if index is None:
            return [self._quote(best, hits)]
        chosen = [(hit, sentences[index])]
        if sp.points_back_at_items(best.text) and not sp.starts_enumeration(best.text):
            # "由这4个村的党支部组建联村党委": the items stand in a sentence before it (the nearest
            # of the last few that lists two or more), quoted first.
            listed = self._listed_before(hit, sentences, index)
            if listed is not None:
                return [listed, self._quote(best, hits)]
        if sp.enumeration_count(best.text) >= 2 and not sp.opens_enumeration(best.text) \
                and not sp.starts_enumeration(best.text) and not best.text.rstrip().endswith(("；", ";")):
            return [self._quote(best, hits)]  # the sentence lists the items itself
        named = bool(best.extra) and len(best.extra) > 1 and best.extra[1] >= 0.99
        following_items = index + 1 < len(sentences) and sp.enumeration_count(sentences[index + 1][2]) >= 2 \
            and not sp.starts_enumeration(sentences[index + 1][2])
        kind_run = self._kind_run(hit, sentences, index, head) if named else []
        if kind_run:
            # "一是建立“三张清单”。" then 需求清单；…资源清单；…项目清单。: the clauses naming the three
            return [self._quote(best, hits)] + kind_run
        open_list = sp.opens_enumeration(best.text) or best.text.rstrip().endswith(("；", ";"))
        if named and following_items and not open_list:
            # "一是建立“三张清单”。" then the sentence naming the three: that sentence is the list asked.
            return [self._quote(best, hits), Quote(hit, sentences[index + 1][0], sentences[index + 1][1])]
        chosen = self._items_before(hit, sentences, index, chosen)
        count = next((n for _, (_, _, text) in chosen if (n := sp.announced_count(text))), 0)
        current, j, gap = hit, index + 1, 0
        while len(chosen) < self.params.list_sentences:
            last = _ordinal(chosen[-1][1][2])
            # Past the usual gap only while the numbered items announced are not all there
            # (一是… explained at length, then 二是…), and only inside the passage.
            seeking = bool(last) and (not count or last < count)
            if gap > _MAX_LIST_GAP and (not seeking or j >= len(sentences)):
                break
            if j >= len(sentences):
                following = self.following(current)
                last_end = current.start + sentences[-1][1] if sentences else None
                if following is None or last_end is None:
                    break
                current, sentences = following, _sentences(following)
                j = next((n for n, (start, _, _) in enumerate(sentences) if following.start + start >= last_end),
                         len(sentences))
                continue
            text = sentences[j][2]
            previous = chosen[-1][1][2].rstrip()
            continues = open_list and gap == 0 and previous.endswith(("；", ";", "：", ":"))
            # A table announced by the list (…情况如下： then its heading): its rows are the items.
            row = table_rows(current.text).get(sentences[j][0]) if chosen[-1][0] is current else None
            continues = continues or (row is not None and gap == 0 and open_list)
            if sp.starts_enumeration(text):
                if _ordinal(text) and _ordinal(previous) and _ordinal(text) <= _ordinal(previous):
                    break  # 一是… again: another list begins
                if gap > _MAX_LIST_GAP and _ordinal(text) != last + 1:
                    break  # after a long explanation only the next numbered item continues the list
                chosen.append((current, sentences[j]))
                gap = 0
            elif continues:
                chosen.append((current, sentences[j]))
            else:
                gap += 1  # a sentence explaining the item before; the next item may follow
            j += 1
        return [Quote(h, start, end) for h, (start, end, _) in chosen]

    def _kind_run(self, hit: Hit, sentences: list, index: int, head: str) -> list[Quote]:
        """The clauses after ``sentences[index]`` of ``hit``, up to the full stop (into the next
        passage if need be), that together name two or more things of the kind a counted name
        (``三张清单``) stands for; [] when they do not."""
        run: list[tuple[Hit, tuple]] = []
        current, rest = hit, sentences[index + 1:]
        while len(run) < 4:
            if not rest:
                following = self.following(current)
                end = current.start + sentences[-1][1] if sentences else None
                if following is None or end is None or current is not hit:
                    break
                current, sentences = following, _sentences(following)
                rest = [x for x in sentences if following.start + x[0] >= end]
                continue
            sentence, rest = rest[0], rest[1:]
            if sp.starts_enumeration(sentence[2]):
                break
            run.append((current, sentence))
            if sentence[2].rstrip().endswith(("。", "！", "!")):
                break
        if sp.kind_items(" ".join(text for _, (_, _, text) in run), head) < 2:
            return []
        return [Quote(h, start, end) for h, (start, end, _) in run]

    def _listed_before(self, hit: Hit, sentences: list, index: int) -> Quote | None:
        """The nearest of the few sentences before ``sentences[index]`` that lists two or more
        items, looking into the passage before ``hit`` when the sentence opens it."""
        for k in range(index - 1, max(-1, index - 1 - _MAX_LIST_GAP), -1):
            if sp.enumeration_count(sentences[k][2]) >= 2:
                return Quote(hit, sentences[k][0], sentences[k][1])
        if index > 1 or hit.start == 0:
            return None
        before = self.hit_at(hit.doc_id, hit.start - 1)
        if before is None or before.chunk_id == hit.chunk_id:
            return None
        earlier = [t for t in _sentences(before) if before.start + t[1] <= hit.start + sentences[index][0]]
        for start, end, text in reversed(earlier[-_MAX_LIST_GAP:]):
            if sp.enumeration_count(text) >= 2:
                return Quote(before, start, end)
        return None

    def _items_before(self, hit: Hit, sentences: list, index: int, chosen: list) -> list:
        """The earlier items of the list the best sentence belongs to (``二是…`` → back to ``一是…``,
        skipping each item's explanation), and the sentence announcing them (``…总结为“三个一”。``)."""
        if not sp.starts_enumeration(sentences[index][2]):
            return chosen
        k, gap, first, number = index - 1, 0, index, _ordinal(sentences[index][2])
        # A numbered item (二是…) looks back through its passage for the items before it,
        # however long their explanations; an unnumbered one only across the usual gap.
        while number != 1 and k >= 0 and (gap <= _MAX_LIST_GAP or number) \
                and len(chosen) < self.params.list_sentences:
            text = sentences[k][2]
            if sp.starts_enumeration(text):
                earlier = _ordinal(text)
                if number and earlier and earlier >= number:
                    break  # the end of another list
                if gap > _MAX_LIST_GAP and earlier != number - 1:
                    break  # past a long explanation only the item just before continues the list
                chosen.insert(0, (hit, sentences[k]))
                first, number, gap = k, earlier, 0
            else:
                gap += 1  # the explanation of the item before
            k -= 1
        intro = first - 1
        if number in (0, 1) and intro >= 0 and sp.introduces_items(sentences[intro][2]) \
                and len(chosen) < self.params.list_sentences:
            chosen.insert(0, (hit, sentences[intro]))
        return chosen

    @staticmethod
    def _quote(c: Candidate, hits: list[Hit]) -> Quote:
        if c.row is not None:  # a table row: quoted from its heading, the span mapped onto the row
            span = to_passage(c.row, c.span.start, c.span.end) if c.span is not None else None
            return Quote(hits[c.hit_rank], c.row.heading_start, c.end, *(span or (-1, -1)))
        span = (c.start + c.span.start, c.start + c.span.end) if c.span is not None else (-1, -1)
        return Quote(hits[c.hit_rank], c.start, c.end, *span)


#: Sentences between two enumerated items (the first item's explanation) a list may skip.
_MAX_LIST_GAP = 3
_ORDINALS = "一二三四五六七八九十"


def counted_whole(part: Part, sentence: str) -> bool:
    """True when the sentence lists items closed by their count and by what the question asks
    for (保留村党组织、村民委员会和村务监督委员会3块牌子 for 哪几块牌子; 成立甲、乙、丙3个“海上党支部”
    for 3个海上党支部叫什么), with the count the question gives, if any."""
    asked = sp.asked_count(part.text)
    terms = [t for t in part.focus if len(t) >= 2]
    return any((asked <= 0 or count == asked) and any(t in what for t in terms)
               for count, what in sp.counted_listing(sentence))


def _complete_announced(texts: list[str]) -> bool:
    """True when a list answer opens with a sentence announcing how many items follow (主要做法有
    三条：, 总结为“三个一”。) and then holds exactly that many numbered items, 一是 … in order; or,
    with no count announced, holds three or more numbered items in order from 一是."""
    if len(texts) < 2:
        return False
    count = sp.announced_count(texts[0])
    head = texts[0].replace(":", "：")
    # the first item after the opening sentence's colon, or the sentence itself an item (一是…。二是…。)
    first = _ordinal(head.split("：", 1)[1]) if "：" in head else 0
    numbers = [n for n in (first or _ordinal(head),) if n] + [_ordinal(t) for t in texts[1:]]
    if count >= 2:
        return numbers == list(range(1, count + 1))
    # no count announced: a run of three or more numbered items from 一是 on, the first after a
    # colon of the opening sentence (任务清清楚楚：一是…；二是…；三是…) or opening it
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))


def _ordinal(text: str) -> int:
    """The number of an enumerated item (``三是…`` → 3, ``（二）`` → 2), or 0."""
    import re

    m = re.match(r"\s*(?:[（(]?([一二三四五六七八九十])[是）)、]|第([一二三四五六七八九十])|其([一二三四五六七八九十]))", text)
    if not m:
        return 0
    return _ORDINALS.index(next(g for g in m.groups() if g)) + 1


def _sentences(hit: Hit) -> list[tuple[int, int, str]]:
    """The sentences of a passage as ``(start, end, text)``."""
    from partyqa.text.sentences import split_sentences

    return [(s.start, s.end, hit.text[s.start:s.end]) for s in split_sentences(hit.text)
            if hit.text[s.start:s.end].strip()]
