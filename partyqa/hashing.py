"""Content hashes: ids of texts, fingerprints of files, checksums of index files."""

from __future__ import annotations

import hashlib
from pathlib import Path


def content_hash(text: str, length: int = 16) -> str:
    """A short, stable hex digest of ``text`` (SHA-1, first ``length`` characters)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def bytes_hash(data: bytes, length: int = 16) -> str:
    """A short, stable hex digest of raw bytes (SHA-1, first ``length`` characters)."""
    return hashlib.sha1(data).hexdigest()[:length]


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()
