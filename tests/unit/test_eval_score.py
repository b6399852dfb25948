"""Scoring of answers against labelled keys: what counts as right, per kind, and the curve."""

from __future__ import annotations

from partyqa.records import Answer, Citation
from retrieval.eval.score import confidence_curve, key_in, score_answer, summarize
from retrieval.eval.sets import Item


def _cite(text: str, n: int = 1) -> Citation:
    return Citation(n=n, doc_id="d", chunk_id="c", title="t", publisher="p", date="", text=text,
                    start=0, end=len(text))


def _answer(text: str, found: bool = True, cited: tuple[str, ...] = (), mode: str = "extractive",
            confidence: float = 0.9) -> Answer:
    return Answer(question="q", resolved_question="q", text=text, found=found,
                  citations=[_cite(c, i) for i, c in enumerate(cited, 1)], mode=mode, confidence=confidence)


FACT = Item("f1", "某街道有多少名网格员？", "factual", ["126名"], "a.html")
DATE = Item("f2", "那篇报道哪天刊发？", "article", [["2021年3月5日", "2021-03-05"]], "b.html")
NONE = Item("u1", "某社区党委书记是谁？", "unanswerable")
CHAT = Item("c1", "谢谢", "chitchat")


def test_keys_compare_across_script_width_and_spaces_and_take_any_alternative():
    assert key_in("全區共有 １２６名 網格員", "126名")
    assert key_in("刊發於2021-03-05", ["2021年3月5日", "2021-03-05"])
    assert not key_in("共有12名网格员", "126名")
    assert not key_in("刊发于2021年3月6日", ["2021年3月5日", "2021-03-05"])


def test_an_answer_is_right_only_when_a_citation_holds_the_stated_fact():
    held = score_answer(FACT, _answer("共有网格员126名[1]", cited=("街道共有网格员126名。",)))
    assert held["ok"] and held["states_fact"]
    # stated but the cited passage is about something else: the fact is not held
    unheld = score_answer(FACT, _answer("共有网格员126名[1]", cited=("建成驿站12个。",)))
    assert unheld["states_fact"] and not unheld["ok"]
    wrong = score_answer(FACT, _answer("建成驿站12个[1]", cited=("建成驿站12个。",)))
    assert not wrong["states_fact"] and not wrong["ok"]
    refused = score_answer(FACT, _answer("资料中没有找到。", found=False))
    assert not refused["ok"]


def test_unanswerable_needs_a_refusal_and_chitchat_a_chat_reply():
    assert score_answer(NONE, _answer("资料中没有找到。", found=False))["ok"]
    assert not score_answer(NONE, _answer("书记是王某[1]", cited=("书记是王某。",)))["ok"]
    # a chat reply to a real question is not a refusal
    assert not score_answer(NONE, _answer("你好！", found=False, mode="chat"))["ok"]
    assert score_answer(CHAT, _answer("不客气。", found=False, mode="chat"))["ok"]
    assert not score_answer(CHAT, _answer("共有网格员126名[1]", cited=("共有网格员126名。",)))["ok"]


def test_summary_splits_answerable_refusal_and_chat_and_reports_each_kind():
    rows = [
        score_answer(FACT, _answer("共有网格员126名[1]", cited=("共有网格员126名。",))),
        score_answer(DATE, _answer("刊发于2021-03-05[1]", cited=("某某网2021年3月5日讯",))),
        score_answer(DATE, _answer("刊发于2021-03-05[1]", cited=("无关的一句。",))),
        score_answer(NONE, _answer("资料中没有找到。", found=False)),
        score_answer(NONE, _answer("书记是王某[1]", cited=("书记是王某。",))),
        score_answer(CHAT, _answer("不客气。", found=False, mode="chat")),
    ]
    s = summarize(rows)
    assert s["all"]["n"] == 6
    assert s["all"]["answerable_accuracy"] == round(2 / 3, 4)  # not the second date answer: its citation
    assert s["all"]["states_fact"] == 1.0  # holds no date, yet every answerable answer states its fact
    assert s["all"]["refusal_accuracy"] == 0.5
    assert s["all"]["chat_accuracy"] == 1.0
    assert s["article"] == {"n": 2, "accuracy": 0.5, "answered": 1.0}
    assert s["unanswerable"]["accuracy"] == 0.5


def test_curve_trades_coverage_for_refusal_as_the_threshold_rises():
    rows = [
        score_answer(FACT, _answer("共有网格员126名[1]", cited=("共有网格员126名。",), confidence=0.8)),
        score_answer(NONE, _answer("书记是王某[1]", cited=("书记是王某。",), confidence=0.3)),
        score_answer(CHAT, _answer("不客气。", found=False, mode="chat", confidence=0.0)),
    ]
    curve = {p["threshold"]: p for p in confidence_curve(rows, steps=10)}
    assert curve[0.0] == {"threshold": 0.0, "coverage": 1.0, "precision": 0.5, "refusal": 0.0}
    assert curve[0.5] == {"threshold": 0.5, "coverage": 1.0, "precision": 1.0, "refusal": 1.0}
    assert curve[0.9] == {"threshold": 0.9, "coverage": 0.0, "precision": 1.0, "refusal": 1.0}
