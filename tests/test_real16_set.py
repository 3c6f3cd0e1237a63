"""The sixteenth real-text set (fixtures/real16/, held out): Traditional Chinese tech-news
articles from Taiwanese and Hong Kong outlets — feed items a feed mirror kept (2024) and
archived 眾新聞 pages (2017) — provenance pinned to their histories, a split fixed once
by name, texts that match their hashes, annotations whose claims are in their articles, and
a manifest the evaluator loads. Nothing here runs the extractor on these articles: scoring
them is the lead's call (`python -m service.evaluate fixtures/real16 --split ...`)."""
from __future__ import annotations

import sys
from collections import Counter

from tests.real_sets import ROOT, RealSet

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts

SET = RealSet("real16")
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



def test_every_article_records_a_pinned_source_and_no_text_is_committed():
    SET.assert_provenance_pinned(fetch_real_texts.EXTRACTORS)


def test_every_article_is_annotated_read_twice_and_its_claims_are_in_it():
    """Every article annotated and nothing else; each annotation holds (its claims are in
    its text when the text is here), records its first and second reads and its notes, and
    dates the article as the manifest does. (No independent third read yet: the set joins
    READ_THREE_TIMES in tests/test_real_sets_shared.py when one is recorded.)"""
    annotations = SET.annotations()
    assert set(annotations) == set(BY_NAME), "every article is annotated, nothing else"
    present = SET.present()
    for name, expected in annotations.items():
        SET.assert_annotation_holds(name, expected, present.get(name))
        assert expected.get("_checked") and expected.get("_second_read"), name
        assert expected.get("_notes"), name
        assert expected.get("_reference_date") == BY_NAME[name]["reference_date"], name
