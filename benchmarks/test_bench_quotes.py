"""The quote extractor alone on the seed's processed Document, beside
jieba.lcut of the same text, in one run.

Run: python -m pytest benchmarks/test_bench_quotes.py --benchmark-only
The ratio (quotes mean / jieba.lcut mean) is printed at the end of the run.
The test suite runs these once as plain tests (--benchmark-disable).
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
RESULTS: dict[str, float] = {}


@pytest.fixture(scope="module")
def seed_doc_and_quotes():
    """The seed annotated by every extractor but quotes, and the quotes one."""
    from service.nlp.document import build_document
    from service.pipeline import get_pipeline

    pipeline = get_pipeline()
    doc = build_document(SEED, pipeline.segmenter)
    quotes = None
    for component in pipeline.components:
        if component.name == "quotes":
            quotes = component
        else:
            component(doc)
    assert quotes is not None and "quotes" not in doc.layers
    return doc, quotes


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


@pytest.mark.benchmark(group="quotes")
def test_reference_jieba_lcut(benchmark, jieba_ready):
    words = benchmark(jieba_ready.lcut, SEED)
    assert "".join(words) == SEED
    _record(benchmark, "jieba.lcut")


@pytest.mark.benchmark(group="quotes")
def test_quote_extraction(benchmark, seed_doc_and_quotes):
    doc, quotes = seed_doc_and_quotes

    def run():
        quotes(doc)
        return doc.layers["quotes"]

    found = benchmark(run)
    assert len(found) == 10
    _record(benchmark, "quotes")


def teardown_module(module):
    if "quotes" in RESULTS and "jieba.lcut" in RESULTS:
        ratio = RESULTS["quotes"] / RESULTS["jieba.lcut"]
        print(f"\nquote extraction / jieba.lcut on the seed: {ratio:.3f}x "
              f"({RESULTS['quotes'] * 1e3:.3f} ms vs {RESULTS['jieba.lcut'] * 1e3:.2f} ms)")
