"""The refactor guard of issue 12: Results taken before the refactor started.

`python tests/refactor_snapshot/snapshot.py write` records them; the test beside
this file compares every Result of the current code with them. Both are deleted
once the refactor has landed (the issue asks for a temporary snapshot).

Inputs: every fixture article, the golden seed, every conformance input
(numbers, units, dates; reference date 2016-11-07 as their specs assume) and,
when the texts are present, the real-text set (its snapshot is kept outside the
repository, at $REFACTOR_SNAPSHOT_REAL or build/refactor-snapshot/, because those texts are not ours to commit).
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CONFORMANCE_DATE = dt.date(2016, 11, 7)
REAL_SNAPSHOT = Path(os.environ.get("REFACTOR_SNAPSHOT_REAL",
                                    ROOT / "build" / "refactor-snapshot" / "real.json.gz"))


def fixture_inputs() -> list[tuple[str, str, dt.date | None]]:
    out = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        ref = expected.get("_reference_date")
        out.append((path.stem, path.read_text(encoding="utf-8"),
                    dt.date.fromisoformat(ref) if ref else None))
    for path in sorted(Path(ROOT / "seeds").glob("*.txt")) if (ROOT / "seeds").is_dir() else []:
        out.append(("seed:" + path.stem, path.read_text(encoding="utf-8"), None))
    return out


def conformance_inputs() -> list[tuple[str, str, dt.date | None]]:
    out, seen = [], set()
    for path in sorted((ROOT / "tests" / "conformance").rglob("*.json")):
        try:
            cases = json.loads(path.read_text(encoding="utf-8-sig"))
        except ValueError:
            continue
        if not isinstance(cases, list):
            continue
        for case in cases:
            text = case.get("Input") if isinstance(case, dict) else None
            if isinstance(text, str) and text not in seen:
                seen.add(text)
                out.append((f"conformance:{len(out)}", text, CONFORMANCE_DATE))
    return out


def real_inputs() -> list[tuple[str, str, dt.date | None]]:
    from service.evaluate import load_manifest_corpus
    corpus = load_manifest_corpus(ROOT / "fixtures" / "real")
    out = []
    for split in sorted(corpus.items):
        for name, text, expected in corpus.items[split]:
            ref = expected.get("_reference_date")
            out.append((name, text, dt.date.fromisoformat(ref) if ref else None))
    return out


def results(inputs) -> dict[str, dict]:
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    return {name: pipeline.extract(text, doc_id=name, reference_date=ref)
            for name, text, ref in inputs}


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True)


def read(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


if __name__ == "__main__" and sys.argv[1:] == ["write"]:
    sys.path.insert(0, str(ROOT))
    _write(HERE / "fixtures.json.gz", results(fixture_inputs()))
    _write(HERE / "conformance.json.gz", results(conformance_inputs()))
    real = real_inputs()
    if real:
        _write(REAL_SNAPSHOT, results(real))
    print("written")
