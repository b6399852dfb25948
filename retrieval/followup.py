"""Resolving elliptical follow-up questions into full questions, without a language model.

Two patterns cover most follow-ups in a chat about district news:

* a new subject for the previous question: ``那涧西区呢？`` after
  ``天桥区建立了多少个非公企业党组织？`` → ``涧西区建立了多少个非公企业党组织？``;
* a new attribute of the previous subject: ``覆盖率是多少？`` after the same question →
  ``天桥区非公企业党组织覆盖率是多少？``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.metadata import extract_places
from index.normalize import normalize

_LEAD = re.compile(r"^(?:那么|那|还有|另外|再问一下|再问|请问|那请问)[，,、\s]*")
_TAIL = re.compile(r"(?:呢|怎么样|如何|的情况|情况)?[？?。.!！\s]*$")
_QWORDS = ("多少", "几", "什么", "哪些", "哪个", "哪里", "如何", "怎样", "怎么", "是否", "有没有", "谁", "何时", "吗")
_PRONOUN = re.compile(r"^(?:其中|它们?|他们|她们|这个|那个|该|此|这些|那些|这里|那里)")


def places_in(text: str) -> list[str]:
    """Place names (districts, counties, streets …) in ``text``, in simplified script."""
    return extract_places(text)


@lru_cache(maxsize=1)
def _posseg():
    """jieba's part-of-speech tagger, initialized quietly."""
    from index.tokenize import _jieba

    _jieba()
    import jieba.posseg as posseg

    return posseg


def topic_of(question: str) -> str:
    """The subject noun phrase of a question: its place plus its content nouns, in order."""
    words = []
    for pair in _posseg().cut(normalize(question)):
        word, flag = pair.word, pair.flag
        if any(q in word for q in _QWORDS) or flag.startswith(("m", "q", "r", "u", "p", "c", "y", "x", "d")):
            continue
        if flag.startswith(("n", "vn", "j", "nz", "l")) or word in places_in(question):
            words.append(word)
    return "".join(words)


def is_followup(question: str) -> bool:
    """Heuristic: does ``question`` lean on the previous turn to be understood?"""
    q = normalize(question).strip()
    if len(q) > 20:
        return False
    if _LEAD.match(q) or re.search(r"呢[？?]?$", q) or _PRONOUN.match(q):
        return True
    return not places_in(q) and len(q) <= 12


def resolve(question: str, history: list[dict] | tuple = ()) -> str:
    """Rewrite a follow-up question into a self-contained one using the conversation.

    Args:
        question: The new question.
        history: Previous turns, oldest first, each ``{"question": ..., "answer": ...}``.

    Returns:
        The resolved question, or ``question`` unchanged when it is not a follow-up
        or there is no history.
    """
    question = question.strip()
    previous = _last_question(history)
    if not previous or not is_followup(question):
        return question
    core = _TAIL.sub("", _LEAD.sub("", normalize(question))).strip("，, ")
    new_places = places_in(core)
    old_places = places_in(previous)
    if new_places and core in new_places[0] + "的" or (new_places and len(core) <= len(new_places[0]) + 2):
        # "那涧西区呢？": same question, new subject.
        if old_places:
            return previous.replace(old_places[0], new_places[0], 1)
        return f"{new_places[0]}{previous}"
    core = _PRONOUN.sub("", core)
    topic = topic_of(previous)
    if not topic:
        return question
    place = new_places[0] if new_places else (old_places[0] if old_places else "")
    nouns = topic.replace(old_places[0], "", 1) if old_places else topic
    core = core.replace(place, "") if place else core
    if core.startswith("的"):
        # "荷塘区的覆盖率呢？": an attribute of the previous subject in a new place.
        return f"{place}{nouns}{core[1:]}是多少？"
    if not any(q in core for q in _QWORDS):
        # "社会组织党组织呢？": the previous question about a new object.
        base = previous.replace(old_places[0], place, 1) if old_places and place else previous
        if nouns and nouns in base:
            return base.replace(nouns, core, 1)
        return f"{place}{core}的情况如何？"
    return f"{place}{nouns}{core}？"


def _last_question(history) -> str:
    """The most recent resolved or asked question in ``history``."""
    for turn in reversed(list(history or ())):
        if isinstance(turn, dict):
            q = turn.get("resolved_question") or turn.get("question") or ""
        else:
            q = str(turn[0]) if turn else ""
        if q.strip():
            return q.strip()
    return ""
