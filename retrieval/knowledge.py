"""The knowledge base: which documents the index holds, and adding or deleting them.

Uploads are indexed in the background (:mod:`retrieval.jobs`): the files are checked and
written to a private staging folder, read in a separate process with a time limit
(:mod:`retrieval.reader`), embedded, and only then, under the engine's write lock, moved
into the uploads folder and published as a new snapshot. Questions keep being answered
from the previous snapshot meanwhile; a file that cannot be read never replaces anything,
and a failed build puts every file back as it was. Deletions are computed inside the lock
from the live snapshot, so concurrent deletions all take effect.

Source keys (:mod:`index.sources`): uploads are ``uploads/<name>``; bundled articles keep
their path relative to the articles folder. Two documents never share a key.

Longer than most modules (about 350 lines): adding and deleting share the staging, locking and
rollback rules that keep user documents safe; splitting them would split those rules.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from index.sources import upload_key, upload_name
from partyqa.errors import InputError, NotFoundError, ReadError, TooLargeError
from retrieval.inputs import MAX_FILE_NAME_BYTES, check_file_content, check_file_name
from retrieval.jobs import Job, JobQueue, run_job

Progress = Callable[[str, int, int], None]
#: Most files one upload request may carry.
MAX_UPLOAD_FILES = 20
#: Most upload jobs waiting or running at once.
MAX_QUEUED_JOBS = 16
#: Staging folders older than this are leftovers of a crash and are removed.
STALE_STAGING_S = 6 * 3600
STAGING = ".staging"


def upload_suffixes() -> tuple[str, ...]:
    """File types the knowledge base accepts (everything the ingest pipeline reads)."""
    from index.ingest.files import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


class KnowledgeBase:
    """Lists, adds and deletes the documents of an :class:`~retrieval.engine.Engine`'s index.

    Attributes:
        read_target: ``module:function`` that reads one uploaded file (see :mod:`retrieval.reader`).
    """

    read_target = "index.build:read_articles"

    def __init__(self, engine, jobs: JobQueue | None = None):
        self.engine = engine
        self.config = engine.config
        self.jobs = jobs or JobQueue(MAX_QUEUED_JOBS, self.config.max_queued_bytes)
        self._remove_stale_staging()

    @property
    def uploads_dir(self) -> Path:
        """Folder where uploaded files are kept."""
        return self.config.uploads_dir

    # ------------------------------------------------------------------ reading
    def documents(self) -> list[dict]:
        """Articles in the index with metadata and chunk counts, ordered by source key."""
        data = self.engine.snapshot.data
        counts: dict[str, int] = {}
        for chunk in data.chunks:
            counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
        docs = [
            {"doc_id": a.doc_id, "source": a.source, "title": a.title, "date": a.date,
             "publisher": a.publisher, "places": a.places[:5], "chunks": counts.get(a.doc_id, 0),
             "characters": len(a.text), "encoding": a.encoding,
             "sections": [s.heading for s in a.sections]}
            for a in data.articles.values()
        ]
        return sorted(docs, key=lambda d: d["source"])

    def _live(self):
        """The live index data, or None when none is loaded."""
        return self.engine.snapshot.data if self.engine.loaded else None

    # ------------------------------------------------------------------ changing
    def reindex(self, paths: list[Path] | None = None, rebuild: bool = False, excluded=None,
                progress: Progress | None = None):
        """Bring the index up to date with ``paths`` (default: the recorded folders) and publish it.

        Returns:
            The :class:`index.build.BuildReport`.
        """
        from index.build import build_index

        with self.engine.write_lock:
            report = build_index(paths, self.config, self.engine.embedder, rebuild=rebuild, excluded=excluded,
                                 progress=progress, previous=None if rebuild else self._live())
            self.engine.publish(report.data)
            return report

    def check_files(self, files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        """Check an upload before anything is written: count, names, sizes, total.

        Raises:
            InputError / UnsupportedTypeError / TooLargeError: If the upload is not acceptable.
        """
        if not files:
            raise InputError("no files were uploaded", user_message="请先选择文件。")
        if len(files) > MAX_UPLOAD_FILES:
            raise InputError(f"at most {MAX_UPLOAD_FILES} files per upload",
                             user_message=f"每次最多上传 {MAX_UPLOAD_FILES} 个文件。")
        suffixes = upload_suffixes()
        checked = [(check_file_name(name, suffixes), content) for name, content in files]
        names = [name for name, _ in checked]
        if len(set(names)) != len(names):
            raise InputError("the same file name was uploaded twice", user_message="同一个文件名上传了两次。")
        limit = min(_name_max(self.uploads_dir), MAX_FILE_NAME_BYTES)
        for name, content in checked:
            check_file_content(name, content, self.config.max_upload_bytes)
            if len(name.encode("utf-8")) > limit:
                raise InputError(f"the file name is too long for this file system ({limit} bytes at most)",
                                 user_message=f"文件名太长（上限 {limit} 字节）。")
        total = sum(len(content) for _, content in checked)
        if total > self.config.max_request_bytes:
            raise TooLargeError(
                f"the files of one upload may hold {self.config.max_request_bytes} bytes in all; got {total}",
                user_message=f"一次上传的文件总大小不能超过 {self.config.max_request_bytes // (1024 * 1024)} MB。")
        return checked

    def submit_upload(self, files: list[tuple[str, bytes]]) -> Job:
        """Check the files, stage them and queue their indexing; returns the job at once.

        Raises:
            InputError / UnsupportedTypeError / TooLargeError: If the upload is not acceptable.
            BusyError: If too much work is queued already.
        """
        checked = self.check_files(files)
        staging = self._stage(checked)
        try:
            return self.jobs.submit("upload", [n for n, _ in checked], sum(len(c) for _, c in checked),
                                    lambda job: self._upload_job(job, staging, [n for n, _ in checked]))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def add_files(self, files: list[tuple[str, bytes]], progress: Progress | None = None):
        """Upload and index files now, in the calling thread (the command line, tests).

        Returns:
            The :class:`index.build.BuildReport`; ``errors`` lists the files refused (when
            none could be read, nothing changed and ``added`` is empty).

        Raises:
            InputError / UnsupportedTypeError / TooLargeError: If the upload is not acceptable.
            PartyQAError: If indexing failed (every file is then as it was).
        """
        checked = self.check_files(files)
        staging = self._stage(checked)
        job = Job(id=f"inline-{uuid.uuid4().hex[:8]}", kind="upload", files=[n for n, _ in checked], size=0)
        if progress is not None:
            job.progress = progress  # type: ignore[method-assign]
        run_job(job, lambda j: self._upload_job(j, staging, job.files))
        if job.status == "failed":
            raise job.result  # type: ignore[misc]
        if job.result is None:  # nothing could be read: nothing changed
            from index.build import BuildReport

            data = self._live()
            return BuildReport(index_path=self.config.index_dir, errors=list(job.errors),
                               articles=len(data.articles) if data else 0, chunks=len(data.chunks) if data else 0)
        return job.result

    def delete_document(self, doc_id: str, progress: Progress | None = None):
        """Remove an article (and its identical copies) from the knowledge base.

        Uploaded files are deleted; files of other folders are excluded from later builds.
        The change is computed inside the write lock from the live snapshot, so two
        concurrent deletions both take effect and the second deletion of one document is
        a :class:`NotFoundError`.

        Raises:
            NotFoundError: If no article has ``doc_id``.
        """
        from index.build import build_index

        with self.engine.write_lock:
            data = self._live()
            article = data.articles.get(doc_id) if data is not None and isinstance(doc_id, str) else None
            if article is None:
                raise NotFoundError("no document with this id", user_message="没有这篇文章。")
            sources = {article.source} | {
                d.get("duplicate") for d in data.manifest.get("near_duplicates", [])
                if d.get("kind") == "identical" and d.get("kept") == article.source}
            excluded = set(data.manifest.get("excluded", []))
            trash = self._staging_dir()
            moved: list[tuple[Path, Path]] = []
            try:
                for source in sorted(s for s in sources if isinstance(s, str)):
                    name = upload_name(source)
                    if name is None:
                        excluded.add(source)
                    elif (self.uploads_dir / name).is_file():
                        trash.mkdir(parents=True, exist_ok=True)
                        os.replace(self.uploads_dir / name, trash / name)
                        moved.append((self.uploads_dir / name, trash / name))
                report = build_index(None, self.config, self.engine.embedder, excluded=sorted(excluded),
                                     progress=progress, previous=data)
            except BaseException:
                for target, kept in moved:
                    os.replace(kept, target)
                raise
            finally:
                shutil.rmtree(trash, ignore_errors=True)
            self.engine.publish(report.data)
            return report

    # ------------------------------------------------------------------ the upload job
    def _upload_job(self, job: Job, staging: Path, names: list[str]) -> None:
        """Read, embed, then (under the write lock) move into place, build and publish."""
        from index.build import build_index, chunk_and_embed

        try:
            fresh = self._read_staged(job, staging, names)
            job.result = None
            if not fresh:
                return
            vectors = chunk_and_embed([a for arts in fresh.values() for a in arts], self.config, self.engine.embedder, self._live(),
                                      progress=job.progress)
            with self.engine.write_lock:
                data = self._live()
                excluded = set(data.manifest.get("excluded", [])) if data is not None else None
                moved = self._move_into_place(staging, fresh)
                try:
                    report = build_index(None, self.config, self.engine.embedder, progress=job.progress,
                                         excluded=None if excluded is None else sorted(excluded - set(fresh)),
                                         previous=data, fresh=fresh, vectors=vectors)
                except BaseException:
                    self._put_back(moved)
                    raise
                self.engine.publish(report.data)
            ours = set(fresh)
            job.added = [key for key in report.added if key in ours]
            job.errors += [e for e in report.errors if e.split(":", 1)[0] in ours]
            report.errors = list(job.errors)
            job.result = report
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _read_staged(self, job: Job, staging: Path, names: list[str]) -> dict:
        """Read every staged file (isolated, time-limited); refused files are reported, not kept."""
        from retrieval.reader import borrowed_reader, read_in_thread

        fresh = {}
        job.progress("read", 0, len(names))
        timeout = self.config.read_timeout_s
        with borrowed_reader(timeout, self.read_target) as reader:
            for i, name in enumerate(names):
                key, path = upload_key(name), staging / name
                _, articles, reason = (reader.read(key, path) if timeout > 0
                                       else read_in_thread(key, path, self.read_target))
                if not articles:
                    job.errors.append(f"{key}: {reason or 'no article text'}")
                else:
                    fresh[key] = articles
                job.progress("read", i + 1, len(names))
        return fresh

    def _move_into_place(self, staging: Path, fresh: dict) -> list[tuple[Path, Path | None]]:
        """Move the read files into the uploads folder, keeping any file they replace."""
        moved: list[tuple[Path, Path | None]] = []
        backup_dir = staging / ".replaced"
        try:
            for key in fresh:
                name = upload_name(key)
                target, backup = self.uploads_dir / name, None
                if target.exists():
                    backup_dir.mkdir(exist_ok=True)
                    backup = backup_dir / name
                    os.replace(target, backup)
                moved.append((target, backup))
                os.replace(staging / name, target)
        except BaseException:
            self._put_back(moved)
            raise
        return moved

    @staticmethod
    def _put_back(moved: list[tuple[Path, Path | None]]) -> None:
        """Undo :meth:`_move_into_place`: restore replaced files, remove new ones."""
        for target, backup in reversed(moved):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)

    # ------------------------------------------------------------------ staging
    def _staging_dir(self) -> Path:
        return self.uploads_dir / STAGING / uuid.uuid4().hex[:12]

    def _stage(self, files: list[tuple[str, bytes]]) -> Path:
        """Write the upload into a fresh private folder (nothing in the uploads folder changes)."""
        staging = self._staging_dir()
        staging.mkdir(parents=True)
        try:
            for name, content in files:
                (staging / name).write_bytes(content)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise InputError(f"the upload could not be stored ({exc.strerror or type(exc).__name__})",
                             user_message="文件无法保存。") from None
        return staging

    def _remove_stale_staging(self) -> None:
        """Remove staging folders left by a crash (old enough not to belong to a running job)."""
        root = self.uploads_dir / STAGING
        try:
            entries = list(root.iterdir())
        except OSError:
            return
        for entry in entries:
            try:
                if time.time() - entry.stat().st_mtime > STALE_STAGING_S:
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                continue


def upload_outcome(job: Job) -> tuple[int, str]:
    """HTTP status and message of a finished upload job: 200, 422 when no file was usable, or the error's."""
    if job.status == "failed":
        return job.http_status or 500, job.error
    if job.result is None and job.errors:
        return ReadError.http_status, "no file of the upload could be read: " + "; ".join(job.errors)
    return 200, ""


def _name_max(folder: Path) -> int:
    """Longest file name (bytes) the file system of ``folder`` allows (255 when unknown)."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return int(os.pathconf(probe, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


__all__ = ["MAX_UPLOAD_FILES", "KnowledgeBase", "upload_outcome", "upload_suffixes"]
