"""The default storage engine: one directory of plain files, written atomically, checked on load.

Layout of ``<index_dir>``::

    CURRENT                 name of the live build directory (replaced atomically)
    SOURCES.json            folders and deletions of the live build (for a rebuild when
                            its manifest is damaged)
    build-<timestamp>/      manifest.json, manifest.sha256, articles.jsonl, chunks.jsonl,
                            vectors.npy, faiss.index, bm25_vocab.json, bm25_tf.npz, examples.json
    pending/                vectors of a build that did not finish (reused by the next one)

A build is written into a fresh ``.build-*.partial`` directory and only then published by
renaming it and atomically replacing ``CURRENT``; a crash mid-build leaves the previous
build live. The manifest records the SHA-256 of every other file and ``manifest.sha256``
the manifest's own, and loading verifies them all: a damaged index is refused with the
command that rebuilds it, never silently replaced. The previous build is kept beside the live one. Nothing is pickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import zipfile
from pathlib import Path

import numpy as np

from index.store.base import IndexData, IndexStore, check_compatible
from index.store.bm25 import BM25Index
from index.store.vectors import load_backend
from partyqa.errors import IndexCorruptError, IndexMissingError
from partyqa.hashing import file_sha256
from partyqa.records import Article, Chunk

CURRENT_FILE = "CURRENT"
MANIFEST_FILE = "manifest.json"
MANIFEST_SUM_FILE = "manifest.sha256"
RECORD_FILE = "SOURCES.json"
EXAMPLES_FILE = "examples.json"
#: How the damaged-index message tells people to recover.
REBUILD_HINT = ("rebuild it from your documents with: partyqa index --rebuild "
                "(it keeps the recorded folders, uploaded files and deletions)")


class PlainFileStore(IndexStore):
    """Builds kept as plain files under one directory."""

    kind = "plainfiles"

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)

    @property
    def location(self) -> str:
        return str(self.index_dir)

    # ------------------------------------------------------------------ reading
    def current_build(self) -> Path | None:
        """The live build directory, or None if nothing was published.

        Raises:
            IndexCorruptError: If ``CURRENT`` names a build that is not there.
        """
        pointer = self.index_dir / CURRENT_FILE
        if not pointer.exists():
            if self._builds():
                raise self._corrupt(f"its {CURRENT_FILE} file is missing but builds are there")
            return None
        try:
            name = pointer.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise self._corrupt(f"its {CURRENT_FILE} file cannot be read ({exc.__class__.__name__})") from exc
        build = self.index_dir / name
        if not name or "/" in name or not (build / MANIFEST_FILE).is_file():
            raise self._corrupt(f"{CURRENT_FILE} names a build that is missing or incomplete ({name!r})")
        return build

    def exists(self) -> bool:
        return (self.index_dir / CURRENT_FILE).exists()

    def _builds(self) -> list[Path]:
        """Published build directories, newest first (never raises)."""
        try:
            found = [p for p in self.index_dir.iterdir() if p.name.startswith("build-") and p.is_dir()]
        except OSError:
            return []
        return sorted(found, key=lambda p: p.name, reverse=True)

    def salvage_manifest(self) -> dict | None:
        """What the index records about its documents, from the newest intact place.

        The live build's manifest if intact, else ``SOURCES.json`` (the folders and
        deletions of the last published build, kept beside the builds), else the newest
        intact manifest of an older build.
        """
        live = self._live_name()
        builds = sorted(self._builds(), key=lambda p: p.name != live)
        if builds and builds[0].name == live:
            try:
                return self._manifest(builds[0])
            except IndexCorruptError:
                builds = builds[1:]
        record = self._read_record()
        if record is not None:
            return record
        for build in builds:
            try:
                return self._manifest(build)
            except IndexCorruptError:
                continue
        return None

    def _read_record(self) -> dict | None:
        """The folders and deletions saved in ``SOURCES.json``, if intact (never raises)."""
        try:
            saved = json.loads((self.index_dir / RECORD_FILE).read_text(encoding="utf-8"))
            record = saved["record"]
            if saved["sha256"] != hashlib.sha256(_canonical(record)).hexdigest() or not isinstance(record, dict):
                return None
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
            return None
        return record

    def _write_record(self, manifest: dict, build: str) -> None:
        """Keep the folders and deletions of the published build beside the builds (best effort)."""
        record = {"build": build, "roots": manifest.get("roots"), "excluded": manifest.get("excluded", [])}
        try:
            _write_text(self.index_dir / f".{RECORD_FILE}.tmp", json.dumps(
                {"record": record, "sha256": hashlib.sha256(_canonical(record)).hexdigest()}, ensure_ascii=False))
            os.replace(self.index_dir / f".{RECORD_FILE}.tmp", self.index_dir / RECORD_FILE)
        except OSError:
            pass

    def read_manifest(self) -> dict | None:
        build = self.current_build()
        return None if build is None else self._manifest(build)

    def _manifest(self, build: Path) -> dict:
        try:
            raw = (build / MANIFEST_FILE).read_bytes()
            manifest = json.loads(raw.decode("utf-8"))
            expected = (build / MANIFEST_SUM_FILE).read_text(encoding="ascii").strip() \
                if (build / MANIFEST_SUM_FILE).exists() else None  # builds before the checksum had none
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise self._corrupt(f"{MANIFEST_FILE} is damaged ({exc.__class__.__name__})") from exc
        if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
            raise self._corrupt(f"{MANIFEST_FILE} does not match its checksum")
        if not isinstance(manifest, dict):
            raise self._corrupt(f"{MANIFEST_FILE} is not an object")
        return manifest

    def _corrupt(self, what: str) -> IndexCorruptError:
        return IndexCorruptError(
            f"the index in {self.index_dir.name}/ is damaged: {what}; {REBUILD_HINT}",
            user_message="索引文件已损坏，请运行 partyqa index --rebuild 重建索引（已上传的文档不会丢失）。")

    def verify(self, build: Path, manifest: dict) -> None:
        """Check every file of ``build`` against the checksums of its manifest.

        Raises:
            IndexCorruptError: If a file is missing or its content changed.
        """
        files = manifest.get("files")
        if not isinstance(files, dict) or not files:
            raise self._corrupt("its manifest lists no file checksums")
        for name, expected in files.items():
            path = build / name
            if "/" in name or not path.is_file():
                raise self._corrupt(f"{name} is missing")
            if file_sha256(path) != expected:
                raise self._corrupt(f"{name} does not match its checksum")

    def load(self, model: str | None = None, fingerprint: str | None = None) -> IndexData:
        build = self.current_build()
        if build is None:
            raise IndexMissingError(f"no index in {self.index_dir.name}/; build one with: partyqa index",
                                    user_message="还没有索引。")
        manifest = self._manifest(build)
        check_compatible(manifest, model, fingerprint)
        self.verify(build, manifest)
        try:
            articles = {a["doc_id"]: Article.from_dict(a) for a in _read_jsonl(build / "articles.jsonl")}
            chunks = [Chunk.from_dict(c) for c in _read_jsonl(build / "chunks.jsonl")]
            vectors = np.load(build / "vectors.npy", allow_pickle=False)
            ann = load_backend(build, manifest["vector_index"])
            bm25 = BM25Index.load(build)
            examples = json.loads((build / EXAMPLES_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError, zipfile.BadZipFile) as exc:
            raise self._corrupt(f"a file cannot be read ({exc.__class__.__name__})") from exc
        if not (len(chunks) == len(vectors) == bm25.size == ann.size):
            raise self._corrupt(f"{len(chunks)} chunks but {len(vectors)} vectors")
        return IndexData(manifest, articles, chunks, vectors, ann, bm25, list(examples), build)

    # ------------------------------------------------------------------ writing
    def save(self, data: IndexData) -> str:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        previous = self._live_name()
        name = f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        tmp = self.index_dir / f".{name}.partial"
        tmp.mkdir()
        try:
            _write_jsonl(tmp / "articles.jsonl", (a.to_dict() for a in data.articles.values()))
            _write_jsonl(tmp / "chunks.jsonl", (c.to_dict() for c in data.chunks))
            with open(tmp / "vectors.npy", "wb") as fh:
                np.save(fh, np.ascontiguousarray(data.vectors, dtype=np.float32), allow_pickle=False)
            data.ann.save(tmp)
            data.bm25.save(tmp)
            _write_text(tmp / EXAMPLES_FILE, json.dumps(list(data.examples), ensure_ascii=False))
            data.manifest["files"] = {p.name: file_sha256(p) for p in sorted(tmp.iterdir()) if p.is_file()}
            text = json.dumps(data.manifest, ensure_ascii=False, indent=2)
            _write_text(tmp / MANIFEST_FILE, text)
            _write_text(tmp / MANIFEST_SUM_FILE, hashlib.sha256(text.encode("utf-8")).hexdigest() + "\n")
            _fsync_dir(tmp)
            final = self.index_dir / name
            os.rename(tmp, final)
            _write_text(self.index_dir / f".{CURRENT_FILE}.tmp", name)
            os.replace(self.index_dir / f".{CURRENT_FILE}.tmp", self.index_dir / CURRENT_FILE)
            _fsync_dir(self.index_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        data.path = final
        self._write_record(data.manifest, name)
        self._remove_stale(keep={name, previous})
        return name

    def _live_name(self) -> str:
        """Name of the live build, or "" (never raises)."""
        try:
            return (self.index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""

    def _remove_stale(self, keep: set[str]) -> None:
        """Delete builds other than the live and the previous one, and leftovers of crashed builds."""
        for entry in self.index_dir.iterdir():
            if entry.name in keep or not entry.is_dir():
                continue
            if entry.name.startswith("build-") or (entry.name.startswith(".build-") and entry.name.endswith(".partial")):
                shutil.rmtree(entry, ignore_errors=True)


def _canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _write_text(path: Path, text: str) -> None:
    """Write and fsync a text file."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _write_jsonl(path: Path, rows) -> None:
    """Write dicts as JSON lines and fsync."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        fh.flush()
        os.fsync(fh.fileno())


def _read_jsonl(path: Path) -> list[dict]:
    """Read JSON lines."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _fsync_dir(path: Path) -> None:
    """Flush a directory entry to disk (best effort)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
