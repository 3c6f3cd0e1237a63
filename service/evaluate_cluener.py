"""Person and organisation mention F1 on CLUENER2020's public train split.

    python -m service.evaluate_cluener [PATH] [--split dev|test|all] [--limit N] [--json]

PATH is CLUENER2020's train.json (from cluener_public.zip of the CLUE benchmark;
default: $CLUENER_TRAIN, else data/cluener/train.json under the repository). The
data is for research use: it is read from where it lies, never committed, never
trained on. When it is absent the command says so and exits 0.

Scoring is on exact spans, micro-averaged over the split: gold `name` mentions
against the spans of the Result's participants; gold `company` and
`organization` mentions against the spans of its organizations. CLUENER's
spans are inclusive of their last character; they are made end-exclusive here.

The split is fixed once, before any tuning, by a rule of the record's position
alone: record i (0-based, in file order, whatever the file's layout) is in the
`dev` half when the first 32 bits of sha256("zh-news-extract cluener split v1:"
+ str(i)), read as a big-endian integer, are even; otherwise it is in `test`.
Rules are tuned on `dev` only; `test` is measured, never looked at. `--limit`
applies after the split. The default split is `dev`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from .evaluate import Score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT / "data" / "cluener" / "train.json"
GOLD_TYPES = {"person": ("name",), "organization": ("company", "organization")}
RESULT_SECTIONS = {"person": "participants", "organization": "organizations"}

SPLIT_SALT = "zh-news-extract cluener split v1:"
SPLITS = ("dev", "test", "all")

Spans = dict[str, set[tuple[int, int]]]


def split_of(index: int) -> str:
    """`dev` or `test` for the record at 0-based position `index` (see the docstring)."""
    digest = hashlib.sha256((SPLIT_SALT + str(index)).encode("utf-8")).digest()
    return "dev" if int.from_bytes(digest[:4], "big") % 2 == 0 else "test"


def select(items: list[dict], split: str) -> list[dict]:
    if split == "all":
        return items
    return [item for i, item in enumerate(items) if split_of(i) == split]


def records(text: str) -> Iterator[dict]:
    """Every JSON object in the file: JSON lines, pretty-printed objects one after
    another (as some copies have it) or one array of objects."""
    decoder, i, n = json.JSONDecoder(), 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i == n:
            return
        value, i = decoder.raw_decode(text, i)
        yield from (value if isinstance(value, list) else [value])


def gold_spans(record: dict) -> Spans:
    out: Spans = {kind: set() for kind in GOLD_TYPES}
    for kind, labels in GOLD_TYPES.items():
        for label in labels:
            for mentions in (record.get("label") or {}).get(label, {}).values():
                out[kind].update((s, e + 1) for s, e in mentions)
    return out


def predicted_spans(result: dict) -> Spans:
    return {kind: {(m["start"], m["end"]) for item in result.get(section, [])
                   for m in item.get("mentions", [])}
            for kind, section in RESULT_SECTIONS.items()}


def score(items: list[dict], predict: Callable[[str], Spans]) -> dict[str, Score]:
    totals = {kind: Score() for kind in GOLD_TYPES}
    for record in items:
        gold, got = gold_spans(record), predict(record["text"])
        for kind, total in totals.items():
            hits = len(gold[kind] & got[kind])
            total.add(Score(tp=hits, fp=len(got[kind]) - hits, fn=len(gold[kind]) - hits))
    return totals


def default_path() -> Path:
    env = os.environ.get("CLUENER_TRAIN")
    return Path(env) if env else DEFAULT_PATH


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.evaluate_cluener", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path, default=None)
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="which half to score (fixed rule in the docstring; default dev)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    path = args.path or default_path()
    if not path.is_file():
        print(f"CLUENER2020 train split not found at {path}; skipped "
              "(pass its train.json or set CLUENER_TRAIN)")
        return 0
    items = select(list(records(path.read_text(encoding="utf-8"))), args.split)[:args.limit]
    from .pipeline import get_pipeline
    pipeline = get_pipeline()
    totals = score(items, lambda text: predicted_spans(pipeline.extract(text)))
    report = {"split": args.split, "sentences": len(items), "path": str(path),
              **{kind: {"precision": round(t.precision, 3), "recall": round(t.recall, 3),
                        "f1": round(t.f1, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
                 for kind, t in totals.items()}}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"CLUENER2020 train, {args.split} split, {report['sentences']} sentences, exact spans\n")
    print(f"{'kind':14s} {'precision':>9s} {'recall':>7s} {'F1':>6s}     tp     fp     fn")
    for kind in GOLD_TYPES:
        v = report[kind]
        print(f"{kind:14s} {v['precision']:9.3f} {v['recall']:7.3f} {v['f1']:6.3f} "
              f"{v['tp']:6d} {v['fp']:6d} {v['fn']:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
