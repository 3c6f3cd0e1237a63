"""The sixth real-text set (fixtures/real6/, Traditional Chinese news from Hong Kong, Macau
and Taiwan): provenance, a split fixed once, annotations whose claims are in their
articles, and a set new against every earlier one. The checks every set shares (split
rule, hashes, the evaluator's dry run, absent and edited texts) are in
tests/test_real_sets_shared.py. Nothing here runs the extractor on these articles: the
whole set is held out and scoring it is the lead's call
(`python -m service.evaluate fixtures/real6 --split ...`)."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tests.real_sets import RealSet

ROOT = Path(__file__).resolve().parents[1]
SET = RealSet("real6")
MANIFEST, ARTICLES, BY_NAME = SET.manifest, SET.articles, SET.by_name

sys.path.insert(0, str(ROOT / "scripts"))
import fetch_real_texts  # noqa: E402


def test_the_set_is_traditional_from_several_outlets():
    assert len(ARTICLES) == 15 and len(BY_NAME) == len(ARTICLES)
    assert len({a["outlet"] for a in ARTICLES}) >= 4
    assert {a["script"] for a in ARTICLES} == {"traditional"}
    assert sum("眾新聞" in a["outlet"] for a in ARTICLES) <= 3


def test_no_article_is_in_another_set():
    """Not the same name, headline, url, or source file and paragraphs (at that commit) as
    any article of another set (real, real2, real3, real4 …); and no saved page or archived
    article file that another set already took an article from."""
    earlier = SET.other_sets_articles()
    names = {a["name"] for a in earlier}
    headlines = {a["headline"] for a in earlier}
    urls = {a.get("url") for a in earlier} - {None}
    places = {(a["source"]["repo"], a["source"]["commit"], a["source"]["path"], tuple(a["source"]["paragraphs"]))
              for a in earlier}   # a feed file holds other items at other commits
    files = {(a["source"]["repo"], a["source"]["path"]) for a in earlier
             if a["source"]["path"].startswith(("articles/", "test/"))}   # one article per file there
    for a in ARTICLES:
        src = a["source"]
        assert a["name"] not in names and a["headline"] not in headlines, a["name"]
        assert a["url"] not in urls, a["name"]
        assert (src["repo"], src["commit"], src["path"], tuple(src["paragraphs"])) not in places, a["name"]
        assert (src["repo"], src["path"]) not in files, a["name"]


def test_every_article_says_when_it_appeared_and_how_that_is_known():
    """Beside the pinned sources every recent set records (tests/test_real_sets_shared.py)."""
    for a in ARTICLES:
        assert len(a["reference_date"]) == 10 and a["reference_date_source"], a["name"]


def test_both_halves_are_there():
    assert Counter(a["split"] for a in ARTICLES) == Counter(dev=5, test=10)


def test_each_claimed_fact_occurs_as_often_as_it_is_claimed():
    """A fact claimed twice (a headline and the body) is written twice in the text."""
    present = SET.present()
    for name, expected in SET.annotations().items():
        if name not in present:
            continue
        claimed = Counter(f["text"] for f in expected.get("quantitative_facts", []))
        for text, n in claimed.items():
            assert present[name].count(text) >= n, f"{name}: {text!r} claimed {n} times"


def test_the_fetch_script_rebuilds_a_real6_text_from_html_blocks(tmp_path, monkeypatch):
    """--set real6 reads the real6 manifest, extracts html-blocks from a working tree and
    checks the hash."""
    root = tmp_path / "root"
    (root / "fixtures" / "real6").mkdir(parents=True)
    clone = tmp_path / "clone"
    clone.mkdir()
    (clone / "a.js").write_text("export const t = `<div>前言：</div><div>第一段</div><p>第二段</p>`",
                                encoding="utf-8")
    text = "題\n\n第一段\n\n第二段\n"
    manifest = {"articles": [{
        "name": "x", "committed": False, "headline": "題",
        "sha256": fetch_real_texts.sha256(text),
        "source": {"repo": "o/r", "commit": "0" * 40, "path": "a.js",
                   "extractor": "html-blocks", "paragraphs": [2, 3]}}]}
    (root / "fixtures" / "real6" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(fetch_real_texts, "ROOT", root)
    assert fetch_real_texts.main(["--set", "real6", "--source", f"o/r={clone}"]) == 0
    assert (root / "fixtures" / "real6" / "texts" / "x.txt").read_text(encoding="utf-8") == text
    assert fetch_real_texts.main(["--set", "real6", "--check"]) == 0
