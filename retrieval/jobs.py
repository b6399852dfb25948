"""Background jobs of the knowledge base: a bounded queue, worker threads, visible progress.

An upload is queued as a :class:`Job` with an id; ``GET /api/jobs/{id}`` shows its status,
stage and progress while questions keep being answered from the current index. The queue
is bounded by the number of waiting jobs and by the bytes they carry, so no client can
queue hours of work: beyond the bounds, :meth:`JobQueue.submit` raises
:class:`~partyqa.errors.BusyError` (HTTP 429).
"""

from __future__ import annotations

import itertools
import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from partyqa.errors import BusyError, PartyQAError
from partyqa.progress import STAGE_LABELS, line_progress

log = logging.getLogger(__name__)

#: Finished jobs kept for ``GET /api/jobs/{id}``.
KEEP_FINISHED = 200


@dataclass
class Job:
    """One unit of background work and what is known about it.

    Attributes:
        id: Random id (``GET /api/jobs/{id}``).
        kind: What it does (``upload``).
        files: Names of the files it carries.
        size: Bytes it carries (counted against the queue bound).
        status: ``queued``, ``running``, ``done`` or ``failed``.
        stage / done / total: Progress of the current stage (``read``, ``embed``, ``index``).
        added: Source keys that were new or changed.
        errors: Files refused, with the reason.
        error / code / http_status: Why the job failed (``failed`` only).
        result: What the work returned (a ``BuildReport``), not serialized.
    """

    id: str
    kind: str
    files: list[str]
    size: int
    status: str = "queued"
    stage: str = ""
    done: int = 0
    total: int = 0
    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    error: str = ""
    code: str = ""
    http_status: int = 0
    created_at: float = field(default_factory=time.time)
    finished_at: float | None = None
    result: object = field(default=None, repr=False)
    _finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def finished(self) -> bool:
        """True once the job is ``done`` or ``failed``."""
        return self._finished.is_set()

    def wait(self, timeout: float | None) -> bool:
        """Wait up to ``timeout`` seconds for the job to finish; True if it has."""
        return self._finished.wait(timeout)

    def progress(self, stage: str, done: int, total: int) -> None:
        """Record progress (the build's ``progress(stage, done, total)`` callback)."""
        self.stage, self.done, self.total = stage, done, total

    def to_dict(self) -> dict:
        """The public view of the job (JSON)."""
        return {
            "id": self.id, "kind": self.kind, "status": self.status, "files": list(self.files),
            "stage": self.stage, "stage_label": STAGE_LABELS.get(self.stage, self.stage),
            "done": self.done, "total": self.total, "added": list(self.added), "errors": list(self.errors),
            "error": self.error, "code": self.code,
            "created_at": _iso(self.created_at), "finished_at": _iso(self.finished_at),
        }


class JobQueue:
    """A bounded FIFO of jobs run by a few daemon worker threads.

    Args:
        max_jobs: Most jobs waiting or running at once.
        max_bytes: Most bytes carried by the jobs waiting or running at once.
        workers: Worker threads (jobs run side by side; index changes stay serialized).
    """

    def __init__(self, max_jobs: int, max_bytes: int, workers: int = 2):
        self.max_jobs = max_jobs
        self.max_bytes = max_bytes
        self.workers = workers
        self._lock = threading.Condition()
        self._queue: list[tuple[Job, Callable[[Job], None]]] = []
        self._active: dict[str, Job] = {}
        self._finished: OrderedDict[str, Job] = OrderedDict()
        self._threads: list[threading.Thread] = []
        self._counter = itertools.count(1)

    def submit(self, kind: str, files: list[str], size: int, work: Callable[[Job], None]) -> Job:
        """Queue ``work(job)``.

        Raises:
            BusyError: If the queue already holds ``max_jobs`` jobs or the bytes would
                exceed ``max_bytes``.
        """
        with self._lock:
            queued = sum(j.size for j in self._active.values())
            if len(self._active) >= self.max_jobs or queued + size > self.max_bytes:
                raise BusyError(
                    f"too much indexing work is queued ({len(self._active)} jobs, {queued} bytes); try again later",
                    user_message="正在处理的上传太多，请稍后再试。")
            job = Job(id=f"{next(self._counter)}-{secrets.token_hex(6)}", kind=kind, files=list(files), size=size)
            self._active[job.id] = job
            self._queue.append((job, work))
            self._start_workers()
            self._lock.notify()
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with ``job_id`` (running, waiting or recently finished), or None."""
        with self._lock:
            return self._active.get(job_id) or self._finished.get(job_id)

    def jobs(self) -> list[Job]:
        """Waiting, running and recently finished jobs, newest first."""
        with self._lock:
            return sorted([*self._active.values(), *self._finished.values()], key=lambda j: j.created_at,
                          reverse=True)

    # ------------------------------------------------------------------ workers
    def _start_workers(self) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        while len(self._threads) < self.workers:
            thread = threading.Thread(target=self._work, name=f"partyqa-jobs-{len(self._threads)}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._queue:
                    self._lock.wait()
                job, work = self._queue.pop(0)
            run_job(job, work)
            with self._lock:
                self._active.pop(job.id, None)
                self._finished[job.id] = job
                while len(self._finished) > KEEP_FINISHED:
                    self._finished.popitem(last=False)


def run_job(job: Job, work: Callable[[Job], None]) -> None:
    """Run ``work(job)`` now, recording its outcome on the job (never raises)."""
    logged = line_progress(prefix=f"[partyqa] job {job.id}")
    recorder = job.progress

    def progress(stage: str, done: int, total: int) -> None:
        recorder(stage, done, total)
        logged(stage, done, total)

    job.progress = progress  # type: ignore[method-assign]
    job.status = "running"
    try:
        work(job)
        job.status = "done"
    except PartyQAError as exc:
        job.status, job.error, job.code, job.http_status = "failed", exc.message, exc.code, exc.http_status
        job.result = exc
    except Exception as exc:  # a bug or an OS error: the job fails, the worker lives on
        log.exception("job %s failed", job.id)
        job.status, job.error, job.code, job.http_status = "failed", f"internal error: {type(exc).__name__}", \
            "internal", 500
        job.result = exc
    finally:
        job.finished_at = time.time()
        job._finished.set()


def _iso(ts: float | None) -> str | None:
    return None if ts is None else time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(ts))
