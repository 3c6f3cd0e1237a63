"""The third real-text set (fixtures/real3/, held out): provenance, a split fixed once by
name, texts that match their hashes, annotations whose claims are in their articles, and
a manifest the evaluator loads. Nothing here runs the extractor on these articles: scoring
them is the lead's call (`python -m service.evaluate fixtures/real3 --split ...`)."""
from __future__ import annotations

from pathlib import Path


from tests.real_sets import RealSet

ROOT = Path(__file__).resolve().parents[1]
SET = RealSet("real3")
REAL3, MANIFEST, ARTICLES, BY_NAME = SET.dir, SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_simplified():
    assert len(ARTICLES) >= 16 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 5
    assert {a["script"] for a in ARTICLES} == {"simplified"}
    earlier = SET.other_sets_articles()
    names = {a["name"] for a in earlier}
    headlines = {a["headline"] for a in earlier}
    sources = {(a["source"]["repo"], a["source"]["path"]) for a in earlier}
    for a in ARTICLES:
        assert a["name"] not in names and a["headline"] not in headlines, a["name"]
        assert (a["source"]["repo"], a["source"]["path"]) not in sources, a["name"]


def test_every_article_says_what_was_dropped_and_when_it_appeared():
    """Beside the pinned sources every recent set records (tests/test_real_sets_shared.py)."""
    for a in ARTICLES:
        assert a["dropped"], a["name"]
        assert a["reference_date"] is None or len(a["reference_date"]) == 10, a["name"]


