"""In-process fixtures for unit tests: a tiny corpus, a config in a temporary folder, and an
engine over it with the fake embedder (plumbing only; quality is measured with the real model)."""

from __future__ import annotations

import pytest

from index.build import build_index
from partyqa.config import Config
from retrieval.answer.extractive import AnswerParams
from retrieval.engine import Engine
from retrieval.knowledge import KnowledgeBase
from tests.fakes import FakeEmbedder


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("天桥区加强党建\n\n全区建立非公企业党组织416个，覆盖率64.7%。建立社会组织党组织47个。", encoding="utf-8")
    (folder / "b.md").write_text("# 涧西区党建\n\n涧西区发放党史教材800多本、宣传手册13000多本。", encoding="utf-8")
    (folder / "c.txt").write_bytes("荷塘区今年1-8月共新建非公有制经济组织党组织22个。".encode("gb18030"))
    return folder


@pytest.fixture
def config(tmp_path):
    return Config(data_dir=tmp_path / "var", articles_dir=tmp_path / "articles")


@pytest.fixture
def services(corpus, config):
    """``(engine, knowledge base, config)`` over the tiny corpus, with the fake embedder."""
    build_index([corpus], config, FakeEmbedder())
    # The fake embedder's similarities mean nothing, so the calibrated confidence threshold is
    # off here: plumbing tests see the answerer's rules only.
    engine = Engine(config, FakeEmbedder(), answer_params=AnswerParams(min_confidence=0.0))
    engine.reload()
    return engine, KnowledgeBase(engine), config
