"""Fixtures the benchmarks share: the process's pipeline and jieba, loaded once."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    """The pipeline loaded as the service loads it (collector paused, then what it built
    frozen), so that no benchmark times collections walking a million start-up objects
    the service never walks; without the service's per-section timing."""
    from service.extraction import load_pipeline
    from service.pipeline import get_pipeline
    load_pipeline()
    return get_pipeline()


@pytest.fixture(scope="session")
def jieba_ready():
    """jieba with its dictionary loaded and its log quiet: the speed reference."""
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba
