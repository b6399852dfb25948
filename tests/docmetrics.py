"""Character accuracy of extracted text against generated ground truth (tests and bench)."""

from __future__ import annotations

import json
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "data" / "docs"
_WS = re.compile(r"\s+")


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings (two-row dynamic programme)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def char_accuracy(predicted: str, truth: str) -> float:
    """1 − edit distance / length of the truth, whitespace removed (order-sensitive)."""
    p, t = _WS.sub("", predicted), _WS.sub("", truth)
    return max(0.0, 1 - levenshtein(p, t) / max(len(t), 1))


def truth(name: str) -> dict:
    """The ground truth of a generated document: ``{"pages": [[line, …], …], "articles": …}``."""
    return json.loads((DOCS / f"{name}.gt.json").read_text(encoding="utf-8"))


def truth_text(name: str) -> str:
    """All ground-truth lines of a document, pages in order."""
    return "\n".join("\n".join(page) for page in truth(name)["pages"])
