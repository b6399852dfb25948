"""app.launch: starting a server subprocess, and what happens when it fails."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from app.launch import ServerProcess, free_port, start_server


def test_a_server_that_exits_is_reported_with_its_log_and_cleaned_up(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("天桥区。", encoding="utf-8")
    (articles / "notes.md").write_text("x", encoding="utf-8")
    script = ("import os, sys; print('articles:', sorted(os.listdir(os.environ['PARTYQA_ARTICLES_DIR']))); "
              "print('port', os.environ['PARTYQA_PORT'], 'limit', os.environ['PARTYQA_MAX_UPLOAD_BYTES']); sys.exit(3)")
    with pytest.raises(RuntimeError) as info:
        start_server(articles, env={"PARTYQA_MAX_UPLOAD_BYTES": "7"}, ignore=("*.md",),
                     command=[sys.executable, "-c", script], timeout=30, prefix="pq-launch-test-")
    message = str(info.value)
    assert "exited with status 3" in message
    assert "articles: ['a.txt']" in message  # its own copy, without the ignored file
    assert "limit 7" in message
    assert not list(Path(tempfile.gettempdir()).glob("pq-launch-test-*"))  # its folder is removed


def test_an_attached_server_has_no_folder_and_stops_quietly():
    server = ServerProcess(f"http://127.0.0.1:{free_port()}")
    assert server.data_dir is None and server.log() == ""
    server.stop()
    server.stop()  # idempotent
