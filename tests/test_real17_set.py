"""The seventeenth real-text set (fixtures/real17/, held out): Simplified tech-news items of
thirteen mainland outlets, each a credited item of 极客公园's 「极客早知道」 digest as a public
archive keeps it, from digests of dates no earlier set drew on, provenance pinned to one
commit of that archive, a split fixed once by name, texts that match their hashes,
annotations whose claims are in their articles, and a manifest the evaluator loads. Nothing
here runs the extractor on these articles: scoring them is the lead's call
(`python -m service.evaluate fixtures/real17 --split ...`)."""
from __future__ import annotations

import json
import sys
from collections import Counter

from tests.real_sets import ROOT, RealSet

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402

SET = RealSet("real17")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_simplified_and_from_mainland_outlets():
    """Sixteen articles, at least six credited outlets and no more than four from any one,
    eight topics or more, all Simplified; nothing another set holds."""
    assert len(ARTICLES) == 16 and len(BY_NAME) == len(ARTICLES)
    outlets = Counter(a["outlet"] for a in ARTICLES)
    assert len(outlets) >= 6 and max(outlets.values()) <= 4
    assert len({a["topic"] for a in ARTICLES}) >= 8
    assert {a["script"] for a in ARTICLES} == {"simplified"}
    SET.assert_new()   # by url too: no digest another set drew on


def test_no_digest_of_a_date_another_set_drew_on():
    """real8, real14 and real15 drew on the same digests: every item here comes from a
    digest of a date (its archive folder) no other set's article comes from."""
    def day(path: str) -> str:
        return "/".join(path.split("/")[1:4])
    earlier = {day(a["source"]["path"]) for a in SET.other_sets_articles()
               if a["source"]["repo"] == "chainreactors/picker"}
    assert not {day(a["source"]["path"]) for a in ARTICLES} & earlier


def test_whole_digest_items_not_fragments():
    """Each text is one credited item of a digest (its heading and paragraphs, the last one
    ending with its credit), of 450 characters or more; no two items share a digest."""
    assert all(a["chars"] >= 450 for a in ARTICLES)
    SET.assert_no_two_articles_share_paragraphs(per_commit=True)
    assert len({a["source"]["path"] for a in ARTICLES}) == len(ARTICLES)


def test_every_article_says_what_was_dropped_which_digest_carried_it_and_when():
    SET.assert_feed_items_dated()


def test_no_read_is_left_pending():
    """Beside the pinned sources and the three reads every recent set records (real17 is in
    READ_THREE_TIMES of tests/test_real_sets_shared.py): no read note is a placeholder."""
    for name, expected in SET.annotations().items():
        for read in ("_second_read", "_independent_read"):
            assert "PENDING" not in expected.get(read, ""), (name, read)


def test_quotes_name_their_speakers_as_the_people_listed():
    """A quote whose speaker is a person id names a person the annotation lists, by one of
    that person's surface forms."""
    for name, expected in SET.annotations().items():
        people = {p.get("id"): p for p in expected["participants"]}
        for q in expected["quotes"]:
            if q["speaker"]:
                assert q["speaker"] in people, (name, q["speaker"])
                assert q["speaker_name"] in people[q["speaker"]]["aliases"], (name, q["text"][:10])


def test_articles_about_no_event_say_so():
    """At least three articles are about no event (a report of plans, an analyst's view, a
    reported consideration) and claim `"event": null`; an article with no events listed is
    one of them."""
    SET.assert_articles_about_no_event(at_least=3)


def test_the_manifest_is_the_one_the_fetch_script_reads():
    assert json.loads((SET.dir / "manifest.json").read_text(encoding="utf-8")) == MANIFEST
    assert "real17" in fetch_real_texts.SETS
