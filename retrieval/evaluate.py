"""Evaluation against a labelled question set: retrieval hit@k/MRR, answers, citations, refusals."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from partyqa.records import Hit
from partyqa.text.normalize import squash
from retrieval.followup import resolve

KINDS = ("factual", "paraphrase", "unanswerable", "followup", "traditional")
DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.jsonl"


@dataclass
class Item:
    """One labelled question."""

    id: str
    question: str
    answer_keys: list[str]
    doc: str | None
    kind: str
    history: list[dict]

    @property
    def answerable(self) -> bool:
        """True if the articles contain the answer."""
        return bool(self.answer_keys)


def load_set(path: Path) -> list[Item]:
    """Read a JSON-lines labelled set.

    Raises:
        ValueError: On a malformed line (with its number).
    """
    items = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(Item(raw["id"], raw["question"], list(raw.get("answer_keys") or []),
                              raw.get("doc"), raw["kind"], list(raw.get("history") or [])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{no}: bad labelled question ({exc})") from exc
    return items


def contains_all(text: str, keys: list[str]) -> bool:
    """True if ``text`` contains every key after script and whitespace normalization."""
    norm = squash(text)
    return bool(keys) and all(squash(k) in norm for k in keys)


def hit_rank(hits: list[Hit], keys: list[str]) -> int | None:
    """1-based rank of the first hit containing every key, or None."""
    for i, hit in enumerate(hits, 1):
        if contains_all(hit.text, keys):
            return i
    return None


def _mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0


def evaluate_retrieval(engine, items: list[Item], method: str) -> dict:
    """hit@1/3/5 and MRR@10 of one retriever over the answerable items, by kind."""
    per_kind: dict[str, list[int | None]] = defaultdict(list)
    for item in items:
        if not item.answerable:
            continue
        query = resolve(item.question, item.history)
        hits = engine.search(query, top_k=10, method=method)
        per_kind[item.kind].append(hit_rank(hits, item.answer_keys))
    def summary(ranks):
        return {
            "n": len(ranks),
            "hit@1": _mean(r is not None and r <= 1 for r in ranks),
            "hit@3": _mean(r is not None and r <= 3 for r in ranks),
            "hit@5": _mean(r is not None and r <= 5 for r in ranks),
            "mrr@10": _mean(1 / r if r else 0.0 for r in ranks),
        }
    everything = [r for ranks in per_kind.values() for r in ranks]
    return {"all": summary(everything), **{k: summary(v) for k, v in sorted(per_kind.items())}}


def evaluate_answers(engine, items: list[Item]) -> tuple[dict, list[dict]]:
    """Answer accuracy, citation precision and refusal accuracy, by kind; plus per-item rows."""
    rows = []
    for item in items:
        t0 = time.perf_counter()
        ans = engine.ask(item.question, history=item.history)
        elapsed = time.perf_counter() - t0
        cited = [c.text for c in ans.citations]
        rows.append({
            "id": item.id, "kind": item.kind, "question": item.question,
            "resolved_question": ans.resolved_question, "answerable": item.answerable,
            "found": ans.found, "answer": ans.text,
            "correct": item.answerable and ans.found and contains_all(ans.text, item.answer_keys),
            "refusal_ok": ans.found == item.answerable,
            "citation_precision": (_mean(any(squash(k) in squash(c) for k in item.answer_keys) for c in cited)
                                   if item.answerable and cited else None),
            "seconds": round(elapsed, 4),
        })
    def summary(rs):
        answerable = [r for r in rs if r["answerable"]]
        precisions = [r["citation_precision"] for r in answerable if r["citation_precision"] is not None]
        return {
            "n": len(rs),
            "answer_accuracy": _mean(r["correct"] for r in answerable) if answerable else None,
            "citation_precision": _mean(precisions) if precisions else None,
            "refusal_accuracy": _mean(r["refusal_ok"] for r in rs),
        }
    by_kind = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    return {"all": summary(rows), **{k: summary(v) for k, v in sorted(by_kind.items())}}, rows


def run_eval(engine, set_path: Path = DEFAULT_SET, retrievers=("hybrid",)) -> dict:
    """Run the whole evaluation and return a JSON-serializable report."""
    items = load_set(set_path)
    method_of = {"hybrid": None, "bm25": "bm25", "dense": "dense"}
    report = {"set": str(set_path), "questions": len(items), "retrieval": {}}
    for name in retrievers:
        report["retrieval"][name] = evaluate_retrieval(engine, items, method_of[name] or engine.fusion.method)
    report["answers"], report["items"] = evaluate_answers(engine, items)
    return report


def format_report(report: dict) -> str:
    """Plain-text tables of a report."""
    lines = [f"labelled set: {report['set']} ({report['questions']} questions)", "", "retrieval"]
    names = list(report["retrieval"])
    kinds = list(next(iter(report["retrieval"].values())).keys()) if names else []
    header = f"{'kind':<13}{'n':>4}  " + "  ".join(f"{n + ' ' + m:>14}" for n in names for m in ("hit@1", "hit@5", "mrr@10"))
    lines.append(header)
    for kind in kinds:
        first = report["retrieval"][names[0]][kind]
        cells = "  ".join(f"{report['retrieval'][n][kind][m]:>14.3f}" for n in names for m in ("hit@1", "hit@5", "mrr@10"))
        lines.append(f"{kind:<13}{first['n']:>4}  {cells}")
    lines += ["", "answers", f"{'kind':<13}{'n':>4}  {'accuracy':>9}  {'cite prec':>9}  {'refusal':>9}"]
    fmt = lambda v: f"{v:>9.3f}" if isinstance(v, float) else f"{'-':>9}"
    for kind, s in report["answers"].items():
        lines.append(f"{kind:<13}{s['n']:>4}  {fmt(s['answer_accuracy'])}  {fmt(s['citation_precision'])}  {fmt(s['refusal_accuracy'])}")
    return "\n".join(lines)
