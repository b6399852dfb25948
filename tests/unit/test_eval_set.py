"""Validate the labelled evaluation set in tests/eval/questions.jsonl.

Stdlib + pytest only; uses ``opencc`` for the traditional-script check when it
is importable, otherwise a small inline set of traditional-only characters.
"""

import json
from collections import Counter

import pytest

from tests.paths import ARTICLES, EVAL_DIR, REPO

ROOT = REPO
QUESTIONS = EVAL_DIR / "questions.jsonl"

KINDS = {"factual", "paraphrase", "unanswerable", "followup", "traditional"}
MIN_PER_KIND = {"paraphrase": 30, "unanswerable": 18, "followup": 12, "traditional": 10}
MIN_TOTAL = 120
ALLOWED_FIELDS = {"id", "question", "answer_keys", "doc", "kind", "history"}

# Characters that only occur in traditional script (their simplified forms differ).
TRADITIONAL_ONLY = set(
    "區黨組織據發這個們會說來對時實過還麼為與當從網設覺點導應經濟開關產際員義"
    "橋務級層幹後隊書記縣鄉鎮華數萬億項類動戰興農業團體條邊園廣場話辦"
    "澗雲龍範戶畝誰幾屬評職專領權線頭鐵遷討論難報紙圍處長門"
)


def _is_traditional(text: str) -> bool:
    try:
        import opencc  # type: ignore

        return opencc.OpenCC("t2s").convert(text) != text
    except Exception:  # opencc missing or its config unavailable
        return any(ch in TRADITIONAL_ONLY for ch in text)


def _load():
    rows = []
    with QUESTIONS.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported by test
                pytest.fail(f"line {lineno} is not valid JSON: {exc}")
    return rows


ROWS = _load()
ITEMS = [row for _, row in ROWS]
_DOC_CACHE = {}


def _doc_text(name):
    if name not in _DOC_CACHE:
        _DOC_CACHE[name] = (ARTICLES / name).read_text(encoding="utf-8")
    return _DOC_CACHE[name]


def test_every_line_is_an_object_with_required_fields():
    assert ROWS, "question set is empty"
    for lineno, row in ROWS:
        assert isinstance(row, dict), f"line {lineno}: not a JSON object"
        for field in ("id", "question", "answer_keys", "doc", "kind"):
            assert field in row, f"line {lineno}: missing field {field!r}"
        extra = set(row) - ALLOWED_FIELDS
        assert not extra, f"line {lineno}: unexpected fields {sorted(extra)}"
        assert isinstance(row["id"], str) and row["id"], f"line {lineno}: bad id"
        assert isinstance(row["question"], str) and row["question"].strip(), f"line {lineno}: empty question"
        assert isinstance(row["answer_keys"], list), f"line {lineno}: answer_keys must be a list"
        assert all(isinstance(k, str) and k for k in row["answer_keys"]), f"line {lineno}: keys must be non-empty strings"


def test_ids_unique():
    counts = Counter(item["id"] for item in ITEMS)
    dupes = [i for i, n in counts.items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"


def test_questions_unique():
    counts = Counter(item["question"].strip() for item in ITEMS)
    dupes = [q for q, n in counts.items() if n > 1]
    assert not dupes, f"duplicate questions: {dupes}"


def test_kinds_valid():
    bad = [(item["id"], item["kind"]) for item in ITEMS if item["kind"] not in KINDS]
    assert not bad, f"invalid kinds: {bad}"


def test_counts_per_kind_and_total():
    counts = Counter(item["kind"] for item in ITEMS)
    assert len(ITEMS) >= MIN_TOTAL, f"only {len(ITEMS)} questions"
    for kind, minimum in MIN_PER_KIND.items():
        assert counts[kind] >= minimum, f"{kind}: {counts[kind]} < {minimum}"


def test_all_articles_covered():
    docs = {item["doc"] for item in ITEMS if item["doc"]}
    expected = {p.name for p in ARTICLES.glob("*.txt")}
    assert expected, "no articles found"
    assert expected <= docs, f"articles without questions: {sorted(expected - docs)}"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["kind"] != "unanswerable"], ids=lambda i: i["id"])
def test_answer_keys_occur_verbatim_in_doc(item):
    doc = item["doc"]
    assert isinstance(doc, str) and doc, f"{item['id']}: answerable question needs a doc"
    path = ARTICLES / doc
    assert path.is_file(), f"{item['id']}: doc {doc} not found"
    keys = item["answer_keys"]
    assert 1 <= len(keys) <= 3, f"{item['id']}: expected 1-3 answer keys, got {len(keys)}"
    text = _doc_text(doc)
    for key in keys:
        assert "\n" not in key, f"{item['id']}: key {key!r} contains a line break"
        assert key in text, f"{item['id']}: key {key!r} not found verbatim in {doc}"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["kind"] == "unanswerable"], ids=lambda i: i["id"])
def test_unanswerable_have_no_keys_and_no_doc(item):
    assert item["answer_keys"] == [], f"{item['id']}: unanswerable must have no keys"
    assert item["doc"] is None, f"{item['id']}: unanswerable must have doc null"
    assert "history" not in item, f"{item['id']}: unanswerable should not carry history"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["kind"] == "followup"], ids=lambda i: i["id"])
def test_followups_have_history(item):
    history = item.get("history")
    assert isinstance(history, list) and 1 <= len(history) <= 2, f"{item['id']}: needs 1-2 history turns"
    for turn in history:
        assert isinstance(turn, dict), f"{item['id']}: history turn must be an object"
        assert isinstance(turn.get("question"), str) and turn["question"].strip()
        assert isinstance(turn.get("answer"), str) and turn["answer"].strip()


def test_history_only_on_followups():
    bad = [i["id"] for i in ITEMS if i["kind"] != "followup" and "history" in i]
    assert not bad, f"history on non-followup questions: {bad}"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["kind"] == "traditional"], ids=lambda i: i["id"])
def test_traditional_questions_use_traditional_script(item):
    assert _is_traditional(item["question"]), f"{item['id']}: question is not in traditional script"


def test_traditional_questions_cover_traditional_and_simplified_docs():
    trad_docs = {i["doc"] for i in ITEMS if i["kind"] == "traditional"}
    assert "001_1a535275e86f51e6.txt" in trad_docs
    assert trad_docs - {"001_1a535275e86f51e6.txt"}, "no traditional question about a simplified article"
