"""Date and time expressions: (text, reference date, year hint) -> (date, time, offset)."""
from __future__ import annotations

import datetime as dt

import pytest

from service.pipeline import get_pipeline
from service.timex.model import event_date

REF = dt.date(2024, 5, 16)  # a Thursday

CASES = [
    # text, reference_date, year hint, expected (date, time, utc_offset), expected surface
    ("台北時間2024年7月30日早上6點", None, None, ("2024-07-30", "06:00", "+08:00"), "台北時間2024年7月30日早上6點"),
    ("北京时间2024年7月30日早上6点", None, None, ("2024-07-30", "06:00", "+08:00"), "北京时间2024年7月30日早上6点"),
    ("2024年7月30日", None, None, ("2024-07-30", None, None), "2024年7月30日"),
    ("7月30日", None, 2023, ("2023-07-30", None, None), "7月30日"),
    ("7月30日", None, None, (None, None, None), "7月30日"),
    ("七月初", None, 2024, ("2024-07", None, None), "七月初"),
    ("7月", None, 2025, ("2025-07", None, None), "7月"),
    ("二〇二四年十二月三日", None, None, ("2024-12-03", None, None), "二〇二四年十二月三日"),
    ("2024年6月2日晚上9點半", None, None, ("2024-06-02", "21:30", None), "2024年6月2日晚上9點半"),
    ("2024年6月2日上午10:30", None, None, ("2024-06-02", "10:30", None), "2024年6月2日上午10:30"),
    ("2024年6月2日下午3点", None, None, ("2024-06-02", "15:00", None), "2024年6月2日下午3点"),
    ("2024年6月2日凌晨1点", None, None, ("2024-06-02", "01:00", None), "2024年6月2日凌晨1点"),
    ("2024年6月2日中午12點", None, None, ("2024-06-02", "12:00", None), "2024年6月2日中午12點"),
    # US zones follow daylight saving time on that date
    ("美國東部時間2024年3月12日上午10點", None, None, ("2024-03-12", "10:00", "-04:00"), None),
    ("美国东部时间2024年11月5日上午10点", None, None, ("2024-11-05", "10:00", "-05:00"), None),
    ("太平洋時間2023年11月6日上午10點", None, None, ("2023-11-06", "10:00", "-08:00"), None),
    ("太平洋时间2024年6月10日上午10点", None, None, ("2024-06-10", "10:00", "-07:00"), None),
    ("日本時間2024年1月9日", None, None, ("2024-01-09", None, "+09:00"), None),
    ("UTC 2024年9月1日", None, None, ("2024-09-01", None, "+00:00"), None),
    # relative to the reference date
    ("今天", REF, None, ("2024-05-16", None, None), "今天"),
    ("昨日", REF, None, ("2024-05-15", None, None), "昨日"),
    ("明天上午9點", REF, None, ("2024-05-17", "09:00", None), "明天上午9點"),
    ("本週二", REF, None, ("2024-05-14", None, None), "本週二"),
    ("下周一", REF, None, ("2024-05-20", None, None), "下周一"),
    ("上個月", REF, None, ("2024-04", None, None), "上個月"),
    ("上个月", dt.date(2024, 1, 10), None, ("2023-12", None, None), "上个月"),
    ("昨日", None, None, (None, None, None), "昨日"),
]


def _first_expression(text: str):
    doc = get_pipeline().process(text)
    assert doc.layers["dates"], f"no date found in {text}"
    return doc.layers["dates"][0]


@pytest.mark.parametrize("text,ref,hint,expected,surface", CASES)
def test_resolve(text, ref, hint, expected, surface):
    expr = _first_expression(text)
    r = event_date(expr, hint, ref)
    assert (r.date, r.time, r.utc_offset) == expected
    if surface is not None:
        assert text[expr.start:expr.end] == surface


@pytest.mark.parametrize("text", ["下午3點開會", "2024財年", "版本3.1", "第50屆"])
def test_not_a_date(text):
    doc = get_pipeline().process(text)
    assert [text[e.start:e.end] for e in doc.layers["dates"] if e.month or e.relative] == []


# A bare N号 (no month before it) is a day only in a day's context; otherwise it
# numbers a thing: a ballot, a line, a rocket, a reactor unit.
BARE_HAO = [
    ("唱名時喊出3號，計分板上卻在5號下面畫記", []),
    ("唱名时喊出3号，计分板上却在5号下面画记", []),
    ("新機組命名為1號機組", []),
    ("新机组命名为1号机组", []),
    ("捷運1號線延伸到機場", []),
    ("地铁1号线延伸到机场", []),
    ("遠望9號測量船返港", []),
    ("远望9号测量船返港", []),
    ("青鳥七號衛星升空", []),
    ("青鸟七号卫星升空", []),
    ("3月1號當天下雨", [("3月1號", 1)]),
    ("3月1号当天下雨", [("3月1号", 1)]),
    ("1號當天下雨", [("1號", 1)]),
    ("1号当天下雨", [("1号", 1)]),
    ("活動從15號起開放報名", [("15號", 15)]),
    ("活动从15号起开放报名", [("15号", 15)]),
    ("20號凌晨發生停電", [("20號凌晨", 20)]),
    ("20号凌晨发生停电", [("20号凌晨", 20)]),
    ("展覽於12號至14號舉行", [("12號", 12), ("14號", 14)]),
    ("展览于12号至14号举行", [("12号", 12), ("14号", 14)]),
    ("這批布料17、18號到貨", [("18號", 18)]),
    ("这批布料17、18号到货", [("18号", 18)]),
    ("那位歌手，27號突然現身台中", [("27號", 27)]),
    ("那位歌手，27号突然现身台中", [("27号", 27)]),
    ("市府表示，3號線將通車", []),
    ("市府表示，3号线将通车", []),
    ("下次聚會的9號", [("9號", 9)]),
    ("下次聚会的9号", [("9号", 9)]),
    ("26號", [("26號", 26)]),
    ("26号", [("26号", 26)]),
    ("文件編為2022年第17號", [("2022年", None)]),
    ("文件编为2022年第17号", [("2022年", None)]),
]


@pytest.mark.parametrize("text,expected", BARE_HAO)
def test_bare_hao_day(text, expected):
    doc = get_pipeline().process(text)
    assert [(text[e.start:e.end], e.day) for e in doc.layers["dates"]] == expected
