"""product_maker_words: a maker the knowledge base holds, then one or two capitalised Latin
words, is a product of that maker where the text reads it as a product (a use or launch verb
before it, a category noun after it, a part of it after 的, a list with a product). The product
words are invented (Quillo, Vantor Desk, Brindle); the makers are knowledge-base companies.
Through the whole pipeline."""
from __future__ import annotations

import pytest

from service.pipeline import get_pipeline

CASES = [
    # (text, products expected as (name, vendor), names that must be no product)
    ("苹果今天推出了 Apple Quillo，售价 999 元。", {("Apple Quillo", "apple")}, set()),
    ("蘋果今天發布了 Apple Quillo，售價 999 美元。", {("Apple Quillo", "apple")}, set()),
    ("用户可以下载 Google Brindle 来完成验证。", {("Google Brindle", "google")}, set()),
    ("使用者可以下載 Google Brindle 完成驗證。", {("Google Brindle", "google")}, set()),
    ("微软的 Microsoft Vantor Desk 平台本月改版。", {("Microsoft Vantor Desk", "microsoft")}, set()),
    ("微軟的 Microsoft Vantor Desk 平臺本月改版。", {("Microsoft Vantor Desk", "microsoft")}, set()),
    ("Google Brindle 的新功能本周上线。", {("Google Brindle", "google")}, set()),
    ("Google Brindle是一款身份驗證應用。", {("Google Brindle", "google")}, set()),
    ("Google Brindle 是一款验证工具。", {("Google Brindle", "google")}, set()),
    # A company's unit, a lab, an event's name: words that make an organisation's or event's name.
    ("Google Research 发布了新模型。", set(), {"Google Research"}),
    ("Microsoft Labs 發布了新工具。", set(), {"Microsoft Labs"}),
    ("Apple Foundation 推出了新计划。", set(), {"Apple Foundation"}),
    ("Google Summit 今天开幕。", set(), {"Google Summit"}),
    # No evidence: a company's own words, a place, a cue of the company.
    ("Google Brindle 宣布裁员。", set(), {"Google Brindle"}),
    ("Apple Quillo 执行长表示营收成长。", set(), {"Apple Quillo"}),
    # A code after the words: the name goes on (another reader's), not cut here.
    ("苹果推出了 Apple Quillo 3。", set(), {"Apple Quillo"}),
]


def _products(text: str) -> dict[str, str | None]:
    return {p["name"]: p["vendor"] for p in get_pipeline().extract(text)["products"]}


@pytest.mark.parametrize("text,expected,absent", CASES)
def test_maker_words(text, expected, absent):
    found = _products(text)
    for name, vendor in expected:
        assert name in found, (text, found)
        assert found[name] == vendor, (text, found)
    for name in absent:
        assert name not in found, (text, found)
