"""API keys on a real server: a server of its own started with ``PARTYQA_API_KEY`` (two keys), and
the refusal to serve on a non-loopback address without a key."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx
import pytest

from app.launch import start_server
from tests._server import REPO, START_TIMEOUT

openai = pytest.importorskip("openai", reason="pip install openai (the test extra)")

pytestmark = pytest.mark.e2e

KEYS = ("e2e-key-one-7f3a", "e2e-key-two-91bc")
QUESTION = "天桥区建立了多少个非公企业党组织？"
ARTICLE = "星湖镇：党员议事会\n\n星湖镇今年在全镇12个村成立党员议事会，每月议一次村里的大事小情。\n"


def _models() -> Path | None:
    models = os.environ.get("PARTYQA_TEST_MODELS_DIR")
    return Path(models) if models else None


@pytest.fixture(scope="module")
def server():
    """A server of this module's own that requires one of :data:`KEYS`."""
    running = start_server(REPO / "data" / "articles", models_dir=_models(),
                           env={"PARTYQA_API_KEY": ",".join(KEYS)}, drop_env=("PARTYQA_LLM_BASE_URL",),
                           command=[sys.executable, "-m", "app.server"], timeout=START_TIMEOUT,
                           prefix="partyqa-e2e-keys-")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=180, trust_env=False) as client:
        yield client


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.parametrize(("method", "path", "body"), [
    ("GET", "/api/health", None), ("POST", "/api/ask", {"question": QUESTION}), ("GET", "/api/documents", None),
    ("GET", "/v1/models", None), ("POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}]}),
])
def test_every_prefix_answers_401_without_the_right_key(http, method, path, body) -> None:
    for headers in ({}, bearer("wrong"), {"Authorization": KEYS[0]}):
        resp = http.request(method, path, json=body, headers=headers)
        assert resp.status_code == 401, (path, headers, resp.text)
        error = resp.json()["error"]
        assert (error["message"] if path.startswith("/v1") else error)
    for key in KEYS:
        assert http.request(method, path, json=body, headers=bearer(key)).status_code == 200


def test_dify_retrieval_answers_1001_and_1002_then_records_with_the_key(http) -> None:
    body = {"knowledge_id": "partyqa", "query": "非公企业党组织", "retrieval_setting": {"top_k": 2, "score_threshold": 0}}
    for headers, code in (({}, 1001), ({"Authorization": "Basic abc"}, 1001), (bearer("wrong"), 1002)):
        resp = http.post("/retrieval", json=body, headers=headers)
        assert resp.status_code == 403 and resp.json()["error_code"] == code, resp.text
    resp = http.post("/retrieval", json=body, headers=bearer(KEYS[1]))
    assert resp.status_code == 200 and resp.json()["records"]


def test_openai_client_with_and_without_the_key(server) -> None:
    with httpx.Client(trust_env=False, timeout=180) as client:
        good = openai.OpenAI(base_url=f"{server.url}/v1", api_key=KEYS[0], http_client=client, max_retries=0)
        answer = good.chat.completions.create(model="partyqa", messages=[{"role": "user", "content": QUESTION}])
        assert "416" in answer.choices[0].message.content
        bad = openai.OpenAI(base_url=f"{server.url}/v1", api_key="wrong", http_client=client, max_retries=0)
        with pytest.raises(openai.AuthenticationError) as info:
            bad.models.list()
        assert info.value.code == "invalid_api_key"


def test_uploads_and_deletions_need_the_key(http) -> None:
    files = [("files", ("xinghu.txt", ARTICLE.encode("utf-8"), "text/plain"))]
    assert http.post("/api/documents", files=files).status_code == 401
    resp = http.post("/api/documents", files=files, headers=bearer(KEYS[0]))
    assert resp.status_code == 200, resp.text
    doc = next(d for d in resp.json()["documents"] if d["source"] == "uploads/xinghu.txt")
    assert http.delete(f"/api/documents/{doc['doc_id']}").status_code == 401
    assert http.delete(f"/api/documents/{doc['doc_id']}", headers=bearer(KEYS[1])).status_code == 200


def test_docs_need_no_key(http) -> None:
    assert http.get("/docs").status_code == 200 and http.get("/openapi.json").status_code == 200


def test_an_open_server_on_all_interfaces_refuses_to_start(tmp_path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(RuntimeError) as info:
        start_server(articles, env={"PARTYQA_HOST": "0.0.0.0"}, command=[sys.executable, "-m", "app.server"],
                     timeout=60, prefix="partyqa-e2e-open-")
    message = str(info.value)
    assert "exited with status 2" in message and "PARTYQA_API_KEY" in message and "--allow-no-key" in message
