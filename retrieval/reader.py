"""Reading uploaded files in a separate process, with a time limit per file.

Decoding, cleaning and metadata extraction are pure Python and regular expressions, which
hold the interpreter lock: a pathological file read in the server process would stall
every question meanwhile. Uploaded files are therefore read by a long-lived worker
process (``python -m retrieval.reader``, started once, kept warm, shared by the knowledge
bases of the process). A file that takes longer than the limit is refused and the worker
is killed and replaced, so one upload can never hold the server, nor the index, for long.

The worker gets ``(key, path)`` requests and answers ``(key, [Article] | None, reason)``,
as length-prefixed pickles over its standard input and output (a private pipe between
two processes of this program; nothing is pickled to disk). If no worker can be started
at all, files are read in this process instead, with a warning in the log.
"""

from __future__ import annotations

import importlib
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

#: ``read(path, source_key) -> list[Article]``; raises ``ReadError`` for an unusable file.
DEFAULT_TARGET = "index.build:read_articles"
#: Seconds a new worker may take to import and warm up.
STARTUP_TIMEOUT_S = 180.0
_HEADER = struct.Struct(">Q")
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)

Outcome = tuple[str, object | None, str]  # (source key, list of Articles or None, reason refused)


class ReaderUnavailable(OSError):
    """No worker process could be started."""


def _load(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _recv(stream):
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the reader closed its pipe")
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the reader closed its pipe")
    return pickle.loads(data)


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


def serve(target: str) -> None:
    """Worker process: answer ``(key, path)`` requests on stdin/stdout until stdin closes."""
    import signal

    from partyqa.errors import ReadError

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops this worker
    requests, answers = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the answers
    read = _load(target)
    _warm_up(read)
    _send(answers, "ready")
    while True:
        try:
            key, path = _recv(requests)
        except EOFError:
            return
        try:
            _send(answers, (key, read(Path(path), key), ""))
        except ReadError as exc:
            _send(answers, (key, None, exc.reason))
        except Exception as exc:  # the file is refused; the worker keeps serving
            _send(answers, (key, None, f"cannot be read ({type(exc).__name__})"))


class IsolatedReader:
    """One worker process that reads files one at a time.

    Args:
        timeout_s: Longest time one file may take.
        target: ``module:function`` called in the worker as ``function(path, key)``.
    """

    def __init__(self, timeout_s: float, target: str = DEFAULT_TARGET):
        self.timeout_s = timeout_s
        self.target = target
        self._proc: subprocess.Popen | None = None

    def _ensure(self) -> subprocess.Popen:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self.close()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p)
        try:
            self._proc = subprocess.Popen([sys.executable, "-m", "retrieval.reader", self.target],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            if not (self._wait(STARTUP_TIMEOUT_S) and _recv(self._proc.stdout) == "ready"):
                raise ReaderUnavailable("the file reader process did not start in time")
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self.close()
            raise ReaderUnavailable(f"the file reader process cannot start ({type(exc).__name__})") from exc
        return self._proc

    def _wait(self, timeout: float) -> bool:
        return bool(select.select([self._proc.stdout], [], [], timeout)[0])

    def read(self, key: str, path: Path) -> Outcome:
        """Read one file; a file over the time limit or a crashed worker is refused."""
        try:
            proc = self._ensure()
        except ReaderUnavailable as exc:
            log.warning("%s; reading %s in the server process", exc, key)
            return read_in_thread(key, path, self.target)
        try:
            _send(proc.stdin, (key, str(path)))
            if self._wait(self.timeout_s):
                return _recv(proc.stdout)
            reason = f"reading took longer than {self.timeout_s:.0f} s; the file was refused"
        except (EOFError, OSError, pickle.UnpicklingError):
            reason = "the reader stopped while reading this file; the file was refused"
        self.close()
        return key, None, reason

    def close(self) -> None:
        """Stop the worker (killed if it does not stop at once)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            proc.wait(0.5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


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


if __name__ == "__main__":
    serve(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_TARGET)
