"""The eleventh real-text set (fixtures/real11/, held out): Simplified full articles by
five outlets, provenance, a split fixed once by name, texts that match their hashes,
annotations whose claims are in their articles, and a manifest the evaluator loads.
Nothing here runs the extractor on these articles: scoring them is the lead's call
(`python -m service.evaluate fixtures/real11 --split ...`)."""
from __future__ import annotations

import sys

from tests.real_sets import ROOT, RealSet

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402

SET = RealSet("real11")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name


def test_the_set_is_new_varied_and_simplified():
    assert len(ARTICLES) >= 12 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 5
    assert len({a["topic"] for a in ARTICLES}) >= 5
    assert {a["script"] for a in ARTICLES} == {"simplified"}
    SET.assert_new()


def test_full_articles_not_digest_items():
    """Each text is one whole article (title and body), most of them 600 characters or more."""
    assert all(a["chars"] >= 450 for a in ARTICLES)
    assert sum(a["chars"] >= 600 for a in ARTICLES) >= 10
    SET.assert_no_two_articles_share_paragraphs(per_commit=True)


def test_feed_item_blocks_end_an_items_text_at_its_own_fields():
    """An item whose last paragraph is bare text (after a <br>) does not run into the next
    item's link, date and title, as it does under feed-cdata-blocks."""
    feed = ("<rss><channel><item><title>甲公司發布新品</title><description><![CDATA["
            "<p>Photo : 乙社</p><br>甲公司今日宣布新品。<br>售價一千元。]]></description>"
            "<link>http://example.invalid/1</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
            "</item><item><title>丙公司财报</title><description><![CDATA[丙公司营收增长。]]>"
            "</description></item></channel></rss>")
    assert fetch_real_texts.feed_cdata_blocks(feed)[-1].startswith("售價一千元。http://example.invalid/1")
    blocks = fetch_real_texts.feed_item_blocks(feed)
    assert blocks == ["甲公司發布新品", "Photo : 乙社", "甲公司今日宣布新品。", "售價一千元。",
                      "http://example.invalid/1", "Mon, 01 Jan 2024 00:00:00 GMT",
                      "丙公司财报", "丙公司营收增长。"]
    assert fetch_real_texts.build_text(feed, "甲公司發布新品", [2, 3], "feed-item-blocks") == \
        "甲公司發布新品\n\n甲公司今日宣布新品。\n\n售價一千元。\n"
