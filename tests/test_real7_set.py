"""The seventh real-text set (fixtures/real7/, held out): provenance, a split fixed once by
name, texts that match their hashes, annotations whose claims are in their articles, and
a manifest the evaluator loads. Nothing here runs the extractor on these articles: scoring
them is the lead's call (`python -m service.evaluate fixtures/real7 --split ...`)."""
from __future__ import annotations

from tests.real_sets import RealSet

SET = RealSet("real7")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_simplified():
    assert len(ARTICLES) >= 12 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 4
    assert {a["script"] for a in ARTICLES} == {"simplified"}
    SET.assert_new(by_url=False)
