"""Rules of the extractive answerer, on hand-made hits (no model, no index)."""

from __future__ import annotations

from partyqa.records import Hit
from retrieval.answer.extractive import Answerer, asked_unit

IDF = {"网格员": 3.0, "驿站": 3.0, "天桥区": 2.5, "党组织": 1.5, "建立": 1.0, "非公企业": 2.5, "多少": 0.1}


def _hit(text, doc="d1", district="天桥区", title="天桥区党建", score=1.0, n=1):
    return Hit(chunk_id=f"c{n}", doc_id=doc, title=title, publisher="济南日报", date="2020-06-30", section="",
               text=text, score=score, start=0, end=len(text), district=district, source="a.txt")


def test_quantity_question_takes_the_sentence_with_the_asked_unit():
    hits = [_hit("天桥区建成网格驿站12个。全区共有网格员326名，覆盖所有社区。")]
    ans = Answerer(IDF).answer("天桥区有多少名网格员？", "天桥区有多少名网格员？", hits)
    assert ans.found and "326名" in ans.text and "驿站" not in ans.text
    assert ans.text.endswith("[1]") and ans.citations[0].sentence.startswith("全区共有网格员326名")


def test_no_sentence_with_the_asked_unit_is_a_refusal():
    hits = [_hit("天桥区建成网格驿站12个，方便群众办事。")]
    ans = Answerer(IDF).answer("天桥区有多少名网格员？", "天桥区有多少名网格员？", hits)
    assert not ans.found and "没有找到" in ans.text and not ans.citations


def test_a_place_the_passage_does_not_support_is_a_refusal():
    hits = [_hit("全区建立非公企业党组织416个。", district="天桥区", title="天桥区党建")]
    ans = Answerer(IDF).answer("涧西区建立了多少个非公企业党组织？", "涧西区建立了多少个非公企业党组织？", hits)
    assert not ans.found


def test_one_citation_number_per_passage_never_repeated_back_to_back():
    text = "全区建立非公企业党组织416个。非公企业党组织覆盖率64.7%。"
    ans = Answerer(IDF).answer("天桥区非公企业党组织建立了多少个？", "天桥区非公企业党组织建立了多少个？", [_hit(text)])
    assert ans.found and len(ans.citations) == 1
    assert "[1][1]" not in ans.text


def test_asked_unit():
    assert asked_unit("有多少名网格员？") == "名|人|位"
    assert asked_unit("覆盖率是多少？") == "%"
    assert asked_unit("投入资金多少？") == "元|万|亿"
    assert asked_unit("面积多大？") == "平方米|㎡|亩"
    assert asked_unit("书记是谁？") is None
