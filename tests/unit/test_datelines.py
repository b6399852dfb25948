"""Datelines that open a story's first sentence (partyqa/text/sentences.py) and how answer
evidence reads the sentence behind one (retrieval/answer/evidence.py). Invented stories."""

import pytest

from partyqa.records import Hit
from partyqa.text.sentences import dateline_end
from retrieval.answer.evidence import Weights, score_candidates
from retrieval.question import analyze


@pytest.mark.parametrize(("sentence", "rest"), [
    ("本报讯（记者 石青 通讯员 柳岸）“以前楼道灯坏了没人管。”", "“以前楼道灯坏了没人管。”"),
    ("新华社贵阳6月3日电（记者 江潮 林木）入夏时节，白石县的茶园一片忙碌。", "入夏时节，白石县的茶园一片忙碌。"),
    ("云岭融媒4月9日讯 “以前办事要跑三趟。”", "“以前办事要跑三趟。”"),
    ("会昌县融媒体中心3月5日讯（通讯员　何川）“我们村去年收入翻了一番。”", "“我们村去年收入翻了一番。”"),
    ("11月21日讯　近日，记者从县委组织部获悉。", "近日，记者从县委组织部获悉。"),
    ("本报讯 近日，青溪街道启用新驿站。", "近日，青溪街道启用新驿站。"),
])
def test_a_dateline_that_opens_a_story_is_measured(sentence, rest):
    assert sentence[dateline_end(sentence):] == rest


@pytest.mark.parametrize("sentence", [
    "百名村支书回炉充电，培训为期12天。",  # 充电 is no dateline
    "他笑着说：“这是个喜讯（好消息）。”",
    "通讯员 何川 摄",
    "全县通讯（网络）覆盖率达到98%。",
    "柳岸社区党委书记石青说，驿站去年接待居民1.2万人次。",
])
def test_a_sentence_without_a_dateline_is_left_whole(sentence):
    assert dateline_end(sentence) == 0


def _best(question, text):
    part = analyze(question).parts[0]
    hit = Hit(chunk_id="c1", doc_id="d1", title="驻村书记晒实绩", publisher="枫林县融媒体中心", date="2023-03-05",
              section="", text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")
    return [c for c in score_candidates(part, question, [hit], Weights({}), 6, article_text=lambda _doc: text)
            if c.span is not None]


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the county in the dateline filed the story; the village's figure follows it
    ("柳塘村去年村集体收入多少？",
     "会昌县融媒体中心3月5日讯（通讯员 何川）“我们村去年村集体收入达到18万元。”今天上午，柳塘村第一书记登台晒实绩。",
     "18万元"),
    ("青溪村的合作社去年分红多少？",
     "石城县融媒4月9日讯（记者 江潮）“合作社去年分红26万元，家家都有份。”青溪村党支部书记说。",
     "26万元"),
])
def test_a_county_in_the_dateline_does_not_own_the_village_figure_after_it(question, text, figure):
    cands = _best(question, text)
    good = next(c for c in cands if c.span.text == figure)
    assert good.places_ok and not good.text.startswith(("会昌县", "石城县"))


def test_a_county_named_in_the_sentence_itself_still_owns_its_figure():
    cands = _best("柳塘村去年村集体收入多少？",
                  "本报讯 去年，会昌县各村集体收入平均达到18万元。柳塘村第一书记登台晒实绩。")
    assert not next(c for c in cands if c.span.text == "18万元").places_ok
