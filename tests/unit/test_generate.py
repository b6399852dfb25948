"""Generative mode against a real HTTP server on 127.0.0.1 that speaks chat completions."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from partyqa.config import Config
from partyqa.records import Answer, Hit
from retrieval.answer.compose import citation_for
from retrieval.answer.generative import check_answer, generate_answer


def _hit(text: str, n: int) -> Hit:
    return Hit(chunk_id=f"c{n}", doc_id=f"d{n}", title="标题", publisher="济南日报", date="2020-06-30",
               section="", text=text, score=1.0 / n, start=0, end=len(text), district="天桥区", source="a.txt")


HITS = [
    _hit("为解决这个问题。目前,全区建立非公企业党组织416个,覆盖率64.7%;建立社会组织党组织47个,覆盖率70.7%。", 1),
    _hit("涧西区开展了党的基本知识宣传活动,发放党史教材800多本、宣传手册13000多本。", 2),
]


class _ChatServer:
    """A tiny chat-completions server whose reply (or failure) the test chooses."""

    def __init__(self):
        self.reply: str | None = None
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                if outer.delay:
                    import time

                    time.sleep(outer.delay)
                payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": outer.reply}}]})
                try:
                    self.send_response(outer.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(payload.encode())
                except BrokenPipeError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.fixture
def server():
    srv = _ChatServer()
    yield srv
    srv.close()


def _fallback() -> Answer:
    c = citation_for(1, HITS[0], 9, 40)
    return Answer(question="q", resolved_question="q", text="extractive[1]", found=True, citations=[c], hits=HITS)


def _config(url: str, timeout: float = 5.0) -> Config:
    return Config(llm_base_url=url, llm_model="local-model", llm_api_key="secret", llm_timeout=timeout)


def test_supported_citations_are_kept_and_renumbered(server):
    server.reply = "天桥区建立非公企业党组织416个，覆盖率64.7%[1]。涧西区发放党史教材800多本[2]。"
    ans = generate_answer(_config(server.url), "问题", "问题", HITS, _fallback())
    assert ans.mode == "generative" and ans.found
    assert "416" in ans.text and "[1]" in ans.text and "[2]" in ans.text
    assert [c.n for c in ans.citations] == [1, 2]
    assert "416" in ans.citations[0].sentence
    req = server.requests[0]
    assert req["path"] == "/v1/chat/completions" and req["auth"] == "Bearer secret"
    assert req["body"]["model"] == "local-model"
    assert "[1]" in req["body"]["messages"][1]["content"] and "[2]" in req["body"]["messages"][1]["content"]


def test_unsupported_citation_is_removed_and_flagged(server):
    server.reply = "天桥区建立非公企业党组织500个[1]。涧西区发放党史教材800多本[2]。"
    ans = generate_answer(_config(server.url), "问题", "问题", HITS, _fallback())
    assert ans.mode == "generative"
    assert "500个（未核实）" in ans.text
    assert [c.n for c in ans.citations] == [1] and ans.citations[0].doc_id == "d2"
    assert "删除 1 个" in ans.note


def test_errors_and_timeouts_fall_back(server):
    server.status = 500
    server.reply = "x"
    assert generate_answer(_config(server.url), "q", "q", HITS, _fallback()).mode == "extractive"
    server.status = 200
    server.delay = 1.5
    server.reply = "天桥区建立非公企业党组织416个[1]。"
    ans = generate_answer(_config(server.url, timeout=0.3), "q", "q", HITS, _fallback())
    assert ans.mode == "extractive" and "不可用" in ans.note
    server.delay = 0
    server.reply = "没有任何引用的回答。"
    assert generate_answer(_config(server.url), "q", "q", HITS, _fallback()).mode == "extractive"
    dead = _config("http://127.0.0.1:9/v1", timeout=0.5)
    assert generate_answer(dead, "q", "q", HITS, _fallback()).mode == "extractive"


def test_check_answer_out_of_range_marker():
    text, cited, removed = check_answer("覆盖率64.7%[7]。", HITS)
    assert cited == {} and removed == 1 and "未核实" in text
