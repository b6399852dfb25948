"""The chat's pure parts: stored conversation, streaming, Markdown export, corpus overview,
filters, example kinds, the Chinese page rewrite and the knowledge-base key check."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from pathlib import Path

import pytest

from app.serialize import answer_json
from app.ui.access import key_accepted, keys_required
from app.ui.conversation import (
    chat_messages,
    clean_turns,
    conversation_markdown,
    history_for_engine,
    pending_messages,
    stream_prefixes,
)
from app.ui.corpus import chat_examples, corpus_overview, example_kind, make_filters, place_choices
from app.ui.locale import LOCALE_SCRIPT, ChineseUIPage, localize_page
from partyqa.config import Config
from partyqa.records import Answer, Citation

PASSAGE = "全区建立非公企业党组织416个。覆盖率达到64.7%。"
CITATION = Citation(n=1, doc_id="d1", chunk_id="c1", title="天桥区<党建>", publisher="济南日报", date="2020-06-30",
                    text=PASSAGE, start=0, end=16, district="天桥区", source="a.txt")


def _turn(question="天桥区建立了多少个非公企业党组织？", found=True, filters=None):
    ans = Answer(question, question, "全区建立非公企业党组织416个。[1]" if found else "资料中没有找到关于“x”的内容。",
                 found, [CITATION] if found else [])
    return {"question": question, "answer": answer_json(ans), "filters": filters or {}}


def test_clean_turns_keeps_well_formed_turns_from_the_browser():
    good = _turn()
    raw = [good, "x", {"question": 1, "answer": {}}, {"question": "q", "answer": "a"},
           {"question": "q", "answer": {"answer": 5}}, dict(good, filters={"district": "天桥区", "bad": 3})]
    turns = clean_turns(raw)
    assert len(turns) == 2 and turns[1]["filters"] == {"district": "天桥区"}
    assert clean_turns(None) == [] and clean_turns({"question": "q"}) == []
    assert len(clean_turns([good] * 80)) == 50


def test_chat_messages_alternate_and_survive_damaged_answers():
    damaged = {"question": "<b>问</b>", "answer": {"answer": "a", "found": True, "citations": [None]}, "filters": {}}
    messages = chat_messages([_turn(), damaged])
    assert [m["role"] for m in messages] == ["user", "assistant"] * 2
    assert "&lt;b&gt;" in messages[2]["content"] and "无法显示" in messages[3]["content"]
    pending = pending_messages([_turn()], "下一个？", "全区")
    assert len(pending) == 4 and "streaming" in pending[-1]["content"]


def test_history_for_engine_takes_the_last_turns_as_text():
    turns = [_turn(f"问题{i}") for i in range(8)]
    history = history_for_engine(turns, 5)
    assert [h["question"] for h in history] == [f"问题{i}" for i in range(3, 8)]
    assert history[0]["answer"].endswith("[1]") and history[0]["resolved_question"] == "问题3"


def test_stream_prefixes_grow_and_never_cut_a_citation():
    text = "全区建立非公企业党组织416个。[12]覆盖率达到64.7%。[3]"
    prefixes = stream_prefixes(text, steps=40)
    assert prefixes and all(text.startswith(p) and len(p) < len(text) for p in prefixes)
    assert [len(p) for p in prefixes] == sorted({len(p) for p in prefixes})
    assert not any(re.search(r"\[\d*$", p) for p in prefixes)
    assert stream_prefixes("好") == []


def test_markdown_export_has_questions_answers_and_numbered_sources():
    turns = [_turn(filters={"district": "天桥区"}), _turn("员工<script>？", found=False)]
    md = conversation_markdown(turns, now=datetime(2024, 5, 1, 9, 30))
    assert md.startswith("# 党建资料问答") and "2024-05-01 09:30" in md
    assert "## 1. 天桥区建立了多少个非公企业党组织？" in md and "*筛选：地区 天桥区*" in md
    assert "- [1] 《天桥区\\<党建\\>》，济南日报，2020-06-30，天桥区，a.txt" in md
    assert "  > 全区建立非公企业党组织416个。" in md
    assert "<script>" not in md and md.count("资料中没有找到") == 1


def test_make_filters_keeps_set_values_and_checks_dates():
    assert make_filters("天桥区", "", " 2020-01-01 ", None) == {"district": "天桥区", "date_from": "2020-01-01"}
    assert make_filters("", "", "2020-01-01 00:00:00", "") == {"date_from": "2020-01-01"}
    for bad in ("昨天", "2020-02-30", "2020-01-01x"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            make_filters("", "", bad, "")
    with pytest.raises(ValueError, match="晚于"):
        make_filters("", "", "2021-01-01", "2020-01-01")


def test_place_choices_most_frequent_first():
    docs = [{"places": ["天桥区", "济南市"]}, {"places": ["天桥区"]}, {"places": []}]
    assert place_choices(docs) == ["天桥区", "济南市"]


def test_corpus_overview_counts_articles_places_and_dates():
    docs = [{"places": ["天桥区", "北坦街道"], "date": "2020-06-30"}, {"places": ["涧西区"], "date": "2012-07-02"},
            {"places": ["天桥区"], "date": ""}]
    text = corpus_overview(docs)
    assert "**3** 篇文章" in text and "**3** 个地区" in text and "2012-07-02 至 2020-06-30" in text
    assert "1 篇未标日期" in text
    assert "上传" in corpus_overview([])
    assert "\\*" in corpus_overview([{"places": ["*区"], "date": ""}])


def test_example_kinds_label_each_question():
    kinds = {q: example_kind(q) for q in ("天桥区和荷塘区各建立了多少个社会组织党组织？", "涧西区委书记是谁？",
                                         "天桥区开展了哪些活动？", "这篇报道是哪天发布的？", "天桥区是怎样推动党建的？",
                                         "天桥区建立了多少个党组织？", "天桥区的党建")}
    assert list(kinds.values()) == ["对比", "谁", "哪些", "时间", "做法", "数量", "问题"]
    assert chat_examples(["涧西区委书记是谁？"]) == [{"text": "涧西区委书记是谁？", "display_text": "谁｜涧西区委书记是谁？"}]


PAGE = b'<!doctype html>\n<html\n\tlang="en"\n>\n<head>\n<meta charset="utf-8" /></head><body>x</body></html>'


def test_localize_page_sets_the_language_before_any_other_script():
    page = localize_page(PAGE).decode()
    assert 'lang="zh-CN"' in page and 'lang="en"' not in page
    assert page.index(LOCALE_SCRIPT) == page.index("<head>") + len("<head>")


def _call(app, path, headers=()):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": list(headers)}
    asyncio.run(app(scope, receive, send))
    return dict(sent[0]["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


def test_chinese_page_middleware_rewrites_only_the_ui_page():
    seen = []

    async def inner(scope, receive, send):
        seen.append(dict(scope["headers"]))
        kind = b"text/html; charset=utf-8" if scope["path"] == "/" else b"application/json"
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(PAGE)).encode())]})
        await send({"type": "http.response.body", "body": PAGE[:20], "more_body": True})
        await send({"type": "http.response.body", "body": PAGE[20:]})

    app = ChineseUIPage(inner)
    headers, body = _call(app, "/", [(b"accept-encoding", b"gzip, br")])
    assert LOCALE_SCRIPT.encode() in body and int(headers[b"content-length"]) == len(body)
    assert b"accept-encoding" not in seen[0]
    headers, body = _call(app, "/api/health", [(b"accept-encoding", b"gzip")])
    assert body == PAGE and seen[1][b"accept-encoding"] == b"gzip"


def test_knowledge_base_key_is_required_only_when_keys_are_configured():
    open_config = Config()
    assert not keys_required(open_config) and key_accepted(open_config, "")
    locked = Config(api_key="k-one,k-two")
    assert keys_required(locked)
    assert key_accepted(locked, "k-two") and not key_accepted(locked, "") and not key_accepted(locked, "k-three")


class _Gradio:
    """What ``_answer_stream`` uses of gradio: updates are recorded as plain tuples."""

    @staticmethod
    def skip():
        return "skip"

    @staticmethod
    def Button(**kwargs):
        return ("Button", kwargs)

    @staticmethod
    def DownloadButton(**kwargs):
        return ("DownloadButton", kwargs)


class _Engine:
    """Answers every question with one cited sentence, or raises ``error``."""

    def __init__(self, error=None):
        self.error, self.calls = error, []

    def ask(self, question, history=(), filters=None):
        self.calls.append((question, list(history), filters))
        if self.error:
            raise self.error
        return Answer(question, question, "全区建立非公企业党组织416个。[1]", True, [CITATION])


def test_answer_stream_shows_pending_then_growing_text_then_stores_the_turn(monkeypatch, tmp_path):
    from app.ui import chat

    monkeypatch.setattr(chat, "STREAM_DELAY", 0)
    monkeypatch.setattr(chat, "EXPORT_DIR", tmp_path)
    engine = _Engine()
    updates = list(chat._answer_stream(_Gradio, engine, " 天桥区有多少？ ", [_turn()], ("天桥区", "", "", "")))
    messages = [u[0] for u in updates]
    assert "pending" in messages[0][-1]["content"] and updates[0][2] == ""  # question box cleared at once
    assert updates[0][4] == ("Button", {"interactive": False})  # no second question meanwhile
    assert any("streaming" in m[-1]["content"] for m in messages[1:-1])
    final_messages, stored = updates[-1][0], updates[-1][1]
    assert len(stored) == 2 and stored[-1]["filters"] == {"district": "天桥区"}
    assert "<details" in final_messages[-1]["content"]
    assert engine.calls[0][0] == "天桥区有多少？" and engine.calls[0][2] == {"district": "天桥区"}
    export = Path(updates[-1][3][1]["value"]).read_text(encoding="utf-8")
    assert "## 2. 天桥区有多少？" in export


def test_answer_stream_keeps_the_question_on_errors():
    from app.ui import chat
    from partyqa.errors import QueryError

    bad_date = list(chat._answer_stream(_Gradio, _Engine(), "问题？", [], ("", "", "昨天", "")))
    assert len(bad_date) == 1 and "筛选条件有误" in bad_date[0][0][-1]["content"] and bad_date[0][2] == "问题？"
    failed = list(chat._answer_stream(_Gradio, _Engine(QueryError("too long")), "问题？", [], ("", "", "", "")))
    assert "pq-error" in failed[-1][0][-1]["content"] and failed[-1][2] == "问题？"
