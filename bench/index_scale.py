"""Indexing throughput, query latency and memory at 1k, 10k and 100k chunks.

Each level runs in its own subprocess (so peak memory is per level) over a synthetic
corpus (:mod:`bench.synth`) plus a copy of the five bundled articles, so that the
questions of ``tests/eval/questions.jsonl`` have real answers hidden among distractors.
Per level it measures:

* model load time (separately from indexing) and the first-query warm-up;
* ``index.build.build_index`` wall time by stage (read, dedup+chunk, embed, BM25/FAISS/write),
  articles/s and chunks/s;
* the index load time (``Engine.reload``) and size on disk;
* latency p50/p95 of ``Engine.search`` and ``Engine.ask`` (real model for the query
  embedding, at least 100 questions of the eval set, follow-ups with their history), and of
  the query embedding alone;
* peak memory: ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` of the level's process
  (whole process: Python, torch, the model, FAISS, the index), plus the RSS after the model
  is loaded (baseline) read from ``/proc/self/status``. tracemalloc is not used: it misses
  torch and FAISS allocations and slows the build.

Embedding. The real model embeds only ~14-40 passages/s on 2 cores, so levels up to
``--real-max-chunks`` (default 2000) embed every passage for real. Larger levels use
:class:`SampledVectorEmbedder`: it embeds for real the passages of the five bundled
articles plus a random sample of the synthetic ones (capped by count and time), and gives
every other passage a *synthetic* vector: a real sample vector (chosen by a hash of the
text) plus Gaussian noise, renormalized. Search, ask and memory at those levels are real
measurements on an index of the stated size; the embedding cost is *extrapolated* from the
rate measured on the real sample (``chunks / rate``).

Command line::

    python bench/index_scale.py --levels 1000,10000,100000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

OUT_DIR = REPO / "bench" / "out"
QUESTIONS = REPO / "tests" / "eval" / "questions.jsonl"
SOURCE_DIR = REPO / "data" / "articles"
NOISE_NORM = 0.3  # norm of the noise added to a reused real vector (cosine to it ≈ 0.96)


# ---------------------------------------------------------------------- small helpers
def summarize_ms(seconds: list[float]) -> dict:
    """p50/p95/mean/max of durations, in milliseconds.

    Args:
        seconds: Durations in seconds.

    Returns:
        ``{"n", "p50_ms", "p95_ms", "mean_ms", "max_ms"}`` (empty dict for no data).
    """
    if not seconds:
        return {}
    ms = np.asarray(seconds) * 1000.0
    return {"n": len(ms), "p50_ms": round(float(np.percentile(ms, 50)), 2),
            "p95_ms": round(float(np.percentile(ms, 95)), 2), "mean_ms": round(float(ms.mean()), 2),
            "max_ms": round(float(ms.max()), 2)}


def rss_mib() -> float:
    """Current resident set size of this process in MiB (from ``/proc/self/status``)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return float("nan")


def peak_rss_mib() -> float:
    """Peak resident set size of this process in MiB (``ru_maxrss``, KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process so far."""
    t = os.times()
    return t.user + t.system


def dir_size_mib(path: Path) -> float:
    """Total size of the files under ``path`` in MiB."""
    return round(sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 2**20, 2)


def load_questions(n: int, path: Path = QUESTIONS) -> list[dict]:
    """The first ``n`` questions of the eval set, cycling if it has fewer.

    Args:
        n: Number of questions wanted.
        path: The JSON-lines eval set.

    Returns:
        Question records (``question``, ``history``, ``doc`` …).
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rows[i % len(rows)] for i in range(n)]


class StageTimer:
    """A ``progress(stage, done, total)`` callback that records when each stage starts and ends."""

    def __init__(self) -> None:
        self.start: dict[str, float] = {}
        self.end: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.start.setdefault(stage, now)
        if done >= total:
            self.end[stage] = now

    def stages(self, t0: float, t_end: float) -> dict[str, float]:
        """Seconds spent per stage: read, dedup_chunk, embed, index_write."""
        read_end = self.end.get("read", t0)
        embed_start = self.start.get("embed", self.start.get("index", t_end))
        embed_end = self.end.get("embed", embed_start)
        return {"read_s": round(read_end - t0, 2), "dedup_chunk_s": round(embed_start - read_end, 2),
                "embed_s": round(embed_end - embed_start, 2), "index_write_s": round(t_end - embed_end, 2)}


# ---------------------------------------------------------------------- sampled vectors
class SampledVectorEmbedder:
    """An embedder for large benchmark levels: real vectors for a sample, synthetic for the rest.

    Same interface as :class:`index.embedder.Embedder` (``name``, ``dim``, ``fingerprint``,
    ``encode_passages``, ``encode_queries``). Queries always go to the real model.
    Passages in ``must_embed`` and a seeded random sample of the others (at most
    ``sample`` texts, stopping after ``time_cap`` seconds) are embedded by the real model;
    every other passage gets the real vector of a sample passage chosen by a hash of its
    text, plus Gaussian noise of norm ~``noise_norm``, renormalized.

    Attributes:
        real_count: Passages embedded by the real model in the last call.
        real_seconds: Seconds the real model spent on them.
        synthetic_count: Passages given synthetic vectors.
    """

    def __init__(self, real, must_embed: set[str], sample: int, time_cap: float, seed: int = 0,
                 noise_norm: float = NOISE_NORM):
        self.real = real
        self.must_embed = must_embed
        self.sample = sample
        self.time_cap = time_cap
        self.seed = seed
        self.noise_norm = noise_norm
        self.real_count = 0
        self.real_seconds = 0.0
        self.synthetic_count = 0
        self.backend = getattr(real, "backend", "torch")

    @property
    def name(self) -> str:
        """The real model's name (the index records it)."""
        return self.real.name

    @property
    def dim(self) -> int:
        """Embedding dimension of the real model."""
        return self.real.dim

    @property
    def fingerprint(self) -> str:
        """The real model's fingerprint, so the real model can query the index."""
        return self.real.fingerprint

    def encode_queries(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Embed queries with the real model."""
        return self.real.encode_queries(texts, progress)

    def encode_passages(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Real vectors for the sample, synthetic vectors for every other passage."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        chosen = self._choose_sample(texts)
        done = self._embed_real(texts, chosen, out)
        self.real_count = len(done)
        pool = out[done]
        rest = np.setdiff1d(np.arange(len(texts)), done)
        out[rest] = self._synthetic(texts, rest, pool)
        self.synthetic_count = len(rest)
        if progress is not None:
            progress(len(texts))
        return out

    def _choose_sample(self, texts: list[str]) -> list[int]:
        """Indices to embed for real: the ``must_embed`` texts first, then a random sample."""
        must = [i for i, t in enumerate(texts) if t in self.must_embed]
        others = [i for i, t in enumerate(texts) if t not in self.must_embed]
        random.Random(self.seed).shuffle(others)
        return must + others[: max(0, self.sample)]

    def _embed_real(self, texts: list[str], chosen: list[int], out: np.ndarray, batch: int = 64) -> np.ndarray:
        """Embed ``chosen`` texts in batches until done or past the time cap; returns indices done."""
        started = time.perf_counter()
        done: list[int] = []
        for pos in range(0, len(chosen), batch):
            idx = chosen[pos : pos + batch]
            out[idx] = self.real.encode_passages([texts[i] for i in idx])
            done.extend(idx)
            if time.perf_counter() - started > self.time_cap:
                break
        self.real_seconds = time.perf_counter() - started
        return np.asarray(done, dtype=np.int64)

    def _synthetic(self, texts: list[str], rows: np.ndarray, pool: np.ndarray) -> np.ndarray:
        """A pool vector per row (by text hash) plus noise, L2-normalized."""
        if not len(rows):
            return np.zeros((0, self.dim), np.float32)
        base = np.asarray([zlib.crc32(texts[i].encode("utf-8")) % len(pool) for i in rows])
        rng = np.random.default_rng(self.seed)
        noise = rng.standard_normal((len(rows), self.dim)).astype(np.float32) * (self.noise_norm / math.sqrt(self.dim))
        vecs = pool[base] + noise
        return (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)


# ---------------------------------------------------------------------- one level
def chunks_per_article(config, seed: int, pilot: int = 12) -> float:
    """Average chunks per synthetic article, measured on a small pilot corpus."""
    from bench.synth import make_corpus
    from index.ingest.chunk import chunk_article
    from index.ingest.load import load_article

    with tempfile.TemporaryDirectory(prefix="pq-pilot-") as tmp:
        info = make_corpus(Path(tmp), pilot, seed=seed + 999)
        counts = [len(chunk_article(load_article(f), config.chunk_min, config.chunk_target, config.chunk_max))
                  for f in info.files]
    return float(np.mean(counts))


def original_embedding_inputs(config) -> tuple[set[str], int]:
    """Embedding inputs of the bundled articles' chunks, and how many chunks they make."""
    from index.ingest.chunk import chunk_article, embedding_input
    from index.ingest.load import load_article

    inputs, count = set(), 0
    for path in sorted(SOURCE_DIR.glob("*.txt")):
        for chunk in chunk_article(load_article(path), config.chunk_min, config.chunk_target, config.chunk_max):
            inputs.add(embedding_input(chunk))
            count += 1
    return inputs, count


def prepare_corpus(root: Path, target_chunks: int, config, seed: int) -> dict:
    """Write the level's corpus: the bundled articles plus enough synthetic ones.

    Returns:
        Facts about the corpus (articles written, estimate used).
    """
    from bench.synth import make_corpus

    _, orig_chunks = original_embedding_inputs(config)
    per_article = chunks_per_article(config, seed)
    n_articles = max(1, math.ceil((target_chunks - orig_chunks) / per_article))
    started = time.perf_counter()
    info = make_corpus(root / "synthetic", n_articles, seed=seed)
    shutil.copytree(SOURCE_DIR, root / "orig", ignore=shutil.ignore_patterns("*.md"))
    return {"synthetic_articles": n_articles, "bundled_articles": 5, "chunks_per_synthetic_article": round(per_article, 2),
            "synthetic_characters": info.characters, "generate_s": round(time.perf_counter() - started, 2)}


def load_model(args) -> tuple[object, dict]:
    """Load the real embedder, timing the load and the first query separately."""
    from index.embed import get_embedder
    from index.embed.e5_convert import MODEL_DIRNAME
    from partyqa.config import Config

    cfg = Config()
    model_dir = Path(args.models_dir) / MODEL_DIRNAME
    prepared_before = {"torch": model_dir.exists(), "onnx": any((model_dir / "onnx").glob("*.onnx"))}
    t0 = time.perf_counter()
    embedder = get_embedder(cfg.model, Path(args.models_dir), threads=args.threads, backend=args.backend)
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    embedder.encode_queries(["预热"])
    warm_s = time.perf_counter() - t1
    backend = getattr(embedder, "backend", "torch")
    return embedder, {"model": cfg.model, "backend_requested": args.backend, "backend": backend, "threads": args.threads,
                      "load_s": round(load_s, 2), "first_query_s": round(warm_s, 3),
                      "converted_in_this_run": not prepared_before.get(backend, True),
                      "rss_after_model_mib": rss_mib()}


def build(paths: list[Path], config, embedder, args, level: int) -> dict:
    """Build the index (real or sampled vectors) and measure it."""
    from index.build import build_index

    real_mode = level <= args.real_max_chunks
    builder = embedder
    if not real_mode:
        must, _ = original_embedding_inputs(config)
        builder = SampledVectorEmbedder(embedder, must, args.real_sample, args.embed_time_cap, seed=args.seed)
    timer = StageTimer()
    t0 = time.perf_counter()
    report = build_index(paths, config, builder, rebuild=True, progress=timer)
    total = time.perf_counter() - t0
    stages = timer.stages(t0, time.perf_counter())
    out = {"mode": "real" if real_mode else "sampled", "articles": report.articles, "chunks": report.chunks,
           "build_s": round(total, 2), **stages, "errors": len(report.errors),
           "near_duplicate_pairs": sum(1 for d in report.duplicates if d.get("kind") == "near"),
           "rss_after_build_mib": rss_mib()}
    out.update(_rates(out, builder, real_mode))
    return out


def _rates(b: dict, builder, real_mode: bool) -> dict:
    """Throughput figures; for sampled levels the embedding part is extrapolated."""
    non_embed = b["build_s"] - b["embed_s"]
    if real_mode:
        rate = b["chunks"] / b["embed_s"] if b["embed_s"] > 0 else float("nan")
        return {"embedded_real": b["chunks"], "embed_rate_passages_s": round(rate, 1),
                "articles_per_s": round(b["articles"] / b["build_s"], 2),
                "chunks_per_s": round(b["chunks"] / b["build_s"], 1),
                "non_embed_chunks_per_s": round(b["chunks"] / max(non_embed, 1e-9), 1)}
    rate = builder.real_count / builder.real_seconds if builder.real_seconds > 0 else float("nan")
    est_embed = b["chunks"] / rate
    est_total = non_embed + est_embed
    return {"embedded_real": builder.real_count, "synthetic_vectors": builder.synthetic_count,
            "real_embed_s": round(builder.real_seconds, 2), "embed_rate_passages_s": round(rate, 1),
            "non_embed_chunks_per_s": round(b["chunks"] / max(non_embed, 1e-9), 1),
            "extrapolated_embed_s": round(est_embed, 1), "extrapolated_build_s": round(est_total, 1),
            "articles_per_s": round(b["articles"] / est_total, 3), "chunks_per_s": round(b["chunks"] / est_total, 2)}


def measure_queries(engine, embedder, questions: list[dict], warmup: int = 3) -> dict:
    """Latency of query embedding, search and ask over ``questions``, plus doc hit@5."""
    from partyqa.text.normalize import normalize

    for q in questions[:warmup]:
        engine.ask(q["question"], history=q.get("history", []))
    emb, search, ask, hit, answerable = [], [], [], 0, 0
    for q in questions:
        t0 = time.perf_counter()
        embedder.encode_queries([normalize(q["question"])])
        emb.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        hits = engine.search(q["question"], top_k=5)
        search.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        engine.ask(q["question"], history=q.get("history", []))
        ask.append(time.perf_counter() - t0)
        if q.get("doc") and q.get("kind") != "followup":
            answerable += 1
            hit += any(h.source.endswith(q["doc"]) for h in hits)
    return {"query_embed": summarize_ms(emb), "search": summarize_ms(search), "ask": summarize_ms(ask),
            "doc_hit_at_5": round(hit / answerable, 3) if answerable else None, "doc_hit_questions": answerable}


def save_real_vectors(index_path: Path, embedder, questions: list[dict], out_dir: Path) -> dict:
    """Keep the real passage and question vectors for ``bench/vector_scale.py``."""
    from partyqa.text.normalize import normalize

    vectors = np.load(index_path / "vectors.npy")
    np.save(out_dir / "real_passage_vectors.npy", vectors)
    seen = {q["question"]: q for q in questions}
    qv = embedder.encode_queries([normalize(q) for q in seen])
    np.save(out_dir / "real_query_vectors.npy", qv.astype(np.float32))
    return {"passage_vectors": len(vectors), "query_vectors": len(qv)}


def run_level(level: int, args) -> dict:
    """Everything for one level, in this process; returns the result record."""
    from partyqa.config import Config
    from retrieval.engine import Engine

    result: dict = {"level": level, "seed": args.seed, "load_average_start": [round(x, 2) for x in os.getloadavg()]}
    wall0, cpu0 = time.perf_counter(), _cpu_seconds()
    root = Path(tempfile.mkdtemp(prefix=f"pq-bench-{level}-", dir=args.tmp_dir))
    try:
        config = Config(data_dir=root / "var", articles_dir=root / "corpus")
        result["corpus"] = prepare_corpus(root / "corpus", level, config, args.seed)
        embedder, result["model"] = load_model(args)
        result["build"] = build([root / "corpus"], config, embedder, args, level)
        engine = Engine(config, embedder)
        t0 = time.perf_counter()
        engine.reload()
        result["index"] = {"load_s": round(time.perf_counter() - t0, 2), "disk_mib": dir_size_mib(config.index_dir),
                           "vector_index": engine.snapshot.data.manifest.get("vector_index"), "rss_after_load_mib": rss_mib()}
        questions = load_questions(args.queries)
        result["queries"] = measure_queries(engine, embedder, questions)
        if result["build"]["mode"] == "real" and args.save_vectors:
            result["saved_vectors"] = save_real_vectors(engine.snapshot.data.path, embedder, questions, Path(args.out))
        result["memory"] = {"peak_rss_mib": peak_rss_mib(), "method": "resource.getrusage(RUSAGE_SELF).ru_maxrss"}
        result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        result["cpu_cores_used"] = round((_cpu_seconds() - cpu0) / (time.perf_counter() - wall0), 2)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return result


# ---------------------------------------------------------------------- driver
def run_in_subprocess(level: int, args, timeout: float) -> dict:
    """Run one level in a fresh Python process (so its peak memory is its own)."""
    out = Path(args.out) / f"index_scale_{level}.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--run-level", str(level), "--out", str(args.out),
           "--models-dir", str(args.models_dir), "--seed", str(args.seed), "--queries", str(args.queries),
           "--real-max-chunks", str(args.real_max_chunks), "--real-sample", str(args.real_sample),
           "--embed-time-cap", str(args.embed_time_cap), "--threads", str(args.threads), "--backend", args.backend]
    if args.tmp_dir:
        cmd += ["--tmp-dir", str(args.tmp_dir)]
    if not args.save_vectors:
        cmd.append("--no-save-vectors")
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=REPO, timeout=timeout, capture_output=True, text=True, check=False)
    except subprocess.TimeoutExpired:
        return {"level": level, "error": f"timed out after {timeout:.0f} s"}
    if proc.returncode != 0 or not out.exists():
        return {"level": level, "error": f"exit {proc.returncode}: {proc.stderr[-2000:]}"}
    result = json.loads(out.read_text(encoding="utf-8"))
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result


def level_timeout(level: int, args) -> float:
    """Time cap of one level: ``--level-timeout`` plus a per-chunk allowance."""
    return args.level_timeout + args.timeout_per_chunk * level


def _fmt(value, digits: int = 1) -> str:
    """A number for a markdown table (``–`` when missing)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def markdown(results: list[dict]) -> str:
    """The RESULTS.md section for the index-scale benchmark."""
    ok = [r for r in results if "error" not in r]
    lines = ["## Indexing and query latency at scale (`bench/index_scale.py`)", ""]
    if ok:
        m = ok[0]["model"]
        conv = "including the one-time conversion" if m.get("converted_in_this_run") else "already converted"
        lines += [(f"Model `{m['model']}`, embedding backend **{m.get('backend', 'torch')}** (requested "
                   f"`{m.get('backend_requested', 'torch')}`): load {m['load_s']} s ({conv}), first query "
                   f"{m['first_query_s']} s, RSS after load {m['rss_after_model_mib']} MiB. Corpus per level: the 5 "
                   f"bundled articles plus **synthetic** articles from `bench/synth.py` (seed {ok[0]['seed']})."), ""]
    lines += ["**Indexing** (`build_index`, rebuild from scratch)", "",
              ("| chunks | articles | vectors | build time, measured (stages) | embed rate | non-embed rate | "
               "indexing rate (real or extrapolated) | index on disk | index load |"),
              "|---:|---:|---|---|---:|---:|---|---:|---:|"]
    lines += [_build_row(r) for r in ok]
    lines += ["", "**Queries and memory**", "",
              ("| chunks | search p50 / p95 | ask p50 / p95 | query embed p50 | peak RSS | above model | doc hit@5 | "
               "load avg start→end | CPU cores used |"),
              "|---:|---|---|---:|---:|---:|---:|---|---:|"]
    lines += [_query_row(r) for r in ok]
    lines += [f"| {r['level']:,} | failed: {r['error'][:300]} |" for r in results if "error" in r]
    lines += ["", *_notes(ok)]
    return "\n".join(lines) + "\n"


def _build_row(r: dict) -> str:
    """One row of the indexing table."""
    b, ix = r["build"], r["index"]
    if b["mode"] == "real":
        vectors = f"real ({b['embedded_real']:,})"
        rate = f"{_fmt(b['articles_per_s'], 2)} art/s, {_fmt(b['chunks_per_s'])} chunks/s"
    else:
        vectors = f"sampled: {b['embedded_real']:,} real + {b['synthetic_vectors']:,} synthetic"
        rate = (f"≈ {_fmt(b['articles_per_s'], 2)} art/s, ≈ {_fmt(b['chunks_per_s'])} chunks/s "
                f"(full build ≈ {_fmt(b['extrapolated_build_s'] / 60)} min)")
    stages = (f"{_fmt(b['build_s'])} s (read {b['read_s']}, dedup+chunk {b['dedup_chunk_s']}, "
              f"embed {b['embed_s']}, write {b['index_write_s']})")
    return (f"| {b['chunks']:,} | {b['articles']:,} | {vectors} | {stages} | {_fmt(b['embed_rate_passages_s'])}/s | "
            f"{_fmt(b['non_embed_chunks_per_s'])}/s | {rate} | {ix['disk_mib']} MiB | {ix['load_s']} s |")


def _query_row(r: dict) -> str:
    """One row of the query/memory table."""
    b, q, mem = r["build"], r["queries"], r["memory"]
    above = mem["peak_rss_mib"] - r["model"]["rss_after_model_mib"]
    return (f"| {b['chunks']:,} | {q['search']['p50_ms']:.0f} / {q['search']['p95_ms']:.0f} ms | "
            f"{q['ask']['p50_ms']:.0f} / {q['ask']['p95_ms']:.0f} ms | {q['query_embed']['p50_ms']:.0f} ms | "
            f"{mem['peak_rss_mib']:,.0f} MiB | {above:,.0f} MiB | {q['doc_hit_at_5']} | "
            f"{r['load_average_start'][0]} → {r.get('load_average_end', ['?'])[0]} | {r.get('cpu_cores_used', '–')} |")


def _notes(ok: list[dict]) -> list[str]:
    """Explanations under the table."""
    n_q = ok[0]["queries"]["search"]["n"] if ok else 0
    return [
        (f"* Latencies: {n_q} questions of `tests/eval/questions.jsonl` per level (after 3 warm-up questions), "
         "one at a time, in-process (`Engine.search` top 5, `Engine.ask` with follow-up history). "
         "Search and ask include embedding the question with the real model."),
        ("* *embed rate* is measured with the real model: over every chunk at `real` levels, over the real sample "
         "(the bundled articles' chunks plus a random sample of synthetic chunks, capped by count and time) at "
         "`sampled` levels. *non-embed rate* is chunks / (build time − embed stage): reading, cleaning, "
         "metadata, near-duplicate detection, chunking, BM25, FAISS and writing."),
        ("* `sampled` levels: passages outside the real sample get a **synthetic vector** (a real sample vector "
         f"picked by a hash of the text, plus Gaussian noise of norm {NOISE_NORM}, renormalized). Search/ask latency "
         "and memory are real measurements on an index of that size; the indexing rate there is **extrapolated**: "
         "measured non-embedding time + chunks / measured embedding rate."),
        ("* Peak RSS: `resource.getrusage(RUSAGE_SELF).ru_maxrss` of the level's own process (model, build and "
         "queries; each level runs in a fresh process); *above model* subtracts the RSS right after the model was "
         "loaded. tracemalloc was not used (it misses torch/ONNX Runtime/FAISS memory)."),
        ("* doc hit@5: share of answerable, non-follow-up questions whose source article is among the 5 search hits "
         "(the synthetic articles are distractors with altered numbers and places). Informational only."),
        ("* *load avg* is the machine's 1-minute load average when the level started and ended (2 cores: above 2 "
         "means other processes competed for the CPU); *CPU cores used* is this level's CPU time / wall time."),
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description="Indexing throughput, query latency and memory at scale.")
    parser.add_argument("--levels", default="1000,10000,100000", help="chunk counts, comma-separated")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default bench/out)")
    parser.add_argument("--models-dir", type=Path, default=OUT_DIR / "models", help="converted-model cache")
    parser.add_argument("--tmp-dir", type=Path, default=None, help="where level corpora and indexes are built")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=int, default=158, help="questions per level (>= 100; the eval set has 158)")
    parser.add_argument("--real-max-chunks", type=int, default=2000, help="levels up to this size embed everything for real")
    parser.add_argument("--real-sample", type=int, default=400, help="synthetic chunks embedded for real at larger levels")
    parser.add_argument("--embed-time-cap", type=float, default=120.0, help="seconds of real embedding at larger levels")
    parser.add_argument("--threads", type=int, default=0, help="embedding threads (0 = all cores)")
    parser.add_argument("--backend", default=None, help="embedding backend: torch, onnx or auto (default: partyqa's default)")
    parser.add_argument("--level-timeout", type=float, default=900.0, help="seconds per level, plus --timeout-per-chunk")
    parser.add_argument("--timeout-per-chunk", type=float, default=0.02, help="extra seconds per chunk of a level")
    parser.add_argument("--no-save-vectors", dest="save_vectors", action="store_false",
                        help="do not keep real vectors for vector_scale.py")
    parser.add_argument("--keep", action="store_true", help="keep the level's corpus and index")
    parser.add_argument("--report-only", action="store_true", help="re-render index_scale.md from index_scale.json")
    parser.add_argument("--run-level", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.backend is None:
        from partyqa.config import Config

        args.backend = getattr(Config(), "backend", "torch")
    if args.queries < 100:
        parser.error("--queries must be at least 100")
    if args.report_only:
        results = json.loads((args.out / "index_scale.json").read_text(encoding="utf-8"))
        (args.out / "index_scale.md").write_text(markdown(results), encoding="utf-8")
        return
    if args.run_level is not None:
        result = run_level(args.run_level, args)
        (args.out / f"index_scale_{args.run_level}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
        return
    results = []
    for level in [int(x) for x in args.levels.split(",") if x.strip()]:
        print(f"[index_scale] level {level:,} chunks (cap {level_timeout(level, args):.0f} s) …", file=sys.stderr, flush=True)
        results.append(run_in_subprocess(level, args, level_timeout(level, args)))
        print(json.dumps(results[-1].get("build", results[-1]), ensure_ascii=False)[:600], file=sys.stderr, flush=True)
    (args.out / "index_scale.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (args.out / "index_scale.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
