"""Checks on service/kb/data/product_grammar.yaml (the DATA, not the rules):
its shape, vendors that resolve to organisations, contract categories, Chinese
words in both scripts, and patterns that compile."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "service" / "kb" / "data"
GRAMMAR = yaml.safe_load((DATA / "product_grammar.yaml").read_text(encoding="utf-8"))
HAN = re.compile(r"[\u3400-\u9fff]")
CATEGORIES = {"model", "service", "platform", "hardware", "software", "app", "initiative", "other"}
CODE_KINDS = {"any", "letter", "none", "lens", "version"}


def _org_ids() -> set[str]:
    """The curated organisations and the generated ones (scripts/build_kb.py): both are the KB's."""
    ids = {o["id"] for o in yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8"))}
    generated = DATA / "generated" / "organizations.tsv"
    if generated.exists():
        ids |= {line.split("\t", 1)[0] for line in generated.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")}
    return ids


def test_header_says_curated():
    head = (DATA / "product_grammar.yaml").read_text(encoding="utf-8")[:1200]
    assert "source: curated" in head and "reviewer:" in head


def test_vendors_are_organisations():
    """Every vendor is an organisation of the knowledge base (curated or generated)."""
    orgs = _org_ids()
    for row in GRAMMAR["brands"] + GRAMMAR["series"]:
        # A maker the knowledge base lacks is left out: the organisation beside the name is its vendor.
        assert row.get("vendor", "") is not None, row
        assert "vendor" not in row or row["vendor"] in orgs, \
            f"{row['name']}: vendor {row['vendor']} is not in organizations.yaml"


def test_shapes():
    for brand in GRAMMAR["brands"]:
        assert set(brand) <= {"vendor", "name", "words", "numbered", "in_name", "category", "letter_codes"}, brand
        assert brand["words"] and brand["name"].isascii(), brand
    for series in GRAMMAR["series"]:
        assert set(series) <= {"vendor", "name", "words", "code", "needs_brand", "bare", "category", "chip", "any_maker", "car"}, series
        assert series.get("code", "any") in CODE_KINDS, series
        assert series["name"].isascii(), f"{series['name']}: ids are built from the name"
        assert series.get("category", "hardware") in CATEGORIES, series
    assert set(GRAMMAR["category_nouns"]) <= CATEGORIES


def test_words_name_one_thing():
    """A brand or series word names one brand or series (the first would win silently)."""
    seen: dict[str, str] = {}
    for row in GRAMMAR["brands"] + GRAMMAR["series"]:
        for word in row["words"]:
            k = word.lower()
            assert seen.get(k, row["name"]) == row["name"], f"{word}: {seen[k]} and {row['name']}"
            seen[k] = row["name"]


def test_not_codes_compile():
    for pattern in GRAMMAR["not_codes"]:
        re.compile(pattern)


def test_chinese_words_in_both_scripts():
    opencc = pytest.importorskip("opencc")
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    groups = [row["words"] for row in GRAMMAR["brands"] + GRAMMAR["series"]]
    groups += [GRAMMAR["suffixes"]] + list(GRAMMAR["category_nouns"].values())
    gaps = []
    for words in groups:
        present = set(map(str, words))
        for w in present:
            if not HAN.search(w):
                continue
            simp = t2s.convert(w)
            if simp != w and simp not in present:
                gaps.append(f"{w}: {simp} missing")
            trad = s2t.convert(w)
            if simp == w and trad != w and not any(t2s.convert(o) == w and o != w for o in present):
                gaps.append(f"{w}: {trad} missing")
    assert not gaps, gaps
