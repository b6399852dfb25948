"""Word lists, patterns and dictionaries shipped as data files in ``partyqa/data/``.

Rules are code; what they match is data. Every list here is a plain UTF-8 text file (one
entry per line, ``#`` starts a comment) or a JSON file, read once and cached.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``partyqa/data/<name>``, stripped.

    Args:
        name: File name inside the data folder.

    Returns:
        The lines in file order.
    """
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def data_words(name: str) -> frozenset[str]:
    """The space-separated words of every line of ``partyqa/data/<name>`` as one set."""
    return frozenset(" ".join(data_lines(name)).split())


@cache
def data_json(name: str):
    """The parsed JSON file ``partyqa/data/<name>``."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
