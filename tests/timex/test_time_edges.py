"""Time expressions at the calendar's edges and on hostile input.

A value is either inside the years 1-9999 (the schema's pattern) or null with a
warning saying why; a text dense with dates costs work linear in its length (calls counted).
"""
from __future__ import annotations

import random
import re

import pytest

from service import extract
from tests.work_count import assert_linear

VALUE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?|\d{2}:\d{2})$")

EDGES = [
    # text, reference date, expected warning (the value, start and end are all null)
    ("明天", "9999-12-31", "outside the years 1-9999"),
    ("下个月", "9999-12-15", "outside the years 1-9999"),
    ("明年", "9999-01-01", "outside the years 1-9999"),
    ("下周", "9999-12-30", "outside the years 1-9999"),
    ("下季", "9999-12-01", "outside the years 1-9999"),
    ("未來兩週", "9999-12-25", "outside the years 1-9999"),
    ("昨天", "0001-01-01", "outside the years 1-9999"),
    ("去年", "0001-05-05", "outside the years 1-9999"),
    ("過去三年", "0001-03-01", "outside the years 1-9999"),
    ("上世纪90年代", "0050-01-01", "outside the years 1-9999"),
    ("0000年1月1日", None, "outside the years 1-9999"),
    ("2月30日", "2023-05-01", "no calendar date"),
    ("2023年2月29日", None, "no calendar date"),
    ("31日", "2024-02-10", "no calendar date"),
    ("7月", None, "gives no year"),
    ("昨日", None, "is relative"),
]


@pytest.mark.parametrize("text, ref, warning", EDGES)
def test_no_value_outside_the_calendar_but_a_warning(text, ref, warning):
    result = extract(text, reference_date=ref)
    (t,) = result["time_expressions"]
    assert (t["value"], t["start"], t["end"]) == (None, None, None)
    assert any(warning in w and text in w for w in result["warnings"]), result["warnings"]


def test_leap_day_and_last_days_resolve():
    assert extract("29日", reference_date="2024-02-10")["time_expressions"][0]["value"] == "2024-02-29"
    got = extract("下个月", reference_date="2024-01-31")["time_expressions"][0]
    assert (got["start"], got["end"]) == ("2024-02-01", "2024-02-29")
    got = extract("過去一年", reference_date="2024-02-29")["time_expressions"][0]
    assert (got["start"], got["end"]) == ("2023-02-28", "2024-02-28")


def _random_text(r: random.Random, pieces: int) -> str:
    words = ["2024年7月30日", "下午3點", "昨天", "本週二", "第三季", "FY2025", "每周一", "過去三年",
             "7月30日至8月2日", "聖誕節", "台北時間", "上個月", "29日", "12:30", "年", "月", "日", "點",
             "星辰智能", "發表", "，", "。", "9999年", "0001年", "三", "十", "二〇二四"]
    return "".join(r.choice(words) for _ in range(pieces))


@pytest.mark.parametrize("seed", range(40))
def test_every_value_fits_the_schema(seed):
    r = random.Random(seed)
    ref = r.choice([None, "0001-01-01", "9999-12-31", "2024-02-29", "2023-12-31"])
    text = _random_text(r, 60)
    for t in extract(text, reference_date=ref)["time_expressions"]:
        assert text[t["span"]["start"]:t["span"]["end"]] == t["text"]
        for field in ("value", "start", "end"):
            assert t[field] is None or VALUE.match(t[field]), (t["text"], field, t[field])


def _dense(chars: int) -> str:
    r = random.Random(16)
    out, size = [], 0
    while size < chars:
        piece = r.choice(["2024年7月30日早上6點", "台北時間", "7月30日至8月2日", "第三季", "下午5:00到6:00",
                          "過去三年", "每周一", "二〇二四年十二月三日", "29日"])
        out.append(piece)
        size += len(piece)
    return "".join(out)   # no punctuation: one long run, cut by the document's sentence cap


def test_a_text_dense_with_dates_is_linear():
    # Calls counted, not time (tests/work_count.py; benchmarks/test_bench_growth.py times
    # it): 4x the text, about 4x the calls, no function's growing faster.
    assert_linear(extract, _dense, 10_000, 40_000)
