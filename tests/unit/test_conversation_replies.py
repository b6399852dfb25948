"""Unit tests of conversation turns (retrieval/conversation.py, phrases in partyqa/data/conversation.json):
greetings, thanks, "ok", goodbyes and questions about the assistant get a short reply; every real
question, however short, goes to the articles.

All questions are invented. The engine tests use no index: a chat reply needs none, and a real
question that reaches retrieval stops at the missing index.
"""

import pytest

from partyqa.config import Config
from partyqa.errors import IndexMissingError
from retrieval.conversation import classify, reply, strip_greeting
from retrieval.engine import Engine
from retrieval.followup import resolve
from tests.fakes import FakeEmbedder


@pytest.fixture
def engine(tmp_path):
    """An engine with no index loaded."""
    return Engine(Config(data_dir=tmp_path / "var", articles_dir=tmp_path / "articles"), FakeEmbedder())


# ------------------------------------------------------------------------------------ recognised
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你好", "greeting"),
        ("您好！", "greeting"),
        ("你好呀", "greeting"),
        ("早上好", "greeting"),
        ("晚上好！", "greeting"),
        ("大家好", "greeting"),
        ("嗨～", "greeting"),
        ("hello", "greeting"),
        ("在吗？", "greeting"),
        ("谢谢", "thanks"),
        ("谢谢你！", "thanks"),
        ("非常感谢您的帮助", "thanks"),
        ("辛苦了", "thanks"),
        ("太好了", "thanks"),
        ("好的", "ack"),
        ("好吧", "ack"),
        ("嗯嗯", "ack"),
        ("OK", "ack"),
        ("收到", "ack"),
        ("知道了。", "ack"),
        ("再见", "bye"),
        ("好的，谢谢你，没有别的问题了。", "bye"),
        ("我暂时没有其他问题了", "bye"),
        ("那就这些吧，谢谢", "bye"),
        ("拜拜", "bye"),
        ("你能做什么？", "about"),
        ("你可以做什么事情？", "about"),
        ("你是谁？", "about"),
        ("你叫什么名字", "about"),
        ("你有什么功能", "about"),
        ("怎么使用", "about"),
        ("你收录了哪些报道？", "about"),
        ("先这样吧", "bye"),
        ("那就先这些，谢谢", "bye"),
        ("今天就问到这儿", "bye"),
        ("先聊到这里吧，再见", "bye"),
        ("到此为止", "bye"),
        ("你能帮我查些什么东西？", "about"),
        ("您可以找哪些东西", "about"),
    ],
)
def test_a_conversation_turn_is_recognised_with_its_kind(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [("謝謝您", "thanks"), ("多謝", "thanks"), ("這是什麼系統", "about"), ("謝謝你們的幫助！", "thanks"), ("您好！", "greeting")],
)
def test_conversation_in_traditional_script_is_recognised(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [("谢谢！再见！", "bye"), ("明白了，多谢，今天就问到这儿", "bye"), ("嗯，知道了。", "ack"), ("你好，你能做什么？", "about"),
     ("你好，谢谢", "greeting")],
)
def test_several_conversation_clauses_are_one_turn_about_then_goodbye_win(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize("text", ["好的，谢谢，就问这些了。", "那就先问这么多吧", "我问完了，谢谢", "没有要问的了", "今天就查这几个了"])
def test_saying_there_is_nothing_more_to_ask_closes_the_conversation(text):
    assert classify(text) == "bye"


@pytest.mark.parametrize("text", ["就问这些社区的党员有多少名？", "我想问这些驿站有多少个？", "先查这几个村的收入"])
def test_asking_about_these_things_is_a_question_not_a_goodbye(text):
    assert classify(text) == ""


@pytest.mark.parametrize("text", ["你们好", "你們好！"])
def test_hello_to_everyone_with_nimen_is_a_greeting(text):
    assert classify(text) == "greeting"


@pytest.mark.parametrize("text", ["请问你是谁？", "您好！請問你是誰？"])
def test_a_polite_question_about_the_assistant_is_about_the_assistant(text):
    assert classify(text) == "about"


@pytest.mark.parametrize(("text", "kind"), [("好的好的", "ack"), ("你有多少篇文章？", "about")])
def test_common_variants_of_ok_and_of_what_do_you_hold_are_conversation(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize(
    "text",
    ["请问石门坳村有多少名党员？", "请问", "你们村有多少篇致富经验被推广？", "好的好的，那白沙村呢？", "谢谢谢谢，书记是谁？",
     "请问你们社区的网格员是谁？", "这样", "这些", "到这里要多久？", "这样的社区有几个？", "这些东西是谁捐的？"],
)
def test_a_polite_prefix_or_a_you_does_not_make_a_real_question_chat(text):
    # 请问 and 你 only mark chat when what follows is chat (你是谁, 你有多少篇文章).
    assert classify(text) == ""


# ------------------------------------------------------------------------------ real questions
@pytest.mark.parametrize(
    "text",
    [
        "书记是谁？",
        "党员有几个？",
        "网格员",
        "樊城区？",
        "哪个好？",
        "你知道樊城区有多少个网格吗？",
        "你能告诉我桃源街道有多少名网格员吗？",
        "你好，樊城区有多少个网格？",
        "您好，请问新湾社区党群服务中心在哪里？",
        "谢谢，那白沙村呢？",
        "好的，书记是谁？",
        "桂香社区还有别的问题吗？",
        "白石县没有解决的问题有哪些？",
    ],
)
def test_a_real_question_is_not_conversation_even_when_short_or_after_a_greeting(text):
    assert classify(text) == ""


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("你好，樊城区有多少个网格？", "樊城区有多少个网格？"),
        ("你好呀，樊城区有多少个网格？", "樊城区有多少个网格？"),
        ("您好，请问新湾社区党群服务中心在哪里？", "请问新湾社区党群服务中心在哪里？"),
        ("谢谢，那白沙村呢？", "那白沙村呢？"),
        ("好的，书记是谁？", "书记是谁？"),
        ("你好 樊城区有多少个网格", "樊城区有多少个网格"),
    ],
)
def test_a_greeting_thanks_or_ok_in_front_of_a_question_is_dropped(text, question):
    assert strip_greeting(text) == question


@pytest.mark.parametrize(
    "text", ["樊城区有多少个网格？", "柳岸村党支部书记是谁？", "好人好事有多少件？", "你好", "谢谢"]
)
def test_a_question_or_a_lone_greeting_keeps_its_text(text):
    assert strip_greeting(text) == text


@pytest.mark.parametrize(("text", "question"), [("在吗？柳岸村书记是谁？", "柳岸村书记是谁？"),
                                                ("有人吗？樊城区有多少个网格？", "樊城区有多少个网格？")])
def test_an_are_you_there_greeting_in_front_of_a_question_is_dropped(text, question):
    assert strip_greeting(text) == question


@pytest.mark.parametrize("text", ["谁是柳岸村的支书？白沙村呢？", "在哪里？桂溪镇的驿站", "是否建成？石门坳村的冷库"])
def test_a_real_first_question_before_a_question_mark_is_not_dropped(text):
    assert strip_greeting(text) == text


def test_a_greeting_in_front_of_a_follow_up_leaves_a_follow_up_that_resolves():
    history = [{"question": "白沙村党支部书记是谁？", "answer": "……[1]"}]
    assert resolve(strip_greeting("谢谢，那柳岸村呢？"), history) == "柳岸村党支部书记是谁？"
    history = [{"question": "桃源街道共有多少名网格员？", "answer": "36名[1]"}]
    assert resolve(strip_greeting("好的，那新湾社区呢？"), history) == "新湾社区共有多少名网格员？"


# -------------------------------------------------------------------------------- engine routing
@pytest.mark.parametrize(
    ("text", "previous", "start"),
    [
        ("谢谢", "桃源街道共有多少名网格员？", "不客气"),
        ("你好", "柳岸村党支部书记是谁？", "您好"),
        ("好的", "白沙村有多少名党员？", "好的。"),
        ("你能做什么？", "桂溪镇建成了多少个党群服务驿站？", "我是党建资料问答助手"),
        ("謝謝您", "桃源街道共有多少名网格员？", "不客气"),
    ],
)
def test_conversation_after_a_question_gets_a_chat_reply_and_is_not_rewritten(engine, text, previous, start):
    answer = engine.ask(text, history=[{"question": previous, "answer": "据报道……[1]"}])
    assert answer.mode == "chat"
    assert answer.text.startswith(start)
    assert answer.resolved_question == text
    assert answer.citations == []
    assert answer.found is False


@pytest.mark.parametrize("text", ["你好，樊城区有多少个网格？", "书记是谁？"])
def test_a_real_question_goes_to_retrieval_not_to_a_chat_reply(engine, text):
    with pytest.raises(IndexMissingError):
        engine.ask(text)


# ------------------------------------------------------------------------------------ replies
def test_the_about_reply_names_the_count_places_and_dates_of_the_knowledge_base():
    places = ["樊城区", "青石县", "桃源街道", "新湾社区", "白沙村", "柳岸村", "石桥镇"]
    text = reply("about", 27, places, ("2022-03-01", "2024-05-20"))
    assert "27篇" in text
    assert "樊城区、青石县、桃源街道、新湾社区、白沙村、柳岸村等地" in text
    assert "石桥镇" not in text
    assert "2022-03-01至2024-05-20" in text


def test_the_about_reply_without_places_or_dates_says_so():
    text = reply("about", 3, ["樊城区", "青石县"], None)
    assert "樊城区、青石县；" in text and "等地" not in text
    assert "时间不详" in text
    assert "多个地方" in reply("about", 0, [], ("", ""))


@pytest.mark.parametrize(("kind", "text"), [("thanks", "不客气！还有其他想了解的，请继续提问。"),
                                            ("bye", "再见！需要时随时回来提问。")])
def test_each_kind_has_its_own_reply(kind, text):
    assert reply(kind, 5, ["樊城区"], None) == text


def test_an_unknown_kind_has_no_reply():
    assert reply("weather", 5, ["樊城区"], None) == ""


@pytest.mark.parametrize(("text", "kind"), [
    ("你好，你能帮我做些什么？", "about"),
    ("您都能回答哪些方面的问题？", "about"),
    ("你会解答哪类问题", "about"),
    ("你都懂些什么？", "about"),
    ("谢谢，解答得很清楚！", "thanks"),
    ("讲得很详细，谢谢你", "thanks"),
    ("回答得非常专业！", "thanks"),
    ("好的，我知道了，谢谢你的解答！", "ack"),  # thanks for the answer after an acknowledgement
    ("明白了，多谢你的帮忙！", "ack"),
    ("感谢您的耐心解释", "thanks"),
    ("明白了，多谢你这么耐心。", "ack"),  # thanks with how the help was given
    ("谢谢您这么细心地解答", "thanks"),
    ("我都记下了，谢谢", "ack"),
    ("你好，你能帮我查点什么？", "about"),  # 点 for 一点: a little of something
    ("您可以帮我找一点什么资料？", "about"),
    ("你能干嘛", "about"),
    ("早上好！你平时主要能回答哪方面的问题？", "about"),  # two adverbs before 能
    ("你好，你都能帮我查哪些方面的新闻？", "about"),  # what it looks up: news, reports
    ("您一般可以提供哪类报道？", "about"),
    # what it can do asked without 你, after a greeting or a question about who it is
    ("嗨，你好！你是谁，能帮我查点什么？", "about"),
    ("您好，平时可以为我查哪些资料？", "about"),
    # thanks to you for your trouble
    ("明白了，多谢，辛苦你啦！", "ack"),
    ("辛苦您了", "thanks"),
])
def test_asking_what_the_assistant_can_do_or_praising_an_answer_is_conversation(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize("text", [
    "你能告诉我樊城区有多少网格员吗？",  # a real question put politely
    "你能查到柳岸村党支部书记是谁吗？",
    "白石县的经验讲得很清楚吗？",
    "柳岸社区党建工作做得好不好？",
    "回答得很清楚，那白沙村呢？",  # praise, then a follow-up
    "我知道了，那柳岸村党支部书记是谁？",  # an acknowledgement, then a question
    "谢谢你的解答，白石县有多少个党组织？",
    "你能帮我查点柳岸村的资料吗？",  # 查点 with what to look up is a question
    "你能帮我找一点白石县党建的报道吗？",
    "能帮我查一下白沙村有多少党员吗？",  # without 你, what to look up still makes it a question
    "可以帮我找找青溪街道的网格员有多少",
    "辛苦费一共发了多少钱？",  # 辛苦 as part of a noun
])
def test_a_question_that_names_what_it_asks_is_no_capability_question(text):
    assert classify(text) == ""
    if text.startswith("回答"):
        assert strip_greeting(text) == "那白沙村呢？"
    if text.startswith("谢谢"):
        assert strip_greeting(text) == "白石县有多少个党组织？"
