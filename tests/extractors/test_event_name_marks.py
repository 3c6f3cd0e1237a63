"""An event's name leaves no paired mark open (events._balanced): (text, mention start, name) -> name.

A name cut inside a quote or a gloss ends before the opening mark; one begun just after an
opening title mark takes it back. Invented texts, both scripts, with names that must stay."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.extractors.events import _balanced

CASES = [
    # text, where the name starts in it, the name as read, the name expected
    # (cut inside a quote: the name ends before the quote opens)
    ("雲岫市衛生局今天透過官網發文表示「夏季用電要小心」，呼籲民眾注意。", 0,
     "雲岫市衛生局今天透過官網發文表示「夏季用電要小心", "雲岫市衛生局今天透過官網發文表示"),
    ("云岫市卫生局今天通过官网发文表示“夏季用电要小心”，呼吁民众注意。", 0,
     "云岫市卫生局今天通过官网发文表示“夏季用电要小心", "云岫市卫生局今天通过官网发文表示"),
    # (cut inside a gloss of a sum)
    ("星河物流同意達成一項金額3000萬澳元（約新台幣6億元）的和解。", 0,
     "星河物流同意達成一項金額3000萬澳元（約新台幣6億", "星河物流同意達成一項金額3000萬澳元"),
    ("星河物流同意达成一项金额3000万澳元（约合人民币1.4亿元）的和解。", 0,
     "星河物流同意达成一项金额3000万澳元（约合人民币1.4亿", "星河物流同意达成一项金额3000万澳元"),
    # (begun after the title's opening mark: the mark comes back)
    ("《星海漫遊》開售一個月銷量破百萬", 1, "星海漫遊》開售一個月銷量破百萬", "《星海漫遊》開售一個月銷量破百萬"),
    ("《星海漫游》开售一个月销量破百万", 1, "星海漫游》开售一个月销量破百万", "《星海漫游》开售一个月销量破百万"),
    # negative: balanced names stay as they are
    ("星河科技發布「雲帆」手機", 0, "星河科技發布「雲帆」手機", "星河科技發布「雲帆」手機"),
    ("星河科技发布“云帆”手机", 0, "星河科技发布“云帆”手机", "星河科技发布“云帆”手机"),
    ("云岫（Yunxiu）开发者大会", 0, "云岫（Yunxiu）开发者大会", "云岫（Yunxiu）开发者大会"),
    # negative: a cut that would leave too short a name keeps the name
    ("星河「雲帆計畫」啟動", 0, "星河「雲帆計畫", "星河「雲帆計畫"),
    # negative: an early closer with no opening mark before the mention stays
    ("星海漫游》开售一个月", 0, "星海漫游》开售一个月", "星海漫游》开售一个月"),
]


@pytest.mark.parametrize("text,start,name,expected", CASES)
def test_balanced_name(text, start, name, expected):
    doc = SimpleNamespace(text=text)
    event = SimpleNamespace(name=name, mentions=[(start, start + len(name))])
    assert _balanced(doc, event) == expected
