"""The answer model: which candidate sentence answers a question part, and how sure that is.

Two small logistic models over generic features of a sentence (term and focus coverage,
the typed answer span and how close it sits to the focus, meaning similarity of the whole
question and of its focus, retrieval rank, place and year fit, answer type):

* the *ranker* gives each candidate the probability that it states the answer;
* the *gate* looks at the best candidate (its features, its ranker score and its lead over
  the runner-up) and gives the probability that answering is right at all — the answer's
  confidence. Below the threshold the part is refused.

Weights and threshold are data (``partyqa/data/answer_model.json``), fitted on the dev
sets by ``bench/fit_answer_model.py``, checked on a held-out set; the threshold comes from
the precision/coverage curve.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from partyqa.resources import data_json

FEATURES = ("focus", "head", "fit", "question", "sem", "sem_gap", "focus_sem", "prior", "top_hit", "typed",
            "places", "year", "headline", "modifier_miss", "plan_mismatch", "enum_open", "items", "unit_exact",
            "attach", "subject_miss", "clause_sem", "items_focus", "list_anchor", "t_number", "t_person", "t_date", "t_list", "t_place_org", "t_open")
GATE_FEATURES = ("focus", "head", "fit", "question", "sem", "focus_sem", "prior", "rank", "lead", "focus_elsewhere",
                 "modifier_miss", "plan_mismatch", "enum_open", "items", "unit_exact", "attach",
                 "subject_miss", "clause_sem", "items_focus", "list_anchor", "t_number", "t_person", "t_date", "t_list", "t_place_org", "t_open")


@dataclass(frozen=True)
class Logistic:
    """A logistic model: ``sigmoid(bias + Σ weight·feature)``."""

    weights: dict
    bias: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class AnswerModel:
    """The ranker, the gate and the confidence below which an answer is refused."""

    rank: Logistic
    gate: Logistic
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """The ranker's probability that a candidate states the answer."""
        return self.rank.probability(features)

    def confidence(self, best: dict[str, float], best_p: float, runner_up_p: float) -> float:
        """The gate's probability that answering with the best candidate is right."""
        return self.gate.probability(gate_features(best, best_p, runner_up_p))


def gate_features(best: dict[str, float], best_p: float, runner_up_p: float) -> dict[str, float]:
    """The gate's features: the best candidate's own, its ranker score (logit) and its lead."""
    logit = math.log(max(best_p, 1e-6) / max(1 - best_p, 1e-6))
    out = {name: best.get(name, 0.0) for name in GATE_FEATURES if name in best}
    out["rank"] = max(-10.0, min(10.0, logit)) / 5
    out["lead"] = best_p - runner_up_p
    return out


@lru_cache(maxsize=1)
def load_model() -> AnswerModel:
    """The shipped model (``partyqa/data/answer_model.json``)."""
    raw = data_json("answer_model.json")
    return AnswerModel(Logistic(dict(raw["rank"]["weights"]), float(raw["rank"]["bias"])),
                       Logistic(dict(raw["gate"]["weights"]), float(raw["gate"]["bias"])), float(raw["threshold"]))


def feature_vector(c, part, sem_max: float) -> dict[str, float]:
    """The ranker's features of candidate ``c`` for question part ``part``."""
    kind = part.answer_type
    return {
        "focus": c.cov_focus,
        "head": c.extra[1] if len(c.extra) > 1 else 0.0,
        "fit": c.extra[0] if c.extra else 0.0,
        "question": c.cov_question,
        "sem": (c.semantic - 0.8) * 10,
        "sem_gap": (c.semantic - sem_max) * 10,
        "focus_sem": (c.focus_semantic - 0.8) * 10,
        "prior": c.prior,
        "top_hit": 1.0 if c.hit_rank == 0 else 0.0,
        "typed": float(c.typed),
        "places": float(c.places_ok),
        "year": float(c.year_ok),
        "headline": float(c.headline),
        "t_number": float(kind == "number"),
        "t_person": float(kind == "person"),
        "t_date": float(kind == "date"),
        "t_list": float(kind == "list"),
        "t_place_org": float(kind in ("place", "org")),
        "t_open": float(kind in ("method", "reason", "description", "yesno", "title")),
    }
