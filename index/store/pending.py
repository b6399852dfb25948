"""Vectors of a build that has not finished, kept so that the next build does not embed them again.

While a build embeds, every block of fresh vectors is written to ``<index_dir>/pending/``
as a small ``.npz`` (content hashes and float32 rows, no pickle), written under a
temporary name and renamed. A build interrupted by a crash, a kill or Ctrl-C leaves them
there; the next build with the same model loads them and embeds only what is still
missing. A published build clears the folder.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import zipfile
from pathlib import Path

import numpy as np

PENDING_DIR = "pending"
_counter = itertools.count()


class PendingVectors:
    """The pending vectors of one model under one index directory.

    Args:
        index_dir: The index directory.
        model: Name of the embedding model.
        fingerprint: Fingerprint of its weights.
        dim: Vector dimension.
    """

    def __init__(self, index_dir: Path, model: str, fingerprint: str, dim: int):
        self.folder = Path(index_dir) / PENDING_DIR
        self.dim = int(dim)
        self.tag = hashlib.sha1(f"{model}\n{fingerprint}\n{dim}".encode()).hexdigest()[:12]

    def load(self) -> dict[str, np.ndarray]:
        """Vectors left by interrupted builds of this model, by embedding-input hash.

        Unreadable or foreign files are ignored (they are removed with the folder later).
        """
        out: dict[str, np.ndarray] = {}
        if not self.folder.is_dir():
            return out
        for path in sorted(self.folder.glob(f"{self.tag}-*.npz")):
            try:
                with np.load(path, allow_pickle=False) as data:
                    hashes, vectors = data["hashes"], data["vectors"]
            except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
                continue
            if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(hashes) != len(vectors):
                continue
            out.update(zip((str(h) for h in hashes), vectors.astype(np.float32)))
        return out

    def add(self, hashes: list[str], vectors: np.ndarray) -> None:
        """Keep one block of freshly embedded vectors (best effort: a full disk only costs time)."""
        if not hashes:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"{self.tag}-{os.getpid()}-{next(_counter)}"
            tmp = self.folder / f".{name}.tmp"
            with open(tmp, "wb") as fh:
                np.savez(fh, hashes=np.asarray(hashes, dtype=str), vectors=np.asarray(vectors, dtype=np.float32))
            os.replace(tmp, self.folder / f"{name}.npz")
        except OSError:
            pass

    def clear(self) -> None:
        """Remove every pending file (after a build was published)."""
        shutil.rmtree(self.folder, ignore_errors=True)
