"""The answer model: how likely a candidate sentence states the answer to a question part.

A logistic model over generic features of the sentence (term and focus coverage, the
typed answer span and how close it sits to the focus, meaning similarity, retrieval rank,
place and year fit, answer type). Its weights and the operating threshold are data
(``partyqa/data/answer_model.json``), fitted on the dev sets by ``bench/fit_answer_model.py``
and checked on a held-out set; the threshold comes from the precision/coverage curve.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from partyqa.resources import data_json

FEATURES = ("focus", "head", "fit", "question", "sem", "sem_gap", "focus_sem", "prior", "top_hit", "typed", "places", "year",
            "headline", "t_number", "t_person", "t_date", "t_list", "t_place_org", "t_open")


@dataclass(frozen=True)
class AnswerModel:
    """Weights of the logistic model and the confidence below which an answer is refused."""

    weights: dict
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> AnswerModel:
    """The shipped model (``partyqa/data/answer_model.json``)."""
    raw = data_json("answer_model.json")
    return AnswerModel(dict(raw["weights"]), float(raw["bias"]), float(raw["threshold"]))


def feature_vector(c, part, sem_max: float) -> dict[str, float]:
    """The model's features of candidate ``c`` for question part ``part``."""
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
