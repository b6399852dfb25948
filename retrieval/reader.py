"""Reading uploaded files in a separate process, with a time limit per file.

Decoding, cleaning and metadata extraction are pure Python and regular expressions, which
hold the interpreter lock: a pathological file read in the server process would stall
every question meanwhile. Uploaded files are therefore read by a long-lived worker
process (started once, kept warm, shared by every knowledge base of the process). A file
that takes longer than the limit is refused and the worker is killed and replaced, so
one upload can never hold the server, nor the index, for long.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

#: ``read(path, source_key) -> Article``; raises ``ReadError`` for an unusable file.
DEFAULT_TARGET = "index.build:read_article"

#: Seconds a new worker may take to import and warm up.
STARTUP_TIMEOUT_S = 180.0

Outcome = tuple[str, object | None, str]  # (source key, Article or None, reason refused)


def _load(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _serve(conn, target: str) -> None:
    """Worker process: read ``(key, path)`` requests until told to stop (None)."""
    import signal

    from partyqa.errors import ReadError

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops this worker

    read = _load(target)
    _warm_up(read)
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        key, path = request
        try:
            conn.send((key, read(Path(path), key), ""))
        except ReadError as exc:
            conn.send((key, None, exc.reason))
        except Exception as exc:  # the file is refused; the worker keeps serving
            conn.send((key, None, f"cannot be read ({type(exc).__name__})"))


def _warm_up(read: Callable) -> None:
    """Read one small text, so that dictionaries load before the first timed file."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm-up.txt"
        path.write_text("示例区加强基层党建工作。\n\n2020年6月，示例区新建党组织12个。", encoding="utf-8")
        try:
            read(path, "warm-up.txt")
        except Exception:  # only a warm-up
            pass


class IsolatedReader:
    """One worker process that reads files one at a time.

    Args:
        timeout_s: Longest time one file may take.
        target: ``module:function`` called in the worker as ``function(path, key)``.
    """

    def __init__(self, timeout_s: float, target: str = DEFAULT_TARGET):
        self.timeout_s = timeout_s
        self.target = target
        self._proc = None
        self._conn = None

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self.close()
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self.target), name="partyqa-reader", daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent
        if not (parent.poll(STARTUP_TIMEOUT_S) and parent.recv() == "ready"):
            self.close()
            raise OSError("the file reader process did not start")

    def read(self, key: str, path: Path) -> Outcome:
        """Read one file; a file over the time limit or a crashed worker is refused."""
        try:
            self._ensure()
            self._conn.send((key, str(path)))
            if self._conn.poll(self.timeout_s):
                return self._conn.recv()
            reason = f"reading took longer than {self.timeout_s:.0f} s; the file was refused"
        except (EOFError, OSError, BrokenPipeError):
            reason = "the reader stopped while reading this file; the file was refused"
        self.close()
        return key, None, reason

    def close(self) -> None:
        """Stop the worker (killed if it does not stop at once)."""
        proc, conn, self._proc, self._conn = self._proc, self._conn, None, None
        if conn is not None:
            try:
                conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            conn.close()
        if proc is not None:
            proc.join(0.5)
            if proc.is_alive():
                proc.kill()
                proc.join(5)


_idle: dict[tuple[float, str], list[IsolatedReader]] = {}
_idle_lock = threading.Lock()


@contextmanager
def borrowed_reader(timeout_s: float, target: str = DEFAULT_TARGET):
    """A warm :class:`IsolatedReader` for the duration of a ``with`` block (one per thread)."""
    key = (timeout_s, target)
    with _idle_lock:
        pool = _idle.setdefault(key, [])
        reader = pool.pop() if pool else IsolatedReader(timeout_s, target)
    try:
        yield reader
    finally:
        with _idle_lock:
            _idle.setdefault(key, []).append(reader)


def read_in_thread(key: str, path: Path, target: str = DEFAULT_TARGET) -> Outcome:
    """Read one file in this process (no time limit): for ``read_timeout_s = 0``."""
    from partyqa.errors import ReadError

    try:
        return key, _load(target)(Path(path), key), ""
    except ReadError as exc:
        return key, None, exc.reason
