"""Smoke tests of the benchmark plumbing (seconds; no timing assertions)."""

from __future__ import annotations

import json
import random
import re
import shutil

import numpy as np
import pytest

from bench import synth, vector_scale


@pytest.fixture(scope="module")
def pool() -> tuple[str, ...]:
    """The sentence pool of the bundled articles."""
    return synth.sentence_pool()


def test_corpus_is_deterministic(tmp_path, pool):
    a = synth.make_corpus(tmp_path / "a", 3, seed=7)
    b = synth.make_corpus(tmp_path / "b", 3, seed=7)
    c = synth.make_corpus(tmp_path / "c", 3, seed=8)
    texts_a = [f.read_bytes() for f in a.files]
    assert texts_a == [f.read_bytes() for f in b.files]
    assert texts_a != [f.read_bytes() for f in c.files]
    assert len(set(texts_a)) == 3
    assert all(f.suffix == ".txt" for f in a.files)


def test_article_has_header_and_about_fifteen_paragraphs(pool):
    text = synth.synthetic_article(0, 0, pool)
    title, meta = text.splitlines()[:2]
    assert title and "发布日期：" in meta and "来源：" in meta
    assert len([p for p in text.split("\n\n")[1:] if p.strip()]) == 15


def test_places_are_replaced(pool):
    text = "".join(synth.synthetic_article(i, 1, pool) for i in range(5))
    for name in synth.SOURCE_DISTRICTS + ("济南", "洛阳", "郑州", "株洲", "北坦街道"):
        assert name not in text
    others = {d for _, d in synth.OTHER_DISTRICTS}
    assert any(d in text for d in others)


def test_replace_places_is_consistent():
    mapping = synth.place_mapping(random.Random(3))
    out = synth.replace_places("天桥区委在天桥开展活动，济南市和荷塘区", mapping)
    district = mapping["天桥区"]
    assert out.startswith(district + "委") and mapping["荷塘区"] == district
    assert "天桥" not in out and "济南" not in out


def test_numbers_are_altered():
    text = "2019年3月15日，建立了416个党组织，覆盖率64.7%，共有1153名党员。"
    outs = {synth.alter_numbers(text, random.Random(s)) for s in range(5)}
    assert text not in outs and len(outs) > 1
    for out in outs:
        nums = re.findall(r"\d+(?:\.\d+)?", out)
        year, month, day, count, rate, members = nums
        assert 2005 <= int(year) <= 2024 and 1 <= int(month) <= 12 and 1 <= int(day) <= 28
        assert len(count) == 3 and re.fullmatch(r"\d{2}\.\d", rate) and len(members) == 4


def test_recall_at_k_counts_overlap():
    truth = np.array([[1, 2, 3, 4], [5, 6, 7, 8]])
    assert vector_scale.recall_at_k(truth, truth, k=4) == 1.0
    half = np.array([[1, 2, 9, 10], [8, 7, -1, -1]])
    assert vector_scale.recall_at_k(half, truth, k=4) == 0.5
    assert vector_scale.recall_at_k(np.array([[4, 3, 2, 1], [8, 7, 6, 5]]), truth, k=4) == 1.0


def test_flat_index_matches_numpy_and_approximate_recall_is_sane():
    rng = np.random.default_rng(0)
    xb = vector_scale.random_unit_vectors(2000, 32, rng)
    xq = vector_scale.random_unit_vectors(50, 32, rng)
    truth = vector_scale.exact_topk(xb, xq)
    _, flat_ids = vector_scale.build_flat(xb).search(xq, vector_scale.K)
    assert vector_scale.recall_at_k(flat_ids, truth) == pytest.approx(1.0)
    ivf = vector_scale.build_ivf(xb, nlist=16, train=xb, niter=5)
    ivf.nprobe = 16  # every list probed: exact
    _, ids = ivf.search(xq, vector_scale.K)
    assert vector_scale.recall_at_k(ids, truth) == pytest.approx(1.0)
    ivf.nprobe = 1
    _, ids = ivf.search(xq, vector_scale.K)
    assert 0.0 < vector_scale.recall_at_k(ids, truth) < 1.0


def test_realistic_vectors_follow_the_fitted_model():
    rng = np.random.default_rng(1)
    direction = rng.standard_normal(64).astype(np.float32)
    real = direction + 0.5 * rng.standard_normal((500, 64)).astype(np.float32)
    real /= np.linalg.norm(real, axis=1, keepdims=True)
    model = vector_scale.fit_vector_model(real)
    xb = vector_scale.realistic_vectors(1000, model, rng, batch=300)
    assert xb.shape == (1000, 64) and np.allclose(np.linalg.norm(xb, axis=1), 1.0, atol=1e-5)
    real_cos = vector_scale.vector_stats(real, rng)["mean_pair_cosine"]
    syn_cos = vector_scale.vector_stats(xb, rng)["mean_pair_cosine"]
    assert abs(real_cos - syn_cos) < 0.1


def test_run_size_plumbing(tmp_path):
    rng = np.random.default_rng(2)
    xb = vector_scale.random_unit_vectors(2000, 32, rng)
    xq = vector_scale.random_unit_vectors(20, 32, rng)
    args = vector_scale.argparse.Namespace(
        threads="1", time_budget=60.0, tmp_dir=str(tmp_path), nlist=16, train_size=2000, kinds="ivf,hnsw,ivfpq",
        niter=5, nprobe="1,16", ef_search="16,64", hnsw_m=8, ef_construction=40, pq_m=8,
        hnsw_build_cap=60.0, reserve_s=0.0,
    )
    size = vector_scale.run_size(2000, xb, xq, args, rng)
    names = [r["name"] for r in size["results"]]
    assert names[0] == "Flat (exact)" and len(names) == 4
    flat = size["results"][0]
    assert flat["sweep"][0]["recall_at_10"] == 1.0 and flat["size_bytes"] > 2000 * 32 * 4
    ivf = size["results"][1]["sweep"]
    assert ivf[-1]["recall_at_10"] == 1.0
    assert "Flat (exact)" in vector_scale.markdown({"vectors": "random", "queries": "random", "sizes": [size]})


def test_gemm_ceiling_plumbing():
    pytest.importorskip("onnxruntime")
    from bench import gemm_ceiling

    shapes = gemm_ceiling.Shapes(layers=2, hidden=16, intermediate=64)
    assert shapes.products() == [(16, 16)] * 4 + [(16, 64), (64, 16)]
    assert shapes.ops_per_token() == 2 * 2 * (4 * 16 * 16 + 2 * 16 * 64)
    results = gemm_ceiling.measure(shapes, tokens=8, cores=2, repeats=2)
    assert [r.precision for r in results] == ["int8", "fp32"]
    for r in results:
        assert r.ms_per_passage > 0 and r.gops_per_core > 0
        assert r.ceiling_per_s == pytest.approx(2 / (r.ms_per_passage / 1000))


def test_ask_latency_times_every_kind_and_splits_search_from_answering(tmp_path):
    """bench/ask_latency.py end to end on a tiny level with the fake embedder (seconds)."""
    import argparse

    from bench import ask_latency, ask_report
    from retrieval.search import Searcher
    from tests.fakes import FakeEmbedder

    original_search = Searcher.__dict__["search"]
    questions = ask_latency.question_list()
    refs = [ref for _, ref in ask_latency.QUESTIONS]
    assert all(q["question"] != ref for q, ref in zip(questions, refs) if re.fullmatch(r"q\d{3}", ref))
    one_per_kind = list({q["kind"]: q for q in questions}.values())
    # A corpus of the bundled articles alone, recorded as level 60 (no synthetic articles to write and read).
    shutil.copytree(synth.SOURCE_DIR, tmp_path / "60" / "corpus", ignore=shutil.ignore_patterns("*.md"))
    (tmp_path / "60" / "corpus.json").write_text(json.dumps({"level": 60, "seed": 0}))
    args = argparse.Namespace(cache=str(tmp_path), models_dir=str(tmp_path / "models"), seed=0, rounds=1, attempts=1,
                              max_others=99.0, pause=0.0)
    level = ask_latency.run_level(60, args, FakeEmbedder(), one_per_kind)
    assert Searcher.__dict__["search"] is original_search  # the probe is uninstalled
    new, repeat = level["samples"]["new"], level["samples"]["repeat"]
    assert len(new) == len(repeat) == len(one_per_kind)
    assert level["index"]["reused_corpus"] and level["index"]["built_s"] is not None
    assert {s["kind"] for s in new} == {k for k, _ in ask_latency.QUESTIONS}
    for s in new + repeat:
        assert min(s[p] for p in ask_report.PHASES) >= 0.0
        assert s["search"] >= s["query_embed"] and s["answer"] >= s["sentence_embed"]
    counts = [s for s in new if s["kind"] == "count"]
    assert all(s["search"] > 0 and s["passages_embedded"] > 0 for s in counts)  # cache emptied: sentences embedded
    assert all(s["passages_embedded"] == 0 for s in repeat)  # asked again: everything cached
    assert all(s["search"] == 0 for s in new if s["kind"] == "greeting")  # answered without the articles
    text = ask_report.markdown({"date": "today", "command": "python bench/ask_latency.py", "model": "fake",
                                "machine": ask_report.machine(), "rounds": 1, "target_ms": 300.0, "levels": [level]})
    assert "| count | 1 |" in text and "Target p95 ≤ 300 ms" in text and "↳ sentence embedding" in text
