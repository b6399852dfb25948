"""Start a real partyqa server in a subprocess, on a free port of 127.0.0.1.

Used by the end-to-end tests (``tests/_server.py``) and the load test
(``bench/load_test.py``). The server gets a temporary folder of its own::

    <root>/data/        PARTYQA_DATA_DIR (index, uploads; models/ optionally linked in)
    <root>/articles/    a copy of the articles it indexes on first start
    <root>/server.log   its stdout and stderr

so it never touches the repository or the user's data directory.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: Settings a launched server never inherits from the caller's environment (pass them in ``env``).
_NOT_INHERITED = ("PARTYQA_DATA_DIR", "PARTYQA_INDEX_DIR", "PARTYQA_ARTICLES_DIR", "PARTYQA_HOST", "PARTYQA_PORT",
                  "PARTYQA_API_KEY", "PARTYQA_ALLOW_NO_KEY")


@dataclass
class ServerProcess:
    """A partyqa server: one this module started, or one attached to by URL.

    Attributes:
        url: Base URL without a trailing slash, e.g. ``http://127.0.0.1:50123``.
        process: The subprocess, or None for an attached server.
        root: The started server's temporary folder (see the module docstring).
        startup_seconds: Time from launch until ``/api/health`` answered.
        api_key: The key the server requires (its first ``PARTYQA_API_KEY``), or "".
    """

    url: str
    process: subprocess.Popen | None = None
    root: Path | None = None
    startup_seconds: float | None = None
    api_key: str = field(default="", repr=False)
    _stopped: bool = field(default=False, repr=False)

    @property
    def auth_headers(self) -> dict[str, str]:
        """``Authorization: Bearer <key>`` when the server requires a key, else no header."""
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    @property
    def data_dir(self) -> Path | None:
        """The started server's ``PARTYQA_DATA_DIR``."""
        return None if self.root is None else self.root / "data"

    @property
    def articles_dir(self) -> Path | None:
        """The started server's copy of the articles."""
        return None if self.root is None else self.root / "articles"

    @property
    def log_path(self) -> Path | None:
        """The started server's log file."""
        return None if self.root is None else self.root / "server.log"

    def log(self, tail: int | None = 4000) -> str:
        """The last ``tail`` characters of the server log (all of it for None; "" when attached)."""
        if self.log_path is None:
            return ""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
            return text if tail is None else text[-tail:]
        except OSError:
            return ""

    def stop(self, grace: float = 15.0) -> None:
        """Stop a started server (SIGINT, then SIGKILL after ``grace`` s) and remove its folder."""
        if self._stopped:
            return
        self._stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command() -> list[str]:
    """``partyqa serve`` from this virtual environment, else ``python -m app.server``."""
    script = Path(sys.executable).with_name("partyqa")
    if script.exists():
        return [str(script), "serve"]
    found = shutil.which("partyqa")
    return [found, "serve"] if found else [sys.executable, "-m", "app.server"]


def wait_healthy(server: ServerProcess, timeout: float) -> None:
    """Poll ``GET /api/health`` until it answers 200.

    Raises:
        RuntimeError: If the process exits or ``timeout`` seconds pass first; the
            message ends with the tail of the server log.
    """
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process is not None and server.process.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.process.returncode}:\n{server.log()}")
        try:
            if httpx.get(f"{server.url}/api/health", headers=server.auth_headers, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not become healthy within {timeout:.0f} s:\n{server.log()}")


def start_server(
    articles: Path,
    *,
    models_dir: Path | None = None,
    env: dict[str, str] | None = None,
    drop_env: tuple[str, ...] = (),
    command: list[str] | None = None,
    ignore: tuple[str, ...] = (),
    timeout: float = 300.0,
    prefix: str = "partyqa-server-",
) -> ServerProcess:
    """Start a server on a free loopback port and wait until it is healthy.

    Args:
        articles: Folder of articles, copied into the server's folder and indexed there.
        models_dir: Folder of converted models to link as ``<data dir>/models`` (created
            if missing), so the model is converted once, not per server.
        env: Extra environment variables (e.g. ``PARTYQA_MAX_UPLOAD_BYTES``).
        drop_env: Variables of the caller's environment not to pass on.
        command: The server command (default :func:`server_command`).
        ignore: Glob patterns of files not to copy from ``articles``.
        timeout: Seconds to wait for ``/api/health``.
        prefix: Prefix of the temporary folder's name.

    Returns:
        The running server; the caller must :meth:`ServerProcess.stop` it.

    Raises:
        RuntimeError: If it does not come up (the process is killed, the folder removed).
    """
    root = Path(tempfile.mkdtemp(prefix=prefix))
    server = ServerProcess("", root=root)
    try:
        server.data_dir.mkdir()
        shutil.copytree(articles, server.articles_dir, ignore=shutil.ignore_patterns(*ignore) if ignore else None)
        if models_dir is not None:
            Path(models_dir).mkdir(parents=True, exist_ok=True)
            (server.data_dir / "models").symlink_to(Path(models_dir).resolve(), target_is_directory=True)
        port = free_port()
        child_env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED and k not in drop_env}
        child_env.update({
            "PARTYQA_DATA_DIR": str(server.data_dir), "PARTYQA_ARTICLES_DIR": str(server.articles_dir),
            "PARTYQA_HOST": "127.0.0.1", "PARTYQA_PORT": str(port), "PYTHONUNBUFFERED": "1",
            "GRADIO_ANALYTICS_ENABLED": "False", "NO_PROXY": "127.0.0.1,localhost",
        })
        child_env.update(env or {})
        server.api_key = next((k.strip() for k in child_env.get("PARTYQA_API_KEY", "").split(",") if k.strip()), "")
        server.url = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        with server.log_path.open("wb") as log:
            server.process = subprocess.Popen(command or server_command(), cwd=REPO, env=child_env,
                                              stdout=log, stderr=subprocess.STDOUT)
        wait_healthy(server, timeout)
        server.startup_seconds = round(time.monotonic() - started, 1)
    except BaseException:
        server.stop(grace=5)
        raise
    return server
