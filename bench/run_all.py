"""Run every benchmark with bounded default sizes and write ``bench/RESULTS.md``.

Steps (each a subprocess with a time limit; each writes ``bench/out/<name>.json`` and
``bench/out/<name>.md``):

1. ``index_scale.py``: indexing throughput, search/ask latency and memory at 1k, 10k and
   100k chunks (the 1k level also saves real embeddings for step 2);
2. ``vector_scale.py``: exact vs IVF vs HNSW (vs IVF-PQ) at 100k and 1M vectors;
3. ``load_test.py``: 20 concurrent ``/api/ask`` clients for 60 s against a started server;
4. ``ask_latency.py``: ``Engine.ask`` p50/p95 per kind of question at ~1k and ~10k chunks,
   every passage embedded for real (writes ``bench/RESULTS-ask.md``; its indexes are kept
   in ``bench/out/ask_latency/``, so only the first run embeds).

``RESULTS.md`` is then assembled from the machine description, a summary and the
sections in ``bench/out``. ``--assemble-only`` rebuilds it from existing outputs.

Command line::

    python bench/run_all.py                  # everything (about an hour on 2 busy cores)
    python bench/run_all.py --skip load      # steps can be skipped
    python bench/run_all.py --assemble-only
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
BENCH = REPO / "bench"
OUT_DIR = BENCH / "out"
RESULTS = BENCH / "RESULTS.md"
SECTIONS = ("index_scale", "vector_scale", "load_test")


# ---------------------------------------------------------------------- machine
def cpu_model() -> str:
    """CPU model name from ``/proc/cpuinfo``."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gib() -> float:
    """Total RAM in GiB from ``/proc/meminfo``."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return float("nan")


def versions() -> dict[str, str]:
    """Versions of the packages that matter for the figures."""
    out = {"python": platform.python_version()}
    for name in ("torch", "faiss-cpu", "sentence-transformers", "onnxruntime", "numpy", "jieba", "uvicorn", "fastapi"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def machine() -> dict:
    """Cores, RAM, CPU model, OS and package versions."""
    return {"cores": os.cpu_count(), "ram_gib": ram_gib(), "cpu": cpu_model(),
            "os": f"{platform.system()} {platform.release()}", "versions": versions()}


# ---------------------------------------------------------------------- steps
def step_commands(args) -> dict[str, tuple[list[str], float]]:
    """Command line and time limit of each step."""
    py = sys.executable
    levels = [int(x) for x in args.levels.split(",")]
    index_cap = sum(900 + 0.02 * n for n in levels) + 120
    sizes = [int(x) for x in args.vector_sizes.split(",")]
    return {
        "index": ([py, str(BENCH / "index_scale.py"), "--levels", args.levels, "--queries", str(args.queries)], index_cap),
        "vector": ([py, str(BENCH / "vector_scale.py"), "--sizes", args.vector_sizes,
                    "--time-budget", str(args.vector_budget)], args.vector_budget * len(sizes) * 1.5 + 300),
        "load": ([py, str(BENCH / "load_test.py"), "--concurrency", str(args.load_concurrency),
                  "--duration", str(args.load_duration)], args.load_duration + 900),
        "torch": ([py, str(BENCH / "index_scale.py"), "--levels", str(levels[0]), "--backend", "torch",
                   "--out", str(OUT_DIR / "torch"), "--no-save-vectors", "--queries", str(args.queries)],
                  900 + 0.02 * levels[0] + 120),
        "torch1": ([py, str(BENCH / "index_scale.py"), "--levels", str(levels[0]), "--backend", "torch", "--threads", "1",
                    "--out", str(OUT_DIR / "torch-1thread"), "--no-save-vectors", "--queries", str(args.queries)],
                   900 + 0.02 * levels[0] + 120),
        "ask": ([py, str(BENCH / "ask_latency.py"), "--levels", args.ask_levels],
                900 + 0.1 * sum(int(x) for x in args.ask_levels.split(","))),
    }


def run_step(name: str, cmd: list[str], limit: float) -> dict:
    """Run one step with a time limit; returns its status for the log."""
    print(f"[run_all] {name}: {' '.join(cmd[1:])} (limit {limit:.0f} s)", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=REPO, timeout=limit, check=False)
        status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
    except subprocess.TimeoutExpired:
        status = f"timed out after {limit:.0f} s"
    return {"step": name, "status": status, "seconds": round(time.perf_counter() - started, 1),
            "load_average_after": round(os.getloadavg()[0], 2),
            "finished_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}


# ---------------------------------------------------------------------- report
def _load(name: str):
    """Parsed ``bench/out/<name>.json`` or None."""
    return _load_path(OUT_DIR / f"{name}.json")


def summary() -> list[str]:
    """Key figures as a short list, from whatever outputs exist."""
    lines = ["## Summary", ""]
    levels = [r for r in (_load("index_scale") or []) if "error" not in r]
    for r in levels:
        b, q = r["build"], r["queries"]
        how = "measured" if b["mode"] == "real" else "extrapolated from the measured embedding rate"
        lines.append(f"* **{b['chunks']:,} chunks**: search p50 {q['search']['p50_ms']:.0f} ms / p95 "
                     f"{q['search']['p95_ms']:.0f} ms, ask p50 {q['ask']['p50_ms']:.0f} ms / p95 {q['ask']['p95_ms']:.0f} ms; "
                     f"indexing ≈ {b['chunks_per_s']} chunks/s ({how}; embedding {b['embed_rate_passages_s']} passages/s, "
                     f"everything else {b['non_embed_chunks_per_s']} chunks/s); peak RSS {r['memory']['peak_rss_mib']:,.0f} MiB.")
    vec = _load("vector_scale")
    for size in (vec or {}).get("sizes", []):
        lines.append(f"* **FAISS, {size['n']:,} vectors**: " + "; ".join(_best(r) for r in size["results"]) + ".")
    load = _load("load_test")
    if load and "error" not in load:
        lines.append(f"* **Load test**: {load['concurrency']} concurrent clients × {load['duration_s']:.0f} s → "
                     f"{load['requests']:,} requests, {load['errors']} errors, {load['throughput_rps']} req/s, "
                     f"p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms.")
    elif load:
        lines.append(f"* **Load test**: not run ({load['error'][:200]}).")
    lines += _ask_summary(_load("ask_latency"))
    return lines + [""]


def _ask_summary(result: dict | None) -> list[str]:
    """One line per level of ``bench/ask_latency.py`` (details in ``bench/RESULTS-ask.md``)."""
    from bench.ask_report import summary as latency

    out = []
    for lv in (result or {}).get("levels", []):
        new, rep = latency(lv["samples"]["new"]), latency(lv["samples"]["repeat"])
        out.append(f"* **Ask, {lv['index']['chunks']:,} chunks, real vectors** (`bench/RESULTS-ask.md`): new questions "
                   f"p50 {new['p50_ms']:.0f} ms / p95 {new['p95_ms']:.0f} ms, repeated p50 {rep['p50_ms']:.0f} ms / "
                   f"p95 {rep['p95_ms']:.0f} ms.")
    return out


def _best(r: dict) -> str:
    """One index type in a sentence: its first setting reaching recall ≥ 0.95, else its best."""
    if not r["sweep"]:
        return f"{r['name']} {r['note'] or 'not measured'}"
    good = [s for s in r["sweep"] if s["recall_at_10"] >= 0.95]
    s = good[0] if good else max(r["sweep"], key=lambda s: s["recall_at_10"])
    param = next((f" {k}={v}" for k, v in s.items() if k in ("nprobe", "efSearch")), "")
    partial = " (partial build)" if "vectors_added" in r.get("params", {}) else ""
    return f"{r['name']}{param}{partial} p50 {s['p50_ms_1t']} ms (1 thread), recall@10 {s['recall_at_10']:.3f}"


def observations() -> list[str]:
    """Ratios computed from the outputs (no judgement beyond the arithmetic)."""
    lines = []
    levels = [r for r in (_load("index_scale") or []) if "error" not in r]
    real = [r for r in levels if r["build"]["mode"] == "real"]
    if real:
        b = real[0]["build"]
        lines.append(f"* Embedding is {100 * b['embed_s'] / b['build_s']:.0f}% of the build time at {b['chunks']:,} chunks "
                     f"({b['embed_rate_passages_s']} passages/s vs {b['non_embed_chunks_per_s']} chunks/s for everything else).")
    for r in levels:
        b = r["build"]
        if b["mode"] != "real":
            lines.append(f"* At {b['chunks']:,} chunks a full build with real embeddings would take ≈ "
                         f"{b['extrapolated_build_s'] / 3600:.1f} h on this machine (extrapolated); the non-embedding part "
                         f"took {b['build_s'] - b['embed_s']:.0f} s, of which {b['dedup_chunk_s']:.0f} s near-duplicate "
                         f"detection + chunking and {b['read_s']:.0f} s reading/cleaning/metadata.")
    if len(levels) >= 2:
        lo, hi = levels[0], levels[-1]
        ratio = hi["queries"]["search"]["p50_ms"] / lo["queries"]["search"]["p50_ms"]
        lines.append(f"* Search p50 grows {ratio:.1f}× from {lo['build']['chunks']:,} to {hi['build']['chunks']:,} chunks "
                     f"({hi['build']['chunks'] / lo['build']['chunks']:.0f}× the data); embedding the question costs "
                     f"{lo['queries']['query_embed']['p50_ms']:.0f}-{hi['queries']['query_embed']['p50_ms']:.0f} ms of it.")
        lines.append("* Memory above the loaded model (peak RSS − RSS after model load): " + ", ".join(
            f"{r['build']['chunks']:,} chunks → {r['memory']['peak_rss_mib'] - r['model']['rss_after_model_mib']:,.0f} MiB"
            for r in levels) + ".")
    lines += _variant_observations(levels)
    for size in (_load("vector_scale") or {}).get("sizes", []):
        lines += _vector_observations(size)
    lines += _load_observations(_load("load_test"))
    return (["## Observations", "", *lines, ""]) if lines else []


def _variant_observations(levels: list[dict]) -> list[str]:
    """Query-embedding cost of the other backend/thread settings versus the default run."""
    base = levels[0] if levels else None
    out = []
    for path in sorted(OUT_DIR.glob("*/index_scale.json")):
        for r in _load_path(path) or []:
            if "error" in r or base is None or r["level"] != base["level"]:
                continue
            m, q = r["model"], r["queries"]
            threads = f"{m['threads']} thread" if m.get("threads") else "all cores"
            out.append(f"* Backend {m.get('backend')} on {threads}: question embedding p50 "
                       f"{q['query_embed']['p50_ms']:.0f} ms and passages {r['build']['embed_rate_passages_s']}/s, vs "
                       f"{base['queries']['query_embed']['p50_ms']:.0f} ms and {base['build']['embed_rate_passages_s']}/s "
                       f"with the default ({base['model'].get('backend')}, all cores).")
    return out


def _load_observations(load: dict | None) -> list[str]:
    """Queueing view of the load test."""
    if not load or "error" in load or not load.get("throughput_rps"):
        return []
    little = load["concurrency"] / load["throughput_rps"] * 1000
    cpu = load.get("server", {}).get("cpu_cores_busy", "?")
    text = (f"* Load test: with {load['concurrency']} clients in a closed loop, mean latency = clients / throughput = "
            f"{little:.0f} ms (Little's law; measured p50 {load['p50_ms']} ms), i.e. each request mostly waits for the "
            f"others; the server process used {cpu} of the 2 cores (the load-generating client ran on the same machine).")
    return [text]


def _vector_observations(size: dict) -> list[str]:
    """Thread scaling and the HNSW setting partyqa uses, at one size."""
    out = []
    flat = next((r for r in size["results"] if r["name"].startswith("Flat") and r["sweep"]), None)
    if flat and "p50_ms_2t" in flat["sweep"][0]:
        s = flat["sweep"][0]
        out.append(f"* {size['n']:,} vectors: exact search takes {s['p50_ms_1t']:.0f} ms per query on 1 thread and "
                   f"{s['p50_ms_2t']:.0f} ms on 2 FAISS threads (single queries; ratio {s['p50_ms_2t'] / s['p50_ms_1t']:.2f}).")
    hnsw = next((r for r in size["results"] if r["name"].startswith("HNSW") and r["sweep"]), None)
    at96 = next((s for s in (hnsw or {}).get("sweep", []) if s.get("efSearch") == 96), None)
    if at96 and flat:
        partial = " (partial build)" if "vectors_added" in hnsw.get("params", {}) else ""
        out.append(f"* {size['n']:,} vectors: HNSW with partyqa's efSearch=96{partial}: {at96['p50_ms_1t']} ms, recall@10 "
                   f"{at96['recall_at_10']:.3f}, {flat['sweep'][0]['p50_ms_1t'] / at96['p50_ms_1t']:.0f}× faster than exact; "
                   f"build {hnsw['build_s']:.0f} s.")
    return out


def backend_comparison() -> list[str]:
    """The smallest level run again with other embedding settings (``bench/out/<variant>/``)."""
    main = {r["level"]: r for r in (_load("index_scale") or []) if "error" not in r}
    variants = sorted(p.parent.name for p in OUT_DIR.glob("*/index_scale.json"))
    runs = []
    for name in variants:
        for r in _load_path(OUT_DIR / name / "index_scale.json") or []:
            if "error" not in r:
                runs.append((name, r))
    if not runs:
        return []
    first = main.get(runs[0][1]["level"])
    rows = [_variant_row("default settings", first)] if first else []
    rows += [_variant_row(f"`bench/out/{name}`", r) for name, r in runs]
    return ["### Embedding backends and threads at the smallest level", "",
            ("| run | backend | threads | chunks | embed rate | query embed p50 | search p50 / p95 | ask p50 / p95 | "
             "peak RSS | load avg |"),
            "|---|---|---|---:|---:|---:|---|---|---:|---:|", *rows, ""]


def _variant_row(label: str, x: dict) -> str:
    """One row of the backend comparison."""
    b, q, m = x["build"], x["queries"], x["model"]
    threads = m.get("threads", 0) or "all (2)"
    return (f"| {label} | {m.get('backend', 'torch')} | {threads} | {b['chunks']:,} | {b['embed_rate_passages_s']}/s | "
            f"{q['query_embed']['p50_ms']:.0f} ms | {q['search']['p50_ms']:.0f} / {q['search']['p95_ms']:.0f} ms | "
            f"{q['ask']['p50_ms']:.0f} / {q['ask']['p95_ms']:.0f} ms | {x['memory']['peak_rss_mib']:,.0f} MiB | "
            f"{x['load_average_start'][0]} |")


def _load_path(path: Path):
    """Parsed JSON file or None."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def header(info: dict, log: list[dict]) -> list[str]:
    """Title, machine and caveats."""
    v = info["versions"]
    generated = (f"Generated by `bench/run_all.py` on {time.strftime('%Y-%m-%d %H:%M %Z')}. "
                 "Raw figures: `bench/out/*.json` (not committed).")
    machine_line = (f"**Machine:** {info['cores']} CPU cores ({info['cpu']}), {info['ram_gib']} GiB RAM, {info['os']}; "
                    f"Python {v['python']}, torch {v['torch']}, faiss-cpu {v['faiss-cpu']}, sentence-transformers "
                    f"{v['sentence-transformers']}, onnxruntime {v['onnxruntime']}, numpy {v['numpy']}, jieba {v['jieba']}.")
    caveats = ("**Caveats.** The figures were taken on a **shared 2-core machine** while other engineers ran "
               "CPU-heavy tests (the 1-minute load average is recorded with each measurement; above 2 means other "
               "processes competed for the two cores), so absolute times are pessimistic and noisy: read them as "
               "medians and ratios, not as guarantees. The corpora above 5 articles are **synthetic** "
               "(`bench/synth.py`: sentences of the bundled articles shuffled, numbers and place names altered), and at "
               "10k/100k chunks most passage vectors are **synthetic** too (see below). Tests never assert timings; "
               "performance is measured only here.")
    reproduce = ("**Reproduce:** `make bench` or `.venv/bin/python bench/run_all.py` (about 50 min here; "
                 "`--skip index,vector,load,torch,torch1,ask` skips steps, `--assemble-only` rebuilds this file from `bench/out`). "
                 "Each script has its own CLI (`--help`) with explicit sizes and time caps.")
    lines = ["# partyqa benchmarks", "", generated, "", machine_line, "", caveats, "", reproduce, ""]
    if log:
        lines += ["Steps (a step skipped in the latest run keeps its earlier figures; the UTC time says when each "
                  "finished): " + "; ".join(f"{s['step']} {s['status']} in {s['seconds']:.0f} s "
                                            f"({s.get('finished_utc', 'time not recorded')})" for s in log), ""]
    return lines


def assemble(info: dict, log: list[dict]) -> str:
    """The whole RESULTS.md text."""
    parts = header(info, log) + summary() + observations()
    for name in SECTIONS:
        path = OUT_DIR / f"{name}.md"
        parts.append(path.read_text(encoding="utf-8") if path.exists() else f"## {name}\n\nNot run.\n")
        if name == "index_scale":
            parts += backend_comparison()
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    p = argparse.ArgumentParser(description="Run all benchmarks and write bench/RESULTS.md.")
    p.add_argument("--levels", default="1000,10000,100000", help="index_scale chunk levels")
    p.add_argument("--queries", type=int, default=158, help="questions per index level (>= 100)")
    p.add_argument("--vector-sizes", default="100000,1000000", help="vector_scale sizes")
    p.add_argument("--vector-budget", type=float, default=600.0, help="vector_scale seconds per size")
    p.add_argument("--load-concurrency", type=int, default=20)
    p.add_argument("--load-duration", type=float, default=60.0)
    p.add_argument("--ask-levels", default="1000,10000", help="ask_latency chunk levels")
    p.add_argument("--skip", default="", help="steps to skip: index,vector,load,torch,torch1,ask (torch/torch1: smallest "
                   "level again with the torch backend on all cores / on 1 thread, for comparison)")
    p.add_argument("--assemble-only", action="store_true", help="only rebuild RESULTS.md from bench/out")
    args = p.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    log_path = OUT_DIR / "run_all_log.json"
    log: list[dict] = []
    previous = json.loads(log_path.read_text()) if log_path.exists() else []
    if args.assemble_only:
        log = previous
    else:
        skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        done = {}
        for name, (cmd, limit) in step_commands(args).items():
            if name not in skip:
                done[name] = run_step(name, cmd, limit)
        kept = [s for s in previous if s["step"] not in done and s["step"] in step_commands(args)]
        log = kept + list(done.values())
        log_path.write_text(json.dumps(log, indent=2))
    info = machine()
    (OUT_DIR / "machine.json").write_text(json.dumps(info, indent=2))
    RESULTS.write_text(assemble(info, log), encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
