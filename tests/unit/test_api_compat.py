"""/v1 (OpenAI-compatible), /retrieval (Dify), API keys and offline docs, in-process (fake embedder)."""

from __future__ import annotations

import json
import re
import sys

import pytest
from fastapi.testclient import TestClient

from app.api.auth import check_exposure, is_loopback, key_matches
from app.launch import ServerProcess, start_server
from app.server import create_api
from partyqa.config import Config, ConfigError

QUESTION = "天桥区建立了多少个非公企业党组织？"
KEYS = "first-key-123,second-key-456"
BEARER = {"Authorization": "Bearer second-key-456"}


@pytest.fixture
def client(services):
    engine, kb, config = services
    return TestClient(create_api(config, engine, kb))


@pytest.fixture
def keyed(services):
    engine, kb, config = services
    return TestClient(create_api(config.replace(api_key=KEYS), engine, kb))


def chat(client, messages, **body):
    return client.post("/v1/chat/completions", json={"model": "gpt-4o", "messages": messages, **body})


def events(resp) -> list:
    """The data of each server-sent event, JSON-decoded except the final [DONE]."""
    datas = [line[len("data: "):] for line in resp.text.split("\n\n") if line.startswith("data: ")]
    return [d if d == "[DONE]" else json.loads(d) for d in datas]


# ---------------------------------------------------------------------- /v1
def test_models_lists_the_knowledge_base(client):
    body = client.get("/v1/models").json()
    assert body["object"] == "list" and [m["id"] for m in body["data"]] == ["partyqa"]
    assert client.get("/v1/models/partyqa").json()["id"] == "partyqa"
    resp = client.get("/v1/models/gpt-4o")
    assert resp.status_code == 404 and resp.json()["error"]["code"] == "model_not_found"


def test_chat_completion_answers_with_markers_and_references(client):
    resp = chat(client, [{"role": "user", "content": QUESTION}], temperature=0.2, max_tokens=50, user="u1",
                top_p=1, presence_penalty=0, metadata={"x": 1})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["object"] == "chat.completion" and body["model"] == "partyqa" and body["id"].startswith("chatcmpl-")
    choice = body["choices"][0]
    assert choice["finish_reason"] == "stop" and choice["message"]["role"] == "assistant"
    content = choice["message"]["content"]
    assert "416" in content and "来源：" in content
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", content)}
    refs = body["references"]
    assert numbers == {r["n"] for r in refs} and body["found"] is True
    ref = refs[0]
    assert {"title", "publisher", "date", "text", "start", "end", "source", "doc_id", "page", "quote"} <= set(ref)
    assert ref["quote"] == ref["text"][ref["start"]:ref["end"]] and "416" in ref["quote"]
    assert body["usage"]["total_tokens"] == body["usage"]["prompt_tokens"] + body["usage"]["completion_tokens"]


def test_with_sources_false_leaves_only_the_markers(client):
    content = chat(client, [{"role": "user", "content": QUESTION}], with_sources=False).json()["choices"][0]
    assert "来源" not in content["message"]["content"] and "[1]" in content["message"]["content"]


def test_streaming_sends_deltas_then_references_then_done(client):
    resp = chat(client, [{"role": "user", "content": QUESTION}], stream=True,
                stream_options={"include_usage": True})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/event-stream")
    chunks = events(resp)
    assert chunks[-1] == "[DONE]"
    usage, final, first = chunks[-2], chunks[-3], chunks[0]
    assert first["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    pieces = [c["choices"][0]["delta"]["content"] for c in chunks[1:-3]]
    assert len(pieces) > 2 and all(c["object"] == "chat.completion.chunk" for c in chunks[:-1])
    content = "".join(pieces)
    whole = chat(client, [{"role": "user", "content": QUESTION}]).json()
    assert content == whole["choices"][0]["message"]["content"]
    assert final["choices"][0]["finish_reason"] == "stop" and final["references"] == whole["references"]
    assert usage["choices"] == [] and usage["usage"]["completion_tokens"] == len(content)
    assert len({c["id"] for c in chunks[:-1]}) == 1


def test_follow_up_uses_the_earlier_turns(client):
    first = chat(client, [{"role": "user", "content": QUESTION}]).json()["choices"][0]["message"]["content"]
    body = chat(client, [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": first},
                         {"role": "user", "content": "那荷塘区呢？"}]).json()
    assert "荷塘区" in body["resolved_question"] and "非公" in body["resolved_question"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"messages": []}, 400, "invalid_messages"),
        ({"messages": [{"role": "wizard", "content": QUESTION}]}, 400, "invalid_messages"),
        ({"messages": [{"role": "user", "content": ""}]}, 400, "invalid_messages"),
        ({"messages": [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "x"}]}, 400,
         "invalid_messages"),
        ({"messages": "天桥区"}, 400, "invalid_request"),
        ({}, 400, "invalid_request"),
        ({"messages": [{"role": "user", "content": QUESTION}], "n": 2}, 400, "bad_input"),
        ({"messages": [{"role": "user", "content": QUESTION}], "filters": {"colour": "red"}}, 400, "bad_filter"),
        ({"messages": [{"role": "user", "content": "问" * 2001}]}, 400, "bad_query"),
    ],
)
def test_chat_errors_use_openais_shape(client, body, status, code):
    resp = client.post("/v1/chat/completions", json=body)
    assert resp.status_code == status, resp.text
    error = resp.json()["error"]
    assert error["code"] == code and error["message"] and error["type"] == "invalid_request_error"


def test_malformed_json_unknown_paths_and_methods_answer_openai_errors(client):
    resp = client.post("/v1/chat/completions", content=b"{nope", headers={"content-type": "application/json"})
    assert resp.status_code == 400 and "valid JSON" in resp.json()["error"]["message"]
    assert client.get("/v1/chat/completions").json()["error"]["code"] == "method_not_allowed"
    assert client.get("/v1/embeddings").status_code == 404
    big = b'{"messages": [{"role": "user", "content": "' + b"a" * (1100 * 1024) + b'"}]}'
    resp = client.post("/v1/chat/completions", content=big, headers={"content-type": "application/json"})
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"


def test_an_unexpected_failure_is_an_openai_server_error(services, monkeypatch):
    engine, kb, config = services
    monkeypatch.setattr(engine, "ask", lambda *a, **k: 1 / 0)
    resp = TestClient(create_api(config, engine, kb)).post(
        "/v1/chat/completions", json={"messages": [{"role": "user", "content": QUESTION}]})
    assert resp.status_code == 500 and resp.json()["error"]["type"] == "server_error"


# ---------------------------------------------------------------------- /retrieval
def retrieval(client, headers=None, **body):
    payload = {"knowledge_id": "partyqa", "query": "非公企业党组织",
               "retrieval_setting": {"top_k": 3, "score_threshold": 0.0}, **body}
    return client.post("/retrieval", json=payload, headers=headers or {})


def test_retrieval_returns_dify_records(client):
    resp = retrieval(client)
    assert resp.status_code == 200, resp.text
    records = resp.json()["records"]
    assert 1 <= len(records) <= 3
    for r in records:
        assert set(r) == {"content", "score", "title", "metadata"} and 0.0 <= r["score"] <= 1.0
        assert {"doc_id", "chunk_id", "source", "publisher", "date", "district"} <= set(r["metadata"])
    assert [r["score"] for r in records] == sorted((r["score"] for r in records), reverse=True)


def test_retrieval_threshold_and_metadata_condition(client):
    everything = retrieval(client).json()["records"]
    high = retrieval(client, retrieval_setting={"top_k": 3, "score_threshold": 0.99}).json()["records"]
    assert len(high) < len(everything) and all(r["score"] >= 0.99 for r in high)
    condition = {"logical_operator": "and",
                 "conditions": [{"name": "district", "comparison_operator": "is", "value": "荷塘区"}]}
    records = retrieval(client, metadata_condition=condition).json()["records"]
    assert records and all(r["metadata"]["district"] == "荷塘区" for r in records)
    ids = {"conditions": [{"name": "doc_id", "comparison_operator": "is", "value": "x"},
                          {"name": "doc_id", "comparison_operator": "is", "value": "y"}]}
    assert retrieval(client, metadata_condition=ids).json() == {"records": []}


@pytest.mark.parametrize(
    ("body", "status", "error_code"),
    [
        ({"knowledge_id": "other"}, 404, 2001),
        ({"retrieval_setting": {"top_k": 0, "score_threshold": 0.5}}, 400, 3001),
        ({"retrieval_setting": {"top_k": 3}}, 400, 3001),
        ({"query": ""}, 400, 3001),
        ({"metadata_condition": {"conditions": [{"name": "title", "comparison_operator": "is", "value": "x"}]}},
         400, 3001),
    ],
)
def test_retrieval_errors_use_difys_shape(client, body, status, error_code):
    resp = retrieval(client, **body)
    assert resp.status_code == status, resp.text
    assert resp.json()["error_code"] == error_code and resp.json()["error_msg"]


def test_retrieval_without_a_body_is_a_bad_request_not_a_missing_page(client):
    # Dify checks a new endpoint by POSTing nothing to it; only 403/404 would fail that check.
    resp = client.post("/retrieval")
    assert resp.status_code == 400 and resp.json()["error_code"] == 3001
    assert client.get("/retrieval").status_code == 405


# ---------------------------------------------------------------------- keys
@pytest.mark.parametrize(("method", "path"), [("get", "/api/health"), ("post", "/api/ask"), ("get", "/api/nothing"),
                                              ("get", "/v1/models"), ("post", "/v1/chat/completions")])
def test_each_protected_prefix_needs_a_key(keyed, method, path):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic second-key-456"},
                    {"Authorization": "Bearer first-key-123x"}):
        resp = getattr(keyed, method)(path, headers=headers)
        assert resp.status_code == 401, (path, headers, resp.text)
        assert resp.headers["www-authenticate"] == "Bearer"
        body = resp.json()
        assert body["error"]["code"] if path.startswith("/v1") else body["code"]


def test_either_key_opens_every_prefix(keyed):
    assert keyed.get("/api/health", headers=BEARER).status_code == 200
    assert keyed.get("/api/health", headers={"authorization": "bearer first-key-123"}).status_code == 200
    assert keyed.get("/v1/models", headers=BEARER).status_code == 200
    assert retrieval(keyed, headers=BEARER).status_code == 200


def test_retrieval_key_errors_are_difys_1001_and_1002(keyed):
    for headers, code in (({}, 1001), ({"Authorization": "Token x"}, 1001), ({"Authorization": "Bearer "}, 1001),
                          ({"Authorization": "Bearer wrong"}, 1002)):
        resp = retrieval(keyed, headers=headers)
        assert resp.status_code == 403 and resp.json()["error_code"] == code, resp.text


def test_uploads_and_deletions_need_the_key(keyed):
    files = [("files", ("new.txt", "云龙示范区党员示范户300个。".encode()))]
    assert keyed.post("/api/documents", files=files).status_code == 401
    assert keyed.delete("/api/documents/whatever").status_code == 401
    resp = keyed.post("/api/documents", files=files, headers=BEARER)
    assert resp.status_code == 200 and resp.json()["added"] == ["uploads/new.txt"]


def test_docs_stay_open_and_document_the_bearer_scheme(keyed):
    assert keyed.get("/docs").status_code == 200 and keyed.get("/openapi.json").status_code == 200
    spec = keyed.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_without_keys_nothing_needs_one(client):
    assert client.get("/api/health").status_code == 200 and client.get("/v1/models").status_code == 200


def test_key_matches_for_the_ui(config):
    with_keys = config.replace(api_key=KEYS)
    assert key_matches(with_keys, "first-key-123") and key_matches(with_keys, " second-key-456 ")
    assert not key_matches(with_keys, "first-key-12") and not key_matches(with_keys, "")
    assert not key_matches(with_keys, None) and not key_matches(with_keys, "钥匙")
    assert key_matches(config, "") and key_matches(config, None)  # nothing is protected without keys


def test_api_keys_come_from_one_comma_separated_variable():
    cfg = Config.from_env({"PARTYQA_API_KEY": " k1 , ,k2,", "PARTYQA_ALLOW_NO_KEY": "yes"})
    assert cfg.api_keys == ("k1", "k2") and cfg.allow_no_key is True
    assert "k1" not in repr(cfg)
    assert Config.from_env({"PARTYQA_ALLOW_NO_KEY": "0"}).allow_no_key is False
    with pytest.raises(ConfigError, match="PARTYQA_ALLOW_NO_KEY"):
        Config.from_env({"PARTYQA_ALLOW_NO_KEY": "maybe"})
    with pytest.raises(ConfigError, match="printable ASCII"):
        Config(api_key="good,has space")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts_need_no_key(host):
    assert is_loopback(host)
    check_exposure(Config(host=host))


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_other_hosts_refuse_to_serve_without_a_key_unless_allowed(host):
    assert not is_loopback(host)
    with pytest.raises(ConfigError, match="PARTYQA_API_KEY") as info:
        check_exposure(Config(host=host))
    assert "--allow-no-key" in info.value.message and "PARTYQA_ALLOW_NO_KEY=1" in info.value.message
    check_exposure(Config(host=host, api_key="k1"))
    check_exposure(Config(host=host, allow_no_key=True))


# ---------------------------------------------------------------------- docs
def test_docs_pages_load_only_local_assets(client):
    spec = client.get("/openapi.json").json()
    assert {"/v1/chat/completions", "/v1/models", "/retrieval", "/api/ask"} <= set(spec["paths"])
    for page in ("/docs", "/redoc"):
        html = client.get(page)
        assert html.status_code == 200
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html.text)
        assert urls and not [u for u in urls if "//" in u], urls
        for url in urls:
            assert client.get(url).status_code == 200, url
        assert "googleapis" not in html.text and "cdn" not in html.text.lower()


def test_retrieval_top_k_beyond_the_limit_is_capped(client):
    resp = retrieval(client, retrieval_setting={"top_k": 500, "score_threshold": 0.0})
    assert resp.status_code == 200 and 1 <= len(resp.json()["records"]) <= 50


# ---------------------------------------------------------------------- launching keyed servers
def test_launched_servers_take_a_key_only_when_asked(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("天桥区。", encoding="utf-8")
    monkeypatch.setenv("PARTYQA_API_KEY", "from-the-callers-shell")
    script = "import os, sys; print('key:', os.environ.get('PARTYQA_API_KEY')); sys.exit(3)"
    with pytest.raises(RuntimeError, match="key: None"):
        start_server(articles, command=[sys.executable, "-c", script], timeout=30, prefix="pq-keys-test-")
    with pytest.raises(RuntimeError, match="key: k1,k2"):
        start_server(articles, env={"PARTYQA_API_KEY": "k1,k2"}, command=[sys.executable, "-c", script],
                     timeout=30, prefix="pq-keys-test-")
    assert ServerProcess("http://x", api_key="k1").auth_headers == {"Authorization": "Bearer k1"}
    assert ServerProcess("http://x").auth_headers == {}


def test_serve_allow_no_key_flag_reaches_the_config(monkeypatch):
    from click.testing import CliRunner

    import app.server
    from app.cli import cli

    seen = []
    monkeypatch.setattr(app.server, "serve", seen.append)
    assert CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--allow-no-key"], env={}).exit_code == 0
    assert CliRunner().invoke(cli, ["serve"], env={}).exit_code == 0
    assert [(c.host, c.allow_no_key) for c in seen] == [("0.0.0.0", True), ("127.0.0.1", False)]
