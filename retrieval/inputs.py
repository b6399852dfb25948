"""Every check of what users send, defined once and used by the engine, the API, the UI and the CLI.

The checks raise the :mod:`partyqa.errors` class that says what is wrong; the API maps the
class to its HTTP status and the UI shows ``user_message`` (Chinese).
"""

from __future__ import annotations

import math
from pathlib import PurePosixPath, PureWindowsPath

from partyqa.errors import InputError, QueryError, TooLargeError, UnsupportedTypeError

#: Questions and queries of this many UTF-8 bytes or more are refused before any work.
MAX_QUESTION_BYTES = 10 * 1024
#: Most passages one search returns.
MAX_TOP_K = 50
#: Most earlier turns a question may carry (only the last few are used).
MAX_HISTORY_TURNS = 50
#: Turns of history used to resolve a follow-up.
USED_HISTORY_TURNS = 5
#: Longest uploaded file name in UTF-8 bytes (filesystems allow 255; a temporary name adds some).
MAX_FILE_NAME_BYTES = 200


def _reject_surrogates(text: str, what: str) -> None:
    """Refuse text with lone surrogates (they cannot be encoded, stored or shown)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"the {what} contains invalid characters (lone surrogates)",
                         user_message="问题中含有无法识别的字符。") from None


def check_question(value: object, max_chars: int, what: str = "question") -> str:
    """Check a question or search query.

    Args:
        value: The text as received.
        max_chars: Longest accepted text in characters.
        what: Name used in error messages (``question`` or ``query``).

    Returns:
        The stripped text.

    Raises:
        QueryError: If it is not text, empty, or longer than ``max_chars``.
        TooLargeError: If it is :data:`MAX_QUESTION_BYTES` or more.
    """
    if not isinstance(value, str):
        raise QueryError(f"the {what} must be text", user_message="问题必须是文字。")
    _reject_surrogates(value, what)
    if len(value.encode("utf-8")) >= MAX_QUESTION_BYTES:
        raise TooLargeError(f"the {what} is too large (10 KB or more)", user_message="问题太长（超过 10 KB）。")
    text = value.strip()
    if not text:
        raise QueryError(f"the {what} is empty", user_message="请输入问题。")
    if len(text) > max_chars:
        raise QueryError(f"the {what} is too long ({len(text)} characters; the limit is {max_chars})",
                         user_message=f"问题太长（{len(text)} 字，上限 {max_chars} 字）。")
    return text


def check_top_k(value: object) -> int:
    """Check the number of passages asked for.

    Raises:
        QueryError: Unless it is an integer from 1 to :data:`MAX_TOP_K`.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TOP_K:
        raise QueryError(f"top_k must be an integer from 1 to {MAX_TOP_K}")
    return value


def check_history(history: object) -> list[dict]:
    """Validate a conversation: a list of ``{"question", "answer"}`` objects or pairs.

    Returns:
        The last :data:`USED_HISTORY_TURNS` turns as ``{"question", "answer"}`` dicts (a
        ``resolved_question`` is kept when given).

    Raises:
        QueryError: On a malformed turn or too many turns.
    """
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise QueryError("history must be a list of {question, answer} objects")
    if len(history) > MAX_HISTORY_TURNS:
        raise QueryError(f"history may hold at most {MAX_HISTORY_TURNS} turns")
    out = []
    for turn in history:
        resolved = ""
        if isinstance(turn, dict):
            q, a = turn.get("question", ""), turn.get("answer", "")
            resolved = turn.get("resolved_question") or ""
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            q, a = turn
        else:
            raise QueryError("history must be a list of {question, answer} objects")
        if not isinstance(q, str) or not isinstance(a, str) or not isinstance(resolved, str):
            raise QueryError("history questions and answers must be text")
        for text in (q, a, resolved):
            _reject_surrogates(text, "history")
        item = {"question": q[:2000], "answer": a[:4000]}
        if resolved:
            item["resolved_question"] = resolved[:2000]
        out.append(item)
    return out[-USED_HISTORY_TURNS:]


def check_file_name(name: object, suffixes: tuple[str, ...]) -> str:
    """Validate an uploaded file name: a bare name of a supported type.

    Args:
        name: The file name sent by the client.
        suffixes: Accepted suffixes, lower case with the dot.

    Returns:
        The name unchanged.

    Raises:
        InputError: For a missing name, a path (``../x``, ``a/b``, absolute, drive letter),
            a control character, a hidden name or a name too long for the file system.
        UnsupportedTypeError: For a suffix not in ``suffixes``.
    """
    if not isinstance(name, str) or not name.strip():
        raise InputError("a file has no name", user_message="文件没有名称。")
    shown = name if len(name) <= 80 else name[:77] + "…"
    if any(ord(ch) < 32 or ch == "\x7f" for ch in name) or "/" in name or "\\" in name:
        raise InputError(f"unacceptable file name {shown!r}: give a bare file name, not a path",
                         user_message=f"文件名不可用：{shown}")
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        raise InputError("the file name contains invalid characters", user_message="文件名含有无法识别的字符。") from None
    if name in (".", "..") or name.startswith(".") or PureWindowsPath(name).drive or PurePosixPath(name).name != name:
        raise InputError(f"unacceptable file name {shown!r}", user_message=f"文件名不可用：{shown}")
    if size > MAX_FILE_NAME_BYTES:
        raise InputError(f"the file name is too long ({size} bytes; the limit is {MAX_FILE_NAME_BYTES})",
                         user_message=f"文件名太长（{size} 字节，上限 {MAX_FILE_NAME_BYTES}）。")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in suffixes:
        raise UnsupportedTypeError(
            f"unsupported file type {suffix or '(none)'} for {shown!r}; allowed: {', '.join(suffixes)}",
            user_message=f"{shown}：不支持的文件类型 {suffix or '（无扩展名）'}，支持 {' '.join(suffixes)}")
    return name


def check_file_content(name: str, content: bytes, limit: int) -> None:
    """Refuse an empty (or whitespace-only) file or one over ``limit`` bytes.

    Raises:
        InputError: If it is empty.
        TooLargeError: If it is larger than ``limit``.
    """
    if len(content) > limit:
        raise TooLargeError(f"{name} is larger than the limit of {limit} bytes",
                            user_message=f"{name}：文件超过大小限制 {math.ceil(limit / 1024)} KB")
    if not content.strip():
        raise InputError(f"{name} is empty", user_message=f"{name}：文件是空的")
