"""The products extractor alone on the seed's processed Document, beside
jieba.lcut of the same text, in one run.

Run: python -m pytest benchmarks/test_bench_products.py --benchmark-only
The ratio (products mean / jieba.lcut mean) is printed at the end of the run.
The test suite runs these once as plain tests (--benchmark-disable).
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
RESULTS: dict[str, float] = {}


@pytest.fixture(scope="module")
def products_and_doc():
    """The Products component and the seed's Document as the pipeline leaves it
    (every layer Products reads is there; rerunning it only rewrites its own)."""
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    component = next(c for c in pipeline.components if c.name == "products")
    return component, pipeline.process(SEED)


@pytest.fixture(scope="module")
def jieba_ready():
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def _record(benchmark, name):
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        RESULTS[name] = stats.stats.mean


@pytest.mark.benchmark(group="seed-products")
def test_reference_jieba_lcut(benchmark, jieba_ready):
    words = benchmark(jieba_ready.lcut, SEED)
    assert "".join(words) == SEED
    _record(benchmark, "jieba.lcut")


@pytest.mark.benchmark(group="seed-products")
def test_products_component(benchmark, products_and_doc):
    component, doc = products_and_doc
    benchmark(component, doc)
    assert any(p["id"] == "llama-3.1" for p in doc.layers["products"])
    _record(benchmark, "products")


def teardown_module(module):
    if "products" in RESULTS and "jieba.lcut" in RESULTS:
        ratio = RESULTS["products"] / RESULTS["jieba.lcut"]
        print(f"\nproducts extractor / jieba.lcut on the seed: {ratio:.3f}x "
              f"({RESULTS['products'] * 1e3:.3f} ms vs {RESULTS['jieba.lcut'] * 1e3:.2f} ms)")
