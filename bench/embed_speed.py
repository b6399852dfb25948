"""Embedding speed and quality: float32 torch versus the int8 ONNX backend.

Measures, in one process (so both backends see the same machine load):

* passages/s on the bundled corpus (``data/articles``, chunked as ``index.build`` does),
  several interleaved repetitions, median;
* passages/s on a synthetic corpus of ~200-character passages (shuffled sentences of
  the bundled articles, every number altered): int8 on all of it, and fp32 and int8 on a
  sample (``--fp32-cap``) in alternating chunks of ``--chunk`` passages, so both see the
  same background load, for the ratio;
* int8 throughput per embedder batch size (``--batch-sizes``) on a sample;
* single-query latency, median of the eval questions (at least 50) for each backend;
* cosine between the int8 and fp32 embeddings of every passage embedded by both.

Wall-clock figures depend on what else runs on the machine, so CPU time is recorded
too: ``passages per CPU-second × threads`` estimates the throughput of an idle machine
(ONNX Runtime's workers are set not to spin; torch's OpenMP workers may spin briefly, which
makes the fp32 estimate slightly pessimistic). The load average is recorded with
each figure.

Usage::

    python bench/embed_speed.py --models-dir var/models --synthetic 10000 --fp32-cap 1000 \\
        --out bench/out/embed_speed.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from index.embed import Embedder, load_embedder
from index.ingest.chunk import chunk_article, embedding_input
from index.ingest.files import find_files
from index.ingest.load import load_article
from partyqa.config import DEFAULT_MODEL, Config
from partyqa.text.normalize import normalize
from partyqa.text.sentences import split_sentences

ARTICLES = REPO / "data" / "articles"
QUESTIONS = REPO / "tests" / "eval" / "questions.jsonl"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class Timing:
    """One timed run.

    Attributes:
        label: What was run.
        items: Texts embedded.
        wall_s: Wall-clock seconds.
        cpu_s: CPU seconds of this process (all threads).
        load: 1-minute load average when the run ended.
    """

    label: str
    items: int
    wall_s: float
    cpu_s: float
    load: float

    @property
    def per_s(self) -> float:
        """Texts per wall-clock second."""
        return self.items / self.wall_s

    def idle_estimate(self, threads: int) -> float:
        """Texts per second on an idle machine: per CPU-second times the threads."""
        return self.items / max(self.cpu_s, 1e-9) * threads


def timed(label: str, items: int, run: Callable[[], Any]) -> tuple[Timing, Any]:
    """Run ``run`` once and time it; returns the timing and what ``run`` returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return Timing(label, items, time.perf_counter() - wall, time.process_time() - cpu, os.getloadavg()[0]), result


def bundled_passages() -> list[str]:
    """Embedding inputs of the bundled corpus, chunked as the index build does."""
    cfg = Config()
    texts: list[str] = []
    for path in find_files([ARTICLES]):
        chunks = chunk_article(load_article(path), cfg.chunk_min, cfg.chunk_target, cfg.chunk_max)
        texts.extend(embedding_input(c) for c in chunks)
    return texts


def sentence_pool() -> list[str]:
    """Sentences of the bundled articles (normalized, at least 8 characters)."""
    pool: list[str] = []
    for path in find_files([ARTICLES]):
        text = normalize(load_article(path).text)
        pool.extend(text[s.start : s.end] for s in split_sentences(text))
    return [s for s in pool if len(s) >= 8]


def _alter(sentence: str, rng: random.Random) -> str:
    """Replace every number of ``sentence`` by another with as many digits."""
    def new(match: re.Match) -> str:
        digits = re.sub(r"\d", lambda _: str(rng.randint(0, 9)), match.group())
        return str(rng.randint(1, 9)) + digits[1:] if digits[0] == "0" and len(digits) > 1 else digits

    return _NUMBER.sub(new, sentence)


def synthetic_passages(n: int, seed: int = 0, target: int = 200) -> list[str]:
    """``n`` passages of about ``target`` characters from shuffled, altered sentences.

    Args:
        n: Number of passages.
        seed: Random seed.
        target: Characters per passage (a passage stops at the first sentence end past it
            minus 20, and is cut at ``target + 60``).

    Returns:
        The passages.
    """
    rng = random.Random(seed)
    pool = sentence_pool()
    out: list[str] = []
    while len(out) < n:
        parts: list[str] = []
        while sum(map(len, parts)) < target - 20:
            parts.append(_alter(rng.choice(pool), rng))
        out.append("".join(parts)[: target + 60])
    return out


def eval_questions(minimum: int = 50) -> list[str]:
    """The eval-set questions (at least ``minimum``)."""
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    if len(questions) < minimum:
        raise SystemExit(f"{QUESTIONS} has {len(questions)} questions, fewer than {minimum}")
    return questions


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise cosine similarity."""
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def query_latency(embedder: Embedder, questions: list[str]) -> dict:
    """Median and 90th percentile of single-query latency in milliseconds (warm model)."""
    embedder.encode_queries(questions[:3])
    times = []
    for question in questions:
        start = time.perf_counter()
        embedder.encode_queries([question])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"n": len(times), "median_ms": statistics.median(times), "p90_ms": times[int(0.9 * (len(times) - 1))]}


def _with_batch(embedder: Embedder, batch_size: int) -> Callable[[list[str]], np.ndarray]:
    """An encode function that uses ``batch_size`` (restoring the embedder's own after)."""
    def run(texts: list[str]) -> np.ndarray:
        saved, embedder.batch_size = embedder.batch_size, batch_size
        try:
            return embedder.encode_passages(texts)
        finally:
            embedder.batch_size = saved

    return run


def bench_bundled(fp32: Embedder, int8: Embedder, passages: list[str], repeats: int) -> dict:
    """Interleaved repeated runs on the bundled corpus; median throughput per backend."""
    runs: dict[str, list[Timing]] = {"fp32": [], "int8": []}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(repeats):
        for name, embedder in (("fp32", fp32), ("int8", int8)):
            timing, vectors[name] = timed(name, len(passages), lambda e=embedder: e.encode_passages(passages))
            runs[name].append(timing)
    cos = cosines(vectors["int8"], vectors["fp32"])
    return {"passages": len(passages), "mean_chars": statistics.mean(map(len, passages)),
            "runs": {k: [asdict(t) | {"per_s": t.per_s} for t in v] for k, v in runs.items()},
            "cosine_min": float(cos.min()), "cosine_mean": float(cos.mean()), "_runs": runs}


def interleaved(fp32: Embedder, int8: Embedder, texts: list[str], chunk: int) -> tuple[Timing, Timing, np.ndarray]:
    """Embed ``texts`` with both backends, alternating every ``chunk`` texts.

    Alternating keeps both backends under the same background load, so their ratio is
    meaningful on a shared machine.

    Returns:
        ``(fp32 timing, int8 timing, cosine per text)``, timings summed over the chunks.
    """
    totals = {"fp32": [0.0, 0.0], "int8": [0.0, 0.0]}
    vectors: dict[str, list[np.ndarray]] = {"fp32": [], "int8": []}
    for start in range(0, len(texts), chunk):
        part = texts[start : start + chunk]
        for name, embedder in (("fp32", fp32), ("int8", int8)):
            t, v = timed(name, len(part), lambda e=embedder, texts=part: e.encode_passages(texts))
            totals[name][0] += t.wall_s
            totals[name][1] += t.cpu_s
            vectors[name].append(v)
    load = os.getloadavg()[0]
    timings = [Timing(name, len(texts), wall, cpu, load) for name, (wall, cpu) in totals.items()]
    return timings[0], timings[1], cosines(np.vstack(vectors["int8"]), np.vstack(vectors["fp32"]))


def summarize(runs: list[Timing], threads: int) -> dict:
    """Median wall-clock and idle-machine throughput of repeated runs."""
    return {"per_s": statistics.median(t.per_s for t in runs),
            "idle_estimate_per_s": statistics.median(t.idle_estimate(threads) for t in runs),
            "load": statistics.mean(t.load for t in runs)}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models-dir", type=Path, default=Config.from_env().models_dir)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--threads", type=int, default=0, help="0 = all cores")
    parser.add_argument("--batch-size", type=int, default=Config().batch_size)
    parser.add_argument("--synthetic", type=int, default=10_000, help="synthetic passages for int8")
    parser.add_argument("--fp32-cap", type=int, default=1000, help="synthetic passages for fp32")
    parser.add_argument("--repeats", type=int, default=3, help="repetitions on the bundled corpus")
    parser.add_argument("--chunk", type=int, default=100, help="texts per alternation of fp32 and int8")
    parser.add_argument("--batch-sizes", default="8,16,32,64", help="int8 batch sizes to compare")
    parser.add_argument("--tune-sample", type=int, default=400)
    parser.add_argument("--out", type=Path, default=None, help="JSON report")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and print a summary; returns the report."""
    args = parse_args(argv)
    from index.embed.onnx_runtime import default_threads

    threads = args.threads or default_threads()
    common = {"batch_size": args.batch_size, "threads": args.threads}
    fp32 = load_embedder(args.model, args.models_dir, backend="torch", **common)
    int8 = load_embedder(args.model, args.models_dir, backend="onnx", **common)
    report: dict = {"model": args.model, "threads": threads, "batch_size": args.batch_size,
                    "cpu": os.cpu_count(), "load_at_start": os.getloadavg()[0]}

    questions = eval_questions()
    report["query_latency"] = {"fp32": query_latency(fp32, questions), "int8": query_latency(int8, questions)}
    print("query latency ms", json.dumps(report["query_latency"]), flush=True)

    bundled = bench_bundled(fp32, int8, bundled_passages(), args.repeats)
    runs = bundled.pop("_runs")
    bundled["fp32"], bundled["int8"] = summarize(runs["fp32"], threads), summarize(runs["int8"], threads)
    report["bundled"] = bundled
    print("bundled", json.dumps({k: bundled[k] for k in ("passages", "fp32", "int8", "cosine_min")}), flush=True)

    synth = synthetic_passages(args.synthetic)
    sample = synth[: args.fp32_cap]
    t_fp32, t_int8_sample, cos = interleaved(fp32, int8, sample, args.chunk)
    t_int8_all, _ = timed("int8", len(synth), lambda: int8.encode_passages(synth))
    report["synthetic"] = {
        "passages": len(synth), "fp32_sample": len(sample), "mean_chars": statistics.mean(map(len, synth)),
        "fp32_sample_run": asdict(t_fp32) | summarize([t_fp32], threads),
        "int8_sample_run": asdict(t_int8_sample) | summarize([t_int8_sample], threads),
        "int8_all_run": asdict(t_int8_all) | summarize([t_int8_all], threads),
        "cosine_min": float(cos.min()), "cosine_mean": float(cos.mean()),
    }
    print("synthetic", json.dumps(report["synthetic"]), flush=True)

    tune = synth[: args.tune_sample]
    report["batch_sizes"] = {}
    for size in [int(s) for s in args.batch_sizes.split(",") if s.strip()]:
        run = _with_batch(int8, size)
        t, _ = timed(f"int8 bs{size}", len(tune), lambda r=run: r(tune))
        report["batch_sizes"][size] = summarize([t], threads)
    print("batch sizes", json.dumps(report["batch_sizes"]), flush=True)
    report["load_at_end"] = os.getloadavg()[0]

    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
