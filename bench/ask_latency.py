"""Latency of ``Engine.ask`` (p50/p95/max per kind of question) at about 1k and 10k chunks, real model.

Each level's corpus is the five bundled articles plus synthetic ones
(:func:`bench.index_scale.prepare_corpus`, i.e. :mod:`bench.synth`), indexed with the real
embedding model and the default settings (``Config(data_dir=…, models_dir=…)``: backend
``auto``, i.e. int8 ONNX, all cores). Corpus and index are kept in
``bench/out/ask_latency/<level>/`` (git-ignored), so a rerun embeds nothing; an index of an
older ingest version is brought up to date incrementally (vectors are reused by content).

Questions (:data:`QUESTIONS`): a fixed list of kinds (counts, who, when, lists, facts about
the article, two-part questions, follow-ups with history, near misses the articles do not
answer, greetings), taken from ``tests/eval/questions.jsonl`` by id, plus greetings. Every
question is asked once to warm up, then ``--rounds`` times, each time twice:

* **new**: the searcher's text→vector cache is emptied first, so the question and every
  candidate sentence are embedded by the model, as for a question nobody asked before
  (pessimistic: a running server keeps the sentences of popular passages cached);
* **repeat**: the same question again right away, everything cached.

:class:`bench.ask_probe.Probe` splits each ask into search (question embedding, FAISS,
BM25, fusion and near-duplicate removal) and answering (sentence embeddings, the rest).
The CPU other processes used during the timing is read from ``/proc/stat``; a level whose
timing was disturbed more than ``--max-others`` cores is measured again (``--attempts``)
and the quietest attempt kept. When p95 of the largest level exceeds ``--target-ms``, the
slowest question there is profiled with cProfile.

Command line::

    python bench/ask_latency.py                          # 1k and 10k chunks, writes bench/RESULTS-ask.md
    python bench/ask_latency.py --levels 200 --rounds 1 --no-results   # quick check
    python bench/ask_latency.py --profile q063           # profile one question at the largest level
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import ask_report
from bench.ask_probe import Probe
from bench.index_scale import QUESTIONS as EVAL_SET

CACHE = REPO / "bench" / "out" / "ask_latency"
RESULTS = REPO / "bench" / "RESULTS-ask.md"
DEFAULT_MODELS = Path("/work/models-cache")

#: (kind, eval-set id or a question of our own). Kinds follow what users ask.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("count", "q012"), ("count", "q053"), ("count", "q069"), ("count", "q146"),
    ("who", "q002"), ("who", "q040"),
    ("when", "q003"), ("when", "q036"),
    ("list", "q063"), ("list", "q067"), ("list", "q158"), ("list", "q008"),
    ("article", "q015"), ("article", "q013"), ("article", "q044"), ("article", "q106"),
    ("two-part", "q024"), ("two-part", "q033"), ("two-part", "q005"),
    ("follow-up", "q130"), ("follow-up", "q133"), ("follow-up", "q138"),
    ("near-miss", "q108"), ("near-miss", "q112"), ("near-miss", "q125"),
    ("greeting", "你好"), ("greeting", "谢谢！"), ("greeting", "你能做什么？"),
    ("greeting+question", "你好，天桥区建立了多少个社会组织党组织？"),
)


def question_list(path: Path = EVAL_SET) -> list[dict]:
    """:data:`QUESTIONS` as records ``{"id", "kind", "question", "history"}``."""
    rows = {r["id"]: r for r in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())}
    out = []
    for kind, ref in QUESTIONS:
        row = rows.get(ref, {"id": f"own{len(out)}", "question": ref})
        out.append({"id": row["id"], "kind": kind, "question": row["question"], "history": row.get("history", [])})
    return out


# ---------------------------------------------------------------------- machine load
def cpu_busy_seconds() -> float:
    """Busy CPU seconds of the whole machine so far (``/proc/stat``, all but idle and iowait)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(x) for x in fields[:8]]
    busy = sum(ticks) - ticks[3] - ticks[4]
    return busy / os.sysconf("SC_CLK_TCK")


class LoadWatch:
    """Load average and the cores other processes kept busy between :meth:`start` and :meth:`stop`."""

    def start(self) -> None:
        self.load_start = [round(x, 2) for x in os.getloadavg()]
        self.t0, self.busy0, self.own0 = time.perf_counter(), cpu_busy_seconds(), sum(os.times()[:2])

    def stop(self) -> dict:
        wall = time.perf_counter() - self.t0
        busy, own = cpu_busy_seconds() - self.busy0, sum(os.times()[:2]) - self.own0
        return {"load_start": self.load_start, "load_end": [round(x, 2) for x in os.getloadavg()],
                "wall_s": round(wall, 1), "own_cores": round(own / wall, 2),
                "others_cores": round(max(busy - own, 0.0) / wall, 2)}


# ---------------------------------------------------------------------- index
def level_config(level: int, args):
    """The default configuration, with data, corpus and models folders of one level."""
    from partyqa.config import Config

    folder = Path(args.cache) / str(level)
    return Config(data_dir=folder / "var", models_dir=Path(args.models_dir), articles_dir=folder / "corpus")


def open_level(level: int, config, embedder, seed: int = 0) -> tuple[object, dict]:
    """The engine of one level, writing its corpus and building its index when needed."""
    import shutil

    from bench.index_scale import prepare_corpus
    from index.build import INGEST_VERSION, build_index
    from partyqa.errors import IndexLoadError, IndexMissingError
    from retrieval.engine import Engine

    root = config.articles_dir
    meta_path = root.parent / "corpus.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    info = {"reused_corpus": meta.get("level") == level and meta.get("seed") == seed}
    if not info["reused_corpus"]:
        shutil.rmtree(root, ignore_errors=True)
        meta = {"level": level, "seed": seed, **prepare_corpus(root, level, config, seed)}
        meta_path.write_text(json.dumps(meta, indent=2))
    engine = Engine(config, embedder)
    try:
        engine.reload()
        current = engine.snapshot.data.manifest.get("ingest_version") == INGEST_VERSION and info["reused_corpus"]
    except (IndexMissingError, IndexLoadError):
        current = False
    info["built_s"] = None
    if not current:
        t0 = time.perf_counter()
        report = build_index([root], config, embedder)
        info["built_s"] = round(time.perf_counter() - t0, 1)
        info["embedded"] = getattr(report, "embedded", None)
        engine.reload()
    manifest = engine.snapshot.data.manifest
    info.update({"chunks": int(manifest["counts"]["chunks"]), "articles": int(manifest["counts"]["articles"]),
                 "vector_index": manifest.get("vector_index"), "synthetic_articles": meta.get("synthetic_articles")})
    return engine, info


# ---------------------------------------------------------------------- timing
def clear_vector_cache(engine) -> None:
    """Empty the searcher's text→vector cache (so the next ask embeds as for a new question)."""
    cache = getattr(engine.snapshot.searcher, "_vectors", None)
    if cache is None:
        raise RuntimeError("Searcher._vectors is gone: update bench/ask_latency.py clear_vector_cache")
    cache.clear()


def timed_ask(engine, probe: Probe, q: dict) -> dict:
    """Ask ``q`` once; its phases in milliseconds plus what came back."""
    probe.reset()
    t0 = time.perf_counter()
    answer = engine.ask(q["question"], history=q["history"])
    phases = probe.take(time.perf_counter() - t0)
    phases.update(id=q["id"], kind=q["kind"], found=answer.found, mode=answer.mode)
    return phases


def measure(engine, probe: Probe, questions: list[dict], rounds: int) -> dict:
    """Warm up, then ``rounds`` × every question as *new* and *repeat*; raw samples per mode."""
    for q in questions:
        engine.ask(q["question"], history=q["history"])
    samples: dict[str, list[dict]] = {"new": [], "repeat": []}
    for _ in range(rounds):
        for q in questions:
            clear_vector_cache(engine)
            samples["new"].append(timed_ask(engine, probe, q))
            samples["repeat"].append(timed_ask(engine, probe, q))
    return samples


def run_level(level: int, args, embedder, questions: list[dict]) -> dict:
    """Open (or build) a level and time it, again while other processes disturbed it too much."""
    config = level_config(level, args)
    probe = Probe()
    with probe.installed(embedder):
        engine, info = open_level(level, config, embedder, args.seed)
        attempts = []
        for attempt in range(args.attempts):
            watch = LoadWatch()
            watch.start()
            samples = measure(engine, probe, questions, args.rounds)
            attempts.append({"load": watch.stop(), "samples": samples})
            if attempts[-1]["load"]["others_cores"] <= args.max_others or attempt + 1 == args.attempts:
                break
            print(f"[ask_latency] {level}: other processes used {attempts[-1]['load']['others_cores']} cores; "
                  f"measuring again in {args.pause:.0f} s", file=sys.stderr, flush=True)
            time.sleep(args.pause)
    best = min(attempts, key=lambda a: a["load"]["others_cores"])
    return {"level": level, "index": info, "load": best["load"], "samples": best["samples"],
            "attempts": [a["load"] for a in attempts], "backend": getattr(embedder, "backend", "?")}


def profile_question(level: int, args, embedder, q: dict, runs: int = 5) -> dict:
    """cProfile of ``runs`` asks of ``q`` as a new question; the top functions by own and total time."""
    import cProfile
    import pstats

    config = level_config(level, args)
    engine, _ = open_level(level, config, embedder, args.seed)
    engine.ask(q["question"], history=q["history"])
    prof = cProfile.Profile()
    for _ in range(runs):
        clear_vector_cache(engine)
        prof.runcall(engine.ask, q["question"], history=q["history"])
    out = Path(args.cache) / f"profile_{q['id']}_{level}.prof"
    prof.dump_stats(out)
    stats = pstats.Stats(prof)
    total = stats.total_tt
    return {"question": q, "level": level, "runs": runs, "file": os.path.relpath(out, REPO),
            "total_ms_per_ask": round(total / runs * 1000, 1),
            "by_own": ask_report.top_functions(stats, "tottime", total), "by_cum": ask_report.top_functions(stats, "cumtime", total)}


# ---------------------------------------------------------------------- driver
def main(argv: list[str] | None = None) -> dict:
    """Command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--levels", default="1000,10000", help="approximate chunk counts (default 1000,10000)")
    p.add_argument("--rounds", type=int, default=3, help="timed rounds of the question list (default 3)")
    p.add_argument("--models-dir", default=str(DEFAULT_MODELS if DEFAULT_MODELS.exists() else REPO / "var" / "models"))
    p.add_argument("--cache", default=str(CACHE), help="folder of the corpora and indexes, one per level")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--attempts", type=int, default=3, help="timings per level at most, when others disturb it")
    p.add_argument("--max-others", type=float, default=0.5, help="cores other processes may use during a timing")
    p.add_argument("--pause", type=float, default=60.0, help="seconds to wait before measuring again")
    p.add_argument("--target-ms", type=float, default=300.0, help="p95 target of the largest level")
    p.add_argument("--profile", default="", help="profile this question id (e.g. q063) at the largest level")
    p.add_argument("--results", default=str(RESULTS), help="Markdown file to write")
    p.add_argument("--no-results", action="store_true", help="print only; write no Markdown or JSON")
    p.add_argument("--prepare-only", action="store_true", help="write the corpora and build the indexes; time nothing")
    args = p.parse_args(argv)
    from index.embed import get_embedder
    from partyqa.config import Config

    started = time.strftime("%Y-%m-%d %H:%M %Z")
    cfg = Config(models_dir=Path(args.models_dir))
    embedder = get_embedder(cfg.model, cfg.models_dir, device=cfg.device, batch_size=cfg.batch_size,
                            threads=cfg.threads, backend=cfg.backend)
    questions = question_list()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    result = {"date": started, "command": "python bench/ask_latency.py " + " ".join(argv if argv is not None else sys.argv[1:]),
              "machine": ask_report.machine(), "model": cfg.model, "rounds": args.rounds, "target_ms": args.target_ms,
              "levels": []}
    if args.prepare_only:
        for level in levels:
            config = level_config(level, args)
            _, info = open_level(level, config, embedder, args.seed)
            print(f"[ask_latency] level {level:,}: {info}", file=sys.stderr, flush=True)
        return {}
    for level in levels:
        print(f"[ask_latency] level {level:,}", file=sys.stderr, flush=True)
        result["levels"].append(run_level(level, args, embedder, questions))
    largest = result["levels"][-1]
    slow = ask_report.slowest(largest["samples"]["new"])
    if args.profile or ask_report.summary(largest["samples"]["new"])["p95_ms"] > args.target_ms:
        qid = args.profile or slow["id"]
        q = next((x for x in questions if x["id"] == qid), None) or {"id": qid, "kind": "?", "question": qid, "history": []}
        result["profile"] = profile_question(largest["level"], args, embedder, q)
    text = ask_report.markdown(result)
    print(text)
    if not args.no_results:
        Path(args.results).write_text(text, encoding="utf-8")
        Path(args.cache).mkdir(parents=True, exist_ok=True)
        (Path(args.cache).parent / "ask_latency.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main()
