"""Linear growth of parts timed alone: what the tests once timed themselves (the
project's rule: tests count work, tests/work_count.py; benchmarks time it, as a ratio
measured in one run).

Run: python -m pytest benchmarks/test_bench_parts.py --benchmark-only -s
Each part runs on a small and a 4x (or 20x) larger input; the table at the end gives
CPU time per unit at the larger size over the smaller (1 is linear, a quadratic part
~4 or ~20). The suite runs each once (--benchmark-disable) and fails on a ratio over
MAX_RATIO.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from service import serialize
from service.extractors.entities import EntityTable
from service.extractors.quotes import Quotes
from service.nlp.document import build_document
from service.quantities import find_quantities
from service.request_framing import COMPLETE, RequestFramer

from benchmarks.test_bench_growth import number_unit

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
MAX_RATIO = 4.0   # as test_bench_growth: one-shot timings on a shared machine are noisy
MARK_RUNS = {"openers": "“", "every-mark": "「」『』“”‘’\"", "reversed-pairs": "」「",
             "mixed-with-text": "孫嘉禾說:「好" + "“」『" * 3, "nested-open": "「「「『『"}
HEAD = b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
PER_UNIT: dict[tuple[str, str], float] = {}


def _least_cpu(run, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def _quotes_alone(pipeline, text: str):
    doc = build_document(text, pipeline.segmenter)
    doc.layers["people"] = EntityTable("person")
    doc.layers["organizations"] = EntityTable("organization")
    Quotes(pipeline.kb, pipeline.segmenter)(doc)
    return serialize.quotes(doc, doc.layers["quotes"])


def _framed(reads: int) -> None:
    framer, buf = RequestFramer(10**6), bytearray(HEAD)
    for _ in range(reads):
        buf += b"1\r\na\r\n" * 150
        framer.frame(buf)
    buf += b"0\r\n\r\n"
    assert framer.frame(buf).status == COMPLETE


def _parts(pipeline):
    """name -> (run(n), small n, large n, unit)."""
    facts = next(c for c in pipeline.components if c.name == "facts")
    parts = {f"quotes alone: {k}": (lambda n, r=r: _quotes_alone(pipeline, r * (n // len(r))),
                                    10_000, 40_000, "char") for k, r in MARK_RUNS.items()}
    parts["quantities: articles"] = (lambda n: find_quantities("\n".join([SEED] * n)), 1, 20, "article")
    docs = {n: pipeline.process(number_unit(n)) for n in (5_000, 20_000)}
    parts["facts stage: number-unit"] = (lambda n: facts(docs[n]), 5_000, 20_000, "char")
    parts["request framing: chunked reads"] = (_framed, 50, 200, "read")
    return parts


PART_NAMES = ["quotes alone: " + k for k in MARK_RUNS] + [
    "quantities: articles", "facts stage: number-unit", "request framing: chunked reads"]


@pytest.mark.benchmark(group="parts-growth")
@pytest.mark.parametrize("name", PART_NAMES)
def test_part_growth(benchmark, pipeline, name):
    run, small, large, unit = _parts(pipeline)[name]
    run(small)   # first calls fill caches and compile patterns

    def both():
        return _least_cpu(lambda: run(small)) / small, _least_cpu(lambda: run(large)) / large

    few, many = benchmark.pedantic(both, rounds=1, iterations=1, warmup_rounds=0)
    PER_UNIT[(name, "small")], PER_UNIT[(name, "large")] = few, many
    ratio = many / few
    assert ratio < MAX_RATIO, f"{name}: {ratio:.1f}x the CPU time per {unit} at {large // small}x the size"


def teardown_module(module):
    if not PER_UNIT:
        return
    print("\nparts alone, CPU time per unit, larger input over smaller (1 is linear):")
    for name in PART_NAMES:
        if (name, "large") in PER_UNIT:
            print(f"  {name:34s}{PER_UNIT[(name, 'large')] / PER_UNIT[(name, 'small')]:7.2f}")
