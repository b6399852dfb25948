"""The public JSON of hits and answers, and the response models /docs documents for it."""

from __future__ import annotations

from app.api.schemas import AskResponse, CitationOut, HitOut, SearchResponse
from app.serialize import answer_json, hit_json
from partyqa.records import Answer, Citation, Hit

HIT = Hit(chunk_id="c1", doc_id="d1", title="天桥区党建", publisher="天桥区委", date="2020-06-01", section="",
          text="天桥区建立非公企业党组织416个。", score=0.9, start=10, end=26, district="天桥区", source="a.txt",
          dense_score=0.8, keyword_score=0.7)
CITATION = Citation(n=1, doc_id="d1", chunk_id="c1", title="天桥区党建", publisher="天桥区委", date="2020-06-01",
                    text=HIT.text, start=0, end=16, section="", district="天桥区", source="a.txt",
                    passage_start=10, passage_end=26)


def test_hit_json_matches_the_documented_model_and_hides_internal_scores():
    data = hit_json(HIT)
    assert list(data) == list(HitOut.model_fields)
    assert "dense_score" not in data and "keyword_score" not in data
    assert HitOut.model_validate(data).model_dump() == data
    assert SearchResponse.model_validate({"hits": [data]}).hits[0].text == HIT.text


def test_answer_json_matches_the_documented_model():
    found = answer_json(Answer("多少个？", "多少个？", "天桥区建立非公企业党组织416个。[1]", True, [CITATION], [HIT]))
    assert list(found["citations"][0]) == list(CitationOut.model_fields)
    assert "passage_start" not in found["citations"][0] and found["closest"] == []
    assert AskResponse.model_validate(found).model_dump() == found
    refused = answer_json(Answer("员工？", "员工？", "资料中没有找到…", False, [], [HIT]))
    assert AskResponse.model_validate(refused).closest[0].source == "a.txt"
