"""A learned choice of a person's employer among candidate organisations (issue 15).

The candidates of a person are the employer the rules give (people.py, employment.py,
roles.py, the knowledge base's dated fact), the knowledge base's employers, and every
organisation named in a sentence that names the person. Each candidate has evidence
relative to the person: named right before their title or name (the title phrase),
before them in their clause, across an apposition list (X副总裁、Y总裁Z), right after
them, the organiser of the event, the knowledge base's employer, how often named; the
scorer (a conditional logit: softmax over one person's candidates) picks the best.

The weights (kb/data/employer_weights.json) are fit by scripts/train_roles.py
--employer on the project's own annotations; numbers only. Without the file (or with
`"enabled": false`) the rules decide alone.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parents[1] / "kb" / "data" / "employer_weights.json"

FEATURES = (
    "current", "none", "adjacent_before", "clause_before", "nearest_before", "gap_before",
    "list_between", "after_near", "same_sentence", "organizer", "kb_employer", "kb_org",
    "mentions_log", "subject", "former",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}
CLAUSE_STOPS = frozenset("，,。；;：:！!？?\n“”「」")
SENTENCE_REACH = 60     # (characters before a mention an organisation may still be its clause's)
AFTER_REACH = 20        # (林远航，星河科技董事: an organisation soon after the name)
# key view: a customer's noun between a brand and a name (GOGORO騎士陳先生, 星辰电动车车主叶先生):
# the brand is what the person rides or uses, no employer of theirs
CUSTOMER_REACH = 8      # (characters from the brand to the name: 星辰电动车车主)
CUSTOMER_NOUNS = ("车主", "骑士", "用户", "用戶", "乘客", "市民", "买家", "车友")


class EmployerModel:
    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = [float(weights.get(name, 0.0)) for name in FEATURES]

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> "EmployerModel | None":
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"]) if data.get("enabled", True) else None

    def score(self, vector: list[float]) -> float:
        return sum(w * x for w, x in zip(self.weights, vector))

    def pick(self, candidates: list[tuple[str | None, list[float]]]) -> str | None:
        """The best-scoring candidate (the first on a tie: the rules' own comes first)."""
        best, best_score = None, -math.inf
        for org, vec in candidates:
            s = self.score(vec)
            if s > best_score:
                best, best_score = org, s
        return best


def vector(values: dict[str, float]) -> list[float]:
    out = [0.0] * len(FEATURES)
    for name, value in values.items():
        out[INDEX[name]] = float(value)
    return out


def _customer_of(key: str, near, mentions) -> bool:
    """GOGORO騎士陳先生: the organisation is named right before a customer's noun that runs
    into the person's name (a few words between, no comma): it is what they ride or use."""
    for _, e in near:
        for start, _ in mentions:
            if 0 < start - e <= CUSTOMER_REACH and not any(c in CLAUSE_STOPS for c in key[e:start]) \
                    and key.endswith(CUSTOMER_NOUNS, e, start):
                return True
    return False


def candidates(doc, person, orgs, current: str | None, kb_employers: set[str],
               organizer: str | None, subject: str | None) -> list[tuple[str | None, list[float]]]:
    """[(organisation id or None, evidence vector)], the rules' choice first."""
    key = doc.key
    anchors = []        # where the person's name (or the title right before it) starts
    for start, _ in person.mentions:
        if person.title is not None and 0 <= start - person.title[1] <= 2 and person.title[0] < start:
            anchors.append(person.title[0])
        anchors.append(start)
    sentences = {doc.sentence_index(start) for start, _ in person.mentions}
    found: dict[str, dict[str, float]] = {}
    for org in orgs.by_id.values():
        near = [(s, e) for s, e in org.mentions if doc.sentence_index(s) in sentences]
        if not near or _customer_of(key, near, person.mentions):
            continue
        f = {"same_sentence": 1.0}
        for s, e in near:
            for a in anchors:
                if e <= a and a - e <= SENTENCE_REACH:
                    between = key[e:a]
                    if not any(c in CLAUSE_STOPS for c in between):
                        gap = a - e
                        f["clause_before"] = 1.0
                        f["gap_before"] = max(f.get("gap_before", 0.0), 1.0 / (1.0 + gap))
                        if gap <= 1 and between in ("", "的", " "):
                            f["adjacent_before"] = 1.0
                        if "、" in between:
                            f["list_between"] = 1.0
            for ps, pe in person.mentions:
                if pe <= s and s - pe <= AFTER_REACH and not any(c in "。；;\n" for c in key[pe:s]):
                    f["after_near"] = 1.0
        found[org.id] = f
    # The nearest organisation before the person in their clause.
    best_gap = max((f.get("gap_before", 0.0) for f in found.values()), default=0.0)
    for f in found.values():
        if best_gap and f.get("gap_before") == best_gap:
            f["nearest_before"] = 1.0
    ids = [current] if current is not None else [None]
    ids += sorted((set(found) | kb_employers) - {current})
    out = []
    for org in ids:
        if org is None:
            out.append((None, vector({"none": 1.0})))
            continue
        entity = orgs.by_id.get(org)
        f = dict(found.get(org, {}))
        f.update({
            "current": org == current, "organizer": org == organizer, "kb_employer": org in kb_employers,
            "kb_org": entity is None or entity.kb, "subject": org == subject, "former": org in person.former,
            "mentions_log": math.log1p(len(entity.mentions)) if entity is not None else 0.0,
        })
        out.append((org, vector(f)))
    return out
