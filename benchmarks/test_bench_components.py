"""Each extractor alone on the seed's processed document, beside jieba.lcut of
the seed, in one run (issue figures are these ratios).

Run: python -m pytest benchmarks/test_bench_components.py --benchmark-only -s
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
MEANS: dict[str, float] = {}


def _pipeline():
    from service.pipeline import get_pipeline
    return get_pipeline()


def _component_names() -> list[str]:
    return [c.name for c in _pipeline().components]


@pytest.fixture(scope="module")
def seed_doc():
    return _pipeline().process(SEED)


def _keep(benchmark, name):
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        MEANS[name] = stats.stats.mean


@pytest.mark.benchmark(group="components")
def test_reference_jieba_lcut(benchmark):
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    words = benchmark(jieba.lcut, SEED)
    assert "".join(words) == SEED
    _keep(benchmark, "jieba.lcut")


@pytest.mark.benchmark(group="components")
@pytest.mark.parametrize("name", _component_names())
def test_component(benchmark, seed_doc, name):
    component = next(c for c in _pipeline().components if c.name == name)
    layer = seed_doc.layers.get(name)
    benchmark(component, seed_doc)  # re-running a component rewrites its own layer
    assert type(seed_doc.layers.get(name)) is type(layer)
    _keep(benchmark, name)


def teardown_module(module):
    ref = MEANS.get("jieba.lcut")
    if ref:
        print("\nextractor / jieba.lcut on the seed:")
        for name, mean in MEANS.items():
            if name != "jieba.lcut":
                print(f"  {name:15s} {mean * 1e3:7.3f} ms  {mean / ref:6.3f}x")
