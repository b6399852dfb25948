"""OpenAI chat messages ↔ partyqa questions and answers (pure functions, no web framework).

A chat client sends the whole conversation as ``messages``. The last ``user`` message is the
question; the ``user``/``assistant`` pairs before it are the history that follow-ups such as
``那荷塘区呢？`` are resolved against. System and developer prompts, tool results and
non-text content parts are ignored: partyqa answers from its articles, not from instructions.

An answer goes back as text whose sentences end in ``[n]`` markers, followed (unless the
client asks otherwise) by a sources block that plain chat front-ends can show; the block is
dropped again when the answer comes back as history.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from partyqa.errors import InputError
from partyqa.records import Answer, Citation
from retrieval.inputs import USED_HISTORY_TURNS

#: Roles OpenAI defines. Only ``user`` and ``assistant`` carry the conversation.
KNOWN_ROLES = ("system", "developer", "user", "assistant", "tool", "function")
#: The line that opens the sources block appended to an answer.
SOURCES_HEADING = "来源："
_SOURCES_SPLIT = re.compile(r"\n+" + SOURCES_HEADING + r"\n")
#: Longest content delta of a streamed answer, in characters (markers are never cut).
DELTA_CHARS = 12
_ENDS = "。！？；!?;\n"
_PIECE = re.compile(r"\[\d+\]|.", re.S)


class MessageError(InputError):
    """A chat message that cannot be used (unknown role, empty question, wrong shape)."""

    code = "invalid_messages"


def message_text(content: object, where: str) -> str:
    """The text of a message's ``content``: a string, or the ``text`` parts of a list of parts.

    Args:
        content: ``str``, a list of ``{"type": "text", "text": ...}`` parts (other part types
            such as images are skipped), or None.
        where: Position used in error messages, e.g. ``messages[2]``.

    Raises:
        MessageError: For any other shape.
    """
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if not isinstance(part, dict):
                raise MessageError(f"{where}.content: each content part must be an object")
            if part.get("type") == "text":
                if not isinstance(part.get("text"), str):
                    raise MessageError(f"{where}.content: a text part needs a 'text' string")
                texts.append(part["text"])
        return "\n".join(texts)
    raise MessageError(f"{where}.content must be a string or a list of content parts")


def strip_sources(answer: str) -> str:
    """An answer without the sources block :func:`render_answer` appended."""
    return _SOURCES_SPLIT.split(answer, maxsplit=1)[0].strip()


def conversation(messages: list[dict]) -> tuple[str, list[dict]]:
    """Split chat messages into the question and the history before it.

    Args:
        messages: OpenAI chat messages (``{"role", "content"}``), oldest first.

    Returns:
        ``(question, history)``: the text of the last ``user`` message, and the earlier
        turns as ``{"question", "answer"}`` dicts (the last :data:`USED_HISTORY_TURNS`).
        A user message with no assistant reply becomes a turn with an empty answer.

    Raises:
        MessageError: If there are no messages, a role is unknown, a user message is
            empty, or an assistant message comes after the last user message.
    """
    if not isinstance(messages, list) or not messages:
        raise MessageError("messages must be a non-empty list")
    texts: list[tuple[str, str]] = []
    for i, msg in enumerate(messages):
        where = f"messages[{i}]"
        if not isinstance(msg, dict):
            raise MessageError(f"{where} must be an object")
        role = msg.get("role")
        if role not in KNOWN_ROLES:
            raise MessageError(f"{where}: unknown role {role!r}; use one of {', '.join(KNOWN_ROLES)}")
        if role not in ("user", "assistant"):
            continue
        text = message_text(msg.get("content"), where).strip()
        if role == "user" and not text:
            raise MessageError(f"{where}: the user message is empty")
        texts.append((role, text))
    if not texts or texts[-1][0] != "user":
        raise MessageError("the last user/assistant message must be from the user: it is the question")
    turns: list[dict] = []
    for role, text in texts[:-1]:
        if role == "user":
            turns.append({"question": text, "answer": ""})
        elif turns and not turns[-1]["answer"]:
            turns[-1]["answer"] = strip_sources(text)
    return texts[-1][1], turns[-USED_HISTORY_TURNS:]


def _source_line(c: Citation) -> str:
    """One line of the sources block: ``[n] 《title》 publisher date district``."""
    meta = "，".join(p for p in (c.publisher, c.date, c.section or c.district) if p)
    return f"[{c.n}] 《{c.title or c.source}》" + (f"（{meta}）" if meta else "")


def render_answer(answer: Answer, with_sources: bool = True) -> str:
    """The answer as chat content: the cited text, then a sources block (one line per citation)."""
    text = answer.text.strip()
    if not with_sources or not answer.citations:
        return text
    lines = "\n".join(f"- {_source_line(c)}" for c in answer.citations)
    return f"{text}\n\n{SOURCES_HEADING}\n{lines}"


def deltas(text: str, size: int = DELTA_CHARS) -> Iterator[str]:
    """Cut ``text`` into small pieces for streaming.

    A piece holds about ``size`` characters and ends at a sentence end (with the ``[n]``
    markers right after it); markers and end punctuation are never cut from their text. Joined, the pieces give back ``text``.
    """
    piece, ended = "", False
    for token in _PIECE.findall(text):
        attached = len(token) > 1 or token in _ENDS  # markers and sentence ends stay with their text
        if piece and not attached and (ended or len(piece) + len(token) > size):
            yield piece
            piece, ended = "", False
        piece += token
        ended = ended or token in _ENDS
    if piece:
        yield piece
