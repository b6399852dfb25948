"""Readers for the knowledge base's isolated reader process, used by the unit tests.

``read`` stands for a pathological file: a file whose name starts with ``slow`` takes far
longer than any test's time limit (as quadratic cleaning would), others are read normally.
"""

from __future__ import annotations

import time
from pathlib import Path


def read(path: Path, key: str):
    """Read like ``index.build.read_articles``, but hang on files named ``slow*``."""
    if Path(path).name.startswith("slow"):
        time.sleep(600)
    from index.build import read_articles

    return read_articles(path, key)
