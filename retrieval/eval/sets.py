"""Labelled question sets: which questions, over which articles.

The sets are listed in ``tests/eval/sets.json`` (name, questions file, articles folder). A
questions file has one JSON object per line::

    {"id": "a001", "question": "…？", "kind": "factual", "doc": "n03.html",
     "answer_keys": ["12个", ["2021/9/3", "2021年9月3日"]], "history": [{"question": "…", "answer": "…"}]}

Each element of ``answer_keys`` is a string or a list of alternatives (any one suffices). An
empty list means the articles do not answer the question (``unanswerable``) or that it is
conversation (``chitchat``) that must never be answered from the articles.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from partyqa.config import REPO_ROOT
from partyqa.errors import InputError

SETS_FILE = REPO_ROOT / "tests" / "eval" / "sets.json"
#: Kinds whose questions must be refused, and kinds that are conversation.
REFUSAL_KINDS = ("unanswerable",)
CHAT_KINDS = ("chitchat",)


@dataclass(frozen=True)
class Item:
    """One labelled question."""

    id: str
    question: str
    kind: str
    answer_keys: list = field(default_factory=list)
    doc: str | None = None
    history: list = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        """True if the articles contain the answer."""
        return bool(self.answer_keys)

    @property
    def chat(self) -> bool:
        """True for conversation that must get a conversational reply."""
        return self.kind in CHAT_KINDS


@dataclass(frozen=True)
class EvalSet:
    """A named set: its questions and the folder of articles they are about."""

    name: str
    questions: Path
    articles: Path
    about: str = ""

    def items(self) -> list[Item]:
        """The questions of the set."""
        return load_items(self.questions)


def load_items(path: Path) -> list[Item]:
    """Read a JSON-lines labelled set.

    Raises:
        InputError: On a malformed line (with its number).
    """
    items = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(Item(raw["id"], raw["question"], raw["kind"], list(raw.get("answer_keys") or []),
                              raw.get("doc"), list(raw.get("history") or [])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{Path(path).name}:{no}: bad labelled question ({exc})") from exc
    return items


def load_sets(path: Path = SETS_FILE) -> dict[str, EvalSet]:
    """The sets listed in ``sets.json``, by name (paths resolved against the repository)."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    root = Path(path).resolve().parent.parent.parent
    return {r["name"]: EvalSet(r["name"], root / r["questions"], root / r["articles"], r.get("about", ""))
            for r in rows}


def resolve_sets(names: list[str] | None, articles: Path | None = None) -> list[EvalSet]:
    """The sets to run: given names (or paths of question files), default all listed sets.

    Args:
        names: Set names from ``sets.json`` or paths of JSON-lines files.
        articles: Articles folder for a set given as a path (default: the bundled articles).

    Raises:
        InputError: For an unknown name.
    """
    known = load_sets()
    if not names:
        return list(known.values())
    out = []
    for name in names:
        if name in known:
            out.append(known[name])
        elif Path(name).is_file():
            out.append(EvalSet(Path(name).stem, Path(name), articles or REPO_ROOT / "data" / "articles"))
        else:
            raise InputError(f"unknown labelled set {name!r}; known: {', '.join(known)}")
    return out
