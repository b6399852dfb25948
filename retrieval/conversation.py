"""Conversation that is not a question about the articles: greetings, thanks, "ok", "what can you do".

Such turns get a short fitting reply, never a retrieval answer and never a rewritten
follow-up. A greeting in front of a real question ("你好，天桥区有多少网格员？") is dropped
and the question answered. The phrases and replies are data (``partyqa/data/conversation.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from partyqa.resources import data_json
from partyqa.text.normalize import normalize

_CLAUSES = re.compile(r"[，,。.！!？?；;、\s]+")


@lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[str, re.Pattern, str], ...]:
    cfg = data_json("conversation.json")
    return tuple((k["kind"], re.compile("(?:" + "|".join(k["patterns"]) + ")", re.IGNORECASE), k["reply"])
                 for k in cfg["kinds"])


@lru_cache(maxsize=1)
def _particles() -> re.Pattern:
    return re.compile(data_json("conversation.json")["particles"])


@lru_cache(maxsize=1)
def _polite_prefix() -> re.Pattern:
    return re.compile(data_json("conversation.json")["polite_prefix"])


_REPEATED = re.compile(r"^(.+?)\1+$")


def _clause_kind(clause: str) -> str:
    forms = {clause.strip(), _particles().sub("", clause.strip())} - {""}
    # 请问你是谁 is 你是谁; 好的好的 is 好的 (a lone 请问 stays unrecognised).
    forms |= {_polite_prefix().sub("", f) for f in forms} - {""}
    forms |= {m.group(1) for f in forms if (m := _REPEATED.match(f))}
    for kind, pattern, _ in _kinds():
        if any(pattern.fullmatch(form) for form in forms):
            return kind
    return ""


def classify(text: str) -> str:
    """The conversation kind of a turn (``greeting``, ``thanks``, ``ack``, ``bye``, ``about``),
    or "" when it is (or contains) a question about the articles."""
    clauses = [c for c in _CLAUSES.split(normalize(text)) if c.strip()]
    kinds = [_clause_kind(c) for c in clauses]
    if not clauses or not all(kinds):
        return ""
    # a question about the assistant is answered whatever else the turn says; a goodbye anywhere
    # closes the conversation (谢谢！再见！, 明白了，多谢，今天就问到这儿); otherwise the first clause
    return next((k for k in ("about", "bye") if k in kinds), kinds[0])


def strip_greeting(text: str) -> str:
    """The question without a leading greeting or thanks clause ("你好，天桥区…？" → "天桥区…？",
    "在吗？天桥区…？" → "天桥区…？")."""
    parts = re.split(r"([，,。.！!？?；;\s]+)", text.strip(), maxsplit=1)
    if len(parts) == 3 and _clause_kind(normalize(parts[0])) in ("greeting", "thanks", "ack") and parts[2].strip():
        return parts[2].strip()
    return text


def reply(kind: str, articles: int, places: list[str], dates: tuple[str, str] | None) -> str:
    """The reply to a conversation turn, filled with what the knowledge base covers."""
    template = next((r for k, _, r in _kinds() if k == kind), "")
    place_text = "、".join(places[:6]) + ("等地" if len(places) > 6 else "") if places else "多个地方"
    date_text = f"{dates[0]}至{dates[1]}" if dates and dates[0] else "不详"
    return template.format(articles=articles, places=place_text, dates=date_text)
