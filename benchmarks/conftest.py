"""Fixtures the benchmarks share: the process's pipeline and jieba, loaded once."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    from service.pipeline import get_pipeline
    return get_pipeline()


@pytest.fixture(scope="session")
def jieba_ready():
    """jieba with its dictionary loaded and its log quiet: the speed reference."""
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba
