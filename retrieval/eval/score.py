"""Scoring answers and retrieval against labelled keys, by kind, with the confidence curve.

An answerable question counts as answered right when the answer states every key AND each
key stands in a passage the answer cites (the citation holds the fact). An unanswerable
question counts as right when the answer is a refusal; a chit-chat turn when the reply is
conversational (no passages, no citations). Keys and texts are compared after
normalization (simplified script, half-width, no whitespace).
"""

from __future__ import annotations

from collections import defaultdict

from partyqa.records import Answer, Hit
from partyqa.text.normalize import squash
from retrieval.eval.sets import Item


def key_in(text: str, key) -> bool:
    """True if ``text`` contains the key (a string, or any of a list of alternatives)."""
    norm = squash(text)
    alternatives = key if isinstance(key, list) else [key]
    return any(squash(a) in norm for a in alternatives if a)


def keys_in(text: str, keys: list) -> bool:
    """True if ``text`` contains every key."""
    return bool(keys) and all(key_in(text, k) for k in keys)


def hit_rank(hits: list[Hit], keys: list) -> int | None:
    """1-based rank of the first hit holding every key, or None."""
    for i, hit in enumerate(hits, 1):
        if keys_in(hit.text, keys):
            return i
    return None


def mean(values) -> float:
    """Mean rounded to 4 places (0.0 for nothing)."""
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0


def score_answer(item: Item, ans: Answer) -> dict:
    """One row of the report: what was answered and whether it was right."""
    cited = [c.text for c in ans.citations]
    states = item.answerable and ans.found and keys_in(ans.text, item.answer_keys)
    held = states and all(any(key_in(c, k) for c in cited) for k in item.answer_keys)
    if item.chat:
        ok = ans.mode == "chat" and not ans.citations
    elif item.answerable:
        ok = bool(held)
    else:
        ok = not ans.found and ans.mode != "chat"
    return {
        "id": item.id, "kind": item.kind, "question": item.question, "resolved_question": ans.resolved_question,
        "answerable": item.answerable, "found": ans.found, "mode": ans.mode, "answer": ans.text,
        "confidence": round(float(ans.confidence), 4), "states_fact": bool(states), "ok": bool(ok),
        "citations": len(ans.citations),
    }


def summarize(rows: list[dict]) -> dict:
    """Per kind and overall: n, accuracy (right answers or right refusals), answered share.

    Overall also ``states_fact``: the share of answerable questions whose answer states every key,
    whether or not a citation holds it (``answerable_accuracy`` asks for both).
    """
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    answerable = [r for r in rows if r["answerable"]]
    refusals = [r for r in rows if not r["answerable"] and r["kind"] != "chitchat"]
    chats = [r for r in rows if r["kind"] == "chitchat"]
    out = {"all": {"n": len(rows), "accuracy": mean(r["ok"] for r in rows),
                   "answerable_accuracy": mean(r["ok"] for r in answerable) if answerable else None,
                   "states_fact": mean(r["states_fact"] for r in answerable) if answerable else None,
                   "refusal_accuracy": mean(r["ok"] for r in refusals) if refusals else None,
                   "chat_accuracy": mean(r["ok"] for r in chats) if chats else None}}
    for kind, rs in sorted(by_kind.items()):
        out[kind] = {"n": len(rs), "accuracy": mean(r["ok"] for r in rs),
                     "answered": mean(r["found"] for r in rs)}
    return out


def confidence_curve(rows: list[dict], steps: int = 20) -> list[dict]:
    """Precision and coverage of the answers if only those with confidence ≥ t were given.

    For each threshold ``t``: ``coverage`` = right answers kept / answerable questions,
    ``precision`` = right answers kept / answers kept, ``refusal`` = unanswerable questions
    refused (not found, or found below ``t``) / unanswerable questions.
    """
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"] and r["kind"] != "chitchat"]
    curve = []
    for i in range(steps + 1):
        t = round(i / steps, 3)
        kept = [r for r in answerable + unanswerable if r["found"] and r["confidence"] >= t]
        right = [r for r in kept if r["answerable"] and r["states_fact"] and r["ok"]]
        refused = [r for r in unanswerable if not (r["found"] and r["confidence"] >= t)]
        curve.append({"threshold": t,
                      "coverage": round(len(right) / len(answerable), 4) if answerable else 0.0,
                      "precision": round(len(right) / len(kept), 4) if kept else 1.0,
                      "refusal": round(len(refused) / len(unanswerable), 4) if unanswerable else 1.0})
    return curve
