"""The second real-text set (fixtures/real2/): provenance, a split fixed once, texts that
match their hashes, annotations whose claims are in their articles, and a manifest the
evaluator loads. Nothing here runs the extractor on these articles: scoring them is the
lead's call (`python -m service.evaluate fixtures/real2 --split ...`), and nobody looks at
the service's output on the test half."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


from tests.real_sets import RealSet

ROOT = Path(__file__).resolve().parents[1]
SET = RealSet("real2")
REAL2, MANIFEST, ARTICLES, BY_NAME = SET.dir, SET.manifest, SET.articles, SET.by_name
FIRST_SET = json.loads((ROOT / "fixtures" / "real" / "manifest.json").read_text(encoding="utf-8"))

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402


def test_the_set_is_new_varied_and_in_both_scripts():
    assert len(ARTICLES) >= 30 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 6
    assert {a["script"] for a in ARTICLES} == {"traditional", "simplified"}
    first = {a["name"] for a in FIRST_SET["articles"]}
    first_sources = {(a["source"]["repo"], a["source"]["path"]) for a in FIRST_SET["articles"]}
    for a in ARTICLES:
        assert a["name"] not in first, a["name"]
        assert (a["source"]["repo"], a["source"]["path"]) not in first_sources or \
            a["source"]["paragraphs"] != next(b["source"]["paragraphs"] for b in FIRST_SET["articles"]
                                              if (b["source"]["repo"], b["source"]["path"]) ==
                                              (a["source"]["repo"], a["source"]["path"])), a["name"]


def test_every_article_records_where_it_came_from():
    SET.assert_sources_recorded(fetch_real_texts.EXTRACTORS)
    for a in ARTICLES:
        assert a["committed"] is False or (REAL2 / f"{a['name']}.txt").exists(), a["name"]
        assert a["reference_date"] is None or len(a["reference_date"]) == 10, a["name"]






def test_annotations_parse_are_checked_and_their_claims_are_in_their_articles():
    annotations = SET.annotations()
    assert annotations, "no annotation yet"
    present = SET.present()
    for name, expected in annotations.items():
        SET.assert_annotation_holds(name, expected, present.get(name))
        assert expected.get("_checked") and "_second_read" in expected, name
        assert expected.get("_reference_date") or BY_NAME[name]["reference_date"], name








def test_markdown_paragraphs_drop_images_markers_and_emphasis():
    post = ("标题\n=====\n\n[mp.weixin.qq.com](https://x)来源\n\n"
            "![](https://c/filters:no_upscale()?u=1)\n\n### **新智元报道**\n\n"
            "正文**加粗**，见 ![](i) 图。\n第二行\n\n> 引文\n>\n> 续\n\n  \n")
    assert fetch_real_texts.markdown_paragraphs(post) == [
        "标题", "[mp.weixin.qq.com](https://x)来源", "新智元报道",
        "正文加粗，见  图。\n第二行", "引文\n续"]
    text = fetch_real_texts.build_text(post, "标题", [2, 3], "markdown-paragraphs")
    assert text == "标题\n\n新智元报道\n\n正文加粗，见  图。\n第二行\n"


def test_html_blocks_take_a_lead_outside_paragraphs():
    page = "<html><title>t</title><blockquote><div>【記者】導言</div></blockquote><p>正文</p></html>"
    assert fetch_real_texts.html_blocks(page) == ["t", "【記者】導言", "正文"]


def test_the_fetch_script_rebuilds_a_text_from_a_clone(tmp_path, monkeypatch):
    """--set real2 reads the real2 manifest, extracts from a working tree and checks the hash."""
    root = tmp_path / "root"
    (root / "fixtures" / "real2").mkdir(parents=True)
    clone = tmp_path / "clone"
    clone.mkdir()
    (clone / "a.md").write_text("题\n\n![](x)\n\n第一段\n\n第二段\n", encoding="utf-8")
    text = "题\n\n第二段\n"
    manifest = {"articles": [{
        "name": "x", "committed": False, "headline": "题",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "source": {"repo": "o/r", "commit": "0" * 40, "path": "a.md",
                   "extractor": "markdown-paragraphs", "paragraphs": [2]}}]}
    (root / "fixtures" / "real2" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(fetch_real_texts, "ROOT", root)
    assert fetch_real_texts.main(["--set", "real2", "--source", f"o/r={clone}"]) == 0
    assert (root / "fixtures" / "real2" / "texts" / "x.txt").read_text(encoding="utf-8") == text
    assert fetch_real_texts.main(["--set", "real2", "--check"]) == 0
