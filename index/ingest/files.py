"""Finding the article files under folders, and reading their bytes safely."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from partyqa.errors import ReadError

#: File kinds by suffix: text formats are decoded, the others read by their own readers.
KINDS = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".html": "text", ".htm": "text",
    ".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".wps": "doc",
    ".png": "image", ".jpg": "image", ".jpeg": "image",
}
SUPPORTED_SUFFIXES = tuple(KINDS)
SKIPPED_NAMES = frozenset({"sources.md", "readme.md"})
#: Largest file read, per kind: scanned PDFs and photos are far bigger than text.
MAX_BYTES_BY_KIND = {"text": 20 * 1024 * 1024, "pdf": 64 * 1024 * 1024, "docx": 32 * 1024 * 1024,
                     "doc": 32 * 1024 * 1024, "image": 32 * 1024 * 1024}
MAX_FILE_BYTES = MAX_BYTES_BY_KIND["text"]


def file_kind(path: Path | str) -> str:
    """The kind of a file by its suffix (``text``, ``pdf``, ``docx``, ``doc``, ``image``), or ""."""
    return KINDS.get(Path(path).suffix.lower(), "")


def max_bytes(path: Path | str) -> int:
    """Largest size read for a file of this kind (the text limit for unknown kinds)."""
    return MAX_BYTES_BY_KIND.get(file_kind(path), MAX_FILE_BYTES)


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Collect the supported article files under the given files and folders.

    Folders are searched recursively. Hidden files and folders (names starting with
    ``.``) below a given folder, ``README.md`` and ``SOURCES.md`` are skipped, as are
    files with an unsupported suffix and paths that do not exist.

    Args:
        paths: Files and folders to search.

    Returns:
        The files found, deduplicated (by resolved path) and sorted.
    """
    found: dict[Path, Path] = {}
    for root in paths:
        root = Path(root)
        candidates = _walk(root) if root.is_dir() else [root] if root.is_file() else []
        for path in candidates:
            if is_supported(path):
                found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=lambda p: str(p))


def _walk(folder: Path) -> list[Path]:
    """List the non-hidden files below ``folder`` (recursively).

    Args:
        folder: The folder to walk.

    Returns:
        The files found, in no particular order.
    """
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    return files


def is_supported(path: Path) -> bool:
    """Tell whether ``path`` names an article file this package reads.

    Args:
        path: A file path.

    Returns:
        True for a supported suffix (any case) that is not hidden, ``README.md`` or
        ``SOURCES.md``.
    """
    name = path.name
    if name.startswith(".") or name.lower() in SKIPPED_NAMES:
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, refusing files over the limit of their kind (:func:`max_bytes`).

    Args:
        path: The file to read.

    Returns:
        The file's content.

    Raises:
        ReadError: If the file is missing, unreadable, not a regular file or too large.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReadError(path, "not a regular file")
        limit = max_bytes(path)
        if size > limit:
            raise ReadError(path, f"file too large ({size} bytes, limit {limit})")
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror or exc}") from exc
