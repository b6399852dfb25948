"""Exact versus approximate FAISS search at 100k and 1M vectors of dimension 384.

Compares ``IndexFlatIP`` (what partyqa uses up to ``exact_max_vectors``), ``IVFFlat``
(``nlist ≈ 4·√n``, nprobe sweep), ``HNSWFlat`` (M=32, efSearch sweep; what partyqa uses
beyond the threshold) and optionally ``IVFPQ``: build time, index size (bytes of the
serialized index), single-query latency p50 with 1 and 2 FAISS threads, batch throughput,
and recall@10 against the exact search.

Vectors. By default (``--vectors realistic``) database vectors are drawn from a model
fitted to **real** multilingual-e5-small passage embeddings (saved by
``bench/index_scale.py`` in ``bench/out/real_passage_vectors.npy``): each synthetic vector
is ``μ + λ·(r − μ) + √(1−λ²)·Σ^½·z``, normalized, where ``r`` is a random real vector,
``μ``/``Σ`` the mean/covariance of the real vectors and ``z`` standard normal. So the
synthetic set has the real vectors' mean direction and covariance (e5 embeddings are
strongly anisotropic: unrelated passages have cosine ≈ 0.8) plus local clusters around
real passages. Uniform random unit vectors (``--vectors random``) would be a much
harder and less realistic case for IVF/HNSW; they are used only by the smoke test.
Queries are the real embeddings of the eval-set questions (``real_query_vectors.npy``)
when available, else held-out synthetic vectors.

Command line::

    python bench/vector_scale.py --sizes 100000,1000000 --time-budget 600
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

OUT_DIR = REPO / "bench" / "out"
DIM = 384
K = 10


def _faiss():
    """Import faiss lazily."""
    import faiss

    return faiss


# ---------------------------------------------------------------------- vectors
@dataclass
class VectorModel:
    """Gaussian model of real embeddings: mean, covariance square root and anchors.

    Attributes:
        mean: Mean vector.
        sqrt_cov: Matrix ``L`` with ``L @ L.T`` = covariance.
        anchors: The real vectors.
    """

    mean: np.ndarray
    sqrt_cov: np.ndarray
    anchors: np.ndarray


def fit_vector_model(real: np.ndarray) -> VectorModel:
    """Fit mean and covariance to real embeddings (rows).

    Args:
        real: Real embeddings, shape ``(m, d)``.

    Returns:
        The fitted model.
    """
    real = np.asarray(real, dtype=np.float64)
    mean = real.mean(axis=0)
    cov = np.cov(real - mean, rowvar=False)
    vals, vecs = np.linalg.eigh(cov)
    sqrt_cov = vecs * np.sqrt(np.clip(vals, 0.0, None))
    return VectorModel(mean.astype(np.float32), sqrt_cov.astype(np.float32), real.astype(np.float32))


def realistic_vectors(n: int, model: VectorModel, rng: np.random.Generator, mix: float = 0.7,
                      batch: int = 100_000) -> np.ndarray:
    """Draw ``n`` normalized vectors resembling the real ones (see the module docstring).

    Args:
        n: Number of vectors.
        model: Fitted model of real embeddings.
        rng: Random source.
        mix: Weight λ of the real anchor; the rest is Gaussian with the real covariance.
        batch: Rows generated at a time (bounds temporary memory).

    Returns:
        float32 array ``(n, d)`` with unit rows.
    """
    d = model.mean.shape[0]
    out = np.empty((n, d), dtype=np.float32)
    for start in range(0, n, batch):
        m = min(batch, n - start)
        anchors = model.anchors[rng.integers(0, len(model.anchors), m)]
        z = rng.standard_normal((m, d), dtype=np.float32) @ model.sqrt_cov.T
        x = model.mean + mix * (anchors - model.mean) + math.sqrt(1 - mix * mix) * z
        out[start : start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def random_unit_vectors(n: int, d: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` uniformly random unit vectors of dimension ``d``."""
    x = rng.standard_normal((n, d), dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def vector_stats(x: np.ndarray, rng: np.random.Generator, pairs: int = 20_000) -> dict:
    """Mean cosine of random pairs and of each of 200 rows' nearest other row (sample ≤ 2000)."""
    i, j = rng.integers(0, len(x), pairs), rng.integers(0, len(x), pairs)
    keep = i != j
    pair_cos = float(np.mean(np.sum(x[i[keep]] * x[j[keep]], axis=1)))
    sample = x[rng.choice(len(x), min(2000, len(x)), replace=False)]
    sims = sample[:200] @ sample.T
    np.fill_diagonal(sims[:, :200], -1.0)
    return {"mean_pair_cosine": round(pair_cos, 3), "mean_nn_cosine_in_2000": round(float(sims.max(axis=1).mean()), 3)}


# ---------------------------------------------------------------------- measuring
def recall_at_k(found: np.ndarray, truth: np.ndarray, k: int = K) -> float:
    """Mean share of the true top-``k`` ids found in the returned top-``k`` (ids < 0 ignored).

    Args:
        found: Returned ids, shape ``(nq, ≥k)``.
        truth: Exact ids, shape ``(nq, ≥k)``.
        k: Cut-off.

    Returns:
        Recall@k in [0, 1].
    """
    hits = 0
    for f, t in zip(np.asarray(found)[:, :k], np.asarray(truth)[:, :k]):
        hits += len({int(i) for i in f if i >= 0} & {int(i) for i in t})
    return hits / (k * len(truth)) if len(truth) else float("nan")


def exact_topk(xb: np.ndarray, xq: np.ndarray, k: int = K) -> np.ndarray:
    """Exact top-``k`` ids by inner product with NumPy (for checking; small sets only)."""
    sims = xq @ xb.T
    return np.argsort(-sims, axis=1, kind="stable")[:, :k]


def single_query_latency(index, xq: np.ndarray, threads: int, k: int = K) -> tuple[list[float], np.ndarray]:
    """Search queries one at a time with ``threads`` FAISS threads.

    Returns:
        Per-query seconds and the ids found, shape ``(nq, k)``.
    """
    faiss = _faiss()
    faiss.omp_set_num_threads(threads)
    times, ids = [], np.empty((len(xq), k), dtype=np.int64)
    index.search(xq[:1], k)  # warm-up
    for i in range(len(xq)):
        t0 = time.perf_counter()
        _, found = index.search(xq[i : i + 1], k)
        times.append(time.perf_counter() - t0)
        ids[i] = found[0]
    return times, ids


def batch_qps(index, xq: np.ndarray, threads: int, k: int = K) -> float:
    """Queries per second when all queries are searched in one call."""
    faiss = _faiss()
    faiss.omp_set_num_threads(threads)
    t0 = time.perf_counter()
    index.search(xq, k)
    return len(xq) / (time.perf_counter() - t0)


def index_bytes(index, tmp_dir: str | None = None) -> int:
    """Size of the serialized index in bytes (written to a temporary file, then removed)."""
    fd, path = tempfile.mkstemp(suffix=".faiss", dir=tmp_dir)
    os.close(fd)
    try:
        _faiss().write_index(index, path)
        return os.path.getsize(path)
    finally:
        os.unlink(path)


def median_ms(seconds: list[float]) -> float:
    """Median of durations in milliseconds."""
    return round(float(np.median(seconds)) * 1000, 3)


# ---------------------------------------------------------------------- building
class Deadline:
    """Wall-clock budget for one size."""

    def __init__(self, seconds: float):
        self.end = time.perf_counter() + seconds

    def left(self) -> float:
        """Seconds remaining (negative when over)."""
        return self.end - time.perf_counter()


def build_flat(xb: np.ndarray):
    """``IndexFlatIP`` over ``xb``."""
    index = _faiss().IndexFlatIP(xb.shape[1])
    index.add(xb)
    return index


def _train_sample(xb: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """A random training subset of at most ``size`` rows."""
    if len(xb) <= size:
        return xb
    return xb[np.sort(rng.choice(len(xb), size, replace=False))]


def build_ivf(xb: np.ndarray, nlist: int, train: np.ndarray, niter: int):
    """``IVF<nlist>,Flat`` (inner product) trained on ``train``."""
    return _build_factory(xb, f"IVF{nlist},Flat", train, niter)


def build_ivfpq(xb: np.ndarray, nlist: int, m: int, train: np.ndarray, niter: int):
    """``IVF<nlist>,PQ<m>`` (inner product, ``m`` sub-quantizers of 8 bits) trained on ``train``."""
    return _build_factory(xb, f"IVF{nlist},PQ{m}", train, niter)


def _build_factory(xb: np.ndarray, spec: str, train: np.ndarray, niter: int):
    """An index from a FAISS factory string, trained with ``niter`` k-means iterations, then filled."""
    faiss = _faiss()
    index = faiss.index_factory(xb.shape[1], spec, faiss.METRIC_INNER_PRODUCT)
    ivf = faiss.downcast_index(faiss.extract_index_ivf(index))
    ivf.cp.niter = niter
    if hasattr(ivf, "do_polysemous_training"):
        ivf.do_polysemous_training = False  # very slow and not used by plain PQ search
    index.train(train)
    index.add(xb)
    return index


def build_hnsw(xb: np.ndarray, m: int, ef_construction: int, cap_s: float, batch: int = 25_000):
    """``IndexHNSWFlat`` (inner product), added in batches until done or ``cap_s`` seconds passed.

    Returns:
        ``(index, added)``; ``added < len(xb)`` when the cap stopped the build.
    """
    faiss = _faiss()
    index = faiss.IndexHNSWFlat(xb.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = ef_construction
    started = time.perf_counter()
    added = 0
    for start in range(0, len(xb), batch):
        index.add(xb[start : start + batch])
        added = min(len(xb), start + batch)
        if time.perf_counter() - started > cap_s and added < len(xb):
            break
    return index, added


@dataclass
class Measured:
    """Results of one index type at one size."""

    name: str
    build_s: float
    size_bytes: int
    params: dict = field(default_factory=dict)
    sweep: list[dict] = field(default_factory=list)
    note: str = ""


def sweep(index, xq: np.ndarray, truth: np.ndarray, knob: str | None, values: list[int],
          threads: list[int], deadline: Deadline) -> list[dict]:
    """Latency and recall for each value of a search parameter (``nprobe``/``efSearch``)."""
    rows = []
    for value in values if knob else [None]:
        if knob == "nprobe":
            index.nprobe = value
        elif knob == "efSearch":
            index.hnsw.efSearch = value
        row = {knob: value} if knob else {}
        for t in threads:
            times, ids = single_query_latency(index, xq, t)
            row[f"p50_ms_{t}t"] = median_ms(times)
            row.setdefault("recall_at_10", round(recall_at_k(ids, truth), 4))
        row[f"batch_qps_{max(threads)}t"] = round(batch_qps(index, xq, max(threads)), 1)
        rows.append(row)
        if deadline.left() < 0:
            break
    return rows


def run_size(n: int, xb: np.ndarray, xq: np.ndarray, args, rng: np.random.Generator) -> dict:
    """Build and measure every index type over ``xb`` (``n`` rows)."""
    faiss = _faiss()
    threads = [int(t) for t in str(args.threads).split(",")]
    deadline = Deadline(args.time_budget)
    faiss.omp_set_num_threads(max(threads))
    results: list[Measured] = []

    t0 = time.perf_counter()
    flat = build_flat(xb)
    flat_s = time.perf_counter() - t0
    _, truth = flat.search(xq, K)
    m = Measured("Flat (exact)", round(flat_s, 2), index_bytes(flat, args.tmp_dir))
    m.sweep = sweep(flat, xq, truth, None, [], threads, deadline)
    results.append(m)
    del flat

    nlist = args.nlist or max(1, round(4 * math.sqrt(n)))
    train = _train_sample(xb, min(args.train_size, max(39 * nlist, 1)), rng)
    for name in args.kinds.split(","):
        if deadline.left() < 0:
            results.append(Measured(name, float("nan"), 0, note="skipped: time budget used up"))
            continue
        results.append(_measure_kind(name.strip(), xb, xq, truth, nlist, train, threads, deadline, args))
    return {"n": n, "nq": len(xq), "nlist": nlist, "train_size": len(train),
            "results": [r.__dict__ for r in results], "budget_left_s": round(deadline.left(), 1)}


def _measure_kind(name: str, xb, xq, truth, nlist, train, threads, deadline, args) -> Measured:
    """Build one approximate index type and sweep its search parameter."""
    faiss = _faiss()
    faiss.omp_set_num_threads(max(int(t) for t in str(args.threads).split(",")))
    t0 = time.perf_counter()
    if name == "ivf":
        index = build_ivf(xb, nlist, train, args.niter)
        knob, values, params = "nprobe", _ints(args.nprobe), {"nlist": nlist, "kmeans_iter": args.niter}
        label = f"IVF{nlist},Flat"
    elif name == "ivfpq":
        index = build_ivfpq(xb, nlist, args.pq_m, train, args.niter)
        knob, values, params = "nprobe", _ints(args.nprobe), {"nlist": nlist, "m": args.pq_m, "nbits": 8}
        label = f"IVF{nlist},PQ{args.pq_m}"
    elif name == "hnsw":
        cap = max(1.0, min(args.hnsw_build_cap, deadline.left() - args.reserve_s))
        index, added = build_hnsw(xb, args.hnsw_m, args.ef_construction, cap)
        knob, values = "efSearch", _ints(args.ef_search)
        params = {"M": args.hnsw_m, "efConstruction": args.ef_construction}
        label = f"HNSW{args.hnsw_m},Flat"
        if added < len(xb):
            return _partial_hnsw(index, added, xb, xq, label, params, time.perf_counter() - t0, values, threads, deadline)
    else:
        raise ValueError(f"unknown index kind {name!r}")
    build_s = round(time.perf_counter() - t0, 2)
    m = Measured(label, build_s, index_bytes(index, args.tmp_dir), params)
    m.sweep = sweep(index, xq, truth, knob, values, threads, deadline)
    if len(m.sweep) < len(values):
        m.note = f"{knob} sweep cut short by the time budget after {len(m.sweep)} of {len(values)} values"
    return m


def _partial_hnsw(index, added: int, xb, xq, label: str, params: dict, spent: float, values: list[int],
                  threads: list[int], deadline: Deadline) -> Measured:
    """Measure an HNSW build the time cap stopped: search its ``added`` vectors against their own exact top-k."""
    rate = added / spent
    _, truth = build_flat(xb[:added]).search(xq, K)
    m = Measured(label, round(spent, 1), index_bytes(index), {**params, "vectors_added": added})
    m.note = (f"build stopped by the time cap after {added:,} of {len(xb):,} vectors ({rate:,.0f} vectors/s; "
              f"full build ≈ {len(xb) / rate / 60:,.0f} min at that rate); searches and recall are on those "
              f"{added:,} vectors")
    m.sweep = sweep(index, xq, truth, "efSearch", values, threads, deadline)
    return m


def _ints(text: str) -> list[int]:
    """Comma-separated integers."""
    return [int(x) for x in str(text).split(",") if x.strip()]


# ---------------------------------------------------------------------- data
def load_inputs(args, rng: np.random.Generator) -> tuple[VectorModel | None, np.ndarray | None, str]:
    """The vector model (realistic mode) and the real query vectors if available."""
    if args.vectors == "random":
        return None, None, "uniformly random unit vectors"
    real_path = Path(args.real)
    if not real_path.exists():
        raise SystemExit(f"{real_path} is missing: run bench/index_scale.py --levels 1000 first "
                         "(it saves real embeddings), or use --vectors random")
    real = np.load(real_path).astype(np.float32)
    model = fit_vector_model(real)
    queries = np.load(args.real_queries).astype(np.float32) if Path(args.real_queries).exists() else None
    return model, queries, f"fitted to {len(real):,} real e5 passage embeddings (λ = {args.mix})"


def make_database(n: int, model: VectorModel | None, rng: np.random.Generator, mix: float) -> np.ndarray:
    """``n`` database vectors of the chosen kind."""
    if model is None:
        return random_unit_vectors(n, DIM, rng)
    return realistic_vectors(n, model, rng, mix)


def make_queries(nq: int, model: VectorModel | None, real_queries: np.ndarray | None,
                 rng: np.random.Generator, mix: float) -> tuple[np.ndarray, str]:
    """Query vectors: the real question embeddings, else held-out synthetic vectors."""
    if real_queries is not None:
        reps = math.ceil(nq / len(real_queries))
        return np.ascontiguousarray(np.tile(real_queries, (reps, 1))[:nq]), "real question embeddings"
    return make_database(nq, model, rng, mix), "held-out synthetic vectors"


# ---------------------------------------------------------------------- report
def markdown(report: dict) -> str:
    """The RESULTS.md section for this benchmark."""
    intro = (f"Vectors: dimension {DIM}, {report['vectors']}; queries: {report['queries']}; recall@10 against "
             "`IndexFlatIP`. Latency: median of single-query searches (k = 10) with 1 and 2 FAISS (OpenMP) threads; "
             "batch q/s: all queries in one call. Size: bytes of the serialized index. "
             f"Vector statistics (real vs synthetic): {json.dumps(report.get('stats', {}), ensure_ascii=False)}.")
    lines = ["## Exact vs approximate vector search (`bench/vector_scale.py`)", "", intro, ""]
    for size in report["sizes"]:
        lines += [f"### {size['n']:,} vectors ({size['nq']} queries, IVF trained on {size['train_size']:,} vectors)", "",
                  "| index | build | size | search param | p50 1 thread | p50 2 threads | batch q/s (2 threads) | recall@10 |",
                  "|---|---:|---:|---|---:|---:|---:|---:|"]
        for r in size["results"]:
            lines += _rows(r)
        lines.append("")
        lines += [f"* {r['name']}: {r['note']}" for r in size["results"] if r["note"] and r["sweep"]]
        lines.append(f"* Time for this size (generation, builds, searches): {size.get('generate_and_run_s', '–')} s.")
        lines.append("")
    lines += _method_notes(report)
    return "\n".join(lines) + "\n"


def _method_notes(report: dict) -> list[str]:
    """How to read the tables."""
    ef_c = next((r["params"].get("efConstruction") for s in report["sizes"] for r in s["results"]
                 if r["name"].startswith("HNSW") and r.get("params")), None)
    notes = ["Notes:", ""]
    if ef_c is not None:
        notes.append(f"* HNSW was built with efConstruction={ef_c}; partyqa's `HNSWBackend` builds with 80 and searches "
                     "with efSearch=96, so its build is slower and its recall at a given efSearch usually somewhat "
                     "higher (not measured here).")
    cos = report.get("stats", {}).get("synthetic", {}).get("mean_pair_cosine")
    cone = f" (mean pairwise cosine {cos})" if cos is not None else ""
    notes += [f"* IVF-PQ is measured without re-ranking: its recall is that of the compressed codes alone{cone}.",
              ("* The 1-thread latency column is the one that matters for a server answering concurrent requests on "
               "2 cores (each request gets at most one core); the 2-thread column shows what FAISS's own parallelism "
               "adds to a single query."), ""]
    return notes


def _rows(r: dict) -> list[str]:
    """Table rows of one index type."""
    if not r["sweep"]:
        return [f"| {r['name']} | {r['build_s']} s | – | – | – | – | – | {r['note'] or '–'} |"]
    rows = []
    for i, s in enumerate(r["sweep"]):
        param = next((f"{k}={v}" for k, v in s.items() if k in ("nprobe", "efSearch")), "–")
        size = f"{r['size_bytes'] / 2**20:,.0f} MiB" if i == 0 else ""
        build = f"{r['build_s']:,.1f} s" if i == 0 else ""
        qps = next((v for k, v in s.items() if k.startswith("batch_qps")), None)
        rows.append(f"| {r['name'] if i == 0 else ''} | {build} | {size} | {param} | {s.get('p50_ms_1t', '–')} ms | "
                    f"{s.get('p50_ms_2t', '–')} ms | {qps:,.0f} | {s['recall_at_10']:.3f} |")
    return rows


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    p = argparse.ArgumentParser(description="Exact vs approximate FAISS search at scale.")
    p.add_argument("--sizes", default="100000,1000000", help="database sizes, comma-separated")
    p.add_argument("--vectors", choices=("realistic", "random"), default="realistic")
    p.add_argument("--real", default=str(OUT_DIR / "real_passage_vectors.npy"), help="real passage embeddings (.npy)")
    p.add_argument("--real-queries", default=str(OUT_DIR / "real_query_vectors.npy"), help="real query embeddings (.npy)")
    p.add_argument("--mix", type=float, default=0.7, help="weight of the real anchor in realistic vectors")
    p.add_argument("--nq", type=int, default=158, help="number of queries")
    p.add_argument("--kinds", default="ivf,hnsw,ivfpq", help="approximate index types to compare")
    p.add_argument("--nlist", type=int, default=0, help="IVF lists (0 = 4·√n)")
    p.add_argument("--nprobe", default="1,4,16,64", help="IVF nprobe sweep")
    p.add_argument("--ef-search", default="16,32,64,96,128,256", help="HNSW efSearch sweep (partyqa uses 96)")
    p.add_argument("--hnsw-m", type=int, default=32)
    p.add_argument("--ef-construction", type=int, default=40, help="HNSW efConstruction (FAISS default 40)")
    p.add_argument("--pq-m", type=int, default=48, help="IVF-PQ sub-quantizers (384/48 = 8 dims each)")
    p.add_argument("--train-size", type=int, default=100_000, help="max IVF training vectors")
    p.add_argument("--niter", type=int, default=10, help="k-means iterations for IVF training")
    p.add_argument("--threads", default="1,2", help="FAISS thread counts for the latency columns")
    p.add_argument("--time-budget", type=float, default=600.0, help="seconds per size (later steps are cut)")
    p.add_argument("--hnsw-build-cap", type=float, default=300.0, help="max seconds of HNSW insertion per size")
    p.add_argument("--reserve-s", type=float, default=60.0, help="budget kept for searching after the HNSW build")
    p.add_argument("--nq-large", type=int, default=60, help="queries for sizes of 500k vectors and more")
    p.add_argument("--tmp-dir", default=None, help="where serialized indexes are written to be measured")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=OUT_DIR)
    p.add_argument("--report-only", action="store_true", help="re-render vector_scale.md from vector_scale.json")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        report = json.loads((args.out / "vector_scale.json").read_text(encoding="utf-8"))
        (args.out / "vector_scale.md").write_text(markdown(report), encoding="utf-8")
        return
    rng = np.random.default_rng(args.seed)
    model, real_queries, described = load_inputs(args, rng)
    report = {"vectors": described, "sizes": [], "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    for n in _ints(args.sizes):
        print(f"[vector_scale] {n:,} vectors …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        xb = make_database(n, model, rng, args.mix)
        nq = args.nq_large if n >= 500_000 else args.nq
        xq, report["queries"] = make_queries(nq, model, real_queries, rng, args.mix)
        if model is not None and "stats" not in report:
            report["stats"] = {"real": vector_stats(model.anchors, rng), "synthetic": vector_stats(xb, rng)}
        size = run_size(n, xb, xq, args, rng)
        size["generate_and_run_s"] = round(time.perf_counter() - t0, 1)
        report["sizes"].append(size)
        del xb
        (args.out / "vector_scale.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(json.dumps(size, ensure_ascii=False)[:3000], file=sys.stderr, flush=True)
    (args.out / "vector_scale.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))


if __name__ == "__main__":
    main()
