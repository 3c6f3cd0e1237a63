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
    earlier = SET.other_sets_articles()
    names = {a["name"] for a in earlier}
    headlines = {a["headline"] for a in earlier}
    urls = {a.get("url") for a in earlier}
    sources = {(a["source"]["repo"], a["source"]["path"], tuple(a["source"]["paragraphs"]))
               for a in earlier}
    for a in ARTICLES:
        assert a["name"] not in names and a["headline"] not in headlines, a["name"]
        assert a["url"] not in urls, a["name"]   # no digest another set drew on
        src = a["source"]
        assert (src["repo"], src["path"], tuple(src["paragraphs"])) not in sources, a["name"]


def test_no_two_articles_share_paragraphs_of_one_page():
    """Several items may come from one digest page: each takes its own paragraphs."""
    seen = {}
    for a in ARTICLES:
        for i in a["source"]["paragraphs"]:
            key = (a["source"]["path"], i)
            assert key not in seen, (a["name"], seen.get(key))
            seen[key] = a["name"]


def test_every_article_says_what_was_dropped_which_digest_carried_it_and_when():
    """Beside the pinned sources every recent set records (tests/test_real_sets_shared.py)."""
    for a in ARTICLES:
        assert a["dropped"] and a["via"], a["name"]
        assert a["reference_date"] is None or len(a["reference_date"]) == 10, a["name"]


def test_articles_about_no_event_say_so():
    annotations = SET.annotations()
    no_event = [n for n, a in annotations.items() if not a["events"]]
    assert len(no_event) >= 2
    for name in no_event:
        assert "event" in annotations[name] and annotations[name]["event"] is None, name
