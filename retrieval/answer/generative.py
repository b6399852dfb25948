"""Optional generative answers through an OpenAI-compatible chat-completions endpoint.

The model sees numbered passages and must end each claim with ``[n]``. Every cited
sentence is checked against its passage (its numbers must appear there, and most of its
character bigrams); unsupported citations are removed and the sentence is flagged. Any
error, timeout or an answer with no supported sentence falls back to the extractive answer.
"""

from __future__ import annotations

import re

from partyqa.config import Config
from partyqa.records import Answer, Hit
from partyqa.text.normalize import normalize
from partyqa.text.sentences import split_sentences
from retrieval.answer.compose import citation_for

_MARK = re.compile(r"\[(\d{1,2})\]")
_NUM = re.compile(r"\d+(?:\.\d+)?")
SYSTEM_PROMPT = (
    "你是党建新闻资料助手。只根据给出的编号段落回答问题，用简洁的中文回答，最多四句话。"
    "每句话末尾必须用 [编号] 标注依据的段落，例如 [1]。数字、单位和名称必须与段落原文完全一致。"
    "如果段落中没有答案，只回答：资料中没有找到相关内容。"
)


def build_messages(question: str, hits: list[Hit]) -> list[dict]:
    """The chat messages: instructions, then numbered passages and the question."""
    blocks = []
    for i, h in enumerate(hits, 1):
        meta = "，".join(p for p in (h.title, h.publisher, h.date, h.section or h.district) if p)
        blocks.append(f"[{i}]（{meta}）\n{h.text}")
    user = "段落：\n\n" + "\n\n".join(blocks) + f"\n\n问题：{question}"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def _bigrams(text: str) -> set[str]:
    clean = re.sub(r"\W+", "", normalize(text))
    return {clean[i : i + 2] for i in range(len(clean) - 1)}


def supported(sentence: str, passage: str, min_overlap: float = 0.5) -> bool:
    """True if ``sentence`` is backed by ``passage``: same numbers, mostly the same wording."""
    body = _MARK.sub("", sentence)
    norm_passage = normalize(passage)
    if any(n not in norm_passage for n in _NUM.findall(normalize(body))):
        return False
    grams = _bigrams(body)
    if not grams:
        return False
    return len(grams & _bigrams(passage)) / len(grams) >= min_overlap


def best_span(sentence: str, passage: str) -> tuple[int, int]:
    """The passage sentence most similar to ``sentence`` (for highlighting)."""
    target = _bigrams(_MARK.sub("", sentence))
    best, best_score = (0, len(passage)), -1.0
    for span in split_sentences(passage):
        score = len(target & _bigrams(passage[span.start : span.end]))
        if score > best_score:
            best, best_score = (span.start, span.end), score
    return best


def check_answer(text: str, hits: list[Hit]) -> tuple[str, dict[int, tuple[int, int]], int]:
    """Verify the citations of a generated answer.

    Returns:
        The cleaned text (unsupported markers removed and such sentences flagged with
        ``（未核实）``), the supported citations as ``{n: (start, end)}``, and how many
        markers were removed.
    """
    out, cited, removed = [], {}, 0
    for raw in re.split(r"(?<=[。！？!?])", text.strip()):
        if not raw.strip():
            continue
        marks = [int(m) for m in _MARK.findall(raw)]
        good = [n for n in marks if 1 <= n <= len(hits) and supported(raw, hits[n - 1].text)]
        removed += len(marks) - len(good)
        sentence = _MARK.sub("", raw).rstrip()
        if good:
            for n in good:
                cited.setdefault(n, best_span(raw, hits[n - 1].text))
            out.append(sentence + "".join(f"[{n}]" for n in dict.fromkeys(good)))
        elif marks or sentence:
            body = sentence.rstrip("。！？!?")
            out.append(body + "（未核实）" + sentence[len(body):])
    return "".join(out), cited, removed


def generate_answer(config: Config, question: str, resolved: str, hits: list[Hit], fallback: Answer) -> Answer:
    """Ask the configured chat endpoint; fall back to ``fallback`` on any problem."""
    import httpx

    if not hits:
        return fallback
    headers = {"Authorization": f"Bearer {config.llm_api_key}"} if config.llm_api_key else {}
    payload = {"model": config.llm_model or "default", "messages": build_messages(resolved, hits),
               "temperature": 0.1, "stream": False}
    try:
        resp = httpx.post(config.llm_base_url.rstrip("/") + "/chat/completions", json=payload,
                          headers=headers, timeout=config.llm_timeout)
        resp.raise_for_status()
        content = resp.json()["choices"][0]["message"]["content"]
        if not isinstance(content, str) or not content.strip():
            raise ValueError("empty answer")
    except Exception as exc:  # network, HTTP, JSON shape: all fall back
        fallback.note = f"生成式回答不可用（{type(exc).__name__}），已改用摘录式回答。"
        return fallback
    text, cited, removed = check_answer(content, hits)
    if not cited:
        fallback.note = "生成式回答的引用无法核实，已改用摘录式回答。"
        return fallback
    renumber = {old: new for new, old in enumerate(sorted(cited), 1)}
    text = _MARK.sub(lambda m: f"[{renumber.get(int(m.group(1)), m.group(1))}]", text)
    citations = [citation_for(renumber[n], hits[n - 1], *cited[n]) for n in sorted(cited)]
    note = f"已删除 {removed} 个无法核实的引用。" if removed else ""
    return Answer(question=question, resolved_question=resolved, text=text, found=True,
                  citations=citations, hits=hits, mode="generative", note=note)
