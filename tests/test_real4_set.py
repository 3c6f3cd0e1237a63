"""The fourth real-text set (fixtures/real4/, Traditional Hong Kong and Macau news):
provenance, a split fixed once, texts that match their hashes, annotations whose claims
are in their articles, and a manifest the evaluator loads. Nothing here runs the
extractor on these articles: the whole set is held out and scoring it is the lead's call
(`python -m service.evaluate fixtures/real4 --split ...`)."""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path


from tests.real_sets import RealSet

ROOT = Path(__file__).resolve().parents[1]
SET = RealSet("real4")
REAL4, MANIFEST, ARTICLES, BY_NAME = SET.dir, SET.manifest, SET.articles, SET.by_name
EARLIER_SETS = [json.loads((ROOT / "fixtures" / s / "manifest.json").read_text(encoding="utf-8"))
                for s in ("real", "real2")]

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402


def test_the_set_is_new_and_mainly_traditional():
    assert len(ARTICLES) >= 10 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 2
    assert Counter(a["script"] for a in ARTICLES)["traditional"] > len(ARTICLES) // 2
    earlier = [a for s in EARLIER_SETS for a in s["articles"]]
    names = {a["name"] for a in earlier}
    headlines = {a["headline"] for a in earlier}
    places = {(a["source"]["repo"], a["source"]["path"], tuple(a["source"]["paragraphs"])) for a in earlier}
    for a in ARTICLES:
        assert a["name"] not in names and a["headline"] not in headlines, a["name"]
        assert (a["source"]["repo"], a["source"]["path"], tuple(a["source"]["paragraphs"])) not in places


def test_every_article_is_dated():
    """Beside the pinned sources every recent set records (tests/test_real_sets_shared.py)."""
    for a in ARTICLES:
        assert len(a["reference_date"]) == 10, a["name"]


def test_feed_cdata_paragraphs_unwrap_each_entry():
    feed = ("<feed><entry><title>題一</title><content><![CDATA[<p>(電台消息) 甲。</p>\n\n<p>乙<br />丙</p>]]>"
            "</content></entry><entry><title>題二</title><content><![CDATA[<p>丁</p>]]></content></entry></feed>")
    assert fetch_real_texts.feed_cdata_paragraphs(feed) == ["(電台消息) 甲。", "乙\n丙", "丁"]
    assert fetch_real_texts.build_text(feed, "題一", [0, 1], "feed-cdata-paragraphs") == \
        "題一\n\n(電台消息) 甲。\n\n乙\n丙\n"


def test_the_fetch_script_rebuilds_a_real4_text_from_a_clone(tmp_path, monkeypatch):
    """--set real4 reads the real4 manifest, extracts from a working tree and checks the hash."""
    root = tmp_path / "root"
    (root / "fixtures" / "real4").mkdir(parents=True)
    clone = tmp_path / "clone"
    clone.mkdir()
    (clone / "a.md").write_text('title: "題"\ndate: "2021-01-01"\n\n# 題\n\n<figure>\n<img src="x">\n'
                                "</figure>\n\n第一段\n", encoding="utf-8")
    text = "題\n\n第一段\n"
    manifest = {"articles": [{
        "name": "x", "committed": False, "headline": "題",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "source": {"repo": "o/r", "commit": "0" * 40, "path": "a.md",
                   "extractor": "markdown-paragraphs", "paragraphs": [3]}}]}
    (root / "fixtures" / "real4" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(fetch_real_texts, "ROOT", root)
    assert fetch_real_texts.main(["--set", "real4", "--source", f"o/r={clone}"]) == 0
    assert (root / "fixtures" / "real4" / "texts" / "x.txt").read_text(encoding="utf-8") == text
    assert fetch_real_texts.main(["--set", "real4", "--check"]) == 0


def test_markdown_text_paragraphs_keep_a_links_text_only():
    post = "甲 [2日更稱，「乙」](https://x/a_(b)) ，丙\n\n![](https://i/p.jpg)\n\n[丁](u)說"
    assert fetch_real_texts.markdown_text_paragraphs(post) == ["甲 2日更稱，「乙」 ，丙", "丁說"]


def test_markdown_unwrapped_paragraphs_join_html2text_wraps_with_a_space():
    page = "# 小米14\nUltra发布\n\n腾讯科技讯\n小米14\nUltra采用了\n\n![](https://i/p.jpg)\n\n末段"
    assert fetch_real_texts.markdown_unwrapped_paragraphs(page) == [
        "小米14 Ultra发布", "腾讯科技讯 小米14 Ultra采用了", "末段"]
