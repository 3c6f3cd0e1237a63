"""A learned decision of a person's role: participant or mentioned (issue 15).

The role rules (roles.py) trade one article for another when written from misses, so
the final call is a small logistic model over evidence read per person — the rules'
own verdict among them, plus where and how the person is named: quoted, a verb of
saying after the name, at-event words (会上, 出席) or elsewhere words (受访, 推文) in
their sentences, the headline or lead, a title, the employer against the organiser,
outsider words (分析师, 专家), the distance to the event's mention, how often named.

The weights (kb/data/role_weights.json) are fit by scripts/train_roles.py on the
project's own annotations (READ group and fixtures/articles); they hold numbers
only. Without the file the rules decide alone.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parents[1] / "kb" / "data" / "role_weights.json"

# The evidence, in the order of the vector (names fixed: the weights file keys them).
FEATURES = (
    "bias", "rule", "placed", "described", "commentator", "reported_all",
    "quoted", "speech_after", "opinion_after", "in_primary_sentence", "cue_place", "cue_at_before",
    "cue_elsewhere_all", "cue_elsewhere_any", "headline", "lead", "titled", "employer_organizer",
    "outsider", "employer_unknown", "founder_title", "outsider_words", "interview_words",
    "court_words", "near_event", "same_paragraph", "mentions_log", "first_position",
    "release", "series_or_gathering", "kind_funding", "kind_ruling", "kind_launch",
    "kind_gathering", "own_deed_words",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}


class RoleModel:
    """Logistic weights over FEATURES; decide() says participant or not."""

    def __init__(self, weights: dict[str, float], threshold: float = 0.5) -> None:
        self.weights = [float(weights.get(name, 0.0)) for name in FEATURES]
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> "RoleModel | None":
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if not data.get("enabled", True):
            return None
        return cls(data["weights"], data.get("threshold", 0.5))

    def probability(self, vector: list[float]) -> float:
        z = sum(w * x for w, x in zip(self.weights, vector))
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))

    def decide(self, vector: list[float]) -> bool:
        return self.probability(vector) >= self.threshold


def vector(values: dict[str, float]) -> list[float]:
    """The feature vector of named values (missing ones are 0; bias is 1)."""
    out = [0.0] * len(FEATURES)
    out[0] = 1.0
    for name, value in values.items():
        out[INDEX[name]] = float(value)
    return out
