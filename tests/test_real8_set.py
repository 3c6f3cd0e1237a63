"""The eighth real-text set (fixtures/real8/, held out): provenance, a split fixed once by
name, texts that match their hashes, annotations whose claims are in their articles, and
a manifest the evaluator loads. Nothing here runs the extractor on these articles: scoring
them is the lead's call (`python -m service.evaluate fixtures/real8 --split ...`)."""
from __future__ import annotations

from tests.real_sets import RealSet

SET = RealSet("real8")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_mostly_simplified():
    assert len(ARTICLES) >= 15 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 5
    assert len({a["topic"] for a in ARTICLES}) >= 5
    scripts = [a["script"] for a in ARTICLES]
    assert set(scripts) == {"simplified", "traditional"}
    assert scripts.count("simplified") > scripts.count("traditional")
    SET.assert_new()   # by url too: no digest another set drew on
