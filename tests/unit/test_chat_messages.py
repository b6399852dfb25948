"""OpenAI chat messages → question and history, answers → chat content and stream deltas."""

from __future__ import annotations

import pytest

from app.api.chat_messages import (
    SOURCES_HEADING,
    MessageError,
    conversation,
    deltas,
    message_text,
    render_answer,
    strip_sources,
)
from partyqa.records import Answer, Citation
from retrieval.inputs import USED_HISTORY_TURNS

Q1 = "天桥区建立了多少个非公企业党组织？"
A1 = "全区建立非公企业党组织416个。[1]"


def user(text) -> dict:
    return {"role": "user", "content": text}


def assistant(text) -> dict:
    return {"role": "assistant", "content": text}


def test_last_user_message_is_the_question_and_earlier_pairs_are_history():
    question, history = conversation([
        {"role": "system", "content": "你是一个助手。"},
        user(Q1), assistant(A1), user("那荷塘区呢？"),
    ])
    assert question == "那荷塘区呢？"
    assert history == [{"question": Q1, "answer": A1}]


def test_a_single_question_has_no_history():
    assert conversation([user("  " + Q1 + "\n")]) == (Q1, [])


def test_unanswered_user_turns_and_stray_assistant_messages():
    question, history = conversation([
        assistant("您好，请提问。"),  # a greeting before any question: not a turn
        user("第一问"), user("第二问"), assistant("第二答"), assistant("补充"), user("第三问"),
    ])
    assert question == "第三问"
    assert history == [{"question": "第一问", "answer": ""}, {"question": "第二问", "answer": "第二答"}]


def test_tool_and_developer_messages_are_skipped():
    question, history = conversation([
        {"role": "developer", "content": "只用中文"}, user(Q1),
        {"role": "assistant", "content": None, "tool_calls": []}, {"role": "tool", "content": "{}"},
        assistant(A1), user("覆盖率是多少？"),
    ])
    assert question == "覆盖率是多少？" and history == [{"question": Q1, "answer": A1}]


def test_only_the_last_turns_are_kept():
    messages = []
    for i in range(USED_HISTORY_TURNS + 3):
        messages += [user(f"问题{i}"), assistant(f"回答{i}")]
    _, history = conversation(messages + [user("最后")])
    assert len(history) == USED_HISTORY_TURNS and history[-1]["question"] == f"问题{USED_HISTORY_TURNS + 2}"


def test_content_parts_give_their_text_and_skip_images():
    parts = [{"type": "text", "text": "荷塘区"}, {"type": "image_url", "image_url": {"url": "x"}},
             {"type": "text", "text": "党组织有多少个？"}]
    assert message_text(parts, "m") == "荷塘区\n党组织有多少个？"
    assert conversation([user(parts)])[0] == "荷塘区\n党组织有多少个？"


@pytest.mark.parametrize(
    ("messages", "fragment"),
    [
        ([], "non-empty list"),
        ([{"role": "robot", "content": "x"}], "unknown role 'robot'"),
        ([{"content": "x"}], "unknown role None"),
        ([user("")], "empty"),
        ([user("   ")], "empty"),
        ([user([{"type": "image_url", "image_url": {"url": "x"}}])], "empty"),
        ([user(Q1), assistant(A1)], "must be from the user"),
        ([{"role": "system", "content": "x"}], "must be from the user"),
        ([user(""), assistant("x"), user(Q1)], "messages[0]"),
        ([user(5)], "content must be"),
        ([user([{"type": "text"}])], "'text' string"),
        (["hello"], "must be an object"),
    ],
)
def test_unusable_messages_are_refused(messages, fragment):
    with pytest.raises(MessageError, match=fragment.replace("[", r"\[").replace("]", r"\]")) as info:
        conversation(messages)
    assert info.value.http_status == 400


def _answer(text: str, citations: list[Citation]) -> Answer:
    return Answer(question="q", resolved_question="q", text=text, found=bool(citations), citations=citations)


CITATION = Citation(n=1, doc_id="d1", chunk_id="c1", title="天桥区加强党建", publisher="济南日报", date="2017-03-01",
                    text="全区建立非公企业党组织416个。", start=0, end=16, district="天桥区")


def test_render_answer_appends_sources_that_history_drops_again():
    content = render_answer(_answer(A1, [CITATION]))
    assert content.startswith(A1) and f"\n\n{SOURCES_HEADING}\n" in content
    assert "- [1] 《天桥区加强党建》（济南日报，2017-03-01，天桥区）" in content
    assert strip_sources(content) == A1
    assert render_answer(_answer(A1, [CITATION]), with_sources=False) == A1
    _, history = conversation([user(Q1), assistant(content), user("那荷塘区呢？")])
    assert history[0]["answer"] == A1


def test_a_refusal_has_no_sources_block():
    text = "资料中没有找到关于“某区”的内容。"
    assert render_answer(_answer(text, [])) == text


def test_deltas_rebuild_the_text_and_keep_markers_whole():
    text = "全区建立非公企业党组织416个，覆盖率64.7%。[1]建立社会组织党组织47个。[1][12]下一句没有标点"
    pieces = list(deltas(text, size=8))
    assert "".join(pieces) == text and len(pieces) > 4
    for piece in pieces:
        assert piece.count("[") == piece.count("]")  # no marker is cut
        assert len(piece) <= 8 + len("。[1][12]")
    assert any(p.endswith("。[1][12]") for p in pieces)  # markers stay with their sentence
    assert list(deltas("")) == []
