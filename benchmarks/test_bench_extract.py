"""Whole extraction of the seed beside jieba.lcut of the same text, in one run.

Run: python -m pytest benchmarks --benchmark-only --benchmark-group-by=group
The ratio (extraction mean / jieba.lcut mean) is printed at the end of the run.
The test suite runs these once as plain tests (--benchmark-disable).
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
RESULTS: dict[str, float] = {}


def _record(benchmark, name):
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        RESULTS[name] = stats.stats.mean


@pytest.mark.benchmark(group="seed")
def test_reference_jieba_lcut(benchmark, jieba_ready):
    words = benchmark(jieba_ready.lcut, SEED)
    assert "".join(words) == SEED
    _record(benchmark, "jieba.lcut")


@pytest.mark.benchmark(group="seed")
def test_whole_extraction(benchmark, pipeline):
    result = benchmark(pipeline.extract, SEED)
    assert result["document"]["chars"] == len(SEED)
    _record(benchmark, "extract")


def teardown_module(module):
    if "extract" in RESULTS and "jieba.lcut" in RESULTS:
        ratio = RESULTS["extract"] / RESULTS["jieba.lcut"]
        print(f"\nwhole extraction / jieba.lcut on the seed: {ratio:.2f}x "
              f"({RESULTS['extract'] * 1e3:.2f} ms vs {RESULTS['jieba.lcut'] * 1e3:.2f} ms)")
