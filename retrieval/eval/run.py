"""Running the labelled sets: each set on its own index (built incrementally), scored by kind."""

from __future__ import annotations

import time
from collections import defaultdict

from partyqa.config import Config
from retrieval.eval.score import confidence_curve, hit_rank, mean, score_answer, summarize
from retrieval.eval.sets import EvalSet, Item
from retrieval.followup import resolve

METHODS = {"hybrid": None, "bm25": "bm25", "dense": "dense"}


def set_config(config: Config, evalset: EvalSet) -> Config:
    """The settings of one set: its own index under ``data_dir/eval/<name>``, the shared model cache."""
    return config.replace(index_dir=config.data_dir / "eval" / evalset.name / "index",
                          articles_dir=evalset.articles)


def open_set_engine(config: Config, evalset: EvalSet, embedder=None, progress=None):
    """An engine over the set's articles, its index built or brought up to date first."""
    from index.build import build_index
    from index.embed import get_embedder
    from retrieval.engine import Engine

    cfg = set_config(config, evalset)
    if embedder is None:
        embedder = get_embedder(cfg.model, cfg.models_dir, device=cfg.device, batch_size=cfg.batch_size,
                                threads=cfg.threads, backend=cfg.backend)
    build_index([evalset.articles], cfg, embedder, progress=progress)
    engine = Engine(cfg, embedder)
    engine.reload()
    return engine


def evaluate_retrieval(engine, items: list[Item], method: str | None) -> dict:
    """hit@1/3/5 and MRR@10 of one retriever over the answerable items, by kind.

    A hit counts when one passage holds every key of the question.
    """
    per_kind: dict[str, list[int | None]] = defaultdict(list)
    for item in items:
        if not item.answerable:
            continue
        query = resolve(item.question, item.history)
        hits = engine.search(query, top_k=10, method=method)
        per_kind[item.kind].append(hit_rank(hits, item.answer_keys))

    def summary(ranks):
        return {"n": len(ranks),
                "hit@1": mean(r is not None and r <= 1 for r in ranks),
                "hit@3": mean(r is not None and r <= 3 for r in ranks),
                "hit@5": mean(r is not None and r <= 5 for r in ranks),
                "mrr@10": mean(1 / r if r else 0.0 for r in ranks)}

    everything = [r for ranks in per_kind.values() for r in ranks]
    return {"all": summary(everything), **{k: summary(v) for k, v in sorted(per_kind.items())}}


def evaluate_answers(engine, items: list[Item]) -> tuple[dict, list[dict], list[dict]]:
    """Answers of every item: the summary by kind, the per-item rows and the confidence curve."""
    rows = []
    for item in items:
        t0 = time.perf_counter()
        ans = engine.ask(item.question, history=item.history)
        row = score_answer(item, ans)
        row["seconds"] = round(time.perf_counter() - t0, 4)
        rows.append(row)
    return summarize(rows), rows, confidence_curve(rows)


def run_set(engine, evalset: EvalSet, retrievers=("hybrid",)) -> dict:
    """The report of one set (JSON-serializable)."""
    items = evalset.items()
    report = {"set": evalset.name, "about": evalset.about, "questions": len(items), "retrieval": {}}
    for name in retrievers:
        report["retrieval"][name] = evaluate_retrieval(engine, items, METHODS[name])
    report["answers"], report["items"], report["curve"] = evaluate_answers(engine, items)
    return report
