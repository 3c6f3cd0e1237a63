"""The tenth real-text set (fixtures/real10/, held out): Traditional Chinese full articles
from Taiwanese and Hong Kong feeds, provenance pinned to a feed mirror's history, a split fixed
once by name, texts that match their hashes, annotations whose claims are in their articles,
and a manifest the evaluator loads. Nothing here runs the extractor on these articles:
scoring them is the lead's call (`python -m service.evaluate fixtures/real10 --split ...`)."""
from __future__ import annotations

from tests.real_sets import RealSet

SET = RealSet("real10")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_traditional():
    assert len(ARTICLES) >= 12 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 4
    assert sum(a["outlet"].startswith("中央社") for a in ARTICLES) <= 5
    assert len({a["topic"] for a in ARTICLES}) >= 8
    assert {a["script"] for a in ARTICLES} == {"traditional"}
    SET.assert_new()
