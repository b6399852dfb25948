"""Finding the article files under folders, and reading their bytes safely."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from partyqa.errors import ReadError

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SKIPPED_NAMES = frozenset({"sources.md", "readme.md"})
MAX_FILE_BYTES = 20 * 1024 * 1024


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
    """Read a file's bytes, refusing files over :data:`MAX_FILE_BYTES`.

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
        if size > MAX_FILE_BYTES:
            raise ReadError(path, f"file too large ({size} bytes, limit {MAX_FILE_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror or exc}") from exc
