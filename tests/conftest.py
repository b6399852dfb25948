"""Shared fixtures: a real engine (real model, FAISS, jieba) over a copy of the bundled corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partyqa.config import Config

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "data" / "articles"


@pytest.fixture(scope="session")
def e2e_config(tmp_path_factory) -> Config:
    """Config whose data directory and corpus copy live in a temporary folder."""
    root = tmp_path_factory.mktemp("partyqa-e2e")
    articles = root / "articles"
    shutil.copytree(ARTICLES, articles)
    return Config(data_dir=root / "var", articles_dir=articles)


@pytest.fixture(scope="session")
def engine(e2e_config):
    """The real engine, index built from the bundled corpus on first use."""
    from retrieval.engine import Engine

    return Engine.open(e2e_config, build_if_missing=True)
