"""Other tools against the real server: the official ``openai`` package on ``/v1``, Dify-shaped
requests on ``/retrieval`` and the offline API docs (shared server, no API key)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests._server import RunningServer, shared_server

openai = pytest.importorskip("openai", reason="pip install openai (the test extra)")

pytestmark = pytest.mark.e2e

QUESTION_416 = "天桥区建立了多少个非公企业党组织？"
HETANG_DOC = "004_c4347958372b3895.txt"


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return shared_server()


@pytest.fixture(scope="module")
def ai(server: RunningServer):
    """The official OpenAI client pointed at partyqa."""
    with httpx.Client(trust_env=False, timeout=180) as http:
        yield openai.OpenAI(base_url=f"{server.url}/v1", api_key="not-needed-without-PARTYQA_API_KEY",
                            http_client=http, max_retries=0)


@pytest.fixture(scope="module")
def http(server: RunningServer):
    with httpx.Client(base_url=server.url, timeout=180, trust_env=False) as client:
        yield client


def markers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)}


# ---------------------------------------------------------------------- openai package
def test_models_list_has_the_knowledge_base(ai) -> None:
    assert "partyqa" in [m.id for m in ai.models.list()]
    with pytest.raises(openai.NotFoundError):
        ai.models.retrieve("gpt-4o")


def test_chat_completion_with_citations(ai) -> None:
    completion = ai.chat.completions.create(model="partyqa", temperature=0.7, max_tokens=30, user="tester",
                                            messages=[{"role": "system", "content": "请简洁回答。"},
                                                      {"role": "user", "content": QUESTION_416}])
    content = completion.choices[0].message.content
    assert "416" in content and completion.choices[0].finish_reason == "stop"
    refs = completion.model_extra["references"]
    assert refs and markers(content) == {r["n"] for r in refs}
    assert any("416" in r["quote"] and r["text"][r["start"]:r["end"]] == r["quote"] for r in refs)
    assert {"title", "publisher", "date", "text", "start", "end", "source", "doc_id", "page"} <= set(refs[0])
    assert completion.model_extra["found"] is True


def test_streaming_assembles_to_the_same_answer_with_references_last(ai) -> None:
    stream = ai.chat.completions.create(model="partyqa", stream=True,
                                        messages=[{"role": "user", "content": QUESTION_416}])
    chunks = list(stream)
    pieces = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(pieces) > 3, pieces  # delivered progressively, not in one piece
    content = "".join(pieces)
    assert "416" in content and markers(content)
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    refs = last.model_extra["references"]
    assert markers(content) == {r["n"] for r in refs}
    whole = ai.chat.completions.create(model="partyqa", messages=[{"role": "user", "content": QUESTION_416}])
    assert content == whole.choices[0].message.content


def test_follow_up_turn_is_answered_about_the_new_district(ai) -> None:
    messages = [{"role": "user", "content": QUESTION_416}]
    first = ai.chat.completions.create(model="partyqa", messages=messages)
    messages += [{"role": "assistant", "content": first.choices[0].message.content},
                 {"role": "user", "content": "那荷塘区呢？"}]
    second = ai.chat.completions.create(model="partyqa", messages=messages)
    extra = second.model_extra
    assert "荷塘区" in extra["resolved_question"] and "非公" in extra["resolved_question"]
    content = second.choices[0].message.content
    assert "416" not in content
    assert extra["found"] is True and "22" in content, content
    assert all(r["source"] == HETANG_DOC for r in extra["references"])


def test_openai_errors_raise_the_clients_exceptions(ai) -> None:
    with pytest.raises(openai.BadRequestError) as info:
        ai.chat.completions.create(model="partyqa", messages=[{"role": "user", "content": "   "}])
    assert info.value.code == "invalid_messages"
    with pytest.raises(openai.BadRequestError):
        ai.chat.completions.create(model="partyqa", messages=[{"role": "critic", "content": QUESTION_416}])


# ---------------------------------------------------------------------- Dify
def dify(http: httpx.Client, **body) -> httpx.Response:
    """POST /retrieval exactly as Dify sends it (Bearer key, JSON body)."""
    payload = {"knowledge_id": "partyqa", "query": "非公企业党组织覆盖率",
               "retrieval_setting": {"top_k": 4, "score_threshold": 0.0}, **body}
    return http.post("/retrieval", json=payload, headers={"Authorization": "Bearer any-key-when-none-is-set",
                                                          "Content-Type": "application/json"})


def test_dify_retrieval_returns_records(http) -> None:
    resp = dify(http)
    assert resp.status_code == 200, resp.text
    records = resp.json()["records"]
    assert 1 <= len(records) <= 4
    for r in records:
        assert isinstance(r["content"], str) and r["content"] and isinstance(r["title"], str)
        assert 0.0 <= r["score"] <= 1.0 and isinstance(r["metadata"], dict)
    assert any("64.7%" in r["content"] for r in records)


def test_dify_unknown_knowledge_is_2001(http) -> None:
    resp = dify(http, knowledge_id="AAA-BBB-CCC")
    assert resp.status_code == 404 and resp.json()["error_code"] == 2001


def test_dify_metadata_condition_filters_by_district_publisher_and_date(http) -> None:
    district = {"logical_operator": "and",
                "conditions": [{"name": "district", "comparison_operator": "is", "value": "荷塘区"}]}
    records = dify(http, query="基层党组织建设", metadata_condition=district).json()["records"]
    assert records and all(r["metadata"]["source"] == HETANG_DOC for r in records)
    dated = {"logical_operator": "and",
             "conditions": [{"name": "publisher", "comparison_operator": "contains", "value": "洛阳日报"},
                            {"name": "date", "comparison_operator": "after", "value": "2000-01-01"}]}
    records = dify(http, query="党建", metadata_condition=dated).json()["records"]
    assert records and all(r["metadata"]["publisher"] == "洛阳日报" for r in records)
    unsupported = {"conditions": [{"name": "district", "comparison_operator": "not contains", "value": "荷塘区"}]}
    resp = dify(http, metadata_condition=unsupported)
    assert resp.status_code == 400 and resp.json()["error_code"] == 3001 and "not contains" in resp.json()["error_msg"]


# ---------------------------------------------------------------------- docs
def test_docs_are_offline_and_list_the_new_endpoints(http) -> None:
    paths = http.get("/openapi.json").json()["paths"]
    assert {"/v1/chat/completions", "/v1/models", "/retrieval"} <= set(paths)
    for page in ("/docs", "/redoc"):
        html = http.get(page)
        assert html.status_code == 200
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html.text)
        assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls), urls
        for url in urls:
            assert http.get(url).status_code == 200, url
