"""The second real-text set (fixtures/real2/): provenance, a split fixed once, texts that
match their hashes, annotations whose claims are in their articles, and a manifest the
evaluator loads. Nothing here runs the extractor on these articles: scoring them is the
lead's call (`python -m service.evaluate fixtures/real2 --split ...`), and nobody looks at
the service's output on the test half."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from service import evaluate

ROOT = Path(__file__).resolve().parents[1]
REAL2 = ROOT / "fixtures" / "real2"
MANIFEST = json.loads((REAL2 / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = MANIFEST["articles"]
BY_NAME = {a["name"]: a for a in ARTICLES}
SPLIT_SALT = "zh-news-extract real split v2:"
FIRST_SET = json.loads((ROOT / "fixtures" / "real" / "manifest.json").read_text(encoding="utf-8"))

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402


def _present() -> dict[str, str]:
    texts = {}
    for a in ARTICLES:
        path = evaluate.text_path(REAL2, a)
        if path.exists():
            texts[a["name"]] = path.read_text(encoding="utf-8")
    return texts


def _annotations() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(REAL2.glob("*.json")) if p.name != "manifest.json"}


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
    for a in ARTICLES:
        src = a["source"]
        assert src["repo"] in MANIFEST["sources"], a["name"]
        assert len(src["commit"]) == 40 and src["path"] and src["paragraphs"], a["name"]
        assert src["extractor"] in fetch_real_texts.EXTRACTORS, a["name"]
        assert len(a["sha256"]) == 64 and a["headline"] and a["licence"], a["name"]
        assert a["committed"] is False or (REAL2 / f"{a['name']}.txt").exists(), a["name"]
        assert a["reference_date"] is None or len(a["reference_date"]) == 10, a["name"]


def test_the_split_is_the_one_fixed_before_anyone_ran_the_extractor():
    """The split follows the recorded rule; moving an article between halves fails here."""
    assert SPLIT_SALT in MANIFEST["split_rule"]
    for a in ARTICLES:
        h = int(hashlib.sha256((SPLIT_SALT + a["name"]).encode()).hexdigest()[:8], 16)
        assert a["split"] == ("test" if h % 2 else "dev"), a["name"]
    assert Counter(a["split"] for a in ARTICLES).keys() == {"dev", "test"}


def test_texts_present_match_their_hashes():
    present = _present()
    if not present:
        pytest.skip("no real2 texts here (rebuild them with scripts/fetch_real_texts.py --set real2)")
    for name, text in present.items():
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == BY_NAME[name]["sha256"], name
        assert text.startswith(BY_NAME[name]["headline"] + "\n\n"), name
        assert len(text) == BY_NAME[name]["chars"], name


def _claims(expected: dict) -> list[str]:
    out = []
    for section in ("participants", "organizations", "products"):
        for item in expected.get(section, []):
            out += item.get("aliases", [])
    out += [f["text"] for f in expected.get("quantitative_facts", [])]
    for q in expected.get("quotes", []):
        out += [q["text"]] + ([q["speaker_name"]] if q.get("speaker_name") else [])
    return out


def test_annotations_parse_are_checked_and_their_claims_are_in_their_articles():
    annotations = _annotations()
    assert annotations, "no annotation yet"
    present = _present()
    for name, expected in annotations.items():
        assert name in BY_NAME, f"{name}.json annotates no article of the manifest"
        assert expected["document"]["script"] == BY_NAME[name]["script"], name
        assert set(expected) - {"_checked", "_second_read", "_notes", "_reference_date"} <= {
            "document", "event", *evaluate.SECTIONS}, name
        assert expected.get("_checked") and "_second_read" in expected, name
        assert expected.get("_reference_date") or BY_NAME[name]["reference_date"], name
        for section in ("participants", "organizations", "products"):
            for item in expected.get(section, []):
                assert item.get("aliases"), f"{name}: {item.get('name')} lists no surface form"
        if name not in present:
            continue
        text = present[name]
        for claim in _claims(expected):
            assert claim in text, f"{name}: {claim!r} is not in the article"


def test_the_evaluator_loads_each_split_without_scoring(tmp_path):
    """A dry run: the manifest loads as a corpus with the right halves; nothing is extracted."""
    corpus = evaluate.load_manifest_corpus(REAL2)
    present, annotations = _present(), _annotations()
    for split in ("dev", "test"):
        names = {n for n, _, _ in corpus.items[split]}
        assert names == {n for n in annotations if n in present and BY_NAME[n]["split"] == split}
    assert len(corpus.notes) == len(ARTICLES) - sum(len(v) for v in corpus.items.values())


def test_absent_texts_are_skipped_with_a_note(tmp_path):
    shutil.copy(REAL2 / "manifest.json", tmp_path / "manifest.json")
    for p in REAL2.glob("*.json"):
        shutil.copy(p, tmp_path / p.name)
    corpus = evaluate.load_manifest_corpus(tmp_path)
    assert not any(corpus.items.values())
    assert sum("text absent" in n for n in corpus.notes) == len(ARTICLES)


def test_a_text_that_does_not_match_its_hash_is_not_loaded(tmp_path):
    shutil.copy(REAL2 / "manifest.json", tmp_path / "manifest.json")
    name = ARTICLES[0]["name"]
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / f"{name}.txt").write_text("edited\n", encoding="utf-8")
    corpus = evaluate.load_manifest_corpus(tmp_path)
    assert f"{name}: text does not match its sha256; skipped" in corpus.notes


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
