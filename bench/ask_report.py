"""Summaries and the Markdown write-up of ``bench/ask_latency.py`` (``bench/RESULTS-ask.md``)."""

from __future__ import annotations

import os
import platform

import numpy as np

from bench.ask_probe import PHASES

PHASE_LABELS = {"ask": "ask", "search": "search", "query_embed": "↳ question embedding", "faiss": "↳ FAISS",
                "bm25": "↳ BM25", "search_other": "↳ fusion, dedup", "answer": "answering",
                "sentence_embed": "↳ sentence embedding", "answer_other": "↳ rules, spans, answer model"}


def machine() -> dict:
    """Cores, CPU model, memory and package versions."""
    from bench.run_all import cpu_model, ram_gib, versions

    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu_model(), "ram_gib": ram_gib(),
            "os": f"{platform.system()} {platform.release()}", "versions": versions()}


def summary(samples: list[dict], key: str = "ask") -> dict:
    """n, p50, p95, max and mean of one phase over samples (milliseconds)."""
    ms = np.asarray([s[key] for s in samples], dtype=float)
    if not len(ms):
        return {"n": 0, "p50_ms": float("nan"), "p95_ms": float("nan"), "max_ms": float("nan"), "mean_ms": float("nan")}
    return {"n": len(ms), "p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
            "max_ms": float(ms.max()), "mean_ms": float(ms.mean())}


def by_kind(samples: list[dict]) -> dict[str, dict]:
    """:func:`summary` per kind, in the order kinds first appear."""
    kinds = list(dict.fromkeys(s["kind"] for s in samples))
    return {k: summary([s for s in samples if s["kind"] == k]) for k in kinds}


def slowest(samples: list[dict]) -> dict:
    """The sample with the longest median ask over its repetitions (its id and kind)."""
    ids = list(dict.fromkeys(s["id"] for s in samples))
    med = {i: float(np.median([s["ask"] for s in samples if s["id"] == i])) for i in ids}
    worst = max(ids, key=lambda i: med[i])
    first = next(s for s in samples if s["id"] == worst)
    return {"id": worst, "kind": first["kind"], "median_ms": round(med[worst], 1)}


def top_functions(stats, sort: str, total: float, n: int = 15) -> list[dict]:
    """The ``n`` functions with the most ``tottime`` or ``cumtime`` in a ``pstats.Stats``."""
    rows = []
    for (path, line, name), (_, calls, tt, ct, _) in stats.stats.items():
        short = "/".join(path.split("/")[-2:]) if path.startswith("/") else path
        rows.append({"function": f"{short}:{line}({name})", "calls": calls, "own_s": tt, "cum_s": ct})
    key = "own_s" if sort == "tottime" else "cum_s"
    rows.sort(key=lambda r: -r[key])
    return [{**r, "share": round(r[key] / total, 3) if total else 0.0} for r in rows[:n]]


def _ms(x: float) -> str:
    return "–" if x != x else f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def markdown(result: dict) -> str:
    """The whole ``bench/RESULTS-ask.md``."""
    m = result["machine"]
    v = m["versions"]
    levels = result["levels"]
    lines = ["# `Engine.ask` latency (`bench/ask_latency.py`)", "",
             f"Measured {result['date']} with `{result['command']}`.", "",
             (f"**Machine:** {m['nproc']} CPU cores (`nproc`; {m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}; "
              f"Python {v['python']}, onnxruntime {v['onnxruntime']}, faiss-cpu {v['faiss-cpu']}, numpy {v['numpy']}, "
              f"jieba {v['jieba']}. Model `{result['model']}`, backend **{levels[0]['backend'] if levels else '?'}**, "
              "default `Config` (all cores). In-process, one question at a time."), "",
             "## Overall", "",
             "| chunks | question | asks | p50 | p95 | max | mean | load avg start → end | other processes | index |",
             "|---:|---|---:|---:|---:|---:|---:|---|---:|---|"]
    for lv in levels:
        for mode in ("new", "repeat"):
            s = summary(lv["samples"][mode])
            ld = lv["load"]
            lines.append(f"| {lv['index']['chunks']:,} | {mode} | {s['n']} | {_ms(s['p50_ms'])} ms | {_ms(s['p95_ms'])} ms | "
                         f"{_ms(s['max_ms'])} ms | {_ms(s['mean_ms'])} ms | {ld['load_start'][0]} → {ld['load_end'][0]} | "
                         f"{ld['others_cores']} cores | {_index_note(lv['index'])} |")
    lines += ["", *_target_line(result), "", *_kind_table(levels), "", *_phase_table(levels), "", *_notes(result)]
    if result.get("profile"):
        lines += ["", *_profile_section(result["profile"])]
    return "\n".join(lines).rstrip() + "\n"


def _index_note(ix: dict) -> str:
    built = f"built in {ix['built_s']} s" if ix.get("built_s") is not None else "reused"
    vec = ix.get("vector_index")
    kind = vec.get("kind", "?") if isinstance(vec, dict) else vec or "?"
    return f"{ix['articles']:,} articles, FAISS {kind}, {built}"


def _target_line(result: dict) -> list[str]:
    if not result["levels"]:
        return []
    lv = result["levels"][-1]
    p95 = summary(lv["samples"]["new"])["p95_ms"]
    ok = "met" if p95 <= result["target_ms"] else "**not met**"
    return [f"Target p95 ≤ {result['target_ms']:.0f} ms at {lv['index']['chunks']:,} chunks (new questions): "
            f"{_ms(p95)} ms, {ok}."]


def _kind_table(levels: list[dict]) -> list[str]:
    head = "| kind | n per level | " + " | ".join(f"{lv['index']['chunks']:,}: p50 / p95 / max" for lv in levels) + " |"
    lines = ["## Per kind of question (new questions, ms)", "", head, "|---|---:|" + "---:|" * len(levels)]
    kinds = by_kind(levels[0]["samples"]["new"]) if levels else {}
    for kind in kinds:
        cells = []
        for lv in levels:
            s = by_kind(lv["samples"]["new"]).get(kind)
            cells.append(f"{_ms(s['p50_ms'])} / {_ms(s['p95_ms'])} / {_ms(s['max_ms'])}" if s else "–")
        lines.append(f"| {kind} | {kinds[kind]['n']} | " + " | ".join(cells) + " |")
    return lines


def _phase_table(levels: list[dict]) -> list[str]:
    cols = [(lv, mode) for lv in levels for mode in ("new", "repeat")]
    head = "| phase | " + " | ".join(f"{lv['index']['chunks']:,} {mode}: mean (p95)" for lv, mode in cols) + " |"
    lines = ["## Where the time goes (ms per ask; shares of the mean ask)", "", head, "|---|" + "---:|" * len(cols)]
    for phase in PHASES:
        cells = []
        for lv, mode in cols:
            smp = lv["samples"][mode]
            s, total = summary(smp, phase), summary(smp)["mean_ms"]
            share = f", {s['mean_ms'] / total:.0%}" if phase != "ask" and total else ""
            cells.append(f"{_ms(s['mean_ms'])} ({_ms(s['p95_ms'])}{share})")
        lines.append(f"| {PHASE_LABELS[phase]} | " + " | ".join(cells) + " |")
    cells = [f"{np.mean([s['passages_embedded'] for s in lv['samples'][mode]]):.1f}" for lv, mode in cols]
    lines.append("| texts the model embedded as passages, per ask | " + " | ".join(cells) + " |")
    return lines


def _notes(result: dict) -> list[str]:
    lv = result["levels"][0] if result["levels"] else {"samples": {"new": []}}
    n_q = len({s["id"] for s in lv["samples"]["new"]})
    attempts = "; ".join(f"{x['index']['chunks']:,}: " + ", ".join(f"{a['others_cores']} cores (load {a['load_start'][0]})"
                                                               for a in x["attempts"]) for x in result["levels"])
    return [
        f"* {n_q} questions (`bench/ask_latency.py` `QUESTIONS`: eval-set ids, greetings of our own), each asked once to "
        f"warm up, then {result['rounds']} rounds. *new*: the searcher's text→vector cache emptied before the ask, so "
        "the question and every candidate sentence go through the model (a question nobody asked before; pessimistic, "
        "a running server keeps popular sentences cached). *repeat*: the same question again at once, all cached.",
        "* Corpus: the 5 bundled articles plus synthetic articles (`bench/synth.py`, seed 0), every passage embedded "
        "with the real model; kept in `bench/out/ask_latency/<level>/` so reruns embed nothing.",
        "* Phases (`bench/ask_probe.py`): *search* is every `Searcher.search` of the ask (the answerer searches again for "
        "later parts of a two-part question); *answering* is the ask minus search; *sentence embedding* is "
        "`Searcher.embed` outside search (candidate sentences and question parts).",
        "* *other processes*: cores kept busy by other processes during the timing (`/proc/stat` minus this process). "
        f"Timings per level (quietest kept): {attempts}. The machine is shared; load average counts this process too.",
    ]


def _profile_section(prof: dict) -> list[str]:
    q = prof["question"]
    lines = [f"## Profile: {q['id']} ({q['kind']}) “{q['question']}” at level {prof['level']:,}", "",
             f"cProfile over {prof['runs']} asks as a new question, {prof['total_ms_per_ask']} ms per ask under the "
             f"profiler; `{prof['file']}` (`python -m pstats`). cProfile slows pure-Python code far more than "
             "native code (ONNX Runtime, FAISS), so read shares here as pointers and the phase table above for "
             "real proportions.", "",
             "| function | calls | own time | share | cumulative | share |", "|---|---:|---:|---:|---:|---:|"]
    seen = set()
    for r in prof["by_cum"][:12] + prof["by_own"][:12]:
        if r["function"] in seen:
            continue
        seen.add(r["function"])
        lines.append(f"| `{r['function']}` | {r['calls']} | {r['own_s'] * 1000 / prof['runs']:.1f} ms | "
                     f"{r['own_s'] / _tot(prof):.0%} | {r['cum_s'] * 1000 / prof['runs']:.1f} ms | {r['cum_s'] / _tot(prof):.0%} |")
    return lines


def _tot(prof: dict) -> float:
    return prof["total_ms_per_ask"] * prof["runs"] / 1000.0
