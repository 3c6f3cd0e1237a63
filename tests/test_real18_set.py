"""The eighteenth real-text set (fixtures/real18/, held out): Traditional Chinese tech-news
articles from Taiwanese and Hong Kong outlets — feed items a feed mirror kept (2024) and
archived 眾新聞 pages (2018) — provenance pinned to their histories, a split fixed once
by name, texts that match their hashes, annotations whose claims are in their articles, and
a manifest the evaluator loads. Nothing here runs the extractor on these articles: scoring
them is the lead's call (`python -m service.evaluate fixtures/real18 --split ...`)."""
from __future__ import annotations

from collections import Counter

from tests.real_sets import RealSet

SET = RealSet("real18")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_traditional():
    """Sixteen to twenty articles, all Traditional, from at least four outlets (no more
    than five from one), of several topics and more than one year."""
    assert 16 <= len(ARTICLES) <= 20 and len(BY_NAME) == len(ARTICLES)
    outlets = Counter(a["outlet"] for a in ARTICLES)
    assert len(outlets) >= 4 and max(outlets.values()) <= 5
    assert len({a["topic"] for a in ARTICLES}) >= 6
    assert {a["script"] for a in ARTICLES} == {"traditional"}
    assert len({a["reference_date"][:4] for a in ARTICLES}) >= 2
    SET.assert_new()


def test_whole_items_not_fragments():
    """Each text is one whole feed item or archived article (headline and body), most of
    600 characters or more; several items come from one feed file, each with its own link
    and paragraphs."""
    assert all(a["chars"] >= 400 for a in ARTICLES)
    assert sum(a["chars"] >= 600 for a in ARTICLES) >= len(ARTICLES) - 3
    SET.assert_one_feed_item_each()


def test_every_article_says_what_was_dropped_which_feed_carried_it_and_when():
    """Beside the pinned sources and the three reads every recent set records
    (READ_THREE_TIMES in tests/test_real_sets_shared.py)."""
    SET.assert_feed_items_dated()


def test_articles_about_no_event_say_so():
    """At least three articles are about no event (a market report, a survey, a profile,
    a research report) and claim `"event": null`; an article with no events listed at all
    must be one of them."""
    SET.assert_articles_about_no_event(at_least=3)
