"""The twelfth real-text set (fixtures/real12/, held out): tech-news articles in both scripts
from the Korean, Singaporean, Taiwanese and Hong Kong feeds a feed mirror kept, provenance
pinned to its history, a split fixed once by name, texts that match their hashes, annotations
whose claims are in their articles, and a manifest the evaluator loads. Nothing here runs the
extractor on these articles: scoring them is the lead's call
(`python -m service.evaluate fixtures/real12 --split ...`)."""
from __future__ import annotations

from collections import Counter

from tests.real_sets import RealSet

SET = RealSet("real12")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_in_both_scripts():
    assert 16 <= len(ARTICLES) <= 20 and len(BY_NAME) == len(ARTICLES)
    outlets = Counter(a["outlet"] for a in ARTICLES)
    assert len(outlets) >= 5 and max(outlets.values()) <= 5
    assert len({a["topic"] for a in ARTICLES}) >= 8
    scripts = Counter(a["script"] for a in ARTICLES)
    assert set(scripts) == {"simplified", "traditional"}
    assert abs(scripts["simplified"] - scripts["traditional"]) <= 2
    SET.assert_new()


def test_whole_feed_items_not_fragments():
    """Each text is one whole feed item (title and body), most of 600 characters or more;
    several items come from one feed file, each with its own link and paragraphs (checked
    with the other feed sets' in tests/test_real_sets_shared.py)."""
    assert all(a["chars"] >= 500 for a in ARTICLES)
    assert sum(a["chars"] >= 600 for a in ARTICLES) >= len(ARTICLES) - 2
