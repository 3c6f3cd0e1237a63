"""Fit the open-world product-name weights (service/kb/data/product_open_weights.json).

    python scripts/train_product_open_names.py [--final] [--report]

A small logistic model over the evidence features of service/extractors/product_open_names.py,
fitted on the project's own annotations: the READ group of the real-text sets (the dev data
whose misses rules may be written from) and fixtures/articles. `--final` fits on all dev data
(the CHECK group's dev halves too), as WAVE10 allows once the weights are validated. Every
candidate is the Latin run the reader would weigh with the other readers' products in place;
it is a positive when the annotation names a product so (name or alias, spaces and script
aside). The weights file holds feature names and numbers only: no text.
Held-out halves (a manifest's "test" entries of real8-real12) are never read.
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

READ = [("real", "all"), ("real2", "all"), ("real3", "all"), ("real4", "all"), ("real5", "all"),
        ("real8", "dev"), ("real9", "dev")]
CHECK = [("real6", "all"), ("real7", "all"), ("real10", "dev"), ("real11", "dev"), ("real12", "dev")]
L2 = 0.5          # ridge on the weights (not the bias): few positives, keep weights modest
EPOCHS = 3000
RATE = 0.5
THRESHOLD = 0.5


def corpus(sets):
    from service.evaluate import load_manifest_corpus, load_corpus
    for name, split in sets:
        c = load_manifest_corpus(ROOT / "fixtures" / name)
        for sp in (("dev", "test") if split == "all" else (split,)):
            yield from c.items[sp]


def samples(pipeline, comp, items):
    from service.evaluate import _key
    out = []
    for name, text, expected in items:
        ref = expected.get("_reference_date")
        doc = pipeline.process(text, doc_id=name, reference_date=dt.date.fromisoformat(ref) if ref else None)
        gold = set()
        for p in expected.get("products", []):
            gold |= {_key(n) for n in [p.get("name", "")] + list(p.get("aliases") or []) if n}
        spans = [(s, e) for p in doc.layers["products"] for s, e in p.mentions
                 if "open-name" not in p.evidence]
        taken = {i for s, e in spans for i in range(s, e)}
        # one sample per name: the reader keeps a name at every mention when one mention is kept,
        # so a name's evidence is the union of its mentions' (what a logistic max would see)
        by_name: dict[str, dict] = {}
        for c in comp.open_names.candidates(doc, taken, doc.layers["organizations"], spans):
            by_name.setdefault(doc.key[c["start"]:c["end"]], {}).update(c["features"])
        for k, f in by_name.items():
            out.append((f, _key(k) in gold))
    return out


def fit(data):
    names = sorted({k for f, _ in data for k in f})
    w = {k: 0.0 for k in names}
    pos = sum(1 for _, y in data if y)
    b = math.log(max(pos, 1) / max(len(data) - pos, 1))
    n = len(data)
    for _ in range(EPOCHS):
        gw = {k: L2 * w[k] / n for k in names}
        gb = 0.0
        for f, y in data:
            z = b + sum(w[k] * v for k, v in f.items())
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            d = (p - y) / n
            gb += d
            for k, v in f.items():
                gw[k] += d * v
        b -= RATE * gb * 10
        for k in names:
            w[k] -= RATE * gw[k] * 10
    return b, w


def report(tag, data, b, w, threshold):
    tp = fp = fn = 0
    for f, y in data:
        z = b + sum(w.get(k, 0.0) * v for k, v in f.items())
        keep = 1 / (1 + math.exp(-max(-30, min(30, z)))) >= threshold
        tp += keep and y
        fp += keep and not y
        fn += (not keep) and y
    print(f"{tag}: candidates {len(data)} positives {tp + fn} kept {tp + fp} tp {tp} fp {fp} fn {fn}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--final", action="store_true", help="fit on all dev data (READ and CHECK dev)")
    ap.add_argument("--report", action="store_true", help="candidate-level counts on the CHECK group")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()
    from service.evaluate import load_corpus, DEFAULT_DIR
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    comp = next(c for c in pipeline.components if getattr(c, "name", "") == "products")
    comp.open_names.threshold = 2.0       # the reader off: candidates are what the others left
    train = samples(pipeline, comp, list(corpus(READ)) + load_corpus(DEFAULT_DIR))
    check = samples(pipeline, comp, list(corpus(CHECK))) if args.report or args.final else []
    b, w = fit(train + (check if args.final else []))
    for t in ((args.threshold,) if not args.report else (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)):
        report(f"train@{t}", train, b, w, t)
        if args.report and not args.final:
            report(f"check@{t}", check, b, w, t)
    out = {"about": "Logistic weights over the evidence features of service/extractors/product_open_names.py; "
                    "fitted by scripts/train_product_open_names.py on the project's own annotations.",
           "fitted_on": "READ group + fixtures/articles" + (" + CHECK dev" if args.final else ""),
           "bias": round(b, 4), "threshold": args.threshold,
           "weights": {k: round(v, 4) for k, v in sorted(w.items())}}
    path = ROOT / "service" / "kb" / "data" / "product_open_weights.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out["weights"], indent=0), "bias", out["bias"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
