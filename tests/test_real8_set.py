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


def test_no_two_articles_share_paragraphs_of_one_page():
    """Several items may come from one digest page: each takes its own paragraphs."""
    SET.assert_no_two_articles_share_paragraphs()


def test_every_article_says_what_was_dropped_which_digest_carried_it_and_when():
    """Beside the pinned sources every recent set records (tests/test_real_sets_shared.py)."""
    for a in ARTICLES:
        assert a["dropped"] and a["via"], a["name"]
        assert a["reference_date"] is None or len(a["reference_date"]) == 10, a["name"]


def test_articles_about_no_event_say_so():
    no_events_listed = [n for n, a in SET.annotations().items() if not a["events"]]
    assert len(no_events_listed) >= 2
    assert set(no_events_listed) <= set(SET.articles_about_no_event())
