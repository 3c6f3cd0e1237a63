"""Runs the hand-written product cases (tests/extractors/cases/products.yaml and
product_names.yaml)
through the whole pipeline: the exact set of products per case, and every
field a case gives.

A case may carry `known_gap: <reason>`: it then runs as a strict xfail (tests/cases.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from service.nlp.text import tables
from service.pipeline import get_pipeline
from tests.cases import case_params

CASES_DIR = Path(__file__).parent / "cases"
CASES_FILE = CASES_DIR / "products.yaml"
# The product-name grammar's table (brand/series + code + suffixes, short forms, quoted names).
NAME_CASES_FILE = CASES_DIR / "product_names.yaml"
FIELDS = ("name", "vendor", "category", "description")


def _params():
    return case_params(CASES_FILE) + case_params(NAME_CASES_FILE, id_prefix="names-")


def _key(s: str) -> str:
    return tables().key(s).strip()


def _org_id(result: dict, name: str) -> str | None:
    """The organisation a name denotes; a generic suffix (集團) may be kept or dropped."""
    want = _key(name)
    for org in result["organizations"]:
        forms = [_key(org["name"])] + [_key(a) for a in org["aliases"]]
        if any(f.startswith(want) or want.startswith(f) for f in forms):
            return org["id"]
    return None


@pytest.mark.parametrize("case", _params())
def test_products(case, assert_valid_result):
    result = get_pipeline().extract(case["text"])
    assert_valid_result(result, case["text"])
    got = {p["id"]: p for p in result["products"]}
    wanted = case.get("products") or []
    assert sorted(got) == sorted(w["id"] for w in wanted), [f"{p['name']} ({p['id']})" for p in result["products"]]
    for want in wanted:
        product = got[want["id"]]
        for field in FIELDS:
            if field in want:
                assert product[field] == want[field], (want["id"], field, product[field])
        if "vendor_name" in want:
            org = _org_id(result, want["vendor_name"])
            assert org is not None, f"{want['vendor_name']} is not among the organisations"
            assert product["vendor"] == org, (want["id"], product["vendor"], org)
        if "variants" in want:
            assert product["variants"] == want["variants"], want["id"]
        if "context_window" in want:
            window = product["context_window"]
            assert (window and window["tokens"]) == want["context_window"], (want["id"], window)
        if "mentions" in want:
            assert [m["text"] for m in product["mentions"]] == want["mentions"], want["id"]
    for banned in case.get("not_products") or []:
        for product in result["products"]:
            forms = [product["name"]] + [m["text"] for m in product["mentions"]]
            assert _key(banned) not in [_key(f) for f in forms], f"{banned} came out as a product"


def test_products_ordered_by_first_mention():
    result = get_pipeline().extract("Meta發佈了Llama 3.1。OpenAI推出GPT-4o,Llama 3.1仍是開源第一。")
    firsts = [p["mentions"][0]["start"] for p in result["products"]]
    assert firsts == sorted(firsts) and [p["id"] for p in result["products"]] == ["llama-3.1", "gpt-4o"]


def test_confidence_follows_the_evidence():
    """A KB name with its maker beside it is surer than an invented name a verb introduced."""
    result = get_pipeline().extract("Meta發佈了Llama 3.1。新創公司今天發佈了Foo 2.5。")
    conf = {p["id"]: p["confidence"] for p in result["products"]}
    assert conf["llama-3.1"] > conf["foo-2.5"]
    assert 0 < conf["foo-2.5"] < 0.9 <= conf["llama-3.1"] <= 1


def test_same_ids_in_both_scripts():
    trad = get_pipeline().extract("阿里雲發布了通義千問2.5與Qwen2.5-72B。")
    simp = get_pipeline().extract("阿里云发布了通义千问2.5与Qwen2.5-72B。")
    assert [p["id"] for p in trad["products"]] == [p["id"] for p in simp["products"]] == ["qwen-2.5"]


# Invented texts that once stopped the whole extraction in the product stages (found by
# benchmarks/crash_hunt.py): (text, a product that must come out, its mentions).
ONCE_CRASHED = [
    # A code and suffix (XR300 SE) that one product's line already claimed for itself and
    # another's line for itself, so the form stood for neither (None): short_forms then
    # read None's id (AttributeError).
    ("澄石XR300 SE的澄石通訊的澄石XR300 SE澄石XR300 SE", "澄石XR300 SE", ["澄石XR300 SE", "澄石XR300 SE"]),
    ("沐川QZ88 Max的沐川电子的沐川QZ88 Max，沐川QZ88 Max", "沐川QZ88 Max", ["沐川QZ88 Max", "沐川QZ88 Max"]),
]


@pytest.mark.parametrize("text,name,mentions", ONCE_CRASHED)
def test_once_crashed(text, name, mentions, assert_valid_result):
    result = get_pipeline().extract(text)
    assert_valid_result(result, text)
    product = next((p for p in result["products"] if p["name"] == name), None)
    assert product is not None, [p["name"] for p in result["products"]]
    assert [m["text"] for m in product["mentions"]] == mentions
