"""One real partyqa server for the end-to-end tests, shared by every test module.

The server runs ``python -m app.server`` in a subprocess, listening on a free port of
127.0.0.1, with its own data directory (index, converted model, uploads) and its own copy
of ``data/articles``, so uploads and deletions never touch the repository. It is started
on first use and stopped when the test process exits.

Environment:
    PARTYQA_TEST_MODELS_DIR: Optional folder of already converted models; it is linked
        as ``<data_dir>/models`` so the model is not converted again on every run.
    PARTYQA_TEST_START_TIMEOUT: Seconds to wait for ``/api/health`` (default 300).
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
START_TIMEOUT = float(os.environ.get("PARTYQA_TEST_START_TIMEOUT", "300"))
#: Upload size limit the test server runs with (``PARTYQA_MAX_UPLOAD_BYTES``).
UPLOAD_LIMIT = 1024 * 1024
#: Question length limit the test server runs with (``PARTYQA_MAX_QUESTION_CHARS``).
MAX_QUESTION_CHARS = 2000


@dataclass
class RunningServer:
    """A started server.

    Attributes:
        url: Base URL without a trailing slash, e.g. ``http://127.0.0.1:50123``.
        data_dir: Its ``PARTYQA_DATA_DIR``.
        articles_dir: Its private copy of the bundled articles.
        process: The subprocess.
        startup_seconds: Time from launch until ``/api/health`` answered.
        log_path: File receiving the server's stdout and stderr.
    """

    url: str
    data_dir: Path
    articles_dir: Path
    process: subprocess.Popen
    startup_seconds: float
    log_path: Path
    _stopped: bool = field(default=False, repr=False)

    def log(self, tail: int = 4000) -> str:
        """The last ``tail`` characters of the server log."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-tail:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server (SIGINT, then SIGKILL after 10 s)."""
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


_lock = threading.Lock()
_server: RunningServer | None = None
_failure: str | None = None


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare_dirs() -> tuple[Path, Path]:
    """Create the session's data directory and its copy of the bundled articles."""
    root = Path(tempfile.mkdtemp(prefix="partyqa-e2e-"))
    data_dir = root / "data"
    data_dir.mkdir()
    articles = root / "articles"
    shutil.copytree(REPO / "data" / "articles", articles)
    models = os.environ.get("PARTYQA_TEST_MODELS_DIR")
    if models:
        Path(models).mkdir(parents=True, exist_ok=True)
        (data_dir / "models").symlink_to(Path(models).resolve(), target_is_directory=True)
    atexit.register(shutil.rmtree, root, True)
    return data_dir, articles


def _wait_healthy(url: str, process: subprocess.Popen, log_path: Path, timeout: float) -> None:
    """Poll ``/api/health`` until it answers 200.

    Raises:
        RuntimeError: If the process exits or ``timeout`` seconds pass first.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
            raise RuntimeError(f"the server exited with status {process.returncode}:\n{log}")
        try:
            if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    log = log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
    raise RuntimeError(f"the server did not become healthy within {timeout:.0f} s:\n{log}")


def start_server(timeout: float = START_TIMEOUT) -> RunningServer:
    """Start a server subprocess and wait until it is healthy.

    Args:
        timeout: Seconds to wait for ``/api/health``.

    Returns:
        The running server; the caller must :meth:`RunningServer.stop` it.

    Raises:
        RuntimeError: If it does not come up.
    """
    data_dir, articles = _prepare_dirs()
    port = free_port()
    env = {**os.environ, "PARTYQA_DATA_DIR": str(data_dir), "PARTYQA_ARTICLES_DIR": str(articles),
           "PYTHONUNBUFFERED": "1",
           "PARTYQA_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT), "PARTYQA_MAX_QUESTION_CHARS": str(MAX_QUESTION_CHARS),
           "GRADIO_ANALYTICS_ENABLED": "False", "NO_PROXY": "127.0.0.1,localhost"}
    for name in ("PARTYQA_INDEX_DIR", "PARTYQA_LLM_BASE_URL", "PARTYQA_HOST", "PARTYQA_PORT"):
        env.pop(name, None)
    env.update({"PARTYQA_HOST": "127.0.0.1", "PARTYQA_PORT": str(port)})
    log_path = data_dir.parent / "server.log"
    started = time.monotonic()
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "app.server"], cwd=REPO, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log_path, timeout)
    except BaseException:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        raise
    return RunningServer(url, data_dir, articles, process, time.monotonic() - started, log_path)


def shared_server() -> RunningServer:
    """The server shared by all test modules of this process, started on first call.

    Returns:
        The running server (stopped automatically at exit).

    Raises:
        RuntimeError: If it cannot be started (remembered, so later callers fail fast).
    """
    global _server, _failure
    with _lock:
        if _failure is not None:
            raise RuntimeError(_failure)
        if _server is None:
            try:
                _server = start_server()
            except RuntimeError as exc:
                _failure = str(exc)
                raise
            atexit.register(_server.stop)
            print(f"\n[partyqa tests] server ready at {_server.url} after {_server.startup_seconds:.1f} s",
                  file=sys.stderr)
        return _server
