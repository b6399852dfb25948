"""The checks of ``bench/attack.py``: each replays one finding of issue 11 over 127.0.0.1.

``live_checks`` attack the running server; ``restart_checks`` stop it, damage or move its
files and start it again. Each check yields :class:`bench.attack.Check` records; ``ok`` is
False only for a breach (or a check that could not run).
"""

from __future__ import annotations

import json
import re
import select
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

#: Bundled articles (``data/articles``) the checks delete or shadow.
BUNDLED = ["000_6de42d482a8a57c5.txt", "001_1a535275e86f51e6.txt", "002_1e05c322bb196bbc.txt",
           "003_ea33b374a10aa2cf.txt", "004_c4347958372b3895.txt"]
PLACES = ["星河湾社区", "云杉镇", "柳岸街道", "青石村", "枫桥社区", "临江镇", "白鹭洲街道", "松涛村", "金沙社区",
          "翠屏镇", "石榴村", "南湖街道"]


def article(n: int) -> bytes:
    """A short article of its own for each upload (identical texts would be one document)."""
    place = PLACES[n % len(PLACES)]
    return (f"{place}党委推行党员中心户制度，确定党员中心户{30 + n}户，"
            f"组建志愿服务队{n + 2}支，开展服务活动{100 + 7 * n}余次。").encode()


GOOD = article(0)
UNDECODABLE = bytes(range(128, 256)) * 16
SECRET = "机密标记QZXW：这段文字只存在于服务器的私人文件里。"
PLANTED = "机密标记PLNT：这段文字放在界面的临时文件夹里，却从未上传。"
QUESTION = {"question": "天桥区建立了多少个非公企业党组织？"}

_error_texts: list[str] = []


@dataclass
class Check:
    """One replayed attack and its outcome (``ok`` False: a breach)."""

    item: str
    name: str
    ok: bool
    detail: str = ""


def _check(item: str, name: str, ok: bool, detail: str = "") -> Check:
    return Check(item, name, bool(ok), detail)


# ---------------------------------------------------------------------- HTTP helpers
def client(target, **kw) -> httpx.Client:
    return httpx.Client(base_url=target.url, timeout=kw.pop("timeout", 300), trust_env=False, **kw)


def _note(resp: httpx.Response) -> httpx.Response:
    if resp.status_code >= 400:
        _error_texts.append(resp.text)
    return resp


def documents(c: httpx.Client) -> list[dict]:
    return c.get("/api/documents").json()["documents"]


def sources(c: httpx.Client) -> set[str]:
    return {d["source"] for d in documents(c)}


def doc_id(c: httpx.Client, source: str) -> str | None:
    return next((d["doc_id"] for d in documents(c) if d["source"] == source), None)


def follow(c: httpx.Client, job_id: str, timeout: float = 900) -> dict:
    """Poll ``/api/jobs/{id}`` until the job is done or failed."""
    deadline = time.monotonic() + timeout
    job: dict = {}
    while time.monotonic() < deadline:
        job = c.get(f"/api/jobs/{job_id}").json()
        if job.get("status") in ("done", "failed"):
            return job
        time.sleep(0.5)
    return job


def upload(c: httpx.Client, *files: tuple[str, bytes], headers: dict | None = None) -> tuple[int, dict]:
    """``POST /api/documents``; a 202 is followed to the end (the status is then the job's)."""
    resp = _note(c.post("/api/documents", files=[("files", (n, b, "text/plain")) for n, b in files],
                        headers=headers or {}))
    try:
        body = resp.json()
    except ValueError:
        body = {"text": resp.text}
    if resp.status_code == 202:
        job = follow(c, body["job"]["id"])
        ok_job = job.get("status") == "done" and (job.get("added") or not job.get("errors"))
        return (200 if ok_job else 422 if job.get("status") == "done" else 500), {"job": job, **job}
    return resp.status_code, body


def gradio_call(c: httpx.Client, api: str, data: list, headers: dict | None = None) -> tuple[str, str]:
    """Call a Gradio event over its HTTP API; returns ``(event, data)`` of the last message."""
    resp = c.post(f"/gradio_api/call/{api}", json={"data": data}, headers=headers or {})
    if resp.status_code != 200:
        return f"http {resp.status_code}", resp.text
    event_id = resp.json()["event_id"]
    event, payload = "none", ""
    with c.stream("GET", f"/gradio_api/call/{api}/{event_id}", timeout=600) as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                payload = line.split(":", 1)[1].strip()
    return event, payload


def _file_data(path: str, name: str) -> dict:
    return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def _contains(folder: Path, marker: str) -> list[str]:
    """Files under ``folder`` whose bytes contain ``marker``."""
    found = []
    for path in folder.rglob("*"):
        try:
            if path.is_file() and marker.encode() in path.read_bytes():
                found.append(path.name)
        except OSError:
            continue
    return found


def _rss_peak(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _raw_post(port: int, path: str, headers: str, body_chunks, timeout: float = 30.0) -> tuple[str, int]:
    """Send a request over a raw socket, stopping as soon as the server answers.

    Returns:
        The response's status line (or the error) and the body bytes sent.
    """
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sent = 0
    try:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}\r\n".encode())
        for chunk in body_chunks:
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(chunk)
            except OSError:
                break
            sent += len(chunk)
        sock.settimeout(timeout)
        data = b""
        while b"\r\n" not in data:
            part = sock.recv(4096)
            if not part:
                break
            data += part
        return data.split(b"\r\n", 1)[0].decode("latin-1") or "(connection closed)", sent
    except OSError as exc:
        return f"{type(exc).__name__}", sent
    finally:
        sock.close()


def big_text(kb: int, seed: int) -> bytes:
    """About ``kb`` KB of distinct sentences written for this script."""
    out, i = [], 0
    while sum(len(s) for s in out) < kb * 1024:
        out.append(f"第{seed}-{i}段：示例区第{i}个社区党支部组织党员{i % 97 + 3}人开展志愿服务{i % 13 + 1}次，"
                   f"走访群众{i % 211 + 20}户。\n".encode())
        i += 1
    return b"".join(out)


# ---------------------------------------------------------------------- live checks
def live_checks(target) -> Iterator[list]:
    """Attack the running server; one list of checks per item."""
    with client(target) as c:
        yield item_13(c)
        yield item_2(c, target)
        yield item_1(c, target)
        yield item_4_14(c, target)
        yield item_5(c, target)
        yield item_6(c, target)
        yield item_9(c, target)
        yield item_11(target)
        yield item_3(c, target)
        yield item_12(c, target)
        yield paths_in_errors(target)


#: Item 13: bodies that once answered 500 or {"detail"}; each must be a JSON 4xx (the unit
#: tests use the same list).
MALFORMED = [
    ("/api/ask", b'{"question": "\\ud800"}'), ("/api/search", b'{"query": "\\udfff abc"}'),
    ("/api/ask", b'{"question": "ok", "history": [{"question": "\\ud800", "answer": ""}]}'),
    ("/api/search", b'{"query": "ok", "filters": {"\\ud800": 1}}'),
    ("/api/search", b'{"query": "ok", "filters": {"district": 5}}'),
    ("/api/search", b'{"query": "ok", "filters": {"district": [1, 2]}}'),
    ("/api/search", b'{"query": "ok", "filters": {"district": [null]}}'),
    ("/api/search", b'{"query": "ok", "filters": {"doc_ids": 5}}'),
    ("/api/search", b'{"query": "ok", "filters": {"doc_ids": true}}'),
    ("/api/search", b'{"query": "ok", "filters": {"date_from": "2020-13-99"}}'),
    ("/api/ask", b'{"question": "\xff\xfe\xfa"}'), ("/api/search", b"\xc3\x28"),
]


def item_13(c) -> list:
    cases = MALFORMED
    bad = []
    for path, body in cases:
        try:
            resp = _note(c.post(path, content=body, headers={"Content-Type": "application/json"}))
            shape_ok = 400 <= resp.status_code < 500 and set(resp.json()) == {"error", "code"}
        except (httpx.HTTPError, ValueError) as exc:
            shape_ok, resp = False, exc
        if not shape_ok:
            bad.append(f"{body[:40]!r} → {getattr(resp, 'status_code', resp)}")
    return [_check("13", "malformed questions, filters, dates and bodies answer a JSON 4xx", not bad, "; ".join(bad))]


def item_2(c, target) -> list:
    evil = {"Host": "evil.example"}
    out = [
        _check("2", "Host: evil.example is refused (GET)", _note(c.get("/api/health", headers=evil)).status_code == 403),
        _check("2", "Host: evil.example is refused (POST)",
               _note(c.post("/api/ask", json=QUESTION, headers=evil)).status_code == 403),
    ]
    before = sources(c)
    resp = _note(c.post("/api/documents", files=[("files", ("csrf.txt", article(21), "text/plain"))],
                        headers={"Origin": "http://evil.example"}))
    out.append(_check("2", "cross-site multipart POST /api/documents is refused and not indexed",
                      resp.status_code == 403 and sources(c) == before, f"HTTP {resp.status_code}"))
    event, _ = gradio_call(c, "on_delete", [doc_id(c, BUNDLED[4])], headers={"Origin": "http://evil.example"})
    out.append(_check("2", "cross-site Gradio event (on_delete) is refused",
                      event == "http 403" and BUNDLED[4] in sources(c), event))
    pre = {"Origin": "http://localhost:8080", "Access-Control-Request-Method": "POST"}
    leaks = [f"OPTIONS {p}" for p in ("/api/documents", "/api/ask", "/gradio_api/queue/join", "/config")
             if "access-control-allow-origin" in c.options(p, headers=pre).headers]
    leaks += [f"GET {p}" for p in ("/config", "/api/documents")
              if "access-control-allow-origin" in c.get(p, headers={"Origin": pre["Origin"]}).headers]
    out.append(_check("2", "no CORS grant to http://localhost:* (API and Gradio)", not leaks, ", ".join(leaks)))
    same = c.post("/api/ask", json=QUESTION, headers={"Origin": target.url})
    out.append(_check("2", "the server's own origin still works", same.status_code == 200, f"HTTP {same.status_code}"))
    return out


def item_1(c, target) -> list:
    secret = target.secret_dir / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    missing = target.secret_dir / "missing.txt"
    planted = target.gradio_dir / "planted0" / "planted.txt"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text(PLANTED, encoding="utf-8")
    answers = {}
    for label, path in (("secret", secret), ("missing", missing), ("planted", planted)):
        event, payload = gradio_call(c, "on_upload", [[_file_data(str(path), path.name)]])
        answers[label] = (event, payload.replace(str(path), "<PATH>"))
        _error_texts.append(payload.replace(str(path), "<PATH>"))
    hits = c.post("/api/search", json={"query": "机密标记", "top_k": 10}).json()["hits"]
    leaked = [h["source"] for h in hits if "机密标记" in h["text"]]
    indexed = [s for s in sources(c) if Path(s).name in ("secret.txt", "planted.txt", "missing.txt")]
    out = [
        _check("1", "a FileData naming a server path is never read, indexed or searchable",
               not leaked and not indexed, f"leaked {leaked} indexed {indexed}; answer {answers['secret'][0]}"),
        _check("1", "no existence oracle: an existing and a missing path get the same answer",
               answers["secret"] == answers["missing"], f"{answers['secret']} vs {answers['missing']}"),
        _check("1", "a file in Gradio's folder that this server never received is not read",
               "planted.txt" not in {Path(s).name for s in sources(c)}, answers["planted"][0]),
        _check("1", "no copy of the private file in Gradio's folder",
               not _contains(target.gradio_dir, "QZXW"), ", ".join(_contains(target.gradio_dir, "QZXW"))),
    ]
    received = c.post("/gradio_api/upload", files=[("files", ("ui-upload.txt", article(20), "text/plain"))]).json()
    event, payload = gradio_call(c, "on_upload", [[_file_data(received[0], "ui-upload.txt")]])
    out.append(_check("1", "control: a file uploaded through the UI is indexed",
                      "uploads/ui-upload.txt" in sources(c), f"{event}: {payload[:120]}"))
    out.append(_check("14", "the UI's temporary copy is removed after use", not Path(received[0]).exists(),
                      received[0].replace(str(target.root), "<root>")))
    return out


def item_4_14(c, target) -> list:
    status, _ = upload(c, ("keep.txt", GOOD))  # GOOD: this file's text, used nowhere else
    before = doc_id(c, "uploads/keep.txt")
    status2, body = upload(c, ("keep.txt", UNDECODABLE))
    path = target.data_dir / "uploads" / "keep.txt"
    out = [_check("4", "a re-upload with undecodable bytes is not a success and keeps the document and file",
                  status == 200 and status2 != 200 and before and doc_id(c, "uploads/keep.txt") == before
                  and path.read_bytes() == GOOD, f"first {status}, re-upload {status2}: {str(body)[:160]}")]
    status3, _ = upload(c, ("rejected.txt", UNDECODABLE))
    leftovers = [p.name for p in (target.data_dir / "uploads").iterdir() if p.name == "rejected.txt"]
    out.append(_check("14", "a rejected file never stays in uploads/", status3 != 200 and not leftovers,
                      f"HTTP {status3}, left {leftovers}"))
    status4, _ = upload(c, ("README.md", "# 说明\n\n鼓楼区党员志愿服务队开展活动20次。".encode()))
    out.append(_check("14", "a README.md upload is indexed (not silently ignored)",
                      status4 == 200 and "uploads/README.md" in sources(c), f"HTTP {status4}"))
    return out


def item_5(c, target) -> list:
    status, _ = upload(c, ("keep2.txt", article(22)))
    before = doc_id(c, "uploads/keep2.txt")
    long_name = "长" * 83 + ".txt"  # 253 bytes
    status2, body = upload(c, ("keep2.txt", article(2)), (long_name, article(3)))
    alone, _ = upload(c, (long_name, article(4)))
    path = target.data_dir / "uploads" / "keep2.txt"
    return [_check("5", "a request failing half-way (250-byte CJK name) keeps the existing file and document",
                   status == 200 and 400 <= status2 < 500 and 400 <= alone < 500 and path.read_bytes() == article(22)
                   and doc_id(c, "uploads/keep2.txt") == before, f"HTTP {status2}/{alone}: {str(body)[:120]}")]


def item_6(c, target) -> list:
    name = BUNDLED[0]
    status, _ = upload(c, (name, article(5)))
    both = {name, f"uploads/{name}"} <= sources(c)
    resp = _note(c.delete(f"/api/documents/{doc_id(c, f'uploads/{name}')}"))
    after = sources(c)
    return [_check("6", "an upload named like a bundled file is its own document; deleting it removes only it",
                   status == 200 and both and resp.status_code == 200 and name in after
                   and f"uploads/{name}" not in after and (target.articles_dir / name).exists()
                   and not (target.data_dir / "uploads" / name).exists(), f"upload {status}, delete {resp.status_code}")]


def _parallel(*calls) -> list:
    results: list = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(i, fn):
        barrier.wait()
        results[i] = fn()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def item_9(c, target) -> list:
    ids = [doc_id(c, BUNDLED[1]), doc_id(c, BUNDLED[2])]
    with client(target) as c1, client(target) as c2:
        codes = _parallel(lambda: _note(c1.delete(f"/api/documents/{ids[0]}")).status_code,
                          lambda: _note(c2.delete(f"/api/documents/{ids[1]}")).status_code)
    now = sources(c)
    out = [_check("9", "two concurrent DELETEs of different documents both take effect",
                  codes == [200, 200] and BUNDLED[1] not in now and BUNDLED[2] not in now, f"{codes}")]
    upload(c, ("twice.txt", article(23)))
    target_id = doc_id(c, "uploads/twice.txt")
    with client(target) as c1, client(target) as c2:
        codes = _parallel(lambda: _note(c1.delete(f"/api/documents/{target_id}")).status_code,
                          lambda: _note(c2.delete(f"/api/documents/{target_id}")).status_code)
    status, _ = upload(c, ("twice.txt", article(23)))
    out.append(_check("9", "two DELETEs of one upload: one 200, one 404; a re-upload is indexed",
                      sorted(codes) == [200, 404] and status == 200 and "uploads/twice.txt" in sources(c),
                      f"{codes}, re-upload {status}"))
    status, _ = upload(c, (BUNDLED[1], article(6)))
    present = f"uploads/{BUNDLED[1]}" in sources(c)
    resp = _note(c.delete(f"/api/documents/{doc_id(c, f'uploads/{BUNDLED[1]}')}"))
    out.append(_check("9", "an upload named like a deleted bundled file is indexed and deletable",
                      status == 200 and present and resp.status_code == 200
                      and f"uploads/{BUNDLED[1]}" not in sources(c), f"upload {status}, delete {resp.status_code}"))
    return out


def item_11(target) -> list:
    pid = target.process.pid
    before = _rss_peak(pid)
    frame = b"10000\r\n" + b"a" * 0x10000 + b"\r\n"
    chunks = (frame for _ in range(200 * 16))  # 200 MB
    status, sent = _raw_post(target.port, "/api/ask", "Content-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\n", chunks)
    grew = _rss_peak(pid) - before
    return [_check("11", "a 200 MB chunked body is refused with 413 before it is buffered",
                   " 413 " in f"{status} " and grew < 64, f"{status}; {sent // 1024} KB sent; peak RSS +{grew:.0f} MiB")]


def item_3(c, target) -> list:
    payloads = [("anchors.html", b"<a " * 16000), ("comments.txt", b"<!--" * 12000),
                ("scripts.txt", b"<script>" * 6000)]
    slow: dict = {}

    def send_slow():
        with client(target) as c2:
            started = time.monotonic()
            slow["status"], slow["body"] = upload(c2, *payloads)
            slow["seconds"] = round(time.monotonic() - started, 1)

    thread = threading.Thread(target=send_slow)
    thread.start()
    time.sleep(1.0)
    started = time.monotonic()
    status, _ = upload(c, ("normal.txt", article(7)))
    normal_s = time.monotonic() - started
    asks = []
    for _ in range(5):
        t = time.monotonic()
        ok = c.post("/api/ask", json=QUESTION).status_code == 200
        asks.append((ok, time.monotonic() - t))
    thread.join(timeout=900)
    worst = max(s for _, s in asks)
    detail = (f"normal upload HTTP {status} in {normal_s:.1f} s; asks ≤ {worst:.2f} s; the payloads took "
              f"{slow.get('seconds')} s → HTTP {slow.get('status')} ({json.dumps(slow.get('body', {}).get('errors', []), ensure_ascii=False)[:200]})")
    return [_check("3", "quadratic-cleaning payloads hold up neither a normal upload nor questions",
                   status == 200 and normal_s < 60 and all(ok for ok, _ in asks) and worst < 5, detail)]


def item_12(c, target) -> list:
    status, _ = _raw_post(target.port, "/api/documents", f"Content-Type: multipart/form-data; boundary=x\r\n"
                          f"Content-Length: {20 * 5 * 1024 * 1024}\r\n", iter([b"--x\r\n"]))
    out = [_check("12", "one request of 20 × 5 MB is refused (413)", " 413 " in f"{status} ", status)]
    big = big_text(450, 1)
    resp = _note(c.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))]))
    if resp.status_code not in (200, 202):
        return out + [_check("12", "a 450 KB upload is accepted", False, f"HTTP {resp.status_code}: {resp.text[:200]}")]
    job = resp.json()["job"]
    seen = [c.get(f"/api/jobs/{job['id']}").json()]
    busy = _note(c.post("/api/documents", files=[("files", ("big2.txt", big_text(450, 2), "text/plain"))]))
    t = time.monotonic()
    ask_ok = c.post("/api/ask", json=QUESTION).status_code == 200
    ask_s = time.monotonic() - t
    t = time.monotonic()
    deleted = _note(c.delete(f"/api/documents/{doc_id(c, BUNDLED[3])}")).status_code
    delete_s = time.monotonic() - t
    seen.append(c.get(f"/api/jobs/{job['id']}").json())
    final = follow(c, job["id"])
    progress = [f"{j.get('status')}/{j.get('stage')} {j.get('done')}/{j.get('total')}" for j in seen]
    out.append(_check("12", "a big upload is a background job; questions and a delete go on meanwhile",
                      resp.status_code == 202 and ask_ok and ask_s < 5 and deleted == 200 and delete_s < 30
                      and final.get("status") == "done" and final.get("added") == ["uploads/big.txt"],
                      f"HTTP {resp.status_code}; ask {ask_s:.2f} s; delete {deleted} in {delete_s:.1f} s; "
                      f"job {' → '.join(progress)} → {final.get('status')}"))
    out.append(_check("12", "work queued beyond the bound is refused (429)", busy.status_code == 429,
                      f"HTTP {busy.status_code}"))
    return out


def paths_in_errors(target) -> list:
    root = str(target.root)
    pattern = re.compile(r"(/tmp/|/home/|/root/|/work/|/etc/|/usr/|/var/)")
    found = [t[:160] for t in _error_texts if root in t or pattern.search(t)]
    return [_check("13", f"no absolute server path in {len(_error_texts)} error answers", not found, " | ".join(found[:3]))]


# ---------------------------------------------------------------------- restart checks
def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2]))
        return
    start = max(0, len(data) // 2 - 2048)
    for i in range(start, min(len(data), start + 4096)):
        data[i] ^= 0x01
    path.write_bytes(bytes(data))


def _live_build(target) -> Path:
    index = target.data_dir / "index"
    return index / (index / "CURRENT").read_text(encoding="utf-8").strip()


def restart_checks(target) -> Iterator[list]:
    """Stop the server, damage or move its files, start it again."""
    with client(target) as c:
        expected = sources(c)
    target.stop()
    yield item_10(target)
    yield item_7(target, expected)
    yield item_8(target, expected)


def item_10(target) -> list:
    out = []
    cases = [("faiss.index", "flip"), ("chunks.jsonl", "truncate"), ("articles.jsonl", "flip"),
             ("vectors.npy", "truncate"), ("bm25_tf.npz", "flip"), ("manifest.json", "flip")]
    for name, how in cases:
        copy = target.root / f"index-{name}"
        shutil.copytree(target.data_dir / "index", copy)
        build = copy / (copy / "CURRENT").read_text(encoding="utf-8").strip()
        _damage(build / name, how)
        status, output = target.start_fails(PARTYQA_INDEX_DIR=str(copy))
        out.append(_check("10", f"{how} {name}: the server refuses to start with the rebuild command",
                          status == 2 and "partyqa index --rebuild" in output and "Traceback" not in output,
                          f"exit {status}: {output.strip().splitlines()[-1][:200] if output.strip() else ''}"))
        shutil.rmtree(copy, ignore_errors=True)
    return out


def item_7(target, expected: set[str]) -> list:
    index = target.data_dir / "index"
    uploads = sorted(p.name for p in (target.data_dir / "uploads").iterdir())
    _damage(_live_build(target) / "vectors.npy", "flip")
    entries = sorted(p.name for p in index.iterdir())
    status, output = target.start_fails()
    kept = sorted(p.name for p in index.iterdir()) == entries and \
        sorted(p.name for p in (target.data_dir / "uploads").iterdir()) == uploads
    out = [_check("7", "a damaged index: the server refuses to start, keeps every build and upload",
                  status == 2 and "partyqa index --rebuild" in output and kept,
                  f"exit {status}: {output.strip().splitlines()[-1][:200] if output.strip() else ''}")]
    rebuilt = target.cli("index", "--rebuild")
    target.start()
    with client(target) as c:
        now = sources(c)
    out.append(_check("7", "partyqa index --rebuild restores every upload and deletion",
                      rebuilt.returncode == 0 and now == expected,
                      f"exit {rebuilt.returncode}; missing {sorted(expected - now)} extra {sorted(now - expected)}"))
    return out


def item_8(target, expected: set[str]) -> list:
    target.stop()
    moved = target.root / "articles-moved"
    shutil.move(str(target.articles_dir), moved)
    target.overrides["PARTYQA_ARTICLES_DIR"] = str(moved)
    target.start()
    with client(target) as c:
        status, _ = upload(c, ("after-move.txt", article(8)))
        now = sources(c)
    return [_check("8", "after moving the articles folder an upload keeps every bundled article",
                   status == 200 and now == expected | {"uploads/after-move.txt"},
                   f"HTTP {status}; missing {sorted(expected - now)}")]


__all__ = ["Check", "live_checks", "restart_checks"]
