"""The knowledge base: which documents the index holds, and adding or deleting them.

Changes are serialized by the engine's write lock, rebuilt incrementally by
:func:`index.build.build_index` (only new text is embedded) and published to the engine as
a new snapshot, so searches never see a half-built index.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from partyqa.errors import NotFoundError
from retrieval.inputs import check_file_content, check_file_name

Progress = Callable[[str, int, int], None]


def upload_suffixes() -> tuple[str, ...]:
    """File types the knowledge base accepts (everything the ingest pipeline reads)."""
    from index.ingest.files import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


class KnowledgeBase:
    """Lists, adds and deletes the documents of an :class:`~retrieval.engine.Engine`'s index."""

    def __init__(self, engine):
        self.engine = engine
        self.config = engine.config

    @property
    def uploads_dir(self) -> Path:
        """Folder where uploaded files are kept."""
        return self.config.uploads_dir

    # ------------------------------------------------------------------ reading
    def documents(self) -> list[dict]:
        """Articles in the index with metadata and chunk counts, ordered by source name."""
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

    def roots(self) -> list[Path]:
        """Folders indexed: those of the live index, else the bundled articles."""
        roots = []
        if self.engine.loaded:
            roots = [Path(r) for r in self.engine.snapshot.data.manifest.get("roots", [])]
        return roots or [self.config.articles_dir]

    # ------------------------------------------------------------------ changing
    def reindex(self, paths: list[Path] | None = None, rebuild: bool = False, excluded=None,
                progress: Progress | None = None):
        """Bring the index up to date with ``paths`` (default: the current roots) and publish it.

        Returns:
            The :class:`index.build.BuildReport`.
        """
        from index.build import build_index

        with self.engine.write_lock:
            report = build_index(paths or self.roots(), self.config, self.engine.embedder, rebuild=rebuild,
                                 excluded=excluded, progress=progress)
            self.engine.reload()
            return report

    def add_files(self, files: list[tuple[str, bytes]], progress: Progress | None = None):
        """Save uploaded files into the uploads folder and index them incrementally.

        Each file is validated (name, type, size) before anything is written; if the
        index update fails, the files written by this call are removed again.

        Raises:
            InputError / UnsupportedTypeError / TooLargeError: If a file is not acceptable.
        """
        suffixes = upload_suffixes()
        checked = [(check_file_name(name, suffixes), content) for name, content in files]
        for name, content in checked:
            check_file_content(name, content, self.config.max_upload_bytes)
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        written = []
        try:
            for name, content in checked:
                target = self.uploads_dir / name
                tmp = target.with_name(f".{name}.part")
                tmp.write_bytes(content)
                tmp.replace(target)
                written.append(target)
            roots = self.roots()
            if self.uploads_dir.resolve() not in [r.resolve() for r in roots]:
                roots = roots + [self.uploads_dir]
            report = self.reindex(roots, progress=progress)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return report

    def delete_document(self, doc_id: str, progress: Progress | None = None):
        """Remove an article from the knowledge base.

        Uploaded files are deleted; files of other folders are excluded from later builds.

        Raises:
            NotFoundError: If no article has ``doc_id``.
        """
        article = self.engine.article(doc_id) if isinstance(doc_id, str) else None
        if article is None:
            raise NotFoundError(f"no document with id {doc_id!r}", user_message="没有这篇文章。")
        excluded = set(self.engine.snapshot.data.manifest.get("excluded", []))
        upload = self.uploads_dir / article.source
        if upload.is_file() and upload.resolve().parent == self.uploads_dir.resolve():
            upload.unlink()
        else:
            excluded.add(article.source)
        return self.reindex(self.roots(), excluded=sorted(excluded), progress=progress)
