"""The JSON API in-process (FastAPI TestClient, fake embedder): validation, errors mapped by class."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.server import create_api
from partyqa.errors import (
    BusyError,
    ConflictError,
    IndexCorruptError,
    InputError,
    NotFoundError,
    PartyQAError,
    TooLargeError,
)


@pytest.fixture
def client(services):
    engine, kb, config = services
    return TestClient(create_api(config, engine, kb))


def test_search_and_ask_answer_json(client):
    hits = client.post("/api/search", json={"query": "非公企业党组织", "top_k": 2}).json()["hits"]
    assert 1 <= len(hits) <= 2 and {"chunk_id", "doc_id", "text", "score", "source"} <= set(hits[0])
    body = client.post("/api/ask", json={"question": "天桥区建立了多少个非公企业党组织？"}).json()
    assert {"answer", "found", "citations", "resolved_question", "closest", "mode"} <= set(body)


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("/api/ask", {"question": ""}, 400, "bad_query"),
        ("/api/ask", {"question": "   "}, 400, "bad_query"),
        ("/api/ask", {"question": "问" * 2001}, 400, "bad_query"),
        ("/api/ask", {"question": "问" * 4000}, 413, "too_large"),
        ("/api/ask", {"question": 5}, 422, "invalid_request"),
        ("/api/ask", {"question": "天桥区", "extra": 1}, 422, "invalid_request"),
        ("/api/search", {"query": "党建", "top_k": 0}, 422, "invalid_request"),
        ("/api/search", {"query": "党建", "top_k": 51}, 422, "invalid_request"),
        ("/api/search", {"query": "党建", "filters": {"colour": "red"}}, 400, "bad_filter"),
        ("/api/search", {"query": "党建", "filters": {"district": 5}}, 400, "bad_filter"),
        ("/api/search", {"query": "党建", "filters": {"district": [None]}}, 400, "bad_filter"),
        ("/api/search", {"query": "党建", "filters": {"doc_ids": True}}, 400, "bad_filter"),
        ("/api/search", {"query": "党建", "filters": {"date_from": "2020-13-99"}}, 400, "bad_filter"),
    ],
)
def test_bad_input_is_a_json_error_with_its_code(client, path, body, status, code):
    resp = client.post(path, json=body)
    assert resp.status_code == status, resp.text
    assert resp.json()["code"] == code and resp.json()["error"]


def test_malformed_json_and_unknown_paths(client):
    resp = client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert resp.status_code == 422 and "valid JSON" in resp.json()["error"]
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/api/ask").status_code == 405
    big = b'{"question": "' + b"a" * (300 * 1024) + b'"}'
    assert client.post("/api/ask", content=big, headers={"content-type": "application/json"}).status_code == 413


def test_documents_upload_and_delete(client):
    docs = client.get("/api/documents").json()["documents"]
    assert {d["source"] for d in docs} == {"a.txt", "b.md", "c.txt"}
    resp = client.post("/api/documents", files=[("files", ("x.exe", b"abc"))])
    assert resp.status_code == 400 and resp.json()["code"] == "unsupported_type"
    resp = client.post("/api/documents", files=[("files", ("../x.txt", b"abc"))])
    assert resp.status_code == 400
    resp = client.post("/api/documents", files=[("files", ("new.txt", "云龙示范区党员示范户300个。".encode()))])
    assert resp.status_code == 200 and resp.json()["added"] == ["uploads/new.txt"]
    new = next(d for d in resp.json()["documents"] if d["source"] == "uploads/new.txt")
    assert client.delete(f"/api/documents/{new['doc_id']}").status_code == 200
    resp = client.delete("/api/documents/unknown")
    assert resp.status_code == 404 and resp.json()["code"] == "not_found"


@pytest.mark.parametrize(
    ("error", "status"),
    [(InputError("x"), 400), (TooLargeError("x"), 413), (NotFoundError("x"), 404), (ConflictError("x"), 409),
     (BusyError("x"), 429), (IndexCorruptError("x"), 503), (PartyQAError("x"), 500)],
)
def test_errors_map_to_status_by_class_not_message(services, monkeypatch, error, status):
    engine, kb, config = services

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(engine, "ask", fail)
    client = TestClient(create_api(config, engine, kb))
    resp = client.post("/api/ask", json={"question": "天桥区？"})
    assert resp.status_code == status and resp.json() == {"error": "x", "code": error.code}


def test_health_reports_the_index_and_refuses_when_not_loaded(services):
    engine, kb, config = services
    client = TestClient(create_api(config, engine, kb))
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["articles"] == 3
    engine._snapshot = None
    assert client.get("/api/health").status_code == 503
