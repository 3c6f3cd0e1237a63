"""find_quantities on a real 5,000-character article, with jieba.lcut as the yardstick.

Run the numbers with `pytest tests/quantities/test_bench_quantities.py --benchmark-only`;
CI runs with --benchmark-disable, where each function runs once as a smoke test.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

import jieba
import pytest

from service.quantities import find_quantities

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_64c11bc8ba8f458f.txt"
GROUP = "quantities: 5k-char article"


@pytest.fixture(scope="module")
def article(normalise) -> str:
    text = normalise(SEED.read_text(encoding="utf-8"))
    assert len(text) >= 5000
    return text


@pytest.mark.benchmark(group=GROUP)
def test_bench_find_quantities(benchmark, article):
    found = benchmark(find_quantities, article)
    assert any(q.kind == "money" and q.value == 60900000000 for q in found)


@pytest.mark.benchmark(group=GROUP)
def test_bench_jieba_lcut_reference(benchmark, article):
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()            # the dictionary loads once, outside the timing
    words = benchmark(jieba.lcut, article)
    assert words


def test_scan_time_grows_linearly(article):
    """Twenty articles back to back take about twenty times one article (generous bound)."""
    def best_of(text: str, runs: int = 5) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            find_quantities(text)
            times.append(time.perf_counter() - t0)
        return min(times)
    one, twenty = best_of(article, 7), best_of("\n".join([article] * 20), 7)
    # linear is ~20x; a quadratic scan would be ~400x. 80x leaves room for a
    # loaded CI machine (40x failed once under load) and still catches it.
    assert twenty < 80 * one
