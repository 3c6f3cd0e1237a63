"""What every held-out real-text set must pass, whatever it holds: its split follows the
rule recorded in its manifest, the texts present match their hashes, the evaluator loads
each half without scoring it, and absent or edited texts are skipped with a note. Each
set's own file tests what is particular to it (size, scripts, sources, annotations)."""
from __future__ import annotations

import sys

import pytest

from tests.real_sets import ROOT, RealSet

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402

SETS = {name: RealSet(name) for name in ("real2", "real3", "real4", "real5", "real6", "real7",
                                         "real8", "real9", "real10", "real11",
                                         "real12", "real13", "real14", "real15", "real16",
                                         "real17", "real18", "real19", "real20", "real21", "real22",
                                         "real23", "real24", "real25", "real26", "real27", "real28",
                                         "real29", "real30",
                                         "real31", "real32", "real33", "real34", "real35", "real36", "real37", "real38", "real39", "real40", "real41", "real42", "real43", "real44", "real45", "real46", "real47", "real48", "real49", "real50", "real51", "real52", "real53", "real54", "real55", "real56", "real57", "real58", "real59", "real60", "real61", "real62", "real63", "real64", "real65", "real66", "real67", "real68", "real69", "real70", "real71", "real72", "real73", "real74", "real75", "real76", "real77", "real78", "real79", "real80", "real81", "real82", "real83", "real84", "real85", "real86", "real87", "real88", "real89", "real90", "real91", "real92")}
each_set = pytest.mark.parametrize("real_set", list(SETS.values()), ids=list(SETS))
# the sets built since real3: pinned sources, and every annotation read three times
READ_THREE_TIMES = ("real3", "real4", "real5", "real6", "real7", "real8", "real9",
                    "real10", "real11", "real12", "real13", "real14", "real15", "real16",
                    "real17", "real18", "real19", "real20", "real21", "real22", "real23", "real24",
                    "real25", "real26", "real27", "real28", "real29", "real30",
                    "real31", "real32", "real33", "real34", "real35", "real36", "real37", "real38", "real39", "real40",
                    "real41", "real42", "real43", "real44", "real45", "real46", "real47", "real48", "real49", "real50",
                    "real51", "real52", "real53", "real54", "real55", "real56", "real57", "real58", "real59", "real60",
                    "real61", "real62", "real63", "real64", "real65", "real66", "real67", "real68", "real69", "real70", "real71", "real72", "real73", "real74", "real75", "real76", "real77", "real78", "real79", "real80", "real81", "real82", "real83", "real84", "real85", "real86", "real87", "real88", "real89", "real90", "real91", "real92")
each_recent_set = pytest.mark.parametrize("real_set", [SETS[n] for n in READ_THREE_TIMES],
                                          ids=READ_THREE_TIMES)
# sets annotated and read twice by their annotator, their independent third read still to come
AWAITING_THIRD_READ: tuple[str, ...] = ()


@each_set
def test_the_split_is_the_one_fixed_before_anyone_annotated_or_ran_the_extractor(real_set):
    """The split follows the recorded rule; moving an article between halves fails here."""
    real_set.assert_split_follows_the_rule()


@each_set
def test_texts_present_match_their_hashes(real_set):
    real_set.present_matching_their_hashes()


@each_set
def test_the_evaluator_loads_each_split_without_scoring(real_set):
    """A dry run: the manifest loads as a corpus with the right halves; nothing is extracted."""
    real_set.assert_evaluator_loads_each_split()


@each_set
def test_absent_texts_are_skipped_with_a_note(real_set, tmp_path):
    real_set.assert_absent_texts_are_skipped(tmp_path)


@each_set
def test_a_text_that_does_not_match_its_hash_is_not_loaded(real_set, tmp_path):
    name, corpus = real_set.corpus_with_an_edited_text(tmp_path)
    assert f"{name}: text does not match its sha256; skipped" in corpus.notes


@each_recent_set
def test_every_article_records_a_pinned_source_and_no_text_is_committed(real_set):
    real_set.assert_provenance_pinned(fetch_real_texts.EXTRACTORS)


@each_recent_set
def test_every_article_is_annotated_read_three_times_and_its_claims_are_in_it(real_set):
    real_set.assert_annotated_and_read_three_times()


@pytest.mark.parametrize("name", AWAITING_THIRD_READ)
def test_a_set_awaiting_its_third_read_is_pinned_annotated_and_read_twice(name):
    real_set = SETS[name]
    real_set.assert_provenance_pinned(fetch_real_texts.EXTRACTORS)
    real_set.assert_annotated_and_read_three_times(independent=False)


@each_set
def test_the_fetch_script_rebuilds_the_set(real_set):
    name = real_set.dir.name
    assert name in fetch_real_texts.SETS
    assert fetch_real_texts.load_manifest(name)["articles"] == real_set.articles


# the sets whose items were taken from digest pages (several items to a page)
DIGEST_SETS = ("real7", "real8", "real14", "real15")


@pytest.mark.parametrize("name", DIGEST_SETS)
def test_digest_items_take_their_own_paragraphs_and_say_what_was_dropped(name):
    real_set = SETS[name]
    real_set.assert_no_two_articles_share_paragraphs()
    for a in real_set.articles:
        assert a["dropped"] and a["via"], a["name"]
        assert a["reference_date"] is None or len(a["reference_date"]) == 10, a["name"]


@pytest.mark.parametrize("name", DIGEST_SETS)
def test_a_digest_set_holds_items_about_no_event_and_says_so(name):
    real_set = SETS[name]
    no_events_listed = [n for n, a in real_set.annotations().items() if not a["events"]]
    assert len(no_events_listed) >= 2
    assert set(no_events_listed) <= set(real_set.articles_about_no_event())


# the sets taken from feed files, several items to a file: each article is its own item
FEED_ITEM_SETS = ("real9", "real10", "real12", "real13", "real16", "real18", "real20",
                  "real22", "real24", "real26", "real28",
                  "real30",
                  "real32", "real33", "real34", "real35", "real36", "real38", "real40", "real42", "real44", "real46", "real48", "real50", "real52", "real54", "real56", "real58", "real60", "real62")
# the sets that record, per article, what was dropped, which feed or digest carried it and when
DATED_ITEM_SETS = FEED_ITEM_SETS + ("real14", "real15", "real17", "real19", "real21", "real23",
                                     "real25", "real27", "real29",
                                     "real31", "real37", "real39", "real41", "real43", "real45", "real47", "real49", "real51", "real53", "real55", "real57", "real59", "real61", "real63", "real64", "real65", "real66", "real67", "real68", "real69", "real70", "real71", "real72", "real73", "real74", "real75", "real76", "real77", "real78", "real79", "real80", "real81", "real82", "real83", "real84", "real85", "real86", "real87", "real88", "real89", "real90", "real91", "real92")
# how many articles about no event each set holds at least
ABOUT_NO_EVENT = {"real9": 2, "real10": 2, "real11": 2, "real12": 3, "real13": 3, "real14": 3,
                  "real15": 3, "real16": 3, "real17": 3, "real18": 3,
                  "real19": 3, "real20": 3, "real21": 3, "real22": 3,
                  "real23": 3, "real24": 3, "real25": 3, "real26": 3, "real27": 3, "real28": 3,
                  "real29": 3, "real30": 3,
                  "real31": 3, "real32": 3, "real33": 3, "real34": 3, "real35": 3, "real36": 3, "real37": 3, "real38": 3, "real39": 3, "real40": 3, "real41": 3, "real42": 3, "real43": 3, "real44": 3, "real45": 3, "real46": 3, "real47": 3, "real48": 3, "real49": 3, "real50": 3, "real51": 3, "real52": 3, "real53": 3, "real54": 3, "real56": 3, "real57": 3, "real58": 3, "real59": 3, "real60": 3, "real61": 3, "real62": 3, "real63": 3, "real64": 3, "real65": 3, "real66": 3, "real67": 3, "real68": 5, "real69": 5, "real70": 3, "real71": 4, "real72": 4, "real73": 4, "real74": 3, "real75": 4, "real76": 4, "real77": 4, "real78": 4, "real79": 4, "real80": 4, "real81": 3, "real82": 3, "real83": 3, "real84": 3, "real85": 3, "real86": 3, "real87": 3, "real88": 3, "real89": 3, "real90": 3, "real91": 3, "real92": 3}


@pytest.mark.parametrize("name", FEED_ITEM_SETS)
def test_no_two_articles_share_a_feed_item(name):
    """Several items come from one feed file: each is its own item, with its own link."""
    SETS[name].assert_one_feed_item_each()


@pytest.mark.parametrize("name", DATED_ITEM_SETS)
def test_every_article_says_what_was_dropped_which_feed_carried_it_and_when(name):
    SETS[name].assert_feed_items_dated()


@pytest.mark.parametrize("name, at_least", ABOUT_NO_EVENT.items())
def test_articles_about_no_event_say_so(name, at_least):
    """An article about no event claims `"event": null` (the events it mentions may still be
    listed); an article with no events listed at all must say which it is."""
    SETS[name].assert_articles_about_no_event(at_least=at_least)
