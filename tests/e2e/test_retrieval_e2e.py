"""End-to-end retrieval and answer tests on the bundled corpus with the real model."""

import pytest

from partyqa.text.normalize import squash

pytestmark = pytest.mark.e2e


def test_factual_question_cites_the_number(engine):
    ans = engine.ask("天桥区建立了多少个非公企业党组织？")
    assert ans.found
    assert "416" in ans.text
    assert "[1]" in ans.text
    cited = [c for c in ans.citations if "416" in c.text[c.start : c.end]]
    assert cited, "a citation's span must contain the number"
    c = cited[0]
    article = engine.article(c.doc_id)
    assert article.text[c.passage_start : c.passage_end] == c.text, "offsets refer to the displayed text"
    assert c.source.startswith("000_")


def test_script_crossing(engine):
    hits = engine.search("荷塘區今年1-8月新建了多少個社會組織黨組織？", top_k=3)
    assert "社会组织党组织7个" in hits[0].text
    ans = engine.ask("天桥区划分了多少个网格？")  # simplified question, traditional article
    assert ans.found and "1153" in ans.text
    assert any("網格" in c.text for c in ans.citations)


def test_absent_fact_is_refused_with_closest_passages(engine):
    ans = engine.ask("涧西区2015年第一季度财政收入是多少？")
    assert not ans.found
    assert ans.text.startswith("资料中没有找到")
    assert ans.hits and not ans.citations


def test_followup_resolves(engine):
    first = engine.ask("天桥区建立了多少个非公企业党组织？")
    history = [{"question": first.question, "answer": first.text}]
    ans = engine.ask("覆盖率是多少？", history=history)
    assert ans.resolved_question != "覆盖率是多少？"
    assert "天桥区" in ans.resolved_question and "覆盖率" in ans.resolved_question
    assert ans.found and "64.7%" in ans.text
    other = engine.ask("那涧西区呢？", history=[{"question": "天桥区区委书记是谁？", "answer": "刘程华"}])
    assert other.resolved_question == "涧西区区委书记是谁？"
    assert "王自文" in other.text


def test_filters_narrow_results(engine):
    everything = engine.search("新建党组织", top_k=10)
    assert {h.district for h in everything} - {"荷塘区"}
    hits = engine.search("新建党组织", top_k=10, filters={"district": "荷塘区"})
    assert hits and all(h.district == "荷塘区" for h in hits)
    dated = engine.search("党建", top_k=10, filters={"date_from": "2017-01-01", "date_to": "2018-12-31"})
    assert dated and all(h.date == "2017-09-28" for h in dated)
    pub = engine.search("网格", top_k=10, filters={"publisher": "洛阳日报"})
    assert pub and all(h.publisher == "洛阳日报" for h in pub)


def test_sections_tell_which_district(engine):
    ans = engine.ask("云龙示范区打造了多少个党员示范户？")
    assert ans.found and "300个党员示范户" in squash(ans.text)
    assert ans.citations[0].district == "云龙示范区"
    assert "云龙示范区" in ans.citations[0].section


def test_no_passage_twice(engine):
    # 000 repeats a paragraph verbatim inside different passages; no two hits may be
    # near-duplicates of each other (4-gram containment >= 0.8).
    from partyqa.text.shingles import containment, shingles

    hits = engine.search("刘程华介绍开展这个活动的目的", top_k=10)
    sets = [shingles(h.text) for h in hits]
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            assert containment(sets[i], sets[j]) < 0.8, (hits[i].text, hits[j].text)
    assert len({h.chunk_id for h in hits}) == len(hits)
