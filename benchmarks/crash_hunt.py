"""A crash hunt: invented news (tests/invented_news.py) through whole extraction, many
thousands of documents in one process, each Result checked as the suite checks it.

    python -m benchmarks.crash_hunt [--first 0] [--docs 5000] [--out /tmp/crash_hunt]

Document i is article(random.Random(i)), so a failure is found again from its number
alone. Each distinct failure (exception type and the innermost frame of service/, or
"invalid" for a Result that breaks the schema or a Span) is reported once, with the
first document that shows it, its text written to OUT/<number>.txt. Documents that take
more than SLOW_PER_CHAR of CPU time per character plus a second are reported too (a super-linear
corner shows there first). Layers are checked as in the suite (ZNE_CHECK_LAYERS=1).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("ZNE_CHECK_LAYERS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import assert_valid_result  # noqa: E402
from tests.invented_news import article  # noqa: E402

REFERENCE_DATE = dt.date(2026, 12, 5)
SLOW_PER_CHAR = 40e-6   # seconds; ordinary text runs at ~4 us per character


def signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/service/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/crash_hunt"))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    seen: dict[str, int] = {}
    chars, started = 0, time.perf_counter()
    for i in range(args.first, args.first + args.docs):
        text = article(random.Random(i))
        chars += len(text)
        t0 = time.process_time()   # CPU time: the machine is shared
        try:
            result = pipeline.extract(text, reference_date=REFERENCE_DATE)
            assert_valid_result(result, text)
            problem = None
        except AssertionError as exc:
            problem, detail = "invalid Result", str(exc)[:300]
        except Exception as exc:  # noqa: BLE001 - a hunt reports every failure
            problem, detail = signature(exc), "".join(traceback.format_exception(exc)[-4:])
        seconds = time.process_time() - t0
        if problem is None and seconds > SLOW_PER_CHAR * len(text) + 1.0:
            problem, detail = "slow", f"{seconds:.2f} s for {len(text)} characters"
        if problem is not None:
            seen[problem] = seen.get(problem, 0) + 1
            if seen[problem] == 1:
                (args.out / f"{i}.txt").write_text(text, encoding="utf-8")
                print(f"document {i}: {problem}\n{detail}", flush=True)
        if (i + 1 - args.first) % 500 == 0:
            took = time.perf_counter() - started
            print(f"{i + 1 - args.first} documents, {chars:,} characters, {took:.0f} s; "
                  f"failures: {seen or 'none'}", flush=True)
    print(f"done: {args.docs} documents; failures: {seen or 'none'}")
    return 1 if seen else 0


if __name__ == "__main__":
    sys.exit(main())
