"""Fit the answer model (partyqa/data/answer_model.json) on the dev questions and pick its threshold.

For every part of every dev question, the candidate sentences the answerer would weigh are
collected with their features (retrieval.answer.model.feature_vector); a candidate is
positive when it holds the part's answer key. Two logistic models are fitted (L2, Newton
steps): the ranker on every candidate, then the gate on the best fitting candidate of each
part (positive when it is right; every unanswerable part is negative). The threshold is
chosen on the answer-level curve: for each threshold, the share of answerable parts whose
best candidate is right and kept (coverage) and the share of unanswerable parts refused; it
maximises the smaller of the two. A held-out set (questions of another writer over other
articles) is scored with the fitted model and reported, never used for fitting.

Usage:
    .venv/bin/python bench/fit_answer_model.py                     # fit, report, write the JSON
    .venv/bin/python bench/fit_answer_model.py --dry-run           # report only
    .venv/bin/python bench/fit_answer_model.py --dev bundled news:a --holdout news:b
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partyqa.config import Config
from retrieval.answer.evidence import score_candidates
from retrieval.answer.model import FEATURES, GATE_FEATURES, AnswerModel, Logistic, feature_vector, gate_features
from retrieval.eval.run import open_set_engine
from retrieval.eval.score import key_in
from retrieval.eval.sets import load_sets
from retrieval.followup import resolve
from retrieval.question import analyze

MODEL_FILE = ROOT / "partyqa" / "data" / "answer_model.json"


def collect(spec: str, config: Config) -> list[dict]:
    """Candidate rows of a set (``name`` or ``name:prefix`` to keep ids starting with prefix)."""
    name, _, prefix = spec.partition(":")
    evalset = load_sets()[name]
    engine = open_set_engine(config, evalset)
    snap = engine.snapshot
    groups = []
    for item in evalset.items():
        if (prefix and not item.id.startswith(prefix)) or item.chat:
            continue
        parts = analyze(resolve(item.question, item.history)).parts
        keys = item.answer_keys
        for i, part in enumerate(parts):
            if part.article_fact:
                continue
            if not keys:
                part_keys = []
            elif len(parts) > 1 and len(keys) == len(parts):
                part_keys = [keys[i]]
            elif len(parts) > 1:
                continue
            else:
                part_keys = keys
            hits = snap.searcher.search(part.text, top_k=snap.answerer.params.passages)
            cands = score_candidates(part, part.text, hits, snap.answerer.weights, snap.answerer.params.passages,
                                     snap.searcher.embed, snap.answerer._article_text,
                                     semantic_top=snap.answerer.params.semantic_sentences)
            rows = []
            sem_max = max((c.semantic for c in cands), default=0.0)
            for c in cands[:10]:
                if part_keys and part.answer_type == "list":
                    label = sum(key_in(c.text, k) for k in part_keys) >= 1
                else:
                    label = bool(part_keys) and all(key_in(c.text, k) for k in part_keys)
                rows.append({"x": c.features or feature_vector(c, part, sem_max), "y": int(label),
                             "fit": bool(c.typed and c.places_ok and c.year_ok)})
            groups.append({"id": item.id, "answerable": bool(keys), "rows": rows})
    return groups


def matrix(rows: list[dict], names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["x"].get(f, 0.0) for f in names] for r in rows], dtype=float)
    y = np.array([r["y"] for r in rows], dtype=float)
    return x, y


def gate_rows(groups: list[dict], rank: Logistic) -> list[dict]:
    """One row per part: the best fitting candidate's gate features; right or not."""
    rows = []
    for g in groups:
        fitting = sorted(((rank.probability(r["x"]), r) for r in g["rows"] if r["fit"]), key=lambda t: -t[0])
        if not fitting:
            continue
        (p, best), runner = fitting[0], fitting[1][0] if len(fitting) > 1 else 0.0
        rows.append({"x": gate_features(best["x"], p, runner), "y": int(g["answerable"] and best["y"] == 1)})
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


def fit_model(groups: list[dict], l2: float) -> AnswerModel:
    """Ranker, gate and threshold fitted on ``groups`` (the threshold maximises min(coverage, refusal))."""
    x, y = matrix([r for g in groups for r in g["rows"]], FEATURES)
    w, b = fit(x, y, l2)
    rank = Logistic(dict(zip(FEATURES, w.round(4).tolist())), round(b, 4))
    gx, gy = matrix(gate_rows(groups, rank), GATE_FEATURES)
    gw, gb = fit(gx, gy, l2)
    gate = Logistic(dict(zip(GATE_FEATURES, gw.round(4).tolist())), round(gb, 4))
    points = curve(decisions(groups, AnswerModel(rank, gate, 0.5)))
    best = max(points, key=lambda p: (min(p["coverage"], p["refusal"]), p["coverage"]))
    return AnswerModel(rank, gate, best["threshold"])


def decisions(groups: list[dict], model: AnswerModel) -> list[tuple[bool, float, bool]]:
    """Per part: (answerable, confidence of the best fitting candidate, whether it is right)."""
    out = []
    for g in groups:
        fitting = sorted(((model.probability(r["x"]), r) for r in g["rows"] if r["fit"]), key=lambda t: -t[0])
        if not fitting:
            out.append((g["answerable"], 0.0, False))
            continue
        (p, best), runner = fitting[0], fitting[1][0] if len(fitting) > 1 else 0.0
        out.append((g["answerable"], model.confidence(best["x"], p, runner), bool(best["y"])))
    return out


def curve(decided: list[tuple[bool, float, bool]]) -> list[dict]:
    answerable = [d for d in decided if d[0]]
    refusals = [d for d in decided if not d[0]]
    points = []
    for t in np.linspace(0, 1, 41):
        coverage = sum(1 for a, c, ok in answerable if c >= t and ok) / max(1, len(answerable))
        precision_kept = [ok and a for a, c, ok in decided if c >= t]
        refused = sum(1 for _, c, _ in refusals if c < t) / max(1, len(refusals))
        points.append({"threshold": round(float(t), 3), "coverage": round(coverage, 4),
                       "precision": round(sum(precision_kept) / len(precision_kept), 4) if precision_kept else 1.0,
                       "refusal": round(refused, 4)})
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", nargs="+", default=["bundled", "news:a", "news:b"])
    parser.add_argument("--holdout", nargs="*", default=[])
    parser.add_argument("--cv", action="store_true",
                        help="also leave each dev set out in turn: fit on the others, report the left-out set")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    config = Config.from_env()
    groups = {spec: collect(spec, config) for spec in args.dev}
    dev = [g for spec in args.dev for g in groups[spec]]
    if args.cv:
        for left in args.dev:
            rest = [g for spec in args.dev if spec != left for g in groups[spec]]
            model = fit_model(rest, args.l2)
            point = next(p for p in curve(decisions(groups[left], model)) if p["threshold"] >= model.threshold - 1e-9)
            print(f"left out {left}: fitted on the others (threshold {model.threshold}): {point}")
    model = fit_model(dev, args.l2)
    rank, gate = model.rank, model.gate
    dev_curve = curve(decisions(dev, model))
    best = next(p for p in dev_curve if p["threshold"] >= model.threshold - 1e-9)
    _, y = matrix([r for g in dev for r in g["rows"]], FEATURES)
    gy = matrix(gate_rows(dev, rank), GATE_FEATURES)[1]
    print(f"dev: {len(dev)} question parts, {len(y)} candidates ({int(y.sum())} positive), {len(gy)} gate rows")
    print("rank:", json.dumps(rank.weights, ensure_ascii=False), "bias", rank.bias)
    print("gate:", json.dumps(gate.weights, ensure_ascii=False), "bias", gate.bias)
    print(f"{'threshold':>9} {'coverage':>9} {'precision':>9} {'refusal':>9}")
    for p in dev_curve[::4]:
        print(f"{p['threshold']:>9.3f} {p['coverage']:>9.3f} {p['precision']:>9.3f} {p['refusal']:>9.3f}")
    print("chosen threshold", best)
    for spec in args.holdout:
        held = collect(spec, config)
        point = next(p for p in curve(decisions(held, model)) if p["threshold"] >= model.threshold - 1e-9)
        print(f"held-out {spec}: {len(held)} parts at threshold {model.threshold}: {point}")
    if not args.dry_run:
        MODEL_FILE.write_text(json.dumps({
            "_about": "Logistic answer model (retrieval/answer/model.py), fitted by bench/fit_answer_model.py on "
                      + ", ".join(args.dev) + "; threshold maximises min(coverage, refusal) on the dev curve.",
            "rank": {"weights": rank.weights, "bias": rank.bias},
            "gate": {"weights": gate.weights, "bias": gate.bias}, "threshold": model.threshold,
            "dev_curve": dev_curve}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", MODEL_FILE)


if __name__ == "__main__":
    main()
