"""One real partyqa server for the end-to-end tests, shared by every test module.

The server runs ``python -m app.server`` in a subprocess started by :mod:`app.launch`:
a free port of 127.0.0.1, its own data directory (index, uploads) and its own copy of
``data/articles``, so uploads and deletions never touch the repository. It is started on
first use and stopped (its folder removed) when the test process exits.

Environment:
    PARTYQA_TEST_MODELS_DIR: Optional folder of already converted models; it is linked
        as ``<data_dir>/models`` so the model is not converted again on every run.
    PARTYQA_TEST_START_TIMEOUT: Seconds to wait for ``/api/health`` (default 300).
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from pathlib import Path

from app.launch import ServerProcess
from app.launch import start_server as launch

REPO = Path(__file__).resolve().parent.parent
START_TIMEOUT = float(os.environ.get("PARTYQA_TEST_START_TIMEOUT", "300"))
#: Upload size limit the test server runs with (``PARTYQA_MAX_UPLOAD_BYTES``).
UPLOAD_LIMIT = 1024 * 1024
#: Question length limit the test server runs with (``PARTYQA_MAX_QUESTION_CHARS``).
MAX_QUESTION_CHARS = 2000
#: The started server (URL, data and articles folders, process, log).
RunningServer = ServerProcess

_lock = threading.Lock()
_server: RunningServer | None = None
_failure: str | None = None


def start_server(timeout: float = START_TIMEOUT) -> RunningServer:
    """Start a server subprocess on the bundled articles and wait until it is healthy.

    Args:
        timeout: Seconds to wait for ``/api/health``.

    Returns:
        The running server; the caller must stop it.

    Raises:
        RuntimeError: If it does not come up.
    """
    models = os.environ.get("PARTYQA_TEST_MODELS_DIR")
    return launch(
        REPO / "data" / "articles",
        models_dir=Path(models) if models else None,
        # Uploads answer when indexed (200), not with a job to follow (202), on a busy machine too.
        env={"PARTYQA_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT), "PARTYQA_MAX_QUESTION_CHARS": str(MAX_QUESTION_CHARS),
             "PARTYQA_UPLOAD_WAIT_S": "300"},
        drop_env=("PARTYQA_LLM_BASE_URL",),  # extractive answers: the tests check exact sentences
        command=[sys.executable, "-m", "app.server"],
        timeout=timeout,
        prefix="partyqa-e2e-",
    )


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
