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


# An event's name leaves out a day told as its deed's adverb (events._dayless): name -> name.
# Invented names, both scripts; the day stays where it opens or bounds a span, counts, qualifies
# a noun, follows a plan, or opens the name.
DAY_CASES = [
    ("雲岫市交通局8日公布新版公車路線圖", "雲岫市交通局公布新版公車路線圖"),
    ("云岫市交通局8日公布新版公交线路图", "云岫市交通局公布新版公交线路图"),
    ("星河物流今天與雲帆航運簽署合作備忘錄", "星河物流與雲帆航運簽署合作備忘錄"),
    ("星河物流昨日与云帆航运签署合作备忘录", "星河物流与云帆航运签署合作备忘录"),
    ("雲岫議會週四（14日）表決通過預算案", "雲岫議會表決通過預算案"),
    ("云岫议会周四（3月14日）表决通过预算案", "云岫议会表决通过预算案"),
    ("星河電子於11月2日凌晨在官網發表公開信", "星河電子在官網發表公開信"),
    ("星河电子当地时间11月2日宣布裁减门店", "星河电子宣布裁减门店"),
    ("星河汽車今天（週一）宣布召回一款轎車", "星河汽車宣布召回一款轎車"),
    # negative: a span opened or bounded by the day, a plan's day, a counted day, a noun's day
    ("雲岫市政府宣布自5日起調漲停車費", "雲岫市政府宣布自5日起調漲停車費"),
    ("云岫市政府宣布5日起上调停车费", "云岫市政府宣布5日起上调停车费"),
    ("星河物流將於9月1日啟用新倉庫", "星河物流將於9月1日啟用新倉庫"),
    ("星河物流将会于9月1日启用新仓库", "星河物流将会于9月1日启用新仓库"),
    ("雲岫纜車案第12日審訊", "雲岫纜車案第12日審訊"),
    ("星河电子今天的发布会", "星河电子今天的发布会"),
    ("6月2日云岫开发者大会", "6月2日云岫开发者大会"),
    ("星河物流投資者日", "星河物流投資者日"),
    ("星河物流成立于2016年5月5日", "星河物流成立于2016年5月5日"),
    # negative: a day before a gathering's noun that ends the name names which gathering
    ("雲岫電子12日春季發表會", "雲岫電子12日春季發表會"),
    ("云岫电子12日春季发布会", "云岫电子12日春季发布会"),
    # negative: a number before 號/号 is a model's, not a day
    ("星河3號衛星發射升空", "星河3號衛星發射升空"),
    ("星河3号卫星发射升空", "星河3号卫星发射升空"),
]


@pytest.mark.parametrize("name,expected", DAY_CASES)
def test_dayless_name(name, expected):
    from service.extractors.events import _dayless
    assert _dayless(name) == expected
