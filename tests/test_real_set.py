"""The real-text set (fixtures/real/): provenance, a split fixed once, texts that
match their hashes, annotations whose claims are in their articles, and an
evaluator that scores each split and skips what is absent. No accuracy floors yet."""
from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from service import evaluate
from tests.real_sets import RealSet

ROOT = Path(__file__).resolve().parents[1]
SET = RealSet("real")
REAL, MANIFEST, ARTICLES, BY_NAME = SET.dir, SET.manifest, SET.articles, SET.by_name

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402


def test_the_set_is_large_varied_and_in_both_scripts():
    assert len(ARTICLES) >= 30 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 6
    scripts = Counter(a["script"] for a in ARTICLES)
    assert scripts["traditional"] >= 10 and scripts["simplified"] >= 8
    for split in ("dev", "test"):
        assert {a["script"] for a in ARTICLES if a["split"] == split} == {"traditional", "simplified"}


def test_every_article_records_where_it_came_from():
    for a in ARTICLES:
        src = a["source"]
        assert src["repo"] in MANIFEST["sources"], a["name"]
        assert len(src["commit"]) == 40 and src["path"] and src["paragraphs"], a["name"]
        assert len(a["sha256"]) == 64 and a["headline"] and a["licence"], a["name"]
        assert a["committed"] is False or (REAL / f"{a['name']}.txt").exists(), a["name"]


def test_the_split_is_the_one_fixed_before_tuning():
    """The split follows the recorded rule; moving an article between halves fails here."""
    SET.assert_split_follows_the_rule()


def test_texts_present_match_their_hashes():
    present = SET.present()
    if not present:
        pytest.skip("no real texts here (rebuild them with scripts/fetch_real_texts.py)")
    for name, text in present.items():
        SET.assert_text_matches(name, text)


def test_annotations_parse_and_their_claims_are_in_their_articles():
    annotations = SET.annotations()
    assert annotations, "the worked example is missing"
    present = SET.present()
    for name, expected in annotations.items():
        SET.assert_annotation_holds(name, expected, present.get(name))


def test_the_evaluator_scores_each_split_of_what_is_annotated():
    present, annotations = SET.present(), SET.annotations()
    scored = [n for n in annotations if n in present]
    if not scored:
        pytest.skip("no annotated real text present")
    report = evaluate.evaluate_splits(REAL)
    assert set(report["splits"]) == {"dev", "test"}
    for split, part in report["splits"].items():
        assert part["articles"] == sum(BY_NAME[n]["split"] == split for n in scored)
        assert set(part["sections"]) == set(evaluate.SECTIONS)
    assert len(report["skipped"]) == len(ARTICLES) - len(scored)


def test_absent_texts_are_skipped_with_a_note(tmp_path, capsys):
    shutil.copy(REAL / "manifest.json", tmp_path / "manifest.json")
    for p in REAL.glob("*.json"):
        shutil.copy(p, tmp_path / p.name)
    assert evaluate.main([str(tmp_path), "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "== test split ==" in out and "== dev split ==" not in out and "articles: 0" in out
    assert out.count("text absent") == len(ARTICLES)


def test_a_text_that_does_not_match_its_hash_is_not_scored(tmp_path):
    name, corpus = SET.corpus_with_an_edited_text(tmp_path)
    assert f"{name}: text does not match its sha256; skipped" in corpus.notes
    assert not any(corpus.items.values())


def test_page_paragraphs_fold_markup_whitespace_and_keep_breaks():
    page = ("<html><script>var p='<p>no</p>';</script><p>IC\n設計  公司<br>第二行</p>"
            "<p></p><p>聯發科（MediaTek）<b>宣布</b></p><p>未閉合<p>下一段</p>")
    assert fetch_real_texts.paragraphs(page) == ["IC 設計 公司\n第二行", "", "聯發科（MediaTek）宣布",
                                                "未閉合", "下一段"]
    text = fetch_real_texts.build_text(page, "標題", [0, 2])
    assert text == "標題\n\nIC 設計 公司\n第二行\n\n聯發科（MediaTek）宣布\n"


def test_hexo_blocks_take_text_outside_paragraphs_and_drop_front_matter():
    post = ("\n---\ntitle: '标题'\ndate: x\n---\n\n<div>   \n导语<strong>加粗</strong>，骁龙8\nGen1<br>\n"
            " <p><a href='u'><img src='i'></a></p><p>正文 <a>4K</a> 视频</p>"
            "<div class='r'><p>相关文章:</p></div>   \n</div>\n　 ")
    assert fetch_real_texts.hexo_blocks(post) == ["导语加粗，骁龙8 Gen1", "正文 4K 视频", "相关文章:"]
