"""Unit tests of tokenization, BM25 and follow-up resolution."""

import numpy as np

from index.store.bm25 import BM25Index
from partyqa.text.normalize import normalize, squash
from partyqa.text.segment import tokenize
from retrieval.followup import is_followup, places_in, resolve


def test_tokenize_drops_stopwords_and_punctuation():
    terms = tokenize("天桥区建立了多少个非公企业党组织？")
    assert "天桥区" in terms or "天桥" in terms
    assert "非公企业" in terms
    assert "多少" not in terms and "？" not in terms and "了" not in terms


def test_normalize_script_and_width():
    assert normalize("黨建＋網格１１５３") == "党建+网格1153"
    assert squash("覆盖率 64.7 %") == "覆盖率64.7%"


def test_bm25_ranks_matching_passage_first_and_roundtrips(tmp_path):
    texts = [normalize(t) for t in (
        "全区建立非公企业党组织416个，覆盖率64.7%。",
        "涧西区发放党史教材800多本。",
        "荷塘区新建社会组织党组织7个。",
    )]
    index = BM25Index.build(texts)
    scores = index.scores("非公企業黨組織有多少個")  # traditional query
    assert int(np.argmax(scores)) == 0
    index.save(tmp_path)
    again = BM25Index.load(tmp_path)
    assert np.allclose(again.scores("党史教材"), index.scores("党史教材"))
    assert again.scores("完全无关的词汇").max() == 0


def test_places_in_questions():
    assert places_in("那涧西区呢？") == ["涧西区"]
    assert places_in("云龙示范区打造了多少个党员示范户") == ["云龙示范区"]
    assert places_in("全区有多少网格") == []


def test_followup_new_subject_and_new_attribute():
    history = [{"question": "天桥区建立了多少个非公企业党组织？", "answer": "416个[1]"}]
    assert resolve("那涧西区呢？", history) == "涧西区建立了多少个非公企业党组织？"
    resolved = resolve("覆盖率是多少？", history)
    assert "天桥区" in resolved and "非公企业" in resolved and "覆盖率" in resolved
    assert resolve("荷塘区今年新建了多少个党组织？", history) == "荷塘区今年新建了多少个党组织？"
    assert resolve("那涧西区呢？", []) == "那涧西区呢？"
    assert is_followup("覆盖率是多少？") and not is_followup("天桥区划分了多少个网格？")


def test_the_project_dictionary_keeps_ride_hailing_whole():
    # 网约车 (jieba_user_dict.txt) is one search term, so "开网约车的" is not read as 开网 + 约车
    assert "网约车" in tokenize("开网约车的大概有多少人？")
    assert "开网" not in tokenize("跑外卖、开网约车的党员有多少名？")
    # a word that only shares characters with it is unaffected
    assert "网约车" not in tokenize("网上预约车位的居民有多少户？")


def test_people_named_by_what_they_do_are_counted_in_a_list_of_trades():
    from partyqa.records import Hit
    from retrieval.answer.extractive import Answerer, AnswerParams

    def ask(question, text, title):
        hit = Hit(chunk_id="c1", doc_id="d1", title=title, publisher="南州日报", date="2023-06-01", section="",
                  text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")
        return Answerer({}, AnswerParams(min_confidence=0.0)).answer(question, question, [hit])

    answer = ask("青溪街道跑外卖、开网约车的大概有多少人？",
                 "青溪街道辖区外卖骑手、网约车司机等新就业群体约1800人，其中党员41名。", "青溪街道新就业群体党建")
    assert answer.found and "1800人" in answer.text
    answer = ask("白石县送快递、开网约车的一共有多少人？",
                 "白石县加强新就业群体党建，全县快递员、网约车司机共有3400余人。", "白石县新就业群体党建")
    assert answer.found and "3400余人" in answer.text
