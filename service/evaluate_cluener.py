"""Person and organisation mention F1 on CLUENER2020's public train split.

    python -m service.evaluate_cluener [PATH] [--split dev|test|all] [--limit N] [--json]

PATH is CLUENER2020's train.json (from cluener_public.zip of the CLUE benchmark;
default: $CLUENER_TRAIN, else data/cluener/train.json under the repository). The
data is for research use: it is read from where it lies, never committed, never
trained on. When it is absent the command says so and exits 0.

Scoring is on exact spans, micro-averaged over the split: gold `name` mentions
against the spans of the Result's participants and credited staff (a reporter or
editor a credit names is a name to CLUENER, not a person of the news to the contract); gold `company` and
`organization` mentions against the spans of its organizations. CLUENER's
spans are inclusive of their last character; they are made end-exclusive here.

Two scoring conventions map CLUENER's labelling onto this project's contract
(fixtures/articles/README.md) where the two name the same span differently; they
never count a name the service did not find (see CONVENTIONS below). `--raw` scores
without them; the JSON report always gives both figures.

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

# Where CLUENER's labelling and the contract differ on what a span is, not on whether
# it is a name (a pure scoring convention, applied to organisation mentions only):
# - `government`: CLUENER types a government body as `government` (国务院, 财政部, 美国政府,
#   银监会), a type of its own outside company + organization; the contract lists a government
#   named with its place, a ministry or regulator as an organisation (wave 7; wave 13 rule 5).
#   An organisation mention whose span is exactly a gold `government` mention is therefore
#   left unscored: no hit (government mentions are not added to the gold, which stays issue
#   14's company + organization) and no false span.
# - bare `公司`: the contract drops a bare generic 公司 from an organisation's name (wave 7:
#   此芯科技公司 -> 此芯科技), CLUENER's span keeps it (EA公司). A mention directly followed by
#   公司 in the text is scored as the span with it where that span is the gold one.
UNSCORED_GOLD_TYPES = {"organization": ("government",)}
GENERIC_TAIL = "公司"
CONVENTIONS = ("government", "generic-tail")

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


def unscored_spans(record: dict) -> Spans:
    """Per kind, the gold spans of types the contract gives that kind but CLUENER
    does not count in it (UNSCORED_GOLD_TYPES): a prediction there is not scored."""
    labels = record.get("label") or {}
    return {kind: {(s, e + 1) for label in UNSCORED_GOLD_TYPES.get(kind, ())
                   for mentions in labels.get(label, {}).values() for s, e in mentions}
            for kind in GOLD_TYPES}


def conventional(text: str, gold: set[tuple[int, int]], got: set[tuple[int, int]],
                 unscored: set[tuple[int, int]], kind: str) -> set[tuple[int, int]]:
    """The predicted spans of one kind under the contract's conventions (CONVENTIONS):
    an organisation's mention with the bare 公司 the contract drops where CLUENER's
    gold span keeps it, and no mention that is exactly a gold span of an unscored type."""
    if kind != "organization":
        return got
    out = set()
    for s, e in got:
        if (s, e) not in gold and text.startswith(GENERIC_TAIL, e) and (s, e + len(GENERIC_TAIL)) in gold:
            e += len(GENERIC_TAIL)
        if (s, e) in gold or (s, e) not in unscored:
            out.add((s, e))
    return out


def predicted_spans(result: dict) -> Spans:
    spans = {kind: {(m["start"], m["end"]) for item in result.get(section, [])
                    for m in item.get("mentions", [])}
             for kind, section in RESULT_SECTIONS.items()}
    # CLUENER labels the staff a credit names (本报讯（记者马力）) as names; the Result gives
    # them in credited_staff (wave 24), not among the people of the news.
    spans["person"] |= {(c["span"]["start"], c["span"]["end"]) for c in result.get("credited_staff", [])}
    return spans


def score(items: list[dict], predict: Callable[[str], Spans], raw: bool = False) -> dict[str, Score]:
    """Micro-averaged exact-span scores per kind; with `raw`, without CONVENTIONS."""
    return score_both(items, predict)[1 if raw else 0]


def score_both(items: list[dict], predict: Callable[[str], Spans]) -> tuple[dict[str, Score], dict[str, Score]]:
    """(under the contract's conventions, raw) from one prediction per record."""
    mapped, raw = ({kind: Score() for kind in GOLD_TYPES} for _ in range(2))
    for record in items:
        gold, got, unscored = gold_spans(record), predict(record["text"]), unscored_spans(record)
        for kind in GOLD_TYPES:
            for totals, spans in ((raw, got[kind]),
                                  (mapped, conventional(record["text"], gold[kind], got[kind],
                                                        unscored[kind], kind))):
                hits = len(gold[kind] & spans)
                totals[kind].add(Score(tp=hits, fp=len(spans) - hits, fn=len(gold[kind]) - hits))
    return mapped, raw


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
    parser.add_argument("--raw", action="store_true",
                        help="print the figures without the scoring conventions (CONVENTIONS)")
    args = parser.parse_args(argv)
    path = args.path or default_path()
    if not path.is_file():
        print(f"CLUENER2020 train split not found at {path}; skipped "
              "(pass its train.json or set CLUENER_TRAIN)")
        return 0
    items = select(list(records(path.read_text(encoding="utf-8"))), args.split)[:args.limit]
    from .pipeline import get_pipeline
    pipeline = get_pipeline()
    mapped, raw = score_both(items, lambda text: predicted_spans(pipeline.extract(text)))
    figures = lambda totals: {kind: {"precision": round(t.precision, 3), "recall": round(t.recall, 3),  # noqa: E731
                                     "f1": round(t.f1, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
                              for kind, t in totals.items()}
    report = {"split": args.split, "sentences": len(items), "path": str(path),
              "conventions": [] if args.raw else list(CONVENTIONS),
              **figures(raw if args.raw else mapped), "raw": figures(raw)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"CLUENER2020 train, {args.split} split, {report['sentences']} sentences, exact spans, "
          + ("raw" if args.raw else "conventions: " + ", ".join(CONVENTIONS)) + "\n")
    print(f"{'kind':14s} {'precision':>9s} {'recall':>7s} {'F1':>6s}     tp     fp     fn")
    for kind in GOLD_TYPES:
        v = report[kind]
        print(f"{kind:14s} {v['precision']:9.3f} {v['recall']:7.3f} {v['f1']:6.3f} "
              f"{v['tp']:6d} {v['fp']:6d} {v['fn']:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
