"""Nothing read that should not be: the HTTP layer (issue 11, items 1, 2, 4, 11, 12, 13).

In-process (FastAPI TestClient, fake embedder). The same attacks run against a real server
in ``bench/attack.py`` (``tests/e2e/test_attack.py``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.server import create_api
from bench.attack_checks import MALFORMED

BASE = "http://127.0.0.1:7860"
GOOD = "云龙示范区打造300个党员示范户，带动群众增收。".encode()


def install_security(app, config):
    from app.api.security import install_security as install

    return install(app, config)


@pytest.fixture
def client(services):
    engine, kb, config = services
    app = create_api(config, engine, kb)
    install_security(app, config)
    return TestClient(app, base_url=BASE)


@pytest.fixture
def api(services):
    """The JSON API alone (no Host/Origin policy)."""
    engine, kb, config = services
    return TestClient(create_api(config, engine, kb), base_url=BASE)


def sources(client) -> set[str]:
    return {d["source"] for d in client.get("/api/documents").json()["documents"]}


# ---------------------------------------------------------------------- item 1
def _no_progress(*args, **kwargs):
    return None


def test_the_ui_upload_reads_only_files_gradio_received_here(services, tmp_path):
    """Item 1: any other path is refused with one message, whether or not it exists."""
    from app.ui.layout import NOT_RECEIVED, _upload, check_upload

    _engine, kb, config = services
    upload_dir = tmp_path / "gradio"
    (upload_dir / "abc").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_bytes("机密：不应被读取的文字内容。".encode())
    stray = upload_dir / "abc" / "stray.txt"  # in the upload folder, but not received
    stray.write_bytes(GOOD)
    received = upload_dir / "abc" / "mine.txt"
    received.write_bytes(GOOD)
    link = upload_dir / "abc" / "link.txt"
    link.symlink_to(secret)
    got = {str(received), str(link)}
    before = sources_of(kb)
    messages = {_upload(kb, config, [p], _no_progress, got, str(upload_dir))
                for p in (str(secret), str(tmp_path / "missing.txt"), str(stray), str(link), "/etc/hostname.txt")}
    assert len(messages) == 1 and NOT_RECEIVED in messages.pop()
    assert sources_of(kb) == before
    status = _upload(kb, config, [str(received)], _no_progress, got, str(upload_dir))
    assert "已索引" in status and "uploads/mine.txt" in sources_of(kb)
    with pytest.raises(Exception, match="received"):
        check_upload(str(secret), 1000)  # no record of received files: nothing is read


def test_gradio_temp_files_of_this_app_are_removed_after_use(tmp_path):
    """Item 14: the UI deletes its upload copies at once; other paths are never touched."""
    from app.ui.layout import forget_uploads

    upload_dir = tmp_path / "gradio"
    (upload_dir / "h1").mkdir(parents=True)
    used = upload_dir / "h1" / "used.txt"
    used.write_bytes(GOOD)
    outside = tmp_path / "keep.txt"
    outside.write_bytes(GOOD)
    got = {str(used)}
    forget_uploads([str(used), str(outside)], got, str(upload_dir))
    assert not used.exists() and not (upload_dir / "h1").exists() and not got
    assert outside.exists()


def sources_of(kb) -> set[str]:
    return {d["source"] for d in kb.documents()}


# ---------------------------------------------------------------------- item 2
def test_foreign_host_names_are_refused(client):
    """Item 2: DNS rebinding sends the attacker's host name."""
    resp = client.get("/api/health", headers={"Host": "evil.example"})
    assert resp.status_code == 403 and resp.json()["code"] == "forbidden"
    assert client.get("/api/health", headers={"Host": "evil.example:7860"}).status_code == 403
    for host in ("127.0.0.1:7860", "localhost:7860", "[::1]:7860"):
        assert client.get("/api/health", headers={"Host": host}).status_code == 200


def test_changes_from_foreign_origins_are_refused(client):
    """Item 2: a cross-site multipart POST is not indexed; same-origin and scripts pass."""
    before = sources(client)
    for origin in ("http://evil.example", "http://localhost:9999", "null"):
        resp = client.post("/api/documents", files=[("files", ("x.txt", GOOD))], headers={"Origin": origin})
        assert resp.status_code == 403, origin
    resp = client.post("/api/documents", files=[("files", ("x.txt", GOOD))],
                       headers={"Sec-Fetch-Site": "cross-site"})
    assert resp.status_code == 403 and sources(client) == before
    assert client.post("/api/ask", json={"question": "天桥区？"}, headers={"Origin": BASE}).status_code == 200
    assert client.post("/api/ask", json={"question": "天桥区？"}).status_code == 200


def test_cors_answers_only_configured_origins(services):
    """Item 2: no credentialed CORS for localhost origins; a configured origin is allowed."""
    engine, kb, config = services
    config = config.replace(allowed_origins="https://intranet.example")
    app = create_api(config, engine, kb)
    install_security(app, config)
    client = TestClient(app, base_url=BASE)
    preflight = {"Access-Control-Request-Method": "POST"}
    denied = client.options("/api/documents", headers={"Origin": "http://localhost:9999", **preflight})
    assert "access-control-allow-origin" not in denied.headers
    allowed = client.options("/api/ask", headers={"Origin": "https://intranet.example", **preflight})
    assert allowed.headers.get("access-control-allow-origin") == "https://intranet.example"
    assert "access-control-allow-credentials" not in allowed.headers
    resp = client.post("/api/ask", json={"question": "天桥区？"}, headers={"Origin": "https://intranet.example"})
    assert resp.status_code == 200


def test_the_gradio_app_gets_no_cors_of_its_own_and_refuses_foreign_hosts(services):
    """Item 2: with the parent's policy installed, Gradio's permissive localhost CORS is gone."""
    from app.server import create_app

    engine, _kb, config = services
    client = TestClient(create_app(config, engine), base_url=BASE)
    headers = {"Origin": "http://localhost:9999", "Access-Control-Request-Method": "POST"}
    for path in ("/gradio_api/queue/join", "/config", "/api/documents"):
        resp = client.options(path, headers=headers)
        assert "access-control-allow-origin" not in resp.headers, path
    assert "access-control-allow-origin" not in client.get("/config", headers={"Origin": "http://localhost:9999"}).headers
    assert client.get("/config", headers={"Host": "evil.example"}).status_code == 403
    resp = client.post("/gradio_api/queue/join", json={}, headers={"Origin": "http://evil.example"})
    assert resp.status_code == 403
    resp = client.post("/gradio_api/queue/join", content=_chunks(2 * 1024 * 1024),
                       headers={"Content-Type": "application/json"})
    assert resp.status_code == 413  # item 11: the UI's JSON endpoints are capped too


# ---------------------------------------------------------------------- items 4 and 12 over HTTP
def test_an_unreadable_reupload_is_422_and_keeps_the_document(api):
    """Item 4: the answer is not a success, and the old document and file stay."""
    assert api.post("/api/documents", files=[("files", ("keep.txt", GOOD))]).status_code == 200
    before = api.get("/api/documents").json()
    resp = api.post("/api/documents", files=[("files", ("keep.txt", bytes(range(128, 256)) * 8))])
    assert resp.status_code == 422 and resp.json()["code"] == "unreadable"
    assert api.get("/api/documents").json() == before


def test_a_slow_upload_answers_202_with_a_job_to_follow(services):
    """Item 12: uploads are background jobs with progress at /api/jobs/{id}."""
    engine, kb, config = services
    config = config.replace(upload_wait_s=0.0)
    client = TestClient(create_api(config, engine, kb), base_url=BASE)
    resp = client.post("/api/documents", files=[("files", ("job.txt", GOOD))])
    assert resp.status_code == 202 and resp.headers["location"] == f"/api/jobs/{resp.json()['job']['id']}"
    job_id = resp.json()["job"]["id"]
    for _ in range(200):
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "done" and job["added"] == ["uploads/job.txt"]
    assert job_id in {j["id"] for j in client.get("/api/jobs").json()["jobs"]}
    assert client.get("/api/jobs/nope").status_code == 404


def test_one_request_cannot_queue_unbounded_work(services):
    """Item 12: the body limit follows the per-request total (413)."""
    engine, kb, config = services
    kb.config = config = config.replace(max_request_bytes=64 * 1024)
    client = TestClient(create_api(config, engine, kb), base_url=BASE)
    files = [("files", (f"f{i}.txt", GOOD * 200)) for i in range(20)]  # 260 KB in all
    resp = client.post("/api/documents", files=files)
    assert resp.status_code == 413 and resp.json()["code"] == "too_large"
    files = [("files", (f"f{i}.txt", GOOD * 2000)) for i in range(20)]  # 2.6 MB: over the body limit
    assert client.post("/api/documents", files=files).status_code == 413


# ---------------------------------------------------------------------- item 11
def _chunks(total: int, size: int = 64 * 1024):
    sent = 0
    yield b'{"question": "x", "pad": "'
    while sent < total:
        yield b"a" * size
        sent += size
    yield b'"}'


@pytest.mark.parametrize(("path", "content_type"), [
    ("/api/ask", "application/json"), ("/api/search", "application/json"),
    ("/api/documents", "multipart/form-data; boundary=xyz")])
def test_chunked_bodies_are_capped_while_they_arrive(services, path, content_type):
    """Item 11: Transfer-Encoding: chunked does not skip the body limit."""
    engine, kb, config = services
    config = config.replace(max_request_bytes=8 * 1024 * 1024)
    api = TestClient(create_api(config, engine, kb), base_url=BASE)
    resp = api.post(path, content=_chunks(12 * 1024 * 1024), headers={"Content-Type": content_type})
    assert resp.status_code == 413 and resp.json()["code"] == "too_large"


# ---------------------------------------------------------------------- item 13
@pytest.mark.parametrize(("path", "body"), MALFORMED)
def test_malformed_requests_are_json_4xx_never_500(api, path, body):
    """Item 13: surrogates, wrong filter types, impossible dates, invalid UTF-8."""
    resp = api.post(path, content=body, headers={"Content-Type": "application/json"})
    assert 400 <= resp.status_code < 500, resp.text
    assert set(resp.json()) == {"error", "code"} and resp.json()["error"]


def test_errors_never_show_absolute_server_paths(services, tmp_path):
    """Item 13: index and read errors name files relative to their folder."""
    from index.store import open_store
    from partyqa.errors import IndexMissingError

    _engine, kb, config = services
    with pytest.raises(IndexMissingError) as caught:
        open_store(tmp_path / "deep" / "nothing").load()
    assert str(tmp_path) not in caught.value.message
    report = kb.add_files([("bad.txt", bytes(range(128, 256)) * 8)])
    assert all(str(Path(config.data_dir)) not in e for e in report.errors)
