"""Hybrid fusion on the labelled sets: hit@1 and hit@5 of each fusion method and dense weight.

Each set runs on its own index (as ``partyqa eval`` builds it). For every answerable question,
the resolved question is searched with ``convex`` fusion at several weights of the dense score
and with reciprocal-rank fusion; a hit counts when one passage holds every answer key. The
embedding backend follows the config (``PARTYQA_BACKEND=torch`` for fp32, ``onnx`` for int8),
so the two can be compared with separate ``PARTYQA_DATA_DIR`` folders.

Command line::

    python bench/fusion.py --sets bundled,news,fresh,dev2,dev3,dev4,dev5 --out bench/out/fusion.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from partyqa.config import Config
from retrieval.eval.run import open_set_engine
from retrieval.eval.score import hit_rank
from retrieval.eval.sets import load_sets
from retrieval.followup import resolve
from retrieval.search import FusionParams


def measure(searcher, questions, fusion: FusionParams) -> tuple[int, int]:
    """(hit@1, hit@5) counts of ``questions`` (pairs of query and answer keys) under ``fusion``."""
    searcher.fusion = fusion
    ranks = [hit_rank(searcher.search(q, top_k=5), keys) for q, keys in questions]
    return sum(r == 1 for r in ranks), sum(r is not None for r in ranks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="bundled,news,fresh,dev2,dev3,dev4,dev5")
    ap.add_argument("--alphas", default="0.4,0.5,0.6")
    ap.add_argument("--out", type=Path, help="also write the markdown table here")
    args = ap.parse_args(argv)
    config = Config.from_env()
    sets = load_sets()
    names = [n for n in args.sets.split(",") if n]
    variants = [FusionParams(method="convex", alpha=float(a)) for a in args.alphas.split(",")]
    variants.append(FusionParams(method="rrf"))
    table: dict[str, list[tuple[int, int]]] = {}
    sizes = {}
    embedder = None
    for name in names:
        engine = open_set_engine(config, sets[name], embedder=embedder)
        embedder = engine.embedder
        questions = [(resolve(it.question, it.history), it.answer_keys) for it in sets[name].items()
                     if it.answerable]
        sizes[name] = len(questions)
        for v in variants:
            table.setdefault(f"{v.method} α={v.alpha}" if v.method == "convex" else v.method, []).append(
                measure(engine.snapshot.searcher, questions, v))
    lines = [f"backend {config.backend}, model {config.model}; hit@1 (hit@5) of answerable questions", "",
             "| fusion | " + " | ".join(f"{n} ({sizes[n]})" for n in names) + " | all hit@1 |",
             "|---|" + "---|" * (len(names) + 1)]
    for label, cells in table.items():
        lines.append(f"| {label} | " + " | ".join(f"{h1} ({h5})" for h1, h5 in cells)
                     + f" | {sum(h1 for h1, _ in cells)} |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
