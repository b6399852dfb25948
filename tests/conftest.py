"""Shared fixtures: a real engine (real model, FAISS, jieba) over a copy of the bundled corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from partyqa.config import Config

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "data" / "articles"


@pytest.fixture(scope="session", autouse=True)
def shared_models_dir(tmp_path_factory) -> Path:
    """One folder of converted models for the whole session (the real model, built once).

    Set ``PARTYQA_TEST_MODELS_DIR`` to keep it across runs; the server fixture links it too.
    """
    configured = os.environ.get("PARTYQA_TEST_MODELS_DIR")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("models")
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PARTYQA_TEST_MODELS_DIR"] = str(folder)
    yield folder
    if not configured:
        os.environ.pop("PARTYQA_TEST_MODELS_DIR", None)


@pytest.fixture(scope="session")
def e2e_config(tmp_path_factory, shared_models_dir) -> Config:
    """Config whose data directory and corpus copy live in a temporary folder."""
    root = tmp_path_factory.mktemp("partyqa-e2e")
    articles = root / "articles"
    shutil.copytree(ARTICLES, articles)
    (root / "var").mkdir()
    (root / "var" / "models").symlink_to(shared_models_dir, target_is_directory=True)
    return Config(data_dir=root / "var", articles_dir=articles)


@pytest.fixture(scope="session")
def engine(e2e_config):
    """The real engine, index built from the bundled corpus on first use."""
    from retrieval.engine import Engine

    return Engine.open(e2e_config, build_if_missing=True)
