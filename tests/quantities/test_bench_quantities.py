"""find_quantities on a real 5,000-character article, with jieba.lcut as the yardstick.

Run the numbers with `pytest tests/quantities/test_bench_quantities.py --benchmark-only`;
CI runs with --benchmark-disable, where each function runs once as a smoke test.
"""
from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest

from service.quantities import find_quantities
from tests.work_count import assert_linear

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


def test_scan_work_grows_linearly(article):
    """Twenty articles back to back make about twenty times the calls of one, no
    function's calls growing faster (counted, not timed: tests/work_count.py; the
    benchmarks above time it)."""
    assert_linear(find_quantities, lambda n: "\n".join([article] * n), 1, 20)
