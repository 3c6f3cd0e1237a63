"""The fourteenth real-text set (fixtures/real14/, held out): Simplified tech-news items of
ten mainland outlets, each a credited item of 极客公园's 「极客早知道」 digest as a public
archive keeps it, provenance pinned to one commit of that archive, a split fixed once by name,
texts that match their hashes, annotations whose claims are in their articles, and a manifest
the evaluator loads. Nothing here runs the extractor on these articles: scoring them is the
lead's call (`python -m service.evaluate fixtures/real14 --split ...`)."""
from __future__ import annotations

import sys
from collections import Counter

from tests.real_sets import ROOT, RealSet

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402

SET = RealSet("real14")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_simplified_and_from_mainland_outlets():
    assert len(ARTICLES) == 16 and len(BY_NAME) == len(ARTICLES)
    outlets = Counter(a["outlet"] for a in ARTICLES)
    assert len(outlets) >= 4 and max(outlets.values()) <= 5
    assert len({a["topic"] for a in ARTICLES}) >= 8
    assert {a["script"] for a in ARTICLES} == {"simplified"}
    SET.assert_new()   # by url too: no digest another set drew on


def test_whole_digest_items_not_fragments():
    """Each text is one credited item of a digest (its heading and paragraphs), of 480
    characters or more; two items may share a digest, each with its own paragraphs."""
    assert all(a["chars"] >= 480 for a in ARTICLES)
    SET.assert_no_two_articles_share_paragraphs(per_commit=True)


def test_every_article_records_a_pinned_source_and_no_text_is_committed():
    SET.assert_provenance_pinned(fetch_real_texts.EXTRACTORS)


def test_every_article_is_annotated_read_twice_and_its_claims_are_in_it():
    """Every article annotated and nothing else; each annotation holds (its sections are
    known, every entity has a surface form and, when the text is here, every claim is in
    it), records its first and second reads and its notes, and dates the article as the
    manifest does. (The independent third read is checked with the other sets': real14 is
    in READ_THREE_TIMES of tests/test_real_sets_shared.py.)"""
    annotations = SET.annotations()
    assert set(annotations) == set(BY_NAME), "every article is annotated, nothing else"
    present = SET.present()
    for name, expected in annotations.items():
        SET.assert_annotation_holds(name, expected, present.get(name))
        assert expected.get("_checked") and expected.get("_second_read"), name
        assert expected.get("_notes"), name
        assert expected.get("_reference_date") == BY_NAME[name]["reference_date"], name
