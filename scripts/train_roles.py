"""Fit the role model's weights (service/kb/data/role_weights.json) from the project's
own annotations.

    python scripts/train_roles.py                 # READ group + fixtures/articles → weights
    python scripts/train_roles.py --cv            # also leave-one-article-out accuracy
    python scripts/train_roles.py --sets all-dev  # final fit: every dev set (CHECK too)

The file is written with `"enabled": false` unless --enable: roles.py then keeps its
rules. Ship an enabled file only when the model beats the rules on the CHECK group
(wave 10: it did not — roles: leave-one-article-out on READ 0.908 against the rules'
0.915, CHECK 41/53 against 42/53; employers (--employer): READ 0.933 as the rules,
CHECK 36/53 against 37/53 — so no weights file is shipped and the rules decide).

    python scripts/train_roles.py --employer      # the employer scorer (employer_model.py)

Each matched person of an annotation with a `role` gives one example: the evidence
vector roles.py computes for them (role_model.FEATURES) and whether the annotation says
`participant`. The model is L2-regularised logistic regression fit by full-batch
gradient descent (pure Python, deterministic), so rerunning gives the same file. Only
numbers are written: no text of any article.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service import bounds  # noqa: E402
from service.evaluate import _match, _right_employer, _same_entity, load_corpus, load_manifest_corpus  # noqa: E402
from service.extractors import employer_model  # noqa: E402
from service.extractors.role_model import FEATURES, WEIGHTS  # noqa: E402
from service.pipeline import get_pipeline  # noqa: E402
from service.serialize import to_result  # noqa: E402

FIXTURES = ROOT / "fixtures"
# The READ group of wave 11 (WAVE11.md): sets and the splits rules may be written from.
READ = (("real", "all"),) + tuple((f"real{i}", "all") for i in range(2, 13))
# The CHECK group's dev parts (wave 11: real13–real18), added only for a final fit (--sets all-dev).
CHECK = tuple((f"real{i}", "dev") for i in range(13, 19))
L2 = 1.0
STEPS = 3000
RATE = 0.5


def articles(sets) -> list[tuple[str, str, dict]]:
    out = list(load_corpus(FIXTURES / "articles"))
    for name, split in sets:
        corpus = load_manifest_corpus(FIXTURES / name)
        for s in (("dev", "test") if split == "all" else (split,)):
            out += [(f"{name}/{n}", t, e) for n, t, e in corpus.items[s]]
    return out


def employer_examples(items) -> list[tuple[str, list[tuple[list[float], int]]]]:
    """(article, [(candidate's evidence vector, 1 if the annotation's employer)]) per
    matched person whose annotation gives an employer (the rules' candidate first)."""
    out = []
    for name, result, roles, want, got in _matched_people(items):
        evidence = roles.employer_evidence if roles is not None else {}
        if ("organization" in want or "organization_name" in want) and got["id"] in evidence:
            out.append((name, [(vec, int(_right_employer(want, {"organization": org}, result)))
                               for org, vec in evidence[got["id"]]]))
    return out


def fit_choice(groups, l2: float = L2, steps: int = STEPS, rate: float = RATE) -> list[float]:
    """Conditional logit over each person's candidates: maximise the probability of the
    right ones (L2 on every weight). Groups with no right candidate teach nothing."""
    groups = [g for g in groups if any(y for _, y in g) and len(g) > 1]
    k = len(employer_model.FEATURES)
    w = [0.0] * k
    n = max(1, len(groups))
    for _ in range(steps):
        grad = [0.0] * k
        for g in groups:
            scores = [sum(a * b for a, b in zip(w, x)) for x, _ in g]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            p = [e / total for e in exp]
            right = sum(pi for pi, (_, y) in zip(p, g) if y)
            for pi, (x, y) in zip(p, g):
                q = pi / right if y else 0.0
                for j in range(k):
                    grad[j] += (pi - q) * x[j]
        for j in range(k):
            w[j] -= rate * (grad[j] / n + l2 * w[j] / n)
    return w


def choice_accuracy(w, groups) -> float:
    right = 0
    for g in groups:
        scores = [sum(a * b for a, b in zip(w, x)) for x, _ in g]
        right += g[scores.index(max(scores))][1]
    return right / len(groups) if groups else 0.0


def _collecting_pipeline():
    pipeline = get_pipeline()
    for component in pipeline.components:
        if component.name == "roles":
            component.collect_evidence = True
            component.model = component.employer_model = None    # (the rules' own choices)
    return pipeline


def _run(pipeline, name, text, expected):
    ref = expected.get("_reference_date")
    doc = pipeline.process(text, doc_id=name.split("/")[-1],
                           reference_date=dt.date.fromisoformat(ref) if ref else None)
    return doc, bounds.apply(to_result(doc, pipeline.kb, pipeline.added_sections), text)


def examples(items) -> list[tuple[str, list[float], int]]:
    """(article, evidence vector, 1 if participant) for every matched person with a role."""
    out = []
    for name, _result, roles, want, got in _matched_people(items):
        evidence = roles.evidence if roles is not None else {}
        if "role" in want and got["id"] in evidence:
            out.append((name, evidence[got["id"]], int(want["role"] == "participant")))
    return out


def _matched_people(items):
    """(article, its Result, its roles layer, annotated person, person found) for every
    annotated person the pipeline found, run with the roles stage recording evidence."""
    pipeline = _collecting_pipeline()
    for name, text, expected in items:
        if "participants" not in expected:
            continue
        doc, result = _run(pipeline, name, text, expected)
        roles = doc.layers.get("roles")
        for want, got in _match(expected["participants"], result.get("participants", []), _same_entity):
            if got is not None:
                yield name, result, roles, want, got


def fit(rows: list[tuple[list[float], int]], l2: float = L2, steps: int = STEPS,
        rate: float = RATE) -> list[float]:
    """Logistic regression, L2 on every weight but the bias, by gradient descent."""
    n, k = len(rows), len(FEATURES)
    w = [0.0] * k
    for _ in range(steps):
        grad = [0.0] * k
        for x, y in rows:
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            err = 1.0 / (1.0 + math.exp(-z)) - y
            for j in range(k):
                grad[j] += err * x[j]
        for j in range(k):
            g = grad[j] / n + (l2 * w[j] / n if j else 0.0)
            w[j] -= rate * g
    return w


def accuracy(w: list[float], rows) -> float:
    right = sum((sum(a * b for a, b in zip(w, x)) >= 0) == bool(y) for x, y in rows)
    return right / len(rows) if rows else 0.0


def cross_validate(data, l2: float) -> float:
    """Leave-one-article-out accuracy."""
    names = sorted({a for a, _, _ in data})
    right = total = 0
    for held in names:
        train = [(x, y) for a, x, y in data if a != held]
        test = [(x, y) for a, x, y in data if a == held]
        w = fit(train, l2, steps=800)
        right += round(accuracy(w, test) * len(test))
        total += len(test)
    return right / total if total else 0.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", choices=("read", "all-dev"), default="read")
    ap.add_argument("--cv", action="store_true", help="leave-one-article-out accuracy too")
    ap.add_argument("--cache", type=Path, help="read/write the examples here (numbers only)")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--enable", action="store_true",
                    help="let roles.py decide by the model (only when it wins on the CHECK group)")
    ap.add_argument("--employer", action="store_true", help="fit the employer scorer instead")
    args = ap.parse_args(argv)
    if args.employer:
        return main_employer(args)
    if args.cache and args.cache.exists():
        data = [tuple(r) for r in json.loads(args.cache.read_text())]
    else:
        sets = READ + (CHECK if args.sets == "all-dev" else ())
        data = examples(articles(sets))
        if args.cache:
            args.cache.write_text(json.dumps(data))
    rows = [(x, y) for _, x, y in data]
    rule = sum(bool(x[FEATURES.index("rule")]) == bool(y) for x, y in rows) / len(rows)
    w = fit(rows, args.l2)
    print(f"{len(rows)} people, {sum(y for _, y in rows)} participants; rules right {rule:.3f}, "
          f"model right {accuracy(w, rows):.3f} (on its own training data)")
    if args.cv:
        print(f"leave-one-article-out: {cross_validate(data, args.l2):.3f}")
    args.out.write_text(json.dumps({
        "about": "role_model.py's logistic weights, fit by scripts/train_roles.py "
                 f"(--sets {args.sets}, l2 {args.l2}); numbers only",
        "enabled": args.enable,
        "threshold": 0.5,
        "weights": {name: round(v, 4) for name, v in zip(FEATURES, w)},
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def main_employer(args) -> int:
    out = employer_model.WEIGHTS if args.out == WEIGHTS else args.out
    if args.cache and args.cache.exists():
        data = [(a, [tuple(c) for c in g]) for a, g in json.loads(args.cache.read_text())]
    else:
        data = employer_examples(articles(READ + (CHECK if args.sets == "all-dev" else ())))
        if args.cache:
            args.cache.write_text(json.dumps(data))
    groups = [g for _, g in data]
    rules = sum(g[0][1] for g in groups) / len(groups)
    w = fit_choice(groups, args.l2)
    print(f"{len(groups)} people with an employer; rules right {rules:.3f}, "
          f"model right {choice_accuracy(w, groups):.3f} (on its own training data)")
    if args.cv:
        names = sorted({a for a, _ in data})
        right = 0
        for held in names:
            wi = fit_choice([g for a, g in data if a != held], args.l2, steps=800)
            right += round(choice_accuracy(wi, [g for a, g in data if a == held])
                           * sum(1 for a, _ in data if a == held))
        print(f"leave-one-article-out: {right / len(groups):.3f}")
    out.write_text(json.dumps({
        "about": "employer_model.py's weights, fit by scripts/train_roles.py --employer "
                 f"(--sets {args.sets}, l2 {args.l2}); numbers only",
        "enabled": args.enable,
        "weights": {name: round(v, 4) for name, v in zip(employer_model.FEATURES, w)},
    }, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
