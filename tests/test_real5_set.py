"""The fifth real-text set (fixtures/real5/, held out): provenance, a split fixed once by
name, texts that match their hashes, annotations whose claims are in their articles, and
a manifest the evaluator loads. Nothing here runs the extractor on these articles: scoring
them is the lead's call (`python -m service.evaluate fixtures/real5 --split ...`)."""
from __future__ import annotations

from tests.real_sets import RealSet

SET = RealSet("real5")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_simplified():
    assert len(ARTICLES) >= 15 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 4
    assert len({a["topic"] for a in ARTICLES}) >= 6
    assert sum(a["topic"] == "market" for a in ARTICLES) >= 2   # articles about no event
    assert {a["script"] for a in ARTICLES} == {"simplified"}
    SET.assert_new(by_paragraphs=False)


def test_every_article_says_what_was_dropped_where_it_was_and_when():
    """Beside the pinned sources every recent set records (tests/test_real_sets_shared.py)."""
    for a in ARTICLES:
        assert a["dropped"] and a["url"] and a["reference_date_source"], a["name"]
        assert len(a["reference_date"]) == 10, a["name"]


def test_an_article_about_no_event_claims_none():
    """A market article claims no primary event: `"event": null` beside the events it mentions
    (as test_real_sets_shared has it; wave-13 rule 5 lists its past-year deeds), or no events at all."""
    annotations = SET.annotations()
    for a in ARTICLES:
        if a["topic"] == "market":
            ann = annotations[a["name"]]
            if "event" in ann:
                assert ann["event"] is None, a["name"]
            else:
                assert ann["events"] == [], a["name"]


